package document

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	yaml "go.yaml.in/yaml/v4"

	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/internal/place"
	"github.com/loctool/loctool/internal/yamlsyntax"
)

// frontMatter finds the front matter at the start of a Markdown article,
// YAML between --- lines or TOML between +++ lines, and returns where it
// ends. With opts.FrontMatter, its top-level title and description values
// become blocks. It reads only those keys, on one line each: a plain,
// single- or double-quoted YAML scalar, or a TOML basic or literal string.
// Other values of those keys that are strings (block scalars, values over
// several lines) are an error rather than left untranslated unseen.
func frontMatter(d *Document, base int, opts Options) (int, error) {
	fm := scanFrontMatter(d.src, base)
	switch {
	case fm.end == 0 && fm.msg != "":
		return 0, d.errorAt(fm.errAt, ErrFrontMatter, fm.msg)
	case fm.end == 0:
		if fm.fence != "" {
			d.rule = span{base, fm.close}
		}
		return base, nil
	}
	if opts.FrontMatter {
		// The values' own errors say more than the parser's about the
		// same mistake.
		if err := frontMatterValues(d, fm); err != nil {
			return 0, err
		}
	}
	if fm.msg != "" {
		return 0, d.errorAt(fm.errAt, ErrFrontMatter, fm.msg)
	}
	return fm.end, nil
}

// frontMatterValues adds the title and description values of the front
// matter fm as blocks.
func frontMatterValues(d *Document, fm fencedBlock) error {
	s := d.src
	type kv struct{ start, end int } // a key's line
	var lines []kv
	for i := fm.content; i < fm.close; {
		l, n := line(s, i)
		lines = append(lines, kv{i, i + len(l)})
		i = n
	}
	toml := fm.fence == "+++"
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
		if !toml && i < l.end && strings.IndexByte(" \t\r\n", s[i]) < 0 {
			continue // in YAML, "title:: x" is a key "title:", not title
		}
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
			return d.errorAt(i, ErrFrontMatter, fmt.Sprintf("front matter %s: %s", key, err))
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
	return nil
}

// line returns the line at i, with its newline, and where the next starts.
func line(s string, i int) (string, int) {
	if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
		return s[i : i+j+1], i + j + 1
	}
	return s[i:], len(s)
}

// fencedBlock is a block between --- or +++ lines at the start of a
// Markdown article, and what it is.
type fencedBlock struct {
	fence string // "---" or "+++"; "" when the article has no such block
	// content is where the lines between the fences start, and close
	// where the closing line starts, or the article ends.
	content, close int
	// end is where the front matter ends, after its closing line; 0 when
	// the block is not front matter.
	end int
	// msg says why the block cannot be read, at the offset errAt: front
	// matter with a mistake, or, when end is 0, a block that could be
	// front matter as well as Markdown.
	msg   string
	errAt int
}

