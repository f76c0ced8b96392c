package document

import (
	"bytes"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/yuin/goldmark/util"

	"github.com/loctool/loctool/inline"
)

// A run is a stretch of a block's plain text and the bytes of the article
// it was read from. A block's runs cover its text in order, each starting
// where the one before ends.
type run struct {
	end  int32 // where the stretch ends in the text
	from int32 // where its bytes start in the article
	// to is where its bytes end when the stretch is one unit of markup,
	// such as an entity, an escape or collapsed white space, that reads
	// as the text; -1 when the text is written as it reads, so that its
	// bytes are the text's.
	to int32
}

// runs are the runs of a block.
type runs []run

// text returns where run k starts and ends in the text.
func (rs runs) text(k int) (start, end int) {
	if k > 0 {
		start = int(rs[k-1].end)
	}
	return start, int(rs[k].end)
}

// src returns where run k's bytes start and end in the article.
func (rs runs) src(k int) (from, to int) {
	if rs[k].to >= 0 {
		return int(rs[k].from), int(rs[k].to)
	}
	start, end := rs.text(k)
	return int(rs[k].from), int(rs[k].from) + end - start
}

// find returns the run that holds byte i of the text.
func (rs runs) find(i int) int {
	return sort.Search(len(rs), func(k int) bool { return int(rs[k].end) > i })
}

// joined reports whether run k's bytes end where run k+1's start: no
// markup that is not the text's lies between them.
func (rs runs) joined(k int) bool {
	_, to := rs.src(k)
	return to == int(rs[k+1].from)
}

// Source returns where the text b.Content.PlainText()[start:end] is in
// the article, for b a block of d: the byte offsets from and to of the
// article (its byte order mark included) that it was read from. ok is
// false when b is not one of d's blocks as Parse read them (a copy of one
// is one, with the same Content), when start and end do not make a range
// of one or more bytes of the text, and when the range spans a code: the
// code's markup lies between the range's parts in the article, and each
// part is placed on its own. The blocks of an article over 2 GiB are not
// placed.
//
// Where the text is written as it reads, article[from:to] is the text,
// byte for byte; a range that splits a character splits its bytes. Where
// it is not, article[from:to] is the markup that reads as the text, and a
// range that starts or ends inside an entity, an escape or another unit of
// markup takes the whole unit. The units are: HTML character references
// (&amp;, &#105;, &copy without its semicolon) and a run of white space
// that HTML shows as one space; Markdown backslash escapes and entity
// references, and a line break together with the white space around it
// and the container markers ("> ", indentation) that start the next line;
// a line ending "\r\n", which reads as "\n"; and the escapes of a quoted
// front matter value, whose quotes are not part of its text.
func (d *Document) Source(b *Block, start, end int) (from, to int, ok bool) {
	i := d.index(b)
	if i < 0 {
		return 0, 0, false
	}
	rs := d.spans[i].runs
	if len(rs) == 0 || start < 0 || end <= start || end > int(rs[len(rs)-1].end) {
		return 0, 0, false
	}
	k, j := rs.find(start), rs.find(end-1)
	for r := k; r < j; r++ {
		if !rs.joined(r) {
			return 0, 0, false // markup that is not the text's lies between
		}
	}
	from, _ = rs.src(k)
	if rs[k].to < 0 {
		t, _ := rs.text(k)
		from += start - t
	}
	_, to = rs.src(j)
	if rs[j].to < 0 {
		t, _ := rs.text(j)
		to = int(rs[j].from) + end - t
	}
	return from, to, true
}

// index returns the index of b among d's blocks, or -1 when it is not one
// of them: a block is known by its ID and its content.
func (d *Document) index(b *Block) int {
	i := blockIndex(b.ID)
	if i < 0 || i >= len(d.Blocks) || len(b.Content) == 0 {
		return -1
	}
	if c := d.Blocks[i].Content; len(c) != len(b.Content) || &c[0] != &b.Content[0] {
		return -1
	}
	return i
}

// mapper records, as a block's text is read, where each stretch of it
// comes from: the text read so far, and pieces that cut it into stretches
// with their bytes in the article. The readers transform the text as they
// go (line endings, white space, trimming), and the mapper does the same
// to its pieces. A nil mapper records nothing.
type mapper struct {
	text   []byte
	pieces []piece
	edits  []textEdit
	bad    bool // a transformation cut a unit of markup: no runs
	// scratch for apply
	text2   []byte
	pieces2 []piece
}

// piece is a stretch of the mapper's text, from text[at] to the next
// piece's at, read from src[from:to].
type piece struct {
	at, from, to int
	verbatim     bool
}

