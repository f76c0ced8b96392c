package main

import (
	"fmt"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/loctool/loctool/glossary"
	"github.com/loctool/loctool/project"
)

func newCmdGlossarySuggest(streams *ioStreams) *cobra.Command {
	var glossaries []string
	var write string
	cmd := &cobra.Command{
		Use:   "suggest [PATH...]",
		Short: "Suggest glossary concepts for the names articles spell two ways",
		Long: `Find the names the articles spell more than one way (their transliteration
skeletons are one: Galymzhan and Galymjan) and print them as glossary
concepts, or, with --write, add them to a YAML glossary file's concepts:
list, keeping its concepts and comments (appended with >>, they would be
a second list, which is an error): the most frequent spelling preferred
and the others forbidden, with how often each occurs and where.
Review them: give each its type and Cyrillic forms, and move spellings
that are fine to accepted.

With no PATH, suggest takes the articles of config.yaml. Names the
project's glossaries and the built-in one already cover are left out.`,
		Example: `  loctool glossary suggest --write glossary.yaml   # added to its list, to review there
  loctool glossary suggest > suggested.yaml        # or to review, then move into glossary.yaml's list
  loctool glossary suggest articles/2003/*.txt`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return suggestRun(streams, args, glossaries, write)
		},
	}
	cmd.Flags().StringArrayVar(&glossaries, "glossary", nil, "a glossary `file` whose names are covered already, besides those of config.yaml (repeatable)")
	cmd.Flags().StringVar(&write, "write", "", "add the concepts to the concepts: list of this YAML glossary `file`, keeping its concepts and comments, instead of printing them")
	return cmd
}

func suggestRun(io *ioStreams, paths, extra []string, write string) error {
	p, err := openProject(io, false)
	if err != nil && len(paths) == 0 {
		return err
	}
	var clusters []glossary.Cluster
	lang := language.English
	if p != nil {
		lang = p.Source
		rels, err := projectPaths(p, paths)
		if err != nil {
			return err
		}
		useGlossaries(p, extra)
		clusters, err = p.Unsettled(rels)
		if err != nil {
			return glossaryError(err)
		}
		g, _ := p.Glossary() // loaded once, by Unsettled
		printDiagnostics(io, g.Diagnostics())
	} else {
		g, err := project.LoadGlossary(glossaryCache(), glossary.Langs{}, true, givenGlossaries(extra))
		if err != nil {
			return glossaryError(err)
		}
		printDiagnostics(io, g.Diagnostics())
		if clusters, err = project.UnsettledFiles(".", g, paths); err != nil {
			return failure(err)
		}
	}
	if len(clusters) == 0 {
		fmt.Fprintln(io.errOut, "loctool: no name is spelt two ways")
		return nil
	}
	concepts, comments := glossary.Suggest(clusters, lang)
	if write == "" {
		return glossary.WriteYAMLComments(io.out, concepts, []language.Tag{lang}, comments)
	}
	if err := glossary.AppendYAMLFile(write, write, concepts, []language.Tag{lang}, comments); err != nil {
		return glossaryError(err)
	}
	fmt.Fprintf(io.out, "%s: %d %s added\n", write, len(concepts), plural(len(concepts), "concept", "concepts"))
	return nil
}
