package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/loctool/loctool/project"
)

type statusOptions struct {
	io      *ioStreams
	Langs   []language.Tag
	JSON    bool
	NoCache bool
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
checks them, and errors and warnings count what loctool check finds in
each handoff file alone (the findings across files are check's).
--json gives the same data for machines.

Each row is kept in loctool's cache folder (LOCTOOL_CACHE names another;
LOCTOOL_CACHE=off keeps nothing): the next status only hashes the files
of an article whose article, handoff file, glossary, rules and
configuration have not changed since. --no-cache counts every file anew.`,
		Example: `  # A table per language
  loctool status

  # Russian only, for a script
  loctool status --lang ru --json

  # Every file counted anew
  loctool status --no-cache`,
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
	cmd.Flags().BoolVar(&opts.NoCache, "no-cache", false, "count every file anew, neither reading nor writing the cache of earlier counts")
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
	g, err := p.Glossary()
	if err != nil {
		return glossaryError(err)
	}
	// What the readers of the glossary and the segmentation rules read
	// past, on standard error, with --json too: its rows are the
	// articles'.
	printDiagnostics(opts.io, g.Diagnostics())
	printDiagnostics(opts.io, p.Rules().Diagnostics())
	so := project.StatusOptions{Langs: opts.Langs}
	if !opts.NoCache {
		c := glossaryCache() // the same folder, and the same build
		so.Cache = project.StatusCache{Dir: c.Dir, Program: c.Program}
	}
	// Written through a buffer: a table of thousands of rows is a
	// write a line otherwise.
	bw := bufio.NewWriter(opts.io.out)
	out := statusWriter{opts: opts, out: bw}
	if opts.JSON {
		out.row, out.end = out.jsonRow, out.jsonEnd
	} else {
		out.row, out.end = out.tableRow, out.tableEnd
	}
	if err := p.StatusEach(so, func(r project.StatusRow) {
		out.rows++
		if r.Err != nil {
			out.failed = append(out.failed, r)
		}
		out.row(r)
	}); err != nil {
		return glossaryError(err)
	}
	if out.rows == 0 {
		noArticles(opts.io, p)
	}
	if err := out.end(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	// The files status could not read, and fail.
	for _, r := range out.failed {
		printDiagnostics(opts.io, r.Diagnostics)
	}
	if len(out.failed) > 0 {
		return failure(fmt.Errorf("%d of %d files could not be read", len(out.failed), out.rows))
	}
	return nil
}

// statusWriter writes the rows of status as they come: a table per
// language, or a JSON array.
type statusWriter struct {
	opts     *statusOptions
	out      io.Writer
	row      func(project.StatusRow)
	end      func() error
	rows     int
	failed   []project.StatusRow // the rows of files that could not be read
	err      error               // the first error writing
	lang     language.Tag
	table    *table // of the language
	errs     int    // of the language
	warnings int
}

func (w *statusWriter) jsonRow(r project.StatusRow) {
	j := statusJSON{Lang: r.Lang.String(), Article: r.Article, Handoff: r.Handoff, Count: r.Count, Done: math.Round(r.Done()*10) / 10,
		Errors: r.Errors, Warnings: r.Warnings}
	if r.Err != nil {
		j.Error = r.Err.Error()
	}
	// Indented as printJSON indents the array.
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	if err := enc.Encode(j); err != nil && w.err == nil {
		w.err = err
	}
	sep := ",\n  "
	if w.rows == 1 {
		sep = "[\n  "
	}
	w.write(sep + strings.TrimSuffix(b.String(), "\n"))
}

func (w *statusWriter) jsonEnd() error {
	if w.rows == 0 {
		w.write("[]\n")
	} else {
		w.write("\n]\n")
	}
	return w.err
}

func (w *statusWriter) write(s string) {
	if _, err := io.WriteString(w.out, s); err != nil && w.err == nil {
		w.err = err
	}
}

func (w *statusWriter) tableRow(r project.StatusRow) {
	out := w.out
	if w.table == nil || r.Lang != w.lang {
		w.flush()
		if w.rows > 1 {
			fmt.Fprintln(out)
		}
		w.lang, w.errs, w.warnings = r.Lang, 0, 0
		fmt.Fprintf(out, "%s\n", w.lang)
		w.table = &table{}
		w.table.add("segments\twords\ttranslated\treview\tstale\tmissing\tdone\terrors\twarnings", "article")
	}
	if r.Err != nil {
		w.table.add("-\t-\t-\t-\t-\t-\t-\t-\t-", r.Article+" (cannot be read, see below)")
		return
	}
	w.errs, w.warnings = w.errs+r.Errors, w.warnings+r.Warnings
	w.table.add(fmt.Sprintf("%d\t%d\t%d\t%d\t%d\t%d\t%.0f%%\t%d\t%d", r.Segments, r.Words, r.Translated, r.Review, r.Stale, r.Missing, r.Done(), r.Errors, r.Warnings), r.Article)
}

// table is a table of status, its columns aligned to the right when it
// is written: each row held as its cells joined by tabs and its
// article, where a text/tabwriter of 100,000 rows takes 20 MB.
type table struct {
	rows   []tableRow
	widths []int // of the widest cell of each column
}

type tableRow struct{ cells, article string }

// add adds a row: its cells, joined by tabs, and the article, written
// after them as it is.
func (t *table) add(cells, article string) {
	t.rows = append(t.rows, tableRow{cells, article})
	for i := 0; cells != ""; i++ {
		cell, rest, _ := strings.Cut(cells, "\t")
		if i == len(t.widths) {
			t.widths = append(t.widths, 0)
		}
		t.widths[i] = max(t.widths[i], utf8.RuneCountInString(cell))
		cells = rest
	}
}

// write writes the table, each cell two spaces wider than its column's
// widest, aligned to the right.
func (t *table) write(out io.Writer) error {
	var b []byte
	for _, r := range t.rows {
		b = b[:0]
		cells := r.cells
		for i := 0; cells != ""; i++ {
			cell, rest, _ := strings.Cut(cells, "\t")
			for range t.widths[i] + 2 - utf8.RuneCountInString(cell) {
				b = append(b, ' ')
			}
			b = append(b, cell...)
			cells = rest
		}
		b = append(b, "  "...)
		b = append(b, r.article...)
		b = append(b, '\n')
		if _, err := out.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// flush ends the table of a language.
func (w *statusWriter) flush() {
	if w.table != nil {
		if err := w.table.write(w.out); err != nil && w.err == nil {
			w.err = err
		}
		w.table = nil
		fmt.Fprintf(w.out, "check: %d %s, %d %s (see loctool check)\n", w.errs, plural(w.errs, "error", "errors"),
			w.warnings, plural(w.warnings, "warning", "warnings"))
	}
}

func (w *statusWriter) tableEnd() error {
	w.flush()
	return w.err
}
