package excerpt

import (
	"strings"
	"testing"
)

func TestDifference(t *testing.T) {
	tests := []struct{ a, b, wantA, wantB string }{
		{"signed an order on May 13.", "signed an order on May 14.", "…May 13.", "…May 14."},
		{"The order was signed.", "An order was signed.", "The order…", "An order…"},
		{"He left on Monday after the trial.", "He left on Tuesday after the trial.", "…on Monday after…", "…on Tuesday after…"},
		{"Same.", "Same. More.", "Same.", "Same. More."},
		// The same words: the white space that differs, shown.
		{"signed an order on May 13.", "signed an order on May\u00a013.", "…May·13.", "…May<U+00A0>13."},
		{"He left  on Monday after the trial.", "He left on Monday after the trial.", "…left··on…", "…left·on…"},
		{"He left\ton Monday after\nthe trial.", "He left on Monday after the trial.", "…left<tab>on Monday after<line break>the…", "…left·on Monday after·the…"},
		{"He left on Monday.\r", "He left on Monday.", "…Monday.<carriage return>", "…Monday."},
		{" He left.", "He left.", "·He…", "He…"},
	}
	for _, tt := range tests {
		a, b := Difference(tt.a, tt.b)
		if a != tt.wantA || b != tt.wantB {
			t.Errorf("Difference(%q, %q) = %q, %q; want %q, %q", tt.a, tt.b, a, b, tt.wantA, tt.wantB)
		}
	}
}

func TestShort(t *testing.T) {
	if got := Short(" a \n b "); got != "a b" {
		t.Errorf("Short = %q", got)
	}
	long := strings.Repeat("ж", 100)
	if got := []rune(Short(long)); len(got) != 60 || got[59] != '…' {
		t.Errorf("Short(100 letters) = %q", string(got))
	}
}

// Short agrees with its definition: single spaces, and at most 60
// characters, the last an ellipsis when the text goes on.
func TestShortDefinition(t *testing.T) {
	for _, s := range []string{"", " ", "a", strings.Repeat("ж", 59), strings.Repeat("ж", 60), strings.Repeat("ж", 61),
		strings.Repeat("ab ", 20), strings.Repeat("ab ", 19) + "abc", strings.Repeat("a ", 30), strings.Repeat("a  \n ", 31) + "b",
		strings.Repeat("x", 59) + " y", strings.Repeat("x", 58) + "  y", strings.Repeat("x", 58) + " yz"} {
		r := []rune(strings.Join(strings.Fields(s), " "))
		want := string(r)
		if len(r) > 60 {
			want = string(r[:59]) + "…"
		}
		if got := Short(s); got != want {
			t.Errorf("Short(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzShort(f *testing.F) {
	f.Add("Ablyazov  walks\nfree.")
	f.Add(strings.Repeat("ж ", 40))
	f.Fuzz(func(t *testing.T, s string) {
		r := []rune(strings.Join(strings.Fields(s), " "))
		want := string(r)
		if len(r) > 60 {
			want = string(r[:59]) + "…"
		}
		if got := Short(s); got != want {
			t.Errorf("Short(%q) = %q, want %q", s, got, want)
		}
	})
}
