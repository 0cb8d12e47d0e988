package main

import (
	"github.com/apigwlint/apigwlint/internal/doc"

	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/apigwlint/apigwlint/internal/report"
	"github.com/apigwlint/apigwlint/internal/rules"
)

// suppress applies, after the rules (and the comments, which rules.Check
// applies), the configuration's ignore entries and then the baseline to the
// findings of rep; with --write-baseline it writes the baseline instead.
// It returns an exit code and whether the run ends here.
func suppress(o *options, fc *fileConfig, cfg *rules.Config, rep *report.Report, files []input, stderr io.Writer) (int, bool) {
	failed := map[string]bool{}
	for _, e := range rep.Errors {
		failed[e.Path] = true
	}
	var linted []string // files read and parsed: their findings are complete
	for _, f := range files {
		if !failed[f.path] {
			linted = append(linted, f.path)
		}
	}
	applyIgnores(fc, cfg, rep, linted)
	if o.writeBaseline != "" {
		n, err := writeBaseline(o.writeBaseline, rep.Findings)
		if err != nil {
			fmt.Fprintf(stderr, "apigwlint: --write-baseline %s: %v\n", o.writeBaseline, err)
			return exitError, true
		}
		fmt.Fprintf(stderr, "apigwlint: wrote %d findings to the baseline %s\n", n, o.writeBaseline)
		if len(rep.Errors) > 0 {
			return exitError, true
		}
		return exitClean, true
	}
	if o.baseline != "" {
		matched, gone, err := applyBaseline(o.baseline, rep, linted)
		if err != nil {
			fmt.Fprintf(stderr, "apigwlint: --baseline %s: %v\n", o.baseline, err)
			return exitError, true
		}
		msg := fmt.Sprintf("apigwlint: baseline %s: %d %s accepted", o.baseline, matched, plural(matched, "finding", "findings"))
		if gone > 0 {
			msg += fmt.Sprintf(", %d %s no longer found (fixed, or changed: refresh it with --write-baseline)", gone, plural(gone, "entry", "entries"))
		}
		fmt.Fprintln(stderr, msg)
	}
	return exitClean, false
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// applyIgnores suppresses the findings matched by an ignore entry of the
// configuration, and reports (as findings of the suppression rule, at the
// entry) entries that match no finding although their path matched a file
// that was linted: an entry for files this run did not see is not judged.
func applyIgnores(fc *fileConfig, cfg *rules.Config, rep *report.Report, linted []string) {
	if len(fc.ignore) == 0 {
		return
	}
	rels := map[string]string{}
	rel := func(path string) string {
		r, ok := rels[path]
		if !ok {
			r = fc.rel(path)
			rels[path] = r
		}
		return r
	}
	for _, e := range fc.ignore {
		for _, p := range linted {
			if p != stdinName && e.path.match(rel(p)) {
				e.judged = true
				break
			}
		}
	}
	for i := range rep.Findings {
		f := &rep.Findings[i]
		if f.Suppressed != nil || f.File == stdinName {
			continue
		}
		for _, e := range fc.ignore {
			if e.matches(f, rel(f.File)) {
				e.used = true
				f.Suppressed = &rules.Suppression{Kind: "external", By: rules.ByConfig, Justification: e.reason, File: fc.path, Line: e.line, Col: e.col}
				break
			}
		}
	}
	self := rules.ByID(rules.SuppressionRule)
	if cfg.Disabled[self.ID] {
		return
	}
	sev := self.Severity
	if s, ok := cfg.Severity[self.ID]; ok {
		sev = s
	}
	for _, e := range fc.ignore {
		if !e.judged || e.used || e.rule != nil && cfg.Disabled[e.rule.ID] {
			continue
		}
		rep.Findings = append(rep.Findings, rules.Finding{
			RuleID: self.ID, Rule: self.Name, Severity: sev, File: fc.path, Span: doc.Span{Line: e.line, Col: e.col},
			Message: fmt.Sprintf("the ignore entry %s suppresses nothing: no finding in the files linted matches it; remove it", e.describe()),
		})
	}
}

// matches reports whether the entry covers finding f, in the file whose
// path relative to the configuration file is rel. The pointer matches
// itself and everything below it, on whole reference tokens: /paths/~1a
// covers /paths/~1a/get but not /paths/~1ab.
func (e *ignoreEntry) matches(f *rules.Finding, rel string) bool {
	if e.rule != nil && e.rule.ID != f.RuleID {
		return false
	}
	if e.pointer != "" && f.Pointer != e.pointer && !strings.HasPrefix(f.Pointer, e.pointer+"/") {
		return false
	}
	return e.path.match(rel)
}

func (e *ignoreEntry) describe() string {
	parts := []string{"path " + e.path.text}
	if e.rule != nil {
		parts = append(parts, "rule "+e.rule.ID)
	}
	if e.pointer != "" {
		parts = append(parts, "pointer "+e.pointer)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// Baselines.
//
// A baseline lists accepted findings, each keyed by rule id, file (relative
// to the baseline's folder, with forward slashes), JSON pointer, and a hash
// of the message. Not by line: inserting or removing lines elsewhere in the
// file leaves the key unchanged. The message hash makes a different problem
// at the same place (timeoutInMillis 30 becoming 40) a new finding; the
// price is that a rewording of a message by a new apigwlint version turns
// its findings new, and the baseline has to be written again.

const baselineVersion = 1

type baselineFile struct {
	Version  int             `json:"version"`
	Tool     string          `json:"tool"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Pointer     string `json:"pointer"`
	MessageHash string `json:"messageHash"`
	Message     string `json:"message"` // for people reading the file; not compared
}

func (e baselineEntry) key() string {
	return e.Rule + "\x00" + e.File + "\x00" + e.Pointer + "\x00" + e.MessageHash
}

// newBaselineEntry makes the baseline entry of finding f, for a baseline in
// folder dir.
func newBaselineEntry(f rules.Finding, dir string) baselineEntry {
	sum := sha256.Sum256([]byte(f.Message))
	return baselineEntry{Rule: f.RuleID, File: baselinePath(f.File, dir), Pointer: f.Pointer,
		MessageHash: hex.EncodeToString(sum[:8]), Message: f.Message}
}

// baselinePath is a file's path relative to the baseline's folder, so that
// a baseline holds whether apigwlint runs from that folder or another.
func baselinePath(path, dir string) string {
	if path == stdinName {
		return path
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	if r, err := filepath.Rel(dir, abs); err == nil {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(abs)
}

func baselineDir(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "."
	}
	return filepath.Dir(abs)
}

// writeBaseline writes the findings not suppressed by a comment or the
// configuration to path, atomically, sorted so that the file diffs well.
func writeBaseline(path string, fs []rules.Finding) (int, error) {
	dir := baselineDir(path)
	b := baselineFile{Version: baselineVersion, Tool: "apigwlint", Findings: []baselineEntry{}}
	for _, f := range fs {
		if f.Suppressed == nil || f.Suppressed.By == rules.ByBaseline {
			b.Findings = append(b.Findings, newBaselineEntry(f, dir))
		}
	}
	sort.SliceStable(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		if x.File != y.File {
			return x.File < y.File
		}
		if x.Pointer != y.Pointer {
			return x.Pointer < y.Pointer
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		return x.MessageHash < y.MessageHash
	})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(b); err != nil {
		return 0, err
	}
	return len(b.Findings), writeAtomic(path, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err })
}

// applyBaseline suppresses the findings the baseline at path lists, each
// entry accepting one finding. It returns how many were accepted and how
// many entries for the linted files matched nothing (fixed, or changed).
func applyBaseline(path string, rep *report.Report, linted []string) (matched, gone int, err error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, fmt.Errorf("%s (write one with --write-baseline)", describe(err))
	}
	var b baselineFile
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return 0, 0, fmt.Errorf("not an apigwlint baseline: %v", err)
	}
	if b.Version != baselineVersion {
		return 0, 0, fmt.Errorf("baseline version %d is not supported (want %d); write it again with --write-baseline", b.Version, baselineVersion)
	}
	dir := baselineDir(path)
	left := map[string]int{}
	for _, e := range b.Findings {
		left[e.key()]++
	}
	rep.Baseline = true
	for i := range rep.Findings {
		f := &rep.Findings[i]
		if f.Suppressed != nil {
			continue
		}
		k := newBaselineEntry(*f, dir).key()
		if left[k] > 0 {
			left[k]--
			matched++
			f.Suppressed = &rules.Suppression{Kind: "external", By: rules.ByBaseline, Justification: "listed in the baseline " + path, File: path}
		}
	}
	seen := map[string]bool{}
	for _, p := range linted {
		seen[baselinePath(p, dir)] = true
	}
	for _, e := range b.Findings {
		if k := e.key(); left[k] > 0 && seen[e.File] {
			left[k]--
			gone++
		}
	}
	return matched, gone, nil
}
