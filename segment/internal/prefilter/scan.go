package prefilter

import (
	"unicode/utf8"
)

// scanner finds the positions where some break rule might match: after a
// rune that can end a break rule's beforebreak match, or before the runes
// that can start its afterbreak match. Only these positions are tested
// against the rules, which is what makes segmentation fast: in running
// text they are a few per sentence. Each break rule is found from the
// rarer side, and a rule whose afterbreak starts with two known runes
// ("a." of a lettered list) is found from its second rune, which is rarer
// than its first.
type scanner struct {
	every bool // some break rule can match anywhere
	// prev holds the runes after which a position is a candidate; next,
	// those before which it is, given that one of openings accepts it;
	// second, the second runes of the openings of pairOpenings.
	prev, next, second *runeBits
	openings           []*opening
	pairOpenings       []*opening
	// pairs[a][b] is the openings' test for two ASCII runes.
	pairs *[utf8.RuneSelf][utf8.RuneSelf]bool
	// flags classifies every byte value for the scan loop.
	flags [256]uint8
}

func newScanner(rules []*Rule) scanner {
	var prev, next, second class
	var hasPrev, hasNext, hasSecond bool
	var s scanner
	for _, r := range rules {
		if !r.brk || r.end.never {
			continue
		}
		byPrev := !r.beforeAny
		if byPrev && !r.start.anyFirst() {
			// Either side finds the rule's positions: take the cheaper.
			byPrev = prevCost(r) <= nextCost(r)
		}
		switch {
		case byPrev:
			prev.union(r.end.lastClass())
			hasPrev = true
		case r.start.anyFirst():
			return scanner{every: true}
		case r.start.leader == nil && r.start.second != nil:
			second.union(r.start.second.c)
			hasSecond = true
			s.pairOpenings = append(s.pairOpenings, &r.start)
		default:
			next.union(r.start.firstClass())
			hasNext = true
			s.openings = append(s.openings, &r.start)
		}
	}
	if hasPrev {
		s.prev = bitsFor(prev)
	}
	if hasNext {
		s.next = bitsFor(next)
		s.pairs = asciiPairs(s.openings)
	}
	if hasSecond {
		s.second = bitsFor(second)
	}
	s.setFlags()
	return s
}

// scanSample is running text in loctool's languages, on which the scanner
// estimates how often a test passes.
const scanSample = `Kazak president Nursultan Nazarbaev signed an order on May 13 freeing a number of prisoners including the former minister, who was convicted of abuse of office in July 2002 and served less than two years of a six-year sentence. ` +
	`Human rights groups said the conviction was politically motivated, and the European parliament had pressed for his release for months. ` +
	`“There was no pressure, psychological or otherwise, put on me,” he told a press conference in Almaty. ` +
	`Указ о помиловании подписал президент Н. А. Назарбаев, сообщает пресс-служба, однако оппозиция считает решение политическим. ` +
	`Қозғалысты 2001 жылы Аблязов пен Жақиянов құрды, ал үкімет бұл шешімге түсініктеме берген жоқ.`

// The cost, in sample units, of a position the scan hands on and of a
// byte it stops at only to reject.
const (
	candidateCost = 20
	byteCost      = 1
)

// prevCost estimates the cost of finding rule r's positions after the
// runes its beforebreak match can end with: each is a candidate.
func prevCost(r *Rule) int {
	return candidateCost * sampleHits(func(p int) bool { return r.end.lastOK(lastRuneAt(scanSample, p)) })
}

// nextCost estimates the cost of finding them before the runes its
// afterbreak match can start with: each such rune stops the scan, and the
// positions whose first two runes pass are candidates.
func nextCost(r *Rule) int {
	stops := sampleHits(func(p int) bool { a, _ := runesAt(scanSample, p); return r.start.firstOK(a) })
	if r.start.leader == nil && r.start.second != nil {
		// Found from the second rune instead: see newScanner.
		stops = sampleHits(func(p int) bool { _, b := runesAt(scanSample, p); return r.start.second.has(b) })
	}
	return byteCost*stops + candidateCost*sampleHits(func(p int) bool { return r.start.pairOK(runesAt(scanSample, p)) })
}

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

