package xliff

import (
	"slices"
	"strconv"
	"strings"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
)

var datatypes12 = map[string]bool{}

func init() {
	for _, d := range strings.Fields(`asp c cdf cfm cpp csharp cstring csv database documentfooter
		documentheader filedialog form html htmlbody ini interleaf javaclass javapropertyresourcebundle
		javalistresourcebundle javascript jscript layout lisp margin menufile messagefile mif mimetype mo
		msglib pagefooter pageheader parameters pascal php plaintext po report resources resx rtf sgml
		sgmldtd svg vbscript warning winres xhtml xml xmldtd xsl xul`) {
		datatypes12[d] = true
	}
}

// datatype12 returns a datatype XLIFF 1.2 accepts: its own names, "x-"
// names, and "plaintext" for none.
func datatype12(d string) string {
	switch {
	case d == "":
		return "plaintext"
	case datatypes12[d] || isXTend(d):
		return d
	}
	return "x-" + strings.Join(strings.Fields(d), "-")
}

// The context groups that keep the original markup of a unit's codes
// have this purpose, and a name of the unit's encoded ID (which has no
// '/'), a '/', and the code's ID: names must be unique in a <file>.
const codePurpose = "x-loctool-code"

// A glossary entry of a unit is a context group of this purpose, with a
// context for each of its fields, of these types.
const (
	glossaryPurpose = "x-loctool-glossary"
	ctxConcept      = "x-concept"
	ctxTerm         = "x-term"
	ctxTranslation  = "x-translation"
	ctxDefinition   = "x-definition"
)

// The article a unit of the obsolete store comes from is the standard
// location context: XLIFF 1.2's "sourcefile" in a group of purpose
// "location".
const (
	locationPurpose = "location"
	ctxSourcefile   = "sourcefile"
)

// A translation kept for review on a changed sentence is an <alt-trans>
// of the segment's mid, of this type and origin, whose <source> is the
// source the translation was made for.
const (
	previousVersion = "previous-version"
	loctoolOrigin   = "loctool"
)

// prefilledTool is the tool a file of prefilled targets names, in its
// <file tool-id> and <header>: so that the next extract writes it so
// again.
const prefilledTool = "loctool-prefilled"

func write12(x *xw, f *handoff.File, units []*wunit, opts WriteOptions) {
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.raw(`<xliff xmlns="` + ns12 + `" version="1.2">` + "\n")
	x.raw(` <file`)
	x.attr("original", f.Original)
	x.attr("source-language", f.SourceLang.String())
	x.attr("target-language", f.TargetLang.String())
	x.attr("datatype", datatype12(f.Datatype))
	if opts.PrefillTargets {
		x.attr("tool-id", prefilledTool)
		x.raw("><header><tool")
		x.attr("tool-id", prefilledTool)
		x.attr("tool-name", "loctool, every target prefilled")
		x.raw("/></header>\n  <body>\n")
	} else {
		x.raw(">\n  <body>\n")
	}
	for _, wu := range units {
		writeUnit12(x, wu)
	}
	x.raw("  </body>\n </file>\n</xliff>\n")
}

// codeTable12 collects, for each code of a unit, what its element cannot
// say: the original markup, and a type or display text that differs from
// what the element's ctype and equiv-text give. It is written as context
// groups at the end of the trans-unit.
type codeTable12 struct {
	ids []string                     // in order of first use
	ctx map[string]map[string]string // ID → context-type → value
}

func (t *codeTable12) set(id, key, value string) {
	if t.ctx == nil {
		t.ctx = map[string]map[string]string{}
	}
	m := t.ctx[id]
	if m == nil {
		m = map[string]string{}
		t.ctx[id] = m
		t.ids = append(t.ids, id)
	}
	if _, ok := m[key]; !ok {
		m[key] = value
	}
}

var kindNames12 = [...]string{inline.Open: "open", inline.Close: "close", inline.Placeholder: "placeholder"}

func (t *codeTable12) get(id, key string) (string, bool) {
	v, ok := t.ctx[id][key]
	return v, ok
}

