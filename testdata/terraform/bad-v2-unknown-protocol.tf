# The API comes from a variable: only what holds for both protocols is
# judged.
resource "aws_apigatewayv2_integration" "this" {
  api_id               = var.api_id
  integration_type     = "aws_proxy"
  integration_uri      = var.lambda_invoke_arn
  timeout_milliseconds = 40000
  integratoin_method   = "POST"
}
