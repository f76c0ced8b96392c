package javaregex

import (
	"encoding/xml"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dlclark/regexp2/v2"
	"github.com/loctool/loctool/internal/testtool"
)

// translateOK translates a pattern that must be valid and compiles it.
func translateOK(t *testing.T, java string) (string, *regexp2.Regexp) {
	t.Helper()
	out, err := Translate(java)
	if err != nil {
		t.Fatalf("Translate(%q): %v", java, err)
	}
	re, err := regexp2.Compile(out)
	if err != nil {
		t.Fatalf("Translate(%q) = %q, which regexp2 rejects: %v", java, out, err)
	}
	return out, re
}

func matches(t *testing.T, re *regexp2.Regexp, s string) bool {
	t.Helper()
	ok, err := re.MatchString(s)
	if err != nil {
		t.Fatalf("match %q: %v", s, err)
	}
	return ok
}

// javaCase is a Java pattern with inputs it finds a match in, and inputs
// it finds none in, as java.util.regex does.
type javaCase struct {
	name, java string
	want       string // the translation, when it is worth pinning
	match      []string
	noMatch    []string
}

func runJavaCases(t *testing.T, cases []javaCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, re := translateOK(t, c.java)
			if c.want != "" && out != c.want {
				t.Errorf("Translate(%q) = %q, want %q", c.java, out, c.want)
			}
			for _, s := range c.match {
				if !matches(t, re, s) {
					t.Errorf("%q (from %q) does not match %q", out, c.java, s)
				}
			}
			for _, s := range c.noMatch {
				if matches(t, re, s) {
					t.Errorf("%q (from %q) matches %q", out, c.java, s)
				}
			}
		})
	}
}

// srxPatterns pulls every beforebreak and afterbreak out of an SRX file.
func srxPatterns(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Rules []struct {
			Before string `xml:"beforebreak"`
			After  string `xml:"afterbreak"`
		} `xml:"body>languagerules>languagerule>rule"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var pats []string
	for _, r := range doc.Rules {
		for _, p := range []string{r.Before, r.After} {
			if p != "" {
				pats = append(pats, p)
			}
		}
	}
	return pats
}

func TestTranslateJavaSRXFiles(t *testing.T) {
	dir := filepath.Join(testtool.SharedDir(t), "reference", "segmentation")
	files, err := filepath.Glob(filepath.Join(dir, "*.srx"))
	if err != nil || len(files) != 3 {
		t.Fatalf("want the 3 SRX files in %s, found %v (%v)", dir, files, err)
	}
	for _, f := range files {
		pats := srxPatterns(t, f)
		var failures []string
		for _, p := range pats {
			out, err := Translate(p)
			if err == nil {
				_, err = regexp2.Compile(out)
			}
			if err != nil {
				failures = append(failures, p+": "+err.Error())
			}
		}
		t.Logf("%s: %d patterns, %d translated and compiled", filepath.Base(f), len(pats), len(pats)-len(failures))
		if len(failures) > 0 {
			t.Errorf("%s: %d failures:\n%s", filepath.Base(f), len(failures), strings.Join(failures, "\n"))
		}
	}
}

func TestTranslateJavaFlags(t *testing.T) {
	runJavaCases(t, []javaCase{
		{name: "iu keeps i", java: `(?iu)қазақ`, want: `(?i)қазақ`, match: []string{"ҚАЗАҚ", "Қазақ"}, noMatch: []string{"казак"}},
		{name: "u alone disappears", java: `(?u)x`, want: `x`, match: []string{"x"}},
		{name: "U alone disappears", java: `(?U)x`, want: `x`, match: []string{"x"}},
		{name: "scoped u keeps the group", java: `(?-u:x)y`, want: `(?:x)y`, match: []string{"xy"}},
		{name: "i minus d", java: `(?i-d)a`, want: `(?i)a`, match: []string{"A"}},
		{name: "empty flags disappear", java: `a(?)b(?-)c`, want: `abc`, match: []string{"abc"}},
		{name: "scoped i", java: `(?i:a)b`, want: `(?i:a)b`, match: []string{"Ab"}, noMatch: []string{"AB"}},
		{name: "flags end with their group", java: `(a(?i)b)B`, match: []string{"aBB"}, noMatch: []string{"aBb"}},
		{name: "flags hold past an alternative", java: `(?:x(?i)|ab)`, match: []string{"AB"}},
		{name: "minus i", java: `(?i)a(?-i)b`, want: `(?i)a(?-i)b`, match: []string{"Ab"}, noMatch: []string{"AB"}},
		{name: "m kept", java: `(?m)^b`, want: `(?m)^b`, match: []string{"a\nb"}},
		{name: "comments", java: "(?x) a b # comment\n c", want: `(?x)abc`, match: []string{"abc"}, noMatch: []string{"a bc"}},
		{name: "comments inside a class", java: `(?x)[ a b ]`, match: []string{"b"}, noMatch: []string{" "}},
		{name: "escaped space and hash in comments mode", java: `(?x)a\ \#`, want: `(?x)a\ \#`, match: []string{"a #"}},
		{name: "quoted space in comments mode", java: `(?x)\Qa b\E`, want: `(?x)a\ b`, match: []string{"a b"}},
		{name: "escaped tab in comments mode", java: `(?x)a\tb`, want: `(?x)a\tb`, match: []string{"a\tb"}},
		{name: "comments mode quantifier after space", java: `(?x)a *b`, want: `(?x)a*b`, match: []string{"aab"}},
		{name: "comments mode off again", java: `(?x)a(?-x) b`, want: `(?x)a(?-x) b`, match: []string{"a b"}},
		{name: "U makes POSIX Unicode", java: `(?U)\p{Alpha}`, match: []string{"ж", "a"}, noMatch: []string{"1"}},
		{name: "POSIX is ASCII without U", java: `\p{Alpha}`, match: []string{"a"}, noMatch: []string{"ж"}},
	})
}

