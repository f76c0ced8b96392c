package project

import (
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/glossary"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
)

const respellGlossary = `concepts:
  - id: zhakiyanov-galymzhan
    type: person
    source: {ru: Галымжан Жакиянов}
    en: Galymzhan Zhakiyanov
    ru: Галымжан Жакиянов
  - id: zhakiyanov
    type: person
    source: {ru: Жакиянов}
    en: Zhakiyanov
    ru: {preferred: Жакиянов, forbidden: [Жакьянов]}
  - id: ablyazov
    type: person
    source: {ru: Аблязов}
    en: Ablyazov
    ru: Аблязов
  - id: kazakhstan
    type: place
    en: {preferred: Kazakhstan, forbidden: [Kazakstan]}
    ru: Казахстан
  - id: pavlodar-region
    type: place
    en: Pavlodar Region
    ru: {preferred: Павлодарская область, forbidden: [Павлодарская обл]}
`

func respellMatcher(t testing.TB, lang language.Tag) *glossary.Matcher {
	t.Helper()
	concepts, err := glossary.ParseYAML([]byte(respellGlossary), "g.yaml")
	if err != nil {
		t.Fatal(err)
	}
	g := glossary.New()
	g.Add(concepts)
	return glossary.NewMatcher(g, lang)
}

// bold is a sentence with a bold span, as Markdown's **…** is extracted.
func bold(before, in, after string) inline.Content {
	return inline.Content{
		{Text: before},
		{Code: &inline.Code{Kind: inline.Open, ID: "1", Type: "fmt:b"}}, {Text: in},
		{Code: &inline.Code{Kind: inline.Close, ID: "1", Type: "fmt:b"}}, {Text: after},
	}
}

// Two sentences are the same sentence when they differ only in how they
// spell the glossary's concepts, and in nothing else: not a word, a
// number, another concept, their order, a case ending, capitals or tags.
func TestConceptKey(t *testing.T) {
	en, ru := respellMatcher(t, language.English), respellMatcher(t, language.Russian)
	for _, tt := range []struct {
		name string
		m    *glossary.Matcher
		a, b inline.Content
		same bool
	}{
		{"a generated variant fixed", en, inline.Text("The court jailed Jakiyanov."), inline.Text("The court jailed Zhakiyanov."), true},
		{"a forbidden spelling fixed", en, inline.Text("Kazakstan is large."), inline.Text("Kazakhstan is large."), true},
		{"two concepts fixed", en, inline.Text("Jakiyanov left Kazakstan."), inline.Text("Zhakiyanov left Kazakhstan."), true},
		{"a name of two words", en, inline.Text("Galymjan Jakiyanov spoke."), inline.Text("Galymzhan Zhakiyanov spoke."), true},
		{"a possessive", en, inline.Text("Jakiyanov’s lawyer spoke."), inline.Text("Zhakiyanov’s lawyer spoke."), true},
		{"in capitals both", en, inline.Text("JAKIYANOV JAILED"), inline.Text("ZHAKIYANOV JAILED"), true},
		{"inside a tag", en, bold("", "Jakiyanov", " spoke."), bold("", "Zhakiyanov", " spoke."), true},
		{"Russian genitive", ru, inline.Text("Суд осудил Жакьянова."), inline.Text("Суд осудил Жакиянова."), true},
		{"Russian instrumental", ru, inline.Text("Встреча с Жакьяновым."), inline.Text("Встреча с Жакияновым."), true},
		{"Russian, an adjective and a noun", ru, inline.Text("Он из Павлодарская обл."), inline.Text("Он из Павлодарская область."), true},
		{"a Cyrillic look-alike typed in a Latin word", en, inline.Text("Jakiyanov met the аuditors."), inline.Text("Zhakiyanov met the auditors."), true},
		{"a Latin look-alike typed in a Cyrillic word", ru, inline.Text("Жакьянов и прокурop."), inline.Text("Жакиянов и прокурор."), true},

		{"a fix and another word", en, inline.Text("The court jailed Jakiyanov."), inline.Text("The court freed Zhakiyanov."), false},
		{"a fix and a number", en, inline.Text("Jakiyanov got 7 years."), inline.Text("Zhakiyanov got 8 years."), false},
		{"a fix and a comma", en, inline.Text("Jakiyanov, spoke."), inline.Text("Zhakiyanov spoke."), false},
		{"another concept", en, inline.Text("The court jailed Zhakiyanov."), inline.Text("The court jailed Ablyazov."), false},
		{"two concepts swapped", en, inline.Text("Ablyazov met Jakiyanov."), inline.Text("Zhakiyanov met Ablyazov."), false},
		{"a concept dropped", en, inline.Text("Jakiyanov and Ablyazov spoke."), inline.Text("Zhakiyanov spoke."), false},
		{"a concept added", en, inline.Text("Jakiyanov spoke."), inline.Text("Zhakiyanov and Ablyazov spoke."), false},
		{"the name in capitals", en, inline.Text("JAKIYANOV spoke."), inline.Text("Zhakiyanov spoke."), false},
		{"a tag dropped", en, bold("", "Jakiyanov", " spoke."), inline.Text("Zhakiyanov spoke."), false},
		{"a tag moved", en, bold("", "Jakiyanov", " spoke."), bold("", "Zhakiyanov spoke.", ""), false},
		{"another case", ru, inline.Text("Суд осудил Жакьянова."), inline.Text("Суд осудил Жакиянову."), false},
		{"a look-alike fixed and another word", en, inline.Text("Jakiyanov met the аuditors."), inline.Text("Zhakiyanov met the lawyers."), false},
		{"a word with a letter of no look-alike", en, inline.Text("Jakiyanov met the бuditors."), inline.Text("Zhakiyanov met the auditors."), false},
		{"the full name for the surname", en, inline.Text("Jakiyanov spoke."), inline.Text("Galymzhan Zhakiyanov spoke."), false},
		{"no concept at all", en, inline.Text("Others were sceptical."), inline.Text("Others were sceptical."), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ka, oka := conceptKey(tt.m, tt.a)
			kb, okb := conceptKey(tt.m, tt.b)
			if got := oka && okb && ka == kb; got != tt.same {
				t.Errorf("%q and %q: same = %v, want %v\nkeys %q\n     %q", tt.a.PlainText(), tt.b.PlainText(), got, tt.same, ka, kb)
			}
		})
	}
}

