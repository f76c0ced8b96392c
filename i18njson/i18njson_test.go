package i18njson

import (
	"bytes"
	"crypto/sha1"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
)

func TestWriteGolden(t *testing.T) {
	for _, tc := range []struct {
		name, golden string
		file         func(testing.TB) *handoff.File
	}{
		{"article", "testdata/ablyazov-amnesty.golden", articleFile},
		{"codes", "testdata/codes.golden", codesFile},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := tc.file(t)
			got := write(t, f)
			golden(t, tc.golden, got)
			// Idempotent: what Read gives back writes the same file.
			back, err := Read(got, "ru.json", f)
			if err != nil {
				t.Fatal(err)
			}
			if again := write(t, back); !bytes.Equal(again, got) {
				t.Errorf("writing what was read differs:\n%s", again)
			}
		})
	}
}

// goi18nMarshal writes messages as goi18n merge writes a translate file,
// with its code (goi18n/merge_command.go hash, goi18n/marshal.go
// marshalValue and marshal).
func goi18nMarshal(t *testing.T, msgs []*i18n.Message) []byte {
	v := map[string]any{}
	for _, m := range msgs {
		h := sha1.New()
		_, _ = io.WriteString(h, m.Description)
		_, _ = io.WriteString(h, m.Other)
		fields := map[string]string{"hash": fmt.Sprintf("sha1-%x", h.Sum(nil)), "other": m.Other}
		if m.Description != "" {
			fields["description"] = m.Description
		}
		v[m.ID] = fields
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGoI18n reads the written files with go-i18n's own parser: one
// message per segment with the right IDs, and goi18n would write the same
// file from those messages as source messages.
func TestGoI18n(t *testing.T) {
	for _, tc := range []struct {
		name string
		file func(testing.TB) *handoff.File
	}{
		{"article", articleFile},
		{"codes", codesFile},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := tc.file(t)
			data := write(t, f)
			mf, err := i18n.ParseMessageFileBytes(data, "translate.ru.json", nil)
			if err != nil {
				t.Fatal(err)
			}
			var want, got []string
			for _, u := range f.Units {
				for _, s := range u.Segments() {
					want = append(want, u.ID+"."+s.ID)
				}
			}
			for _, m := range mf.Messages {
				got = append(got, m.ID)
			}
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("message IDs\n got %q\nwant %q", got, want)
			}
			if again := goi18nMarshal(t, mf.Messages); !bytes.Equal(again, data) {
				t.Errorf("goi18n would write\n%s", again)
			}
		})
	}
}

func TestReadUntranslated(t *testing.T) {
	for _, tc := range []struct {
		name string
		file func(testing.TB) *handoff.File
	}{
		{"article", articleFile},
		{"codes", codesFile},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := tc.file(t)
			back, err := Read(write(t, f), "translate.ru.json", f)
			if err != nil {
				t.Fatal(err)
			}
			if back == f || back.Units[0] == f.Units[0] {
				t.Fatal("Read did not copy the template")
			}
			if !sameFile(back, f) {
				t.Errorf("Read changed the file:\n%s", targets(back))
			}
			for _, u := range back.Units {
				for _, s := range u.Segments() {
					if s.IsTranslated() {
						t.Errorf("%s.%s is translated", u.ID, s.ID)
					}
				}
			}
		})
	}
}

// translatedCodes is what testdata/codes.ru.* give: tags moved and kept,
// the literal tag-like text in place, one segment left as its source and
// one message left out.
const translatedCodes = `b1.s1 translated: Аблязов <b>на свободе</b>
b2.s1 translated: Бывший <i>министр</i> сказал <a href="https://iwpr.net">IWPR</a>, что на него не давили.
b2.s2 translated: <br>Он ушёл.
b2.s3 translated: <b>Затем он заговорил.
b2.s4 translated: Он был спокоен.</b>
b2.s5: - (new)
b3.s1: - (new)
b4.s1 translated: Текст <span class="quote">как есть</span>: <3>, </1>, <2/>, одинокий < и & тоже, AT&T, &amp; и &lt; как написано.
b5.s1 translated: <b><i>Жирный и курсив</i> вместе</b> здесь.
`

// TestReadTranslated reads the translation of codes.golden in each form a
// translator may send it. The files carry codes.golden's hashes: should the
// descriptions change, update them, or the targets read as needs-review.
func TestReadTranslated(t *testing.T) {
	f := codesFile(t)
	for _, name := range []string{"codes.ru.json", "codes.ru.toml", "codes.ru.yaml", "codes.ru.flat.json", "codes.ru.nested.json"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile("testdata/" + name)
			if err != nil {
				t.Fatal(err)
			}
			back, err := Read(data, name, f)
			if err != nil {
				t.Fatal(err)
			}
			if got := targets(back); got != translatedCodes {
				t.Errorf("targets\n%s\nwant\n%s", got, translatedCodes)
			}
			for _, u := range back.Units {
				for _, s := range u.Segments() {
					if s.Target != nil {
						if err := inline.CheckCodes(s.Source, s.Target); err != nil {
							t.Errorf("%s.%s: %v", u.ID, s.ID, err)
						}
					}
				}
			}
		})
	}
}

