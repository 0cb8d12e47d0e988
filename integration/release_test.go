package integration

import (
	"context"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	yaml "go.yaml.in/yaml/v4"

	"github.com/apigwlint/apigwlint/internal/clitest"
)

// The release configuration is checked here without GoReleaser, whose
// installation would take CI minutes: the fields it is read for are parsed
// and held to what the README, the Action and the archives need.

type goreleaserConfig struct {
	Version     int    `yaml:"version"`
	ProjectName string `yaml:"project_name"`
	Builds      []struct {
		ID      string   `yaml:"id"`
		Main    string   `yaml:"main"`
		Binary  string   `yaml:"binary"`
		Env     []string `yaml:"env"`
		Goos    []string `yaml:"goos"`
		Goarch  []string `yaml:"goarch"`
		Flags   []string `yaml:"flags"`
		Ldflags []string `yaml:"ldflags"`
	} `yaml:"builds"`
	Archives []struct {
		NameTemplate    string   `yaml:"name_template"`
		Formats         []string `yaml:"formats"`
		FormatOverrides []struct {
			Goos    string   `yaml:"goos"`
			Formats []string `yaml:"formats"`
		} `yaml:"format_overrides"`
		Files []string `yaml:"files"`
	} `yaml:"archives"`
	Checksum struct {
		NameTemplate string `yaml:"name_template"`
		Algorithm    string `yaml:"algorithm"`
	} `yaml:"checksum"`
}

func readGoreleaser(t *testing.T) *goreleaserConfig {
	t.Helper()
	var c goreleaserConfig
	if err := yaml.Unmarshal([]byte(clitest.ReadAll(t, ".goreleaser.yaml")), &c); err != nil {
		t.Fatalf(".goreleaser.yaml: %v", err)
	}
	return &c
}

// releaseArchive is the name of the release archive for goos/goarch of
// version (v0.1.0), rendered from .goreleaser.yaml's name template and
// formats: what the Action downloads (.github/action/install.sh).
func releaseArchive(t *testing.T, version, goos, goarch string) string {
	t.Helper()
	c := readGoreleaser(t)
	a := c.Archives[0]
	name := a.NameTemplate
	for k, v := range map[string]string{".ProjectName": c.ProjectName, ".Version": strings.TrimPrefix(version, "v"), ".Os": goos, ".Arch": goarch} {
		name = regexp.MustCompile(`\{\{\s*`+regexp.QuoteMeta(k)+`\s*\}\}`).ReplaceAllString(name, v)
	}
	if strings.Contains(name, "{{") {
		t.Fatalf("the archive name template %q uses more than the test renders", a.NameTemplate)
	}
	format := a.Formats[0]
	for _, o := range a.FormatOverrides {
		if o.Goos == goos {
			format = o.Formats[0]
		}
	}
	return name + "." + format
}

// TestGoreleaserConfig checks the targets, the build settings, the archives
// and the checksums of .goreleaser.yaml.
func TestGoreleaserConfig(t *testing.T) {
	c := readGoreleaser(t)
	if c.Version != 2 || c.ProjectName != "apigwlint" || len(c.Builds) != 1 || len(c.Archives) != 1 {
		t.Fatalf("want version 2, project apigwlint, one build and one archive: %+v", c)
	}
	b := c.Builds[0]
	if b.Main != "./cmd/apigwlint" || b.Binary != "apigwlint" {
		t.Errorf("build main %q, binary %q", b.Main, b.Binary)
	}
	if !slices.Contains(b.Env, "CGO_ENABLED=0") {
		t.Errorf("build env %q lacks CGO_ENABLED=0 (static binaries for the image and every runner)", b.Env)
	}
	if want := []string{"darwin", "linux", "windows"}; !equalSorted(b.Goos, want) {
		t.Errorf("goos %q, want %q", b.Goos, want)
	}
	if want := []string{"amd64", "arm64"}; !equalSorted(b.Goarch, want) {
		t.Errorf("goarch %q, want %q", b.Goarch, want)
	}
	if !slices.Contains(b.Flags, "-trimpath") {
		t.Errorf("build flags %q lack -trimpath", b.Flags)
	}
	// GoReleaser's default ldflags set -X main.version; apigwlint reads its
	// version from the build information only.
	if len(b.Ldflags) == 0 || strings.Contains(strings.Join(b.Ldflags, " "), "-X") {
		t.Errorf("ldflags %q: set them (the default adds -X main.version), without -X", b.Ldflags)
	}
	a := c.Archives[0]
	for _, f := range []string{"LICENSE", "README.md", "CHANGELOG.md"} {
		if !slices.Contains(a.Files, f) {
			t.Errorf("the archives lack %s", f)
		}
		if _, err := filepath.Abs(f); err != nil || clitest.ReadAll(t, f) == "" {
			t.Errorf("%s is missing or empty", f)
		}
	}
	if got := releaseArchive(t, "v0.1.0", "linux", "amd64"); got != "apigwlint_0.1.0_linux_amd64.tar.gz" {
		t.Errorf("linux/amd64 archive %q", got)
	}
	if got := releaseArchive(t, "v0.1.0", "windows", "arm64"); got != "apigwlint_0.1.0_windows_arm64.zip" {
		t.Errorf("windows/arm64 archive %q", got)
	}
	if c.Checksum.NameTemplate != "checksums.txt" || c.Checksum.Algorithm != "sha256" {
		t.Errorf("checksum %+v, want checksums.txt with sha256 (what the Action verifies)", c.Checksum)
	}
	if !strings.Contains(clitest.ReadAll(t, ".gitignore"), "/dist/") {
		t.Error(".gitignore lacks /dist/: GoReleaser's output would make the build +dirty")
	}
}

