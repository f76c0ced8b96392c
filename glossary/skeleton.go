package glossary

import (
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
	names map[string]*name // spelling → its skeleton and places
	// lower holds the hashes of the words seen in lower case, the
	// common words: a hash, not the word, because it is looked up for
	// nearly every word of the corpus.
	lower  map[uint64]struct{}
	recent [1024]uint64 // the hashes of lower lately seen; see seeLower
	// files are the files of the places, which name them by number.
	files  []string
	fileNo map[string]int32
}

// name is one spelling of a name in the corpus.
type name struct {
	skeleton string
	places   []spot
}

// spot is a Pos with its file by number in Spellings.files: a corpus
// has millions, and a place without pointers is not one the garbage
// collector looks through.
type spot struct {
	file, line, col int32
}

// NewSpellings returns an empty collection.
func NewSpellings() *Spellings {
	return &Spellings{names: map[string]*name{}, lower: map[uint64]struct{}{}, fileNo: map[string]int32{}}
}

// file returns the number of a file.
func (s *Spellings) file(path string) int32 {
	n, ok := s.fileNo[path]
	if !ok {
		n = int32(len(s.files))
		s.files = append(s.files, path)
		s.fileNo[path] = n
	}
	return n
}

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
	fileNo := int32(-1) // the file's number, once a name is found
	flush := func(end int) {
		if start < 0 {
			return
		}
		// The place is worked out only for the names kept: most words
		// are not.
		if w := s.name(text[start:end]); w != "" {
			line, col := at(start)
			if fileNo < 0 {
				fileNo = s.file(file)
			}
			s.add(w, spot{fileNo, int32(line), int32(col)})
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

// Merge adds the names another collection holds.
func (s *Spellings) Merge(other *Spellings) {
	renumber := make([]int32, len(other.files))
	for i, f := range other.files {
		renumber[i] = s.file(f)
	}
	for w, n := range other.names {
		for i := range n.places {
			n.places[i].file = renumber[n.places[i].file]
		}
		if mine := s.names[w]; mine != nil {
			mine.places = append(mine.places, n.places...)
		} else {
			s.names[w] = n
		}
	}
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
func (s *Spellings) add(w string, at spot) {
	n := s.names[w]
	if n == nil {
		// A name of its own: a piece of the text would keep all of it.
		w = strings.Clone(w)
		n = &name{skeleton: Skeleton(w)}
		s.names[w] = n
	}
	n.places = append(n.places, at)
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
func (s *Spellings) Inconsistent() []Cluster {
	bySkeleton := map[string]map[string][]spot{}
	for w, n := range s.names {
		m := bySkeleton[n.skeleton]
		if m == nil {
			m = map[string][]spot{}
			bySkeleton[n.skeleton] = m
		}
		m[w] = n.places
	}
	var out []Cluster
	for k, m := range bySkeleton {
		if len(m) < 2 {
			continue // one spelling: most names
		}
		var c Cluster
		for text, places := range m {
			if s.common(text) {
				continue
			}
			// Spellings that differ only in case are one spelling.
			if i := slices.IndexFunc(c.Spellings, func(x Spelled) bool { return strings.EqualFold(x.Text, text) }); i >= 0 {
				c.Spellings[i].Places = s.appendPos(c.Spellings[i].Places, places)
				continue
			}
			c.Spellings = append(c.Spellings, Spelled{text, s.appendPos(nil, places)})
		}
		if len(c.Spellings) < 2 {
			continue
		}
		c.Skeleton = k
		for i := range c.Spellings {
			slices.SortFunc(c.Spellings[i].Places, comparePlaces)
		}
		slices.SortFunc(c.Spellings, func(a, b Spelled) int {
			if len(a.Places) != len(b.Places) {
				return len(b.Places) - len(a.Places)
			}
			return comparePlaces(a.Places[0], b.Places[0])
		})
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Cluster) int { return comparePlaces(first(a), first(b)) })
	return out
}

// appendPos appends places to ps as Pos.
func (s *Spellings) appendPos(ps []Pos, places []spot) []Pos {
	for _, p := range places {
		ps = append(ps, s.pos(p))
	}
	return ps
}

func first(c Cluster) Pos {
	p := c.Spellings[0].Places[0]
	for _, s := range c.Spellings[1:] {
		if comparePlaces(s.Places[0], p) < 0 {
			p = s.Places[0]
		}
	}
	return p
}

func comparePlaces(a, b Pos) int {
	if a.File != b.File {
		return strings.Compare(a.File, b.File)
	}
	if a.Line != b.Line {
		return a.Line - b.Line
	}
	return a.Col - b.Col
}
