package xliff

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/xliff/internal/conform"
	"github.com/loctool/loctool/xliff/internal/xmltree"
)

// reader2 reads XLIFF 2.0, 2.1 and 2.2. Its checker checks, as it
// reads, the processing rules of the specification that its schema
// cannot express: ID uniqueness, references, code pairing and editing
// hints, segment order, languages.
type reader2 struct {
	p       *parser
	c       *conform.Checker
	ns      string
	version Version
	opts    ReadOptions
	srcLang string
	trgLang string
	hasTrg  bool
	files   map[string]*xmltree.Node
	f       *file2
}

// file2 is a <file> being read.
type file2 struct {
	*conform.File
	n       *xmltree.Node
	decoded map[string]bool // the units' IDs, decoded
	groups  map[string]*xmltree.Node
	hf      *handoff.File
}

func newReader2(p *parser, ns string, o ReadOptions) *reader2 {
	c := &conform.Checker{NS: ns, FragmentPrefixes: o.FragmentPrefixes, KeepCodeMismatches: o.KeepCodeMismatches}
	return &reader2{p: p, c: c, ns: ns, opts: o, files: map[string]*xmltree.Node{}}
}

func (rd *reader2) errf(n *xmltree.Node, kind error, format string, args ...any) *Error {
	return rd.p.errf(n.Line, n.Col, kind, format, args...)
}

// conformKinds are the sentinels of the checker's kinds of error.
var conformKinds = map[conform.Kind]error{
	conform.Invalid:     ErrInvalid,
	conform.DuplicateID: ErrDuplicateID,
	conform.Reference:   ErrReference,
	conform.Codes:       ErrCodes,
	conform.Language:    ErrLanguage,
}

// check turns an error of the checker into an [*Error].
func (rd *reader2) check(err error) error {
	if e, ok := err.(*conform.Error); ok {
		return rd.errf(e.Node, conformKinds[e.Kind], "%s", e.Msg)
	}
	return err
}

func (rd *reader2) core(n *xmltree.Node) bool { return n.Name.Space == rd.ns }

func (rd *reader2) read(root *xmltree.Node) ([]*handoff.File, []*xmltree.Node, error) {
	if err := rd.check(rd.c.Attrs(root)); err != nil {
		return nil, nil, err
	}
	v := root.Get("version")
	switch {
	case rd.ns == ns20 && (v == "2.0" || v == "2.1"):
		rd.version = Version(v)
	case rd.ns == ns22 && (v == "2.0" || v == "2.1" || v == "2.2"):
		rd.version = Version22
	default:
		return nil, nil, rd.errf(root, ErrVersion, "version=%q does not match the namespace %s", v, rd.ns)
	}
	rd.srcLang = root.Get("srcLang")
	rd.c.SrcLang = rd.srcLang
	rd.trgLang, rd.hasTrg = root.Attr("trgLang")
	if err := rd.check(rd.c.ElementsOnly(root)); err != nil {
		return nil, nil, err
	}
	var files []*handoff.File
	var pos []*xmltree.Node
	phase := 0
	for _, c := range root.Elems() {
		switch {
		case rd.core(c) && c.Name.Local == "file":
			phase = 3
			f, err := rd.file(c)
			if err != nil {
				return nil, nil, err
			}
			files = append(files, f)
			pos = append(pos, c)
		case rd.version == Version22 && rd.core(c) && c.Name.Local == "notes" && phase == 0:
			phase = 1
			if _, err := rd.notes(c); err != nil {
				return nil, nil, err
			}
		case rd.version == Version22 && c.Name.Space == conform.MetadataNS && c.Name.Local == "metadata" && phase < 2:
			phase = 2
			if err := rd.check(rd.c.Extension(c, map[[2]string]*xmltree.Node{}, nil)); err != nil {
				return nil, nil, err
			}
		case rd.core(c):
			return nil, nil, rd.errf(c, ErrInvalid, "%s is not allowed in <xliff>: expected <file>", c.Tag())
		default:
			return nil, nil, rd.errf(c, ErrInvalid, "extension element %s is not allowed directly in <xliff>: extensions go inside <file>, <group> or <unit>", c.Tag())
		}
	}
	if len(files) == 0 {
		return nil, nil, rd.errf(root, ErrInvalid, "<xliff> has no <file>")
	}
	return files, pos, nil
}

func (rd *reader2) lang(s string) language.Tag {
	if s == "" {
		return language.Und
	}
	return language.Make(s)
}

