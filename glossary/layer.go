package glossary

import (
	"slices"

	"golang.org/x/text/language"
)

// Layer is one entry a concept is made of, as its glossary file gives
// it. A concept defined once is one layer; one that a later file changes
// (an entry with the same ID) has the layers of both entries; one that
// absorbed built-in concepts has their entries as its first layers.
//
// A project's glossaries layer over the built-in one by spelling: a
// concept of the project's files that claims a spelling (preferred,
// accepted or forbidden, in one language, whatever its case) that a
// built-in concept of another ID claims absorbs that built-in concept.
// The built-in concept's spellings and Cyrillic forms become the project
// concept's, and where the two differ the project's entry wins: its
// preferred spelling stays preferred and the built-in's preferred one
// becomes accepted, a spelling the project forbids is forbidden, and one
// it accepts is accepted. A project concept that claims spellings of
// several built-in concepts absorbs them all; a built-in concept whose
// spellings two project concepts claim is absorbed by the one defined
// first. A spelling a concept has only from the built-in glossary gives
// way to a project concept that claims it, so the built-in glossary
// makes no conflict; two project concepts that claim one spelling are an
// error, as they are without it.
type Layer struct {
	ID     string
	Pos    Pos
	Source map[language.Tag][]string
	Terms  map[language.Tag]*Terms
	// Absorbed marks a built-in concept of another ID that the concept
	// absorbed.
	Absorbed bool
}

// Layers returns the entries the concept is made of, in the order they
// were loaded, absorbed built-in concepts first.
func (c *Concept) Layers() []Layer {
	if c.layers == nil {
		return []Layer{c.layer()}
	}
	return c.layers
}

// layer returns the concept as it is now, as a layer of its own.
func (c *Concept) layer() Layer {
	l := Layer{ID: c.ID, Pos: c.Pos, Source: make(map[language.Tag][]string, len(c.Source)), Terms: make(map[language.Tag]*Terms, len(c.Terms))}
	for lang, forms := range c.Source {
		l.Source[lang] = slices.Clone(forms)
	}
	for lang, t := range c.Terms {
		l.Terms[lang] = &Terms{Preferred: t.Preferred, Accepted: slices.Clone(t.Accepted), Forbidden: slices.Clone(t.Forbidden)}
	}
	return l
}

// snapshot keeps the concept as it is as its first layer, before it
// changes.
func (c *Concept) snapshot() {
	if c.layers == nil {
		c.layers = []Layer{c.layer()}
	}
}

// role returns the role the layer gives the spelling of key k in lang:
// preferred, accepted or forbidden, or "" when it has no such spelling.
func (l *Layer) role(lang language.Tag, k string) string { return roleIn(l.Terms, lang, k) }

// roleIn returns the role spellings give the spelling of key k in lang,
// or "".
func roleIn(terms map[language.Tag]*Terms, lang language.Tag, k string) string {
	t := terms[lang]
	if t == nil {
		return ""
	}
	for _, r := range t.roles() {
		if key(r.spelling) == k {
			return r.role
		}
	}
	return ""
}

// pure reports whether the concept is the built-in glossary's, as it
// gives it.
func (c *Concept) pure() bool { return c.layers == nil && c.Pos.Builtin() }

// builtinOnly reports whether the concept has the spelling of key k in
// lang from the built-in glossary alone.
func (c *Concept) builtinOnly(lang language.Tag, k string) bool {
	if c.layers == nil {
		return c.Pos.Builtin()
	}
	builtin := false
	for i := range c.layers {
		l := &c.layers[i]
		if l.role(lang, k) == "" {
			continue
		}
		if !l.Pos.Builtin() {
			return false
		}
		builtin = true
	}
	return builtin
}

// hasBuiltin reports whether a layer of the concept is the built-in
// glossary's.
func (c *Concept) hasBuiltin() bool {
	if c.layers == nil {
		return c.Pos.Builtin()
	}
	return slices.ContainsFunc(c.layers, func(l Layer) bool { return l.Pos.Builtin() })
}

