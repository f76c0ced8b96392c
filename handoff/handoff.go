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
// [Unit.Source] and [Unit.Target] join a unit's parts back into its
// block.
//
// # Paragraph translations
//
// Some tools drop the segment markers and write one translation per
// block (Translate Toolkit's PO round trip, the npm xliff package,
// ilib). Such a translation is a unit of one segment whose source is the
// whole block: the readers make one of a target without markers in a
// unit of several segments, and the writers write it as it is, one
// segment for the block, so that the next tool and the next read find
// the same. A unit holds either its sentences, each with its own
// translation, or the paragraph's translation alone: a translation of
// the whole paragraph is not divided among sentences it need not match.
// The project matches such a segment with the article's paragraph as a
// whole: it stands for each of the paragraph's sentences, is stale or
// kept for review when the paragraph changes, with the paragraph it was
// made for as its [Segment.Was], and is published in its place.
//
// # What loctool says of a unit
//
// What loctool knows of a unit and its segments has fields of its own:
// the kind of block ([Unit.Kind]), the glossary's concepts it names
// ([Unit.Glossary]), the article a unit of the obsolete store comes from
// ([Unit.Origin]), and the source a translation kept for review was made
// for ([Segment.Was]). Each format encodes them in the places it has for
// them; [Unit.Remarks] words them as notes for the formats and tools
// that show translators only notes. [Unit.Notes] are the notes others
// wrote: editors, translators, their tools; [Segment.Comments] are their
// remarks on spans of a translation, and [Segment.Order] where a
// translation puts its sentence when it changes their order.
package handoff

import (
	"cmp"
	"fmt"
	"iter"
	"slices"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

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
	// Prefilled says that the file was written with a target for every
	// segment, a copy of its source until it is translated, for tools
	// that translate only what is in a target (OmegaT): a reader sets it
	// when the file says so.
	Prefilled bool
}

// Unit is one translatable block of an article.
type Unit struct {
	// ID is unique in the file and a valid XML NMTOKEN, such as "b12".
	ID string
	// Kind is what the block is, as the document package names it:
	// "paragraph", "heading", "list-item"…; empty when unknown.
	Kind string
	// Origin is the article the unit comes from, in a file that holds
	// the units of several articles: the obsolete store. It is empty
	// in a handoff file, whose units are all its article's.
	Origin string
	// Notes are what others wrote about the block: editors, translators
	// and their tools. loctool's own remarks are fields of the unit.
	Notes []Note
	// Parts are the block's segments and the text between them, in order.
	Parts []Part
	// Glossary holds the glossary's concepts the block names, with their
	// spellings in the target language.
	Glossary []GlossEntry
}

// GlossEntry is a glossary concept a block names: its spelling in the
// source language and in the target language, and what it is.
type GlossEntry struct {
	// Concept is the concept's ID in the glossary.
	Concept string
	// Term is its spelling in the source, and Translation its preferred
	// spelling in the target language; empty when the glossary has none.
	Term, Translation string
	// Definition says what it is: "person: Former akim of Pavlodar
	// region"; it may be empty.
	Definition string
}

// Note is a remark for translators. Its fields other than Text are what
// XLIFF says of a note; each format keeps those it has a place for (the
// xliff package says which).
type Note struct {
	Text string
	// From names who wrote it, such as "editor"; it may be empty. It is
	// XLIFF 1.2's from, and XLIFF 2's category.
	From string
	// Priority is how much the note matters, from 1 (most) to 10; 0 when
	// the note does not say, which XLIFF reads as 1.
	Priority int
	// AppliesTo is what the note is about: "source" or "target"; empty
	// for the whole unit (XLIFF 1.2's annotates="general").
	AppliesTo string
	// Lang is the BCP 47 language of the note's text, such as "ru";
	// empty when the note does not say.
	Lang string
	// ID names the note in its unit, for the comments that are notes
	// ([Comment.Note]); empty when it has none. IDs are unique among a
	// unit's notes.
	ID string
}

// The authors of the notes [Unit.Remarks] words: a unit's kind, the
// source a translation was made for, a glossary concept.
const (
	KindFrom     = "loctool"
	WasFrom      = "loctool:was"
	GlossaryFrom = "loctool:glossary"
)

// IsRemark reports whether a note is one of loctool's remarks, which
// the unit's fields say: a reader that finds one decodes the field, or
// drops it when the field has a place of its own in the format.
func (n Note) IsRemark() bool {
	return n.From == KindFrom || n.From == WasFrom || n.From == GlossaryFrom
}

