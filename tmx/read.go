package tmx

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/loctool/loctool/internal/limitio"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/language"
	"golang.org/x/text/transform"
)

// xmlNS is the namespace of the xml: prefix, as attribute names have it.
const xmlNS = "http://www.w3.org/XML/1998/namespace"

// dateLayout is TMX's date: ISO 8601's basic format, in UTC.
const dateLayout = "20060102T150405Z"

// Read reads a whole TMX document; name is the file's name, for error
// messages. A memory too big to hold is read with [NewReader].
func Read(r io.Reader, name string, opts ReadOptions) (*Memory, error) {
	rd, err := NewReader(r, name, opts)
	if err != nil {
		return nil, err
	}
	m := &Memory{Header: *rd.Header()}
	for {
		u, err := rd.Next()
		if err == io.EOF {
			return m, nil
		}
		if err != nil {
			return nil, err
		}
		m.Units = append(m.Units, u)
	}
}

// Reader reads a TMX document one unit at a time, holding no more of it
// than the unit it reads.
type Reader struct {
	name   string
	lim    Limits
	src    *source
	d      *xml.Decoder
	header Header
	// depth is the nesting of the element being read.
	depth int
	// line and col are where the last token starts.
	line, col int
	// tuid is the tuid of the unit being read, for messages, and unitAt
	// where its start tag is, or the header's.
	tuid   string
	unitAt pos
	tags   map[string]language.Tag // the tags parsed last, by their text
	// transcoded is set for a document in UTF-16, which the decoder
	// reads as UTF-8; badCharset is the encoding it declares that loctool
	// does not read, with why.
	transcoded bool
	badCharset string
	err        error // the first error, which every later call returns
	body, done bool  // <body> has started; it has ended
}

// NewReader starts reading a TMX document: it reads up to the first
// unit, so that [Reader.Header] is known.
func NewReader(r io.Reader, name string, opts ReadOptions) (*Reader, error) {
	lim := opts.Limits.or(DefaultLimits)
	rd := &Reader{name: name, lim: lim, tags: map[string]language.Tag{}}
	br := bufio.NewReader(&limitio.Reader{R: r, N: lim.MaxBytes})
	var in io.Reader = br
	// A byte order mark: skip UTF-8's, decode UTF-16. A document in
	// UTF-16 without one starts with "<" and a zero byte.
	switch head, _ := br.Peek(4); {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}), bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		in = transform.NewReader(br, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder())
		rd.transcoded = true
	case bytes.Equal(head, []byte{0, '<', 0, '?'}):
		in = transform.NewReader(br, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewDecoder())
		rd.transcoded = true
	case bytes.Equal(head, []byte{'<', 0, '?', 0}):
		in = transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder())
		rd.transcoded = true
	}
	rd.src = newSource(in, lim.MaxUnitBytes)
	rd.d = xml.NewDecoder(rd.src)
	rd.d.Strict = true
	rd.d.Entity = nil // only &amp; &lt; &gt; &quot; &apos; and character references
	rd.d.CharsetReader = rd.charset
	if err := rd.start(); err != nil {
		rd.err = err
		return nil, err
	}
	return rd, nil
}

// charset gives the decoder the text of a document in the encoding its
// XML declaration names: UTF-16 (decoded already, from its byte order
// mark), or one of the encodings of the WHATWG Encoding Standard, such
// as ISO-8859-1 or windows-1251.
func (rd *Reader) charset(label string, _ io.Reader) (io.Reader, error) {
	l := strings.ToLower(strings.TrimSpace(label))
	if strings.HasPrefix(l, "utf-16") || strings.HasPrefix(l, "ucs-2") || rd.transcoded {
		// The byte order mark decides, as the XML specification says.
		if !rd.transcoded {
			rd.badCharset = fmt.Sprintf("the XML declaration says encoding=%q, but the file is not UTF-16: save it as UTF-8, or as UTF-16 with a byte order mark", label)
			return nil, errors.New(rd.badCharset)
		}
		return rd.src, nil
	}
	enc, err := htmlindex.Get(l)
	if err != nil {
		rd.badCharset = fmt.Sprintf("the XML declaration says encoding=%q, which loctool does not read: save the file as UTF-8", label)
		return nil, err
	}
	if enc != unicode.UTF8 {
		rd.src.in = bufio.NewReaderSize(enc.NewDecoder().Reader(rd.src.in), 64<<10)
	}
	return rd.src, nil
}

