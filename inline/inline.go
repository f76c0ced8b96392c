// Package inline is text with inline codes: the content of a translatable
// block or sentence, as translators see it.
//
// An article's formatting inside a paragraph (bold, italics, links, line
// breaks) becomes codes that translators can move but cannot break. A
// [Content] is a sequence of [Item]s, each either text or a [Code]. Codes
// come in pairs (an [Open] and a [Close] with the same ID, like <b>…</b>)
// or alone ([Placeholder], like <br/>). Each code carries the markup it
// stands for, so that an article can be rebuilt byte for byte.
package inline

import (
	"fmt"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Kind says what a code does.
type Kind int

const (
	Open        Kind = iota // starts a span: <b>, **, [ of a link
	Close                   // ends the span its Open started
	Placeholder             // stands alone: <br/>, an image
)

func (k Kind) String() string {
	switch k {
	case Open:
		return "open"
	case Close:
		return "close"
	case Placeholder:
		return "placeholder"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Code is an inline code.
type Code struct {
	Kind Kind
	// ID pairs an Open with its Close, and is unique among the codes of a
	// block otherwise, but for placeholders that stand for the same
	// thing: XLIFF 1.2 files repeat one (Angular's <x id="INTERPOLATION"/>
	// for each {{ name }} of a message), and each occurrence is a code of
	// its own with that ID. It is a short token such as "1".
	ID string
	// Type is what the code means, as XLIFF 1.2's ctype names it: "bold",
	// "italic", "underlined", "link", "image", "lb" (line break), or
	// "x-…" for the rest, such as "x-code" or "x-span".
	Type string
	// Data is the markup the code stands for in the article: "<b>", "**",
	// "](https://iwpr.net)". Writing an article writes it back unchanged.
	Data string
	// Display is an optional short text for translators, such as a link's
	// address.
	Display string
}

// Item is a piece of content: text, or a code when Code is not nil.
type Item struct {
	Text string
	Code *Code
}

// Content is text with inline codes.
type Content []Item

// Text returns content holding only the text s.
func Text(s string) Content { return Content{{Text: s}} }

// PlainText returns the text of c without its codes.
func (c Content) PlainText() string {
	var only string // the text of content with one text item, not copied
	n := 0
	for _, it := range c {
		if it.Code == nil && it.Text != "" {
			only = it.Text
			n++
		}
	}
	if n <= 1 {
		return only
	}
	var b strings.Builder
	for _, it := range c {
		if it.Code == nil {
			b.WriteString(it.Text)
		}
	}
	return b.String()
}

// Markup returns c with every code replaced by its Data: the article's
// own bytes for content parsed from an article.
func (c Content) Markup() string {
	var b strings.Builder
	for _, it := range c {
		if it.Code != nil {
			b.WriteString(it.Code.Data)
		} else {
			b.WriteString(it.Text)
		}
	}
	return b.String()
}

// Codes returns the codes of c in order.
func (c Content) Codes() []*Code {
	var codes []*Code
	for _, it := range c {
		if it.Code != nil {
			codes = append(codes, it.Code)
		}
	}
	return codes
}

// Equal reports whether c and d have the same text and the same codes,
// in the same order.
func (c Content) Equal(d Content) bool {
	c, d = c.Normalize(), d.Normalize()
	if len(c) != len(d) {
		return false
	}
	for i := range c {
		a, b := c[i], d[i]
		if (a.Code == nil) != (b.Code == nil) {
			return false
		}
		if a.Code == nil {
			if a.Text != b.Text {
				return false
			}
			continue
		}
		if *a.Code != *b.Code {
			return false
		}
	}
	return true
}

// Normalize returns c with adjacent text items joined and empty ones
// dropped.
func (c Content) Normalize() Content {
	var out Content
	for i := 0; i < len(c); {
		if c[i].Code != nil {
			out = append(out, c[i])
			i++
			continue
		}
		// A run of text items is joined at once: joining them two by two
		// would copy a paragraph of many sentences once per sentence.
		j, size, nonEmpty, last := i, 0, 0, ""
		for ; j < len(c) && c[j].Code == nil; j++ {
			if t := c[j].Text; t != "" {
				size += len(t)
				nonEmpty++
				last = t
			}
		}
		switch nonEmpty {
		case 0:
		case 1:
			out = append(out, Item{Text: last})
		default:
			var b strings.Builder
			b.Grow(size)
			for _, it := range c[i:j] {
				b.WriteString(it.Text)
			}
			out = append(out, Item{Text: b.String()})
		}
		i = j
	}
	return out
}

// String shows c for people: codes as {open 1 bold}, text as is.
func (c Content) String() string {
	var b strings.Builder
	for _, it := range c {
		if it.Code != nil {
			fmt.Fprintf(&b, "{%s %s %s}", it.Code.Kind, it.Code.ID, it.Code.Type)
		} else {
			b.WriteString(it.Text)
		}
	}
	return b.String()
}

// Tagged returns the text of c with each code as a tag named for its
// type: <bold> and </bold> for a pair, <lb/> for a placeholder (<g>,
// </g> and <x/> for a code without a type). It is what messages and
// notes show of a sentence whose codes may differ from another's: codes
// of the same kinds and types read the same, whatever their IDs and
// markup, as [Content.Key] compares them.
func (c Content) Tagged() string {
	var b strings.Builder
	for _, it := range c {
		if it.Code == nil {
			b.WriteString(it.Text)
			continue
		}
		name := it.Code.Type
		switch {
		case name != "":
		case it.Code.Kind == Placeholder:
			name = "x"
		default:
			name = "g"
		}
		switch it.Code.Kind {
		case Open:
			b.WriteString("<" + name + ">")
		case Close:
			b.WriteString("</" + name + ">")
		default:
			b.WriteString("<" + name + "/>")
		}
	}
	return b.String()
}

// CodeError is a target whose codes do not match its source's.
type CodeError struct {
	Missing []*Code // codes of the source that the target lacks
	Extra   []*Code // codes of the target that the source lacks, or repeats
	// Nesting describes a pair closed before it is opened, or pairs that
	// cross, such as <b><i></b></i>; empty when the nesting is sound.
	Nesting string
}

func (e *CodeError) Error() string {
	var parts []string
	for _, c := range e.Missing {
		parts = append(parts, fmt.Sprintf("missing %s code %s (%s)", c.Kind, c.ID, c.Type))
	}
	for _, c := range e.Extra {
		parts = append(parts, fmt.Sprintf("unexpected %s code %s (%s)", c.Kind, c.ID, c.Type))
	}
	if e.Nesting != "" {
		parts = append(parts, e.Nesting)
	}
	return strings.Join(parts, "; ")
}

// CheckCodes reports whether target holds each code of source as many
// times as the source does (once, but for a placeholder that a file
// repeats), nested soundly. Translators may move codes, but not drop,
// add or cross them. Pairs whose other half lies in another segment are
// checked only for presence.
func CheckCodes(source, target Content) error {
	type key struct {
		kind Kind
		id   string
	}
	want := map[key]int{}
	for _, c := range source.Codes() {
		want[key{c.Kind, c.ID}]++
	}
	e := &CodeError{}
	seen := map[key]int{}
	var open []string // IDs of the pairs opened and not yet closed, innermost last
	pairedHere := map[string]int{}
	for _, c := range target.Codes() {
		if c.Kind != Placeholder {
			pairedHere[c.ID]++
		}
	}
	for _, c := range target.Codes() {
		k := key{c.Kind, c.ID}
		if seen[k] >= want[k] {
			e.Extra = append(e.Extra, c)
			continue
		}
		seen[k]++
		if c.Kind == Placeholder || pairedHere[c.ID] != 2 || e.Nesting != "" {
			continue // no pair, the other half is elsewhere, or nesting already failed
		}
		switch c.Kind {
		case Open:
			open = append(open, c.ID)
		case Close:
			switch {
			case len(open) == 0 || !containsID(open, c.ID):
				e.Nesting = fmt.Sprintf("code %s is closed before it is opened", c.ID)
			case open[len(open)-1] != c.ID:
				e.Nesting = fmt.Sprintf("codes %s and %s cross: %s closes before %s", open[len(open)-1], c.ID, c.ID, open[len(open)-1])
			default:
				open = open[:len(open)-1]
			}
		}
	}
	for _, c := range source.Codes() {
		k := key{c.Kind, c.ID}
		if seen[k] > 0 {
			seen[k]-- // the target has this one
			continue
		}
		e.Missing = append(e.Missing, c)
	}
	if len(e.Missing) == 0 && len(e.Extra) == 0 && e.Nesting == "" {
		return nil
	}
	return e
}

func containsID(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// Key identifies content as the same source, wherever it stands: its
// text in Unicode's composed form (NFC: an editor that saves "й" as "и"
// and a combining breve changes nothing), and the kinds and types of its
// codes, not their IDs or markup: a sentence that moved to another
// paragraph gets other code IDs, and a link another address.
func (c Content) Key() string {
	if len(c) == 1 && c[0].Code == nil {
		return norm.NFC.String(c[0].Text) // most sentences: text alone, not copied
	}
	var b strings.Builder
	for _, it := range c.Normalize() {
		if it.Code == nil {
			b.WriteString(norm.NFC.String(it.Text))
			continue
		}
		b.WriteString("\x00")
		b.WriteString(it.Code.Kind.String())
		b.WriteString(":")
		b.WriteString(it.Code.Type)
		b.WriteString("\x00")
	}
	return b.String()
}
