package main

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/loctool/loctool/internal/testtool"
	"github.com/loctool/loctool/xliff"
)

// The sample article of the repository and its committed Russian handoff
// file, which holds a complete translation.
const (
	sampleArticle = "articles/ablyazov-amnesty.txt"
	sampleHandoff = "locales/ru/articles/ablyazov-amnesty.txt.xlf"
	sampleMerged  = "build/ru/articles/ablyazov-amnesty.txt" // output: build in config.yaml
)

// omegatTimeout bounds one run of OmegaT; a run takes a few seconds.
const omegatTimeout = 2 * time.Minute

// TestOmegaTRoundTrip is the round trip of a translator who works in
// OmegaT 3.6: loctool extract --format omegat writes the untranslated
// handoff file, OmegaT translates it (from a translation memory holding
// the sample's Russian translation), and loctool merge builds the Russian
// article from the file OmegaT returns. That article must be, byte for
// byte, the one loctool merge builds from the committed Russian handoff
// file.
func TestOmegaTRoundTrip(t *testing.T) {
	omegat := testtool.Require(t, "omegat")
	testtool.Require(t, "java") // the omegat launcher runs java from PATH

	config, gloss, article, handoff, want := sampleProject(t)

	// What is sent to the translator: the article, with no Russian
	// translation yet, extracted for OmegaT. Every target holds a copy of
	// its source, which is what OmegaT translates.
	proj := writeProject(t, map[string][]byte{"config.yaml": config, "glossary.yaml": gloss, sampleArticle: article})
	runLoctool(t, proj, "extract", "--format", "omegat", "--lang", "ru")
	sent := readFile(t, filepath.Join(proj, sampleHandoff))

	// The translator's OmegaT project, with the Russian translation in its
	// translation memory, translates the file.
	returned := translateWithOmegaT(t, omegat, filepath.Base(sampleHandoff), sent, translationMemory(t, handoff))
	if bytes.Equal(returned, sent) {
		t.Fatalf("OmegaT returned the file unchanged: it translated nothing")
	}

	// The translator's returned file replaces the one sent, and is merged.
	writeFile(t, filepath.Join(proj, sampleHandoff), returned)
	runLoctool(t, proj, "merge")
	got := readFile(t, filepath.Join(proj, sampleMerged))

	if !bytes.Equal(got, want) {
		t.Errorf("the article merged from OmegaT's file differs from the one merged from %s: %s",
			sampleHandoff, firstDifference(got, want))
	}
}

// sampleProject returns the files of the repository's sample project:
// its config.yaml, glossary, article and committed Russian handoff file,
// and the Russian article that handoff file merges into.
func sampleProject(t *testing.T) (config, gloss, article, handoff, merged []byte) {
	t.Helper()
	repo := filepath.Join("..", "..")
	config = readRepoFile(t, repo, "config.yaml")
	gloss = readRepoFile(t, repo, "glossary.yaml")
	article = readRepoFile(t, repo, sampleArticle)
	handoff = readRepoFile(t, repo, sampleHandoff)
	expected := writeProject(t, map[string][]byte{
		"config.yaml": config, "glossary.yaml": gloss, sampleArticle: article, sampleHandoff: handoff,
	})
	runLoctool(t, expected, "merge")
	return config, gloss, article, handoff, readFile(t, filepath.Join(expected, sampleMerged))
}

// runLoctool runs loctool, in process, on the project whose config.yaml is
// in dir, and fails the test unless it succeeds.
func runLoctool(t *testing.T, dir string, args ...string) {
	t.Helper()
	args = append([]string{"--config", filepath.Join(dir, "config.yaml")}, args...)
	var stdout, stderr bytes.Buffer
	if code := run(args, strings.NewReader(""), &stdout, &stderr); code != exitOK {
		t.Fatalf("loctool %s: exit status %d\nstdout:\n%s\nstderr:\n%s",
			strings.Join(args, " "), code, stdout.String(), stderr.String())
	}
	t.Logf("loctool %s:\n%s", strings.Join(args, " "), stdout.String())
}

