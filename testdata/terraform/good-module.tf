# A module that wires a REST API to Lambda, an HTTP backend over a VPC link,
# an SQS queue and a mock, with references, variables, for_each and dynamic
# blocks everywhere: nothing here is a mistake.
variable "region" {}
variable "routes" {
  type = map(object({ method = string, path = string }))
}
variable "insecure" { default = false }

locals {
  cors_headers = {
    "method.response.header.Access-Control-Allow-Origin" = "'*'"
  }
}

resource "aws_api_gateway_rest_api" "api" {
  name = "shop"
}

resource "aws_api_gateway_resource" "items" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "items"
}

resource "aws_api_gateway_method" "items_get" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "GET"
  authorization = "AWS_IAM"
  request_parameters = {
    "method.request.querystring.page" = false
    "method.request.header.X-Trace"   = false
    "method.request.path.id"          = true
  }
}

resource "aws_api_gateway_integration" "items_get" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.items.id
  http_method             = aws_api_gateway_method.items_get.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.items.invoke_arn
  timeout_milliseconds    = 29000
  request_parameters = {
    "integration.request.header.X-Trace" = "method.request.header.X-Trace"
  }
  cache_key_parameters = ["method.request.querystring.page"]
}

resource "aws_api_gateway_method" "items_post" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "POST"
  authorization = "NONE"
}

# A Lambda invoked through its alias, and the invoke ARN written out.
resource "aws_api_gateway_integration" "items_post" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.items.id
  http_method             = aws_api_gateway_method.items_post.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/${aws_lambda_alias.live.arn}/invocations"
  credentials             = aws_iam_role.invoke.arn
  passthrough_behavior    = "WHEN_NO_TEMPLATES"
  request_templates = {
    "application/json" = <<-EOT
      #set($body = $input.path('$'))
      {
        "item": $input.json('$.item'),
        "user": "$context.identity.caller",
        "stage": "${var.region}"
      }
    EOT
  }
}

resource "aws_api_gateway_method_response" "items_post_200" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_resource.items.id
  http_method = aws_api_gateway_method.items_post.http_method
  status_code = "200"
  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = true
  }
}

resource "aws_api_gateway_method_response" "items_post_400" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_resource.items.id
  http_method = aws_api_gateway_method.items_post.http_method
  status_code = 400
}

resource "aws_api_gateway_integration_response" "items_post_200" {
  rest_api_id         = aws_api_gateway_rest_api.api.id
  resource_id         = aws_api_gateway_resource.items.id
  http_method         = aws_api_gateway_method.items_post.http_method
  status_code         = aws_api_gateway_method_response.items_post_200.status_code
  response_parameters = local.cors_headers
  response_templates = {
    "application/json" = "$input.json('$.body')"
  }
  depends_on = [aws_api_gateway_integration.items_post]
}

resource "aws_api_gateway_integration_response" "items_post_400" {
  rest_api_id       = aws_api_gateway_rest_api.api.id
  resource_id       = aws_api_gateway_resource.items.id
  http_method       = aws_api_gateway_method.items_post.http_method
  status_code       = "400"
  selection_pattern = ".*\\[BadRequest\\].*"
  content_handling  = "CONVERT_TO_TEXT"
}

# Routes made with for_each: values of each.value are unknown.
resource "aws_api_gateway_method" "route" {
  for_each      = var.routes
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = each.value.method
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "route" {
  for_each                = var.routes
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.items.id
  http_method             = aws_api_gateway_method.route[each.key].http_method
  type                    = "HTTP_PROXY"
  integration_http_method = each.value.method
  uri                     = "https://${aws_lb.internal.dns_name}/${each.value.path}/{proxy}"
  connection_type         = "VPC_LINK"
  connection_id           = aws_api_gateway_vpc_link.internal.id
  request_parameters = {
    "integration.request.path.proxy" = "method.request.path.proxy"
  }

  dynamic "tls_config" {
    for_each = var.insecure ? [1] : []
    content {
      insecure_skip_verification = true
    }
  }
}

# SQS through an AWS service integration, with a role.
resource "aws_api_gateway_integration" "enqueue" {
  count                   = var.enabled ? 1 : 0
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.items.id
  http_method             = "PUT"
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:${var.region}:sqs:path/${data.aws_caller_identity.me.account_id}/${aws_sqs_queue.q.name}"
  credentials             = "arn:aws:iam::${data.aws_caller_identity.me.account_id}:role/${var.role_name}"
  request_parameters = {
    "integration.request.header.Content-Type" = "'application/x-www-form-urlencoded'"
  }
  request_templates = {
    "application/json" = "Action=SendMessage&MessageBody=$util.urlEncode($input.body)"
  }
  tls_config {
    insecure_skip_verification = false
  }
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_integration" "mock" {
  rest_api_id       = aws_api_gateway_rest_api.api.id
  resource_id       = aws_api_gateway_rest_api.api.root_resource_id
  http_method       = "OPTIONS"
  type              = "MOCK"
  request_templates = { "application/json" = jsonencode({ statusCode = 200 }) }
}

# Streaming from a Lambda function, up to 15 minutes.
resource "aws_api_gateway_integration" "stream" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.chat.id
  http_method             = "POST"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.chat.response_streaming_invoke_arn
  response_transfer_mode  = "STREAM"
  timeout_milliseconds    = 900000
}
