package segment

import (
	"fmt"
	"slices"
	"strings"

	"github.com/loctool/loctool/diag"
)

// okapiOption is an attribute of Okapi's okpsrx:options: the values with
// which loctool segments as Okapi would, and what loctool does otherwise.
type okapiOption struct {
	name string
	// honoured reports whether loctool does what the value asks.
	honoured func(value string) bool
	// instead says what loctool does where it does not honour the value,
	// and hint what to write in the file.
	instead, hint string
}

// Okapi takes "yes" for yes and any other value for no, except for
// useJavaRegex: it reads every pattern as a Java regular expression
// whatever the value, as loctool does, and "no" asked for ICU's syntax.
func isYes(v string) bool  { return v == "yes" }
func notYes(v string) bool { return v != "yes" }
func notNo(v string) bool  { return v != "no" }

var okapiOptions = []okapiOption{
	{"oneSegmentIncludesAll", notYes,
		"loctool cuts a text of one sentence as any other, without the white space around it",
		`set oneSegmentIncludesAll="no", or leave it out`},
	{"trimLeadingWhitespaces", isYes,
		"loctool leaves the white space before a sentence out of its segment",
		`set trimLeadingWhitespaces="yes" to say so`},
	{"trimTrailingWhitespaces", isYes,
		"loctool leaves the white space after a sentence out of its segment",
		`set trimTrailingWhitespaces="yes" to say so`},
	{"useJavaRegex", notNo,
		"loctool reads the patterns as Java regular expressions, as Okapi has since it dropped ICU's",
		`check that the patterns mean what they should in Java's syntax, then set useJavaRegex="yes"`},
	{"useIcu4jBreakRules", notYes,
		"loctool breaks only where the file's rules say, without ICU4J's break rules as defaults for every language",
		`write the breaks you need as rules, and set useIcu4jBreakRules="no"`},
	{"treatIsolatedCodesAsWhitespace", notYes,
		"loctool matches the rules against the text without its inline codes, where an isolated code is not white space",
		`write rules that do not need the code as white space, and set treatIsolatedCodesAsWhitespace="no"`},
}

// okapiOptions warns about each attribute of the okpsrx:options element
// that starts at byte off whose value loctool does not honour, at its
// place. Attributes left out take Okapi's defaults, which loctool
// honours or which make no difference to it.
func (p *srxParser) okapiOptions(ext Extension, off int64) {
	for _, a := range ext.Attrs {
		if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" {
			continue
		}
		at := p.attrPos(off, a.Name.Local, ext.Pos)
		i := slices.IndexFunc(okapiOptions, func(o okapiOption) bool { return o.name == a.Name.Local })
		if i < 0 {
			p.warn(at, diag.SRXOption,
				fmt.Sprintf("%s=%q is no option Okapi knows: loctool ignores it, as Okapi does", a.Name.Local, a.Value),
				"check its spelling, or remove it")
			continue
		}
		if opt := okapiOptions[i]; !opt.honoured(a.Value) {
			p.warn(at, diag.SRXOption,
				fmt.Sprintf("Okapi option %s=%q is not honoured: %s", a.Name.Local, a.Value, opt.instead), opt.hint)
		}
	}
}

// attrPos returns where the attribute with the local name starts in the
// start tag at byte off, or at when it cannot be found.
func (p *srxParser) attrPos(off int64, local string, at Pos) Pos {
	d := p.data
	i := int(off)
	if i >= len(d) || d[i] != '<' {
		return at
	}
	// Skip the element's name, then read name="value" pairs.
	for i < len(d) && !isXMLSpace(d[i]) && d[i] != '>' && d[i] != '/' {
		i++
	}
	for i < len(d) {
		for i < len(d) && isXMLSpace(d[i]) {
			i++
		}
		if i >= len(d) || d[i] == '>' || d[i] == '/' {
			return at
		}
		start := i
		for i < len(d) && d[i] != '=' && !isXMLSpace(d[i]) {
			i++
		}
		name := string(d[start:i])
		if _, after, ok := strings.Cut(name, ":"); name == local || ok && after == local {
			return p.pos(int64(start))
		}
		for i < len(d) && d[i] != '"' && d[i] != '\'' {
			i++
		}
		if i >= len(d) {
			return at
		}
		quote := d[i]
		i++
		for i < len(d) && d[i] != quote {
			i++
		}
		i++
	}
	return at
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
