package glossary

import (
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/loctool/loctool/internal/parallel"
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
	// Spelling is the glossary's spelling that matched.
	Spelling string
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
	inflects bool // Cyrillic: its words take case endings
}

// Matcher finds the spellings of a glossary's concepts in texts, all of
// them in one pass over a text.
type Matcher struct {
	byFirst map[string][]*entry // key of an entry's first word → entries, longest first
	// firsts has the bit of each key of byFirst set (see bit): most
	// words start no entry, and the bits say so faster than the map.
	firsts []uint64
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
				if listed[key(v)] || !isLatin(v) {
					continue
				}
				listed[key(v)] = true
				m.add(&entry{concept: c, lang: lang, role: Generated, spelling: v})
			}
		}
	}
	m.firsts = make([]uint64, firstsBits/64)
	for k, es := range m.byFirst {
		slices.SortStableFunc(es, func(a, b *entry) int { return len(b.words) - len(a.words) })
		m.byFirst[k] = es
		b := bit(k)
		m.firsts[b/64] |= 1 << (b % 64)
	}
	return m
}

// Generate makes the variants of every concept's Cyrillic forms, on
// every core, and keeps them with the concepts: a large glossary has tens
// of thousands of forms to romanise, and a [Cache] keeps what Generate
// made. [NewMatcher] generates what Generate has not.
func (g *Glossary) Generate() {
	for i, vs := range generate(g) {
		c := g.Concepts[i]
		c.generated, c.hasGen = vs, true
	}
}

// generate returns the variants of each concept's Cyrillic forms, its
// languages in order: those kept, and the others made on every core.
func generate(g *Glossary) [][]string {
	out := make([][]string, len(g.Concepts))
	parallel.Each(len(g.Concepts), func(i int) {
		if c := g.Concepts[i]; c.hasGen {
			out[i] = c.generated
		} else {
			out[i] = c.variants()
		}
	})
	return out
}

// variants makes the variants of the concept's Cyrillic forms.
func (c *Concept) variants() []string {
	var out []string
	langs := slices.SortedFunc(maps.Keys(c.Source), func(a, b language.Tag) int { return strings.Compare(a.String(), b.String()) })
	for _, src := range langs {
		for _, form := range c.Source[src] {
			for _, v := range variants(form, src, false) {
				out = append(out, v.Text)
			}
		}
	}
	return out
}

// firstsBits is the size of Matcher.firsts: 128 KB, which a processor's
// cache holds, and few enough keys of 10,000 concepts' spellings set that
// a word that starts none rarely finds its bit set.
const firstsBits = 1 << 20

// bit returns the bit of a key in Matcher.firsts: its FNV-1a hash.
func bit(key string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(key); i++ {
		h = (h ^ uint32(key[i])) * 16777619
	}
	return h % firstsBits
}

// latin reports whether a language is written in Latin letters.
func latin(lang language.Tag) bool {
	s, _ := lang.Script()
	return s.String() == "Latn"
}

func (m *Matcher) add(e *entry) {
	for _, w := range words(e.spelling) {
		e.words = append(e.words, wordKey(e.spelling[w.start:w.end]))
	}
	if len(e.words) == 0 {
		return
	}
	e.inflects = !isLatin(e.spelling)
	m.byFirst[e.words[0]] = append(m.byFirst[e.words[0]], e)
}

// word is where a word of a text is: a run of letters and digits.
type word struct{ start, end int }

// words cuts text into words. Apostrophes and hyphens separate words, so
// that Ablyazov’s holds Ablyazov and Nazarbayev-era holds Nazarbayev.
func words(text string) []word { return appendWords(nil, text) }

// appendWords appends the words of text to out.
func appendWords(out []word, text string) []word {
	start := -1
	for i, r := range text {
		if inWord(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, word{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, word{start, len(text)})
	}
	return out
}

// inWord reports whether r is part of a word: a letter, a digit or a
// combining mark.
func inWord(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// wordKey is key for one word, which has no spaces: cheap for ASCII.
func wordKey(w string) string {
	if !ascii(w) {
		return strings.ToLower(norm.NFC.String(w))
	}
	return strings.ToLower(w)
}

// scanner holds a text being searched and its words.
type scanner struct {
	text      string
	ws        []word
	first, at []byte // the keys of ASCII words: the first of a match, the others
}

// scanners keep the scanners of finished searches for the next ones: a
// corpus is searched file by file, and a text's words are many.
var scanners = sync.Pool{New: func() any { return new(scanner) }}

// key returns the key of word i, made in buf if the word is ASCII: then
// the key is only valid until buf is used again.
func (s *scanner) key(i int, buf *[]byte) string {
	w := s.text[s.ws[i].start:s.ws[i].end]
	if !ascii(w) {
		return wordKey(w)
	}
	b := (*buf)[:0]
	for j := 0; j < len(w); j++ {
		c := w[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	*buf = b
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// Find returns the spellings of the concepts in text, in order, none
// overlapping: where two could start, the one of more words wins.
func (m *Matcher) Find(text string) []Match {
	if len(m.byFirst) == 0 {
		return nil
	}
	s := scanners.Get().(*scanner)
	defer func() {
		s.text = ""
		scanners.Put(s)
	}()
	s.text, s.ws = text, appendWords(s.ws[:0], text)
	var out []Match
	for i := 0; i < len(s.ws); i++ {
		e, n := m.longest(s, i)
		if e == nil {
			continue
		}
		out = append(out, Match{
			Concept: e.concept, Lang: e.lang, Role: e.role, Spelling: e.spelling,
			Start: s.ws[i].start, End: s.ws[i+n-1].end,
		})
		i += n - 1
	}
	return out
}

// longest returns the entry of most words that matches at word i, and
// how many words it took.
func (m *Matcher) longest(s *scanner, i int) (*entry, int) {
	// try looks for the entries whose first word is first, the first
	// word of the text itself or, if inflected, its stem.
	try := func(first string, inflected bool) (*entry, int) {
		if b := bit(first); m.firsts[b/64]&(1<<(b%64)) == 0 {
			return nil, 0
		}
		for _, e := range m.byFirst[first] {
			if (!inflected || e.inflects) && e.matches(s, i) {
				return e, len(e.words)
			}
		}
		return nil, 0
	}
	w := s.key(i, &s.first)
	if e, n := try(w, false); e != nil {
		return e, n
	}
	if r, _ := utf8.DecodeRuneInString(w); !unicode.Is(unicode.Cyrillic, r) {
		return nil, 0
	}
	// A Cyrillic word may be the form of a stem with a case ending.
	for _, end := range endings {
		if stem, ok := strings.CutSuffix(w, end); ok && utf8.RuneCountInString(stem) >= 3 {
			if e, n := try(stem, true); e != nil {
				return e, n
			}
		}
	}
	return nil, 0
}

// matches reports whether the words of s from i on begin with the
// entry's words, the first of which has been looked up already.
func (e *entry) matches(s *scanner, i int) bool {
	if len(s.ws)-i < len(e.words) {
		return false
	}
	for j, k := range e.words[1:] {
		w := s.key(i+1+j, &s.at)
		if w != k && !(e.inflects && inflected(w, k)) {
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
