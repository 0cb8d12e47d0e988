# Messages about an aws_api_gateway_integration name its arguments the way
# Terraform spells them (insecure_skip_verification, request_parameters),
# never the OpenAPI names (insecureSkipVerification, requestParameters),
# and suggest HCL, not YAML.
resource "aws_api_gateway_integration" "legacy" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.item.id
  http_method             = "GET"
  type                    = "HTTP_PROXY"
  integration_http_method = "GET"
  uri                     = "https://legacy.example.com/items/{id}"

  tls_config {
    insecure_skip_verification = true
  }
}

resource "aws_api_gateway_integration" "lambda" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.items.id
  http_method             = "POST"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.items.invoke_arn

  tls_config {
    insecure_skip_verification = true
  }
}
