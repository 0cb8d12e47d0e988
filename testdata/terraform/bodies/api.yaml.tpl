openapi: "3.0.1"
info:
  title: from template
  version: "1"
paths:
  /items:
    get:
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: "${lambda_arn}"
    post:
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${region}:123456789012:function:api/invocations
        timeoutInMillis: ${timeout}
    put:
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: "${lambda_arn}"
        timeoutInMillis: 10
