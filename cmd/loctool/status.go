package main

import (
	"fmt"
	"math"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/loctool/loctool/project"
)

type statusOptions struct {
	io    *ioStreams
	Langs []language.Tag
	JSON  bool
}

func newCmdStatus(streams *ioStreams, runF func(*statusOptions) error) *cobra.Command {
	opts := &statusOptions{io: streams}
	var langs string
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show how far each language has come",
		Long: `Show, for each target language and article, how many sentences and
words there are, and how many are translated, need review, are stale
(translated from a source that has changed since) or are missing. The
handoff files are checked against the articles as they are now, as merge
checks them. --json gives the same data for machines.`,
		Example: `  # A table per language
  loctool status

  # Russian only, for a script
  loctool status --lang ru --json`,
		Args: maxArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.Langs, err = parseLangs(langs); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return statusRun(opts)
		},
	}
	cmd.Flags().StringVar(&langs, "lang", "", "target `languages`, separated by commas (default: the configuration's targets)")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the status as JSON")
	return cmd
}

// statusJSON is a row of loctool status --json.
type statusJSON struct {
	Lang    string `json:"lang"`
	Article string `json:"article"`
	Handoff string `json:"handoff,omitempty"`
	project.Count
	Done float64 `json:"percentDone"`
	// Errors and Warnings count what loctool check finds in the
	// handoff file.
	Errors   int    `json:"errors"`
	Warnings int    `json:"warnings"`
	Error    string `json:"error,omitempty"`
}

func statusRun(opts *statusOptions) error {
	p, err := openProject(opts.io, true)
	if err != nil {
		return err
	}
	useGlossaries(p, nil)
	rows, err := p.Status(opts.Langs)
	if err != nil {
		return glossaryError(err)
	}
	if len(rows) == 0 {
		noArticles(opts.io, p)
	}
	// What the readers of the glossary and the segmentation rules read
	// past, on standard error, with --json too: its rows are the
	// articles'.
	g, _ := p.Glossary() // loaded once, by Status
	printDiagnostics(opts.io, g.Diagnostics())
	printDiagnostics(opts.io, p.Rules().Diagnostics())
	if opts.JSON {
		out := make([]statusJSON, 0, len(rows))
		for _, r := range rows {
			j := statusJSON{Lang: r.Lang.String(), Article: r.Article, Handoff: r.Handoff, Count: r.Count, Done: math.Round(r.Done()*10) / 10,
				Errors: r.Errors, Warnings: r.Warnings}
			if r.Err != nil {
				j.Error = r.Err.Error()
			}
			out = append(out, j)
		}
		if err := printJSON(opts.io.out, out); err != nil {
			return err
		}
		return statusErrors(opts.io, rows)
	}
	var lang language.Tag
	var tw *tabwriter.Writer
	var errs, warnings int // of the language
	flush := func() {
		if tw != nil {
			tw.Flush()
			fmt.Fprintf(opts.io.out, "check: %d %s, %d %s (see loctool check)\n", errs, plural(errs, "error", "errors"),
				warnings, plural(warnings, "warning", "warnings"))
		}
	}
	for i, r := range rows {
		if tw == nil || r.Lang != lang {
			flush()
			if i > 0 {
				fmt.Fprintln(opts.io.out)
			}
			lang, errs, warnings = r.Lang, 0, 0
			fmt.Fprintf(opts.io.out, "%s\n", lang)
			tw = tabwriter.NewWriter(opts.io.out, 0, 0, 2, ' ', tabwriter.AlignRight)
			fmt.Fprintln(tw, "segments\twords\ttranslated\treview\tstale\tmissing\tdone\terrors\twarnings\t  article")
		}
		if r.Err != nil {
			fmt.Fprintf(tw, "-\t-\t-\t-\t-\t-\t-\t-\t-\t  %s (cannot be read, see below)\n", r.Article)
			continue
		}
		errs, warnings = errs+r.Errors, warnings+r.Warnings
		fmt.Fprintf(tw, "%d\t%d\t%d\t%d\t%d\t%d\t%.0f%%\t%d\t%d\t  %s\n", r.Segments, r.Words, r.Translated, r.Review, r.Stale, r.Missing, r.Done(), r.Errors, r.Warnings, r.Article)
	}
	flush()
	return statusErrors(opts.io, rows)
}

// statusErrors reports the files status could not read, and fails.
func statusErrors(io *ioStreams, rows []project.StatusRow) error {
	failed := 0
	for _, r := range rows {
		printDiagnostics(io, r.Diagnostics)
		if r.Err != nil {
			failed++
		}
	}
	if failed > 0 {
		return failure(fmt.Errorf("%d of %d files could not be read", failed, len(rows)))
	}
	return nil
}
