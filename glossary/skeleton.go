package glossary

import (
	"cmp"
	"errors"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Skeleton returns the transliteration skeleton of a Latin spelling: the
// key under which the romanisations of one Cyrillic name meet. It folds
// case and diacritics (ž š č become zh sh ch first), zh, dzh and j; kh,
// h and x; ye and e; iy, ii, y and i; doubled letters; and drops what is
// not a letter. Galymzhan and Galymjan, Zhakiyanov and Jakiyanov,
// Nazarbaev and Nazarbayev have one skeleton; Kazakh and Kazan do not.
func Skeleton(s string) string {
	s = letterFolds.Replace(strings.ToLower(norm.NFC.String(s)))
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.IsLetter(r) && r < utf8.RuneSelf {
			b.WriteRune(r)
		}
	}
	s = skeletonFolds.Replace(b.String())
	// Doubled letters, which the folds can make: ss, nn, ii.
	var out []byte
	for i := 0; i < len(s); i++ {
		if len(out) > 0 && out[len(out)-1] == s[i] {
			continue
		}
		out = append(out, s[i])
	}
	return string(out)
}

// letterFolds spell letters with diacritics as the schemes without them
// do.
var letterFolds = strings.NewReplacer("ž", "zh", "š", "sh", "č", "ch", "ǵ", "g", "ğ", "gh", "ı", "i")

// skeletonFolds are applied left to right; at each place the first that
// matches, in this order, so the longer come first.
var skeletonFolds = strings.NewReplacer(
	"dzh", "j", "zh", "j",
	"kh", "h", "x", "h",
	"iy", "i", "ii", "i", "yi", "i", "ye", "e", "y", "i",
)

// Spellings collects the capitalised names of a corpus by skeleton, to
// find one name spelt two ways.
type Spellings struct {
	names map[string]*name // spelling → its skeleton and count
	// lower holds the hashes of the words seen in lower case, the
	// common words: a hash, not the word, because it is looked up for
	// nearly every word of the corpus.
	lower  map[uint64]struct{}
	recent [1024]uint64 // the hashes of lower lately seen; see seeLower
	// logs hold the places of the names, file by file: the first this
	// collection's, the others those of the collections merged into it.
	logs []*placeLog
	// files are the files of the places in order, and refs the chunks
	// of the logs in that order, once Clusters has sorted them.
	files []string
	refs  []ref
}

// name is one spelling of a name in the corpus.
type name struct {
	skeleton string
	id       int32 // its number in the collection's own log
	count    int   // how many places it has
}

// spot is a place with its file by number in Spellings.files, the
// files in order of their paths.
type spot struct {
	file, line, col int32
}

// NewSpellings returns an empty collection. Past a few megabytes, it
// keeps the places of the names in a temporary file, which Close
// removes.
func NewSpellings() *Spellings {
	return &Spellings{names: map[string]*name{}, lower: map[uint64]struct{}{},
		logs: []*placeLog{{budget: placesBudget}}}
}

// Close removes the collection's temporary files. A collection closed
// has no places left to give.
func (s *Spellings) Close() error {
	var errs []error
	for _, l := range s.logs {
		errs = append(errs, l.close())
	}
	return errors.Join(errs...)
}

// own is the collection's own log of places.
func (s *Spellings) own() *placeLog { return s.logs[0] }

// pos returns a place as a Pos.
func (s *Spellings) pos(p spot) Pos {
	return Pos{File: s.files[p.file], Line: int(p.line), Col: int(p.col)}
}

// Add collects the names of a text from a file.
func (s *Spellings) Add(file, text string) {
	line, col, last := 1, 1, 0 // the place of text[last]
	s.AddAt(file, text, func(offset int) (int, int) {
		for _, r := range text[last:offset] {
			if r == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
		}
		last = offset
		return line, col
	})
}

// AddAt collects the names of a text from a file, where the text's own
// lines and columns are not the file's: at returns the line and column
// in the file of a byte offset of the text, for offsets that only grow.
func (s *Spellings) AddAt(file, text string, at func(offset int) (line, col int)) {
	start := -1
	started := false // the file's chunk of places, once a name is found
	flush := func(end int) {
		if start < 0 {
			return
		}
		// The place is worked out only for the names kept: most words
		// are not.
		if w := s.name(text[start:end]); w != "" {
			line, col := at(start)
			if !started {
				s.own().start(file)
				started = true
			}
			s.add(w, int32(line), int32(col))
		}
		start = -1
	}
	for i := 0; i < len(text); {
		var in bool // a letter, or an apostrophe or hyphen in a word
		size := 1
		if c := text[i]; c < utf8.RuneSelf {
			in = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || start >= 0 && (c == '-' || c == '\'')
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			in = unicode.IsLetter(r) || start >= 0 && r == '’'
		}
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			flush(i)
		}
		i += size
	}
	flush(len(text))
}

