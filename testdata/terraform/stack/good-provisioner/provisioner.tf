resource "null_resource" "delete_integration" {
  triggers = {
    rest_api_id = aws_api_gateway_rest_api.pets.id
    resource_id = aws_api_gateway_resource.pets.id
  }

  provisioner "local-exec" {
    command = "aws apigateway put-integration --rest-api-id ${aws_api_gateway_rest_api.pets.id} --resource-id ${aws_api_gateway_resource.pets.id} --http-method DELETE --type MOCK"
  }
}
