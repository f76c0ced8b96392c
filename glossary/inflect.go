package glossary

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// This file holds how the words of a Russian or Kazakh spelling change
// in a text: which part of each word stays (its stem) and which endings
// may follow. A text's word is a form of a spelling's word when it is
// the stem and one of those endings.
//
// Russian declines each word of a noun phrase: the adjectives agree with
// their noun (Чёрное море, Чёрного моря, Чёрному морю), the words after
// the head noun keep their case (Министерства иностранных дел), the parts
// of a hyphenated word but the last keep their form (Усть-Каменогорска),
// and foreign names ending in a vowel other than а and я do not decline
// at all (Алматы, Актау, Актобе). Kazakh adds suffixes to the last word
// of a phrase only (Жамбыл облысында), in a fixed order (plural,
// possessive, case), each in the vowel of the word before it (back а ы
// or front е і) and beginning with the consonant its last sound calls
// for (Алматыда, Шымкентте, Тоқаевтың).
//
// The endings are those of inflection only: a derived word (Черноморский,
// Алматинская, Алматылық, казахстанский) takes a suffix no list here
// has, and is not a form of the spelling. The matcher does not check
// that the words of a phrase agree in case: texts write agreeing forms,
// and a phrase of words that do not agree is none of another spelling.

// wordForm is how a Cyrillic word of a spelling matches the words of a
// text.
type wordForm struct {
	// stem is the part of the word its forms share: the word's key
	// itself (see wordKey) for a word that does not change.
	stem string
	// ends are the endings that may follow the stem, that of the word
	// itself included; nil for a word that does not change.
	ends []string
	// capital is set for a proper name in a language that capitalises
	// them: the text's word begins with a capital letter too, so that the
	// city Семей is not the word семей (of families).
	capital bool
}

// matches reports whether w, a key of a text's word, is a form of the
// word whose key is key; first is the first letter of the text's word
// as written.
func (f *wordForm) matches(w, key string, first rune) bool {
	if f.capital && !unicode.IsUpper(first) {
		return false
	}
	if f.ends == nil {
		return w == key
	}
	end, ok := strings.CutPrefix(w, f.stem)
	return ok && slices.Contains(f.ends, end)
}

// spellingForms returns the keys of the words of a spelling in a
// language, for a concept of kind k, and, unless it is written in Latin
// letters, their forms.
func spellingForms(spelling string, lang language.Tag, k Kind) ([]string, []wordForm) {
	ws := words(spelling)
	keys := make([]string, len(ws))
	for i, w := range ws {
		keys[i] = wordKey(spelling[w.start:w.end])
	}
	if isLatin(spelling) || len(ws) == 0 {
		return keys, nil
	}
	out := make([]wordForm, len(ws))
	for i := range out {
		out[i].stem = keys[i]
	}
	// joined reports whether word i is a part of a hyphenated word, not
	// its last.
	joined := func(i int) bool { return i+1 < len(ws) && isHyphen(spelling[ws[i].end:ws[i+1].start]) }
	raw := func(i int) string { return spelling[ws[i].start:ws[i].end] }
	for i := range ws {
		r, _ := utf8.DecodeRuneInString(raw(i))
		out[i].capital = unicode.IsUpper(r) && unicode.Is(unicode.Cyrillic, r) && (i > 0 || len(ws) == 1)
	}
	if kazakh(lang) {
		last := len(ws) - 1
		if f := &out[last]; changes(raw(last)) {
			f.ends = kazakhEndings(keys[last], len(ws) > 1 && kazakhPossessive(keys[last]))
		}
		return keys, out
	}
	head := false // the head noun of the phrase is behind
	for i := range ws {
		w := raw(i)
		if joined(i) || !changes(w) {
			continue
		}
		if head && !unicode.IsUpper(firstRune(w)) {
			// A complement of the head, in a case of its own:
			// Министерство иностранных дел. A name after it declines
			// with it, or may: Касым-Жомарт Токаев, озеро Балхаш.
			continue
		}
		stem, ends, noun := russianForms(keys[i], unicode.IsUpper(firstRune(w)), i == len(ws)-1, k)
		if ends != nil {
			out[i].stem, out[i].ends = stem, ends
		}
		if noun {
			head = true
		}
	}
	return keys, out
}

