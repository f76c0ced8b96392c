package check

import (
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
)

// consistencyFiles are n handoff files in Russian and Kazakh whose
// sentences are drawn from a few, so that many are translated several
// ways and many translations shared; some units' notes silence a
// consistency rule, and some files hold several <file>s.
func consistencyFiles(n int) [][]Handoff {
	r := rand.New(rand.NewPCG(1, 2))
	sources := []string{"He left.", "She left.", "He went away.", "They came back on May 13.", "Nobody knew.", "It rained  all day."}
	targets := []string{"Он уехал.", "Он ушёл.", "Она ушла.", "Они вернулись 13 мая.", "Никто не знал.", "Весь день шёл дождь."}
	files := make([][]Handoff, n)
	for i := range files {
		for k := range 1 + r.IntN(2) {
			lang := []string{"ru", "kk"}[r.IntN(2)]
			var pairs []inline.Content
			for range 1 + r.IntN(6) {
				pairs = append(pairs, inline.Text(sources[r.IntN(len(sources))]), inline.Text(targets[r.IntN(len(targets))]))
			}
			f := qaFile(lang, pairs...)
			if r.IntN(5) == 0 {
				f.Units[0].Notes = []handoff.Note{{Text: "loctool-ignore: " + []string{diag.ConsistencyTarget, diag.ConsistencySource}[r.IntN(2)]}}
			}
			files[i] = append(files[i], Handoff{Path: fmt.Sprintf("locales/%s/%03d-%d.xlf", lang, i, k), File: f})
		}
	}
	return files
}

// The consistency checks give the same findings in the same order
// whether they hold the translations in memory or, past their budget,
// in temporary files, which they remove.
func TestConsistencySpill(t *testing.T) {
	files := consistencyFiles(400)
	check := func(budget int) ([]string, string) {
		c := NewChecker(Options{})
		c.uses.budget = budget
		for i, hs := range slices.Backward(files) { // not in order of number
			for _, h := range hs {
				c.File(i, h)
			}
		}
		var got []string
		if err := c.EachConsistency(func(d diag.Diagnostic) error {
			got = append(got, fmt.Sprintf("%s:%d:%d %s %s %s %s/%s", d.File, d.Start.Line, d.Start.Col, d.Severity, d.Rule, d.Message, d.Unit, d.Segment))
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return got, c.uses.dir
	}
	want, dir := check(usesBudget)
	if dir != "" {
		t.Fatalf("%d files spilled to %s", len(files), dir)
	}
	if len(want) < 100 {
		t.Fatalf("only %d findings: the test checks little", len(want))
	}
	for _, budget := range []int{1, 4 << 10} {
		got, dir := check(budget)
		if dir == "" {
			t.Fatalf("budget %d: nothing spilled", budget)
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("budget %d: %s left: %v", budget, dir, err)
		}
		if a, b := strings.Join(got, "\n"), strings.Join(want, "\n"); a != b {
			t.Errorf("budget %d: %d findings, want %d:\n%s", budget, len(got), len(want), firstDifference(got, want))
		}
	}
}

func firstDifference(got, want []string) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return fmt.Sprintf("at %d: %s\nwant %s", i, got[i], want[i])
		}
	}
	return "one is the other's start"
}

// BenchmarkConsistency checks the consistency of the translations of
// 2,000 files, in memory and written aside in temporary files.
func BenchmarkConsistency(b *testing.B) {
	files := consistencyFiles(2000)
	for _, budget := range []int{usesBudget, 64 << 10} {
		b.Run(fmt.Sprint("budget=", budget), func(b *testing.B) {
			for b.Loop() {
				c := NewChecker(Options{})
				c.uses.budget = budget
				for i, hs := range files {
					for _, h := range hs {
						c.File(i, h)
					}
				}
				if err := c.EachConsistency(func(diag.Diagnostic) error { return nil }); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
