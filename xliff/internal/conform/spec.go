package conform

import (
	"regexp"
	"strconv"
	"strings"
)

// What XLIFF 2 allows on each core element: its schema, plus the
// specification's prose on extension attributes.

type attrKind int

const (
	aString attrKind = iota
	aNMTOKEN
	aNMTOKENS
	aYesNo
	aYesNoFirstNo
	aDir
	aAppliesTo
	aPriority
	aState
	aUserDefined
	aType
	aMrkType
	aPositiveInt
	aHex
	aLang
)

// foreignPolicy says which attributes of other namespaces an element
// takes.
type foreignPolicy int

const (
	fNone    foreignPolicy = iota // none
	fModules                      // those of the modules that define attributes for it
	fAny                          // any extension attribute
)

type elemSpec struct {
	attrs    map[string]attrKind
	required []string
	xml      []string // attributes of the xml: namespace it takes (beyond fAny)
	foreign  foreignPolicy
}

func codeAttrs(extra map[string]attrKind) map[string]attrKind {
	m := map[string]attrKind{
		"canCopy": aYesNo, "canDelete": aYesNo, "canReorder": aYesNoFirstNo, "copyOf": aNMTOKEN,
		"id": aNMTOKEN, "subType": aUserDefined, "type": aType,
	}
	for k, v := range extra {
		m[k] = v
	}
	return m
}

var structAttrs = map[string]attrKind{
	"id": aNMTOKEN, "name": aString, "canResegment": aYesNo, "translate": aYesNo,
	"srcDir": aDir, "trgDir": aDir, "type": aUserDefined,
}

var markerAttrs = map[string]attrKind{"id": aNMTOKEN, "translate": aYesNo, "type": aMrkType, "ref": aString, "value": aString}

var specs2 = map[string]*elemSpec{
	"xliff":        {attrs: map[string]attrKind{"version": aString, "srcLang": aLang, "trgLang": aLang}, required: []string{"version", "srcLang"}, foreign: fAny},
	"file":         {attrs: map[string]attrKind{"id": aNMTOKEN, "canResegment": aYesNo, "original": aString, "translate": aYesNo, "srcDir": aDir, "trgDir": aDir}, required: []string{"id"}, foreign: fAny},
	"skeleton":     {attrs: map[string]attrKind{"href": aString}},
	"group":        {attrs: structAttrs, required: []string{"id"}, foreign: fAny},
	"unit":         {attrs: structAttrs, required: []string{"id"}, foreign: fAny},
	"segment":      {attrs: map[string]attrKind{"id": aNMTOKEN, "canResegment": aYesNo, "state": aState, "subState": aUserDefined}},
	"ignorable":    {attrs: map[string]attrKind{"id": aNMTOKEN}},
	"notes":        {},
	"note":         {attrs: map[string]attrKind{"id": aNMTOKEN, "appliesTo": aAppliesTo, "category": aString, "priority": aPriority}, foreign: fAny},
	"originalData": {},
	"data":         {attrs: map[string]attrKind{"id": aNMTOKEN, "dir": aDir}, required: []string{"id"}, xml: []string{"space"}},
	"source":       {xml: []string{"lang", "space"}},
	"target":       {attrs: map[string]attrKind{"order": aPositiveInt}, xml: []string{"lang", "space"}},
	"cp":           {attrs: map[string]attrKind{"hex": aHex}, required: []string{"hex"}},
	"ph": {attrs: codeAttrs(map[string]attrKind{"disp": aString, "equiv": aString, "dataRef": aNMTOKEN, "subFlows": aNMTOKENS}),
		required: []string{"id"}, foreign: fModules},
	"pc": {attrs: codeAttrs(map[string]attrKind{"canOverlap": aYesNo, "dispEnd": aString, "dispStart": aString, "equivEnd": aString,
		"equivStart": aString, "dataRefEnd": aNMTOKEN, "dataRefStart": aNMTOKEN, "subFlowsEnd": aNMTOKENS, "subFlowsStart": aNMTOKENS, "dir": aDir}),
		required: []string{"id"}, foreign: fModules},
	"sc": {attrs: codeAttrs(map[string]attrKind{"canOverlap": aYesNo, "dataRef": aNMTOKEN, "dir": aDir, "disp": aString, "equiv": aString,
		"isolated": aYesNo, "subFlows": aNMTOKENS}), required: []string{"id"}, foreign: fModules},
	"ec": {attrs: codeAttrs(map[string]attrKind{"canOverlap": aYesNo, "dataRef": aNMTOKEN, "dir": aDir, "disp": aString, "equiv": aString,
		"isolated": aYesNo, "startRef": aNMTOKEN, "subFlows": aNMTOKENS}), foreign: fModules},
	"mrk": {attrs: markerAttrs, required: []string{"id"}, foreign: fAny},
	"sm":  {attrs: markerAttrs, required: []string{"id"}, foreign: fAny},
	"em":  {attrs: map[string]attrKind{"startRef": aNMTOKEN}, required: []string{"startRef"}},
}

func init() {
	// xml:space where the schema allows it.
	for _, e := range []string{"xliff", "file", "group", "unit"} {
		specs2[e].xml = []string{"space"}
	}
}

