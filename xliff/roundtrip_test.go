package xliff

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/internal/testtool"
	"github.com/loctool/loctool/xliff/internal/conform"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var allOptions = func() []WriteOptions {
	var opts []WriteOptions
	for _, v := range []Version{Version12, Version20, Version21, Version22} {
		for _, pre := range []bool{false, true} {
			opts = append(opts, WriteOptions{Version: v, PrefillTargets: pre})
		}
	}
	return opts
}()

func optName(o WriteOptions) string {
	if o.PrefillTargets {
		return string(o.Version) + "-prefill"
	}
	return string(o.Version)
}

func write(t testing.TB, f *handoff.File, opts WriteOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, f, opts); err != nil {
		t.Fatalf("Write %s: %v", optName(opts), err)
	}
	return buf.Bytes()
}

// TestRoundTrip writes files in every version, with and without
// prefilled targets, reads them back and compares.
func TestRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name string
		file func(testing.TB) *handoff.File
	}{
		{"article", articleFile},
		{"codes", codesFile},
		{"empty", func(testing.TB) *handoff.File {
			f := articleFile(t)
			f.Units = nil
			return f
		}},
		{"glossary", glossaryFile},
		{"fields", func(testing.TB) *handoff.File { return fieldsFile() }},
		{"odd fields", oddFields},
	} {
		for _, opts := range allOptions {
			t.Run(tc.name+"/"+optName(opts), func(t *testing.T) {
				f := tc.file(t)
				b := write(t, f, opts)
				got, v, err := Read(bytes.NewReader(b), tc.name+".xlf")
				if err != nil {
					t.Fatalf("Read: %v\n%s", err, b)
				}
				if v != opts.Version {
					t.Errorf("version %q, want %q", v, opts.Version)
				}
				if d := diffFiles(got, expected(f, opts)); d != "" {
					t.Fatalf("%s\n%s", d, b)
				}
				// Writing what was read gives the same file.
				if b2 := write(t, got, WriteOptions{Version: opts.Version}); !bytes.Equal(b2, write(t, expected(f, opts), WriteOptions{Version: opts.Version})) {
					t.Errorf("writing the file read back differs")
				}
			})
		}
	}
}

// TestGolden compares what the writers write with testdata/*.golden;
// go test -update rewrites them. Each golden file must then read back
// and write again to itself.
func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		file func(testing.TB) *handoff.File
	}{
		{"article", articleFile},
		{"codes", codesFile},
		{"fields", func(testing.TB) *handoff.File { return fieldsFile() }},
	} {
		for _, opts := range allOptions {
			name := fmt.Sprintf("%s-%s.xlf.golden", tc.name, optName(opts))
			t.Run(name, func(t *testing.T) {
				got := write(t, tc.file(t), opts)
				path := filepath.Join("testdata", name)
				if *update {
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test -update to create it)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("output differs from %s (run go test -update if the change is intended)\n%s", path, firstDiff(got, want))
				}
				// Idempotence: read the golden file and write it again.
				f, _, err := Read(bytes.NewReader(want), name)
				if err != nil {
					t.Fatalf("reading %s: %v", path, err)
				}
				if again := write(t, f, WriteOptions{Version: opts.Version}); !bytes.Equal(again, write(t, expected(tc.file(t), opts), WriteOptions{Version: opts.Version})) {
					t.Errorf("%s does not write again to the same file", path)
				}
			})
		}
	}
}

func firstDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n got %s\nwant %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("got %d lines, want %d", len(al), len(bl))
}

