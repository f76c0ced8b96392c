package xliff

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/loctool/loctool/handoff"
)

// TestReview reads translations kept for review as tools leave them: they
// stay NeedsReview, with the source they were made for, until a new
// target or a state a person sets confirms them, whatever the states of
// the other sentences of their unit.
func TestReview(t *testing.T) {
	const kept, edited = "Его освободили в понедельник.", "Его освободили в воскресенье."
	const was = "He was freed on Sunday."
	// OmegaT's files: the other sentence of b2 not translated, so that
	// the unit's target says "new".
	omegat := func() *handoff.File {
		f := fieldsFile()
		s2 := f.Units[1].Segment("s2")
		s2.Target, s2.State = nil, handoff.New
		return f
	}
	sdl := func(conf string) func(string) string {
		return func(doc string) string {
			return strings.Replace(doc, "<note from=\"loctool\">list item</note>",
				`<note from="loctool">list item</note><sdl:seg-defs xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0"><sdl:seg id="s1" conf="`+conf+`"/></sdl:seg-defs>`, 1)
		}
	}
	state12 := func(state string) func(string) string {
		return func(doc string) string {
			return regexp.MustCompile(`(<trans-unit id="b2"[\s\S]*?<target) state="[^"]*"`).ReplaceAllString(doc, `$1`+state)
		}
	}
	segment2 := func(attrs string) func(string) string {
		return func(doc string) string {
			return strings.Replace(doc, `<segment id="s1" state="translated" subState="loctool:needs-review">
    <source>He was freed`, `<segment id="s1"`+attrs+`>
    <source>He was freed`, 1)
		}
	}
	edit := func(doc string) string {
		// The segment's target, not the <alt-trans>'s or the match's.
		return regexp.MustCompile(`(<mrk mtype="seg" mid="s1">|<target>)`+kept+`(</mrk>|</target>\n)`).ReplaceAllString(doc, "${1}"+edited+"${2}")
	}
	both := func(a, b func(string) string) func(string) string { return func(s string) string { return b(a(s)) } }
	dropAltTrans := func(doc string) string {
		return regexp.MustCompile(`(?m)^\s*<alt-trans .*</alt-trans>\n|\s*<mtc:matches [\s\S]*?</mtc:matches>`).ReplaceAllString(doc, "")
	}
	none := func(doc string) string { return doc }
	for _, tc := range []struct {
		name   string
		file   func() *handoff.File
		opts   WriteOptions
		change func(string) string
		state  handoff.State // of b2's s1
		target string
		review bool // kept for review: with its Was
	}{
		{"1.2 as written", fieldsFile, WriteOptions{Version: Version12}, none, handoff.NeedsReview, kept, true},
		{"1.2 OmegaT, unchanged", omegat, WriteOptions{Version: Version12, PrefillTargets: true}, none, handoff.NeedsReview, kept, true},
		{"1.2 OmegaT, edited", omegat, WriteOptions{Version: Version12, PrefillTargets: true}, edit, handoff.Translated, edited, false},
		{"1.2 OmegaT, spaces added", omegat, WriteOptions{Version: Version12, PrefillTargets: true},
			func(doc string) string {
				return strings.Replace(doc, ">"+kept+"</mrk>", "> Его  освободили\nв понедельник. </mrk>", 1)
			},
			handoff.NeedsReview, " Его  освободили\nв понедельник. ", true},
		{"1.2 needs-translation", fieldsFile, WriteOptions{Version: Version12}, state12(` state="needs-translation"`), handoff.NeedsReview, kept, true},
		{"1.2 needs-review-l10n", fieldsFile, WriteOptions{Version: Version12}, state12(` state="needs-review-l10n"`), handoff.NeedsReview, kept, true},
		{"1.2 no state", fieldsFile, WriteOptions{Version: Version12}, state12(``), handoff.NeedsReview, kept, true},
		{"1.2 x- state", fieldsFile, WriteOptions{Version: Version12}, state12(` state="x-checked"`), handoff.NeedsReview, kept, true},
		{"1.2 translated", fieldsFile, WriteOptions{Version: Version12}, state12(` state="translated"`), handoff.Translated, kept, false},
		{"1.2 signed-off", fieldsFile, WriteOptions{Version: Version12}, state12(` state="signed-off"`), handoff.Reviewed, kept, false},
		{"1.2 final", fieldsFile, WriteOptions{Version: Version12}, state12(` state="final"`), handoff.Final, kept, false},
		{"1.2 approved", fieldsFile, WriteOptions{Version: Version12},
			func(doc string) string {
				return strings.Replace(doc, `<trans-unit id="b2"`, `<trans-unit id="b2" approved="yes"`, 1)
			},
			handoff.Translated, kept, false},
		{"1.2 edited, needs review", fieldsFile, WriteOptions{Version: Version12}, edit, handoff.Translated, edited, false},
		{"1.2 Trados confirmed", omegat, WriteOptions{Version: Version12, PrefillTargets: true}, sdl("Translated"), handoff.Translated, kept, false},
		{"1.2 Trados draft", fieldsFile, WriteOptions{Version: Version12}, both(state12(` state="translated"`), sdl("Draft")), handoff.NeedsReview, kept, true},
		{"1.2 memoQ confirmed", omegat, WriteOptions{Version: Version12, PrefillTargets: true},
			func(doc string) string {
				return strings.Replace(doc, `<trans-unit id="b2"`, `<trans-unit xmlns:mq="MQXliff" mq:status="ManuallyConfirmed" id="b2"`, 1)
			},
			handoff.Translated, kept, false},
		{"1.2 memoQ not started", omegat, WriteOptions{Version: Version12, PrefillTargets: true},
			func(doc string) string {
				return strings.Replace(doc, `<trans-unit id="b2"`, `<trans-unit xmlns:mq="MQXliff" mq:status="NotStarted" id="b2"`, 1)
			},
			handoff.NeedsReview, kept, true},
		{"1.2 notes only, unchanged", omegat, WriteOptions{Version: Version12, PrefillTargets: true}, dropAltTrans, handoff.NeedsReview, kept, true},
		{"1.2 notes only, translated", fieldsFile, WriteOptions{Version: Version12}, both(dropAltTrans, state12(` state="translated"`)), handoff.Translated, kept, false},
		{"1.2 notes only, edited", omegat, WriteOptions{Version: Version12, PrefillTargets: true}, both(dropAltTrans, edit), handoff.NeedsReview, edited, true},
		{"2.1 as written", fieldsFile, WriteOptions{Version: Version21}, none, handoff.NeedsReview, kept, true},
		{"2.1 prefilled", omegat, WriteOptions{Version: Version21, PrefillTargets: true}, none, handoff.NeedsReview, kept, true},
		{"2.1 initial", fieldsFile, WriteOptions{Version: Version21}, segment2(` state="initial"`), handoff.NeedsReview, kept, true},
		{"2.1 no state", fieldsFile, WriteOptions{Version: Version21}, segment2(``), handoff.NeedsReview, kept, true},
		{"2.1 initial, edited", fieldsFile, WriteOptions{Version: Version21}, both(segment2(` state="initial"`), edit), handoff.Translated, edited, false},
		{"2.1 edited", fieldsFile, WriteOptions{Version: Version21}, edit, handoff.Translated, edited, false},
		{"2.1 translated", fieldsFile, WriteOptions{Version: Version21}, segment2(` state="translated"`), handoff.Translated, kept, false},
		{"2.1 translated, other subState", fieldsFile, WriteOptions{Version: Version21}, segment2(` state="translated" subState="memoq:confirmed"`), handoff.Translated, kept, false},
		{"2.2 reviewed", fieldsFile, WriteOptions{Version: Version22}, segment2(` state="reviewed"`), handoff.Reviewed, kept, false},
		{"2.2 final", fieldsFile, WriteOptions{Version: Version22}, segment2(` state="final"`), handoff.Final, kept, false},
		{"2.1 no match, unchanged", fieldsFile, WriteOptions{Version: Version21}, dropAltTrans, handoff.NeedsReview, kept, true},
		{"2.1 no match, reviewed", fieldsFile, WriteOptions{Version: Version21}, both(dropAltTrans, segment2(` state="reviewed"`)), handoff.Reviewed, kept, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := tc.change(string(write(t, tc.file(), tc.opts)))
			f, _, err := Read(strings.NewReader(doc), "review.xlf")
			if err != nil {
				t.Fatalf("%v\n%s", err, doc)
			}
			s := f.Units[1].Segment("s1")
			if s.State != tc.state || s.Target.PlainText() != tc.target || (s.Was == was) != tc.review || s.Was != "" && s.Was != was {
				t.Errorf("got %v %q, was %q; want %v %q, kept for review: %v\n%s", s.State, s.Target.PlainText(), s.Was, tc.state, tc.target, tc.review, doc)
			}
			// What was read writes a file that reads the same, but for
			// the one state of XLIFF 1.2's units.
			opts := WriteOptions{Version: tc.opts.Version}
			again, _, err := Read(bytes.NewReader(write(t, f, opts)), "again.xlf")
			if err != nil {
				t.Fatal(err)
			}
			if d := diffFiles(again, expected(f, opts)); d != "" {
				t.Errorf("written and read again: %s", d)
			}
		})
	}
}

