# Mistakes of Terraform spelling: a lower-case enum value (the AWS provider
# validates upper case), an argument the resource does not have, an unknown
# tls_config argument, and $${ (a literal ${) that nothing fills in.
resource "aws_api_gateway_integration" "sqs" {
  rest_api_id             = var.rest_api_id
  resource_id             = var.resource_id
  http_method             = "POST"
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:$${AWS::Region}:sqs:path/$${account}/orders"
  passthrough_behavior    = "when_no_match"
  timeout                 = 5000
  status_code             = 200

  tls_config {
    insecure_skip_verification = false
    verify_name                = "backend.example.com"
  }
}
