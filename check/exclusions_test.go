package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/loctool/loctool/glossary"
	"github.com/loctool/loctool/inline"
)

// exclusionGlossary forbids Nazarbayev, Kazakstan and Galymjan Jakiyanov.
func exclusionGlossary(t *testing.T) *glossary.Glossary {
	t.Helper()
	concepts, err := glossary.ParseYAML([]byte(`concepts:
  - id: nazarbaev
    type: person
    en: {preferred: Nazarbaev, forbidden: [Nazarbayev]}
  - id: kazakhstan
    type: place
    en: {preferred: Kazakhstan, forbidden: [Kazakstan]}
  - id: zhakiyanov-galymzhan
    type: person
    en: {preferred: Galymzhan Zhakiyanov, forbidden: [Galymjan Jakiyanov]}
`), "g.yaml")
	if err != nil {
		t.Fatal(err)
	}
	g := glossary.New()
	g.Add(concepts)
	return g
}

// TestReadsWhatTranslatorsSee checks what check reads of an article and
// what it does not: each finding at its exact start and end, line and
// column in characters, and the article --fix writes.
func TestReadsWhatTranslatorsSee(t *testing.T) {
	g := exclusionGlossary(t)
	for _, tc := range []struct {
		name, path, in string
		want           []string // "line:col text", in order: where each finding starts, and its text in the file
		fixed          string   // "" when as in
	}{
		// Tokens in text, in every format.
		{"e-mail", "a.txt", "Write to nazarbayev@akorda.kz or Nazarbayev.\n", []string{"1:34 Nazarbayev"}, "Write to nazarbayev@akorda.kz or Nazarbaev.\n"},
		{"e-mail, Cyrillic domain", "a.txt", "Write to nazarbayev@почта.рф.\n", nil, ""},
		{"handle", "a.txt", "Follow @Nazarbayev (@nazarbayev_kz).\n", nil, ""},
		{"hashtag", "a.txt", "Tagged #Nazarbayev, #Kazakstan2030 and #ҚазақстанKazakstan.\n", nil, ""},
		{"URL", "a.txt", "See https://nazarbayev.kz/Kazakstan, ftp://x.kz/Nazarbayev and www.nazarbayev.kz.\n", nil, ""},
		{"bare domain and path", "a.txt", "See nazarbayev.kz, tengrinews.kz/news/Nazarbayev and (Kazakstan.com).\n", nil, ""},
		{"file name", "a.txt", "Read Nazarbayev_speech.docx, nazarbayev.PDF and docs/Kazakstan-2030.pptx.\n", nil, ""},
		{"sentence end without a space", "a.txt", "He met Nazarbayev.Then he left.\n", []string{"1:8 Nazarbayev"}, "He met Nazarbaev.Then he left.\n"},
		{"possessive and hyphen", "a.txt", "Nazarbayev's pro-Nazarbayev party.\n", []string{"1:1 Nazarbayev", "1:18 Nazarbayev"}, "Nazarbaev's pro-Nazarbaev party.\n"},
		{"markdown tokens", "a.md", "Mail <nazarbayev@akorda.kz>, nazarbayev@akorda.kz, @Nazarbayev, #Nazarbayev, nazarbayev.kz, Nazarbayev.pdf; *Nazarbayev*.\n",
			[]string{"1:110 Nazarbayev"}, "Mail <nazarbayev@akorda.kz>, nazarbayev@akorda.kz, @Nazarbayev, #Nazarbayev, nazarbayev.kz, Nazarbayev.pdf; *Nazarbaev*.\n"},
		{"html tokens", "a.html", "<p>Mail nazarbayev@akorda.kz, @Nazarbayev, #Nazarbayev, nazarbayev.kz/x, Nazarbayev.pdf; <b>Nazarbayev</b>.</p>\n",
			[]string{"1:93 Nazarbayev"}, "<p>Mail nazarbayev@akorda.kz, @Nazarbayev, #Nazarbayev, nazarbayev.kz/x, Nazarbayev.pdf; <b>Nazarbaev</b>.</p>\n"},

		// Markdown: what is not text.
		{"markdown code", "a.md", "Run `Nazarbayev` now.\n\n    Nazarbayev indented\n\n```\nNazarbayev fenced\n```\n\n~~~md\nNazarbayev\n~~~\n", nil, ""},
		{"markdown front matter", "a.md", "---\ntitle: Nazarbayev\ntags: [Kazakstan]\n---\nText.\n", nil, ""},
		{"markdown toml front matter", "a.md", "+++\ntitle = \"Nazarbayev\"\n+++\nText.\n", nil, ""},
		{"markdown comments", "a.md", "<!-- Nazarbayev -->\n\nText <!-- Kazakstan --> here.\n", nil, ""},
		{"markdown html block", "a.md", "<div>\nNazarbayev\n</div>\n\nText.\n", nil, ""},
		{"markdown link destination", "a.md", "See [him](https://x.kz/Nazarbayev) and <https://nazarbayev.kz>.\n", nil, ""},
		{"markdown reference definitions", "a.md", "See [him][Nazarbayev].\n\n[Nazarbayev]: https://x.kz/Nazarbayev \"Nazarbayev's site\"\n", nil, ""},
		{"markdown footnote labels", "a.md", "Said so.[^Nazarbayev]\n\n[^Nazarbayev]: In Kazakstan.\n", []string{"3:19 Kazakstan"}, "Said so.[^Nazarbayev]\n\n[^Nazarbayev]: In Kazakhstan.\n"},

		// Markdown: what is.
		{"markdown full reference", "a.md", "See [Nazarbayev][nazarbayev].\n\n[nazarbayev]: /n\n", []string{"1:6 Nazarbayev"}, "See [Nazarbaev][nazarbayev].\n\n[nazarbayev]: /n\n"},
		{"markdown shortcut reference", "a.md", "See [Nazarbayev] and [Kazakstan][].\n\n[nazarbayev]: /n\n[kazakstan]: /k\n",
			[]string{"1:6 Nazarbayev", "1:23 Kazakstan"}, "See [Nazarbaev][Nazarbayev] and [Kazakhstan][Kazakstan].\n\n[nazarbayev]: /n\n[kazakstan]: /k\n"},
		{"markdown shortcut reference, two words", "a.md", "See [Galymjan\nJakiyanov] and *Galymjan* Jakiyanov.\n\n[galymjan jakiyanov]: /g\n",
			[]string{"1:6 Galymjan\nJakiyanov", "2:17 Galymjan* Jakiyanov"}, "See [Galymzhan\nZhakiyanov][Galymjan Jakiyanov] and *Galymzhan* Zhakiyanov.\n\n[galymjan jakiyanov]: /g\n"},
		{"markdown image alt", "a.md", "![Nazarbayev at the forum](n.png)\n\nIn text ![Nazarbayev](n.png).\n",
			[]string{"1:3 Nazarbayev", "3:11 Nazarbayev"}, "![Nazarbaev at the forum](n.png)\n\nIn text ![Nazarbaev](n.png).\n"},
		{"markdown titles", "a.md", "See [him](/n \"Nazarbayev at home\") and ![x](k.png 'Kazak&shy;stan').\n",
			[]string{"1:15 Nazarbayev", "1:52 Kazak&shy;stan"}, "See [him](/n \"Nazarbaev at home\") and ![x](k.png 'Kazakhstan').\n"},
		{"markdown entities", "a.md", "Naz&#97;rbayev, Nazarba&#x79;ev, Kazak&shy;stan &amp; Kaz\u00adak\u00adstan.\n",
			[]string{"1:1 Naz&#97;rbayev", "1:17 Nazarba&#x79;ev", "1:34 Kazak&shy;stan", "1:55 Kaz\u00adak\u00adstan"}, "Nazarbaev, Nazarbaev, Kazakhstan &amp; Kazakhstan.\n"},
		{"markdown headings and lists", "a.md", "# Nazarbayev\n\n- > Kazakstan\n\n| Nazarbayev |\n|---|\n",
			[]string{"1:3 Nazarbayev", "3:5 Kazakstan", "5:3 Nazarbayev"}, "# Nazarbaev\n\n- > Kazakhstan\n\n| Nazarbaev |\n|---|\n"},

		// HTML: what is not text.
		{"html code", "a.html", "<p>Run <code>Nazarbayev</code>, <kbd>Nazarbayev</kbd>, <samp>Kazakstan</samp>.</p><pre>Nazarbayev</pre>\n", nil, ""},
		{"html script and style", "a.html", "<style>.Nazarbayev{}</style><script>var Kazakstan;</script><p>Text.</p>\n", nil, ""},
		{"html comments", "a.html", "<!-- Nazarbayev --><p>A <!-- Kazakstan --> b.</p>\n", nil, ""},
		{"html translate=no", "a.html", "<p>A <span translate=\"no\">Nazarbayev</span>.</p><div translate=no><p>Kazakstan</p></div>\n", nil, ""},
		{"html notranslate", "a.html", "<p>A <span class=\"brand notranslate\">Nazarbayev</span>.</p><div class=notranslate><p>Kazakstan</p></div>\n", nil, ""},
		{"html link target", "a.html", "<p><a href=\"https://x.kz/Nazarbayev\">him</a> <img src=\"Kazakstan.png\" alt=\"\"></p>\n", nil, ""},

		// HTML: what is.
		{"html attributes", "a.html", "<p>See <img alt=\"Nazarbayev at the forum\" src=n.png title='Kazakstan'> and <a href=/n title=Nazarbayev>him</a>.</p>\n",
			[]string{"1:18 Nazarbayev", "1:60 Kazakstan", "1:93 Nazarbayev"},
			"<p>See <img alt=\"Nazarbaev at the forum\" src=n.png title='Kazakhstan'> and <a href=/n title=Nazarbaev>him</a>.</p>\n"},
		{"html entities", "a.html", "<p>Naz&#97;rbayev\n  &amp; Kazak&shy;stan, Nazarba&#x79;ev, Kaz&aacute;kstan &lt;Kazakstan&gt;</p>\n",
			[]string{"1:4 Naz&#97;rbayev", "2:9 Kazak&shy;stan", "2:25 Nazarba&#x79;ev", "2:63 Kazakstan"},
			"<p>Nazarbaev\n  &amp; Kazakhstan, Nazarbaev, Kaz&aacute;kstan &lt;Kazakhstan&gt;</p>\n"},
		{"html entity in an attribute", "a.html", "<img alt=\"A &quot;Naz&#97;rbayev&quot; photo\">\n", []string{"1:19 Naz&#97;rbayev"}, "<img alt=\"A &quot;Nazarbaev&quot; photo\">\n"},
		{"html head", "a.html", "<title>Nazarbayev</title><meta name=description content=\"Kazakstan\">\n",
			[]string{"1:8 Nazarbayev", "1:58 Kazakstan"}, "<title>Nazarbaev</title><meta name=description content=\"Kazakhstan\">\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs, err := Sources([]Source{{Path: tc.path, Text: tc.in}}, Options{Glossary: g, Fixes: true})
			if err != nil {
				t.Fatal(err)
			}
			// Each finding is placed at the bytes of the file it was read
			// from: its start and end, the column after it.
			var got []string
			for _, f := range fs {
				from, to := offsetOf(tc.in, f.Start.Line, f.Start.Col), offsetOf(tc.in, f.End.Line, f.End.Col)
				if from < 0 || to < from {
					t.Fatalf("finding at %d:%d-%d:%d", f.Start.Line, f.Start.Col, f.End.Line, f.End.Col)
				}
				if found := strings.Join(strings.Fields(f.Found), " "); found != "Nazarbayev" && found != "Kazakstan" && found != "Galymjan Jakiyanov" {
					t.Errorf("found %q", f.Found)
				}
				got = append(got, fmt.Sprintf("%d:%d %s", f.Start.Line, f.Start.Col, tc.in[from:to]))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("findings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			want := tc.fixed
			if want == "" {
				want = tc.in
			}
			out, n := Fix(tc.in, tc.path, fs)
			if out != want || n != len(tc.want) {
				t.Errorf("fixed %d of %d:\n%q\nwant\n%q", n, len(tc.want), out, want)
			}
			// The fixed article has nothing left to fix.
			if fs, _ := Sources([]Source{{Path: tc.path, Text: out}}, Options{Glossary: g}); len(fs) != 0 {
				t.Errorf("after the fix: %v", summary(fs))
			}
		})
	}
}

func TestBlankTokens(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Nazarbayev said.", "Nazarbayev said."},
		{"nazarbayev@akorda.kz wrote", "                     wrote"},
		{"(nazarbayev@akorda.kz),", "(                    ),"},
		{"see\nnazarbayev.kz/a\nnow", "see\n               \nnow"},
		{"@Nazarbayev: yes", "           : yes"},
		{"a@b", "a@b"},
		{"C# and #1 and #Kazakstan.", "C# and #1 and           ."},
		{"Nazarbayev.The end", "Nazarbayev.The end"},
		{"U.S. and e.g. and 3.5", "U.S. and e.g. and 3.5"},
		{"Nazarbayev_speech.docx’s", "                      ’s"},
		{"Назарбаев.docx", strings.Repeat(" ", len("Назарбаев.docx"))},
		{"назарбаев.рф сайт", strings.Repeat(" ", len("назарбаев.рф")) + " сайт"},
		{"HTTPS://X.KZ/Nazarbayev", "                       "},
	} {
		got := blankTokens(tc.in)
		if got != tc.want {
			t.Errorf("blankTokens(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if len(got) != len(tc.in) {
			t.Errorf("blankTokens(%q) changes the length", tc.in)
		}
	}
}

// The names in the addresses, handles and file names of a translation,
// or of its source, are not names.
func TestTranslationTokens(t *testing.T) {
	g := qaGlossary(t)
	tx := inline.Text
	for _, tt := range []struct {
		lang           string
		source, target string
		want           string
	}{
		{"ru", "Write to zhakiyanov@akorda.kz.", "Пишите на zhakiyanov@akorda.kz.", ""},
		{"ru", "Follow @Zhakiyanov and #Zhakiyanov.", "Подпишитесь на @Жакьянов и #Жакьянов.", ""},
		{"ru", "Read Zhakiyanov.docx at zhakiyanov.kz/files.", "Читайте Жакьянов.docx на жакьянов.рф/files.", ""},
		{"ru", "Zhakiyanov writes from zhakiyanov@akorda.kz.", "Жакьянов пишет с zhakiyanov@akorda.kz.", "term.target"},
		{"ru", "Zhakiyanov writes from zhakiyanov@akorda.kz.", "Он пишет с zhakiyanov@akorda.kz.", "term.target"},
		{"ru", "Zhakiyanov writes.", "Жакиянов пишет с @Жакьянов.", ""},
	} {
		f := qaFile(tt.lang, tx(tt.source), tx(tt.target))
		var rules []string
		for _, fd := range Handoffs([]Handoff{{Path: "a.xlf", File: f}}, Options{Glossary: g}) {
			rules = append(rules, fd.Rule)
		}
		if got := strings.Join(rules, " "); got != tt.want {
			t.Errorf("%q → %q: rules %q, want %q", tt.source, tt.target, got, tt.want)
		}
	}
}

// offsetOf returns the byte offset of a line and column, in characters,
// of text, or -1.
func offsetOf(text string, line, col int) int {
	l, c := 1, 1
	for i, r := range text {
		if l == line && c == col {
			return i
		}
		if r == '\n' {
			l, c = l+1, 1
		} else {
			c++
		}
	}
	if l == line && c == col {
		return len(text)
	}
	return -1
}

// Names spelt two ways are placed where they are written too, after
// entities and through soft hyphens, and not read in addresses.
func TestInconsistentPlaces(t *testing.T) {
	in := "<p>&laquo;Galymjan&raquo; &amp; Galym&shy;zhan, galymjan@mail.kz</p>\n<img alt=\"&quot;Galymzhan\">\n"
	fs, err := Sources([]Source{{Path: "a.html", Text: in}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		from := offsetOf(in, f.Start.Line, f.Start.Col)
		got = append(got, fmt.Sprintf("%d:%d %s %s", f.Start.Line, f.Start.Col, f.Found, in[from:from+5]))
	}
	want := []string{"1:11 Galymjan Galym", "1:33 Galymzhan Galym", "2:17 Galymzhan Galym"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
