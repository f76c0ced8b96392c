package prefilter

import (
	"math"
	"slices"

	"github.com/dlclark/regexp2/v2/syntax"
)

// The analysis below reads a rule's parsed pattern and derives cheap,
// conservative tests: which characters can end a beforebreak match, which
// can start an afterbreak match, and which literal endings a beforebreak
// match must have. A position that fails them cannot match the rule, so
// the segmenter runs the full regular expression only where they pass.
// Every derived test must accept a superset of what the pattern matches:
// when in doubt, an analysis gives up and the test accepts everything.

// leafClass returns the class of runes that a one-character node or
// character loop matches.
func leafClass(n *syntax.RegexNode) (class, bool) {
	switch {
	case n.IsOneFamily():
		return class{runes: []rune{n.Ch}}, true
	case n.IsNotoneFamily():
		return class{notRunes: []rune{n.Ch}}, true
	case n.IsSetFamily():
		return class{sets: []*syntax.CharSet{n.Set}}, true
	}
	return class{}, false
}

func isLoopLeaf(n *syntax.RegexNode) bool {
	switch n.T {
	case syntax.NtOneloop, syntax.NtNotoneloop, syntax.NtSetloop,
		syntax.NtOnelazy, syntax.NtNotonelazy, syntax.NtSetlazy,
		syntax.NtOneloopatomic, syntax.NtNotoneloopatomic, syntax.NtSetloopatomic:
		return true
	}
	return false
}

// isZeroWidth reports nodes that consume nothing. Lookarounds count as
// zero-width: dropping their condition only widens what is accepted.
func isZeroWidth(n *syntax.RegexNode) bool {
	switch n.T {
	case syntax.NtBol, syntax.NtEol, syntax.NtBoundary, syntax.NtNonboundary,
		syntax.NtBeginning, syntax.NtStart, syntax.NtEndZ, syntax.NtEnd,
		syntax.NtECMABoundary, syntax.NtNonECMABoundary, syntax.NtEmpty,
		syntax.NtPosLook, syntax.NtNegLook, syntax.NtUpdateBumpalong, syntax.NtResetCapture:
		return true
	}
	return false
}

// ntWordStart marks a \b before a word character: there, the rune before
// the boundary is a non-word character or the start of the text, which
// the analysis treats as an anchor. It is a node type of the analysis
// only, outside regexp2's range.
const ntWordStart syntax.NodeType = 1000

// markWordStarts replaces, in the analysed tree, each \b that is followed
// by something that starts with a word character.
func markWordStarts(n *syntax.RegexNode) {
	if n.T == syntax.NtPosLook || n.T == syntax.NtNegLook {
		return // lookarounds are not analysed, and run in their own direction
	}
	for i, ch := range n.Children {
		if n.T == syntax.NtConcatenate && ch.T == syntax.NtBoundary && i+1 < len(n.Children) && startsWithWord(n.Children[i+1]) {
			n.Children[i] = &syntax.RegexNode{T: ntWordStart, Parent: n}
			continue
		}
		markWordStarts(ch)
	}
}

// startsWithWord reports whether every match of n starts with a word
// character.
func startsWithWord(n *syntax.RegexNode) bool {
	pre, nullable, ok := starts(n)
	if !ok || nullable || len(pre) == 0 {
		return false
	}
	for _, p := range pre {
		if !isWordClass(p.s[0]) {
			return false
		}
	}
	return true
}

