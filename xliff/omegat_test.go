package xliff

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/internal/testtool"
)

// omegatProject is an OmegaT 3.6 project that translates English into
// Russian, with sentence segmentation, as translators have it.
const omegatProject = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>en</source_lang>
    <target_lang>ru</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneRussianTokenizer</target_tok>
    <sentence_seg>true</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
`

// omegatMemory translates two sentences of the file OmegaT gets, and
// what loctool keeps beside them: were OmegaT to take the source of an
// <alt-trans>, a glossary's term or an origin for text to translate, it
// would translate them too.
const omegatMemory = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
 <header creationtool="loctool-test" creationtoolversion="1" segtype="sentence" o-tmf="loctool" adminlang="en" srclang="en" datatype="plaintext"/>
 <body>
  <tu><tuv xml:lang="en"><seg>He left.</seg></tuv><tuv xml:lang="ru"><seg>Он ушёл прочь.</seg></tuv></tu>
  <tu><tuv xml:lang="en"><seg>Gone.</seg></tuv><tuv xml:lang="ru"><seg>Пропало.</seg></tuv></tu>
  <tu><tuv xml:lang="en"><seg>He was freed on Sunday.</seg></tuv><tuv xml:lang="ru"><seg>Его освободили в воскресенье.</seg></tuv></tu>
  <tu><tuv xml:lang="en"><seg>Ablyazov</seg></tuv><tuv xml:lang="ru"><seg>АБЛЯЗОВ</seg></tuv></tu>
  <tu><tuv xml:lang="en"><seg>articles/old news.md</seg></tuv><tuv xml:lang="ru"><seg>статьи/старые новости.md</seg></tuv></tu>
 </body>
</tmx>
`

// TestOmegaT has OmegaT 3.6 translate an XLIFF 1.2 file with every field
// loctool keeps beside the segments (a kind as restype, translations
// kept for review as <alt-trans>, glossary entries and an origin as
// context groups): it must translate the file as it translates any, and
// give back those elements as they were. The translations kept for
// review, which OmegaT saves unchanged, must still read for review.
func TestOmegaT(t *testing.T) {
	omegat := testtool.Require(t, "omegat")
	testtool.Require(t, "java") // the omegat launcher runs java from PATH

	f := fieldsFile()
	b2s2, o1 := f.Units[1].Segments()[1], f.Units[3].Segments()[0]
	b2s2.Target, b2s2.State = nil, handoff.New
	o1.Target = nil
	sent := write(t, f, WriteOptions{Version: Version12, PrefillTargets: true})

	dir := t.TempDir()
	if strings.ContainsAny(dir, " \t") { // the omegat launcher passes its arguments on unquoted
		var err error
		if dir, err = os.MkdirTemp("/tmp", "loctool-omegat-"); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.RemoveAll(dir) })
	}
	for name, data := range map[string]string{
		"omegat.project":    omegatProject,
		"source/fields.xlf": string(sent),
		"tm/auto/ru.tmx":    omegatMemory, // tm/auto: OmegaT applies its exact matches
	} {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	for _, sub := range []string{"target", "glossary", "dictionary", "omegat", "home", "config"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o777); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, omegat, dir, "--mode=console-translate", "--config-dir="+filepath.Join(dir, "config"))
	cmd.Env = append(os.Environ(), "HOME="+filepath.Join(dir, "home"))
	out, err := cmd.CombinedOutput()
	returned, readErr := os.ReadFile(filepath.Join(dir, "target", "fields.xlf"))
	if err != nil || readErr != nil {
		t.Fatalf("OmegaT did not translate the file: %v %v\n%s", err, readErr, out)
	}

	got, _, err := Read(bytes.NewReader(returned), "fields.xlf")
	if err != nil {
		t.Fatalf("%v\n%s", err, returned)
	}
	want, _, err := Read(bytes.NewReader(sent), "fields.xlf")
	if err != nil {
		t.Fatal(err)
	}
	b2s2, o1 = want.Units[1].Segments()[1], want.Units[3].Segments()[0]
	b2s2.Target, o1.Target = inline.Text("Он ушёл прочь."), inline.Text("Пропало.")
	if d := diffFiles(got, want); d != "" {
		t.Errorf("OmegaT's file reads otherwise than the one sent, translated: %s\n%s", d, returned)
	}
	// The translations kept for review, which OmegaT saves as they were
	// in a unit whose target says state="new", are still to review.
	for _, u := range []int{1, 2} {
		if s := got.Units[u].Segment("s1"); s.State != handoff.NeedsReview || s.Was != f.Units[u].Segment("s1").Was {
			t.Errorf("%s.s1, kept for review, reads %v, was %q", got.Units[u].ID, s.State, s.Was)
		}
	}
	for _, s := range []string{`restype="x-list-item"`, `<alt-trans mid="s1" alttranstype="previous-version" origin="loctool"><source>He was freed on Sunday.</source>`,
		`<context-group purpose="x-loctool-glossary">`, `<context context-type="sourcefile">articles/old news.md</context>`} {
		if !bytes.Contains(returned, []byte(s)) {
			t.Errorf("OmegaT dropped %s:\n%s", s, returned)
		}
	}
}
