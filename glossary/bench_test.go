package glossary_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/glossary"
	"github.com/loctool/loctool/internal/corpus"
)

// cyrillicText makes n paragraphs of Russian and Kazakh news text: plain
// sentences with names of the built-in glossary and of the generated one
// in their case forms, as translations have them.
func cyrillicText(n int, g []*glossary.Concept) (string, int) {
	r := rand.New(rand.NewPCG(1, 2))
	plain := []string{
		"По словам представителя ведомства, решение было принято после консультаций с экспертами и общественными организациями.",
		"В заявлении говорится, что работа над законопроектом продолжится в ближайшие месяцы, а его обсуждение пройдёт открыто.",
		"Журналисты не смогли получить комментарий у пресс-службы, которая не ответила на запрос до публикации материала.",
		"Бұл шешім сарапшылармен және қоғамдық ұйымдармен кеңескеннен кейін қабылданды деп хабарлады ведомство өкілі.",
	}
	names := []string{
		"в Чёрном море", "Жамбылской области", "Верховного суда", "в Семипалатинске", "Усть-Каменогорска",
		"Касым-Жомарта Токаева", "в Алматы", "Министерства иностранных дел", "Алматыда", "Шымкентте",
		"Тоқаевтың", "Жамбыл облысында", "Мәжіліске", "Назарбаеву", "Астаной", "Каспийского моря",
	}
	for _, c := range g {
		if ru := c.Terms[language.Russian]; ru != nil && len(names) < 400 {
			for _, end := range []string{"", "а", "у", "ым", "е"} {
				names = append(names, ru.Preferred+end)
			}
		}
	}
	var b strings.Builder
	for range n {
		for range 6 {
			b.WriteString(plain[r.IntN(len(plain))])
			b.WriteString(" Об этом сообщил ")
			b.WriteString(names[r.IntN(len(names))])
			b.WriteString(", а также ")
			b.WriteString(names[r.IntN(len(names))])
			b.WriteString(". ")
		}
		b.WriteString("\n\n")
	}
	return b.String(), b.Len()
}

// BenchmarkFindCyrillic finds the Russian and Kazakh spellings of the
// built-in glossary and a generated one of 10,000 people in Russian and
// Kazakh text, with the matcher built beforehand: the work term.target
// does on translations. The MB/s are of text.
func BenchmarkFindCyrillic(b *testing.B) {
	g := glossary.New()
	g.Add(glossary.Builtin())
	people := corpus.Glossary(10000, 1)
	g.Add(people)
	m := glossary.NewMatcher(g, language.Russian, language.Kazakh)
	text, n := cyrillicText(2000, people)
	b.SetBytes(int64(n))
	found := 0
	for b.Loop() {
		found = len(m.FindAll(text))
	}
	b.ReportMetric(float64(found), "matches")
}

// BenchmarkMatcherCyrillic builds the Russian and Kazakh matcher of the
// built-in glossary and a generated one of 10,000 people.
func BenchmarkMatcherCyrillic(b *testing.B) {
	g := glossary.New()
	g.Add(glossary.Builtin())
	g.Add(corpus.Glossary(10000, 1))
	g.Generate()
	for b.Loop() {
		glossary.NewMatcher(g, language.Russian, language.Kazakh)
	}
}
