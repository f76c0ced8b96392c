package xliff

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
)

// TestReadAngular reads a messages.xlf as Angular's ng extract-i18n
// writes it, translated: a placeholder repeats in a source (two {{
// minutes }}, two <span>s of one class, two line breaks), and a target
// has the same codes in another order. Written back as XLIFF 1.2 and
// read again, every occurrence is where it was.
func TestReadAngular(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "angular-messages.fr.xlf"))
	if err != nil {
		t.Fatal(err)
	}
	f, v, err := Read(bytes.NewReader(data), "messages.fr.xlf")
	if err != nil {
		t.Fatal(err)
	}
	if v != Version12 || len(f.Units) != 4 {
		t.Fatalf("read XLIFF %s with %d units", v, len(f.Units))
	}
	ids := func(c inline.Content) string {
		var s []string
		for _, cd := range c.Codes() {
			s = append(s, cd.ID)
		}
		return strings.Join(s, " ")
	}
	out := write(t, f, WriteOptions{Version: Version12})
	back, _, err := Read(bytes.NewReader(out), "messages.fr.xlf")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if d := diffFiles(back, f); d != "" {
		t.Errorf("written back and read again: %s\n%s", d, out)
	}
	for _, tc := range []struct {
		unit           int
		source, target string
	}{
		{1, "INTERPOLATION INTERPOLATION START_BOLD_TEXT INTERPOLATION_1 CLOSE_BOLD_TEXT",
			"START_BOLD_TEXT INTERPOLATION_1 CLOSE_BOLD_TEXT INTERPOLATION INTERPOLATION"},
		{2, "START_TAG_SPAN CLOSE_TAG_SPAN LINE_BREAK START_TAG_SPAN CLOSE_TAG_SPAN LINE_BREAK",
			"START_TAG_SPAN CLOSE_TAG_SPAN LINE_BREAK START_TAG_SPAN CLOSE_TAG_SPAN LINE_BREAK"},
	} {
		for _, f := range []*handoff.File{f, back} {
			s := f.Units[tc.unit].Segments()[0]
			if got := ids(s.Source); got != tc.source {
				t.Errorf("%s: source codes %s, want %s", f.Units[tc.unit].ID, got, tc.source)
			}
			if got := ids(s.Target); got != tc.target {
				t.Errorf("%s: target codes %s, want %s", f.Units[tc.unit].ID, got, tc.target)
			}
		}
	}
	span := f.Units[2].Segments()[0].Source.Codes()[0]
	if want := (inline.Code{Kind: inline.Placeholder, ID: "START_TAG_SPAN", Type: "x-span", Display: `<span class="field">`}); *span != want {
		t.Errorf("START_TAG_SPAN reads %+v, want %+v", *span, want)
	}
	if err := Write(&bytes.Buffer{}, f, WriteOptions{Version: Version21}); !errors.Is(err, ErrDuplicateID) {
		t.Errorf("written as XLIFF 2.1, where each code has its own ID: %v", err)
	}
}

