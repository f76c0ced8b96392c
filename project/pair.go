package project

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/loctool/loctool/glossary"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
)

// Extract and merge both meet an earlier version of an article: the
// handoff file a translator has, whose sentences were the article's when
// it was extracted. Both pair the sentences of the article as it is now
// with that file's segments in the same way, here, and differ only in
// what they do with the pairs: extract carries the translations over,
// merge judges them.

// pair is a sentence of the article as it is now, with the segment of the
// earlier version that stands for it.
type pair struct {
	unit *handoff.Unit    // of the article now
	seg  *handoff.Segment // of the article now
	// old is the earlier segment, or nil: one with the same source
	// (exact), or, for a sentence that changed, the translated segment
	// most like it.
	old     *handoff.Segment
	oldUnit *handoff.Unit
	exact   bool
	// respelt is set, with exact, for a segment whose source differs
	// from the sentence's only in how it spells the glossary's concepts
	// (see [conceptKey]).
	respelt bool
	// whole is set when old is a translation of the whole paragraph (a
	// segment whose source is a unit's of several sentences, as tools
	// that drop segment markers write it): it stands for each sentence
	// of unit, and exact says whether the paragraph is the same.
	whole bool
}

// source is the source the old segment stands for now: the sentence's,
// or the whole paragraph's.
func (p *pair) source() inline.Content {
	if p.whole {
		return p.unit.Source()
	}
	return p.seg.Source
}

// first reports whether the pair is the first of its paragraph's, or
// not one of a paragraph translated as a whole: what is said of a
// paragraph's translation is said once.
func (p *pair) first() bool {
	return !p.whole || p.unit.Segments()[0] == p.seg
}

// pairSentences pairs the sentences of now, in order, with the segments
// of old. A segment with the same source ([inline.Content.Key]) pairs
// first: the one at the same place (unit and segment ID), else a
// translated one, else the first. A sentence with none takes the
// segment left whose source differs from its own only in white space
// that reads as one space ([spacedKey]), or else only in the spellings
// of the glossary's concepts (concepts may be nil for none), as exact. A
// sentence with none still takes the translated segment left whose
// source is most like its own, at least 70% alike: its translation from
// before the sentence changed; or, failing that, the translated segment
// left at its own place, when half of its words are the same: a short
// sentence changed in place ("Others were sceptical." → "Others were
// doubtful."). left are the translated segments no sentence took: their
// sentences are gone.
//
// A paragraph of several sentences is first paired as a whole with a
// segment whose source is the whole paragraph, a translation of the
// paragraph from a tool that dropped the segment markers; and a
// paragraph none of whose sentences is paired takes the translated
// segment left, alone in its unit and longer than any of its sentences,
// whose source is most like the paragraph, at least 70% alike: the
// paragraph's translation from before it changed.
func pairSentences(now, old []*handoff.Unit, concepts concepts) (pairs []pair, left []*handoff.Segment) {
	type id struct{ unit, seg string }
	var pool []*handoff.Segment
	var units []*handoff.Unit // each one's unit
	var keys []string         // each one's source's Key
	byID := map[id]int{}
	byKey := map[string][]int{}
	for _, u := range old {
		for _, s := range u.Segments() {
			byID[id{u.ID, s.ID}] = len(pool)
			k := s.Source.Key()
			byKey[k] = append(byKey[k], len(pool))
			pool = append(pool, s)
			units = append(units, u)
			keys = append(keys, k)
		}
	}
	used := make([]bool, len(pool))
	take := func(p *pair, i int, exact bool) {
		used[i] = true
		p.old, p.oldUnit, p.exact = pool[i], units[i], exact
	}
	for _, u := range now {
		segs := u.Segments()
		if len(segs) > 1 {
			if i := sameSource(byKey[u.Source().Key()], pool, used); i >= 0 {
				used[i] = true
				for _, s := range segs {
					pairs = append(pairs, pair{unit: u, seg: s, old: pool[i], oldUnit: units[i], exact: true, whole: true})
				}
				continue
			}
		}
		for _, s := range segs {
			p := pair{unit: u, seg: s}
			k := s.Source.Key()
			if i, ok := byID[id{u.ID, s.ID}]; ok && !used[i] && keys[i] == k {
				take(&p, i, true)
			} else if i := sameSource(byKey[k], pool, used); i >= 0 {
				take(&p, i, true)
			}
			pairs = append(pairs, p)
		}
	}
	respace(pairs, pool, units, used)
	respell(pairs, pool, units, used, concepts)
	var fuzzy *fuzzyIndex // of the pool's translations' sources, made when first needed
	wordsOfPool := func() {
		if fuzzy != nil {
			return
		}
		words := make([][]string, len(pool))
		for j, s := range pool {
			if s.IsTranslated() {
				words[j] = wordsOf(s.Source.PlainText())
			}
		}
		fuzzy = newFuzzyIndex(words)
	}
	for i := 0; i < len(pairs); {
		j := i
		for j < len(pairs) && pairs[j].unit == pairs[i].unit {
			j++
		}
		if j-i > 1 && !slices.ContainsFunc(pairs[i:j], func(p pair) bool { return p.old != nil }) {
			wordsOfPool()
			wholeParagraph(pairs[i:j], fuzzy, units, used)
		}
		i = j
	}
	for i := range pairs {
		p := &pairs[i]
		if p.old != nil {
			continue
		}
		wordsOfPool()
		w := wordsOf(p.seg.Source.PlainText())
		if j := fuzzy.closest(w, used, nil); j >= 0 {
			take(p, j, false)
		} else if j, ok := byID[id{p.unit.ID, p.seg.ID}]; ok && !used[j] && fuzzy.words[j] != nil && len(w) <= maxFuzzyWords && len(fuzzy.words[j]) <= maxFuzzyWords && similarity(w, fuzzy.words[j]) >= inPlace {
			// A short sentence changed in place, where a changed word
			// weighs more than 30%.
			take(p, j, false)
		}
	}
	for i, s := range pool {
		if !used[i] && s.IsTranslated() {
			left = append(left, s)
		}
	}
	return pairs, left
}

