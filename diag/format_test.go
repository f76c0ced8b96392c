package diag

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

var someFindings = []Diagnostic{
	{File: "articles/a, b.txt", Start: Position{3, 5}, Severity: Error, Rule: SpellingVariant,
		Message: `"Jakiyanov" is a variant of "Zhakiyanov" (concept zhakiyanov)`, Found: "Jakiyanov", Suggestion: "Zhakiyanov"},
	{File: "articles/b.md", Start: Position{1, 1}, Severity: Warning, Rule: SpellingInconsistent,
		Message: "100% one name:\nsee there", Found: "Galymjan", Suggestion: "Galymzhan"},
}

// The SARIF log validates against the OASIS SARIF 2.1.0 schema
// (testdata/sarif-schema-2.1.0.json, errata 01), with findings and without.
func TestSARIFValidates(t *testing.T) {
	data, err := os.ReadFile("testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	// The schema does catch a bad log.
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"level": "fatal", "message": {"text": "m"}}]}]}`))
	if err := schema.Validate(bad); err == nil {
		t.Fatal("the schema takes a result of level fatal")
	}
	// Findings in handoff files: at a target, with a unit and segment; a
	// file that cannot be read, of a rule of its own, with no line.
	handoffFindings := append(slices.Clone(someFindings),
		Diagnostic{File: "locales/ru/a.xlf", Start: Position{8, 32}, Severity: Error, Rule: TermTarget, Message: "m", Found: "Жакьянова", Suggestion: "Жакиянова", Unit: "b1", Segment: "s1"},
		Diagnostic{File: "locales/ru/b.xlf", Severity: Error, Rule: "handoff.read", Message: "the file does not exist"},
		Diagnostic{File: "articles/c.txt", Start: Position{2, 1}, End: Position{2, 9}, Severity: Error, Rule: SpellingVariant, Message: "m",
			Fixes: []Fix{{Message: "write Zhakiyanov", Edits: []Edit{{Start: 10, End: 18, NewText: "Zhakiyanov"}}}}})
	for _, fs := range [][]Diagnostic{someFindings, nil, handoffFindings} {
		var b bytes.Buffer
		if err := (SARIF{}).Format(&b, Report{Diagnostics: fs, Version: "v0.0.0-test"}); err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(inst); err != nil {
			t.Errorf("the SARIF log does not validate: %v\n%s", err, b.String())
		}
		var log struct {
			Runs []struct {
				Results []struct {
					RuleID    string `json:"ruleId"`
					Level     string `json:"level"`
					Locations []struct {
						PhysicalLocation struct {
							Region struct{ StartLine, StartColumn, EndColumn int } `json:"region"`
						} `json:"physicalLocation"`
					} `json:"locations"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(b.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		if len(log.Runs) != 1 || len(log.Runs[0].Results) != len(fs) {
			t.Fatalf("%d runs, results %+v", len(log.Runs), log.Runs)
		}
		if len(fs) > 0 {
			r := log.Runs[0].Results[0]
			reg := r.Locations[0].PhysicalLocation.Region
			if r.Level != "error" || reg.StartLine != 3 || reg.StartColumn != 5 || reg.EndColumn != 14 {
				t.Errorf("result %+v", r)
			}
		}
	}
}

func TestJUnit(t *testing.T) {
	var b bytes.Buffer
	if err := (JUnit{}).Format(&b, Report{Command: "check", Files: []string{"articles/clean.txt", "articles/a, b.txt"}, Diagnostics: someFindings}); err != nil {
		t.Fatal(err)
	}
	var r struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Suites   []struct {
			Name  string `xml:"name,attr"`
			Cases []struct {
				Name    string `xml:"name,attr"`
				Failure *struct {
					Type string `xml:"type,attr"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(b.Bytes(), &r); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if r.Tests != 3 || r.Failures != 2 || len(r.Suites) != 3 {
		t.Errorf("tests %d, failures %d, suites %d:\n%s", r.Tests, r.Failures, len(r.Suites), b.String())
	}
	if r.Suites[2].Name != "articles/clean.txt" || r.Suites[2].Cases[0].Failure != nil {
		t.Errorf("a clean file is a passing case: %+v", r.Suites[2])
	}
	if f := r.Suites[0].Cases[0].Failure; f == nil || f.Type != "error" {
		t.Errorf("failure %+v", f)
	}
}

func TestGitHub(t *testing.T) {
	var b bytes.Buffer
	if err := (GitHub{}).Format(&b, Report{Diagnostics: someFindings}); err != nil {
		t.Fatal(err)
	}
	want := "::error file=articles/a%2C b.txt,line=3,col=5,title=spelling.variant::\"Jakiyanov\" is a variant of \"Zhakiyanov\" (concept zhakiyanov)\n" +
		"::warning file=articles/b.md,line=1,col=1,title=spelling.inconsistent::100%25 one name:%0Asee there\n"
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if strings.Count(b.String(), "\n") != 2 {
		t.Error("a command per line")
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// A format that cannot write says so.
func TestFormatWriteError(t *testing.T) {
	ds := []Diagnostic{{File: "a.txt", Start: Position{1, 1}, Severity: Error, Rule: SpellingVariant, Message: "m", Found: "f"}}
	for _, name := range Formats {
		f, err := NewFormatter(name, false)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Format(failingWriter{}, Report{Diagnostics: ds}); err == nil {
			t.Errorf("%s: no error from a writer that fails", name)
		}
	}
}
