# Route keys that do not tell the protocol: $default is in both kinds of
# API, a key that is not a literal says nothing, routes of an api_id that is
# not a managed resource settle nothing, and a body that may be null
# (body = var.body) does not make an HTTP API.
resource "aws_apigatewayv2_api" "any" {
  name          = "any"
  protocol_type = var.protocol_type
  body          = var.body
}

resource "aws_apigatewayv2_route" "default" {
  api_id    = aws_apigatewayv2_api.any.id
  route_key = "$default"
  target    = "integrations/${aws_apigatewayv2_integration.default.id}"
}

resource "aws_apigatewayv2_route" "computed" {
  api_id    = aws_apigatewayv2_api.any.id
  route_key = var.route_key
  target    = "integrations/${aws_apigatewayv2_integration.default.id}"
}

resource "aws_apigatewayv2_integration" "default" {
  api_id                 = aws_apigatewayv2_api.any.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.any.invoke_arn
  payload_format_version = "2.0"
  passthrough_behavior   = "WHEN_NO_MATCH"
}

resource "aws_apigatewayv2_route" "shared" {
  api_id    = var.api_id
  route_key = "$connect"
  target    = "integrations/${aws_apigatewayv2_integration.shared.id}"
}

resource "aws_apigatewayv2_integration" "shared" {
  api_id                 = var.api_id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.shared.invoke_arn
  payload_format_version = "2.0"
}
