package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"

	"github.com/loctool/loctool/internal/testtool"
)

// TestGoi18nRoundTrip is go-i18n's own workflow with the sample article
// in Russian and Kazakh, whose glossary spells names differently in
// each: one English source file, as go-i18n users keep, serves both
// languages. goi18n merge writes their translate files (in JSON, and in
// TOML, its default), the translators fill them, goi18n merge makes
// them active files, and loctool merge builds both articles from them,
// every sentence translated and none held for review. A translate file
// made from a plain English file, without loctool's descriptions, does
// the same; and goi18n merge keeps every message of a file translated
// in loctool's own JSON.
func TestGoi18nRoundTrip(t *testing.T) {
	goi18n := testtool.Require(t, "goi18n")
	repo := filepath.Join("..", "..")
	config := "source: en\ntargets: [ru, kk]\narticles: [" + sampleArticle + "]\nformat: json\nglossaries: [glossary.yaml]\n"
	proj := writeProject(t, map[string][]byte{
		"config.yaml":   []byte(config),
		"glossary.yaml": readRepoFile(t, repo, "glossary.yaml"),
		sampleArticle:   readRepoFile(t, repo, sampleArticle),
	})
	runLoctool(t, proj, "extract")
	handoff := func(lang, ext string) string {
		return filepath.Join(proj, "locales", lang, sampleArticle+ext)
	}
	sent := map[string]map[string]map[string]string{}
	for _, lang := range []string{"ru", "kk"} {
		sent[lang] = readMessages(t, handoff(lang, ".json"))
	}
	n := len(sent["kk"])
	remarks := 0
	for id, m := range sent["kk"] {
		r := sent["ru"][id]
		kkFirst, kkRest, _ := strings.Cut(m["description"], "\n")
		ruFirst, ruRest, _ := strings.Cut(r["description"], "\n")
		if m["hash"] != r["hash"] || kkFirst != ruFirst {
			t.Fatalf("message %s: kk %q %s, ru %q %s: want the same hash and first line in every language", id, m["description"], m["hash"], r["description"], r["hash"])
		}
		if kkRest != ruRest {
			remarks++
		}
	}
	if remarks == 0 {
		t.Fatalf("no message has remarks of its own language: the test shows nothing")
	}

	// The English file: each message's description, as every language
	// has it, and its source. goi18n writes no hash for it.
	english := map[string]map[string]string{}
	plain := map[string]string{}
	for id, m := range sent["ru"] {
		first, _, _ := strings.Cut(m["description"], "\n")
		english[id] = map[string]string{"description": first, "other": m["other"]}
		plain[id] = m["other"]
	}

	for _, tc := range []struct {
		name, format string
		english      any
	}{
		{"json", "json", english},
		{"toml", "", english},
		{"plain English file", "yaml", plain},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ext := "." + tc.format
			if tc.format == "" {
				ext = ".toml" // goi18n's default
			}
			work := t.TempDir()
			writeJSON(t, filepath.Join(work, "active.en.json"), tc.english)
			for _, lang := range []string{"ru", "kk"} {
				writeFile(t, filepath.Join(work, lang+".json"), []byte("{}\n"))
			}
			goi18nMerge(t, goi18n, work, tc.format, "active.en.json", "ru.json", "kk.json")
			// The translators translate every message.
			for _, lang := range []string{"ru", "kk"} {
				name := filepath.Join(work, "translate."+lang+ext)
				msgs := readMessages(t, name)
				if len(msgs) != n {
					t.Fatalf("%s has %d messages, want %d", name, len(msgs), n)
				}
				writeMessages(t, name, translateAll(msgs, lang))
			}
			for _, f := range []string{"active.ru" + ext, "active.kk" + ext} {
				os.Remove(filepath.Join(work, f))
			}
			goi18nMerge(t, goi18n, work, tc.format, "active.en.json", "translate.ru"+ext, "translate.kk"+ext)
			for _, lang := range []string{"ru", "kk"} {
				active := filepath.Join(work, "active."+lang+ext)
				if got := len(readMessages(t, active)); got != n {
					t.Fatalf("goi18n kept %d of %d messages in %s", got, n, active)
				}
				os.Remove(handoff(lang, ".json"))
				os.Remove(handoff(lang, ".toml"))
				os.Remove(handoff(lang, ".yaml"))
				writeFile(t, handoff(lang, ext), readFile(t, active))
			}
			// Every sentence translated, none held for review: merge
			// fails otherwise.
			runLoctool(t, proj, "merge")
			for _, lang := range []string{"ru", "kk"} {
				built := string(readFile(t, filepath.Join(proj, "build", lang, sampleArticle)))
				if got := strings.Count(built, "["+lang+"] "); got != n {
					t.Errorf("build/%s has %d translated sentences, want %d", lang, got, n)
				}
			}
		})
	}

	// A file translated in loctool's own JSON, merged by goi18n with the
	// English file: goi18n keeps every message, its hashes being the
	// English file's.
	t.Run("loctool's file", func(t *testing.T) {
		work := t.TempDir()
		writeJSON(t, filepath.Join(work, "active.en.json"), english)
		writeMessages(t, filepath.Join(work, "kk.json"), translateAll(sent["kk"], "kk"))
		goi18nMerge(t, goi18n, work, "json", "active.en.json", "kk.json")
		if got := len(readMessages(t, filepath.Join(work, "active.kk.json"))); got != n {
			t.Errorf("goi18n kept %d of %d messages", got, n)
		}
		if _, err := os.Stat(filepath.Join(work, "translate.kk.json")); err == nil {
			t.Errorf("goi18n left messages to translate:\n%s", readFile(t, filepath.Join(work, "translate.kk.json")))
		}
	})
}

