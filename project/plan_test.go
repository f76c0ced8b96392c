package project

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/loctool/loctool/internal/testtool"

	"github.com/loctool/loctool/internal/atomicfile"
)

// A plan removes files in the same batch as it writes others: Changed
// and a dry run show the removals of files that exist, and Apply makes
// them with the writes.
func TestPlanRemove(t *testing.T) {
	p := newProject(t, map[string]string{"articles/news.txt": news, "locales/ru/articles/news.txt.xlf": "old handoff"})
	plan := &Plan{}
	plan.add("locales/ru/articles/news.txt.json", "handoff", []byte("{}\n"))
	plan.Remove("locales/ru/articles/news.txt.xlf", "handoff in another format")
	plan.Remove("locales/ru/articles/gone.txt.xlf", "handoff in another format")
	changed, err := plan.Changed(p.Root)
	if err != nil {
		t.Fatal(err)
	}
	if len(changed) != 2 || changed[0].Remove || !changed[1].Remove || changed[1].Path != "locales/ru/articles/news.txt.xlf" {
		t.Fatalf("Changed = %+v; want the write, then the removal of the file that exists", changed)
	}
	if n, err := plan.Apply(p.Root); err != nil || n != 2 {
		t.Fatalf("Apply = %d, %v", n, err)
	}
	if _, err := os.Stat(filepath.Join(p.Root, "locales/ru/articles/news.txt.xlf")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the removed file is there: %v", err)
	}
	if got := read(t, p, "locales/ru/articles/news.txt.json"); got != "{}\n" {
		t.Errorf("the written file holds %q", got)
	}
	if changed, err := plan.Changed(p.Root); err != nil || len(changed) != 0 {
		t.Errorf("applied again, the plan changes %+v, %v", changed, err)
	}
	entries, _ := os.ReadDir(filepath.Join(p.Root, "locales/ru/articles"))
	if len(entries) != 1 {
		t.Errorf("files left beside: %v", entries)
	}
	if _, err := os.Lstat(filepath.Join(p.Root, journalName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the journal is left: %v", err)
	}
}

// A plan that fails writes nothing, removes nothing: its files are all
// as they were.
func TestPlanAllOrNothing(t *testing.T) {
	p := newProject(t, map[string]string{"articles/news.txt": news, "locales/ru/articles/news.txt.xlf": "old handoff", "build/ru/articles/news.txt/x": ""})
	plan := &Plan{}
	plan.Remove("locales/ru/articles/news.txt.xlf", "handoff in another format")
	plan.add("locales/ru/articles/news.txt.json", "handoff", []byte("{}\n"))
	plan.add("build/ru/articles/news.txt", "merged", []byte("merged")) // a folder
	n, err := plan.Apply(p.Root)
	if !errors.Is(err, atomicfile.ErrNotRegular) || n != 0 || !strings.Contains(err.Error(), "build/ru/articles/news.txt is a folder") {
		t.Fatalf("Apply = %d, %v", n, err)
	}
	if got := read(t, p, "locales/ru/articles/news.txt.xlf"); got != "old handoff" {
		t.Errorf("the file to remove holds %q", got)
	}
	if _, err := os.Stat(filepath.Join(p.Root, "locales/ru/articles/news.txt.json")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a file was written: %v", err)
	}
	// A plan with one path twice, differently, is a mistake.
	plan = &Plan{}
	plan.add("locales/ru/articles/news.txt.json", "handoff", []byte("{}\n"))
	plan.Remove("locales/ru/articles/news.txt.json", "handoff in another format")
	if _, err := plan.Changed(p.Root); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("a path written and removed: %v", err)
	}
}

// A plan neither writes through a symbolic link, wherever it leads, nor
// replaces one with a file, nor removes one: the path is named, and
// nothing is written.
func TestPlanRefusesLinks(t *testing.T) {
	p := newProject(t, map[string]string{"articles/news.txt": news})
	outside := filepath.Join(t.TempDir(), "outside.txt")
	if err := os.WriteFile(outside, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, to := range map[string]string{"articles/alias.txt": filepath.Join(p.Root, "articles/news.txt"), "articles/out.txt": outside} {
		testtool.Symlink(t, to, filepath.Join(p.Root, name))
	}
	for _, tt := range []struct {
		path   string
		remove bool
	}{{"articles/alias.txt", false}, {"articles/out.txt", false}, {"articles/alias.txt", true}} {
		plan := &Plan{}
		plan.add("locales/ru/articles/news.txt.xlf", "handoff", []byte("new"))
		if tt.remove {
			plan.Remove(tt.path, "article")
		} else {
			plan.add(tt.path, "fixed spellings", []byte("Ablyazov"))
		}
		want := tt.path + " is a symbolic link, and loctool neither writes through a link nor replaces it with a file: put the file it leads to in its place, or move the link away"
		if tt.path == "articles/out.txt" {
			// Out of the project, the path is refused as any such path.
			want = `"articles/out.txt" goes through a symbolic link out of the project: path leads out of the project`
		}
		if _, err := plan.Changed(p.Root); err == nil || err.Error() != want {
			t.Errorf("Changed: %v\nwant %s", err, want)
		}
		if _, err := plan.Apply(p.Root); err == nil || err.Error() != want {
			t.Errorf("Apply: %v\nwant %s", err, want)
		}
	}
	if got := read(t, p, "articles/news.txt"); got != news {
		t.Errorf("written through the link: %q", got)
	}
	if data, _ := os.ReadFile(outside); string(data) != "keep me" {
		t.Errorf("written through the link out of the project: %q", data)
	}
	for _, name := range []string{"articles/alias.txt", "articles/out.txt"} {
		if info, err := os.Lstat(filepath.Join(p.Root, name)); err != nil || info.Mode().Type() != os.ModeSymlink {
			t.Errorf("%s is no longer a link", name)
		}
	}
	if _, err := os.Stat(filepath.Join(p.Root, "locales")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the plan wrote its other file")
	}
}
