package integration

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// fakeRelease makes a release folder as GoReleaser would for version: the
// archive for this machine (named from .goreleaser.yaml), holding the built
// apigwlint and LICENSE, and checksums.txt. It returns the folder and the
// archive's name.
func fakeRelease(t *testing.T, version string) (dir, archive string) {
	t.Helper()
	dir = t.TempDir()
	archive = releaseArchive(t, version, runtime.GOOS, runtime.GOARCH)
	bin, err := os.ReadFile(builtCLI(t))
	if err != nil {
		t.Fatal(err)
	}
	license, err := os.ReadFile("LICENSE")
	if err != nil {
		t.Fatal(err)
	}
	exe := "apigwlint"
	if runtime.GOOS == "windows" {
		exe += ".exe"
	}
	files := []struct {
		name string
		data []byte
		mode int64
	}{{exe, bin, 0o755}, {"LICENSE", license, 0o644}}
	f, err := os.Create(filepath.Join(dir, archive))
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(archive, ".zip") {
		zw := zip.NewWriter(f)
		for _, fl := range files {
			w, err := zw.Create(fl.name)
			if err != nil {
				t.Fatal(err)
			}
			w.Write(fl.data)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
	} else {
		gz := gzip.NewWriter(f)
		tw := tar.NewWriter(gz)
		for _, fl := range files {
			if err := tw.WriteHeader(&tar.Header{Name: fl.name, Mode: fl.mode, Size: int64(len(fl.data)), Typeflag: tar.TypeReg, ModTime: time.Now()}); err != nil {
				t.Fatal(err)
			}
			tw.Write(fl.data)
		}
		if err := tw.Close(); err != nil {
			t.Fatal(err)
		}
		if err := gz.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(readFile(t, filepath.Join(dir, archive)))
	other := strings.Repeat("0", 64) + "  apigwlint_" + strings.TrimPrefix(version, "v") + "_plan9_mips.tar.gz\n"
	writeChecksums(t, dir, other+hex.EncodeToString(sum[:])+"  "+archive+"\n")
	return dir, archive
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeChecksums(t *testing.T, dir, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, "checksums.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// serve serves dir on 127.0.0.1 for the test, each request bounded in time.
func serve(t *testing.T, dir string) string {
	t.Helper()
	srv := httptest.NewUnstartedServer(http.FileServer(http.Dir(dir)))
	srv.Config.ReadTimeout, srv.Config.WriteTimeout = 10*time.Second, 30*time.Second
	srv.Start()
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestActionDownloadsRelease checks the Action with a release tag as its
// version: no Go, no build; the archive for the runner and checksums.txt
// are downloaded (from a local server standing in for the GitHub release,
// or a file:// folder), the checksum is verified, the binary put on PATH
// and the lint run with it. A checksum that does not match fails the
// install step before anything runs.
func TestActionDownloadsRelease(t *testing.T) {
	needBash(t)
	if _, err := lookCurl(); err != nil {
		t.Skip("no curl")
	}
	dir, archive := fakeRelease(t, "v0.1.0")
	ws := workspaceWith(t, "testdata/examples/openapi.yaml")
	for name, url := range map[string]string{"http": serve(t, dir), "file": "file://" + filepath.ToSlash(dir)} {
		t.Run(name, func(t *testing.T) {
			env := map[string]string{"APIGWLINT_RELEASE_URL": url, "PATH": pathWithoutGo()}
			res := runAction(t, ws, map[string]string{"paths": "testdata/examples", "version": "v0.1.0"}, env)
			if res.uses != nil || len(res.cached) != 0 {
				t.Errorf("a release needs neither setup-go nor the Go cache; got uses %v, cached %v", res.uses, res.cached)
			}
			if res.steps["go"]["mode"] != "download" || res.steps["go"]["tag"] != "v0.1.0" {
				t.Errorf("go step outputs %v, want mode download of v0.1.0", res.steps["go"])
			}
			bin := filepath.Join(res.env0("RUNNER_TEMP"), "apigwlint-bin", "apigwlint")
			if runtime.GOOS == "windows" {
				bin += ".exe"
			}
			if res.steps["install"]["path"] != bin || len(res.path) != 1 || res.path[0] != filepath.Dir(bin) {
				t.Errorf("install outputs %v, PATH %v; want %s", res.steps["install"], res.path, bin)
			}
			if !strings.Contains(res.stdout, "Checksum verified: "+archive) || strings.Contains(res.stdout, "Building apigwlint") {
				t.Errorf("the archive was not verified, or a build ran:\n%s", res.stdout)
			}
			if res.failed != "lint" || res.exitCode != exitFindings || res.outputs["findings"] != countFindings(t, "testdata/examples/openapi.yaml") {
				t.Errorf("failed %q, exit %d, outputs %v; want the lint to run and find the examples' mistakes\n%s%s", res.failed, res.exitCode, res.outputs, res.stdout, res.stderr)
			}
		})
	}

	t.Run("checksum mismatch", func(t *testing.T) {
		bad := t.TempDir()
		if err := os.WriteFile(filepath.Join(bad, archive), readFile(t, filepath.Join(dir, archive)), 0o644); err != nil {
			t.Fatal(err)
		}
		writeChecksums(t, bad, strings.Repeat("ab", 32)+"  "+archive+"\n")
		res := runAction(t, ws, map[string]string{"version": "v0.1.0"}, map[string]string{"APIGWLINT_RELEASE_URL": serve(t, bad)})
		if res.failed != "install" || res.exitCode == 0 || !strings.Contains(res.stdout, "checksum mismatch for "+archive) {
			t.Errorf("failed %q, exit %d; want the install step to fail on the checksum:\n%s%s", res.failed, res.exitCode, res.stdout, res.stderr)
		}
		if _, ok := res.steps["lint"]; ok || res.steps["install"]["path"] != "" {
			t.Errorf("apigwlint was installed or run after a checksum mismatch: %v", res.steps)
		}
	})
	t.Run("no checksum entry", func(t *testing.T) {
		bad := t.TempDir()
		if err := os.WriteFile(filepath.Join(bad, archive), readFile(t, filepath.Join(dir, archive)), 0o644); err != nil {
			t.Fatal(err)
		}
		writeChecksums(t, bad, "")
		res := runAction(t, ws, map[string]string{"version": "v0.1.0"}, map[string]string{"APIGWLINT_RELEASE_URL": "file://" + filepath.ToSlash(bad)})
		if res.failed != "install" || !strings.Contains(res.stdout, "has no entry for "+archive) {
			t.Errorf("failed %q:\n%s%s", res.failed, res.stdout, res.stderr)
		}
	})
	t.Run("missing release", func(t *testing.T) {
		res := runAction(t, ws, map[string]string{"version": "v0.9.9"}, map[string]string{"APIGWLINT_RELEASE_URL": serve(t, t.TempDir())})
		if res.failed != "install" || !strings.Contains(res.stdout, "could not download") {
			t.Errorf("failed %q:\n%s%s", res.failed, res.stdout, res.stderr)
		}
	})
	// A branch or a commit is built from source (TestActionBuildsFromSource).
	for _, v := range []string{"main", "0123456789abcdef0123456789abcdef01234567", "v1", "v0.1"} {
		out := runCheckGo(t, map[string]string{"VERSION": v})
		if out["mode"] != "build" {
			t.Errorf("version %q: mode %q, want build", v, out["mode"])
		}
	}
	if out := runCheckGo(t, map[string]string{"ACTION_REF": "v0.2.0-rc.1"}); out["mode"] != "download" || out["tag"] != "v0.2.0-rc.1" {
		t.Errorf("used at v0.2.0-rc.1: outputs %v, want a download of it", out)
	}
}

func lookCurl() (string, error) { return exec.LookPath("curl") }

// runCheckGo runs the action's step "go" alone with env, and returns its
// outputs.
func runCheckGo(t *testing.T, env map[string]string) map[string]string {
	t.Helper()
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "output")
	cmd := exec.Command("bash", filepath.Join(root, ".github", "action", "check-go.sh"))
	cmd.Env = append(os.Environ(), "GITHUB_ACTION_PATH="+root, "GITHUB_OUTPUT="+out, "APIGWLINT_BIN=", "GO_VERSION=", "VERSION=", "ACTION_REF=")
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("check-go.sh: %v\n%s", err, b)
	}
	return parseFileCommand(t, out)
}
