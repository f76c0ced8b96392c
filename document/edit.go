package document

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/inline"
)

// Edit returns the edit of the article that writes text in place of
// b.Content.PlainText()[start:end], b a block of d: it replaces the bytes
// [Document.Source] gives with text escaped for where they are, so that
// the article, read again, has the same blocks with the same codes, and
// b's text has text in place of the range. Edit reads the edited article
// again to see that it does, which costs a Parse. Edits of ranges that
// neither overlap nor touch can be applied together. Where the edited
// text, between a --- (or +++) line at the top of a Markdown article and
// the next, would make front matter of them, the edit writes the first
// line as *** (or \+++) too, and so starts there.
//
// The escapes are those of the block's format: in HTML, & < > as
// references, and in an attribute value its quote, or, unquoted, white
// space and = ` ' " too; in Markdown, a backslash before what could be
// read as markup (\ ` * _ [ ] < > & | # everywhere, - + = ~ and a list
// number's . or ) at the start, ! before a [, ^ after a [, ( or : after
// a ]); in a front matter value, its quoting; plain text has none. A
// newline is written as the article's line ending.
//
// A word written as it reads, replaced by a word (letters, digits and
// marks), needs no escape and cannot change the markup around it, unless
// it follows & # < or ! or precedes ;, which could make a reference or a
// tag of it, is, in Markdown, in an address that GFM could make a link
// of, or lies between a --- line at the top of a Markdown article
// and the next: such an edit is made without reading the article again.
//
// The text of a Markdown shortcut or collapsed reference link or image,
// "[Kazakstan]" or "[Kazakstan][]", is also its label, which says which
// definition it takes: an edit of it writes the link as a full reference
// to the same definition, "[Kazakhstan][Kazakstan]".
//
// ok is false when Source cannot place the range, when start or end
// splits a character, when the front matter value's quoting cannot hold
// the text (' in a TOML literal string, or a YAML plain scalar that would
// read as something else than a string, or not at all, such as "a: b" or
// "yes"), and when the edited article would not read as asked. Among the
// edits that would not: white space that HTML collapses or that would end
// up at either end of the block; text that makes the markup next to it
// read otherwise, such as a letter that completes an entity reference or
// the name of a tag, or a punctuation mark next to an emphasis delimiter
// where a letter was.
func (d *Document) Edit(b *Block, start, end int, text string) (diag.Edit, bool) {
	from, to, ok := d.Source(b, start, end)
	if !ok {
		return diag.Edit{}, false
	}
	i := d.index(b)
	plain := b.Content.PlainText()
	if !utf8.RuneStart(plain[start]) || end < len(plain) && !utf8.RuneStart(plain[end]) {
		return diag.Edit{}, false
	}
	p := &d.spans[i]
	label := d.label(i, start, end)
	if label < 0 && d.wordForWord(p.style, from, to, plain[start:end], text) {
		return diag.Edit{Start: from, End: to, NewText: text}, true
	}
	esc, ok := d.escape(p, b.Kind, plain[:start]+text+plain[end:], text, from, to)
	if !ok {
		return diag.Edit{}, false
	}
	value := plain[:start] + text + plain[end:]
	if label >= 0 {
		// The link's end becomes "][label]", after the rest of its text.
		if label >= len(p.codes) || p.codes[label].start < 0 {
			return diag.Edit{}, false
		}
		c := p.codes[label]
		esc += d.src[to:c.start] + "][" + p.labels[label] + "]"
		if d.reads(d.src[:from]+esc+d.src[c.end:], i, value) {
			return diag.Edit{Start: from, End: c.end, NewText: esc}, true
		}
		return diag.Edit{}, false
	}
	if d.reads(d.src[:from]+esc+d.src[to:], i, value) {
		return diag.Edit{Start: from, End: to, NewText: esc}, true
	}
	// Text between a --- (or +++) line at the top and the next such line
	// may make front matter of them: written as ***, the rule is the
	// same rule, and \+++ is the same text as +++, as Render writes them.
	if r := d.rule; r.end > 0 && from >= r.start+3 {
		fence := "***"
		if d.src[r.start] == '+' {
			fence = `\+++`
		}
		esc = fence + d.src[r.start+3:from] + esc
		if d.reads(d.src[:r.start]+esc+d.src[to:], i, value) {
			return diag.Edit{Start: r.start, End: to, NewText: esc}, true
		}
	}
	return diag.Edit{}, false
}

