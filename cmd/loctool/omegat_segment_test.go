package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"html"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/loctool/loctool/internal/testtool"
)

// OmegaT 3.6's own rules, in its jar, have no cascade attribute in their
// header. loctool segment with them cuts the sample article into the
// segments OmegaT makes of it with the same rules, as its pseudo-
// translated memory lists them.
func TestOmegaTSegmentation(t *testing.T) {
	omegat := testtool.Require(t, "omegat")
	testtool.Require(t, "java") // the omegat launcher runs java from PATH
	rules := omegatDefaultRules(t, omegat)
	if !bytes.Contains(rules, []byte("<header></header>")) {
		t.Fatalf("OmegaT's defaultRules.srx has a header other than <header></header>: this test is about one without cascade")
	}
	dir := tempDir(t)
	rulesFile := filepath.Join(dir, "defaultRules.srx")
	writeFile(t, rulesFile, rules)
	article := readRepoFile(t, filepath.Join("..", ".."), sampleArticle)

	// OmegaT's segments, with no segmentation rules of the project's own:
	// its defaults.
	proj := omegatProjectWith(t, map[string][]byte{"source/article.txt": article})
	tmx := filepath.Join(proj, "pseudo.tmx")
	runOmegaT(t, omegat, proj, "--mode=console-createpseudotranslatetmx", "--pseudotranslatetmx="+tmx, "--pseudotranslatetype=equal")
	want := tmxSources(t, readFile(t, tmx))

	var stdout, stderr bytes.Buffer
	args := []string{"segment", "--json", "--rules", rulesFile, "--lang", "en", filepath.Join("..", "..", sampleArticle)}
	if code := run(args, strings.NewReader(""), &stdout, &stderr); code != exitOK {
		t.Fatalf("loctool %s: exit status %d\n%s", strings.Join(args, " "), code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "[srx.cascade]") {
		t.Errorf("no srx.cascade warning:\n%s", stderr.String())
	}
	var sentences []string
	if err := json.Unmarshal(stdout.Bytes(), &sentences); err != nil {
		t.Fatal(err)
	}
	slices.Sort(sentences)
	got := slices.Compact(sentences) // OmegaT's memory holds each once
	if len(want) < 10 || !slices.Equal(got, want) {
		for _, s := range got {
			if !slices.Contains(want, s) {
				t.Errorf("loctool only: %q", s)
			}
		}
		for _, s := range want {
			if !slices.Contains(got, s) {
				t.Errorf("OmegaT only: %q", s)
			}
		}
		t.Fatalf("loctool makes %d segments, OmegaT %d", len(got), len(want))
	}
	t.Logf("%d segments, as OmegaT makes them", len(got))
}

// omegatDefaultRules returns OmegaT's own rules, from the jar that the
// omegat launcher runs.
func omegatDefaultRules(t *testing.T, omegat string) []byte {
	t.Helper()
	launcher := readFile(t, omegat)
	m := regexp.MustCompile(`-jar\s+(\S+\.jar)`).FindSubmatch(launcher)
	if m == nil {
		testtool.Missing(t, omegat+" names no OmegaT.jar (-jar …): install Debian package omegat")
		return nil
	}
	zr, err := zip.OpenReader(string(m[1]))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	f, err := zr.Open("org/omegat/core/segmentation/defaultRules.srx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// tmxSources returns the source segments of a TMX file, sorted.
func tmxSources(t *testing.T, tmx []byte) []string {
	t.Helper()
	var out []string
	for _, tu := range regexp.MustCompile(`(?s)<tu>.*?</tu>`).FindAll(tmx, -1) {
		seg := regexp.MustCompile(`(?s)<seg>(.*?)</seg>`).FindSubmatch(tu)
		if seg == nil {
			t.Fatalf("a translation unit without a segment: %s", tu)
		}
		out = append(out, html.UnescapeString(string(seg[1])))
	}
	slices.Sort(out)
	return slices.Compact(out)
}
