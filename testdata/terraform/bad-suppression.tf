# Directives that do not apply: without a reason, naming no rule, stale,
# a near miss, and text in strings and heredocs that only looks like one.

resource "aws_api_gateway_integration" "no_reason" {
  rest_api_id             = "a1b2c3"
  resource_id             = "r1"
  http_method             = "GET"
  type                    = "HTTP"
  integration_http_method = "GET"
  uri                     = "https://backend.example.com/items"
  timeout_milliseconds    = 20 # apigwlint:ignore AGW108
}

resource "aws_api_gateway_integration" "stale" {
  rest_api_id             = "a1b2c3"
  resource_id             = "r2"
  http_method             = "GET"
  type                    = "HTTP"
  integration_http_method = "GET"
  // apigwlint:ignore AGW102 -- nothing to suppress here
  uri = "https://backend.example.com/items"
  // apigwlint:ingore AGW108 -- a typo
  timeout_milliseconds = 30
}

resource "aws_api_gateway_integration" "in_strings" {
  rest_api_id             = "a1b2c3"
  resource_id             = "r3"
  http_method             = "GET"
  type                    = "HTTP"
  integration_http_method = "GET"
  uri                     = "https://backend.example.com/items"
  request_templates = {
    "application/json" = <<-EOT
      # apigwlint:ignore AGW108 -- heredoc text
      {}
    EOT
  }
  timeout_milliseconds = 40

  // apigwlint:ignore AGW108 -- a blank line below: reaches nothing

  cache_namespace = "x"
}

resource "aws_api_gateway_integration" "in_a_string" {
  rest_api_id             = "a1b2c3"
  resource_id             = "r4"
  http_method             = "POST"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.items.invoke_arn
  request_templates       = { "text/plain" = "# apigwlint:ignore AGW125 -- in a string" }
}
