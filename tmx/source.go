package tmx

import (
	"bufio"
	"errors"
	"io"
	"unicode/utf8"
)

// source is what the XML decoder reads, a byte at a time. On the way it
// counts lines and columns (in characters, where the decoder counts
// bytes), checks that the text is UTF-8 with only characters XML
// allows, so that a bad byte is reported where it is rather than at the
// end of its text, and holds the decoder to the limits: reading stops
// once a unit is too big, before the decoder gathers it.
type source struct {
	in *bufio.Reader
	// n counts the bytes handed to the decoder.
	n int64
	// line and col are the place of the next byte, and pline and pcol
	// the place of the last one: the decoder may give one back.
	line, col, pline, pcol int
	// budget is what is left of MaxUnitBytes since reset.
	budget int64
	// The character being read: the bytes still to come, what is
	// decoded so far, its smallest valid value, and where it starts.
	need              int
	r, min            rune
	rline, rcol       int
	fffd              int // the U+FFFD characters read since the last token
	err               *sourceError
	unitLimitExceeded bool
}

// sourceError is a byte the source refuses, at its place.
type sourceError struct {
	line, col int
	kind      error
	msg, hint string
}

func (e *sourceError) Error() string { return e.msg }

func newSource(r io.Reader, budget int64) *source {
	return &source{in: bufio.NewReaderSize(r, 64<<10), line: 1, col: 1, budget: budget}
}

// errUnitTooBig stops the decoder when a unit is over its limit.
var errUnitTooBig = errors.New("unit too big")

func (s *source) ReadByte() (byte, error) {
	if s.err != nil {
		return 0, s.err
	}
	if s.budget <= 0 {
		s.unitLimitExceeded = true
		return 0, errUnitTooBig
	}
	b, err := s.in.ReadByte()
	if err != nil {
		return 0, err
	}
	s.budget--
	s.n++
	s.pline, s.pcol = s.line, s.col
	switch {
	case s.need > 0:
		if b&0xC0 != 0x80 {
			return 0, s.fail(s.rline, s.rcol, badUTF8)
		}
		s.r = s.r<<6 | rune(b&0x3F)
		if s.need--; s.need == 0 {
			switch {
			case s.r < s.min || s.r > utf8.MaxRune || 0xD800 <= s.r && s.r <= 0xDFFF:
				return 0, s.fail(s.rline, s.rcol, badUTF8)
			case s.r == 0xFFFE || s.r == 0xFFFF:
				return 0, s.fail(s.rline, s.rcol, badChar(s.r))
			case s.r == utf8.RuneError:
				s.fffd++
			}
		}
		return b, nil
	case b == '\n':
		s.line++
		s.col = 1
		return b, nil
	case b < 0x20 && b != '\t' && b != '\r':
		return 0, s.fail(s.line, s.col, badChar(rune(b)))
	case b < 0x80:
	case b >= 0xC2 && b <= 0xDF:
		s.need, s.r, s.min = 1, rune(b&0x1F), 0x80
	case b >= 0xE0 && b <= 0xEF:
		s.need, s.r, s.min = 2, rune(b&0x0F), 0x800
	case b >= 0xF0 && b <= 0xF4:
		s.need, s.r, s.min = 3, rune(b&0x07), 0x10000
	default:
		return 0, s.fail(s.line, s.col, badUTF8)
	}
	s.rline, s.rcol = s.line, s.col
	s.col++
	return b, nil
}

// Read is for the decoder of a declared encoding, which reads the bytes
// as they are in the file and hands the decoder their UTF-8.
func (s *source) Read(p []byte) (int, error) { return s.in.Read(p) }

// at returns the place of the decoder, which has read off bytes: the
// source's own place, or the one before if the decoder gave a byte back.
func (s *source) at(off int64) (int, int) {
	if off < s.n {
		return s.pline, s.pcol
	}
	return s.line, s.col
}

// reset starts the budget of the next unit.
func (s *source) reset(budget int64) { s.budget = budget }

var badUTF8 = sourceError{kind: ErrEncoding, msg: "bytes that are not UTF-8",
	hint: "the file is not UTF-8 text: an editor may have saved it in another encoding; save it as UTF-8, or ask for it again"}

// badChar describes a character XML does not allow.
func badChar(r rune) sourceError {
	if r == 0 {
		return sourceError{kind: ErrSyntax, msg: "a NUL character, which XML cannot hold",
			hint: "the file is damaged, or not text; ask for it again"}
	}
	return sourceError{kind: ErrSyntax, msg: "character " + uplus(r) + ", which XML cannot hold",
		hint: "remove it, or ask for the file again if it is damaged"}
}

func (s *source) fail(line, col int, e sourceError) error {
	e.line, e.col = line, col
	s.err = &e
	return s.err
}

// uplus writes r as U+0001.
func uplus(r rune) string {
	const hex = "0123456789ABCDEF"
	b := []byte("U+")
	digits := 4
	if r > 0xFFFF {
		digits = 6
	}
	for i := digits - 1; i >= 0; i-- {
		b = append(b, hex[(r>>(4*i))&0xF])
	}
	return string(b)
}
