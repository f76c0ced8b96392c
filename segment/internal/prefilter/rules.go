package prefilter

import (
	"math/bits"
)

// ruleSet is a set of rules by index, as a bitmap.
type ruleSet []uint64

func newRuleSet(n int) ruleSet { return make(ruleSet, (n+63)/64) }

func (s ruleSet) add(i int) { s[i/64] |= 1 << (i % 64) }

// each calls fn with the index of every rule in s, in order, until fn
// returns false.
func (s ruleSet) each(fn func(i int) bool) {
	for w, word := range s {
		for word != 0 {
			b := bits.TrailingZeros64(word)
			if !fn(w*64 + b) {
				return
			}
			word &^= 1 << b
		}
	}
}

// rulesByRune says, for the runes on either side of a position, which
// rules can match there at all: a table for ASCII, Latin-1 and the General
// Punctuation block, where the candidates of running text lie, and the
// rules' own tests for the rest.
type rulesByRune struct {
	rules  []*Rule
	breaks ruleSet // the rules that break
	// last holds, by table slot, the rules whose beforebreak match can end
	// with the rune, and next those whose afterbreak match can start with it.
	last, next [tableRunes]ruleSet
	// atStart and atEnd are for the start and the end of the text, where
	// the rune before or after the position is -1.
	atStart, atEnd ruleSet
}

// tableRunes covers ASCII and Latin-1, and tablePunct..tablePunctEnd the
// General Punctuation block, with its quotes, dashes and ellipsis.
const (
	tableRunes    = 0x100 + (tablePunctEnd - tablePunct)
	tablePunct    = 0x2000
	tablePunctEnd = 0x2070
)

func tableSlot(r rune) int {
	switch {
	case r >= 0 && r < 0x100:
		return int(r)
	case r >= tablePunct && r < tablePunctEnd:
		return 0x100 + int(r-tablePunct)
	}
	return -1
}

func newRulesByRune(rules []*Rule) *rulesByRune {
	m := &rulesByRune{rules: rules, breaks: newRuleSet(len(rules))}
	for i := range m.last {
		m.last[i], m.next[i] = newRuleSet(len(rules)), newRuleSet(len(rules))
	}
	m.atEnd, m.atStart = newRuleSet(len(rules)), newRuleSet(len(rules))
	for i, r := range rules {
		if r.brk {
			m.breaks.add(i)
		}
		for c := rune(0); c < 0x100; c++ {
			m.fill(i, r, c)
		}
		for c := rune(tablePunct); c < tablePunctEnd; c++ {
			m.fill(i, r, c)
		}
		if r.end.lastOK(-1) {
			m.atStart.add(i)
		}
		if r.start.firstOK(-1) {
			m.atEnd.add(i)
		}
	}
	return m
}

func (m *rulesByRune) fill(i int, r *Rule, c rune) {
	x := tableSlot(c)
	if r.end.lastOK(c) {
		m.last[x].add(i)
	}
	if r.start.firstOK(c) {
		m.next[x].add(i)
	}
}

// candidates writes into out the rules that can match between prev and
// next, and reports whether a rule that breaks is among them.
func (m *rulesByRune) candidates(prev, next rune, out ruleSet) bool {
	lp, ln := lookup(&m.last, m.atStart, prev), lookup(&m.next, m.atEnd, next)
	any := false
	for w := range out {
		out[w] = m.pick(lp, prev, w, true) & m.pick(ln, next, w, false)
		any = any || out[w]&m.breaks[w] != 0
	}
	return any
}

// lookup returns the table's set for r, edge for the start or end of the
// text (-1), or nil for a rune outside the table.
func lookup(table *[tableRunes]ruleSet, edge ruleSet, r rune) ruleSet {
	if r < 0 {
		return edge
	}
	if x := tableSlot(r); x >= 0 {
		return table[x]
	}
	return nil
}

// pick returns word w of a table's set, or computes it from the rules'
// own tests for a rune outside the tables.
func (m *rulesByRune) pick(set ruleSet, r rune, w int, last bool) uint64 {
	if set != nil {
		return set[w]
	}
	var word uint64
	for b := 0; b < 64 && w*64+b < len(m.rules); b++ {
		rule := m.rules[w*64+b]
		if (last && rule.end.lastOK(r)) || (!last && rule.start.firstOK(r)) {
			word |= 1 << b
		}
	}
	return word
}
