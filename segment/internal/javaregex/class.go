package javaregex

import (
	"strings"
	"unicode"
)

// setOp says how a charSet combines its parts.
type setOp uint8

const (
	opItems setOp = iota // the union of items
	opUnion              // the union of args
	opAnd                // the intersection of args
	opNot                // the complement of args[0]
)

// charSet is a Java character class as a tree. It stands for a set of code
// points, so whatever it is lowered to matches exactly one character.
//
// Items are pieces of regexp2 class syntax such as a-z, \d or \p{Lu}, and
// never a complement such as \P{Lu} or \D: regexp2 gets a class wrong when
// a complemented category in it holds the character and another part of
// the class would match it ([\W\d] does not match 5), and under (?i) it
// turns \P{Lu} into "not Lu, or not Ll, or not Lt", which is everything.
// Complements are opNot, which become [^...] classes.
type charSet struct {
	op    setOp
	items []string
	args  []*charSet
}

func itemSet(items ...string) *charSet { return &charSet{op: opItems, items: items} }

func unionOf(sets ...*charSet) *charSet {
	if len(sets) == 1 {
		return sets[0]
	}
	return &charSet{op: opUnion, args: sets}
}

func andOf(sets ...*charSet) *charSet {
	if len(sets) == 1 {
		return sets[0]
	}
	return &charSet{op: opAnd, args: sets}
}

func notOf(s *charSet) *charSet { return &charSet{op: opNot, args: []*charSet{s}} }

// categories is the union of regexp2's \p{name} for each name.
func categories(names ...string) *charSet {
	items := make([]string, len(names))
	for i, n := range names {
		items[i] = `\p{` + n + `}`
	}
	return itemSet(items...)
}

// runeRange is an inclusive range of code points.
type runeRange struct{ lo, hi rune }

func rangeItem(r runeRange) string {
	if r.lo == r.hi {
		return classChar(r.lo, litCode)
	}
	return rangeEnd(r.lo, classChar(r.lo, litCode)) + "-" + rangeEnd(r.hi, classChar(r.hi, litCode))
}

func ranges(rs ...runeRange) *charSet {
	items := make([]string, len(rs))
	for i, r := range rs {
		items[i] = rangeItem(r)
	}
	return itemSet(items...)
}

// parseClass parses a Java class after its '['; open is the offset of the
// '['. Operands of && are unions of what stands between them.
func (t *translator) parseClass(open int) (*charSet, error) {
	negated := t.consume('^') // only right after '[', even in comment mode
	var operands, union []*charSet
	empty := true // a ']' before anything else is a literal
	for {
		if len(t.quote) == 0 {
			t.skipIgnorable()
			if t.eof() {
				return nil, t.errAt(open, "unclosed character class: add the missing ']'")
			}
			switch {
			case t.src[t.pos] == ']' && !empty:
				t.pos++
				return t.classOf(open, negated, operands, union)
			case t.src[t.pos] == '[':
				t.pos++
				nested, err := t.parseClass(t.pos - 1)
				if err != nil {
					return nil, err
				}
				union = append(union, nested)
				empty = false
				continue
			case strings.HasPrefix(t.src[t.pos:], "&&"):
				t.pos += 2
				if len(union) > 0 {
					operands = append(operands, unionOf(union...))
				}
				union = nil
				empty = false
				continue
			}
		}
		set, err := t.classRange()
		if err != nil {
			return nil, err
		}
		if set != nil {
			union = append(union, set)
			empty = false
		}
	}
}

// classOf combines the operands of a class; an empty operand, as in
// [a&&], constrains nothing, as in Java.
func (t *translator) classOf(open int, negated bool, operands, union []*charSet) (*charSet, error) {
	if len(union) > 0 {
		operands = append(operands, unionOf(union...))
	}
	if len(operands) == 0 {
		return nil, t.errAt(open, "empty character class")
	}
	set := andOf(operands...)
	if negated {
		set = notOf(set)
	}
	return set, nil
}

// classToken is one character, or a set such as \d, read inside a class.
type classToken struct {
	r    rune
	text string   // r as class syntax
	set  *charSet // instead of r
}

// classRange reads a character, a range or a set. It returns nil after an
// empty \Q\E.
func (t *translator) classRange() (*charSet, error) {
	start := t.pos
	lo, err := t.classToken(false)
	if err != nil || lo == nil {
		return nil, err
	}
	if lo.set != nil {
		return lo.set, nil
	}
	if !t.rangeDash() {
		return itemSet(lo.text), nil
	}
	hi, err := t.classToken(true)
	if err != nil {
		return nil, err
	}
	if hi == nil || hi.set != nil {
		return nil, t.errAt(start, "illegal character range: a range must end with a single character")
	}
	if hi.r < lo.r {
		return nil, t.errAt(start, "illegal character range %s-%s: the end is below the start", lo.text, hi.text)
	}
	return itemSet(rangeEnd(lo.r, lo.text) + "-" + rangeEnd(hi.r, hi.text)), nil
}

