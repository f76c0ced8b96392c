// Package project is loctool's workflow across a project: extracting
// articles into handoff files for translators, merging the files they
// return into localised articles, and reporting how far each language
// has come.
//
// # Plans
//
// [Project.Extract] and [Project.Merge] compute a [Plan] of file writes
// and a report of what they found; no file is replaced until
// [Plan.Apply], which puts them all in place or none. A dry run prints
// the plan instead. Over an archive of thousands of articles, the
// articles go through a few at a time, and a plan [Staged] writes each
// file beside its place as it is built, so that memory does not grow
// with the archive.
//
// # Files
//
// For article A and target language L, the handoff file is
// Locales/L/A.xlf (or .json), the merged article Output/L/A. JSON handoff
// files carry no source text, so the source they were extracted from is
// kept in Locales/L/.loctool/A.xlf. Translations of sentences removed from
// an article are kept in Locales/L/obsolete.xlf, an XLIFF 1.2 file that
// CAT tools and Translate Toolkit open.
package project

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/bmatcuk/doublestar/v4"
	"golang.org/x/text/language"

	"github.com/loctool/loctool/document"
	"github.com/loctool/loctool/glossary"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/internal/atomicfile"
	"github.com/loctool/loctool/internal/cut"
	"github.com/loctool/loctool/segment"
)

// Project is a configured project, ready to work.
type Project struct {
	Config
	// ExtraGlossaries are glossary files the command line adds to the
	// configuration's, as the process opens them: absolute, or relative
	// to its working folder. Messages name them so.
	ExtraGlossaries []string
	// GlossaryCache is where loaded glossaries are kept for the next run;
	// the zero value keeps none.
	GlossaryCache glossary.Cache

	rules   *segment.Rules
	handles cut.Handles

	mu         sync.Mutex
	segmenters map[language.Tag]*segment.Segmenter
	folders    sync.Map // the folders confine has checked

	glossary glossaryOnce
	hintOnce sync.Once
	hinter   *hinter
	hintErr  error
}

// hints returns the project's glossary hinter, made once; nil when the
// project has no glossary.
func (p *Project) hints() (*hinter, error) {
	p.hintOnce.Do(func() {
		g, err := p.Glossary()
		if g != nil {
			p.hinter = &hinter{glossary.NewMatcher(g, p.Source)}
		}
		p.hintErr = err
	})
	return p.hinter, p.hintErr
}

// confine is Confine under the project's root, checking each folder once.
func (p *Project) confine(rel string) (string, error) {
	return confine(p.Root, rel, &p.folders)
}

// readFile reads the project's file rel, one of loctool's own, confined
// to the project: a file that is not there is an error that
// fs.ErrNotExist matches, and a path that is not a regular file (a
// folder, a named pipe) is an error that names it, at once.
func (p *Project) readFile(rel string) ([]byte, error) {
	abs, err := p.confine(rel)
	if err != nil {
		return nil, err
	}
	data, err := atomicfile.ReadRegular(abs)
	if err != nil {
		return nil, notAFile(rel, err, "move it away: loctool writes it anew")
	}
	return data, nil
}

// notAFile names the path rel in err when err says that it is not a
// regular file, and says what to do (todo); any other error it returns
// as it is. loctool reads files only: a named pipe would keep it waiting
// for a writer, a device for ever.
func notAFile(rel string, err error, todo string) error {
	var nr *atomicfile.NotRegularError
	if !errors.As(err, &nr) {
		return err
	}
	return fmt.Errorf("%w, not a file: %s", &atomicfile.NotRegularError{Path: rel, Mode: nr.Mode}, todo)
}

// Open checks the configuration, loads the segmentation rules and
// compiles those of the source language, so that a bad pattern is
// reported as the configuration error it is.
func Open(cfg Config) (*Project, error) {
	p, err := OpenLazily(cfg)
	if err != nil {
		return nil, err
	}
	if _, err := p.segmenter(cfg.Source); err != nil {
		return nil, err
	}
	return p, nil
}

// OpenLazily is Open without compiling the rules, for commands that read
// articles without segmenting them, such as the spelling check: errors in
// the rules' patterns are reported when the project first segments text.
func OpenLazily(cfg Config) (*Project, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	p := &Project{Config: cfg, segmenters: map[language.Tag]*segment.Segmenter{}}
	p.rules = segment.Builtin()
	if cfg.Rules != "" {
		abs, err := Confine(cfg.Root, cfg.Rules)
		if err != nil {
			return nil, &ConfigError{Key: "segmentation.rules", Msg: err.Error()}
		}
		data, err := atomicfile.ReadRegular(abs)
		var nr *atomicfile.NotRegularError
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &ConfigError{Key: "segmentation.rules", Msg: fmt.Sprintf("%s does not exist: give an SRX file, or builtin", cfg.Rules)}
		}
		if errors.As(err, &nr) {
			return nil, &ConfigError{Key: "segmentation.rules", Msg: fmt.Sprintf("%s is %s, not a file: give an SRX file, or builtin", cfg.Rules, nr.What())}
		}
		if err != nil {
			return nil, &ConfigError{Key: "segmentation.rules", Msg: fmt.Sprintf("cannot read the rules: %v", err)}
		}
		// Named as in the project, as its other files are in messages.
		name, err := Rel(cfg.Root, abs)
		if err != nil {
			name = abs
		}
		if p.rules, err = segment.ParseSRX(bytes.NewReader(data), name); err != nil {
			return nil, err
		}
	}
	p.handles = cut.HandlesOf(p.rules)
	return p, nil
}

