// Package glossary is loctool's transliteration glossary: the concepts a
// newsroom writes about (people, places, organisations, terms) and how
// each is spelt in each language.
//
// A concept has an ID, a kind, a note, its forms in Cyrillic (the Russian
// and Kazakh spellings variants are generated from) and, per language,
// one preferred spelling, the accepted variants and the forbidden ones:
//
//	concepts:
//	  - id: zhakiyanov-galymzhan
//	    type: person
//	    note: Former akim of Pavlodar region, a founder of the DCK.
//	    source:
//	      ru: Галымжан Жакиянов
//	      kk: Ғалымжан Жақиянов
//	    en:
//	      preferred: Galymzhan Zhakiyanov
//	      forbidden: [Galymjan Jakiyanov]
//	    ru: Галымжан Жакиянов
//
// A language's value is its preferred spelling alone, or a map with
// preferred, accepted and forbidden. Feminine surnames (Ablyazova,
// Bekova) are concepts of their own, never variants of the masculine.
//
// Several files load in order ([Load]); a later file can change what an
// earlier one says of a concept, as a newsroom's house style overrides a
// shared glossary. Two concepts that claim one spelling are an error,
// except over the built-in glossary ([Builtin]): a project's concept that
// claims a spelling of a built-in concept absorbs it (see [Layer]).
// [Glossary.Explain] says which concept covers a spelling, and why.
package glossary

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/internal/place"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Kind is what a concept is.
type Kind string

// The kinds of concept.
const (
	Person       Kind = "person"
	Place        Kind = "place"
	Organisation Kind = "organisation"
	Term         Kind = "term"
)

// Kinds lists the kinds of concept, for messages.
var Kinds = []Kind{Person, Place, Organisation, Term}

// Concept is one person, place, organisation or term.
type Concept struct {
	ID   string
	Kind Kind
	Note string
	// Source are the concept's forms in Cyrillic, per language (ru, kk):
	// the spellings Latin variants are generated from.
	Source map[language.Tag][]string
	// Terms are the concept's spellings in each language.
	Terms map[language.Tag]*Terms
	// Pos is where the concept was defined, or last changed.
	Pos Pos
	// madeID is set when the file gave no ID (OmegaT and CSV glossaries):
	// such a concept is the one that already has its preferred spelling.
	madeID bool
	// generated holds the variants generated from Source, once
	// [Glossary.Generate] has made them or a [Cache] has kept them.
	generated []string
	hasGen    bool
	// layers are the entries the concept is made of, when there is more
	// than one (see [Concept.Layers]).
	layers []Layer
}

// Terms are a concept's spellings in one language.
type Terms struct {
	Preferred string
	Accepted  []string // variants that are fine
	Forbidden []string // variants that are wrong
}

// Pos is a place in a glossary file.
type Pos struct {
	File      string
	Line, Col int // 1-based; 0 when unknown
}

func (p Pos) String() string { return place.String(p.File, p.Line, p.Col) }

// Builtin reports whether the place is in loctool's built-in glossary.
func (p Pos) Builtin() bool { return p.File == BuiltinName }

// Glossary is the concepts of one or more glossary files.
type Glossary struct {
	// Concepts are in the order they were first defined.
	Concepts []*Concept
	// Warnings are what the files' readers read past, in the order of
	// the files.
	Warnings []Warning
	byID     map[string]*Concept
	// preferred finds the concept of a preferred spelling, per language,
	// for the concepts of Concepts[:indexed]; an entry whose concept has
	// since changed its preferred spelling is stale, and passed by.
	preferred map[language.Tag]map[string]*Concept
	indexed   int
}

// New returns an empty glossary.
func New() *Glossary { return &Glossary{byID: map[string]*Concept{}} }

// Concept returns the concept with the ID, or nil.
func (g *Glossary) Concept(id string) *Concept { return g.byID[id] }

// The kinds of error a glossary file can have: test with errors.Is.
var (
	// ErrSyntax is a file that is not valid YAML, XML, CSV or UTF-8.
	ErrSyntax = errors.New("glossary syntax error")
	// ErrInvalid is a setting that is missing, unknown or of the wrong kind.
	ErrInvalid = errors.New("invalid glossary entry")
	// ErrFeminine is a feminine surname given as a variant of a
	// masculine one: it is a concept of its own.
	ErrFeminine = errors.New("feminine form as a variant")
	// ErrConflict is one spelling claimed by two concepts, or by one
	// concept twice.
	ErrConflict = errors.New("spelling claimed twice")
)

