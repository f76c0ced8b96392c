package xliff

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
)

// segs describes a unit's parts as "id:source=>target@state" for
// segments and "_space" for the white space between them.
func segs(u *handoff.Unit) string {
	var parts []string
	for _, p := range u.Parts {
		s := p.Segment
		if s == nil {
			parts = append(parts, "_"+p.Space)
			continue
		}
		d := s.ID + ":" + s.Source.String()
		if s.Target != nil {
			d += "=>" + s.Target.String()
		}
		parts = append(parts, d+"@"+s.State.String())
	}
	return strings.Join(parts, " | ")
}

// TestReadTolerant reads files as CAT tools write them.
func TestReadTolerant(t *testing.T) {
	for _, tc := range []struct {
		name string
		doc  string
		want []string // segs of each unit
		v    Version
	}{
		{
			name: "1.2 prefixes, attribute order, CDATA, entities, alt-trans, extensions",
			v:    Version12,
			doc: `<?xml version="1.0" encoding="UTF-8"?>
<x:xliff xmlns:x="urn:oasis:names:tc:xliff:document:1.2" version="1.2" xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0">
 <x:file datatype="plaintext" target-language="ru-RU" source-language="en-US" original="a.txt" sdl:foo="1">
  <x:header><x:tool tool-id="t" tool-name="T"/><sdl:ref-files/></x:header>
  <x:body>
   <x:group id="g1"><x:trans-unit sdl:x="y" xml:space="preserve" id="1">
    <x:source>Tom &amp; <![CDATA[Jerry <3]]> &#x263A; &#9731; &apos;&quot;</x:source>
    <x:target xml:lang="ru-RU">Том &amp; Джерри</x:target>
    <x:alt-trans match-quality="100"><x:source>Tom</x:source><x:target>Том</x:target><x:note>from the TM</x:note></x:alt-trans>
    <x:note from="editor" annotates="source">a cat and a mouse</x:note>
    <sdl:seg-defs><sdl:seg id="1" conf="Translated"/></sdl:seg-defs>
    <x:count-group name="c"><x:count count-type="total">4</x:count></x:count-group>
   </x:trans-unit></x:group>
   <x:bin-unit id="img" mime-type="image/png"><x:bin-source><x:external-file href="a.png"/></x:bin-source></x:bin-unit>
  </x:body>
 </x:file>
</x:xliff>`,
			want: []string{`1:Tom & Jerry <3 ☺ ☃ '"=>Том & Джерри@translated`},
		},
		{
			name: "1.2 states, approved, state-less target",
			v:    Version12,
			doc: xliff12(`
<trans-unit id="a"><source>A.</source><target state="needs-adaptation">А.</target></trans-unit>
<trans-unit id="b"><source>B.</source><target state="signed-off">Б.</target></trans-unit>
<trans-unit id="c" approved="yes"><source>C.</source><target state="translated">В.</target></trans-unit>
<trans-unit id="d"><source>D.</source><target>Г.</target></trans-unit>
<trans-unit id="e"><source>E.</source><target state="x-custom">Д.</target></trans-unit>
<trans-unit id="f"><source>F.</source><target state="needs-review-l10n">Е.</target></trans-unit>
<trans-unit id="g"><source>G.</source><target state="new">G.</target></trans-unit>
<trans-unit id="h"><source>H.</source></trans-unit>
<trans-unit id="i"><source>I.</source><target state="needs-l10n"/></trans-unit>
<trans-unit id="j" approved="yes"><source>J.</source><target state="needs-translation">J.</target></trans-unit>
<trans-unit id="k" approved="no"><source>K.</source><target state="needs-translation">К.</target></trans-unit>`),
			want: []string{
				"1:A.=>А.@needs-review", "1:B.=>Б.@reviewed", "1:C.=>В.@translated", "1:D.=>Г.@translated",
				"1:E.=>Д.@translated", "1:F.=>Е.@needs-review", "1:G.=>G.@new", "1:H.@new", "1:I.@new",
				"1:J.=>J.@translated", "1:K.=>К.@needs-review",
			},
		},
		{
			name: "1.2 BOM and CRLF",
			v:    Version12,
			doc: "\ufeff" + strings.ReplaceAll(xliff12(`
<trans-unit id="1"><source>line one
line two</source><seg-source><mrk mtype="seg" mid="1">line one
line two</mrk></seg-source><target><mrk mtype="seg" mid="1">строка&#13;
два</mrk></target></trans-unit>`), "\n", "\r\n"),
			want: []string{"1:line one\nline two=>строка\r\nдва@translated"},
		},
		{
			name: "1.2 native codes and annotations",
			v:    Version12,
			doc: xliff12(`
<trans-unit id="1"><source>x</source><seg-source><mrk mtype="seg" mid="0">A <bpt id="1">&lt;b></bpt>bold<ept id="1">&lt;/b></ept> <ph id="2" ctype="lb">&lt;br/></ph> <mrk mtype="protected">kept</mrk> <it id="3" pos="open" ctype="italic">&lt;i></it>x.</mrk> <mrk mtype="seg" mid="1"><g id="4" ctype="x-html-span">y</g><x id="5"/>.</mrk></seg-source>
<target><mrk mtype="seg" mid="1"><g id="4" ctype="x-html-span">у</g><x id="5"/>.</mrk><mrk mtype="seg" mid="0"><bpt id="1">&lt;b></bpt>Ж<ept id="1">&lt;/b></ept> <ph id="2">&lt;br/></ph> <it id="3" pos="open">&lt;i></it>х.</mrk></target></trans-unit>`),
			want: []string{"0:A {open 1 }bold{close 1 } {placeholder 2 lb} kept {open 3 italic}x.=>{open 1 }Ж{close 1 } {placeholder 2 } {open 3 }х.@translated" +
				" | _  | 1:{open 4 x-html-span}y{close 4 x-html-span}{placeholder 5 }.=>{open 4 x-html-span}у{close 4 x-html-span}{placeholder 5 }.@translated"},
		},
		{
			name: "1.2 no namespace",
			v:    Version12,
			doc: `<xliff version="1.2"><file original="a" source-language="en" datatype="plaintext"><body>
<trans-unit id="1"><source>Hi.</source></trans-unit></body></file></xliff>`,
			want: []string{"1:Hi.@new"},
		},
		{
			name: "2.1 prefixes, extensions, modules, CDATA, cp, annotations, state-less target",
			v:    Version21,
			doc: `<?xml version="1.0"?>
<xlf:xliff xmlns:xlf="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="ru"
  xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0" xmlns:my="urn:example:my" my:tool="x">
 <xlf:file id="f" my:a="1">
  <my:info id="i1"><my:x>anything</my:x></my:info>
  <xlf:unit id="u1" my:b="2">
   <mtc:matches><mtc:match ref="#m1"><xlf:source>Hi</xlf:source><xlf:target>Привет</xlf:target></mtc:match></mtc:matches>
   <xlf:segment>
    <xlf:source>A <xlf:mrk id="m1" type="term">term</xlf:mrk>, <xlf:sm id="s" type="my:x"/>marked<xlf:em startRef="s"/><![CDATA[ <&> ]]><xlf:cp hex="000C"/>.</xlf:source>
    <xlf:target>Т <xlf:mrk id="m1" type="term">термин</xlf:mrk>.</xlf:target>
   </xlf:segment>
  </xlf:unit>
 </xlf:file>
</xlf:xliff>`,
			want: []string{"s1:A term, marked <&> \f.=>Т термин.@new"},
		},
		{
			name: "2.0 groups, ignorables, order, states",
			v:    Version20,
			doc: `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de">
 <file id="f"><group id="g"><group id="g2">
  <unit id="u"><segment id="a" state="final"><source>One.</source><target order="3">Eins.</target></segment>
   <ignorable><source> </source><target> </target></ignorable>
   <segment id="b" state="translated" subState="other:x"><source>Two.</source><target order="1">Zwei.</target></segment>
   <segment state="reviewed"><source>Three.</source><target>Drei.</target></segment></unit>
 </group></group></file></xliff>`,
			want: []string{"a:One.=>Eins.@final | _  | b:Two.=>Zwei.@translated | s3:Three.=>Drei.@reviewed"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, v, err := Read(strings.NewReader(tc.doc), "t.xlf")
			if err != nil {
				t.Fatal(err)
			}
			if v != tc.v {
				t.Errorf("version %q, want %q", v, tc.v)
			}
			var got []string
			for _, u := range f.Units {
				got = append(got, segs(u))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func xliff12(units string) string {
	return `<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
<file original="a.txt" source-language="en" target-language="ru" datatype="plaintext"><body>` + units + `
</body></file></xliff>`
}

func xliff2(units string) string {
	return `<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="ru">
<file id="f">` + units + `
</file></xliff>`
}

// TestReadOmegaT reads a file as OmegaT 3.6 returns it: targets filled,
// states left as they were, and in a unit of one segment the segment
// marker dropped.
func TestReadOmegaT(t *testing.T) {
	f := articleFile(t)
	var buf bytes.Buffer
	if err := Write(&buf, f, WriteOptions{Version: Version12, PrefillTargets: true}); err != nil {
		t.Fatal(err)
	}
	doc := buf.String()
	// b1 is one segment: OmegaT writes its target without the marker.
	doc = strings.Replace(doc, `<target state="new"><mrk mtype="seg" mid="s1">Ablyazov Denies Amnesty Conditional</mrk></target>`,
		`<target state="new">Абляззов отрицает условность амнистии</target>`, 1)
	// b6 has several: OmegaT keeps the markers as tags, translates inside
	// them and joins the sentences with a space.
	re := regexp.MustCompile(`(<trans-unit id="b6"[\s\S]*?<target state="new">)[\s\S]*?(</target>)`)
	doc = re.ReplaceAllString(doc, `${1}<mrk mtype="seg" mid="s1">Казахский президент подписал указ.</mrk> <mrk mtype="seg" mid="s2">«Абляззов освобождён», — сообщила пресс-служба.</mrk>${2}`)
	got, _, err := ReadOptions{SourceLang: language.English, TargetLang: language.Russian}.Read(strings.NewReader(doc), "omegat.xlf")
	if err != nil {
		t.Fatal(err)
	}
	b1 := got.Units[0].Segments()[0]
	if b1.Target.PlainText() != "Абляззов отрицает условность амнистии" || b1.State != handoff.New || !b1.IsTranslated() {
		t.Errorf("b1: %s", segs(got.Units[0]))
	}
	b6 := got.Units[5].Segments()
	if len(b6) != 2 || !b6[1].IsTranslated() || !strings.HasPrefix(b6[1].Target.PlainText(), "«Абляззов") {
		t.Errorf("b6: %s", segs(got.Units[5]))
	}
	if b2 := got.Units[1].Segments()[0]; b2.IsTranslated() {
		t.Errorf("b2, a source copy, counts as translated: %s", segs(got.Units[1]))
	}
	// Without the markers in a unit of two segments, the translation is
	// the whole paragraph's: one segment, whose source is the paragraph.
	doc = re.ReplaceAllString(doc, `${1}Казахский президент подписал указ. «Абляззов освобождён».${2}`)
	got, _, err = Read(strings.NewReader(doc), "omegat.xlf")
	if err != nil {
		t.Fatal(err)
	}
	u := got.Units[5]
	b6 = u.Segments()
	if len(u.Parts) != 1 || len(b6) != 1 || b6[0].ID != "s1" || !b6[0].IsTranslated() ||
		!b6[0].Source.Equal(inline.Text(`Kazak president Nursultan Nazarbaev signed an order on May 13 freeing a number of prisoners including Ablyazov. “Ablyazov is released from further imprisonment,” announced the president’s press office.`)) ||
		b6[0].Target.PlainText() != "Казахский президент подписал указ. «Абляззов освобождён»." {
		t.Errorf("b6 as a paragraph: %s", segs(u))
	}
	if b6[0].Line != 34 || b6[0].Col != 5 {
		t.Errorf("b6 at %d:%d, want 34:5, its <target>", b6[0].Line, b6[0].Col)
	}
}

// TestReadEmptyTargets reads targets that hold nothing, or only white
// space, as no target, in a unit whose source has codes: not as a
// translation that leaves them out.
func TestReadEmptyTargets(t *testing.T) {
	src12 := `<source>A <g id="1" ctype="bold">b</g><x id="2"/>.</source>`
	seg12 := `<seg-source><mrk mtype="seg" mid="s1">A <g id="1" ctype="bold">b</g>.</mrk> <mrk mtype="seg" mid="s2">C<x id="2"/>.</mrk></seg-source>`
	src2 := `<segment id="s1" state="translated"><source>A <pc id="1" canCopy="no" canDelete="no">b</pc><ph id="2" canCopy="no" canDelete="no"/>.</source>`
	for _, tc := range []struct {
		name, doc, want string
	}{
		{"1.2 empty element", xliff12(`<trans-unit id="u">` + src12 + `<target state="translated"/></trans-unit>`), "1:A {open 1 bold}b{close 1 bold}{placeholder 2 }.@new"},
		{"1.2 start and end tags", xliff12(`<trans-unit id="u">` + src12 + `<target state="final"></target></trans-unit>`), "1:A {open 1 bold}b{close 1 bold}{placeholder 2 }.@new"},
		{"1.2 white space", xliff12(`<trans-unit id="u" approved="yes">` + src12 + `<target state="final"> &#10;</target></trans-unit>`), "1:A {open 1 bold}b{close 1 bold}{placeholder 2 }.@new"},
		{"1.2 empty segment marker", xliff12(`<trans-unit id="u"><source>x</source>` + seg12 + `<target state="translated"><mrk mtype="seg" mid="s1"/> <mrk mtype="seg" mid="s2">В<x id="2"/>.</mrk></target></trans-unit>`),
			"s1:A {open 1 bold}b{close 1 bold}.@new | _  | s2:C{placeholder 2 }.=>В{placeholder 2 }.@translated"},
		{"1.2 blank segment marker", xliff12(`<trans-unit id="u"><source>x</source>` + seg12 + `<target state="translated"><mrk mtype="seg" mid="s1"> </mrk><mrk mtype="seg" mid="s2"></mrk></target></trans-unit>`),
			"s1:A {open 1 bold}b{close 1 bold}.@new | _  | s2:C{placeholder 2 }.@new"},
		{"2.x empty element", xliff2(`<unit id="u">` + src2 + `<target/></segment></unit>`), "s1:A {open 1 }b{close 1 }{placeholder 2 }.@new"},
		{"2.x white space", xliff2(`<unit id="u">` + src2 + `<target>` + "	" + `</target></segment></unit>`), "s1:A {open 1 }b{close 1 }{placeholder 2 }.@new"},
		{"2.x needs translation", xliff2(`<unit id="u"><segment state="initial" subState="loctool:needs-translation"><source>a</source><target></target></segment></unit>`), "s1:a@needs-translation"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, opts := range []ReadOptions{{}, {KeepCodeMismatches: true}} {
				f, _, err := opts.Read(strings.NewReader(tc.doc), "t.xlf")
				if err != nil {
					t.Fatal(err)
				}
				if got := segs(f.Units[0]); got != tc.want {
					t.Errorf("got  %s\nwant %s", got, tc.want)
				}
			}
		})
	}
}

// TestReadErrors checks what the readers reject, and where they say it is.
func TestReadErrors(t *testing.T) {
	deep := strings.Repeat("<mrk mtype=\"x-a\">", 120) + strings.Repeat("</mrk>", 120)
	for _, tc := range []struct {
		name string
		doc  string
		opts ReadOptions
		kind error
		want string
	}{
		{"not XML", "hello", ReadOptions{}, ErrSyntax, "t.xlf:1:1: text outside the root element: this is not an XML document"},
		{"malformed", "<xliff>\n<file></xliff>", ReadOptions{}, ErrSyntax, "t.xlf:2:7: element <file> closed by </xliff>"},
		{"not xliff", "<html/>", ReadOptions{}, ErrSyntax, "t.xlf:1:1: the root element is <html>, not <xliff>: this is not an XLIFF file"},
		{"xliff 1.0", `<xliff xmlns="urn:oasis:names:tc:xliff:document:1.0" version="1.0"/>`, ReadOptions{}, ErrVersion, "t.xlf:1:1: XLIFF 1.0 is not supported: convert the file to XLIFF 1.2 or 2.x"},
		{"xliff 1.0 without a namespace", `<xliff version="1.0"><file/></xliff>`, ReadOptions{}, ErrVersion, "t.xlf:1:1: XLIFF 1.0 is not supported: convert the file to XLIFF 1.2 or 2.x"},
		{"entity declaration", "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]>\n<xliff/>", ReadOptions{}, ErrDTD,
			"t.xlf:2:1: the DOCTYPE declares entities, which loctool never expands: remove the DOCTYPE"},
		{"undefined entity", xliff12("\n<trans-unit id=\"1\"><source>&nbsp;</source></trans-unit>"), ReadOptions{}, ErrSyntax,
			"t.xlf:4:34: undefined entity &nbsp;: only &amp; &lt; &gt; &quot; &apos; and character references are allowed"},
		{"too deep", xliff12("\n<trans-unit id=\"1\"><source>" + deep + "</source></trans-unit>"), ReadOptions{}, ErrLimit,
			"t.xlf:4:1643: elements nest deeper than 100 levels (Limits.MaxDepth)"},
		{"too big", xliff12(strings.Repeat("\n<trans-unit id=\"1\"><source>x</source></trans-unit>", 40)), ReadOptions{Limits: Limits{MaxBytes: 1000}}, ErrLimit,
			"t.xlf:20:3: the file is larger than 1000 bytes (Limits.MaxBytes)"},
		{"duplicate unit", xliff12("\n<trans-unit id=\"1\"><source>a</source></trans-unit>\n<trans-unit id=\"1\"><source>b</source></trans-unit>"), ReadOptions{}, ErrDuplicateID,
			`t.xlf:5:1: trans-unit id "1" is already used on line 4: IDs must be unique in a <file>`},
		{"duplicate mid", xliff12("\n<trans-unit id=\"1\"><source>a b</source><seg-source><mrk mtype=\"seg\" mid=\"1\">a</mrk> <mrk mtype=\"seg\" mid=\"1\">b</mrk></seg-source></trans-unit>"), ReadOptions{}, ErrDuplicateID,
			`t.xlf:4:85: trans-unit 1 has two segments with mid "1"`},
		{"unknown mid", xliff12("\n<trans-unit id=\"1\"><source>a</source><seg-source><mrk mtype=\"seg\" mid=\"1\">a</mrk></seg-source>\n<target><mrk mtype=\"seg\" mid=\"2\">а</mrk></target></trans-unit>"), ReadOptions{}, ErrUnknownSegment,
			`t.xlf:5:9: the target of trans-unit 1 has segment mid="2", which its <seg-source> does not have`},
		{"wrong target language", xliff12("\n<trans-unit id=\"1\"><source>a</source></trans-unit>"), ReadOptions{TargetLang: language.Kazakh}, ErrLanguage,
			"t.xlf:3:1: the target language is ru, not kk as expected"},
		{"wrong source language", xliff2(`<unit id="u"><segment><source>a</source></segment></unit>`), ReadOptions{SourceLang: language.Russian}, ErrLanguage,
			"t.xlf:2:1: the source language is en, not ru as expected"},
		{"missing source language", `<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="a" datatype="plaintext"><body/></file></xliff>`, ReadOptions{}, ErrLanguage,
			"t.xlf:1:68: <file> has no source-language attribute"},
		{"missing code", xliff12("\n<trans-unit id=\"1\"><source><g id=\"1\">a</g> <x id=\"2\"/></source>\n<target><g id=\"1\">а</g></target></trans-unit>"), ReadOptions{}, ErrCodes,
			"t.xlf:5:1: trans-unit 1, segment 1: the target's inline codes do not match the source's: missing placeholder code 2 (); each code of the source must appear once in the target"},
		{"extra code", xliff12("\n<trans-unit id=\"1\"><source>a</source>\n<target>а<x id=\"9\" ctype=\"lb\"/></target></trans-unit>"), ReadOptions{}, ErrCodes,
			"t.xlf:5:1: trans-unit 1, segment 1: the target's inline codes do not match the source's: unexpected placeholder code 9 (lb); each code of the source must appear once in the target"},
		{"repeated code", xliff12("\n<trans-unit id=\"1\"><source>a<x id=\"1\"/></source>\n<target>а<x id=\"1\"/><x id=\"1\"/></target></trans-unit>"), ReadOptions{}, ErrCodes,
			"t.xlf:5:1: trans-unit 1, segment 1: the target's inline codes do not match the source's: unexpected placeholder code 1 (); each code of the source must appear once in the target"},
		{"crossed codes", xliff12("\n<trans-unit id=\"1\"><source><g id=\"1\">a <g id=\"2\">b</g></g></source>\n<target><bx id=\"1\"/>а <bx id=\"2\"/>б<ex id=\"1\"/><ex id=\"2\"/></target></trans-unit>"), ReadOptions{}, ErrCodes,
			"t.xlf:5:1: trans-unit 1, segment 1: the target's inline codes do not match the source's: codes 2 and 1 cross: 1 closes before 2; each code of the source must appear once in the target"},
		{"2.x duplicate unit", xliff2("\n<unit id=\"u\"><segment><source>a</source></segment></unit>\n<unit id=\"u\"><segment><source>b</source></segment></unit>"), ReadOptions{}, ErrDuplicateID,
			`t.xlf:5:1: unit id "u" is already used on line 4: unit IDs must be unique in a <file>`},
		{"2.x deleted code", xliff2("\n<unit id=\"u\"><segment><source>a<ph id=\"1\" canDelete=\"no\" canCopy=\"no\"/></source>\n<target>а</target></segment></unit>"), ReadOptions{}, ErrCodes,
			`t.xlf:5:1: unit u: the target leaves out <ph> (id "1"), which is marked canDelete="no": put it back`},
		{"2.x copied code", xliff2("\n<unit id=\"u\"><segment><source>a<ph id=\"1\" canDelete=\"no\" canCopy=\"no\"/></source>\n<target>а<ph id=\"1\" canDelete=\"no\" canCopy=\"no\"/><ph id=\"2\" copyOf=\"1\"/></target></segment></unit>"), ReadOptions{}, ErrCodes,
			`t.xlf:5:50: unit u: copyOf="1" on <ph> copies a code marked canCopy="no"`},
		{"2.x crossed codes", xliff2("\n<unit id=\"u\"><segment><source><sc id=\"1\"/>a<sc id=\"2\"/>b<ec startRef=\"2\"/><ec startRef=\"1\"/></source>\n<target><sc id=\"1\"/>а<sc id=\"2\"/>б<ec startRef=\"1\"/><ec startRef=\"2\"/></target></segment></unit>"), ReadOptions{}, ErrCodes,
			`t.xlf:5:1: unit u, segment s1: the target's codes are not soundly nested: codes 2 and 1 cross: 1 closes before 2`},
		{"2.x code changes element", xliff2("\n<unit id=\"u\"><segment><source><pc id=\"1\">a</pc></source>\n<target><ph id=\"1\"/>а</target></segment></unit>"), ReadOptions{}, ErrCodes,
			`t.xlf:5:9: unit u: <ph> in the target has id "1", but in the source that ID is a <pc>: a code keeps its element`},
		{"2.x broken nesting", xliff2("\n<unit id=\"u\"><segment><source><pc id=\"1\">a</source></pc></segment></unit>"), ReadOptions{}, ErrSyntax,
			"t.xlf:4:43: element <pc> closed by </source>"},
		{"no target language", `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en"><file id="f"><unit id="u"><segment><source>a</source></segment></unit></file></xliff>`,
			ReadOptions{TargetLang: language.Russian}, ErrLanguage, "t.xlf:1:1: the file names no target language: expected ru"},
		{"unsupported encoding", `<?xml version="1.0" encoding="EBCDIC-X"?><xliff/>`, ReadOptions{}, ErrSyntax,
			`t.xlf:1:42: unsupported encoding "EBCDIC-X": save the file as UTF-8`},
		{"several files", strings.Replace(xliff2(`<unit id="u"><segment><source>a</source></segment></unit>`), "</file>", "</file>\n<file id=\"g\"><unit id=\"u\"><segment><source>b</source></segment></unit></file>", 1), ReadOptions{}, ErrMultipleFiles,
			"t.xlf:5:1: the document has 2 <file> elements, and a project's handoff file holds one article: give each <file> a handoff file of its own (check reads such a document whole outside a project)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := tc.opts.Read(strings.NewReader(tc.doc), "t.xlf")
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, tc.kind) {
				t.Errorf("error %v is not %v", err, tc.kind)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Errorf("error %T is not an *Error", err)
			}
			if err.Error() != tc.want {
				t.Errorf("got  %s\nwant %s", err, tc.want)
			}
		})
	}
}

// TestWriteErrors checks what the writers refuse to write.
func TestWriteErrors(t *testing.T) {
	unit := func(id string, c inline.Content) *handoff.Unit {
		return &handoff.Unit{ID: id, Parts: []handoff.Part{{Segment: &handoff.Segment{ID: "s1", Source: c}}}}
	}
	ph := func(id string) inline.Item { return inline.Item{Code: &inline.Code{Kind: inline.Placeholder, ID: id}} }
	noted := func(notes ...handoff.Note) *handoff.Unit {
		u := unit("a", inline.Text("x"))
		u.Notes = notes
		return u
	}
	ordered := func(o1, o2 int) *handoff.Unit {
		seg := func(id string, order int) *handoff.Segment {
			return &handoff.Segment{ID: id, Source: inline.Text("x"), Target: inline.Text("y"), State: handoff.Translated, Order: order}
		}
		return &handoff.Unit{ID: "a", Parts: []handoff.Part{{Segment: seg("s1", o1)}, {Space: " "}, {Segment: seg("s2", o2)}}}
	}
	for _, tc := range []struct {
		name  string
		units []*handoff.Unit
		v     Version
		want  string
	}{
		{"duplicate unit", []*handoff.Unit{unit("a", inline.Text("x")), unit("a", inline.Text("y"))}, Version21, `xliff: unit ID "a" is used twice: duplicate ID`},
		{"no unit ID", []*handoff.Unit{unit("", inline.Text("x"))}, Version12, `xliff: unit 1 has no ID`},
		{"no segment", []*handoff.Unit{{ID: "a", Parts: []handoff.Part{{Space: " "}}}}, Version12, `xliff: unit a has no segment: XLIFF needs at least one`},
		{"code ID twice", []*handoff.Unit{unit("a", inline.Content{ph("1"), {Code: &inline.Code{Kind: inline.Placeholder, ID: "1", Type: "lb"}}})}, Version12,
			`xliff: unit a: source: code ID "1" is used by two placeholders that differ: duplicate ID`},
		{"code ID of a pair and a placeholder", []*handoff.Unit{unit("a", inline.Content{{Code: &inline.Code{Kind: inline.Open, ID: "1"}}, ph("1")})}, Version12,
			`xliff: unit a: source: code ID "1" is used by more than one code: duplicate ID`},
		{"placeholder repeated in XLIFF 2", []*handoff.Unit{unit("a", inline.Content{ph("1"), ph("1")})}, Version21,
			`xliff: unit a: placeholder "1" is repeated, which XLIFF 2 does not allow (write XLIFF 1.2): duplicate ID`},
		{"code ID is a segment ID", []*handoff.Unit{unit("a", inline.Content{ph("s1")})}, Version22, `xliff: unit a: code ID "s1" is also a segment ID, which XLIFF 2 does not allow: duplicate ID`},
		{"control character in 1.2", []*handoff.Unit{unit("a", inline.Text("form\ffeed"))}, Version12, `xliff: character U+000C cannot be written in XLIFF 1.2`},
		{"note priority", []*handoff.Unit{noted(handoff.Note{Text: "n", Priority: 11})}, Version12, `xliff: unit a: note: priority 11 is not from 1 to 10`},
		{"note subject", []*handoff.Unit{noted(handoff.Note{Text: "n", AppliesTo: "general"})}, Version21,
			`xliff: unit a: note: it applies to "general": a note applies to the source, the target, or the whole unit`},
		{"note language", []*handoff.Unit{noted(handoff.Note{Text: "n", Lang: "en_GB"})}, Version21, `xliff: unit a: note: language "en_GB" is not a well-formed BCP 47 language tag`},
		{"note ID twice", []*handoff.Unit{noted(handoff.Note{Text: "n", ID: "n1"}, handoff.Note{Text: "m", ID: "n1"})}, Version22, `xliff: unit a: note: ID "n1" is used twice: duplicate ID`},
		{"order out of the unit", []*handoff.Unit{ordered(9, 0)}, Version21, `xliff: unit a: segment s1 has order 9, but the unit has 3 parts`},
		{"two targets in one place", []*handoff.Unit{ordered(3, 0)}, Version12, `xliff: unit a: the targets of segments s1 and s2 take place 3 both`},
		{"a target in the white space", []*handoff.Unit{ordered(2, 0)}, Version22, `xliff: unit a: the target of segment s1 takes place 2, which is no segment's with a target`},
		{"bad version", []*handoff.Unit{unit("a", inline.Text("x"))}, "3.0", `xliff: cannot write version "3.0": use 1.2, 2.0, 2.1 or 2.2: unsupported version`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &handoff.File{SourceLang: language.English, TargetLang: language.Russian, Units: tc.units}
			err := Write(&bytes.Buffer{}, f, WriteOptions{Version: tc.v})
			if err == nil || err.Error() != tc.want {
				t.Errorf("got %v\nwant %s", err, tc.want)
			}
		})
	}
}

// TestControlCharacters checks that XLIFF 2 keeps characters XML forbids,
// as <cp>.
func TestControlCharacters(t *testing.T) {
	f := &handoff.File{SourceLang: language.English, TargetLang: language.Russian, Units: []*handoff.Unit{{ID: "a", Parts: []handoff.Part{
		{Segment: &handoff.Segment{ID: "s1", Source: inline.Content{{Text: "form\ffeed\x01"}, {Code: &inline.Code{Kind: inline.Placeholder, ID: "1", Data: "\x1b[1m"}}}}},
	}}}}
	b := write(t, f, WriteOptions{Version: Version21})
	if !bytes.Contains(b, []byte(`form<cp hex="000C"/>feed<cp hex="0001"/>`)) || !bytes.Contains(b, []byte(`<cp hex="001B"/>[1m`)) {
		t.Errorf("no <cp>:\n%s", b)
	}
	got, _, err := Read(bytes.NewReader(b), "cp.xlf")
	if err != nil {
		t.Fatal(err)
	}
	if d := diffFiles(got, f); d != "" {
		t.Error(d)
	}
}

func ExampleWrite() {
	f := &handoff.File{
		Original:   "articles/note.txt",
		Datatype:   "plaintext",
		SourceLang: language.English,
		TargetLang: language.Russian,
		Units: []*handoff.Unit{{ID: "b1", Parts: []handoff.Part{
			{Segment: &handoff.Segment{ID: "s1", Source: inline.Text("He left."), Target: inline.Text("Он ушёл."), State: handoff.Translated}},
			{Space: " "},
			{Segment: &handoff.Segment{ID: "s2", Source: inline.Text("She stayed.")}},
		}}},
	}
	var buf bytes.Buffer
	if err := Write(&buf, f, WriteOptions{Version: Version12, PrefillTargets: true}); err != nil {
		fmt.Println(err)
	}
	fmt.Print(buf.String())
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
	//  <file original="articles/note.txt" source-language="en" target-language="ru" datatype="plaintext" tool-id="loctool-prefilled"><header><tool tool-id="loctool-prefilled" tool-name="loctool, every target prefilled"/></header>
	//   <body>
	//    <trans-unit id="b1" xml:space="preserve">
	//     <source>He left. She stayed.</source>
	//     <seg-source><mrk mtype="seg" mid="s1">He left.</mrk> <mrk mtype="seg" mid="s2">She stayed.</mrk></seg-source>
	//     <target state="new"><mrk mtype="seg" mid="s1">Он ушёл.</mrk> <mrk mtype="seg" mid="s2">She stayed.</mrk></target>
	//    </trans-unit>
	//   </body>
	//  </file>
	// </xliff>
}

func ExampleReadOptions_Read() {
	doc := `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="ru">
 <file id="f1"><unit id="b1">
  <segment id="s1" state="translated"><source>He left.</source><target>Он ушёл.</target></segment>
 </unit></file>
</xliff>`
	f, v, err := ReadOptions{TargetLang: language.Kazakh}.Read(strings.NewReader(doc), "b1.xlf")
	fmt.Println(f, v, err)
	f, v, err = ReadOptions{TargetLang: language.Russian}.Read(strings.NewReader(doc), "b1.xlf")
	fmt.Println(v, err, f.Units[0].Segments()[0].Target.PlainText())
	// Output:
	// <nil> 2.1 b1.xlf:1:1: the target language is ru, not kk as expected
	// 2.1 <nil> Он ушёл.
}

// TestReadEncodings reads files in the encodings tools save them in.
func TestReadEncodings(t *testing.T) {
	doc := func(enc string) string {
		return `<?xml version="1.0" encoding="` + enc + `"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="a" source-language="fr" datatype="plaintext"><body>
<trans-unit id="1"><source>Déjà vu</source></trans-unit></body></file></xliff>`
	}
	utf16 := func(s string, bigEndian bool) []byte {
		b := []byte{0xFF, 0xFE}
		if bigEndian {
			b = []byte{0xFE, 0xFF}
		}
		for _, r := range s {
			if bigEndian {
				b = append(b, byte(r>>8), byte(r))
			} else {
				b = append(b, byte(r), byte(r>>8))
			}
		}
		return b
	}
	for _, tc := range []struct {
		name string
		doc  []byte
	}{
		{"UTF-8 with BOM", append([]byte("\xEF\xBB\xBF"), doc("UTF-8")...)},
		{"UTF-16LE", utf16(doc("UTF-16"), false)},
		{"UTF-16BE", utf16(doc("UTF-16"), true)},
		{"ISO-8859-1", bytes.ReplaceAll(bytes.ReplaceAll([]byte(doc("ISO-8859-1")), []byte("é"), []byte{0xE9}), []byte("à"), []byte{0xE0})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, _, err := Read(bytes.NewReader(tc.doc), "enc.xlf")
			if err != nil {
				t.Fatal(err)
			}
			if got := f.Units[0].Segments()[0].Source.PlainText(); got != "Déjà vu" {
				t.Errorf("source %q", got)
			}
		})
	}
}

