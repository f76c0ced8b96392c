package xliff

import (
	"cmp"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
)

// Comments on spans of a target ([handoff.Comment]) are XLIFF 2's comment
// annotations, <mrk type="comment"> where they nest with the codes and
// the other comments, <sm>…<em> where they do not; and XLIFF 1.2's <mrk
// mtype="x-comment" comment="…">, which must nest: a pair of codes a
// comment crosses is written <bx/>…<ex/>, and a comment that crosses
// another is cut in two where the other ends.
const mtypeComment = "x-comment"

// units returns the length of content as comments count it: a character
// of text is one, and so is a code.
func units(c inline.Content) int {
	n := 0
	for _, it := range c {
		if it.Code != nil {
			n++
		} else {
			n += utf8.RuneCountInString(it.Text)
		}
	}
	return n
}

// sortComments puts comments in the order they open: by where they
// start, the longer first.
func sortComments(cs []handoff.Comment) {
	slices.SortStableFunc(cs, func(a, b handoff.Comment) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End))
	})
}

// checkComments reports comments a target cannot have: a span out of it,
// neither a remark nor a note, a note the unit does not have (notes
// holds its notes' IDs), text XML cannot hold.
func checkComments(s *handoff.Segment, target inline.Content, notes map[string]bool) error {
	n := units(target)
	for _, cm := range s.Comments {
		switch {
		case cm.Start < 0 || cm.Start > cm.End || cm.End > n:
			return fmt.Errorf("segment %s: a comment on %d–%d, out of its target of %d", s.ID, cm.Start, cm.End, n)
		case (cm.Text == "") == (cm.Note == ""):
			return fmt.Errorf("segment %s: a comment needs either a text or a note", s.ID)
		case cm.Note != "" && !notes[cm.Note]:
			return fmt.Errorf("segment %s: a comment is note %q, which the unit does not have", s.ID, cm.Note)
		}
		if err := checkText(cm.Text); err != nil {
			return fmt.Errorf("segment %s: comment: %w", s.ID, err)
		}
	}
	return nil
}

// span is a comment as it is written: where it starts and ends, its
// ID in XLIFF 2, and whether it is one element (<mrk>) or two (<sm>…<em>).
type span struct {
	start, end int
	c          handoff.Comment
	id         string
	whole      bool
}

// spans12 makes the spans of XLIFF 1.2's comments, which nest: a comment
// that crosses another is cut in two where the other ends. A comment
// that is a note becomes the note's text (notes maps IDs to texts).
func spans12(cs []handoff.Comment, notes map[string]string) []span {
	var queue []span
	for _, cm := range cs {
		if cm.Note != "" {
			cm = handoff.Comment{Start: cm.Start, End: cm.End, Text: notes[cm.Note]}
		}
		queue = append(queue, span{start: cm.Start, end: cm.End, c: cm, whole: true})
	}
	byOpening := func(a, b span) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end)) }
	slices.SortStableFunc(queue, byOpening)
	var out, stack []span
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for len(stack) > 0 && stack[len(stack)-1].end <= s.start && stack[len(stack)-1].start < s.start {
			stack = stack[:len(stack)-1]
		}
		if n := len(stack); n > 0 && s.end > stack[n-1].end {
			rest := s
			rest.start = stack[n-1].end
			s.end = stack[n-1].end
			i, _ := slices.BinarySearchFunc(queue, rest, byOpening)
			for i < len(queue) && byOpening(queue[i], rest) == 0 {
				i++ // after those that sort alike, as a stable sort puts it
			}
			queue = slices.Insert(queue, i, rest)
		}
		s.c.Start, s.c.End = s.start, s.end
		out = append(out, s)
		stack = append(stack, s)
	}
	return out
}

