package tmx

import (
	"encoding/xml"
	"strconv"
	"strings"

	"github.com/loctool/loctool/inline"
)

// rawCode is a code of a <seg> as the file writes it, before its ID is
// known.
type rawCode struct {
	elem    string // bpt, ept, it, ph, ut or hi
	i, x    string
	typ     string
	at      pos
	code    *inline.Code
	partner *rawCode // the bpt of an ept, the opening half of a hi's close
}

// segReader gathers the content of a <seg>.
type segReader struct {
	rd    *Reader
	items inline.Content
	codes []*rawCode
}

// seg reads the content of a <seg>, up to its end tag.
func (rd *Reader) seg() (inline.Content, error) {
	s := &segReader{rd: rd}
	if err := s.content("seg"); err != nil {
		return nil, err
	}
	if err := s.pair(); err != nil {
		return nil, err
	}
	s.number()
	return s.items.Normalize(), nil
}

// content reads text and codes up to the end tag of the element in, a
// <seg> or a <hi>.
func (s *segReader) content(in string) error {
	for {
		tok, err := s.rd.token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			s.items = append(s.items, inline.Item{Text: string(t)})
		case xml.EndElement:
			return nil
		case xml.StartElement:
			at := s.rd.pos()
			if t.Name.Space != "" {
				return s.rd.errf(at, ErrInvalid, "<%s:%s> is not allowed in <%s>: a TMX segment holds text, <bpt>, <ept>, <it>, <ph>, <hi> and <ut>", t.Name.Space, t.Name.Local, in)
			}
			if err := s.element(t, at, in); err != nil {
				return err
			}
		}
	}
}

// element reads an inline element of a <seg> or <hi>.
func (s *segReader) element(t xml.StartElement, at pos, in string) error {
	c := &rawCode{elem: t.Name.Local, typ: get(t, "type"), at: at, code: &inline.Code{}}
	c.i, _ = attr(t, "i")
	c.x, _ = attr(t, "x")
	switch c.elem {
	case "bpt", "ept":
		c.code.Kind = map[string]inline.Kind{"bpt": inline.Open, "ept": inline.Close}[c.elem]
		if _, ok := attr(t, "i"); !ok {
			e := s.rd.errf(at, ErrCodes, "<%s> has no i attribute", c.elem)
			e.Hint = "a <bpt> and its <ept> pair by their i, as in <bpt i=\"1\">…</bpt>…<ept i=\"1\">…</ept>"
			return e
		}
	case "it":
		switch p, ok := attr(t, "pos"); {
		case p == "begin":
			c.code.Kind = inline.Open
		case p == "end":
			c.code.Kind = inline.Close
		case !ok:
			return s.rd.errf(at, ErrInvalid, "<it> has no pos attribute: expected pos=\"begin\" (a code that opens here and closes in another segment) or pos=\"end\"")
		default:
			return s.rd.errf(at, ErrInvalid, "<it> has pos=%q: expected begin (a code that opens here and closes in another segment) or end", p)
		}
	case "ph", "ut":
		c.code.Kind = inline.Placeholder
	case "hi":
		// A span of text: a pair of codes with no markup of their own.
		c.code.Kind = inline.Open
		s.codes = append(s.codes, c)
		s.items = append(s.items, inline.Item{Code: c.code})
		if err := s.content("hi"); err != nil {
			return err
		}
		end := &rawCode{elem: "hi", at: at, code: &inline.Code{Kind: inline.Close}, partner: c}
		s.codes = append(s.codes, end)
		s.items = append(s.items, inline.Item{Code: end.code})
		return nil
	case "sub":
		return s.rd.errf(at, ErrInvalid, "<sub> is not allowed in <%s>: it holds text inside the markup of a <bpt>, <ept>, <it>, <ph> or <ut>", in)
	default:
		return s.rd.errf(at, ErrInvalid, "<%s> is not allowed in <%s>: a TMX segment holds text, <bpt>, <ept>, <it>, <ph>, <hi> and <ut>", c.elem, in)
	}
	var b strings.Builder
	if err := s.native(&b, c.elem); err != nil {
		return err
	}
	c.code.Data = b.String()
	s.codes = append(s.codes, c)
	s.items = append(s.items, inline.Item{Code: c.code})
	return nil
}

// native reads the markup inside a code element, in, up to its end tag.
// The text of a <sub> in it, with the markup of the codes in the <sub>,
// is part of the markup: see the package documentation.
func (s *segReader) native(b *strings.Builder, in string) error {
	for {
		tok, err := s.rd.token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.EndElement:
			return nil
		case xml.StartElement:
			name := t.Name.Local
			switch {
			case t.Name.Space != "":
			case in == "sub" || in == "hi":
				if name == "bpt" || name == "ept" || name == "it" || name == "ph" || name == "ut" || name == "hi" {
					if err := s.native(b, name); err != nil {
						return err
					}
					continue
				}
			case name == "sub":
				if err := s.native(b, name); err != nil {
					return err
				}
				continue
			}
			allowed := "text and <sub>"
			if in == "sub" || in == "hi" {
				allowed = "text, <bpt>, <ept>, <it>, <ph>, <hi> and <ut>"
			}
			return s.rd.errf(s.rd.pos(), ErrInvalid, "<%s> is not allowed in <%s>, which holds %s", name, in, allowed)
		}
	}
}

