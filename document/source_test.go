package document

import (
	"strings"
	"testing"

	"github.com/loctool/loctool/inline"
)

// sourceCase places the first occurrence of sub in the plain text of the
// block with the ID block; want is the article's bytes from Source, or
// "!" when Source does not place it.
type sourceCase struct {
	name     string
	in       string
	block    string
	sub      string
	want     string
	frontMat bool
}

func testSource(t *testing.T, f Format, cases []sourceCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := parse(t, f, []byte(tc.in), Options{FrontMatter: tc.frontMat})
			checkRuns(t, d)
			var b *Block
			for i := range d.Blocks {
				if d.Blocks[i].ID == tc.block {
					b = &d.Blocks[i]
				}
			}
			if b == nil {
				t.Fatalf("no block %s among %q", tc.block, blocks(d))
			}
			text := b.Content.PlainText()
			start := strings.Index(text, tc.sub)
			if start < 0 {
				t.Fatalf("block %s has text %q, without %q", b.ID, text, tc.sub)
			}
			from, to, ok := d.Source(b, start, start+len(tc.sub))
			got := "!"
			if ok {
				got = tc.in[from:to]
			}
			if got != tc.want {
				t.Errorf("Source of %q in %q = %q, want %q", tc.sub, text, got, tc.want)
			}
		})
	}
}

func TestSourceText(t *testing.T) {
	testSource(t, Text, []sourceCase{
		{name: "word", in: "Galymjan Jakiyanov was freed.\n", block: "b1", sub: "Jakiyanov", want: "Jakiyanov"},
		{name: "second paragraph", in: "Title\n\n  Galymjan  Jakiyanov\n", block: "b2", sub: "Galymjan  Jakiyanov", want: "Galymjan  Jakiyanov"},
		{name: "name across lines", in: "Galymjan\nJakiyanov\n", block: "b1", sub: "Galymjan\nJakiyanov", want: "Galymjan\nJakiyanov"},
		{name: "crlf", in: "Galymjan\r\nJakiyanov\r\n\r\nb\r\n", block: "b1", sub: "n\nJ", want: "n\r\nJ"},
		{name: "crlf alone", in: "Galymjan\r\nJakiyanov\r\n", block: "b1", sub: "\n", want: "\r\n"},
		{name: "bom", in: "\uFEFFJakiyanov\n", block: "b1", sub: "Jakiyanov", want: "Jakiyanov"},
		{name: "multi-byte", in: "Жакиянов, or Zhakiyanov\n", block: "b1", sub: "Zhakiyanov", want: "Zhakiyanov"},
		{name: "cyrillic", in: "Галымжан Жакиянов\n", block: "b1", sub: "Жакиянов", want: "Жакиянов"},
		{name: "lone carriage return", in: "a\rb\n", block: "b1", sub: "a\rb", want: "a\rb"},
	})
}

