package xliff

import (
	"fmt"
	"slices"
	"testing"

	"github.com/loctool/loctool/handoff"
)

func TestPairs(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []int // indexes of the codes that pair, in order
	}{
		{"one pair", "a*b*c", []int{1, 3}},
		{"nested", "*a_b_c*", []int{0, 2, 4, 6}},
		{"crossing", "*a_b*c_", nil},
		{"split", "a*b", nil},
		{"lone close inside", "_a~b~c_", nil},
		{"pair after a crossing", "*a_b*c_ ~d~", []int{8, 10}},
		{"placeholder inside", "*a|b*", []int{0, 4}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := 0
			c := marked(tc.in, &n)
			if tc.name == "lone close inside" {
				c = slices.Delete(c, 2, 3) // drop the link's Open
			}
			var got []int
			pr := pairs(c, sameType)
			for i := range c {
				if _, ok := pr[i]; ok {
					got = append(got, i)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("%s: got %v, want %v", show(c), got, tc.want)
			}
		})
	}
}

func TestIDs(t *testing.T) {
	for _, tc := range []struct{ id, enc string }{
		{"b12", "b12"},
		{"a b", "a_x0020_b"},
		{"_x0041_", "_x005F_x0041_"},
		{"snake_case", "snake_case"},
		{"#1/2", "_x0023_1_x002F_2"},
		{"Абв", "_x0410__x0431__x0432_"},
		{"😀", "_x01F600_"},
	} {
		if got := encodeID(tc.id); got != tc.enc || !isNMTOKEN(got) {
			t.Errorf("encodeID(%q) = %q, want %q", tc.id, got, tc.enc)
		}
		if got := decodeID(tc.enc); got != tc.id {
			t.Errorf("decodeID(%q) = %q, want %q", tc.enc, got, tc.id)
		}
	}
}

func TestWellFormedLang(t *testing.T) {
	for tag, want := range map[string]bool{
		"en": true, "en-US": true, "kk-Cyrl-KZ": true, "zh-Hant-TW": true, "sr-Latn-RS-x-private": true,
		"x-klingon": true, "i-klingon": true, "de-CH-1901": true, "en-us": true,
		"e": false, "f r": false, "en_US": false, "": false, "toolongtag": false, "en-": false,
	} {
		if got := wellFormedLang(tag); got != want {
			t.Errorf("wellFormedLang(%q) = %v", tag, got)
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

func TestStates(t *testing.T) {
	for s := handoff.New; s <= handoff.Final; s++ {
		if got := stateFrom12(states12[s]); got != s {
			t.Errorf("1.2: %v → %q → %v", s, states12[s], got)
		}
		if st, sub := state2(s); stateFrom2(st, sub) != s {
			t.Errorf("2.x: %v → %q %q → %v", s, st, sub, stateFrom2(st, sub))
		}
	}
}

func TestTypes(t *testing.T) {
	for _, ctype := range []string{"", "bold", "italic", "underlined", "lb", "pb", "link", "image", "x-code", "weird: type 100%", "x-fmt"} {
		typ, sub := type2(ctype)
		if got := typeFrom2(typ, sub); got != ctype {
			t.Errorf("%q → %q %q → %q", ctype, typ, sub, got)
		}
		if sub != "" && checkValue(aUserDefined, sub) != "" {
			t.Errorf("%q → subType %q, not prefix:value", ctype, sub)
		}
	}
}
