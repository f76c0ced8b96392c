package xmltree

import (
	"encoding/xml"
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// parseFast builds the tree of a document the way decode does with
// encoding/xml, several times faster, for the documents loctool and
// translators' tools write: UTF-8, no DOCTYPE,
// no processing instruction but the XML declaration, ASCII names. It
// reports false for anything else, and for any error, so that the
// decoder reads the document again and reports what it finds in its own
// words: for a document it accepts, parseFast returns the same tree as
// the decoder would.
func (p *parser) parseFast(data []byte) (*Node, bool) {
	if !plainXML(data) {
		return nil, false
	}
	// The tree keeps copies of what it takes from s (see fastParser),
	// and Parse's data, read for it, is not changed: s need not be a
	// copy of data.
	f := fastParser{s: unsafe.String(unsafe.SliceData(data), len(data)), line: 1, ns: map[string]string{}, names: map[string]string{}}
	return f.parse(p.opts.MaxDepth)
}

// plainXML reports whether data is valid UTF-8 with only characters
// that XML allows.
func plainXML(data []byte) bool {
	for i := 0; i < len(data); i++ {
		switch c := data[i]; {
		case c >= 0x20 && c < 0x80:
		case c == '\n' || c == '\t' || c == '\r':
		case c < 0x20:
			return false
		default:
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 || r == 0xFFFE || r == 0xFFFF {
				return false
			}
			i += size - 1
		}
	}
	return true
}

type fastParser struct {
	s string
	i int
	// line is the line of s[i], and lineStart the offset where it starts.
	line, lineStart int
	// s[lineStart:colAt] holds colChars characters: the columns of the
	// elements of a line are counted on from the one before.
	colAt, colChars int
	// ns maps each prefix in scope, "" for the default, to its namespace.
	ns map[string]string
	// undo restores ns at the end of each open element.
	undo  []nsUndo
	stack []openElement
	// kids are the children of the open elements, in order: each gets
	// its own when it closes.
	kids     []Kid
	nodes    []Node
	kidSlab  slab[Kid]
	attrSlab slab[xml.Attr]
	attrBuf  []xml.Attr
	// names holds a copy of each name, and the tree holds copies of text
	// and values, not parts of s: what a reader keeps of a document must
	// not keep all of it in memory.
	names map[string]string
}

// name returns a copy of s, one for every s.
func (f *fastParser) name(s string) string {
	if n, ok := f.names[s]; ok {
		return n
	}
	n := strings.Clone(s)
	f.names[n] = n
	return n
}

type nsUndo struct {
	prefix, space string
	had           bool
}

type openElement struct {
	raw  string // the name as the document spells it
	undo int    // len(undo) when the element opened
	kids int    // len(kids) when the element opened
	n    *Node
}

// slab hands out slices of large arrays: a tree takes a few allocations,
// not one for each node, child list and attribute list.
type slab[T any] struct{ free []T }

// take returns a copy of items, or nil for none.
func (s *slab[T]) take(items []T) []T {
	if len(items) == 0 {
		return nil
	}
	if cap(s.free)-len(s.free) < len(items) {
		s.free = make([]T, 0, max(256, len(items)))
	}
	i := len(s.free)
	s.free = append(s.free, items...)
	return s.free[i:len(s.free):len(s.free)]
}

// newNode returns a new, empty node.
func (f *fastParser) newNode() *Node {
	if len(f.nodes) == cap(f.nodes) {
		f.nodes = make([]Node, 0, 128)
	}
	f.nodes = f.nodes[:len(f.nodes)+1]
	return &f.nodes[len(f.nodes)-1]
}

// advance moves to s[to], counting lines on the way.
func (f *fastParser) advance(to int) {
	for {
		k := strings.IndexByte(f.s[f.i:to], '\n')
		if k < 0 {
			break
		}
		f.line++
		f.i += k + 1
		f.lineStart = f.i
	}
	f.i = to
}

// column is the 1-based column of s[i], in characters.
func (f *fastParser) column() int {
	if f.colAt < f.lineStart {
		f.colAt, f.colChars = f.lineStart, 0
	}
	f.colChars += chars(f.s[f.colAt:f.i])
	f.colAt = f.i
	return f.colChars + 1
}

// chars counts the characters of valid UTF-8 text: its bytes but the
// continuation bytes (10xxxxxx), eight bytes at a time. It is three
// times as fast as utf8.RuneCountInString, which matters here: the
// columns of a line's elements take a count of all its text.
func chars(s string) int {
	n := len(s)
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// A continuation byte has its high bit set and the next one clear.
		n -= bits.OnesCount64(w &^ (w << 1) & 0x8080808080808080)
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			n--
		}
	}
	return n
}

