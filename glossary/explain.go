package glossary

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
	"golang.org/x/text/language"
)

// Explanation says how a glossary covers a spelling: the concept, the
// role the spelling has there, where it comes from, and the built-in
// concepts it shadows.
type Explanation struct {
	Concept *Concept
	Lang    language.Tag
	Role    Role
	// Spelling is the glossary's spelling that covers the text: the
	// text itself, whatever its case, or the spelling it is an inflected
	// form of.
	Spelling string
	// Inflected is set when the text is Spelling with a case ending.
	Inflected bool
	// Given is the entry that gives the spelling its role: the last of
	// the concept's layers that lists it. It is nil for a generated
	// variant.
	Given *Layer
	// Generated are the ways a generated variant is made, at least one.
	Generated []Generation
	// Shadows are the built-in concepts the concept is made over: those
	// it absorbed or changed, and any other built-in concept that lists
	// the spelling.
	Shadows []Shadow
}

// Generation is a way a variant is made: a Cyrillic form of the concept
// romanised by a scheme, and folded.
type Generation struct {
	Lang language.Tag // the form's language: ru or kk
	Form string
	Pos  Pos // the entry that gives the form
	// Why are the schemes and folds that make the variant of the form,
	// as [Variants] gives them: "bgn-pcgn", "iso9 + zh→j".
	Why []string
}

// Shadow is a built-in concept a spelling's concept is made over.
type Shadow struct {
	ID  string
	Pos Pos
	// How the concept took the built-in one: "absorbed" (it claims a
	// spelling of the built-in concept, whose ID is another), "changed"
	// (its entry has the built-in concept's ID), or "yielded" (the
	// built-in concept, now part of concept Into, lists the spelling,
	// which went to this concept instead).
	How  string
	Into string // for "yielded": the concept the built-in one is part of
	// Role is the role the built-in concept gives the spelling, or ""
	// when it does not list it.
	Role string
}

// Explain returns how the glossary covers text, a spelling, in any of
// the languages given or the glossary's own: each concept spelling that
// matches the whole text as check matches it (whatever its case, with a
// case ending, or as a variant generated from the concept's Cyrillic
// forms; an English possessive is the name's), the concept's order
// first. It returns none when no concept covers the text.
func (g *Glossary) Explain(text string, langs ...language.Tag) []Explanation {
	// An English possessive is the name's: Nazarbayev's is Nazarbayev.
	for _, p := range []string{"'s", "’s", "'S", "’S"} {
		if t, ok := strings.CutSuffix(text, p); ok && len(words(t)) > 0 {
			text = t
			break
		}
	}
	if len(words(text)) == 0 {
		return nil
	}
	for _, l := range g.languages() {
		if !slices.Contains(langs, l) {
			langs = append(langs, l)
		}
	}
	// The spellings that match the whole text, and how well: a word
	// that only shares its stem with the spelling's (Назарбаевым with
	// Назарбаева) is not explained when another spelling matches better,
	// as check would not find it there.
	var matches []Match
	best := 0
	m := NewMatcher(g, langs...)
	m.scan(text, func(s *scanner) {
		m.candidates(s, 0, func(e *entry, q int) {
			match := e.match(s, 0)
			if len(e.words) != len(s.ws) || q < best {
				return
			}
			if q > best {
				best, matches = q, nil
			}
			if !slices.ContainsFunc(matches, func(o Match) bool {
				return o.Concept == match.Concept && o.Lang == match.Lang && o.Role == match.Role && o.Spelling == match.Spelling
			}) {
				matches = append(matches, match)
			}
		})
	})
	var out []Explanation
	for _, m := range matches {
		out = append(out, g.explain(text, m))
	}
	order := map[*Concept]int{}
	for i, c := range g.Concepts {
		order[c] = i
	}
	slices.SortStableFunc(out, func(a, b Explanation) int {
		return cmp.Or(cmp.Compare(order[a.Concept], order[b.Concept]), cmp.Compare(a.Lang.String(), b.Lang.String()), cmp.Compare(a.Role, b.Role))
	})
	return out
}

