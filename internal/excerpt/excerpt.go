// Package excerpt shortens texts for messages.
package excerpt

import (
	"fmt"
	"slices"
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
// what is left out. Where the words are the same and only the white
// space between them differs, it shows the white space that differs, in
// a way that can be seen: see [Space].
func Difference(a, b string) (string, string) {
	x, y := strings.Fields(a), strings.Fields(b)
	if a != b && slices.Equal(x, y) {
		return spaceDifference(a, b)
	}
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

// spaceDifference is Difference for two texts of the same words: it
// shows the white space from the first gap between words (or the start)
// where they differ to the last, with a word of context on each side:
// each gap that differs as [Space] shows it, the others as one space.
func spaceDifference(a, b string) (string, string) {
	words, ga, gb := strings.Fields(a), gaps(a), gaps(b)
	first, last := -1, -1
	for i := range ga {
		if ga[i] != gb[i] {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	// Gap i lies before word i; the last gap, after the last word.
	from, to := max(first-1, 0), min(last+1, len(words))
	show := func(g []string) string {
		var b strings.Builder
		if from > 0 {
			b.WriteString("…")
		}
		for i := from; i <= to; i++ {
			switch {
			case ga[i] != gb[i] && g[i] != "":
				b.WriteString(Space(g[i]))
			case i > from && i < to:
				b.WriteByte(' ')
			}
			if i < len(words) && i < to {
				b.WriteString(words[i])
			}
		}
		if to < len(words) {
			b.WriteString("…")
		}
		return Short(b.String())
	}
	return show(ga), show(gb)
}

// gaps returns the white space of s around and between its words
// (strings.Fields): one more than its words, the first and the last
// empty when s starts or ends with a word.
func gaps(s string) []string {
	var out []string
	start := 0
	inWord := false
	for i, r := range s {
		if unicode.IsSpace(r) == inWord {
			if inWord {
				start = i
			} else {
				out = append(out, s[start:i])
			}
			inWord = !inWord
		}
	}
	if inWord {
		return append(out, "")
	}
	return append(out, s[start:])
}

// Space shows white space so that it can be seen, and told apart from
// other white space: a space as ·, a tab, a line break and a carriage
// return by name, <tab>, <line break>, <carriage return>, and any other,
// such as a no-break space, by its code point, <U+00A0>.
func Space(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case ' ':
			b.WriteString("·")
		case '\t':
			b.WriteString("<tab>")
		case '\n':
			b.WriteString("<line break>")
		case '\r':
			b.WriteString("<carriage return>")
		default:
			fmt.Fprintf(&b, "<U+%04X>", r)
		}
	}
	return b.String()
}
