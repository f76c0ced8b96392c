package glossary

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/loctool/loctool/internal/place"
)

// Script is the writing system of a letter, as mixed-script words are
// told: Latin (with its diacritics: Kazakh Latin's á ǵ ń ó ú ý ı ş) or
// Cyrillic (Kazakh's ә ғ қ ң ө ұ ү һ і too).
type Script int

// The scripts a word can mix.
const (
	OtherScript Script = iota
	Latin
	Cyrillic
)

func (s Script) String() string {
	switch s {
	case Latin:
		return "Latin"
	case Cyrillic:
		return "Cyrillic"
	}
	return "other"
}

func scriptOf(r rune) Script {
	switch {
	case r < utf8.RuneSelf:
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			return Latin
		}
	case unicode.Is(unicode.Cyrillic, r):
		return Cyrillic
	case unicode.Is(unicode.Latin, r):
		return Latin
	}
	return OtherScript
}

// MixedWord is a word that mixes Latin and Cyrillic letters: Nazаrbaev
// typed with a Cyrillic а, Назарбaев with a Latin a.
type MixedWord struct {
	Start, End int // the word's bytes in the text
	Word       string
	// Script is the script of most of its letters, and Foreign the
	// letters of the other one, as they occur.
	Script  Script
	Foreign []rune
	// Suggestion is the word in one script, its foreign letters written
	// as their look-alikes: "" when a foreign letter has none. When the
	// word has as many letters of each script and can be written in
	// either, Alternative is the word in the other script, and neither
	// is the one to write.
	Suggestion, Alternative string
}

// Fixable reports whether the word has one spelling in one script to
// write over it.
func (m MixedWord) Fixable() bool { return m.Suggestion != "" && m.Alternative == "" }

// MixedWords returns the words of a text that mix Latin and Cyrillic
// letters the way a look-alike typed in the wrong keyboard layout does.
// A word is a run of letters and marks between other characters (so
// IT-компания and ТОО«Kaspi» are words of one script each); a run with
// a digit in it (a model or a code: B2B, Ту154М) is not one. A word is
// reported when its letters are all Latin or Cyrillic, of both, and
//
//   - the letters of the script it has fewer of all have look-alikes in
//     the other, per Unicode's confusables data (Nazаrbaev, Назарбaев):
//     the suggestion writes them so; on a tie, the word is written in
//     the script that can spell it, and is ambiguous where both can
//     (IТ: IT or ІТ);
//   - or a letter without a look-alike stands among letters of the
//     other script (Nazarбaev): there is then no suggestion.
//
// A Latin word with a Cyrillic ending or prefix that has no look-alike
// (iPhoneом, XXIв) is a word that mixes on purpose, and is not reported.
func MixedWords(text string) []MixedWord {
	if !hasCyrillic(text) {
		return nil
	}
	var out []MixedWord
	start, digit := -1, false
	flush := func(end int) {
		if start >= 0 && !digit {
			if m, ok := mixedWord(text[start:end]); ok {
				m.Start, m.End = start, end
				out = append(out, m)
			}
		}
		start, digit = -1, false
	}
	for i, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.Is(unicode.M, r):
		case unicode.IsDigit(r):
			digit = true
		default:
			flush(i)
			continue
		}
		if start < 0 {
			start = i
		}
	}
	flush(len(text))
	return out
}

// hasCyrillic reports whether a text may have a Cyrillic letter: a
// byte that starts the UTF-8 of U+0400–U+052F, or a longer sequence
// that is one of Unicode's other Cyrillic letters (U+1C80–U+1C88,
// U+A640–U+A69F, …). Most English text has none, and is passed over at
// once.
func hasCyrillic(text string) bool {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if 0xD0 <= c && c <= 0xD4 {
			return true
		}
		if c >= 0xE1 {
			if r, _ := utf8.DecodeRuneInString(text[i:]); unicode.Is(unicode.Cyrillic, r) {
				return true
			}
		}
	}
	return false
}

// HasMixedWord reports whether a word of a text, a run of letters and
// marks, has both Latin and Cyrillic letters: one MixedWords reports, or
// one that mixes on purpose (iPhoneом). check --fix writes neither.
func HasMixedWord(text string) bool {
	if !hasCyrillic(text) {
		return false
	}
	var seen [3]bool
	for _, r := range text {
		switch {
		case unicode.IsLetter(r):
			seen[scriptOf(r)] = true
			if seen[Latin] && seen[Cyrillic] {
				return true
			}
		case !unicode.Is(unicode.M, r):
			seen = [3]bool{}
		}
	}
	return false
}

