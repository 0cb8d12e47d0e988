resource "aws_api_gateway_rest_api" "pets" {
  name = "pets"
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
