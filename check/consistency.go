package check

import (
	"bufio"
	"cmp"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/internal/excerpt"
)

// use is a translation, for the consistency checks: what they need of
// it, and no more, as a project's every translation is held until
// every file is checked.
type use struct {
	source, target text
	file           string // shared with the file's other uses
	line, col      int32
	unit, segment  string
	ignored        []string
	// n is the number of the use's file, and seq its place among the
	// uses of the file: the order of the uses.
	n, seq int
}

// text is a source or a translation as the consistency checks hold it:
// the hash of its language and its text as they compare it (see
// tidyText), and its excerpt, as the findings quote it.
type text struct {
	hash  uint64
	short string
}

// seed is the seed of the hashes of [text].
var seed = maphash.MakeSeed()

func compact(lang language.Tag, s string) text {
	return text{maphash.String(seed, lang.String()+"\x00"+tidyText(s)), excerpt.Short(s)}
}

// size is about how many bytes a use takes in memory.
func (u *use) size() int {
	n := 160 + len(u.source.short) + len(u.target.short) + len(u.unit) + len(u.segment)
	for _, r := range u.ignored {
		n += 16 + len(r)
	}
	return n
}

// compareUses orders uses by file number, then in the order of the file.
func compareUses(a, b use) int { return cmp.Or(cmp.Compare(a.n, b.n), cmp.Compare(a.seq, b.seq)) }

// at returns a finding placed at the use's target.
func (u *use) at() diag.Diagnostic {
	return diag.Diagnostic{File: u.file, Start: diag.Position{Line: int(u.line), Col: int(u.col)}, Unit: u.unit, Segment: u.segment}
}

// usesBudget is about how many bytes of translations the consistency
// checks hold in memory; past it, they are written to temporary files.
const usesBudget = 16 << 20

// partitions is how many parts the translations are written in past
// the budget, each read and checked alone: those that share a source
// or a translation are in one part.
const partitions = 128

// uses are the uses of the files checked: in memory up to budget bytes,
// and past it in temporary files, partitioned by the hashes of their
// texts.
type uses struct {
	budget int
	mem    []use
	held   int         // bytes of mem
	seq    map[int]int // how many uses of each file there are
	dir    string      // of the temporary files; "" until the budget is passed
	parts  []*os.File
	bufs   []*bufio.Writer
	err    error
}

// rule is a consistency rule: key is what the uses of a group share,
// also what tells their ways apart.
type rule struct {
	rule      string
	sev       diag.Severity
	key, also func(*use) text
	format    string
}

// rules are the consistency rules, in the order their findings at one
// place come.
var rules = []rule{
	{diag.ConsistencyTarget, diag.Warning, func(u *use) text { return u.source }, func(u *use) text { return u.target },
		"the same source is translated %d ways: here %q; %s"},
	{diag.ConsistencySource, diag.Info, func(u *use) text { return u.target }, func(u *use) text { return u.source },
		"%d different sources have the same translation: here %q; %s"},
}

// add adds the uses of a file numbered n.
func (us *uses) add(n int, add []use) {
	if us.seq == nil {
		us.seq = map[int]int{}
	}
	for _, u := range add {
		u.n, u.seq = n, us.seq[n]
		us.seq[n]++
		us.mem = append(us.mem, u)
		us.held += u.size()
	}
	if us.held > us.budget && us.err == nil {
		us.err = us.spill()
	}
}

// spill writes the uses in memory to the temporary files: each to the
// part of its source, for consistency.target, and to that of its
// translation, for consistency.source.
func (us *uses) spill() error {
	if us.dir == "" {
		dir, err := os.MkdirTemp("", "loctool-consistency-*")
		if err != nil {
			return fmt.Errorf("cannot write the translations aside for the consistency checks: %w", err)
		}
		us.dir = dir
		for p := range partitions {
			f, err := os.Create(filepath.Join(dir, fmt.Sprint(p)))
			if err != nil {
				return fmt.Errorf("cannot write the translations aside for the consistency checks: %w", err)
			}
			us.parts = append(us.parts, f)
			us.bufs = append(us.bufs, bufio.NewWriter(f))
		}
	}
	var b []byte
	for i := range us.mem {
		u := &us.mem[i]
		for r := range rules {
			b = appendUse(b[:0], byte(r), u)
			if _, err := us.bufs[rules[r].key(u).hash%partitions].Write(b); err != nil {
				return fmt.Errorf("cannot write the translations aside for the consistency checks: %w", err)
			}
		}
	}
	us.mem, us.held = nil, 0
	return nil
}

