// Package translit romanises Cyrillic text: Russian and Kazakh names and
// words written in the Latin alphabet by a published scheme.
//
// Translators and editors meet the same name in many spellings: a
// passport, a library catalogue, a map and a newspaper each follow their
// own standard. A [Scheme] is one such standard, written down as loctool's
// own tables. [Lookup] finds a scheme by name and [Schemes] lists those
// for a language.
//
// # Russian
//
//   - "bgn-pcgn": BGN/PCGN 1947, with ë and the optional middle dot
//   - "iso9": ISO 9:1995, the same as GOST 7.79-2000 System A
//   - "gost779b": GOST 7.79-2000 System B, ASCII only
//   - "ala-lc": ALA-LC, with its ligature ties (t͡s, i͡u, i͡a)
//   - "icao": ICAO Doc 9303 (7th edition, 2015), as in passports
//   - "wikipedia": English Wikipedia's modified BGN/PCGN
//   - "scientific": the scholarly transliteration of linguists
//
// # Kazakh
//
//   - "kk-bgn-pcgn": BGN/PCGN 1979 for Kazakh Cyrillic
//   - "kk-latin-2021": the Kazakh Latin alphabet presented in January 2021
//   - "kk-press": the spellings of Russian and English news copy, by way
//     of Russian transliteration (Tokayev, Nursultan)
//
// # Rules
//
// Romanize works on words, runs of letters. A letter's romanisation may
// depend on the letter before it (or the start of the word), the letter
// after it (or the end of the word), and some schemes turn a whole word
// ending into one spelling (Wikipedia's -ий to -y). Capital letters keep
// their case: a capital in a Title case word gives a Title case spelling
// (Щ → Shch), a capital next to another capital gives capitals (ЩУКА →
// SHCHUKA). Everything that is not in the scheme's table, such as Latin
// text, digits and punctuation, is kept as it is.
package translit

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Scheme is a romanisation scheme. The schemes are built once and shared:
// use [Lookup] or [Schemes] to get one.
type Scheme struct {
	name    string
	lang    language.Tag
	letters map[rune]string // lowercase Cyrillic letter → lowercase Latin
	rules   map[rune][]rule // context rules, tried before letters
	endings []ending        // word endings, tried before everything
	upper   func(rune) rune // uppercases output; nil for unicode.ToUpper

	// block holds letters and rules again, for the letters of the
	// Cyrillic blocks: a glossary's thousands of names are romanised by
	// every scheme, and an array is faster than a map.
	block [blockEnd - blockStart]letter
}

// The Cyrillic and Cyrillic Supplement blocks, which hold every letter
// the schemes spell.
const blockStart, blockEnd = 0x400, 0x530

// letter is how a scheme spells a lowercase letter: out, unless a rule
// applies.
type letter struct {
	out   string
	ok    bool // the scheme spells the letter
	rules []rule
}

// compile fills the scheme's block from its letters and rules.
func (s *Scheme) compile() {
	for r, out := range s.letters {
		if r >= blockStart && r < blockEnd {
			s.block[r-blockStart] = letter{out: out, ok: true, rules: s.rules[r]}
		}
	}
}

// spelling returns how the scheme spells a lowercase letter, and whether
// it does.
func (s *Scheme) spelling(lower rune) (letter, bool) {
	if lower >= blockStart && lower < blockEnd {
		l := s.block[lower-blockStart]
		return l, l.ok
	}
	out, ok := s.letters[lower]
	return letter{out: out, ok: ok, rules: s.rules[lower]}, ok
}

func init() {
	for _, s := range all {
		s.compile()
	}
	for r := range props {
		p := norm.NFC.PropertiesString(string(rune(r)))
		props[r] = runeProps{
			lower:  unicode.ToLower(rune(r)),
			letter: unicode.IsLetter(rune(r)),
			upper:  unicode.IsUpper(rune(r)),
			// A character that neither combines with the one before it
			// nor changes in NFC leaves a text in NFC.
			stable: p.BoundaryBefore() && norm.NFC.IsNormalString(string(rune(r))),
		}
	}
}

// runeProps are the properties of a character Romanize asks for, kept in
// a table for the characters up to the end of the Cyrillic blocks.
type runeProps struct {
	lower                 rune
	letter, upper, stable bool
}

var props [blockEnd]runeProps

func toLower(r rune) rune {
	if r >= 0 && r < blockEnd {
		return props[r].lower
	}
	return unicode.ToLower(r)
}

func isUpper(r rune) bool {
	if r >= 0 && r < blockEnd {
		return props[r].upper
	}
	return unicode.IsUpper(r)
}

// runesNFC returns the characters of text in NFC.
func runesNFC(text string) []rune {
	src := make([]rune, 0, utf8.RuneCountInString(text))
	for _, r := range text {
		if r >= blockEnd || !props[r].stable {
			return []rune(norm.NFC.String(text))
		}
		src = append(src, r)
	}
	return src
}

