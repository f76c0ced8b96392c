package glossary

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

var (
	en = language.English
	ru = language.Russian
	kk = language.Kazakh
)

func TestLoad(t *testing.T) {
	g, err := Load("testdata/sample.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Concepts) != 3 {
		t.Fatalf("%d concepts, want 3", len(g.Concepts))
	}
	c := g.Concept("zhakiyanov-galymzhan")
	if c == nil {
		t.Fatal("no concept zhakiyanov-galymzhan")
	}
	if c.Kind != Person || !strings.HasPrefix(c.Note, "Former akim") {
		t.Errorf("kind %q, note %q", c.Kind, c.Note)
	}
	if got := c.Source[kk]; !slices.Equal(got, []string{"Ғалымжан Жақиянов"}) {
		t.Errorf("kk source %q", got)
	}
	if got := c.Terms[en]; got.Preferred != "Galymzhan Zhakiyanov" || !slices.Equal(got.Forbidden, []string{"Galymjan Jakiyanov"}) {
		t.Errorf("en terms %+v", got)
	}
	if got := c.Terms[ru]; got.Preferred != "Галымжан Жакиянов" {
		t.Errorf("ru terms %+v", got)
	}
	if c.Pos.File != "testdata/sample.yaml" || c.Pos.Line != 3 {
		t.Errorf("pos %v", c.Pos)
	}
	k := g.Concept("kazakh")
	if got := k.Source[ru]; !slices.Equal(got, []string{"казахский", "казах"}) {
		t.Errorf("a list of sources: %q", got)
	}
	if got := k.Terms[en].Forbidden; !slices.Equal(got, []string{"Kazak"}) {
		t.Errorf("a single forbidden spelling: %q", got)
	}
}

