// Command corpus makes loctool projects for benchmarks.
//
//	corpus gen [flags] DIR
//
// writes a project into DIR: config.yaml and, by default, 2,000 articles
// of about 8 KB (16 MB), a tenth of them Markdown, made from loctool's
// sample articles with their paragraphs shuffled and repeated and their
// names and numbers varied. The same flags give the same project.
//
//	corpus translate [-style lookalike|cyrillic] LOCALES
//
// fills every segment of the XLIFF handoff files under the folder LOCALES
// (after loctool extract) with a pseudo-translation in state translated,
// so that loctool merge has every sentence translated: by default in
// Cyrillic look-alike letters, which leave most words in two alphabets
// and give loctool check a finding on most sentences; with -style
// cyrillic, every letter in Cyrillic, as a translation's words are.
//
//	corpus glossary [-n 10000] [-seed 1] GLOSSARY.yaml VARIANTS.txt
//
// writes a glossary of n generated people with Kazakh and Russian forms,
// and every Latin spelling loctool looks for of them, one a line: the
// patterns of the grep loctool check is compared with.
//
//	corpus tmx [-n 1000000] [-seed 1] [-style cyrillic] FILE.tmx
//
// writes a TMX 1.4b memory of n English sentences of the corpus's
// plain-text articles, from article 0 on, each with a pseudo-translation
// into Russian: the memory of the translation memory's benchmarks.
// Articles repeat sentences with other names and figures, so most
// sentences have near matches in it.
//
// Run it from the bench folder of the repository (go run ./corpus), or
// give -repo.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/loctool/loctool/glossary"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/internal/corpus"
	"github.com/loctool/loctool/tmx"
	"golang.org/x/text/language"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "gen":
		err = gen(os.Args[2:])
	case "translate":
		err = translate(os.Args[2:])
	case "glossary":
		err = makeGlossary(os.Args[2:])
	case "tmx":
		err = makeTMX(os.Args[2:])
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: corpus gen [flags] DIR\n       corpus translate [-style lookalike|cyrillic] LOCALES\n       corpus glossary [-n N] [-seed S] GLOSSARY.yaml VARIANTS.txt\n       corpus tmx [-n N] [-seed S] [-style cyrillic|lookalike] FILE.tmx")
	os.Exit(2)
}

func gen(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ExitOnError)
	n := fs.Int("n", 2000, "number of articles")
	size := fs.Int("size", 8000, "mean article size in bytes")
	md := fs.Float64("markdown", 0.1, "share of Markdown articles, 0 to 1")
	seed := fs.Uint64("seed", 1, "seed of the variations")
	targets := fs.String("targets", "ru", "target languages of config.yaml, separated by commas")
	format := fs.String("format", "xliff-1.2", "handoff format of config.yaml")
	repo := fs.String("repo", "..", "the loctool repository, whose sample articles the corpus is made from")
	fs.Parse(args)
	if fs.NArg() != 1 {
		return fmt.Errorf("gen needs one folder, not %d arguments", fs.NArg())
	}
	o := corpus.Options{Articles: *n, Size: *size, Markdown: *md, Seed: *seed,
		Targets: strings.Split(*targets, ","), Format: *format}
	if *md == 0 {
		o.Markdown = -1 // none
	}
	if err := o.LoadSamples(*repo); err != nil {
		return err
	}
	st, err := corpus.Generate(fs.Arg(0), o)
	if err != nil {
		return err
	}
	fmt.Printf("%s: %d articles (%d Markdown), %d bytes\n", fs.Arg(0), st.Articles, st.Markdown, st.Bytes)
	return nil
}

func translate(args []string) error {
	fs := flag.NewFlagSet("translate", flag.ExitOnError)
	style := fs.String("style", "lookalike", "how the text is written: lookalike (Cyrillic look-alike letters, words of two alphabets) or cyrillic (every letter in Cyrillic)")
	fs.Parse(args)
	if fs.NArg() != 1 {
		return fmt.Errorf("translate needs one folder, not %d arguments", fs.NArg())
	}
	st, err := corpus.ParseStyle(*style)
	if err != nil {
		return err
	}
	n, err := corpus.TranslateIn(fs.Arg(0), st)
	if err != nil {
		return err
	}
	fmt.Printf("%s: %d handoff files translated\n", fs.Arg(0), n)
	return nil
}

