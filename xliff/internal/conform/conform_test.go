package conform

import (
	"fmt"
	"testing"
)

func TestWellFormedLang(t *testing.T) {
	for tag, want := range map[string]bool{
		"en": true, "en-US": true, "kk-Cyrl-KZ": true, "zh-Hant-TW": true, "sr-Latn-RS-x-private": true,
		"x-klingon": true, "i-klingon": true, "de-CH-1901": true, "en-us": true,
		"e": false, "f r": false, "en_US": false, "": false, "toolongtag": false, "en-": false,
	} {
		if got := WellFormedLang(tag); got != want {
			t.Errorf("WellFormedLang(%q) = %v", tag, got)
		}
	}
}

func TestFragid(t *testing.T) {
	for _, tc := range []struct{ ref, err string }{
		{"n=n1", ""},
		{"/f=f1/u=u1/n=n1", ""},
		{"f=f1/g=g1", ""},
		{"m1", ""},
		{"t=m1", ""},
		{"f=f1/gls=g1", ""},
		{"", "the fragment identifier is empty"},
		{"/u=u1", "an absolute fragment identifier must start with f="},
		{"u=u1/f=f1", "selector f=f1 is out of order: file, group and unit come first, in that order"},
		{"n=a/d=b", "selector d=b follows a selector that must come last"},
		{"z=a", `prefix "z" is unknown: one-letter prefixes are reserved to XLIFF (f, g, u, n, d, t)`},
		{"abc=a", `prefix "abc" is not registered: it is no XLIFF module's`},
		{"n=a b", `"a b" is not a valid ID in a fragment identifier`},
	} {
		_, err := parseFragid(tc.ref, nil)
		if fmt.Sprint(err) != tc.err && !(err == nil && tc.err == "") {
			t.Errorf("%q: got %v, want %s", tc.ref, err, tc.err)
		}
	}
}
