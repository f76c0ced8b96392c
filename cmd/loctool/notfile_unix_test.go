//go:build unix

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/loctool/loctool/segment"
)

// What loctool reads as a file, it reads only from a regular file (or a
// link to one): an article, a glossary, the segmentation rules, the
// configuration, a handoff file and loctool's own files beside it. A
// named pipe there would keep a command waiting for a writer for ever,
// extract holding the project's lock; a device or a folder is no file
// either. Each command refuses such a path at once, naming it and what
// to do. The guard of 10 s is for a command that hangs, not a measure of
// speed.
func TestNotAFile(t *testing.T) {
	t.Setenv("LOCTOOL_CACHE", "off")
	type run struct {
		args []string
		code int // the exit code, -1 for any but 0
	}
	fails := func(args ...string) run { return run{args, -1} }
	tests := []struct {
		name   string
		config string            // added to config.yaml
		put    map[string]string // path: pipe, folder or null (a link to /dev/null)
		runs   []run
		want   string // a regular expression the output of each failing run matches
	}{
		{
			name: "article matched by a pattern",
			put:  map[string]string{"articles/pipe.txt": "pipe"},
			runs: []run{fails("extract"), fails("status"), fails("check"), fails("merge"), fails("glossary", "suggest")},
			want: `articles/pipe\.txt is a named pipe, not a file, but articles: "articles/\*\.txt" in config\.yaml matches it: move it away, or change the pattern`,
		},
		{
			name: "article linked to a device",
			put:  map[string]string{"articles/null.txt": "null"},
			runs: []run{fails("extract"), fails("check")},
			want: `articles/null\.txt is a device, not a file`,
		},
		{
			name: "article given",
			put:  map[string]string{"articles/news.txt": "pipe", "articles/folder.txt": "folder"},
			runs: []run{fails("extract", "articles/news.txt"), fails("check", "articles/news.txt"), fails("check", "articles/folder.txt")},
			want: `articles/(news\.txt is a named pipe|folder\.txt is a folder), not a file: give the article's file`,
		},
		{
			// A pattern matches files: a folder named as an article is
			// passed by, as ever.
			name: "folder matched by a pattern",
			put:  map[string]string{"articles/folder.txt": "folder"},
			runs: []run{{[]string{"extract"}, 0}, {[]string{"status"}, 0}},
		},
		{
			name: "glossary",
			put:  map[string]string{"glossary.yaml": "pipe"},
			runs: []run{
				fails("extract"), fails("status"), fails("check"), fails("glossary", "export"),
				fails("glossary", "explain", "Zhakiyanov"), fails("glossary", "suggest"), fails("glossary", "import", "glossary.yaml"),
			},
			want: `glossary\.yaml: cannot read the glossary: it is a named pipe, not a file`,
		},
		{
			name: "glossary folder",
			put:  map[string]string{"glossary.yaml": "folder"},
			runs: []run{fails("check")},
			want: `glossary\.yaml: cannot read the glossary: it is a folder, not a file`,
		},
		{
			name: "glossary given",
			put:  map[string]string{"terms.tbx": "pipe"},
			runs: []run{fails("check", "--glossary", "terms.tbx"), fails("glossary", "import", "terms.tbx")},
			want: `terms\.tbx: cannot read the glossary: it is a named pipe, not a file`,
		},
		{
			name: "glossary device",
			runs: []run{fails("check", "--glossary", os.DevNull)},
			want: `/dev/null: cannot read the glossary: it is a device, not a file`,
		},
		{
			name:   "segmentation rules",
			config: "segmentation: {rules: rules.srx}\n",
			put:    map[string]string{"rules.srx": "pipe"},
			runs:   []run{fails("extract"), fails("status"), fails("check"), fails("merge"), fails("segment", "articles/news.txt")},
			want:   `segmentation\.rules: rules\.srx is a named pipe, not a file: give an SRX file, or builtin`,
		},
		{
			name: "segmentation rules given",
			put:  map[string]string{"rules.srx": "pipe"},
			runs: []run{fails("segment", "--rules", "rules.srx", "articles/news.txt")},
			want: `rules\.srx: cannot read the segmentation rules: it is a named pipe, not a file`,
		},
		{
			name: "handoff file",
			put:  map[string]string{"locales/ru/articles/news.txt.xlf": "pipe"},
			runs: []run{
				fails("extract"), fails("status"), fails("check"), fails("merge"),
				fails("merge", "locales/ru/articles/news.txt.xlf"), fails("check", "locales/ru/articles/news.txt.xlf"),
			},
			want: `locales/ru/articles/news\.txt\.xlf: error: this is a named pipe, not a handoff file: move it away`,
		},
		{
			name:   "source snapshot",
			config: "format: json\n",
			put:    map[string]string{"locales/ru/.loctool/articles/news.txt.xlf": "pipe"},
			runs:   []run{fails("extract"), fails("status"), fails("check"), fails("merge")},
			want:   `locales/ru/\.loctool/articles/news\.txt\.xlf is a named pipe, not a file: move it away: loctool writes it anew`,
		},
		{
			name: "obsolete translations",
			put:  map[string]string{"locales/ru/obsolete.xlf": "pipe"},
			runs: []run{fails("extract")},
			want: `locales/ru/obsolete\.xlf is a named pipe, not a file: move it away`,
		},
		{
			name: "format record",
			put:  map[string]string{"locales/ru/.loctool/format": "pipe"},
			runs: []run{fails("extract")},
			want: `locales/ru/\.loctool/format is a named pipe, not a file: move it away`,
		},
		{
			name: "lock file",
			put:  map[string]string{".loctool.lock": "pipe"},
			runs: []run{fails("extract"), fails("merge"), fails("check", "--fix")},
			want: `\.loctool\.lock is a named pipe, not a file`,
		},
		{
			name: "configuration",
			put:  map[string]string{"config.yaml": "pipe"},
			runs: []run{fails("status"), fails("--config", "config.yaml", "extract"), fails("glossary", "export")},
			want: `config\.yaml is a named pipe, not a file: cannot read the configuration`,
		},
		{
			name: "configuration device",
			runs: []run{fails("--config", os.DevNull, "status")},
			want: `/dev/null is a device, not a file: cannot read the configuration`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeProject(t, map[string][]byte{
				"config.yaml":       []byte("source: en\ntargets: [ru]\narticles: [articles/*.txt]\nglossaries: [glossary.yaml]\n"),
				"glossary.yaml":     []byte("concepts:\n  - id: zhakiyanov\n    type: person\n    source: {ru: Жакиянов}\n    en: Zhakiyanov\n"),
				"articles/news.txt": []byte("Zhakiyanov walks free.\n"),
				"rules.srx":         segment.BuiltinSRX(),
			})
			t.Chdir(dir)
			if tt.config != "" {
				config, err := os.OpenFile("config.yaml", os.O_APPEND|os.O_WRONLY, 0)
				if err != nil {
					t.Fatal(err)
				}
				config.WriteString(tt.config)
				config.Close()
			}
			if code, out := runGuarded(t, "extract"); code != exitOK {
				t.Fatalf("the first extract: exit status %d\n%s", code, out)
			}
			for path, kind := range tt.put {
				putNotAFile(t, path, kind)
			}
			for _, r := range tt.runs {
				code, out := runGuarded(t, r.args...)
				switch {
				case r.code >= 0 && code != r.code:
					t.Errorf("loctool %s: exit status %d, want %d\n%s", strings.Join(r.args, " "), code, r.code, out)
				case r.code < 0 && code == exitOK:
					t.Errorf("loctool %s: exit status 0, want a failure\n%s", strings.Join(r.args, " "), out)
				case r.code < 0 && !regexp.MustCompile(tt.want).MatchString(out):
					t.Errorf("loctool %s:\n%s\nwant a match for %s", strings.Join(r.args, " "), out, tt.want)
				}
			}
		})
	}

	// Outside a project, the files given are read alike.
	t.Run("outside a project", func(t *testing.T) {
		t.Chdir(t.TempDir())
		putNotAFile(t, "pipe.txt", "pipe")
		putNotAFile(t, "pipe.xlf", "pipe")
		putNotAFile(t, "folder.txt", "folder")
		for _, tt := range []struct {
			args []string
			want string
		}{
			{[]string{"check", "pipe.txt"}, `pipe\.txt is a named pipe, not a file: give the article's file`},
			{[]string{"check", "--fix", "pipe.txt"}, `pipe\.txt is a named pipe, not a file`},
			{[]string{"check", "folder.txt"}, `folder\.txt is a folder, not a file`},
			{[]string{"check", os.DevNull}, `/dev/null is a device, not a file`},
			{[]string{"check", "pipe.xlf"}, `pipe\.xlf: error: this is a named pipe, not a file: give the handoff file`},
			{[]string{"glossary", "suggest", "pipe.txt"}, `pipe\.txt is a named pipe, not a file`},
		} {
			code, out := runGuarded(t, tt.args...)
			if code == exitOK || !regexp.MustCompile(tt.want).MatchString(out) {
				t.Errorf("loctool %s: exit status %d\n%s\nwant a failure matching %s", strings.Join(tt.args, " "), code, out, tt.want)
			}
		}
	})
}

