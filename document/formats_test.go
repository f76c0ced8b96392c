package document

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/inline"
)

// blocks lists a document's blocks as "kind: content".
func blocks(d *Document) []string {
	out := make([]string, len(d.Blocks))
	for i, b := range d.Blocks {
		out[i] = b.Kind + ": " + b.Content.String()
	}
	return out
}

func checkBlockList(t *testing.T, f Format, in string, opts Options, want []string) *Document {
	t.Helper()
	d := parse(t, f, []byte(in), opts)
	got := blocks(d)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks of %q:\ngot  %q\nwant %q", in, got, want)
	}
	if out, err := d.Render(nil); err != nil || string(out) != in {
		t.Errorf("Render gives %q, %v", out, err)
	}
	return d
}

func TestTextBlocks(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"paragraphs", "Title\n\nFirst line\nsecond line.\n", []string{"paragraph: Title", "paragraph: First line\nsecond line."}},
		{"blank lines of spaces and tabs", "a\n \t \nb\n\t\nc", []string{"paragraph: a", "paragraph: b", "paragraph: c"}},
		{"white space around is skeleton", "  \t indented  \n   next   \n", []string{"paragraph: indented  \n   next"}},
		{"crlf", "a\r\nb\r\n\r\nc\r\n", []string{"paragraph: a\nb", "paragraph: c"}},
		{"bom", "\uFEFFTitle\n", []string{"paragraph: Title"}},
		{"only white space", " \n\t\n", nil},
		{"no final newline", "a\n\nb", []string{"paragraph: a", "paragraph: b"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkBlockList(t, Text, tc.in, Options{}, tc.want)
		})
	}
}

func TestMarkdownBlocks(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		opts     Options
		want     []string
	}{
		{"headings", "# ATX #\n\nSetext\n===\n\nTwo\n---\n", Options{}, []string{"heading: ATX", "heading: Setext", "heading: Two"}},
		{"code and html blocks are skeleton", "```\ncode\n```\n\n    indented\n\n<div>\nhtml\n</div>\n\n<!-- c -->\n\ntext\n", Options{},
			[]string{"paragraph: text"}},
		{"front matter is skeleton", "---\ntitle: T\n---\nText\n", Options{}, []string{"paragraph: Text"}},
		{"front matter blocks", "---\ntitle: T\ndescription: 'D'\nother: O\n---\nText\n", Options{FrontMatter: true},
			[]string{"front-matter-title: T", "front-matter-description: D", "paragraph: Text"}},
		{"unclosed front matter is markdown", "---\ntitle: T\n", Options{FrontMatter: true}, []string{"paragraph: title: T"}},
		{"reference definitions are skeleton", "[a]: /u\n\n[a]\n", Options{}, []string{"paragraph: {open 1 link}a{close 1 link}"}},
		{"standalone image is alt text", "![An *alt* text](a.png)\n", Options{}, []string{"alt: An {open 1 italic}alt{close 1 italic} text"}},
		{"standalone reference images", "![a][] ![b]\n\n![c]\n\n![d][b]\n\n[a]: x\n[b]: y\n[c]: z\n", Options{},
			[]string{"paragraph: {open 1 image}a{close 1 image} {open 2 image}b{close 2 image}", "paragraph: {open 1 image}c{close 1 image}", "paragraph: {open 1 image}d{close 1 image}"}},
		{"image without alt", "![](a.png)\n", Options{}, nil},
		{"image in text", "See ![alt](a.png).\n", Options{}, []string{"paragraph: See {open 1 image}alt{close 1 image}."}},
		{"code span only", "`code`\n", Options{}, nil},
		{"hard breaks", "a  \nb\\\nc\n", Options{}, []string{"paragraph: a{placeholder 1 lb}b{placeholder 2 lb}c"}},
		{"escapes and entities", "\\*a\\* &amp; &copy; &#169; &#xA9; &bogus; \\q\n", Options{}, []string{`paragraph: *a* & © © © &bogus; \q`}},
		{"left-over delimiters", "**foo* bar\n", Options{}, []string{"paragraph: {open 1 italic}foo{close 1 italic} bar"}},
		{"table cells", "| a | b \\| c |\n|---|---|\n| `x` | |\n", Options{},
			[]string{"table-cell: a", "table-cell: b | c"}},
		{"list items", "- a\n\n  b\n- > c\n1. d\n", Options{}, []string{"list-item: a", "list-item: b", "blockquote: c", "list-item: d"}},
		{"lazy and prefixed lines", "> a\nb\n> c\n", Options{}, []string{"blockquote: a\nb\nc"}},
		{"titles", "See [a](/u \"T\\\"1 &amp;\") and ![b](i.png 'T2') and [c](<u> (T3)) and [d][r] and [e](/u \"\").\n\n![f](x.png \" T4 \")\n\n[r]: /u \"T5\"\n",
			Options{Titles: true}, []string{
				"paragraph: See {open 1 link}a{close 1 link} and {open 2 image}b{close 2 image} and {open 3 link}c{close 3 link} and {open 4 link}d{close 4 link} and {open 5 link}e{close 5 link}.",
				`title-attribute: T"1 &`, "title-attribute: T2", "title-attribute: T3", "alt: f", "title-attribute: T4"}},
		{"no titles", "See [a](/u \"T1\").\n", Options{}, []string{"paragraph: See {open 1 link}a{close 1 link}."}},
		{"raw html pairs", "<b>a</b> <br> <i>b", Options{}, []string{"paragraph: {open 1 bold}a{close 1 bold} {placeholder 2 lb} {placeholder 3 italic}b"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkBlockList(t, Markdown, tc.in, tc.opts, tc.want)
		})
	}
}

