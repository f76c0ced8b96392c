package segment

import (
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
