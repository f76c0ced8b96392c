package check

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	xnumber "golang.org/x/text/number"
)

// The numbers of a source and its translation are read each in its own
// language's way (CLDR's, through golang.org/x/text): English writes
// twelve thousand five hundred 12,500 and twelve and a half 12.5;
// Russian and Kazakh write 12 500 (a space of any width, or none) and
// 12,5. A number keeps its sign (-5, −5) and the magnitude word after it
// (3 million, 1,5 млн, $2.5bn, 5 мың), and two numbers are one when
// they are worth the same: 3 million is 3 000 000 and 3 млн, and not
// 3 млрд. 2019-2021 is two numbers, as 2019–2021 is; 5th and 5-й are 5.
//
// A translation's number written with its language's decimal mark in
// the shape of the other convention's thousands (12,500 in Russian,
// 12.500 in English) reads as a decimal to its readers, and looks like
// thousands to whoever wrote it: it is taken only for a source number
// with those very decimals (12.500), and otherwise reported as what it
// reads.

// number is a number written in a text, with the values it may stand
// for.
type number struct {
	text string // as written, with its sign and magnitude word
	// values are the numbers it may stand for, normalised: a sign,
	// integer digits, a point and fraction digits. 12.500 in Russian
	// text, a foreign decimal point or a thousands point, is two.
	values []string
	// decimals is the number as written when it has a decimal mark: its
	// digits with a point, a sign and a magnitude (12.500e6).
	decimals string
	// lookalike says that the number has the decimal mark of its
	// language in the shape of thousands: 12,500 in Russian.
	lookalike bool
}

// convention is how a language writes numbers.
type convention struct {
	decimal, group rune // group is ' ' for a space of any width
	lenient        bool // an unknown language: a comma or a point may be either
}

var conventions sync.Map // language.Tag → convention

// conventionOf returns how a language writes numbers, from CLDR's data.
func conventionOf(lang language.Tag) convention {
	base, _ := lang.Base()
	tag := language.Make(base.String())
	if lang == language.Und || base.String() == "und" {
		return convention{decimal: '.', group: ',', lenient: true}
	}
	if c, ok := conventions.Load(tag); ok {
		return c.(convention)
	}
	c := convention{decimal: '.', group: ','}
	r := []rune(message.NewPrinter(tag).Sprint(xnumber.Decimal(1234.5)))
	if len(r) == 7 { // 1,234.5
		c.group, c.decimal = r[1], r[5]
		if unicode.IsSpace(c.group) {
			c.group = ' '
		}
	}
	conventions.Store(tag, c)
	return c
}

// numberPattern finds numbers: digits, with separators (a comma, a
// point, or a space of any width) between them.
var numberPattern = regexp.MustCompile(`\d+(?:[,.\x{00a0}\x{202f}\x{2009} ]\d+)*`)

// spaces are the spaces that separate thousands (12 500), and never a
// decimal part.
const spaces = "\u00a0\u202f\u2009 "

// numbers returns the numbers of a text in a language.
func numbers(text string, lang language.Tag) []number {
	c := conventionOf(lang)
	var out []number
	for _, m := range numberPattern.FindAllStringIndex(text, -1) {
		at := m[0]
		for _, n := range readNumbers(text[m[0]:m[1]], c) {
			i := strings.Index(text[at:], n.text)
			if i < 0 {
				continue
			}
			start := at + i
			end := start + len(n.text)
			at = end
			out = append(out, withContext(n, text, start, end))
		}
	}
	return out
}

// withContext gives a number the sign before it and the magnitude word
// after it.
func withContext(n number, text string, start, end int) number {
	// A sign: -5, −5, –5 after a space or a bracket, not 2019-2021 or
	// COVID-19.
	before, size := utf8.DecodeLastRuneInString(text[:start])
	sign := ""
	if strings.ContainsRune("-−–", before) {
		prev, _ := utf8.DecodeLastRuneInString(text[:start-size])
		if start-size == 0 || !unicode.IsLetter(prev) && !unicode.IsDigit(prev) && !strings.ContainsRune("-−–", prev) {
			sign, start = "-", start-size
			before, _ = utf8.DecodeLastRuneInString(text[:start])
		}
	}
	currency := strings.ContainsRune("$€£₸¥₽", before)
	zeros := 0
	rest := text[end:]
	if r, size := utf8.DecodeRuneInString(rest); strings.ContainsRune(spaces, r) && size > 0 {
		rest = rest[size:]
	}
	word := rest[:len(rest)-len(strings.TrimLeftFunc(rest, unicode.IsLetter))]
	if z, ok := magnitude(strings.ToLower(word), currency); ok {
		zeros = z
		end += len(text[end:]) - len(rest) + len(word)
		if strings.HasPrefix(text[end:], ".") && (word == "тыс" || word == "Тыс") {
			end++
		}
	}
	n.text = text[start:end]
	for i, v := range n.values {
		n.values[i] = scaled(v, sign, zeros)
	}
	if n.decimals != "" {
		n.decimals = sign + n.decimals + fmt.Sprintf("e%d", zeros)
	}
	return n
}

