package segment

import (
	"fmt"
	"html"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/loctool/loctool/internal/testtool"
	"golang.org/x/text/language"
)

// naiveBreakPositions applies the rules at every position with the regular
// expressions alone: the SRX definition, without the engine's shortcuts.
func (s *Segmenter) naiveBreakPositions(text string) []int {
	var at []int
	m := matcher{text: text}
	defer m.release()
	for p := range text {
		if p == 0 {
			continue
		}
		for _, r := range s.rules {
			if r.re == nil || m.matches(r.re, p) {
				if r.brk {
					at = append(at, p)
				}
				break
			}
		}
	}
	return at
}

// diffTexts are texts that exercise the rules: the sample article, every
// hand-checked case, and shuffles of their pieces, which put terminators,
// abbreviations, quotes and line breaks next to each other in ways no
// writer would.
func diffTexts(t *testing.T) []string {
	texts := []string{sampleArticle(t)}
	var words []string
	for _, c := range allCases() {
		texts = append(texts, c.text)
		words = append(words, strings.Fields(c.text)...)
	}
	seps := []string{" ", " ", " ", "\n", "\n\n", "  ", "\u00a0", "\t"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		var b strings.Builder
		for j := range 40 {
			if j > 0 {
				b.WriteString(seps[rng.IntN(len(seps))])
			}
			b.WriteString(words[rng.IntN(len(words))])
		}
		texts = append(texts, b.String())
	}
	if testing.Short() {
		// A fifth of them: the race detector's run (-race -short) makes
		// these single-threaded comparisons ten times slower, and proves
		// nothing more with them.
		texts = texts[:len(texts)/5]
	}
	return texts
}

// TestScanAgreesWithNaive proves the engine's shortcuts sound: on every
// text, the fast scan finds exactly the breaks that testing every rule at
// every position finds.
func TestScanAgreesWithNaive(t *testing.T) {
	texts := diffTexts(t)
	for _, lang := range []string{"en", "ru", "kk", "de"} {
		t.Run(lang, func(t *testing.T) {
			checkAgreement(t, builtinFor(t, lang), texts)
		})
	}
}

// TestScanAgreesWithNaiveOnRealRules does the same with the real-world
// SRX files, whose rules were not written with the engine in mind.
func TestScanAgreesWithNaiveOnRealRules(t *testing.T) {
	texts := diffTexts(t)
	texts = texts[:min(120, len(texts))]
	for _, file := range referenceSRX(t) {
		rules, err := LoadSRX(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"en", "ru", "kk"} {
			t.Run(filepath.Base(file)+"/"+lang, func(t *testing.T) {
				s, err := New(rules, language.MustParse(lang))
				if err != nil {
					t.Fatal(err)
				}
				checkAgreement(t, s, texts)
			})
		}
	}
}

func checkAgreement(t *testing.T, s *Segmenter, texts []string) {
	t.Helper()
	for _, text := range texts {
		fast, naive := s.breakPositions(text), s.naiveBreakPositions(text)
		if !slices.Equal(fast, naive) {
			t.Errorf("breaks differ on %q:\n fast: %v\nnaive: %v", text, fast, naive)
		}
	}
}

