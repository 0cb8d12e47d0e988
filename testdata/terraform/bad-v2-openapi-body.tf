# An HTTP API written inline with jsonencode: REST mapping syntax in the
# HTTP API's request parameters, and a reusable integration named wrong.
resource "aws_apigatewayv2_api" "jokes" {
  name          = "jokes"
  protocol_type = "HTTP"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "jokes", version = "1" }
    paths = {
      "/joke" = {
        get = {
          x-amazon-apigateway-integration = {
            type                 = "http_proxy"
            httpMethod           = "GET"
            uri                  = "https://icanhazdadjoke.com/"
            payloadFormatVersion = "1.0"
            requestParameters = {
              "integration.request.header.Accept" = "'application/json'"
            }
          }
        }
      }
      "/jokes" = {
        get = {
          x-amazon-apigateway-integration = {
            "$ref" = "#/components/x-amazon-apigateway-integrations/joke-backend"
          }
        }
      }
    }
    components = {
      x-amazon-apigateway-integrations = {
        jokes-backend = {
          type                 = "http_proxy"
          httpMethod           = "GET"
          uri                  = "https://icanhazdadjoke.com/search"
          payloadFormatVersion = "1.0"
        }
      }
    }
  })
}

# A WebSocket API has no OpenAPI body: what is written there is not read.
resource "aws_apigatewayv2_api" "chat" {
  name                       = "chat"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
  body = jsonencode({
    openapi = "3.0.1"
    paths = {
      "/x" = { get = { x-amazon-apigateway-integration = { type = "http_proxy", uri = "not a url" } } }
    }
  })
}
