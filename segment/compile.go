package segment

import (
	"fmt"
	"math"

	"github.com/dlclark/regexp2/v2"
	"github.com/dlclark/regexp2/v2/syntax"
	"github.com/loctool/loctool/segment/internal/javaregex"
)

// compiledRule is a rule ready to be tested at a position: the cheap
// conservative tests first, then the regular expression.
type compiledRule struct {
	brk   bool
	end   ending  // can the text before the position end a beforebreak match?
	start opening // can the text after the position start an afterbreak match?
	// re matches at a position where both patterns match:
	// \G(?=(?:after))(?<=(?:before)), the afterbreak first because it is
	// usually the quicker to fail. It is nil when both are empty.
	re *regexp2.Regexp
	// beforeAny reports a beforebreak pattern that may end anywhere, which
	// keeps the rule out of the fast scan for candidate positions.
	beforeAny bool
	// exact says the tests are the patterns: where they pass, the rule
	// matches, and the expression need not run.
	exact bool
}

// ruleRef names a rule in messages.
func ruleRef(lr *LanguageRule, i int) string {
	return fmt.Sprintf("rule %d of %q", i+1, lr.Name)
}

// compileRule translates and compiles rule i of lr.
func compileRule(file string, lr *LanguageRule, i int) (*compiledRule, error) {
	rule := &lr.Rules[i]
	before, beforeTree, err := compilePattern(rule.Before, true)
	if err != nil {
		return nil, &Error{File: file, Pos: rule.BeforePos, Rule: ruleRef(lr, i), Msg: fmt.Sprintf("beforebreak %q", rule.Before), Err: err}
	}
	after, afterTree, err := compilePattern(rule.After, false)
	if err != nil {
		return nil, &Error{File: file, Pos: rule.AfterPos, Rule: ruleRef(lr, i), Msg: fmt.Sprintf("afterbreak %q", rule.After), Err: err}
	}
	cr := &compiledRule{brk: rule.Break}
	cr.end, cr.beforeAny = beforeEnding(beforeTree)
	cr.start = afterOpening(afterTree)
	cr.exact = cr.end.exact && cr.start.exact
	if before == "" && after == "" {
		return cr, nil
	}
	cr.re, err = regexp2.Compile(`\G(?=(?:` + after + `))(?<=(?:` + before + `))`)
	if err != nil {
		return nil, &Error{File: file, Pos: rule.Pos, Rule: ruleRef(lr, i), Msg: "cannot combine beforebreak and afterbreak", Err: err}
	}
	return cr, nil
}

// compilePattern translates a Java pattern and parses the result, so
// that errors are reported against the pattern they come from. In a
// beforebreak pattern (ending), a \b before a word becomes an anchor of
// the analysis; in an afterbreak pattern it concerns the rune before the
// position, which the analysis of what follows does not see.
func compilePattern(java string, ending bool) (string, *syntax.RegexTree, error) {
	if java == "" {
		return "", nil, nil
	}
	pat, err := javaregex.Translate(java)
	if err != nil {
		return "", nil, err
	}
	tree, err := syntax.Parse(pat, syntax.ParseOptions{})
	if err != nil {
		return "", nil, fmt.Errorf("invalid regular expression: %w", err)
	}
	if ending {
		markWordStarts(tree.Root)
	}
	return pat, tree, nil
}

// beforeEnding derives the ending test of a beforebreak pattern, and
// reports whether the pattern may end anywhere.
func beforeEnding(tree *syntax.RegexTree) (ending, bool) {
	if tree == nil {
		return ending{}, true
	}
	seq, trailer, peeledExact := peelTrailer(tree.Root)
	if shapes, nullable, ok := endsSeq(seq); ok && !nullable {
		e := newEnding(shapes, trailer)
		e.exact = e.exact && peeledExact && isExactSeq(seq)
		return e, !e.never && len(e.classes) == 0
	}
	return ending{}, true
}

// sequence returns the nodes of a concatenation, or n alone, without the
// nodes that mean nothing to a match's text (regexp2's bumpalong marks).
func sequence(n *syntax.RegexNode) []*syntax.RegexNode {
	seq := []*syntax.RegexNode{n}
	if n.T == syntax.NtConcatenate {
		seq = n.Children
	}
	out := make([]*syntax.RegexNode, 0, len(seq))
	for _, ch := range seq {
		if ch.T != syntax.NtUpdateBumpalong && ch.T != syntax.NtEmpty {
			out = append(out, ch)
		}
	}
	return out
}

