package diag

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Report is what a command found, for a [Formatter] to write.
type Report struct {
	// Command is the command that ran, such as "check".
	Command string
	// Files are the files it read: JUnit lists those without problems
	// too.
	Files       []string
	Diagnostics []Diagnostic
	// Version is loctool's, for the formats that name the tool.
	Version string
}

// Formatter writes a report in one output format.
type Formatter interface {
	Format(w io.Writer, r Report) error
	// Stream writes diagnostics in the format as they come, as Format
	// writes a report of command and the version of loctool: a check of
	// a large archive can find millions of things, and none waits for
	// the others in memory.
	Stream(w io.Writer, command, version string) Stream
}

// Stream writes diagnostics as they come. Close writes what follows
// them, with the files read (JUnit lists those without problems too);
// it must be called once, last, even after an error.
type Stream interface {
	Write(d Diagnostic) error
	Close(files []string) error
}

// format writes a report through a formatter's stream.
func format(f Formatter, w io.Writer, r Report) error {
	s := f.Stream(w, r.Command, r.Version)
	for _, d := range r.Diagnostics {
		if err := s.Write(d); err != nil {
			s.Close(nil)
			return err
		}
	}
	return s.Close(r.Files)
}

// funcStream is a Stream of two functions.
type funcStream struct {
	write func(d Diagnostic) error
	close func(files []string) error
}

func (s funcStream) Write(d Diagnostic) error   { return s.write(d) }
func (s funcStream) Close(files []string) error { return s.close(files) }

// Formats are the names of the output formats, for --format.
var Formats = []string{"text", "json", "sarif", "junit", "github"}

// NewFormatter returns the formatter of a format Formats names. colour
// colours the severities of text, for a terminal.
func NewFormatter(format string, colour bool) (Formatter, error) {
	switch format {
	case "text":
		return Text{Colour: colour}, nil
	case "json":
		return JSON{}, nil
	case "sarif":
		return SARIF{}, nil
	case "junit":
		return JUnit{}, nil
	case "github":
		return GitHub{}, nil
	}
	return nil, fmt.Errorf("unknown format %q: use one of %s", format, strings.Join(Formats, ", "))
}

// Text writes diagnostics as compilers do, one to a line, each hint on
// a line of its own below it:
//
//	file:line:col: severity: message [rule]
//		hint: what to do
type Text struct {
	// Colour colours the severities, for a terminal.
	Colour bool
}

var colours = map[Severity]string{Error: "\x1b[1;31m", Warning: "\x1b[1;33m", Info: "\x1b[1;36m"}

// Format writes the report's diagnostics.
func (t Text) Format(w io.Writer, r Report) error { return format(t, w, r) }

// Stream writes each diagnostic as it comes.
func (t Text) Stream(w io.Writer, _, _ string) Stream {
	return funcStream{func(d Diagnostic) error { return t.Write(w, d) }, func([]string) error { return nil }}
}

// Write writes one diagnostic.
func (t Text) Write(w io.Writer, d Diagnostic) error {
	sev := string(d.Severity) + ":"
	if c, ok := colours[d.Severity]; ok && t.Colour {
		sev = c + sev + "\x1b[0m"
	}
	// Piece by piece, without a slice of the pieces: a check of an
	// archive writes hundreds of thousands of findings.
	var err error
	write := func(s string) {
		if err == nil {
			_, err = io.WriteString(w, s)
		}
	}
	write(Place(d.File, d.Start))
	write(": ")
	write(sev)
	write(" ")
	write(d.Message)
	if d.Rule != "" {
		write(" [")
		write(d.Rule)
		write("]")
	}
	if d.Hint != "" {
		write("\n\thint: ")
		write(d.Hint)
	}
	write("\n")
	return err
}

// JSON writes diagnostics as a JSON array.
type JSON struct{}

// Format writes the report's diagnostics.
func (j JSON) Format(w io.Writer, r Report) error { return format(j, w, r) }

