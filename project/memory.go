package project

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/memory"
	"golang.org/x/text/language"
)

// OpenMemory opens the project's translation memory: the PostgreSQL
// database of memory.url, or else the SQLite file of memory.path,
// which it makes when there is none. An error names the setting.
func (p *Project) OpenMemory(ctx context.Context) (*memory.Store, error) {
	c := memory.Config{URL: p.Memory.URL}
	setting := "memory.url"
	if c.URL == "" {
		rel := p.Memory.Path
		if rel == "" {
			rel = DefaultMemoryPath
		}
		path, err := Confine(p.Root, rel)
		if err != nil {
			return nil, fmt.Errorf("memory.path: %w", err)
		}
		c.Path, setting = filepath.FromSlash(path), "memory.path"
	}
	s, err := memory.Open(ctx, c)
	if err != nil {
		return nil, fmt.Errorf("%w (set by %s)", err, setting)
	}
	return s, nil
}

// MemoryLanguages are the languages the project's memory keeps.
func (p *Project) MemoryLanguages() memory.Languages {
	return memory.Languages{Source: p.Source, Targets: p.Targets}
}

// Threshold is the least score of the fuzzy matches offered.
func (p *Project) Threshold() int {
	if p.Memory.Threshold == 0 {
		return DefaultThreshold
	}
	return p.Memory.Threshold
}

// ConfirmedUnits returns the confirmed translations of the handoff file
// rel (see handoff.Segment.IsConfirmed) as units of the memory: each
// segment's source as the translator translated it, its target, and the
// sentences before and after it in its paragraph. A file that cannot be
// read gives the diagnostics that say why.
func (p *Project) ConfirmedUnits(rel string) ([]memory.Unit, []diag.Diagnostic) {
	f, ts, ds := p.Translations(rel)
	if f == nil {
		return nil, ds
	}
	// The project's languages, as the file's place says them, whatever
	// tags the translator's tool wrote.
	_, lang, _ := p.ArticleOf(rel)
	f.SourceLang, f.TargetLang = p.Source, lang
	var out []memory.Unit
	seen := map[*handoff.Unit]bool{}
	for _, t := range ts {
		if seen[t.Unit] {
			continue
		}
		seen[t.Unit] = true
		out = append(out, confirmedIn(f, t.Unit, f.Original)...)
	}
	return out, ds
}

// confirmedIn returns the confirmed translations of a unit of f, from
// the article at article.
func confirmedIn(f *handoff.File, u *handoff.Unit, article string) []memory.Unit {
	segs := u.Segments()
	var out []memory.Unit
	for i, s := range segs {
		if !s.IsConfirmed() {
			continue
		}
		mu := memory.Unit{SourceLang: f.SourceLang, TargetLang: f.TargetLang, Source: s.Source, Target: s.Target, Article: article, Context: true}
		if i > 0 {
			mu.Prev = segs[i-1].Source
		}
		if i+1 < len(segs) {
			mu.Next = segs[i+1].Source
		}
		out = append(out, mu)
	}
	return out
}

// ObsoleteUnits returns the translations of a language's obsolete store
// (see extract) as units of the memory, each from the article it was
// in, without its context. The store itself is left as it is.
func (p *Project) ObsoleteUnits(lang language.Tag) ([]memory.Unit, error) {
	f, _, err := p.readObsolete(lang)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.ObsoletePath(lang), err)
	}
	var out []memory.Unit
	for _, u := range f.Units {
		for _, s := range u.Segments() {
			if s.IsTranslated() {
				out = append(out, memory.Unit{SourceLang: p.Source, TargetLang: lang, Source: s.Source, Target: s.Target, Article: u.Origin})
			}
		}
	}
	return out, nil
}
