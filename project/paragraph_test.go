package project

import (
	"testing"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
)

// landedWas is where a translation landed, with the source it was made
// for when kept for review.
type landedWas struct {
	id, target string
	state      handoff.State
	was        string
}

// TestReconcileParagraph carries a translation of a whole paragraph, as
// tools that drop segment markers write it, over to the article's
// paragraph of several sentences: kept while the paragraph is the same,
// for review with the paragraph it was made for when it changed, and
// never taken for the translation of one sentence.
func TestReconcileParagraph(t *testing.T) {
	const para = "The president signed an order on May 13. Ablyazov is free."
	const tr = "Президент 13 мая подписал указ, и Аблязов свободен."
	old := func(source string) *handoff.File {
		f := translate(units([]string{"Ablyazov Walks Free"}, []string{source}), dict)
		s := f.Units[1].Segments()[0]
		s.Target, s.State = inline.Text(tr), handoff.Translated
		return f
	}
	for _, tc := range []struct {
		name    string
		old     string
		now     []string
		want    []landedWas // of unit b2
		carried Carried
	}{
		{"same paragraph", para, []string{"The president signed an order on May 13.", "Ablyazov is free."},
			[]landedWas{{"s1", tr, handoff.Translated, ""}}, Carried{Kept: 3}},
		{"paragraph changed", para, []string{"The president signed an order on May 14.", "Ablyazov is free."},
			[]landedWas{{"s1", tr, handoff.NeedsReview, para}}, Carried{Kept: 1, Review: 2}},
		{"paragraph rewritten", para, []string{"Nobody knows.", "It rained."},
			[]landedWas{{"s1", "", handoff.New, ""}, {"s2", "", handoff.New, ""}}, Carried{Kept: 1, New: 2, Obsolete: 1}},
		// A one-sentence unit is no paragraph's translation: its
		// sentence takes it.
		{"a sentence", "Ablyazov is free.", []string{"The president signed an order on May 14.", "Ablyazov is free."},
			[]landedWas{{"s1", "", handoff.New, ""}, {"s2", tr, handoff.Translated, ""}}, Carried{Kept: 2, New: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fresh := units([]string{"Ablyazov Walks Free"}, tc.now)
			c, _, _ := reconcile(fresh, old(tc.old), nil)
			if c != tc.carried {
				t.Errorf("carried %+v, want %+v", c, tc.carried)
			}
			var got []landedWas
			for _, s := range fresh[1].Segments() {
				got = append(got, landedWas{s.ID, s.Target.PlainText(), s.State, s.Was})
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %+v, want %+v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("got %+v, want %+v", got[i], tc.want[i])
				}
			}
			if len(fresh[1].Segments()) == 1 && fresh[1].Segments()[0].Source.PlainText() != fresh[1].Source().PlainText() {
				t.Errorf("the paragraph's segment has source %q", fresh[1].Segments()[0].Source.PlainText())
			}
		})
	}
}

// TestMatchParagraph judges a paragraph's translation for each of the
// paragraph's sentences, and gives it, with its codes as the article's,
// to publish in the paragraph's place.
func TestMatchParagraph(t *testing.T) {
	bold := func(k inline.Kind, id string) inline.Item {
		return inline.Item{Code: &inline.Code{Kind: k, ID: id, Type: "bold"}}
	}
	now := units([]string{"x"}, []string{"x", "y"})
	now[1].Parts[0].Segment.Source = inline.Content{bold(inline.Open, "1"), {Text: "A bold move."}, bold(inline.Close, "1")}
	now[1].Parts[2].Segment.Source = inline.Text("He left.")
	old := units([]string{"x"}, []string{"x"})
	s := old[1].Segments()[0]
	s.Source = inline.Content{bold(inline.Open, "7"), {Text: "A bold move."}, bold(inline.Close, "7"), {Text: " He left."}}
	s.Target, s.State = inline.Content{{Text: "Смелый "}, bold(inline.Open, "7"), {Text: "шаг"}, bold(inline.Close, "7"), {Text: ". Он ушёл."}}, handoff.Translated
	sentences, left := match(now[1:], &handoff.File{Units: old[1:]}, nil)
	if len(left) != 0 || len(sentences) != 2 {
		t.Fatalf("%d sentences, %d left", len(sentences), len(left))
	}
	for _, m := range sentences {
		if !m.whole || m.readiness != Done || m.old != s {
			t.Errorf("%s: whole %v, %v", m.seg.ID, m.whole, m.readiness)
		}
	}
	want := inline.Content{{Text: "Смелый "}, bold(inline.Open, "1"), {Text: "шаг"}, bold(inline.Close, "1"), {Text: ". Он ушёл."}}
	if !sentences[0].target.Equal(want) {
		t.Errorf("target %v, want the codes of the article's paragraph", sentences[0].target)
	}
	// Without its codes, the translation is not published.
	s.Target = inline.Text("Смелый шаг. Он ушёл.")
	sentences, _ = match(now[1:], &handoff.File{Units: old[1:]}, nil)
	if sentences[0].codes == nil || sentences[0].readiness == Done {
		t.Errorf("a paragraph's translation without its codes: %v, %v", sentences[0].codes, sentences[0].readiness)
	}
}
