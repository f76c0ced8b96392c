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

// number is a number written in a text, with the values it may stand
// for: 12,500 is twelve thousand five hundred in English copy and twelve
// and a half in Russian, and either is taken.
type number struct {
	text   string
	values []string // normalised: integer digits, a point, fraction digits
}

// numberPattern finds numbers: digits, with groups of three after a
// thousands separator (a comma, a point, or a space of any width), and a
// decimal part.
var numberPattern = regexp.MustCompile(`\d+(?:[,.\x{00a0}\x{202f}\x{2009} ]\d+)*`)

// spaces are the spaces that separate thousands (12 500), and never a
// decimal part.
const spaces = "\u00a0\u202f\u2009 "

// numbers returns the numbers of a text.
func numbers(text string) []number {
	var out []number
	for _, m := range numberPattern.FindAllStringIndex(text, -1) {
		out = append(out, readNumbers(text[m[0]:m[1]])...)
	}
	return out
}

// readNumbers reads what numberPattern found: one number, or several
// where a space stands between numbers that are not groups of three
// (13 2003 is two numbers; 12 500 is one).
func readNumbers(s string) []number {
	parts := splitKeep(s)
	// A space not followed by exactly three digits ends a number.
	var out []number
	start := 0
	for i := 1; i < len(parts); i += 2 {
		sep, next := parts[i], parts[i+1]
		if strings.ContainsAny(sep, spaces) && len(next) != 3 {
			out = append(out, readGroup(parts[start:i])...)
			start = i + 1
		}
	}
	return append(out, readGroup(parts[start:])...)
}

// readGroup reads digits and separators as one number, or, when spaces
// do not group its digits in threes (2002 100: a year, then a number),
// as the numbers the spaces separate.
func readGroup(parts []string) []number {
	n := interpret(strings.Join(parts, ""))
	if len(n.values) > 1 || n.values[0] != n.text || !strings.ContainsAny(n.text, spaces) {
		return []number{n}
	}
	var out []number
	start := 0
	for i := 1; i < len(parts); i += 2 {
		if strings.ContainsAny(parts[i], spaces) {
			out = append(out, interpret(strings.Join(parts[start:i], "")))
			start = i + 1
		}
	}
	return append(out, interpret(strings.Join(parts[start:], "")))
}

// splitKeep cuts s into runs of digits and the separators between them:
// digits, separator, digits, …
func splitKeep(s string) []string {
	var parts []string
	cur := strings.Builder{}
	digit := true
	for _, r := range s {
		if (r >= '0' && r <= '9') != digit {
			parts = append(parts, cur.String())
			cur.Reset()
			digit = !digit
		}
		cur.WriteRune(r)
	}
	return append(parts, cur.String())
}

// interpret gives the values a number may stand for.
func interpret(s string) number {
	n := number{text: s}
	parts := splitKeep(s)
	if len(parts) == 1 {
		n.values = []string{normalise(s, "")}
		return n
	}
	var seps []string
	for i := 1; i < len(parts); i += 2 {
		seps = append(seps, parts[i])
	}
	last := seps[len(seps)-1]
	grouped := func(upto int) bool { // the separators before upto group thousands
		if len(parts[0]) > 3 {
			return false
		}
		for i := 1; i < upto; i += 2 {
			if parts[i] != seps[0] || len(parts[i+1]) != 3 {
				return false
			}
		}
		return true
	}
	// All separators group thousands: 12,500; 12 500; 1.000.000.
	if grouped(len(parts)) {
		n.values = append(n.values, normalise(strings.Join(digitsOf(parts), ""), ""))
	}
	// The last separator is a decimal one: 3,5; 3.5; 12 500,75.
	if !strings.ContainsAny(last, spaces) && grouped(len(parts)-2) && (len(seps) == 1 || seps[0] != last) {
		d := digitsOf(parts)
		n.values = append(n.values, normalise(strings.Join(d[:len(d)-1], ""), d[len(d)-1]))
	}
	if n.values == nil { // a date or a version: 13.05.2003, 1.2.3
		n.values = []string{s}
	}
	return n
}

func digitsOf(parts []string) []string {
	var d []string
	for i := 0; i < len(parts); i += 2 {
		d = append(d, parts[i])
	}
	return d
}

// normalise writes a number's integer and fraction digits as one string,
// without leading or trailing zeros that do not count.
func normalise(integer, fraction string) string {
	integer = strings.TrimLeft(integer, "0")
	if integer == "" {
		integer = "0"
	}
	fraction = strings.TrimRight(fraction, "0")
	if fraction == "" {
		return integer
	}
	return integer + "." + fraction
}

// missingNumbers returns the numbers of the source that the target does
// not have, each number of the target counting once.
func missingNumbers(source, target string) []string {
	have := numbers(target)
	used := make([]bool, len(have))
	var missing []string
	for _, n := range numbers(source) {
		found := false
		for i, h := range have {
			if !used[i] && sameNumber(n, h) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			missing = append(missing, n.text)
		}
	}
	return missing
}

func sameNumber(a, b number) bool {
	for _, x := range a.values {
		for _, y := range b.values {
			if x == y {
				return true
			}
		}
	}
	return false
}

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
		if prev != "" && strings.EqualFold(w, prev) && unicode.IsLetter([]rune(w)[0]) {
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
	for _, w := range strings.FieldsFunc(blankAddresses(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
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
