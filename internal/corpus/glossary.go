package corpus

import (
	"fmt"
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
