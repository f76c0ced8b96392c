package translit

import (
	"fmt"
	"maps"
	"unicode"

	"golang.org/x/text/language"
)

// The tables below are written from the published standards. Each list of
// spellings follows the order of its alphabet, one spelling a letter.

// russian is the Russian alphabet, the order of the Russian tables.
const russian = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"

// kazakh holds the letters Kazakh adds to the Russian alphabet.
const kazakh = "әғқңөұүһі"

// Letter sets for context rules.
const (
	ruVowels     = "аеёиоуыэюя"
	ruConsonants = "бвгджзклмнпрстфхцчшщ"
	kkVowels     = "әөұүі"
)

// table pairs each letter of alphabet with its spelling.
func table(alphabet string, spellings ...string) map[rune]string {
	letters := []rune(alphabet)
	if len(letters) != len(spellings) {
		panic(fmt.Sprintf("translit: %d letters, %d spellings", len(letters), len(spellings)))
	}
	m := make(map[rune]string, len(letters))
	for k, r := range letters {
		m[r] = spellings[k]
	}
	return m
}

// merge returns the union of the tables; later tables win.
func merge(tables ...map[rune]string) map[rune]string {
	m := map[rune]string{}
	for _, t := range tables {
		maps.Copy(m, t)
	}
	return m
}

// endings builds word endings from pairs of Cyrillic ending and spelling.
func endings(pairs ...string) []ending {
	var list []ending
	for k := 0; k < len(pairs); k += 2 {
		list = append(list, ending{seq: []rune(pairs[k]), out: pairs[k+1]})
	}
	return list
}

var (
	ru = language.Russian
	kk = language.Kazakh
)

// bgnPCGN is BGN/PCGN 1947 for Russian. The diaeresis of ë and the middle
// dot are optional in the standard; loctool writes both, so that the
// spelling can be read back. The middle dot separates letters whose
// spellings would otherwise read as another letter: тс (t·s, not ц), шч
// (sh·ch, not щ), й and ы before а, у, ы, э (y·a, not я), ы after a vowel
// (a·y, not ай) and э after a consonant (·e, not е). The hard and soft
// signs are the typographic quotes ” and ’.
var bgnPCGN = &Scheme{
	name: "bgn-pcgn",
	lang: ru,
	letters: table(russian,
		"a", "b", "v", "g", "d", "e", "ë", "zh", "z", "i", "y",
		"k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
		"kh", "ts", "ch", "sh", "shch", "”", "y", "’", "e", "yu", "ya"),
	rules: map[rune][]rule{
		// е and ё are ye and yë initially and after vowels, й, ъ and ь.
		'е': {{prev: "^" + ruVowels + "йъь", out: "ye"}},
		'ё': {{prev: "^" + ruVowels + "йъь", out: "yë"}},
		'э': {{prev: ruConsonants, out: "·e"}},
		'ы': {
			{prev: ruVowels, next: "ауыэ", out: "·y·"},
			{prev: ruVowels, out: "·y"},
			{next: "ауыэ", out: "y·"},
		},
		'й': {{next: "ауыэ", out: "y·"}},
		'т': {{next: "с", out: "t·"}},
		'ш': {{next: "ч", out: "sh·"}},
	},
}

// iso9 is ISO 9:1995, which GOST 7.79-2000 adopts as its System A: one
// Latin letter, with diacritics, for each Cyrillic letter. The table also
// has the letters of pre-1918 Russian spelling.
var iso9 = &Scheme{
	name: "iso9",
	lang: ru,
	letters: merge(table(russian,
		"a", "b", "v", "g", "d", "e", "ë", "ž", "z", "i", "j",
		"k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
		"h", "c", "č", "š", "ŝ", "ʺ", "y", "ʹ", "è", "û", "â"),
		table("іѣѵ", "ì", "ě", "ỳ")),
}

// gost779b is GOST 7.79-2000 System B, in ASCII. The standard spells ц as
// c before i, e, y and j and as cz elsewhere; loctool reads "before" as
// before the Latin spelling of the next letter, so ц is c before е, и, ы,
// й, э and also before ё, ю, я (yo, yu, ya) and the pre-1918 і, ѣ, ѵ.
var gost779b = &Scheme{
	name: "gost779b",
	lang: ru,
	letters: merge(table(russian,
		"a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "j",
		"k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
		"x", "cz", "ch", "sh", "shh", "``", "y`", "`", "e`", "yu", "ya"),
		table("іѣѳѵ", "i'", "ye", "fh", "yh")),
	rules: map[rune][]rule{
		'ц': {{next: "еиыйэёюяіѣѵ", out: "c"}},
	},
}

// alaLC is the ALA-LC romanisation of Russian, as library catalogues use
// it: a tie (U+0361) joins the letters that spell one Cyrillic letter.
var alaLC = &Scheme{
	name: "ala-lc",
	lang: ru,
	letters: merge(table(russian,
		"a", "b", "v", "g", "d", "e", "ë", "zh", "z", "i", "ĭ",
		"k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
		"kh", "t͡s", "ch", "sh", "shch", "ʺ", "y", "ʹ", "ė", "i͡u", "i͡a"),
		table("іѣѳѵ", "ī", "i͡e", "ḟ", "ẏ")),
}

