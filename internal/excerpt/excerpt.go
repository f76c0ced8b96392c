// Package excerpt shortens texts for messages.
package excerpt

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// most is the length of the longest excerpt, in characters.
const most = 60

// Short returns a text with single spaces, cut to 60 characters with an
// ellipsis.
func Short(s string) string {
	s = strings.TrimSpace(s)
	var b strings.Builder
	n := 0 // characters written
	space := false
	for i, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			if n == most-1 {
				return b.String() + "…" // a space, then more
			}
			b.WriteByte(' ')
			n++
			space = false
		}
		if n == most-1 {
			if _, w := utf8.DecodeRuneInString(s[i:]); strings.TrimSpace(s[i+w:]) == "" {
				b.WriteRune(r) // the text ends with its most-th character
				return b.String()
			}
			return b.String() + "…"
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// Difference shows where two versions of a sentence differ: the words
// that changed, with a word of context on each side, and an ellipsis for
// what is left out.
func Difference(a, b string) (string, string) {
	x, y := strings.Fields(a), strings.Fields(b)
	pre := 0
	for pre < len(x) && pre < len(y) && x[pre] == y[pre] {
		pre++
	}
	suf := 0
	for suf < len(x)-pre && suf < len(y)-pre && x[len(x)-1-suf] == y[len(y)-1-suf] {
		suf++
	}
	show := func(w []string) string {
		from, to := max(pre-1, 0), min(len(w)-suf+1, len(w))
		out := strings.Join(w[from:to], " ")
		if from > 0 {
			out = "…" + out
		}
		if to < len(w) {
			out += "…"
		}
		return Short(out)
	}
	return show(x), show(y)
}