func TestReadStates(t *testing.T) {
	src := inline.Text("Astana")
	file := func(target inline.Content, state handoff.State) *handoff.File {
		return &handoff.File{Units: []*handoff.Unit{{ID: "b1", Parts: []handoff.Part{
			{Segment: &handoff.Segment{ID: "s1", Source: src, Target: target, State: state}},
		}}}}
	}
	h := hash("block 1", "Astana")
	for _, tc := range []struct {
		name     string
		template *handoff.File
		data     string
		want     string
	}{
		{"written back", file(nil, handoff.New), `{"b1.s1": {"hash": "` + h + `", "other": "Astana"}}`, "b1.s1: - (new)\n"},
		{"translated", file(nil, handoff.New), `{"b1.s1": {"hash": "` + h + `", "other": "Астана"}}`, "b1.s1 translated: Астана\n"},
		{"no hash", file(nil, handoff.New), `{"b1.s1": "Астана"}`, "b1.s1 translated: Астана\n"},
		{"hash of another source", file(nil, handoff.New), `{"b1.s1": {"hash": "sha1-0000", "other": "Астана"}}`, "b1.s1 needs-review: Астана\n"},
		{"untouched older source", file(nil, handoff.New), `{"b1.s1": {"hash": "` + hash("block 1", "Akmola") + `", "description": "block 1", "other": "Akmola"}}`, "b1.s1 needs-review: Akmola\n"},
		{"refreshed hash", file(nil, handoff.New), `{"b1.s1": {"hash": "` + hash("block 1", "Астана") + `", "description": "block 1", "other": "Астана"}}`, "b1.s1 needs-review: Астана\n"},
		{"refreshed hash, source", file(nil, handoff.New), `{"b1.s1": {"hash": "` + hash("block 1", "Astana") + `", "description": "block 1", "other": "Astana"}}`, "b1.s1: - (new)\n"},
		{"refreshed hash, translation as written", file(inline.Text("Астана"), handoff.Translated), `{"b1.s1": {"hash": "` + hash("block 1", "Астана") + `", "description": "block 1", "other": "Астана"}}`, "b1.s1 translated: Астана\n"},
		{"refreshed hash, source typed back", file(inline.Text("Астана"), handoff.Translated), `{"b1.s1": {"hash": "` + hash("block 1", "Astana") + `", "description": "block 1", "other": "Astana"}}`, "b1.s1: - (new)\n"},
		{"source typed back", file(inline.Text("Астана"), handoff.Translated), `{"b1.s1": "Astana"}`, "b1.s1: - (new)\n"},
		// goi18n merge writes the hash of the English file's description
		// and text: any description, or none.
		{"goi18n's hash, from a plain English file", file(nil, handoff.New), `{"b1.s1": {"hash": "` + hash("", "Astana") + `", "other": "Астана"}}`, "b1.s1 translated: Астана\n"},
		{"goi18n's hash, from an English file of other descriptions", file(nil, handoff.New), `{"b1.s1": {"description": "the capital", "hash": "` + hash("the capital", "Astana") + `", "other": "Астана"}}`, "b1.s1 translated: Астана\n"},
		{"goi18n's hash of an older source", file(nil, handoff.New), `{"b1.s1": {"description": "the capital", "hash": "` + hash("the capital", "Akmola") + `", "other": "Астана"}}`, "b1.s1 needs-review: Астана\n"},
		{"translation kept", file(inline.Text("Астана"), handoff.Final), `{"b1.s1": {"hash": "` + h + `", "other": "Астана"}}`, "b1.s1 final: Астана\n"},
		{"translation changed", file(inline.Text("Астана"), handoff.Final), `{"b1.s1": {"hash": "` + h + `", "other": "Нур-Султан"}}`, "b1.s1 translated: Нур-Султан\n"},
		{"name as its own translation kept", file(src, handoff.Reviewed), `{"b1.s1": {"hash": "` + h + `", "other": "Astana"}}`, "b1.s1 reviewed: Astana\n"},
		{"missing message", file(inline.Text("Астана"), handoff.Translated), `{}`, "b1.s1 translated: Астана\n"},
		{"empty file", file(nil, handoff.New), ``, "b1.s1: - (new)\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			back, err := Read([]byte(tc.data), "ru.json", tc.template)
			if err != nil {
				t.Fatal(err)
			}
			if got := targets(back); got != tc.want {
				t.Errorf("got  %swant %s", got, tc.want)
			}
		})
	}
}

