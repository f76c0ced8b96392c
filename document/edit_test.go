package document

import (
	"strings"
	"testing"
	"unicode"

	"github.com/loctool/loctool/inline"
)

// checkEdits replaces plain words of the blocks of d, the document in
// reads as, with Edit, and checks that the article reads back as the
// same blocks, with the new word in place of the old.
func checkEdits(t *testing.T, format Format, in string, opts Options, d *Document) {
	t.Helper()
	words := []string{"Zhakiyanov", "Жакиянов"}
	n := 0
	for i := range d.Blocks {
		b := &d.Blocks[i]
		text := b.Content.PlainText()
		ws := plainWords(text)
		if len(ws) > 2 {
			ws = [][2]int{ws[0], ws[len(ws)-1]}
		}
		for _, w := range ws {
			if n >= 8 {
				return
			}
			word := words[n%2]
			n++
			e, ok := d.Edit(b, w[0], w[1], word)
			if !ok {
				if mustEdit(d, i, w, word) {
					t.Fatalf("%q: Edit refuses %q for %q in block %s", in, word, text[w[0]:w[1]], b.ID)
				}
				continue
			}
			out := in[:e.Start] + e.NewText + in[e.End:]
			d2, err := Parse(format, []byte(out), "fuzz", opts)
			if err != nil {
				t.Fatalf("%q with %q for %q in block %s reads as an error: %v", out, word, text[w[0]:w[1]], b.ID, err)
			}
			got := blocks(d2)
			if len(d2.Blocks) != len(d.Blocks) {
				t.Fatalf("%q with %q for %q in block %s reads as %q, want %d blocks", out, word, text[w[0]:w[1]], b.ID, got, len(d.Blocks))
			}
			for k := range d.Blocks {
				want := d.Blocks[k].Content.PlainText()
				if k == i {
					want = text[:w[0]] + word + text[w[1]:]
				}
				if d2.Blocks[k].Kind != d.Blocks[k].Kind || d2.Blocks[k].Content.PlainText() != want {
					t.Fatalf("%q with %q for %q in block %s: block %s reads as %s %q, want %s %q",
						out, word, text[w[0]:w[1]], b.ID, d2.Blocks[k].ID, d2.Blocks[k].Kind, d2.Blocks[k].Content.PlainText(), d.Blocks[k].Kind, want)
				}
			}
		}
	}
}

// mustEdit reports whether Edit must replace the word w of block i with
// word: in plain text, always; in HTML and Markdown text, an ASCII word
// for another that is written as it reads, between white space, the tag
// that ends before it or starts after it in HTML, and, in Markdown, in a
// block without reference links whose text is their label.
func mustEdit(d *Document, i int, w [2]int, word string) bool {
	b := &d.Blocks[i]
	if d.Format == Text {
		return true
	}
	ascii := func(s string) bool {
		return strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
	}
	old := b.Content.PlainText()[w[0]:w[1]]
	from, to, ok := d.Source(b, w[0], w[1])
	if !ok || d.src[from:to] != old || !ascii(old) || !ascii(word) {
		return false
	}
	p := d.spans[i]
	switch {
	case p.style == styleHTML || p.style == styleHTMLAttr:
	case isMarkdown(p.style):
		if p.labels != nil {
			return false
		}
	default:
		return false
	}
	beforeOK := from == 0 || isSpace(d.src[from-1]) || d.Format == HTML && d.src[from-1] == '>'
	afterOK := to == len(d.src) || isSpace(d.src[to]) || d.Format == HTML && d.src[to] == '<'
	return beforeOK && afterOK
}

func isMarkdown(st style) bool {
	return st == styleMarkdown || st == styleMarkdownH || st == styleMarkdownTD || st == styleMarkdownIn
}

// plainWords returns the runs of letters in text.
func plainWords(text string) [][2]int {
	var ws [][2]int
	start := -1
	for i, r := range text + " " {
		letter := unicode.IsLetter(r)
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			ws = append(ws, [2]int{start, i})
			start = -1
		}
	}
	return ws
}