// TestReadCodeReuse checks that a placeholder repeated as it is keeps
// its ID, and that a code ID the source uses again names a code of its
// own, which the target must have too.
func TestReadCodeReuse(t *testing.T) {
	for _, tc := range []struct {
		name, source, target string
		want                 string // "" when the file reads
	}{
		{"placeholder repeated", `a<x id="1" ctype="lb"/>b<x ctype="lb" id="1"/>`, `<x id="1" ctype="lb"/>а<x id="1" ctype="lb"/>б`, ""},
		{"ph repeated with its content", `<ph id="1">&lt;br&gt;</ph>a<ph id="1">&lt;br&gt;</ph>`, `<ph id="1">&lt;br&gt;</ph>а<ph id="1">&lt;br&gt;</ph>`, ""},
		{"placeholder repeated in the target only", `a<x id="1"/>`, `а<x id="1"/><x id="1"/>`,
			"t.xlf:5:1: trans-unit 1, segment 1: the target's inline codes do not match the source's: unexpected placeholder code 1 (); each code of the source must appear once in the target"},
		{"placeholder dropped from the target", `a<x id="1"/>b<x id="1"/>`, `а<x id="1"/>б`,
			"t.xlf:5:1: trans-unit 1, segment 1: the target's inline codes do not match the source's: missing placeholder code 1 (); each code of the source must appear once in the target"},
		{"other attributes", `a<x id="1" ctype="lb"/>b<x id="1" ctype="image"/>`, `а`,
			"t.xlf:5:1: trans-unit 1, segment 1: the target's inline codes do not match the source's: missing placeholder code 1 (lb); missing placeholder code 1.2 (image); each code of the source must appear once in the target"},
		{"other content", `<ph id="1">&lt;br&gt;</ph><ph id="1">&lt;hr&gt;</ph>`, `а`,
			"t.xlf:5:1: trans-unit 1, segment 1: the target's inline codes do not match the source's: missing placeholder code 1 (); missing placeholder code 1.2 (); each code of the source must appear once in the target"},
		{"x and ph", `<x id="1"/><ph id="1"/>`, `а`,
			"t.xlf:5:1: trans-unit 1, segment 1: the target's inline codes do not match the source's: missing placeholder code 1 (); missing placeholder code 1.2 (); each code of the source must appear once in the target"},
		{"pair and placeholder", `<g id="1">a</g><x id="1"/>`, `а`,
			"t.xlf:5:1: trans-unit 1, segment 1: the target's inline codes do not match the source's: missing open code 1 (); missing close code 1 (); missing placeholder code 1.2 (); each code of the source must appear once in the target"},
		{"pair repeated", `<g id="1">a</g> <g id="1">b</g>`, `а`,
			"t.xlf:5:1: trans-unit 1, segment 1: the target's inline codes do not match the source's: missing open code 1 (); missing close code 1 (); missing open code 1.2 (); missing close code 1.2 (); each code of the source must appear once in the target"},
		{"bpt twice", `<bpt id="1">&lt;b&gt;</bpt>a<ept id="1">&lt;/b&gt;</ept><bpt id="1">&lt;b&gt;</bpt>`, `а`,
			"t.xlf:5:1: trans-unit 1, segment 1: the target's inline codes do not match the source's: missing open code 1 (); missing close code 1 (); missing open code 1.2 (); each code of the source must appear once in the target"},
		{"conflict in the target", `a<x id="1"/>`, `а<x id="1"/><x id="1" ctype="lb"/>`,
			"t.xlf:5:1: trans-unit 1, segment 1: the target's inline codes do not match the source's: unexpected placeholder code 1 (lb); each code of the source must appear once in the target"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := xliff12("\n<trans-unit id=\"1\"><source>" + tc.source + "</source>\n<target>" + tc.target + "</target></trans-unit>")
			f, _, err := Read(strings.NewReader(doc), "t.xlf")
			switch {
			case tc.want == "" && err != nil:
				t.Fatal(err)
			case tc.want == "":
				s := f.Units[0].Segments()[0]
				if n, m := len(s.Source.Codes()), len(s.Target.Codes()); n != 2 || m != 2 {
					t.Errorf("%d codes in the source and %d in the target, want 2 each", n, m)
				}
			case err == nil:
				t.Fatalf("read, want %s", tc.want)
			case err.Error() != tc.want:
				t.Errorf("got  %s\nwant %s", err, tc.want)
			case !errors.Is(err, ErrDuplicateID) && !errors.Is(err, ErrCodes):
				t.Errorf("%v is neither ErrDuplicateID nor ErrCodes", err)
			}
		})
	}
}

