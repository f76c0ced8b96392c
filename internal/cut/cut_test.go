package cut

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/document"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/segment"
)

func englishSegmenter(t *testing.T) *segment.Segmenter {
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
	seg := englishSegmenter(t)
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
			u := &handoff.Unit{Parts: parts}
			if !u.Source().Equal(c) {
				t.Errorf("parts join to %q, want %q", u.Source().Markup(), c.Markup())
			}
		})
	}
}

func TestHandles(t *testing.T) {
	seg := englishSegmenter(t)
	c := md("He *left.* She stayed.")
	parts := split(c, seg, Handles{Start: true, End: false, Isolated: true})
	// With end codes going to the next sentence, the closing * cannot
	// move past the space: it stays with the sentence before, and so does
	// the space.
	if got := parts[0].Segment.Source.Markup(); got != "He *left.* " {
		t.Errorf("first segment %q", got)
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
		u := &handoff.Unit{Parts: split(c, seg, DefaultHandles)}
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

func TestUnitKinds(t *testing.T) {
	d, err := document.Parse(document.HTML, []byte(`<h1>A</h1><li>B</li><img alt=C title=D>`), "a.html", document.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range Units(d.Blocks, englishSegmenter(t), DefaultHandles) {
		got = append(got, u.ID+" "+u.Remarks(language.Russian)[0].Text+": "+u.Source().PlainText())
	}
	want := []string{"b1 heading: A", "b2 list item: B", "b3 image alt text: C", "b4 title attribute (tooltip): D"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