// Header returns the document's header.
func (rd *Reader) Header() *Header { return &rd.header }

// Next returns the next unit, or io.EOF after the last one. Once it
// returns an error, it returns that error again.
func (rd *Reader) Next() (*Unit, error) {
	if rd.err != nil {
		return nil, rd.err
	}
	if rd.done {
		return nil, io.EOF
	}
	u, err := rd.next()
	if err != nil {
		rd.err = err
	}
	return u, err
}

func (rd *Reader) next() (*Unit, error) {
	rd.src.reset(rd.lim.MaxUnitBytes)
	rd.unitAt = pos{}
	for {
		tok, err := rd.token()
		if err != nil {
			return nil, err
		}
		at := rd.pos()
		switch t := tok.(type) {
		case xml.CharData:
			if err := rd.space(t, "<body>"); err != nil {
				return nil, err
			}
		case xml.StartElement:
			switch {
			case t.Name.Space != "":
				if err := rd.skip(); err != nil {
					return nil, err
				}
			case t.Name.Local == "tu":
				rd.unitAt = at
				return rd.unit(t, at)
			default:
				return nil, rd.errf(at, ErrInvalid, "<%s> is not allowed in <body>: expected <tu>", t.Name.Local)
			}
		case xml.EndElement:
			if err := rd.finish(); err != nil {
				return nil, err
			}
			rd.done = true
			return nil, io.EOF
		}
	}
}

// pos is a place in the file.
type pos struct{ line, col int }

func (rd *Reader) pos() pos { return pos{rd.line, rd.col} }

func (rd *Reader) errf(at pos, kind error, format string, args ...any) *Error {
	msg := fmt.Sprintf(format, args...)
	if rd.tuid != "" {
		msg += fmt.Sprintf(" (tu %q)", rd.tuid)
	}
	return &Error{File: rd.name, Line: at.line, Col: at.col, Kind: kind, Msg: msg, TUID: rd.tuid}
}