func (rd *reader2) file(n *xmltree.Node) (*handoff.File, error) {
	if err := rd.check(rd.c.Attrs(n)); err != nil {
		return nil, err
	}
	id := n.Get("id")
	if prev := rd.files[id]; prev != nil {
		return nil, rd.errf(n, ErrDuplicateID, "file id %q is already used on line %d", id, prev.Line)
	}
	rd.files[id] = n
	rd.f = &file2{File: conform.NewFile(id), n: n, decoded: map[string]bool{}, groups: map[string]*xmltree.Node{}}
	rd.c.File = rd.f.File
	hf := &handoff.File{Original: n.Get("original"), SourceLang: rd.lang(rd.srcLang), TargetLang: rd.lang(rd.trgLang)}
	rd.f.hf = hf
	if err := rd.check(rd.c.ElementsOnly(n)); err != nil {
		return nil, err
	}
	ext := map[[2]string]*xmltree.Node{}
	phase, content := 0, false
	for _, c := range n.Elems() {
		switch {
		case !rd.core(c):
			if phase > 1 {
				return nil, rd.errf(c, ErrInvalid, "extension element %s must come before <notes>, the units and the groups of <file>", c.Tag())
			}
			phase = 1
			if err := rd.check(rd.c.Extension(c, ext, nil)); err != nil {
				return nil, err
			}
			if dt := datatypeOf(c); dt != "" {
				hf.Datatype = dt
			}
		case c.Name.Local == "skeleton":
			if phase > 0 {
				return nil, rd.errf(c, ErrInvalid, "<skeleton> must come first in <file>")
			}
			phase = 1
			if err := rd.skeleton(c); err != nil {
				return nil, err
			}
		case c.Name.Local == "notes":
			if phase > 1 {
				return nil, rd.errf(c, ErrInvalid, "<notes> must come before the units and groups of <file>")
			}
			phase = 2
			if _, err := rd.notes(c); err != nil {
				return nil, err
			}
		case c.Name.Local == "unit" || c.Name.Local == "group":
			phase, content = 3, true
			if err := rd.unitOrGroup(c); err != nil {
				return nil, err
			}
		default:
			return nil, rd.errf(c, ErrInvalid, "%s is not allowed in <file>", c.Tag())
		}
	}
	if !content {
		return nil, rd.errf(n, ErrInvalid, "file %s has no <unit> or <group>: it needs at least one", id)
	}
	if err := rd.check(rd.c.SubFlows()); err != nil {
		return nil, err
	}
	return hf, nil
}

// datatypeOf finds the datatype loctool keeps in the metadata module.
func datatypeOf(n *xmltree.Node) string {
	v, _ := loctoolMeta(n, "datatype")
	return v
}

// loctoolMeta finds a <mda:meta> of the type in a metaGroup of category
// "loctool" of a <mda:metadata>.
func loctoolMeta(n *xmltree.Node, typ string) (string, bool) {
	if n.Name.Space != conform.MetadataNS || n.Name.Local != "metadata" {
		return "", false
	}
	for _, g := range n.Elems() {
		if g.Name.Local == "metaGroup" && g.Get("category") == "loctool" {
			for _, m := range g.Elems() {
				if m.Name.Local == "meta" && m.Get("type") == typ {
					return m.Text(), true
				}
			}
		}
	}
	return "", false
}

// previousVersions finds, among the translation candidates of a
// <mtc:matches>, those loctool writes for the translations kept for
// review, and records in was the source each was made for, and the
// translation kept, by segment ID.
func previousVersions(n *xmltree.Node, was map[string]previous) map[string]previous {
	if n.Name.Space != conform.MatchesNS || n.Name.Local != "matches" {
		return was
	}
	for _, m := range n.Elems() {
		if m.Name.Space != conform.MatchesNS || m.Name.Local != "match" || m.Get("subType") != previousSubType {
			continue
		}
		ref := m.Get("ref") // "#s1": the checker has seen that it names a segment
		seg := ref[strings.LastIndexAny(ref, "#/")+1:]
		if strings.Contains(seg, "=") {
			continue
		}
		var p previous
		for _, c := range m.Elems() {
			switch c.Name.Local {
			case "source":
				p.was = text2(c)
			case "target":
				p.kept = c
			}
		}
		if p.was != "" {
			if was == nil {
				was = map[string]previous{}
			}
			was[decodeID(seg)] = p
		}
	}
	return was
}

