package xliff

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
)

// reader2 reads XLIFF 2.0, 2.1 and 2.2, and checks the processing rules
// of the specification that its schema cannot express: ID uniqueness,
// references, code pairing and editing hints, segment order, languages.
type reader2 struct {
	p       *parser
	ns      string
	version Version
	opts    ReadOptions
	srcLang string
	trgLang string
	hasTrg  bool
	files   map[string]*node
	f       *file2
}

// file2 is what a <file> needs checked when it is complete.
type file2 struct {
	n        *node
	id       string
	units    map[string]*node
	decoded  map[string]bool // the units' IDs, decoded
	groups   map[string]*node
	subFlows []*node // inline elements that name other units
	// slrStandard is set when the file uses a standard profile of the
	// Size Restriction module, whose sizes are whole numbers.
	slrStandard bool
	hf          *handoff.File
}

func newReader2(p *parser, ns string, o ReadOptions) *reader2 {
	return &reader2{p: p, ns: ns, opts: o, files: map[string]*node{}}
}

func (rd *reader2) errf(n *node, kind error, format string, args ...any) *Error {
	return rd.p.errf(n.line, n.col, kind, format, args...)
}

func (rd *reader2) core(n *node) bool { return n.name.Space == rd.ns }

// attrs checks an element's attributes against its spec.
func (rd *reader2) attrs(n *node) error {
	spec := specs2[n.name.Local]
	for _, a := range n.attrs {
		name := a.Name.Local
		switch sp := a.Name.Space; {
		case sp == "" && name == "xmlns", sp == "xmlns":
			continue
		case sp == "":
			k, ok := spec.attrs[name]
			if !ok {
				return rd.errf(n, ErrInvalid, "attribute %s is not allowed on %s", name, n.tag())
			}
			if msg := checkValue(k, a.Value); msg != "" {
				kind := ErrInvalid
				if k == aLang {
					kind = ErrLanguage
				}
				return rd.errf(n, kind, "%s=%q on %s %s", name, a.Value, n.tag(), msg)
			}
		case sp == xmlNS:
			if spec.foreign != fAny && !slices.Contains(spec.xml, name) {
				return rd.errf(n, ErrInvalid, "attribute xml:%s is not allowed on %s", name, n.tag())
			}
			switch name {
			case "lang":
				if !wellFormedLang(a.Value) {
					return rd.errf(n, ErrLanguage, "xml:lang=%q on %s is not a well-formed BCP 47 language tag", a.Value, n.tag())
				}
			case "space":
				if a.Value != "default" && a.Value != "preserve" || n.name.Local == "data" && a.Value != "preserve" {
					return rd.errf(n, ErrInvalid, "xml:space=%q on %s must be \"preserve\"%s", a.Value, n.tag(),
						map[bool]string{true: "", false: ` or "default"`}[n.name.Local == "data"])
				}
			}
		case sp == rd.ns:
			return rd.errf(n, ErrInvalid, "attribute %s on %s must not have a namespace prefix", name, n.tag())
		default:
			if err := rd.foreignAttr(n, spec, a.Name.Space, name, a.Value); err != nil {
				return err
			}
		}
	}
	for _, r := range spec.required {
		if _, ok := n.attr(r); !ok {
			return rd.errf(n, ErrInvalid, "%s has no %s attribute, which it requires", n.tag(), r)
		}
	}
	if _, ok := n.attrNS(nsFS, "subFs"); ok {
		if _, ok := n.attrNS(nsFS, "fs"); !ok {
			return rd.errf(n, ErrInvalid, "fs:subFs on %s needs fs:fs", n.tag())
		}
	}
	return nil
}

