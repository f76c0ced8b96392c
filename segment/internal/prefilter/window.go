package prefilter

import (
	"unicode/utf8"
)

// window reads the runes on one side of a position, nearest first, as the
// tests ask for them: those before it (back), or those after it.
type window struct {
	text string
	back bool
	// overflow says a test asked for a rune beyond the window, and was
	// answered "maybe".
	overflow bool
	q        int // the byte offset reached
	n        int // runes read
	buf      [windowSize]rune
}

// windowSize is how many runes a window reads: enough for the longest
// shapes and some trailer or leader runes. Beyond it, a rune is unknown
// and the tests accept it.
const windowSize = 2 * maxShapeLen

// What window.at found.
const (
	runeKnown   = iota
	runeEdge    // past the start or the end of the text
	runeUnknown // past the window
)

func (w *window) reset(text string, p int, back bool) {
	w.text, w.q, w.back, w.n, w.overflow = text, p, back, 0, false
}

// at returns rune i from the position.
func (w *window) at(i int) (rune, int) {
	if i < w.n {
		return w.buf[i], runeKnown
	}
	return w.read(i)
}

// read decodes runes up to rune i.
func (w *window) read(i int) (rune, int) {
	for w.n <= i {
		if w.n == windowSize {
			w.overflow = true
			return 0, runeUnknown
		}
		var r rune
		var size int
		if w.back {
			r, size = utf8.DecodeLastRuneInString(w.text[:w.q])
			w.q -= size
		} else {
			r, size = utf8.DecodeRuneInString(w.text[w.q:])
			w.q += size
		}
		if size == 0 {
			return -1, runeEdge
		}
		w.buf[w.n] = r
		w.n++
	}
	return w.buf[i], runeKnown
}
