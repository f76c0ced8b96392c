package main

import (
	"bytes"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/loctool/loctool/internal/corpus"
	"github.com/loctool/loctool/internal/testtool"
	"github.com/loctool/loctool/project"
)

// TestKilled kills loctool extract and merge with SIGKILL at random
// moments while they write a project of 300 articles (100, and three
// kills, with -short), and as many times again while they put the files
// in place, and checks after each kill that every file is whole: as it
// was before the command, or as the command writes it when it runs to
// the end, never half of one; and that once the next loctool takes the
// lock, the files are so as a whole, all as they were or all as
// written. Then the command runs to the end, and leaves no temporary
// file.
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
	// Kazakh in JSON: a kill may come between a file and its source
	// snapshot.
	config, err := os.OpenFile(filepath.Join(dir, "config.yaml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := config.WriteString("formats:\n  kk: json\n"); err != nil {
		t.Fatal(err)
	}
	config.Close()
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
	err = filepath.WalkDir(filepath.Join(dir, "articles"), func(path string, d fs.DirEntry, err error) error {
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
		// Half the kills come at random; the other half once the files
		// are being put in place, which the journal's coming says.
		for kill := range 2 * kills {
			cmd := exec.Command(bin, args...)
			cmd.Dir = dir
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			if kill < kills {
				time.Sleep(time.Duration(r.Int64N(int64(took))))
			} else {
				whenWriting(dir, took)
				time.Sleep(time.Duration(r.Int64N(int64(took / 10))))
			}
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
			t.Logf("loctool %s killed: once the next loctool holds the lock, the project is %s", args[0], recovered(t, dir, before, after))
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

// whenWriting returns once a loctool in dir starts putting files in
// place, or after took.
func whenWriting(dir string, took time.Duration) {
	for end := time.Now().Add(took); time.Now().Before(end); time.Sleep(50 * time.Microsecond) {
		if _, err := os.Lstat(filepath.Join(dir, ".loctool.journal.tmp")); err == nil {
			return
		}
	}
}

// recovered takes the project's lock, as the next loctool does, which
// finishes or undoes the writes of the one killed, and checks that the
// project is then as it was, or as written, as a whole: says which.
func recovered(t *testing.T, dir string, before, after map[string][]byte) string {
	t.Helper()
	unlock, err := (&project.Project{Config: project.Config{Root: dir}}).Lock("test")
	if err != nil {
		t.Fatal(err)
	}
	unlock()
	now := snapshot(t, dir)
	maps.DeleteFunc(now, func(path string, _ []byte) bool { return isTemp(path) })
	switch {
	case maps.EqualFunc(now, before, bytes.Equal):
		return "as it was"
	case maps.EqualFunc(now, after, bytes.Equal):
		return "as written"
	}
	var olds, news int
	for path, data := range now {
		switch {
		case bytes.Equal(data, before[path]):
			olds++
		case bytes.Equal(data, after[path]):
			news++
		}
	}
	t.Fatalf("after the lock is taken again, %d files are as they were and %d as written, of %d: the batch is half applied", olds, news, len(now))
	return ""
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
