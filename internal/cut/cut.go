// Package cut cuts an article's blocks into translation units: one unit
// per block, one segment per sentence, with the inline codes between
// sentences dealt to the sentence they belong with, as SRX's
// formathandles say. Joining a unit's parts gives back its block.
package cut

import (
	"fmt"
	"slices"

	"github.com/loctool/loctool/document"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/segment"
)

// Segmenter cuts text into sentences: *segment.Segmenter.
type Segmenter interface {
	Segment(text string) []segment.Span
}

// Handles says on which side of a break a code at the break goes: the
// SRX formathandles. A true field keeps that kind of code with the
// segment before the break.
type Handles struct {
	Start, End, Isolated bool
}

// DefaultHandles are SRX's defaults: an opening code goes with the
// sentence it opens, a closing one with the sentence it closes, and a
// standalone one with the sentence after it.
var DefaultHandles = Handles{Start: false, End: true, Isolated: false}

// HandlesOf returns the formathandles of SRX rules, with SRX's defaults
// for the kinds they leave out.
func HandlesOf(r *segment.Rules) Handles {
	h := DefaultHandles
	for _, fh := range r.FormatHandles {
		switch fh.Type {
		case "start":
			h.Start = fh.Include
		case "end":
			h.End = fh.Include
		case "isolated":
			h.Isolated = fh.Include
		}
	}
	return h
}

// Units cuts each block into sentence segments and returns them as
// units, one per block, in order. Segments have no targets yet.
func Units(blocks []document.Block, seg Segmenter, h Handles) []*handoff.Unit {
	out := make([]*handoff.Unit, 0, len(blocks))
	for _, b := range blocks {
		out = append(out, &handoff.Unit{ID: b.ID, Kind: b.Kind, Parts: split(b.Content, seg, h)})
	}
	return out
}

// split cuts content into segments at the sentence breaks of its text.
// Joining the parts gives back the content.
func split(c inline.Content, seg Segmenter, h Handles) []handoff.Part {
	c = c.Normalize()
	text := c.PlainText()
	spans := seg.Segment(text)
	if len(spans) == 0 {
		if len(c) == 0 {
			return nil
		}
		// No sentence: white space, or only codes. Keep it as one segment,
		// so that nothing is lost.
		return []handoff.Part{{Segment: &handoff.Segment{ID: "s1", Source: c}}}
	}
	// Cut the items at the spans' edges, then deal each piece to its
	// segment or to the gap before it.
	pieces := cut(c, spans, len(text))
	var parts []handoff.Part
	var current inline.Content // the segment being built
	n := 0
	flush := func() {
		if current != nil {
			n++
			parts = append(parts, handoff.Part{Segment: &handoff.Segment{ID: fmt.Sprintf("s%d", n), Source: current.Normalize()}})
			current = nil
		}
	}
	for gi := 0; gi <= len(spans); gi++ {
		gap := pieces.gaps[gi]
		before, space, after := splitGap(gap, h, gi > 0, gi < len(spans))
		current = append(current, before...)
		flush()
		if space != "" {
			parts = append(parts, handoff.Part{Space: space})
		}
		if gi < len(spans) {
			current = append(append(current, after...), pieces.segments[gi]...)
		}
	}
	flush()
	return parts
}

// pieces is content dealt out to the spans and the gaps around them:
// gaps[i] lies before segments[i], and the last gap after the last one.
type pieces struct {
	segments []inline.Content
	gaps     []inline.Content
}

// cut deals the items of c out to the spans of its text and the gaps
// between them. A code goes to a span when it lies strictly inside it,
// and to the gap otherwise.
func cut(c inline.Content, spans []segment.Span, textLen int) pieces {
	p := pieces{segments: make([]inline.Content, len(spans)), gaps: make([]inline.Content, len(spans)+1)}
	// Region k is gap k/2 for even k, span k/2 for odd k; bounds[k] is where
	// it ends in the text.
	var bounds []int
	for _, s := range spans {
		bounds = append(bounds, s.Start, s.End)
	}
	bounds = append(bounds, textLen)
	region := func(k int) *inline.Content {
		if k%2 == 0 {
			return &p.gaps[k/2]
		}
		return &p.segments[k/2]
	}
	k, off := 0, 0
	for _, it := range c {
		if it.Code != nil {
			// A code at the end of a span belongs to the gap after it.
			for k < len(bounds)-1 && (off > bounds[k] || off == bounds[k] && k%2 == 1) {
				k++
			}
			*region(k) = append(*region(k), it)
			continue
		}
		s := it.Text
		for s != "" {
			for k < len(bounds)-1 && off >= bounds[k] {
				k++
			}
			n := min(len(s), bounds[k]-off)
			*region(k) = append(*region(k), inline.Item{Text: s[:n]})
			s, off = s[n:], off+n
		}
	}
	return p
}

// splitGap divides the content between two sentences (white space and
// codes) into what joins the sentence before, the white space between
// them, and what joins the sentence after. Codes next to a sentence join
// it as the handles say; white space with codes inside goes to the
// sentence before, so that the order of the article is kept.
func splitGap(gap inline.Content, h Handles, hasBefore, hasAfter bool) (before inline.Content, space string, after inline.Content) {
	i, j := 0, len(gap)
	for i < j && gap[i].Code != nil && (!hasAfter || keepsBefore(gap[i].Code, h)) && hasBefore {
		i++
	}
	for j > i && gap[j-1].Code != nil && (!hasBefore || !keepsBefore(gap[j-1].Code, h)) && hasAfter {
		j--
	}
	before, middle, after := gap[:i], gap[i:j], gap[j:]
	if len(middle.Codes()) == 0 {
		return before, middle.PlainText(), after
	}
	if hasBefore {
		return append(slices.Clone(before), middle...), "", after
	}
	return before, "", append(slices.Clone(middle), after...)
}

func keepsBefore(c *inline.Code, h Handles) bool {
	switch c.Kind {
	case inline.Open:
		return h.Start
	case inline.Close:
		return h.End
	}
	return h.Isolated
}
