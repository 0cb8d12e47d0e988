module github.com/apigwlint/apigwlint

go 1.25.0

require (
	github.com/owenrumney/go-sarif/v2 v2.3.3
	go.yaml.in/yaml/v4 v4.0.0
)

require github.com/stretchr/testify v1.9.0 // indirect
