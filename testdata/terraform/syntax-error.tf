resource "aws_api_gateway_integration" "broken" {
  rest_api_id = var.rest_api_id
  type = "MOCK" "HTTP"
}
