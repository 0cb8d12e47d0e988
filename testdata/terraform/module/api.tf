resource "aws_apigatewayv2_api" "http" {
  name          = "items"
  protocol_type = "HTTP"
}
