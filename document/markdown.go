package document

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/loctool/loctool/inline"
)

// markdownParser is CommonMark with GFM tables and footnotes. goldmark's
// parser keeps no state between documents, so one serves every Parse.
// It reads the checkbox of a GFM task list item, "[ ]" or "[x]", and URLs
// and e-mail addresses in text (GFM's extended autolinks) too.
//
// Of goldmark's footnote extension it takes the parsers and leaves out the
// transformer, which gathers the definitions at the end of the document
// for rendering, numbers them and drops the ones that nothing refers to:
// every definition's text is translated, where it is.
var markdownParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(
		goldmark.WithExtensions(extension.Table),
		goldmark.WithParserOptions(
			parser.WithBlockParsers(util.Prioritized(extension.NewFootnoteBlockParser(), 999)),
			parser.WithInlineParsers(
				util.Prioritized(extension.NewTaskCheckBoxParser(), 0),
				util.Prioritized(extension.NewFootnoteParser(), 101),
				util.Prioritized(extension.NewLinkifyParser(), 999),
			),
		),
	).Parser()
})

// parseMarkdown reads a Markdown article. goldmark finds the structure;
// the blocks are cut from the article's bytes at the positions it
// reports, never rendered by it.
func parseMarkdown(d *Document, opts Options) error {
	base := bomLen(d.src)
	fmEnd, err := frontMatter(d, base, opts)
	if err != nil {
		return err
	}
	if off, ok := deepestLine(d.src, fmEnd, opts.maxDepth()); !ok {
		return d.tooDeep(off, "the list or block quote is")
	}
	if off, n := densestParagraph(d.src, fmEnd, opts.maxMarkup()); n > 0 {
		msg := fmt.Sprintf("the paragraph has more than %d characters of inline markup (* _ ` [ ])", n)
		if opts.MarkupSetting != "" {
			msg += fmt.Sprintf(": split it into paragraphs, or raise %s", opts.MarkupSetting)
		} else {
			msg += ": split it into paragraphs"
		}
		return d.errorAt(off, ErrTooMuchMarkup, msg)
	}
	data := []byte(d.src[fmEnd:])
	root := markdownParser().Parse(text.NewReader(data))
	p := &mdParser{d: d, data: data, base: fmEnd}
	p.walk(root)
	return nil
}

// deepestLine checks the nesting of list items and block quotes in
// src[from:] before goldmark reads it: goldmark tests every open
// container against each line, which takes time that grows with the
// square of the depth. A container open at a line that is not a lazy
// continuation takes a ">" there, with the space after it, or two
// columns at least of its indentation and list markers; a container
// opens only on such a line. So the number of ">" at a line's start, and
// half the other columns, bound the depth. deepestLine returns the offset
// where the bound first passes max, and false; or true when it never
// does.
func deepestLine(src string, from, max int) (int, bool) {
	quotes, cols := 0, 0
	start := true
	for i := from; i < len(src); i++ {
		c := src[i]
		if c == '\n' {
			quotes, cols, start = 0, 0, true
			continue
		}
		if !start {
			continue
		}
		switch {
		case c == '>':
			quotes++
		case c == ' ' && i > from && src[i-1] == '>':
			// A block quote's marker takes the space after it.
		case c == '\t':
			cols += 4
		case c == ' ' || c == '-' || c == '+' || c == '*' || c == '.' || c == ')' || '0' <= c && c <= '9':
			cols++
		default:
			start = false
			continue
		}
		if quotes+(cols+1)/2 > max {
			return i, false
		}
	}
	return 0, true
}

// densestParagraph checks the inline markup of each paragraph of
// src[from:] before goldmark reads it: goldmark matches the delimiters of
// emphasis, the backticks of code spans and the brackets of links in
// time that can grow with the square of their number in one paragraph.
// A run of lines without a blank line between them holds a paragraph or
// several blocks, so counting the characters of * _ ` [ ] in each run
// bounds every paragraph's. densestParagraph returns the offset of the
// first run with more than max, and max; or 0, 0 when none has.
func densestParagraph(src string, from, max int) (int, int) {
	start, n := from, 0 // the run's first byte, and its markup so far
	blank := true       // the line so far is blank
	for i := from; i < len(src); i++ {
		switch c := src[i]; c {
		case '\n':
			if blank {
				start, n = i+1, 0
			}
			blank = true
		case ' ', '\t', '\r':
		case '*', '_', '`', '[', ']':
			blank = false
			if n++; n > max {
				return start, max
			}
		default:
			blank = false
		}
	}
	return 0, 0
}

type mdParser struct {
	d    *Document
	data []byte // the part goldmark parses: src[base:]
	base int
	w    mdWalk // reused for every block
}

// walk finds the translatable blocks under n.
func (p *mdParser) walk(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindHeading:
			st := styleMarkdown
			if p.isATX(c) {
				st = styleMarkdownH
			}
			p.block(c, "heading", st)
		case ast.KindParagraph, ast.KindTextBlock:
			kind := "paragraph"
			switch n.Kind() {
			case ast.KindListItem:
				kind = "list-item"
			case ast.KindBlockquote:
				kind = "blockquote"
			case east.KindFootnote:
				kind = "footnote"
			}
			p.block(c, kind, styleMarkdown)
		case east.KindTableCell:
			p.block(c, "table-cell", styleMarkdownTD)
		case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock,
			ast.KindThematicBreak, ast.KindLinkReferenceDefinition:
			// skeleton
		default:
			p.walk(c)
		}
	}
}

