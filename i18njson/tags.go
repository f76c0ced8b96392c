package i18njson

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/loctool/loctool/inline"
)

// tag is how a code shows in a message: <n> for an Open, </n> for a
// Close, <n/> for a Placeholder.
type tag struct {
	n    int
	kind inline.Kind
}

func (t tag) String() string {
	n := strconv.Itoa(t.n)
	switch t.kind {
	case inline.Open:
		return "<" + n + ">"
	case inline.Close:
		return "</" + n + ">"
	}
	return "<" + n + "/>"
}

type codeKey struct {
	kind inline.Kind
	id   string
}

// tagging is the numbering of one segment's codes, made from its source:
// every code takes the next number, except a Close whose Open came before
// it in the segment, which takes its Open's number.
type tagging struct {
	tags   []tag // one per code of the source, in order
	byTag  map[tag]*inline.Code
	byCode map[codeKey]tag
}

func tagKind(k inline.Kind) inline.Kind {
	if k == inline.Open || k == inline.Close {
		return k
	}
	return inline.Placeholder
}

func number(source inline.Content) *tagging {
	tg := &tagging{}
	n := 0
	var open map[string][]int // numbers of the Opens not yet closed, by code ID
	for _, it := range source {
		c := it.Code
		if c == nil {
			continue
		}
		if tg.byTag == nil {
			tg.byTag = map[tag]*inline.Code{}
			tg.byCode = map[codeKey]tag{}
			open = map[string][]int{}
		}
		t := tag{kind: tagKind(c.Kind)}
		switch stack := open[c.ID]; {
		case t.kind == inline.Close && len(stack) > 0:
			t.n = stack[len(stack)-1]
			open[c.ID] = stack[:len(stack)-1]
		default:
			n++
			t.n = n
			if t.kind == inline.Open {
				open[c.ID] = append(stack, n)
			}
		}
		tg.tags = append(tg.tags, t)
		tg.byTag[t] = c
		if k := (codeKey{c.Kind, c.ID}); !hasKey(tg.byCode, k) {
			tg.byCode[k] = t
		}
	}
	return tg
}

func hasKey(m map[codeKey]tag, k codeKey) bool {
	_, ok := m[k]
	return ok
}

// paired reports whether both halves of the pair numbered n are in the
// segment.
func (tg *tagging) paired(n int) bool {
	return tg.byTag[tag{n, inline.Open}] != nil && tg.byTag[tag{n, inline.Close}] != nil
}

// escaper writes literal text: every "<" and "&" in it is escaped, so that
// "<" always starts a tag and "&" an escape.
var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;")

// encodeSource writes the segment's source with its tags.
func (tg *tagging) encodeSource(source inline.Content) string {
	var b strings.Builder
	i := 0
	for _, it := range source {
		if it.Code == nil {
			writeText(&b, it.Text)
			continue
		}
		b.WriteString(tg.tags[i].String())
		i++
	}
	return b.String()
}

// encode writes content whose codes are the source's, such as a target,
// with the source's tags.
func (tg *tagging) encode(c inline.Content) (string, error) {
	var b strings.Builder
	for _, it := range c {
		if it.Code == nil {
			writeText(&b, it.Text)
			continue
		}
		t, ok := tg.byCode[codeKey{it.Code.Kind, it.Code.ID}]
		if !ok {
			return "", fmt.Errorf("%s code %s (%s) is not in the source", it.Code.Kind, it.Code.ID, it.Code.Type)
		}
		b.WriteString(t.String())
	}
	return b.String(), nil
}

func writeText(b *strings.Builder, s string) {
	if strings.ContainsAny(s, "<&") {
		escaper.WriteString(b, s)
	} else {
		b.WriteString(s)
	}
}