func TestHTMLBlocks(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"head", `<title>T &amp; U</title><meta name=description content="D"><meta name=keywords content=K>`,
			[]string{"title: T & U", "description: D"}},
		{"pre is skeleton", "<pre>code</pre><p>x</p>", []string{"paragraph: x"}},
		{"pre translate=yes", "<pre translate=yes> a\n  b </pre>", []string{"preformatted: a\n  b"}},
		{"script style template noscript svg textarea", "<script>a</script><style>b</style><template>c</template><noscript>d</noscript><svg><title>e</title></svg><textarea>f</textarea>", nil},
		{"translate=no", `<p translate="no">a <b title=t>b</b></p><p>c</p>`, []string{"paragraph: c"}},
		{"translate=no inline", `<p>a <span translate=no>b <b>c</b></span> d</p>`, []string{"paragraph: a {placeholder 1 x-protected} d"}},
		{"translate=yes inside no", `<div translate=no>a <p translate=yes>b</p> <span>c</span></div>`, []string{"paragraph: b"}},
		{"code kbd samp", `<p>Run <code>a</code>, press <kbd>b</kbd> to see <samp>c</samp>.</p><p><code>d</code> e</p>`,
			[]string{"paragraph: Run {placeholder 1 x-protected}, press {placeholder 2 x-protected} to see {placeholder 3 x-protected}.", "paragraph: e"}},
		{"code translate=yes", `<p>a <code translate=yes>b</code></p>`, []string{"paragraph: a {open 1 x-code}b{close 1 x-code}"}},
		{"class notranslate", `<p>a <span class="x notranslate">b</span> c</p><div class=notranslate><p>d</p></div><p class=NoTranslate>e</p>`,
			[]string{"paragraph: a {placeholder 1 x-protected} c", "paragraph: e"}},
		{"notranslate translate=yes", `<div class=notranslate><p translate=yes>a</p><p>b</p></div>`, []string{"paragraph: a"}},
		{"script inside a paragraph", `<p>a <script>if (a<b) x()</script> b</p>`, []string{"paragraph: a {placeholder 1 x-protected} b"}},
		{"innermost block", "<table><tr><td>a<ul><li><p>b</p></li></ul>c</td></tr></table>",
			[]string{"table-cell: a", "list-item: b", "table-cell: c"}},
		{"p takes its container's kind", "<blockquote><p>a</p></blockquote><dl><dd><p>b</p></dd></dl>", []string{"blockquote: a", "definition: b"}},
		{"unclosed p and li", "<ul><li>a<li>b</ul><p>c<p>d", []string{"list-item: a", "list-item: b", "paragraph: c", "paragraph: d"}},
		{"crossed tags", "<p><b>a<i>b</b>c</i></p>", []string{"paragraph: {placeholder 1 bold}a{open 2 italic}b{placeholder 3 bold}c{close 2 italic}"}},
		{"unclosed inline", "<p><b>a</p>", []string{"paragraph: {placeholder 1 bold}a"}},
		{"stray end tag", "<p>a</b>b</p>", []string{"paragraph: a{placeholder 1 bold}b"}},
		{"text outside blocks", "<body>a<div>b <a href=x>c</a></div></body>", []string{"text: a", "text: b {open 1 link}c{close 1 link}"}},
		{"white space collapses", "<p>\n  a\n  b&nbsp; c\t</p>", []string{"paragraph: a b\u00a0 c"}},
		{"entities", "<p>&lt;&amp;&gt;&quot;&#x41;&copy</p>", []string{`paragraph: <&>"A©`}},
		{"attributes", `<p>a <img src=x alt="b"> <abbr title='c'>d</abbr></p><img alt=e title="f">`,
			[]string{"paragraph: a {placeholder 1 image} {open 2 x-abbr}d{close 2 x-abbr}", "alt: b", "title-attribute: c", "alt: e", "title-attribute: f"}},
		{"only codes", "<p><img src=x alt=a> <br></p>", []string{"alt: a"}},
		{"comments", "<!-- a --><p>b <!-- c --> d</p>", []string{"paragraph: b {placeholder 1 x-comment} d"}},
		{"cut off in a tag", "<p>a <b", []string{"paragraph: a"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkBlockList(t, HTML, tc.in, Options{}, tc.want)
		})
	}
}

