package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/loctool/loctool/diag"
)

// The README's table of rules is the registry's, row for row, and every
// rule the README names is one.
func TestREADMERules(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	const header = "| rule | default | commands | finds |\n| --- | --- | --- | --- |\n"
	i := strings.Index(readme, header)
	if i < 0 {
		t.Fatalf("the README has no table of rules starting %q", header)
	}
	table := readme[i+len(header):]
	table = table[:strings.Index(table, "\n\n")]
	var want []string
	for _, r := range diag.Rules {
		want = append(want, "| `"+r.ID+"` | "+string(r.Default)+" | "+strings.Join(r.Commands, ", ")+" | "+r.Description+" |")
	}
	got := strings.Split(table, "\n")
	for i := range max(len(got), len(want)) {
		g, w := "(none)", "(none)"
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Errorf("row %d of the README's table of rules:\n got %s\nwant %s", i+1, g, w)
		}
	}
	named := regexp.MustCompile("`((?:spelling|term|target|consistency|handoff|article|srx)\\.[a-z-]+)`")
	for _, m := range named.FindAllStringSubmatch(readme, -1) {
		if _, ok := diag.Lookup(m[1]); !ok {
			t.Errorf("the README names %s, which is no rule", m[1])
		}
	}
}
