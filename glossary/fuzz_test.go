package glossary

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// fuzzLangs are the languages the fuzz targets write glossaries in.
var fuzzLangs = []language.Tag{language.English, language.Russian, language.Kazakh}

// fuzzGlossary checks what a parser read: the concepts load into a
// glossary or are refused with an error, a matcher finds their
// spellings, and written as YAML they read back the same.
// fuzzImported checks that a termbase or table another tool made loads
// whatever spellings its concepts share: they are warnings, not errors.
func fuzzImported(t *testing.T, concepts []*Concept) {
	g := New()
	g.Add(concepts)
	if err := g.Check(); err != nil {
		t.Fatalf("an imported file's concepts conflict: %v", err)
	}
}

func fuzzGlossary(t *testing.T, concepts []*Concept) {
	g := New()
	g.Add(concepts)
	if g.Check() != nil {
		return
	}
	m := NewMatcher(g, fuzzLangs...)
	for _, c := range g.Concepts {
		for _, lang := range fuzzLangs {
			if t := c.Terms[lang]; t != nil && t.Preferred != "" {
				checkMatches(t.Preferred, m.Find(t.Preferred))
				checkMatches(t.Preferred, m.FindAll(t.Preferred))
			}
		}
	}
	var b bytes.Buffer
	if err := WriteYAML(&b, g.Concepts, fuzzLangs); err != nil {
		t.Fatalf("the glossary cannot be written: %v", err)
	}
	back, err := ParseYAML(b.Bytes(), "again.yaml")
	if err != nil {
		t.Fatalf("what was written cannot be read: %v\n%s", err, b.String())
	}
	again := New()
	again.Add(back)
	if got, want := contentOf(again), contentOf(g); got != want {
		t.Fatalf("written and read again:\n%s\nwant:\n%s\nYAML:\n%s", got, want, b.String())
	}
}

// checkMatches panics on matches out of the text or out of order.
func checkMatches(text string, ms []Match) {
	for _, m := range ms {
		if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
			panic("match out of the text")
		}
	}
}

func FuzzParseYAML(f *testing.F) {
	for _, p := range []string{"../glossary.yaml", "builtin.yaml"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(matchGlossary))
	f.Add([]byte("concepts:\n  - id: a\n    en: {preferred: A, accepted: [B], forbidden: [C]}\n    ru: А\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		concepts, err := ParseYAML(data, "fuzz.yaml")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.yaml") {
				t.Fatalf("an error that does not name the file: %v", err)
			}
			return
		}
		fuzzGlossary(t, concepts)
	})
}

