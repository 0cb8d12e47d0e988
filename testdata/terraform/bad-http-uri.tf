# HTTP integrations whose uri API Gateway rejects ("Invalid HTTP endpoint
# specified for URI").
resource "aws_api_gateway_integration" "no_scheme" {
  rest_api_id             = var.rest_api_id
  resource_id             = var.resource_id
  http_method             = "GET"
  type                    = "HTTP"
  integration_http_method = "GET"
  uri                     = "backend.example.com/pets"
}

resource "aws_api_gateway_integration" "bad_port" {
  rest_api_id             = var.rest_api_id
  resource_id             = var.resource_id
  http_method             = "POST"
  type                    = "HTTP_PROXY"
  integration_http_method = "POST"
  uri                     = "https://${var.host}:80a/pets"
}
