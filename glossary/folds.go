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
	words := strings.Fields(s)
	if len(words) == 0 {
		return nil
	}
	// Each word with its folded forms, itself first.
	forms := make([][]Variant, len(words))
	for i, w := range words {
		forms[i] = append([]Variant{{Text: strings.ToLower(w)}}, foldWord(strings.ToLower(w))...)
	}
	combos := []Variant{{}}
	for i, f := range forms {
		var next []Variant
		for _, c := range combos {
			for _, v := range f {
				text := v.Text
				if i > 0 {
					text = c.Text + " " + v.Text
				}
				next = append(next, Variant{Text: text, Why: union(slices.Clone(c.Why), v.Why)})
				if len(next) > mostFolded {
					break
				}
			}
		}
		combos = next
	}
	var out []Variant
	for _, c := range combos[1:] { // the first is the spelling itself
		c.Text = recase(c.Text, s)
		out = append(out, c)
		if len(out) == mostFolded {
			break
		}
	}
	return out
}

// foldWord returns the folded forms of one word, in lower case.
func foldWord(w string) []Variant {
	seen := map[string]bool{w: true}
	var out []Variant
	queue := []Variant{{Text: w}}
	for len(queue) > 0 && len(out) < mostFolded {
		v := queue[0]
		queue = queue[1:]
		for _, f := range folds {
			if slices.Contains(v.Why, f.name) {
				continue
			}
			folded, ok := f.apply(v.Text)
			if !ok || seen[folded] {
				continue
			}
			seen[folded] = true
			n := Variant{Text: folded, Why: append(slices.Clone(v.Why), f.name)}
			out = append(out, n)
			queue = append(queue, n)
		}
	}
	return out
}

// apply folds every match in s, and reports whether there was one.
func (f fold) apply(s string) (string, bool) {
	if !f.ending {
		if !strings.Contains(s, f.from) {
			return s, false
		}
		return strings.ReplaceAll(s, f.from, f.to), true
	}
	words := strings.Fields(s)
	changed := false
	for i, w := range words {
		// A word ends before a hyphen or an English possessive too.
		stem, rest := w, ""
		if j := strings.IndexAny(w, "-’'"); j >= 0 {
			stem, rest = w[:j], w[j:]
		}
		if strings.HasSuffix(stem, f.from) {
			words[i] = strings.TrimSuffix(stem, f.from) + f.to + rest
			changed = true
		}
	}
	return strings.Join(words, " "), changed
}

// recase gives s, in lower case, the case of like word by word: a word
// in capitals stays in capitals, and a capitalised word is capitalised.
func recase(s, like string) string {
	words, model := strings.Fields(s), strings.Fields(like)
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
	wp, mp := strings.Split(w, "-"), strings.Split(model, "-")
	for i := range wp {
		if i < len(mp) {
			if r, _ := utf8.DecodeRuneInString(mp[i]); unicode.IsUpper(r) {
				first, size := utf8.DecodeRuneInString(wp[i])
				wp[i] = string(unicode.ToUpper(first)) + wp[i][size:]
			}
		}
	}
	return strings.Join(wp, "-")
}
