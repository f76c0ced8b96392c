package project

import (
	"fmt"
	"path/filepath"
	"strings"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/glossary"
	"github.com/loctool/loctool/handoff"
)

// hintFrom marks the notes that give translators the glossary's
// spellings of the concepts a unit names.
const hintFrom = "loctool:glossary"

// hinter finds the glossary's concepts in the units of articles.
type hinter struct {
	m *glossary.Matcher
}

// newHinter loads the built-in glossary (unless the project leaves it
// out) and the project's, and prepares to find their concepts in the
// source language. With no glossary at all it returns nil.
func (p *Project) newHinter() (*hinter, error) {
	var files []string
	for _, f := range p.Glossaries {
		if filepath.IsAbs(f) {
			files = append(files, f) // given on the command line
			continue
		}
		abs, err := p.confine(f)
		if err != nil {
			return nil, &ConfigError{"glossaries", err.Error()}
		}
		files = append(files, filepath.Clean(abs))
	}
	langs := glossary.Langs{Source: p.Source, Target: p.Targets[0]}
	var g *glossary.Glossary
	var err error
	switch {
	case !p.NoBuiltinGlossary:
		g, err = glossary.LoadBuiltin(langs, files...)
	case len(files) > 0:
		g, err = glossary.LoadWith(langs, files...)
	default:
		return nil, nil // no glossary: no hints
	}
	if err != nil {
		return nil, err
	}
	return &hinter{glossary.NewMatcher(g, p.Source)}, nil
}

// hint adds to each unit a note for each glossary concept its source
// names: "Glossary: Zhakiyanov → Жакиянов (person: Former akim of
// Pavlodar region)". A translator sees it in any CAT tool, beside the
// segment: XLIFF 1.2 and 2.x have it as a note of the unit, and JSON in
// the description of each message; XLIFF 2.x has it in its glossary
// module (gls:glossary).
func (h *hinter) hint(units []*handoff.Unit, source, target language.Tag, format Format) {
	if h == nil {
		return
	}
	for _, u := range units {
		seen := map[*glossary.Concept]bool{}
		var b strings.Builder
		for _, part := range u.Parts {
			if part.Segment == nil {
				b.WriteString(part.Space)
				continue
			}
			for _, it := range part.Segment.Source {
				b.WriteString(it.Text)
			}
		}
		text := b.String()
		for _, m := range h.m.Find(text) {
			c := m.Concept
			if seen[c] {
				continue
			}
			seen[c] = true
			if format == XLIFF21 || format == XLIFF22 {
				u.Glossary = append(u.Glossary, glossEntry(c, text[m.Start:m.End], source, target))
				continue
			}
			u.Notes = append(u.Notes, handoff.Note{From: hintFrom, Text: hintText(c, text[m.Start:m.End], source, target)})
		}
	}
}

// glossEntry is a concept's entry in XLIFF 2's glossary module.
func glossEntry(c *glossary.Concept, found string, source, target language.Tag) handoff.GlossEntry {
	e := handoff.GlossEntry{Term: found}
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
	if e.Translation == "" && e.Definition == "" {
		e.Definition = "concept " + c.ID
	}
	return e
}

func hintText(c *glossary.Concept, found string, source, target language.Tag) string {
	var b strings.Builder
	b.WriteString("Glossary: ")
	if t := c.Terms[source]; t != nil && t.Preferred != "" {
		b.WriteString(t.Preferred)
	} else {
		b.WriteString(found)
	}
	if t := c.Terms[target]; t != nil && t.Preferred != "" {
		fmt.Fprintf(&b, " → %s", t.Preferred)
	} else {
		fmt.Fprintf(&b, " (no %s spelling in the glossary)", target)
	}
	var about []string
	if c.Kind != "" {
		about = append(about, string(c.Kind))
	}
	if c.Note != "" {
		about = append(about, c.Note)
	}
	if len(about) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(about, ": "))
	}
	return b.String()
}
