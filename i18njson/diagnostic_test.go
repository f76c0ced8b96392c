package i18njson

import (
	"testing"

	"github.com/loctool/loctool/diag"
)

var _ diag.Located = (*Error)(nil)

// TestDiagnostic checks the diagnostics of the errors of Read: their
// rules, messages, places, and the segment of the message at fault.
func TestDiagnostic(t *testing.T) {
	f := codesFile(t)
	for _, tc := range []struct {
		name, file, data string
		want             diag.Diagnostic
	}{
		{"syntax", "ru.json", "{\n  \"b1.s1\": {\n    \"other\": \"Аблязов\",\n  }\n}", diag.Diagnostic{
			Start: diag.Position{Line: 4, Col: 3}, Rule: diag.HandoffSyntax,
			Message: "not valid JSON: invalid character '}' where a quoted message ID should begin",
			Hint:    "an editor may have broken the file: compare it with the one sent, or ask for it again"}},
		{"codes", "ru.json", `{"b1.s1": "Аблязов на свободе"}`, diag.Diagnostic{
			Start: diag.Position{Line: 1, Col: 2}, Rule: diag.TargetCodes, Unit: "b1", Segment: "s1",
			Message: `message "b1.s1": tags <1> </1> are missing`}},
		{"unknown", "ru.json", `{"b9.s1": "x"}`, diag.Diagnostic{
			Start: diag.Position{Line: 1, Col: 2}, Rule: diag.HandoffUnknownID,
			Message: `message "b9.s1": not in the article`,
			Hint:    "was the file written for another article, or before the article changed? keep the message IDs as loctool wrote them"}},
		{"duplicate", "ru.json", `{"b2.s5": "x", "b2.s5": "y"}`, diag.Diagnostic{
			Start: diag.Position{Line: 1, Col: 16}, Rule: diag.HandoffDuplicateID, Unit: "b2", Segment: "s5",
			Message: `message "b2.s5": the key appears more than once (first at line 1)`}},
		{"no other", "ru.json", `{"b2.s3": {"hash": "sha1-1"}}`, diag.Diagnostic{
			Start: diag.Position{Line: 1, Col: 2}, Rule: diag.HandoffNoOther, Unit: "b2", Segment: "s3",
			Message: `message "b2.s3": no "other" text`,
			Hint:    "to leave a sentence untranslated, keep its source text or delete the message"}},
		{"control character", "ru.json", `{"b2.s5": "Он\u0007"}`, diag.Diagnostic{
			Start: diag.Position{Line: 1, Col: 14}, Rule: diag.HandoffInvalid, Unit: "b2", Segment: "s5",
			Message: `message "b2.s5": the text has control character U+0007, which a translation may not hold`, Hint: "remove it"}},
		{"not UTF-8", "ru.json", "{\"b2.s5\": \"Он\xc0\"}", diag.Diagnostic{
			Start: diag.Position{Line: 1, Col: 14}, Rule: diag.HandoffSyntax, Unit: "b2", Segment: "s5",
			Message: `message "b2.s5": byte 0xc0 is not UTF-8 text`,
			Hint:    "the file is not UTF-8 text: an editor may have saved it in another encoding; save it as UTF-8, or ask for it again"}},
		{"null description", "ru.json", "{\n  \"b2.s3\": {\n    \"description\": null,\n    \"other\": \"y\"\n  }\n}", diag.Diagnostic{
			Start: diag.Position{Line: 3, Col: 5}, Rule: diag.HandoffInvalid, Unit: "b2", Segment: "s3",
			Message: `message "b2.s3": "description" is null, where go-i18n takes only text`,
			Hint:    `write it as text in quotes ("description": ""), or delete the line`}},
		{"number hash", "ru.json", `{"b2.s3": {"hash": 5, "other": "y"}}`, diag.Diagnostic{
			Start: diag.Position{Line: 1, Col: 12}, Rule: diag.HandoffInvalid, Unit: "b2", Segment: "s3",
			Message: `message "b2.s3": "hash" is a number, where go-i18n takes only text`,
			Hint:    `write it as text in quotes ("hash": ""), or delete the line`}},
		{"null other", "ru.json", `{"b2.s3": {"other": null}}`, diag.Diagnostic{
			Start: diag.Position{Line: 1, Col: 12}, Rule: diag.HandoffNoOther, Unit: "b2", Segment: "s3",
			Message: `message "b2.s3": no "other" text: it is null`,
			Hint:    "to leave a sentence untranslated, keep its source text or delete the message"}},
		{"unknown field", "ru.json", `{"b2.s3": {"notes": "n", "other": "y"}}`, diag.Diagnostic{
			Start: diag.Position{Line: 1, Col: 12}, Rule: diag.HandoffInvalid, Unit: "b2", Segment: "s3",
			Message: `message "b2.s3": "notes" is not a field of a go-i18n message, which has "description", "hash" and "other"`,
			Hint:    "delete it; a remark for the translator goes in the description"}},
		{"null description in YAML", "ru.yaml", "b2.s3:\n  description:\n  other: y\n", diag.Diagnostic{
			Start: diag.Position{Line: 2, Col: 3}, Rule: diag.HandoffInvalid, Unit: "b2", Segment: "s3",
			Message: `message "b2.s3": "description" is null, where go-i18n takes only text`,
			Hint:    `write it as text in quotes ("description": ""), or delete the line`}},
		{"nested null description in YAML", "ru.yaml", "b2:\n  s3:\n    other: y\n    description: ~\n", diag.Diagnostic{
			Start: diag.Position{Line: 4, Col: 5}, Rule: diag.HandoffInvalid, Unit: "b2", Segment: "s3",
			Message: `message "b2.s3": "description" is null, where go-i18n takes only text`,
			Hint:    `write it as text in quotes ("description": ""), or delete the line`}},
		{"date description in TOML", "ru.toml", "[\"b2.s3\"]\ndescription = 2024-05-13\nother = \"y\"\n", diag.Diagnostic{
			Rule: diag.HandoffInvalid, Unit: "b2", Segment: "s3",
			Message: `message "b2.s3": "description" is not text, where go-i18n takes only text`,
			Hint:    `write it as text in quotes ("description": ""), or delete the line`}},
		{"top level", "ru.json", `{"b2.s3": "x", "other": "y"}`, diag.Diagnostic{
			Start: diag.Position{Line: 1, Col: 2}, Rule: diag.HandoffInvalid,
			Message: `the file's top level has fields of a message (other) beside message "b2.s3"`,
			Hint:    `a message file maps each message ID to its text, or to {"other": text}, as loctool extract wrote it`}},
		{"plural", "ru.json", `{"b2.s3": {"one": "x", "other": "y"}}`, diag.Diagnostic{
			Start: diag.Position{Line: 1, Col: 2}, Rule: diag.HandoffPlural, Unit: "b2", Segment: "s3",
			Message: `message "b2.s3": plural forms (one): loctool does not use them`,
			Hint:    `put the whole translation in "other"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read([]byte(tc.data), tc.file, f)
			ds := diag.FromError(tc.file, diag.HandoffRead, err)
			if len(ds) != 1 {
				t.Fatalf("%d diagnostics of %v, want 1", len(ds), err)
			}
			want := tc.want
			want.File, want.Severity = tc.file, diag.Error
			if got := ds[0]; got.String() != want.String() || got.Hint != want.Hint || got.Unit != want.Unit || got.Segment != want.Segment {
				t.Errorf("got  %s, hint %q, unit %q, segment %q\nwant %s, hint %q, unit %q, segment %q",
					got, got.Hint, got.Unit, got.Segment, want, want.Hint, want.Unit, want.Segment)
			}
		})
	}
}