// respace pairs the sentences left without a segment with the segments
// left whose sources differ from theirs only in the white space between
// words that the article's formats read as one space (see [spacedKey]),
// as [sameSource] picks among them: a translated one first. Such a
// sentence says what it said, and its translation, which never holds
// the source's white space, stays right: a paragraph of Markdown or
// plain text wrapped anew, a double space made single, a tab.
func respace(pairs []pair, pool []*handoff.Segment, units []*handoff.Unit, used []bool) {
	var byKey map[string][]int // of the segments left, by their spaced keys
	for i := range pairs {
		p := &pairs[i]
		if p.old != nil {
			continue
		}
		if byKey == nil {
			byKey = map[string][]int{}
			for j, s := range pool {
				if !used[j] {
					k := spacedKey(s.Source)
					byKey[k] = append(byKey[k], j)
				}
			}
		}
		if j := sameSource(byKey[spacedKey(p.seg.Source)], pool, used); j >= 0 {
			used[j] = true
			p.old, p.oldUnit, p.exact = pool[j], units[j], true
		}
	}
}

// spacedKey is the key of content ([inline.Content.Key]) with each run
// of ASCII white space (spaces, tabs, line breaks) as one space: what
// HTML and Markdown show as one space, and what a reader of plain text
// reads as one. Other white space is the writer's choice and part of
// the sentence: a no-break space (U+00A0) that keeps "13 May" together,
// a thin space.
func spacedKey(c inline.Content) string {
	k := c.Key()
	var b strings.Builder
	b.Grow(len(k))
	space := false
	for i := 0; i < len(k); i++ {
		switch k[i] {
		case ' ', '\t', '\n', '\r', '\f':
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteByte(k[i])
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// wholeParagraph pairs the sentences of a paragraph, none of them
// paired, with the translation of an earlier version of the whole
// paragraph: the translated segment left, alone in its unit, longer
// than any of the paragraph's sentences, whose source is most like the
// paragraph's, at least 70% alike.
func wholeParagraph(paragraph []pair, fuzzy *fuzzyIndex, units []*handoff.Unit, used []bool) {
	longest := 0
	for _, p := range paragraph {
		longest = max(longest, len(wordsOf(p.seg.Source.PlainText())))
	}
	k := fuzzy.closest(wordsOf(paragraph[0].unit.Source().PlainText()), used, func(k int) bool {
		return len(fuzzy.words[k]) > longest && len(units[k].Segments()) == 1
	})
	if k < 0 {
		return
	}
	used[k] = true
	for i := range paragraph {
		p := &paragraph[i]
		p.old, p.oldUnit, p.whole = units[k].Segments()[0], units[k], true
	}
}

// respell pairs the sentences left without a segment with the segments
// left whose sources differ from theirs only in the spellings of the
// glossary's concepts, as [sameSource] picks among them: a translated
// one first. The glossary is asked for only when both are left, so an
// article that has not changed costs nothing.
func respell(pairs []pair, pool []*handoff.Segment, units []*handoff.Unit, used []bool, concepts concepts) {
	if concepts == nil || !slices.Contains(used, false) {
		return
	}
	var m *glossary.Matcher
	var byKey map[string][]int // of the segments left, by their concept keys
	for i := range pairs {
		p := &pairs[i]
		if p.old != nil {
			continue
		}
		if m == nil {
			if m = concepts(); m == nil {
				return
			}
			byKey = map[string][]int{}
			for j, s := range pool {
				if !used[j] {
					if k, ok := conceptKey(m, s.Source); ok {
						byKey[k] = append(byKey[k], j)
					}
				}
			}
		}
		k, ok := conceptKey(m, p.seg.Source)
		if !ok {
			continue
		}
		if j := sameSource(byKey[k], pool, used); j >= 0 {
			used[j] = true
			p.old, p.oldUnit, p.exact, p.respelt = pool[j], units[j], true, true
		}
	}
}

// sameSource returns the first unused segment of candidates, which have
// one source, that is translated, else the first unused, else -1.
func sameSource(candidates []int, pool []*handoff.Segment, used []bool) int {
	first := -1
	for _, i := range candidates {
		if used[i] {
			continue
		}
		if pool[i].IsTranslated() {
			return i
		}
		if first < 0 {
			first = i
		}
	}
	return first
}

// inPlace is how alike a sentence changed in place must be to its old
// version: half of their words, in order.
const inPlace = 0.5

// fuzzyThreshold is how alike a sentence must be to the source of a
// translation to take it, as a translation memory's fuzzy matches are:
// 70%.
const fuzzyThreshold = 0.7

// maxFuzzyWords is the longest sentence, in words, compared with others
// word by word: [similarity] takes time that grows with the product of
// their lengths. A longer one takes only a translation whose source is
// the same.
const maxFuzzyWords = 2000

// fuzzyIndex finds, among the sources of the translations left, the one
// most like a sentence, comparing it only with the sources that share
// one of its rarer words: those are the only ones that can be
// fuzzyThreshold alike. Comparing every new sentence with every
// translation took time that grew with the square of an article
// rewritten throughout.
//
// Two sentences a and b at least 70% alike by [similarity] share, in
// order, 0.35·(|a|+|b|) words, and neither is shorter than 7/13 of the
// other, so they share at least ⌈7/13·|a|⌉ words of a, counted with
// their repeats, and as many of b. Put the words of every sentence in
// one order, rarest first: then a's first |a|−⌈7/13·|a|⌉+1 words and
// b's first |b|−⌈7/13·|b|⌉+1 have one in common (prefix filtering, as
// similarity joins do). The index lists each source under the words of
// its prefix.
type fuzzyIndex struct {
	// words are the words of each translation's source; nil for a
	// segment without a translation.
	words [][]string
	rank  map[token]int   // of every word of the sources, rarest first
	ranks [][]int         // of each source's tokens, in order
	by    map[token][]int // the sources with the word in their prefix, in order
	seen  []int           // the last query that found each source, for closest
	query int
}

// maxPosting is the most sources a word may lead a sentence to. A word
// in the prefixes of more sources, as "the" can be in an article of
// thousands of sentences that repeat few words, finds no candidates:
// each sentence then costs a bounded time, and one that shares only such
// words with the source of a translation left may go without that fuzzy
// match. In an article of fewer translations left, every sentence
// fuzzyThreshold alike is found.
const maxPosting = 256

// token is a word and the number of times it came before in its
// sentence: a sentence's tokens are a set, and two sentences share as
// many as the words they share counted with their repeats.
type token struct {
	word string
	nth  int
}

// tokens returns the tokens of words.
func tokens(words []string) []token {
	nth := make(map[string]int, len(words))
	out := make([]token, len(words))
	for i, w := range words {
		out[i] = token{w, nth[w]}
		nth[w]++
	}
	return out
}

// newFuzzyIndex indexes the sources of translations, words of each (nil
// for a segment without a translation).
func newFuzzyIndex(words [][]string) *fuzzyIndex {
	x := &fuzzyIndex{words: words, rank: map[token]int{}, by: map[token][]int{}, seen: make([]int, len(words))}
	freq := map[token]int{}
	toks := make([][]token, len(words))
	for i, w := range words {
		if w == nil || len(w) > maxFuzzyWords {
			continue
		}
		toks[i] = tokens(w)
		for _, t := range toks[i] {
			freq[t]++
		}
	}
	order := slices.Collect(maps.Keys(freq))
	slices.SortFunc(order, func(a, b token) int {
		return cmp.Or(cmp.Compare(freq[a], freq[b]), cmp.Compare(a.word, b.word), cmp.Compare(a.nth, b.nth))
	})
	for r, t := range order {
		x.rank[t] = r
	}
	x.ranks = make([][]int, len(words))
	for i, ts := range toks {
		for _, t := range x.prefix(ts) {
			x.by[t] = append(x.by[t], i)
		}
		x.ranks[i] = x.ranksOf(ts)
	}
	return x
}

// prefix sorts ts, rarest first, and returns those of them one of which
// any sentence fuzzyThreshold alike shares. A token no source has comes
// first.
func (x *fuzzyIndex) prefix(ts []token) []token {
	slices.SortFunc(ts, func(a, b token) int {
		ra, oka := x.rank[a]
		rb, okb := x.rank[b]
		if !oka {
			ra = -1
		}
		if !okb {
			rb = -1
		}
		return cmp.Compare(ra, rb)
	})
	n := len(ts)
	if n == 0 {
		return nil
	}
	shared := (7*n + 12) / 13 // ⌈7/13·n⌉
	return ts[:n-shared+1]
}

// ranksOf returns the ranks of ts, sorted by prefix, that a source has.
func (x *fuzzyIndex) ranksOf(ts []token) []int {
	var out []int
	for _, t := range ts {
		if r, ok := x.rank[t]; ok {
			out = append(out, r)
		}
	}
	return out
}

// shared counts the ranks two sorted lists have in common: the words two
// sentences share, with their repeats, in any order, which their longest
// common run of words in order cannot pass.
func shared(a, b []int) int {
	n := 0
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] < b[0]:
			a = a[1:]
		case a[0] > b[0]:
			b = b[1:]
		default:
			n++
			a, b = a[1:], b[1:]
		}
	}
	return n
}

