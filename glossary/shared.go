package glossary

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/diag"
)

// unshare gives each spelling of a termbase or table made by another
// tool to one concept: the first of the file that has it, in the role it
// has there. A later concept that has it too is read without it, with a
// warning (glossary.shared-spelling) naming both; a later concept left
// with no spelling is left out. loctool's own YAML makes such a spelling
// an error instead, and so does a spelling two files share.
//
// Concepts of one ID, or made-ID concepts of one preferred spelling, are
// one concept, merged as [Glossary.Add] merges them.
func unshare(concepts []*Concept) ([]*Concept, []Warning) {
	g := New()
	g.Add(concepts)
	type claim struct {
		c    *Concept
		role string
	}
	seen := map[language.Tag]map[string]claim{}
	var warns []Warning
	out := make([]*Concept, 0, len(g.Concepts))
	for _, c := range g.Concepts {
		for _, lang := range sortedTags(c.Terms) {
			t := c.Terms[lang]
			m := seen[lang]
			if m == nil {
				m = map[string]claim{}
				seen[lang] = m
			}
			var lost []string // to other concepts
			changed := false
			keep := func(s, role string) bool {
				k := key(s)
				p, ok := m[k]
				switch {
				case !ok:
					m[k] = claim{c, role}
					return true
				case p.c == c && p.role == role:
				case p.c == c:
					warns = append(warns, Warning{Pos: c.Pos, Rule: diag.GlossarySharedSpelling,
						Msg: fmt.Sprintf("concept %s has the %s spelling %q twice, %s and %s: it stays %s", c.ID, lang, s, p.role, role, p.role)})
				default:
					warns = append(warns, Warning{Pos: c.Pos, Rule: diag.GlossarySharedSpelling,
						Msg: fmt.Sprintf("the %s spelling %q is concept %s's (%s, at line %d) and concept %s's (%s, at line %d): it stays the first one's, %s's, and %s is read without it",
							lang, s, p.c.ID, p.role, p.c.Pos.Line, c.ID, role, c.Pos.Line, p.c.ID, c.ID),
						Hint: "a spelling belongs to one concept: remove it from one of them in the termbase, or merge the two"})
					lost = append(lost, s)
				}
				changed = true
				return false
			}
			var nt Terms
			if t.Preferred != "" && keep(t.Preferred, "preferred") {
				nt.Preferred = t.Preferred
			}
			for _, s := range t.Accepted {
				if keep(s, "accepted") {
					nt.Accepted = append(nt.Accepted, s)
				}
			}
			for _, s := range t.Forbidden {
				if keep(s, "forbidden") {
					nt.Forbidden = append(nt.Forbidden, s)
				}
			}
			if !changed {
				continue
			}
			if nt.Preferred == "" && len(nt.Accepted) > 0 {
				nt.Preferred, nt.Accepted = nt.Accepted[0], nt.Accepted[1:]
			}
			if nt.Preferred == "" && len(nt.Accepted) == 0 && len(nt.Forbidden) == 0 {
				delete(c.Terms, lang)
			} else {
				*t = nt
			}
			if len(lost) > 0 && c.Source[lang] != nil {
				if c.Source[lang] = without(c.Source[lang], lost); len(c.Source[lang]) == 0 {
					delete(c.Source, lang)
				}
			}
		}
		if len(c.Terms) > 0 {
			out = append(out, c)
		}
	}
	return out, warns
}
