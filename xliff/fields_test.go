package xliff

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
)

// fieldsFile has every field loctool says of a unit: kinds, a glossary,
// translations kept for review with the source they were made for, an
// origin, and an editor's note.
func fieldsFile() *handoff.File {
	bold := func(k inline.Kind) inline.Item {
		return inline.Item{Code: &inline.Code{Kind: k, ID: "1", Type: "bold", Data: map[inline.Kind]string{inline.Open: "**", inline.Close: "**"}[k]}}
	}
	seg := func(id, src, tgt string, st handoff.State) *handoff.Segment {
		s := &handoff.Segment{ID: id, Source: inline.Text(src), State: st}
		if tgt != "" {
			s.Target = inline.Text(tgt)
		}
		return s
	}
	was := seg("s1", "He was freed on Monday.", "Его освободили в понедельник.", handoff.NeedsReview)
	was.Was = "He was freed on Sunday."
	coded := &handoff.Segment{ID: "s1", State: handoff.NeedsReview,
		Source: inline.Content{{Text: "A "}, bold(inline.Open), {Text: "new"}, bold(inline.Close), {Text: " text."}},
		Target: inline.Content{{Text: "Новый "}, bold(inline.Open), {Text: "текст"}, bold(inline.Close), {Text: "."}},
		Was:    "An old text & <more>  \t",
	}
	return &handoff.File{
		Original:   "articles/fields.md",
		Datatype:   "x-markdown",
		SourceLang: language.English,
		TargetLang: language.Russian,
		Units: []*handoff.Unit{
			{ID: "b1", Kind: "heading", Parts: []handoff.Part{{Segment: seg("s1", "Ablyazov walks free", "Аблязов на свободе", handoff.Translated)}}},
			{ID: "b2", Kind: "list-item",
				Parts: []handoff.Part{{Segment: was}, {Space: " "}, {Segment: seg("s2", "He left.", "Он ушёл.", handoff.Translated)}},
				Glossary: []handoff.GlossEntry{
					{Concept: "ablyazov", Term: "Ablyazov", Translation: "Аблязов", Definition: "person: a founder of the DCK"},
					{Concept: "kazakh", Term: "Kazakh"},
				},
				Notes: []handoff.Note{{Text: "loctool-ignore: term.target. the name is spelt out", From: "editor"}},
			},
			{ID: "b3", Parts: []handoff.Part{{Segment: coded}}},
			{ID: "o1", Origin: "articles/old news.md", Parts: []handoff.Part{{Segment: seg("s1", "Gone.", "Ушло.", handoff.Translated)}}},
		},
	}
}

// TestLegacy reads files written before the fields had encodings of
// their own, when notes said all: testdata/legacy-*.xlf, written from
// fieldsFile. The kind and the sources translations were made for come
// from the notes; the glossary's notes stay notes in XLIFF 1.2, and XLIFF
// 2 had its glossary module already; the note that named the origin of
// a unit of the obsolete store reads as its kind, as it always did.
// What is read writes and reads again the same.
func TestLegacy(t *testing.T) {
	for _, v := range []Version{Version12, Version21, Version22} {
		t.Run(string(v), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "legacy-"+string(v)+".xlf"))
			if err != nil {
				t.Fatal(err)
			}
			got, _, err := Read(bytes.NewReader(data), "legacy.xlf")
			if err != nil {
				t.Fatal(err)
			}
			want := expected(fieldsFile(), WriteOptions{Version: v})
			b2, o1 := want.Units[1], want.Units[3]
			b2.Kind = "list item" // the note's words
			o1.Kind, o1.Origin = "articles/old news.md", ""
			if v == Version12 {
				o1.Kind = "" // XLIFF 1.2 had no note of the origin
				b2.Glossary, b2.Notes = nil, []handoff.Note{
					{Text: "Glossary: Ablyazov → Аблязов (person: a founder of the DCK)", From: handoff.GlossaryFrom},
					{Text: "Glossary: Kazakh (no ru spelling in the glossary)", From: handoff.GlossaryFrom},
					b2.Notes[0],
				}
			}
			if d := diffFiles(got, want); d != "" {
				t.Fatal(d)
			}
			again, _, err := Read(bytes.NewReader(write(t, got, WriteOptions{Version: v})), "again.xlf")
			if err != nil {
				t.Fatal(err)
			}
			if d := diffFiles(again, got); d != "" {
				t.Errorf("written and read again: %s", d)
			}
		})
	}
}

// TestFieldsDropNotes checks that the notes loctool words its fields in
// are read as the fields, not as notes, when the fields' own encodings
// are there, and that notes others write stay notes, whatever they say.
func TestFieldsDropNotes(t *testing.T) {
	f := fieldsFile()
	f.Units[0].Notes = []handoff.Note{
		{Text: "loctool-ignore: term.target. a note of the editor's", From: "editor"},
		{Text: "s1 was: not a remark", From: "translator"},
		{Text: "no author"},
	}
	for _, opts := range allOptions {
		got, _, err := Read(bytes.NewReader(write(t, f, opts)), "f.xlf")
		if err != nil {
			t.Fatal(err)
		}
		for i, u := range got.Units {
			if !slices.Equal(u.Notes, f.Units[i].Notes) {
				t.Errorf("%s: unit %s: notes %+v, want %+v", optName(opts), u.ID, u.Notes, f.Units[i].Notes)
			}
		}
	}
}

