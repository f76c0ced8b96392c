//go:build unix

package atomicfile

import (
	"errors"

	"golang.org/x/sys/unix"
)

// NoFollow are the flags of os.OpenFile that open the file a path names
// only if it is not a symbolic link, and a named pipe without waiting
// for a writer, so that it can be refused.
const NoFollow = unix.O_NOFOLLOW | unix.O_NONBLOCK

// isLinkErr reports whether err is how open(2) with O_NOFOLLOW refuses a
// symbolic link: ELOOP, or EMLINK on FreeBSD and DragonFly.
func isLinkErr(err error) bool {
	return errors.Is(err, unix.ELOOP) || errors.Is(err, unix.EMLINK)
}

// nonBlock is the flag of os.OpenFile that opens a named pipe without
// waiting for a writer.
const nonBlock = unix.O_NONBLOCK
