// Package conform checks what XLIFF 2 requires of a document beyond what
// its schema says: the attributes each element takes and their values,
// the elements and attributes of the modules, fragment identifiers, and
// the processing rules that relate the elements of a unit (unique IDs,
// references, the pairing of codes and their editing hints, the order
// of targets). It also knows the lexical forms both XLIFF versions
// share: NMTOKENs and BCP 47 language tags.
//
// A reader builds a [Unit] as it reads one, and a [Checker] checks each
// element as it goes and the unit when it is complete. Errors are
// [*Error]s, at an element, of a [Kind].
package conform

import (
	"fmt"
	"slices"
	"strings"

	"github.com/loctool/loctool/xliff/internal/xmltree"
)

// Kind is what is wrong with a document.
type Kind int

const (
	// Invalid is an element, attribute or value the specification does
	// not allow where it is.
	Invalid Kind = iota
	// DuplicateID is an ID used twice where it must be unique.
	DuplicateID
	// Reference is a reference to something that is not there, or not
	// allowed.
	Reference
	// Codes is inline codes that break the rules of their pairing and
	// editing hints.
	Codes
	// Language is a malformed language, or one that does not match the
	// document's.
	Language
)

// Error is a problem at an element.
type Error struct {
	Node *xmltree.Node
	Kind Kind
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Node.Line, e.Node.Col, e.Msg) }

// Checker checks the elements of a document, in the order a reader
// meets them.
type Checker struct {
	// NS is the namespace of the XLIFF core: 2.0's (which 2.1 shares) or
	// 2.2's.
	NS string
	// SrcLang is the document's source language, as <xliff> gives it.
	SrcLang string
	// FragmentPrefixes registers extension prefixes of fragment
	// identifiers, mapping each to its namespace.
	FragmentPrefixes map[string]string
	// KeepCodeMismatches leaves out the rules that compare the codes of
	// targets with their sources'.
	KeepCodeMismatches bool
	// File is the <file> being read; a reader sets it as it starts one.
	File *File
}

// File is what a <file> needs checked when it is complete.
type File struct {
	ID string
	// Units holds its units by ID.
	Units map[string]*xmltree.Node
	// SubFlows are the inline elements that name other units.
	SubFlows []*xmltree.Node
	// SLRStandard is set when the file uses a standard profile of the
	// Size Restriction module, whose sizes are whole numbers.
	SLRStandard bool
}

// NewFile returns the File of a <file> with the ID.
func NewFile(id string) *File {
	return &File{ID: id, Units: map[string]*xmltree.Node{}}
}

// Unit is a <unit> being read: what its rules need.
type Unit struct {
	N  *xmltree.Node
	ID string
	// Notes holds the unit's notes by ID, and Data its original data.
	Notes map[string]*xmltree.Node
	Data  map[string]string
	// Parts are its segments and ignorables, and Inlines the inline
	// elements of their sources and targets, in order.
	Parts     []*Part
	Inlines   []*Inline
	matches   []*xmltree.Node // translation candidates of the Matches module
	revisions []*xmltree.Node // change-tracking revisions with a ref

	byID       map[string][]*Inline // inline elements by id
	srcLogical map[string]bool      // "name logical-id" of the source's inline elements
}

// Part is a <segment> or <ignorable>.
type Part struct {
	N              *xmltree.Node
	Seg            bool // a <segment>
	Source, Target *xmltree.Node
	// SrcEvents and TgtEvents are the codes of its source and target in
	// order.
	SrcEvents, TgtEvents []Event
	// Blank is set when its target holds no code and only white space:
	// no translation yet, which leaves out no code of the source.
	Blank bool
}

func (c *Checker) errf(n *xmltree.Node, kind Kind, format string, args ...any) *Error {
	return &Error{Node: n, Kind: kind, Msg: fmt.Sprintf(format, args...)}
}

func (c *Checker) core(n *xmltree.Node) bool { return n.Name.Space == c.NS }

