package main

import (
	"encoding/json"
	"github.com/apigwlint/apigwlint/internal/clitest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// wantRun checks a run's exit code and that its standard output is exactly
// the lines given (in order), and standard error holds each of errHas.
func wantRun(t *testing.T, r result, code int, stdout []string, errHas ...string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, r.stdout, r.stderr)
	}
	want := strings.Join(stdout, "\n")
	if len(stdout) > 0 {
		want += "\n"
	}
	if r.stdout != want {
		t.Errorf("stdout differs:\n%s", clitest.LineDiff(want, r.stdout))
	}
	for _, s := range errHas {
		if !strings.Contains(r.stderr, s) {
			t.Errorf("stderr lacks %q:\n%s", s, r.stderr)
		}
	}
}

const (
	api30    = "testdata/config/api.yaml:11:26: %s: timeoutInMillis 30 is below the minimum of 50 ms [AGW108]"
	api45000 = "testdata/config/api.yaml:21:26: error: timeoutInMillis 45000 is above 29000 ms, the default maximum: API Gateway fails the deployment; only Regional and private REST APIs can go higher, after a quota increase (then raise the timeout-ceiling setting to match) [AGW108]"
	apiField = `testdata/config/api.yaml:12:9: warning: unknown integration field "passThroughBehaviour"; API Gateway ignores it (did you mean passthroughBehavior?) [AGW118]`
)

func sev(line, s string) string { return strings.Replace(line, "%s", s, 1) }

// TestConfigFile runs with --config: the file switches unknown-field off,
// lowers timeout to a warning, raises the timeout ceiling to 60000 and fails
// only on errors. Flags given on the command line win over the file.
func TestConfigFile(t *testing.T) {
	const cfg = "testdata/config/basic.apigwlint.yaml"
	wantRun(t, runCLI(t, "", "--no-config", "testdata/config/api.yaml"), exitFindings,
		[]string{sev(api30, "error"), apiField, api45000})
	wantRun(t, runCLI(t, "", "--config", cfg, "testdata/config/api.yaml"), exitClean,
		[]string{sev(api30, "warning")})
	// --fail-level and --timeout-ceiling override the file.
	wantRun(t, runCLI(t, "", "--config", cfg, "--fail-level", "warning", "--timeout-ceiling", "29000", "testdata/config/api.yaml"), exitFindings,
		[]string{sev(api30, "warning"), strings.Replace(api45000, "error:", "warning:", 1)})
	// --disable adds to the rules the file switches off.
	wantRun(t, runCLI(t, "", "--config", cfg, "--disable", "timeout", "testdata/config/api.yaml"), exitClean, nil)

	r := runCLI(t, "", "--config", cfg, "--no-config", "testdata/config/api.yaml")
	wantRun(t, r, exitError, nil, "--config and --no-config contradict each other")
	r = runCLI(t, "", "--config", "testdata/config/missing.yaml", "testdata/config/api.yaml")
	wantRun(t, r, exitError, nil, "apigwlint: --config testdata/config/missing.yaml: no such file or folder\n")
}

