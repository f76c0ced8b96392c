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
	return variants(cyrillic, lang, true)
}

// variants is Variants, with the reasons only if why is set: a matcher
// has no use for them, and makes the variants of thousands of names.
func variants(cyrillic string, lang language.Tag, why bool) []Variant {
	var out []Variant
	index := map[string]int{} // key → position in out
	add := func(text string, reasons func() []string) {
		text = spelling(text)
		k := strings.ToLower(text)
		if i, ok := index[k]; ok {
			if why {
				for _, w := range reasons() {
					if !slices.Contains(out[i].Why, w) {
						out[i].Why = append(out[i].Why, w)
					}
				}
			}
			return
		}
		index[k] = len(out)
		v := Variant{Text: text}
		if why {
			v.Why = reasons()
		}
		out = append(out, v)
	}
	var raw []string // the schemes' spellings as they come: most schemes spell most names alike
	for _, s := range translit.Schemes(lang) {
		r := s.Romanize(cyrillic)
		if !why && slices.Contains(raw, r) {
			continue // made already, and no reasons to add
		}
		raw = append(raw, r)
		add(r, func() []string { return []string{s.Name()} })
	}
	romanised := slices.Clone(out)
	for _, v := range romanised {
		for _, f := range foldSpelling(v.Text) {
			add(f.text, func() []string {
				var reasons []string
				for _, scheme := range v.Why {
					reasons = append(reasons, scheme+" + "+strings.Join(f.folds.names(), " + "))
				}
				return reasons
			})
		}
	}
	return out
}
