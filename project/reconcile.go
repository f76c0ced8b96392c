package project

import (
	"slices"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
)

// Reconciliation carries the translations of an existing handoff file over
// to the units of the article as it is now. Nothing a translator did is
// lost: a translation either lands on a sentence of the article, or is
// kept among the obsolete translations.

// Carried counts what extract did with the translations of a handoff
// file it replaced.
type Carried struct {
	Kept int // on a sentence with the same source, wherever it moved
	// Respelt counts, of those kept, the translations of sentences that
	// changed only in how they spell the glossary's concepts.
	Respelt  int
	Review   int // on a sentence whose source changed, marked for review
	New      int // sentences without a translation
	Obsolete int // translations whose sentence is gone
	Restored int // of the new sentences, those given back an obsolete translation
	Settled  int // of the new sentences, those with nothing to translate
	// Notes counts the notes others wrote (editors, translators, their
	// tools) kept with the unit that succeeds theirs, and Orphaned those
	// whose paragraph is gone, kept in the obsolete translations.
	Notes, Orphaned int
}

// orphaned are the notes of a unit whose paragraph is gone, for the
// obsolete translations: with a segment of the unit, whose source says
// what they were about.
type orphaned struct {
	seg   *handoff.Segment
	notes []handoff.Note
}

// reconcile fills the targets of fresh, the units of the article as it is
// now, from old, the handoff file as the translator left it, and gives
// each fresh unit the notes of the old units it succeeds. It returns the
// translations that found no sentence, and the notes that found no unit.
func reconcile(fresh []*handoff.Unit, old *handoff.File, concepts concepts) (c Carried, obsolete []*handoff.Segment, lost []orphaned) {
	if old == nil {
		for _, u := range fresh {
			c.New += len(u.Segments())
		}
		return c, nil, nil
	}
	pairs, left := pairSentences(fresh, old.Units, concepts)
	lost = carryNotes(pairs, old.Units, &c)
	var counted *int // what the first sentence of a paragraph translated as a whole counted
	for _, p := range pairs {
		s := p.seg
		if p.whole && p.old.IsTranslated() {
			// The paragraph's translation, on the whole paragraph: the
			// unit becomes one segment, as the translation came.
			if !p.first() {
				*counted++
				continue
			}
			s = &handoff.Segment{ID: s.ID, Source: p.unit.Source()}
			p.unit.Parts = []handoff.Part{{Segment: s}}
		}
		counted = carry(s, p, &c)
	}
	carryOrder(pairs)
	c.Obsolete = len(left)
	return c, left, lost
}

// carry gives s, a sentence of the article now (or a paragraph), the
// translation of the segment paired with it, and counts it: it returns
// the count it added to.
func carry(s *handoff.Segment, p pair, c *Carried) *int {
	o := p.old
	switch {
	case o == nil || !o.IsTranslated():
		c.New++
		return &c.New
	case p.exact:
		if t, ok := remapCodes(o.Source, o.Target, s.Source); ok {
			s.Target, s.State, s.Comments = t, o.State, comments(o, p.oldUnit)
			if s.State == handoff.NeedsReview {
				s.Was = o.Was
			}
			c.Kept++
			if p.respelt {
				c.Respelt++
			}
			return &c.Kept
		}
		// The old target's codes were not its source's: keep the
		// words, for review.
		s.Target, s.State = inline.Text(o.Target.PlainText()), handoff.NeedsReview
		c.Review++
		return &c.Review
	default:
		// The sentence changed: its old translation, to be reviewed.
		t, ok := remapCodes(o.Source, o.Target, s.Source)
		if ok {
			s.Comments = comments(o, p.oldUnit) // on the same text
		} else {
			// The codes changed too: keep the words for the reviewer.
			t = inline.Text(o.Target.PlainText())
		}
		s.Target, s.State, s.Was = t, handoff.NeedsReview, o.Source.Tagged()
		if o.State == handoff.NeedsReview && o.Was != "" {
			s.Was = o.Was // what it was made for is older still
		}
		c.Review++
		return &c.Review
	}
}

