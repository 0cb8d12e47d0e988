# Routes that target something other than an integration of their API.
resource "aws_apigatewayv2_api" "public" {
  name          = "public"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_api" "admin" {
  name          = "admin"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_integration" "admin" {
  api_id                 = aws_apigatewayv2_api.admin.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.admin.invoke_arn
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "users" {
  api_id    = aws_apigatewayv2_api.public.id
  route_key = "GET /users"
  target    = "integrations/${aws_apigatewayv2_integration.admin.id}"
}

resource "aws_apigatewayv2_route" "fn" {
  api_id    = aws_apigatewayv2_api.public.id
  route_key = "GET /fn"
  target    = "integrations/${aws_lambda_function.admin.id}"
}