// textEdit replaces text[a:b] with r: the bytes it was read from become
// one unit, or, when r is empty, leave the text.
type textEdit struct {
	a, b int
	r    string
}

func (m *mapper) reset() {
	if m == nil {
		return
	}
	m.text, m.pieces, m.edits, m.bad = m.text[:0], m.pieces[:0], m.edits[:0], false
}

func (m *mapper) len() int {
	if m == nil {
		return 0
	}
	return len(m.text)
}

// verbatim adds src[from:to], read as it is written.
func (m *mapper) verbatim(src string, from, to int) {
	if m == nil || from >= to {
		return
	}
	m.piece(from, to, true)
	m.text = append(m.text, src[from:to]...)
}

// unit adds t, read from src[from:to] as one unit of markup.
func (m *mapper) unit(t string, from, to int) {
	if m == nil || t == "" {
		return
	}
	m.piece(from, to, false)
	m.text = append(m.text, t...)
}

// piece starts a piece at the end of the text, or extends the last when
// both are verbatim and follow each other in the article.
func (m *mapper) piece(from, to int, verbatim bool) {
	if n := len(m.pieces); verbatim && n > 0 {
		if last := &m.pieces[n-1]; last.verbatim && last.to == from {
			last.to = to
			return
		}
	}
	m.pieces = append(m.pieces, piece{at: len(m.text), from: from, to: to, verbatim: verbatim})
}

// pieceEnd returns where piece k of pieces ends in text.
func pieceEnd(pieces []piece, text []byte, k int) int {
	if k+1 < len(pieces) {
		return pieces[k+1].at
	}
	return len(text)
}

// pieceAt returns the index of the piece that holds text[i].
func pieceAt(pieces []piece, i int) int {
	return sort.Search(len(pieces), func(k int) bool { return pieces[k].at > i }) - 1
}

// apply makes the edits in m.edits, which are in order and do not
// overlap.
func (m *mapper) apply() {
	edits := m.edits
	m.edits = m.edits[:0]
	if m.bad || len(edits) == 0 {
		return
	}
	old, oldText := m.pieces, m.text
	m.pieces, m.text = m.pieces2[:0], m.text2[:0]
	pos := 0
	// cut reports whether text position i cuts a unit.
	cut := func(i int) bool {
		if i <= 0 || i >= len(oldText) {
			return false
		}
		k := pieceAt(old, i)
		return !old[k].verbatim && old[k].at != i
	}
	copyTo := func(end int) {
		for pos < end {
			k := pieceAt(old, pos)
			p := old[k]
			e := min(end, pieceEnd(old, oldText, k))
			if p.verbatim {
				m.piece(p.from+pos-p.at, p.from+e-p.at, true)
			} else {
				m.piece(p.from, p.to, false)
			}
			m.text = append(m.text, oldText[pos:e]...)
			pos = e
		}
	}
	for _, e := range edits {
		if cut(e.a) || cut(e.b) {
			m.bad = true
			break
		}
		copyTo(e.a)
		if e.r != "" {
			ka, kb := pieceAt(old, e.a), pieceAt(old, e.b-1)
			from, to := old[ka].from, old[kb].to
			if old[ka].verbatim {
				from += e.a - old[ka].at
			}
			if old[kb].verbatim {
				to = old[kb].from + e.b - old[kb].at
			}
			m.piece(from, to, false)
			m.text = append(m.text, e.r...)
		}
		pos = e.b
	}
	if !m.bad {
		copyTo(len(oldText))
	}
	m.pieces2, m.text2 = old[:0], oldText[:0]
}

// lfEndings makes the line endings of the text from lo on "\n", as the
// function lfEndings does.
func (m *mapper) lfEndings(lo int) {
	if m == nil || bytes.IndexByte(m.text[lo:], '\r') < 0 {
		return
	}
	t := m.text
	for i := lo; i < len(t); i++ {
		if t[i] != '\r' {
			continue
		}
		j := i
		for j < len(t) && t[j] == '\r' {
			j++
		}
		if j < len(t) && t[j] == '\n' {
			m.edits = append(m.edits, textEdit{i, j + 1, "\n"})
		}
		i = j - 1
	}
	m.apply()
}

// collapse makes each run of HTML white space in the text from lo on one
// space, as collapseSpace does.
func (m *mapper) collapse(lo int) {
	if m == nil {
		return
	}
	t := m.text
	for i := lo; i < len(t); i++ {
		if !isHTMLSpace(t[i]) {
			continue
		}
		j := i + 1
		for j < len(t) && isHTMLSpace(t[j]) {
			j++
		}
		if j > i+1 || t[i] != ' ' {
			m.edits = append(m.edits, textEdit{i, j, " "})
		}
		i = j - 1
	}
	m.apply()
}