func TestSourceMarkdown(t *testing.T) {
	testSource(t, Markdown, []sourceCase{
		{name: "word", in: "Galymjan Jakiyanov was freed.\n", block: "b1", sub: "Jakiyanov", want: "Jakiyanov"},
		{name: "escape", in: `Jak\*iyanov`, block: "b1", sub: "k*i", want: `k\*i`},
		{name: "escape alone", in: `Jak\*iyanov`, block: "b1", sub: "*", want: `\*`},
		{name: "not an escape", in: `a\b`, block: "b1", sub: `\b`, want: `\b`},
		{name: "numeric reference", in: "Jak&#105;yanov\n", block: "b1", sub: "kiy", want: "k&#105;y"},
		{name: "reference at the start", in: "Jak&#105;yanov\n", block: "b1", sub: "iyanov", want: "&#105;yanov"},
		{name: "reference at the end", in: "Jak&#105;yanov\n", block: "b1", sub: "Jaki", want: "Jak&#105;"},
		{name: "named reference", in: "AT&amp;T &copy; 2024\n", block: "b1", sub: "&T ©", want: "&amp;T &copy;"},
		{name: "not a reference", in: "AT&T &bogus; x\n", block: "b1", sub: "&T &bogus;", want: "&T &bogus;"},
		{name: "name across lines", in: "Galymjan\nJakiyanov\n", block: "b1", sub: "Galymjan\nJakiyanov", want: "Galymjan\nJakiyanov"},
		{name: "trailing spaces", in: "Galymjan \nJakiyanov\n", block: "b1", sub: "n\nJ", want: "n \nJ"},
		{name: "crlf", in: "Galymjan\r\nJakiyanov\r\n", block: "b1", sub: "Galymjan\nJakiyanov", want: "Galymjan\r\nJakiyanov"},
		{name: "block quote", in: "> Galymjan\n> Jakiyanov\n", block: "b1", sub: "Galymjan\nJakiyanov", want: "Galymjan\n> Jakiyanov"},
		{name: "block quote second line", in: "> Galymjan\n> Jakiyanov\n", block: "b1", sub: "Jakiyanov", want: "Jakiyanov"},
		{name: "list item", in: "- Galymjan\n  Jakiyanov\n- b\n", block: "b1", sub: "n\nJ", want: "n\n  J"},
		{name: "nested list", in: "1. a\n   - > Galymjan\n     > Jakiyanov\n", block: "b2", sub: "\nJak", want: "\n     > Jak"},
		{name: "atx heading", in: "## Jakiyanov ##\n", block: "b1", sub: "Jakiyanov", want: "Jakiyanov"},
		{name: "setext heading", in: "Galymjan\nJakiyanov\n===\n", block: "b1", sub: "Jakiyanov", want: "Jakiyanov"},
		{name: "table cell", in: "| a | Jak\\|iyanov |\n|---|---|\n| c | d |\n", block: "b2", sub: "k|i", want: `k\|i`},
		{name: "table body cell", in: "| a | b |\n|---|---|\n| c | Жакиянов |\n", block: "b4", sub: "Жакиянов", want: "Жакиянов"},
		{name: "link text", in: "See [Jakiyanov](https://x.org/Jakiyanov).\n", block: "b1", sub: "Jakiyanov", want: "Jakiyanov"},
		{name: "across a code", in: "**Jak**iyanov\n", block: "b1", sub: "Jakiyanov", want: "!"},
		{name: "across a hard break", in: "Galymjan  \nJakiyanov\n", block: "b1", sub: "Galymjan", want: "Galymjan"},
		{name: "standalone image", in: "![Galymjan Jak&#105;yanov in *Almaty*](a.png)\n", block: "b1", sub: "kiy", want: "k&#105;y"},
		{name: "image alt across emphasis", in: "![Jakiyanov in *Almaty*](a.png)\n", block: "b1", sub: "in Almaty", want: "!"},
		{name: "bom", in: "\uFEFF# Jakiyanov\n", block: "b1", sub: "Jakiyanov", want: "Jakiyanov"},
		{name: "left-over delimiters", in: "**Jakiyanov* x\n", block: "b1", sub: "Jakiyanov", want: "Jakiyanov"},
		{name: "encoded newline", in: "Galymjan &#10; Jakiyanov\n", block: "b1", sub: "n\nJ", want: "n &#10; J"},
		{name: "front matter plain", in: "---\ntitle: Galymjan Jakiyanov # a\n---\nx\n", frontMat: true, block: "b1", sub: "Jakiyanov", want: "Jakiyanov"},
		{name: "front matter double", in: "---\ntitle: \"Jak\\u0069yanov \\\"Z\\\"\"\n---\nx\n", frontMat: true, block: "b1", sub: "kiyanov \"", want: "k\\u0069yanov \\\""},
		{name: "front matter single", in: "---\r\ndescription: 'It''s Jakiyanov'\r\n---\r\nx\r\n", frontMat: true, block: "b1", sub: "t's J", want: "t''s J"},
		{name: "front matter toml", in: "\uFEFF+++\ntitle = 'Jakiyanov'\n+++\nx\n", frontMat: true, block: "b1", sub: "Jakiyanov", want: "Jakiyanov"},
	})
}

