package xliff

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/xliff/internal/conform"
)

// Write writes the file as XLIFF of the version the options name. It
// checks what XLIFF cannot hold before writing anything that would be
// invalid: a missing or repeated unit or segment ID, a code ID used by two
// codes, text with characters XML forbids (XLIFF 2 writes those as <cp>).
func Write(w io.Writer, f *handoff.File, opts WriteOptions) error {
	units, err := prepare(f, opts)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	x := &xw{w: bw}
	switch opts.Version {
	case Version12:
		write12(x, f, units, opts)
	case Version20, Version21, Version22:
		write2(x, f, units, opts.Version)
	default:
		return fmt.Errorf("xliff: cannot write version %q: use 1.2, 2.0, 2.1 or 2.2: %w", opts.Version, ErrVersion)
	}
	if x.err != nil {
		return x.err
	}
	return bw.Flush()
}

// wunit is a unit ready to write: its segments with the targets and
// states that go into the file.
type wunit struct {
	u    *handoff.Unit
	segs map[*handoff.Segment]*wseg
	// notes are the unit's notes as the version writes them: its own,
	// and what loctool says of it that the version has no other place
	// for.
	notes []handoff.Note
}

type wseg struct {
	target inline.Content // nil: no <target>
	own    bool           // the target is the segment's, not a copy of its source
	state  handoff.State
	// order is the place the target takes in the translated text, or 0
	// for its own ([handoff.Segment.Order]).
	order int
}

