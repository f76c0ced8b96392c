package glossary

import (
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/translit"
)

// Variants returns the Latin spellings a Cyrillic form of a language (ru
// or kk) is likely to take in English copy: its romanisation by each of
// the language's schemes, and the journalistic folds of those. Each
// variant gives its reasons: the schemes that produce it, and the folds.
// The variants are in a fixed order: the schemes' own spellings first,
// in the order of translit.Schemes, then the folded ones.
func Variants(cyrillic string, lang language.Tag) []Variant {
	var out []Variant
	index := map[string]int{} // key → position in out
	add := func(text string, why []string) {
		k := key(text)
		if i, ok := index[k]; ok {
			for _, w := range why {
				if !slices.Contains(out[i].Why, w) {
					out[i].Why = append(out[i].Why, w)
				}
			}
			return
		}
		index[k] = len(out)
		out = append(out, Variant{Text: spelling(text), Why: slices.Clone(why)})
	}
	schemes := translit.Schemes(lang)
	for _, s := range schemes {
		add(s.Romanize(cyrillic), []string{s.Name()})
	}
	romanised := len(out)
	for _, v := range slices.Clone(out[:romanised]) {
		for _, f := range Fold(v.Text) {
			var why []string
			for _, scheme := range v.Why {
				why = append(why, scheme+" + "+strings.Join(f.Why, " + "))
			}
			add(f.Text, why)
		}
	}
	return out
}
