package check_test

import (
	"flag"
	"strings"
	"testing"

	"github.com/loctool/loctool/check"
	"github.com/loctool/loctool/glossary"
	"github.com/loctool/loctool/internal/corpus"
	"golang.org/x/text/language"
)

var (
	benchConcepts = flag.Int("concepts", 10000, "concepts in the generated glossary of the benchmarks")
	benchArticles = flag.Int("articles", 200, "articles in the corpus of the benchmarks (about 8 KB each)")
)

func benchSources(b *testing.B) ([]check.Source, int64) {
	o := corpus.Options{Articles: *benchArticles, Seed: 1}
	if err := o.LoadSamples(".."); err != nil {
		b.Fatal(err)
	}
	var sources []check.Source
	var n int64
	for i := range *benchArticles {
		name, data := corpus.Article(o, i)
		sources = append(sources, check.Source{Path: name, Text: string(data)})
		n += int64(len(data))
	}
	return sources, n
}

func benchGlossary() *glossary.Glossary {
	g := glossary.New()
	g.Add(corpus.Glossary(*benchConcepts, 1))
	return g
}

// BenchmarkMatcher builds the matcher of a 10,000-concept glossary: its
// variants, generated from the Cyrillic forms by every scheme.
func BenchmarkMatcher(b *testing.B) {
	g := benchGlossary()
	for b.Loop() {
		glossary.NewMatcher(g, language.English)
	}
}

// BenchmarkCheck checks the generated articles against a 10,000-concept
// glossary, as loctool check does. The MB/s are of articles.
func BenchmarkCheck(b *testing.B) {
	g := benchGlossary()
	sources, n := benchSources(b)
	b.SetBytes(n)
	for b.Loop() {
		if _, err := check.Sources(sources, check.Options{Glossary: g}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFind finds the spellings of a 10,000-concept glossary in the
// generated articles, with the matcher built beforehand.
func BenchmarkFind(b *testing.B) {
	m := glossary.NewMatcher(benchGlossary(), language.English)
	sources, n := benchSources(b)
	b.SetBytes(n)
	for b.Loop() {
		for _, s := range sources {
			m.Find(s.Text)
		}
	}
}

// BenchmarkSpellings collects the names of the generated articles by
// skeleton, to find those spelt two ways.
func BenchmarkSpellings(b *testing.B) {
	sources, n := benchSources(b)
	b.SetBytes(n)
	for b.Loop() {
		names := glossary.NewSpellings()
		for _, s := range sources {
			names.Add(s.Path, s.Text)
		}
		if _, err := names.Inconsistent(); err != nil {
			b.Fatal(err)
		}
		names.Close()
	}
}

// BenchmarkNothingToTranslate asks of each line of the generated
// articles whether it has nothing to translate, as extract does of every
// sentence. The MB/s are of articles.
func BenchmarkNothingToTranslate(b *testing.B) {
	sources, n := benchSources(b)
	var lines []string
	for _, s := range sources {
		lines = append(lines, strings.Split(s.Text, "\n")...)
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			check.NothingToTranslate(l)
		}
	}
}
