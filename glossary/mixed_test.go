package glossary

import (
	"errors"
	"strings"
	"testing"
	"unicode"
)

func TestMixedWords(t *testing.T) {
	tests := []struct {
		text string
		// want is each word reported: word=suggestion, word=latin|cyrillic
		// when either script could spell it, or word= with none.
		want []string
	}{
		{"Nursultan Nazаrbaev spoke.", []string{"Nazаrbaev=Nazarbaev"}},    // Cyrillic а
		{"Нурсултан Назарбaев выступил.", []string{"Назарбaев=Назарбаев"}}, // Latin a
		{"Назарбаeв", []string{"Назарбаeв=Назарбаев"}},                     // Latin e
		{"КАЗАХCТАН", []string{"КАЗАХCТАН=КАЗАХСТАН"}},                     // Latin C in capitals
		{"Аlmaty and Сity", []string{"Аlmaty=Almaty", "Сity=City"}},        // Cyrillic capitals
		{"Қазақстанда һәм Kazakhstаn", []string{"Kazakhstаn=Kazakhstan"}},  // Kazakh letters are Cyrillic
		{"Нурсултан Назарба́eв", []string{"Назарба́eв=Назарба́ев"}},        // a stress mark stays
		{"Ақмолa облысы", []string{"Ақмолa=Ақмола"}},                       // a Latin ending in a Kazakh word
		{"Qazaqstаn Respýblıkasy", []string{"Qazaqstаn=Qazaqstan"}},        // Kazakh Latin, with a Cyrillic а
		{"Ërlan", nil}, // Latin ë
		{"Ёрлан and Ërlan and Ёrlan", []string{"Ёrlan=Ërlan"}}, // Ё has a Latin look-alike
		{"ХХI век и XIХ век", []string{"ХХI=XXI", "XIХ=XIX"}},  // Roman numerals are Latin
		{"ХI", []string{"ХI=XI"}},
		{"IТ", []string{"IТ=IT|ІТ"}},          // as many of each: ambiguous
		{"Nazarбaev", []string{"Nazarбaev="}}, // б looks like no Latin letter
		{"Kaзakh", []string{"Kaзakh="}},       // nor з
		// Not mixed, or mixed on purpose.
		{"Nazarbayev, Назарбаев, Nazarbaev", nil},
		{"IT-компания и PR-служба", nil},
		{"ТОО«Kaspi»", nil},
		{"iPhoneом", nil},
		{"XXIв", nil},
		{"B2В, Ту154М, A4", nil},
		{"Ἀθῆναι Athens", nil},
		{"", nil},
		{"plain ASCII text", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range MixedWords(tt.text) {
			if tt.text[m.Start:m.End] != m.Word {
				t.Errorf("%q: word %q at %d:%d", tt.text, m.Word, m.Start, m.End)
			}
			s := m.Word + "=" + m.Suggestion
			if m.Alternative != "" {
				s += "|" + m.Alternative
			}
			got = append(got, s)
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("MixedWords(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestMixedWordMessages(t *testing.T) {
	for text, want := range map[string]string{
		"Nazаrbaev": "Cyrillic а (U+0430) among Latin letters; write it in Latin letters: \"Nazarbaev\"",
		"Назарбaeв": "Latin a (U+0061), e (U+0065) among Cyrillic letters; write it in Cyrillic letters: \"Назарбаев\"",
		"IТ":        "Cyrillic Т (U+0422) among Latin letters; write it in one script: \"IT\" in Latin letters, or \"ІТ\" in Cyrillic",
		"Nazarбaev": "Cyrillic б (U+0431) among Latin letters; retype the word in one script",
	} {
		m := MixedWords(text)
		if len(m) != 1 {
			t.Fatalf("%q: %v", text, m)
		}
		if got := m[0].Problem() + "; " + m[0].Advice(); got != want {
			t.Errorf("%q: %s\nwant %s", text, got, want)
		}
	}
}

// The look-alikes come from Unicode's data, both ways, of one case.
func TestLookalikes(t *testing.T) {
	l := lookalikes()
	for from, to := range map[rune]rune{'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'і': 'i', 'һ': 'h', 'ү': 'y',
		'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T', 'Х': 'X', 'І': 'I', 'ё': 'ë'} {
		if got := l[Latin][from]; got != to {
			t.Errorf("Latin look-alike of %c: %c, want %c", from, got, to)
		}
	}
	for from, to := range map[rune]rune{'a': 'а', 'e': 'е', 'o': 'о', 'p': 'р', 'c': 'с', 'y': 'у', 'x': 'х', 'i': 'і', 'h': 'һ',
		'A': 'А', 'B': 'В', 'E': 'Е', 'K': 'К', 'M': 'М', 'H': 'Н', 'O': 'О', 'P': 'Р', 'C': 'С', 'T': 'Т', 'X': 'Х', 'Y': 'У', 'ë': 'ё'} {
		if got := l[Cyrillic][from]; got != to {
			t.Errorf("Cyrillic look-alike of %c: %c, want %c", from, got, to)
		}
	}
	for _, r := range []rune{'б', 'в', 'и', 'к', 'м', 'н', 'т'} { // no lower-case Latin look-alike
		if got, ok := l[Latin][r]; ok {
			t.Errorf("%c has the Latin look-alike %c", r, got)
		}
	}
}

// A glossary spelling with a mixed-script word is an error at the word,
// in each format.
func TestGlossaryMixedScripts(t *testing.T) {
	tests := []struct {
		name, data string
		want       []string
	}{
		{"g.yaml", "concepts:\n  - id: nazarbayev\n    type: person\n    source: {ru: Назарбaев}\n    en:\n      preferred: Nursultan Nazarbayev\n      forbidden: [Nazаrbaev]\n", []string{
			`g.yaml:4:18: concept nazarbayev: source ru form "Назарбaев" mixes Latin and Cyrillic letters: Latin a (U+0061) among Cyrillic letters`,
			`g.yaml:7:19: concept nazarbayev: en forbidden spelling "Nazаrbaev" mixes Latin and Cyrillic letters: Cyrillic а (U+0430) among Latin letters`,
		}},
		{"g.yaml", "concepts:\n  - id: nazarbayev\n    en: \"Naz\\u0430rbayev\"\n", []string{
			`g.yaml:2:5: concept nazarbayev: en preferred spelling "Nazаrbayev" mixes Latin and Cyrillic letters: Cyrillic а (U+0430) among Latin letters`,
		}},
		{"g.csv", "id,en,ru\nnazarbayev,Nursultan Nazarbayev,Нурсултан Назарбaев\n", []string{
			`g.csv:2:43: concept nazarbayev: source ru form "Нурсултан Назарбaев" mixes Latin and Cyrillic letters: Latin a (U+0061) among Cyrillic letters`,
			`g.csv:2:43: concept nazarbayev: ru preferred spelling "Нурсултан Назарбaев" mixes Latin and Cyrillic letters: Latin a (U+0061) among Cyrillic letters`,
		}},
		{"g.tbx", `<?xml version="1.0"?>
<martif type="TBX"><text><body>
<termEntry id="nazarbayev">
<langSet xml:lang="en"><tig><term>Nursultan Nazаrbayev</term></tig></langSet>
</termEntry>
</body></text></martif>
`, []string{
			`g.tbx:4:45: concept nazarbayev: en preferred spelling "Nursultan Nazаrbayev" mixes Latin and Cyrillic letters: Cyrillic а (U+0430) among Latin letters`,
		}},
	}
	for _, tt := range tests {
		_, _, err := Parse([]byte(tt.data), tt.name, Langs{})
		var got []string
		for _, e := range unwrap(err) {
			var ge *Error
			if !errors.As(e, &ge) || !errors.Is(e, ErrInvalid) || !strings.Contains(ge.Hint, "write it in") {
				t.Errorf("%s: %v is not an invalid entry with a hint (%+v)", tt.name, e, ge)
			}
			got = append(got, e.Error())
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s:\n%s\nwant\n%s", tt.name, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

func unwrap(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, unwrap(e)...)
		}
		return out
	}
	if err == nil {
		return nil
	}
	return []error{err}
}

// No spelling of the built-in glossary mixes scripts.
func TestBuiltinMixedScripts(t *testing.T) {
	if err := checkScripts(Builtin(), builtinYAML, BuiltinName); err != nil {
		t.Error(err)
	}
}

func TestHasMixedWord(t *testing.T) {
	for text, want := range map[string]bool{
		"Nazаrbaev": true, "iPhoneом": true, "XXIв": true, "Назарба́eв": true, "Aᲁ": true,
		"IT-компания": false, "ТОО«Kaspi»": false, "Nazarbaev Назарбаев": false, "": false, "Ἀθῆναι": false,
	} {
		if got := HasMixedWord(text); got != want {
			t.Errorf("HasMixedWord(%q) = %v", text, got)
		}
	}
}

// FuzzMixedWords checks any text: each word is where it says, and a
// suggestion is in one script with as many letters as the word (marks
// may differ: a suggestion is NFC, which composes in one script what the
// other writes with a mark, Latin Á for Cyrillic А and U+0301, Latin ę
// for Cyrillic ҿ).
func FuzzMixedWords(f *testing.F) {
	for _, s := range []string{"Nazаrbaev Назарбaев", "IТ iPhoneом XXIв", "Назарба́eв, Ёrlan; B2В", "\xff Сity"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, m := range MixedWords(text) {
			if text[m.Start:m.End] != m.Word || !HasMixedWord(m.Word) {
				t.Fatalf("%q: %+v", text, m)
			}
			for _, s := range []string{m.Suggestion, m.Alternative} {
				if s != "" && (HasMixedWord(s) || letterCount(s) != letterCount(m.Word)) {
					t.Fatalf("%q: suggestion %q of %q", text, s, m.Word)
				}
			}
		}
	})
}

func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}