// Stream writes each diagnostic as it comes, an element of the array.
func (JSON) Stream(w io.Writer, _, _ string) Stream {
	jw := newJSONWriter(w)
	n := 0
	return funcStream{func(d Diagnostic) error {
		jw.element("", n, d.json())
		n++
		return jw.err
	}, func([]string) error {
		jw.end("", n)
		jw.raw("\n")
		return jw.flush()
	}}
}

// jsonWriter writes JSON as [json.Encoder] with an indent of two spaces
// writes it, and & < > as they are, a value at a time, so that a long
// array is written as it is made rather than made whole first. Its
// first error stops it and is given by flush.
type jsonWriter struct {
	w   *bufio.Writer
	buf bytes.Buffer
	enc *json.Encoder
	// prefix is that enc indents with.
	prefix string
	err    error
}

func newJSONWriter(w io.Writer) *jsonWriter {
	jw := &jsonWriter{w: bufio.NewWriter(w)}
	jw.enc = json.NewEncoder(&jw.buf)
	jw.enc.SetEscapeHTML(false)
	return jw
}

// raw writes s as it is.
func (jw *jsonWriter) raw(s string) {
	if jw.err == nil {
		_, jw.err = jw.w.WriteString(s)
	}
}

// value writes v, indented as a value nested at the depth prefix gives,
// without a line break after it.
func (jw *jsonWriter) value(prefix string, v any) {
	if jw.err != nil {
		return
	}
	if prefix != jw.prefix {
		jw.enc.SetIndent(prefix, "  ")
		jw.prefix = prefix
	}
	jw.buf.Reset()
	if jw.err = jw.enc.Encode(v); jw.err == nil {
		_, jw.err = jw.w.Write(bytes.TrimSuffix(jw.buf.Bytes(), []byte("\n")))
	}
}

// element writes v as element i of an array at the depth prefix gives,
// with what comes before it: the array's start, or a comma.
func (jw *jsonWriter) element(prefix string, i int, v any) {
	if i == 0 {
		jw.raw("[\n")
	} else {
		jw.raw(",\n")
	}
	jw.raw(prefix + "  ")
	jw.value(prefix+"  ", v)
}

// end ends an array of n elements, without a line break after it.
func (jw *jsonWriter) end(prefix string, n int) {
	if n == 0 {
		jw.raw("[]")
		return
	}
	jw.raw("\n" + prefix + "]")
}

// flush writes what is buffered, and gives the first error.
func (jw *jsonWriter) flush() error {
	if jw.err != nil {
		return jw.err
	}
	return jw.w.Flush()
}

// diagnosticJSON is a diagnostic as JSON gives it.
type diagnosticJSON struct {
	File       string   `json:"file"`
	Line       int      `json:"line,omitempty"`
	Col        int      `json:"column,omitempty"`
	EndLine    int      `json:"endLine,omitempty"`
	EndCol     int      `json:"endColumn,omitempty"`
	Severity   Severity `json:"severity"`
	Message    string   `json:"message"`
	Rule       string   `json:"rule"`
	Hint       string   `json:"hint"`
	Found      string   `json:"found,omitempty"`
	Suggestion string   `json:"suggestion,omitempty"`
	Concept    string   `json:"concept,omitempty"`
	Unit       string   `json:"unit,omitempty"`
	Segment    string   `json:"segment,omitempty"`
	Fixes      []Fix    `json:"fixes,omitempty"`
}

// MarshalJSON writes the diagnostic with its place as line, column,
// endLine and endColumn, and leaves out what is unknown or empty. Text
// is written as it is: & < > are not escaped.
func (d Diagnostic) MarshalJSON() ([]byte, error) { return marshal(d.json()) }

// json is the diagnostic as JSON gives it.
func (d *Diagnostic) json() diagnosticJSON {
	return diagnosticJSON{
		File: d.File, Line: d.Start.Line, Col: d.Start.Col, EndLine: d.End.Line, EndCol: d.End.Col,
		Severity: d.Severity, Message: d.Message, Rule: d.Rule, Hint: d.Hint,
		Found: d.Found, Suggestion: d.Suggestion, Concept: d.Concept, Unit: d.Unit, Segment: d.Segment, Fixes: d.Fixes,
	}
}

