package segment

import (
	"errors"
	"runtime"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/loctool/loctool/segment/internal/prefilter"
	"golang.org/x/text/language"
)

// Span is one segment: text[Start:End], in bytes.
type Span struct {
	Start, End int
}

// Text returns the part of text the span covers.
func (s Span) Text(text string) string { return text[s.Start:s.End] }

// Segmenter splits text into sentences with the rules of one language.
// It is safe for concurrent use.
type Segmenter struct {
	rules  []*compiledRule
	filter *prefilter.Filter // finds where rules can match
}

// ErrNoRules is the kind of error [New] returns, as an [*Error], when no
// language map of the rules matches the language: test with errors.Is.
var ErrNoRules = errors.New("no language map matches the language")

// New builds a segmenter for the language from rules. The rules' language
// maps are matched, ignoring case, against the tag and then its parents
// (en-GB, then en-001 and en; kk-Cyrl-KZ, then kk-Cyrl and kk), in BCP 47
// and in underscore form (en_GB). With cascade, every matching map adds
// its language rule, in map order; without, the first one decides.
func New(rules *Rules, tag language.Tag) (*Segmenter, error) {
	names, err := rules.languageRulesFor(tag)
	if err != nil {
		return nil, err
	}
	type job struct {
		lr *LanguageRule
		i  int
	}
	var jobs []job
	for _, name := range names {
		lr, _ := rules.LanguageRule(name)
		for i := range lr.Rules {
			jobs = append(jobs, job{lr, i})
		}
	}
	// The rules compile independently: on every core, for the time a
	// command takes to start.
	s := &Segmenter{rules: make([]*compiledRule, len(jobs))}
	errs := make([]error, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for k := range next {
				s.rules[k], errs[k] = compileRule(rules.Name, jobs[k].lr, jobs[k].i)
			}
		})
	}
	for k := range jobs {
		next <- k
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err // the first, in the rules' order
		}
	}
	filters := make([]*prefilter.Rule, len(s.rules))
	for i, r := range s.rules {
		filters[i] = r.filter
	}
	s.filter = prefilter.New(filters)
	return s, nil
}

// Segment returns the segments of text in order. Segments have no leading
// or trailing white space, and only white space lies between them, so
// the segments and the gaps between them rebuild text byte for byte.
func (s *Segmenter) Segment(text string) []Span {
	return spansBetween(text, s.breakPositions(text))
}

// breakPositions returns the positions where the rules break text, in order.
func (s *Segmenter) breakPositions(text string) []int {
	var at []int
	m := matcher{text: text, probe: s.filter.Probe(text)}
	defer m.release()
	s.filter.Positions(text, func(p int) {
		if s.breaksAt(&m, p) {
			at = append(at, p)
		}
	})
	return at
}

// spansBetween cuts text at the breaks and trims the white space off
// each piece; pieces of only white space are dropped.
func spansBetween(text string, breaks []int) []Span {
	spans := make([]Span, 0, len(breaks)+1)
	start := 0
	for _, end := range append(breaks, len(text)) {
		if a, b := trimSpace(text, start, end); a < b {
			spans = append(spans, Span{a, b})
		}
		start = end
	}
	return spans
}

// Split returns the text of each segment.
func (s *Segmenter) Split(text string) []string {
	spans := s.Segment(text)
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = sp.Text(text)
	}
	return out
}

// breaksAt applies the rules at position p: the first rule that matches
// decides, and with none, the text does not break.
func (s *Segmenter) breaksAt(m *matcher, p int) bool {
	brk := false
	m.probe.Candidates(p, func(i int, sure bool) bool {
		r := s.rules[i]
		if r.re == nil || sure || m.matches(r.re, p) {
			brk = r.brk
			return false
		}
		return true
	})
	return brk
}

// trimSpace narrows text[a:b] to exclude white space at both ends.
func trimSpace(text string, a, b int) (int, int) {
	for a < b {
		r, size := utf8.DecodeRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		a += size
	}
	for b > a {
		r, size := utf8.DecodeLastRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= size
	}
	return a, b
}
