package xliff

import (
	"strconv"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/xliff/internal/conform"
)

func write2(x *xw, f *handoff.File, units []*wunit, v Version) {
	x.cp = true
	ns := ns20
	if v == Version22 {
		ns = ns22
	}
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<xliff")
	x.attr("xmlns", ns)
	x.attr("version", string(v))
	x.attr("srcLang", f.SourceLang.String())
	x.attr("trgLang", f.TargetLang.String())
	x.raw(">\n <file")
	x.attr("id", "f1")
	x.attrIf("original", f.Original)
	x.attr("xml:space", "preserve")
	x.raw(">\n")
	if f.Datatype != "" {
		// XLIFF 2 has no datatype attribute; the metadata module holds it.
		x.raw(`  <mda:metadata xmlns:mda="` + conform.MetadataNS + `"><mda:metaGroup category="loctool"><mda:meta type="datatype">`)
		x.text(f.Datatype)
		x.raw("</mda:meta></mda:metaGroup></mda:metadata>\n")
	}
	if len(units) == 0 {
		x.raw("  <group id=\"empty\"/>\n") // a file needs a unit or a group
	}
	for _, wu := range units {
		writeUnit2(x, wu)
	}
	x.raw(" </file>\n</xliff>\n")
}

// layout2 is how a unit's codes are written in XLIFF 2.
type layout2 struct {
	// whole holds the IDs of pairs written as <pc>: within one segment,
	// soundly nested, of one type, in the source and in every target.
	whole map[string]bool
	// protected holds the IDs of codes marked canCopy="no"
	// canDelete="no": every code of the source, except one that a target
	// has already dropped (the file would contradict itself).
	protected map[string]bool
	data      map[string]string // original markup → data ID
	dataOrder []string
	// isolated records, for the source (0) and the targets (1), the <sc>
	// and <ec> whose other half is not on the same side of the unit.
	isolated [2]map[*inline.Code]bool
}

func (l *layout2) dataID(s string) string {
	if id, ok := l.data[s]; ok {
		return id
	}
	id := "d" + strconv.Itoa(len(l.dataOrder)+1)
	l.data[s] = id
	l.dataOrder = append(l.dataOrder, s)
	return id
}

func sameType(o, c *inline.Code) bool { return o.Type == c.Type }

func newLayout2(wu *wunit) *layout2 {
	segs := wu.u.Segments()
	var sources, targets []inline.Content
	for _, s := range segs {
		sources = append(sources, s.Source)
		if t := wu.segs[s].target; t != nil {
			targets = append(targets, t)
		}
	}
	l := layoutOf(sources, targets)
	// Codes the targets keep.
	type key struct {
		kind inline.Kind
		id   string
	}
	inTarget := map[key]bool{}
	for _, c := range targets {
		for _, cd := range c.Codes() {
			inTarget[key{cd.Kind, cd.ID}] = true
		}
	}
	dropped := map[string]bool{}
	for _, s := range segs {
		for _, cd := range s.Source.Codes() {
			l.protected[cd.ID] = true
			if wu.segs[s].target != nil && !inTarget[key{cd.Kind, cd.ID}] {
				dropped[cd.ID] = true
			}
		}
	}
	for id := range dropped {
		delete(l.protected, id)
	}
	return l
}

// layoutOf lays out the codes of sources and targets, none of them
// protected: those of a unit, or of a translation candidate.
func layoutOf(sources, targets []inline.Content) *layout2 {
	l := &layout2{whole: map[string]bool{}, protected: map[string]bool{}, data: map[string]string{}}
	// Pairs that can be <pc> everywhere.
	notWhole := map[string]bool{}
	for side, contents := range [][]inline.Content{sources, targets} {
		for _, c := range contents {
			pr := pairs(c, sameType)
			for i, it := range c {
				if cd := it.Code; cd != nil && cd.Kind != inline.Placeholder {
					if _, ok := pr[i]; ok {
						if side == 0 {
							l.whole[cd.ID] = true
						}
					} else {
						notWhole[cd.ID] = true
					}
				}
			}
		}
	}
	for id := range notWhole {
		delete(l.whole, id)
	}
	// Halves without their other half on the same side are isolated.
	for side, contents := range [][]inline.Content{sources, targets} {
		l.isolated[side] = map[*inline.Code]bool{}
		opens, closes := map[string]*inline.Code{}, map[string]*inline.Code{}
		for _, c := range contents {
			for _, cd := range c.Codes() {
				switch {
				case cd.Kind == inline.Open && !l.whole[cd.ID]:
					opens[cd.ID] = cd
				case cd.Kind == inline.Close && !l.whole[cd.ID]:
					closes[cd.ID] = cd
				}
			}
		}
		for id, o := range opens {
			if closes[id] == nil {
				l.isolated[side][o] = true
			}
		}
		for id, c := range closes {
			if opens[id] == nil {
				l.isolated[side][c] = true
			}
		}
	}
	// Original data, in order of use.
	for _, contents := range [][]inline.Content{sources, targets} {
		for _, c := range contents {
			for i, it := range c {
				cd := it.Code
				if cd == nil {
					continue
				}
				if l.whole[cd.ID] && cd.Kind == inline.Open {
					// A <pc> names both halves' data, even an empty one.
					l.dataID(cd.Data)
					if j := closeOf(c, i); j >= 0 {
						l.dataID(c[j].Code.Data)
					}
				} else if cd.Data != "" {
					l.dataID(cd.Data)
				}
			}
		}
	}
	return l
}

