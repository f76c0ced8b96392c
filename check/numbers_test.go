package check

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// Numbers are read in each text's language: English 12,500 is Russian
// and Kazakh 12 500, and not 12,5. Each case gives the messages (and
// hints, after " | ") of the findings, or none.
func TestNumbers(t *testing.T) {
	const ru, kk, en = "ru", "kk", "en"
	tests := []struct {
		from, to       string
		source, target string
		want           []string
	}{
		// en → ru: thousands and decimals.
		{en, ru, "12,500 tenge", "12 500 тенге", nil},
		{en, ru, "12,500 tenge", "12\u00a0500 тенге", nil},
		{en, ru, "12,500 tenge", "12\u202f500 тенге", nil},
		{en, ru, "12,500 tenge", "12500 тенге", nil},
		{en, ru, "12.5 percent", "12,5 процента", nil},
		{en, ru, "1,250,000.75 tenge", "1 250 000,75 тенге", nil},
		{en, ru, "12,500 tenge", "12,5 тенге", []string{`"12,500" (12500) in the source is "12,5" (12.5) in the translation`}},
		{en, ru, "12,500 tenge", "12.5 тенге", []string{`"12,500" (12500) in the source is "12.5" in the translation`}},
		{en, ru, "12,500 tenge", "12,500 тенге", []string{`"12,500" (12500) in the source is "12,500" (12.5: a comma marks decimals in Russian) in the translation | Russian writes twelve thousand five hundred 12 500, and twelve and a half 12,5`}},
		{en, ru, "12.500 tonnes", "12,500 тонны", nil},
		{en, ru, "12.5 tonnes", "12,500 тонны", []string{`"12.5" in the source is "12,500" (12.5: a comma marks decimals in Russian) in the translation | Russian writes twelve thousand five hundred 12 500, and twelve and a half 12,5`}},
		{en, ru, "2,000 people", "2 человека", []string{`"2,000" (2000) in the source is "2" in the translation`}},
		{en, ru, "100 people", "100,000 человек", []string{`"100" in the source is "100,000" (100: a comma marks decimals in Russian) in the translation | Russian writes twelve thousand five hundred 12 500, and twelve and a half 12,5`}},
		{en, ru, "100 people", "100 000 человек", []string{`"100" in the source is "100 000" (100000) in the translation`}},
		{en, ru, "12,500 tenge", "1 250 тенге", []string{`"12,500" (12500) in the source is "1 250" (1250) in the translation`}},
		{en, ru, "1,000,000 tenge", "1,000,000 тенге", nil}, // two commas cannot be decimal
		// Magnitudes.
		{en, ru, "1.5 million", "1,5 млн", nil},
		{en, ru, "1.5 million", "1,5 миллиона", nil},
		{en, ru, "1.5 million", "1 500 000", nil},
		{en, ru, "3 million", "3 000 000", nil},
		{en, ru, "$2.5bn", "2,5 млрд долларов", nil},
		{en, ru, "$2.5bn", "2,5 миллиарда долларов", nil},
		{en, ru, "$5m", "5 млн долларов", nil},
		{en, ru, "12 thousand", "12 тыс. человек", nil},
		{en, ru, "12,000", "12 тысяч", nil},
		{en, ru, "3 million", "3 млрд", []string{`"3 million" (3000000) in the source is "3 млрд" (3000000000) in the translation`}},
		{en, ru, "3 million", "3 человека", []string{`"3 million" (3000000) in the source is "3" in the translation`}},
		{en, ru, "a 100m sprint", "забег на 100 м", nil}, // metres, not millions
		{en, ru, "In 2019 thousands protested", "В 2019 году тысячи протестовали", nil},
		{en, kk, "In 2019 thousands protested", "2019 жылы мыңдаған адам наразылық білдірді", nil},
		// Percentages, ordinals, years, ranges, signs.
		{en, ru, "5%", "5 %", nil},
		{en, ru, "the 5th", "5-й", nil},
		{en, ru, "in 2024", "в 2024 году", nil},
		{en, ru, "in 2024", "в 2 024 году", nil}, // odd type, the same number
		{en, ru, "2019-2021", "2019–2021 годы", nil},
		{en, ru, "COVID-19", "COVID-19", nil},
		{en, ru, "-5 degrees", "−5 градусов", nil},
		{en, ru, "-5 degrees", "5 градусов", []string{`"-5" in the source is "5" in the translation`}},
		{en, ru, "(-5)", "(–5)", nil},
		{en, ru, "On May 13, 2003", "13 мая 2003 года", nil},
		{en, ru, "He got 7 years in 2002.", "Он получил семь лет в 2002 году.", []string{`"7" of the source is not in the translation`}},
		{en, ru, "12,500 tenge to 2,000 people", "2 000 человек получили 12,5 тенге", []string{`"12,500" (12500) in the source is "12,5" (12.5) in the translation`}},
		// en → kk.
		{en, kk, "12,500 tenge", "12 500 теңге", nil},
		{en, kk, "3.5 percent", "3,5 пайыз", nil},
		{en, kk, "5,000 people", "5 мың адам", nil},
		{en, kk, "5,000 people", "5 мыңнан астам адам", nil},
		{en, kk, "2 million", "2 миллион", nil},
		{en, kk, "the 5th", "5-ші", nil},
		{en, kk, "12,500 tenge", "12,5 теңге", []string{`"12,500" (12500) in the source is "12,5" (12.5) in the translation`}},
		{en, kk, "12,500 tenge", "12,500 теңге", []string{`"12,500" (12500) in the source is "12,500" (12.5: a comma marks decimals in Kazakh) in the translation | Kazakh writes twelve thousand five hundred 12 500, and twelve and a half 12,5`}},
		{en, kk, "2 billion", "2 млн", []string{`"2 billion" (2000000000) in the source is "2 млн" (2000000) in the translation`}},
		// ru → en.
		{ru, en, "12 500 тенге", "12,500 tenge", nil},
		{ru, en, "12,5 тенге", "12.5 tenge", nil},
		{ru, en, "1,5 млн", "1.5 million", nil},
		{ru, en, "2,5 млрд долларов", "$2.5bn", nil},
		{ru, en, "12,5 тенге", "12,500 tenge", []string{`"12,5" (12.5) in the source is "12,500" (12500) in the translation`}},
		{ru, en, "12 500 тенге", "12.500 tenge", []string{`"12 500" (12500) in the source is "12.500" (12.5: a point marks decimals in English) in the translation | English writes twelve thousand five hundred 12,500, and twelve and a half 12.5`}},
		{ru, en, "12,500 тонны", "12.5 tonnes", nil}, // Russian decimals
		{ru, en, "12,500 тонны", "12,500 tonnes", []string{`"12,500" (12.5) in the source is "12,500" (12500) in the translation`}},
		{ru, en, "12.500 тенге", "12,500 tenge", nil}, // a point in Russian copy: either
		// kk → ru.
		{kk, ru, "12 500 теңге", "12 500 тенге", nil},
		{kk, ru, "3,5 пайыз", "3,5 процента", nil},
		{kk, ru, "5 мың адам", "5 тысяч человек", nil},
		{kk, ru, "12,5 теңге", "12,500 тенге", []string{`"12,5" (12.5) in the source is "12,500" (12.5: a comma marks decimals in Russian) in the translation | Russian writes twelve thousand five hundred 12 500, and twelve and a half 12,5`}},
		{kk, ru, "3 млн", "3 млрд", []string{`"3 млн" (3000000) in the source is "3 млрд" (3000000000) in the translation`}},
		// A language without a known convention: either reading.
		{"und", "und", "12,500", "12.500", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range checkNumbers(tt.source, language.MustParse(tt.from), tt.target, language.MustParse(tt.to)) {
			s := f.message
			if f.hint != "" {
				s += " | " + f.hint
			}
			got = append(got, strings.ReplaceAll(strings.ReplaceAll(s, "\u00a0", " "), "\u202f", " "))
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s %q → %s %q:\n%s\nwant\n%s", tt.from, tt.source, tt.to, tt.target, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}
