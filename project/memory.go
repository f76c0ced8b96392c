package project

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/loctool/loctool/memory"
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
