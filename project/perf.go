package project

import (
	"unicode"
	"unicode/utf8"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
)

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
			word := unicode.IsLetter(r) || unicode.IsDigit(r)
			if word && !in {
				n++
			}
			in = word
		}
	}
	return n
}

// sizeHint estimates the size of f written as a handoff file, so that it
// is written into a buffer of the right size, not one doubled again and
// again: XLIFF repeats each sentence in the source, the segmented source
// and the target, around some markup.
func sizeHint(f *handoff.File) int {
	n := 1024
	for _, u := range f.Units {
		n += 200
		for _, p := range u.Parts {
			if p.Segment == nil {
				n += len(p.Space) * 3
				continue
			}
			n += 64 + 2*contentLen(p.Segment.Source)
			if p.Segment.Target != nil {
				n += contentLen(p.Segment.Target)
			} else {
				n += contentLen(p.Segment.Source) / 2 // targets prefilled for OmegaT
			}
		}
	}
	return n
}

func contentLen(c inline.Content) int {
	n := 0
	for _, it := range c {
		if it.Code != nil {
			n += 48 + len(it.Code.Data)
		} else {
			n += len(it.Text) + len(it.Text)/16 // and some escapes
		}
	}
	return n
}
