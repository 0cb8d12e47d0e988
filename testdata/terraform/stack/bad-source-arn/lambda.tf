resource "aws_lambda_function" "pets" {
  function_name = "pets"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "pets.zip"
}

resource "aws_lambda_function" "list" {
  function_name = "list-pets"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "list.zip"
}

resource "aws_lambda_function" "orders" {
  function_name = "orders"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "orders.zip"
}