// referenceSRX lists the real-world SRX files in the shared reference
// folder.
func referenceSRX(t *testing.T) []string {
	files, err := filepath.Glob(filepath.Join(testtool.SharedDir(t), "reference", "segmentation", "*.srx"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no SRX files in the reference folder: %v", err)
	}
	return files
}

// checkInvariant checks that the spans are ordered, trimmed and separated
// by white space only, so that they rebuild the text.
func checkInvariant(t *testing.T, text string, spans []Span) {
	t.Helper()
	prev := 0
	for _, sp := range spans {
		if sp.Start < prev || sp.End <= sp.Start || sp.End > len(text) {
			t.Fatalf("bad span %v after %d in %q", sp, prev, text)
		}
		if gap := text[prev:sp.Start]; !onlySpace(gap) {
			t.Fatalf("non-space gap %q in %q", gap, text)
		}
		seg := sp.Text(text)
		if a, b := trimSpace(seg, 0, len(seg)); a != 0 || b != len(seg) {
			t.Fatalf("segment %q has surrounding white space", seg)
		}
		prev = sp.End
	}
	if !onlySpace(text[prev:]) {
		t.Fatalf("non-space tail %q in %q", text[prev:], text)
	}
}

func onlySpace(s string) bool {
	a, b := trimSpace(s, 0, len(s))
	return a == b
}

func FuzzSegment(f *testing.F) {
	f.Add("Mr. Smith arrived. He sat down.", "en")
	f.Add("Он сказал: «Мы подадим апелляцию». Затем ушёл.", "ru")
	f.Add("2002 ж. шілдеде ол босады. Бұл – саяси шешім.", "kk")
	f.Add("1. The first item 2. The second item", "en")
	f.Add("a\xffb. C\xc0. \n\n• x", "de")
	f.Add("“…free.” He said. . . . Next", "en")
	segmenters := map[string]*Segmenter{}
	for _, lang := range []string{"en", "ru", "kk", "de"} {
		s, err := New(Builtin(), language.MustParse(lang))
		if err != nil {
			f.Fatal(err)
		}
		segmenters[lang] = s
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		s := segmenters[lang]
		if s == nil {
			s = segmenters["en"]
		}
		checkInvariant(t, text, s.Segment(text))
		if len(text) < 300 {
			if fast, naive := s.breakPositions(text), s.naiveBreakPositions(text); !slices.Equal(fast, naive) {
				t.Fatalf("breaks differ on %q:\n fast: %v\nnaive: %v", text, fast, naive)
			}
		}
	})
}

func TestSegmentInvariant(t *testing.T) {
	s := builtinFor(t, "en")
	for _, text := range diffTexts(t) {
		checkInvariant(t, text, s.Segment(text))
	}
	for _, text := range []string{"", "   ", "\n\n", "x", ". . .", "\xff\xfe.", "Mr.", "A. B. C."} {
		checkInvariant(t, text, s.Segment(text))
	}
}

// oddRules are patterns chosen to trip the analysis: word boundaries on
// either side, lookarounds where the scan looks, anchors, back
// references, case folding, empty and empty-matching patterns.
var oddRules = [][3]string{
	// break, before, after
	{"yes", `\.`, `\s+\bThe`},
	{"yes", `\s`, `\bThe`},
	{"yes", `\n`, `(?m)^The`},
	{"yes", `\.`, `\s+(?m:^)?A`},
	{"yes", `[.?!]`, `(?=\s)(?<!Mr\.)`},
	{"no", `\b(?i:mr|dr)\.`, `\s`},
	{"yes", `(?<=\bU\.S)\.`, `\s+[A-Z]`},
	{"yes", `^\p{Lu}\w*`, `\s`},
	{"yes", `\d`, `$`},
	{"yes", `(\w)\1\.`, `\s`},
	{"no", `\b[A-Z]\.`, ``},
	{"yes", ``, `\n`},
	{"yes", `[,;]`, `\s*(?:and|but)\b`},
	{"yes", `\S?`, `\s{2,}`},
	{"yes", `(?:т\.д|т\.п)\.`, `\s+\p{Lu}`},
	{"no", `\p{Ll}{2,3}\.`, `\s+\p{Ll}`},
	{"yes", `[.!?…]+["”»]*`, `\s+(?:[—–-]\s*)?["“«(]*\p{Lu}`},
}

func TestScanAgreesOnOddRules(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="no"/><body><languagerules><languagerule languagerulename="Odd">`)
	for _, r := range oddRules {
		fmt.Fprintf(&b, `<rule break="%s"><beforebreak>%s</beforebreak><afterbreak>%s</afterbreak></rule>`, r[0], html.EscapeString(r[1]), html.EscapeString(r[2]))
	}
	b.WriteString(`</languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="Odd"/></maprules></body></srx>`)
	rules, err := ParseSRX(strings.NewReader(b.String()), "odd.srx")
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(rules, language.English)
	if err != nil {
		t.Fatal(err)
	}
	checkAgreement(t, s, append(diffTexts(t), "x. The y", "Mr. Smith. The end", "aa. bb. CC. Dd", "1\n2", "First  second, and third; but"))
}
