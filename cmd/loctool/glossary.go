package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/loctool/loctool/check"
	"github.com/loctool/loctool/glossary"
)

func newCmdGlossary(streams *ioStreams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "glossary",
		Short: "Work with the transliteration glossary",
		Long: `Work with the transliteration glossary: the spellings of the people,
places and organisations the newsroom writes about.`,
		Example: `  # The Latin spellings a Russian or Kazakh name takes in English copy
  loctool glossary variants Жакиянов`,
		Args: maxArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageError(errors.New("glossary needs a subcommand"), "run 'loctool glossary --help' for them")
		},
	}
	cmd.AddCommand(newCmdGlossaryVariants(streams, nil), newCmdGlossarySuggest(streams), newCmdGlossaryConvert(streams, "import"), newCmdGlossaryConvert(streams, "export"))
	return cmd
}

type convertOptions struct {
	io     *ioStreams
	Files  []string
	Format string
}

// glossaryFormats are the formats glossary export writes.
var glossaryFormats = []string{"yaml", "tbx", "csv", "tsv"}

// newCmdGlossaryConvert makes "glossary import" (files of any format to
// loctool's YAML) and "glossary export" (the project's glossaries, or
// files, to any format).
func newCmdGlossaryConvert(streams *ioStreams, verb string) *cobra.Command {
	opts := &convertOptions{io: streams, Format: "yaml"}
	cmd := &cobra.Command{
		Use:   verb + " [FILE...]",
		Short: map[string]string{"import": "Convert TBX, CSV or TSV glossaries to loctool's YAML", "export": "Write the project's glossary as TBX, CSV, TSV or YAML"}[verb],
		Long: `Read glossary files (YAML, TBX-Basic v2 or v3, a header-named CSV or TSV,
or an OmegaT glossary of source term, target term and comment) and write
them, merged in order, to standard output.

import writes loctool's YAML, to start a glossary from a termbase;
export writes --format (yaml, tbx, csv or tsv), and with no FILE takes
the glossaries of config.yaml. An OmegaT glossary's languages are the
project's source and first target language.`,
		Example: map[string]string{
			"import": `  loctool glossary import terms.tbx > glossary.yaml
  loctool glossary import omegat/glossary.txt >> glossary.yaml`,
			"export": `  # For a CAT tool or a terminology system
  loctool glossary export --format tbx > glossary.tbx

  # For a spreadsheet
  loctool glossary export --format csv > glossary.csv`,
		}[verb],
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			if verb == "import" && len(args) == 0 {
				return usageError(errors.New("no file given"), "usage: "+cmd.UseLine())
			}
			if !slices.Contains(glossaryFormats, opts.Format) {
				return usageError(fmt.Errorf("--format is %q", opts.Format), "use one of "+strings.Join(glossaryFormats, ", "))
			}
			return convertRun(opts)
		},
	}
	if verb == "export" {
		cmd.Flags().StringVar(&opts.Format, "format", "yaml", "the `format` to write: yaml, tbx, csv or tsv")
	}
	return cmd
}

func convertRun(opts *convertOptions) error {
	files := opts.Files
	var langs glossary.Langs
	order := []language.Tag{language.English, language.Russian, language.Kazakh}
	p, err := openProject(opts.io, false)
	switch {
	case err == nil:
		langs = glossary.Langs{Source: p.Source, Target: p.Targets[0]}
		order = append(append([]language.Tag{p.Source}, p.Targets...), order...)
		if len(files) == 0 {
			files = projectGlossaries(p)
		}
	case len(files) == 0:
		return err
	}
	if len(files) == 0 {
		return usageError(errors.New("the project has no glossaries"), "name them in config.yaml's glossaries, or give the files")
	}
	g, err := glossary.LoadWith(langs, files...)
	if err != nil {
		return usageError(err, "fix the glossary, or its path in config.yaml or --glossary; each error names its file and line")
	}
	switch opts.Format {
	case "tbx":
		return glossary.WriteTBX(opts.io.out, g.Concepts, order)
	case "csv":
		return glossary.WriteCSV(opts.io.out, g.Concepts, order, ',')
	case "tsv":
		return glossary.WriteCSV(opts.io.out, g.Concepts, order, '\t')
	}
	return glossary.WriteYAML(opts.io.out, g.Concepts, order)
}

type variantsOptions struct {
	io    *ioStreams
	Names []string
	Lang  language.Tag // Und: from the letters of each name
	JSON  bool
}