// Namespaces of the XLIFF 2 modules.
const (
	nsFS   = "urn:oasis:names:tc:xliff:fs:2.0"
	nsSLR  = "urn:oasis:names:tc:xliff:sizerestriction:2.0"
	nsITS  = "http://www.w3.org/2005/11/its"
	nsITSM = "urn:oasis:names:tc:xliff:itsm:2.1"
)

// moduleElements names the elements of each module that defines
// elements. An element of a module's namespace that the module does not
// define is an error; a namespace not listed here is an extension.
var moduleElements = map[string]map[string]bool{
	"urn:oasis:names:tc:xliff:matches:2.0":      set("matches", "match"),
	"urn:oasis:names:tc:xliff:glossary:2.0":     set("glossary", "glossEntry", "term", "translation", "definition"),
	MetadataNS:                                  set("metadata", "metaGroup", "meta"),
	"urn:oasis:names:tc:xliff:resourcedata:2.0": set("resourceData", "resourceItem", "resourceItemRef", "source", "target", "reference"),
	nsSLR: set("profiles", "normalization", "data"),
	"urn:oasis:names:tc:xliff:validation:2.0":     set("validation", "rule"),
	"urn:oasis:names:tc:xliff:changetracking:2.0": set("changeTrack", "revisions", "revision", "item"),
	nsFS: set(),
}

// moduleAttrs names the attributes that modules define for core
// elements. Other attributes of these namespaces are errors.
var moduleAttrs = map[string]map[string]bool{
	nsFS:  set("fs", "subFs"),
	nsSLR: set("storageRestriction", "sizeRestriction", "equivStorage", "sizeInfo", "sizeInfoRef"),
}

// openModules define attributes for inline codes but are not checked
// further.
var openModules = set(nsITS, nsITSM)

func set(names ...string) map[string]bool {
	m := map[string]bool{}
	for _, n := range names {
		m[n] = true
	}
	return m
}

// fsValues are the values of fs:fs: the HTML elements the Format Style
// module names.
var fsValues = set(strings.Fields(`a b bdo big blockquote body br button caption center cite code col colgroup
	dd del div dl dt em h1 h2 h3 h4 h5 h6 head hr html i img label legend li ol p pre q s samp select
	small span strike strong sub sup table tbody td tfoot th thead title tr tt u ul`)...)

var userDefined = regexp.MustCompile(`^[^\s:]+:[^\s:]+$`)

// IsUserDefined reports whether s is a user-defined value, such as a
// subType or a unit's type: prefix:value.
func IsUserDefined(s string) bool { return userDefined.MatchString(s) }

// checkValue reports what is wrong with an attribute value, or "".
func checkValue(k attrKind, v string) string {
	switch k {
	case aNMTOKEN:
		if !IsNMTOKEN(v) {
			return "is not a valid ID (an XML NMTOKEN: letters, digits, '.', '-', '_' and ':')"
		}
	case aNMTOKENS:
		for _, t := range strings.Fields(v) {
			if !IsNMTOKEN(t) {
				return "is not a space-separated list of IDs"
			}
		}
		if strings.TrimSpace(v) == "" {
			return "is empty"
		}
	case aYesNo:
		if v != "yes" && v != "no" {
			return `must be "yes" or "no"`
		}
	case aYesNoFirstNo:
		if v != "yes" && v != "no" && v != "firstNo" {
			return `must be "yes", "firstNo" or "no"`
		}
	case aDir:
		if v != "ltr" && v != "rtl" && v != "auto" {
			return `must be "ltr", "rtl" or "auto"`
		}
	case aAppliesTo:
		if v != "source" && v != "target" {
			return `must be "source" or "target"`
		}
	case aPriority:
		if n, err := strconv.Atoi(v); err != nil || n < 1 || n > 10 {
			return "must be a number from 1 to 10"
		}
	case aState:
		switch v {
		case "initial", "translated", "reviewed", "final":
		default:
			return `must be "initial", "translated", "reviewed" or "final"`
		}
	case aUserDefined:
		if !userDefined.MatchString(v) {
			return `must have the form prefix:value`
		}
	case aType:
		switch v {
		case "fmt", "ui", "quote", "link", "image", "other":
		default:
			return `must be "fmt", "ui", "quote", "link", "image" or "other"`
		}
	case aMrkType:
		switch v {
		case "generic", "comment", "term":
		default:
			if !userDefined.MatchString(v) {
				return `must be "generic", "comment", "term" or have the form prefix:value`
			}
		}
	case aPositiveInt:
		if n, err := strconv.Atoi(v); err != nil || n < 1 {
			return "must be a positive integer"
		}
	case aHex:
		if _, ok := CPRune(v); !ok {
			return "must be the hexadecimal code of a character XML forbids (such as 0001 or 000C)"
		}
	case aLang:
		if !WellFormedLang(v) {
			return "is not a well-formed BCP 47 language tag"
		}
	}
	return ""
}

// CPRune decodes the hex of <cp>, which may name only characters that
// XML cannot hold (or discourages).
func CPRune(hex string) (rune, bool) {
	if len(hex) == 0 || len(hex)%2 != 0 {
		return 0, false
	}
	n, err := strconv.ParseUint(hex, 16, 32)
	if err != nil {
		return 0, false
	}
	r := rune(n)
	switch {
	case r <= 0x8, r == 0xB, r == 0xC, 0xE <= r && r <= 0x1F, 0x7F <= r && r <= 0x84, 0x86 <= r && r <= 0x9F,
		0xD800 <= r && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
		return r, true
	}
	return 0, false
}