// TestReadAll reads a document of several files.
func TestReadAll(t *testing.T) {
	doc := strings.Replace(xliff2(`<unit id="u"><segment><source>a</source></segment></unit>`), "</file>",
		"</file>\n<file id=\"g\" original=\"b.md\"><unit id=\"u\"><segment><source>b</source></segment></unit></file>", 1)
	files, v, err := ReadOptions{}.ReadAll(strings.NewReader(doc), "t.xlf")
	if err != nil || v != Version21 || len(files) != 2 || files[1].Original != "b.md" || files[1].Units[0].Source().PlainText() != "b" {
		t.Errorf("got %v %v %v", files, v, err)
	}
}

// With KeepCodeMismatches, a target whose codes do not match its
// source's is read as it is; without it, the file is rejected.
func TestReadKeepCodeMismatches(t *testing.T) {
	for name, data := range map[string]string{
		"1.2": `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="a.md" source-language="en" target-language="ru" datatype="x-markdown"><body>
  <trans-unit id="b1"><source>See <g id="1" ctype="link">the report</g>.</source>
   <target>См. доклад.</target></trans-unit>
 </body></file></xliff>`,
		"2.1": `<xliff version="2.1" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="ru">
 <file id="f1" original="a.md"><unit id="b1"><segment id="s1">
  <source>See <pc id="1" canCopy="no" canDelete="no">the report</pc>.</source>
  <target>См. доклад.</target>
 </segment></unit></file></xliff>`,
		"2.1 crossed": `<xliff version="2.1" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="ru">
 <file id="f1" original="a.md"><unit id="b1"><segment id="s1">
  <source><sc id="1"/>Bold <sc id="2"/>and<ec startRef="2"/> italic<ec startRef="1"/>.</source>
  <target><sc id="1"/>Жирный <sc id="2"/>и<ec startRef="1"/> курсив<ec startRef="2"/>.</target>
 </segment></unit></file></xliff>`,
	} {
		if _, _, err := (ReadOptions{}).Read(strings.NewReader(data), "a.xlf"); !errors.Is(err, ErrCodes) {
			t.Errorf("%s: without the option, %v", name, err)
		}
		f, _, err := (ReadOptions{KeepCodeMismatches: true}).Read(strings.NewReader(data), "a.xlf")
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		s := f.Units[0].Segments()[0]
		if s.Target == nil || inline.CheckCodes(s.Source, s.Target) == nil {
			t.Errorf("%s: target %v of %v", name, s.Target, s.Source)
		}
		if s.Line == 0 {
			t.Errorf("%s: the target has no place", name)
		}
	}
}