func TestRenderCodeErrors(t *testing.T) {
	d := parse(t, Markdown, []byte("Title\n\nSome **bold** and [a link](https://x).\n"), Options{})
	c := d.Blocks[1].Content
	codes := c.Codes() // Open 1, Close 1, Open 2, Close 2
	item := func(code *inline.Code) inline.Item { return inline.Item{Code: code} }
	text := func(s string) inline.Item { return inline.Item{Text: s} }
	for _, tc := range []struct {
		name   string
		id     string
		target inline.Content
		want   string
	}{
		{"dropped", "b2", inline.Content{text("a "), item(codes[0]), text("b "), item(codes[2]), text("c"), item(codes[3])}, "missing close code 1 (bold)"},
		{"added", "b2", append(append(inline.Content{}, c...), item(&inline.Code{Kind: inline.Placeholder, ID: "9", Type: "lb"})), "unexpected placeholder code 9"},
		{"repeated", "b2", append(append(inline.Content{}, c...), item(codes[0])), "unexpected open code 1"},
		{"crossed", "b2", inline.Content{item(codes[0]), item(codes[2]), text("x"), item(codes[1]), item(codes[3])}, "cross"},
		{"a code in a block without", "b1", inline.Content{item(codes[0]), text("x"), item(codes[1])}, "unexpected open code 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := d.Render(map[string]inline.Content{tc.id: tc.target})
			if err == nil {
				t.Fatal("no error")
			}
			var ce *inline.CodeError
			if !errors.Is(err, ErrCodes) || !errors.As(err, &ce) {
				t.Errorf("error %v is not ErrCodes with an *inline.CodeError", err)
			}
			if msg := err.Error(); !strings.Contains(msg, "block "+tc.id) || !strings.HasPrefix(msg, "test:") || !strings.Contains(msg, tc.want) {
				t.Errorf("error %q does not name the block, the file and %q", msg, tc.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		format Format
		in     string
		kind   error
		want   string
	}{
		{"invalid utf-8", Text, "ok\nаб\xffc\n", ErrEncoding, "a:2:3: byte 0xff is not UTF-8 text: save the article as UTF-8"},
		{"invalid utf-8 in html", HTML, "<p>\x80</p>", ErrEncoding, "a:1:4: byte 0x80 is not UTF-8 text: save the article as UTF-8"},
		{"utf-16", Text, "\xff\xfeA\x00b\x00", ErrEncoding, "a:1:1: the article is UTF-16 text (it starts with a UTF-16 byte order mark): save it as UTF-8"},
		{"NUL", Markdown, "Ablyazov \x00 free.", ErrEncoding, "a:1:10: control character U+0000, which XML cannot carry"},
		{"escape", HTML, "<p>a\x1bb</p>", ErrEncoding, "a:1:5: control character U+001B"},
		{"character reference", HTML, "<p>x</p>\n<p>a&#1;b</p>", ErrEncoding, "a:2:4: the text has control character U+0001, which XML cannot carry, written as a character reference"},
		{"unknown format", Format("doc"), "x", ErrUnknownFormat, `a: unknown article format "doc"`},
		{"block scalar", Markdown, "---\ntitle: >\n  T\n---\n", ErrFrontMatter, "a:2:8: front matter title: a block scalar cannot be translated"},
		{"value on the next line", Markdown, "---\ntitle:\n  T\n---\n", ErrFrontMatter, "a:2:7: front matter title: a value on the lines after its key"},
		{"plain over lines", Markdown, "---\ntitle: a\n  b\n---\n", ErrFrontMatter, "a:2:8: front matter title: a value over several lines"},
		{"unclosed quote", Markdown, "---\ndescription: \"a\n  b\"\n---\n", ErrFrontMatter, "a:2:14: front matter description: the quoted value does not end on its line"},
		{"bad escape", Markdown, "---\ntitle: \"a\\qb\"\n---\n", ErrFrontMatter, `a:2:8: front matter title: invalid escape sequence "\\q"`},
		{"toml multi-line", Markdown, "+++\ntitle = \"\"\"a\"\"\"\n+++\n", ErrFrontMatter, "a:2:9: front matter title: a multi-line string"},
		{"text after the quotes", Markdown, "---\ntitle: 'a' b\n---\n", ErrFrontMatter, "a:2:8: front matter title: unexpected text"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.format, []byte(tc.in), "a", Options{FrontMatter: true})
			if err == nil {
				t.Fatal("no error")
			}
			var e *Error
			if !errors.Is(err, tc.kind) || !errors.As(err, &e) {
				t.Errorf("error %v is not an *Error of kind %v", err, tc.kind)
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error %q, want %q", err, tc.want)
			}
		})
	}
}

func TestErrorDiagnostic(t *testing.T) {
	_, err := Parse(Text, []byte("ok\nаб\xffc\n"), "a.txt", Options{})
	var l diag.Located
	if !errors.As(err, &l) {
		t.Fatalf("error %v is not a diag.Located", err)
	}
	want := diag.Diagnostic{File: "a.txt", Start: diag.Position{Line: 2, Col: 3}, Severity: diag.Error,
		Rule: diag.ArticleRead, Message: "byte 0xff is not UTF-8 text: save the article as UTF-8"}
	if got := l.Diagnostic(); got.String() != want.String() || got.File != want.File || got.Start != want.Start || got.Rule != want.Rule {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	if got := diag.FromError("x", diag.HandoffRead, err); len(got) != 1 || got[0].Rule != diag.ArticleRead {
		t.Errorf("FromError gives %+v", got)
	}

	// The cause follows the message, as in Error.
	e := &Error{File: "a.md", Line: 3, Col: 1, Msg: "block b2 (paragraph): the translation's codes do not match the source's", Err: errors.New("missing close code 1 (bold)")}
	d := e.Diagnostic()
	if d.Message != e.Msg+": missing close code 1 (bold)" || d.String() != "a.md:3:1: error: "+d.Message+" [article.read]" {
		t.Errorf("got %q", d.String())
	}
	if d := (&Error{File: "a.doc", Msg: "unknown"}).Diagnostic(); d.Start.Known() || d.String() != "a.doc: error: unknown [article.read]" {
		t.Errorf("an error without a place gives %q", d.String())
	}
}

func TestFrontMatterValues(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"plain with comment", "---\ntitle: A b # c\n---\n", []string{"front-matter-title: A b"}},
		{"single quotes", "---\ntitle: 'It''s'\n---\n", []string{"front-matter-title: It's"}},
		{"double quotes", "---\ntitle: \"a\\\"b\\u00e9\\n\"\n---\n", []string{"front-matter-title: a\"bé\n"}},
		{"not strings", "---\ntitle: [a, b]\ndescription: &x y\n---\n", nil},
		{"nested keys", "---\nmeta:\n  title: a\n---\n", nil},
		{"toml", "+++\ntitle = \"a\\tb\"\ndescription = 'c\\d'\ndate = 2003-05-20\n[x]\ntitle = \"y\"\n+++\n", []string{"front-matter-title: a\tb", `front-matter-description: c\d`}},
		{"yaml end with dots", "---\ntitle: a\n...\nText\n", []string{"front-matter-title: a", "paragraph: Text"}},
		{"crlf", "---\r\ntitle: a\r\n---\r\nText\r\n", []string{"front-matter-title: a", "paragraph: Text"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkBlockList(t, Markdown, tc.in, Options{FrontMatter: true}, tc.want)
		})
	}
}

