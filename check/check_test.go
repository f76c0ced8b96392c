package check

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/glossary"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
)

func sample(t *testing.T) []Source {
	t.Helper()
	var out []Source
	for _, f := range []string{"articles/ablyazov-amnesty.txt", "articles/dck-profile.md"} {
		data, err := os.ReadFile("../" + f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, Source{Path: f, Text: string(data)})
	}
	return out
}

func summary(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.String())
	}
	return out
}

// With no glossary, the sample article's two spellings of Zhakiyanov's
// names are warnings at each place, and nothing else is reported.
func TestSampleWithoutGlossary(t *testing.T) {
	fs, err := Sources(sample(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(summary(fs), "\n")
	for _, want := range []string{
		`articles/ablyazov-amnesty.txt:16:380: warning: "Galymjan" and "Galymzhan" look like one name (Galymzhan at articles/ablyazov-amnesty.txt:48:28, articles/dck-profile.md:13:5, articles/dck-profile.md:23:3), and no glossary entry says which is right [spelling.inconsistent]`,
		`articles/ablyazov-amnesty.txt:44:116: warning: "Zhakiyanov" and "Jakiyanov" look like one name`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("findings\n%s\nwant a line starting\n%s", got, want)
		}
	}
	for _, f := range fs {
		if f.Rule != RuleInconsistent || (f.Suggestion != "Galymzhan" && f.Suggestion != "Zhakiyanov") {
			t.Errorf("unexpected finding %s (suggestion %q)", f, f.Suggestion)
		}
	}
}

const house = `concepts:
  - id: zhakiyanov-galymzhan
    type: person
    source: {ru: Галымжан Жакиянов}
    en: Galymzhan Zhakiyanov
  - id: kazakh
    type: term
    en: {preferred: Kazakh, forbidden: [Kazak]}
  - id: kazakhstan
    type: place
    en: {preferred: Kazakhstan, forbidden: [Kazakstan]}
`

func TestSampleWithGlossary(t *testing.T) {
	concepts, err := glossary.ParseYAML([]byte(house), "house.yaml")
	if err != nil {
		t.Fatal(err)
	}
	g := glossary.New()
	g.Add(concepts)
	fs, err := Sources(sample(t), Options{Glossary: g})
	if err != nil {
		t.Fatal(err)
	}
	var variants, inconsistent int
	got := strings.Join(summary(fs), "\n")
	for _, f := range fs {
		switch f.Rule {
		case RuleVariant:
			variants++
		case RuleInconsistent:
			inconsistent++
		}
	}
	if inconsistent != 0 {
		t.Errorf("the glossary covers the names, yet:\n%s", got)
	}
	for _, want := range []string{
		`: error: "Galymjan Jakiyanov" is a variant of "Galymzhan Zhakiyanov" (concept zhakiyanov-galymzhan) [spelling.variant]`,
		`: error: "Kazak" is a forbidden spelling of "Kazakh" (concept kazakh) [spelling.variant]`,
		`: error: "Kazakstan" is a forbidden spelling of "Kazakhstan" (concept kazakhstan) [spelling.variant]`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("findings\n%s\nwant\n%s", got, want)
		}
	}
	// The link targets of the Markdown article are not checked.
	for _, f := range fs {
		if f.File == "articles/dck-profile.md" && strings.Contains(strings.ToLower(f.Found), "iwpr") {
			t.Errorf("a finding in a link: %s", f)
		}
	}
}

func TestBlankMarkdown(t *testing.T) {
	in := "See [Kazak news](https://kazak.example/Kazak) and `Kazak` and <https://x.kz/Kazak>.\n\n```\nKazak\n```\nKazak\n"
	got := blankMarkdown(in)
	if len(got) != len(in) {
		t.Fatalf("length %d, want %d", len(got), len(in))
	}
	if n := strings.Count(got, "Kazak"); n != 2 {
		t.Errorf("%q: %d Kazak, want the link text's and the last line's", got, n)
	}
}

func TestBlankHTML(t *testing.T) {
	in := `<p title="Kazak">Kazak <a href="/Kazak">x</a></p><script>Kazak()</script><!-- Kazak -->`
	got := blankHTML(in)
	if n := strings.Count(got, "Kazak"); n != 1 || len(got) != len(in) {
		t.Errorf("%q: %d Kazak, want 1", got, n)
	}
}

