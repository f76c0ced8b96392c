package glossary

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/language"
)

// The project of the tests: English articles translated into Russian and
// Kazakh.
var project = Langs{Source: language.English, Target: language.Russian, Project: []language.Tag{language.English, language.Russian, language.Kazakh}}

// allTerms writes a concept's spellings, for comparing: en=A|B|C ru=…, in
// the order of langs.
func allTerms(c *Concept) string {
	var out []string
	for _, l := range sortedTags(c.Terms) {
		t := c.Terms[l]
		out = append(out, l.String()+"="+t.Preferred+"|"+strings.Join(t.Accepted, ";")+"|"+strings.Join(t.Forbidden, ";"))
	}
	return strings.Join(out, " ")
}

// Each kind of table is told by its first row, which is never a term.
func TestCSVForms(t *testing.T) {
	for _, tt := range []struct {
		name, file, data string
		want             []string // each concept's terms, then its note after " # "
		warnings         []string
	}{
		{"Crowdin, more languages than the project's", "g.csv",
			"Term:English,Description:English,Part of Speech:English,Term:Russian,Description:Russian,Part of Speech:Russian,Term:German,Description:German,Term:Kazakh\n" +
				"Nazarbayev,First President,noun,Назарбаев,Первый президент,noun,Nasarbajew,Erster Präsident,Назарбаев\n" +
				"Akorda,,,Акорда,,,,,Ақорда\n",
			[]string{"en=Nazarbayev|| kk=Назарбаев|| ru=Назарбаев|| # First President", "en=Akorda|| kk=Ақорда|| ru=Акорда|| # "}, nil},
		{"Crowdin, tags in brackets, statuses", "g.csv",
			"Term [en],Status [en],Term [ru],Status [ru],Concept Definition,Concept Subject\n" +
				"Kazak,not recommended,Казак,obsolete,The old spelling,term\n" +
				"Kazakh,preferred,Казах,admitted,,\n" +
				"Qazaq,admittedTerm-admn-sts,Казах-2,odd,,\n",
			[]string{"en=||Kazak ru=||Казак # The old spelling", "en=Kazakh|| ru=|Казах| # ", "en=|Qazaq| ru=|Казах-2| # "},
			[]string{`g.csv:4:37: warning: the status "odd" is not one loctool knows: the term is read as accepted [glossary.status]`}},
		{"Weblate, all columns", "g.csv",
			`"location","source","target","id","fuzzy","context","translator_comments","developer_comments"` + "\r\n" +
				`"","Nazarbayev","Назарбаев","","False","","","First President"` + "\r\n" +
				`"","Akorda","Акорда","","True","","a guess",""` + "\r\n" +
				`"","Tokayev","","","False","","",""` + "\r\n",
			[]string{"en=Nazarbayev|| ru=Назарбаев|| # First President", "en=Akorda|| ru=|Акорда| # a guess", "en=Tokayev|| # "}, nil},
		{"Weblate, source and target only", "g.csv", "source,target\nAlmaty,Алматы\n",
			[]string{"en=Almaty|| ru=Алматы|| # "}, nil},
		{"loctool's own", "g.csv", "id,en,ru,note\nalmaty,Almaty,Алматы,a city\n",
			[]string{"en=Almaty|| ru=Алматы|| # a city"}, nil},
		{"OmegaT, no header", "g.txt", "Almaty\tАлматы\tcity\nAstana\tАстана\n",
			[]string{"en=Almaty|| ru=Алматы|| # city", "en=Astana|| ru=Астана|| # "}, nil},
		{"OmegaT, a first term that is a language name", "g.txt", "Kazakh\tказах\n",
			[]string{"en=Kazakh|| ru=казах|| # "}, nil},
		{"byte order mark and CRLF", "g.csv", "\ufeffsource,target\r\nAlmaty,Алматы\r\n",
			[]string{"en=Almaty|| ru=Алматы|| # "}, nil},
		{"quoted newlines", "g.csv", "Term:English,Description:English,Term:Russian\n\"Almaty\",\"The largest city,\nonce the capital\",Алматы\nAstana,,Астана\n",
			[]string{"en=Almaty|| ru=Алматы|| # The largest city,\nonce the capital", "en=Astana|| ru=Астана|| # "}, nil},
		{"semicolons", "g.csv", "Term:English;Term:Russian\nAlmaty;Алматы\n",
			[]string{"en=Almaty|| ru=Алматы|| # "}, nil},
		{"tabs in a .csv", "g.csv", "source\ttarget\nAlmaty\tАлматы\n",
			[]string{"en=Almaty|| ru=Алматы|| # "}, nil},
		{"empty cells and rows", "g.csv", "Term:English,Term:Russian,Term:Kazakh\n,,\nAlmaty,,\n,Астана,\n\n",
			[]string{"en=Almaty|| # ", "ru=Астана|| # "}, nil},
		{"a spelling two rows share", "g.csv", "id,en,ru\nkazakh,Kazakh,казах\nqazaq,Qazaq,казах\n",
			[]string{"en=Kazakh|| ru=казах|| # ", "en=Qazaq|| # "},
			[]string{`g.csv:3:1: warning: the ru spelling "казах" is concept kazakh's (preferred, at line 2) and concept qazaq's (preferred, at line 3): it stays the first one's, kazakh's, and qazaq is read without it [glossary.shared-spelling]`}},
		{"rows without IDs of one spelling are one concept", "g.csv", "Term:English,Term:Russian\nKazakh,казах\nQazaq,казах\n",
			[]string{"en=Qazaq|Kazakh| ru=казах|| # "}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cs, warns, err := Parse([]byte(tt.data), tt.file, project)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range cs {
				got = append(got, allTerms(c)+" # "+c.Note)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("%q\nwant %q", got, tt.want)
			}
			var ws []string
			for _, w := range warns {
				ws = append(ws, w.String())
			}
			if !slices.Equal(ws, tt.warnings) {
				t.Errorf("warnings %q\nwant %q", ws, tt.warnings)
			}
		})
	}
}

