package testtool

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder is a testing.TB that records Skipf and Fatalf instead of
// stopping the test.
type recorder struct {
	testing.TB
	skipped, failed string
}

func (r *recorder) Helper()                        {}
func (r *recorder) Skipf(format string, a ...any)  { r.skipped = fmt.Sprintf(format, a...) }
func (r *recorder) Fatalf(format string, a ...any) { r.failed = fmt.Sprintf(format, a...) }

func TestRequireFound(t *testing.T) {
	if path := Require(t, "sh"); !filepath.IsAbs(path) {
		t.Errorf("Require(sh) = %q, want an absolute path", path)
	}
}

func TestRequireMissing(t *testing.T) {
	tests := []struct {
		name    string
		env     string
		skipped bool
	}{
		{"skips", "", true},
		{"skips unless 1", "0", true},
		{"fails with LOCTOOL_REQUIRE_TOOLS=1", "1", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(RequireEnv, tt.env)
			r := &recorder{TB: t}
			if path := Require(r, "loctool-no-such-tool"); path != "" {
				t.Errorf("Require returned %q for a missing tool", path)
			}
			if got := r.skipped != ""; got != tt.skipped {
				t.Errorf("skipped = %v (%q), want %v", got, r.skipped, tt.skipped)
			}
			if got := r.failed != ""; got == tt.skipped {
				t.Errorf("failed = %v (%q), want %v", got, r.failed, !tt.skipped)
			}
		})
	}
}

func TestMissing(t *testing.T) {
	for _, env := range []string{"", "1"} {
		t.Setenv(RequireEnv, env)
		r := &recorder{TB: t}
		Missing(r, "no OmegaT.jar")
		if got := r.failed != ""; got != (env == "1") || !strings.Contains(r.failed+r.skipped, "no OmegaT.jar") {
			t.Errorf("%s=%q: failed %q, skipped %q", RequireEnv, env, r.failed, r.skipped)
		}
	}
}

func TestRequireSaysHowToInstall(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv(RequireEnv, "1")
	for tool, want := range map[string]string{
		"xmllint": "install Debian package libxml2-utils",
		"pomerge": "install Debian package translate-toolkit",
		"omegat":  "install Debian package omegat",
		"goi18n":  "run go install github.com/nicksnyder/go-i18n/v2/goi18n@v2.7.0",
	} {
		r := &recorder{TB: t}
		Require(r, tool)
		if !strings.Contains(r.failed, want) {
			t.Errorf("message %q does not say %q", r.failed, want)
		}
	}
}

func TestSharedDir(t *testing.T) {
	dir := SharedDir(t) // skips outside the project's workplace
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		t.Errorf("SharedDir = %q, not a folder", dir)
	}
}

func TestSharedDirMissing(t *testing.T) {
	top := t.TempDir()
	repo := filepath.Join(top, "repo")
	sub := filepath.Join(repo, "cmd", "x")
	if err := os.MkdirAll(sub, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(repo, "go.mod"), []byte("module x\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	if _, err := sharedDir(sub); err == nil {
		t.Fatal("sharedDir found a shared folder that is not there")
	}
	if err := os.Mkdir(filepath.Join(top, "shared"), 0o777); err != nil {
		t.Fatal(err)
	}
	got, err := sharedDir(sub)
	if err != nil || got != filepath.Join(top, "shared") {
		t.Errorf("sharedDir = %q, %v; want %q", got, err, filepath.Join(top, "shared"))
	}
}
