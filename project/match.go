package project

import (
	"github.com/loctool/loctool/check"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
)

// Readiness is how ready the translation of a sentence of the article is
// to publish, in a language.
type Readiness int

const (
	// Missing: no translation.
	Missing Readiness = iota
	// Stale: the translation was made for a source that has changed
	// since; it is not used.
	Stale
	// Review: translated, and marked for review.
	Review
	// Done: translated.
	Done
)

var readinessNames = [...]string{"missing", "stale", "needs review", "translated"}

func (r Readiness) String() string { return readinessNames[r] }

// matched is a sentence of the article as it is now, with what the
// returned handoff file holds for it.
type matched struct {
	pair
	readiness Readiness
	target    inline.Content // the translation to use, codes as the article's: the paragraph's, when whole
	codes     error          // the translation's codes do not match its source's
}

// match pairs the sentences of the article as it is now (current) with
// the segments of the returned handoff file, as [pairSentences] does, and
// judges each: a sentence whose segment changed since is stale; left are
// the translations whose sentences are gone.
func match(current []*handoff.Unit, returned *handoff.File, concepts concepts) (sentences []matched, left []*handoff.Segment) {
	if sameUnits(current, returned.Units) {
		// The file's own units are the article's: each segment is its
		// sentence's.
		for _, u := range current {
			for _, s := range u.Segments() {
				m := matched{pair: pair{unit: u, seg: s, old: s, oldUnit: u, exact: true}}
				m.judge()
				sentences = append(sentences, m)
			}
		}
		return sentences, nil
	}
	pairs, left := pairSentences(current, returned.Units, concepts)
	sentences = make([]matched, len(pairs))
	for i, p := range pairs {
		sentences[i].pair = p
		sentences[i].judge()
	}
	return sentences, left
}

// judge sets the readiness of a sentence from its pair.
func (m *matched) judge() {
	r := m.old
	switch {
	case r == nil:
		return
	case !m.exact:
		m.readiness = Stale
		return
	case !r.IsTranslated():
		return
	}
	if err := inline.CheckCodes(r.Source, r.Target); err != nil {
		m.codes = err
		return
	}
	if r == m.seg {
		m.target, m.readiness = r.Target, Done
	} else if t, ok := remapCodes(r.Source, r.Target, m.source()); ok {
		m.target, m.readiness = t, Done
	}
	if m.readiness == Done && r.State == handoff.NeedsReview {
		m.readiness = Review
	}
}

// sameUnits reports whether a and b are the same units.
func sameUnits(a, b []*handoff.Unit) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// settle takes the sentences with no translation that have nothing to
// translate (numbers, web addresses, acronyms: [check.NothingToTranslate])
// for translated by themselves: merge publishes them as they are, and
// status counts them translated.
func settle(sentences []matched) {
	for i := range sentences {
		s := &sentences[i]
		if s.readiness == Missing && s.codes == nil && (s.old == nil || s.exact) && check.NothingToTranslate(s.seg.Source.PlainText()) {
			s.readiness, s.target = Done, s.seg.Source
		}
	}
}