// magnitudes are the words that multiply the number before them, by how
// many zeros, in English, Russian and Kazakh, with their case forms.
var magnitudes = map[string]int{
	"thousand": 3, "тыс": 3,
	"million": 6, "mln": 6, "mn": 6, "млн": 6,
	"billion": 9, "bn": 9, "bln": 9, "млрд": 9,
	"trillion": 12, "tn": 12, "trn": 12, "трлн": 12,
}

// magnitudeStems start the inflected forms of magnitude words: тысячи,
// миллиона, миллиардов, мыңнан.
var magnitudeStems = []struct {
	stem  string
	zeros int
}{{"тысяч", 3}, {"мың", 3}, {"миллион", 6}, {"миллиард", 9}, {"триллион", 12}}

// magnitude returns the zeros a word after a number adds to it: $5m and
// $3k only after a currency sign, since 100m is a distance.
func magnitude(w string, currency bool) (int, bool) {
	if z, ok := magnitudes[w]; ok {
		return z, true
	}
	if currency {
		switch w {
		case "k":
			return 3, true
		case "m":
			return 6, true
		case "b":
			return 9, true
		}
	}
	for _, s := range magnitudeStems {
		// Kazakh мыңдаған and миллиондаған are "thousands of", "millions
		// of": no multiplier.
		if strings.HasPrefix(w, s.stem) && !strings.HasPrefix(w[len(s.stem):], "даған") {
			return s.zeros, true
		}
	}
	return 0, false
}

// scaled is a normalised value with a sign, times ten to zeros.
func scaled(v, sign string, zeros int) string {
	if zeros == 0 && sign == "" || strings.Trim(v, "0123456789.") != "" || strings.Count(v, ".") > 1 {
		return v
	}
	integer, fraction, _ := strings.Cut(v, ".")
	all := integer + fraction
	point := len(integer) + zeros
	for len(all) < point {
		all += "0"
	}
	v = normalise(all[:point], all[point:])
	if sign != "" && v != "0" {
		v = sign + v
	}
	return v
}

// readNumbers reads what numberPattern found: one number, or several
// where a space stands between numbers that are not groups of three
// (13 2003 is two numbers; 12 500 is one).
func readNumbers(s string, c convention) []number {
	parts := splitKeep(s)
	// A space not followed by exactly three digits ends a number.
	var out []number
	start := 0
	for i := 1; i < len(parts); i += 2 {
		sep, next := parts[i], parts[i+1]
		if strings.ContainsAny(sep, spaces) && len(next) != 3 {
			out = append(out, readGroup(parts[start:i], c)...)
			start = i + 1
		}
	}
	return append(out, readGroup(parts[start:], c)...)
}

