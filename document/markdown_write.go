package document

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/util"

	"github.com/loctool/loctool/inline"
)

// mdWriter writes a translated Markdown block so that it reads back as the
// same block: characters Markdown would misread are escaped, a newline is
// followed by the source's next line prefix, and blank lines, indentation
// and white space at the ends of lines, which would change the structure,
// are dropped.
type mdWriter struct {
	b        *bytes.Buffer
	eol      string
	prefixes []string
	style    style
	lines    int    // newlines written
	space    []byte // white space held until something follows it
	newline  bool   // a newline held until something follows it
	prefix   bool   // a code's newline was written; its line prefix is held
	content  bool   // the current line has content
	start    bool   // at the start of a line, where # - + = ~ and 1. are markers
	after    bool   // a code was written last, or nothing yet
}

func (r *renderer) markdown(source, target inline.Content, p *blockPos) error {
	prefixes := p.prefixes
	if prefixes == nil {
		prefixes = []string{p.px}
	}
	// goldmark starts to read a block's inline markup where its text
	// starts, as it does after a code. A table cell may start its row's
	// line, which a table without pipes around its rows has it do: what
	// marks a line's start is escaped there too.
	w := mdWriter{b: &r.b, eol: r.d.eol, prefixes: prefixes, style: p.style,
		start: p.style == styleMarkdown || p.style == styleMarkdownH || p.style == styleMarkdownTD, after: true}
	codes, idx := source.Codes(), indexCodes(source)
	// Where the block's visible content starts and ends: a hard line break
	// before the one or after the other is none in Markdown.
	first, last := len(target), -1
	for i, it := range target {
		if it.Code == nil && strings.TrimSpace(it.Text) != "" || it.Code != nil && it.Code.Kind == inline.Placeholder && it.Code.Type != "lb" {
			first, last = min(first, i), i
		}
	}
	for i, it := range target {
		if it.Code != nil {
			if k := idx.of(it.Code); k >= 0 {
				if c := codes[k]; c.Type == "lb" && strings.HasSuffix(c.Data, "\n") &&
					(i > last || i < first && !strings.HasPrefix(c.Data, "\\")) {
					continue // left out
				}
				if k < len(p.labels) && p.labels[k] != "" {
					w.code("]["+p.labels[k]+"]", false)
				} else {
					c := codes[k]
					data := c.Data
					if k < len(p.codes) && p.codes[k].start >= 0 && len(p.children) > 0 {
						// A link's end, with its title translated.
						sub := renderer{d: r.d, targets: r.targets}
						if err := sub.raw(p.codes[k].start, p.codes[k].end, p.children); err != nil {
							return err
						}
						data = sub.b.String()
					}
					w.code(data, c.Kind == inline.Placeholder && c.Type == "link" && !strings.HasPrefix(c.Data, "<"))
				}
			}
			continue
		}
		prev, next := "", ""
		if i > 0 && target[i-1].Code != nil {
			if k := idx.of(target[i-1].Code); k >= 0 {
				prev = codes[k].Data
			}
		}
		if i+1 < len(target) && target[i+1].Code != nil {
			if k := idx.of(target[i+1].Code); k >= 0 {
				next = codes[k].Data
			}
		}
		w.text(it.Text, prev, next)
	}
	return nil
}

// oneLine reports whether the block must stay on one line.
func (w *mdWriter) oneLine() bool { return w.style == styleMarkdownH || w.style == styleMarkdownTD }

// flush writes the held newline and white space before more content.
func (w *mdWriter) flush() {
	if w.newline {
		w.b.WriteString(w.eol)
		w.nextPrefix()
		w.newline = false
		w.start = true
		w.space = w.space[:0]
	}
	if w.prefix {
		w.nextPrefix()
		w.prefix = false
	}
	w.b.Write(w.space)
	w.space = w.space[:0]
}

func (w *mdWriter) nextPrefix() {
	if len(w.prefixes) > 0 {
		w.b.WriteString(w.prefixes[min(w.lines, len(w.prefixes)-1)])
	}
	w.lines++
}

