package glossary

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// bigGlossary writes a glossary file large enough to be kept.
func bigGlossary(t *testing.T, dir string, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("concepts:\n")
	for i := range n {
		// The digits of i as letters make each name different.
		cyr, lat := "", ""
		for _, d := range fmt.Sprint(i) {
			cyr += string([]rune("абвгдезикл")[d-'0'])
			lat += string("abvgdezikl"[d-'0'])
		}
		fmt.Fprintf(&b, "  - id: person-%d\n    type: person\n    source: {ru: Жакиянов%s}\n    en: Zhakiyanov%s\n", i, cyr, lat)
	}
	path := filepath.Join(dir, "people.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// summary is what a glossary says, variants included, for comparing.
func summary(g *Glossary) string {
	var b strings.Builder
	for _, c := range g.Concepts {
		fmt.Fprintf(&b, "%s %s %q %v %v %v %v\n", c.ID, c.Kind, c.Note, c.Pos, c.madeID, c.variants(), c.generated)
		for _, lang := range sortedTags(c.Terms) {
			fmt.Fprintf(&b, "  %s %+v\n", lang, *c.Terms[lang])
		}
		for _, lang := range sortedTags(c.Source) {
			fmt.Fprintf(&b, "  %s %v\n", lang, c.Source[lang])
		}
		for _, l := range c.layers {
			fmt.Fprintf(&b, "  layer %s %v %t %v\n", l.ID, l.Pos, l.Absorbed, l.Source)
			for _, lang := range sortedTags(l.Terms) {
				fmt.Fprintf(&b, "    %s %+v\n", lang, *l.Terms[lang])
			}
		}
	}
	return b.String()
}

func TestCache(t *testing.T) {
	dir := t.TempDir()
	file := bigGlossary(t, dir, 2000)
	cache := Cache{Dir: filepath.Join(dir, "cache"), Program: "test 1"}

	loaded, err := cache.Load(Langs{}, true, file)
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := filepath.Glob(filepath.Join(cache.Dir, "glossary-*.gob"))
	if len(entries) != 1 {
		t.Fatalf("entries %v, want one", entries)
	}
	// From the cache, the glossary is the same, with its variants.
	kept, err := cache.Load(Langs{}, true, file)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := summary(kept), summary(loaded); got != want {
		t.Errorf("from the cache:\n%.2000s\nwant:\n%.2000s", got, want)
	}
	if c := kept.Concept("person-3"); c == nil || !c.hasGen || !reflect.DeepEqual(c.generated, c.variants()) {
		t.Errorf("person-3 from the cache: %+v", c)
	}
	// Another build, or other files, make other entries.
	other := Cache{Dir: cache.Dir, Program: "test 2"}
	if _, err := other.Load(Langs{}, true, file); err != nil {
		t.Fatal(err)
	}
	if _, err := cache.Load(Langs{}, false, file); err != nil {
		t.Fatal(err)
	}
	if entries, _ = filepath.Glob(filepath.Join(cache.Dir, "glossary-*.gob")); len(entries) != 3 {
		t.Errorf("entries %v, want three", entries)
	}
}

func TestCacheBrokenEntry(t *testing.T) {
	dir := t.TempDir()
	file := bigGlossary(t, dir, 2000)
	cache := Cache{Dir: filepath.Join(dir, "cache"), Program: "test"}
	want, err := cache.Load(Langs{}, false, file)
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := filepath.Glob(filepath.Join(cache.Dir, "glossary-*.gob"))
	if err := os.WriteFile(entries[0], []byte("not gob"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := cache.Load(Langs{}, false, file)
	if err != nil || summary(got) != summary(want) {
		t.Fatalf("a broken entry gives %v", err)
	}
	// It was written again.
	if g := cache.get(cache.key(Langs{}, false, []File{{Name: file}}, [][]byte{mustRead(t, file)})); g == nil {
		t.Error("the broken entry was not replaced")
	}
}

func TestCacheErrors(t *testing.T) {
	dir := t.TempDir()
	file := bigGlossary(t, dir, 2000)
	// A folder that cannot be made is passed by.
	blocked := filepath.Join(dir, "file")
	os.WriteFile(blocked, nil, 0o644)
	if _, err := (Cache{Dir: filepath.Join(blocked, "cache")}).Load(Langs{}, false, file); err != nil {
		t.Errorf("an unusable cache: %v", err)
	}
	// Errors in the files are reported as without a cache, and nothing
	// is kept.
	cache := Cache{Dir: filepath.Join(dir, "cache")}
	_, err := cache.Load(Langs{}, false, filepath.Join(dir, "missing.yaml"))
	if err == nil || !strings.Contains(err.Error(), "missing.yaml: cannot read the glossary") {
		t.Errorf("missing file: %v", err)
	}
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, append(mustRead(t, file), "  - id: Bad ID\n    en: x\n"...), 0o644)
	if _, err := cache.Load(Langs{}, false, bad); err == nil || !strings.Contains(err.Error(), "bad.yaml:") {
		t.Errorf("bad file: %v", err)
	}
	if entries, _ := filepath.Glob(filepath.Join(cache.Dir, "glossary-*.gob")); len(entries) != 0 {
		t.Errorf("kept %v", entries)
	}
}

// A file is read from its path, and named in messages, and in the places
// of its concepts, as the user wrote it; from the cache too.
func TestLoadFilesNamed(t *testing.T) {
	dir := t.TempDir()
	path := bigGlossary(t, dir, 2000)
	cache := Cache{Dir: filepath.Join(dir, "cache")}
	for range 2 { // loaded, then from the cache
		g, err := cache.LoadFiles(Langs{}, false, File{Name: "terms/big.yaml", Path: path})
		if err != nil {
			t.Fatal(err)
		}
		if pos := g.Concepts[0].Pos; pos.File != "terms/big.yaml" || pos.Line == 0 {
			t.Errorf("a concept is at %v", pos)
		}
	}
	g, err := cache.LoadFiles(Langs{}, false, File{Name: path})
	if err != nil || g.Concepts[0].Pos.File != path {
		t.Errorf("named by its path: %v, %v", g.Concepts[0].Pos, err)
	}
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("concepts:\n  - id: Bad ID\n    en: x\n"), 0o644)
	_, err = cache.LoadFiles(Langs{}, false, File{Name: "bad.yaml", Path: bad}, File{Name: "gone.yaml", Path: filepath.Join(dir, "gone.yaml")})
	if err == nil || !strings.HasPrefix(err.Error(), "bad.yaml:2:") || !strings.Contains(err.Error(), "\ngone.yaml: cannot read the glossary") {
		t.Errorf("errors: %v", err)
	}
}

func TestCachePrune(t *testing.T) {
	dir := t.TempDir()
	file := bigGlossary(t, dir, 2000)
	cache := Cache{Dir: filepath.Join(dir, "cache")}
	for i := range cacheKeep + 3 {
		cache.Program = fmt.Sprint("build ", i)
		if _, err := cache.Load(Langs{}, false, file); err != nil {
			t.Fatal(err)
		}
	}
	if entries, _ := filepath.Glob(filepath.Join(cache.Dir, "glossary-*.gob")); len(entries) != cacheKeep {
		t.Errorf("%d entries, want %d", len(entries), cacheKeep)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// A glossary from the cache has the warnings of its files, as one
// loaded from them has.
func TestCacheWarnings(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("<martif><text><body>\n")
	for i := range 1500 {
		fmt.Fprintf(&b, "<termEntry id=\"c%d\"><langSet xml:lang=\"en\"><tig><term>Name%d</term><termNote type=\"administrativeStatus\">%s</termNote></tig></langSet></termEntry>\n",
			i, i, map[bool]string{true: "proposedTerm", false: "preferredTerm"}[i%500 == 0])
	}
	b.WriteString("</body></text></martif>\n")
	path := filepath.Join(dir, "big.tbx")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	cache := Cache{Dir: filepath.Join(dir, "cache"), Program: "test 1"}
	first, err := cache.Load(Langs{}, false, path)
	if err != nil {
		t.Fatal(err)
	}
	if entries, _ := filepath.Glob(filepath.Join(cache.Dir, "glossary-*.gob")); len(entries) != 1 {
		t.Fatalf("entries %v: the file is too small for the test", entries)
	}
	again, err := cache.Load(Langs{}, false, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Warnings) != 3 || !reflect.DeepEqual(first.Warnings, again.Warnings) {
		t.Errorf("%v\n%v", first.Warnings, again.Warnings)
	}
}
