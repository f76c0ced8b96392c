package project

import (
	"path/filepath"
	"sync"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/glossary"
)

// glossaryOnce loads a project's glossary once, whichever command or
// stage asks for it first.
type glossaryOnce struct {
	once sync.Once
	g    *glossary.Glossary
	err  error
}

// Glossary returns the project's glossary, loaded once: loctool's
// built-in glossary, unless the project leaves it out, then the files of
// the configuration, then ExtraGlossaries, each overriding what comes
// before. It is nil when there is none. The cache GlossaryCache names
// keeps what it loads for the next run.
func (p *Project) Glossary() (*glossary.Glossary, error) {
	p.glossary.once.Do(func() {
		files, err := p.GlossaryFiles()
		if err != nil {
			p.glossary.err = err
			return
		}
		for _, f := range p.ExtraGlossaries {
			files = append(files, glossary.File{Name: f})
		}
		p.glossary.g, p.glossary.err = LoadGlossary(p.GlossaryCache, p.GlossaryLangs(), !p.NoBuiltinGlossary, files)
	})
	return p.glossary.g, p.glossary.err
}

// GlossaryFiles returns the configuration's glossary files: each read
// from its path relative to the project folder, or from its absolute
// path, and named in messages as the configuration writes it, in every
// command and from any working folder.
func (p *Project) GlossaryFiles() ([]glossary.File, error) {
	var files []glossary.File
	for _, f := range p.Glossaries {
		file := glossary.File{Name: f}
		if !filepath.IsAbs(f) {
			abs, err := p.confine(f)
			if err != nil {
				return nil, &ConfigError{Key: "glossaries", Msg: err.Error()}
			}
			file.Path = abs
		}
		files = append(files, file)
	}
	return files, nil
}

// GlossaryLangs are the languages of the glossaries that do not say
// theirs, such as OmegaT's and Weblate's: the project's source and first
// target; and all the project's, which a Crowdin glossary's columns are
// kept to.
func (p *Project) GlossaryLangs() glossary.Langs {
	return glossary.Langs{Source: p.Source, Target: p.Targets[0], Project: append([]language.Tag{p.Source}, p.Targets...)}
}

// LoadGlossary loads loctool's built-in glossary, when builtin is set,
// and the files, which override it, through the cache; nil when there is
// neither.
func LoadGlossary(cache glossary.Cache, langs glossary.Langs, builtin bool, files []glossary.File) (*glossary.Glossary, error) {
	if !builtin && len(files) == 0 {
		return nil, nil
	}
	return cache.LoadFiles(langs, builtin, files...)
}