// A UTF-16 table, as Excel saves "Unicode text", is read.
func TestCSVUTF16(t *testing.T) {
	data, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("source\ttarget\r\nAlmaty\tАлматы\r\n")
	cs, _, err := Parse([]byte(data), "g.txt", project)
	if err != nil || len(cs) != 1 || allTerms(cs[0]) != "en=Almaty|| ru=Алматы||" {
		t.Fatalf("%v %v", err, cs)
	}
}

// A first row that looks like a header but is none loctool reads is an
// error naming its columns and the headers read.
func TestCSVUnknownHeader(t *testing.T) {
	for _, tt := range []struct{ name, file, data, want string }{
		{"column words", "g.csv", "Term,Translation,Comment\nAlmaty,Алматы,\n", `g.csv:1:1: the first row is no header loctool reads: its columns are "Term", "Translation", "Comment"`},
		{"language names with a note", "g.txt", "English\tRussian\tNote\nAlmaty\tАлматы\t\n", `g.txt:1:1: the first row is no header loctool reads: its columns are "English", "Russian", "Note"`},
		{"four columns", "g.csv", "a,b,c,d\n", `g.csv:1:1: the first row is no header loctool reads: its columns are "a", "b", "c", "d"`},
		{"one column", "g.csv", "Almaty\n", `g.csv:1:1: the first row is no header loctool reads: its columns are "Almaty"`},
		{"Crowdin, a language it cannot name", "g.csv", "Term:English,Term:Klingonese\n", `g.csv:1:14: the column "Term:Klingonese" of a Crowdin glossary names "Klingonese", which is no language loctool knows`},
		{"Weblate without its languages", "g.csv", "source,target\nAlmaty,Алматы\n", `g.csv:1:1: a Weblate glossary (source, target, …) does not say its languages`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			langs := project
			if strings.HasPrefix(tt.name, "Weblate") {
				langs = Langs{}
			}
			_, _, err := Parse([]byte(tt.data), tt.file, langs)
			if err == nil || err.Error() != tt.want {
				t.Fatalf("%v\nwant %s", err, tt.want)
			}
			if e, ok := err.(*Error); !ok || e.Hint == "" {
				t.Errorf("no hint: %#v", err)
			}
		})
	}
}

// Crowdin's language names and tags.
func TestLanguageNamed(t *testing.T) {
	for name, want := range map[string]string{
		"Russian": "ru", "Kazakh": "kk", "English": "en", "kazakh": "kk", "Chinese Simplified": "zh-Hans",
		"Portuguese, Brazilian": "pt-BR", "Ukrainian": "uk", "Uzbek": "uz", "Kyrgyz": "ky", "ru": "ru", "en-US": "en-US", "kk_KZ": "kk-KZ",
	} {
		got, ok := languageNamed(name)
		if !ok || got.String() != want {
			t.Errorf("%s: %v %v, want %s", name, got, ok, want)
		}
	}
	for _, name := range []string{"Klingonese", "", "Term", "1234"} {
		if got, ok := languageNamed(name); ok {
			t.Errorf("%q: %v", name, got)
		}
	}
}
