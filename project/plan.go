package project

import (
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/loctool/loctool/internal/atomicfile"
)

// Plan is the files a command will write or remove, in order.
//
// A plan of [InMemory] holds each file's content until [Plan.Apply]
// writes it. One of [Staged] holds none: each file was written, as it
// was built, to a temporary file beside its own, which Apply renames
// into place, and [Plan.Discard] removes when the plan is not applied.
// One of [Listed] only says which files a dry run would write.
type Plan struct {
	Writes []Write

	output Output
	// root is the folder of a plan [Staged]'s relative paths, where its
	// temporary files are.
	root string
	// Of a plan [Staged] or [Listed], the files whose content was
	// built, by path, to tell a file built twice, and the first error of
	// a file that could not be staged.
	built map[string]builtFile
	err   error
	// known are the folders under a root found to be no symbolic link
	// (see confine).
	known sync.Map
}

// Output says what a command does with each file it builds, for the
// plan it returns.
type Output int

const (
	// InMemory keeps each file's content in the plan, as Write.Data,
	// until the plan is applied.
	InMemory Output = iota
	// Staged writes each file that would change to a temporary file
	// beside it as soon as it is built, so that the plan holds no
	// file's content, however many it has: the caller holds the
	// project's lock ([Project.Lock]), and applies or discards the plan.
	Staged
	// Listed keeps only the path and size of each file that would
	// change, for a dry run: nothing is written, nothing held.
	Listed
)

// Write is one file to write, or to remove.
type Write struct {
	// Path is relative to the project, or absolute for a folder the user
	// named outside it (merge --out).
	Path string
	// Data is the file's content; nil in a plan that does not hold it
	// (see [Output]).
	Data []byte
	// Why says what the file is, for a dry run: "handoff", "merged",
	// "source snapshot", "obsolete translations".
	Why string
	// Remove removes the file at Path instead of writing it; Data is
	// not used.
	Remove bool

	size   int             // of the content, when Data is not held
	made   string          // the outermost folder made for it, if any
	staged atomicfile.Temp // the temporary file beside it that holds the content
	built  bool            // already compared with the file on disk: it changes it
}

// Len returns the size of the content the write puts in its file.
func (w Write) Len() int {
	if w.built {
		return w.size
	}
	return len(w.Data)
}

// Content returns the content the write puts in its file: Data, or
// what its temporary file holds, for a plan [Staged] under root. A plan
// [Listed] does not keep it.
func (w Write) Content(root string) ([]byte, error) {
	switch {
	case w.staged != 0:
		abs, err := w.abs(root)
		if err != nil {
			return nil, err
		}
		return atomicfile.ReadRegular(w.staged.Path(abs))
	case w.built:
		return nil, fmt.Errorf("%s: the content of a dry run's file is not kept", w.Path)
	}
	return w.Data, nil
}

// builtFile is a file a plan built, for the plan to tell it from
// another of the same path.
type builtFile struct {
	sum    uint64 // of the content
	remove bool
	why    string
}

// checksum is the seed of the sums a plan tells files apart by.
var checksum = maphash.MakeSeed()

// newPlan returns an empty plan of output, of files under root.
func newPlan(root string, output Output) *Plan { return &Plan{output: output, root: root} }

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