// TestGoreleaserTargetsExist checks every GOOS/GOARCH pair of the release
// against go tool dist list.
func TestGoreleaserTargetsExist(t *testing.T) {
	out, err := exec.Command("go", "tool", "dist", "list").Output()
	if err != nil {
		t.Skipf("go tool dist list: %v", err)
	}
	known := strings.Fields(string(out))
	b := readGoreleaser(t).Builds[0]
	for _, goos := range b.Goos {
		for _, goarch := range b.Goarch {
			if !slices.Contains(known, goos+"/"+goarch) {
				t.Errorf("%s/%s is not a target of go tool dist list", goos, goarch)
			}
		}
	}
}

func equalSorted(a, b []string) bool {
	a, b = slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b))
	return slices.Equal(a, b)
}

// TestTagScheme checks that the README, the Action's workflow and the
// pre-commit hooks name releases alike: v0.1.0, the first tag, and never
// @main, @v1 or v1.0.0.
func TestTagScheme(t *testing.T) {
	for _, f := range []string{"README.md", ".pre-commit-hooks.yaml", ".github/workflows/apigwlint.yml", "action.yml", "CHANGELOG.md"} {
		text := clitest.ReadAll(t, f)
		for _, bad := range []string{"apigwlint/apigwlint@main", "apigwlint/apigwlint@v1\n", "apigwlint@v1 ", "rev: main", "rev: v1.0.0", "v1.0.0"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s names a release as %q; the scheme is v0.x.y (v0.1.0 first)", f, strings.TrimSpace(bad))
			}
		}
	}
	readme := clitest.ReadAll(t, "README.md")
	for _, want := range []string{"uses: apigwlint/apigwlint@v0.1.0", "rev: v0.1.0"} {
		if !strings.Contains(readme, want) {
			t.Errorf("README.md lacks %q", want)
		}
	}
	if !strings.Contains(clitest.ReadAll(t, ".pre-commit-hooks.yaml"), "rev: v0.1.0") {
		t.Error(".pre-commit-hooks.yaml does not show rev: v0.1.0")
	}
}

// TestDockerImage builds the image and runs it on the examples, when a
// Docker daemon is there and can build (it pulls the golang and distroless
// images); otherwise it skips. CI does not depend on it.
func TestDockerImage(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an image")
	}
	if _, err := exec.LookPath("docker"); err != nil {
		t.Skip("no docker")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if err := exec.CommandContext(ctx, "docker", "info").Run(); err != nil {
		t.Skipf("no Docker daemon: %v", err)
	}
	tag := "apigwlint-test:" + time.Now().Format("20060102150405")
	if out, err := exec.CommandContext(ctx, "docker", "build", "-q", "-t", tag, ".").CombinedOutput(); err != nil {
		t.Skipf("docker build failed (offline, or no access to the base images?): %v\n%s", err, out)
	}
	defer exec.Command("docker", "rmi", "-f", tag).Run()
	abs, err := filepath.Abs("testdata/examples")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, "docker", "run", "--rm", "-v", abs+":/work:ro", tag, "--no-config", ".")
	out, err := cmd.Output()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != exitFindings || !strings.Contains(string(out), "openapi.yaml:14:21: error:") {
		t.Errorf("docker run on the examples: %v, output:\n%s", err, out)
	}
}
