package atomicfile

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/loctool/loctool/internal/testtool"
)

func TestWriteFiles(t *testing.T) {
	dir := t.TempDir()
	journal := filepath.Join(dir, ".journal.tmp")
	var files []File
	for i := range 50 {
		files = append(files, File{Path: filepath.Join(dir, "locales", fmt.Sprint(i%3), fmt.Sprintf("a%d.xlf", i)), Data: []byte(fmt.Sprint("one ", i)), Perm: 0o644})
	}
	if n, err := WriteFiles(journal, files); err != nil || n != len(files) {
		t.Fatalf("WriteFiles = %d, %v", n, err)
	}
	if err := os.Chmod(files[0].Path, 0o600); err != nil {
		t.Fatal(err)
	}
	for i := range files {
		files[i].Data = []byte(fmt.Sprint("two ", i))
	}
	if n, err := WriteFiles(journal, files); err != nil || n != len(files) {
		t.Fatalf("WriteFiles = %d, %v", n, err)
	}
	for i, f := range files {
		data, err := os.ReadFile(f.Path)
		if err != nil || string(data) != fmt.Sprint("two ", i) {
			t.Errorf("%s: got %q, %v", f.Path, data, err)
		}
	}
	if info, _ := os.Stat(files[0].Path); info.Mode().Perm() != 0o600 {
		t.Errorf("permissions %v, want the existing 0600", info.Mode().Perm())
	}
	if info, _ := os.Stat(files[1].Path); info.Mode().Perm() != 0o644 {
		t.Errorf("permissions %v, want 0644", info.Mode().Perm())
	}
	for i := range 3 {
		entries, _ := os.ReadDir(filepath.Join(dir, "locales", fmt.Sprint(i)))
		for _, e := range entries {
			if filepath.Ext(e.Name()) != ".xlf" {
				t.Errorf("temporary file left behind: %s", e.Name())
			}
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the journal is left behind: %v", entries)
	}
}

func TestWriteFilesFailsWhole(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	if err := os.WriteFile(good, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	n, err := WriteFiles(filepath.Join(dir, ".journal.tmp"), []File{
		{Path: good, Data: []byte("new"), Perm: 0o644},
		{Path: dir, Data: []byte("x"), Perm: 0o644}, // a folder
	})
	if err == nil || n != 0 {
		t.Fatalf("WriteFiles over a folder = %d, %v; want an error and nothing written", n, err)
	}
	if data, _ := os.ReadFile(good); string(data) != "old" {
		t.Errorf("%s was replaced although the batch failed: %q", good, data)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

// batchFiles makes a folder with files f0 … f(n-1), and returns a batch
// that writes them, in three kinds: f0, f3… are replaced, f1, f4… are
// new, and f2, f5… are removed; then gone.xlf, missing, is removed.
func batchFiles(t *testing.T, n int) (dir string, files []File, before, after map[string]string) {
	t.Helper()
	dir = t.TempDir()
	before, after = map[string]string{}, map[string]string{}
	for i := range n {
		name := fmt.Sprintf("f%d.xlf", i)
		path := filepath.Join(dir, name)
		if i%3 != 1 {
			before[name] = fmt.Sprint("old ", i)
			if err := os.WriteFile(path, []byte(before[name]), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		f := File{Path: path, Data: []byte(fmt.Sprint("new ", i, " ", strings.Repeat("x", 1000))), Perm: 0o644}
		if i%3 == 2 {
			f.Remove, f.Data = true, nil
		} else {
			after[name] = string(f.Data)
		}
		files = append(files, f)
	}
	files = append(files, File{Path: filepath.Join(dir, "gone.xlf"), Remove: true})
	return dir, files, before, after
}

// files returns the files of a folder by name, with their content.
func files(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(data)
	}
	return out
}

// A batch that fails before any of its files is in place, at every
// point, leaves each file as it was: old, removed files back, new files
// gone, and nothing else.
func TestWriteFilesInterrupted(t *testing.T) {
	const n = 10
	for fail := range n {
		dir, batch, before, _ := batchFiles(t, n)
		boom := errors.New("interrupted")
		beforeRename = func(i int) error {
			if i == fail {
				return boom
			}
			return nil
		}
		written, err := WriteFiles(filepath.Join(dir, ".journal.tmp"), batch)
		beforeRename = nil
		var be *BatchError
		if !errors.Is(err, boom) || !errors.As(err, &be) || be.Undo != nil || written != 0 {
			t.Fatalf("failing before file %d: %d written, %v", fail, written, err)
		}
		if got := files(t, dir); !maps.Equal(got, before) {
			t.Errorf("failing before file %d: the folder holds %v, want %v", fail, slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(before)))
		}
	}
}

// When a file cannot be put back, the error names it, and the journal
// that stays puts it back once what failed is fixed.
func TestWriteFilesUndoFails(t *testing.T) {
	dir, batch, before, _ := batchFiles(t, 6)
	journal := filepath.Join(dir, ".journal.tmp")
	boom, stuck := errors.New("interrupted"), errors.New("read-only")
	beforeRename = func(i int) error {
		if i == 5 {
			return boom
		}
		return nil
	}
	beforeUndo = func(i int) error {
		if i == 2 || i == 4 {
			return stuck
		}
		return nil
	}
	written, err := WriteFiles(journal, batch)
	beforeRename, beforeUndo = nil, nil
	var be *BatchError
	if !errors.As(err, &be) || !errors.Is(err, boom) || !errors.Is(err, stuck) || written != 2 {
		t.Fatalf("%d written, %v", written, err)
	}
	f2, f4 := filepath.Join(dir, "f2.xlf"), filepath.Join(dir, "f4.xlf")
	want := fmt.Sprintf("interrupted; and putting the files back failed: read-only; read-only; %s, %s are as this run wrote or removed them, and every other file is as it was; %s records how they were, for the next run to put them back", f4, f2, journal)
	if err.Error() != want {
		t.Errorf("error\n%s\nwant\n%s", err, want)
	}
	got := files(t, dir)
	if _, ok := got["f2.xlf"]; ok {
		t.Errorf("f2.xlf, removed, is back")
	}
	if !strings.HasPrefix(got["f4.xlf"], "new") {
		t.Errorf("f4.xlf is %.10q, want the new text", got["f4.xlf"])
	}
	for _, name := range []string{"f0.xlf", "f1.xlf", "f3.xlf"} {
		if got[name] != before[name] {
			t.Errorf("%s is %.10q, want it as it was", name, got[name])
		}
	}
	if err := Recover(journal); err != nil {
		t.Fatal(err)
	}
	if got := files(t, dir); !maps.Equal(got, before) {
		t.Errorf("after Recover, the folder holds %v, want %v", got, before)
	}
}

// A batch killed at any step is, once Recover has run, wholly as it was
// or, from the step where it was in place, wholly as written; and
// nothing else is left. So it is of a batch whose files were staged
// before it ran ([Stage]).
func TestWriteFilesKilled(t *testing.T) {
	const n = 6
	type point struct {
		step string
		i    int
	}
	points := []point{{"staged", -1}, {"synced", -1}, {"committed", -1}}
	for i := range n {
		points = append(points, point{"aside", i}, point{"replaced", i}, point{"cleaned", i})
	}
	for _, staged := range []bool{false, true} {
		for _, at := range points {
			dir, batch, before, after := batchFiles(t, n)
			if staged {
				stage(t, batch)
			}
			journal := filepath.Join(dir, ".journal.tmp")
			var stopped atomic.Bool // the backups go in parallel
			killed = func(step string, i int) bool {
				if step == at.step && i == at.i {
					stopped.Store(true)
				}
				return stopped.Load()
			}
			_, err := WriteFiles(journal, batch)
			killed = nil
			if !stopped.Load() {
				continue // no such step for this file: nothing set aside, say
			}
			if !errors.Is(err, errKilled) {
				t.Fatalf("staged %v, killed at %s %d: %v", staged, at.step, at.i, err)
			}
			if err := Recover(journal); err != nil {
				t.Fatalf("staged %v, killed at %s %d: %v", staged, at.step, at.i, err)
			}
			paths := make([]string, len(batch))
			for i, f := range batch {
				paths[i] = f.Path
			}
			SweepTemps(len(paths), func(i int) (string, Temp) { return paths[i], 0 }) // the temporary files of a kill before the journal
			want := before
			if at.step == "committed" || at.step == "cleaned" {
				want = after
			}
			if got := files(t, dir); !maps.Equal(got, want) {
				t.Errorf("staged %v, killed at %s %d: the folder holds %v, want %v", staged, at.step, at.i, slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
			}
		}
	}
}

// stage writes the data of each file of a batch to its temporary file,
// as a command that writes files as it builds them does.
func stage(t *testing.T, batch []File) {
	t.Helper()
	for i, f := range batch {
		if f.Remove {
			continue
		}
		tmp, _, err := Stage(f.Path, f.Data, f.Perm)
		if err != nil {
			t.Fatal(err)
		}
		batch[i].Staged, batch[i].Data = tmp, nil
	}
}

// Staged files are renamed into place, keeping the permissions of the
// file they replace, and a batch that fails removes them: nothing is
// left beside the files. A file in a folder that does not exist yet
// is staged in it.
func TestStagedFiles(t *testing.T) {
	for _, fail := range []bool{false, true} {
		dir, batch, before, after := batchFiles(t, 4)
		os.Chmod(filepath.Join(dir, "f0.xlf"), 0o600)
		elsewhere := t.TempDir()
		batch = append(batch, File{Path: filepath.Join(elsewhere, "new", "deep", "n.xlf"), Data: []byte("n"), Perm: 0o644})
		stage(t, batch)
		if fail {
			beforeRename = func(i int) error {
				if i == 3 {
					return errors.New("interrupted")
				}
				return nil
			}
		}
		_, err := WriteFiles(filepath.Join(dir, ".journal.tmp"), batch)
		beforeRename = nil
		want := after
		if fail {
			if err == nil {
				t.Fatal("the batch did not fail")
			}
			want = before
		} else if err != nil {
			t.Fatal(err)
		}
		if got := files(t, dir); !maps.Equal(got, want) {
			t.Errorf("fail %v: the folder holds %v, want %v", fail, slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
		}
		entries, _ := os.ReadDir(filepath.Join(elsewhere, "new", "deep"))
		if n := len(entries); fail && n != 0 || !fail && n != 1 {
			t.Errorf("fail %v: the new folder holds %v", fail, entries)
		}
		if info, err := os.Stat(filepath.Join(dir, "f0.xlf")); err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("fail %v: f0.xlf's permissions are %v, %v; want 0600, kept", fail, info.Mode(), err)
		}
	}
}

// A journal cut short as it was written was written before any file was
// touched: Recover removes it, and touches nothing.
func TestRecoverTruncatedJournal(t *testing.T) {
	dir := t.TempDir()
	journal := filepath.Join(dir, ".journal.tmp")
	os.WriteFile(filepath.Join(dir, "a.xlf"), []byte("old"), 0o644)
	os.WriteFile(journal, []byte(`{"ops":[{"path":"a.xlf","temp":".a.xlf.1.tmp"`), 0o644)
	if err := Recover(journal); err != nil {
		t.Fatal(err)
	}
	if got := files(t, dir); !maps.Equal(got, map[string]string{"a.xlf": "old"}) {
		t.Errorf("the folder holds %v", got)
	}
	if err := Recover(journal); err != nil {
		t.Errorf("Recover without a journal: %v", err)
	}
}

// Neither WriteFiles nor WriteFile writes through a symbolic link or
// replaces one, and a batch with one writes nothing.
func TestWriteFilesRefusesLinks(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "outside.txt")
	os.WriteFile(outside, []byte("keep me"), 0o644)
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("old"), 0o644)
	link := filepath.Join(dir, "link.txt")
	testtool.Symlink(t, outside, link)
	for _, remove := range []bool{false, true} {
		_, err := WriteFiles(filepath.Join(dir, ".journal.tmp"), []File{{Path: good, Data: []byte("new")}, {Path: link, Data: []byte("new"), Remove: remove}})
		var nr *NotRegularError
		if !errors.As(err, &nr) || nr.Path != link || nr.What() != "a symbolic link" {
			t.Errorf("remove %v: %v", remove, err)
		}
	}
	if err := WriteFile(link, []byte("new"), 0o644); !errors.Is(err, ErrNotRegular) {
		t.Errorf("WriteFile: %v", err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode().Type() != os.ModeSymlink {
		t.Errorf("the link was replaced")
	}
	if data, _ := os.ReadFile(outside); string(data) != "keep me" {
		t.Errorf("written through the link: %q", data)
	}
	if data, _ := os.ReadFile(good); string(data) != "old" {
		t.Errorf("the batch wrote %s: %q", good, data)
	}
}

// The temporary files of a killed write are swept away, and nothing
// else; a backup is put back when its file is missing, and removed
// otherwise.
func TestSweepTemps(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.xlf", ".a.xlf.123456.tmp", ".a.xlf.99.tmp", ".b.xlf.123.tmp", ".a.xlf.tmp", "a.xlf.123.tmp", ".a.xlf.12x.tmp",
		".a.xlf.77.old.tmp", ".m.xlf.55.old.tmp", ".a.xlf.old.tmp"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	paths := []string{filepath.Join(dir, "a.xlf"), filepath.Join(dir, "m.xlf"), filepath.Join(dir, "missing", "c.xlf")}
	SweepTemps(len(paths), func(i int) (string, Temp) { return paths[i], 0 })
	got := files(t, dir)
	if left := strings.Join(slices.Sorted(maps.Keys(got)), " "); left != ".a.xlf.12x.tmp .a.xlf.old.tmp .a.xlf.tmp .b.xlf.123.tmp a.xlf a.xlf.123.tmp m.xlf" {
		t.Errorf("left %s", left)
	}
	if got["a.xlf"] != "a.xlf" || got["m.xlf"] != ".m.xlf.55.old.tmp" {
		t.Errorf("a.xlf holds %q, m.xlf %q", got["a.xlf"], got["m.xlf"])
	}
}

// A batch that cannot be put back yet keeps its journal, and the error
// says what to do; once the cause is gone, Recover puts it back.
func TestRecoverFails(t *testing.T) {
	dir := t.TempDir()
	journal := filepath.Join(dir, ".journal.tmp")
	os.WriteFile(filepath.Join(dir, ".a.xlf.1.old.tmp"), []byte("old"), 0o644)
	os.MkdirAll(filepath.Join(dir, "a.xlf", "in the way"), 0o755)
	os.WriteFile(journal, []byte(`{"ops":[{"path":"a.xlf","temp":".a.xlf.2.tmp","backup":".a.xlf.1.old.tmp"}]}`), 0o644)
	err := Recover(journal)
	if err == nil || !strings.HasPrefix(err.Error(), "the files of a write cut short cannot be put back as they were ("+journal+" records them): rename ") ||
		!strings.HasSuffix(err.Error(), ": fix what fails and run loctool again, or remove "+journal+" to keep the files as they are") {
		t.Fatalf("Recover: %v", err)
	}
	if _, err := os.Stat(journal); err != nil {
		t.Errorf("the journal is gone: %v", err)
	}
	os.RemoveAll(filepath.Join(dir, "a.xlf"))
	if err := Recover(journal); err != nil {
		t.Fatal(err)
	}
	if got := files(t, dir); !maps.Equal(got, map[string]string{"a.xlf": "old"}) {
		t.Errorf("the folder holds %v", got)
	}
}
