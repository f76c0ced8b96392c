package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/loctool/loctool/project"
)

// Every setting has an environment variable a shell can export, its own,
// and the README's table of config.yaml gives it beside the key.
func TestEnvVars(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	exportable := regexp.MustCompile(`^[A-Z_][A-Z0-9_]*$`)
	seen := map[string]string{}
	for _, s := range project.Settings() {
		v := envVar(s.Key)
		if !exportable.MatchString(v) {
			t.Errorf("%s: %s is not a name a shell can export", s.Key, v)
		}
		if other, ok := seen[v]; ok {
			t.Errorf("%s and %s are both %s", other, s.Key, v)
		}
		seen[v] = s.Key
		if row := "| `" + s.Key + "` | `" + v + "` |"; !strings.Contains(readme, "\n"+row) {
			t.Errorf("the README's table of config.yaml has no row starting %s", row)
		}
	}
}