// translationMemory returns a TMX 1.4 file that translates each source
// segment of the XLIFF handoff file by its target segment, as a
// translator's memory of earlier work would.
func translationMemory(t *testing.T, handoff []byte) []byte {
	t.Helper()
	f, _, err := xliff.Read(bytes.NewReader(handoff), sampleHandoff)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
 <header creationtool="loctool-test" creationtoolversion="1" segtype="sentence" o-tmf="loctool" adminlang="en" srclang="` + f.SourceLang.String() + `" datatype="plaintext"/>
 <body>
`)
	seen := map[string]string{}
	for _, u := range f.Units {
		for _, s := range u.Segments() {
			if !s.IsTranslated() {
				t.Fatalf("%s: segment %s/%s has no translation", sampleHandoff, u.ID, s.ID)
			}
			if len(s.Source.Codes()) > 0 {
				t.Fatalf("%s: segment %s/%s has inline codes; this translation memory holds text only", sampleHandoff, u.ID, s.ID)
			}
			src, tgt := s.Source.PlainText(), s.Target.PlainText()
			if prev, ok := seen[src]; ok {
				if prev != tgt {
					t.Fatalf("%s: %q is translated both as %q and as %q", sampleHandoff, src, prev, tgt)
				}
				continue
			}
			seen[src] = tgt
			fmt.Fprintf(&b, "  <tu>\n   <tuv xml:lang=%q><seg>%s</seg></tuv>\n   <tuv xml:lang=%q><seg>%s</seg></tuv>\n  </tu>\n",
				f.SourceLang.String(), escapeXML(t, src), f.TargetLang.String(), escapeXML(t, tgt))
		}
	}
	b.WriteString(" </body>\n</tmx>\n")
	return b.Bytes()
}

// omegatProject is the omegat.project of an OmegaT 3.6 project that
// translates English into Russian, with OmegaT's sentence segmentation on,
// as a translator would have it. scripts/bench-workflow.sh uses it too.
const omegatProject = "testdata/omegat/omegat.project"

// translateWithOmegaT sets up an OmegaT project with the file name (its
// content data) to translate and the translation memory tmx, runs OmegaT
// (the program omegat) without a display to translate it with the memory's
// exact matches, and returns the translated file OmegaT writes.
func translateWithOmegaT(t *testing.T, omegat, name string, data, tmx []byte) []byte {
	t.Helper()
	proj := omegatProjectWith(t, map[string][]byte{
		"source/" + name: data,
		"tm/auto/ru.tmx": tmx, // tm/auto: OmegaT applies its exact matches
	})
	runOmegaT(t, omegat, proj, "--mode=console-translate")
	return readFile(t, filepath.Join(proj, "target", name))
}

// omegatProjectWith writes an OmegaT project holding files, named by
// slash-separated paths, and returns its folder.
func omegatProjectWith(t *testing.T, files map[string][]byte) string {
	t.Helper()
	files["omegat.project"] = readFile(t, omegatProject)
	proj := writeProject(t, files)
	for _, dir := range []string{"source", "target", "tm", "glossary", "dictionary", "omegat"} {
		if err := os.MkdirAll(filepath.Join(proj, dir), 0o777); err != nil {
			t.Fatal(err)
		}
	}
	return proj
}

// runOmegaT runs OmegaT (the program omegat) without a display on the
// project proj, in the console mode args give, with a configuration of
// its own, and fails the test unless it succeeds.
func runOmegaT(t *testing.T, omegat, proj string, args ...string) {
	t.Helper()
	home, configDir := tempDir(t), tempDir(t)
	ctx, cancel := context.WithTimeout(t.Context(), omegatTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, omegat, append([]string{proj, "--config-dir=" + configDir}, args...)...)
	cmd.Env = append(os.Environ(), "HOME="+home)
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	start := time.Now()
	err := cmd.Run()
	if ctx.Err() != nil {
		err = fmt.Errorf("%w (timed out after %v)", err, omegatTimeout)
	}
	// OmegaT exits with status 0 even when a mode fails: it says
	// "Finished" when it did not.
	if err != nil || !strings.Contains(output.String(), "Finished") {
		t.Fatalf("OmegaT %s failed: %v\nOmegaT's output:\n%s", strings.Join(args, " "), err, withoutPluginLines(output.String()))
	}
	t.Logf("OmegaT %s took %v; its output, without the plugins it loaded:\n%s",
		strings.Join(args, " "), time.Since(start).Round(time.Millisecond), withoutPluginLines(output.String()))
}

// withoutPluginLines drops from OmegaT's output the hundred lines that
// list the plugins it loads.
func withoutPluginLines(s string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(s, "\n") {
		if !strings.Contains(line, "Plugin successfully loaded") {
			b.WriteString(line)
		}
	}
	return b.String()
}

// writeProject writes files, named by slash-separated paths, into a new
// temporary folder and returns it.
func writeProject(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := tempDir(t)
	for name, data := range files {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), data)
	}
	return dir
}

// tempDir is a temporary folder, removed after the test, whose path has
// no white space: the omegat launcher passes its arguments on unquoted.
// When the test's own temporary folder has some, it is made in /tmp.
func tempDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if !strings.ContainsAny(dir, " \t") {
		return dir
	}
	dir, err := os.MkdirTemp("/tmp", "loctool-omegat-")
	if err != nil {
		t.Fatalf("a folder without spaces for OmegaT: %v", err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o666); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func readRepoFile(t *testing.T, repo, name string) []byte {
	t.Helper()
	return readFile(t, filepath.Join(repo, filepath.FromSlash(name)))
}

func escapeXML(t *testing.T, s string) string {
	t.Helper()
	var b strings.Builder
	if err := xml.EscapeText(&b, []byte(s)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// firstDifference describes the first line where got and want differ.
func firstDifference(got, want []byte) string {
	g, w := strings.SplitAfter(string(got), "\n"), strings.SplitAfter(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d is\n%q\nwant\n%q", i+1, gl, wl)
		}
	}
	return fmt.Sprintf("%d bytes, want %d", len(got), len(want))
}
