package check

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The checks in this file compare the plain text of a source and its
// translation, as any CAT tool's QA does, with what Russian and Kazakh
// typography expects.

// endOf returns the punctuation that ends a text, past closing quotes and
// brackets: ".", "?", "!", "…" (three points too), ":", ";", or "" for
// none.
func endOf(text string) string {
	t := strings.TrimRightFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`"'»”’)]}`, r)
	})
	if strings.HasSuffix(t, "...") {
		return "…"
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(".?!…:;", r) {
		return string(r)
	}
	return ""
}

// punctuationNames name the ends of sentences in messages.
var punctuationNames = map[string]string{
	".": "a full stop", "?": "a question mark", "!": "an exclamation mark", "…": "an ellipsis",
	":": "a colon", ";": "a semicolon", "": "no punctuation",
}

// edgeSpace returns a text's leading and trailing white space.
func edgeSpace(text string) (string, string) {
	lead := text[:len(text)-len(strings.TrimLeftFunc(text, unicode.IsSpace))]
	trail := text[len(strings.TrimRightFunc(text, unicode.IsSpace)):]
	return lead, trail
}

// doubledWords returns the words a text has twice in a row: the the, и и.
func doubledWords(text string) []string {
	var out []string
	prev := ""
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' }) {
		if r, _ := utf8.DecodeRuneInString(w); prev != "" && strings.EqualFold(w, prev) && unicode.IsLetter(r) {
			out = append(out, w)
		}
		prev = w
	}
	return out
}

// balance says how a text's quotes and brackets fail to pair: for each
// kind that does not, how many are left open (or closed, if negative).
// Typographic quotes of every language are one kind: “…” and «…» and
// „…“ pair alike.
func balance(text string) string {
	var b strings.Builder
	for _, k := range []struct {
		name        string
		open, close string
	}{{"( )", "(", ")"}, {"[ ]", "[", "]"}, {"{ }", "{", "}"}} {
		if n := strings.Count(text, k.open) - strings.Count(text, k.close); n != 0 {
			fmt.Fprintf(&b, "%s %+d; ", k.name, n)
		}
	}
	quotes := strings.Count(text, "«") - strings.Count(text, "»")
	if strings.Contains(text, "„") { // „…“: “ closes
		quotes += strings.Count(text, "„") - strings.Count(text, "“") - strings.Count(text, "”")
	} else {
		quotes += strings.Count(text, "“") - strings.Count(text, "”")
	}
	if quotes != 0 {
		fmt.Fprintf(&b, "quotes %+d; ", quotes)
	}
	if strings.Count(text, `"`)%2 != 0 {
		b.WriteString(`" odd; `)
	}
	return strings.TrimSuffix(b.String(), "; ")
}

// NothingToTranslate reports whether a source text has nothing to
// translate: no words but web and e-mail addresses, numbers and acronyms
// (IWPR, OSCE). merge publishes such a sentence as it is, and status
// counts it translated, when it has no translation; the target.untranslated
// rule lets it pass too, so the three agree. A name alone is not one: its
// spelling in the target language is work.
func NothingToTranslate(text string) bool {
	// Word by word, to stop at the first that is to translate: most
	// sentences start with one.
	for w := range strings.FieldsFuncSeq(blankAddresses(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if utf8.RuneCountInString(w) < 2 || strings.ToUpper(w) != w {
			return false
		}
	}
	return true
}

// blankAddresses blanks out the web and e-mail addresses of a text.
func blankAddresses(t string) string {
	if strings.Contains(t, "://") || strings.Contains(t, "www.") || strings.Contains(t, "WWW.") {
		t = bareURL.ReplaceAllString(t, " ")
	}
	if strings.Contains(t, "@") {
		t = email.ReplaceAllString(t, " ")
	}
	return t
}

var email = regexp.MustCompile(`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}+`)
