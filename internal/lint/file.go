package lint

import (
	"crypto/sha256"
	"errors"
	"io"
	"runtime"
	"sync"

	"github.com/apigwlint/apigwlint/internal/doc"
	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/apigwlint/apigwlint/internal/report"
	"github.com/apigwlint/apigwlint/internal/rules"
	"github.com/apigwlint/apigwlint/internal/suppress"
	"github.com/apigwlint/apigwlint/internal/terraform"
)

// fileStages are the stages each file goes through: Load (internal/loader),
// Check (internal/rules), then the file's part of Suppress (its comments).
// A run uses loader.Load and rules.Check; tests swap one to make it panic.
type fileStages struct {
	load  func(path string, src []byte, lim loader.Limits) (*doc.Result, []terraform.Body, error)
	check func(*doc.Result, *rules.Config) []rules.Finding
	sums  bool // keep each file's SHA-256, for the Fix stage
	// keepLines keeps the source lines findings point at (--pretty).
	keepLines bool
}

// fileResult is the outcome of linting one file.
type fileResult struct {
	findings []rules.Finding
	err      *loader.Error
	sum      [32]byte         // of the text linted, when fileStages.sums is set
	lines    map[int]string   // the lines findings point at, when kept
	bodies   []terraform.Body // the files the API resources of a .tf file load their body from
}

// lintAll lints files on all cores and returns the results in input order,
// so that output is the same whatever the scheduling.
func (st fileStages) lintAll(files []input, stdin io.Reader, cfg *rules.Config) []fileResult {
	results := make([]fileResult, len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), max(len(files), 1))
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = st.lintFile(files[i], stdin, cfg)
			}
		}()
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return results
}

// lintFile reads one file and takes it through its stages.
func (st fileStages) lintFile(in input, stdin io.Reader, cfg *rules.Config) fileResult {
	read := func() ([]byte, *loader.Error) { return readInput(in, stdin, loader.DefaultLimits) }
	return st.lint(in, read, cfg)
}

// lintSource takes text already in memory (an editor's buffer) through the
// stages, as a file named on the command line.
func (st fileStages) lintSource(path string, src []byte, cfg *rules.Config) fileResult {
	return st.lint(input{path: path, explicit: true}, func() ([]byte, *loader.Error) { return src, nil }, cfg)
}

// lint reads a file with read and takes it through its stages. This is the
// one place a panic while linting a file is recovered: it becomes an input
// error of that file in one shape (panic.go), and the run goes on.
func (st fileStages) lint(in input, read func() ([]byte, *loader.Error), cfg *rules.Config) (res fileResult) {
	path := in.path
	stage := stageRead
	defer func() {
		if v := recover(); v != nil {
			res = fileResult{err: &loader.Error{Path: path, Msg: internalError(stage, v)}}
		}
	}()
	src, rerr := read()
	if rerr != nil {
		if in.body != nil {
			return fileResult{err: bodyError(in.body, rerr.Msg)}
		}
		return fileResult{err: rerr}
	}
	stage = stageLoad
	var loaded *doc.Result
	var bodies []terraform.Body
	var err error
	if in.body != nil {
		loaded, err = terraform.LoadBody(*in.body, src)
	} else {
		loaded, bodies, err = st.load(path, src, loader.DefaultLimits)
	}
	afterLoad(len(src))
	if err != nil {
		if in.skipUnparsable {
			return skipUnparsable(in, src, err)
		}
		if !in.explicit && !mentionsAPI(src) {
			return fileResult{} // not API Gateway content we could judge
		}
		return fileResult{err: asInputError(path, err)}
	}
	res.bodies = bodies
	stage = stageCheck
	findings := st.check(loaded, cfg)
	stage = stageSuppress
	res.findings = suppress.Comments(loaded.File, findings, cfg)
	if st.sums {
		res.sum = sha256.Sum256(src)
	}
	if st.keepLines {
		res.lines = report.SourceLines(src, res.findings)
	}
	return res
}

// skipUnparsable judges a named file that does not parse under
// --skip-unparsable, which pre-commit uses on every staged YAML and JSON
// file: it is skipped unless it holds an unmistakable API Gateway marker
// (an x-amazon-apigateway- extension or an API Gateway resource type; the
// word openapi is not enough, Helm charts embed it). When it does, the
// error says how to leave the file out.
func skipUnparsable(in input, src []byte, err error) fileResult {
	if !doc.MentionsAPIGateway(src) {
		return fileResult{}
	}
	e := *asInputError(in.path, err)
	e.Msg += "; if this file is not meant to be linted, exclude it (exclude: in .apigwlint.yaml, or exclude: in the hook of .pre-commit-config.yaml)"
	return fileResult{err: &e}
}

// asInputError is err as an input error of the file at path: the
// loader's own errors carry a position, others only the path.
func asInputError(path string, err error) *loader.Error {
	var le *loader.Error
	if errors.As(err, &le) {
		return le
	}
	return &loader.Error{Path: path, Msg: err.Error()}
}