// rangeEnd writes one end of a range: regexp2 does not take \- there.
func rangeEnd(r rune, text string) string {
	if r == '-' {
		return `\x2D`
	}
	return text
}

// rangeDash consumes a '-' that makes a range: not quoted, and followed by
// neither ']' nor '['.
func (t *translator) rangeDash() bool {
	if len(t.quote) > 0 {
		return false
	}
	save := t.pos
	t.skipIgnorable()
	if t.pos+1 < len(t.src) && t.src[t.pos] == '-' && t.src[t.pos+1] != ']' && t.src[t.pos+1] != '[' {
		t.pos++
		t.skipIgnorable()
		return true
	}
	t.pos = save
	return false
}

// classToken reads one character or set inside a class. rangeEnd tells
// that it ends a range, which changes the meaning of \v.
func (t *translator) classToken(rangeEnd bool) (*classToken, error) {
	if len(t.quote) > 0 {
		r := t.quote[0]
		t.quote = t.quote[1:]
		return &classToken{r: r, text: classChar(r, litRaw)}, nil
	}
	if t.eof() {
		return nil, nil
	}
	start := t.pos
	if c := t.next(); c != '\\' {
		return &classToken{r: c, text: classChar(c, litRaw)}, nil
	}
	if t.eof() {
		return nil, t.errAt(start, "pattern ends with a lone backslash: write \\\\ for a literal one")
	}
	c := t.next()
	switch c {
	case 'Q':
		t.quote = t.readQuoted()
		if len(t.quote) == 0 {
			return nil, nil
		}
		return t.classToken(rangeEnd)
	case 'd', 'D', 'w', 'W', 's', 'S':
		return &classToken{set: shorthand(c)}, nil
	case 'v':
		// Java still reads \v as VT where it starts or ends a range.
		if rangeEnd || strings.HasPrefix(t.src[t.pos:], "-") {
			return &classToken{r: '\v', text: codeEscape('\v')}, nil
		}
		return &classToken{set: spaceSet(c)}, nil
	case 'h', 'H', 'V':
		return &classToken{set: spaceSet(c)}, nil
	case 'p', 'P':
		set, err := t.property(start, c == 'P')
		if err != nil {
			return nil, err
		}
		return &classToken{set: set}, nil
	case 'b', 'B', 'A', 'G', 'Z', 'z', 'R', 'X', 'k', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return nil, t.errAt(start, "\\%c is not allowed inside a character class", c)
	}
	r, kind, err := t.charEscape(start, c)
	if err != nil {
		return nil, err
	}
	return &classToken{r: r, text: classChar(r, kind)}, nil
}

