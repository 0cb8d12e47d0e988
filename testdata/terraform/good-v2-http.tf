# An HTTP API with a Lambda proxy integration, an HTTP proxy with
# parameter mapping and a private integration over a VPC link.
resource "aws_apigatewayv2_api" "http" {
  name          = "items"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_integration" "lambda" {
  api_id                 = aws_apigatewayv2_api.http.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.items.invoke_arn
  integration_method     = "POST"
  payload_format_version = "2.0"
  timeout_milliseconds   = 30000
}

resource "aws_apigatewayv2_route" "items" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "GET /items"
  target    = "integrations/${aws_apigatewayv2_integration.lambda.id}"
}

resource "aws_apigatewayv2_integration" "proxy" {
  api_id             = aws_apigatewayv2_api.http.id
  integration_type   = "HTTP_PROXY"
  integration_uri    = "https://${var.backend_host}/items/{proxy}"
  integration_method = "ANY"

  request_parameters = {
    "append:header.x-source" = "apigw"
    "overwrite:path"         = "$request.path"
  }

  response_parameters {
    status_code = "403"
    mappings = {
      "append:header.auth" = "$context.authorizer.authorizerResponse"
    }
  }
}

resource "aws_apigatewayv2_integration" "private" {
  api_id             = aws_apigatewayv2_api.http.id
  integration_type   = "HTTP_PROXY"
  integration_uri    = aws_lb_listener.internal.arn
  integration_method = "ANY"
  connection_type    = "VPC_LINK"
  connection_id      = aws_apigatewayv2_vpc_link.internal.id

  tls_config {
    server_name_to_verify = "internal.example.com"
  }
}

resource "aws_apigatewayv2_route" "proxy" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "ANY /items/{proxy+}"
  target    = "integrations/${aws_apigatewayv2_integration.proxy.id}"
}
