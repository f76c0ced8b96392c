package xliff

import (
	"encoding/xml"
	"errors"
	"fmt"
	"maps"
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

// reader12 reads XLIFF 1.2. It is tolerant of what CAT tools write
// (any attribute order, prefixes, alt-trans, count and prop groups,
// extension elements and attributes, state-less targets) and strict
// about what would lose or misplace a translation.
type reader12 struct {
	p    *parser
	ns   string // the XLIFF namespace, or "" for files that omit it
	opts ReadOptions
}

func (rd *reader12) errf(n *xmltree.Node, kind error, format string, args ...any) *Error {
	return rd.p.errf(n.Line, n.Col, kind, format, args...)
}

// is reports whether n is the XLIFF element local.
func (rd *reader12) is(n *xmltree.Node, local string) bool {
	return n.Name.Space == rd.ns && n.Name.Local == local
}

func (rd *reader12) read(root *xmltree.Node) ([]*handoff.File, []*xmltree.Node, error) {
	var files []*handoff.File
	var pos []*xmltree.Node
	for _, n := range root.Elems() {
		if n.Name.Space != rd.ns {
			continue // extension
		}
		if n.Name.Local != "file" {
			return nil, nil, rd.errf(n, ErrInvalid, "%s is not allowed in <xliff>: expected <file>", n.Tag())
		}
		f, err := rd.file(n)
		if err != nil {
			return nil, nil, err
		}
		files = append(files, f)
		pos = append(pos, n)
	}
	if len(files) == 0 {
		return nil, nil, rd.errf(root, ErrInvalid, "<xliff> has no <file>")
	}
	return files, pos, nil
}

// lang parses a language attribute.
func (rd *reader12) lang(n *xmltree.Node, attr string, required bool) (language.Tag, error) {
	v, ok := n.Attr(attr)
	if !ok || v == "" {
		if required {
			return language.Und, rd.errf(n, ErrLanguage, "%s has no %s attribute", n.Tag(), attr)
		}
		return language.Und, nil
	}
	if !conform.WellFormedLang(v) {
		return language.Und, rd.errf(n, ErrLanguage, "%s=%q is not a well-formed BCP 47 language tag", attr, v)
	}
	return language.Make(v), nil
}

func (rd *reader12) file(n *xmltree.Node) (*handoff.File, error) {
	f := &handoff.File{Original: n.Get("original"), Datatype: n.Get("datatype"), Prefilled: n.Get("tool-id") == prefilledTool}
	var err error
	if f.SourceLang, err = rd.lang(n, "source-language", true); err != nil {
		return nil, err
	}
	if f.TargetLang, err = rd.lang(n, "target-language", false); err != nil {
		return nil, err
	}
	var body *xmltree.Node
	for _, c := range n.Elems() {
		switch {
		case c.Name.Space != rd.ns, rd.is(c, "header"):
		case rd.is(c, "body"):
			if body != nil {
				return nil, rd.errf(c, ErrInvalid, "<file> has a second <body>")
			}
			body = c
		default:
			return nil, rd.errf(c, ErrInvalid, "%s is not allowed in <file>: expected <header> or <body>", c.Tag())
		}
	}
	if body == nil {
		return nil, rd.errf(n, ErrInvalid, "<file> has no <body>")
	}
	seen := map[string]*xmltree.Node{}
	if err := rd.body(body, f, seen); err != nil {
		return nil, err
	}
	return f, nil
}

// body reads the trans-units of a <body> or <group>, in order.
func (rd *reader12) body(n *xmltree.Node, f *handoff.File, seen map[string]*xmltree.Node) error {
	for _, c := range n.Elems() {
		switch {
		case c.Name.Space != rd.ns:
		case rd.is(c, "group"):
			if err := rd.body(c, f, seen); err != nil {
				return err
			}
		case rd.is(c, "trans-unit"):
			id := c.Get("id")
			if id == "" {
				return rd.errf(c, ErrInvalid, "<trans-unit> has no id")
			}
			if prev := seen[id]; prev != nil {
				return rd.errf(c, ErrDuplicateID, "trans-unit id %q is already used on line %d: IDs must be unique in a <file>", id, prev.Line).in(id, "")
			}
			seen[id] = c
			u, err := rd.unit(c, id)
			if err != nil {
				return within(err, "trans-unit "+id, id)
			}
			f.Units = append(f.Units, u)
		case rd.is(c, "bin-unit"), rd.is(c, "context-group"), rd.is(c, "count-group"), rd.is(c, "prop-group"), rd.is(c, "note"):
			// Binary units and group-level information have no text to translate.
		default:
			return rd.errf(c, ErrInvalid, "%s is not allowed in %s", c.Tag(), n.Tag())
		}
	}
	return nil
}

// codeInfo12 is what a unit's context groups say about its codes.
type codeInfo12 map[string]map[string]string // code ID → context-type → value

func (rd *reader12) unit(n *xmltree.Node, id string) (*handoff.Unit, error) {
	u := &handoff.Unit{ID: id}
	var fields typed
	if kind, ok := strings.CutPrefix(n.Get("restype"), "x-"); ok && kind != "" {
		u.Kind, fields.kind = kindOf(kind), true
	}
	var source, segSource, target *xmltree.Node
	info := codeInfo12{}
	var was map[string]previous  // by segment ID
	var levels map[string]string // Trados Studio's confirmation levels, by segment ID
	for _, c := range n.Elems() {
		if c.Name.Space == sdlNS && c.Name.Local == "seg-defs" {
			levels = sdlLevels(c, levels)
		}
		if c.Name.Space != rd.ns {
			continue
		}
		switch c.Name.Local {
		case "source", "seg-source", "target":
			p := &source
			switch c.Name.Local {
			case "seg-source":
				p = &segSource
			case "target":
				p = &target
			}
			if *p != nil {
				return nil, rd.errf(c, ErrInvalid, "trans-unit %s has a second %s", id, c.Tag()).in(id, "")
			}
			*p = c
		case "note":
			u.Notes = append(u.Notes, note12(c))
		case "context-group":
			// Context groups keep the markup of codes, glossary entries and
			// the origin: each context's text by its type.
			var ctx map[string]string
			switch purpose := c.Get("purpose"); {
			case hasWord(purpose, codePurpose):
				unit, code, ok := strings.Cut(c.Get("name"), "/")
				if !ok || unit != encodeID(id) {
					continue
				}
				if ctx = info[code]; ctx == nil {
					ctx = map[string]string{}
					info[code] = ctx
				}
				rd.contexts(c, ctx)
			case hasWord(purpose, glossaryPurpose):
				ctx = rd.contexts(c, map[string]string{})
				e := handoff.GlossEntry{Concept: ctx[ctxConcept], Term: ctx[ctxTerm], Translation: ctx[ctxTranslation], Definition: ctx[ctxDefinition]}
				if e.Term != "" && (e.Concept != "" || e.Translation != "" || e.Definition != "") {
					u.Glossary = append(u.Glossary, e)
					fields.glossary = true
				}
			case hasWord(purpose, locationPurpose) && u.Origin == "":
				ctx = rd.contexts(c, map[string]string{})
				if origin := ctx[ctxSourcefile]; origin != "" {
					u.Origin, fields.origin = origin, true
				}
			}
		case "alt-trans":
			// Suggestions are not translations; a previous version of
			// loctool's own is the source a translation was made for,
			// and the translation as loctool kept it.
			if mid := c.Get("mid"); mid != "" && c.Get("alttranstype") == previousVersion && c.Get("origin") == loctoolOrigin {
				var p previous
				for _, e := range c.Elems() {
					switch {
					case rd.is(e, "source"):
						p.was = e.DeepText()
					case rd.is(e, "target"):
						p.kept = e
					}
				}
				if p.was != "" {
					if was == nil {
						was = map[string]previous{}
					}
					was[decodeID(mid)] = p
				}
			}
		case "count-group", "prop-group":
			// Counts: not translations.
		default:
			return nil, rd.errf(c, ErrInvalid, "%s is not allowed in <trans-unit>", c.Tag())
		}
	}
	if source == nil {
		return nil, rd.errf(n, ErrInvalid, "trans-unit %s has no <source>", id).in(id, "")
	}
	segs := map[string]*handoff.Segment{}
	segNodes := map[*handoff.Segment]*xmltree.Node{}
	uses := rd.sourceUses(n)
	if segSource != nil && rd.hasSegMarkers(segSource) {
		ps, err := rd.pieces(segSource, info, false, uses, id)
		if err != nil {
			return nil, err
		}
		for _, pc := range ps {
			if pc.seg == nil {
				if l := len(u.Parts); l > 0 && u.Parts[l-1].Segment == nil {
					u.Parts[l-1].Space += pc.text
				} else {
					u.Parts = append(u.Parts, handoff.Part{Space: pc.text})
				}
				continue
			}
			c := pc.seg
			mid := c.Get("mid")
			if mid == "" {
				return nil, rd.errf(c, ErrInvalid, "a segment marker of trans-unit %s has no mid", id).in(id, "")
			}
			sid := decodeID(mid)
			if segs[sid] != nil {
				return nil, rd.errf(c, ErrDuplicateID, "trans-unit %s has two segments with mid %q", id, mid).in(id, sid)
			}
			u.Notes = append(u.Notes, sourceNotes(pc.comments)...)
			s := &handoff.Segment{ID: sid, Source: pc.content, Line: c.Line, Col: c.Col}
			segs[sid] = s
			segNodes[s] = c
			u.Parts = append(u.Parts, handoff.Part{Segment: s})
		}
	} else {
		from := source
		if segSource != nil {
			from = segSource
		}
		content, cms, err := rd.content(from, info, false, uses)
		if err != nil {
			return nil, inSegment(err, "1")
		}
		u.Notes = append(u.Notes, sourceNotes(cms)...)
		s := &handoff.Segment{ID: "1", Source: content, Line: from.Line, Col: from.Col}
		segs[s.ID] = s
		segNodes[s] = from
		u.Parts = []handoff.Part{{Segment: s}}
	}
	srcNode := source
	if segSource != nil {
		srcNode = segSource
	}
	var sources []inline.Content
	for _, s := range u.Segments() {
		sources = append(sources, s.Source)
	}
	if err := unitCodes(sources, "source"); err != nil {
		return nil, rd.errf(srcNode, errKind(err), "trans-unit %s: %v", id, err).in(id, "")
	}
	var whole *handoff.Segment // a translation of the whole paragraph
	if target != nil {
		var err error
		if whole, err = rd.target(target, u, segs, segNodes, info, uses); err != nil {
			return nil, err
		}
		if lang, ok := target.AttrNS(xmltree.XMLNS, "lang"); ok && lang != "" {
			if !conform.WellFormedLang(lang) {
				return nil, rd.errf(target, ErrLanguage, "xml:lang=%q is not a well-formed BCP 47 language tag", lang)
			}
		}
	}
	for _, s := range u.Segments() {
		if p, ok := was[s.ID]; ok {
			s.Was, fields.was = p.was, true
		}
	}
	decodeRemarks(u, fields)
	if whole != nil {
		// The paragraph's translation stands for its sentences: one
		// segment, made for the paragraph as it was when each of its
		// sentences was translated.
		var old strings.Builder
		for _, p := range u.Parts {
			switch s := p.Segment; {
			case s == nil:
				old.WriteString(p.Space)
			case s.Was != "":
				old.WriteString(s.Was)
			default:
				old.WriteString(s.Source.PlainText())
			}
		}
		if slices.ContainsFunc(u.Segments(), func(s *handoff.Segment) bool { return s.Was != "" }) {
			whole.Was = old.String()
		}
		u.Parts = []handoff.Part{{Segment: whole}}
		was, levels = nil, nil // the sentences', not the paragraph's
	}
	reviewOnlyWas(u)
	// A translation kept for review is confirmed by a target other than
	// the one kept, or by a state only a person sets: one of the
	// target's, approval, or that of the tool's own.
	status, _ := n.AttrNS(memoqNS, "status")
	confirmed := n.Get("approved") == "yes" || memoqConfirmed[status]
	if target != nil {
		confirmed = confirmed || confirming12[target.Get("state")]
	}
	for _, s := range u.Segments() {
		var kept inline.Content
		if p := was[s.ID]; p.kept != nil {
			kept, _, _ = rd.content(p.kept, info, true, targetUses(uses))
		}
		ok := confirmed
		if level, has := levels[s.ID]; has {
			ok = sdlConfirmed[level] // the segment's own, when Trados says it
		}
		review(s, kept, ok)
	}
	return u, nil
}

// note12 reads a <note>, with what it says of itself: who wrote it, its
// priority, what it annotates, its language. A priority or a language
// the schema does not allow is left out.
func note12(n *xmltree.Node) handoff.Note {
	nt := handoff.Note{Text: n.DeepText(), From: n.Get("from")}
	if p, err := strconv.Atoi(n.Get("priority")); err == nil && 1 <= p && p <= 10 {
		nt.Priority = p
	}
	if a := n.Get("annotates"); a == "source" || a == "target" {
		nt.AppliesTo = a
	}
	if l, _ := n.AttrNS(xmltree.XMLNS, "lang"); conform.WellFormedLang(l) {
		nt.Lang = l
	}
	return nt
}

// contexts records the text of each <context> of a context group by its
// context-type, and returns m.
func (rd *reader12) contexts(group *xmltree.Node, m map[string]string) map[string]string {
	for _, e := range group.Elems() {
		if rd.is(e, "context") {
			m[e.Get("context-type")] = e.DeepText()
		}
	}
	return m
}

// hasWord reports whether the space-separated list has the word, as
// purpose has its values.
func hasWord(list, word string) bool {
	for w := range strings.FieldsSeq(list) {
		if w == word {
			return true
		}
	}
	return false
}

// reviewOnlyWas gives back their state to the segments of a unit that
// were marked for review only because the unit was: XLIFF 1.2 has one
// state for a unit's whole target, and loctool writes it
// needs-review-translation when one of its sentences changed. When the
// unit says which sentences changed (their Was), only those need review;
// the others are translated.
func reviewOnlyWas(u *handoff.Unit) {
	segs := u.Segments()
	if !slices.ContainsFunc(segs, func(s *handoff.Segment) bool { return s.Was != "" }) {
		return
	}
	for _, s := range segs {
		if s.State == handoff.NeedsReview && s.Was == "" {
			s.State = handoff.Translated
		}
	}
}

func errKind(err error) error {
	for _, k := range []error{ErrDuplicateID, ErrCodes} {
		if errors.Is(err, k) {
			return k
		}
	}
	return ErrInvalid
}

func (rd *reader12) isSeg(n *xmltree.Node) bool {
	return rd.is(n, "mrk") && n.Get("mtype") == "seg"
}

// hasSegMarkers reports whether segment markers divide the element: its
// children, or held in its inline elements, as Trados Studio writes a
// <g> around a marker.
func (rd *reader12) hasSegMarkers(n *xmltree.Node) bool {
	for _, c := range n.Elems() {
		if rd.isSeg(c) || c.Name.Space == rd.ns && rd.hasSegMarkers(c) {
			return true
		}
	}
	return false
}

// piece is a part of a <seg-source> or <target> that segment markers
// divide: a marker with its content, or text between the markers.
type piece struct {
	seg      *xmltree.Node // the marker; nil for text
	content  inline.Content
	comments []handoff.Comment
	// blank is set when the marker's own content is no translation, as
	// blank says, whatever the codes around it.
	blank bool
	text  string
}

// pieces reads an element that segment markers divide into its markers,
// with their content, and the text between them. A code outside the
// markers goes to the segment beside it, as long as no text stands
// between the two: to the start of the next one, or else to the end of
// the one before; failing both, with the white space between them, to
// the start of the next, or else the end of the one before, as Trados
// Studio writes <x/> before a marker with a space between them, and a
// <g> holding only the space between two markers. A <g> around markers is thus its Open at the start of
// the first and its Close at the end of the last: Trados Studio writes
// <g id="1"><mrk mtype="seg" mid="1">…</mrk></g>, and reads the <g> back
// from inside the marker. Either way the unit's content is the same,
// code for code and character for character.
func (rd *reader12) pieces(n *xmltree.Node, info codeInfo12, target bool, uses *codeUses, unit string) ([]piece, error) {
	type loose struct {
		code *inline.Code
		at   *xmltree.Node // its element
	}
	var flat []any // strings, *pieces of markers, loose codes
	var walk func(n *xmltree.Node) error
	walk = func(n *xmltree.Node) error {
		for _, k := range n.Kids {
			e := k.El
			switch {
			case e == nil:
				flat = append(flat, k.Text)
			case e.Name.Space != rd.ns:
				// Extension: not content.
			case rd.isSeg(e):
				c, cms, err := rd.content(e, info, target, uses)
				if err != nil {
					return inSegment(err, decodeID(e.Get("mid")))
				}
				flat = append(flat, &piece{seg: e, content: c, comments: cms, blank: blank(c)})
			case rd.is(e, "g") && rd.hasSegMarkers(e):
				id := e.Get("id")
				if id == "" {
					return rd.errf(e, ErrInvalid, "<g> has no id attribute")
				}
				model := rd.use(uses, id, e)
				flat = append(flat, loose{rd.code(inline.Open, id, model, e, "", false, target, info), e})
				if err := walk(e); err != nil {
					return err
				}
				flat = append(flat, loose{rd.code(inline.Close, id, model, e, "", false, target, info), e})
			default:
				alone := &xmltree.Node{Name: n.Name, Kids: []xmltree.Kid{k}, Parent: n.Parent, Line: n.Line, Col: n.Col}
				c, _, err := rd.content(alone, info, target, uses)
				if err != nil {
					return err
				}
				if strings.TrimSpace(c.PlainText()) != "" {
					return rd.errf(e, ErrUnsupported, "%s between the segments of trans-unit %s holds text, which would be lost: loctool keeps only text and codes between segments; move it into a <mrk mtype=\"seg\">", e.Tag(), unit).in(unit, "")
				}
				// Codes, and white space between them, as Trados Studio
				// writes a <g> around the space between two sentences.
				for _, it := range c {
					if it.Code != nil {
						flat = append(flat, loose{it.Code, e})
					} else {
						flat = append(flat, it.Text)
					}
				}
			}
		}
		return nil
	}
	if err := walk(n); err != nil {
		return nil, err
	}
	// The codes outside the markers, each to the segment beside it.
	var lead map[*piece]inline.Content
	toLead := func(pc *piece, it inline.Item) {
		if lead == nil {
			lead = map[*piece]inline.Content{}
		}
		lead[pc] = append(lead[pc], it)
	}
	for i, f := range flat {
		l, ok := f.(loose)
		if !ok {
			continue
		}
		if pc := besideCode(flat, i, 1); pc != nil {
			toLead(pc, inline.Item{Code: l.code})
			continue
		}
		if pc := besideCode(flat, i, -1); pc != nil {
			pc.content = append(pc.content, inline.Item{Code: l.code})
			continue
		}
		// White space between the code and a segment, as Trados Studio
		// writes <x/> before a sentence's marker, or closes a <g> after
		// the space that follows the last: the code and the space go to
		// the segment's start, or else its end, as text of its sentence,
		// so that nothing is lost or moved.
		if j := besideBlank(flat, i, 1); j >= 0 {
			pc := flat[j].(*piece)
			toLead(pc, inline.Item{Code: l.code})
			for k := i + 1; k < j; k++ {
				if s, ok := flat[k].(string); ok && s != "" {
					toLead(pc, inline.Item{Text: s})
					flat[k] = ""
				}
			}
			continue
		}
		j := besideBlank(flat, i, -1)
		if j < 0 {
			return nil, rd.errf(l.at, ErrUnsupported, "%s between the segments of trans-unit %s has text between it and every segment: loctool keeps only text between segments; move it into a <mrk mtype=\"seg\">", l.at.Tag(), unit).in(unit, "")
		}
		pc := flat[j].(*piece)
		for k := j + 1; k < i; k++ {
			if s, ok := flat[k].(string); ok && s != "" {
				pc.content = append(pc.content, inline.Item{Text: s})
				flat[k] = ""
			}
		}
		pc.content = append(pc.content, inline.Item{Code: l.code})
	}
	for pc, items := range lead {
		shift := 0 // a comment's offsets count characters and codes
		for _, it := range items {
			if it.Code != nil {
				shift++
			} else {
				shift += utf8.RuneCountInString(it.Text)
			}
		}
		pc.content = append(slices.Clip(items), pc.content...).Normalize()
		for j := range pc.comments {
			pc.comments[j].Start += shift
			pc.comments[j].End += shift
		}
	}
	var out []piece
	for _, f := range flat {
		switch f := f.(type) {
		case string:
			if f != "" { // not taken into a segment
				out = append(out, piece{text: f})
			}
		case *piece:
			out = append(out, *f)
		}
	}
	return out, nil
}

// besideBlank returns the index of the segment marker next to flat[i]
// in the direction step, with only codes and white space between them;
// -1 when text comes first, or no marker.
func besideBlank(flat []any, i, step int) int {
	for j := i + step; 0 <= j && j < len(flat); j += step {
		switch f := flat[j].(type) {
		case string:
			if strings.TrimSpace(f) != "" {
				return -1
			}
		case *piece:
			return j
		}
	}
	return -1
}

// besideCode returns the segment marker next to flat[i] in the direction
// step, with only codes between them; nil when text comes first.
func besideCode(flat []any, i, step int) *piece {
	for j := i + step; 0 <= j && j < len(flat); j += step {
		switch f := flat[j].(type) {
		case string:
			if f != "" {
				return nil
			}
		case *piece:
			return f
		}
	}
	return nil
}

// target reads a unit's <target> into its segments. A target without
// segment markers in a unit of several segments, as tools that drop the
// markers write it, is a translation of the whole paragraph: target
// returns it as a segment whose source is the unit's whole source, with
// the ID of the unit's first segment, and leaves the unit's segments
// without targets.
func (rd *reader12) target(t *xmltree.Node, u *handoff.Unit, segs map[string]*handoff.Segment, segNodes map[*handoff.Segment]*xmltree.Node, info codeInfo12, src *codeUses) (*handoff.Segment, error) {
	state := handoff.Translated
	st, stated := t.Attr("state")
	if stated {
		state = stateFrom12(st)
	}
	switch t.Parent.Get("approved") {
	case "yes":
		state = max(state, handoff.Translated) // as the writer writes it, and Translate Toolkit reads it
	case "no":
		// Withheld in so many words, as Translate Toolkit's pomerge
		// writes a PO entry left fuzzy: a translation there is to be
		// checked, whatever state a tool left that says less.
		if state < handoff.Translated {
			state = handoff.NeedsReview
		}
	}
	var whole *handoff.Segment
	got := map[*handoff.Segment]*xmltree.Node{}
	seen := map[*handoff.Segment]bool{}
	var seq []*handoff.Segment
	if rd.hasSegMarkers(t) {
		ps, err := rd.pieces(t, info, true, targetUses(src), u.ID)
		if err != nil {
			return nil, err
		}
		for _, pc := range ps {
			if pc.seg == nil {
				if strings.TrimSpace(pc.text) != "" {
					return nil, rd.errf(t, ErrUnsupported, "the target of trans-unit %s has text outside its segment markers, which would be lost: %q", u.ID, strings.TrimSpace(pc.text)).in(u.ID, "")
				}
				continue
			}
			c := pc.seg
			mid := c.Get("mid")
			s := segs[decodeID(mid)]
			if s == nil {
				return nil, rd.errf(c, ErrUnknownSegment, "the target of trans-unit %s has segment mid=%q, which its <seg-source> does not have", u.ID, mid).in(u.ID, "")
			}
			if seen[s] {
				return nil, rd.errf(c, ErrDuplicateID, "the target of trans-unit %s has segment mid=%q twice", u.ID, mid).in(u.ID, s.ID)
			}
			seen[s] = true
			if pc.blank {
				continue // no translation, whatever the codes of the source
			}
			s.Target, s.State, s.Comments = pc.content, state, pc.comments
			got[s] = c
			seq = append(seq, s)
		}
		// The segments' targets are in the order of the translated text.
		setOrder(u, seq)
	} else {
		content, cms, err := rd.content(t, info, true, targetUses(src))
		if err != nil {
			return nil, err
		}
		segments := u.Segments()
		switch {
		case blank(content):
			// An empty target: nothing translated yet.
		case len(segments) == 1:
			segments[0].Target, segments[0].State, segments[0].Comments = content, state, cms
			got[segments[0]] = t
		default:
			whole = &handoff.Segment{ID: segments[0].ID, Source: u.Source(), Target: content, State: state, Comments: cms}
			got[whole] = t
		}
	}
	// Each target keeps its source's codes, once each, soundly nested,
	// and has no character a translation may not hold.
	checked := u.Segments()
	if whole != nil {
		checked = []*handoff.Segment{whole}
	}
	for _, s := range checked {
		at := got[s]
		if at == nil {
			continue
		}
		s.Line, s.Col = at.Line, at.Col
		if bad, r := unprintable(at, rd.ns); bad != nil && !s.Target.Equal(s.Source) {
			return nil, rd.p.unprintableError(bad, r, "trans-unit "+u.ID, u.ID, s.ID)
		}
		if rd.opts.KeepCodeMismatches {
			continue
		}
		if err := checkCodes(s.Source, s.Target); err != nil {
			return nil, &Error{File: rd.p.file, Line: at.Line, Col: at.Col, Kind: ErrCodes, Err: err, Unit: u.ID, Segment: s.ID,
				Msg: fmt.Sprintf("trans-unit %s, segment %s: the target's inline codes do not match the source's: %v; each code of the source must appear once in the target", u.ID, s.ID, err)}
		}
	}
	return whole, nil
}

// checkCodes is inline.CheckCodes, except that a crossing the source has
// itself is not held against the target.
func checkCodes(source, target inline.Content) error {
	err := inline.CheckCodes(source, target)
	var ce *inline.CodeError
	if errors.As(err, &ce) && len(ce.Missing) == 0 && len(ce.Extra) == 0 && sourceCrosses(source) {
		return nil
	}
	return err
}

func sourceCrosses(source inline.Content) bool {
	var ce *inline.CodeError
	return errors.As(inline.CheckCodes(source, source), &ce) && ce.Nesting != ""
}

// content reads text with inline codes, and the comments on it (<mrk
// comment>). Codes take their original markup and anything their
// element cannot say from the unit's context groups; <ph>, <bpt>, <ept>
// and <it> carry the markup themselves.
// uses records the codes of one side of the unit, its source or its
// target, to give each its ID in the model; nil reads content that
// stands alone, with the file's IDs.
func (rd *reader12) content(n *xmltree.Node, info codeInfo12, target bool, uses *codeUses) (inline.Content, []handoff.Comment, error) {
	c := inline.Content{}
	var comments []handoff.Comment
	var walk func(n *xmltree.Node) error
	walk = func(n *xmltree.Node) error {
		for _, k := range n.Kids {
			if k.El == nil {
				c = append(c, inline.Item{Text: k.Text})
				continue
			}
			e := k.El
			if e.Name.Space != rd.ns && target {
				// Its text may be the translation's or not (a tool's
				// tracked deletion): neither kept nor dropped, it is
				// refused.
				return rd.errf(e, ErrInvalid, "%s of namespace %s is not allowed in a <target>, where XLIFF 1.2 allows its inline elements only, and loctool cannot tell whether its text is part of the translation: remove it, and keep its text if it is", e.Tag(), e.Name.Space)
			}
			if e.Name.Space != rd.ns {
				continue // extension: not content
			}
			var kind inline.Kind
			id := e.Get("id")
			if rid := e.Get("rid"); rid != "" {
				id = decodeID(rid)
			}
			hasID := id != ""
			data, native := "", false
			switch e.Name.Local {
			case "mrk", "sub":
				if rd.isSeg(e) {
					return rd.errf(e, ErrUnsupported, "a segment marker inside %s: segment markers must be children of <seg-source> and <target>, or of a <g> around them", n.Tag())
				}
				start := units(c)
				if err := walk(e); err != nil {
					return err
				}
				if text := e.Get("comment"); text != "" && e.Name.Local == "mrk" {
					comments = append(comments, handoff.Comment{Start: start, End: units(c), Text: text})
				}
				continue
			case "g":
				if !hasID {
					return rd.errf(e, ErrInvalid, "<g> has no id attribute")
				}
				model := rd.use(uses, id, e)
				c = append(c, inline.Item{Code: rd.code(inline.Open, id, model, e, "", false, target, info)})
				if err := walk(e); err != nil {
					return err
				}
				c = append(c, inline.Item{Code: rd.code(inline.Close, id, model, e, "", false, target, info)})
				continue
			case "x", "ph":
				kind = inline.Placeholder
			case "bx", "bpt":
				kind = inline.Open
			case "ex", "ept":
				kind = inline.Close
			case "it":
				switch e.Get("pos") {
				case "open":
					kind = inline.Open
				case "close":
					kind = inline.Close
				default:
					return rd.errf(e, ErrInvalid, `<it> needs pos="open" or pos="close"`)
				}
			default:
				return rd.errf(e, ErrInvalid, "%s is not allowed in %s", e.Tag(), n.Tag())
			}
			if !hasID {
				return rd.errf(e, ErrInvalid, "%s has no id attribute", e.Tag())
			}
			model := rd.use(uses, id, e)
			switch e.Name.Local {
			case "ph", "bpt", "ept", "it":
				data, native = e.DeepText(), true
			}
			c = append(c, inline.Item{Code: rd.code(kind, id, model, e, data, native, target, info)})
		}
		return nil
	}
	if err := walk(n); err != nil {
		return nil, nil, err
	}
	c = c.Normalize()
	if c == nil {
		c = inline.Content{}
	}
	sortComments(comments)
	return c, comments, nil
}

// sourceNotes makes notes of the comments on a source: where the source
// is the article's, a comment on it is a remark on the unit.
func sourceNotes(comments []handoff.Comment) []handoff.Note {
	var notes []handoff.Note
	for _, cm := range comments {
		notes = append(notes, handoff.Note{Text: cm.Text, AppliesTo: "source"})
	}
	return notes
}

// code makes a code from its element, and the unit's context groups:
// the source's entries, and for a target code the target's, which take
// precedence. id is the code's ID in the file, model its ID in the model
// (see codeUses).
func (rd *reader12) code(kind inline.Kind, id, model string, e *xmltree.Node, data string, native, target bool, info codeInfo12) *inline.Code {
	cd := &inline.Code{Kind: kind, ID: model, Data: data, Display: e.Get("equiv-text")}
	if kind != inline.Close || e.Name.Local == "g" || e.Name.Local == "it" {
		cd.Type = e.Get("ctype")
	}
	if kind == inline.Close && e.Name.Local == "g" {
		cd.Display = "" // <g>'s equiv-text is its opening code's
	}
	m := info[id]
	sides := []string{"x-"}
	if target {
		sides = append(sides, "x-t-")
	}
	for _, side := range sides {
		k := side + kindNames12[kind]
		if v, ok := m[k]; ok && !native {
			cd.Data = v
		}
		if v, ok := m[k+"-type"]; ok {
			cd.Type = v
		}
		if v, ok := m[k+"-display"]; ok {
			cd.Display = v
		}
	}
	return cd
}

// codeUses are the codes of one side of a unit, its source or its
// target, by their ID in the file. XLIFF 1.2 does not make the ID of an
// inline element unique: Trados Studio writes <g id="203"> for each use
// of one tag definition, MadCap Flare <ph id="1"> and <bpt id="1"> in one
// source. In the model one ID names one placeholder or one pair, so each
// code of the file with an ID already used is given one of its own
// ("203.2"): a placeholder repeated as it is (Angular's <x
// id="CLOSE_TAG_SPAN"/> for each </span>) keeps the ID it shares, and
// the closing half of a pair takes the ID of its opening one. A target's
// codes take the IDs of the source's with the same ID in the file and of
// the same kind (placeholder or pair) in order of appearance, a
// placeholder preferring one of the source that is the same element; a
// target code the source does not have keeps the file's ID, for the check
// of codes to report it as the file names it. The file is never written back from the
// model: extract writes the article's own codes.
type codeUses struct {
	byID   map[string][]*codeUse // by the file's ID, in order of appearance
	open   map[string][]*codeUse // opening halves not yet closed, by the file's ID
	taken  map[string]bool       // a source's: every ID of the unit and each one given
	source *codeUses             // a target's: the source's codes
	took   map[*codeUse]bool     // a target's: those of the source's it has taken
	// next is, for an ID given others made from it, the number to try
	// first for the next: taken only grows, so the numbers below it stay
	// taken, and a paragraph that uses one ID many times is read in
	// time linear in them.
	next map[string]int
	// pairFrom is, for an ID of the source, how many of its codes (in
	// byID) a target has taken or are no pairs.
	pairFrom map[string]int
}

// codeUse is a code of the file: a placeholder or a pair.
type codeUse struct {
	el    *xmltree.Node
	class inline.Kind // inline.Placeholder or pairRole
	model string      // its ID in the model
}

// sourceUses returns the record of the codes of the source of unit n.
func (rd *reader12) sourceUses(n *xmltree.Node) *codeUses {
	taken := map[string]bool{}
	var walk func(n *xmltree.Node)
	walk = func(n *xmltree.Node) {
		for _, e := range n.Elems() {
			if e.Name.Space == rd.ns {
				taken[e.Get("id")] = true
				if rid := e.Get("rid"); rid != "" {
					taken[decodeID(rid)] = true
				}
			}
			walk(e)
		}
	}
	walk(n)
	return &codeUses{byID: map[string][]*codeUse{}, open: map[string][]*codeUse{}, taken: taken}
}

// targetUses returns the record of the codes of a target of a unit
// whose source's are src.
func targetUses(src *codeUses) *codeUses {
	return &codeUses{byID: map[string][]*codeUse{}, open: map[string][]*codeUse{}, source: src, took: map[*codeUse]bool{}, pairFrom: map[string]int{}}
}

// use records e, the element of a code with the ID id in the file, and
// returns its ID in the model. With no record (nil), it is id.
func (rd *reader12) use(uses *codeUses, id string, e *xmltree.Node) string {
	if uses == nil {
		return id
	}
	role := rd.role(e)
	if role == inline.Close {
		if st := uses.open[id]; len(st) > 0 {
			u := st[len(st)-1]
			uses.open[id] = st[:len(st)-1]
			return u.model
		}
	}
	class := pairRole
	if role == inline.Placeholder {
		class = inline.Placeholder
		for _, u := range uses.byID[id] {
			if u.class == class && sameElement(u.el, e) {
				return u.model // repeated as it is
			}
		}
	}
	u := &codeUse{el: e, class: class, model: uses.name(id, class, e)}
	uses.byID[id] = append(uses.byID[id], u)
	if role == inline.Open {
		uses.open[id] = append(uses.open[id], u)
	}
	return u.model
}

// name gives a new code of the file, with the ID id and of the class, its
// ID in the model.
func (uses *codeUses) name(id string, class inline.Kind, e *xmltree.Node) string {
	if src := uses.source; src != nil {
		if class == pairRole {
			// The first pair not taken. Those before the cursor are taken
			// or no pairs, and stay so: a target that uses one ID many
			// times is read in time linear in them.
			list, k := src.byID[id], uses.pairFrom[id]
			for k < len(list) && (list[k].class != pairRole || uses.took[list[k]]) {
				k++
			}
			uses.pairFrom[id] = k
			if k == len(list) {
				return id // one the source does not have: reported as the file names it
			}
			uses.took[list[k]] = true
			return list[k].model
		}
		var first *codeUse
		for _, u := range src.byID[id] {
			if u.class != class || uses.took[u] {
				continue
			}
			if sameElement(u.el, e) {
				first = u
				break
			}
			if first == nil {
				first = u
			}
		}
		if first != nil {
			uses.took[first] = true
			return first.model
		}
		return id
	}
	if len(uses.byID[id]) == 0 {
		return id
	}
	return uses.fresh(id)
}

// fresh returns an ID made from id that the unit does not use.
func (uses *codeUses) fresh(id string) string {
	if uses.next == nil {
		uses.next = map[string]int{}
	}
	for k := max(2, uses.next[id]); ; k++ {
		if m := id + "." + strconv.Itoa(k); !uses.taken[m] {
			uses.taken[m] = true
			uses.next[id] = k + 1
			return m
		}
	}
}

// pairRole is the role of a <g>, both halves of a pair.
const pairRole inline.Kind = -1

// role is what the inline element e is: a placeholder, a pair's opening
// or closing half, or a whole pair (pairRole).
func (rd *reader12) role(e *xmltree.Node) inline.Kind {
	switch e.Name.Local {
	case "x", "ph":
		return inline.Placeholder
	case "g":
		return pairRole
	case "bx", "bpt":
		return inline.Open
	case "it":
		if e.Get("pos") == "open" {
			return inline.Open
		}
	}
	return inline.Close
}

// sameElement reports whether two elements are the same: name,
// attributes in any order (namespace declarations aside), and content.
func sameElement(a, b *xmltree.Node) bool {
	if a.Name != b.Name || len(a.Kids) != len(b.Kids) {
		return false
	}
	attrs := func(n *xmltree.Node) map[xml.Name]string {
		m := map[xml.Name]string{}
		for _, at := range n.Attrs {
			if at.Name.Space != "xmlns" && !(at.Name.Space == "" && at.Name.Local == "xmlns") {
				m[at.Name] = at.Value
			}
		}
		return m
	}
	if !maps.Equal(attrs(a), attrs(b)) {
		return false
	}
	for i, k := range a.Kids {
		l := b.Kids[i]
		if (k.El == nil) != (l.El == nil) || k.El == nil && k.Text != l.Text || k.El != nil && !sameElement(k.El, l.El) {
			return false
		}
	}
	return true
}
