package handoff

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/segment"
)

func english(t *testing.T) *segment.Segmenter {
	t.Helper()
	s, err := segment.New(segment.Builtin(), language.English)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// md builds content from a string where *…* is a bold pair and | a line
// break placeholder, as a Markdown reader would.
func md(s string) inline.Content {
	var c inline.Content
	open := false
	for _, r := range s {
		switch r {
		case '*':
			k := inline.Open
			if open {
				k = inline.Close
			}
			open = !open
			c = append(c, inline.Item{Code: &inline.Code{Kind: k, ID: "1", Type: "bold", Data: "*"}})
		case '|':
			c = append(c, inline.Item{Code: &inline.Code{Kind: inline.Placeholder, ID: "2", Type: "lb", Data: "|"}})
		default:
			c = append(c, inline.Item{Text: string(r)})
		}
	}
	return c.Normalize()
}

func TestSplit(t *testing.T) {
	seg := english(t)
	for _, tc := range []struct {
		name, in string
		want     []string // segments' markup, and "_" + the space between
	}{
		{"plain", "He left. She stayed.", []string{"He left.", "_ ", "She stayed."}},
		{"bold inside", "He *left*. She stayed.", []string{"He *left*.", "_ ", "She stayed."}},
		{"bold after terminator", "He *left.* She stayed.", []string{"He *left.*", "_ ", "She stayed."}},
		{"bold opens next", "He left. *She* stayed.", []string{"He left.", "_ ", "*She* stayed."}},
		{"bold across sentences", "*He left. She* stayed.", []string{"*He left.", "_ ", "She* stayed."}},
		{"code inside the space", "He left. * *She stayed.", []string{"He left. * *", "She stayed."}},
		{"break before sentence", "He left.|She stayed.", []string{"He left.|She stayed."}},
		{"break between", "He left. |She stayed.", []string{"He left.", "_ ", "|She stayed."}},
		{"leading and trailing space", "  He left.  ", []string{"_  ", "He left.", "_  "}},
		{"codes only", "*|*", []string{"*|*"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := md(tc.in)
			parts := split(c, seg, DefaultHandles)
			var got []string
			for _, p := range parts {
				if p.Segment == nil {
					got = append(got, "_"+p.Space)
				} else {
					got = append(got, p.Segment.Source.Markup())
				}
			}
			if strings.Join(got, "¦") != strings.Join(tc.want, "¦") {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
			u := &Unit{Parts: parts}
			if !u.Source().Equal(c) {
				t.Errorf("parts join to %q, want %q", u.Source().Markup(), c.Markup())
			}
		})
	}
}

func TestHandles(t *testing.T) {
	seg := english(t)
	c := md("He *left.* She stayed.")
	parts := split(c, seg, Handles{Start: true, End: false, Isolated: true})
	// With end codes going to the next sentence, the closing * cannot
	// move past the space: it stays with the sentence before, and so does
	// the space.
	if got := parts[0].Segment.Source.Markup(); got != "He *left.* " {
		t.Errorf("first segment %q", got)
	}
}

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

func FuzzSplit(f *testing.F) {
	f.Add("He *left.* She | stayed. *Then* went.")
	f.Add("  * |  * ")
	seg, err := segment.New(segment.Builtin(), language.English)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := md(s)
		u := &Unit{Parts: split(c, seg, DefaultHandles)}
		if !u.Source().Equal(c) {
			t.Fatalf("parts join to %q, want %q", u.Source().Markup(), c.Markup())
		}
		for _, p := range u.Parts {
			if p.Segment == nil && strings.TrimSpace(p.Space) != "" {
				t.Fatalf("space part %q is not white space", p.Space)
			}
		}
	})
}