// text2 returns the text of an XLIFF 2 element, its <cp>s decoded.
func text2(n *xmltree.Node) string {
	var b strings.Builder
	var walk func(*xmltree.Node)
	walk = func(n *xmltree.Node) {
		for _, k := range n.Kids {
			switch {
			case k.El == nil:
				b.WriteString(k.Text)
			case k.El.Name.Local == "cp":
				if r, ok := conform.CPRune(k.El.Get("hex")); ok {
					b.WriteRune(r)
				}
			default:
				walk(k.El)
			}
		}
	}
	walk(n)
	return b.String()
}

func (rd *reader2) skeleton(n *xmltree.Node) error {
	if err := rd.check(rd.c.Attrs(n)); err != nil {
		return err
	}
	_, href := n.Attr("href")
	switch {
	case href && len(n.Kids) > 0:
		return rd.errf(n, ErrInvalid, "<skeleton> with an href attribute must be empty")
	case !href && len(n.Kids) == 0:
		return rd.errf(n, ErrInvalid, "an empty <skeleton> needs an href attribute")
	}
	for _, c := range n.Elems() {
		if rd.core(c) {
			return rd.errf(c, ErrInvalid, "%s is not allowed in <skeleton>", c.Tag())
		}
	}
	return nil
}

// notes reads a <notes>; it returns the notes by ID.
func (rd *reader2) notes(n *xmltree.Node) (map[string]*xmltree.Node, error) {
	if err := rd.check(rd.c.Attrs(n)); err != nil {
		return nil, err
	}
	if err := rd.check(rd.c.ElementsOnly(n)); err != nil {
		return nil, err
	}
	ids := map[string]*xmltree.Node{}
	count := 0
	for _, c := range n.Elems() {
		if !rd.core(c) || c.Name.Local != "note" {
			return nil, rd.errf(c, ErrInvalid, "%s is not allowed in <notes>: expected <note>", c.Tag())
		}
		count++
		if err := rd.check(rd.c.Attrs(c)); err != nil {
			return nil, err
		}
		if len(c.Elems()) > 0 {
			return nil, rd.errf(c.Elems()[0], ErrInvalid, "<note> holds text only")
		}
		if id, ok := c.Attr("id"); ok {
			if prev := ids[id]; prev != nil {
				return nil, rd.errf(c, ErrDuplicateID, "note id %q is already used on line %d in the same <notes>", id, prev.Line)
			}
			ids[id] = c
		}
	}
	if count == 0 {
		return nil, rd.errf(n, ErrInvalid, "<notes> must hold at least one <note>")
	}
	return ids, nil
}

func (rd *reader2) unitOrGroup(n *xmltree.Node) error {
	if n.Name.Local == "unit" {
		u, err := rd.unit(n)
		if err != nil {
			id := n.Get("id")
			return within(err, "unit "+id, decodeID(id))
		}
		rd.f.hf.Units = append(rd.f.hf.Units, u)
		return nil
	}
	if err := rd.check(rd.c.Attrs(n)); err != nil {
		return err
	}
	id := n.Get("id")
	if prev := rd.f.groups[id]; prev != nil {
		return rd.errf(n, ErrDuplicateID, "group id %q is already used on line %d: group IDs must be unique in a <file>", id, prev.Line)
	}
	rd.f.groups[id] = n
	if err := rd.check(rd.c.ElementsOnly(n)); err != nil {
		return err
	}
	ext := map[[2]string]*xmltree.Node{}
	phase := 0
	for _, c := range n.Elems() {
		switch {
		case !rd.core(c):
			if phase > 0 {
				return rd.errf(c, ErrInvalid, "extension element %s must come before <notes>, the units and the groups of <group>", c.Tag())
			}
			if err := rd.check(rd.c.Extension(c, ext, nil)); err != nil {
				return err
			}
		case c.Name.Local == "notes":
			if phase > 0 {
				return rd.errf(c, ErrInvalid, "<notes> must come before the units and groups of <group>")
			}
			phase = 1
			if _, err := rd.notes(c); err != nil {
				return err
			}
		case c.Name.Local == "unit" || c.Name.Local == "group":
			phase = 2
			if err := rd.unitOrGroup(c); err != nil {
				return err
			}
		default:
			return rd.errf(c, ErrInvalid, "%s is not allowed in <group>", c.Tag())
		}
	}
	return nil
}

// part2 is a <segment> or <ignorable> being read.
type part2 struct {
	conform.Part
	src, tgt inline.Content
}

