// Package document reads the articles loctool translates into blocks of
// text with inline codes, and writes them back with translated blocks.
//
// [Parse] cuts an article into a [Document]: its translatable [Block]s, in
// order, and a skeleton that holds every other byte of the file.
// [Document.Render] joins the skeleton and the blocks again, each block
// from its translation when there is one.
//
// # Byte identity
//
// With no translations, or translations equal to the source, Render
// returns the input byte for byte: byte order mark, line endings, trailing
// white space, a missing final newline, entities, attribute quoting and
// order all come back unchanged. The skeleton is never rebuilt from a
// parse tree: every offset points into the article, and a block whose
// content is unchanged is written from the article's own bytes. Only a
// block with a different translation is written afresh, escaped for its
// format and laid out like its source: the article's line ending, and in
// Markdown each line's container prefix, such as "> " in a block quote.
//
// A block's content is what translators see: text with entities and
// escapes resolved, without white space at either end, and the formatting
// inside it as [inline.Code]s whose Data is the exact markup from the
// file. A translated block's codes are written from the source's markup,
// found by kind and ID, so a translation cannot change a link's address;
// Render rejects a translation that drops, adds or crosses codes.
//
// # Places in the article
//
// [Document.Source] says which bytes of the article any stretch of a
// block's text was read from, through entities, escapes, line endings,
// collapsed white space and front matter quoting, so that what is found
// in the text, such as a misspelt name, can be reported where it is in the
// file. A block keeps a few offsets for each stretch of its text written
// as it reads, and for each entity, escape or other unit of markup.
// [Document.Edit] turns a replacement of such a stretch into an edit of
// the article, escaped where it goes, so that the article can be mended in
// place and read back with the replacement in its block.
//
// # Formats
//
// Plain text ([Text]): a block is a paragraph, lines separated from other
// paragraphs by blank lines (lines of only spaces and tabs are blank). The
// newlines inside a paragraph stay in its text, and the white space around
// it, such as indentation before its first line, is skeleton.
//
// Markdown ([Markdown]), CommonMark with GFM tables, task lists, extended
// autolinks and footnotes, read with goldmark: the blocks are headings (ATX
// and setext), paragraphs, list items and block quotes (their paragraphs),
// without a task list item's checkbox, "[ ]" or "[x]", which is skeleton,
// table cells, the paragraphs of footnote definitions (Kind "footnote"),
// whose "[^label]:" is skeleton, and the alt text of an image that stands
// alone in a paragraph (Kind "alt"), unless the image is a reference
// ("![alt][label]", or "![label]" whose text is its label); an image in
// running text, or a reference, is an Open "![" and a Close, "](src)" or
// the reference's end, around its alt text. Emphasis, links, code spans,
// autolinks, raw inline HTML, footnote references and hard line breaks
// become codes: a link is an Open "[" and a Close "](https://…)" with Type
// "link" and the address as Display, so its text is translatable and its
// address is not; an autolink, "<https://…>" or a URL or e-mail address in
// text that GFM makes a link of, is a Placeholder of Type "link"; a code
// span is a Placeholder of Type "x-code"; a footnote reference, "[^label]"
// where a definition has that label, is a Placeholder of Type "x-footnote"
// with the label as Display; a raw HTML start tag and its end tag make a
// pair when they enclose text soundly. Soft line breaks stay in the text as
// newlines. Code blocks, HTML blocks and comments, link reference
// definitions, thematic breaks and front matter (see below) are skeleton;
// with [Options.FrontMatter], the values of the top-level title and
// description keys are blocks too, and with [Options.Titles], the titles
// of links and images (Kind "title-attribute").
//
// A translated block has what Markdown would misread escaped with a
// backslash (\ * _ [ ] < > ` and entity references everywhere; # ~~~ and
// ordered-list numbers at the start of a line, and - + = where they would
// start a list item, a thematic break, +++ or, on a later line, a setext
// underline or a table's delimiter row; # in an ATX heading; | in a table
// cell; ( or : after a link's or footnote reference's "]"; ^ after a
// link's "[", or after "!" and a character, which goldmark reads as a
// footnote reference; the : . or @ of text that GFM would make a link of),
// loses blank lines and indentation, writes a shortcut or collapsed
// reference link as a full one, and a URL or e-mail address that a
// translation moves where GFM would not make a link of it in angle
// brackets, so that it reads back as the same block with the same links and
// footnotes. A hard line break that a translation moves to the start or the
// end of its block, where Markdown has none, is left out. What marks the
// start of a line is escaped at the start of a table cell too, which in
// a table without pipes starts its row's line; and a paragraph on the
// line after a table's last row, a paragraph only as goldmark splits
// such tables, is written after a blank line.
//
// HTML ([HTML]), read with the golang.org/x/net/html tokenizer, whose raw
// bytes for each token place it in the article: the blocks are runs of
// text and inline elements in p, h1–h6, li, td, th, dt, dd, blockquote,
// figcaption, caption and title, and also text outside all of them, such
// as in a div (Kind "text"), so that no visible text goes untranslated.
// The content of <meta name="description">, and the alt and title
// attributes of any element, are blocks of their own. Inline elements (a,
// b, em, span, br, img, …) become codes holding their exact tags. Runs of
// white space show as one space, as a browser shows them. When blocks
// nest, such as a p inside an li inside a td, the innermost element's text
// is the block: a block-level tag ends the current block, and text after
// it starts a new one; a p inside an li, blockquote, td, th, dd or
// figcaption takes its container's kind. script, style, template,
// noscript, textarea, svg and math are skeleton, and so is pre, which
// mostly holds code and whose white space matters; pre translate="yes"
// makes it a block of Kind "preformatted". translate="no" leaves an
// element, its attributes and its content untranslated, and
// translate="yes" inside it translates again; an untranslated element
// inside a block is one Placeholder of Type "x-protected". So are code,
// kbd and samp, which hold code, keys and a program's output, as a
// Markdown code span does, and an element of class "notranslate", as
// machine translation services have it, unless they say translate="yes". Malformed HTML
// loses no bytes: an unclosed p or li ends at the next block, and a tag
// whose partner is missing or crosses another becomes a Placeholder.
//
// # Front matter
//
// A Markdown article may start with front matter: YAML between a --- line
// and a --- or ... line, or TOML between +++ lines. A --- line is also a
// rule (a thematic break), so such a block is front matter only when what
// it holds reads as front matter: nothing but blank lines; YAML that is a
// mapping (key: value lines) and starts on the line after the opening ---;
// or TOML. Anything else is Markdown, and translated: a paragraph (to YAML,
// a scalar), a list, headings written with a # (to YAML, comments), and
// text that YAML cannot parse, such as *emphasis*. Where a guess would
// either leave text untranslated or translate YAML, Parse returns an
// [*Error] of kind [ErrFrontMatter]: for a YAML mapping after a blank line,
// which pandoc reads as a rule and text, and Hugo as front matter; and for
// front matter with a mistake, YAML or TOML that does not parse although
// its first line, past blank lines and comments, starts like a key, such as
// "title:", "title =" or "[params]", and, for YAML, follows the opening
// ---. Writing the rule as *** makes such a block Markdown. A translation
// does not turn Markdown into front matter: when the translated blocks
// between the --- lines would read as front matter, Render writes the
// opening rule as ***, the same rule.
package document

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/internal/place"
)

