package handoff

import (
	"fmt"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/inline"
)

func TestTarget(t *testing.T) {
	u := &Unit{Parts: []Part{
		{Segment: &Segment{ID: "s1", Source: inline.Text("He left."), Target: inline.Text("Он ушёл."), State: Translated}},
		{Space: " "},
		{Segment: &Segment{ID: "s2", Source: inline.Text("She stayed."), Target: inline.Text("She stayed."), State: New}},
	}}
	got, missing := u.Target(func(s *Segment) inline.Content { return s.Source })
	if got.Markup() != "Он ушёл. She stayed." || len(missing) != 1 || missing[0].ID != "s2" {
		t.Errorf("got %q, missing %v", got.Markup(), missing)
	}
}

// TestTargetOrder joins targets in the order their segments give them,
// the white space and the segments without translation in place.
func TestTargetOrder(t *testing.T) {
	seg := func(id, src, tgt string, order int) Part {
		s := &Segment{ID: id, Source: inline.Text(src), Order: order}
		if tgt != "" {
			s.Target, s.State = inline.Text(tgt), Translated
		}
		return Part{Segment: s}
	}
	u := &Unit{Parts: []Part{seg("s1", "One.", "Раз.", 5), {Space: " "}, seg("s2", "Two.", "", 0), {Space: "\n"}, seg("s3", "Three.", "Три.", 1)}}
	got, missing := u.Target(func(s *Segment) inline.Content { return s.Source })
	if got.Markup() != "Три. Two.\nРаз." || len(missing) != 1 || missing[0].ID != "s2" {
		t.Errorf("got %q, missing %v", got.Markup(), missing)
	}
	if parts := u.Ordered(); parts[0].Segment.ID != "s3" || parts[4].Segment.ID != "s1" || parts[1].Space != " " {
		t.Errorf("ordered %v", parts)
	}
	u.Parts[0].Segment.Order, u.Parts[4].Segment.Order = 0, 0
	if parts := u.Ordered(); &parts[0] != &u.Parts[0] {
		t.Error("parts in their own places are not the unit's own")
	}
}

// TestSettleOrder keeps an order while it makes one, and puts every
// target back in its place when it does not.
func TestSettleOrder(t *testing.T) {
	unit := func(t1, t2, t3 string, o1, o2, o3 int) *Unit {
		seg := func(id, tgt string, order int) Part {
			s := &Segment{ID: id, Source: inline.Text(id), Order: order}
			if tgt != "" {
				s.Target = inline.Text(tgt)
			}
			return Part{Segment: s}
		}
		return &Unit{Parts: []Part{seg("s1", t1, o1), {Space: " "}, seg("s2", t2, o2), {Space: " "}, seg("s3", t3, o3)}}
	}
	orders := func(u *Unit) string {
		return fmt.Sprint(u.Parts[0].Segment.Order, u.Parts[2].Segment.Order, u.Parts[4].Segment.Order)
	}
	for _, tc := range []struct {
		name  string
		u     *Unit
		moved bool
		want  string
	}{
		{"in place", unit("a", "b", "c", 0, 0, 0), false, "0 0 0"},
		{"swapped", unit("a", "b", "c", 5, 0, 1), false, "5 0 1"},
		{"swapped, the third untranslated", unit("a", "b", "", 3, 1, 0), false, "3 1 0"},
		{"swapped, the second untranslated", unit("a", "", "c", 5, 0, 1), false, "5 0 1"},
		{"the place taken emptied", unit("a", "", "c", 3, 0, 1), true, "0 0 0"},
		{"a target emptied, its order kept", unit("a", "b", "", 5, 0, 1), true, "0 0 0"},
		{"two in one place", unit("a", "b", "c", 3, 0, 0), true, "0 0 0"},
	} {
		if moved := tc.u.SettleOrder(); moved != tc.moved || orders(tc.u) != tc.want {
			t.Errorf("%s: moved %v, orders %s; want %v, %s", tc.name, moved, orders(tc.u), tc.moved, tc.want)
		}
	}
}

func TestIsTranslated(t *testing.T) {
	src := inline.Text("Astana")
	for _, tc := range []struct {
		target inline.Content
		state  State
		want   bool
	}{
		{nil, Translated, false},
		{inline.Text("Астана"), New, true},
		{inline.Text("Астана"), NeedsReview, true},
		{inline.Text("Astana"), New, false},
		{inline.Text("Astana"), NeedsTranslation, false},
		{inline.Text("Astana"), Translated, true},
		{inline.Text(" "), New, false},
	} {
		s := &Segment{Source: src, Target: tc.target, State: tc.state}
		if got := s.IsTranslated(); got != tc.want {
			t.Errorf("target %q state %v: got %v", tc.target.Markup(), tc.state, got)
		}
	}
}

func TestRemarks(t *testing.T) {
	u := &Unit{Kind: "list-item", Notes: []Note{{Text: "loctool-ignore", From: "editor"}},
		Parts: []Part{{Segment: &Segment{ID: "s1", Was: "He left on May 13."}}, {Space: " "}, {Segment: &Segment{ID: "s2"}}},
		Glossary: []GlossEntry{
			{Concept: "zhakiyanov", Term: "Zhakiyanov", Translation: "Жакиянов", Definition: "person: Former akim"},
			{Concept: "dck", Term: "DCK"},
		}}
	var got []string
	for _, n := range u.Remarks(language.Kazakh) {
		got = append(got, n.From+"|"+n.Text)
	}
	want := []string{"loctool|list item", "loctool:was|s1 was: He left on May 13.",
		"loctool:glossary|Glossary: Zhakiyanov → Жакиянов (person: Former akim)",
		"loctool:glossary|Glossary: DCK (no kk spelling in the glossary)", "editor|loctool-ignore"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestSameWords(t *testing.T) {
	bold := func(k inline.Kind) inline.Item {
		return inline.Item{Code: &inline.Code{Kind: k, ID: "1", Type: "bold", Data: "**"}}
	}
	a := inline.Content{{Text: "Новый "}, bold(inline.Open), {Text: "текст"}, bold(inline.Close), {Text: "."}}
	for _, tc := range []struct {
		name string
		b    inline.Content
		want bool
	}{
		{"same", a, true},
		{"spaces", inline.Content{{Text: " Новый\n"}, bold(inline.Open), {Text: "текст"}, bold(inline.Close), {Text: ". "}}, true},
		{"other data", inline.Content{{Text: "Новый "}, {Code: &inline.Code{Kind: inline.Open, ID: "1"}}, {Text: "текст"}, {Code: &inline.Code{Kind: inline.Close, ID: "1"}}, {Text: "."}}, true},
		{"decomposed", inline.Content{{Text: "Нови\u0306 "}, bold(inline.Open), {Text: "текст"}, bold(inline.Close), {Text: "."}}, false},
		{"code moved", inline.Content{bold(inline.Open), {Text: "Новый текст"}, bold(inline.Close), {Text: "."}}, false},
		{"word changed", inline.Content{{Text: "Новый "}, bold(inline.Open), {Text: "текс"}, bold(inline.Close), {Text: "."}}, false},
		{"no code", inline.Text("Новый текст."), false},
	} {
		if got := SameWords(a, tc.b); got != tc.want {
			t.Errorf("%s: got %v", tc.name, got)
		}
	}
	if !SameWords(inline.Text("Й"), inline.Text("И\u0306")) {
		t.Error("NFC: different")
	}
}
