package project

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/document"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/i18njson"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/internal/cut"
	"github.com/loctool/loctool/segment"
	"github.com/loctool/loctool/xliff"
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

// handoffs write a file in one handoff format and read it back.
var handoffs = map[string]func(t *testing.T, f *handoff.File) *handoff.File{
	"xliff-1.2":        xliffTrip(xliff.WriteOptions{Version: xliff.Version12}),
	"xliff-1.2-omegat": xliffTrip(xliff.WriteOptions{Version: xliff.Version12, PrefillTargets: true}),
	"xliff-2.1":        xliffTrip(xliff.WriteOptions{Version: xliff.Version21}),
	"xliff-2.2":        xliffTrip(xliff.WriteOptions{Version: xliff.Version22}),
	"json": func(t *testing.T, f *handoff.File) *handoff.File {
		var b bytes.Buffer
		if err := i18njson.Write(&b, f); err != nil {
			t.Fatal(err)
		}
		back, err := i18njson.Read(b.Bytes(), "article.json", f)
		if err != nil {
			t.Fatal(err)
		}
		return back
	},
}

func xliffTrip(opts xliff.WriteOptions) func(t *testing.T, f *handoff.File) *handoff.File {
	return func(t *testing.T, f *handoff.File) *handoff.File {
		var b bytes.Buffer
		if err := xliff.Write(&b, f, opts); err != nil {
			t.Fatal(err)
		}
		back, _, err := xliff.Read(&b, "article.xlf")
		if err != nil {
			t.Fatal(err)
		}
		return back
	}
}

// TestRoundTrip takes each article through each handoff format with the
// translation equal to the source, and checks that the article comes
// back byte for byte.
func TestRoundTrip(t *testing.T) {
	rules := segment.Builtin()
	seg, err := segment.New(rules, language.English)
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range articles {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		format, err := document.FormatOf(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := document.Parse(format, data, path, document.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for name, trip := range handoffs {
			t.Run(filepath.Base(path)+"/"+name, func(t *testing.T) {
				f := &handoff.File{
					Original:   filepath.ToSlash(path),
					Datatype:   format.Datatype(),
					SourceLang: language.English,
					TargetLang: language.Russian,
					Units:      cut.Units(doc.Blocks, seg, cut.HandlesOf(rules)),
				}
				back := trip(t, f)
				if len(back.Units) != len(f.Units) {
					t.Fatalf("%d units came back, want %d", len(back.Units), len(f.Units))
				}
				targets := map[string]inline.Content{}
				for i, u := range back.Units {
					if !u.Source().Equal(f.Units[i].Source()) {
						t.Fatalf("unit %s: source %q came back as %q", u.ID, f.Units[i].Source(), u.Source())
					}
					// The translator copies every source to its target.
					for _, s := range u.Segments() {
						s.Target, s.State = s.Source, handoff.Translated
					}
					target, missing := u.Target(func(s *handoff.Segment) inline.Content { return nil })
					if len(missing) > 0 {
						t.Fatalf("unit %s: %d segments untranslated", u.ID, len(missing))
					}
					targets[u.ID] = target
				}
				out, err := doc.Render(targets)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(out, data) {
					t.Errorf("the article changed on its way through %s", name)
				}
			})
		}
	}
}
