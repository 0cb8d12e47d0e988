package main

import (
	"encoding/json"
	"slices"
	"testing"
)

// TestTimeoutCeiling: the default ceiling of 29000 ms, and one raised to
// 50000 ms in .apigwlint.yaml or by flag, accept a buffered REST timeout equal
// to the ceiling and report one a millisecond above it. Only which operations
// are reported is compared, not the message.
func TestTimeoutCeiling(t *testing.T) {
	const api = "testdata/config/timeout-ceiling/api.yaml"
	const op = "/x-amazon-apigateway-integration/timeoutInMillis"
	for name, tc := range map[string]struct {
		args []string
		want []string
	}{
		"default 29000": {[]string{"--no-config"},
			[]string{"/paths/~1over-default/get" + op, "/paths/~1at-raised/get" + op, "/paths/~1over-raised/get" + op}},
		"config 50000": {[]string{"--config", "testdata/config/timeout-ceiling/50000.apigwlint.yaml"},
			[]string{"/paths/~1over-raised/get" + op}},
		"flag 50000": {[]string{"--no-config", "--timeout-ceiling", "50000"},
			[]string{"/paths/~1over-raised/get" + op}},
	} {
		t.Run(name, func(t *testing.T) {
			r := runCLI(t, "", append(tc.args, "--format", "json", api)...)
			var fs []struct{ Rule, Pointer string }
			if err := json.Unmarshal([]byte(r.stdout), &fs); err != nil {
				t.Fatalf("%v\nstdout:\n%s\nstderr:\n%s", err, r.stdout, r.stderr)
			}
			var got []string
			for _, f := range fs {
				if f.Rule == "AGW108" {
					got = append(got, f.Pointer)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("timeout findings at\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}
