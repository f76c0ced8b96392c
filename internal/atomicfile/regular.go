package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ErrNotRegular marks a path that is not a regular file: a symbolic
// link, a folder, a named pipe, a device. loctool writes only regular
// files: it neither writes through a link nor replaces one.
var ErrNotRegular = errors.New("not a regular file")

// NotRegularError is the error of a path that is not a regular file.
type NotRegularError struct {
	Path string
	Mode fs.FileMode // its type
}

func (e *NotRegularError) Error() string { return e.Path + " is " + e.What() }

func (e *NotRegularError) Is(target error) bool { return target == ErrNotRegular }

// What says what the path is instead: "a symbolic link".
func (e *NotRegularError) What() string { return what(e.Mode) }

// what names a type of file, for messages.
func what(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// checkRegular returns the information of the file at path, without
// following a symbolic link: nil when there is none, and a
// *NotRegularError when it is not a regular file.
func checkRegular(path string) (fs.FileInfo, error) {
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, err
	case !info.Mode().IsRegular():
		return nil, &NotRegularError{Path: path, Mode: info.Mode()}
	}
	return info, nil
}

// OpenRegular opens the regular file at path with flag (os.O_RDWR and
// the like), creating it with perm when flag has os.O_CREATE. Unlike
// os.OpenFile it follows no symbolic link, and opens nothing but a
// regular file: a link, a folder, a named pipe or a device is a
// *NotRegularError, and nothing is created or truncated through it. It
// opens with O_NOFOLLOW where the system has it, and checks that the
// file opened is the one it looked at, so that a link put in its place
// meanwhile is refused too.
func OpenRegular(path string, flag int, perm fs.FileMode) (*os.File, error) {
	create, trunc := flag&os.O_CREATE != 0, flag&os.O_TRUNC != 0
	flag &^= os.O_CREATE | os.O_TRUNC | os.O_EXCL
	for range 3 {
		info, err := checkRegular(path)
		if err != nil {
			return nil, err
		}
		if info == nil {
			if !create {
				return nil, &os.PathError{Op: "open", Path: path, Err: fs.ErrNotExist}
			}
			// O_EXCL creates a file, never the target of a link.
			f, err := os.OpenFile(path, flag|os.O_CREATE|os.O_EXCL|NoFollow, perm)
			if errors.Is(err, fs.ErrExist) {
				continue // made meanwhile: look again
			}
			return f, err
		}
		f, err := os.OpenFile(path, flag|NoFollow, 0)
		if err != nil {
			if isLinkErr(err) {
				return nil, &NotRegularError{Path: path, Mode: fs.ModeSymlink}
			}
			return nil, err
		}
		opened, err := f.Stat()
		if err != nil {
			f.Close()
			return nil, err
		}
		if !opened.Mode().IsRegular() {
			f.Close()
			return nil, &NotRegularError{Path: path, Mode: opened.Mode()}
		}
		if !os.SameFile(info, opened) {
			f.Close()
			continue // replaced meanwhile: look again
		}
		if trunc {
			if err := f.Truncate(0); err != nil {
				f.Close()
				return nil, err
			}
		}
		return f, nil
	}
	return nil, fmt.Errorf("open %s: the file keeps being replaced", path)
}

// OpenToRead opens the file at path for reading, as os.Open does, and
// follows a symbolic link as it does, but opens nothing but a regular
// file: a folder, a named pipe, a socket or a device is a
// *NotRegularError, at once. os.Open would wait on a named pipe until
// something writes to it, forever when nothing does; OpenToRead opens
// it without waiting, and closes it. The information returned is that
// of the file opened, not of what the path named before.
func OpenToRead(path string) (*os.File, fs.FileInfo, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		// A socket cannot be opened at all: say what it is.
		if info, serr := os.Stat(path); serr == nil && !info.Mode().IsRegular() {
			return nil, nil, &NotRegularError{Path: path, Mode: info.Mode()}
		}
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, nil, &NotRegularError{Path: path, Mode: info.Mode()}
	}
	return f, info, nil
}

// ReadRegular is os.ReadFile of a regular file only: what OpenToRead
// refuses, it refuses, without waiting on a named pipe.
func ReadRegular(path string) ([]byte, error) {
	f, info, err := OpenToRead(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadAll(f, info.Size())
}

// ReadAll reads f to its end, as io.ReadAll does, into one buffer when
// the file is size bytes long, as its information says: a buffer of
// size bytes and one more, to see the end without growing it.
func ReadAll(f *os.File, size int64) ([]byte, error) {
	if int64(int(size)) != size || size < 0 {
		size = 0
	}
	data := make([]byte, 0, size+1)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // the file grew: make room
		}
	}
}