// TestReadEmpty reads messages whose text is empty, or only white space,
// as untranslated, whatever tags their source has, in every form a file
// may have them.
func TestReadEmpty(t *testing.T) {
	f := codesFile(t)
	s := f.Units[1].Segment("s1") // The {i}former{/i} minister told {a}IWPR{/a} he was not pressured.
	s.Target, s.State = html("{i}Бывший{/i} министр сказал {a}IWPR{/a}, что на него не давили."), handoff.Translated
	for _, tc := range []struct{ name, data string }{
		{"empty", `{"b2.s1": {"other": ""}}`},
		{"blank", `{"b2.s1": {"hash": "sha1-1", "other": " \n"}}`},
		{"flat", `{"b2.s1": ""}`},
		{"nested", `{"b2": {"s1": {"Other": "\t"}}}`},
		{"go-i18n v1", `[{"id": "b2.s1", "translation": ""}]`},
		{"TOML", "[b2.s1]\nother = \"\"\n"},
		{"YAML", "b2.s1:\n  other: ''\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			name := map[string]string{"TOML": "ru.toml", "YAML": "ru.yaml"}[tc.name]
			if name == "" {
				name = "ru.json"
			}
			for _, o := range []ReadOptions{{}, {KeepCodeMismatches: true}} {
				back, err := o.Read([]byte(tc.data), name, f)
				if err != nil {
					t.Fatal(err)
				}
				if got := back.Units[1].Segment("s1"); got.Target != nil || got.State != handoff.New {
					t.Errorf("target %v (%v), want none", got.Target, got.State)
				}
			}
		})
	}
}

// TestReadReview reads a message whose translation was kept for review:
// it stays so until its text changes.
func TestReadReview(t *testing.T) {
	template := &handoff.File{Units: []*handoff.Unit{{ID: "b1", Parts: []handoff.Part{
		{Segment: &handoff.Segment{ID: "s1", Source: inline.Text("Astana is the capital."), Target: inline.Text("Астана — столица."),
			State: handoff.NeedsReview, Was: "Akmola is the capital."}},
	}}}}
	msg := func(other string) string {
		data := write(t, template)
		return strings.Replace(string(data), `"other": "Астана — столица."`, `"other": `+strconv.Quote(other), 1)
	}
	for _, tc := range []struct {
		name, data string
		state      handoff.State
		target     string // "" for none
		was        bool
	}{
		{"as written", msg("Астана — столица."), handoff.NeedsReview, "Астана — столица.", true},
		{"spaces", msg(" Астана —  столица. "), handoff.NeedsReview, "Астана — столица.", true},
		{"flat, as written", `{"b1.s1": "Астана — столица."}`, handoff.NeedsReview, "Астана — столица.", true},
		{"missing", `{}`, handoff.NeedsReview, "Астана — столица.", true},
		{"edited", msg("Астана — столица Казахстана."), handoff.Translated, "Астана — столица Казахстана.", false},
		{"flat, edited", `{"b1.s1": "Астана — столица Казахстана."}`, handoff.Translated, "Астана — столица Казахстана.", false},
		{"source typed back", msg("Astana is the capital."), handoff.New, "", false},
		{"flat, source typed back", `{"b1.s1": "Astana is the capital."}`, handoff.New, "", false},
		{"edited, refreshed hash", `{"b1.s1": {"hash": "` + hash("x", "Астана — столица Казахстана.") + `", "description": "x", "other": "Астана — столица Казахстана."}}`,
			handoff.NeedsReview, "Астана — столица Казахстана.", true},
		{"edited, hash deleted", `{"b1.s1": {"description": "x", "other": "Астана — столица Казахстана."}}`, handoff.Translated, "Астана — столица Казахстана.", false},
		{"emptied", msg(""), handoff.New, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			back, err := Read([]byte(tc.data), "ru.json", template)
			if err != nil {
				t.Fatal(err)
			}
			s := back.Units[0].Segment("s1")
			target := ""
			if s.Target != nil {
				target = s.Target.PlainText()
			}
			if s.State != tc.state || target != tc.target || (s.Was != "") != tc.was {
				t.Errorf("got %v %q, was %q; want %v %q, kept for review: %v", s.State, target, s.Was, tc.state, tc.target, tc.was)
			}
		})
	}
}