// isATX reports whether a heading is an ATX heading: its text follows a #.
func (p *mdParser) isATX(h ast.Node) bool {
	if h.Lines().Len() == 0 {
		return true
	}
	i := h.Lines().At(0).Start - 1
	for i >= 0 && (p.data[i] == ' ' || p.data[i] == '\t') {
		i--
	}
	return i >= 0 && p.data[i] == '#'
}

// block turns a block node into a block, from its lines and inline nodes.
func (p *mdParser) block(n ast.Node, kind string, st style) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	w := &p.w
	if !w.reset(p.d.src, p.base, lines) {
		return
	}
	w.m = p.d.m
	for c := n.FirstChild(); c != nil && !w.failed; c = c.NextSibling() {
		w.node(c, p.data)
	}
	if !w.failed {
		w.flush(len(w.body))
	}
	if w.failed {
		w.fallback(n, p.data)
	}
	items := w.items
	first, last := 0, len(items) // the items in the block
	line0 := 0                   // the line the block starts on
	// An image written as a reference stays in its paragraph: the text of
	// a shortcut or collapsed one is its label, which a translation
	// changes, and only a paragraph writes its end as a full reference,
	// which must then read back as it was written.
	if kind == "paragraph" && standaloneImage(items) && strings.HasPrefix(items[len(items)-1].code.Data, "](") {
		kind, st = "alt", styleMarkdownIn
		first, last = 1, len(items)-1
		line0 = w.lineOf(items[0].end)
	}
	// A task list item's checkbox stays where it is, in the skeleton.
	if kind == "list-item" && w.checkbox > 0 && len(items) > 0 && items[0].code != nil && items[0].end == w.checkbox {
		first = 1
		line0 = w.lineOf(items[0].end)
	}
	c, labels, hasText := w.content(items[first:last])
	if !hasText {
		return
	}
	start, end := w.srcPos(0), w.srcPos(len(w.body))
	if first > 0 {
		start = w.srcPos(items[first-1].end)
	}
	if last < len(items) {
		end = w.srcPos(items[last].start)
	}
	bp := blockPos{start: start, end: end, style: st, labels: labels}
	if line0+1 < len(w.lineSrc) {
		bp.prefixes = w.prefixes(line0)
	} else {
		bp.px = w.prefix(line0)
	}
	p.d.mark(&bp, c)
	var titles []pendingBlock
	if p.d.opts.Titles {
		titles = p.titles(items)
	}
	if labels != nil || titles != nil {
		bp.codes = w.codeSpans(items, c)
	}
	p.d.add(kind, c, bp)
	for _, t := range titles {
		p.d.add(t.kind, t.c, t.pos)
	}
}

// titles returns the titles of the block's links and images, each on one
// line, as blocks of kind "title-attribute".
func (p *mdParser) titles(items []mdItem) []pendingBlock {
	w := &p.w
	var titles []pendingBlock
	for _, it := range items {
		ts, te := trimSpan(w.body, it.ts, it.te)
		if it.code == nil || ts >= te || w.srcPos(it.end)-w.srcPos(it.start) != it.end-it.start {
			continue // no title, or its link's end is on more than one line
		}
		tc := inline.Text(w.decode(w.body[ts:te]))
		if strings.TrimSpace(tc[0].Text) == "" {
			continue
		}
		quote := w.body[it.ts-1]
		if quote == '(' {
			quote = ')'
		}
		tp := blockPos{start: w.srcPos(ts), end: w.srcPos(te), style: styleMarkdownTitle, quote: quote}
		w.m.reset()
		w.mapItem(mdItem{start: ts, end: te})
		p.d.mark(&tp, tc)
		titles = append(titles, pendingBlock{kind: "title-attribute", c: tc, pos: tp})
	}
	return titles
}

// codeSpans returns where the codes of c, the content made of items, are
// in the article: a translated block writes a link's end with its title
// translated, and an edit of a reference link's label makes the link a
// full reference. A code that is not one of the items, such as emphasis
// delimiters merged, has none: {-1, -1}.
func (w *mdWalk) codeSpans(items []mdItem, c inline.Content) []span {
	var spans []span
	for _, code := range c.Codes() {
		at := span{-1, -1}
		for _, it := range items {
			if it.code == code {
				at = span{w.srcPos(it.start), w.srcPos(it.end)}
				break
			}
		}
		spans = append(spans, at)
	}
	return spans
}

// standaloneImage reports whether items are one image and nothing else.
func standaloneImage(items []mdItem) bool {
	n := len(items)
	if n < 2 {
		return false
	}
	a, b := items[0].code, items[n-1].code
	if a == nil || b == nil || a.Kind != inline.Open || a.Type != "image" || b.Kind != inline.Close || b.ID != a.ID {
		return false
	}
	for _, it := range items[1 : n-1] {
		if it.code != nil && it.code.Type == "image" && it.code.ID == a.ID {
			return false
		}
	}
	return true
}

// mdItem is a piece of a Markdown block: text or a code, and where it
// lies in the block's body.
type mdItem struct {
	text       string // decoded
	code       *inline.Code
	start, end int
	// label is the link text of a shortcut or collapsed reference link's
	// end, "]" or "][]": a translation changes the text, so it is
	// written as a full reference with this label.
	label string
	soft  bool // a soft line break: text "\n"
	// ts and te are where the title of a link's or image's end, "](dest
	// "title")", starts and ends, between its quotes; 0 when it has none.
	ts, te int
}

