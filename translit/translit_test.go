package translit

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// romanizeTests are the spellings each scheme must give, by scheme name.
var romanizeTests = map[string][]struct{ in, want string }{
	"bgn-pcgn": {
		{"Щука", "Shchuka"},
		{"Ельцин", "Yel’tsin"},
		{"Горбачёв", "Gorbachëv"},
		{"Подъезд", "Pod”yezd"},
		{"Красные Ворота", "Krasnyye Vorota"},
		{"Советская", "Sovet·skaya"},
		{"Улан-Удэ", "Ulan-Ud·e"},
		{"Тында", "Tynda"},
	},
	"iso9": {
		{"Щука", "Ŝuka"},
		{"Жёлтый", "Žëltyj"},
		{"Хрущёв", "Hruŝëv"},
		{"Объём", "Obʺëm"},
		{"Эльдар", "Èlʹdar"},
	},
	"gost779b": {
		{"Цирк", "Cirk"},
		{"Цапля", "Czaplya"},
		{"Цюрих", "Cyurix"},
		{"Щука", "Shhuka"},
		{"Объём", "Ob``yom"},
		{"Эльдар", "E`l`dar"},
		{"Крым", "Kry`m"},
	},
	"ala-lc": {
		{"Цапля", "T͡sapli͡a"},
		{"Юлия", "I͡ulii͡a"},
		{"Эльдар", "Ėlʹdar"},
		{"Йошкар-Ола", "Ĭoshkar-Ola"},
		{"Объём", "Obʺëm"},
	},
	"icao": {
		{"Щеглова", "Shcheglova"},
		{"Объект", "Obieekt"},
		{"Царь", "Tsar"},
		{"Пётр", "Petr"},
		{"Юлия", "Iuliia"},
		{"Майя", "Maiia"},
	},
	"wikipedia": {
		{"Хрущёв", "Khrushchyov"},
		{"Пётр", "Pyotr"},
		{"Ельцин", "Yeltsin"},
		{"Бульон", "Bulyon"},
		{"Достоевский", "Dostoyevsky"},
		{"Толстой", "Tolstoy"},
		{"Горький", "Gorky"},
		{"Мариинский", "Mariinsky"},
		{"Великий Новгород", "Veliky Novgorod"},
		{"Бийск", "Biysk"},
		{"ДОСТОЕВСКИЙ", "DOSTOYEVSKY"},
	},
	"scientific": {
		{"Щука", "Ščuka"},
		{"Хрущёв", "Xruščëv"},
		{"Юрий", "Jurij"},
		{"Цой", "Coj"},
		{"Объём", "Obʺëm"},
	},
	"kk-bgn-pcgn": {
		{"Назарбаев", "Nazarbaev"},
		{"Жақиянов", "Zhaqīyanov"},
		{"Ғалымжан", "Ghalymzhan"},
		{"Қазақстан", "Qazaqstan"},
		{"Өскемен", "Öskemen"},
		{"Шымкент", "Shymkent"},
		{"Тоқаев", "Toqaev"},
		{"Ақмола", "Aqmola"},
		{"Алматы", "Almaty"},
		{"Нұрсұлтан", "Nursultan"},
		{"Үкібай", "Ükibay"},
		{"Атырау", "Atyraū"},
		{"Әуезов", "Äūezov"},
		{"Шиелі", "Shīeli"},
		{"Семей", "Semey"},
		{"Жамбыл", "Zhambyl"},
		{"Владимир", "Vladīmīr"},
		{"Маңғыстау", "Mangghystaū"},
		{"Тенгиз", "Ten·gīz"},
		{"Һ", "H"},
	},
	"kk-latin-2021": {
		{"Назарбаев", "Nazarbaev"},
		{"Жақиянов", "Jaqiianov"},
		{"Ғалымжан", "Ğalymjan"},
		{"Қазақстан", "Qazaqstan"},
		{"Өскемен", "Öskemen"},
		{"Шымкент", "Şymkent"},
		{"Тоқаев", "Toqaev"},
		{"Ақмола", "Aqmola"},
		{"Алматы", "Almaty"},
		{"Нұрсұлтан", "Nūrsūltan"},
		{"Үкібай", "Ükıbai"},
		{"Бұрыңғы", "Būryñğy"},
		{"кісі", "kısı"},
		{"үйіне", "üiıne"},
		{"Іле", "Ile"},
		{"ІЛЕ", "ILE"},
		{"Иманов", "İmanov"},
		{"ИМАНОВ", "İMANOV"},
		{"ШЫМКЕНТ", "ŞYMKENT"},
		{"шаһар", "şahar"},
		{"Хан", "Han"},
	},
	"kk-press": {
		{"Назарбаев", "Nazarbayev"},
		{"Жақиянов", "Zhakiyanov"},
		{"Ғалымжан", "Galymzhan"},
		{"Қазақстан", "Kazakstan"},
		{"Казахстан", "Kazakhstan"},
		{"Өскемен", "Oskemen"},
		{"Шымкент", "Shymkent"},
		{"Тоқаев", "Tokayev"},
		{"Ақмола", "Akmola"},
		{"Алматы", "Almaty"},
		{"Нұрсұлтан", "Nursultan"},
		{"Үкібай", "Ukibay"},
		{"Ерлан", "Yerlan"},
		{"Есіл", "Yesil"},
		{"Әуезов", "Auezov"},
		{"Қасым-Жомарт", "Kasym-Zhomart"},
		{"ЖАҚИЯНОВ", "ZHAKIYANOV"},
	},
}

