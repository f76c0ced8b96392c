package check

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/glossary"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
)

// TestTermTargetInflectionCases translates, in a handoff file, an
// English sentence naming a term into each sentence of the glossary's
// inflection cases (../glossary/testdata/inflection) that has the term
// in some form: term.target reports none of them. A sentence without the
// term gets its finding.
func TestTermTargetInflectionCases(t *testing.T) {
	for _, table := range []string{"ru", "kk", "heldout-ru", "heldout-kk"} {
		lang := strings.TrimPrefix(table, "heldout-")
		tag := language.MustParse(lang)
		path := filepath.Join("..", "glossary", "testdata", "inflection", table+".tsv")
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(bytes.NewReader(data))
		r.Comma, r.LazyQuotes, r.FieldsPerRecord = '\t', true, 4
		rows, err := r.ReadAll()
		if err != nil || len(rows) < 100 {
			t.Fatalf("%s: %d rows, %v", path, len(rows), err)
		}
		g := glossary.New()
		english := map[string]string{} // spelling → the English name of its concept
		for _, row := range rows[1:] {
			if english[row[0]] == "" {
				english[row[0]] = fmt.Sprintf("Termname%d", len(english)+1)
				g.Add([]*glossary.Concept{{ID: fmt.Sprintf("term-%d", len(english)), Terms: map[language.Tag]*glossary.Terms{
					language.English: {Preferred: english[row[0]]}, tag: {Preferred: row[0]},
				}}})
			}
		}
		f := &handoff.File{SourceLang: language.English, TargetLang: tag}
		u := &handoff.Unit{ID: "b1"}
		f.Units = []*handoff.Unit{u}
		want := map[string]bool{} // segment → term.target expected
		for i, row := range rows[1:] {
			id := fmt.Sprint("s", i+1)
			s := &handoff.Segment{ID: id, Source: inline.Text("The report names " + english[row[0]] + "."), Target: inline.Text(row[1]), Line: i + 2, State: handoff.Translated}
			u.Parts = append(u.Parts, handoff.Part{Segment: s})
			want[id] = row[2] == "-"
		}
		got := map[string]bool{}
		for _, fd := range Handoffs([]Handoff{{Path: path, File: f}}, Options{Glossary: g}) {
			if fd.Rule == diag.TermTarget {
				got[fd.Segment] = true
				if !want[fd.Segment] {
					t.Errorf("%s: a correct form is reported: %s", lang, fd)
				}
			}
		}
		for id, w := range want {
			if w && !got[id] {
				t.Errorf("%s: segment %s: no term.target for a sentence without the term", lang, id)
			}
		}
	}
}
