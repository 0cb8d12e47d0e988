module "permissions" {
  source      = "./permissions"
  functions   = [aws_lambda_function.pets.function_name, aws_lambda_function.orders.function_name]
  rest_api_id = aws_api_gateway_rest_api.pets.id
  resource_id = aws_api_gateway_resource.pets.id
}