func TestTranslateJavaDot(t *testing.T) {
	runJavaCases(t, []javaCase{
		{name: "dot stops at Java line terminators", java: `^.$`, match: []string{"a", "ж", "😀"}, noMatch: []string{"\n", "\r", "\u0085", "\u2028", "\u2029"}},
		{name: "dotall", java: `(?s)^.$`, want: `(?s)^.$`, match: []string{"\n", "\r", "\u2028"}},
		{name: "unix lines", java: `(?d)^.$`, want: `^.$`, match: []string{"\r", "\u2028"}, noMatch: []string{"\n"}},
		{name: "dotall ends with its group", java: `(?:(?s).).`, match: []string{"\na"}, noMatch: []string{"\n\n"}},
		{name: "quantified dot", java: `^.+$`, match: []string{"abc"}, noMatch: []string{"a\rb"}},
	})
}

func TestTranslateJavaQuoting(t *testing.T) {
	runJavaCases(t, []javaCase{
		{name: "quote", java: `\Qa.b*\E+`, want: `a\.b\*+`, match: []string{"a.b**"}, noMatch: []string{"axb"}},
		{name: "quantifier after an empty quote", java: `^x\Q\E*$`, match: []string{"", "xx"}},
		{name: "unterminated quote", java: `\Qa(b`, want: `a\(b`, match: []string{"a(b"}},
		{name: "quote in a class", java: `^[\Q]-[\E]$`, match: []string{"]", "-", "["}, noMatch: []string{"a", "\\"}},
		{name: "quoted char starts a range", java: `^[\Qa\E-c]$`, match: []string{"b"}, noMatch: []string{"-"}},
		{name: "quoted dash is literal", java: `^[a\Q-\Ec]$`, match: []string{"-"}, noMatch: []string{"b"}},
		{name: "quoted backslash", java: `\Q\d\E`, want: `\\d`, match: []string{`\d`}, noMatch: []string{"1"}},
	})
}

