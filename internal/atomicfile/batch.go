package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/loctool/loctool/internal/parallel"
)

// File is one file for WriteFiles.
type File struct {
	Path string
	Data []byte
	// Perm is the permissions of a new file; an existing file keeps its
	// own.
	Perm fs.FileMode
}

// WriteFiles writes files as WriteFile does, each atomically, but syncs
// them to disk together: a project's thousands of handoff files are
// written in the time of a few syncs, not one sync each. The files are
// renamed into place in the order given. Each file is
// either left as it was or replaced whole. On an error, WriteFiles stops
// before replacing any file if it can, and returns the number of files
// replaced.
func WriteFiles(files []File) (written int, err error) {
	// 1. Every file's data into a temporary file beside it.
	tmps := make([]string, len(files))
	defer func() {
		for _, t := range tmps {
			if t != "" {
				os.Remove(t)
			}
		}
	}()
	var dirs sync.Map // folders known to exist
	if err := each(len(files), func(i int) error {
		t, err := writeTemp(files[i], &dirs)
		tmps[i] = t
		return err
	}); err != nil {
		return 0, err
	}
	// 2. The data to disk, then 3. the new names over the old, then 4.
	// the names to disk.
	folders := map[string]bool{}
	for _, f := range files {
		folders[filepath.Dir(f.Path)] = true
	}
	if done, err := syncFS(folders); err != nil {
		return 0, err
	} else if !done {
		if err := fsyncAll(tmps); err != nil {
			return 0, err
		}
	}
	for i, f := range files {
		if beforeRename != nil {
			if err := beforeRename(i); err != nil {
				return written, err
			}
		}
		if err := os.Rename(tmps[i], f.Path); err != nil {
			return written, err
		}
		tmps[i] = ""
		written++
	}
	if done, _ := syncFS(folders); !done {
		syncFolders(folders)
	}
	return written, nil
}

// beforeRename, when set by a test, is called before each file is
// renamed into place, to fail a write halfway.
var beforeRename func(i int) error

// SweepTemps removes the temporary files that writes of these paths left
// behind when they were killed before they could clean up
// (.name.123456.tmp beside name). Only a caller that knows no other
// process is writing the files may call it: loctool holds the project's
// lock.
func SweepTemps(paths []string) {
	byDir := map[string][]string{}
	for _, p := range paths {
		byDir[filepath.Dir(p)] = append(byDir[filepath.Dir(p)], filepath.Base(p))
	}
	for dir, names := range byDir {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		want := map[string]bool{}
		for _, n := range names {
			want[n] = true
		}
		for _, e := range entries {
			if base, ok := tempOf(e.Name()); ok && want[base] && e.Type().IsRegular() {
				os.Remove(filepath.Join(dir, e.Name()))
			}
		}
	}
}

// tempOf returns the name of the file a temporary file was for: base for
// ".base.123456.tmp".
func tempOf(name string) (string, bool) {
	rest, ok := strings.CutPrefix(name, ".")
	if !ok {
		return "", false
	}
	rest, ok = strings.CutSuffix(rest, ".tmp")
	if !ok {
		return "", false
	}
	i := strings.LastIndexByte(rest, '.')
	if i <= 0 || strings.Trim(rest[i+1:], "0123456789") != "" || i+1 == len(rest) {
		return "", false
	}
	return rest[:i], true
}

// writeTemp writes f's data into a new temporary file in f's folder, and
// returns its name.
func writeTemp(f File, dirs *sync.Map) (string, error) {
	dir := filepath.Dir(f.Path)
	if _, ok := dirs.Load(dir); !ok {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", err
		}
		dirs.Store(dir, true)
	}
	perm := f.Perm
	if info, err := os.Stat(f.Path); err == nil {
		if !info.Mode().IsRegular() {
			return "", fmt.Errorf("write %s: not a regular file", f.Path)
		}
		perm = info.Mode().Perm()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(f.Path)+".*.tmp")
	if err != nil {
		return "", err
	}
	name := tmp.Name()
	_, err = tmp.Write(f.Data)
	if err == nil {
		err = tmp.Chmod(perm)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	return name, err
}

// fsyncAll syncs each file to disk, many at a time: the file system
// commits concurrent syncs together.
func fsyncAll(paths []string) error {
	return eachN(len(paths), 32, func(i int) error {
		f, err := os.OpenFile(paths[i], os.O_RDWR, 0)
		if err != nil {
			return err
		}
		err = f.Sync()
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return err
	})
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
