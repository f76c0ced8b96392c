package tmx

import (
	"fmt"
	"reflect"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/inline"
)

// asWritten returns a copy of m as writing it and reading it back gives
// it: the header names loctool as the tool that made the file, with
// TMX's defaults for the required attributes m leaves empty.
func asWritten(m *Memory, version string) *Memory {
	c := *m
	h := &c.Header
	h.CreationTool, h.CreationToolVersion = "loctool", version
	h.SegType = or(h.SegType, "sentence")
	h.OTMF = or(h.OTMF, "loctool")
	h.DataType = or(h.DataType, "unknown")
	if h.AdminLang == language.Und {
		h.AdminLang = language.English
	}
	return &c
}

// diffMemory describes the first difference between two memories, but
// for the places of units and variants in their files, or returns "".
func diffMemory(got, want *Memory) string {
	if !reflect.DeepEqual(got.Header, want.Header) {
		return fmt.Sprintf("header\n%+v\nwant\n%+v", got.Header, want.Header)
	}
	if len(got.Units) != len(want.Units) {
		return fmt.Sprintf("%d units, want %d", len(got.Units), len(want.Units))
	}
	for i := range got.Units {
		if d := diffUnit(got.Units[i], want.Units[i]); d != "" {
			return fmt.Sprintf("unit %d: %s", i+1, d)
		}
	}
	return ""
}

func diffUnit(got, want *Unit) string {
	g, w := *got, *want
	g.Line, g.Col, w.Line, w.Col = 0, 0, 0, 0
	g.Variants, w.Variants = nil, nil
	if !reflect.DeepEqual(g, w) {
		return fmt.Sprintf("\n%+v\nwant\n%+v", g, w)
	}
	if len(got.Variants) != len(want.Variants) {
		return fmt.Sprintf("%d variants, want %d", len(got.Variants), len(want.Variants))
	}
	for i := range got.Variants {
		gv, wv := *got.Variants[i], *want.Variants[i]
		if !gv.Seg.Equal(wv.Seg) {
			return fmt.Sprintf("variant %d: seg %s, want %s (codes %s, want %s)", i+1, gv.Seg, wv.Seg, codes(gv.Seg.Codes()), codes(wv.Seg.Codes()))
		}
		gv.Line, gv.Col, wv.Line, wv.Col = 0, 0, 0, 0
		gv.Seg, wv.Seg = nil, nil
		if !reflect.DeepEqual(gv, wv) {
			return fmt.Sprintf("variant %d:\n%+v\nwant\n%+v", i+1, gv, wv)
		}
	}
	return ""
}

// codes shows codes with their markup.
func codes(cs []*inline.Code) string {
	s := ""
	for _, c := range cs {
		s += fmt.Sprintf("%+v ", *c)
	}
	return s
}