func TestTranslateJavaQuantifiers(t *testing.T) {
	runJavaCases(t, []javaCase{
		{name: "possessive star", java: `a*+a`, want: `(?>a*)a`, noMatch: []string{"aaa"}},
		{name: "possessive plus on a group", java: `^(?:ab)++ab`, want: `^(?>(?:ab)+)ab`, noMatch: []string{"ababab"}},
		{name: "possessive optional", java: `^a?+a$`, noMatch: []string{"a"}, match: []string{"aa"}},
		{name: "possessive counted", java: `^a{1,2}+a$`, want: `^(?>a{1,2})a$`, match: []string{"aaa"}, noMatch: []string{"aa"}},
		{name: "possessive exact", java: `a{2}+`, want: `(?>a{2})`, match: []string{"aa"}},
		{name: "possessive open", java: `a{2,}+`, want: `(?>a{2,})`, match: []string{"aaa"}},
		{name: "possessive on a class", java: `^[a-z&&[^x]]*+`, want: `^(?>[a-z-[x]]*)`, match: []string{"ab"}},
		{name: "possessive on an escape", java: `\x41++`, want: `(?>A+)`, match: []string{"AA"}},
		{name: "possessive on the last character only", java: `^ab*+$`, want: `^a(?>b*)$`, match: []string{"abb"}},
		{name: "lazy", java: `^a*?b+?c??d{2,3}?$`, want: `^a*?b+?c??d{2,3}?$`, match: []string{"bdd"}},
		{name: "repetition of nothing", java: `x|{2}a`, want: `x|(?:){2}a`, match: []string{"a"}},
		{name: "repeated repetition", java: `^a{2}{3}$`, match: []string{"aa"}},
		{name: "quantified anchor", java: `^*a`, match: []string{"a"}},
		{name: "comments mode count", java: `(?x)a {2}`, want: `(?x)a{2}`, match: []string{"aa"}},
	})
}

