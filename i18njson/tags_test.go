package i18njson

import (
	"strings"
	"testing"

	"github.com/loctool/loctool/inline"
)

func TestTags(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"text", "Ablyazov walks free", "Ablyazov walks free"},
		{"pair", "Ablyazov {b}walks free{/b}", "Ablyazov <1>walks free</1>"},
		{"pairs and placeholder", "{i}The{/i} {a}IWPR{/a}{br}x", "<1>The</1> <2>IWPR</2><3/>x"},
		{"nested", "{b}Both {i}both{/i}{/b}", "<1>Both <2>both</2></1>"},
		{"lone open", "{b}Then he spoke.", "<1>Then he spoke."},
		{"lone close", "He was calm.{/b}", "He was calm.</1>"},
		{"lone close then pair", "calm.{/b} {i}x{/i}", "calm.</1> <2>x</2>"},
		{"close then open of one code", "{/b}x{b}", "</1>x<2>"},
		{"codes only", "{img}", "<1/>"},
		{"tag-like text", "<3>, </1>, <2/> and <b>", "&lt;3>, &lt;/1>, &lt;2/> and &lt;b>"},
		{"ampersands", "AT&T, &amp; &lt; &gt; &", "AT&amp;T, &amp;amp; &amp;lt; &amp;gt; &amp;"},
		{"tag-like text by a code", "<{br}1>", "&lt;<1/>1>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := html(tc.in)
			tg := number(c)
			got := tg.encodeSource(c)
			if got != tc.want {
				t.Errorf("encodeSource: got %q, want %q", got, tc.want)
			}
			if enc, err := tg.encode(c); err != nil || enc != got {
				t.Errorf("encode: got %q, %v", enc, err)
			}
			back, tags, err := tg.decode(got)
			if err != nil {
				t.Fatal(err)
			}
			if !back.Equal(c) {
				t.Errorf("decode: got %v, want %v", back, c)
			}
			if err := tg.check(tags); err != nil {
				t.Errorf("check: %v", err)
			}
		})
	}
}

func TestDecodeText(t *testing.T) {
	tg := number(nil)
	for _, tc := range []struct{ in, want string }{
		{"AT&T", "AT&T"},
		{"&amp;&lt;&gt;", "&<>"},
		{"&amp", "&amp"},
		{"&quot;", "&quot;"},
		{"a > b", "a > b"},
		{"&", "&"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			c, _, err := tg.decode(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := c.PlainText(); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// fuzzContent builds content from a string: \x01, \x02 and \x03 followed
// by a byte are an Open, a Close and a Placeholder with an ID from that
// byte, \x04 and a byte a code of an unknown kind; the rest is text.
func fuzzContent(s string) inline.Content {
	var c inline.Content
	kinds := map[byte]inline.Kind{1: inline.Open, 2: inline.Close, 3: inline.Placeholder, 4: inline.Kind(7)}
	for i := 0; i < len(s); i++ {
		k, ok := kinds[s[i]]
		if !ok || i+1 == len(s) {
			c = append(c, inline.Item{Text: s[i : i+1]})
			continue
		}
		id := string('0' + s[i+1]%4)
		c = append(c, inline.Item{Code: &inline.Code{Kind: k, ID: id, Type: "bold", Data: "d" + id}})
		i++
	}
	return c.Normalize()
}

func FuzzTags(f *testing.F) {
	for _, s := range []string{
		"He \x01a left.\x02a She \x03b stayed.",
		"<1>, </1>, <2/>, &amp;, &lt; and a stray < & too",
		"\x02a\x01a\x01a\x02a\x02a",
		"\x01a\x01b\x02a\x02b",
		"\x04x<\x03y1>",
		"&\x03a&lt;",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := fuzzContent(s)
		tg := number(c)
		enc := tg.encodeSource(c)
		back, tags, err := tg.decode(enc)
		if err != nil {
			t.Fatalf("decode %q: %v", enc, err)
		}
		if !back.Equal(c) {
			t.Fatalf("%q decodes to %v, want %v", enc, back, c)
		}
		if len(tags) != len(tg.tags) {
			t.Fatalf("%d tags read, %d written", len(tags), len(tg.tags))
		}
		if strings.Count(enc, "<") != len(tags) {
			t.Fatalf("%q: a '<' that is not a tag", enc)
		}
	})
}