// Merge adds the names another collection holds, and takes its places:
// other is not to be used afterwards, nor closed.
func (s *Spellings) Merge(other *Spellings) {
	mine := make(map[*name]*name, len(other.names))
	for w, n := range other.names {
		m := s.names[w]
		if m == nil {
			m = s.newName(w, n.skeleton)
		}
		m.count += n.count
		mine[n] = m
	}
	for _, l := range other.logs {
		for i, n := range l.names {
			l.names[i] = mine[n]
		}
		s.logs = append(s.logs, l)
	}
	other.logs = nil
	maps.Copy(s.lower, other.lower)
}

// name takes one word of the text and returns it as a name to collect,
// or "" when it is not one.
func (s *Spellings) name(w string) string {
	if c := w[len(w)-1]; c == 's' || c == '-' || c == '\'' || c == "’"[2] {
		w = strings.TrimRight(w, "-'’")
		for _, poss := range []string{"’s", "'s", "’", "'"} {
			w = strings.TrimSuffix(w, poss)
		}
	}
	first, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(first) {
		// A short word in ASCII cannot be a name's lower case: names
		// have four letters or more.
		if len(w) >= 4 || !ascii(w) {
			s.seeLower(w)
		}
		return ""
	}
	if len(w) < 4 || !isLatin(w) || !hasLower(w) {
		return "" // short words, other scripts, acronyms (DCK, OSCE)
	}
	if s.common(w) {
		return "" // a common word at the start of a sentence
	}
	return w
}

// add collects a name at a place.
func (s *Spellings) add(w string, line, col int32) {
	n := s.names[w]
	if n == nil {
		// A name of its own: a piece of the text would keep all of it.
		n = s.newName(strings.Clone(w), Skeleton(w))
	}
	n.count++
	s.own().add(n.id, line, col)
}

// newName adds a name to the collection, and to its own log.
func (s *Spellings) newName(w, skeleton string) *name {
	l := s.own()
	n := &name{skeleton: skeleton, id: int32(len(l.names))}
	l.names = append(l.names, n)
	s.names[w] = n
	return n
}

// common reports whether the corpus has w in lower case.
func (s *Spellings) common(w string) bool {
	_, ok := s.lower[lowerHash(w)]
	return ok
}

// seeLower notes a word the corpus has in lower case. Most words of a
// text are ones it has had before: a small table of the hashes noted
// last passes them by without the set.
func (s *Spellings) seeLower(w string) {
	h := lowerHash(w)
	if slot := &s.recent[h%uint64(len(s.recent))]; *slot != h {
		*slot = h
		s.lower[h] = struct{}{}
	}
}

// lowerHash is the FNV-1a hash of w in lower case, as strings.ToLower
// writes it, made without writing it.
func lowerHash(w string) uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h = (h ^ uint64(c)) * prime
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		var b [utf8.UTFMax]byte
		for _, c := range b[:utf8.EncodeRune(b[:], unicode.ToLower(r))] {
			h = (h ^ uint64(c)) * prime
		}
		i += size
	}
	return h
}

func hasLower(w string) bool {
	for _, r := range w {
		if 'a' <= r && r <= 'z' || r >= utf8.RuneSelf && unicode.IsLower(r) {
			return true
		}
	}
	return false
}

