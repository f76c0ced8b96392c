package javaregex

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Error is a Java regex construct that cannot be translated.
// Offset is the byte offset in the Java pattern.
type Error struct {
	Offset int
	Msg    string
}

// Error returns the offset and the message, as in
// "at offset 12: dangling quantifier '*'".
func (e *Error) Error() string {
	return fmt.Sprintf("at offset %d: %s", e.Offset, e.Msg)
}

// Translate rewrites a Java regex (java.util.regex syntax, as written in
// SRX 2.0 rule files) into an equivalent pattern for regexp2, compiled with
// default options.
//
// Semantic decisions:
//   - \s \S \w \W \d \D \b \B pass through to regexp2's Unicode versions, as if
//     Java's UNICODE_CHARACTER_CLASS were always on.
//   - (?i) is Unicode-aware, as regexp2's case folding is; Java folds only
//     ASCII unless the u flag is set.
//   - The flags u and U are dropped: Unicode is always on. U still selects
//     the Unicode meaning of the POSIX classes (\p{Alpha} and so on), which
//     are otherwise ASCII-only as in Java. The d flag (UNIX_LINES) is dropped
//     after it has been applied to '.'; c (CANON_EQ) is reported.
//   - '.' excludes Java's line terminators [\n\r\u0085\u2028\u2029] (only \n
//     under d, nothing under s), while regexp2's excludes only \n.
//   - Character classes follow Java 9 and later: a leading ^ negates the
//     whole class, nested classes are unions, and && binds loosest, so that
//     everything before it is one operand. They become one regexp2 class
//     where regexp2 can say it, with subtraction [a-z-[aeiou]] for an
//     intersection with a complement, and otherwise a group that consumes
//     exactly one character, such as (?:(?=[Y])[X]).
//   - Complements such as \P{Lu} are written [^\p{Lu}], and no class mixes
//     a complemented category with other parts, to avoid regexp2 bugs (see
//     charSet); under (?i) no class subtraction is used (see lowerer).
//   - Possessive quantifiers become atomic groups, \R becomes an explicit
//     alternation, \h and \v (Java's vertical whitespace) become classes,
//     blocks (\p{InCyrillic}) become ranges.
//   - Backreferences keep Java's group numbers: regexp2 numbers named groups
//     after the unnamed ones, so a numbered reference to a named group is
//     written \k<name>, and one to an unnamed group gets its regexp2 number.
//     A reference to a group that does not exist never matches, as in Java.
//   - Comment mode (x) is applied here, inside classes too, as Java does;
//     the flag is kept and everything emitted is safe under it.
//
// Known gaps: ^ $ \Z and (?m) recognise only \n as a line terminator, as
// regexp2 does, and (?m)^ also matches after a final line terminator;
// Java's rule that a lookbehind has a bounded length is not enforced;
// atomic groups and possessive quantifiers inside a lookbehind run right
// to left in regexp2, so they can give up differently; a few java*
// properties are approximations (see javaProperty).
func Translate(pattern string) (string, error) {
	if off := invalidUTF8(pattern); off >= 0 {
		return "", &Error{Offset: off, Msg: "pattern is not valid UTF-8"}
	}
	first := newTranslator(pattern, nil)
	if err := first.run(); err != nil {
		return "", err
	}
	if !first.numberedRefs {
		return string(first.out), nil
	}
	// Java allows forward references, so the group table of a first pass
	// is needed to write them.
	second := newTranslator(pattern, first.groups)
	if err := second.run(); err != nil {
		return "", err
	}
	return string(second.out), nil
}