// TestReadHashMismatch reads a translation whose hash is not the
// template's as one to review, made for the template's source, or for
// what the template's translation kept for review was made for.
func TestReadHashMismatch(t *testing.T) {
	for _, tc := range []struct {
		name, was, want string
	}{
		{"untranslated", "", "Astana"},
		{"kept for review", "Akmola", "Akmola"},
	} {
		seg := &handoff.Segment{ID: "s1", Source: inline.Text("Astana")}
		if tc.was != "" {
			seg.Target, seg.State, seg.Was = inline.Text("Акмола"), handoff.NeedsReview, tc.was
		}
		template := &handoff.File{Units: []*handoff.Unit{{ID: "b1", Parts: []handoff.Part{{Segment: seg}}}}}
		back, err := Read([]byte(`{"b1.s1": {"hash": "sha1-0000", "other": "Нур-Султан"}}`), "ru.json", template)
		if err != nil {
			t.Fatal(err)
		}
		if s := back.Units[0].Segment("s1"); s.State != handoff.NeedsReview || s.Target.PlainText() != "Нур-Султан" || s.Was != tc.want {
			t.Errorf("%s: %v %q, was %q; want needs-review, was %q", tc.name, s.State, s.Target.PlainText(), s.Was, tc.want)
		}
	}
}

// TestWriteTarget writes a segment's translation, with the source's tags.
func TestWriteTarget(t *testing.T) {
	f := codesFile(t)
	s := f.Units[4].Segment("s1") // {b}Both {i}bold and italic{/i}{/b} here.
	s.Target, s.State = html("{b}{i}Жирный и курсив{/i} вместе{/b} & <здесь>."), handoff.Translated
	data := write(t, f)
	want := `"other": "<1><2>Жирный и курсив</2> вместе</1> &amp; &lt;здесь>."`
	if !bytes.Contains(data, []byte(want)) {
		t.Errorf("no %s in\n%s", want, data)
	}
	back, err := Read(data, "ru.json", f)
	if err != nil {
		t.Fatal(err)
	}
	if !sameFile(back, f) {
		t.Errorf("read back\n%s", targets(back))
	}

	s.Target = html("{b}Жирный{/b} {br}")
	if err := Write(io.Discard, f); err == nil || !strings.Contains(err.Error(), `message "b5.s1": target: placeholder code 4 (lb) is not in the source`) {
		t.Errorf("a target with a code not in the source: got %v", err)
	}
}

