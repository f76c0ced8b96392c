//go:build unix

package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A symbolic link, wherever it leads, and a named pipe are refused, and
// what a link leads to is neither written, truncated nor created.
func TestOpenRegularRefuses(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.txt")
	if err := os.WriteFile(target, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		put  func(path string) error
		want string
	}{
		{"link to a file", func(path string) error { return os.Symlink(target, path) }, "a symbolic link"},
		{"link to nothing", func(path string) error { return os.Symlink(filepath.Join(dir, "made.txt"), path) }, "a symbolic link"},
		{"link to a folder", func(path string) error { return os.Symlink(dir, path) }, "a symbolic link"},
		{"named pipe", func(path string) error { return syscall.Mkfifo(path, 0o644) }, "a named pipe"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "lock")
			if err := tt.put(path); err != nil {
				t.Fatal(err)
			}
			f, err := OpenRegular(path, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o644)
			var nr *NotRegularError
			if !errors.As(err, &nr) || !errors.Is(err, ErrNotRegular) || nr.What() != tt.want || nr.Path != path {
				f.Close()
				t.Fatalf("got %v, want %s is %s", err, path, tt.want)
			}
			if data, _ := os.ReadFile(target); string(data) != "keep me" {
				t.Errorf("the link's target was written: %q", data)
			}
			if _, err := os.Lstat(filepath.Join(dir, "made.txt")); err == nil {
				t.Errorf("the link's target was created")
			}
		})
	}
}
