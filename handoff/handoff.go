// Package handoff is what loctool hands to translators and gets back: the
// translation units of an article, cut into sentence segments, with their
// translations and states. The xliff and i18njson packages write and read
// it in the formats translators' tools use.
//
// # Units and segments
//
// A [File] holds the units of one article for one target language. A
// [Unit] is one translatable block of the article, a paragraph or a
// heading; its [Part]s are its sentence [Segment]s and the white space
// between them, so that joining the parts rebuilds the block exactly.
// [Build] cuts blocks into units with a segmenter; [Unit.Source] and
// [Unit.Target] join them back.
package handoff

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/inline"
)

// File is the translation units of one article for one target language.
type File struct {
	// Original is the article's path relative to the project, with
	// forward slashes.
	Original string
	// Datatype is the article's format, as XLIFF names it: "plaintext",
	// "x-markdown" or "html".
	Datatype   string
	SourceLang language.Tag
	TargetLang language.Tag
	Units      []*Unit
}

// Unit is one translatable block of an article.
type Unit struct {
	// ID is unique in the file and a valid XML NMTOKEN, such as "b12".
	ID string
	// Notes tell translators about the block, such as "heading".
	Notes []Note
	// Parts are the block's segments and the text between them, in order.
	Parts []Part
	// Glossary holds the glossary's terms the block names, with their
	// translations, for XLIFF 2's glossary module; a reader leaves it
	// empty.
	Glossary []GlossEntry
}

// GlossEntry is a glossary term a block names: its spelling in the
// source language, in the target language, and what it is.
type GlossEntry struct {
	Term, Translation, Definition string
}

// Note is a remark for translators.
type Note struct {
	Text string
	// From names who wrote it, such as "loctool"; it may be empty.
	From string
}

// Part is a segment, or the white space between segments.
type Part struct {
	Segment *Segment // nil for white space
	Space   string
}

// Segment is one sentence of a unit.
type Segment struct {
	// ID is unique in the unit and a valid XML NMTOKEN, such as "s2".
	ID     string
	Source inline.Content
	// Target is the translation; nil when there is none.
	Target inline.Content
	State  State
	// Line and Col locate the segment in the file it was read from, for
	// messages; they are 0 when unknown.
	Line, Col int
}

// State is how far a segment's translation has come. The XLIFF writers
// map it to each version's states, and the readers back.
type State int

const (
	New              State = iota // no translation yet
	NeedsTranslation              // to be translated
	NeedsReview                   // translated, to be checked: the source may have changed
	Translated                    // translated
	Reviewed                      // translated and checked
	Final                         // approved for publication
)

var stateNames = [...]string{"new", "needs-translation", "needs-review", "translated", "reviewed", "final"}

func (s State) String() string {
	if s >= 0 && int(s) < len(stateNames) {
		return stateNames[s]
	}
	return fmt.Sprintf("State(%d)", int(s))
}

// Segments returns the unit's segments in order.
func (u *Unit) Segments() []*Segment {
	var segs []*Segment
	for _, p := range u.Parts {
		if p.Segment != nil {
			segs = append(segs, p.Segment)
		}
	}
	return segs
}

// Segment returns the segment with the ID, or nil.
func (u *Unit) Segment(id string) *Segment {
	for _, p := range u.Parts {
		if p.Segment != nil && p.Segment.ID == id {
			return p.Segment
		}
	}
	return nil
}

// Source joins the unit's parts back into the block's source content.
func (u *Unit) Source() inline.Content {
	return u.join(func(s *Segment) inline.Content { return s.Source })
}

// Target joins the unit's parts into the block's translated content, and
// returns the segments that have no translation. Where one is missing,
// fill decides: it returns the content to use instead.
func (u *Unit) Target(fill func(*Segment) inline.Content) (inline.Content, []*Segment) {
	var missing []*Segment
	c := u.join(func(s *Segment) inline.Content {
		if s.IsTranslated() {
			return s.Target
		}
		missing = append(missing, s)
		return fill(s)
	})
	return c, missing
}

func (u *Unit) join(content func(*Segment) inline.Content) inline.Content {
	var c inline.Content
	for _, p := range u.Parts {
		if p.Segment == nil {
			c = append(c, inline.Item{Text: p.Space})
			continue
		}
		c = append(c, content(p.Segment)...)
	}
	return c.Normalize()
}

// IsTranslated reports whether the segment has a translation to use.
// Translators' tools do not all keep states up to date (OmegaT never
// changes them), so the target decides first: a target that differs from
// the source is a translation, whatever its state says; a target equal to
// the source is one only when the state says it was translated, since
// names and numbers can be their own translation.
func (s *Segment) IsTranslated() bool {
	switch {
	case s.Target == nil:
		return false
	case !s.Target.Equal(s.Source):
		return strings.TrimSpace(s.Target.PlainText()) != "" || len(s.Target.Codes()) > 0
	}
	return s.State >= Translated
}
