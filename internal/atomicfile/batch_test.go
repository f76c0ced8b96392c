package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
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
