package segment

import (
	"flag"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/language"
)

var update = flag.Bool("update", false, "rewrite golden files")

// builtinFor returns the built-in segmenter for lang, built once per test
// binary.
func builtinFor(t testing.TB, lang string) *Segmenter {
	t.Helper()
	builtinMu.Lock()
	defer builtinMu.Unlock()
	if s, ok := builtinSegmenters[lang]; ok {
		return s
	}
	s, err := New(Builtin(), language.MustParse(lang))
	if err != nil {
		t.Fatal(err)
	}
	builtinSegmenters[lang] = s
	return s
}

var (
	builtinMu         sync.Mutex
	builtinSegmenters = map[string]*Segmenter{}
)

// allCases returns the hand-checked cases and the reviewers'.
func allCases() []segCase {
	return slices.Concat(segCases, reviewCases, reviewCases2)
}

func TestBuiltinCases(t *testing.T) {
	failed := 0
	cases := allCases()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := builtinFor(t, c.lang)
			got := s.Split(c.text)
			if !slices.Equal(got, c.want) {
				failed++
				t.Errorf("%s\n got: %q\nwant: %q", c.text, got, c.want)
			}
		})
	}
	t.Logf("%d of %d cases pass", len(cases)-failed, len(cases))
}

// TestBuiltinGolden segments the sample article; run with -update to
// rewrite the golden file after checking the change by hand.
func TestBuiltinGolden(t *testing.T) {
	s := builtinFor(t, "en")
	got := strings.Join(s.Split(sampleArticle(t)), "\n") + "\n"
	const golden = "testdata/ablyazov-amnesty.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("segments differ from %s:\n%s", golden, lineDiff(string(want), got))
	}
}

// lineDiff lists the lines of want missing from got and the reverse.
func lineDiff(want, got string) string {
	var b strings.Builder
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for _, l := range w {
		if !slices.Contains(g, l) {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range g {
		if !slices.Contains(w, l) {
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}