// TestConfigDiscovery runs from a subfolder: the .apigwlint.yaml of the
// folder above is found and applied (timeout off), and its exclude pattern
// leaves out a file even though it is named on the command line.
func TestConfigDiscovery(t *testing.T) {
	t.Chdir("testdata/config/discover/sub")
	field := strings.Replace(apiField, "testdata/config/", "", 1)
	wantRun(t, runCLI(t, "", "api.yaml", "skipped-api.yaml"), exitFindings, []string{field})
	// Walking the folder: the same.
	wantRun(t, runCLI(t, "", "."), exitFindings, []string{field})
	// --no-config: every finding of both files.
	r := runCLI(t, "", "--no-config", "api.yaml", "skipped-api.yaml")
	if n := strings.Count(r.stdout, "\n"); n != 6 {
		t.Errorf("--no-config: %d findings, want 6:\n%s", n, r.stdout)
	}
	// Discovery stops at a folder holding .git: a repository's root.
	root := t.TempDir()
	for _, d := range []string{"repo/.git", "repo/specs"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, filepath.Join(root, ".apigwlint.yaml"), "rules: {timeout: off}\n")
	writeFile(t, filepath.Join(root, "repo/specs/api.yaml"), clitest.ReadAll(t, "api.yaml"))
	t.Chdir(filepath.Join(root, "repo", "specs"))
	if r := runCLI(t, "", "api.yaml"); strings.Count(r.stdout, "[AGW108]") != 2 {
		t.Errorf("the configuration above the repository root was applied:\n%s", r.stdout)
	}
	// Found in the repository's root itself.
	writeFile(t, filepath.Join(root, "repo/.apigwlint.yml"), "rules: {timeout: off}\n")
	if r := runCLI(t, "", "api.yaml"); strings.Contains(r.stdout, "[AGW108]") || r.code != exitFindings {
		t.Errorf("repo/.apigwlint.yml was not applied: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	writeFile(t, filepath.Join(root, "repo/specs/.apigwlint.yaml"), "rules: {}\n")
	writeFile(t, filepath.Join(root, "repo/specs/.apigwlint.yml"), "rules: {}\n")
	wantRun(t, runCLI(t, "", "api.yaml"), exitError, nil, "apigwlint: both .apigwlint.yaml and .apigwlint.yml exist; keep one\n")
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestConfigErrors checks that mistakes in the configuration stop the run
// (exit 2) with every mistake at its line and column, and a did-you-mean
// for misspelt keys and rule names.
func TestConfigErrors(t *testing.T) {
	const p = "apigwlint: testdata/config/bad.apigwlint.yaml:"
	r := runCLI(t, "", "--config", "testdata/config/bad.apigwlint.yaml", "testdata/config/api.yaml")
	wantRun(t, r, exitError, nil,
		p+`2:3: no rule "timout"; did you mean AGW108 (timeout)? (see apigwlint --list-rules)`+"\n",
		p+`3:11: "fatal" is not a severity (want off, error, warning, note)`+"\n",
		p+`4:1: unknown setting "timeout_ceiling"; did you mean timeout-ceiling? (known: rules, timeout-ceiling, include, exclude, fail-level, ignore, baseline)`+"\n",
		p+`5:10: exclude must be a list of path patterns, such as ["specs/**/*.yaml"]`+"\n",
		p+`8:14: pointer "paths/~1pets" must start with / (a JSON pointer, such as /paths/~1pets/get)`+"\n",
	)

	dir := t.TempDir()
	for name, tt := range map[string]struct{ config, err string }{
		"unknown key":        {"fail-levle: error\n", `:1:1: unknown setting "fail-levle"; did you mean fail-level?`},
		"key twice":          {"fail-level: error\nfail-level: note\n", `:2:1: setting "fail-level" is given twice`},
		"not a mapping":      {"- rules\n", ":1:1: the configuration must be a mapping of settings"},
		"rules not a map":    {"rules: [timeout]\n", ":1:8: rules must be a mapping"},
		"severity typo":      {"rules:\n  timeout: eror\n", `:2:12: "eror" is not a severity; did you mean error?`},
		"ceiling too low":    {"timeout-ceiling: 10\n", ":1:18: timeout-ceiling must be at least 50"},
		"ceiling not number": {"timeout-ceiling: lots\n", ":1:18: timeout-ceiling must be a whole number"},
		"ignore no reason":   {"ignore:\n  - path: a.yaml\n", ":2:5: this ignore entry has no reason"},
		"ignore no path":     {"ignore:\n  - reason: x\n", ":2:5: this ignore entry has no path"},
		"ignore key typo":    {"ignore:\n  - path: a.yaml\n    reson: x\n", `:3:5: unknown ignore key "reson"; did you mean reason?`},
		"ignore bad rule":    {"ignore:\n  - {path: a.yaml, rule: AGW999, reason: x}\n", `:2:26: no rule "AGW999"`},
		"bad pointer escape": {"ignore:\n  - {path: a.yaml, pointer: /a~2b, reason: x}\n", `:2:29: pointer "/a~2b" has a ~ that is not ~0`},
		"unparsable":         {"rules: [\n", "cannot parse"},
		"bad glob":           {"include: ['[a']\n", ":1:11: include: pattern has an unclosed ["},
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".yaml")
			writeFile(t, path, tt.config)
			r := runCLI(t, "", "--config", path, "testdata/config/api.yaml")
			if r.code != exitError || !strings.Contains(r.stderr, path+tt.err) && !strings.Contains(r.stderr, tt.err) || r.stdout != "" {
				t.Errorf("exit %d, stderr %q; want 2 and %q", r.code, r.stderr, path+tt.err)
			}
		})
	}
	// An empty configuration is valid and changes nothing.
	empty := filepath.Join(dir, "empty.yaml")
	writeFile(t, empty, "# nothing configured yet\nrules:\nignore:\n")
	if r := runCLI(t, "", "--config", empty, "testdata/config/api.yaml"); r.code != exitFindings || strings.Count(r.stdout, "\n") != 3 {
		t.Errorf("empty configuration: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestIncludeExclude checks the path patterns: relative to the
// configuration's folder, a pattern without a slash matching a name at any
// depth, ** any number of folders, and a folder everything in it.
func TestIncludeExclude(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"specs/a.yaml", "specs/legacy/b.yaml", "specs/v2/c.yaml", "other/d.yaml", "e.yaml"} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, f)), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, f), clitest.ReadAll(t, "testdata/config/api.yaml"))
	}
	t.Chdir(dir)
	for _, tt := range []struct{ config, want string }{
		{"", "e.yaml other/d.yaml specs/a.yaml specs/legacy/b.yaml specs/v2/c.yaml"},
		{"include: [specs]", "specs/a.yaml specs/legacy/b.yaml specs/v2/c.yaml"},
		{"include: ['specs/**/*.yaml']\nexclude: [legacy]", "specs/a.yaml specs/v2/c.yaml"},
		{"include: ['*.yaml']\nexclude: ['specs/*/*.yaml']", "e.yaml other/d.yaml specs/a.yaml"},
		{"exclude: ['**/v2', other/]", "e.yaml specs/a.yaml specs/legacy/b.yaml"},
	} {
		writeFile(t, ".apigwlint.yaml", tt.config+"\n")
		r := runCLI(t, "", ".")
		if got := strings.Join(reportedFiles(r.stdout), " "); got != tt.want {
			t.Errorf("%q: linted %s, want %s", tt.config, got, tt.want)
		}
	}
	// Explicit paths are filtered too, including ones written with "./".
	writeFile(t, ".apigwlint.yaml", "exclude: [legacy]\n")
	if r := runCLI(t, "", "./specs/legacy/b.yaml", "specs/a.yaml"); strings.Contains(r.stdout, "legacy") || !strings.Contains(r.stdout, "specs/a.yaml") {
		t.Errorf("explicit paths are not filtered:\n%s", r.stdout)
	}
	// Everything excluded: a clean run, as pre-commit needs.
	if r := runCLI(t, "", "specs/legacy/b.yaml"); r.code != exitClean || r.stdout != "" {
		t.Errorf("an excluded file alone: exit %d\n%s", r.code, r.stdout)
	}
}

