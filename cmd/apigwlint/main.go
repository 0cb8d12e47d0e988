// Command apigwlint lints Amazon API Gateway integrations: the
// x-amazon-apigateway-integration blocks of OpenAPI and Swagger documents
// (standalone or embedded in CloudFormation/SAM templates), and the JSON of
// aws apigateway put-integration / get-integration.
//
// Usage:
//
//	apigwlint [flags] PATH...
//
// Exit codes: 0 no findings at or above the fail level, 1 findings, 2 usage
// or input error.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
