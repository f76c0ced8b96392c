package check

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/glossary"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
)

// FuzzTranslation checks any translation of any source: every finding
// is of a known rule, at the segment, with a message.
func FuzzTranslation(f *testing.F) {
	for _, s := range [][2]string{
		{"Zhakiyanov was freed on May 13, 2003.", "Жакиянова освободили 13 мая 2003 года."},
		{"It cost 12,500 tenge, or 3.5 percent!", "Это стоило 12 500 тенге, или 3,5 процента."},
		{"He said “no” (twice)...", "Ол «жоқ» деді (екі рет…"},
		{"1.000.000,5 and 1,000,000.5", "1 000 000,5 и 1.000.000,5"},
		{"$2.5bn, -5, (−3) and 1.5 million in 2019-2021", "2,5 млрд, –5, 12,500 и 5 мыңнан 2019–2021"},
		{"Nazаrbaev", "Назарбaев IТ iPhoneом"},
		{"", " "},
	} {
		f.Add(s[0], s[1])
	}
	g := qaGlossary(f)
	f.Fuzz(func(t *testing.T, source, target string) {
		if !utf8.ValidString(source) || !utf8.ValidString(target) {
			return
		}
		for _, lang := range []string{"ru", "kk", "en"} {
			file := qaFile(lang, inline.Text(source), inline.Text(target))
			for _, fd := range Handoffs([]Handoff{{Path: "a.xlf", File: file}}, Options{Glossary: g}) {
				if !slices.Contains(diag.SettableIDs(), fd.Rule) || fd.Message == "" || fd.Start.Line != 10 || fd.Segment != "s1" {
					t.Fatalf("finding %+v", fd)
				}
			}
		}
		checkNumbers(source, language.English, target, language.Russian)
		checkNumbers(source, language.Russian, target, language.Kazakh)
		balance(target)
		endOf(target)
	})
}

// FuzzSources checks any article: the text a finding names is the text
// at its offset, and a fix leaves the file's other bytes as they were.
func FuzzSources(f *testing.F) {
	for _, s := range []string{
		"Galymjan met Galymzhan.\n\nKazak [Kazakstan](https://iwpr.net/kazakstan) `Kazak`",
		"<p>Jakiyanov <a href=\"/Jakiyanov\">Zhakiyanov</a></p>",
		"JAKIYANOV’S Kazak-era\r\nGalymjan\tJakiyanov",
		"[Jakiyanov] and Jak\u00adiyanov, jakiyanov@x.kz, @Jakiyanov\n\n[jakiyanov]: /j \"Jakiyanov\"\n",
		"<p title=\"Jak&shy;iyanov\">Jak&#105;yanov <code>Jakiyanov</code></p>",
		"# Nazаrbaev\n\n*Назарбaев* [IТ](https://Nazаrbaev.kz) Naz&#x430;rbaev",
	} {
		f.Add(s, "md")
		f.Add(s, "txt")
		f.Add(s, "html")
	}
	g := qaGlossary(f)
	f.Fuzz(func(t *testing.T, text, ext string) {
		if !slices.Contains([]string{"txt", "md", "html"}, ext) {
			return
		}
		path := "a." + ext
		fs, err := Sources([]Source{{Path: path, Text: text}}, Options{Glossary: g, Fixes: true})
		if err != nil {
			if utf8.ValidString(text) {
				t.Fatalf("a UTF-8 article: %v", err)
			}
			return
		}
		for _, fd := range fs {
			for _, fix := range fd.Fixes {
				for _, e := range fix.Edits {
					// The text found, written out, with characters that do
					// not show, or, for a reference link's text that is its
					// label too, with the link's end.
					old, _ := shown(e.Old)
					label := strings.HasPrefix(old, fd.Found) && strings.HasSuffix(old, "]")
					if text[e.Start:e.End] != e.Old || !strings.Contains(fd.Found, strings.TrimSpace(old)) && !label && !strings.ContainsAny(e.Old, "&\\") {
						t.Fatalf("finding %+v: the text there is %q", fd, text[e.Start:e.End])
					}
				}
			}
		}
		fixed, n := Fix(text, path, fs)
		if n == 0 && fixed != text {
			t.Fatalf("nothing fixed, but the text changed")
		}
		if n > 0 && len(glossary.MixedWords(fixed)) > len(glossary.MixedWords(text)) {
			t.Fatalf("a fix wrote a mixed-script word:\n%q\n%q", text, fixed)
		}
		if n > 0 && strings.Count(fixed, "\n") != strings.Count(text, "\n") {
			t.Fatalf("a fix changed the lines:\n%q\n%q", text, fixed)
		}
	})
}

// FuzzIgnoreNote reads any note.
func FuzzIgnoreNote(f *testing.F) {
	f.Add("loctool-ignore: term.target, target.numbers. Because.")
	f.Add("loctool-ignore")
	f.Fuzz(func(t *testing.T, note string) {
		ignoredRules([]handoff.Note{{Text: note}})
	})
}
