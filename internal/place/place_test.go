package place

import "testing"

func TestString(t *testing.T) {
	for _, tt := range []struct {
		line, col int
		want      string
	}{{0, 0, "a.txt"}, {0, 3, "a.txt"}, {2, 0, "a.txt:2"}, {2, 5, "a.txt:2:5"}} {
		if got := String("a.txt", tt.line, tt.col); got != tt.want {
			t.Errorf("String(a.txt, %d, %d) = %q, want %q", tt.line, tt.col, got, tt.want)
		}
	}
}

func TestOf(t *testing.T) {
	text := "ab\nЖак x\n"
	for _, tt := range []struct{ off, line, col int }{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {9, 2, 4}, {11, 2, 6}, {100, 3, 1},
	} {
		if line, col := Of(text, tt.off); line != tt.line || col != tt.col {
			t.Errorf("Of(%d) = %d:%d, want %d:%d", tt.off, line, col, tt.line, tt.col)
		}
	}
}

func TestInvalidUTF8(t *testing.T) {
	for _, tc := range []struct {
		data string
		want int
	}{
		{"", -1},
		{"Алматы", -1},
		{"Caf\xe9", 3},
		{"Ал\xd0", 4},
		{"\xff", 0},
	} {
		if got := InvalidUTF8([]byte(tc.data)); got != tc.want {
			t.Errorf("InvalidUTF8(%q) = %d, want %d", tc.data, got, tc.want)
		}
	}
}

// A place as the readers give it, line and column in characters, is a
// byte offset of the file.
func TestOffset(t *testing.T) {
	data := "ab\r\nЖак x\nz"
	for _, tt := range []struct{ line, col, want int }{
		{0, 0, 0}, {1, 1, 0}, {1, 3, 2}, {2, 1, 4}, {2, 2, 6}, {2, 5, 11}, {2, 99, 12}, {3, 1, 13}, {9, 1, len(data)},
	} {
		if got := Offset(data, tt.line, tt.col); got != tt.want {
			t.Errorf("Offset(%d:%d) = %d, want %d", tt.line, tt.col, got, tt.want)
		}
	}
}
