// Package testtool finds what loctool's tests need from outside the
// repository: external programs such as xmllint, and the reference folder
// ../shared beside the repository.
//
// When something is missing, the test is skipped with a message that says
// how to get it. With LOCTOOL_REQUIRE_TOOLS=1 in the environment, as CI
// sets it, the test fails instead, so nothing is skipped unnoticed.
package testtool

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// RequireEnv is the environment variable that turns a missing tool or
// reference folder into a test failure when it is "1".
const RequireEnv = "LOCTOOL_REQUIRE_TOOLS"

// debianPackages names the Debian package of each tool whose package name
// is not the tool's own.
var debianPackages = map[string]string{
	"xmllint":         "libxml2-utils",
	"java":            "default-jre",
	"po2xliff":        "translate-toolkit",
	"xliff2po":        "translate-toolkit",
	"po4a-gettextize": "po4a",
	"po4a-translate":  "po4a",
	"pomerge":         "translate-toolkit",
}

// goTools names how to install each tool that is a Go program, not a
// Debian package.
var goTools = map[string]string{
	"goi18n": "go install github.com/nicksnyder/go-i18n/v2/goi18n@v2.7.0",
}

// Require returns the path of the program name, looked up in PATH. When it
// is missing, the test is skipped, or fails under LOCTOOL_REQUIRE_TOOLS=1.
func Require(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		how := "install Debian package " + name
		if pkg := debianPackages[name]; pkg != "" {
			how = "install Debian package " + pkg
		} else if cmd := goTools[name]; cmd != "" {
			how = "run " + cmd
		}
		missing(t, name+" is required: "+how,
			fmt.Sprintf("%s not found in PATH (%s)", name, how))
		return ""
	}
	return path
}

// Symlink makes newname a symbolic link to oldname, for a test of what
// loctool does with links. Where the system refuses one (Windows without
// the privilege to make links), the test is skipped, or fails under
// LOCTOOL_REQUIRE_TOOLS=1.
func Symlink(t testing.TB, oldname, newname string) {
	t.Helper()
	if err := os.Symlink(oldname, newname); err != nil {
		missing(t, "symbolic links are required: "+err.Error(), "no symbolic link: "+err.Error())
	}
}

// SharedDir returns the reference folder ../shared beside the repository
// root, the folder holding go.mod. When it is missing, the test is skipped,
// or fails under LOCTOOL_REQUIRE_TOOLS=1.
func SharedDir(t testing.TB) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatalf("testtool: %v", err)
	}
	dir, err := sharedDir(wd)
	if err != nil {
		missing(t, "the reference folder ../shared is required: "+err.Error(), err.Error())
		return ""
	}
	return dir
}

// sharedDir finds ../shared from the repository root above start.
func sharedDir(start string) (string, error) {
	root := start
	for {
		if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(root)
		if parent == root {
			return "", fmt.Errorf("no go.mod in %s or above it", start)
		}
		root = parent
	}
	shared := filepath.Join(filepath.Dir(root), "shared")
	if fi, err := os.Stat(shared); err != nil || !fi.IsDir() {
		return "", errors.New(shared + " is not a folder: put the project's shared/ folder beside the repository")
	}
	return shared, nil
}

// Missing says that something the test needs from outside the
// repository is missing, as msg says: the test is skipped, or fails under
// LOCTOOL_REQUIRE_TOOLS=1.
func Missing(t testing.TB, msg string) {
	t.Helper()
	missing(t, msg, msg)
}

// missing fails the test with fatal under LOCTOOL_REQUIRE_TOOLS=1, and
// otherwise skips it with skip.
func missing(t testing.TB, fatal, skip string) {
	t.Helper()
	if os.Getenv(RequireEnv) == "1" {
		t.Fatalf("%s (%s=1)", fatal, RequireEnv)
		return
	}
	t.Skipf("skipping: %s; set %s=1 to fail instead", skip, RequireEnv)
}

// PostgresEnv names the environment variable that gives the tests a
// PostgreSQL server: the URL of a database whose user may create
// databases, as .ci/run sets it for the throwaway cluster it starts.
const PostgresEnv = "LOCTOOL_TEST_POSTGRES"

// Postgres returns the URL of the PostgreSQL server the tests use. When
// none is set, the test is skipped, or fails under
// LOCTOOL_REQUIRE_TOOLS=1.
func Postgres(t testing.TB) string {
	t.Helper()
	url := os.Getenv(PostgresEnv)
	if url == "" {
		missing(t, "a PostgreSQL server is required: set "+PostgresEnv+"=postgres://… (.ci/run starts one)",
			"no PostgreSQL server: set "+PostgresEnv+"=postgres://… to test against one (.ci/run starts one)")
	}
	return url
}