// closest returns the index of the unused translation whose source is
// most like words, at least fuzzyThreshold alike, the first of those
// alike as much; or -1. With ok, only the sources it says yes to are
// taken.
func (x *fuzzyIndex) closest(words []string, used []bool, ok func(i int) bool) int {
	if len(words) == 0 || len(words) > maxFuzzyWords {
		return -1
	}
	x.query++
	var candidates []int
	ts := tokens(words)
	pre := x.prefix(ts)
	ranks := x.ranksOf(ts)
	for _, t := range pre {
		if len(x.by[t]) > maxPosting {
			continue
		}
		for _, i := range x.by[t] {
			if x.seen[i] != x.query {
				x.seen[i] = x.query
				candidates = append(candidates, i)
			}
		}
	}
	slices.Sort(candidates)
	best, bestScore := -1, 0.0
	for _, i := range candidates {
		if used[i] || ok != nil && !ok(i) || !closeInLength(len(words), len(x.words[i])) ||
			20*shared(ranks, x.ranks[i]) < 7*(len(words)+len(x.words[i])) {
			continue
		}
		if score := similarity(words, x.words[i]); score >= fuzzyThreshold && score > bestScore {
			best, bestScore = i, score
		}
	}
	return best
}

// closeInLength reports whether sentences of a and b words can be
// fuzzyThreshold alike: the shorter at least 7/13 of the longer.
func closeInLength(a, b int) bool {
	return 13*min(a, b) >= 7*max(a, b)
}

