package project

import (
	"bytes"
	"os"
	"path"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/handoff"
)

// The articles of the round trip: the sample project's, and the format
// samples with every construct the readers know.
var articles = []string{
	"../articles/ablyazov-amnesty.txt",
	"../articles/dck-profile.md",
	"../document/testdata/sample.txt",
	"../document/testdata/sample.md",
	"../document/testdata/sample.html",
}

// TestRoundTrip takes each article through each handoff format, the way
// users do: extract, a translator who copies every source to its target,
// merge. With the translation equal to the source, the article comes
// back byte for byte, but for the language an HTML article declares.
func TestRoundTrip(t *testing.T) {
	for _, file := range articles {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		article := "articles/" + path.Base(file)
		for _, format := range Formats {
			t.Run(path.Base(file)+"/"+string(format), func(t *testing.T) {
				p := newProject(t, map[string]string{article: string(data)})
				p.Config.Articles = []string{article}
				p.Targets, p.Formats, p.Format = []language.Tag{language.Russian}, nil, format
				extract(t, p, ExtractOptions{})
				rel := p.HandoffPath(article, language.Russian)
				missing := MissingSource // JSON has no state: a copy of the source is no translation
				if format != JSON {
					missing = MissingFail
					f, _, err := p.readHandoff(rel, language.Russian)
					if err != nil {
						t.Fatal(err)
					}
					n := 0
					for _, u := range f.Units {
						for _, s := range u.Segments() {
							s.Target, s.State = s.Source, handoff.Translated
							n++
						}
					}
					if n == 0 && len(bytes.TrimSpace(data)) > 0 {
						t.Fatal("no segment to translate")
					}
					out, err := encode(f, format)
					if err != nil {
						t.Fatal(err)
					}
					write(t, p, rel, string(out))
				}
				plan, report, err := p.Merge(MergeOptions{Missing: missing})
				if err != nil {
					t.Fatal(err)
				}
				if report.Failed() || len(plan.Writes) != 1 {
					t.Fatalf("merge: %+v", report.Files)
				}
				if m := report.Files[0]; format != JSON && m.Translated != m.Segments {
					t.Errorf("%d of %d sentences translated", m.Translated, m.Segments)
				}
				want := data
				if path.Ext(file) == ".html" {
					// The one change: an HTML article declares its language.
					want = bytes.Replace(data, []byte(`<html lang="en">`), []byte(`<html lang="ru">`), 1)
				}
				if !bytes.Equal(plan.Writes[0].Data, want) {
					t.Errorf("the article changed on its way through %s", format)
				}
			})
		}
	}
}
