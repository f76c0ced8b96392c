package tmx

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/inline"
)

// WriteOptions are the options of [Write] and [NewWriter].
type WriteOptions struct {
	// ToolVersion is loctool's version, for the header's
	// creationtoolversion; "unknown" when empty.
	ToolVersion string
}

// Write writes the memory as TMX 1.4b.
func Write(w io.Writer, m *Memory, opts WriteOptions) error {
	tw, err := NewWriter(w, &m.Header, opts)
	if err != nil {
		return err
	}
	for _, u := range m.Units {
		if err := tw.Write(u); err != nil {
			return err
		}
	}
	return tw.Close()
}

// Writer writes a TMX 1.4b document one unit at a time. The same units
// give the same bytes: attributes come in one order, and nothing is
// written that the memory does not hold, such as the time of writing.
type Writer struct {
	w   *bufio.Writer
	n   int // units written
	err error
}

// NewWriter starts a TMX document with the header h. The header names
// loctool as the tool that made the file; its other attributes are h's,
// with TMX's defaults where h has none: segtype "sentence", o-tmf
// "loctool", adminlang "en", datatype "unknown".
func NewWriter(w io.Writer, h *Header, opts WriteOptions) (*Writer, error) {
	if h.SrcLang == language.Und && !h.AllSources {
		return nil, errors.New("tmx: the header names no source language")
	}
	tw := &Writer{w: bufio.NewWriterSize(w, 64<<10)}
	version := opts.ToolVersion
	if version == "" {
		version = "unknown"
	}
	tw.str(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<tmx version="1.4">` + "\n")
	tw.str("  <header")
	tw.attr("creationtool", "loctool")
	tw.attr("creationtoolversion", version)
	tw.attr("segtype", or(h.SegType, "sentence"))
	tw.attr("o-tmf", or(h.OTMF, "loctool"))
	admin := "en"
	if h.AdminLang != language.Und {
		admin = h.AdminLang.String()
	}
	tw.attr("adminlang", admin)
	tw.srclang(h.SrcLang, h.AllSources)
	tw.attr("datatype", or(h.DataType, "unknown"))
	tw.dates(h.Attrs)
	if len(h.Notes)+len(h.Props) == 0 {
		tw.str("/>\n")
	} else {
		tw.str(">\n")
		tw.notes("    ", h.Notes, h.Props)
		tw.str("  </header>\n")
	}
	tw.str("  <body>\n")
	if tw.err != nil {
		return nil, tw.err
	}
	return tw, nil
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// Write writes a unit. A unit TMX cannot hold is an error, and nothing
// of it is written: one without a variant, a variant without a
// language, text that is not UTF-8 or holds a character XML cannot.
func (tw *Writer) Write(u *Unit) error {
	if tw.err != nil {
		return tw.err
	}
	tw.n++
	if err := tw.check(u); err != nil {
		return err
	}
	tw.str("    <tu")
	tw.opt("tuid", u.TUID)
	tw.opt("datatype", u.DataType)
	tw.usage(u.Usage)
	tw.opt("creationtool", u.CreationTool)
	tw.opt("creationtoolversion", u.CreationToolVersion)
	tw.dates(u.Attrs)
	tw.opt("segtype", u.SegType)
	tw.opt("o-tmf", u.OTMF)
	if u.SrcLang != language.Und || u.AllSources {
		tw.srclang(u.SrcLang, u.AllSources)
	}
	tw.str(">\n")
	tw.notes("      ", u.Notes, u.Props)
	for _, v := range u.Variants {
		tw.str("      <tuv")
		tw.attr("xml:lang", v.Lang.String())
		tw.opt("datatype", v.DataType)
		tw.usage(v.Usage)
		tw.opt("creationtool", v.CreationTool)
		tw.opt("creationtoolversion", v.CreationToolVersion)
		tw.dates(v.Attrs)
		tw.opt("o-tmf", v.OTMF)
		tw.str(">\n")
		tw.notes("        ", v.Notes, v.Props)
		tw.str("        <seg>")
		tw.seg(v.Seg)
		tw.str("</seg>\n      </tuv>\n")
	}
	tw.str("    </tu>\n")
	return tw.err
}

// Close ends the document and flushes it to the underlying writer.
func (tw *Writer) Close() error {
	if tw.err != nil {
		return tw.err
	}
	tw.str("  </body>\n</tmx>\n")
	if tw.err != nil {
		return tw.err
	}
	return tw.w.Flush()
}

// check finds in a unit what TMX cannot hold.
func (tw *Writer) check(u *Unit) error {
	name := fmt.Sprintf("tmx: unit %d", tw.n)
	if u.TUID != "" {
		name += fmt.Sprintf(" (tuid %q)", u.TUID)
	}
	if len(u.Variants) == 0 {
		return fmt.Errorf("%s has no variant", name)
	}
	texts := []string{u.TUID, u.CreationTool, u.CreationToolVersion, u.CreationID, u.ChangeID, u.DataType, u.OTMF, u.SegType}
	if u.SegType != "" && !segtypes[u.SegType] {
		return fmt.Errorf("%s: segtype %q: expected block, paragraph, sentence or phrase", name, u.SegType)
	}
	texts = appendNotes(texts, u.Notes, u.Props)
	for i, v := range u.Variants {
		if v == nil || v.Lang == language.Und {
			return fmt.Errorf("%s: variant %d has no language", name, i+1)
		}
		texts = append(texts, v.CreationTool, v.CreationToolVersion, v.CreationID, v.ChangeID, v.DataType, v.OTMF)
		texts = appendNotes(texts, v.Notes, v.Props)
		for _, it := range v.Seg {
			if it.Code != nil {
				texts = append(texts, it.Code.Data, it.Code.ID, it.Code.Type)
			} else {
				texts = append(texts, it.Text)
			}
		}
	}
	for _, s := range texts {
		if !validText(s) {
			return fmt.Errorf("%s: %q is not UTF-8 text that XML can hold", name, s)
		}
	}
	return nil
}

func appendNotes(texts []string, notes []Note, props []Prop) []string {
	for _, n := range notes {
		texts = append(texts, n.Text)
	}
	for _, p := range props {
		texts = append(texts, p.Type, p.Text)
	}
	return texts
}

func (tw *Writer) str(s string) {
	if tw.err == nil {
		_, tw.err = tw.w.WriteString(s)
	}
}

// attr writes an attribute, escaped so that a reader gets its value
// back whole: white space other than a space is a reference, which a
// reader does not turn into a space.
func (tw *Writer) attr(name, value string) {
	tw.str(" " + name + `="`)
	tw.escape(value, true)
	tw.str(`"`)
}

// opt writes an attribute that has a value.
func (tw *Writer) opt(name, value string) {
	if value != "" {
		tw.attr(name, value)
	}
}

func (tw *Writer) srclang(tag language.Tag, all bool) {
	if all {
		tw.attr("srclang", "*all*")
		return
	}
	tw.attr("srclang", tag.String())
}

func (tw *Writer) date(name string, t time.Time) {
	if !t.IsZero() {
		tw.attr(name, t.UTC().Format(dateLayout))
	}
}

func (tw *Writer) dates(a Attrs) {
	tw.date("creationdate", a.CreationDate)
	tw.opt("creationid", a.CreationID)
	tw.date("changedate", a.ChangeDate)
	tw.opt("changeid", a.ChangeID)
}

func (tw *Writer) usage(u Usage) {
	if u.UsageCount != 0 {
		tw.attr("usagecount", strconv.Itoa(u.UsageCount))
	}
	tw.date("lastusagedate", u.LastUsageDate)
}

func (tw *Writer) notes(indent string, notes []Note, props []Prop) {
	for _, n := range notes {
		tw.str(indent + "<note")
		if n.Lang != language.Und {
			tw.attr("xml:lang", n.Lang.String())
		}
		tw.str(">")
		tw.escape(n.Text, false)
		tw.str("</note>\n")
	}
	for _, p := range props {
		tw.str(indent + "<prop")
		tw.attr("type", p.Type)
		if p.Lang != language.Und {
			tw.attr("xml:lang", p.Lang.String())
		}
		tw.str(">")
		tw.escape(p.Text, false)
		tw.str("</prop>\n")
	}
}

// escape writes text, or an attribute's value, as XML.
func (tw *Writer) escape(s string, attr bool) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\r':
			esc = "&#13;"
		case '"':
			if !attr {
				continue
			}
			esc = "&quot;"
		case '\t':
			if !attr {
				continue
			}
			esc = "&#9;"
		case '\n':
			if !attr {
				continue
			}
			esc = "&#10;"
		default:
			continue
		}
		tw.str(s[last:i])
		tw.str(esc)
		last = i + 1
	}
	tw.str(s[last:])
}

