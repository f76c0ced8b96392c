package project

import (
	"bytes"
	"io"
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
	changed, _, err := p.changed(root)
	return changed, err
}

// changed is Changed, with the absolute paths of the writes.
func (p *Plan) changed(root string) ([]Write, []atomicfile.File, error) {
	var out []Write
	var files []atomicfile.File
	for _, w := range p.Writes {
		abs, err := w.abs(root)
		if err != nil {
			return nil, nil, err
		}
		if same(abs, w.Data) {
			continue
		}
		out = append(out, w)
		files = append(files, atomicfile.File{Path: abs, Data: w.Data, Perm: 0o644})
	}
	return out, files, nil
}

// same reports whether the file at abs holds data.
func same(abs string, data []byte) bool {
	f, err := os.Open(abs)
	if err != nil {
		return false
	}
	defer f.Close()
	// One byte more than data, to see that the file does not go on.
	buf := make([]byte, len(data)+1)
	n, _ := io.ReadFull(f, buf)
	return n == len(data) && bytes.Equal(buf[:n], data)
}

// Apply writes the plan's files atomically under root. Files whose
// content is already on disk are left alone, and so is their time. The
// temporary files that a loctool killed while it wrote left beside them
// are removed: the caller holds the project's lock ([Project.Lock]).
func (p *Plan) Apply(root string) (written int, err error) {
	_, files, err := p.changed(root)
	if err != nil {
		return 0, err
	}
	paths := make([]string, 0, len(p.Writes))
	for _, w := range p.Writes {
		if abs, err := w.abs(root); err == nil {
			paths = append(paths, abs)
		}
	}
	atomicfile.SweepTemps(paths)
	return atomicfile.WriteFiles(files)
}

// abs is the write's absolute path, confined to root when relative.
func (w Write) abs(root string) (string, error) {
	if filepath.IsAbs(w.Path) {
		return filepath.Clean(w.Path), nil
	}
	return Confine(root, w.Path)
}
