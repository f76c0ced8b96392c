package main

import (
	"errors"
	"fmt"
	"slices"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/loctool/loctool/project"
)

type extractOptions struct {
	io       *ioStreams
	Articles []string       // empty: the configuration's
	Langs    []language.Tag // empty: the configuration's targets
	Format   project.Format // empty: the configuration's
	DryRun   bool
	JSON     bool
	// Glossaries are glossary files besides those of config.yaml, for the
	// notes on glossary concepts.
	Glossaries []string
}

func newCmdExtract(streams *ioStreams, runF func(*extractOptions) error) *cobra.Command {
	opts := &extractOptions{io: streams}
	var langs, format string
	cmd := &cobra.Command{
		Use:     "extract [ARTICLE...]",
		Short:   "Write the handoff files translators work in",
		Long:    extractHelp,
		Example: extractExamples,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Articles = args
			var err error
			if opts.Langs, err = parseLangs(langs); err != nil {
				return err
			}
			if format != "" {
				if opts.Format, err = project.ParseFormat(format); err != nil {
					return usageError(err)
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return extractRun(opts)
		},
	}
	cmd.Flags().StringVar(&langs, "lang", "", "target `languages`, separated by commas (default: the configuration's targets)")
	cmd.Flags().StringVar(&format, "format", "", "handoff `format`: xliff-1.2, xliff-2.1, xliff-2.2, json or omegat (default: the configuration's)")
	cmd.Flags().BoolVar(&opts.DryRun, "dry-run", false, "list the files that would be written, and write nothing")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the report, problems included, as JSON")
	cmd.Flags().StringArrayVar(&opts.Glossaries, "glossary", nil, "a glossary `file` to note concepts from, besides those of config.yaml (repeatable)")
	return cmd
}

func extractRun(opts *extractOptions) error {
	p, err := openProject(opts.io, true)
	if err != nil {
		return err
	}
	for i, a := range opts.Articles {
		if opts.Articles[i], err = p.CheckArticle(a); err != nil {
			return usageError(err, "give articles of the project, or none for every article that articles: in config.yaml matches")
		}
	}
	for _, l := range opts.Langs {
		if !slices.Contains(p.Targets, l) {
			return usageError(fmt.Errorf("%s is not a target language of the project", l), fmt.Sprintf("the targets are set in config.yaml: %v", p.Targets))
		}
	}
	useGlossaries(p, opts.Glossaries)
	if !opts.DryRun {
		unlock, err := lockProject(p, "extract")
		if err != nil {
			return err
		}
		defer unlock()
	}
	// Each file is written beside its place as it is built, and the
	// batch renamed into place at the end; a dry run only lists them.
	output := project.Staged
	if opts.DryRun {
		output = project.Listed
	}
	update, finish := progress(opts.io, "extract")
	eopts := project.ExtractOptions{Articles: opts.Articles, Langs: opts.Langs, Format: opts.Format, Progress: update, Output: output}
	// The summary's line of each file extracted waits on disk, not in
	// memory, to be printed once the files are written.
	var lines *spool
	if !opts.JSON {
		if lines = newSpool(); lines != nil {
			defer lines.close()
			eopts.Each = func(f project.Extracted) {
				lines.n++
				summaryLine(lines.w, f)
			}
		}
	}
	plan, report, err := p.Extract(eopts)
	finish()
	if err != nil {
		return glossaryError(err)
	}
	defer plan.Discard()
	if len(report.Files) == 0 && lines.count() == 0 {
		noArticles(opts.io, p)
	}
	changed, err := plan.Changed(p.Root)
	if err != nil {
		return err
	}
	g, _ := p.Glossary() // loaded once, by Extract
	warnings := slices.Concat(g.Diagnostics(), p.Rules().Diagnostics())
	if !opts.JSON {
		printDiagnostics(opts.io, warnings)
		for _, f := range report.Files {
			printDiagnostics(opts.io, f.Diagnostics)
		}
	}
	if !opts.DryRun {
		if err := apply(plan, p); err != nil {
			return err
		}
	}
	switch {
	case opts.JSON:
		if err := printJSON(opts.io.out, extractJSON(report, changed, opts.DryRun, warnings)); err != nil {
			return err
		}
	case opts.DryRun:
		dryRun(opts.io, changed)
		fallthrough
	default:
		if err := lines.copyTo(opts.io.out); err != nil {
			return err
		}
		summary(opts.io, report)
	}
	if report.Failed() {
		return failure(errors.New("some handoff files could not be extracted; the others were written"))
	}
	return nil
}
