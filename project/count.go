package project

import (
	"unicode/utf8"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
)

// Count is how the sentences of an article stand in a language. Its JSON
// is that of the reports of merge --json and status --json.
type Count struct {
	Segments   int `json:"segments"`
	Words      int `json:"words"`
	Translated int `json:"translated"`
	Review     int `json:"needsReview"`
	Stale      int `json:"stale"`
	Missing    int `json:"missing"`
}

func (c *Count) count(s Readiness, seg *handoff.Segment) {
	c.Segments++
	c.Words += wordCount(seg.Source)
	switch s {
	case Done:
		c.Translated++
	case Review:
		c.Review++
	case Stale:
		c.Stale++
	default:
		c.Missing++
	}
}

// wordCount is len(wordsOf(c.PlainText())), counted without building the
// text or its words: merge and status count the words of every sentence.
func wordCount(c inline.Content) int {
	n := 0
	in := false
	for _, it := range c {
		if it.Code != nil {
			continue
		}
		s := it.Text
		for i := 0; i < len(s); {
			r, size := rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(s[i:])
			}
			i += size
			word := wordRune(r)
			if word && !in {
				n++
			}
			in = word
		}
	}
	return n
}
