package xliff

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/loctool/loctool/internal/testtool"
)

// suite returns the folder of the OASIS XLIFF 2.1 test suite.
func suite(t *testing.T) string {
	t.Helper()
	return filepath.Join(testtool.SharedDir(t), "reference", "xliff", "oasis-test-suite-2.1")
}

// extraPrefixes reads the fragment-identifier prefixes the suite's valid
// documents register (extra-prefixes.properties: namespace=prefix).
func extraPrefixes(t *testing.T, dir string) map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "extra-prefixes.properties"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndex(line, "=")
		ns := strings.ReplaceAll(line[:i], `\:`, ":")
		m[line[i+1:]] = ns
	}
	return m
}

func xlfFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.xlf"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no .xlf files in %s: %v", dir, err)
	}
	return files
}

func readAllFile(t *testing.T, path string, opts ReadOptions) error {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, _, err = opts.ReadAll(f, filepath.Base(path))
	return err
}

// TestOASISCoreValid reads every valid core document of the suite.
func TestOASISCoreValid(t *testing.T) {
	dir := filepath.Join(suite(t), "core", "valid")
	opts := ReadOptions{FragmentPrefixes: extraPrefixes(t, dir)}
	ok := 0
	files := xlfFiles(t, dir)
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			if err := readAllFile(t, path, opts); err != nil {
				t.Errorf("valid document rejected: %v", err)
				return
			}
			ok++
		})
	}
	t.Logf("core/valid: %d of %d read", ok, len(files))
}

// readInvalid are the invalid documents of the suite that loctool
// reads, and why.
var readInvalid = map[string]string{
	// An empty <target> whose source has a code marked canDelete="no":
	// loctool reads a target with nothing in it as no translation yet,
	// which leaves out nothing, as tools that write <target/> for a
	// segment not yet translated mean it.
	"bad_MissingNonRemovable2.xlf": "an empty target is no translation",
}

// TestOASISCoreInvalid checks that every invalid core document of the
// suite is rejected, with a message, but for those of readInvalid.
func TestOASISCoreInvalid(t *testing.T) {
	dir := filepath.Join(suite(t), "core", "invalid")
	rejected := 0
	files := xlfFiles(t, dir)
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			err := readAllFile(t, path, ReadOptions{})
			if why, ok := readInvalid[filepath.Base(path)]; ok {
				if err != nil {
					t.Errorf("read as valid (%s), but rejected: %v", why, err)
				}
				return
			}
			if err == nil {
				t.Errorf("invalid document accepted")
				return
			}
			rejected++
			t.Log(err)
		})
	}
	t.Logf("core/invalid: %d of %d rejected", rejected, len(files))
}

// TestOASISModules reads the module documents: the valid ones must read
// (modules loctool does not use are ignored); the invalid ones are
// counted, since loctool checks only part of the modules' rules.
func TestOASISModules(t *testing.T) {
	base := filepath.Join(suite(t), "modules")
	valid := xlfFiles(t, filepath.Join(base, "valid"))
	for _, path := range valid {
		t.Run("valid/"+filepath.Base(path), func(t *testing.T) {
			if err := readAllFile(t, path, ReadOptions{}); err != nil {
				t.Errorf("valid document rejected: %v", err)
			}
		})
	}
	rejected := 0
	invalid := xlfFiles(t, filepath.Join(base, "invalid"))
	for _, path := range invalid {
		if err := readAllFile(t, path, ReadOptions{}); err != nil {
			rejected++
			t.Logf("%s: rejected: %v", filepath.Base(path), err)
		} else {
			t.Logf("%s: accepted", filepath.Base(path))
		}
	}
	t.Logf("modules/valid: %d read; modules/invalid: %d of %d rejected", len(valid), rejected, len(invalid))
}