// Remarks words what loctool says of the unit as notes for translators,
// followed by the unit's own notes: its kind ("heading"), for each
// translation kept for review the source it was made for ("s2 was: …"),
// and each glossary concept it names with its spelling in the target
// language ("Glossary: Zhakiyanov → Жакиянов (person: …)").
func (u *Unit) Remarks(target language.Tag) []Note {
	var out []Note
	if u.Kind != "" {
		out = append(out, Note{Text: KindWords(u.Kind), From: KindFrom})
	}
	for _, s := range u.Segments() {
		if s.Was != "" {
			out = append(out, Note{Text: s.ID + " was: " + s.Was, From: WasFrom})
		}
	}
	for _, e := range u.Glossary {
		out = append(out, Note{Text: e.Hint(target), From: GlossaryFrom})
	}
	return append(out, u.Notes...)
}

// Hint words the entry for translators of the target language:
// "Glossary: Zhakiyanov → Жакиянов (person: Former akim of Pavlodar
// region)".
func (e GlossEntry) Hint(target language.Tag) string {
	var b strings.Builder
	b.WriteString("Glossary: ")
	b.WriteString(e.Term)
	if e.Translation != "" {
		fmt.Fprintf(&b, " → %s", e.Translation)
	} else {
		fmt.Fprintf(&b, " (no %s spelling in the glossary)", target)
	}
	if e.Definition != "" {
		fmt.Fprintf(&b, " (%s)", e.Definition)
	}
	return b.String()
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
	// Was is the source the translation was made for, when that is not
	// Source: a translation kept, for review, on a sentence that has
	// changed since. It is empty otherwise. It is text with the codes as
	// tags ([inline.Content.Tagged]: <bold>…</bold>, <lb/>), so that it
	// shows a change of the codes alone: a link added, emphasis moved.
	//
	// A segment with a Was is NeedsReview until someone confirms its
	// translation, and the readers then clear it: the xliff and i18njson
	// packages say what confirms one in each format.
	Was string
	// Order is where the target goes in the unit's translated text when
	// the translation puts the unit's sentences in another order than
	// the source: the 1-based position, among the unit's parts (its
	// segments and the white space between them, counted as XLIFF 2
	// counts segments and ignorables), whose place it takes. It is 0 for
	// the segment's own place, and for a segment without a target. The
	// targets of a unit take one another's places only: the white space,
	// and the segments without a target, keep theirs ([Unit.Target]
	// joins them so).
	Order int
	// Comments are remarks on spans of the target, such as a reviewer's
	// "too long"; none when the target is nil. They belong to the target
	// as it is: whoever gives the segment another target gives it the
	// comments that fit it, if any.
	Comments []Comment
	// Line and Col locate the segment in the file it was read from, for
	// messages, the column in characters; they are 0 when unknown.
	Line, Col int
}

// Comment is a remark on a span of a segment's target: XLIFF 2's
// comment annotation, XLIFF 1.2's <mrk comment>.
type Comment struct {
	// Start and End delimit the span, End excluded: offsets in the
	// target, counting one for each character of its text (Unicode code
	// point) and one for each code. Start == End is a point.
	Start, End int
	// Text is the remark, or empty when the remark is a note.
	Text string
	// Note is the ID of the unit's note that is the remark ([Note.ID]),
	// when Text is empty.
	Note string
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
	n := 0
	for _, p := range u.Parts {
		if p.Segment != nil {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	segs := make([]*Segment, 0, n)
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

// SourceText yields the text of the unit's source in order, the white
// space between segments and the text of each, codes left out: what
// Source holds as text, without joining it.
func (u *Unit) SourceText() iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, p := range u.Parts {
			if p.Segment == nil {
				if !yield(p.Space) {
					return
				}
				continue
			}
			for _, it := range p.Segment.Source {
				if !yield(it.Text) {
					return
				}
			}
		}
	}
}

// Source joins the unit's parts back into the block's source content.
func (u *Unit) Source() inline.Content {
	return u.join(func(s *Segment) inline.Content { return s.Source })
}

// Target joins the unit's parts into the block's translated content, and
// returns the segments that have no translation. Where one is missing,
// fill decides: it returns the content to use instead. Each segment goes
// to the place its [Segment.Order] gives, the white space to its own.
func (u *Unit) Target(fill func(*Segment) inline.Content) (inline.Content, []*Segment) {
	var missing []*Segment
	c := Join(u.Ordered(), func(s *Segment) inline.Content {
		if s.IsTranslated() {
			return s.Target
		}
		missing = append(missing, s)
		return fill(s)
	})
	return c, missing
}

// Ordered returns the unit's parts in the order of its translated text:
// each segment at the place its Order gives, the rest at their own. It
// returns u.Parts itself when no segment moves.
func (u *Unit) Ordered() []Part {
	if !slices.ContainsFunc(u.Parts, func(p Part) bool { return p.Segment != nil && p.Segment.Order > 0 }) {
		return u.Parts
	}
	at := func(i int) int {
		if s := u.Parts[i].Segment; s != nil && s.Order > 0 {
			return s.Order
		}
		return i + 1
	}
	idx := make([]int, len(u.Parts))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(at(a), at(b)) })
	parts := make([]Part, len(idx))
	for i, j := range idx {
		parts[i] = u.Parts[j]
	}
	return parts
}

