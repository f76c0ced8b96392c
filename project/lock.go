package project

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gofrs/flock"

	"github.com/loctool/loctool/internal/atomicfile"
)

// LockName is the lock file in a project's folder that a command which
// writes the project's files holds while it works.
const LockName = ".loctool.lock"

// ErrLocked is the error of Lock when another loctool holds the lock.
var ErrLocked = errors.New("the project is locked")

// LockedError says who holds a project's lock.
type LockedError struct {
	Path   string // the lock file
	Holder string // what the holder wrote in it: its process and command
}

func (e *LockedError) Error() string {
	msg := "another loctool is writing to this project"
	if e.Holder != "" {
		msg += " (" + e.Holder + ")"
	}
	return msg + ": wait for it to finish, then run the command again"
}

func (e *LockedError) Is(target error) bool { return target == ErrLocked }

// Lock takes the project's lock for a command that writes its files, so
// that two loctools do not each write what they read before the other
// wrote: an extract and a merge at once, or two extracts. It fails at
// once with a *LockedError when another process holds it. The lock is
// the operating system's, on LockName, so a loctool that was killed
// holds it no longer; the file itself stays, and says who held it last.
// unlock releases it.
//
// The lock file must be a regular file: a symbolic link (committed, or
// planted) is neither written through nor replaced, and a link, a
// folder or a named pipe in its place is an error that says so.
//
// Once it holds the lock, Lock finishes or undoes the plan that a
// loctool killed while it applied one left half applied ([Plan.Apply]),
// before the command reads the project's files.
func (p *Project) Lock(command string) (unlock func(), err error) {
	path := filepath.Join(p.Root, LockName)
	f, err := atomicfile.OpenRegular(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		var nr *atomicfile.NotRegularError
		if errors.As(err, &nr) {
			return nil, fmt.Errorf("cannot lock the project: %s is %s, not a file, and loctool neither writes through nor replaces it: remove it (loctool makes a new one), and keep %s out of version control", path, nr.What(), LockName)
		}
		return nil, fmt.Errorf("cannot lock the project with %s: %w", path, err)
	}
	fl := flock.New(path, flock.SetFlag(os.O_RDWR|atomicfile.NoFollow))
	ok, err := fl.TryLock()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("cannot lock the project with %s: %w", path, err)
	}
	if !ok {
		holder, _ := io.ReadAll(io.LimitReader(f, 512))
		f.Close()
		return nil, &LockedError{Path: path, Holder: strings.TrimSpace(string(holder))}
	}
	release := func() {
		fl.Unlock()
		f.Close()
	}
	// The file locked must be the file checked, not one put in its place
	// meanwhile.
	checked, err := f.Stat()
	if err == nil {
		var locked os.FileInfo
		if locked, err = fl.Stat(); err == nil && !os.SameFile(checked, locked) {
			err = errors.New("the file was replaced while loctool opened it")
		}
	}
	if err != nil {
		release()
		return nil, fmt.Errorf("cannot lock the project with %s: %w", path, err)
	}
	// Who holds it, for the message another loctool gives meanwhile.
	who := fmt.Sprintf("process %d, loctool %s, since %s", os.Getpid(), command, time.Now().Format("15:04:05"))
	if f.Truncate(0) == nil {
		f.WriteAt([]byte(who+"\n"), 0)
	}
	if err := recoverBatch(p.Root); err != nil {
		release()
		return nil, err
	}
	return release, nil
}
