package project

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/loctool/loctool/glossary"
	"github.com/loctool/loctool/internal/parallel"
)

// OutputError is the error of a merge that would write a merged article
// over one of the project's own files: merge --out .. from a project in a
// folder named like a language (ru) would write the Russian articles over
// the English ones. Nothing is written.
type OutputError struct {
	Output string // the merged article, as the plan names it
	File   string // the project's file it is: relative to the project, or absolute
	What   string // what that file is: "an article", "a handoff file", …
}

func (e *OutputError) Error() string {
	return fmt.Sprintf("merge would write %s over %s, %s of the project: merge never writes over the project's own files", e.Output, e.File, e.What)
}

// ownFile is a file of the project that merge must never write over.
type ownFile struct {
	name string // relative to the project, or absolute
	what string
}

// checkOutputs returns an *OutputError when a merged article of the plan
// would be written over one of the project's own files (see
// [guard.check]).
func (p *Project) checkOutputs(plan *Plan) error {
	g := p.outputGuard()
	for _, w := range plan.Writes {
		if err := g.check(w); err != nil {
			return err
		}
	}
	return nil
}

// guard tells whether merged articles would be written over the
// project's own files, one by one as they are built: it lists the
// project's folders once, when the first article goes to a folder that
// exists, and looks at each folder once. The project's files are
// listed, and kept, only when an article goes to one of its folders.
type guard struct {
	p       *Project
	once    sync.Once
	infos   map[string]fs.FileInfo // of the project's folders, absolute
	err     error
	ownOnce sync.Once
	own     map[string][]ownFile // by folder, absolute
	ownErr  error
	mu      sync.Mutex
	dirs    map[string][]string // an output folder: the project's folders it is
}

// outputGuard returns a guard of the project's files.
func (p *Project) outputGuard() *guard {
	return &guard{p: p, dirs: map[string][]string{}}
}

// check returns an *OutputError when w, a merged article, would be
// written over one of the project's own files: an article, a handoff
// file, a source snapshot, the obsolete translations, config.yaml, the
// segmentation rules, a glossary or the lock file. Files are compared
// as the system knows them, not by their names, so that a folder
// reached through a link, or named in another case where case does not
// matter, is the same folder: first the folder, then, in a folder that
// is one of the project's, the file. check may be called from several
// goroutines at once.
func (g *guard) check(w Write) error {
	abs := filepath.FromSlash(w.Path)
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(g.p.Root, abs) // confined when the plan is applied
	}
	dirs, err := g.sameAs(filepath.Dir(abs))
	if err != nil || len(dirs) == 0 {
		return err
	}
	outInfo, err := os.Stat(abs)
	if err != nil {
		return nil // nothing there to write over
	}
	g.ownOnce.Do(func() {
		var list []ownFile
		if list, g.ownErr = g.p.ownFiles(); g.ownErr != nil {
			return
		}
		g.own = map[string][]ownFile{}
		for _, f := range list {
			dir := filepath.Dir(f.abs(g.p.Root))
			g.own[dir] = append(g.own[dir], f)
		}
	})
	if g.ownErr != nil {
		return g.ownErr
	}
	for _, dir := range dirs {
		for _, f := range g.own[dir] {
			if info, err := os.Stat(f.abs(g.p.Root)); err == nil && os.SameFile(outInfo, info) {
				return &OutputError{Output: w.Path, File: f.name, What: f.what}
			}
		}
	}
	return nil
}

// sameAs returns the project's folders that the folder out is, under
// another name or its own, sorted.
func (g *guard) sameAs(out string) ([]string, error) {
	g.mu.Lock()
	dirs, ok := g.dirs[out]
	g.mu.Unlock()
	if ok {
		return dirs, nil
	}
	outInfo, err := os.Stat(out)
	if err != nil {
		// No folder yet: nothing there to write over, and none of the
		// project's, which merge does not make, when it is made.
		g.mu.Lock()
		g.dirs[out] = nil
		g.mu.Unlock()
		return nil, nil
	}
	g.once.Do(func() {
		var list []ownFile
		if list, g.err = g.p.ownFiles(); g.err != nil {
			return
		}
		folders := map[string]bool{}
		for _, f := range list {
			folders[filepath.Dir(f.abs(g.p.Root))] = true
		}
		g.infos = statAll(slices.Collect(maps.Keys(folders)))
	})
	if g.err != nil {
		return nil, g.err
	}
	for dir, info := range g.infos {
		if os.SameFile(outInfo, info) {
			dirs = append(dirs, dir)
		}
	}
	slices.Sort(dirs)
	g.mu.Lock()
	g.dirs[out] = dirs
	g.mu.Unlock()
	return dirs, nil
}

// abs is the file's absolute path.
func (f ownFile) abs(root string) string {
	name := filepath.FromSlash(f.name)
	if filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(root, name)
}

// statAll returns what os.Stat says of each path that exists.
func statAll(paths []string) map[string]fs.FileInfo {
	infos := make([]fs.FileInfo, len(paths))
	parallel.Each(len(paths), func(i int) { infos[i], _ = os.Stat(paths[i]) })
	out := make(map[string]fs.FileInfo, len(paths))
	for i, info := range infos {
		if info != nil {
			out[paths[i]] = info
		}
	}
	return out
}

// ownFiles lists the project's own files: those of its configuration,
// its articles, and every handoff file, source snapshot and store of
// obsolete translations under its locales folder, whatever the language.
func (p *Project) ownFiles() ([]ownFile, error) {
	own := []ownFile{{name: "config.yaml", what: "the configuration"}, {name: LockName, what: "the lock file"},
		{name: journalName, what: "a file of the write in progress"}}
	if p.Config.Rules != "" {
		own = append(own, ownFile{name: p.Config.Rules, what: "the segmentation rules"})
	}
	glossaries, err := p.GlossaryFiles()
	if err != nil {
		return nil, err
	}
	for _, f := range p.ExtraGlossaries {
		glossaries = append(glossaries, glossary.File{Name: f})
	}
	for _, f := range glossaries {
		g := f.Path
		if g == "" {
			g = f.Name
		}
		if abs, err := filepath.Abs(g); err == nil {
			g = abs
		}
		if rel, err := Rel(p.Root, g); err == nil {
			g = rel
		}
		own = append(own, ownFile{name: g, what: "a glossary"})
	}
	articles, err := p.Articles()
	if err != nil {
		return nil, err
	}
	for _, a := range articles {
		own = append(own, ownFile{name: a, what: "an article"})
	}
	locales := filepath.Join(p.Root, filepath.FromSlash(p.Locales))
	err = filepath.WalkDir(locales, func(f string, d fs.DirEntry, err error) error {
		if err != nil {
			if f == locales && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := Rel(p.Root, f)
		if err != nil {
			return err
		}
		// lang/obsolete.xlf, lang/.loctool/…, lang/….xlf
		parts := strings.Split(strings.TrimPrefix(rel, path.Clean(p.Locales)+"/"), "/")
		switch {
		case len(parts) == 2 && parts[1] == "obsolete.xlf":
			own = append(own, ownFile{name: rel, what: "the obsolete translations"})
		case len(parts) > 2 && parts[1] == ".loctool":
			own = append(own, ownFile{name: rel, what: "a source snapshot"})
		case IsHandoffFile(rel):
			own = append(own, ownFile{name: rel, what: "a handoff file"})
		}
		return nil
	})
	return own, err
}