// segmenter returns the segmenter of a language, built once.
func (p *Project) segmenter(lang language.Tag) (*segment.Segmenter, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if s, ok := p.segmenters[lang]; ok {
		return s, nil
	}
	s, err := segment.New(p.rules, lang)
	if err != nil {
		return nil, err
	}
	p.segmenters[lang] = s
	return s, nil
}

// Articles returns the articles the configuration's patterns match,
// sorted, as slash-separated paths relative to the project.
//
// Whatever the patterns say, no article is taken from the locales
// folder, the output folder, or a hidden file or folder (a name that
// starts with a dot, such as .git): they hold loctool's own files and
// other tools', which a pattern such as **/*.md would otherwise take
// for articles.
//
// A pattern matches files, and folders by their files: a folder named
// as an article is passed by. A match that is neither, such as a named
// pipe, a socket or a device (or a link to one), is an error that names
// it, rather than an article that reading would wait on for ever.
func (p *Project) Articles() ([]string, error) {
	fsys := articleFS{os.DirFS(p.Root), p.notArticle}
	seen := map[string]bool{}
	var out []string
	for _, pat := range p.Config.Articles {
		if !doublestar.ValidatePattern(pat) {
			return nil, &ConfigError{Key: "articles", Msg: fmt.Sprintf("%q is not a valid pattern", pat)}
		}
		err := doublestar.GlobWalk(fsys, pat, func(m string, d fs.DirEntry) error {
			mode := d.Type()
			if mode&fs.ModeSymlink != 0 {
				info, err := fs.Stat(fsys, m)
				if err != nil {
					return err
				}
				mode = info.Mode().Type()
			}
			if !mode.IsRegular() {
				return fmt.Errorf("%w, not a file, but articles: %q in config.yaml matches it: move it away, or change the pattern", &atomicfile.NotRegularError{Path: m, Mode: mode}, pat)
			}
			if !seen[m] {
				seen[m] = true
				out = append(out, m)
			}
			return nil
		}, doublestar.WithFilesOnly())
		if err != nil {
			return nil, err
		}
	}
	slices.Sort(out)
	return out, nil
}

// notArticle reports whether a path, slash-separated and relative to the
// project, is one that never holds articles: a hidden file or folder, or
// one in the locales or output folder.
func (p *Project) notArticle(name string) bool {
	if name == "." {
		return false
	}
	for part := range strings.SplitSeq(name, "/") {
		if strings.HasPrefix(part, ".") {
			return true
		}
	}
	for _, dir := range []string{path.Clean(p.Locales), path.Clean(p.Output)} {
		if name == dir || strings.HasPrefix(name, dir+"/") {
			return true
		}
	}
	return false
}

// articleFS is the project folder as the patterns of articles see it:
// without what skip names, neither listed in its folder nor found by its
// path, so that a pattern never goes into such a folder.
type articleFS struct {
	fsys fs.FS
	skip func(name string) bool
}

