# Any stage, GET on a pet: matches GET /pets/{id}.
resource "aws_lambda_permission" "pets" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.pets.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.pets.execution_arn}/*/GET/pets/*"
}

# One of two permissions matches GET /pets.
resource "aws_lambda_permission" "list_post" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.list.arn
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.pets.execution_arn}/*/POST/pets"
}

resource "aws_lambda_permission" "list_any" {
  action        = "lambda:InvokeFunction"
  function_name = "list-pets"
  principal     = "apigateway.amazonaws.com"
  source_arn    = "arn:aws:execute-api:${var.region}:${var.account}:${aws_api_gateway_rest_api.pets.id}/*/*/pets"
}

# A source ARN the module does not settle matches anything.
resource "aws_lambda_permission" "orders" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.orders.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = var.orders_source_arn
}

variable "region" {
  type = string
}

variable "account" {
  type = string
}

variable "orders_source_arn" {
  type = string
}
