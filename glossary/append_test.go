package glossary

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// AppendYAML adds concepts to the file's own list, keeping its concepts
// and comments, and gives an ID the file has a suffix.
func TestAppendYAML(t *testing.T) {
	add := []*Concept{
		{ID: "zhakiyanov", Kind: "person", Terms: map[language.Tag]*Terms{language.English: {Preferred: "Galymzhan Zhakiyanov", Forbidden: []string{"Galymjan Jakiyanov"}}}},
		{ID: "akayev", Terms: map[language.Tag]*Terms{language.English: {Preferred: "Askar Akayev"}}},
	}
	comments := map[string]string{"zhakiyanov": "3 times: articles/a.txt:4"}
	for _, tc := range []struct{ name, file string }{
		{"new file", ""},
		{"comments alone", "# The house style.\n"},
		{"concepts: with nothing", "# The house style.\nconcepts:\n"},
		{"a list", "# The house style.\nconcepts:\n  # Kazakhstan's first president.\n  - id: akayev\n    en: Askar Akayev Sr\n    ru: Аскар Акаев\n"},
	} {
		out, err := AppendYAML([]byte(tc.file), "house.yaml", add, []language.Tag{language.English}, comments)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		got, err := ParseYAML(out, "house.yaml")
		if err != nil {
			t.Fatalf("%s: the file written does not read: %v\n%s", tc.name, err, out)
		}
		want := len(add)
		if strings.Contains(tc.file, "id: akayev") {
			want++
		}
		if len(got) != want || !strings.Contains(string(out), "# 3 times: articles/a.txt:4") {
			t.Errorf("%s: %d concepts, want %d:\n%s", tc.name, len(got), want, out)
		}
		if strings.Contains(tc.file, "#") && !strings.Contains(string(out), "# The house style.") {
			t.Errorf("%s: the file's comment is lost:\n%s", tc.name, out)
		}
		if strings.Contains(tc.file, "id: akayev") && (!strings.Contains(string(out), "id: akayev-2") || !strings.Contains(string(out), "# Kazakhstan's first president.")) {
			t.Errorf("%s: want the file's akayev, its comment, and akayev-2:\n%s", tc.name, out)
		}
	}
	// A file with a second concepts: list is refused.
	if _, err := AppendYAML([]byte("concepts:\n  - id: a\n    en: A\nconcepts:\n  - id: b\n    en: B\n"), "house.yaml", add, nil, nil); err == nil {
		t.Error("a file of two concepts: lists was appended to")
	}
}