// each gives the findings to yield, in order of file and place, and
// removes the temporary files.
func (us *uses) each(yield func(diag.Diagnostic) error) error {
	if us.dir == "" {
		slices.SortFunc(us.mem, compareUses)
		var out []finding
		for r := range rules {
			out = append(out, consistency(us.mem, r)...)
		}
		us.mem = nil
		sortFindings(out)
		for _, f := range out {
			if err := yield(f.d); err != nil {
				return err
			}
		}
		return nil
	}
	defer os.RemoveAll(us.dir)
	if us.err == nil {
		us.err = us.spill()
	}
	// Each part's findings, sorted, go to a run of their own; the runs
	// are merged.
	runs := make([]*os.File, 0, partitions)
	defer func() {
		for _, f := range slices.Concat(us.parts, runs) {
			f.Close()
		}
	}()
	for p, f := range us.parts {
		if us.err != nil {
			return us.err
		}
		if err := us.bufs[p].Flush(); err != nil {
			return fmt.Errorf("cannot write the translations aside for the consistency checks: %w", err)
		}
		run, err := us.part(f)
		if err != nil {
			return err
		}
		runs = append(runs, run)
	}
	return merge(runs, yield)
}

// maxSplit is how many pieces a part of the uses larger than an eighth
// of the budget is split into at most.
const maxSplit = 64

// part reads a part of the uses, checks them and writes their findings
// to a run file, in order of file and place. A part larger than an
// eighth of the budget is first split into pieces, each read and
// checked alone: a large project's parts are larger than its budget,
// and the uses read back take several times their bytes on disk.
func (us *uses) part(f *os.File) (*os.File, error) {
	size, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		return nil, readBackErr(err)
	}
	pieces := []*os.File{f}
	if limit := int64(max(us.budget/8, 1)); size > limit {
		if pieces, err = split(f, int(min(size/limit+1, maxSplit))); err != nil {
			return nil, err
		}
	}
	var out []finding
	for _, piece := range pieces {
		found, err := checkPiece(piece)
		if piece != f {
			piece.Close()
			os.Remove(piece.Name())
		}
		if err != nil {
			return nil, err
		}
		out = append(out, found...)
	}
	sortFindings(out)
	run, err := os.Create(f.Name() + ".run")
	if err != nil {
		return nil, fmt.Errorf("cannot write the consistency findings aside: %w", err)
	}
	w := bufio.NewWriter(run)
	var b []byte
	for i := range out {
		b = appendFinding(b[:0], &out[i].d)
		w.Write(b)
	}
	if err := w.Flush(); err != nil {
		run.Close()
		return nil, fmt.Errorf("cannot write the consistency findings aside: %w", err)
	}
	if _, err := run.Seek(0, io.SeekStart); err != nil {
		run.Close()
		return nil, readBackErr(err)
	}
	return run, nil
}

func readBackErr(err error) error {
	return fmt.Errorf("cannot read back the translations of the consistency checks: %w", err)
}

// split writes the uses of a part to n pieces, those that share a
// source or a translation in one, and returns them.
func split(f *os.File, n int) ([]*os.File, error) {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, readBackErr(err)
	}
	pieces := make([]*os.File, 0, n)
	bufs := make([]*bufio.Writer, 0, n)
	fail := func(err error) ([]*os.File, error) {
		for _, p := range pieces {
			p.Close()
			os.Remove(p.Name())
		}
		return nil, fmt.Errorf("cannot write the translations aside for the consistency checks: %w", err)
	}
	for k := range n {
		p, err := os.Create(fmt.Sprintf("%s.%d", f.Name(), k))
		if err != nil {
			return fail(err)
		}
		pieces = append(pieces, p)
		bufs = append(bufs, bufio.NewWriter(p))
	}
	r := bufio.NewReader(f)
	var b []byte
	for {
		rule, u, err := readUse(r)
		if err == io.EOF {
			break
		}
		if err != nil {
			for _, p := range pieces {
				p.Close()
				os.Remove(p.Name())
			}
			return nil, readBackErr(err)
		}
		// The part is the hash's remainder by partitions: the piece,
		// the quotient's.
		b = appendUse(b[:0], byte(rule), &u)
		if _, err := bufs[rules[rule].key(&u).hash/partitions%uint64(n)].Write(b); err != nil {
			return fail(err)
		}
	}
	for _, w := range bufs {
		if err := w.Flush(); err != nil {
			return fail(err)
		}
	}
	return pieces, nil
}