// edge returns the class of runes that can be the last (fromEnd) or
// first rune of a match of n, and whether n can match the empty string.
// ok is false when the analysis gives up.
func edge(n *syntax.RegexNode, fromEnd bool) (c class, nullable, ok bool) {
	switch {
	case isZeroWidth(n):
		return class{}, true, true
	case n.T == syntax.NtNothing:
		return class{}, false, true
	case n.T == syntax.NtMulti:
		if len(n.Str) == 0 {
			return class{}, true, true
		}
		r := n.Str[0]
		if fromEnd {
			r = n.Str[len(n.Str)-1]
		}
		return class{runes: []rune{r}}, false, true
	case isLoopLeaf(n):
		c, _ := leafClass(n)
		return c, n.M == 0, true
	case n.T == syntax.NtOne || n.T == syntax.NtNotone || n.T == syntax.NtSet:
		c, _ := leafClass(n)
		return c, false, true
	case n.T == syntax.NtCapture || n.T == syntax.NtGroup || n.T == syntax.NtAtomic:
		return edge(n.Children[0], fromEnd)
	case n.T == syntax.NtLoop || n.T == syntax.NtLazyloop:
		c, nullable, ok := edge(n.Children[0], fromEnd)
		return c, nullable || n.M == 0, ok
	case n.T == syntax.NtAlternate:
		nullable := false
		for _, ch := range n.Children {
			cc, cn, ok := edge(ch, fromEnd)
			if !ok {
				return class{}, false, false
			}
			c.union(cc)
			nullable = nullable || cn
		}
		return c, nullable, true
	case n.T == syntax.NtConcatenate:
		for i := range n.Children {
			ch := n.Children[i]
			if fromEnd {
				ch = n.Children[len(n.Children)-1-i]
			}
			// A lookahead before anything is consumed constrains the first
			// rune just as its content does: (?=\d)(?<=…) starts with a digit.
			if !fromEnd && c.isEmpty() && ch.T == syntax.NtPosLook && ch.Options&syntax.RightToLeft == 0 {
				if lc, ln, ok := edge(ch.Children[0], false); ok && !ln {
					return lc, false, true
				}
			}
			cc, cn, ok := edge(ch, fromEnd)
			if !ok {
				return class{}, false, false
			}
			c.union(cc)
			if !cn {
				return c, false, true
			}
		}
		return c, true, true
	}
	return class{}, false, false
}

// Limits on the literal-ending analysis, to keep it cheap.
const (
	maxShapes   = 512 // alternative strings
	maxShapeLen = 12  // characters kept at the end of each
)

// shape is the form of a string: one class per character.
type shape []class

// exactShapes returns the shapes of every string n can match, when they
// are few and of bounded length. Read back from a position (back), the
// anchors ^, \A and a \b before a word are classes of the rune before
// the match; read forward, they tell nothing about the runes that follow.
func exactShapes(n *syntax.RegexNode, back bool) ([]shape, bool) {
	switch {
	case back && n.T == syntax.NtBeginning:
		return []shape{{class{start: true}}}, true
	case back && n.T == syntax.NtBol:
		return []shape{{class{start: true, runes: []rune{'\n'}}}}, true
	case back && n.T == ntWordStart:
		return []shape{{class{start: true, nonWord: true}}}, true
	case n.T == ntWordStart:
		return []shape{{}}, true
	case isZeroWidth(n):
		return []shape{{}}, true
	case n.T == syntax.NtNothing:
		return nil, true
	case n.T == syntax.NtMulti:
		s := make(shape, len(n.Str))
		for i, r := range n.Str {
			s[i] = class{runes: []rune{r}}
		}
		return []shape{s}, true
	case n.T == syntax.NtOne || n.T == syntax.NtNotone || n.T == syntax.NtSet:
		c, _ := leafClass(n)
		return []shape{{c}}, true
	case isLoopLeaf(n):
		c, _ := leafClass(n)
		return repeatShapes([]shape{{c}}, n.M, n.N)
	case n.T == syntax.NtCapture || n.T == syntax.NtGroup || n.T == syntax.NtAtomic:
		return exactShapes(n.Children[0], back)
	case n.T == syntax.NtLoop || n.T == syntax.NtLazyloop:
		sub, ok := exactShapes(n.Children[0], back)
		if !ok {
			return nil, false
		}
		return repeatShapes(sub, n.M, n.N)
	case n.T == syntax.NtAlternate:
		var out []shape
		for _, ch := range n.Children {
			s, ok := exactShapes(ch, back)
			if !ok {
				return nil, false
			}
			out = append(out, s...)
			if len(out) > maxShapes {
				return nil, false
			}
		}
		return out, true
	case n.T == syntax.NtConcatenate:
		out := []shape{{}}
		for _, ch := range n.Children {
			s, ok := exactShapes(ch, back)
			if !ok {
				return nil, false
			}
			out, ok = concatShapes(out, s, false)
			if !ok {
				return nil, false
			}
		}
		return out, true
	}
	return nil, false
}

