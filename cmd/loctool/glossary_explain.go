package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/loctool/loctool/glossary"
	"github.com/loctool/loctool/project"
)

type explainOptions struct {
	io         *ioStreams
	Spelling   string
	Glossaries []string
	NoBuiltin  bool
	JSON       bool
}

func newCmdGlossaryExplain(streams *ioStreams) *cobra.Command {
	opts := &explainOptions{io: streams}
	cmd := &cobra.Command{
		Use:   "explain SPELLING",
		Short: "Say which glossary concept covers a spelling, and why",
		Long: `Say which concept of the glossary covers a spelling, matching it as check
does (whatever its case, in a case form such as Назарбаевым, or as a
variant generated from the concept's Cyrillic forms): the concept's ID
and type, the spelling's role there (preferred, accepted, forbidden or a
generated variant) and language, the file and line that give it, the
built-in concepts the concept shadows (a project concept that claims a
spelling of a built-in concept absorbs it), and, for a generated
variant, the Cyrillic form, the romanisation schemes and the folds that
make it.

The glossaries are those of config.yaml and each --glossary, over
loctool's built-in glossary (unless builtin-glossary: false or
--no-builtin); without config.yaml, the built-in glossary and the
--glossary files. Several words are one spelling.

The exit status is 0 when a concept covers the spelling, and 1 when none
does; then the glossary's nearest spellings are suggested.

--json prints an object: "spelling" (as given), "covered", "matches"
and "nearest". A match has "concept", "type", "lang", "role"
(preferred, accepted, forbidden or generated), "spelling" (the
glossary's), "inflected", "preferred" (the concept's, in lang),
"defined" (the concept's place), "given" (the place that gives the
spelling; null for a generated one), "generated" (each with "lang",
"form", "given" and "why": a "scheme" and its "folds") and "shadows"
(each with "concept", "how": absorbed, changed or yielded, "into",
"role" and "defined"). A place has "file", "builtin", "line" and
"column". A near spelling has "spelling", "concept", "lang" and
"role".`,
		Example: `  loctool glossary explain Nazarbayev
  loctool glossary explain Назарбаевым           # a case form
  loctool glossary explain Galymjan Jakiyanov     # a generated variant
  loctool glossary explain --json Jakiyanov
  loctool glossary explain --no-builtin --glossary house.tbx Akaev`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Spelling = strings.Join(args, " ")
			if strings.TrimSpace(opts.Spelling) == "" {
				return usageError(errors.New("no spelling given"), "usage: "+cmd.UseLine())
			}
			return explainRun(opts)
		},
	}
	cmd.Flags().StringArrayVar(&opts.Glossaries, "glossary", nil, "a glossary `file` to load, besides those of config.yaml (repeatable)")
	cmd.Flags().BoolVar(&opts.NoBuiltin, "no-builtin", false, "leave out loctool's built-in glossary of Central Asia")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the explanation as JSON")
	return cmd
}

func explainRun(opts *explainOptions) error {
	var g *glossary.Glossary
	var langs []language.Tag
	if inProject(opts.io) {
		p, err := openProject(opts.io, false)
		if err != nil {
			return err
		}
		p.NoBuiltinGlossary = p.NoBuiltinGlossary || opts.NoBuiltin
		useGlossaries(p, opts.Glossaries)
		if g, err = p.Glossary(); err != nil {
			return glossaryError(err)
		}
		langs = append([]language.Tag{p.Source}, p.Targets...)
	} else {
		var err error
		if g, err = project.LoadGlossary(glossaryCache(), glossary.Langs{}, !opts.NoBuiltin, givenGlossaries(opts.Glossaries)); err != nil {
			return glossaryError(err)
		}
	}
	if g == nil {
		g = glossary.New()
	}
	es := g.Explain(opts.Spelling, langs...)
	var near []glossary.Near
	if len(es) == 0 {
		near = g.Nearest(opts.Spelling, 3)
	}
	if opts.JSON {
		if err := printJSON(opts.io.out, explainJSONOf(opts.Spelling, es, near)); err != nil {
			return err
		}
	} else {
		printExplanations(opts.io.out, opts.Spelling, es)
	}
	if len(es) > 0 {
		return nil
	}
	var hints []string
	// A word typed with a look-alike letter of the other script is no
	// spelling of any concept: say so first.
	for _, m := range glossary.MixedWords(opts.Spelling) {
		hints = append(hints, fmt.Sprintf("%q mixes Latin and Cyrillic letters: %s; %s", m.Word, m.Problem(), m.Advice()))
	}
	for _, n := range near {
		hints = append(hints, fmt.Sprintf("did you mean %q? the %s %s spelling of concept %s", n.Spelling, n.Role, n.Lang, n.Concept.ID))
	}
	if g.Concepts == nil {
		hints = append(hints, "the glossary is empty: name glossaries in config.yaml or with --glossary")
	}
	return failure(fmt.Errorf("no concept of the glossary covers %q", opts.Spelling), hints...)
}

