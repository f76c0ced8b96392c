package xliff

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/xliff/internal/conform"
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

// isXMLChar reports whether r may appear in an XML 1.0 document.
func isXMLChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || 0x20 <= r && r <= 0xD7FF ||
		0xE000 <= r && r <= 0xFFFD || 0x10000 <= r && r <= 0x10FFFF
}

// tagMatches is conform.LangMatches for a parsed tag the caller expects.
func tagMatches(got, want language.Tag) bool {
	return want == language.Und || conform.LangMatches(got.String(), want.String())
}
