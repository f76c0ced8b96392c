package xmltree

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/loctool/loctool/internal/testtool"
)

// xliffTestdata holds the xliff package's golden files: what loctool
// writes.
var xliffTestdata = filepath.Join("..", "..", "testdata")

var testOptions = Options{MaxBytes: 256 << 20, MaxDepth: 100, MaxBytesName: "MaxBytes", MaxDepthName: "MaxDepth"}

// fastDocs are documents parseFast must take, each with something the
// tree must keep exactly as encoding/xml gives it.
var fastDocs = []string{
	`<xliff/>`,
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\"><file/></xliff>\n",
	"<?xml version='1.0' encoding='utf-8' standalone='yes'?><xliff version=\"1.2\"></xliff>",
	"\xEF\xBB\xBF<?xml version=\"1.0\"?>\n\n  <a>\n  <b x='1'\n     y=\"2\"/>\t<c/></a>",
	`<a xmlns="d" xmlns:p="pp"><p:b p:x="1" x="2" xml:lang="ru"><c xmlns="e" xmlns:p="qq"><p:d/></c><p:e/><f/></p:b><q:g/></a>`,
	`<a xmlns:xml="z"><b xml:space="preserve"/></a>`,
	`<a>one &amp; two &lt;3&gt; &quot;q&quot; &apos;s&apos; &#38; &#x26; &#x1F600; &#0065;</a>`,
	`<a t="&lt;&amp;&gt;" u='"' v="'" w="a]]>b" x="line
break	tab"/>`,
	`<a>text<!-- a comment --> more<![CDATA[ <raw> & ]] ]]>tail</a>`,
	`<a>x<!---->y<![CDATA[]]>z</a>`,
	`<a ><b  a = "1"  /></a >`,
	`<a>Мухтар Аблязов — «кавычки» 😀</a>`,
	"<a>Дом 😀 <b x='Ж'/><c/>\n «<d/></a>",
	`<a:b xmlns:a="n"><a:c/></a:b>`,
	`<a :x="1" x:="2" _y="3" z.w-v="4"/>`,
	`<!-- before --><a/><!-- after -->` + "\n",
	`<a><b/>
<c>
<d>deep</d></c></a>`,
	"<?xml version=\"1.0\"?>\r\n<a\r\n x=\"1\r\n2\r3\"\r\n>\r\n<b>one\r\ntwo\rthree\r\r\nfour&#13;\n<![CDATA[\r\n]]>\r</b>\r\n</a>\r\n",
	"<a>\r<!-- c -->\nb</a>",
}

// slowDocs are documents parseFast leaves to the decoder, valid or not.
var slowDocs = []string{
	`<!DOCTYPE a><a/>`,
	`<?xml version="1.1"?><a/>`,
	`<?xml version="1.0" encoding="ISO-8859-1"?><a/>`,
	`<?pi?><a/>`,
	`<a><?pi?></a>`,
	`<a>&nbsp;</a>`,
	`<a>&#xD800;</a>`,
	`<a>&#1;</a>`,
	`<a>&#X41;</a>`,
	`<a>&amp</a>`,
	`<a>]]></a>`,
	`<a x="<"/>`,
	`<a x=1/>`,
	`<a x="1"y="2"/>`,
	`<a x="1" x="2"/>`,
	`<a><b></a>`,
	`<a></b>`,
	`<a/><b/>`,
	`<a/>text`,
	`<a>`,
	``,
	`text`,
	`<a:b:c/>`,
	`<1a/>`,
	`<é/>`,
	`<a é="1"/>`,
	"<a>\x01</a>",
	"<a>\xff</a>",
	"<a>\uFFFE</a>",
	`<a><!-- a -- b --></a>`,
	`<a><![CDATA[ open`,
	`<a/ >`,
	`<a><![CDATA[x]]></a><![CDATA[y]]>`,
	"\u00a0<a/>",
}

func TestParseFast(t *testing.T) {
	for i, doc := range fastDocs {
		t.Run(fmt.Sprint("fast", i), func(t *testing.T) {
			if !checkFast(t, []byte(doc)) {
				t.Errorf("parseFast refused %q", doc)
			}
		})
	}
	for i, doc := range slowDocs {
		t.Run(fmt.Sprint("slow", i), func(t *testing.T) {
			if checkFast(t, []byte(doc)) {
				t.Errorf("parseFast took %q, which the decoder should read", doc)
			}
		})
	}
}