func (f *fastParser) parse(maxDepth int) (*Node, bool) {
	var root *Node
	closed := false
	var text strings.Builder
	pieces := 0 // pieces of text in text, the first one possibly in first
	var first string
	addText := func(s string) {
		switch pieces {
		case 0:
			first = s
		case 1:
			text.Reset()
			text.WriteString(first)
			text.WriteString(s)
		default:
			text.WriteString(s)
		}
		pieces++
	}
	flush := func(cur *Node) {
		switch {
		case pieces == 1 && first != "":
			f.kids = append(f.kids, Kid{Text: strings.Clone(first)})
		case pieces > 1 && text.Len() > 0:
			f.kids = append(f.kids, Kid{Text: text.String()})
		}
		pieces, first = 0, ""
	}
	current := func() *Node {
		if len(f.stack) == 0 {
			return nil
		}
		return f.stack[len(f.stack)-1].n
	}

	if strings.HasPrefix(f.s, "<?xml") {
		if !f.declaration() {
			return nil, false
		}
	}
	for f.i < len(f.s) {
		if f.s[f.i] != '<' {
			// Text, up to the next markup.
			end := strings.IndexByte(f.s[f.i:], '<')
			if end < 0 {
				end = len(f.s)
			} else {
				end += f.i
			}
			raw := f.s[f.i:end]
			if strings.Contains(raw, "]]>") {
				return nil, false
			}
			cur := current()
			if cur == nil {
				if strings.TrimLeft(raw, " \t\n\r") != "" {
					return nil, false
				}
				f.advance(end)
				continue
			}
			t, ok := unescape(raw)
			if !ok {
				return nil, false
			}
			addText(t)
			f.advance(end)
			continue
		}
		rest := f.s[f.i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			k := strings.Index(rest[4:], "--")
			if k < 0 || 4+k+2 >= len(rest) || rest[4+k+2] != '>' {
				return nil, false
			}
			f.advance(f.i + 4 + k + 3)
		case strings.HasPrefix(rest, "<![CDATA["):
			k := strings.Index(rest[9:], "]]>")
			if k < 0 {
				return nil, false
			}
			if cur := current(); cur == nil {
				return nil, false
			}
			addText(newlines(rest[9 : 9+k]))
			f.advance(f.i + 9 + k + 3)
		case strings.HasPrefix(rest, "</"):
			cur := current()
			if cur == nil {
				return nil, false
			}
			top := f.stack[len(f.stack)-1]
			j := 2 + nameLen(rest[2:])
			if rest[2:j] != top.raw {
				return nil, false
			}
			j = skipSpace(rest, j)
			if j >= len(rest) || rest[j] != '>' {
				return nil, false
			}
			flush(cur)
			f.pop()
			if len(f.stack) == 0 {
				closed = true
			}
			f.advance(f.i + j + 1)
		case len(rest) > 1 && (rest[1] == '!' || rest[1] == '?'):
			return nil, false // a DOCTYPE, or a processing instruction
		default:
			if closed || len(f.stack) >= maxDepth {
				return nil, false
			}
			cur := current()
			if cur != nil {
				flush(cur)
			}
			n, empty, end, ok := f.start(rest)
			if !ok {
				return nil, false
			}
			n.Parent = cur
			if cur == nil {
				root = n
			} else {
				f.kids = append(f.kids, Kid{El: n})
				f.stack[len(f.stack)-1].kids = len(f.kids) // n's own start after it
			}
			if empty {
				f.pop()
				if cur == nil {
					closed = true
				}
			}
			f.advance(f.i + end)
		}
	}
	if root == nil || !closed {
		return nil, false
	}
	return root, true
}