func (rd *reader2) foreignAttr(n *node, spec *elemSpec, space, name, value string) error {
	known, isModule := moduleAttrs[space]
	switch {
	case isModule && !known[name]:
		return rd.errf(n, ErrInvalid, "attribute %s of namespace %s is not defined by its module", name, space)
	case isModule || openModules[space]:
		if spec.foreign == fNone {
			return rd.errf(n, ErrInvalid, "module attribute %s is not allowed on %s", name, n.tag())
		}
		if k, ok := slrAttrs[name]; ok && space == nsSLR {
			if k == aCount && !rd.f.slrStandard {
				k = aString // its form is the profile's, and only the standard profiles are known
			}
			if msg := checkModuleValue(k, value); msg != "" {
				return rd.errf(n, ErrInvalid, "slr:%s=%q on %s %s", name, value, n.tag(), msg)
			}
			if name == "sizeInfo" || name == "sizeInfoRef" {
				other := map[string]string{"sizeInfo": "sizeInfoRef", "sizeInfoRef": "sizeInfo"}[name]
				if _, both := n.attrNS(nsSLR, other); both {
					return rd.errf(n, ErrInvalid, "slr:sizeInfo and slr:sizeInfoRef exclude each other on %s", n.tag())
				}
			}
		}
		if space == nsFS && name == "fs" && !fsValues[value] {
			return rd.errf(n, ErrInvalid, "fs:fs=%q on %s is not one of the HTML elements the Format Style module allows", value, n.tag())
		}
		if n.name.Local == "ec" && n.get("isolated") != "yes" && (space == nsFS || space == nsSLR) {
			return rd.errf(n, ErrInvalid, "module attribute %s is allowed on <ec> only when it is isolated; put it on the <sc>", name)
		}
	case spec.foreign != fAny:
		return rd.errf(n, ErrInvalid, "extension attribute %s (namespace %s) is not allowed on %s: XLIFF allows extension attributes only on <xliff>, <file>, <group>, <unit>, <note>, <mrk> and <sm>", name, space, n.tag())
	}
	return nil
}

// onlySpace checks that the text of an element that holds elements only
// is white space.
func (rd *reader2) onlySpace(n *node) error {
	for _, k := range n.kids {
		if k.el == nil && strings.TrimSpace(k.text) != "" {
			return rd.errf(n, ErrInvalid, "%s holds text %q, but only elements may go there", n.tag(), trim(k.text))
		}
	}
	return nil
}

func trim(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return s
}