func TestRomanize(t *testing.T) {
	for _, s := range all {
		tests := romanizeTests[s.Name()]
		if len(tests) == 0 {
			t.Errorf("no tests for %s", s.Name())
		}
		t.Run(s.Name(), func(t *testing.T) {
			for _, tt := range tests {
				if got := s.Romanize(tt.in); got != tt.want {
					t.Errorf("Romanize(%q) = %q, want %q", tt.in, got, tt.want)
				}
			}
		})
	}
}

func TestCase(t *testing.T) {
	bgn, _ := Lookup("bgn-pcgn")
	for _, tt := range []struct{ name, in, want string }{
		{"title", "Щука", "Shchuka"},
		{"caps", "ЩУКА", "SHCHUKA"},
		{"lower", "щука", "shchuka"},
		{"caps, last letter", "ДОЖДЬ", "DOZHD’"},
		{"caps after a hyphen", "ЙОШКАР-ОЛА", "YOSHKAR-OLA"},
		{"title after a hyphen", "Йошкар-Ола", "Yoshkar-Ola"},
		{"capital alone", "Я иду", "Ya idu"},
		{"capital alone in caps", "Я И ТЫ", "YA I TY"},
		{"capital alone after caps", "ЮЛИЯ, Я", "YULIYA, YA"},
		{"capital in a word", "ТАСС-овский", "TASS-ovskiy"},
		{"initial", "А. С. Пушкин", "A. S. Pushkin"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := bgn.Romanize(tt.in); got != tt.want {
				t.Errorf("Romanize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPassthrough(t *testing.T) {
	for _, s := range all {
		t.Run(s.Name(), func(t *testing.T) {
			for _, in := range []string{
				"",
				"Kazakh president Nursultan Nazarbaev, 13 May 2009: «OK»!",
				"東京 – Ελλάδα – ü",
				"Ї ґ Ў", // Cyrillic letters outside the scheme
			} {
				if got := s.Romanize(in); got != in {
					t.Errorf("Romanize(%q) = %q, want it unchanged", in, got)
				}
			}
		})
	}
}

// TestNFC checks that decomposed input, й as и with a breve, is read as
// the letter it stands for.
func TestNFC(t *testing.T) {
	s, _ := Lookup("iso9")
	in := "Маи\u0306ор"
	if got, want := s.Romanize(in), "Major"; got != want {
		t.Errorf("Romanize(%q) = %q, want %q", in, got, want)
	}
}

// TestTables checks that every scheme spells every letter of its
// alphabet, in lowercase, and that the names are unique.
func TestTables(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range all {
		if seen[s.Name()] {
			t.Errorf("duplicate name %s", s.Name())
		}
		seen[s.Name()] = true
		alphabet := russian
		if s.Language() == language.Kazakh {
			alphabet += kazakh
		}
		for _, r := range alphabet {
			out, ok := s.letters[r]
			if !ok {
				t.Errorf("%s: no spelling for %c", s.Name(), r)
			}
			for _, c := range out {
				if unicode.IsUpper(c) {
					t.Errorf("%s: spelling %q of %c has a capital", s.Name(), out, r)
				}
			}
		}
		if got, ok := Lookup(s.Name()); !ok || got != s {
			t.Errorf("Lookup(%q) = %v, %v", s.Name(), got, ok)
		}
	}
	if _, ok := Lookup("no-such-scheme"); ok {
		t.Error("Lookup found no-such-scheme")
	}
}

func TestSchemes(t *testing.T) {
	for _, tt := range []struct {
		lang string
		want []string
	}{
		{"ru", []string{"bgn-pcgn", "iso9", "gost779b", "ala-lc", "icao", "wikipedia", "scientific"}},
		{"ru-RU", []string{"bgn-pcgn", "iso9", "gost779b", "ala-lc", "icao", "wikipedia", "scientific"}},
		{"kk", []string{"kk-bgn-pcgn", "kk-latin-2021", "kk-press"}},
		{"kk-Cyrl-KZ", []string{"kk-bgn-pcgn", "kk-latin-2021", "kk-press"}},
		{"en", nil},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			var got []string
			for _, s := range Schemes(language.MustParse(tt.lang)) {
				got = append(got, s.Name())
			}
			if len(got) != len(tt.want) {
				t.Fatalf("Schemes(%s) = %v, want %v", tt.lang, got, tt.want)
			}
			for k := range got {
				if got[k] != tt.want[k] {
					t.Fatalf("Schemes(%s) = %v, want %v", tt.lang, got, tt.want)
				}
			}
		})
	}
}

// FuzzRomanize checks that no scheme leaves a letter of its table
// unspelled and that the output is valid UTF-8.
func FuzzRomanize(f *testing.F) {
	for _, seed := range []string{"Юлия, съешь ещё", "ЩУКА Я", "Нұрсұлтан-Ғ", "a\u0306й", "Ы", "ий"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, s := range all {
			got := s.Romanize(text)
			if !utf8.ValidString(got) {
				t.Fatalf("%s: Romanize(%q) = %q, not valid UTF-8", s.Name(), text, got)
			}
			if k := strings.IndexFunc(got, func(r rune) bool {
				_, ok := s.letters[unicode.ToLower(r)]
				return ok
			}); k >= 0 {
				t.Fatalf("%s: Romanize(%q) = %q keeps a letter of its table", s.Name(), text, got)
			}
		}
	})
}

// BenchmarkRomanize romanises a name by every Russian and Kazakh scheme,
// as variant generation does for each Cyrillic form of a glossary.
func BenchmarkRomanize(b *testing.B) {
	names := map[string]string{"ru": "Галымжан Жакиянов", "kk": "Ғалымжан Жақиянов"}
	for b.Loop() {
		for lang, name := range names {
			for _, s := range Schemes(language.MustParse(lang)) {
				s.Romanize(name)
			}
		}
	}
}
