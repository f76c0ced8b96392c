package document_test

import (
	"fmt"
	"strings"

	"github.com/loctool/loctool/document"
	"github.com/loctool/loctool/inline"
)

func Example() {
	src := "# Ablyazov Walks Free\n\nThe **DCK** welcomed [the amnesty](https://iwpr.net).\n"
	d, err := document.Parse(document.Markdown, []byte(src), "article.md", document.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range d.Blocks {
		fmt.Printf("%s %s: %s\n", b.ID, b.Kind, b.Content)
	}

	// A translation moves the codes of b2 but keeps them all.
	codes := d.Blocks[1].Content.Codes()
	out, err := d.Render(map[string]inline.Content{
		"b1": inline.Text("Аблязов на свободе"),
		"b2": {
			{Code: codes[2]}, {Text: "Амнистию"}, {Code: codes[3]},
			{Text: " приветствовал "}, {Code: codes[0]}, {Text: "ДВК"}, {Code: codes[1]}, {Text: "."},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(out))
	// Output:
	// b1 heading: Ablyazov Walks Free
	// b2 paragraph: The {open 1 bold}DCK{close 1 bold} welcomed {open 2 link}the amnesty{close 2 link}.
	// # Аблязов на свободе
	//
	// [Амнистию](https://iwpr.net) приветствовал **ДВК**.
}

func ExampleFormatOf() {
	for _, path := range []string{"articles/ablyazov-amnesty.txt", "profile.md", "index.htm", "notes.docx"} {
		f, err := document.FormatOf(path)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(path, f, f.Datatype())
	}
	// Output:
	// articles/ablyazov-amnesty.txt text plaintext
	// profile.md markdown x-markdown
	// index.htm html html
	// notes.docx: unknown article format: the known extensions are .txt, .text, .md, .markdown, .html, .htm
}

// A name misspelt in an article's text is placed in the file, character
// reference and all, and mended there; the comment, which no reader sees,
// is left as it is.
func ExampleDocument_Edit() {
	src := "<p>Galymjan\n  Jak&#105;yanov was freed.</p>\n<!-- Jakiyanov: not text -->\n"
	d, err := document.Parse(document.HTML, []byte(src), "article.html", document.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i := range d.Blocks {
		b := &d.Blocks[i]
		text := b.Content.PlainText()
		start := strings.Index(text, "Jakiyanov")
		if start < 0 {
			continue
		}
		end := start + len("Jakiyanov")
		from, to, _ := d.Source(b, start, end)
		fmt.Printf("%s: %q is %q at %d\n", b.ID, text[start:end], src[from:to], from)
		e, ok := d.Edit(b, start, end, "Zhakiyanov")
		if ok {
			fmt.Print(src[:e.Start] + e.NewText + src[e.End:])
		}
	}
	// Output:
	// b1: "Jakiyanov" is "Jak&#105;yanov" at 14
	// <p>Galymjan
	//   Zhakiyanov was freed.</p>
	// <!-- Jakiyanov: not text -->
}
