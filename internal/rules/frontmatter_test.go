package rules

import (
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v4"
)

// TestFrontMatterAsYAML checks that parseFrontMatter reads every rule
// document's front matter exactly as the YAML library reads it, and a few
// values to the letter.
func TestFrontMatterAsYAML(t *testing.T) {
	entries, err := docsFS.ReadDir("docs")
	if err != nil || len(entries) == 0 {
		t.Fatal("no rule documents", err)
	}
	for _, e := range entries {
		src, _ := docsFS.ReadFile("docs/" + e.Name())
		text := strings.SplitN(strings.TrimPrefix(string(src), "---\n"), "\n---\n", 2)[0]
		got, err := parseFrontMatter(e.Name(), 2, text)
		if err != nil {
			t.Error(err)
			continue
		}
		var want map[string]string
		if err := yaml.Unmarshal([]byte(text), &want); err != nil {
			t.Fatal(e.Name(), err)
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d keys, YAML reads %d", e.Name(), len(got), len(want))
		}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s: %s is %q, YAML reads %q", e.Name(), k, got[k], v)
			}
		}
	}
	if _, err := Documented(); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string][2]string{
		"timeout":          {"Timeout should be between 50 ms and 29000 ms", "timeoutInMillis is between 50 ms and the ceiling for its kind of integration"},
		"integration-type": {"Member must satisfy enum value set: [HTTP, AWS, MOCK, HTTP_PROXY, AWS_PROXY]", "integration type is present and one of AWS, AWS_PROXY, HTTP, HTTP_PROXY, MOCK"},
		"aws-proxy-target": {"Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations", "AWS_PROXY integrations target Lambda"},
		"credentials":      {"Invalid ARN specified in the request", "credentials is an IAM role ARN or arn:aws:iam::*:user/*"},
		"uri-placeholder":  {"Invalid ARN specified in the request", "no unresolved ${...} or other placeholder in a uri or credentials"},
		"duplicate-key":    {"", "no key is written twice in the same object or mapping"},
	} {
		r := ByID(name)
		if r == nil {
			t.Fatalf("no rule %s", name)
		}
		if r.Message != want[0] || r.Title != want[1] {
			t.Errorf("%s: read message %q and title %q, want %q and %q", name, r.Message, r.Title, want[0], want[1])
		}
	}
}

// TestFrontMatterErrors checks that anything but the key: value lines the
// documents use is refused with the file and line.
func TestFrontMatterErrors(t *testing.T) {
	for text, want := range map[string]string{
		"id: AGW101\ntitle: t\n": "",
		"id: AGW101\nsummary: s": "f.md:3: front matter: unknown key \"summary\"",
		"id: AGW101\nid: AGW102": "f.md:3: front matter: id is given twice",
		"id: AGW101\n\ntitle: t": "f.md:3: front matter: want key: value",
		"# a comment":            "f.md:2: front matter: want key: value",
		"  id: AGW101":           "f.md:2: front matter: want key: value",
		"id:AGW101":              "f.md:2: front matter: want a space after id:",
		"title:":                 "f.md:2: front matter: title has no value",
		"title: \"\"":            "f.md:2: front matter: title has no value",
		`message: "unclosed`:     "f.md:2: front matter: message: the string is not closed",
		`message: "a" b`:         "f.md:2: front matter: message: text after the closing quote",
		`message: "a\x"`:         "f.md:2: front matter: message: unsupported escape \\x",
		"title: a: b":            "f.md:2: front matter: title: quote the value",
		"title: a # b":           "f.md:2: front matter: title: quote the value",
		"title: [a]":             "f.md:2: front matter: title: quote the value",
		"title: |":               "f.md:2: front matter: title: quote the value",
		"title: null":            "f.md:2: front matter: title: quote the value",
	} {
		_, err := parseFrontMatter("f.md", 2, strings.TrimSuffix(text, "\n"))
		switch {
		case want == "" && err != nil:
			t.Errorf("%q: %v", text, err)
		case want != "" && (err == nil || !strings.HasPrefix(err.Error(), want)):
			t.Errorf("%q: error %v, want %q", text, err, want)
		}
	}
	for text, want := range map[string]string{
		`"a \"b\" \\ \/ c"`: `a "b" \ / c`,
		`'it''s'`:           "it's",
		`plain: text`[7:]:   "text",
	} {
		if got, err := frontMatterValue(text); err != nil || got != want {
			t.Errorf("%s: %q, %v; want %q", text, got, err, want)
		}
	}
}
