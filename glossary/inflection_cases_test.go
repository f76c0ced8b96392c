package glossary

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// inflectionCase is a row of testdata/inflection/{,heldout-}{ru,kk}.tsv: a
// sentence, the spelling of a term, and the term's occurrence in it as
// a reader of the language sees it, or "-" for none.
type inflectionCase struct {
	line                  int
	spelling, text, found string
	note                  string
}

// readInflectionCases reads a table of cases; the README beside the
// tables says how they were written.
func readInflectionCases(t testing.TB, lang string) []inflectionCase {
	t.Helper()
	path := filepath.Join("testdata", "inflection", lang+".tsv")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = '\t', true, 4
	header, err := r.Read()
	if err != nil || !slices.Equal(header, []string{"spelling", "text", "found", "note"}) {
		t.Fatalf("%s: header %q, %v", path, header, err)
	}
	var out []inflectionCase
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		line, _ := r.FieldPos(0)
		out = append(out, inflectionCase{line: line, spelling: rec[0], text: rec[1], found: rec[2], note: rec[3]})
	}
	return out
}

// inflectionScore is how the matcher did on a table.
type inflectionScore struct {
	truePos, trueNeg, falsePos, falseNeg int
	// unnamed are the correct forms the matcher does not see as the
	// term at all: term.target would report each as wrong.
	unnamed []string
	misses  []string // every case the matcher got wrong, to log
}

func (s inflectionScore) precision() float64 {
	return float64(s.truePos) / float64(max(1, s.truePos+s.falsePos))
}

func (s inflectionScore) recall() float64 {
	return float64(s.truePos) / float64(max(1, s.truePos+s.falseNeg))
}

// scoreInflection makes a concept of each spelling of the cases, its
// preferred spelling in the language, and scores the matcher's readings
// of each sentence: the first match of the case's concept is right when
// it is the occurrence the case gives; any match in a sentence without
// the term is wrong.
func scoreInflection(cases []inflectionCase, lang language.Tag) inflectionScore {
	g := New()
	concepts := map[string]*Concept{}
	for _, c := range cases {
		if concepts[c.spelling] == nil {
			concepts[c.spelling] = &Concept{ID: fmt.Sprintf("case-%d", len(concepts)+1), Terms: map[language.Tag]*Terms{lang: {Preferred: c.spelling}}}
			g.Add([]*Concept{concepts[c.spelling]})
		}
	}
	m := NewMatcher(g, lang)
	var s inflectionScore
	for _, c := range cases {
		var ms []Match
		for _, x := range m.FindAll(c.text) {
			if x.Concept == concepts[c.spelling] {
				ms = append(ms, x)
			}
		}
		slices.SortStableFunc(ms, func(a, b Match) int { return a.Start - b.Start })
		got := "-"
		if len(ms) > 0 {
			got = c.text[ms[0].Start:ms[0].End]
		}
		switch {
		case got == c.found && got == "-":
			s.trueNeg++
			continue
		case got == c.found:
			s.truePos++
			continue
		case c.found == "-":
			s.falsePos++
		case got == "-":
			s.falseNeg++
			s.unnamed = append(s.unnamed, fmt.Sprintf("line %d: %q in %q", c.line, c.found, c.text))
		default:
			s.falsePos++
			s.falseNeg++
		}
		s.misses = append(s.misses, fmt.Sprintf("line %d: %s: found %q, want %q (%s) in %q", c.line, c.spelling, got, c.found, c.note, c.text))
	}
	return s
}

// TestInflectionCases scores the matcher on the cases a reviewer wrote
// from Russian and Kazakh news usage without reading the matcher: it
// fails when a correct form goes unseen, which term.target would report
// as wrong, and when precision or recall fall below what was measured.
func TestInflectionCases(t *testing.T) {
	for _, tt := range []struct {
		lang              string
		precision, recall float64 // the least allowed
	}{
		// Measured: 1.000 and 1.000 in both languages, on 302 Russian
		// and 272 Kazakh cases.
		{"ru", 0.99, 0.99},
		{"kk", 0.99, 0.99},
		// A second table, written by another reviewer once the matcher
		// was done, scored as it came: ru 1.000 and 1.000 on 122 cases,
		// kk 1.000 and 0.990 on 127, its one miss Қариннің (и writes ый
		// and ій alike, and now takes suffixes of either harmony).
		{"heldout-ru", 0.99, 0.99},
		{"heldout-kk", 0.99, 0.99},
	} {
		cases := readInflectionCases(t, tt.lang)
		if len(cases) < 100 {
			t.Fatalf("%s: %d cases", tt.lang, len(cases))
		}
		s := scoreInflection(cases, language.MustParse(strings.TrimPrefix(tt.lang, "heldout-")))
		t.Logf("%s: %d cases: %d right matches, %d right non-matches, %d wrong matches, %d missed: precision %.3f, recall %.3f",
			tt.lang, len(cases), s.truePos, s.trueNeg, s.falsePos, s.falseNeg, s.precision(), s.recall())
		for _, miss := range s.misses {
			t.Logf("%s: %s", tt.lang, miss)
		}
		for _, u := range s.unnamed {
			t.Errorf("%s: a correct form is not seen as the term: %s", tt.lang, u)
		}
		if s.precision() < tt.precision || s.recall() < tt.recall {
			t.Errorf("%s: precision %.3f, recall %.3f; want at least %.3f and %.3f", tt.lang, s.precision(), s.recall(), tt.precision, tt.recall)
		}
	}
}