// isExactSeq reports whether the shapes of a sequence say exactly where a
// match can end: a single character loop such as [.?!]+, or nodes whose
// every match has a fixed shape, with no assertion dropped.
func isExactSeq(seq []*syntax.RegexNode) bool {
	if len(seq) == 1 && isLoopLeaf(seq[0]) && seq[0].M == 1 && seq[0].N == math.MaxInt32 {
		return true
	}
	for _, n := range seq {
		if !isPlain(n) {
			return false
		}
	}
	_, ok := exactShapes(&syntax.RegexNode{T: syntax.NtConcatenate, Children: seq}, true)
	return ok && len(seq) > 0
}

// isPlain reports a subtree without assertions, anchors or references:
// one whose exact shapes lose nothing.
func isPlain(n *syntax.RegexNode) bool {
	switch n.T {
	case syntax.NtEmpty, syntax.NtUpdateBumpalong:
		return true
	case syntax.NtRef, syntax.NtBackRefCond, syntax.NtExprCond, syntax.NtGrapheme, ntWordStart:
		return false
	}
	if isZeroWidth(n) {
		return false
	}
	for _, ch := range n.Children {
		if !isPlain(ch) {
			return false
		}
	}
	return true
}

// peelTrailer splits a pattern into a sequence and the class of the
// optional runes that end it, as in "[.?!]+[”»)]*". exact is false when
// it dropped an assertion or a bounded loop on the way.
func peelTrailer(n *syntax.RegexNode) (seq []*syntax.RegexNode, trailer *class, exact bool) {
	for n.T == syntax.NtCapture || n.T == syntax.NtGroup {
		n = n.Children[0]
	}
	seq = sequence(n)
	exact = true
	for len(seq) > 0 {
		last := seq[len(seq)-1]
		if isZeroWidth(last) {
			exact = false
			seq = seq[:len(seq)-1]
			continue
		}
		if !isLoopLeaf(last) || last.M != 0 {
			break
		}
		c, _ := leafClass(last)
		if trailer == nil {
			trailer = &class{}
		}
		trailer.union(c)
		exact = exact && last.N == math.MaxInt32
		seq = seq[:len(seq)-1]
	}
	return seq, trailer, exact
}

// runePairs lists the distinct first two classes of the prefixes, or
// nothing when there are too many to check one by one.
func runePairs(pre []prefix) []runePair {
	seen := map[string]bool{}
	var pairs []runePair
	for _, p := range pre {
		pair := runePair{first: newRuneFilter(p.s[0])}
		key := p.s[0].String()
		if len(p.s) > 1 {
			f := newRuneFilter(p.s[1])
			pair.second = &f
			key += "\x00" + p.s[1].String()
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		pairs = append(pairs, pair)
	}
	if len(pairs) > maxPairs {
		return nil
	}
	return pairs
}

// afterOpening derives the opening test of an afterbreak pattern.
func afterOpening(tree *syntax.RegexTree) opening {
	any := opening{first: newRuneFilter(anyClass())}
	if tree == nil {
		return any
	}
	n := tree.Root
	for n.T == syntax.NtCapture || n.T == syntax.NtGroup {
		n = n.Children[0]
	}
	seq := sequence(n)
	var o opening
	leaderExact := true
	if len(seq) > 1 && isLoopLeaf(seq[0]) {
		c, _ := leafClass(seq[0])
		f := newRuneFilter(c)
		o.leader, o.min = &f, seq[0].M
		leaderExact = seq[0].N == math.MaxInt32
		seq = seq[1:]
	}
	if pre, nullable, ok := startsSeq(seq); ok && !nullable && len(pre) > 0 {
		// One node of complete one-rune prefixes after the leader: the
		// test is the pattern.
		o.exact = leaderExact && len(seq) == 1 && isPlain(seq[0])
		var first, second class
		long := true
		for _, p := range pre {
			first.union(p.s[0])
			o.exact = o.exact && len(p.s) == 1 && p.complete
			if len(p.s) < 2 {
				long = false // what follows the match is unknown
			} else {
				second.union(p.s[1])
			}
		}
		o.first = newRuneFilter(first)
		if long {
			f := newRuneFilter(second)
			o.second = &f
		}
		o.pairs = runePairs(pre)
		return o
	}
	rest := &syntax.RegexNode{T: syntax.NtConcatenate, Children: seq}
	c, nullable, ok := edge(rest, false)
	if !ok || nullable {
		if o.leader == nil || o.min == 0 {
			return any
		}
		// Past the leader anything may follow, but the leader is required.
		c = anyClass()
	}
	o.first = newRuneFilter(c)
	return o
}