// Format is an article format.
type Format string

const (
	Text     Format = "text"     // plain text
	Markdown Format = "markdown" // CommonMark with GFM tables, task lists, extended autolinks and footnotes
	HTML     Format = "html"
)

var extensions = []struct {
	ext    string
	format Format
}{
	{".txt", Text}, {".text", Text},
	{".md", Markdown}, {".markdown", Markdown},
	{".html", HTML}, {".htm", HTML},
}

// Errors that an [*Error] can be, for errors.Is.
var (
	ErrUnknownFormat = errors.New("unknown article format")
	ErrEncoding      = errors.New("article is not valid UTF-8")
	ErrFrontMatter   = errors.New("front matter cannot be read or translated")
	ErrCodes         = errors.New("translation does not keep the block's codes")
	ErrTooDeep       = errors.New("article is nested too deep")
	ErrTooMuchMarkup = errors.New("article's paragraph has too much inline markup")
)

// FormatOf returns the format of the article at path, by its extension.
func FormatOf(path string) (Format, error) {
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range extensions {
		if e.ext == ext {
			return e.format, nil
		}
	}
	known := make([]string, len(extensions))
	for i, e := range extensions {
		known[i] = e.ext
	}
	return "", &Error{File: path, kind: ErrUnknownFormat,
		Msg: "unknown article format: the known extensions are " + strings.Join(known, ", ")}
}

