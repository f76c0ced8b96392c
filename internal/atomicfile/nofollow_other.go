//go:build !unix

package atomicfile

// NoFollow is nothing where open has no O_NOFOLLOW: OpenRegular checks
// the file it opened instead.
const NoFollow = 0

func isLinkErr(error) bool { return false }

// nonBlock is nothing where open has no O_NONBLOCK.
const nonBlock = 0
