package prefilter

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2/syntax"
)

// runeFilter is a compiled class: a bitmap for ASCII, a shared bitmap of
// the Basic Multilingual Plane for classes with Unicode categories, and
// the class itself for the rest.
type runeFilter struct {
	any   bool
	start bool // accepts the start of the text
	ascii [2]uint64
	bmp   *bmpBits
	c     class
}

func newRuneFilter(c class) runeFilter {
	f := runeFilter{any: c.any, start: c.start, c: c}
	for r := rune(0); r < 128; r++ {
		if c.has(r) {
			f.ascii[r/64] |= 1 << (r % 64)
		}
	}
	if !c.any && (len(c.sets) > 0 || len(c.notRunes) > 0 || c.nonWord) {
		f.bmp = bmpFor(c)
	}
	return f
}

// bmpBits is a set of runes of the Basic Multilingual Plane.
type bmpBits [0x10000 / 64]uint64

func (b *bmpBits) has(r rune) bool { return b[r/64]&(1<<(r%64)) != 0 }

// setBits and classBits cache the bitmaps of regexp2 sets and of classes
// by their description: building a set's takes 65,536 lookups, and the
// rules of a file share a few sets and classes.
var setBits, classBits sync.Map // string -> *bmpBits

// bmpFor returns the shared bitmap of the class's runes in the BMP.
func bmpFor(c class) *bmpBits {
	key := c.String()
	if b, ok := classBits.Load(key); ok {
		return b.(*bmpBits)
	}
	v, _ := classBits.LoadOrStore(key, buildBMP(c))
	return v.(*bmpBits)
}

func buildBMP(c class) *bmpBits {
	b := new(bmpBits)
	if c.any {
		for i := range b {
			b[i] = ^uint64(0)
		}
		return b
	}
	for _, r := range c.runes {
		if r >= 0 && r < 0x10000 {
			b[r/64] |= 1 << (r % 64)
		}
	}
	for _, n := range c.notRunes {
		for i := range b {
			b[i] = ^uint64(0)
		}
		if n >= 0 && n < 0x10000 && len(c.notRunes) == 1 {
			b[n/64] &^= 1 << (n % 64)
		}
	}
	for _, set := range c.sets {
		for i, w := range setBitmap(set) {
			b[i] |= w
		}
	}
	if c.nonWord {
		for i, w := range nonWordBits() {
			b[i] |= w
		}
	}
	return b
}

// nonWordBits is the bitmap of the BMP's non-word characters.
var nonWordBits = sync.OnceValue(func() *bmpBits {
	b := new(bmpBits)
	for r := rune(0); r < 0x10000; r++ {
		if !syntax.IsWordChar(r) {
			b[r/64] |= 1 << (r % 64)
		}
	}
	return b
})

func setBitmap(set *syntax.CharSet) *bmpBits {
	key := set.String()
	if b, ok := setBits.Load(key); ok {
		return b.(*bmpBits)
	}
	b := new(bmpBits)
	for r := rune(0); r < 0x10000; r++ {
		if set.Contains(r) {
			b[r/64] |= 1 << (r % 64)
		}
	}
	v, _ := setBits.LoadOrStore(key, b)
	return v.(*bmpBits)
}

func (f *runeFilter) has(r rune) bool {
	if r >= 0 && r < utf8.RuneSelf {
		return f.ascii[r>>6]>>(r&63)&1 != 0
	}
	return f.hasSlow(r)
}

func (f *runeFilter) hasSlow(r rune) bool {
	switch {
	case f.any:
		return true
	case r < 0:
		return false
	case f.bmp != nil && r < 0x10000:
		return f.bmp.has(r)
	}
	return f.c.has(r)
}

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