// Datatype returns the format's name in XLIFF's datatype attribute.
func (f Format) Datatype() string {
	switch f {
	case Text:
		return "plaintext"
	case Markdown:
		return "x-markdown"
	case HTML:
		return "html"
	}
	return "x-" + string(f)
}

// Options change what Parse takes as translatable.
type Options struct {
	// FrontMatter makes the title: and description: values of a Markdown
	// article's front matter blocks.
	FrontMatter bool
	// Titles makes the titles of a Markdown article's links and images,
	// [text](dest "title"), each on one line, blocks of kind
	// "title-attribute", as HTML's title attributes are. A reference
	// definition's title stays skeleton.
	Titles bool
	// MaxDepth is the deepest nesting read: of HTML elements, or of
	// Markdown's list items and block quotes, which a line's ">" and
	// its indentation and list markers, two columns a level, bound. 0
	// takes DefaultMaxDepth. A deeper article is an [*Error] of kind
	// [ErrTooDeep], at the tag or the line that goes too deep: the
	// Markdown parser takes time that grows with the square of the depth
	// on every line.
	MaxDepth int
	// DepthSetting names the setting that changes MaxDepth, for the
	// error's hint; "" for none.
	DepthSetting string
	// MaxMarkup is the most characters of inline markup (* _ ` [ ]) a
	// Markdown paragraph may have: the Markdown parser matches emphasis,
	// code spans and links in time that can grow with the square of
	// their number in one paragraph. 0 takes DefaultMaxMarkup. A
	// paragraph with more is an [*Error] of kind [ErrTooMuchMarkup], at
	// its first line.
	MaxMarkup int
	// MarkupSetting names the setting that changes MaxMarkup, for the
	// error's hint; "" for none.
	MarkupSetting string
}

// DefaultMaxMarkup is the most characters of inline markup a Markdown
// paragraph may have unless Options say otherwise: 4,000, forty
// times what a paragraph of news with a link in every sentence has, and
// few enough that the worst paragraph takes a few milliseconds a
// kilobyte.
const DefaultMaxMarkup = 4000

// maxMarkup returns the options' MaxMarkup, the default filled in.
func (o Options) maxMarkup() int {
	if o.MaxMarkup > 0 {
		return o.MaxMarkup
	}
	return DefaultMaxMarkup
}

// DefaultMaxDepth is the deepest nesting Parse reads unless Options say
// otherwise: 512, where browsers stop nesting HTML elements.
const DefaultMaxDepth = 512

// maxDepth returns the options' MaxDepth, the default filled in.
func (o Options) maxDepth() int {
	if o.MaxDepth > 0 {
		return o.MaxDepth
	}
	return DefaultMaxDepth
}

// tooDeep returns the error of an article nested deeper than the options
// allow, at the byte offset off.
func (d *Document) tooDeep(off int, what string) *Error {
	msg := fmt.Sprintf("%s nested deeper than %d levels", what, d.opts.maxDepth())
	if d.opts.DepthSetting != "" {
		msg += fmt.Sprintf(": flatten the article, or raise %s", d.opts.DepthSetting)
	} else {
		msg += ": flatten the article"
	}
	return d.errorAt(off, ErrTooDeep, msg)
}

