package project

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

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
	info fs.FileInfo
}

// checkOutputs returns an *OutputError when a merged article of the plan
// would be written over one of the project's own files: an article, a
// handoff file, a source snapshot, the obsolete translations,
// config.yaml, the segmentation rules, a glossary or the lock file.
// Files are compared as the system knows them, not by their names, so
// that a folder reached through a link, or named in another case where
// case does not matter, is the same folder.
func (p *Project) checkOutputs(plan *Plan) error {
	type output struct {
		name string
		info fs.FileInfo
	}
	var existing []output
	for _, w := range plan.Writes {
		abs, err := w.abs(p.Root)
		if err != nil {
			continue // refused when the plan is applied
		}
		if info, err := os.Stat(abs); err == nil {
			existing = append(existing, output{w.Path, info})
		}
	}
	if len(existing) == 0 {
		return nil // nothing there to write over
	}
	own, err := p.ownFiles()
	if err != nil {
		return err
	}
	parallel.Each(len(own), func(i int) {
		name := filepath.FromSlash(own[i].name)
		if !filepath.IsAbs(name) {
			name = filepath.Join(p.Root, name)
		}
		own[i].info, _ = os.Stat(name)
	})
	bySize := map[int64][]ownFile{}
	for _, f := range own {
		if f.info != nil {
			bySize[f.info.Size()] = append(bySize[f.info.Size()], f)
		}
	}
	for _, o := range existing {
		for _, f := range bySize[o.info.Size()] {
			if os.SameFile(o.info, f.info) {
				return &OutputError{Output: o.name, File: f.name, What: f.what}
			}
		}
	}
	return nil
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
	for _, g := range append(glossaries, p.ExtraGlossaries...) {
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
		switch ext := path.Ext(rel); {
		case len(parts) == 2 && parts[1] == "obsolete.xlf":
			own = append(own, ownFile{name: rel, what: "the obsolete translations"})
		case len(parts) > 2 && parts[1] == ".loctool":
			own = append(own, ownFile{name: rel, what: "a source snapshot"})
		case ext == ".xlf" || ext == ".json":
			own = append(own, ownFile{name: rel, what: "a handoff file"})
		}
		return nil
	})
	return own, err
}
