resource "aws_api_gateway_integration" "verbs" {
  for_each    = aws_api_gateway_method.verbs
  rest_api_id = each.value.rest_api_id
  resource_id = each.value.resource_id
  http_method = each.value.http_method
  type        = "MOCK"
}

variable "extra_method" {
  type = string
}

resource "aws_api_gateway_integration" "extra" {
  rest_api_id = aws_api_gateway_rest_api.pets.id
  resource_id = aws_api_gateway_rest_api.pets.root_resource_id
  http_method = var.extra_method
  type        = "MOCK"
}
