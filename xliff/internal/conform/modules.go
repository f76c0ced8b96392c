package conform

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/loctool/loctool/xliff/internal/xmltree"
)

// The XLIFF 2 modules loctool checks, beyond the names of their
// elements: their attributes, and the simplest of their rules.

// Namespaces of the modules with elements.
const (
	MetadataNS = "urn:oasis:names:tc:xliff:metadata:2.0"
	MatchesNS  = "urn:oasis:names:tc:xliff:matches:2.0"
	GlossaryNS = "urn:oasis:names:tc:xliff:glossary:2.0"
	nsRES      = "urn:oasis:names:tc:xliff:resourcedata:2.0"
	nsVAL      = "urn:oasis:names:tc:xliff:validation:2.0"
	nsCTR      = "urn:oasis:names:tc:xliff:changetracking:2.0"
)

// Attribute kinds of the modules.
const (
	aSimilarity attrKind = iota + 100
	aMatchType
	aMdaAppliesTo
	aNormalization
	aRestriction
	aCount
)

type modSpec struct {
	attrs    map[string]attrKind
	required []string
	foreign  bool     // takes attributes of other namespaces
	oneOf    []string // it must hold one of these elements of its module, at least
}

var moduleSpecs = map[string]map[string]*modSpec{
	MetadataNS: {
		"metadata":  {attrs: map[string]attrKind{"id": aNMTOKEN}, oneOf: []string{"metaGroup"}},
		"metaGroup": {attrs: map[string]attrKind{"id": aNMTOKEN, "category": aString, "appliesTo": aMdaAppliesTo}, oneOf: []string{"meta", "metaGroup"}},
		"meta":      {attrs: map[string]attrKind{"type": aString}, required: []string{"type"}},
	},
	MatchesNS: {
		"matches": {oneOf: []string{"match"}},
		"match": {attrs: map[string]attrKind{"id": aNMTOKEN, "matchQuality": aSimilarity, "matchSuitability": aSimilarity,
			"origin": aString, "ref": aString, "reference": aYesNo, "similarity": aSimilarity, "subType": aUserDefined, "type": aMatchType},
			required: []string{"ref"}, foreign: true},
	},
	GlossaryNS: {
		"glossary":    {oneOf: []string{"glossEntry"}},
		"glossEntry":  {attrs: map[string]attrKind{"id": aNMTOKEN, "ref": aString}, foreign: true, oneOf: []string{"translation", "definition"}},
		"term":        {attrs: map[string]attrKind{"source": aString}, foreign: true},
		"translation": {attrs: map[string]attrKind{"id": aNMTOKEN, "ref": aString, "source": aString}, foreign: true},
		"definition":  {attrs: map[string]attrKind{"source": aString}, foreign: true},
	},
	nsRES: {
		"resourceData":    {},
		"resourceItemRef": {attrs: map[string]attrKind{"id": aNMTOKEN, "ref": aNMTOKEN}, required: []string{"ref"}, foreign: true},
		"resourceItem":    {attrs: map[string]attrKind{"mimeType": aString, "id": aNMTOKEN, "context": aYesNo}, foreign: true},
		"source":          {attrs: map[string]attrKind{"href": aString}, foreign: true},
		"target":          {attrs: map[string]attrKind{"href": aString}, foreign: true},
		"reference":       {attrs: map[string]attrKind{"href": aString}, required: []string{"href"}, foreign: true},
	},
	nsSLR: {
		"profiles":      {attrs: map[string]attrKind{"generalProfile": aString, "storageProfile": aString}},
		"normalization": {attrs: map[string]attrKind{"general": aNormalization, "storage": aNormalization}},
		"data":          {attrs: map[string]attrKind{"profile": aString}, required: []string{"profile"}, foreign: true},
	},
	nsVAL: {
		"validation": {foreign: true, oneOf: []string{"rule"}},
		"rule": {attrs: map[string]attrKind{"isPresent": aString, "occurs": aPositiveInt, "isNotPresent": aString, "startsWith": aString,
			"endsWith": aString, "existsInSource": aYesNo, "caseSensitive": aYesNo, "normalization": aNormalization, "disabled": aYesNo}, foreign: true},
	},
	nsCTR: {
		"changeTrack": {oneOf: []string{"revisions"}},
		"revisions":   {attrs: map[string]attrKind{"appliesTo": aNMTOKEN, "ref": aNMTOKEN, "currentVersion": aNMTOKEN}, required: []string{"appliesTo"}, foreign: true, oneOf: []string{"revision"}},
		"revision":    {attrs: map[string]attrKind{"author": aString, "datetime": aString, "version": aNMTOKEN}, foreign: true, oneOf: []string{"item"}},
		"item":        {attrs: map[string]attrKind{"property": aString}, required: []string{"property"}, foreign: true},
	},
}