// goi18nMerge runs goi18n merge in dir, writing in format (goi18n's
// default when empty).
func goi18nMerge(t *testing.T, goi18n, dir, format string, files ...string) {
	t.Helper()
	args := []string{"merge"}
	if format != "" {
		args = append(args, "-format", format)
	}
	cmd := exec.Command(goi18n, append(args, files...)...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("goi18n %s: %v\n%s", strings.Join(cmd.Args[1:], " "), err, out)
	}
}

// translateAll returns the messages with a pseudo-translation of each
// text that keeps its tags: "[kk] " and the text.
func translateAll(msgs map[string]map[string]string, lang string) map[string]map[string]string {
	out := make(map[string]map[string]string, len(msgs))
	for id, m := range msgs {
		c := make(map[string]string, len(m))
		for k, v := range m {
			c[k] = v
		}
		c["other"] = "[" + lang + "] " + m["other"]
		out[id] = c
	}
	return out
}

// writeMessages writes messages in the format of the file's extension,
// as a translator's editor saves them.
func writeMessages(t *testing.T, name string, msgs map[string]map[string]string) {
	t.Helper()
	var b bytes.Buffer
	var err error
	switch filepath.Ext(name) {
	case ".toml":
		err = toml.NewEncoder(&b).Encode(msgs)
	case ".yaml":
		err = yaml.NewEncoder(&b).Encode(msgs)
	default:
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		err = enc.Encode(msgs)
	}
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, name, b.Bytes())
}

// readMessages reads a message file in JSON, TOML or YAML into its
// messages' fields, by ID.
func readMessages(t *testing.T, name string) map[string]map[string]string {
	t.Helper()
	data := readFile(t, name)
	var msgs map[string]map[string]string
	var err error
	switch filepath.Ext(name) {
	case ".toml":
		err = toml.Unmarshal(data, &msgs)
	case ".yaml":
		err = yaml.Unmarshal(data, &msgs)
	default:
		err = json.Unmarshal(data, &msgs)
	}
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return msgs
}

func writeJSON(t *testing.T, name string, v any) {
	t.Helper()
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, name, data)
}