// spans2 makes the spans of XLIFF 2's comments: <mrk> where a comment
// nests with the <pc>s of the content (pcs holds where each starts and
// ends) and the other <mrk>s, <sm>…<em> where it does not. Each gets an
// ID the unit does not use (used holds those it does).
func spans2(cs []handoff.Comment, pcs [][2]int, used map[string]bool) []span {
	out := make([]span, 0, len(cs))
	for _, cm := range cs {
		out = append(out, span{start: cm.Start, end: cm.End, c: cm})
	}
	slices.SortStableFunc(out, func(a, b span) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end)) })
	var stack []span
	for i := range out {
		s := &out[i]
		for k := 1; s.id == ""; k++ {
			if id := fmt.Sprintf("c%d", k); !used[id] {
				s.id, used[id] = id, true
			}
		}
		for len(stack) > 0 && stack[len(stack)-1].end <= s.start && stack[len(stack)-1].start < s.start {
			stack = stack[:len(stack)-1]
		}
		s.whole = len(stack) == 0 || s.end <= stack[len(stack)-1].end
		for _, pc := range pcs {
			if crosses(s.start, s.end, pc[0], pc[1]) {
				s.whole = false
			}
		}
		if s.whole {
			stack = append(stack, *s)
		}
	}
	return out
}

// crosses reports whether a comment on start–end crosses an element of
// content that starts at the item a and ends at the item b: a comment
// opens before the item at its start, and closes before the item at its
// end.
func crosses(start, end, a, b int) bool {
	return !(end <= a || start > b || start <= a && end > b || start > a && end <= b)
}

// splitAt cuts the text of content where comments start and end, and
// returns the content and where each of its items starts.
func splitAt(c inline.Content, cs []handoff.Comment) (inline.Content, []int) {
	cuts := map[int]bool{}
	for _, cm := range cs {
		cuts[cm.Start], cuts[cm.End] = true, true
	}
	out := make(inline.Content, 0, len(c)+len(cuts))
	at := make([]int, 0, cap(out))
	p := 0
	for _, it := range c {
		if it.Code != nil {
			out, at = append(out, it), append(at, p)
			p++
			continue
		}
		start, from := p, 0
		for i := range it.Text {
			if i > 0 && cuts[p] {
				out, at = append(out, inline.Item{Text: it.Text[from:i]}), append(at, start)
				from, start = i, p
			}
			p++
		}
		out, at = append(out, inline.Item{Text: it.Text[from:]}), append(at, start)
	}
	return out, at
}

// spanWriter writes the spans of content at their places, around its
// items, in an order that nests the whole ones.
type spanWriter struct {
	sp   []span
	done []bool // closed
	open func(s span)
	shut func(s span)
}

// at writes what ends at p, then what starts there: the last opened
// closes first, and of those that open, the longest opens first, a point
// opening and closing at once.
func (w *spanWriter) at(p int) {
	for i := len(w.sp) - 1; i >= 0; i-- {
		if s := w.sp[i]; s.end == p && s.start < p && !w.done[i] {
			w.shut(s)
			w.done[i] = true
		}
	}
	for i, s := range w.sp {
		if s.start == p && !w.done[i] {
			w.open(s)
			if s.end == p {
				w.shut(s)
				w.done[i] = true
			}
		}
	}
}

// keepComments makes of each comment of a unit that is a note the unit
// no longer has (one of loctool's remarks, which the unit's fields say)
// a comment with the note's text: notes are the unit's notes as read.
func keepComments(u *handoff.Unit, notes []handoff.Note) {
	has := map[string]bool{}
	for _, n := range u.Notes {
		has[n.ID] = true
	}
	text := map[string]string{}
	for _, n := range notes {
		text[n.ID] = n.Text
	}
	for _, s := range u.Segments() {
		s.Comments = slices.DeleteFunc(s.Comments, func(cm handoff.Comment) bool {
			return cm.Note != "" && !has[cm.Note] && text[cm.Note] == "" // nothing to say
		})
		for i, cm := range s.Comments {
			if cm.Note != "" && !has[cm.Note] {
				s.Comments[i].Text, s.Comments[i].Note = text[cm.Note], ""
			}
		}
	}
}
