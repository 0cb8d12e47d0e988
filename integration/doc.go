// Package integration runs apigwlint the way its integrations do, for real:
// the GitHub Action's composite steps and scripts (action.yml,
// .github/action/*.sh) under bash with the files and variables a runner
// provides, and the hooks of .pre-commit-hooks.yaml under pre-commit. Both
// run a built apigwlint binary and take seconds, so they live apart from the
// unit and end-to-end tests: go test ./cmd/... ./internal/... does not pay
// for them, go test ./... (and .ci/run) does.
package integration
