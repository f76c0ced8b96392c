package check

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/loctool/loctool/glossary"

	"github.com/loctool/loctool/diag"
)

// Fix returns the text of a file with the variant spellings that
// findings report replaced by their suggestions, and how many it
// replaced: it makes the first fix of each finding of the file, all of
// its edits or none. Every other byte, line endings included, stays as
// it was; an edit whose text is no longer where it was found is not
// made. Nor is a fix that would write a word mixing Latin and Cyrillic
// letters, with the letters around it: its finding loses its fixes, and
// its hint says why.
func Fix(text, file string, findings []diag.Diagnostic) (string, int) {
	var edits []diag.Edit
	for i, f := range findings {
		if f.File != file || len(f.Fixes) == 0 {
			continue
		}
		if slices.ContainsFunc(f.Fixes[0].Edits, func(e diag.Edit) bool { return writesMixed(text, e) }) {
			findings[i].Fixes = nil
			findings[i].Hint = strings.TrimPrefix(f.Hint+"; ", "; ") + "not fixed: the fix would write a word that mixes Latin and Cyrillic letters"
			continue
		}
		edits = append(edits, f.Fixes[0].Edits...)
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

// writesMixed reports whether an edit would write a word that mixes
// Latin and Cyrillic letters into text, with the letters on either side.
func writesMixed(text string, e diag.Edit) bool {
	if e.Start < 0 || e.End > len(text) || e.Start > e.End {
		return false
	}
	start, end := e.Start, e.End
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:start])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.M, r) {
			break
		}
		start -= n
	}
	for end < len(text) {
		r, n := utf8.DecodeRuneInString(text[end:])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.M, r) {
			break
		}
		end += n
	}
	return glossary.HasMixedWord(text[start:e.Start] + e.NewText + text[e.End:end])
}
