package glossary

import (
	"testing"

	"golang.org/x/text/language"
)

// inflectionGlossary has Russian and Kazakh terms of the kinds whose
// words change: adjective and noun, noun and complement, hyphenated and
// indeclinable names, people, and accepted and forbidden spellings.
const inflectionGlossary = `concepts:
  - id: black-sea
    type: place
    ru: Чёрное море
  - id: zhambyl-region
    type: place
    ru: Жамбылская область
    kk: Жамбыл облысы
  - id: supreme-court
    type: organisation
    ru: Верховный суд
  - id: mfa
    type: organisation
    ru: Министерство иностранных дел
  - id: semey
    type: place
    ru: {preferred: Семей, accepted: [Семипалатинск]}
    kk: Семей
  - id: oskemen
    type: place
    ru: {preferred: Усть-Каменогорск, forbidden: [Усть-Каменогорскъ]}
    kk: Өскемен
  - id: tokayev-kassym-jomart
    type: person
    ru: Касым-Жомарт Токаев
    kk: Қасым-Жомарт Тоқаев
  - id: tokayev
    type: person
    ru: Токаев
    kk: Тоқаев
  - id: nazarbaev-nursultan
    type: person
    ru: Нурсултан Назарбаев
  - id: nazarbaev
    type: person
    ru: Назарбаев
  - id: nazarbaeva
    type: person
    ru: Назарбаева
  - id: almaty
    type: place
    ru: {preferred: Алматы, accepted: [Алма-Ата]}
    kk: Алматы
  - id: aktau
    type: place
    ru: Актау
    kk: Ақтау
  - id: atyrau
    type: place
    ru: Атырау
    kk: Атырау
  - id: aktobe
    type: place
    ru: Актобе
    kk: Ақтөбе
  - id: shymkent
    type: place
    ru: {preferred: Шымкент, accepted: [Чимкент]}
    kk: Шымкент
  - id: mazhilis
    type: organisation
    ru: Мажилис
    kk: Мәжіліс
  - id: kazakh
    type: term
    ru: {preferred: казахский, accepted: [казах, казахи]}
  - id: akim
    type: term
    ru: аким
    kk: әкім
  - id: caspian
    type: place
    ru: Каспийское море
    kk: Каспий теңізі
  - id: kazakhstan
    type: place
    ru: Казахстан
    kk: Қазақстан
  - id: central-asia
    type: place
    ru: {preferred: Центральная Азия, accepted: [Средняя Азия]}
  - id: kunanbaev
    type: person
    kk: Абай Құнанбайұлы
  - id: kyrgyzstan
    type: place
    ru: {preferred: Кыргызстан, accepted: [Киргизия]}
  - id: tien-shan
    type: place
    ru: Тянь-Шань
  - id: zhogorku-kenesh
    type: organisation
    ru: Жогорку Кенеш
  - id: knb
    type: organisation
    ru: Комитет национальной безопасности
    kk: {preferred: Ұлттық қауіпсіздік комитеті, accepted: [ҰҚК]}
  - id: dushanbe
    type: place
    ru: Душанбе
  - id: balkhash
    type: place
    ru: озеро Балхаш
`

func inflectionMatcher(t *testing.T) *Matcher {
	t.Helper()
	concepts, err := ParseYAML([]byte(inflectionGlossary), "g.yaml")
	if err != nil {
		t.Fatal(err)
	}
	g := New()
	g.Add(concepts)
	if err := g.Check(); err != nil {
		t.Fatal(err)
	}
	return NewMatcher(g, language.Russian, language.Kazakh)
}