// prepare checks the file and works out each segment's target.
func prepare(f *handoff.File, opts WriteOptions) ([]*wunit, error) {
	units := make([]*wunit, 0, len(f.Units))
	seen := make(map[string]bool, len(f.Units))
	for i, u := range f.Units {
		if u == nil {
			return nil, fmt.Errorf("xliff: unit %d is nil", i+1)
		}
		if u.ID == "" {
			return nil, fmt.Errorf("xliff: unit %d has no ID", i+1)
		}
		if seen[u.ID] {
			return nil, fmt.Errorf("xliff: unit ID %q is used twice: %w", u.ID, ErrDuplicateID)
		}
		seen[u.ID] = true
		wu := &wunit{u: u, segs: make(map[*handoff.Segment]*wseg, len(u.Parts)), notes: notesOf(u, f.TargetLang, opts.Version)}
		segIDs := make(map[string]bool, len(u.Parts))
		sources, targets := make([]inline.Content, 0, len(u.Parts)), make([]inline.Content, 0, len(u.Parts))
		wsegs := make([]wseg, 0, len(u.Parts)) // one allocation for the unit's
		nseg := 0
		for _, p := range u.Parts {
			s := p.Segment
			if s == nil {
				if !utf8.ValidString(p.Space) {
					return nil, fmt.Errorf("xliff: unit %s: invalid UTF-8 between segments", u.ID)
				}
				continue
			}
			nseg++
			if s.ID == "" {
				return nil, fmt.Errorf("xliff: unit %s: segment %d has no ID", u.ID, nseg)
			}
			if segIDs[s.ID] {
				return nil, fmt.Errorf("xliff: unit %s: segment ID %q is used twice: %w", u.ID, s.ID, ErrDuplicateID)
			}
			segIDs[s.ID] = true
			if !validState(s.State) {
				return nil, fmt.Errorf("xliff: unit %s: segment %s has unknown state %v", u.ID, s.ID, s.State)
			}
			wsegs = append(wsegs, wseg{state: s.State})
			ws := &wsegs[len(wsegs)-1]
			if s.Target != nil && !blank(s.Target) {
				ws.target, ws.own = s.Target, true // an empty target is none
			}
			if s.Was != "" && ws.own {
				ws.state = handoff.NeedsReview // until someone confirms it
			}
			if ws.target == nil && opts.PrefillTargets {
				ws.target = slices.Clone(s.Source)
				if ws.target == nil {
					ws.target = inline.Content{}
				}
				if ws.state > handoff.NeedsTranslation {
					ws.state = handoff.New
				}
			}
			if ws.target == nil && ws.state > handoff.NeedsTranslation {
				ws.state = handoff.New // no translation, no state of one
			}
			wu.segs[s] = ws
			sources = append(sources, s.Source)
			if ws.target != nil {
				targets = append(targets, ws.target)
			}
			for _, c := range []inline.Content{s.Source, ws.target} {
				if err := checkContent(c, opts.Version == Version12); err != nil {
					return nil, fmt.Errorf("xliff: unit %s, segment %s: %w", u.ID, s.ID, err)
				}
			}
		}
		if nseg == 0 {
			return nil, fmt.Errorf("xliff: unit %s has no segment: XLIFF needs at least one", u.ID)
		}
		if err := orders(wu); err != nil {
			return nil, fmt.Errorf("xliff: unit %s: %w", u.ID, err)
		}
		if err := unitCodes(sources, "source"); err != nil {
			return nil, fmt.Errorf("xliff: unit %s: %w", u.ID, err)
		}
		if err := unitCodes(targets, "target"); err != nil {
			return nil, fmt.Errorf("xliff: unit %s: %w", u.ID, err)
		}
		if opts.Version != Version12 {
			// XLIFF 2 IDs of segments and codes share one space in a unit,
			// where each names one element.
			for _, side := range [][]inline.Content{sources, targets} {
				placeholders := map[string]bool{}
				for _, c := range side {
					for _, cd := range c.Codes() {
						if segIDs[cd.ID] {
							return nil, fmt.Errorf("xliff: unit %s: code ID %q is also a segment ID, which XLIFF 2 does not allow: %w", u.ID, cd.ID, ErrDuplicateID)
						}
						if cd.Kind == inline.Placeholder && placeholders[cd.ID] {
							return nil, fmt.Errorf("xliff: unit %s: placeholder %q is repeated, which XLIFF 2 does not allow (write XLIFF 1.2): %w", u.ID, cd.ID, ErrDuplicateID)
						}
						placeholders[cd.ID] = cd.Kind == inline.Placeholder
					}
				}
			}
		}
		noteIDs := map[string]bool{}
		for _, n := range wu.notes {
			if err := checkNote(n, noteIDs); err != nil {
				return nil, fmt.Errorf("xliff: unit %s: note: %w", u.ID, err)
			}
		}
		for _, p := range u.Parts {
			s := p.Segment
			if s == nil || len(s.Comments) == 0 {
				continue
			}
			if !wu.segs[s].own {
				return nil, fmt.Errorf("xliff: unit %s: segment %s has comments but no target", u.ID, s.ID)
			}
			if err := checkComments(s, s.Target, noteIDs); err != nil {
				return nil, fmt.Errorf("xliff: unit %s: %w", u.ID, err)
			}
		}
		if err := checkTexts(u.Kind, u.Origin); err != nil {
			return nil, fmt.Errorf("xliff: unit %s: kind or origin: %w", u.ID, err)
		}
		for _, e := range u.Glossary {
			if e.Term == "" || (e.Translation == "" && e.Definition == "" && e.Concept == "") {
				return nil, fmt.Errorf("xliff: unit %s: a glossary entry needs a term, and a translation, a definition or a concept", u.ID)
			}
			if err := checkTexts(e.Term, e.Translation, e.Definition, e.Concept); err != nil {
				return nil, fmt.Errorf("xliff: unit %s: glossary entry: %w", u.ID, err)
			}
		}
		units = append(units, wu)
	}
	return units, nil
}

// checkNote reports a note XLIFF cannot hold, or whose ID another of
// its unit's notes has (ids holds theirs).
func checkNote(n handoff.Note, ids map[string]bool) error {
	switch {
	case n.Priority < 0 || n.Priority > 10:
		return fmt.Errorf("priority %d is not from 1 to 10", n.Priority)
	case n.AppliesTo != "" && n.AppliesTo != "source" && n.AppliesTo != "target":
		return fmt.Errorf("it applies to %q: a note applies to the source, the target, or the whole unit", n.AppliesTo)
	case n.Lang != "" && !conform.WellFormedLang(n.Lang):
		return fmt.Errorf("language %q is not a well-formed BCP 47 language tag", n.Lang)
	case n.ID != "" && ids[n.ID]:
		return fmt.Errorf("ID %q is used twice: %w", n.ID, ErrDuplicateID)
	}
	ids[n.ID] = true
	return checkTexts(n.Text, n.From, n.ID)
}

