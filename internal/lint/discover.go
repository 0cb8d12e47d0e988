package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/apigwlint/apigwlint/internal/loader"
)

// input is one file to lint.
type input struct {
	path string // as shown in reports
	// explicit is true for a file named on the command line. A file found
	// by walking a folder or expanding a glob is not: when it does not parse
	// and holds no API Gateway marker it is skipped (a Helm template, say).
	explicit bool
	stdin    bool
}

const stdinName = "<stdin>"

// lintableExt are the file endings searched for when walking a folder.
var lintableExt = map[string]bool{".json": true, ".yaml": true, ".yml": true}

// skipDirs are folders never searched: version control and dependencies.
var skipDirs = map[string]bool{".git": true, ".hg": true, ".svn": true, "node_modules": true, "vendor": true}

// expand turns command-line paths into files, in a stable order: arguments
// as given, the files of a folder or glob sorted. A path that does not exist
// or cannot be read is an input error.
func expand(paths []string) ([]input, []*loader.Error) {
	var files []input
	var errs []*loader.Error
	seen := map[string]bool{}
	add := func(in input) {
		key := filepath.Clean(in.path)
		if in.stdin {
			key = stdinName
		}
		if !seen[key] {
			seen[key] = true
			files = append(files, in)
		}
	}
	for _, p := range paths {
		if p == "-" {
			add(input{path: stdinName, explicit: true, stdin: true})
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
			errs = append(errs, &loader.Error{Path: p, Msg: describe(err)})
		}
	}
	return files, errs
}

func describe(err error) string {
	switch {
	case os.IsNotExist(err):
		return "no such file or folder"
	case os.IsPermission(err):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
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
			errs = append(errs, &loader.Error{Path: p, Msg: describe(err)})
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
		errs = append(errs, &loader.Error{Path: dir, Msg: describe(err)})
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
	re, err := globRegexp(pattern)
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

func globRegexp(pattern string) (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		switch {
		case c == '*' && strings.HasPrefix(pattern[i:], "**/"):
			b.WriteString("(?:.*/)?")
			i += 2
		case c == '*' && strings.HasPrefix(pattern[i:], "**"):
			b.WriteString(".*")
			i++
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		case c == '[':
			j := strings.IndexByte(pattern[i:], ']')
			if j < 0 {
				return nil, fmt.Errorf("pattern has an unclosed [")
			}
			b.WriteString(pattern[i : i+j+1])
			i += j
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	return regexp.Compile(b.String())
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

// notRegular is the error for a path that names something other than a
// regular file.
const notRegular = "not a regular file (a FIFO, socket or device cannot be linted)"

// readInput reads one input with the size limit applied before reading.
func readInput(in input, stdin io.Reader, lim loader.Limits) ([]byte, *loader.Error) {
	var r io.Reader
	size := int64(-1) // unknown
	if in.stdin {
		r = stdin
	} else {
		// Stat first: opening a FIFO blocks until something writes to it.
		// openFlags also makes the open itself non-blocking where it can,
		// in case the file is replaced between the two.
		if st, err := os.Stat(in.path); err != nil {
			return nil, &loader.Error{Path: in.path, Msg: describe(err)}
		} else if !st.Mode().IsRegular() {
			return nil, &loader.Error{Path: in.path, Msg: notRegular}
		}
		f, err := os.OpenFile(in.path, openFlags, 0)
		if err != nil {
			return nil, &loader.Error{Path: in.path, Msg: describe(err)}
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return nil, &loader.Error{Path: in.path, Msg: describe(err)}
		}
		if !st.Mode().IsRegular() {
			return nil, &loader.Error{Path: in.path, Msg: notRegular}
		}
		if st.Size() > lim.MaxBytes {
			return nil, &loader.Error{Path: in.path, Msg: fmt.Sprintf("file is %d bytes, larger than the limit of %d bytes", st.Size(), lim.MaxBytes)}
		}
		r = f
		size = st.Size()
	}
	data, err := readSized(io.LimitReader(r, lim.MaxBytes+1), size)
	if err != nil {
		return nil, &loader.Error{Path: in.path, Msg: "cannot read: " + err.Error()}
	}
	if int64(len(data)) > lim.MaxBytes {
		return nil, &loader.Error{Path: in.path, Msg: fmt.Sprintf("input is larger than the limit of %d bytes", lim.MaxBytes)}
	}
	return data, nil
}

// readSized reads r to its end. When the size is known (a regular file), the
// buffer is allocated once at that size, plus one byte to see the end:
// io.ReadAll's doubling would leave a huge input's buffer up to a quarter
// larger than the file, for the whole run, and copy it several times.
func readSized(r io.Reader, size int64) ([]byte, error) {
	if size < 0 {
		return io.ReadAll(r)
	}
	buf := make([]byte, 0, size+1)
	for {
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
		if len(buf) == cap(buf) { // the file grew while read
			buf = append(buf, 0)[:len(buf)]
		}
	}
}

// apiMarkers are texts that only API Gateway, OpenAPI and CloudFormation
// files contain. A file found by walking a folder that fails to parse is an
// error only when it holds one; other unparsable files (Helm charts,
// templates of other tools) are not ours to judge.
var apiMarkers = [][]byte{
	[]byte("x-amazon-apigateway"), []byte("swagger"), []byte("openapi"), []byte("AWS::ApiGateway"),
	[]byte("AWS::Serverless"), []byte("restApiId"), []byte("integrationHttpMethod"),
}

func mentionsAPI(src []byte) bool {
	for _, m := range apiMarkers {
		if bytes.Contains(src, m) {
			return true
		}
	}
	return false
}
