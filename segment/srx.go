package segment

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"unicode/utf8"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/internal/atomicfile"
	"github.com/loctool/loctool/internal/place"
	"github.com/loctool/loctool/segment/internal/javaregex"
)

// The namespaces of SRX 2.0 and SRX 1.0 documents, and of Okapi's
// extensions to them (okpsrx:options, okpsrx:sample, okpsrx:rangeRule).
const (
	NamespaceSRX20 = "http://www.lisa.org/srx20"
	NamespaceSRX10 = "http://www.lisa.org/srx10"
	NamespaceOkapi = "http://okapi.sf.net/srx-extensions"
)

// Rules is a parsed SRX document: named sets of break and no-break rules
// and the map that picks the sets for a language.
type Rules struct {
	// Name is the file the rules came from, used in messages.
	Name string
	// Version is the srx element's version attribute ("2.0").
	Version string
	// SegmentSubflows is the header's segmentsubflows flag (default true).
	// loctool cuts every block into sentences, the text of attributes and
	// image descriptions (Okapi's subflows) too: a header that says "no"
	// is read with a warning.
	SegmentSubflows bool
	// Cascade makes every matching language map contribute its rules, in
	// map order, instead of only the first one. An SRX 2.0 header without
	// the attribute, such as that of OmegaT 3.6's own rules, cascades, as
	// OmegaT reads it, with a warning; an SRX 1.0 file, which has no such
	// attribute, does not.
	Cascade bool
	// FormatHandles says, per kind of inline code, whether a code at a
	// break belongs to the segment before it. Parsed and kept for the
	// format layer; the segmenter itself works on plain text.
	FormatHandles []FormatHandle
	// Extensions are the elements of other namespaces in the header, such
	// as Okapi's okpsrx:options and okpsrx:sample, kept as they were.
	Extensions []Extension
	// LanguageRules are the named rule sets, in document order.
	LanguageRules []LanguageRule
	// Maps choose the language rules for a language code, in order.
	Maps []LanguageMap
	// Warnings are what the file says that loctool reads past, in the
	// order of the file: a header without cascade, Okapi options that
	// loctool does not honour; each a diagnostic of severity warning.
	Warnings []diag.Diagnostic
}

// Pos is a position in an SRX file: 1-based line, and 1-based column
// counted in characters.
type Pos struct {
	Line, Col int
}

// FormatHandle is an SRX formathandle element.
type FormatHandle struct {
	Type    string // "start", "end" or "isolated"
	Include bool
}

// Extension is an element of a foreign namespace in the SRX header.
type Extension struct {
	Space, Local string
	Attrs        []xml.Attr
	Text         string
	Pos          Pos
}

