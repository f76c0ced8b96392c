package yamlsyntax

import (
	"bytes"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v4"
)

// parsePlain reads the YAML most glossaries and configurations are: block
// maps and lists, one entry to a line, of plain words, and flow maps and
// lists of them on one line ({ru: Жакиянов, kk: Жақиянов}), with no
// comments, quotes, anchors, tags, tabs or text over several lines. It
// returns the root as the YAML parser makes it, node for node, in a
// fraction of the time a glossary of thousands of concepts takes the
// parser; nil for anything else, which the parser reads.
func parsePlain(data []byte) *yaml.Node {
	if len(data) == 0 || bytes.ContainsAny(data, "#\t\r\"'&*!|>%@`\\?") || !plainText(data) {
		return nil
	}
	p := plainParser{}
	// One string holds the text of every line, key and value.
	for n, line := 1, string(data); len(line) > 0; n++ {
		text := line
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			text, line = line[:i], line[i+1:]
		} else {
			line = ""
		}
		if len(text) == 0 {
			continue
		}
		if text[len(text)-1] == ' ' {
			return nil // trailing spaces, or a line of spaces
		}
		indent := 0
		for indent < len(text) && text[indent] == ' ' {
			indent++
		}
		p.lines = append(p.lines, plainLine{n: n, indent: indent, text: text[indent:]})
	}
	if len(p.lines) == 0 || p.lines[0].indent != 0 {
		return nil
	}
	root := p.mapping(0)
	if p.failed || p.at < len(p.lines) {
		return nil
	}
	return root
}

// plainText reports whether data is UTF-8 text whose only control
// character is the newline, and has no character YAML reads as a line
// break or a byte order mark, nor one it refuses.
func plainText(data []byte) bool {
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c < ' ' && c != '\n' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError, r <= 0x9f, r == 0x2028, r == 0x2029, r == 0xfeff, r >= 0xfffe && r <= 0xffff:
			return false
		}
		i += size
	}
	return true
}

// plainLine is a line of text, its indentation apart.
type plainLine struct {
	n      int // 1-based
	indent int // in spaces, which are bytes
	text   string
}

type plainParser struct {
	lines  []plainLine
	at     int // the next line
	failed bool
	nodes  []yaml.Node // made a few hundred at a time: a glossary has many
}

// node returns a new node, n.
func (p *plainParser) node(n yaml.Node) *yaml.Node {
	if len(p.nodes) == cap(p.nodes) {
		p.nodes = make([]yaml.Node, 0, 256)
	}
	p.nodes = append(p.nodes, n)
	return &p.nodes[len(p.nodes)-1]
}

// mapping reads the block map whose keys are indented indent spaces,
// starting at the current line.
func (p *plainParser) mapping(indent int) *yaml.Node {
	m := p.node(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: p.lines[p.at].n, Column: indent + 1})
	for !p.failed && p.at < len(p.lines) {
		l := p.lines[p.at]
		if l.indent < indent {
			break
		}
		if l.indent > indent || strings.HasPrefix(l.text, "-") {
			p.failed = true
			break
		}
		key, rest, ok := strings.Cut(l.text, ":")
		if !ok || !plainKey(key) {
			p.failed = true
			break
		}
		m.Content = append(m.Content, p.node(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: l.n, Column: indent + 1}))
		p.at++
		if rest != "" {
			if rest[0] != ' ' {
				p.failed = true
				break
			}
			col := indent + 1 + utf8.RuneCountInString(key) + 1
			for rest != "" && rest[0] == ' ' {
				rest, col = rest[1:], col+1
			}
			m.Content = append(m.Content, p.value(rest, l.n, col))
			continue
		}
		// The value is a block on the lines that follow: a list may
		// be indented as its key is.
		if p.at == len(p.lines) {
			p.failed = true
			break
		}
		next := p.lines[p.at]
		switch {
		case strings.HasPrefix(next.text, "- ") && next.indent >= indent:
			m.Content = append(m.Content, p.sequence(next.indent))
		case next.indent > indent:
			m.Content = append(m.Content, p.mapping(next.indent))
		default:
			p.failed = true // an empty value
		}
	}
	return m
}

// sequence reads the block list whose dashes are indented indent spaces,
// starting at the current line. An item is a word, a flow map or list,
// or a block map whose first key follows its dash.
func (p *plainParser) sequence(indent int) *yaml.Node {
	s := p.node(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: p.lines[p.at].n, Column: indent + 1})
	for !p.failed && p.at < len(p.lines) {
		l := p.lines[p.at]
		if l.indent != indent || !strings.HasPrefix(l.text, "- ") {
			if l.indent > indent {
				p.failed = true
			}
			break
		}
		item := l.text[2:]
		if item == "" || item[0] == ' ' || item[0] == '-' {
			p.failed = true
			break
		}
		if key, _, ok := strings.Cut(item, ":"); ok && plainKey(key) {
			// A map: its first line is the rest of this one.
			p.lines[p.at] = plainLine{n: l.n, indent: indent + 2, text: item}
			s.Content = append(s.Content, p.mapping(indent+2))
			continue
		}
		s.Content = append(s.Content, p.value(item, l.n, indent+3))
		p.at++
	}
	return s
}

