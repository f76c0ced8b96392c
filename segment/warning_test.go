package segment

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/internal/testtool"
)

// cascadeSRX is laid out as OmegaT's rules are: the exceptions of a
// language first, then the rules that break, for every language.
const cascadeSRX = `<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
  <header%s></header>
  <body>
    <languagerules>
      <languagerule languagerulename="English">
        <rule break="no"><beforebreak>\bMr\.</beforebreak><afterbreak>\s</afterbreak></rule>
      </languagerule>
      <languagerule languagerulename="Default">
        <rule break="yes"><beforebreak>\.</beforebreak><afterbreak>\s</afterbreak></rule>
      </languagerule>
    </languagerules>
    <maprules>
      <languagemap languagepattern="EN.*" languagerulename="English"/>
      <languagemap languagepattern=".*" languagerulename="Default"/>
    </maprules>
  </body>
</srx>
`

const washington = "Mr. Smith went to Washington. He arrived on Monday."

// A header without cascade is read as OmegaT reads its own rules: every
// matching map applies, with a warning at the header. cascade="yes" and
// "no" are read as they say, without one.
func TestCascadeMissing(t *testing.T) {
	for _, tc := range []struct {
		name, header string
		cascade      bool
		want         []string
		warnings     []string
	}{
		{"missing", "", true, []string{"Mr. Smith went to Washington.", "He arrived on Monday."}, []string{
			`omegat.srx:3:3: warning: the header has no cascade attribute, which SRX 2.0 requires: every language map that matches applies its rules, in order, as OmegaT reads its own rules (Okapi applies only the first) [srx.cascade]`}},
		{"yes", ` cascade="yes"`, true, []string{"Mr. Smith went to Washington.", "He arrived on Monday."}, nil},
		// The English map alone decides: no rule breaks.
		{"no", ` segmentsubflows="yes" cascade="no"`, false, []string{washington}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := ParseSRX(strings.NewReader(strings.Replace(cascadeSRX, "%s", tc.header, 1)), "omegat.srx")
			if err != nil {
				t.Fatal(err)
			}
			if r.Cascade != tc.cascade {
				t.Errorf("cascade %v, want %v", r.Cascade, tc.cascade)
			}
			if got := warningStrings(r); !slices.Equal(got, tc.warnings) {
				t.Errorf("warnings:\n got %q\nwant %q", got, tc.warnings)
			}
			s, err := New(r, language.MustParse("en-US"))
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Split(washington); !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// An SRX 1.0 file has no cascade attribute to leave out: its first
// matching map decides, without a warning.
func TestCascadeSRX10(t *testing.T) {
	for _, root := range []string{
		`<srx xmlns="http://www.lisa.org/srx10" version="1.0">`,
		`<srx version="1.0">`,
		`<srx xmlns="http://www.lisa.org/srx10">`,
	} {
		srx := strings.Replace(strings.Replace(cascadeSRX, "%s", "", 1), `<srx xmlns="http://www.lisa.org/srx20" version="2.0">`, root, 1)
		r, err := ParseSRX(strings.NewReader(srx), "old.srx")
		if err != nil {
			t.Fatal(err)
		}
		if r.Cascade || len(r.Warnings) != 0 {
			t.Errorf("%s: cascade %v, warnings %v", root, r.Cascade, r.Warnings)
		}
	}
}

// OmegaT 3.6 ships its rules with <header></header>: the shared copy, a
// later OmegaT's, says cascade="yes". Without it, the rules still cut
// English as OmegaT does, where before they made no sentence at all.
func TestOmegaTRulesWithoutCascade(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testtool.SharedDir(t), "reference", "segmentation", "omegat_defaultRules.srx"))
	if err != nil {
		t.Fatal(err)
	}
	const header = `<header cascade="yes"></header>`
	if !bytes.Contains(data, []byte(header)) {
		t.Fatalf("omegat_defaultRules.srx has no %s", header)
	}
	for _, tc := range []struct {
		name     string
		data     []byte
		warnings []string
	}{
		{"as shared", data, nil},
		{"as OmegaT 3.6 ships it", bytes.Replace(data, []byte(header), []byte(`<header></header>`), 1), []string{
			`omegat_defaultRules.srx:34:1: warning: the header has no cascade attribute, which SRX 2.0 requires: every language map that matches applies its rules, in order, as OmegaT reads its own rules (Okapi applies only the first) [srx.cascade]`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := ParseSRX(bytes.NewReader(tc.data), "omegat_defaultRules.srx")
			if err != nil {
				t.Fatal(err)
			}
			if got := warningStrings(r); !slices.Equal(got, tc.warnings) {
				t.Errorf("warnings:\n got %q\nwant %q", got, tc.warnings)
			}
			s, err := New(r, language.English)
			if err != nil {
				t.Fatal(err)
			}
			for text, want := range map[string][]string{
				washington: {"Mr. Smith went to Washington.", "He arrived on Monday."},
				// OmegaT 3.6 takes St. for an abbreviation: one segment.
				"Dr. Watson met Prof. Moriarty at 5 p.m. on Baker St. They talked.": {
					"Dr. Watson met Prof. Moriarty at 5 p.m. on Baker St. They talked."},
				"He paid $3.50 for it. Then he left.": {"He paid $3.50 for it.", "Then he left."},
			} {
				if got := s.Split(text); !slices.Equal(got, want) {
					t.Errorf("got %q, want %q", got, want)
				}
			}
		})
	}
}

// okapiOptionsSRX sets every Okapi option, each to the value loctool does
// not honour, over several lines, with a '>' in a value before them.
const okapiOptionsSRX = `<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" xmlns:okpsrx="http://okapi.sf.net/srx-extensions" version="2.0">
<header segmentsubflows="yes" cascade="yes">
<okpsrx:options okpsrx:note="a > b" oneSegmentIncludesAll="yes" trimLeadingWhitespaces="no"
	trimTrailingWhitespaces='no' useJavaRegex="no"   useIcu4jBreakRules = "yes"
	treatIsolatedCodesAsWhitespace="yes" colour="blue"/>
<okpsrx:sample language="en">Mr. Holmes is here.</okpsrx:sample>
<okpsrx:rangeRule>[\uE101\uE102\uE103].</okpsrx:rangeRule>
</header>
<body>
<languagerules><languagerule languagerulename="default"><rule break="yes"><beforebreak>\.</beforebreak><afterbreak>\s</afterbreak></rule></languagerule></languagerules>
<maprules><languagemap languagepattern=".*" languagerulename="default"/></maprules>
</body>
</srx>
`

// Each Okapi option set to a value loctool does not honour warns at its
// attribute; a value it honours, or an option left out, does not.
func TestOkapiOptions(t *testing.T) {
	r, err := ParseSRX(strings.NewReader(okapiOptionsSRX), "okapi.srx")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`okapi.srx:4:17: warning: note="a > b" is no option Okapi knows: loctool ignores it, as Okapi does [srx.option]`,
		`okapi.srx:4:37: warning: Okapi option oneSegmentIncludesAll="yes" is not honoured: loctool cuts a text of one sentence as any other, without the white space around it [srx.option]`,
		`okapi.srx:4:65: warning: Okapi option trimLeadingWhitespaces="no" is not honoured: loctool leaves the white space before a sentence out of its segment [srx.option]`,
		`okapi.srx:5:2: warning: Okapi option trimTrailingWhitespaces="no" is not honoured: loctool leaves the white space after a sentence out of its segment [srx.option]`,
		`okapi.srx:5:31: warning: Okapi option useJavaRegex="no" is not honoured: loctool reads the patterns as Java regular expressions, as Okapi has since it dropped ICU's [srx.option]`,
		`okapi.srx:5:51: warning: Okapi option useIcu4jBreakRules="yes" is not honoured: loctool breaks only where the file's rules say, without ICU4J's break rules as defaults for every language [srx.option]`,
		`okapi.srx:6:2: warning: Okapi option treatIsolatedCodesAsWhitespace="yes" is not honoured: loctool matches the rules against the text without its inline codes, where an isolated code is not white space [srx.option]`,
		`okapi.srx:6:39: warning: colour="blue" is no option Okapi knows: loctool ignores it, as Okapi does [srx.option]`,
		`okapi.srx:8:1: warning: Okapi's range rule (okpsrx:rangeRule) is not honoured: loctool's rules may break inside the text it matches, as anywhere else [srx.option]`,
	}
	if got := warningStrings(r); !slices.Equal(got, want) {
		t.Errorf("warnings:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
	for _, w := range r.Warnings {
		if w.Hint == "" {
			t.Errorf("%s: no hint", w)
		}
		if w.Severity != diag.Warning || w.Rule != diag.SRXOption {
			t.Errorf("%s: diagnostic %+v", w, w)
		}
	}
	if len(r.Diagnostics()) != len(r.Warnings) || (*Rules)(nil).Diagnostics() != nil {
		t.Error("Diagnostics does not return the warnings")
	}

	// The values loctool honours, which are also Okapi's defaults but
	// for trimming, warn about nothing; nor does an empty range rule.
	honoured := okapiOptionsSRX
	for _, edit := range [][2]string{
		{`okpsrx:note="a > b" `, ""},
		{`oneSegmentIncludesAll="yes"`, `oneSegmentIncludesAll="no"`},
		{`trimLeadingWhitespaces="no"`, `trimLeadingWhitespaces="yes"`},
		{`trimTrailingWhitespaces='no'`, `trimTrailingWhitespaces='yes'`},
		{`useJavaRegex="no"`, `useJavaRegex="yes"`},
		{`useIcu4jBreakRules = "yes"`, `useIcu4jBreakRules = "no"`},
		{`treatIsolatedCodesAsWhitespace="yes"`, `treatIsolatedCodesAsWhitespace="no"`},
		{` colour="blue"`, ""},
		{`[\uE101\uE102\uE103].`, ""},
	} {
		if !strings.Contains(honoured, edit[0]) {
			t.Fatalf("no %s to replace", edit[0])
		}
		honoured = strings.Replace(honoured, edit[0], edit[1], 1)
	}
	r, err = ParseSRX(strings.NewReader(honoured), "okapi.srx")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Warnings) != 0 {
		t.Errorf("honoured options warn:\n%s", strings.Join(warningStrings(r), "\n"))
	}
}

func warningStrings(r *Rules) []string {
	var out []string
	for _, w := range r.Warnings {
		out = append(out, w.String())
	}
	return out
}

// activeSRX has a rule that Okapi's rules editor turned off, with a
// pattern loctool could not compile, and a header that asks to leave
// subflows whole.
const activeSRX = `<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" xmlns:okpsrx="http://okapi.sf.net/srx-extensions" version="2.0">
<header cascade="yes" segmentsubflows="%s"></header>
<body>
<languagerules>
<languagerule languagerulename="English">
<rule break="no" okpsrx:active="no"><beforebreak>\bWashington\.</beforebreak><afterbreak>\s(?&lt;x</afterbreak></rule>
<rule break="no" okpsrx:active="yes"><beforebreak>\bMr\.</beforebreak><afterbreak>\s</afterbreak></rule>
<rule break="yes"><beforebreak>[.?!]+</beforebreak><afterbreak>\s</afterbreak></rule>
</languagerule>
</languagerules>
<maprules><languagemap languagepattern="en.*" languagerulename="English"/></maprules>
</body>
</srx>
`

// A rule turned off with okpsrx:active="no" is read past, as Okapi reads
// past it, without a warning: it neither stops a break nor fails to
// compile. active="yes" is an ordinary rule.
func TestOkapiInactiveRule(t *testing.T) {
	r, err := ParseSRX(strings.NewReader(strings.Replace(activeSRX, "%s", "yes", 1)), "okapi.srx")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Warnings) != 0 {
		t.Errorf("warnings: %q", warningStrings(r))
	}
	lr, _ := r.LanguageRule("English")
	if len(lr.Rules) != 2 || lr.Rules[0].Before != `\bMr\.` || lr.Rules[0].Pos.Line != 8 {
		t.Errorf("rules: %+v", lr.Rules)
	}
	if err := r.Validate(); err != nil {
		t.Error(err)
	}
	seg, err := New(r, language.English)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Mr. Smith went to Washington.", "He arrived on Monday."}
	if got := seg.Split(washington); !slices.Equal(got, want) {
		t.Errorf("segments %q, want %q", got, want)
	}
}

// segmentsubflows="no" asks to leave the text of attributes and image
// descriptions whole, which loctool cuts as any other: a warning at the
// attribute. "yes", Okapi's default, warns of nothing.
func TestSegmentSubflows(t *testing.T) {
	r, err := ParseSRX(strings.NewReader(strings.Replace(activeSRX, "%s", "no", 1)), "okapi.srx")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`okapi.srx:3:23: warning: segmentsubflows="no" is not honoured: loctool cuts into sentences the text of attributes and image descriptions (alt text, titles), as any other [srx.option]`}
	if got := warningStrings(r); !slices.Equal(got, want) {
		t.Errorf("warnings:\n got %q\nwant %q", got, want)
	}
	if r.SegmentSubflows || r.Warnings[0].Hint == "" {
		t.Errorf("SegmentSubflows %v, hint %q", r.SegmentSubflows, r.Warnings[0].Hint)
	}
}
