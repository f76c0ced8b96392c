package main

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/loctool/loctool/internal/testtool"
)

// TestOmegaTReadsExportedMemory is a translator who works in OmegaT 3.6
// with the newsroom's memory: the sample's Russian translation goes into
// loctool's memory, loctool tm export writes it as TMX, and OmegaT,
// with that file in its project's tm/auto folder, translates the
// handoff file with its exact matches. Merged, it is the article the
// committed translation gives.
func TestOmegaTReadsExportedMemory(t *testing.T) {
	omegat := testtool.Require(t, "omegat")
	testtool.Require(t, "java")

	config, gloss, article, handoff, want := sampleProject(t)

	proj := writeProject(t, map[string][]byte{
		"config.yaml": config, "glossary.yaml": gloss, sampleArticle: article,
		"earlier.tmx": translationMemory(t, handoff),
	})
	runLoctool(t, proj, "tm", "import", filepath.Join(proj, "earlier.tmx"))
	exported := filepath.Join(proj, "out", "ru.tmx")
	runLoctool(t, proj, "tm", "export", "--lang", "ru", "-o", exported)
	runLoctool(t, proj, "extract", "--format", "omegat", "--lang", "ru")
	sent := readFile(t, filepath.Join(proj, sampleHandoff))

	returned := translateWithOmegaT(t, omegat, filepath.Base(sampleHandoff), sent, readFile(t, exported))
	if bytes.Equal(returned, sent) {
		t.Fatalf("OmegaT returned the file unchanged: it took nothing from the exported memory")
	}
	writeFile(t, filepath.Join(proj, sampleHandoff), returned)
	runLoctool(t, proj, "merge")
	if got := readFile(t, filepath.Join(proj, sampleMerged)); !bytes.Equal(got, want) {
		t.Errorf("the article merged from OmegaT's file differs from the one merged from %s: %s", sampleHandoff, firstDifference(got, want))
	}
}