// shorthand is \d, \w or \s, or the complement for \D, \W or \S.
func shorthand(c rune) *charSet {
	set := itemSet(`\` + string(unicode.ToLower(c)))
	if unicode.IsUpper(c) {
		return notOf(set)
	}
	return set
}

// spaceSet is Java's \h (horizontal) or \v (vertical whitespace), or the
// complement, \H or \V.
func spaceSet(c rune) *charSet {
	var set *charSet
	switch unicode.ToLower(c) {
	case 'h':
		set = ranges(runeRange{' ', ' '}, runeRange{'\t', '\t'}, runeRange{0xA0, 0xA0},
			runeRange{0x1680, 0x1680}, runeRange{0x180E, 0x180E}, runeRange{0x2000, 0x200A},
			runeRange{0x202F, 0x202F}, runeRange{0x205F, 0x205F}, runeRange{0x3000, 0x3000})
	default:
		set = ranges(runeRange{'\n', '\r'}, runeRange{0x85, 0x85}, runeRange{0x2028, 0x2029})
	}
	if unicode.IsUpper(c) {
		return notOf(set)
	}
	return set
}

// netClass is a regexp2 class, [items] or [^items], less sub when sub is
// set, as in [a-z-[aeiou]].
type netClass struct {
	negated bool
	items   []string
	sub     *netClass
}

func (c *netClass) String() string {
	items, negated := c.items, c.negated
	if len(items) == 0 {
		items, negated = []string{`\s\S`}, !negated
	}
	var b strings.Builder
	b.WriteByte('[')
	if negated {
		b.WriteByte('^')
	} else if strings.HasPrefix(items[0], "^") {
		b.WriteByte('\\')
	}
	for _, it := range items {
		b.WriteString(it)
	}
	if c.sub != nil {
		b.WriteString("-" + c.sub.String())
	}
	b.WriteByte(']')
	return b.String()
}

// oneChar is a lowered charSet: a class where regexp2's classes can say
// it, otherwise a group that consumes exactly one character.
type oneChar struct {
	class *netClass
	group string
}

// pattern writes the set. Outside brackets a lone \p{..}, \d, \w or \s
// needs none.
func (o oneChar) pattern(bracketed bool) string {
	c := o.class
	if c == nil {
		return o.group
	}
	if !bracketed && !c.negated && c.sub == nil && len(c.items) == 1 && isShorthandItem(c.items[0]) {
		return c.items[0]
	}
	return c.String()
}

func isShorthandItem(s string) bool {
	return len(s) >= 2 && s[0] == '\\' && strings.ContainsRune("pdws", rune(s[1]))
}

// setPattern writes a character set for the current flags.
func (t *translator) setPattern(s *charSet, bracketed bool) string {
	return lowerer{ignoreCase: t.flags&flagI != 0}.lower(s).pattern(bracketed)
}

// lowerer turns charSets into patterns. Under (?i) it avoids class
// subtraction, which regexp2 does not fold case for: (?i)[a-z-[e]]
// matches E.
type lowerer struct{ ignoreCase bool }

func (l lowerer) lower(s *charSet) oneChar {
	switch s.op {
	case opNot:
		if s.args[0].op == opUnion {
			return l.notUnion(l.lowerAll(s.args[0].args))
		}
		return l.not(l.lower(s.args[0]))
	case opUnion:
		return union(l.lowerAll(s.args))
	case opAnd:
		acc := l.lower(s.args[0])
		for _, a := range s.args[1:] {
			acc = l.and(acc, l.lower(a))
		}
		return acc
	}
	return oneChar{class: &netClass{items: s.items}}
}

func (l lowerer) lowerAll(sets []*charSet) []oneChar {
	parts := make([]oneChar, len(sets))
	for i, a := range sets {
		parts[i] = l.lower(a)
	}
	return parts
}

// notUnion complements a union, by De Morgan when the union is no class:
// [^\W\d] is better said as [\w-[\d]].
func (l lowerer) notUnion(parts []oneChar) oneChar {
	if u := union(parts); u.class != nil {
		return l.not(u)
	}
	acc := l.not(parts[0])
	for _, p := range parts[1:] {
		acc = l.and(acc, l.not(p))
	}
	return acc
}

func (l lowerer) not(x oneChar) oneChar {
	c := x.class
	switch {
	case c != nil && c.sub == nil:
		return oneChar{class: &netClass{negated: !c.negated, items: c.items}}
	case c != nil:
		// not (B less S) is (not B) or S.
		return union([]oneChar{{class: &netClass{negated: !c.negated, items: c.items}}, {class: c.sub}})
	}
	// The lookahead tests the character that [\s\S] consumes, also when a
	// lookbehind runs this right to left.
	return oneChar{group: `(?:(?!` + x.group + `)[\s\S])`}
}

// union merges plain classes into one and joins the rest as alternatives.
func union(parts []oneChar) oneChar {
	merged := &netClass{}
	var alts []string
	for _, p := range parts {
		if c := p.class; c != nil && c.sub == nil && !c.negated {
			merged.items = append(merged.items, c.items...)
		} else {
			alts = append(alts, p.pattern(true))
		}
	}
	if len(alts) == 0 {
		return oneChar{class: merged}
	}
	if len(merged.items) > 0 {
		alts = append([]string{merged.String()}, alts...)
	}
	if len(alts) == 1 {
		return oneChar{group: alts[0]}
	}
	return oneChar{group: "(?:" + strings.Join(alts, "|") + ")"}
}

func (l lowerer) and(a, b oneChar) oneChar {
	if a.class != nil && b.class != nil && !l.ignoreCase {
		if a.class.negated && !b.class.negated {
			a, b = b, a // subtracting a plain class reads better
		}
		if c, ok := subtract(a.class, b.class); ok {
			return c
		}
		if c, ok := subtract(b.class, a.class); ok {
			return c
		}
	}
	// The lookahead tests the character that a consumes, also when a
	// lookbehind runs this right to left.
	return oneChar{group: `(?:(?=` + b.pattern(true) + `)` + a.pattern(true) + `)`}
}

// subtract writes a and b as a less the complement of b, when a regexp2
// class subtraction can say it.
func subtract(a, b *netClass) (oneChar, bool) {
	if b.sub != nil {
		return oneChar{}, false
	}
	comp := &netClass{negated: !b.negated, items: b.items}
	switch {
	case a.sub == nil:
		return oneChar{class: &netClass{negated: a.negated, items: a.items, sub: comp}}, true
	case !a.sub.negated && a.sub.sub == nil && !comp.negated:
		sub := &netClass{items: append(append([]string(nil), a.sub.items...), comp.items...)}
		return oneChar{class: &netClass{negated: a.negated, items: a.items, sub: sub}}, true
	}
	return oneChar{}, false
}
