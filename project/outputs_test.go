package project

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/loctool/loctool/internal/testtool"

	"golang.org/x/text/language"
)

// merge --out .. from a project in a folder named like a language would
// write the Russian article over the English one: it is refused before
// anything is written, however the folder is reached.
func TestMergeOutOverArticles(t *testing.T) {
	parent := t.TempDir()
	root := filepath.Join(parent, "ru")
	if err := os.MkdirAll(filepath.Join(root, "articles"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "articles/news.txt"), []byte(news), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := Open(Config{Root: root, Source: language.English, Targets: []language.Tag{language.Russian}, Articles: []string{"articles/*.txt"}})
	if err != nil {
		t.Fatal(err)
	}
	extract(t, p, ExtractOptions{})
	link := filepath.Join(t.TempDir(), "site")
	testtool.Symlink(t, parent, link)
	for _, out := range []string{parent, link} {
		plan, _, err := p.Merge(MergeOptions{Out: out, Missing: MissingSource})
		var oe *OutputError
		if !errors.As(err, &oe) || plan != nil {
			t.Fatalf("--out %s: %v", out, err)
		}
		want := "merge would write " + filepath.Join(out, "ru", "articles", "news.txt") + " over articles/news.txt, an article of the project: merge never writes over the project's own files"
		if err.Error() != want {
			t.Errorf("--out %s:\n%s\nwant\n%s", out, err, want)
		}
	}
	if got := read(t, p, "articles/news.txt"); got != news {
		t.Errorf("the article was written: %q", got)
	}
	// A folder of its own is fine, the first time and every time after.
	for range 2 {
		for _, out := range []string{"", filepath.Join(parent, "site")} {
			plan, report, err := p.Merge(MergeOptions{Out: out, Missing: MissingSource})
			if err != nil || report.Failed() {
				t.Fatalf("--out %q: %v", out, err)
			}
			if _, err := plan.Apply(p.Root); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// No output is written over any of the project's own files.
func TestCheckOutputs(t *testing.T) {
	p := newProject(t, map[string]string{"articles/news.txt": news, "config.yaml": "source: en\n", "glossary.yaml": "concepts: []\n", "rules.srx": "<srx/>"})
	p.Glossaries = []string{"glossary.yaml"}
	p.Config.Rules = "rules.srx"
	extract(t, p, ExtractOptions{})
	write(t, p, "locales/ru/obsolete.xlf", "<xliff/>")
	for _, tt := range []struct{ file, what string }{
		{"articles/news.txt", "an article"},
		{"locales/ru/articles/news.txt.xlf", "a handoff file"},
		{"locales/kk/articles/news.txt.json", "a handoff file"},
		{"locales/kk/.loctool/articles/news.txt.xlf", "a source snapshot"},
		{"locales/ru/obsolete.xlf", "the obsolete translations"},
		{"config.yaml", "the configuration"},
		{"glossary.yaml", "a glossary"},
		{"rules.srx", "the segmentation rules"},
	} {
		for _, path := range []string{tt.file, filepath.Join(p.Root, "locales", "..", tt.file)} {
			plan := &Plan{}
			plan.add("build/ru/articles/news.txt", "merged", []byte("x"))
			plan.add(path, "merged", []byte("x"))
			err := p.checkOutputs(plan)
			var oe *OutputError
			if !errors.As(err, &oe) || oe.File != tt.file || oe.What != tt.what || oe.Output != path {
				t.Errorf("%s: %v", path, err)
			}
		}
	}
	plan := &Plan{}
	plan.add("build/ru/articles/news.txt", "merged", []byte("x"))
	plan.add("locales/ru/articles/news.txt", "merged", []byte("x")) // beside the handoff file: fine
	os.MkdirAll(filepath.Join(p.Root, "build/ru/articles"), 0o755)
	write(t, p, "build/ru/articles/news.txt", "old")
	write(t, p, "locales/ru/articles/news.txt", "old")
	if err := p.checkOutputs(plan); err != nil {
		t.Errorf("outputs of their own: %v", err)
	}
}
