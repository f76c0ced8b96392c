package project

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/internal/corpus"

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

// russianProject is newProject with Russian alone for a target.
func russianProject(t *testing.T, files map[string]string) *Project {
	t.Helper()
	p := newProject(t, files)
	p.Targets = []language.Tag{language.Russian}
	return p
}

// temps returns the temporary files under the project's folder.
func temps(t *testing.T, p *Project) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(p.Root, func(path string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".tmp") {
			out = append(out, path)
		}
		return nil
	})
	return out
}

// An extraction Staged writes each file that changes beside its place
// as it is built, and the plan holds no content: Apply renames them in
// the plan's order, the obsolete translations first, and a file whose
// content is on disk already is not in the plan, and keeps its time.
// Discard removes what a plan not applied staged.
func TestExtractStaged(t *testing.T) {
	p := russianProject(t, map[string]string{"articles/news.txt": news, "articles/other.txt": "Another story. It is short.\n"})
	inMemory, _, err := p.Extract(ExtractOptions{})
	if err != nil {
		t.Fatal(err)
	}
	plan, report, err := p.Extract(ExtractOptions{Output: Staged})
	if err != nil || report.Failed() {
		t.Fatal(err, report)
	}
	if n, m := len(temps(t, p)), len(plan.Writes); n != m || n != len(inMemory.Writes) {
		t.Fatalf("%d files staged for a plan of %d writes; want %d", n, m, len(inMemory.Writes))
	}
	for i, w := range plan.Writes {
		got, err := w.Content(p.Root)
		if err != nil || w.Data != nil || w.Path != inMemory.Writes[i].Path || !bytes.Equal(got, inMemory.Writes[i].Data) || w.Len() != len(got) {
			t.Errorf("write %d: %s holds %d bytes (%v, %d held); want %s as extracted in memory", i, w.Path, len(got), err, len(w.Data), inMemory.Writes[i].Path)
		}
	}
	if _, err := plan.Apply(p.Root); err != nil {
		t.Fatal(err)
	}
	if left := temps(t, p); len(left) > 0 {
		t.Errorf("left after Apply: %v", left)
	}
	handoff := "locales/ru/articles/news.txt.xlf"
	if read(t, p, handoff) != string(inMemory.Writes[0].Data) {
		t.Errorf("%s is not what was staged", handoff)
	}
	// The translated article loses a sentence: its translation goes to
	// the obsolete store, written first.
	if _, err := corpus.Translate(filepath.Join(p.Root, p.Locales)); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	os.Chtimes(filepath.Join(p.Root, handoff), old, old)
	write(t, p, "articles/other.txt", "Another story.\n")
	plan, _, err = p.Extract(ExtractOptions{Output: Staged})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, w := range plan.Writes {
		paths = append(paths, w.Path)
	}
	if want := []string{p.ObsoletePath(language.Russian), "locales/ru/articles/other.txt.xlf"}; !slices.Equal(paths, want) {
		t.Fatalf("the plan writes %v; want %v, in order", paths, want)
	}
	plan.Discard()
	if left := temps(t, p); len(left) > 0 {
		t.Errorf("left after Discard: %v", left)
	}
	plan, _, err = p.Extract(ExtractOptions{Output: Staged})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := plan.Apply(p.Root); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(filepath.Join(p.Root, handoff)); err != nil || !info.ModTime().Equal(old) {
		t.Errorf("%s, unchanged, was written again: %v", handoff, err)
	}
	if !strings.Contains(read(t, p, p.ObsoletePath(language.Russian)), "It is short.") {
		t.Errorf("the obsolete store does not keep the sentence removed")
	}
	if left := temps(t, p); len(left) > 0 {
		t.Errorf("left after Apply: %v", left)
	}
}

// A dry run lists the files that would change, with their size, and
// writes nothing; a plan Listed cannot be applied.
func TestExtractListed(t *testing.T) {
	p := russianProject(t, map[string]string{"articles/news.txt": news})
	plan, _, err := p.Extract(ExtractOptions{Output: Listed})
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Writes) != 2 || plan.Writes[0].Len() == 0 {
		t.Fatalf("the dry run lists %+v", plan.Writes)
	}
	if _, err := os.Stat(filepath.Join(p.Root, p.Locales)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a dry run made %s: %v", p.Locales, err)
	}
	if _, err := plan.Apply(p.Root); err == nil {
		t.Errorf("a dry run's plan was applied")
	}
}

// A merge that fails stages nothing that stays: the articles it built
// before the failure was known are removed, with the folders made for
// them, and the plan is empty; one that succeeds stages each article,
// renamed into place by Apply.
func TestMergeStaged(t *testing.T) {
	p := russianProject(t, map[string]string{"articles/news.txt": news, "articles/other.txt": "Another story. It is short.\n"})
	extract(t, p, ExtractOptions{})
	if _, err := corpus.Translate(filepath.Join(p.Root, p.Locales)); err != nil {
		t.Fatal(err)
	}
	handoff := read(t, p, "locales/ru/articles/other.txt.xlf")
	write(t, p, "locales/ru/articles/other.txt.xlf", "<xliff")
	plan, report, err := p.Merge(MergeOptions{Output: Staged})
	if err != nil || !report.Failed() || len(plan.Writes) != 0 {
		t.Fatalf("merge of a broken file: %v, failed %v, %d writes", err, report.Failed(), len(plan.Writes))
	}
	if left := temps(t, p); len(left) > 0 {
		t.Errorf("left by a failed merge: %v", left)
	}
	if _, err := os.Stat(filepath.Join(p.Root, p.Output)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed merge left %s: %v", p.Output, err)
	}
	write(t, p, "locales/ru/articles/other.txt.xlf", handoff)
	plan, report, err = p.Merge(MergeOptions{Output: Staged, Missing: MissingSource})
	if err != nil || report.Failed() || len(plan.Writes) != 2 || len(temps(t, p)) != 2 {
		t.Fatalf("merge: %v, failed %v, %d writes, staged %v", err, report.Failed(), len(plan.Writes), temps(t, p))
	}
	if _, err := plan.Apply(p.Root); err != nil {
		t.Fatal(err)
	}
	if got := read(t, p, "build/ru/articles/news.txt"); got == news || len(got) == 0 {
		t.Errorf("merged %q, not the translation", got)
	}
	if left := temps(t, p); len(left) > 0 {
		t.Errorf("left after Apply: %v", left)
	}
}

