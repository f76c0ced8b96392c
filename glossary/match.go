package glossary

import (
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Role is how a spelling stands in its concept.
type Role int

// The roles of a spelling.
const (
	Preferred Role = iota
	Accepted
	Forbidden
	// Generated is a spelling loctool made from the concept's Cyrillic
	// forms (see [Variants]) that the glossary does not list.
	Generated
)

var roleNames = [...]string{"preferred", "accepted", "forbidden", "generated"}

func (r Role) String() string { return roleNames[r] }

// Match is a spelling of a concept found in a text.
type Match struct {
	Concept *Concept
	Lang    language.Tag // the language of the spelling
	Role    Role
	// Spelling is the glossary's spelling that matched; Why, for a
	// generated one, says how it was made.
	Spelling string
	Why      []string
	// Start and End are the byte offsets of the text as written.
	Start, End int
}

// entry is one spelling to look for.
type entry struct {
	words    []string // keys of its words
	concept  *Concept
	lang     language.Tag
	role     Role
	spelling string
	why      []string
	inflects bool // Cyrillic: its words take case endings
}

// Matcher finds the spellings of a glossary's concepts in texts, all of
// them in one pass over a text.
type Matcher struct {
	byFirst map[string][]*entry // key of an entry's first word → entries, longest first
	langs   []language.Tag
}

// NewMatcher prepares to find the concepts' spellings in the languages
// given: their preferred, accepted and forbidden spellings and, for
// languages written in Latin letters, the variants generated from the
// concepts' Cyrillic forms.
func NewMatcher(g *Glossary, langs ...language.Tag) *Matcher {
	m := &Matcher{byFirst: map[string][]*entry{}, langs: langs}
	variants := generate(g)
	for ci, c := range g.Concepts {
		for _, lang := range langs {
			listed := map[string]bool{}
			if t := c.Terms[lang]; t != nil {
				for _, r := range t.roles() {
					role := map[string]Role{"preferred": Preferred, "accepted": Accepted, "forbidden": Forbidden}[r.role]
					m.add(&entry{concept: c, lang: lang, role: role, spelling: r.spelling})
					listed[key(r.spelling)] = true
				}
			}
			if !latin(lang) {
				continue
			}
			for _, v := range variants[ci] {
				if listed[key(v.Text)] || !isLatin(v.Text) {
					continue
				}
				listed[key(v.Text)] = true
				m.add(&entry{concept: c, lang: lang, role: Generated, spelling: v.Text, why: v.Why})
			}
		}
	}
	for k, es := range m.byFirst {
		slices.SortStableFunc(es, func(a, b *entry) int { return len(b.words) - len(a.words) })
		m.byFirst[k] = es
	}
	return m
}

// generate returns the variants of each concept's Cyrillic forms, its
// languages in order, made on every core: a large glossary has tens of
// thousands of forms to romanise.
func generate(g *Glossary) [][]Variant {
	out := make([][]Variant, len(g.Concepts))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				c := g.Concepts[i]
				langs := slices.SortedFunc(maps.Keys(c.Source), func(a, b language.Tag) int { return strings.Compare(a.String(), b.String()) })
				for _, src := range langs {
					for _, form := range c.Source[src] {
						out[i] = append(out[i], Variants(form, src)...)
					}
				}
			}
		})
	}
	for i := range g.Concepts {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// latin reports whether a language is written in Latin letters.
func latin(lang language.Tag) bool {
	s, _ := lang.Script()
	return s.String() == "Latn"
}

func (m *Matcher) add(e *entry) {
	for _, w := range words(e.spelling) {
		e.words = append(e.words, w.key)
	}
	if len(e.words) == 0 {
		return
	}
	e.inflects = !isLatin(e.spelling)
	m.byFirst[e.words[0]] = append(m.byFirst[e.words[0]], e)
}

// word is a word of a text: a run of letters and digits.
type word struct {
	key        string // lower case, NFC
	start, end int
}

// words cuts text into words. Apostrophes and hyphens separate words, so
// that Ablyazov’s holds Ablyazov and Nazarbayev-era holds Nazarbayev.
func words(text string) []word {
	out := make([]word, 0, len(text)/6)
	start := -1
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, word{wordKey(text[start:i]), start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, word{wordKey(text[start:]), start, len(text)})
	}
	return out
}

// wordKey is key for one word, which has no spaces: cheap for ASCII.
func wordKey(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return strings.ToLower(norm.NFC.String(w))
		}
	}
	return strings.ToLower(w)
}

// Find returns the spellings of the concepts in text, in order, none
// overlapping: where two could start, the one of more words wins.
func (m *Matcher) Find(text string) []Match {
	if len(m.byFirst) == 0 {
		return nil
	}
	ws := words(text) // each word's key is NFC: the offsets stay the text's
	var out []Match
	for i := 0; i < len(ws); i++ {
		e, n := m.longest(ws, i)
		if e == nil {
			continue
		}
		out = append(out, Match{
			Concept: e.concept, Lang: e.lang, Role: e.role, Spelling: e.spelling, Why: e.why,
			Start: ws[i].start, End: ws[i+n-1].end,
		})
		i += n - 1
	}
	return out
}

// longest returns the entry of most words that matches at word i, and
// how many words it took.
func (m *Matcher) longest(ws []word, i int) (*entry, int) {
	w := ws[i].key
	try := func(first string) (*entry, int) {
		for _, e := range m.byFirst[first] {
			if e.matches(ws[i:]) {
				return e, len(e.words)
			}
		}
		return nil, 0
	}
	if e, n := try(w); e != nil {
		return e, n
	}
	if r, _ := utf8.DecodeRuneInString(w); !unicode.Is(unicode.Cyrillic, r) {
		return nil, 0
	}
	// A Cyrillic word may be the form of a stem with a case ending.
	for _, end := range endings {
		if stem, ok := strings.CutSuffix(w, end); ok && utf8.RuneCountInString(stem) >= 3 {
			if e, n := try(stem); e != nil {
				return e, n
			}
		}
	}
	return nil, 0
}

// matches reports whether the entry's words begin ws.
func (e *entry) matches(ws []word) bool {
	if len(ws) < len(e.words) {
		return false
	}
	for j, k := range e.words {
		if ws[j].key != k && !(e.inflects && inflected(ws[j].key, k)) {
			return false
		}
	}
	return true
}

// inflected reports whether w is stem with a case ending.
func inflected(w, stem string) bool {
	end, ok := strings.CutPrefix(w, stem)
	return ok && slices.Contains(endings, end)
}

// endings are the case endings of Russian nouns and surnames, and the
// case suffixes of Kazakh, with their vowel and consonant alternations:
// Жакиянова, Жакиянову, Жакияновым, Назарбаевтың, Астанада.
var endings = []string{
	// Russian, singular: plural endings such as -ов would make Иванов a
	// form of Иван
	"а", "у", "ом", "ым", "е", "ой", "ою", "и", "ей", "ем", "ём", "ю", "я",
	// Kazakh: genitive, dative, accusative, locative, ablative,
	// instrumental, and the third person possessive
	"ның", "нің", "дың", "дің", "тың", "тің",
	"ға", "ге", "қа", "ке", "на", "не",
	"ны", "ні", "ды", "ді", "ты", "ті", "н",
	"да", "де", "та", "те", "нда", "нде",
	"дан", "ден", "тан", "тен", "нан", "нен",
	"мен", "бен", "пен",
	"сы", "сі", "і",
}
