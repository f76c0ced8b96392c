package document

import (
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/loctool/loctool/inline"
)

// fuzzSeeds returns the samples of a format and small inputs that have
// found bugs, as fuzzing seeds.
func fuzzSeeds(f *testing.F, format Format, extra ...string) {
	for _, s := range samples {
		if s.format == format {
			data, err := os.ReadFile(s.path)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(string(data))
		}
	}
	for _, s := range extra {
		f.Add(s)
	}
}

func FuzzText(f *testing.F) {
	fuzzSeeds(f, Text, "", "\n", " a \r\n\r\n b", "\uFEFF\t\n x", "a\rb\n\n\n")
	f.Fuzz(func(t *testing.T, in string) {
		checkParse(t, Text, in, Options{})
	})
}

func FuzzMarkdown(f *testing.F) {
	fuzzSeeds(f, Markdown,
		"*foo** x **foo* y ***foo** z _a__ *a **b* c**",
		"[a]: /u\n\n[![i](s)][a] [b][] [c]\n",
		"> a `b\n> c` <span\n> x=1>d</span>\n",
		"---\ntitle: \"a\\u00e9\"\n---\n# x\n",
		"- a\\\n  b  \n  c\n",
		"| a |\n|---|\n| `\\|` b |\n",
		"---\n\nA *b*: c\n\n---\nd\n---\n",
		"---\nA \"b\" c\n...\n",
		"+++\na = 'b'\n+++\n",
		"a[^1] *b[^x]*![^1]:\n\n> [^1]: c\n[^x]:\n    d\n",
		"- [ ] a\n- [x]\n  b\n1. [X]\t*c*\n",
		"jjj.n.bet uggc://o.pb (n_o@p.qr) *ftp://x.y_z*.\n~~a~~ ~b~\n",
		"[a](/u \"t\\\" &amp; \") ![b](i.png 'c') [d](<u> (e\\)))\n> [f](g\n> \"h\")\n\n![i](j \"k\")\n",
	)
	f.Fuzz(func(t *testing.T, in string) {
		checkParse(t, Markdown, in, Options{})
		checkParse(t, Markdown, in, Options{FrontMatter: true, Titles: true})
	})
}

func FuzzHTML(f *testing.F) {
	fuzzSeeds(f, HTML,
		"<p>a <b>b <i>c</b> d</i></p>",
		"<div translate=no>a <span translate=yes>b</span>.</div>",
		"<p>x<span translate=no>y<p>z",
		`<img alt='a' title=b alt="c"><p title`,
		"<title>a &amp; b</title><p>c<script>d</script>e",
	)
	f.Fuzz(func(t *testing.T, in string) {
		checkParse(t, HTML, in, Options{})
	})
}

// checkParse checks what every input must satisfy: it parses, or fails
// with an *Error; a parsed document renders back to the input, with no
// targets or with each block's own; its blocks are well formed; and a
// translation that changes only letters reads back as the same blocks;
// every block's text is placed in the article, and a word replaced there
// with Edit reads back in its place.
func checkParse(t *testing.T, format Format, in string, opts Options) {
	d, err := Parse(format, []byte(in), "fuzz", opts)
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("error %v is not an *Error", err)
		}
		return
	}
	for _, targets := range []map[string]inline.Content{nil, own(d)} {
		out, err := d.Render(targets)
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != in {
			t.Fatalf("Render gives %q, want %q", out, in)
		}
	}
	checkBlocks(t, d)
	checkRuns(t, d)
	checkEdits(t, format, in, opts, d)

	targets := map[string]inline.Content{}
	for _, b := range d.Blocks {
		targets[b.ID] = rot13(b.Content)
	}
	out, err := d.Render(targets)
	if err != nil {
		t.Fatal(err)
	}
	if !utf8.Valid(out) {
		t.Fatalf("translation %q is not UTF-8", out)
	}
	d2, err := Parse(format, out, "fuzz", opts)
	if err != nil {
		t.Fatalf("translation %q does not parse: %v", out, err)
	}
	if len(d2.Blocks) != len(d.Blocks) {
		t.Fatalf("translation %q reads back as %d blocks, want %d", out, len(d2.Blocks), len(d.Blocks))
	}
	for i, b := range d2.Blocks {
		src := d.Blocks[i]
		want := expected(format, src, targets[src.ID])
		if b.Kind != src.Kind || !sameContent(b.Content, want) {
			t.Fatalf("translation %q: block %s reads back as %s %q, want %s %q", out, b.ID, b.Kind, b.Content.String(), src.Kind, want.String())
		}
	}
}

// checkBlocks checks that blocks are in order, inside the article and
// each other, have text, and have codes a translation can keep.
func checkBlocks(t *testing.T, d *Document) {
	end := 0
	for _, i := range d.top {
		p := d.spans[i]
		if p.start < end || p.end < p.start || p.end > len(d.src) {
			t.Fatalf("block %s at [%d,%d) overlaps or leaves the article", d.Blocks[i].ID, p.start, p.end)
		}
		end = p.end
		for _, c := range p.children {
			if cp := d.spans[c]; cp.start < p.start || cp.end > p.end {
				t.Fatalf("block %s is not inside block %s", d.Blocks[c].ID, d.Blocks[i].ID)
			}
		}
	}
	for i, b := range d.Blocks {
		if b.ID != blockID(i+1) {
			t.Fatalf("block %d has ID %s", i, b.ID)
		}
		if strings.TrimSpace(b.Content.PlainText()) == "" {
			t.Fatalf("block %s has no text: %q", b.ID, b.Content.String())
		}
		if err := inline.CheckCodes(b.Content, b.Content); err != nil {
			t.Fatalf("block %s: its own codes do not check: %v", b.ID, err)
		}
		if d.spans[i].style == styleHTML && len(d.spans[i].codes) != len(b.Content.Codes()) {
			t.Fatalf("block %s has %d code spans for %d codes", b.ID, len(d.spans[i].codes), len(b.Content.Codes()))
		}
		if !utf8.ValidString(b.Content.PlainText()) {
			t.Fatalf("block %s is not UTF-8", b.ID)
		}
	}
}

// rot13 returns c with ASCII letters rotated: a translation that keeps
// every character's class, so Markdown's emphasis rules read it alike.
func rot13(c inline.Content) inline.Content {
	out := make(inline.Content, len(c))
	for i, it := range c {
		if it.Code == nil {
			b := []byte(it.Text)
			for k, ch := range b {
				switch {
				case ch >= 'a' && ch <= 'z':
					b[k] = 'a' + (ch-'a'+13)%26
				case ch >= 'A' && ch <= 'Z':
					b[k] = 'A' + (ch-'A'+13)%26
				}
			}
			it.Text = string(b)
		}
		out[i] = it
	}
	return out
}