// TestSegmentColumns checks that the places of segments count
// characters: "Дом" is three columns, not six (in bytes, the second
// segments would be at 5:48 and 4:116).
func TestSegmentColumns(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		want      []string // line:col of each segment
	}{
		{"1.2", xliff12("\n" + `<trans-unit id="1"><source>a b</source><seg-source><mrk mtype="seg" mid="1">a</mrk> <mrk mtype="seg" mid="2">b</mrk></seg-source>` +
			"\n" + `<target><mrk mtype="seg" mid="1">Дом.</mrk> <mrk mtype="seg" mid="2">Кот.</mrk></target></trans-unit>`), []string{"5:9", "5:45"}},
		{"2.1", xliff2("\n" + `<unit id="u"><segment id="a"><source>a</source><target>Дом.</target></segment><segment id="b"><source>b</source><target>Кот.</target></segment></unit>`),
			[]string{"4:48", "4:113"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, _, err := Read(strings.NewReader(tc.doc), "t.xlf")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range f.Units[0].Segments() {
				got = append(got, fmt.Sprintf("%d:%d", s.Line, s.Col))
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("segments at %v, want %v", got, tc.want)
			}
		})
	}
}

// TestReadUnprintable refuses targets with characters no translation may
// hold, at their place, naming the unit and the segment: control
// characters, bytes that are not UTF-8, XLIFF 2's <cp>, and in XLIFF 1.2
// extension elements, whose text cannot be placed. A source may hold
// them, and so may a target that is a copy of its source.
func TestReadUnprintable(t *testing.T) {
	seg12 := func(src, tgt string) string {
		return xliff12("\n" + `<trans-unit id="u"><source>` + src + `</source><seg-source><mrk mtype="seg" mid="s1">` + src + `</mrk></seg-source>` +
			"\n" + `<target><mrk mtype="seg" mid="s1">` + tgt + `</mrk></target></trans-unit>`)
	}
	seg2 := func(src, tgt string) string {
		return xliff2("\n" + `<unit id="u"><segment id="s1"><source>` + src + `</source>` + "\n" + `<target>` + tgt + `</target></segment></unit>`)
	}
	for _, tc := range []struct {
		name, doc string
		kind      error
		want      string // the error, or "" for none
	}{
		{"1.2 DEL", seg12("a", "б\x7fв"), ErrInvalid,
			"t.xlf:5:9: trans-unit u, segment s1: the target has control character U+007F, which a translation may not hold: remove it"},
		{"1.2 C1 reference", seg12("a", `б<g id="1">в&#x85;</g>`), ErrInvalid,
			"t.xlf:5:36: trans-unit u, segment s1: the target has control character U+0085, which a translation may not hold: remove it"},
		{"1.2 C0 reference", seg12("a", "б&#1;"), ErrSyntax, "t.xlf:5:36: illegal character code U+0001 in the <target> of trans-unit u, segment s1"},
		{"1.2 C0", seg12("a", "б\x1b"), ErrSyntax, "t.xlf:5:36: illegal character code U+001B in the <target> of trans-unit u, segment s1"},
		{"1.2 not UTF-8", seg12("a", "б\xff"), ErrSyntax, "t.xlf:5:36: invalid UTF-8 in the <target> of trans-unit u, segment s1"},
		{"1.2 surrogate reference", seg12("a", "б&#xDC00;"), ErrSyntax,
			"t.xlf:5:36: illegal character code U+DC00, half of a UTF-16 surrogate pair in the <target> of trans-unit u, segment s1"},
		{"1.2 in the source", seg12("a\x7f\u0085", "б"), nil, ""},
		{"1.2 a copy of the source", seg12("a\x7f", "a&#x7F;"), nil, ""},
		{"1.2 in markup", seg12(`a<ph id="1">&#x85;</ph>`, `б<ph id="1">&#x85;</ph>`), nil, ""},
		{"1.2 extension element", seg12("a", `б <sdl:del xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0">в</sdl:del>`), ErrInvalid,
			"t.xlf:5:37: trans-unit u: <del> of namespace http://sdl.com/FileTypes/SdlXliff/1.0 is not allowed in a <target>, where XLIFF 1.2 allows its inline elements only, and loctool cannot tell whether its text is part of the translation: remove it, and keep its text if it is"},
		{"2.x NUL as <cp>", seg2("a", `б<cp hex="0000"/>`), ErrInvalid,
			`t.xlf:5:10: unit u, segment s1: the target has <cp hex="0000"/>, control character U+0000, which a translation may not hold: remove it`},
		{"2.x surrogate as <cp>", seg2("a", `<pc id="1">б<cp hex="D800"/></pc>`), ErrInvalid,
			`t.xlf:5:21: unit u, segment s1: the target has <cp hex="D800"/>, U+D800, half of a UTF-16 surrogate pair, not a character: remove it`},
		{"2.x C1", seg2("a", "б\u009b"), ErrInvalid,
			"t.xlf:5:1: unit u, segment s1: the target has control character U+009B, which a translation may not hold: remove it"},
		{"2.x C0", seg2("a", "б\x08"), ErrSyntax, "t.xlf:5:10: illegal character code U+0008 in the <target> of unit u, segment s1"},
		{"2.x in the source", seg2(`a<cp hex="0001"/>`, "б"), nil, ""},
		{"2.x a copy of the source", seg2(`a<cp hex="FFFF"/>`, `a<cp hex="FFFF"/>`), nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Read(strings.NewReader(tc.doc), "t.xlf")
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, tc.kind) || err.Error() != tc.want || e.Unit != "u" || e.Segment != "s1" {
				t.Errorf("got  %v (%#v)\nwant %s", err, e, tc.want)
			}
		})
	}
}