// note records what the reader needs beyond what the element says: for
// a source code, under "x-open", "x-open-type"…; for a target code that
// differs from its source, under "x-t-open"… The element derives a type
// and a display text from its ctype and equiv-text.
func (t *codeTable12) note(cd *inline.Code, derivedType, derivedDisplay string, target bool) {
	k := "x-" + kindNames12[cd.Kind]
	if !target {
		if cd.Data != "" {
			t.set(cd.ID, k, cd.Data)
		}
		if cd.Type != derivedType {
			t.set(cd.ID, k+"-type", cd.Type)
		}
		if cd.Display != derivedDisplay {
			t.set(cd.ID, k+"-display", cd.Display)
		}
		return
	}
	// What the reader will make of the target code from the source's
	// entries.
	data, _ := t.get(cd.ID, k)
	if v, ok := t.get(cd.ID, k+"-type"); ok {
		derivedType = v
	}
	if v, ok := t.get(cd.ID, k+"-display"); ok {
		derivedDisplay = v
	}
	tk := "x-t-" + kindNames12[cd.Kind]
	if cd.Data != data {
		t.set(cd.ID, tk, cd.Data)
	}
	if cd.Type != derivedType {
		t.set(cd.ID, tk+"-type", cd.Type)
	}
	if cd.Display != derivedDisplay {
		t.set(cd.ID, tk+"-display", cd.Display)
	}
}

// leastState is the state of a 1.2 <target>, which holds all the unit's
// segments: the least advanced of them, so that a source copy on an
// untranslated segment is never taken for a translation.
func leastState(wu *wunit) (handoff.State, bool) {
	least, any := handoff.Final, false
	for _, s := range wu.u.Segments() {
		if ws := wu.segs[s]; ws.target != nil {
			any = true
			least = min(least, ws.state)
		}
	}
	return least, any
}

