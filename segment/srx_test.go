package segment

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

const goodSRX = `<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" xmlns:x="urn:example" version="2.0">
  <header segmentsubflows="no" cascade="yes">
    <formathandle type="start" include="no"/>
    <formathandle type="end" include="yes"/>
    <x:note lang="en">kept <b>as</b> is</x:note>
  </header>
  <body>
    <languagerules>
      <languagerule languagerulename="English">
        <rule break="no">
          <beforebreak>\bMr\.</beforebreak>
          <afterbreak>\s</afterbreak>
        </rule>
        <rule>
          <beforebreak>[.?!]+</beforebreak>
          <afterbreak>\s+\p{Lu}</afterbreak>
        </rule>
      </languagerule>
    </languagerules>
    <maprules>
      <languagemap languagepattern="EN.*" languagerulename="English"/>
    </maprules>
  </body>
</srx>
`

func TestParseSRX(t *testing.T) {
	r, err := ParseSRX(strings.NewReader(goodSRX), "good.srx")
	if err != nil {
		t.Fatal(err)
	}
	if r.SegmentSubflows || !r.Cascade || r.Version != "2.0" {
		t.Errorf("header: subflows %v cascade %v version %q", r.SegmentSubflows, r.Cascade, r.Version)
	}
	if len(r.FormatHandles) != 2 || r.FormatHandles[1] != (FormatHandle{Type: "end", Include: true}) {
		t.Errorf("formathandles: %+v", r.FormatHandles)
	}
	ext, ok := r.Extension("urn:example", "note")
	if !ok || ext.Text != "kept as is" || ext.Attr("lang") != "en" || ext.Pos != (Pos{6, 5}) {
		t.Errorf("extension: %+v", ext)
	}
	lr, ok := r.LanguageRule("English")
	if !ok || len(lr.Rules) != 2 {
		t.Fatalf("language rule: %+v", lr)
	}
	if got := lr.Rules[0]; got.Break || got.Before != `\bMr\.` || got.Pos != (Pos{11, 9}) || got.BeforePos != (Pos{12, 24}) {
		t.Errorf("rule 1: %+v", got)
	}
	if !lr.Rules[1].Break {
		t.Error("a rule without a break attribute breaks")
	}
	s, err := New(r, language.MustParse("en-GB"))
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Split("Mr. Smith came. He sat."); len(got) != 2 {
		t.Errorf("split: %q", got)
	}
}

func TestParseSRX10(t *testing.T) {
	const srx10 = `<srx version="1.0" xmlns="http://www.lisa.org/srx10"><header/><body>
<languagerules><languagerule languagerulename="All"><rule break="yes"><beforebreak>\.</beforebreak><afterbreak>\s</afterbreak></rule></languagerule></languagerules>
<maprules><maprule maprulename="Default"><languagemap languagepattern=".*" languagerulename="All"/></maprule></maprules>
</body></srx>`
	r, err := ParseSRX(strings.NewReader(srx10), "old.srx")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Maps) != 1 || r.Maps[0].RuleName != "All" {
		t.Errorf("maps: %+v", r.Maps)
	}
}

func TestParseSRXErrors(t *testing.T) {
	for _, tc := range []struct {
		name, srx string
		want      string // the whole message, or its start
	}{
		{"not xml", "hello", "bad.srx:1:1: text before the srx element"},
		{"empty", "", "bad.srx:1:1: the file is empty: an SRX file holds an <srx> element with the rules"},
		{"blank", "\n\n", "bad.srx:3:1: the file is empty"},
		{"only a comment", "<?xml version=\"1.0\"?>\n<!-- no rules -->\n", "bad.srx:3:1: no srx element: this is not an SRX file"},
		{"unclosed", "<srx>\n<header>\n</srx>", "bad.srx:3:"},
		{"wrong root", `<xliff version="1.2"/>`, "bad.srx:1:1: the root element is <xliff>"},
		{"bad break", "<srx><body><languagerules><languagerule languagerulename=\"A\">\n  <rule break=\"maybe\"/>", "bad.srx:2:3: attribute break is \"maybe\", want yes or no"},
		{"bad cascade", `<srx><header cascade="1"/></srx>`, "bad.srx:1:6: attribute cascade is \"1\""},
		{"unknown element", "<srx><body>\n<rules/></body></srx>", "bad.srx:2:1: unexpected element <rules> inside <body>"},
		{"text in rule", "<srx><body><languagerules><languagerule languagerulename=\"A\"><rule>oops</rule>", "bad.srx:1:68: unexpected text \"oops\" inside <rule>"},
		{"two befores", "<srx><body><languagerules><languagerule languagerulename=\"A\"><rule><beforebreak/><beforebreak/>", "bad.srx:1:82: rule has two <beforebreak> elements"},
		{"element in pattern", "<srx><body><languagerules><languagerule languagerulename=\"A\"><rule><beforebreak>a<b/></beforebreak>", "bad.srx:1:82: unexpected element <b> inside <beforebreak>"},
		{"no name", "<srx><body><languagerules><languagerule/>", "bad.srx:1:27: languagerule has no languagerulename"},
		{"duplicate name", "<srx><body><languagerules>\n<languagerule languagerulename=\"A\"/>\n<languagerule languagerulename=\"A\"/>", "bad.srx:3:1: languagerule \"A\" is defined twice (first at line 2)"},
		{"dangling map", "<srx><body><languagerules/><maprules>\n<languagemap languagepattern=\".*\" languagerulename=\"Nope\"/></maprules></body></srx>", "bad.srx:2:1: languagemap refers to languagerule \"Nope\", which is not defined"},
		{"bad formathandle", `<srx><header><formathandle type="middle"/></header></srx>`, "bad.srx:1:14: formathandle type is \"middle\""},
		{"eof in rules", "<srx><body><languagerules>", "bad.srx:1:27: the file ends in the middle of the XML: it was cut short"},
		{"bad entity", "<srx><body><languagerules><languagerule languagerulename=\"A&bogus;\"/>", "bad.srx:1:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseSRX(strings.NewReader(tc.srx), "bad.srx")
			if err == nil {
				t.Fatal("no error")
			}
			var se *Error
			if !errors.As(err, &se) {
				t.Fatalf("%v is not a *segment.Error", err)
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("got  %s\nwant %s…", err, tc.want)
			}
		})
	}
}

