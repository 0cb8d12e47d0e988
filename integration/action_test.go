package integration

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	yaml "go.yaml.in/yaml/v4"

	"github.com/apigwlint/apigwlint/internal/clitest"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// The GitHub Action (action.yml and .github/action/*.sh) is tested here
// without GitHub: actionMeta reads action.yml, and runAction runs its steps
// the way the runner runs a composite action, with bash and the files and
// variables a runner provides, evaluating the few expressions the action
// uses. Any other expression fails the test, so the action cannot grow one
// the harness does not understand.

// actionMeta is action.yml.
type actionMeta struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
	Author      string `yaml:"author"`
	Branding    struct {
		Icon  string `yaml:"icon"`
		Color string `yaml:"color"`
	} `yaml:"branding"`
	Inputs map[string]struct {
		Description string `yaml:"description"`
		Required    bool   `yaml:"required"`
		Default     string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Description string `yaml:"description"`
		Value       string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionStep struct {
	ID               string            `yaml:"id"`
	Name             string            `yaml:"name"`
	If               string            `yaml:"if"`
	Shell            string            `yaml:"shell"`
	Run              string            `yaml:"run"`
	Uses             string            `yaml:"uses"`
	With             map[string]string `yaml:"with"`
	Env              map[string]string `yaml:"env"`
	WorkingDirectory string            `yaml:"working-directory"`
}

func (s actionStep) label() string {
	if s.ID != "" {
		return s.ID
	}
	return s.Name
}

// readAction parses action.yml strictly: an unknown key (a typo such as
// "shel:") is an error.
func readAction(t *testing.T) *actionMeta {
	t.Helper()
	dec := yaml.NewDecoder(strings.NewReader(clitest.ReadAll(t, "action.yml")))
	dec.KnownFields(true)
	var a actionMeta
	if err := dec.Decode(&a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	return &a
}

// exprContext is what the action's expressions can see.
type exprContext struct {
	inputs     map[string]string
	actionPath string
	runnerTemp string
	runnerOS   string
	steps      map[string]map[string]string // id -> outputs, of the steps that ran
	declared   map[string]bool              // ids of all steps, which have no outputs when skipped
	failed     bool                         // a step has failed
}

var exprRE = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

// interpolate replaces each ${{ expr }} in s by its value.
func (c *exprContext) interpolate(s string) (string, error) {
	var err error
	out := exprRE.ReplaceAllStringFunc(s, func(m string) string {
		v, e := c.eval(exprRE.FindStringSubmatch(m)[1])
		if e != nil && err == nil {
			err = e
		}
		return v
	})
	return out, err
}

// eval evaluates the subset of GitHub's expression language the action
// uses: a context value or a 'string', optionally compared with == or !=
// (case-insensitively, as GitHub compares strings), and the status
// functions of if:.
func (c *exprContext) eval(expr string) (string, error) {
	expr = strings.TrimSpace(expr)
	for _, op := range []string{"==", "!="} {
		if l, r, ok := strings.Cut(expr, " "+op+" "); ok {
			a, err := c.operand(l)
			if err != nil {
				return "", err
			}
			b, err := c.operand(r)
			if err != nil {
				return "", err
			}
			return fmt.Sprint(strings.EqualFold(a, b) == (op == "==")), nil
		}
	}
	return c.operand(expr)
}

func (c *exprContext) operand(s string) (string, error) {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		return strings.ReplaceAll(s[1:len(s)-1], "''", "'"), nil
	}
	switch s {
	case "github.action_path":
		return c.actionPath, nil
	case "runner.temp":
		return c.runnerTemp, nil
	case "runner.os":
		return c.runnerOS, nil
	case "github.action_ref":
		return "", nil // as for uses: ./, which has no ref
	case "success()":
		return fmt.Sprint(!c.failed), nil
	case "failure()":
		return fmt.Sprint(c.failed), nil
	case "always()", "!cancelled()":
		return "true", nil
	}
	if name, ok := strings.CutPrefix(s, "inputs."); ok {
		v, ok := c.inputs[name]
		if !ok {
			return "", fmt.Errorf("${{ %s }}: no input %q in action.yml", s, name)
		}
		return v, nil
	}
	if rest, ok := strings.CutPrefix(s, "steps."); ok {
		id, out, ok := strings.Cut(rest, ".outputs.")
		if !ok {
			return "", fmt.Errorf("${{ %s }}: only steps.<id>.outputs.<name> is known", s)
		}
		outs, ok := c.steps[id]
		if !ok && !c.declared[id] {
			return "", fmt.Errorf("${{ %s }}: no step %q comes before", s, id)
		}
		return outs[out], nil
	}
	return "", fmt.Errorf("${{ %s }}: the action test knows only inputs.*, github.action_path, github.action_ref, runner.temp, runner.os, steps.*.outputs.* and 'strings'", s)
}

// actionResult is the outcome of a run of the action.
type actionResult struct {
	stdout, stderr string            // of all steps, in order
	outputs        map[string]string // the action's outputs
	steps          map[string]map[string]string
	failed         string // the step that failed, if any
	exitCode       int    // its exit status
	summary        string // what the steps wrote to $GITHUB_STEP_SUMMARY
	path           []string
	uses           *actionStep // a uses: step that would have run, where the run stopped
	env            []string    // the environment of the last step
	cached         []string    // the paths actions/cache restored
}

// restoreGoCaches makes dir, the action's Go cache folder, hold links to
// this machine's module and build caches, as if actions/cache had restored
// them.
func restoreGoCaches(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, v := range map[string]string{"mod": "GOMODCACHE", "build": "GOCACHE"} {
		out, err := exec.Command("go", "env", v).Output()
		if err != nil {
			t.Fatalf("go env %s: %v", v, err)
		}
		if err := os.Symlink(strings.TrimSpace(string(out)), filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
}

// runAction runs action.yml with the inputs in with, in workspace (the
// repository checkout), with env added to the runner's environment. It
// stops at a uses: step that would run, which it cannot run offline.
func runAction(t *testing.T, workspace string, with, env map[string]string) *actionResult {
	t.Helper()
	a := readAction(t)
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	temp := t.TempDir() // RUNNER_TEMP
	ctx := &exprContext{inputs: map[string]string{}, actionPath: root, runnerTemp: temp, runnerOS: runnerOS(), steps: map[string]map[string]string{}, declared: map[string]bool{}}
	for _, s := range a.Runs.Steps {
		ctx.declared[s.ID] = s.ID != ""
	}
	for name, in := range a.Inputs {
		ctx.inputs[name] = in.Default
	}
	for name, v := range with {
		if _, ok := a.Inputs[name]; !ok {
			t.Fatalf("with: %s is not an input of action.yml", name)
		}
		ctx.inputs[name] = v
	}

	// The runner's environment: the test's own, without anything a real
	// runner would have set for the job running these tests.
	base := map[string]string{}
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "GITHUB_") || strings.HasPrefix(k, "RUNNER_") || strings.HasPrefix(k, "INPUT_") || k == "APIGWLINT_BIN" {
			continue
		}
		base[k] = v
	}
	for k, v := range map[string]string{
		"CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": workspace, "GITHUB_ACTION_PATH": root,
		"RUNNER_TEMP": temp, "RUNNER_OS": runnerOS(), "RUNNER_ARCH": runnerArch(),
	} {
		base[k] = v
	}
	for k, v := range env {
		base[k] = v
	}

	res := &actionResult{steps: ctx.steps, outputs: map[string]string{}}
	var stdout, stderr, summary bytes.Buffer
	for i, step := range a.Runs.Steps {
		cond := step.If
		if cond == "" {
			cond = "success()"
		}
		cond = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(cond), "${{"), "}}")
		ok, err := ctx.eval(cond)
		if err != nil {
			t.Fatalf("step %s: if: %v", step.label(), err)
		}
		if ok != "true" {
			continue
		}
		if strings.HasPrefix(step.Uses, "actions/cache@") {
			// A cache hit, offline: the action's cache folder is restored
			// as links to this machine's own Go caches.
			dir, err := ctx.interpolate(step.With["path"])
			if err != nil {
				t.Fatalf("step %s: with: %v", step.label(), err)
			}
			restoreGoCaches(t, dir)
			res.cached = append(res.cached, dir)
			continue
		}
		if step.Uses != "" {
			s := step
			s.With = map[string]string{}
			for k, v := range step.With {
				if s.With[k], err = ctx.interpolate(v); err != nil {
					t.Fatalf("step %s: with: %v", step.label(), err)
				}
			}
			res.uses = &s
			break
		}
		if step.Shell != "bash" {
			t.Fatalf("step %s: shell %q, want bash", step.label(), step.Shell)
		}
		dir := filepath.Join(temp, fmt.Sprintf("step%d", i))
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		files := map[string]string{}
		for _, f := range []string{"GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "GITHUB_ENV", "GITHUB_PATH"} {
			files[f] = filepath.Join(dir, strings.ToLower(f))
			if err := os.WriteFile(files[f], nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		script := filepath.Join(dir, "script.sh")
		if err := os.WriteFile(script, []byte(step.Run), 0o644); err != nil {
			t.Fatal(err)
		}
		vars := maps(base, files)
		for k, v := range step.Env {
			if vars[k], err = ctx.interpolate(v); err != nil {
				t.Fatalf("step %s: env %s: %v", step.label(), k, err)
			}
		}
		if len(res.path) > 0 {
			vars["PATH"] = strings.Join(res.path, string(os.PathListSeparator)) + string(os.PathListSeparator) + vars["PATH"]
		}
		// As the runner runs shell: bash.
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
		cmd.Dir = workspace
		if step.WorkingDirectory != "" {
			wd, err := ctx.interpolate(step.WorkingDirectory)
			if err != nil {
				t.Fatal(err)
			}
			cmd.Dir = filepath.Join(workspace, wd)
		}
		for k, v := range vars {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
		res.env = cmd.Env
		var o, e bytes.Buffer
		cmd.Stdout, cmd.Stderr = &o, &e
		runErr := cmd.Run()
		stdout.Write(o.Bytes())
		stderr.Write(e.Bytes())
		if step.ID != "" {
			ctx.steps[step.ID] = parseFileCommand(t, files["GITHUB_OUTPUT"])
		}
		for k, v := range parseFileCommand(t, files["GITHUB_ENV"]) {
			base[k] = v
		}
		for _, p := range strings.Split(clitest.ReadAll(t, files["GITHUB_PATH"]), "\n") {
			if p = strings.TrimSpace(p); p != "" {
				res.path = append([]string{p}, res.path...)
			}
		}
		summary.WriteString(clitest.ReadAll(t, files["GITHUB_STEP_SUMMARY"]))
		if runErr != nil {
			ee, ok := runErr.(*exec.ExitError)
			if !ok {
				t.Fatalf("step %s: %v", step.label(), runErr)
			}
			res.failed, res.exitCode = step.label(), ee.ExitCode()
			ctx.failed = true
		}
	}
	for name, out := range a.Outputs {
		v, err := ctx.interpolate(out.Value)
		if err != nil {
			t.Fatalf("output %s: %v", name, err)
		}
		res.outputs[name] = v
	}
	res.stdout, res.stderr, res.summary = stdout.String(), stderr.String(), summary.String()
	return res
}

func maps(ms ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

func runnerArch() string {
	if runtime.GOARCH == "arm64" {
		return "ARM64"
	}
	return "X64"
}

func runnerOS() string {
	switch runtime.GOOS {
	case "darwin":
		return "macOS"
	case "windows":
		return "Windows"
	}
	return "Linux"
}

// parseFileCommand reads $GITHUB_OUTPUT or $GITHUB_ENV: name=value lines and
// the name<<DELIMITER form for values with new lines.
func parseFileCommand(t *testing.T, path string) map[string]string {
	t.Helper()
	out := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(clitest.ReadAll(t, path)))
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			continue
		}
		if name, delim, ok := strings.Cut(line, "<<"); ok && !strings.Contains(name, "=") {
			var val []string
			for sc.Scan() && sc.Text() != delim {
				val = append(val, sc.Text())
			}
			out[name] = strings.Join(val, "\n")
			continue
		}
		name, val, ok := strings.Cut(line, "=")
		if !ok {
			t.Fatalf("%s: malformed line %q", filepath.Base(path), line)
		}
		out[name] = val
	}
	return out
}

