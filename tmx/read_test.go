package tmx

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/language"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/inline"
)

const head = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
<body>
`

// doc returns a TMX document whose body, from line 5, is body.
func doc(body string) string { return head + body + "\n</body>\n</tmx>\n" }

// tu returns a unit of an English and a French variant.
func tu(en, fr string) string {
	return `<tu><tuv xml:lang="en"><seg>` + en + `</seg></tuv><tuv xml:lang="fr"><seg>` + fr + `</seg></tuv></tu>`
}

// TestRefused checks that each kind of bad input is refused at its place
// with its message, and the kind of error that errors.Is finds.
func TestRefused(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		limits    Limits
		want      string // line:col: message
		kind      error
	}{
		{"entity declared", `<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY lol "lol">]>
<tmx version="1.4"/>`, Limits{}, "2:1: the DOCTYPE declares entities, which loctool never expands", ErrDTD},
		{"external entity", `<!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]><tmx>&x;</tmx>`, Limits{}, "1:1: the DOCTYPE declares entities, which loctool never expands", ErrDTD},
		{"undefined entity", doc(tu("a &nbsp; b", "c")), Limits{}, "5:31: undefined entity &nbsp;: only &amp; &lt; &gt; &quot; &apos; and character references are allowed", ErrSyntax},
		{"too deep", doc(tu(strings.Repeat("<hi>", 20)+"x"+strings.Repeat("</hi>", 20), "y")), Limits{MaxDepth: 20}, "5:89: elements nest deeper than 20 levels (Limits.MaxDepth)", ErrLimit},
		{"unit too big", doc(tu("a", "b") + "\n" + tu(strings.Repeat("x", 2000), "y")), Limits{MaxUnitBytes: 1000}, "6:1: a <tu>, with the white space and comments before it, is larger than 1000 bytes (Limits.MaxUnitBytes)", ErrLimit},
		{"file too big", doc(strings.Repeat(tu("a", "b")+"\n", 100)), Limits{MaxBytes: 2000}, "26:42: the file is larger than 2000 bytes (Limits.MaxBytes)", ErrLimit},
		{"not UTF-8", doc(tu("Дом \xff", "b")), Limits{}, "5:33: bytes that are not UTF-8", ErrEncoding},
		{"half a character", doc(tu("Дом \xd0", "b")), Limits{}, "5:33: bytes that are not UTF-8", ErrEncoding},
		{"control character", doc(tu("a\x01b", "c")), Limits{}, "5:30: character U+0001, which XML cannot hold", ErrSyntax},
		{"NUL", doc(tu("a", "b\x00")), Limits{}, "5:67: a NUL character, which XML cannot hold", ErrSyntax},
		// A reference is found at the end of its text, and reported at
		// its start.
		{"reference to a control character", doc(tu("abc&#1;", "b")), Limits{}, "5:29: a character reference to U+0001, which XML cannot hold", ErrSyntax},
		{"reference to a surrogate", doc(tu("a&#xD800;", "b")), Limits{}, "5:29: a character reference to half a UTF-16 surrogate pair (U+D800 to U+DFFF), which is no character", ErrSyntax},
		{"bpt without ept", doc(tu(`a <bpt i="1">&lt;b></bpt>b`, "c")), Limits{}, "5:31: <bpt i=\"1\"> has no <ept i=\"1\"> after it in its <seg>", ErrCodes},
		{"ept without bpt", doc(tu(`a <ept i="1">&lt;/b></ept>b`, "c")), Limits{}, "5:31: <ept i=\"1\"> has no <bpt i=\"1\"> before it in its <seg>", ErrCodes},
		{"ept before bpt", doc(tu(`<ept i="1"/>a<bpt i="1"/>`, "c")), Limits{}, "5:29: <ept i=\"1\"> has no <bpt i=\"1\"> before it in its <seg>", ErrCodes},
		{"duplicated i", doc(tu(`<bpt i="1"/>a<ept i="1"/> <bpt i="1"/>b<ept i="1"/>`, "c")), Limits{}, "5:55: <bpt i=\"1\"> uses the i of the <bpt> at 5:29", ErrCodes},
		{"ept twice", doc(tu(`<bpt i="1"/>a<ept i="1"/><ept i="1"/>`, "c")), Limits{}, "5:54: <ept i=\"1\"> closes the pair of the <bpt> at 5:29 a second time", ErrCodes},
		{"bpt without i", doc(tu(`<bpt x="1"/>a`, "c")), Limits{}, "5:29: <bpt> has no i attribute", ErrCodes},
		{"it without pos", doc(tu(`<it x="1">&lt;b></it>a`, "c")), Limits{}, "5:29: <it> has no pos attribute: expected pos=\"begin\" (a code that opens here and closes in another segment) or pos=\"end\"", ErrInvalid},
		{"sub in seg", doc(tu(`a<sub>b</sub>`, "c")), Limits{}, "5:30: <sub> is not allowed in <seg>: it holds text inside the markup of a <bpt>, <ept>, <it>, <ph> or <ut>", ErrInvalid},
		{"unknown element in seg", doc(tu(`a<b>b</b>`, "c")), Limits{}, "5:30: <b> is not allowed in <seg>: a TMX segment holds text, <bpt>, <ept>, <it>, <ph>, <hi> and <ut>", ErrInvalid},
		{"element in code", doc(tu(`a<ph><bpt i="1"/></ph>`, "c")), Limits{}, "5:34: <bpt> is not allowed in <ph>, which holds text and <sub>", ErrInvalid},
		{"invalid language", doc(`<tu>
  <tuv xml:lang="en"><seg>a</seg></tuv>
  <tuv xml:lang="fr FR"><seg>b</seg></tuv>
