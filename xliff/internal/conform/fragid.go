package conform

import (
	"fmt"
	"strings"
)

// modulePrefixes are the fragment-identifier prefixes of the XLIFF 2
// modules, which every reader knows.
var modulePrefixes = map[string]bool{
	"ctr": true, "fs": true, "gls": true, "its": true, "itsm": true, "mda": true,
	"mtc": true, "pgs": true, "res": true, "slr": true, "val": true,
}

// selector is one step of an XLIFF 2 fragment identifier: prefix=id, or a
// bare id (an inline element or segment of the unit).
type selector struct{ prefix, id string }

// fragid is a parsed same-document reference such as "#/f=f1/u=u3/n=n1".
type fragid struct {
	absolute bool
	sel      []selector
}

// leaf returns the last selector when it names something inside a unit
// or file rather than the file, group or unit itself.
func (f fragid) leaf() (selector, bool) {
	if n := len(f.sel); n > 0 {
		switch s := f.sel[n-1]; s.prefix {
		case "f", "g", "u":
		default:
			return s, true
		}
	}
	return selector{}, false
}

// get returns the id of the selector with the prefix.
func (f fragid) get(prefix string) (string, bool) {
	for _, s := range f.sel {
		if s.prefix == prefix {
			return s.id, true
		}
	}
	return "", false
}

// parseFragid checks the syntax of an XLIFF 2 fragment identifier (the
// part after '#'): selectors in the order file, group, unit, then at
// most one leaf (note, data, target or source inline element, or a
// module's or registered extension's element), none repeated.
func parseFragid(s string, extra map[string]string) (fragid, error) {
	var f fragid
	if rest, ok := strings.CutPrefix(s, "/"); ok {
		f.absolute = true
		s = rest
	}
	if s == "" {
		return f, fmt.Errorf("the fragment identifier is empty")
	}
	rank := map[string]int{"f": 1, "g": 2, "u": 3}
	last := 0
	seen := map[string]bool{}
	for i, part := range strings.Split(s, "/") {
		var sel selector
		if p, id, ok := strings.Cut(part, "="); ok {
			sel = selector{p, id}
		} else {
			sel = selector{"", part}
		}
		if !IsNMTOKEN(sel.id) {
			return f, fmt.Errorf("%q is not a valid ID in a fragment identifier", sel.id)
		}
		switch p := sel.prefix; {
		case p == "":
		case !IsNMTOKEN(p):
			return f, fmt.Errorf("prefix %q is not an NMTOKEN", p)
		case len(p) == 1 && !strings.Contains("fgundt", p):
			return f, fmt.Errorf("prefix %q is unknown: one-letter prefixes are reserved to XLIFF (f, g, u, n, d, t)", p)
		case len(p) > 1 && !modulePrefixes[p] && extra[p] == "":
			return f, fmt.Errorf("prefix %q is not registered: it is no XLIFF module's", p)
		}
		if seen[sel.prefix] {
			return f, fmt.Errorf("the fragment identifier repeats %s", describeSel(sel))
		}
		seen[sel.prefix] = true
		r, structural := rank[sel.prefix]
		if !structural {
			r = 4
		}
		if last == 4 {
			return f, fmt.Errorf("%s follows a selector that must come last", describeSel(sel))
		}
		if r < last || r == last {
			return f, fmt.Errorf("%s is out of order: file, group and unit come first, in that order", describeSel(sel))
		}
		if f.absolute && i == 0 && sel.prefix != "f" {
			return f, fmt.Errorf("an absolute fragment identifier must start with f=")
		}
		last = r
		f.sel = append(f.sel, sel)
	}
	return f, nil
}

func describeSel(s selector) string {
	if s.prefix == "" {
		return fmt.Sprintf("selector %q", s.id)
	}
	return fmt.Sprintf("selector %s=%s", s.prefix, s.id)
}