// The sample project's glossary keeps its house style (Kazak, Nazarbaev)
// and leaves only the two real mistakes, as the README shows.
func TestSampleProjectGlossary(t *testing.T) {
	g, err := glossary.Load("../glossary.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fs, err := Sources(sample(t), Options{Glossary: g})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`articles/ablyazov-amnesty.txt:16:380: error: "Galymjan Jakiyanov" is a variant of "Galymzhan Zhakiyanov" (concept zhakiyanov-galymzhan) [spelling.variant]`,
		`articles/ablyazov-amnesty.txt:46:56: error: "Jakiyanov" is a variant of "Zhakiyanov" (concept zhakiyanov) [spelling.variant]`,
	}
	if got := summary(fs); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSettings(t *testing.T) {
	fs := []Finding{
		{File: "articles/a.txt", Rule: RuleVariant, Severity: Error, Found: "Kazak"},
		{File: "articles/world/b.txt", Rule: RuleVariant, Severity: Error, Found: "Jakiyanov"},
		{File: "articles/a.txt", Rule: RuleInconsistent, Severity: Warning, Found: "Galymjan"},
	}
	tests := []struct {
		s    Settings
		want string
	}{
		{Settings{}, "Kazak/error Jakiyanov/error Galymjan/warning"},
		{Settings{Severity: map[string]string{RuleInconsistent: "error"}}, "Kazak/error Jakiyanov/error Galymjan/error"},
		{Settings{Severity: map[string]string{RuleVariant: "off"}}, "Galymjan/warning"},
		{Settings{Ignore: []Ignore{{Found: "KAZAK"}}}, "Jakiyanov/error Galymjan/warning"},
		{Settings{Ignore: []Ignore{{File: "articles/**/b.txt"}}}, "Kazak/error Galymjan/warning"},
		{Settings{Ignore: []Ignore{{Rule: RuleVariant, File: "articles/a.txt"}}}, "Jakiyanov/error Galymjan/warning"},
		{Settings{Ignore: []Ignore{{Rule: RuleInconsistent, Found: "Kazak"}}}, "Kazak/error Jakiyanov/error Galymjan/warning"},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range tt.s.Apply(fs) {
			got = append(got, f.Found+"/"+string(f.Severity))
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%+v: %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestFix(t *testing.T) {
	g, err := glossary.Load("../glossary.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src := "Galymjan\r\nJakiyanov met JAKIYANOV.\r\nJakiyanov’s Kazak friend.\r\n"
	fs, err := Sources([]Source{{Path: "a.txt", Text: src}}, Options{Glossary: g})
	if err != nil {
		t.Fatal(err)
	}
	got, n := Fix(src, "a.txt", fs)
	want := "Galymzhan\r\nZhakiyanov met ZHAKIYANOV.\r\nZhakiyanov’s Kazak friend.\r\n"
	if got != want || n != 3 {
		t.Errorf("Fix = %q, %d fixes; want %q, 3", got, n, want)
	}
	// Fixed, the text has nothing left to fix.
	fs, _ = Sources([]Source{{Path: "a.txt", Text: got}}, Options{Glossary: g})
	if _, n := Fix(got, "a.txt", fs); n != 0 {
		t.Errorf("%d fixes on the fixed text: %v", n, fs)
	}
	// A file that changed since the check is not touched where it changed.
	if _, n := Fix("Jakiyanov", "a.txt", []Finding{{File: "a.txt", Rule: RuleVariant, Offset: 0, Length: 9, Found: "Zhakiyanov", Suggestion: "Zhakiyanov"}}); n != 0 {
		t.Error("fixed a place whose text is not what was found")
	}
}

func TestHandoffs(t *testing.T) {
	g := glossary.New()
	concepts, err := glossary.ParseYAML([]byte(`concepts:
  - id: zhakiyanov
    type: person
    source: {ru: Жакиянов, kk: Жақиянов}
    en: Zhakiyanov
    ru: {preferred: Жакиянов, forbidden: [Жакьянов]}
    kk: {preferred: Жақиянов, forbidden: [Жакиянов]}
`), "g.yaml")
	if err != nil {
		t.Fatal(err)
	}
	g.Add(concepts)
	file := func(lang string, targets ...string) *handoff.File {
		f := &handoff.File{SourceLang: language.English, TargetLang: language.MustParse(lang)}
		for i, target := range targets {
			s := &handoff.Segment{ID: "s1", Source: inline.Text("Zhakiyanov spoke."), Line: 10 + i, Col: 7, State: handoff.Translated}
			if target != "" {
				s.Target = inline.Text(target)
			}
			f.Units = append(f.Units, &handoff.Unit{ID: fmt.Sprint("b", i+1), Parts: []handoff.Part{{Segment: s}}})
		}
		return f
	}
	got := Handoffs([]Handoff{
		{"ru.xlf", file("ru", "Жакьянова освободили.", "Жакиянова освободили.", "", "Zhakiyanov spoke.")},
		{"kk.json", file("kk", "Жакияновтың сөзі.", "Жақияновтың сөзі.")},
		{"en.xlf", file("en", "Jakiyanov spoke.")},
	}, Options{Glossary: g})
	var lines []string
	for _, f := range got {
		lines = append(lines, fmt.Sprintf("%s:%d:%d %s/%s %s→%s", f.File, f.Line, f.Col, f.Unit, f.Segment, f.Found, f.Suggestion))
	}
	want := []string{
		"ru.xlf:10:7 b1/s1 Жакьянова→Жакиянова",
		"kk.json:10:7 b1/s1 Жакияновтың→Жақияновтың",
		"en.xlf:10:7 b1/s1 Jakiyanov→Zhakiyanov",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if Handoffs([]Handoff{{"ru.xlf", file("ru", "Жакьянов")}}, Options{}) != nil {
		t.Error("findings without a glossary")
	}
}
