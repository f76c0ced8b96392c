// Package prefilter finds the few positions of a text where an SRX rule
// can apply, so that the rules' regular expressions run there and not at
// every position.
//
// A rule matches at a position when its beforebreak pattern matches the
// text ending there and its afterbreak pattern the text starting there.
// Running both at every position is what makes SRX engines slow. The
// prefilter reads each pattern's parse tree, as regexp2's syntax package
// builds it, and derives cheap, conservative tests: the runes a
// beforebreak match can end with (and its literal endings, such as the
// abbreviations of a list), the runes an afterbreak match can start with.
// Every test accepts at least what its pattern matches: when the analysis
// is in doubt, it gives up and the test accepts everything. Where a test
// is the pattern itself, the prefilter says so, and the expression need
// not run at all.
//
// [NewRule] analyses one rule, and [New] builds the [Filter] of an ordered
// list of rules. [Filter.Positions] scans a text for the positions where
// a breaking rule may apply, and a [Probe] names, at one of them, the rules
// that may match, in order.
package prefilter

import (
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2/syntax"
)

// Rule holds the tests derived from one rule's patterns.
type Rule struct {
	brk   bool
	end   ending  // can the text before the position end a beforebreak match?
	start opening // can the text after the position start an afterbreak match?
	// beforeAny reports a beforebreak pattern that may end anywhere, which
	// keeps the rule out of the fast scan for candidate positions.
	beforeAny bool
	// exact says the tests are the patterns: where they pass, the rule
	// matches, and the expression need not run.
	exact bool
}

// NewRule analyses a rule whose beforebreak and afterbreak patterns parse
// to before and after, nil for an empty pattern; brk says whether the
// rule breaks. The analysis rewrites parts of before, which must not be
// used afterwards.
func NewRule(brk bool, before, after *syntax.RegexTree) *Rule {
	// In a beforebreak pattern, a \b before a word becomes an anchor of
	// the analysis; in an afterbreak pattern it concerns the rune before
	// the position, which the analysis of what follows does not see.
	if before != nil {
		markWordStarts(before.Root)
	}
	r := &Rule{brk: brk}
	r.end, r.beforeAny = beforeEnding(before)
	r.start = afterOpening(after)
	r.exact = r.end.exact && r.start.exact
	return r
}

// Filter holds the tests of an ordered list of rules, as the segmenter
// applies them: at a position, the first rule that matches decides
// whether the text breaks, and where none matches, it does not. It is
// safe for concurrent use.
type Filter struct {
	rules  []*Rule
	byRune *rulesByRune // the rules that can match between two runes
	scan   scanner      // finds the positions to test
}

// New builds the filter of the rules, in the order they apply.
func New(rules []*Rule) *Filter {
	return &Filter{rules: rules, byRune: newRulesByRune(rules), scan: newScanner(rules)}
}

// Positions calls fn, in increasing order, with every position p of text,
// 0 < p < len(text), where a breaking rule may match. At the others, no
// breaking rule matches, so the text does not break there.
func (f *Filter) Positions(text string, fn func(p int)) {
	f.scan.positions(text, fn)
}

// Probe tests the rules at positions of one text. It holds scratch space,
// and is not safe for concurrent use.
type Probe struct {
	f    *Filter
	text string
	set  ruleSet // the rules that can match at a position
	// The runes on either side of a position.
	before, after window
	// runs holds, by rule, what the rule's ending test last found; nil
	// until a test walks over a long run of trailer runes.
	runs []run
}

// Probe returns a probe of text.
func (f *Filter) Probe(text string) Probe {
	return Probe{f: f, text: text, set: newRuleSet(len(f.rules))}
}

// Candidates calls fn, in the rules' order, with the index of each rule
// that may match at position p, until fn returns false. With sure, the rule
// matches there, and its expression need not run; without, only the
// expression can tell. When no rule that breaks may match at p, whatever
// matches there does not break, and Candidates names no rule.
func (pr *Probe) Candidates(p int, fn func(rule int, sure bool) bool) {
	prev, _ := utf8.DecodeLastRuneInString(pr.text[:p])
	next := rune(-1)
	if p < len(pr.text) {
		next, _ = utf8.DecodeRuneInString(pr.text[p:])
	}
	if !pr.f.byRune.candidates(prev, next, pr.set) {
		return
	}
	pr.before.reset(pr.text, p, true)
	pr.after.reset(pr.text, p, false)
	pr.set.each(func(i int) bool {
		r := pr.f.rules[i]
		if !r.start.accepts(&pr.after) {
			return true
		}
		end, steps := r.end.before(pr.text, p, &pr.before, pr.run(i))
		pr.keep(i, p, end, steps)
		if end == endNone {
			return true
		}
		return fn(i, r.exact && end == endSure && !pr.after.overflow)
	})
}

// shortRun is how many trailer runes a walk goes over before the probe
// keeps what the walks find: most texts have only short runs, and need
// no room for them.
const shortRun = 8

// run returns where rule i's ending test keeps what it found: nil while
// the walks over trailer runes have been short.
func (pr *Probe) run(i int) *run {
	if pr.runs == nil {
		return nil
	}
	return &pr.runs[i]
}

// keep records what rule i's ending test found at p, after a walk of
// steps runes.
func (pr *Probe) keep(i, p, found, steps int) {
	if pr.runs == nil {
		if steps < shortRun {
			return
		}
		pr.runs = make([]run, len(pr.f.rules))
		for k := range pr.runs {
			pr.runs[k].p = -1
		}
	}
	pr.runs[i] = run{p, found}
}
