package check

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Rules describes the rules of the check, for reports that list them.
var Rules = []struct {
	ID, Description string
	Default         Severity
}{
	{RuleVariant, "A variant or forbidden spelling of a glossary concept", Error},
	{RuleInconsistent, "Two spellings of what looks like one name, which no glossary entry covers", Warning},
	{RuleTerm, "A glossary concept of the source that the translation spells wrongly or not at all", Error},
	{RuleUntranslated, "No translation, or a copy of the source, for a sentence with words to translate", Warning},
	{RuleStale, "A translation of a sentence the article has changed since", Error},
	{RuleCodes, "Inline codes missing, extra, repeated or not soundly nested in the translation", Error},
	{RuleNumbers, "A number of the source that the translation does not have", Error},
	{RulePunctuation, "A translation that ends with other punctuation than its source", Warning},
	{RuleWhitespace, "White space at the ends of a translation that differs from its source's", Warning},
	{RuleDoubleSpace, "Two spaces in a row in a translation", Warning},
	{RuleDoubleWord, "A word twice in a row in a translation", Warning},
	{RuleBrackets, "Quotes or brackets that do not pair in a translation as in its source", Warning},
	{RuleConsistency, "One source sentence translated in different ways", Warning},
	{RuleSameTarget, "Different source sentences translated alike", Info},
}

// RuleIDs lists the IDs of the rules.
func RuleIDs() []string {
	ids := make([]string, len(Rules))
	for i, r := range Rules {
		ids[i] = r.ID
	}
	return ids
}

// sarifLevel maps a severity to SARIF's result level.
var sarifLevel = map[Severity]string{Error: "error", Warning: "warning", Info: "note"}

