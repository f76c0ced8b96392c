package project

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// Handoff files from outside, broken or hostile, give an error that says
// what and where, and merge writes nothing.
func TestHostileHandoffs(t *testing.T) {
	p := newProject(t, map[string]string{"articles/news.txt": news})
	extract(t, p, ExtractOptions{})
	rel := "locales/ru/articles/news.txt.xlf"
	good := read(t, p, rel)
	body := good[strings.Index(good, "<xliff"):]
	withTarget := strings.Replace(body, `Ablyazov Walks Free</mrk></seg-source>`, `Ablyazov Walks Free</mrk></seg-source><target><mrk mtype="seg" mid="s1">TARGET</mrk></target>`, 1)
	utf16le := func(s string) string {
		b := []byte{0xff, 0xfe}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return string(b)
	}
	tests := []struct {
		name, data string
		want       string // the first diagnostic, from its file name on
		rule       string
	}{
		{"billion laughs", "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n" + body,
			":2:1: error: the DOCTYPE declares entities, which loctool never expands: remove the DOCTYPE", "handoff.dtd"},
		{"external entity", "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n" + strings.Replace(withTarget, "TARGET", "&x;", 1),
			":2:1: error: the DOCTYPE declares entities", "handoff.dtd"},
		{"10,000 deep", strings.Replace(body, "<seg-source>", "<seg-source>"+strings.Repeat(`<mrk mtype="x-a">`, 10000)+strings.Repeat("</mrk>", 10000), 1),
			"error: elements nest deeper than 100 levels (limits.max-depth)", "handoff.limit"},
		{"NUL", strings.Replace(withTarget, "TARGET", "a\x00b", 1), "error: illegal character code U+0000", "handoff.syntax"},
		{"not UTF-8", strings.Replace(withTarget, "TARGET", "\xd0\xe0", 1), "error: invalid UTF-8", "handoff.syntax"},
		{"truncated", good[:len(good)/2], "error: the file ends in the middle of the XML: it was cut short, perhaps in transfer; ask for the whole file again", "handoff.syntax"},
		{"duplicated unit", strings.Replace(body, "</body>", body[strings.Index(body, "<trans-unit"):strings.Index(body, "</trans-unit>")+len("</trans-unit>")]+"</body>", 1),
			`error: trans-unit id "b1" is already used`, "handoff.duplicate-id"},
		{"wrong language", strings.Replace(body, `target-language="ru"`, `target-language="kk"`, 1),
			"error: the target language is kk, not ru as expected", "handoff.language"},
		{"wrong article", strings.Replace(body, `original="articles/news.txt"`, `original="articles/other.txt"`, 1),
			"error: the file says it is for articles/other.txt, but it is in the place of the handoff file of articles/news.txt", "handoff.original"},
		{"escapes the project", strings.Replace(body, `original="articles/news.txt"`, `original="../../etc/passwd"`, 1),
			`error: the article the file is for, original="../../etc/passwd", is not a path in the project`, "handoff.original"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			write(t, p, rel, tt.data)
			plan, report, err := p.Merge(MergeOptions{Handoffs: []string{rel}, Missing: MissingSource})
			if err != nil {
				t.Fatal(err)
			}
			if !report.Failed() {
				t.Fatalf("merged, with %d writes", len(plan.Writes))
			}
			d := report.Files[0].Diagnostics[0]
			if s := d.String(); !strings.HasPrefix(s, rel) || !strings.Contains(s, tt.want) || !strings.HasPrefix(d.Rule, tt.rule) {
				t.Errorf("diagnostic %s\nwant %q [%s]", s, tt.want, tt.rule)
			}
		})
	}
	// A file an editor saved in another encoding is read as its text,
	// when it says which.
	write(t, p, rel, "<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n"+strings.Replace(withTarget, "TARGET", "\xc0\xe1\xeb\xff\xe7\xee\xe2", 1))
	if plan, report, err := p.Merge(MergeOptions{Handoffs: []string{rel}, Missing: MissingSource}); err != nil || report.Failed() || !strings.Contains(string(plan.Writes[0].Data), "Аблязов") {
		t.Errorf("windows-1251: %v %+v", err, report)
	}
	// A UTF-16 file with a byte order mark is read as its text.
	write(t, p, rel, utf16le(strings.Replace(strings.Replace(withTarget, "TARGET", "Аблязов на свободе", 1), `encoding="UTF-8"`, `encoding="UTF-16"`, 1)))
	if _, report, err := p.Merge(MergeOptions{Handoffs: []string{rel}, Missing: MissingSource}); err != nil || report.Failed() {
		t.Errorf("UTF-16: %v %+v", err, report)
	}
	// A file of 200 MB is refused before it is read, and the limit is
	// the configuration's.
	if err := os.Truncate(filepath.Join(p.Root, rel), 200_000_000); err != nil {
		t.Fatal(err)
	}
	_, report, err := p.Merge(MergeOptions{Handoffs: []string{rel}, Missing: MissingSource})
	if err != nil {
		t.Fatal(err)
	}
	if d := report.Files[0].Diagnostics[0]; d.String()+"\n\thint: "+d.Hint != rel+":1:1: error: the file is 200 MB, larger than 64 MiB (limits.max-size) [handoff.limit]\n\thint: if the file is a genuine handoff file, raise limits.max-size or limits.max-depth in config.yaml" {
		t.Errorf("200 MB: %s", d)
	}
}

// Articles that are not text give an error at their place, and no
// handoff file.
func TestHostileArticles(t *testing.T) {
	for name, tt := range map[string]struct{ data, want string }{
		"not UTF-8": {"Ablyazov \xff walks free.\n", "articles/a.txt:1:10: error: byte 0xff is not UTF-8 text: save the article as UTF-8"},
		"NUL":       {"Ablyazov \x00 walks free.\n", "articles/a.txt:1:10: error: control character U+0000, which XML cannot carry"},
		"UTF-16":    {"\xff\xfeA\x00.\x00", "articles/a.txt:1:1: error: the article is UTF-16 text"},
	} {
		t.Run(name, func(t *testing.T) {
			p := newProject(t, map[string]string{"articles/a.txt": tt.data})
			plan, report, err := p.Extract(ExtractOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if !report.Failed() || len(plan.Writes) != 0 {
				t.Fatalf("extracted: %d writes", len(plan.Writes))
			}
			if got := report.Files[0].Diagnostics[0].String(); !strings.HasPrefix(got, tt.want) || !strings.HasSuffix(got, "[article.read]") {
				t.Errorf("diagnostic %s\nwant %s", got, tt.want)
			}
		})
	}
	// Mixed line endings are text: the article's own come back.
	p := newProject(t, map[string]string{"articles/a.txt": "One.\r\nTwo.\n\nThree.\r\n"})
	if report := extract(t, p, ExtractOptions{}); report.Failed() {
		t.Fatalf("mixed line endings: %+v", report.Files)
	}
}