// rule spells a letter as out where the letter before it is in prev and
// the letter after it is in next. In prev, '^' stands for the start of a
// word; in next, '$' for its end. An empty set matches anything.
type rule struct {
	prev, next string
	out        string
}

// ending spells the letters seq as out at the end of a word.
type ending struct {
	seq []rune
	out string
}

// Name returns the scheme's name, such as "bgn-pcgn" or "kk-latin-2021".
func (s *Scheme) Name() string { return s.name }

// Language returns the language whose spelling the scheme romanises.
func (s *Scheme) Language() language.Tag { return s.lang }

// String returns the scheme's name.
func (s *Scheme) String() string { return s.name }

// Romanize returns text with its Cyrillic letters romanised. Text the
// scheme has no spelling for is kept as it is, except that Romanize reads
// text in Unicode normalization form NFC, so й written as и and a
// combining breve is the letter й, and invalid UTF-8 becomes U+FFFD.
func (s *Scheme) Romanize(text string) string {
	src := runesNFC(text)
	var b strings.Builder
	b.Grow(len(text))
	for i := 0; i < len(src); {
		r := src[i]
		lower := toLower(r)
		l, ok := s.spelling(lower)
		if !ok {
			b.WriteRune(r)
			i++
			continue
		}
		out, n := s.spell(src, i, l)
		if isUpper(r) {
			out = s.recase(out, allCaps(src, i))
		}
		b.WriteString(out)
		i += n
	}
	return b.String()
}

// spell returns the spelling of the letters at src[i:], whose first
// letter is l, and how many letters it spells.
func (s *Scheme) spell(src []rune, i int, l letter) (string, int) {
	for _, e := range s.endings {
		if end := i + len(e.seq); end <= len(src) && !isLetter(src, end) && hasPrefixFold(src[i:end], e.seq) {
			return e.out, len(e.seq)
		}
	}
	prev, next := '^', '$'
	if isLetter(src, i-1) {
		prev = toLower(src[i-1])
	}
	if isLetter(src, i+1) {
		next = toLower(src[i+1])
	}
	for _, r := range l.rules {
		if in(r.prev, prev) && in(r.next, next) {
			return r.out, 1
		}
	}
	return l.out, 1
}

// recase returns the lowercase spelling out for a capital letter: all in
// capitals, or with its first letter a capital.
func (s *Scheme) recase(out string, caps bool) string {
	upper := s.upper
	if upper == nil {
		upper = unicode.ToUpper
	}
	if caps {
		return strings.Map(upper, out)
	}
	for j, c := range out {
		if unicode.IsLetter(c) {
			return out[:j] + string(upper(c)) + out[j+len(string(c)):]
		}
	}
	return out
}

// allCaps reports whether the capital letter at src[i] belongs to a word
// in capitals: whether the next letter in its word, or failing that the
// previous one, is a capital too. A capital alone, as in the word Я, takes
// the case of the next word of two letters or more, or failing that of the
// previous one: Я is YA in Я И ТЫ, Ya in Я иду.
func allCaps(src []rune, i int) bool {
	switch {
	case isLetter(src, i+1):
		return isUpper(src[i+1])
	case isLetter(src, i-1):
		return isUpper(src[i-1])
	}
	for j := i + 1; j+1 < len(src); j++ {
		if !isLetter(src, j-1) && isLetter(src, j) && isLetter(src, j+1) {
			return isUpper(src[j]) && isUpper(src[j+1])
		}
	}
	for j := i - 1; j > 0; j-- {
		if !isLetter(src, j+1) && isLetter(src, j) && isLetter(src, j-1) {
			return isUpper(src[j]) && isUpper(src[j-1])
		}
	}
	return false
}

// isLetter reports whether src[i] exists and is a letter.
func isLetter(src []rune, i int) bool {
	if i < 0 || i >= len(src) {
		return false
	}
	if r := src[i]; r >= 0 && r < blockEnd {
		return props[r].letter
	}
	return unicode.IsLetter(src[i])
}

// in reports whether set is empty or holds r.
func in(set string, r rune) bool {
	return set == "" || strings.ContainsRune(set, r)
}

// hasPrefixFold reports whether word, in lowercase, equals seq.
func hasPrefixFold(word, seq []rune) bool {
	for k, r := range seq {
		if toLower(word[k]) != r {
			return false
		}
	}
	return true
}

// Lookup returns the scheme with the given name, as [Scheme.Name] returns
// it.
func Lookup(name string) (*Scheme, bool) {
	for _, s := range all {
		if s.name == name {
			return s, true
		}
	}
	return nil, false
}

// Schemes returns the schemes for a language, matched by its base
// language (kk-Cyrl-KZ is Kazakh), in a fixed order. It returns nil for
// a language without schemes.
func Schemes(lang language.Tag) []*Scheme {
	base, _ := lang.Base()
	var list []*Scheme
	for _, s := range all {
		if b, _ := s.lang.Base(); b == base {
			list = append(list, s)
		}
	}
	return list
}
