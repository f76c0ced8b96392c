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
	words    []string   // the keys of its words
	forms    []wordForm // how its words change, if it is written in Cyrillic
	concept  *Concept
	lang     language.Tag
	role     Role
	spelling string
}

// Matcher finds the spellings of a glossary's concepts in texts, all of
// them in one pass over a text.
type Matcher struct {
	byFirst map[string][]*entry // key of an entry's first word → entries, longest first
	// firsts has the bit of each key of byFirst set (see bit): most
	// words start no entry, and the bits say so faster than the map.
	firsts []uint64
	langs  []language.Tag
}

// NewMatcher prepares to find the concepts' spellings in the languages
// given: their preferred, accepted and forbidden spellings and, for
// languages written in Latin letters, the variants generated from the
// concepts' Cyrillic forms.
func NewMatcher(g *Glossary, langs ...language.Tag) *Matcher {
	variants := generate(g)
	// A spelling the glossary lists is its concept's: a variant another
	// concept's forms make of it is not that concept's.
	listed := map[claim]bool{}
	for _, c := range g.Concepts {
		for _, lang := range langs {
			if t := c.Terms[lang]; t != nil {
				for _, r := range t.roles() {
					listed[claim{lang, key(r.spelling)}] = true
				}
			}
		}
	}
	// Each concept's entries are made on every core, their words cut and
	// their forms worked out, and then put in the map in the concepts'
	// order.
	entries := make([][]*entry, len(g.Concepts))
	parallel.Each(len(g.Concepts), func(ci int) {
		c := g.Concepts[ci]
		var es []*entry
		add := func(e *entry) {
			if e.words, e.forms = spellingForms(e.spelling, e.lang, c.Kind); len(e.words) > 0 {
				es = append(es, e)
			}
		}
		for _, lang := range langs {
			if t := c.Terms[lang]; t != nil {
				for _, r := range t.roles() {
					add(&entry{concept: c, lang: lang, role: roleOf(r.role), spelling: r.spelling})
				}
			}
		}
		for _, lang := range langs {
			if !latin(lang) {
				continue
			}
			var made []string // a concept has a few variants
			for _, v := range variants[ci] {
				k := key(v)
				if slices.Contains(made, k) || listed[claim{lang, k}] || !isLatin(v) {
					continue
				}
				made = append(made, k)
				if oneWordASCII(v) {
					// Most variants are a surname: one word, its key k.
					es = append(es, &entry{words: []string{k}, concept: c, lang: lang, role: Generated, spelling: v})
					continue
				}
				add(&entry{concept: c, lang: lang, role: Generated, spelling: v})
			}
		}
		entries[ci] = es
	})
	n := 0
	for _, es := range entries {
		n += len(es)
	}
	m := &Matcher{byFirst: make(map[string][]*entry, n), langs: langs}
	for _, es := range entries {
		for _, e := range es {
			m.add(e)
		}
	}
	m.firsts = make([]uint64, firstsBits/64)
	for k, es := range m.byFirst {
		slices.SortStableFunc(es, func(a, b *entry) int { return len(b.words) - len(a.words) })
		b := bit(k)
		m.firsts[b/64] |= 1 << (b % 64)
	}
	return m
}

// oneWordASCII reports whether s is one word (see words) of ASCII
// letters and digits, whose words and keys spellingForms gives as s's
// key alone.
func oneWordASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || !asciiWord[c] {
			return false
		}
	}
	return s != ""
}

// roleOf is the Role of a role's name.
func roleOf(name string) Role {
	switch name {
	case "accepted":
		return Accepted
	case "forbidden":
		return Forbidden
	}
	return Preferred
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

// add puts an entry, its words cut, under the stem of its first word: a
// text's word is looked up by each of its beginnings (see
// Matcher.candidates).
func (m *Matcher) add(e *entry) {
	first := e.words[0]
	if e.forms != nil {
		first = e.forms[0].stem
	}
	m.byFirst[first] = append(m.byFirst[first], e)
}

// word is where a word of a text is: a run of letters and digits.
type word struct{ start, end int }

// words cuts text into words. Apostrophes and hyphens separate words, so
// that Ablyazov’s holds Ablyazov and Nazarbayev-era holds Nazarbayev.
func words(text string) []word { return appendWords(nil, text) }

// appendWords appends the words of text to out.
func appendWords(out []word, text string) []word {
	start := -1
	for i := 0; i < len(text); {
		in, size := asciiWord[text[i]&0x7f], 1
		if text[i] >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			in = inWord(r)
		}
		if in {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			out = append(out, word{start, i})
			start = -1
		}
		i += size
	}
	if start >= 0 {
		out = append(out, word{start, len(text)})
	}
	return out
}

// asciiWord says which ASCII characters are part of a word (inWord), for
// appendWords, which looks up every character of every text.
var asciiWord = func() (t [128]bool) {
	for c := range t {
		t[c] = inWord(rune(c))
	}
	return t
}()

