package tmx

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/internal/testtool"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// sample is a memory with every field the writer writes, and codes of
// every kind.
func sample() *Memory {
	day := time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC)
	bold := func(k inline.Kind, data string) inline.Item {
		return inline.Item{Code: &inline.Code{Kind: k, ID: "1", Type: "bold", Data: data}}
	}
	return &Memory{
		Header: Header{SrcLang: language.English, SegType: "sentence",
			Attrs: Attrs{CreationDate: day, CreationID: "newsroom", DataType: "x-markdown"},
			Props: []Prop{{Type: "x-project", Text: "IWPR"}},
			Notes: []Note{{Lang: language.English, Text: "Exported \"as is\" & <checked>"}}},
		Units: []*Unit{
			{TUID: "a1", Usage: Usage{UsageCount: 2, LastUsageDate: day.Add(time.Hour)},
				Attrs: Attrs{CreationDate: day, CreationID: "editor\tone", ChangeDate: day.Add(2 * time.Hour), ChangeID: "reviewer"},
				Props: []Prop{{Type: "x-article", Lang: language.English, Text: "articles/2024/kyiv.md"}},
				Notes: []Note{{Text: "line one\nline two"}},
				Variants: []*Variant{
					{Lang: language.English, Seg: inline.Content{{Text: "The "}, bold(inline.Open, "**"), {Text: "mayor"}, bold(inline.Close, "**"),
						{Text: " said <no> & left"}, {Code: &inline.Code{Kind: inline.Placeholder, ID: "2", Type: "lb", Data: "\\\n"}}, {Text: "\tat\r9."}}},
					{Lang: language.MustParse("uk"), Attrs: Attrs{CreationTool: "OmegaT", CreationToolVersion: "6.0"},
						Seg: inline.Content{bold(inline.Open, "**"), {Text: "Мер"}, bold(inline.Close, "**"),
							{Text: " сказав <ні> і пішов"}, {Code: &inline.Code{Kind: inline.Placeholder, ID: "2", Type: "lb", Data: "\\\n"}}, {Text: "\tо\r9."}}},
				}},
			{SrcLang: language.English, SegType: "phrase", Variants: []*Variant{
				{Lang: language.English, Usage: Usage{UsageCount: 7}, Notes: []Note{{Text: "n"}}, Props: []Prop{{Type: "Origin", Text: "TM"}},
					Seg: inline.Content{{Code: &inline.Code{Kind: inline.Open, ID: "3", Type: "underlined", Data: "<u>"}}, {Text: "Part one. "},
						{Code: &inline.Code{Kind: inline.Close, ID: "4", Type: "x-cb", Data: "</a>"}},
						{Code: &inline.Code{Kind: inline.Placeholder, ID: "5", Type: "x-mine", Data: `<img alt="x">`}},
						{Code: &inline.Code{Kind: inline.Open, ID: "6", Type: "link"}}, {Text: "text"}, {Code: &inline.Code{Kind: inline.Close, ID: "6", Type: "link"}}}},
				{Lang: language.MustParse("sr-Latn"), Seg: inline.Text("Deo jedan.")},
			}},
		},
	}
}

// TestWrite checks the TMX written for a memory against its golden file
// (go test -update rewrites it), that it reads back as the memory, that
// writing what was read gives the same bytes, and that xmllint finds it
// valid against the TMX 1.4 DTD.
func TestWrite(t *testing.T) {
	m := sample()
	var buf bytes.Buffer
	if err := Write(&buf, m, WriteOptions{ToolVersion: "1.2.3"}); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "sample.tmx.golden")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("written:\n%s\nwant (%s):\n%s", buf.Bytes(), golden, want)
	}
	back, err := Read(bytes.NewReader(buf.Bytes()), golden, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if d := diffMemory(back, asWritten(m, "1.2.3")); d != "" {
		t.Errorf("read back: %s", d)
	}
	var again bytes.Buffer
	if err := Write(&again, back, WriteOptions{ToolVersion: "1.2.3"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), buf.Bytes()) {
		t.Errorf("written again:\n%s", again.Bytes())
	}
	xmllint := testtool.Require(t, "xmllint")
	dtd := filepath.Join(testtool.SharedDir(t), "reference", "tmx", "tmx14.dtd")
	if out, err := exec.Command(xmllint, "--noout", "--nonet", "--dtdvalid", dtd, golden).CombinedOutput(); err != nil {
		t.Errorf("xmllint: %v\n%s", err, out)
	}
}

// TestWriteRefused checks that what TMX cannot hold is an error, and
// that the units before it are written.
func TestWriteRefused(t *testing.T) {
	ok := &Unit{Variants: []*Variant{{Lang: language.English, Seg: inline.Text("fine")}}}
	for _, tc := range []struct {
		name string
		u    *Unit
		want string
	}{
		{"no variant", &Unit{TUID: "x"}, `tmx: unit 2 (tuid "x") has no variant`},
		{"no language", &Unit{Variants: []*Variant{{Seg: inline.Text("a")}}}, "tmx: unit 2: variant 1 has no language"},
		{"control character", &Unit{Variants: []*Variant{{Lang: language.English, Seg: inline.Text("a\x01")}}}, `tmx: unit 2: "a\x01" is not UTF-8 text that XML can hold`},
		{"not UTF-8", &Unit{Notes: []Note{{Text: "\xff"}}, Variants: []*Variant{{Lang: language.English}}}, `tmx: unit 2: "\xff" is not UTF-8 text that XML can hold`},
		{"bad segtype", &Unit{SegType: "word", Variants: []*Variant{{Lang: language.English}}}, `tmx: unit 2: segtype "word": expected block, paragraph, sentence or phrase`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			w, err := NewWriter(&buf, &Header{SrcLang: language.English}, WriteOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Write(ok); err != nil {
				t.Fatal(err)
			}
			err = w.Write(tc.u)
			if err == nil || err.Error() != tc.want {
				t.Errorf("got %v, want %s", err, tc.want)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			m, err := Read(&buf, "w.tmx", ReadOptions{})
			if err != nil || len(m.Units) != 1 {
				t.Errorf("the file written holds %v, err %v; want the one good unit", m, err)
			}
		})
	}
	if _, err := NewWriter(&bytes.Buffer{}, &Header{}, WriteOptions{}); err == nil || !strings.Contains(err.Error(), "no source language") {
		t.Errorf("a header without a source language: %v", err)
	}
}
