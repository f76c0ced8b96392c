package project

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/loctool/loctool/internal/atomicfile"
)

// Plan is the files a command will write or remove, in order.
type Plan struct {
	Writes []Write
}

// Write is one file to write, or to remove.
type Write struct {
	// Path is relative to the project, or absolute for a folder the user
	// named outside it (merge --out).
	Path string
	Data []byte
	// Why says what the file is, for a dry run: "handoff", "merged",
	// "source snapshot", "obsolete translations".
	Why string
	// Remove removes the file at Path instead of writing it; Data is
	// not used.
	Remove bool
}

func (p *Plan) add(path, why string, data []byte) {
	p.Writes = append(p.Writes, Write{Path: path, Data: data, Why: why})
}

// Remove adds the removal of the file at path to the plan: path is
// relative to the project, or absolute as a Write's, and why says what
// the file is, for a dry run. The removal is applied in the same batch
// as the writes, all or nothing, in its place in the plan's order; a
// file that does not exist is no change.
func (p *Plan) Remove(path, why string) {
	p.Writes = append(p.Writes, Write{Path: path, Why: why, Remove: true})
}

// journalName is the file in the folder a plan is applied under that
// records the batch while it is applied, so that a loctool killed in the
// middle of one has its files put back (or the batch finished) by the
// next that takes the lock. It ends in .tmp, as every file loctool leaves
// only when it is killed.
const journalName = ".loctool.journal.tmp"

// Changed returns the writes and removals of the plan that would change
// a file under root: a write whose content is not already on disk, a
// removal of a file that exists. A path that is a symbolic link, a
// folder or anything but a regular file is an error: loctool neither
// writes through a link nor replaces it with a file. A path the plan
// has twice is written once if both are the same, and is an error if
// not (written and removed, or written two ways).
func (p *Plan) Changed(root string) ([]Write, error) {
	changed, _, err := p.changed(root)
	return changed, err
}

// changed is Changed, with the files to write at their absolute paths.
func (p *Plan) changed(root string) ([]Write, []atomicfile.File, error) {
	var out []Write
	var files []atomicfile.File
	seen := make(map[string]Write, len(p.Writes))
	for _, w := range p.Writes {
		abs, err := w.abs(root)
		if err != nil {
			return nil, nil, err
		}
		if prev, ok := seen[abs]; ok {
			if prev.Remove == w.Remove && bytes.Equal(prev.Data, w.Data) {
				continue // an article given twice
			}
			return nil, nil, fmt.Errorf("the plan writes %s twice, differently (%s, then %s)", w.Path, prev.Why, w.Why)
		}
		seen[abs] = w
		info, err := os.Lstat(abs)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if w.Remove {
				continue
			}
		case err != nil:
			return nil, nil, err
		case !info.Mode().IsRegular():
			return nil, nil, notRegular(w.Path, info.Mode())
		case !w.Remove && same(abs, w.Data):
			continue
		}
		out = append(out, w)
		files = append(files, atomicfile.File{Path: abs, Data: w.Data, Perm: 0o644, Remove: w.Remove})
	}
	return out, files, nil
}

// notRegular is the error of a plan that would write a path that is not
// a regular file, and what to do.
func notRegular(path string, mode fs.FileMode) error {
	err := &atomicfile.NotRegularError{Path: path, Mode: mode}
	if mode&fs.ModeSymlink != 0 {
		return fmt.Errorf("%w, and loctool neither writes through a link nor replaces it with a file: put the file it leads to in its place, or move the link away", err)
	}
	return fmt.Errorf("%w, not a file loctool can write: move it away", err)
}

// same reports whether the file at abs holds data.
func same(abs string, data []byte) bool {
	f, _, err := atomicfile.OpenToRead(abs)
	if err != nil {
		return false
	}
	defer f.Close()
	// One byte more than data, to see that the file does not go on.
	buf := make([]byte, len(data)+1)
	n, _ := io.ReadFull(f, buf)
	return n == len(data) && bytes.Equal(buf[:n], data)
}

// Apply writes and removes the plan's files under root, all or nothing:
// if any file cannot be written, those already written are put back as
// they were, and the error says so (an [atomicfile.BatchError]). Each
// file is replaced whole, and files whose content is already on disk are
// left alone, and so is their time. A path that is not a regular file,
// a symbolic link among others, fails the plan before anything is
// written.
//
// While it applies the plan, a journal in root records it; should
// loctool be killed meanwhile, the next [Project.Lock] (or Apply) puts
// every file back as it was, or finishes the batch if it was in place.
// The temporary files that a loctool killed while it wrote left beside
// the files are removed: the caller holds the project's lock
// ([Project.Lock]).
func (p *Plan) Apply(root string) (written int, err error) {
	if err := recoverBatch(root); err != nil {
		return 0, err
	}
	paths := make([]string, 0, len(p.Writes))
	for _, w := range p.Writes {
		if abs, err := w.abs(root); err == nil {
			paths = append(paths, abs)
		}
	}
	atomicfile.SweepTemps(paths)
	_, files, err := p.changed(root)
	if err != nil {
		return 0, err
	}
	return atomicfile.WriteFiles(filepath.Join(root, journalName), files)
}

// recoverBatch finishes or undoes the plan a loctool killed while it
// applied it left under root.
func recoverBatch(root string) error {
	return atomicfile.Recover(filepath.Join(root, journalName))
}

// abs is the write's absolute path, confined to root when relative.
func (w Write) abs(root string) (string, error) {
	if filepath.IsAbs(w.Path) {
		return filepath.Clean(w.Path), nil
	}
	return Confine(root, w.Path)
}
