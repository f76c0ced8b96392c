package project

import (
	"bytes"
	"errors"
	"fmt"
	"iter"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/check"
	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/document"
	"github.com/loctool/loctool/glossary"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/i18njson"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/internal/atomicfile"
	"github.com/loctool/loctool/internal/parallel"
	"github.com/loctool/loctool/xliff"
)

// CheckOptions are the options of [Project.Check] and [CheckFiles].
type CheckOptions struct {
	// Paths are the articles and handoff files to check, slash-separated
	// and relative to the project (to the folder, for CheckFiles); empty
	// for every article and handoff file of the project. A path ending in
	// one of the extensions of [IsHandoffFile] is a handoff file. In a
	// project, an absolute path is a file outside it: read as CheckFiles
	// reads files, with the project's glossary and settings, and never
	// fixed.
	Paths []string
	// Rules are the rules to check, IDs or patterns such as target.*;
	// empty for every rule.
	Rules []string
	// Fix plans the edits that write the preferred spelling over each
	// variant the check finds in the articles, and over each forbidden
	// or variant spelling in the translations of the handoff files, in
	// the target language and with the case ending it had (see
	// term.target): the files' other bytes, states and notes as they
	// were.
	Fix bool
	// Fixes gives the findings the edits that fix them, for the output
	// formats that carry them (JSON, SARIF); Fix implies it.
	Fixes bool
	// Emit, when set, is given each finding as soon as its file is
	// checked, in the order [Project.Check] says, and CheckReport's
	// Diagnostics stay empty: a check of a large archive then holds
	// the findings of a few files at a time. An error from Emit stops
	// the check, and is returned.
	Emit func(diag.Diagnostic) error
}

// CheckReport is what a check found.
type CheckReport struct {
	// Files are the files checked.
	Files []string
	// Diagnostics are the findings, in the order [Project.Check] says,
	// with the project's check settings applied; none with
	// CheckOptions.Emit. With Fix, those fixed are left out.
	Diagnostics []diag.Diagnostic
	// Fixed counts, with Fix, the spellings fixed in each article and
	// handoff file.
	Fixed map[string]int
}

// Check checks the spelling of the glossary's names in the project's
// articles, and the translations of its handoff files: the rules of
// package check, with the settings of config.yaml. With opts.Fix, the
// plan writes the articles and the handoff files with the preferred
// spellings (a JSON file's source snapshot too, where it holds the
// translation fixed), in one batch.
//
// The findings come file by file, in order of the files' paths, each
// file's in order of place, as soon as the file is checked (see
// CheckOptions.Emit); then the findings across files, the names spelt
// two ways (spelling.inconsistent) and the translations that differ
// (consistency.*), in order of file and place; then what the readers
// of the glossary and the segmentation rules read past. What the
// consistency checks need of a large project's translations waits in
// temporary files (see [check.Checker.EachConsistency]).
func (p *Project) Check(opts CheckOptions) (*Plan, *CheckReport, error) {
	c := &checking{p: p, root: p.Root, lang: p.Source, glossary: p.Glossary}
	if len(opts.Paths) == 0 {
		var err error
		if c.articles, err = p.Articles(); err != nil {
			return nil, nil, err
		}
		if c.handoffs, err = p.HandoffFiles(); err != nil {
			return nil, nil, err
		}
	}
	return c.run(opts, p.checkSettings())
}

// checkSettings are the check's settings in config.yaml.
func (p *Project) checkSettings() check.Settings {
	settings := check.Settings{Severity: p.CheckSeverity}
	for _, ig := range p.CheckIgnore {
		settings.Ignore = append(settings.Ignore, check.Ignore{Rule: ig.Rule, File: ig.File, Found: ig.Found})
	}
	return settings
}

// CheckFiles checks articles and XLIFF handoff files outside any
// project, in the folder root, as [Project.Check] does: English
// articles, handoff files in the languages they say, the glossary g
// (nil for none), and no settings. A JSON handoff file cannot be
// checked outside its project, which keeps its source.
func CheckFiles(root string, g *glossary.Glossary, opts CheckOptions) (*Plan, *CheckReport, error) {
	c := &checking{root: root, lang: language.English, glossary: func() (*glossary.Glossary, error) { return g, nil }}
	return c.run(opts, check.Settings{})
}