// pair pairs each <ept> with the <bpt> of its i.
func (s *segReader) pair() error {
	open := map[string]*rawCode{} // the bpts not yet closed, by i
	used := map[string]*rawCode{} // every bpt, by i
	for _, c := range s.codes {
		switch c.elem {
		case "bpt":
			if prev := used[c.i]; prev != nil {
				e := s.rd.errf(c.at, ErrCodes, "<bpt i=%q> uses the i of the <bpt> at %d:%d", c.i, prev.at.line, prev.at.col)
				e.Hint = "each pair of a segment has an i of its own"
				return e
			}
			open[c.i], used[c.i] = c, c
		case "ept":
			b := open[c.i]
			if b == nil {
				e := s.rd.errf(c.at, ErrCodes, "<ept i=%q> has no <bpt i=%q> before it in its <seg>", c.i, c.i)
				e.Hint = "a code that closes here and opens in another segment is written <it pos=\"end\">"
				if used[c.i] != nil {
					e.Msg = s.rd.errf(c.at, ErrCodes, "<ept i=%q> closes the pair of the <bpt> at %d:%d a second time", c.i, used[c.i].at.line, used[c.i].at.col).Msg
					e.Hint = "each pair of a segment has an i of its own"
				}
				return e
			}
			c.partner = b
			delete(open, c.i)
		}
	}
	for _, c := range s.codes {
		if c.elem == "bpt" && open[c.i] == c {
			e := s.rd.errf(c.at, ErrCodes, "<bpt i=%q> has no <ept i=%q> after it in its <seg>", c.i, c.i)
			e.Hint = "a code that opens here and closes in another segment is written <it pos=\"begin\">"
			return e
		}
	}
	return nil
}

// number gives each code its ID and type. A code keeps its x, when it
// is a number that no code before it took; a pair without one keeps its
// i, on the same terms. The others take the smallest numbers that no
// code of the segment names. The closing half of a pair takes the ID
// and type of its opening half.
func (s *segReader) number() {
	named := map[string]bool{}
	want := make([]string, len(s.codes))
	for k, c := range s.codes {
		switch {
		case c.partner != nil:
			continue
		case isNumber(c.x):
			want[k] = c.x
		case c.elem == "bpt" && isNumber(c.i):
			want[k] = c.i
		}
		named[want[k]] = true
	}
	taken := map[string]bool{}
	next := 1
	for k, c := range s.codes {
		if c.partner != nil {
			c.code.ID, c.code.Type = c.partner.code.ID, c.partner.code.Type
			continue
		}
		id := want[k]
		if id == "" || taken[id] {
			for named[strconv.Itoa(next)] || taken[strconv.Itoa(next)] {
				next++
			}
			id = strconv.Itoa(next)
		}
		taken[id] = true
		c.code.ID, c.code.Type = id, typeIn(c.typ)
	}
}

// isNumber reports whether s is a whole number written in digits.
func isNumber(s string) bool {
	if s == "" || len(s) > 9 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// The types of TMX 1.4 that loctool's codes name otherwise, or not at
// all: a code of a type loctool has no name for is typed "x-" and TMX's
// name, as XLIFF 1.2 names types of its own.
var (
	// loctoolTypes are TMX's types that loctool's codes name the same.
	loctoolTypes = map[string]bool{"bold": true, "italic": true, "link": true, "image": true, "lb": true, "pb": true}
	// tmxTypes are TMX's other types.
	tmxTypes = map[string]bool{"color": true, "dulined": true, "font": true, "scap": true, "struct": true,
		"index": true, "date": true, "time": true, "fnote": true, "enote": true, "alt": true, "cb": true, "inset": true}
)

// typeIn maps a TMX type to a code's: TMX's "ulined" is "underlined".
func typeIn(t string) string {
	switch {
	case t == "", loctoolTypes[t], strings.HasPrefix(t, "x-"):
		return t
	case t == "ulined":
		return "underlined"
	}
	return "x-" + t
}

// typeOut maps a code's type to TMX's.
func typeOut(t string) string {
	if t == "underlined" {
		return "ulined"
	}
	if n, ok := strings.CutPrefix(t, "x-"); ok && tmxTypes[n] {
		return n
	}
	if t == "" || loctoolTypes[t] || strings.HasPrefix(t, "x-") {
		return t
	}
	return "x-" + t
}
