package xliff

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/internal/testtool"
)

// paragraph12 is a unit of two sentences as loctool writes it, the
// second kept for review, with the target as a tool that drops the
// segment markers writes it (Translate Toolkit's pomerge).
func paragraph12(attrs, target string) string {
	return xliff12(`
<trans-unit id="b1"` + attrs + `><source>He left. He was freed on Monday.</source>
<seg-source><mrk mtype="seg" mid="s1">He left.</mrk> <mrk mtype="seg" mid="s2">He was freed on Monday.</mrk></seg-source>
` + target + `
<note from="loctool:was">s2 was: He was freed on Sunday.</note>
<alt-trans mid="s2" alttranstype="previous-version" origin="loctool"><source>He was freed on Sunday.</source><target>Его освободили в воскресенье.</target></alt-trans>
</trans-unit>`)
}

// TestReadParagraphTarget reads a target without segment markers in a
// unit of several segments as the translation of the whole paragraph:
// one segment whose source is the unit's, with the state the file gives
// it, and the source it was made for when a sentence of it had one.
func TestReadParagraphTarget(t *testing.T) {
	const whole = "He left. He was freed on Monday."
	const was = "He left. He was freed on Sunday."
	for _, tc := range []struct {
		name, doc string
		state     handoff.State
		was       string
	}{
		{"as the translator left it (fuzzy in PO)", paragraph12(` approved="no"`, `<target state="needs-translation">Он ушёл. Его освободили в воскресенье.</target>`),
			handoff.NeedsReview, was},
		{"confirmed by approval (unfuzzied in PO)", paragraph12(` approved="yes"`, `<target state="translated">Он ушёл. Его освободили в воскресенье.</target>`),
			handoff.Translated, ""},
		// The paragraph's translation as loctool kept it is not in the
		// file, only its sentences': a state alone confirms it.
		{"a new translation, not confirmed", paragraph12(``, `<target state="needs-review-translation">Он ушёл. Его освободили в понедельник.</target>`),
			handoff.NeedsReview, was},
		{"signed off", paragraph12(``, `<target state="signed-off">Он ушёл. Его освободили в воскресенье.</target>`),
			handoff.Reviewed, ""},
		{"no sentence changed", xliff12(`
<trans-unit id="b1"><source>He left. He was freed.</source>
<seg-source><mrk mtype="seg" mid="s1">He left.</mrk> <mrk mtype="seg" mid="s2">He was freed.</mrk></seg-source>
<target state="new">Он ушёл, и его освободили.</target></trans-unit>`), handoff.New, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, _, err := Read(strings.NewReader(tc.doc), "p.xlf")
			if err != nil {
				t.Fatal(err)
			}
			u := f.Units[0]
			if len(u.Parts) != 1 || u.Parts[0].Segment == nil {
				t.Fatalf("parts: %s, want one segment", segs(u))
			}
			s := u.Parts[0].Segment
			src := whole
			if tc.name == "no sentence changed" {
				src = "He left. He was freed."
			}
			if s.ID != "s1" || s.Source.PlainText() != src || s.State != tc.state || s.Was != tc.was || !s.IsTranslated() {
				t.Errorf("got %s (was %q), want s1:%s@%v (was %q)", segs(u), s.Was, src, tc.state, tc.was)
			}
			if s.Line != 6 || s.Col != 1 {
				t.Errorf("at %d:%d, want 6:1, its <target>", s.Line, s.Col)
			}
			for _, n := range u.Notes {
				if n.IsRemark() {
					t.Errorf("loctool's remark kept as a note: %+v", n)
				}
			}
			// Written and read again, it is the same one segment.
			for _, v := range []Version{Version12, Version21} {
				back, _, err := Read(strings.NewReader(string(write(t, f, WriteOptions{Version: v}))), "p.xlf")
				if err != nil {
					t.Fatalf("%s: %v", v, err)
				}
				if d := diffUnits(back.Units[0], u); d != "" {
					t.Errorf("%s: written and read again: %s", v, d)
				}
			}
		})
	}
}

