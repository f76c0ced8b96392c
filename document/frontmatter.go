package document

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/loctool/loctool/inline"
)

// frontMatter finds the front matter at the start of a Markdown article,
// YAML between --- lines or TOML between +++ lines, and returns where it
// ends. With opts.FrontMatter, its top-level title and description values
// become blocks. It reads only those keys, on one line each: a plain,
// single- or double-quoted YAML scalar, or a TOML basic or literal string.
// Other values of those keys that are strings (block scalars, values over
// several lines) are an error rather than left untranslated unseen.
func frontMatter(d *Document, base int, opts Options) (int, error) {
	s := d.src
	fence := ""
	switch {
	case strings.HasPrefix(s[base:], "---"):
		fence = "---"
	case strings.HasPrefix(s[base:], "+++"):
		fence = "+++"
	default:
		return base, nil
	}
	first, next := line(s, base)
	if strings.TrimRight(first, " \t\r\n") != fence || next == len(s) && !strings.HasSuffix(first, "\n") {
		return base, nil
	}
	type kv struct{ start, end int } // a key's line
	var lines []kv
	end := -1
	for i := next; i < len(s); {
		l, n := line(s, i)
		t := strings.TrimRight(l, " \t\r\n")
		if t == fence || fence == "---" && t == "..." {
			end = n
			break
		}
		lines = append(lines, kv{i, i + len(l)})
		i = n
	}
	if end < 0 {
		return base, nil // not closed: not front matter
	}
	if !opts.FrontMatter {
		return end, nil
	}
	toml := fence == "+++"
	for k, l := range lines {
		text := s[l.start:l.end]
		if toml && strings.HasPrefix(text, "[") {
			break // a table: the keys after it are not top-level
		}
		key, kind := "", ""
		switch {
		case strings.HasPrefix(text, "title"):
			key, kind = "title", "front-matter-title"
		case strings.HasPrefix(text, "description"):
			key, kind = "description", "front-matter-description"
		default:
			continue
		}
		i := l.start + len(key)
		for i < l.end && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		sep := byte(':')
		if toml {
			sep = '='
		}
		if i >= l.end || s[i] != sep {
			continue
		}
		i++
		for i < l.end && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		lineEnd := l.end
		for lineEnd > i && (s[lineEnd-1] == '\n' || s[lineEnd-1] == '\r') {
			lineEnd--
		}
		// The next line continues the value when it is indented (YAML).
		continued := !toml && k+1 < len(lines) && len(s[lines[k+1].start:lines[k+1].end]) > 0 &&
			(s[lines[k+1].start] == ' ' || s[lines[k+1].start] == '\t') &&
			strings.TrimSpace(s[lines[k+1].start:lines[k+1].end]) != ""
		b, err := scalar(s, i, lineEnd, toml, continued, d.m)
		if err != "" {
			return 0, d.errorAt(i, ErrFrontMatter, fmt.Sprintf("front matter %s: %s", key, err))
		}
		if b.style == 0 {
			continue // not a string
		}
		if strings.TrimSpace(b.text) == "" {
			continue
		}
		c := inline.Text(b.text)
		p := blockPos{start: b.start, end: b.end, style: b.style}
		d.mark(&p, c)
		d.add(kind, c, p)
	}
	return end, nil
}

// line returns the line at i, with its newline, and where the next starts.
func line(s string, i int) (string, int) {
	if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
		return s[i : i+j+1], i + j + 1
	}
	return s[i:], len(s)
}

type scalarValue struct {
	text       string
	start, end int // the value in the article, with its quotes
	style      style
}

