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
// would be written over one of the project's own files: an article, a
// handoff file, a source snapshot, the obsolete translations,
// config.yaml, the segmentation rules, a glossary or the lock file.
// Files are compared as the system knows them, not by their names, so
// that a folder reached through a link, or named in another case where
// case does not matter, is the same folder: first the folders, then,
// in a folder of the plan that is one of the project's, the files.
func (p *Project) checkOutputs(plan *Plan) error {
	abs := make([]string, len(plan.Writes))
	outDirs := map[string]bool{}
	for i, w := range plan.Writes {
		abs[i] = filepath.FromSlash(w.Path)
		if !filepath.IsAbs(abs[i]) {
			abs[i] = filepath.Join(p.Root, abs[i]) // confined when the plan is applied
		}
		outDirs[filepath.Dir(abs[i])] = true
	}
	outInfos := statAll(slices.Collect(maps.Keys(outDirs)))
	if len(outInfos) == 0 {
		return nil // no folder yet: nothing there to write over
	}
	list, err := p.ownFiles()
	if err != nil {
		return err
	}
	own := map[string][]ownFile{} // by folder, absolute
	for _, f := range list {
		dir := filepath.Dir(f.abs(p.Root))
		own[dir] = append(own[dir], f)
	}
	ownInfos := statAll(slices.Collect(maps.Keys(own)))
	// The project's folders each folder of the plan is, under another name
	// or its own.
	sameAs := map[string][]string{}
	for out, outInfo := range outInfos {
		for dir, info := range ownInfos {
			if os.SameFile(outInfo, info) {
				sameAs[out] = append(sameAs[out], dir)
			}
		}
	}
	for i, w := range plan.Writes {
		dirs := sameAs[filepath.Dir(abs[i])]
		if len(dirs) == 0 {
			continue
		}
		outInfo, err := os.Stat(abs[i])
		if err != nil {
			continue
		}
		slices.Sort(dirs)
		for _, dir := range dirs {
			for _, f := range own[dir] {
				if info, err := os.Stat(f.abs(p.Root)); err == nil && os.SameFile(outInfo, info) {
					return &OutputError{Output: w.Path, File: f.name, What: f.what}
				}
			}
		}
	}
	return nil
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
