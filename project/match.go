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
	standing Standing
	target   inline.Content // the translation to use, codes as the article's
	codes    error          // the translation's codes do not match its source's
}

// orphan is a translation in the handoff file whose sentence is gone.
type orphan = *handoff.Segment

// match pairs the sentences of the article as it is now (current) with
// the segments of the returned handoff file. A segment counts for a
// sentence when its source is the sentence's: at the same place first,
// and anywhere else when the sentence moved. A translated segment at the
// sentence's place whose source differs is stale: the article changed
// after extraction.
func match(current []*handoff.Unit, returned *handoff.File) ([]matched, []orphan) {
	type id struct{ unit, seg string }
	byID := map[id]*handoff.Segment{}
	byKey := map[string][]*handoff.Segment{}
	var order []*handoff.Segment
	for _, u := range returned.Units {
		for _, s := range u.Segments() {
			byID[id{u.ID, s.ID}] = s
			k := sourceKey(s.Source)
			byKey[k] = append(byKey[k], s)
			order = append(order, s)
		}
	}
	used := map[*handoff.Segment]bool{}
	take := func(s *handoff.Segment) { used[s] = true }
	var out []matched
	for _, u := range current {
		for _, s := range u.Segments() {
			m := matched{unit: u, seg: s}
			k := sourceKey(s.Source)
			r := byID[id{u.ID, s.ID}]
			switch {
			case r != nil && !used[r] && sourceKey(r.Source) == k:
				m.returned = r
			default:
				for _, c := range byKey[k] {
					if !used[c] {
						m.returned = c
						break
					}
				}
			}
			if m.returned == nil && r != nil && !used[r] && r.IsTranslated() {
				m.returned, m.standing = r, Stale
				take(r)
				out = append(out, m)
				continue
			}
			if m.returned != nil {
				take(m.returned)
				if m.returned.IsTranslated() {
					if err := inline.CheckCodes(m.returned.Source, m.returned.Target); err != nil {
						m.codes = err
					} else if t, ok := remapCodes(m.returned.Source, m.returned.Target, s.Source); ok {
						m.target = t
						m.standing = Done
						if m.returned.State == handoff.NeedsReview {
							m.standing = Review
						}
					}
				}
			}
			out = append(out, m)
		}
	}
	var orphans []orphan
	for _, s := range order {
		if !used[s] && s.IsTranslated() {
			orphans = append(orphans, s)
		}
	}
	return out, orphans
}
