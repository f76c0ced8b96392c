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
	for _, u := range units {
		seen := map[*glossary.Concept]bool{}
		var b strings.Builder
		for t := range u.SourceText() {
			b.WriteString(t)
		}
		text := b.String()
		for _, m := range h.m.Find(text) {
			if c := m.Concept; !seen[c] {
				seen[c] = true
				u.Glossary = append(u.Glossary, glossEntry(c, text[m.Start:m.End], source, target))
			}
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
