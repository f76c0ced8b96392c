package segment

import (
	"unicode/utf8"
)

// scanner finds the positions where some break rule might match: after a
// rune that can end a break rule's beforebreak match or, for a break rule
// whose beforebreak can end anywhere, before a rune that can start its
// afterbreak match. Only these positions are tested against the rules,
// which is what makes segmentation fast: in running text they are a few
// per sentence.
type scanner struct {
	every      bool      // some break rule can match anywhere
	prev, next *runeBits // nil when no rule triggers that way
	// openings are those of the rules that trigger on next runes, whose
	// second runes make the test sharper: the "." of "a." in a list.
	openings []*opening
	// pairs[a][b] is the same test for two ASCII runes.
	pairs *[utf8.RuneSelf][utf8.RuneSelf]bool
}

func newScanner(rules []*compiledRule) scanner {
	var prev, next class
	var hasPrev, hasNext bool
	var openings []*opening
	for _, r := range rules {
		if !r.brk || r.end.never {
			continue
		}
		if !r.beforeAny {
			prev.union(r.end.lastClass())
			hasPrev = true
			continue
		}
		if r.start.anyFirst() {
			return scanner{every: true}
		}
		next.union(r.start.firstClass())
		hasNext = true
		openings = append(openings, &r.start)
	}
	var s scanner
	if hasPrev {
		s.prev = bitsFor(prev)
	}
	if hasNext {
		s.next = bitsFor(next)
		s.openings = openings
		s.pairs = asciiPairs(openings)
	}
	return s
}

// each calls fn with every candidate position p, 0 < p < len(text), in
// increasing order.
func (s *scanner) each(text string, fn func(p int)) {
	if s.every {
		for i := range text {
			if i > 0 {
				fn(i)
			}
		}
		return
	}
	last := 0
	emit := func(p int) {
		if p > last && p < len(text) {
			last = p
			fn(p)
		}
	}
	for i := 0; i < len(text); {
		b := text[i]
		if b < utf8.RuneSelf {
			if s.next != nil && s.next.ascii[b] && s.opensAtASCII(text, i) {
				emit(i)
			}
			if s.prev != nil && s.prev.ascii[b] {
				emit(i + 1)
			}
			i++
			continue
		}
		if (s.prev == nil || !s.prev.lead[b]) && (s.next == nil || !s.next.lead[b]) {
			i++ // continuation bytes never trigger, so they are passed one by one
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if s.next != nil && s.next.has(r) && s.opensAt(text, i) {
			emit(i)
		}
		if s.prev != nil && s.prev.has(r) {
			emit(i + size)
		}
		i += size
	}
}

// asciiPairs tabulates opensAt for texts of two ASCII runes.
func asciiPairs(openings []*opening) *[utf8.RuneSelf][utf8.RuneSelf]bool {
	t := new([utf8.RuneSelf][utf8.RuneSelf]bool)
	for _, o := range openings {
		for a := rune(0); a < utf8.RuneSelf; a++ {
			if !o.firstOK(a) {
				continue
			}
			for b := rune(0); b < utf8.RuneSelf; b++ {
				t[a][b] = t[a][b] || o.leader != nil || o.second == nil || o.second.has(b)
			}
		}
	}
	return t
}

// opensAtASCII is opensAt for an ASCII rune at p, through the table when
// the rune after it is ASCII too.
func (s *scanner) opensAtASCII(text string, p int) bool {
	if p+1 < len(text) && text[p+1] < utf8.RuneSelf {
		return s.pairs[text[p]][text[p+1]]
	}
	return s.opensAt(text, p)
}

// opensAt reports whether a rule that triggers on next runes can start
// its afterbreak match at p.
func (s *scanner) opensAt(text string, p int) bool {
	for _, o := range s.openings {
		if o.accepts(text, p) {
			return true
		}
	}
	return false
}

// runeBits is a class as bitmaps: ASCII bytes, lead bytes of multi-byte
// runes that may belong, and the Basic Multilingual Plane.
type runeBits struct {
	ascii [utf8.RuneSelf]bool
	lead  [256]bool
	bmp   *bmpBits
	c     class // for runes beyond the BMP
}

func (b *runeBits) has(r rune) bool {
	if r < 0x10000 {
		return r >= 0 && b.bmp.has(r)
	}
	return b.c.has(r)
}

func bitsFor(c class) *runeBits {
	b := &runeBits{c: c, bmp: bmpFor(c)}
	for r := rune(0); r < utf8.RuneSelf; r++ {
		b.ascii[r] = b.has(r)
	}
	var buf [utf8.UTFMax]byte
	for r := rune(utf8.RuneSelf); r < 0x10000; r++ {
		if b.has(r) {
			utf8.EncodeRune(buf[:], r)
			b.lead[buf[0]] = true
		}
	}
	// Runes beyond the BMP are decoded and checked one by one.
	for l := 0xF0; l <= 0xF4; l++ {
		b.lead[l] = true
	}
	return b
}
