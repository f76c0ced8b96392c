package glossary

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// layered loads the built-in glossary and the files, named as given,
// through cache.
func layered(t *testing.T, cache Cache, builtin bool, files ...string) (*Glossary, error) {
	t.Helper()
	dir := t.TempDir()
	var fs []File
	for i := 0; i+1 < len(files); i += 2 {
		path := filepath.Join(dir, files[i])
		if err := os.WriteFile(path, []byte(files[i+1]), 0o644); err != nil {
			t.Fatal(err)
		}
		fs = append(fs, File{Name: files[i], Path: path})
	}
	return cache.LoadFiles(Langs{}, builtin, fs...)
}

// terms says a concept's spellings in a language, for comparing.
func terms(c *Concept, lang language.Tag) string {
	t := c.Terms[lang]
	if t == nil {
		return "(none)"
	}
	return fmt.Sprintf("%s | %s | %s", t.Preferred, strings.Join(t.Accepted, ", "), strings.Join(t.Forbidden, ", "))
}

func TestLayering(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files []string
		// want: concept ID → language → "preferred | accepted | forbidden"
		want map[string]map[language.Tag]string
		gone []string          // built-in IDs absorbed
		kept []string          // built-in IDs still there
		from map[string]string // concept ID → the built-in IDs among its layers
	}{{
		name: "absorbed: the project's preferred spelling wins, the built-in's are kept",
		files: []string{"house.yaml", `concepts:
  - id: person-nazarbaev
    en: Nazarbaev
`},
		want: map[string]map[language.Tag]string{"person-nazarbaev": {
			en: "Nazarbaev | Nazarbayev | ",
			ru: "Назарбаев |  | ",
			kk: "Назарбаев |  | ",
		}},
		gone: []string{"nazarbaev"},
		kept: []string{"nazarbaev-nursultan", "nazarbayeva"},
		from: map[string]string{"person-nazarbaev": "nazarbaev"},
	}, {
		name: "a built-in spelling the project forbids is forbidden",
		files: []string{"house.yaml", `concepts:
  - id: person-nazarbaev
    type: person
    en: {preferred: Nazarbaev, forbidden: [NAZARBAYEV]}
`},
		want: map[string]map[language.Tag]string{"person-nazarbaev": {en: "Nazarbaev |  | NAZARBAYEV"}},
		gone: []string{"nazarbaev"},
	}, {
		name: "a spelling the project prefers is not a variant; one it accepts is not forbidden",
		files: []string{"house.yaml", `concepts:
  - id: kg-bakiyev
    en: {preferred: bakiev}
  - id: qazaq
    en: {preferred: Qazaq, accepted: [Kazak]}
`},
		want: map[string]map[language.Tag]string{
			"kg-bakiyev": {en: "bakiev | Bakiyev | ", ru: "Бакиев |  | "},
			"qazaq":      {en: "Qazaq | Kazakhs, Kazakh, Kazak | ", ru: "казахский | казах, казахи | "},
		},
		gone: []string{"bakiyev", "kazakh"},
		kept: []string{"bakiyev-kurmanbek", "kazakhstan"},
	}, {
		name: "by a Russian spelling alone",
		files: []string{"house.tbx", `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<text><body>
<conceptEntry id="c-akayev">
<langSec xml:lang="ru"><termSec><term>Акаев</term></termSec></langSec>
</conceptEntry>
</body></text></tbx>
`},
		want: map[string]map[language.Tag]string{"c-akayev": {en: "Akayev | Akaev | ", ru: "Акаев |  | "}},
		gone: []string{"akayev"},
		from: map[string]string{"c-akayev": "akayev"},
	}, {
		name: "a project concept that claims spellings of two built-in concepts absorbs both",
		files: []string{"house.yaml", `concepts:
  - id: nazarbayev-n
    en: {preferred: Nursultan Nazarbaev, accepted: [Nazarbaev]}
`},
		want: map[string]map[language.Tag]string{"nazarbayev-n": {
			en: "Nursultan Nazarbaev | Nazarbaev, Nazarbayev, Nursultan Nazarbayev | ",
			ru: "Нурсултан Назарбаев | Назарбаев | ",
		}},
		gone: []string{"nazarbaev", "nazarbaev-nursultan"},
		from: map[string]string{"nazarbayev-n": "nazarbaev-nursultan nazarbaev"},
	}, {
		name: "a built-in concept two project concepts claim goes to the first; the other keeps its claim",
		files: []string{"a.yaml", `concepts:
  - id: first
    en: Nazarbaev
`, "b.yaml", `concepts:
  - id: second
    en: Nazarbayev
`},
		want: map[string]map[language.Tag]string{
			"first":  {en: "Nazarbaev |  | ", ru: "Назарбаев |  | "},
			"second": {en: "Nazarbayev |  | ", ru: "(none)"},
		},
		gone: []string{"nazarbaev"},
		from: map[string]string{"first": "nazarbaev", "second": ""},
	}, {
		name: "a built-in concept a project entry changes by its ID gives way too",
		files: []string{"house.yaml", `concepts:
  - id: nazarbaev
    note: The house's.
    ru: Назарбаев
  - id: other
    en: Nazarbayev
`},
		want: map[string]map[language.Tag]string{
			"nazarbaev": {en: " | Nazarbaev | ", ru: "Назарбаев |  | "},
			"other":     {en: "Nazarbayev |  | "},
		},
		from: map[string]string{"nazarbaev": "nazarbaev", "other": ""},
	}, {
		name: "the same ID changes the built-in concept, as before",
		files: []string{"house.yaml", `concepts:
  - id: nazarbaev
    en: Nazarbaev
`},
		want: map[string]map[language.Tag]string{"nazarbaev": {en: "Nazarbaev | Nazarbayev | "}},
		kept: []string{"nazarbaev"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := layered(t, Cache{}, true, tc.files...)
			if err != nil {
				t.Fatal(err)
			}
			for id, langs := range tc.want {
				c := g.Concept(id)
				if c == nil {
					t.Fatalf("no concept %s", id)
				}
				for lang, want := range langs {
					if got := terms(c, lang); got != want {
						t.Errorf("%s %s: %s, want %s", id, lang, got, want)
					}
				}
			}
			for _, id := range tc.gone {
				if c := g.Concept(id); c != nil || slices.ContainsFunc(g.Concepts, func(c *Concept) bool { return c.ID == id }) {
					t.Errorf("built-in %s is still there", id)
				}
			}
			for _, id := range tc.kept {
				if g.Concept(id) == nil {
					t.Errorf("built-in %s is gone", id)
				}
			}
			for id, want := range tc.from {
				var got []string
				for _, l := range g.Concept(id).Layers() {
					if l.Pos.Builtin() {
						got = append(got, l.ID)
					}
				}
				if strings.Join(got, " ") != want {
					t.Errorf("%s is made over built-in %q, want %q", id, got, want)
				}
			}
		})
	}
}