// TestSuppressionComments lints a YAML file with apigwlint:ignore comments:
// a comment on the line, on its own line above, and above the enclosing
// key suppress; one without a reason is reported (note) and not applied;
// one that suppresses nothing is reported (warning). Suppressed findings
// leave text output and the exit code, unless --show-suppressed.
func TestSuppressionComments(t *testing.T) {
	const f = "testdata/config/suppressed.yaml:"
	active := []string{
		f + "43:9: note: apigwlint:ignore AGW108 gives no reason, so it is not applied; write why after the rule id [AGW190]",
		f + "44:26: error: timeoutInMillis 33 is below the minimum of 50 ms [AGW108]",
		f + "52:9: warning: apigwlint:ignore AGW108 suppresses nothing: no timeout finding on the line it applies to or in the value that line starts; remove it [AGW190]",
		f + "54:26: error: timeoutInMillis 34 is below the minimum of 50 ms [AGW108]",
	}
	wantRun(t, runCLI(t, "", "--no-config", f[:len(f)-1]), exitFindings, active)

	shown := append([]string{
		f + "12:26: error: timeoutInMillis 30 is below the minimum of 50 ms [AGW108] (suppressed by comment: the mock backend answers at once)",
		f + "22:26: error: timeoutInMillis 31 is below the minimum of 50 ms [AGW108] (suppressed by comment: the test backend is fast)",
		f + "33:26: error: timeoutInMillis 32 is below the minimum of 50 ms [AGW108] (suppressed by comment: covers the whole integration below)",
		f + `34:9: warning: unknown integration field "passThroughBehaviour"; API Gateway ignores it (did you mean passthroughBehavior?) [AGW118] (suppressed by comment: covers the whole integration below)`,
	}, active...)
	wantRun(t, runCLI(t, "", "--no-config", "--show-suppressed", f[:len(f)-1]), exitFindings, shown)

	// Suppressed findings do not count for the exit code: with the two
	// unsuppressed errors' rule at note level... only the AGW190 warning fails.
	dir := t.TempDir()
	cfg := filepath.Join(dir, "c.yaml")
	writeFile(t, cfg, "rules: {timeout: note, suppression: note}\n")
	if r := runCLI(t, "", "--config", cfg, f[:len(f)-1]); r.code != exitClean {
		t.Errorf("only notes left, yet exit %d:\n%s", r.code, r.stdout)
	}
	// Comments naming a rule that is switched off are not judged stale.
	writeFile(t, cfg, "rules: {timeout: off}\n")
	if r := runCLI(t, "", "--config", cfg, f[:len(f)-1]); strings.Contains(r.stdout, "suppresses nothing") {
		t.Errorf("a comment for a rule that is off is reported stale:\n%s", r.stdout)
	}
	// With the suppression rule off the comments still apply, silently.
	writeFile(t, cfg, "rules: {suppression: off}\n")
	wantRun(t, runCLI(t, "", "--config", cfg, f[:len(f)-1]), exitFindings, []string{active[1], active[3]})

	// JSON output keeps suppressed findings, marked.
	r := runCLI(t, "", "--no-config", "--format", "json", f[:len(f)-1])
	var got []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	var n int
	for _, g := range got {
		if g["suppressed"] == true {
			n++
			if g["suppressedBy"] != "comment" || g["justification"] == "" {
				t.Errorf("suppressed finding without suppressedBy comment and a justification: %v", g)
			}
		}
	}
	if len(got) != 8 || n != 4 {
		t.Errorf("JSON: %d findings, %d suppressed; want 8 and 4", len(got), n)
	}
}