// Document is a parsed article: its translatable blocks and the skeleton
// that rebuilds the file around them.
type Document struct {
	Format Format
	// Blocks are the translatable blocks, in document order.
	Blocks []Block

	name  string
	opts  Options
	src   string     // the article; every offset below indexes it
	eol   string     // the article's line ending, for new lines in translations
	spans []blockPos // where each block lies, parallel to Blocks
	top   []int      // the blocks not nested in another, in order
	langs []span     // the values of the root element's lang attributes (HTML)
	// rule is, in a Markdown article that starts with a --- (or +++)
	// line and no front matter, that line and where the next such line
	// starts, or the article ends: a translation of the blocks between
	// could make them read as front matter.
	rule  span
	runs  runs    // room for the runs of the blocks still to read
	nruns int     // the number of runs so far
	m     *mapper // the runs of the block being read, while Parse reads
}

// Block is a translatable block of an article.
type Block struct {
	// ID is "b1", "b2", … in document order: a valid XML NMTOKEN.
	ID string
	// Kind is what the block is: "paragraph", "heading", "list-item",
	// "blockquote", "table-cell", "title", "alt", "title-attribute",
	// "description", "front-matter-title", "front-matter-description",
	// "term", "definition", "caption", "preformatted", "footnote" or
	// "text".
	Kind    string
	Content inline.Content
}

// blockPos is where a block lies in the article, and how to write it.
type blockPos struct {
	start, end int // the block's bytes: src[start:end]
	style      style
	// codes are the source spans of the content's codes, in order; HTML,
	// and Markdown with titles, write a code from its span, so that the
	// blocks nested in it are written translated.
	codes []span
	// children are the blocks nested in this one (attributes in a tag).
	children []int
	// prefixes[i] is written after the i-th newline of a Markdown block:
	// the container markers and indentation of its next line; px when
	// there are none.
	prefixes []string
	px       string
	// labels[i], when set, is the label to write the i-th code, a
	// Markdown shortcut or collapsed reference's end, as "][label]".
	labels []string
	quote  byte // an attribute value's or a title's closing quote, or 0 when unquoted
	// runs say where the text is in the article, for Source; none when
	// it cannot be placed.
	runs runs
}

// span is a stretch of the article, src[start:end].
type span struct{ start, end int }

// style says how a translated block is escaped.
type style uint8

const (
	styleText          style = iota // plain text
	styleMarkdown                   // a Markdown paragraph, list item, quote or setext heading
	styleMarkdownH                  // a Markdown ATX heading: one line, # escaped
	styleMarkdownTD                 // a Markdown table cell: one line, | escaped
	styleMarkdownIn                 // Markdown inside brackets (image alt text)
	styleMarkdownTitle              // a Markdown link's or image's title, in quote
	styleHTML                       // HTML text
	styleHTMLAttr                   // an HTML attribute value
	styleYAMLPlain                  // a YAML plain scalar
	styleYAMLSingle                 // a YAML single-quoted scalar
	styleYAMLDouble                 // a YAML double-quoted scalar or a TOML basic string
	styleTOMLLiteral                // a TOML literal string
)