// mdPending is a code whose markup lies somewhere before the next text:
// goldmark does not record where emphasis delimiters and link ends are,
// only their order and, for emphasis, their length.
type mdPending struct {
	code     *inline.Code
	n        int    // length of emphasis delimiters
	lit      string // the literal markup: "[" or "!["
	link     bool   // a link's or image's end: "](…)", "][…]" or "]"
	ref      *ast.ReferenceLink
	delim    bool
	footnote bool // a footnote reference: "[^label]"
}

// mdWalk builds one block's content. It works on the block's body, its
// lines without their container prefixes ("> ", indentation), so that a
// link or code span across lines is one run of bytes.
type mdWalk struct {
	src     string
	base    int
	body    string
	lineOff []int // body offset where each line starts, and len(body)
	lineSrc []int // src offset where each line starts
	firstPx string
	pos     int // the body before pos has been given to items
	items   []mdItem
	pend    []mdPending
	ids     int
	failed  bool
	buf     []byte
	// emphasis and rawHTML say whether the block has codes that
	// content needs to look at again.
	emphasis, rawHTML bool
	checkbox          int     // where a task list item's checkbox ends, or 0
	m                 *mapper // where the block's text is read from
}

// reset prepares w for a block with lines, and reports whether their
// layout is one it can handle.
func (w *mdWalk) reset(src string, base int, lines *text.Segments) bool {
	*w = mdWalk{src: src, base: base, lineOff: w.lineOff[:0], lineSrc: w.lineSrc[:0],
		items: w.items[:0], pend: w.pend[:0], buf: w.buf[:0]}
	n := lines.Len()
	total := 0
	for i := range n {
		s := lines.At(i)
		if s.Stop < s.Start || (i > 0 && s.Start < lines.At(i-1).Stop) {
			return false
		}
		if i < n-1 && (s.Stop == s.Start || src[base+s.Stop-1] != '\n') {
			return false // only the last line may lack its newline
		}
		w.lineOff = append(w.lineOff, total)
		w.lineSrc = append(w.lineSrc, base+s.Start)
		total += s.Stop - s.Start
	}
	w.lineOff = append(w.lineOff, total)
	if n == 1 {
		s := lines.At(0)
		w.body = src[base+s.Start : base+s.Stop]
	} else {
		b := make([]byte, 0, total)
		for i := range n {
			s := lines.At(i)
			b = append(b, src[base+s.Start:base+s.Stop]...)
		}
		w.body = string(b)
		for i := 1; i < n; i++ { // a prefix is on one line
			if strings.IndexByte(src[base+lines.At(i-1).Stop:base+lines.At(i).Start], '\n') >= 0 {
				return false
			}
		}
	}
	// The first line's prefix, as it continues: list markers become spaces.
	first := w.lineSrc[0]
	ls := strings.LastIndexByte(src[:first], '\n') + 1
	if ls < base {
		ls = base
	}
	w.firstPx = src[ls:first]
	if strings.Trim(w.firstPx, "> \t") != "" {
		px := []byte(w.firstPx)
		for i, c := range px {
			if c != '>' && c != ' ' && c != '\t' {
				px[i] = ' '
			}
		}
		w.firstPx = string(px)
	}
	return true
}

// prefixes returns what follows each newline of a translated block that
// starts on line line0: the prefixes of the source's next lines, or, when
// the block has no next line, the prefix of its own line as it continues.
func (w *mdWalk) prefixes(line0 int) []string {
	n := len(w.lineSrc)
	if line0+1 >= n {
		return []string{w.prefix(line0)}
	}
	px := make([]string, 0, n-line0-1)
	for i := line0 + 1; i < n; i++ {
		px = append(px, w.prefix(i))
	}
	return px
}

// prefix returns the container markers and indentation before line i.
func (w *mdWalk) prefix(i int) string {
	if i == 0 {
		return w.firstPx
	}
	prevEnd := w.lineSrc[i-1] + w.lineOff[i] - w.lineOff[i-1]
	return w.src[prevEnd:w.lineSrc[i]]
}

// bodyPos converts a position goldmark reports into the body, or -1.
func (w *mdWalk) bodyPos(pos int) int {
	pos += w.base
	i := sort.SearchInts(w.lineSrc, pos+1) - 1
	if i < 0 || pos-w.lineSrc[i] > w.lineOff[i+1]-w.lineOff[i] {
		return -1
	}
	return w.lineOff[i] + pos - w.lineSrc[i]
}

// srcPos converts a body position into the article.
func (w *mdWalk) srcPos(pos int) int {
	i := w.lineOf(pos)
	return w.lineSrc[i] + pos - w.lineOff[i]
}

// lineOf returns the line of a body position; the end of a line's newline
// is on the next line.
func (w *mdWalk) lineOf(pos int) int {
	i := sort.SearchInts(w.lineOff, pos+1) - 1
	return min(max(i, 0), len(w.lineSrc)-1)
}

func (w *mdWalk) fail() { w.failed = true }

func (w *mdWalk) newCode(k inline.Kind, typ, display string) *inline.Code {
	w.ids++
	return &inline.Code{Kind: k, ID: itoa(w.ids), Type: typ, Display: display}
}

