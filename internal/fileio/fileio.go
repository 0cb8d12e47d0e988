// Package fileio holds what the stages of a run share about files: the name
// standard input is shown by, the wording of file system errors, and the
// writing of every file apigwlint writes (reports, baselines; see Write).
package fileio

import (
	"errors"
	"io/fs"
	"os"
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