// Error is a problem with an article, at a place in it when Line is not 0.
type Error struct {
	File      string
	Line, Col int // 1-based; Col counts characters
	Msg       string
	Err       error // the cause, if any
	kind      error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(place.String(e.File, e.Line, e.Col))
	b.WriteString(": ")
	b.WriteString(e.Msg)
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Diagnostic returns the error as a diagnostic of rule [diag.ArticleRead]:
// an error at the error's place, with Msg and the cause as its message.
func (e *Error) Diagnostic() diag.Diagnostic {
	msg := e.Msg
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return diag.Diagnostic{
		File:     e.File,
		Start:    diag.Position{Line: e.Line, Col: e.Col},
		Severity: diag.Error,
		Rule:     diag.ArticleRead,
		Message:  msg,
	}
}

// Is reports whether the error is of the kind target: ErrUnknownFormat,
// ErrEncoding, ErrFrontMatter, ErrCodes, ErrTooDeep or ErrTooMuchMarkup.
func (e *Error) Is(target error) bool { return e.kind != nil && e.kind == target }

// errorAt returns an error at the byte offset off of d's article.
func (d *Document) errorAt(off int, kind error, msg string) *Error {
	line, col := place.Of(d.src, off)
	return &Error{File: d.name, Line: line, Col: col, Msg: msg, kind: kind}
}

// checkText refuses an article that is not UTF-8 text, or that has
// control characters no handoff format can carry, at the first.
func (d *Document) checkText() *Error {
	if utf8.ValidString(d.src) && controlIndex(d.src) < 0 {
		return nil
	}
	if strings.HasPrefix(d.src, "\xff\xfe") || strings.HasPrefix(d.src, "\xfe\xff") {
		return d.errorAt(0, ErrEncoding, "the article is UTF-16 text (it starts with a UTF-16 byte order mark): save it as UTF-8")
	}
	for off, r := range d.src {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(d.src[off:], "\uFFFD"):
			return d.errorAt(off, ErrEncoding, fmt.Sprintf("byte 0x%02x is not UTF-8 text: save the article as UTF-8", d.src[off]))
		case r < utf8.RuneSelf && isControl(byte(r)):
			return d.errorAt(off, ErrEncoding, fmt.Sprintf("control character U+%04X, which XML cannot carry: the article is damaged, or not text; remove it", r))
		}
	}
	return nil
}

// isControl reports whether c is a control character XML cannot carry:
// one of C0 but tab, line feed and carriage return.
func isControl(c byte) bool { return c < ' ' && c != '\t' && c != '\n' && c != '\r' }

// controlIndex returns the index of the first control character of s
// that XML cannot carry, or -1. Being ASCII, each is one byte.
func controlIndex(s string) int {
	for i := 0; i < len(s); i++ {
		if isControl(s[i]) {
			return i
		}
	}
	return -1
}

// Parse reads an article of format f. name is the article's path, for
// messages.
func Parse(f Format, data []byte, name string, opts Options) (*Document, error) {
	return ParseString(f, string(data), name, opts)
}

// ParseString is [Parse] for an article held as a string, which the
// document keeps without a copy.
func ParseString(f Format, text string, name string, opts Options) (*Document, error) {
	d := &Document{Format: f, name: name, opts: opts, src: text, eol: "\n"}
	if len(d.src) <= maxMapped {
		d.m = &mapper{}
	}
	// Room for the blocks, so that they are not copied as they grow: a
	// block takes two lines at least, blank line included, and in HTML,
	// with its attribute blocks, about one.
	n := strings.Count(d.src, "\n")
	if f != HTML {
		n /= 2
	}
	if n = min(n, len(d.src)/16) + 4; n > 16 {
		d.Blocks = make([]Block, 0, n)
		d.spans = make([]blockPos, 0, n)
	}
	if err := d.checkText(); err != nil {
		return nil, err
	}
	if i := strings.IndexByte(d.src, '\n'); i > 0 && d.src[i-1] == '\r' {
		d.eol = "\r\n"
	}
	var err error
	switch f {
	case Text:
		parseText(d)
	case Markdown:
		err = parseMarkdown(d, opts)
	case HTML:
		err = parseHTML(d)
	default:
		return nil, &Error{File: name, kind: ErrUnknownFormat, Msg: fmt.Sprintf("unknown article format %q", string(f))}
	}
	if err != nil {
		return nil, err
	}
	// A character reference (&#1;) can still make a control character.
	for i, b := range d.Blocks {
		for _, it := range b.Content {
			if c := controlIndex(it.Text); it.Code == nil && c >= 0 {
				return nil, d.errorAt(d.spans[i].start, ErrEncoding, fmt.Sprintf("the text has control character U+%04X, which XML cannot carry, written as a character reference: remove it", it.Text[c]))
			}
		}
	}
	d.number()
	d.m, d.runs = nil, nil
	return d, nil
}