func (a articleFS) Open(name string) (fs.File, error) {
	if a.skip(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return a.fsys.Open(name)
}

func (a articleFS) Stat(name string) (fs.FileInfo, error) {
	if a.skip(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
	}
	return fs.Stat(a.fsys, name)
}

func (a articleFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if a.skip(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	entries, err := fs.ReadDir(a.fsys, name)
	return slices.DeleteFunc(entries, func(e fs.DirEntry) bool { return a.skip(path.Join(name, e.Name())) }), err
}

// CheckArticle checks that an article given by the user is a file inside
// the project, and returns its slash-separated path relative to it.
func (p *Project) CheckArticle(arg string) (string, error) {
	abs := arg
	if !filepath.IsAbs(arg) {
		wd, err := os.Getwd()
		if err != nil {
			return "", err
		}
		abs = filepath.Join(wd, arg)
	}
	rel, err := Rel(p.Root, abs)
	if err != nil {
		return "", fmt.Errorf("%s is outside the project %s: %w", arg, p.Root, ErrEscapes)
	}
	if _, err := p.confine(rel); err != nil {
		return "", err
	}
	info, err := os.Stat(abs)
	if errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("%s: no such article", arg)
	}
	if err != nil {
		return "", fmt.Errorf("cannot read %s: %w", arg, errors.Unwrap(err))
	}
	if !info.Mode().IsRegular() {
		return "", fmt.Errorf("%w, not a file: give the article's file", &atomicfile.NotRegularError{Path: arg, Mode: info.Mode()})
	}
	if article, _, err := p.ArticleOf(rel); err == nil {
		return "", fmt.Errorf("%s is a handoff file, not an article: give its article, %s", arg, article)
	}
	var de *document.Error
	if _, err := document.FormatOf(rel); errors.As(err, &de) {
		return "", fmt.Errorf("%s: %s", arg, de.Msg) // named as the user named it
	}
	return rel, nil
}

// source is an article as it is now, cut into units.
type source struct {
	path   string
	format document.Format
	data   []byte
	doc    *document.Document
	units  []*handoff.Unit
}

// readSource reads, parses and segments an article.
func (p *Project) readSource(article string) (*source, error) {
	src, err := p.readArticle(article)
	if err != nil {
		return nil, err
	}
	if err := p.segment(src); err != nil {
		return nil, err
	}
	return src, nil
}

// segment cuts the blocks of an article into units of sentences.
func (p *Project) segment(src *source) error {
	seg, err := p.segmenter(p.Source)
	if err != nil {
		return err
	}
	src.units = cut.Units(src.doc.Blocks, seg, p.handles)
	return nil
}

// reuseUnits gives src the units of a handoff file when they hold the
// article's blocks exactly as they are now, and reports whether they do.
// Their sentences are then the article's: the file was extracted from the
// article as it is, and the article need not be segmented again.
func (src *source) reuseUnits(f *handoff.File) bool {
	blocks := src.doc.Blocks
	if len(f.Units) != len(blocks) {
		return false
	}
	for i, u := range f.Units {
		if u.ID != blocks[i].ID || !u.Source().Equal(blocks[i].Content) {
			return false
		}
	}
	src.units = f.Units
	return true
}

// unitsFor gives src its units for matching with a handoff file: the
// file's own when they hold the article's blocks as they are now
// ([source.reuseUnits]), but for the paragraphs the file has translated
// as a whole (a unit of one segment that the article cuts into several
// sentences), which take the article's sentences, each of them to be
// counted; or else the article's, cut anew.
func (p *Project) unitsFor(src *source, f *handoff.File) error {
	if !src.reuseUnits(f) {
		return p.segment(src)
	}
	var seg *segment.Segmenter
	cloned := false
	for i, u := range src.units {
		if len(u.Parts) != 1 {
			continue
		}
		if seg == nil {
			var err error
			if seg, err = p.segmenter(p.Source); err != nil {
				return err
			}
		}
		if cu := cut.Units(src.doc.Blocks[i:i+1], seg, p.handles)[0]; len(cu.Parts) > 1 {
			if !cloned {
				src.units, cloned = slices.Clone(src.units), true // the file's units stay as they are
			}
			src.units[i] = cu
		}
	}
	return nil
}

// readArticle reads and parses an article, without segmenting it.
func (p *Project) readArticle(article string) (*source, error) {
	data, err := p.readArticleBytes(article)
	if err != nil {
		return nil, err
	}
	return p.parseArticle(article, data)
}

// readArticleBytes reads the bytes of an article.
func (p *Project) readArticleBytes(article string) ([]byte, error) {
	abs, err := p.confine(article)
	if err != nil {
		return nil, err
	}
	if _, err := document.FormatOf(article); err != nil {
		return nil, err
	}
	data, err := atomicfile.ReadRegular(abs)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("article %s does not exist: %w", article, err)
		}
		return nil, notAFile(article, err, "an article is a file: move it away, or put the article in its place")
	}
	return data, nil
}

// parseArticle parses the bytes of an article, without segmenting it.
func (p *Project) parseArticle(article string, data []byte) (*source, error) {
	format, err := document.FormatOf(article)
	if err != nil {
		return nil, err
	}
	doc, err := document.Parse(format, data, article, p.articleOptions())
	if err != nil {
		return nil, err
	}
	return &source{path: article, format: format, data: data, doc: doc}, nil
}

// fileFor wraps an article's units as the handoff file of a language.
func (p *Project) fileFor(src *source, lang language.Tag, units []*handoff.Unit) *handoff.File {
	return &handoff.File{
		Original:   src.path,
		Datatype:   src.format.Datatype(),
		SourceLang: p.Source,
		TargetLang: lang,
		Units:      units,
	}
}

// Rules returns the project's segmentation rules.
func (p *Project) Rules() *segment.Rules { return p.rules }

// Sentences returns the sentences of an article as extract cuts them for
// translators, in order, as plain text: the text of each block (in
// Markdown and HTML, without the markup), cut by seg, which rules made.
// The extension of name says the article's format; any but those of
// Markdown and HTML is plain text.
func Sentences(name string, data []byte, seg *segment.Segmenter, rules *segment.Rules) ([]string, error) {
	format, err := document.FormatOf(name)
	if err != nil {
		format = document.Text
	}
	doc, err := document.Parse(format, data, name, document.Options{})
	if err != nil {
		return nil, err
	}
	var out []string
	for _, u := range cut.Units(doc.Blocks, seg, cut.HandlesOf(rules)) {
		for _, s := range u.Segments() {
			out = append(out, s.Source.PlainText())
		}
	}
	return out, nil
}
