package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/loctool/loctool/check"
	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/glossary"
	"github.com/loctool/loctool/i18njson"
	"github.com/loctool/loctool/project"
)

type checkOptions struct {
	io         *ioStreams
	Paths      []string
	Glossaries []string
	Format     string
	FailOn     string
	Fix, Diff  bool
	NoBuiltin  bool
	Rules      []string
}

// failOn are the values of --fail-on, and the least severity each fails on.
var failOn = map[string]diag.Severity{"error": diag.Error, "warning": diag.Warning, "info": diag.Info, "never": ""}

func newCmdCheck(streams *ioStreams, runF func(*checkOptions) error) *cobra.Command {
	opts := &checkOptions{io: streams}
	cmd := &cobra.Command{
		Use:     "check [PATH...]",
		Short:   "Check the spelling of names in articles and translations against the glossary",
		Long:    checkHelp,
		Example: checkExamples,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if opts.Fix && opts.Diff {
				return usageError(errors.New("--fix and --diff together"), "--diff shows what --fix would write: choose one")
			}
			if _, err := diag.NewFormatter(opts.Format, false); err != nil {
				return usageError(fmt.Errorf("--format is %q", opts.Format), "use one of "+strings.Join(diag.Formats, ", "))
			}
			if _, ok := failOn[opts.FailOn]; !ok {
				return usageError(fmt.Errorf("--fail-on is %q", opts.FailOn), "use error, warning, info or never")
			}
			if err := check.CheckPatterns(opts.Rules); err != nil {
				return usageError(err, "the rules are "+strings.Join(diag.SettableIDs(), ", "))
			}
			if runF != nil {
				return runF(opts)
			}
			return checkRun(opts)
		},
	}
	cmd.Flags().StringArrayVar(&opts.Glossaries, "glossary", nil, "a glossary `file` to use besides those of config.yaml (repeatable)")
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output `format`: text, json, sarif (code scanning), junit (CI test reports) or github (Actions annotations)")
	cmd.Flags().StringVar(&opts.FailOn, "fail-on", "error", "the least `severity` that fails the check: error, warning, info or never")
	cmd.Flags().BoolVar(&opts.NoBuiltin, "no-builtin", false, "leave out loctool's built-in glossary of Central Asia")
	cmd.Flags().StringSliceVar(&opts.Rules, "rules", nil, "check only these `rules` (comma-separated; patterns such as target.* too)")
	cmd.Flags().BoolVar(&opts.Fix, "fix", false, "write the preferred spelling over each variant, in place")
	cmd.Flags().BoolVar(&opts.Diff, "diff", false, "print what --fix would change, as a unified diff, and write nothing")
	return cmd
}

func checkRun(opts *checkOptions) error {
	p, paths, err := checkProject(opts)
	if err != nil {
		return err
	}
	copts := project.CheckOptions{Paths: paths, Rules: opts.Rules, Fix: opts.Fix || opts.Diff,
		Fixes: opts.Format == "json" || opts.Format == "sarif"}
	// The findings are written as each file is checked; with --diff,
	// what --fix would write is shown instead.
	f, _ := diag.NewFormatter(opts.Format, opts.io.outIsTerminal)
	out := bufio.NewWriter(opts.io.out)
	stream := f.Stream(out, "check", loctoolVersion())
	counts := tally{}
	copts.Emit = func(d diag.Diagnostic) error {
		if opts.Diff {
			return nil
		}
		counts.add(d)
		return stream.Write(d)
	}
	var plan *project.Plan
	var report *project.CheckReport
	root := "."
	if p != nil {
		root = p.Root
		if opts.Fix {
			unlock, err := lockProject(p, "check --fix")
			if err != nil {
				return err
			}
			defer unlock()
		}
		plan, report, err = p.Check(copts)
	} else {
		if root, err = os.Getwd(); err != nil {
			return err
		}
		g, gerr := project.LoadGlossary(glossaryCache(), glossary.Langs{}, !opts.NoBuiltin, givenGlossaries(opts.Glossaries))
		if gerr != nil {
			return glossaryError(gerr)
		}
		plan, report, err = project.CheckFiles(root, g, copts)
	}
	if err != nil {
		discard(out, stream)
		return glossaryError(err)
	}
	if p != nil && len(report.Files) == 0 {
		noArticles(opts.io, p)
	}
	if opts.Diff {
		return printDiff(opts.io, root, plan)
	}
	if opts.Fix {
		if err := applyIn(plan, root); err != nil {
			discard(out, stream)
			return err
		}
		for _, f := range report.Files {
			if n := report.Fixed[f]; n > 0 {
				fmt.Fprintf(opts.io.errOut, "%s: %d %s fixed\n", f, n, plural(n, "spelling", "spellings"))
			}
		}
	}
	if err := stream.Close(report.Files); err != nil {
		return err
	}
	if err := out.Flush(); err != nil {
		return err
	}
	return counts.failing(failOn[opts.FailOn], len(report.Files))
}

// discard ends a stream of findings cut short by an error, and drops
// what of it is not yet written.
func discard(out *bufio.Writer, stream diag.Stream) {
	out.Reset(io.Discard)
	stream.Close(nil)
}

// checkProject opens the project, or none when there is no config.yaml
// and paths are given, and returns the paths relative to its folder.
func checkProject(opts *checkOptions) (*project.Project, []string, error) {
	p, err := openProject(opts.io, false)
	var ce *cliError
	switch {
	case err == nil:
		p.NoBuiltinGlossary = p.NoBuiltinGlossary || opts.NoBuiltin
		useGlossaries(p, opts.Glossaries)
		paths, err := projectPaths(p, opts.Paths)
		for i, path := range paths {
			if filepath.IsAbs(path) && (opts.Fix || opts.Diff) {
				return nil, nil, usageError(fmt.Errorf("%s is outside the project %s", opts.Paths[i], p.Root), "check --fix and --diff write only the project's files: check it without them, or fix it in its own project")
			}
		}
		return p, paths, err
	case errors.As(err, &ce) && opts.io.configFile == "" && len(opts.Paths) > 0:
		if _, statErr := os.Stat(configName); statErr == nil {
			return nil, nil, err // a config.yaml that cannot be used
		}
		for _, path := range opts.Paths {
			if i18njson.HasExtension(path) {
				return nil, nil, usageError(fmt.Errorf("%s: a go-i18n message file is read with its project's config.yaml", path), "run loctool check in the project's folder")
			}
		}
		return nil, opts.Paths, nil
	}
	return nil, nil, err
}
