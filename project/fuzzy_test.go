package project

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// changedArticle returns n sentences of about 20 words of a newsroom's
// vocabulary, each paragraph of five, and the same sentences with one
// word changed in each, as an article rewritten throughout: every
// sentence of the new version is paired with its old translation by
// fuzzy matching.
func changedArticle(n int) (old, now [][]string) {
	r := rand.New(rand.NewPCG(1, uint64(n)))
	vocab := strings.Fields("the court ruled on monday that ablyazov former banker of bta bank must pay " +
		"billion dollars to creditors in london kazakhstan government said minister opposition leader " +
		"was arrested in almaty after protests police said statement released parliament voted president " +
		"nazarbayev tokayev election campaign journalists were detained reporters without borders amnesty")
	for i := range n {
		var words []string
		for range 20 {
			words = append(words, vocab[r.IntN(len(vocab))])
		}
		words = append(words, fmt.Sprint(i)) // no two alike
		s := strings.Join(words, " ") + "."
		words[r.IntN(20)] = "changed"
		c := strings.Join(words, " ") + "."
		if i%5 == 0 {
			old, now = append(old, nil), append(now, nil)
		}
		old[len(old)-1] = append(old[len(old)-1], s)
		now[len(now)-1] = append(now[len(now)-1], c)
	}
	return old, now
}

// BenchmarkPairChanged pairs the sentences of an article of n sentences,
// every one changed by a word, with the translations of its old version:
// each new sentence looks for the most alike old one, at least 70%.
// Comparing it with every translation left took time that grew with the
// square of the article (2,000 sentences: 4.3 s, 10,000: 130 s); only
// the sources that share one of its rarer words are compared now (0.28 s
// and 0.89 s).
func BenchmarkPairChanged(b *testing.B) {
	for _, n := range []int{200, 2_000, 10_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			oldText, nowText := changedArticle(n)
			dict := map[string]string{}
			for _, p := range oldText {
				for _, s := range p {
					dict[s] = "перевод " + s
				}
			}
			for b.Loop() {
				old := translate(units(oldText...), dict)
				pairs, _ := pairSentences(units(nowText...), old.Units, nil)
				for _, p := range pairs {
					if p.old == nil {
						b.Fatalf("%q not paired", p.seg.Source.PlainText())
					}
				}
			}
		})
	}
}

// TestFuzzyIndexFindsEveryMatch checks the index against comparing a
// sentence with every source: in a pool smaller than maxPosting, it
// finds the same translation, with some taken and some sources left out.
func TestFuzzyIndexFindsEveryMatch(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	vocab := strings.Fields("a b c d e f g h i j k l m n o p")
	sentence := func() []string {
		var w []string
		for range 1 + r.IntN(14) {
			w = append(w, vocab[r.IntN(len(vocab))])
		}
		return w
	}
	for round := range 200 {
		pool := make([][]string, 1+r.IntN(maxPosting-1))
		for i := range pool {
			if r.IntN(10) > 0 {
				pool[i] = sentence()
			}
		}
		x := newFuzzyIndex(pool)
		used := make([]bool, len(pool))
		for range 20 {
			// A sentence of the pool, changed a little, or a new one.
			var q []string
			if p := pool[r.IntN(len(pool))]; p != nil && r.IntN(2) == 0 {
				q = slices.Clone(p)
				q[r.IntN(len(q))] = vocab[r.IntN(len(vocab))]
				if r.IntN(2) == 0 {
					q = append(q, vocab[r.IntN(len(vocab))])
				}
			} else {
				q = sentence()
			}
			odd := func(i int) bool { return i%2 == 1 }
			for _, ok := range []func(int) bool{nil, odd} {
				want, wantScore := -1, 0.0
				for i, p := range pool {
					if used[i] || p == nil || ok != nil && !ok(i) {
						continue
					}
					if s := similarity(q, p); s >= fuzzyThreshold && s > wantScore {
						want, wantScore = i, s
					}
				}
				if got := x.closest(q, used, ok); got != want {
					t.Fatalf("round %d: closest(%q) = %d, want %d (%q, %.2f)", round, q, got, want, pool[max(want, 0)], wantScore)
				}
			}
			used[r.IntN(len(used))] = true
		}
	}
}
