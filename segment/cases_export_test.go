package segment

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

// casesJSON is allCases as JSON, for tools outside this package, such as
// the comparison with other segmenters in bench/segcompare.
const casesJSON = "testdata/cases.json"

// TestCasesJSON checks that testdata/cases.json holds exactly allCases, so
// the exported copy never drifts from the table; run with -update to
// rewrite it after changing the table.
func TestCasesJSON(t *testing.T) {
	type jsonCase struct {
		Name string   `json:"name"`
		Lang string   `json:"lang"`
		Text string   `json:"text"`
		Want []string `json:"want"`
	}
	all := allCases()
	cases := make([]jsonCase, len(all))
	for i, c := range all {
		cases[i] = jsonCase{c.name, c.lang, c.text, c.want}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // keep "<" and "&" readable in the file
	enc.SetIndent("", "  ")
	if err := enc.Encode(cases); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(casesJSON, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(casesJSON)
	if err != nil {
		t.Fatalf("%v (run go test -run TestCasesJSON -update to create it)", err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("%s differs from the cases; run go test -run TestCasesJSON -update to rewrite it", casesJSON)
	}
}