var (
	cliOnce sync.Once
	cliPath string
	cliErr  error
)

// builtCLI builds apigwlint once for the tests that run it as a program.
func builtCLI(t *testing.T) string {
	t.Helper()
	cliOnce.Do(func() {
		dir, err := os.MkdirTemp("", "apigwlint-test-bin")
		if err != nil {
			cliErr = err
			return
		}
		cliPath = filepath.Join(dir, "apigwlint")
		if runtime.GOOS == "windows" {
			cliPath += ".exe"
		}
		out, err := exec.Command("go", "build", "-o", cliPath, "./cmd/apigwlint").CombinedOutput()
		if err != nil {
			cliErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if cliErr != nil {
		t.Fatal(cliErr)
	}
	return cliPath
}

func needBash(t *testing.T) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the action test runs the steps with a Unix bash")
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
}

// workspaceWith makes a checkout holding copies of the given repository
// files, at the same paths. Its .git folder makes it a repository root, where
// the search for .apigwlint.yaml stops, as in a real checkout.
func workspaceWith(t *testing.T, files ...string) string {
	t.Helper()
	ws := t.TempDir()
	if err := os.Mkdir(filepath.Join(ws, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(ws, f)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return ws
}

// annotationLines are the workflow commands of findings and input errors
// in out (not the action's own notices, titled "apigwlint").
func annotationLines(out string) []string {
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if regexp.MustCompile(`^::(error|warning|notice) `).MatchString(l) && !strings.Contains(l, ",title=apigwlint::") && !strings.HasPrefix(l, "::notice title=apigwlint::") && !strings.HasPrefix(l, "::error title=apigwlint::") {
			lines = append(lines, l)
		}
	}
	return lines
}

// textReport is the part of out between ::stop-commands::TOKEN and
// ::TOKEN::, inside a ::group::.
func textReport(t *testing.T, out string) string {
	t.Helper()
	m := regexp.MustCompile(`(?s)::group::apigwlint report: [^\n]*\n::stop-commands::(\S+)\n(.*?)::(\S+)::\n::endgroup::\n`).FindStringSubmatch(out)
	if m == nil || m[1] != m[3] {
		t.Fatalf("no text report in a group with workflow commands stopped:\n%s", out)
	}
	return m[2]
}

// TestActionMetadata checks action.yml's structure: a composite action of
// bash steps whose run: scripts hold no ${{ }} (every expression goes
// through env:), expressions the harness knows, actions pinned to a major
// version, documented inputs and outputs, scripts that exist (and pass
// shellcheck when it is installed); and that the example workflow uses the
// action with declared inputs and uploads its SARIF.
func TestActionMetadata(t *testing.T) {
	a := readAction(t)
	if a.Runs.Using != "composite" {
		t.Errorf("runs.using = %q, want composite (Docker actions run on Linux only)", a.Runs.Using)
	}
	if a.Name == "" || a.Description == "" || a.Branding.Icon == "" {
		t.Errorf("name, description and branding are needed for the Marketplace")
	}
	for _, want := range []string{"paths", "config", "fail-level", "sarif-file", "go-version"} {
		if _, ok := a.Inputs[want]; !ok {
			t.Errorf("no input %s", want)
		}
	}
	for name, in := range a.Inputs {
		if in.Description == "" {
			t.Errorf("input %s has no description", name)
		}
	}
	for _, want := range []string{"sarif-file", "findings"} {
		if _, ok := a.Outputs[want]; !ok {
			t.Errorf("no output %s", want)
		}
	}
	ctx := &exprContext{inputs: map[string]string{}, steps: map[string]map[string]string{}}
	for name := range a.Inputs {
		ctx.inputs[name] = ""
	}
	script := regexp.MustCompile(`"\$GITHUB_ACTION_PATH/([^"]+)"`)
	pinned := regexp.MustCompile(`^[\w.-]+/[\w.-]+(/[\w./-]+)?@v\d+$`)
	var scripts []string
	for _, s := range a.Runs.Steps {
		check := func(what, v string) {
			if _, err := ctx.interpolate(v); err != nil {
				t.Errorf("step %s: %s: %v", s.label(), what, err)
			}
		}
		if s.If != "" {
			check("if", "${{ "+strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(s.If), "${{"), "}}")+" }}")
		}
		for k, v := range s.Env {
			check("env "+k, v)
		}
		for k, v := range s.With {
			check("with "+k, v)
		}
		switch {
		case s.Uses != "" && s.Run != "":
			t.Errorf("step %s has both uses and run", s.label())
		case s.Uses != "":
			if !pinned.MatchString(s.Uses) {
				t.Errorf("step %s: uses %s is not pinned to a major version (owner/repo@vN)", s.label(), s.Uses)
			}
		default:
			if s.Shell != "bash" {
				t.Errorf("step %s: shell %q; composite steps need a shell, and bash runs on Linux, macOS and Windows runners", s.label(), s.Shell)
			}
			if strings.Contains(s.Run, "${{") {
				t.Errorf("step %s: ${{ }} in run: is pasted into the script (script injection); pass it through env:", s.label())
			}
			m := script.FindStringSubmatch(s.Run)
			if m == nil {
				t.Errorf("step %s: run: should call a script in the action's folder", s.label())
				continue
			}
			if _, err := os.Stat(m[1]); err != nil {
				t.Errorf("step %s: %v", s.label(), err)
			}
			scripts = append(scripts, m[1])
		}
		if s.ID != "" {
			ctx.steps[s.ID] = map[string]string{}
		}
	}
	for name, out := range a.Outputs {
		if out.Description == "" {
			t.Errorf("output %s has no description", name)
		}
		if _, err := ctx.interpolate(out.Value); err != nil || !strings.Contains(out.Value, "${{") {
			t.Errorf("output %s: value %q (%v)", name, out.Value, err)
		}
	}
	if sc, err := exec.LookPath("shellcheck"); err == nil {
		if out, err := exec.Command(sc, scripts...).CombinedOutput(); err != nil {
			t.Errorf("shellcheck %s:\n%s", strings.Join(scripts, " "), out)
		}
	} else {
		t.Log("shellcheck is not installed: the action's scripts are not checked with it")
	}

	// The example workflow.
	var wf struct {
		Jobs map[string]struct {
			Permissions map[string]string `yaml:"permissions"`
			Steps       []actionStep      `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal([]byte(clitest.ReadAll(t, ".github/workflows/apigwlint.yml")), &wf); err != nil {
		t.Fatal(err)
	}
	var used, uploaded bool
	for name, job := range wf.Jobs {
		var id string
		for _, s := range job.Steps {
			if strings.Contains(s.Run, "${{") {
				t.Errorf("workflow job %s, step %s: ${{ }} in run:", name, s.label())
			}
			switch {
			case s.Uses == "./":
				used, id = true, s.ID
				for k := range s.With {
					if _, ok := a.Inputs[k]; !ok {
						t.Errorf("workflow: with: %s is not an input of the action", k)
					}
				}
				if s.With["paths"] != "testdata/examples" {
					t.Errorf("workflow: the action should lint testdata/examples, not %q", s.With["paths"])
				}
			case strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@"):
				uploaded = true
				if s.Uses != "github/codeql-action/upload-sarif@v4" {
					t.Errorf("workflow: %s, want github/codeql-action/upload-sarif@v4", s.Uses)
				}
				if want := "${{ steps." + id + ".outputs.sarif-file }}"; id == "" || s.With["sarif_file"] != want {
					t.Errorf("workflow: upload-sarif's sarif_file is %q, want %q", s.With["sarif_file"], want)
				}
				if job.Permissions["security-events"] != "write" {
					t.Errorf("workflow job %s uploads SARIF without permissions: security-events: write", name)
				}
			}
		}
	}
	if !used || !uploaded {
		t.Errorf("the example workflow must use the action (uses: ./) and upload its SARIF")
	}
}

// TestActionExamples runs the action on testdata/examples, as the example
// workflow does: the lint step fails with apigwlint's exit status 1; the
// annotations are exactly those of apigwlint --format github, the text
// report in the log exactly that of --format text; the SARIF file is the
// one --format sarif writes and is valid; the outputs count the findings;
// and the job summary has a row per rule, linking its page.
func TestActionExamples(t *testing.T) {
	needBash(t)
	ws := workspaceWith(t, "testdata/examples/openapi.yaml", "testdata/examples/template.yaml", "testdata/examples/put-integration.json", "testdata/examples/orders.tf")
	res := runAction(t, ws, map[string]string{"paths": "testdata/examples"}, map[string]string{"APIGWLINT_BIN": builtCLI(t)})
	t.Logf("the steps' output:\n%s\njob summary:\n%s\noutputs: %v", res.stdout, res.summary, res.outputs)

	if res.failed != "lint" || res.exitCode != exitFindings {
		t.Fatalf("failed step %q, exit %d; want the lint step to fail with 1\nstdout:\n%s\nstderr:\n%s", res.failed, res.exitCode, res.stdout, res.stderr)
	}
	github := runCLI(t, "", "--format", "github", "testdata/examples")
	if got, want := annotationLines(res.stdout), annotationLines(github.stdout); !slices.Equal(got, want) || len(want) == 0 {
		t.Errorf("annotations:\n%s\nwant those of apigwlint --format github:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if strings.Contains(res.stdout, "::notice title=apigwlint::") {
		t.Errorf("a notice about hidden annotations, with at most 10 of each level (the examples have fewer)")
	}
	if got, want := textReport(t, res.stdout), runCLI(t, "", "testdata/examples").stdout; got != want {
		t.Errorf("the text report in the log:\n%s", clitest.LineDiff(want, got))
	}

	sarifPath := filepath.Join(res.env0("RUNNER_TEMP"), "apigwlint.sarif")
	if res.outputs["sarif-file"] != sarifPath || res.outputs["findings"] != fmt.Sprint(len(github.stdout)-len(strings.ReplaceAll(github.stdout, "\n", ""))) || res.outputs["exit-code"] != "1" {
		t.Errorf("outputs %v; want sarif-file %s, findings as many as annotations, exit-code 1", res.outputs, sarifPath)
	}
	sarif := clitest.ReadAll(t, sarifPath)
	if want := runCLI(t, "", "--format", "sarif", "testdata/examples").stdout; normalize(t, sarif) != normalize(t, want) {
		t.Errorf("the SARIF file differs from apigwlint --format sarif:\n%s", clitest.LineDiff(normalize(t, want), normalize(t, sarif)))
	}
	clitest.Validate(t, clitest.Schema(t), "the action's SARIF file", sarif)

	// The summary's rows: one per rule and severity, with the counts of
	// the JSON report.
	var findings []struct{ Rule, Name, Severity string }
	if err := json.Unmarshal([]byte(runCLI(t, "", "--format", "json", "testdata/examples").stdout), &findings); err != nil {
		t.Fatal(err)
	}
	rows := map[string]int{}
	bySeverity := map[string]int{}
	for _, f := range findings {
		rows[fmt.Sprintf("| [%s %s](%s) | %s |", f.Rule, f.Name, helpURL(f.Rule), f.Severity)]++
		bySeverity[f.Severity]++
	}
	wants := []string{
		"### apigwlint\n",
		fmt.Sprintf("**%d finding(s)** in `testdata/examples`: %d error(s), %d warning(s), %d note(s); fail level `warning`, exit status 1.",
			len(findings), bySeverity["error"], bySeverity["warning"], bySeverity["note"]),
		"| Rule | Severity | Findings |\n|---|---|---|\n",
	}
	for row, n := range rows {
		wants = append(wants, fmt.Sprintf("%s %d |\n", row, n))
	}
	for _, want := range wants {
		if !strings.Contains(res.summary, want) {
			t.Errorf("the job summary lacks %q:\n%s", want, res.summary)
		}
	}
	if got := strings.Count(res.summary, "\n| [AGW"); got != len(rows) {
		t.Errorf("the job summary has %d rule rows, want %d", got, len(rows))
	}
	// Errors before warnings, and by rule id within a severity.
	if i, j := strings.Index(res.summary, "AGW110"), strings.Index(res.summary, "AGW118"); i < 0 || j < i {
		t.Errorf("rows are not ordered by severity, then id:\n%s", res.summary)
	}
	if got := len(res.path); got != 0 {
		t.Errorf("with APIGWLINT_BIN nothing is built, but GITHUB_PATH got %v", res.path)
	}
}

func helpURL(id string) string { return rules.ByID(id).HelpURL() }

// countFindings is the number of findings apigwlint reports with args.
func countFindings(t *testing.T, args ...string) string {
	t.Helper()
	r := runCLI(t, "", append([]string{"--format", "github"}, args...)...)
	return fmt.Sprint(strings.Count(r.stdout, "\n"))
}

// env0 returns a variable of the environment the last step ran with.
func (r *actionResult) env0(name string) string {
	for _, kv := range r.env {
		if k, v, _ := strings.Cut(kv, "="); k == name {
			return v
		}
	}
	return ""
}

// TestActionManyFindings checks what happens past GitHub's limit of 10
// annotations of each level per step: all annotations are still written,
// and a notice, first so that GitHub keeps it, says how many are not shown;
// the summary says so too.
func TestActionManyFindings(t *testing.T) {
	needBash(t)
	var doc strings.Builder
	doc.WriteString("openapi: 3.0.1\ninfo: {title: many, version: \"1\"}\npaths:\n")
	op := func(path, integration string) {
		fmt.Fprintf(&doc, "  /%s:\n    get:\n      responses:\n        \"200\": {description: ok}\n      x-amazon-apigateway-integration:\n        type: http_proxy\n        httpMethod: GET\n        uri: https://example.com/%s\n%s", path, path, integration)
	}
	for i := 0; i < 13; i++ {
		op(fmt.Sprintf("e%d", i), "        timeoutInMillis: 10\n") // AGW108, error
	}
	for i := 0; i < 12; i++ {
		op(fmt.Sprintf("w%d", i), "        timeoutInMilis: 100\n") // AGW118, warning
	}
	for i := 0; i < 11; i++ {
		op(fmt.Sprintf("n%d", i), "        requestTemplates:\n          application/json: '{}'\n") // AGW125, note
	}
	ws := workspaceWith(t)
	if err := os.WriteFile(filepath.Join(ws, "many.yaml"), []byte(doc.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	res := runAction(t, ws, map[string]string{"paths": "many.yaml"}, map[string]string{"APIGWLINT_BIN": builtCLI(t)})
	if res.failed != "lint" || res.exitCode != exitFindings || res.outputs["findings"] != "36" {
		t.Fatalf("failed %q, exit %d, outputs %v; want 36 findings and exit 1\n%s%s", res.failed, res.exitCode, res.outputs, res.stdout, res.stderr)
	}
	count := map[string]int{}
	for _, l := range annotationLines(res.stdout) {
		count[strings.SplitN(l[2:], " ", 2)[0]]++
	}
	if count["error"] != 13 || count["warning"] != 12 || count["notice"] != 11 {
		t.Errorf("annotations by level %v, want 13 errors, 12 warnings, 11 notices", count)
	}
	// 3 errors and 2 warnings over 10; of the notices, 9 are kept beside
	// the action's own.
	notice := "::notice title=apigwlint::7 of 36 findings are not shown as annotations (GitHub shows at most 10 errors, 10 warnings and 10 notices per step)"
	first := strings.Index(res.stdout, "::error ")
	if i := strings.Index(res.stdout, notice); i < 0 || i > first {
		t.Errorf("want %q before the first annotation:\n%s", notice, res.stdout)
	}
	for _, want := range []string{"| [AGW108 timeout](" + helpURL("AGW108") + ") | error | 13 |", "| [AGW125 proxy-ignored](" + helpURL("AGW125") + ") | note | 11 |", "7 finding(s) are not shown as annotations"} {
		if !strings.Contains(res.summary, want) {
			t.Errorf("the summary lacks %q:\n%s", want, res.summary)
		}
	}
}

// TestActionInputs checks the other inputs and outcomes: a clean file with
// a sarif-file in a folder to create; fail-level never and error; an input
// error (exit 2, annotated, counted apart from findings); a bad fail-level;
// and inputs holding shell code, which must stay data.
func TestActionInputs(t *testing.T) {
	needBash(t)
	bin := map[string]string{"APIGWLINT_BIN": builtCLI(t)}
	ws := workspaceWith(t, "testdata/e2e/clean.yaml", "testdata/e2e/warnings.yaml", "testdata/examples/openapi.yaml")
	// The findings in the one example file the workspace has, and those
	// left with the timeout rule off.
	inOpenAPI := countFindings(t, "testdata/examples/openapi.yaml")
	withoutTimeout := countFindings(t, "--disable", "timeout", "testdata/examples/openapi.yaml")

	t.Run("clean", func(t *testing.T) {
		res := runAction(t, ws, map[string]string{"paths": "testdata/e2e/clean.yaml", "sarif-file": "reports/lint.sarif"}, bin)
		if res.failed != "" || res.outputs["findings"] != "0" || res.outputs["sarif-file"] != "reports/lint.sarif" || res.outputs["exit-code"] != "0" {
			t.Fatalf("failed %q, outputs %v\n%s%s", res.failed, res.outputs, res.stdout, res.stderr)
		}
		sarif := clitest.ReadAll(t, filepath.Join(ws, "reports", "lint.sarif"))
		clitest.Validate(t, clitest.Schema(t), "clean SARIF", sarif)
		if !strings.Contains(sarif, `"results": []`) || len(annotationLines(res.stdout)) != 0 {
			t.Errorf("a clean file gave results or annotations")
		}
		if !strings.Contains(res.summary, "No findings in `testdata/e2e/clean.yaml`.") {
			t.Errorf("summary:\n%s", res.summary)
		}
	})
	t.Run("fail-level never", func(t *testing.T) {
		res := runAction(t, ws, map[string]string{"paths": "testdata/examples", "fail-level": "never"}, bin)
		if res.failed != "" || res.outputs["findings"] != inOpenAPI || res.outputs["exit-code"] != "0" {
			t.Errorf("failed %q (exit %d), outputs %v; want success with %s findings", res.failed, res.exitCode, res.outputs, inOpenAPI)
		}
	})
	t.Run("fail-level error with warnings", func(t *testing.T) {
		res := runAction(t, ws, map[string]string{"paths": "testdata/e2e/warnings.yaml", "fail-level": "error"}, bin)
		if res.failed != "" || res.outputs["findings"] != "1" || !strings.Contains(res.stdout, "::warning file=testdata/e2e/warnings.yaml,line=12,") {
			t.Errorf("failed %q, outputs %v:\n%s", res.failed, res.outputs, res.stdout)
		}
	})
	t.Run("config", func(t *testing.T) {
		if err := os.MkdirAll(filepath.Join(ws, "ci"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(ws, "ci", "apigwlint.yaml"), []byte("rules: {timeout: off}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		res := runAction(t, ws, map[string]string{"paths": "testdata/examples", "config": "ci/apigwlint.yaml"}, bin)
		if res.outputs["findings"] != withoutTimeout || strings.Contains(res.stdout, "AGW108") {
			t.Errorf("with the timeout rule off: outputs %v; want %s findings and none of AGW108:\n%s%s", res.outputs, withoutTimeout, res.stdout, res.stderr)
		}
	})
	t.Run("args and baseline, one run", func(t *testing.T) {
		// A wrapper logs each run's arguments: the step must run apigwlint
		// once (besides install's --version) for annotations, SARIF, report
		// and summary.
		log := filepath.Join(t.TempDir(), "runs.txt")
		wrapper := filepath.Join(t.TempDir(), "apigwlint")
		script := "#!/usr/bin/env bash\nprintf '%s\\n' \"$*\" >>" + shellQuote(log) + "\nexec " + shellQuote(builtCLI(t)) + " \"$@\"\n"
		if err := os.WriteFile(wrapper, []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(ws, "ci"), 0o755); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(builtCLI(t), "--no-config", "--write-baseline", "ci/baseline.json", "testdata/examples/openapi.yaml")
		cmd.Dir = ws
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("--write-baseline: %v\n%s", err, out)
		}
		res := runAction(t, ws, map[string]string{"paths": "testdata/examples testdata/e2e/warnings.yaml", "baseline": "ci/baseline.json", "args": "--disable AGW118  --color never"},
			map[string]string{"APIGWLINT_BIN": wrapper})
		if res.failed != "" || res.outputs["findings"] != "0" || res.outputs["exit-code"] != "0" || !strings.Contains(res.stderr, "baseline ci/baseline.json: ") || !strings.Contains(res.stderr, " findings accepted") {
			t.Errorf("failed %q, outputs %v; want the baseline's findings accepted and AGW118 off:\n%s%s", res.failed, res.outputs, res.stdout, res.stderr)
		}
		var runs []string
		for _, l := range strings.Split(strings.TrimSpace(clitest.ReadAll(t, log)), "\n") {
			if l != "--version" {
				runs = append(runs, l)
			}
		}
		want := "--format github --sarif-output " + filepath.Join(res.env0("RUNNER_TEMP"), "apigwlint.sarif") + " --fail-level warning --baseline ci/baseline.json --disable AGW118 --color never -- testdata/examples testdata/e2e/warnings.yaml"
		if len(runs) != 1 || runs[0] != want {
			t.Errorf("apigwlint ran %d times: %q; want once, as %q", len(runs), runs, want)
		}
	})
	t.Run("input error", func(t *testing.T) {
		res := runAction(t, ws, map[string]string{"paths": "missing.yaml\ntestdata/examples/openapi.yaml"}, bin)
		if res.failed != "lint" || res.exitCode != exitError || res.outputs["findings"] != inOpenAPI || res.outputs["exit-code"] != "2" {
			t.Errorf("failed %q, exit %d, outputs %v; want exit 2 and the %s findings counted", res.failed, res.exitCode, res.outputs, inOpenAPI)
		}
		if !strings.Contains(res.stdout, "::error file=missing.yaml,title=apigwlint input error::") || !strings.Contains(res.stderr, "missing.yaml: input error:") {
			t.Errorf("the input error is not annotated and shown:\n%s\n%s", res.stdout, res.stderr)
		}
		if !strings.Contains(res.summary, "| input errors (files that could not be read or parsed) | error | 1 |") {
			t.Errorf("summary:\n%s", res.summary)
		}
	})
	t.Run("bad fail-level", func(t *testing.T) {
		res := runAction(t, ws, map[string]string{"fail-level": "fatal"}, bin)
		if res.failed != "lint" || res.exitCode != exitError || !strings.Contains(res.stdout, `::error title=apigwlint::fail-level must be error, warning, note or never, not "fatal"`) {
			t.Errorf("failed %q, exit %d:\n%s", res.failed, res.exitCode, res.stdout)
		}
	})
	t.Run("escaping", func(t *testing.T) {
		// The action's own error annotation escapes %, CR and LF, so the
		// input cannot end the command and start another.
		res := runAction(t, ws, map[string]string{"fail-level": "100%\r\n::warning::forged"}, bin)
		want := `::error title=apigwlint::fail-level must be error, warning, note or never, not "100%25%0D%0A::warning::forged"` + "\n"
		if !strings.HasSuffix(res.stdout, "\n"+want) || strings.Contains(res.stdout, "\n::warning") {
			t.Errorf("stdout %q, want it to end with %q", res.stdout, want)
		}
	})
	t.Run("injection", func(t *testing.T) {
		evil := `$(touch pwned1) ` + "`touch pwned2`" + ` ";touch pwned3;" '$(touch pwned4)'`
		res := runAction(t, ws, map[string]string{"paths": evil, "config": "$(touch pwned5)", "sarif-file": "$(touch pwned6).sarif"}, bin)
		entries, _ := os.ReadDir(ws)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), "pwned") {
				t.Errorf("an input ran as shell code: %s exists", e.Name())
			}
		}
		if res.failed != "lint" || res.exitCode != exitError {
			t.Errorf("failed %q, exit %d; want apigwlint to reject the odd paths or config", res.failed, res.exitCode)
		}
	})
}

// TestActionBuildsFromSource runs the action the way it runs for users:
// no prebuilt binary, so the go step finds the runner's Go recent enough
// (no actions/setup-go), and the install step builds apigwlint from the
// action's checkout (offline here, from the module cache) and puts it on
// PATH for later steps.
func TestActionBuildsFromSource(t *testing.T) {
	needBash(t)
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go on PATH")
	}
	ws := workspaceWith(t, "testdata/examples/openapi.yaml")
	res := runAction(t, ws, map[string]string{"paths": "testdata/examples"}, map[string]string{"GOPROXY": "off"})
	if res.uses != nil {
		t.Fatalf("the runner's Go is recent enough, yet %s would run", res.uses.Uses)
	}
	if want := filepath.Join(res.env0("RUNNER_TEMP"), "apigwlint-go"); len(res.cached) != 1 || res.cached[0] != want || res.steps["go"]["mode"] != "build" {
		t.Errorf("a build from source restores the Go caches in %s; cached %v, go step %v", want, res.cached, res.steps["go"])
	}
	if res.steps["go"]["setup"] != "false" || !strings.Contains(res.stdout, "Using the runner's Go ") {
		t.Errorf("go step: outputs %v\n%s", res.steps["go"], res.stdout)
	}
	bin := filepath.Join(res.env0("RUNNER_TEMP"), "apigwlint-bin", "apigwlint")
	if res.steps["install"]["path"] != bin || !slices.Equal(res.path, []string{filepath.Dir(bin)}) {
		t.Errorf("install step: outputs %v, GITHUB_PATH %v; want the binary in %s", res.steps["install"], res.path, bin)
	}
	if res.failed != "lint" || res.exitCode != exitFindings || res.outputs["findings"] != countFindings(t, "testdata/examples/openapi.yaml") {
		t.Errorf("failed %q, exit %d, outputs %v\n%s%s", res.failed, res.exitCode, res.outputs, res.stdout, res.stderr)
	}
}

// TestActionGoCheck checks when the action installs Go with
// actions/setup-go, and with which version: never when the runner's Go is
// recent enough, always when go-version is given, and the latest stable
// release when Go is missing or older than go.mod's go directive.
func TestActionGoCheck(t *testing.T) {
	needBash(t)
	ws := workspaceWith(t)
	fake := func(version string) string {
		dir := t.TempDir()
		script := "#!/bin/sh\necho " + version + "\n"
		if err := os.WriteFile(filepath.Join(dir, "go"), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
		return dir + string(os.PathListSeparator) + pathWithoutGo()
	}
	for _, tc := range []struct {
		name    string
		with    map[string]string
		env     map[string]string
		version string // "" when setup-go must not run
	}{
		{"old go", nil, map[string]string{"PATH": fake("go1.21.5")}, "stable"},
		{"old minor", nil, map[string]string{"PATH": fake("go1.25rc1")}, ""}, // 1.25 >= 1.25.0
		{"no go", nil, map[string]string{"PATH": pathWithoutGo()}, "stable"},
		{"new go", nil, map[string]string{"PATH": fake("go1.31.2")}, ""},
		{"devel go", nil, map[string]string{"PATH": fake("devel go1.30-abc123 Tue Mar 3 2026")}, ""},
		{"go-version", map[string]string{"go-version": "1.25.x"}, map[string]string{"PATH": fake("go1.31.2")}, "1.25.x"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := runAction(t, ws, tc.with, tc.env)
			if tc.version == "" {
				if res.uses != nil || res.steps["go"]["setup"] != "false" {
					t.Errorf("setup-go would run (go step outputs %v)\n%s", res.steps["go"], res.stdout)
				}
				return
			}
			if res.uses == nil || res.uses.Uses != "actions/setup-go@v7" || res.uses.With["go-version"] != tc.version || res.uses.With["cache"] != "false" {
				t.Errorf("want actions/setup-go@v7 with go-version %s; got %+v (go step outputs %v)\n%s%s", tc.version, res.uses, res.steps["go"], res.stdout, res.stderr)
			}
		})
	}
}

// pathWithoutGo is $PATH without the folders that hold a go command.
func pathWithoutGo() string {
	var keep []string
	for _, dir := range filepath.SplitList(os.Getenv("PATH")) {
		if _, err := os.Stat(filepath.Join(dir, "go")); err != nil {
			keep = append(keep, dir)
		}
	}
	return strings.Join(keep, string(os.PathListSeparator))
}

// shellQuote quotes s for bash.
func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }
