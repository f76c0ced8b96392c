package i18njson

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/document"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/internal/cut"
)

// version is an article of one-paragraph blocks b1, b2… as loctool
// cuts it into units.
func version(t *testing.T, paragraphs ...string) *handoff.File {
	t.Helper()
	var blocks []document.Block
	for i, p := range paragraphs {
		blocks = append(blocks, document.Block{ID: fmt.Sprintf("b%d", i+1), Content: inline.Text(p)})
	}
	return &handoff.File{
		Original:   "articles/a.txt",
		Datatype:   "plaintext",
		SourceLang: language.English,
		TargetLang: language.Russian,
		Units:      cut.Units(blocks, english(t), cut.DefaultHandles),
	}
}

// translated is the message file loctool wrote for a version, each
// sentence translated as "ru: " and its source.
func translated(t *testing.T, f *handoff.File) []byte {
	t.Helper()
	f = clone(f)
	for _, u := range f.Units {
		for _, s := range u.Segments() {
			s.Target, s.State = inline.Text("ru: "+s.Source.PlainText()), handoff.Translated
		}
	}
	return write(t, f)
}

// sources lists a file's segments as "ID source => target".
func sources(f *handoff.File) string {
	var b strings.Builder
	for _, u := range f.Units {
		for _, s := range u.Segments() {
			target := "-"
			if s.Target != nil {
				target = s.Target.PlainText()
			}
			fmt.Fprintf(&b, "%s %s => %s\n", MessageID(u.ID, s.ID), s.Source.PlainText(), target)
		}
	}
	return b.String()
}

// files returns the earlier versions, as ReadOptions.Earlier does.
func files(fs []*handoff.File) func() ([]*handoff.File, error) {
	return func() ([]*handoff.File, error) { return fs, nil }
}

var hashLine = regexp.MustCompile(`(?m)^\s*"hash": "[^"]*",\n`)

// A file returned after the article changed is read against the version
// it was made for, which the hashes of its messages name: every
// translation stays on its own sentence, whatever the IDs name now.
func TestReadEarlierVersion(t *testing.T) {
	v1 := version(t, "Astana is the capital. It is cold.", "Almaty is larger.")
	v2 := version(t, "A new sentence comes first. Astana is the capital. It is cold.", "Almaty is larger.")
	now := version(t, "A new sentence comes first. Astana is the capital. It is cold.", "Almaty is much larger.")
	for _, tc := range []struct {
		name    string
		file    []byte
		earlier []*handoff.File
		want    string
	}{
		{"made for the first version", translated(t, v1), []*handoff.File{v2, v1}, `
b1.s1 Astana is the capital. => ru: Astana is the capital.
b1.s2 It is cold. => ru: It is cold.
b2.s1 Almaty is larger. => ru: Almaty is larger.
`},
		{"made for the second", translated(t, v2), []*handoff.File{v2, v1}, `
b1.s1 A new sentence comes first. => ru: A new sentence comes first.
b1.s2 Astana is the capital. => ru: Astana is the capital.
b1.s3 It is cold. => ru: It is cold.
b2.s1 Almaty is larger. => ru: Almaty is larger.
`},
		// Its b1 messages name both v2 and now; b2's only v2: the newest
		// version that all of them name.
		{"newest that every message names", translated(t, v2), []*handoff.File{v2}, `
b1.s1 A new sentence comes first. => ru: A new sentence comes first.
b1.s2 Astana is the capital. => ru: Astana is the capital.
b1.s3 It is cold. => ru: It is cold.
b2.s1 Almaty is larger. => ru: Almaty is larger.
`},
		{"made for the article as it is", translated(t, now), []*handoff.File{v2, v1}, `
b1.s1 A new sentence comes first. => ru: A new sentence comes first.
b1.s2 Astana is the capital. => ru: Astana is the capital.
b1.s3 It is cold. => ru: It is cold.
b2.s1 Almaty is much larger. => ru: Almaty is much larger.
`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			back, err := ReadOptions{Earlier: files(tc.earlier)}.Read(tc.file, "ru.json", now)
			if err != nil {
				t.Fatal(err)
			}
			if got := sources(back); got != strings.TrimPrefix(tc.want, "\n") {
				t.Errorf("read\n%swant\n%s", got, strings.TrimPrefix(tc.want, "\n"))
			}
		})
	}
}

// A file whose untranslated messages name two versions, and whose
// translated one a tool rehashed, is of the version that has all its
// messages.
func TestReadVersionByIDs(t *testing.T) {
	now := version(t, "One.", "Two.")
	before := version(t, "One.", "Two.", "Three.")
	f := clone(before)
	s := f.Units[2].Segment("s1")
	s.Target, s.State = inline.Text("Три."), handoff.Translated
	data := regexp.MustCompile(`"hash": "sha1-[0-9a-f]+",\n(\s*"other": "Три.")`).ReplaceAll(write(t, f), []byte(`"hash": "sha1-0",
$1`))
	if !strings.Contains(string(data), `"sha1-0"`) {
		t.Fatalf("no rehashed message in\n%s", data)
	}
	back, err := ReadOptions{Earlier: files([]*handoff.File{before})}.Read(data, "ru.json", now)
	if err != nil {
		t.Fatal(err)
	}
	if got := sources(back); !strings.Contains(got, "b3.s1 Three. => Три.") {
		t.Errorf("read\n%s", got)
	}
}