// wordForWord reports whether the article's bytes from to to, which are
// old as it reads, can be replaced by text as it is, without reading the
// article again: both are one word, and no markup before or after could
// take in its letters.
func (d *Document) wordForWord(st style, from, to int, old, text string) bool {
	switch st {
	case styleText, styleMarkdown, styleMarkdownH, styleMarkdownTD, styleMarkdownIn, styleHTML, styleHTMLAttr:
	default:
		return false
	}
	if d.src[from:to] != old || !isWord(old) || !isWord(text) || from < d.rule.end {
		return false // or, between --- lines, it may make front matter
	}
	if from > 0 && strings.IndexByte("&#<!", d.src[from-1]) >= 0 || to < len(d.src) && d.src[to] == ';' {
		return false
	}
	if st == styleText || st == styleHTML || st == styleHTMLAttr {
		return true
	}
	// GFM makes links of addresses in text, which ASCII letters may
	// complete where others do not.
	a, b := from, to
	for a > 0 && !isSpace(d.src[a-1]) {
		a--
	}
	for b < len(d.src) && !isSpace(d.src[b]) {
		b++
	}
	field := d.src[a:b]
	return !strings.ContainsAny(field, "@:") && !strings.Contains(strings.ToLower(field), "www.")
}

// isWord reports whether s is letters, digits and marks, and not empty.
func isWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
			return false
		}
	}
	return s != ""
}

// label returns the index among block i's codes of the end of the
// shortcut or collapsed reference link or image whose text, its label,
// the range from start to end of the block's text is in, or -1.
func (d *Document) label(i, start, end int) int {
	p := &d.spans[i]
	if p.labels == nil {
		return -1
	}
	opens := map[string]int{} // where each open link's text starts
	pos, k := 0, 0
	for _, it := range d.Blocks[i].Content {
		if it.Code == nil {
			pos += len(it.Text)
			continue
		}
		switch it.Code.Kind {
		case inline.Open:
			opens[it.Code.ID] = pos
		case inline.Close:
			if o, ok := opens[it.Code.ID]; ok && k < len(p.labels) && p.labels[k] != "" && start < pos && end > o {
				return k
			}
		}
		k++
	}
	return -1
}

// reads reports whether an edited article reads as the article with the
// text of block i the value.
func (d *Document) reads(edited string, i int, value string) bool {
	d2, err := Parse(d.Format, []byte(edited), d.name, d.opts)
	return err == nil && d.sameBlocks(d2, i, value)
}

// escape escapes text for the bytes from to to of block p of kind kind,
// whose text becomes value.
func (d *Document) escape(p *blockPos, kind, value, text string, from, to int) (string, bool) {
	var before, after byte // the article's bytes next to the range
	if from > 0 {
		before = d.src[from-1]
	}
	if to < len(d.src) {
		after = d.src[to]
	}
	var b bytes.Buffer
	switch p.style {
	case styleText:
		return strings.ReplaceAll(text, "\n", d.eol), true
	case styleHTML:
		escapeHTML(&b, text, d.eol, 0)
		return b.String(), true
	case styleHTMLAttr:
		return escapeAttr(text, p.quote, d.eol), true
	case styleMarkdownTitle:
		return escapeTitle(text, p.quote), true
	case styleYAMLPlain:
		return text, plainSafe(value)
	case styleYAMLSingle:
		return strings.ReplaceAll(text, "'", "''"), !hasControl(text) && !strings.ContainsAny(text, yamlEscaped)
	case styleTOMLLiteral:
		return text, !hasControl(text) && !strings.ContainsAny(text, "'\x7f")
	case styleYAMLDouble:
		writeScalar(&b, text, styleYAMLDouble)
		return b.String()[1 : b.Len()-1], true
	}
	return escapeMarkdown(strings.ReplaceAll(text, "\n", d.eol), before, after), true
}

