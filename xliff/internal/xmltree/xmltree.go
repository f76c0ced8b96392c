// Package xmltree parses an XML document into a tree of elements and
// text, safely: no entities beyond XML's five and character references,
// no DTD is ever read, and the size and nesting of a document are
// bounded. The XLIFF readers work on the tree rather than a stream:
// XLIFF's rules cross-reference within a unit and a file, and a tree
// keeps each check simple.
//
// [Parse] reads the documents loctool and translators' tools write
// (UTF-8, no DOCTYPE) with a parser of its own, several times faster
// than encoding/xml, and leaves everything else, and every error, to
// encoding/xml in strict mode, which also decodes UTF-16 and the
// encodings of the WHATWG list. Both give the same tree.
package xmltree

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/loctool/loctool/internal/limitio"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// XMLNS is the namespace of the xml: prefix, as attribute names have it.
const XMLNS = "http://www.w3.org/XML/1998/namespace"

// Node is an element of a parsed document.
type Node struct {
	Name   xml.Name
	Attrs  []xml.Attr
	Kids   []Kid
	Parent *Node
	// Line and Col are where its start tag begins: 1-based, the column
	// counted in characters (Unicode code points) from the start of the
	// line, of the document's text once decoded.
	Line, Col int
}

// Kid is a child of an element: text (CDATA included) or an element.
type Kid struct {
	Text string
	El   *Node
}