// value reads a value on one line, which starts at column col: a word,
// or a flow map or list of words.
func (p *plainParser) value(text string, line, col int) *yaml.Node {
	switch text[0] {
	case '{', '[':
		n, rest := p.flow(text, line, col)
		if rest != "" {
			p.failed = true
		}
		return n
	}
	if !plainBlockWord(text) {
		p.failed = true
	}
	return p.scalar(text, line, col)
}

// flow reads a flow map or list, and returns what follows it on the
// line. Its items are words, and a map's values may be lists of words;
// each item is followed by ", " or the closing bracket.
func (p *plainParser) flow(text string, line, col int) (*yaml.Node, string) {
	n := p.node(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle, Line: line, Column: col})
	closing, isMap := byte(']'), text[0] == '{'
	if isMap {
		n.Kind, n.Tag, closing = yaml.MappingNode, "!!map", '}'
	}
	rest := text[1:]
	col++
	for !p.failed {
		// One item: a word, then for a map ": " and its value.
		end := flowWordEnd(rest)
		if end == 0 || !plainFlowWord(rest[:end]) {
			p.failed = true
			break
		}
		word := rest[:end]
		n.Content = append(n.Content, p.scalar(word, line, col))
		rest, col = rest[end:], col+utf8.RuneCountInString(word)
		if isMap {
			if !strings.HasPrefix(rest, ": ") || len(rest) < 3 {
				p.failed = true
				break
			}
			rest, col = rest[2:], col+2
			if rest[0] == '[' {
				v, after := p.flow(rest, line, col)
				col += utf8.RuneCountInString(rest) - utf8.RuneCountInString(after)
				n.Content, rest = append(n.Content, v), after
			} else {
				end := flowWordEnd(rest)
				if end == 0 || !plainFlowWord(rest[:end]) {
					p.failed = true
					break
				}
				n.Content = append(n.Content, p.scalar(rest[:end], line, col))
				rest, col = rest[end:], col+utf8.RuneCountInString(rest[:end])
			}
		}
		switch {
		case rest != "" && rest[0] == closing:
			return n, rest[1:]
		case strings.HasPrefix(rest, ", ") && len(rest) > 2 && rest[2] != ' ':
			rest, col = rest[2:], col+2
		default:
			p.failed = true
		}
	}
	return n, ""
}

// flowWordEnd is where the word that text starts with ends in a flow
// map or list: at its first ",", ":", or bracket.
func flowWordEnd(text string) int {
	if i := strings.IndexAny(text, ",:[]{}"); i >= 0 {
		return i
	}
	return len(text)
}

// scalar is a word as the YAML parser makes it: a string, or null.
func (p *plainParser) scalar(text string, line, col int) *yaml.Node {
	tag := "!!str"
	switch text {
	case "~", "null", "Null", "NULL":
		tag = "!!null"
	}
	return p.node(yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: text, Line: line, Column: col})
}

// plainKey reports whether a key is a word of ASCII letters, digits, -,
// _ and ., starting with a letter, that YAML reads as a string.
func plainKey(key string) bool {
	if key == "" || !isASCIILetter(key[0]) || !plainString(key) {
		return false
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !isASCIILetter(c) && !('0' <= c && c <= '9') && c != '-' && c != '_' && c != '.' {
			return false
		}
	}
	return true
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// plainBlockWord reports whether text is a value YAML reads as it is, a
// string or null, in a block map or list: it does not start with white
// space or a character YAML gives a meaning, has no ": ", does not end
// in ":", and has single spaces.
func plainBlockWord(text string) bool {
	return text != "" && !strings.ContainsRune(" \t-?:,[]{}#&*!|>'\"%@`", rune(text[0])) &&
		!strings.Contains(text, ":") && !strings.Contains(text, "  ") && text[len(text)-1] != ' ' && plainString(text)
}

// plainFlowWord is plainBlockWord in a flow map or list, where commas
// and brackets end a word.
func plainFlowWord(text string) bool {
	return plainBlockWord(text) && !strings.ContainsAny(text, ",[]{}")
}

// plainString reports whether a word is a string or null to YAML, not
// a number, a boolean or a timestamp: a word that starts with a digit,
// a sign or a dot, or that is a boolean in any YAML version, is left to
// the parser.
func plainString(text string) bool {
	switch c := text[0]; {
	case '0' <= c && c <= '9', c == '+', c == '-', c == '.', c == '=', c == '<':
		return false
	}
	switch strings.ToLower(text) {
	case "true", "false", "yes", "no", "on", "off", "y", "n":
		return false
	}
	return true
}
