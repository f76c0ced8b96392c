package project

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/glossary"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/xliff"
)

// newProject writes files into a temporary project folder and opens it
// with targets ru and kk.
func newProject(t *testing.T, files map[string]string) *Project {
	t.Helper()
	root := t.TempDir()
	for name, data := range files {
		abs := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(abs, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := Open(Config{
		Root:     root,
		Source:   language.English,
		Targets:  []language.Tag{language.Russian, language.Kazakh},
		Articles: []string{"articles/**/*.txt", "articles/*.md"},
		Formats:  map[language.Tag]Format{language.Kazakh: JSON},
	})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func read(t *testing.T, p *Project, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(p.Root, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func write(t *testing.T, p *Project, rel, data string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(p.Root, filepath.FromSlash(rel)), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func extract(t *testing.T, p *Project, opts ExtractOptions) *ExtractReport {
	t.Helper()
	plan, report, err := p.Extract(opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := plan.Apply(p.Root); err != nil {
		t.Fatal(err)
	}
	return report
}

const news = "Ablyazov Walks Free\n\nThe president signed an order on May 13. Ablyazov is free.\n"

func TestExtractMerge(t *testing.T) {
	p := newProject(t, map[string]string{
		"articles/world/news.txt": news,
		"articles/notes.md":       "# Notes\n\nSee **this**.\n",
		"articles/skip.html":      "<p>not in the patterns</p>",
	})
	report := extract(t, p, ExtractOptions{})
	var paths []string
	for _, f := range report.Files {
		if f.Err != nil {
			t.Fatalf("%s: %v", f.Path, f.Err)
		}
		paths = append(paths, f.Path)
	}
	want := "locales/ru/articles/notes.md.xlf locales/kk/articles/notes.md.json locales/ru/articles/world/news.txt.xlf locales/kk/articles/world/news.txt.json"
	if got := strings.Join(paths, " "); got != want {
		t.Errorf("extracted %s\nwant %s", got, want)
	}

	// The translator fills in the Russian file.
	rel := "locales/ru/articles/world/news.txt.xlf"
	translateNews(t, p, rel)

	plan, mr, err := p.Merge(MergeOptions{Handoffs: []string{rel}})
	if err != nil {
		t.Fatal(err)
	}
	if mr.Failed() {
		t.Fatalf("merge failed: %v", mr.Files[0].Diagnostics)
	}
	if _, err := plan.Apply(p.Root); err != nil {
		t.Fatal(err)
	}
	got := read(t, p, "build/ru/articles/world/news.txt")
	if want := "Аблязов на свободе\n\nПрезидент подписал указ 13 мая. Аблязов свободен.\n"; got != want {
		t.Errorf("merged:\n%s\nwant:\n%s", got, want)
	}

	// Status agrees.
	rows, err := p.Status([]language.Tag{language.Russian})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Article == "articles/world/news.txt" && (r.Translated != 3 || r.Missing != 0 || r.Done() != 100) {
			t.Errorf("status %+v", r)
		}
	}
}

// A merge that fails writes nothing, and leaves the last good output.
func TestMergeFailureKeepsOutput(t *testing.T) {
	p := newProject(t, map[string]string{"articles/news.txt": news})
	extract(t, p, ExtractOptions{Langs: []language.Tag{language.Russian}})
	rel := "locales/ru/articles/news.txt.xlf"
	if err := os.MkdirAll(filepath.Join(p.Root, "build/ru/articles"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, p, "build/ru/articles/news.txt", "the last good merge\n")

	plan, report, err := p.Merge(MergeOptions{Handoffs: []string{rel}})
	if err != nil {
		t.Fatal(err)
	}
	if !report.Failed() || !errors.Is(report.Files[0].Err, ErrIncomplete) {
		t.Fatalf("merge of an untranslated file: %v, want ErrIncomplete", report.Files[0].Err)
	}
	if len(plan.Writes) != 0 {
		t.Errorf("a failed merge plans writes: %v", plan.Writes)
	}
	var missing int
	for _, d := range report.Files[0].Diagnostics {
		if d.Rule == diag.TargetMissing && d.Start.Line > 0 {
			missing++
		}
	}
	if missing != 3 {
		t.Errorf("%d sentences reported missing at their place, want 3: %v", missing, report.Files[0].Diagnostics)
	}
	if got := read(t, p, "build/ru/articles/news.txt"); got != "the last good merge\n" {
		t.Errorf("the output was touched: %q", got)
	}

	// --missing=source publishes the source text.
	plan, report, err = p.Merge(MergeOptions{Handoffs: []string{rel}, Missing: MissingSource})
	if err != nil || report.Failed() {
		t.Fatalf("merge --missing=source: %v %v", err, report.Files[0].Diagnostics)
	}
	if len(plan.Writes) != 1 || string(plan.Writes[0].Data) != news {
		t.Errorf("merge --missing=source: %+v", plan.Writes)
	}
}

// A handoff file that cannot be read is left alone by extract, and the
// other files go ahead.
func TestExtractKeepsUnreadableHandoff(t *testing.T) {
	p := newProject(t, map[string]string{"articles/news.txt": news, "articles/other.txt": "Other news.\n"})
	extract(t, p, ExtractOptions{Langs: []language.Tag{language.Russian}})
	rel := "locales/ru/articles/news.txt.xlf"
	broken := read(t, p, rel)[:200]
	write(t, p, rel, broken)
	write(t, p, "articles/other.txt", "Other news. More.\n")

	plan, report, err := p.Extract(ExtractOptions{Langs: []language.Tag{language.Russian}})
	if err != nil {
		t.Fatal(err)
	}
	if !report.Failed() {
		t.Fatal("extract over a broken handoff file did not fail")
	}
	for _, w := range plan.Writes {
		if w.Path == rel {
			t.Errorf("extract plans to overwrite the broken file %s", rel)
		}
	}
	var d diag.Diagnostic
	for _, f := range report.Files {
		if f.Path == rel && len(f.Diagnostics) > 0 {
			d = f.Diagnostics[0]
		}
	}
	if d.File != rel || d.Start.Line == 0 || d.Rule != "handoff.syntax" || d.Hint == "" {
		t.Errorf("diagnostic %+v: want the file's place, handoff.syntax and a hint", d)
	}
	if _, err := plan.Apply(p.Root); err != nil {
		t.Fatal(err)
	}
	if got := read(t, p, rel); got != broken {
		t.Errorf("the broken file was changed")
	}
	if !strings.Contains(read(t, p, "locales/ru/articles/other.txt.xlf"), "More.") {
		t.Errorf("the other article was not extracted")
	}
}

// translateNews fills in the Russian handoff file of the article news, as
// a translator would.
func translateNews(t *testing.T, p *Project, rel string) {
	t.Helper()
	x := read(t, p, rel)
	x = strings.Replace(x, `<mrk mtype="seg" mid="s1">Ablyazov Walks Free</mrk></seg-source>`,
		`<mrk mtype="seg" mid="s1">Ablyazov Walks Free</mrk></seg-source><target><mrk mtype="seg" mid="s1">Аблязов на свободе</mrk></target>`, 1)
	x = strings.Replace(x, `<mrk mtype="seg" mid="s2">Ablyazov is free.</mrk></seg-source>`,
		`<mrk mtype="seg" mid="s2">Ablyazov is free.</mrk></seg-source><target><mrk mtype="seg" mid="s1">Президент подписал указ 13 мая.</mrk> <mrk mtype="seg" mid="s2">Аблязов свободен.</mrk></target>`, 1)
	write(t, p, rel, x)
}

// Sentences are cut by the rules at extraction: an article that has not
// changed merges whole even when the rules have changed since.
func TestMergeAfterRulesChange(t *testing.T) {
	p := newProject(t, map[string]string{
		"articles/news.txt": news,
		"nobreak.srx": `<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
 <header segmentsubflows="yes" cascade="no"/>
 <body>
  <languagerules><languagerule languagerulename="None"/></languagerules>
  <maprules><languagemap languagepattern=".*" languagerulename="None"/></maprules>
 </body>
</srx>
`,
	})
	rel := "locales/ru/articles/news.txt.xlf"
	extract(t, p, ExtractOptions{Langs: []language.Tag{language.Russian}})
	translateNews(t, p, rel)

	cfg := p.Config
	cfg.Rules = "nobreak.srx"
	p, err := Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	_, report, err := p.Merge(MergeOptions{Handoffs: []string{rel}})
	if err != nil || report.Failed() {
		t.Fatalf("merge after the rules changed: %v %v", err, report.Files[0].Diagnostics)
	}
	rows, err := p.Status([]language.Tag{language.Russian})
	if err != nil || rows[0].Translated != 3 || rows[0].Done() != 100 {
		t.Errorf("status after the rules changed: %+v, %v", rows, err)
	}
}

func TestConfine(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "articles"), 0o755); err != nil {
		t.Fatal(err)
	}
	outside := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(root, "articles", "out")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "articles"), filepath.Join(root, "in")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path   string
		escape bool
	}{
		{"articles/a.txt", false},
		{"articles/new/deeper/a.txt", false},
		{"articles/../articles/a.txt", false},
		{"in/a.txt", false},
		{"../a.txt", true},
		{"articles/../../a.txt", true},
		{"/etc/passwd", true},
		{`..\a.txt`, true},
		{`C:\Windows\win.ini`, true},
		{"c:/x", true},
		{"articles/out/a.txt", true},
		{"articles/out/new/a.txt", true},
		{"a\x00b", true},
	}
	// Each path alone, then all with the folders checked once, twice over.
	var known sync.Map
	check := []func(string) (string, error){
		func(rel string) (string, error) { return Confine(root, rel) },
		func(rel string) (string, error) { return confine(root, rel, &known) },
		func(rel string) (string, error) { return confine(root, rel, &known) },
	}
	for _, tt := range tests {
		for _, confine := range check {
			abs, err := confine(tt.path)
			if tt.escape {
				if !errors.Is(err, ErrEscapes) {
					t.Errorf("Confine(%q) = %q, %v; want ErrEscapes", tt.path, abs, err)
				}
				continue
			}
			if err != nil || !strings.HasPrefix(abs, root+string(filepath.Separator)) {
				t.Errorf("Confine(%q) = %q, %v; want a path under the root", tt.path, abs, err)
			}
		}
	}
	if _, err := Confine(root, ""); err == nil {
		t.Error("Confine of an empty path succeeded")
	}
}

func TestConfigCheck(t *testing.T) {
	root := t.TempDir()
	ok := func() Config {
		return Config{Root: root, Source: language.English, Targets: []language.Tag{language.Russian}, Articles: []string{"articles/*.txt"}}
	}
	tests := []struct {
		name string
		edit func(*Config)
		key  string
	}{
		{"relative root", func(c *Config) { c.Root = "p" }, "root"},
		{"no source", func(c *Config) { c.Source = language.Und }, "source"},
		{"no targets", func(c *Config) { c.Targets = nil }, "targets"},
		{"target is source", func(c *Config) { c.Targets = append(c.Targets, language.English) }, "targets"},
		{"target twice", func(c *Config) { c.Targets = append(c.Targets, language.Russian) }, "targets"},
		{"undetermined target", func(c *Config) { c.Targets = append(c.Targets, language.Und) }, "targets"},
		{"a target of no language", func(c *Config) { c.Targets = []language.Tag{language.MustParse("und-KZ")} }, "targets"},
		{"a private-use target", func(c *Config) { c.Targets = []language.Tag{language.MustParse("x-house")} }, "targets"},
		{"a source of no language", func(c *Config) { c.Source = language.MustParse("mul") }, "source"},
		{"no articles", func(c *Config) { c.Articles = nil }, "articles"},
		{"articles outside", func(c *Config) { c.Articles = []string{"../*.txt"} }, "articles"},
		{"locales outside", func(c *Config) { c.Locales = "../l" }, "locales"},
		{"output outside", func(c *Config) { c.Output = "/tmp/out" }, "output"},
		{"output is locales", func(c *Config) { c.Output = "locales/" }, "output"},
		{"locales is the project", func(c *Config) { c.Locales = "./" }, "locales"},
		{"output is the project", func(c *Config) { c.Output = "." }, "output"},
		{"format of no target", func(c *Config) { c.Formats = map[language.Tag]Format{language.Kazakh: JSON} }, "formats.kk"},
	}
	for _, tt := range tests {
		c := ok()
		tt.edit(&c)
		err := c.Check()
		var ce *ConfigError
		if !errors.As(err, &ce) || ce.Key != tt.key {
			t.Errorf("%s: %v, want an error for key %s", tt.name, err, tt.key)
		}
	}
	for _, lang := range []string{"kk-Latn", "ru-KZ", "en-x-house", "qaa", "mis"} {
		c := ok()
		c.Targets = []language.Tag{language.MustParse(lang)}
		if err := c.Check(); err != nil {
			t.Errorf("%s: %v", lang, err)
		}
	}
	c := ok()
	if err := c.Check(); err != nil {
		t.Fatal(err)
	}
	if c.Locales != DefaultLocales || c.Output != DefaultOutput || c.Format != DefaultFormat {
		t.Errorf("defaults: %+v", c)
	}
}

// Articles are never taken from the locales or output folder, or a
// hidden file or folder, whatever the patterns say.
func TestArticles(t *testing.T) {
	files := map[string]string{}
	for _, f := range []string{"a.md", "articles/b.md", "articles/c.txt", "notes/d.md",
		"build/ru/a.md", "build/ru/articles/b.md", "out/kk/a.md", "locales/ru/a.md.xlf", "locales/ru/x.md", "loc/ru/a.md", "locales2/e.md",
		".git/x.md", ".loctool/a.md", "articles/.drafts/f.md", "articles/.#b.md", "notes/.hidden.md"} {
		files[f] = "Text.\n"
	}
	p := newProject(t, files)
	for _, tt := range []struct {
		name     string
		locales  string
		output   string
		patterns []string
		want     []string
	}{
		{"everything", "", "", []string{"**/*.md"}, []string{"a.md", "articles/b.md", "loc/ru/a.md", "locales2/e.md", "notes/d.md", "out/kk/a.md"}},
		{"other folders", "./loc/", "out", []string{"**/*.md"}, []string{"a.md", "articles/b.md", "build/ru/a.md", "build/ru/articles/b.md", "locales/ru/x.md", "locales2/e.md", "notes/d.md"}},
		{"only excluded", "", "", []string{"build/**/*.md", "locales/**", ".git/*.md", "articles/.drafts/*", "**/.*.md"}, nil},
		{"named", "", "", []string{"build/ru/a.md", ".loctool/a.md", "articles/.drafts/f.md", "articles/b.md"}, []string{"articles/b.md"}},
		{"from the root", "", "", []string{"*"}, []string{"a.md"}},
		{"a folder that is no folder of articles", "", "", []string{"build/*"}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p.Locales, p.Output, p.Config.Articles = cmp.Or(tt.locales, DefaultLocales), cmp.Or(tt.output, DefaultOutput), tt.patterns
			got, err := p.Articles()
			if err != nil || !slices.Equal(got, tt.want) {
				t.Errorf("%v: %q, %v; want %q", tt.patterns, got, err, tt.want)
			}
		})
	}
}

// The configuration's glossaries are read from the project's folder, or
// from their absolute path, and named as the configuration writes them.
func TestGlossaryFiles(t *testing.T) {
	p := newProject(t, map[string]string{"terms/house.yaml": "concepts:\n  - id: a\n    en: A\n    spelling: B\n"})
	abs := filepath.Join(t.TempDir(), "shared.yaml")
	p.Glossaries = []string{"./terms/house.yaml", abs}
	files, err := p.GlossaryFiles()
	want := []glossary.File{{Name: "./terms/house.yaml", Path: filepath.Join(p.Root, "terms", "house.yaml")}, {Name: abs}}
	if err != nil || !slices.Equal(files, want) {
		t.Errorf("%+v, %v; want %+v", files, err, want)
	}
	p.Glossaries = p.Glossaries[:1]
	if _, err := p.Glossary(); err == nil || !strings.HasPrefix(err.Error(), "./terms/house.yaml:4:5: ") {
		t.Errorf("%v, want an error of ./terms/house.yaml", err)
	}
}

func TestArticleOf(t *testing.T) {
	c := Config{Locales: "locales"}
	for _, tt := range []struct {
		handoff, article, lang string
		ok                     bool
	}{
		{"locales/ru/articles/a.txt.xlf", "articles/a.txt", "ru", true},
		{"locales/kk/a.md.json", "a.md", "kk", true},
		{"locales/ru/articles/a.txt", "", "", false},
		{"other/ru/a.txt.xlf", "", "", false},
		{"locales/a.txt.xlf", "", "", false},
		{"locales/r_u/a.txt.xlf", "", "", false},
	} {
		article, lang, err := c.ArticleOf(tt.handoff)
		if (err == nil) != tt.ok || article != tt.article || (tt.ok && lang.String() != tt.lang) {
			t.Errorf("ArticleOf(%q) = %q, %v, %v", tt.handoff, article, lang, err)
		}
	}
}

// A JSON handoff file whose source snapshot was lost is read against the
// article as it is now.
func TestJSONWithoutSnapshot(t *testing.T) {
	p := newProject(t, map[string]string{"articles/news.txt": news})
	extract(t, p, ExtractOptions{Langs: []language.Tag{language.Kazakh}})
	rel := "locales/kk/articles/news.txt.json"
	x := read(t, p, rel)
	for src, tgt := range map[string]string{
		"Ablyazov Walks Free":                      "Әблязов бостандықта",
		"The president signed an order on May 13.": "Президент 13 мамырда жарлыққа қол қойды.",
		"Ablyazov is free.":                        "Әблязов бостандықта.",
	} {
		x = strings.Replace(x, `"other": "`+src+`"`, `"other": "`+tgt+`"`, 1)
	}
	write(t, p, rel, x)
	if err := os.RemoveAll(filepath.Join(p.Root, "locales/kk/.loctool")); err != nil {
		t.Fatal(err)
	}
	_, report, err := p.Merge(MergeOptions{Handoffs: []string{rel}})
	if err != nil || report.Failed() || report.Files[0].Translated != 3 {
		t.Fatalf("merge without the snapshot: %v %+v", err, report.Files[0])
	}

	// The article changes: the translation of the changed sentence is
	// held back, for review.
	write(t, p, "articles/news.txt", strings.Replace(news, "May 13", "May 14", 1))
	_, report, err = p.Merge(MergeOptions{Handoffs: []string{rel}})
	if err != nil || !report.Failed() || report.Files[0].Translated != 2 {
		t.Fatalf("merge of a changed article without the snapshot: %v %+v", err, report.Files[0])
	}
}

// extract refuses a handoff file the next run could not read, and only
// such a file: with max-depth at the depth it says the file has, the
// file is written and reads back.
func TestExtractReadable(t *testing.T) {
	deep := "<p>" + strings.Repeat("<b><i>", 6) + "Deep." + strings.Repeat("</i></b>", 6) + "</p>\n"
	for _, format := range Formats {
		t.Run(string(format), func(t *testing.T) {
			p := newProject(t, map[string]string{"articles/deep.html": deep})
			p.Config.Articles = []string{"articles/*.html"}
			p.Targets, p.Formats, p.Format = []language.Tag{language.Russian}, nil, format
			depth := xliffDepth + 12
			p.Limits.MaxDepth = depth - 1
			_, report, err := p.Extract(ExtractOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if !report.Failed() || report.Files[0].Diagnostics[0].Rule != diag.HandoffLimit {
				t.Fatalf("max-depth %d: %+v", depth-1, report.Files[0])
			}
			p.Limits.MaxDepth = depth
			extract(t, p, ExtractOptions{})
			rel := p.HandoffPath("articles/deep.html", language.Russian)
			if _, _, err := p.readHandoff(rel, language.Russian); err != nil {
				t.Errorf("max-depth %d: the file extract wrote does not read back: %v", depth, err)
			}
		})
	}
}

// The obsolete translations take hand edits: a unit someone deleted
// leaves a gap the next units do not collide with.
func TestObsoleteAfterHandEdits(t *testing.T) {
	seg := func(s string) *handoff.Segment {
		return &handoff.Segment{ID: "s1", Source: inline.Text(s), Target: inline.Text(s + "!"), State: handoff.Translated}
	}
	f := &handoff.File{Original: "obsolete", SourceLang: language.English, TargetLang: language.Russian}
	for _, id := range []string{"o2", "o3"} { // o1 was deleted by hand
		f.Units = append(f.Units, &handoff.Unit{ID: id, Origin: "articles/a.txt", Parts: []handoff.Part{{Segment: seg("Kept " + id + ".")}}})
	}
	data, err := obsoleteFile(f, []removed{{article: "articles/a.txt", seg: seg("One.")}, {article: "articles/b.txt", seg: seg("Two.")},
		{article: "articles/a.txt", seg: seg("Kept o2."), notes: []handoff.Note{{Text: "why", From: "editor"}}}})
	if err != nil {
		t.Fatal(err)
	}
	back, _, err := xliff.Read(bytes.NewReader(data), "obsolete.xlf")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, u := range back.Units {
		ids = append(ids, u.ID)
	}
	if fmt.Sprint(ids) != "[o2 o3 o1 o4]" || len(back.Units[0].Notes) != 1 {
		t.Errorf("units %v, notes of o2 %v", ids, back.Units[0].Notes)
	}
}
