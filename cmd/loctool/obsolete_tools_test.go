package main

import (
	"bufio"
	"bytes"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/internal/testtool"
	"github.com/loctool/loctool/xliff"
)

// obsoleteProject is a project whose Russian translations of three
// sentences, translated, signed off and held for review, went to the
// obsolete store when the sentences were removed from their article. It
// returns the project's folder and the store.
func obsoleteProject(t *testing.T) (string, *handoff.File) {
	t.Helper()
	proj := writeProject(t, map[string][]byte{
		"config.yaml":       []byte("source: en\ntargets: [ru]\narticles: [articles/*.txt]\nbuiltin-glossary: false\n"),
		"articles/news.txt": []byte("Ablyazov walks free.\n\nHe thanked his lawyers.\n\nThe court met on Monday.\n\nJournalists were there.\n"),
	})
	runLoctool(t, proj, "extract")
	rel := "locales/ru/articles/news.txt.xlf"
	f, _, err := xliff.Read(bytes.NewReader(readFile(t, filepath.Join(proj, rel))), rel)
	if err != nil {
		t.Fatal(err)
	}
	for i, tr := range []struct {
		target string
		state  handoff.State
	}{
		{"Аблязов на свободе.", handoff.Translated},
		{"Он поблагодарил адвокатов.", handoff.Translated},
		{"Суд собрался в понедельник.", handoff.Reviewed},
		{"Там были журналисты.", handoff.NeedsReview},
	} {
		s := f.Units[i].Segments()[0]
		s.Target, s.State = inline.Text(tr.target), tr.state
	}
	var b bytes.Buffer
	if err := xliff.Write(&b, f, xliff.WriteOptions{Version: xliff.Version12}); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(proj, rel), b.Bytes())
	writeFile(t, filepath.Join(proj, "articles", "news.txt"), []byte("Ablyazov walks free.\n"))
	runLoctool(t, proj, "extract")
	data := readFile(t, filepath.Join(proj, "locales", "ru", "obsolete.xlf"))
	store, v, err := xliff.Read(bytes.NewReader(data), "obsolete.xlf")
	if err != nil {
		t.Fatal(err)
	}
	if v != xliff.Version12 || len(store.Units) != 3 {
		t.Fatalf("the obsolete store is XLIFF %s with %d units, want 1.2 with 3:\n%s", v, len(store.Units), data)
	}
	return proj, store
}

// TestObsoleteStoreInOmegaT opens the obsolete store in OmegaT 3.6, as a
// file of an OmegaT project: OmegaT's XLIFF filter reads XLIFF 1.2, and
// offers the text of each <target> for translation, so its segments are
// the store's translations, and the file it writes back reads as the
// store.
func TestObsoleteStoreInOmegaT(t *testing.T) {
	omegat := testtool.Require(t, "omegat")
	testtool.Require(t, "java") // the omegat launcher runs java from PATH
	proj, store := obsoleteProject(t)

	omegatProj := omegatProjectWith(t, map[string][]byte{
		"source/obsolete.xlf": readFile(t, filepath.Join(proj, "locales", "ru", "obsolete.xlf")),
	})
	tmx := filepath.Join(omegatProj, "pseudo.tmx")
	runOmegaT(t, omegat, omegatProj, "--mode=console-createpseudotranslatetmx", "--pseudotranslatetmx="+tmx, "--pseudotranslatetype=equal")
	var want []string
	for _, u := range store.Units {
		want = append(want, u.Segments()[0].Target.PlainText())
	}
	slices.Sort(want)
	if got := tmxSources(t, readFile(t, tmx)); !slices.Equal(got, want) {
		t.Errorf("OmegaT's segments are %q, want the store's translations %q", got, want)
	}

	runOmegaT(t, omegat, omegatProj, "--mode=console-translate")
	returned := readFile(t, filepath.Join(omegatProj, "target", "obsolete.xlf"))
	back, _, err := xliff.Read(bytes.NewReader(returned), "obsolete.xlf")
	if err != nil {
		t.Fatalf("the store OmegaT wrote: %v\n%s", err, returned)
	}
	for i, u := range back.Units {
		g, w := u.Segments()[0], store.Units[i].Segments()[0]
		if u.ID != store.Units[i].ID || u.Origin != store.Units[i].Origin || !g.Target.Equal(w.Target) || g.State != w.State {
			t.Errorf("OmegaT wrote unit %s of %s %q %v, want %s of %s %q %v", u.ID, u.Origin, g.Target.PlainText(), g.State,
				store.Units[i].ID, store.Units[i].Origin, w.Target.PlainText(), w.State)
		}
	}
}

// TestObsoleteStoreInTranslateToolkit converts the obsolete store to PO
// with Translate Toolkit's xliff2po: each translation is there, and
// fuzzy only when it was held for review.
func TestObsoleteStoreInTranslateToolkit(t *testing.T) {
	xliff2po := testtool.Require(t, "xliff2po")
	proj, store := obsoleteProject(t)
	po := filepath.Join(proj, "obsolete.po")
	if out, err := exec.Command(xliff2po, filepath.Join(proj, "locales", "ru", "obsolete.xlf"), po).CombinedOutput(); err != nil {
		t.Fatalf("xliff2po: %v\n%s", err, out)
	}
	entries := poEntries(t, readFile(t, po))
	for _, u := range store.Units {
		s := u.Segments()[0]
		e, ok := entries[s.Source.PlainText()]
		switch {
		case !ok:
			t.Errorf("no PO entry for %q:\n%s", s.Source.PlainText(), readFile(t, po))
		case e.msgstr != s.Target.PlainText():
			t.Errorf("%q is translated %q in PO, want %q", s.Source.PlainText(), e.msgstr, s.Target.PlainText())
		case e.fuzzy != (s.State == handoff.NeedsReview):
			t.Errorf("%q, %v, is fuzzy %v in PO", s.Source.PlainText(), s.State, e.fuzzy)
		}
	}
}

// poEntry is what a PO file says of a message.
type poEntry struct {
	msgstr string
	fuzzy  bool
}

// poEntries reads the messages of a PO file by their msgid, the header
// left out.
func poEntries(t *testing.T, data []byte) map[string]poEntry {
	t.Helper()
	out := map[string]poEntry{}
	var id, str *string
	var msgid, msgstr string
	fuzzy := false
	flush := func() {
		if msgid != "" {
			out[msgid] = poEntry{msgstr, fuzzy}
		}
		msgid, msgstr, fuzzy, id, str = "", "", false, nil, nil
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		var quoted string
		switch {
		case line == "":
			flush()
			continue
		case strings.HasPrefix(line, "#,"):
			fuzzy = fuzzy || strings.Contains(line, "fuzzy")
			continue
		case strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "msgid "):
			id, str, quoted = &msgid, nil, strings.TrimPrefix(line, "msgid ")
		case strings.HasPrefix(line, "msgstr "):
			id, str, quoted = nil, &msgstr, strings.TrimPrefix(line, "msgstr ")
		case strings.HasPrefix(line, `"`):
			quoted = line
		default:
			t.Fatalf("a PO line this test does not read: %q", line)
		}
		text, err := strconv.Unquote(quoted)
		if err != nil {
			t.Fatalf("PO line %q: %v", line, err)
		}
		switch {
		case id != nil:
			*id += text
		case str != nil:
			*str += text
		}
	}
	flush()
	return out
}