// build readies w, a file just built, for a plan of output under the
// project: in a plan [Staged] its content is written to a temporary file
// beside it, in one [Listed] only its size is kept; in both, a file
// whose content is already on disk is no change. A write of a plan
// [InMemory] is returned as it is, its content in a buffer of its size,
// and so is a removal. build may be
// called from several goroutines at once; [Plan.put] then adds what it
// returns to the plan, in order. The path is confined to the project
// once, here, with the folders the project has checked already.
func (p *Project) build(output Output, w Write) built {
	if output == InMemory && cap(w.Data) > len(w.Data)+len(w.Data)/4 {
		// Built in a buffer larger than the file: the plan holds the
		// files of a whole command, so it keeps only what is written.
		w.Data = bytes.Clone(w.Data)
	}
	if output == InMemory || w.Remove {
		return built{w: w}
	}
	abs := filepath.Clean(w.Path)
	if !filepath.IsAbs(w.Path) {
		var err error
		if abs, err = p.confine(w.Path); err != nil {
			return built{err: err}
		}
	}
	b := built{w: Write{Path: w.Path, Why: w.Why, size: len(w.Data), built: true}, sum: dataSum(w.Data)}
	info, err := os.Lstat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return built{err: err}
	case !info.Mode().IsRegular():
		return built{err: notRegular(w.Path, info.Mode())}
	case info.Size() == int64(len(w.Data)) && same(abs, w.Data):
		b.unchanged = true
		return b
	}
	if output == Staged {
		if b.w.staged, b.w.made, err = atomicfile.Stage(abs, w.Data, 0o644); err != nil {
			return built{err: err}
		}
	}
	return b
}

// built is a write readied by build.
type built struct {
	w         Write
	sum       uint64 // of its content
	unchanged bool   // its content is already on disk
	err       error
}

// put adds b, from build, to the plan. In a plan [Staged] or [Listed],
// a path the plan has twice is written once if both are the same, and
// the plan fails if not (written and removed, or written two ways);
// an error of build fails the plan too: [Plan.Changed] and [Plan.Apply]
// return the first, and the plan's files are discarded.
func (p *Plan) put(b built) {
	w := b.w
	switch {
	case b.err != nil:
		if p.err == nil {
			p.err = b.err
		}
		return
	case p.output == InMemory:
		p.Writes = append(p.Writes, w)
		return
	}
	if p.built == nil {
		p.built = map[string]builtFile{}
	}
	key := path.Clean(filepath.ToSlash(w.Path))
	if prev, ok := p.built[key]; ok {
		discard(p.root, w)
		if (prev.remove != w.Remove || prev.sum != b.sum) && p.err == nil {
			p.err = fmt.Errorf("the plan writes %s twice, differently (%s, then %s)", w.Path, prev.why, w.Why)
		}
		return
	}
	p.built[key] = builtFile{sum: b.sum, remove: w.Remove, why: w.Why}
	if !b.unchanged {
		p.Writes = append(p.Writes, w)
	}
}

// putOwn is put of a write whose path the caller has told from the
// others' of the plan: the plan does not keep the path to tell it.
func (p *Plan) putOwn(b built) {
	switch {
	case b.err != nil:
		if p.err == nil {
			p.err = b.err
		}
	case !b.unchanged:
		p.Writes = append(p.Writes, b.w)
	}
}

// dataSum is what a plan tells the contents of two files of one path apart
// by.
func dataSum(data []byte) uint64 { return maphash.Bytes(checksum, data) }

// Discard removes the temporary files of a plan [Staged] that is not to
// be applied, and the folders made for them. It may be called after
// [Plan.Apply], and then does nothing.
func (p *Plan) Discard() {
	if p == nil {
		return
	}
	discardAll(p.root, p.Writes)
	for i := range p.Writes {
		p.Writes[i].staged, p.Writes[i].made = 0, ""
	}
}

// discardAll removes the temporary files of writes under root, and then
// the folders made for them that are left empty.
func discardAll(root string, ws []Write) {
	var made []string
	for _, w := range ws {
		discard(root, w)
		if w.made != "" {
			made = append(made, w.made)
		}
	}
	atomicfile.RemoveMade(made)
}

// discard removes the temporary file of a write under root, if it has
// one.
func discard(root string, w Write) {
	if w.staged != 0 {
		if abs, err := w.abs(root); err == nil {
			os.Remove(w.staged.Path(abs))
		}
	}
}

