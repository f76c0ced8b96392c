package xliff

import (
	"fmt"
	"strings"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
)

// States of XLIFF 1.2, on <target>.
var states12 = [...]string{
	handoff.New:              "new",
	handoff.NeedsTranslation: "needs-translation",
	handoff.NeedsReview:      "needs-review-translation",
	handoff.Translated:       "translated",
	handoff.Reviewed:         "signed-off",
	handoff.Final:            "final",
}

// blank reports whether a target is no translation: no code, and only
// white space. Tools write <target/> for a segment not yet translated.
func blank(c inline.Content) bool {
	return len(c.Codes()) == 0 && strings.TrimSpace(c.PlainText()) == ""
}

func validState(s handoff.State) bool { return s >= handoff.New && s <= handoff.Final }

// stateFrom12 maps a 1.2 state back. A target without a state, or with a
// custom "x-" state, counts as translated: the tool that wrote it had a
// translation and said nothing more.
func stateFrom12(s string) handoff.State {
	switch s {
	case "new":
		return handoff.New
	case "needs-translation":
		return handoff.NeedsTranslation
	case "needs-review-translation", "needs-adaptation", "needs-l10n", "needs-review-adaptation", "needs-review-l10n":
		return handoff.NeedsReview
	case "signed-off":
		return handoff.Reviewed
	case "final":
		return handoff.Final
	}
	return handoff.Translated
}

// The subStates loctool writes to keep states that XLIFF 2 folds together.
const (
	subNeedsTranslation = "loctool:needs-translation"
	subNeedsReview      = "loctool:needs-review"
)

// state2 maps a state to XLIFF 2's state and subState.
func state2(s handoff.State) (state, sub string) {
	switch s {
	case handoff.NeedsTranslation:
		return "initial", subNeedsTranslation
	case handoff.NeedsReview:
		return "translated", subNeedsReview
	case handoff.Translated:
		return "translated", ""
	case handoff.Reviewed:
		return "reviewed", ""
	case handoff.Final:
		return "final", ""
	}
	return "initial", ""
}

func stateFrom2(state, sub string) handoff.State {
	switch state {
	case "translated":
		if sub == subNeedsReview {
			return handoff.NeedsReview
		}
		return handoff.Translated
	case "reviewed":
		return handoff.Reviewed
	case "final":
		return handoff.Final
	}
	if sub == subNeedsTranslation {
		return handoff.NeedsTranslation
	}
	return handoff.New
}

// XLIFF 1.2 ctype values, by element.
var (
	pairCtypes        = map[string]bool{"bold": true, "italic": true, "underlined": true, "link": true}
	placeholderCtypes = map[string]bool{"image": true, "pb": true, "lb": true}
)

func isXTend(t string) bool {
	return len(t) > 2 && strings.HasPrefix(t, "x-") && !strings.ContainsAny(t, " \t\r\n")
}

// ctypeFor returns the 1.2 ctype that carries the code's type, or "" when
// the element cannot carry it.
func ctypeFor(k inline.Kind, t string) string {
	if isXTend(t) || k == inline.Placeholder && placeholderCtypes[t] || k != inline.Placeholder && pairCtypes[t] {
		return t
	}
	return ""
}

// type2 maps a ctype to XLIFF 2's type and subType: the five formatting
// types have xlf: subTypes, links and images have types, and every other
// type is kept whole in a loctool: subType.
func type2(t string) (typ, sub string) {
	switch t {
	case "":
		return "", ""
	case "bold":
		return "fmt", "xlf:b"
	case "italic":
		return "fmt", "xlf:i"
	case "underlined":
		return "fmt", "xlf:u"
	case "lb":
		return "fmt", "xlf:lb"
	case "pb":
		return "fmt", "xlf:pb"
	case "link":
		return "link", ""
	case "image":
		return "image", ""
	}
	return "other", "loctool:" + escapeSubType(t)
}

