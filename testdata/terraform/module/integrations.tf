resource "aws_apigatewayv2_integration" "a" {
  api_id           = aws_apigatewayv2_api.http.id
  integration_type = "HTTP_PROXY"
  integration_uri  = "https://example.com"
  integration_method = "ANY"
}
