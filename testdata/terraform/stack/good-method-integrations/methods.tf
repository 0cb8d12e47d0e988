# Methods whose integration the module may hold, or that it does not
# settle: nothing is said.
resource "aws_api_gateway_rest_api" "pets" {
  name = "pets"
}

resource "aws_api_gateway_resource" "pets" {
  rest_api_id = aws_api_gateway_rest_api.pets.id
  parent_id   = aws_api_gateway_rest_api.pets.root_resource_id
  path_part   = "pets"
}

resource "aws_api_gateway_resource" "items" {
  rest_api_id = aws_api_gateway_rest_api.pets.id
  parent_id   = aws_api_gateway_rest_api.pets.root_resource_id
  path_part   = "items"
}

# Integrated by the for_each integration of integrations.tf, which goes
# over these methods.
resource "aws_api_gateway_method" "verbs" {
  for_each      = toset(["GET", "POST"])
  rest_api_id   = aws_api_gateway_rest_api.pets.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = each.value
  authorization = "NONE"
}

# Its integration is in integrations.tf, in the file's other syntax too.
resource "aws_api_gateway_method" "put" {
  rest_api_id   = aws_api_gateway_rest_api.pets.id
  resource_id   = aws_api_gateway_resource.pets.id
  http_method   = "PUT"
  authorization = "NONE"
}

# A method of an API given by a variable: the module does not settle it.
variable "rest_api_id" {
  type = string
}

variable "resource_id" {
  type = string
}

resource "aws_api_gateway_method" "elsewhere" {
  rest_api_id   = var.rest_api_id
  resource_id   = var.resource_id
  http_method   = "GET"
  authorization = "NONE"
}

# A method of an API with a body: the body may define its integration.
resource "aws_api_gateway_rest_api" "imported" {
  name              = "imported"
  put_rest_api_mode = "merge"
  body              = file("${path.module}/openapi.json")
}

resource "aws_api_gateway_method" "imported" {
  rest_api_id   = aws_api_gateway_rest_api.imported.id
  resource_id   = aws_api_gateway_rest_api.imported.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}

# DELETE /: an integration whose http_method is a variable may be it.
resource "aws_api_gateway_method" "delete" {
  rest_api_id   = aws_api_gateway_rest_api.pets.id
  resource_id   = aws_api_gateway_rest_api.pets.root_resource_id
  http_method   = "DELETE"
  authorization = "NONE"
}