// Attr returns the value of the attribute without a namespace.
func (n *Node) Attr(local string) (string, bool) {
	for _, a := range n.Attrs {
		if a.Name.Space == "" && a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// Get returns the value of the attribute without a namespace, or "".
func (n *Node) Get(local string) string {
	v, _ := n.Attr(local)
	return v
}

// AttrNS returns the value of the attribute in a namespace.
func (n *Node) AttrNS(space, local string) (string, bool) {
	for _, a := range n.Attrs {
		if a.Name.Space == space && a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// Elems returns the child elements.
func (n *Node) Elems() []*Node {
	var els []*Node
	for _, k := range n.Kids {
		if k.El != nil {
			els = append(els, k.El)
		}
	}
	return els
}

// Text returns the text directly inside the element.
func (n *Node) Text() string {
	var b strings.Builder
	for _, k := range n.Kids {
		if k.El == nil {
			b.WriteString(k.Text)
		}
	}
	return b.String()
}

// DeepText returns all the text inside the element, at any depth.
func (n *Node) DeepText() string {
	var b strings.Builder
	var walk func(*Node)
	walk = func(n *Node) {
		for _, k := range n.Kids {
			if k.El != nil {
				walk(k.El)
			} else {
				b.WriteString(k.Text)
			}
		}
	}
	walk(n)
	return b.String()
}

// Inherited returns the value of the attribute on the element or its
// nearest ancestor that has it, as xml:lang and xml:space are inherited.
func (n *Node) Inherited(space, local string) (string, bool) {
	for e := n; e != nil; e = e.Parent {
		if v, ok := e.AttrNS(space, local); ok {
			return v, true
		}
	}
	return "", false
}

// Tag is the element's name as a reader would write it: the prefix-free
// local name, which is what messages show.
func (n *Node) Tag() string { return "<" + n.Name.Local + ">" }

// Options bound what [Parse] accepts, so that a hostile or broken
// document cannot exhaust memory or the stack.
type Options struct {
	// MaxBytes is the largest document read, in bytes, and MaxDepth the
	// deepest nesting of elements.
	MaxBytes int64
	MaxDepth int
	// MaxBytesName and MaxDepthName are what the caller calls the
	// limits, for messages: "(Limits.MaxDepth)".
	MaxBytesName, MaxDepthName string
}

// Kind is what is wrong with a document.
type Kind int

const (
	// Syntax is a document that is not well-formed XML.
	Syntax Kind = iota
	// Limit is a document beyond the [Options]' bounds.
	Limit
	// DTD is a DOCTYPE that declares entities, which are never expanded.
	DTD
)

// Error is a problem in a document, at a position: a 1-based line, and
// a column that counts characters from the start of the line.
type Error struct {
	Line, Col int
	Kind      Kind
	Msg       string
	// Hint says what to do, when the message does not.
	Hint string
	// Err is the underlying error, if any, such as an *xml.SyntaxError.
	Err error
	// In is, for a character the document may not hold (a control
	// character, bytes that are not UTF-8), the innermost element it is
	// in, with its ancestors: a reader can say whose text it is in.
	In *Node
}

func (e *Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

func (e *Error) Unwrap() error { return e.Err }

// errReader fails with its error.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// parser turns a document into a tree.
type parser struct {
	opts       Options
	badCharset string // an encoding the file declares and Go does not know
}

func (p *parser) errf(line, col int, kind Kind, format string, args ...any) *Error {
	return &Error{Line: line, Col: col, Kind: kind, Msg: fmt.Sprintf(format, args...)}
}

// Parse reads a document and returns its root element. Its errors are
// [*Error]s.
func Parse(r io.Reader, opts Options) (*Node, error) {
	p := &parser{opts: opts}
	data, err := readAll(r, opts.MaxBytes)
	if err == nil {
		if root, ok := p.parseFast(bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})); ok {
			return root, nil
		}
	}
	// Anything parseFast leaves, and every error, is the decoder's.
	r = bytes.NewReader(data)
	if err != nil {
		r = io.MultiReader(r, errReader{err})
	}
	return p.decode(r)
}

// readAll reads r to its end, failing past max bytes. A reader that
// says how much it holds (a bytes.Reader) is read into a buffer of that
// size, rather than one grown again and again: a handoff file is read
// whole, and copied once.
func readAll(r io.Reader, max int64) ([]byte, error) {
	sized, ok := r.(interface{ Len() int })
	if !ok || int64(sized.Len()) > max {
		return io.ReadAll(&limitio.Reader{R: r, N: max})
	}
	data := make([]byte, sized.Len())
	n, err := io.ReadFull(r, data)
	if err != nil {
		return data[:n], err
	}
	rest, err := io.ReadAll(&limitio.Reader{R: r, N: max - int64(n)})
	return append(data, rest...), err
}

// decode is parse with encoding/xml.
func (p *parser) decode(r io.Reader) (*Node, error) {
	br := bufio.NewReader(r)
	transcoded := false
	// A byte order mark: skip UTF-8's, decode UTF-16.
	if head, _ := br.Peek(3); bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	} else if bytes.HasPrefix(head, []byte{0xFE, 0xFF}) || bytes.HasPrefix(head, []byte{0xFF, 0xFE}) {
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		br = bufio.NewReader(transform.NewReader(br, dec))
		transcoded = true
	}
	cols := &columns{}
	d := xml.NewDecoder(&byteSource{r: br, cols: cols})
	d.Strict = true
	d.Entity = nil // only &amp; &lt; &gt; &quot; &apos; and character references
	d.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		l := strings.ToLower(label)
		if transcoded && strings.HasPrefix(l, "utf-16") {
			return input, nil
		}
		enc, err := htmlindex.Get(l)
		if err != nil {
			p.badCharset = label
			return nil, err
		}
		return &byteSource{r: bufio.NewReader(enc.NewDecoder().Reader(input)), cols: cols}, nil
	}

	var root, cur *Node
	depth := 0
	closed := false
	var text []byte // the text of cur since its last child element
	flush := func() {
		if len(text) > 0 {
			cur.Kids = append(cur.Kids, Kid{Text: string(text)})
			text = text[:0]
		}
	}
	for {
		line, col := cols.pos(d.InputPos())
		cols.tok = cols.tok[:0]
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			l, c := cols.pos(d.InputPos())
			var se *xml.SyntaxError
			if errors.As(err, &se) && (strings.Contains(se.Msg, " closed by ") || strings.HasPrefix(se.Msg, "unexpected end element")) {
				l, c = line, col // the start of the end tag that does not match
			}
			e := p.xmlError(err, l, c)
			if badChar(e.Msg) {
				e.In = cur
				if i := badAt(cols.tok); i >= 0 {
					e.Line, e.Col = advance(line, col, cols.tok[:i]) // the decoder is past it
				}
			}
			return nil, e
		}
		// The decoder makes U+FFFD of a reference to half a surrogate
		// pair, which is no character.
		if i, r := surrogateRef(cols.tok); i >= 0 && replaced(tok) {
			l, c := advance(line, col, cols.tok[:i])
			e := p.errf(l, c, Syntax, "illegal character code U+%04X, half of a UTF-16 surrogate pair", r)
			e.Hint, e.In = "the file is damaged, or not text; ask for it again", cur
			if t, ok := tok.(xml.StartElement); ok {
				e.In = &Node{Name: t.Name, Attrs: t.Attr, Parent: cur, Line: line, Col: col}
			}
			return nil, e
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if closed {
				return nil, p.errf(line, col, Syntax, "element %s after the end of the root element: a document has one root", "<"+t.Name.Local+">")
			}
			depth++
			if depth > p.opts.MaxDepth {
				return nil, p.errf(line, col, Limit, "elements nest deeper than %d levels (%s)", p.opts.MaxDepth, p.opts.MaxDepthName)
			}
			flush()
			n := &Node{Name: t.Name, Attrs: t.Attr, Parent: cur, Line: line, Col: col}
			if cur == nil {
				root = n
			} else {
				cur.Kids = append(cur.Kids, Kid{El: n})
			}
			cur = n
		case xml.EndElement:
			flush()
			depth--
			cur = cur.Parent
			if cur == nil {
				closed = true
			}
		case xml.CharData:
			if cur == nil {
				if len(bytes.TrimSpace(t)) > 0 {
					return nil, p.errf(line, col, Syntax, "text outside the root element: this is not an XML document")
				}
				continue
			}
			text = append(text, t...) // comments and CDATA sections split text: join it
		case xml.Directive:
			if cur != nil || closed {
				return nil, p.errf(line, col, Syntax, "<!%s> is only allowed before the root element", firstWord(t))
			}
			if bytes.Contains(t, []byte("<!ENTITY")) {
				return nil, p.errf(line, col, DTD, "the DOCTYPE declares entities, which loctool never expands: remove the DOCTYPE")
			}
		}
	}
	if root == nil {
		return nil, p.errf(1, 1, Syntax, "no root element: the file is empty or not XML")
	}
	return root, nil
}

