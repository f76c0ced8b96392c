package prefilter

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
