package check

import (
	"strings"
	"testing"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/glossary"
	"github.com/loctool/loctool/inline"
)

// A word that mixes scripts in an article is an error at its place,
// with the fix that writes it in one script when there is one.
func TestMixedScriptArticles(t *testing.T) {
	src := "# Nazаrbaev\n\nNursultan *Nazаrbaev* met [Назарбaев](https://example.com/Nazаrbaev) and the IТ team.\n\nIT-компания, iPhoneом, B2В.\n"
	fs, err := Sources([]Source{{Path: "a.md", Text: src}}, Options{Fixes: true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, f.String()+" | "+f.Hint)
	}
	want := []string{
		`a.md:1:3: error: "Nazаrbaev" mixes Latin and Cyrillic letters: Cyrillic а (U+0430) among Latin letters [spelling.mixed-script] | write it in Latin letters: "Nazarbaev"`,
		`a.md:3:12: error: "Nazаrbaev" mixes Latin and Cyrillic letters: Cyrillic а (U+0430) among Latin letters [spelling.mixed-script] | write it in Latin letters: "Nazarbaev"`,
		`a.md:3:28: error: "Назарбaев" mixes Latin and Cyrillic letters: Latin a (U+0061) among Cyrillic letters [spelling.mixed-script] | write it in Cyrillic letters: "Назарбаев"`,
		`a.md:3:78: error: "IТ" mixes Latin and Cyrillic letters: Cyrillic Т (U+0422) among Latin letters [spelling.mixed-script] | write it in one script: "IT" in Latin letters, or "ІТ" in Cyrillic`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	out, n := Fix(src, "a.md", fs)
	wantText := "# Nazarbaev\n\nNursultan *Nazarbaev* met [Назарбаев](https://example.com/Nazаrbaev) and the IТ team.\n\nIT-компания, iPhoneом, B2В.\n"
	if out != wantText || n != 3 {
		t.Errorf("Fix = %q, %d; want %q, 3", out, n, wantText)
	}
	if fs, _ := Sources([]Source{{Path: "a.md", Text: out}}, Options{}); len(fs) != 1 || fs[0].Found != "IТ" {
		t.Errorf("after the fix: %v", summary(fs))
	}
}

// A translation with a mixed-script word is an error at its target.
func TestMixedScriptTargets(t *testing.T) {
	f := qaFile("ru", inline.Text("Nazarbayev left."), inline.Text("Назарбaев уехал."),
		inline.Text("Kazakhstan."), inline.Text("Kазахстан."))
	fs := Handoffs([]Handoff{{Path: "ru.xlf", File: f}}, Options{})
	var got []string
	for _, f := range fs {
		got = append(got, f.String()+" | "+f.Suggestion)
	}
	want := []string{
		`ru.xlf:10:7: error: unit b1, segment s1: "Назарбaев" mixes Latin and Cyrillic letters: Latin a (U+0061) among Cyrillic letters [spelling.mixed-script] | Назарбаев`,
		`ru.xlf:11:7: error: unit b1, segment s2: "Kазахстан" mixes Latin and Cyrillic letters: Latin K (U+004B) among Cyrillic letters [spelling.mixed-script] | Казахстан`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// --fix never writes a word that mixes scripts: not a glossary spelling
// that has one, nor a fix that would make one with the letters around it.
func TestFixWritesNoMixedWord(t *testing.T) {
	g := glossary.New()
	concepts, err := glossary.ParseYAML([]byte("concepts:\n  - id: nazarbayev\n    type: person\n    en: {preferred: Nazаrbayev, forbidden: [Nazarbaev]}\n"), "g.yaml")
	if err != nil {
		t.Fatal(err)
	}
	g.Add(concepts)
	src := "Nazarbaev left.\n"
	fs, err := Sources([]Source{{Path: "a.txt", Text: src}}, Options{Glossary: g, Fixes: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 || fs[0].Rule != diag.SpellingVariant || fs[0].Fixes != nil || fs[0].Suggestion != "" || !strings.Contains(fs[0].Hint, "--fix does not write it") {
		t.Fatalf("findings %v, hint %q", summary(fs), fs[0].Hint)
	}
	if out, n := Fix(src, "a.txt", fs); out != src || n != 0 {
		t.Errorf("Fix = %q, %d", out, n)
	}
	// A fix made elsewhere that would write one is not made, and says so.
	fs = []diag.Diagnostic{{File: "a.txt", Rule: diag.SpellingVariant, Hint: `write "Nazаrbaev"`,
		Fixes: []diag.Fix{{Edits: []diag.Edit{{Start: 0, End: 9, NewText: "Nazаrbaev", Old: "Nazarbaev"}}}}},
		{File: "a.txt", Rule: diag.SpellingVariant, Fixes: []diag.Fix{{Edits: []diag.Edit{{Start: 0, End: 3, NewText: "Наз", Old: "Naz"}}}}}}
	if out, n := Fix(src, "a.txt", fs); out != src || n != 0 {
		t.Errorf("Fix = %q, %d", out, n)
	}
	for _, f := range fs {
		if f.Fixes != nil || !strings.HasSuffix(f.Hint, "not fixed: the fix would write a word that mixes Latin and Cyrillic letters") {
			t.Errorf("finding keeps its fix, or its hint does not say why: %+v", f)
		}
	}
}