// oddFields has fields with what their encodings must escape or keep: a
// kind with white space, a colon and a percent sign, an origin with a
// colon, a source a translation was made for with line breaks and
// markup, a glossary entry with only a concept, translations kept for
// review that hold half a pair of codes, translations in another order
// than their sources, and notes with every attribute.
func oddFields(testing.TB) *handoff.File {
	f := fieldsFile()
	u := f.Units[2]
	u.Kind, u.Origin = "odd kind: 100%", "c:/articles/a b.md"
	u.Segments()[0].Was = "Line one\r\nline <two> & \"three\""
	u.Glossary = []handoff.GlossEntry{{Concept: "c 1", Term: "new"}}
	// A bold pair that a sentence break cuts in two, in two translations
	// kept for review: each stands alone with half a pair.
	bold := func(k inline.Kind) inline.Item {
		return inline.Item{Code: &inline.Code{Kind: k, ID: "7", Type: "bold", Data: "**"}}
	}
	s1 := &handoff.Segment{ID: "s1", State: handoff.NeedsReview, Was: "Old bold",
		Source: inline.Content{{Text: "A "}, bold(inline.Open), {Text: "bold one."}},
		Target: inline.Content{{Text: "Один "}, bold(inline.Open), {Text: "жирный."}}}
	s2 := &handoff.Segment{ID: "s2", State: handoff.NeedsReview, Was: "Old end.",
		Source: inline.Content{{Text: "It ends"}, bold(inline.Close), {Text: "."}},
		Target: inline.Content{{Text: "Конец"}, bold(inline.Close), {Text: "."}}}
	f.Units = append(f.Units, &handoff.Unit{ID: "b4", Parts: []handoff.Part{{Segment: s1}, {Space: " "}, {Segment: s2}}})
	// A translation that puts the first sentence last and the last
	// first, the middle one not translated.
	seg := func(id, src, tgt string, order int) *handoff.Segment {
		s := &handoff.Segment{ID: id, Source: inline.Text(src), Order: order}
		if tgt != "" {
			s.Target, s.State = inline.Text(tgt), handoff.Translated
		}
		return s
	}
	// Notes that say all XLIFF lets them say, and comments on spans of
	// targets: one that is a note, two that cross, one that crosses a
	// pair of codes, one inside it, a point.
	f.Units[1].Notes = append(f.Units[1].Notes,
		handoff.Note{Text: "Проверить имя", From: "reviewer", Priority: 2, AppliesTo: "target", Lang: "ru", ID: "n 1"},
		handoff.Note{Text: "Source checked", Priority: 10, AppliesTo: "source", ID: "n2"})
	f.Units[1].Segment("s1").Comments = []handoff.Comment{ // Его освободили в понедельник.
		{Start: 0, End: 3, Note: "n 1"}, {Start: 4, End: 14, Text: "which day?"}, {Start: 10, End: 20, Text: "crossing & <more>"},
	}
	f.Units[2].Segment("s1").Comments = []handoff.Comment{ // Новый **текст**.
		{Start: 2, End: 9, Text: "across the bold"}, {Start: 7, End: 12, Text: "the bold word"}, {Start: 14, End: 14, Text: "at the end"},
	}
	f.Units = append(f.Units, &handoff.Unit{ID: "b5", Parts: []handoff.Part{
		{Segment: seg("s1", "First.", "Первое.", 5)}, {Space: " "}, {Segment: seg("s2", "Second.", "", 0)}, {Space: "\n"}, {Segment: seg("s3", "Third.", "Третье.", 1)},
	}})
	return f
}

// TestFieldsPartial reads a file from which a tool has dropped the
// encoding of one field but kept the others, and the notes: the field
// comes from its notes, the others from their encodings.
func TestFieldsPartial(t *testing.T) {
	drop := map[Version]*regexp.Regexp{
		Version12: regexp.MustCompile(`(?m)^\s*<alt-trans .*</alt-trans>\n`),
		Version21: regexp.MustCompile(`(?s)\s*<mtc:matches .*?</mtc:matches>`),
	}
	for v, re := range drop {
		f := fieldsFile()
		data := write(t, f, WriteOptions{Version: v})
		stripped := re.ReplaceAll(data, nil)
		if bytes.Equal(stripped, data) {
			t.Fatalf("%s: nothing to drop", v)
		}
		got, _, err := Read(bytes.NewReader(stripped), "partial.xlf")
		if err != nil {
			t.Fatal(err)
		}
		if d := diffFiles(got, expected(f, WriteOptions{Version: v})); d != "" {
			t.Errorf("%s: %s", v, d)
		}
	}
}