// writeUnit12 writes a unit as a <trans-unit>, approved when every
// sentence of it is a confirmed translation.
func writeUnit12(x *xw, wu *wunit) {
	u := wu.u
	t := &codeTable12{}
	state, hasTarget := leastState(wu)
	x.raw("   <trans-unit")
	x.attr("id", u.ID)
	if !slices.ContainsFunc(u.Segments(), func(s *handoff.Segment) bool { return !s.IsConfirmed() }) {
		// Every sentence confirmed: Translate Toolkit and other tools
		// take a unit for translated only when approved.
		x.attr("approved", "yes")
	}
	if u.Kind != "" {
		x.attr("restype", "x-"+kindToken(u.Kind))
	}
	x.attr("xml:space", "preserve")
	x.raw(">\n    <source>")
	if hasCodes(u) {
		writeContent12(x, u.Source(), nil, false, false, nil)
	} else {
		// Text alone is written as it comes: the same as the joined
		// source, without joining it first.
		for t := range u.SourceText() {
			x.text(t)
		}
	}
	x.raw("</source>\n    <seg-source>")
	for _, p := range u.Parts {
		if p.Segment == nil {
			x.text(p.Space)
			continue
		}
		x.raw(`<mrk mtype="seg"`)
		x.attr("mid", encodeID(p.Segment.ID))
		x.raw(">")
		writeContent12(x, p.Segment.Source, t, false, false, nil)
		x.raw("</mrk>")
	}
	x.raw("</seg-source>\n")
	if hasTarget {
		x.raw("    <target")
		x.attr("state", states12[state])
		x.raw(">")
		// The segments' targets in the order of the translated text. The
		// space between two segments goes with them, when both have a
		// target; the reader ignores it.
		parts := wu.ordered()
		notes := map[string]string{} // the comments that are notes are their text
		for _, n := range u.Notes {
			notes[n.ID] = n.Text
		}
		written := func(i, step int) bool {
			for ; i >= 0 && i < len(parts); i += step {
				if s := parts[i].Segment; s != nil {
					return wu.segs[s].target != nil
				}
			}
			return true
		}
		for i, p := range parts {
			if p.Segment == nil {
				if strings.TrimSpace(p.Space) == "" && written(i, -1) && written(i, 1) {
					x.text(p.Space)
				}
				continue
			}
			ws := wu.segs[p.Segment]
			if ws.target == nil {
				continue
			}
			x.raw(`<mrk mtype="seg"`)
			x.attr("mid", encodeID(p.Segment.ID))
			x.raw(">")
			var sp []span
			if ws.own {
				sp = spans12(p.Segment.Comments, notes)
			}
			writeContent12(x, ws.target, t, true, false, sp)
			x.raw("</mrk>")
		}
		x.raw("</target>\n")
	}
	for _, n := range wu.notes {
		x.raw("    <note")
		x.attrIf("from", n.From)
		if n.Priority > 0 {
			x.attr("priority", strconv.Itoa(n.Priority))
		}
		x.attrIf("annotates", n.AppliesTo)
		x.attrIf("xml:lang", n.Lang)
		x.raw(">")
		x.text(n.Text)
		x.raw("</note>\n")
	}
	for _, p := range u.Parts {
		s := p.Segment
		if s == nil || s.Was == "" || !wu.segs[s].own {
			continue
		}
		x.raw("    <alt-trans")
		x.attr("mid", encodeID(s.ID))
		x.attr("alttranstype", previousVersion)
		x.attr("origin", loctoolOrigin)
		x.raw("><source>")
		x.text(s.Was)
		x.raw("</source><target>")
		writeContent12(x, s.Target, nil, true, true, nil)
		x.raw("</target></alt-trans>\n")
	}
	for _, e := range u.Glossary {
		x.raw(`    <context-group purpose="` + glossaryPurpose + `">`)
		for _, c := range [...]struct{ typ, text string }{
			{ctxConcept, e.Concept}, {ctxTerm, e.Term}, {ctxTranslation, e.Translation}, {ctxDefinition, e.Definition},
		} {
			if c.text != "" {
				x.raw(`<context context-type="` + c.typ + `">`)
				x.text(c.text)
				x.raw("</context>")
			}
		}
		x.raw("</context-group>\n")
	}
	if u.Origin != "" {
		x.raw(`    <context-group purpose="` + locationPurpose + `"><context context-type="` + ctxSourcefile + `">`)
		x.text(u.Origin)
		x.raw("</context></context-group>\n")
	}
	for _, id := range t.ids {
		x.raw(`    <context-group`)
		x.attr("purpose", codePurpose)
		x.attr("name", encodeID(u.ID)+"/"+id)
		x.raw(">")
		for _, k := range contextKeys12 {
			if v, ok := t.ctx[id][k]; ok {
				x.raw(`<context context-type="` + k + `">`)
				x.text(v)
				x.raw("</context>")
			}
		}
		x.raw("</context-group>\n")
	}
	x.raw("   </trans-unit>\n")
}

// hasCodes reports whether the source of a unit has inline codes.
func hasCodes(u *handoff.Unit) bool {
	return slices.ContainsFunc(u.Parts, func(p handoff.Part) bool {
		return p.Segment != nil && slices.ContainsFunc(p.Segment.Source, isCode)
	})
}

// isCode reports whether an item is a code.
func isCode(it inline.Item) bool { return it.Code != nil }

var contextKeys12 = func() []string {
	var keys []string
	for _, side := range []string{"x-", "x-t-"} {
		for _, k := range kindNames12 {
			keys = append(keys, side+k, side+k+"-type", side+k+"-display")
		}
	}
	return keys
}()