// bomLen returns the length of the byte order mark that starts s, if any.
func bomLen(s string) int {
	if strings.HasPrefix(s, "\uFEFF") {
		return len("\uFEFF")
	}
	return 0
}

// add appends a block; number orders and names the blocks once all are in.
func (d *Document) add(kind string, c inline.Content, p blockPos) {
	d.Blocks = append(d.Blocks, Block{Kind: kind, Content: c})
	d.spans = append(d.spans, p)
}

// number puts the blocks in document order, names them, and finds the
// blocks nested in others. Blocks are added almost in order, so the sort
// is cheap; nesting only happens in HTML, where attribute blocks lie in the
// tags of a text block.
func (d *Document) number() {
	sorted := true
	for i := 1; i < len(d.spans); i++ {
		if d.spans[i].start < d.spans[i-1].start {
			sorted = false
			break
		}
	}
	if !sorted {
		idx := make([]int, len(d.spans))
		for i := range idx {
			idx[i] = i
		}
		sortStable(idx, func(a, b int) bool { return d.spans[a].start < d.spans[b].start })
		blocks := make([]Block, len(idx))
		spans := make([]blockPos, len(idx))
		for i, j := range idx {
			blocks[i], spans[i] = d.Blocks[j], d.spans[j]
		}
		d.Blocks, d.spans = blocks, spans
	}
	d.top = make([]int, 0, len(d.spans))
	outer := -1 // the last top-level block
	for i := range d.Blocks {
		d.Blocks[i].ID = blockID(i + 1)
		if outer >= 0 && d.spans[i].start < d.spans[outer].end {
			d.spans[outer].children = append(d.spans[outer].children, i)
			continue
		}
		d.top = append(d.top, i)
		outer = i
	}
}

