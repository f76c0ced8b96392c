package check

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/diag"
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

func summary(fs []diag.Diagnostic) []string {
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
		if f.Rule != diag.SpellingInconsistent || (f.Suggestion != "Galymzhan" && f.Suggestion != "Zhakiyanov") {
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
		case diag.SpellingVariant:
			variants++
		case diag.SpellingInconsistent:
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

// A glossary that Options.Load gives while the articles are read gives
// the findings the glossary itself gives, however late it comes, and
// its error is Sources' error.
func TestSourcesLoad(t *testing.T) {
	concepts, err := glossary.ParseYAML([]byte(house), "house.yaml")
	if err != nil {
		t.Fatal(err)
	}
	g := glossary.New()
	g.Add(concepts)
	// Many copies of the sample, so that the workers have a backlog.
	var sources []Source
	for i := range 50 {
		for _, s := range sample(t) {
			sources = append(sources, Source{Path: fmt.Sprintf("%02d/%s", i, s.Path), Text: s.Text})
		}
	}
	want, err := Sources(sources, Options{Glossary: g})
	if err != nil {
		t.Fatal(err)
	}
	for _, delay := range []time.Duration{0, 20 * time.Millisecond, 200 * time.Millisecond} {
		got, err := Sources(sources, Options{Load: func() (*glossary.Glossary, error) {
			time.Sleep(delay)
			return g, nil
		}})
		if err != nil {
			t.Fatal(err)
		}
		if a, b := strings.Join(summary(got), "\n"), strings.Join(summary(want), "\n"); a != b || len(got) != len(want) {
			t.Errorf("with the glossary loaded in %v: %d findings, want %d", delay, len(got), len(want))
		}
	}
	bad := errors.New("glossary.yaml:3:1: bad")
	if _, err := Sources(sources, Options{Load: func() (*glossary.Glossary, error) { return nil, bad }}); err != bad {
		t.Errorf("Sources gives %v, want the glossary's error", err)
	}
	if _, err := Sources(nil, Options{Load: func() (*glossary.Glossary, error) { return nil, bad }}); err != bad {
		t.Errorf("Sources of no articles gives %v, want the glossary's error", err)
	}
}

// Articles given by their Read are read as their turn comes, with the
// findings of their texts given whole; a Read that fails stops the check
// with its error, after the glossary's.
func TestSourcesRead(t *testing.T) {
	concepts, err := glossary.ParseYAML([]byte(house), "house.yaml")
	if err != nil {
		t.Fatal(err)
	}
	g := glossary.New()
	g.Add(concepts)
	texts := sample(t)
	want, err := Sources(texts, Options{Glossary: g})
	if err != nil {
		t.Fatal(err)
	}
	var reads atomic.Int32
	lazy := make([]Source, len(texts))
	for i, s := range texts {
		lazy[i] = Source{Path: s.Path, Read: func() (string, error) { reads.Add(1); return s.Text, nil }}
	}
	got, err := Sources(lazy, Options{Glossary: g})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := strings.Join(summary(got), "\n"), strings.Join(summary(want), "\n"); a != b {
		t.Errorf("read by Read:\n%s\nwant\n%s", a, b)
	}
	if n := reads.Load(); n != int32(len(texts)) {
		t.Errorf("%d reads of %d articles", n, len(texts))
	}
	gone := errors.New("cannot read articles/gone.txt: no such file or directory")
	lazy = append(lazy, Source{Path: "articles/gone.txt", Read: func() (string, error) { return "", gone }})
	if _, err := Sources(lazy, Options{Glossary: g}); !errors.Is(err, gone) {
		t.Errorf("Sources with an article that cannot be read gives %v", err)
	}
	bad := errors.New("glossary.yaml:3:1: bad")
	if _, err := Sources(lazy, Options{Load: func() (*glossary.Glossary, error) { return nil, bad }}); err != bad {
		t.Errorf("Sources gives %v, want the glossary's error first", err)
	}
}

// Findings come out by file, line and column, then rule and message;
// findings equal in all of these keep the order they were found in.
func TestSorted(t *testing.T) {
	at := func(file string, line, col int, rule, msg, found string) diag.Diagnostic {
		return diag.Diagnostic{File: file, Start: diag.Position{Line: line, Col: col}, Rule: rule, Message: msg, Found: found}
	}
	in := []diag.Diagnostic{
		at("b.md", 1, 1, "r", "m", "1"),
		at("a.md", 10, 1, "r", "m", "2"),
		at("a.md", 2, 5, "r", "m", "3"),
		at("a.md", 2, 5, "q", "m", "4"),
		at("a.md", 2, 5, "r", "l", "5"),
		at("a.md", 2, 3, "r", "m", "6"),
		at("b.md", 1, 1, "r", "m", "7"),
		at("a.md", 2, 5, "r", "m", "8"),
	}
	var fs findings
	for i, d := range in {
		if i%3 == 0 { // findings come in chunks from several workers
			fs.chunks = append(fs.chunks, nil)
		}
		fs.chunks[len(fs.chunks)-1] = append(fs.chunks[len(fs.chunks)-1], d)
		fs.n++
	}
	var got []string
	for _, d := range fs.sorted(compareFindings) {
		got = append(got, d.Found)
	}
	if want := "6 4 5 3 8 2 1 7"; strings.Join(got, " ") != want {
		t.Errorf("order %q, want %q", strings.Join(got, " "), want)
	}
	// Many findings, in chunks as add makes them.
	var many findings
	for i := range 5000 {
		many.add(at(fmt.Sprintf("f%d.md", i%7), i%13+1, i%5+1, "r", "m", fmt.Sprint(i)))
	}
	out := many.sorted(compareFindings)
	if len(out) != 5000 || !slices.IsSortedFunc(out, func(a, b diag.Diagnostic) int { return compareFindings(&a, &b) }) {
		t.Errorf("%d findings, sorted %v", len(out), slices.IsSortedFunc(out, func(a, b diag.Diagnostic) int { return compareFindings(&a, &b) }))
	}
}

// check reads an article as extract does: in Markdown, the link text
// and the text are read, and code, link targets and autolinks are not.
func TestSourcesMarkdown(t *testing.T) {
	in := "See [Kazak news](https://kazak.example/Kazak) and `Kazak` and <https://x.kz/Kazak>.\n\n```\nKazak\n```\nKazak\n"
	if got := kazaks(t, "a.md", in); got != "a.md:1:6 a.md:6:1" {
		t.Errorf("Kazak found at %s, want the link text's and the last line's", got)
	}
}

// In HTML, the text and the title attribute (a tooltip people read) are
// read; tag names, link targets, scripts and comments are not.
func TestSourcesHTML(t *testing.T) {
	in := `<p title="Kazak">Kazak <a href="/Kazak">x</a></p><script>Kazak()</script><!-- Kazak -->`
	if got := kazaks(t, "a.html", in); got != "a.html:1:11 a.html:1:18" {
		t.Errorf("Kazak found at %s, want the title's and the paragraph's", got)
	}
}

// kazaks checks an article with a glossary that forbids Kazak, and
// returns the places of the findings.
func kazaks(t *testing.T, path, text string) string {
	t.Helper()
	concepts, err := glossary.ParseYAML([]byte("concepts:\n  - id: kazakh\n    en: {preferred: Kazakh, forbidden: [Kazak]}\n"), "g.yaml")
	if err != nil {
		t.Fatal(err)
	}
	g := glossary.New()
	g.Add(concepts)
	fs, err := Sources([]Source{{Path: path, Text: text}}, Options{Glossary: g})
	if err != nil {
		t.Fatal(err)
	}
	var at []string
	for _, f := range fs {
		if f.Rule == diag.SpellingVariant {
			at = append(at, diag.Place(f.File, f.Start))
		}
	}
	return strings.Join(at, " ")
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
	fs := []diag.Diagnostic{
		{File: "articles/a.txt", Rule: diag.SpellingVariant, Severity: diag.Error, Found: "Kazak"},
		{File: "articles/world/b.txt", Rule: diag.SpellingVariant, Severity: diag.Error, Found: "Jakiyanov"},
		{File: "articles/a.txt", Rule: diag.SpellingInconsistent, Severity: diag.Warning, Found: "Galymjan"},
	}
	tests := []struct {
		s    Settings
		want string
	}{
		{Settings{}, "Kazak/error Jakiyanov/error Galymjan/warning"},
		{Settings{Severity: map[string]string{diag.SpellingInconsistent: "error"}}, "Kazak/error Jakiyanov/error Galymjan/error"},
		{Settings{Severity: map[string]string{diag.SpellingVariant: "off"}}, "Galymjan/warning"},
		{Settings{Ignore: []Ignore{{Found: "KAZAK"}}}, "Jakiyanov/error Galymjan/warning"},
		{Settings{Ignore: []Ignore{{File: "articles/**/b.txt"}}}, "Kazak/error Galymjan/warning"},
		{Settings{Ignore: []Ignore{{Rule: diag.SpellingVariant, File: "articles/a.txt"}}}, "Jakiyanov/error Galymjan/warning"},
		{Settings{Ignore: []Ignore{{Rule: diag.SpellingInconsistent, Found: "Kazak"}}}, "Kazak/error Jakiyanov/error Galymjan/warning"},
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
	fs, err := Sources([]Source{{Path: "a.txt", Text: src}}, Options{Glossary: g, Fixes: true})
	if err != nil {
		t.Fatal(err)
	}
	got, n := Fix(src, "a.txt", fs)
	want := "Galymzhan\r\nZhakiyanov met ZHAKIYANOV.\r\nZhakiyanov’s Kazak friend.\r\n"
	if got != want || n != 3 {
		t.Errorf("Fix = %q, %d fixes; want %q, 3", got, n, want)
	}
	// Fixed, the text has nothing left to fix.
	fs, _ = Sources([]Source{{Path: "a.txt", Text: got}}, Options{Glossary: g, Fixes: true})
	if _, n := Fix(got, "a.txt", fs); n != 0 {
		t.Errorf("%d fixes on the fixed text: %v", n, fs)
	}
	// A file that changed since the check is not touched where it changed.
	if _, n := Fix("Jakiyanov", "a.txt", []diag.Diagnostic{{File: "a.txt", Rule: diag.SpellingVariant, Found: "Zhakiyanov", Suggestion: "Zhakiyanov",
		Fixes: []diag.Fix{{Edits: []diag.Edit{{Start: 0, End: 9, NewText: "Zhakiyanov", Old: "Zhakiyanov"}}}}}}); n != 0 {
		t.Error("fixed a place whose text is not what was found")
	}
}

// qaGlossary has a name with Russian and Kazakh spellings.
func qaGlossary(t testing.TB) *glossary.Glossary {
	t.Helper()
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
	g := glossary.New()
	g.Add(concepts)
	return g
}

// qaFile is a handoff file of one unit of translated segments, from
// English.
func qaFile(lang string, pairs ...inline.Content) *handoff.File {
	f := &handoff.File{SourceLang: language.English, TargetLang: language.MustParse(lang)}
	u := &handoff.Unit{ID: "b1"}
	for i := 0; i+1 < len(pairs); i += 2 {
		s := &handoff.Segment{ID: fmt.Sprint("s", i/2+1), Source: pairs[i], Target: pairs[i+1], Line: 10 + i/2, Col: 7, State: handoff.Translated}
		u.Parts = append(u.Parts, handoff.Part{Segment: s})
	}
	f.Units = []*handoff.Unit{u}
	return f
}

// link is text in a link, as an article's codes mark it.
func link(before, text, after string) inline.Content {
	return inline.Content{{Text: before}, {Code: &inline.Code{Kind: inline.Open, ID: "1", Type: "link"}}, {Text: text},
		{Code: &inline.Code{Kind: inline.Close, ID: "1", Type: "link"}}, {Text: after}}
}

func TestTranslationRules(t *testing.T) {
	g := qaGlossary(t)
	tx := inline.Text
	tests := []struct {
		lang           string
		source, target inline.Content
		want           string // the rules found, in order
	}{
		// Terms: the preferred spelling, inflected; a forbidden one.
		{"ru", tx("Zhakiyanov was freed."), tx("Жакиянова освободили."), ""},
		{"ru", tx("Zhakiyanov was freed."), tx("Жакьянова освободили."), "term.target"},
		{"ru", tx("Zhakiyanov was freed."), tx("Его освободили."), "term.target"},
		{"kk", tx("Zhakiyanov was freed."), tx("Жақияновты босатты."), ""},
		{"kk", tx("Zhakiyanov was freed."), tx("Ол босатылды."), "term.target"},
		{"kk", tx("Zhakiyanov was freed."), tx("Жакияновты босатты."), "term.target"},
		// Untranslated: nothing, or a copy; acronyms, numbers and URLs
		// are not to be translated, and a name is: merge and status see
		// it so too.
		{"ru", tx("He was freed."), nil, "target.untranslated"},
		{"ru", tx("He was freed."), tx(" "), "target.untranslated"},
		{"ru", tx("He was freed."), tx("He was freed."), "target.untranslated"},
		{"kk", tx("He was freed."), tx("He was freed."), "target.untranslated"},
		{"ru", tx("IWPR"), tx("IWPR"), ""},
		{"kk", tx("https://iwpr.net/"), tx("https://iwpr.net/"), ""},
		{"ru", tx("Galymzhan Zhakiyanov"), nil, "target.untranslated"},
		{"ru", tx("12,500"), nil, ""},
		// Numbers, written the target language's way or the source's.
		{"ru", tx("He got 7 years in 2002."), tx("Он получил семь лет в 2002 году."), "target.numbers"},
		{"ru", tx("It cost 12,500 tenge, or 3.5 percent."), tx("Это стоило 12 500 тенге, или 3,5 процента."), ""},
		{"ru", tx("It cost 12,500 tenge."), tx("Это стоило 12,500 тенге."), "target.numbers"}, // 12,5 in Russian
		{"ru", tx("On May 13 he left."), tx("13 мая он уехал."), ""},
		{"ru", tx("In 2002 100 people came."), tx("В 2002 году пришли 100 человек."), ""},
		{"ru", tx("It cost 1 250 000 tenge."), tx("Это стоило 1 250 000 тенге."), ""},
		{"kk", tx("It rose by 3.5 percent."), tx("Ол 35 пайызға өсті."), "target.numbers"},
		{"kk", tx("It cost 12,500 tenge."), tx("Бұл 12 500 теңге тұрды."), ""},
		// The end of the sentence.
		{"ru", tx("Why?"), tx("Почему."), "target.punctuation"},
		{"ru", tx("Why?"), tx("Почему?"), ""},
		{"kk", tx("Stop!"), tx("Тоқта."), "target.punctuation"},
		{"kk", tx("He said so..."), tx("Ол солай деді…"), ""},
		// White space, doubled words, quotes and brackets.
		{"ru", tx("He left. "), tx("Он уехал."), "target.whitespace"},
		{"ru", tx("He left."), tx("Он  уехал."), "target.double-space"},
		{"ru", tx("He left."), tx("Он и и уехал."), "target.double-word"},
		{"kk", tx("He left."), tx("Ол ол кетті."), "target.double-word"},
		// Each word doubled once, however often; one the source doubles
		// too is not the translator's.
		{"ru", tx("He left."), tx("Он и и уехал, и И уехал, и он он ушёл."), "target.double-word target.double-word"},
		{"ru", tx("Bora Bora is far."), tx("Bora Bora далеко."), ""},
		{"ru", tx("He said “no” (twice)."), tx("Он сказал «нет» (дважды)."), ""},
		{"ru", tx("He said “no”."), tx("Он сказал «нет."), "target.brackets"},
		{"kk", tx("He said (twice)."), tx("Ол (екі рет айтты."), "target.brackets"},
		{"kk", tx("He left. "), tx("Ол кетті. "), ""},
		{"kk", tx("He left."), tx(" Ол кетті."), "target.whitespace"},
		{"ru", tx("He left."), tx("Он уехал."), ""},
		{"kk", tx("He left."), tx("Ол  кетті."), "target.double-space"},
		{"kk", tx("He  left."), tx("Ол  кетті."), ""},
		{"ru", tx("He said that that was all."), tx("Он сказал, что что-то было."), ""},
		{"kk", tx("He said “no”."), tx("Ол «жоқ» деді."), ""},
		{"kk", tx("IWPR"), tx("IWPR"), ""},
		{"kk", tx("Why?"), tx("Неге?"), ""},
		{"kk", tx("He got 7 years."), tx("Ол жеті жыл алды."), "target.numbers"},
		{"kk", tx("On May 13 he left."), tx("Ол 13 мамырда кетті."), ""},
		// Inline codes: each once, soundly nested; the order may change.
		{"ru", link("See ", "the report", "."), link("См. ", "доклад", "."), ""},
		{"ru", link("See ", "the report", "."), tx("См. доклад."), "target.codes"},
		{"kk", link("See ", "the report", "."), append(link("", "Баяндаманы", ""), link(" ", "қараңыз", ".")...), "target.codes"},
		{"kk", link("See ", "the report", "."), link("", "Баяндаманы", " қараңыз."), ""},
		{"ru", inline.Content{{Text: "A "}, {Code: &inline.Code{Kind: inline.Placeholder, ID: "1", Type: "image"}}, {Text: " and "}, {Code: &inline.Code{Kind: inline.Placeholder, ID: "2", Type: "lb"}}, {Text: "."}},
			inline.Content{{Code: &inline.Code{Kind: inline.Placeholder, ID: "2", Type: "lb"}}, {Text: "А и "}, {Code: &inline.Code{Kind: inline.Placeholder, ID: "1", Type: "image"}}, {Text: "."}}, ""},
	}
	for _, tt := range tests {
		f := qaFile(tt.lang, tt.source, tt.target)
		var rules []string
		for _, fd := range Handoffs([]Handoff{{Path: "a.xlf", File: f}}, Options{Glossary: g}) {
			rules = append(rules, fd.Rule)
			if fd.Start.Line != 10 || fd.Start.Col != 7 || fd.Unit != "b1" || fd.Segment != "s1" {
				t.Errorf("%s %q: finding at %d:%d %s/%s", tt.lang, tt.target.PlainText(), fd.Start.Line, fd.Start.Col, fd.Unit, fd.Segment)
			}
		}
		if got := strings.Join(rules, " "); got != tt.want {
			t.Errorf("%s %q → %q: rules %q, want %q", tt.lang, tt.source.PlainText(), tt.target.PlainText(), got, tt.want)
		}
	}
}

func TestTranslationFindings(t *testing.T) {
	g := qaGlossary(t)
	f := qaFile("ru", inline.Text("Zhakiyanov was freed on May 13."), inline.Text("Жакьянова освободили 14 мая."))
	fs := Handoffs([]Handoff{{Path: "ru.xlf", File: f}}, Options{Glossary: g})
	var got []string
	for _, f := range fs {
		got = append(got, f.String()+" "+f.Suggestion)
	}
	want := []string{
		`ru.xlf:10:7: error: unit b1, segment s1: "Жакьянова" is a forbidden spelling of "Жакиянов" (concept zhakiyanov) [term.target] Жакиянова`,
		`ru.xlf:10:7: error: unit b1, segment s1: "13" in the source is "14" in the translation [target.numbers] `,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Without a glossary, no terms; a stale segment says what changed.
	for lang, target := range map[string]string{"ru": "Его освободили 13 мая.", "kk": "Ол 13 мамырда босатылды."} {
		f = qaFile(lang, inline.Text("He was freed on May 13."), inline.Text(target))
		s := f.Units[0].Segments()[0]
		if fs := Handoffs([]Handoff{{Path: "a.xlf", File: f}}, Options{}); len(fs) != 0 {
			t.Errorf("%s, not stale: %v", lang, fs)
		}
		fs = Handoffs([]Handoff{{Path: "a.xlf", File: f, Now: map[*handoff.Segment]inline.Content{s: inline.Text("He was freed on May 14.")}}}, Options{})
		if len(fs) != 1 || fs[0].Rule != diag.TargetStale || !strings.Contains(fs[0].Message, `is of "…May 13.", and the article now says "…May 14."`) {
			t.Errorf("%s, stale: %v", lang, fs)
		}
	}
}

func TestConsistency(t *testing.T) {
	tx := inline.Text
	a := qaFile("ru", tx("He left."), tx("Он уехал."), tx("She left."), tx("Она ушла."))
	b := qaFile("ru", tx("He left."), tx("Он ушёл."), tx("He went away."), tx("Она ушла."))
	kk := qaFile("kk", tx("He left."), tx("Ол кетті."), tx("She left."), tx("Ол кетті."))
	fs := Handoffs([]Handoff{{Path: "a.xlf", File: a}, {Path: "b.xlf", File: b}, {Path: "kk.json", File: kk}}, Options{})
	var got []string
	for _, f := range fs {
		got = append(got, fmt.Sprintf("%s:%d %s %s", f.File, f.Start.Line, f.Rule, f.Message))
	}
	want := []string{
		`a.xlf:10 consistency.target unit b1, segment s1: the same source is translated 2 ways: here "Он уехал."; "Он ушёл." at b.xlf:10:7`,
		`a.xlf:11 consistency.source unit b1, segment s2: 2 different sources have the same translation: here "She left."; "He went away." at b.xlf:11:7`,
		`b.xlf:10 consistency.target unit b1, segment s1: the same source is translated 2 ways: here "Он ушёл."; "Он уехал." at a.xlf:10:7`,
		`b.xlf:11 consistency.source unit b1, segment s2: 2 different sources have the same translation: here "He went away."; "She left." at a.xlf:11:7`,
		`kk.json:10 consistency.source unit b1, segment s1: 2 different sources have the same translation: here "He left."; "She left." at kk.json:11:7`,
		`kk.json:11 consistency.source unit b1, segment s2: 2 different sources have the same translation: here "She left."; "He left." at kk.json:10:7`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestIgnoreNote(t *testing.T) {
	f := qaFile("ru", inline.Text("He got 7 years."), inline.Text("Он получил семь лет!"))
	f.Units[0].Notes = []handoff.Note{{Text: "loctool-ignore: target.numbers"}}
	fs := Handoffs([]Handoff{{Path: "a.xlf", File: f}}, Options{})
	if len(fs) != 1 || fs[0].Rule != diag.TargetPunctuation {
		t.Errorf("findings %v, want only the punctuation", fs)
	}
	f.Units[0].Notes = []handoff.Note{{Text: "loctool-ignore"}}
	if fs := Handoffs([]Handoff{{Path: "a.xlf", File: f}}, Options{}); len(fs) != 0 {
		t.Errorf("findings %v, want none", fs)
	}
}