// code writes a code's markup. A URL or an address that GFM made a link
// of (autolink) is one only where goldmark looks for one; elsewhere, it is
// written in angle brackets, an autolink as CommonMark has them, when it
// can be.
func (w *mdWriter) code(data string, autolink bool) {
	w.flush()
	if autolink && !w.autolinkAt(true) && (strings.Contains(data, "://") || strings.IndexByte(data, '@') > 0) &&
		!strings.ContainsAny(data, "<> ") {
		data = "<" + data + ">"
	}
	w.after = true
	for {
		i := strings.IndexByte(data, '\n')
		if i < 0 {
			break
		}
		w.b.WriteString(data[:i+1])
		data = data[i+1:]
		if data == "" {
			w.prefix = true
			w.content, w.start = false, true
			return
		}
		w.nextPrefix()
	}
	w.b.WriteString(data)
	w.content, w.start = true, false
}

func (w *mdWriter) text(t, prev, next string) {
	link := -1 // the : . or @ that keeps a URL or an address from being a link
	if !mayAutolink(t) {
		link = len(t)
	}
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c == '\r' && i+1 < len(t) && t[i+1] == '\n' {
			continue
		}
		if c == '\n' && w.oneLine() {
			c = ' '
		}
		switch c {
		case '\n':
			w.space = w.space[:0]
			if w.content || w.prefix {
				w.newline = !w.prefix
				w.content = false
			}
			continue
		case ' ', '\t':
			if (w.start || w.newline) && !w.content && w.style != styleMarkdownTD && w.style != styleMarkdownIn {
				continue // indentation would change the block
			}
			w.space = append(w.space, c)
			continue
		}
		w.flush()
		b := w.b
		if link < i && w.autolinkAt(false) {
			if k := autolinkEscape(t[i:]); k >= 0 {
				link = i + k
			}
		}
		switch {
		case i == link,
			strings.IndexByte("\\`*_[]<>", c) >= 0,
			c == '#' && (w.start || w.style == styleMarkdownH),
			c == '|' && w.style == styleMarkdownTD,
			strings.IndexByte("-+=", c) >= 0 && w.start && lineMarker(t[i:], next, w.lines > 0),
			strings.IndexByte("-:|", c) >= 0 && w.start && w.lines > 0 && delimiterRow(t[i:], next),
			// Three tildes open a code fence; fewer strike text through
			// (GFM), which an escape would undo.
			c == '~' && w.start && strings.HasPrefix(t[i:], "~~~"),
			c == '!' && i == len(t)-1 && strings.HasPrefix(next, "["),
			(c == '(' || c == ':') && i == 0 && (prev == "]" || strings.HasPrefix(prev, "[^")),
			c == '^' && i == 0 && strings.HasSuffix(prev, "["), // a footnote reference otherwise
			c == '^' && w.afterBang(),                          // so too "!x^label]", for goldmark
			c == '&' && isEntity(t[i:]):
			b.WriteByte('\\')
			b.WriteByte(c)
		case c >= '0' && c <= '9' && w.start:
			j := i
			for j < len(t) && t[j] >= '0' && t[j] <= '9' {
				j++
			}
			b.WriteString(t[i:j])
			if j < len(t) && (t[j] == '.' || t[j] == ')') {
				b.WriteByte('\\')
				b.WriteByte(t[j])
				j++
			}
			i = j - 1
		default:
			b.WriteByte(c)
		}
		w.content, w.start, w.after = true, false, false
	}
}

