package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/gofrs/flock"
	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/text/language"

	"github.com/loctool/loctool/project"
	"github.com/loctool/loctool/segment"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"loctool": main})
}

// TestScripts runs the end-to-end stories in testdata/*.txtar.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata",
		Cmds: map[string]func(*testscript.TestScript, bool, []string){
			"exits": cmdExits,
			"bytes": cmdBytes,
			"lock":  cmdLock,
		},
	})
}

// cmdExits is the script command "exits STATUS COMMAND [ARG...]": it runs
// COMMAND like exec and checks that it exits with STATUS.
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits STATUS COMMAND [ARG...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad status %q", args[0])
	}
	got := 0
	var ee *exec.ExitError
	if err := ts.Exec(args[1], args[2:]...); errors.As(err, &ee) {
		got = ee.ExitCode()
	} else if err != nil {
		ts.Fatalf("exits: %v", err)
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

// cmdBytes is the script command "bytes FILE GO-STRING": it writes the
// bytes of a Go string literal to FILE, for text no txtar file should hold
// (invalid UTF-8, a byte order mark).
func cmdBytes(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: bytes FILE GO-STRING")
	}
	s, err := strconv.Unquote(args[1])
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(s), 0o666))
}

func TestExitCode(t *testing.T) {
	srxErr := &segment.Error{File: "my.srx", Pos: segment.Pos{Line: 3, Col: 5}, Msg: "bad rule"}
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"nil", nil, exitOK},
		{"plain error", errors.New("boom"), exitFailure},
		{"failure", failure(errors.New("boom")), exitFailure},
		{"usage", usageError(errors.New("bad flag")), exitUsage},
		{"wrapped usage", fmt.Errorf("context: %w", usageError(errors.New("bad flag"))), exitUsage},
		{"srx error", srxErr, exitUsage},
		{"wrapped srx error", fmt.Errorf("load: %w", srxErr), exitUsage},
		{"failure wins over srx error", failure(srxErr), exitFailure},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := exitCode(tt.err); got != tt.want {
				t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
			}
		})
	}
}

func TestPrintError(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"plain", errors.New("boom"), "loctool: boom\n"},
		{"hints", usageError(errors.New("bad flag"), "one", "two"),
			"loctool: bad flag\nhint: one\nhint: two\n"},
		{"srx line and column", usageError(&segment.Error{File: "my.srx", Pos: segment.Pos{Line: 3, Col: 5}, Msg: "bad rule"}, "fix it"),
			"my.srx:3:5: error: bad rule\nhint: fix it\n"},
		{"srx line", &segment.Error{File: "my.srx", Pos: segment.Pos{Line: 3}, Msg: "bad rule"},
			"my.srx:3: error: bad rule\n"},
		{"srx file", &segment.Error{File: "my.srx", Msg: "not SRX"},
			"my.srx: error: not SRX\n"},
		{"srx rule and cause", &segment.Error{File: "my.srx", Pos: segment.Pos{Line: 7}, Rule: `rule 2 of "English"`, Msg: "bad regex", Err: errors.New("missing )")},
			"my.srx:7: error: rule 2 of \"English\": bad regex: missing )\n"},
		{"srx without file", &segment.Error{Msg: "no rules"}, "loctool: no rules\n"},
		{"position", failure(&positionError{file: "a.txt", line: 2, col: 4, msg: "invalid UTF-8"}),
			"a.txt:2:4: error: invalid UTF-8\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			printError(&buf, tt.err)
			if got := buf.String(); got != tt.want {
				t.Errorf("printError wrote\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// TestRunUsage checks that what cobra and the commands reject before doing
// anything ends with exit status 2 and a "loctool: " message.
func TestRunUsage(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantStderr string
	}{
		{"unknown command", []string{"segmnt"},
			"loctool: unknown command \"segmnt\" for \"loctool\"\nhint: did you mean 'loctool segment'?\nhint: run 'loctool --help' for a list of commands\n"},
		{"unknown root flag", []string{"--bogus"},
			"loctool: unknown flag: --bogus\nhint: run 'loctool --help' for usage\n"},
		{"unknown segment flag", []string{"segment", "--bogus"},
			"loctool: unknown flag: --bogus\nhint: run 'loctool segment --help' for usage\n"},
		{"flag without value", []string{"segment", "--lang"},
			"loctool: flag needs an argument: --lang\nhint: run 'loctool segment --help' for usage\n"},
		{"too many files", []string{"segment", "a.txt", "b.txt"},
			"loctool: unexpected argument \"b.txt\"\nhint: usage: loctool segment [FILE|-] [flags]\nhint: run 'loctool segment --help' for usage\n"},
		{"bad language", []string{"segment", "--lang", "english!"},
			"loctool: invalid language tag \"english!\" for --lang\nhint: give a BCP 47 language tag, such as --lang ru or --lang kk-Cyrl-KZ\n"},
		{"version argument", []string{"version", "now"},
			"loctool: unexpected argument \"now\"\nhint: usage: loctool version [flags]\nhint: run 'loctool version --help' for usage\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, strings.NewReader(""), &stdout, &stderr)
			if code != exitUsage {
				t.Errorf("exit status %d, want %d", code, exitUsage)
			}
			if got := stderr.String(); got != tt.wantStderr {
				t.Errorf("stderr:\n%s\nwant:\n%s", got, tt.wantStderr)
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout not empty:\n%s", stdout.String())
			}
		})
	}
}

func TestRunNoArgsPrintsHelp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(nil, strings.NewReader(""), &stdout, &stderr); code != exitOK {
		t.Fatalf("exit status %d, want 0; stderr:\n%s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "loctool segment") {
		t.Errorf("help does not list segment:\n%s", stdout.String())
	}
}

func TestSegmentFlags(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want segmentOptions
	}{
		{"defaults", nil, segmentOptions{Lang: language.English, File: "-"}},
		{"file", []string{"a.txt"}, segmentOptions{Lang: language.English, File: "a.txt"}},
		{"stdin", []string{"-"}, segmentOptions{Lang: language.English, File: "-"}},
		{"all flags", []string{"--lang", "kk-Cyrl-KZ", "--rules", "my.srx", "--json", "a.txt"},
			segmentOptions{Lang: language.MustParse("kk-Cyrl-KZ"), LangGiven: true, RulesFile: "my.srx", JSON: true, File: "a.txt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got *segmentOptions
			cmd := newCmdSegment(&ioStreams{}, func(o *segmentOptions) error { got = o; return nil })
			cmd.SetArgs(append([]string{}, tt.args...))
			if err := cmd.Execute(); err != nil {
				t.Fatal(err)
			}
			got.io = nil
			if *got != tt.want {
				t.Errorf("options %+v, want %+v", *got, tt.want)
			}
		})
	}
}