func TestReadErrors(t *testing.T) {
	f := codesFile(t)
	for _, tc := range []struct {
		name, file, data string
		kind             error
		want             string
	}{
		{"JSON syntax", "ru.json", "{\n  \"b1.s1\": {\n    \"other\": \"Аблязов\",\n  }\n}", ErrSyntax,
			"ru.json:4:3: not valid JSON: invalid character '}' where a quoted message ID should begin\nhint: an editor may have broken the file: compare it with the one sent, or ask for it again"},
		{"JSON cut short", "ru.json", "{\n  \"b1.s1\": \"Аблязов", ErrSyntax,
			"ru.json:2:19: the file ends in the middle of the JSON: it was cut short, perhaps in transfer\nhint: ask for the whole file again"},
		{"JSON after the end", "ru.json", `{"b1.s1": "x"} {}`, ErrSyntax,
			"ru.json:1:16: not valid JSON: invalid character '{' after top-level value\nhint: an editor may have broken the file: compare it with the one sent, or ask for it again"},
		{"TOML syntax", "ru.toml", "[b1.s1]\nother = \"x\nhash = 1\n", ErrSyntax,
			`ru.toml:2:11: strings cannot contain newlines`},
		{"TOML syntax after Cyrillic", "ru.toml", "[b1.s1]\nother = \"Жж\nhash = 1\n", ErrSyntax,
			`ru.toml:2:12: strings cannot contain newlines`},
		{"TOML duplicate", "ru.toml", "[b1.s1]\nother = \"x\"\nother = \"y\"\n", ErrDuplicateID,
			`ru.toml:3:13: Key 'b1.s1.other' has already been defined.`},
		{"YAML duplicate", "ru.yaml", "b1.s1:\n  other: x\nb1.s1:\n  other: y\n", ErrDuplicateID,
			`ru.yaml:3: mapping key "b1.s1" already defined at line 1`},
		{"unknown format", "ru.po", `msgid ""`, ErrSyntax,
			`ru.po: unknown format ".po": message files end in .json, .toml or .yaml`},
		{"mixed keys", "ru.json", `{"b1.s1": {"other": "x", "comment": "y"}}`, ErrField,
			"ru.json:1:26: message \"b1.s1\": \"comment\" is not a field of a go-i18n message, which has \"description\", \"hash\" and \"other\"\nhint: delete it; a remark for the translator goes in the description"},
		{"not a string", "ru.yaml", "b2.s5: 2002\n", ErrField,
			"ru.yaml:1:1: message \"b2.s5\": the text is a number, where go-i18n takes only text\nhint: write it in quotes"},
		{"a single value", "ru.json", `"Никто"`, ErrSyntax,
			"ru.json: malformed messages: invalid translation file, expected key-values, got a single value\nhint: a message file maps each message ID to its text, or to {\"other\": text}, as loctool extract wrote it"},
		{"unknown ID", "ru.json", "{\n  \"b2.s5\": \"x\",\n  \"b9.s1\": \"y\"\n}", ErrUnknownID,
			"ru.json:3:3: message \"b9.s1\": not in the article\nhint: was the file written for another article, or before the article changed? keep the message IDs as loctool wrote them"},
		{"unknown IDs", "ru.json", `{"b9.s2": "y", "b2.s5": "x", "b1.s9": "y", "b1": {"s1": {"other": "<1>z</1>"}}}`, ErrUnknownID,
			"ru.json:1:2: 2 messages are not in the article: \"b9.s2\", \"b1.s9\"\nhint: was the file written for another article, or before the article changed? keep the message IDs as loctool wrote them"},
		{"duplicate key", "ru.json", "{\n  \"b2.s5\": \"x\",\n  \"b2.s5\": \"y\"\n}", ErrDuplicateID,
			`ru.json:3:3: message "b2.s5": the key appears more than once (first at line 2)`},
		{"duplicate other", "ru.json", "{\"b2.s5\": {\n  \"other\": \"x\",\n  \"other\": \"y\"}}", ErrDuplicateID,
			`ru.json:3:3: message "b2.s5": "other" appears more than once (first at line 2)`},
		{"other in two cases", "ru.yaml", "b2.s5:\n  other: x\n  Other: y\n", ErrDuplicateID,
			`ru.yaml: message "b2.s5": "Other" and "other" are the same key`},
		{"duplicate nested", "ru.json", `{"b2.s5": "x", "b2": {"s5": "y"}}`, ErrDuplicateID,
			`ru.json:1:2: message "b2.s5": the message appears more than once`},
		{"no other", "ru.json", `{"b2.s5": {"hash": "sha1-1", "description": "block 2"}}`, ErrNoOther,
			"ru.json:1:2: message \"b2.s5\": no \"other\" text\nhint: to leave a sentence untranslated, keep its source text or delete the message"},
		{"no other in TOML", "ru.toml", "[b2.s5]\nhash = \"sha1-1\"\n", ErrNoOther,
			"ru.toml: message \"b2.s5\": no \"other\" text\nhint: to leave a sentence untranslated, keep its source text or delete the message"},
		{"nested, no other", "ru.json", `{"b2": {"s5": {"hash": "sha1-1"}}}`, ErrNoOther,
			"ru.json:1:9: message \"b2.s5\": no \"other\" text\nhint: to leave a sentence untranslated, keep its source text or delete the message"},
		{"null", "ru.json", `{"b2.s5": null}`, ErrNoOther,
			"ru.json:1:2: message \"b2.s5\": no \"other\" text\nhint: to leave a sentence untranslated, keep its source text or delete the message"},
		{"plural", "ru.json", `{"b2.s5": {"one": "Никто", "few": "Никто", "other": "Никто"}}`, ErrPlural,
			"ru.json:1:2: message \"b2.s5\": plural forms (one, few): loctool does not use them\nhint: put the whole translation in \"other\""},
		{"stray <", "ru.json", `{"b1.s1": "Аблязов <1>на свободе</1> < 5"}`, ErrTags,
			`ru.json:1:2: message "b1.s1": "< 5" does not start a tag such as <1>, </1> or <1/>; write &lt; for a literal <`},
		{"broken tag", "ru.json", `{"b1.s1": "Аблязов <1 на свободе</1>"}`, ErrTags,
			`ru.json:1:2: message "b1.s1": "<1 на свобод…" does not start a tag such as <1>, </1> or <1/>; write &lt; for a literal <`},
		{"leading zero", "ru.json", `{"b1.s1": "Аблязов <01>на свободе</1>"}`, ErrTags,
			`ru.json:1:2: message "b1.s1": "<01>на свобо…" does not start a tag such as <1>, </1> or <1/>; write &lt; for a literal <`},
		{"unknown tag", "ru.json", `{"b1.s1": "Аблязов <1>на свободе</1><2/>"}`, ErrTags,
			`ru.json:1:2: message "b1.s1": tag <2/> is not in the source, which has <1> </1>`},
		{"pair as placeholder", "ru.json", `{"b1.s1": "Аблязов <1/>на свободе"}`, ErrTags,
			`ru.json:1:2: message "b1.s1": tag <1/> is not in the source, which has <1> </1>`},
		{"tag where none", "ru.json", `{"b2.s5": "<1>Никто</1>"}`, ErrTags,
			`ru.json:1:2: message "b2.s5": tag <1> is not in the source, which has none`},
		{"missing tag", "ru.json", `{"b1.s1": "Аблязов <1>на свободе"}`, ErrTags,
			`ru.json:1:2: message "b1.s1": tag </1> is missing`},
		{"missing tags", "ru.json", `{"b2.s1": "Бывший министр сказал IWPR."}`, ErrTags,
			`ru.json:1:2: message "b2.s1": tags <1> </1> <2> </2> are missing`},
		{"repeated tag", "ru.json", `{"b2.s2": "<1/>Он <1/>ушёл."}`, ErrTags,
			`ru.json:1:2: message "b2.s2": tag <1/> appears more than once`},
		{"closed before opened", "ru.json", `{"b1.s1": "Аблязов </1>на свободе<1>"}`, ErrTags,
			`ru.json:1:2: message "b1.s1": </1> comes before <1>`},
		{"crossed", "ru.json", `{"b5.s1": "<1>Жирный <2>и</1> курсив</2>."}`, ErrTags,
			`ru.json:1:2: message "b5.s1": <1> and <2> cross: </2> must come before </1>`},
		{"lone tag dropped", "ru.json", `{"b2.s4": "Он был спокоен."}`, ErrTags,
			`ru.json:1:2: message "b2.s4": tag </1> is missing`},
		{"several", "ru.yaml", "b2.s4: Он был спокоен.\nb2.s5:\n  one: x\n  other: y\n", ErrTags,
			"ru.yaml: message \"b2.s4\": tag </1> is missing\n" +
				"ru.yaml: message \"b2.s5\": plural forms (one): loctool does not use them\nhint: put the whole translation in \"other\""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			back, err := Read([]byte(tc.data), tc.file, f)
			if err == nil {
				t.Fatalf("no error; read\n%s", targets(back))
			}
			if back != nil {
				t.Error("a file came back with the error")
			}
			if err.Error() != tc.want {
				t.Errorf("got\n%s\nwant\n%s", err, tc.want)
			}
			if !errors.Is(err, tc.kind) {
				t.Errorf("not %v", tc.kind)
			}
			var e *Error
			if !errors.As(err, &e) || e.File != tc.file {
				t.Errorf("not an *Error for %s: %#v", tc.file, err)
			}
		})
	}
}

