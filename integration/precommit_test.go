package integration

import (
	"bytes"
	"github.com/apigwlint/apigwlint/internal/clitest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// TestGoInstallBuildsOnlyTheTool checks what pre-commit's language: golang
// does with this repository: go install ./... at its root must build one
// command, apigwlint (the generators and benchmark programs sit behind
// build tags), and the hook's entry names it.
func TestGoInstallBuildsOnlyTheTool(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every package")
	}
	bin := t.TempDir()
	cmd := exec.Command("go", "install", "./...")
	cmd.Env = append(os.Environ(), "GOBIN="+bin)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go install ./...: %v\n%s", err, out)
	}
	entries, err := os.ReadDir(bin)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".exe"))
	}
	if !slices.Equal(names, []string{"apigwlint"}) {
		t.Errorf("go install ./... built %v, want only apigwlint", names)
	}
}

// TestPreCommitHooks runs the hooks of .pre-commit-hooks.yaml for real
// with pre-commit: the manifest validates (and a broken one does not), and
// pre-commit try-repo, in a scratch git repository holding a clean OpenAPI
// file, a file with a mistake, a Helm template, a package.json and a text
// file, passes on all but the bad file and fails on it with apigwlint's
// finding, for both the golang hook (built by pre-commit with go install,
// offline from the module cache) and the system hook (the apigwlint on
// PATH). The hook repository is a snapshot of this working tree, committed:
// try-repo on the working tree itself would leave out untracked files.
//
// Without pre-commit the test is skipped, except in CI (CI=true), where it
// fails: .ci/run installs pre-commit.
func TestPreCommitHooks(t *testing.T) {
	if _, err := exec.LookPath("pre-commit"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pre-commit is not installed, and CI=true: CI must run the hook test (.ci/run installs the Debian package pre-commit)")
		}
		t.Skip("pre-commit is not installed (apt-get install pre-commit, or pip install pre-commit); the hooks are not tested")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("pre-commit is installed but git is not")
	}
	if runtime.GOOS == "windows" {
		t.Skip("the hook test is written for Unix")
	}
	gomodcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(),
		"PRE_COMMIT_HOME="+t.TempDir(), // a fresh store, nothing cached from other runs
		"GOPROXY=off", "GOFLAGS=-mod=mod -buildvcs=false", "GOMODCACHE="+strings.TrimSpace(string(gomodcache)),
		"GIT_AUTHOR_NAME=apigwlint test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=apigwlint test", "GIT_COMMITTER_EMAIL=test@example.com",
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
	)
	sh := func(dir string, name string, args ...string) (string, int) {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = dir, env
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		if ee, ok := err.(*exec.ExitError); ok {
			return out.String(), ee.ExitCode()
		} else if err != nil {
			t.Fatalf("%s %v: %v", name, args, err)
		}
		return out.String(), 0
	}

	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if out, code := sh(root, "pre-commit", "validate-manifest", ".pre-commit-hooks.yaml"); code != 0 {
		t.Fatalf("pre-commit validate-manifest: exit %d\n%s", code, out)
	}
	broken := filepath.Join(t.TempDir(), "hooks.yaml")
	manifest := clitest.ReadAll(t, ".pre-commit-hooks.yaml")
	if err := os.WriteFile(broken, []byte(strings.Replace(manifest, "  name: apigwlint\n", "", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, code := sh(root, "pre-commit", "validate-manifest", broken); code != 1 || !strings.Contains(out, "Missing required key: name") {
		t.Errorf("a manifest without name: exit %d\n%s", code, out)
	}

	hookRepo := snapshotRepo(t, root, sh)

	work := t.TempDir()
	files := map[string]string{
		"good.yaml":       clitest.ReadAll(t, "testdata/e2e/clean.yaml"),
		"bad.yaml":        "openapi: 3.0.1\ninfo: {title: t, version: \"1\"}\npaths:\n  /a:\n    get:\n      responses:\n        \"200\": {description: ok}\n      x-amazon-apigateway-integration:\n        type: http_proxy\n        httpMethod: GET\n        uri: https://example.com/a\n        timeoutInMillis: 10\n",
		"deployment.yaml": "kind: Deployment\nmetadata:\n  labels:\n{{ include \"labels\" . | indent 4 }}\n",
		"package.json":    "{\"name\": \"x\", \"version\": \"1.0.0\"}\n",
		"notes.txt":       "not YAML or JSON\n",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(work, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sh(work, "git", "init", "-q", ".")
	sh(work, "git", "add", ".")

	// The finding, as apigwlint reports it.
	src := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(src, []byte(files["bad.yaml"]), 0o644); err != nil {
		t.Fatal(err)
	}
	finding := strings.ReplaceAll(runCLI(t, "", src).stdout, src, "bad.yaml")
	if !strings.HasPrefix(finding, "bad.yaml:12:26: error: timeoutInMillis 10 is below the minimum of 50 ms [AGW108]") {
		t.Fatalf("unexpected finding %q", finding)
	}

	binDir := filepath.Dir(builtCLI(t))
	pathWithCLI := "PATH=" + binDir + string(os.PathListSeparator) + os.Getenv("PATH")
	for _, hook := range []string{"apigwlint", "apigwlint-system"} {
		t.Run(hook, func(t *testing.T) {
			if hook == "apigwlint-system" {
				env = append(env, pathWithCLI)
			}
			others := []string{"good.yaml", "deployment.yaml", "package.json", "notes.txt"}
			out, code := sh(work, "pre-commit", append([]string{"try-repo", hookRepo, hook, "--files"}, others...)...)
			if code != 0 || !regexp.MustCompile(`(?m)^apigwlint( \(system\))?\.+Passed$`).MatchString(out) {
				t.Errorf("try-repo %s on files without mistakes: exit %d, want 0 and Passed\n%s", hook, code, out)
			}
			out, code = sh(work, "pre-commit", append([]string{"try-repo", hookRepo, hook, "--files", "bad.yaml"}, others...)...)
			for _, want := range []string{"Failed\n", "- hook id: " + hook + "\n", "- exit code: 1\n", "\n" + finding} {
				if !strings.Contains(out, want) {
					t.Errorf("try-repo %s with bad.yaml: want %q in the output", hook, want)
				}
			}
			if code != 1 || t.Failed() {
				t.Errorf("try-repo %s with bad.yaml: exit %d, want 1\n%s", hook, code, out)
			}
		})
	}
	// apigwlint-fix rewrites what it can fix; pre-commit then fails the
	// commit, saying the hook modified files, as with other fixing hooks.
	t.Run("apigwlint-fix", func(t *testing.T) {
		fixable := "openapi: 3.0.1\ninfo: {title: t, version: \"1\"}\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-integration:\n        type: aws_proxy  # Lambda\n        httpMethod: GET\n        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations\n"
		path := filepath.Join(work, "fixable.yaml")
		if err := os.WriteFile(path, []byte(fixable), 0o644); err != nil {
			t.Fatal(err)
		}
		sh(work, "git", "add", "fixable.yaml")
		out, code := sh(work, "pre-commit", "try-repo", hookRepo, "apigwlint-fix", "--files", "fixable.yaml", "good.yaml")
		if code != 1 || !strings.Contains(out, "files were modified by this hook") {
			t.Errorf("try-repo apigwlint-fix: exit %d, want 1 and the files reported modified\n%s", code, out)
		}
		if got := clitest.ReadAll(t, path); got != strings.Replace(fixable, "httpMethod: GET", "httpMethod: POST", 1) {
			t.Errorf("fixable.yaml after the hook:\n%s", got)
		}
		if out, code := sh(work, "pre-commit", "try-repo", hookRepo, "apigwlint-fix", "--files", "fixable.yaml"); code != 0 {
			t.Errorf("a second run: exit %d, want 0 (nothing left to fix or report)\n%s", code, out)
		}
	})
}

// snapshotRepo commits the working tree's files (tracked, and untracked but
// not ignored; every file but .git when the tree is not a git checkout) into
// a scratch git repository, for pre-commit try-repo.
func snapshotRepo(t *testing.T, root string, sh func(dir, name string, args ...string) (string, int)) string {
	t.Helper()
	var files []string
	if list, code := sh(root, "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"); code == 0 {
		files = strings.Split(strings.TrimRight(list, "\x00"), "\x00")
	} else {
		err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && d.Name() == ".git" {
				return filepath.SkipDir
			}
			if d.Type().IsRegular() {
				rel, _ := filepath.Rel(root, path)
				files = append(files, rel)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	repo := t.TempDir()
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			continue // deleted in the working tree
		}
		dst := filepath.Join(repo, f)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"init", "-q", "."}, {"add", "."}, {"commit", "-q", "-m", "snapshot"}} {
		if out, code := sh(repo, "git", args...); code != 0 {
			t.Fatalf("git %v: %s", args, out)
		}
	}
	return repo
}
