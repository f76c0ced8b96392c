package project

import (
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/i18njson"
)

// jsonMessages decodes a JSON handoff file as loctool writes it.
func jsonMessages(t *testing.T, data string) map[string]map[string]string {
	t.Helper()
	var msgs map[string]map[string]string
	if err := json.Unmarshal([]byte(data), &msgs); err != nil {
		t.Fatal(err)
	}
	return msgs
}

func encodeMessages(t *testing.T, msgs map[string]map[string]string) string {
	t.Helper()
	data, err := json.MarshalIndent(msgs, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// translateJSON translates each message whose source the dictionary has.
func translateJSON(t *testing.T, data string, dict map[string]string) string {
	t.Helper()
	msgs := jsonMessages(t, data)
	for _, m := range msgs {
		if tr, ok := dict[m["other"]]; ok {
			m["other"] = tr
		}
	}
	return encodeMessages(t, msgs)
}

const (
	lead    = "The president signed an order on May 13."
	freed   = "Ablyazov is free."
	quote   = "He thanked his lawyers."
	sceptic = "Others were sceptical of the court."
)

var kazakh = map[string]string{
	"Ablyazov Walks Free":  "Әблязов бостандықта",
	lead:                   "Президент 13 мамырда жарлыққа қол қойды.",
	freed:                  "Әблязов бостан.",
	quote:                  "Ол адвокаттарына алғыс айтты.",
	sceptic:                "Басқалары сотқа күмәнмен қарады.",
	"Breaking: the court.": "Шұғыл: сот.",
}

// A JSON file returned after the article changed, its paragraphs moved
// down by a new one and a sentence edited, is read against the version
// it was made for: each translation stays on its own sentence, the one
// whose sentence changed is held back, and extract carries them all to
// the file of the article as it is.
func TestJSONReturnedAfterChange(t *testing.T) {
	v1 := "Ablyazov Walks Free\n\n" + lead + " " + freed + "\n\n" + quote + " " + sceptic + "\n"
	p := newProject(t, map[string]string{"articles/news.txt": v1})
	kk := ExtractOptions{Langs: []language.Tag{language.Kazakh}}
	extract(t, p, kk)
	rel := "locales/kk/articles/news.txt.json"
	sent := read(t, p, rel)
	returned := translateJSON(t, sent, kazakh)

	// Before the translator returns the file, the article changes: a
	// paragraph comes first, and a sentence is edited.
	v2 := "Ablyazov Walks Free\n\nBreaking: the court.\n\n" + lead + " " + freed + "\n\n" + quote + " " + strings.Replace(sceptic, "sceptical", "doubtful", 1) + "\n"
	write(t, p, "articles/news.txt", v2)
	extract(t, p, kk)
	if read(t, p, rel) == sent {
		t.Fatal("extract did not rewrite the JSON file after the article changed")
	}
	write(t, p, rel, returned)

	_, report, err := p.Merge(MergeOptions{Handoffs: []string{rel}, Missing: MissingSource})
	if err != nil {
		t.Fatal(err)
	}
	mf := report.Files[0]
	if mf.Translated != 4 || mf.Stale != 1 || mf.Missing != 1 {
		t.Errorf("merge: %d translated, %d stale, %d missing; want 4, 1, 1\n%v", mf.Translated, mf.Stale, mf.Missing, mf.Diagnostics)
	}
	plan, _, err := p.Merge(MergeOptions{Handoffs: []string{rel}, Missing: MissingSource})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := plan.Apply(p.Root); err != nil {
		t.Fatal(err)
	}
	want := "Әблязов бостандықта\n\nBreaking: the court.\n\n" + kazakh[lead] + " " + kazakh[freed] + "\n\n" + kazakh[quote] + " Others were doubtful of the court.\n"
	if got := read(t, p, "build/kk/articles/news.txt"); got != want {
		t.Errorf("merged:\n%s\nwant:\n%s", got, want)
	}

	// extract carries each translation to its sentence in the new file:
	// the edited one for review.
	report2 := extract(t, p, kk)
	if c := report2.Files[0].Carried; c.Kept != 4 || c.Review != 1 || c.New != 1 || c.Obsolete != 0 {
		t.Errorf("extract carried %+v", c)
	}
	now := jsonMessages(t, read(t, p, rel))
	for id, want := range map[string]string{
		"b1.s1": kazakh["Ablyazov Walks Free"],
		"b2.s1": "Breaking: the court.",
		"b3.s1": kazakh[lead], "b3.s2": kazakh[freed],
		"b4.s1": kazakh[quote], "b4.s2": kazakh[sceptic],
	} {
		if got := now[id]["other"]; got != want {
			t.Errorf("after extract, %s is %q, want %q", id, got, want)
		}
	}
}

// A file whose hashes name no version the snapshot keeps, and whose
// message IDs stand for other sentences now, is refused: nobody can tell
// which sentence each translation is for. Without hashes, the translator
// says they are for the article as it is.
func TestJSONUnknownVersion(t *testing.T) {
	v1 := "Ablyazov Walks Free\n\n" + lead + " " + freed + "\n"
	p := newProject(t, map[string]string{"articles/news.txt": v1})
	kk := ExtractOptions{Langs: []language.Tag{language.Kazakh}}
	extract(t, p, kk)
	rel := "locales/kk/articles/news.txt.json"
	sent := read(t, p, rel)
	write(t, p, "articles/news.txt", "Breaking: the court.\n\n"+v1)
	extract(t, p, kk)
	current := read(t, p, rel)

	// A tool refreshed every hash: the SHA-1 of its own description and
	// text.
	refreshed := jsonMessages(t, translateJSON(t, sent, kazakh))
	for _, m := range refreshed {
		h := sha1.Sum([]byte(m["description"] + m["other"]))
		m["hash"] = "sha1-" + hex.EncodeToString(h[:])
	}
	// Its IDs are those of the first version only: it is of that one,
	// and its translations, on their own sentences, are for review.
	write(t, p, rel, encodeMessages(t, refreshed))
	f, _, err := p.readHandoff(rel, language.Kazakh)
	if err != nil {
		t.Fatal(err)
	}
	if s := f.Units[1].Segments()[1]; s.Source.PlainText() != freed || s.Target.PlainText() != kazakh[freed] || s.State != handoff.NeedsReview {
		t.Errorf("the refreshed file of the first version: b2.s2 is %q → %q, %s", s.Source.PlainText(), s.Target.PlainText(), s.State)
	}
	// Without b2.s2, it may be of either version, whose b1.s1 and b2.s1
	// differ: refused.
	delete(refreshed, "b2.s2")
	write(t, p, rel, encodeMessages(t, refreshed))
	_, report, err := p.Merge(MergeOptions{Handoffs: []string{rel}})
	if err != nil {
		t.Fatal(err)
	}
	if !report.Failed() || !hasRule(report.Files[0].Diagnostics, diag.HandoffAmbiguous) {
		t.Fatalf("a file of refreshed hashes after the article changed: %v", report.Files[0].Diagnostics)
	}
	if _, _, err := p.readHandoff(rel, language.Kazakh); !errors.Is(err, i18njson.ErrAmbiguous) {
		t.Errorf("read: %v, want ErrAmbiguous", err)
	}
	// extract leaves the file as it is.
	plan, er, err := p.Extract(kk)
	if err != nil {
		t.Fatal(err)
	}
	if er.Files[0].Err == nil || len(plan.Writes) != 0 {
		t.Errorf("extract of the ambiguous file: %v, %d writes", er.Files[0].Err, len(plan.Writes))
	}

	// Without hashes, the translations are for the article as it is,
	// unless it lacks the file's IDs and an earlier version has them.
	unhashed := jsonMessages(t, translateJSON(t, sent, kazakh))
	for _, m := range unhashed {
		delete(m, "hash")
	}
	write(t, p, rel, encodeMessages(t, unhashed))
	if f, _, err := p.readHandoff(rel, language.Kazakh); err != nil || f.Units[1].Segments()[1].Source.PlainText() != freed {
		t.Errorf("the file as sent, without hashes: %v", err)
	}
	delete(unhashed, "b2.s2")
	write(t, p, rel, encodeMessages(t, unhashed))
	if f, _, err := p.readHandoff(rel, language.Kazakh); err != nil || f.Units[1].Segments()[0].Source.PlainText() != "Ablyazov Walks Free" {
		t.Errorf("the file as sent, without hashes and b2.s2: %v", err)
	}
	unhashed = jsonMessages(t, translateJSON(t, current, kazakh))
	for _, m := range unhashed {
		delete(m, "hash")
	}
	write(t, p, rel, encodeMessages(t, unhashed))
	if f, _, err := p.readHandoff(rel, language.Kazakh); err != nil || f.Units[0].Segments()[0].Target.PlainText() != kazakh["Breaking: the court."] {
		t.Errorf("the current file, without hashes: %v", err)
	}

	// Messages of two versions in one file are refused.
	mixed := jsonMessages(t, current)
	old := jsonMessages(t, sent)
	mixed["b2.s1"] = old["b2.s1"] // "The president…" as sent, now b3
	write(t, p, rel, encodeMessages(t, mixed))
	if _, _, err := p.readHandoff(rel, language.Kazakh); !errors.Is(err, i18njson.ErrAmbiguous) || !strings.Contains(err.Error(), "mixes") {
		t.Errorf("a file of two versions: %v", err)
	}
}

// The snapshot's history keeps earlier versions, but not beyond
// keptVersions, and not one whose messages are the current one's; it is
// written only when the messages change, and goes with the JSON file.
func TestSnapshotHistory(t *testing.T) {
	p := newProject(t, map[string]string{"articles/news.txt": news})
	kk := ExtractOptions{Langs: []language.Tag{language.Kazakh}}
	earlier := func() int {
		h, err := p.loadHandoff("locales/kk/articles/news.txt.json", language.Kazakh, false)
		if err != nil {
			t.Fatal(err)
		}
		versions, err := h.earlier()
		if err != nil {
			t.Fatal(err)
		}
		return len(versions)
	}
	hist := p.historyDir("articles/news.txt", language.Kazakh)
	files := func() string {
		vs, err := p.versions("articles/news.txt", language.Kazakh)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, v := range vs {
			names = append(names, path.Base(v.rel))
		}
		return strings.Join(names, " ")
	}
	extract(t, p, kk)
	extract(t, p, kk)
	if n := earlier(); n != 0 || exists(t, p, hist) {
		t.Errorf("after two extracts of one article: %d earlier versions", n)
	}
	for i := range keptVersions + 3 {
		write(t, p, "articles/news.txt", news+strings.Repeat("More.\n\n", i+1))
		extract(t, p, kk)
		if n, want := earlier(), min(i+1, keptVersions); n != want {
			t.Errorf("after %d changes: %d earlier versions, want %d", i+1, n, want)
		}
	}
	if got := files(); !strings.HasPrefix(got, "000013-") || strings.Count(got, ".xlf") != keptVersions {
		t.Errorf("the history holds %s", got)
	}
	// Translations change the snapshot, not its history.
	before := files()
	rel := "locales/kk/articles/news.txt.json"
	write(t, p, rel, strings.Replace(read(t, p, rel), `"other": "More."`, `"other": "Тағы."`, -1))
	extract(t, p, kk)
	if got := files(); got != before {
		t.Errorf("a translation changed the history: %s, was %s", got, before)
	}
	// The article as it was before its last change comes back: its
	// version leaves the history, which keeps the one it replaces.
	write(t, p, "articles/news.txt", news+strings.Repeat("More.\n\n", keptVersions+2))
	extract(t, p, kk)
	if got := files(); strings.Count(got, ".xlf") != keptVersions || !strings.HasPrefix(got, "000014-") || strings.Contains(got, strings.Fields(before)[0]) {
		t.Errorf("after a version came back, the history holds %s, was %s", got, before)
	}
	extract(t, p, ExtractOptions{Langs: kk.Langs, Format: XLIFF12})
	if files() != "" || exists(t, p, p.sourcePath("articles/news.txt", language.Kazakh)) {
		t.Errorf("the snapshot or its history stayed after the file went XLIFF: %s", files())
	}
}

func exists(t *testing.T, p *Project, rel string) bool {
	t.Helper()
	_, err := os.Stat(filepath.Join(p.Root, filepath.FromSlash(rel)))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	return err == nil
}

func hasRule(ds []diag.Diagnostic, rule string) bool {
	for _, d := range ds {
		if d.Rule == rule {
			return true
		}
	}
	return false
}

// extract writes a JSON file's source snapshot, and its history before
// it, before the file: a run cut short between them (were the journal
// lost too) leaves the old file beside the new history, which still
// reads it, and the next extract carries every translation.
func TestJSONSnapshotWrittenAlone(t *testing.T) {
	v1 := "Ablyazov Walks Free\n\n" + lead + " " + freed + "\n\n" + quote + " " + sceptic + "\n"
	rel := "locales/kk/articles/news.txt.json"
	kk := ExtractOptions{Langs: []language.Tag{language.Kazakh}}
	// Cut short after the history, or after the snapshot too.
	for n := 1; n <= 2; n++ {
		p := newProject(t, map[string]string{"articles/news.txt": v1})
		extract(t, p, kk)
		write(t, p, rel, translateJSON(t, read(t, p, rel), kazakh))
		write(t, p, "articles/news.txt", "Breaking: the court.\n\n"+strings.Replace(v1, "sceptical", "doubtful", 1))
		plan, _, err := p.Extract(kk)
		if err != nil {
			t.Fatal(err)
		}
		hist, snap := p.historyDir("articles/news.txt", language.Kazakh), p.sourcePath("articles/news.txt", language.Kazakh)
		var paths []string
		for _, w := range plan.Writes {
			paths = append(paths, w.Path)
		}
		if len(paths) < 3 || path.Dir(paths[0]) != hist || paths[1] != snap || paths[2] != rel {
			t.Fatalf("the plan does not write the history, the snapshot and the file first, in that order: %q", paths)
		}
		first := Plan{Writes: plan.Writes[:n]}
		if _, err := first.Apply(p.Root); err != nil {
			t.Fatal(err)
		}
		if _, err := p.loadHandoff(rel, language.Kazakh, false); err != nil {
			t.Errorf("after the first %d writes: %v", n, err)
		}
		report := extract(t, p, kk)
		if c := report.Files[0].Carried; c.Kept != 4 || c.Review != 1 || c.New != 1 || c.Obsolete != 0 {
			t.Errorf("extract after the first %d writes carried %+v", n, c)
		}
	}
}
