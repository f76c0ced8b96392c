// Package atomicfile writes files so that a reader, or a crash, never sees
// half of one: the data goes to a temporary file in the same folder, is
// synced to disk, and is renamed over the target. [WriteFiles] writes and
// removes a batch of files all or nothing, and [Recover] finishes or
// undoes a batch that a kill cut short. Neither writes through a
// symbolic link nor replaces one, and [OpenRegular] opens a file without
// following one. [OpenToRead] and [ReadRegular] read a regular file
// only, and refuse a named pipe at once instead of waiting on it.
package atomicfile

import (
	"bufio"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile writes data to path atomically, creating missing parent
// folders. An existing file keeps its permissions; a new one gets perm.
// A path that is not a regular file, a symbolic link among others, is a
// *NotRegularError: a link is neither written through nor replaced.
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	return Write(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// Write writes to path atomically what write writes, as WriteFile does,
// for a file too large to hold whole: write gets a buffered writer to
// the temporary file. When write fails, the file is left as it was.
func Write(path string, perm fs.FileMode, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	info, err := checkRegular(path)
	if err != nil {
		return err
	}
	if info != nil {
		perm = info.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	buf := bufio.NewWriterSize(tmp, 64<<10)
	if err = write(buf); err != nil {
		return err
	}
	if err = buf.Flush(); err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return syncDir(dir)
}

// syncDir makes the rename durable. Not every system can sync a folder;
// those that cannot have made the rename durable already or never will.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return nil
	}
	defer d.Close()
	d.Sync()
	return nil
}
