output "pets_function" {
  value = aws_lambda_function.pets.function_name
}

output "orders_function_arn" {
  value = "${aws_lambda_function.orders.arn}"
}