// A later file is the house style: it changes the preferred spelling,
// and what it accepts or forbids wins.
func TestLoadOverride(t *testing.T) {
	g, err := Load("testdata/sample.yaml", "testdata/house.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Concepts) != 4 {
		t.Errorf("%d concepts, want 4", len(g.Concepts))
	}
	k := g.Concept("kazakh").Terms[en]
	if k.Preferred != "Kazak" {
		t.Errorf("preferred %q, want the house style's", k.Preferred)
	}
	if !slices.Equal(k.Accepted, []string{"Kazakh"}) {
		t.Errorf("accepted %q, want the old preferred spelling", k.Accepted)
	}
	if !slices.Equal(k.Forbidden, []string{"Qazaq"}) {
		t.Errorf("forbidden %q, want the house style's, and not its own preferred spelling", k.Forbidden)
	}
	if g.Concept("kazakh").Kind != Term || len(g.Concept("kazakh").Source[ru]) != 2 {
		t.Errorf("what the later file does not say is kept: %+v", g.Concept("kazakh"))
	}
	if g.Concept("kazakh").Pos.File != "testdata/house.yaml" {
		t.Errorf("pos %v, want the file that changed it last", g.Concept("kazakh").Pos)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, yaml string
		kind       error
		want       string // the message, with its place
	}{
		{"syntax", "concepts:\n  - id: a\n    en: [x\n", ErrSyntax, "g.yaml:3:9: the list this [ opens is not closed: the file ends before its ]"},
		{"syntax on line 7", "concepts:\n  - id: a\n    en: A\n  - id: b\n    en: B\n  - id: c\n    en: \"Қ\n", ErrSyntax, `g.yaml:7:9: the text this " opens is not closed`},
		{"concepts twice", "concepts:\n  - id: a\n    en: A\nconcepts:\n  - id: b\n    en: B\n", ErrSyntax, `g.yaml:4:1: "concepts" is given twice in one map: first at line 1`},
		{"a key twice", "concepts:\n  - id: a\n    en: A\n    id: b\n", ErrSyntax, `g.yaml:4:5: "id" is given twice in one map: first at line 2`},
		{"not a map", "- a\n", ErrInvalid, "g.yaml:1:1: a glossary is a map with a list of concepts"},
		{"unknown top", "concept:\n  - id: a\n", ErrInvalid, `g.yaml:1:1: unknown setting "concept"`},
		{"concepts not a list", "concepts: {id: a}\n", ErrInvalid, "g.yaml:1:11: concepts is not a list"},
		{"no id", "concepts:\n  - en: Almaty\n", ErrInvalid, "g.yaml:2:5: a concept has no id"},
		{"bad id", "concepts:\n  - id: Almaty City\n    en: Almaty\n", ErrInvalid, `g.yaml:2:9: id "Almaty City" has characters IDs do not take`},
		{"bad type", "concepts:\n  - id: a\n    type: city\n    en: Almaty\n", ErrInvalid, `g.yaml:3:11: unknown type "city"`},
		{"unknown key", "concepts:\n  - id: a\n    spelling: Almaty\n", ErrInvalid, `g.yaml:3:5: unknown setting "spelling"`},
		{"no spelling", "concepts:\n  - id: a\n    type: place\n", ErrInvalid, "g.yaml:2:5: concept a has no spelling"},
		{"language twice", "concepts:\n  - id: a\n    en: Almaty\n    EN: Alma-Ata\n", ErrInvalid, "g.yaml:4:5: language en is given twice"},
		{"unknown language key", "concepts:\n  - id: a\n    en: {preferred: Almaty, wrong: [Alma Ata]}\n", ErrInvalid, `g.yaml:3:29: en: unknown setting "wrong"`},
		{"empty spelling", "concepts:\n  - id: a\n    en: {preferred: Almaty, accepted: ['  ']}\n", ErrInvalid, "g.yaml:3:40: en accepted: an empty spelling"},
		{"source not a map", "concepts:\n  - id: a\n    source: Алматы\n    en: Almaty\n", ErrInvalid, "g.yaml:3:13: source is not a map of languages to Cyrillic forms"},
		{"defined twice", "concepts:\n  - id: a\n    en: Almaty\n  - id: a\n    en: Alma-Ata\n", ErrInvalid, "g.yaml:4:5: concept a is defined twice in this file, first at line 2"},
		{"feminine", "concepts:\n  - id: ablyazov\n    type: person\n    en: {preferred: Mukhtar Ablyazov, accepted: [Mukhtar Ablyazova]}\n", ErrFeminine,
			`g.yaml:4:9: en "Mukhtar Ablyazova" is the feminine form of "Mukhtar Ablyazov": a woman with the surname is a concept of her own`},
		{"feminine in Cyrillic", "concepts:\n  - id: ablyazov\n    ru: {preferred: Аблязов, forbidden: [Аблязова]}\n", ErrFeminine, `g.yaml:3:9: ru "Аблязова" is the feminine form of "Аблязов"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseYAML([]byte(tt.yaml), "g.yaml")
			if !errors.Is(err, tt.kind) {
				t.Fatalf("error %v, want %v", err, tt.kind)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error\n%s\nwant\n%s", err, tt.want)
			}
		})
	}
}

// Places and organisations ending in -ov or -in are not surnames.
func TestFeminineOnlyForPeople(t *testing.T) {
	_, err := ParseYAML([]byte("concepts:\n  - id: a\n    type: place\n    en: {preferred: Lermontov, accepted: [Lermontova]}\n"), "g.yaml")
	if err != nil {
		t.Error(err)
	}
}

func TestConflicts(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want string
	}{
		{"two concepts", "concepts:\n  - id: kazakh\n    en: Kazakh\n  - id: kazak-people\n    en: {preferred: Kazakhs, forbidden: [kazakh]}\n",
			`g.yaml:4:5: en spelling "kazakh" is claimed by concepts kazakh (preferred, at g.yaml:2:5) and kazak-people (forbidden)`},
		{"one concept twice", "concepts:\n  - id: almaty\n    en: {preferred: Almaty, accepted: [Alma-Ata], forbidden: [ALMA-ATA]}\n",
			`g.yaml:2:5: concept almaty: "ALMA-ATA" is both its accepted and its forbidden en spelling`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			concepts, err := ParseYAML([]byte(tt.yaml), "g.yaml")
			if err != nil {
				t.Fatal(err)
			}
			g := New()
			g.Add(concepts)
			err = g.Check()
			if !errors.Is(err, ErrConflict) || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error\n%v\nwant\n%s", err, tt.want)
			}
		})
	}
}

func TestLoadReportsEveryFile(t *testing.T) {
	_, err := Load("testdata/missing.yaml", "testdata/sample.yaml")
	if err == nil || !strings.Contains(err.Error(), "testdata/missing.yaml: cannot read the glossary: no such file or directory") {
		t.Errorf("error %v", err)
	}
}

func TestFeminine(t *testing.T) {
	for _, tt := range []struct {
		m, f string
		want bool
	}{
		{"Ablyazov", "Ablyazova", true},
		{"Nursultan Nazarbayev", "Sara Nazarbayeva", true},
		{"Ilyin", "Ilyina", true},
		{"Жакиянов", "Жакиянова", true},
		{"Ablyazov", "Ablyazov", false},
		{"Almaty", "Almatya", false},
		{"Ivanov", "Ivanovka", false},
	} {
		if got := feminine(tt.m, tt.f); got != tt.want {
			t.Errorf("feminine(%q, %q) = %v", tt.m, tt.f, got)
		}
	}
}

// The README's example glossary is a glossary.
func TestREADMEExample(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(data), "## The glossary")
	_, rest, ok2 := strings.Cut(rest, "```yaml\n")
	example, _, ok3 := strings.Cut(rest, "```")
	if !ok || !ok2 || !ok3 {
		t.Fatal("no YAML example under ## The glossary in the README")
	}
	concepts, err := ParseYAML([]byte(example), "README.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(concepts) != 2 || concepts[0].Terms[en].Forbidden[0] != "Galymjan Jakiyanov" {
		t.Errorf("concepts %+v", concepts)
	}
}

func TestSpelling(t *testing.T) {
	for in, want := range map[string]string{
		"Zhakiyanov":                "Zhakiyanov",
		" Galymzhan  Zhakiyanov ":   "Galymzhan Zhakiyanov",
		"Galymzhan\tZhakiyanov":     "Galymzhan Zhakiyanov",
		"Galymzhan\u00a0Zhakiyanov": "Galymzhan Zhakiyanov",
		"Маи\u0306ор":               "Майор",
		"":                          "",
		" ":                         "",
	} {
		if got := spelling(in); got != want {
			t.Errorf("spelling(%q) = %q, want %q", in, got, want)
		}
	}
}

// Settings that say nothing are errors, not empty spellings.
func TestEmptySettings(t *testing.T) {
	for _, tt := range []struct{ yaml, want string }{
		{"concepts:\n  - id: a\n    en:\n", "g.yaml:3:8: en has no spelling"},
		{"concepts:\n  - id: a\n    en: {}\n", "g.yaml:3:9: en has no spelling"},
		{"concepts:\n  - id: a\n    en: A\n    source: {ru: }\n", "g.yaml:4:18: source ru has no form"},
	} {
		_, err := ParseYAML([]byte(tt.yaml), "g.yaml")
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q: %v, want %s", tt.yaml, err, tt.want)
		}
	}
}
