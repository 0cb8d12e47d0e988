resource "aws_api_gateway_rest_api" "pets" {
  name              = "pets"
  put_rest_api_mode = "merge"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "pets", version = "1" }
    paths = {
      "/pets" = {
        get = {
          responses = {}
        }
      }
    }
  })
}

resource "aws_api_gateway_method" "orphan" {
  rest_api_id   = aws_api_gateway_rest_api.pets.id
  resource_id   = aws_api_gateway_rest_api.pets.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}
