# The protocol_type of these APIs is not visible (a variable, or the API is
# declared in another file of the module): the route keys of their routes
# tell it, as in CloudFormation. $connect makes chat a WebSocket API;
# "GET /pets" makes pets (declared elsewhere) an HTTP API.
resource "aws_apigatewayv2_api" "chat" {
  name                       = "chat"
  protocol_type              = var.protocol_type
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_route" "connect" {
  api_id    = aws_apigatewayv2_api.chat.id
  route_key = "$connect"
  target    = "integrations/${aws_apigatewayv2_integration.connect.id}"
}

resource "aws_apigatewayv2_integration" "connect" {
  api_id                 = aws_apigatewayv2_api.chat.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.connect.invoke_arn
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "list_pets" {
  api_id    = aws_apigatewayv2_api.pets.id
  route_key = "GET /pets"
  target    = "integrations/${aws_apigatewayv2_integration.list_pets.id}"
}

resource "aws_apigatewayv2_integration" "list_pets" {
  api_id                 = aws_apigatewayv2_api.pets.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.pets.invoke_arn
  payload_format_version = "2.0"
  request_templates = {
    "application/json" = "{}"
  }
}

# An API with a body is an HTTP API, whatever its protocol_type variable
# says: only HTTP APIs are imported from OpenAPI.
resource "aws_apigatewayv2_api" "orders" {
  name          = "orders"
  protocol_type = var.protocol_type
  body          = file("${path.module}/orders.yaml")
}

resource "aws_apigatewayv2_integration" "orders" {
  api_id               = aws_apigatewayv2_api.orders.id
  integration_type     = "AWS_PROXY"
  integration_uri      = aws_lambda_function.orders.invoke_arn
  passthrough_behavior = "NEVER"
}