// surrogateRef finds in a token's bytes a character reference to half a
// surrogate pair (&#xD800;), and returns where it starts and its value,
// or -1. A CDATA section holds no reference.
func surrogateRef(tok []byte) (int, rune) {
	if bytes.HasPrefix(tok, []byte("<![CDATA[")) {
		return -1, 0
	}
	for i := 0; ; {
		j := bytes.Index(tok[i:], []byte("&#"))
		if j < 0 {
			return -1, 0
		}
		i += j
		ref := tok[i+1:]
		if k := bytes.IndexByte(ref, ';'); k > 0 {
			if r, ok := refRune(string(ref[:k])); ok && 0xD800 <= r && r <= 0xDFFF {
				return i, r
			}
		}
		i += 2
	}
}

// badAt returns where in a token's bytes the first character XML does
// not allow is, as itself or as a reference, or -1.
func badAt(tok []byte) int {
	refs := !bytes.HasPrefix(tok, []byte("<![CDATA["))
	for i := 0; i < len(tok); {
		r, size := utf8.DecodeRune(tok[i:])
		switch {
		case r == utf8.RuneError && size == 1, !isXMLChar(r):
			return i
		case r == '&' && refs && i+1 < len(tok) && tok[i+1] == '#':
			if k := bytes.IndexByte(tok[i+1:], ';'); k > 0 {
				if v, ok := refRune(string(tok[i+1 : i+1+k])); ok && !isXMLChar(v) {
					return i
				}
			}
		}
		i += size
	}
	return -1
}

// isXMLChar reports whether r may appear in an XML 1.0 document.
func isXMLChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || 0x20 <= r && r <= 0xD7FF ||
		0xE000 <= r && r <= 0xFFFD || 0x10000 <= r && r <= 0x10FFFF
}

// refRune reads the value of "#38" or "#x26", whatever character it is.
func refRune(ref string) (rune, bool) {
	base, digits := 10, strings.TrimPrefix(ref, "#")
	if d, ok := strings.CutPrefix(ref, "#x"); ok {
		base, digits = 16, d
	}
	n, err := strconv.ParseUint(digits, base, 32)
	return rune(n), err == nil
}

// replaced reports whether a token's text or attributes hold U+FFFD.
func replaced(tok xml.Token) bool {
	switch t := tok.(type) {
	case xml.CharData:
		return bytes.ContainsRune(t, utf8.RuneError)
	case xml.StartElement:
		for _, a := range t.Attr {
			if strings.ContainsRune(a.Value, utf8.RuneError) {
				return true
			}
		}
	}
	return false
}

// advance returns the place after b, which starts at line and col.
func advance(line, col int, b []byte) (int, int) {
	if n := bytes.Count(b, []byte("\n")); n > 0 {
		return line + n, utf8.RuneCount(b[bytes.LastIndexByte(b, '\n')+1:]) + 1
	}
	return line, col + utf8.RuneCount(b)
}