// TestReviewCodes confirms a translation kept for review whose codes
// moved, and not one whose tool wrote it again alike.
func TestReviewCodes(t *testing.T) {
	for _, v := range []Version{Version12, Version21} {
		doc := string(write(t, fieldsFile(), WriteOptions{Version: v}))
		for _, tc := range []struct {
			name, old, new string
			review         bool
		}{
			{"as written", "", "", true},
			{"code moved", `Новый <g id="1" ctype="bold">текст</g>.</mrk>`, `<g id="1" ctype="bold">Новый текст</g>.</mrk>`, false},
			{"code moved", "Новый <pc id=\"1\" canCopy=\"no\" canDelete=\"no\" dataRefStart=\"d1\" dataRefEnd=\"d1\" type=\"fmt\" subType=\"xlf:b\">текст</pc>.</target>\n",
				"<pc id=\"1\" canCopy=\"no\" canDelete=\"no\" dataRefStart=\"d1\" dataRefEnd=\"d1\" type=\"fmt\" subType=\"xlf:b\">Новый текст</pc>.</target>\n", false},
		} {
			changed := strings.Replace(doc, tc.old, tc.new, 1)
			if changed == doc && tc.old != "" {
				continue // the other version's
			}
			f, _, err := Read(strings.NewReader(changed), "codes.xlf")
			if err != nil {
				t.Fatal(err)
			}
			if s := f.Units[2].Segment("s1"); (s.State == handoff.NeedsReview && s.Was != "") != tc.review {
				t.Errorf("%s %s: %v, was %q", v, tc.name, s.State, s.Was)
			}
		}
	}
}