// unit2 is a <unit> being read.
type unit2 struct {
	conform.Unit
	parts []*part2
	// comments are its comment annotations, and spanning those of <sm>s
	// whose <em> is still to come, by ID.
	comments []*comment2
	spanning map[string]*comment2
}

// comment2 is a comment annotation: where it starts and ends, in which
// parts and on which side, and the comment or the ID of the note it is.
type comment2 struct {
	part, start, endPart, end int
	target                    bool
	text, note                string
}

// comment records the comment annotation that an <mrk> or <sm> starting
// at the place at of a part's source or target is, if it is one.
func (u *unit2) comment(e *xmltree.Node, part int, target bool, at int) *comment2 {
	if e.Get("type") != "comment" {
		return nil
	}
	cm := &comment2{part: part, start: at, endPart: -1, target: target, text: e.Get("value")}
	if ref, ok := e.Attr("ref"); ok {
		// "#n=ID", or with the file and unit: the checker has seen that
		// it names a note of the unit.
		cm.note = decodeID(ref[strings.LastIndex(ref, "n=")+2:])
	}
	u.comments = append(u.comments, cm)
	return cm
}

// data returns the original data an inline element's attribute names:
// <originalData> comes before the segments.
func (u *unit2) data(e *xmltree.Node, attr string) string {
	if v, ok := e.Attr(attr); ok {
		return u.Data[v]
	}
	return ""
}

func (rd *reader2) unit(n *xmltree.Node) (*handoff.Unit, error) {
	if err := rd.check(rd.c.Attrs(n)); err != nil {
		return nil, err
	}
	id := n.Get("id")
	if prev := rd.f.Units[id]; prev != nil {
		return nil, rd.errf(n, ErrDuplicateID, "unit id %q is already used on line %d: unit IDs must be unique in a <file>", id, prev.Line).in(decodeID(id), "")
	}
	rd.f.Units[id] = n
	if err := rd.check(rd.c.ElementsOnly(n)); err != nil {
		return nil, err
	}
	u := &unit2{Unit: conform.Unit{N: n, ID: id, Notes: map[string]*xmltree.Node{}, Data: map[string]string{}}, spanning: map[string]*comment2{}}
	hu := &handoff.Unit{ID: decodeID(id)}
	var fields typed
	if kind, ok := strings.CutPrefix(n.Get("type"), kindPrefix); ok && kind != "" {
		hu.Kind, fields.kind = kindOf(kind), true
	}
	var was map[string]previous // by segment ID
	if rd.f.decoded[hu.ID] {
		return nil, rd.errf(n, ErrDuplicateID, "unit id %q decodes to %q, which another unit of the file has", id, hu.ID).in(hu.ID, "")
	}
	rd.f.decoded[hu.ID] = true
	ext := map[[2]string]*xmltree.Node{}
	phase, segments := 0, 0
	elems := n.Elems()
	u.parts, u.Parts = make([]*part2, 0, len(elems)), make([]*conform.Part, 0, len(elems))
	for _, c := range elems {
		switch {
		case !rd.core(c):
			if phase > 0 {
				return nil, rd.errf(c, ErrInvalid, "extension element %s must come before <notes>, <originalData> and the segments of <unit>", c.Tag())
			}
			if err := rd.check(rd.c.Extension(c, ext, &u.Unit)); err != nil {
				return nil, err
			}
			if c.Name.Space == conform.GlossaryNS && c.Name.Local == "glossary" {
				hu.Glossary = append(hu.Glossary, glossary2(c)...)
				fields.glossary = true
			}
			if origin, ok := loctoolMeta(c, metaOrigin); ok && hu.Origin == "" {
				hu.Origin, fields.origin = origin, true
			}
			was = previousVersions(c, was)
		case c.Name.Local == "notes":
			if phase > 0 {
				return nil, rd.errf(c, ErrInvalid, "<notes> must come before <originalData> and the segments of <unit>")
			}
			phase = 1
			notes, err := rd.notes(c)
			if err != nil {
				return nil, err
			}
			u.Notes = notes
			decoded := map[string]bool{}
			for _, nt := range c.Elems() {
				if nid, ok := nt.Attr("id"); ok {
					if decoded[decodeID(nid)] {
						return nil, rd.errf(nt, ErrDuplicateID, "note id %q decodes to %q, which another note of unit %s has", nid, decodeID(nid), id).in(hu.ID, "")
					}
					decoded[decodeID(nid)] = true
				}
				lang, _ := nt.AttrNS(xmltree.XMLNS, "lang")
				priority, _ := strconv.Atoi(nt.Get("priority")) // the checker has checked it
				hu.Notes = append(hu.Notes, handoff.Note{Text: nt.Text(), From: nt.Get("category"), Priority: priority,
					AppliesTo: nt.Get("appliesTo"), Lang: lang, ID: decodeID(nt.Get("id"))})
			}
		case c.Name.Local == "originalData":
			if phase > 1 {
				return nil, rd.errf(c, ErrInvalid, "<originalData> must come before the segments of <unit>")
			}
			phase = 2
			if err := rd.originalData(c, u); err != nil {
				return nil, err
			}
		case c.Name.Local == "segment" || c.Name.Local == "ignorable":
			phase = 3
			if c.Name.Local == "segment" {
				segments++
			}
			if err := rd.part(c, u); err != nil {
				return nil, inSegment(err, decodeID(c.Get("id")))
			}
		default:
			return nil, rd.errf(c, ErrInvalid, "%s is not allowed in <unit>", c.Tag())
		}
	}
	if segments == 0 {
		return nil, rd.errf(n, ErrInvalid, "unit %s has no <segment>: it needs at least one", id).in(hu.ID, "")
	}
	if err := rd.check(rd.c.Unit(&u.Unit)); err != nil {
		return nil, err
	}
	if err := rd.convert(u, hu); err != nil {
		return nil, err
	}
	for _, s := range hu.Segments() {
		if p, ok := was[s.ID]; ok {
			s.Was, fields.was = p.was, true
		}
	}
	notes := hu.Notes
	decodeRemarks(hu, fields)
	keepComments(hu, notes)
	// A translation kept for review is confirmed by a target other than
	// the one kept, or by a state other than loctool's needs-review.
	segs := hu.Segments()
	for _, p := range u.parts {
		if !p.Seg {
			continue
		}
		s := segs[0]
		segs = segs[1:]
		var kept inline.Content
		if k := was[s.ID].kept; k != nil {
			kept = content2(k, rd.ns)
		}
		review(s, kept, confirming2(p.N.Get("state"), p.N.Get("subState")))
	}
	return hu, nil
}

