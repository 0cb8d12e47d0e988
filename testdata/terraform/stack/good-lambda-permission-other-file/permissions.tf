# The permissions for the integrations of api.tf and http.tf.
resource "aws_lambda_permission" "pets" {
  for_each      = toset(["a"])
  statement_id  = "AllowAPIGateway-${each.key}"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.pets.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.pets.execution_arn}/*/GET/pets"
}

resource "aws_lambda_permission" "create" {
  statement_id  = "AllowAPIGateway"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.create.function_name
  qualifier     = aws_lambda_alias.live.name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.pets.execution_arn}/*/*"
}
