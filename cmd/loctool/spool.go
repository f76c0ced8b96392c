package main

import (
	"bufio"
	"io"
	"os"
)

// spool keeps the lines a command prints at the end, one for each file,
// in a temporary file until then, so that a run over thousands of files
// does not hold them in memory. A nil spool holds nothing.
type spool struct {
	f *os.File
	w *bufio.Writer
	n int // lines written
}

// newSpool returns a spool in the system's temporary folder, or nil when
// none can be made there: the caller then keeps its lines in memory.
func newSpool() *spool {
	f, err := os.CreateTemp("", "loctool-report-*.txt")
	if err != nil {
		return nil
	}
	return &spool{f: f, w: bufio.NewWriter(f)}
}

// count returns how many lines the spool holds.
func (s *spool) count() int {
	if s == nil {
		return 0
	}
	return s.n
}

// copyTo writes the spool's lines to w, in order.
func (s *spool) copyTo(w io.Writer) error {
	if s == nil {
		return nil
	}
	if err := s.w.Flush(); err != nil {
		return err
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err := io.Copy(w, s.f)
	return err
}

// close removes the spool's file.
func (s *spool) close() {
	if s != nil {
		s.f.Close()
		os.Remove(s.f.Name())
	}
}