func TestTranslateJavaEscapes(t *testing.T) {
	runJavaCases(t, []javaCase{
		{name: "surrogate pair", java: `^\uD83D\uDE00$`, want: `^\x{1F600}$`, match: []string{"😀"}},
		{name: "lone surrogate", java: `\uD83Da`, match: []string{}, noMatch: []string{"a", "😀a"}},
		{name: "braced hex", java: `^\x{1F600}\x{416}$`, want: `^\x{1F600}\u0416$`, match: []string{"😀Ж"}},
		{name: "short hex", java: `^\x41\xe9$`, want: `^A\xE9$`, match: []string{"Aé"}},
		{name: "unicode", java: `^\u0416\u2026$`, want: `^\u0416\u2026$`, match: []string{"Ж…"}},
		{name: "octal", java: `^\0101\011\07\0400$`, match: []string{"A\t\a 0"}},
		{name: "octal max", java: `^\0377$`, match: []string{"ÿ"}},
		{name: "control", java: `^\cA\c?\cj$`, match: []string{"\x01\x7f*"}},
		{name: "named controls", java: `^\t\n\r\f\a\e$`, want: `^\t\n\r\f\x07\x1B$`, match: []string{"\t\n\r\f\a\x1b"}},
		{name: "horizontal space", java: `^\h\H$`, match: []string{"\u00a0a", "\tb"}, noMatch: []string{"\na", "  "}},
		{name: "vertical space", java: `^\v\V$`, match: []string{"\u2028a", "\x0bb", "\u0085c"}, noMatch: []string{" a", "\n\n"}},
		{name: "linebreak", java: `^\R\z`, match: []string{"\r\n", "\n", "\u2028", "\x0b"}, noMatch: []string{"\n\n", " "}},
		{name: "linebreak gives back", java: `^\R\n$`, match: []string{"\r\n"}},
		{name: "grapheme", java: `^\X$`, want: `^\X$`, match: []string{"é", "e\u0301", "🇰🇿"}},
		{name: "anchors", java: `\Aa\z|\Gb|c\Z`, want: `\Aa\z|\Gb|c\Z`, match: []string{"a", "c\n"}},
		{name: "shorthands pass through", java: `\s\S\w\W\d\D\b\B`, want: `\s\S\w\W\d\D\b\B`},
		{name: "Unicode shorthands", java: `^\w+\s\d$`, match: []string{"қазақ\u00a0٣"}},
		{name: "word boundary around Cyrillic", java: `\bт\.е\.`, match: []string{"см. т.е."}, noMatch: []string{"ст.е."}},
		{name: "escaped metacharacters", java: `\.\*\+\?\|\(\)\[\]\{\}\^\$\\`, want: `\.\*\+\?\|\(\)\[\]\{\}\^\$\\`, match: []string{`.*+?|()[]{}^$\`}},
		{name: "escaped punctuation", java: `^\-\/\"\,\<\'\_\ж$`, want: `^\-\/\"\,<'_ж$`, match: []string{`-/",<'_ж`}},
		{name: "literal braces and brackets", java: `^a}]$`, want: `^a}]$`, match: []string{"a}]"}},
		{name: "backreference", java: `^(a|b)\1$`, want: `^(a|b)\1$`, match: []string{"aa", "bb"}, noMatch: []string{"ab"}},
		{name: "backreference then a digit", java: `^(a)\10$`, want: `^(a)\1(?:)0$`, match: []string{"aa0"}},
		{name: "two-digit backreference", java: `^(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\10$`, match: []string{"abcdefghijj"}, noMatch: []string{"abcdefghija0"}},
		{name: "backreference to a missing group", java: `(a)\2`, want: `(a)(?!)`, noMatch: []string{"aa", "a"}},
		{name: "forward reference", java: `^(?:\1b|(a))+$`, match: []string{"aab"}},
		{name: "named group", java: `^(?<q>["'])x\k<q>$`, want: `^(?<q>["'])x\k<q>$`, match: []string{`"x"`}, noMatch: []string{`"x'`}},
		{name: "numbers count named groups in order", java: `^(?<n>a)(b)\2\1$`, want: `^(?<n>a)(b)\1\k<n>$`, match: []string{"abba"}, noMatch: []string{"abab"}},
		{name: "atomic group", java: `^(?>a+)a`, want: `^(?>a+)a`, noMatch: []string{"aaa"}},
		{name: "lookarounds", java: `(?<=a)b(?=c)(?<!x)(?!y)`, want: `(?<=a)b(?=c)(?<!x)(?!y)`, match: []string{"abc"}},
		{name: "unbounded lookbehind", java: `(?<=[XVI]+)\.`, want: `(?<=[XVI]+)\.`, match: []string{"XIV."}},
		{name: "alternation and groups", java: `^(?:ab|c)(d)$`, want: `^(?:ab|c)(d)$`, match: []string{"cd"}},
	})
}

func TestTranslateJavaErrors(t *testing.T) {
	cases := []struct {
		name, java string
		offset     int
		msg        string
	}{
		{"dangling star", `a**`, 2, "dangling quantifier '*'"},
		{"dangling at start", `*a`, 0, "dangling quantifier '*'"},
		{"dangling after flags", `(?i)+`, 4, "dangling quantifier '+'"},
		{"dangling after bar", `a|?`, 2, "dangling quantifier '?'"},
		{"brace without count", `a{x}`, 1, "illegal repetition '{'"},
		{"brace at start", `{a`, 0, "illegal repetition '{'"},
		{"unclosed count", `a{2`, 1, "unclosed repetition"},
		{"count range reversed", `a{3,2}`, 1, "maximum below its minimum"},
		{"count too large", `a{99999999999}`, 1, "too large"},
		{"unclosed group", `a(b(c)`, 1, "unclosed group"},
		{"unmatched paren", `ab)`, 2, "unmatched ')'"},
		{"unclosed class", `x[ab`, 1, "unclosed character class"},
		{"unclosed nested class", `[a[b]`, 0, "unclosed character class"},
		{"only a bracket", `[]`, 0, "unclosed character class"},
		{"empty class", `[&&]`, 0, "empty character class"},
		{"reversed range", `[z-a]`, 1, "illegal character range z-a"},
		{"range to a class", `[a-\d]`, 1, "a range must end with a single character"},
		{"illegal escape", `a\y`, 1, `illegal escape \y`},
		{"illegal escape in a class", `[\y]`, 1, `illegal escape \y`},
		{"escape E", `\E`, 0, `illegal escape \E`},
		{"lone backslash", `a\`, 1, "lone backslash"},
		{"named character", `\N{LATIN SMALL LETTER A}`, 0, `\N{...} is not supported`},
		{"grapheme boundary", `a\b{g}`, 1, `\b{g} is not supported`},
		{"boundary in a class", `[\b]`, 1, `\b is not allowed inside a character class`},
		{"backreference in a class", `(a)[\1]`, 4, `\1 is not allowed inside a character class`},
		{"unknown property", `\p{Foo}`, 0, `unknown property \p{Foo}`},
		{"script without Is", `x\p{Latin}`, 1, `for the script write \p{IsLatin}`},
		{"block without In", `\p{BasicLatin}`, 0, `for the block write \p{InBasicLatin}`},
		{"unknown block", `\p{InKlingon}`, 0, `unknown property \p{InKlingon}`},
		{"unknown script", `\p{sc=Klingon}`, 0, `unknown property \p{sc=Klingon}`},
		{"unknown key", `\p{age=3.0}`, 0, `unknown property \p{age=3.0}`},
		{"case matters for categories", `\p{lu}`, 0, `unknown property \p{lu}`},
		{"unknown property in a class", `[a\p{Foo}]`, 2, `unknown property \p{Foo}`},
		{"unclosed property", `\p{L`, 0, "unclosed property"},
		{"empty property", `\p{}`, 0, "empty property name"},
		{"property at the end", `\p`, 0, "property name missing"},
		{"bad one-letter property", `\pX`, 0, `unknown property \p{X}`},
		{"k without name", `\kx`, 0, `\k must be followed by <name>`},
		{"k undefined", `\k<x>(?<x>a)`, 0, `\k<x> refers to no group defined before it`},
		{"group name starts with a digit", `(?<1a>x)`, 3, "group name must start with an ASCII letter"},
		{"group name not closed", `(?<ab-c>x)`, 5, "must end with '>'"},
		{"duplicate group name", `(?<a>x)(?<a>y)`, 10, "group name <a> is already defined"},
		{"canonical equivalence", `(?ic)a`, 3, "flag c (canonical equivalence) is not supported"},
		{"comment group", `(?#note)a`, 2, "unknown group construct"},
		{"python group", `(?P<n>a)`, 2, "unknown group construct"},
		{"two minus signs", `(?i-m-s)a`, 5, "unknown group construct"},
		{"short hex", `\x4`, 0, "illegal hexadecimal escape"},
		{"empty braced hex", `\x{}`, 0, "illegal hexadecimal escape"},
		{"hex too big", `\x{110000}`, 0, "above 10FFFF"},
		{"short unicode", `\u12`, 0, "illegal unicode escape"},
		{"octal without digits", `\08`, 0, "illegal octal escape"},
		{"control at the end", `\c`, 0, `\c must be followed by a character`},
		{"invalid UTF-8", "ab\xff", 2, "not valid UTF-8"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, err := Translate(c.java)
			var perr *Error
			if !errors.As(err, &perr) {
				t.Fatalf("Translate(%q) = %q, %v; want a *Error", c.java, out, err)
			}
			if perr.Offset != c.offset || !strings.Contains(perr.Msg, c.msg) {
				t.Errorf("Translate(%q): %v; want offset %d and %q", c.java, err, c.offset, c.msg)
			}
			if m := perr.Msg; m != strings.ToLower(m[:1])+m[1:] || strings.HasSuffix(m, ".") {
				t.Errorf("message %q should start in lower case and have no final period", m)
			}
			if want := "at offset "; !strings.HasPrefix(err.Error(), want) {
				t.Errorf("Error() = %q, want it to start with %q", err.Error(), want)
			}
		})
	}
}

// FuzzTranslateJava checks that no input panics, and that whatever is
// translated compiles: the translator rejects what Java rejects.
func FuzzTranslateJava(f *testing.F) {
	for _, s := range []string{
		`\p{Lu}`, `[a-z&&[^aeiou]]`, `[\p{L}&&[^\p{IsLatin}]]`, `[^a[^b]]`, `(?iu)\bт\.е\.`, `a*+b{2,3}+`,
		`\Qa.b\E`, `[\Q]\E-z]`, `(?x) a # c` + "\n" + `[ b ]`, `(?<n>a)(b)\2\k<n>\10`, `\uD83D\uDE00\x{1F600}\0101\cA`,
		`\h\H\v\V\R\X`, `(?s).(?d).`, `\p{InCyrillic}\P{javaWhitespace}`, `(?<=[a-z&&[b[^a-c]]])1`, `[\v-\r]`,
		`(?U)\p{Alpha}`, `{2}`, `\b{g}`, `[a-\d]`, `(?c)`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, java string) {
		out, err := Translate(java)
		if err != nil {
			var perr *Error
			if !errors.As(err, &perr) || perr.Offset < 0 || perr.Offset > len(java) {
				t.Fatalf("Translate(%q): %v, want a *Error inside the pattern", java, err)
			}
			return
		}
		re, err := regexp2.Compile(out)
		if err != nil {
			t.Fatalf("Translate(%q) = %q, which regexp2 rejects: %v", java, out, err)
		}
		re.MatchTimeout = 100 * time.Millisecond
		_, _ = re.MatchString("aЖ1 .\r\n😀") // must not panic
	})
}
