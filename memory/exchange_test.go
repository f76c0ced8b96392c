package memory

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/loctool/loctool/internal/testtool"
	"github.com/loctool/loctool/tmx"
	"golang.org/x/text/language"
)

// okapiTMX are TMX files that other tools wrote: the LISA compliance
// kit's (XYZTool), Trados Translator's Workbench's and Okapi's aligner's,
// in UTF-8, UTF-16 and US-ASCII.
const okapiTMX = "interop/okapi/okapi/filters/tmx/src/test/resources"

var fr = language.French

func openFile(path string) func() (io.ReadCloser, error) {
	return func() (io.ReadCloser, error) { return os.Open(path) }
}

// TestImportTMX imports every TMX file of other tools into a memory of
// English sources, and looks up each of their French translations.
func TestImportTMX(t *testing.T) {
	dir := filepath.Join(testtool.SharedDir(t), "reference", okapiTMX)
	var files []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if strings.HasSuffix(path, ".tmx") {
			files = append(files, path)
		}
		return err
	})
	if len(files) < 20 {
		t.Fatalf("%d TMX files in %s", len(files), dir)
	}
	langs := Languages{Source: en, Targets: []language.Tag{fr, language.German, language.Japanese}}
	stores(t, func(t *testing.T, open func() *Store) {
		ctx := context.Background()
		s := open()
		looked := 0
		for _, path := range files {
			rep, err := s.ImportTMX(ctx, openFile(path), path, langs)
			if err != nil {
				t.Errorf("%s: %v", path, err)
				continue
			}
			f, _ := os.Open(path)
			m, err := tmx.Read(f, path, tmx.ReadOptions{})
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			for _, tu := range m.Units {
				var src *tmx.Variant
				for _, v := range tu.Variants {
					if b, _ := v.Lang.Base(); b.String() == "en" && src == nil {
						src = v
					}
				}
				for _, v := range tu.Variants {
					if b, _ := v.Lang.Base(); src == nil || b.String() != "fr" || len(v.Seg.Normalize()) == 0 {
						continue
					}
					looked++
					ms := lookup(t, s, Query{SourceLang: en, TargetLang: fr, Source: src.Seg, Threshold: 100, Max: 100})
					found := false
					for _, m := range ms {
						// Kept once by their text and their codes' kinds and types.
						found = found || m.Target.Key() == v.Seg.Key() && m.Source.Key() == src.Seg.Key()
					}
					if !found {
						t.Errorf("%s:%d: %q → %q not found (%s; %+v)", path, tu.Line, src.Seg.Tagged(), v.Seg.Tagged(), show(ms), rep)
					}
				}
			}
		}
		if looked < 40 {
			t.Errorf("only %d French translations looked up", looked)
		}
		// Imported again: nothing new.
		before, _ := s.Stats(ctx)
		for _, path := range files {
			if _, err := s.ImportTMX(ctx, openFile(path), path, langs); err != nil {
				t.Fatal(err)
			}
		}
		after, _ := s.Stats(ctx)
		if after.Units != before.Units {
			t.Errorf("imported twice: %d units, then %d", before.Units, after.Units)
		}

		// Exported, the file is TMX 1.4b, and imported into another
		// memory it is the same memory.
		var out bytes.Buffer
		n, err := s.ExportTMX(ctx, &out, en, language.Und, "test")
		if err != nil || n != before.Units {
			t.Fatalf("exported %d of %d: %v", n, before.Units, err)
		}
		exported := filepath.Join(t.TempDir(), "export.tmx")
		writeFile(t, exported, out.String())
		validateTMX(t, exported)
		other := mustOpen(t, Config{Path: filepath.Join(t.TempDir(), "other.db")})
		if _, err := other.ImportTMX(ctx, openFile(exported), exported, langs); err != nil {
			t.Fatal(err)
		}
		if st, _ := other.Stats(ctx); st.Units != before.Units {
			t.Errorf("re-imported: %d units, want %d", st.Units, before.Units)
		}
	})
}

// validateTMX validates a TMX file against the TMX 1.4 DTD with xmllint.
func validateTMX(t *testing.T, path string) {
	t.Helper()
	xmllint := testtool.Require(t, "xmllint")
	dtd := filepath.Join(testtool.SharedDir(t), "reference", "tmx", "tmx14.dtd")
	if out, err := exec.Command(xmllint, "--noout", "--dtdvalid", dtd, path).CombinedOutput(); err != nil {
		t.Errorf("%s is not valid TMX 1.4: %v\n%s", path, err, out)
	}
}

// TestImportTMXAllOrNothing checks that a file with a problem past its
// first units adds none of them, and says where the problem is.
func TestImportTMXAllOrNothing(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><tmx version="1.4"><header srclang="en" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext" creationtool="x" creationtoolversion="1"/><body>` + "\n")
	for range importBatch + 10 {
		b.WriteString(`<tu><tuv xml:lang="en"><seg>Hello.</seg></tuv><tuv xml:lang="ru"><seg>Привет.</seg></tuv></tu>` + "\n")
	}
	b.WriteString(`<tu><tuv xml:lang="en"><seg>Broken</tuv></tu></body></tmx>`)
	path := filepath.Join(t.TempDir(), "broken.tmx")
	writeFile(t, path, b.String())
	s := mustOpen(t, Config{Path: filepath.Join(t.TempDir(), "m.db")})
	_, err := s.ImportTMX(context.Background(), openFile(path), path, Languages{Source: en, Targets: []language.Tag{ru}})
	var te *tmx.Error
	if !errors.As(err, &te) || te.Line != importBatch+12 {
		t.Fatalf("err = %v, want one at line %d", err, importBatch+12)
	}
	if st, _ := s.Stats(context.Background()); st.Units != 0 {
		t.Errorf("%d units added from a broken file", st.Units)
	}
}
