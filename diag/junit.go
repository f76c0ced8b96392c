package diag

import (
	"bufio"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
)

// JUnit writes diagnostics as a JUnit XML report, as CI services show
// test results: a test suite per file, in order of path, and a failing
// test case per diagnostic, in the order they came; a file without any
// has one passing case.
type JUnit struct{}

// Format writes the report.
func (j JUnit) Format(w io.Writer, r Report) error { return format(j, w, r) }

// Stream writes the report when it is closed: the report starts with
// the counts of the cases, and groups them by file. Until then, the
// diagnostics wait in a temporary file, and only the counts of each
// file and where its diagnostics lie in the temporary file are held.
func (JUnit) Stream(w io.Writer, command, _ string) Stream {
	return &junitStream{w: w, command: command, spans: map[string][]span{}}
}

type junitStream struct {
	w       io.Writer
	command string
	spill   *os.File // the diagnostics, a JSON value a line; nil until the first
	buf     *bufio.Writer
	off     int64
	// spans are where each file's diagnostics lie in spill, with how
	// many each holds: diagnostics come by file, so there are few.
	spans map[string][]span
	last  string // the file of the last diagnostic
	err   error
}

// span is a stretch of junitStream.spill.
type span struct {
	start, end int64
	n          int
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitCase struct {
	XMLName   xml.Name      `xml:"testcase"`
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
}

// Write puts a diagnostic aside, in the temporary file.
func (s *junitStream) Write(d Diagnostic) error {
	if s.err != nil {
		return s.err
	}
	if s.spill == nil {
		if s.spill, s.err = os.CreateTemp("", "loctool-junit-*"); s.err != nil {
			s.err = fmt.Errorf("cannot write the JUnit report's cases aside: %w", s.err)
			return s.err
		}
		s.buf = bufio.NewWriter(s.spill)
	}
	d.Fixes = nil // not in the report
	data, err := json.Marshal(d)
	if err != nil {
		s.err = err
		return err
	}
	spans := s.spans[d.File]
	if d.File != s.last || len(spans) == 0 {
		spans = append(spans, span{start: s.off, end: s.off})
		s.last = d.File
	}
	if _, s.err = s.buf.Write(append(data, '\n')); s.err != nil {
		return s.err
	}
	s.off += int64(len(data) + 1)
	spans[len(spans)-1].end = s.off
	spans[len(spans)-1].n++
	s.spans[d.File] = spans
	return nil
}

// Close writes the report, and removes the temporary file.
func (s *junitStream) Close(files []string) error {
	if s.spill != nil {
		defer os.Remove(s.spill.Name())
		defer s.spill.Close()
		if s.err == nil {
			s.err = s.buf.Flush()
		}
	}
	if s.err != nil {
		return s.err
	}
	all := slices.Clone(files)
	for f := range maps.Keys(s.spans) {
		if !slices.Contains(all, f) {
			all = append(all, f)
		}
	}
	slices.Sort(all)
	all = slices.Compact(all)
	failures := func(file string) int {
		n := 0
		for _, sp := range s.spans[file] {
			n += sp.n
		}
		return n
	}
	tests, failed := 0, 0
	for _, f := range all {
		n := failures(f)
		tests += max(n, 1)
		failed += n
	}
	if _, err := io.WriteString(s.w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(s.w)
	enc.Indent("", "  ")
	attr := func(name, value string) xml.Attr { return xml.Attr{Name: xml.Name{Local: name}, Value: value} }
	count := func(name string, n int) xml.Attr { return attr(name, fmt.Sprint(n)) }
	suites := xml.StartElement{Name: xml.Name{Local: "testsuites"},
		Attr: []xml.Attr{attr("name", strings.TrimSpace("loctool "+s.command)), count("tests", tests), count("failures", failed)}}
	if err := enc.EncodeToken(suites); err != nil {
		return err
	}
	for _, file := range all {
		n := failures(file)
		suite := xml.StartElement{Name: xml.Name{Local: "testsuite"}, Attr: []xml.Attr{attr("name", file), count("tests", max(n, 1)), count("failures", n)}}
		if err := enc.EncodeToken(suite); err != nil {
			return err
		}
		if n == 0 {
			if err := enc.Encode(junitCase{Name: strings.TrimSpace(s.command + " " + file), Classname: file}); err != nil {
				return err
			}
		}
		for _, sp := range s.spans[file] {
			dec := json.NewDecoder(io.NewSectionReader(s.spill, sp.start, sp.end-sp.start))
			for range sp.n {
				var d Diagnostic
				if err := dec.Decode(&d); err != nil {
					return fmt.Errorf("cannot read back the JUnit report's cases: %w", err)
				}
				c := junitCase{Name: fmt.Sprintf("%s:%d:%d %s", d.File, d.Start.Line, d.Start.Col, d.Rule), Classname: file,
					Failure: &junitFailure{Message: d.Message, Type: string(d.Severity), Text: d.String()}}
				if err := enc.Encode(c); err != nil {
					return err
				}
			}
		}
		if err := enc.EncodeToken(suite.End()); err != nil {
			return err
		}
	}
	if err := enc.EncodeToken(suites.End()); err != nil {
		return err
	}
	if err := enc.Flush(); err != nil {
		return err
	}
	_, err := io.WriteString(s.w, "\n")
	return err
}