// node adds an inline node and its children.
func (w *mdWalk) node(n ast.Node, data []byte) {
	if w.failed {
		return
	}
	switch n := n.(type) {
	case *ast.Text:
		w.text(w.bodyPos(n.Segment.Start), w.bodyPos(n.Segment.Stop), n.SoftLineBreak(), n.HardLineBreak())
	case *ast.Emphasis:
		w.emphasis = true
		typ := "italic"
		if n.Level >= 2 {
			typ = "bold"
		}
		open := w.newCode(inline.Open, typ, "")
		w.pend = append(w.pend, mdPending{code: open, n: n.Level, delim: true})
		w.children(n, data)
		w.pend = append(w.pend, mdPending{code: &inline.Code{Kind: inline.Close, ID: open.ID, Type: typ}, n: n.Level, delim: true})
	case *ast.Link:
		dest := string(n.Destination)
		open := w.newCode(inline.Open, "link", dest)
		w.pend = append(w.pend, mdPending{code: open, lit: "["})
		w.children(n, data)
		w.pend = append(w.pend, mdPending{code: &inline.Code{Kind: inline.Close, ID: open.ID, Type: "link", Display: dest}, link: true, ref: n.Reference})
	case *ast.Image:
		dest := string(n.Destination)
		open := w.newCode(inline.Open, "image", dest)
		w.pend = append(w.pend, mdPending{code: open, lit: "!["})
		w.children(n, data)
		w.pend = append(w.pend, mdPending{code: &inline.Code{Kind: inline.Close, ID: open.ID, Type: "image", Display: dest}, link: true, ref: n.Reference})
	case *ast.CodeSpan:
		s := w.bodyPos(n.Pos())
		e := codeSpanEnd(w.body, s)
		w.atom(s, e, w.newCode(inline.Placeholder, "x-code", ""))
	case *ast.RawHTML:
		if n.Segments.Len() == 0 {
			w.fail()
			return
		}
		s, e := w.bodyPos(n.Segments.At(0).Start), w.bodyPos(n.Segments.At(n.Segments.Len()-1).Stop)
		if s < 0 || e < s {
			w.fail()
			return
		}
		w.rawHTML = true
		typ, display := rawHTMLType(w.body[s:e])
		w.atom(s, e, w.newCode(inline.Placeholder, typ, display))
	case *east.TaskCheckBox:
		// "[ ]" or "[x]" and the white space after it, as goldmark reads it.
		s := w.bodyPos(n.Pos())
		e := -1
		if s >= 0 {
			if m := taskCheckBox.FindStringIndex(w.body[s:]); m != nil {
				e = s + m[1]
			}
		}
		w.atom(s, e, w.newCode(inline.Placeholder, "x-checkbox", ""))
		w.checkbox = e
	case *east.FootnoteLink:
		// Its markup, "[^label]", is next but for pending codes.
		w.pend = append(w.pend, mdPending{code: w.newCode(inline.Placeholder, "x-footnote", ""), footnote: true})
	case *ast.AutoLink:
		s := w.bodyPos(n.Pos())
		e := -1
		label := n.Label(data)
		switch {
		case s < 0 || s >= len(w.body):
		case w.body[s] == '<':
			if i := strings.IndexByte(w.body[s:], '>'); i > 0 {
				e = s + i + 1
			}
		default:
			// A URL or an address in text (GFM's extended autolink), after
			// the character that made goldmark look for one, if any.
			if strings.IndexByte(" *_~(", w.body[s]) >= 0 {
				s++
			}
			if !strings.HasPrefix(w.body[s:], string(label)) {
				break
			}
			e = s + len(label)
			// After a * or _ that is text, which a translation escapes,
			// it would not be a link: it is text too.
			if s > 0 && (w.body[s-1] == '*' || w.body[s-1] == '_') && len(w.pend) == 0 && w.pos == s {
				w.text(s, e, false, false)
				return
			}
		}
		w.atom(s, e, w.newCode(inline.Placeholder, "link", string(label)))
	default:
		w.fail()
	}
}

func (w *mdWalk) children(n ast.Node, data []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.node(c, data)
	}
}

// text adds the text body[s:e], and the line break after it.
func (w *mdWalk) text(s, e int, soft, hard bool) {
	if s < 0 || e < s {
		w.fail()
		return
	}
	if t := w.body[s:e]; isDelimiterRun(t) {
		// What is left of a run of delimiters after emphasis took some is
		// text, and goldmark may place it on characters the emphasis
		// took; they are the same characters, so take the ones after the
		// pending delimiters.
		if need := w.pendingLen(); need >= 0 && w.pos+need > s {
			w.flushAll()
			if w.failed || w.pos+len(t) > len(w.body) || w.body[w.pos:w.pos+len(t)] != t {
				w.fail()
				return
			}
			s, e = w.pos, w.pos+len(t)
		}
	}
	if s < w.pos {
		w.fail()
		return
	}
	w.flush(s)
	if w.failed {
		return
	}
	if e > s {
		w.items = append(w.items, mdItem{text: w.decode(w.body[s:e]), start: s, end: e})
	}
	w.pos = e
	if !soft && !hard {
		return
	}
	i := w.lineOf(e)
	if i >= len(w.lineSrc)-1 || e >= w.lineOff[i+1] {
		w.fail()
		return
	}
	end := w.lineOff[i+1]
	if hard {
		c := w.newCode(inline.Placeholder, "lb", "")
		c.Data = w.body[e:end]
		w.items = append(w.items, mdItem{code: c, start: e, end: end})
	} else {
		w.items = append(w.items, mdItem{text: "\n", start: e, end: end, soft: true})
	}
	w.pos = end
}

