package project

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/loctool/loctool/glossary"
	"github.com/loctool/loctool/inline"
)

// A sentence whose only change is the spelling of a glossary concept
// (check --fix writing Zhakiyanov over Jakiyanov, or an editor doing so
// by hand) says what it said: its translation stays translated. Two
// sentences are compared with each spelling of a concept the glossary's
// matcher finds replaced by the concept: its ID, the case endings of its
// words and whether it is in capitals; and with each word that mixes
// Latin and Cyrillic letters written in its one script, as check --fix
// writes it (Nazаrbaev, typed with a Cyrillic а, is Nazarbaev). Every
// other character counts, as in [inline.Content.Key].

// concepts returns the matcher of the glossary's spellings in the
// source language, when some sentence has no segment with its exact
// source; nil when the project has no glossary, or when it cannot be
// loaded (check and extract report why).
type concepts func() *glossary.Matcher

// sourceConcepts is the project's [concepts]: the matcher extract uses
// for its glossary hints, made once.
func (p *Project) sourceConcepts() *glossary.Matcher {
	h, err := p.hints()
	if err != nil || h == nil {
		return nil
	}
	return h.m
}

// conceptKey is c's key with each spelling of a concept replaced by the
// concept, and each word that mixes scripts by its one-script spelling,
// and whether it found any of either: a sentence without one is never a
// respelling of another.
func conceptKey(m *glossary.Matcher, c inline.Content) (string, bool) {
	var b strings.Builder
	found := false
	for _, it := range c.Normalize() {
		if it.Code != nil {
			b.WriteString("\x00")
			b.WriteString(it.Code.Kind.String())
			b.WriteString(":")
			b.WriteString(it.Code.Type)
			b.WriteString("\x00")
			continue
		}
		text := norm.NFC.String(it.Text)
		if mixed := glossary.MixedWords(text); len(mixed) > 0 {
			var u strings.Builder
			at := 0
			for _, w := range mixed {
				if w.Fixable() {
					found = true
					u.WriteString(text[at:w.Start])
					u.WriteString(w.Suggestion)
					at = w.End
				}
			}
			u.WriteString(text[at:])
			text = u.String()
		}
		at := 0
		for _, match := range m.Find(text) {
			found = true
			b.WriteString(text[at:match.Start])
			b.WriteString("\x01")
			b.WriteString(match.Concept.ID)
			b.WriteString("\x02")
			b.WriteString(spelled(text[match.Start:match.End], match.Spelling))
			b.WriteString("\x01")
			at = match.End
		}
		b.WriteString(text[at:])
	}
	return b.String(), found
}

// spelled is how a spelling of a concept is written, whichever spelling
// it is: the case ending of each word (what the word found has beyond
// what it shares with the glossary's word: Жакьянова for Жакьянов has
// а, as Жакиянова for Жакиянов has), and its capitals (JAKIYANOV, as
// in a headline, is not Zhakiyanov). A word count that is not the
// spelling's keeps the words as found.
func spelled(found, spelling string) string {
	fw, sw := strings.FieldsFunc(found, notInWord), strings.FieldsFunc(spelling, notInWord)
	var b strings.Builder
	switch {
	case strings.ToUpper(found) == found && strings.ToLower(found) != found:
		b.WriteString("A")
	default:
		r := []rune(found)
		if len(r) > 0 && unicode.IsUpper(r[0]) {
			b.WriteString("T")
		} else {
			b.WriteString("l")
		}
	}
	if len(fw) != len(sw) {
		b.WriteString("=")
		b.WriteString(strings.ToLower(strings.Join(fw, " ")))
		return b.String()
	}
	for i := range fw {
		b.WriteString(" ")
		b.WriteString(ending(strings.ToLower(fw[i]), strings.ToLower(sw[i])))
	}
	return b.String()
}

// ending is what word has beyond its longest common start with the
// glossary's word.
func ending(word, of string) string {
	w, o := []rune(word), []rune(of)
	n := 0
	for n < len(w) && n < len(o) && w[n] == o[n] {
		n++
	}
	return string(w[n:])
}

func notInWord(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
}