// UnmarshalJSON reads what MarshalJSON writes.
func (d *Diagnostic) UnmarshalJSON(data []byte) error {
	var j diagnosticJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return err
	}
	*d = Diagnostic{
		File: j.File, Start: Position{j.Line, j.Col}, End: Position{j.EndLine, j.EndCol},
		Severity: j.Severity, Message: j.Message, Rule: j.Rule, Hint: j.Hint,
		Found: j.Found, Suggestion: j.Suggestion, Concept: j.Concept, Unit: j.Unit, Segment: j.Segment, Fixes: j.Fixes,
	}
	return nil
}

// editJSON is an edit as JSON gives it, its place in bytes.
type editJSON struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	NewText string `json:"newText"`
	Old     string `json:"old,omitempty"`
}

// MarshalJSON writes an edit as {"start", "end", "newText", "old"}.
func (e Edit) MarshalJSON() ([]byte, error) { return marshal(editJSON(e)) }

// marshal is json.Marshal without the escapes of & < > that would make
// the text of articles and messages hard to read.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// UnmarshalJSON reads what MarshalJSON writes.
func (e *Edit) UnmarshalJSON(data []byte) error {
	var j editJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return err
	}
	*e = Edit(j)
	return nil
}

// SARIF writes diagnostics as a SARIF 2.1.0 log, as code scanning
// services (GitHub, GitLab, Azure DevOps) take them. Paths are relative
// to the project, which SARIF calls %SRCROOT%; columns count Unicode
// code points.
type SARIF struct{}

// sarifLevel maps a severity to SARIF's result level.
var sarifLevel = map[Severity]string{Error: "error", Warning: "warning", Info: "note"}

// Format writes the report as a log of one run.
func (x SARIF) Format(w io.Writer, r Report) error { return format(x, w, r) }