// WriteSARIF writes findings as a SARIF 2.1.0 log, as code scanning
// services (GitHub, GitLab, Azure DevOps) take them. Paths are relative to
// the project, which SARIF calls %SRCROOT%.
func WriteSARIF(w io.Writer, findings []Finding, version string) error {
	type message struct {
		Text string `json:"text"`
	}
	type region struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
	type artifact struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId"`
	}
	type physical struct {
		ArtifactLocation artifact `json:"artifactLocation"`
		Region           *region  `json:"region,omitempty"`
	}
	type location struct {
		PhysicalLocation physical `json:"physicalLocation"`
	}
	type result struct {
		RuleID     string            `json:"ruleId"`
		RuleIndex  int               `json:"ruleIndex"`
		Level      string            `json:"level"`
		Message    message           `json:"message"`
		Locations  []location        `json:"locations"`
		Properties map[string]string `json:"properties,omitempty"`
	}
	type rule struct {
		ID                   string  `json:"id"`
		ShortDescription     message `json:"shortDescription"`
		DefaultConfiguration struct {
			Level string `json:"level"`
		} `json:"defaultConfiguration"`
	}
	var rules []rule
	for _, r := range Rules {
		x := rule{ID: r.ID, ShortDescription: message{r.Description}}
		x.DefaultConfiguration.Level = sarifLevel[r.Default]
		rules = append(rules, x)
	}
	// Problems with handoff files have rules of their own.
	for _, f := range findings {
		if !slices.ContainsFunc(rules, func(x rule) bool { return x.ID == f.Rule }) {
			x := rule{ID: f.Rule, ShortDescription: message{"A handoff file that cannot be used: " + f.Rule}}
			x.DefaultConfiguration.Level = sarifLevel[Error]
			rules = append(rules, x)
		}
	}
	results := []result{}
	for _, f := range findings {
		loc := physical{ArtifactLocation: artifact{URI: f.File, URIBaseID: "%SRCROOT%"}}
		if f.Line > 0 {
			loc.Region = &region{StartLine: f.Line, StartColumn: max(f.Col, 1)}
		}
		r := result{
			RuleID:    f.Rule,
			RuleIndex: slices.IndexFunc(rules, func(x rule) bool { return x.ID == f.Rule }),
			Level:     sarifLevel[f.Severity],
			Message:   message{f.Message},
			Locations: []location{{loc}},
		}
		if f.Found != "" {
			if f.Segment == "" && loc.Region != nil { // placed at the text found, not at its target
				loc.Region.EndColumn = f.Col + len([]rune(f.Found))
			}
			r.Properties = map[string]string{"found": f.Found}
			if f.Suggestion != "" {
				r.Properties["suggestion"] = f.Suggestion
			}
		}
		results = append(results, r)
	}
	log := map[string]any{
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		"version": "2.1.0",
		"runs": []any{map[string]any{
			"tool": map[string]any{"driver": map[string]any{
				"name":           "loctool",
				"version":        version,
				"informationUri": "https://github.com/loctool/loctool",
				"rules":          rules,
			}},
			"columnKind": "unicodeCodePoints",
			"results":    results,
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

// WriteJUnit writes findings as a JUnit XML report, as CI services show
// test results: a test suite per file checked, and a failing test case
// per finding; a file without findings has one passing case.
func WriteJUnit(w io.Writer, files []string, findings []Finding) error {
	type failure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
	type testcase struct {
		Name      string   `xml:"name,attr"`
		Classname string   `xml:"classname,attr"`
		Failure   *failure `xml:"failure,omitempty"`
	}
	type testsuite struct {
		Name     string     `xml:"name,attr"`
		Tests    int        `xml:"tests,attr"`
		Failures int        `xml:"failures,attr"`
		Cases    []testcase `xml:"testcase"`
	}
	type testsuites struct {
		XMLName  xml.Name    `xml:"testsuites"`
		Name     string      `xml:"name,attr"`
		Tests    int         `xml:"tests,attr"`
		Failures int         `xml:"failures,attr"`
		Suites   []testsuite `xml:"testsuite"`
	}
	byFile := map[string][]Finding{}
	for _, f := range findings {
		byFile[f.File] = append(byFile[f.File], f)
	}
	all := slices.Clone(files)
	for f := range byFile {
		if !slices.Contains(all, f) {
			all = append(all, f)
		}
	}
	slices.Sort(all)
	out := testsuites{Name: "loctool check"}
	for _, file := range all {
		s := testsuite{Name: file}
		for _, f := range byFile[file] {
			s.Cases = append(s.Cases, testcase{
				Name:      fmt.Sprintf("%s:%d:%d %s", f.File, f.Line, f.Col, f.Rule),
				Classname: file,
				Failure:   &failure{Message: f.Message, Type: string(f.Severity), Text: f.String()},
			})
			s.Failures++
		}
		if len(s.Cases) == 0 {
			s.Cases = []testcase{{Name: "spelling", Classname: file}}
		}
		s.Tests = len(s.Cases)
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Suites = append(out.Suites, s)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// WriteGitHub writes findings as GitHub Actions workflow commands, which
// Actions shows as annotations on the files' lines.
func WriteGitHub(w io.Writer, findings []Finding) error {
	for _, f := range findings {
		cmd := map[Severity]string{Error: "error", Warning: "warning", Info: "notice"}[f.Severity]
		at := "file=" + ghProperty(f.File)
		if f.Line > 0 {
			at += fmt.Sprintf(",line=%d", f.Line)
		}
		if f.Col > 0 {
			at += fmt.Sprintf(",col=%d", f.Col)
		}
		_, err := fmt.Fprintf(w, "::%s %s,title=%s::%s\n", cmd, at, ghProperty(f.Rule), ghData(f.Message))
		if err != nil {
			return err
		}
	}
	return nil
}

// ghData escapes a workflow command's message.
func ghData(s string) string { return ghDataEscapes.Replace(s) }

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string { return ghPropertyEscapes.Replace(s) }

var (
	ghDataEscapes     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghPropertyEscapes = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)