// mixedWord tells whether a word of letters and marks mixes scripts,
// and how.
func mixedWord(w string) (MixedWord, bool) {
	var n [3]int
	for _, r := range w {
		if unicode.IsLetter(r) {
			n[scriptOf(r)]++
		}
	}
	if n[Latin] == 0 || n[Cyrillic] == 0 || n[OtherScript] > 0 {
		return MixedWord{}, false
	}
	m := MixedWord{Word: w, Script: Latin}
	if n[Cyrillic] > n[Latin] && !roman(w) {
		m.Script = Cyrillic
	}
	other := Latin + Cyrillic - m.Script
	for _, r := range w {
		if scriptOf(r) == other {
			m.Foreign = append(m.Foreign, r)
		}
	}
	inMajority, okMajority := writeIn(w, m.Script)
	inOther, okOther := writeIn(w, other)
	switch {
	case okMajority && n[Latin] == n[Cyrillic] && okOther && !roman(w):
		m.Suggestion, m.Alternative = inMajority, inOther
	case okMajority:
		m.Suggestion = inMajority
	case n[Latin] == n[Cyrillic] && okOther:
		m.Script, m.Suggestion = other, inOther
		m.Foreign = m.Foreign[:0]
		for _, r := range w {
			if scriptOf(r) == Latin+Cyrillic-other {
				m.Foreign = append(m.Foreign, r)
			}
		}
	case runs(w) == 2:
		return MixedWord{}, false // a word of one script with an ending or prefix of the other
	}
	return m, true
}

// roman reports whether a word is a Roman numeral, some of its letters
// Cyrillic look-alikes (ХХI, typed with two Cyrillic Х): it is written
// in Latin letters, however many of them are Cyrillic.
func roman(w string) bool {
	return strings.Trim(w, "IVXLCDMІХСМ") == ""
}

// runs counts the runs of letters of one script in a word.
func runs(w string) int {
	n, last := 0, OtherScript
	for _, r := range w {
		if s := scriptOf(r); s != OtherScript && s != last {
			n, last = n+1, s
		}
	}
	return n
}

// writeIn writes a word in one script, each letter of the other as its
// look-alike of the same case, or reports that one has none.
func writeIn(w string, s Script) (string, bool) {
	table := lookalikes()[s]
	var b strings.Builder
	for _, r := range w {
		if sc := scriptOf(r); sc != s && sc != OtherScript {
			l, ok := table[r]
			if !ok {
				return "", false
			}
			r = l
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String()), true
}

// lookalikes maps, for each script, the letters of the other that look
// like one of its own to that letter: Cyrillic а to Latin a, Latin e to
// Cyrillic е. The table, lookalikes_table.go, is made from Unicode's
// confusables data by TestLookalikesTable (go test ./glossary -run
// LookalikesTable -update), which says how.
func lookalikes() *[3]map[rune]rune { return &lookalikeTable }

// Problem says what is wrong with the word: "Cyrillic а (U+0430) among
// Latin letters" — the letters look alike, so their code points tell
// them apart.
func (m MixedWord) Problem() string {
	var letters []string
	seen := map[rune]bool{}
	for _, r := range m.Foreign {
		if !seen[r] {
			seen[r] = true
			letters = append(letters, fmt.Sprintf("%c (U+%04X)", r, r))
		}
	}
	return fmt.Sprintf("%s %s among %s letters", Latin+Cyrillic-m.Script, strings.Join(letters, ", "), m.Script)
}

// Advice says what to write instead.
func (m MixedWord) Advice() string {
	switch {
	case m.Fixable():
		return fmt.Sprintf("write it in %s letters: %q", m.Script, m.Suggestion)
	case m.Suggestion != "":
		return fmt.Sprintf("write it in one script: %q in %s letters, or %q in %s", m.Suggestion, m.Script, m.Alternative, Latin+Cyrillic-m.Script)
	}
	return "retype the word in one script"
}

// checkScripts reports the spellings of a file's concepts that have a
// word mixing Latin and Cyrillic letters: such a spelling would let a
// look-alike pass as correct, or be written by check --fix. Each is an
// *Error at the word, found in the file from its concept's place on,
// or at the concept where the file writes it escaped.
func checkScripts(concepts []*Concept, data []byte, name string) error {
	var errs []error
	var text string // the file, made only for a word to place
	report := func(c *Concept, what, s string) {
		for _, m := range MixedWords(s) {
			if text == "" {
				text = string(data)
			}
			at, from := c.Pos, 0
			if c.Pos.Line > 1 {
				from = place.Offset(text, c.Pos.Line, 1)
			}
			if i := strings.Index(text[from:], m.Word); i >= 0 {
				line, col := place.Of(text, from+i)
				at = Pos{File: name, Line: line, Col: col}
			}
			errs = append(errs, &Error{Pos: at, Kind: ErrInvalid,
				Msg:  fmt.Sprintf("concept %s: %s %q mixes Latin and Cyrillic letters: %s", c.ID, what, s, m.Problem()),
				Hint: m.Advice()})
		}
	}
	for _, c := range concepts {
		for _, lang := range sortedTags(c.Source) {
			for _, s := range c.Source[lang] {
				report(c, "source "+lang.String()+" form", s)
			}
		}
		for _, lang := range sortedTags(c.Terms) {
			for _, r := range c.Terms[lang].roles() {
				report(c, lang.String()+" "+r.role+" spelling", r.spelling)
			}
		}
	}
	return errors.Join(errs...)
}
