package segment

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// sampleArticle is the sample project's article.
func sampleArticle(tb testing.TB) string {
	tb.Helper()
	data, err := os.ReadFile("../articles/ablyazov-amnesty.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return string(data)
}

// corpus repeats the sample article's paragraphs, in a shifting order so
// that no two stretches are the same, until the text holds size bytes.
func corpus(tb testing.TB, size int) string {
	paras := strings.Split(sampleArticle(tb), "\n\n")
	var b strings.Builder
	b.Grow(size + 4096)
	for i := 0; b.Len() < size; i++ {
		p := paras[(i*7)%len(paras)]
		b.WriteString(p)
		b.WriteString("\n\n")
	}
	return b.String()
}

func benchmarkSegment(b *testing.B, lang, text string) {
	s, err := New(Builtin(), language.MustParse(lang))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		s.Segment(text)
	}
}

func BenchmarkSegmentArticle(b *testing.B) {
	benchmarkSegment(b, "en", sampleArticle(b))
}

func BenchmarkSegmentCorpus16MB(b *testing.B) {
	benchmarkSegment(b, "en", corpus(b, 16<<20))
}

// BenchmarkSegmentParagraphs segments the corpus one paragraph at a
// time, as extraction does.
func BenchmarkSegmentParagraphs(b *testing.B) {
	text := corpus(b, 16<<20)
	paras := strings.Split(text, "\n\n")
	s, err := New(Builtin(), language.MustParse("en"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range paras {
			s.Segment(p)
		}
	}
}

// runs are texts made mostly of one short string repeated: runs of the
// characters that SRX rules end or start with, which defeat the
// prefilter's window, alone and after a terminator.
var runs = []struct{ name, head, unit, tail string }{
	{"Quotes", "", `"`, ""},
	{"Dots", "", ".", ""},
	{"Bangs", "", "!", ""},
	{"Guillemets", "", "«", ""},
	{"Parens", "", ")", ""},
	{"Spaces", "a", " ", "b"},
	{"Digits", "", "1", ""},
	{"Abbrev", "", "U.S. ", ""},
	{"DotQuote", "", `."`, ""},
	{"DotParens", "", ".)", ""},
	{"Newlines", "", "\n", ""},
	{"Bullets", "", "• ", ""},
	{"FullWidth", "", "。”", ""},
	{"FullWidthQuotes", "。", `"`, ""},
	{"DotQuotesCapital", ".", "”", " A"},
	{"BangParens", "!", ")", " A"},
	{"DotSpaces", "A.", " ", "B"},
	{"NewlineSpaces", "a\n", " ", "1. b"},
}

// BenchmarkSegmentRuns segments each run at three sizes. Before the
// prefilter followed runs of closing quotes past its window, quotes and
// brackets took time quadratic in the run: Quotes took 0.87 s at 10 KB,
// and loctool segment 5.5 s at 20 KB and 15.7 s at 40 KB; Parens 0.93 s
// at 10 KB; FullWidthQuotes 0.6, 0.8 and 5.2 s. On the same loaded
// machine they now take 0.5, 1.3 and 1.9 ms (Quotes), 0.6, 1.2 and
// 2.4 ms (Parens) and 5 ms at 40 KB (FullWidthQuotes).
func BenchmarkSegmentRuns(b *testing.B) {
	for _, r := range runs {
		for _, size := range []int{10_000, 20_000, 40_000} {
			b.Run(fmt.Sprintf("%s/%dKB", r.name, size/1000), func(b *testing.B) {
				benchmarkSegment(b, "en", r.head+strings.Repeat(r.unit, size/len(r.unit))+r.tail)
			})
		}
	}
}
