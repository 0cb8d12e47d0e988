package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/loader"
)

// corpusDir holds real-world files collected from public repositories
// (with MANIFEST.tsv describing each). It sits beside the repository in the
// development workspace, not in it: a user's clone has no such folder and
// the corpus tests skip.
var corpusDir = filepath.Join("..", "shared", "corpus", "real")

// invalidCorpusFile is the one corpus file that is not valid JSON or YAML
// (// comments and mustache includes in a .json file; the first problem is
// the comment at 2:3).
const invalidCorpusFile = "jyates__fineo-api__template__input__meta__user.json"

func corpusFiles(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(corpusDir)
	if os.IsNotExist(err) {
		t.Skipf("no corpus at %s", corpusDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && e.Name() != "MANIFEST.tsv" {
			names = append(names, e.Name())
		}
	}
	if len(names) < 100 {
		t.Fatalf("only %d files in %s", len(names), corpusDir)
	}
	return names
}

// TestCorpus lints every corpus file on its own, named explicitly as a
// user or pre-commit would: no panic, no input error except for the one
// invalid file (which must be one, exit 2), and every finding recorded in
// testdata/corpus.golden with base names, so that any change in what the
// rules say about real files shows up in review. Rewrite with -update.
func TestCorpus(t *testing.T) {
	var all strings.Builder
	prefix := filepath.ToSlash(corpusDir) + "/"
	for _, name := range corpusFiles(t) {
		r := runCLI(t, "", filepath.Join(corpusDir, name))
		stdout := strings.ReplaceAll(r.stdout, prefix, "")
		stderr := strings.ReplaceAll(r.stderr, prefix, "")
		if name == invalidCorpusFile {
			if r.code != exitError || !strings.HasPrefix(stderr, name+":2:3: input error: cannot parse") || stdout != "" {
				t.Errorf("%s: want an input error (exit 2), got exit %d\nstdout:\n%s\nstderr:\n%s", name, r.code, stdout, stderr)
			}
			all.WriteString(stderr)
			continue
		}
		if r.code != exitClean && r.code != exitFindings || stderr != "" {
			t.Errorf("%s: exit %d (want 0 or 1), stderr:\n%s", name, r.code, stderr)
		}
		if r.code == exitFindings && stdout == "" {
			t.Errorf("%s: exit 1 without a finding", name)
		}
		all.WriteString(stdout)
	}
	golden(t, filepath.Join("testdata", "corpus.golden"), all.String())
}

// knownCountDifferences are the corpus files where the loader finds a
// different number of integrations than MANIFEST.tsv counts by eye, and why.
var knownCountDifferences = map[string]string{
	// A path item key "any" is not an OpenAPI method nor
	// x-amazon-apigateway-any-method, so its integration is not an
	// operation's.
	"aws__serverless-application-model__tests__translator__input__api_with_any_method_in_swagger.yaml":          "any",
	"aws__serverless-application-model__tests__translator__output__aws-cn__api_with_any_method_in_swagger.json": "any",
	// The key is misspelled x-amazon-apigateway-integrations.
	"malwazan__SAM-Microservice-Boilerplate__httpapi.yaml": "misspelled",
	// Two integrations sit under a path nested in a path (/upload: /{bucket}/{key}:).
	"wdas03__ai-photo-album-aws__cloudformation_template.yaml": "nested path",
	// localstack snapshots wrap recorded API responses in test-name keys.
	"localstack__localstack__tests__aws__services__apigateway__test_apigateway_integrations.snapshot.json": "wrapped",
	"localstack__localstack__tests__aws__services__apigateway__test_apigateway_lambda.snapshot.json":       "wrapped",
	invalidCorpusFile: "invalid",
}

// TestCorpusIntegrationCounts checks the loader against MANIFEST.tsv: each
// file yields as many integrations as the manifest counts, apart from the
// known differences above.
func TestCorpusIntegrationCounts(t *testing.T) {
	corpusFiles(t)
	manifest, err := os.ReadFile(filepath.Join(corpusDir, "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(manifest)), "\n")
	if cols := strings.Split(lines[0], "\t"); len(cols) < 7 || cols[0] != "file" || cols[6] != "integration_count" {
		t.Fatalf("MANIFEST.tsv columns changed: %q", lines[0])
	}
	checked := 0
	for _, l := range lines[1:] {
		cols := strings.Split(l, "\t")
		name := cols[0]
		want, err := strconv.Atoi(cols[6])
		if err != nil {
			t.Errorf("%s: integration_count %q", name, cols[6])
			continue
		}
		src, err := os.ReadFile(filepath.Join(corpusDir, name))
		if err != nil {
			t.Error(err)
			continue
		}
		res, err := loader.Load(name, src, loader.DefaultLimits)
		got := -1
		if err == nil {
			got = len(res.Integrations)
		}
		if _, known := knownCountDifferences[name]; known {
			if got == want {
				t.Errorf("%s: the loader now finds the %d integrations the manifest counts: drop it from knownCountDifferences", name, want)
			}
			continue
		}
		checked++
		if got != want {
			t.Errorf("%s: the loader finds %d integrations, the manifest counts %d (err %v)", name, got, want, err)
		}
	}
	if checked < 100 {
		t.Errorf("only %d files checked", checked)
	}
}
