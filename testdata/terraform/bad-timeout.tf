# A buffered REST integration waiting 35 seconds: above the default
# maximum of 29 seconds.
resource "aws_api_gateway_integration" "slow" {
  rest_api_id             = var.rest_api_id
  resource_id             = var.resource_id
  http_method             = "POST"
  type                    = "HTTP_PROXY"
  integration_http_method = "POST"
  uri                     = "https://backend.example.com/reports"
  timeout_milliseconds    = 35000
}

resource "aws_api_gateway_integration" "fast" {
  rest_api_id             = var.rest_api_id
  resource_id             = var.resource_id
  http_method             = "GET"
  type                    = "HTTP_PROXY"
  integration_http_method = "GET"
  uri                     = "https://backend.example.com/reports"
  timeout_milliseconds    = 20
}