// TestFrontMatterOrMarkdown checks which blocks between --- or +++ lines
// at the start of an article are front matter, and which are Markdown.
func TestFrontMatterOrMarkdown(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string // the blocks, with Options.FrontMatter or without
	}{
		{"standfirst between rules", "---\n\nA standfirst.\n\n---\n\nText\n", []string{"paragraph: A standfirst.", "paragraph: Text"}},
		{"setext heading after a rule", "---\nA standfirst\n---\nText\n", []string{"heading: A standfirst", "paragraph: Text"}},
		{"paragraph over lines", "---\nThe leader walked\nfree on Monday.\n---\n", []string{"heading: The leader walked\nfree on Monday."}},
		{"atx heading (a yaml comment)", "---\n# Title\n---\n", []string{"heading: Title"}},
		{"list (a yaml sequence)", "---\n- a\n- b\n---\n", []string{"list-item: a", "list-item: b"}},
		{"not yaml and no key", "---\n*Almaty*: the leader\n\nwalks free.\n---\n", []string{"paragraph: {open 1 italic}Almaty{close 1 italic}: the leader", "heading: walks free."}},
		{"yaml with a mistake after a blank line", "---\n\nIntro\n\n```yaml\ntitle: x\n```\n\n---\n", []string{"paragraph: Intro"}},
		{"yaml with a mistake after text", "---\nIntro\n\nNote: *a*\n---\n", []string{"paragraph: Intro", "heading: Note: {open 1 italic}a{close 1 italic}"}},
		{"empty", "---\n---\nText\n", []string{"paragraph: Text"}},
		{"blank", "---\n  \n\n---\nText\n", []string{"paragraph: Text"}},
		{"mapping", "---\ntitle: T\n---\nText\n", []string{"front-matter-title: T", "paragraph: Text"}},
		{"mapping after a comment", "---\n# c\ntitle: T\n---\n", []string{"front-matter-title: T"}},
		{"flow mapping", "---\n{title: T}\n---\n", nil},
		{"key with a space", "---\nEditor's note: the text\n---\n", nil},
		{"toml", "+++\ntitle = 'T'\n+++\n", []string{"front-matter-title: T"}},
		{"toml comment", "+++\n# T\n+++\nText\n", []string{"paragraph: Text"}},
		{"not toml", "+++\nHello world\n+++\n", []string{"paragraph: +++\nHello world\n+++"}},
		{"bom", "\uFEFF---\n\nA standfirst.\n\n---\n", []string{"paragraph: A standfirst."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkBlockList(t, Markdown, tc.in, Options{FrontMatter: true}, tc.want)
			var plain []string
			for _, b := range tc.want {
				if !strings.HasPrefix(b, "front-matter-") {
					plain = append(plain, b)
				}
			}
			checkBlockList(t, Markdown, tc.in, Options{}, plain)
		})
	}
}

func TestFrontMatterErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     string
	}{
		{"yaml", "---\ntitle: x\ntags: [a, b\n---\n", "a:3:7: front matter is not valid YAML: the list this [ opens is not closed"},
		{"yaml after a comment", "---\n# c\nauthor: \"x\n---\n", "a:3:9: front matter is not valid YAML: the text this \" opens is not closed"},
		{"key given twice", "---\ntitle: a\ntitle: b\n---\n", `a:3:1: front matter is not valid YAML: "title" is given twice`},
		{"indentation", "\uFEFF---\r\ndate: x\r\n  tags: [a]\r\n---\r\n", `a:3:7: front matter is not valid YAML: a ": " where no key can start`},
		{"mapping after a blank line", "---\n\nUpdate: the article was corrected.\n\n---\n", "a:1:1: front matter, or a rule?"},
		{"toml", "+++\nauthor = \"x\n+++\n", "a:2:12: front matter is not valid TOML: strings cannot contain newlines"},
		{"toml table", "+++\n\n[params\n+++\n", "a:3:8: front matter is not valid TOML"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, opts := range []Options{{}, {FrontMatter: true}} {
				_, err := Parse(Markdown, []byte(tc.in), "a", opts)
				var e *Error
				if !errors.Is(err, ErrFrontMatter) || !errors.As(err, &e) {
					t.Fatalf("error %v is not an *Error of kind ErrFrontMatter", err)
				}
				if !strings.HasPrefix(err.Error(), tc.want) || !strings.Contains(err.Error(), "***") && !strings.Contains(err.Error(), `\+++`) {
					t.Errorf("error %q, want %q and how to write a rule", err, tc.want)
				}
			}
		})
	}
}

// TestRenderRule checks that a translation between rules at the start of
// an article does not make them front matter.
func TestRenderRule(t *testing.T) {
	for _, tc := range []struct {
		name, in, target, want string
	}{
		{"a translation that reads as text", "---\nThe leader\n---\n", "Лидер", "---\nЛидер\n---\n"},
		{"a translation that reads as a mapping", "---\nThe leader\n---\n", "Лидер: свободен", "***\nЛидер: свободен\n---\n"},
		{"after a blank line", "---\n\nThe leader.\n\n---\n", "Лидер: свободен.", "***\n\nЛидер: свободен.\n\n---\n"},
		{"a mistake", "---\nThe leader\n---\n", "Лидер: \"свободен\" сегодня", "***\nЛидер: \"свободен\" сегодня\n---\n"},
		{"crlf and bom", "\uFEFF---  \r\nThe leader\r\n---\r\n", "Лидер: свободен", "\uFEFF***  \r\nЛидер: свободен\r\n---\r\n"},
		{"a translation that closes the block", "---\nThe leader\n", "Лидер: свободен\n...", "***\nЛидер: свободен\n...\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := parse(t, Markdown, []byte(tc.in), Options{})
			out, err := d.Render(map[string]inline.Content{"b1": inline.Text(tc.target)})
			if err != nil || string(out) != tc.want {
				t.Fatalf("got %q, %v\nwant %q", out, err, tc.want)
			}
			d2 := parse(t, Markdown, out, Options{})
			if got := blocks(d2); len(got) != 1 || !strings.HasSuffix(got[0], ": "+tc.target) {
				t.Errorf("reads back as %q", got)
			}
		})
	}
}