// token returns the next start tag, end tag or text, skipping comments
// and processing instructions, and keeps to the depth limit.
func (rd *Reader) token() (xml.Token, error) {
	for {
		rd.line, rd.col = rd.src.at(rd.d.InputOffset())
		rd.src.fffd = 0
		tok, err := rd.d.Token()
		if err == io.EOF {
			return nil, err
		}
		if err != nil {
			return nil, rd.tokenError(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if rd.depth++; rd.depth > rd.lim.MaxDepth {
				return nil, rd.errf(rd.pos(), ErrLimit, "elements nest deeper than %d levels (%s)", rd.lim.MaxDepth, rd.lim.Names.MaxDepth)
			}
			n := 0
			for _, a := range t.Attr {
				n += strings.Count(a.Value, "\uFFFD")
			}
			if n > rd.src.fffd {
				return nil, rd.surrogateError()
			}
			return t, nil
		case xml.EndElement:
			rd.depth--
			return t, nil
		case xml.CharData:
			if bytes.Count(t, fffd) > rd.src.fffd {
				return nil, rd.surrogateError()
			}
			return t, nil
		case xml.Directive:
			if rd.depth > 0 {
				return nil, rd.errf(rd.pos(), ErrSyntax, "<!%s> is only allowed before the root element", firstWord(t))
			}
			if bytes.Contains(t, []byte("<!ENTITY")) {
				e := rd.errf(rd.pos(), ErrDTD, "the DOCTYPE declares entities, which loctool never expands")
				e.Hint = "remove the DOCTYPE's internal subset, the part in [ ]"
				return nil, e
			}
		}
	}
}

var fffd = []byte("\uFFFD")

// surrogateError refuses a character reference to half a UTF-16
// surrogate pair (&#xD800;), which is no character: the decoder makes
// U+FFFD of it, and a token that holds more U+FFFD than its bytes do
// has one.
func (rd *Reader) surrogateError() error {
	e := rd.errf(rd.pos(), ErrSyntax, "a character reference to half a UTF-16 surrogate pair (U+D800 to U+DFFF), which is no character")
	e.Hint = "the tool that wrote the file split a character in two; ask for the file again"
	return e
}

func firstWord(b []byte) string {
	if i := bytes.IndexAny(b, " \t\r\n["); i >= 0 {
		return string(b[:i])
	}
	return string(b)
}

// tokenError turns an error of the decoder, or of the source under it,
// into an *Error at its place.
func (rd *Reader) tokenError(err error) error {
	at := rd.pos()
	here := pos{}
	here.line, here.col = rd.src.at(rd.d.InputOffset())
	se := rd.src.err // the source's error comes first, whatever the decoder makes of it
	if se != nil || errors.As(err, &se) {
		e := rd.errf(pos{se.line, se.col}, se.kind, "%s", se.msg)
		e.Hint = se.hint
		return e
	}
	if errors.Is(err, errUnitTooBig) {
		what := "the header"
		if rd.body {
			what = "a <tu>"
		}
		if rd.unitAt.line > 0 {
			at = rd.unitAt
		}
		e := rd.errf(at, ErrLimit, "%s, with the white space and comments before it, is larger than %d bytes (%s)", what, rd.lim.MaxUnitBytes, rd.lim.Names.MaxUnitBytes)
		e.Hint = "a unit of a translation memory is a sentence or a paragraph: the file is damaged, or not a translation memory"
		return e
	}
	if errors.Is(err, limitio.ErrTooBig) {
		// At the first byte past the limit, the last the decoder read.
		return rd.errf(pos{rd.src.pline, rd.src.pcol}, ErrLimit, "the file is larger than %d bytes (%s)", rd.lim.MaxBytes, rd.lim.Names.MaxBytes)
	}
	if rd.badCharset != "" {
		return rd.errf(at, ErrEncoding, "%s", rd.badCharset)
	}
	var xe *xml.SyntaxError
	if errors.As(err, &xe) {
		msg := xe.Msg
		switch {
		case msg == "unexpected EOF":
			msg = "the file ends in the middle of the XML: it was cut short, perhaps in transfer; ask for the whole file again"
		case strings.HasPrefix(msg, "invalid character entity &") && !strings.HasPrefix(msg, "invalid character entity &#"):
			ref := strings.TrimPrefix(msg, "invalid character entity ")
			if strings.HasSuffix(ref, ";") && here.col > utf8.RuneCountInString(ref) {
				here.col -= utf8.RuneCountInString(ref) // the decoder is past it
			}
			msg = "undefined entity " + ref + ": only &amp; &lt; &gt; &quot; &apos; and character references are allowed"
		case strings.Contains(msg, " closed by ") || strings.HasPrefix(msg, "unexpected end element"):
			here = at // the end tag that does not match
		case strings.HasPrefix(msg, "illegal character code U+"):
			// A character reference to a character XML cannot hold: the
			// decoder finds it at the end of its text.
			here = at
			msg = "a character reference to " + strings.TrimPrefix(msg, "illegal character code ") + ", which XML cannot hold"
		}
		e := rd.errf(here, ErrSyntax, "%s", msg)
		e.Err = err
		return e
	}
	msg := err.Error()
	if errors.Is(err, io.ErrUnexpectedEOF) {
		msg = "the file ends in the middle of the XML: it was cut short, perhaps in transfer; ask for the whole file again"
	}
	e := rd.errf(here, ErrSyntax, "%s", msg)
	e.Err = err
	return e
}

// space refuses text that is not white space where TMX has only
// elements.
func (rd *Reader) space(t xml.CharData, in string) error {
	if s := bytes.TrimSpace(t); len(s) > 0 {
		// The place of the text, not of the white space before it.
		at := rd.pos()
		lead := t[:bytes.Index(t, s)]
		if n := bytes.Count(lead, []byte("\n")); n > 0 {
			at = pos{at.line + n, utf8.RuneCount(lead[bytes.LastIndexByte(lead, '\n')+1:]) + 1}
		} else {
			at.col += utf8.RuneCount(lead)
		}
		if len(s) > 40 {
			s = append(bytes.Clone(s[:40]), "…"...)
		}
		return rd.errf(at, ErrInvalid, "text %q in %s: only elements go there", s, in)
	}
	return nil
}

// skip reads past the element just started, for an element of another
// namespace: an extension TMX does not define.
func (rd *Reader) skip() error {
	for depth := 1; depth > 0; {
		tok, err := rd.token()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// start reads the prolog, the <tmx> start tag and the header, up to the
// start of <body>.
func (rd *Reader) start() error {
	rd.src.reset(rd.lim.MaxUnitBytes)
	var root xml.StartElement
	for {
		tok, err := rd.token()
		if err != nil {
			if err == io.EOF {
				return rd.errf(pos{1, 1}, ErrSyntax, "no root element: the file is empty or not XML")
			}
			return err
		}
		if t, ok := tok.(xml.CharData); ok {
			if len(bytes.TrimSpace(t)) > 0 {
				return rd.errf(rd.pos(), ErrSyntax, "text before the root element: this is not an XML document")
			}
			continue
		}
		root = tok.(xml.StartElement)
		break
	}
	at := rd.pos()
	if root.Name.Local != "tmx" || root.Name.Space != "" {
		return rd.errf(at, ErrInvalid, "the root element is <%s>, not <tmx>: this is not a TMX file", root.Name.Local)
	}
	if v, ok := attr(root, "version"); ok && !strings.HasPrefix(v, "1.") {
		e := rd.errf(at, ErrVersion, "TMX version %q is not supported: loctool reads TMX 1.1 to 1.4b", v)
		e.Hint = "export the memory as TMX 1.4 from the tool that wrote it"
		return e
	}
	header := false
	for {
		tok, err := rd.token()
		if err != nil {
			return err
		}
		at := rd.pos()
		switch t := tok.(type) {
		case xml.CharData:
			if err := rd.space(t, "<tmx>"); err != nil {
				return err
			}
		case xml.EndElement:
			return rd.errf(at, ErrInvalid, "<tmx> has no <body>")
		case xml.StartElement:
			switch {
			case t.Name.Space != "":
				if err := rd.skip(); err != nil {
					return err
				}
			case t.Name.Local == "header" && !header:
				rd.unitAt = at
				if err := rd.readHeader(t, at); err != nil {
					return err
				}
				header = true
			case t.Name.Local == "body" && header:
				rd.body = true
				return nil
			case t.Name.Local == "body":
				e := rd.errf(at, ErrInvalid, "<body> before <header>")
				e.Hint = "a TMX file starts with its <header>, which names the language of the sources"
				return e
			default:
				return rd.errf(at, ErrInvalid, "<%s> is not allowed in <tmx>: expected <header>, then <body>", t.Name.Local)
			}
		}
	}
}

// finish reads what follows </body>: the end of <tmx>, then comments
// and white space to the end of the file.
func (rd *Reader) finish() error {
	closed := false
	for {
		tok, err := rd.token()
		if err == io.EOF && closed {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 && closed {
				return rd.errf(rd.pos(), ErrSyntax, "text after the end of the root element")
			}
			if err := rd.space(t, "<tmx>"); err != nil {
				return err
			}
		case xml.EndElement:
			closed = true
		case xml.StartElement:
			if closed {
				return rd.errf(rd.pos(), ErrSyntax, "element <%s> after the end of the root element: a document has one root", t.Name.Local)
			}
			return rd.errf(rd.pos(), ErrInvalid, "<%s> after <body>: <tmx> holds a <header> and a <body>", t.Name.Local)
		}
	}
}

// attr returns the value of the attribute without a namespace.
func attr(t xml.StartElement, local string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Space == "" && a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

func get(t xml.StartElement, local string) string {
	v, _ := attr(t, local)
	return v
}

// langAttr returns an element's xml:lang, or TMX 1.1's lang.
func langAttr(t xml.StartElement) (string, string, bool) {
	for _, a := range t.Attr {
		if a.Name.Space == xmlNS && a.Name.Local == "lang" {
			return "xml:lang", a.Value, true
		}
	}
	v, ok := attr(t, "lang")
	return "lang", v, ok
}

// lang parses a language tag. The tags parsed last are kept: a memory
// has a few languages, and parsing takes longer than the rest of a
// variant.
func (rd *Reader) lang(at pos, name, v string) (language.Tag, error) {
	if tag, ok := rd.tags[v]; ok {
		return tag, nil
	}
	tag, err := language.Parse(v)
	if err == nil {
		if len(rd.tags) >= 64 {
			clear(rd.tags)
		}
		rd.tags[v] = tag
	}
	if err != nil {
		e := rd.errf(at, ErrLanguage, "%s=%q is not a well-formed BCP 47 language tag", name, v)
		e.Hint = "write a tag such as en, en-GB or sr-Latn"
		return language.Und, e
	}
	return tag, nil
}

// optLang parses an element's language, if it has one.
func (rd *Reader) optLang(t xml.StartElement, at pos) (language.Tag, error) {
	name, v, ok := langAttr(t)
	if !ok {
		return language.Und, nil
	}
	return rd.lang(at, name, v)
}

// attrs reads the attributes header, tu and tuv share.
func (rd *Reader) attrs(t xml.StartElement, at pos, a *Attrs) error {
	a.CreationTool = get(t, "creationtool")
	a.CreationToolVersion = get(t, "creationtoolversion")
	a.CreationID = get(t, "creationid")
	a.ChangeID = get(t, "changeid")
	a.DataType = get(t, "datatype")
	a.OTMF = get(t, "o-tmf")
	var err error
	if a.CreationDate, err = rd.date(t, at, "creationdate"); err != nil {
		return err
	}
	a.ChangeDate, err = rd.date(t, at, "changedate")
	return err
}

// usage reads usagecount and lastusagedate.
func (rd *Reader) usage(t xml.StartElement, at pos, u *Usage) error {
	if v, ok := attr(t, "usagecount"); ok {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 0 {
			return rd.errf(at, ErrInvalid, "usagecount=%q is not a count: expected a whole number, such as 3", v)
		}
		u.UsageCount = n
	}
	var err error
	u.LastUsageDate, err = rd.date(t, at, "lastusagedate")
	return err
}

// date reads a date attribute, in TMX's form 20020523T091200Z.
func (rd *Reader) date(t xml.StartElement, at pos, name string) (time.Time, error) {
	v, ok := attr(t, name)
	if !ok {
		return time.Time{}, nil
	}
	d, err := time.Parse(dateLayout, strings.TrimSpace(v))
	if err != nil {
		e := rd.errf(at, ErrInvalid, "%s=%q is not a TMX date", name, v)
		e.Hint = "TMX writes a date in UTC as YYYYMMDDThhmmssZ, such as 20020523T091200Z"
		return time.Time{}, e
	}
	return d, nil
}

// segtypes are the values of segtype.
var segtypes = map[string]bool{"block": true, "paragraph": true, "sentence": true, "phrase": true}

func (rd *Reader) segtype(t xml.StartElement, at pos) (string, error) {
	v, ok := attr(t, "segtype")
	if ok && !segtypes[v] {
		return "", rd.errf(at, ErrInvalid, "segtype=%q: expected block, paragraph, sentence or phrase", v)
	}
	return v, nil
}

// srclang reads srclang: a tag, or "*all*".
func (rd *Reader) srclang(t xml.StartElement, at pos) (language.Tag, bool, error) {
	v, ok := attr(t, "srclang")
	if !ok {
		return language.Und, false, nil
	}
	if v == "*all*" {
		return language.Und, true, nil
	}
	tag, err := rd.lang(at, "srclang", v)
	return tag, false, err
}

func (rd *Reader) readHeader(t xml.StartElement, at pos) error {
	h := &rd.header
	if err := rd.attrs(t, at, &h.Attrs); err != nil {
		return err
	}
	var err error
	if h.SegType, err = rd.segtype(t, at); err != nil {
		return err
	}
	if _, ok := attr(t, "srclang"); !ok {
		e := rd.errf(at, ErrLanguage, "<header> has no srclang attribute")
		e.Hint = "srclang names the language of the sources, such as en-GB, or *all* when any variant can serve as the source"
		return e
	}
	if h.SrcLang, h.AllSources, err = rd.srclang(t, at); err != nil {
		return err
	}
	if v, ok := attr(t, "adminlang"); ok {
		if h.AdminLang, err = rd.lang(at, "adminlang", v); err != nil {
			return err
		}
	}
	return rd.children(t, "<header>", func(c xml.StartElement, at pos) error {
		switch c.Name.Local {
		case "note":
			n, err := rd.note(c, at)
			h.Notes = append(h.Notes, n)
			return err
		case "prop":
			p, err := rd.prop(c, at)
			h.Props = append(h.Props, p)
			return err
		case "ude":
			// User-defined encodings map the characters of an encoding
			// that is not Unicode: text read here is Unicode already.
			return rd.skip()
		}
		return rd.errf(at, ErrInvalid, "<%s> is not allowed in <header>: expected <note>, <prop> or <ude>", c.Name.Local)
	})
}

// children reads the child elements of an element that holds elements
// only, up to its end tag, calling each for each child without a
// namespace; elements of other namespaces are skipped.
func (rd *Reader) children(t xml.StartElement, in string, each func(xml.StartElement, pos) error) error {
	for {
		tok, err := rd.token()
		if err != nil {
			return err
		}
		switch c := tok.(type) {
		case xml.CharData:
			if err := rd.space(c, in); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if c.Name.Space != "" {
				if err := rd.skip(); err != nil {
					return err
				}
				continue
			}
			if err := each(c, rd.pos()); err != nil {
				return err
			}
		}
	}
}

// text reads the text of an element that holds text only.
func (rd *Reader) text(t xml.StartElement) (string, error) {
	var b strings.Builder
	for {
		tok, err := rd.token()
		if err != nil {
			return "", err
		}
		switch c := tok.(type) {
		case xml.CharData:
			b.Write(c)
		case xml.EndElement:
			return b.String(), nil
		case xml.StartElement:
			return "", rd.errf(rd.pos(), ErrInvalid, "<%s> is not allowed in <%s>, which holds text only", c.Name.Local, t.Name.Local)
		}
	}
}

func (rd *Reader) note(t xml.StartElement, at pos) (Note, error) {
	lang, err := rd.optLang(t, at)
	if err != nil {
		return Note{}, err
	}
	text, err := rd.text(t)
	return Note{Lang: lang, Text: text}, err
}

// prop reads a <prop>. One without a type, which Trados writes in the
// header (type2="RTFFontTable"), is kept with an empty one.
func (rd *Reader) prop(t xml.StartElement, at pos) (Prop, error) {
	lang, err := rd.optLang(t, at)
	if err != nil {
		return Prop{}, err
	}
	text, err := rd.text(t)
	return Prop{Type: get(t, "type"), Lang: lang, Text: text}, err
}

func (rd *Reader) unit(t xml.StartElement, at pos) (*Unit, error) {
	u := &Unit{TUID: get(t, "tuid"), Line: at.line, Col: at.col}
	rd.tuid = u.TUID
	defer func() { rd.tuid = "" }()
	if err := rd.attrs(t, at, &u.Attrs); err != nil {
		return nil, err
	}
	if err := rd.usage(t, at, &u.Usage); err != nil {
		return nil, err
	}
	var err error
	if u.SegType, err = rd.segtype(t, at); err != nil {
		return nil, err
	}
	if u.SrcLang, u.AllSources, err = rd.srclang(t, at); err != nil {
		return nil, err
	}
	err = rd.children(t, "<tu>", func(c xml.StartElement, at pos) error {
		switch c.Name.Local {
		case "note":
			n, err := rd.note(c, at)
			u.Notes = append(u.Notes, n)
			return err
		case "prop":
			p, err := rd.prop(c, at)
			u.Props = append(u.Props, p)
			return err
		case "tuv":
			v, err := rd.variant(c, at)
			u.Variants = append(u.Variants, v)
			return err
		}
		return rd.errf(at, ErrInvalid, "<%s> is not allowed in <tu>: expected <note>, <prop> or <tuv>", c.Name.Local)
	})
	if err != nil {
		return nil, err
	}
	if len(u.Variants) == 0 {
		return nil, rd.errf(at, ErrInvalid, "<tu> has no <tuv>: a unit holds its text in one language at least")
	}
	return u, nil
}

func (rd *Reader) variant(t xml.StartElement, at pos) (*Variant, error) {
	v := &Variant{Line: at.line, Col: at.col}
	name, value, ok := langAttr(t)
	if !ok {
		e := rd.errf(at, ErrLanguage, "<tuv> has no xml:lang attribute")
		e.Hint = "xml:lang names the language of the variant's text, such as en-GB"
		return nil, e
	}
	var err error
	if v.Lang, err = rd.lang(at, name, value); err != nil {
		return nil, err
	}
	if err := rd.attrs(t, at, &v.Attrs); err != nil {
		return nil, err
	}
	if err := rd.usage(t, at, &v.Usage); err != nil {
		return nil, err
	}
	seg := false
	err = rd.children(t, "<tuv>", func(c xml.StartElement, at pos) error {
		switch c.Name.Local {
		case "note":
			n, err := rd.note(c, at)
			v.Notes = append(v.Notes, n)
			return err
		case "prop":
			p, err := rd.prop(c, at)
			v.Props = append(v.Props, p)
			return err
		case "seg":
			if seg {
				return rd.errf(at, ErrInvalid, "a second <seg> in <tuv>: a variant holds one")
			}
			seg = true
			var err error
			v.Seg, err = rd.seg()
			return err
		}
		return rd.errf(at, ErrInvalid, "<%s> is not allowed in <tuv>: expected <note>, <prop> or <seg>", c.Name.Local)
	})
	if err != nil {
		return nil, err
	}
	if !seg {
		return nil, rd.errf(at, ErrInvalid, "<tuv xml:lang=%q> has no <seg>", value)
	}
	return v, nil
}

// validText reports whether s is UTF-8 with only characters XML allows.
func validText(s string) bool {
	for _, r := range s {
		if !isXMLChar(r) {
			return false
		}
	}
	return utf8.ValidString(s)
}

// isXMLChar reports whether r may appear in an XML 1.0 document.
func isXMLChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || 0x20 <= r && r <= 0xD7FF ||
		0xE000 <= r && r <= 0xFFFD || 0x10000 <= r && r <= 0x10FFFF
}
