package glossary

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func loadBuiltin(t *testing.T) *Glossary {
	t.Helper()
	g, err := Load("builtin.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestBuiltin(t *testing.T) {
	g := loadBuiltin(t)
	if len(g.Concepts) < 100 {
		t.Errorf("%d concepts, want at least 100", len(g.Concepts))
	}
	for _, c := range g.Concepts {
		if te := c.Terms[en]; te == nil || te.Preferred == "" {
			t.Errorf("%s: no preferred English spelling", c.ID)
		}
		n := 0
		for _, forms := range c.Source {
			n += len(forms)
		}
		if n == 0 {
			t.Errorf("%s: no Cyrillic source form", c.ID)
		}
		if c.Kind == "" {
			t.Errorf("%s: no type", c.ID)
		}
	}
}

func TestBuiltinKeyConcepts(t *testing.T) {
	g := loadBuiltin(t)
	for _, tc := range []struct {
		id        string
		kind      Kind
		preferred string
	}{
		{"kazakhstan", Place, "Kazakhstan"},
		{"kazakh", Term, "Kazakh"},
		{"kyrgyzstan", Place, "Kyrgyzstan"},
		{"uzbek", Term, "Uzbek"},
		{"astana", Place, "Astana"},
		{"almaty", Place, "Almaty"},
		{"bishkek", Place, "Bishkek"},
		{"tashkent", Place, "Tashkent"},
		{"dushanbe", Place, "Dushanbe"},
		{"ashgabat", Place, "Ashgabat"},
		{"caspian-sea", Place, "Caspian Sea"},
		{"nazarbaev-nursultan", Person, "Nursultan Nazarbayev"},
		{"nazarbaev", Person, "Nazarbayev"},
		{"tokayev-kassym-jomart", Person, "Kassym-Jomart Tokayev"},
		{"tokayev", Person, "Tokayev"},
		{"mirziyoyev-shavkat", Person, "Shavkat Mirziyoyev"},
		{"rahmon-emomali", Person, "Emomali Rahmon"},
		{"japarov-sadyr", Person, "Sadyr Japarov"},
		{"otunbayeva-roza", Person, "Roza Otunbayeva"},
		{"nazarbayeva-dariga", Person, "Dariga Nazarbayeva"},
		{"dck", Organisation, "Democratic Choice of Kazakhstan"},
		{"amanat", Organisation, "Amanat"},
		{"eaeu", Organisation, "Eurasian Economic Union"},
	} {
		c := g.Concept(tc.id)
		if c == nil {
			t.Errorf("no concept %s", tc.id)
			continue
		}
		if c.Kind != tc.kind {
			t.Errorf("%s: type %q, want %q", tc.id, c.Kind, tc.kind)
		}
		if got := c.Terms[en].Preferred; got != tc.preferred {
			t.Errorf("%s: en preferred %q, want %q", tc.id, got, tc.preferred)
		}
	}
}

// Today's usage: the old spellings of Kazakhstan and Kazakh are wrong,
// the old names of Astana and Almaty are fine in copy about the past.
func TestBuiltinTodaysUsage(t *testing.T) {
	g := loadBuiltin(t)
	for _, tc := range []struct {
		id, spelling string
		forbidden    bool
	}{
		{"kazakhstan", "Kazakstan", true},
		{"kazakh", "Kazak", true},
		{"kyrgyzstan", "Kirghizia", true},
		{"astana", "Nur-Sultan", false},
		{"astana", "Tselinograd", false},
		{"almaty", "Alma-Ata", false},
		{"bishkek", "Frunze", false},
		{"nazarbaev", "Nazarbaev", false},
		{"tokayev", "Tokaev", false},
	} {
		c := g.Concept(tc.id)
		if c == nil {
			t.Errorf("no concept %s", tc.id)
			continue
		}
		te := c.Terms[en]
		list := te.Accepted
		if tc.forbidden {
			list = te.Forbidden
		}
		if !containsFold(list, tc.spelling) {
			t.Errorf("%s: %q is not among %v", tc.id, tc.spelling, list)
		}
	}
}

// The variants loctool generates from a well-known person's Cyrillic
// forms include the spellings the glossary lists for them.
func TestBuiltinVariants(t *testing.T) {
	g := loadBuiltin(t)
	for _, tc := range []struct {
		id, form string
		lang     language.Tag
		want     string // a spelling the variants must include, if not empty
	}{
		{"tokayev", "Токаев", ru, "Tokayev"},
		{"nazarbaev", "Назарбаев", ru, "Nazarbayev"},
		{"tokayev-kassym-jomart", "", ru, ""},
		{"nazarbaev-nursultan", "", ru, ""},
		{"mirziyoyev", "", ru, "Mirziyoyev"},
		{"akayev", "", ru, "Akayev"},
		{"bakiyev", "", ru, "Bakiyev"},
		{"japarov", "", ru, ""},
		{"otunbayeva-roza", "", ru, ""},
	} {
		c := g.Concept(tc.id)
		if c == nil {
			t.Errorf("no concept %s", tc.id)
			continue
		}
		form := tc.form
		if form == "" {
			if len(c.Source[tc.lang]) == 0 {
				t.Errorf("%s: no %s source form", tc.id, tc.lang)
				continue
			}
			form = c.Source[tc.lang][0]
		} else if !containsFold(c.Source[tc.lang], form) {
			t.Errorf("%s: %q is not among the %s source forms %q", tc.id, form, tc.lang, c.Source[tc.lang])
		}
		var texts []string
		for _, v := range Variants(form, tc.lang) {
			texts = append(texts, v.Text)
		}
		te := c.Terms[en]
		listed := append([]string{te.Preferred}, te.Accepted...)
		found := false
		for _, s := range listed {
			if containsFold(texts, s) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: the variants of %s %q, %q, include none of %q", tc.id, tc.lang, form, texts, listed)
		}
		if tc.want != "" && !containsFold(texts, tc.want) {
			t.Errorf("%s: the variants of %s %q, %q, do not include %q", tc.id, tc.lang, form, texts, tc.want)
		}
	}
}

// A project's glossary loads over the built-in one: the sample project's
// house style (Kazak, Kazakstan, Nazarbaev) changes the built-in concepts
// of the same IDs rather than claiming their spellings a second time.
func TestBuiltinUnderProjectGlossary(t *testing.T) {
	g, err := Load("builtin.yaml", "../glossary.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{"kazakh": "Kazak", "kazakhstan": "Kazakstan", "nazarbaev": "Nazarbaev"} {
		te := g.Concept(id).Terms[en]
		if te.Preferred != want {
			t.Errorf("%s: en preferred %q, want the house style's %q", id, te.Preferred, want)
		}
		if containsFold(te.Forbidden, want) {
			t.Errorf("%s: the house style's %q is still forbidden", id, want)
		}
	}
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
