package memory

import (
	"slices"
	"testing"

	"github.com/loctool/loctool/inline"
)

func bold(before, in, after string) inline.Content {
	return inline.Content{
		{Text: before},
		{Code: &inline.Code{Kind: inline.Open, ID: "1", Type: "bold", Data: "<b>"}},
		{Text: in},
		{Code: &inline.Code{Kind: inline.Close, ID: "1", Type: "bold", Data: "</b>"}},
		{Text: after},
	}
}

func TestSimilarity(t *testing.T) {
	text := inline.Text
	for _, tc := range []struct {
		name     string
		was, now inline.Content
		want     int
		numbers  []NumberChange
	}{
		{"the same", text("The minister resigned on Monday."), text("The minister resigned on Monday."), 100, nil},
		{"the same once composed", text("Он сказал \"й\"."), text("Он сказал \"и\u0306\"."), 100, nil},
		{"white space", text("The minister  resigned."), text("The minister resigned."), 99, nil},
		{"case", text("The Minister resigned on Monday."), text("The minister resigned on Monday."), 99, nil},
		{"a number", text("Inflation rose 5 percent in May."), text("Inflation rose 6 percent in May."), 98, []NumberChange{{"5", "6"}}},
		{"two numbers", text("Inflation rose 5 percent in May, 4 in April."), text("Inflation rose 6 percent in May, 3 in April."), 96, []NumberChange{{"5", "6"}, {"4", "3"}}},
		// 10 tokens, one replaced: 90.
		{"a word of ten", text("The minister of finance resigned on Monday in Astana."), text("The minister of finance resigned on Tuesday in Astana."), 90, nil},
		// 10 tokens against 9, one deleted: 90.
		{"a word left out", text("The minister of finance resigned on Monday in Astana."), text("The minister of finance resigned on Monday in."), 90, nil},
		// The word replaced, and a case: 89.
		{"a word and a case", text("The minister of finance resigned on Monday in Astana."), text("The Minister of finance resigned on Tuesday in Astana."), 89, nil},
		{"codes added", text("The minister resigned."), bold("The ", "minister", " resigned."), 98, nil},
		{"codes the same", bold("The ", "minister", " resigned."), bold("The ", "minister", " resigned."), 100, nil},
		{"other code IDs", bold("The ", "minister", " resigned."), func() inline.Content {
			c := bold("The ", "minister", " resigned.")
			c[1].Code = &inline.Code{Kind: inline.Open, ID: "7", Type: "bold", Data: "**"}
			c[3].Code = &inline.Code{Kind: inline.Close, ID: "7", Type: "bold", Data: "**"}
			return c
		}(), 100, nil},
		// 4 tokens against 4, all but the full stop replaced: 25.
		{"unrelated", text("Prices rose sharply."), text("Snow fell overnight."), 25, nil},
		{"empty", text(""), text("Snow fell."), 0, nil},
		{"Kazakh", text("Министр отставкаға кетті."), text("Министр отставкаға кетпеді."), 75, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Similarity(tc.was, tc.now)
			if got.Value != tc.want || !slices.Equal(got.Numbers, tc.numbers) {
				t.Errorf("Similarity(%q, %q) = %v, want %d %v", tc.was.Tagged(), tc.now.Tagged(), got, tc.want, tc.numbers)
			}
			// The score is symmetric but for which numbers are which.
			back := Similarity(tc.now, tc.was)
			if back.Value != got.Value {
				t.Errorf("Similarity(%q, %q) = %d, but %d the other way", tc.now.Tagged(), tc.was.Tagged(), back.Value, got.Value)
			}
		})
	}
}

// TestSimilarityBand checks that a score worked out in a band, to reach
// a least score, is the full score wherever that reaches it.
func TestSimilarityBand(t *testing.T) {
	sentences := []string{
		"The minister of finance resigned on Monday in Astana.",
		"The minister of finance resigned on Tuesday.",
		"The minister resigned.",
		"Minister of finance, resigned on Monday in Astana",
		"On Monday, the minister of finance resigned in Astana.",
		"The the the minister minister of of finance.",
		"Astana in Monday on resigned finance of minister The.",
		"",
		".",
	}
	for _, x := range sentences {
		for _, y := range sentences {
			a, b := inline.Text(x), inline.Text(y)
			full := Similarity(a, b)
			for least := 1; least <= 100; least++ {
				got := similarity(a, b, tokenize(x), tokenize(y), least)
				if full.Value >= least && got.Value != full.Value || full.Value < least && got.Value >= least {
					t.Fatalf("%q, %q: score %d, but %d when at least %d is asked for", x, y, full.Value, got.Value, least)
				}
			}
		}
	}
}

// FuzzSimilarity checks, on any two texts, that a score is from 0 to
// 100, 100 only for the same sentence, the same both ways, and the same
// when worked out in a band for a least score it reaches.
func FuzzSimilarity(f *testing.F) {
	f.Add("The minister resigned on Monday.", "The Minister resigned on Tuesday, 5 May.", 75)
	f.Add("", ".", 1)
	f.Add("a b c d", "d c b a", 50)
	f.Fuzz(func(t *testing.T, x, y string, least int) {
		if len(x) > 2000 || len(y) > 2000 {
			return
		}
		least = 1 + (least%100+100)%100
		a, b := inline.Text(x), inline.Text(y)
		s := Similarity(a, b)
		if s.Value < 0 || s.Value > 100 || (s.Value == 100) != (a.Key() == b.Key()) {
			t.Fatalf("Similarity(%q, %q) = %d", x, y, s.Value)
		}
		if back := Similarity(b, a); back.Value != s.Value {
			t.Fatalf("Similarity(%q, %q) = %d, the other way %d", x, y, s.Value, back.Value)
		}
		banded := similarity(a, b, tokenize(x), tokenize(y), least)
		if s.Value >= least && banded.Value != s.Value || s.Value < least && banded.Value >= least {
			t.Fatalf("%q, %q: %d, but %d at least %d", x, y, s.Value, banded.Value, least)
		}
	})
}
