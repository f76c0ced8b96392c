package xliff

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/xliff/internal/xmltree"
)

// Read reads an XLIFF 1.2 or 2.x document of one <file>, with the
// default [ReadOptions]. The version comes from the namespace; name is
// the file's name, for error messages.
func Read(r io.Reader, name string) (*handoff.File, Version, error) {
	return ReadOptions{}.Read(r, name)
}

// Read reads an XLIFF 1.2 or 2.x document of one <file>.
func (o ReadOptions) Read(r io.Reader, name string) (*handoff.File, Version, error) {
	files, _, v, err := o.readAll(r, name, true)
	if err != nil {
		return nil, v, err
	}
	return files[0], v, nil
}

// ReadAll reads an XLIFF 1.2 or 2.x document, one [handoff.File] per
// <file> element.
func (o ReadOptions) ReadAll(r io.Reader, name string) ([]*handoff.File, Version, error) {
	files, _, v, err := o.readAll(r, name, false)
	return files, v, err
}

// ReadAllAt is ReadAll, with the place of each <file> element.
func (o ReadOptions) ReadAllAt(r io.Reader, name string) ([]*handoff.File, []diag.Position, Version, error) {
	files, pos, v, err := o.readAll(r, name, false)
	if err != nil {
		return nil, nil, v, err
	}
	at := make([]diag.Position, len(pos))
	for i, n := range pos {
		at[i] = diag.Position{Line: n.Line, Col: n.Col}
	}
	return files, at, v, nil
}

// SeveralFiles reports whether an XLIFF document may hold more than one
// <file> element: a quick look at its bytes for their start tags, in any
// namespace prefix, for callers that look for such documents among many.
// A document it says no to holds one at most; one in UTF-16 may always.
func SeveralFiles(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		return true
	}
	n := 0
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("file"))
		if j < 0 {
			return false
		}
		i += j + len("file")
		if i < len(data) && !isSpaceOrEnd(data[i]) {
			continue
		}
		// Back over a prefix, if any, to the <.
		k := i - len("file") - 1
		if k >= 0 && data[k] == ':' {
			for k--; k >= 0 && data[k] != '<' && isNameByte(data[k]); k-- {
			}
		}
		if k >= 0 && data[k] == '<' {
			if n++; n > 1 {
				return true
			}
		}
	}
}

func isSpaceOrEnd(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '>' || c == '/'
}

func isNameByte(c byte) bool {
	return c == '-' || c == '_' || c == '.' || '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'z' || c >= 0x80
}

// readAll reads a document; with one set, a document of several <file>s
// is an error that matches ErrMultipleFiles, whatever their languages.
func (o ReadOptions) readAll(r io.Reader, name string, one bool) ([]*handoff.File, []*xmltree.Node, Version, error) {
	p := &parser{file: name}
	root, err := p.parse(r, o.Limits.Or(DefaultLimits))
	if err != nil {
		return nil, nil, "", err
	}
	if root.Name.Local != "xliff" {
		return nil, nil, "", p.errf(root.Line, root.Col, ErrSyntax, "the root element is %s, not <xliff>: this is not an XLIFF file", root.Tag())
	}
	var files []*handoff.File
	var pos []*xmltree.Node
	var v Version
	switch ns := root.Name.Space; {
	case ns == ns12 || ns == "" && root.Get("version") == "1.2":
		v = Version12
		files, pos, err = (&reader12{p: p, ns: ns, opts: o}).read(root)
	case ns == ns20 || ns == ns22:
		rd := newReader2(p, ns, o)
		files, pos, err = rd.read(root)
		v = rd.version
	case ns == ns11:
		// XLIFF 1.2 is 1.1 with more: Translate Toolkit's po2xliff, and
		// older tools, still write 1.1.
		if o.Warn != nil {
			o.Warn(diag.Diagnostic{File: name, Start: diag.Position{Line: root.Line, Col: root.Col}, Severity: diag.Warning, Rule: diag.HandoffVersion,
				Message: "XLIFF 1.1 is read as XLIFF 1.2, of which it is a part",
				Hint:    "loctool writes the file back as XLIFF 1.2"})
		}
		v = Version12
		files, pos, err = (&reader12{p: p, ns: ns, opts: o}).read(root)
	case ns == "urn:oasis:names:tc:xliff:document:1.0" || ns == "" && root.Get("version") == "1.0":
		return nil, nil, "", p.errf(root.Line, root.Col, ErrVersion, "XLIFF 1.0 is not supported: convert the file to XLIFF 1.2 or 2.x")
	default:
		return nil, nil, "", p.errf(root.Line, root.Col, ErrVersion, "<xliff> is in namespace %q: expected XLIFF 1.2 (%s) or 2.x (%s)", ns, ns12, ns20)
	}
	if err != nil {
		return nil, nil, v, err
	}
	if one && len(files) > 1 {
		return nil, nil, v, &Error{File: name, Line: pos[1].Line, Col: pos[1].Col, Kind: ErrMultipleFiles,
			Msg: fmt.Sprintf("the document has %d <file> elements, and a project's handoff file holds one article: give each <file> a handoff file of its own (check reads such a document whole outside a project)", len(files))}
	}
	for i, f := range files {
		at := pos[i] // 1.2 names the languages on <file>, 2.x on <xliff>
		if v != Version12 {
			at = root
		}
		if !tagMatches(f.SourceLang, o.SourceLang) {
			return nil, nil, v, p.errf(at.Line, at.Col, ErrLanguage, "the source language is %s, not %s as expected", f.SourceLang, o.SourceLang)
		}
		if !tagMatches(f.TargetLang, o.TargetLang) {
			if f.TargetLang == language.Und {
				return nil, nil, v, p.errf(at.Line, at.Col, ErrLanguage, "the file names no target language: expected %s", o.TargetLang)
			}
			return nil, nil, v, p.errf(at.Line, at.Col, ErrLanguage, "the target language is %s, not %s as expected", f.TargetLang, o.TargetLang)
		}
	}
	return files, pos, v, nil
}