// A file whose messages name no version that all of them were made for,
// or which name none where the sentence of an ID has changed, is refused
// with handoff.ambiguous: no translation goes on a sentence it may not
// be for.
func TestReadAmbiguousVersion(t *testing.T) {
	// Each pair of a, b and c has a sentence in common that the third
	// does not: the file's b1 names a and b, its b2 b and c, its b3 a
	// and c.
	a := version(t, "One.", "Two.", "Three.")
	b := version(t, "One.", "Deux.", "Trois.")
	c := version(t, "Uno.", "Deux.", "Three.")
	f := clone(a)
	f.Units = []*handoff.Unit{a.Units[0], b.Units[1], c.Units[2]}
	mixed := translated(t, f)
	// Messages without a hash are taken for the version the others name,
	// or for the article as it is: that is how a translator says so.
	oneHash := hashLine.ReplaceAll(translated(t, b), nil)
	oneHash = []byte(strings.Replace(string(oneHash), `"description": "block 2",`, `"description": "block 2",
    "hash": "sha1-0",`, 1))
	for _, tc := range []struct {
		name    string
		file    []byte
		earlier []*handoff.File
		want    string
	}{
		{"made for no one version", mixed, []*handoff.File{b, c}, `message "b3.s1": made for another version of the article than message "b1.s1"`},
		{"hashes a tool rewrote", regexp.MustCompile(`sha1-[0-9a-f]+`).ReplaceAll(translated(t, b), []byte("sha1-0")), []*handoff.File{b, c}, `ru.json: 3 messages ("b1.s1", "b2.s1", "b3.s1"): their hashes name no version`},
		{"one hash a tool rewrote, the others gone", oneHash, []*handoff.File{b, c}, `ru.json:6:3: message "b2.s1": the hash names no version`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadOptions{Earlier: files(tc.earlier)}.Read(tc.file, "ru.json", a)
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, ErrAmbiguous) || e.Hint == "" {
				t.Fatalf("got %v, want an ErrAmbiguous with a hint", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want %s", err, tc.want)
			}
			if d := e.Diagnostic(); d.Rule != "handoff.ambiguous" {
				t.Errorf("rule %s, want handoff.ambiguous", d.Rule)
			}
		})
	}

	// Where the hashes that name no version are of sentences the same
	// in every version, the file is the article's as it is.
	rewritten := regexp.MustCompile(`sha1-[0-9a-f]+`).ReplaceAll(translated(t, a), []byte("sha1-0"))
	for _, earlier := range [][]*handoff.File{nil, {version(t, "One.", "Two.", "Three.", "Four.")}} {
		back, err := ReadOptions{Earlier: files(earlier)}.Read(rewritten, "ru.json", a)
		if err != nil {
			t.Fatalf("%d earlier: %v", len(earlier), err)
		}
		if got := back.Units[2].Segment("s1").Target.PlainText(); got != "ru: Three." {
			t.Errorf("%d earlier: b3 %q, want ru: Three.", len(earlier), got)
		}
	}
	// And a file without hashes is the article's as it is, whatever
	// changed: deleting them is how a translator says so.
	back, err := ReadOptions{Earlier: files([]*handoff.File{b, c})}.Read(hashLine.ReplaceAll(translated(t, a), nil), "ru.json", a)
	if err != nil {
		t.Fatal(err)
	}
	if got := sources(back); !strings.Contains(got, "b2.s1 Two. => ru: Two.") {
		t.Errorf("read\n%s, want it for the article as it is", got)
	}
}

// A message emptied in a paragraph whose translations the template put
// in another order leaves no order that holds: the targets go back to
// their places.
func TestReadEmptiedReordered(t *testing.T) {
	f := version(t, "One. Two.")
	segs := f.Units[0].Segments()
	for i, s := range segs {
		s.Target, s.State = inline.Text("ru "+s.Source.PlainText()), handoff.Translated
		s.Order = 3 - 2*i // s1 in s2's place, s2 in s1's
	}
	data := strings.Replace(string(write(t, f)), `"other": "ru Two."`, `"other": ""`, 1)
	back, err := Read([]byte(data), "ru.json", f)
	if err != nil {
		t.Fatal(err)
	}
	got := back.Units[0].Segments()
	if got[0].Order != 0 || got[1].Order != 0 || got[1].Target != nil {
		t.Errorf("orders %d %d, s2 target %v; want 0 0 and none", got[0].Order, got[1].Order, got[1].Target)
	}
	back, err = Read(write(t, f), "ru.json", f)
	if err != nil {
		t.Fatal(err)
	}
	if got := back.Units[0].Segments(); got[0].Order != 3 || got[1].Order != 1 {
		t.Errorf("with every message: orders %d %d, want 3 1", got[0].Order, got[1].Order)
	}
}