// Unsettled returns the names the articles spell more than one way that
// the project's glossary does not cover: what check reports as
// spelling.inconsistent, for a glossary to settle. paths are articles
// relative to the project; none for every article of the project.
func (p *Project) Unsettled(paths []string) ([]glossary.Cluster, error) {
	c := &checking{p: p, root: p.Root, lang: p.Source, glossary: p.Glossary, articles: paths}
	if len(paths) == 0 {
		var err error
		if c.articles, err = p.Articles(); err != nil {
			return nil, err
		}
	}
	return c.unsettled()
}

// UnsettledFiles is [Project.Unsettled] for English articles outside any
// project, in the folder root, with the glossary g (nil for none).
func UnsettledFiles(root string, g *glossary.Glossary, paths []string) ([]glossary.Cluster, error) {
	c := &checking{root: root, lang: language.English, glossary: func() (*glossary.Glossary, error) { return g, nil }, articles: paths}
	return c.unsettled()
}

func (c *checking) unsettled() ([]glossary.Cluster, error) {
	g, err := c.glossary()
	if err != nil {
		return nil, err
	}
	sources, err := c.readArticles()
	if err != nil {
		return nil, err
	}
	return check.Clusters(sources, g, c.lang)
}

// checking is one run of the check.
type checking struct {
	p                  *Project // nil outside a project
	root               string
	lang               language.Tag // of the articles
	glossary           func() (*glossary.Glossary, error)
	articles, handoffs []string
	qa                 *check.Checker // of the handoff files, once checked
}

// articleOptions are the options articles are parsed with: the
// project's, or the defaults outside a project.
func (c *checking) articleOptions() document.Options {
	if c.p == nil {
		return document.Options{}
	}
	return c.p.articleOptions()
}