// trimNewlines drops the spaces and tabs around the newlines of the text
// from lo on, and the carriage returns before them, as trimNewlines does:
// they join their newline's unit.
func (m *mapper) trimNewlines(lo int) {
	if m == nil {
		return
	}
	t := m.text
	prev := lo // the end of the last edit
	for k := lo; k < len(t); k++ {
		if t[k] != '\n' {
			continue
		}
		a, b := k, k+1
		for a > prev && (t[a-1] == ' ' || t[a-1] == '\t' || t[a-1] == '\r') {
			a--
		}
		for b < len(t) && (t[b] == ' ' || t[b] == '\t') {
			b++
		}
		if a < k || b > k+1 {
			m.edits = append(m.edits, textEdit{a, b, "\n"})
		}
		prev = b
		k = b - 1
	}
	m.apply()
}

// trimEdges drops the white space at the start of the text, up to
// firstEnd, and at its end, down to lastStart, as trimEdges does; a
// negative bound leaves that end as it is.
func (m *mapper) trimEdges(firstEnd, lastStart int) {
	if m == nil {
		return
	}
	const ws = " \t\n\r\f\v"
	t := m.text
	if lastStart >= 0 {
		e := len(t)
		for e > lastStart && strings.IndexByte(ws, t[e-1]) >= 0 {
			e--
		}
		if e < len(t) {
			m.edits = append(m.edits, textEdit{e, len(t), ""})
			m.apply()
		}
	}
	if firstEnd >= 0 {
		t = m.text
		s := 0
		for s < min(firstEnd, len(t)) && strings.IndexByte(ws, t[s]) >= 0 {
			s++
		}
		if s > 0 {
			m.edits = append(m.edits, textEdit{0, s, ""})
			m.apply()
		}
	}
}

// htmlText adds src[from:to], HTML text or an attribute value, as
// decodeEntities reads it: character references resolved, line endings
// "\n".
func (m *mapper) htmlText(src string, from, to int) {
	if m == nil {
		return
	}
	lo := len(m.text)
	i := from // where the text as written starts
	for j := from; j < to; {
		k := strings.IndexByte(src[j:to], '&')
		if k < 0 {
			break
		}
		j += k
		n := htmlRef(src[j:to])
		if n == 0 {
			j++
			continue
		}
		m.verbatim(src, i, j)
		m.piece(j, j+n, false)
		m.text = appendHTMLRef(m.text, src[j:j+n])
		i, j = j+n, j+n
	}
	m.verbatim(src, i, to)
	m.lfEndings(lo)
}

// plainHTML adds src[from:to], HTML text without character references or
// carriage returns, with each run of white space one space when collapse
// is set, as htmlText and collapse do in two passes. It adds nothing and
// returns false when the text has references or carriage returns.
func (m *mapper) plainHTML(src string, from, to int, collapse bool) bool {
	s := src[from:to]
	if strings.IndexByte(s, '&') >= 0 || strings.IndexByte(s, '\r') >= 0 {
		return false
	}
	if m == nil {
		return true
	}
	if !collapse {
		m.verbatim(src, from, to)
		return true
	}
	i := 0 // where the text as written starts
	for j := 0; j < len(s); j++ {
		if !isHTMLSpace(s[j]) {
			continue
		}
		k := j + 1
		for k < len(s) && isHTMLSpace(s[k]) {
			k++
		}
		if k > j+1 || s[j] != ' ' {
			m.verbatim(src, from+i, from+j)
			m.unit(" ", from+j, from+k)
			i = k
		}
		j = k - 1
	}
	m.verbatim(src, from+i, to)
	return true
}

// htmlRef returns the length of the character reference that starts s,
// which starts with '&', as html.UnescapeString reads it in text, or 0
// when the '&' is text.
func htmlRef(s string) int {
	if len(s) < 3 {
		return 0
	}
	if s[1] == '#' {
		i := 2
		hex := s[i] == 'x' || s[i] == 'X'
		if hex {
			i++
		}
		start := i
		for i < len(s) && (hex && digitVal(s[i]) < 16 || !hex && s[i] >= '0' && s[i] <= '9') {
			i++
		}
		if i == start {
			return 0
		}
		if i < len(s) && s[i] == ';' {
			i++
		}
		return i
	}
	j := 1
	for j < len(s) && isAlnum(s[j]) {
		j++
	}
	if j == 1 {
		return 0
	}
	name := s[1:j]
	longest := len(name) - 1 // the longest prefix a legacy reference may be
	if j < len(s) && s[j] == ';' {
		if _, ok := util.LookUpHTML5EntityByName(name); ok {
			return j + 1
		}
		// goldmark's table lacks a few that x/net has, such as
		// &Abreve;: they read as one or two characters, where a legacy
		// prefix leaves the semicolon.
		if out := html.UnescapeString(s[:j+1]); out != s[:j+1] && !strings.HasSuffix(out, ";") {
			return j + 1
		}
		longest++
	} else if legacyRef(name) {
		return j
	}
	for k := min(longest, 6); k > 1; k-- {
		if legacyRef(name[:k]) {
			return k + 1
		}
	}
	return 0
}

