package main

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/internal/testtool"
	"github.com/loctool/loctool/xliff"
)

// TestTranslateToolkitRoundTrip is the round trip of a translator who
// works in PO files with Translate Toolkit: xliff2po makes a PO file of
// the handoff file, the translator edits it, and pomerge puts the PO
// file's translations back into the handoff file, one per paragraph,
// without segment markers. The sample article has changed since its
// translation: one sentence waits for review. Every confirmed
// translation reaches the PO file as translated, not fuzzy; the one
// for review is fuzzy. The translator corrects it and unfuzzies it,
// and rewrites a paragraph of three sentences; loctool merge publishes
// both, status and check agree that everything is translated, and
// extract keeps the paragraph translations.
func TestTranslateToolkitRoundTrip(t *testing.T) {
	xliff2po := testtool.Require(t, "xliff2po")
	pomerge := testtool.Require(t, "pomerge")

	repo := filepath.Join("..", "..")
	article := strings.Replace(string(readRepoFile(t, repo, sampleArticle)), "signed an order on May 13", "signed an order on May 14", 1)
	proj := writeProject(t, map[string][]byte{
		"config.yaml": readRepoFile(t, repo, "config.yaml"), "glossary.yaml": readRepoFile(t, repo, "glossary.yaml"),
		sampleArticle: []byte(article), sampleHandoff: readRepoFile(t, repo, sampleHandoff),
	})
	runLoctool(t, proj, "extract", "--lang", "ru")
	handoffPath := filepath.Join(proj, sampleHandoff)
	sent := readFile(t, handoffPath)

	// xliff2po: every entry translated, but the sentence that changed.
	po := filepath.Join(t.TempDir(), "ru.po")
	runTool(t, xliff2po, handoffPath, po)
	entries := poBlocks(t, string(readFile(t, po)))
	var fuzzy []string
	for id, e := range entries {
		if strings.Contains(e, "#, fuzzy") {
			fuzzy = append(fuzzy, id)
		}
	}
	if len(fuzzy) != 1 || fuzzy[0] != "b6" {
		t.Fatalf("fuzzy PO entries: %v, want b6 alone, the paragraph whose sentence changed", fuzzy)
	}

	// The translator corrects b6 and unfuzzies it, and rewrites b8, a
	// paragraph of three sentences.
	f, _, err := xliff.Read(bytes.NewReader(sent), sampleHandoff)
	if err != nil {
		t.Fatal(err)
	}
	target := func(id string) string {
		for _, u := range f.Units {
			if u.ID == id {
				c, _ := u.Target(func(s *handoff.Segment) inline.Content { return s.Source })
				return c.PlainText()
			}
		}
		t.Fatalf("no unit %s", id)
		return ""
	}
	b6 := strings.Replace(target("b6"), "13 мая", "14 мая", 1)
	b8 := strings.Replace(target("b8"), "Правозащитные организации заявили", "Правозащитники заявили", 1)
	if b6 == target("b6") || b8 == target("b8") {
		t.Fatalf("the edits change nothing: %q, %q", b6, b8)
	}
	text := string(readFile(t, po))
	for id, tr := range map[string]string{"b6": b6, "b8": b8} {
		e := entries[id]
		edited := strings.Replace(e[:strings.Index(e, "msgstr ")], "#, fuzzy\n", "", 1) + "msgstr " + strconv.Quote(tr)
		text = strings.Replace(text, e, edited, 1)
	}
	writeFile(t, po, []byte(text))

	// pomerge writes them back into the handoff file sent.
	out := filepath.Join(t.TempDir(), "ru.xlf")
	runTool(t, pomerge, "-t", handoffPath, "-i", po, "-o", out)
	returned := readFile(t, out)
	if !bytes.Contains(returned, []byte(`<target state="translated">Правозащитники заявили`)) {
		t.Fatalf("pomerge did not write b8 as one translation of the paragraph:\n%s", returned)
	}
	writeFile(t, handoffPath, returned)

	merged := func() string {
		runLoctool(t, proj, "merge")
		return string(readFile(t, filepath.Join(proj, sampleMerged)))
	}
	got := merged()
	for _, want := range []string{b6, b8} {
		if !strings.Contains(got, want) {
			t.Errorf("the merged article lacks the translator's %q", want)
		}
	}
	agree(t, proj)

	// extract keeps the translations, the paragraphs' whole.
	runLoctool(t, proj, "extract", "--lang", "ru")
	if again := merged(); again != got {
		t.Errorf("merged after extract: %s", firstDifference([]byte(again), []byte(got)))
	}
	agree(t, proj)
}

// agree checks that status counts every sentence of the sample article
// translated in Russian, and that check finds in its handoff file as
// many errors as status says, none of them about a translation's
// standing.
func agree(t *testing.T, proj string) {
	t.Helper()
	_, stdout, _ := loctoolOutput(t, proj, "status", "--json", "--lang", "ru")
	var rows []struct {
		Article                                  string
		Segments, Translated, NeedsReview, Stale int
		Missing, Errors                          int
	}
	if err := json.Unmarshal([]byte(stdout), &rows); err != nil {
		t.Fatalf("status --json: %v\n%s", err, stdout)
	}
	_, found, _ := loctoolOutput(t, proj, "check", filepath.Join(proj, sampleHandoff))
	errs := regexp.MustCompile(`(?m)^.*`+regexp.QuoteMeta(sampleHandoff)+`:.*: error: .*$`).FindAllString(found, -1)
	for _, r := range rows {
		if r.Article != sampleArticle {
			continue
		}
		if r.Segments == 0 || r.Translated != r.Segments || r.NeedsReview+r.Stale+r.Missing != 0 {
			t.Errorf("status: %+v, want every sentence translated", r)
		}
		if r.Errors != len(errs) {
			t.Errorf("status counts %d errors, check finds %d:\n%s", r.Errors, len(errs), found)
		}
	}
	for _, rule := range []string{"target.review", "target.stale", "target.missing", "target.codes", "handoff."} {
		if strings.Contains(found, "["+rule) {
			t.Errorf("check reports %s:\n%s", rule, found)
		}
	}
}

// poBlocks returns the entries of a PO file by their reference ("#:
// b6"), each as its text.
func poBlocks(t *testing.T, po string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, e := range strings.Split(po, "\n\n") {
		if ref, _, ok := strings.Cut(strings.TrimPrefix(e, "#: "), "\n"); ok && strings.HasPrefix(e, "#: ") {
			out[ref] = strings.TrimRight(e, "\n")
		}
	}
	if len(out) == 0 {
		t.Fatalf("no entries in the PO file:\n%s", po)
	}
	return out
}

// runTool runs a tool and fails the test unless it succeeds.
func runTool(t *testing.T, tool string, args ...string) {
	t.Helper()
	if out, err := exec.Command(tool, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", filepath.Base(tool), strings.Join(args, " "), err, out)
	}
}

// loctoolOutput runs loctool on the project in dir and returns its exit
// status and output.
func loctoolOutput(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	args = append([]string{"--config", filepath.Join(dir, "config.yaml")}, args...)
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}
