//go:build unix

package atomicfile

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
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

// ReadRegular reads a file and what a link leads to, and refuses at once
// whatever else a path names, a named pipe without waiting for a writer.
func TestReadRegular(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file.txt")
	if err := os.WriteFile(file, []byte("read me"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(file, filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"file.txt", "link.txt"} {
		if data, err := ReadRegular(filepath.Join(dir, name)); err != nil || string(data) != "read me" {
			t.Errorf("%s: got %q, %v", name, data, err)
		}
	}
	pipe := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(pipe, filepath.Join(dir, "pipe-link")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "folder"), 0o755); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(dir, "sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	tests := []struct{ path, want string }{
		{pipe, "a named pipe"},
		{filepath.Join(dir, "pipe-link"), "a named pipe"},
		{filepath.Join(dir, "folder"), "a folder"},
		{sock, "a socket"},
		{os.DevNull, "a device"},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				_, err := ReadRegular(tt.path)
				done <- err
			}()
			select {
			case err := <-done:
				var nr *NotRegularError
				if !errors.As(err, &nr) || nr.What() != tt.want || nr.Path != tt.path {
					t.Errorf("got %v, want %s is %s", err, tt.path, tt.want)
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("ReadRegular(%s) has not returned in 10 s: it waits", tt.path)
			}
		})
	}
	if _, err := ReadRegular(filepath.Join(dir, "none")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a missing file: %v", err)
	}
}
