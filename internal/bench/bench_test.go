package bench

import (
	"github.com/apigwlint/apigwlint/internal/doc"

	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/apigwlint/apigwlint/internal/gen"
	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/apigwlint/apigwlint/internal/report"
	"github.com/apigwlint/apigwlint/internal/rules"
	yaml "go.yaml.in/yaml/v4"
)

// plantEvery is the rate of planted mistakes: one integration in a hundred.
const plantEvery = 100

var (
	sizes   = []int{1000, 10000}
	formats = []struct {
		name   string
		format gen.Format
	}{{"yaml", gen.OpenAPI3YAML}, {"json", gen.OpenAPI3JSON}}
)

// input is one generated document, in memory and in a file.
type input struct {
	opts gen.Options
	name string // file name, as reported
	src  []byte
	path string // the document written to a temporary file
}

var (
	inputsMu sync.Mutex
	inputs   = map[gen.Options]*input{}
	tmpDir   string
)

// get generates the document once per process; b's timer is reset by the
// caller after it.
func get(b *testing.B, f gen.Format, n int) *input {
	b.Helper()
	inputsMu.Lock()
	defer inputsMu.Unlock()
	opts := gen.Options{Integrations: n, Format: f, Seed: 1, PlantEvery: plantEvery}
	if in := inputs[opts]; in != nil {
		return in
	}
	var buf bytes.Buffer
	if err := gen.Write(&buf, opts); err != nil {
		b.Fatal(err)
	}
	if tmpDir == "" {
		// Not b.TempDir: the files are shared by every benchmark of the run.
		d, err := os.MkdirTemp("", "apigwlint-bench-")
		if err != nil {
			b.Fatal(err)
		}
		tmpDir = d
	}
	name := fmt.Sprintf("gen-%d%s", n, f.Ext())
	in := &input{opts: opts, name: name, src: buf.Bytes(), path: filepath.Join(tmpDir, name)}
	if err := os.WriteFile(in.path, in.src, 0o644); err != nil {
		b.Fatal(err)
	}
	inputs[opts] = in
	return in
}

func TestMain(m *testing.M) {
	code := m.Run()
	if tmpDir != "" {
		os.RemoveAll(tmpDir)
	}
	os.Exit(code)
}

// each runs fn as a sub-benchmark for every format and size, with its
// input generated before the timer starts.
func each(b *testing.B, fn func(b *testing.B, in *input)) {
	for _, f := range formats {
		for _, n := range sizes {
			b.Run(fmt.Sprintf("%s/%d", f.name, n), func(b *testing.B) {
				in := get(b, f.format, n)
				b.SetBytes(int64(len(in.src)))
				b.ReportAllocs()
				b.ResetTimer()
				fn(b, in)
			})
		}
	}
}

var cfg = &rules.Config{Options: rules.DefaultOptions}

func parse(b *testing.B, in *input) *doc.File {
	f, err := loader.Parse(in.name, in.src, loader.DefaultLimits)
	if err != nil {
		b.Fatal(err)
	}
	return f
}

func check(b *testing.B, res *doc.Result) []rules.Finding {
	return rules.Check(res, cfg)
}

// verify fails the benchmark unless the findings are exactly the planted
// ones: a fast linter that misses them measures nothing.
func verify(b *testing.B, in *input, fs []rules.Finding) {
	got := map[string]int{}
	for _, f := range fs {
		got[f.RuleID]++
	}
	want := gen.Planted(in.opts)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		b.Fatalf("findings per rule: got %v, want %v", got, want)
	}
}