func TestMessageID(t *testing.T) {
	for _, tc := range []struct{ unit, seg, want string }{
		{"b3", "s1", "b3.s1"},
		{"b1.2", "s1", "b1%2E2.s1"},
		{"b1", "2.s1", "b1.2%2Es1"},
		{"b%2E", "s1", "b%252E.s1"},
		{"other", "s1", "%other.s1"},
		{"b1", "Other", "b1.%Other"},
		{"b1", "translation", "b1.%translation"},
		{"ID", "hash", "%ID.%hash"},
		{"", "", "%.%"},
		{"%other", "s1", "%25other.s1"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			if got := MessageID(tc.unit, tc.seg); got != tc.want {
				t.Errorf("MessageID(%q, %q) = %q, want %q", tc.unit, tc.seg, got, tc.want)
			}
		})
	}
	// Awkward IDs make unique messages that go-i18n reads as written, and
	// Read finds them again, flat or nested.
	var units []*handoff.Unit
	for _, id := range [][2]string{{"b1.2", "s1"}, {"b1", "2.s1"}, {"other", "s1"}, {"b1", "Other"}, {"b1", "translation"}, {"ID", "hash"}, {"", ""}, {"%other", "s1"}, {"b1", "s1"}} {
		units = append(units, &handoff.Unit{ID: id[0], Parts: []handoff.Part{{Segment: &handoff.Segment{ID: id[1], Source: inline.Text("Astana")}}}})
	}
	f := &handoff.File{Units: units}
	data := write(t, f)
	mf, err := i18n.ParseMessageFileBytes(data, "ru.json", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(mf.Messages) != len(units) {
		t.Errorf("go-i18n read %d messages, want %d", len(mf.Messages), len(units))
	}
	flat := map[string]string{}
	nested := map[string]map[string]string{}
	for _, u := range units {
		id := MessageID(u.ID, u.Parts[0].Segment.ID)
		flat[id] = "Астана"
		unit, seg, _ := strings.Cut(id, ".")
		if nested[unit] == nil {
			nested[unit] = map[string]string{}
		}
		nested[unit][seg] = "Астана"
	}
	for name, v := range map[string]any{"flat": flat, "nested": nested} {
		t.Run(name, func(t *testing.T) {
			data, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			back, err := Read(data, "ru.json", f)
			if err != nil {
				t.Fatal(err)
			}
			for _, u := range back.Units {
				if s := u.Parts[0].Segment; s.Target.PlainText() != "Астана" {
					t.Errorf("%q %q: target %q", u.ID, s.ID, s.Target.PlainText())
				}
			}
		})
	}
}