// drop takes the writes of path out of the plan, and removes their
// temporary files.
func (p *Plan) drop(path string) {
	p.Writes = slices.DeleteFunc(p.Writes, func(w Write) bool {
		if w.Path == path {
			discard(p.root, w)
			return true
		}
		return false
	})
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
// not (written and removed, or written two ways). The writes returned
// may be the plan's own, not a copy.
func (p *Plan) Changed(root string) ([]Write, error) {
	if p.err != nil {
		return nil, p.err
	}
	if !slices.ContainsFunc(p.Writes, func(w Write) bool { return !w.built }) {
		// Each compared with the disk as it was built: a plan of
		// thousands of files is not copied.
		for _, w := range p.Writes {
			if _, err := p.abs(root, w); err != nil {
				return nil, err
			}
		}
		return slices.Clip(p.Writes), nil
	}
	changed, err := p.changed(root)
	if err != nil {
		return nil, err
	}
	out := make([]Write, len(changed))
	for i, k := range changed {
		out[i] = p.Writes[k]
	}
	return out, nil
}

// changed is Changed, as the places of the writes in the plan.
func (p *Plan) changed(root string) ([]int32, error) {
	if p.err != nil {
		return nil, p.err
	}
	var out []int32
	seen := map[string]Write{}
	for i, w := range p.Writes {
		abs, err := p.abs(root, w)
		if err != nil {
			return nil, err
		}
		if w.built {
			// Compared with the disk as it was built, and told from
			// others of its path (see Plan.put).
			out = append(out, int32(i))
			continue
		}
		if prev, ok := seen[abs]; ok {
			if prev.Remove == w.Remove && bytes.Equal(prev.Data, w.Data) {
				continue // an article given twice
			}
			return nil, fmt.Errorf("the plan writes %s twice, differently (%s, then %s)", w.Path, prev.Why, w.Why)
		}
		seen[abs] = w
		info, err := os.Lstat(abs)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if w.Remove {
				continue
			}
		case err != nil:
			return nil, err
		case !info.Mode().IsRegular():
			return nil, notRegular(w.Path, info.Mode())
		case !w.Remove && same(abs, w.Data):
			continue
		}
		out = append(out, int32(i))
	}
	return out, nil
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
	f, info, err := atomicfile.OpenToRead(abs)
	if err != nil {
		return false
	}
	defer f.Close()
	if info.Size() != int64(len(data)) {
		return false
	}
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
//
// The temporary files of a plan [Staged] are renamed into place, or
// removed when the plan fails; one [Listed] cannot be applied.
func (p *Plan) Apply(root string) (written int, err error) {
	defer p.Discard()
	if p.output == Listed {
		return 0, errors.New("a dry run's plan cannot be applied")
	}
	if err := recoverBatch(root); err != nil {
		return 0, err
	}
	for _, w := range p.Writes {
		if _, err := p.abs(root, w); err != nil {
			return 0, err
		}
	}
	atomicfile.SweepTemps(len(p.Writes), func(i int) (string, atomicfile.Temp) {
		return p.Writes[i].joined(root), p.Writes[i].staged
	})
	p.built = nil // every file is built
	changed, err := p.changed(root)
	if err != nil {
		return 0, err
	}
	written, err = atomicfile.WriteEach(filepath.Join(root, journalName), len(changed), func(i int) atomicfile.File {
		w := &p.Writes[changed[i]]
		return atomicfile.File{Path: w.joined(root), Data: w.Data, Perm: 0o644, Remove: w.Remove, Staged: w.staged}
	})
	if err == nil {
		for i := range p.Writes {
			p.Writes[i].staged, p.Writes[i].made = 0, "" // in place
		}
	}
	return written, err
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

// abs is the write's absolute path, confined to root when relative,
// each folder checked once for the plan.
func (p *Plan) abs(root string, w Write) (string, error) {
	if filepath.IsAbs(w.Path) {
		return filepath.Clean(w.Path), nil
	}
	return confine(root, w.Path, &p.known)
}

// joined is the write's absolute path, as abs returns it once it has
// checked it: the path joined to root, without looking at the disk.
func (w Write) joined(root string) string {
	if filepath.IsAbs(w.Path) {
		return filepath.Clean(w.Path)
	}
	return filepath.Join(root, filepath.FromSlash(path.Clean(strings.ReplaceAll(w.Path, `\`, "/"))))
}