// TestSchemaValid validates every file the writers write against the
// OASIS schemas with xmllint, picking the schema as the reference
// folder's validate.sh does.
func TestSchemaValid(t *testing.T) {
	xmllint := testtool.Require(t, "xmllint")
	schemas := filepath.Join(testtool.SharedDir(t), "reference", "xliff", "schemas")
	dir := t.TempDir()
	schema := map[Version]string{
		Version12: filepath.Join(schemas, "xliff12", "xliff-core-1.2-strict.xsd"),
		Version20: filepath.Join(schemas, "xliff21", "all-modules.xsd"),
		Version21: filepath.Join(schemas, "xliff21", "all-modules.xsd"),
		Version22: modules22(t, dir, filepath.Join(schemas, "xliff22")),
	}
	for _, tc := range []struct {
		name string
		file func(testing.TB) *handoff.File
	}{
		{"article", articleFile},
		{"codes", codesFile},
		{"empty", func(testing.TB) *handoff.File {
			f := articleFile(t)
			f.Units = nil
			return f
		}},
		{"glossary", glossaryFile},
		{"fields", func(testing.TB) *handoff.File { return fieldsFile() }},
		{"odd fields", oddFields},
	} {
		for _, opts := range allOptions {
			t.Run(tc.name+"/"+optName(opts), func(t *testing.T) {
				path := filepath.Join(dir, tc.name+"-"+optName(opts)+".xlf")
				if err := os.WriteFile(path, write(t, tc.file(t), opts), 0o644); err != nil {
					t.Fatal(err)
				}
				out, err := exec.Command(xmllint, "--noout", "--nonet", "--schema", schema[opts.Version], path).CombinedOutput()
				if err != nil {
					t.Errorf("xmllint: %v\n%s", err, out)
				}
			})
		}
	}
}

// modules22 writes into dir a schema of XLIFF 2.2 with the modules
// loctool writes, as all-modules.xsd is for 2.1, so that what a file has
// of them is checked too, and returns its path.
func modules22(t *testing.T, dir, schemas string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:local:xliff22-driver">` + "\n")
	for _, m := range []struct{ ns, file string }{
		{ns22, "xliff_core_2.2.xsd"},
		{conform.MatchesNS, "matches.xsd"},
		{conform.MetadataNS, "metadata.xsd"},
		{conform.GlossaryNS, "glossary.xsd"},
	} {
		fmt.Fprintf(&b, "  <xs:import namespace=%q schemaLocation=%q/>\n", m.ns, filepath.Join(schemas, m.file))
	}
	b.WriteString("</xs:schema>\n")
	path := filepath.Join(dir, "modules-2.2.xsd")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// glossaryFile is the article with glossary entries on two units, which
// XLIFF 2 writes in its glossary module.
func glossaryFile(t testing.TB) *handoff.File {
	f := articleFile(t)
	f.Units[0].Glossary = []handoff.GlossEntry{{Term: "Ablyazov", Translation: "Аблязов", Definition: "person: a founder of the DCK"}}
	f.Units[4].Glossary = []handoff.GlossEntry{{Term: "Kazakhstan", Definition: "place"}, {Term: "Mukhtar Ablyazov", Translation: "Мухтар Аблязов"}}
	return f
}

// The glossary module is written for XLIFF 2, and a reader takes a file
// with it.
func TestGlossaryModule(t *testing.T) {
	for _, opts := range allOptions {
		data := write(t, glossaryFile(t), opts)
		has := strings.Contains(string(data), `<gls:glossEntry><gls:term>Ablyazov</gls:term><gls:translation>Аблязов</gls:translation><gls:definition>person: a founder of the DCK</gls:definition></gls:glossEntry>`)
		if has != (opts.Version != Version12) {
			t.Errorf("%s: glossary module written: %v", optName(opts), has)
		}
		if _, _, err := (ReadOptions{}).Read(bytes.NewReader(data), "g.xlf"); err != nil {
			t.Errorf("%s: %v", optName(opts), err)
		}
	}
	f := glossaryFile(t)
	f.Units[0].Glossary[0].Translation, f.Units[0].Glossary[0].Definition = "", ""
	if err := Write(io.Discard, f, WriteOptions{Version: Version21}); err == nil {
		t.Error("a glossary entry with only a term was written")
	}
}
