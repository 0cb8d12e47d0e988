package main

import (
	"fmt"
	"github.com/apigwlint/apigwlint/internal/clitest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestParallelDeterminism checks that linting many files on all cores gives
// byte-identical output, whatever the scheduling: every format, three runs,
// with one core, two, and more workers than cores. The inputs are all of
// testdata (rule goldens, hostile files, broken files, a folder walk with
// skipped files) and the real-world corpus when it is there.
func TestParallelDeterminism(t *testing.T) {
	paths := []string{"testdata"}
	if st, err := os.Stat("../shared/corpus/real"); err == nil && st.IsDir() {
		paths = append(paths, "../shared/corpus/real")
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, format := range []string{"text", "json", "sarif", "github"} {
		var first result
		for i, procs := range []int{1, 2, 8, 2, 1} {
			runtime.GOMAXPROCS(procs)
			r := runCLI(t, "", append([]string{"--format", format}, paths...)...)
			if i == 0 {
				first = r
				if r.code != exitError || r.stdout == "" || r.stderr == "" {
					t.Fatalf("%s: exit %d, %d bytes of report, %d of errors; want findings and input errors", format, r.code, len(r.stdout), len(r.stderr))
				}
				continue
			}
			if r != first {
				t.Fatalf("%s with GOMAXPROCS=%d differs from the first run:\n%s", format, procs, clitest.LineDiff(first.stdout+first.stderr, r.stdout+r.stderr))
			}
		}
	}
}

// TestManyFiles lints a folder of many small files (API files with a
// finding, clean ones, non-API YAML, unparsable non-API text, in equal
// parts) and measures the cost per file: the run keeps only the list of
// paths and the findings, so memory grows with those, not with the files'
// contents. The peak heap is sampled during the run.
func TestManyFiles(t *testing.T) {
	n := 4000
	if testing.Short() || raceEnabled {
		n = 800
	}
	dir := t.TempDir()
	kinds := []string{
		hostileAPI,
		"openapi: 3.0.1\ninfo: {title: ok, version: \"1\"}\npaths: {}\n",
		"apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n",
		"{{ .Values.name }}: [\n",
	}
	for i := 0; i < n; i++ {
		sub := filepath.Join(dir, fmt.Sprintf("d%02d", i%50))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("f%05d.yaml", i)), []byte(kinds[i%len(kinds)]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	var peak atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
				runtime.ReadMemStats(&m)
				if m.HeapInuse > peak.Load() {
					peak.Store(m.HeapInuse)
				}
			}
		}
	}()
	start := time.Now()
	r := runCLI(t, "", "--format", "json", dir)
	elapsed := time.Since(start)
	close(stop)
	wg.Wait()
	if r.code != exitFindings || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	if got := strings.Count(r.stdout, `"rule": "AGW108"`); got != n/len(kinds) {
		t.Errorf("%d findings, want %d", got, n/len(kinds))
	}
	growth := int64(peak.Load()) - int64(base.HeapInuse)
	t.Logf("%d files in %v (%v per file); peak heap %d KB above the start, %d bytes per file",
		n, elapsed.Round(time.Millisecond), (elapsed / time.Duration(n)).Round(time.Microsecond), growth>>10, growth/int64(n))
	if limit := int64(64 << 20); growth > limit {
		t.Errorf("peak heap grew by %d MB for %d files", growth>>20, n)
	}
}
