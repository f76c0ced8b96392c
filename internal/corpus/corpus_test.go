package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/xliff"
)

func options(t *testing.T) Options {
	t.Helper()
	o := Options{Articles: 30, Size: 4000, Markdown: 0.3, Seed: 7}
	if err := o.LoadSamples(filepath.Join("..", "..")); err != nil {
		t.Fatal(err)
	}
	return o
}

func TestGenerate(t *testing.T) {
	o := options(t)
	a, b := t.TempDir(), t.TempDir()
	st, err := Generate(a, o)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 30 || st.Markdown == 0 || st.Markdown == 30 {
		t.Errorf("stats %+v: want 30 articles, some of them Markdown", st)
	}
	if mean := st.Bytes / 30; mean < 3000 || mean > 5000 {
		t.Errorf("mean article size %d, want about 4000", mean)
	}
	if _, err := Generate(b, o); err != nil {
		t.Fatal(err)
	}
	for i := range 30 {
		rel, data := Article(o, i)
		for _, dir := range []string{a, b} {
			got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
			if err != nil || !bytes.Equal(got, data) {
				t.Fatalf("%s in %s differs from Article(o, %d): %v", rel, dir, i, err)
			}
		}
	}
	if _, data := Article(o, 0); bytes.Contains(data, []byte("Ablyazov")) {
		t.Errorf("article 0 keeps the sample's names:\n%s", data)
	}
	config, err := os.ReadFile(filepath.Join(a, "config.yaml"))
	if err != nil || !strings.Contains(string(config), "targets: [ru]") {
		t.Errorf("config.yaml: %q, %v", config, err)
	}
	if _, err := Generate(a, o); err == nil {
		t.Error("Generate wrote into a folder that is not empty")
	}
}

func TestTranslate(t *testing.T) {
	dir := t.TempDir()
	bold := &inline.Code{Kind: inline.Open, ID: "1", Type: "bold", Data: "**"}
	end := &inline.Code{Kind: inline.Close, ID: "1", Type: "bold", Data: "**"}
	f := &handoff.File{Original: "articles/a.md", Datatype: "x-markdown", SourceLang: language.English, TargetLang: language.Russian,
		Units: []*handoff.Unit{{ID: "b1", Parts: []handoff.Part{
			{Segment: &handoff.Segment{ID: "s1", Source: inline.Content{{Text: "Hello "}, {Code: bold}, {Text: "press"}, {Code: end}, {Text: "."}}}},
			{Space: " "},
			{Segment: &handoff.Segment{ID: "s2", Source: inline.Text("Bye.")}},
		}}}}
	var b bytes.Buffer
	if err := xliff.Write(&b, f, xliff.WriteOptions{Version: xliff.Version12}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "ru", "articles", "a.md.xlf")
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if n, err := Translate(dir); err != nil || n != 1 {
		t.Fatalf("Translate = %d, %v", n, err)
	}
	data, _ := os.ReadFile(path)
	got, _, err := xliff.Read(bytes.NewReader(data), path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range got.Units[0].Segments() {
		if s.State != handoff.Translated || !s.IsTranslated() || len(s.Target.Codes()) != len(s.Source.Codes()) {
			t.Errorf("segment %s: target %v, state %v", s.ID, s.Target, s.State)
		}
	}
	if want := "Неllо **рrеss**."; got.Units[0].Segments()[0].Target.Markup() != want {
		t.Errorf("pseudo-translation %q, want %q", got.Units[0].Segments()[0].Target.Markup(), want)
	}
}

func TestPseudoCyrillic(t *testing.T) {
	bold := &inline.Code{Kind: inline.Open, ID: "1", Type: "bold", Data: "**"}
	end := &inline.Code{Kind: inline.Close, ID: "1", Type: "bold", Data: "**"}
	c := inline.Content{{Text: "Hello "}, {Code: bold}, {Text: "Ablyazov"}, {Code: end}, {Text: " in 2002."}}
	if got, want := PseudoIn(c, Cyrillic).Markup(), "Хелло **Аблыазов** ин 2002."; got != want {
		t.Errorf("PseudoIn(Cyrillic) = %q, want %q", got, want)
	}
	if got, want := PseudoIn(c, LookAlike).Markup(), Pseudo(c).Markup(); got != want {
		t.Errorf("PseudoIn(LookAlike) = %q, want Pseudo's %q", got, want)
	}
}

func TestParseStyle(t *testing.T) {
	for name, want := range map[string]Style{"lookalike": LookAlike, "cyrillic": Cyrillic} {
		if got, err := ParseStyle(name); err != nil || got != want {
			t.Errorf("ParseStyle(%q) = %v, %v", name, got, err)
		}
	}
	if _, err := ParseStyle("latin"); err == nil {
		t.Error("ParseStyle(\"latin\") gives no error")
	}
}
