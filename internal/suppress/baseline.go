package suppress

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/apigwlint/apigwlint/internal/fileio"
	"github.com/apigwlint/apigwlint/internal/report"
	"github.com/apigwlint/apigwlint/internal/rules"
)

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
	if path == fileio.StdinName {
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
	return len(b.Findings), fileio.Write(path, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err })
}

// applyBaseline suppresses the findings the baseline at path lists, each
// entry accepting one finding. It returns how many were accepted and how
// many entries for the linted files matched nothing (fixed, or changed).
func applyBaseline(path string, rep *report.Report, linted []string) (matched, gone int, err error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, fmt.Errorf("%s (write one with --write-baseline)", fileio.Describe(err))
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
