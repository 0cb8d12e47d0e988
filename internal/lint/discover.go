package lint

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/apigwlint/apigwlint/internal/config"
	"github.com/apigwlint/apigwlint/internal/fileio"
	"github.com/apigwlint/apigwlint/internal/loader"
	"github.com/apigwlint/apigwlint/internal/terraform"
)

// input is one file to lint.
type input struct {
	path string // as shown in reports
	// explicit is true for a file named on the command line. A file found
	// by walking a folder or expanding a glob is not: when it does not parse
	// and holds no API Gateway marker it is skipped (a Helm template, say).
	explicit bool
	// skipUnparsable is set for a named file under --skip-unparsable: it is
	// judged like a file found in a folder, but more strictly (file.go).
	skipUnparsable bool
	stdin          bool
	// named is set for standard input given a path (--stdin-filename):
	// it is then filtered, reported and judged as the file of that path.
	named bool
	// body is set for a file an API resource of a linted .tf file loads
	// its body from: it is linted as that resource's OpenAPI document
	// (bodies.go).
	body *terraform.Body
}

// lintableExt are the file endings searched for when walking a folder.
var lintableExt = map[string]bool{".json": true, ".yaml": true, ".yml": true, ".tf": true}

// skipDirs are folders never searched: version control and dependencies.
var skipDirs = map[string]bool{".git": true, ".hg": true, ".svn": true, "node_modules": true, "vendor": true}

// discover is the Discover stage: the files to lint, from the paths given
// (files, folders, globs, "-"), less those the configuration's include and
// exclude leave out and those apigwlint itself writes. It refuses the run
// when a file apigwlint is to write is one of the files to lint.
func discover(o *Options) ([]input, []*loader.Error, error) {
	files, errs := expand(o.Paths, o.StdinFilename)
	if o.SkipUnparsable {
		judgeLikeFound(files)
	}
	files = filter(o.File, files)
	if err := outputsAreNotInputs(o, files); err != nil { // safety.go
		return nil, nil, err
	}
	return withoutOutputs(files, o.Output, o.SARIFOutput, o.WriteBaseline), errs, nil
}

// filter drops the files the include and exclude patterns of c leave out,
// found by walking folders and named explicitly alike. Standard input is
// kept.
func filter(c *config.File, files []input) []input {
	if len(c.Include) == 0 && len(c.Exclude) == 0 {
		return files
	}
	out := files[:0:0]
	for _, f := range files {
		if f.stdin && !f.named || c.Keeps(c.Rel(f.path)) {
			out = append(out, f)
		}
	}
	return out
}

// judgeLikeFound applies --skip-unparsable: named files are judged like files
// found by walking a folder, so one that does not parse and holds no
// unmistakable API Gateway marker (a Helm template, say, even one whose text
// says openapi) is skipped instead of being an input error. pre-commit names every staged YAML and JSON file, and a hook must
// let those that are not API Gateway content pass. Standard input stays
// explicit: it was given on purpose.
func judgeLikeFound(files []input) {
	for i := range files {
		if !files[i].stdin {
			files[i].skipUnparsable = files[i].explicit
			files[i].explicit = false
		}
	}
}

// expand turns command-line paths into files, in a stable order: arguments
// as given, the files of a folder or glob sorted. A path that does not exist
// or cannot be read is an input error.
func expand(paths []string, stdinName string) ([]input, []*loader.Error) {
	var files []input
	var errs []*loader.Error
	seen := map[string]bool{}
	add := func(in input) {
		key := filepath.Clean(in.path)
		if in.stdin {
			key = fileio.StdinName
		}
		if !seen[key] {
			seen[key] = true
			files = append(files, in)
		}
	}
	for _, p := range paths {
		if p == "-" {
			in := input{path: fileio.StdinName, explicit: true, stdin: true}
			if stdinName != "" {
				in.path, in.named = filepath.ToSlash(stdinName), true
			}
			add(in)
			continue
		}
		st, err := os.Stat(p)
		switch {
		case err == nil && st.IsDir():
			found, werrs := walk(p)
			errs = append(errs, werrs...)
			for _, f := range found {
				add(input{path: f})
			}
		case err == nil:
			add(input{path: p, explicit: true})
		case hasGlobMeta(p):
			matches, gerr := glob(p)
			if gerr != nil {
				errs = append(errs, &loader.Error{Path: p, Msg: gerr.Error()})
			} else if len(matches) == 0 {
				errs = append(errs, &loader.Error{Path: p, Msg: "no file matches this pattern"})
			}
			for _, m := range matches {
				add(input{path: m})
			}
		default:
			errs = append(errs, &loader.Error{Path: p, Msg: fileio.Describe(err)})
		}
	}
	return files, errs
}

// walk lists the lintable files below dir. Symbolic links to files are
// followed; links to folders are not, so a link loop cannot trap the walk,
// except for dir itself when it is a link to a folder.
func walk(dir string) ([]string, []*loader.Error) {
	var out []string
	var errs []*loader.Error
	root := dir
	if st, err := os.Lstat(dir); err == nil && st.Mode()&fs.ModeSymlink != 0 {
		root = dir + string(filepath.Separator) // WalkDir follows only a link written so
	}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, &loader.Error{Path: p, Msg: fileio.Describe(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if p != root && skipDirs[d.Name()] {
				return fs.SkipDir
			}
			return nil
		}
		if !lintableExt[strings.ToLower(filepath.Ext(p))] || !regularFile(p, d) {
			return nil
		}
		out = append(out, p)
		return nil
	})
	if err != nil {
		errs = append(errs, &loader.Error{Path: dir, Msg: fileio.Describe(err)})
	}
	sort.Strings(out)
	return out, errs
}

func hasGlobMeta(p string) bool { return strings.ContainsAny(p, "*?[") }

// glob expands a pattern where * and ? match within one path segment and **
// matches any number of segments.
func glob(pattern string) ([]string, error) {
	pattern = filepath.ToSlash(pattern)
	root := "."
	if i := strings.IndexAny(pattern, "*?["); i > 0 {
		if j := strings.LastIndex(pattern[:i], "/"); j >= 0 {
			root = pattern[:j]
			if root == "" {
				root = "/"
			}
		}
	}
	re, err := config.GlobRegexp(pattern)
	if err != nil {
		return nil, err
	}
	var out []string
	_ = filepath.WalkDir(filepath.FromSlash(root), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != root && skipDirs[d.Name()] {
				return fs.SkipDir
			}
			return nil
		}
		slash := filepath.ToSlash(p)
		if (re.MatchString(slash) || re.MatchString("./"+slash)) && regularFile(p, d) {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, nil
}

// regularFile reports whether the entry a walk found is a regular file or
// a link to one. FIFOs, sockets and devices are skipped without being
// opened: opening a FIFO for reading waits for a writer, forever.
func regularFile(p string, d fs.DirEntry) bool {
	if d.Type()&fs.ModeSymlink != 0 {
		st, err := os.Stat(p)
		return err == nil && st.Mode().IsRegular() // not a dangling link, nor one to a folder or device
	}
	return d.Type().IsRegular()
}
