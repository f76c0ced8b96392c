package xliff

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/document"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/internal/cut"
	"github.com/loctool/loctool/segment"
)

var englishOnce = sync.OnceValues(func() (*segment.Segmenter, error) {
	return segment.New(segment.Builtin(), language.English)
})

func english(t testing.TB) *segment.Segmenter {
	t.Helper()
	s, err := englishOnce()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// articleFile returns the units of the sample article, one per
// paragraph, with no translations.
func articleFile(t testing.TB) *handoff.File {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "articles", "ablyazov-amnesty.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var blocks []document.Block
	for i, p := range regexp.MustCompile(`\n\s*\n`).Split(strings.TrimSpace(string(b)), -1) {
		bl := document.Block{ID: fmt.Sprintf("b%d", i+1), Content: inline.Text(p)}
		if i == 0 {
			bl.Kind = "heading"
		}
		blocks = append(blocks, bl)
	}
	return &handoff.File{
		Original:   "articles/ablyazov-amnesty.txt",
		Datatype:   "plaintext",
		SourceLang: language.English,
		TargetLang: language.Russian,
		Units:      cut.Units(blocks, english(t), cut.DefaultHandles),
	}
}

// marked builds content from a string where each of * _ ~ toggles a pair
// of codes (bold, italic, a link with a display text), | is a line break
// and # an image. Each code gets the next ID of the block.
func marked(s string, next *int) inline.Content {
	var c inline.Content
	open := map[rune]string{}
	newID := func() string { *next++; return fmt.Sprint(*next) }
	for _, r := range s {
		switch r {
		case '*', '_', '~':
			typ := map[rune]string{'*': "bold", '_': "italic", '~': "link"}[r]
			cd := &inline.Code{Type: typ}
			if id, ok := open[r]; ok {
				cd.Kind, cd.ID = inline.Close, id
				delete(open, r)
			} else {
				cd.Kind, cd.ID = inline.Open, newID()
				open[r] = cd.ID
			}
			switch typ {
			case "bold":
				cd.Data = map[inline.Kind]string{inline.Open: "<b>", inline.Close: "</b>"}[cd.Kind]
			case "italic":
				cd.Data = "_"
			case "link":
				cd.Data = map[inline.Kind]string{inline.Open: "[", inline.Close: "](https://iwpr.net/?a=1&b=<2>)"}[cd.Kind]
				if cd.Kind == inline.Open {
					cd.Display = "https://iwpr.net"
				}
			}
			c = append(c, inline.Item{Code: cd})
		case '|':
			c = append(c, inline.Item{Code: &inline.Code{Kind: inline.Placeholder, ID: newID(), Type: "lb", Data: "<br/>\r\n"}})
		case '#':
			c = append(c, inline.Item{Code: &inline.Code{Kind: inline.Placeholder, ID: newID(), Type: "image", Data: `<img src="a.png" alt="]]>"/>`, Display: "a.png"}})
		default:
			c = append(c, inline.Item{Text: string(r)})
		}
	}
	return c.Normalize()
}

// codesFile returns units with every kind of code: pairs within a
// segment, nested pairs, pairs split across segments, crossing pairs,
// placeholders, codes with unusual types and data, and translations in
// every state.
func codesFile(t testing.TB) *handoff.File {
	t.Helper()
	srcs := []string{
		"He *left*. She stayed.",
		"*He left. She* stayed. Then | they _met_.",
		"A *bold _and ~linked~ italic_ text*. Next|line # here.",
		"Crossing *bold _both* ways_ here.",
		"Plain & simple <text> with \"quotes\" and 'apostrophes'.",
		"  Leading and trailing space.  ",
	}
	var blocks []document.Block
	for i, s := range srcs {
		n := 0
		blocks = append(blocks, document.Block{ID: fmt.Sprintf("p%d", i+1), Content: marked(s, &n), Kind: map[bool]string{true: "list-item"}[i == 2]})
	}
	// A unit whose codes have types XLIFF has no name for.
	blocks = append(blocks, document.Block{ID: "odd", Content: inline.Content{
		{Text: "Odd "},
		{Code: &inline.Code{Kind: inline.Open, ID: "1", Type: "x-span", Data: `<span class="a">`}},
		{Text: "types"},
		{Code: &inline.Code{Kind: inline.Close, ID: "1", Type: "x-span-end", Data: "</span>"}},
		{Text: " and "},
		{Code: &inline.Code{Kind: inline.Placeholder, ID: "2", Type: "weird type: yes", Data: "{{x}}"}},
		{Text: " and "},
		{Code: &inline.Code{Kind: inline.Placeholder, ID: "3", Data: ""}},
		{Text: " and "},
		{Code: &inline.Code{Kind: inline.Open, ID: "a b", Type: "bold", Data: "**"}},
		{Text: "ids"},
		{Code: &inline.Code{Kind: inline.Close, ID: "a b", Type: "bold", Data: "**"}},
		{Text: "."},
	}})
	units := cut.Units(blocks, english(t), cut.DefaultHandles)
	// Translate some segments, keeping their codes.
	ru := strings.NewReplacer("He", "Он", "She", "Она", "stayed", "осталась", "left", "ушёл", "Then", "Потом",
		"they", "они", "met", "встретились", "bold", "жирный", "text", "текст", "here", "здесь", "Plain", "Просто")
	translate := func(c inline.Content) inline.Content {
		out := slices.Clone(c)
		for i, it := range out {
			if it.Code == nil {
				out[i].Text = ru.Replace(it.Text)
			}
		}
		return out
	}
	states := []handoff.State{handoff.Translated, handoff.NeedsReview, handoff.Reviewed, handoff.Final, handoff.New, handoff.NeedsTranslation}
	k := 0
	for ui, u := range units {
		for si, s := range u.Segments() {
			k++
			switch {
			case ui == 3 && si == 0: // untranslated, waiting
				s.State = handoff.NeedsTranslation
			case (ui+si)%3 == 2: // untranslated
			default:
				s.Target = translate(s.Source)
				s.State = states[k%len(states)]
			}
		}
	}
	units[0].Notes = append(units[0].Notes, handoff.Note{Text: "keep \"left\" short & <plain>"})
	return &handoff.File{Original: "articles/codes.md", Datatype: "x-markdown", SourceLang: language.English, TargetLang: language.Russian, Units: units}
}

// expected is what reading back a file written with the options gives:
// with PrefillTargets, untranslated segments have the source as target
// and an untranslated state; a translation kept for review stays so;
// XLIFF 1.2 has one state for all the targets of a unit, the least
// advanced (but for the translations kept for review, and the other
// segments of a unit marked for review), and none for a segment without
// target.
func expected(f *handoff.File, opts WriteOptions) *handoff.File {
	g := *f
	g.Units = nil
	for _, u := range f.Units {
		nu := &handoff.Unit{ID: u.ID, Kind: u.Kind, Origin: u.Origin, Notes: slices.Clone(u.Notes), Glossary: slices.Clone(u.Glossary)}
		if opts.Version == Version12 {
			for i := range nu.Notes {
				nu.Notes[i].ID = "" // XLIFF 1.2 has no place for it
			}
		}
		if opts.Version != Version12 {
			// XLIFF 2's glossary module has a place for a concept only
			// in an entry with no translation and no definition.
			for i, e := range nu.Glossary {
				if e.Translation != "" || e.Definition != "" {
					nu.Glossary[i].Concept = ""
				}
			}
		}
		for _, p := range u.Parts {
			if p.Segment == nil {
				nu.Parts = append(nu.Parts, p)
				continue
			}
			s := *p.Segment
			if s.Target == nil && opts.PrefillTargets {
				s.Target = slices.Clone(s.Source)
				if s.State > handoff.NeedsTranslation {
					s.State = handoff.New
				}
			}
			s.Comments = slices.Clone(s.Comments)
			if opts.Version == Version12 {
				// Comments nest, and those that are notes are their text.
				notes := map[string]string{}
				for _, n := range u.Notes {
					notes[n.ID] = n.Text
				}
				s.Comments = nil
				for _, sp := range spans12(p.Segment.Comments, notes) {
					s.Comments = append(s.Comments, sp.c)
				}
			}
			sortComments(s.Comments)
			switch {
			case s.Target == nil:
				s.Was, s.Order, s.Comments = "", 0, nil // no translation kept, nor moved, nor commented
				if s.State > handoff.NeedsTranslation {
					s.State = handoff.New
				}
			case s.Was != "":
				s.State = handoff.NeedsReview // until someone confirms it
			}
			nu.Parts = append(nu.Parts, handoff.Part{Segment: &s})
		}
		if opts.Version == Version12 {
			least := handoff.Final
			for _, s := range nu.Segments() {
				if s.Target != nil {
					least = min(least, s.State)
				}
			}
			hasWas := slices.ContainsFunc(nu.Segments(), func(s *handoff.Segment) bool { return s.Was != "" })
			for _, s := range nu.Segments() {
				switch {
				case s.Target == nil:
					s.State = handoff.New
				case s.Was != "":
					// Kept for review, whatever the unit's state.
				case least == handoff.NeedsReview && hasWas && s.Was == "":
					// The unit says which segments need review.
					s.State = handoff.Translated
				default:
					s.State = least
				}
			}
		}
		g.Units = append(g.Units, nu)
	}
	return &g
}

// diffFiles describes the first difference between two files, or "".
func diffFiles(got, want *handoff.File) string {
	switch {
	case got.Original != want.Original:
		return fmt.Sprintf("original %q, want %q", got.Original, want.Original)
	case got.Datatype != want.Datatype:
		return fmt.Sprintf("datatype %q, want %q", got.Datatype, want.Datatype)
	case got.SourceLang != want.SourceLang || got.TargetLang != want.TargetLang:
		return fmt.Sprintf("languages %v→%v, want %v→%v", got.SourceLang, got.TargetLang, want.SourceLang, want.TargetLang)
	case len(got.Units) != len(want.Units):
		return fmt.Sprintf("%d units, want %d", len(got.Units), len(want.Units))
	}
	for i, gu := range got.Units {
		if d := diffUnits(gu, want.Units[i]); d != "" {
			return fmt.Sprintf("unit %s: %s", want.Units[i].ID, d)
		}
	}
	return ""
}

func diffUnits(got, want *handoff.Unit) string {
	switch {
	case got.ID != want.ID:
		return fmt.Sprintf("ID %q, want %q", got.ID, want.ID)
	case !slices.Equal(got.Notes, want.Notes):
		return fmt.Sprintf("notes %+v, want %+v", got.Notes, want.Notes)
	case got.Kind != want.Kind:
		return fmt.Sprintf("kind %q, want %q", got.Kind, want.Kind)
	case got.Origin != want.Origin:
		return fmt.Sprintf("origin %q, want %q", got.Origin, want.Origin)
	case !slices.Equal(got.Glossary, want.Glossary):
		return fmt.Sprintf("glossary %q, want %q", got.Glossary, want.Glossary)
	case len(got.Parts) != len(want.Parts):
		return fmt.Sprintf("%d parts, want %d", len(got.Parts), len(want.Parts))
	}
	for i, gp := range got.Parts {
		wp := want.Parts[i]
		if (gp.Segment == nil) != (wp.Segment == nil) || gp.Space != wp.Space {
			return fmt.Sprintf("part %d: %+v, want %+v", i, gp, wp)
		}
		gs, ws := gp.Segment, wp.Segment
		if gs == nil {
			continue
		}
		switch {
		case gs.ID != ws.ID:
			return fmt.Sprintf("segment ID %q, want %q", gs.ID, ws.ID)
		case !sameContent(gs.Source, ws.Source):
			return fmt.Sprintf("segment %s source\n got %s\nwant %s", ws.ID, show(gs.Source), show(ws.Source))
		case (gs.Target == nil) != (ws.Target == nil):
			return fmt.Sprintf("segment %s target %v, want %v", ws.ID, show(gs.Target), show(ws.Target))
		case !sameContent(gs.Target, ws.Target):
			return fmt.Sprintf("segment %s target\n got %s\nwant %s", ws.ID, show(gs.Target), show(ws.Target))
		case gs.State != ws.State:
			return fmt.Sprintf("segment %s state %v, want %v", ws.ID, gs.State, ws.State)
		case gs.Was != ws.Was:
			return fmt.Sprintf("segment %s was %q, want %q", ws.ID, gs.Was, ws.Was)
		case gs.Order != ws.Order:
			return fmt.Sprintf("segment %s order %d, want %d", ws.ID, gs.Order, ws.Order)
		case !slices.Equal(gs.Comments, ws.Comments):
			return fmt.Sprintf("segment %s comments\n got %+v\nwant %+v", ws.ID, gs.Comments, ws.Comments)
		}
	}
	return ""
}

func sameContent(a, b inline.Content) bool { return a.Equal(b) }

// show prints content with every field of its codes.
func show(c inline.Content) string {
	if c == nil {
		return "<nil>"
	}
	var b strings.Builder
	for _, it := range c.Normalize() {
		if cd := it.Code; cd != nil {
			fmt.Fprintf(&b, "{%v %q %q %q %q}", cd.Kind, cd.ID, cd.Type, cd.Data, cd.Display)
		} else {
			fmt.Fprintf(&b, "%q", it.Text)
		}
	}
	return b.String()
}

func TestPlainRun(t *testing.T) {
	const sample = "\x00\x01\t\n\r\x1f&<>\xef\xd0a"
	for _, base := range []string{"", "a", "plain text of a sentence, long enough for a word or two", "кириллица и ещё немного текста"} {
		for k := range len(sample) {
			for at := 0; at <= len(base); at++ {
				s := base[:at] + sample[k:k+1] + base[at:]
				want := 0
				for want < len(s) && !textStops[s[want]] {
					want++
				}
				if got := plainRun(s); got != want {
					t.Errorf("plainRun(%q) = %d, want %d", s, got, want)
				}
			}
		}
	}
}

func TestCheckTexts(t *testing.T) {
	for _, parts := range [][]string{{"a", "b"}, {"\xd0", "\xb1"}, {"a\x01", "b"}, {"ok", "\xff"}, {"", "\uffff"}} {
		want := fmt.Sprint(checkText(strings.Join(parts, "")))
		if got := fmt.Sprint(checkTexts(parts...)); got != want {
			t.Errorf("checkTexts(%q) = %s, want %s", parts, got, want)
		}
	}
}
