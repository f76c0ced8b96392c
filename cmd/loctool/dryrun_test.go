package main

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/loctool/loctool/project"
)

// A dry run lists the files a plan removes beside those it writes, and
// --json marks them removed.
func TestDryRunRemovals(t *testing.T) {
	changed := []project.Write{
		{Path: "locales/ru/articles/a.txt.json", Data: []byte("{}\n"), Why: "handoff"},
		{Path: "locales/ru/articles/a.txt.xlf", Why: "handoff in another format", Remove: true},
	}
	var out bytes.Buffer
	dryRun(newIOStreams(bytes.NewReader(nil), &out, &out, os.Getenv), changed)
	want := "would write locales/ru/articles/a.txt.json (handoff, 3 bytes)\nwould remove locales/ru/articles/a.txt.xlf (handoff in another format)\n"
	if out.String() != want {
		t.Errorf("dry run:\n%s\nwant\n%s", out.String(), want)
	}
	data, err := json.Marshal(writtenOf(changed))
	if err != nil {
		t.Fatal(err)
	}
	if want := `[{"path":"locales/ru/articles/a.txt.json","what":"handoff"},{"path":"locales/ru/articles/a.txt.xlf","what":"handoff in another format","removed":true}]`; string(data) != want {
		t.Errorf("--json: %s\nwant %s", data, want)
	}
}