// checkContent reports content XML cannot hold. Text and Data may hold
// characters XML forbids (XLIFF 2 writes them as <cp>, and 1.2 fails on
// them), but attributes may not; XLIFF 2 encodes IDs and types.
func checkContent(c inline.Content, v12 bool) error {
	for _, it := range c {
		if cd := it.Code; cd != nil {
			attrs := cd.Display
			if v12 {
				attrs += cd.ID + cd.Type
			}
			if err := checkText(attrs); err != nil {
				return fmt.Errorf("code %s: %w", it.Code.ID, err)
			}
			if !utf8.ValidString(it.Code.Data) {
				return fmt.Errorf("code %s: invalid UTF-8 in its data", it.Code.ID)
			}
		} else if !utf8.ValidString(it.Text) {
			return fmt.Errorf("invalid UTF-8 in %q", it.Text)
		}
	}
	return nil
}

// checkText reports text that XML cannot hold at all, even as <cp>.
func checkText(s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("invalid UTF-8 in %q", s)
	}
	for i := 0; i < len(s); {
		if !textStops[s[i]] {
			i += 1 + plainRun(s[i+1:])
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isXMLChar(r) {
			return fmt.Errorf("character %U cannot be written in XML", r)
		}
		i += size
	}
	return nil
}

// checkTexts is checkText of the parts joined, without joining them
// when each passes alone: their join then passes too.
func checkTexts(parts ...string) error {
	for _, s := range parts {
		if checkText(s) != nil {
			return checkText(strings.Join(parts, ""))
		}
	}
	return nil
}

// xw writes XML, keeping the first error.
type xw struct {
	w   *bufio.Writer
	err error
	cp  bool // text may use XLIFF 2's <cp> for characters XML forbids
}

func (x *xw) raw(s string) {
	if x.err == nil {
		_, x.err = x.w.WriteString(s)
	}
}

func (x *xw) fail(err error) {
	if x.err == nil {
		x.err = err
	}
}

// text writes character data, which prepare has checked is valid UTF-8.
// It looks at each byte once: only the bytes of textStops can start what
// needs escaping, or a character XML forbids.
func (x *xw) text(s string) {
	start := 0
	for i := 0; i < len(s); {
		if !textStops[s[i]] {
			i += 1 + plainRun(s[i+1:])
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		var esc string
		switch {
		case r == '&':
			esc = "&amp;"
		case r == '<':
			esc = "&lt;"
		case r == '>':
			esc = "&gt;"
		case r == '\r':
			esc = "&#xD;"
		case isXMLChar(r):
			i += size
			continue
		case !x.cp:
			x.fail(fmt.Errorf("xliff: character %U cannot be written in XLIFF 1.2", r))
			return
		default:
			esc = fmt.Sprintf(`<cp hex="%04X"/>`, r)
		}
		x.raw(s[start:i])
		x.raw(esc)
		i += size
		start = i
	}
	x.raw(s[start:])
}

// plainRun returns the length of the start of s that holds none of
// textStops, looking at eight bytes at a time: most text has no byte
// to stop at, and a paragraph is written three times.
func plainRun(s string) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	// zero reports whether w has a zero byte; less whether it has one
	// below n (n ≤ 128). Neither misses one.
	zero := func(w uint64) bool { return (w-ones)&^w&highs != 0 }
	less := func(w uint64, n byte) bool { return (w-ones*uint64(n))&^w&highs != 0 }
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if less(w, 0x20) || zero(w^(ones*'&')) || zero(w^(ones*'<')) || zero(w^(ones*'>')) || zero(w^(ones*0xEF)) {
			break
		}
	}
	for i < len(s) && !textStops[s[i]] {
		i++
	}
	return i
}

// textStops are the bytes at which text looks at the character: the
// markup characters, the controls, and the first byte of U+FFFE and
// U+FFFF, the only characters of two bytes or more that XML forbids
// (surrogates are not valid UTF-8).
var textStops = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = c != '\t' && c != '\n'
	}
	t['&'], t['<'], t['>'], t['\r'], t[0xEF] = true, true, true, true, true
	return t
}()

var attrEscaper = strings.NewReplacer(`&`, "&amp;", `<`, "&lt;", `>`, "&gt;", `"`, "&quot;",
	"\n", "&#xA;", "\r", "&#xD;", "\t", "&#x9;")