func FuzzParseTBX(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.tbx")
	for _, p := range seeds {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(tbx2))
	f.Add([]byte(tbx3))
	f.Add([]byte("<?xml version=\"1.0\" encoding=\"windows-1254\"?>\n<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\">\n<martif><text><body>" +
		"<termEntry id=\"a\"><langSet xml:lang=\"tr\"><tig><term>\xdd\xfd</term><termNote type=\"administrativeStatus\">odd</termNote></tig></langSet></termEntry>" +
		"<termEntry id=\"b\"><langSet xml:lang=\"tr\"><tig><term>\xdd\xfd</term></tig><tig><term>x</term></tig></langSet></termEntry></body></text></martif>"))
	// Elements out of their places: a concept in a concept or in a
	// language, a language outside a concept or in another, a term's
	// section outside a language or in another, a term outside a section,
	// in a term, or second in a section, and levels left empty.
	for _, entries := range []string{
		`<termEntry id="a"><langSet xml:lang="en"><tig><term>A</term></tig><termEntry id="b"><langSet xml:lang="en"><tig><term>B</term></tig></langSet></termEntry></langSet></termEntry>`,
		`<termEntry id="a"><termEntry id="b"><langSet xml:lang="ru"><tig><term>Б</term></tig></langSet></termEntry></termEntry>`,
		`<langSet xml:lang="en"><tig><term>A</term></tig></langSet>`,
		`<termEntry><langSet xml:lang="en"><langSet xml:lang="ru"><tig><term>А</term></tig></langSet></langSet></termEntry>`,
		`<termEntry><langSet xml:lang="en"><tig><term>A</term></tig></langSet></termEntry><tig><term>B</term></tig>`,
		`<termEntry><ntig><termGrp><term>B</term></termGrp></ntig></termEntry>`,
		`<termEntry><langSet xml:lang="en"><tig><tig><term>A</term></tig></tig></langSet></termEntry>`,
		`<termEntry><term>A</term></termEntry>`,
		`<termEntry><langSet xml:lang="en"><term>A</term></langSet></termEntry>`,
		`<termEntry><langSet xml:lang="en"><tig><term>A</term><term>B</term></tig></langSet></termEntry>`,
		`<termEntry><langSet xml:lang="en"><tig><term>A<term>B</term></term></tig></langSet></termEntry>`,
		`<termEntry><langSet xml:lang="en"><tig><termNote type="administrativeStatus">preferredTerm</termNote></tig></langSet></termEntry>`,
		`<termEntry id="a"><langSet xml:lang="en"/></termEntry>`,
		`<termEntry id="a"><descrip type="definition">x</descrip></termEntry>`,
		`<termEntry id="a"><langSet xml:lang="en"><ntig><termGrp><term>A</term></termGrp></ntig></langSet><langSet xml:lang="ru"><tig><term/></tig></langSet></termEntry>`,
	} {
		f.Add([]byte("<martif><text><body>" + entries + "</body></text></martif>"))
	}
	f.Add([]byte(`<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry><langSec xml:lang="en"><term>A</term><termSec><termSec><term>B</term></termSec></termSec></langSec></conceptEntry><langSec xml:lang="ru"/></body></text></tbx>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		concepts, warns, err := ParseTBX(data, "fuzz.tbx")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.tbx:") {
				t.Fatalf("an error that does not name its place: %v", err)
			}
			return
		}
		for _, w := range warns {
			if !strings.HasPrefix(w.String(), "fuzz.tbx:") || w.Line == 0 {
				t.Fatalf("a warning that does not name its place: %v", w)
			}
		}
		fuzzImported(t, concepts)
		fuzzGlossary(t, concepts)
	})
}

func FuzzParseCSV(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.[ct]sv")
	for _, p := range seeds {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data, strings.HasSuffix(p, ".tsv"))
		}
	}
	f.Add([]byte("en,ru,note\nZhakiyanov,Жакиянов,a name\n"), false)
	f.Add([]byte("Zhakiyanov\tЖакиянов\tperson\n"), true)
	f.Add([]byte("Term:English,Status:English,Term:Russian,Concept Definition\nKazak,not recommended,Казак,old\nKazakh,,Казак,\n"), false)
	f.Add([]byte("location,source,target,fuzzy,developer_comments\n,Almaty,Алматы,True,city\n,Almaty,Алма-Ата,,\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, tab bool) {
		comma := ','
		if tab {
			comma = '\t'
		}
		concepts, warns, err := ParseCSV(data, "fuzz.csv", comma, Langs{Source: language.English, Target: language.Russian})
		if err != nil {
			return
		}
		for _, w := range warns {
			if w.Line == 0 {
				t.Fatalf("a warning that does not name its line: %v", w)
			}
		}
		fuzzImported(t, concepts)
		fuzzGlossary(t, concepts)
	})
}

// FuzzCacheEntry reads whatever a cache file may hold: a broken entry is
// passed by, never a panic.
func FuzzCacheEntry(f *testing.F) {
	dir := f.TempDir()
	c := Cache{Dir: dir, Program: "fuzz"}
	g := New()
	concepts, err := ParseYAML([]byte(matchGlossary), "g.yaml")
	if err != nil {
		f.Fatal(err)
	}
	g.Add(concepts)
	g.Generate()
	c.put(strings.Repeat("0", 64), g)
	entries, _ := filepath.Glob(filepath.Join(dir, "glossary-*.gob"))
	for _, e := range entries {
		if data, err := os.ReadFile(e); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		key := strings.Repeat("1", 64)
		if err := os.WriteFile(c.path(key), data, 0o644); err != nil {
			t.Fatal(err)
		}
		if g := c.get(key); g != nil {
			NewMatcher(g, fuzzLangs...).Find("Galymjan Jakiyanov, Жакиянова")
		}
	})
}

// FuzzFind finds the sample glossary's spellings in any text: matches
// are in the text, in order, and do not overlap.
func FuzzFind(f *testing.F) {
	concepts, err := ParseYAML([]byte(matchGlossary), "g.yaml")
	if err != nil {
		f.Fatal(err)
	}
	g := New()
	g.Add(concepts)
	m := NewMatcher(g, fuzzLangs...)
	for _, s := range []string{"Galymjan Jakiyanov met Nazarbayev’s men in Astana.", "с Галымжаном Жакияновым в Астане", "Назарбаевтың жарлығы", "KAZAK"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		end := 0
		for _, x := range m.Find(text) {
			if x.Start < end || x.End > len(text) || x.Start >= x.End {
				t.Fatalf("match %d-%d after %d in %q", x.Start, x.End, end, text)
			}
			end = x.End
		}
		checkMatches(text, m.FindAll(text))
	})
}

// contentOf is what a glossary says, without where it was said.
func contentOf(g *Glossary) string {
	var b strings.Builder
	for _, c := range g.Concepts {
		fmt.Fprintf(&b, "%s %s %q\n", c.ID, c.Kind, c.Note)
		for _, lang := range sortedTags(c.Terms) {
			fmt.Fprintf(&b, "  %s %+v\n", lang, *c.Terms[lang])
		}
		for _, lang := range sortedTags(c.Source) {
			fmt.Fprintf(&b, "  %s %v\n", lang, c.Source[lang])
		}
	}
	return b.String()
}

// FuzzLayer lays a project glossary over the built-in one: a glossary
// that loads alone loads over the built-in one too, with each of its
// concepts, whose preferred spellings Explain finds (those of the first
// few).
func FuzzLayer(f *testing.F) {
	if data, err := os.ReadFile("../glossary.yaml"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("concepts:\n  - id: p\n    en: {preferred: Nazarbaev, forbidden: [Nazarbayev]}\n  - id: q\n    en: Akayev\n    ru: Бакиев\n"))
	f.Add([]byte("concepts:\n  - id: nazarbaev\n    ru: Назарбаев\n  - id: x\n    en: {accepted: [Nursultan Nazarbayev, Kazakh]}\n"))
	// The built-in glossary, parsed and its variants made once: each run
	// takes a copy.
	builtin := New()
	builtin.Add(Builtin())
	builtin.Generate()
	f.Fuzz(func(t *testing.T, data []byte) {
		concepts, err := ParseYAML(data, "fuzz.yaml")
		if err != nil {
			return
		}
		alone := New()
		alone.Add(concepts)
		if alone.Check() != nil {
			return
		}
		concepts, _ = ParseYAML(data, "fuzz.yaml")
		g := New()
		for _, b := range builtin.Concepts {
			l := b.layer()
			g.Add([]*Concept{{ID: b.ID, Kind: b.Kind, Note: b.Note, Pos: b.Pos, Source: l.Source, Terms: l.Terms, generated: b.generated, hasGen: true}})
		}
		g.Add(concepts)
		g.layer()
		if err := g.Check(); err != nil {
			t.Fatalf("the built-in glossary makes a conflict: %v", err)
		}
		g.Generate() // once, as a loaded glossary has it, not for each Explain
		for i, c := range alone.Concepts {
			if g.Concept(c.ID) == nil {
				t.Fatalf("concept %s is lost", c.ID)
			}
			if i >= 8 {
				continue // enough to explain, for the fuzzer's pace
			}
			for lang, ts := range c.Terms {
				if ts.Preferred == "" || len(words(ts.Preferred)) == 0 || roleIn(g.Concept(c.ID).Terms, lang, key(ts.Preferred)) != "preferred" {
					continue
				}
				found := false
				for _, e := range g.Explain(ts.Preferred, lang) {
					found = found || e.Concept.ID == c.ID
				}
				if !found {
					t.Fatalf("%s %q of %s is not explained", lang, ts.Preferred, c.ID)
				}
			}
		}
	})
}

// FuzzInflect finds a Russian and Kazakh spelling of any make, of a
// person and of a concept of no kind, in any text: the forms of its
// words are made without failing, and every match is of whole words of
// the text, the spelling's own words when it matches them exactly.
func FuzzInflect(f *testing.F) {
	for _, s := range [][2]string{
		{"Чёрное море", "у Чёрного моря"}, {"Касым-Жомарт Токаев", "Касым-Жомарта Токаева"},
		{"Жамбыл облысы", "Жамбыл облысында"}, {"Алматы", "Алматыда, Алматинская"},
		{"Назарбаева", "Назарбаевой"}, {"ҰҚК", "ҰҚК-ның"}, {"я", "я"}, {"-ё-", "ё"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, spelling, text string) {
		if !utf8.ValidString(spelling) || strings.TrimSpace(spelling) == "" {
			return
		}
		g := New()
		g.Add([]*Concept{
			{ID: "a", Kind: Person, Terms: map[language.Tag]*Terms{language.Russian: {Preferred: spelling}, language.Kazakh: {Preferred: spelling}}},
			{ID: "b", Terms: map[language.Tag]*Terms{language.Russian: {Preferred: spelling + " " + spelling}}},
		})
		m := NewMatcher(g, language.Russian, language.Kazakh)
		for _, x := range m.Find(text) {
			if x.Start < 0 || x.End > len(text) || x.Start >= x.End {
				t.Fatalf("match %d-%d of %q in %q", x.Start, x.End, spelling, text)
			}
		}
		checkMatches(text, m.FindAll(text))
		if ms := m.FindAll(spelling); strings.ContainsFunc(spelling, unicode.IsLetter) && !slices.ContainsFunc(ms, func(x Match) bool { return x.Concept.ID == "a" }) {
			t.Fatalf("%q does not find itself: %v", spelling, ms)
		}
	})
}
