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
