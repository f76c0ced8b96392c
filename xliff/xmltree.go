package xliff

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

const xmlNS = "http://www.w3.org/XML/1998/namespace"

// node is an element of a parsed document. The readers work on a tree
// rather than a stream: XLIFF's rules cross-reference within a unit and
// a file, and a tree keeps each check simple.
type node struct {
	name      xml.Name
	attrs     []xml.Attr
	kids      []kid
	parent    *node
	line, col int
}

// kid is a child of an element: text (CDATA included) or an element.
type kid struct {
	text string
	el   *node
}

// attr returns the value of the attribute without a namespace.
func (n *node) attr(local string) (string, bool) {
	for _, a := range n.attrs {
		if a.Name.Space == "" && a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

func (n *node) get(local string) string {
	v, _ := n.attr(local)
	return v
}

// attrNS returns the value of the attribute in a namespace.
func (n *node) attrNS(space, local string) (string, bool) {
	for _, a := range n.attrs {
		if a.Name.Space == space && a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// elems returns the child elements.
func (n *node) elems() []*node {
	var els []*node
	for _, k := range n.kids {
		if k.el != nil {
			els = append(els, k.el)
		}
	}
	return els
}

// text returns the text directly inside the element.
func (n *node) text() string {
	var b strings.Builder
	for _, k := range n.kids {
		if k.el == nil {
			b.WriteString(k.text)
		}
	}
	return b.String()
}

// deepText returns all the text inside the element, at any depth.
func (n *node) deepText() string {
	var b strings.Builder
	var walk func(*node)
	walk = func(n *node) {
		for _, k := range n.kids {
			if k.el != nil {
				walk(k.el)
			} else {
				b.WriteString(k.text)
			}
		}
	}
	walk(n)
	return b.String()
}

// inherited returns the value of the attribute on the element or its
// nearest ancestor that has it, as xml:lang and xml:space are inherited.
func (n *node) inherited(space, local string) (string, bool) {
	for e := n; e != nil; e = e.parent {
		if v, ok := e.attrNS(space, local); ok {
			return v, true
		}
	}
	return "", false
}

// tag is the element's name as a reader would write it: the prefix-free
// local name, which is what messages show.
func (n *node) tag() string { return "<" + n.name.Local + ">" }

var errTooBig = errors.New("file too big")

// limitReader fails once more than n bytes have been read.
type limitReader struct {
	r io.Reader
	n int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n < 0 {
		return 0, errTooBig
	}
	if int64(len(p)) > l.n+1 {
		p = p[:l.n+1]
	}
	k, err := l.r.Read(p)
	l.n -= int64(k)
	if l.n < 0 {
		return k, errTooBig
	}
	return k, err
}

// errReader fails with its error.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// parser turns a document into a tree, safely: no entities beyond XML's
// five, no DTD processing, bounded size and depth.
type parser struct {
	file       string
	lim        Limits
	badCharset string // an encoding the file declares and Go does not know
}

func (p *parser) errf(line, col int, kind error, format string, args ...any) *Error {
	return &Error{File: p.file, Line: line, Col: col, Kind: kind, Msg: fmt.Sprintf(format, args...)}
}

// parse reads the document and returns its root element.
func (p *parser) parse(r io.Reader) (*node, error) {
	data, err := io.ReadAll(&limitReader{r: r, n: p.lim.MaxBytes})
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

// decode is parse with encoding/xml.
func (p *parser) decode(r io.Reader) (*node, error) {
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
	d := xml.NewDecoder(br)
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
		return enc.NewDecoder().Reader(input), nil
	}

	var root, cur *node
	depth := 0
	closed := false
	var text []byte // the text of cur since its last child element
	flush := func() {
		if len(text) > 0 {
			cur.kids = append(cur.kids, kid{text: string(text)})
			text = text[:0]
		}
	}
	for {
		line, col := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			l, c := d.InputPos()
			var se *xml.SyntaxError
			if errors.As(err, &se) && (strings.Contains(se.Msg, " closed by ") || strings.HasPrefix(se.Msg, "unexpected end element")) {
				l, c = line, col // the start of the end tag that does not match
			}
			return nil, p.xmlError(err, l, c)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if closed {
				return nil, p.errf(line, col, ErrSyntax, "element %s after the end of the root element: a document has one root", "<"+t.Name.Local+">")
			}
			depth++
			if depth > p.lim.MaxDepth {
				return nil, p.errf(line, col, ErrLimit, "elements nest deeper than %d levels (Limits.MaxDepth)", p.lim.MaxDepth)
			}
			flush()
			n := &node{name: t.Name, attrs: t.Attr, parent: cur, line: line, col: col}
			if cur == nil {
				root = n
			} else {
				cur.kids = append(cur.kids, kid{el: n})
			}
			cur = n
		case xml.EndElement:
			flush()
			depth--
			cur = cur.parent
			if cur == nil {
				closed = true
			}
		case xml.CharData:
			if cur == nil {
				if len(bytes.TrimSpace(t)) > 0 {
					return nil, p.errf(line, col, ErrSyntax, "text outside the root element: this is not an XML document")
				}
				continue
			}
			text = append(text, t...) // comments and CDATA sections split text: join it
		case xml.Directive:
			if cur != nil || closed {
				return nil, p.errf(line, col, ErrSyntax, "<!%s> is only allowed before the root element", firstWord(t))
			}
			if bytes.Contains(t, []byte("<!ENTITY")) {
				return nil, p.errf(line, col, ErrDTD, "the DOCTYPE declares entities, which loctool never expands: remove the DOCTYPE")
			}
		}
	}
	if root == nil {
		return nil, p.errf(1, 1, ErrSyntax, "no root element: the file is empty or not XML")
	}
	return root, nil
}

func firstWord(b []byte) string {
	if i := bytes.IndexAny(b, " \t\r\n["); i >= 0 {
		return string(b[:i])
	}
	return string(b)
}

// xmlError turns an error of the XML decoder into an *Error.
func (p *parser) xmlError(err error, line, col int) *Error {
	if errors.Is(err, errTooBig) {
		return p.errf(line, col, ErrLimit, "the file is larger than %d bytes (Limits.MaxBytes)", p.lim.MaxBytes)
	}
	if p.badCharset != "" {
		return p.errf(line, col, ErrSyntax, "unsupported encoding %q: save the file as UTF-8", p.badCharset)
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
		return &Error{File: p.file, Line: line, Col: col, Kind: ErrSyntax, Msg: msg, Err: err}
	}
	msg := err.Error()
	if errors.Is(err, io.ErrUnexpectedEOF) {
		msg = "the file ends in the middle of the XML: it was cut short, perhaps in transfer; ask for the whole file again"
	}
	return &Error{File: p.file, Line: line, Col: col, Kind: ErrSyntax, Msg: msg, Err: err}
}