// icao is ICAO Doc 9303, 7th edition (2015), the spelling of the machine
// readable zone of Russian passports: ASCII letters only, ъ is ie and ь is
// left out.
var icao = &Scheme{
	name: "icao",
	lang: ru,
	letters: table(russian,
		"a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i",
		"k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
		"kh", "ts", "ch", "sh", "shch", "ie", "y", "", "e", "iu", "ia"),
}

// wikipediaLetters is the letter table of English Wikipedia's spelling of
// Russian, a BGN/PCGN without diacritics or signs.
var wikipediaLetters = table(russian,
	"a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y",
	"k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
	"kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya")

// wikipedia is English Wikipedia's spelling of Russian names: е is ye
// initially and after vowels and the signs; ё is yo everywhere (Artyom,
// Pyotr), also after ж, ч, ш, щ, where article titles follow the
// common English spelling instead (Khrushchev); ъ and ь are left out,
// but before и and о, whose spellings have no y of their own, they are y
// (Ilyinsky, Musiykyongiykote); the endings -ий and -ый are -y (Veliky,
// Krasny). After ы, е stays e (Naberezhnye Chelny).
var wikipedia = &Scheme{
	name:    "wikipedia",
	lang:    ru,
	letters: wikipediaLetters,
	rules: map[rune][]rule{
		'е': {{prev: "^аеёиоуэюяъь", out: "ye"}},
		'ъ': {{next: "ио", out: "y"}},
		'ь': {{next: "ио", out: "y"}},
	},
	endings: endings("ий", "y", "ый", "y"),
}

// scientific is the scholarly transliteration of Slavic linguistics.
var scientific = &Scheme{
	name: "scientific",
	lang: ru,
	letters: table(russian,
		"a", "b", "v", "g", "d", "e", "ë", "ž", "z", "i", "j",
		"k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
		"x", "c", "č", "š", "šč", "ʺ", "y", "ʹ", "è", "ju", "ja"),
}

// kkBGNPCGN is BGN/PCGN 1979 for Kazakh, as the UNGEGN Working Group on
// Romanization Systems lists it: и is ī and у is ū, the long vowels; ұ is
// u, і is i, э is ė. The optional middle dot separates н and г (n·g), which
// would otherwise read as ң.
var kkBGNPCGN = &Scheme{
	name: "kk-bgn-pcgn",
	lang: kk,
	letters: merge(table(russian,
		"a", "b", "v", "g", "d", "e", "yo", "zh", "z", "ī", "y",
		"k", "l", "m", "n", "o", "p", "r", "s", "t", "ū", "f",
		"kh", "ts", "ch", "sh", "shch", "”", "y", "’", "ė", "yu", "ya"),
		table(kazakh, "ä", "gh", "q", "ng", "ö", "u", "ü", "h", "i")),
	rules: map[rune][]rule{
		'н': {{next: "г", out: "n·"}},
	},
}

// kkLatin2021 is the Kazakh Latin alphabet of 31 letters that the
// government presented in January 2021, revising the alphabets of decree
// No. 569 (2017) and its 2018 amendment: A Ä B D E F G Ğ H I(ı) İ(i) J K L
// M N Ñ O Ö P Q R S Ş T U Ū Ü V Y Z. Ы is Y y, І is I ı, and both И and Й
// are İ i, so capitals follow Turkish casing (ı–I, i–İ); Х and Һ are both
// H. Ё, Ц, Ч, Щ, Ъ, Ь, Э, Ю and Я have no letter of their own: loctool
// spells them io, ts, ch, şş, (nothing), (nothing), e, iu and ia, the
// letters they stand for.
var kkLatin2021 = &Scheme{
	name: "kk-latin-2021",
	lang: kk,
	letters: merge(table(russian,
		"a", "b", "v", "g", "d", "e", "io", "j", "z", "i", "i",
		"k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
		"h", "ts", "ch", "ş", "şş", "", "y", "", "e", "iu", "ia"),
		table(kazakh, "ä", "ğ", "q", "ñ", "ö", "ū", "ü", "h", "ı")),
	upper: unicode.TurkishCase.ToUpper,
}

// kkPress is how Russian and English news copy spells Kazakh names: the
// Wikipedia spelling of Russian, with each Kazakh letter read as the
// Russian letter nearest to it (қ k, ғ g, ң n, ә a, ө o, ұ and ү u, і i,
// һ h). Е is ye initially and after vowels but not after у, which after
// a vowel is the consonant w in Kazakh (Әуезов is Auezov, Тоқаев
// Tokayev).
var kkPress = &Scheme{
	name: "kk-press",
	lang: kk,
	letters: merge(wikipediaLetters,
		table(kazakh, "a", "g", "k", "n", "o", "u", "u", "h", "i")),
	rules: map[rune][]rule{
		'е': {{prev: "^аеёиоэюяъь" + kkVowels, out: "ye"}},
		'ъ': {{next: "ио", out: "y"}},
		'ь': {{next: "ио", out: "y"}},
	},
	endings: endings("ий", "y", "ый", "y"),
}

// all lists every scheme, Russian then Kazakh, in the order of Schemes.
var all = []*Scheme{
	bgnPCGN, iso9, gost779b, alaLC, icao, wikipedia, scientific,
	kkBGNPCGN, kkLatin2021, kkPress,
}
