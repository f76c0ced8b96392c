package i18njson

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/document"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/internal/cut"
	"github.com/loctool/loctool/segment"
)

var update = flag.Bool("update", false, "rewrite golden files")

func english(t testing.TB) *segment.Segmenter {
	t.Helper()
	s, err := segment.New(segment.Builtin(), language.English)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// articleFile is the sample article cut into units, one per paragraph;
// the first paragraph is the headline.
func articleFile(t testing.TB) *handoff.File {
	t.Helper()
	data, err := os.ReadFile("../articles/ablyazov-amnesty.txt")
	if err != nil {
		t.Fatal(err)
	}
	var blocks []document.Block
	for i, p := range regexp.MustCompile(`\n\s*\n`).Split(strings.TrimSpace(string(data)), -1) {
		b := document.Block{ID: fmt.Sprintf("b%d", i+1), Content: inline.Text(p)}
		if i == 0 {
			b.Kind = "heading"
		}
		blocks = append(blocks, b)
	}
	return &handoff.File{
		Original:   "articles/ablyazov-amnesty.txt",
		Datatype:   "plaintext",
		SourceLang: language.English,
		TargetLang: language.Russian,
		Units:      cut.Units(blocks, english(t), cut.DefaultHandles),
	}
}

// htmlCodes are the codes that html writes as {name} in content.
var htmlCodes = map[string]inline.Code{
	"b":   {Kind: inline.Open, ID: "1", Type: "bold", Data: "<b>"},
	"/b":  {Kind: inline.Close, ID: "1", Type: "bold", Data: "</b>"},
	"i":   {Kind: inline.Open, ID: "2", Type: "italic", Data: "<i>"},
	"/i":  {Kind: inline.Close, ID: "2", Type: "italic", Data: "</i>"},
	"a":   {Kind: inline.Open, ID: "3", Type: "link", Data: `<a href="https://iwpr.net">`, Display: "https://iwpr.net"},
	"/a":  {Kind: inline.Close, ID: "3", Type: "link", Data: "</a>"},
	"br":  {Kind: inline.Placeholder, ID: "4", Type: "lb", Data: "<br>"},
	"img": {Kind: inline.Placeholder, ID: "5", Type: "image", Data: `<img src="ablyazov.jpg" alt="Mukhtar Ablyazov">`, Display: "Mukhtar Ablyazov"},
	"q":   {Kind: inline.Open, ID: "6", Type: "x-span", Data: `<span class="quote">`},
	"/q":  {Kind: inline.Close, ID: "6", Type: "x-span", Data: "</span>"},
}

// html builds content from a string where {b}, {/b}, {br}… are the
// htmlCodes.
func html(s string) inline.Content {
	var c inline.Content
	for s != "" {
		i := strings.IndexByte(s, '{')
		j := strings.IndexByte(s, '}')
		if i < 0 || j < i {
			c = append(c, inline.Item{Text: s})
			break
		}
		code, ok := htmlCodes[s[i+1:j]]
		if !ok {
			panic("no code " + s[i:j+1])
		}
		c = append(c, inline.Item{Text: s[:i]}, inline.Item{Code: &code})
		s = s[j+1:]
	}
	return c.Normalize()
}

// codesBlocks have every kind of code: pairs, placeholders, a pair cut by
// a sentence break, nested pairs, and literal text that looks like tags.
var codesBlocks = []document.Block{
	{ID: "b1", Kind: "heading", Content: html("Ablyazov {b}walks free{/b}")},
	{ID: "b2", Content: html("The {i}former{/i} minister told {a}IWPR{/a} he was not pressured. {br}He left. {b}Then he spoke. He was calm.{/b} Nobody else did.")},
	{ID: "b3", Kind: "image", Content: html("{img}")},
	{ID: "b4", Content: html("{q}Literal{/q} text: <3>, </1>, <2/>, a stray < and & too, AT&T, &amp; and &lt; as written.")},
	{ID: "b5", Content: html("{b}Both {i}bold and italic{/i}{/b} here.")},
}

func codesFile(t testing.TB) *handoff.File {
	t.Helper()
	return &handoff.File{
		Original:   "articles/codes.html",
		Datatype:   "html",
		SourceLang: language.English,
		TargetLang: language.Russian,
		Units:      cut.Units(codesBlocks, english(t), cut.DefaultHandles),
	}
}

func write(t testing.TB, f *handoff.File) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, f); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// targets lists the file's segments as "ID state: target markup", or
// "ID: -" for those without a target.
func targets(f *handoff.File) string {
	var b strings.Builder
	for _, u := range f.Units {
		for _, s := range u.Segments() {
			if s.Target == nil {
				fmt.Fprintf(&b, "%s: - (%s)\n", MessageID(u.ID, s.ID), s.State)
				continue
			}
			fmt.Fprintf(&b, "%s %s: %s\n", MessageID(u.ID, s.ID), s.State, s.Target.Markup())
		}
	}
	return b.String()
}

// golden compares got with the file, or rewrites it under -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test -update to rewrite it after checking):\n%s", path, got)
	}
}
