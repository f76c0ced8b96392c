package segment

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2"
	"github.com/loctool/loctool/segment/internal/javaregex"
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

// Validate compiles every rule of every language rule and every language
// map pattern, and returns all the problems it finds, joined.
func (r *Rules) Validate() error {
	var errs []error
	for i := range r.LanguageRules {
		lr := &r.LanguageRules[i]
		for j := range lr.Rules {
			if _, err := compileRule(r.Name, lr, j); err != nil {
				errs = append(errs, err)
			}
		}
	}
	for _, m := range r.Maps {
		if _, err := compileLanguagePattern(m.Pattern); err != nil {
			errs = append(errs, r.mapError(m, err))
		}
	}
	return errors.Join(errs...)
}

func (r *Rules) mapError(m LanguageMap, err error) error {
	return &Error{File: r.Name, Pos: m.Pos, Msg: fmt.Sprintf("languagepattern %q", m.Pattern), Err: err}
}

func compileLanguagePattern(pattern string) (*regexp2.Regexp, error) {
	pat, err := javaregex.Translate(pattern)
	if err != nil {
		return nil, err
	}
	return regexp2.Compile(`^(?:`+pat+`)$`, regexp2.IgnoreCase)
}

// languageRulesFor returns the names of the language rules that apply to
// the tag, in order.
func (r *Rules) languageRulesFor(tag language.Tag) ([]string, error) {
	var codes []string
	for t := tag; ; t = t.Parent() {
		code := t.String()
		codes = append(codes, code, strings.ReplaceAll(code, "-", "_"))
		if t.IsRoot() {
			break
		}
	}
	var names []string
	for _, m := range r.Maps {
		re, err := compileLanguagePattern(m.Pattern)
		if err != nil {
			return nil, r.mapError(m, err)
		}
		for _, code := range codes {
			if ok, _ := re.MatchString(code); ok {
				if !slices.Contains(names, m.RuleName) {
					names = append(names, m.RuleName)
				}
				break
			}
		}
		if len(names) > 0 && !r.Cascade {
			break
		}
	}
	if len(names) == 0 {
		return nil, &Error{File: r.Name, Msg: fmt.Sprintf("no languagemap matches language %q", tag), kind: ErrNoRules}
	}
	return names, nil
}

// Segment returns the segments of text in order. Segments have no leading
// or trailing white space, and only white space lies between them, so
// the segments and the gaps between them rebuild text byte for byte.
func (s *Segmenter) Segment(text string) []Span {
	return spansBetween(text, s.breaks(text))
}

// breaks returns the positions where the rules break text, in order.
func (s *Segmenter) breaks(text string) []int {
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

// matcher tests rules at positions of one text: its probe names the rules
// that may match, and it runs their regular expressions. regexp2 works on
// runes, so the text is decoded once, when a rule first needs it.
type matcher struct {
	text  string
	probe prefilter.Probe
	runes []rune
	valid bool // the text is valid UTF-8, so runes are counted fast
	// The rune index of byte offset at, kept as positions increase.
	at, atRune int
}

func (m *matcher) matches(re *regexp2.Regexp, p int) bool {
	if m.runes == nil {
		m.valid = utf8.ValidString(m.text)
		m.runes = decodeRunes(m.text, m.count(m.text))
	}
	if p < m.at {
		m.at, m.atRune = 0, 0
	}
	m.atRune += m.count(m.text[m.at:p])
	m.at = p
	found := false
	// Errors (a regular expression exceeding its backtracking limit) count
	// as no match.
	_ = re.FindRunesMatches(m.runes, m.atRune, func(regexp2.MatchView) bool {
		found = true
		return false
	})
	return found
}

// count returns the number of runes in s, as a range loop counts them.
func (m *matcher) count(s string) int {
	if !m.valid {
		return utf8.RuneCountInString(s) // invalid bytes count one each
	}
	return countStarts(s)
}

// countStarts counts the bytes of s that start a rune, eight at a time:
// in valid UTF-8, the runes.
func countStarts(s string) int {
	const high = 0x8080808080808080
	n := len(s)
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := binary.LittleEndian.Uint64([]byte(s[i : i+8]))
		// A continuation byte is 10xxxxxx: bit 7 set, bit 6 clear.
		n -= bits.OnesCount64(x & ^(x << 1) & high)
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			n--
		}
	}
	return n
}

// release returns the rune buffer to the pool.
func (m *matcher) release() {
	if m.runes != nil {
		b := m.runes
		runePool.Put(&b)
		m.runes = nil
	}
}

// runePool recycles rune buffers, which are four times the text's size.
var runePool sync.Pool // *[]rune

// decodeRunes is []rune(text) in a plain loop, into a recycled buffer:
// the runtime's conversion cannot be preempted, which stalls the garbage
// collector on long texts.
func decodeRunes(text string, n int) []rune {
	var runes []rune
	if b, ok := runePool.Get().(*[]rune); ok && cap(*b) >= n {
		runes = (*b)[:n]
	} else {
		runes = make([]rune, n)
	}
	j := 0
	for i := 0; i < len(text); j++ {
		if c := text[i]; c < utf8.RuneSelf {
			runes[j] = rune(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		runes[j] = r
		i += size
	}
	return runes
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