// decode reads text with tags back into content, with the source's codes
// (copies of them) in place of the tags. It returns the tags in the order
// they came. It checks only that each tag is well formed and in the
// source; check does the rest.
func (tg *tagging) decode(s string) (inline.Content, []tag, error) {
	var c inline.Content
	var tags []tag
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			c = append(c, inline.Item{Text: text.String()})
			text.Reset()
		}
	}
	for i := 0; i < len(s); {
		switch s[i] {
		case '<':
			t, n, ok := parseTag(s[i:])
			if !ok {
				return nil, nil, fmt.Errorf("%s does not start a tag such as <1>, </1> or <1/>; write &lt; for a literal <", quoteAt(s, i))
			}
			code := tg.byTag[t]
			if code == nil {
				return nil, nil, fmt.Errorf("tag %s is not in the source%s", s[i:i+n], tg.inventory())
			}
			flush()
			cc := *code
			c = append(c, inline.Item{Code: &cc})
			tags = append(tags, t)
			i += n
		case '&':
			r, n := unescape(s[i:])
			text.WriteString(r)
			i += n
		default:
			j := strings.IndexAny(s[i:], "<&")
			if j < 0 {
				j = len(s) - i
			}
			text.WriteString(s[i : i+j])
			i += j
		}
	}
	flush()
	return c, tags, nil
}

// parseTag reads the tag at the start of s, and its length.
func parseTag(s string) (tag, int, bool) {
	i := 1
	t := tag{kind: inline.Open}
	if i < len(s) && s[i] == '/' {
		t.kind = inline.Close
		i++
	}
	start := i
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	digits := s[start:i]
	// No leading zeros, so that each tag is written one way only; nine
	// digits are more codes than a segment can hold.
	if digits == "" || digits[0] == '0' || len(digits) > 9 {
		return tag{}, 0, false
	}
	t.n, _ = strconv.Atoi(digits)
	if t.kind == inline.Open && i < len(s) && s[i] == '/' {
		t.kind = inline.Placeholder
		i++
	}
	if i >= len(s) || s[i] != '>' {
		return tag{}, 0, false
	}
	return t, i + 1, true
}

// unescape reads the escape at the start of s, which starts with "&". An
// "&" that starts no escape is itself, so that translators may type a
// bare "&".
func unescape(s string) (string, int) {
	for _, e := range [...]struct{ esc, r string }{{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}} {
		if strings.HasPrefix(s, e.esc) {
			return e.r, len(e.esc)
		}
	}
	return "&", 1
}

// quoteAt quotes a little of s from i, for messages.
func quoteAt(s string, i int) string {
	end := i
	for n := 0; end < len(s) && n < 12; n++ {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	more := ""
	if end < len(s) {
		more = "…"
	}
	return strconv.Quote(s[i:end] + more)
}

// inventory lists the source's tags for messages.
func (tg *tagging) inventory() string {
	if len(tg.tags) == 0 {
		return ", which has none"
	}
	var b strings.Builder
	b.WriteString(", which has ")
	for i, t := range tg.tags {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(t.String())
	}
	return b.String()
}

// check reports whether the tags of a target hold each tag of the source
// once, with the pairs that are whole in the segment opened before they
// are closed and not crossing.
func (tg *tagging) check(got []tag) error {
	var problems []string
	seen := make(map[tag]bool, len(got))
	var open []int // pairs opened and not yet closed, innermost last
	nesting := ""
	for _, t := range got {
		if seen[t] {
			problems = append(problems, fmt.Sprintf("tag %s appears more than once", t))
			continue
		}
		seen[t] = true
		if nesting != "" || !tg.paired(t.n) {
			continue
		}
		switch t.kind {
		case inline.Open:
			open = append(open, t.n)
		case inline.Close:
			switch k := indexOf(open, t.n); {
			case k < 0:
				nesting = fmt.Sprintf("%s comes before %s", t, tag{t.n, inline.Open})
			case k != len(open)-1:
				inner := open[len(open)-1]
				nesting = fmt.Sprintf("%s and %s cross: %s must come before %s", tag{t.n, inline.Open}, tag{inner, inline.Open}, tag{inner, inline.Close}, t)
			default:
				open = open[:k]
			}
		}
	}
	var missing []string
	for _, t := range tg.tags {
		if !seen[t] {
			missing = append(missing, t.String())
		}
	}
	switch len(missing) {
	case 0:
	case 1:
		problems = append(problems, "tag "+missing[0]+" is missing")
	default:
		problems = append(problems, "tags "+strings.Join(missing, " ")+" are missing")
	}
	if nesting != "" {
		problems = append(problems, nesting)
	}
	if len(problems) == 0 {
		return nil
	}
	return fmt.Errorf("%s", strings.Join(problems, "; "))
}

func indexOf(s []int, n int) int {
	for i, x := range s {
		if x == n {
			return i
		}
	}
	return -1
}
