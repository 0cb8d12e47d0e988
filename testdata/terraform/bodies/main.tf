# Bodies loaded from files beside this one: each is linted as an OpenAPI
# document of its own, of the kind the resource settles.

resource "aws_api_gateway_rest_api" "from_file" {
  name = "from-file"
  body = file("openapi.yaml")
}

resource "aws_api_gateway_rest_api" "from_template" {
  name = "from-template"
  body = templatefile("${path.module}/api.yaml.tpl", {
    lambda_arn = aws_lambda_function.api.invoke_arn
    region     = var.region
  })
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
  body          = file("./http.yaml")
}

# Read once, though two resources load it.
resource "aws_api_gateway_rest_api" "again" {
  name = "again"
  body = file("openapi.yaml")
}

# Not followed: a path Terraform computes.
resource "aws_api_gateway_rest_api" "computed" {
  name = "computed"
  body = file("${path.module}/${var.name}.yaml")
}

# Skipped quietly: outside the linted tree.
resource "aws_api_gateway_rest_api" "outside" {
  name = "outside"
  body = file("../../../../../../../../etc/hostname")
}

resource "aws_api_gateway_rest_api" "absolute" {
  name = "absolute"
  body = file("/etc/hostname")
}

# An input error at the call: Terraform could not read it either.
resource "aws_api_gateway_rest_api" "missing" {
  name = "missing"
  body = file("missing.yaml")
}