// Error is a problem at a place in a glossary file. Its column counts
// characters, as every place loctool gives does.
type Error struct {
	Pos
	Msg  string
	Hint string
	Kind error // ErrSyntax, ErrInvalid, ErrFeminine or ErrConflict
	// Builtin is set when the built-in glossary has a part in the
	// error: a concept of the conflict has a spelling from it alone, and
	// leaving it out would settle the conflict.
	Builtin bool
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// Diagnostic returns the error as a diagnostic: an error of the glossary
// file at its place, with its hint.
func (e *Error) Diagnostic() diag.Diagnostic {
	return diag.Diagnostic{File: e.File, Start: diag.Position{Line: e.Line, Col: e.Col}, Severity: diag.Error, Message: e.Msg, Hint: e.Hint}
}

// Is reports whether target is the error's kind.
func (e *Error) Is(target error) bool { return target == e.Kind }

// spelling is a spelling as written, normalised: composed Unicode (NFC),
// single spaces.
func spelling(s string) string {
	if !ascii(s) {
		s = norm.NFC.String(s)
	}
	if tidy(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// appendLowerASCII appends w, which is ASCII, to b in lower case.
func appendLowerASCII(b []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// tidy reports whether s has single spaces between its words and none
// around them.
func tidy(s string) bool {
	space := true // at the start, a space is one too many
	for _, r := range s {
		if unicode.IsSpace(r) {
			if r != ' ' || space {
				return false
			}
			space = true
			continue
		}
		space = false
	}
	return !space || s == ""
}

// key is the form two spellings are compared in: a glossary spells a
// name once, whatever its case.
func key(s string) string { return strings.ToLower(spelling(s)) }

// merge adds what a later file says of a concept to what was known: its
// kind and note replace the earlier ones, its Cyrillic forms add to them,
// and for each language a new preferred spelling replaces the old one,
// which stays as an accepted variant unless the later file forbids it.
// A spelling the later file accepts is no longer forbidden, and one it
// forbids no longer accepted.
func (c *Concept) merge(later *Concept) {
	c.snapshot()
	c.layers = append(c.layers, later.layer()) // before merging, which may share later's spellings
	c.mergeSpellings(later)
	c.Pos = later.Pos
}

// mergeSpellings is merge without the concept's layers and place.
func (c *Concept) mergeSpellings(later *Concept) {
	if later.Kind != "" {
		c.Kind = later.Kind
	}
	if later.Note != "" {
		c.Note = later.Note
	}
	for lang, forms := range later.Source {
		for _, f := range forms {
			if !slices.ContainsFunc(c.Source[lang], func(s string) bool { return key(s) == key(f) }) {
				c.Source[lang] = append(c.Source[lang], f)
			}
		}
	}
	for lang, lt := range later.Terms {
		t := c.Terms[lang]
		if t == nil {
			c.Terms[lang] = lt
			continue
		}
		if lt.Preferred != "" && key(lt.Preferred) != key(t.Preferred) {
			if t.Preferred != "" {
				t.Accepted = append(t.Accepted, t.Preferred)
			}
			t.Preferred = lt.Preferred
		}
		t.Accepted = union(without(t.Accepted, lt.Forbidden), lt.Accepted)
		t.Forbidden = union(without(t.Forbidden, lt.Accepted), lt.Forbidden)
		t.Accepted = without(t.Accepted, []string{t.Preferred})
		t.Forbidden = without(t.Forbidden, []string{t.Preferred})
		t.Accepted = without(t.Accepted, t.Forbidden)
	}
	c.generated, c.hasGen = nil, false // the forms may have changed
}

// union returns a with the spellings of b it does not have.
func union(a, b []string) []string {
	for _, s := range b {
		if !slices.ContainsFunc(a, func(x string) bool { return key(x) == key(s) }) {
			a = append(a, s)
		}
	}
	return a
}

// without returns a without the spellings of b.
func without(a, b []string) []string {
	return slices.DeleteFunc(slices.Clone(a), func(x string) bool {
		return slices.ContainsFunc(b, func(s string) bool { return key(x) == key(s) })
	})
}

// Add adds a file's concepts to the glossary: new ones at the end, and
// what the file says of known ones merged into them.
func (g *Glossary) Add(concepts []*Concept) {
	for _, c := range concepts {
		old := g.byID[c.ID]
		if old == nil && c.madeID {
			old = g.bySpelling(c)
		}
		if old != nil {
			old.merge(c)
			g.indexPreferred(old)
			continue
		}
		g.byID[c.ID] = c
		g.Concepts = append(g.Concepts, c)
	}
}

// bySpelling returns the concept that has one of c's preferred
// spellings, in the same language, or nil: the first such concept, in
// the order of c's languages.
func (g *Glossary) bySpelling(c *Concept) *Concept {
	for ; g.indexed < len(g.Concepts); g.indexed++ {
		g.indexPreferred(g.Concepts[g.indexed])
	}
	for _, lang := range sortedTags(c.Terms) {
		t := c.Terms[lang]
		if t.Preferred == "" {
			continue
		}
		k := key(t.Preferred)
		o := g.preferred[lang][k]
		if o == nil {
			continue
		}
		if o.Terms[lang] != nil && key(o.Terms[lang].Preferred) == k {
			return o
		}
		// Stale: a merge changed that concept's spelling.
		for _, o := range g.Concepts {
			if ot := o.Terms[lang]; ot != nil && key(ot.Preferred) == k {
				return o
			}
		}
	}
	return nil
}

// indexPreferred notes a concept's preferred spellings, unless an
// earlier concept has them.
func (g *Glossary) indexPreferred(c *Concept) {
	if g.preferred == nil {
		g.preferred = map[language.Tag]map[string]*Concept{}
	}
	for lang, t := range c.Terms {
		if t.Preferred == "" {
			continue
		}
		m := g.preferred[lang]
		if m == nil {
			m = map[string]*Concept{}
			g.preferred[lang] = m
		}
		k := key(t.Preferred)
		if o := m[k]; o == nil || o.Terms[lang] == nil || key(o.Terms[lang].Preferred) != k {
			m[k] = c
		}
	}
}

// Check reports the spellings the glossary's concepts claim twice: one
// spelling in one language is one concept's, in one role. Each problem is
// an *Error at the concept defined last, naming the other.
func (g *Glossary) Check() error {
	type claim struct {
		c    *Concept
		role string
	}
	var errs []error
	for _, lang := range g.languages() {
		seen := map[string]claim{}
		for _, c := range g.Concepts {
			t := c.Terms[lang]
			if t == nil {
				continue
			}
			for _, r := range t.roles() {
				k := key(r.spelling)
				prev, ok := seen[k]
				switch {
				case !ok:
					seen[k] = claim{c, r.role}
				case prev.c == c:
					errs = append(errs, &Error{Pos: c.Pos, Kind: ErrConflict,
						Msg: fmt.Sprintf("concept %s: %q is both its %s and its %s %s spelling", c.ID, r.spelling, prev.role, r.role, lang)})
				default:
					e := &Error{Pos: c.Pos, Kind: ErrConflict,
						Msg:  fmt.Sprintf("%s spelling %q is claimed by concepts %s (%s, at %s) and %s (%s)", lang, r.spelling, prev.c.ID, prev.role, prev.c.Pos, c.ID, r.role),
						Hint: "a spelling belongs to one concept: remove it from one of them, or merge the two"}
					for _, o := range []*Concept{prev.c, c} {
						if o.builtinOnly(lang, k) {
							e.Builtin = true
							e.Msg += fmt.Sprintf("; concept %s has it from the built-in glossary", o.ID)
						}
					}
					errs = append(errs, e)
				}
			}
		}
	}
	return errors.Join(errs...)
}

type role struct{ spelling, role string }

func (t *Terms) roles() []role {
	var out []role
	if t.Preferred != "" {
		out = append(out, role{t.Preferred, "preferred"})
	}
	for _, s := range t.Accepted {
		out = append(out, role{s, "accepted"})
	}
	for _, s := range t.Forbidden {
		out = append(out, role{s, "forbidden"})
	}
	return out
}

// languages returns the languages the glossary has spellings in, in a
// fixed order.
func (g *Glossary) languages() []language.Tag {
	var out []language.Tag
	for _, c := range g.Concepts {
		for lang := range c.Terms {
			if !slices.Contains(out, lang) {
				out = append(out, lang)
			}
		}
	}
	slices.SortFunc(out, func(a, b language.Tag) int { return strings.Compare(a.String(), b.String()) })
	return out
}

// feminine reports whether variant is the feminine form of the surname
// preferred ends with: Ablyazov → Ablyazova, Жакиянов → Жакиянова,
// Nazarbayev → Nazarbayeva, Ilyin → Ilyina.
func feminine(preferred, variant string) bool {
	p, v := lastWord(key(preferred)), lastWord(key(variant))
	if v != p+"a" && v != p+"а" {
		return false
	}
	for _, end := range []string{"ov", "ev", "yev", "in", "yn", "ов", "ев", "ёв", "ин", "ын"} {
		if strings.HasSuffix(p, end) {
			return true
		}
	}
	return false
}

func lastWord(s string) string {
	if i := strings.LastIndexAny(s, " -"); i >= 0 {
		return s[i+1:]
	}
	return s
}
