package glossary

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

const matchGlossary = `concepts:
  - id: zhakiyanov-galymzhan
    type: person
    source: {ru: Галымжан Жакиянов, kk: Ғалымжан Жақиянов}
    en: {preferred: Galymzhan Zhakiyanov, forbidden: [Galymjan Jakiyanov]}
    ru: Галымжан Жакиянов
    kk: Ғалымжан Жақиянов
  - id: zhakiyanov
    type: person
    source: {ru: Жакиянов}
    en: Zhakiyanov
    ru: Жакиянов
  - id: nazarbayev
    type: person
    source: {ru: Назарбаев, kk: Назарбаев}
    en: Nazarbayev
    ru: Назарбаев
    kk: Назарбаев
  - id: ablyazov
    type: person
    source: {ru: Аблязов}
    en: Ablyazov
    ru: Аблязов
  - id: ivanov
    type: person
    source: {ru: Иванов}
    en: Ivanov
    ru: Иванов
  - id: tokayev
    type: person
    source: {ru: Токаев}
    en: Tokayev
  - id: kazakh
    type: term
    en: {preferred: Kazakh, forbidden: [Kazak]}
  - id: kazakhstan
    type: place
    en: {preferred: Kazakhstan, forbidden: [Kazakstan]}
  - id: astana
    type: place
    kk: Астана
    ru: Астана
  - id: alma-ata
    type: place
    en: {preferred: Almaty, accepted: [Alma-Ata]}
`

func matcher(t *testing.T, langs ...string) *Matcher {
	t.Helper()
	concepts, err := ParseYAML([]byte(matchGlossary), "g.yaml")
	if err != nil {
		t.Fatal(err)
	}
	g := New()
	g.Add(concepts)
	if err := g.Check(); err != nil {
		t.Fatal(err)
	}
	var tags []language.Tag
	for _, l := range langs {
		tags = append(tags, language.MustParse(l))
	}
	return NewMatcher(g, tags...)
}

// found lists the matches as "text=concept/role".
func found(text string, ms []Match) string {
	var out []string
	for _, m := range ms {
		out = append(out, fmt.Sprintf("%s=%s/%s", text[m.Start:m.End], m.Concept.ID, m.Role))
	}
	return strings.Join(out, " ")
}

func TestFindEnglish(t *testing.T) {
	m := matcher(t, "en")
	tests := []struct{ text, want string }{
		{"Galymzhan Zhakiyanov was jailed.", "Galymzhan Zhakiyanov=zhakiyanov-galymzhan/preferred"},
		{"Galymjan Jakiyanov was jailed.", "Galymjan Jakiyanov=zhakiyanov-galymzhan/forbidden"},
		{"Galymjan Zhakiyanov and Jakiyanov", "Galymjan Zhakiyanov=zhakiyanov-galymzhan/generated Jakiyanov=zhakiyanov/generated"},
		{"NAZARBAEV SIGNS", "NAZARBAEV=nazarbayev/generated"},
		{"Nazarbayev’s decree, Nazarbayev's order", "Nazarbayev=nazarbayev/preferred Nazarbayev=nazarbayev/preferred"},
		{"the Nazarbayev-era elite", "Nazarbayev=nazarbayev/preferred"},
		{"Kazak president in Kazakstan", "Kazak=kazakh/forbidden Kazakstan=kazakhstan/forbidden"},
		{"Alma-Ata, now Almaty", "Alma-Ata=alma-ata/accepted Almaty=alma-ata/preferred"},
		// False friends.
		{"Kazan is in Tatarstan; Kazakhs are a people.", ""},
		{"Tokarev pistols", ""},
		{"Ablyazova, his wife, and Ivanova", ""},
		{"Kazakhstani", ""},
	}
	for _, tt := range tests {
		if got := found(tt.text, m.Find(tt.text)); got != tt.want {
			t.Errorf("Find(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestFindInflected(t *testing.T) {
	m := matcher(t, "ru", "kk")
	tests := []struct{ text, want string }{
		{"Жакиянова освободили.", "Жакиянова=zhakiyanov/preferred"},
		{"письмо Жакиянову", "Жакиянову=zhakiyanov/preferred"},
		{"с Галымжаном Жакияновым", "Галымжаном Жакияновым=zhakiyanov-galymzhan/preferred"},
		{"Назарбаевтың жарлығы", "Назарбаевтың=nazarbayev/preferred"},
		{"Астанада", "Астанада=astana/preferred"},
		{"Иван Иванов", "Иванов=ivanov/preferred"},
		{"Ивановка", ""},
	}
	for _, tt := range tests {
		if got := found(tt.text, m.Find(tt.text)); got != tt.want {
			t.Errorf("Find(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// Russian words whose case endings replace their dictionary form's, and
// overlapping readings.
func TestFindStems(t *testing.T) {
	concepts, err := ParseYAML([]byte(`concepts:
  - id: pavlodar-region
    type: place
    ru: Павлодарская область
  - id: astana
    type: place
    ru: Астана
  - id: duvanov-sergei
    type: person
    ru: Сергей Дуванов
  - id: nazarbaev
    type: person
    ru: Назарбаев
  - id: nazarbaeva
    type: person
    ru: Назарбаева
`), "g.yaml")
	if err != nil {
		t.Fatal(err)
	}
	g := New()
	g.Add(concepts)
	m := NewMatcher(g, language.Russian)
	tests := []struct{ text, want string }{
		{"бывший аким Павлодарской области", "Павлодарской области=pavlodar-region/preferred"},
		{"в Павлодарскую область", "Павлодарскую область=pavlodar-region/preferred"},
		{"в Астане и Астаной", "Астане=astana/preferred Астаной=astana/preferred"},
		{"дело Сергея Дуванова", "Сергея Дуванова=duvanov-sergei/preferred"},
		{"Назарбаев и Назарбаева", "Назарбаев=nazarbaev/preferred Назарбаева=nazarbaeva/preferred"},
		{"Назарбаевым", "Назарбаевым=nazarbaev/preferred"},
		{"Астан, Павлодар", ""},
	}
	for _, tt := range tests {
		if got := found(tt.text, m.Find(tt.text)); got != tt.want {
			t.Errorf("Find(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	all := found("Назарбаева", m.FindAll("Назарбаева"))
	if all != "Назарбаева=nazarbaev/preferred Назарбаева=nazarbaeva/preferred" && all != "Назарбаева=nazarbaeva/preferred Назарбаева=nazarbaev/preferred" {
		t.Errorf("FindAll(Назарбаева) = %q, want both readings", all)
	}
}
