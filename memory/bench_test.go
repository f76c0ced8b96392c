package memory

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/internal/corpus"
)

// corpusSentences returns the first n sentences of the benchmark
// corpus's plain-text articles.
func corpusSentences(b *testing.B, n int) []string {
	b.Helper()
	o := corpus.Options{Seed: 1}
	if err := o.LoadSamples(filepath.Join("..")); err != nil {
		b.Fatal(err)
	}
	var out []string
	err := corpus.Sentences(o, func(s string) bool {
		out = append(out, s)
		return len(out) < n
	})
	if err != nil {
		b.Fatal(err)
	}
	return out
}

// benchStore returns a SQLite memory of the first n corpus sentences,
// and the sentences after them, which it has not.
func benchStore(b *testing.B, n int) (*Store, []string) {
	b.Helper()
	sentences := corpusSentences(b, n+1000)
	s, err := Open(context.Background(), Config{Path: filepath.Join(b.TempDir(), "m.db")})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	var units []Unit
	for _, x := range sentences[:n] {
		units = append(units, Unit{SourceLang: en, TargetLang: ru, Source: inline.Text(x), Target: corpus.PseudoIn(inline.Text(x), corpus.Cyrillic)})
	}
	if err := s.Add(context.Background(), units); err != nil {
		b.Fatal(err)
	}
	return s, sentences[n:]
}

// BenchmarkLookup looks up the sentences of later articles in a memory
// of 20,000 sentences of earlier ones: exact matches only, and with
// fuzzy matches from 75.
func BenchmarkLookup(b *testing.B) {
	s, later := benchStore(b, 20000)
	for _, bc := range []struct {
		name      string
		threshold int
	}{{"exact", 100}, {"fuzzy75", 75}} {
		b.Run(bc.name, func(b *testing.B) {
			found := 0
			for i := 0; b.Loop(); i++ {
				ms, err := s.Lookup(context.Background(), Query{SourceLang: en, TargetLang: ru, Source: inline.Text(later[i%len(later)]), Threshold: bc.threshold})
				if err != nil {
					b.Fatal(err)
				}
				found += len(ms)
			}
			b.ReportMetric(float64(found)/float64(b.N), "matches/op")
		})
	}
}

// BenchmarkAdd adds sentences to a memory, 1,000 a transaction.
func BenchmarkAdd(b *testing.B) {
	sentences := corpusSentences(b, 1000)
	s, err := Open(context.Background(), Config{Path: filepath.Join(b.TempDir(), "m.db")})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	units := make([]Unit, len(sentences))
	for i, x := range sentences {
		units[i] = Unit{SourceLang: en, TargetLang: ru, Source: inline.Text(x), Target: inline.Text(x)}
	}
	for b.Loop() {
		if err := s.Add(context.Background(), units); err != nil {
			b.Fatal(err)
		}
	}
}