// repeatShapes returns the shapes of min to max repetitions of sub.
func repeatShapes(sub []shape, min, max int) ([]shape, bool) {
	if max-min > 2 || max > maxShapeLen {
		return nil, false
	}
	var out []shape
	cur := []shape{{}}
	for i := 0; i <= max; i++ {
		if i >= min {
			out = append(out, cur...)
		}
		var ok bool
		if cur, ok = concatShapes(cur, sub, false); !ok {
			return nil, false
		}
	}
	return out, len(out) <= maxShapes
}

// concatShapes returns every a followed by every b. With trim, shapes are
// cut to their last maxShapeLen classes, which keeps them valid endings.
func concatShapes(a, b []shape, trim bool) ([]shape, bool) {
	if len(a)*len(b) > maxShapes {
		return nil, false
	}
	out := make([]shape, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			if len(y) > 0 && y[0].start {
				// What precedes an anchor is the anchor's own business.
				out = append(out, y)
				continue
			}
			s := append(append(shape{}, x...), y...)
			if len(s) > maxShapeLen {
				if !trim {
					return nil, false
				}
				s = s[len(s)-maxShapeLen:]
			}
			out = append(out, s)
		}
	}
	return out, true
}

// ends returns shapes one of which every non-empty match of n ends
// with, and whether n can match the empty string.
func ends(n *syntax.RegexNode) (shapes []shape, nullable, ok bool) {
	if s, ok := exactShapes(n, true); ok {
		return splitEmpty(s)
	}
	switch {
	case n.T == syntax.NtCapture || n.T == syntax.NtGroup || n.T == syntax.NtAtomic:
		return ends(n.Children[0])
	case n.T == syntax.NtLoop || n.T == syntax.NtLazyloop:
		s, nullable, ok := ends(n.Children[0])
		return s, nullable || n.M == 0, ok
	case isLoopLeaf(n):
		c, _ := leafClass(n)
		return []shape{{c}}, n.M == 0, true
	case n.T == syntax.NtAlternate:
		for _, ch := range n.Children {
			s, cn, ok := ends(ch)
			if !ok {
				return nil, false, false
			}
			shapes = append(shapes, s...)
			nullable = nullable || cn
		}
		return shapes, nullable, len(shapes) <= maxShapes
	case n.T == syntax.NtConcatenate:
		return endsSeq(n.Children)
	}
	return nil, false, false
}

// endsSeq is ends for a sequence of nodes.
func endsSeq(seq []*syntax.RegexNode) (shapes []shape, nullable, ok bool) {
	if len(seq) == 0 {
		return nil, true, true
	}
	last := seq[len(seq)-1]
	ls, lnull, ok := ends(last)
	if !ok {
		return nil, false, false
	}
	ps, pnull, pok := endsSeq(seq[:len(seq)-1])
	if _, exact := exactShapes(last, true); exact && pok {
		// Extend the last node's shapes with the ones before them, for
		// longer, more selective endings.
		if longer, ok := concatShapes(ps, ls, true); ok {
			if pnull {
				longer = append(longer, ls...)
			}
			ls = longer
		}
	}
	if lnull {
		if !pok {
			return nil, false, false
		}
		ls = append(ls, ps...)
	}
	return ls, lnull && pnull, len(ls) <= maxShapes
}

// maxPrefixLen is how many runes of a match's start the analysis keeps.
const maxPrefixLen = 4

// prefix is the start of a match: its first runes' classes, and whether
// they are the whole match (complete) or only its beginning.
type prefix struct {
	s        shape
	complete bool
}