func isLatin(w string) bool {
	for _, r := range w {
		if r >= utf8.RuneSelf && unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// Cluster is one name found spelt more than one way.
type Cluster struct {
	Skeleton string
	// Spellings are the ways it is spelt, the most frequent first, each
	// with its places.
	Spellings []Spelled
}

// Spelled is a spelling and where it occurs.
type Spelled struct {
	Text   string
	Places []Pos
}

// Inconsistent returns the names spelt more than one way, in the order
// of their first occurrence. A word the corpus also has in lower case is
// a common word capitalised at the start of a sentence, and is left out.
// An error is one of the temporary file of the places.
func (s *Spellings) Inconsistent() ([]Cluster, error) {
	clusters, err := s.Clusters()
	if err != nil {
		return nil, err
	}
	return Expand(clusters)
}

// Expand returns clusters of one collection with their places as [Pos],
// read in one pass over the places.
func Expand(clusters []CompactCluster) ([]Cluster, error) {
	var all []*Spelled
	out := make([]Cluster, len(clusters))
	var spellings []CompactSpelled
	for i, c := range clusters {
		out[i] = Cluster{Skeleton: c.Skeleton, Spellings: make([]Spelled, len(c.Spellings))}
		for j, sp := range c.Spellings {
			out[i].Spellings[j] = Spelled{Text: sp.Text, Places: make([]Pos, 0, sp.n)}
			all = append(all, &out[i].Spellings[j])
			spellings = append(spellings, sp)
		}
	}
	err := EachPlace(spellings, func(k int, p Pos) bool {
		all[k].Places = append(all[k].Places, p)
		return true
	})
	return out, err
}

// firstPlaces is how many places of each spelling [CompactSpelled]
// holds.
const firstPlaces = 3

// Clusters returns what Inconsistent does, without the places of each
// spelling but its first few and how many: a corpus of 100,000 articles
// has millions, which EachPlace reads from the collection in order. The
// collection is not to be added to afterwards.
func (s *Spellings) Clusters() ([]CompactCluster, error) {
	s.sortFiles()
	bySkeleton := map[string][]string{}
	for w, n := range s.names {
		bySkeleton[n.skeleton] = append(bySkeleton[n.skeleton], w)
	}
	var out []CompactCluster
	for k, words := range bySkeleton {
		if len(words) < 2 {
			continue
		}
		slices.Sort(words) // for spellings that differ in case, one order
		c := CompactCluster{Skeleton: k}
		for _, text := range words {
			if s.common(text) {
				continue
			}
			n := s.names[text]
			// Spellings that differ only in case are one spelling.
			if i := slices.IndexFunc(c.Spellings, func(x CompactSpelled) bool { return strings.EqualFold(x.Text, text) }); i >= 0 {
				c.Spellings[i].names = append(c.Spellings[i].names, n)
				c.Spellings[i].n += n.count
				continue
			}
			c.Spellings = append(c.Spellings, CompactSpelled{Text: text, names: []*name{n}, n: n.count, s: s})
		}
		if len(c.Spellings) < 2 {
			continue
		}
		out = append(out, c)
	}
	// The first places of each spelling, in one pass over the places.
	var all []*CompactSpelled
	var flat []CompactSpelled
	for i := range out {
		for j := range out[i].Spellings {
			all = append(all, &out[i].Spellings[j])
			flat = append(flat, out[i].Spellings[j])
		}
	}
	left := len(all) // spellings with fewer first places than they can have
	err := s.eachSpot(flat, func(k int, p spot) bool {
		sp := all[k]
		if len(sp.first) < firstPlaces {
			sp.first = append(sp.first, p)
			if len(sp.first) == min(firstPlaces, sp.n) {
				left--
			}
		}
		return left > 0
	})
	if err != nil {
		return nil, err
	}
	for _, c := range out {
		slices.SortFunc(c.Spellings, func(a, b CompactSpelled) int {
			if a.n != b.n {
				return b.n - a.n
			}
			return compareSpots(a.first[0], b.first[0])
		})
	}
	slices.SortFunc(out, func(a, b CompactCluster) int { return compareSpots(a.first(), b.first()) })
	return out, nil
}

// CompactCluster is a [Cluster] whose places are kept as [Spellings]
// holds them.
type CompactCluster struct {
	Skeleton  string
	Spellings []CompactSpelled // the most frequent first
}

// first returns the cluster's first place.
func (c CompactCluster) first() spot {
	p := c.Spellings[0].first[0]
	for _, s := range c.Spellings[1:] {
		if compareSpots(s.first[0], p) < 0 {
			p = s.first[0]
		}
	}
	return p
}

// CompactSpelled is a spelling, how many places it has and the first
// few.
type CompactSpelled struct {
	Text  string
	names []*name // the spelling's names, which differ only in case
	n     int
	first []spot // in order
	s     *Spellings
}

// Len returns the number of places.
func (c CompactSpelled) Len() int { return c.n }

// Place returns the i-th place, for i below 3 and Len: [EachPlace]
// gives them all.
func (c CompactSpelled) Place(i int) Pos { return c.s.pos(c.first[i]) }

// EachPlace calls yield with the places of spellings of one collection,
// all of them in order of file and place, and the index in spellings
// of each place's; the spellings' at one place in their order. It stops
// when yield returns false. It holds the places of one file at a time.
// An error is one of reading the collection's temporary file.
func EachPlace(spellings []CompactSpelled, yield func(spelling int, p Pos) bool) error {
	if len(spellings) == 0 {
		return nil
	}
	s := spellings[0].s
	return s.eachSpot(spellings, func(k int, p spot) bool { return yield(k, s.pos(p)) })
}

// sortFiles puts the chunks of the logs in order of their files'
// paths, and numbers the files in that order, so that places compare
// by their numbers as by their paths.
func (s *Spellings) sortFiles() {
	s.refs = s.refs[:0]
	for i, l := range s.logs {
		for seq := range l.chunks {
			s.refs = append(s.refs, ref{log: int32(i), seq: int32(seq)})
		}
	}
	path := func(r ref) string { return s.logs[r.log].chunks[r.seq].file }
	slices.SortFunc(s.refs, func(a, b ref) int {
		return cmp.Or(strings.Compare(path(a), path(b)), cmp.Compare(a.log, b.log), cmp.Compare(a.seq, b.seq))
	})
	s.files = s.files[:0]
	for i, r := range s.refs {
		if f := path(r); len(s.files) == 0 || s.files[len(s.files)-1] != f {
			s.files = append(s.files, f)
		}
		s.refs[i].file = int32(len(s.files) - 1)
	}
}

// compareSpots compares places whose files are numbered in the order of
// their paths (see sortFiles).
func compareSpots(a, b spot) int {
	if a.file != b.file {
		return int(a.file - b.file)
	}
	if a.line != b.line {
		return int(a.line - b.line)
	}
	return int(a.col - b.col)
}
