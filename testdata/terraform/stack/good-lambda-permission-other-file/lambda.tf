resource "aws_lambda_function" "pets" {
  function_name = "pets"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "pets.zip"
}

resource "aws_lambda_function" "orders" {
  function_name = "orders"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "orders.zip"
}

resource "aws_lambda_function" "create" {
  function_name = "create-pet"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "create.zip"
  publish       = true
}

resource "aws_lambda_alias" "live" {
  name             = "live"
  function_name    = aws_lambda_function.create.function_name
  function_version = aws_lambda_function.create.version
}