var (
	similarity  = regexp.MustCompile(`^\d+(\.\d*)?$|^\.\d+$`)
	restriction = regexp.MustCompile(`^(\*|\d+|\d+,(\d+|\*))$`)
)

// checkModuleValue is checkValue for the kinds of the modules.
func checkModuleValue(k attrKind, v string) string {
	switch k {
	case aSimilarity:
		if f, err := strconv.ParseFloat(v, 64); !similarity.MatchString(v) || err != nil || f > 100 {
			return "must be a number from 0 to 100"
		}
	case aMatchType:
		switch v {
		case "am", "mt", "icm", "idm", "tb", "tm", "other":
		default:
			return `must be "am", "mt", "icm", "idm", "tb", "tm" or "other"`
		}
	case aMdaAppliesTo:
		if v != "source" && v != "target" && v != "ignorable" {
			return `must be "source", "target" or "ignorable"`
		}
	case aNormalization:
		if v != "none" && v != "nfc" && v != "nfd" {
			return `must be "none", "nfc" or "nfd"`
		}
	case aRestriction:
		if !restriction.MatchString(v) {
			return `must be "*", a number, or two separated by a comma ("25,100", "35,*")`
		}
	case aCount:
		if _, err := strconv.ParseUint(v, 10, 32); err != nil {
			return "must be a whole number"
		}
	default:
		return checkValue(k, v)
	}
	return ""
}

// slrAttrs are the kinds of the Size Restriction module's attributes on
// other elements.
var slrAttrs = map[string]attrKind{
	"storageRestriction": aRestriction, "sizeRestriction": aRestriction,
	"equivStorage": aCount, "sizeInfo": aCount, "sizeInfoRef": aNMTOKEN,
}