// Stream writes the log's results as they come, and the rules after
// them, with those of the rules met that [Rules] does not list.
func (SARIF) Stream(w io.Writer, _, version string) Stream {
	type message struct {
		Text string `json:"text"`
	}
	type region struct {
		StartLine   int `json:"startLine,omitempty"`
		StartColumn int `json:"startColumn,omitempty"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
		// For the replacements of fixes, which are placed in bytes.
		ByteOffset *int `json:"byteOffset,omitempty"`
		ByteLength *int `json:"byteLength,omitempty"`
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
	type replacement struct {
		DeletedRegion   region   `json:"deletedRegion"`
		InsertedContent *message `json:"insertedContent,omitempty"`
	}
	type change struct {
		ArtifactLocation artifact      `json:"artifactLocation"`
		Replacements     []replacement `json:"replacements"`
	}
	type fix struct {
		Description     *message `json:"description,omitempty"`
		ArtifactChanges []change `json:"artifactChanges"`
	}
	type properties struct {
		Found      string `json:"found,omitempty"`
		Suggestion string `json:"suggestion,omitempty"`
	}
	type result struct {
		RuleID     string      `json:"ruleId"`
		RuleIndex  int         `json:"ruleIndex"`
		Level      string      `json:"level"`
		Message    message     `json:"message"`
		Locations  []location  `json:"locations"`
		Fixes      []fix       `json:"fixes,omitempty"`
		Properties *properties `json:"properties,omitempty"`
	}
	type rule struct {
		ID                   string  `json:"id"`
		ShortDescription     message `json:"shortDescription"`
		DefaultConfiguration struct {
			Level string `json:"level"`
		} `json:"defaultConfiguration"`
	}
	var rules []rule
	ruleIndex := map[string]int{}
	addRule := func(id, description string, level Severity) {
		ru := rule{ID: id, ShortDescription: message{description}}
		ru.DefaultConfiguration.Level = sarifLevel[level]
		ruleIndex[id] = len(rules)
		rules = append(rules, ru)
	}
	for _, x := range Rules {
		addRule(x.ID, x.Description, x.Default)
	}
	resultOf := func(d *Diagnostic) any {
		if _, ok := ruleIndex[d.Rule]; !ok {
			addRule(d.Rule, d.Rule, Error)
		}
		file := artifact{URI: d.File, URIBaseID: "%SRCROOT%"}
		loc := physical{ArtifactLocation: file}
		if d.Start.Known() {
			loc.Region = &region{StartLine: d.Start.Line, StartColumn: max(d.Start.Col, 1)}
			switch {
			case d.End.Known():
				loc.Region.EndLine, loc.Region.EndColumn = d.End.Line, max(d.End.Col, 1)
			case d.Found != "" && d.Segment == "": // placed at the text found, not at its target
				loc.Region.EndColumn = loc.Region.StartColumn + utf8.RuneCountInString(d.Found)
			}
		}
		res := result{
			RuleID:    d.Rule,
			RuleIndex: ruleIndex[d.Rule],
			Level:     sarifLevel[d.Severity],
			Message:   message{d.Message},
			Locations: []location{{loc}},
		}
		for _, f := range d.Fixes {
			c := change{ArtifactLocation: file}
			for _, e := range f.Edits {
				off, n := e.Start, e.End-e.Start
				rep := replacement{DeletedRegion: region{ByteOffset: &off, ByteLength: &n}}
				if e.NewText != "" {
					rep.InsertedContent = &message{e.NewText}
				}
				c.Replacements = append(c.Replacements, rep)
			}
			x := fix{ArtifactChanges: []change{c}}
			if f.Message != "" {
				x.Description = &message{f.Message}
			}
			res.Fixes = append(res.Fixes, x)
		}
		if d.Found != "" {
			res.Properties = &properties{Found: d.Found, Suggestion: d.Suggestion}
		}
		return res
	}
	// The log is written a result at a time, its keys in the order
	// encoding/json gives a map's.
	jw := newJSONWriter(w)
	jw.raw("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"runs\": [\n    {\n")
	jw.raw("      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": ")
	n := 0
	return funcStream{func(d Diagnostic) error {
		jw.element("      ", n, resultOf(&d))
		n++
		return jw.err
	}, func([]string) error {
		jw.end("      ", n)
		tool := map[string]any{"driver": map[string]any{
			"name":           "loctool",
			"version":        version,
			"informationUri": "https://github.com/loctool/loctool",
			"rules":          rules,
		}}
		jw.raw(",\n      \"tool\": ")
		jw.value("      ", tool)
		jw.raw("\n    }\n  ],\n  \"version\": \"2.1.0\"\n}\n")
		return jw.flush()
	}}
}

// GitHub writes diagnostics as GitHub Actions workflow commands, which
// Actions shows as annotations on the files' lines.
type GitHub struct{}

// Format writes a command per diagnostic.
func (g GitHub) Format(w io.Writer, r Report) error { return format(g, w, r) }

// Stream writes a command per diagnostic as it comes.
func (GitHub) Stream(w io.Writer, _, _ string) Stream {
	return funcStream{func(d Diagnostic) error {
		cmd := map[Severity]string{Error: "error", Warning: "warning", Info: "notice"}[d.Severity]
		at := "file=" + ghProperty(d.File)
		if d.Start.Line > 0 {
			at += fmt.Sprintf(",line=%d", d.Start.Line)
		}
		if d.Start.Col > 0 {
			at += fmt.Sprintf(",col=%d", d.Start.Col)
		}
		_, err := fmt.Fprintf(w, "::%s %s,title=%s::%s\n", cmd, at, ghProperty(d.Rule), ghData(d.Message))
		return err
	}, func([]string) error { return nil }}
}

// ghData escapes a workflow command's message.
func ghData(s string) string { return ghDataEscapes.Replace(s) }

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string { return ghPropertyEscapes.Replace(s) }

var (
	ghDataEscapes     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghPropertyEscapes = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)