// parser makes the tree of a file, and the errors found in it.
type parser struct {
	file string
}

func (p *parser) errf(line, col int, kind error, format string, args ...any) *Error {
	return &Error{File: p.file, Line: line, Col: col, Kind: kind, Msg: fmt.Sprintf(format, args...)}
}

// in sets the unit and segment the error is in, when its message names
// them.
func (e *Error) in(unit, segment string) *Error {
	e.Unit, e.Segment = unit, segment
	return e
}

// within names the unit an error made in it is in, when the error does
// not: its Unit is id, and its message starts with the unit's name,
// such as "trans-unit b3: ".
func within(err error, name, id string) error {
	if e, ok := err.(*Error); ok && e.Unit == "" && id != "" {
		e.Unit = id
		e.Msg = name + ": " + e.Msg
	}
	return err
}

// inSegment sets the segment of an error made in it.
func inSegment(err error, id string) error {
	if e, ok := err.(*Error); ok && e.Segment == "" {
		e.Segment = id
	}
	return err
}

// treeKinds are the sentinels of the parser's kinds of error.
var treeKinds = map[xmltree.Kind]error{
	xmltree.Syntax: ErrSyntax,
	xmltree.Limit:  ErrLimit,
	xmltree.DTD:    ErrDTD,
}

// parse reads the file's tree.
func (p *parser) parse(r io.Reader, lim Limits) (*xmltree.Node, error) {
	root, err := xmltree.Parse(r, xmltree.Options{
		MaxBytes: lim.MaxBytes, MaxDepth: lim.MaxDepth,
		MaxBytesName: lim.Names.MaxBytes, MaxDepthName: lim.Names.MaxDepth,
	})
	if e, ok := err.(*xmltree.Error); ok {
		xe := &Error{File: p.file, Line: e.Line, Col: e.Col, Kind: treeKinds[e.Kind], Msg: e.Msg, Hint: e.Hint, Err: e.Err}
		if e.In != nil {
			xe.at(e.In)
		}
		return nil, xe
	}
	return root, err
}

// at names, in the error's message and fields, the unit and the segment
// of the element n, and the part of it: "… in the <target> of trans-unit
// b3, segment s1".
func (e *Error) at(n *xmltree.Node) {
	var name, seg, part string
	for a := n; a != nil; a = a.Parent {
		switch l := a.Name.Local; {
		case seg == "" && (l == "segment" || l == "mrk" && a.Get("mtype") == "seg"):
			seg = decodeID(a.Get(map[bool]string{true: "id", false: "mid"}[l == "segment"]))
		case part == "" && (l == "target" || l == "source" || l == "seg-source" || l == "note"):
			part = l
		case l == "alt-trans":
			part = "alt-trans"
		case l == "trans-unit":
			name, e.Unit = "trans-unit "+a.Get("id"), a.Get("id")
		case l == "unit":
			name, e.Unit = "unit "+a.Get("id"), decodeID(a.Get("id"))
		}
		if name != "" {
			break
		}
	}
	if name == "" {
		return
	}
	if seg != "" {
		name += ", segment " + seg
		e.Segment = seg
	}
	if part != "" {
		name = "the <" + part + "> of " + name
	}
	e.Msg += " in " + name
}

// typed says which of the fields loctool says of a unit a file has in
// encodings of their own: its kind, its origin, the sources translations
// were made for, its glossary entries.
type typed struct {
	kind, origin, was, glossary bool
}

// decodeRemarks sorts loctool's remarks out of a unit's notes
// ([handoff.Unit.Remarks]). Where the file has a field in its own
// encoding, the notes that word it are for translators to read, and
// dropped. Files of earlier versions of loctool have only the notes: the
// kind and the source a translation was made for are decoded from them,
// and this is the one place where the readers read the text of a note.
// The glossary's notes stay notes: their text is all that is known of
// the entries, and it is in the hashes of JSON messages.
func decodeRemarks(u *handoff.Unit, fields typed) {
	var notes []handoff.Note
	for _, n := range u.Notes {
		switch {
		case n.From == handoff.KindFrom && (fields.kind || fields.origin),
			n.From == handoff.WasFrom && fields.was,
			n.From == handoff.GlossaryFrom && fields.glossary:
		case n.From == handoff.KindFrom:
			if u.Kind == "" {
				u.Kind = n.Text
			}
		case n.From == handoff.WasFrom:
			id, was, ok := strings.Cut(n.Text, " was: ")
			if s := u.Segment(id); ok && s != nil {
				s.Was = was
			}
		default:
			notes = append(notes, n)
		}
	}
	u.Notes = notes
}

// setOrder sets the Order of a unit's segments from seq, its segments
// with a target in the order of the unit's translated text: they take in
// turn the places of those segments, in the order of the source. The
// places of the other segments and of the white space, which loctool
// does not move, are out of it; a segment in its own place has Order 0.
func setOrder(u *handoff.Unit, seq []*handoff.Segment) {
	place := map[*handoff.Segment]int{}
	for i, p := range u.Parts {
		if p.Segment != nil {
			place[p.Segment] = i + 1
		}
	}
	places := make([]int, len(seq))
	for i, s := range seq {
		places[i] = place[s]
	}
	slices.Sort(places)
	for i, s := range seq {
		s.Order = 0
		if places[i] != place[s] {
			s.Order = places[i]
		}
	}
}
