// Package bench holds apigwlint's benchmarks; it has no code of its own.
// They measure each stage of a lint (read, parse, model, rules, report),
// the whole lint and the two floors (a yaml node decode, an encoding/json
// decode into any) on documents from internal/gen, at 1,000 and 10,000
// integrations, YAML and its JSON twin:
//
//	go test -run '^$' -bench . -benchmem ./internal/bench
//	go test -run '^$' -bench 'Lint/yaml/10000' -cpuprofile cpu.out ./internal/bench
//	go tool pprof -top -cum cpu.out
//
// Inputs are generated in memory once per process, outside the timed
// part. The benchmarks only run with -bench: go test ./... runs nothing
// here.
package bench