func (rd *reader2) read(root *node) ([]*handoff.File, []*node, error) {
	if err := rd.attrs(root); err != nil {
		return nil, nil, err
	}
	v := root.get("version")
	switch {
	case rd.ns == ns20 && (v == "2.0" || v == "2.1"):
		rd.version = Version(v)
	case rd.ns == ns22 && (v == "2.0" || v == "2.1" || v == "2.2"):
		rd.version = Version22
	default:
		return nil, nil, rd.errf(root, ErrVersion, "version=%q does not match the namespace %s", v, rd.ns)
	}
	rd.srcLang = root.get("srcLang")
	rd.trgLang, rd.hasTrg = root.attr("trgLang")
	if err := rd.onlySpace(root); err != nil {
		return nil, nil, err
	}
	var files []*handoff.File
	var pos []*node
	phase := 0
	for _, c := range root.elems() {
		switch {
		case rd.core(c) && c.name.Local == "file":
			phase = 3
			f, err := rd.file(c)
			if err != nil {
				return nil, nil, err
			}
			files = append(files, f)
			pos = append(pos, c)
		case rd.version == Version22 && rd.core(c) && c.name.Local == "notes" && phase == 0:
			phase = 1
			if _, err := rd.notes(c); err != nil {
				return nil, nil, err
			}
		case rd.version == Version22 && c.name.Space == nsMetadata && c.name.Local == "metadata" && phase < 2:
			phase = 2
			if err := rd.extension(c, map[[2]string]*node{}, nil); err != nil {
				return nil, nil, err
			}
		case rd.core(c):
			return nil, nil, rd.errf(c, ErrInvalid, "%s is not allowed in <xliff>: expected <file>", c.tag())
		default:
			return nil, nil, rd.errf(c, ErrInvalid, "extension element %s is not allowed directly in <xliff>: extensions go inside <file>, <group> or <unit>", c.tag())
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

func (rd *reader2) file(n *node) (*handoff.File, error) {
	if err := rd.attrs(n); err != nil {
		return nil, err
	}
	id := n.get("id")
	if prev := rd.files[id]; prev != nil {
		return nil, rd.errf(n, ErrDuplicateID, "file id %q is already used on line %d", id, prev.line)
	}
	rd.files[id] = n
	rd.f = &file2{n: n, id: id, units: map[string]*node{}, decoded: map[string]bool{}, groups: map[string]*node{}}
	hf := &handoff.File{Original: n.get("original"), SourceLang: rd.lang(rd.srcLang), TargetLang: rd.lang(rd.trgLang)}
	rd.f.hf = hf
	if err := rd.onlySpace(n); err != nil {
		return nil, err
	}
	ext := map[[2]string]*node{}
	phase, content := 0, false
	for _, c := range n.elems() {
		switch {
		case !rd.core(c):
			if phase > 1 {
				return nil, rd.errf(c, ErrInvalid, "extension element %s must come before <notes>, the units and the groups of <file>", c.tag())
			}
			phase = 1
			if err := rd.extension(c, ext, nil); err != nil {
				return nil, err
			}
			if dt := datatypeOf(c); dt != "" {
				hf.Datatype = dt
			}
		case c.name.Local == "skeleton":
			if phase > 0 {
				return nil, rd.errf(c, ErrInvalid, "<skeleton> must come first in <file>")
			}
			phase = 1
			if err := rd.skeleton(c); err != nil {
				return nil, err
			}
		case c.name.Local == "notes":
			if phase > 1 {
				return nil, rd.errf(c, ErrInvalid, "<notes> must come before the units and groups of <file>")
			}
			phase = 2
			if _, err := rd.notes(c); err != nil {
				return nil, err
			}
		case c.name.Local == "unit" || c.name.Local == "group":
			phase, content = 3, true
			if err := rd.unitOrGroup(c); err != nil {
				return nil, err
			}
		default:
			return nil, rd.errf(c, ErrInvalid, "%s is not allowed in <file>", c.tag())
		}
	}
	if !content {
		return nil, rd.errf(n, ErrInvalid, "file %s has no <unit> or <group>: it needs at least one", id)
	}
	for _, e := range rd.f.subFlows {
		for _, attr := range []string{"subFlows", "subFlowsStart", "subFlowsEnd"} {
			v, ok := e.attr(attr)
			if !ok {
				continue
			}
			for _, u := range strings.Fields(v) {
				if rd.f.units[u] == nil {
					return nil, rd.errf(e, ErrReference, "%s=%q on %s names unit %q, which file %s does not have", attr, v, e.tag(), u, id)
				}
			}
		}
	}
	return hf, nil
}

// datatypeOf finds the datatype loctool keeps in the metadata module.
func datatypeOf(n *node) string {
	if n.name.Space != nsMetadata || n.name.Local != "metadata" {
		return ""
	}
	for _, g := range n.elems() {
		if g.name.Local == "metaGroup" && g.get("category") == "loctool" {
			for _, m := range g.elems() {
				if m.name.Local == "meta" && m.get("type") == "datatype" {
					return m.text()
				}
			}
		}
	}
	return ""
}

func (rd *reader2) skeleton(n *node) error {
	if err := rd.attrs(n); err != nil {
		return err
	}
	_, href := n.attr("href")
	switch {
	case href && len(n.kids) > 0:
		return rd.errf(n, ErrInvalid, "<skeleton> with an href attribute must be empty")
	case !href && len(n.kids) == 0:
		return rd.errf(n, ErrInvalid, "an empty <skeleton> needs an href attribute")
	}
	for _, c := range n.elems() {
		if rd.core(c) {
			return rd.errf(c, ErrInvalid, "%s is not allowed in <skeleton>", c.tag())
		}
	}
	return nil
}

// extension checks an extension or module element: the IDs of the
// extension elements in one <file>, <group> or <unit> (ids holds them,
// by namespace) are unique, and a module's namespace holds only the
// elements the module defines. Otherwise extensions are ignored.
func (rd *reader2) extension(n *node, ids map[[2]string]*node, u *unit2) error {
	if rd.core(n) {
		return nil // XLIFF elements inside a module, such as a match's source
	}
	if names, ok := moduleElements[n.name.Space]; ok && !names[n.name.Local] {
		return rd.errf(n, ErrInvalid, "%s is not an element of the module of namespace %s", n.tag(), n.name.Space)
	}
	if err := rd.moduleElement(n, u); err != nil {
		return err
	}
	for _, a := range n.attrs {
		if a.Name.Local == "id" && (a.Name.Space == "" || a.Name.Space == xmlNS) {
			k := [2]string{n.name.Space, a.Value}
			if prev := ids[k]; prev != nil {
				return rd.errf(n, ErrDuplicateID, "extension element %s has id %q, which %s on line %d already uses", n.tag(), a.Value, prev.tag(), prev.line)
			}
			ids[k] = n
		}
	}
	for _, c := range n.elems() {
		if err := rd.extension(c, ids, u); err != nil {
			return err
		}
	}
	return nil
}

// notes reads a <notes>; it returns the notes by ID.
func (rd *reader2) notes(n *node) (map[string]*node, error) {
	if err := rd.attrs(n); err != nil {
		return nil, err
	}
	if err := rd.onlySpace(n); err != nil {
		return nil, err
	}
	ids := map[string]*node{}
	count := 0
	for _, c := range n.elems() {
		if !rd.core(c) || c.name.Local != "note" {
			return nil, rd.errf(c, ErrInvalid, "%s is not allowed in <notes>: expected <note>", c.tag())
		}
		count++
		if err := rd.attrs(c); err != nil {
			return nil, err
		}
		if len(c.elems()) > 0 {
			return nil, rd.errf(c.elems()[0], ErrInvalid, "<note> holds text only")
		}
		if id, ok := c.attr("id"); ok {
			if prev := ids[id]; prev != nil {
				return nil, rd.errf(c, ErrDuplicateID, "note id %q is already used on line %d in the same <notes>", id, prev.line)
			}
			ids[id] = c
		}
	}
	if count == 0 {
		return nil, rd.errf(n, ErrInvalid, "<notes> must hold at least one <note>")
	}
	return ids, nil
}

func (rd *reader2) unitOrGroup(n *node) error {
	if n.name.Local == "unit" {
		u, err := rd.unit(n)
		if err != nil {
			return err
		}
		rd.f.hf.Units = append(rd.f.hf.Units, u)
		return nil
	}
	if err := rd.attrs(n); err != nil {
		return err
	}
	id := n.get("id")
	if prev := rd.f.groups[id]; prev != nil {
		return rd.errf(n, ErrDuplicateID, "group id %q is already used on line %d: group IDs must be unique in a <file>", id, prev.line)
	}
	rd.f.groups[id] = n
	if err := rd.onlySpace(n); err != nil {
		return err
	}
	ext := map[[2]string]*node{}
	phase := 0
	for _, c := range n.elems() {
		switch {
		case !rd.core(c):
			if phase > 0 {
				return rd.errf(c, ErrInvalid, "extension element %s must come before <notes>, the units and the groups of <group>", c.tag())
			}
			if err := rd.extension(c, ext, nil); err != nil {
				return err
			}
		case c.name.Local == "notes":
			if phase > 0 {
				return rd.errf(c, ErrInvalid, "<notes> must come before the units and groups of <group>")
			}
			phase = 1
			if _, err := rd.notes(c); err != nil {
				return err
			}
		case c.name.Local == "unit" || c.name.Local == "group":
			phase = 2
			if err := rd.unitOrGroup(c); err != nil {
				return err
			}
		default:
			return rd.errf(c, ErrInvalid, "%s is not allowed in <group>", c.tag())
		}
	}
	return nil
}

// inl is an inline element of a unit.
type inl struct {
	n      *node
	name   string // local name: ph, pc, sc, ec, mrk, sm, em
	id     string
	hasID  bool
	target bool // in a <target>
	part   int
	code   *inline.Code // ph, sc, ec; a pc's Open
	close  *inline.Code // a pc's Close
}

// logical is the ID that relates the element to its counterparts: an
// <ec> or <em> is known by the start it references.
func (x *inl) logical() string {
	if r, ok := x.n.attr("startRef"); ok {
		return r
	}
	return x.id
}

func (x *inl) isolated() bool { return x.n.get("isolated") == "yes" }

// hint returns the effective value of an editing hint.
func (x *inl) hint(name string) string {
	if v, ok := x.n.attr(name); ok {
		return v
	}
	if name == "canOverlap" && x.name == "pc" {
		return "no"
	}
	return "yes"
}

func (x *inl) isCode() bool {
	switch x.name {
	case "ph", "pc", "sc", "ec":
		return true
	}
	return false
}

// event is a code's place in the order of a unit's codes: a <pc> has two.
type event struct {
	x   *inl
	end bool
}

func (e event) same(f event) bool { return e.key() == f.key() }

func (e event) key() string {
	k := e.x.name + " " + e.x.logical()
	if e.end {
		k += " end"
	}
	return k
}

// part2 is a <segment> or <ignorable> being read.
type part2 struct {
	n              *node
	seg            bool
	source, target *node
	src, tgt       inline.Content
	srcEv, tgtEv   []event
}

// unit2 is a <unit> being read.
type unit2 struct {
	n         *node
	id        string
	notes     map[string]*node
	data      map[string]string
	parts     []*part2
	inls      []*inl
	matches   []*node // translation candidates of the Matches module
	revisions []*node // change-tracking revisions with a ref

	byID       map[string][]*inl // inline elements by id
	srcLogical map[string]bool   // "name logical-id" of the source's inline elements
}

func (rd *reader2) unit(n *node) (*handoff.Unit, error) {
	if err := rd.attrs(n); err != nil {
		return nil, err
	}
	id := n.get("id")
	if prev := rd.f.units[id]; prev != nil {
		return nil, rd.errf(n, ErrDuplicateID, "unit id %q is already used on line %d: unit IDs must be unique in a <file>", id, prev.line)
	}
	rd.f.units[id] = n
	if err := rd.onlySpace(n); err != nil {
		return nil, err
	}
	u := &unit2{n: n, id: id, notes: map[string]*node{}, data: map[string]string{}}
	hu := &handoff.Unit{ID: decodeID(id)}
	if rd.f.decoded[hu.ID] {
		return nil, rd.errf(n, ErrDuplicateID, "unit id %q decodes to %q, which another unit of the file has", id, hu.ID)
	}
	rd.f.decoded[hu.ID] = true
	ext := map[[2]string]*node{}
	phase, segments := 0, 0
	for _, c := range n.elems() {
		switch {
		case !rd.core(c):
			if phase > 0 {
				return nil, rd.errf(c, ErrInvalid, "extension element %s must come before <notes>, <originalData> and the segments of <unit>", c.tag())
			}
			if err := rd.extension(c, ext, u); err != nil {
				return nil, err
			}
			if c.name.Space == nsGLS && c.name.Local == "glossary" {
				hu.Glossary = append(hu.Glossary, glossary2(c)...)
			}
		case c.name.Local == "notes":
			if phase > 0 {
				return nil, rd.errf(c, ErrInvalid, "<notes> must come before <originalData> and the segments of <unit>")
			}
			phase = 1
			notes, err := rd.notes(c)
			if err != nil {
				return nil, err
			}
			u.notes = notes
			for _, nt := range c.elems() {
				hu.Notes = append(hu.Notes, handoff.Note{Text: nt.text(), From: nt.get("category")})
			}
		case c.name.Local == "originalData":
			if phase > 1 {
				return nil, rd.errf(c, ErrInvalid, "<originalData> must come before the segments of <unit>")
			}
			phase = 2
			if err := rd.originalData(c, u); err != nil {
				return nil, err
			}
		case c.name.Local == "segment" || c.name.Local == "ignorable":
			phase = 3
			if c.name.Local == "segment" {
				segments++
			}
			if err := rd.part(c, u); err != nil {
				return nil, err
			}
		default:
			return nil, rd.errf(c, ErrInvalid, "%s is not allowed in <unit>", c.tag())
		}
	}
	if segments == 0 {
		return nil, rd.errf(n, ErrInvalid, "unit %s has no <segment>: it needs at least one", id)
	}
	if err := rd.checkUnit(u); err != nil {
		return nil, err
	}
	if err := rd.convert(u, hu); err != nil {
		return nil, err
	}
	decodeRemarks(hu)
	return hu, nil
}

func (rd *reader2) originalData(n *node, u *unit2) error {
	if err := rd.attrs(n); err != nil {
		return err
	}
	if err := rd.onlySpace(n); err != nil {
		return err
	}
	at := map[string]*node{}
	for _, d := range n.elems() {
		if !rd.core(d) || d.name.Local != "data" {
			return rd.errf(d, ErrInvalid, "%s is not allowed in <originalData>: expected <data>", d.tag())
		}
		if err := rd.attrs(d); err != nil {
			return err
		}
		id := d.get("id")
		if prev := at[id]; prev != nil {
			return rd.errf(d, ErrDuplicateID, "data id %q is already used on line %d in the same <originalData>", id, prev.line)
		}
		at[id] = d
		var b strings.Builder
		for _, k := range d.kids {
			switch {
			case k.el == nil:
				b.WriteString(k.text)
			case rd.core(k.el) && k.el.name.Local == "cp":
				r, err := rd.cp(k.el)
				if err != nil {
					return err
				}
				b.WriteRune(r)
			default:
				return rd.errf(k.el, ErrInvalid, "%s is not allowed in <data>, which holds text and <cp> only", k.el.tag())
			}
		}
		u.data[id] = b.String()
	}
	if len(at) == 0 {
		return rd.errf(n, ErrInvalid, "<originalData> must hold at least one <data>")
	}
	return nil
}

func (rd *reader2) cp(n *node) (rune, error) {
	if err := rd.attrs(n); err != nil {
		return 0, err
	}
	if len(n.kids) > 0 {
		return 0, rd.errf(n, ErrInvalid, "<cp> must be empty")
	}
	r, _ := cpRune(n.get("hex"))
	return r, nil
}

func (rd *reader2) part(n *node, u *unit2) error {
	if err := rd.attrs(n); err != nil {
		return err
	}
	if err := rd.onlySpace(n); err != nil {
		return err
	}
	p := &part2{n: n, seg: n.name.Local == "segment"}
	for _, c := range n.elems() {
		switch {
		case rd.core(c) && c.name.Local == "source" && p.source == nil && p.target == nil:
			p.source = c
		case rd.core(c) && c.name.Local == "target" && p.source != nil && p.target == nil:
			p.target = c
		case rd.core(c) && (c.name.Local == "source" || c.name.Local == "target"):
			return rd.errf(c, ErrInvalid, "%s holds one <source> and then at most one <target>", n.tag())
		default:
			return rd.errf(c, ErrInvalid, "%s is not allowed in %s, which holds <source> and <target> only", c.tag(), n.tag())
		}
	}
	if p.source == nil {
		return rd.errf(n, ErrInvalid, "%s has no <source>", n.tag())
	}
	if state, sub := n.get("state"), n.get("subState"); sub != "" && state == "" {
		return rd.errf(n, ErrInvalid, "subState=%q needs a state attribute too", sub)
	}
	for _, c := range []*node{p.source, p.target} {
		if c != nil {
			if err := rd.attrs(c); err != nil {
				return err
			}
		}
	}
	idx := len(u.parts)
	u.parts = append(u.parts, p)
	var err error
	if p.src, p.srcEv, err = rd.content(p.source, u, idx, false); err != nil {
		return err
	}
	if p.target != nil {
		if !rd.hasTrg {
			return rd.errf(p.target, ErrLanguage, "a <target> needs the trgLang attribute on <xliff>, which is missing")
		}
		if p.tgt, p.tgtEv, err = rd.content(p.target, u, idx, true); err != nil {
			return err
		}
	}
	// Languages and white space, explicit or inherited.
	if l, ok := p.source.inherited(xmlNS, "lang"); ok && !langMatches(l, rd.srcLang) {
		return rd.errf(p.source, ErrLanguage, "the source's xml:lang is %q but the file's srcLang is %q", l, rd.srcLang)
	}
	if p.target != nil {
		if l, ok := p.target.inherited(xmlNS, "lang"); ok && !langMatches(l, rd.trgLang) {
			return rd.errf(p.target, ErrLanguage, "the target's xml:lang is %q but the file's trgLang is %q", l, rd.trgLang)
		}
		space := func(n *node) string {
			if v, ok := n.inherited(xmlNS, "space"); ok {
				return v
			}
			return "default"
		}
		if s, t := space(p.source), space(p.target); s != t {
			return rd.errf(p.target, ErrInvalid, "the target's xml:space is %q but its source's is %q: they must be the same", t, s)
		}
	}
	return nil
}

// content reads a <source> or <target>.
func (rd *reader2) content(n *node, u *unit2, part int, target bool) (inline.Content, []event, error) {
	c := inline.Content{}
	var events []event
	var walk func(n *node) error
	walk = func(n *node) error {
		for _, k := range n.kids {
			if k.el == nil {
				c = append(c, inline.Item{Text: k.text})
				continue
			}
			e := k.el
			if !rd.core(e) {
				return rd.errf(e, ErrInvalid, "extension element %s is not allowed in %s", e.tag(), n.tag())
			}
			if e.name.Local == "cp" {
				r, err := rd.cp(e)
				if err != nil {
					return err
				}
				c = append(c, inline.Item{Text: string(r)})
				continue
			}
			spec := specs2[e.name.Local]
			switch e.name.Local {
			case "ph", "pc", "sc", "ec", "mrk", "sm", "em":
			default:
				spec = nil
			}
			if spec == nil {
				return rd.errf(e, ErrInvalid, "%s is not allowed in %s", e.tag(), n.tag())
			}
			if err := rd.attrs(e); err != nil {
				return err
			}
			x := &inl{n: e, name: e.name.Local, target: target, part: part}
			x.id, x.hasID = e.attr("id")
			u.inls = append(u.inls, x)
			if err := rd.checkInline(x); err != nil {
				return err
			}
			typ := typeFrom2(e.get("type"), e.get("subType"))
			switch x.name {
			case "ph":
				x.code = &inline.Code{Kind: inline.Placeholder, ID: decodeID(x.id), Type: typ, Display: e.get("disp")}
				c = append(c, inline.Item{Code: x.code})
				events = append(events, event{x: x})
			case "sc":
				x.code = &inline.Code{Kind: inline.Open, ID: decodeID(x.id), Type: typ, Display: e.get("disp")}
				c = append(c, inline.Item{Code: x.code})
				events = append(events, event{x: x})
			case "ec":
				x.code = &inline.Code{Kind: inline.Close, ID: decodeID(x.logical()), Type: typ, Display: e.get("disp")}
				c = append(c, inline.Item{Code: x.code})
				events = append(events, event{x: x})
			case "pc":
				x.code = &inline.Code{Kind: inline.Open, ID: decodeID(x.id), Type: typ, Display: e.get("dispStart")}
				x.close = &inline.Code{Kind: inline.Close, ID: decodeID(x.id), Type: typ, Display: e.get("dispEnd")}
				c = append(c, inline.Item{Code: x.code})
				events = append(events, event{x: x})
				if len(e.kids) > 0 {
					inner, innerEv, err := rd.content(e, u, part, target)
					if err != nil {
						return err
					}
					c = append(c, inner...)
					events = append(events, innerEv...)
				}
				c = append(c, inline.Item{Code: x.close})
				events = append(events, event{x: x, end: true})
			case "mrk":
				if err := walk(e); err != nil {
					return err
				}
			case "sm", "em":
				if len(e.kids) > 0 {
					return rd.errf(e, ErrInvalid, "%s must be empty", e.tag())
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
	// Codes take their original data.
	for _, x := range u.inls {
		if x.code == nil {
			continue
		}
		if v, ok := x.n.attr("dataRef"); ok {
			x.code.Data = u.data[v]
		}
		if v, ok := x.n.attr("dataRefStart"); ok {
			x.code.Data = u.data[v]
		}
		if v, ok := x.n.attr("dataRefEnd"); ok && x.close != nil {
			x.close.Data = u.data[v]
		}
	}
	// A segment without an ID gets one that no segment or code of the
	// unit has.
	ids := map[string]bool{}
	for _, p := range u.parts {
		if id, ok := p.n.attr("id"); ok {
			ids[decodeID(id)] = true
		}
	}
	for _, x := range u.inls {
		ids[decodeID(x.logical())] = true
	}
	nseg := 0
	segIDs := map[string]bool{}
	for _, p := range u.parts {
		if !p.seg {
			if len(p.src.Codes()) > 0 {
				return rd.errf(p.source, ErrUnsupported, "an <ignorable> of unit %s holds inline codes: loctool keeps only text between segments", u.id)
			}
			hu.Parts = append(hu.Parts, handoff.Part{Space: p.src.PlainText()})
			continue
		}
		nseg++
		s := &handoff.Segment{State: stateFrom2(p.n.get("state"), p.n.get("subState")), Line: p.n.line, Col: p.n.col}
		if id, ok := p.n.attr("id"); ok {
			s.ID = decodeID(id)
			if segIDs[s.ID] {
				return rd.errf(p.n, ErrDuplicateID, "segment id %q decodes to %q, which another segment of unit %s has", id, s.ID, u.id)
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
		if p.target != nil {
			s.Target = normalized(p.tgt)
			s.Line, s.Col = p.target.line, p.target.col
			// The editing hints have had their say on missing and extra
			// codes; what is left is nesting.
			var ce *inline.CodeError
			if err := inline.CheckCodes(s.Source, s.Target); !rd.opts.KeepCodeMismatches && errors.As(err, &ce) && ce.Nesting != "" && !sourceCrosses(s.Source) {
				return &Error{File: rd.p.file, Line: p.target.line, Col: p.target.col, Kind: ErrCodes, Err: err,
					Msg: fmt.Sprintf("unit %s, segment %s: the target's codes are not soundly nested: %s", u.id, s.ID, ce.Nesting)}
			}
		}
		hu.Parts = append(hu.Parts, handoff.Part{Segment: s})
	}
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
			return rd.errf(u.n, errKind(err), "unit %s: %v", u.id, err)
		}
	}
	return nil
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
func glossary2(n *node) []handoff.GlossEntry {
	var out []handoff.GlossEntry
	for _, e := range n.elems() {
		if e.name.Space != nsGLS || e.name.Local != "glossEntry" {
			continue
		}
		var g handoff.GlossEntry
		for _, c := range e.elems() {
			if c.name.Space != nsGLS {
				continue
			}
			switch c.name.Local {
			case "term":
				g.Term = c.deepText()
			case "translation":
				if g.Translation == "" {
					g.Translation = c.deepText()
				}
			case "definition":
				g.Definition = c.deepText()
			}
		}
		if concept, ok := strings.CutPrefix(g.Definition, "concept "); ok && g.Translation == "" {
			g.Concept, g.Definition = concept, ""
		}
		out = append(out, g)
	}
	return out
}