// sortStable is an insertion sort: the blocks are nearly sorted.
func sortStable(idx []int, less func(a, b int) bool) {
	for i := 1; i < len(idx); i++ {
		for j := i; j > 0 && less(idx[j], idx[j-1]); j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
}

func blockID(n int) string {
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	i--
	buf[i] = 'b'
	return string(buf[i:])
}

// Render writes the article with each block's content replaced by its
// target, keyed by block ID. A block without a target, or whose target
// has the same text and codes as its source, is written from the
// article's own bytes. Targets for IDs the document does not have are
// ignored. A target whose codes do not match its block's, as
// [inline.CheckCodes] says, is an [*Error] that names the block.
func (d *Document) Render(targets map[string]inline.Content) ([]byte, error) {
	return d.RenderIn("", targets)
}

// RenderIn is Render for an article in the language lang, a BCP 47 tag:
// the language the article declares, in the lang and xml:lang
// attributes of HTML's root element, becomes lang. An empty lang leaves
// the declaration as it is.
func (d *Document) RenderIn(lang string, targets map[string]inline.Content) ([]byte, error) {
	r := renderer{d: d, targets: targets}
	r.b.Grow(len(d.src) + len(d.src)/8)
	pos := 0
	for _, i := range d.top {
		r.between(pos, d.spans[i].start, lang)
		if err := r.block(i); err != nil {
			return nil, err
		}
		pos = d.spans[i].end
	}
	r.between(pos, len(d.src), lang)
	out := r.b.Bytes()
	if r.rule {
		// Written as ***, the opening rule is the same rule, and no
		// front matter; the text +++ is the same text as \+++.
		if fm := scanFrontMatter(string(out), d.rule.start); fm.end > 0 || fm.msg != "" {
			if out[d.rule.start] == '+' {
				out = slices.Insert(out, d.rule.start, '\\')
			} else {
				copy(out[d.rule.start:], "***")
			}
		}
	}
	return out, nil
}

// between writes the article's bytes from start to end, outside any
// block, with its language declarations changed to lang.
func (r *renderer) between(start, end int, lang string) {
	if lang != "" {
		for _, l := range r.d.langs {
			if start <= l.start && l.end <= end {
				r.b.WriteString(r.d.src[start:l.start])
				r.b.WriteString(lang)
				start = l.end
			}
		}
	}
	r.b.WriteString(r.d.src[start:end])
}

type renderer struct {
	d       *Document
	targets map[string]inline.Content
	b       bytes.Buffer
	rule    bool // a block between the lines of d.rule is translated
}

// block writes block i: its source bytes, or its target.
func (r *renderer) block(i int) error {
	d := r.d
	blk, p := &d.Blocks[i], &d.spans[i]
	target, ok := r.targets[blk.ID]
	if !ok || target == nil || sameContent(target, blk.Content) {
		return r.raw(p.start, p.end, p.children)
	}
	if err := inline.CheckCodes(blk.Content, target); err != nil {
		line, col := place.Of(d.src, p.start)
		return &Error{File: d.name, Line: line, Col: col, kind: ErrCodes,
			Msg: fmt.Sprintf("block %s (%s): the translation's codes do not match the source's", blk.ID, blk.Kind), Err: err}
	}
	target = target.Normalize()
	if p.start < d.rule.end {
		r.rule = true
	}
	switch p.style {
	case styleText:
		writeText(&r.b, target, d.eol)
	case styleMarkdown, styleMarkdownH, styleMarkdownTD, styleMarkdownIn:
		if p.style == styleMarkdown && i > 0 && d.Blocks[i-1].Kind == "table-cell" && followsText(d.src, p.start) {
			// A paragraph on the line after a table's last row is one
			// only as goldmark splits some tables, by lines that read as
			// delimiter rows, which a translation need not keep: a blank
			// line keeps it a paragraph.
			r.b.WriteString(d.eol)
		}
		return r.markdown(blk.Content, target, p)
	case styleHTML:
		return r.html(blk.Content, target, p)
	case styleHTMLAttr:
		writeAttr(&r.b, target.PlainText(), p.quote, d.eol)
	case styleMarkdownTitle:
		r.b.WriteString(escapeTitle(target.PlainText(), p.quote))
	default:
		writeScalar(&r.b, target.PlainText(), p.style)
	}
	return nil
}

// raw writes src[start:end], with the nested blocks among children
// rendered in their places.
func (r *renderer) raw(start, end int, children []int) error {
	// children are in document order: skip those before start at once,
	// and stop after end, so that the codes of a block with many nested
	// blocks are written in time linear in them.
	first, _ := slices.BinarySearchFunc(children, start, func(c, start int) int { return cmp.Compare(r.d.spans[c].start, start) })
	for _, c := range children[first:] {
		cp := r.d.spans[c]
		if cp.start > end {
			break
		}
		if cp.start < start || cp.end > end {
			continue
		}
		r.b.WriteString(r.d.src[start:cp.start])
		if err := r.block(c); err != nil {
			return err
		}
		start = cp.end
	}
	r.b.WriteString(r.d.src[start:end])
	return nil
}

// codeIndex finds a code among a source's codes: its index, by kind
// and ID, the first if two share them; -1 when the source has none such.
// It is built once for a block, so that a paragraph of many codes is
// rendered in time linear in them.
type codeIndex map[codeKey]int

type codeKey struct {
	kind inline.Kind
	id   string
}

func indexCodes(source inline.Content) codeIndex {
	x := codeIndex{}
	n := 0
	for _, it := range source {
		if it.Code == nil {
			continue
		}
		k := codeKey{it.Code.Kind, it.Code.ID}
		if _, ok := x[k]; !ok {
			x[k] = n
		}
		n++
	}
	return x
}

func (x codeIndex) of(c *inline.Code) int {
	if k, ok := x[codeKey{c.Kind, c.ID}]; ok {
		return k
	}
	return -1
}

// sameContent reports whether target has the text of source, and codes of
// the same kinds and IDs in the same places. The codes' other fields do
// not count: a block is written with its source's markup anyway.
func sameContent(target, source inline.Content) bool {
	i, j := 0, 0
	for {
		a, okA := nextItem(target, &i)
		b, okB := nextItem(source, &j)
		if !okA || !okB {
			return okA == okB
		}
		if (a.Code == nil) != (b.Code == nil) {
			return false
		}
		if a.Code == nil {
			if a.Text != b.Text {
				return false
			}
			continue
		}
		if a.Code.Kind != b.Code.Kind || a.Code.ID != b.Code.ID {
			return false
		}
	}
}

// nextItem returns the next item of c from *i on, with adjacent text
// joined and empty text skipped, without allocating when the text is in
// one piece.
func nextItem(c inline.Content, i *int) (inline.Item, bool) {
	for *i < len(c) && c[*i].Code == nil && c[*i].Text == "" {
		*i++
	}
	if *i >= len(c) {
		return inline.Item{}, false
	}
	it := c[*i]
	*i++
	if it.Code != nil {
		return it, true
	}
	var b *strings.Builder
	for *i < len(c) && c[*i].Code == nil {
		if c[*i].Text != "" {
			if b == nil {
				b = &strings.Builder{}
				b.WriteString(it.Text)
			}
			b.WriteString(c[*i].Text)
		}
		*i++
	}
	if b != nil {
		it.Text = b.String()
	}
	return it, true
}

// renumber gives the codes of c the IDs "1", "2", … in order, a Close
// taking its Open's.
func renumber(c inline.Content) {
	if numbered(c) {
		return
	}
	type pair struct{ old, new string }
	var opens []pair
	n := 0
	for _, it := range c {
		code := it.Code
		if code == nil {
			continue
		}
		if code.Kind == inline.Close {
			for k := len(opens) - 1; k >= 0; k-- {
				if opens[k].old == code.ID {
					code.ID = opens[k].new
					break
				}
			}
			continue
		}
		n++
		id := itoa(n)
		if code.Kind == inline.Open {
			opens = append(opens, pair{code.ID, id})
		}
		code.ID = id
	}
}

// numbered reports whether the codes of c already have the IDs renumber
// would give them.
func numbered(c inline.Content) bool {
	n := 0
	for _, it := range c {
		code := it.Code
		if code == nil {
			continue
		}
		if code.Kind == inline.Close {
			if !isNumber(code.ID, n) {
				return false
			}
			continue
		}
		n++
		if code.ID != itoa(n) {
			return false
		}
	}
	return true
}

// isNumber reports whether id is a number from 1 to n.
func isNumber(id string, n int) bool {
	v, err := strconv.Atoi(id)
	return err == nil && v >= 1 && v <= n && itoa(v) == id
}

func itoa(n int) string { return strconv.Itoa(n) }

// isSpace reports whether c is ASCII white space.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// trimSpan returns [start, end) of s without the ASCII white space at
// either end.
func trimSpan(s string, start, end int) (int, int) {
	for start < end && isSpace(s[start]) {
		start++
	}
	for end > start && isSpace(s[end-1]) {
		end--
	}
	return start, end
}

// trimEdges returns c without ASCII white space at its start and end, as
// every block's content is: a translation's white space there would not
// read back.
func trimEdges(c inline.Content) inline.Content {
	const ws = " \t\n\r\f\v"
	if len(c) > 0 && c[0].Code == nil {
		c[0].Text = strings.TrimLeft(c[0].Text, ws)
		if c[0].Text == "" {
			c = c[1:]
		}
	}
	if n := len(c); n > 0 && c[n-1].Code == nil {
		c[n-1].Text = strings.TrimRight(c[n-1].Text, ws)
		if c[n-1].Text == "" {
			c = c[:n-1]
		}
	}
	return c
}

// lfEndings returns s with its line endings "\n": the carriage returns before
// each newline go.
func lfEndings(s string) string {
	if !strings.Contains(s, "\r\n") {
		return s
	}
	b := make([]byte, 0, len(s))
	for j := 0; j < len(s); j++ {
		if s[j] == '\r' {
			k := j
			for k < len(s) && s[k] == '\r' {
				k++
			}
			if k < len(s) && s[k] == '\n' {
				j = k - 1
				continue
			}
		}
		b = append(b, s[j])
	}
	return string(b)
}