</tu>`), Limits{}, "7:3: xml:lang=\"fr FR\" is not a well-formed BCP 47 language tag", ErrLanguage},
		{"no language", doc(`<tu tuid="t1"><tuv><seg>a</seg></tuv></tu>`), Limits{}, "5:15: <tuv> has no xml:lang attribute (tu \"t1\")", ErrLanguage},
		{"no srclang", `<tmx version="1.4"><header creationtool="t"/><body/></tmx>`, Limits{}, "1:20: <header> has no srclang attribute", ErrLanguage},
		{"invalid srclang", `<tmx version="1.4"><header srclang="english language"/><body/></tmx>`, Limits{}, "1:20: srclang=\"english language\" is not a well-formed BCP 47 language tag", ErrLanguage},
		{"not TMX", `<?xml version="1.0"?><xliff version="1.2"/>`, Limits{}, "1:22: the root element is <xliff>, not <tmx>: this is not a TMX file", ErrInvalid},
		{"TMX 2", `<tmx version="2.0"><header srclang="en"/><body/></tmx>`, Limits{}, "1:1: TMX version \"2.0\" is not supported: loctool reads TMX 1.1 to 1.4b", ErrVersion},
		{"unknown encoding", `<?xml version="1.0" encoding="x-mac-klingon"?><tmx/>`, Limits{}, "1:1: the XML declaration says encoding=\"x-mac-klingon\", which loctool does not read: save the file as UTF-8", ErrEncoding},
		{"UTF-16 declared, not used", `<?xml version="1.0" encoding="UTF-16"?><tmx/>`, Limits{}, "1:1: the XML declaration says encoding=\"UTF-16\", but the file is not UTF-16: save it as UTF-8, or as UTF-16 with a byte order mark", ErrEncoding},
		{"tu without tuv", doc(`<tu tuid="a"><note>n</note></tu>`), Limits{}, "5:1: <tu> has no <tuv>: a unit holds its text in one language at least (tu \"a\")", ErrInvalid},
		{"tuv without seg", doc(`<tu><tuv xml:lang="en"><note>n</note></tuv></tu>`), Limits{}, "5:5: <tuv xml:lang=\"en\"> has no <seg>", ErrInvalid},
		{"two segs", doc(`<tu><tuv xml:lang="en"><seg>a</seg><seg>b</seg></tuv></tu>`), Limits{}, "5:36: a second <seg> in <tuv>: a variant holds one", ErrInvalid},
		{"bad date", doc(`<tu creationdate="2002-05-23"><tuv xml:lang="en"><seg>a</seg></tuv></tu>`), Limits{}, "5:1: creationdate=\"2002-05-23\" is not a TMX date", ErrInvalid},
		{"bad usagecount", doc(`<tu><tuv xml:lang="en" usagecount="many"><seg>a</seg></tuv></tu>`), Limits{}, "5:5: usagecount=\"many\" is not a count: expected a whole number, such as 3", ErrInvalid},
		{"bad segtype", doc(`<tu segtype="word"><tuv xml:lang="en"><seg>a</seg></tuv></tu>`), Limits{}, "5:1: segtype=\"word\": expected block, paragraph, sentence or phrase", ErrInvalid},
		{"text in body", doc(`words <tu><tuv xml:lang="en"><seg>a</seg></tuv></tu>`), Limits{}, "5:1: text \"words\" in <body>: only elements go there", ErrInvalid},
		{"element in tu", doc(`<tu><seg>a</seg></tu>`), Limits{}, "5:5: <seg> is not allowed in <tu>: expected <note>, <prop> or <tuv>", ErrInvalid},
		{"body before header", `<tmx version="1.4"><body/></tmx>`, Limits{}, "1:20: <body> before <header>", ErrInvalid},
		{"no body", `<tmx version="1.4"><header srclang="en"/></tmx>`, Limits{}, "1:42: <tmx> has no <body>", ErrInvalid},
		{"two roots", doc("") + "<tmx/>", Limits{}, "8:1: element <tmx> after the end of the root element: a document has one root", ErrSyntax},
		{"cut short", doc(tu("a", "b"))[:len(head)+30], Limits{}, "5:31: the file ends in the middle of the XML: it was cut short, perhaps in transfer; ask for the whole file again", ErrSyntax},
		{"tags crossed", doc(`<tu><tuv xml:lang="en"><seg>a</tuv></seg></tu>`), Limits{}, "5:30: element <seg> closed by </tuv>", ErrSyntax},
		{"empty", ``, Limits{}, "1:1: no root element: the file is empty or not XML", ErrSyntax},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tc.doc), "m.tmx", ReadOptions{Limits: tc.limits})
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want an *Error", err)
			}
			if got := strings.TrimPrefix(err.Error(), "m.tmx:"); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
			if !errors.Is(err, tc.kind) {
				t.Errorf("%v is not %v", err, tc.kind)
			}
		})
	}
}

// show writes content with each code as {kind id type "data"}.
func show(c inline.Content) string {
	var b strings.Builder
	for _, it := range c {
		if it.Code == nil {
			b.WriteString(it.Text)
			continue
		}
		k := it.Code
		b.WriteString("{" + k.Kind.String() + " " + k.ID)
		if k.Type != "" {
			b.WriteString(" " + k.Type)
		}
		if k.Data != "" {
			b.WriteString(" " + `"` + k.Data + `"`)
		}
		b.WriteString("}")
	}
	return b.String()
}

// TestCodes checks how the inline elements of a <seg> become codes.
func TestCodes(t *testing.T) {
	for _, tc := range []struct{ name, seg, want string }{
		{"pair by i, ID from x", `a <bpt i="7" x="2" type="bold">&lt;b></bpt>b<ept i="7">&lt;/b></ept>`,
			`a {open 2 bold "<b>"}b{close 2 bold "</b>"}`},
		{"pair without x keeps its i", `<bpt i="3">{\b </bpt>b<ept i="3">}</ept>`,
			`{open 3 "{\b "}b{close 3 "}"}`},
		{"pairs that cross", `<bpt i="1" x="1"/>a<bpt i="2" x="2"/>b<ept i="1"/>c<ept i="2"/>`,
			`{open 1}a{open 2}b{close 1}c{close 2}`},
		{"isolated", `<it pos="begin" x="1" type="italic">&lt;i></it>a. b<it pos="end" type="italic">&lt;/i></it>`,
			`{open 1 italic "<i>"}a. b{close 2 italic "</i>"}`},
		{"placeholders without x take the numbers no code names", `<ph>&lt;br></ph>a<ph x="1" type="lb">&lt;br/></ph><ph type="cb">x</ph>`,
			`{placeholder 2 "<br>"}a{placeholder 1 lb "<br/>"}{placeholder 3 x-cb "x"}`},
		{"an x taken before", `<ph x="1">a</ph><ph x="1">b</ph>`, `{placeholder 1 "a"}{placeholder 2 "b"}`},
		{"an x that is no number", `<ph x="a1">a</ph>`, `{placeholder 1 "a"}`},
		{"hi", `some <hi x="4" type="verb">text <ph x="1"/></hi>.`, `some {open 4 x-verb}text {placeholder 1}{close 4 x-verb}.`},
		{"ut", `a<ut> ut content</ut>b`, `a{placeholder 1 " ut content"}b`},
		{"sub", `<ph x="3" type="image">&lt;img alt="<sub>Start <ph>&lt;b/></ph> here</sub>"></ph>`,
			`{placeholder 3 image "<img alt="Start <b/> here">"}`},
		{"types", `<ph type="ulined"/><ph type="x-mine"/><ph type="image"/><ph type="struct"/>`,
			`{placeholder 1 underlined}{placeholder 2 x-mine}{placeholder 3 image}{placeholder 4 x-struct}`},
		{"text around comments and CDATA", `a<!-- c --><![CDATA[<b>]]>&#x20;c`, `a<b> c`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Read(strings.NewReader(doc(tu(tc.seg, ""))), "m.tmx", ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got := show(m.Units[0].Variants[0].Seg); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestFields checks that every attribute, note and property loctool
