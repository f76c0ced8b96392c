package atomicfile

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/loctool/loctool/internal/parallel"
)

// File is one file of a batch for WriteFiles: data to write over it, or,
// with Remove, a file to remove.
type File struct {
	Path string
	Data []byte
	// Perm is the permissions of a new file; an existing file keeps its
	// own.
	Perm fs.FileMode
	// Remove removes the file instead of writing it. A file that does
	// not exist is no change.
	Remove bool
	// Staged, when set, is the temporary file beside Path that [Stage]
	// wrote the data to: WriteFiles renames it into place, and Data is
	// not used. A batch that fails removes it, as its own.
	Staged Temp
}

// Temp is a temporary file beside a file, .name.123456.tmp, told by its
// number, so that a batch of thousands of files keeps four bytes for
// each, not a path; zero is none.
type Temp uint32

// Path returns the path of the temporary file beside the file at path.
func (t Temp) Path(path string) string { return numberedName(path, uint32(t), ".tmp") }

// numberedName returns the path of the file .name.123456.tmp (suffix
// .tmp) or .name.123456.old.tmp (.old.tmp) beside path.
func numberedName(path string, n uint32, suffix string) string {
	dir, base := filepath.Split(path)
	return dir + "." + base + "." + strconv.FormatUint(uint64(n), 10) + suffix
}

// Stage writes data to a new temporary file beside path
// (.name.123456.tmp), making path's folder if need be, and returns the
// temporary file, for a [File] of a later WriteFiles to rename
// into place: a command that builds thousands of files writes each as
// it is built, not holding them all until it writes the batch. The
// temporary file has the permissions of the file at path, or perm when
// there is none; it is not synced, as WriteFiles syncs its batch. made
// is the outermost folder Stage made for it, if any, for a caller that
// does not write the file after all to remove ([RemoveMade]). A path
// that is not a regular file is a *NotRegularError, and nothing is
// written.
func Stage(path string, data []byte, perm fs.FileMode) (tmp Temp, made string, err error) {
	path = filepath.Clean(path)
	info, err := checkRegular(path)
	if err != nil {
		return 0, "", err
	}
	if info != nil {
		perm = info.Mode().Perm()
	}
	f, tmp, err := createTemp(path)
	if errors.Is(err, fs.ErrNotExist) {
		for dir := filepath.Dir(path); ; dir = filepath.Dir(dir) {
			if _, err := os.Lstat(dir); !errors.Is(err, fs.ErrNotExist) || dir == filepath.Dir(dir) {
				break
			}
			made = dir
		}
		if err = os.MkdirAll(filepath.Dir(path), 0o755); err == nil {
			f, tmp, err = createTemp(path)
		}
	}
	if err != nil {
		return 0, "", err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(perm)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return 0, "", err
	}
	return tmp, made, nil
}

// RemoveMade removes the folders, made by [Stage], that are empty once
// the temporary files staged in them are removed: each folder below
// and including each of made, the deepest first. A folder that holds
// anything stays.
func RemoveMade(made []string) {
	for _, top := range made {
		var dirs []string
		filepath.WalkDir(top, func(path string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				dirs = append(dirs, path)
			}
			return nil
		})
		for i := len(dirs) - 1; i >= 0; i-- {
			os.Remove(dirs[i])
		}
	}
}

