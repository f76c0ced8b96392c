package prefilter

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2/syntax"
)

// class is a set of runes: the union of single runes, "any rune but"
// runes and regexp2 character sets. The zero class is empty.
type class struct {
	any      bool
	start    bool // the virtual rune before the text, for ^ and \A
	nonWord  bool // every rune that is not a word character, for \b
	runes    []rune
	notRunes []rune
	sets     []*syntax.CharSet
}

func anyClass() class { return class{any: true} }

func (c *class) union(o class) {
	if c.any || o.any {
		*c = anyClass()
		return
	}
	c.start = c.start || o.start
	c.nonWord = c.nonWord || o.nonWord
	c.runes = append(c.runes, o.runes...)
	c.notRunes = append(c.notRunes, o.notRunes...)
	c.sets = append(c.sets, o.sets...)
}

// String describes the class; equal descriptions mean equal classes.
func (c class) String() string {
	if c.any {
		return "any"
	}
	var b strings.Builder
	if c.start {
		b.WriteString("^")
	}
	if c.nonWord {
		b.WriteString("\\W")
	}
	fmt.Fprintf(&b, "%q!%q", c.runes, c.notRunes)
	for _, s := range c.sets {
		b.WriteString("|")
		b.WriteString(s.String())
	}
	return b.String()
}

func (c *class) isEmpty() bool {
	return !c.any && !c.start && !c.nonWord && len(c.runes) == 0 && len(c.notRunes) == 0 && len(c.sets) == 0
}

func (c *class) has(r rune) bool {
	if c.any || (c.nonWord && r >= 0 && !syntax.IsWordChar(r)) {
		return true
	}
	if slices.Contains(c.runes, r) {
		return true
	}
	for _, n := range c.notRunes {
		if r != n {
			return true
		}
	}
	for _, s := range c.sets {
		if s.Contains(r) {
			return true
		}
	}
	return false
}

// enumerate lists the class's runes when there are at most max of them.
func (c *class) enumerate(max int) ([]rune, bool) {
	if c.any || c.start || c.nonWord || len(c.notRunes) > 0 {
		return nil, false
	}
	out := slices.Clone(c.runes)
	for _, s := range c.sets {
		if s.IsNegated() {
			return nil, false
		}
		rs := s.GetSetChars(max)
		if rs == nil {
			return nil, false
		}
		out = append(out, rs...)
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if len(out) > max {
		return nil, false
	}
	return out, true
}

// isWordClass reports whether a class holds only word characters.
func isWordClass(c class) bool {
	if c.any || c.start || c.nonWord || len(c.notRunes) > 0 {
		return false
	}
	key := c.String()
	if v, ok := wordClasses.Load(key); ok {
		return v.(bool)
	}
	b, nw := bmpFor(c), nonWordBits()
	word := true
	for i := range b {
		word = word && b[i]&nw[i] == 0
	}
	// A set may also hold runes beyond the BMP; those of regexp2's letter
	// and digit categories are word characters.
	wordClasses.Store(key, word)
	return word
}

// wordClasses caches isWordClass by class description.
var wordClasses sync.Map // string -> bool

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