// seg writes a segment's content: a pair of codes as <bpt> and <ept>
// with one i, numbered in the order the pairs open; an opening or
// closing code whose other half is not in the segment as <it>; a
// placeholder as <ph>. Each code's ID is its x, when it is a number.
func (tw *Writer) seg(c inline.Content) {
	// Pair each Close with the nearest Open of its ID before it that is
	// not closed yet.
	partner := map[int]int{}
	open := map[string][]int{}
	for k, it := range c {
		if it.Code == nil {
			continue
		}
		switch it.Code.Kind {
		case inline.Open:
			open[it.Code.ID] = append(open[it.Code.ID], k)
		case inline.Close:
			if o := open[it.Code.ID]; len(o) > 0 {
				partner[k], partner[o[len(o)-1]] = o[len(o)-1], k
				open[it.Code.ID] = o[:len(o)-1]
			}
		}
	}
	i := map[int]int{} // the i of each paired code
	pairs := 0
	for k, it := range c {
		if it.Code == nil {
			tw.escape(it.Text, false)
			continue
		}
		code := it.Code
		p, paired := partner[k]
		switch {
		case paired && code.Kind == inline.Open:
			pairs++
			i[k] = pairs
			tw.str(`<bpt i="` + strconv.Itoa(pairs) + `"`)
			tw.x(code.ID)
			tw.opt("type", typeOut(code.Type))
			tw.str(">")
			tw.escape(code.Data, false)
			tw.str("</bpt>")
		case paired:
			tw.str(`<ept i="` + strconv.Itoa(i[p]) + `">`)
			tw.escape(code.Data, false)
			tw.str("</ept>")
		case code.Kind == inline.Placeholder:
			tw.str("<ph")
			tw.x(code.ID)
			tw.opt("type", typeOut(code.Type))
			tw.str(">")
			tw.escape(code.Data, false)
			tw.str("</ph>")
		default:
			tw.str(`<it pos="` + map[bool]string{true: "begin", false: "end"}[code.Kind == inline.Open] + `"`)
			tw.x(code.ID)
			tw.opt("type", typeOut(code.Type))
			tw.str(">")
			tw.escape(code.Data, false)
			tw.str("</it>")
		}
	}
}

// x writes a code's ID as its x, where TMX allows it: a number.
func (tw *Writer) x(id string) {
	if isNumber(id) {
		tw.attr("x", id)
	}
}
