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
	// flags classifies every byte value for the scan loop.
	flags [256]uint8
}

func newScanner(rules []*compiledRule) scanner {
	var prev, next class
	var hasPrev, hasNext bool
	var openings []*opening
	for _, r := range rules {
		if !r.brk || r.end.never {
			continue
		}
		byPrev := !r.beforeAny
		if byPrev && !r.start.anyFirst() {
			// Either side finds the rule's positions: take the rarer.
			byPrev = sampleHits(func(p int) bool { return r.end.lastOK(lastRuneAt(scanSample, p)) }) <=
				sampleHits(func(p int) bool { return r.start.pairOK(runesAt(scanSample, p)) })
		}
		if byPrev {
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
	s.setFlags()
	return s
}

// scanSample is running text in loctool's languages, on which the scanner
// estimates how often a test passes.
const scanSample = `Kazak president Nursultan Nazarbaev signed an order on May 13 freeing a number of prisoners, including Ablyazov. "He is released," the office said. ` +
	`Указ подписал Н. А. Назарбаев. Аблязов вышел на свободу 13 мая, сообщает пресс-служба. ` +
	`Қозғалысты 2001 жылы Аблязов пен Жақиянов құрды. Ол министр болған.`

// sampleHits counts the positions of scanSample where test passes.
func sampleHits(test func(p int) bool) int {
	n := 0
	for p := range scanSample {
		if p > 0 && test(p) {
			n++
		}
	}
	return n
}

// runesAt returns the two runes from p, -1 past the end.
func runesAt(text string, p int) (rune, rune) {
	a, b := rune(-1), rune(-1)
	if p < len(text) {
		var size int
		a, size = utf8.DecodeRuneInString(text[p:])
		if p+size < len(text) {
			b, _ = utf8.DecodeRuneInString(text[p+size:])
		}
	}
	return a, b
}

func lastRuneAt(text string, p int) rune {
	r, _ := utf8.DecodeLastRuneInString(text[:p])
	return r
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
	for i := 0; i < len(text); i++ {
		f := s.flags[text[i]]
		if f == 0 {
			continue // most bytes of running text
		}
		if f&flagLead != 0 {
			r, size := utf8.DecodeRuneInString(text[i:])
			if s.next != nil && s.next.has(r) && s.opensAt(text, i) {
				emit(i)
			}
			if s.prev != nil && s.prev.has(r) {
				emit(i + size)
			}
			i += size - 1
			continue
		}
		if f&flagNext != 0 {
			if i+1 < len(text) && text[i+1] < utf8.RuneSelf {
				if s.pairs[text[i]][text[i+1]] {
					emit(i)
				}
			} else if s.opensAt(text, i) {
				emit(i)
			}
		}
		if f&flagPrev != 0 {
			emit(i + 1)
		}
	}
}

// The flags of a byte in the scan: it is an ASCII rune after which, or
// before which, a position is a candidate, or the lead byte of a rune that
// may be either.
const (
	flagPrev = 1 << iota
	flagNext
	flagLead
)

// setFlags fills the scanner's byte table from its classes.
func (s *scanner) setFlags() {
	for b := range 256 {
		var f uint8
		if b < utf8.RuneSelf {
			if s.prev != nil && s.prev.ascii[b] {
				f |= flagPrev
			}
			if s.next != nil && s.next.ascii[b] {
				f |= flagNext
			}
		} else if (s.prev != nil && s.prev.lead[b]) || (s.next != nil && s.next.lead[b]) {
			f |= flagLead
		}
		s.flags[b] = f
	}
}

// asciiPairs tabulates opensAt for texts of two ASCII runes.
func asciiPairs(openings []*opening) *[utf8.RuneSelf][utf8.RuneSelf]bool {
	t := new([utf8.RuneSelf][utf8.RuneSelf]bool)
	for _, o := range openings {
		for a := rune(0); a < utf8.RuneSelf; a++ {
			for b := rune(0); b < utf8.RuneSelf; b++ {
				t[a][b] = t[a][b] || o.pairOK(a, b)
			}
		}
	}
	return t
}

// opensAt reports whether a rule that triggers on next runes can start
// its afterbreak match at p.
func (s *scanner) opensAt(text string, p int) bool {
	var w window
	w.reset(text, p, false)
	for _, o := range s.openings {
		if o.accepts(&w) {
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
