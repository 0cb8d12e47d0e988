# A WebSocket API whose integrations use HTTP API arguments, call a Lambda
# function with GET, wait longer than WebSocket APIs allow and read headers
# on a route that is not $connect.
resource "aws_apigatewayv2_api" "chat" {
  name                       = "chat"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_integration" "send" {
  api_id                 = aws_apigatewayv2_api.chat.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.send.invoke_arn
  integration_method     = "GET"
  payload_format_version = "2.0"
  timeout_milliseconds   = 30000

  request_parameters = {
    "integration.request.header.x-user" = "route.request.header.x-user"
    "integration.request.querystring.q" = "$request.querystring.q"
  }

  tls_config {
    server_name_to_verify = "backend.example.com"
  }

  response_parameters {
    status_code = "500"
    mappings = {
      "overwrite:statuscode" = "502"
    }
  }
}

resource "aws_apigatewayv2_route" "send" {
  api_id    = aws_apigatewayv2_api.chat.id
  route_key = "sendmessage"
  target    = "integrations/${aws_apigatewayv2_integration.send.id}"
}

resource "aws_apigatewayv2_integration" "sqs" {
  api_id              = aws_apigatewayv2_api.chat.id
  integration_type    = "aws"
  integration_subtype = "SQS-SendMessage"
  integration_uri     = "arn:aws:apigateway:us-east-1:sqs:path/123456789012/queue"
  credentials_arn     = aws_iam_role.api.arn
  passthrough_behavior = "never"
}
