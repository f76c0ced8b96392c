package document

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/loctool/loctool/inline"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// sample is an article the tests read, with the golden file listing its
// blocks.
type sample struct {
	name   string
	path   string
	format Format
	opts   Options
	golden string
}

var samples = []sample{
	{"article", "../articles/ablyazov-amnesty.txt", Text, Options{}, "testdata/ablyazov-amnesty.txt.golden"},
	{"text", "testdata/sample.txt", Text, Options{}, "testdata/sample.txt.golden"},
	{"markdown", "testdata/sample.md", Markdown, Options{FrontMatter: true}, "testdata/sample.md.golden"},
	{"markdown without front matter", "testdata/sample.md", Markdown, Options{}, "testdata/sample-nofm.md.golden"},
	{"toml front matter", "testdata/toml.md", Markdown, Options{FrontMatter: true}, "testdata/toml.md.golden"},
	{"footnotes", "testdata/footnotes.md", Markdown, Options{}, "testdata/footnotes.md.golden"},
	{"gfm", "testdata/gfm.md", Markdown, Options{}, "testdata/gfm.md.golden"},
	{"html", "testdata/sample.html", HTML, Options{}, "testdata/sample.html.golden"},
}

func read(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func parse(t testing.TB, f Format, data []byte, opts Options) *Document {
	t.Helper()
	d, err := Parse(f, data, "test", opts)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// dump lists a document's blocks: ID, kind and content on one line, then
// each code with its markup and display.
func dump(d *Document) string {
	var b strings.Builder
	for _, blk := range d.Blocks {
		fmt.Fprintf(&b, "%s %s %q\n", blk.ID, blk.Kind, blk.Content.String())
		for _, c := range blk.Content.Codes() {
			fmt.Fprintf(&b, "\t%s %s %s %q", c.Kind, c.ID, c.Type, c.Data)
			if c.Display != "" {
				fmt.Fprintf(&b, " → %q", c.Display)
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	for _, s := range samples {
		t.Run(s.name, func(t *testing.T) {
			data := read(t, s.path)
			d := parse(t, s.format, data, s.opts)
			got := dump(d)
			if *update {
				if err := os.WriteFile(s.golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want := string(read(t, s.golden))
			if got != want {
				t.Errorf("blocks differ from %s (run with -update to accept):\n%s", s.golden, diff(want, got))
			}
			// Idempotence: what Render writes reads back as the same blocks.
			for _, targets := range []map[string]inline.Content{nil, own(d)} {
				out, err := d.Render(targets)
				if err != nil {
					t.Fatal(err)
				}
				if again := dump(parse(t, s.format, out, s.opts)); again != got {
					t.Errorf("the rendered article reads back differently:\n%s", diff(got, again))
				}
			}
		})
	}
}

// diff shows the first lines where a and b differ.
func diff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\nwant %s\ngot  %s", i+1, x, y)
		}
	}
	return ""
}

// own returns each block's own content as its target.
func own(d *Document) map[string]inline.Content {
	m := make(map[string]inline.Content, len(d.Blocks))
	for _, b := range d.Blocks {
		m[b.ID] = b.Content
	}
	return m
}

// variants change an article's layout without changing its blocks.
var variants = []struct {
	name      string
	apply     func(string) string
	sameTexts bool // the blocks keep their text
}{
	{"as is", func(s string) string { return s }, true},
	{"crlf", func(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", "\r\n") }, true},
	{"bom", func(s string) string { return "\uFEFF" + s }, true},
	{"bom and crlf", func(s string) string { return "\uFEFF" + strings.ReplaceAll(s, "\n", "\r\n") }, true},
	{"no final newline", func(s string) string { return strings.TrimRight(s, "\r\n") }, true},
	{"two final newlines", func(s string) string { return s + "\n\n" }, true},
	{"trailing white space", func(s string) string { return strings.ReplaceAll(s, "\n", " \t \n") + "  " }, false},
	{"empty", func(string) string { return "" }, false},
	{"only blank lines", func(string) string { return "\n \n\t\n" }, false},
}

func TestRoundTrip(t *testing.T) {
	for _, s := range samples {
		base := parse(t, s.format, read(t, s.path), s.opts)
		for _, v := range variants {
			t.Run(s.name+"/"+v.name, func(t *testing.T) {
				in := v.apply(string(read(t, s.path)))
				d := parse(t, s.format, []byte(in), s.opts)
				for _, targets := range []map[string]inline.Content{nil, own(d), {}} {
					out, err := d.Render(targets)
					if err != nil {
						t.Fatal(err)
					}
					if string(out) != in {
						t.Fatalf("Render does not give back the input:\n%s", diff(in, string(out)))
					}
				}
				if !v.sameTexts {
					return
				}
				if len(d.Blocks) != len(base.Blocks) {
					t.Fatalf("%d blocks, want %d", len(d.Blocks), len(base.Blocks))
				}
				for i, b := range d.Blocks {
					if want := base.Blocks[i]; b.Kind != want.Kind || !sameContent(b.Content, want.Content) {
						t.Errorf("block %s is %s %q, want %s %q", b.ID, b.Kind, b.Content, want.Kind, want.Content)
					}
				}
			})
		}
	}
}

// specials are characters each format must escape in a translation.
const specials = `a*b_c [d] <e> &amp; f\g ` + "`h`" + ` #1 | "q" 'r' &`

// lineStarts are lines that Markdown would read as markers.
const lineStarts = "\n- x\n# y\n1. z\n2) w\n+ v\n= u\n~~~\n> t\n* s\n<div>"

// fakeTranslation returns a made-up translation of a block that keeps its
// codes: the letters of each word reversed, and the specials after the
// first word; blocks that may hold newlines also get lines that start
// with markers.
func fakeTranslation(f Format, b Block) inline.Content {
	out := make(inline.Content, 0, len(b.Content))
	injected := false
	lastText := -1
	for _, it := range b.Content {
		if it.Code != nil {
			out = append(out, it)
			continue
		}
		t := reverseWords(it.Text)
		if i := strings.IndexByte(t, ' '); !injected && i > 0 {
			t = t[:i+1] + specials + t[i:]
			injected = true
		}
		lastText = len(out)
		out = append(out, inline.Item{Text: t})
	}
	multiline := (f == Text || f == Markdown) && (b.Kind == "paragraph" || b.Kind == "list-item" || b.Kind == "blockquote" || b.Kind == "footnote")
	if multiline && lastText >= 0 {
		out[lastText].Text += lineStarts
	}
	return out
}

func reverseWords(s string) string {
	r := []rune(s)
	for i := 0; i < len(r); {
		if !unicode.IsLetter(r[i]) {
			i++
			continue
		}
		j := i
		for j < len(r) && unicode.IsLetter(r[j]) {
			j++
		}
		for a, b := i, j-1; a < b; a, b = a+1, b-1 {
			r[a], r[b] = r[b], r[a]
		}
		i = j
	}
	return string(r)
}

// expected returns the content a translation reads back as: HTML shows
// runs of white space as one space.
func expected(f Format, b Block, c inline.Content) inline.Content {
	switch {
	case f != HTML:
		return c
	case b.Kind == "preformatted", b.Kind == "alt", b.Kind == "title-attribute", b.Kind == "description":
		return c
	}
	out := make(inline.Content, len(c))
	for i, it := range c {
		if it.Code == nil {
			it.Text = collapseSpace(it.Text)
		}
		out[i] = it
	}
	return out
}

func TestTranslate(t *testing.T) {
	for _, s := range samples {
		for _, v := range variants[:4] {
			t.Run(s.name+"/"+v.name, func(t *testing.T) {
				in := v.apply(string(read(t, s.path)))
				d := parse(t, s.format, []byte(in), s.opts)
				targets := map[string]inline.Content{}
				for _, b := range d.Blocks {
					targets[b.ID] = fakeTranslation(s.format, b)
				}
				out, err := d.Render(targets)
				if err != nil {
					t.Fatal(err)
				}
				if !utf8.Valid(out) {
					t.Fatal("output is not UTF-8")
				}
				if strings.Contains(in, "\r\n") && strings.Count(string(out), "\n") != strings.Count(string(out), "\r\n") {
					t.Error("output mixes line endings")
				}
				d2 := parse(t, s.format, out, s.opts)
				if len(d2.Blocks) != len(d.Blocks) {
					t.Fatalf("translation reads back as %d blocks, want %d:\n%s", len(d2.Blocks), len(d.Blocks), out)
				}
				for i, b := range d2.Blocks {
					src := d.Blocks[i]
					want := expected(s.format, src, targets[src.ID])
					if b.Kind != src.Kind || !sameContent(b.Content, want) {
						t.Errorf("block %s reads back as %s\n%q\nwant %s\n%q", b.ID, b.Kind, b.Content.String(), src.Kind, want.String())
						continue
					}
					for k, c := range b.Content.Codes() {
						sc := src.Content.Codes()[k]
						data, srcData := c.Data, sc.Data
						switch {
						case s.format == HTML: // attributes in a tag are translated
							data, srcData = tagName(data), tagName(srcData)
						case (srcData == "]" || srcData == "][]") && strings.HasPrefix(data, "]["):
							data = srcData // a reference link keeps its label
						}
						if c.Type != sc.Type || data != srcData {
							t.Errorf("block %s: code %d is %s %q, want %s %q", b.ID, k, c.Type, c.Data, sc.Type, sc.Data)
						}
					}
				}
			})
		}
	}
}

// tagName returns the start of a tag up to its attributes.
func tagName(s string) string {
	if i := strings.IndexAny(s, " \t\n>"); i > 0 {
		return s[:i]
	}
	return s
}

func TestTranslateEscapes(t *testing.T) {
	for _, tc := range []struct {
		name   string
		format Format
		in     string
		opts   Options
		target string // the translation of the first block
		want   string
	}{
		{"text", Text, "Hello.\n", Options{}, "a*b <c> & d", "a*b <c> & d\n"},
		{"text drops blank lines", Text, "  Hello.  \n", Options{}, "\n\nOne.\n  \nTwo.  \n\n", "  One.\nTwo.  \n"},
		{"text keeps crlf", Text, "Hello\r\nworld.\r\n", Options{}, "Привет,\nмир.", "Привет,\r\nмир.\r\n"},
		{"markdown specials", Markdown, "Hello.\n", Options{}, "a*b_c [d] <e> `f` \\ &amp; & AT&T",
			"a\\*b\\_c \\[d\\] \\<e\\> \\`f\\` \\\\ \\&amp; & AT&T\n"},
		{"markdown line starts", Markdown, "> Hello.\n", Options{}, "# a\n- b\n+ c\n12. d\n3) e\n==\n~~~\n  f",
			"> \\# a\n> \\- b\n> \\+ c\n> 12\\. d\n> 3\\) e\n> \\==\n> \\~~~\n> f\n"},
		{"markdown blank lines and indentation", Markdown, "- Hello\n  world.\n", Options{}, "\n  One  \n\n\n    Two\t\n",
			"- One\n  Two\n"},
		{"markdown strikethrough at a line start", Markdown, "Hello.\n", Options{}, "~~a~~ ~b~\n~~c~~", "~~a~~ ~b~\n~~c~~\n"},
		{"markdown urls and addresses", Markdown, "Hello.\n", Options{}, "http://a.kz/b_c (www.d.kz) e_f@g.kz\nftp://h.kz https:x @i.kz j@k",
			"http\\://a.kz/b\\_c (www\\.d.kz) e\\_f\\@g.kz\nftp\\://h.kz https\\:x @i.kz j@k\n"},
		{"markdown list continuation", Markdown, "1. Hello.\n", Options{}, "One\nTwo", "1. One\n   Two\n"},
		{"markdown atx heading", Markdown, "## Hello ##\n", Options{}, "C# and\nF#", "## C\\# and F\\# ##\n"},
		{"markdown setext heading", Markdown, "Hello\n=====\n", Options{}, "One\n===", "One\n\\===\n=====\n"},
		{"markdown table cell", Markdown, "| a | b |\n|---|---|\n| c | d |\n", Options{}, "x|y\nz", "| x\\|y z | b |\n|---|---|\n| c | d |\n"},
		{"markdown alt", Markdown, "![Hello](a.png)\n", Options{}, "[x] - y", "![\\[x\\] - y](a.png)\n"},
		{"yaml plain", Markdown, "---\ntitle: Hello\n---\n", Options{FrontMatter: true}, "Привет: мир #1", "---\ntitle: \"Привет: мир #1\"\n---\n"},
		{"yaml plain stays plain", Markdown, "---\ntitle: Hello # note\n---\n", Options{FrontMatter: true}, "Привет", "---\ntitle: Привет # note\n---\n"},
		{"yaml single", Markdown, "---\ntitle: 'Hello'\n---\n", Options{FrontMatter: true}, "It's \"x\"", "---\ntitle: 'It''s \"x\"'\n---\n"},
		{"yaml double", Markdown, "---\ntitle: \"Hello\"\n---\n", Options{FrontMatter: true}, "a \"b\" \\ c", "---\ntitle: \"a \\\"b\\\" \\\\ c\"\n---\n"},
		{"yaml line separator", Markdown, "---\ntitle: Hello\n---\n", Options{FrontMatter: true}, "a\u2028b\u0085", "---\ntitle: \"a\\u2028b\\u0085\"\n---\n"},
		{"yaml single line separator", Markdown, "---\ntitle: 'Hello'\n---\n", Options{FrontMatter: true}, "a\u2029b", "---\ntitle: \"a\\u2029b\"\n---\n"},
		{"toml literal", Markdown, "+++\ntitle = 'Hello'\n+++\n", Options{FrontMatter: true}, "It's", "+++\ntitle = \"It's\"\n+++\n"},
		{"html text", HTML, "<p>Hello</p>", Options{}, "a < b & c > \"d\"", "<p>a &lt; b &amp; c &gt; \"d\"</p>"},
		{"html double-quoted attribute", HTML, `<img alt="Hello">`, Options{}, `a "b" 'c' & <d>`, `<img alt="a &quot;b&quot; 'c' &amp; &lt;d&gt;">`},
		{"html single-quoted attribute", HTML, `<img alt='Hello'>`, Options{}, `a "b" 'c'`, `<img alt='a "b" &#39;c&#39;'>`},
		{"html unquoted attribute", HTML, `<img alt=Hello>`, Options{}, `Привет`, `<img alt=Привет>`},
		{"html unquoted attribute needs quotes", HTML, `<img alt=Hello>`, Options{}, `a b`, `<img alt="a b">`},
		{"html title", HTML, "<title>Hello</title>", Options{}, "</title>", "<title>&lt;/title&gt;</title>"},
		{"html meta description", HTML, `<meta name="Description" content="Hello">`, Options{}, "Привет", `<meta name="Description" content="Привет">`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := parse(t, tc.format, []byte(tc.in), tc.opts)
			if len(d.Blocks) == 0 {
				t.Fatal("no blocks")
			}
			out, err := d.Render(map[string]inline.Content{"b1": inline.Text(tc.target)})
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tc.want {
				t.Errorf("got  %q\nwant %q", out, tc.want)
			}
		})
	}
}

// TestTooDeep refuses articles nested deeper than MaxDepth at the tag or
// the line that goes too deep, and reads those at the limit.
func TestTooDeep(t *testing.T) {
	list := func(n int) string {
		var s strings.Builder
		for i := range n {
			s.WriteString(strings.Repeat("  ", i) + "- x\n")
		}
		return s.String()
	}
	tests := []struct {
		name string
		f    Format
		src  string
		opts Options
		want string // the error; "" for none
	}{
		{"html at the limit", HTML, strings.Repeat("<div>", 3) + "x", Options{MaxDepth: 3}, ""},
		{"html", HTML, "<p>a</p>\n" + strings.Repeat("<div>", 4) + "x", Options{MaxDepth: 3},
			"a.html:2:16: the element is nested deeper than 3 levels: flatten the article"},
		{"html default", HTML, strings.Repeat("<div>", 600), Options{},
			"a.html:1:2561: the element is nested deeper than 512 levels: flatten the article"},
		{"void elements do not nest", HTML, "<div><div>" + strings.Repeat("<br>", 10), Options{MaxDepth: 2}, ""},
		{"list at the limit", Markdown, list(3), Options{MaxDepth: 3}, ""},
		{"list", Markdown, list(4), Options{MaxDepth: 3, DepthSetting: "limits.max-nesting"},
			"a.md:4:7: the list or block quote is nested deeper than 3 levels: flatten the article, or raise limits.max-nesting"},
		{"quotes", Markdown, "text\n\n>>>> x\n", Options{MaxDepth: 3},
			"a.md:3:4: the list or block quote is nested deeper than 3 levels: flatten the article"},
		{"lazy lines and text", Markdown, ">>> x\ny\n12 is a number\n", Options{MaxDepth: 3}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := "a.html"
			if tt.f == Markdown {
				name = "a.md"
			}
			_, err := Parse(tt.f, []byte(tt.src), name, tt.opts)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("Parse: %v", err)
			case tt.want != "" && (err == nil || err.Error() != tt.want):
				t.Fatalf("Parse: %v, want %s", err, tt.want)
			case tt.want != "" && !errors.Is(err, ErrTooDeep):
				t.Fatalf("Parse: %v is not ErrTooDeep", err)
			}
		})
	}
}

// TestTooMuchMarkup checks that a Markdown paragraph with more inline
// markup than the options allow is refused at its first line, counting
// each run of lines between blank lines on its own.
func TestTooMuchMarkup(t *testing.T) {
	tests := []struct {
		name string
		src  string
		opts Options
		want string // the error; "" for none
	}{
		{"at the limit", "*a* _b_ `c` [d]", Options{MaxMarkup: 8}, ""},
		{"one more", "*a* _b_ `c` [d]]", Options{MaxMarkup: 8},
			"a.md:1:1: the paragraph has more than 8 characters of inline markup (* _ ` [ ]): split it into paragraphs"},
		{"paragraphs counted apart", "*a* _b_\n\n`c` [d]\n \t\n**e**\n", Options{MaxMarkup: 4}, ""},
		{"lines of a paragraph counted together", "# Title\n\n*a* _b_\n`c` [d]\n", Options{MaxMarkup: 4, MarkupSetting: "limits.paragraph-markup"},
			"a.md:3:1: the paragraph has more than 4 characters of inline markup (* _ ` [ ]): split it into paragraphs, or raise limits.paragraph-markup"},
		{"windows line ends", "*a*\r\n\r\n*b*\r\n", Options{MaxMarkup: 2}, ""},
		{"default", strings.Repeat("[a](", 2001), Options{},
			"a.md:1:1: the paragraph has more than 4000 characters of inline markup (* _ ` [ ]): split it into paragraphs"},
		{"front matter not counted", "---\ntitle: " + strings.Repeat("_", 20) + "\n---\n\n*a*\n", Options{MaxMarkup: 2, FrontMatter: true}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(Markdown, []byte(tt.src), "a.md", tt.opts)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("Parse: %v", err)
			case tt.want != "" && (err == nil || err.Error() != tt.want):
				t.Fatalf("Parse: %v, want %s", err, tt.want)
			case tt.want != "" && !errors.Is(err, ErrTooMuchMarkup):
				t.Fatalf("Parse: %v is not ErrTooMuchMarkup", err)
			}
		})
	}
}
