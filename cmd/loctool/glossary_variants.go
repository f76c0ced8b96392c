package main

import (
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/loctool/loctool/glossary"
)

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
