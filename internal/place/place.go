// Package place writes and finds places in files, as loctool's messages
// give them: file:line:col, with 1-based lines and columns counted in
// characters.
package place

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// String writes file:line:col, leaving out a column or line that is 0
// (unknown).
func String(file string, line, col int) string {
	switch {
	case line <= 0:
		return file
	case col <= 0:
		return file + ":" + strconv.Itoa(line)
	}
	return file + ":" + strconv.Itoa(line) + ":" + strconv.Itoa(col)
}

// Of returns the line and column of the byte offset in text; an offset
// past the end is the end.
func Of(text string, offset int) (line, col int) {
	before := text[:min(max(offset, 0), len(text))]
	start := strings.LastIndexByte(before, '\n') + 1
	return 1 + strings.Count(before, "\n"), 1 + utf8.RuneCountInString(before[start:])
}

// Offset returns the byte offset in text of a line and column, both
// 1-based, the column counted in characters: the inverse of [Of]. A
// place past the end of its line is the line's end, and one past the
// end of text is the end.
func Offset(text string, line, col int) int {
	off := 0
	for range line - 1 {
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			return len(text)
		}
		off += i + 1
	}
	for range col - 1 {
		if off >= len(text) || text[off] == '\n' {
			break
		}
		_, n := utf8.DecodeRuneInString(text[off:])
		off += n
	}
	return off
}

// InvalidUTF8 returns the offset of the first byte of data that is not
// part of UTF-8 text, or -1 when all of it is.
func InvalidUTF8(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}