func makeGlossary(args []string) error {
	fs := flag.NewFlagSet("glossary", flag.ExitOnError)
	n := fs.Int("n", 10000, "number of concepts")
	seed := fs.Uint64("seed", 1, "seed of the names")
	fs.Parse(args)
	if fs.NArg() != 2 {
		usage()
	}
	concepts := corpus.Glossary(*n, *seed)
	g, err := os.Create(fs.Arg(0))
	if err != nil {
		return err
	}
	defer g.Close()
	if err := glossary.WriteYAML(g, concepts, []language.Tag{language.English, language.Russian, language.Kazakh}); err != nil {
		return err
	}
	v, err := os.Create(fs.Arg(1))
	if err != nil {
		return err
	}
	defer v.Close()
	count, err := writeVariants(v, concepts)
	if err != nil {
		return err
	}
	fmt.Printf("%s: %d concepts; %s: %d spellings\n", fs.Arg(0), len(concepts), fs.Arg(1), count)
	return g.Close()
}

// writeVariants writes every Latin spelling loctool looks for of the
// concepts, one a line: their English spellings and the variants
// generated from their Cyrillic forms, for grep -F -f. It returns how
// many it wrote.
func writeVariants(w io.Writer, concepts []*glossary.Concept) (int, error) {
	seen := map[string]bool{}
	n := 0
	write := func(s string) error {
		if seen[strings.ToLower(s)] {
			return nil
		}
		seen[strings.ToLower(s)] = true
		n++
		_, err := fmt.Fprintln(w, s)
		return err
	}
	for _, c := range concepts {
		if t := c.Terms[language.English]; t != nil {
			if err := write(t.Preferred); err != nil {
				return n, err
			}
		}
		for lang, forms := range c.Source {
			for _, f := range forms {
				for _, v := range glossary.Variants(f, lang) {
					if isLatin(v.Text) {
						if err := write(v.Text); err != nil {
							return n, err
						}
					}
				}
			}
		}
	}
	return n, nil
}

func isLatin(s string) bool {
	for _, r := range s {
		if r > 0x24F {
			return false
		}
	}
	return true
}

func makeTMX(args []string) error {
	fs := flag.NewFlagSet("tmx", flag.ExitOnError)
	n := fs.Int("n", 1000000, "number of translation units")
	seed := fs.Uint64("seed", 1, "seed of the variations")
	style := fs.String("style", "cyrillic", "how the translations are written: cyrillic or lookalike")
	repo := fs.String("repo", "..", "the loctool repository, whose sample articles the sentences are made from")
	fs.Parse(args)
	if fs.NArg() != 1 {
		return fmt.Errorf("tmx needs one file, not %d arguments", fs.NArg())
	}
	st, err := corpus.ParseStyle(*style)
	if err != nil {
		return err
	}
	o := corpus.Options{Seed: *seed}
	if err := o.LoadSamples(*repo); err != nil {
		return err
	}
	f, err := os.Create(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	tw, err := tmx.NewWriter(w, &tmx.Header{SrcLang: language.English}, tmx.WriteOptions{ToolVersion: "bench"})
	if err != nil {
		return err
	}
	units := 0
	err = corpus.Sentences(o, func(s string) bool {
		if units == *n {
			return false
		}
		src := inline.Text(s)
		err = tw.Write(&tmx.Unit{Variants: []*tmx.Variant{
			{Lang: language.English, Seg: src},
			{Lang: language.Russian, Seg: corpus.PseudoIn(src, st)},
		}})
		units++
		return err == nil
	})
	if err != nil {
		return err
	}
	if err := tw.Close(); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Printf("%s: %d units\n", fs.Arg(0), units)
	return f.Close()
}