// atom adds a code whose extent is known: a code span, raw HTML or an
// autolink.
func (w *mdWalk) atom(s, e int, c *inline.Code) {
	if s < w.pos || e <= s || e > len(w.body) {
		w.fail()
		return
	}
	w.flush(s)
	if w.failed {
		return
	}
	c.Data = w.body[s:e]
	w.items = append(w.items, mdItem{code: c, start: s, end: e})
	w.pos = e
}

// isDelimiterRun reports whether t is a run of * or of _.
func isDelimiterRun(t string) bool {
	return t != "" && (t[0] == '*' || t[0] == '_') && strings.Trim(t, t[:1]) == ""
}

// pendingLen returns the length of the pending codes' markup, or -1 when
// a link's end is among them.
func (w *mdWalk) pendingLen() int {
	n := 0
	for _, pc := range w.pend {
		switch {
		case pc.delim:
			n += pc.n
		case pc.lit != "":
			n += len(pc.lit)
		default:
			return -1
		}
	}
	return n
}

// flushAll gives the pending codes the bytes they need from pos on.
func (w *mdWalk) flushAll() {
	if n := w.pendingLen(); n >= 0 && w.pos+n <= len(w.body) {
		w.flush(w.pos + n)
		return
	}
	w.fail()
}

// flush gives the bytes from pos up to p to the pending codes, in order,
// and fails unless they take exactly those bytes.
func (w *mdWalk) flush(p int) {
	b := w.body
	for _, pc := range w.pend {
		n, ts, te := 0, 0, 0
		switch {
		case pc.delim:
			n = pc.n
			if w.pos+n > p {
				w.fail()
				return
			}
			ch := b[w.pos]
			if ch != '*' && ch != '_' {
				w.fail()
				return
			}
			for i := w.pos; i < w.pos+n; i++ {
				if b[i] != ch {
					w.fail()
					return
				}
			}
		case pc.lit != "":
			if !strings.HasPrefix(b[w.pos:p], pc.lit) {
				w.fail()
				return
			}
			n = len(pc.lit)
		case pc.link:
			n, ts, te = linkEnd(b[:p], w.pos, pc.ref)
			if n < 0 {
				w.fail()
				return
			}
		case pc.footnote:
			n = footnoteRefLen(b[:p], w.pos)
			if n < 0 {
				w.fail()
				return
			}
			pc.code.Display = b[w.pos+2 : w.pos+n-1]
		}
		pc.code.Data = b[w.pos : w.pos+n]
		it := mdItem{code: pc.code, start: w.pos, end: w.pos + n, ts: ts, te: te}
		if pc.ref != nil && pc.ref.Type != ast.ReferenceLinkFull {
			for k := len(w.items) - 1; k >= 0; k-- {
				if c := w.items[k].code; c != nil && c.Kind == inline.Open && c.ID == pc.code.ID {
					it.label = strings.Join(strings.Fields(b[w.items[k].end:w.pos]), " ")
					break
				}
			}
		}
		w.items = append(w.items, it)
		w.pos += n
	}
	w.pend = w.pend[:0]
	if w.pos != p {
		w.fail()
	}
}

// fallback rebuilds the block's items when its inline nodes cannot be
// placed, as goldmark lays out some odd runs of emphasis: the text is
// text, and every run of bytes between texts is one placeholder. The
// block stays translatable, and its markup stays in order.
func (w *mdWalk) fallback(n ast.Node, data []byte) {
	type anchor struct {
		s, e       int
		soft, hard bool
		code       *inline.Code
	}
	var anchors []anchor
	var visit func(n ast.Node)
	visit = func(n ast.Node) {
		switch n := n.(type) {
		case *ast.Text:
			s, e := w.bodyPos(n.Segment.Start), w.bodyPos(n.Segment.Stop)
			if s >= 0 && e >= s && isDelimiterRun(w.body[s:e]) {
				return // left-over delimiters: markup
			}
			if s >= 0 && e >= s {
				anchors = append(anchors, anchor{s: s, e: e, soft: n.SoftLineBreak(), hard: n.HardLineBreak()})
			}
		case *ast.CodeSpan:
			if s := w.bodyPos(n.Pos()); s >= 0 {
				if e := codeSpanEnd(w.body, s); e > s {
					anchors = append(anchors, anchor{s: s, e: e, code: &inline.Code{Kind: inline.Placeholder, Type: "x-code"}})
				}
			}
		default:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				visit(c)
			}
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		visit(c)
	}
	sort.SliceStable(anchors, func(i, j int) bool { return anchors[i].s < anchors[j].s })
	w.items, w.ids, w.pos = w.items[:0], 0, 0
	markup := func(e int) {
		if e > w.pos {
			c := w.newCode(inline.Placeholder, "x-markup", "")
			c.Data = w.body[w.pos:e]
			w.items = append(w.items, mdItem{code: c, start: w.pos, end: e})
			w.pos = e
		}
	}
	for k, a := range anchors {
		if a.s < w.pos {
			continue
		}
		markup(a.s)
		if a.code != nil {
			a.code.ID = itoa(w.ids + 1)
			w.ids++
			a.code.Data = w.body[a.s:a.e]
			w.items = append(w.items, mdItem{code: a.code, start: a.s, end: a.e})
		} else if a.e > a.s {
			w.items = append(w.items, mdItem{text: w.decode(w.body[a.s:a.e]), start: a.s, end: a.e})
		}
		w.pos = a.e
		if !a.soft && !a.hard {
			continue
		}
		i := w.lineOf(a.e)
		if i >= len(w.lineSrc)-1 || a.e >= w.lineOff[i+1] {
			continue
		}
		end := w.lineOff[i+1]
		if k+1 < len(anchors) && anchors[k+1].s < end {
			continue
		}
		if a.hard {
			c := w.newCode(inline.Placeholder, "lb", "")
			c.Data = w.body[a.e:end]
			w.items = append(w.items, mdItem{code: c, start: a.e, end: end})
		} else {
			w.items = append(w.items, mdItem{text: "\n", start: a.e, end: end, soft: true})
		}
		w.pos = end
	}
	markup(len(w.body))
	w.failed = false
}

