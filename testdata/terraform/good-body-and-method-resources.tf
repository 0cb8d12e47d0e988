resource "aws_api_gateway_rest_api" "pets" {
  name              = "pets"
  put_rest_api_mode = "merge"
  body              = file("${path.module}/openapi.json")
}

resource "aws_api_gateway_rest_api" "plain" {
  name = "plain"
}

resource "aws_api_gateway_method" "merged" {
  rest_api_id   = aws_api_gateway_rest_api.pets.id
  resource_id   = aws_api_gateway_rest_api.pets.root_resource_id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_method" "plain" {
  rest_api_id   = aws_api_gateway_rest_api.plain.id
  resource_id   = aws_api_gateway_rest_api.plain.root_resource_id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "plain" {
  rest_api_id = aws_api_gateway_rest_api.plain.id
  resource_id = aws_api_gateway_rest_api.plain.root_resource_id
  http_method = aws_api_gateway_method.plain.http_method
  type        = "MOCK"
}
