package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/loctool/loctool/project"
	"github.com/loctool/loctool/segment"
)

type segmentOptions struct {
	io *ioStreams

	Lang      language.Tag // the language of the text
	LangGiven bool         // --lang was given: a project's source does not override it
	RulesFile string       // an SRX file; empty for the built-in rules
	JSON      bool         // print the exact segments as a JSON array
	DumpRules bool         // print the built-in rules instead of segmenting
	File      string       // the text to segment, or "-" for standard input
}

func newCmdSegment(streams *ioStreams, runF func(*segmentOptions) error) *cobra.Command {
	opts := &segmentOptions{io: streams}
	var lang string
	cmd := &cobra.Command{
		Use:     "segment [FILE|-]",
		Short:   "Split a text into sentences",
		Long:    segmentHelp,
		Example: segmentExamples,
		Args:    maxArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			tag, err := language.Parse(lang)
			if err != nil {
				return usageError(fmt.Errorf("invalid language tag %q for --lang", lang),
					"give a BCP 47 language tag, such as --lang ru or --lang kk-Cyrl-KZ")
			}
			opts.Lang, opts.LangGiven = tag, cmd.Flags().Changed("lang")
			opts.File = "-"
			if len(args) == 1 {
				opts.File = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return segmentRun(opts)
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "en", "BCP 47 `tag` of the text's language, such as ru or kk-Cyrl-KZ")
	cmd.Flags().StringVar(&opts.RulesFile, "rules", "", "SRX 2.0 `file` with the segmentation rules (default: built-in rules)")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the exact sentences as a JSON array of strings")
	cmd.Flags().BoolVar(&opts.DumpRules, "dump-rules", false, "print the built-in rules as an SRX 2.0 file and exit")
	return cmd
}

func segmentRun(opts *segmentOptions) error {
	if opts.DumpRules {
		_, err := opts.io.out.Write(segment.BuiltinSRX())
		return err
	}
	// The rules come first: a configuration error should not wait for
	// standard input.
	seg, rules, err := segmenter(opts)
	if err != nil {
		return err
	}
	printDiagnostics(opts.io, rules.Diagnostics())
	text, err := readText(opts.io.in, opts.File)
	if err != nil {
		return err
	}
	name := opts.File
	if name == "-" {
		name = stdinName
	}
	sentences, err := project.Sentences(name, []byte(text), seg, rules)
	if err != nil {
		return failure(err)
	}
	w := bufio.NewWriter(opts.io.out)
	if opts.JSON {
		if sentences == nil {
			sentences = []string{} // an empty text is [] in JSON
		}
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(sentences); err != nil {
			return err
		}
	} else {
		for _, s := range sentences {
			if line := oneLine(s); line != "" {
				fmt.Fprintln(w, line)
			}
		}
	}
	return w.Flush()
}

// segmenter returns the segmenter of --lang, from --rules, else the
// rules of the project in the current folder (or --config), else the
// built-in rules. In a project, the language is its source unless
// --lang says otherwise.
func segmenter(opts *segmentOptions) (*segment.Segmenter, *segment.Rules, error) {
	rules := segment.Builtin()
	rulesHint := "this is a bug in loctool's built-in rules: please report it"
	custom := false // rules the user gave, not loctool's
	switch {
	case opts.RulesFile != "":
		rulesHint = "--rules takes an SRX 2.0 file, such as an OmegaT project's segmentation.srx; leave it out to use the built-in rules"
		custom = true
		var err error
		if rules, err = segment.LoadSRX(opts.RulesFile); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, nil, usageError(err, "check the path given to --rules, or leave --rules out to use the built-in rules")
			}
			return nil, nil, usageError(err, rulesHint)
		}
	case inProject(opts.io):
		p, err := openProject(opts.io, false)
		if err != nil {
			return nil, nil, err
		}
		if p.Config.Rules != "" {
			rules, rulesHint, custom = p.Rules(), "fix the rules segmentation.rules of config.yaml names, or give --rules", true
		}
		if !opts.LangGiven {
			opts.Lang = p.Source
		}
	}
	seg, err := segment.New(rules, opts.Lang)
	switch {
	case err == nil:
		return seg, rules, nil
	case errors.Is(err, segment.ErrNoRules):
		rulesHint = "give --lang a language the file has rules for, or add a languagemap for it, such as <languagemap languagepattern=\".*\" languagerulename=\"Default\"/>"
	}
	if custom {
		return nil, nil, usageError(err, rulesHint)
	}
	return nil, nil, failure(err, rulesHint)
}
