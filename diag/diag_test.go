package diag

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestString(t *testing.T) {
	for _, tc := range []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{File: "a.xlf", Start: Position{3, 7}, Severity: Error, Message: "m", Rule: TargetStale}, "a.xlf:3:7: error: m [target.stale]"},
		{Diagnostic{File: "a.xlf", Start: Position{3, 0}, Severity: Warning, Message: "m"}, "a.xlf:3: warning: m"},
		{Diagnostic{File: "a.xlf", Severity: Info, Message: "m", Rule: "r"}, "a.xlf: info: m [r]"},
	} {
		if got := tc.d.String(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}

func TestText(t *testing.T) {
	var b bytes.Buffer
	ds := []Diagnostic{
		{File: "a.txt", Start: Position{1, 2}, Severity: Error, Message: "m", Rule: SpellingVariant, Hint: `write "X"`},
		{File: "b.txt", Severity: Warning, Message: "n", Rule: SpellingInconsistent},
	}
	if err := (Text{}).Format(&b, Report{Diagnostics: ds}); err != nil {
		t.Fatal(err)
	}
	want := "a.txt:1:2: error: m [spelling.variant]\n\thint: write \"X\"\nb.txt: warning: n [spelling.inconsistent]\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := (Text{Colour: true}).Format(&b, Report{Diagnostics: ds[:1]}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\x1b[1;31merror:\x1b[0m m") {
		t.Errorf("no colour: %q", b.String())
	}
}

// JSON keeps its field order, leaves out what is unknown, and reads back.
func TestJSON(t *testing.T) {
	d := Diagnostic{File: "a.xlf", Start: Position{13, 112}, Severity: Error, Message: "m", Rule: TargetMissing}
	data, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"file":"a.xlf","line":13,"column":112,"severity":"error","message":"m","rule":"target.missing","hint":""}`; string(data) != want {
		t.Errorf("got %s\nwant %s", data, want)
	}
	full := Diagnostic{File: "a.txt", Start: Position{1, 2}, End: Position{1, 9}, Severity: Warning, Message: "m", Rule: SpellingVariant,
		Hint: "h", Found: "f", Suggestion: "s", Concept: "c", Unit: "b1", Segment: "s1",
		Fixes: []Fix{{Message: "fix", Edits: []Edit{{Start: 1, End: 8, NewText: "s"}}}}}
	data, err = json.Marshal(full)
	if err != nil {
		t.Fatal(err)
	}
	var back Diagnostic
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(back) != fmt.Sprint(full) {
		t.Errorf("read back %+v\nwant %+v", back, full)
	}
	var b bytes.Buffer
	if err := (JSON{}).Format(&b, Report{}); err != nil || b.String() != "[]\n" {
		t.Errorf("no diagnostics: %q, %v", b.String(), err)
	}
	// Written a diagnostic at a time, the array is what encoding/json
	// writes of it whole, indented, with & < > as they are.
	ds := []Diagnostic{d, full, {File: "<b&c>.md", Message: "\"q\" \u2028 \xff \x01 Жакиянов", Rule: SpellingInconsistent, Severity: Warning}}
	for n := range len(ds) + 1 {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(append([]Diagnostic{}, ds[:n]...)); err != nil {
			t.Fatal(err)
		}
		b.Reset()
		if err := (JSON{}).Format(&b, Report{Diagnostics: ds[:n]}); err != nil || b.String() != want.String() {
			t.Errorf("%d diagnostics: %v\n%s\nwant\n%s", n, err, b.String(), want.String())
		}
	}
}

type located struct{ d Diagnostic }

func (l located) Error() string          { return l.d.Message }
func (l located) Diagnostic() Diagnostic { return l.d }

func TestFromError(t *testing.T) {
	at := Diagnostic{File: "x.xlf", Start: Position{2, 3}, Severity: Error, Rule: HandoffSyntax, Message: "bad"}
	got := FromError("f.xlf", HandoffRead, errors.Join(located{at}, errors.New("plain")))
	want := []Diagnostic{at, {File: "f.xlf", Severity: Error, Rule: HandoffRead, Message: "plain"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if FromError("f", "r", nil) != nil {
		t.Error("no error, no diagnostic")
	}
}

func TestRules(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules {
		if seen[r.ID] {
			t.Errorf("%s listed twice", r.ID)
		}
		seen[r.ID] = true
		if r.Default.Rank() == 0 || len(r.Commands) == 0 || r.Description == "" {
			t.Errorf("%s is incomplete: %+v", r.ID, r)
		}
	}
	if ids := SettableIDs(); ids[0] != SpellingVariant || ids[len(ids)-1] != ConsistencySource || slices.Contains(ids, HandoffSyntax) || slices.Contains(ids, TargetMissing) {
		t.Errorf("settable: %v", ids)
	}
	if !Match("target.*", TargetStale) || Match("target.*", TermTarget) {
		t.Error("Match")
	}
}

func TestApplyEdits(t *testing.T) {
	src := []byte("Jakiyanov met Jakiyanov in Kazakstan.")
	edits := []Edit{
		{Start: 27, End: 36, NewText: "Kazakhstan", Old: "Kazakstan"},
		{Start: 0, End: 9, NewText: "Zhakiyanov", Old: "Jakiyanov"},
		{Start: 5, End: 9, NewText: "x"},                             // overlaps the one before
		{Start: 14, End: 23, NewText: "Zhakiyanov", Old: "Galymjan"}, // not there
	}
	got, made := ApplyEdits(src, edits)
	if string(got) != "Zhakiyanov met Jakiyanov in Kazakhstan." || len(made) != 2 || made[0].Start != 0 {
		t.Errorf("got %q, edits %v", got, made)
	}
	if got, made := ApplyEdits(src, nil); string(got) != string(src) || made != nil {
		t.Errorf("no edits: %q, %v", got, made)
	}
}