// content turns items into content, pairing raw HTML tags that open and
// close around the same text, and returns the reference labels of its
// codes, if any, and whether it has text that is not white space.
func (w *mdWalk) content(items []mdItem) (inline.Content, []string, bool) {
	if w.emphasis {
		items = w.mergeDelimiters(items)
	}
	if w.rawHTML {
		pairRawHTML(items)
	}
	c := make(inline.Content, 0, len(items))
	var labels []string
	hasText, ncodes := false, 0
	w.m.reset()
	firstEnd, lastStart := -1, -1 // the text's first and last stretches, when it starts and ends with text
	for i := 0; i < len(items); i++ {
		it := items[i]
		if it.code != nil {
			if it.label != "" {
				if labels == nil {
					labels = make([]string, len(items))
				}
				labels[ncodes] = it.label
			}
			ncodes++
			c = append(c, inline.Item{Code: it.code})
			continue
		}
		t := it.text
		start := w.m.len()
		w.mapItem(it)
		if i+1 < len(items) && items[i+1].code == nil {
			var b strings.Builder
			b.WriteString(t)
			for i+1 < len(items) && items[i+1].code == nil {
				i++
				b.WriteString(items[i].text)
				w.mapItem(items[i])
			}
			t = b.String()
		}
		if t == "" {
			continue
		}
		if !hasText && strings.TrimSpace(t) != "" {
			hasText = true
		}
		c = append(c, inline.Item{Text: trimNewlines(t)})
		w.m.trimNewlines(start)
		if len(c) == 1 {
			firstEnd = w.m.len()
		}
		lastStart = -1
		if i == len(items)-1 {
			lastStart = start
		}
	}
	c = trimEdges(c)
	w.m.trimEdges(firstEnd, lastStart)
	renumber(c)
	return c, labels, hasText
}

// mapItem adds the text of it to the mapper: its bytes, with each escape
// and entity reference a unit, or for a soft line break, the end of its
// line and the next line's prefix as one unit.
func (w *mdWalk) mapItem(it mdItem) {
	m := w.m
	if m == nil {
		return
	}
	if it.soft {
		m.unit("\n", w.srcPos(it.start), w.srcPos(it.end))
		return
	}
	s := w.body[it.start:it.end]
	if strings.IndexByte(s, '\\') < 0 && strings.IndexByte(s, '&') < 0 {
		w.mapBytes(it.start, it.end)
		return
	}
	i := 0 // where the bytes as written start
	for k := 0; k < len(s); k++ {
		c := s[k]
		if c != '\\' && c != '&' {
			continue
		}
		w.mapBytes(it.start+i, it.start+k)
		at, n := len(m.text), 0
		if c == '\\' && k+1 < len(s) && util.IsPunct(s[k+1]) {
			m.text, n = append(m.text, s[k+1]), 2
		} else if c == '&' {
			m.text, n = appendEntity(m.text, s[k:])
		}
		if n == 0 {
			i = k
			continue
		}
		from := w.srcPos(it.start + k)
		m.pieces = append(m.pieces, piece{at: at, from: from, to: from + n})
		k += n - 1
		i = k + 1
	}
	w.mapBytes(it.start+i, it.end)
}

// mapBytes adds body[a:b] as it is written, in a piece for each line.
func (w *mdWalk) mapBytes(a, b int) {
	for a < b {
		i := w.lineOf(a)
		e := min(b, w.lineOff[i+1])
		if e <= a { // past the last line: cannot be
			w.m.bad = true
			return
		}
		from := w.lineSrc[i] + a - w.lineOff[i]
		w.m.verbatim(w.src, from, from+e-a)
		a = e
	}
}