// run checks the files: the articles while the glossary loads, then the
// handoff files one at a time, each read, checked and let go.
func (c *checking) run(opts CheckOptions, settings check.Settings) (*Plan, *CheckReport, error) {
	if err := check.CheckPatterns(opts.Rules); err != nil {
		return nil, nil, err
	}
	for _, f := range opts.Paths {
		if c.p != nil && filepath.IsAbs(f) && opts.Fix {
			return nil, nil, fmt.Errorf("%s is outside the project %s: check --fix and --diff write only the project's files", f, c.p.Root)
		}
		switch {
		case IsHandoffFile(f):
			if (c.p == nil || filepath.IsAbs(f)) && i18njson.HasExtension(f) {
				return nil, nil, fmt.Errorf("%s: a go-i18n message file is read with its project's config.yaml, inside the project", f)
			}
			c.handoffs = append(c.handoffs, f)
		default:
			c.articles = append(c.articles, f)
		}
	}
	// The glossary loads while the first articles are read: its matcher
	// is needed only once they are parsed.
	load := sync.OnceValues(c.glossary)
	go load()
	arts := check.NewArticles(check.Options{Load: load, Lang: c.lang, Fixes: opts.Fix || opts.Fixes, Article: c.articleOptions()})
	defer arts.Close()
	report := &CheckReport{Files: slices.Concat(c.articles, c.handoffs)}
	// One list of paths, not two copies: a project has thousands.
	na := len(c.articles)
	c.articles, c.handoffs = report.Files[:na:na], report.Files[na:]
	emit := opts.Emit
	if emit == nil {
		emit = func(d diag.Diagnostic) error {
			report.Diagnostics = append(report.Diagnostics, d)
			return nil
		}
	}
	// The settings first: what they silence is neither reported nor fixed.
	settle := func(ds []diag.Diagnostic) []diag.Diagnostic {
		ds, _ = check.Select(ds, opts.Rules) // the patterns are checked above
		return settings.Apply(ds)
	}
	plan := &Plan{}
	if opts.Fix {
		report.Fixed = map[string]int{}
	}
	// With Fix, the articles' texts are kept until they are fixed.
	var texts []string
	if opts.Fix {
		texts = make([]string, len(c.articles))
	}
	var qa *check.Checker
	newChecker := sync.OnceFunc(func() {
		g, _ := load()
		qa = check.NewChecker(check.Options{Glossary: g})
		c.qa = qa
	})
	// Every file in order of path; each is read, checked and let go, on
	// every core, and its findings given in order.
	order := make([]int, len(report.Files)) // articles first, then handoff files
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return strings.Compare(report.Files[i], report.Files[j]) })
	type checked struct {
		found []diag.Diagnostic
		err   error
	}
	// The first articles in order are parsed while the glossary loads.
	n := 0
	for n < len(order) && order[n] < len(c.articles) {
		n++
	}
	ahead := arts.Ahead(n, func(k int) check.Source { return c.articleSource(order[k], texts) })
	var failed atomic.Bool
	var err error
	parallel.Ordered(len(order), func(k int) checked {
		if failed.Load() {
			return checked{}
		}
		if _, err := load(); err != nil {
			return checked{err: err}
		}
		i := order[k]
		if k < len(ahead) {
			found, err := arts.Finish(ahead[k])
			ahead[k] = nil // let go
			return checked{settle(found), err}
		}
		if i < len(c.articles) {
			found, err := arts.Check(c.articleSource(i, texts))
			return checked{settle(found), err}
		}
		newChecker()
		n := i - len(c.articles)
		hs, found := c.readHandoff(c.handoffs[n])
		for _, h := range hs {
			found = append(found, qa.File(n, h)...)
		}
		check.Sort(found)
		return checked{found: settle(found)}
	}, func(k int, r checked) {
		if err != nil || failed.Load() {
			return
		}
		if r.err != nil {
			err = r.err
			failed.Store(true)
			return
		}
		found := r.found
		if opts.Fix {
			found = c.fix(plan, report, texts, order[k], found)
		}
		for _, d := range found {
			if err = emit(d); err != nil {
				failed.Store(true)
				return
			}
		}
	})
	if err != nil {
		return nil, nil, err
	}
	// The findings across files, in order of file and place: the
	// articles' and the handoff files', merged.
	// The names spelt two ways are made one at a time, as they are
	// emitted: a large corpus has millions.
	var loadErr error
	next, stop := iter.Pull(func(yield func(diag.Diagnostic) bool) {
		loadErr = arts.EachInconsistent(func(d diag.Diagnostic) bool {
			for _, d := range settle([]diag.Diagnostic{d}) {
				if !yield(d) {
					return false
				}
			}
			return true
		})
	})
	defer stop()
	pending, more := next()
	if loadErr != nil {
		return nil, nil, loadErr
	}
	emitBefore := func(d *diag.Diagnostic) error {
		for more && (d == nil || check.ComparePlaces(&pending, d) <= 0) {
			if err := emit(pending); err != nil {
				return err
			}
			pending, more = next()
		}
		return nil
	}
	if len(c.handoffs) > 0 {
		newChecker()
		err := qa.EachConsistency(func(d diag.Diagnostic) error {
			for _, d := range settle([]diag.Diagnostic{d}) {
				if err := emitBefore(&d); err != nil {
					return err
				}
				if err := emit(d); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
	}
	if err := emitBefore(nil); err != nil {
		return nil, nil, err
	}
	// What the readers of the glossary and the segmentation rules read
	// past.
	g, _ := load()
	read := g.Diagnostics()
	if c.p != nil {
		read = append(read, c.p.Rules().Diagnostics()...)
	}
	check.Sort(read)
	for _, d := range settle(read) {
		if err := emit(d); err != nil {
			return nil, nil, err
		}
	}
	return plan, report, nil
}

// fix plans the writes that fix the findings of file i of the check
// (an article below len(c.articles), else a handoff file), counts them
// in report.Fixed, and returns the findings left.
func (c *checking) fix(plan *Plan, report *CheckReport, texts []string, i int, found []diag.Diagnostic) []diag.Diagnostic {
	if i < len(c.articles) {
		file := c.articles[i]
		text, n := check.Fix(texts[i], file, found)
		texts[i] = "" // let go
		if n == 0 {
			return found
		}
		report.Fixed[file] = n
		plan.add(c.writePath(file), "fixed spellings", []byte(text))
		return slices.DeleteFunc(found, func(d diag.Diagnostic) bool { return d.File == file && len(d.Fixes) > 0 })
	}
	writes, fixed, left := c.fixTargetsAll(found)
	plan.Writes = append(plan.Writes, writes...)
	maps.Copy(report.Fixed, fixed)
	return left
}

// writePath is where a plan writes a file checked: relative to the
// project, or absolute outside one.
func (c *checking) writePath(file string) string {
	if c.p != nil || filepath.IsAbs(file) {
		return file
	}
	return filepath.Join(c.root, filepath.FromSlash(file))
}

// abs is the path of a file checked: in a project, confined to it,
// unless given as an absolute path outside it (see CheckOptions.Paths).
func (c *checking) abs(file string) (string, error) {
	if c.p != nil && !filepath.IsAbs(file) {
		return c.p.confine(file)
	}
	return c.writePath(file), nil
}

// readArticles reads the articles on every core.
func (c *checking) readArticles() ([]check.Source, error) {
	sources := make([]check.Source, len(c.articles))
	errs := make([]error, len(sources))
	parallel.Each(len(sources), func(i int) {
		sources[i].Path = c.articles[i]
		sources[i].Text, errs[i] = c.articleSource(i, nil).Read()
	})
	return sources, errors.Join(errs...)
}

// articleSource is the i-th article to check, read when its Read is
// called: the source of each is made when its turn comes, where a
// project has thousands. With texts, its text is then kept in texts[i]
// too.
func (c *checking) articleSource(i int, texts []string) check.Source {
	f := c.articles[i]
	return check.Source{Path: f, Read: func() (string, error) {
		abs, err := c.abs(f)
		var text string
		if err == nil {
			text, err = readString(abs)
		}
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			if errors.Is(err, atomicfile.ErrNotRegular) {
				return "", notAFile(f, err, "give the article's file")
			}
			return "", fmt.Errorf("cannot read %s: %w", f, err)
		}
		if texts != nil {
			texts[i] = text
		}
		return text, nil
	}}
}

// readString reads a regular file as a string, without the copy that
// string(os.ReadFile(…)) makes: the bytes read are never changed.
func readString(path string) (string, error) {
	data, err := atomicfile.ReadRegular(path)
	return unsafe.String(unsafe.SliceData(data), len(data)), err
}

// readHandoff reads a handoff file, with the sentences of its article
// that have changed since; the diagnostics say why a file cannot be
// read, or warn. Outside a project, an XLIFF document of several
// <file>s (as Xcode and translation packages write them) gives each.
func (c *checking) readHandoff(file string) ([]check.Handoff, []diag.Diagnostic) {
	if c.p != nil && !filepath.IsAbs(file) {
		f, ts, problems := c.p.Translations(file)
		if f == nil && len(problems) == 1 && problems[0].Rule == diag.HandoffFiles {
			// A package: each <file> is its article's (see readPack).
			_, lang, _ := c.p.ArticleOf(file)
			files, tss, problems := c.p.packHandoffs(file, lang)
			hs := make([]check.Handoff, len(files))
			for i, f := range files {
				hs[i] = qaHandoff(file, f, tss[i])
			}
			return hs, problems
		}
		if f == nil {
			return nil, problems
		}
		return []check.Handoff{qaHandoff(file, f, ts)}, problems
	}
	// Outside a project, an XLIFF file says its own languages.
	data, err := atomicfile.ReadRegular(c.writePath(file)) // outside a project, nothing to confine to
	if err != nil {
		var pe *os.PathError
		var nr *atomicfile.NotRegularError
		switch {
		case errors.As(err, &nr):
			err = fmt.Errorf("this is %s, not a file: give the handoff file", nr.What())
		case errors.As(err, &pe):
			err = fmt.Errorf("cannot read the file: %w", pe.Err)
		default:
			err = fmt.Errorf("cannot read the file: %w", err)
		}
		return nil, []diag.Diagnostic{{File: file, Severity: diag.Error, Rule: diag.HandoffRead, Message: err.Error()}}
	}
	var warnings []diag.Diagnostic
	opts := xliff.ReadOptions{KeepCodeMismatches: true, Warn: func(w diag.Diagnostic) { warnings = append(warnings, w) }}
	files, _, err := opts.ReadAll(bytes.NewReader(data), file)
	if err != nil {
		return nil, diagnose(file, err)
	}
	hs := make([]check.Handoff, len(files))
	for i, f := range files {
		hs[i] = check.Handoff{Path: file, File: f}
	}
	return hs, warnings
}

// qaHandoff is a handoff file for the QA rules, with the sentences of its
// article that have changed since it was extracted.
func qaHandoff(rel string, f *handoff.File, ts []Translation) check.Handoff {
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