// readGroup reads digits and separators as one number, or, when spaces
// do not group its digits in threes (2002 100: a year, then a number),
// as the numbers the spaces separate.
func readGroup(parts []string, c convention) []number {
	n := interpret(strings.Join(parts, ""), c)
	if len(n.values) > 1 || n.values[0] != n.text || !strings.ContainsAny(n.text, spaces) {
		return []number{n}
	}
	var out []number
	start := 0
	for i := 1; i < len(parts); i += 2 {
		if strings.ContainsAny(parts[i], spaces) {
			out = append(out, interpret(strings.Join(parts[start:i], ""), c))
			start = i + 1
		}
	}
	return append(out, interpret(strings.Join(parts[start:], ""), c))
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

// interpret gives the values a number may stand for in a language's
// convention.
func interpret(s string, c convention) number {
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
	isSpace := func(sep string) bool { return strings.ContainsAny(sep, spaces) }
	isGroup := func(sep string) bool { return isSpace(sep) || !c.lenient && c.group != ' ' && sep == string(c.group) }
	isDecimal := func(sep string) bool { return !c.lenient && sep == string(c.decimal) }
	// A comma or a point that is neither of the language's own marks
	// may be either: 12.500 in Russian copy.
	foreign := func(sep string) bool { return (sep == "," || sep == ".") && !isGroup(sep) && !isDecimal(sep) }
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
	d := digitsOf(parts)
	first, last := seps[0], seps[len(seps)-1]
	// A decimal mark twice is a thousands one: 1,000,000 in Russian copy.
	thousands := (isGroup(first) || foreign(first) || isDecimal(first) && len(seps) > 1) && grouped(len(parts))
	if thousands {
		n.values = append(n.values, normalise(strings.Join(d, ""), ""))
	}
	// The last separator is a decimal one: 3,5; 3.5; 12 500,75.
	if (isDecimal(last) || foreign(last) && (len(seps) == 1 || !thousands)) && (len(seps) == 1 || first != last && grouped(len(parts)-2)) {
		n.values = append(n.values, normalise(strings.Join(d[:len(d)-1], ""), d[len(d)-1]))
		n.decimals = strings.Join(d[:len(d)-1], "") + "." + d[len(d)-1]
		n.lookalike = isDecimal(last) && len(seps) == 1 && len(d[0]) <= 3 && len(d[1]) == 3
	}
	// A comma that cannot group thousands is a decimal comma, even in
	// English: 1,5.
	if n.values == nil && len(seps) == 1 && (last == "," || last == ".") {
		n.values = []string{normalise(d[0], d[1])}
		n.decimals = d[0] + "." + d[1]
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

// sameNumber reports whether a number of the translation, t, is one of
// the source, s.
func sameNumber(s, t number) bool {
	if t.lookalike {
		return t.decimals == s.decimals
	}
	for _, x := range s.values {
		for _, y := range t.values {
			if x == y {
				return true
			}
		}
	}
	return false
}

// numberFinding is a problem with the numbers of a translation: a
// message, and a hint or "".
type numberFinding struct{ message, hint string }

// checkNumbers compares the numbers of a source and its translation.
// Each source number the translation does not have is paired, in order,
// with a translation number the source does not have, and reported with
// what each reads as; those left over are reported together as missing.
func checkNumbers(source string, sl language.Tag, target string, tl language.Tag) []numberFinding {
	have := numbers(target, tl)
	used := make([]bool, len(have))
	var missing []number
	for _, n := range numbers(source, sl) {
		found := false
		for i, h := range have {
			if !used[i] && sameNumber(n, h) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			missing = append(missing, n)
		}
	}
	var extra []number
	for i, h := range have {
		if !used[i] {
			extra = append(extra, h)
		}
	}
	var out []numberFinding
	var gone []string
	for i, n := range missing {
		if i >= len(extra) {
			gone = append(gone, n.text)
			continue
		}
		t := extra[i]
		f := numberFinding{message: fmt.Sprintf("%s in the source is %s in the translation", describe(n, sl, false), describe(t, tl, true))}
		if t.lookalike {
			p := message.NewPrinter(tl)
			plain := func(v any) string { // a space of any width is one
				return strings.Map(func(r rune) rune {
					if strings.ContainsRune(spaces, r) {
						return ' '
					}
					return r
				}, p.Sprint(xnumber.Decimal(v)))
			}
			f.hint = fmt.Sprintf("%s writes twelve thousand five hundred %s, and twelve and a half %s", languageName(tl), plain(12500), plain(12.5))
		}
		out = append(out, f)
	}
	if len(gone) > 0 {
		out = append(out, numberFinding{message: fmt.Sprintf("%s of the source %s not in the translation", quoteList(gone), plural(len(gone), "is", "are"))})
	}
	return out
}

// describe quotes a number as written, and says what it reads as where
// that is not plain: "12,500" (12500), "12,500" (12.5: a decimal comma
// in Russian).
func describe(n number, lang language.Tag, target bool) string {
	q := fmt.Sprintf("%q", n.text)
	if len(n.values) == 1 && n.values[0] == n.text {
		return q
	}
	reads := strings.Join(n.values, " or ")
	if target && n.lookalike {
		return fmt.Sprintf("%s (%s: %s marks decimals in %s)", q, reads, describeMark(conventionOf(lang).decimal), languageName(lang))
	}
	return fmt.Sprintf("%s (%s)", q, reads)
}

func describeMark(r rune) string {
	if r == ',' {
		return "a comma"
	}
	return "a point"
}

// languageName names a language in messages.
func languageName(lang language.Tag) string {
	base, _ := lang.Base()
	switch base.String() {
	case "en":
		return "English"
	case "ru":
		return "Russian"
	case "kk":
		return "Kazakh"
	}
	return lang.String()
}