// TestParseFastFiles checks that parseFast takes what loctool writes,
// and gives the decoder's tree for every document at hand.
func TestParseFastFiles(t *testing.T) {
	golden, _ := filepath.Glob(filepath.Join(xliffTestdata, "*.golden"))
	if len(golden) == 0 {
		t.Fatal("no golden files")
	}
	for _, path := range golden {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !checkFast(t, data) {
			t.Errorf("%s: parseFast refused a file loctool writes", path)
		}
	}
	dir := filepath.Join(testtool.SharedDir(t), "reference", "xliff", "oasis-test-suite-2.1")
	var n, fast int
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".xlf") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		n++
		if checkFast(t, data) {
			fast++
		}
		return nil
	})
	t.Logf("parseFast took %d of the %d documents of the OASIS suite", fast, n)
}

// checkFast compares parseFast with the decoder on doc, and reports
// whether parseFast took it.
func checkFast(t *testing.T, doc []byte) bool {
	t.Helper()
	p := &parser{opts: testOptions}
	fast, ok := p.parseFast(bytes.TrimPrefix(doc, []byte{0xEF, 0xBB, 0xBF}))
	slow, err := p.decode(bytes.NewReader(doc))
	if !ok {
		return false
	}
	if err != nil {
		t.Fatalf("parseFast took %q, which the decoder refuses: %v", abbrev(doc), err)
	}
	if d := diffNodes(slow, fast, "/"); d != "" {
		t.Fatalf("parseFast and the decoder differ on %q:\n%s", abbrev(doc), d)
	}
	return true
}

func abbrev(doc []byte) string {
	if len(doc) > 300 {
		return string(doc[:300]) + "…"
	}
	return string(doc)
}

// diffNodes describes the first difference between two trees.
func diffNodes(want, got *Node, at string) string {
	at += want.Name.Local
	switch {
	case want.Name != got.Name:
		return fmt.Sprintf("%s: name %v, want %v", at, got.Name, want.Name)
	case want.Line != got.Line || want.Col != got.Col:
		return fmt.Sprintf("%s: at %d:%d, want %d:%d", at, got.Line, got.Col, want.Line, want.Col)
	case !sameAttrs(want.Attrs, got.Attrs):
		return fmt.Sprintf("%s: attributes %v, want %v", at, got.Attrs, want.Attrs)
	case len(want.Kids) != len(got.Kids):
		return fmt.Sprintf("%s: %d children, want %d", at, len(got.Kids), len(want.Kids))
	case (want.Parent == nil) != (got.Parent == nil):
		return fmt.Sprintf("%s: parent %v, want %v", at, got.Parent, want.Parent)
	}
	for i, w := range want.Kids {
		g := got.Kids[i]
		switch {
		case (w.El == nil) != (g.El == nil) || w.Text != g.Text:
			return fmt.Sprintf("%s: child %d is %q %v, want %q %v", at, i, g.Text, g.El, w.Text, w.El)
		case w.El != nil:
			if g.El.Parent != got {
				return fmt.Sprintf("%s: child %d has another parent", at, i)
			}
			if d := diffNodes(w.El, g.El, at+"/"); d != "" {
				return d
			}
		}
	}
	return ""
}

func sameAttrs(a, b []xml.Attr) bool {
	if len(a) != len(b) || (a == nil) != (b == nil) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func FuzzParseFast(f *testing.F) {
	for _, d := range append(append([]string(nil), fastDocs...), slowDocs...) {
		f.Add([]byte(d))
	}
	golden, _ := filepath.Glob(filepath.Join(xliffTestdata, "codes-*.golden"))
	for _, path := range golden {
		if b, err := os.ReadFile(path); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, doc []byte) { checkFast(t, doc) })
}

func TestChars(t *testing.T) {
	for _, s := range []string{"", "a", "Ж", "abcdefgh", "abcdefghЖ", "Жабв гдеёжз 😀 «кавычки» — tail", strings.Repeat("aЖ😀", 9)} {
		for i := range len(s) + 1 {
			if !utf8.ValidString(s[i:]) {
				continue
			}
			if got, want := chars(s[i:]), utf8.RuneCountInString(s[i:]); got != want {
				t.Errorf("chars(%q) = %d, want %d", s[i:], got, want)
			}
		}
	}
}
