resource "aws_lambda_function" "pets" {
  function_name = "pets"
  role          = aws_iam_role.lambda.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "pets.zip"
}

resource "aws_lambda_function" "orders" {
  function_name = "orders"
  role          = aws_iam_role.lambda.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "orders.zip"
}

resource "aws_lambda_permission" "s3" {
  statement_id  = "AllowS3"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.orders.function_name
  principal     = "s3.amazonaws.com"
}

resource "aws_iam_role" "lambda" {
  name               = "lambda"
  assume_role_policy = "{}"
}
