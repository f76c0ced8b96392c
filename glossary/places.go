package glossary

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
)

// placesBudget is about how many bytes of places a log of [Spellings]
// holds in memory; past it, they are written to a temporary file.
const placesBudget = 1 << 20

// placeLog holds the places of names as they are added, file by file:
// a corpus of 100,000 articles has twenty million, which a check reads
// back once every article is read. Each place is a record of varints:
// the number of its name, its line as a difference from the line of the
// record before in its chunk, and its column; about five bytes.
type placeLog struct {
	budget  int
	buf     []byte   // the records not yet written to f
	f       *os.File // nil until the records pass the budget
	path    string   // f's, when it could not be removed while open
	written int64    // how many bytes f has
	chunks  []chunk
	line    int32 // of the last record of the last chunk
	// names are the names the records number: those of the collection
	// the log is in.
	names []*name
	err   error // the first of writing f
}

// chunk is a run of records of one file.
type chunk struct {
	file       string
	start, end int64 // offsets in the log
}

// ref is a chunk of a log of [Spellings], with the number of its file.
type ref struct{ file, log, seq int32 }

// start starts the places of a file, unless the last were its.
func (l *placeLog) start(file string) {
	if len(l.chunks) == 0 || l.chunks[len(l.chunks)-1].file != file {
		size := l.written + int64(len(l.buf))
		l.chunks = append(l.chunks, chunk{file: file, start: size, end: size})
		l.line = 0
	}
}

// add adds a place, in the file started last, of the name numbered id.
func (l *placeLog) add(id, line, col int32) {
	if l.err != nil {
		return
	}
	n := len(l.buf)
	l.buf = binary.AppendUvarint(l.buf, uint64(id))
	l.buf = binary.AppendVarint(l.buf, int64(line-l.line))
	l.buf = binary.AppendUvarint(l.buf, uint64(col))
	l.line = line
	l.chunks[len(l.chunks)-1].end += int64(len(l.buf) - n)
	if len(l.buf) >= l.budget {
		l.err = l.flush()
	}
}

// flush writes the records held in memory to the temporary file.
func (l *placeLog) flush() error {
	if l.f == nil {
		f, err := os.CreateTemp("", "loctool-names-*")
		if err != nil {
			return fmt.Errorf("cannot write the places of names aside: %w", err)
		}
		// Removed at once where a file open can be: nothing is left
		// behind whatever happens.
		if os.Remove(f.Name()) != nil {
			l.path = f.Name()
		}
		l.f = f
	}
	if _, err := l.f.Write(l.buf); err != nil {
		return fmt.Errorf("cannot write the places of names aside: %w", err)
	}
	l.written += int64(len(l.buf))
	l.buf = l.buf[:0]
	return nil
}

// read returns the records of a chunk, in b's memory if it has room.
func (l *placeLog) read(c chunk, b []byte) ([]byte, error) {
	b = slices.Grow(b[:0], int(c.end-c.start))[:c.end-c.start]
	if c.start < l.written {
		n := min(c.end, l.written) - c.start
		if _, err := l.f.ReadAt(b[:n], c.start); err != nil {
			return nil, fmt.Errorf("cannot read back the places of names: %w", err)
		}
	}
	if c.end > l.written {
		from := max(c.start, l.written)
		copy(b[from-c.start:], l.buf[from-l.written:c.end-l.written])
	}
	return b, nil
}

// close closes and removes the temporary file.
func (l *placeLog) close() error {
	if l.f == nil {
		return nil
	}
	err := l.f.Close()
	if l.path != "" {
		err = errors.Join(err, os.Remove(l.path))
	}
	l.f, l.buf, l.chunks, l.written = nil, nil, nil, 0
	return err
}

// eachSpot calls yield with the places of spellings, all of them in
// order of file and place, and the index in spellings of each place's;
// the spellings' at one place in their order. It stops when yield
// returns false, and holds the places of one file at a time.
func (s *Spellings) eachSpot(spellings []CompactSpelled, yield func(spelling int, p spot) bool) error {
	if len(spellings) == 0 {
		return nil
	}
	of := map[*name]int32{}
	for k, sp := range spellings {
		for _, n := range sp.names {
			of[n] = int32(k)
		}
	}
	// Each log's spelling of each name it numbers, -1 for none.
	marks := make([][]int32, len(s.logs))
	for i, l := range s.logs {
		if l.err != nil {
			return l.err
		}
		marks[i] = make([]int32, len(l.names))
		for id, n := range l.names {
			k, ok := of[n]
			if !ok {
				k = -1
			}
			marks[i][id] = k
		}
	}
	refs := s.refs
	type marked struct{ line, col, k int32 }
	var (
		found []marked
		buf   []byte
		err   error
	)
	for i := 0; i < len(refs); {
		file := refs[i].file
		found = found[:0]
		for ; i < len(refs) && refs[i].file == file; i++ {
			l, mark := s.logs[refs[i].log], marks[refs[i].log]
			if buf, err = l.read(l.chunks[refs[i].seq], buf); err != nil {
				return err
			}
			var line int64
			for data := buf; len(data) > 0; {
				id, n1 := binary.Uvarint(data)
				dl, n2 := binary.Varint(data[max(n1, 0):])
				col, n3 := binary.Uvarint(data[max(n1, 0)+max(n2, 0):])
				if n1 <= 0 || n2 <= 0 || n3 <= 0 || id >= uint64(len(mark)) {
					return fmt.Errorf("cannot read back the places of names: %w", io.ErrUnexpectedEOF)
				}
				data = data[n1+n2+n3:]
				line += dl
				if k := mark[id]; k >= 0 {
					found = append(found, marked{int32(line), int32(col), k})
				}
			}
		}
		slices.SortFunc(found, func(a, b marked) int {
			switch {
			case a.line != b.line:
				return int(a.line - b.line)
			case a.col != b.col:
				return int(a.col - b.col)
			}
			return int(a.k - b.k)
		})
		for _, m := range found {
			if !yield(int(m.k), spot{file, m.line, m.col}) {
				return nil
			}
		}
	}
	return nil
}