func (rd *reader2) originalData(n *xmltree.Node, u *unit2) error {
	if err := rd.check(rd.c.Attrs(n)); err != nil {
		return err
	}
	if err := rd.check(rd.c.ElementsOnly(n)); err != nil {
		return err
	}
	at := map[string]*xmltree.Node{}
	for _, d := range n.Elems() {
		if !rd.core(d) || d.Name.Local != "data" {
			return rd.errf(d, ErrInvalid, "%s is not allowed in <originalData>: expected <data>", d.Tag())
		}
		if err := rd.check(rd.c.Attrs(d)); err != nil {
			return err
		}
		id := d.Get("id")
		if prev := at[id]; prev != nil {
			return rd.errf(d, ErrDuplicateID, "data id %q is already used on line %d in the same <originalData>", id, prev.Line)
		}
		at[id] = d
		var b strings.Builder
		for _, k := range d.Kids {
			switch {
			case k.El == nil:
				b.WriteString(k.Text)
			case rd.core(k.El) && k.El.Name.Local == "cp":
				r, err := rd.cp(k.El)
				if err != nil {
					return err
				}
				b.WriteRune(r)
			default:
				return rd.errf(k.El, ErrInvalid, "%s is not allowed in <data>, which holds text and <cp> only", k.El.Tag())
			}
		}
		u.Data[id] = b.String()
	}
	if len(at) == 0 {
		return rd.errf(n, ErrInvalid, "<originalData> must hold at least one <data>")
	}
	return nil
}

func (rd *reader2) cp(n *xmltree.Node) (rune, error) {
	if err := rd.check(rd.c.Attrs(n)); err != nil {
		return 0, err
	}
	if len(n.Kids) > 0 {
		return 0, rd.errf(n, ErrInvalid, "<cp> must be empty")
	}
	r, _ := conform.CPRune(n.Get("hex"))
	return r, nil
}

