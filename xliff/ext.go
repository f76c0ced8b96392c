package xliff

import (
	"path"
	"slices"
	"strings"
)

// Extensions are those under which tools save XLIFF files: .xlf and
// .xliff for any version, Trados's .sdlxliff, memoQ's .mqxliff, and
// .xlf2 and .xliff2 for XLIFF 2. A file's version is read from its
// content, never from its extension.
var Extensions = []string{".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".xlf2", ".xliff2"}

// HasExtension reports whether a file's name ends in one of
// [Extensions], in any case.
func HasExtension(name string) bool {
	return slices.Contains(Extensions, strings.ToLower(path.Ext(name)))
}
