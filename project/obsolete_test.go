package project

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/internal/testtool"
	"github.com/loctool/loctool/xliff"
)

// store21 is an obsolete store as loctool wrote it before the store was
// XLIFF 1.2: XLIFF 2.1, with a unit per translation of every state a
// removed one can have, inline codes, notes of every field, a comment
// and a comment that is a note; o4 was deleted by hand.
func store21() *handoff.File {
	bold := func(kind inline.Kind, data string) inline.Item {
		return inline.Item{Code: &inline.Code{Kind: kind, ID: "1", Type: "bold", Data: data}}
	}
	unit := func(id, origin string, src, tgt inline.Content, state handoff.State) *handoff.Unit {
		return &handoff.Unit{ID: id, Origin: origin, Parts: []handoff.Part{{Segment: &handoff.Segment{ID: "s1", Source: src, Target: tgt, State: state}}}}
	}
	o1 := unit("o1", "articles/news.md",
		inline.Content{bold(inline.Open, "**"), {Text: "Ablyazov"}, bold(inline.Close, "**"), {Text: " is free."}},
		inline.Content{bold(inline.Open, "**"), {Text: "Аблязов"}, bold(inline.Close, "**"), {Text: " свободен."}}, handoff.Translated)
	o1.Notes = []handoff.Note{
		{Text: "Check the name.", From: "editor", Priority: 2, AppliesTo: "target", Lang: "en", ID: "n1"},
		{Text: "From the wire.", From: "translator"},
	}
	o1.Parts[0].Segment.Comments = []handoff.Comment{{Start: 1, End: 8, Note: "n1"}, {Start: 9, End: 17, Text: "short form"}}
	return &handoff.File{Original: "obsolete", Datatype: "plaintext", SourceLang: language.English, TargetLang: language.Russian, Units: []*handoff.Unit{
		o1,
		unit("o2", "articles/gone.txt", inline.Text("He was freed."), inline.Text("Его освободили."), handoff.Reviewed),
		unit("o3", "articles/news.md", inline.Text("The court met."), inline.Text("Суд собрался."), handoff.NeedsReview),
		unit("o5", "articles/gone.txt", inline.Text("It rained."), inline.Text("Шёл дождь."), handoff.Final),
	}}
}