// scanFrontMatter finds a block between --- or +++ lines at s[base:] and
// says whether it is front matter, as the package doc tells.
func scanFrontMatter(s string, base int) fencedBlock {
	var f fencedBlock
	switch {
	case strings.HasPrefix(s[base:], "---"):
		f.fence = "---"
	case strings.HasPrefix(s[base:], "+++"):
		f.fence = "+++"
	default:
		return fencedBlock{}
	}
	first, next := line(s, base)
	if strings.TrimRight(first, " \t\r\n") != f.fence || next == len(s) && !strings.HasSuffix(first, "\n") {
		return fencedBlock{}
	}
	f.content, f.close = next, -1
	for i := next; i < len(s); {
		l, n := line(s, i)
		t := strings.TrimRight(l, " \t\r\n")
		if t == f.fence || f.fence == "---" && t == "..." {
			f.close, f.end = i, n
			break
		}
		i = n
	}
	if f.close < 0 {
		f.close = len(s) // not closed: Markdown
		return f
	}
	body := s[f.content:f.close]
	if strings.Trim(body, " \t\r\n") == "" {
		return f // empty front matter
	}
	// The first line that is neither blank nor a comment says whether the
	// block can be a mapping at all, and so whether to parse it: most
	// Markdown is not.
	key := ""
	for rest := body; rest != "" && key == ""; {
		l, n := line(rest, 0)
		rest = rest[n:]
		if t := strings.Trim(l, " \t\r\n"); t != "" && t[0] != '#' {
			key = t
		}
	}
	if f.fence == "+++" {
		if key != "" && key[0] != '[' && strings.IndexByte(key, '=') < 0 {
			f.end = 0 // no key: Markdown
			return f
		}
		var v map[string]any
		_, err := toml.Decode(body, &v)
		switch {
		case err == nil:
			return f
		case startsLikeKey(key, true):
			f.errAt = f.content
			msg := err.Error()
			var pe toml.ParseError
			if errors.As(err, &pe) {
				msg, f.errAt = pe.Message, f.content+pe.Position.Start
			}
			f.msg = "front matter is not valid TOML: " + msg + "; or, if the +++ lines are not front matter, write the first as \\+++"
			return f
		}
		f.end = 0
		return f
	}
	if key == "" || !strings.Contains(key+" ", ": ") && !strings.Contains(key, ":\t") && strings.IndexByte("{?&!\"'", key[0]) < 0 {
		f.end = 0 // not a mapping: Markdown
		return f
	}
	root, err := yamlsyntax.Parse([]byte(body))
	blankFirst := strings.Trim(body[:strings.IndexByte(body, '\n')+1], " \t\r\n") == ""
	switch {
	case err == nil && root != nil && root.Kind == yaml.MappingNode:
		if blankFirst {
			f.end, f.errAt = 0, base
			f.msg = "front matter, or a rule? a blank line follows this ---, as it would a rule, " +
				"but what the --- lines hold reads as YAML front matter: if it is front matter, remove the blank line; " +
				"if it is a rule, write it as ***"
		}
		return f
	case err != nil && !blankFirst && startsLikeKey(key, false):
		f.errAt = f.content
		msg := err.Error()
		var se *yamlsyntax.Error
		if errors.As(err, &se) {
			msg = se.Msg
			if se.Hint != "" {
				msg += "; " + se.Hint
			}
			f.errAt = f.content + place.Offset(body, se.Line, se.Col)
		}
		f.msg = "front matter is not valid YAML: " + msg + "; or, if the --- lines are rules around text, not front matter, write the first as ***"
		return f
	}
	f.end = 0
	return f
}

// startsLikeKey reports whether the line l, without the white space
// around it, starts like a key of YAML (a name or a quoted string, a
// colon, and a space or the line's end) or of TOML (a bare or quoted key
// and =, or a [table]).
func startsLikeKey(l string, isTOML bool) bool {
	if l == "" {
		return false
	}
	if isTOML {
		if l[0] == '[' {
			return true
		}
		eq := strings.IndexByte(l, '=')
		if eq <= 0 {
			return false
		}
		k := strings.TrimRight(l[:eq], " \t")
		return k != "" && (k[0] == '"' || k[0] == '\'' || strings.Trim(k, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.") == "")
	}
	var rest string
	if q := l[0]; q == '"' || q == '\'' {
		e := strings.IndexByte(l[1:], q)
		if e < 0 {
			return false
		}
		rest = strings.TrimLeft(l[e+2:], " \t")
	} else {
		if strings.IndexByte("-?:,[]{}#&*!|>%@`", q) >= 0 {
			return false
		}
		e := strings.IndexAny(l, ": \t")
		if e < 0 {
			return false
		}
		rest = strings.TrimLeft(l[e:], " \t")
	}
	return strings.HasPrefix(rest, ":") && (len(rest) == 1 || rest[1] == ' ' || rest[1] == '\t')
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
		if hasControl(t) || strings.ContainsAny(t, yamlEscaped) {
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
		case r < 0x20 || r == 0x7f || strings.ContainsRune(yamlEscaped, r):
			fmt.Fprintf(b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}

// yamlEscaped are the characters that YAML reads as line breaks (NEL, LS,
// PS), or refuses, unless they are escaped in a double-quoted scalar.
const yamlEscaped = "\u0085\u2028\u2029\ufffe\uffff"

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
	if s == "" || s != strings.TrimSpace(s) || hasControl(s) || strings.ContainsAny(s, yamlEscaped) ||
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