// schemeNames are the romanisation schemes as editors know them.
var schemeNames = map[string]string{
	"bgn-pcgn":      "BGN/PCGN",
	"iso9":          "ISO 9",
	"gost779b":      "GOST 7.79 B",
	"ala-lc":        "ALA-LC",
	"icao":          "ICAO",
	"wikipedia":     "Wikipedia",
	"scientific":    "scientific",
	"kk-bgn-pcgn":   "Kazakh BGN/PCGN",
	"kk-latin-2021": "Kazakh Latin 2021",
	"kk-press":      "journalistic (kk-press)",
}

// printExplanations writes the explanations for an editor: a block per
// concept spelling, a line per fact.
func printExplanations(w io.Writer, text string, es []glossary.Explanation) {
	for i, e := range es {
		if i > 0 {
			fmt.Fprintln(w)
		}
		c := e.Concept
		fmt.Fprintln(w, text)
		kind := ""
		if c.Kind != "" {
			kind = " (" + string(c.Kind) + ")"
		}
		fmt.Fprintf(w, "  concept   %s%s, %s\n", c.ID, kind, placeText(c.Pos))
		role := fmt.Sprintf("%s %s spelling", e.Role, e.Lang)
		if e.Role == glossary.Generated {
			role = fmt.Sprintf("generated %s variant", e.Lang)
		}
		if e.Inflected {
			role += fmt.Sprintf(" %q, in a case form", e.Spelling)
		} else if e.Spelling != text {
			role += fmt.Sprintf(" %q", e.Spelling)
		}
		if t := c.Terms[e.Lang]; t != nil && t.Preferred != "" && e.Role != glossary.Preferred {
			role += fmt.Sprintf("; write %q", t.Preferred)
		}
		fmt.Fprintf(w, "  role      %s\n", role)
		if e.Given != nil {
			fmt.Fprintf(w, "  given at  %s\n", placeText(e.Given.Pos))
		}
		for _, gen := range e.Generated {
			fmt.Fprintf(w, "  made      from %s %s (%s) by %s\n", gen.Lang, gen.Form, placeText(gen.Pos), whyText(gen.Why))
		}
		for _, s := range e.Shadows {
			role := "does not list it"
			if s.Role != "" {
				role = "lists it as " + s.Role
			}
			how := map[string]string{"absorbed": "absorbed", "changed": "changed by this entry, of its ID", "yielded": "part of concept " + s.Into + ", yields it"}[s.How]
			fmt.Fprintf(w, "  shadows   built-in %s, %s: %s; %s\n", s.ID, placeText(s.Pos), how, role)
		}
	}
}

