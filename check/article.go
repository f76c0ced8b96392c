package check

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/document"
)

// Source is an article to check.
type Source struct {
	Path string // as findings name it; its extension says its format
	Text string
}

// article is an article as check reads it: the blocks extract hands
// translators, read through package document, their text as a reader
// sees it, and where that text is in the file. Markup, comments, code,
// front matter and link targets are not text; alt and title attributes
// are blocks of their own.
type article struct {
	src   Source
	doc   *document.Document
	texts []string // of each block: its text, web addresses blanked out
	lines []int    // the offsets at which the file's lines start
	// last is the place position found last: the places of a text are
	// asked for in order, and most are on the line of the one before.
	last struct{ offset, line, col int }
}

// readArticle parses an article; a problem with it is a diagnostic.
func readArticle(src Source) (*article, []diag.Diagnostic) {
	format, err := document.FormatOf(src.Path)
	if err == nil {
		var doc *document.Document
		if doc, err = document.ParseString(format, src.Text, src.Path, document.Options{}); err == nil {
			a := &article{src: src, doc: doc, texts: make([]string, len(doc.Blocks)), lines: []int{0}}
			for i, b := range doc.Blocks {
				a.texts[i] = blankURLs(b.Content.PlainText())
			}
			for i := 0; i < len(src.Text); i++ {
				if src.Text[i] == '\n' {
					a.lines = append(a.lines, i+1)
				}
			}
			return a, nil
		}
	}
	return nil, diag.FromError(src.Path, diag.ArticleRead, err)
}

// position is the place of a byte offset of the file. An article's
// positions are asked for by one goroutine at a time.
func (a *article) position(offset int) diag.Position {
	l := &a.last
	if l.line == 0 || offset < l.offset || l.line < len(a.lines) && offset >= a.lines[l.line] {
		l.line = sort.SearchInts(a.lines, offset+1) // the lines that start at or before it
		l.offset, l.col = a.lines[l.line-1], 1
	}
	l.col += utf8.RuneCountInString(a.src.Text[l.offset:offset])
	l.offset = offset
	return diag.Position{Line: l.line, Col: l.col}
}

// place returns where the text of block b from start to end is in the
// file, as places: at its start and its end. A stretch of text with
// codes in it is placed by its first and last characters.
func (a *article) place(b, start, end int) (from, to diag.Position) {
	blk := &a.doc.Blocks[b]
	if f, t, ok := a.doc.Source(blk, start, end); ok {
		return a.position(f), a.position(t)
	}
	_, first := utf8.DecodeRuneInString(a.texts[b][start:])
	last, _ := utf8.DecodeLastRuneInString(a.texts[b][:end])
	if f, _, ok := a.doc.Source(blk, start, start+first); ok {
		from = a.position(f)
	}
	if _, t, ok := a.doc.Source(blk, end-utf8.RuneLen(last), end); ok {
		to = a.position(t)
	}
	return from, to
}

// at returns the function that places a byte offset of block b's text
// in the file. Most blocks are written as they read, in one stretch of
// the file, and their offsets are placed without asking the document.
func (a *article) at(b int) func(offset int) (line, col int) {
	text := a.texts[b]
	if from, to, ok := a.doc.Source(&a.doc.Blocks[b], 0, len(text)); ok && a.src.Text[from:to] == text {
		return func(off int) (int, int) {
			p := a.position(from + off)
			return p.Line, p.Col
		}
	}
	return func(off int) (int, int) {
		p, _ := a.place(b, off, off+1)
		return p.Line, p.Col
	}
}

// edits returns the edits that write with over the text of block b from
// start to end: word by word, when both have as many words, so that what
// lies between the words in the file (a line break, markup) stays. It
// returns nil when the document cannot make them.
func (a *article) edits(b, start, end int, with string) []diag.Edit {
	text := a.texts[b]
	found, want := wordSpans(text[start:end]), wordSpans(with)
	if len(found) != len(want) || len(found) < 2 {
		e, ok := a.edit(b, start, end, with)
		if !ok {
			return nil
		}
		return []diag.Edit{e}
	}
	var out []diag.Edit
	for i, w := range found {
		e, ok := a.edit(b, start+w[0], start+w[1], with[want[i][0]:want[i][1]])
		if !ok {
			return nil
		}
		out = append(out, e)
	}
	return out
}

// edit is the edit that writes with over the text of block b from start
// to end. Most are a name, in letters, over a name written as it reads:
// those are made here; the document makes the others, with the escapes
// their place needs, and reads the article again to see that they do.
func (a *article) edit(b, start, end int, with string) (diag.Edit, bool) {
	blk := &a.doc.Blocks[b]
	from, to, ok := a.doc.Source(blk, start, end)
	if !ok {
		return diag.Edit{}, false
	}
	old := a.src.Text[from:to]
	if old == a.texts[b][start:end] && strings.IndexFunc(with, notWordRune) < 0 {
		return diag.Edit{Start: from, End: to, NewText: with, Old: old}, true
	}
	e, ok := a.doc.Edit(blk, start, end, with)
	e.Old = old
	return e, ok
}

// wordSpans returns the byte spans of the words of s: letters, digits and
// marks.
func wordSpans(s string) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range s {
		switch {
		case !notWordRune(r) && start < 0:
			start = i
		case notWordRune(r) && start >= 0:
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(s)})
	}
	return out
}

func notWordRune(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
}

// bareURL finds web addresses written out in text.
var bareURL = regexp.MustCompile(`(?i)\b(?:https?|ftp)://\S+|\bwww\.\S+`)

// blankURLs blanks out the web addresses of a text, keeping its offsets:
// a name in a web address is not a spelling to check.
func blankURLs(text string) string {
	if !strings.Contains(text, "://") && !strings.Contains(text, "www.") && !strings.Contains(text, "WWW.") {
		return text
	}
	b := []byte(text)
	for _, m := range bareURL.FindAllIndex(b, -1) {
		blank(b, m[0], m[1])
	}
	return string(b)
}

// blank replaces the bytes of b[start:end] with spaces, but for line
// breaks, so that offsets, lines and columns stay where they were.
func blank(b []byte, start, end int) {
	for i := start; i < end && i < len(b); i++ {
		if b[i] != '\n' && b[i] != '\r' {
			b[i] = ' '
		}
	}
}
