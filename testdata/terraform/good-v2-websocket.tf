# A WebSocket API as the AWS samples write it: a Lambda proxy integration
# for $connect that reads a header, and an SQS integration with a mapping
# template and an integration response.
resource "aws_apigatewayv2_api" "chat" {
  name                       = "chat"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_integration" "connect" {
  api_id               = aws_apigatewayv2_api.chat.id
  integration_type     = "AWS_PROXY"
  integration_uri      = aws_lambda_function.connect.invoke_arn
  integration_method   = "POST"
  timeout_milliseconds = 29000
  content_handling_strategy = "CONVERT_TO_TEXT"

  request_parameters = {
    "integration.request.header.x-user" = "route.request.header.x-user"
  }
}

resource "aws_apigatewayv2_route" "connect" {
  api_id    = aws_apigatewayv2_api.chat.id
  route_key = "$connect"
  target    = "integrations/${aws_apigatewayv2_integration.connect.id}"
}

resource "aws_apigatewayv2_integration" "sqs" {
  api_id                        = aws_apigatewayv2_api.chat.id
  integration_type              = "AWS"
  integration_method            = "POST"
  integration_uri               = "arn:aws:apigateway:us-east-1:sqs:path/123456789012/queue"
  credentials_arn               = aws_iam_role.api.arn
  passthrough_behavior          = "NEVER"
  template_selection_expression = "\\$default"

  request_parameters = {
    "integration.request.header.Content-Type" = "'application/x-www-form-urlencoded'"
  }

  request_templates = {
    "$default" = "Action=SendMessage&MessageBody=$util.urlEncode($input.body)"
  }
}

resource "aws_apigatewayv2_route" "default" {
  api_id    = aws_apigatewayv2_api.chat.id
  route_key = "$default"
  target    = "integrations/${aws_apigatewayv2_integration.sqs.id}"
}

resource "aws_apigatewayv2_integration_response" "sqs" {
  api_id                   = aws_apigatewayv2_api.chat.id
  integration_id           = aws_apigatewayv2_integration.sqs.id
  integration_response_key = "/200/"
}
