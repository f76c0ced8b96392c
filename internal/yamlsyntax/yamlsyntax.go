// Package yamlsyntax parses a YAML document into its nodes, for
// loctool's readers of YAML (config.yaml, glossaries), and words its
// syntax errors for people: each at its own line and column, with a hint
// of what to write.
//
// The parser, go.yaml.in/yaml/v4, notices most mistakes after the fact:
// a list opened with [ and never closed is noticed on a later line, where
// another key begins. It gives both places, and an [Error] is at the one
// to fix: the [ that is not closed, the quote that does not end.
//
// A key given twice in one map is an error too, at the second, naming
// the line of the first: YAML would keep only one of their values, and
// lose the other without a word.
package yamlsyntax

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v4"

	"github.com/loctool/loctool/internal/place"
)

// Error is a syntax error of a YAML document.
type Error struct {
	// Line and Col are where it is: 1-based, the column counted in
	// characters; 0 when unknown.
	Line, Col int
	Msg       string
	// Hint says what to write instead.
	Hint string
	// Key is the key given twice, and First the line of its first
	// place, when that is the error.
	Key   string
	First int
}

func (e *Error) Error() string {
	if e.Line <= 0 {
		return e.Msg
	}
	return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
}

// Parse parses data, one YAML document, and returns its root node; nil
// when the document holds nothing but comments. The error is an *Error.
func Parse(data []byte) (*yaml.Node, error) {
	if root := parsePlain(data); root != nil {
		if err := uniqueKeys(root); err != nil {
			return nil, err
		}
		return root, nil
	}
	return parse(data)
}

// parse is Parse by the YAML parser.
func parse(data []byte) (*yaml.Node, error) {
	l, err := yaml.NewLoader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	switch err := l.Load(&doc); {
	case err == io.EOF:
		return nil, nil
	case err != nil:
		return nil, wordError(err, data)
	}
	var next yaml.Node
	switch err := l.Load(&next); {
	case err == io.EOF:
	case err != nil:
		return nil, wordError(err, data)
	default:
		return nil, &Error{Line: next.Line, Col: next.Column, Msg: "a second YAML document starts here: the file holds one",
			Hint: "remove the --- line, or the part of the file that does not belong"}
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	root := doc.Content[0]
	if err := uniqueKeys(root); err != nil {
		return nil, err
	}
	return root, nil
}

// uniqueKeys finds the first key given twice in a map, in the order of
// the document.
func uniqueKeys(n *yaml.Node) error {
	switch n.Kind {
	case yaml.MappingNode:
		var seen map[string]*yaml.Node // for large maps; small ones are scanned
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind == yaml.ScalarNode && k.Value != "<<" {
				var first *yaml.Node
				if i >= 32 {
					if seen == nil {
						seen = map[string]*yaml.Node{}
						for j := 0; j < i; j += 2 {
							if p := n.Content[j]; p.Kind == yaml.ScalarNode {
								if _, ok := seen[p.Value]; !ok {
									seen[p.Value] = p
								}
							}
						}
					}
					first = seen[k.Value]
					if first == nil {
						seen[k.Value] = k
					}
				} else {
					for j := 0; j < i; j += 2 {
						if p := n.Content[j]; p.Kind == yaml.ScalarNode && p.Value == k.Value {
							first = p
							break
						}
					}
				}
				if first != nil {
					return &Error{Line: k.Line, Col: k.Column, Key: k.Value, First: first.Line,
						Msg:  fmt.Sprintf("%q is given twice in one map: first at line %d", k.Value, first.Line),
						Hint: "merge the two into one: YAML would keep only one of them, and lose the other without a word"}
				}
			}
			if err := uniqueKeys(n.Content[i+1]); err != nil {
				return err
			}
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if err := uniqueKeys(c); err != nil {
				return err
			}
		}
	}
	return nil
}

