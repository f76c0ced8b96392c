package corpus

import (
	"fmt"
	"io"
	"math/rand/v2"
	"strings"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/glossary"
	"github.com/loctool/loctool/translit"
)

// Glossary makes n person concepts with Kazakh-like surnames, each with
// its Kazakh and Russian Cyrillic forms and an English preferred
// spelling, deterministically from seed.
func Glossary(n int, seed uint64) []*glossary.Concept {
	r := rand.New(rand.NewPCG(seed, seed^0x5eed))
	starts := []string{"Ну", "Жа", "Қа", "Ер", "Ас", "Ба", "Да", "Ма", "Са", "Та", "Ай", "Ға", "Ұл", "Ша", "Тө", "Бе", "Әл", "Құ", "Се", "Ке", "Мұ", "Жү", "Ор", "Ис", "Ті"}
	middles := []string{"р", "л", "н", "қ", "ж", "м", "б", "с", "т", "ш", "рж", "лт", "нс", "қт", "ңғ", "зб"}
	vowels := []string{"а", "е", "ы", "і", "о", "ұ", "ү", "ә", "и"}
	ends := []string{"ов", "ев", "ин", "баев", "ханов", "беков", "шин", "ұлы", "енов", "алиев"}
	toRussian := strings.NewReplacer("қ", "к", "ғ", "г", "ұ", "у", "ү", "у", "ә", "а", "ө", "о", "і", "и", "ң", "н", "һ", "х",
		"Қ", "К", "Ғ", "Г", "Ұ", "У", "Ү", "У", "Ә", "А", "Ө", "О", "І", "И", "Ң", "Н")
	press, _ := translit.Lookup("wikipedia")
	seen := map[string]bool{}
	var out []*glossary.Concept
	for len(out) < n {
		var b strings.Builder
		b.WriteString(starts[r.IntN(len(starts))])
		for range 1 + r.IntN(2) {
			b.WriteString(middles[r.IntN(len(middles))])
			b.WriteString(vowels[r.IntN(len(vowels))])
		}
		b.WriteString(ends[r.IntN(len(ends))])
		kk := b.String()
		ru := toRussian.Replace(kk)
		en := press.Romanize(ru)
		if seen[strings.ToLower(en)] {
			continue
		}
		seen[strings.ToLower(en)] = true
		out = append(out, &glossary.Concept{
			ID:     fmt.Sprintf("person-%05d", len(out)+1),
			Kind:   glossary.Person,
			Source: map[language.Tag][]string{language.Russian: {ru}, language.Kazakh: {kk}},
			Terms:  map[language.Tag]*glossary.Terms{language.English: {Preferred: en}, language.Russian: {Preferred: ru}},
		})
	}
	return out
}

// WriteVariants writes every Latin spelling loctool looks for of the
// concepts, one a line: their English spellings and the variants
// generated from their Cyrillic forms. It returns how many it wrote.
func WriteVariants(w io.Writer, concepts []*glossary.Concept) (int, error) {
	seen := map[string]bool{}
	n := 0
	write := func(s string) error {
		if seen[strings.ToLower(s)] {
			return nil
		}
		seen[strings.ToLower(s)] = true
		n++
		_, err := fmt.Fprintln(w, s)
		return err
	}
	for _, c := range concepts {
		if t := c.Terms[language.English]; t != nil {
			if err := write(t.Preferred); err != nil {
				return n, err
			}
		}
		for lang, forms := range c.Source {
			for _, f := range forms {
				for _, v := range glossary.Variants(f, lang) {
					if isLatin(v.Text) {
						if err := write(v.Text); err != nil {
							return n, err
						}
					}
				}
			}
		}
	}
	return n, nil
}

func isLatin(s string) bool {
	for _, r := range s {
		if r > 0x24F {
			return false
		}
	}
	return true
}