// TestReadRepeatedCodeIDs reads sources that use a code ID more than
// once, as Trados Studio (<g id="203"> for each use of one tag) and MadCap
// Flare (<ph id="1"> and <bpt id="1">) write them: each code gets an ID of
// its own, and a target's codes take them in order of appearance, a
// placeholder preferring the source's that is the same element. The
// target must still have the source's codes.
func TestReadRepeatedCodeIDs(t *testing.T) {
	for _, tc := range []struct {
		name, source, target string
		want                 string // segs of the unit, or the error
	}{
		{"pair repeated, Trados",
			`<g id="203">A</g> and <g id="203">B</g> and <g id="203">C</g>`,
			`<g id="203">А</g> и <g id="203">Б</g> и <g id="203">В</g>`,
			"1:{open 203 }A{close 203 } and {open 203.2 }B{close 203.2 } and {open 203.3 }C{close 203.3 }=>{open 203 }А{close 203 } и {open 203.2 }Б{close 203.2 } и {open 203.3 }В{close 203.3 }@translated"},
		{"pair repeated, nested",
			`<g id="5">A <g id="5">B</g></g>`,
			`<g id="5">А <g id="5">Б</g></g>`,
			"1:{open 5 }A {open 5.2 }B{close 5.2 }{close 5 }=>{open 5 }А {open 5.2 }Б{close 5.2 }{close 5 }@translated"},
		{"a new ID is one the unit does not use",
			`<g id="1">A</g><g id="1">B</g><x id="1.2"/>`,
			`<g id="1">А</g><g id="1">Б</g><x id="1.2"/>`,
			"1:{open 1 }A{close 1 }{open 1.3 }B{close 1.3 }{placeholder 1.2 }=>{open 1 }А{close 1 }{open 1.3 }Б{close 1.3 }{placeholder 1.2 }@translated"},
		{"placeholder and pair, Flare",
			`<ph id="1">&lt;img/&gt;</ph> See <bpt id="1">&lt;b&gt;</bpt>this<ept id="1">&lt;/b&gt;</ept>.`,
			`Смотрите <bpt id="1">&lt;b&gt;</bpt>это<ept id="1">&lt;/b&gt;</ept>. <ph id="1">&lt;img/&gt;</ph>`,
			"1:{placeholder 1 } See {open 1.2 }this{close 1.2 }.=>Смотрите {open 1.2 }это{close 1.2 }. {placeholder 1 }@translated"},
		{"placeholders that differ, moved",
			`<ph id="1" ctype="lb">&lt;br/&gt;</ph>a<ph id="1" ctype="x-hr">&lt;hr/&gt;</ph>`,
			`<ph id="1" ctype="x-hr">&lt;hr/&gt;</ph>а<ph id="1" ctype="lb">&lt;br/&gt;</ph>`,
			"1:{placeholder 1 lb}a{placeholder 1.2 x-hr}=>{placeholder 1.2 x-hr}а{placeholder 1 lb}@translated"},
		{"one repeat too few in the target",
			`<g id="203">A</g> <g id="203">B</g>`,
			`<g id="203">А Б</g>`,
			"t.xlf:5:1: trans-unit 1, segment 1: the target's inline codes do not match the source's: missing open code 203.2 (); missing close code 203.2 (); each code of the source must appear once in the target"},
		{"one repeat too many in the target",
			`<g id="203">A</g>`,
			`<g id="203">А</g><g id="203">Б</g>`,
			"t.xlf:5:1: trans-unit 1, segment 1: the target's inline codes do not match the source's: unexpected open code 203 (); unexpected close code 203 (); each code of the source must appear once in the target"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := xliff12("\n<trans-unit id=\"1\"><source>" + tc.source + "</source>\n<target>" + tc.target + "</target></trans-unit>")
			f, _, err := Read(strings.NewReader(doc), "t.xlf")
			if err != nil {
				if err.Error() != tc.want {
					t.Errorf("got  %v\nwant %s", err, tc.want)
				}
				return
			}
			if got := segs(f.Units[0]); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
			out := write(t, f, WriteOptions{Version: Version12})
			back, _, err := Read(bytes.NewReader(out), "t.xlf")
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if d := diffFiles(back, f); d != "" {
				t.Errorf("written back and read again: %s\n%s", d, out)
			}
		})
	}
}