// gfm lists what goldmark, with the GFM and footnote extensions as a site
// generator runs them, makes of an article's markup that a translation
// must keep: the number of each footnote reference in order, the label of
// each note in the list it renders, task list checkboxes, struck text and
// links found in text.
func gfm(t *testing.T, data []byte) []string {
	t.Helper()
	root := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote)).Parser().Parse(text.NewReader(data))
	var out []string
	err := ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *east.FootnoteLink:
			out = append(out, fmt.Sprintf("ref %d", n.Index))
		case *east.Footnote:
			out = append(out, fmt.Sprintf("note %d %s", n.Index, n.Ref))
		case *east.TaskCheckBox:
			out = append(out, fmt.Sprintf("checkbox %v", n.IsChecked))
		case *east.Strikethrough:
			out = append(out, "struck")
		case *ast.AutoLink:
			out = append(out, "autolink "+string(n.URL(data)))
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestGFMTranslated checks that a translated article keeps the footnotes,
// task list checkboxes and other GFM markup of its source, however the
// translation is written.
func TestGFMTranslated(t *testing.T) {
	for _, tc := range []struct {
		path string
		n    int // how many nodes gfm lists in the source
	}{
		{"testdata/footnotes.md", 13},
		{"testdata/gfm.md", 13},
	} {
		t.Run(tc.path, func(t *testing.T) {
			in := read(t, tc.path)
			want := gfm(t, in)
			if len(want) != tc.n {
				t.Fatalf("the sample has %q", want)
			}
			d := parse(t, Markdown, in, Options{})
			targets := map[string]inline.Content{}
			for _, b := range d.Blocks {
				targets[b.ID] = fakeTranslation(Markdown, b)
			}
			out, err := d.Render(targets)
			if err != nil {
				t.Fatal(err)
			}
			if got := gfm(t, out); strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("the translation has\n%q\nwant\n%q\n%s", got, want, out)
			}
		})
	}
}

func TestFootnoteEscapes(t *testing.T) {
	d := parse(t, Markdown, []byte("A note[^1] here.\n\n[^1]: The note.\n"), Options{})
	ref := d.Blocks[0].Content.Codes()[0]
	for _, tc := range []struct {
		name   string
		target inline.Content
		want   string
	}{
		{"moved to the start", inline.Content{{Code: ref}, {Text: " Заметка."}}, "[^1] Заметка.\n\n[^1]: The note.\n"},
		{"a colon after it", inline.Content{{Code: ref}, {Text: ": заметка."}}, "[^1]\\: заметка.\n\n[^1]: The note.\n"},
		{"on a line of its own", inline.Content{{Text: "Заметка\n"}, {Code: ref}, {Text: ":\n(здесь)"}}, "Заметка\n[^1]\\:\n(здесь)\n\n[^1]: The note.\n"},
		{"text that looks like one", inline.Content{{Text: "[^1] и [^2]: "}, {Code: ref}}, "\\[^1\\] и \\[^2\\]: [^1]\n\n[^1]: The note.\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := d.Render(map[string]inline.Content{"b1": tc.target})
			if err != nil || string(out) != tc.want {
				t.Fatalf("got %q, %v\nwant %q", out, err, tc.want)
			}
			d2 := parse(t, Markdown, out, Options{})
			if len(d2.Blocks) != 2 || !sameContent(d2.Blocks[0].Content, tc.target) {
				t.Errorf("reads back as %q", blocks(d2))
			}
			if got, want := gfm(t, out), []string{"ref 1", "note 1 1"}; strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("footnotes %q, want %q", got, want)
			}
		})
	}
}

// TestLinkTextLikeFootnote checks a link whose translated text would make
// it a footnote reference: "[^1](x)" with a note 1.
func TestLinkTextLikeFootnote(t *testing.T) {
	d := parse(t, Markdown, []byte("A [link](x) and ![image](y).\n\n[^1]: The note.\n"), Options{})
	codes := d.Blocks[0].Content.Codes()
	target := inline.Content{{Text: "A "}, {Code: codes[0]}, {Text: "^1"}, {Code: codes[1]}, {Text: " and "}, {Code: codes[2]}, {Text: "^1"}, {Code: codes[3]}, {Text: "."}}
	out, err := d.Render(map[string]inline.Content{"b1": target})
	if want := "A [\\^1](x) and ![\\^1](y).\n\n[^1]: The note.\n"; err != nil || string(out) != want {
		t.Fatalf("got %q, %v\nwant %q", out, err, want)
	}
	if d2 := parse(t, Markdown, out, Options{}); !sameContent(d2.Blocks[0].Content, target) {
		t.Errorf("reads back as %q", blocks(d2))
	}
}

