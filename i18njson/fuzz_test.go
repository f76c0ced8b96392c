package i18njson

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/loctool/loctool/inline"
)

func FuzzRead(f *testing.F) {
	template := codesFile(f)
	pristine := clone(template)
	names := []string{"ru.json", "ru.toml", "ru.yaml"}
	f.Add(write(f, template), uint8(0))
	seeds, err := filepath.Glob("testdata/codes.ru.*")
	if err != nil {
		f.Fatal(err)
	}
	for _, path := range seeds {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		format := uint8(0)
		switch filepath.Ext(path) {
		case ".toml":
			format = 1
		case ".yaml":
			format = 2
		}
		f.Add(data, format)
	}
	for _, s := range []string{
		`{"b2.s4": "Он был спокоен.</1>", "b5.s1": "<1><2>x</1></2>"}`,
		`{"b1": {"s1": {"other": "<1>x</1>", "hash": "sha1-1"}}, "b1.s1": "y"}`,
		`[{"id": "b2.s5", "translation": "Никто"}]`,
		`{"b2.s5": {"Other": "a", "other": "b", "one": "c"}}`,
		`{"b4.s1": "&lt;&amp;&gt;<1>&</1><"}`,
		`{"b2.s5": "a\ud800\u0000b"}`,
		"\uFEFF{\"b2.s5\": \"Никто\"}",
	} {
		f.Add([]byte(s), uint8(0))
	}
	f.Add([]byte("[b2]\ns5 = 'Никто'\n[b1.s1]\nother = \"<1>x</1>\"\n"), uint8(1))
	f.Add([]byte("b2.s5: Никто\nb2:\n  s4: x</1>\n"), uint8(2))
	f.Add([]byte("b2.s5: \"\\xff\\x00\"\nb1.s1: &a <1>x</1>\nb4.s1: *a\n"), uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, format uint8) {
		name := names[int(format)%len(names)]
		back, err := Read(data, name, template)
		if !reflect.DeepEqual(template, pristine) {
			t.Fatal("Read changed the template")
		}
		if err != nil {
			return
		}
		for _, u := range back.Units {
			for _, s := range u.Segments() {
				if s.Target == nil {
					continue
				}
				if err := inline.CheckCodes(s.Source, s.Target); err != nil {
					t.Fatalf("%s.%s: %v", u.ID, s.ID, err)
				}
				if !s.IsTranslated() {
					t.Fatalf("%s.%s: target %q (%s) is not a translation", u.ID, s.ID, s.Target.Markup(), s.State)
				}
			}
		}
		// What was read writes a file that reads the same.
		var buf bytes.Buffer
		if err := Write(&buf, back); err != nil {
			t.Fatal(err)
		}
		again, err := Read(buf.Bytes(), "ru.json", back)
		if err != nil {
			t.Fatalf("%v\n%s", err, buf.Bytes())
		}
		if !sameFile(again, back) {
			t.Fatalf("read again:\n%s\nfirst read:\n%s", targets(again), targets(back))
		}
	})
}