func (rd *reader2) part(n *xmltree.Node, u *unit2) error {
	if err := rd.check(rd.c.Attrs(n)); err != nil {
		return err
	}
	if err := rd.check(rd.c.ElementsOnly(n)); err != nil {
		return err
	}
	p := &part2{Part: conform.Part{N: n, Seg: n.Name.Local == "segment"}}
	for _, c := range n.Elems() {
		switch {
		case rd.core(c) && c.Name.Local == "source" && p.Source == nil && p.Target == nil:
			p.Source = c
		case rd.core(c) && c.Name.Local == "target" && p.Source != nil && p.Target == nil:
			p.Target = c
		case rd.core(c) && (c.Name.Local == "source" || c.Name.Local == "target"):
			return rd.errf(c, ErrInvalid, "%s holds one <source> and then at most one <target>", n.Tag())
		default:
			return rd.errf(c, ErrInvalid, "%s is not allowed in %s, which holds <source> and <target> only", c.Tag(), n.Tag())
		}
	}
	if p.Source == nil {
		return rd.errf(n, ErrInvalid, "%s has no <source>", n.Tag())
	}
	if state, sub := n.Get("state"), n.Get("subState"); sub != "" && state == "" {
		return rd.errf(n, ErrInvalid, "subState=%q needs a state attribute too", sub)
	}
	for _, c := range []*xmltree.Node{p.Source, p.Target} {
		if c != nil {
			if err := rd.check(rd.c.Attrs(c)); err != nil {
				return err
			}
		}
	}
	idx := len(u.parts)
	u.parts = append(u.parts, p)
	u.Parts = append(u.Parts, &p.Part)
	var err error
	if p.src, p.SrcEvents, err = rd.content(p.Source, u, idx, false, 0); err != nil {
		return err
	}
	if p.Target != nil {
		if !rd.hasTrg {
			return rd.errf(p.Target, ErrLanguage, "a <target> needs the trgLang attribute on <xliff>, which is missing")
		}
		if p.tgt, p.TgtEvents, err = rd.content(p.Target, u, idx, true, 0); err != nil {
			return err
		}
		p.Blank = blank(p.tgt)
	}
	// Languages and white space, explicit or inherited.
	if l, ok := p.Source.Inherited(xmltree.XMLNS, "lang"); ok && !conform.LangMatches(l, rd.srcLang) {
		return rd.errf(p.Source, ErrLanguage, "the source's xml:lang is %q but the file's srcLang is %q", l, rd.srcLang)
	}
	if p.Target != nil {
		if l, ok := p.Target.Inherited(xmltree.XMLNS, "lang"); ok && !conform.LangMatches(l, rd.trgLang) {
			return rd.errf(p.Target, ErrLanguage, "the target's xml:lang is %q but the file's trgLang is %q", l, rd.trgLang)
		}
		space := func(n *xmltree.Node) string {
			if v, ok := n.Inherited(xmltree.XMLNS, "space"); ok {
				return v
			}
			return "default"
		}
		if s, t := space(p.Source), space(p.Target); s != t {
			return rd.errf(p.Target, ErrInvalid, "the target's xml:space is %q but its source's is %q: they must be the same", t, s)
		}
	}
	return nil
}

