# Names the other REST API.
resource "aws_lambda_permission" "pets" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.pets.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.admin.execution_arn}/*/*"
}

# GET /pets is integrated; these allow POST /pets and GET /pets/{id} only.
resource "aws_lambda_permission" "list_post" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.list.arn
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.pets.execution_arn}/*/POST/pets"
}

resource "aws_lambda_permission" "list_item" {
  action        = "lambda:InvokeFunction"
  function_name = "list-pets"
  principal     = "apigateway.amazonaws.com"
  source_arn    = "arn:aws:execute-api:${var.region}:${var.account}:${aws_api_gateway_rest_api.pets.id}/*/GET/pets/*"
}

# The REST API's execution ARN for an HTTP API integration.
resource "aws_lambda_permission" "orders" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.orders.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.pets.execution_arn}/*"
}

variable "region" {
  type = string
}

variable "account" {
  type = string
}
