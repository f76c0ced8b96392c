package i18njson

import (
	"path"
	"slices"
	"strings"
)

// Extensions are those of the message files [Read] reads: .json, as
// loctool writes them, and .toml (goi18n's default) and .yaml or .yml,
// as goi18n merge writes them with -format.
var Extensions = []string{".json", ".toml", ".yaml", ".yml"}

// HasExtension reports whether a file's name ends in one of
// [Extensions], in any case.
func HasExtension(name string) bool {
	return slices.Contains(Extensions, strings.ToLower(path.Ext(name)))
}