// lineMarker reports whether a line that starts with s, a "-", "+" or
// "=", would read as a marker rather than text: a list item ("- ", "+ ",
// or the marker alone), a thematic break ("---"), TOML front matter's
// fence ("+++"), or, on a block's later line, a setext heading's
// underline ("--", "=="). Where s ends before its line does, the line
// goes on in next, the markup of the code that follows (a hard line
// break ends it); where next does not end it either, what follows is not
// known, and the line is taken for one. Escaping no more than these
// keeps a line such as "--" as goldmark read it in the article: after a
// table, an escape would make a row of it.
func lineMarker(s, next string, later bool) bool {
	line, whole := lineOf(s, next)
	c := line[0]
	switch {
	case len(line) == 1 || line[1] == ' ' || line[1] == '\t':
		return c != '=' || later // a list item's marker; a lone "=" underlines
	case !whole, strings.HasPrefix(line, "+++"): // or TOML front matter's fence
		return true
	case later && strings.Trim(line, string(c)+" \t") == "":
		return true // an underline
	}
	return c == '-' && strings.Count(line, "-") >= 3 && strings.Trim(line, "- \t") == "" // a thematic break
}

// delimiterRow reports whether a line that starts with s, and goes on in
// next as lineMarker's does, could be a table's delimiter row, such as
// "|-", ":-:" or "-|-", which on a paragraph's later line makes a table
// of it.
func delimiterRow(s, next string) bool {
	line, _ := lineOf(s, next)
	return strings.Trim(line, "-:| \t") == "" && strings.IndexByte(line, '-') >= 0
}

// followsText reports whether the line before the one at i, in src,
// has text.
func followsText(src string, i int) bool {
	if i == 0 || src[i-1] != '\n' {
		return false
	}
	prev := src[:i-1]
	if j := strings.LastIndexByte(prev, '\n'); j >= 0 {
		prev = prev[j+1:]
	}
	return strings.TrimSpace(prev) != ""
}

// lineOf returns the line that starts with s and goes on in next, and
// whether it ends there.
func lineOf(s, next string) (string, bool) {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		return s[:i], true
	}
	if i := strings.IndexAny(next, "\r\n"); i >= 0 {
		return s + next[:i], true
	}
	return s + next, false
}

// afterBang reports whether the byte before the last one written is a
// "!": goldmark reads "!x^label]", whatever byte x is, as "!" and a
// footnote reference.
func (w *mdWriter) afterBang() bool {
	n := w.b.Len()
	return n >= 2 && w.b.Bytes()[n-2] == '!'
}

// autolinkAt reports whether goldmark looks for a URL or an e-mail
// address to make a link of (GFM's extended autolink) in what is written
// next: at the start of a line, after a code, or after a space, ~ or (,
// or, unless strict, a * or _, which text has escaped.
func (w *mdWriter) autolinkAt(strict bool) bool {
	n := w.b.Len()
	if w.start || w.after || n == 0 {
		return true
	}
	c := w.b.Bytes()[n-1]
	return c == ' ' || c == '~' || c == '(' || !strict && (c == '*' || c == '_')
}

// mayAutolink reports whether t could hold text that GFM makes a link of.
func mayAutolink(t string) bool {
	return strings.IndexByte(t, '@') >= 0 || strings.Contains(t, "www.") || strings.Contains(t, "http") || strings.Contains(t, "ftp:")
}

// autolinkEscape returns the index of the character in s to escape so
// that s does not start with what GFM would make a link of: the : of
// http:, https: or ftp:, the . of www., or the @ of an e-mail address;
// -1 when s starts with none of them.
func autolinkEscape(s string) int {
	switch {
	case strings.HasPrefix(s, "http:"), strings.HasPrefix(s, "https:"), strings.HasPrefix(s, "ftp:"):
		return strings.IndexByte(s, ':')
	case strings.HasPrefix(s, "www."):
		return 3
	}
	word, at := s, -1
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			word = s[:i]
			break
		} else if c == '@' && at < 0 {
			at = i
		}
	}
	if at > 0 {
		// goldmark's linkify also wants a . in the domain.
		if stop := util.FindEmailIndex([]byte(word)); stop > at && strings.IndexByte(word[at:stop-1], '.') >= 0 {
			return at
		}
	}
	return -1
}

// isEntity reports whether s starts with a character reference that
// Markdown would decode.
func isEntity(s string) bool {
	var buf [8]byte
	_, n := appendEntity(buf[:0], s)
	return n > 0
}
