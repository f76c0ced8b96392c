package project

import (
	"bytes"
	"os"
	"path/filepath"

	"github.com/loctool/loctool/internal/atomicfile"
)

// Plan is the files a command will write, in order.
type Plan struct {
	Writes []Write
}

// Write is one file to write.
type Write struct {
	// Path is relative to the project, or absolute for a folder the user
	// named outside it (merge --out).
	Path string
	Data []byte
	// Why says what the file is, for a dry run: "handoff", "merged",
	// "source snapshot", "obsolete translations".
	Why string
}

func (p *Plan) add(path, why string, data []byte) {
	p.Writes = append(p.Writes, Write{Path: path, Data: data, Why: why})
}

// Changed returns the writes of the plan whose content is not already
// on disk under root: what Apply would write.
func (p *Plan) Changed(root string) ([]Write, error) {
	var out []Write
	for _, w := range p.Writes {
		abs, err := w.abs(root)
		if err != nil {
			return nil, err
		}
		if old, err := os.ReadFile(abs); err == nil && bytes.Equal(old, w.Data) {
			continue
		}
		out = append(out, w)
	}
	return out, nil
}

// Apply writes the plan's files atomically under root. Files whose
// content is already on disk are left alone, and so is their time.
func (p *Plan) Apply(root string) (written int, err error) {
	changed, err := p.Changed(root)
	if err != nil {
		return 0, err
	}
	for _, w := range changed {
		abs, err := w.abs(root)
		if err != nil {
			return written, err
		}
		if err := atomicfile.WriteFile(abs, w.Data, 0o644); err != nil {
			return written, err
		}
		written++
	}
	return written, nil
}

// abs is the write's absolute path, confined to root when relative.
func (w Write) abs(root string) (string, error) {
	if filepath.IsAbs(w.Path) {
		return filepath.Clean(w.Path), nil
	}
	return Confine(root, w.Path)
}
