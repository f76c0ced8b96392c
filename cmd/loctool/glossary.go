package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/loctool/loctool/glossary"
	"github.com/loctool/loctool/project"
)

func newCmdGlossary(streams *ioStreams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "glossary",
		Short: "Work with the transliteration glossary",
		Long: `Work with the transliteration glossary: the spellings of the people,
places and organisations the newsroom writes about.`,
		Example: `  # The Latin spellings a Russian or Kazakh name takes in English copy
  loctool glossary variants Жакиянов

  # Which concept covers a spelling, from which file, and why
  loctool glossary explain Nazarbaev`,
		Args: maxArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageError(errors.New("glossary needs a subcommand"), "run 'loctool glossary --help' for them")
		},
	}
	cmd.AddCommand(newCmdGlossaryVariants(streams, nil), newCmdGlossarySuggest(streams), newCmdGlossaryExplain(streams), newCmdGlossaryConvert(streams, "import"), newCmdGlossaryConvert(streams, "export"))
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
		Long: `Read glossary files (YAML, TBX 2008 or v3 in any declared encoding, a
header-named CSV or TSV, Crowdin's or Weblate's glossary CSV, or an
OmegaT glossary of source term, target term and comment) and write them,
merged in order, to standard output. What is read past (an unknown term
status, a spelling two concepts of one file share) is a warning on
standard error.

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
	files := givenGlossaries(opts.Files)
	var langs glossary.Langs
	order := []language.Tag{language.English, language.Russian, language.Kazakh}
	p, err := openProject(opts.io, false)
	switch {
	case err == nil:
		langs = p.GlossaryLangs()
		order = append(append([]language.Tag{p.Source}, p.Targets...), order...)
		if len(files) == 0 {
			if files, err = p.GlossaryFiles(); err != nil {
				return usageError(err)
			}
		}
	case len(files) == 0:
		return err
	}
	if len(files) == 0 {
		return usageError(errors.New("the project has no glossaries"), "name them in config.yaml's glossaries, or give the files")
	}
	g, err := project.LoadGlossary(glossaryCache(), langs, false, files)
	if err != nil {
		return glossaryError(err)
	}
	printDiagnostics(opts.io, g.Diagnostics())
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
