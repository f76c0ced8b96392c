package prefilter

import (
	"unicode"
	"unicode/utf8"
)

// maxEndClasses is how many of the last characters the quick test of an
// ending checks; maxClassShapes is how many shapes that are not literal
// strings an ending checks one by one.
const (
	maxEndClasses  = 4
	maxClassShapes = 32
)

// ending tests, cheaply and conservatively, whether the text before a
// position can end a match of a rule's beforebreak pattern: a match ends
// with one of its shapes, then any number of trailer runes (the closing
// quotes of "[.?!]+[”»)]*").
type ending struct {
	never bool // the pattern cannot match at all
	// trailer holds the runes that may follow the shapes; nil for none.
	trailer *runeFilter
	// classes is the quick test: the union of the shapes' classes at each
	// of the last positions.
	classes []runeFilter
	// trie holds the shapes that spell literal strings, and classShapes
	// the others, reversed. With loose, there were too many to check, and
	// the quick test decides alone.
	trie        *foldTrie
	classShapes [][]runeFilter
	loose       bool
	// exact says the test is the pattern, as far as the shapes go: no
	// shape was widened and the trie folded no case.
	exact bool
}

func newEnding(shapes []shape, trailer *class) ending {
	if len(shapes) == 0 {
		return ending{never: true}
	}
	var e ending
	if trailer != nil {
		f := newRuneFilter(*trailer)
		e.trailer = &f
	}
	n := maxEndClasses
	for _, s := range shapes {
		n = min(n, len(s))
	}
	for j := range n {
		var c class
		for _, s := range shapes {
			c.union(s[len(s)-1-j])
		}
		e.classes = append(e.classes, newRuneFilter(c))
	}
	var literal, other []shape
	for _, s := range shapes {
		if isLiteralShape(s) {
			literal = append(literal, s)
		} else {
			other = append(other, s)
		}
	}
	e.exact = true
	if len(other) > maxClassShapes {
		other = widen(other)
		e.exact = false
	}
	for _, s := range other {
		rev := make([]runeFilter, len(s))
		for i, c := range s {
			rev[len(s)-1-i] = newRuneFilter(c)
		}
		e.classShapes = append(e.classShapes, rev)
	}
	if len(literal) > 0 {
		if e.trie = newFoldTrie(literal); e.trie == nil {
			e.loose = true
			e.exact = false
		} else {
			e.exact = e.exact && !e.trie.folds
		}
	}
	return e
}

// lastClass returns the runes that can end a match, for the scan for
// candidate positions.
func (e *ending) lastClass() class {
	var c class
	if len(e.classes) > 0 {
		c.union(e.classes[0].c)
	} else if !e.never {
		c = anyClass()
	}
	if e.trailer != nil {
		c.union(e.trailer.c)
	}
	return c
}

// lastOK tests the rune before the position, -1 at the start of the text.
func (e *ending) lastOK(prev rune) bool {
	switch {
	case e.never:
		return false
	case prev < 0 || len(e.classes) == 0:
		return true
	}
	return e.classes[0].has(prev) || (e.trailer != nil && e.trailer.has(prev))
}

// What a test of the text before a position found.
const (
	endNone  = iota // no match ends there
	endMaybe        // a match may end there: a test ran past its window
	endSure         // a match ends there, as far as the tests go
)

// run remembers what [ending.before] found at a position, for the next
// position of the same run of trailer runes.
type run struct {
	p     int // the position, -1 for none
	found int
}

// before tests the runes before position p of text, as the shapes and
// the trailer say, but with no limit on the trailer runes: it walks back
// over them to the shapes, testing each with a window of its own, and w,
// the window at p, for the first. last, when not nil, holds what a walk
// found at an earlier position; a walk from a later position in the same
// run stops there, so the positions of one long run of closing quotes,
// tested in increasing order, cost one walk over it. before returns what
// it found and how many runes it walked over.
func (e *ending) before(text string, p int, w *window, last *run) (found, steps int) {
	if e.never {
		return endNone, 0
	}
	var scratch window
	for x := p; ; steps++ {
		if last != nil && x == last.p {
			found = max(found, last.found)
			break
		}
		if x < p {
			scratch.reset(text, x, true)
			w = &scratch
		}
		if e.shapeEndsAt(w, 0) {
			if !w.overflow {
				found = endSure
				break
			}
			found = endMaybe
		}
		r, size := utf8.DecodeLastRuneInString(text[:x])
		if e.trailer == nil || size == 0 || !e.trailer.has(r) {
			break
		}
		x -= size
	}
	return found, steps
}

