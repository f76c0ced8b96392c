package xliff

import (
	"strings"
	"testing"

	"github.com/loctool/loctool/diag"
)

var _ diag.Located = (*Error)(nil)

// TestDiagnostic checks the diagnostics of the readers' errors: the rule
// their kind gives, the hint made with the error, and the unit and
// segment the error is in, which its message names.
func TestDiagnostic(t *testing.T) {
	deep := strings.Repeat("<mrk mtype=\"x-a\">", 6) + strings.Repeat("</mrk>", 6)
	for _, tc := range []struct {
		name string
		doc  string
		opts ReadOptions
		want diag.Diagnostic
	}{
		{"NUL", "<xliff>\x00</xliff>", ReadOptions{}, diag.Diagnostic{
			Start: diag.Position{Line: 1, Col: 8}, Rule: diag.HandoffSyntax, Message: "illegal character code U+0000",
			Hint: "XML has no NUL characters: the file is damaged, or not text; ask for it again"}},
		{"not UTF-8", "<xliff>Д\xff</xliff>", ReadOptions{}, diag.Diagnostic{
			Start: diag.Position{Line: 1, Col: 9}, Rule: diag.HandoffSyntax, Message: "invalid UTF-8",
			Hint: "the file is not UTF-8 text: an editor may have saved it in another encoding; save it as UTF-8, or ask for it again"}},
		{"control character in a target", xliff12("\n<trans-unit id=\"u1\"><source>a</source>\n<target>б&#x1F;</target></trans-unit>"), ReadOptions{}, diag.Diagnostic{
			Start: diag.Position{Line: 5, Col: 10}, Rule: diag.HandoffSyntax, Unit: "u1", Message: "illegal character code U+001F in the <target> of trans-unit u1",
			Hint: "XML cannot hold control characters: remove it, or ask for the file again if it is damaged"}},
		{"C1 in a target", xliff2("\n<unit id=\"u1\"><segment id=\"s1\"><source>a</source>\n<target>б&#x80;</target></segment></unit>"), ReadOptions{}, diag.Diagnostic{
			Start: diag.Position{Line: 5, Col: 1}, Rule: diag.HandoffInvalid, Unit: "u1", Segment: "s1",
			Message: "unit u1, segment s1: the target has control character U+0080, which a translation may not hold: remove it"}},
		{"limit named by the caller", xliff12("\n<trans-unit id=\"1\"><source>" + deep + "</source></trans-unit>"),
			ReadOptions{Limits: Limits{MaxDepth: 8, Names: LimitNames{MaxDepth: "limits.max-depth"}}}, diag.Diagnostic{
				Start: diag.Position{Line: 4, Col: 79}, Rule: diag.HandoffLimit, Message: "elements nest deeper than 8 levels (limits.max-depth)"}},
		{"size named by the caller", xliff12(strings.Repeat("\n<trans-unit id=\"1\"><source>x</source></trans-unit>", 40)),
			ReadOptions{Limits: Limits{MaxBytes: 1000, Names: LimitNames{MaxBytes: "limits.max-size"}}}, diag.Diagnostic{
				Start: diag.Position{Line: 20, Col: 3}, Rule: diag.HandoffLimit, Message: "the file is larger than 1000 bytes (limits.max-size)"}},
		{"duplicate mid", xliff12("\n<trans-unit id=\"1\"><source>a b</source><seg-source><mrk mtype=\"seg\" mid=\"1\">a</mrk> <mrk mtype=\"seg\" mid=\"1\">b</mrk></seg-source></trans-unit>"), ReadOptions{}, diag.Diagnostic{
			Start: diag.Position{Line: 4, Col: 85}, Rule: diag.HandoffDuplicateID, Unit: "1", Segment: "1",
			Message: `trans-unit 1 has two segments with mid "1"`}},
		{"unknown mid", xliff12("\n<trans-unit id=\"1\"><source>a</source><seg-source><mrk mtype=\"seg\" mid=\"1\">a</mrk></seg-source>\n<target><mrk mtype=\"seg\" mid=\"2\">а</mrk></target></trans-unit>"), ReadOptions{}, diag.Diagnostic{
			Start: diag.Position{Line: 5, Col: 9}, Rule: diag.HandoffUnknownID, Unit: "1",
			Message: `the target of trans-unit 1 has segment mid="2", which its <seg-source> does not have`}},
		{"1.2 codes", xliff12("\n<trans-unit id=\"b 1\"><source>a<x id=\"1\"/></source>\n<target>а</target></trans-unit>"), ReadOptions{}, diag.Diagnostic{
			Start: diag.Position{Line: 5, Col: 1}, Rule: diag.TargetCodes, Unit: "b 1", Segment: "1",
			Message: "trans-unit b 1, segment 1: the target's inline codes do not match the source's: missing placeholder code 1 (); each code of the source must appear once in the target"}},
		{"1.2 in a segment", xliff12("\n<trans-unit id=\"u1\"><source>a</source><seg-source><mrk mtype=\"seg\" mid=\"s1\">a <g>b</g></mrk></seg-source></trans-unit>"), ReadOptions{}, diag.Diagnostic{
			Start: diag.Position{Line: 4, Col: 79}, Rule: diag.HandoffInvalid, Unit: "u1", Segment: "s1",
			Message: "trans-unit u1: <g> has no id attribute"}},
		{"1.2 in a unit", xliff12("\n<trans-unit id=\"u1\"><source>a</source><foo/></trans-unit>"), ReadOptions{}, diag.Diagnostic{
			Start: diag.Position{Line: 4, Col: 39}, Rule: diag.HandoffInvalid, Unit: "u1",
			Message: "trans-unit u1: <foo> is not allowed in <trans-unit>"}},
		{"2.x codes", xliff2("\n<unit id=\"u_x0020_1\"><segment id=\"s_x0020_1\"><source>a<ph id=\"1\" canDelete=\"no\" canCopy=\"no\"/></source>\n<target>а</target></segment></unit>"), ReadOptions{}, diag.Diagnostic{
			Start: diag.Position{Line: 5, Col: 1}, Rule: diag.TargetCodes, Unit: "u 1",
			Message: `unit u_x0020_1: the target leaves out <ph> (id "1"), which is marked canDelete="no": put it back`}},
		{"2.x in a segment", xliff2("\n<unit id=\"u\"><segment id=\"s2\"><source>a</source><target xml:lang=\"de\">b</target></segment></unit>"), ReadOptions{}, diag.Diagnostic{
			Start: diag.Position{Line: 4, Col: 49}, Rule: diag.HandoffLanguage, Unit: "u", Segment: "s2",
			Message: `unit u: the target's xml:lang is "de" but the file's trgLang is "ru"`}},
		{"2.x reference", xliff2("\n<unit id=\"u\"><segment><source>a<ph id=\"1\" dataRef=\"d9\"/></source></segment></unit>"), ReadOptions{}, diag.Diagnostic{
			Start: diag.Position{Line: 4, Col: 32}, Rule: diag.HandoffReference, Unit: "u",
			Message: `unit u: dataRef="d9" on <ph> names no <data> of the unit's <originalData>`}},
		{"2.x duplicate unit", xliff2("\n<unit id=\"u\"><segment><source>a</source></segment></unit>\n<unit id=\"u\"><segment><source>b</source></segment></unit>"), ReadOptions{}, diag.Diagnostic{
			Start: diag.Position{Line: 5, Col: 1}, Rule: diag.HandoffDuplicateID, Unit: "u",
			Message: `unit id "u" is already used on line 4: unit IDs must be unique in a <file>`}},
		{"version", `<xliff xmlns="urn:oasis:names:tc:xliff:document:1.0" version="1.0"/>`, ReadOptions{}, diag.Diagnostic{
			Start: diag.Position{Line: 1, Col: 1}, Rule: diag.HandoffVersion, Message: "XLIFF 1.0 is not supported: convert the file to XLIFF 1.2 or 2.x"}},
		{"several files", strings.Replace(xliff2(`<unit id="u"><segment><source>a</source></segment></unit>`), "</file>", "</file>\n<file id=\"g\"><unit id=\"u\"><segment><source>b</source></segment></unit></file>", 1), ReadOptions{}, diag.Diagnostic{
			Start: diag.Position{Line: 5, Col: 1}, Rule: diag.HandoffFiles, Message: "the document has 2 <file> elements, and a project's handoff file holds one article: give each <file> a handoff file of its own (check reads such a document whole outside a project)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := tc.opts.Read(strings.NewReader(tc.doc), "t.xlf")
			ds := diag.FromError("t.xlf", diag.HandoffRead, err)
			if len(ds) != 1 {
				t.Fatalf("%d diagnostics of %v, want 1", len(ds), err)
			}
			want := tc.want
			want.File, want.Severity = "t.xlf", diag.Error
			if got := ds[0]; got.String() != want.String() || got.Hint != want.Hint || got.Unit != want.Unit || got.Segment != want.Segment {
				t.Errorf("got  %s, hint %q, unit %q, segment %q\nwant %s, hint %q, unit %q, segment %q",
					got, got.Hint, got.Unit, got.Segment, want, want.Hint, want.Unit, want.Segment)
			}
		})
	}
	// A kind of error with no rule of its own is handoff.read.
	if d := (&Error{File: "t.xlf", Line: 1, Col: 1, Msg: "gone"}).Diagnostic(); d.Rule != diag.HandoffRead || d.Severity != diag.Error {
		t.Errorf("an error of no kind: %s", d)
	}
}
