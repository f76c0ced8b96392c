package project

import (
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
)

// Standing is where a sentence of the article stands in a language.
type Standing int

const (
	// Missing: no translation.
	Missing Standing = iota
	// Stale: the translation was made for a source that has changed
	// since; it is not used.
	Stale
	// Review: translated, and marked for review.
	Review
	// Done: translated.
	Done
)

var standingNames = [...]string{"missing", "stale", "needs review", "translated"}

func (s Standing) String() string { return standingNames[s] }

// matched is a sentence of the article as it is now, with what the
// returned handoff file holds for it.
type matched struct {
	unit     *handoff.Unit    // of the article
	seg      *handoff.Segment // of the article
	returned *handoff.Segment // from the handoff file; nil when none
	from     *handoff.Unit    // the returned segment's unit
	standing Standing
	target   inline.Content // the translation to use, codes as the article's
	codes    error          // the translation's codes do not match its source's
}

// orphan is a translation in the handoff file whose sentence is gone.
type orphan = *handoff.Segment

// match pairs the sentences of the article as it is now (current) with
// the segments of the returned handoff file. A segment counts for a
// sentence when its source is the sentence's: at the same place first,
// and anywhere else when the sentence moved. A sentence that found none
// takes the closest translated segment left, as reconcile does: that is
// its translation from before the article changed, and it is stale.
func match(current []*handoff.Unit, returned *handoff.File) ([]matched, []orphan) {
	if sameUnits(current, returned.Units) {
		// The file's own units are the article's: each segment is its
		// sentence's.
		var out []matched
		for _, u := range current {
			for _, s := range u.Segments() {
				m := matched{unit: u, seg: s, returned: s, from: u}
				m.judge()
				out = append(out, m)
			}
		}
		return out, nil
	}
	type id struct{ unit, seg string }
	var pool []*handoff.Segment
	var from []*handoff.Unit // each one's unit
	byID := map[id]int{}
	byKey := map[string][]int{}
	for _, u := range returned.Units {
		for _, s := range u.Segments() {
			byID[id{u.ID, s.ID}] = len(pool)
			k := sourceKey(s.Source)
			byKey[k] = append(byKey[k], len(pool))
			pool = append(pool, s)
			from = append(from, u)
		}
	}
	used := make([]bool, len(pool))
	var out []matched
	for _, u := range current {
		for _, s := range u.Segments() {
			m := matched{unit: u, seg: s}
			k := sourceKey(s.Source)
			i, ok := byID[id{u.ID, s.ID}]
			if !ok || used[i] || sourceKey(pool[i].Source) != k {
				i = -1
				for _, j := range byKey[k] {
					if !used[j] {
						i = j
						break
					}
				}
			}
			if i >= 0 {
				used[i] = true
				m.returned, m.from = pool[i], from[i]
				m.judge()
			}
			out = append(out, m)
		}
	}
	for i := range out {
		m := &out[i]
		if m.returned != nil {
			continue
		}
		if j := closest(wordsOf(m.seg.Source.PlainText()), pool, used); j >= 0 {
			used[j] = true
			m.returned, m.from, m.standing = pool[j], from[j], Stale
		}
	}
	var orphans []orphan
	for i, s := range pool {
		if !used[i] && s.IsTranslated() {
			orphans = append(orphans, s)
		}
	}
	return out, orphans
}

// judge sets the standing of a sentence from the returned segment with
// its source.
func (m *matched) judge() {
	r := m.returned
	if !r.IsTranslated() {
		return
	}
	if err := inline.CheckCodes(r.Source, r.Target); err != nil {
		m.codes = err
		return
	}
	if r == m.seg {
		m.target, m.standing = r.Target, Done
	} else if t, ok := remapCodes(r.Source, r.Target, m.seg.Source); ok {
		m.target, m.standing = t, Done
	}
	if m.standing == Done && r.State == handoff.NeedsReview {
		m.standing = Review
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