// declaration reads the XML declaration at the start of the document.
func (f *fastParser) declaration() bool {
	if len(f.s) < 6 || !isSpace(f.s[5]) {
		return false
	}
	k := strings.Index(f.s, "?>")
	if k < 0 {
		return false
	}
	content := f.s[skipSpace(f.s, 5):k]
	if v := procInst("version", content); v != "" && v != "1.0" {
		return false
	}
	if enc := procInst("encoding", content); enc != "" && !strings.EqualFold(enc, "utf-8") {
		return false
	}
	f.advance(k + 2)
	return true
}

// start reads the start tag at the beginning of s, and returns its
// element, whether it is empty (<x/>) and the length of the tag. It
// opens the element: its namespaces are in scope until pop.
func (f *fastParser) start(s string) (n *Node, empty bool, end int, ok bool) {
	j := 1 + nameLen(s[1:])
	raw := s[1:j]
	name, ok := f.splitName(raw)
	if !ok {
		return nil, false, 0, false
	}
	n = f.newNode()
	n.Name, n.Line, n.Col = name, f.line, f.column()
	attrs := f.attrBuf[:0]
	for {
		k := skipSpace(s, j)
		if k >= len(s) {
			return nil, false, 0, false
		}
		if s[k] == '>' {
			j = k + 1
			break
		}
		if s[k] == '/' {
			if k+1 >= len(s) || s[k+1] != '>' {
				return nil, false, 0, false
			}
			empty, j = true, k+2
			break
		}
		if k == j {
			return nil, false, 0, false // no space before the attribute
		}
		e := k + nameLen(s[k:])
		aname, ok := f.splitName(s[k:e])
		if !ok {
			return nil, false, 0, false
		}
		e = skipSpace(s, e)
		if e >= len(s) || s[e] != '=' {
			return nil, false, 0, false
		}
		e = skipSpace(s, e+1)
		if e >= len(s) || s[e] != '"' && s[e] != '\'' {
			return nil, false, 0, false
		}
		q := strings.IndexByte(s[e+1:], s[e])
		if q < 0 {
			return nil, false, 0, false
		}
		rawValue := s[e+1 : e+1+q]
		if strings.IndexByte(rawValue, '<') >= 0 {
			return nil, false, 0, false
		}
		value, ok := unescape(rawValue)
		if !ok {
			return nil, false, 0, false
		}
		if value == rawValue {
			value = strings.Clone(value)
		}
		for _, a := range attrs {
			if a.Name == aname {
				return nil, false, 0, false // let the decoder judge
			}
		}
		attrs = append(attrs, xml.Attr{Name: aname, Value: value})
		j = e + 1 + q + 1
	}
	// The element's declarations apply to its own name and attributes.
	f.attrBuf = attrs
	n.Attrs = f.attrSlab.take(attrs)
	if n.Attrs == nil {
		n.Attrs = []xml.Attr{} // as encoding/xml gives
	}
	f.stack = append(f.stack, openElement{raw: raw, undo: len(f.undo), kids: len(f.kids), n: n})
	for _, a := range n.Attrs {
		switch {
		case a.Name.Space == "xmlns":
			f.bind(a.Name.Local, a.Value)
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			f.bind("", a.Value)
		}
	}
	f.translate(&n.Name, true)
	for i := range n.Attrs {
		f.translate(&n.Attrs[i].Name, false)
	}
	return n, empty, j, true
}

func (f *fastParser) bind(prefix, space string) {
	old, had := f.ns[prefix]
	f.undo = append(f.undo, nsUndo{prefix, old, had})
	f.ns[prefix] = space
}

// pop closes the innermost element, and its namespaces go out of scope.
func (f *fastParser) pop() {
	top := f.stack[len(f.stack)-1]
	f.stack = f.stack[:len(f.stack)-1]
	top.n.Kids = f.kidSlab.take(f.kids[top.kids:])
	f.kids = f.kids[:top.kids]
	for len(f.undo) > top.undo {
		u := f.undo[len(f.undo)-1]
		f.undo = f.undo[:len(f.undo)-1]
		if u.had {
			f.ns[u.prefix] = u.space
		} else {
			delete(f.ns, u.prefix)
		}
	}
}