// TestOrder reads the order of targets of the OASIS suite's documents:
// the targets of segments take the places the order attributes give,
// those of ignorables, which loctool does not keep, are left out, and
// the unit's translated text is the file's, but for where white space
// goes. What is read writes, in every version, files that read the same.
func TestOrder(t *testing.T) {
	dir := filepath.Join(suite(t), "core", "valid")
	fill := func(s *handoff.Segment) inline.Content { return inline.Text("[" + s.Source.PlainText() + "]") }
	for _, tc := range []struct {
		file, unit string
		orders     string // of each segment
		target     string
	}{
		{"toSegmentAndOrder.xlf", "1", "s1:6 s2:1 s3:0 s4:3",
			"Phrase 3-t1. Phrase 4-t2.  Phrase 7-t3. Phrase 8-t4. [Sentence 5-t5. Sentence 6-t6.] Phrase 1-t7. Phrase 2-t8."},
		{"testTranslateWithTarget.xlf", "1", "s1:0 s2:5 s3:3", "[Sentence 1.] [Sentence 3.] Phrase 2-3."},
		{"everything-core.xlf", "tu1", "1:3 2:1", "Contenu du segment. Exemple de segment."},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			files, _, err := ReadOptions{FragmentPrefixes: extraPrefixes(t, dir)}.ReadAll(bytes.NewReader(data), tc.file)
			if err != nil {
				t.Fatal(err)
			}
			f := files[0]
			var u *handoff.Unit
			for _, x := range f.Units {
				if x.ID == tc.unit {
					u = x
				}
			}
			var orders []string
			for _, s := range u.Segments() {
				orders = append(orders, fmt.Sprintf("%s:%d", s.ID, s.Order))
			}
			if got := strings.Join(orders, " "); got != tc.orders {
				t.Errorf("orders %s, want %s", got, tc.orders)
			}
			if got, _ := u.Target(fill); got.PlainText() != tc.target {
				t.Errorf("target %q\nwant   %q", got.PlainText(), tc.target)
			}
			one := &handoff.File{Datatype: "plaintext", SourceLang: f.SourceLang, TargetLang: f.TargetLang, Units: []*handoff.Unit{u}}
			for _, opts := range allOptions {
				if opts.Version == Version12 && slices.ContainsFunc(u.Parts, func(p handoff.Part) bool { return p.Segment == nil && p.Space == "" }) {
					continue // XLIFF 1.2 has no empty text between segments
				}
				back, _, err := Read(bytes.NewReader(write(t, one, opts)), "again.xlf")
				if err != nil {
					t.Fatalf("%s: %v", optName(opts), err)
				}
				if d := diffFiles(back, expected(one, opts)); d != "" {
					t.Errorf("%s: %s", optName(opts), d)
				}
			}
		})
	}
}