func TestInflection(t *testing.T) {
	m := inflectionMatcher(t)
	tests := []struct{ text, want string }{
		// Adjective and noun, in every case.
		{"у берегов Чёрного моря", "Чёрного моря=black-sea/preferred"},
		{"к Чёрному морю", "Чёрному морю=black-sea/preferred"},
		{"над Чёрным морем", "Чёрным морем=black-sea/preferred"},
		{"о Чёрном море", "Чёрном море=black-sea/preferred"},
		{"Черное море и Черного моря", "Черное море=black-sea/preferred Черного моря=black-sea/preferred"},
		{"ЧЁРНОЕ МОРЕ", "ЧЁРНОЕ МОРЕ=black-sea/preferred"},
		{"у Че\u0308рного моря", "Че\u0308рного моря=black-sea/preferred"},
		{"глава Жамбылской области", "Жамбылской области=zhambyl-region/preferred"},
		{"в Жамбылскую область", "Жамбылскую область=zhambyl-region/preferred"},
		{"Жамбылской областью", "Жамбылской областью=zhambyl-region/preferred"},
		{"решение Верховного суда", "Верховного суда=supreme-court/preferred"},
		{"в Верховном суде", "Верховном суде=supreme-court/preferred"},
		{"у Каспийского моря", "Каспийского моря=caspian/preferred"},
		{"страны Центральной Азии и Средней Азии", "Центральной Азии=central-asia/preferred Средней Азии=central-asia/accepted"},
		// Only the head declines.
		{"глава Министерства иностранных дел", "Министерства иностранных дел=mfa/preferred"},
		{"в Министерстве иностранных дел", "Министерстве иностранных дел=mfa/preferred"},
		{"Министерства иностранного дела", ""},
		{"сотрудники Комитета национальной безопасности", "Комитета национальной безопасности=knb/preferred"},
		{"на озере Балхаш", "озере Балхаш=balkhash/preferred"},
		// Accepted and forbidden spellings decline as preferred ones do.
		{"в Семипалатинске и в Семее", "Семипалатинске=semey/accepted Семее=semey/preferred"},
		{"из Алма-Аты в Алма-Ате", "Алма-Аты=almaty/accepted Алма-Ате=almaty/accepted"},
		{"до Усть-Каменогорска", "Усть-Каменогорска=oskemen/preferred"},
		{"не Усть-Каменогорскъ, а Усть-Каменогорскъ", "Усть-Каменогорскъ=oskemen/forbidden Усть-Каменогорскъ=oskemen/forbidden"},
		{"в Усть-Каменогорске", "Усть-Каменогорске=oskemen/preferred"},
		{"в Чимкенте", "Чимкенте=shymkent/accepted"},
		{"из Киргизии", "Киргизии=kyrgyzstan/accepted"},
		{"у Тянь-Шаня", "Тянь-Шаня=tien-shan/preferred"},
		{"депутаты Жогорку Кенеша", "Жогорку Кенеша=zhogorku-kenesh/preferred"},
		// People.
		{"встреча с Касым-Жомартом Токаевым", "Касым-Жомартом Токаевым=tokayev-kassym-jomart/preferred"},
		{"указ Касым-Жомарта Токаева", "Касым-Жомарта Токаева=tokayev-kassym-jomart/preferred"},
		{"письмо Нурсултану Назарбаеву", "Нурсултану Назарбаеву=nazarbaev-nursultan/preferred"},
		{"о Назарбаеве", "Назарбаеве=nazarbaev/preferred"},
		{"Назарбаевой", "Назарбаевой=nazarbaeva/preferred"},
		{"Дарига Назарбаева", "Назарбаева=nazarbaeva/preferred"},
		{"указ Токаева", "Токаева=tokayev/preferred"},
		// Indeclinable names take no endings.
		{"в Алматы, Актау, Атырау и Актобе", "Алматы=almaty/preferred Актау=aktau/preferred Атырау=atyrau/preferred Актобе=aktobe/preferred"},
		{"в Душанбе", "Душанбе=dushanbe/preferred"},
		{"Алмата, Актауа, Актобы, Душанбы", ""},
		// Common nouns.
		{"казахов и казахам", "казахов=kazakh/accepted казахам=kazakh/accepted"},
		{"казахская степь, казахского языка", "казахская=kazakh/preferred казахского=kazakh/preferred"},
		{"акимов и акима", "акимов=akim/preferred акима=akim/preferred"},
		// Derived words are not the term.
		{"Черноморский флот", ""},
		{"Алматинская область", ""},
		{"семипалатинский полигон", ""},
		{"казахстанский и казахстанцы", ""},
		{"Токаевский", ""},
		{"многодетных семей", ""},
		{"Каспий", ""},
	}
	for _, tt := range tests {
		got := found(tt.text, m.Find(tt.text))
		if got != tt.want {
			t.Errorf("Find(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestInflectionKazakh(t *testing.T) {
	m := inflectionMatcher(t)
	tests := []struct{ text, want string }{
		{"Алматыда, Алматының, Алматыға, Алматыны, Алматыдан, Алматымен, Алматыдағы", "Алматыда=almaty/preferred Алматының=almaty/preferred Алматыға=almaty/preferred Алматыны=almaty/preferred Алматыдан=almaty/preferred Алматымен=almaty/preferred Алматыдағы=almaty/preferred"},
		{"Шымкентте, Шымкенттің, Шымкентке, Шымкенттен", "Шымкентте=shymkent/preferred Шымкенттің=shymkent/preferred Шымкентке=shymkent/preferred Шымкенттен=shymkent/preferred"},
		{"Тоқаевтың, Тоқаевқа, Тоқаевпен", "Тоқаевтың=tokayev/preferred Тоқаевқа=tokayev/preferred Тоқаевпен=tokayev/preferred"},
		{"Қасым-Жомарт Тоқаевтың жарлығы", "Қасым-Жомарт Тоқаевтың=tokayev-kassym-jomart/preferred"},
		{"Жамбыл облысында, Жамбыл облысының, Жамбыл облысына, Жамбыл облысын", "Жамбыл облысында=zhambyl-region/preferred Жамбыл облысының=zhambyl-region/preferred Жамбыл облысына=zhambyl-region/preferred Жамбыл облысын=zhambyl-region/preferred"},
		{"Каспий теңізінде, Каспий теңізіне", "Каспий теңізінде=caspian/preferred Каспий теңізіне=caspian/preferred"},
		{"Мәжіліске, Мәжілістің, Мәжілісте", "Мәжіліске=mazhilis/preferred Мәжілістің=mazhilis/preferred Мәжілісте=mazhilis/preferred"},
		{"әкімдер, әкімдердің, әкімдерге, әкімі, әкімнің, әкімдеріне", "әкімдер=akim/preferred әкімдердің=akim/preferred әкімдерге=akim/preferred әкімі=akim/preferred әкімнің=akim/preferred әкімдеріне=akim/preferred"},
		{"Ақтауда, Ақтаудың, Атырауға, Ақтөбеде", "Ақтауда=aktau/preferred Ақтаудың=aktau/preferred Атырауға=atyrau/preferred Ақтөбеде=aktobe/preferred"},
		{"Қазақстанның, Қазақстанға, Қазақстанды, Қазақстаннан", "Қазақстанның=kazakhstan/preferred Қазақстанға=kazakhstan/preferred Қазақстанды=kazakhstan/preferred Қазақстаннан=kazakhstan/preferred"},
		{"Абай Құнанбайұлының", "Абай Құнанбайұлының=kunanbaev/preferred"},
		{"ҰҚК-ның, Ұлттық қауіпсіздік комитетінің", "ҰҚК=knb/accepted Ұлттық қауіпсіздік комитетінің=knb/preferred"},
		// Not forms of the term: a demonym, an adjective, wrong harmony, a
		// case on a word that is not the last.
		{"алматылық, Алматылықтар", ""},
		{"Алматыде, Шымкентта, Тоқаевтің", ""},
		{"Жамбылда облысы", ""},
		{"алматыда", ""},
		{"Қазақстандық", ""},
	}
	for _, tt := range tests {
		got := found(tt.text, m.Find(tt.text))
		if got != tt.want {
			t.Errorf("Find(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// FindAll gives every reading of a word: Назарбаева is the woman and
// the man's genitive; Назарбаевой only the woman.
func TestInflectionReadings(t *testing.T) {
	m := inflectionMatcher(t)
	for text, want := range map[string]string{
		"Назарбаева":  "Назарбаева=nazarbaev/preferred Назарбаева=nazarbaeva/preferred",
		"Назарбаевой": "Назарбаевой=nazarbaeva/preferred",
		"Назарбаевым": "Назарбаевым=nazarbaev/preferred",
		"Назарбаеве":  "Назарбаеве=nazarbaev/preferred",
	} {
		if got := found(text, m.FindAll(text)); got != want {
			t.Errorf("FindAll(%q) = %q, want %q", text, got, want)
		}
	}
}

// An ending carries from one spelling to another that ends in the same
// letter and, in Kazakh, takes suffixes of the same harmony.
func TestSameEndings(t *testing.T) {
	kk, ru := language.Kazakh, language.Russian
	for _, tt := range []struct {
		a, b string
		lang language.Tag
		want bool
	}{
		{"Қазақстан", "Казахстан", kk, true},
		{"Жақиянов", "Жакьянов", kk, true}, // -ов follows the name's vowels: а
		{"Өскемен", "Ақсуан", kk, false},   // front е, back а
		{"Банк", "Ақсак", kk, true},        // a final к takes either harmony, in both
		{"Семей", "Семипалатинск", ru, false},
		{"Жакиянов", "ЖАКЬЯНОВ", ru, true},
		{"", "", ru, false},
	} {
		if got := SameEndings(tt.a, tt.b, tt.lang); got != tt.want {
			t.Errorf("SameEndings(%q, %q, %s) = %v, want %v", tt.a, tt.b, tt.lang, got, tt.want)
		}
	}
}
