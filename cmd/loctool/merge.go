package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/project"
)

type mergeOptions struct {
	io       *ioStreams
	Handoffs []string
	Out      string
	Missing  string
	DryRun   bool
	JSON     bool
	// KeepGoing publishes the files that succeed when others fail.
	KeepGoing bool
}

func newCmdMerge(streams *ioStreams, runF func(*mergeOptions) error) *cobra.Command {
	opts := &mergeOptions{io: streams}
	cmd := &cobra.Command{
		Use:     "merge [HANDOFF...]",
		Short:   "Build the translated articles from the returned handoff files",
		Long:    mergeHelp,
		Example: mergeExamples,
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
	cmd.Flags().BoolVar(&opts.KeepGoing, "keep-going", false, "merge the files that succeed, and list those that fail")
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
	// Each article is written beside its place as it is built, and the
	// batch renamed into place at the end; a dry run only lists them.
	output := project.Staged
	if opts.DryRun {
		output = project.Listed
	}
	update, finish := progress(opts.io, "merge")
	mopts := project.MergeOptions{Handoffs: handoffs, Out: out, Missing: opts.Missing, KeepGoing: opts.KeepGoing, Progress: update, Output: output}
	// The problems and the line of each file merged wait on disk, not in
	// memory, to be printed: the problems once every file is merged, the
	// lines once the articles are written.
	var problems, lines *spool
	if !opts.JSON && !opts.KeepGoing {
		problems, lines = newSpool(), newSpool()
		defer problems.close()
		defer lines.close()
		if problems != nil && lines != nil {
			colour := opts.io.errIsTerminal
			mopts.Each = func(m project.Merged) {
				lines.n++
				printMerged(problems.w, colour, m)
				if !m.Skipped && m.Err == nil {
					mergedLine(lines.w, m)
				}
			}
		}
	}
	plan, report, err := p.Merge(mopts)
	finish()
	defer plan.Discard()
	var oe *project.OutputError
	if errors.As(err, &oe) {
		return usageError(err, "nothing was written: give merge a folder of its own, with --out or output: in config.yaml, such as a new, empty one")
	}
	if err != nil {
		return err
	}
	changed, err := plan.Changed(p.Root)
	if err != nil {
		return err
	}
	if len(report.Files) == 0 && lines.count() == 0 {
		noHandoffs(opts.io, p)
	}
	if !opts.JSON {
		printDiagnostics(opts.io, p.Rules().Diagnostics())
		if mopts.Each != nil {
			if err := problems.copyTo(opts.io.errOut); err != nil {
				return err
			}
		} else {
			for _, m := range report.Files {
				printMerged(opts.io.errOut, opts.io.errIsTerminal, m)
			}
		}
	}
	if report.Failed() && !opts.KeepGoing {
		if opts.JSON {
			printJSON(opts.io.out, mergeJSON(report, changed, opts.DryRun, p.Rules().Diagnostics()))
		}
		return failure(errors.New("merge failed: nothing was written"))
	}
	if !opts.DryRun {
		if err := apply(plan, p); err != nil {
			return err
		}
	}
	switch {
	case opts.JSON:
		if err := printJSON(opts.io.out, mergeJSON(report, changed, opts.DryRun, p.Rules().Diagnostics())); err != nil {
			return err
		}
	case opts.DryRun:
		dryRun(opts.io, changed)
	default:
		if err := lines.copyTo(opts.io.out); err != nil {
			return err
		}
		for _, m := range report.Files {
			if !m.Skipped && m.Err == nil {
				mergedLine(opts.io.out, m)
			}
		}
	}
	return keptGoing(report)
}

// printMerged writes the problems of a file merged, for people,
// coloured when colour is set: the untranslated sentences up to
// mostListed, and how many more there are.
func printMerged(w io.Writer, colour bool, m project.Merged) {
	ds, more := listed(m.Diagnostics)
	(diag.Text{Colour: colour}).Format(w, diag.Report{Diagnostics: ds})
	if more > 0 {
		fmt.Fprintf(w, "%s: note: %d more untranslated %s not listed; loctool merge --json lists them all\n", m.Handoff, more, plural(more, "sentence is", "sentences are"))
	}
}

// mergedLine says what merge wrote of one file.
func mergedLine(w io.Writer, m project.Merged) {
	fmt.Fprintf(w, "%s: %d of %d %s translated\n", m.Output, m.Translated, m.Segments, plural(m.Segments, "sentence", "sentences"))
}

// keptGoing fails, under --keep-going, for the files that were not
// merged, naming them.
func keptGoing(r *project.MergeReport) error {
	var failed []string
	for _, m := range r.Files {
		if m.Err != nil {
			failed = append(failed, m.Handoff)
		}
	}
	if len(failed) == 0 {
		return nil
	}
	return failure(fmt.Errorf("%d of %d %s not merged: %s", len(failed), len(r.Files), plural(len(r.Files), "file was", "files were"), strings.Join(failed, ", ")),
		"the others were merged; fix these, and merge them again")
}
