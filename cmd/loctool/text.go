package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"unicode"

	"github.com/loctool/loctool/internal/place"
)

// stdinName stands for standard input in messages.
const stdinName = "<stdin>"

// utf8BOM is the byte order mark that some editors put at the start of
// UTF-8 files.
const utf8BOM = "\ufeff"

// readText reads file, or in when file is "-", checks that it is UTF-8 and
// returns it without a leading byte order mark.
func readText(in io.Reader, file string) (string, error) {
	name := file
	var data []byte
	var err error
	if file == "-" {
		name = stdinName
		if data, err = io.ReadAll(in); err != nil {
			return "", failure(fmt.Errorf("cannot read standard input: %w", err))
		}
	} else if data, err = os.ReadFile(file); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is in our own message
		}
		return "", failure(fmt.Errorf("cannot read %s: %w", file, err),
			"check the path, or give - to read standard input")
	}
	if err := checkUTF8(name, data); err != nil {
		return "", err
	}
	return strings.TrimPrefix(string(data), utf8BOM), nil
}

// checkUTF8 reports the first byte of data that is not UTF-8, with its
// offset in bytes and its line and column (in characters, from 1).
func checkUTF8(name string, data []byte) error {
	off := place.InvalidUTF8(data)
	if off < 0 {
		return nil
	}
	text := string(data)
	line, col := place.Of(text, off)
	if line == 1 && strings.HasPrefix(text, utf8BOM) {
		col-- // editors do not show it
	}
	return failure(&positionError{file: name, line: line, col: col, msg: fmt.Sprintf("invalid UTF-8: byte 0x%02x at offset %d", data[off], off)},
		"loctool reads UTF-8 text: convert it first, for example with iconv -f WINDOWS-1251 -t UTF-8 old.txt > new.txt")
}

// oneLine puts a sentence on one line: it trims the whitespace around it
// and turns every run of whitespace that contains a line break into one
// space. Other whitespace stays as it is.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, lineBreaks) {
		return s
	}
	var b strings.Builder
	for s != "" {
		i := strings.IndexFunc(s, unicode.IsSpace)
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = s[i:]
		j := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsSpace(r) })
		if j < 0 {
			j = len(s) // cannot happen: s was trimmed
		}
		if space := s[:j]; strings.ContainsAny(space, lineBreaks) {
			b.WriteByte(' ')
		} else {
			b.WriteString(space)
		}
		s = s[j:]
	}
	return b.String()
}

// lineBreaks are the characters that end a line: LF, CR, VT, FF, NEL, and
// the Unicode line and paragraph separators.
const lineBreaks = "\n\r\v\f\u0085\u2028\u2029"
