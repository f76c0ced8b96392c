package prefilter

import (
	"strings"
	"testing"
	"time"

	"github.com/dlclark/regexp2/v2"
	"github.com/dlclark/regexp2/v2/syntax"
)

// rules are breaking rules, in regexp2's syntax, chosen to trip the
// analysis: word boundaries on either side, lookarounds where the scan
// looks, anchors, back references, case folding, empty and
// empty-matching patterns, literal endings and closing quotes.
var rules = [][2]string{
	// before, after
	{`[.?!]+["”»)]*`, `\s+["“«(]*\p{Lu}`},
	{`\b(?i:mr|dr|prof)\.`, `\s`},
	{`\.`, `\s+\bThe`},
	{`\s`, `\bThe`},
	{`\n`, `(?m)^The`},
	{`[.?!]`, `(?=\s)(?<!Mr\.)`},
	{`(?<=\bU\.S)\.`, `\s+[A-Z]`},
	{`^\p{Lu}\w*`, `\s`},
	{`\d`, `$`},
	{`(\w)\1\.`, `\s`},
	{`\b[A-Z]\.`, ``},
	{``, `\n`},
	{``, ``},
	{`[,;]`, `\s*(?:and|but)\b`},
	{`\S?`, `\s{2,}`},
	{`(?:т\.д|т\.п)\.`, `\s+\p{Lu}`},
	{`\p{Ll}{2,3}\.`, `\s+\p{Ll}`},
	{`\s[a-z]\)`, `\s`},
	{`\.`, `\s+(?:\d+\.|[a-z]\))\s`},
	{`[.!?…]+["”»]*`, `\s+(?:[—–-]\s*)?["“«(]*\p{Lu}`},
	{`[。．！？]+["”»)]*`, ``},
	{`(?:Mr|U\.S)\.["”»)]*`, `["”»)]*`},
}

// texts are what the rules are checked on.
var texts = []string{
	"Mr. Smith arrived. He sat down. The end",
	"x. The y\nThe z",
	"“There was no pressure,” he said. “None.” Then: (a) one; b) two. 1. First",
	"aa. bb. CC. Dd. U.S. Army. e.g. this",
	"Указ подписал Н. А. Назарбаев, т.д. Затем ушёл. т.п. Всё",
	"First  second, and third; but fourth 2002\n2003",
	"a\xffb. C\xc0. \n\n• x… Y!» Z",
	"",
	".",
	// Runs of closing quotes longer than the prefilter's window.
	strings.Repeat(`"`, 60) + "。" + strings.Repeat(`"”`, 40) + " A. " + strings.Repeat(")", 50) + " B",
	"Mr." + strings.Repeat("”", 70) + " U.S" + strings.Repeat(`"`, 30) + ".\xff" + strings.Repeat(")", 30),
}

// TestSound checks the prefilter's promises, one rule at a time: wherever
// a breaking rule matches, Positions hands on the position and Candidates
// names the rule, and wherever Candidates is sure, the rule matches.
func TestSound(t *testing.T) {
	for _, r := range rules {
		for _, text := range texts {
			checkSound(t, r[0], r[1], text)
		}
	}
}

// FuzzSound checks the same on any rule and text.
func FuzzSound(f *testing.F) {
	for _, r := range rules {
		f.Add(r[0], r[1], texts[0])
	}
	f.Fuzz(func(t *testing.T, before, after, text string) {
		if len(before)+len(after) > 200 || len(text) > 300 {
			return
		}
		checkSound(t, before, after, text)
	})
}

// checkSound compares the prefilter of one breaking rule with its
// regular expression at every position of text.
func checkSound(t *testing.T, before, after, text string) {
	t.Helper()
	bt, berr := parse(before)
	at, aerr := parse(after)
	if berr != nil || aerr != nil {
		return
	}
	re, err := regexp2.Compile(`\G(?=(?:` + after + `))(?<=(?:` + before + `))`)
	if err != nil {
		return
	}
	re.MatchTimeout = 100 * time.Millisecond
	f := New([]*Rule{NewRule(true, bt, at)})
	positions := map[int]bool{}
	f.Positions(text, func(p int) {
		if p <= 0 || p >= len(text) || positions[p] {
			t.Fatalf("before %q, after %q: Positions(%q) handed on %d out of range or twice", before, after, text, p)
		}
		positions[p] = true
	})
	probe := f.Probe(text)
	runes := []rune(text)
	i := 0 // the rune index of p
	for p := range text {
		if p > 0 {
			i++
		} else {
			continue
		}
		match, err := matchesAt(re, runes, i)
		if err != nil {
			continue // too slow to tell
		}
		named, sure := false, false
		probe.Candidates(p, func(rule int, s bool) bool {
			named, sure = true, s
			return false
		})
		at := strings.ToValidUTF8(text[:p], "?") + "|"
		switch {
		case match && !positions[p]:
			t.Errorf("before %q, after %q: %q matches, but Positions missed it", before, after, at)
		case match && !named:
			t.Errorf("before %q, after %q: %q matches, but Candidates named no rule", before, after, at)
		case sure && !match:
			t.Errorf("before %q, after %q: %q does not match, but Candidates was sure", before, after, at)
		}
	}
}

// parse parses a pattern as segment does, nil for an empty one.
func parse(pattern string) (*syntax.RegexTree, error) {
	if pattern == "" {
		return nil, nil
	}
	return syntax.Parse(pattern, syntax.ParseOptions{})
}

// matchesAt reports whether re matches at rune i of runes.
func matchesAt(re *regexp2.Regexp, runes []rune, i int) (bool, error) {
	found := false
	err := re.FindRunesMatches(runes, i, func(regexp2.MatchView) bool {
		found = true
		return false
	})
	return found, err
}
