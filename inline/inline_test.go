package inline

import (
	"errors"
	"strings"
	"testing"
)

// parse builds content from a compact form: {1 and }1 are an Open and a
// Close with ID 1, [2] a placeholder with ID 2.
func parse(s string) Content {
	var c Content
	for s != "" {
		switch {
		case strings.HasPrefix(s, "{") || strings.HasPrefix(s, "}"):
			k := Open
			if s[0] == '}' {
				k = Close
			}
			c = append(c, Item{Code: &Code{Kind: k, ID: s[1:2], Type: "bold", Data: s[:2]}})
			s = s[2:]
		case strings.HasPrefix(s, "["):
			c = append(c, Item{Code: &Code{Kind: Placeholder, ID: s[1:2], Type: "lb", Data: s[:3]}})
			s = s[3:]
		default:
			c = append(c, Item{Text: s[:1]})
			s = s[1:]
		}
	}
	return c.Normalize()
}

func TestCheckCodes(t *testing.T) {
	for _, tc := range []struct {
		name, source, target, want string // want: "" for no error, else a part of the message
	}{
		{"same", "a{1b}1c[2]", "x{1y}1z[2]", ""},
		{"moved", "a{1b}1c[2]", "[2]x{1yz}1", ""},
		{"nested", "{1a{2b}2}1", "{1{2x}2y}1", ""},
		{"missing placeholder", "a[2]", "a", "missing placeholder code 2"},
		{"missing close", "{1a}1", "{1a", "missing close code 1"},
		{"extra", "a", "a[2]", "unexpected placeholder code 2"},
		{"repeated", "[2]a", "[2]a[2]", "unexpected placeholder code 2"},
		{"placeholder repeated in the source", "[2]a[2]b", "b[2]a[2]", ""},
		{"placeholder repeated, once in the target", "[2]a[2]b", "b[2]a", "missing placeholder code 2"},
		{"placeholder repeated, thrice in the target", "[2]a[2]b", "[2]b[2]a[2]", "unexpected placeholder code 2"},
		{"closed before opened", "{1a}1", "}1a{1", "code 1 is closed before it is opened"},
		{"crossed", "{1a{2b}2}1", "{1a{2b}1}2", "codes 2 and 1 cross"},
		{"pair split across segments", "a{1b", "x{1y", ""},
		{"other half elsewhere", "a}1", "}1a", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckCodes(parse(tc.source), parse(tc.target))
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tc.want != "" && err == nil:
				t.Errorf("no error, want %q", tc.want)
			case tc.want != "" && !strings.Contains(err.Error(), tc.want):
				t.Errorf("error %q, want %q", err, tc.want)
			}
			var ce *CodeError
			if err != nil && !errors.As(err, &ce) {
				t.Errorf("%T is not a *CodeError", err)
			}
		})
	}
}

func TestContent(t *testing.T) {
	c := Content{{Text: "a"}, {Text: ""}, {Text: "b"}, {Code: &Code{Kind: Open, ID: "1", Type: "bold", Data: "<b>"}}, {Text: "c"}, {Code: &Code{Kind: Close, ID: "1", Type: "bold", Data: "</b>"}}}
	if got := c.PlainText(); got != "abc" {
		t.Errorf("PlainText %q", got)
	}
	if got := c.Markup(); got != "ab<b>c</b>" {
		t.Errorf("Markup %q", got)
	}
	if n := len(c.Normalize()); n != 4 {
		t.Errorf("Normalize left %d items, want 4", n)
	}
	if !c.Equal(c.Normalize()) || c.Equal(Text("abc")) {
		t.Error("Equal is wrong")
	}
	if got := c.String(); got != "ab{open 1 bold}c{close 1 bold}" {
		t.Errorf("String %q", got)
	}
}