// SettleOrder keeps the order of the unit's targets (their Order) only
// while it makes one: each target in the place of a segment with a
// target, its own or another's, and no two in one place. Otherwise, as
// when a target it moved was emptied since, every target goes back to
// its own place, and SettleOrder reports that it moved them.
func (u *Unit) SettleOrder() bool {
	natural, taken := map[int]bool{}, map[int]bool{}
	moved, ok := false, true
	for i, p := range u.Parts {
		s := p.Segment
		if s == nil || s.Target == nil {
			moved = moved || s != nil && s.Order > 0
			ok = ok && (s == nil || s.Order == 0)
			continue
		}
		at := i + 1
		natural[at] = true
		if s.Order > 0 {
			at, moved = s.Order, true
		}
		ok = ok && !taken[at]
		taken[at] = true
	}
	for at := range taken {
		ok = ok && natural[at]
	}
	if !moved || ok {
		return false
	}
	for _, p := range u.Parts {
		if p.Segment != nil {
			p.Segment.Order = 0
		}
	}
	return true
}

func (u *Unit) join(content func(*Segment) inline.Content) inline.Content {
	return Join(u.Parts, content)
}

// Join joins parts into content: the white space between segments as it
// is, and for each segment what content gives.
func Join(parts []Part, content func(*Segment) inline.Content) inline.Content {
	var c inline.Content
	for _, p := range parts {
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

// IsConfirmed reports whether the segment's translation is confirmed: a
// translation ([Segment.IsTranslated]) whose state says so, Translated
// or beyond, and that is not kept for review (no [Segment.Was]). The
// writers tell translators' tools so where the format has a place for
// it: XLIFF 1.2's approved="yes", on a unit whose every segment is
// confirmed.
func (s *Segment) IsConfirmed() bool {
	return s.Was == "" && s.State >= Translated && s.IsTranslated()
}

// IsControl reports whether r is a control character that no
// translation may hold: one of C0 but tab, line feed and carriage
// return, DEL, or one of C1. The readers refuse a target that has one,
// unless it is a copy of its source.
func IsControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || 0x7F <= r && r <= 0x9F
}

// SameWords reports whether two translations are the same but for white
// space and Unicode normalization, with the same codes (by kind and ID)
// in the same places. A tool that saves a translation kept for review
// as it was, whatever it does to its spaces, has not confirmed it: the
// readers take a target as a new translation only when it is not the
// same words as the one kept.
func SameWords(a, b inline.Content) bool {
	return words(a) == words(b)
}

func words(c inline.Content) string {
	var b strings.Builder
	for _, it := range c {
		if cd := it.Code; cd != nil {
			fmt.Fprintf(&b, " \x00%v %s\x00 ", cd.Kind, cd.ID)
			continue
		}
		b.WriteString(it.Text)
	}
	return strings.Join(strings.Fields(norm.NFC.String(b.String())), " ")
}

// kindWords say what each kind of block is, for translators.
var kindWords = map[string]string{
	"list-item":                "list item",
	"blockquote":               "block quote",
	"table-cell":               "table cell",
	"alt":                      "image alt text",
	"title-attribute":          "title attribute (tooltip)",
	"description":              "meta description",
	"front-matter-title":       "front matter title",
	"front-matter-description": "front matter description",
	"term":                     "definition term",
	"preformatted":             "preformatted text",
}

// KindWords says what a kind of block is, in words for translators:
// "list item" for "list-item".
func KindWords(kind string) string {
	if w, ok := kindWords[kind]; ok {
		return w
	}
	return strings.ReplaceAll(kind, "-", " ")
}
