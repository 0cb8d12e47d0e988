# The API comes from a variable: its protocol is not known, so the
# arguments of one protocol are not judged against the other, and a
# timeout within both limits is fine.
resource "aws_apigatewayv2_integration" "this" {
  api_id                 = var.api_id
  integration_type       = "AWS_PROXY"
  integration_uri        = var.lambda_invoke_arn
  payload_format_version = "2.0"
  timeout_milliseconds   = 29000
  passthrough_behavior   = "WHEN_NO_MATCH"

  request_templates = {
    "application/json" = "{}"
  }
}

resource "aws_apigatewayv2_route" "this" {
  api_id    = var.api_id
  route_key = "$default"
  target    = "integrations/${aws_apigatewayv2_integration.this.id}"
}

resource "aws_apigatewayv2_route" "elsewhere" {
  api_id    = var.api_id
  route_key = "GET /other"
  target    = "integrations/${aws_apigatewayv2_integration.in_another_file.id}"
}
