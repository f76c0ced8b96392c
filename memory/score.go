package memory

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/loctool/loctool/inline"
	"golang.org/x/text/unicode/norm"
)

// A match's similarity to a sentence, from 0 to 100, is worked out from
// their tokens (see tokenize):
//
//	score = floor(100 × (1 − d / max(n₁, n₂))) − case − 2 × numbers − codes
//
// n₁ and n₂ are the two sentences' counts of tokens, their words, numbers
// and punctuation; d is the word-level edit distance between them (the
// fewest tokens inserted, deleted or replaced to make one the other),
// with tokens compared in lower case and every number equal to every
// other. The penalties, in points, are then:
//
//   - case: one for each pair of tokens the edit aligns that differ only
//     in case ("Minister" and "minister");
//   - numbers: two for each pair of numbers the edit aligns that differ
//     ("5" and "6"), which Score names, so that a translator is shown
//     the figure to change;
//   - codes: one for each inline code one sentence has and the other has
//     not, compared by kind and type ("bold", "link"), as a translator
//     would have to place or remove it.
//
// Only a sentence the same as the match in its text (in Unicode's
// composed form) and its codes' kinds and types scores 100; any other
// scores 99 at most, and 0 at least. This is the shape of the scores
// OmegaT, Okapi and SYSTRAN give: an edit distance over words, with
// small penalties for what a translator fixes without translating.

// Score is the similarity of a memory's sentence to a new one.
type Score struct {
	// Value is from 0 to 100; 100 for the same sentence.
	Value int
	// Numbers are the numbers of the memory's sentence that the new
	// sentence has changed, each with what it is now, in order.
	Numbers []NumberChange
}

// NumberChange is a number that differs between a match and the new
// sentence.
type NumberChange struct {
	Was string `json:"was"`
	Now string `json:"now"`
}

// token is one word, number or punctuation mark of a sentence.
type token struct {
	text  string // as the sentence has it
	fold  string // compared: lower case, and "0n" for every number, which no word or mark is
	digit bool   // a number
}

// tokenize cuts the text of a sentence into tokens: runs of letters,
// digits and marks (a number when it starts with a digit), and every
// other character that is not white space on its own. These are the
// tokens of SQLite's unicode61 tokenizer, with punctuation kept.
func tokenize(text string) []token {
	text = norm.NFC.String(text)
	var out []token
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case wordRune(r):
			j := i + size
			for j < len(text) {
				r, n := utf8.DecodeRuneInString(text[j:])
				if !wordRune(r) {
					break
				}
				j += n
			}
			w := text[i:j]
			if unicode.IsDigit(r) {
				out = append(out, token{text: w, fold: "0n", digit: true})
			} else {
				out = append(out, token{text: w, fold: strings.ToLower(w)})
			}
			i = j
		default:
			out = append(out, token{text: text[i : i+size], fold: text[i : i+size]})
			i += size
		}
	}
	return out
}

// wordRune reports whether a character belongs to a word: a letter, a
// digit, or a mark on one.
func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r)
}

// codeKey is what a code is compared by.
type codeKey struct {
	kind inline.Kind
	typ  string
}

// codePenalty counts the codes one content has and the other has not,
// by kind and type.
func codePenalty(a, b inline.Content) int {
	count := map[codeKey]int{}
	for _, c := range a.Codes() {
		count[codeKey{c.Kind, c.Type}]++
	}
	for _, c := range b.Codes() {
		count[codeKey{c.Kind, c.Type}]--
	}
	n := 0
	for _, v := range count {
		n += max(v, -v)
	}
	return n
}

// Similarity scores the memory's sentence was against the new sentence
// now (see the formula above).
func Similarity(was, now inline.Content) Score {
	return similarity(was, now, tokenize(was.PlainText()), tokenize(now.PlainText()), 0)
}