// TestConfigIgnore suppresses a finding of a JSON file (which cannot hold
// comments) by an ignore entry with file and pointer, and reports the entry
// that matches nothing at its place in the configuration. An entry for a
// file the run did not lint is not judged.
func TestConfigIgnore(t *testing.T) {
	const cfg = "testdata/config/json/ignore.apigwlint.yaml"
	const in = "testdata/config/json/put-integration.json"
	stale := cfg + ":6:5: warning: the ignore entry (path **/put-integration.json, rule AGW118) suppresses nothing: no finding in the files linted matches it; remove it [AGW190]"
	wantRun(t, runCLI(t, "", "--config", cfg, in), exitFindings, []string{stale})
	wantRun(t, runCLI(t, "", "--config", cfg, "--show-suppressed", in), exitFindings, []string{
		in + ":8:22: error: timeoutInMillis 35 is below the minimum of 50 ms [AGW108] (suppressed by config: the CLI input of a load test, which wants failures fast)",
		stale,
	})
	// The pointer matches on whole reference tokens.
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "put.json"), clitest.ReadAll(t, in))
	t.Chdir(dir)
	for ptr, suppressed := range map[string]bool{"": true, "/timeoutInMillis": true, "/timeoutIn": false, "/timeoutInMillis/x": false} {
		writeFile(t, "c.yaml", "ignore:\n  - {path: put.json, pointer: '"+ptr+"', reason: r}\n")
		r := runCLI(t, "", "--config", "c.yaml", "put.json")
		if got := !strings.Contains(r.stdout, "[AGW108]"); got != suppressed {
			t.Errorf("pointer %q: suppressed %v, want %v\n%s%s", ptr, got, suppressed, r.stdout, r.stderr)
		}
	}
	// A path outside the configuration's folder is never matched.
	if err := os.Mkdir("sub", 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, "sub/c.yaml", "ignore:\n  - {path: '**', reason: r}\n")
	if r := runCLI(t, "", "--config", "sub/c.yaml", "put.json"); !strings.Contains(r.stdout, "[AGW108]") {
		t.Errorf("** matched a file outside the configuration's folder")
	}
}