// SubFlows checks, when the file is complete, that the inline elements
// that name other units name units of the file.
func (c *Checker) SubFlows() error {
	for _, e := range c.File.SubFlows {
		for _, attr := range []string{"subFlows", "subFlowsStart", "subFlowsEnd"} {
			v, ok := e.Attr(attr)
			if !ok {
				continue
			}
			for _, u := range strings.Fields(v) {
				if c.File.Units[u] == nil {
					return c.errf(e, Reference, "%s=%q on %s names unit %q, which file %s does not have", attr, v, e.Tag(), u, c.File.ID)
				}
			}
		}
	}
	return nil
}

// Attrs checks an element's attributes against its spec.
func (c *Checker) Attrs(n *xmltree.Node) error {
	spec := specs2[n.Name.Local]
	for _, a := range n.Attrs {
		name := a.Name.Local
		switch sp := a.Name.Space; {
		case sp == "" && name == "xmlns", sp == "xmlns":
			continue
		case sp == "":
			k, ok := spec.attrs[name]
			if !ok {
				return c.errf(n, Invalid, "attribute %s is not allowed on %s", name, n.Tag())
			}
			if msg := checkValue(k, a.Value); msg != "" {
				kind := Invalid
				if k == aLang {
					kind = Language
				}
				return c.errf(n, kind, "%s=%q on %s %s", name, a.Value, n.Tag(), msg)
			}
		case sp == xmltree.XMLNS:
			if spec.foreign != fAny && !slices.Contains(spec.xml, name) {
				return c.errf(n, Invalid, "attribute xml:%s is not allowed on %s", name, n.Tag())
			}
			switch name {
			case "lang":
				if !WellFormedLang(a.Value) {
					return c.errf(n, Language, "xml:lang=%q on %s is not a well-formed BCP 47 language tag", a.Value, n.Tag())
				}
			case "space":
				if a.Value != "default" && a.Value != "preserve" || n.Name.Local == "data" && a.Value != "preserve" {
					return c.errf(n, Invalid, "xml:space=%q on %s must be \"preserve\"%s", a.Value, n.Tag(),
						map[bool]string{true: "", false: ` or "default"`}[n.Name.Local == "data"])
				}
			}
		case sp == c.NS:
			return c.errf(n, Invalid, "attribute %s on %s must not have a namespace prefix", name, n.Tag())
		default:
			if err := c.foreignAttr(n, spec, a.Name.Space, name, a.Value); err != nil {
				return err
			}
		}
	}
	for _, r := range spec.required {
		if _, ok := n.Attr(r); !ok {
			return c.errf(n, Invalid, "%s has no %s attribute, which it requires", n.Tag(), r)
		}
	}
	if _, ok := n.AttrNS(nsFS, "subFs"); ok {
		if _, ok := n.AttrNS(nsFS, "fs"); !ok {
			return c.errf(n, Invalid, "fs:subFs on %s needs fs:fs", n.Tag())
		}
	}
	return nil
}

func (c *Checker) foreignAttr(n *xmltree.Node, spec *elemSpec, space, name, value string) error {
	known, isModule := moduleAttrs[space]
	switch {
	case isModule && !known[name]:
		return c.errf(n, Invalid, "attribute %s of namespace %s is not defined by its module", name, space)
	case isModule || openModules[space]:
		if spec.foreign == fNone {
			return c.errf(n, Invalid, "module attribute %s is not allowed on %s", name, n.Tag())
		}
		if k, ok := slrAttrs[name]; ok && space == nsSLR {
			if k == aCount && (c.File == nil || !c.File.SLRStandard) {
				k = aString // its form is the profile's, and only the standard profiles are known
			}
			if msg := checkModuleValue(k, value); msg != "" {
				return c.errf(n, Invalid, "slr:%s=%q on %s %s", name, value, n.Tag(), msg)
			}
			if name == "sizeInfo" || name == "sizeInfoRef" {
				other := map[string]string{"sizeInfo": "sizeInfoRef", "sizeInfoRef": "sizeInfo"}[name]
				if _, both := n.AttrNS(nsSLR, other); both {
					return c.errf(n, Invalid, "slr:sizeInfo and slr:sizeInfoRef exclude each other on %s", n.Tag())
				}
			}
		}
		if space == nsFS && name == "fs" && !fsValues[value] {
			return c.errf(n, Invalid, "fs:fs=%q on %s is not one of the HTML elements the Format Style module allows", value, n.Tag())
		}
		if n.Name.Local == "ec" && n.Get("isolated") != "yes" && (space == nsFS || space == nsSLR) {
			return c.errf(n, Invalid, "module attribute %s is allowed on <ec> only when it is isolated; put it on the <sc>", name)
		}
	case spec.foreign != fAny:
		return c.errf(n, Invalid, "extension attribute %s (namespace %s) is not allowed on %s: XLIFF allows extension attributes only on <xliff>, <file>, <group>, <unit>, <note>, <mrk> and <sm>", name, space, n.Tag())
	}
	return nil
}

