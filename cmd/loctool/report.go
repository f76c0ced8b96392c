package main

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"

	"github.com/aymanbagabas/go-udiff"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/internal/atomicfile"
	"github.com/loctool/loctool/project"
)

// printDiagnostics writes diagnostics for people, on standard error,
// coloured on a terminal.
func printDiagnostics(io *ioStreams, ds []diag.Diagnostic) {
	(diag.Text{Colour: io.errIsTerminal}).Format(io.errOut, diag.Report{Diagnostics: ds})
}

// printJSON writes v, indented.
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// plural returns one when n is 1, and many otherwise.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// fails when there are any.
func printDiff(io *ioStreams, root string, plan *project.Plan) error {
	for _, w := range plan.Writes {
		path := w.Path
		if !filepath.IsAbs(path) {
			path = filepath.Join(root, filepath.FromSlash(path))
		}
		old, err := atomicfile.ReadRegular(path)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(w.Path)
		if rel, err := filepath.Rel(root, path); err == nil && filepath.IsAbs(w.Path) {
			name = filepath.ToSlash(rel)
		}
		fmt.Fprint(io.out, udiff.Unified("a/"+name, "b/"+name, string(old), string(w.Data)))
	}
	if n := len(plan.Writes); n > 0 {
		return failure(fmt.Errorf("%d %s to fix", n, plural(n, "file", "files")), "run loctool check --fix to write the changes")
	}
	return nil
}

// tally counts diagnostics by severity.
type tally map[diag.Severity]int

func (t tally) add(d diag.Diagnostic) { t[d.Severity]++ }

// failing fails when a diagnostic counted is at least as severe as
// least.
func (t tally) failing(least diag.Severity, files int) error {
	n := 0
	for sev, k := range t {
		if least != "" && sev.Rank() >= least.Rank() {
			n += k
		}
	}
	if n == 0 {
		return nil
	}
	return failure(fmt.Errorf("%d %s, %d %s in %d %s", t[diag.Error], plural(t[diag.Error], "error", "errors"),
		t[diag.Warning], plural(t[diag.Warning], "warning", "warnings"), files, plural(files, "file", "files")))
}

// mostListed is how many untranslated sentences merge lists per file; a
// file sent out a moment ago would otherwise fill the screen.
const mostListed = 10

// listed returns the diagnostics of a file to print: the untranslated
// sentences up to mostListed, and how many more there are.
func listed(ds []diag.Diagnostic) (out []diag.Diagnostic, more int) {
	n := 0
	for _, d := range ds {
		if d.Rule == diag.TargetMissing && d.Segment != "" {
			if n == mostListed {
				more++
				continue
			}
			n++
		}
		out = append(out, d)
	}
	return out, more
}