// remapCodes moves a translation made for oldSource over to newSource,
// whose codes have the same kinds and types in the same order but perhaps
// other IDs and markup. It fails when the codes do not correspond.
func remapCodes(oldSource, target, newSource inline.Content) (inline.Content, bool) {
	oc, nc := oldSource.Codes(), newSource.Codes()
	if len(oc) != len(nc) {
		return nil, false
	}
	type key struct {
		kind inline.Kind
		id   string
	}
	to := map[key]*inline.Code{}
	for i := range oc {
		if oc[i].Kind != nc[i].Kind || oc[i].Type != nc[i].Type {
			return nil, false
		}
		to[key{oc[i].Kind, oc[i].ID}] = nc[i]
	}
	out := make(inline.Content, 0, len(target))
	for _, it := range target {
		if it.Code == nil {
			out = append(out, it)
			continue
		}
		n, ok := to[key{it.Code.Kind, it.Code.ID}]
		if !ok {
			return nil, false
		}
		out = append(out, inline.Item{Code: n})
	}
	return out, true
}

// wordsOf splits text into lower-case words.
func wordsOf(s string) []string {
	return strings.FieldsFunc(strings.ToLower(norm.NFC.String(s)), func(r rune) bool { return !wordRune(r) })
}

// wordRune reports whether a character belongs to a word: a letter, a
// digit, or a mark on one, which NFC may or may not compose with it
// (A with U+0325 is Ḁ; q with U+0303 stays two characters).
func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r)
}

// similarity is how much two sentences share, from 0 to 1: twice their
// longest common run of words, in order, over their total length.
func similarity(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return 2 * float64(prev[len(b)]) / float64(len(a)+len(b))
}
