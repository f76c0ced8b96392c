package check

import (
	"slices"
	"strings"
	"unicode"
)

// Fix returns the text of a file with the variant spellings of findings
// replaced by their suggestions, and how many it replaced. Only the
// findings of the file that say where they are and what to write are
// fixed; everything else in the text, line endings included, is left
// byte for byte. A name of several words is replaced word by word, so
// that the line breaks and spaces between them stay.
func Fix(text, file string, findings []Finding) (string, int) {
	var fixes []Finding
	for _, f := range findings {
		if f.File == file && f.Rule == RuleVariant && f.Suggestion != "" && f.Length > 0 &&
			f.Offset+f.Length <= len(text) && text[f.Offset:f.Offset+f.Length] == f.Found {
			fixes = append(fixes, f)
		}
	}
	slices.SortFunc(fixes, func(a, b Finding) int { return a.Offset - b.Offset })
	var b strings.Builder
	pos, n := 0, 0
	for _, f := range fixes {
		if f.Offset < pos {
			continue // overlaps the one before
		}
		b.WriteString(text[pos:f.Offset])
		b.WriteString(replaceWords(f.Found, f.Suggestion))
		pos = f.Offset + f.Length
		n++
	}
	b.WriteString(text[pos:])
	return b.String(), n
}

// replaceWords writes the words of with over those of found, keeping
// what lies between them, when both have as many words; otherwise it is
// with.
func replaceWords(found, with string) string {
	isSep := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) }
	fw, ww := strings.FieldsFunc(found, isSep), strings.FieldsFunc(with, isSep)
	if len(fw) != len(ww) || len(fw) < 2 {
		return with
	}
	var b strings.Builder
	rest := found
	for i, w := range fw {
		j := strings.Index(rest, w)
		b.WriteString(rest[:j])
		b.WriteString(ww[i])
		rest = rest[j+len(w):]
	}
	b.WriteString(rest)
	return b.String()
}