// TestReadNotes reads what notes say of themselves.
func TestReadNotes(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		want      []handoff.Note
	}{
		{"1.2", xliff12(`<trans-unit id="u"><source>a</source>
<note from="editor" priority="3" annotates="target" xml:lang="en-GB">Check the name</note>
<note annotates="general" priority="11" xml:lang="not a tag">General</note>
<note annotates="source">On the source</note></trans-unit>`), []handoff.Note{
			{Text: "Check the name", From: "editor", Priority: 3, AppliesTo: "target", Lang: "en-GB"},
			{Text: "General"},
			{Text: "On the source", AppliesTo: "source"},
		}},
		{"2.x", xliff2(`<unit id="u"><notes>
<note id="n_x0020_1" category="editor" priority="3" appliesTo="target" xml:lang="en-GB">Check the name</note>
<note>General</note></notes><segment><source>a</source></segment></unit>`), []handoff.Note{
			{Text: "Check the name", From: "editor", Priority: 3, AppliesTo: "target", Lang: "en-GB", ID: "n 1"},
			{Text: "General"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, _, err := Read(strings.NewReader(tc.doc), "t.xlf")
			if err != nil {
				t.Fatal(err)
			}
			if got := f.Units[0].Notes; !slices.Equal(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

// TestReadComments reads comments on spans of targets as other tools
// write them, and comments on sources as notes of the unit.
func TestReadComments(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		comments  []string // of each segment: "id start-end text or #note"
		notes     []handoff.Note
	}{
		{"1.2", xliff12(`<trans-unit id="u"><source>a</source><seg-source><mrk mtype="seg" mid="s1">One <g id="1"><mrk mtype="x-sdl-comment" comment="on the source">word</mrk></g>.</mrk> <mrk mtype="seg" mid="s2">Two.</mrk></seg-source>
<target><mrk mtype="seg" mid="s1">Одно <g id="1"><mrk mtype="x-comment" comment="too long">слово</mrk></g><mrk mtype="protected">.</mrk></mrk> <mrk mtype="seg" mid="s2"><mrk mtype="x-other" comment="">Два</mrk>.</mrk></target></trans-unit>`),
			[]string{"s1 6-11 too long"}, []handoff.Note{{Text: "on the source", AppliesTo: "source"}}},
		{"2.x", xliff2(`<unit id="u"><notes><note id="n1" category="reviewer">Check</note></notes>
<segment id="s1"><source>One <pc id="1"><mrk id="m1" type="comment" value="on the source">word</mrk></pc>.</source>
<target>Одно <pc id="1"><mrk id="m2" type="comment" ref="#n=n1">слово</mrk></pc><sm id="m3" type="comment" value="across"/>.</target></segment>
<ignorable><source> </source><target> </target></ignorable>
<segment id="s2"><source>Two.</source><target>Два<em startRef="m3"/>.<mrk id="m4" type="term">x</mrk></target></segment>
<segment id="s3"><source>Three.</source><target> <mrk id="m5" type="comment" value="on nothing"/></target></segment></unit>`),
			[]string{"s1 6-11 #n1", "s1 12-13 across", "s2 0-3 across"}, []handoff.Note{{Text: "Check", From: "reviewer", ID: "n1"}, {Text: "on the source", AppliesTo: "source"}}},
		{"2.x comment on a remark", xliff2(`<unit id="u" type="loctool:heading"><notes><note id="k" category="loctool">heading</note></notes>
<segment id="s1"><source>One.</source><target><mrk id="m1" type="comment" ref="#n=k">Одно</mrk>.</target></segment></unit>`),
			[]string{"s1 0-4 heading"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, _, err := Read(strings.NewReader(tc.doc), "t.xlf")
			if err != nil {
				t.Fatal(err)
			}
			f.Datatype = "plaintext" // as 1.2 writes it
			u := f.Units[0]
			var got []string
			for _, s := range u.Segments() {
				for _, c := range s.Comments {
					what := c.Text
					if c.Note != "" {
						what = "#" + c.Note
					}
					got = append(got, fmt.Sprintf("%s %d-%d %s", s.ID, c.Start, c.End, what))
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.comments, "\n") {
				t.Errorf("comments\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.comments, "\n"))
			}
			if !slices.Equal(u.Notes, tc.notes) {
				t.Errorf("notes %+v\nwant  %+v", u.Notes, tc.notes)
			}
			// They write, in every version, files that read the same.
			for _, opts := range allOptions {
				back, _, err := Read(bytes.NewReader(write(t, f, opts)), "again.xlf")
				if err != nil {
					t.Fatalf("%s: %v", optName(opts), err)
				}
				if d := diffFiles(back, expected(f, opts)); d != "" {
					t.Errorf("%s: %s", optName(opts), d)
				}
			}
		})
	}
}

// TestReadNoteIDs refuses notes whose IDs decode alike: comments could
// not tell them apart.
func TestReadNoteIDs(t *testing.T) {
	doc := xliff2(`<unit id="u"><notes><note id="nA">a</note><note id="n_x0041_">b</note></notes><segment><source>a</source></segment></unit>`)
	if _, _, err := Read(strings.NewReader(doc), "t.xlf"); !errors.Is(err, ErrDuplicateID) {
		t.Errorf("got %v", err)
	}
}

// TestSeveralFiles checks the quick look for documents of several
// <file>s: it never says no to one, whatever its prefix.
func TestSeveralFiles(t *testing.T) {
	two := strings.Replace(xliff12(`<trans-unit id="1"><source>a</source></trans-unit>`), "</file>", `</file><file original="b.txt" source-language="en" datatype="plaintext"><body/></file>`, 1)
	for _, tc := range []struct {
		name string
		doc  string
		want bool
	}{
		{"one", xliff12(`<trans-unit id="1"><source>a file</source></trans-unit>`), false},
		{"two", two, true},
		{"two, prefixed", `<x:xliff xmlns:x="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><x:file original="a"/><x:file
original="b"/></x:xliff>`, true},
		{"a file element and files named in text", `<xliff><file original="file"><body>file <files/> <profile/></body></file></xliff>`, false},
		{"UTF-16", "\xff\xfe<\x00", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := SeveralFiles([]byte(tc.doc)); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
	files, at, _, err := ReadOptions{}.ReadAllAt(strings.NewReader(two), "t.xlf")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || at[0] != (diag.Position{Line: 3, Col: 1}) || at[1].Line != 4 {
		t.Errorf("%d files at %v, want 2 at 3:1 and on line 4", len(files), at)
	}
}
