package segment

import (
	"bytes"
	_ "embed"
	"sync"
)

//go:embed rules/builtin.srx
var builtinSRX []byte

// BuiltinSRX returns the SRX document of the built-in rules, for users who
// want to start their own rules from them.
func BuiltinSRX() []byte { return bytes.Clone(builtinSRX) }

var builtin = sync.OnceValue(func() *Rules {
	r, err := ParseSRX(bytes.NewReader(builtinSRX), "builtin.srx")
	if err != nil {
		panic("segment: built-in rules: " + err.Error()) // caught by the package's tests
	}
	return r
})

// Builtin returns loctool's built-in rules: English, Russian and Kazakh,
// and a default for other languages. The rules are shared: do not modify
// them.
func Builtin() *Rules { return builtin() }
