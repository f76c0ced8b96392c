package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// OpenRegular opens, creates and truncates regular files, and refuses
// anything else without touching what a link leads to.
func TestOpenRegular(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.txt")
	if err := os.WriteFile(target, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "file.txt")
	f, err := OpenRegular(file, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		t.Fatalf("creating: %v", err)
	}
	f.WriteString("one")
	f.Close()
	if f, err = OpenRegular(file, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o600); err != nil {
		t.Fatalf("truncating: %v", err)
	}
	f.Close()
	if data, _ := os.ReadFile(file); len(data) != 0 {
		t.Errorf("not truncated: %q", data)
	}
	if _, err := OpenRegular(filepath.Join(dir, "none"), os.O_RDONLY, 0); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("opening a missing file without O_CREATE: %v", err)
	}

	if err := os.Mkdir(filepath.Join(dir, "folder"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenRegular(filepath.Join(dir, "folder"), os.O_RDWR|os.O_CREATE, 0o644); !errors.Is(err, ErrNotRegular) {
		t.Errorf("opening a folder: %v", err)
	}
}
