package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/aymanbagabas/go-udiff"
	"github.com/spf13/cobra"

	"github.com/loctool/loctool/check"
	"github.com/loctool/loctool/glossary"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/internal/atomicfile"
	"github.com/loctool/loctool/internal/parallel"
	"github.com/loctool/loctool/project"
	"github.com/loctool/loctool/xliff"
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

// checkFormats are the output formats of loctool check.
var checkFormats = []string{"text", "json", "sarif", "junit", "github"}

// failOn are the values of --fail-on, and the least severity each fails on.
var failOn = map[string]check.Severity{"error": check.Error, "warning": check.Warning, "info": check.Info, "never": ""}

func newCmdCheck(streams *ioStreams, runF func(*checkOptions) error) *cobra.Command {
	opts := &checkOptions{io: streams}
	cmd := &cobra.Command{
		Use:   "check [PATH...]",
		Short: "Check the spelling of names in articles and translations against the glossary",
		Long: `Check the spelling of the names in articles and their translations against
the transliteration glossary: a variant or forbidden spelling of a
concept (Jakiyanov for Zhakiyanov, Kazak where the glossary prefers
Kazakh) is an error [spelling.variant], and two spellings the articles
use for what looks like one name, which no glossary entry covers, are a
warning at each place [spelling.inconsistent].

In handoff files (.xlf, .json), each translation is checked against its
source: the glossary's terms in the target language, inflected forms
too [term.target], untranslated or copied text, stale translations,
inline codes, numbers, punctuation, white space, doubled words, quotes
and brackets [target.…], and consistency across the files
[consistency.…]. A unit's note "loctool-ignore: RULE" silences a rule
for it; --rules checks only the rules given. A file that cannot be read
is an error [handoff.…].

With no PATH, check takes the articles and handoff files of config.yaml.
The glossaries are loctool's built-in glossary of Central Asia (unless
--no-builtin), then those of config.yaml and each --glossary, which
override it. Without config.yaml, check takes the PATHs given and the
--glossary files. A glossary that is slow to load is kept in loctool's
cache folder (LOCTOOL_CACHE names another; LOCTOOL_CACHE=off keeps
none).

--fix writes the preferred spelling over each variant, in place and
atomically, and changes nothing else: the other bytes, line endings
included, stay as they are. --diff prints those changes as a unified
diff instead, and writes nothing. Names spelt two ways with no glossary
entry are not fixed: add the entry first.

Findings are printed compiler style (text, coloured on a terminal), or as
a JSON array, a SARIF 2.1.0 log, a JUnit XML report or GitHub Actions
annotations. The exit status is 0 when nothing at or above --fail-on
(default: error) is found, 1 when something is, and 2 for a usage,
configuration or glossary error.`,
		Example: `  # Every article and handoff file of the project, in CI
  loctool check

  # The Russian translations only, for numbers and tags
  loctool check --rules target.numbers,target.codes locales/ru/articles/*.xlf

  # One article, with another glossary too
  loctool check --glossary house.yaml articles/news.txt

  # For scripts
  loctool check --format json

  # Write the preferred spellings, or see what that would change
  loctool check --fix
  loctool check --diff

  # For GitHub code scanning, and annotations in a workflow
  loctool check --format sarif > loctool.sarif
  loctool check --format github`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if opts.Fix && opts.Diff {
				return usageError(errors.New("--fix and --diff together"), "--diff shows what --fix would write: choose one")
			}
			if !slices.Contains(checkFormats, opts.Format) {
				return usageError(fmt.Errorf("--format is %q", opts.Format), "use one of "+strings.Join(checkFormats, ", "))
			}
			if _, ok := failOn[opts.FailOn]; !ok {
				return usageError(fmt.Errorf("--fail-on is %q", opts.FailOn), "use error, warning, info or never")
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
	if _, err := check.Select(nil, opts.Rules); err != nil {
		return usageError(err, "the rules are "+strings.Join(check.RuleIDs(), ", "))
	}
	var files, handoffs, glossaries []string
	root := "."
	p, err := openProject(opts.io, false)
	var ce *cliError
	switch {
	case err == nil:
		root = p.Root
		glossaries = projectGlossaries(p)
		if len(opts.Paths) == 0 {
			if files, err = p.Articles(); err != nil {
				return err
			}
			if handoffs, err = p.HandoffFiles(); err != nil {
				return err
			}
		}
	case errors.As(err, &ce) && opts.io.configFile == "" && len(opts.Paths) > 0:
		if _, statErr := os.Stat(configName); statErr == nil {
			return err // a config.yaml that cannot be used
		}
	default:
		return err
	}
	for _, path := range opts.Paths {
		rel := path
		if p != nil {
			abs, err := filepath.Abs(path)
			if err != nil {
				return err
			}
			if rel, err = project.Rel(p.Root, abs); err != nil {
				return usageError(fmt.Errorf("%s is outside the project %s", path, p.Root))
			}
		}
		switch filepath.Ext(rel) {
		case ".xlf", ".xliff", ".json":
			if p == nil && filepath.Ext(rel) == ".json" {
				return usageError(fmt.Errorf("%s: a JSON handoff file is read with its project's config.yaml", path), "run loctool check in the project's folder")
			}
			handoffs = append(handoffs, rel)
		default:
			files = append(files, rel)
		}
	}
	glossaries = append(glossaries, opts.Glossaries...)
	if p != nil && len(files)+len(handoffs) == 0 {
		warnNothing(opts.io, p, "article")
	}
	if opts.Fix && p != nil {
		unlock, err := lockProject(p, "check --fix")
		if err != nil {
			return err
		}
		defer unlock()
	}

	// The glossaries load while the articles are read.
	type loaded struct {
		g   *glossary.Glossary
		err error
	}
	load := make(chan loaded, 1)
	go func() {
		g, err := loadGlossaries(p, glossaries, !opts.NoBuiltin && (p == nil || !p.NoBuiltinGlossary))
		load <- loaded{g, err}
	}()
	sources, readErr := readSources(root, files)
	l := <-load
	if l.err != nil {
		return l.err
	}
	if readErr != nil {
		return readErr
	}
	g := l.g
	findings, err := check.Sources(sources, check.Options{Glossary: g})
	if err != nil {
		return failure(err)
	}
	findings = append(findings, checkHandoffs(p, root, handoffs, g)...)
	check.Sort(findings)
	if findings, err = check.Select(findings, opts.Rules); err != nil {
		return usageError(err, "the rules are "+strings.Join(check.RuleIDs(), ", "))
	}
	// The settings first: what they silence is neither reported nor fixed.
	findings = checkSettings(p).Apply(findings)
	if opts.Fix || opts.Diff {
		if findings, err = fix(opts, root, sources, findings); err != nil {
			return err
		}
	}
	checked := slices.Concat(files, handoffs)
	if err := writeFindings(opts, checked, findings); err != nil {
		return err
	}
	least := failOn[opts.FailOn]
	counts := map[check.Severity]int{}
	failing := 0
	for _, f := range findings {
		counts[f.Severity]++
		if least != "" && f.Severity.Rank() >= least.Rank() {
			failing++
		}
	}
	if failing > 0 {
		return failure(fmt.Errorf("%d %s, %d %s in %d %s", counts[check.Error], plural(counts[check.Error], "error", "errors"),
			counts[check.Warning], plural(counts[check.Warning], "warning", "warnings"), len(checked), plural(len(checked), "file", "files")))
	}
	return nil
}

// writeFindings prints findings in the format asked for.
func writeFindings(opts *checkOptions, files []string, findings []check.Finding) error {
	w := bufio.NewWriter(opts.io.out)
	if err := writeFindingsTo(w, opts, files, findings); err != nil {
		return err
	}
	return w.Flush()
}

func writeFindingsTo(w io.Writer, opts *checkOptions, files []string, findings []check.Finding) error {
	switch opts.Format {
	case "json":
		if findings == nil {
			findings = []check.Finding{}
		}
		return printJSON(w, findings)
	case "sarif":
		return check.WriteSARIF(w, findings, loctoolVersion())
	case "junit":
		return check.WriteJUnit(w, files, findings)
	case "github":
		return check.WriteGitHub(w, findings)
	}
	colour := map[check.Severity]string{check.Error: "\x1b[1;31m", check.Warning: "\x1b[1;33m", check.Info: "\x1b[1;36m"}
	for _, f := range findings {
		line := f.String()
		if opts.io.outIsTerminal {
			sev := string(f.Severity) + ":"
			line = strings.Replace(line, " "+sev+" ", " "+colour[f.Severity]+sev+"\x1b[0m ", 1)
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
		switch {
		case f.Hint != "":
			fmt.Fprintf(w, "\thint: %s\n", f.Hint)
		case f.Suggestion != "" && (f.Rule == check.RuleVariant || f.Rule == check.RuleTerm):
			fmt.Fprintf(w, "\thint: write %q\n", f.Suggestion)
		}
	}
	return nil
}

// fix writes, or shows as a diff, the preferred spellings over the
// variants found, and returns the findings it did not fix.
func fix(opts *checkOptions, root string, sources []check.Source, findings []check.Finding) ([]check.Finding, error) {
	fixed := map[string]bool{}
	for _, src := range sources {
		text, n := check.Fix(src.Text, src.Path, findings)
		if n == 0 {
			continue
		}
		fixed[src.Path] = true
		if opts.Diff {
			fmt.Fprint(opts.io.out, udiff.Unified("a/"+src.Path, "b/"+src.Path, src.Text, text))
			continue
		}
		path := src.Path
		if !filepath.IsAbs(path) {
			path = filepath.Join(root, filepath.FromSlash(path))
		}
		if err := atomicfile.WriteFile(path, []byte(text), 0o644); err != nil {
			return nil, failure(fmt.Errorf("cannot write %s: %w", src.Path, err))
		}
		fmt.Fprintf(opts.io.errOut, "%s: %d %s fixed\n", src.Path, n, plural(n, "spelling", "spellings"))
	}
	if opts.Diff {
		if len(fixed) > 0 {
			return nil, failure(fmt.Errorf("%d %s to fix", len(fixed), plural(len(fixed), "file", "files")), "run loctool check --fix to write the changes")
		}
		return nil, nil
	}
	return slices.DeleteFunc(findings, func(f check.Finding) bool {
		return fixed[f.File] && f.Rule == check.RuleVariant && f.Suggestion != ""
	}), nil
}

// loadGlossaries loads the built-in glossary, when asked, and the files,
// which override it. OmegaT glossaries take the project's languages.
func loadGlossaries(p *project.Project, files []string, builtin bool) (*glossary.Glossary, error) {
	var langs glossary.Langs
	if p != nil {
		langs = glossary.Langs{Source: p.Source, Target: p.Targets[0]}
	}
	if !builtin && len(files) == 0 {
		return nil, nil
	}
	g, err := glossaryCache().Load(langs, builtin, files...)
	if err != nil {
		return nil, usageError(err, "fix the glossary, or its path in config.yaml or --glossary; each error names its file and line")
	}
	return g, nil
}

// checkSettings returns the project's settings of the check; none
// without a project.
func checkSettings(p *project.Project) check.Settings {
	if p == nil {
		return check.Settings{}
	}
	settings := check.Settings{Severity: p.CheckSeverity}
	for _, ig := range p.CheckIgnore {
		settings.Ignore = append(settings.Ignore, check.Ignore{Rule: ig.Rule, File: ig.File, Found: ig.Found})
	}
	return settings
}

// checkHandoffs reads handoff files, named relative to root, on every
// core, and checks each as it is read, with what of it is stale against
// the articles: a project's files need not all be in memory at once. A
// file that cannot be read is an error finding at its place.
func checkHandoffs(p *project.Project, root string, files []string, g *glossary.Glossary) []check.Finding {
	c := check.NewChecker(check.Options{Glossary: g})
	each := make([][]check.Finding, len(files))
	parallel.Each(len(files), func(i int) {
		h, problems := readHandoff(p, root, files[i])
		for _, d := range problems {
			sev := check.Error
			if d.Severity == project.Warning {
				sev = check.Warning
			}
			each[i] = append(each[i], check.Finding{File: d.File, Line: d.Line, Col: d.Col, Severity: sev,
				Rule: d.Rule, Message: d.Msg, Hint: d.Hint})
		}
		if h.File != nil {
			each[i] = append(each[i], c.File(i, h)...)
		}
	})
	return append(slices.Concat(each...), c.Consistency()...)
}

// readHandoff reads a handoff file, with the sentences of its article
// that have changed since; the diagnostics say why a file cannot be
// read, or warn.
func readHandoff(p *project.Project, root, file string) (check.Handoff, []project.Diagnostic) {
	h := check.Handoff{Path: file}
	if p != nil {
		f, ts, problems := p.Translations(file)
		return handoffOf(file, f, ts), problems
	}
	// Without a project, an XLIFF file says its own languages.
	f, err := os.Open(filepath.Join(root, filepath.FromSlash(file)))
	if err != nil {
		return h, []project.Diagnostic{{File: file, Severity: project.Error, Rule: project.RuleRead, Msg: "cannot read the file: " + errors.Unwrap(err).Error()}}
	}
	defer f.Close()
	if h.File, _, err = (xliff.ReadOptions{KeepCodeMismatches: true}).Read(f, file); err != nil {
		return h, project.Diagnose(file, err)
	}
	return h, nil
}

// handoffOf is a handoff file to check, with the sentences of its
// article that have changed since.
func handoffOf(rel string, f *handoff.File, ts []project.Translation) check.Handoff {
	h := check.Handoff{Path: rel, File: f}
	for _, t := range ts {
		if t.Stale {
			if h.Now == nil {
				h.Now = map[*handoff.Segment]inline.Content{}
			}
			h.Now[t.Segment] = t.Now
		}
	}
	return h
}

// glossaryCache returns where loaded glossaries are kept: the folder
// LOCTOOL_CACHE names, or loctool's folder in the user's cache folder;
// none when LOCTOOL_CACHE is off or there is no such folder.
func glossaryCache() glossary.Cache {
	dir := os.Getenv("LOCTOOL_CACHE")
	switch dir {
	case "off":
		return glossary.Cache{}
	case "":
		d, err := os.UserCacheDir()
		if err != nil {
			return glossary.Cache{}
		}
		dir = filepath.Join(d, "loctool")
	}
	// An entry is this build's: a rebuilt loctool makes its own.
	exe, err := os.Executable()
	if err != nil {
		return glossary.Cache{}
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return glossary.Cache{}
	}
	return glossary.Cache{Dir: dir, Program: fmt.Sprintf("%s %s %d %d", loctoolVersion(), exe, fi.Size(), fi.ModTime().UnixNano())}
}

// readSources reads articles, named relative to root.
func readSources(root string, files []string) ([]check.Source, error) {
	sources := make([]check.Source, len(files))
	errs := make([]error, len(files))
	parallel.Each(len(files), func(i int) {
		f := files[i]
		path := f
		if !filepath.IsAbs(f) {
			path = filepath.Join(root, filepath.FromSlash(f))
		}
		data, err := os.ReadFile(path)
		if err != nil {
			errs[i] = failure(fmt.Errorf("cannot read %s: %w", f, errors.Unwrap(err)))
		}
		sources[i] = check.Source{Path: f, Text: string(data)}
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return sources, nil
}

// projectGlossaries returns the paths of the project's glossary files.
func projectGlossaries(p *project.Project) []string {
	var out []string
	for _, g := range p.Glossaries {
		out = append(out, filepath.Join(p.Root, filepath.FromSlash(g)))
	}
	return out
}
