# An OpenAPI document written inline with jsonencode: the Lambda proxy of
# GET /pets is called with GET.
resource "aws_api_gateway_rest_api" "api" {
  name = "pets"
  body = jsonencode({
    openapi = "3.0.1"
    info = {
      title   = "pets"
      version = "1.0"
    }
    paths = {
      "/pets" = {
        get = {
          responses = {
            "200" = { description = "the pets" }
          }
          x-amazon-apigateway-integration = {
            type       = "aws_proxy"
            httpMethod = "GET"
            uri        = aws_lambda_function.pets.invoke_arn
          }
        }
        post = {
          x-amazon-apigateway-integration = {
            type       = "aws_proxy"
            httpMethod = "POST"
            uri        = "arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/${aws_lambda_function.pets.arn}/invocations"
          }
        }
      }
    }
  })
}
