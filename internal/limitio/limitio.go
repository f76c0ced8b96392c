// Package limitio reads no more than a limit, and says so when the input
// goes on past it, where io.LimitReader stops without a word.
package limitio

import (
	"errors"
	"io"
)

// ErrTooBig is the error of a Reader whose input goes on past its limit.
var ErrTooBig = errors.New("file too big")

// Reader reads from R, and fails with ErrTooBig once more than N bytes
// have been read.
type Reader struct {
	R io.Reader
	N int64
}

func (l *Reader) Read(p []byte) (int, error) {
	if l.N < 0 {
		return 0, ErrTooBig
	}
	if int64(len(p)) > l.N+1 {
		p = p[:l.N+1]
	}
	k, err := l.R.Read(p)
	l.N -= int64(k)
	if l.N < 0 {
		return k, ErrTooBig
	}
	return k, err
}