// attr writes ` name="value"`.
func (x *xw) attr(name, value string) {
	if err := checkText(value); err != nil {
		x.fail(fmt.Errorf("xliff: attribute %s: %w", name, err))
		return
	}
	x.raw(" ")
	x.raw(name)
	x.raw(`="`)
	x.raw(attrEscaper.Replace(value))
	x.raw(`"`)
}

// attrIf writes the attribute when the value is not empty.
func (x *xw) attrIf(name, value string) {
	if value != "" {
		x.attr(name, value)
	}
}

// notesOf returns the notes a unit is written with in a version: what
// loctool says of it worded for translators ([handoff.Unit.Remarks]),
// which CAT tools show, and its own notes. The fields each have an
// encoding of their own beside the notes, which the readers decode;
// XLIFF 2 tools show the glossary module's entries themselves. The
// article a unit of the obsolete store comes from is a note of its own
// in either version: 1.2 tools show a note, not a context group.
func notesOf(u *handoff.Unit, target language.Tag, v Version) []handoff.Note {
	if slices.ContainsFunc(u.Segments(), lostWas) {
		// A segment without a target has no translation kept for review.
		c := *u
		c.Parts = slices.Clone(u.Parts)
		for i, p := range c.Parts {
			if lostWas(p.Segment) {
				s := *p.Segment
				s.Was = ""
				c.Parts[i].Segment = &s
			}
		}
		u = &c
	}
	notes := u.Remarks(target)
	if v != Version12 {
		remarks := notes[:len(notes)-len(u.Notes)] // the unit's own notes stay, whoever wrote them
		remarks = slices.DeleteFunc(remarks, func(n handoff.Note) bool { return n.From == handoff.GlossaryFrom })
		notes = append(remarks, u.Notes...)
	}
	if u.Origin != "" {
		notes = append([]handoff.Note{{Text: u.Origin, From: handoff.KindFrom}}, notes...)
	}
	return notes
}

// lostWas reports whether a segment says what its translation was made
// for, but has none.
func lostWas(s *handoff.Segment) bool {
	return s != nil && s.Was != "" && (s.Target == nil || blank(s.Target))
}

// orders works out the places the targets of a unit take in its
// translated text, and checks that they make one: each target takes the
// place of a segment with a target, its own or another's, and no two
// take the same.
func orders(wu *wunit) error {
	if !slices.ContainsFunc(wu.u.Parts, func(p handoff.Part) bool { return p.Segment != nil && p.Segment.Order != 0 }) {
		return nil // each target at its own place
	}
	natural, taken := map[int]bool{}, map[int]*handoff.Segment{}
	for i, p := range wu.u.Parts {
		s := p.Segment
		if s == nil || wu.segs[s].target == nil {
			continue
		}
		ws, at := wu.segs[s], i+1
		natural[at] = true
		if s.Order != 0 && s.Order != at {
			if s.Order < 0 || s.Order > len(wu.u.Parts) {
				return fmt.Errorf("segment %s has order %d, but the unit has %d parts", s.ID, s.Order, len(wu.u.Parts))
			}
			ws.order, at = s.Order, s.Order
		}
		if prev := taken[at]; prev != nil {
			return fmt.Errorf("the targets of segments %s and %s take place %d both", prev.ID, s.ID, at)
		}
		taken[at] = s
	}
	for at, s := range taken {
		if !natural[at] {
			return fmt.Errorf("the target of segment %s takes place %d, which is no segment's with a target", s.ID, at)
		}
	}
	return nil
}

// ordered returns the parts of a unit in the order its targets take:
// each target at its place, the rest at their own.
func (wu *wunit) ordered() []handoff.Part {
	at := make([]int, len(wu.u.Parts))
	for i, p := range wu.u.Parts {
		at[i] = i + 1
		if s := p.Segment; s != nil && wu.segs[s].order > 0 {
			at[i] = wu.segs[s].order
		}
	}
	idx := make([]int, len(at))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return at[a] - at[b] })
	parts := make([]handoff.Part, len(idx))
	for i, j := range idx {
		parts[i] = wu.u.Parts[j]
	}
	return parts
}

// kindToken writes a unit's kind as the value of an attribute that
// takes no white space and, in XLIFF 2, no colon ("list-item").
func kindToken(kind string) string { return escapeSubType(kind) }

// kindOf reads what kindToken writes.
func kindOf(token string) string { return unescapeSubType(token) }