// explain explains a match of the whole text.
func (g *Glossary) explain(text string, m Match) Explanation {
	c := m.Concept
	e := Explanation{Concept: c, Lang: m.Lang, Role: m.Role, Spelling: m.Spelling, Inflected: key(text) != key(m.Spelling)}
	k := key(m.Spelling)
	layers := c.Layers()
	for i := range layers {
		l := &layers[i]
		if e.Role != Generated && l.role(m.Lang, k) != "" {
			e.Given = l
		}
		switch {
		case !l.Pos.Builtin():
		case l.Absorbed:
			e.Shadows = append(e.Shadows, Shadow{ID: l.ID, Pos: l.Pos, How: "absorbed", Role: l.role(m.Lang, k)})
		default:
			if c.pure() {
				continue // the concept itself
			}
			e.Shadows = append(e.Shadows, Shadow{ID: l.ID, Pos: l.Pos, How: "changed", Role: l.role(m.Lang, k)})
		}
	}
	for _, o := range g.Concepts {
		if o == c || o.layers == nil || roleIn(o.Terms, m.Lang, k) != "" {
			continue
		}
		for i := range o.layers {
			l := &o.layers[i]
			if l.Pos.Builtin() && l.role(m.Lang, k) != "" {
				e.Shadows = append(e.Shadows, Shadow{ID: l.ID, Pos: l.Pos, How: "yielded", Into: o.ID, Role: l.role(m.Lang, k)})
			}
		}
	}
	if e.Role == Generated {
		e.Generated = generations(c, layers, k)
	}
	return e
}

// generations returns the ways the concept's forms make the variant of
// key k.
func generations(c *Concept, layers []Layer, k string) []Generation {
	var out []Generation
	for _, lang := range sortedTags(c.Source) {
		for _, form := range c.Source[lang] {
			for _, v := range Variants(form, lang) {
				if key(v.Text) != k {
					continue
				}
				gen := Generation{Lang: lang, Form: form, Why: v.Why}
				for _, l := range layers {
					if slices.ContainsFunc(l.Source[lang], func(f string) bool { return key(f) == key(form) }) {
						gen.Pos = l.Pos
					}
				}
				out = append(out, gen)
			}
		}
	}
	return out
}

// Near is a spelling of the glossary close to one it does not have.
type Near struct {
	Spelling string
	Concept  *Concept
	Lang     language.Tag
	Role     Role
}

// Nearest returns at most n spellings of the glossary's concepts that
// are close to text, the closest first: those with the same
// transliteration skeleton ([Skeleton]), then those a few letters away
// (more for a longer text), never all of them. Generated variants are
// not among them; a concept's listed spellings are.
func (g *Glossary) Nearest(text string, n int) []Near {
	k := key(text)
	if len(words(k)) == 0 {
		return nil
	}
	skel := Skeleton(text)
	type scored struct {
		Near
		d int
	}
	var found []scored
	n0 := utf8.RuneCountInString(k)
	most := max(2, n0/4) // a few letters: more for a longer name
	seen := map[string]bool{}
	for _, c := range g.Concepts {
		for _, lang := range slices.SortedFunc(maps.Keys(c.Terms), func(a, b language.Tag) int { return strings.Compare(a.String(), b.String()) }) {
			for _, r := range c.Terms[lang].roles() {
				sk := key(r.spelling)
				if sk == k || seen[sk] {
					continue
				}
				d := 0
				if skel == "" || Skeleton(r.spelling) != skel {
					n := utf8.RuneCountInString(sk)
					if n-n0 > most || n0-n > most {
						continue // too far, without counting
					}
					if d = levenshtein.ComputeDistance(k, sk); d > most || d >= min(n, n0) {
						continue
					}
				}
				seen[sk] = true
				role := map[string]Role{"preferred": Preferred, "accepted": Accepted, "forbidden": Forbidden}[r.role]
				found = append(found, scored{Near{r.spelling, c, lang, role}, d})
			}
		}
	}
	slices.SortStableFunc(found, func(a, b scored) int { return cmp.Compare(a.d, b.d) })
	var out []Near
	for _, f := range found[:min(n, len(found))] {
		out = append(out, f.Near)
	}
	return out
}