// TestReadCodesAroundSegments reads codes outside the segment markers, as
// Trados Studio writes them: a <g> around a marker in <seg-source> and
// <target>, a placeholder before the first marker. Each goes to the
// segment beside it, so that the unit's content is the same, and comes
// back inside the marker.
func TestReadCodesAroundSegments(t *testing.T) {
	for _, tc := range []struct {
		name, seg, target string
		want              string // segs of the unit
	}{
		{"g around a segment",
			`<g id="13"><mrk mtype="seg" mid="2">Introduction</mrk></g>`,
			`<g id="13"><mrk mtype="seg" mid="2">Введение</mrk></g>`,
			"2:{open 13 }Introduction{close 13 }=>{open 13 }Введение{close 13 }@translated"},
		{"g of g around a segment, not translated",
			`<g id="55"><g id="56"><mrk mtype="seg" mid="6">Home</mrk></g></g>`,
			`<g id="55"><g id="56"><mrk mtype="seg" mid="6" /></g></g>`,
			"6:{open 55 }{open 56 }Home{close 56 }{close 55 }@new"},
		{"g around two segments",
			`<g id="1" ctype="bold"><mrk mtype="seg" mid="1">A.</mrk> <mrk mtype="seg" mid="2">B.</mrk></g>`,
			`<g id="1" ctype="bold"><mrk mtype="seg" mid="1">А.</mrk> <mrk mtype="seg" mid="2">Б.</mrk></g>`,
			"1:{open 1 bold}A.=>{open 1 bold}А.@translated | _  | 2:B.{close 1 bold}=>Б.{close 1 bold}@translated"},
		{"placeholders before and after the segments",
			`<x id="ph9"/><mrk mtype="seg" mid="9">Note:</mrk> <mrk mtype="seg" mid="10">Use it.</mrk><x id="ph10"/>`,
			`<x id="ph9"/><mrk mtype="seg" mid="9">Примечание:</mrk> <mrk mtype="seg" mid="10" /><x id="ph10"/>`,
			"9:{placeholder ph9 }Note:=>{placeholder ph9 }Примечание:@translated | _  | 10:Use it.{placeholder ph10 }@new"},
		{"placeholder moved out of the marker",
			`<mrk mtype="seg" mid="7"><x id="ph8"/>Allow space.</mrk>`,
			`<x id="ph8"/><mrk mtype="seg" mid="7">Оставьте место.</mrk>`,
			"7:{placeholder ph8 }Allow space.=>{placeholder ph8 }Оставьте место.@translated"},
		// Trados Studio: a placeholder, then a space, then the marker;
		// a <g> closed after the space that follows the last marker.
		{"space between a placeholder and the segment",
			`<x id="589"/> <mrk mtype="seg" mid="1">Price list.</mrk>`,
			`<x id="589"/> <mrk mtype="seg" mid="1">Lista de precios.</mrk>`,
			"1:{placeholder 589 } Price list.=>{placeholder 589 } Lista de precios.@translated"},
		{"space inside a g around the segments",
			`<g id="1"> <mrk mtype="seg" mid="1">A.</mrk> </g>`,
			`<g id="1"> <mrk mtype="seg" mid="1">А.</mrk> </g>`,
			"1:{open 1 } A. {close 1 }=>{open 1 } А. {close 1 }@translated"},
		{"g holding only the space between two segments",
			`<mrk mtype="seg" mid="1">A.</mrk><g id="5"> </g><mrk mtype="seg" mid="2">B.</mrk>`,
			`<mrk mtype="seg" mid="1">А.</mrk><g id="5"> </g><mrk mtype="seg" mid="2">Б.</mrk>`,
			"1:A.{open 5 }=>А.{open 5 }@translated | _  | 2:{close 5 }B.=>{close 5 }Б.@translated"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := xliff12("\n<trans-unit id=\"1\"><source>x</source><seg-source>" + tc.seg + "</seg-source>\n<target state=\"translated\">" + tc.target + "</target></trans-unit>")
			f, _, err := Read(strings.NewReader(doc), "t.xlf")
			if err != nil {
				t.Fatal(err)
			}
			if got := segs(f.Units[0]); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
			out := write(t, f, WriteOptions{Version: Version12})
			back, _, err := Read(bytes.NewReader(out), "t.xlf")
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if d := diffFiles(back, f); d != "" {
				t.Errorf("written back and read again: %s\n%s", d, out)
			}
		})
	}
	for _, tc := range []struct {
		name, seg, target, want string
	}{
		{"text between a code and the segments", `<g id="1">Note: <mrk mtype="seg" mid="1">A.</mrk> </g>`, ``,
			`t.xlf:4:50: <g> between the segments of trans-unit 1 has text between it and every segment: loctool keeps only text between segments; move it into a <mrk mtype="seg">`},
		{"a code with text between the segments", `<mrk mtype="seg" mid="1">A.</mrk><g id="1">B</g>`, ``,
			`t.xlf:4:83: <g> between the segments of trans-unit 1 holds text, which would be lost: loctool keeps only text and codes between segments; move it into a <mrk mtype="seg">`},
		{"a segment marker in an annotation", `<mrk mtype="x-note"><mrk mtype="seg" mid="1">A.</mrk></mrk>`, ``,
			`t.xlf:4:70: trans-unit 1: a segment marker inside <mrk>: segment markers must be children of <seg-source> and <target>, or of a <g> around them`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := xliff12("\n<trans-unit id=\"1\"><source>x</source><seg-source>" + tc.seg + "</seg-source>\n<target>" + tc.target + "</target></trans-unit>")
			_, _, err := Read(strings.NewReader(doc), "t.xlf")
			if err == nil || err.Error() != tc.want {
				t.Errorf("got  %v\nwant %s", err, tc.want)
			}
		})
	}
}