// whyText says how a variant is made, the schemes that take the same
// folds together: "(BGN/PCGN, Wikipedia) + iy→y; (ISO 9, ICAO) + iy→y +
// -iev→-iyev".
func whyText(why []string) string {
	var folds []string               // in the order first given
	schemes := map[string][]string{} // folds → schemes
	for _, r := range why {
		scheme, f, _ := strings.Cut(r, " + ")
		if n, ok := schemeNames[scheme]; ok {
			scheme = n
		}
		if _, ok := schemes[f]; !ok {
			folds = append(folds, f)
		}
		schemes[f] = append(schemes[f], scheme)
	}
	var out []string
	for _, f := range folds {
		s := strings.Join(schemes[f], ", ")
		if f != "" {
			if len(schemes[f]) > 1 {
				s = "(" + s + ")"
			}
			s += " + " + f
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}

// placeText says where a glossary entry is: its file, line and column,
// or the line of the built-in glossary.
func placeText(p glossary.Pos) string {
	if p.Builtin() {
		return fmt.Sprintf("built-in glossary line %d", p.Line)
	}
	return p.String()
}

// explainJSON is the report of loctool glossary explain --json.
type explainJSON struct {
	Spelling string             `json:"spelling"`
	Covered  bool               `json:"covered"`
	Matches  []explainMatchJSON `json:"matches"`
	Nearest  []nearJSON         `json:"nearest"`
}

// placeJSON is a place in a glossary file; builtin is set for the
// built-in glossary, whose file is glossary/builtin.yaml in loctool's
// source.
type placeJSON struct {
	File    string `json:"file"`
	Builtin bool   `json:"builtin"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
}

type explainMatchJSON struct {
	Concept   string           `json:"concept"`
	Type      string           `json:"type"`
	Lang      string           `json:"lang"`
	Role      string           `json:"role"`
	Spelling  string           `json:"spelling"`
	Inflected bool             `json:"inflected"`
	Preferred string           `json:"preferred"`
	Defined   placeJSON        `json:"defined"`
	Given     *placeJSON       `json:"given"`
	Generated []generationJSON `json:"generated"`
	Shadows   []shadowJSON     `json:"shadows"`
}

type generationJSON struct {
	Lang  string    `json:"lang"`
	Form  string    `json:"form"`
	Given placeJSON `json:"given"`
	Why   []whyJSON `json:"why"`
}

type whyJSON struct {
	Scheme string   `json:"scheme"`
	Folds  []string `json:"folds"`
}

type shadowJSON struct {
	Concept string    `json:"concept"`
	How     string    `json:"how"`
	Into    string    `json:"into,omitempty"`
	Role    string    `json:"role"`
	Defined placeJSON `json:"defined"`
}

type nearJSON struct {
	Spelling string `json:"spelling"`
	Concept  string `json:"concept"`
	Lang     string `json:"lang"`
	Role     string `json:"role"`
}

func placeJSONOf(p glossary.Pos) placeJSON {
	return placeJSON{File: p.File, Builtin: p.Builtin(), Line: p.Line, Column: p.Col}
}

func explainJSONOf(text string, es []glossary.Explanation, near []glossary.Near) explainJSON {
	out := explainJSON{Spelling: text, Covered: len(es) > 0, Matches: []explainMatchJSON{}, Nearest: []nearJSON{}}
	for _, e := range es {
		m := explainMatchJSON{Concept: e.Concept.ID, Type: string(e.Concept.Kind), Lang: e.Lang.String(), Role: e.Role.String(),
			Spelling: e.Spelling, Inflected: e.Inflected, Defined: placeJSONOf(e.Concept.Pos),
			Generated: []generationJSON{}, Shadows: []shadowJSON{}}
		if t := e.Concept.Terms[e.Lang]; t != nil {
			m.Preferred = t.Preferred
		}
		if e.Given != nil {
			p := placeJSONOf(e.Given.Pos)
			m.Given = &p
		}
		for _, gen := range e.Generated {
			gj := generationJSON{Lang: gen.Lang.String(), Form: gen.Form, Given: placeJSONOf(gen.Pos), Why: []whyJSON{}}
			for _, r := range gen.Why {
				parts := strings.Split(r, " + ")
				gj.Why = append(gj.Why, whyJSON{Scheme: parts[0], Folds: append([]string{}, parts[1:]...)})
			}
			m.Generated = append(m.Generated, gj)
		}
		for _, s := range e.Shadows {
			m.Shadows = append(m.Shadows, shadowJSON{Concept: s.ID, How: s.How, Into: s.Into, Role: s.Role, Defined: placeJSONOf(s.Pos)})
		}
		out.Matches = append(out.Matches, m)
	}
	for _, n := range near {
		out.Nearest = append(out.Nearest, nearJSON{Spelling: n.Spelling, Concept: n.Concept.ID, Lang: n.Lang.String(), Role: n.Role.String()})
	}
	return out
}