// TestReviewNoTarget writes a segment that says what its translation was
// made for but has none: with a copy of its source for OmegaT, it must
// read untranslated, not as a translation that a target other than the
// one kept would confirm.
func TestReviewNoTarget(t *testing.T) {
	f := fieldsFile()
	s := f.Units[1].Segment("s1")
	s.Target = nil
	for _, opts := range allOptions {
		got, _, err := Read(bytes.NewReader(write(t, f, opts)), "f.xlf")
		if err != nil {
			t.Fatal(err)
		}
		if s := got.Units[1].Segment("s1"); s.IsTranslated() || s.Was != "" || s.State == handoff.NeedsReview {
			t.Errorf("%s: %v %v, was %q", optName(opts), s.Target, s.State, s.Was)
		}
	}
}

func TestFirstControl(t *testing.T) {
	for _, s := range []string{"", "plain", "tab\tline\nreturn\r", "кириллица", "a\x01b", "del\x7f", "c1 \u0085 next", "\u009f", "\u00a0 no-break", "é\u0080"} {
		var want rune
		found := false
		for _, r := range s {
			if handoff.IsControl(r) {
				want, found = r, true
				break
			}
		}
		if got, ok := firstControl(s); got != want || ok != found {
			t.Errorf("firstControl(%q) = %U, %v; want %U, %v", s, got, ok, want, found)
		}
	}
}