// kazakh reports whether a language is Kazakh.
func kazakh(lang language.Tag) bool {
	if lang == language.Kazakh {
		return true
	}
	base, _ := lang.Base()
	return base.String() == "kk"
}

// isHyphen reports whether the text between two words joins them into
// one: a hyphen, with nothing around it.
func isHyphen(between string) bool {
	switch between {
	case "-", "‐", "‑":
		return true
	}
	return false
}

// changes reports whether a word of a spelling can take endings: a
// Cyrillic word of more than one letter that is not an abbreviation
// (КНБ, ЕАЭС).
func changes(w string) bool {
	if !cyrillicStart(w) {
		// A text's word that begins with another letter is looked up
		// whole (see Matcher.candidates).
		return false
	}
	n, upper := 0, 0
	for _, r := range w {
		n++
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return n > 1 && upper < n
}

// The endings of Russian words in every case, singular and, for common
// nouns, plural, by the ending of the dictionary form.
var (
	// Adjectives, hard and soft, in every gender and number: Чёрное,
	// Чёрного, Жамбылской, Жамбылскую, Верховным.
	adjectiveEnds = []string{"ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ую", "юю", "ых", "их", "ыми", "ими", "ей", "ою", "ею"}
	// Adjectives naming a man (Достоевский, Толстой): a woman's name is a
	// concept of its own.
	adjectiveMasculineEnds = []string{"ый", "ий", "ой", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем"}
	// Adjectives naming a woman (Толстая).
	adjectiveFeminineEnds = []string{"ая", "яя", "ой", "ей", "ую", "юю", "ою", "ею"}
	// Masculine nouns ending in a consonant: суд, суда, суду, судом, суде;
	// after ж ш ч щ ц, -ем.
	consonantEnds       = []string{"", "а", "у", "ом", "ем", "е"}
	consonantPluralEnds = []string{"ы", "и", "ов", "ев", "ей", "ам", "ами", "ах"}
	// Men's surnames in -ов, -ев, -ин, -ын: Токаев, Токаева, Токаеву,
	// Токаевым, о Токаеве. The plural and the feminine (Токаевы,
	// Токаевой) are other people's.
	surnameEnds = []string{"", "а", "у", "ым", "е"}
	// A name in -ов, -ин of a concept that is not known to be a person:
	// a town's instrumental (Ростовом) or a man's (Токаевым).
	surnameOrPlaceEnds = []string{"", "а", "у", "ом", "ым", "е"}
	// Women's surnames in -ова, -ева, -ина: Назарбаева, Назарбаевой,
	// Назарбаеву. Not -е or -ы, which are forms of the man's surname or
	// of the family.
	feminineSurnameEnds = []string{"а", "ой", "у", "ою"}
	// Nouns in -а: Астана, Астаны, Астане, Астану, Астаной.
	aEnds       = []string{"а", "ы", "и", "е", "у", "ой", "ою"}
	aPluralEnds = []string{"ам", "ами", "ах"}
	// Nouns in -я after a consonant or -ья: Дарья, Дарьи, Дарье.
	yaEnds       = []string{"я", "и", "е", "ю", "ей", "ею"}
	yaPluralEnds = []string{"ям", "ями", "ях"}
	// Nouns in -ия: Азия, Азии, Азию, Азией; партий.
	iyaEnds = []string{"я", "и", "ю", "ей", "ею", "й"}
	// Nouns in -ь, masculine and feminine: область, области, областью;
	// Кремль, Кремля, Кремлём.
	softEnds       = []string{"ь", "и", "я", "ю", "е", "ем", "ью", "ей"}
	softPluralEnds = []string{"ям", "ями", "ях"}
	// Nouns in -й after a vowel: Семей, Семея, Семею, Семеем, Семее;
	// Геннадий, Геннадии.
	yEnds       = []string{"й", "я", "ю", "ем", "е", "и"}
	yPluralEnds = []string{"ев", "ям", "ями", "ях"}
	// Neuter nouns in -о: Министерство, Министерства, Министерству.
	oEnds       = []string{"о", "а", "у", "ом", "е"}
	oPluralEnds = []string{"ам", "ами", "ах"}
	// Neuter nouns in -е, -ие, -ье: море, моря, морю, морем; собрании.
	eEnds       = []string{"е", "я", "ю", "ем", "и"}
	ePluralEnds = []string{"ей", "ям", "ями", "ях"}
	// Plural nouns: казахи, казахов, казахам, казахами, казахах.
	pluralEnds = []string{"ы", "и", "ов", "ев", "ей", "ам", "ям", "ами", "ями", "ах", "ях"}
)

// paradigm is the endings of a Russian noun, and its plural endings.
type paradigm struct{ singular, all []string }

func newParadigm(singular, plural []string) paradigm {
	return paradigm{singular, slices.Concat(singular, plural)}
}

// of returns the endings of a proper name, which is not plural, or of a
// common noun.
func (p paradigm) of(proper bool) []string {
	if proper {
		return p.singular
	}
	return p.all
}

var (
	aNoun         = newParadigm(aEnds, aPluralEnds)
	iyaNoun       = newParadigm(iyaEnds, yaPluralEnds)
	yaNoun        = newParadigm(yaEnds, yaPluralEnds)
	softNoun      = newParadigm(softEnds, softPluralEnds)
	yNoun         = newParadigm(yEnds, yPluralEnds)
	oNoun         = newParadigm(oEnds, oPluralEnds)
	eNoun         = newParadigm(eEnds, ePluralEnds)
	consonantNoun = newParadigm(consonantEnds, consonantPluralEnds)
)

// russianForms returns the stem and endings of a Russian word, key, of a
// spelling: proper is set when it is written with a capital letter, final
// when it ends the spelling. noun reports whether the word is a noun
// (the head of its phrase), not an adjective. ends is nil for a word that
// does not decline. key has е for ё (see wordKey).
func russianForms(key string, proper, final bool, k Kind) (stem string, ends []string, noun bool) {
	n := utf8.RuneCountInString(key)
	if n < 2 {
		return "", nil, true
	}
	last, size := utf8.DecodeLastRuneInString(key)
	prev, prevSize := utf8.DecodeLastRuneInString(key[:len(key)-size])
	before, _ := utf8.DecodeLastRuneInString(key[:len(key)-size-prevSize]) // the letter before the last two
	end2 := key[len(key)-size-prevSize:]
	cut := func(ending string) string { return key[:len(key)-len(ending)] }
	has := func(endings ...string) bool { return hasSuffix(key, endings) }
	person := k == Person
	known := k != "" && !person // a place, an organisation or a term
	switch {
	// Adjectives: Чёрное, Жамбылская, Верховный, Казахский, Средний.
	case n > 3 && has("ый", "ой", "ая", "яя", "ое", "ее", "ые"),
		n > 3 && has("ий", "ие") && strings.ContainsRune("кгхжшчщн", before):
		switch {
		case person && proper && has("ая", "яя"):
			return cut(end2), adjectiveFeminineEnds, false
		case person && proper:
			return cut(end2), adjectiveMasculineEnds, false
		}
		return cut(end2), adjectiveEnds, false
	// Surnames: Токаев, Назарбаева.
	case proper && !known && final && n > 4 && has("ова", "ева", "ина", "ына"):
		return cut("а"), feminineSurnameEnds, true
	case proper && !known && n > 3 && has("ов", "ев", "ин", "ын"):
		if person {
			return key, surnameEnds, true
		}
		return key, surnameOrPlaceEnds, true
	}
	stem = key[:len(key)-size]
	switch {
	case last == 'а':
		return stem, aNoun.of(proper), true
	case last == 'я' && prev == 'и':
		return stem, iyaNoun.of(proper), true
	case last == 'я':
		return stem, yaNoun.of(proper), true
	case last == 'ь':
		return stem, softNoun.of(proper), true
	case last == 'й' && strings.ContainsRune(russianVowels, prev):
		return stem, yNoun.of(proper), true
	case last == 'о' || last == 'е':
		// Russian neuter nouns decline (море, озеро, Министерство,
		// Поволжье); foreign names do not (Актобе, Душанбе, Фрунзе).
		switch {
		case proper && !has("ство", "ие", "ье", "ще", "це", "ре", "ро", "ле", "ло"):
			return "", nil, true
		case last == 'о':
			return stem, oNoun.of(proper), true
		}
		return stem, eNoun.of(proper), true
	case (last == 'ы' || last == 'и') && !proper:
		// A common noun in the plural: казахи.
		return stem, pluralEnds, true
	case strings.ContainsRune(russianVowels, last):
		// Foreign names ending in a vowel: Алматы, Актау, Атырау,
		// Туркменбаши. Russian plural names (Каракумы) decline, and are
		// taken for these.
		return "", nil, true
	}
	return key, consonantNoun.of(proper), true
}

const russianVowels = "аеиоуыэюя"

// hasSuffix reports whether s ends in one of the endings.
func hasSuffix(s string, endings []string) bool {
	for _, e := range endings {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}

// kazakhPossessive reports whether a Kazakh word ends in the suffix of
// the third person possessive, as the last word of a compound name does
// (Жамбыл облысы, Каспий теңізі, Қазақстан темір жолы): its case
// suffixes then begin with н (облысында, теңізінің).
func kazakhPossessive(key string) bool {
	rs := []rune(key)
	n := len(rs)
	return n > 2 && (rs[n-1] == 'ы' || rs[n-1] == 'і') && !strings.ContainsRune(kazakhVowels, rs[n-2])
}

const (
	kazakhVowels = "аәеиоөұүыіэюяёу"
	backVowels   = "аоұыя"
	frontVowels  = "әеіөүэё"
)

// kazakhEndings returns the suffixes a Kazakh word, key, may take:
// plural, third person possessive and case, in that order, and the
// locative's -ғы (Алматыдағы). possessive says the word already ends in
// the possessive suffix. The vowel of each suffix is back or front as
// the word's last vowel is; its first consonant depends on the sound
// before it.
func kazakhEndings(key string, possessive bool) []string {
	var out []string
	for _, back := range harmonies(key) {
		h := 0
		if back {
			h = 1
		}
		if possessive {
			out = append(out, kazakhSuffixes[h][possessed]...)
		} else {
			out = append(out, kazakhSuffixes[h][lastSound(key)]...)
		}
	}
	return out
}

// kazakhSuffixes are the suffixes of kazakhEndings, with front vowels
// and with back ones, after each sound, and after a possessive suffix.
var kazakhSuffixes = func() (t [2][possessed + 1][]string) {
	for h := range t {
		for final := range t[h] {
			var out []string
			add := func(suffix string) {
				if h == 0 {
					suffix = frontSuffix.Replace(suffix)
				}
				out = append(out, suffix)
			}
			add("")
			if final := sound(final); final == possessed {
				for _, c := range afterPossessive {
					add(c)
				}
			} else {
				for _, c := range kazakhCases(final) {
					add(c)
				}
				poss := "ы"
				if final == vowel {
					poss = "сы"
				}
				add(poss)
				for _, c := range afterPossessive {
					add(poss + c)
				}
				plural := [...]string{vowel: "лар", sonorant: "лар", nasal: "дар", voiced: "дар", voiceless: "тар"}[final]
				add(plural)
				for _, c := range kazakhCases(sonorant) { // after р
					add(plural + c)
				}
				add(plural + "ы")
				for _, c := range afterPossessive {
					add(plural + "ы" + c)
				}
			}
			t[h][final] = out
		}
	}
	return t
}()

// frontSuffix makes a suffix written with back vowels front.
var frontSuffix = strings.NewReplacer("а", "е", "ы", "і", "ғ", "г", "қ", "к")

// afterPossessive are the case suffixes after a possessive suffix.
var afterPossessive = []string{"ның", "на", "н", "нда", "ндағы", "нан", "мен"}

// sound is a class of the last sound of a Kazakh word, which decides
// the first consonant of the suffix after it.
type sound int

const (
	vowel     sound = iota
	sonorant        // р, й, у
	nasal           // м, н, ң
	voiced          // ж, з, л
	voiceless       // к, қ, п, с, т, ф, х, ц, ч, ш, щ, and б, в, г, д, which are said voiceless at the end of a word
	possessed       // the possessive suffix -ы, -і, after which case suffixes begin with н
)

// kazakhCases returns the case suffixes, with back vowels, after a sound:
// genitive, dative, accusative, locative and its -ғы, ablative and
// instrumental.
func kazakhCases(s sound) []string {
	switch s {
	case vowel:
		return []string{"ның", "ға", "ны", "да", "дағы", "дан", "мен"}
	case sonorant:
		return []string{"дың", "ға", "ды", "да", "дағы", "дан", "мен"}
	case nasal:
		return []string{"ның", "ға", "ды", "да", "дағы", "нан", "мен", "бен"}
	case voiced:
		return []string{"дың", "ға", "ды", "да", "дағы", "дан", "мен", "бен"}
	}
	return []string{"тың", "қа", "ты", "та", "тағы", "тан", "пен"}
}

// lastSound returns the class of the last sound of a Kazakh word.
func lastSound(key string) sound {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(key, "ьъ"))
	switch {
	case strings.ContainsRune("руй", r):
		// у and и end words as glides, as й does: Ақтауда, Ақтаудың.
		return sonorant
	case strings.ContainsRune(kazakhVowels, r):
		return vowel
	case strings.ContainsRune("мнң", r):
		return nasal
	case strings.ContainsRune("жзл", r):
		return voiced
	}
	return voiceless
}

// SameEndings reports whether two spellings of one word take the same
// case endings, so that an ending found on one can be carried to the
// other: they end in the same letter and, in Kazakh, whose suffixes
// follow the word's vowels, their suffixes have the same harmonies.
func SameEndings(a, b string, lang language.Tag) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	ra, _ := utf8.DecodeLastRuneInString(a)
	rb, _ := utf8.DecodeLastRuneInString(b)
	if a == "" || b == "" || ra != rb {
		return false
	}
	if base, _ := lang.Base(); base.String() != "kk" {
		return true
	}
	return slices.Equal(harmonies(a), harmonies(b))
}

// harmonies returns whether a Kazakh word takes suffixes with back
// vowels (true) or front ones (false), by its last vowel, or both when
// its vowels do not say: none is а, о, ұ, ы, я or ә, е, і, ө, ү, э, ё
// (у and ю are passed over), or the last is и, which writes ый and ій
// alike (Қариннің and Қаринның are both written). A Russian surname's
// -ов, -ев (Тоқаев, Мәсімов) follows the vowels of the name before it.
func harmonies(key string) []bool {
	if strings.HasSuffix(key, "к") || strings.HasSuffix(key, "г") {
		// A loanword ending in к or г takes front suffixes whatever its
		// vowels, as the spelling rules have it (банкке, банктің), and
		// writers also give it back ones.
		return []bool{false, true}
	}
	for _, suffix := range []string{"ова", "ева", "ёва", "ов", "ев", "ёв"} {
		if s, ok := strings.CutSuffix(key, suffix); ok && utf8.RuneCountInString(s) > 1 {
			key = s
			break
		}
	}
	for key != "" {
		r, size := utf8.DecodeLastRuneInString(key)
		key = key[:len(key)-size]
		switch {
		case r == 'и':
			return []bool{true, false}
		case strings.ContainsRune(backVowels, r):
			return []bool{true}
		case strings.ContainsRune(frontVowels, r):
			return []bool{false}
		}
	}
	return []bool{true, false}
}
