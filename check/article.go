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
	// Read, when set, gives the text in Text's place, called when the
	// article's turn comes: a check of many articles holds only those
	// being checked. Its error stops the check.
	Read func() (string, error)
}

// article is an article as check reads it: the blocks extract hands
// translators, read through package document, their text as a reader
// sees it, and where that text is in the file. Markup, comments, code,
// front matter, link targets and reference labels, and what HTML says
// not to translate, are not text; alt and title attributes, and the
// titles of Markdown links and images, are blocks of their own. Entities
// and escapes read as the characters they stand for.
type article struct {
	src Source
	doc *document.Document
	// texts are the blocks' texts as a reader sees them: without the
	// characters that do not show, such as a soft hyphen (Kazak&shy;stan
	// reads Kazakstan), and with addresses, handles, hashtags and file
	// names blanked out (see blankTokens).
	texts []string
	// offs, for a block whose text had characters that do not show,
	// give for each byte of its text in texts the offset of that byte in
	// the block's text; nil for the others, whose offsets are the same.
	offs  [][]int
	lines []int // the offsets at which the file's lines start
	// last is the place position found last: the places of a text are
	// asked for in order, and most are on the line of the one before.
	last struct{ offset, line, col int }
}

// readArticle parses an article with the options given, and titles; a
// problem with it is a diagnostic.
func readArticle(src Source, opts document.Options) (*article, []diag.Diagnostic) {
	format, err := document.FormatOf(src.Path)
	if err == nil {
		var doc *document.Document
		if doc, err = document.ParseString(format, src.Text, src.Path, document.Options{Titles: true, MaxDepth: opts.MaxDepth, DepthSetting: opts.DepthSetting, MaxMarkup: opts.MaxMarkup, MarkupSetting: opts.MarkupSetting}); err == nil {
			a := &article{src: src, doc: doc, texts: make([]string, len(doc.Blocks)), lines: []int{0}}
			for i, b := range doc.Blocks {
				text, offs := shown(b.Content.PlainText())
				a.texts[i] = blankTokens(text)
				if offs != nil {
					if a.offs == nil {
						a.offs = make([][]int, len(doc.Blocks))
					}
					a.offs[i] = offs
				}
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

// plain returns the offsets in block b's text of the range from start
// to end of its text in a.texts.
func (a *article) plain(b, start, end int) (int, int) {
	if a.offs == nil || a.offs[b] == nil {
		return start, end
	}
	return a.offs[b][start], a.offs[b][end-1] + 1
}

// place returns where the text of block b from start to end is in the
// file, as places: at its start and its end. A stretch of text with
// codes in it is placed by its first and last characters.
func (a *article) place(b, start, end int) (from, to diag.Position) {
	blk := &a.doc.Blocks[b]
	_, first := utf8.DecodeRuneInString(a.texts[b][start:])
	last, _ := utf8.DecodeLastRuneInString(a.texts[b][:end])
	start, end = a.plain(b, start, end)
	if f, t, ok := a.doc.Source(blk, start, end); ok {
		return a.position(f), a.position(t)
	}
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
	if from, to, ok := a.doc.Source(&a.doc.Blocks[b], 0, len(text)); ok && a.src.Text[from:to] == text && (a.offs == nil || a.offs[b] == nil) {
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
// start to end: word by word, when byWord is set and both have as many
// words, so that what lies between the words in the file (a line break,
// markup) stays. It returns nil when the document cannot make them.
func (a *article) edits(b, start, end int, with string, byWord bool) []diag.Edit {
	text := a.texts[b]
	found, want := wordSpans(text[start:end]), wordSpans(with)
	if !byWord || len(found) != len(want) || len(found) < 2 {
		e, ok := a.edit(b, start, end, with)
		if !ok {
			return nil
		}
		return []diag.Edit{e}
	}
	var out []diag.Edit
	for i, w := range found {
		e, ok := a.edit(b, start+w[0], start+w[1], with[want[i][0]:want[i][1]])
		if !ok || i > 0 && e.Start < out[i-1].End {
			// Edits that overlap, as those of the words of a reference
			// link's label do, each writing the link's end: one edit
			// over the whole, with the white space between the words
			// as it was, line breaks included.
			var sb strings.Builder
			for k, w := range want {
				if k > 0 {
					sb.WriteString(text[start+found[k-1][1] : start+found[k][0]])
				}
				sb.WriteString(with[w[0]:w[1]])
			}
			return a.edits(b, start, end, sb.String(), false)
		}
		out = append(out, e)
	}
	return out
}

// edit is the edit that writes with over the text of block b from start
// to end, made by the document with the escapes its place needs. Where
// the text was written with entities, escapes or characters that do not
// show, they go: the edit writes with, plainly, over all of it, as
// Kazakhstan over Kazak&shy;stan. A reference link's text that is its
// label too stays its label: the link becomes a full reference.
func (a *article) edit(b, start, end int, with string) (diag.Edit, bool) {
	start, end = a.plain(b, start, end)
	e, ok := a.doc.Edit(&a.doc.Blocks[b], start, end, with)
	if ok {
		e.Old = a.src.Text[e.Start:e.End]
	}
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

// shown returns text without the characters that do not show in a word,
// and, when it had any, the offset in text of each byte of what it
// returns, and of its end.
func shown(text string) (string, []int) {
	if !strings.Contains(text, "\u00ad") && !strings.Contains(text, "\u200b") && !strings.Contains(text, "\u2060") && !strings.Contains(text, "\ufeff") {
		return text, nil
	}
	var b strings.Builder
	offs := make([]int, 0, len(text)+1)
	for i, r := range text {
		if invisible(r) {
			continue
		}
		n := b.Len()
		b.WriteRune(r)
		for k := n; k < b.Len(); k++ {
			offs = append(offs, i+k-n)
		}
	}
	return b.String(), append(offs, len(text))
}

// invisible reports whether a character does not show in a word: a soft
// hyphen, shown only where a line breaks, a zero-width space, a word
// joiner or a zero-width no-break space. A name written with one is the
// name.
func invisible(r rune) bool {
	return r == '\u00ad' || r == '\u200b' || r == '\u2060' || r == '\ufeff'
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
