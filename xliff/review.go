package xliff

import (
	"fmt"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/xliff/internal/conform"
	"github.com/loctool/loctool/xliff/internal/xmltree"
)

// previous is what a file keeps of a translation kept for review: the
// source it was made for, and the translation as loctool wrote it (the
// <target> of the <alt-trans> or the match), nil when the file has none.
type previous struct {
	was  string
	kept *xmltree.Node
}

// review settles a segment with a translation kept for review (a Was).
// It stays NeedsReview, with its Was, until someone confirms it:
// confirmed says a state of the file does, and kept is the translation
// as loctool wrote it, which a target that differs from confirms (nil
// when the file has lost it). A confirmed segment keeps its state, at
// least Translated, and loses its Was; one without a target has no
// translation to review.
func review(s *handoff.Segment, kept inline.Content, confirmed bool) {
	switch {
	case s.Was == "":
	case s.Target == nil:
		s.Was = ""
	case confirmed || kept != nil && !handoff.SameWords(s.Target, kept):
		s.State, s.Was = max(s.State, handoff.Translated), ""
	default:
		s.State = handoff.NeedsReview
	}
}

// The states of XLIFF 1.2 that say a person has confirmed a translation;
// loctool never writes them on the target of a unit that holds a
// translation kept for review.
var confirming12 = map[string]bool{"translated": true, "signed-off": true, "final": true}

// confirming2 reports whether an XLIFF 2 segment's state says a person
// has confirmed its translation: translated without loctool's
// needs-review, reviewed, final.
func confirming2(state, sub string) bool {
	return stateFrom2(state, sub) >= handoff.Translated
}

// Tools' own states of XLIFF 1.2 segments that say a translation is
// confirmed: Trados Studio's confirmation level, on the <sdl:seg> of the
// segment's mid in the trans-unit's <sdl:seg-defs>, and memoQ's status
// of the trans-unit.
const (
	sdlNS   = "http://sdl.com/FileTypes/SdlXliff/1.0"
	memoqNS = "MQXliff"
)

var (
	sdlConfirmed   = map[string]bool{"Translated": true, "ApprovedTranslation": true, "ApprovedSignOff": true}
	memoqConfirmed = map[string]bool{"ManuallyConfirmed": true, "Reviewer1Confirmed": true, "Reviewer2Confirmed": true, "Proofread": true}
)

// sdlLevels reads Trados Studio's confirmation levels of a trans-unit's
// segments from an <sdl:seg-defs>, by segment ID.
func sdlLevels(n *xmltree.Node, levels map[string]string) map[string]string {
	for _, s := range n.Elems() {
		if s.Name.Space != sdlNS || s.Name.Local != "seg" {
			continue
		}
		if id, ok := s.Attr("id"); ok {
			if levels == nil {
				levels = map[string]string{}
			}
			levels[decodeID(id)] = s.Get("conf")
		}
	}
	return levels
}

// content2 reads the content of a translation candidate's <target>, as
// loctool writes it, leniently: text, <cp>, and codes by their kind and
// ID, for [handoff.SameWords]; annotations are their text.
func content2(n *xmltree.Node, core string) inline.Content {
	var c inline.Content
	var walk func(*xmltree.Node)
	walk = func(n *xmltree.Node) {
		for _, k := range n.Kids {
			e := k.El
			if e == nil {
				c = append(c, inline.Item{Text: k.Text})
				continue
			}
			if e.Name.Space != core {
				continue
			}
			code := func(kind inline.Kind, id string) {
				c = append(c, inline.Item{Code: &inline.Code{Kind: kind, ID: decodeID(id)}})
			}
			switch e.Name.Local {
			case "cp":
				if r, ok := conform.CPRune(e.Get("hex")); ok {
					c = append(c, inline.Item{Text: string(r)})
				}
			case "ph":
				code(inline.Placeholder, e.Get("id"))
			case "sc":
				code(inline.Open, e.Get("id"))
			case "ec":
				if ref, ok := e.Attr("startRef"); ok {
					code(inline.Close, ref)
				} else {
					code(inline.Close, e.Get("id"))
				}
			case "pc":
				code(inline.Open, e.Get("id"))
				walk(e)
				code(inline.Close, e.Get("id"))
			case "mrk":
				walk(e)
			}
		}
	}
	walk(n)
	if c = c.Normalize(); c == nil {
		c = inline.Content{}
	}
	return c
}

// unprintable returns the first element of a target whose text has a
// character no translation may hold ([handoff.IsControl], or one an
// XLIFF 2 <cp> makes that is no character at all), and the character;
// nil when there is none. Codes' markup is not text.
func unprintable(n *xmltree.Node, core string) (*xmltree.Node, rune) {
	for _, k := range n.Kids {
		e := k.El
		if e == nil {
			if r, ok := firstControl(k.Text); ok {
				return n, r
			}
			continue
		}
		if e.Name.Space != core {
			continue
		}
		switch e.Name.Local {
		case "cp":
			if r, ok := conform.CPRune(e.Get("hex")); ok {
				return e, r // a <cp> holds only what XML cannot
			}
		case "ph", "bpt", "ept", "it":
			// XLIFF 1.2's native codes: their content is markup.
		default:
			if bad, r := unprintable(e, core); bad != nil {
				return bad, r
			}
		}
	}
	return nil, 0
}

// firstControl returns the first character of s that
// [handoff.IsControl] refuses, looking at its bytes: those of C0 and
// DEL are bytes of their own, those of C1 (U+0080 to U+009F) 0xC2 and
// the byte of the same value.
func firstControl(s string) (rune, bool) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c == 0x7F:
			if handoff.IsControl(rune(c)) {
				return rune(c), true
			}
		case c == 0xC2 && i+1 < len(s) && 0x80 <= s[i+1] && s[i+1] <= 0x9F:
			return rune(s[i+1]), true
		}
	}
	return 0, false
}

// unprintableError is the error of a target with such a character.
func (p *parser) unprintableError(at *xmltree.Node, r rune, unit, unitID, seg string) *Error {
	what := fmt.Sprintf("control character U+%04X, which a translation may not hold", r)
	switch {
	case 0xD800 <= r && r <= 0xDFFF:
		what = fmt.Sprintf("U+%04X, half of a UTF-16 surrogate pair, not a character", r)
	case !handoff.IsControl(r):
		what = fmt.Sprintf("U+%04X, not a character", r)
	}
	if at.Name.Local == "cp" {
		what = fmt.Sprintf("<cp hex=%q/>, %s", at.Get("hex"), what)
	}
	return p.errf(at.Line, at.Col, ErrInvalid, "%s, segment %s: the target has %s: remove it", unit, seg, what).in(unitID, seg)
}
