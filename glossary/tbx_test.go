package glossary

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/language"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/internal/testtool"
)

// Every TBX file of the Okapi framework's sources is read, each with
// the concepts it has; a file the table does not know fails the test.
func TestOkapiTBX(t *testing.T) {
	want := map[string]struct {
		concepts, warnings int
	}{
		// TBX 2008 with the external DOCTYPE, IBM's sample: 5 termEntry.
		"ibm_tbx.tbx": {5, 0},
		// ntig/termGrp, five languages (en twice as EN and en), one entry.
		"maryland.tbx": {1, 0},
		// preferredTerm-admn-sts and deprecatedTerm-admn-sts, 14 languages.
		"medtronic_TBX.tbx": {3, 0},
		"oracle_TBX.tbx":    {2, 0},
		// 223 entries; 12 German spellings two entries share stay the
		// first entry's.
		"sdl_tbx.tbx": {223, 12},
		// a UTF-8 byte order mark before the declaration.
		"test01.tbx": {1, 0},
		// encoding="windows-1254", no DOCTYPE.
		"test02_win1254.tbx": {1, 0},
	}
	root := filepath.Join(testtool.SharedDir(t), "reference", "interop", "okapi")
	var seen []string
	err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		ext := strings.ToLower(filepath.Ext(path))
		if ext != ".tbx" && ext != ".xml" {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil || !bytes.Contains(data, []byte("martif")) {
			return err
		}
		name := filepath.Base(path)
		seen = append(seen, name)
		w, ok := want[name]
		if !ok {
			t.Errorf("%s: a TBX file the test does not know", path)
			return nil
		}
		g, err := load(New(), Langs{}, []File{{Name: name}}, [][]byte{data})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			return nil
		}
		if len(g.Concepts) != w.concepts || len(g.Warnings) != w.warnings {
			t.Errorf("%s: %d concepts and %d warnings, want %d and %d: %v", name, len(g.Concepts), len(g.Warnings), w.concepts, w.warnings, g.Warnings)
		}
		for _, w := range g.Warnings {
			if w.Rule != diag.GlossarySharedSpelling || w.Line == 0 || w.Col == 0 {
				t.Errorf("%s: %v", name, w)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for name := range want {
		if !slices.Contains(seen, name) {
			t.Errorf("%s is not under %s", name, root)
		}
	}
}

// The windows-1254 file's Turkish letters are read as they were written.
func TestOkapiWindows1254(t *testing.T) {
	path := filepath.Join(testtool.SharedDir(t), "reference", "interop", "okapi", "okapi", "libraries", "lib-terminology", "src", "test", "resources", "test02_win1254.tbx")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cs, _, err := ParseTBX(data, "test02_win1254.tbx")
	if err != nil {
		t.Fatal(err)
	}
	if got := cs[0].Terms[language.Turkish].Preferred; got != "tr term with: éá and İı" {
		t.Errorf("%q", got)
	}
}

func tbxOf(langSets string) string {
	return `<?xml version="1.0"?>
<martif type="TBX" xml:lang="en">
<text><body>
` + langSets + `
</body></text>
</martif>
`
}

// Every standard status is read, in any case, with or without
// -admn-sts, as administrativeStatus or normativeAuthorization.
func TestTBXStatuses(t *testing.T) {
	for status, role := range map[string]string{
		"preferredTerm-admn-sts": "preferred", "admittedTerm-admn-sts": "accepted", "deprecatedTerm-admn-sts": "forbidden",
		"supersededTerm-admn-sts": "forbidden", "standardizedTerm-admn-sts": "preferred", "legalTerm-admn-sts": "preferred",
		"regulatedTerm-admn-sts": "preferred", "preferredTerm": "preferred", "admittedTerm": "accepted", "deprecatedTerm": "forbidden",
		"supersededTerm": "forbidden", "standardizedTerm": "preferred", "legalTerm": "preferred", "regulatedTerm": "preferred",
		"PREFERREDTERM-ADMN-STS": "preferred", " admittedterm ": "accepted", "DeprecatedTerm": "forbidden",
	} {
		for _, typ := range []string{"administrativeStatus", "normativeAuthorization"} {
			// The first term is preferred: the one tested comes second.
			data := tbxOf(`<termEntry id="c"><langSet xml:lang="en"><tig><term>Almaty</term></tig>
<tig><term>Alma-Ata</term><termNote type="` + typ + `">` + status + `</termNote></tig></langSet></termEntry>`)
			cs, warns, err := ParseTBX([]byte(data), "g.tbx")
			if err != nil || len(warns) > 0 {
				t.Fatalf("%s: %v %v", status, err, warns)
			}
			tm := cs[0].Terms[language.English]
			var got string
			switch {
			case slices.Contains(tm.Forbidden, "Alma-Ata"):
				got = "forbidden"
			case tm.Preferred == "Alma-Ata" && slices.Equal(tm.Accepted, []string{"Almaty"}):
				got = "preferred" // over the first term, which has no status
			case slices.Contains(tm.Accepted, "Alma-Ata"):
				got = "accepted"
			}
			if got != role {
				t.Errorf("%s %q: %s (%+v), want %s", typ, status, got, tm, role)
			}
		}
	}
	// The status alone makes a term preferred, whatever comes first.
	data := tbxOf(`<termEntry id="c"><langSet xml:lang="en"><tig><term>Alma-Ata</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
<tig><term>Almaty</term><termNote type="normativeAuthorization">standardizedTerm</termNote></tig></langSet></termEntry>`)
	cs, _, err := ParseTBX([]byte(data), "g.tbx")
	if err != nil || cs[0].Terms[language.English].Preferred != "Almaty" {
		t.Errorf("%v %+v", err, cs[0].Terms[language.English])
	}
}

// An unknown status is a warning at its termNote that lists the
// statuses read, and its term is read as accepted.
func TestTBXUnknownStatus(t *testing.T) {
	data := tbxOf(`<termEntry id="c"><langSet xml:lang="en">
<tig><term>Almaty</term></tig>
<tig><term>Alma-Ata</term>  <termNote type="administrativeStatus">obsoleteTerm</termNote></tig>
</langSet></termEntry>`)
	cs, warns, err := ParseTBX([]byte(data), "g.tbx")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(cs[0].Terms[language.English].Accepted, []string{"Alma-Ata"}) {
		t.Errorf("%+v", cs[0].Terms[language.English])
	}
	if len(warns) != 1 {
		t.Fatalf("%v", warns)
	}
	d := warns[0].Diagnostic()
	if d.String() != `g.tbx:6:29: warning: term "Alma-Ata" has the status "obsoleteTerm", which loctool does not know: it is read as accepted [glossary.status]` ||
		!strings.Contains(d.Hint, "preferredTerm") || !strings.Contains(d.Hint, "supersededTerm") {
		t.Errorf("%s\n%s", d, d.Hint)
	}
}

// A spelling two concepts of one termbase share stays the first one's,
// with a warning naming both; the rest of the second is read.
func TestTBXSharedSpelling(t *testing.T) {
	data := tbxOf(`<termEntry id="kazakh"><langSet xml:lang="en"><tig><term>Kazakh</term></tig><tig><term>Kazak</term><termNote type="administrativeStatus">deprecatedTerm</termNote></tig></langSet></termEntry>
<termEntry id="kazak-people"><langSet xml:lang="en"><tig><term>Kazak</term></tig><tig><term>Qazaq</term></tig></langSet>
<langSet xml:lang="ru"><tig><term>казах</term></tig></langSet></termEntry>
<termEntry id="only"><langSet xml:lang="en"><tig><term>Kazakh</term></tig></langSet></termEntry>`)
	g, err := load(New(), Langs{}, []File{{Name: "g.tbx"}}, [][]byte{[]byte(data)})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Concepts) != 2 {
		t.Fatalf("%d concepts: the one left with no spelling is left out", len(g.Concepts))
	}
	second := g.Concept("kazak-people").Terms[language.English]
	if second.Preferred != "Qazaq" || len(second.Accepted) > 0 || g.Concept("kazak-people").Terms[language.Russian].Preferred != "казах" {
		t.Errorf("the second concept: %+v", second)
	}
	if f := g.Concept("kazakh").Terms[language.English].Forbidden; !slices.Equal(f, []string{"Kazak"}) {
		t.Errorf("the first concept keeps it: %v", f)
	}
	var msgs []string
	for _, w := range g.Warnings {
		msgs = append(msgs, w.String())
	}
	want := []string{
		`g.tbx:5:1: warning: the en spelling "Kazak" is concept kazakh's (forbidden, at line 4) and concept kazak-people's (preferred, at line 5): it stays the first one's, kazakh's, and kazak-people is read without it [glossary.shared-spelling]`,
		`g.tbx:7:1: warning: the en spelling "Kazakh" is concept kazakh's (preferred, at line 4) and concept only's (preferred, at line 7): it stays the first one's, kazakh's, and only is read without it [glossary.shared-spelling]`,
	}
	if !slices.Equal(msgs, want) {
		t.Errorf("%q\nwant %q", msgs, want)
	}
}

// Hostile and broken termbases are refused at their place, never with a
// panic, and never expand an entity.
func TestTBXHostile(t *testing.T) {
	entry := `<termEntry id="a"><langSet xml:lang="en"><tig><term>A</term></tig></langSet></termEntry>`
	for _, tt := range []struct{ name, data, want string }{
		{"internal subset", `<?xml version="1.0"?>` + "\n" + `<!DOCTYPE martif SYSTEM "x.dtd" [<!ENTITY a "b">]>` + "\n" + tbxOf(entry),
			"g.tbx:2:1: a DOCTYPE with an internal subset [ … ] is not read"},
		{"billion laughs", `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
]>
<martif><text><body><termEntry><langSet xml:lang="en"><tig><term>&lol2;</term></tig></langSet></termEntry></body></text></martif>`,
			"g.tbx:2:1: a DOCTYPE with an internal subset"},
		{"entity reference", tbxOf(`<termEntry><langSet xml:lang="en"><tig><term>A&ent;</term></tig></langSet></termEntry>`),
			"g.tbx:4:47: not a valid TBX file: invalid character entity &ent;"},
		{"entity declaration outside a DOCTYPE", "<!ENTITY a \"b\">\n<martif/>", "g.tbx:1:1: a TBX file with entity declarations is not read"},
		{"nested termEntry", tbxOf("<termEntry id=\"a\">\n  <termEntry id=\"b\"><langSet xml:lang=\"en\"><tig><term>B</term></tig></langSet></termEntry>\n</termEntry>"),
			"g.tbx:5:3: a <termEntry> inside the <termEntry> of line 4: a concept cannot hold another"},
		{"nested conceptEntry", `<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="a"><conceptEntry id="b"></conceptEntry></conceptEntry></body></text></tbx>`,
			"g.tbx:1:74: a <conceptEntry> inside"},
		{"declared windows-1251, written UTF-8", `<?xml version="1.0" encoding="windows-1251"?>` + "\n" + tbxOf(`<termEntry><langSet xml:lang="ru"><tig><term>Жакиянов</term></tig></langSet></termEntry>`),
			"g.tbx:5:46: the file says it is windows-1251, but its text is UTF-8"},
		{"declared UTF-8, written windows-1251", `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + tbxOf("<termEntry><langSet xml:lang=\"ru\"><tig><term>\xc6\xe0\xea</term></tig></langSet></termEntry>"),
			"g.tbx:5:46: byte 0xc6 is not UTF-8 text"},
		{"declared UTF-16, written in one byte", `<?xml version="1.0" encoding="UTF-16"?>` + "\n" + tbxOf(entry),
			"g.tbx:1:1: the file says it is UTF-16, but its bytes are not"},
		{"unknown encoding", `<?xml version="1.0" encoding="x-klingon"?>` + "\n" + tbxOf(entry),
			`g.tbx:1:31: the encoding "x-klingon" is not one loctool knows`},
		{"byte the encoding lacks", `<?xml version="1.0" encoding="windows-1254"?>` + "\n" + tbxOf("<termEntry><langSet xml:lang=\"tr\"><tig><term>\x81</term></tig></langSet></termEntry>"),
			"g.tbx:5:46: a byte that is no windows-1254 character"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ParseTBX([]byte(tt.data), "g.tbx")
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("%v\nwant %s", err, tt.want)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Errorf("%T is no *Error", err)
			}
		})
	}
}

// Encodings a termbase declares or marks are read; the places of
// warnings are those of the text.
func TestTBXEncodings(t *testing.T) {
	body := func(decl string) string {
		return decl + `<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="n"><langSet xml:lang="ru"><tig><term>Назарбаев</term></tig><tig><term>Назарбайев</term><termNote type="administrativeStatus">odd</termNote></tig></langSet></termEntry>
</body></text></martif>
`
	}
	win1251, _ := charmap.Windows1251.NewEncoder().String(body(`<?xml version="1.0" encoding="windows-1251"?>` + "\n"))
	koi8r, _ := charmap.KOI8R.NewEncoder().String(body(`<?xml version='1.0' encoding='KOI8-R'?>` + "\n"))
	iso5, _ := charmap.ISO8859_5.NewEncoder().String(body(`<?xml version="1.0" encoding="ISO-8859-5"?>` + "\n"))
	utf16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(body(`<?xml version="1.0" encoding="UTF-16"?>` + "\n"))
	utf16be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String(body(`<?xml version="1.0" encoding="UTF-16"?>` + "\n"))
	utf16noBOM, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().String(body(`<?xml version="1.0" encoding="UTF-16"?>` + "\n"))
	for name, data := range map[string]string{
		"windows-1251": win1251, "KOI8-R": koi8r, "ISO-8859-5": iso5,
		"UTF-16LE with BOM": utf16le, "UTF-16BE with BOM": utf16be, "UTF-16LE without BOM": utf16noBOM,
		"UTF-8 with BOM": "\ufeff" + body(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"),
		"no declaration": body(""),
	} {
		t.Run(name, func(t *testing.T) {
			cs, warns, err := ParseTBX([]byte(data), "g.tbx")
			if err != nil {
				t.Fatal(err)
			}
			if ru := cs[0].Terms[language.Russian]; ru.Preferred != "Назарбаев" || !slices.Equal(ru.Accepted, []string{"Назарбайев"}) {
				t.Errorf("%+v", ru)
			}
			line := 4
			if name == "no declaration" {
				line = 3
			}
			if len(warns) != 1 || warns[0].Line != line || warns[0].Col != 103 {
				t.Errorf("%v", warns)
			}
		})
	}
}
