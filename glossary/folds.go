package glossary

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Variant is a spelling generated for a concept, with the reasons it was
// produced: the romanisation schemes that give it, and the folds applied.
type Variant struct {
	Text string
	Why  []string
}

// fold is one of the simplifications the press makes to romanised names.
type fold struct {
	name     string
	from, to string // in lower case
	ending   bool   // only at the end of a word
}

// folds are the journalistic simplifications of romanised names, each a
// way a romanisation is commonly written in English-language copy.
var folds = []fold{
	{name: "zh→j", from: "zh", to: "j"},
	{name: "kh→h", from: "kh", to: "h"},
	{name: "ye→e", from: "ye", to: "e"},
	{name: "iy→i", from: "iy", to: "i"},
	{name: "iy→y", from: "iy", to: "y"},
	{name: "-ayev→-aev", from: "ayev", to: "aev", ending: true},
	{name: "-aev→-ayev", from: "aev", to: "ayev", ending: true},
	{name: "-iyev→-iev", from: "iyev", to: "iev", ending: true},
	{name: "-iev→-iyev", from: "iev", to: "iyev", ending: true},
	{name: "ss→s", from: "ss", to: "s"},
}

// foldSet is a set of folds: bit i stands for folds[i].
type foldSet uint16

// names returns the names of the folds, in the order of folds.
func (s foldSet) names() []string {
	var out []string
	for i, f := range folds {
		if s&(1<<i) != 0 {
			out = append(out, f.name)
		}
	}
	return out
}

// folded is a spelling and the folds that made it.
type folded struct {
	text  string
	folds foldSet
}

// mostFolded bounds the variants folding makes of one spelling.
const mostFolded = 64

// Fold returns the spellings the journalistic folds make of a romanised
// spelling, word by word, each fold applied wherever it matches in the
// word, alone and with the others: Galymzhan Zhakiyanov gives Galymjan
// Jakiyanov, Galymjan Zhakiyanov, Galymzhan Zhakianov and so on, at most
// mostFolded of them. Each variant says which folds made it. The spelling
// itself is not among them; case follows it, word by word (Title case,
// ALL CAPS).
func Fold(s string) []Variant {
	fs := foldSpelling(s)
	out := make([]Variant, len(fs))
	for i, f := range fs {
		out[i] = Variant{Text: f.text, Why: f.folds.names()}
	}
	return out
}

// foldSpelling is Fold with the reasons as a set.
func foldSpelling(s string) []folded {
	words := strings.Fields(s)
	if len(words) == 0 {
		return nil
	}
	// Each word with its folded forms, itself first.
	forms := make([][]folded, len(words))
	for i, w := range words {
		w = strings.ToLower(w)
		forms[i] = foldWord(w)
	}
	// The combinations of the words' forms, the spelling itself first.
	combos := forms[0]
	for _, f := range forms[1:] {
		next := make([]folded, 0, min(len(combos)*len(f), mostFolded+1))
	combine:
		for _, c := range combos {
			for _, v := range f {
				if len(next) > mostFolded {
					break combine
				}
				next = append(next, folded{c.text + " " + v.text, c.folds | v.folds})
			}
		}
		combos = next
	}
	out := combos[1:min(len(combos), mostFolded+1)]
	for i := range out {
		out[i].text = recase(out[i].text, words)
	}
	return out
}

// foldWord returns a word in lower case and the forms the folds make of
// it, breadth first: each fold alone, then in pairs, and so on.
func foldWord(w string) []folded {
	out := []folded{{text: w}}
	for next := 0; next < len(out) && len(out) <= mostFolded; next++ {
		v := out[next]
		for i, f := range folds {
			if v.folds&(1<<i) != 0 {
				continue
			}
			text, ok := f.apply(v.text)
			if !ok || slices.ContainsFunc(out, func(o folded) bool { return o.text == text }) {
				continue
			}
			out = append(out, folded{text, v.folds | 1<<i})
		}
	}
	return out
}

// apply folds every match in a word, and reports whether there was one.
func (f fold) apply(w string) (string, bool) {
	if !strings.Contains(w, f.from) {
		return w, false
	}
	if !f.ending {
		return strings.ReplaceAll(w, f.from, f.to), true
	}
	// A word ends before a hyphen or an English possessive too.
	stem, rest := w, ""
	if j := strings.IndexAny(w, "-’'"); j >= 0 {
		stem, rest = w[:j], w[j:]
	}
	if !strings.HasSuffix(stem, f.from) {
		return w, false
	}
	return stem[:len(stem)-len(f.from)] + f.to + rest, true
}

// recase gives s, in lower case, the case of the words of model word by
// word: a word in capitals stays in capitals, and a capitalised word is
// capitalised.
func recase(s string, model []string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if i >= len(model) {
			break
		}
		m := model[i]
		switch {
		case strings.ToUpper(m) == m && strings.ToLower(m) != m:
			words[i] = strings.ToUpper(w)
		default:
			words[i] = capitalizeLike(w, m)
		}
	}
	return strings.Join(words, " ")
}

// capitalizeLike capitalises the first letter of w, and of each part
// after a hyphen, where model has them capitalised.
func capitalizeLike(w, model string) string {
	if !strings.Contains(w, "-") {
		if r, _ := utf8.DecodeRuneInString(model); unicode.IsUpper(r) {
			return upperFirst(w)
		}
		return w
	}
	wp, mp := strings.Split(w, "-"), strings.Split(model, "-")
	for i := range wp {
		if i < len(mp) {
			if r, _ := utf8.DecodeRuneInString(mp[i]); unicode.IsUpper(r) {
				wp[i] = upperFirst(wp[i])
			}
		}
	}
	return strings.Join(wp, "-")
}

// upperFirst returns w with its first letter a capital.
func upperFirst(w string) string {
	first, size := utf8.DecodeRuneInString(w)
	if up := unicode.ToUpper(first); up != first {
		return string(up) + w[size:]
	}
	return w
}
