package project

import (
	"strings"
	"unicode"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
	"golang.org/x/text/unicode/norm"
)

// Reconciliation carries the translations of an existing handoff file over
// to the units of the article as it is now. Nothing a translator did is
// lost: a translation either lands on a sentence of the article, or is
// kept among the obsolete translations.

// carried counts what reconcile did with the translations it found.
type carried struct {
	Kept     int // on a sentence with the same source, wherever it moved
	Review   int // on a sentence whose source changed, marked for review
	New      int // sentences without a translation
	Obsolete int // translations whose sentence is gone
	Restored int // of the new sentences, those given back an obsolete translation
}

// reconcile fills the targets of fresh, the units of the article as it is
// now, from old, the handoff file as the translator left it, and returns
// the translations that found no sentence.
func reconcile(fresh []*handoff.Unit, old *handoff.File) (c carried, obsolete []*handoff.Segment) {
	var pool []*handoff.Segment // the old translations, in order
	if old != nil {
		for _, u := range old.Units {
			for _, s := range u.Segments() {
				if s.IsTranslated() {
					pool = append(pool, s)
				}
			}
		}
	}
	if len(pool) == 0 {
		// Nothing to carry over: every sentence is new.
		for _, u := range fresh {
			c.New += len(u.Segments())
		}
		return c, nil
	}
	used := make([]bool, len(pool))
	byKey := map[string][]int{}
	for i, s := range pool {
		k := sourceKey(s.Source)
		byKey[k] = append(byKey[k], i)
	}
	var fuzzy []*handoff.Segment
	for _, u := range fresh {
		for _, s := range u.Segments() {
			i := -1
			for _, j := range byKey[sourceKey(s.Source)] {
				if !used[j] {
					i = j
					break
				}
			}
			if i < 0 {
				fuzzy = append(fuzzy, s)
				continue
			}
			used[i] = true
			if t, ok := remapCodes(pool[i].Source, pool[i].Target, s.Source); ok {
				s.Target, s.State = t, pool[i].State
				if s.State == handoff.NeedsReview {
					s.Was = pool[i].Was
				}
				c.Kept++
			} else {
				// The old target's codes were not its source's: keep the
				// words, for review.
				s.Target, s.State = inline.Text(pool[i].Target.PlainText()), handoff.NeedsReview
				c.Review++
			}
		}
	}
	// Sentences that changed: the closest unused old sentence lends its
	// translation, to be reviewed.
	for _, s := range fuzzy {
		best := closest(wordsOf(s.Source.PlainText()), pool, used)
		if best < 0 {
			c.New++
			continue
		}
		used[best] = true
		t, ok := remapCodes(pool[best].Source, pool[best].Target, s.Source)
		if !ok {
			// The codes changed too: keep the words for the reviewer.
			t = inline.Text(pool[best].Target.PlainText())
		}
		s.Target, s.State = t, handoff.NeedsReview
		s.Was = pool[best].Was
		if s.Was == "" || pool[best].State != handoff.NeedsReview {
			s.Was = pool[best].Source.PlainText()
		}
		c.Review++
	}
	for i, s := range pool {
		if !used[i] {
			obsolete = append(obsolete, s)
		}
	}
	c.Obsolete = len(obsolete)
	return c, obsolete
}

// closest returns the index of the translated segment of pool, not yet
// used, whose source is most like words: at least 70% alike, as a
// translation memory's fuzzy matches are, or -1.
func closest(words []string, pool []*handoff.Segment, used []bool) int {
	const threshold = 0.7
	best, bestScore := -1, 0.0
	for i, s := range pool {
		if used[i] || !s.IsTranslated() {
			continue
		}
		if score := similarity(words, wordsOf(s.Source.PlainText())); score >= threshold && score > bestScore {
			best, bestScore = i, score
		}
	}
	return best
}

// sourceKey identifies a source sentence by its text, in Unicode's
// composed form (NFC: an editor that saves "й" as "и" and a combining
// breve changes nothing), and the kinds and types of its codes, not their
// IDs or markup: a sentence that moved to another paragraph gets other
// code IDs, and a link another address.
func sourceKey(c inline.Content) string {
	var b strings.Builder
	for _, it := range c.Normalize() {
		if it.Code == nil {
			b.WriteString(norm.NFC.String(it.Text))
			continue
		}
		b.WriteString("\x00")
		b.WriteString(it.Code.Kind.String())
		b.WriteString(":")
		b.WriteString(it.Code.Type)
		b.WriteString("\x00")
	}
	return b.String()
}

// remapCodes moves a translation made for oldSource over to newSource,
// whose codes have the same kinds and types in the same order but perhaps
// other IDs and markup. It fails when the codes do not correspond.
func remapCodes(oldSource, target, newSource inline.Content) (inline.Content, bool) {
	oc, nc := oldSource.Codes(), newSource.Codes()
	if len(oc) != len(nc) {
		return nil, false
	}
	type key struct {
		kind inline.Kind
		id   string
	}
	to := map[key]*inline.Code{}
	for i := range oc {
		if oc[i].Kind != nc[i].Kind || oc[i].Type != nc[i].Type {
			return nil, false
		}
		to[key{oc[i].Kind, oc[i].ID}] = nc[i]
	}
	out := make(inline.Content, 0, len(target))
	for _, it := range target {
		if it.Code == nil {
			out = append(out, it)
			continue
		}
		n, ok := to[key{it.Code.Kind, it.Code.ID}]
		if !ok {
			return nil, false
		}
		out = append(out, inline.Item{Code: n})
	}
	return out, true
}

// wordsOf splits text into lower-case words.
func wordsOf(s string) []string {
	return strings.FieldsFunc(strings.ToLower(norm.NFC.String(s)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// similarity is how much two sentences share, from 0 to 1: twice their
// longest common run of words, in order, over their total length.
func similarity(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return 2 * float64(prev[len(b)]) / float64(len(a)+len(b))
}
