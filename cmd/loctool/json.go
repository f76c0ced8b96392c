package main

// The reports of --json, for scripts.

import (
	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/project"
)

// extractReportJSON is the report of loctool extract --json.
type extractReportJSON struct {
	DryRun  bool            `json:"dryRun"`
	Files   []extractedJSON `json:"files"`
	Written []writtenJSON   `json:"written"`
	// Diagnostics are what the readers of the glossary and the
	// segmentation rules read past.
	Diagnostics []diag.Diagnostic `json:"diagnostics"`
}

type extractedJSON struct {
	Lang        string            `json:"lang"`
	Article     string            `json:"article"`
	Handoff     string            `json:"handoff"`
	Segments    int               `json:"segments"`
	Kept        int               `json:"kept"`
	Respelt     int               `json:"respelt"`
	Review      int               `json:"needsReview"`
	New         int               `json:"new"`
	Obsolete    int               `json:"obsolete"`
	Restored    int               `json:"restored"`
	Settled     int               `json:"nothingToTranslate"`
	Notes       int               `json:"notes"`
	Orphaned    int               `json:"orphanedNotes"`
	Diagnostics []diag.Diagnostic `json:"diagnostics"`
}

func extractJSON(r *project.ExtractReport, changed []project.Write, dry bool, warnings []diag.Diagnostic) extractReportJSON {
	out := extractReportJSON{DryRun: dry, Files: []extractedJSON{}, Written: writtenOf(changed), Diagnostics: append([]diag.Diagnostic{}, warnings...)}
	for _, f := range r.Files {
		c := f.Carried
		out.Files = append(out.Files, extractedJSON{
			Lang: f.Lang.String(), Article: f.Article, Handoff: f.Path, Segments: f.Segments,
			Kept: c.Kept, Respelt: c.Respelt, Review: c.Review, New: c.New, Obsolete: c.Obsolete, Restored: c.Restored,
			Notes: c.Notes, Orphaned: c.Orphaned, Settled: c.Settled,
			Diagnostics: append([]diag.Diagnostic{}, f.Diagnostics...),
		})
	}
	return out
}

// mergeReportJSON is the report of loctool merge --json.
type mergeReportJSON struct {
	OK      bool          `json:"ok"`
	DryRun  bool          `json:"dryRun"`
	Files   []mergedJSON  `json:"files"`
	Written []writtenJSON `json:"written"`
	// Diagnostics are what the reader of the segmentation rules read
	// past.
	Diagnostics []diag.Diagnostic `json:"diagnostics"`
}

type mergedJSON struct {
	Lang    string `json:"lang"`
	Handoff string `json:"handoff"`
	Article string `json:"article,omitempty"`
	Output  string `json:"output,omitempty"`
	Skipped bool   `json:"skipped,omitempty"`
	project.Count
	Diagnostics []diag.Diagnostic `json:"diagnostics"`
}

func mergeJSON(r *project.MergeReport, changed []project.Write, dry bool, warnings []diag.Diagnostic) mergeReportJSON {
	out := mergeReportJSON{OK: !r.Failed(), DryRun: dry, Files: []mergedJSON{}, Written: []writtenJSON{}, Diagnostics: append([]diag.Diagnostic{}, warnings...)}
	out.Written = writtenOf(changed) // none when a failed merge planned none
	for _, m := range r.Files {
		out.Files = append(out.Files, mergedJSON{
			Lang: m.Lang.String(), Handoff: m.Handoff, Article: m.Article, Output: m.Output, Skipped: m.Skipped,
			Count:       m.Count,
			Diagnostics: append([]diag.Diagnostic{}, m.Diagnostics...),
		})
	}
	return out
}