// TestReadXLIFF11 reads a file under the namespace of XLIFF 1.1, as
// Translate Toolkit's po2xliff writes it, as XLIFF 1.2, with a warning
// at its root element. po2xliff approves every message that is not
// fuzzy, and says translated: the translation is confirmed, not
// reviewed.
func TestReadXLIFF11(t *testing.T) {
	doc := `<?xml version="1.0" encoding="utf-8"?>
<xliff version="1.1" xmlns="urn:oasis:names:tc:xliff:document:1.1">
  <file original="news.po" source-language="en-US" datatype="po">
    <body>
      <trans-unit xml:space="preserve" id="1" approved="yes">
        <source>The akim resigned.</source>
        <target state="translated">Аким ушёл в отставку.</target>
        <context-group name="po-reference" purpose="location">
          <context context-type="sourcefile">news.md:3</context>
        </context-group>
        <note from="po-translator">checked against the wire</note>
      </trans-unit>
    </body>
  </file>
</xliff>
`
	var warnings []diag.Diagnostic
	f, v, err := ReadOptions{Warn: func(w diag.Diagnostic) { warnings = append(warnings, w) }}.Read(strings.NewReader(doc), "news.xlf")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := segs(f.Units[0]), "1:The akim resigned.=>Аким ушёл в отставку.@translated"; v != Version12 || got != want {
		t.Errorf("read XLIFF %s: %s, want %s", v, got, want)
	}
	if len(warnings) != 1 {
		t.Fatalf("%d warnings, want 1: %v", len(warnings), warnings)
	}
	want := "news.xlf:2:1: warning: XLIFF 1.1 is read as XLIFF 1.2, of which it is a part [handoff.version]"
	if got := warnings[0].String(); !strings.HasPrefix(got, want) || warnings[0].Severity != diag.Warning {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if _, _, err := Read(strings.NewReader(doc), "news.xlf"); err != nil {
		t.Errorf("read without Warn: %v", err)
	}
}

// TestApproveTranslated writes a unit of each state, as the obsolete
// store is written for Translate Toolkit: a confirmed translation is
// approved="yes", and each reads back with its state.
func TestApproveTranslated(t *testing.T) {
	f := &handoff.File{Original: "obsolete", SourceLang: language.English, TargetLang: language.Russian}
	states := []handoff.State{handoff.New, handoff.NeedsReview, handoff.Translated, handoff.Reviewed, handoff.Final}
	for i, st := range states {
		s := &handoff.Segment{ID: "s1", Source: inline.Text(fmt.Sprintf("Sentence %d.", i)), State: st}
		if st != handoff.New {
			s.Target = inline.Text(fmt.Sprintf("Предложение %d.", i))
		}
		f.Units = append(f.Units, &handoff.Unit{ID: fmt.Sprintf("o%d", i), Parts: []handoff.Part{{Segment: s}}})
	}
	data := write(t, f, WriteOptions{Version: Version12})
	for i, st := range states {
		want := st >= handoff.Translated
		if got := strings.Contains(string(data), fmt.Sprintf(`<trans-unit id="o%d" approved="yes"`, i)); got != want {
			t.Errorf("%v approved %v, want %v", st, got, want)
		}
	}
	back, _, err := Read(bytes.NewReader(data), "obsolete.xlf")
	if err != nil {
		t.Fatal(err)
	}
	for i, u := range back.Units {
		if got := u.Segments()[0].State; got != states[i] {
			t.Errorf("%s reads %v, want %v", u.ID, got, states[i])
		}
	}
}