// TestSARIFSuppressions checks that suppressed findings stay in SARIF as
// results with suppressions (inSource for comments, external for ignore
// entries and the baseline) and their justification, and that the log
// still validates against the SARIF schema.
func TestSARIFSuppressions(t *testing.T) {
	base := filepath.Join(t.TempDir(), "baseline.json")
	args := []string{"--config", "testdata/config/json/ignore.apigwlint.yaml", "testdata/config/suppressed.yaml", "testdata/config/json/put-integration.json"}
	if r := runCLI(t, "", append([]string{"--write-baseline", base}, args...)...); r.code != exitClean {
		t.Fatalf("--write-baseline: exit %d\n%s", r.code, r.stderr)
	}
	r := runCLI(t, "", append([]string{"--format", "sarif", "--baseline", base}, args...)...)
	clitest.Validate(t, clitest.Schema(t), "the SARIF log with suppressions", r.stdout)
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID        string
				BaselineState string
				Suppressions  []struct {
					Kind, Status, Justification string
					Location                    struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI string }
							Region           struct{ StartLine int }
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, res := range log.Runs[0].Results {
		if len(res.Suppressions) == 0 {
			if res.BaselineState != "new" {
				t.Errorf("unsuppressed %s result has baselineState %q, want new", res.RuleID, res.BaselineState)
			}
			continue
		}
		s := res.Suppressions[0]
		kinds[s.Kind+" "+s.Justification]++
		loc := s.Location.PhysicalLocation
		if s.Status != "accepted" || s.Justification == "" || loc.ArtifactLocation.URI == "" {
			t.Errorf("suppression %+v lacks status, justification or location", s)
		}
		if want := map[bool]string{true: "unchanged", false: "new"}[strings.HasPrefix(s.Justification, "listed in the baseline")]; res.BaselineState != want {
			t.Errorf("%s result suppressed by %q has baselineState %q, want %s", res.RuleID, s.Justification, res.BaselineState, want)
		}
		if s.Kind == "inSource" && (loc.ArtifactLocation.URI != "testdata/config/suppressed.yaml" || loc.Region.StartLine == 0) {
			t.Errorf("an inSource suppression is not located at its comment: %+v", loc)
		}
	}
	want := map[string]int{
		"inSource the mock backend answers at once":                        1,
		"inSource the test backend is fast":                                1,
		"inSource covers the whole integration below":                      2,
		"external the CLI input of a load test, which wants failures fast": 1,
		// the four findings left: two AGW108, two AGW190 of the comments,
		// and the AGW190 of the stale ignore entry
		"external listed in the baseline " + base: 5,
	}
	for k, n := range want {
		if kinds[k] != n {
			t.Errorf("%d results suppressed as %q, want %d (all: %v)", kinds[k], k, n, kinds)
		}
	}
}
