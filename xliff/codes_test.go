package xliff

import (
	"slices"
	"testing"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/xliff/internal/conform"
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
		if got := encodeID(tc.id); got != tc.enc || !conform.IsNMTOKEN(got) {
			t.Errorf("encodeID(%q) = %q, want %q", tc.id, got, tc.enc)
		}
		if got := decodeID(tc.enc); got != tc.id {
			t.Errorf("decodeID(%q) = %q, want %q", tc.enc, got, tc.id)
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
		if sub != "" && !conform.IsUserDefined(sub) {
			t.Errorf("%q → subType %q, not prefix:value", ctype, sub)
		}
	}
}