// ElementsOnly checks that the text of an element that holds elements
// only is white space.
func (c *Checker) ElementsOnly(n *xmltree.Node) error {
	for _, k := range n.Kids {
		if k.El == nil && strings.TrimSpace(k.Text) != "" {
			return c.errf(n, Invalid, "%s holds text %q, but only elements may go there", n.Tag(), trim(k.Text))
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

// Extension checks an extension or module element: the IDs of the
// extension elements in one <file>, <group> or <unit> (ids holds them,
// by namespace) are unique, and a module's namespace holds only the
// elements the module defines. Otherwise extensions are ignored.
func (c *Checker) Extension(n *xmltree.Node, ids map[[2]string]*xmltree.Node, u *Unit) error {
	if c.core(n) {
		return nil // XLIFF elements inside a module, such as a match's source
	}
	if names, ok := moduleElements[n.Name.Space]; ok && !names[n.Name.Local] {
		return c.errf(n, Invalid, "%s is not an element of the module of namespace %s", n.Tag(), n.Name.Space)
	}
	if err := c.moduleElement(n, u); err != nil {
		return err
	}
	for _, a := range n.Attrs {
		if a.Name.Local == "id" && (a.Name.Space == "" || a.Name.Space == xmltree.XMLNS) {
			k := [2]string{n.Name.Space, a.Value}
			if prev := ids[k]; prev != nil {
				return c.errf(n, DuplicateID, "extension element %s has id %q, which %s on line %d already uses", n.Tag(), a.Value, prev.Tag(), prev.Line)
			}
			ids[k] = n
		}
	}
	for _, k := range n.Elems() {
		if err := c.Extension(k, ids, u); err != nil {
			return err
		}
	}
	return nil
}

// Inline is an inline element of a unit: a code or an annotation.
type Inline struct {
	N      *xmltree.Node
	Name   string // local name: ph, pc, sc, ec, mrk, sm, em
	ID     string
	HasID  bool // ID is its id attribute's
	Target bool // in a <target>
	Part   int  // the index of its segment or ignorable in the unit
}

// Logical is the ID that relates the element to its counterparts: an
// <ec> or <em> is known by the start it references.
func (x *Inline) Logical() string {
	if r, ok := x.N.Attr("startRef"); ok {
		return r
	}
	return x.ID
}

func (x *Inline) isolated() bool { return x.N.Get("isolated") == "yes" }

// hint returns the effective value of an editing hint.
func (x *Inline) hint(name string) string {
	if v, ok := x.N.Attr(name); ok {
		return v
	}
	if name == "canOverlap" && x.Name == "pc" {
		return "no"
	}
	return "yes"
}

func (x *Inline) isCode() bool {
	switch x.Name {
	case "ph", "pc", "sc", "ec":
		return true
	}
	return false
}

// Event is a code's place in the order of a unit's codes: a <pc> has two.
type Event struct {
	X   *Inline
	End bool
}

func (e Event) same(f Event) bool { return e.key() == f.key() }

func (e Event) key() string {
	k := e.X.Name + " " + e.X.Logical()
	if e.End {
		k += " end"
	}
	return k
}