// closeOf returns the index of the Close of the Open at i, or -1.
func closeOf(c inline.Content, i int) int {
	for j := i + 1; j < len(c); j++ {
		if cd := c[j].Code; cd != nil && cd.Kind == inline.Close && cd.ID == c[i].Code.ID {
			return j
		}
	}
	return -1
}

func writeUnit2(x *xw, wu *wunit) {
	u := wu.u
	l := newLayout2(wu)
	x.raw("  <unit")
	x.attr("id", encodeID(u.ID))
	if u.Kind != "" {
		x.attr("type", kindPrefix+kindToken(u.Kind))
	}
	x.raw(">\n")
	writeMatches2(x, wu)
	if len(u.Glossary) > 0 {
		x.raw(`   <gls:glossary xmlns:gls="` + conform.GlossaryNS + `">` + "\n")
		for _, e := range u.Glossary {
			x.raw("    <gls:glossEntry><gls:term>")
			x.text(e.Term)
			x.raw("</gls:term>")
			if e.Translation != "" {
				x.raw("<gls:translation>")
				x.text(e.Translation)
				x.raw("</gls:translation>")
			}
			if def := e.Definition; def != "" || e.Translation == "" {
				if def == "" {
					def = "concept " + e.Concept // an entry needs a translation or a definition
				}
				x.raw("<gls:definition>")
				x.text(def)
				x.raw("</gls:definition>")
			}
			x.raw("</gls:glossEntry>\n")
		}
		x.raw("   </gls:glossary>\n")
	}
	if u.Origin != "" {
		x.raw(`   <mda:metadata xmlns:mda="` + conform.MetadataNS + `"><mda:metaGroup category="loctool"><mda:meta type="` + metaOrigin + `">`)
		x.text(u.Origin)
		x.raw("</mda:meta></mda:metaGroup></mda:metadata>\n")
	}
	if len(wu.notes) > 0 {
		x.raw("   <notes>\n")
		for _, n := range wu.notes {
			x.raw("    <note")
			x.attrIf("id", encodeID(n.ID))
			x.attrIf("category", n.From)
			if n.Priority > 0 {
				x.attr("priority", strconv.Itoa(n.Priority))
			}
			x.attrIf("appliesTo", n.AppliesTo)
			x.attrIf("xml:lang", n.Lang)
			x.raw(">")
			x.text(n.Text)
			x.raw("</note>\n")
		}
		x.raw("   </notes>\n")
	}
	if len(l.dataOrder) > 0 {
		x.raw("   <originalData>\n")
		writeData2(x, l, "    ", "\n")
		x.raw("   </originalData>\n")
	}
	// The IDs of comments are the unit's, with those of its segments
	// and codes.
	used := map[string]bool{}
	for _, s := range u.Segments() {
		used[encodeID(s.ID)] = true
		for _, c := range []inline.Content{s.Source, wu.segs[s].target} {
			for _, cd := range c.Codes() {
				used[encodeID(cd.ID)] = true
			}
		}
	}
	for _, p := range u.Parts {
		s := p.Segment
		if s == nil {
			x.raw("   <ignorable><source>")
			x.text(p.Space)
			x.raw("</source></ignorable>\n")
			continue
		}
		ws := wu.segs[s]
		state, sub := state2(ws.state)
		x.raw("   <segment")
		x.attr("id", encodeID(s.ID))
		x.attr("state", state)
		x.attrIf("subState", sub)
		x.raw(">\n    <source>")
		writeContent2(x, s.Source, l, 0, nil, nil)
		x.raw("</source>\n")
		if ws.target != nil {
			x.raw("    <target")
			if ws.order > 0 {
				x.attr("order", strconv.Itoa(ws.order))
			}
			x.raw(">")
			var cs []handoff.Comment
			if ws.own {
				cs = s.Comments
			}
			writeContent2(x, ws.target, l, 1, cs, used)
			x.raw("</target>\n")
		}
		x.raw("   </segment>\n")
	}
	x.raw("  </unit>\n")
}

// writeData2 writes the <data> of the original data of a layout.
func writeData2(x *xw, l *layout2, indent, newline string) {
	for _, d := range l.dataOrder {
		x.raw(indent)
		x.raw("<data")
		x.attr("id", l.data[d])
		x.raw(">")
		x.text(d)
		x.raw("</data>")
		x.raw(newline)
	}
}

// What loctool keeps in XLIFF 2 beyond the core: a unit's kind is its
// type, "loctool:heading"; the article a unit of the obsolete store
// comes from is a <mda:meta> of this type in a metaGroup of category
// "loctool"; a translation kept for review on a changed sentence is a
// translation candidate of the Matches module, of type "other" and this
// subType, whose <source> is the source the translation was made for.
const (
	kindPrefix      = "loctool:"
	metaOrigin      = "origin"
	previousSubType = "loctool:previous-version"
)