// wordError turns the parser's error into an *Error for people.
func wordError(err error, data []byte) *Error {
	var le *yaml.LoadError
	if !errors.As(err, &le) {
		return &Error{Msg: "not valid YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	at, ctx := le.Mark, le.ContextMark
	e := &Error{Line: at.Line, Col: at.Column}
	start := func() { // the error is where the construct began
		if ctx.Line > 0 {
			e.Line, e.Col = ctx.Line, ctx.Column
		}
	}
	msg := le.Message
	switch {
	case msg == "did not find expected ',' or ']'":
		start()
		e.Msg = "the list this [ opens is not closed" + before(data, at, "]")
		e.Hint = "end the list with ], as in [ru, kk], and put a comma between its items"
	case msg == "did not find expected ',' or '}'":
		start()
		e.Msg = "the map this { opens is not closed" + before(data, at, "}")
		e.Hint = "end the map with }, as in {kk: json}, and put a comma between its entries"
	case strings.HasPrefix(le.ContextMsg, "while scanning a quoted scalar") &&
		(msg == "found unexpected end of stream" || msg == "found unexpected document indicator"):
		start()
		q := charAt(data, ctx)
		e.Msg = fmt.Sprintf("the text this %c opens is not closed", q)
		if q == '\'' {
			e.Hint = "end it with '; inside it, write '' for a '"
		} else {
			e.Hint = `end it with "; inside it, write \" for a "`
		}
	case msg == "found unknown escape character":
		e.Msg = `an unknown escape sequence: in "…" text, a backslash starts \n, \t, \" or \\`
		e.Hint = `write \\ for a backslash, or put the text in '…', where \ is plain`
	case msg == "did not find expected hexadecimal number" || msg == "found invalid Unicode character escape code":
		e.Msg = `a \x, \u or \U escape without its hexadecimal code`
		e.Hint = `write \\ for a backslash, or put the text in '…', where \ is plain`
	case msg == "mapping values are not allowed in this context":
		e.Msg = `a ": " where no key can start`
		e.Hint = `put a value that holds ": " in quotes; indent a key as the keys beside it`
	case msg == "mapping keys are not allowed in this context":
		e.Msg = `a "? " key where no key can start`
		e.Hint = "put the value in quotes"
	case msg == "did not find expected key":
		e.Msg = "this line is indented as no map above it"
		if ctx.Line > 0 {
			e.Msg = fmt.Sprintf("a key of the map at line %d was expected: this is indented otherwise, or is not key: value", ctx.Line)
		}
		e.Hint = "indent the keys of one map alike, with spaces, and write each as key: value"
	case msg == "did not find expected '-' indicator":
		e.Msg = "an item of the list was expected: this is indented otherwise"
		if ctx.Line > 0 {
			e.Msg = fmt.Sprintf("an item of the list at line %d was expected: this is indented otherwise", ctx.Line)
		}
		e.Hint = `start an item with "- " under the list's other items; indent a setting of an item as the item's first one`
	case msg == "block sequence entries are not allowed in this context":
		e.Msg = `a list item ("- ") where no list can start`
		e.Hint = "start the list on the line after its key, indented, or write it as [a, b]"
	case msg == "did not find expected node content":
		e.Msg = "a value is missing here"
		e.Hint = "give the value, or put text that starts with a sign in quotes"
	case msg == "could not find expected ':'":
		start()
		e.Msg = `this key has no ":"`
		e.Hint = "write it as key: value"
	case msg == "found character that cannot start any token":
		if c := charAt(data, at); c == '\t' {
			e.Msg = "a tab in the indentation: YAML is indented with spaces"
			e.Hint = "replace the tab with spaces"
		} else {
			e.Msg = fmt.Sprintf("%q cannot start a value", c)
			e.Hint = "put the value in quotes"
		}
	case strings.Contains(msg, "tab") && strings.Contains(msg, "indentation") || msg == "found mixed spaces and tabs in indentation":
		e.Msg = "a tab in the indentation: YAML is indented with spaces"
		e.Hint = "replace the tab with spaces"
	case strings.HasPrefix(msg, "unknown anchor"):
		name := strings.TrimSuffix(strings.TrimPrefix(msg, "unknown anchor '"), "' referenced")
		e.Msg = fmt.Sprintf("*%s refers to no anchor: no &%s comes before it", name, name)
		e.Hint = fmt.Sprintf("define &%s before it, or write the value out; a * that is text goes in quotes", name)
	case strings.HasPrefix(msg, "control characters are not allowed"):
		r, off := control(data)
		e.Line, e.Col = place.Of(string(data), off)
		e.Msg = fmt.Sprintf("control character U+%04X, which YAML cannot hold: the file is damaged, or not text", r)
		e.Hint = "remove it"
	default:
		e.Msg = "not valid YAML: " + strings.TrimPrefix(msg, "yaml: ")
		e.Hint = "indent with spaces, and close each quote, [ and {"
	}
	return e
}

// before says where the parser found what should have come after a
// closing bracket: the next line, or the end of the file.
func before(data []byte, at yaml.Mark, bracket string) string {
	if at.Line <= 0 {
		return ""
	}
	if r := charAt(data, at); r == 0 {
		return ": the file ends before its " + bracket
	}
	return fmt.Sprintf(": no %s before line %d", bracket, at.Line)
}

// charAt returns the character at a mark, or 0 past the end.
func charAt(data []byte, m yaml.Mark) rune {
	if m.Line <= 0 || m.Column <= 0 {
		return 0
	}
	s := string(data)
	for range m.Line - 1 {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			return 0
		}
		s = s[i+1:]
	}
	for range m.Column - 1 {
		_, n := utf8.DecodeRuneInString(s)
		if n == 0 {
			return 0
		}
		s = s[n:]
	}
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return 0
	}
	return r
}

// control returns the first character YAML does not allow, and its
// offset.
func control(data []byte) (rune, int) {
	for i, r := range string(data) {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == 0x85:
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f, r == 0xfffe, r == 0xffff:
			return r, i
		}
	}
	return 0, len(data)
}