// similarity is Similarity on the sentences' tokens. When least is above
// 0, a pair that cannot reach it is given up early with a score below
// it.
func similarity(was, now inline.Content, a, b []token, least int) Score {
	if was.Key() == now.Key() {
		return Score{Value: 100}
	}
	longest := max(len(a), len(b))
	if longest == 0 {
		// Only codes, or nothing: equal but for the codes.
		return Score{Value: max(0, 99-codePenalty(was, now))}
	}
	// The edits a score of least allows: 100 × (1 − d/n) ≥ least.
	most := longest
	if least > 0 {
		most = (100 - least) * longest / 100
		if diff := len(a) - len(b); max(diff, -diff) > most {
			return Score{}
		}
	}
	d, aligned := distance(a, b, most)
	if d > most {
		return Score{}
	}
	s := Score{Value: 100 * (longest - d) / longest}
	cases := 0
	for _, p := range aligned {
		ta, tb := a[p[0]], b[p[1]]
		switch {
		case ta.digit && ta.text != tb.text:
			s.Numbers = append(s.Numbers, NumberChange{Was: ta.text, Now: tb.text})
		case ta.text != tb.text:
			cases++
		}
	}
	s.Value -= cases + 2*len(s.Numbers) + codePenalty(was, now)
	s.Value = max(0, min(99, s.Value))
	return s
}

// editCost is the cost of one token inserted, deleted or replaced, in
// the units of the penalties: an edit counts more than any penalties a
// sentence can have, so that of the shortest edits, the one with the
// least penalty is taken, whichever sentence comes first.
const editCost = 1 << 32

// pairCost is the cost of keeping two tokens equal by fold as a pair:
// nothing when they are the same, and otherwise their penalty, two for
// numbers and one for case.
func pairCost(x, y token) int64 {
	switch {
	case x.fold != y.fold:
		return editCost
	case x.text == y.text:
		return 0
	case x.digit:
		return 2
	}
	return 1
}

// distance returns the edit distance of two token lists, compared by
// fold, and the pairs of positions that the shortest edit with the least
// penalty keeps (the tokens equal by fold). It gives up, returning more
// than most, once the distance is sure to exceed most: only a band of
// 2 × most + 1 diagonals is worked out.
func distance(a, b []token, most int) (int, [][2]int) {
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		return max(n, m), nil
	}
	// The full table, in the band: sentences are short, and the edit
	// is traced back through it.
	const far = int64(1) << 62
	width := m + 1
	d := make([]int64, (n+1)*width)
	for i := range d {
		d[i] = far
	}
	for j := 0; j <= min(m, most); j++ {
		d[j] = int64(j) * editCost
	}
	for i := 1; i <= n; i++ {
		lo, hi := max(1, i-most), min(m, i+most)
		best := far
		if i <= most {
			d[i*width] = int64(i) * editCost
			best = d[i*width]
		}
		for j := lo; j <= hi; j++ {
			v := min(d[(i-1)*width+j-1]+pairCost(a[i-1], b[j-1]), d[(i-1)*width+j]+editCost, d[i*width+j-1]+editCost)
			d[i*width+j] = v
			best = min(best, v)
		}
		if best/editCost > int64(most) {
			return most + 1, nil
		}
	}
	total := d[n*width+m]
	if total/editCost > int64(most) {
		return int(total / editCost), nil
	}
	// Back from the end, by the cells each came from: a pair kept where
	// the tokens are equal by fold.
	var kept [][2]int
	for i, j := n, m; i > 0 || j > 0; {
		v := d[i*width+j]
		switch {
		case i > 0 && j > 0 && d[(i-1)*width+j-1]+pairCost(a[i-1], b[j-1]) == v:
			if a[i-1].fold == b[j-1].fold {
				kept = append(kept, [2]int{i - 1, j - 1})
			}
			i, j = i-1, j-1
		case i > 0 && d[(i-1)*width+j]+editCost == v:
			i--
		default:
			j--
		}
	}
	slices.Reverse(kept)
	return int(total / editCost), kept
}
