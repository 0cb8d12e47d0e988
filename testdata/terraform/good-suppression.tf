# Suppression comments in Terraform: # and // comments, on the line
# above (reaching the block or value that line starts) or at the end of the
# line. Each suppresses the finding it names, so nothing is reported.

# apigwlint:ignore AGW108 -- the backend answers within 20 ms, measured
resource "aws_api_gateway_integration" "fast" {
  rest_api_id             = "a1b2c3"
  resource_id             = "r1"
  http_method             = "GET"
  type                    = "HTTP"
  integration_http_method = "GET"
  uri                     = "https://backend.example.com/items"
  timeout_milliseconds    = 20
}

resource "aws_api_gateway_integration" "trailing" {
  rest_api_id             = "a1b2c3"
  resource_id             = "r2"
  http_method             = "GET"
  type                    = "AWS_PROXY"
  integration_http_method = "GET" // apigwlint:ignore AGW102 -- a test double, not Lambda, answers GET
  uri                     = aws_lambda_function.items.invoke_arn
}

resource "aws_api_gateway_integration" "templates" {
  rest_api_id             = "a1b2c3"
  resource_id             = "r3"
  http_method             = "POST"
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:us-east-1:sqs:path/123456789012/queue"
  // apigwlint:ignore AGW126 -- kept while the backend moves to HTTP
  tls_config {
    insecure_skip_verification = true
  }
  request_templates = {
    # A # or // inside a heredoc is template text, not a comment:
    "application/json" = <<EOF
#set($x = 1) # apigwlint:ignore AGW108 not a directive: heredoc text
// apigwlint:ignore AGW108 neither is this
Action=SendMessage&MessageBody=$input.body
EOF
  }
  # apigwlint:ignore AGW108 -- reaches the value below, past the heredoc above
  timeout_milliseconds = 10
}
