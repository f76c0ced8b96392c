package xliff

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// encodeID makes an ID a valid NMTOKEN, reversibly: every character other
// than an ASCII letter, digit, '-', '.' or ':' becomes _xHHHH_, and an '_'
// that starts such a sequence is escaped itself (the scheme of .NET's
// XmlConvert.EncodeNmToken). IDs that are already plain stay as they are.
func encodeID(id string) string {
	plain := true
	for i := 0; i < len(id); i++ {
		if !plainIDByte(id, i) {
			plain = false
			break
		}
	}
	if plain {
		return id
	}
	var b strings.Builder
	for i, r := range id {
		if r < utf8.RuneSelf && plainIDByte(id, i) {
			b.WriteRune(r)
			continue
		}
		if r <= 0xFFFF {
			fmt.Fprintf(&b, "_x%04X_", r)
		} else {
			fmt.Fprintf(&b, "_x%06X_", r)
		}
	}
	return b.String()
}

func plainIDByte(s string, i int) bool {
	c := s[i]
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '.', c == ':':
		return true
	case c == '_':
		return !(i+1 < len(s) && s[i+1] == 'x')
	}
	return false
}

var escapedID = regexp.MustCompile(`_x[0-9A-Fa-f]{4,6}_`)

// decodeID reverses encodeID.
func decodeID(id string) string {
	if !strings.Contains(id, "_x") {
		return id
	}
	return escapedID.ReplaceAllStringFunc(id, func(m string) string {
		n, err := strconv.ParseUint(m[2:len(m)-1], 16, 32)
		if err != nil || !utf8.ValidRune(rune(n)) {
			return m
		}
		return string(rune(n))
	})
}

// isNMTOKEN reports whether s is an XML NMTOKEN: one or more name
// characters.
func isNMTOKEN(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !isNameChar(r) {
			return false
		}
	}
	return true
}

func isNameStartChar(r rune) bool {
	switch {
	case r == ':' || r == '_' || 'A' <= r && r <= 'Z' || 'a' <= r && r <= 'z':
		return true
	case 0xC0 <= r && r <= 0xD6, 0xD8 <= r && r <= 0xF6, 0xF8 <= r && r <= 0x2FF,
		0x370 <= r && r <= 0x37D, 0x37F <= r && r <= 0x1FFF, 0x200C <= r && r <= 0x200D,
		0x2070 <= r && r <= 0x218F, 0x2C00 <= r && r <= 0x2FEF, 0x3001 <= r && r <= 0xD7FF,
		0xF900 <= r && r <= 0xFDCF, 0xFDF0 <= r && r <= 0xFFFD, 0x10000 <= r && r <= 0xEFFFF:
		return true
	}
	return false
}

func isNameChar(r rune) bool {
	return isNameStartChar(r) || r == '-' || r == '.' || '0' <= r && r <= '9' || r == 0xB7 ||
		0x300 <= r && r <= 0x36F || 0x203F <= r && r <= 0x2040
}

// isXMLChar reports whether r may appear in an XML 1.0 document.
func isXMLChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || 0x20 <= r && r <= 0xD7FF ||
		0xE000 <= r && r <= 0xFFFD || 0x10000 <= r && r <= 0x10FFFF
}

// bcp47 matches a well-formed BCP 47 language tag (RFC 5646, section 2.1).
var bcp47 = regexp.MustCompile(`(?i)^(?:` +
	`(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})` + // language
	`(?:-[a-z]{4})?` + // script
	`(?:-(?:[a-z]{2}|[0-9]{3}))?` + // region
	`(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*` + // variants
	`(?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*` + // extensions
	`(?:-x(?:-[a-z0-9]{1,8})+)?` + // private use
	`|x(?:-[a-z0-9]{1,8})+` +
	`|en-GB-oed|i-(?:ami|bnn|default|enochian|hak|klingon|lux|mingo|navajo|pwn|tao|tay|tsu)|sgn-(?:BE-FR|BE-NL|CH-DE)` +
	`)$`)

// wellFormedLang reports whether s is a well-formed BCP 47 tag.
func wellFormedLang(s string) bool { return bcp47.MatchString(s) }

// langMatches reports whether the tag s falls under the tag want, as
// XPath's lang() does: equal, or more specific ("en-GB" under "en").
func langMatches(s, want string) bool {
	s, want = strings.ToLower(s), strings.ToLower(want)
	return s == want || strings.HasPrefix(s, want+"-")
}

// tagMatches is langMatches for a parsed tag the caller expects.
func tagMatches(got, want language.Tag) bool {
	return want == language.Und || langMatches(got.String(), want.String())
}