// runGuarded runs loctool in the current folder and returns its exit
// code and output, standard output and error together; the test fails at
// once if the command has not returned within 10 s.
func runGuarded(t *testing.T, args ...string) (int, string) {
	t.Helper()
	type result struct {
		code int
		out  string
	}
	done := make(chan result, 1)
	go func() {
		var out bytes.Buffer
		code := run(args, strings.NewReader(""), &out, &out)
		done <- result{code, out.String()}
	}()
	select {
	case r := <-done:
		return r.code, r.out
	case <-time.After(10 * time.Second):
		t.Fatalf("loctool %s has not returned within 10 s: it hangs", strings.Join(args, " "))
		return 0, ""
	}
}

// putNotAFile puts at path, in place of whatever is there, a named pipe
// (kind "pipe"), a folder, or a link to the null device ("null").
func putNotAFile(t *testing.T, path, kind string) {
	t.Helper()
	if err := os.RemoveAll(path); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
		t.Fatal(err)
	}
	var err error
	switch kind {
	case "pipe":
		err = syscall.Mkfifo(path, 0o666)
	case "folder":
		err = os.Mkdir(path, 0o777)
	case "null":
		err = os.Symlink(os.DevNull, path)
	default:
		t.Fatalf("unknown kind %q", kind)
	}
	if err != nil {
		t.Fatal(err)
	}
}
