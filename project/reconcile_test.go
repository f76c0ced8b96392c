package project

import (
	"fmt"
	"slices"
	"testing"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// units builds the units of an article: a unit per paragraph, a segment
// per sentence, IDs b1.s1, b1.s2, … as extract gives them.
func units(paragraphs ...[]string) []*handoff.Unit {
	var out []*handoff.Unit
	for i, p := range paragraphs {
		u := &handoff.Unit{ID: fmt.Sprintf("b%d", i+1)}
		for j, s := range p {
			if j > 0 {
				u.Parts = append(u.Parts, handoff.Part{Space: " "})
			}
			u.Parts = append(u.Parts, handoff.Part{Segment: &handoff.Segment{ID: fmt.Sprintf("s%d", j+1), Source: inline.Text(s)}})
		}
		out = append(out, u)
	}
	return out
}

// translate fills the targets of units from a dictionary.
func translate(us []*handoff.Unit, dict map[string]string) *handoff.File {
	for _, u := range us {
		for _, s := range u.Segments() {
			if t, ok := dict[s.Source.PlainText()]; ok {
				s.Target, s.State = inline.Text(t), handoff.Translated
			}
		}
	}
	return &handoff.File{Original: "articles/a.txt", Units: us}
}

var dict = map[string]string{
	"Ablyazov Walks Free":                      "Аблязов на свободе",
	"The president signed an order on May 13.": "Президент подписал указ 13 мая.",
	"Ablyazov is free.":                        "Аблязов свободен.",
	"He intends to return to business.":        "Он намерен вернуться в бизнес.",
}

func original() []*handoff.Unit {
	return units(
		[]string{"Ablyazov Walks Free"},
		[]string{"The president signed an order on May 13.", "Ablyazov is free."},
		[]string{"He intends to return to business."},
	)
}

type landed struct {
	id, target string
	state      handoff.State
}

func targets(us []*handoff.Unit) []landed {
	var out []landed
	for _, u := range us {
		for _, s := range u.Segments() {
			out = append(out, landed{u.ID + "." + s.ID, s.Target.PlainText(), s.State})
		}
	}
	return out
}

func TestReconcile(t *testing.T) {
	tests := []struct {
		name     string
		edited   []*handoff.Unit
		want     []landed
		obsolete []string
		carried  Carried
	}{
		{
			name:    "unchanged",
			edited:  original(),
			carried: Carried{Kept: 4},
			want: []landed{
				{"b1.s1", "Аблязов на свободе", handoff.Translated},
				{"b2.s1", "Президент подписал указ 13 мая.", handoff.Translated},
				{"b2.s2", "Аблязов свободен.", handoff.Translated},
				{"b3.s1", "Он намерен вернуться в бизнес.", handoff.Translated},
			},
		},
		{
			name: "moved, changed, removed, added, split",
			edited: units(
				[]string{"Ablyazov Walks Free"},
				[]string{"He intends to return to business."},
				[]string{"The president signed an order on May 14."},
				[]string{"Journalists were there."},
			),
			carried: Carried{Kept: 2, Review: 1, New: 1, Obsolete: 1},
			want: []landed{
				{"b1.s1", "Аблязов на свободе", handoff.Translated},
				{"b2.s1", "Он намерен вернуться в бизнес.", handoff.Translated},
				{"b3.s1", "Президент подписал указ 13 мая.", handoff.NeedsReview},
				{"b4.s1", "", handoff.New},
			},
			obsolete: []string{"Ablyazov is free."},
		},
		{
			name: "paragraphs joined",
			edited: units(
				[]string{"Ablyazov Walks Free"},
				[]string{"The president signed an order on May 13.", "Ablyazov is free.", "He intends to return to business."},
			),
			carried: Carried{Kept: 4},
			want: []landed{
				{"b1.s1", "Аблязов на свободе", handoff.Translated},
				{"b2.s1", "Президент подписал указ 13 мая.", handoff.Translated},
				{"b2.s2", "Аблязов свободен.", handoff.Translated},
				{"b2.s3", "Он намерен вернуться в бизнес.", handoff.Translated},
			},
		},
		{
			// A sentence that appears twice takes the translation twice
			// only if it was translated twice.
			name: "a sentence repeated",
			edited: units(
				[]string{"Ablyazov Walks Free"},
				[]string{"Ablyazov Walks Free"},
			),
			carried: Carried{Kept: 1, New: 1, Obsolete: 3},
			want: []landed{
				{"b1.s1", "Аблязов на свободе", handoff.Translated},
				{"b2.s1", "", handoff.New},
			},
			obsolete: []string{"The president signed an order on May 13.", "Ablyazov is free.", "He intends to return to business."},
		},
		{
			// Nothing alike: no translation is forced on a new sentence.
			name:     "rewritten",
			edited:   units([]string{"Opposition leaders disagree."}),
			carried:  Carried{New: 1, Obsolete: 4},
			want:     []landed{{"b1.s1", "", handoff.New}},
			obsolete: []string{"Ablyazov Walks Free", "The president signed an order on May 13.", "Ablyazov is free.", "He intends to return to business."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := translate(original(), dict)
			c, obsolete, _ := reconcile(tt.edited, old, nil)
			if c != tt.carried {
				t.Errorf("carried %+v, want %+v", c, tt.carried)
			}
			if got := targets(tt.edited); !slices.Equal(got, tt.want) {
				t.Errorf("targets:\n got %v\nwant %v", got, tt.want)
			}
			var gone []string
			for _, s := range obsolete {
				gone = append(gone, s.Source.PlainText())
				if s.Target.PlainText() != dict[s.Source.PlainText()] {
					t.Errorf("obsolete %q lost its translation: %q", s.Source.PlainText(), s.Target.PlainText())
				}
			}
			if !slices.Equal(gone, tt.obsolete) {
				t.Errorf("obsolete %q, want %q", gone, tt.obsolete)
			}
		})
	}
}

// TestReconcileKeepsEveryTranslation checks the promise of re-extraction
// on every edit of the tests above: each old translation is on a sentence
// or among the obsolete ones, exactly once.
func TestReconcileKeepsEveryTranslation(t *testing.T) {
	edits := [][]*handoff.Unit{
		units(),
		units([]string{"Ablyazov is free.", "Ablyazov Walks Free"}),
		units([]string{"He intends to return to business today."}, []string{"The president signed an order on May 13."}),
	}
	for i, edited := range edits {
		_, obsolete, _ := reconcile(edited, translate(original(), dict), nil)
		var found []string
		for _, u := range edited {
			for _, s := range u.Segments() {
				if s.IsTranslated() {
					found = append(found, s.Target.PlainText())
				}
			}
		}
		for _, s := range obsolete {
			found = append(found, s.Target.PlainText())
		}
		slices.Sort(found)
		var want []string
		for _, t := range dict {
			want = append(want, t)
		}
		slices.Sort(want)
		if !slices.Equal(found, want) {
			t.Errorf("edit %d: translations %q, want each of %q once", i, found, want)
		}
	}
}

func TestReconcileRemapsCodes(t *testing.T) {
	bold := func(id, text string) inline.Content {
		return inline.Content{
			{Code: &inline.Code{Kind: inline.Open, ID: id, Type: "bold"}},
			{Text: text},
			{Code: &inline.Code{Kind: inline.Close, ID: id, Type: "bold"}},
		}
	}
	old := units([]string{"x"})
	old[0].Parts[0].Segment.Source = append(bold("1", "Ablyazov"), inline.Item{Text: " is free."})
	old[0].Parts[0].Segment.Target = append(bold("1", "Аблязов"), inline.Item{Text: " свободен."})
	old[0].Parts[0].Segment.State = handoff.Translated

	// The sentence moved to a paragraph where its code has ID 3.
	fresh := units([]string{"Other."}, []string{"x"})
	fresh[1].Parts[0].Segment.Source = append(bold("3", "Ablyazov"), inline.Item{Text: " is free."})

	c, _, _ := reconcile(fresh, &handoff.File{Units: old}, nil)
	if c.Kept != 1 {
		t.Fatalf("carried %+v, want one kept", c)
	}
	got := fresh[1].Parts[0].Segment.Target
	if err := inline.CheckCodes(fresh[1].Parts[0].Segment.Source, got); err != nil {
		t.Errorf("the kept translation's codes are not the new source's: %v", err)
	}
	if got.PlainText() != "Аблязов свободен." {
		t.Errorf("target %q", got.PlainText())
	}
}

func TestMatch(t *testing.T) {
	returned := translate(original(), dict)
	current := units(
		[]string{"He intends to return to business."},
		[]string{"Ablyazov Walks Free"},
		[]string{"The president signed an order on May 14."},
		[]string{"Journalists were there."},
	)
	got, orphans := match(current, returned, nil)
	want := []Readiness{Done, Done, Stale, Missing}
	for i, m := range got {
		if m.readiness != want[i] {
			t.Errorf("sentence %d (%q): %v, want %v", i, m.seg.Source.PlainText(), m.readiness, want[i])
		}
	}
	if got[2].old == nil || got[2].old.Source.PlainText() != "The president signed an order on May 13." {
		t.Errorf("the stale sentence is not paired with its old version: %+v", got[2].old)
	}
	if len(orphans) != 1 || orphans[0].Source.PlainText() != "Ablyazov is free." {
		t.Errorf("orphans %v, want the removed sentence", orphans)
	}
}

func TestMatchReview(t *testing.T) {
	returned := translate(original(), dict)
	returned.Units[0].Parts[0].Segment.State = handoff.NeedsReview
	got, _ := match(original(), returned, nil)
	if got[0].readiness != Review {
		t.Errorf("a translation marked for review stands as %v", got[0].readiness)
	}
}

func TestSimilarity(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"a b c d", "a b c d", 1},
		{"a b c d", "a b c e", 0.75},
		{"a b", "c d", 0},
		{"", "a", 0},
		{"Президент подписал указ", "президент ПОДПИСАЛ указ", 1},
	}
	for _, tt := range tests {
		if got := similarity(wordsOf(tt.a), wordsOf(tt.b)); got != tt.want {
			t.Errorf("similarity(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// An article saved again in decomposed Unicode (NFD) keeps its
// translations: "й" is "й" however it is spelled.
func TestReconcileNormalizes(t *testing.T) {
	nfc := "Жакиянов приехал в Йошкар-Олу."
	nfd := norm.NFD.String(nfc)
	if nfd == nfc {
		t.Fatal("the test sentence has nothing to decompose")
	}
	old := translate(units([]string{nfc}), map[string]string{nfc: "Жақиянов Йошкар-Олаға келді."})
	fresh := units([]string{nfd})
	if c, _, _ := reconcile(fresh, old, nil); c.Kept != 1 {
		t.Errorf("carried %+v, want the translation kept", c)
	}
	got, _ := match(units([]string{nfd}), old, nil)
	if got[0].readiness != Done {
		t.Errorf("merge stands the sentence as %v, want translated", got[0].readiness)
	}
}

// A translation carried to a changed sentence for review notes the source
// it was made for, as long as it is not confirmed.
func TestReconcileNotesWhatWasTranslated(t *testing.T) {
	changed := func() []*handoff.Unit {
		return units([]string{"The president signed an order on May 14."})
	}
	first := changed()
	reconcile(first, translate(original(), dict), nil)
	const note = "s1 was: The president signed an order on May 13."
	if got := first[0].Segment("s1").Was; got != "The president signed an order on May 13." {
		t.Fatalf("note %q, want %q", got, note)
	}

	// Extracted again before review: the note stays, once.
	again := changed()
	reconcile(again, &handoff.File{Units: first}, nil)
	var notes []string
	for _, n := range again[0].Remarks(language.Russian) {
		if n.From == handoff.WasFrom {
			notes = append(notes, n.Text)
		}
	}
	if !slices.Equal(notes, []string{note}) {
		t.Errorf("notes after a second extraction %q, want [%q]", notes, note)
	}

	// Confirmed: the note goes.
	first[0].Parts[0].Segment.State = handoff.Translated
	confirmed := changed()
	reconcile(confirmed, &handoff.File{Units: first}, nil)
	if got := confirmed[0].Segment("s1").Was; got != "" {
		t.Errorf("a confirmed translation keeps the note %q", got)
	}
}

// The notes others wrote go with the paragraph that succeeds theirs:
// the one that took most of its sentences, wherever it moved. The notes
// of a paragraph that is gone come back to be kept with its
// translations.
func TestReconcileKeepsNotes(t *testing.T) {
	note := func(u *handoff.Unit, text string) *handoff.Unit {
		u.Notes = append(u.Notes, handoff.Note{Text: text, From: "editor"})
		return u
	}
	old := original()
	note(old[0], "headline: keep it short")
	// A glossary remark an earlier loctool left as a note: the fresh
	// unit words it anew, so it is not carried.
	old[1].Notes = append(old[1].Notes, handoff.Note{Text: "Glossary: Ablyazov → Аблязов (person)", From: handoff.GlossaryFrom})
	note(old[1], "loctool-ignore: target.numbers. The date is the decree's.")
	note(old[2], "check the business name")
	edited := units(
		[]string{"The president signed an order on May 13.", "Ablyazov is free."}, // the second paragraph, first now
		[]string{"Ablyazov Walks Free"},
	)
	c, _, lost := reconcile(edited, translate(old, dict), nil)
	if got := notesOf(edited[0]); !slices.Equal(got, []string{"loctool-ignore: target.numbers. The date is the decree's."}) {
		t.Errorf("the moved paragraph's notes: %q", got)
	}
	if got := notesOf(edited[1]); !slices.Equal(got, []string{"headline: keep it short"}) {
		t.Errorf("the headline's notes: %q", got)
	}
	if len(lost) != 1 || lost[0].seg.Source.PlainText() != "He intends to return to business." || lost[0].notes[0].Text != "check the business name" {
		t.Errorf("lost notes %+v", lost)
	}
	if c.Notes != 2 || c.Orphaned != 1 {
		t.Errorf("carried %+v: want 2 notes kept, 1 orphaned", c)
	}
}

func notesOf(u *handoff.Unit) []string {
	var out []string
	for _, n := range u.Notes {
		out = append(out, n.Text)
	}
	return out
}

// A short sentence changed in place keeps its translation for review,
// though a changed word weighs more than 30% of it; one rewritten in
// place does not.
func TestReconcileInPlace(t *testing.T) {
	old := translate(units([]string{"He left.", "Others were sceptical."}), map[string]string{
		"He left.": "Он ушёл.", "Others were sceptical.": "Другие сомневались.",
	})
	fresh := units([]string{"He left.", "Others were doubtful."})
	c, gone, _ := reconcile(fresh, old, nil)
	if s := fresh[0].Segments()[1]; s.Target.PlainText() != "Другие сомневались." || s.State != handoff.NeedsReview || s.Was != "Others were sceptical." || len(gone) != 0 {
		t.Errorf("changed in place: %q %v was %q; %d gone (%+v)", s.Target.PlainText(), s.State, s.Was, len(gone), c)
	}
	fresh = units([]string{"He left.", "Prices rose sharply."})
	if _, gone, _ := reconcile(fresh, old, nil); fresh[0].Segments()[1].Target != nil || len(gone) != 1 {
		t.Errorf("rewritten in place: %q, %d gone", fresh[0].Segments()[1].Target.PlainText(), len(gone))
	}
}

// The comments on a translation go with it to the sentence it lands on.
func TestReconcileKeepsComments(t *testing.T) {
	old := translate(original(), dict)
	s := old.Units[1].Segments()[0]
	s.Comments = []handoff.Comment{{Start: 0, End: 9, Text: "the decree's own wording"}}
	fresh := units([]string{"Ablyazov Walks Free"}, []string{"The president signed an order on May 13."})
	reconcile(fresh, old, nil)
	if got := fresh[1].Segments()[0].Comments; len(got) != 1 || got[0].Text != "the decree's own wording" {
		t.Errorf("comments %+v", got)
	}
}

// A sentence whose only change is white space that reads as one space (a
// paragraph wrapped anew, a double space made single, a tab) keeps its
// translation in its state, and merge publishes it; a no-break space is
// the writer's choice, and a change to one is held for review.
func TestReconcileRespaced(t *testing.T) {
	const was = "The president signed an order on May 13."
	old := func() *handoff.File { return translate(units([]string{was}), dict) }
	for _, tc := range []struct {
		name, now string
		kept      bool
	}{
		{"wrapped", "The president signed\nan order on May 13.", true},
		{"double space", "The president  signed an order on May 13.", true},
		{"tab", "The president\tsigned an order\r\non May 13.", true},
		{"no-break space", "The president signed an order on May\u00a013.", false},
		{"space taken out", "The president signed an order on May13.", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fresh := units([]string{tc.now})
			c, _, _ := reconcile(fresh, old(), nil)
			s := fresh[0].Segment("s1")
			if tc.kept {
				if c.Kept != 1 || s.State != handoff.Translated || s.Was != "" || s.Target.PlainText() != dict[was] {
					t.Errorf("carried %+v, segment %+v: want the translation kept as it was", c, s)
				}
			} else if c.Review != 1 || s.State != handoff.NeedsReview || s.Was != was {
				t.Errorf("carried %+v, segment %+v: want the translation kept for review", c, s)
			}
			got, _ := match(units([]string{tc.now}), old(), nil)
			if want := map[bool]Readiness{true: Done, false: Stale}[tc.kept]; got[0].readiness != want {
				t.Errorf("merge stands the sentence as %v, want %v", got[0].readiness, want)
			}
		})
	}
}

// A translation kept for review says what it was made for with its codes
// as tags, so that a change of the codes alone shows: a word made bold.
func TestReconcileWasShowsCodes(t *testing.T) {
	bold := inline.Content{{Text: "The president signed an "}, {Code: &inline.Code{Kind: inline.Open, ID: "1", Type: "bold"}},
		{Text: "order"}, {Code: &inline.Code{Kind: inline.Close, ID: "1", Type: "bold"}}, {Text: " on May 13."}}
	old := translate(units([]string{"The president signed an order on May 13."}), dict)
	fresh := units([]string{"x"})
	fresh[0].Segment("s1").Source = bold
	c, _, _ := reconcile(fresh, old, nil)
	s := fresh[0].Segment("s1")
	if c.Review != 1 || s.Was != "The president signed an order on May 13." || s.State != handoff.NeedsReview {
		t.Fatalf("carried %+v, segment %+v: want the translation kept for review", c, s)
	}
	// And back: the bold taken out again.
	back := units([]string{"The president signed an order on May 13."})
	reconcile(back, &handoff.File{Units: []*handoff.Unit{{ID: "b1", Parts: []handoff.Part{{Segment: &handoff.Segment{ID: "s1",
		Source: bold, Target: inline.Text("Президент подписал указ 13 мая."), State: handoff.Translated}}}}}}, nil)
	if got, want := back[0].Segment("s1").Was, "The president signed an <bold>order</bold> on May 13."; got != want {
		t.Errorf("Was %q, want %q", got, want)
	}
}
