// Package fileio holds what the stages of a run share about files: the name
// standard input is shown by, the wording of file system errors, and the
// atomic writing of every file apigwlint writes (reports, baselines).
package fileio

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// StdinName is how standard input ("-" on the command line) is shown in
// reports, and matched by ignore entries and baselines (never).
const StdinName = "<stdin>"

// Describe words a file system error for a message that already names the
// path: "no such file or folder", not the operation and path again.
func Describe(err error) string {
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

// WriteAtomic writes a file through write: into a temporary file in the same
// folder, renamed into place, so a failed run never leaves a truncated file.
// The file keeps the permissions of the one it replaces (rw-r--r-- when new).
func WriteAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".apigwlint-*.tmp")
	if err != nil {
		return err
	}
	werr := write(tmp)
	if werr == nil {
		// CreateTemp makes the file private (0600); a report is not.
		werr = tmp.Chmod(outputMode(path))
	}
	cerr := tmp.Close()
	if werr == nil && cerr == nil {
		werr = os.Rename(tmp.Name(), path)
	} else if werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(tmp.Name())
	}
	return werr
}

// outputMode is the permission of a file WriteAtomic writes: that of the
// file it replaces, or rw-r--r-- for a new one.
func outputMode(path string) os.FileMode {
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
		return st.Mode().Perm()
	}
	return 0o644
}
