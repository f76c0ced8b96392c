package project

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
