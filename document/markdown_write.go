package document

import (
	"bytes"
	"strings"

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
}

func (r *renderer) markdown(source, target inline.Content, p *blockPos) {
	prefixes := p.prefixes
	if prefixes == nil {
		prefixes = []string{p.px}
	}
	w := mdWriter{b: &r.b, eol: r.d.eol, prefixes: prefixes, style: p.style,
		start: p.style == styleMarkdown || p.style == styleMarkdownH}
	codes := source.Codes()
	for i, it := range target {
		if it.Code != nil {
			if k := sourceCode(source, it.Code); k >= 0 {
				if k < len(p.labels) && p.labels[k] != "" {
					w.code("][" + p.labels[k] + "]")
				} else {
					w.code(codes[k].Data)
				}
			}
			continue
		}
		prev, next := "", ""
		if i > 0 && target[i-1].Code != nil {
			if k := sourceCode(source, target[i-1].Code); k >= 0 {
				prev = codes[k].Data
			}
		}
		if i+1 < len(target) && target[i+1].Code != nil {
			if k := sourceCode(source, target[i+1].Code); k >= 0 {
				next = codes[k].Data
			}
		}
		w.text(it.Text, prev, next)
	}
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

func (w *mdWriter) code(data string) {
	w.flush()
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
		switch {
		case strings.IndexByte("\\`*_[]<>", c) >= 0,
			c == '#' && (w.start || w.style == styleMarkdownH),
			c == '|' && w.style == styleMarkdownTD,
			strings.IndexByte("-+=", c) >= 0 && w.start,
			// Three tildes open a code fence; fewer strike text through
			// (GFM), which an escape would undo.
			c == '~' && w.start && strings.HasPrefix(t[i:], "~~~"),
			c == '!' && i == len(t)-1 && strings.HasPrefix(next, "["),
			(c == '(' || c == ':') && i == 0 && (prev == "]" || strings.HasPrefix(prev, "[^")),
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
		w.content, w.start = true, false
	}
}

// isEntity reports whether s starts with a character reference that
// Markdown would decode.
func isEntity(s string) bool {
	var buf [8]byte
	_, n := appendEntity(buf[:0], s)
	return n > 0
}