// segment cuts a text as extract does: paragraphs are runs of lines
// between blank ones, and each is cut into sentences.
func TestSegmentParagraphs(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		{"blank", " \n\t\n", nil},
		{"one line", "One.", []string{"One."}},
		{"trailing newline", "One.\n", []string{"One."}},
		{"hard-wrapped", "One\ntwo.\n", []string{"One\ntwo."}},
		{"two", "Title\n\nBody one.\nBody two.\n", []string{"Title", "Body one.", "Body two."}},
		{"blank lines with spaces", "A\n  \n\t\nB", []string{"A", "B"}},
		{"CRLF", "A\r\nB\r\n\r\nC\r\n", []string{"A\nB", "C"}},
		{"indented", "\n\n  A\n", []string{"A"}},
	}
	rules := segment.Builtin()
	seg, err := segment.New(rules, language.English)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := project.Sentences("a.txt", []byte(tt.text), seg, rules)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
				t.Errorf("Sentences(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestOneLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"One.", "One."},
		{"  One. ", "One."},
		{"One\ntwo.", "One two."},
		{"One \n  two.", "One two."},
		{"One\r\ntwo.", "One two."},
		{"One\u2028two.", "One two."},
		{"Keep  double\tspace.", "Keep  double\tspace."},
		{"A  b\n c", "A  b c"},
		{"Sentence.\n", "Sentence."},
	}
	for _, tt := range tests {
		if got := oneLine(tt.in); got != tt.want {
			t.Errorf("oneLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCheckUTF8(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string // the error message, or "" for none
	}{
		{"valid", "Алматы. Астана.\n", ""},
		{"first byte", "\xffabc", "a.txt:1:1: invalid UTF-8: byte 0xff at offset 0"},
		{"later line", "ab\nЖc\xfed", "a.txt:2:3: invalid UTF-8: byte 0xfe at offset 6"},
		{"after BOM", "\ufeffab\xff", "a.txt:1:3: invalid UTF-8: byte 0xff at offset 5"},
		{"truncated", "ab\xd0", "a.txt:1:3: invalid UTF-8: byte 0xd0 at offset 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkUTF8("a.txt", []byte(tt.data))
			got := ""
			if err != nil {
				got = err.Error()
				if exitCode(err) != exitFailure {
					t.Errorf("exit status %d, want %d", exitCode(err), exitFailure)
				}
			}
			if got != tt.want {
				t.Errorf("checkUTF8(%q) = %q, want %q", tt.data, got, tt.want)
			}
		})
	}
}

func TestIsTerminal(t *testing.T) {
	none := func(string) string { return "" }
	if isTerminal(&bytes.Buffer{}, none) {
		t.Error("a buffer is a terminal")
	}
	ci := func(k string) string {
		if k == "CI" {
			return "true"
		}
		return ""
	}
	if isTerminal(os.Stdout, ci) {
		t.Error("stdout is a terminal with CI=true")
	}
}

// cmdLock is the script command "lock FILE" or "! lock FILE": it takes,
// or releases, an operating-system lock on FILE in the test's process,
// as another loctool holding a project's lock would.
func cmdLock(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: [!] lock FILE")
	}
	key := "lock " + ts.MkAbs(args[0])
	if neg {
		if l, ok := locks.LoadAndDelete(key); ok {
			ts.Check(l.(*flock.Flock).Unlock())
		}
		return
	}
	l := flock.New(ts.MkAbs(args[0]))
	ok, err := l.TryLock()
	ts.Check(err)
	if !ok {
		ts.Fatalf("lock: %s is locked already", args[0])
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte("process 4242, loctool merge, since 12:00:00\n"), 0o644))
	locks.Store(key, l)
	ts.Defer(func() { l.Unlock() })
}

// locks holds the scripts' locks.
var locks sync.Map
