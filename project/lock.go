package project

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gofrs/flock"
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
func (p *Project) Lock(command string) (unlock func(), err error) {
	path := filepath.Join(p.Root, LockName)
	fl := flock.New(path, flock.SetPermissions(0o644))
	ok, err := fl.TryLock()
	if err != nil {
		return nil, fmt.Errorf("cannot lock the project with %s: %w", path, err)
	}
	if !ok {
		holder, _ := os.ReadFile(path)
		return nil, &LockedError{Path: path, Holder: strings.TrimSpace(string(holder))}
	}
	// Who holds it, for the message another loctool gives meanwhile.
	who := fmt.Sprintf("process %d, loctool %s, since %s", os.Getpid(), command, time.Now().Format("15:04:05"))
	if f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0o644); err == nil {
		f.WriteString(who + "\n")
		f.Close()
	}
	return func() { fl.Unlock() }, nil
}
