package main

import (
	"bytes"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/loctool/loctool/internal/corpus"
	"github.com/loctool/loctool/internal/testtool"
)

// TestKilled kills loctool extract and merge with SIGKILL at random
// moments while they write a project of 300 articles (100, and three
// kills, with -short), and checks after each kill that every file is
// whole: as it was before the command, or as the command writes it when
// it runs to the end, never half of one. Then the command runs to the
// end, and leaves no temporary file.
func TestKilled(t *testing.T) {
	goTool := testtool.Require(t, "go")
	bin := filepath.Join(t.TempDir(), "loctool")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	articles, kills := 300, 8
	if testing.Short() {
		articles, kills = 100, 3
	}
	o := corpus.Options{Articles: articles, Size: 3000, Seed: 7, Targets: []string{"ru", "kk"}}
	if err := o.LoadSamples("../.."); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "project")
	if _, err := corpus.Generate(dir, o); err != nil {
		t.Fatal(err)
	}
	run := func(dir string, args ...string) {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("loctool %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	run(dir, "extract")
	run(dir, "merge", "--missing=source")
	// Each article gets a new sentence: extract and merge write every
	// file again.
	err := filepath.WalkDir(filepath.Join(dir, "articles"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(path, append(data, "\nA sentence added later.\n"...), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"extract"}, {"merge", "--missing=source"}} {
		before := snapshot(t, dir)
		// What the command writes when it runs to the end, in a copy.
		ref := filepath.Join(t.TempDir(), "ref")
		if err := os.CopyFS(ref, os.DirFS(dir)); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		run(ref, args...)
		took := time.Since(start)
		after := snapshot(t, ref)
		r := rand.New(rand.NewPCG(1, uint64(len(args))))
		for kill := range kills {
			cmd := exec.Command(bin, args...)
			cmd.Dir = dir
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(time.Duration(r.Int64N(int64(took))))
			cmd.Process.Kill() // SIGKILL: no clean-up
			cmd.Wait()
			var olds, news, temps int
			for path, data := range snapshot(t, dir) {
				if isTemp(path) {
					temps++
					continue // left by the kill; the next write sweeps it
				}
				if old, ok := before[path]; ok && bytes.Equal(data, old) {
					olds++
					continue
				}
				if neu, ok := after[path]; ok && bytes.Equal(data, neu) {
					news++
					continue
				}
				t.Fatalf("loctool %s killed (%d): %s is neither as it was nor as it is written (%d bytes)", args[0], kill, path, len(data))
			}
			t.Logf("loctool %s killed: %d files as they were, %d as written, %d temporary", args[0], olds, news, temps)
			restore(t, dir, before) // so that the next kill finds the work still to do
		}
		run(dir, args...)
		now := snapshot(t, dir)
		for path, data := range after {
			if !bytes.Equal(now[path], data) {
				t.Errorf("loctool %s after the kills: %s is not as it is written", args[0], path)
			}
		}
		for path := range now {
			if isTemp(path) {
				t.Errorf("loctool %s after the kills: a temporary file is left: %s", args[0], path)
			}
		}
	}
}

// snapshot reads every file of a project, by path relative to it, but
// the lock file.
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || d.Name() == ".loctool.lock" {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// restore gives a project back the files of a snapshot, and removes the
// others.
func restore(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for path := range snapshot(t, dir) {
		if _, ok := files[path]; !ok {
			os.Remove(filepath.Join(dir, filepath.FromSlash(path)))
		}
	}
	for path, data := range files {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(path)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func isTemp(path string) bool {
	base := filepath.Base(path)
	return strings.HasPrefix(base, ".") && strings.HasSuffix(base, ".tmp")
}