// TestObsoleteStoreFrom21 has extract find an obsolete store of XLIFF
// 2.1, as earlier versions wrote it: it is written again as XLIFF 1.2,
// valid by the schema, at once and with nothing lost but what 1.2 has no
// place for (a note's ID: the comment that is the note carries its
// text). A translation removed then goes to the store under an ID no
// unit has, with its comment, and comes back from it with its comment.
func TestObsoleteStoreFrom21(t *testing.T) {
	ru := []language.Tag{language.Russian}
	p := newProject(t, map[string]string{"articles/news.txt": "Ablyazov walks free.\n\nHe thanked his lawyers.\n"})
	store := p.ObsoletePath(language.Russian)
	data, err := encode(store21(), XLIFF21)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(filepath.Join(p.Root, store)), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, p, store, string(data))

	// Nothing is removed: the store is written again all the same.
	extract(t, p, ExtractOptions{Langs: ru})
	got := readStore(t, p)
	want := store21()
	o1 := want.Units[0]
	o1.Notes[0].ID = ""
	o1.Parts[0].Segment.Comments[0] = handoff.Comment{Start: 1, End: 8, Text: "Check the name."}
	for i, u := range got.Units {
		if d := diffStoreUnit(u, want.Units[i]); d != "" {
			t.Errorf("unit %s: %s", u.ID, d)
		}
	}
	if len(got.Units) != len(want.Units) {
		t.Fatalf("%d units, want %d", len(got.Units), len(want.Units))
	}

	// A translation with a comment, removed from the article, takes the
	// first ID free.
	rel := p.HandoffPath("articles/news.txt", language.Russian)
	f, _, err := p.readHandoff(rel, language.Russian)
	if err != nil {
		t.Fatal(err)
	}
	thanked := f.Units[1].Segments()[0]
	thanked.Target, thanked.State = inline.Text("Он поблагодарил адвокатов."), handoff.Translated
	thanked.Comments = []handoff.Comment{{Start: 3, End: 16, Text: "a verb of respect"}}
	if data, err = encode(f, XLIFF12); err != nil {
		t.Fatal(err)
	}
	write(t, p, rel, string(data))
	write(t, p, "articles/news.txt", "Ablyazov walks free.\n")
	extract(t, p, ExtractOptions{Langs: ru})
	got = readStore(t, p)
	ids := []string{}
	for _, u := range got.Units {
		ids = append(ids, u.ID)
	}
	if fmt.Sprint(ids) != "[o1 o2 o3 o5 o4]" {
		t.Fatalf("units %v, want [o1 o2 o3 o5 o4]", ids)
	}
	o4 := got.Units[4].Segments()[0]
	if o4.Target.PlainText() != "Он поблагодарил адвокатов." || o4.State != handoff.Translated || !slices.Equal(o4.Comments, thanked.Comments) {
		t.Errorf("o4: %q %v %+v", o4.Target.PlainText(), o4.State, o4.Comments)
	}

	// The sentence comes back, and its translation with its comment.
	write(t, p, "articles/news.txt", "Ablyazov walks free.\n\nHe thanked his lawyers.\n")
	extract(t, p, ExtractOptions{Langs: ru})
	if f, _, err = p.readHandoff(rel, language.Russian); err != nil {
		t.Fatal(err)
	}
	back := f.Units[1].Segments()[0]
	if back.Target.PlainText() != "Он поблагодарил адвокатов." || back.State != handoff.Translated || !slices.Equal(back.Comments, thanked.Comments) {
		t.Errorf("restored: %q %v %+v", back.Target.PlainText(), back.State, back.Comments)
	}

	t.Run("schema", func(t *testing.T) {
		xmllint := testtool.Require(t, "xmllint")
		schema := filepath.Join(testtool.SharedDir(t), "reference", "xliff", "schemas", "xliff12", "xliff-core-1.2-strict.xsd")
		if out, err := exec.Command(xmllint, "--noout", "--nonet", "--schema", schema, filepath.Join(p.Root, store)).CombinedOutput(); err != nil {
			t.Errorf("xmllint: %v\n%s", err, out)
		}
	})
}

// readStore reads the Russian obsolete store of a project, which must be
// XLIFF 1.2.
func readStore(t *testing.T, p *Project) *handoff.File {
	t.Helper()
	data := read(t, p, p.ObsoletePath(language.Russian))
	f, v, err := xliff.Read(bytes.NewReader([]byte(data)), "obsolete.xlf")
	if err != nil {
		t.Fatal(err)
	}
	if v != xliff.Version12 {
		t.Fatalf("the obsolete store is XLIFF %s, want 1.2:\n%s", v, data)
	}
	return f
}

// diffStoreUnit describes how a unit of the obsolete store differs from
// what it should be.
func diffStoreUnit(got, want *handoff.Unit) string {
	switch {
	case got.ID != want.ID || got.Origin != want.Origin:
		return fmt.Sprintf("unit %s of %s, want %s of %s", got.ID, got.Origin, want.ID, want.Origin)
	case !slices.Equal(got.Notes, want.Notes):
		return fmt.Sprintf("notes %+v, want %+v", got.Notes, want.Notes)
	case len(got.Segments()) != 1:
		return fmt.Sprintf("%d segments, want 1", len(got.Segments()))
	}
	g, w := got.Segments()[0], want.Segments()[0]
	switch {
	case !g.Source.Equal(w.Source) || !g.Target.Equal(w.Target):
		return fmt.Sprintf("%q → %q, want %q → %q", g.Source.Markup(), g.Target.Markup(), w.Source.Markup(), w.Target.Markup())
	case g.State != w.State:
		return fmt.Sprintf("state %v, want %v", g.State, w.State)
	case !slices.Equal(g.Comments, w.Comments):
		return fmt.Sprintf("comments %+v, want %+v", g.Comments, w.Comments)
	}
	return ""
}
