// Package diag is loctool's one kind of diagnostic: a problem found at a
// place in a file, with the rule that found it, its severity, a hint of
// what to do, and the edits that fix it when loctool knows them.
//
// Every stage of loctool reports through it: extract, merge and status
// when a handoff file or an article cannot be used, check for what its
// rules find, and the readers of handoff files, articles, glossaries and
// configuration, whose errors turn into diagnostics with [FromError].
// [Rules] lists every rule; the [Formatter]s write diagnostics as text,
// JSON, SARIF, JUnit XML or GitHub Actions annotations.
package diag

import (
	"slices"
	"strings"

	"github.com/loctool/loctool/internal/place"
)

// Severity is how serious a diagnostic is.
type Severity string

// The severities, from the most serious.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Rank orders severities: Error ranks highest, an unknown severity 0.
func (s Severity) Rank() int {
	switch s {
	case Error:
		return 3
	case Warning:
		return 2
	case Info:
		return 1
	}
	return 0
}

// Position is a place in a file: a 1-based line and column, the column
// counted in characters (Unicode code points) everywhere. A zero Line is
// an unknown place, and a zero Col an unknown column.
type Position struct {
	Line, Col int
}

// Known reports whether the position names a line.
func (p Position) Known() bool { return p.Line > 0 }

// Diagnostic is a problem at a place in a file.
type Diagnostic struct {
	// File is the file's path, relative to the project where it is in
	// it, with forward slashes.
	File string
	// Start is where the problem is, and End where it ends, when known.
	Start, End Position
	Severity   Severity
	// Rule names the kind of problem, as [Rules] lists it.
	Rule    string
	Message string
	// Hint says what to do, when the message does not.
	Hint string
	// Found is the text as written, and Suggestion what to write
	// instead, where they apply; Concept is the glossary concept the
	// text is a spelling of.
	Found, Suggestion, Concept string
	// Unit and Segment name the segment of a handoff file the diagnostic
	// is about.
	Unit, Segment string
	// Fixes are edits of File that mend the problem; check --fix applies
	// the first.
	Fixes []Fix
}

// Fix is a change that mends a problem: edits of the diagnostic's file.
type Fix struct {
	Message string `json:"message"`
	Edits   []Edit `json:"edits"`
}

// Edit replaces the bytes Start to End of a file with NewText.
type Edit struct {
	Start, End int
	NewText    string
	// Old is what the edit replaces, when known: an edit is not applied
	// where the file no longer holds it.
	Old string
}

// ApplyEdits returns src with the edits made, in order of place, and
// the edits it made. An edit that overlaps one before it, lies outside
// src, or whose Old text is not there is left out.
func ApplyEdits(src []byte, edits []Edit) ([]byte, []Edit) {
	edits = slices.Clone(edits)
	slices.SortStableFunc(edits, func(a, b Edit) int { return a.Start - b.Start })
	var out []byte
	var made []Edit
	pos := 0
	for _, e := range edits {
		if e.Start < pos || e.End < e.Start || e.End > len(src) || e.Old != "" && string(src[e.Start:e.End]) != e.Old {
			continue
		}
		out = append(append(out, src[pos:e.Start]...), e.NewText...)
		pos = e.End
		made = append(made, e)
	}
	if made == nil {
		return src, nil
	}
	return append(out, src[pos:]...), made
}

// String writes the diagnostic as compilers write theirs:
// file:line:col: severity: message [rule].
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(Place(d.File, d.Start))
	b.WriteString(": ")
	b.WriteString(string(d.Severity))
	b.WriteString(": ")
	b.WriteString(d.Message)
	if d.Rule != "" {
		b.WriteString(" [")
		b.WriteString(d.Rule)
		b.WriteString("]")
	}
	return b.String()
}

// Place writes file:line:col, leaving out a column or line that is
// unknown.
func Place(file string, p Position) string { return place.String(file, p.Line, p.Col) }

// Located is an error at a place in a file that knows its diagnostic:
// the errors of loctool's readers.
type Located interface {
	error
	Diagnostic() Diagnostic
}

// FromError turns err into diagnostics. A [Located] error gives its own;
// errors joined with errors.Join give one each; any other error is an
// error diagnostic of file, with rule and err's text as its message.
func FromError(file, rule string, err error) []Diagnostic {
	if err == nil {
		return nil
	}
	if l, ok := err.(Located); ok {
		return []Diagnostic{l.Diagnostic()}
	}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		var out []Diagnostic
		for _, e := range joined.Unwrap() {
			out = append(out, FromError(file, rule, e)...)
		}
		if out != nil {
			return out
		}
	}
	return []Diagnostic{{File: file, Severity: Error, Rule: rule, Message: err.Error()}}
}