func TestWriteErrors(t *testing.T) {
	unit := func(id string, segs ...string) *handoff.Unit {
		u := &handoff.Unit{ID: id}
		for _, s := range segs {
			u.Parts = append(u.Parts, handoff.Part{Segment: &handoff.Segment{ID: s, Source: inline.Text("Astana")}})
		}
		return u
	}
	for _, tc := range []struct {
		name  string
		units []*handoff.Unit
		want  string
	}{
		{"same unit twice", []*handoff.Unit{unit("b1", "s1"), unit("b1", "s2", "s1")},
			`write messages for a.txt: unit "b1" segment "s1" and unit "b1" segment "s1" have the same message ID "b1.s1"`},
		{"same segment twice", []*handoff.Unit{unit("b1", "s1", "s1")},
			`write messages for a.txt: unit "b1" segment "s1" and unit "b1" segment "s1" have the same message ID "b1.s1"`},
		{"invalid UTF-8", []*handoff.Unit{{ID: "b1", Parts: []handoff.Part{{Segment: &handoff.Segment{ID: "s1", Source: inline.Text("Astana\xff")}}}}},
			`write messages for a.txt: message "b1.s1": text is not valid UTF-8`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Write(io.Discard, &handoff.File{Original: "a.txt", Units: tc.units})
			if err == nil || err.Error() != tc.want {
				t.Errorf("got  %v\nwant %s", err, tc.want)
			}
		})
	}
	if got := write(t, &handoff.File{}); string(got) != "{}\n" {
		t.Errorf("no units: got %q", got)
	}
}

// TestWriteBlankTarget: a target that is no translation is not written.
func TestWriteBlankTarget(t *testing.T) {
	f := &handoff.File{Units: []*handoff.Unit{{ID: "b1", Parts: []handoff.Part{
		{Segment: &handoff.Segment{ID: "s1", Source: inline.Text("Astana"), Target: inline.Text(" "), State: handoff.Translated}},
	}}}}
	data := write(t, f)
	if !bytes.Contains(data, []byte(`"other": "Astana"`)) {
		t.Errorf("got\n%s", data)
	}
	if _, err := Read(data, "ru.json", f); err != nil {
		t.Error(err)
	}
}

// sameFile reports whether two files hold the same, wherever their
// segments were read from.
func sameFile(a, b *handoff.File) bool {
	return reflect.DeepEqual(withoutPlaces(a), withoutPlaces(b))
}

func withoutPlaces(f *handoff.File) *handoff.File {
	c := clone(f)
	for _, u := range c.Units {
		for _, s := range u.Segments() {
			s.Line, s.Col = 0, 0
		}
	}
	return c
}

// With KeepCodeMismatches, a message whose known tags do not match its
// source is read as it is, for a check to report; an unknown tag is
// still an error.
func TestReadKeepCodeMismatches(t *testing.T) {
	f := codesFile(t)
	keep := ReadOptions{KeepCodeMismatches: true}
	for _, data := range []string{
		`{"b1.s1": "Аблязов <1>на свободе"}`,
		`{"b2.s1": "Бывший министр сказал IWPR."}`,
		`{"b1.s1": "Аблязов </1>на свободе<1>"}`,
	} {
		back, err := keep.Read([]byte(data), "ru.json", f)
		if err != nil {
			t.Errorf("%s: %v", data, err)
			continue
		}
		var target inline.Content
		for _, u := range back.Units {
			for _, s := range u.Segments() {
				if s.Target != nil && !s.Target.Equal(s.Source) {
					target = s.Target
					if inline.CheckCodes(s.Source, s.Target) == nil {
						t.Errorf("%s: the target's codes match", data)
					}
				}
			}
		}
		if target == nil {
			t.Errorf("%s: no target read", data)
		}
		if _, err := Read([]byte(data), "ru.json", f); !errors.Is(err, ErrTags) {
			t.Errorf("%s: without the option, %v", data, err)
		}
	}
	if _, err := keep.Read([]byte(`{"b1.s1": "Аблязов <1>на свободе</1><2/>"}`), "ru.json", f); !errors.Is(err, ErrTags) {
		t.Errorf("an unknown tag: %v", err)
	}
}