func TestSourceHTML(t *testing.T) {
	testSource(t, HTML, []sourceCase{
		{name: "word", in: "<p>Galymjan Jakiyanov was freed.</p>", block: "b1", sub: "Jakiyanov", want: "Jakiyanov"},
		{name: "numeric reference", in: "<p>Jak&#105;yanov</p>", block: "b1", sub: "kiy", want: "k&#105;y"},
		{name: "reference at the edges", in: "<p>Jak&#x69;yanov</p>", block: "b1", sub: "i", want: "&#x69;"},
		{name: "named reference", in: "<p>AT&amp;T</p>", block: "b1", sub: "T&T", want: "T&amp;T"},
		{name: "legacy reference", in: "<p>&copy 2024 &ampx</p>", block: "b1", sub: "© 2024 &", want: "&copy 2024 &amp"},
		{name: "two characters", in: "<p>a &nGt; b</p>", block: "b1", sub: "a \u226b\u20d2", want: "a &nGt;"},
		{name: "not a reference", in: "<p>AT&T &bogus; x</p>", block: "b1", sub: "&T &bogus;", want: "&T &bogus;"},
		{name: "reference goldmark lacks", in: "<p>&Abreve;a</p>", block: "b1", sub: "Ăa", want: "&Abreve;a"},
		{name: "numeric references", in: "<p>&#x80;&#0;&#99999999;&#X41x&#;</p>", block: "b1", sub: "€\uFFFD\uFFFDAx&#;", want: "&#x80;&#0;&#99999999;&#X41x&#;"},
		{name: "collapsed white space", in: "<p>Galymjan\n     Jakiyanov</p>", block: "b1", sub: "Galymjan Jakiyanov", want: "Galymjan\n     Jakiyanov"},
		{name: "a space alone", in: "<p>Galymjan\n     Jakiyanov</p>", block: "b1", sub: " ", want: "\n     "},
		{name: "crlf", in: "<p>Galymjan\r\nJakiyanov</p>", block: "b1", sub: "n J", want: "n\r\nJ"},
		{name: "space and reference", in: "<p>a &#32; b</p>", block: "b1", sub: "a b", want: "a &#32; b"},
		{name: "trimmed", in: "<p>\n  Jakiyanov\n</p>", block: "b1", sub: "Jakiyanov", want: "Jakiyanov"},
		{name: "nested blocks", in: "<ul><li>Galymjan <p>Jak&#105;yanov</p> Zhakiyanov</li></ul>", block: "b2", sub: "Jakiyanov", want: "Jak&#105;yanov"},
		{name: "after a nested block", in: "<ul><li>Galymjan <p>Jak&#105;yanov</p> Zhakiyanov</li></ul>", block: "b3", sub: "Zhakiyanov", want: "Zhakiyanov"},
		{name: "table", in: "<table><tr><td>a<ul><li><p>Jakiyanov</p></li></ul>c</td></tr></table>", block: "b2", sub: "Jakiyanov", want: "Jakiyanov"},
		{name: "link text", in: `<p>See <a href="/Jakiyanov" title="Jakiyanov">Jakiyanov</a>.</p>`, block: "b1", sub: "Jakiyanov", want: "Jakiyanov"},
		{name: "title attribute", in: `<p>See <a href="/Jakiyanov" title="Jak&#105;yanov&quot;">Jakiyanov</a>.</p>`, block: "b2", sub: "iyanov\"", want: "&#105;yanov&quot;"},
		{name: "alt attribute", in: "<img src=a.png alt='Galymjan\r\n Jakiyanov'>", block: "b1", sub: "n\n J", want: "n\r\n J"},
		{name: "unquoted attribute", in: "<img src=a.png alt=Jak&#105;yanov>", block: "b1", sub: "Jakiyanov", want: "Jak&#105;yanov"},
		{name: "meta description", in: `<meta name="description" content="Galymjan Jakiyanov &amp; co">`, block: "b1", sub: "Jakiyanov &", want: "Jakiyanov &amp;"},
		{name: "title", in: "<title>Jakiyanov &amp; <b>co</b></title>", block: "b1", sub: "Jakiyanov & <b>", want: "Jakiyanov &amp; <b>"},
		{name: "across a tag", in: "<p>Jak<b>iyanov</b></p>", block: "b1", sub: "Jakiyanov", want: "!"},
		{name: "across a comment", in: "<p>Jak<!-- x -->iyanov</p>", block: "b1", sub: "Jakiyanov", want: "!"},
		{name: "inside a tag", in: "<p>a <b>Jakiyanov</b> b</p>", block: "b1", sub: "Jakiyanov", want: "Jakiyanov"},
		{name: "bom", in: "\uFEFF<p>Жакиянов</p>", block: "b1", sub: "Жакиянов", want: "Жакиянов"},
		{name: "preformatted", in: "<pre translate=yes>Galymjan\r\n  Jakiyanov</pre>", block: "b1", sub: "n\n  J", want: "n\r\n  J"},
		{name: "text outside blocks", in: "<div>Galymjan <span>Jakiyanov</span></div>", block: "b1", sub: "Jakiyanov", want: "Jakiyanov"},
	})
}