func TestNormalize(t *testing.T) {
	b := &Code{Kind: Open, ID: "1", Type: "bold"}
	for _, tc := range []struct {
		name    string
		in, out Content
	}{
		{"nothing", nil, nil},
		{"empty texts", Content{{}, {}}, nil},
		{"one text", Content{{Text: "a"}}, Content{{Text: "a"}}},
		{"empty around one", Content{{}, {Text: "a"}, {}}, Content{{Text: "a"}}},
		{"a run", Content{{Text: "a"}, {Text: " "}, {}, {Text: "bc"}}, Content{{Text: "a bc"}}},
		{"runs between codes", Content{{Text: "a"}, {Text: "b"}, {Code: b}, {}, {Code: b}, {Text: "c"}, {Text: "d"}, {Text: "e"}},
			Content{{Text: "ab"}, {Code: b}, {Code: b}, {Text: "cde"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.in.Normalize()
			if (got == nil) != (tc.out == nil) || len(got) != len(tc.out) {
				t.Fatalf("got %#v, want %#v", got, tc.out)
			}
			for i := range got {
				if got[i] != tc.out[i] {
					t.Errorf("item %d: got %#v, want %#v", i, got[i], tc.out[i])
				}
			}
		})
	}
}

// BenchmarkNormalizeParagraph joins the text of a paragraph of many
// sentences, as a unit's source is joined from its segments: its time
// should grow with the paragraph, not with its square (1 MB of 20,000
// sentences took 36 s when the text was joined two items at a time, and
// takes 2 ms).
func BenchmarkNormalizeParagraph(b *testing.B) {
	var c Content
	for n := 0; n < 1<<20; n += 50 {
		c = append(c, Item{Text: "Sentence has plain words in it, and a comma."}, Item{Text: " "})
	}
	b.SetBytes(1 << 20)
	b.ReportAllocs()
	for b.Loop() {
		c.Normalize()
	}
}

// BenchmarkKey keys sentences, as extract does to pair each sentence of
// an article with its translation: most are text alone, one with a code.
func BenchmarkKey(b *testing.B) {
	plain := Text("“No pressure” to end my opposition career, insists the dissident as he walks free.")
	coded := Content{{Text: "Read "}, {Code: &Code{Kind: Open, ID: "1", Type: "link"}}, {Text: "the report"}, {Code: &Code{Kind: Close, ID: "1", Type: "link"}}, {Text: " in full."}}
	b.ReportAllocs()
	for b.Loop() {
		for range 9 {
			plain.Key()
		}
		coded.Key()
	}
}

// Tagged names each code for its type, so that content differing only in
// its codes reads differently, and content differing only in their IDs
// and markup reads the same.
func TestTagged(t *testing.T) {
	for _, tc := range []struct {
		c    Content
		want string
	}{
		{Text("signed an order"), "signed an order"},
		{parse("an {1order}1 on[3]May"), "an <bold>order</bold> on<lb/>May"},
		{Content{{Text: "see "}, {Code: &Code{Kind: Open, ID: "7", Type: "link", Data: "["}}, {Text: "IWPR"}, {Code: &Code{Kind: Close, ID: "7", Type: "link", Data: "](https://iwpr.net)"}}},
			"see <link>IWPR</link>"},
		{Content{{Code: &Code{Kind: Open, ID: "1"}}, {Text: "a"}, {Code: &Code{Kind: Close, ID: "1"}}, {Code: &Code{Kind: Placeholder, ID: "2"}}}, "<g>a</g><x/>"},
	} {
		if got := tc.c.Tagged(); got != tc.want {
			t.Errorf("%s: Tagged() = %q, want %q", tc.c, got, tc.want)
		}
	}
	moved, here := parse("an {1order}1 on"), parse("{2an order}2 on")
	if moved.Tagged() == here.Tagged() || moved.PlainText() != here.PlainText() {
		t.Errorf("codes moved: %q and %q", moved.Tagged(), here.Tagged())
	}
	other := parse("an {9order}9 on")
	other[1].Code.Data = "**"
	if moved.Tagged() != other.Tagged() {
		t.Errorf("other IDs and markup: %q and %q", moved.Tagged(), other.Tagged())
	}
}
