package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/internal/atomicfile"
	"github.com/loctool/loctool/memory"
	"github.com/loctool/loctool/project"
	"github.com/loctool/loctool/tmx"
)

func newCmdTM(streams *ioStreams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "tm",
		Short: "Work with the translation memory",
		Long: `Work with the project's translation memory: every confirmed translation,
offered again when the same or a similar sentence comes back.

The memory is the SQLite file of memory.path in config.yaml
(.loctool/memory.db by default), or the PostgreSQL database of
memory.url (or LOCTOOL_MEMORY_URL), which a team shares.`,
		Example: `  # Start from the memories of other tools
  loctool tm import omegat/project_save.tmx trados-export.tmx

  # What the memory offers for a sentence
  loctool tm lookup --lang ru "The minister resigned on Monday."

  # For a CAT tool: OmegaT reads it in its project's tm/ folder
  loctool tm export --lang ru -o tm/newsroom-ru.tmx`,
		Args: maxArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageError(errors.New("tm needs a subcommand"), "run 'loctool tm --help' for them")
		},
	}
	cmd.AddCommand(newCmdTMImport(streams), newCmdTMExport(streams), newCmdTMLookup(streams), newCmdTMStats(streams))
	return cmd
}

// openMemory opens the project's memory, and parses --lang (see
// targetLang).
func openMemory(streams *ioStreams, lang string) (*project.Project, *memory.Store, language.Tag, error) {
	p, err := openProject(streams, false)
	if err != nil {
		return nil, nil, language.Und, err
	}
	target, err := targetLang(p, lang)
	if err != nil {
		return nil, nil, language.Und, err
	}
	s, err := p.OpenMemory(context.Background())
	if err != nil {
		return nil, nil, language.Und, failure(err, "check memory.path or memory.url in config.yaml")
	}
	return p, s, target, nil
}

// targetLang parses --lang, which must be one of the project's target
// languages; "" is none.
func targetLang(p *project.Project, lang string) (language.Tag, error) {
	if lang == "" {
		return language.Und, nil
	}
	tag, err := language.Parse(lang)
	if err != nil {
		return language.Und, usageError(fmt.Errorf("--lang %q: %w", lang, err), "give a BCP 47 tag, such as --lang ru")
	}
	for _, t := range p.Targets {
		if t == tag {
			return tag, nil
		}
	}
	return language.Und, usageError(fmt.Errorf("--lang %s is not a target language of the project (%v)", tag, p.Targets))
}