// TestSourceRanges places ranges by their offsets: the ends of the text,
// ranges that split a character or a unit, and ranges that are not.
func TestSourceRanges(t *testing.T) {
	in := "<p>Ж &copy;x</p>"
	d := parse(t, HTML, []byte(in), Options{})
	b := &d.Blocks[0]
	text := b.Content.PlainText() // "Ж ©x": Ж and © are two bytes each
	for _, tc := range []struct {
		start, end int
		want       string
	}{
		{0, len(text), "Ж &copy;x"},
		{0, 1, "\xd0"},          // half of Ж
		{1, 2, "\x96"},          // its other half
		{3, 4, "&copy;"},        // half of ©: the whole reference
		{4, 6, "&copy;x"},       // from the middle of ©
		{5, 6, "x"},             // the last byte
		{0, 0, "!"},             // empty
		{2, 1, "!"},             // backwards
		{-1, 1, "!"},            // before the text
		{5, len(text) + 1, "!"}, // after it
	} {
		from, to, ok := d.Source(b, tc.start, tc.end)
		got := "!"
		if ok {
			got = in[from:to]
		}
		if got != tc.want {
			t.Errorf("Source(%d, %d) = %q, want %q", tc.start, tc.end, got, tc.want)
		}
	}
	other := parse(t, HTML, []byte(in), Options{})
	for _, b := range []*Block{{}, {ID: "b1", Content: inline.Text(text)}, &other.Blocks[0]} {
		if _, _, ok := d.Source(b, 0, 1); ok {
			t.Errorf("block %s %q, not one of the document's, is placed", b.ID, b.Content)
		}
	}
	if c := d.Blocks[0]; true {
		if _, _, ok := d.Source(&c, 0, 1); !ok {
			t.Error("a copy of a block is not placed")
		}
	}
}

// checkRuns checks the runs of every block: they cover its text in order;
// a verbatim run's bytes are its text; any other run's bytes read as its
// text.
func checkRuns(t testing.TB, d *Document) {
	t.Helper()
	for i := range d.Blocks {
		b := &d.Blocks[i]
		text := b.Content.PlainText()
		rs := d.spans[i].runs
		if len(rs) == 0 || int(rs[len(rs)-1].end) != len(text) {
			t.Fatalf("block %s %q has runs %v", b.ID, text, rs)
		}
		for k := range rs {
			start, end := rs.text(k)
			from, to := rs.src(k)
			if end <= start || from > to || to > len(d.src) {
				t.Fatalf("block %s %q: run %d of %v is not in order", b.ID, text, k, rs)
			}
			got, want := d.src[from:to], text[start:end]
			if rs[k].to < 0 {
				if got != want {
					t.Fatalf("block %s: verbatim run %d is %q for the text %q", b.ID, k, got, want)
				}
				continue
			}
			if !readsAs(d, b, got, want) {
				t.Fatalf("block %s %q: run %d is %q, which does not read as %q", b.ID, text, k, got, want)
			}
		}
	}
}

// readsAs reports whether src, one unit of markup of block b, reads as
// text.
func readsAs(d *Document, b *Block, src, text string) bool {
	switch {
	case strings.HasPrefix(b.Kind, "front-matter"):
		if src == "''" {
			return text == "'"
		}
		r, n := unescapeScalar(src, d.src[bomLen(d.src)] == '+')
		return n == len(src) && r == text
	case d.Format == Text:
		return lfEndings(src) == text
	case d.Format == HTML:
		t := decodeEntities(src)
		if b.Kind != "preformatted" && d.spans[blockIndex(b.ID)].style == styleHTML {
			t = collapseSpace(t)
		}
		return t == text
	}
	// Markdown: an escape, an entity, or a line break with the white
	// space and container markers around it.
	w := &mdWalk{}
	t := w.decode(src)
	if text == "\n" && strings.Count(t, "\n") == 1 {
		return strings.Trim(t, " \t\r\n>") == ""
	}
	return t == text
}
