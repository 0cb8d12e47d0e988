# The integrations of bad-source-arn, with permissions that may match
# them (permissions.tf).
resource "aws_api_gateway_rest_api" "pets" {
  name = "pets"
}

resource "aws_api_gateway_rest_api" "admin" {
  name = "admin"
}

resource "aws_api_gateway_resource" "pets" {
  rest_api_id = aws_api_gateway_rest_api.pets.id
  parent_id   = aws_api_gateway_rest_api.pets.root_resource_id
  path_part   = "pets"
}

resource "aws_api_gateway_resource" "pet" {
  rest_api_id = aws_api_gateway_rest_api.pets.id
  parent_id   = aws_api_gateway_resource.pets.id
  path_part   = "{id}"
}

resource "aws_api_gateway_method" "get_pet" {
  rest_api_id   = aws_api_gateway_rest_api.pets.id
  resource_id   = aws_api_gateway_resource.pet.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "get_pet" {
  rest_api_id             = aws_api_gateway_method.get_pet.rest_api_id
  resource_id             = aws_api_gateway_method.get_pet.resource_id
  http_method             = aws_api_gateway_method.get_pet.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.pets.invoke_arn
}

resource "aws_api_gateway_method" "list" {
  rest_api_id   = aws_api_gateway_rest_api.pets.id
  resource_id   = aws_api_gateway_resource.pets.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "list" {
  rest_api_id             = aws_api_gateway_rest_api.pets.id
  resource_id             = aws_api_gateway_resource.pets.id
  http_method             = aws_api_gateway_method.list.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.list.invoke_arn
}

resource "aws_apigatewayv2_api" "orders" {
  name          = "orders"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_integration" "orders" {
  api_id                 = aws_apigatewayv2_api.orders.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.orders.invoke_arn
  payload_format_version = "2.0"
}