// sameBlocks reports whether d2, d's article edited, has d's blocks, of
// the same kinds, with codes of the same kinds and types, and the same
// text but for block i, whose text is want.
func (d *Document) sameBlocks(d2 *Document, i int, want string) bool {
	if len(d2.Blocks) != len(d.Blocks) {
		return false
	}
	for k := range d.Blocks {
		a, b := &d.Blocks[k], &d2.Blocks[k]
		if a.Kind != b.Kind || !sameCodes(a.Content, b.Content) {
			return false
		}
		t := want
		if k != i {
			t = a.Content.PlainText()
		}
		if b.Content.PlainText() != t {
			return false
		}
	}
	return true
}

// sameCodes reports whether a and b have codes of the same kinds and
// types, in the same order.
func sameCodes(a, b inline.Content) bool {
	j := 0
	for _, it := range a {
		if it.Code == nil {
			continue
		}
		for j < len(b) && b[j].Code == nil {
			j++
		}
		if j == len(b) || b[j].Code.Kind != it.Code.Kind || b[j].Code.Type != it.Code.Type {
			return false
		}
		j++
	}
	for ; j < len(b); j++ {
		if b[j].Code != nil {
			return false
		}
	}
	return true
}

// escapeAttr escapes text for an attribute value quoted with quote, or
// for an unquoted value when quote is 0.
func escapeAttr(text string, quote byte, eol string) string {
	var buf bytes.Buffer
	if quote != 0 {
		escapeHTML(&buf, text, eol, quote)
		return buf.String()
	}
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '&':
			buf.WriteString("&amp;")
		case '<':
			buf.WriteString("&lt;")
		case '>':
			buf.WriteString("&gt;")
		case '"':
			buf.WriteString("&quot;")
		case '\'':
			buf.WriteString("&#39;")
		case '=':
			buf.WriteString("&#61;")
		case '`':
			buf.WriteString("&#96;")
		case ' ':
			buf.WriteString("&#32;")
		case '\t':
			buf.WriteString("&#9;")
		case '\n':
			buf.WriteString("&#10;")
		case '\f':
			buf.WriteString("&#12;")
		default:
			buf.WriteByte(c)
		}
	}
	return buf.String()
}

// escapeMarkdown escapes text for Markdown text between the bytes before
// and after.
func escapeMarkdown(text string, before, after byte) string {
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case strings.IndexByte("\\`*_[]<>&|#", c) >= 0,
			i == 0 && strings.IndexByte("-+=~", c) >= 0,
			i == 0 && (c == '(' || c == ':') && before == ']',
			i == 0 && c == '^' && before == '[',
			i == len(text)-1 && c == '!' && after == '[':
			b.WriteByte('\\')
			b.WriteByte(c)
		case i == 0 && c >= '0' && c <= '9':
			j := i
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			b.WriteString(text[i:j])
			if j < len(text) && (text[j] == '.' || text[j] == ')') {
				b.WriteByte('\\')
				b.WriteByte(text[j])
				j++
			}
			i = j - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// escapeTitle escapes text for a Markdown link's title that quote closes:
// a backslash before the quote, before ( too in parentheses, and before
// a backslash or an entity's &. A title is on one line: a newline is
// written as a space.
func escapeTitle(text string, quote byte) string {
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '\\' || c == '&' || c == quote || quote == ')' && c == '(':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n' || c == '\r':
			b.WriteByte(' ')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