func newCmdTMImport(streams *ioStreams) *cobra.Command {
	var obsolete bool
	cmd := &cobra.Command{
		Use:   "import [--obsolete] [FILE...]",
		Short: "Add the translations of TMX files to the memory",
		Long: `Add the translations of TMX 1.4 files, as OmegaT, Trados, memoQ, Okapi
and other tools write them, to the memory: each unit's source-language
variant with each of its variants in a target language of the project
(en-US is taken for en). Variants in other languages are counted and
left out.

A handoff file of the project (.xlf and the other XLIFF extensions, or
go-i18n JSON) adds its confirmed translations, each with the sentences
around it, as merge would publish them. --obsolete adds the translations
of the obsolete stores, the sentences gone from their articles, which
stay in the stores too.

A file is read through before anything of it is added: a file with a
problem anywhere adds nothing, and the error says where. A run that is
stopped is completed by running it again; a translation the memory has
already is kept once.`,
		Example: `  loctool tm import omegat/project_save.tmx
  loctool tm import exports/*.tmx
  loctool tm import locales/ru/articles/*.xlf
  loctool tm import --obsolete`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 && !obsolete {
				return usageError(errors.New("no file given"), "usage: "+cmd.UseLine())
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			p, s, _, err := openMemory(streams, "")
			if err != nil {
				return err
			}
			defer s.Close()
			if obsolete {
				for _, lang := range p.Targets {
					units, err := p.ObsoleteUnits(lang)
					if err == nil {
						err = s.Add(context.Background(), units)
					}
					if err != nil {
						return failure(err)
					}
					fmt.Fprintf(streams.out, "%s: %d %s\n", p.ObsoletePath(lang), len(units), plural(len(units), "translation", "translations"))
				}
			}
			for _, file := range args {
				if project.IsHandoffFile(file) {
					if err := importHandoff(streams, p, s, file); err != nil {
						return err
					}
					continue
				}
				rep, err := s.ImportTMX(context.Background(), func() (io.ReadCloser, error) {
					f, _, err := atomicfile.OpenToRead(file)
					return f, err
				}, file, p.MemoryLanguages())
				if err != nil {
					var te *tmx.Error
					if errors.As(err, &te) {
						hints := []string{"nothing of " + file + " was added"}
						if te.Hint != "" {
							hints = append([]string{te.Hint}, hints...)
						}
						return failure(&positionError{te.File, te.Line, te.Col, te.Msg}, hints...)
					}
					return failure(err)
				}
				fmt.Fprintf(streams.out, "%s: %d %s", file, rep.Units, plural(rep.Units, "translation", "translations"))
				var left []string
				if rep.NoSource > 0 {
					left = append(left, fmt.Sprintf("%d units without a %s source", rep.NoSource, p.Source))
				}
				if rep.OtherLanguages > 0 {
					left = append(left, fmt.Sprintf("%d variants in other languages", rep.OtherLanguages))
				}
				if rep.Empty > 0 {
					left = append(left, fmt.Sprintf("%d empty translations", rep.Empty))
				}
				if len(left) > 0 {
					fmt.Fprintf(streams.out, "; left out: %s", strings.Join(left, ", "))
				}
				fmt.Fprintln(streams.out)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&obsolete, "obsolete", false, "add the translations of the obsolete stores")
	return cmd
}

// importHandoff adds the confirmed translations of a handoff file of the
// project to the memory.
func importHandoff(streams *ioStreams, p *project.Project, s *memory.Store, file string) error {
	rels, err := projectPaths(p, []string{file})
	if err != nil {
		return failure(err)
	}
	if filepath.IsAbs(rels[0]) {
		return usageError(fmt.Errorf("%s is outside the project %s", file, p.Root), "a handoff file is read with its project's config.yaml, inside the project")
	}
	units, ds := p.ConfirmedUnits(rels[0])
	printDiagnostics(streams, ds)
	for _, d := range ds {
		if d.Severity == diag.Error {
			return failure(fmt.Errorf("%s: nothing was added", file))
		}
	}
	if err := s.Add(context.Background(), units); err != nil {
		return failure(err)
	}
	_, err = fmt.Fprintf(streams.out, "%s: %d confirmed %s\n", file, len(units), plural(len(units), "translation", "translations"))
	return err
}

func newCmdTMExport(streams *ioStreams) *cobra.Command {
	var lang, out string
	cmd := &cobra.Command{
		Use:   "export [--lang L] -o FILE.tmx",
		Short: "Write the memory as TMX 1.4b",
		Long: `Write the memory's translations as TMX 1.4b, for a CAT tool: a unit for
each source sentence and translation, with its inline codes as bpt, ept
and ph, the dates it was made and last used, and its use count. --lang
takes one target language; without it, every one.

The file is written whole or not at all.`,
		Example: `  loctool tm export --lang ru -o newsroom-ru.tmx`,
		Args:    maxArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return usageError(errors.New("no output file"), "give -o FILE.tmx")
			}
			p, s, target, err := openMemory(streams, lang)
			if err != nil {
				return err
			}
			defer s.Close()
			var n int
			err = atomicfile.Write(out, 0o644, func(w io.Writer) error {
				n, err = s.ExportTMX(context.Background(), w, p.Source, target, loctoolVersion())
				return err
			})
			if err != nil {
				return failure(fmt.Errorf("%s: %w", out, err))
			}
			fmt.Fprintf(streams.errOut, "%s: %d translations\n", out, n)
			return nil
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "", "the target `language` to export (default: every one)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "the TMX `file` to write")
	return cmd
}

func newCmdTMLookup(streams *ioStreams) *cobra.Command {
	var lang string
	var threshold, most int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "lookup [--lang L] TEXT",
		Short: "Show what the memory offers for a sentence",
		Long: `Show the translations the memory offers for a sentence: exact matches
(100), then fuzzy matches from the threshold up (memory.threshold, 75
by default), the best first; of one score, the latest first, then the
most used. A number that differs between a match and the sentence is
pointed out.

The score is the word-level edit distance of the two sentences, with
penalties for case, numbers and inline codes: see the README.`,
		Example: `  loctool tm lookup --lang ru "Inflation rose 6 percent in May."
  loctool tm lookup --json "The minister resigned."`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError(errors.New("give one sentence"), "usage: "+cmd.UseLine(), "quote a sentence of several words")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			p, s, target, err := openMemory(streams, lang)
			if err != nil {
				return err
			}
			defer s.Close()
			targets := p.Targets
			if target != language.Und {
				targets = []language.Tag{target}
			}
			if threshold == 0 {
				threshold = p.Threshold()
			}
			if threshold < 1 || threshold > 100 {
				return usageError(fmt.Errorf("--threshold %d is not a score", threshold), "give a score from 1 to 100")
			}
			type matchJSON struct {
				Lang    string                `json:"lang"`
				Score   int                   `json:"score"`
				Source  string                `json:"source"`
				Target  string                `json:"target"`
				Numbers []memory.NumberChange `json:"numbersChanged,omitempty"`
				Uses    int                   `json:"uses"`
				Changed string                `json:"changed"`
				Author  string                `json:"author,omitempty"`
				Origin  string                `json:"origin"`
			}
			found := []matchJSON{}
			for _, t := range targets {
				ms, err := s.Lookup(context.Background(), memory.Query{SourceLang: p.Source, TargetLang: t, Source: inline.Text(args[0]), Threshold: threshold, Max: most})
				if err != nil {
					return failure(err)
				}
				for _, m := range ms {
					found = append(found, matchJSON{Lang: t.String(), Score: m.Score.Value, Source: m.Source.Tagged(), Target: m.Target.Tagged(),
						Numbers: m.Score.Numbers, Uses: m.Uses, Changed: m.Time.UTC().Format("2006-01-02T15:04:05Z"), Author: m.Author, Origin: m.Article})
				}
			}
			if asJSON {
				return printJSON(streams.out, found)
			}
			if len(found) == 0 {
				fmt.Fprintf(streams.out, "no match from %d%% up\n", threshold)
				return nil
			}
			tw := tabwriter.NewWriter(streams.out, 0, 4, 2, ' ', 0)
			for _, m := range found {
				fmt.Fprintf(tw, "%s\t%d%%\t%s\n", m.Lang, m.Score, m.Target)
				fmt.Fprintf(tw, "\t\t  source: %s\n", m.Source)
				for _, n := range m.Numbers {
					fmt.Fprintf(tw, "\t\t  number: %s here is %s in the sentence\n", n.Was, n.Now)
				}
				used := fmt.Sprintf("used %d times", m.Uses)
				if m.Uses == 1 {
					used = "used once"
				}
				fmt.Fprintf(tw, "\t\t  %s, %s, from %s\n", m.Changed[:10], used, m.Origin)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "", "the target `language` (default: every one)")
	cmd.Flags().IntVar(&threshold, "threshold", 0, "the least `score` of a fuzzy match (default: memory.threshold, or 75)")
	cmd.Flags().IntVar(&most, "max", 5, "the most `matches` of each language")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the matches as JSON")
	return cmd
}

func newCmdTMStats(streams *ioStreams) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Count what the memory holds",
		Long: `Count the memory's translations and their uses by language pair, and
give the database's size.`,
		Example: `  loctool tm stats
  loctool tm stats --json`,
		Args: maxArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, s, _, err := openMemory(streams, "")
			if err != nil {
				return err
			}
			defer s.Close()
			st, err := s.Stats(context.Background())
			if err != nil {
				return failure(err)
			}
			if asJSON {
				type pairJSON struct {
					Source string `json:"source"`
					Target string `json:"target"`
					Units  int    `json:"units"`
					Uses   int    `json:"uses"`
				}
				pairs := []pairJSON{}
				for _, p := range st.Pairs {
					pairs = append(pairs, pairJSON{p.SourceLang.String(), p.TargetLang.String(), p.Units, p.Uses})
				}
				return printJSON(streams.out, struct {
					Units int        `json:"units"`
					Bytes int64      `json:"bytes"`
					Pairs []pairJSON `json:"pairs"`
				}{st.Units, st.Bytes, pairs})
			}
			tw := tabwriter.NewWriter(streams.out, 0, 4, 2, ' ', tabwriter.AlignRight)
			fmt.Fprintln(tw, "pair\ttranslations\tuses\t")
			for _, p := range st.Pairs {
				fmt.Fprintf(tw, "%s→%s\t%d\t%d\t\n", p.SourceLang, p.TargetLang, p.Units, p.Uses)
			}
			fmt.Fprintf(tw, "all\t%d\t\t\n", st.Units)
			if err := tw.Flush(); err != nil {
				return err
			}
			_, err = fmt.Fprintf(streams.out, "%.1f MB\n", float64(st.Bytes)/1e6)
			return err
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the counts as JSON")
	return cmd
}
