package atomicfile

import (
	"errors"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// syncFS writes to disk everything written to the file systems of the
// folders, with one syncfs(2) for each file system, and reports whether
// it could.
func syncFS(folders map[string]bool) (bool, error) {
	done := map[uint64]bool{}
	for dir := range folders {
		info, err := os.Stat(dir)
		if err != nil {
			return false, err
		}
		st, ok := info.Sys().(*syscall.Stat_t)
		if !ok {
			return false, nil
		}
		if done[st.Dev] {
			continue
		}
		f, err := os.Open(dir)
		if err != nil {
			return false, err
		}
		err = unix.Syncfs(int(f.Fd()))
		f.Close()
		switch {
		case errors.Is(err, unix.ENOSYS):
			return false, nil
		case err != nil:
			return false, &os.PathError{Op: "syncfs", Path: dir, Err: err}
		}
		done[st.Dev] = true
	}
	return true, nil
}