// typeFrom2 maps XLIFF 2's type and subType back to a ctype. Types of
// other tools become "x-" types: "fmt" is "x-fmt".
func typeFrom2(typ, sub string) string {
	switch sub {
	case "xlf:b":
		return "bold"
	case "xlf:i":
		return "italic"
	case "xlf:u":
		return "underlined"
	case "xlf:lb":
		return "lb"
	case "xlf:pb":
		return "pb"
	case "xlf:var":
		return "x-var"
	}
	if rest, ok := strings.CutPrefix(sub, "loctool:"); ok {
		return unescapeSubType(rest)
	}
	switch typ {
	case "", "link", "image":
		return typ
	}
	return "x-" + typ
}

// escapeSubType percent-encodes what a subType value cannot hold: colons,
// white space and control characters.
func escapeSubType(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c == '%' || c == ':' || c == 0x7F {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

func unescapeSubType(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}

// pairs finds, in content, which Open and Close codes form a pair that
// can be written as one element (<g>, <pc>): both halves present and
// everything between them soundly nested. same decides whether two halves
// may share an element (XLIFF 2 needs both halves of a <pc> to have the
// same type). It returns, for each such Open's and Close's index, the
// index of its other half.
func pairs(c inline.Content, same func(open, close *inline.Code) bool) map[int]int {
	partner := map[int]int{}
	var stack []int // indexes of the Opens not yet closed
	tainted := 0    // the Opens below this height enclose a lone half
	for i, it := range c {
		cd := it.Code
		if cd == nil || cd.Kind == inline.Placeholder {
			continue
		}
		if cd.Kind == inline.Open {
			stack = append(stack, i)
			continue
		}
		n := len(stack)
		if n > 0 && c[stack[n-1]].Code.ID == cd.ID && same(c[stack[n-1]].Code, cd) {
			if n-1 >= tainted {
				partner[stack[n-1]], partner[i] = i, stack[n-1]
			}
			stack = stack[:n-1]
			tainted = min(tainted, len(stack))
			continue
		}
		tainted = n // a lone Close: no open pair around it is whole
	}
	return partner
}

// unitCodes checks that the codes of a unit's source (or targets) can be
// written: an ID names one placeholder, repeated or not, or one Open and
// one Close, and an Open comes before its Close.
func unitCodes(contents []inline.Content, what string) error {
	type seen struct {
		open, close, ph int
		first           *inline.Code // the first placeholder
	}
	ids := map[string]*seen{}
	for _, c := range contents {
		for _, it := range c {
			cd := it.Code
			if cd == nil {
				continue
			}
			s := ids[cd.ID]
			if s == nil {
				s = &seen{}
				ids[cd.ID] = s
			}
			if cd.ID == "" {
				return fmt.Errorf("%s: a %v code has no ID", what, cd.Kind)
			}
			switch cd.Kind {
			case inline.Open:
				s.open++
			case inline.Close:
				s.close++
			case inline.Placeholder:
				if s.ph++; s.first == nil {
					s.first = cd
				} else if *cd != *s.first {
					return fmt.Errorf("%s: code ID %q is used by two placeholders that differ: %w", what, cd.ID, ErrDuplicateID)
				}
			default:
				return fmt.Errorf("%s: code %s has kind %v", what, cd.ID, cd.Kind)
			}
			if s.open > 1 || s.close > 1 || s.ph > 0 && s.open+s.close > 0 {
				return fmt.Errorf("%s: code ID %q is used by more than one code: %w", what, cd.ID, ErrDuplicateID)
			}
		}
	}
	// An Open after its Close cannot be written: the two would be
	// isolated halves with the same ID.
	closed := map[string]bool{}
	for _, c := range contents {
		for _, it := range c {
			if cd := it.Code; cd != nil {
				switch cd.Kind {
				case inline.Close:
					closed[cd.ID] = true
				case inline.Open:
					if closed[cd.ID] {
						return fmt.Errorf("%s: code %s is closed before it is opened: %w", what, cd.ID, ErrCodes)
					}
				}
			}
		}
	}
	return nil
}