// BenchmarkFloorYAML decodes the YAML document into a yaml node tree, and
// the JSON twin too (the loader reads JSON with the same parser).
func BenchmarkFloorYAML(b *testing.B) {
	each(b, func(b *testing.B, in *input) {
		for b.Loop() {
			var n yaml.Node
			if err := yaml.Unmarshal(in.src, &n); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkFloorJSON decodes the JSON twin with encoding/json into any
// (no positions).
func BenchmarkFloorJSON(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("json/%d", n), func(b *testing.B) {
			in := get(b, gen.OpenAPI3JSON, n)
			b.SetBytes(int64(len(in.src)))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				var v any
				if err := json.Unmarshal(in.src, &v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRead reads the file, as the CLI does before parsing.
func BenchmarkRead(b *testing.B) {
	each(b, func(b *testing.B, in *input) {
		for b.Loop() {
			if _, err := os.ReadFile(in.path); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkParse is loader.Parse: bytes to a node tree with positions.
func BenchmarkParse(b *testing.B) {
	each(b, func(b *testing.B, in *input) {
		for b.Loop() {
			parse(b, in)
		}
	})
}

// BenchmarkModel is doc.Extract: finding the shape and building the
// integration model from a parsed file. Each iteration gets a fresh parse
// (untimed), so that nothing cached by a previous iteration is reused.
func BenchmarkModel(b *testing.B) {
	each(b, func(b *testing.B, in *input) {
		for b.Loop() {
			b.StopTimer()
			f := parse(b, in)
			b.StartTimer()
			if res := doc.Extract(f, loader.Decoder); len(res.Integrations) != in.opts.Integrations {
				b.Fatalf("%d integrations, want %d", len(res.Integrations), in.opts.Integrations)
			}
		}
	})
}

// BenchmarkRules is rules.Check over a fresh model (built untimed), so that
// the lazily read declarations (kin-openapi) and line tables are paid for
// in every iteration, as in a real run.
func BenchmarkRules(b *testing.B) {
	each(b, func(b *testing.B, in *input) {
		verify(b, in, check(b, doc.Extract(parse(b, in), loader.Decoder)))
		b.ResetTimer()
		for b.Loop() {
			b.StopTimer()
			res := doc.Extract(parse(b, in), loader.Decoder)
			b.StartTimer()
			check(b, res)
		}
	})
}

// BenchmarkReport renders the findings of the document, in SARIF and text.
func BenchmarkReport(b *testing.B) {
	for _, format := range []string{"sarif", "text"} {
		b.Run(format, func(b *testing.B) {
			each(b, func(b *testing.B, in *input) {
				rep := &report.Report{Tool: "apigwlint", Version: "bench", Findings: check(b, doc.Extract(parse(b, in), loader.Decoder))}
				b.SetBytes(0) // the input size says nothing about a report's speed
				b.ResetTimer()
				for b.Loop() {
					if err := report.Write(io.Discard, format, rep, report.Options{}); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}

// BenchmarkLint is the whole lint of one file, as the CLI runs it: read,
// load, check, and write the SARIF report. Its findings are checked against
// the planted mistakes once, before timing.
func BenchmarkLint(b *testing.B) {
	each(b, func(b *testing.B, in *input) {
		verify(b, in, lintFile(b, in.path, in.name))
		b.ResetTimer()
		for b.Loop() {
			lintFile(b, in.path, in.name)
		}
	})
}

func lintFile(b *testing.B, path, name string) []rules.Finding {
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	res, err := loader.Load(name, src, loader.DefaultLimits)
	if err != nil {
		b.Fatal(err)
	}
	fs := check(b, res)
	rep := &report.Report{Tool: "apigwlint", Version: "bench", Findings: fs}
	if err := report.Write(io.Discard, "sarif", rep, report.Options{}); err != nil {
		b.Fatal(err)
	}
	return fs
}

// BenchmarkVsDecode measures, side by side in each iteration, a plain
// yaml node decode of the YAML document and then loader.Parse and the whole
// lint of it, and reports their times as ratios to the decode's
// (parse/decode, lint/decode): on a shared, noisy machine a ratio measured
// in one run says more than two times measured apart. Run it with -cpu 1
// for the single-core figures and -cpu N for all cores.
func BenchmarkVsDecode(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("yaml/%d", n), func(b *testing.B) {
			in := get(b, gen.OpenAPI3YAML, n)
			verify(b, in, lintFile(b, in.path, in.name))
			b.ReportAllocs()
			b.ResetTimer()
			var decode, parseT, lint time.Duration
			for b.Loop() {
				t0 := time.Now()
				var node yaml.Node
				if err := yaml.Unmarshal(in.src, &node); err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				parse(b, in)
				t2 := time.Now()
				lintFile(b, in.path, in.name)
				t3 := time.Now()
				decode, parseT, lint = decode+t1.Sub(t0), parseT+t2.Sub(t1), lint+t3.Sub(t2)
			}
			b.ReportMetric(float64(parseT)/float64(decode), "parse/decode")
			b.ReportMetric(float64(lint)/float64(decode), "lint/decode")
		})
	}
}
