package project

import (
	"strings"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/glossary"
	"github.com/loctool/loctool/handoff"
)

// hinter finds the glossary's concepts in the units of articles.
type hinter struct {
	m *glossary.Matcher
}

// hint gives each unit the glossary's concepts its source names, with
// their spellings in the target language, for translators: XLIFF 2 has
// them in its glossary module, XLIFF 1.2 and JSON as notes
// ([handoff.Unit.Remarks]) that any CAT tool shows beside the segment.
func (h *hinter) hint(units []*handoff.Unit, source, target language.Tag) {
	if h == nil {
		return
	}
	give(units, h.find(units), source, target)
}

// named is a concept a unit's source names, as first found in it.
type named struct {
	concept *glossary.Concept
	found   string
}

// find returns the glossary's concepts the source of each unit names, in
// the order found, each once: found once for an article, and given to
// the units of each target language ([give]).
func (h *hinter) find(units []*handoff.Unit) [][]named {
	out := make([][]named, len(units))
	for i, u := range units {
		seen := map[*glossary.Concept]bool{}
		var b strings.Builder
		for t := range u.SourceText() {
			b.WriteString(t)
		}
		text := b.String()
		for _, m := range h.m.Find(text) {
			if c := m.Concept; !seen[c] {
				seen[c] = true
				out[i] = append(out[i], named{c, text[m.Start:m.End]})
			}
		}
	}
	return out
}

// give gives each unit the entries, for a target language, of the
// concepts find found in it.
func give(units []*handoff.Unit, found [][]named, source, target language.Tag) {
	for i, u := range units {
		for _, n := range found[i] {
			u.Glossary = append(u.Glossary, glossEntry(n.concept, n.found, source, target))
		}
	}
}

// glossEntry is a concept's entry for a unit that names it as found.
func glossEntry(c *glossary.Concept, found string, source, target language.Tag) handoff.GlossEntry {
	e := handoff.GlossEntry{Concept: c.ID, Term: found}
	if t := c.Terms[source]; t != nil && t.Preferred != "" {
		e.Term = t.Preferred
	}
	if t := c.Terms[target]; t != nil {
		e.Translation = t.Preferred
	}
	var about []string
	if c.Kind != "" {
		about = append(about, string(c.Kind))
	}
	if c.Note != "" {
		about = append(about, c.Note)
	}
	e.Definition = strings.Join(about, ": ")
	return e
}
