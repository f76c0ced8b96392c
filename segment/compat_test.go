package segment

import (
	"errors"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/text/language"
)

// TestReferenceSRX loads each real-world SRX file, compiles every rule of
// every language, and segments the sample article with its English rules.
func TestReferenceSRX(t *testing.T) {
	article := sampleArticle(t)
	for _, file := range referenceSRX(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			rules, err := LoadSRX(file)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, lr := range rules.LanguageRules {
				n += len(lr.Rules)
			}
			if err := rules.Validate(); err != nil {
				for _, e := range unjoin(err) {
					t.Errorf("rule cannot be compiled: %v", e)
				}
			}
			s, err := New(rules, language.English)
			if err != nil {
				t.Fatal(err)
			}
			spans := s.Segment(article)
			checkInvariant(t, article, spans)
			t.Logf("%d language rules, %d rules, all compiled; the sample article makes %d segments",
				len(rules.LanguageRules), n, len(spans))
		})
	}
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// TestOkapiSample segments the sample sentence that Okapi's default rules
// carry in their header, as Okapi's documentation and Ratel show it.
func TestOkapiSample(t *testing.T) {
	rules, err := LoadSRX(filepath.Join(filepath.Dir(referenceSRX(t)[0]), "okapi_defaultSegmentation.srx"))
	if err != nil {
		t.Fatal(err)
	}
	sample, ok := rules.Extension("http://okapi.sf.net/srx-extensions", "sample")
	if !ok {
		t.Fatal("no okpsrx:sample in the header")
	}
	if _, ok := rules.Extension("http://okapi.sf.net/srx-extensions", "options"); !ok {
		t.Error("okpsrx:options was not kept")
	}
	if len(rules.FormatHandles) != 3 {
		t.Errorf("got %d formathandles, want 3", len(rules.FormatHandles))
	}
	s, err := New(rules, language.MustParse(sample.Attr("language")))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Mr. Holmes is from the U.K. not the U.S.",
		"Is Dr. Watson from there too?",
		"Yes: both are.",
		`"Right?"`,
		"Yes, indeed.",
		"I'm all for it!",
		"But you are not.",
		`"Yes."`,
		"Here too.",
		"Dr. Holmes vs. Rev. Kramer.",
		"In the U.S.: more to come.",
		"Right, e.g.:",
		"There is that.",
		"(e.g.: the cat).",
		"Test!?.",
		"More.",
		"It's very easy:",
		"First you write a check.",
		"On Nov. 3rd and in Dec. 1934.",
		"And here. the last sentence.",
	}
	if got := s.Split(sample.Text); !slices.Equal(got, want) {
		t.Errorf("Okapi sample:\n got: %q\nwant: %q", got, want)
	}
}

// TestLanguageFallback checks that regional and script variants find the
// rules of their language.
func TestLanguageFallback(t *testing.T) {
	rules := Builtin()
	for _, tc := range []struct{ tag, want string }{
		{"en", "English"},
		{"en-GB", "English"},
		{"en-US", "English"},
		{"ru-RU", "Russian"},
		{"kk", "Kazakh"},
		{"kk-Cyrl-KZ", "Kazakh"},
		{"kk-KZ", "Kazakh"},
		{"de-CH", "Default"},
		{"und", "Default"},
	} {
		t.Run(tc.tag, func(t *testing.T) {
			names, err := rules.languageRulesFor(language.MustParse(tc.tag))
			if err != nil {
				t.Fatal(err)
			}
			if names[0] != tc.want {
				t.Errorf("%s gets %v, want %s first", tc.tag, names, tc.want)
			}
			if names[len(names)-1] != "Default" {
				t.Errorf("%s gets %v, want Default last (cascade)", tc.tag, names)
			}
		})
	}
}

func TestNoLanguageMap(t *testing.T) {
	rules, err := LoadSRX(filepath.Join(filepath.Dir(referenceSRX(t)[0]), "okapi_defaultSegmentation.srx"))
	if err != nil {
		t.Fatal(err)
	}
	rules.Maps = rules.Maps[:2] // Thai and Khmer only
	_, err = New(rules, language.English)
	if !errors.Is(err, ErrNoRules) {
		t.Fatalf("got %v, want ErrNoRules", err)
	}
}
