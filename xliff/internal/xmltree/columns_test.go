package xmltree

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// places lists where each element of a tree starts, or where an error
// is: "line:col name" for each.
func places(t *testing.T, doc []byte) string {
	t.Helper()
	root, err := Parse(bytes.NewReader(doc), testOptions)
	var e *Error
	if errors.As(err, &e) {
		return fmt.Sprintf("%d:%d error", e.Line, e.Col)
	}
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(*Node)
	walk = func(n *Node) {
		out = append(out, fmt.Sprintf("%d:%d %s", n.Line, n.Col, n.Name.Local))
		for _, k := range n.Elems() {
			walk(k)
		}
	}
	walk(root)
	return strings.Join(out, ", ")
}

// ascii replaces each character beyond ASCII by one letter.
func ascii(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= utf8.RuneSelf && r != 0xFEFF {
			return 'x'
		}
		return r
	}, s)
}

// TestColumns checks that columns count characters, not bytes, whichever
// parser reads the document and whatever its encoding: a document reads
// with the places of the same document with each character beyond ASCII
// replaced by one ASCII letter.
func TestColumns(t *testing.T) {
	const decl1251 = `<?xml version="1.0" encoding="windows-1251"?>`
	for _, tc := range []struct {
		name, doc string
		enc       encoding.Encoding // nil for UTF-8
		want      string            // the places, when the test says them
	}{
		{name: "fast", doc: "<a>\n  Дом 😀 <b/><c\n>x</c>«»<d/></a>", want: "1:1 a, 2:9 b, 2:13 c, 3:9 d"},
		{name: "decoder", doc: "<!DOCTYPE a>\n<a>Дом <b/>«<c/></a>", want: "2:1 a, 2:8 b, 2:13 c"},
		{name: "BOM", doc: "\uFEFF<a>Дом <b/></a>", want: "1:1 a, 1:8 b"},
		{name: "attribute", doc: "<a x='Ж'><b y=\"😀😀\"/><c/></a>", want: "1:1 a, 1:10 b, 1:21 c"},
		{name: "entity", doc: "<a>Дом «&nbsp;»</a>"},
		{name: "closed by", doc: "<a>Дом <b>кот</a>"},
		{name: "end", doc: "<a>Дом <b>кот"},
		{name: "stepped back over a line break", doc: "&\n"},
		{name: "UTF-16", doc: "\uFEFF<a>\nДом <b/>«<c/></a>", enc: unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)},
		{name: "UTF-16 error", doc: "\uFEFF<a>Дом &nbsp;</a>", enc: unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)},
		{name: "windows-1251", doc: decl1251 + "<a>\nДом <b/>«<c/></a>", enc: charmap.Windows1251},
		{name: "windows-1251 error", doc: decl1251 + "<a>Дом «&nbsp;»</a>", enc: charmap.Windows1251},
	} {
		t.Run(tc.name, func(t *testing.T) {
			encode := func(s string) []byte {
				if tc.enc == nil {
					return []byte(s)
				}
				b, err := tc.enc.NewEncoder().Bytes([]byte(s))
				if err != nil {
					t.Fatal(err)
				}
				return b
			}
			got, want := places(t, encode(tc.doc)), places(t, encode(ascii(tc.doc)))
			if got != want {
				t.Errorf("places %s, want those of the ASCII document, %s", got, want)
			}
			if tc.want != "" && got != tc.want {
				t.Errorf("places %s, want %s", got, tc.want)
			}
		})
	}
}

// TestHints checks the hints of the errors of files that are not text,
// or not UTF-8.
func TestHints(t *testing.T) {
	for _, tc := range []struct{ doc, hint string }{
		{"<a>x\x00y</a>", "XML has no NUL characters: the file is damaged, or not text; ask for it again"},
		{"<a>Д\xffом</a>", "the file is not UTF-8 text: an editor may have saved it in another encoding; save it as UTF-8, or ask for it again"},
		{"<a>x</b>", ""},
	} {
		_, err := Parse(strings.NewReader(tc.doc), testOptions)
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("%q: %v", tc.doc, err)
		}
		if e.Hint != tc.hint {
			t.Errorf("%q: %v, hint %q; want hint %q", tc.doc, err, e.Hint, tc.hint)
		}
	}
}
