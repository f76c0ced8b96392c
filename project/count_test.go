package project

import (
	"testing"
	"unicode/utf8"

	"github.com/loctool/loctool/inline"
)

func TestWordCount(t *testing.T) {
	code := &inline.Code{Kind: inline.Open, ID: "1", Type: "bold", Data: "**"}
	for _, c := range []inline.Content{
		nil,
		inline.Text(""),
		inline.Text("  "),
		inline.Text("Mukhtar Ablyazov, 45, was released on May 13."),
		inline.Text("“No pressure” – DCK’s re-arrest… Ⅻ ⓐⓑ İstanbul ǅemal 3½"),
		inline.Text("Мухтар Аблязов освобождён из тюрьмы"),
		inline.Text("bad \xff\xfe bytes\xc3"),
		{{Text: "foo"}, {Code: code}, {Text: "bar baz"}},
		{{Text: "foo "}, {Code: code}, {Text: " bar"}},
		{{Code: code}, {Text: "one"}, {Text: "two"}, {Code: code}},
	} {
		if got, want := wordCount(c), len(wordsOf(c.PlainText())); got != want {
			t.Errorf("wordCount(%q) = %d, want %d", c.PlainText(), got, want)
		}
	}
}

func FuzzWordCount(f *testing.F) {
	f.Add("Mukhtar Ablyazov, 45, was released.", "x")
	f.Add("ǅemal Ⅻ \xff", "ⓐ")
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return // articles and handoff files are UTF-8: halves of a character are never apart
		}
		c := inline.Content{{Text: a}, {Code: &inline.Code{Kind: inline.Placeholder, ID: "1", Type: "x-span"}}, {Text: b}}
		if got, want := wordCount(c), len(wordsOf(c.PlainText())); got != want {
			t.Errorf("wordCount(%q) = %d, want %d", c.PlainText(), got, want)
		}
	})
}
