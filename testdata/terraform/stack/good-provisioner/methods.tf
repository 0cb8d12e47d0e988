# The methods of bad-method-without-integration, in a module that also
# puts an integration with the AWS CLI (provisioner.tf): nothing is said.
resource "aws_api_gateway_rest_api" "pets" {
  name = "pets"
}

resource "aws_api_gateway_resource" "pets" {
  rest_api_id = aws_api_gateway_rest_api.pets.id
  parent_id   = aws_api_gateway_rest_api.pets.root_resource_id
  path_part   = "pets"
}

resource "aws_api_gateway_method" "root" {
  rest_api_id   = aws_api_gateway_rest_api.pets.id
  resource_id   = aws_api_gateway_rest_api.pets.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method" "list" {
  rest_api_id   = aws_api_gateway_rest_api.pets.id
  resource_id   = aws_api_gateway_resource.pets.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method" "delete" {
  rest_api_id   = aws_api_gateway_rest_api.pets.id
  resource_id   = aws_api_gateway_resource.pets.id
  http_method   = "DELETE"
  authorization = "NONE"
}

resource "aws_api_gateway_deployment" "pets" {
  rest_api_id = aws_api_gateway_rest_api.pets.id
  depends_on  = [aws_api_gateway_integration.root, aws_api_gateway_integration.list]
}