// inWord reports whether r is part of a word: a letter, a digit or a
// combining mark.
func inWord(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// wordKey is key for one word, which has no spaces: cheap for ASCII.
// The Cyrillic ё is е, as most Russian texts write it (Чёрное, Черное).
func wordKey(w string) string {
	if !ascii(w) {
		if !norm.NFC.IsNormalString(w) {
			w = norm.NFC.String(w)
		}
		return yo.Replace(strings.ToLower(w))
	}
	return strings.ToLower(w)
}

var yo = strings.NewReplacer("ё", "е")

// scanner holds a text being searched and its words.
type scanner struct {
	text      string
	ws        []word
	first, at []byte   // the keys of ASCII words: the first of a match, the others
	keys      []string // the keys of the other words, once made; empty until one is
}

// scanners keep the scanners of finished searches for the next ones: a
// corpus is searched file by file, and a text's words are many.
var scanners = sync.Pool{New: func() any { return new(scanner) }}

// key returns the key of word i, made in buf if the word is ASCII: then
// the key is only valid until buf is used again.
func (s *scanner) key(i int, buf *[]byte) string {
	w := s.text[s.ws[i].start:s.ws[i].end]
	if !ascii(w) {
		if len(s.keys) == 0 {
			s.keys = slices.Grow(s.keys, len(s.ws))[:len(s.ws)]
		}
		if s.keys[i] == "" {
			s.keys[i] = wordKey(w)
		}
		return s.keys[i]
	}
	b := appendLowerASCII((*buf)[:0], w)
	*buf = b
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// Find returns the spellings of the concepts in text, in order, none
// overlapping: where two could start, the one of more words wins.
func (m *Matcher) Find(text string) []Match {
	var out []Match
	m.scan(text, func(s *scanner) {
		for i := 0; i < len(s.ws); i++ {
			e, n := m.longest(s, i)
			if e == nil {
				continue
			}
			out = append(out, e.match(s, i))
			i += n - 1
		}
	})
	return out
}

// scan calls f with a scanner of text, if the matcher has spellings.
func (m *Matcher) scan(text string, f func(s *scanner)) {
	if len(m.byFirst) == 0 {
		return
	}
	s := scanners.Get().(*scanner)
	defer func() {
		s.text = ""
		clear(s.keys)
		s.keys = s.keys[:0]
		scanners.Put(s)
	}()
	s.text, s.ws = text, appendWords(s.ws[:0], text)
	f(s)
}

// match is the match of the entry at word i.
func (e *entry) match(s *scanner, i int) Match {
	return Match{
		Concept: e.concept, Lang: e.lang, Role: e.role, Spelling: e.spelling,
		Start: s.ws[i].start, End: s.ws[i+len(e.words)-1].end,
	}
}

// longest returns the entry of most words that matches at word i, and
// how many words it took. Of entries of as many words, one whose words
// are the text's wins over one whose words the text has in other forms:
// Назарбаева is the woman's name before it is the man's genitive.
func (m *Matcher) longest(s *scanner, i int) (*entry, int) {
	if w := s.key(i, &s.first); !cyrillicStart(w) {
		// The common case, without inflection: the first entry that
		// matches is the longest.
		if b := bit(w); m.firsts[b/64]&(1<<(b%64)) == 0 {
			return nil, 0
		}
		for _, e := range m.byFirst[w] {
			if e.matches(s, i) > 0 {
				return e, len(e.words)
			}
		}
		return nil, 0
	}
	var best *entry
	bestN, bestQ := 0, 0
	m.candidates(s, i, func(e *entry, q int) {
		if n := len(e.words); n > bestN || n == bestN && q > bestQ {
			best, bestN, bestQ = e, n, q
		}
	})
	return best, bestN
}

// cyrillicStart reports whether s begins with a Cyrillic letter: asked of
// every word of every text, so an ASCII first byte answers at once.
func cyrillicStart(s string) bool {
	return s != "" && s[0] >= utf8.RuneSelf && unicode.Is(unicode.Cyrillic, firstRune(s))
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// candidates calls found with each entry that matches at word i, and the
// quality of the match (see entry.matches).
func (m *Matcher) candidates(s *scanner, i int, found func(e *entry, quality int)) {
	try := func(first string) {
		for _, e := range m.byFirst[first] {
			if q := e.matches(s, i); q > 0 {
				found(e, q)
			}
		}
	}
	w := s.key(i, &s.first)
	if !cyrillicStart(w) {
		if b := bit(w); m.firsts[b/64]&(1<<(b%64)) != 0 {
			try(w)
		}
		return
	}
	// A Cyrillic word is a stem and an ending: each of its beginnings
	// may be the stem of an entry's first word. The hash of each
	// beginning is on the way to the hash of the word (see bit).
	h := uint32(2166136261)
	for j := 0; j < len(w); j++ {
		h = (h ^ uint32(w[j])) * 16777619
		if j+1 < len(w) && !utf8.RuneStart(w[j+1]) {
			continue
		}
		if b := h % firstsBits; m.firsts[b/64]&(1<<(b%64)) != 0 {
			try(w[:j+1])
		}
	}
}

// FindAll returns every spelling of the concepts in text, those that
// overlap included: the Russian Назарбаева is both the genitive of
// Назарбаев and a surname of its own, and FindAll gives both concepts.
func (m *Matcher) FindAll(text string) []Match {
	var out []Match
	m.scan(text, func(s *scanner) {
		for i := range s.ws {
			m.candidates(s, i, func(e *entry, _ int) { out = append(out, e.match(s, i)) })
		}
	})
	return out
}

// matches reports how the words of s from i on are the entry's words:
// 0 when they are not, 1 when some are in another form of theirs
// (Павлодарской области for Павлодарская область, Жакиянова for
// Жакиянов), 2 when all are as the entry writes them.
func (e *entry) matches(s *scanner, i int) int {
	if len(s.ws)-i < len(e.words) {
		return 0
	}
	if e.forms == nil {
		for j, k := range e.words {
			if s.key(i+j, &s.at) != k {
				return 0
			}
		}
		return 2
	}
	q := 2
	for j, k := range e.words {
		w := s.key(i+j, &s.at)
		f := &e.forms[j]
		switch {
		case w == k && !f.capital:
		case f.matches(w, k, firstRune(s.text[s.ws[i+j].start:])):
			if w != k {
				q = 1
			}
		default:
			return 0
		}
	}
	return q
}