// A staged plan that cannot be applied removes what it staged.
func TestStagedPlanFails(t *testing.T) {
	p := russianProject(t, map[string]string{"articles/news.txt": news, "articles/other.txt": "Another story.\n"})
	plan, _, err := p.Extract(ExtractOptions{Output: Staged})
	if err != nil {
		t.Fatal(err)
	}
	// A folder where the second handoff file goes, after it was staged.
	if err := os.Mkdir(filepath.Join(p.Root, "locales/ru/articles/other.txt.xlf"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := plan.Apply(p.Root); !errors.Is(err, atomicfile.ErrNotRegular) {
		t.Fatalf("Apply: %v", err)
	}
	if left := temps(t, p); len(left) > 0 {
		t.Errorf("left after a failed Apply: %v", left)
	}
	if _, err := os.Stat(filepath.Join(p.Root, "locales/ru/articles/news.txt.xlf")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the first file was written: %v", err)
	}
}

// extract finds an article's handoff file by the listing of its
// language's folder, and, in a folder reached through a symbolic link,
// by looking for each name: either way, its translations are kept.
func TestExtractFindsHandoffs(t *testing.T) {
	for _, linked := range []bool{false, true} {
		p := russianProject(t, map[string]string{"articles/news.txt": news})
		extract(t, p, ExtractOptions{})
		if _, err := corpus.Translate(filepath.Join(p.Root, p.Locales)); err != nil {
			t.Fatal(err)
		}
		if linked {
			folder := filepath.Join(p.Root, "locales/ru/articles")
			if err := os.Rename(folder, filepath.Join(p.Root, "kept")); err != nil {
				t.Fatal(err)
			}
			testtool.Symlink(t, filepath.Join(p.Root, "kept"), folder)
		}
		translated := read(t, p, "locales/ru/articles/news.txt.xlf")
		plan, report, err := p.Extract(ExtractOptions{Output: Staged})
		if err != nil || report.Failed() {
			t.Fatal(err, report)
		}
		if c := report.Files[0].Carried; c.New != 0 || len(plan.Writes) != 0 {
			t.Errorf("linked %v: %d new sentences, %d writes; want the translations kept, and nothing to write", linked, c.New, len(plan.Writes))
		}
		plan.Discard()
		if got := read(t, p, "locales/ru/articles/news.txt.xlf"); got != translated {
			t.Errorf("linked %v: the handoff file changed", linked)
		}
	}
}

// Given Each, extract and merge hand over the outcome of each file as it
// is done, in the order of the report they would otherwise keep, and
// keep in the report only the files that failed.
func TestEach(t *testing.T) {
	p := russianProject(t, map[string]string{"articles/news.txt": news, "articles/other.txt": "Another story. It is short.\n"})
	_, whole, err := p.Extract(ExtractOptions{Output: Listed})
	if err != nil {
		t.Fatal(err)
	}
	var extracted []Extracted
	_, kept, err := p.Extract(ExtractOptions{Output: Listed, Each: func(f Extracted) { extracted = append(extracted, f) }})
	if err != nil || len(kept.Files) != 0 || len(extracted) != len(whole.Files) {
		t.Fatalf("extract: %v, %d kept, %d handed over; want 0 and %d", err, len(kept.Files), len(extracted), len(whole.Files))
	}
	for i, f := range extracted {
		if f.Path != whole.Files[i].Path || f.Segments != whole.Files[i].Segments || f.Carried != whole.Files[i].Carried {
			t.Errorf("extract: file %d is %+v, want %+v", i, f, whole.Files[i])
		}
	}
	extract(t, p, ExtractOptions{})
	_, all, err := p.Merge(MergeOptions{Missing: MissingSource, Output: Listed})
	if err != nil {
		t.Fatal(err)
	}
	var merged []Merged
	each := func(m Merged) { merged = append(merged, m) }
	_, left, err := p.Merge(MergeOptions{Missing: MissingSource, Output: Listed, Each: each})
	if err != nil || len(left.Files) != 0 || len(merged) != len(all.Files) {
		t.Fatalf("merge: %v, %d kept, %d handed over; want 0 and %d", err, len(left.Files), len(merged), len(all.Files))
	}
	for i, m := range merged {
		if m.Output != all.Files[i].Output || m.Count != all.Files[i].Count {
			t.Errorf("merge: file %d is %+v, want %+v", i, m, all.Files[i])
		}
	}
	write(t, p, "locales/ru/articles/other.txt.xlf", "<xliff")
	merged = nil
	_, left, err = p.Merge(MergeOptions{Missing: MissingSource, Output: Listed, Each: each})
	if err != nil || !left.Failed() || len(left.Files) != 1 || left.Files[0].Handoff != "locales/ru/articles/other.txt.xlf" || len(merged) != 2 {
		t.Fatalf("merge of a broken file: %v, kept %+v, %d handed over", err, left.Files, len(merged))
	}
}