// checkPiece reads uses from f and returns their findings.
func checkPiece(f *os.File) ([]finding, error) {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, readBackErr(err)
	}
	byRule := make([][]use, len(rules))
	r := bufio.NewReader(f)
	for {
		rule, u, err := readUse(r)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, readBackErr(err)
		}
		byRule[rule] = append(byRule[rule], u)
	}
	var out []finding
	for rule, uses := range byRule {
		slices.SortFunc(uses, compareUses)
		out = append(out, consistency(uses, rule)...)
	}
	return out, nil
}

// finding is a consistency finding, with its rule and the first use of
// its group, by which [sortFindings] orders the findings at one place.
type finding struct {
	d      diag.Diagnostic
	rule   int
	n, seq int
}

// sortFindings puts findings in order of file and place; at one place,
// in the order of the rules, then of the first uses of their groups,
// and those of one group as they were.
func sortFindings(fs []finding) {
	slices.SortStableFunc(fs, func(a, b finding) int {
		return cmp.Or(ComparePlaces(&a.d, &b.d), cmp.Compare(a.rule, b.rule), cmp.Compare(a.n, b.n), cmp.Compare(a.seq, b.seq))
	})
}

// merge gives the findings of the runs, each in order of file and
// place, to yield in that order; those at one place in the order of the
// runs.
func merge(runs []*os.File, yield func(diag.Diagnostic) error) error {
	h := &runHeap{}
	for i, f := range runs {
		r := &run{r: bufio.NewReader(f), i: i}
		if ok, err := r.next(); err != nil {
			return err
		} else if ok {
			h.runs = append(h.runs, r)
		}
	}
	heap.Init(h)
	for len(h.runs) > 0 {
		r := h.runs[0]
		if err := yield(r.d); err != nil {
			return err
		}
		ok, err := r.next()
		if err != nil {
			return err
		}
		if ok {
			heap.Fix(h, 0)
		} else {
			heap.Pop(h)
		}
	}
	return nil
}

// run is a run file of findings being merged, with the next.
type run struct {
	r *bufio.Reader
	i int
	d diag.Diagnostic
}

func (r *run) next() (bool, error) {
	d, err := readFinding(r.r)
	if err == io.EOF {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("cannot read back the consistency findings: %w", err)
	}
	r.d = d
	return true, nil
}

type runHeap struct{ runs []*run }

func (h *runHeap) Len() int { return len(h.runs) }
func (h *runHeap) Less(i, j int) bool {
	a, b := h.runs[i], h.runs[j]
	if c := ComparePlaces(&a.d, &b.d); c != 0 {
		return c < 0
	}
	// At one place, the rules in their order, as Sort leaves them.
	if ra, rb := ruleIndex(a.d.Rule), ruleIndex(b.d.Rule); ra != rb {
		return ra < rb
	}
	return a.i < b.i
}
func (h *runHeap) Swap(i, j int) { h.runs[i], h.runs[j] = h.runs[j], h.runs[i] }
func (h *runHeap) Push(x any)    { h.runs = append(h.runs, x.(*run)) }
func (h *runHeap) Pop() any {
	r := h.runs[len(h.runs)-1]
	h.runs = h.runs[:len(h.runs)-1]
	return r
}

func ruleIndex(id string) int {
	return slices.IndexFunc(rules, func(r rule) bool { return r.rule == id })
}

// consistency finds the uses that break one of the rules, numbered
// rule: a source sentence translated in different ways, or different
// source sentences translated alike, in each language. The uses are in
// their order; those that share a key are together in one call.
func consistency(uses []use, rule int) []finding {
	var out []finding
	k := rules[rule]
	groups := map[uint64][]int{}
	var order []uint64
	for i := range uses {
		key := k.key(&uses[i]).hash
		if groups[key] == nil {
			order = append(order, key)
		}
		groups[key] = append(groups[key], i)
	}
	for _, key := range order {
		g := groups[key]
		ways := map[uint64]int{} // how many of the group write each way
		for _, i := range g {
			ways[k.also(&uses[i]).hash]++
		}
		if len(ways) < 2 {
			continue
		}
		for _, i := range g {
			u := &uses[i]
			if slices.Contains(u.ignored, k.rule) {
				continue
			}
			// The first few others, and how many more: a sentence
			// translated a thousand ways is not quoted a thousand
			// times in each finding.
			const most = 3
			var others []string
			n := len(g) - ways[k.also(u).hash]
			for _, j := range g {
				if len(others) == min(n, most) {
					break
				}
				if o := &uses[j]; k.also(o).hash != k.also(u).hash {
					others = append(others, fmt.Sprintf("%q at %s", k.also(o).short, diag.Place(o.file, diag.Position{Line: int(o.line), Col: int(o.col)})))
				}
			}
			if n > most {
				others = append(others, fmt.Sprintf("and %d more", n-most))
			}
			f := u.at()
			f.Rule, f.Severity = k.rule, k.sev
			f.Message = fmt.Sprintf("unit %s, segment %s: ", f.Unit, f.Segment) + fmt.Sprintf(k.format, len(ways), k.also(u).short, strings.Join(others, "; "))
			first := &uses[g[0]]
			out = append(out, finding{f, rule, first.n, first.seq})
		}
	}
	return out
}

