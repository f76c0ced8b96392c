package javaregex

import (
	"strings"
	"testing"
)

func TestTranslateJavaClasses(t *testing.T) {
	runJavaCases(t, []javaCase{
		{name: "plain", java: `[a-c]`, want: `[a-c]`, match: []string{"b"}, noMatch: []string{"d"}},
		{name: "negated", java: `[^a-c]`, want: `[^a-c]`, match: []string{"d"}, noMatch: []string{"b"}},
		{name: "nested union", java: `^[a-c[x-z]]$`, want: `^[a-cx-z]$`, match: []string{"b", "y"}, noMatch: []string{"m", "["}},
		{name: "intersection with a negated class", java: `^[a-z&&[^aeiou]]$`, want: `^[a-z-[aeiou]]$`, match: []string{"b", "z"}, noMatch: []string{"a", "e", "B"}},
		{name: "intersection with a plain class", java: `^[a-z&&[def]]$`, match: []string{"e"}, noMatch: []string{"a", "x"}},
		{name: "intersection without brackets", java: `^[a-z&&d-f]$`, match: []string{"e"}, noMatch: []string{"a"}},
		{name: "letters but not upper case", java: `^[\p{L}&&[^\p{Lu}]]$`, match: []string{"ж", "қ", "a"}, noMatch: []string{"Ж", "Қ", "A", "1"}},
		{name: "letters but not Latin", java: `^[\p{L}&&[^\p{IsLatin}]]$`, want: `^[\p{L}-[\p{Latin}]]$`, match: []string{"ж", "қ", "Ә"}, noMatch: []string{"z", "é", "1"}},
		{name: "three operands", java: `^[a-z&&[b-y]&&[^c]]$`, match: []string{"b", "y"}, noMatch: []string{"a", "c", "z"}},
		{name: "and binds loosest", java: `^[ab&&bc]$`, match: []string{"b"}, noMatch: []string{"a", "c"}},
		{name: "negation covers the intersection", java: `^[^a-z&&[^aeiou]]$`, match: []string{"a", "1", "Ж"}, noMatch: []string{"b"}},
		{name: "union with a negated part", java: `^[a[^b]]$`, match: []string{"a", "c", "ж"}, noMatch: []string{"b"}},
		{name: "negated union with a negated part", java: `^[^a[^b]]$`, match: []string{"b"}, noMatch: []string{"a", "c"}},
		{name: "complement inside a class", java: `^[\P{Lu}1]$`, match: []string{"a", "1", "-"}, noMatch: []string{"Ж"}},
		{name: "complemented shorthand and a digit", java: `^[\W\d]$`, match: []string{"5", "-"}, noMatch: []string{"a", "ж"}},
		{name: "negated complemented shorthand", java: `^[^\W\d]$`, want: `^[\w-[\d]]$`, match: []string{"a", "ж", "_"}, noMatch: []string{"5", "-"}},
		{name: "word but not digit", java: `^[\w&&[^\d]]$`, want: `^[\w-[\d]]$`, match: []string{"a", "ж"}, noMatch: []string{"7"}},
		{name: "close bracket first", java: `^[]a]$`, want: `^[\]a]$`, match: []string{"]", "a"}, noMatch: []string{"b"}},
		{name: "negated close bracket first", java: `^[^]a]$`, match: []string{"b"}, noMatch: []string{"]", "a"}},
		{name: "literal brackets", java: `^[\[\]]+$`, want: `^[\[\]]+$`, match: []string{"[]"}, noMatch: []string{"a"}},
		{name: "trailing dash", java: `^[a-]$`, want: `^[a\-]$`, match: []string{"-", "a"}, noMatch: []string{"b"}},
		{name: "dash before a nested class", java: `^[a-[z]]$`, match: []string{"a", "-", "z"}, noMatch: []string{"b"}},
		{name: "range ending in a dash", java: `^[*--]$`, want: `^[*-\x2D]$`, match: []string{"+", "-"}, noMatch: []string{"a", "."}},
		{name: "range starting with a dash", java: `^[\--/]$`, want: `^[\x2D-/]$`, match: []string{".", "-", "/"}, noMatch: []string{","}},
		{name: "caret not first", java: `^[a^]$`, want: `^[a^]$`, match: []string{"^"}},
		{name: "empty operand", java: `^[a&&]$`, match: []string{"a"}},
		{name: "quantifier on a union", java: `^[^a-z&&[^aeiou]]{2}$`, match: []string{"a1", "ee"}, noMatch: []string{"ab", "a"}},
		{name: "quantifier on an intersection", java: `^[a-z&&[b[^a-c]]]{2}$`, match: []string{"bz", "db"}, noMatch: []string{"ab", "bc", "b"}},
		{name: "case-insensitive intersection", java: `(?i)^[a-z&&[^aeiou]]$`, match: []string{"B", "b"}, noMatch: []string{"E", "e", "1"}},
		{name: "case-insensitive complement", java: `(?i)^\P{Lu}$`, match: []string{"1"}, noMatch: []string{"B", "b"}},
		{name: "VT as a range start", java: `^[\v-\r]$`, match: []string{"\v", "\f"}, noMatch: []string{"\n"}},
		{name: "vertical space in a class", java: `^[\v]$`, match: []string{"\n", "\u2028"}, noMatch: []string{" "}},
		{name: "escapes in a class", java: `^[\t\x41\u0416\0101]$`, match: []string{"\t", "A", "Ж"}, noMatch: []string{"B"}},
		{name: "supplementary range", java: `^[\uD83D\uDE00-\uD83D\uDE4F]$`, want: `^[\x{1F600}-\x{1F64F}]$`, match: []string{"😀", "🙏"}, noMatch: []string{"a", "\U0001F650"}},
	})
}

// A class translated to a lookahead and a class must test the one
// character it consumes, also inside a lookbehind, which regexp2 runs
// right to left.
func TestTranslateJavaClassInLookbehind(t *testing.T) {
	runJavaCases(t, []javaCase{
		{name: "subtraction", java: `(?<=[a-z&&[^x]])1`, match: []string{"a1"}, noMatch: []string{"x1", "1"}},
		{name: "lookahead form", java: `(?<=[a-z&&[b[^a-c]]])1`, match: []string{"b1", "z1"}, noMatch: []string{"a1", "c1", "B1", "1"}},
		{name: "lookahead form not the next character", java: `(?<=[a-z&&[b[^a-c]]])d`, match: []string{"bd"}, noMatch: []string{"ad", "cd"}},
		{name: "lookahead form two back", java: `(?<=[a-z&&[b[^a-c]]]q)r`, match: []string{"bqr", "dqr"}, noMatch: []string{"aqr", "cqr", "qr"}},
		{name: "negative lookbehind", java: `(?<![a-z&&[b[^a-c]]])1`, match: []string{"a1", "11", "1"}, noMatch: []string{"b1", "z1"}},
		{name: "case-insensitive lookahead form", java: `(?i)(?<=[a-z&&[^x]])1`, match: []string{"A1"}, noMatch: []string{"X1", "x1"}},
		{name: "union form", java: `(?<=[^a-z&&[^aeiou]])1`, match: []string{"a1", "71"}, noMatch: []string{"b1"}},
		{name: "complement form", java: `(?<=[^a[^b]])1`, match: []string{"b1"}, noMatch: []string{"a1", "c1"}},
	})
	out, _ := translateOK(t, `(?<=[a-z&&[b[^a-c]]])1`)
	if !strings.Contains(out, "(?=") {
		t.Errorf("translation %q does not use the lookahead form this test is for", out)
	}
}
