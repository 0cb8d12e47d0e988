resource "aws_api_gateway_rest_api" "pets" {
  name = "pets"
  body = file("${path.module}/openapi.json")
}

resource "aws_api_gateway_method" "root_post" {
  rest_api_id   = aws_api_gateway_rest_api.pets.id
  resource_id   = aws_api_gateway_rest_api.pets.root_resource_id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "root_post" {
  rest_api_id = aws_api_gateway_rest_api.pets.id
  resource_id = aws_api_gateway_rest_api.pets.root_resource_id
  http_method = aws_api_gateway_method.root_post.http_method
  type        = "MOCK"
}
