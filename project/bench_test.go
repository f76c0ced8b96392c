package project_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/internal/corpus"
	"github.com/loctool/loctool/project"
)

// benchArticles is the size of the generated corpus the benchmarks work
// on; -args -articles=2000 gives the 16 MB corpus of
// scripts/bench-workflow.sh.
var benchArticles = flag.Int("articles", 200, "articles in the corpus of BenchmarkExtract and BenchmarkMerge (about 8 KB each)")

// benchProject generates a corpus in a temporary folder and opens it.
func benchProject(b *testing.B) (*project.Project, int64) {
	b.Helper()
	o := corpus.Options{Articles: *benchArticles, Seed: 1}
	if err := o.LoadSamples(".."); err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	st, err := corpus.Generate(dir, o)
	if err != nil {
		b.Fatal(err)
	}
	p, err := project.Open(project.Config{
		Root:     dir,
		Source:   language.English,
		Targets:  []language.Tag{language.Russian},
		Articles: []string{"articles/**/*.txt", "articles/**/*.md"},
	})
	if err != nil {
		b.Fatal(err)
	}
	return p, st.Bytes
}

func extract(b *testing.B, p *project.Project) {
	b.Helper()
	plan, report, err := p.Extract(project.ExtractOptions{})
	if err != nil {
		b.Fatal(err)
	}
	if report.Failed() {
		b.Fatalf("extract failed: %+v", report.Files)
	}
	if _, err := plan.Apply(p.Root); err != nil {
		b.Fatal(err)
	}
}

func merge(b *testing.B, p *project.Project) {
	b.Helper()
	plan, report, err := p.Merge(project.MergeOptions{})
	if err != nil {
		b.Fatal(err)
	}
	if report.Failed() {
		for _, f := range report.Files {
			if f.Err != nil {
				b.Fatalf("%s: %v", f.Handoff, f.Err)
			}
		}
	}
	if _, err := plan.Apply(p.Root); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkExtract extracts every article of a generated corpus, as
// loctool extract does: "fresh" into an empty locales folder, "again"
// over the handoff files of the previous extraction, which are read and
// reconciled. The MB/s are of articles.
func BenchmarkExtract(b *testing.B) {
	p, size := benchProject(b)
	locales := filepath.Join(p.Root, p.Locales)
	b.Run("fresh", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			b.StopTimer()
			if err := os.RemoveAll(locales); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			extract(b, p)
		}
	})
	b.Run("again", func(b *testing.B) {
		extract(b, p)
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			extract(b, p)
		}
	})
}

// BenchmarkMerge merges the pseudo-translated handoff files of a
// generated corpus, as loctool merge does: "fresh" into an empty output
// folder, "again" over the articles of the previous merge. The MB/s are
// of articles.
func BenchmarkMerge(b *testing.B) {
	p, size := benchProject(b)
	extract(b, p)
	if _, err := corpus.Translate(filepath.Join(p.Root, p.Locales)); err != nil {
		b.Fatal(err)
	}
	output := filepath.Join(p.Root, p.Output)
	b.Run("fresh", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			b.StopTimer()
			if err := os.RemoveAll(output); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			merge(b, p)
		}
	})
	b.Run("again", func(b *testing.B) {
		merge(b, p)
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			merge(b, p)
		}
	})
}

// BenchmarkStatus reports on the pseudo-translated handoff files of a
// generated corpus, as loctool status does: "cold" with no cache, each
// file parsed, matched with its article and checked; "warm" from the
// cache of the run before, each file read and hashed only. The MB/s are
// of articles.
func BenchmarkStatus(b *testing.B) {
	p, size := benchProject(b)
	extract(b, p)
	if _, err := corpus.Translate(filepath.Join(p.Root, p.Locales)); err != nil {
		b.Fatal(err)
	}
	status := func(b *testing.B, cache project.StatusCache) {
		b.Helper()
		rows := 0
		if err := p.StatusEach(project.StatusOptions{Cache: cache}, func(r project.StatusRow) {
			if r.Err != nil {
				b.Fatalf("%s: %v", r.Article, r.Err)
			}
			rows++
		}); err != nil {
			b.Fatal(err)
		}
		if rows == 0 {
			b.Fatal("no rows")
		}
	}
	b.Run("cold", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			status(b, project.StatusCache{})
		}
	})
	b.Run("warm", func(b *testing.B) {
		cache := project.StatusCache{Dir: b.TempDir(), Program: "bench"}
		status(b, cache)
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			status(b, cache)
		}
	})
}
