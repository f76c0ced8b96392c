package yamlsyntax

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v4"
)

// samePlain checks that parsePlain, where it reads data, makes the tree
// the YAML parser makes, and reports whether it read it.
func samePlain(t *testing.T, data []byte) bool {
	t.Helper()
	got := parsePlain(data)
	if got == nil {
		return false
	}
	want, err := parse(data)
	if e, ok := err.(*Error); ok && e.Key != "" {
		// A key given twice: Parse finds it in either tree.
		if plainErr := uniqueKeys(got); !reflect.DeepEqual(plainErr, err) {
			t.Fatalf("%q: in the tree of parsePlain, %v; the parser says %v", data, plainErr, err)
		}
		return true
	}
	if err != nil {
		t.Fatalf("%q: read by parsePlain, but the parser says %v", data, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: parsePlain makes\n%s\nthe parser\n%s", data, dump(got), dump(want))
	}
	return true
}

// dump shows a tree, node by node.
func dump(n *yaml.Node) string {
	var b strings.Builder
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		fmt.Fprintf(&b, "%s%v %v %s %q %d:%d\n", strings.Repeat("  ", depth), n.Kind, n.Style, n.Tag, n.Value, n.Line, n.Column)
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

// The plain YAML of glossaries and configurations is read as the parser
// reads it; anything else is left to the parser.
func TestParsePlain(t *testing.T) {
	plain := []string{
		"a: b\n",
		"a: b",
		"concepts:\n  - id: person-00001\n    type: person\n    source: {ru: Тиктосубеков, kk: Тіқтосұбеков}\n    en: Tiktosubekov\n    ru: Тиктосубеков\n",
		"concepts:\n- id: a\n  en: {preferred: Zhakiyanov, forbidden: [Jakiyanov, Zhakianov]}\n\n- id: b\n  en:\n    preferred: Қазақ Елі\n    accepted: [A B, C]\n",
		"source: en\ntargets: [ru, kk]\narticles:\n  - articles/news/a.md\n  - articles/news/b.txt\nformat: xliff-1.2\n",
		"a:\n  b:\n    c: d e f\n  g: ~\nh: null\n",
		"list:\n- a, b\n- {x: z}\n- [p, q]\n",
		"a:   spaced\nb: x [y] z\n",
		"k: Қазақстан Республикасы\nl: {m: [Ә, Ө], o: ö}\n",
	}
	for _, in := range plain {
		if !samePlain(t, []byte(in)) {
			t.Errorf("%q: left to the parser", in)
		}
	}
	others := []string{
		"", "\n", "# comment\na: b\n", "a: 'b'\n", "a: \"b\"\n", "a: b # c\n", "a: b \n", "a:\n", "a:\nb: c\n",
		"a: 1\n", "a: yes\n", "no: b\n", "a: -b\n", "a: b: c\n", "a: b:\n", "a: [b\n", "a: {b: c\n", "a: {b: c}x\n",
		"a: [b,c]\n", "a: {b:c}\n", "a: [b,  c]\n", "a: {b: {c: d}}\n", "a: []\n", "a: {}\n",
		"a: b\n  c\n", "a:\n  - b\n c: d\n", "a:\n  - b\n   c\n", "- a\n", "a:\n  -\n", "a:\n  - - b\n",
		"---\na: b\n", "a: b\n...\n", "a: &x b\n", "a: *x\n", "a: !t b\n", "a: |\n  b\n", "a: >\n  b\n",
		"a:\tb\n", "a: b\r\n", "\ufeffa: b\n", "a: b\u2028c\n", "a: b\u0085\n", "a: b\x01\n", "a: \xff\n",
		"a: b\n  - c\n", "a:\n  b: c\n   d: e\n", "a: b  c\n", "a: .inf\n", "a: <<\n", "<<: b\n", "a: b\n a: c\n",
		"1: b\n", "a: {y: b}\n", "a: [n]\n", "a b: c\n", "a: b\na:c\n", "a: x\n  - y\n", "a:\n  - b: c\n   d: e\n",
	}
	for _, in := range others {
		samePlain(t, []byte(in))
	}
	// A glossary of many concepts, in the forms its files take.
	var b strings.Builder
	b.WriteString("concepts:\n")
	for i := range 300 {
		fmt.Fprintf(&b, "  - id: person-%05d\n    type: person\n", i)
		switch i % 3 {
		case 0:
			fmt.Fprintf(&b, "    source: {ru: Жакиянов%c, kk: Жақиянов%c}\n    en: Zhakiyanov%c\n", 'а'+rune(i%32), 'ә', 'a'+rune(i%26))
		case 1:
			fmt.Fprintf(&b, "    source:\n      ru: [Назарбаев, Назарбаева]\n    en: {preferred: Nazarbayev, forbidden: [Nazarbaev]}\n")
		case 2:
			fmt.Fprintf(&b, "    note: Қазақ тілі, and more\n    en:\n      preferred: Ä Ö%d\n      accepted:\n        - A O\n        - Ae Oe\n", i)
		}
	}
	if !samePlain(t, []byte(b.String())) {
		t.Error("the generated glossary is left to the parser")
	}
	// The repository's own YAML files, whichever way they are read.
	files, _ := filepath.Glob("../../*.yaml")
	more, _ := filepath.Glob("../../glossary/testdata/*.yaml")
	for _, f := range append(append(files, more...), "../../glossary/builtin.yaml") {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		samePlain(t, data)
	}
}

// FuzzParsePlain checks that what parsePlain reads, it reads as the
// parser does.
func FuzzParsePlain(f *testing.F) {
	for _, s := range []string{"a: b\n", "concepts:\n  - id: a\n    source: {ru: Б, kk: [В, Г]}\n    en: A\n", "a:\n- b\n- [c, d]\n", "a:\n  b: c d\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		samePlain(t, data)
	})
}