// content reads a <source> or <target>.
// base is where n's content starts in its <source> or <target>, as
// comments count places ([units]).
func (rd *reader2) content(n *xmltree.Node, u *unit2, part int, target bool, base int) (inline.Content, []conform.Event, error) {
	c := inline.Content{}
	at := base
	add := func(it inline.Item) {
		c = append(c, it)
		if it.Code != nil {
			at++
		} else {
			at += utf8.RuneCountInString(it.Text)
		}
	}
	var events []conform.Event
	var walk func(n *xmltree.Node) error
	walk = func(n *xmltree.Node) error {
		for _, k := range n.Kids {
			if k.El == nil {
				add(inline.Item{Text: k.Text})
				continue
			}
			e := k.El
			if !rd.core(e) {
				return rd.errf(e, ErrInvalid, "extension element %s is not allowed in %s", e.Tag(), n.Tag())
			}
			if e.Name.Local == "cp" {
				r, err := rd.cp(e)
				if err != nil {
					return err
				}
				add(inline.Item{Text: string(r)})
				continue
			}
			switch e.Name.Local {
			case "ph", "pc", "sc", "ec", "mrk", "sm", "em":
			default:
				return rd.errf(e, ErrInvalid, "%s is not allowed in %s", e.Tag(), n.Tag())
			}
			if err := rd.check(rd.c.Attrs(e)); err != nil {
				return err
			}
			x := &conform.Inline{N: e, Name: e.Name.Local, Target: target, Part: part}
			x.ID, x.HasID = e.Attr("id")
			u.Inlines = append(u.Inlines, x)
			if err := rd.check(rd.c.Inline(x)); err != nil {
				return err
			}
			typ := typeFrom2(e.Get("type"), e.Get("subType"))
			switch x.Name {
			case "ph", "sc", "ec":
				kind := inline.Placeholder
				switch x.Name {
				case "sc":
					kind = inline.Open
				case "ec":
					kind = inline.Close
				}
				code := &inline.Code{Kind: kind, ID: decodeID(x.Logical()), Type: typ, Display: e.Get("disp"), Data: u.data(e, "dataRef")}
				add(inline.Item{Code: code})
				events = append(events, conform.Event{X: x})
			case "pc":
				open := &inline.Code{Kind: inline.Open, ID: decodeID(x.ID), Type: typ, Display: e.Get("dispStart"), Data: u.data(e, "dataRefStart")}
				close := &inline.Code{Kind: inline.Close, ID: decodeID(x.ID), Type: typ, Display: e.Get("dispEnd"), Data: u.data(e, "dataRefEnd")}
				add(inline.Item{Code: open})
				events = append(events, conform.Event{X: x})
				if len(e.Kids) > 0 {
					inner, innerEv, err := rd.content(e, u, part, target, at)
					if err != nil {
						return err
					}
					for _, it := range inner {
						add(it)
					}
					events = append(events, innerEv...)
				}
				add(inline.Item{Code: close})
				events = append(events, conform.Event{X: x, End: true})
			case "mrk":
				cm := u.comment(e, part, target, at)
				if err := walk(e); err != nil {
					return err
				}
				if cm != nil {
					cm.endPart, cm.end = part, at
				}
			case "sm", "em":
				if len(e.Kids) > 0 {
					return rd.errf(e, ErrInvalid, "%s must be empty", e.Tag())
				}
				if x.Name == "sm" {
					if cm := u.comment(e, part, target, at); cm != nil {
						u.spanning[x.ID] = cm
					}
				} else if cm := u.spanning[e.Get("startRef")]; cm != nil && cm.target == target {
					cm.endPart, cm.end = part, at
					delete(u.spanning, e.Get("startRef"))
				}
			}
		}
		return nil
	}
	if err := walk(n); err != nil {
		return nil, nil, err
	}
	return c, events, nil
}

// convert turns a checked unit into a handoff unit.
func (rd *reader2) convert(u *unit2, hu *handoff.Unit) error {
	// A segment without an ID gets one that no segment or code of the
	// unit has.
	ids := map[string]bool{}
	for _, p := range u.Parts {
		if id, ok := p.N.Attr("id"); ok {
			ids[decodeID(id)] = true
		}
	}
	for _, x := range u.Inlines {
		ids[decodeID(x.Logical())] = true
	}
	nseg := 0
	segIDs := map[string]bool{}
	for _, p := range u.parts {
		if !p.Seg {
			if len(p.src.Codes()) > 0 {
				return rd.errf(p.Source, ErrUnsupported, "an <ignorable> of unit %s holds inline codes: loctool keeps only text between segments", u.ID).in(hu.ID, "")
			}
			hu.Parts = append(hu.Parts, handoff.Part{Space: p.src.PlainText()})
			continue
		}
		nseg++
		s := &handoff.Segment{State: stateFrom2(p.N.Get("state"), p.N.Get("subState")), Line: p.N.Line, Col: p.N.Col}
		if id, ok := p.N.Attr("id"); ok {
			s.ID = decodeID(id)
			if segIDs[s.ID] {
				return rd.errf(p.N, ErrDuplicateID, "segment id %q decodes to %q, which another segment of unit %s has", id, s.ID, u.ID).in(hu.ID, s.ID)
			}
			segIDs[s.ID] = true
		} else {
			for k := nseg; ; k++ {
				if id := "s" + strconv.Itoa(k); !ids[id] {
					s.ID = id
					ids[id] = true
					break
				}
			}
		}
		s.Source = normalized(p.src)
		if (p.Target == nil || p.Blank) && s.State > handoff.NeedsTranslation {
			s.State = handoff.New // no target, or an empty one: nothing translated yet
		}
		if p.Target != nil && !p.Blank {
			s.Target = normalized(p.tgt)
			s.Line, s.Col = p.Target.Line, p.Target.Col
			if bad, r := unprintable(p.Target, rd.ns); bad != nil && !s.Target.Equal(s.Source) {
				return rd.p.unprintableError(bad, r, "unit "+u.ID, hu.ID, s.ID)
			}
			// The editing hints have had their say on missing and extra
			// codes; what is left is nesting.
			var ce *inline.CodeError
			if err := inline.CheckCodes(s.Source, s.Target); !rd.opts.KeepCodeMismatches && errors.As(err, &ce) && ce.Nesting != "" && !sourceCrosses(s.Source) {
				return &Error{File: rd.p.file, Line: p.Target.Line, Col: p.Target.Col, Kind: ErrCodes, Err: err, Unit: hu.ID, Segment: s.ID,
					Msg: fmt.Sprintf("unit %s, segment %s: the target's codes are not soundly nested: %s", u.ID, s.ID, ce.Nesting)}
			}
		}
		hu.Parts = append(hu.Parts, handoff.Part{Segment: s})
	}
	// The targets in the order of the translated text, as their order
	// attributes, or their places, give it; the targets of ignorables,
	// which loctool does not keep, keep their places out of it.
	type placed struct {
		s  *handoff.Segment
		at int
	}
	var translated []placed
	for i, p := range u.parts {
		if p.Seg && p.Target != nil && !p.Blank {
			at := i + 1
			if v, ok := p.Target.Attr("order"); ok {
				at, _ = strconv.Atoi(v) // the checker has checked it
			}
			translated = append(translated, placed{hu.Parts[i].Segment, at})
		}
	}
	slices.SortStableFunc(translated, func(a, b placed) int { return a.at - b.at })
	seq := make([]*handoff.Segment, len(translated))
	for i, t := range translated {
		seq[i] = t.s
	}
	setOrder(hu, seq)
	comments(u, hu)
	// What the checks above allow, loctool can write back; IDs that
	// decode alike are the exception.
	var sources, targets []inline.Content
	for _, s := range hu.Segments() {
		sources = append(sources, s.Source)
		if s.Target != nil {
			targets = append(targets, s.Target)
		}
	}
	for _, side := range []struct {
		c    []inline.Content
		name string
	}{{sources, "source"}, {targets, "target"}} {
		if side.name == "target" && rd.opts.KeepCodeMismatches {
			continue
		}
		if err := unitCodes(side.c, side.name); err != nil {
			return rd.errf(u.N, errKind(err), "unit %s: %v", u.ID, err).in(hu.ID, "")
		}
	}
	return nil
}

