package glossary

import (
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
	bySkeleton map[string]map[string][]Pos // skeleton → spelling → places
	lower      map[string]bool             // words seen in lower case: common words
	skeletons  map[string]string           // word → its skeleton, computed once
	buf        []byte
}

// NewSpellings returns an empty collection.
func NewSpellings() *Spellings {
	return &Spellings{bySkeleton: map[string]map[string][]Pos{}, lower: map[string]bool{}, skeletons: map[string]string{}}
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
	flush := func(end int) {
		if start < 0 {
			return
		}
		line, col := at(start)
		s.word(text[start:end], Pos{File: file, Line: line, Col: col})
		start = -1
	}
	for i, r := range text {
		if unicode.IsLetter(r) || (start >= 0 && (r == '-' || r == '\'' || r == '’')) {
			if start < 0 {
				start = i
			}
		} else {
			flush(i)
		}
	}
	flush(len(text))
}

// Merge adds the names another collection holds.
func (s *Spellings) Merge(other *Spellings) {
	for k, m := range other.bySkeleton {
		mine := s.bySkeleton[k]
		if mine == nil {
			s.bySkeleton[k] = m
			continue
		}
		for text, places := range m {
			mine[text] = append(mine[text], places...)
		}
	}
	for w := range other.lower {
		s.lower[w] = true
	}
}

// word takes one word of the text.
func (s *Spellings) word(w string, at Pos) {
	if c := w[len(w)-1]; c == 's' || c == '-' || c == '\'' || c == "’"[2] {
		w = strings.TrimRight(w, "-'’")
		for _, poss := range []string{"’s", "'s", "’", "'"} {
			w = strings.TrimSuffix(w, poss)
		}
	}
	first, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(first) {
		if !s.lower[w] {
			s.lower[strings.ToLower(w)] = true
		}
		return
	}
	if len(w) < 4 || !isLatin(w) || !hasLower(w) {
		return // short words, other scripts, acronyms (DCK, OSCE)
	}
	if s.lower[string(s.lowered(w))] {
		return // a common word at the start of a sentence
	}
	k, ok := s.skeletons[w]
	if !ok {
		k = Skeleton(w)
		s.skeletons[w] = k
	}
	m := s.bySkeleton[k]
	if m == nil {
		m = map[string][]Pos{}
		s.bySkeleton[k] = m
	}
	m[w] = append(m[w], at)
}

// lowered returns w in lower case, made in the collection's buffer.
func (s *Spellings) lowered(w string) []byte {
	if !ascii(w) {
		s.buf = append(s.buf[:0], strings.ToLower(w)...)
	} else {
		s.buf = appendLowerASCII(s.buf[:0], w)
	}
	return s.buf
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
	var out []Cluster
	for k, m := range s.bySkeleton {
		var c Cluster
		for text, places := range m {
			if s.lower[strings.ToLower(text)] {
				continue
			}
			// Spellings that differ only in case are one spelling.
			if i := slices.IndexFunc(c.Spellings, func(x Spelled) bool { return strings.EqualFold(x.Text, text) }); i >= 0 {
				c.Spellings[i].Places = append(c.Spellings[i].Places, places...)
				continue
			}
			c.Spellings = append(c.Spellings, Spelled{text, slices.Clone(places)})
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