// writeContent12 writes content with <g> for pairs within it, <bx/> and
// <ex/> for halves of pairs that cross its edges, other pairs or a
// comment, and <x/> for placeholders, and the comments on it (sp, made
// to nest) as <mrk>s. With a table, it records what the reader will
// need. Content that stands alone, such as the target of an <alt-trans>,
// has no other place for a half whose other half is not in it: it is an
// <it/>.
func writeContent12(x *xw, c inline.Content, t *codeTable12, target, standalone bool, sp []span) {
	if len(sp) == 0 && !slices.ContainsFunc(c, isCode) {
		for _, it := range c {
			x.text(it.Text) // most sentences: text alone
		}
		return
	}
	var w *spanWriter
	var at []int
	if len(sp) > 0 {
		cs := make([]handoff.Comment, len(sp))
		for i, s := range sp {
			cs[i] = s.c
		}
		c, at = splitAt(c, cs)
		w = &spanWriter{sp: sp, done: make([]bool, len(sp)),
			open: func(s span) {
				x.raw(`<mrk mtype="` + mtypeComment + `"`)
				x.attr("comment", s.c.Text)
				x.raw(">")
			},
			shut: func(span) { x.raw("</mrk>") },
		}
	}
	pr := pairs(c, func(_, _ *inline.Code) bool { return true })
	for i, j := range pr {
		if i < j && slices.ContainsFunc(sp, func(s span) bool { return crosses(s.start, s.end, at[i], at[j]) }) {
			delete(pr, i)
			delete(pr, j)
		}
	}
	var alone map[int]bool
	if standalone {
		alone = lone(c)
	}
	for i, it := range c {
		if w != nil {
			w.at(at[i])
		}
		cd := it.Code
		if cd == nil {
			x.text(it.Text)
			continue
		}
		ctype := ctypeFor(cd.Kind, cd.Type)
		switch j, paired := pr[i]; {
		case cd.Kind == inline.Placeholder:
			x.raw("<x")
			x.attr("id", cd.ID)
			x.attrIf("ctype", ctype)
			x.attrIf("equiv-text", cd.Display)
			x.raw("/>")
			if t != nil {
				t.note(cd, ctype, cd.Display, target)
			}
		case paired && cd.Kind == inline.Open:
			x.raw("<g")
			x.attr("id", cd.ID)
			x.attrIf("ctype", ctype)
			x.attrIf("equiv-text", cd.Display)
			x.raw(">")
			if t != nil {
				t.note(cd, ctype, cd.Display, target)
				t.note(c[j].Code, ctype, "", target)
			}
		case paired:
			x.raw("</g>")
		case alone[i]:
			x.raw("<it")
			x.attr("id", cd.ID)
			x.attr("pos", map[inline.Kind]string{inline.Open: "open", inline.Close: "close"}[cd.Kind])
			if cd.Kind == inline.Open {
				x.attrIf("ctype", ctype)
			}
			x.attrIf("equiv-text", cd.Display)
			x.raw("/>")
		case cd.Kind == inline.Open:
			x.raw("<bx")
			x.attr("id", cd.ID)
			x.attr("rid", encodeID(cd.ID))
			x.attrIf("ctype", ctype)
			x.attrIf("equiv-text", cd.Display)
			x.raw("/>")
			if t != nil {
				t.note(cd, ctype, cd.Display, target)
			}
		default:
			x.raw("<ex")
			x.attr("id", cd.ID)
			x.attr("rid", encodeID(cd.ID))
			x.attrIf("equiv-text", cd.Display)
			x.raw("/>")
			if t != nil {
				t.note(cd, "", cd.Display, target)
			}
		}
	}
	if w != nil {
		w.at(units(c))
	}
}

// lone finds the halves of pairs whose other half is not in c.
func lone(c inline.Content) map[int]bool {
	opens, closes := map[string]int{}, map[string]int{}
	for i, it := range c {
		switch cd := it.Code; {
		case cd == nil:
		case cd.Kind == inline.Open:
			opens[cd.ID] = i
		case cd.Kind == inline.Close:
			closes[cd.ID] = i
		}
	}
	alone := map[int]bool{}
	for id, i := range opens {
		if _, ok := closes[id]; !ok {
			alone[i] = true
		}
	}
	for id, i := range closes {
		if _, ok := opens[id]; !ok {
			alone[i] = true
		}
	}
	return alone
}
