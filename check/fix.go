package check

import (
	"slices"

	"github.com/loctool/loctool/diag"
)

// Fix returns the text of a file with the variant spellings that
// findings report replaced by their suggestions, and how many it
// replaced: it makes the first fix of each finding of the file, all of
// its edits or none. Every other byte, line endings included, stays as
// it was; an edit whose text is no longer where it was found is not
// made.
func Fix(text, file string, findings []diag.Diagnostic) (string, int) {
	var edits []diag.Edit
	for _, f := range findings {
		if f.File == file && len(f.Fixes) > 0 {
			edits = append(edits, f.Fixes[0].Edits...)
		}
	}
	out, made := diag.ApplyEdits([]byte(text), edits)
	at := map[int]bool{}
	for _, e := range made {
		at[e.Start] = true
	}
	n := 0
	for _, f := range findings {
		if f.File == file && len(f.Fixes) > 0 && !slices.ContainsFunc(f.Fixes[0].Edits, func(e diag.Edit) bool { return !at[e.Start] }) {
			n++
		}
	}
	return string(out), n
}