func TestAutolinks(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"urls and addresses", "See https://iwpr.net/a_b, www.iwpr.net (or a_b@dck.kz).\n",
			[]string{"paragraph: See {placeholder 1 link}, {placeholder 2 link} (or {placeholder 3 link})."}},
		{"in emphasis", "*www.iwpr.net* and **a@b.kz**\n",
			[]string{"paragraph: {open 1 italic}{placeholder 2 link}{close 1 italic} and {open 3 bold}{placeholder 4 link}{close 3 bold}"}},
		{"after a * or _ that is text", "a*www.iwpr.net b_https://iwpr.net\n", []string{"paragraph: a*www.iwpr.net b_https://iwpr.net"}},
		{"not a link", "x.www.iwpr.net a@b Http://x\n", []string{"paragraph: x.www.iwpr.net a@b Http://x"}},
		// goldmark cuts the text at the space, where it looks for a link.
		{"a carriage return and a space before a newline", "a \r \nb\n", []string{"paragraph: a\nb"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkBlockList(t, Markdown, tc.in, Options{}, tc.want)
		})
	}

	// A translation that moves an autolink where goldmark does not look
	// for one writes it in angle brackets.
	in := "See https://iwpr.net/a_b and write to a_b@dck.kz.\n"
	d := parse(t, Markdown, []byte(in), Options{})
	codes := d.Blocks[0].Content.Codes()
	for _, tc := range []struct {
		name   string
		target inline.Content
		want   string
	}{
		{"in place", inline.Content{{Text: "См. "}, {Code: codes[0]}, {Text: " и пишите на "}, {Code: codes[1]}, {Text: "."}},
			"См. https://iwpr.net/a_b и пишите на a_b@dck.kz.\n"},
		{"after text", inline.Content{{Text: "См.«"}, {Code: codes[0]}, {Text: "», почта:"}, {Code: codes[1]}},
			"См.«<https://iwpr.net/a_b>», почта:<a_b@dck.kz>\n"},
		{"after escaped text", inline.Content{{Text: "*"}, {Code: codes[0]}, {Text: " _"}, {Code: codes[1]}},
			"\\*<https://iwpr.net/a_b> \\_<a_b@dck.kz>\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := d.Render(map[string]inline.Content{"b1": tc.target})
			if err != nil || string(out) != tc.want {
				t.Fatalf("got %q, %v\nwant %q", out, err, tc.want)
			}
			d2 := parse(t, Markdown, out, Options{})
			if len(d2.Blocks) != 1 || !sameContent(d2.Blocks[0].Content, tc.target) {
				t.Errorf("reads back as %q", blocks(d2))
			}
			if got := gfm(t, out); strings.Join(got, " ") != "autolink https://iwpr.net/a_b autolink a_b@dck.kz" {
				t.Errorf("GFM reads %q", got)
			}
		})
	}
}

// TestHardBreakAtEdges checks a translation that moves a hard line break
// to the start or the end of its block, where Markdown has none: it is
// left out, rather than written as a backslash or a blank line.
func TestHardBreakAtEdges(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		target   func(lb *inline.Code) inline.Content
		want     string
	}{
		{"backslash at the end", "> a\\\n> b\n\nc\n", func(lb *inline.Code) inline.Content { return inline.Content{{Text: "Один два"}, {Code: lb}} }, "> Один два\n\nc\n"},
		{"backslash at the start", "a\\\nb\n", func(lb *inline.Code) inline.Content { return inline.Content{{Code: lb}, {Text: "Один два"}} }, "\\\nОдин два\n"},
		{"spaces at the end", "a  \nb\n\nc\n", func(lb *inline.Code) inline.Content { return inline.Content{{Text: "Один два"}, {Code: lb}} }, "Один два\n\nc\n"},
		{"spaces at the start", "- a  \n  b\n", func(lb *inline.Code) inline.Content { return inline.Content{{Code: lb}, {Text: "Один два"}} }, "- Один два\n"},
		{"in emphasis at the end", "**a\\\nb**\n", func(lb *inline.Code) inline.Content { return nil }, "**Один два**\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := parse(t, Markdown, []byte(tc.in), Options{})
			c := d.Blocks[0].Content
			var lb *inline.Code
			for _, code := range c.Codes() {
				if code.Type == "lb" {
					lb = code
				}
			}
			target := tc.target(lb)
			if target == nil { // the break last inside the emphasis
				codes := c.Codes()
				target = inline.Content{{Code: codes[0]}, {Text: "Один два"}, {Code: lb}, {Code: codes[2]}}
			}
			out, err := d.Render(map[string]inline.Content{"b1": target})
			if err != nil || string(out) != tc.want {
				t.Fatalf("got %q, %v\nwant %q", out, err, tc.want)
			}
			d2 := parse(t, Markdown, out, Options{})
			if got, want := d2.Blocks[0].Content.PlainText(), "Один два"; got != want {
				t.Errorf("reads back as %q, want %q", got, want)
			}
		})
	}
}

func TestFormatOf(t *testing.T) {
	for _, tc := range []struct {
		path     string
		want     Format
		datatype string
	}{
		{"a.txt", Text, "plaintext"},
		{"dir/a.TEXT", Text, "plaintext"},
		{"a.md", Markdown, "x-markdown"},
		{"a.markdown", Markdown, "x-markdown"},
		{"a.html", HTML, "html"},
		{"A.HTM", HTML, "html"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			f, err := FormatOf(tc.path)
			if err != nil || f != tc.want || f.Datatype() != tc.datatype {
				t.Errorf("FormatOf = %q, %v; datatype %q", f, err, f.Datatype())
			}
		})
	}
	for _, path := range []string{"a.doc", "a", "a.md.bak"} {
		t.Run(path, func(t *testing.T) {
			_, err := FormatOf(path)
			if !errors.Is(err, ErrUnknownFormat) || !strings.HasPrefix(err.Error(), path+": ") || !strings.Contains(err.Error(), ".markdown") {
				t.Errorf("error %v does not name the path and the known extensions", err)
			}
		})
	}
}

