package document

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark/text"

	"github.com/loctool/loctool/inline"
)

// benchInput builds an article of about 1 MB from a sample: its body
// repeated between its head and its tail.
func benchInput(b *testing.B, path, head, tail string) []byte {
	b.Helper()
	s := string(read(b, path))
	body := s
	if i := strings.Index(s, head); head != "" && i >= 0 {
		body = s[i+len(head):]
	}
	if i := strings.LastIndex(body, tail); tail != "" && i >= 0 {
		body = body[:i]
	}
	var buf bytes.Buffer
	if head != "" {
		buf.WriteString(s[:strings.Index(s, head)+len(head)])
	}
	for buf.Len() < 1<<20 {
		buf.WriteString(body)
		buf.WriteString("\n")
	}
	buf.WriteString(tail)
	return buf.Bytes()
}

func benchParse(b *testing.B, f Format, data []byte) {
	d, err := Parse(f, data, "bench", Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(d.Blocks)), "blocks")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Parse(f, data, "bench", Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseText(b *testing.B) {
	benchParse(b, Text, benchInput(b, "../articles/ablyazov-amnesty.txt", "", ""))
}

func BenchmarkParseMarkdown(b *testing.B) {
	benchParse(b, Markdown, benchInput(b, "testdata/sample.md", "---\n\n", ""))
}

func BenchmarkParseHTML(b *testing.B) {
	benchParse(b, HTML, benchInput(b, "testdata/sample.html", "<body>\n", "</body>\n</html>\n"))
}

// BenchmarkGoldmark is goldmark's parse of the Markdown input alone: the
// floor under BenchmarkParseMarkdown.
func BenchmarkGoldmark(b *testing.B) {
	data := benchInput(b, "testdata/sample.md", "---\n\n", "")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		markdownParser().Parse(text.NewReader(data))
	}
}

// BenchmarkRenderMarkdown writes every block of the Markdown input
// translated.
func BenchmarkRenderMarkdown(b *testing.B) {
	data := benchInput(b, "testdata/sample.md", "---\n\n", "")
	d, err := Parse(Markdown, data, "bench", Options{})
	if err != nil {
		b.Fatal(err)
	}
	targets := make(map[string]inline.Content, len(d.Blocks))
	for _, blk := range d.Blocks {
		targets[blk.ID] = fakeTranslation(Markdown, blk)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := d.Render(targets); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderLongParagraph writes an article that is one paragraph
// of about 1 MB, of sentences with bold words, links with titles and
// line breaks, translated: its time should grow with the number of
// codes, not with its square (1 MB: 40 s for Markdown and 11 s for HTML
// when each code was looked up from the start of the block, 0.3 s now).
func BenchmarkRenderLongParagraph(b *testing.B) {
	for _, tc := range []struct {
		name     string
		f        Format
		sentence string
	}{
		{"markdown", Markdown, "Sentence %d has **bold** words and [a link](https://iwpr.net/%[1]d \"title %[1]d\") and a break  \nhere. "},
		{"html", HTML, `Sentence %d has <b>bold</b> words and <a href="https://iwpr.net/%[1]d" title="title %[1]d">a link</a> and a break<br>here. `},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var buf bytes.Buffer
			if tc.f == HTML {
				buf.WriteString("<p>")
			}
			for i := 1; buf.Len() < 1<<20; i++ {
				fmt.Fprintf(&buf, tc.sentence, i)
			}
			data := buf.Bytes()
			d, err := Parse(tc.f, data, "bench", Options{})
			if err != nil {
				b.Fatal(err)
			}
			targets := make(map[string]inline.Content, len(d.Blocks))
			for _, blk := range d.Blocks {
				targets[blk.ID] = fakeTranslation(tc.f, blk)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := d.Render(targets); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
