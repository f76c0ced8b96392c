package glossary

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// Suggest turns the names a corpus spells more than one way into
// concepts to paste into a glossary: the most frequent spelling
// preferred, the others forbidden, for an editor to review. The comments,
// keyed by concept ID, say how often each spelling occurs and where the
// first is.
func Suggest(clusters []Cluster, lang language.Tag) ([]*Concept, map[string]string) {
	var out []*Concept
	comments := map[string]string{}
	seen := map[string]int{}
	for _, c := range clusters {
		t := &Terms{Preferred: c.Spellings[0].Text}
		var counts []string
		for i, s := range c.Spellings {
			if i > 0 {
				t.Forbidden = append(t.Forbidden, s.Text)
			}
			p := s.Places[0]
			counts = append(counts, fmt.Sprintf("%s %d× (first at %s:%d:%d)", s.Text, len(s.Places), p.File, p.Line, p.Col))
		}
		id := slug(t.Preferred)
		seen[id]++
		if seen[id] > 1 {
			id = fmt.Sprintf("%s-%d", id, seen[id])
		}
		out = append(out, &Concept{ID: id, Terms: map[language.Tag]*Terms{lang: t}, Source: map[language.Tag][]string{}})
		comments[id] = strings.Join(counts, ", ") + "\nreview: give the type and the Cyrillic forms, and move fine spellings to accepted"
	}
	return out, comments
}
