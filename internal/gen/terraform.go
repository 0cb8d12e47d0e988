package gen

import (
	"bufio"
	"fmt"
	"math/rand/v2"
)

// writeTerraform writes a Terraform module of opts.Integrations
// integrations, cycling through five kinds, each with the resources that
// make it whole: a REST Lambda proxy, a REST HTTP integration with a
// parameter mapping and a mapping template, and a REST mock (each with its
// aws_api_gateway_resource, aws_api_gateway_method declaring a query
// parameter, method response and integration response), an HTTP API Lambda
// proxy and a WebSocket API integration to SQS with a mapping template
// (each with its aws_apigatewayv2_route, and the WebSocket one with an
// integration response). The module is clean: apigwlint reports nothing
// on it. Seed varies the timeouts.
func writeTerraform(w *bufio.Writer, opts Options) {
	r := rand.New(rand.NewPCG(uint64(opts.Seed), 0x7466))
	w.WriteString(`resource "aws_api_gateway_rest_api" "api" {
  name = "generated"
}

resource "aws_apigatewayv2_api" "http" {
  name          = "generated-http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_api" "ws" {
  name                       = "generated-ws"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

`)
	for i := range opts.Integrations {
		timeout := (1 + r.IntN(29)) * 1000
		switch i % 5 {
		case 3:
			fmt.Fprintf(w, `resource "aws_apigatewayv2_integration" "i%[1]d" {
  api_id                 = aws_apigatewayv2_api.http.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.f%[1]d.invoke_arn
  integration_method     = "POST"
  payload_format_version = "2.0"
  timeout_milliseconds   = %[2]d
}

resource "aws_apigatewayv2_route" "r%[1]d" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "GET /items%[1]d"
  target    = "integrations/${aws_apigatewayv2_integration.i%[1]d.id}"
}

`, i, timeout)
			continue
		case 4:
			fmt.Fprintf(w, `resource "aws_apigatewayv2_integration" "i%[1]d" {
  api_id                        = aws_apigatewayv2_api.ws.id
  integration_type              = "AWS"
  integration_method            = "POST"
  integration_uri               = "arn:aws:apigateway:us-east-1:sqs:path/123456789012/queue%[1]d"
  credentials_arn               = aws_iam_role.api.arn
  passthrough_behavior          = "NEVER"
  template_selection_expression = "\\$default"
  timeout_milliseconds          = %[2]d

  request_parameters = {
    "integration.request.header.Content-Type" = "'application/x-www-form-urlencoded'"
  }

  request_templates = {
    "$default" = "Action=SendMessage&MessageBody=$util.urlEncode($input.body)"
  }
}

resource "aws_apigatewayv2_route" "r%[1]d" {
  api_id    = aws_apigatewayv2_api.ws.id
  route_key = "action%[1]d"
  target    = "integrations/${aws_apigatewayv2_integration.i%[1]d.id}"
}

resource "aws_apigatewayv2_integration_response" "ok%[1]d" {
  api_id                   = aws_apigatewayv2_api.ws.id
  integration_id           = aws_apigatewayv2_integration.i%[1]d.id
  integration_response_key = "/200/"
}

`, i, timeout)
			continue
		}
		fmt.Fprintf(w, `resource "aws_api_gateway_resource" "r%[1]d" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "items%[1]d"
}

resource "aws_api_gateway_method" "m%[1]d" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.r%[1]d.id
  http_method   = "GET"
  authorization = "NONE"
  request_parameters = {
    "method.request.querystring.page" = false
  }
}

`, i)
		switch i % 5 {
		case 0:
			fmt.Fprintf(w, `resource "aws_api_gateway_integration" "i%[1]d" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r%[1]d.id
  http_method             = aws_api_gateway_method.m%[1]d.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.f%[1]d.invoke_arn
  timeout_milliseconds    = %[2]d
}

`, i, timeout)
		case 1:
			fmt.Fprintf(w, `resource "aws_api_gateway_integration" "i%[1]d" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r%[1]d.id
  http_method             = aws_api_gateway_method.m%[1]d.http_method
  type                    = "HTTP"
  integration_http_method = "GET"
  uri                     = "https://${var.host}/items/%[1]d"
  request_parameters = {
    "integration.request.querystring.page" = "method.request.querystring.page"
  }
  request_templates = {
    "application/json" = <<-EOT
      #set($page = $input.params('page'))
      { "page": "$util.escapeJavaScript($page)" }
    EOT
  }
}

`, i)
		default:
			fmt.Fprintf(w, `resource "aws_api_gateway_integration" "i%[1]d" {
  rest_api_id       = aws_api_gateway_rest_api.api.id
  resource_id       = aws_api_gateway_resource.r%[1]d.id
  http_method       = aws_api_gateway_method.m%[1]d.http_method
  type              = "MOCK"
  request_templates = { "application/json" = "{\"statusCode\": 200}" }
}

`, i)
		}
		fmt.Fprintf(w, `resource "aws_api_gateway_method_response" "ok%[1]d" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_resource.r%[1]d.id
  http_method = aws_api_gateway_method.m%[1]d.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "ok%[1]d" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_resource.r%[1]d.id
  http_method = aws_api_gateway_method.m%[1]d.http_method
  status_code = aws_api_gateway_method_response.ok%[1]d.status_code
  depends_on  = [aws_api_gateway_integration.i%[1]d]
}

`, i)
	}
}
