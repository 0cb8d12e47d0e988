# The integration maps method.request.querystring.limit, which the method
# does not declare in its request_parameters (API Gateway: "Invalid mapping
# expression parameter specified").
resource "aws_api_gateway_method" "list" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "GET"
  authorization = "NONE"

  request_parameters = {
    "method.request.querystring.page" = false
  }
}

resource "aws_api_gateway_integration" "list" {
  rest_api_id             = aws_api_gateway_method.list.rest_api_id
  resource_id             = aws_api_gateway_method.list.resource_id
  http_method             = aws_api_gateway_method.list.http_method
  type                    = "HTTP"
  integration_http_method = "GET"
  uri                     = "https://backend.example.com/items"

  request_parameters = {
    "integration.request.querystring.page"  = "method.request.querystring.page"
    "integration.request.querystring.limit" = "method.request.querystring.limit"
  }
  cache_key_parameters = ["method.request.querystring.sort"]
}