// translate replaces a prefix by its namespace, as encoding/xml does.
func (f *fastParser) translate(n *xml.Name, element bool) {
	switch {
	case n.Space == "xmlns":
		return
	case n.Space == "" && !element:
		return
	case n.Space == "xml":
		n.Space = XMLNS
	case n.Space == "" && n.Local == "xmlns":
		return
	}
	if v, ok := f.ns[n.Space]; ok {
		n.Space = v
	}
}

// nameLen is the length of the name at the start of s: ASCII name
// characters. A name with other characters ends there, and is refused
// by what follows.
func nameLen(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == ':' || c == '.' || c == '-') {
			return i
		}
	}
	return len(s)
}

// splitName splits a prefixed name as encoding/xml does, and checks it
// is a name.
func (f *fastParser) splitName(s string) (xml.Name, bool) {
	if s == "" {
		return xml.Name{}, false
	}
	if c := s[0]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c == ':') {
		return xml.Name{}, false
	}
	if strings.Count(s, ":") > 1 {
		return xml.Name{}, false
	}
	if space, local, ok := strings.Cut(s, ":"); ok && space != "" && local != "" {
		return xml.Name{Space: f.name(space), Local: f.name(local)}, true
	}
	return xml.Name{Local: f.name(s)}, true
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func skipSpace(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

// unescape replaces the references of XML's five entities and character
// references in s, and reports false for any other.
func unescape(s string) (string, bool) {
	s = newlines(s)
	amp := strings.IndexByte(s, '&')
	if amp < 0 {
		return s, true
	}
	var b strings.Builder
	b.Grow(len(s))
	for amp >= 0 {
		b.WriteString(s[:amp])
		s = s[amp:]
		semi := strings.IndexByte(s, ';')
		if semi < 0 {
			return "", false
		}
		switch ref := s[1:semi]; ref {
		case "amp":
			b.WriteByte('&')
		case "lt":
			b.WriteByte('<')
		case "gt":
			b.WriteByte('>')
		case "quot":
			b.WriteByte('"')
		case "apos":
			b.WriteByte('\'')
		default:
			r, ok := charRef(ref)
			if !ok {
				return "", false
			}
			b.WriteRune(r)
		}
		s = s[semi+1:]
		amp = strings.IndexByte(s, '&')
	}
	b.WriteString(s)
	return b.String(), true
}

// newlines turns the line breaks of s, \r\n or \r, into \n, as XML
// requires of text.
func newlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// charRef reads "#38" or "#x26", and reports false for anything else, or
// for a character XML does not allow.
func charRef(ref string) (rune, bool) {
	base, digits := 10, ""
	switch {
	case strings.HasPrefix(ref, "#x"):
		base, digits = 16, ref[2:]
	case strings.HasPrefix(ref, "#"):
		digits = ref[1:]
	default:
		return 0, false
	}
	if digits == "" || len(digits) > 8 {
		return 0, false
	}
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		if !('0' <= c && c <= '9' || base == 16 && ('a' <= c && c <= 'f' || 'A' <= c && c <= 'F')) {
			return 0, false
		}
	}
	n, err := strconv.ParseUint(digits, base, 32)
	if err != nil {
		return 0, false
	}
	r := rune(n)
	if !(r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF) {
		return 0, false
	}
	return r, true
}

// procInst returns the value of a pseudo-attribute of an XML
// declaration, as encoding/xml reads it.
func procInst(param, s string) string {
	param += "="
	i := 0
	var sep byte
	for i < len(s) {
		sub := s[i:]
		k := strings.Index(sub, param)
		if k < 0 || len(param)+k >= len(sub) {
			return ""
		}
		i += len(param) + k + 1
		if c := sub[len(param)+k]; c == '\'' || c == '"' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return ""
	}
	j := strings.IndexByte(s[i:], sep)
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}