// The temporary files hold records of numbers as varints and strings
// with their lengths.

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func appendUse(b []byte, rule byte, u *use) []byte {
	b = append(b, rule)
	b = binary.AppendUvarint(b, uint64(u.n))
	b = binary.AppendUvarint(b, uint64(u.seq))
	b = binary.LittleEndian.AppendUint64(b, u.source.hash)
	b = binary.LittleEndian.AppendUint64(b, u.target.hash)
	b = appendString(b, u.source.short)
	b = appendString(b, u.target.short)
	b = appendString(b, u.file)
	b = binary.AppendUvarint(b, uint64(u.line))
	b = binary.AppendUvarint(b, uint64(u.col))
	b = appendString(b, u.unit)
	b = appendString(b, u.segment)
	b = binary.AppendUvarint(b, uint64(len(u.ignored)))
	for _, r := range u.ignored {
		b = appendString(b, r)
	}
	return b
}

// recordReader reads the records of a temporary file; its first error
// stays.
type recordReader struct {
	r   *bufio.Reader
	err error
}

func (rr *recordReader) uint() uint64 {
	if rr.err != nil {
		return 0
	}
	var n uint64
	n, rr.err = binary.ReadUvarint(rr.r)
	return n
}

func (rr *recordReader) uint64() uint64 {
	var b [8]byte
	if rr.err == nil {
		_, rr.err = io.ReadFull(rr.r, b[:])
	}
	return binary.LittleEndian.Uint64(b[:])
}

func (rr *recordReader) string() string {
	n := rr.uint()
	if rr.err != nil {
		return ""
	}
	b := make([]byte, n)
	_, rr.err = io.ReadFull(rr.r, b)
	return string(b)
}

// unexpected makes an end of file within a record an error.
func (rr *recordReader) unexpected() error {
	if errors.Is(rr.err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return rr.err
}

func readUse(r *bufio.Reader) (int, use, error) {
	rule, err := r.ReadByte()
	if err != nil {
		return 0, use{}, err
	}
	rr := &recordReader{r: r}
	var u use
	u.n, u.seq = int(rr.uint()), int(rr.uint())
	u.source.hash, u.target.hash = rr.uint64(), rr.uint64()
	u.source.short, u.target.short = rr.string(), rr.string()
	u.file = rr.string()
	u.line, u.col = int32(rr.uint()), int32(rr.uint())
	u.unit, u.segment = rr.string(), rr.string()
	for range rr.uint() {
		u.ignored = append(u.ignored, rr.string())
	}
	if int(rule) >= len(rules) && rr.err == nil {
		rr.err = fmt.Errorf("a record of rule %d", rule)
	}
	return int(rule), u, rr.unexpected()
}

// appendFinding writes what a consistency finding has: its place,
// rule, severity, message, unit and segment.
func appendFinding(b []byte, d *diag.Diagnostic) []byte {
	b = append(b, 1)
	b = appendString(b, d.File)
	b = binary.AppendUvarint(b, uint64(d.Start.Line))
	b = binary.AppendUvarint(b, uint64(d.Start.Col))
	b = appendString(b, d.Rule)
	b = appendString(b, string(d.Severity))
	b = appendString(b, d.Message)
	b = appendString(b, d.Unit)
	return appendString(b, d.Segment)
}

func readFinding(r *bufio.Reader) (diag.Diagnostic, error) {
	if _, err := r.ReadByte(); err != nil {
		return diag.Diagnostic{}, err
	}
	rr := &recordReader{r: r}
	var d diag.Diagnostic
	d.File = rr.string()
	d.Start.Line, d.Start.Col = int(rr.uint()), int(rr.uint())
	d.Rule, d.Severity, d.Message = rr.string(), diag.Severity(rr.string()), rr.string()
	d.Unit, d.Segment = rr.string(), rr.string()
	return d, rr.unexpected()
}
