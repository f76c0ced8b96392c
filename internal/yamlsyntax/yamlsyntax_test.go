package yamlsyntax

import (
	"errors"
	"testing"
)

func TestParse(t *testing.T) {
	for _, tt := range []struct {
		name, yaml string
		line, col  int
		msg, hint  string
	}{
		{"list not closed", "source: en\ntargets: [ru\narticles: [a]\n", 2, 10,
			"the list this [ opens is not closed: no ] before line 3", "end the list with ], as in [ru, kk], and put a comma between its items"},
		{"list not closed at the end", "source: en\ntargets: [ru\n", 2, 10,
			"the list this [ opens is not closed: the file ends before its ]", ""},
		{"map not closed", "a: {b: c\nd: e\n", 1, 4, "the map this { opens is not closed: no } before line 2", ""},
		{"quote not closed", "concepts:\n  - id: a\n    en: A\n  - id: b\n    en: B\n  - id: c\n    en: \"C\n", 7, 9,
			`the text this " opens is not closed`, `end it with "; inside it, write \" for a "`},
		{"single quote not closed", "a: 'Қазақ\n", 1, 4, "the text this ' opens is not closed", "end it with '; inside it, write '' for a '"},
		{"item indented wrong", "concepts:\n  - id: a\n    en: A\n  - id: c\n   en: C\n", 5, 4,
			"an item of the list at line 2 was expected: this is indented otherwise", ""},
		{"key indented wrong", "a:\n  - b\n c: d\n", 3, 2, "a key of the map at line 1 was expected: this is indented otherwise, or is not key: value", ""},
		{"tab", "concepts:\n\t- id: a\n", 2, 1, "a tab in the indentation: YAML is indented with spaces", "replace the tab with spaces"},
		{"tab in indentation", "a:\n  b: 1\n\tc: 2\n", 3, 1, "a tab in the indentation: YAML is indented with spaces", ""},
		{"colon in a value", "source: en: ru\n", 1, 11, `a ": " where no key can start`, ""},
		{"columns count characters", "a: Қазақ: b\n", 1, 9, `a ": " where no key can start`, ""},
		{"escape", "a: \"Қазақ\\q\"\n", 1, 10, `an unknown escape sequence: in "…" text, a backslash starts \n, \t, \" or \\`, ""},
		{"reserved character", "a: @b\n", 1, 4, `'@' cannot start a value`, "put the value in quotes"},
		{"unknown anchor", "a: *x\n", 1, 4, "*x refers to no anchor: no &x comes before it", ""},
		{"control character", "a: b\nc: Қ\x01\n", 2, 5, "control character U+0001, which YAML cannot hold: the file is damaged, or not text", "remove it"},
		{"second document", "a: 1\n---\nb: 2\n", 2, 1, "a second YAML document starts here: the file holds one", ""},
		{"key twice", "concepts:\n  - id: a\nother: 1\nconcepts:\n  - id: b\n", 4, 1,
			`"concepts" is given twice in one map: first at line 1`, "merge the two into one: YAML would keep only one of them, and lose the other without a word"},
		{"key twice, deeper", "a:\n  - b: 1\n    c: 2\n    b: 3\n", 4, 5, `"b" is given twice in one map: first at line 2`, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.yaml))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v, want an *Error", err)
			}
			if e.Line != tt.line || e.Col != tt.col || e.Msg != tt.msg {
				t.Errorf("%d:%d: %s\nwant %d:%d: %s", e.Line, e.Col, e.Msg, tt.line, tt.col, tt.msg)
			}
			if tt.hint != "" && e.Hint != tt.hint {
				t.Errorf("hint %q, want %q", e.Hint, tt.hint)
			}
			if e.Hint == "" {
				t.Error("no hint")
			}
		})
	}
}

func TestParseValid(t *testing.T) {
	for _, in := range []string{"", "# only a comment\n", "---\na: 1\n...\n", "a: &x [1]\nb: *x\n", "a: {b: 1}\nc: {b: 2}\n"} {
		if _, err := Parse([]byte(in)); err != nil {
			t.Errorf("%q: %v", in, err)
		}
	}
	n, err := Parse([]byte("# nothing\n"))
	if n != nil || err != nil {
		t.Errorf("a document of comments: %v, %v; want nil, nil", n, err)
	}
}

// A large map finds a key given twice as a small one does.
func TestParseLargeMap(t *testing.T) {
	var b []byte
	for i := range 100 {
		b = append(b, []byte("k"+string(rune('a'+i%26))+string(rune('a'+i/26))+": 1\n")...)
	}
	b = append(b, "kcb: 2\n"...)
	_, err := Parse(b)
	var e *Error
	if !errors.As(err, &e) || e.Line != 101 || e.First != 29 || e.Key != "kcb" {
		t.Errorf("%v, want kcb twice at line 101, first at 29", err)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"a: [b\n", "a: 1\na: 2\n", "a: \"b\n", "a:\n\t- b\n", "a: *x\n", "- a\n- b: [c, {d: e}]\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := Parse(data)
		var e *Error
		if err != nil && errors.As(err, &e) && (e.Msg == "" || e.Hint == "") {
			t.Errorf("%q: %v: no message or no hint", data, err)
		}
	})
}