// accepts reports whether the runes before a position, w, may end a
// match.
func (e *ending) accepts(w *window) bool {
	if e.never {
		return false
	}
	for k := 0; ; k++ {
		if e.shapeEndsAt(w, k) {
			return true
		}
		if e.trailer == nil {
			return false
		}
		r, st := w.at(k)
		if st != runeKnown {
			return st == runeUnknown
		}
		if !e.trailer.has(r) {
			return false
		}
	}
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

// window reads the runes on one side of a position, nearest first, as the
// tests ask for them: those before it (back), or those after it.
type window struct {
	text string
	back bool
	// overflow says a test asked for a rune beyond the window, and was
	// answered "maybe".
	overflow bool
	q        int // the byte offset reached
	n        int // runes read
	buf      [windowSize]rune
}

// windowSize is how many runes a window reads: enough for the longest
// shapes and some trailer or leader runes. Beyond it, a rune is unknown
// and the tests accept it.
const windowSize = 2 * maxShapeLen

// What window.at found.
const (
	runeKnown   = iota
	runeEdge    // past the start or the end of the text
	runeUnknown // past the window
)

func (w *window) reset(text string, p int, back bool) {
	w.text, w.q, w.back, w.n, w.overflow = text, p, back, 0, false
}

// at returns rune i from the position.
func (w *window) at(i int) (rune, int) {
	if i < w.n {
		return w.buf[i], runeKnown
	}
	return w.read(i)
}

// read decodes runes up to rune i.
func (w *window) read(i int) (rune, int) {
	for w.n <= i {
		if w.n == windowSize {
			w.overflow = true
			return 0, runeUnknown
		}
		var r rune
		var size int
		if w.back {
			r, size = utf8.DecodeLastRuneInString(w.text[:w.q])
			w.q -= size
		} else {
			r, size = utf8.DecodeRuneInString(w.text[w.q:])
			w.q += size
		}
		if size == 0 {
			return -1, runeEdge
		}
		w.buf[w.n] = r
		w.n++
	}
	return w.buf[i], runeKnown
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

// opening tests, cheaply and conservatively, whether the text after a
// position can start a match of a rule's afterbreak pattern: leader
// runes, at least min of them (the "\s+" of "\s+\p{Lu}"), then a rune
// of first.
type opening struct {
	leader *runeFilter
	min    int
	first  runeFilter
	second *runeFilter // the rune after first; nil for any
	// pairs, when not empty, are the first two runes' classes prefix by
	// prefix, which keeps "(1)" and "a)" from accepting "Ab".
	pairs []runePair
	exact bool // the test is the pattern
}

// firstClass returns the runes that can start a match, for the scan for
// candidate positions.
func (o *opening) firstClass() class {
	if o.leader == nil {
		return o.first.c
	}
	c := o.leader.c
	if o.min == 0 {
		c.union(o.first.c)
	}
	return c
}

// anyFirst reports an opening that accepts any rune first.
func (o *opening) anyFirst() bool {
	if o.leader == nil {
		return o.first.any
	}
	return o.leader.any || (o.min == 0 && o.first.any)
}

// startsAt tests first and second at rune i of the runes after a
// position.
func (o *opening) startsAt(w *window, i int) bool {
	if !runeOK(&o.first, w, i) || (o.second != nil && !runeOK(o.second, w, i+1)) {
		return false
	}
	if len(o.pairs) == 0 {
		return true
	}
	for k := range o.pairs {
		p := &o.pairs[k]
		if runeOK(&p.first, w, i) && (p.second == nil || runeOK(p.second, w, i+1)) {
			return true
		}
	}
	return false
}

// runeOK tests rune i of w against f: -1 at the end of the text, and
// unknown beyond the window.
func runeOK(f *runeFilter, w *window, i int) bool {
	r, st := w.at(i)
	switch st {
	case runeUnknown:
		return true
	case runeEdge:
		return f.start || f.has(-1)
	}
	return f.has(r)
}

// pairOK tests the two runes after the position, a and b, as accepts
// would: -1 stands for the end of the text.
func (o *opening) pairOK(a, b rune) bool {
	firstTwo := func() bool {
		if !o.first.has(a) || (o.second != nil && !o.second.has(b)) {
			return false
		}
		if len(o.pairs) == 0 {
			return true
		}
		for k := range o.pairs {
			p := &o.pairs[k]
			if p.first.has(a) && (p.second == nil || p.second.has(b)) {
				return true
			}
		}
		return false
	}
	if o.leader == nil {
		return firstTwo()
	}
	if o.min == 0 && firstTwo() {
		return true
	}
	if !o.leader.has(a) {
		return false
	}
	// a is a leader rune: b is another, or the first rune after them.
	return o.leader.has(b) || (o.min <= 1 && o.first.has(b))
}

// runePair is the classes of the first two runes of a match's start; a
// nil second accepts any rune.
type runePair struct {
	first  runeFilter
	second *runeFilter
}

// maxPairs is how many prefixes an opening checks pair by pair.
const maxPairs = 32

// firstOK tests the rune after the position, -1 at the end of the text.
func (o *opening) firstOK(next rune) bool {
	if o.leader == nil {
		return o.first.has(next)
	}
	return o.leader.has(next) || (o.min == 0 && o.first.has(next))
}

// accepts reports whether the runes after a position, w, may start a
// match. At the end of the text the next rune is -1, which only an
// empty-matching pattern accepts.
func (o *opening) accepts(w *window) bool {
	if o.leader == nil {
		return o.startsAt(w, 0)
	}
	for n := 0; ; n++ {
		if n >= o.min && o.startsAt(w, n) {
			return true
		}
		r, st := w.at(n)
		if st != runeKnown {
			return st == runeUnknown
		}
		if !o.leader.has(r) {
			return false
		}
	}
}