// A sentence whose spellings were fixed keeps its translation, in the
// state it had, and merge publishes it; another change to it is still to
// review, and the glossary is not asked for when nothing changed.
func TestReconcileRespelt(t *testing.T) {
	m := respellMatcher(t, language.English)
	asked := 0
	concepts := func() *glossary.Matcher { asked++; return m }
	old := func() *handoff.File {
		f := translate(units(
			[]string{"Jakiyanov is free.", "Kazakstan voted on Sunday for a new parliament."},
			[]string{"He intends to return to business."},
		), map[string]string{
			"Jakiyanov is free.":                              "Жакиянов свободен.",
			"Kazakstan voted on Sunday for a new parliament.": "Казахстан проголосовал.",
			"He intends to return to business.":               "Он намерен вернуться в бизнес.",
		})
		f.Units[0].Segments()[0].State = handoff.Final
		return f
	}

	fresh := units([]string{"Jakiyanov is free.", "Kazakstan voted on Sunday for a new parliament."}, []string{"He intends to return to business."})
	if c, _, _ := reconcile(fresh, old(), concepts); c.Kept != 3 || asked != 0 {
		t.Errorf("an article unchanged: carried %+v, the glossary asked for %d times, want 3 kept and never", c, asked)
	}

	fresh = units([]string{"Zhakiyanov is free.", "Kazakhstan voted on Monday for a new parliament."}, []string{"He intends to return to business."})
	c, gone, _ := reconcile(fresh, old(), concepts)
	if c.Kept != 2 || c.Respelt != 1 || c.Review != 1 || len(gone) != 0 {
		t.Errorf("carried %+v, %d gone; want 2 kept, 1 respelt, 1 to review", c, len(gone))
	}
	s := fresh[0].Segments()[0]
	if s.State != handoff.Final || s.Target.PlainText() != "Жакиянов свободен." || s.Was != "" {
		t.Errorf("the respelt sentence: %v %q was %q, want final, its translation, nothing to review", s.State, s.Target.PlainText(), s.Was)
	}
	if s := fresh[0].Segments()[1]; s.State != handoff.NeedsReview {
		t.Errorf("a fix and another edit: %v, want to review", s.State)
	}

	// merge, before extract: the translation is published.
	got, _ := match(units([]string{"Zhakiyanov is free.", "Kazakhstan voted on Monday for a new parliament."}, []string{"He intends to return to business."}), old(), concepts)
	want := []Readiness{Done, Stale, Done}
	for i, g := range got {
		if g.readiness != want[i] {
			t.Errorf("merge: sentence %d is %v, want %v", i+1, g.readiness, want[i])
		}
	}
	if got[0].target.PlainText() != "Жакиянов свободен." {
		t.Errorf("merge publishes %q", got[0].target.PlainText())
	}

	// Without a glossary, a respelt sentence is to review, as any change.
	fresh = units([]string{"Zhakiyanov is free.", "Kazakstan voted on Sunday for a new parliament."}, []string{"He intends to return to business."})
	if c, _, _ := reconcile(fresh, old(), nil); c.Review != 1 || c.Respelt != 0 {
		t.Errorf("without a glossary: carried %+v, want 1 to review", c)
	}
	if c, _, _ := reconcile(fresh, old(), func() *glossary.Matcher { return nil }); c.Review != 1 {
		t.Errorf("with a glossary that cannot be loaded: carried %+v, want 1 to review", c)
	}
}