// Absorbed spellings inflect and are matched as the project concept's;
// a variant the built-in concept's forms make is the project concept's;
// and a spelling a project concept lists is never a variant of another.
func TestLayeringMatches(t *testing.T) {
	g, err := layered(t, Cache{}, true, "house.yaml", `concepts:
  - id: person-nazarbaev
    en: {preferred: Nazarbaev, forbidden: [Nazarbayev]}
  - id: someone-else
    en: Bakyev
`)
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(g, en, ru)
	for _, tc := range []struct {
		text, concept string
		role          Role
	}{
		{"Nazarbayev", "person-nazarbaev", Forbidden},
		{"Nazarbaev", "person-nazarbaev", Preferred},
		{"Назарбаевым", "person-nazarbaev", Preferred},
		{"Bakyev", "someone-else", Preferred}, // the built-in bakiyev makes it, and the project lists it
		{"Bakiev", "bakiyev", Accepted},       // not absorbed: Bakyev is no spelling the built-in lists
		{"Nursultan Nazarbayev", "nazarbaev-nursultan", Preferred},
	} {
		ms := m.Find(tc.text)
		if len(ms) != 1 || ms[0].Concept.ID != tc.concept || ms[0].Role != tc.role {
			t.Errorf("%s: %+v, want concept %s, %s", tc.text, ms, tc.concept, tc.role)
		}
	}
	// Nor is the listed spelling of one concept another's variant where
	// every match is wanted.
	if ms := m.FindAll("Bakyev"); len(ms) != 1 || ms[0].Concept.ID != "someone-else" {
		t.Errorf("Bakyev: %+v", ms)
	}
}