func invalidUTF8(s string) int {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// flagSet holds Java's inline flags.
type flagSet uint8

const (
	flagI            flagSet = 1 << iota // CASE_INSENSITIVE
	flagM                                // MULTILINE
	flagS                                // DOTALL
	flagX                                // COMMENTS
	flagD                                // UNIX_LINES
	flagUnicodeCase                      // UNICODE_CASE: accepted, always on
	flagUnicodeClass                     // UNICODE_CHARACTER_CLASS
)

// keptFlags are the ones regexp2 understands the same way.
const keptFlags = "imsx"

func flagFor(c byte) flagSet {
	switch c {
	case 'i':
		return flagI
	case 'm':
		return flagM
	case 's':
		return flagS
	case 'x':
		return flagX
	case 'd':
		return flagD
	case 'u':
		return flagUnicodeCase
	case 'U':
		return flagUnicodeClass
	}
	return 0
}

type frame struct {
	outStart int     // where the group's "(" is in the output
	flags    flagSet // flags to restore at ")"
	offset   int     // where the group's "(" is in the pattern
}

type translator struct {
	src    string
	pos    int
	out    []byte
	flags  flagSet
	frames []frame
	// last is where the most recent atom starts in out, or -1 when a
	// quantifier here would have nothing to apply to.
	last int
	// refEnd is len(out) just after a numbered backreference, so that a
	// digit written next can be kept from joining the number.
	refEnd int
	// groups lists the capturing groups opened so far, in Java's order,
	// with their names ("" when unnamed).
	groups []string
	// known is the complete group list from a first pass, or nil.
	known        []string
	numberedRefs bool
	// quote holds the rest of a \Q...\E run being read inside a class.
	quote []rune
}

func newTranslator(src string, known []string) *translator {
	return &translator{src: src, last: -1, refEnd: -1, known: known}
}

func (t *translator) errAt(offset int, format string, args ...any) error {
	return &Error{Offset: offset, Msg: fmt.Sprintf(format, args...)}
}

func (t *translator) write(s string) { t.out = append(t.out, s...) }

// atom writes s as the operand of any quantifier that follows.
func (t *translator) atom(s string) {
	if len(t.out) == t.refEnd && s != "" && s[0] >= '0' && s[0] <= '9' {
		t.write("(?:)") // keeps \1 and a following 0 from reading as \10
	}
	t.last = len(t.out)
	t.write(s)
}

func (t *translator) eof() bool { return t.pos >= len(t.src) }

func (t *translator) consume(c byte) bool {
	if t.pos < len(t.src) && t.src[t.pos] == c {
		t.pos++
		return true
	}
	return false
}

func (t *translator) next() rune {
	r, size := utf8.DecodeRuneInString(t.src[t.pos:])
	t.pos += size
	return r
}

// skipIgnorable skips the whitespace and #-comments of comment mode.
func (t *translator) skipIgnorable() {
	if t.flags&flagX == 0 {
		return
	}
	for !t.eof() {
		c := t.src[t.pos]
		switch {
		case isASCIISpace(rune(c)):
			t.pos++
		case c == '#':
			t.skipComment()
		default:
			return
		}
	}
}

// skipComment skips to just past the end of the line.
func (t *translator) skipComment() {
	for !t.eof() {
		if t.isLineEnd(t.next()) {
			return
		}
	}
}

func isASCIISpace(r rune) bool { return r == ' ' || r >= '\t' && r <= '\r' }

func (t *translator) isLineEnd(r rune) bool {
	if t.flags&flagD != 0 {
		return r == '\n'
	}
	return r == '\n' || r == '\r' || r == '\u0085' || r == '\u2028' || r == '\u2029'
}

func (t *translator) run() error {
	for {
		t.skipIgnorable()
		if t.eof() {
			break
		}
		if err := t.term(); err != nil {
			return err
		}
		if err := t.quantifier(); err != nil {
			return err
		}
	}
	if n := len(t.frames); n > 0 {
		return t.errAt(t.frames[n-1].offset, "unclosed group: add the missing ')'")
	}
	return nil
}

// term translates one item of a sequence: an atom, a group boundary or |.
func (t *translator) term() error {
	start := t.pos
	switch c := t.src[t.pos]; c {
	case '|':
		t.pos++
		t.write("|")
		t.last = -1
	case '(':
		return t.openGroup()
	case ')':
		return t.closeGroup()
	case '[':
		t.pos++
		set, err := t.parseClass(start)
		if err != nil {
			return err
		}
		t.atom(t.setPattern(set, true))
	case '\\':
		return t.escape()
	case '.':
		t.pos++
		t.atom(t.dot())
	case '^', '$':
		t.pos++
		t.atom(string(c))
	case '*', '+', '?':
		return t.errAt(start, "dangling quantifier '%c': it follows nothing; write \\%c for a literal", c, c)
	case '{':
		// Java repeats an empty atom here; a quantifier must follow.
		if t.pos+1 < len(t.src) && isDigit(t.src[t.pos+1]) {
			t.atom("(?:)")
			return nil
		}
		return t.errAt(start, "illegal repetition '{': write \\{ for a literal brace")
	default:
		t.atom(literal(t.next(), litRaw, t.flags&flagX != 0))
	}
	return nil
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// dot writes Java's '.', which also stops at \r, \u0085, \u2028 and \u2029.
func (t *translator) dot() string {
	if t.flags&(flagS|flagD) != 0 {
		return "."
	}
	return `[^\n\r\u0085\u2028\u2029]`
}

func (t *translator) openGroup() error {
	fr := frame{outStart: len(t.out), flags: t.flags, offset: t.pos}
	t.pos++
	t.skipIgnorable()
	if !t.consume('?') {
		t.groups = append(t.groups, "")
		t.push(fr, "(")
		return nil
	}
	switch {
	case t.consume(':'):
		t.push(fr, "(?:")
	case t.consume('='):
		t.push(fr, "(?=")
	case t.consume('!'):
		t.push(fr, "(?!")
	case t.consume('>'):
		t.push(fr, "(?>")
	case t.consume('<'):
		switch {
		case t.consume('='):
			t.push(fr, "(?<=")
		case t.consume('!'):
			t.push(fr, "(?<!")
		default:
			nameAt := t.pos
			name, err := t.groupName()
			if err != nil {
				return err
			}
			for _, g := range t.groups {
				if g == name {
					return t.errAt(nameAt, "group name <%s> is already defined: rename one of the groups", name)
				}
			}
			t.groups = append(t.groups, name)
			t.push(fr, "(?<"+name+">")
		}
	default:
		return t.inlineFlags(fr)
	}
	return nil
}

func (t *translator) push(fr frame, open string) {
	t.frames = append(t.frames, fr)
	t.write(open)
	t.last = -1
}

func (t *translator) closeGroup() error {
	n := len(t.frames)
	if n == 0 {
		return t.errAt(t.pos, "unmatched ')': write \\) for a literal parenthesis")
	}
	fr := t.frames[n-1]
	t.frames = t.frames[:n-1]
	t.pos++
	t.write(")")
	t.flags = fr.flags
	t.last = fr.outStart
	return nil
}

// groupName reads a Java group name and its closing '>'.
func (t *translator) groupName() (string, error) {
	start := t.pos
	for !t.eof() && isASCIIAlnum(t.src[t.pos]) {
		t.pos++
	}
	name := t.src[start:t.pos]
	if name == "" || isDigit(name[0]) {
		return "", t.errAt(start, "group name must start with an ASCII letter")
	}
	if !t.consume('>') {
		return "", t.errAt(t.pos, "group name <%s must end with '>' and hold only ASCII letters and digits", name)
	}
	return name, nil
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c)
}

// inlineFlags translates (?flags) and (?flags:X); fr is the group's frame.
func (t *translator) inlineFlags(fr frame) error {
	on, err := t.flagLetters()
	if err != nil {
		return err
	}
	var off flagSet
	if t.consume('-') {
		if off, err = t.flagLetters(); err != nil {
			return err
		}
	}
	kept := keptFlagText(on, off)
	switch {
	case t.consume(')'):
		// The flags hold to the end of the enclosing group, as in regexp2.
		t.flags = (t.flags | on) &^ off
		if kept != "" {
			t.write("(?" + kept + ")")
		}
		t.last = -1
	case t.consume(':'):
		t.push(fr, "(?"+kept+":")
		t.flags = (t.flags | on) &^ off
	default:
		return t.errAt(t.pos, "unknown group construct: Java has (?:, (?=, (?!, (?<=, (?<!, (?>, (?<name> and the inline flags idmsuxU")
	}
	return nil
}

func (t *translator) flagLetters() (flagSet, error) {
	var f flagSet
	for !t.eof() {
		c := t.src[t.pos]
		if c == 'c' {
			return 0, t.errAt(t.pos, "flag c (canonical equivalence) is not supported: normalise the text instead")
		}
		bit := flagFor(c)
		if bit == 0 {
			break
		}
		f |= bit
		t.pos++
	}
	return f, nil
}

// keptFlagText writes the flags regexp2 shares with Java, as "i-s".
func keptFlagText(on, off flagSet) string {
	pick := func(f flagSet) string {
		var b strings.Builder
		for i := 0; i < len(keptFlags); i++ {
			if f&flagFor(keptFlags[i]) != 0 {
				b.WriteByte(keptFlags[i])
			}
		}
		return b.String()
	}
	s := pick(on)
	if o := pick(off); o != "" {
		s += "-" + o
	}
	return s
}

// quantifier translates a quantifier after the term just written, if any.
func (t *translator) quantifier() error {
	t.skipIgnorable()
	if t.eof() {
		return nil
	}
	start := t.pos
	var q string
	switch c := t.src[t.pos]; c {
	case '*', '+', '?':
		if t.last < 0 {
			return t.errAt(start, "dangling quantifier '%c': it follows nothing; write \\%c for a literal", c, c)
		}
		t.pos++
		q = string(c)
	case '{':
		if t.last < 0 {
			return nil // term reads it as the repetition of an empty atom
		}
		var err error
		if q, err = t.counted(); err != nil {
			return err
		}
	default:
		return nil
	}
	t.skipIgnorable()
	switch {
	case t.consume('?'):
		t.write(q + "?")
	case t.consume('+'):
		// A possessive quantifier never gives back what it matched, which
		// is what an atomic group around the greedy one does.
		body := string(t.out[t.last:])
		t.out = append(t.out[:t.last], "(?>"+body+q+")"...)
	default:
		t.write(q)
	}
	t.last = -1
	return nil
}

// counted reads {n}, {n,} or {n,m}.
func (t *translator) counted() (string, error) {
	start := t.pos
	t.pos++
	if t.eof() || !isDigit(t.src[t.pos]) {
		return "", t.errAt(start, "illegal repetition '{': write \\{ for a literal brace")
	}
	min, err := t.count(start)
	if err != nil {
		return "", err
	}
	q := "{" + strconv.Itoa(min)
	if t.consume(',') {
		q += ","
		if !t.eof() && isDigit(t.src[t.pos]) {
			max, err := t.count(start)
			if err != nil {
				return "", err
			}
			if max < min {
				return "", t.errAt(start, "repetition {%d,%d} has its maximum below its minimum", min, max)
			}
			q += strconv.Itoa(max)
		}
	}
	if !t.consume('}') {
		return "", t.errAt(start, "unclosed repetition: write {n}, {n,} or {n,m}")
	}
	return q + "}", nil
}

func (t *translator) count(start int) (int, error) {
	n := 0
	for !t.eof() && isDigit(t.src[t.pos]) {
		n = n*10 + int(t.src[t.pos]-'0')
		if n > math.MaxInt32 {
			return 0, t.errAt(start, "repetition count is too large")
		}
		t.pos++
	}
	return n, nil
}

// escape translates a backslash sequence outside a class.
func (t *translator) escape() error {
	start := t.pos
	t.pos++
	if t.eof() {
		return t.errAt(start, "pattern ends with a lone backslash: write \\\\ for a literal one")
	}
	c := t.next()
	switch c {
	case 'Q':
		for _, r := range t.readQuoted() {
			t.atom(literal(r, litRaw, t.flags&flagX != 0))
		}
	case 'd', 'D', 'w', 'W', 's', 'S', 'B', 'A', 'G', 'Z', 'z', 'X':
		t.atom(`\` + string(c))
	case 'b':
		if strings.HasPrefix(t.src[t.pos:], "{g}") {
			return t.errAt(start, "grapheme boundary \\b{g} is not supported: use \\X to match a grapheme")
		}
		t.atom(`\b`)
	case 'R':
		// Java's \R can backtrack from \r\n to \r; regexp2's is atomic.
		t.atom(`(?:\r\n|[\n\x0B\f\r\x85\u2028\u2029])`)
	case 'h', 'H', 'v', 'V':
		t.atom(t.setPattern(spaceSet(c), false))
	case 'p', 'P':
		set, err := t.property(start, c == 'P')
		if err != nil {
			return err
		}
		t.atom(t.setPattern(set, false))
	case 'k':
		return t.namedRef(start)
	case '1', '2', '3', '4', '5', '6', '7', '8', '9':
		t.numberedRef(int(c - '0'))
	default:
		r, kind, err := t.charEscape(start, c)
		if err != nil {
			return err
		}
		t.atom(literal(r, kind, t.flags&flagX != 0))
	}
	return nil
}

// readQuoted reads the text after \Q up to \E or the end of the pattern.
func (t *translator) readQuoted() []rune {
	rest := t.src[t.pos:]
	end := strings.Index(rest, `\E`)
	if end < 0 {
		t.pos = len(t.src)
		return []rune(rest)
	}
	t.pos += end + 2
	return []rune(rest[:end])
}

func (t *translator) namedRef(start int) error {
	if !t.consume('<') {
		return t.errAt(start, "\\k must be followed by <name>")
	}
	name, err := t.groupName()
	if err != nil {
		return err
	}
	for _, g := range t.groups {
		if g == name {
			t.atom(`\k<` + name + `>`)
			return nil
		}
	}
	return t.errAt(start, "\\k<%s> refers to no group defined before it", name)
}

// numberedRef takes more digits while they name a group opened so far, as
// Java does, and writes the reference with regexp2's number for the group.
func (t *translator) numberedRef(n int) {
	for !t.eof() && isDigit(t.src[t.pos]) {
		m := n*10 + int(t.src[t.pos]-'0')
		if m > len(t.groups) {
			break
		}
		n = m
		t.pos++
	}
	t.numberedRefs = true
	if t.known == nil || n > len(t.known) {
		t.atom("(?!)")
		return
	}
	if name := t.known[n-1]; name != "" {
		t.atom(`\k<` + name + `>`)
		return
	}
	net := 0
	for _, g := range t.known[:n] {
		if g == "" {
			net++
		}
	}
	t.atom(`\` + strconv.Itoa(net))
	t.refEnd = len(t.out)
}

// litKind says how a literal was written in the Java pattern, so that it
// can be written back the same way where that is safe.
type litKind uint8

const (
	litRaw   litKind = iota // the character itself, or inside \Q...\E
	litPunct                // a backslash and a punctuation character
	litCode                 // an escape such as \t, \x41 or \u0416
)

// charEscape reads an escape that stands for one character; c follows the
// backslash at start.
func (t *translator) charEscape(start int, c rune) (rune, litKind, error) {
	switch c {
	case 't':
		return '\t', litCode, nil
	case 'n':
		return '\n', litCode, nil
	case 'r':
		return '\r', litCode, nil
	case 'f':
		return '\f', litCode, nil
	case 'a':
		return '\a', litCode, nil
	case 'e':
		return 0x1B, litCode, nil
	case '0':
		r, err := t.octal(start)
		return r, litCode, err
	case 'x':
		r, err := t.hexEscape(start)
		return r, litCode, err
	case 'u':
		r, err := t.unicodeEscape(start)
		return r, litCode, err
	case 'c':
		if t.eof() {
			return 0, 0, t.errAt(start, "\\c must be followed by a character")
		}
		return t.next() ^ 64, litCode, nil
	case 'N':
		return 0, 0, t.errAt(start, "named character \\N{...} is not supported: write the code point as \\x{...}")
	}
	if c < utf8.RuneSelf && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
		return 0, 0, t.errAt(start, "illegal escape \\%c", c)
	}
	if c < utf8.RuneSelf {
		return c, litPunct, nil
	}
	return c, litRaw, nil
}

// octal reads Java's \0n, \0nn or \0mnn (m at most 3).
func (t *translator) octal(start int) (rune, error) {
	v, digits := 0, 0
	for digits < 3 && !t.eof() && t.src[t.pos] >= '0' && t.src[t.pos] <= '7' {
		if digits == 2 && v > 037 {
			break // a third digit only when the first is at most 3
		}
		v = v*8 + int(t.src[t.pos]-'0')
		t.pos++
		digits++
	}
	if digits == 0 {
		return 0, t.errAt(start, "illegal octal escape: write \\0 and one to three octal digits")
	}
	return rune(v), nil
}

// hexEscape reads \xhh or \x{h...h}.
func (t *translator) hexEscape(start int) (rune, error) {
	if t.consume('{') {
		v, digits := 0, 0
		for !t.eof() && hexVal(t.src[t.pos]) >= 0 {
			v = v*16 + hexVal(t.src[t.pos])
			if v > unicode.MaxRune {
				return 0, t.errAt(start, "code point in \\x{...} is above 10FFFF")
			}
			t.pos++
			digits++
		}
		if digits == 0 || !t.consume('}') {
			return 0, t.errAt(start, "illegal hexadecimal escape: write \\x{h...h} with hex digits")
		}
		return rune(v), nil
	}
	v, ok := t.hexDigits(2)
	if !ok {
		return 0, t.errAt(start, "illegal hexadecimal escape: write \\xhh or \\x{h...h}")
	}
	return rune(v), nil
}

// unicodeEscape reads \uXXXX, joining an escaped surrogate pair into one
// code point, since regexp2 matches runes, not UTF-16 units.
func (t *translator) unicodeEscape(start int) (rune, error) {
	hi, ok := t.hexDigits(4)
	if !ok {
		return 0, t.errAt(start, "illegal unicode escape: write \\u and four hex digits")
	}
	if hi >= 0xD800 && hi <= 0xDBFF && strings.HasPrefix(t.src[t.pos:], `\u`) {
		save := t.pos
		t.pos += 2
		if lo, ok := t.hexDigits(4); ok && lo >= 0xDC00 && lo <= 0xDFFF {
			return rune(0x10000 + (hi-0xD800)<<10 + (lo - 0xDC00)), nil
		}
		t.pos = save
	}
	return rune(hi), nil
}

func (t *translator) hexDigits(n int) (int, bool) {
	if len(t.src)-t.pos < n {
		return 0, false
	}
	v := 0
	for i := 0; i < n; i++ {
		d := hexVal(t.src[t.pos+i])
		if d < 0 {
			return 0, false
		}
		v = v*16 + d
	}
	t.pos += n
	return v, true
}

func hexVal(c byte) int {
	switch {
	case isDigit(c):
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// netMeta are the characters regexp2 reads as syntax outside a class.
const netMeta = `\*+?|{[()^$.`

// literal writes r to match itself outside a class. xmode is regexp2's
// comment mode, under which whitespace and # must be escaped.
func literal(r rune, kind litKind, xmode bool) string {
	switch {
	case r < utf8.RuneSelf && strings.ContainsRune(netMeta, r):
		return `\` + string(r)
	case xmode && r == '#':
		return `\#`
	case xmode && r == ' ':
		return `\ `
	case xmode && isASCIISpace(r):
		return codeEscape(r)
	case kind == litPunct && r != '<' && r != '\'' && r != '_':
		// regexp2 reads \< and \' as named backreferences, and rejects \_.
		return `\` + string(r)
	case kind == litCode:
		return codeEscape(r)
	}
	return string(r)
}

// classChar writes r to match itself inside a class.
func classChar(r rune, kind litKind) string {
	switch {
	case r == '\\' || r == ']' || r == '[' || r == '-':
		// regexp2 reads "-[" as subtraction and "[:" specially, and Java
		// has no literal brackets inside a class.
		return `\` + string(r)
	case kind == litPunct && r != '_':
		return `\` + string(r)
	case kind == litCode:
		return codeEscape(r)
	}
	return string(r)
}

// codeEscape writes r for an escape in the Java pattern: printable ASCII
// as itself, anything else as a hex escape, which is easier to read than
// the character. Code points above U+FFFF use \x{...}, which regexp2 reads
// as one rune.
func codeEscape(r rune) string {
	switch r {
	case '\t':
		return `\t`
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	case '\f':
		return `\f`
	}
	switch {
	case r < utf8.RuneSelf && strings.ContainsRune(netMeta, r):
		return `\` + string(r)
	case r >= ' ' && r < 0x7F:
		return string(r)
	case r <= 0xFF:
		return fmt.Sprintf(`\x%02X`, r)
	case r <= 0xFFFF:
		return fmt.Sprintf(`\u%04X`, r)
	}
	return fmt.Sprintf(`\x{%X}`, r)
}