// createTemp creates a temporary file beside path: .name.123456.tmp.
func createTemp(path string) (*os.File, Temp, error) {
	for range 10000 {
		t := Temp(rand.Uint32())
		if t == 0 {
			continue
		}
		f, err := os.OpenFile(t.Path(path), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, t, err
	}
	return nil, 0, &fs.PathError{Op: "createtemp", Path: Temp(0).Path(path), Err: fs.ErrExist}
}

// BatchError is the error of a batch that WriteFiles could not apply.
// When Undo is nil, which is almost always, every file of the batch is
// as it was.
type BatchError struct {
	Err error // what failed
	// Undo is why some files could not be put back as they were, and
	// Changed are those files: written, or removed. Every other file of
	// the batch is as it was.
	Undo    error
	Changed []string
	// Journal is the journal kept, when Undo is set, for Recover to put
	// back the files Changed once what failed is fixed; empty for none.
	Journal string
}

func (e *BatchError) Error() string {
	if e.Undo == nil {
		return e.Err.Error()
	}
	msg := fmt.Sprintf("%v; and putting the files back failed: %s", e.Err, strings.ReplaceAll(e.Undo.Error(), "\n", "; "))
	switch len(e.Changed) {
	case 0:
		msg += "; every file is as it was"
	case 1:
		msg += fmt.Sprintf("; %s is as this run wrote or removed it, and every other file is as it was", e.Changed[0])
	default:
		msg += fmt.Sprintf("; %s are as this run wrote or removed them, and every other file is as it was", strings.Join(e.Changed, ", "))
	}
	if e.Journal != "" {
		msg += "; " + e.Journal + " records how they were, for the next run to put them back"
	}
	return msg
}

func (e *BatchError) Unwrap() []error {
	if e.Undo == nil {
		return []error{e.Err}
	}
	return []error{e.Err, e.Undo}
}

// WriteFiles writes and removes files all or nothing: when it returns an
// error, every file is as it was (but see [BatchError]), and when it is
// killed, Recover with the same journal puts every file back as it was,
// or finishes the batch.
//
// Each new file's data goes to a temporary file beside it; every
// temporary file and the journal are synced to disk together, with one
// syncfs(2) per file system on Linux, so that thousands of files are
// written in the time of a few syncs; then, in the order given, each
// existing file is set aside under a backup name (a second name, the
// file itself staying in place; renamed where the file system has no
// hard links), and the new file renamed over it, or the file to remove
// renamed to its backup name. Should a step fail, every file already
// replaced or removed is put back, in the reverse order. Once all are in
// place, the journal is marked done, the renames synced, and the backups
// removed.
//
// A path that is a symbolic link, a folder or anything but a regular
// file is a *NotRegularError before anything is written: a link is
// neither written through nor replaced.
//
// journal is the file, which must not exist, that records the batch
// while it is applied; empty for none, in which case a kill leaves each
// file whole, as it was or as written, and SweepTemps tidies up.
// WriteFiles returns how many files it wrote or removed.
func WriteFiles(journal string, files []File) (written int, err error) {
	return WriteEach(journal, len(files), func(i int) File { return files[i] })
}

// WriteEach is [WriteFiles] of n files, the i'th of which file returns:
// the batch asks for a file each time it works on it, and holds a few
// bytes for each, not the files, so that a batch of any size is applied
// in little memory. file must return the same file for i each time.
func WriteEach(journal string, n int, file func(i int) File) (written int, err error) {
	b := &batch{journal: journal, file: file, ops: make([]op, n)}
	seen := make(map[uint64]int32, n)
	var clash map[string]bool // paths whose sums are another's
	for i := range n {
		path := b.path(i)
		sum := maphash.String(pathSeed, path)
		j, ok := seen[sum]
		if !ok {
			seen[sum] = int32(i)
			continue
		}
		dup := b.path(int(j)) == path
		if !dup {
			if clash == nil {
				clash = map[string]bool{}
			}
			clash[b.path(int(j))] = true
			dup = clash[path]
			clash[path] = true
		}
		if dup {
			for k := range n {
				if t := file(k).Staged; t != 0 {
					os.Remove(t.Path(b.path(k)))
				}
			}
			return 0, fmt.Errorf("write %s: the batch has it twice", path)
		}
	}
	return b.apply()
}

// pathSeed is the seed of the sums a batch tells its paths apart by.
var pathSeed = maphash.MakeSeed()

// beforeRename and beforeUndo, when set by a test, are called before
// file i is put in place, and before it is put back, to fail a batch
// halfway, and its undoing.
var beforeRename, beforeUndo func(i int) error

// killed, when set by a test, is called at each step of a batch; when it
// returns true, the batch stops dead there, as a process killed would,
// and returns errKilled.
var killed func(step string, i int) bool

var errKilled = errors.New("killed")

// kill reports whether a test kills the batch at a step.
func kill(step string, i int) bool { return killed != nil && killed(step, i) }

// batch is one run of WriteFiles.
type batch struct {
	journal string
	file    func(i int) File
	ops     []op
	folders map[string]bool // of the files, and the journal
}

// path returns the path of file i, cleaned.
func (b *batch) path(i int) string { return filepath.Clean(b.file(i).Path) }

// op is what the batch does to one file.
type op struct {
	tmp    Temp   // the new data, beside the file, until it is renamed
	backup uint32 // the number of the name the old file is set aside under (.name.123456.old.tmp); 0 when none
	skip   bool   // a removal of a file that does not exist
	// What has been done: the old file set aside (as a second name of
	// it when linked), the new one put in its place.
	setAside, linked, replaced bool
}

// backupPath returns the path the old file at path is set aside under.
func (o *op) backupPath(path string) string { return numberedName(path, o.backup, ".old.tmp") }

func (b *batch) apply() (int, error) {
	// 1. Every file checked, and its data in a temporary file beside it.
	var dirs sync.Map // folders known to exist
	err := each(len(b.ops), func(i int) error { return b.ops[i].stage(b.file(i), b.path(i), &dirs) })
	if err != nil {
		b.removeTemps()
		return 0, err
	}
	if kill("staged", -1) {
		return 0, errKilled
	}
	b.folders = map[string]bool{}
	n := 0
	for i, o := range b.ops {
		if !o.skip {
			b.folders[filepath.Dir(b.path(i))] = true
			n++
		}
	}
	if n == 0 {
		return 0, nil
	}
	// 2. The batch in the journal, then 3. the data and the journal to
	// disk.
	if b.journal != "" {
		b.folders[filepath.Dir(b.journal)] = true
		if err := b.writeJournal(); err != nil {
			b.removeTemps()
			return 0, err
		}
	}
	syncfs, err := syncFS(b.folders)
	if err == nil && !syncfs {
		err = b.fsync()
	}
	if err != nil {
		return b.undo(-1, err)
	}
	if kill("synced", -1) {
		return 0, errKilled
	}
	// 4. The new files in place of the old, in order.
	for i := range b.ops {
		o := &b.ops[i]
		if o.skip {
			continue
		}
		if beforeRename != nil {
			if err := beforeRename(i); err != nil {
				return b.undo(i, err)
			}
		}
		if err := o.replace(b.file(i), b.path(i), i); err != nil {
			if err == errKilled {
				return 0, err
			}
			return b.undo(i, err)
		}
		if kill("replaced", i) {
			return 0, errKilled
		}
	}
	// 5. The batch done, and the names to disk. Where there is no
	// syncfs, the folders are synced one by one, before the journal is
	// marked done so that it never says done of renames a crash loses.
	if !syncfs {
		syncFolders(b.folders)
	}
	if b.journal != "" {
		if err := os.Rename(b.journal, doneName(b.journal)); err != nil {
			return b.undo(len(b.ops)-1, err)
		}
	}
	if ok, _ := syncFS(b.folders); !ok && b.journal != "" {
		syncDir(filepath.Dir(b.journal))
	}
	if kill("committed", -1) {
		return 0, errKilled
	}
	// 6. The backups, and the journal, go.
	if err := eachN(len(b.ops), 32, func(i int) error {
		if o := &b.ops[i]; o.setAside {
			os.Remove(o.backupPath(b.path(i)))
			if kill("cleaned", i) {
				return errKilled
			}
		}
		return nil
	}); err != nil {
		return 0, err
	}
	if b.journal != "" {
		os.Remove(doneName(b.journal))
	}
	return n, nil
}

// stage checks the file f, at path, picks its backup name, and writes
// its new data into a temporary file.
func (o *op) stage(f File, path string, dirs *sync.Map) error {
	if f.Staged != 0 {
		o.tmp = f.Staged // removed with the others should the batch fail
	}
	info, err := checkRegular(path)
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	if info != nil {
		if o.backup, err = backupNumber(path); err != nil {
			return err
		}
	}
	if f.Remove {
		o.skip = info == nil
		return nil
	}
	if f.Staged != 0 {
		return nil
	}
	if _, ok := dirs.Load(dir); !ok {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		dirs.Store(dir, true)
	}
	perm := f.Perm
	if info != nil {
		perm = info.Mode().Perm()
	}
	tmp, t, err := createTemp(path)
	if err != nil {
		return err
	}
	o.tmp = t
	_, err = tmp.Write(f.Data)
	if err == nil {
		err = tmp.Chmod(perm)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	return err
}

// backupNumber returns the number of a name, beside path and free, to
// set the file at path aside under: .name.123456.old.tmp.
func backupNumber(path string) (uint32, error) {
	for range 100 {
		n := rand.Uint32()
		if n == 0 {
			continue
		}
		if _, err := os.Lstat(numberedName(path, n, ".old.tmp")); errors.Is(err, fs.ErrNotExist) {
			return n, nil
		}
	}
	return 0, fmt.Errorf("write %s: no free name to keep the file aside", path)
}

// replace sets the old file f, at path, aside and puts the new one in
// its place; i is its place in the batch.
func (o *op) replace(f File, path string, i int) error {
	if o.backup != 0 {
		backup := o.backupPath(path)
		err := errors.ErrUnsupported
		if !f.Remove {
			// A second name: the file stays in place until the new one
			// replaces it, whoever reads it meanwhile.
			err = os.Link(path, backup)
			o.linked = err == nil
		}
		if err != nil && !errors.Is(err, fs.ErrExist) {
			err = os.Rename(path, backup)
		}
		if err != nil {
			return err
		}
		o.setAside = true
	}
	if f.Remove {
		return nil
	}
	if kill("aside", i) {
		return errKilled
	}
	if err := os.Rename(o.tmp.Path(path), path); err != nil {
		return err
	}
	o.tmp, o.replaced = 0, true
	return nil
}

// undo puts back every file up to the last'th, in the reverse order,
// after cause, and removes the temporary files and the journal. When a
// file cannot be put back, the journal stays, for Recover.
func (b *batch) undo(last int, cause error) (int, error) {
	var errs []error
	var changed []string
	for i := last; i >= 0; i-- {
		o := &b.ops[i]
		if !o.setAside && !o.replaced {
			continue
		}
		if err := o.undo(b.path(i), i); err != nil {
			errs = append(errs, err)
			if o.replaced || (o.setAside && !o.linked) {
				changed = append(changed, b.path(i))
			}
		}
	}
	b.removeTemps()
	if len(errs) > 0 {
		return len(changed), &BatchError{Err: cause, Undo: errors.Join(errs...), Changed: changed, Journal: b.journal}
	}
	if b.journal != "" {
		if ok, _ := syncFS(b.folders); !ok {
			syncFolders(b.folders)
		}
		os.Remove(b.journal)
	}
	return 0, &BatchError{Err: cause}
}

// undo puts the file at path back as it was.
func (o *op) undo(path string, i int) error {
	if beforeUndo != nil {
		if err := beforeUndo(i); err != nil {
			return err
		}
	}
	if o.setAside {
		if err := restore(path, o.backupPath(path)); err != nil {
			return err
		}
	} else if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err // a new file
	}
	o.setAside, o.replaced = false, false
	return nil
}

// restore renames the backup of path back to it. Where the backup is a
// second name of the file still at path, renaming does nothing, and the
// backup name is removed.
func restore(path, backup string) error {
	if err := os.Rename(backup, path); err != nil {
		return err
	}
	if err := os.Remove(backup); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// removeTemps removes the temporary files not renamed into place.
func (b *batch) removeTemps() {
	for i := range b.ops {
		if t := b.ops[i].tmp; t != 0 {
			os.Remove(t.Path(b.path(i)))
			b.ops[i].tmp = 0
		}
	}
}

// fsync syncs each temporary file and the journal to disk, where there is
// no syncfs.
func (b *batch) fsync() error {
	err := eachN(len(b.ops), 32, func(i int) error {
		if t := b.ops[i].tmp; t != 0 {
			return fsyncFile(t.Path(b.path(i)))
		}
		return nil
	})
	if err == nil && b.journal != "" {
		err = fsyncFile(b.journal)
	}
	if err != nil {
		return err
	}
	if b.journal != "" {
		syncDir(filepath.Dir(b.journal))
	}
	return nil
}

// journalFile is what a journal holds: the batch, file by file.
type journalFile struct {
	Ops []journalOp `json:"ops"`
}

type journalOp struct {
	// Path is relative to the journal's folder when it is inside it,
	// else absolute.
	Path string `json:"path"`
	// Temp and Backup are names in the file's folder: of its new data,
	// until it is renamed into place, and of the old file set aside;
	// empty for none.
	Temp   string `json:"temp,omitempty"`
	Backup string `json:"backup,omitempty"`
	Remove bool   `json:"remove,omitempty"`
}

// doneName is the name a journal is renamed to once its batch is in
// place: .loctool.journal.done.tmp for .loctool.journal.tmp.
func doneName(journal string) string {
	ext := filepath.Ext(journal)
	return strings.TrimSuffix(journal, ext) + ".done" + ext
}

// writeJournal writes the batch's journal, which must not exist, op by
// op, as a journalFile.
func (b *batch) writeJournal() error {
	dir := filepath.Dir(b.journal)
	// O_EXCL: never through a link, and never over the journal of a
	// batch that is not recovered.
	f, err := os.OpenFile(b.journal, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s is there: the files of a write cut short have not been put back", b.journal)
	}
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	w.WriteString(`{"ops":[`)
	first := true
	for i, o := range b.ops {
		if o.skip {
			continue
		}
		p := b.path(i)
		j := journalOp{Path: p, Remove: b.file(i).Remove}
		if r, err := filepath.Rel(dir, p); err == nil && filepath.IsLocal(r) {
			j.Path = r
		}
		j.Path = filepath.ToSlash(j.Path)
		if o.tmp != 0 {
			j.Temp = filepath.Base(o.tmp.Path(p))
		}
		if o.backup != 0 {
			j.Backup = filepath.Base(o.backupPath(p))
		}
		data, err := json.Marshal(j)
		if err != nil {
			f.Close()
			os.Remove(b.journal)
			return err
		}
		if !first {
			w.WriteByte(',')
		}
		first = false
		w.Write(data)
	}
	w.WriteString("]}\n")
	err = w.Flush()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(b.journal)
	}
	return err
}

// Recover finishes or undoes the batch that a WriteFiles killed in the
// middle left in journal: if the batch was in place, its backups are
// removed; if not, every file it replaced or removed is put back as it
// was, and every file it created is removed. It does nothing when there
// is no journal. Only a caller that knows no WriteFiles is running with
// this journal may call it: loctool holds the project's lock. An error
// leaves the journal, for a later Recover.
func Recover(journal string) error {
	dir := filepath.Dir(journal)
	if j, err := readJournal(doneName(journal)); err != nil {
		return err
	} else if j != nil {
		// Done: only the backups are left to remove.
		for _, o := range j.Ops {
			path := o.path(dir)
			for _, name := range []string{o.Temp, o.Backup} {
				if name != "" {
					os.Remove(filepath.Join(filepath.Dir(path), name))
				}
			}
		}
		if err := os.Remove(doneName(journal)); err != nil {
			return err
		}
	}
	j, err := readJournal(journal)
	if err != nil || j == nil {
		return err
	}
	folders := map[string]bool{dir: true}
	var errs []error
	for i := len(j.Ops) - 1; i >= 0; i-- {
		o := j.Ops[i]
		path := o.path(dir)
		folder := filepath.Dir(path)
		folders[folder] = true
		if err := o.putBack(path); err != nil {
			errs = append(errs, err)
		}
		if o.Temp != "" {
			os.Remove(filepath.Join(folder, o.Temp))
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("the files of a write cut short cannot be put back as they were (%s records them): %s: fix what fails and run loctool again, or remove %s to keep the files as they are",
			journal, strings.ReplaceAll(errors.Join(errs...).Error(), "\n", "; "), journal)
	}
	if ok, _ := syncFS(folders); !ok {
		syncFolders(folders)
	}
	return os.Remove(journal)
}

// path is the op's file, for a journal in dir.
func (o journalOp) path(dir string) string {
	p := filepath.FromSlash(o.Path)
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, p)
}

// putBack puts the file of an op of an unfinished batch back as it was,
// whatever step the batch had reached: its backup, while there is one,
// is the old file; a file the batch created is there only once its
// temporary file is gone.
func (o journalOp) putBack(path string) error {
	folder := filepath.Dir(path)
	if o.Backup != "" {
		backup := filepath.Join(folder, o.Backup)
		if _, err := os.Lstat(backup); errors.Is(err, fs.ErrNotExist) {
			return nil // not set aside yet, or put back already
		}
		return restore(path, backup)
	}
	if o.Remove {
		return nil
	}
	if _, err := os.Lstat(filepath.Join(folder, o.Temp)); err == nil {
		return nil // not renamed into place
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// readJournal reads a journal; nil when there is none. A journal that
// cannot be read whole was cut short as it was written, before any file
// was touched: it is removed.
func readJournal(path string) (*journalFile, error) {
	f, err := OpenRegular(path, os.O_RDONLY, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var j journalFile
	err = json.NewDecoder(f).Decode(&j)
	f.Close()
	if err != nil {
		return nil, os.Remove(path)
	}
	return &j, nil
}

// SweepTemps tidies what writes of n files, the i'th of which file
// returns, left behind when they were killed before they could, and
// without a journal to say what they did: their temporary files
// (.name.123456.tmp beside name) are removed; a file's backup
// (.name.123456.old.tmp) is renamed back to it when the file is
// missing, the only way a kill leaves a file that had one (files are
// replaced by renaming whole ones), and removed otherwise. Only a
// caller that knows no other process is writing the files may call it:
// loctool holds the project's lock, and has called Recover. The
// temporary file that file returns with a path, if any, is the
// caller's own ([Stage]), and stays.
func SweepTemps(n int, file func(i int) (path string, keep Temp)) {
	byDir := map[string][]int32{}
	for i := range n {
		p, _ := file(i)
		dir := filepath.Dir(p)
		byDir[dir] = append(byDir[dir], int32(i))
	}
	for dir, files := range byDir {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		want := map[string]string{} // a file's name: the name of its temporary file to keep
		for _, i := range files {
			p, keep := file(int(i))
			name := filepath.Base(p)
			if keep != 0 {
				want[name] = filepath.Base(keep.Path(p))
			} else if _, ok := want[name]; !ok {
				want[name] = ""
			}
		}
		for _, e := range entries {
			if !e.Type().IsRegular() {
				continue
			}
			name := filepath.Join(dir, e.Name())
			if base, ok := tempOf(e.Name()); ok {
				if keep, ok := want[base]; ok && keep != e.Name() {
					os.Remove(name)
				}
			}
			if base, ok := backupOf(e.Name()); ok {
				if _, ok := want[base]; !ok {
					continue
				}
				file := filepath.Join(dir, base)
				if _, err := os.Lstat(file); errors.Is(err, fs.ErrNotExist) {
					os.Rename(name, file)
				} else {
					os.Remove(name)
				}
			}
		}
	}
}

// tempOf returns the name of the file a temporary file was for: base for
// ".base.123456.tmp".
func tempOf(name string) (string, bool) {
	rest, ok := strings.CutSuffix(name, ".tmp")
	if !ok {
		return "", false
	}
	return numbered(rest)
}

// backupOf returns the name of the file a backup was of: base for
// ".base.123456.old.tmp".
func backupOf(name string) (string, bool) {
	rest, ok := strings.CutSuffix(name, ".old.tmp")
	if !ok {
		return "", false
	}
	return numbered(rest)
}

// numbered returns base for ".base.123456".
func numbered(s string) (string, bool) {
	rest, ok := strings.CutPrefix(s, ".")
	if !ok {
		return "", false
	}
	i := strings.LastIndexByte(rest, '.')
	if i <= 0 || strings.Trim(rest[i+1:], "0123456789") != "" || i+1 == len(rest) {
		return "", false
	}
	return rest[:i], true
}

// fsyncFile syncs the file at path to disk.
func fsyncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncFolders makes renames in the folders durable, as syncDir does.
func syncFolders(folders map[string]bool) {
	list := make([]string, 0, len(folders))
	for d := range folders {
		list = append(list, d)
	}
	eachN(len(list), 32, func(i int) error { return syncDir(list[i]) })
}

// each calls f(i) for each i below n on as many goroutines as there are
// processors, and returns the first error.
func each(n int, f func(i int) error) error {
	return eachN(n, runtime.GOMAXPROCS(0), f)
}

func eachN(n, workers int, f func(i int) error) error {
	errs := make([]error, n)
	parallel.Workers(n, workers, func(_, i int) { errs[i] = f(i) })
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