func TestEdit(t *testing.T) {
	for _, tc := range []struct {
		name   string
		format Format
		in     string
		block  string
		sub    string // the first occurrence in the block's text is replaced
		text   string
		want   string // the article edited, or "!" when Edit refuses
	}{
		{"text", Text, "Galymjan Jakiyanov was freed.\n", "b1", "Jakiyanov", "Zhakiyanov", "Galymjan Zhakiyanov was freed.\n"},
		{"text is not escaped", Text, "a <b> &amp;\n", "b1", "a", "*&lt;", "*&lt; <b> &amp;\n"},
		{"text crlf", Text, "Galymjan\r\nJakiyanov\r\n", "b1", "Galymjan\nJakiyanov", "Galymzhan\nZhakiyanov", "Galymzhan\r\nZhakiyanov\r\n"},
		{"text blank line", Text, "Galymjan Jakiyanov\n", "b1", " ", "\n\n", "!"},
		{"text space at the end", Text, "Galymjan Jakiyanov\n", "b1", "Jakiyanov", "Zhakiyanov ", "!"},
		{"text empty", Text, "Galymjan Jakiyanov\n", "b1", "Jakiyanov", "", "!"},
		{"text control character", Text, "Galymjan Jakiyanov\n", "b1", "Jakiyanov", "Zh\x01", "!"},
		{"text carriage return", Text, "Galymjan Jakiyanov\n", "b1", "Jakiyanov", "Zh\r", "!"},
		{"text bom", Text, "\uFEFFJakiyanov\n", "b1", "Jakiyanov", "Жакиянов", "\uFEFFЖакиянов\n"},

		{"markdown", Markdown, "Galymjan *Jakiyanov* was freed.\n", "b1", "Jakiyanov", "Zhakiyanov", "Galymjan *Zhakiyanov* was freed.\n"},
		{"markdown escapes", Markdown, "a Jakiyanov b\n", "b1", "Jakiyanov", "*_[x]<y>`&#|\\", `a \*\_\[x\]\<y\>\` + "`" + `\&\#\|\\ b` + "\n"},
		{"markdown line start", Markdown, "Jakiyanov was\n", "b1", "Jakiyanov", "1984. Jak", "1984\\. Jak was\n"},
		{"markdown list marker", Markdown, "a\nJakiyanov\n", "b1", "Jakiyanov", "- Zh", "a\n\\- Zh\n"},
		{"markdown escaped", Markdown, `Jak\*iyanov`, "b1", "Jak*iyanov", "Zhakiyanov", "Zhakiyanov"},
		{"markdown entity", Markdown, "Jak&#105;yanov\n", "b1", "Jakiyanov", "Zhakiyanov", "Zhakiyanov\n"},
		{"markdown entity made", Markdown, "&Jakiyanov; x\n", "b1", "Jakiyanov", "amp", "!"},
		{"markdown literal backslash", Markdown, `a\Jakiyanov`, "b1", "Jakiyanov", "Zh", `a\Zh`},
		{"markdown backslash escapes", Markdown, `a\Jakiyanov`, "b1", "Jakiyanov", "(Zh", "!"},
		{"markdown escaped backslash", Markdown, `a\\Jakiyanov`, "b1", "Jakiyanov", "(Zh", `a\\(Zh`},
		{"markdown emphasis", Markdown, "*Jakiyanov*\n", "b1", "Jakiyanov", "(Zh)", "*(Zh)*\n"},
		{"markdown emphasis undone", Markdown, "a*Jakiyanov*b\n", "b1", "Jakiyanov", "(Zh)", "!"},
		{"markdown emphasis, letters", Markdown, "*Jakiyanov*\n", "b1", "Jakiyanov", "Жакиянов", "*Жакиянов*\n"},
		{"markdown block quote", Markdown, "> Galymjan\n> Jakiyanov\n", "b1", "Galymjan\nJakiyanov", "Galymzhan Zhakiyanov", "> Galymzhan Zhakiyanov\n"},
		{"markdown newline", Markdown, "> Galymjan Jakiyanov\n", "b1", " ", "\n", "> Galymjan\nJakiyanov\n"},
		{"markdown newline in a heading", Markdown, "# Galymjan Jakiyanov\n", "b1", " ", "\n", "!"},
		{"markdown declaration", Markdown, "a <!jakiyanov> b\n", "b1", "jakiyanov", "Zhakiyanov", "!"},
		{"markdown tag", Markdown, "a <жакиянов> b\n", "b1", "жакиянов", "Zhakiyanov", "!"},
		{"markdown table cell", Markdown, "| a | b |\n|---|---|\n", "b2", "b", "x|y", "| a | x\\|y |\n|---|---|\n"},
		{"markdown shortcut link", Markdown, "[Jakiyanov]\n\n[jakiyanov]: /u\n", "b1", "Jakiyanov", "Zhakiyanov", "[Zhakiyanov][Jakiyanov]\n\n[jakiyanov]: /u\n"},
		{"markdown shortcut link, in part", Markdown, "See [Galymjan *Jakiyanov*] now\n\n[galymjan *jakiyanov*]: /u\n", "b1", "Galymjan", "Galymzhan",
			"See [Galymzhan *Jakiyanov*][Galymjan *Jakiyanov*] now\n\n[galymjan *jakiyanov*]: /u\n"},
		{"markdown shortcut image", Markdown, "a ![Jakiyanov] b\n\n[jakiyanov]: /u.png\n", "b1", "Jakiyanov", "Zhakiyanov", "a ![Zhakiyanov][Jakiyanov] b\n\n[jakiyanov]: /u.png\n"},
		{"markdown collapsed link", Markdown, "[Jakiyanov][] x\n\n[jakiyanov]: /u\n", "b1", "x", "y", "[Jakiyanov][] y\n\n[jakiyanov]: /u\n"},
		{"markdown collapsed link text", Markdown, "[Jakiyanov][] x\n\n[jakiyanov]: /u\n", "b1", "Jakiyanov", "Zh (a)", "[Zh (a)][Jakiyanov] x\n\n[jakiyanov]: /u\n"},
		{"markdown title", Markdown, "See [a](/u \"Jakiyanov's page\")\n", "b2", "Jakiyanov", `Zh "x" & \ y`, "See [a](/u \"Zh \\\"x\\\" \\& \\\\ y's page\")\n"},
		{"markdown title in parentheses", Markdown, "See [a](/u (Jakiyanov))\n", "b2", "Jakiyanov", "(Zh)", "See [a](/u (\\(Zh\\)))\n"},
		{"markdown title entity", Markdown, "![a](/u.png 'Jak&#105;yanov')\n", "b2", "Jakiyanov", "Zhakiyanov", "![a](/u.png 'Zhakiyanov')\n"},
		{"markdown word after &", Markdown, "&Jakiyanov x\n", "b1", "Jakiyanov", "Zhakiyanov", "&Zhakiyanov x\n"},
		{"markdown word made a tag", Markdown, "a <жакиянов b\n", "b1", "жакиянов", "Zhakiyanov", "a <Zhakiyanov b\n"},
		{"markdown full reference", Markdown, "[Jakiyanov][j]\n\n[j]: /u\n", "b1", "Jakiyanov", "Zhakiyanov", "[Zhakiyanov][j]\n\n[j]: /u\n"},
		{"markdown image before", Markdown, "Hey[a](u)\n", "b1", "Hey", "Hey!", "Hey\\![a](u)\n"},
		{"markdown after a link", Markdown, "[a] x\n\n[a]: /u\n", "b1", " x", "(b)", "[a]\\(b)\n\n[a]: /u\n"},
		{"markdown across a code", Markdown, "**Jak**iyanov\n", "b1", "Jakiyanov", "Zhakiyanov", "!"},
		{"front matter plain", Markdown, "---\ntitle: Galymjan Jakiyanov # c\n---\n", "b1", "Jakiyanov", "Zhakiyanov", "---\ntitle: Galymjan Zhakiyanov # c\n---\n"},
		{"front matter plain unsafe", Markdown, "---\ntitle: Galymjan Jakiyanov\n---\n", "b1", "Jakiyanov", "Zh: a", "!"},
		{"front matter double", Markdown, "---\r\ntitle: \"Jak\\u0069yanov\"\r\n---\r\n", "b1", "Jakiyanov", "Zh\"a\\", "---\r\ntitle: \"Zh\\\"a\\\\\"\r\n---\r\n"},
		{"front matter single", Markdown, "---\ntitle: 'Jakiyanov'\n---\n", "b1", "Jakiyanov", "It's", "---\ntitle: 'It''s'\n---\n"},
		{"front matter toml literal", Markdown, "+++\ntitle = 'Jakiyanov'\n+++\n", "b1", "Jakiyanov", "It's", "!"},
		{"front matter toml basic", Markdown, "+++\ntitle = \"Jakiyanov\"\n+++\n", "b1", "Jakiyanov", "It's \"Zh\"", "+++\ntitle = \"It's \\\"Zh\\\"\"\n+++\n"},

		{"html", HTML, "<p>Jak&#105;yanov &amp; co</p>", "b1", "Jakiyanov", "A&B <c>", "<p>A&amp;B &lt;c&gt; &amp; co</p>"},
		{"html collapsed", HTML, "<p>Galymjan\n  Jakiyanov</p>", "b1", "Galymjan Jakiyanov", "Galymzhan Zhakiyanov", "<p>Galymzhan Zhakiyanov</p>"},
		{"html white space", HTML, "<p>Galymjan Jakiyanov</p>", "b1", "Jakiyanov", "Zh  a", "!"},
		{"html newline", HTML, "<p>Galymjan Jakiyanov</p>", "b1", "Jakiyanov", "Zh\na", "!"},
		{"html preformatted", HTML, "<pre translate=yes>a\r\nJakiyanov</pre>", "b1", "Jakiyanov", "Zh\n  a", "<pre translate=yes>a\r\nZh\r\n  a</pre>"},
		{"html reference made", HTML, "<p>&Jakiyanov</p>", "b1", "Jakiyanov", "copy", "!"},
		{"html legacy reference", HTML, "<p>&amp;Jakiyanov</p>", "b1", "Jakiyanov", "Zh", "<p>&amp;Zh</p>"},
		{"html double quotes", HTML, `<img alt="Jakiyanov">`, "b1", "Jakiyanov", `Zh"a'`, `<img alt="Zh&quot;a'">`},
		{"html single quotes", HTML, `<img alt='Jakiyanov'>`, "b1", "Jakiyanov", `Zh"a'`, `<img alt='Zh"a&#39;'>`},
		{"html unquoted", HTML, `<img alt=Jakiyanov>`, "b1", "Jakiyanov", "Zh a=b", `<img alt=Zh&#32;a&#61;b>`},
		{"html attribute newline", HTML, "<img alt=\"Galymjan Jakiyanov\">\r\n", "b1", " ", "\n", "<img alt=\"Galymjan\r\nJakiyanov\">\r\n"},
		{"html attribute in a tag", HTML, `<p>See <a href=/j title="Jakiyanov">him</a></p>`, "b2", "Jakiyanov", "Zhakiyanov", `<p>See <a href=/j title="Zhakiyanov">him</a></p>`},
		{"html description", HTML, `<meta name=description content="Jakiyanov &amp; co">`, "b1", "Jakiyanov", "Жакиянов", `<meta name=description content="Жакиянов &amp; co">`},
		{"html across a tag", HTML, "<p>Jak<b>iyanov</b></p>", "b1", "Jakiyanov", "Zhakiyanov", "!"},
		{"html title", HTML, "<title>Jakiyanov</title>", "b1", "Jakiyanov", "</title>", "<title>&lt;/title&gt;</title>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := Options{FrontMatter: true, Titles: true}
			d := parse(t, tc.format, []byte(tc.in), opts)
			b := &d.Blocks[blockIndex(tc.block)]
			text := b.Content.PlainText()
			start := strings.Index(text, tc.sub)
			if start < 0 {
				t.Fatalf("block %s has text %q, without %q", b.ID, text, tc.sub)
			}
			e, ok := d.Edit(b, start, start+len(tc.sub), tc.text)
			got := "!"
			if ok {
				got = tc.in[:e.Start] + e.NewText + tc.in[e.End:]
			}
			if got != tc.want {
				t.Fatalf("got  %q\nwant %q", got, tc.want)
			}
			if !ok {
				return
			}
			d2 := parse(t, tc.format, []byte(got), opts)
			want := text[:start] + tc.text + text[start+len(tc.sub):]
			if len(d2.Blocks) != len(d.Blocks) || d2.Blocks[blockIndex(tc.block)].Content.PlainText() != want {
				t.Errorf("reads back as %q, want block %s %q", blocks(d2), tc.block, want)
			}
		})
	}
}

func TestEditOtherBlock(t *testing.T) {
	d := parse(t, Text, []byte("a\n\nb\n"), Options{})
	other := parse(t, Text, []byte("a\n\nb\n"), Options{})
	for _, b := range []*Block{&other.Blocks[0], {ID: "b1", Content: inline.Text("a")}, {ID: "b9"}} {
		if _, ok := d.Edit(b, 0, 1, "x"); ok {
			t.Errorf("a block %s not of the document is edited", b.ID)
		}
	}
	if e, ok := d.Edit(&d.Blocks[1], 0, 1, "x"); !ok || e.Start != 3 || e.End != 4 || e.NewText != "x" {
		t.Errorf("got %+v, %v", e, ok)
	}
	b := d.Blocks[1] // a copy
	if _, ok := d.Edit(&b, 0, 1, "x"); !ok {
		t.Error("a copy of a block is not edited")
	}
}