// TestReadUnprintable refuses texts with characters no translation may
// hold, at their place in JSON files: control characters, as themselves
// or escaped, bytes that are not UTF-8, and escapes of half a surrogate
// pair, which encoding/json would make U+FFFD of.
func TestReadUnprintable(t *testing.T) {
	f := codesFile(t)
	for _, tc := range []struct {
		name, file, data string
		kind             error
		want             string
	}{
		{"NUL escaped", "ru.json", "{\n  \"b2.s5\": {\"other\": \"Ник\\u0000то\"}\n}", ErrControl,
			"ru.json:2:26: message \"b2.s5\": the text has control character U+0000, which a translation may not hold\nhint: remove it"},
		{"DEL", "ru.json", "{\"b2.s5\": \"Ник\x7fто\"}", ErrControl,
			"ru.json:1:15: message \"b2.s5\": the text has control character U+007F, which a translation may not hold\nhint: remove it"},
		{"C1 escaped, nested", "ru.json", `{"b2": {"s5": "Никто\u0085"}}`, ErrControl,
			"ru.json:1:21: message \"b2.s5\": the text has control character U+0085, which a translation may not hold\nhint: remove it"},
		{"form feed", "ru.json", `{"b2.s5": {"hash": "x", "other": "Ни\fкто"}}`, ErrControl,
			"ru.json:1:37: message \"b2.s5\": the text has control character U+000C, which a translation may not hold\nhint: remove it"},
		{"TOML", "ru.toml", "[b2.s5]\nother = \"Ник\\u0001то\"\n", ErrControl,
			"ru.toml: message \"b2.s5\": the text has control character U+0001, which a translation may not hold\nhint: remove it"},
		{"YAML", "ru.yaml", "b2.s5: \"Ник\\x1bто\"\n", ErrControl,
			"ru.yaml: message \"b2.s5\": the text has control character U+001B, which a translation may not hold\nhint: remove it"},
		{"not UTF-8", "ru.json", "{\"b2.s5\": \"Ник\xffто\"}", ErrSyntax,
			"ru.json:1:15: message \"b2.s5\": byte 0xff is not UTF-8 text\nhint: the file is not UTF-8 text: an editor may have saved it in another encoding; save it as UTF-8, or ask for it again"},
		{"half a surrogate pair", "ru.json", `{"b2.s5": {"other": "Ник\ud83dто"}}`, ErrSyntax,
			"ru.json:1:25: message \"b2.s5\": \\uD83D is half of a UTF-16 surrogate pair, not a character\nhint: write the whole pair, or remove it"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read([]byte(tc.data), tc.file, f)
			if err == nil || err.Error() != tc.want || !errors.Is(err, tc.kind) {
				t.Errorf("got  %v\nwant %s", err, tc.want)
			}
		})
	}
	// A whole surrogate pair is a character, and a control character
	// the source has may stay in a copy of it.
	g := &handoff.File{Units: []*handoff.Unit{{ID: "b1", Parts: []handoff.Part{
		{Segment: &handoff.Segment{ID: "s1", Source: inline.Text("Astana\u0085")}},
		{Space: " "},
		{Segment: &handoff.Segment{ID: "s2", Source: inline.Text("Smile")}},
	}}}}
	back, err := Read([]byte(`{"b1.s1": "Astana\u0085", "b1.s2": "\ud83d\ude00"}`), "ru.json", g)
	if err != nil {
		t.Fatal(err)
	}
	if s1, s2 := back.Units[0].Segment("s1"), back.Units[0].Segment("s2"); s1.Target != nil || s2.Target.PlainText() != "😀" {
		t.Errorf("got %v and %v", s1.Target, s2.Target)
	}
}

// TestReadComments keeps the comments on a translation while its text is
// the one the file was written with: JSON has no place for them.
func TestReadComments(t *testing.T) {
	comments := []handoff.Comment{{Start: 0, End: 6, Text: "the capital since 1997"}}
	template := &handoff.File{Units: []*handoff.Unit{{ID: "b1", Parts: []handoff.Part{
		{Segment: &handoff.Segment{ID: "s1", Source: inline.Text("Astana"), Target: inline.Text("Астана"), State: handoff.Translated, Comments: comments}},
	}}}}
	for _, tc := range []struct {
		name, data string
		kept       bool
	}{
		{"as written", `{"b1.s1": "Астана"}`, true},
		{"missing", `{}`, true},
		{"changed", `{"b1.s1": "Нур-Султан"}`, false},
		{"emptied", `{"b1.s1": ""}`, false},
	} {
		back, err := Read([]byte(tc.data), "ru.json", template)
		if err != nil {
			t.Fatal(err)
		}
		if got := back.Units[0].Segment("s1").Comments; slices.Equal(got, comments) != tc.kept || !tc.kept && got != nil {
			t.Errorf("%s: comments %+v", tc.name, got)
		}
	}
	if got := template.Units[0].Segment("s1").Comments; !slices.Equal(got, comments) {
		t.Errorf("the template's comments changed: %+v", got)
	}
}