// writeMatches2 writes, for each segment whose translation was made for
// another source, a translation candidate: that source, and the
// translation, which a CAT tool can show side by side with the segment.
func writeMatches2(x *xw, wu *wunit) {
	started := false
	for _, p := range wu.u.Parts {
		s := p.Segment
		if s == nil || s.Was == "" || !wu.segs[s].own {
			continue
		}
		if !started {
			x.raw(`   <mtc:matches xmlns:mtc="` + conform.MatchesNS + `">` + "\n")
			started = true
		}
		x.raw("    <mtc:match")
		x.attr("ref", "#"+encodeID(s.ID))
		x.attr("type", "other")
		x.attr("subType", previousSubType)
		x.attr("origin", loctoolOrigin)
		x.raw(">")
		l := layoutOf([]inline.Content{s.Target}, nil)
		if len(l.dataOrder) > 0 {
			x.raw("<originalData>")
			writeData2(x, l, "", "")
			x.raw("</originalData>")
		}
		x.raw("<source>")
		x.text(s.Was)
		x.raw("</source><target>")
		writeContent2(x, s.Target, l, 0, nil, nil)
		x.raw("</target></mtc:match>\n")
	}
	if started {
		x.raw("   </mtc:matches>\n")
	}
}

// writeContent2 writes content with <pc> for whole pairs, <sc/> and <ec/>
// for the others, and <ph/> for placeholders, and the comments on it as
// comment annotations whose IDs used does not have.
func writeContent2(x *xw, c inline.Content, l *layout2, side int, cs []handoff.Comment, used map[string]bool) {
	var w *spanWriter
	var at []int
	if len(cs) > 0 {
		c, at = splitAt(c, cs)
		var pcs [][2]int
		for i, it := range c {
			if cd := it.Code; cd != nil && cd.Kind == inline.Open && l.whole[cd.ID] {
				pcs = append(pcs, [2]int{at[i], at[closeOf(c, i)]})
			}
		}
		remark := func(s span) {
			if s.c.Note != "" {
				x.attr("ref", "#n="+encodeID(s.c.Note))
			} else {
				x.attr("value", s.c.Text)
			}
		}
		w = &spanWriter{sp: spans2(cs, pcs, used),
			open: func(s span) {
				x.raw(map[bool]string{true: "<mrk", false: "<sm"}[s.whole])
				x.attr("id", s.id)
				x.attr("type", "comment")
				remark(s)
				x.raw(map[bool]string{true: ">", false: "/>"}[s.whole])
			},
			shut: func(s span) {
				if s.whole {
					x.raw("</mrk>")
				} else {
					x.raw(`<em startRef="` + s.id + `"/>`)
				}
			},
		}
		w.done = make([]bool, len(w.sp))
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
		id := encodeID(cd.ID)
		typ, sub := type2(cd.Type)
		hints := func() {
			if l.protected[cd.ID] {
				x.attr("canCopy", "no")
				x.attr("canDelete", "no")
			}
		}
		switch {
		case cd.Kind == inline.Placeholder:
			x.raw("<ph")
			x.attr("id", id)
			hints()
			if cd.Data != "" {
				x.attr("dataRef", l.dataID(cd.Data))
			}
			x.attrIf("disp", cd.Display)
			x.attrIf("type", typ)
			x.attrIf("subType", sub)
			x.raw("/>")
		case l.whole[cd.ID] && cd.Kind == inline.Open:
			close := c[closeOf(c, i)].Code
			x.raw("<pc")
			x.attr("id", id)
			hints()
			x.attr("dataRefStart", l.dataID(cd.Data))
			x.attr("dataRefEnd", l.dataID(close.Data))
			x.attrIf("dispStart", cd.Display)
			x.attrIf("dispEnd", close.Display)
			x.attrIf("type", typ)
			x.attrIf("subType", sub)
			x.raw(">")
		case l.whole[cd.ID]:
			x.raw("</pc>")
		case cd.Kind == inline.Open:
			x.raw("<sc")
			x.attr("id", id)
			hints()
			if l.isolated[side][cd] {
				x.attr("isolated", "yes")
			}
			if cd.Data != "" {
				x.attr("dataRef", l.dataID(cd.Data))
			}
			x.attrIf("disp", cd.Display)
			x.attrIf("type", typ)
			x.attrIf("subType", sub)
			x.raw("/>")
		default:
			x.raw("<ec")
			if l.isolated[side][cd] {
				x.attr("id", id)
				x.attr("isolated", "yes")
			} else {
				x.attr("startRef", id)
			}
			hints()
			if cd.Data != "" {
				x.attr("dataRef", l.dataID(cd.Data))
			}
			x.attrIf("disp", cd.Display)
			x.attrIf("type", typ)
			x.attrIf("subType", sub)
			x.raw("/>")
		}
	}
	if w != nil {
		w.at(units(c))
	}
}