// Attr returns the value of the extension's attribute with the local name.
func (e Extension) Attr(local string) string {
	for _, a := range e.Attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// LanguageRule is a named, ordered list of rules.
type LanguageRule struct {
	Name  string
	Rules []Rule
	Pos   Pos
}

// Rule is one SRX rule. At a position in the text, the first rule whose
// Before pattern matches the text ending there and whose After pattern
// matches the text starting there decides whether the text breaks.
// Patterns use Java regular expression syntax.
type Rule struct {
	Break  bool
	Before string
	After  string
	Pos    Pos // the rule element
	// BeforePos and AfterPos locate the patterns' text, for messages.
	BeforePos, AfterPos Pos
}

// LanguageMap maps the language codes matching Pattern, a Java regular
// expression matched against the whole code, to a language rule.
type LanguageMap struct {
	Pattern  string
	RuleName string
	Pos      Pos
}

// Extension returns the first header extension with the namespace and
// local name.
func (r *Rules) Extension(space, local string) (Extension, bool) {
	for _, e := range r.Extensions {
		if e.Space == space && e.Local == local {
			return e, true
		}
	}
	return Extension{}, false
}

// LanguageRule returns the language rule with the name.
func (r *Rules) LanguageRule(name string) (*LanguageRule, bool) {
	for i := range r.LanguageRules {
		if r.LanguageRules[i].Name == name {
			return &r.LanguageRules[i], true
		}
	}
	return nil, false
}

// Error is a problem in an SRX file or one of its rules.
type Error struct {
	File string
	Pos
	// Rule names the rule at fault, such as `rule 3 of "English"`, when
	// the problem is in a rule.
	Rule string
	Msg  string
	Err  error // the cause, if any
	kind error // ErrMalformed or ErrNoRules, for errors.Is
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(place.String(e.File, e.Line, e.Col))
	b.WriteString(": ")
	if e.Rule != "" {
		b.WriteString(e.Rule)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Is reports whether the error is of the kind target: ErrMalformed or
// ErrNoRules.
func (e *Error) Is(target error) bool { return e.kind != nil && e.kind == target }

// PatternError is a Java regular expression construct that cannot be
// translated for regexp2, as the Err of an [*Error] about a rule or a
// language map. Offset is the byte offset in the Java pattern, and
// Error() reads "at offset 12: dangling quantifier '*'".
type PatternError = javaregex.Error

// Diagnostics returns the rules' warnings as diagnostics; none for nil
// rules.
func (r *Rules) Diagnostics() []diag.Diagnostic {
	if r == nil {
		return nil
	}
	return r.Warnings
}

// LoadSRX reads an SRX file. A path that is not a regular file (a
// folder, a named pipe, a device) is an error at once.
func LoadSRX(path string) (*Rules, error) {
	data, err := atomicfile.ReadRegular(path)
	if err != nil {
		var pe *fs.PathError
		var nr *atomicfile.NotRegularError
		switch {
		case errors.As(err, &nr):
			return nil, fmt.Errorf("%s: cannot read the segmentation rules: it is %s, not a file", path, nr.What())
		case errors.As(err, &pe):
			err = pe.Err // the path is said already
		}
		return nil, fmt.Errorf("%s: cannot read the segmentation rules: %w", path, err)
	}
	return parseSRX(data, path)
}

// ParseSRX reads an SRX 1.0 or 2.0 document. name is used in messages.
// It checks the document's structure; the rules' patterns are compiled
// by [New] and [Rules.Validate].
func ParseSRX(r io.Reader, name string) (*Rules, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return parseSRX(data, name)
}

// srxParser walks the XML tokens of an SRX document.
type srxParser struct {
	name  string
	data  []byte
	dec   *xml.Decoder
	lines []int // byte offset of each line start
	rules *Rules
	root  xml.Name // the srx element's name
	// start is the byte offset of the token next returned last.
	start int64
}

func parseSRX(data []byte, name string) (*Rules, error) {
	p := &srxParser{name: name, data: data, dec: xml.NewDecoder(bytes.NewReader(data))}
	p.lines = append(p.lines, 0)
	for i, c := range data {
		if c == '\n' {
			p.lines = append(p.lines, i+1)
		}
	}
	if err := p.document(); err != nil {
		return nil, err
	}
	if err := p.rules.checkMaps(); err != nil {
		return nil, err
	}
	return p.rules, nil
}

// pos converts a byte offset into a line and column.
func (p *srxParser) pos(offset int64) Pos {
	off := int(min(offset, int64(len(p.data))))
	lo, hi := 0, len(p.lines)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if p.lines[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return Pos{Line: lo + 1, Col: utf8.RuneCount(p.data[p.lines[lo]:off]) + 1}
}

func (p *srxParser) errorf(at Pos, format string, args ...any) error {
	return &Error{File: p.name, Pos: at, Msg: fmt.Sprintf(format, args...)}
}

// next returns the next token that is not a comment, processing
// instruction or directive, and where it starts.
func (p *srxParser) next() (xml.Token, Pos, error) {
	for {
		start := p.dec.InputOffset()
		tok, err := p.dec.Token()
		if err == io.EOF {
			return nil, p.pos(start), err
		}
		if err != nil {
			at := p.pos(p.dec.InputOffset())
			var syn *xml.SyntaxError
			if errors.As(err, &syn) {
				if syn.Line != at.Line {
					at = Pos{Line: syn.Line}
				}
				if syn.Msg == "unexpected EOF" {
					return nil, at, &Error{File: p.name, Pos: at, Msg: "the file ends in the middle of the XML: it was cut short", kind: ErrMalformed}
				}
				return nil, at, &Error{File: p.name, Pos: at, Msg: "malformed XML: " + syn.Msg, kind: ErrMalformed}
			}
			return nil, at, &Error{File: p.name, Pos: at, Msg: "malformed XML", Err: err}
		}
		switch tok.(type) {
		case xml.Comment, xml.ProcInst, xml.Directive:
			continue
		}
		p.start = start
		return tok, p.pos(start), nil
	}
}

// ErrMalformed is the kind of [*Error] for an SRX file that is not
// well-formed XML: test with errors.Is.
var ErrMalformed = errors.New("not well-formed")

func isSRX(n xml.Name) bool {
	return n.Space == NamespaceSRX20 || n.Space == NamespaceSRX10 || n.Space == ""
}

func (p *srxParser) document() error {
	for {
		tok, at, err := p.next()
		if err == io.EOF {
			if len(bytes.TrimSpace(p.data)) == 0 {
				return p.errorf(at, "the file is empty: an SRX file holds an <srx> element with the rules")
			}
			return p.errorf(at, "no srx element: this is not an SRX file")
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "srx" || !isSRX(t.Name) {
				return p.errorf(at, "the root element is <%s>, want <srx> in namespace %s", t.Name.Local, NamespaceSRX20)
			}
			p.root = t.Name
			p.rules = &Rules{Name: p.name, SegmentSubflows: true}
			for _, a := range t.Attr {
				if a.Name.Local == "version" {
					p.rules.Version = a.Value
				}
			}
			if err := p.srx(); err != nil {
				return err
			}
			return p.trailer()
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return p.errorf(at, "text before the srx element")
			}
		}
	}
}

// trailer reads the rest of the document, so that malformed XML after the
// root element is still reported.
func (p *srxParser) trailer() error {
	for {
		_, _, err := p.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// children calls fn for each child element of the current element, and
// rejects stray text. It returns when the current element ends.
func (p *srxParser) children(parent string, fn func(xml.StartElement, Pos) error) error {
	for {
		tok, at, err := p.next()
		if err == io.EOF {
			return p.errorf(at, "unexpected end of file inside <%s>", parent)
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := fn(t, at); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return p.errorf(at, "unexpected text %q inside <%s>", truncate(strings.TrimSpace(string(t)), 40), parent)
			}
		}
	}
}

// text reads the character content of the current element, and where it
// starts.
func (p *srxParser) text(element string) (string, Pos, error) {
	var b strings.Builder
	start := p.pos(p.dec.InputOffset())
	for {
		tok, at, err := p.next()
		if err == io.EOF {
			return "", at, p.errorf(at, "unexpected end of file inside <%s>", element)
		}
		if err != nil {
			return "", at, err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			return "", at, p.errorf(at, "unexpected element <%s> inside <%s>: it holds only text", t.Name.Local, element)
		case xml.EndElement:
			return b.String(), start, nil
		}
	}
}

func (p *srxParser) skip() error {
	if err := p.dec.Skip(); err != nil {
		at := p.pos(p.dec.InputOffset())
		return &Error{File: p.name, Pos: at, Msg: "malformed XML", Err: err}
	}
	return nil
}

func (p *srxParser) unexpected(t xml.StartElement, at Pos, parent string) error {
	return p.errorf(at, "unexpected element <%s> inside <%s>", t.Name.Local, parent)
}

func (p *srxParser) srx() error {
	return p.children("srx", func(t xml.StartElement, at Pos) error {
		if !isSRX(t.Name) {
			return p.skip()
		}
		switch t.Name.Local {
		case "header":
			return p.header(t, at)
		case "body":
			return p.children("body", func(t xml.StartElement, at Pos) error {
				if !isSRX(t.Name) {
					return p.skip()
				}
				switch t.Name.Local {
				case "languagerules":
					return p.children("languagerules", p.languageRule)
				case "maprules":
					return p.mapRules("maprules")
				}
				return p.unexpected(t, at, "body")
			})
		}
		return p.unexpected(t, at, "srx")
	})
}

func (p *srxParser) header(t xml.StartElement, at Pos) error {
	cascade := false
	for _, a := range t.Attr {
		var err error
		switch a.Name.Local {
		case "segmentsubflows":
			p.rules.SegmentSubflows, err = p.yesNo(a, at)
			if err == nil && !p.rules.SegmentSubflows {
				p.warn(p.attrPos(p.start, a.Name.Local, at), diag.SRXOption,
					`segmentsubflows="no" is not honoured: loctool cuts into sentences the text of attributes and image descriptions (alt text, titles), as any other`,
					`set segmentsubflows="yes", or leave it out`)
			}
		case "cascade":
			p.rules.Cascade, err = p.yesNo(a, at)
			cascade = true
		}
		if err != nil {
			return err
		}
	}
	if !cascade && !p.srx10() {
		// SRX 2.0 requires the attribute and gives it no default. OmegaT
		// leaves it out of its own rules (3.6 and before), and applies
		// every map that matches whatever the header says; Okapi applies
		// the first only. OmegaT's rules make no sentence at all read
		// Okapi's way: their language maps come before the default ones
		// that break.
		p.rules.Cascade = true
		p.warn(at, diag.SRXCascade,
			"the header has no cascade attribute, which SRX 2.0 requires: every language map that matches applies its rules, in order, as OmegaT reads its own rules (Okapi applies only the first)",
			`write cascade="yes" in the header to say so, or cascade="no" to apply only the first map that matches`)
	}
	return p.children("header", func(t xml.StartElement, at Pos) error {
		if !isSRX(t.Name) {
			return p.extension(t, at)
		}
		if t.Name.Local != "formathandle" {
			return p.unexpected(t, at, "header")
		}
		var fh FormatHandle
		for _, a := range t.Attr {
			switch a.Name.Local {
			case "type":
				fh.Type = a.Value
			case "include":
				v, err := p.yesNo(a, at)
				if err != nil {
					return err
				}
				fh.Include = v
			}
		}
		switch fh.Type {
		case "start", "end", "isolated":
		default:
			return p.errorf(at, "formathandle type is %q, want start, end or isolated", fh.Type)
		}
		p.rules.FormatHandles = append(p.rules.FormatHandles, fh)
		return p.skip()
	})
}

// srx10 reports whether the document is SRX 1.0, by its namespace or
// version.
func (p *srxParser) srx10() bool {
	return p.root.Space == NamespaceSRX10 || p.rules.Version == "1.0"
}

// warn adds a warning at a place of the file.
func (p *srxParser) warn(at Pos, rule, msg, hint string) {
	p.rules.Warnings = append(p.rules.Warnings, diag.Diagnostic{File: p.name, Start: diag.Position{Line: at.Line, Col: at.Col},
		Severity: diag.Warning, Rule: rule, Message: msg, Hint: hint})
}

// extension keeps a foreign element of the header, with its text, and
// warns about the Okapi options it sets that loctool does not honour.
func (p *srxParser) extension(t xml.StartElement, at Pos) error {
	ext := Extension{Space: t.Name.Space, Local: t.Name.Local, Attrs: t.Copy().Attr, Pos: at}
	if ext.Space == NamespaceOkapi && ext.Local == "options" {
		p.okapiOptions(ext, p.start)
	}
	var b strings.Builder
	depth := 1
	for depth > 0 {
		tok, at, err := p.next()
		if err == io.EOF {
			return p.errorf(at, "unexpected end of file inside <%s>", t.Name.Local)
		}
		if err != nil {
			return err
		}
		switch tt := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			b.Write(tt)
		}
	}
	ext.Text = b.String()
	if ext.Space == NamespaceOkapi && ext.Local == "rangeRule" && strings.TrimSpace(ext.Text) != "" {
		p.warn(ext.Pos, diag.SRXOption,
			"Okapi's range rule (okpsrx:rangeRule) is not honoured: loctool's rules may break inside the text it matches, as anywhere else",
			"write no-break rules for what the range rule protects, or leave <okpsrx:rangeRule> empty")
	}
	p.rules.Extensions = append(p.rules.Extensions, ext)
	return nil
}

func (p *srxParser) yesNo(a xml.Attr, at Pos) (bool, error) {
	switch a.Value {
	case "yes":
		return true, nil
	case "no":
		return false, nil
	}
	return false, p.errorf(at, "attribute %s is %q, want yes or no", a.Name.Local, a.Value)
}

func (p *srxParser) languageRule(t xml.StartElement, at Pos) error {
	if !isSRX(t.Name) {
		return p.skip()
	}
	if t.Name.Local != "languagerule" {
		return p.unexpected(t, at, "languagerules")
	}
	lr := LanguageRule{Pos: at}
	for _, a := range t.Attr {
		if a.Name.Local == "languagerulename" {
			lr.Name = a.Value
		}
	}
	if lr.Name == "" {
		return p.errorf(at, "languagerule has no languagerulename")
	}
	if prev, ok := p.rules.LanguageRule(lr.Name); ok {
		return p.errorf(at, "languagerule %q is defined twice (first at line %d)", lr.Name, prev.Pos.Line)
	}
	err := p.children("languagerule", func(t xml.StartElement, at Pos) error {
		if !isSRX(t.Name) {
			return p.skip()
		}
		if t.Name.Local != "rule" {
			return p.unexpected(t, at, "languagerule")
		}
		if inactive(t) {
			return p.skip()
		}
		r, err := p.rule(t, at)
		if err != nil {
			return err
		}
		lr.Rules = append(lr.Rules, r)
		return nil
	})
	if err != nil {
		return err
	}
	p.rules.LanguageRules = append(p.rules.LanguageRules, lr)
	return nil
}

// inactive reports whether a rule is turned off with Okapi's
// okpsrx:active="no", as Okapi's rules editor, Ratel, writes it: Okapi
// reads past such a rule, and so does loctool, patterns and all.
func inactive(t xml.StartElement) bool {
	for _, a := range t.Attr {
		if a.Name.Space == NamespaceOkapi && a.Name.Local == "active" {
			return a.Value == "no"
		}
	}
	return false
}

func (p *srxParser) rule(t xml.StartElement, at Pos) (Rule, error) {
	r := Rule{Break: true, Pos: at}
	for _, a := range t.Attr {
		if a.Name.Local == "break" {
			v, err := p.yesNo(a, at)
			if err != nil {
				return r, err
			}
			r.Break = v
		}
	}
	seen := map[string]bool{}
	err := p.children("rule", func(t xml.StartElement, at Pos) error {
		if !isSRX(t.Name) {
			return p.skip()
		}
		if t.Name.Local != "beforebreak" && t.Name.Local != "afterbreak" {
			return p.unexpected(t, at, "rule")
		}
		if seen[t.Name.Local] {
			return p.errorf(at, "rule has two <%s> elements", t.Name.Local)
		}
		seen[t.Name.Local] = true
		s, start, err := p.text(t.Name.Local)
		if err != nil {
			return err
		}
		if t.Name.Local == "beforebreak" {
			r.Before, r.BeforePos = s, start
		} else {
			r.After, r.AfterPos = s, start
		}
		return nil
	})
	return r, err
}

// mapRules reads SRX 2.0 maprules, and the maprule wrappers of SRX 1.0.
func (p *srxParser) mapRules(parent string) error {
	return p.children(parent, func(t xml.StartElement, at Pos) error {
		if !isSRX(t.Name) {
			return p.skip()
		}
		switch t.Name.Local {
		case "maprule":
			return p.mapRules("maprule")
		case "languagemap":
			m := LanguageMap{Pos: at}
			for _, a := range t.Attr {
				switch a.Name.Local {
				case "languagepattern":
					m.Pattern = a.Value
				case "languagerulename":
					m.RuleName = a.Value
				}
			}
			p.rules.Maps = append(p.rules.Maps, m)
			return p.skip()
		}
		return p.unexpected(t, at, parent)
	})
}

// checkMaps reports references to language rules that do not exist.
func (r *Rules) checkMaps() error {
	for _, m := range r.Maps {
		if m.RuleName == "" {
			return &Error{File: r.Name, Pos: m.Pos, Msg: "languagemap has no languagerulename"}
		}
		if _, ok := r.LanguageRule(m.RuleName); !ok {
			return &Error{File: r.Name, Pos: m.Pos, Msg: fmt.Sprintf("languagemap refers to languagerule %q, which is not defined", m.RuleName)}
		}
	}
	return nil
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