func TestRenderNested(t *testing.T) {
	// An attribute block inside a translated block's tag is written
	// translated too, and so is one in an untranslated block's tag.
	in := `<p>See <img src=a.png alt="a flag"> here.</p>`
	d := parse(t, HTML, []byte(in), Options{})
	if got := blocks(d); len(got) != 2 {
		t.Fatalf("blocks %q", got)
	}
	img := d.Blocks[0].Content.Codes()[0]
	for _, tc := range []struct {
		name    string
		targets map[string]inline.Content
		want    string
	}{
		{"alt only", map[string]inline.Content{"b2": inline.Text("флаг")}, `<p>See <img src=a.png alt="флаг"> here.</p>`},
		{"both", map[string]inline.Content{
			"b1": {{Text: "Вот "}, {Code: img}, {Text: " здесь."}},
			"b2": inline.Text("флаг"),
		}, `<p>Вот <img src=a.png alt="флаг"> здесь.</p>`},
		{"code moved", map[string]inline.Content{
			"b1": {{Code: img}, {Text: " Вот здесь."}},
		}, `<p><img src=a.png alt="a flag"> Вот здесь.</p>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := d.Render(tc.targets)
			if err != nil || string(out) != tc.want {
				t.Errorf("got %q, %v\nwant %q", out, err, tc.want)
			}
		})
	}
}

func TestRenderTitles(t *testing.T) {
	// A title is written translated, in its link's end, whether or not
	// the link's block is.
	in := "> See [the flag](/f.png \"A \\\"flag\\\"\") here.\n"
	d := parse(t, Markdown, []byte(in), Options{Titles: true})
	if got := blocks(d); len(got) != 2 {
		t.Fatalf("blocks %q", got)
	}
	codes := d.Blocks[0].Content.Codes()
	for _, tc := range []struct {
		name    string
		targets map[string]inline.Content
		want    string
	}{
		{"title only", map[string]inline.Content{"b2": inline.Text(`«Флаг» (и "знамя")`)}, "> See [the flag](/f.png \"«Флаг» (и \\\"знамя\\\")\") here.\n"},
		{"both", map[string]inline.Content{
			"b1": {{Text: "Вот "}, {Code: codes[0]}, {Text: "флаг"}, {Code: codes[1]}, {Text: "."}},
			"b2": inline.Text("Флаг & co"),
		}, "> Вот [флаг](/f.png \"Флаг \\& co\").\n"},
		{"block only", map[string]inline.Content{
			"b1": {{Text: "Вот "}, {Code: codes[0]}, {Text: "флаг"}, {Code: codes[1]}, {Text: "."}},
		}, "> Вот [флаг](/f.png \"A \\\"flag\\\"\").\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := d.Render(tc.targets)
			if err != nil || string(out) != tc.want {
				t.Fatalf("got %q, %v\nwant %q", out, err, tc.want)
			}
			d2 := parse(t, Markdown, out, Options{Titles: true})
			for id, c := range tc.targets {
				if got := d2.Blocks[blockIndex(id)].Content.PlainText(); got != c.PlainText() {
					t.Errorf("block %s reads back as %q, want %q", id, got, c.PlainText())
				}
			}
		})
	}
}

// TestMarkdownFallback checks the fallback for blocks whose inline nodes
// cannot be placed, which no known input reaches: its items must cover the
// block's bytes in order, with the text as text.
func TestMarkdownFallback(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     string
	}{
		{"emphasis and link", "*a* [b](c) `d` **e**\nf  \ng", "{placeholder 1 x-markup}a{placeholder 2 x-markup} {placeholder 3 x-markup}b{placeholder 4 x-markup} {placeholder 5 x-code} {placeholder 6 x-markup}e{placeholder 7 x-markup}\nf{placeholder 8 lb}g"},
		{"left-over delimiters", "**a* b", "{placeholder 1 x-markup}a{placeholder 2 x-markup} b"},
		{"escapes", `\*a\* &amp;`, "*a* &"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := &Document{src: tc.in}
			data := []byte(tc.in)
			root := markdownParser().Parse(text.NewReader(data))
			para := root.FirstChild()
			p := &mdParser{d: d, data: data}
			w := &p.w
			if !w.reset(tc.in, 0, para.Lines()) {
				t.Fatal("reset")
			}
			w.fallback(para, data)
			pos := 0
			for _, it := range w.items {
				if it.start != pos {
					t.Fatalf("item at %d, want %d", it.start, pos)
				}
				pos = it.end
			}
			if pos != len(w.body) {
				t.Fatalf("items end at %d, want %d", pos, len(w.body))
			}
			c, _, _ := w.content(w.items)
			if got := c.String(); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}
