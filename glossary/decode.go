package glossary

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/unicode"

	"github.com/loctool/loctool/internal/place"
)

// A glossary file's encoding is told, in order, by its byte order mark
// (UTF-8, UTF-16), by the bytes of a UTF-16 XML declaration without
// one, and by a TBX file's declaration, encoding="…": any encoding the
// IANA or WHATWG registries name (windows-1251, windows-1254, KOI8-R,
// ISO-8859-5…). Without any, a file is UTF-8. What is read is UTF-8,
// and every place loctool gives is a place of that text.

var xmlDecl = regexp.MustCompile(`^<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']*)["']`)

// decode returns a glossary file as UTF-8 text without a byte order
// mark, and the name of the encoding it was in ("" for UTF-8). A file
// whose bytes are not text in its encoding is an *Error at the first
// that is not.
func decode(data []byte, name string, xml bool) ([]byte, string, error) {
	var bom string
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data, bom = data[3:], "UTF-8"
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		bom = "UTF-16"
	case xml && bytes.HasPrefix(data, []byte("<\x00?\x00")):
		return utf16(data, name, unicode.LittleEndian, "UTF-16LE")
	case xml && bytes.HasPrefix(data, []byte("\x00<\x00?")):
		return utf16(data, name, unicode.BigEndian, "UTF-16BE")
	}
	if bom == "UTF-16" {
		return utf16(data, name, unicode.LittleEndian, "UTF-16")
	}
	var label string
	if xml {
		if m := xmlDecl.FindSubmatch(data); m != nil {
			label = strings.TrimSpace(string(m[1]))
		}
	}
	l := strings.ToLower(label)
	if label == "" || l == "utf-8" || l == "utf8" || l == "us-ascii" || l == "ascii" || bom == "UTF-8" {
		if err := checkUTF8(data, name); err != nil {
			if label != "" {
				err.Hint = fmt.Sprintf("the file says it is %s: save it as that, or correct its encoding=\"…\"", label)
			}
			return nil, "", err
		}
		return data, "", nil
	}
	enc, err := ianaindex.IANA.Encoding(label)
	if err != nil || enc == nil {
		enc, err = htmlindex.Get(label)
	}
	if err != nil || enc == nil {
		line, col := place.Of(string(data), bytes.Index(data, []byte(label)))
		return nil, "", &Error{Pos: Pos{File: name, Line: line, Col: col}, Kind: ErrSyntax,
			Msg:  fmt.Sprintf("the encoding %q is not one loctool knows", label),
			Hint: "save the glossary as UTF-8, or name its encoding as the IANA registry does (windows-1251, KOI8-R, ISO-8859-5)"}
	}
	if strings.HasPrefix(l, "utf-16") || l == "ucs-2" || l == "iso-10646-ucs-2" {
		// A declaration read as ASCII: the bytes are not UTF-16.
		return nil, "", &Error{Pos: Pos{File: name, Line: 1, Col: 1}, Kind: ErrSyntax,
			Msg:  fmt.Sprintf("the file says it is %s, but its bytes are not: it has no byte order mark and its declaration is one byte a character", label),
			Hint: "correct its encoding=\"…\" to the one it was saved in, or save it again as UTF-8"}
	}
	if utf8.Valid(data) && !ascii(string(data)) {
		i := firstNonASCII(data)
		line, col := place.Of(string(data), i)
		return nil, "", &Error{Pos: Pos{File: name, Line: line, Col: col}, Kind: ErrSyntax,
			Msg:  fmt.Sprintf("the file says it is %s, but its text is UTF-8: read as %s it would be garbled", label, label),
			Hint: "correct its declaration to encoding=\"UTF-8\""}
	}
	return decodeWith(data, name, enc, label)
}

func firstNonASCII(data []byte) int {
	for i, b := range data {
		if b >= utf8.RuneSelf {
			return i
		}
	}
	return -1
}

func utf16(data []byte, name string, order unicode.Endianness, label string) ([]byte, string, error) {
	bom := unicode.IgnoreBOM
	if label == "UTF-16" {
		bom = unicode.ExpectBOM
	}
	return decodeWith(data, name, unicode.UTF16(order, bom), label)
}

// decodeWith decodes data, and refuses a byte the encoding has no
// character for, which the decoder makes U+FFFD.
func decodeWith(data []byte, name string, enc encoding.Encoding, label string) ([]byte, string, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, "", &Error{Pos: Pos{File: name}, Kind: ErrSyntax, Msg: fmt.Sprintf("not %s text: %v", label, err),
			Hint: "save the glossary as UTF-8"}
	}
	out = bytes.TrimPrefix(out, []byte("\ufeff"))
	if i := bytes.IndexRune(out, utf8.RuneError); i >= 0 {
		line, col := place.Of(string(out), i)
		return nil, "", &Error{Pos: Pos{File: name, Line: line, Col: col}, Kind: ErrSyntax,
			Msg:  fmt.Sprintf("a byte that is no %s character: the file is in another encoding than it says", label),
			Hint: "correct its encoding=\"…\" to the one it was saved in, or save it again as UTF-8"}
	}
	return out, label, nil
}
