# An HTTP API whose integrations use WebSocket and REST-only arguments,
# and wrong values.
resource "aws_apigatewayv2_api" "http" {
  name          = "items"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_integration" "backend" {
  api_id                 = aws_apigatewayv2_api.http.id
  integration_type       = "HTTP"
  integration_uri        = "backend.example.com/items"
  integration_method     = "GET"
  payload_format_version = "2.0"
  passthrough_behavior   = "WHEN_NO_MATCH"
  timeout_milliseconds   = 40000
  connection_type        = "internet"

  request_templates = {
    "application/json" = "{}"
  }
}

resource "aws_apigatewayv2_integration_response" "backend" {
  api_id                   = aws_apigatewayv2_api.http.id
  integration_id           = aws_apigatewayv2_integration.backend.id
  integration_response_key = "/200/"
}

resource "aws_apigatewayv2_integration" "lambda" {
  api_id                 = aws_apigatewayv2_api.http.id
  integration_type       = "AWS_PROXY"
  integration_uri        = "https://example.com/fn"
  payload_format_version = "3.0"
}

resource "aws_apigatewayv2_integration" "queue" {
  api_id              = aws_apigatewayv2_api.http.id
  integration_type    = "AWS_PROXY"
  integration_subtype = "SQS-SendMesage"
  credentials_arn     = aws_iam_role.api.arn
  request_parameters = {
    "QueueUrl"    = aws_sqs_queue.q.url
    "MessageBody" = "$request.body"
  }
  timeout_millis = 1000
}
