package segment

import (
	"fmt"

	"github.com/dlclark/regexp2/v2"
	"github.com/dlclark/regexp2/v2/syntax"
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
}

// mayMatch is the quickest test: can the rule match between prev and
// next? A rune of -1 stands for the start or end of the text.
func (r *compiledRule) mayMatch(prev, next rune) bool {
	return r.end.lastOK(prev) && r.start.firstOK(next)
}

// ruleRef names a rule in messages.
func ruleRef(lr *LanguageRule, i int) string {
	return fmt.Sprintf("rule %d of %q", i+1, lr.Name)
}

// compileRule translates and compiles rule i of lr.
func compileRule(file string, lr *LanguageRule, i int) (*compiledRule, error) {
	rule := &lr.Rules[i]
	before, beforeTree, err := compilePattern(rule.Before)
	if err != nil {
		return nil, &Error{File: file, Pos: rule.BeforePos, Rule: ruleRef(lr, i), Msg: fmt.Sprintf("beforebreak %q", rule.Before), Err: err}
	}
	after, afterTree, err := compilePattern(rule.After)
	if err != nil {
		return nil, &Error{File: file, Pos: rule.AfterPos, Rule: ruleRef(lr, i), Msg: fmt.Sprintf("afterbreak %q", rule.After), Err: err}
	}
	cr := &compiledRule{brk: rule.Break}
	cr.end, cr.beforeAny = beforeEnding(beforeTree)
	cr.start = afterOpening(afterTree)
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
// that errors are reported against the pattern they come from.
func compilePattern(java string) (string, *syntax.RegexTree, error) {
	if java == "" {
		return "", nil, nil
	}
	pat, err := translateJava(java)
	if err != nil {
		return "", nil, err
	}
	tree, err := syntax.Parse(pat, syntax.ParseOptions{})
	if err != nil {
		return "", nil, fmt.Errorf("invalid regular expression: %w", err)
	}
	markWordStarts(tree.Root)
	return pat, tree, nil
}

// beforeEnding derives the ending test of a beforebreak pattern, and
// reports whether the pattern may end anywhere.
func beforeEnding(tree *syntax.RegexTree) (ending, bool) {
	if tree == nil {
		return ending{}, true
	}
	seq, trailer := peelTrailer(tree.Root)
	if shapes, nullable, ok := endsSeq(seq); ok && !nullable {
		e := newEnding(shapes, trailer)
		return e, !e.never && len(e.classes) == 0
	}
	return ending{}, true
}

// peelTrailer splits a pattern into a sequence and the class of the
// optional runes that end it, as in "[.?!]+[”»)]*".
func peelTrailer(n *syntax.RegexNode) ([]*syntax.RegexNode, *class) {
	for n.T == syntax.NtCapture || n.T == syntax.NtGroup {
		n = n.Children[0]
	}
	seq := []*syntax.RegexNode{n}
	if n.T == syntax.NtConcatenate {
		seq = n.Children
	}
	var trailer *class
	for len(seq) > 0 {
		last := seq[len(seq)-1]
		if isZeroWidth(last) {
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
		seq = seq[:len(seq)-1]
	}
	return seq, trailer
}

// afterOpening derives the opening test of an afterbreak pattern.
func afterOpening(tree *syntax.RegexTree) opening {
	any := opening{first: runeFilter{any: true}}
	if tree == nil {
		return any
	}
	n := tree.Root
	for n.T == syntax.NtCapture || n.T == syntax.NtGroup {
		n = n.Children[0]
	}
	seq := []*syntax.RegexNode{n}
	if n.T == syntax.NtConcatenate {
		seq = n.Children
	}
	var o opening
	if len(seq) > 1 && isLoopLeaf(seq[0]) {
		c, _ := leafClass(seq[0])
		f := newRuneFilter(c)
		o.leader, o.min = &f, seq[0].M
		seq = seq[1:]
	}
	if shapes, nullable, ok := startsSeq(seq); ok && !nullable && len(shapes) > 0 {
		var first, second class
		long := true
		for _, sh := range shapes {
			first.union(sh[0])
			if len(sh) < 2 {
				long = false
			} else {
				second.union(sh[1])
			}
		}
		o.first = newRuneFilter(first)
		if long {
			f := newRuneFilter(second)
			o.second = &f
		}
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
