package project

import (
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/internal/atomicfile"
)

// statusProject is a project with a glossary, an article translated in
// Russian, and another not, with the Kazakh files in JSON: each run of
// status opens it anew, from cfg, as each loctool status does.
func statusProject(t *testing.T) (root string, cfg func() Config) {
	t.Helper()
	p := newProject(t, map[string]string{
		"articles/news.txt":  news,
		"articles/other.txt": "Nazarbaev spoke. Nothing else happened.\n",
		"glossary.yaml":      "concepts:\n  - id: ablyazov\n    en: Ablyazov\n    ru: Аблязов\n",
	})
	extract(t, p, ExtractOptions{})
	translateNews(t, p, "locales/ru/articles/news.txt.xlf")
	base := p.Config
	base.Glossaries = []string{"glossary.yaml"}
	return p.Root, func() Config { return base }
}

// statusOf is the rows of a status of cfg, through cache.
func statusOf(t *testing.T, cfg Config, cache StatusCache) []StatusRow {
	t.Helper()
	p, err := Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var rows []StatusRow
	if err := p.StatusEach(StatusOptions{Cache: cache}, func(r StatusRow) { rows = append(rows, r) }); err != nil {
		t.Fatal(err)
	}
	return rows
}

// cachePath is the cache file of the project of cfg.
func cachePath(t *testing.T, cfg Config, cache StatusCache) string {
	t.Helper()
	p, err := Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	e, err := cache.open(p)
	if err != nil {
		t.Fatal(err)
	}
	return e.path
}

// poison rewrites the cache file with each entry's words counted 1,000
// more, under the same keys: a row that shows them was read from the
// cache.
func poison(t *testing.T, path string) {
	t.Helper()
	rows := readStatusEntries(path)
	if len(rows) == 0 {
		t.Fatalf("no entries in %s", path)
	}
	for s, r := range rows {
		r.cnt.Words += 1000
		rows[s] = r
	}
	if err := atomicfile.WriteFile(path, encodeStatusEntries(rows), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestStatusCacheHit(t *testing.T) {
	_, cfg := statusProject(t)
	cache := StatusCache{Dir: t.TempDir(), Program: "test"}
	cold := statusOf(t, cfg(), StatusCache{})
	first := statusOf(t, cfg(), cache)
	warm := statusOf(t, cfg(), cache)
	if !reflect.DeepEqual(first, cold) || !reflect.DeepEqual(warm, cold) {
		t.Fatalf("rows through the cache differ from those without:\ncold  %+v\nfirst %+v\nwarm  %+v", cold, first, warm)
	}
	if len(cold) != 4 || cold[1].Warnings == 0 {
		t.Fatalf("want 4 rows, with warnings in the second: %+v", cold)
	}
	// The warm run read every row from the cache.
	poison(t, cachePath(t, cfg(), cache))
	for _, r := range statusOf(t, cfg(), cache) {
		if r.Words < 1000 {
			t.Errorf("%s %s: not read from the cache: %+v", r.Lang, r.Article, r)
		}
	}
	// Another build reads none of them.
	other := cache
	other.Program = "another"
	if got := statusOf(t, cfg(), other); !reflect.DeepEqual(got, cold) {
		t.Errorf("another build:\n got %+v\nwant %+v", got, cold)
	}
}

// Each edit makes the rows that depend on it counted anew, and only
// those.
func TestStatusCacheInvalidated(t *testing.T) {
	all := []string{"ru articles/news.txt", "ru articles/other.txt", "kk articles/news.txt", "kk articles/other.txt"}
	for _, tc := range []struct {
		name string
		edit func(root string, cfg *Config)
		anew []string // the rows counted anew
	}{
		{"nothing", func(string, *Config) {}, nil},
		{"article", func(root string, _ *Config) {
			appendTo(t, root, "articles/other.txt", "\nOne more.\n")
		}, []string{"ru articles/other.txt", "kk articles/other.txt"}},
		{"handoff file", func(root string, _ *Config) {
			appendTo(t, root, "locales/ru/articles/news.txt.xlf", "\n")
		}, []string{"ru articles/news.txt"}},
		{"JSON source snapshot", func(root string, _ *Config) {
			appendTo(t, root, "locales/kk/.loctool/articles/news.txt.xlf", "\n")
		}, []string{"kk articles/news.txt"}},
		{"glossary", func(root string, _ *Config) {
			appendTo(t, root, "glossary.yaml", "  - id: nazarbaev\n    en: Nazarbayev\n")
		}, all},
		{"check severity", func(_ string, cfg *Config) {
			cfg.CheckSeverity = map[string]string{"target.untranslated": "error"}
		}, all},
		{"check ignore", func(_ string, cfg *Config) {
			cfg.CheckIgnore = []Ignore{{Rule: "target.untranslated", File: "locales/kk/**"}}
		}, all},
		{"segmentation rules", func(root string, cfg *Config) {
			rules := `<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
 <header segmentsubflows="yes" cascade="no"/>
 <body>
  <languagerules><languagerule languagerulename="None"/></languagerules>
  <maprules><languagemap languagepattern=".*" languagerulename="None"/></maprules>
 </body>
</srx>
`
			if err := os.WriteFile(filepath.Join(root, "rules.srx"), []byte(rules), 0o644); err != nil {
				t.Fatal(err)
			}
			cfg.Rules = "rules.srx"
		}, all},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, base := statusProject(t)
			cache := StatusCache{Dir: t.TempDir(), Program: "test"}
			statusOf(t, base(), cache)
			poison(t, cachePath(t, base(), cache))
			cfg := base()
			tc.edit(root, &cfg)
			want := statusOf(t, cfg, StatusCache{})
			got := statusOf(t, cfg, cache)
			for i, r := range got {
				name := r.Lang.String() + " " + r.Article
				anew := false
				for _, a := range tc.anew {
					anew = anew || a == name
				}
				switch {
				case anew && !reflect.DeepEqual(r, want[i]):
					t.Errorf("%s: not counted anew:\n got %+v\nwant %+v", name, r, want[i])
				case !anew && r.Words != want[i].Words+1000:
					t.Errorf("%s: counted anew, not read from the cache: %+v", name, r)
				}
			}
			// The next run reads the rows counted anew from the cache.
			poison(t, cachePath(t, cfg, cache))
			for _, r := range statusOf(t, cfg, cache) {
				if r.Words < 1000 {
					t.Errorf("%s %s: not kept in the cache: %+v", r.Lang, r.Article, r)
				}
			}
		})
	}
}

