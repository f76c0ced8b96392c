package document

import (
	"bytes"
	"fmt"
	"strconv"
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

// benchParseSizes parses the article gen makes at each size, which may be
// refused: the error, found at once, is the result.
func benchParseSizes(b *testing.B, f Format, sizes []int, gen func(n int) string) {
	for _, n := range sizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			data := []byte(gen(n))
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				_, _ = Parse(f, data, "bench", Options{})
			}
		})
	}
}

// BenchmarkHTMLDeepNesting nests n div elements. 100,000 took over 60 s
// (1,000: 68 ms, 4,000: 0.87 s, quadratic); past DefaultMaxDepth the
// article is now refused at the tag that goes too deep, in 4 ms for any n.
func BenchmarkHTMLDeepNesting(b *testing.B) {
	benchParseSizes(b, HTML, []int{128, 256, 511, 100_000}, func(n int) string {
		return strings.Repeat("<div>", n) + "x" + strings.Repeat("</div>", n)
	})
}

// BenchmarkHTMLStrayEndTags closes a p that is not open, n times, in 511
// nested div elements: each end tag looks for its element in all of them.
func BenchmarkHTMLStrayEndTags(b *testing.B) {
	benchParseSizes(b, HTML, []int{10_000, 20_000, 40_000}, func(n int) string {
		return strings.Repeat("<div>", 511) + strings.Repeat("</p>", n)
	})
}

// BenchmarkHTMLCodesLeftOpen is a paragraph of n <span><b></span>, each
// leaving a <b> open whose element its </span> closed, then n stray
// </i>: each end tag walked every code left open, in time quadratic in
// n (5,000: 0.12 s, 10,000: 0.38 s, 20,000: 1.2 s), until the parser
// counted the open codes by name (0.04, 0.06, 0.12 s).
func BenchmarkHTMLCodesLeftOpen(b *testing.B) {
	benchParseSizes(b, HTML, []int{5_000, 10_000, 20_000}, func(n int) string {
		return "<p>" + strings.Repeat("<span><b>x</span>", n) + strings.Repeat("</i>", n) + "</p>"
	})
}

// BenchmarkMarkdownNestedLists nests n list items, each indented two
// spaces more than the one before. goldmark's time grows with the cube of
// n (3,000 took 50 s and 500 MB); past DefaultMaxDepth the article is now
// refused before goldmark reads it.
func BenchmarkMarkdownNestedLists(b *testing.B) {
	benchParseSizes(b, Markdown, []int{128, 256, 511, 3_000}, func(n int) string {
		var s strings.Builder
		for i := range n {
			s.WriteString(strings.Repeat("  ", i) + "- x\n")
		}
		return s.String()
	})
}

// BenchmarkMarkdownBrackets is a paragraph of n unclosed links, "[a](",
// which goldmark reads in time quadratic in n: each "](" reads the rest of
// the paragraph as a link's destination (40,000 took 12.6 s). Past
// DefaultMaxMarkup's 4,000 brackets (n = 2,000) the article is now refused
// before goldmark reads it.
func BenchmarkMarkdownBrackets(b *testing.B) {
	benchParseSizes(b, Markdown, []int{1_000, 1_999, 40_000}, func(n int) string {
		return strings.Repeat("[a](", n)
	})
}

// BenchmarkMarkdownDenseParagraphs is an article of 100 paragraphs, each
// as much inline markup as DefaultMaxMarkup lets through, of the kinds
// goldmark reads in time quadratic in a paragraph: unclosed links,
// escaped backticks, and emphasis of * and _ mixed. The time an article
// takes grows with its paragraphs, each bounded.
func BenchmarkMarkdownDenseParagraphs(b *testing.B) {
	for _, tc := range []struct{ name, unit string }{
		{"links", "[a]("},
		{"backticks", "\\``"},
		{"emphasis", "*a_b*c_d**e_f*g**h*i_j**"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			markup := strings.Count(tc.unit, "*") + strings.Count(tc.unit, "_") + strings.Count(tc.unit, "`") +
				strings.Count(tc.unit, "[") + strings.Count(tc.unit, "]")
			para := strings.Repeat(tc.unit, DefaultMaxMarkup/markup) + "\n\n"
			data := []byte(strings.Repeat(para, 100))
			if _, err := Parse(Markdown, data, "bench.md", Options{}); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				_, _ = Parse(Markdown, data, "bench.md", Options{})
			}
		})
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