// moduleElement checks an element of a module.
func (c *Checker) moduleElement(n *xmltree.Node, u *Unit) error {
	spec := moduleSpecs[n.Name.Space][n.Name.Local]
	if spec == nil {
		return nil
	}
	for _, a := range n.Attrs {
		switch sp := a.Name.Space; {
		case sp == "" && a.Name.Local == "xmlns", sp == "xmlns":
		case sp == "":
			k, ok := spec.attrs[a.Name.Local]
			if !ok {
				return c.errf(n, Invalid, "attribute %s is not allowed on %s", a.Name.Local, n.Tag())
			}
			if msg := checkModuleValue(k, a.Value); msg != "" {
				return c.errf(n, Invalid, "%s=%q on %s %s", a.Name.Local, a.Value, n.Tag(), msg)
			}
		case !spec.foreign:
			return c.errf(n, Invalid, "attribute %s (namespace %s) is not allowed on %s", a.Name.Local, sp, n.Tag())
		case sp == xmltree.XMLNS && a.Name.Local == "lang" && n.Name.Space == MatchesNS:
			return c.errf(n, Language, "xml:lang is not allowed on <match>: its source and target have the file's languages")
		}
	}
	for _, r := range spec.required {
		if _, ok := n.Attr(r); !ok {
			return c.errf(n, Invalid, "%s has no %s attribute, which it requires", n.Tag(), r)
		}
	}
	if len(spec.oneOf) > 0 {
		found := false
		for _, c := range n.Elems() {
			if c.Name.Space == n.Name.Space && strings.Contains(" "+strings.Join(spec.oneOf, " ")+" ", " "+c.Name.Local+" ") {
				found = true
			}
		}
		if !found {
			return c.errf(n, Invalid, "%s must hold <%s>", n.Tag(), strings.Join(spec.oneOf, "> or <"))
		}
	}
	switch n.Name.Space + " " + n.Name.Local {
	case nsSLR + " profiles":
		if c.File != nil && (strings.HasPrefix(n.Get("generalProfile"), "xliff:") || strings.HasPrefix(n.Get("storageProfile"), "xliff:")) {
			c.File.SLRStandard = true
		}
	case nsCTR + " revisions":
		if _, ok := n.Attr("ref"); ok && u != nil {
			u.revisions = append(u.revisions, n)
		}
	case MatchesNS + " match":
		if _, ok := n.Attr("subType"); ok {
			if _, ok := n.Attr("type"); !ok {
				return c.errf(n, Invalid, "subType on <match> needs a type attribute too")
			}
		}
		if u != nil {
			u.matches = append(u.matches, n)
		}
	case nsRES + " source", nsRES + " target":
		_, href := n.Attr("href")
		if href == (len(n.Elems()) > 0) {
			return c.errf(n, Invalid, "%s needs either an href attribute or content, not both or neither", n.Tag())
		}
		if l, ok := n.AttrNS(xmltree.XMLNS, "lang"); ok && n.Name.Local == "source" && !LangMatches(l, c.SrcLang) {
			return c.errf(n, Language, "xml:lang=%q on %s does not match the file's source language %q", l, n.Tag(), c.SrcLang)
		}
	case nsVAL + " rule":
		count := 0
		for _, a := range []string{"isPresent", "isNotPresent", "startsWith", "endsWith"} {
			if _, ok := n.Attr(a); ok {
				count++
			}
		}
		for _, a := range n.Attrs {
			if a.Name.Space != "" && a.Name.Space != xmltree.XMLNS && a.Name.Space != "xmlns" {
				count++ // a custom rule
			}
		}
		if count != 1 {
			return c.errf(n, Invalid, "<rule> needs exactly one of isPresent, isNotPresent, startsWith, endsWith or a custom rule")
		}
		if _, ok := n.Attr("existsInSource"); ok {
			if _, ok := n.Attr("isNotPresent"); ok {
				return c.errf(n, Invalid, "existsInSource on <rule> needs isPresent, startsWith or endsWith")
			}
		}
		if _, ok := n.Attr("occurs"); ok {
			if _, ok := n.Attr("isPresent"); !ok {
				return c.errf(n, Invalid, "occurs on <rule> needs isPresent")
			}
		}
	}
	return nil
}

// checkMatches checks that each translation candidate of a unit points at
// a span of the unit: "#m1", a segment or an annotation of a source, or
// "#t=m1", an annotation of a target.
func (c *Checker) checkMatches(u *Unit) error {
	for _, m := range u.matches {
		ref := m.Get("ref")
		f, err := parseFragid(strings.TrimPrefix(ref, "#"), c.FragmentPrefixes)
		leaf, ok := f.leaf()
		if !strings.HasPrefix(ref, "#") || err != nil || !ok || leaf.prefix != "" && leaf.prefix != "t" {
			return c.errf(m, Reference, "ref=%q on <match> must point at a segment or annotation of the unit, as \"#ID\" or \"#t=ID\"", ref)
		}
		found := false
		for _, p := range u.Parts {
			if id, ok := p.N.Attr("id"); ok && id == leaf.id && leaf.prefix == "" {
				found = true
			}
		}
		for _, x := range u.byID[leaf.id] {
			if (x.Name == "mrk" || x.Name == "sm") && x.Target == (leaf.prefix == "t") {
				found = true
			}
		}
		if !found {
			return c.errf(m, Reference, "ref=%q on <match> names no segment or annotation of the unit", ref)
		}
	}
	return nil
}

// checkRevisions checks that the change-tracking revisions of a unit
// refer to an ID of the unit.
func (c *Checker) checkRevisions(u *Unit) error {
	if len(u.revisions) == 0 {
		return nil
	}
	ids := map[string]bool{}
	for id := range u.Notes {
		ids[id] = true
	}
	for _, p := range u.Parts {
		if id, ok := p.N.Attr("id"); ok {
			ids[id] = true
		}
	}
	for _, x := range u.Inlines {
		if x.HasID {
			ids[x.ID] = true
		}
	}
	for _, r := range u.revisions {
		if ref := r.Get("ref"); !ids[ref] {
			return c.errf(r, Reference, "ref=%q on <revisions> names nothing in the unit", ref)
		}
	}
	return nil
}
