package main

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/loctool/loctool/project"
)

type mergeOptions struct {
	io       *ioStreams
	Handoffs []string
	Out      string
	Missing  string
	DryRun   bool
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
  loctool merge --missing=source`,
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
	return cmd
}

func mergeRun(opts *mergeOptions) error {
	p, err := openProject(opts.io)
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
	update, finish := progress(opts.io, "merge")
	plan, report, err := p.Merge(project.MergeOptions{Handoffs: handoffs, Out: out, Missing: opts.Missing, Progress: update})
	finish()
	if err != nil {
		return err
	}
	for _, m := range report.Files {
		for _, d := range m.Diagnostics {
			fmt.Fprintln(opts.io.errOut, d)
		}
	}
	if report.Failed() {
		return failure(errors.New("merge failed: nothing was written"))
	}
	if opts.DryRun {
		return dryRun(opts.io, p, plan)
	}
	if _, err := plan.Apply(p.Root); err != nil {
		return err
	}
	for _, m := range report.Files {
		fmt.Fprintf(opts.io.out, "%s: %d of %d sentences translated\n", m.Output, m.Translated, m.Segments)
	}
	return nil
}