// keeps is read where it belongs.
func TestFields(t *testing.T) {
	src := `<?xml version="1.0"?>
<tmx version="1.1">
<header creationtool="Tool" creationtoolversion="2.1" segtype="paragraph" o-tmf="TW4Win" adminlang="EN-us"
 srclang="en-GB" datatype="html" o-encoding="iso-8859-1" creationdate="20020523T091200Z" creationid="ys"
 changedate="20030101T000000Z" changeid="am">
 <note lang="en">header note</note>
 <prop type="x-Client">IWPR</prop>
 <ude name="MacRoman" base="Macintosh"><map unicode="#xF8FF" code="#xF0"/></ude>
</header>
<body>
<tu tuid="t1" usagecount="3" lastusagedate="20240102T030405Z" srclang="*all*" segtype="sentence" datatype="plaintext"
 creationtool="T2" creationtoolversion="9" o-tmf="x" creationdate="20240101T000000Z" creationid="a" changedate="20240102T000000Z" changeid="b">
 <prop type="x-Domain" xml:lang="en">News</prop>
 <note>unit note</note>
 <ext:thing xmlns:ext="urn:x">skipped</ext:thing>
 <tuv lang="EN-GB" usagecount="1" creationid="c"><note xml:lang="fr">variant note</note><seg>Hello</seg></tuv>
 <tuv xml:lang="sr-Latn" changedate="20240103T000000Z"><prop type="Origin">MT</prop><seg>Zdravo</seg></tuv>
</tu>
</body>
</tmx>`
	m, err := Read(strings.NewReader(src), "m.tmx", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	date := func(s string) time.Time {
		d, err := time.Parse(dateLayout, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	want := &Memory{
		Header: Header{
			Attrs: Attrs{CreationTool: "Tool", CreationToolVersion: "2.1", CreationDate: date("20020523T091200Z"), CreationID: "ys",
				ChangeDate: date("20030101T000000Z"), ChangeID: "am", DataType: "html", OTMF: "TW4Win"},
			SegType: "paragraph", SrcLang: language.BritishEnglish, AdminLang: language.AmericanEnglish,
			Props: []Prop{{Type: "x-Client", Text: "IWPR"}},
			Notes: []Note{{Lang: language.English, Text: "header note"}},
		},
		Units: []*Unit{{
			TUID: "t1",
			Attrs: Attrs{CreationTool: "T2", CreationToolVersion: "9", CreationDate: date("20240101T000000Z"), CreationID: "a",
				ChangeDate: date("20240102T000000Z"), ChangeID: "b", DataType: "plaintext", OTMF: "x"},
			Usage:   Usage{UsageCount: 3, LastUsageDate: date("20240102T030405Z")},
			SegType: "sentence", AllSources: true,
			Props: []Prop{{Type: "x-Domain", Lang: language.English, Text: "News"}},
			Notes: []Note{{Text: "unit note"}},
			Variants: []*Variant{
				{Lang: language.BritishEnglish, Attrs: Attrs{CreationID: "c"}, Usage: Usage{UsageCount: 1},
					Notes: []Note{{Lang: language.French, Text: "variant note"}}, Seg: inline.Text("Hello")},
				{Lang: language.MustParse("sr-Latn"), Attrs: Attrs{ChangeDate: date("20240103T000000Z")},
					Props: []Prop{{Type: "Origin", Text: "MT"}}, Seg: inline.Text("Zdravo")},
			},
		}},
	}
	if d := diffMemory(m, want); d != "" {
		t.Error(d)
	}
	u := m.Units[0]
	if u.Line != 11 || u.Col != 1 || u.Variants[1].Line != 17 || u.Variants[1].Col != 2 {
		t.Errorf("unit at %d:%d, its second variant at %d:%d; want 11:1 and 17:2", u.Line, u.Col, u.Variants[1].Line, u.Variants[1].Col)
	}
	if v := u.Variant(language.MustParse("sr-Latn")); v != u.Variants[1] {
		t.Errorf("Variant(sr-Latn) = %v", v)
	}
	if v := u.Variant(language.Serbian); v != nil {
		t.Errorf("Variant(sr) = %v, want none", v)
	}
}

// TestEncodings checks that a document reads the same in each encoding
// loctool reads, and that the places of its errors count characters.
func TestEncodings(t *testing.T) {
	text := doc(`<tu><tuv xml:lang="ru"><seg>Дом «кот» é</seg></tuv></tu>`)
	bad := doc(`<tu><tuv xml:lang="ru"><seg>Дом «кот» &nbsp;</seg></tuv></tu>`)
	utf16 := func(e unicode.Endianness, bom unicode.BOMPolicy, s string) []byte {
		b, err := unicode.UTF16(e, bom).NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	latin := func(s string) []byte {
		s = strings.Replace(s, `encoding="UTF-8"`, `encoding="windows-1251"`, 1)
		b, err := charmap.Windows1251.NewEncoder().Bytes([]byte(strings.ReplaceAll(s, "é", "")))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	utf16Decl := func(s string) string { return strings.Replace(s, `encoding="UTF-8"`, `encoding="UTF-16"`, 1) }
	for _, tc := range []struct {
		name      string
		doc, bad  []byte
		wantText  string
		wantError string
	}{
		{"UTF-8", []byte(text), []byte(bad), "Дом «кот» é", "5:39: undefined entity &nbsp;: only &amp; &lt; &gt; &quot; &apos; and character references are allowed"},
		{"UTF-8 with a byte order mark", []byte("\uFEFF" + text), []byte("\uFEFF" + bad), "Дом «кот» é", "5:39: undefined entity &nbsp;: only &amp; &lt; &gt; &quot; &apos; and character references are allowed"},
		{"UTF-16LE", utf16(unicode.LittleEndian, unicode.UseBOM, utf16Decl(text)), utf16(unicode.LittleEndian, unicode.UseBOM, utf16Decl(bad)), "Дом «кот» é", "5:39: undefined entity &nbsp;: only &amp; &lt; &gt; &quot; &apos; and character references are allowed"},
		{"UTF-16BE", utf16(unicode.BigEndian, unicode.UseBOM, text), utf16(unicode.BigEndian, unicode.UseBOM, bad), "Дом «кот» é", "5:39: undefined entity &nbsp;: only &amp; &lt; &gt; &quot; &apos; and character references are allowed"},
		{"UTF-16LE without a byte order mark", utf16(unicode.LittleEndian, unicode.IgnoreBOM, utf16Decl(text)), utf16(unicode.LittleEndian, unicode.IgnoreBOM, utf16Decl(bad)), "Дом «кот» é", "5:39: undefined entity &nbsp;: only &amp; &lt; &gt; &quot; &apos; and character references are allowed"},
		{"windows-1251", latin(text), latin(bad), "Дом «кот» ", "5:39: undefined entity &nbsp;: only &amp; &lt; &gt; &quot; &apos; and character references are allowed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Read(bytes.NewReader(tc.doc), "m.tmx", ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got := m.Units[0].Variants[0].Seg.PlainText(); got != tc.wantText {
				t.Errorf("text %q, want %q", got, tc.wantText)
			}
			_, err = Read(bytes.NewReader(tc.bad), "m.tmx", ReadOptions{})
			if err == nil || strings.TrimPrefix(err.Error(), "m.tmx:") != tc.wantError {
				t.Errorf("got  %v\nwant %s", err, tc.wantError)
			}
		})
	}
}

// failReader fails with its error.
type failReader struct{ err error }

func (f failReader) Read([]byte) (int, error) { return 0, f.err }

// TestStreaming checks that a Reader hands out each unit as it reads
// it, before it reads the rest of the file, and that after an error it
// returns that error again.
func TestStreaming(t *testing.T) {
	broken := errors.New("the disk is gone")
	first := head + tu("one", "un") + "\n" + tu("two", "deux") + "\n"
	rd, err := NewReader(io.MultiReader(strings.NewReader(first), failReader{broken}), "m.tmx", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if h := rd.Header(); h.SrcLang != language.English || h.CreationTool != "t" {
		t.Errorf("header %+v", h)
	}
	for _, want := range []string{"one", "two"} {
		u, err := rd.Next()
		if err != nil {
			t.Fatalf("unit %q: %v", want, err)
		}
		if got := u.Variants[0].Seg.PlainText(); got != want {
			t.Errorf("unit %q, want %q", got, want)
		}
	}
	_, err = rd.Next()
	if !errors.Is(err, broken) {
		t.Fatalf("got %v, want the reader's error", err)
	}
	if _, again := rd.Next(); again != err {
		t.Errorf("then %v, want the same error", again)
	}

	rd, err = NewReader(strings.NewReader(doc(tu("one", "un"))), "m.tmx", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rd.Next(); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := rd.Next(); err != io.EOF {
			t.Fatalf("after the last unit: %v, want io.EOF", err)
		}
	}
}

// TestDiagnostic checks the diagnostic of an error.
func TestDiagnostic(t *testing.T) {
	_, err := Read(strings.NewReader(doc(`<tu tuid="a1"><tuv xml:lang="en"><seg>a <bpt i="1"/></seg></tuv></tu>`)), "m.tmx", ReadOptions{})
	ds := diag.FromError("m.tmx", "memory.read", err)
	if len(ds) != 1 {
		t.Fatalf("%d diagnostics", len(ds))
	}
	d := ds[0]
	want := diag.Diagnostic{File: "m.tmx", Start: diag.Position{Line: 5, Col: 41}, Severity: diag.Error, Unit: "a1",
		Message: `<bpt i="1"> has no <ept i="1"> after it in its <seg> (tu "a1")`,
		Hint:    `a code that opens here and closes in another segment is written <it pos="begin">`}
	if d.String() != want.String() || d.Hint != want.Hint || d.Unit != want.Unit {
		t.Errorf("got  %+v\nwant %+v", d, want)
	}
}