// carryOrder keeps the order a translator gave a paragraph's sentences
// (XLIFF 2's order) where the paragraph is the same: each of its
// sentences paired, unchanged, with the sentence of one old unit that
// has its place; and where it still makes one: a target it moved to the
// place of a sentence left without a translation (a copy of the source,
// say, that a tool moved) goes back to its own.
func carryOrder(pairs []pair) {
	for i := 0; i < len(pairs); {
		j := i
		for j < len(pairs) && pairs[j].unit == pairs[i].unit {
			j++
		}
		if sameParagraph(pairs[i:j]) {
			for _, p := range pairs[i:j] {
				if p.seg.Target != nil {
					p.seg.Order = p.old.Order
				}
			}
			pairs[i].unit.SettleOrder()
		}
		i = j
	}
}

// sameParagraph reports whether the sentences of a unit are paired,
// unchanged and in place, with all those of one old unit of the same
// parts.
func sameParagraph(unit []pair) bool {
	first := unit[0]
	if first.old == nil || len(first.oldUnit.Parts) != len(first.unit.Parts) {
		return false
	}
	for _, p := range unit {
		if p.old == nil || !p.exact || p.oldUnit != first.oldUnit || p.old.ID != p.seg.ID {
			return false
		}
	}
	for k, part := range first.unit.Parts {
		if (part.Segment == nil) != (first.oldUnit.Parts[k].Segment == nil) {
			return false
		}
	}
	return true
}

// carryNotes gives each unit of the article now the notes of the old
// units it succeeds: an old unit's successor is the unit that took most
// of its sentences (the first of those that took as many). The notes of
// an old unit none of whose sentences is left are returned.
func carryNotes(pairs []pair, old []*handoff.Unit, c *Carried) []orphaned {
	for _, u := range old {
		// loctool's own remarks, left as notes in a file written before
		// each had a field of its own ("Glossary: …"): the fresh unit
		// words them anew, from the glossary as it is now.
		u.Notes = slices.DeleteFunc(u.Notes, handoff.Note.IsRemark)
	}
	took := map[*handoff.Unit]map[*handoff.Unit]int{} // old unit → its successors → sentences taken
	at := map[*handoff.Unit]int{}                     // a fresh unit's place
	for _, p := range pairs {
		if _, ok := at[p.unit]; !ok {
			at[p.unit] = len(at)
		}
		if p.old == nil || len(p.oldUnit.Notes) == 0 {
			continue
		}
		if took[p.oldUnit] == nil {
			took[p.oldUnit] = map[*handoff.Unit]int{}
		}
		took[p.oldUnit][p.unit]++
	}
	var lost []orphaned
	for _, u := range old {
		if len(u.Notes) == 0 {
			continue
		}
		var heir *handoff.Unit
		for f, n := range took[u] {
			if heir == nil || n > took[u][heir] || n == took[u][heir] && at[f] < at[heir] {
				heir = f
			}
		}
		if heir == nil {
			if segs := u.Segments(); len(segs) > 0 {
				lost = append(lost, orphaned{segs[0], u.Notes})
				c.Orphaned += len(u.Notes)
			}
			continue
		}
		heir.Notes = append(heir.Notes, u.Notes...)
		c.Notes += len(u.Notes)
	}
	return lost
}

// comments returns the comments on an old segment's target, for the
// sentence it is carried to, whose unit may be another: a comment that is
// a note of the old unit carries the note's text.
func comments(s *handoff.Segment, u *handoff.Unit) []handoff.Comment {
	var out []handoff.Comment
	for _, c := range s.Comments {
		if c.Note != "" {
			i := slices.IndexFunc(u.Notes, func(n handoff.Note) bool { return n.ID == c.Note })
			if i < 0 {
				continue // a note the unit does not have: nothing to say
			}
			c.Text, c.Note = u.Notes[i].Text, ""
		}
		out = append(out, c)
	}
	return out
}