// starts returns prefixes one of which every non-empty match of n starts
// with, and whether n can match the empty string. It mirrors ends, with
// the complete flag telling when what follows n can be appended.
func starts(n *syntax.RegexNode) (pre []prefix, nullable, ok bool) {
	if n.T == syntax.NtConcatenate {
		return startsSeq(n.Children)
	}
	if s, ok := exactShapes(n, false); ok {
		for _, x := range s {
			if len(x) == 0 {
				nullable = true
				continue
			}
			pre = append(pre, cutPrefix(x, true))
		}
		return pre, nullable, true
	}
	switch {
	case n.T == syntax.NtCapture || n.T == syntax.NtGroup || n.T == syntax.NtAtomic:
		return starts(n.Children[0])
	case n.T == syntax.NtLoop || n.T == syntax.NtLazyloop:
		p, nullable, ok := starts(n.Children[0])
		for i := range p {
			p[i].complete = false // more repetitions may follow
		}
		return p, nullable || n.M == 0, ok
	case isLoopLeaf(n):
		// X{m,n}: an X, then another X or, when one is enough, the end.
		c, _ := leafClass(n)
		pre = []prefix{{shape{c, c}, false}}
		if n.M <= 1 {
			pre = append(pre, prefix{shape{c}, true})
		}
		return pre, n.M == 0, true
	case n.T == syntax.NtAlternate:
		for _, ch := range n.Children {
			p, cn, ok := starts(ch)
			if !ok {
				return nil, false, false
			}
			pre = append(pre, p...)
			nullable = nullable || cn
		}
		return pre, nullable, len(pre) <= maxShapes
	}
	return nil, false, false
}

// startsSeq is starts for a sequence of nodes.
func startsSeq(seq []*syntax.RegexNode) (pre []prefix, nullable, ok bool) {
	if len(seq) == 0 {
		return nil, true, true
	}
	first := seq[0]
	if first.T == syntax.NtPosLook && first.Options&syntax.RightToLeft == 0 {
		// What follows must start as the lookahead's content does.
		if p, nullable, ok := starts(first.Children[0]); ok && !nullable {
			for i := range p {
				p[i].complete = false
			}
			return p, false, true
		}
		return startsSeq(seq[1:])
	}
	fp, fnull, ok := starts(first)
	if !ok {
		return nil, false, false
	}
	rp, rnull, rok := startsSeq(seq[1:])
	for _, p := range fp {
		if !p.complete || !rok {
			pre = append(pre, prefix{p.s, false})
			continue
		}
		// A whole match of first is followed by the rest's start.
		for _, r := range rp {
			pre = append(pre, cutPrefix(append(slices.Clone(p.s), r.s...), r.complete))
		}
		if rnull {
			pre = append(pre, p)
		}
	}
	if fnull {
		if !rok {
			return nil, false, false
		}
		pre = append(pre, rp...)
	}
	return pre, fnull && rnull, len(pre) <= maxShapes
}

// cutPrefix keeps the first maxPrefixLen classes of s.
func cutPrefix(s shape, complete bool) prefix {
	if len(s) > maxPrefixLen {
		return prefix{s[:maxPrefixLen], false}
	}
	return prefix{s, complete}
}

// splitEmpty separates the empty shape from the others.
func splitEmpty(s []shape) (nonEmpty []shape, hasEmpty, ok bool) {
	for _, x := range s {
		if len(x) == 0 {
			hasEmpty = true
		} else {
			nonEmpty = append(nonEmpty, x)
		}
	}
	return nonEmpty, hasEmpty, true
}

// beforeEnding derives the ending test of a beforebreak pattern, and
// reports whether the pattern may end anywhere.
func beforeEnding(tree *syntax.RegexTree) (ending, bool) {
	if tree == nil {
		return ending{exact: true}, true // the empty pattern matches everywhere
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
		any.exact = true // the empty pattern matches everywhere
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