// TestReadParagraphTargetCodes holds a paragraph's translation to the
// codes of the whole paragraph.
func TestReadParagraphTargetCodes(t *testing.T) {
	doc := xliff12(`
<trans-unit id="b1"><source>A <g id="1" ctype="bold">bold</g> word. Another.</source>
<seg-source><mrk mtype="seg" mid="s1">A <g id="1" ctype="bold">bold</g> word.</mrk> <mrk mtype="seg" mid="s2">Another.</mrk></seg-source>
<target state="translated">Одно слово. Другое.</target></trans-unit>`)
	_, _, err := Read(strings.NewReader(doc), "p.xlf")
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrCodes) || e.Unit != "b1" || e.Segment != "s1" || e.Line != 6 {
		t.Fatalf("got %v, want ErrCodes at 6:1 of b1.s1", err)
	}
	f, _, err := ReadOptions{KeepCodeMismatches: true}.Read(strings.NewReader(doc), "p.xlf")
	if err != nil {
		t.Fatal(err)
	}
	s := f.Units[0].Segments()[0]
	if len(s.Source.Codes()) != 2 || s.Target.PlainText() != "Одно слово. Другое." {
		t.Errorf("kept: %s", segs(f.Units[0]))
	}
	ok := strings.Replace(doc, "Одно слово.", `Одно <g id="1" ctype="bold">слово</g>.`, 1)
	if _, _, err := Read(strings.NewReader(ok), "p.xlf"); err != nil {
		t.Errorf("with its code: %v", err)
	}
}

// approvedFile has a unit in each of the ways a unit is or is not
// confirmed.
func approvedFile() *handoff.File {
	seg := func(id, src, tgt string, st handoff.State) *handoff.Segment {
		s := &handoff.Segment{ID: id, Source: inline.Text(src), State: st}
		if tgt != "" {
			s.Target = inline.Text(tgt)
		}
		return s
	}
	two := func(id string, a, b *handoff.Segment) *handoff.Unit {
		return &handoff.Unit{ID: id, Parts: []handoff.Part{{Segment: a}, {Space: " "}, {Segment: b}}}
	}
	review := seg("s2", "B.", "Б.", handoff.Translated)
	review.Was = "Bee."
	return &handoff.File{Original: "a.txt", Datatype: "plaintext", SourceLang: language.English, TargetLang: language.Russian,
		Units: []*handoff.Unit{
			two("translated", seg("s1", "A.", "А.", handoff.Translated), seg("s2", "B.", "Б.", handoff.Final)),
			two("name", seg("s1", "A.", "А.", handoff.Reviewed), seg("s2", "IWPR.", "IWPR.", handoff.Translated)),
			two("untranslated", seg("s1", "A.", "А.", handoff.Translated), seg("s2", "B.", "", handoff.New)),
			two("review", seg("s1", "A.", "А.", handoff.Translated), review),
			two("new state", seg("s1", "A.", "А.", handoff.New), seg("s2", "B.", "Б.", handoff.Translated)),
			two("copy", seg("s1", "A.", "А.", handoff.Translated), seg("s2", "B.", "B.", handoff.NeedsTranslation)),
			{ID: "paragraph", Parts: []handoff.Part{{Segment: seg("s1", "A. B.", "А. Б.", handoff.Translated)}}},
		}}
}

// TestWriteApproved marks approved="yes" the trans-units whose every
// segment is a confirmed translation, and reads them back as they were.
func TestWriteApproved(t *testing.T) {
	want := map[string]bool{"translated": true, "name": true, "paragraph": true}
	f := approvedFile()
	for _, opts := range []WriteOptions{{Version: Version12}, {Version: Version12, PrefillTargets: true}} {
		doc := string(write(t, f, opts))
		for _, u := range f.Units {
			approved := strings.Contains(doc, `<trans-unit id="`+u.ID+`" approved="yes"`)
			if approved != want[u.ID] {
				t.Errorf("%s: trans-unit %s approved: %v, want %v", optName(opts), u.ID, approved, want[u.ID])
			}
		}
		back, _, err := Read(strings.NewReader(doc), "a.xlf")
		if err != nil {
			t.Fatal(err)
		}
		if d := diffFiles(back, expected(f, opts)); d != "" {
			t.Errorf("%s: read back: %s", optName(opts), d)
		}
	}
}

// TestApprovedSchemaValid validates the units approved and not, and a
// paragraph's translation, against the XLIFF 1.2 schema.
func TestApprovedSchemaValid(t *testing.T) {
	xmllint := testtool.Require(t, "xmllint")
	schema := filepath.Join(testtool.SharedDir(t), "reference", "xliff", "schemas", "xliff12", "xliff-core-1.2-strict.xsd")
	path := filepath.Join(t.TempDir(), "approved.xlf")
	if err := os.WriteFile(path, write(t, approvedFile(), WriteOptions{Version: Version12}), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(xmllint, "--noout", "--nonet", "--schema", schema, path).CombinedOutput(); err != nil {
		t.Errorf("xmllint: %v\n%s", err, out)
	}
}
