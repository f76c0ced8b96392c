package tmx

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/loctool/loctool/internal/testtool"
)

// okapiDir holds the TMX files of the Okapi Framework's tests, under
// ../shared/reference.
const okapiDir = "interop/okapi/okapi/filters/tmx/src/test/resources"

// okapiWant is what reading a file of Okapi's tests gives: its units and
// variants, or the error that refuses it ("line:col: message").
type okapiWant struct {
	units, variants int
	refused         string
}

// okapiFiles are the TMX files that Okapi's TMX filter reads in its
// tests, as XYZTool (the LISA compliance kit, compkit/), Trados
// Translator's Workbench and Okapi's aligner wrote them, in UTF-8, UTF-8
// with a byte order mark, UTF-16 and US-ASCII, by their path under
// okapiDir. All are TMX 1.4 that loctool reads.
var okapiFiles = map[string]okapiWant{
	// TMX 1.4 without a DOCTYPE, in UTF-16: bpt/ept, it, ph, hi; the
	// target before the source in a unit.
	"ImportTest2A.tmx": {units: 7, variants: 14},
	// RTF codes ({\b ), and an empty <ph>.
	"ImportTest2B.tmx": {units: 7, variants: 14},
	// Every attribute and element of TMX, comments everywhere, <ude>,
	// and a <ph> with a <sub>.
	"ImportTest2C.tmx": {units: 1, variants: 3},
	// Okapi's aligner: <ut>, <prop>s on units and variants, &apos;.
	"Paragraph_TM.tmx":              {units: 7, variants: 14},
	"a_small_test2.tmx":             {units: 1, variants: 2},
	"header_with_prop_and_note.tmx": {units: 1, variants: 2},
	// Trados Translator's Workbench 7: no x on codes, a header <prop>
	// with type2 where type belongs.
	"html_test.tmx": {units: 11, variants: 22},
	// The example of the TMX 1.4b specification: srclang="*all*", a
	// private-use character, <ude>.
	"sampleTMX2.tmx":           {units: 2, variants: 5},
	"compkit/ExportTest1A.tmx": {units: 4, variants: 8},
	"compkit/ExportTest1B.tmx": {units: 2, variants: 4},
	"compkit/ExportTest2A.tmx": {units: 6, variants: 12},
	// Tabs and spaces written as references.
	"compkit/ImportTest1A.tmx": {units: 2, variants: 4},
	// Attributes spread over lines, quoted with ' and ", and tags in
	// mixed case (eN-uS).
	"compkit/ImportTest1B.tmx": {units: 1, variants: 2},
	// Five languages, in another order in each unit.
	"compkit/ImportTest1C.tmx": {units: 3, variants: 15},
	"compkit/ImportTest1D.tmx": {units: 3, variants: 6},
	// encoding="us-ascii", with references for the rest.
	"compkit/ImportTest1H.tmx": {units: 3, variants: 6},
	"compkit/ImportTest1I.tmx": {units: 1, variants: 2},
	"compkit/ImportTest1L.tmx": {units: 1, variants: 3},
	"compkit/ImportTest2A.tmx": {units: 7, variants: 14},
	"compkit/ImportTest2B.tmx": {units: 7, variants: 14},
}

// okapiPaths returns the .tmx files under the Okapi folder, by their
// path under it, and the folder.
func okapiPaths(t testing.TB) (string, []string) {
	dir := filepath.Join(testtool.SharedDir(t), "reference", filepath.FromSlash(okapiDir))
	var paths []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(d.Name(), ".tmx") {
			rel, _ := filepath.Rel(dir, path)
			paths = append(paths, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(paths)
	return dir, paths
}

// TestOkapiFiles reads every TMX file of Okapi's tests: each reads with
// the units and variants the table says, or is refused as it says; each
// that reads writes TMX that reads back the same and that xmllint finds
// valid against the TMX 1.4 DTD.
func TestOkapiFiles(t *testing.T) {
	dir, paths := okapiPaths(t)
	if len(paths) != len(okapiFiles) {
		t.Errorf("%d .tmx files under %s, and the table has %d: add the new ones to it", len(paths), dir, len(okapiFiles))
	}
	out := t.TempDir()
	var written []string
	for _, path := range paths {
		t.Run(path, func(t *testing.T) {
			want, ok := okapiFiles[path]
			if !ok {
				t.Fatalf("%s is not in the table", path)
			}
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
			if err != nil {
				t.Fatal(err)
			}
			m, err := Read(bytes.NewReader(data), path, ReadOptions{})
			if want.refused != "" {
				if err == nil || strings.TrimPrefix(err.Error(), path+":") != want.refused {
					t.Fatalf("read: %v; want refused at %s", err, want.refused)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			units, variants := len(m.Units), 0
			for _, u := range m.Units {
				variants += len(u.Variants)
			}
			if units != want.units || variants != want.variants {
				t.Errorf("%d units and %d variants, want %d and %d", units, variants, want.units, want.variants)
			}
			var buf bytes.Buffer
			if err := Write(&buf, m, WriteOptions{ToolVersion: "test"}); err != nil {
				t.Fatal(err)
			}
			again, err := Read(bytes.NewReader(buf.Bytes()), "written.tmx", ReadOptions{})
			if err != nil {
				t.Fatalf("what was written does not read: %v\n%s", err, buf.Bytes())
			}
			if d := diffMemory(again, asWritten(m, "test")); d != "" {
				t.Errorf("read, written and read again: %s", d)
			}
			name := filepath.Join(out, strings.ReplaceAll(path, "/", "-"))
			if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			written = append(written, name)
		})
	}
	if len(written) == 0 {
		return
	}
	// One run of xmllint for all the files.
	xmllint := testtool.Require(t, "xmllint")
	dtd := filepath.Join(testtool.SharedDir(t), "reference", "tmx", "tmx14.dtd")
	args := append([]string{"--noout", "--nonet", "--dtdvalid", dtd}, written...)
	if out, err := exec.Command(xmllint, args...).CombinedOutput(); err != nil {
		t.Errorf("xmllint: %v\n%s", err, out)
	}
}
