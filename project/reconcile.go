package project

import (
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
	Kept     int // on a sentence with the same source, wherever it moved
	Review   int // on a sentence whose source changed, marked for review
	New      int // sentences without a translation
	Obsolete int // translations whose sentence is gone
	Restored int // of the new sentences, those given back an obsolete translation
}

// reconcile fills the targets of fresh, the units of the article as it is
// now, from old, the handoff file as the translator left it, and returns
// the translations that found no sentence.
func reconcile(fresh []*handoff.Unit, old *handoff.File) (c Carried, obsolete []*handoff.Segment) {
	if old == nil {
		for _, u := range fresh {
			c.New += len(u.Segments())
		}
		return c, nil
	}
	pairs, left := pairSentences(fresh, old.Units)
	for _, p := range pairs {
		s, o := p.seg, p.old
		switch {
		case o == nil || !o.IsTranslated():
			c.New++
		case p.exact:
			if t, ok := remapCodes(o.Source, o.Target, s.Source); ok {
				s.Target, s.State = t, o.State
				if s.State == handoff.NeedsReview {
					s.Was = o.Was
				}
				c.Kept++
			} else {
				// The old target's codes were not its source's: keep the
				// words, for review.
				s.Target, s.State = inline.Text(o.Target.PlainText()), handoff.NeedsReview
				c.Review++
			}
		default:
			// The sentence changed: its old translation, to be reviewed.
			t, ok := remapCodes(o.Source, o.Target, s.Source)
			if !ok {
				// The codes changed too: keep the words for the reviewer.
				t = inline.Text(o.Target.PlainText())
			}
			s.Target, s.State, s.Was = t, handoff.NeedsReview, o.Source.PlainText()
			if o.State == handoff.NeedsReview && o.Was != "" {
				s.Was = o.Was // what it was made for is older still
			}
			c.Review++
		}
	}
	c.Obsolete = len(left)
	return c, left
}
