package glossary

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/diag"
)

const tbx2 = `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en">
 <text><body>
  <termEntry id="zhakiyanov">
   <descrip type="subjectField">person</descrip>
   <descrip type="definition">Former akim of Pavlodar region.</descrip>
   <langSet xml:lang="en">
    <tig><term>Zhakiyanov</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <tig><term>Zhakianov</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
    <tig><term>Jakiyanov</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
    <tig><term>Dzhakiyanov</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig>
   </langSet>
   <langSet xml:lang="ru"><tig><term>Жакиянов</term></tig></langSet>
  </termEntry>
  <termEntry>
   <langSet xml:lang="en"><ntig><termGrp><term>Almaty</term></termGrp></ntig><tig><term>Alma-Ata</term></tig></langSet>
  </termEntry>
 </body></text>
</martif>`

const tbx3 = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
 <text><body>
  <conceptEntry id="kazakh">
   <langSec xml:lang="en">
    <termSec><term>Kazakh</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
    <termSec><term>Kazak</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
   </langSec>
   <langSec xml:lang="kk"><termSec><term>қазақ</term></termSec></langSec>
  </conceptEntry>
 </body></text>
</tbx>`

func TestParseTBX(t *testing.T) {
	cs, _, err := ParseTBX([]byte(tbx2), "g.tbx")
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 {
		t.Fatalf("%d concepts", len(cs))
	}
	z := cs[0]
	en := z.Terms[language.English]
	if z.ID != "zhakiyanov" || z.Kind != Person || z.Note != "Former akim of Pavlodar region." || en.Preferred != "Zhakiyanov" ||
		!slices.Equal(en.Accepted, []string{"Zhakianov"}) || !slices.Equal(en.Forbidden, []string{"Jakiyanov", "Dzhakiyanov"}) {
		t.Errorf("concept %+v, en %+v", z, en)
	}
	if !slices.Equal(z.Source[language.Russian], []string{"Жакиянов"}) {
		t.Errorf("the Russian term is a source form: %v", z.Source)
	}
	if a := cs[1].Terms[language.English]; a.Preferred != "Almaty" || !slices.Equal(a.Accepted, []string{"Alma-Ata"}) {
		t.Errorf("terms without status: %+v", a)
	}
	cs, _, err = ParseTBX([]byte(tbx3), "g.tbx")
	if err != nil {
		t.Fatal(err)
	}
	if k := cs[0]; k.Terms[language.English].Forbidden[0] != "Kazak" || k.Source[language.Kazakh][0] != "қазақ" {
		t.Errorf("TBX v3: %+v", k)
	}
}

func TestParseTBXErrors(t *testing.T) {
	for _, tt := range []struct{ name, data, want string }{
		{"syntax", "<martif>\n<text>\n</martif>", "g.tbx:3:1: not a valid TBX file: element <text> closed by </martif>"},
		{"syntax mid-line", "<martif>\n  <text>Қазақ</c> x</text>\n</martif>", "g.tbx:2:14: not a valid TBX file: element <text> closed by </c>"},
		{"entity", "<martif>\n  <text>Қазақ &nope; x</text>\n</martif>", "g.tbx:2:15: not a valid TBX file: invalid character entity &nope;"},
		{"attribute", "<martif>\n  <text x=1>Қазақ</text>\n</martif>", "g.tbx:2:11: not a valid TBX file: unquoted or missing attribute value in element"},
		{"cut short", "<martif>\n  <text>", "g.tbx:2: the file ends in the middle of the XML: it was cut short"},
		{"dtd", `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><martif/>`, "g.tbx:1:22: a DOCTYPE with an internal subset"},
		{"lang", `<martif><text><body><termEntry><langSet xml:lang="e n"></langSet></termEntry></body></text></martif>`, `xml:lang "e n" is not a language tag`},
	} {
		_, _, err := ParseTBX([]byte(tt.data), "g.tbx")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
}

// An element out of its place in a termbase's structure is an error at
// it, with what to do: never a crash, nor terms read into the wrong
// concept or language.
func TestParseTBXStructure(t *testing.T) {
	const body = "<martif><text><body>\n%s</body></text></martif>"
	for _, tt := range []struct{ name, entries, want, hint string }{
		{"concept in a concept", "<termEntry id=\"a\">\n <langSet xml:lang=\"en\"><tig><term>A</term></tig></langSet>\n <termEntry id=\"b\"><langSet xml:lang=\"en\"><tig><term>B</term></tig></langSet></termEntry>\n</termEntry>",
			"g.tbx:4:2: a <termEntry> inside the <termEntry> of line 2: a concept cannot hold another", "close the first concept before the second begins"},
		{"concept in a language", "<termEntry>\n <langSet xml:lang=\"en\"><tig><term>A</term></tig>\n  <termEntry/></langSet></termEntry>",
			"g.tbx:4:3: a <termEntry> inside the <termEntry> of line 2", "close the first concept"},
		{"language outside a concept", "<langSet xml:lang=\"en\"><tig><term>A</term></tig></langSet>",
			"g.tbx:2:1: a <langSet> outside any <termEntry>: a language's terms belong to a concept", "put it inside the <termEntry> of its concept"},
		{"language in a language", "<termEntry><langSet xml:lang=\"en\">\n<langSet xml:lang=\"ru\"><tig><term>А</term></tig></langSet></langSet></termEntry>",
			"g.tbx:3:1: a <langSet> inside the <langSet> of line 2: a language cannot hold another", "close the first <langSet> before the second begins"},
		{"term section outside a language", "<termEntry><langSet xml:lang=\"en\"><tig><term>A</term></tig></langSet></termEntry>\n<tig><term>B</term></tig>",
			"g.tbx:3:1: a <tig> outside any <langSet>: a term belongs to a language", "put it inside the <langSet> of its language"},
		{"term section in a concept", "<termEntry>\n <ntig><termGrp><term>B</term></termGrp></ntig></termEntry>",
			"g.tbx:3:2: a <ntig> outside any <langSet>", "put it inside the <langSet>"},
		{"term section in a term section", "<termEntry><langSet xml:lang=\"en\">\n<tig> <tig><term>A</term></tig></tig></langSet></termEntry>",
			"g.tbx:3:7: a <tig> inside the <tig> of line 3: a term's section cannot hold another", "close the first <tig> before the second begins"},
		{"term in a concept", "<termEntry>\n  <term>A</term></termEntry>",
			"g.tbx:3:3: a <term> outside any <tig>: each term has a section of its own, with its status and notes", "put it in a <tig> of its own"},
		{"term in a language", "<termEntry><langSet xml:lang=\"en\">\n  <term>A</term></langSet></termEntry>",
			"g.tbx:3:3: a <term> outside any <tig>", "put it in a <tig> of its own"},
		{"two terms in a section", "<termEntry><langSet xml:lang=\"en\"><tig><term>A</term>\n<term>B</term></tig></langSet></termEntry>",
			"g.tbx:3:1: a second <term> in the <tig> of line 2: a <tig> holds one term", "give each term a <tig> of its own"},
		{"term in a term", "<termEntry><langSet xml:lang=\"en\"><tig>\n<term>A <term>B</term></term></tig></langSet></termEntry>",
			"g.tbx:3:9: a <term> inside the <term> of line 3: a term cannot hold another", "close the first <term> before the second begins"},
		{"empty term section", "<termEntry><langSet xml:lang=\"en\">\n  <tig><termNote type=\"administrativeStatus\">preferredTerm</termNote></tig></langSet></termEntry>",
			"g.tbx:3:3: a <tig> with no <term>", "give it its term, or remove it"},
		{"empty language", "<termEntry id=\"a\">\n  <langSet xml:lang=\"en\"/></termEntry>",
			"g.tbx:3:3: a <langSet> with no term", "give it a <tig> with its term, or remove it"},
		{"empty concept", "  <termEntry id=\"a\"><descrip type=\"definition\">x</descrip></termEntry>",
			"g.tbx:2:3: a <termEntry> with no <langSet>: the concept has no term", "give it a <langSet> with its terms, or remove it"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ParseTBX([]byte(fmt.Sprintf(body, tt.entries)), "g.tbx")
			var ge *Error
			if !errors.As(err, &ge) || !strings.HasPrefix(err.Error(), tt.want) || !strings.HasPrefix(ge.Hint, tt.hint) {
				t.Errorf("got %v (hint %q), want %q (hint %q)", err, hintOf(err), tt.want, tt.hint)
			}
		})
	}
	// TBX v3 names its levels otherwise, and so do the messages.
	for _, tt := range []struct{ data, want string }{
		{"<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body>\n<conceptEntry><langSec xml:lang=\"en\">\n<term>A</term></langSec></conceptEntry></body></text></tbx>",
			"g.tbx:3:1: a <term> outside any <termSec>"},
		{"<tbx><text><body>\n<langSec xml:lang=\"en\"/></body></text></tbx>",
			"g.tbx:2:1: a <langSec> outside any <conceptEntry>"},
		{"<tbx><text><body>\n<conceptEntry id=\"a\"/></body></text></tbx>",
			"g.tbx:2:1: a <conceptEntry> with no <langSec>"},
	} {
		if _, _, err := ParseTBX([]byte(tt.data), "g.tbx"); err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%v, want %q", err, tt.want)
		}
	}
	// A term's group in an ntig, and an empty term (a language with no
	// spelling) are in their places.
	cs, _, err := ParseTBX([]byte(fmt.Sprintf(body, "<termEntry id=\"a\"><langSet xml:lang=\"en\"><ntig><termGrp><term>A</term></termGrp></ntig></langSet>"+
		"<langSet xml:lang=\"ru\"><tig><term/></tig></langSet></termEntry>")), "g.tbx")
	if err != nil || len(cs) != 1 || cs[0].Terms[language.English].Preferred != "A" || cs[0].Terms[language.Russian] != nil {
		t.Errorf("got %v, %v", cs, err)
	}
}

// hintOf is the hint of a glossary error, if any.
func hintOf(err error) string {
	var ge *Error
	if errors.As(err, &ge) {
		return ge.Hint
	}
	return ""
}

func TestParseCSV(t *testing.T) {
	table := "id,type,note,en,en:accepted,en:forbidden,ru,source:kk\n" +
		"zhakiyanov,person,\"Akim, 1997-1999\",Zhakiyanov,Zhakianov,Jakiyanov; Dzhakiyanov,Жакиянов,Жақиянов\n" +
		",place,,Almaty,Alma-Ata,,Алматы,\n"
	cs, _, err := ParseCSV([]byte(table), "g.csv", ',', Langs{})
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 {
		t.Fatalf("%d concepts", len(cs))
	}
	z := cs[0]
	if z.Note != "Akim, 1997-1999" || !slices.Equal(z.Terms[language.English].Forbidden, []string{"Jakiyanov", "Dzhakiyanov"}) ||
		!slices.Equal(z.Source[language.Russian], []string{"Жакиянов"}) || !slices.Equal(z.Source[language.Kazakh], []string{"Жақиянов"}) {
		t.Errorf("concept %+v", z)
	}
	if cs[1].ID != "almaty-2" {
		t.Errorf("a made ID %q", cs[1].ID)
	}

	omegat := "# OmegaT glossary\nZhakiyanov\tЖакиянов\tformer akim\nAlmaty\tАлматы\n"
	cs, _, err = ParseCSV([]byte(omegat), "g.txt", '\t', Langs{Source: language.English, Target: language.Russian})
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 || cs[0].Terms[language.Russian].Preferred != "Жакиянов" || cs[0].Note != "former akim" || cs[0].Source[language.Russian][0] != "Жакиянов" {
		t.Errorf("OmegaT glossary: %+v", cs[0])
	}
	if _, _, err := ParseCSV([]byte(omegat), "g.txt", '\t', Langs{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("an OmegaT glossary with no languages: %v", err)
	}
	if _, _, err := ParseCSV([]byte("a\tb\tc\n\na\tb\tc\td\n"), "g.txt", '\t', Langs{Source: language.English, Target: language.Russian}); err == nil || !strings.Contains(err.Error(), "g.txt:3: 4 columns") {
		t.Errorf("four columns: %v", err)
	}
}

// A language with no spelling is left out of the TBX written, which a
// <langSec> with no term would make a file loctool refuses.
func TestWriteTBXEmptyLanguage(t *testing.T) {
	c := &Concept{ID: "a", Terms: map[language.Tag]*Terms{language.English: {}, language.Russian: {Preferred: "Алматы"}}}
	var b bytes.Buffer
	if err := WriteTBX(&b, []*Concept{c}, []language.Tag{language.English, language.Russian}); err != nil {
		t.Fatal(err)
	}
	back, _, err := ParseTBX(b.Bytes(), "g.tbx")
	if err != nil || len(back) != 1 || back[0].Terms[language.Russian].Preferred != "Алматы" || back[0].Terms[language.English] != nil {
		t.Errorf("read back: %v, %v\n%s", back, err, b.String())
	}
}

// Each format writes what it reads: YAML, TBX, CSV and TSV round trips.
func TestRoundTrips(t *testing.T) {
	g, err := Load("testdata/sample.yaml")
	if err != nil {
		t.Fatal(err)
	}
	langs := []language.Tag{language.English, language.Russian, language.Kazakh}
	for _, f := range []struct {
		ext   string
		write func(*bytes.Buffer) error
	}{
		{".yaml", func(b *bytes.Buffer) error { return WriteYAML(b, g.Concepts, langs) }},
		{".tbx", func(b *bytes.Buffer) error { return WriteTBX(b, g.Concepts, langs) }},
		{".csv", func(b *bytes.Buffer) error { return WriteCSV(b, g.Concepts, langs, ',') }},
		{".tsv", func(b *bytes.Buffer) error { return WriteCSV(b, g.Concepts, langs, '\t') }},
	} {
		var b bytes.Buffer
		if err := f.write(&b); err != nil {
			t.Fatal(err)
		}
		back, _, err := Parse(b.Bytes(), "g"+f.ext, Langs{})
		if err != nil {
			t.Fatalf("%s: %v\n%s", f.ext, err, b.String())
		}
		if len(back) != len(g.Concepts) {
			t.Fatalf("%s: %d concepts, want %d", f.ext, len(back), len(g.Concepts))
		}
		for i, c := range g.Concepts {
			b := back[i]
			if b.ID != c.ID || b.Kind != c.Kind || b.Note != c.Note {
				t.Errorf("%s: %+v, want %+v", f.ext, b, c)
			}
			for lang, want := range c.Terms {
				got := b.Terms[lang]
				if got == nil || got.Preferred != want.Preferred || !slices.Equal(got.Accepted, want.Accepted) || !slices.Equal(got.Forbidden, want.Forbidden) {
					t.Errorf("%s: %s %s: %+v, want %+v", f.ext, c.ID, lang, got, want)
				}
			}
			for lang, want := range c.Source {
				if got := b.Source[lang]; !slices.Equal(got, want) {
					t.Errorf("%s: %s source %s: %q, want %q", f.ext, c.ID, lang, got, want)
				}
			}
		}
	}
}

// A glossary that is not UTF-8, such as a CSV file saved from Excel in
// Windows-1251, is refused at its first byte that is not.
func TestNotUTF8(t *testing.T) {
	data := []byte("en,ru\nZhakiyanov,\xc6\xe0\xea\xe8\xff\xed\xee\xe2\n")
	for name, parse := range map[string]func() error{
		"g.csv":  func() error { _, _, err := ParseCSV(data, "g.csv", ',', Langs{}); return err },
		"g.yaml": func() error { _, err := ParseYAML(data, "g.yaml"); return err },
		"g.tbx":  func() error { _, _, err := ParseTBX(data, "g.tbx"); return err },
	} {
		err := parse()
		if err == nil || err.Error() != name+":2:12: byte 0xc6 is not UTF-8 text" {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// Columns count characters, in tables as everywhere, and the byte order
// mark is none.
func TestParseCSVErrorColumns(t *testing.T) {
	for _, tt := range []struct{ data, want string }{
		{"en,ru\nҚазақ,\"Қ\"x\n", `g.csv:2:9: not a valid table: extraneous or missing " in quoted-field`},
		{"\ufeffen,ru\nҚазақ,Қ\"x\"\n", `g.csv:2:8: not a valid table: bare " in non-quoted-field`},
	} {
		_, _, err := ParseCSV([]byte(tt.data), "g.csv", ',', Langs{})
		if err == nil || err.Error() != tt.want {
			t.Errorf("%q: %v, want %s", tt.data, err, tt.want)
		}
		var e *Error
		if errors.As(err, &e) && e.Hint == "" {
			t.Errorf("%q: no hint", tt.data)
		}
	}
}

// An *Error is a diagnostic of its file, as every reader's error is.
func TestErrorDiagnostic(t *testing.T) {
	_, err := ParseYAML([]byte("concepts:\n  - id: a\n    en: A\nconcepts: []\n"), "g.yaml")
	var l diag.Located
	if !errors.As(err, &l) {
		t.Fatalf("%T is not diag.Located", err)
	}
	d := l.Diagnostic()
	want := diag.Diagnostic{File: "g.yaml", Start: diag.Position{Line: 4, Col: 1}, Severity: diag.Error,
		Message: `"concepts" is given twice in one map: first at line 1`,
		Hint:    "move the concepts under this concepts: into the list above, and remove this line: YAML would keep only this list, and lose the other"}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("%+v\nwant %+v", d, want)
	}
	if d.String() != `g.yaml:4:1: error: "concepts" is given twice in one map: first at line 1` {
		t.Errorf("%s", d)
	}
}
