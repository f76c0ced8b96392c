package check

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/glossary"
)

// The preferred spelling takes the case ending of the spelling found
// where it declines as that one does; else check --fix says why not.
func TestInflect(t *testing.T) {
	ru, kk := language.Russian, language.Kazakh
	for _, tt := range []struct {
		preferred, spelling, found string
		lang                       language.Tag
		want                       string // "" when it cannot be told
	}{
		{"Жакиянов", "Жакьянов", "Жакьянов", ru, "Жакиянов"},
		{"Жакиянов", "Жакьянов", "Жакьянова", ru, "Жакиянова"},
		{"Жакиянов", "Жакьянов", "Жакьяновым", ru, "Жакияновым"},
		{"Жакиянов", "Жакьянов", "Жакьянову", ru, "Жакиянову"},
		{"ЖАКИЯНОВ", "Жакьянов", "ЖАКЬЯНОВА", ru, "ЖАКИЯНОВА"},
		{"Жақиянов", "Жакиянов", "Жакияновтың", kk, "Жақияновтың"},
		{"Қазақстан", "Казахстан", "Казахстанда", kk, "Қазақстанда"},
		{"Қазақстан", "Казахстан", "Казахстанның", kk, "Қазақстанның"},
		{"Семей", "Семипалатинск", "Семипалатинск", ru, "Семей"},
		{"Zhakiyanov", "Jakiyanov", "jakiyanov", language.English, "Zhakiyanov"},

		// Another declension: Семей is not Семипалатинск.
		{"Семей", "Семипалатинск", "Семипалатинске", ru, ""},
		// Алматы does not decline.
		{"Алматы", "Алма-Ата", "Алма-Ате", ru, ""},
		// Kazakh endings follow the last vowel: back а, front е.
		{"Өскемен", "Усть-Каменогорск", "Усть-Каменогорскіде", kk, ""},
		{"Шымкент", "Чимкант", "Чимкантта", kk, ""},
		// A form that only shares a stem with the spelling.
		{"Павлодарская область", "Павлодарская обл", "Павлодарской обл", ru, ""},
		// Several words.
		{"Галымжан Жакиянов", "Жакьянов", "Жакьянова", ru, ""},
	} {
		t.Run(tt.found, func(t *testing.T) {
			got, why := inflect(tt.preferred, tt.spelling, tt.found, tt.lang)
			switch {
			case tt.want == "" && why == "":
				t.Errorf("inflect(%q, %q, %q) = %q, want it refused", tt.preferred, tt.spelling, tt.found, got)
			case tt.want != "" && (why != "" || got != tt.want):
				t.Errorf("inflect(%q, %q, %q) = %q (%s), want %q", tt.preferred, tt.spelling, tt.found, got, why, tt.want)
			}
		})
	}
}

const targetGlossary = `concepts:
  - id: zhakiyanov
    type: person
    source: {ru: Жакиянов, kk: Жақиянов}
    en: Zhakiyanov
    ru: {preferred: Жакиянов, forbidden: [Жакьянов]}
    kk: {preferred: Жақиянов, forbidden: [Жакиянов]}
  - id: kazakhstan
    type: place
    en: {preferred: Kazakhstan, forbidden: [Kazakstan]}
    ru: Казахстан
    kk: {preferred: Қазақстан, forbidden: [Казахстан]}
  - id: semey
    type: place
    en: Semey
    ru: {preferred: Семей, forbidden: [Семипалатинск]}
`

// feminine adds a concept whose spelling is a form of another's.
const feminine = `
  - id: zhakyanova
    type: person
    ru: Жакьянова
`

// TargetEdits gives the fixes check --fix makes in a translation: each
// forbidden or variant spelling, inflected as it was, and none where the
// ending cannot be carried or the word is another concept's too.
func TestTargetEdits(t *testing.T) {
	checker := func(yaml string) *Checker {
		concepts, err := glossary.ParseYAML([]byte(yaml), "g.yaml")
		if err != nil {
			t.Fatal(err)
		}
		g := glossary.New()
		g.Add(concepts)
		return NewChecker(Options{Glossary: g})
	}
	plain, fem := checker(targetGlossary), checker(targetGlossary+feminine)
	for _, tt := range []struct {
		c          *Checker
		lang       language.Tag
		text, want string
	}{
		{plain, language.Russian, "Суд освободил Жакьянова 13 мая.", "Суд освободил Жакиянова 13 мая."},
		{plain, language.Russian, "Жакьянов и Жакьяновым.", "Жакиянов и Жакияновым."},
		{plain, language.Russian, "ЖАКЬЯНОВ НА СВОБОДЕ", "ЖАКИЯНОВ НА СВОБОДЕ"},
		{plain, language.Kazakh, "Жакиянов Казахстанда қалады.", "Жақиянов Қазақстанда қалады."},
		{plain, language.English, "Jakiyanov left Kazakstan.", "Zhakiyanov left Kazakhstan."},
		{plain, language.Russian, "Он в Семипалатинске.", "Он в Семипалатинске."},
		{plain, language.Russian, "Город Семипалатинск.", "Город Семей."},
		{plain, language.Russian, "Жакиянов пришёл.", "Жакиянов пришёл."},
		// A form that is another concept's spelling (Жакьянова, a woman
		// of the name) is left as it is; the nominative is not.
		{fem, language.Russian, "Суд освободил Жакьянова 13 мая.", "Суд освободил Жакьянова 13 мая."},
		{fem, language.Russian, "Жакьянов пришёл.", "Жакиянов пришёл."},
	} {
		t.Run(tt.text, func(t *testing.T) {
			edits := tt.c.TargetEdits(tt.lang, tt.text)
			got := tt.text
			for i := len(edits) - 1; i >= 0; i-- {
				e := edits[i]
				if got[e.Start:e.End] != e.Found {
					t.Fatalf("edit %+v: the text has %q there", e, got[e.Start:e.End])
				}
				got = got[:e.Start] + e.New + got[e.End:]
			}
			if got != tt.want {
				t.Errorf("fixed %q, want %q (edits %s)", got, tt.want, fmt.Sprint(edits))
			}
			if again := tt.c.TargetEdits(tt.lang, got); len(again) > 0 {
				t.Errorf("fixed again: %v", again)
			}
		})
	}
}

// A spelling check --fix cannot fix says why in its hint.
func TestTargetHintSaysWhy(t *testing.T) {
	concepts, err := glossary.ParseYAML([]byte(targetGlossary), "g.yaml")
	if err != nil {
		t.Fatal(err)
	}
	g := glossary.New()
	g.Add(concepts)
	m := glossary.NewMatcher(g, language.Russian)
	vs := targetVariants(m, "Он в Семипалатинске.", language.Russian)
	if len(vs) != 1 || !strings.Contains(vs[0].why, `may not take the ending "е"`) {
		t.Fatalf("variants %+v, want one that says the ending cannot be carried", vs)
	}
}