func TestRuleErrors(t *testing.T) {
	srx := strings.Replace(goodSRX, `<beforebreak>[.?!]+</beforebreak>`, `<beforebreak>[.?!+</beforebreak>`, 1)
	r, err := ParseSRX(strings.NewReader(srx), "rules.srx")
	if err != nil {
		t.Fatal(err)
	}
	_, err = New(r, language.English)
	var se *Error
	if !errors.As(err, &se) {
		t.Fatalf("got %v, want a *segment.Error", err)
	}
	if se.File != "rules.srx" || se.Pos != (Pos{16, 24}) || se.Rule != `rule 2 of "English"` {
		t.Errorf("got %+v", se)
	}
	if !strings.HasPrefix(err.Error(), `rules.srx:16:24: rule 2 of "English": beforebreak "[.?!+"`) {
		t.Errorf("message: %s", err)
	}
	if verr := r.Validate(); verr == nil || !strings.Contains(verr.Error(), "rules.srx:16:24") {
		t.Errorf("Validate: %v", verr)
	}
}

func TestBuiltinRulesValid(t *testing.T) {
	if err := Builtin().Validate(); err != nil {
		t.Fatal(err)
	}
	if _, err := ParseSRX(strings.NewReader(string(BuiltinSRX())), "copy.srx"); err != nil {
		t.Fatal(err)
	}
}

func FuzzParseSRX(f *testing.F) {
	f.Add([]byte(goodSRX))
	f.Add([]byte(`<srx><body><languagerules><languagerule languagerulename="A"><rule><beforebreak>(?&lt;=a)b</beforebreak></rule></languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="A"/></maprules></body></srx>`))
	f.Add([]byte(okapiOptionsSRX))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 4096 {
			return // compiling many rules slows the search without finding more
		}
		r, err := ParseSRX(strings.NewReader(string(data)), "fuzz.srx")
		if err != nil {
			var se *Error
			if !errors.As(err, &se) || se.File != "fuzz.srx" {
				t.Fatalf("error without position: %v", err)
			}
			return
		}
		for _, w := range r.Warnings {
			if w.File != "fuzz.srx" || w.Start.Line < 1 || w.Start.Col < 1 || w.Rule == "" {
				t.Fatalf("warning without its place or rule: %+v", w)
			}
		}
		_ = r.Validate()
		if s, err := New(r, language.English); err == nil {
			text := "Mr. Smith arrived. He sat down.\n\nДа. Нет."
			checkInvariant(t, text, s.Segment(text))
		}
	})
}

// TestCommentMode checks that a pattern in Java's comment mode keeps its
// meaning inside the expression that joins a rule's two patterns.
func TestCommentMode(t *testing.T) {
	srx := strings.Replace(goodSRX, `<beforebreak>[.?!]+</beforebreak>`, "<beforebreak>(?x) [.?!]+ # the terminators\n</beforebreak>", 1)
	r, err := ParseSRX(strings.NewReader(srx), "x.srx")
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(r, language.English)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Split("Mr. Smith came. He sat."); len(got) != 2 {
		t.Errorf("split: %q", got)
	}
}

// TestPatternError checks that a pattern that cannot be translated is
// reported as a *PatternError inside the *Error of its rule.
func TestPatternError(t *testing.T) {
	srx := strings.Replace(goodSRX, `<beforebreak>[.?!]+</beforebreak>`, `<beforebreak>a**</beforebreak>`, 1)
	r, err := ParseSRX(strings.NewReader(srx), "rules.srx")
	if err != nil {
		t.Fatal(err)
	}
	_, err = New(r, language.English)
	var pe *PatternError
	if !errors.As(err, &pe) || pe.Offset != 2 {
		t.Fatalf("got %v, want a *PatternError at offset 2", err)
	}
}