func appendTo(t *testing.T, root, rel, s string) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(root, filepath.FromSlash(rel)), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(s); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// A cache file that is not one status wrote, whole, is passed by and
// written anew.
func TestStatusCacheCorrupt(t *testing.T) {
	_, cfg := statusProject(t)
	cache := StatusCache{Dir: t.TempDir(), Program: "test"}
	want := statusOf(t, cfg(), StatusCache{})
	path := cachePath(t, cfg(), cache)
	statusOf(t, cfg(), cache)
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	flipped := append([]byte(nil), good...)
	flipped[len(statusFormat)+20] ^= 1
	for name, data := range map[string][]byte{
		"empty":           {},
		"foreign":         []byte("PK\x03\x04 not a status cache at all"),
		"truncated":       good[:len(good)-7],
		"a byte changed":  flipped,
		"another version": append([]byte("loctool status cache 0\n"), good[len(statusFormat):]...),
	} {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			if got := statusOf(t, cfg(), cache); !reflect.DeepEqual(got, want) {
				t.Errorf("rows:\n got %+v\nwant %+v", got, want)
			}
			if rows := readStatusEntries(path); len(rows) != len(want) {
				t.Errorf("the cache was not written anew: %d entries", len(rows))
			}
		})
	}
	// A folder in the file's place is passed by.
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(path, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := statusOf(t, cfg(), cache); !reflect.DeepEqual(got, want) {
		t.Errorf("with a folder for the cache:\n got %+v\nwant %+v", got, want)
	}
}

// The entries of an article gone, and of a language no longer a target,
// are dropped; those of a language not asked for are kept.
func TestStatusCacheBounded(t *testing.T) {
	root, base := statusProject(t)
	cache := StatusCache{Dir: t.TempDir(), Program: "test"}
	path := cachePath(t, base(), cache)
	statusOf(t, base(), cache)
	if n := len(readStatusEntries(path)); n != 4 {
		t.Fatalf("%d entries, want 4", n)
	}
	if err := os.Remove(filepath.Join(root, "articles/other.txt")); err != nil {
		t.Fatal(err)
	}
	p, err := Open(base())
	if err != nil {
		t.Fatal(err)
	}
	if err := p.StatusEach(StatusOptions{Langs: []language.Tag{language.Russian}, Cache: cache}, func(StatusRow) {}); err != nil {
		t.Fatal(err)
	}
	rows := readStatusEntries(path)
	if len(rows) != 2 {
		t.Fatalf("%d entries, want 2: the news in ru and kk", len(rows))
	}
	for _, want := range []sum{slot(language.Russian, "articles/news.txt"), slot(language.Kazakh, "articles/news.txt")} {
		if _, ok := rows[want]; !ok {
			t.Errorf("an entry of the news is gone")
		}
	}
	cfg := base()
	cfg.Targets, cfg.Formats = []language.Tag{language.Russian}, nil
	statusOf(t, cfg, cache)
	if n := len(readStatusEntries(path)); n != 1 {
		t.Errorf("%d entries, want 1: the news in ru", n)
	}
}

// Statuses at once each read a whole cache file or none, and leave a
// whole one.
func TestStatusCacheConcurrent(t *testing.T) {
	_, cfg := statusProject(t)
	cache := StatusCache{Dir: t.TempDir(), Program: "test"}
	want := statusOf(t, cfg(), StatusCache{})
	var wg sync.WaitGroup
	got := make([][]StatusRow, 6)
	for i := range got {
		wg.Go(func() {
			p, err := Open(cfg())
			if err != nil {
				t.Error(err)
				return
			}
			if err := p.StatusEach(StatusOptions{Cache: cache}, func(r StatusRow) { got[i] = append(got[i], r) }); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	for i, rows := range got {
		if !reflect.DeepEqual(rows, want) {
			t.Errorf("status %d:\n got %+v\nwant %+v", i, rows, want)
		}
	}
	if n := len(readStatusEntries(cachePath(t, cfg(), cache))); n != len(want) {
		t.Errorf("%d entries, want %d", n, len(want))
	}
}
