package xliff

import "testing"

func TestHasExtension(t *testing.T) {
	for name, want := range map[string]bool{
		"locales/ru/a.txt.xlf": true, "a.xliff": true, "A.SDLXLIFF": true, "b.mqxliff": true, "c.xlf2": true, "d.xliff2": true,
		"a.txt": false, "a.json": false, "a.xlf.bak": false, "xlf": false, "a.xlz": false, "": false,
	} {
		if got := HasExtension(name); got != want {
			t.Errorf("HasExtension(%q) = %v", name, got)
		}
	}
}