// shapeEndsAt tests the shapes against the runes of w from k on.
func (e *ending) shapeEndsAt(w *window, k int) bool {
	if !endsWith(e.classes, w, k) {
		return false
	}
	if e.loose || (e.trie == nil && len(e.classShapes) == 0) {
		return true
	}
	if e.trie != nil && e.trie.matches(w, k) {
		return true
	}
	for _, s := range e.classShapes {
		if endsWith(s, w, k) {
			return true
		}
	}
	return false
}

// endsWith reports whether the runes of w from k on are in the reversed
// classes.
func endsWith(rev []runeFilter, w *window, k int) bool {
	for i := range rev {
		r, st := w.at(k + i)
		switch st {
		case runeUnknown:
			return true
		case runeEdge:
			return rev[i].start || rev[i].any
		}
		if !rev[i].has(r) {
			return false
		}
	}
	return true
}

// widen merges shapes of the same length into one, class by class: a
// looser test, but one whose cost does not grow with the shapes.
func widen(shapes []shape) []shape {
	byLen := map[int]int{}
	var out []shape
	for _, s := range shapes {
		i, ok := byLen[len(s)]
		if !ok {
			byLen[len(s)] = len(out)
			out = append(out, append(shape{}, s...))
			continue
		}
		for j := range s {
			out[i][j].union(s[j])
		}
	}
	return out
}

func isLiteralShape(s shape) bool {
	if len(s) > 0 && (s[0].start || s[0].nonWord) {
		s = s[1:] // the trie keeps a leading anchor apart
	}
	for i := range s {
		if _, ok := s[i].enumerate(maxTrieRunes); !ok {
			return false
		}
	}
	return true
}

// foldTrie holds literal endings, reversed and case-folded: a walk back
// from a position that reaches a terminal node has found one.
type foldTrie struct {
	next     map[rune]*foldTrie
	terminal bool
	// anchor, when not nil, ends an ending that must be preceded by one of
	// its runes or by the start of the text: the \b of \bMr\.
	anchor *runeFilter
	// folds, on the root, says some rune has case variants, which the
	// trie does not tell apart.
	folds bool
}

// Limits on literal endings, to keep the trie small.
const (
	maxTrieRunes = 8    // runes a class may expand to
	maxTrieNodes = 8192 // nodes in a trie
)

// newFoldTrie builds the trie of the shapes' endings, or returns nil when
// a shape has a class too wide to spell out.
func newFoldTrie(shapes []shape) *foldTrie {
	root := &foldTrie{}
	nodes := 1
	for _, s := range shapes {
		var anchor *class
		if len(s) > 0 && (s[0].start || s[0].nonWord) {
			anchor, s = &s[0], s[1:]
		}
		level := []*foldTrie{root}
		for i := len(s) - 1; i >= 0; i-- {
			runes, ok := s[i].enumerate(maxTrieRunes)
			if !ok {
				return nil
			}
			var next []*foldTrie
			for _, n := range level {
				for _, r := range runes {
					root.folds = root.folds || unicode.SimpleFold(r) != r
					r = fold(r)
					child := n.next[r]
					if child == nil {
						if n.next == nil {
							n.next = map[rune]*foldTrie{}
						}
						child = &foldTrie{}
						n.next[r] = child
						nodes++
					}
					next = append(next, child)
				}
			}
			if nodes > maxTrieNodes {
				return nil
			}
			level = next
		}
		for _, n := range level {
			if anchor == nil {
				n.terminal = true
				continue
			}
			c := *anchor
			if n.anchor != nil {
				c.union(n.anchor.c)
			}
			f := newRuneFilter(c)
			n.anchor = &f
		}
	}
	if root.terminal || root.anchor != nil {
		return nil // an empty ending tells nothing
	}
	return root
}

// matches reports whether the runes of w from k on end with one of the
// trie's endings.
func (t *foldTrie) matches(w *window, k int) bool {
	n := t
	for i := k; ; i++ {
		r, st := w.at(i)
		if st != runeKnown {
			return st == runeUnknown
		}
		if n = n.next[fold(r)]; n == nil {
			return false
		}
		if n.terminal {
			return true
		}
		if n.anchor != nil && runeOK(n.anchor, w, i+1) {
			return true
		}
	}
}

// fold maps a rune to the smallest rune of its case-folding orbit, so
// that all case variants of a letter meet.
func fold(r rune) rune {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' {
			return r - 'a' + 'A' // an ASCII letter's orbit starts with its capital
		}
		return r
	}
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		m = min(m, f)
	}
	return m
}
