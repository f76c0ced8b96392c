package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/loctool/loctool/project"
)

type mergeOptions struct {
	io       *ioStreams
	Handoffs []string
	Out      string
	Missing  string
	DryRun   bool
	JSON     bool
}

func newCmdMerge(streams *ioStreams, runF func(*mergeOptions) error) *cobra.Command {
	opts := &mergeOptions{io: streams}
	cmd := &cobra.Command{
		Use:   "merge [HANDOFF...]",
		Short: "Build the translated articles from the returned handoff files",
		Long: `Build each localised article, in its original format and layout, from
the handoff file translators returned: XLIFF 1.2 (OmegaT's output too),
XLIFF 2.x or go-i18n JSON. The article goes to <output>/<lang>/<article>,
or under --out.

With no HANDOFF, merge takes every handoff file under the locales folder.

merge reads each article as it is now and checks every translation
against it. A translation made for a sentence that has changed since is
stale: it is reported and not used, and so is a translation marked for
review (extract marks a changed sentence's old translation so). A
sentence with no usable translation
fails the merge (--missing=fail, the default) or keeps its source text
(--missing=source). A file whose target language is not its folder's, or
whose original path leads out of the project, or whose translations drop
or add tags, is refused. When anything fails, nothing is written; each
article is written atomically.`,
		Example: `  # Merge everything that came back
  loctool merge

  # Merge one file into another folder
  loctool merge --out /tmp/preview locales/ru/articles/ablyazov-amnesty.txt.xlf

  # Publish what is translated, with the source text for the rest
  loctool merge --missing=source

  # A report for scripts, problems included
  loctool merge --json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Handoffs = args
			if opts.Missing != project.MissingFail && opts.Missing != project.MissingSource {
				return usageError(fmt.Errorf("--missing is %q", opts.Missing), "use --missing=fail or --missing=source")
			}
			if runF != nil {
				return runF(opts)
			}
			return mergeRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Out, "out", "", "the `folder` for merged articles (default: the configuration's output)")
	cmd.Flags().StringVar(&opts.Missing, "missing", project.MissingFail, "what to do with sentences without a usable translation: fail or source")
	cmd.Flags().BoolVar(&opts.DryRun, "dry-run", false, "list the articles that would be written, and write nothing")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the report, problems included, as JSON")
	return cmd
}

func mergeRun(opts *mergeOptions) error {
	p, err := openProject(opts.io, true)
	if err != nil {
		return err
	}
	var handoffs []string
	for _, h := range opts.Handoffs {
		abs, err := filepath.Abs(h)
		if err != nil {
			return err
		}
		rel, err := project.Rel(p.Root, abs)
		if err != nil {
			return usageError(fmt.Errorf("%s is outside the project %s", h, p.Root))
		}
		handoffs = append(handoffs, rel)
	}
	out := opts.Out
	if out != "" {
		if out, err = filepath.Abs(out); err != nil {
			return err
		}
	}
	if !opts.DryRun {
		unlock, err := lockProject(p, "merge")
		if err != nil {
			return err
		}
		defer unlock()
	}
	update, finish := progress(opts.io, "merge")
	plan, report, err := p.Merge(project.MergeOptions{Handoffs: handoffs, Out: out, Missing: opts.Missing, Progress: update})
	finish()
	if err != nil {
		return err
	}
	changed, err := plan.Changed(p.Root)
	if err != nil {
		return err
	}
	if len(report.Files) == 0 {
		warnNothing(opts.io, p, "handoff file")
	}
	if opts.JSON {
		if !report.Failed() && !opts.DryRun {
			if err := apply(plan, p); err != nil {
				return err
			}
		}
		if err := printJSON(opts.io.out, mergeJSON(report, changed, opts.DryRun)); err != nil {
			return err
		}
		if report.Failed() {
			return failure(errors.New("merge failed: nothing was written"))
		}
		return nil
	}
	for _, m := range report.Files {
		printDiagnostics(opts.io, m.Handoff, m.Diagnostics)
	}
	if report.Failed() {
		return failure(errors.New("merge failed: nothing was written"))
	}
	if opts.DryRun {
		dryRun(opts.io, changed)
		return nil
	}
	if err := apply(plan, p); err != nil {
		return err
	}
	for _, m := range report.Files {
		if !m.Skipped {
			fmt.Fprintf(opts.io.out, "%s: %d of %d %s translated\n", m.Output, m.Translated, m.Segments, plural(m.Segments, "sentence", "sentences"))
		}
	}
	return nil
}

// mergeReportJSON is the report of loctool merge --json.
type mergeReportJSON struct {
	OK      bool          `json:"ok"`
	DryRun  bool          `json:"dryRun"`
	Files   []mergedJSON  `json:"files"`
	Written []writtenJSON `json:"written"`
}

type mergedJSON struct {
	Lang    string `json:"lang"`
	Handoff string `json:"handoff"`
	Article string `json:"article,omitempty"`
	Output  string `json:"output,omitempty"`
	Skipped bool   `json:"skipped,omitempty"`
	project.Count
	Diagnostics []project.Diagnostic `json:"diagnostics"`
}

func mergeJSON(r *project.MergeReport, changed []project.Write, dry bool) mergeReportJSON {
	out := mergeReportJSON{OK: !r.Failed(), DryRun: dry, Files: []mergedJSON{}, Written: []writtenJSON{}}
	if !r.Failed() {
		out.Written = writtenOf(changed)
	}
	for _, m := range r.Files {
		out.Files = append(out.Files, mergedJSON{
			Lang: m.Lang.String(), Handoff: m.Handoff, Article: m.Article, Output: m.Output, Skipped: m.Skipped,
			Count:       m.Count,
			Diagnostics: append([]project.Diagnostic{}, m.Diagnostics...),
		})
	}
	return out
}

// mostListed is how many untranslated sentences merge lists per file; a
// file sent out a moment ago would otherwise fill the screen.
const mostListed = 10

// printDiagnostics prints a file's diagnostics, the untranslated
// sentences up to mostListed.
func printDiagnostics(io *ioStreams, file string, ds []project.Diagnostic) {
	listed, more := 0, 0
	for _, d := range ds {
		if d.Rule == project.RuleMissing && strings.HasPrefix(d.Msg, "segment ") {
			if listed == mostListed {
				more++
				continue
			}
			listed++
		}
		fmt.Fprintln(io.errOut, d)
	}
	if more > 0 {
		fmt.Fprintf(io.errOut, "%s: note: %d more untranslated %s not listed; loctool merge --json lists them all\n", file, more, plural(more, "sentence is", "sentences are"))
	}
}
