package i18njson

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/xliff"
)

// fieldsFile has what loctool says of units in a description: kinds, a
// glossary, a translation kept for review with the source it was made
// for, and an editor's note.
func fieldsFile() *handoff.File {
	seg := func(id, src, tgt string, st handoff.State) *handoff.Segment {
		return &handoff.Segment{ID: id, Source: inline.Text(src), Target: inline.Text(tgt), State: st}
	}
	bold := func(k inline.Kind) inline.Item {
		return inline.Item{Code: &inline.Code{Kind: k, ID: "1", Type: "bold", Data: map[inline.Kind]string{inline.Open: "**", inline.Close: "**"}[k]}}
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
		},
	}
}

// TestSnapshots reads a JSON file against templates read from the XLIFF
// 2.1 snapshots of the file it was written from: one that the writer
// writes now, with the fields in encodings of their own, and one written
// before they had them (testdata/snapshot-notes-2.1.xlf, notes only).
// Both give the descriptions the file was written with, byte for byte:
// they are in the messages' hashes, and a changed one would mark every
// translation for review.
func TestSnapshots(t *testing.T) {
	f := fieldsFile()
	var sent bytes.Buffer
	if err := Write(&sent, f); err != nil {
		t.Fatal(err)
	}
	if want := `"description": "block 2, sentence 1 of 2; list item\ns1 was: He was freed on Sunday.\nGlossary: Ablyazov → Аблязов (person: a founder of the DCK)\nGlossary: Kazakh (no ru spelling in the glossary)\nloctool-ignore: term.target. the name is spelt out",`; !strings.Contains(sent.String(), want) {
		t.Fatalf("the descriptions are not loctool's:\n%s", sent.String())
	}
	var now bytes.Buffer
	if err := xliff.Write(&now, f, xliff.WriteOptions{Version: xliff.Version21}); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(filepath.Join("testdata", "snapshot-notes-2.1.xlf"))
	if err != nil {
		t.Fatal(err)
	}
	for name, snapshot := range map[string][]byte{"now": now.Bytes(), "notes only": before} {
		t.Run(name, func(t *testing.T) {
			template, _, err := xliff.Read(bytes.NewReader(snapshot), "snapshot.xlf")
			if err != nil {
				t.Fatal(err)
			}
			var again bytes.Buffer
			if err := Write(&again, template); err != nil {
				t.Fatal(err)
			}
			if again.String() != sent.String() {
				t.Errorf("the template writes\n%s\nwant\n%s", again.String(), sent.String())
			}
			back, err := Read(sent.Bytes(), "ru.json", template)
			if err != nil {
				t.Fatal(err)
			}
			for i, u := range back.Units {
				for j, s := range u.Segments() {
					if want := f.Units[i].Segments()[j]; !s.Target.Equal(want.Target) || s.State != want.State {
						t.Errorf("%s.%s: %v %v, want %v %v", u.ID, s.ID, s.Target, s.State, want.Target, want.State)
					}
				}
			}
		})
	}
}