// appendHTMLRef appends to dst what ref, a character reference as long as
// htmlRef says, reads as in HTML text, without allocating for the common
// ones.
func appendHTMLRef(dst []byte, ref string) []byte {
	if ref[1] == '#' {
		i, base := 2, rune(10)
		if ref[i] == 'x' || ref[i] == 'X' {
			i, base = 3, 16
		}
		x := rune(0)
		for ; i < len(ref) && ref[i] != ';'; i++ {
			if x <= unicode.MaxRune {
				x = x*base + rune(digitVal(ref[i]))
			}
		}
		switch {
		case 0x80 <= x && x <= 0x9f: // Windows-1252, which x/net maps
			return append(dst, html.UnescapeString(ref)...)
		case x == 0 || 0xd800 <= x && x <= 0xdfff || x > unicode.MaxRune:
			x = utf8.RuneError
		}
		return utf8.AppendRune(dst, x)
	}
	if name, ok := strings.CutSuffix(ref[1:], ";"); ok {
		if e, ok := util.LookUpHTML5EntityByName(name); ok {
			return append(dst, e.Characters...)
		}
	}
	return append(dst, html.UnescapeString(ref)...)
}

// legacyRef reports whether name is one of the character references that
// HTML reads without a semicolon, such as &amp or &copy: each is one
// Latin-1 character, and none is longer than 6 letters.
func legacyRef(name string) bool {
	if len(name) > 6 {
		return false
	}
	ref := "&" + name
	out := html.UnescapeString(ref)
	return out != ref && utf8.RuneCountInString(out) == 1
}

// mark records the runs of a block whose content is c, read as the
// mapper's text, in p. Should the mapper's text not be c's, the block has
// no runs: Source does not place it rather than place it wrongly.
func (d *Document) mark(p *blockPos, c inline.Content) {
	m := d.m
	if m == nil || m.bad {
		return
	}
	pos := 0
	for _, it := range c {
		if it.Code != nil {
			continue
		}
		if len(it.Text) > len(m.text)-pos || string(m.text[pos:pos+len(it.Text)]) != it.Text {
			return
		}
		pos += len(it.Text)
	}
	if pos != len(m.text) || len(m.text) == 0 {
		return
	}
	for k, pc := range m.pieces {
		if pc.verbatim && string(m.text[pc.at:pieceEnd(m.pieces, m.text, k)]) != d.src[pc.from:pc.to] {
			return
		}
	}
	k := d.room(len(m.pieces))
	for i, pc := range m.pieces {
		r := run{end: int32(pieceEnd(m.pieces, m.text, i)), from: int32(pc.from), to: -1}
		if !pc.verbatim {
			r.to = int32(pc.to)
		}
		d.runs = append(d.runs, r)
	}
	p.runs = d.runs[k:len(d.runs):len(d.runs)]
}

// markVerbatim records the run of a block whose text is src[from:to], as
// it is written.
func (d *Document) markVerbatim(p *blockPos, from, to int) {
	if d.m == nil || from >= to {
		return
	}
	k := d.room(1)
	d.runs = append(d.runs, run{end: int32(to - from), from: int32(from), to: -1})
	p.runs = d.runs[k:len(d.runs):len(d.runs)]
}

// room makes room for n more runs, and returns where they start.
func (d *Document) room(n int) int {
	if cap(d.runs)-len(d.runs) < n {
		// New room, as large as the runs so far: no run is copied as
		// they grow.
		d.runs = make([]run, 0, max(n, min(d.nruns, 1<<14), len(d.src)/256))
	}
	d.nruns += n
	return len(d.runs)
}

// maxMapped is the size of the largest article whose blocks get runs:
// their offsets are int32.
const maxMapped = math.MaxInt32

// blockIndex returns the index in Document.Blocks of the block with the
// ID, or -1 when no document has one.
func blockIndex(id string) int {
	if len(id) < 2 || id[0] != 'b' {
		return -1
	}
	n, err := strconv.Atoi(id[1:])
	if err != nil || n < 1 || blockID(n) != id {
		return -1
	}
	return n - 1
}
