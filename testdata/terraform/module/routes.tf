# Routes of the API of api.tf; their integrations are in integrations.tf,
# except the one route b names, which no file of the module declares.
resource "aws_apigatewayv2_route" "a" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "GET /a"
  target    = "integrations/${aws_apigatewayv2_integration.a.id}"
}

resource "aws_apigatewayv2_route" "b" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "GET /b"
  target    = "integrations/${aws_apigatewayv2_integration.typo.id}"
}