// absorb makes the built-in concept b part of c, c's own spellings
// winning over b's.
func (c *Concept) absorb(b *Concept) {
	c.snapshot()
	base := b.layer()
	merged := &Concept{Kind: b.Kind, Note: b.Note, Source: base.Source, Terms: base.Terms}
	merged.mergeSpellings(c)
	c.Kind, c.Note, c.Source, c.Terms = merged.Kind, merged.Note, merged.Source, merged.Terms
	l := b.layer()
	l.Absorbed = true
	i := slices.IndexFunc(c.layers, func(l Layer) bool { return !l.Pos.Builtin() })
	if i < 0 {
		i = len(c.layers)
	}
	c.layers = slices.Insert(c.layers, i, l)
	c.generated, c.hasGen = nil, false
}

// yield takes the spelling of key k in lang from the concept.
func (c *Concept) yield(lang language.Tag, k string) {
	t := c.Terms[lang]
	if t == nil {
		return
	}
	c.snapshot()
	if key(t.Preferred) == k {
		t.Preferred = ""
	}
	t.Accepted = slices.DeleteFunc(t.Accepted, func(s string) bool { return key(s) == k })
	t.Forbidden = slices.DeleteFunc(t.Forbidden, func(s string) bool { return key(s) == k })
	if t.Preferred == "" && len(t.Accepted) == 0 && len(t.Forbidden) == 0 {
		delete(c.Terms, lang)
	}
}

// claim is a spelling in a language, by its key.
type claim struct {
	lang language.Tag
	key  string
}

// layer lays the project's concepts over the built-in ones (see
// [Layer]): each project concept absorbs the built-in concepts whose
// spellings it claims, and a spelling a concept has only from the
// built-in glossary goes to the project concept that claims it.
func (g *Glossary) layer() {
	builtin := map[claim]*Concept{}
	project := false
	for _, c := range g.Concepts {
		if !c.pure() {
			project = true
			continue
		}
		for lang, t := range c.Terms {
			for _, r := range t.roles() {
				builtin[claim{lang, key(r.spelling)}] = c
			}
		}
	}
	if len(builtin) == 0 || !project {
		return
	}
	absorbed := map[*Concept]bool{}
	for _, c := range g.Concepts {
		if c.pure() {
			continue
		}
		var found []*Concept
		for _, lang := range sortedTags(c.Terms) {
			for _, r := range c.Terms[lang].roles() {
				if b := builtin[claim{lang, key(r.spelling)}]; b != nil && !absorbed[b] && !slices.Contains(found, b) {
					found = append(found, b)
				}
			}
		}
		for _, b := range found {
			absorbed[b] = true
			c.absorb(b)
		}
	}
	if len(absorbed) > 0 {
		g.Concepts = slices.DeleteFunc(g.Concepts, func(c *Concept) bool { return absorbed[c] })
		for b := range absorbed {
			delete(g.byID, b.ID)
		}
	}
	// The spellings project concepts have from the built-in glossary
	// alone, and which of those another project concept claims.
	only := map[claim][]*Concept{}
	for _, c := range g.Concepts {
		if c.pure() || !c.hasBuiltin() {
			continue
		}
		for lang, t := range c.Terms {
			for _, r := range t.roles() {
				if k := key(r.spelling); c.builtinOnly(lang, k) {
					only[claim{lang, k}] = append(only[claim{lang, k}], c)
				}
			}
		}
	}
	if len(only) == 0 {
		return
	}
	type yielding struct {
		c *Concept
		claim
	}
	var yields []yielding
	for _, c := range g.Concepts {
		for lang, t := range c.Terms {
			for _, r := range t.roles() {
				k := claim{lang, key(r.spelling)}
				if len(only[k]) == 0 || c.builtinOnly(lang, k.key) {
					continue
				}
				for _, h := range only[k] {
					if h != c {
						yields = append(yields, yielding{h, k})
					}
				}
			}
		}
	}
	for _, y := range yields {
		y.c.yield(y.lang, y.key)
	}
}
