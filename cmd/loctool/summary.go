package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/loctool/loctool/project"
)

// dryRun lists the files a plan would write or remove.
func dryRun(io *ioStreams, changed []project.Write) {
	for _, w := range changed {
		if w.Remove {
			fmt.Fprintf(io.out, "would remove %s (%s)\n", w.Path, w.Why)
			continue
		}
		fmt.Fprintf(io.out, "would write %s (%s, %d bytes)\n", w.Path, w.Why, w.Len())
	}
	if len(changed) == 0 {
		fmt.Fprintln(io.out, "nothing to write: every file is up to date")
	}
}

// writtenJSON is a file written or removed, or that a dry run would
// write or remove.
type writtenJSON struct {
	Path    string `json:"path"`
	What    string `json:"what"`
	Removed bool   `json:"removed,omitempty"`
}

func writtenOf(changed []project.Write) []writtenJSON {
	out := make([]writtenJSON, len(changed))
	for i, w := range changed {
		out[i] = writtenJSON{w.Path, w.Why, w.Remove}
	}
	return out
}

// summary tells, per language, what extract did.
func summary(io *ioStreams, r *project.ExtractReport) {
	for _, f := range r.Files {
		if f.Err == nil {
			summaryLine(io.out, f)
		}
	}
}

// summaryLine tells what extract did to one file.
func summaryLine(w io.Writer, f project.Extracted) {
	c := f.Carried
	var parts []string
	if c.Kept > 0 {
		parts = append(parts, fmt.Sprintf("%d %s kept", c.Kept, plural(c.Kept, "translation", "translations")))
		if c.Respelt > 0 {
			parts[len(parts)-1] += fmt.Sprintf(" (%d through a change of spelling)", c.Respelt)
		}
	}
	if c.Review > 0 {
		parts = append(parts, fmt.Sprintf("%d to review", c.Review))
	}
	if c.Settled > 0 {
		parts = append(parts, fmt.Sprintf("%d with nothing to translate", c.Settled))
	}
	if c.Restored > 0 {
		parts = append(parts, fmt.Sprintf("%d restored from the obsolete translations", c.Restored))
	}
	if c.Obsolete > 0 {
		parts = append(parts, fmt.Sprintf("%d obsolete", c.Obsolete))
	}
	if c.Notes > 0 {
		parts = append(parts, fmt.Sprintf("%d %s kept", c.Notes, plural(c.Notes, "note", "notes")))
	}
	if c.Orphaned > 0 {
		parts = append(parts, fmt.Sprintf("%d %s of removed paragraphs kept with the obsolete translations", c.Orphaned, plural(c.Orphaned, "note", "notes")))
	}
	extra := ""
	if len(parts) > 0 {
		extra = ": " + strings.Join(parts, ", ")
	}
	fmt.Fprintf(w, "%s: %d %s%s\n", f.Path, f.Segments, plural(f.Segments, "segment", "segments"), extra)
}