// trimNewlines returns t without the spaces and tabs around its newlines,
// and carriage returns before them, which Markdown does not show: only
// escaped or encoded ones get this far, and, when goldmark cuts the text
// at a space to look for a link there, a carriage return before it.
func trimNewlines(t string) string {
	if !strings.Contains(t, " \n") && !strings.Contains(t, "\t\n") && !strings.Contains(t, "\r\n") && !strings.Contains(t, "\n ") && !strings.Contains(t, "\n\t") {
		return t
	}
	lines := strings.Split(t, "\n")
	for i, l := range lines {
		if i > 0 {
			l = strings.TrimLeft(l, " \t")
		}
		if i < len(lines)-1 {
			l = strings.TrimRight(l, " \t\r")
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// mergeDelimiters joins what is left of a run of emphasis delimiters to
// the emphasis code next to it: "**foo*" is "*" and an Open "*". Written
// as text, it would be escaped, and the shorter run could pair
// differently; as part of the code, the run is written as it was.
func (w *mdWalk) mergeDelimiters(items []mdItem) []mdItem {
	emphasis := func(it *mdItem) byte {
		c := it.code
		if c == nil || (c.Type != "italic" && c.Type != "bold") || c.Kind == inline.Placeholder || !isDelimiterRun(c.Data) {
			return 0
		}
		return c.Data[0]
	}
	changed := false
	for i := range items {
		it := &items[i]
		if it.code != nil || it.end == it.start {
			continue
		}
		raw := w.body[it.start:it.end]
		if i+1 < len(items) && items[i+1].start == it.end {
			if ch := emphasis(&items[i+1]); ch != 0 {
				k := 0
				for k < len(raw) && raw[len(raw)-1-k] == ch {
					k++
				}
				bs := 0 // backslashes before the run: an odd number escapes its first character
				for bs < len(raw)-k && raw[len(raw)-k-1-bs] == '\\' {
					bs++
				}
				if bs%2 == 1 {
					k--
				}
				if k > 0 {
					next := &items[i+1]
					next.start -= k
					next.code.Data = w.body[next.start:next.end]
					it.end -= k
					changed = true
				}
			}
		}
		if i > 0 && items[i-1].end == it.start && it.end > it.start {
			if ch := emphasis(&items[i-1]); ch != 0 {
				raw := w.body[it.start:it.end]
				k := 0
				for k < len(raw) && raw[k] == ch {
					k++
				}
				if k > 0 {
					prev := &items[i-1]
					prev.end += k
					prev.code.Data = w.body[prev.start:prev.end]
					it.start += k
					changed = true
				}
			}
		}
		if changed && it.start <= it.end && it.text != "\n" {
			it.text = w.decode(w.body[it.start:it.end])
		}
	}
	if !changed {
		return items
	}
	out := items[:0]
	for _, it := range items {
		if it.code == nil && it.start >= it.end && it.text != "\n" {
			continue
		}
		out = append(out, it)
	}
	return out
}

// pairRawHTML makes a raw HTML start tag and its end tag an Open and a
// Close when nothing between them is left open or closes something opened
// before.
func pairRawHTML(items []mdItem) {
	type open struct {
		code *inline.Code
		tag  string // a raw HTML start tag's name, "" for other codes
	}
	var stack []open
	for _, it := range items {
		c := it.code
		if c == nil {
			continue
		}
		switch c.Kind {
		case inline.Open:
			stack = append(stack, open{code: c})
		case inline.Close:
			for len(stack) > 0 {
				top := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if top.tag == "" {
					break
				}
			}
		case inline.Placeholder:
			name, end, ok := rawHTMLTag(c.Data)
			switch {
			case !ok:
			case !end:
				stack = append(stack, open{code: c, tag: name})
			case len(stack) > 0 && stack[len(stack)-1].tag == name:
				start := stack[len(stack)-1].code
				stack = stack[:len(stack)-1]
				start.Kind = inline.Open
				c.Kind, c.ID, c.Display = inline.Close, start.ID, ""
			}
		}
	}
}

// rawHTMLTag returns the name of a start or end tag that can be half of a
// pair; ok is false for other markup, such as void elements and comments.
func rawHTMLTag(s string) (name string, end, ok bool) {
	if len(s) < 3 || s[0] != '<' || s[len(s)-1] != '>' || strings.HasSuffix(s, "/>") {
		return "", false, false
	}
	i := 1
	if s[1] == '/' {
		end = true
		i = 2
	}
	j := i
	for j < len(s) && (isAlnum(s[j]) || s[j] == '-') {
		j++
	}
	if j == i {
		return "", false, false
	}
	name = strings.ToLower(s[i:j])
	if voidElements[name] {
		return "", false, false
	}
	return name, end, true
}

// rawHTMLType returns the code type of raw inline HTML, and what to show
// translators.
func rawHTMLType(s string) (typ, display string) {
	if strings.HasPrefix(s, "<!--") {
		return "x-comment", ""
	}
	i := 1
	if len(s) > 1 && s[1] == '/' {
		i = 2
	}
	j := i
	for j < len(s) && (isAlnum(s[j]) || s[j] == '-') {
		j++
	}
	if j == i {
		return "x-html", ""
	}
	name := strings.ToLower(s[i:j])
	if name == "a" && i == 1 {
		for _, a := range scanAttrs(s) {
			if a.name == "href" {
				display = decodeEntities(s[a.start:a.end])
			}
		}
	}
	return tagType(name), display
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// codeSpanEnd returns the end of the code span that starts at s: after the
// next run of as many backticks as open it, or -1.
func codeSpanEnd(b string, s int) int {
	if s < 0 || s >= len(b) || b[s] != '`' {
		return -1
	}
	n := 0
	for s+n < len(b) && b[s+n] == '`' {
		n++
	}
	for i := s + n; i < len(b); {
		if b[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(b) && b[j] == '`' {
			j++
		}
		if j-i == n {
			return j
		}
		i = j
	}
	return -1
}

// linkEnd returns the length of the end of a link or image that starts at
// b[i], "](dest "title")", "][label]", "][]" or "]", as ref says which it
// is, or -1. It follows goldmark's link parser.
// It also returns where the title's text, between its quotes or
// parentheses, starts and ends in b: both 0 when it has none.
func linkEnd(b string, i int, ref *ast.ReferenceLink) (n, ts, te int) {
	n = -1
	start := i
	if i >= len(b) || b[i] != ']' {
		return
	}
	i++
	if ref != nil {
		if ref.Type == ast.ReferenceLinkShortcut {
			return 1, 0, 0
		}
		if i >= len(b) || b[i] != '[' {
			return
		}
		e := closure(b, i+1, '[', ']')
		if e < 0 {
			return
		}
		return e - start, 0, 0
	}
	if i >= len(b) || b[i] != '(' {
		return
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == ')' {
		return i + 1 - start, ts, te
	}
	// The destination lies on one line.
	if i < len(b) && b[i] == '<' {
		j := i + 1
		for ; j < len(b) && b[j] != '\n'; j++ {
			if b[j] == '\\' && j+1 < len(b) && util.IsPunct(b[j+1]) {
				j++
				continue
			}
			if b[j] == '>' {
				break
			}
		}
		if j >= len(b) || b[j] != '>' {
			return
		}
		i = j + 1
	} else {
		opened := 0
		j := i
		for ; j < len(b); j++ {
			c := b[j]
			if c == '\\' && j+1 < len(b) && util.IsPunct(b[j+1]) {
				j++
				continue
			}
			if c == '(' {
				opened++
			} else if c == ')' {
				opened--
				if opened < 0 {
					break
				}
			} else if util.IsSpace(c) {
				break
			}
		}
		if j == i {
			return
		}
		i = j
	}
	i = skipSpace(b, i)
	if i < len(b) && b[i] == ')' {
		return i + 1 - start, ts, te
	}
	if i >= len(b) || (b[i] != '"' && b[i] != '\'' && b[i] != '(') {
		return
	}
	closer := b[i]
	if closer == '(' {
		closer = ')'
	}
	e := closure(b, i+1, b[i], closer)
	if e < 0 {
		return
	}
	ts, te = i+1, e-1
	if i = skipSpace(b, e); i < len(b) && b[i] == ')' {
		return i + 1 - start, ts, te
	}
	return -1, 0, 0
}

// taskCheckBox is goldmark's expression for a task list item's checkbox.
var taskCheckBox = regexp.MustCompile(`^\[([\sxX])\]\s*`)

// footnoteRefLen returns the length of the footnote reference "[^label]"
// at b[i], or -1. It follows goldmark's footnote parser, which takes
// after a "!" any byte for the "[": "!x^label]" is "!" and a reference.
func footnoteRefLen(b string, i int) int {
	if !strings.HasPrefix(b[i:], "[^") && (i == 0 || b[i-1] != '!' || i+1 >= len(b) || b[i+1] != '^') {
		return -1
	}
	e := closure(b, i+2, '[', ']')
	if e < 0 || strings.IndexByte(b[i:e], '\n') >= 0 {
		return -1
	}
	return e - i
}

// closure returns the position after the first unescaped closer from i,
// or -1 when an opener comes first, as goldmark's FindClosure does
// without nesting.
func closure(b string, i int, opener, closer byte) int {
	for ; i < len(b); i++ {
		c := b[i]
		if c == '\\' && i+1 < len(b) && util.IsPunct(b[i+1]) {
			i++
			continue
		}
		if c == closer {
			return i + 1
		}
		if c == opener {
			return -1
		}
	}
	return -1
}

func skipSpace(b string, i int) int {
	for i < len(b) && util.IsSpace(b[i]) {
		i++
	}
	return i
}

// decode resolves the backslash escapes and entity references of
// Markdown text, as a reader sees it.
func (w *mdWalk) decode(s string) string {
	if strings.IndexByte(s, '\\') < 0 && strings.IndexByte(s, '&') < 0 {
		return s
	}
	b := w.buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && util.IsPunct(s[i+1]):
			i++
			b = append(b, s[i])
		case c == '&':
			var n int
			if b, n = appendEntity(b, s[i:]); n > 0 {
				i += n - 1
			} else {
				b = append(b, c)
			}
		default:
			b = append(b, c)
		}
	}
	w.buf = b
	return string(b)
}

// appendEntity appends to dst what the entity or numeric character
// reference that starts s reads as, as CommonMark reads them, and returns
// its length, or 0 and dst as it was.
func appendEntity(dst []byte, s string) ([]byte, int) {
	if len(s) < 3 || s[0] != '&' {
		return dst, 0
	}
	if s[1] == '#' {
		i, hex := 2, false
		if i < len(s) && (s[i] == 'x' || s[i] == 'X') {
			hex = true
			i++
		}
		base, start, v := 10, i, 0
		if hex {
			base = 16
		}
		for ; i < len(s) && i-start < 8; i++ {
			d := digitVal(s[i])
			if d >= base {
				break
			}
			v = v*base + d
		}
		n := i - start
		if n == 0 || (hex && n > 6) || (!hex && n > 7) || i >= len(s) || s[i] != ';' {
			return dst, 0
		}
		r := rune(v)
		if v == 0 || !utf8.ValidRune(r) {
			r = utf8.RuneError
		}
		return utf8.AppendRune(dst, r), i + 1
	}
	i := 1
	for i < len(s) && i < 40 && isAlnum(s[i]) {
		i++
	}
	if i == 1 || i >= len(s) || s[i] != ';' {
		return dst, 0
	}
	e, ok := util.LookUpHTML5EntityByName(s[1:i])
	if !ok {
		return dst, 0
	}
	return append(dst, e.Characters...), i + 1
}

// digitVal returns the value of a hexadecimal digit, or 16.
func digitVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return 16
}
