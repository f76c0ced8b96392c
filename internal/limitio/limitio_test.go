package limitio

import (
	"errors"
	"io"
	"strings"
	"testing"
)

func TestReader(t *testing.T) {
	for _, tt := range []struct {
		in      string
		n       int64
		tooBig  bool
		wantOut string
	}{
		{"abc", 3, false, "abc"},
		{"abc", 5, false, "abc"},
		{"abcd", 3, true, "abcd"},
		{"", 0, false, ""},
	} {
		got, err := io.ReadAll(&Reader{R: strings.NewReader(tt.in), N: tt.n})
		if errors.Is(err, ErrTooBig) != tt.tooBig || err != nil && !tt.tooBig {
			t.Errorf("%q with limit %d: error %v, want too big %v", tt.in, tt.n, err, tt.tooBig)
		}
		if !tt.tooBig && string(got) != tt.wantOut {
			t.Errorf("%q with limit %d: read %q", tt.in, tt.n, got)
		}
	}
}
