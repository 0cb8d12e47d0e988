package fileio

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Write writes the file at path through write, as the user means it,
// whatever the path is:
//
//   - a regular file, or a path where nothing is yet: the text goes to a
//     temporary file in the same folder that is renamed into place, so a
//     failed run never leaves a truncated file. A replaced file keeps its
//     permissions; a new one gets the umask's.
//   - a symbolic link: it is followed (also when its target does not exist
//     yet) and the target is written as above; the link stays a link.
//   - a character device, FIFO or socket (/dev/null, a pipe, bash's
//     >(...)): opened and written directly, never replaced.
//   - /dev/stdout and /dev/stderr (and their /dev/fd and /proc/self/fd
//     names): the process's own standard output or error.
//   - a folder, or a regular file without its owner's write permission: an
//     error.
//
// Errors do not repeat path (callers name it) and never name the temporary
// file: "folder /x/y does not exist", "is a folder".
func Write(path string, write func(io.Writer) error) error {
	if w := standardStream(path); w != nil {
		return write(w)
	}
	st, err := os.Stat(path) // follows links
	switch {
	case err == nil && st.IsDir():
		return errors.New("is a folder, not a file")
	case err == nil && !st.Mode().IsRegular():
		return writeDirect(path, write)
	case err == nil && st.Mode().Perm()&0o200 == 0:
		// A rename would replace it whatever its permissions say (only the
		// folder's count): its owner made it read-only, so it is left alone,
		// as a shell's > leaves it.
		return errors.New("is read-only")
	case err == nil:
		target, err := filepath.EvalSymlinks(path)
		if err != nil {
			return errors.New(Describe(err))
		}
		return replace(target, st.Mode().Perm(), write)
	case errors.Is(err, fs.ErrNotExist):
		target, err := linkTarget(path)
		if err != nil {
			return err
		}
		return replace(target, 0, write)
	}
	return errors.New(Describe(err))
}

// standardStream returns the process's standard output or error for the
// names that stand for them, which must not be replaced or reopened (a
// regular file behind /dev/stdout would be replaced under the shell's feet).
func standardStream(path string) io.Writer {
	switch filepath.Clean(path) {
	case "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1":
		return os.Stdout
	case "/dev/stderr", "/dev/fd/2", "/proc/self/fd/2":
		return os.Stderr
	}
	return nil
}

// writeDirect writes to a device, FIFO or socket as it is: opened for
// writing, neither created nor truncated (a device has nothing to truncate;
// a FIFO's reader gets what is written).
func writeDirect(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return errors.New(Describe(err))
	}
	werr := write(f)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	return werr
}

// maxLinks bounds a chain of symbolic links, as the kernel does (ELOOP).
const maxLinks = 40

// linkTarget returns where a path that does not exist yet is to be
// created: the path itself, or the final target of the (dangling) links
// it names.
func linkTarget(path string) (string, error) {
	for range maxLinks {
		st, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) {
			return path, nil
		}
		if err != nil {
			return "", errors.New(Describe(err))
		}
		if st.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return "", errors.New(Describe(err))
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
	return "", errors.New("too many levels of symbolic links")
}

// replace writes path by renaming a temporary file of the same folder over
// it. perm is the permission to keep; 0 for a new file, which gets 0666
// less the umask, as any file a program creates.
func replace(path string, perm fs.FileMode, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("folder %s does not exist", dir)
	}
	tmp, err := createTemp(dir)
	if err != nil {
		return fmt.Errorf("cannot write in folder %s: %s", dir, Describe(err))
	}
	werr := write(tmp)
	if werr == nil && perm != 0 {
		werr = tmp.Chmod(perm)
	}
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		if err := os.Rename(tmp.Name(), path); err != nil {
			werr = errors.New(Describe(err))
		}
	}
	if werr != nil {
		os.Remove(tmp.Name()) // ours: made above with O_EXCL
	}
	return werr
}

// createTemp creates a new file in dir with mode 0666, so the umask
// decides what a new report's permissions are (os.CreateTemp's 0600 would
// make every report private).
func createTemp(dir string) (*os.File, error) {
	for range 100 {
		var b [8]byte
		rand.Read(b[:])
		name := filepath.Join(dir, ".apigwlint-"+hex.EncodeToString(b[:])+".tmp")
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, errors.New("no temporary file name is free")
}
