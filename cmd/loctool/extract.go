package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/loctool/loctool/glossary"
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
		Use:   "extract [ARTICLE...]",
		Short: "Write the handoff files translators work in",
		Long: `Cut articles into sentences and write, for every target language, the
handoff file translators work in: locales/<lang>/<article>.xlf (or .json),
mirroring the article's path.

With no ARTICLE, extract takes the articles of the configuration.

When a handoff file exists already, extract reconciles it with the
article as it is now, and loses nothing: a translation stays on its
sentence wherever the sentence moved; a sentence that changed keeps its
old translation, marked for review; new sentences are added untranslated;
and the translations of sentences that are gone are kept in
locales/<lang>/obsolete.xlf, from which a sentence that comes back gets
its translation back. A handoff file that cannot be read is left as
it is, and reported.

Every file is written atomically. --dry-run lists what would be written.`,
		Example: `  # Every article, for every target language of config.yaml
  loctool extract

  # One article, for Russian and Kazakh only
  loctool extract --lang ru,kk articles/ablyazov-amnesty.txt

  # Files for translators who use OmegaT
  loctool extract --format omegat

  # What would be written
  loctool extract --dry-run

  # A report for scripts
  loctool extract --json`,
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

// parseLangs reads a --lang list.
func parseLangs(s string) ([]language.Tag, error) {
	var tags []language.Tag
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		tag, err := language.Parse(f)
		if err != nil {
			return nil, usageError(fmt.Errorf("invalid language tag %q for --lang", f), "give BCP 47 tags separated by commas, such as --lang ru,kk")
		}
		tags = append(tags, tag)
	}
	return tags, nil
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
	for _, g := range opts.Glossaries {
		abs, err := filepath.Abs(g)
		if err != nil {
			return err
		}
		p.Glossaries = append(p.Glossaries, abs)
	}
	for _, l := range opts.Langs {
		if !slices.Contains(p.Targets, l) {
			return usageError(fmt.Errorf("%s is not a target language of the project", l), fmt.Sprintf("the targets are set in config.yaml: %v", p.Targets))
		}
	}
	if !opts.DryRun {
		unlock, err := lockProject(p, "extract")
		if err != nil {
			return err
		}
		defer unlock()
	}
	update, finish := progress(opts.io, "extract")
	plan, report, err := p.Extract(project.ExtractOptions{Articles: opts.Articles, Langs: opts.Langs, Format: opts.Format, Progress: update})
	finish()
	var ge *glossary.Error
	if errors.As(err, &ge) {
		return usageError(err, "fix the glossary, whose concepts extract notes for translators; each error names its file and line")
	}
	if err != nil {
		return err
	}
	if len(report.Files) == 0 {
		warnNothing(opts.io, p, "article")
	}
	if !opts.JSON {
		for _, f := range report.Files {
			for _, d := range f.Diagnostics {
				fmt.Fprintln(opts.io.errOut, d)
			}
		}
	}
	changed, err := plan.Changed(p.Root)
	if err != nil {
		return err
	}
	switch {
	case opts.JSON:
		if !opts.DryRun {
			if err := apply(plan, p); err != nil {
				return err
			}
		}
		if err := printJSON(opts.io.out, extractJSON(report, changed, opts.DryRun)); err != nil {
			return err
		}
	case opts.DryRun:
		dryRun(opts.io, changed)
		summary(opts.io, report)
	default:
		if err := apply(plan, p); err != nil {
			return err
		}
		summary(opts.io, report)
	}
	if report.Failed() {
		return failure(errors.New("some handoff files could not be extracted; the others were written"))
	}
	return nil
}

// summary tells, per language, what extract did.
func summary(io *ioStreams, r *project.ExtractReport) {
	for _, f := range r.Files {
		if f.Err != nil {
			continue
		}
		var parts []string
		if f.Kept > 0 {
			parts = append(parts, fmt.Sprintf("%d %s kept", f.Kept, plural(f.Kept, "translation", "translations")))
		}
		if f.Review > 0 {
			parts = append(parts, fmt.Sprintf("%d to review", f.Review))
		}
		if f.Restored > 0 {
			parts = append(parts, fmt.Sprintf("%d restored from the obsolete translations", f.Restored))
		}
		if f.Obsolete > 0 {
			parts = append(parts, fmt.Sprintf("%d obsolete", f.Obsolete))
		}
		extra := ""
		if len(parts) > 0 {
			extra = ": " + strings.Join(parts, ", ")
		}
		fmt.Fprintf(io.out, "%s: %d %s%s\n", f.Path, f.Segments, plural(f.Segments, "segment", "segments"), extra)
	}
}

// openProject loads the configuration and opens the project.

// dryRun lists the files a plan would write.
func dryRun(io *ioStreams, changed []project.Write) {
	for _, w := range changed {
		fmt.Fprintf(io.out, "would write %s (%s, %d bytes)\n", w.Path, w.Why, len(w.Data))
	}
	if len(changed) == 0 {
		fmt.Fprintln(io.out, "nothing to write: every file is up to date")
	}
}

// writtenJSON lists the files written, or that a dry run would write.
type writtenJSON struct {
	Path string `json:"path"`
	What string `json:"what"`
}

func writtenOf(changed []project.Write) []writtenJSON {
	out := make([]writtenJSON, len(changed))
	for i, w := range changed {
		out[i] = writtenJSON{w.Path, w.Why}
	}
	return out
}

// extractReportJSON is the report of loctool extract --json.
type extractReportJSON struct {
	DryRun  bool            `json:"dryRun"`
	Files   []extractedJSON `json:"files"`
	Written []writtenJSON   `json:"written"`
}

type extractedJSON struct {
	Lang        string               `json:"lang"`
	Article     string               `json:"article"`
	Handoff     string               `json:"handoff"`
	Segments    int                  `json:"segments"`
	Kept        int                  `json:"kept"`
	Review      int                  `json:"needsReview"`
	New         int                  `json:"new"`
	Obsolete    int                  `json:"obsolete"`
	Restored    int                  `json:"restored"`
	Diagnostics []project.Diagnostic `json:"diagnostics"`
}

func extractJSON(r *project.ExtractReport, changed []project.Write, dry bool) extractReportJSON {
	out := extractReportJSON{DryRun: dry, Files: []extractedJSON{}, Written: writtenOf(changed)}
	for _, f := range r.Files {
		out.Files = append(out.Files, extractedJSON{
			Lang: f.Lang.String(), Article: f.Article, Handoff: f.Path, Segments: f.Segments,
			Kept: f.Kept, Review: f.Review, New: f.New, Obsolete: f.Obsolete, Restored: f.Restored,
			Diagnostics: append([]project.Diagnostic{}, f.Diagnostics...),
		})
	}
	return out
}

// printJSON writes v, indented, to standard output.
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
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
