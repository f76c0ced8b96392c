package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/loctool/loctool/glossary"
)

// A glossary conflict says to leave the built-in glossary out only when
// that would settle it: when a concept has the spelling from the
// built-in glossary alone, which layering does not leave, but a
// glossary's Check reports.
func TestGlossaryErrorBuiltinHint(t *testing.T) {
	own := &glossary.Error{Pos: glossary.Pos{File: "a.yaml", Line: 2}, Msg: "claimed twice", Hint: "remove one", Kind: glossary.ErrConflict}
	builtin := &glossary.Error{Pos: glossary.Pos{File: "b.yaml", Line: 3}, Msg: "claimed twice", Kind: glossary.ErrConflict, Builtin: true}
	for _, tc := range []struct {
		name string
		err  error
		want bool
	}{
		{"the project's own", errors.Join(own, own), false},
		{"the built-in glossary's part", builtin, true},
		{"among others", errors.Join(own, builtin), true},
	} {
		var b bytes.Buffer
		err := glossaryError(tc.err)
		printError(&b, err)
		if got := strings.Contains(b.String(), "hint: the built-in glossary has a part in it: builtin-glossary: false in config.yaml, or check --no-builtin, leaves it out"); got != tc.want {
			t.Errorf("%s: %s", tc.name, b.String())
		}
		if exitCode(err) != exitUsage {
			t.Errorf("%s: exit %d", tc.name, exitCode(err))
		}
	}
}