// Conflicts in the project's own files stay errors.
func TestLayeringConflicts(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files []string
		want  string
	}{{
		name: "two project concepts in one file",
		files: []string{"house.yaml", `concepts:
  - id: a
    en: Nazarbaev
  - id: b
    en: {preferred: Nazarbaiev, accepted: [nazarbaev]}
`},
		want: `house.yaml:4:5: en spelling "nazarbaev" is claimed by concepts a (preferred, at house.yaml:2:5) and b (accepted)`,
	}, {
		name: "a project file against another",
		files: []string{"house.yaml", `concepts:
  - id: a
    en: Akaev
`, "house.csv", "id,en\nb,Akaev\n"},
		want: `house.csv:2:1: en spelling "Akaev" is claimed by concepts a (preferred, at house.yaml:2:5) and b (preferred)`,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			for _, builtin := range []bool{true, false} {
				_, err := layered(t, Cache{}, builtin, tc.files...)
				var ge *Error
				if !errors.Is(err, ErrConflict) || !errors.As(err, &ge) || err.Error() != tc.want {
					t.Fatalf("builtin %t: %v, want %s", builtin, err, tc.want)
				}
				if ge.Builtin {
					t.Errorf("the built-in glossary is said to have a part in %v", err)
				}
			}
		})
	}
	// Check itself says when the built-in glossary has a part in a
	// conflict: a glossary made without layering.
	g := New()
	b := &Concept{ID: "b", Pos: Pos{File: BuiltinName, Line: 3}, Terms: map[language.Tag]*Terms{en: {Preferred: "Akayev"}}}
	p := &Concept{ID: "p", Pos: Pos{File: "house.yaml", Line: 2}, Terms: map[language.Tag]*Terms{en: {Preferred: "Akayev"}}}
	g.Add([]*Concept{b, p})
	var ge *Error
	if err := g.Check(); !errors.As(err, &ge) || !ge.Builtin || !strings.Contains(err.Error(), "concept b has it from the built-in glossary") {
		t.Errorf("unlayered: %v", err)
	}
	g.layer()
	if err := g.Check(); err != nil || g.Concept("b") != nil {
		t.Errorf("layered: %v", err)
	}
}