// byteSource is what the decoder reads: the bytes of the document, or
// of the text its CharsetReader decodes, which columns records as the
// decoder takes them.
type byteSource struct {
	r    *bufio.Reader
	cols *columns
}

func (s *byteSource) ReadByte() (byte, error) {
	b, err := s.r.ReadByte()
	if err == nil {
		s.cols.add(b)
	}
	return b, err
}

// Read is for a CharsetReader, which decodes what it reads: the bytes
// it takes are not the decoder's.
func (s *byteSource) Read(p []byte) (int, error) { return s.r.Read(p) }

// columns turns the decoder's positions, whose columns count bytes, into
// columns that count characters. It keeps the line the decoder is on,
// and the one before: the decoder may step back over a line break.
type columns struct {
	line        int
	cur, prev   []byte
	at, counted int    // cur[:at] holds counted characters: positions come in order
	tok         []byte // the bytes of the token being read
}

func (c *columns) add(b byte) {
	c.tok = append(c.tok, b)
	if b == '\n' {
		c.line++
		c.prev, c.cur, c.at, c.counted = c.cur, c.prev[:0], 0, 0
		return
	}
	c.cur = append(c.cur, b)
}

// pos converts the decoder's 1-based line and byte column. The decoder
// can give a column below 1, after it steps back over a line break: that
// is left as it is.
func (c *columns) pos(line, col int) (int, int) {
	n := col - 1
	switch {
	case n < 0:
	case line == c.line+1 && n <= len(c.cur):
		if n < c.at {
			c.at, c.counted = 0, 0
		}
		c.counted += utf8.RuneCount(c.cur[c.at:n])
		c.at = n
		return line, c.counted + 1
	case line == c.line && n <= len(c.prev):
		return line, utf8.RuneCount(c.prev[:n]) + 1
	}
	return line, col
}

func firstWord(b []byte) string {
	if i := bytes.IndexAny(b, " \t\r\n["); i >= 0 {
		return string(b[:i])
	}
	return string(b)
}

// syntaxHints say what to do about the decoder's errors that a
// translator's file has when it is not text, or not UTF-8.
var syntaxHints = map[string]string{
	"illegal character code U+0000": "XML has no NUL characters: the file is damaged, or not text; ask for it again",
	"invalid UTF-8":                 "the file is not UTF-8 text: an editor may have saved it in another encoding; save it as UTF-8, or ask for it again",
}

// badChar reports whether the decoder's message is of a character the
// document may not hold: a control character, written as itself or as a
// reference, or bytes that are not UTF-8.
func badChar(msg string) bool {
	return strings.HasPrefix(msg, "illegal character code U+") || msg == "invalid UTF-8"
}

// xmlError turns an error of the XML decoder into an *Error.
func (p *parser) xmlError(err error, line, col int) *Error {
	if errors.Is(err, limitio.ErrTooBig) {
		return p.errf(line, col, Limit, "the file is larger than %d bytes (%s)", p.opts.MaxBytes, p.opts.MaxBytesName)
	}
	if p.badCharset != "" {
		return p.errf(line, col, Syntax, "unsupported encoding %q: save the file as UTF-8", p.badCharset)
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		msg := se.Msg
		if msg == "unexpected EOF" {
			msg = "the file ends in the middle of the XML: it was cut short, perhaps in transfer; ask for the whole file again"
		}
		if strings.HasPrefix(msg, "invalid character entity &") && !strings.HasPrefix(msg, "invalid character entity &#") {
			msg = "undefined entity " + strings.TrimPrefix(msg, "invalid character entity ") +
				": only &amp; &lt; &gt; &quot; &apos; and character references are allowed"
		}
		if se.Line > line {
			line, col = se.Line, 1
		}
		hint, ok := syntaxHints[se.Msg]
		if !ok && badChar(se.Msg) {
			hint = "XML cannot hold control characters: remove it, or ask for the file again if it is damaged"
		}
		return &Error{Line: line, Col: col, Kind: Syntax, Msg: msg, Hint: hint, Err: err}
	}
	msg := err.Error()
	if errors.Is(err, io.ErrUnexpectedEOF) {
		msg = "the file ends in the middle of the XML: it was cut short, perhaps in transfer; ask for the whole file again"
	}
	return &Error{Line: line, Col: col, Kind: Syntax, Msg: msg, Err: err}
}
