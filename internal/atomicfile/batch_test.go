package atomicfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteFiles(t *testing.T) {
	dir := t.TempDir()
	var files []File
	for i := range 50 {
		files = append(files, File{Path: filepath.Join(dir, "locales", fmt.Sprint(i%3), fmt.Sprintf("a%d.xlf", i)), Data: []byte(fmt.Sprint("one ", i)), Perm: 0o644})
	}
	if n, err := WriteFiles(files); err != nil || n != len(files) {
		t.Fatalf("WriteFiles = %d, %v", n, err)
	}
	if err := os.Chmod(files[0].Path, 0o600); err != nil {
		t.Fatal(err)
	}
	for i := range files {
		files[i].Data = []byte(fmt.Sprint("two ", i))
	}
	if n, err := WriteFiles(files); err != nil || n != len(files) {
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
}

func TestWriteFilesFailsWhole(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	if err := os.WriteFile(good, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	n, err := WriteFiles([]File{
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

// A write that fails between two renames, at every point, leaves each
// file whole, old or new, and no temporary file.
func TestWriteFilesInterrupted(t *testing.T) {
	const n = 6
	for fail := range n {
		dir := t.TempDir()
		var files []File
		for i := range n {
			path := filepath.Join(dir, fmt.Sprintf("f%d.xlf", i))
			if err := os.WriteFile(path, []byte(fmt.Sprint("old ", i)), 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, File{Path: path, Data: []byte(fmt.Sprint("new ", i, " ", strings.Repeat("x", 1000))), Perm: 0o644})
		}
		boom := errors.New("interrupted")
		beforeRename = func(i int) error {
			if i == fail {
				return boom
			}
			return nil
		}
		written, err := WriteFiles(files)
		beforeRename = nil
		if !errors.Is(err, boom) || written != fail {
			t.Fatalf("failing before file %d: %d written, %v", fail, written, err)
		}
		for i, f := range files {
			data, _ := os.ReadFile(f.Path)
			want := fmt.Sprint("old ", i)
			if i < fail {
				want = string(f.Data)
			}
			if string(data) != want {
				t.Errorf("failing before file %d: %s holds %.20q", fail, f.Path, data)
			}
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != n {
			t.Errorf("failing before file %d: %d entries, temporary files left", fail, len(entries))
		}
	}
}

// The temporary files of a killed write are swept away, and nothing else.
func TestSweepTemps(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.xlf", ".a.xlf.123456.tmp", ".a.xlf.99.tmp", ".b.xlf.123.tmp", ".a.xlf.tmp", "a.xlf.123.tmp", ".a.xlf.12x.tmp"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	SweepTemps([]string{filepath.Join(dir, "a.xlf"), filepath.Join(dir, "missing", "c.xlf")})
	var left []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		left = append(left, e.Name())
	}
	if got := strings.Join(left, " "); got != ".a.xlf.12x.tmp .a.xlf.tmp .b.xlf.123.tmp a.xlf a.xlf.123.tmp" {
		t.Errorf("left %s", got)
	}
}
