package xliff

import (
	"regexp"
	"strconv"
	"strings"
)

// The XLIFF 2 modules loctool checks, beyond the names of their
// elements: their attributes, and the simplest of their rules. Nothing
// of the modules is read into a handoff.File.

// Namespaces of the modules with elements.
const (
	nsMTC = "urn:oasis:names:tc:xliff:matches:2.0"
	nsGLS = "urn:oasis:names:tc:xliff:glossary:2.0"
	nsRES = "urn:oasis:names:tc:xliff:resourcedata:2.0"
	nsVAL = "urn:oasis:names:tc:xliff:validation:2.0"
	nsCTR = "urn:oasis:names:tc:xliff:changetracking:2.0"
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
	nsMetadata: {
		"metadata":  {attrs: map[string]attrKind{"id": aNMTOKEN}, oneOf: []string{"metaGroup"}},
		"metaGroup": {attrs: map[string]attrKind{"id": aNMTOKEN, "category": aString, "appliesTo": aMdaAppliesTo}, oneOf: []string{"meta", "metaGroup"}},
		"meta":      {attrs: map[string]attrKind{"type": aString}, required: []string{"type"}},
	},
	nsMTC: {
		"matches": {oneOf: []string{"match"}},
		"match": {attrs: map[string]attrKind{"id": aNMTOKEN, "matchQuality": aSimilarity, "matchSuitability": aSimilarity,
			"origin": aString, "ref": aString, "reference": aYesNo, "similarity": aSimilarity, "subType": aUserDefined, "type": aMatchType},
			required: []string{"ref"}, foreign: true},
	},
	nsGLS: {
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
func (rd *reader2) moduleElement(n *node, u *unit2) error {
	spec := moduleSpecs[n.name.Space][n.name.Local]
	if spec == nil {
		return nil
	}
	for _, a := range n.attrs {
		switch sp := a.Name.Space; {
		case sp == "" && a.Name.Local == "xmlns", sp == "xmlns":
		case sp == "":
			k, ok := spec.attrs[a.Name.Local]
			if !ok {
				return rd.errf(n, ErrInvalid, "attribute %s is not allowed on %s", a.Name.Local, n.tag())
			}
			if msg := checkModuleValue(k, a.Value); msg != "" {
				return rd.errf(n, ErrInvalid, "%s=%q on %s %s", a.Name.Local, a.Value, n.tag(), msg)
			}
		case !spec.foreign:
			return rd.errf(n, ErrInvalid, "attribute %s (namespace %s) is not allowed on %s", a.Name.Local, sp, n.tag())
		case sp == xmlNS && a.Name.Local == "lang" && n.name.Space == nsMTC:
			return rd.errf(n, ErrLanguage, "xml:lang is not allowed on <match>: its source and target have the file's languages")
		}
	}
	for _, r := range spec.required {
		if _, ok := n.attr(r); !ok {
			return rd.errf(n, ErrInvalid, "%s has no %s attribute, which it requires", n.tag(), r)
		}
	}
	if len(spec.oneOf) > 0 {
		found := false
		for _, c := range n.elems() {
			if c.name.Space == n.name.Space && strings.Contains(" "+strings.Join(spec.oneOf, " ")+" ", " "+c.name.Local+" ") {
				found = true
			}
		}
		if !found {
			return rd.errf(n, ErrInvalid, "%s must hold <%s>", n.tag(), strings.Join(spec.oneOf, "> or <"))
		}
	}
	switch n.name.Space + " " + n.name.Local {
	case nsSLR + " profiles":
		if rd.f != nil && (strings.HasPrefix(n.get("generalProfile"), "xliff:") || strings.HasPrefix(n.get("storageProfile"), "xliff:")) {
			rd.f.slrStandard = true
		}
	case nsCTR + " revisions":
		if _, ok := n.attr("ref"); ok && u != nil {
			u.revisions = append(u.revisions, n)
		}
	case nsMTC + " match":
		if _, ok := n.attr("subType"); ok {
			if _, ok := n.attr("type"); !ok {
				return rd.errf(n, ErrInvalid, "subType on <match> needs a type attribute too")
			}
		}
		if u != nil {
			u.matches = append(u.matches, n)
		}
	case nsRES + " source", nsRES + " target":
		_, href := n.attr("href")
		if href == (len(n.elems()) > 0) {
			return rd.errf(n, ErrInvalid, "%s needs either an href attribute or content, not both or neither", n.tag())
		}
		if l, ok := n.attrNS(xmlNS, "lang"); ok && n.name.Local == "source" && !langMatches(l, rd.srcLang) {
			return rd.errf(n, ErrLanguage, "xml:lang=%q on %s does not match the file's source language %q", l, n.tag(), rd.srcLang)
		}
	case nsVAL + " rule":
		count := 0
		for _, a := range []string{"isPresent", "isNotPresent", "startsWith", "endsWith"} {
			if _, ok := n.attr(a); ok {
				count++
			}
		}
		for _, a := range n.attrs {
			if a.Name.Space != "" && a.Name.Space != xmlNS && a.Name.Space != "xmlns" {
				count++ // a custom rule
			}
		}
		if count != 1 {
			return rd.errf(n, ErrInvalid, "<rule> needs exactly one of isPresent, isNotPresent, startsWith, endsWith or a custom rule")
		}
		if _, ok := n.attr("existsInSource"); ok {
			if _, ok := n.attr("isNotPresent"); ok {
				return rd.errf(n, ErrInvalid, "existsInSource on <rule> needs isPresent, startsWith or endsWith")
			}
		}
		if _, ok := n.attr("occurs"); ok {
			if _, ok := n.attr("isPresent"); !ok {
				return rd.errf(n, ErrInvalid, "occurs on <rule> needs isPresent")
			}
		}
	}
	return nil
}

// checkMatches checks that each translation candidate of a unit points at
// a span of the unit: "#m1", a segment or an annotation of a source, or
// "#t=m1", an annotation of a target.
func (rd *reader2) checkMatches(u *unit2) error {
	for _, m := range u.matches {
		ref := m.get("ref")
		f, err := parseFragid(strings.TrimPrefix(ref, "#"), rd.opts.FragmentPrefixes)
		leaf, ok := f.leaf()
		if !strings.HasPrefix(ref, "#") || err != nil || !ok || leaf.prefix != "" && leaf.prefix != "t" {
			return rd.errf(m, ErrReference, "ref=%q on <match> must point at a segment or annotation of the unit, as \"#ID\" or \"#t=ID\"", ref)
		}
		found := false
		for _, p := range u.parts {
			if id, ok := p.n.attr("id"); ok && id == leaf.id && leaf.prefix == "" {
				found = true
			}
		}
		for _, x := range u.byID[leaf.id] {
			if (x.name == "mrk" || x.name == "sm") && x.target == (leaf.prefix == "t") {
				found = true
			}
		}
		if !found {
			return rd.errf(m, ErrReference, "ref=%q on <match> names no segment or annotation of the unit", ref)
		}
	}
	return nil
}

// checkRevisions checks that the change-tracking revisions of a unit
// refer to an ID of the unit.
func (rd *reader2) checkRevisions(u *unit2) error {
	if len(u.revisions) == 0 {
		return nil
	}
	ids := map[string]bool{}
	for id := range u.notes {
		ids[id] = true
	}
	for _, p := range u.parts {
		if id, ok := p.n.attr("id"); ok {
			ids[id] = true
		}
	}
	for _, x := range u.inls {
		if x.hasID {
			ids[x.id] = true
		}
	}
	for _, r := range u.revisions {
		if ref := r.get("ref"); !ids[ref] {
			return rd.errf(r, ErrReference, "ref=%q on <revisions> names nothing in unit %s", ref, u.id)
		}
	}
	return nil
}
