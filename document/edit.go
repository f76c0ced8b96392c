package document

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/inline"
)

// Edit returns the edit of the article that writes text in place of
// b.Content.PlainText()[start:end], b a block of d: it replaces the bytes
// [Document.Source] gives with text escaped for where they are, so that the
// article, read again, has the same blocks, and b's text has text in
// place of the range. Edits of ranges that neither overlap nor touch can
// be applied together. One case reads otherwise and is not seen: Markdown
// text in brackets that is no link, such as "[Jakiyanov]" where no link
// reference definition has that label, becomes a link when the edit makes
// it a label that one has.
//
// The escapes are those of the block's format: in HTML, & < > as
// references, and in an attribute value its quote, or, unquoted, white
// space and = ` ' " too; in Markdown, a backslash before what could be
// read as markup (\ ` * _ [ ] < > & | # everywhere, - + = ~ and a list
// number's . or ) at the start, ! before a [, ( or : after a ]); in a
// front matter value, its quoting; plain text has none. A newline is
// written as the article's line ending.
//
// ok is false when Source cannot place the range, when start or end
// splits a character, and when no escape makes the article read as
// asked: text that is empty, is not UTF-8, has a control character XML
// cannot carry or a carriage return, or white space at either end (it
// would be trimmed, or collapse with the white space next to it); a
// newline in Markdown, a blank line in plain text, and in HTML text other
// white space than single spaces, which a browser collapses; text that
// would join the markup next to the range, such as a backslash before it
// or an entity reference it would complete; in Markdown, a range in the
// text of a shortcut or collapsed reference link, which is also the link's
// label, and next to a * or _, a first or last character of another kind
// (punctuation, white space, or neither) than the markup it replaces,
// which would change how emphasis pairs; and a front matter value that
// its quoting cannot hold, such as ' in a TOML literal string or ": " in a
// YAML plain scalar.
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
	if text == "" || !utf8.ValidString(text) || controlIndex(text) >= 0 || strings.IndexByte(text, '\r') >= 0 {
		return diag.Edit{}, false
	}
	p := &d.spans[i]
	var esc string
	switch p.style {
	case styleYAMLPlain, styleYAMLSingle, styleYAMLDouble, styleTOMLLiteral:
		esc, ok = d.scalarEdit(p, plain[:start]+text+plain[end:], from, to, text)
		return diag.Edit{Start: from, End: to, NewText: esc}, ok
	}
	if isSpace(text[0]) || isSpace(text[len(text)-1]) {
		return diag.Edit{}, false
	}
	var before, after byte // the article's bytes next to the range
	if from > 0 {
		before = d.src[from-1]
	}
	if to < len(d.src) {
		after = d.src[to]
	}
	var decode func(string) string
	switch p.style {
	case styleText:
		if hasBlankLine(text) {
			return diag.Edit{}, false
		}
		esc = strings.ReplaceAll(text, "\n", d.eol)
	case styleHTML:
		if b.Kind != "preformatted" && (strings.ContainsAny(text, "\t\n\f") || strings.Contains(text, "  ")) {
			return diag.Edit{}, false
		}
		var buf bytes.Buffer
		escapeHTML(&buf, text, d.eol, 0)
		esc, decode = buf.String(), decodeEntities
	case styleHTMLAttr:
		esc, decode = escapeAttr(text, p.quote, d.eol), decodeEntities
	default: // Markdown
		if strings.IndexByte(text, '\n') >= 0 || labelled(b.Content, p.labels, start, end) {
			return diag.Edit{}, false
		}
		esc = escapeMarkdown(text, before, after)
		// Emphasis pairs by the bytes next to its delimiters.
		if (before == '*' || before == '_') && !sameClass(firstRune(d.src[from:to]), firstRune(esc)) ||
			(after == '*' || after == '_') && !sameClass(lastRune(d.src[from:to]), lastRune(esc)) {
			return diag.Edit{}, false
		}
		decode = func(s string) string { return (&mdWalk{}).decode(s) }
	}
	if decode != nil {
		a, z := around(d.spans[i].runs, start, end, from, to)
		w, v := d.src[a:from], d.src[to:z]
		if decode(w+esc+v) != decode(w)+text+decode(v) {
			return diag.Edit{}, false
		}
		// An odd run of backslashes before ends with one that is text,
		// and would escape what follows it.
		if n := len(w) - len(strings.TrimRight(w, `\`)); isMarkdown(p.style) &&
			(n%2 == 1 && util.IsPunct(esc[0]) || n > 0 && n == len(w) && from-a >= reach) {
			return diag.Edit{}, false
		}
	}
	return diag.Edit{Start: from, End: to, NewText: esc}, true
}

func isMarkdown(st style) bool {
	return st == styleMarkdown || st == styleMarkdownH || st == styleMarkdownTD || st == styleMarkdownIn
}

// reach is how far around an edit Edit reads the article to see that the
// edit does not join the markup next to it: further than the longest
// entity reference.
const reach = 64

// around returns the stretch of the article around from and to, the source
// of the text from start to end of a block with runs rs, that holds the
// text next to it: up to reach bytes on either side, without a code, and
// in whole units.
func around(rs runs, start, end, from, to int) (a, z int) {
	for k := rs.find(start); ; k-- {
		a, _ = rs.src(k)
		if rs[k].to < 0 {
			a = max(a, from-reach)
		}
		if k == 0 || from-a >= reach || !rs.joined(k-1) {
			break
		}
		if f, _ := rs.src(k); a > f {
			break
		}
	}
	for k := rs.find(end - 1); ; k++ {
		_, z = rs.src(k)
		if rs[k].to < 0 {
			z = min(z, to+reach)
		}
		if k+1 >= len(rs) || z-to >= reach || !rs.joined(k) {
			break
		}
		if _, t := rs.src(k); z < t {
			break
		}
	}
	return a, z
}

// hasBlankLine reports whether text has a line of only spaces and tabs
// between two newlines: in plain text, it would end the paragraph.
func hasBlankLine(text string) bool {
	for i := strings.IndexByte(text, '\n'); i >= 0; {
		rest := text[i+1:]
		j := strings.IndexByte(rest, '\n')
		if j < 0 {
			return false
		}
		if strings.Trim(rest[:j], " \t") == "" {
			return true
		}
		i += j + 1
	}
	return false
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

// escapeMarkdown escapes text for a line of Markdown, between the bytes
// before and after.
func escapeMarkdown(text string, before, after byte) string {
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case strings.IndexByte("\\`*_[]<>&|#", c) >= 0,
			i == 0 && strings.IndexByte("-+=~", c) >= 0,
			i == 0 && (c == '(' || c == ':') && before == ']',
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

// labelled reports whether the range start to end of c's text lies in
// the text of a link whose end has a label: a shortcut or collapsed
// reference link, whose text is also its label.
func labelled(c inline.Content, labels []string, start, end int) bool {
	if labels == nil {
		return false
	}
	type open struct {
		id  string
		pos int
	}
	var opens []open
	pos, k := 0, 0
	for _, it := range c {
		code := it.Code
		if code == nil {
			pos += len(it.Text)
			continue
		}
		switch code.Kind {
		case inline.Open:
			opens = append(opens, open{code.ID, pos})
		case inline.Close:
			if k < len(labels) && labels[k] != "" {
				for _, o := range opens {
					if o.id == code.ID && start < pos && end > o.pos {
						return true
					}
				}
			}
		}
		k++
	}
	return false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// sameClass reports whether a and b are alike for Markdown's emphasis,
// which looks at whether the characters next to a delimiter are white
// space, punctuation, or neither.
func sameClass(a, b rune) bool {
	return util.IsSpaceRune(a) == util.IsSpaceRune(b) && util.IsPunctRune(a) == util.IsPunctRune(b)
}

// scalarEdit escapes text for the front matter value of p, whose text
// becomes value, for the article's bytes from to to, and reads the edited
// value again to see that it is value.
func (d *Document) scalarEdit(p *blockPos, value string, from, to int, text string) (string, bool) {
	var esc string
	switch p.style {
	case styleYAMLPlain:
		if !plainSafe(value) {
			return "", false
		}
		esc = text
	case styleYAMLSingle:
		if hasControl(text) {
			return "", false
		}
		esc = strings.ReplaceAll(text, "'", "''")
	case styleTOMLLiteral:
		if hasControl(text) || strings.ContainsAny(text, "'\x7f") {
			return "", false
		}
		esc = text
	default:
		var b bytes.Buffer
		writeScalar(&b, text, styleYAMLDouble)
		esc = b.String()[1 : b.Len()-1]
	}
	lineEnd := p.end + strings.IndexByte(d.src[p.end:]+"\n", '\n')
	for lineEnd > p.end && d.src[lineEnd-1] == '\r' {
		lineEnd--
	}
	line := d.src[p.start:from] + esc + d.src[to:lineEnd]
	toml := d.src[bomLen(d.src)] == '+'
	v, err := scalar(line, 0, len(line), toml, false, nil)
	if err != "" || v.style != p.style || v.text != value || v.end != p.end-p.start+len(esc)-(to-from) {
		return "", false
	}
	return esc, true
}