// positions calls fn with every candidate position p, 0 < p < len(text),
// in increasing order.
func (s *scanner) positions(text string, fn func(p int)) {
	if s.every {
		for i := range text {
			if i > 0 {
				fn(i)
			}
		}
		return
	}
	o := orderer{fn: fn, end: len(text)}
	for i := 0; i < len(text); i++ {
		f := s.flags[text[i]]
		if f == 0 {
			continue // most bytes of running text
		}
		o.flush(i - utf8.UTFMax)
		size := 1
		var r rune = rune(text[i])
		if f&flagLead != 0 {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if s.next != nil && (f&flagNext != 0 || f&flagLead != 0 && s.next.has(r)) {
			if f&flagLead == 0 && i+1 < len(text) && text[i+1] < utf8.RuneSelf {
				if s.pairs[text[i]][text[i+1]] {
					o.push(i)
				}
			} else if opensAt(s.openings, text, i) {
				o.push(i)
			}
		}
		if s.second != nil && (f&flagSecond != 0 || f&flagLead != 0 && s.second.has(r)) {
			// The pair starts with the rune before this one.
			if _, back := utf8.DecodeLastRuneInString(text[:i]); back > 0 && opensAt(s.pairOpenings, text, i-back) {
				o.push(i - back)
			}
		}
		if s.prev != nil && (f&flagPrev != 0 || f&flagLead != 0 && s.prev.has(r)) {
			o.push(i + size)
		}
		i += size - 1
	}
	o.flush(len(text))
}

// orderer hands positions to fn in increasing order, once each. Positions
// reach it at most one rune out of order, so it holds the few it cannot
// yet be sure of.
type orderer struct {
	fn   func(p int)
	end  int   // positions at the end of the text are not candidates
	last int   // the last position handed on
	held []int // sorted
	buf  [8]int
}

func (o *orderer) push(p int) {
	if p <= o.last || p >= o.end {
		return
	}
	if o.held == nil {
		o.held = o.buf[:0]
	}
	i := len(o.held)
	for i > 0 && o.held[i-1] >= p {
		if o.held[i-1] == p {
			return
		}
		i--
	}
	o.held = append(o.held, 0)
	copy(o.held[i+1:], o.held[i:])
	o.held[i] = p
}

// flush hands on the held positions below upTo.
func (o *orderer) flush(upTo int) {
	n := 0
	for n < len(o.held) && o.held[n] < upTo {
		o.last = o.held[n]
		o.fn(o.held[n])
		n++
	}
	if n > 0 {
		o.held = append(o.held[:0], o.held[n:]...)
	}
}

// The flags of a byte in the scan: it is an ASCII rune after which, or
// before which, a position is a candidate, or the lead byte of a rune that
// may be either.
const (
	flagPrev = 1 << iota
	flagNext
	flagSecond
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
			if s.second != nil && s.second.ascii[b] {
				f |= flagSecond
			}
		} else if (s.prev != nil && s.prev.lead[b]) || (s.next != nil && s.next.lead[b]) || (s.second != nil && s.second.lead[b]) {
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

// opensAt reports whether one of the openings can start its afterbreak
// match at p.
func opensAt(openings []*opening, text string, p int) bool {
	var w window
	w.reset(text, p, false)
	for _, o := range openings {
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
	// So is every byte of invalid UTF-8, which the regular expressions
	// read as U+FFFD, when the class holds it: the scan reaches only the
	// bytes that do not continue a valid rune.
	if b.has(utf8.RuneError) {
		for l := utf8.RuneSelf; l < len(b.lead); l++ {
			b.lead[l] = true
		}
	}
	return b
}
