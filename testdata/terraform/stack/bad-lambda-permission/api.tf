# A REST API whose integration invokes aws_lambda_function.pets (lambda.tf)
# without credentials; no file of the module grants API Gateway the
# permission to invoke it.
resource "aws_api_gateway_rest_api" "pets" {
  name = "pets"
}

resource "aws_api_gateway_resource" "pets" {
  rest_api_id = aws_api_gateway_rest_api.pets.id
  parent_id   = aws_api_gateway_rest_api.pets.root_resource_id
  path_part   = "pets"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_rest_api.pets.id
  resource_id   = aws_api_gateway_resource.pets.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "get" {
  rest_api_id             = aws_api_gateway_rest_api.pets.id
  resource_id             = aws_api_gateway_resource.pets.id
  http_method             = aws_api_gateway_method.get.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.pets.invoke_arn
}
