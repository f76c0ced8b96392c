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

// Apply writes the plan's files atomically under root. Files whose
// content is already on disk are left alone, and so is their time.
func (p *Plan) Apply(root string) (written int, err error) {
	for _, w := range p.Writes {
		abs := w.Path
		if !filepath.IsAbs(abs) {
			if abs, err = Confine(root, w.Path); err != nil {
				return written, err
			}
		}
		if old, err := os.ReadFile(abs); err == nil && bytes.Equal(old, w.Data) {
			continue
		}
		if err := atomicfile.WriteFile(filepath.Clean(abs), w.Data, 0o644); err != nil {
			return written, err
		}
		written++
	}
	return written, nil
}