// scalar reads the value in s[i:end], the rest of a key's line, and maps
// its text with m. A zero style is a value that is not a string; err says
// why a string value cannot be translated.
func scalar(s string, i, end int, toml, continued bool, m *mapper) (scalarValue, string) {
	m.reset()
	if i >= end {
		if continued {
			return scalarValue{}, "a value on the lines after its key cannot be translated; write it on the key's line"
		}
		return scalarValue{}, ""
	}
	rest := func(j int) string { // what follows a quoted value must be a comment or nothing
		t := strings.TrimLeft(s[j:end], " \t")
		if t != "" && t[0] != '#' {
			return "unexpected text after the quoted value"
		}
		return ""
	}
	switch c := s[i]; {
	case c == '"':
		if toml && strings.HasPrefix(s[i:], `"""`) {
			return scalarValue{}, "a multi-line string cannot be translated; write it on one line"
		}
		var b strings.Builder
		j := i + 1
		for ; j < end && s[j] != '"'; j++ {
			if s[j] != '\\' {
				b.WriteByte(s[j])
				m.verbatim(s, j, j+1)
				continue
			}
			r, n := unescapeScalar(s[j:end], toml)
			if n == 0 {
				return scalarValue{}, fmt.Sprintf("invalid escape sequence %q", s[j:min(j+2, end)])
			}
			b.WriteString(r)
			m.unit(r, j, j+n)
			j += n - 1
		}
		if j >= end {
			return scalarValue{}, "the quoted value does not end on its line; write it on one line"
		}
		if e := rest(j + 1); e != "" {
			return scalarValue{}, e
		}
		return scalarValue{text: b.String(), start: i, end: j + 1, style: styleYAMLDouble}, ""
	case c == '\'':
		if toml && strings.HasPrefix(s[i:], "'''") {
			return scalarValue{}, "a multi-line string cannot be translated; write it on one line"
		}
		var b strings.Builder
		j := i + 1
		for ; j < end; j++ {
			if s[j] != '\'' {
				b.WriteByte(s[j])
				m.verbatim(s, j, j+1)
				continue
			}
			if !toml && j+1 < end && s[j+1] == '\'' {
				b.WriteByte('\'')
				m.unit("'", j, j+2)
				j++
				continue
			}
			break
		}
		if j >= end {
			return scalarValue{}, "the quoted value does not end on its line; write it on one line"
		}
		if e := rest(j + 1); e != "" {
			return scalarValue{}, e
		}
		st := styleYAMLSingle
		if toml {
			st = styleTOMLLiteral
		}
		return scalarValue{text: b.String(), start: i, end: j + 1, style: st}, ""
	case toml:
		return scalarValue{}, "" // a number, a date, an array: not text
	case c == '|' || c == '>':
		return scalarValue{}, "a block scalar cannot be translated; write the value on the key's line"
	case strings.IndexByte("[]{}&*!%@`,", c) >= 0:
		return scalarValue{}, "" // a collection, an alias or a tag
	}
	if continued {
		return scalarValue{}, "a value over several lines cannot be translated; write it on one line"
	}
	j := end
	if k := strings.Index(s[i:end], " #"); k >= 0 {
		j = i + k
	}
	if k := strings.Index(s[i:end], "\t#"); k >= 0 && i+k < j {
		j = i + k
	}
	for j > i && (s[j-1] == ' ' || s[j-1] == '\t') {
		j--
	}
	m.verbatim(s, i, j)
	return scalarValue{text: s[i:j], start: i, end: j, style: styleYAMLPlain}, ""
}

// unescapeScalar decodes the escape sequence that starts s in a YAML
// double-quoted scalar or a TOML basic string, and returns its length, or 0.
func unescapeScalar(s string, toml bool) (string, int) {
	if len(s) < 2 {
		return "", 0
	}
	switch s[1] {
	case '"', '\\':
		return s[1:2], 2
	case '/':
		if toml {
			return "", 0
		}
		return "/", 2
	case 'b':
		return "\b", 2
	case 't':
		return "\t", 2
	case 'n':
		return "\n", 2
	case 'f':
		return "\f", 2
	case 'r':
		return "\r", 2
	case 'e':
		return "\x1b", 2
	case 'u', 'U', 'x':
		n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[s[1]]
		if s[1] == 'x' && toml || len(s) < 2+n {
			return "", 0
		}
		v := 0
		for _, c := range []byte(s[2 : 2+n]) {
			d := digitVal(c)
			if d > 15 {
				return "", 0
			}
			v = v*16 + d
		}
		if !utf8.ValidRune(rune(v)) {
			return "", 0
		}
		return string(rune(v)), 2 + n
	}
	if toml {
		return "", 0
	}
	switch s[1] {
	case '0':
		return "\x00", 2
	case 'a':
		return "\a", 2
	case 'v':
		return "\v", 2
	case ' ':
		return " ", 2
	case '\t':
		return "\t", 2
	case 'N':
		return "\u0085", 2
	case '_':
		return "\u00a0", 2
	case 'L':
		return "\u2028", 2
	case 'P':
		return "\u2029", 2
	}
	return "", 0
}

// writeScalar writes a translated front matter value in the style of its
// source, or double-quoted when that style cannot hold it, such as a
// newline in a plain or single-quoted value.
func writeScalar(b *bytes.Buffer, t string, st style) {
	switch st {
	case styleYAMLPlain:
		if plainSafe(t) {
			b.WriteString(t)
			return
		}
	case styleYAMLSingle:
		if hasControl(t) {
			break
		}
		b.WriteByte('\'')
		b.WriteString(strings.ReplaceAll(t, "'", "''"))
		b.WriteByte('\'')
		return
	case styleTOMLLiteral:
		if !strings.ContainsAny(t, "'\x7f") && !hasControl(t) {
			b.WriteByte('\'')
			b.WriteString(t)
			b.WriteByte('\'')
			return
		}
	}
	b.WriteByte('"')
	for _, r := range t {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}

func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 {
			return true
		}
	}
	return false
}

// plainSafe reports whether s reads back as the same string when written
// as a YAML plain scalar.
func plainSafe(s string) bool {
	if s == "" || s != strings.TrimSpace(s) || hasControl(s) ||
		strings.IndexByte("-?:,[]{}#&*!|>'\"%@`", s[0]) >= 0 ||
		strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return false
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~":
		return false
	}
	return !(s[0] >= '0' && s[0] <= '9' || s[0] == '+' || s[0] == '.')
}
