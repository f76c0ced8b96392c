package segment

import (
	"encoding/binary"
	"math/bits"
	"sync"
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2"
	"github.com/loctool/loctool/segment/internal/prefilter"
)

// matcher tests rules at positions of one text: its probe names the rules
// that may match, and it runs their regular expressions. regexp2 works on
// runes, so the text is decoded once, when a rule first needs it.
type matcher struct {
	text  string
	probe prefilter.Probe
	runes []rune
	valid bool // the text is valid UTF-8, so runes are counted fast
	// The rune index of byte offset at, kept as positions increase.
	at, atRune int
}

func (m *matcher) matches(re *regexp2.Regexp, p int) bool {
	if m.runes == nil {
		m.valid = utf8.ValidString(m.text)
		m.runes = decodeRunes(m.text, m.runeCount(m.text))
	}
	if p < m.at {
		m.at, m.atRune = 0, 0
	}
	m.atRune += m.runeCount(m.text[m.at:p])
	m.at = p
	found := false
	// Errors (a regular expression exceeding its backtracking limit) count
	// as no match.
	_ = re.FindRunesMatches(m.runes, m.atRune, func(regexp2.MatchView) bool {
		found = true
		return false
	})
	return found
}

// runeCount returns the number of runes in s, as a range loop counts them.
func (m *matcher) runeCount(s string) int {
	if !m.valid {
		return utf8.RuneCountInString(s) // invalid bytes count one each
	}
	return countRuneStarts(s)
}

// countRuneStarts counts the bytes of s that start a rune, eight at a time:
// in valid UTF-8, the runes.
func countRuneStarts(s string) int {
	const high = 0x8080808080808080
	n := len(s)
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := binary.LittleEndian.Uint64([]byte(s[i : i+8]))
		// A continuation byte is 10xxxxxx: bit 7 set, bit 6 clear.
		n -= bits.OnesCount64(x & ^(x << 1) & high)
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			n--
		}
	}
	return n
}

// release returns the rune buffer to the pool.
func (m *matcher) release() {
	if m.runes != nil {
		b := m.runes
		runePool.Put(&b)
		m.runes = nil
	}
}

// runePool recycles rune buffers, which are four times the text's size.
var runePool sync.Pool // *[]rune

// decodeRunes is []rune(text) in a plain loop, into a recycled buffer:
// the runtime's conversion cannot be preempted, which stalls the garbage
// collector on long texts.
func decodeRunes(text string, n int) []rune {
	var runes []rune
	if b, ok := runePool.Get().(*[]rune); ok && cap(*b) >= n {
		runes = (*b)[:n]
	} else {
		runes = make([]rune, n)
	}
	j := 0
	for i := 0; i < len(text); j++ {
		if c := text[i]; c < utf8.RuneSelf {
			runes[j] = rune(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		runes[j] = r
		i += size
	}
	return runes
}