func newCmdGlossaryVariants(streams *ioStreams, runF func(*variantsOptions) error) *cobra.Command {
	opts := &variantsOptions{io: streams}
	var lang string
	cmd := &cobra.Command{
		Use:   "variants NAME...",
		Short: "Print the Latin spellings a Cyrillic name takes",
		Long: `Print the Latin spellings a Russian or Kazakh name in Cyrillic takes in
English copy: its romanisation by each scheme loctool knows (for Russian:
BGN/PCGN, ISO 9 / GOST 7.79 A and B, ALA-LC, ICAO, Wikipedia-style and
scientific; for Kazakh: BGN/PCGN 1979, the Kazakh Latin alphabet of 2021
and the Russian-style press spelling), and the simplifications the press
makes of them (zh→j, kh→h, ye→e, iy→i, -ayev→-aev, ss→s). Each spelling
comes with the schemes and folds that give it.

A name with Kazakh letters (ә ғ қ ң ө ұ ү һ і) is taken as Kazakh, any
other as Russian; --lang says which.`,
		Example: `  loctool glossary variants Жакиянов
  loctool glossary variants --lang kk "Ғалымжан Жақиянов"
  loctool glossary variants --json Назарбаев`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError(errors.New("no name given"), "usage: "+cmd.UseLine())
			}
			opts.Names = args
			if lang != "" {
				tag, err := language.Parse(lang)
				if b, _ := tag.Base(); err != nil || (b.String() != "ru" && b.String() != "kk") {
					return usageError(fmt.Errorf("--lang is %q", lang), "use --lang ru or --lang kk")
				}
				opts.Lang = tag
			}
			if runF != nil {
				return runF(opts)
			}
			return variantsRun(opts)
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "", "the name's `language`: ru or kk (default: from its letters)")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the variants as JSON")
	return cmd
}

// variantJSON is an item of loctool glossary variants --json.
type variantJSON struct {
	Name     string   `json:"name"`
	Lang     string   `json:"lang"`
	Spelling string   `json:"spelling"`
	Why      []string `json:"why"`
}

func variantsRun(opts *variantsOptions) error {
	var all []variantJSON
	tw := tabwriter.NewWriter(opts.io.out, 0, 0, 2, ' ', 0)
	for i, name := range opts.Names {
		if !hasCyrillic(name) {
			return usageError(fmt.Errorf("%q has no Cyrillic letters", name), "give the name as it is written in Russian or Kazakh")
		}
		lang := opts.Lang
		if lang == language.Und {
			lang = languageOf(name)
		}
		vs := glossary.Variants(name, lang)
		if opts.JSON {
			for _, v := range vs {
				all = append(all, variantJSON{name, lang.String(), v.Text, v.Why})
			}
			continue
		}
		if i > 0 {
			fmt.Fprintln(tw)
		}
		fmt.Fprintf(tw, "%s (%s)\n", name, lang)
		for _, v := range vs {
			fmt.Fprintf(tw, "  %s\t%s\n", v.Text, strings.Join(v.Why, "; "))
		}
	}
	if opts.JSON {
		if all == nil {
			all = []variantJSON{}
		}
		return printJSON(opts.io.out, all)
	}
	return tw.Flush()
}

func hasCyrillic(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) >= 0
}

// languageOf takes a name with Kazakh letters as Kazakh, any other as
// Russian.
func languageOf(name string) language.Tag {
	if strings.ContainsAny(strings.ToLower(name), "әғқңөұүһі") {
		return language.Kazakh
	}
	return language.Russian
}

func newCmdGlossarySuggest(streams *ioStreams) *cobra.Command {
	var glossaries []string
	cmd := &cobra.Command{
		Use:   "suggest [PATH...]",
		Short: "Suggest glossary concepts for the names articles spell two ways",
		Long: `Find the names the articles spell more than one way (their transliteration
skeletons are one: Galymzhan and Galymjan) and print them as glossary
concepts to paste into a glossary file: the most frequent spelling
preferred and the others forbidden, with how often each occurs and where.
Review them: give each its type and Cyrillic forms, and move spellings
that are fine to accepted.

With no PATH, suggest takes the articles of config.yaml. Names the
project's glossaries and the built-in one already cover are left out.`,
		Example: `  loctool glossary suggest >> glossary.yaml
  loctool glossary suggest articles/2003/*.txt`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return suggestRun(streams, args, glossaries)
		},
	}
	cmd.Flags().StringArrayVar(&glossaries, "glossary", nil, "a glossary `file` whose names are covered already, besides those of config.yaml (repeatable)")
	return cmd
}

func suggestRun(io *ioStreams, paths, extra []string) error {
	p, err := openProject(io, false)
	if err != nil && len(paths) == 0 {
		return err
	}
	var files []string
	root := "."
	lang := language.English
	var g *glossary.Glossary
	if p != nil {
		root, lang = p.Root, p.Source
		if len(paths) == 0 {
			if files, err = p.Articles(); err != nil {
				return err
			}
		}
		if g, err = loadGlossaries(p, append(projectGlossaries(p), extra...), !p.NoBuiltinGlossary); err != nil {
			return err
		}
	} else if g, err = loadGlossaries(nil, extra, true); err != nil {
		return err
	}
	files = append(files, paths...)
	sources, err := readSources(root, files)
	if err != nil {
		return err
	}
	clusters, err := check.Clusters(sources, g, lang)
	if err != nil {
		return failure(err)
	}
	if len(clusters) == 0 {
		fmt.Fprintln(io.errOut, "loctool: no name is spelt two ways")
		return nil
	}
	concepts, comments := glossary.Suggest(clusters, lang)
	return glossary.WriteYAMLComments(io.out, concepts, []language.Tag{lang}, comments)
}