// explained says an explanation in one line, for comparing.
func explained(es []Explanation) string {
	var b strings.Builder
	for _, e := range es {
		fmt.Fprintf(&b, "%s %s %s %q inflected=%t", e.Concept.ID, e.Lang, e.Role, e.Spelling, e.Inflected)
		if e.Given != nil {
			fmt.Fprintf(&b, " given=%s", e.Given.Pos)
		}
		for _, s := range e.Shadows {
			fmt.Fprintf(&b, " shadows=%s@%d:%s:%s:%s", s.ID, s.Pos.Line, s.How, s.Into, s.Role)
		}
		for _, gen := range e.Generated {
			fmt.Fprintf(&b, " made=%s:%s@%s:%s", gen.Lang, gen.Form, gen.Pos, strings.Join(gen.Why, ";"))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestExplain(t *testing.T) {
	house := `concepts:
  - id: person-nazarbaev
    type: person
    en: {preferred: Nazarbaev, forbidden: [Nazarbayev]}
    ru: Назарбаев
  - id: second
    en: Nazarbaiev
`
	line := func(id string) int { // the built-in concept's line
		for _, c := range Builtin() {
			if c.ID == id {
				return c.Pos.Line
			}
		}
		t.Fatalf("no built-in %s", id)
		return 0
	}
	naz := line("nazarbaev")
	for _, tc := range []struct{ text, want string }{
		{"Nazarbaev", fmt.Sprintf("person-nazarbaev en preferred \"Nazarbaev\" inflected=false given=house.yaml:2:5 shadows=nazarbaev@%d:absorbed::accepted\n", naz)},
		{"NAZARBAYEV", fmt.Sprintf("person-nazarbaev en forbidden \"Nazarbayev\" inflected=false given=house.yaml:2:5 shadows=nazarbaev@%d:absorbed::preferred\n", naz)},
		{"Nazarbayev’s", fmt.Sprintf("person-nazarbaev en forbidden \"Nazarbayev\" inflected=false given=house.yaml:2:5 shadows=nazarbaev@%d:absorbed::preferred\n", naz)},
		// Given by the project in Russian, by the built-in glossary in Kazakh.
		// A Russian case ending: the Kazakh spelling, though the same
		// letters, takes Kazakh suffixes only.
		{"Назарбаевым", fmt.Sprintf("person-nazarbaev ru preferred \"Назарбаев\" inflected=true given=house.yaml:2:5 shadows=nazarbaev@%d:absorbed::preferred\n", naz)},
		{"Galymjan Jakiyanov", fmt.Sprintf("zhakiyanov-galymzhan en generated \"Galymjan Jakiyanov\" inflected=false made=kk:Ғалымжан Жақиянов@(built-in glossary):%[1]d:5:kk-press + zh→j made=ru:Галымжан Жакиянов@(built-in glossary):%[1]d:5:bgn-pcgn + zh→j;wikipedia + zh→j\n", line("zhakiyanov-galymzhan"))},
		{"Nazarbaiev", ""},
		{"Nazarbaiev Nazarbaev", ""},
		{"", ""},
		{"…", ""},
	} {
		g, err := layered(t, Cache{}, true, "house.yaml", house)
		if err != nil {
			t.Fatal(err)
		}
		got := explained(g.Explain(tc.text))
		if tc.text == "Nazarbaiev" {
			tc.want = "second en preferred \"Nazarbaiev\" inflected=false given=house.yaml:6:5\n"
		}
		if got != tc.want {
			t.Errorf("%q:\n%s\nwant:\n%s", tc.text, got, tc.want)
		}
	}
}

// A spelling that went to another project concept than the one that
// absorbed its built-in concept says so.
func TestExplainYielded(t *testing.T) {
	g, err := layered(t, Cache{}, true, "a.yaml", "concepts:\n  - id: first\n    en: Nazarbaev\n", "b.yaml", "concepts:\n  - id: second\n    en: Nazarbayev\n")
	if err != nil {
		t.Fatal(err)
	}
	got := explained(g.Explain("Nazarbayev"))
	if want := "second en preferred \"Nazarbayev\" inflected=false given=b.yaml:2:5 shadows=nazarbaev@"; !strings.HasPrefix(got, want) || !strings.HasSuffix(got, ":yielded:first:preferred\n") {
		t.Errorf("got %s", got)
	}
}

func TestNearest(t *testing.T) {
	g, err := layered(t, Cache{}, true, "house.yaml", "concepts:\n  - id: person-nazarbaev\n    en: Nazarbaev\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		{"Nazarbajev", "Nazarbaev"},    // a few letters away
		{"Nasarbaev", "Nazarbaev"},     // a letter away
		{"Jakiyanov", "Zhakiyanov"},    // one skeleton
		{"Назарбаеф", "Назарбаев"},     // Cyrillic
		{"Quux Corporation", "(none)"}, // nothing near
		{"…", "(none)"},                // no letters
		{"Xy", "(none)"},               // every letter different
		{strings.Repeat("Nazarbaev", 2000), "(none)"},
	} {
		near := g.Nearest(tc.text, 3)
		got := "(none)"
		if len(near) > 0 {
			got = near[0].Spelling
		}
		if got != tc.want {
			t.Errorf("%s: nearest %v, want %s", tc.text, near, tc.want)
		}
	}
}

// Explain says the same of a glossary loaded from its files and from the
// cache.
func TestExplainCached(t *testing.T) {
	dir := t.TempDir()
	big := bigGlossary(t, dir, 2000)
	house := filepath.Join(dir, "house.yaml")
	if err := os.WriteFile(house, []byte("concepts:\n  - id: person-nazarbaev\n    en: {preferred: Nazarbaev, forbidden: [Nazarbayev]}\n  - id: kg-bakiyev\n    en: Bakiev\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cache := Cache{Dir: filepath.Join(dir, "cache"), Program: "test"}
	texts := []string{"Nazarbayev", "Nazarbaev", "Bakyev", "Назарбаевым", "Zhakiyanovbv", "Jakiyanovbv", "Kazakstan"}
	var cold []string
	for run := range 2 {
		g, err := cache.Load(Langs{}, true, big, house)
		if err != nil {
			t.Fatal(err)
		}
		if run == 1 {
			// The entry itself.
			if g = cache.get(cache.key(Langs{}, true, named([]string{big, house}), [][]byte{mustRead(t, big), mustRead(t, house)})); g == nil {
				t.Fatal("nothing kept")
			}
		}
		for i, text := range texts {
			got := explained(g.Explain(text))
			if got == "" {
				t.Errorf("%s: not explained", text)
			}
			if run == 0 {
				cold = append(cold, got)
			} else if got != cold[i] {
				t.Errorf("%s from the cache:\n%s\nwant:\n%s", text, got, cold[i])
			}
		}
	}
	if entries, _ := filepath.Glob(filepath.Join(cache.Dir, "glossary-*.gob")); len(entries) != 1 {
		t.Errorf("entries %v", entries)
	}
}

// Every built-in concept is absorbed by a project concept that claims
// one of its spellings, in any role and case, with no conflict: the
// project concepts take the whole built-in glossary over.
func TestLayeringEveryBuiltin(t *testing.T) {
	for _, role := range []string{"preferred", "accepted", "forbidden"} {
		t.Run(role, func(t *testing.T) {
			var b strings.Builder
			b.WriteString("concepts:\n")
			builtin := Builtin()
			for i, c := range builtin {
				lang := sortedTags(c.Terms)[i%len(c.Terms)]
				s := c.Terms[lang].roles()[i%len(c.Terms[lang].roles())].spelling
				if i%2 == 1 {
					s = strings.ToUpper(s)
				}
				// Each project concept has a preferred spelling of its own
				// in another language.
				v := fmt.Sprintf("[%q]", s)
				if role == "preferred" {
					v = fmt.Sprintf("%q", s)
				}
				fmt.Fprintf(&b, "  - id: p-%s\n    type: %s\n    %s: {%s: %s}\n    de: {preferred: %q}\n", c.ID, c.Kind, lang, role, v, "Eigen "+c.ID)
			}
			g, err := layered(t, Cache{}, true, "house.yaml", b.String())
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Concepts) != len(builtin) {
				t.Errorf("%d concepts, want %d", len(g.Concepts), len(builtin))
			}
			m := NewMatcher(g, en, ru, kk)
			for _, c := range builtin {
				if g.Concept(c.ID) != nil {
					t.Errorf("%s is not absorbed", c.ID)
				}
				p := g.Concept("p-" + c.ID)
				if p == nil || len(p.Layers()) != 2 || !p.Layers()[0].Absorbed {
					t.Fatalf("p-%s: %+v", c.ID, p)
				}
				for lang, ts := range c.Terms {
					for _, r := range ts.roles() {
						// A spelling the project wrote in capitals is found
						// in capitals: a capitalised spelling matches only
						// capitalised words.
						text := r.spelling
						if !slices.Contains(spellingsOf(p.Terms[lang]), text) {
							text = strings.ToUpper(text)
						}
						if ms := m.Find(text); len(ms) == 0 || ms[0].Concept != p {
							t.Errorf("%s %q is found as %+v", lang, text, ms)
						}
					}
				}
			}
		})
	}
}

// spellingsOf lists the spellings of a language's terms.
func spellingsOf(t *Terms) []string {
	var out []string
	for _, r := range t.roles() {
		out = append(out, r.spelling)
	}
	return out
}