// comments gives the segments of a unit the comment annotations of
// their targets, a comment that spans several targets to each, and
// makes a note of a comment on a source: where the source is the
// article's, a comment on it is a remark on the unit.
func comments(u *unit2, hu *handoff.Unit) {
	for _, cm := range u.comments {
		if cm.text == "" && cm.note == "" {
			continue // an empty comment says nothing
		}
		if !cm.target {
			if cm.text != "" {
				hu.Notes = append(hu.Notes, handoff.Note{Text: cm.text, AppliesTo: "source"})
			}
			continue
		}
		for k := cm.part; k <= cm.endPart; k++ {
			s := hu.Parts[k].Segment
			if s == nil || s.Target == nil {
				continue // an ignorable's target, or no translation
			}
			c := handoff.Comment{Start: 0, End: units(s.Target), Text: cm.text, Note: cm.note}
			if k == cm.part {
				c.Start = cm.start
			}
			if k == cm.endPart {
				c.End = cm.end
			}
			s.Comments = append(s.Comments, c)
		}
	}
	for _, s := range hu.Segments() {
		sortComments(s.Comments)
	}
}

func normalized(c inline.Content) inline.Content {
	c = c.Normalize()
	if c == nil {
		return inline.Content{}
	}
	return c
}

// glossary2 reads the entries of a glossary module's <gls:glossary>, as
// [handoff.GlossEntry]s: the term, its first translation, and its
// definition. The module's rules are the extension's to check.
func glossary2(n *xmltree.Node) []handoff.GlossEntry {
	var out []handoff.GlossEntry
	for _, e := range n.Elems() {
		if e.Name.Space != conform.GlossaryNS || e.Name.Local != "glossEntry" {
			continue
		}
		var g handoff.GlossEntry
		for _, c := range e.Elems() {
			if c.Name.Space != conform.GlossaryNS {
				continue
			}
			switch c.Name.Local {
			case "term":
				g.Term = c.DeepText()
			case "translation":
				if g.Translation == "" {
					g.Translation = c.DeepText()
				}
			case "definition":
				g.Definition = c.DeepText()
			}
		}
		if concept, ok := strings.CutPrefix(g.Definition, "concept "); ok && g.Translation == "" {
			g.Concept, g.Definition = concept, ""
		}
		out = append(out, g)
	}
	return out
}
