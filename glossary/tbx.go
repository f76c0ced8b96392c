package glossary

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/internal/place"
)

// TBX reads and writes TBX termbases: TBX 2008 (TBX-Basic and the
// other dialects of martif, termEntry, langSet, tig and ntig) and TBX v3
// (tbx, conceptEntry, langSec, termSec). A DOCTYPE that names an
// external DTD, as TBX 2008 files begin, is passed by; one with an
// internal subset, which could declare entities, is refused. The
// encoding is the file's own ([decode]).
//
// A concept holds languages, a language term sections (tig, ntig or
// termSec), and a term section one term. An element out of its place, or
// a concept, language or section with nothing in it, is an error at it:
// read on, its terms would go to another concept or language, or none.
//
// A term's administrativeStatus or normativeAuthorization gives its
// role, whatever its case and with or without -admn-sts:
// preferredTerm, standardizedTerm, legalTerm and regulatedTerm are
// preferred, admittedTerm accepted, deprecatedTerm and supersededTerm
// forbidden. A language's terms without a status are its preferred
// term, the first unless another is marked preferred, and accepted
// ones. Another status is a warning (glossary.status), and its term
// accepted. Russian and Kazakh terms, but forbidden ones, are also the
// concept's Cyrillic source forms. The definition or a note is the
// concept's note, and a subjectField of person, place, organisation or
// term its kind. A spelling two concepts share is a warning ([unshare]).

const tbx3NS = "urn:iso:std:iso:30042:ed-2"

// tbxStatuses are the roles of the term statuses of TBX, lower-case and
// without -admn-sts.
var tbxStatuses = map[string]string{
	"preferredterm": "preferred", "standardizedterm": "preferred", "legalterm": "preferred", "regulatedterm": "preferred",
	"admittedterm":   "accepted",
	"deprecatedterm": "forbidden", "supersededterm": "forbidden",
}

// tbxStatusNames lists the statuses read, for messages.
const tbxStatusNames = "preferredTerm, standardizedTerm, legalTerm, regulatedTerm (preferred), admittedTerm (accepted), deprecatedTerm, supersededTerm (forbidden), each also with -admn-sts"

// statusRole returns the role of a TBX term status, or "" for one that
// is not known.
func statusRole(status string) string {
	s := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(status)), "-admn-sts")
	return tbxStatuses[s]
}

// ParseTBX reads the concepts of a TBX file; name is its name, for
// messages. What it reads past is in the warnings.
func ParseTBX(data []byte, name string) ([]*Concept, []Warning, error) {
	data, _, err := decode(data, name, true)
	if err != nil {
		return nil, nil, err
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		return r, nil // decoded already, in the encoding the declaration names
	}
	var out []*Concept
	var warns []Warning
	var c *Concept
	var lang language.Tag
	type term struct {
		text, status string
		at           int // the offset of the status's termNote
	}
	var terms []term // of the language being read
	var path []string
	var text strings.Builder
	var termType string // the type attribute of the descrip or termNote being read
	var noteAt int      // the offset of the termNote being read
	var at int          // the offset of the token being read
	pos := func() Pos { // the end of the token read last
		line, col := d.InputPos()
		return Pos{File: name, Line: line, Col: charCol(data, int(d.InputOffset()), col)}
	}
	// posAt is the place of an offset; offsets asked for grow, and the
	// lines are counted once.
	lineOff, line, lineStart := 0, 1, 0
	posAt := func(off int) Pos {
		off = min(max(off, 0), len(data))
		if off < lineOff {
			lineOff, line, lineStart = 0, 1, 0
		}
		for i := lineOff; i < off; i++ {
			if data[i] == '\n' {
				line, lineStart = line+1, i+1
			}
		}
		lineOff = off
		return Pos{File: name, Line: line, Col: 1 + utf8.RuneCount(data[lineStart:off])}
	}
	fail := func(msg string) error {
		return &Error{Pos: pos(), Kind: ErrInvalid, Msg: msg}
	}
	// The structure: a concept holds languages, a language term
	// sections, a term section one term. open are the elements of those
	// levels open, with their places; counts are what each of them holds
	// so far. An element out of its place is an error at it.
	type element struct {
		name  string
		at    Pos
		count int // the languages, term sections or terms it holds
	}
	var concept, langSec, termSec, termEl element // name "" when none is open
	misplaced := func(at Pos, msg, hint string) error {
		return &Error{Pos: at, Kind: ErrInvalid, Msg: msg, Hint: hint}
	}
	// names are the names of the levels in the dialect of the file:
	// TBX 2008's, or v3's when its root is <tbx>.
	names := func() (concept, lang, termSec string) {
		if len(path) > 0 && path[0] == "tbx" {
			return "conceptEntry", "langSec", "termSec"
		}
		return "termEntry", "langSet", "tig"
	}
	endLang := func() {
		// A language with no term written (an empty termSec) says nothing.
		if c == nil || !slices.ContainsFunc(terms, func(tm term) bool { return spelling(tm.text) != "" }) {
			terms = nil
			return
		}
		t := c.Terms[lang]
		if t == nil {
			t = &Terms{}
			c.Terms[lang] = t
		}
		// Without a preferred status, the first term without one is.
		marked := slices.ContainsFunc(terms, func(tm term) bool { return statusRole(tm.status) == "preferred" })
		for i, tm := range terms {
			s := spelling(tm.text)
			if s == "" {
				continue
			}
			role := statusRole(tm.status)
			if role == "" && tm.status != "" {
				warns = append(warns, Warning{Pos: posAt(tm.at), Rule: diag.GlossaryStatus,
					Msg:  fmt.Sprintf("term %q has the status %q, which loctool does not know: it is read as accepted", s, tm.status),
					Hint: "the statuses read are " + tbxStatusNames})
				role = "accepted"
			}
			switch {
			case role == "preferred", tm.status == "" && i == 0 && t.Preferred == "" && !marked:
				if t.Preferred != "" && key(t.Preferred) != key(s) {
					t.Accepted = append(t.Accepted, s)
				} else {
					t.Preferred = s
				}
			case role == "accepted", role == "":
				t.Accepted = append(t.Accepted, s)
			case role == "forbidden":
				t.Forbidden = append(t.Forbidden, s)
			}
			if cyrillicSource(lang) && role != "forbidden" {
				c.Source[lang] = union(c.Source[lang], []string{s})
			}
		}
		terms = nil
	}
	for {
		at = int(d.InputOffset())
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, xmlError(err, data, d.InputOffset(), name)
		}
		switch t := tok.(type) {
		case xml.Directive:
			if err := directive(t, posAt(at)); err != nil {
				return nil, nil, err
			}
		case xml.StartElement:
			path = append(path, t.Name.Local)
			text.Reset()
			switch t.Name.Local {
			case "martif", "tbx":
				if len(path) == 1 && t.Name.Local == "tbx" && t.Name.Space != "" && t.Name.Space != tbx3NS {
					return nil, nil, fail(fmt.Sprintf("a <tbx> in the namespace %q, not TBX v3's", t.Name.Space))
				}
			case "termEntry", "conceptEntry":
				if c != nil {
					return nil, nil, misplaced(posAt(at),
						fmt.Sprintf("a <%s> inside the <%s> of line %d: a concept cannot hold another", t.Name.Local, concept.name, concept.at.Line),
						"close the first concept before the second begins")
				}
				c = &Concept{Pos: posAt(at), Source: map[language.Tag][]string{}, Terms: map[language.Tag]*Terms{}}
				concept = element{name: t.Name.Local, at: c.Pos}
				// An ID a YAML glossary does not take (IDs are lower case:
				// ID_0001, Term 5) is made one it takes, so that the
				// termbase imported to YAML reads back.
				if c.ID = attr(t, "id"); c.ID != "" && !idPattern.MatchString(c.ID) {
					c.ID = slug(c.ID)
				}
			case "langSet", "langSec":
				here := posAt(at)
				switch {
				case c == nil:
					entry, _, _ := names()
					return nil, nil, misplaced(here,
						fmt.Sprintf("a <%s> outside any <%s>: a language's terms belong to a concept", t.Name.Local, entry),
						fmt.Sprintf("put it inside the <%s> of its concept", entry))
				case langSec.name != "":
					return nil, nil, misplaced(here,
						fmt.Sprintf("a <%s> inside the <%s> of line %d: a language cannot hold another", t.Name.Local, langSec.name, langSec.at.Line),
						fmt.Sprintf("close the first <%s> before the second begins", langSec.name))
				}
				concept.count++
				langSec = element{name: t.Name.Local, at: here}
				l := attr(t, "lang")
				tag, err := language.Parse(l)
				if err != nil {
					return nil, nil, fail(fmt.Sprintf("xml:lang %q is not a language tag", l))
				}
				lang = tag
			case "tig", "termSec", "ntig":
				here := posAt(at)
				switch {
				case langSec.name == "":
					_, lang, _ := names()
					return nil, nil, misplaced(here,
						fmt.Sprintf("a <%s> outside any <%s>: a term belongs to a language", t.Name.Local, lang),
						fmt.Sprintf("put it inside the <%s> of its language", lang))
				case termSec.name != "":
					return nil, nil, misplaced(here,
						fmt.Sprintf("a <%s> inside the <%s> of line %d: a term's section cannot hold another", t.Name.Local, termSec.name, termSec.at.Line),
						fmt.Sprintf("close the first <%s> before the second begins", termSec.name))
				}
				langSec.count++
				termSec = element{name: t.Name.Local, at: here}
				terms = append(terms, term{})
			case "term":
				here := posAt(at)
				switch {
				case termSec.name == "":
					_, _, sec := names()
					return nil, nil, misplaced(here,
						fmt.Sprintf("a <term> outside any <%s>: each term has a section of its own, with its status and notes", sec),
						fmt.Sprintf("put it in a <%s> of its own", sec))
				case termEl.name != "":
					return nil, nil, misplaced(here,
						fmt.Sprintf("a <term> inside the <term> of line %d: a term cannot hold another", termEl.at.Line),
						"close the first <term> before the second begins")
				case termSec.count > 0:
					return nil, nil, misplaced(here,
						fmt.Sprintf("a second <term> in the <%s> of line %d: a <%s> holds one term", termSec.name, termSec.at.Line, termSec.name),
						fmt.Sprintf("give each term a <%s> of its own", termSec.name))
				}
				termSec.count++
				termEl = element{name: "term", at: here}
			case "descrip", "termNote", "note", "admin":
				termType = attr(t, "type")
				noteAt = at
			}
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			s := strings.TrimSpace(text.String())
			switch t.Name.Local {
			case "term":
				terms[len(terms)-1].text = s
				termEl = element{}
			case "tig", "termSec", "ntig":
				if termSec.count == 0 {
					return nil, nil, misplaced(termSec.at,
						fmt.Sprintf("a <%s> with no <term>", termSec.name),
						"give it its term, or remove it")
				}
				termSec = element{}
			case "termNote":
				if (termType == "administrativeStatus" || termType == "normativeAuthorization") && len(terms) > 0 {
					// administrativeStatus wins over normativeAuthorization
					if tm := &terms[len(terms)-1]; tm.status == "" || termType == "administrativeStatus" {
						tm.status, tm.at = s, noteAt
					}
				}
			case "descrip", "note":
				if c != nil && (termType == "definition" || t.Name.Local == "note") && c.Note == "" {
					c.Note = s
				}
				if c != nil && termType == "subjectField" {
					k := Kind(strings.ToLower(s))
					if k == "organization" {
						k = Organisation
					}
					if slices.Contains(Kinds, k) {
						c.Kind = k
					}
				}
			case "langSet", "langSec":
				if langSec.count == 0 {
					_, _, sec := names()
					return nil, nil, misplaced(langSec.at,
						fmt.Sprintf("a <%s> with no term", langSec.name),
						fmt.Sprintf("give it a <%s> with its term, or remove it", sec))
				}
				endLang()
				langSec = element{}
			case "termEntry", "conceptEntry":
				if concept.count == 0 {
					_, lang, _ := names()
					return nil, nil, misplaced(concept.at,
						fmt.Sprintf("a <%s> with no <%s>: the concept has no term", concept.name, lang),
						fmt.Sprintf("give it a <%s> with its terms, or remove it", lang))
				}
				if c.ID == "" {
					c.ID, c.madeID = fmt.Sprintf("tbx-%d", len(out)+1), true
				}
				if len(c.Terms) > 0 {
					out = append(out, c)
				}
				c, concept = nil, element{}
			}
			text.Reset()
			path = path[:len(path)-1]
		}
	}
	if len(path) != 0 {
		return nil, nil, fail("the file ends before its elements do")
	}
	out, shared := unshare(out)
	return out, append(warns, shared...), nil
}

// directive passes by a DOCTYPE that names an external DTD, which loctool
// does not read, and refuses any other declaration: an internal subset
// could declare entities, and with them expand a small file into
// gigabytes.
func directive(t xml.Directive, at Pos) error {
	s := string(t)
	if strings.HasPrefix(s, "DOCTYPE") && !internalSubset(s) {
		return nil
	}
	msg := "a TBX file with entity declarations is not read: loctool reads no <!ENTITY>, <!ELEMENT> or other declaration"
	if strings.HasPrefix(s, "DOCTYPE") {
		msg = "a DOCTYPE with an internal subset [ … ] is not read: it can declare entities, which loctool does not expand"
	}
	return &Error{Pos: at, Kind: ErrInvalid, Msg: msg,
		Hint: `keep the DOCTYPE to its name and DTD, as <!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">, or remove it`}
}

// internalSubset reports whether a DOCTYPE has an internal subset: a [
// outside its quoted system and public IDs.
func internalSubset(doctype string) bool {
	var quote rune
	for _, r := range doctype {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == '[':
			return true
		}
	}
	return false
}

// xmlError is a TBX file's XML syntax error, at its line and column:
// encoding/xml gives only the line, and the offset where it stopped
// reading, just past the fault.
func xmlError(err error, data []byte, offset int64, name string) *Error {
	var se *xml.SyntaxError
	if !errors.As(err, &se) {
		line, _ := place.Of(string(data), int(offset))
		return &Error{Pos: Pos{File: name, Line: line}, Kind: ErrSyntax, Msg: "not a valid TBX file: " + err.Error()}
	}
	if se.Msg == "unexpected EOF" {
		return &Error{Pos: Pos{File: name, Line: se.Line}, Kind: ErrSyntax,
			Msg: "the file ends in the middle of the XML: it was cut short", Hint: "save or export the whole glossary again"}
	}
	off := min(max(int(offset)-1, 0), len(data)) // the last character read
	for off > 0 && !utf8.RuneStart(data[off]) {
		off--
	}
	switch {
	case strings.Contains(se.Msg, " closed by </"), strings.HasPrefix(se.Msg, "unexpected end element"):
		off = bytes.LastIndex(data[:off+1], []byte("</")) // the end tag
	case strings.HasPrefix(se.Msg, "invalid character entity"):
		off = bytes.LastIndexByte(data[:off+1], '&')
	}
	line, col := place.Of(string(data), max(off, 0))
	if line != se.Line { // not where encoding/xml says: its line alone
		line, col = se.Line, 0
	}
	return &Error{Pos: Pos{File: name, Line: line, Col: col}, Kind: ErrSyntax, Msg: "not a valid TBX file: " + se.Msg,
		Hint: "the XML is broken here: mend it, or export the glossary again from the tool that made it"}
}

// charCol turns a column counted in bytes, as encoding/xml and
// encoding/csv count, into one counted in characters: offset is the byte
// offset of the place in data.
func charCol(data []byte, offset, byteCol int) int {
	start := offset - byteCol + 1
	if byteCol <= 0 || start < 0 || offset > len(data) {
		return byteCol
	}
	return 1 + utf8.RuneCount(data[start:offset])
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// cyrillicSource reports whether a language's terms are Cyrillic source
// forms: Russian and Kazakh.
func cyrillicSource(lang language.Tag) bool {
	b, _ := lang.Base()
	return b.String() == "ru" || b.String() == "kk"
}

// WriteTBX writes concepts as a TBX-Basic v3 file (DCA style).
func WriteTBX(w io.Writer, concepts []*Concept, langs []language.Tag) error {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="` + tbx3NS + `">` + "\n")
	b.WriteString("  <tbxHeader><fileDesc><sourceDesc><p>loctool glossary</p></sourceDesc></fileDesc></tbxHeader>\n")
	b.WriteString("  <text><body>\n")
	esc := func(s string) string {
		var e bytes.Buffer
		xml.EscapeText(&e, []byte(s))
		return e.String()
	}
	for _, c := range concepts {
		fmt.Fprintf(&b, "    <conceptEntry id=\"%s\">\n", esc(c.ID))
		if c.Kind != "" {
			fmt.Fprintf(&b, "      <descrip type=\"subjectField\">%s</descrip>\n", esc(string(c.Kind)))
		}
		if c.Note != "" {
			fmt.Fprintf(&b, "      <descrip type=\"definition\">%s</descrip>\n", esc(c.Note))
		}
		for _, lang := range langsOf(c, langs) {
			t := c.Terms[lang]
			type termOf struct{ text, status string }
			var terms []termOf
			if t != nil {
				if t.Preferred != "" {
					terms = append(terms, termOf{t.Preferred, "preferredTerm-admn-sts"})
				}
				for _, s := range t.Accepted {
					terms = append(terms, termOf{s, "admittedTerm-admn-sts"})
				}
				for _, s := range t.Forbidden {
					terms = append(terms, termOf{s, "deprecatedTerm-admn-sts"})
				}
			}
			// Cyrillic source forms that are not terms of the language.
			for _, s := range c.Source[lang] {
				if t == nil || !slicesContainsKey(t, s) {
					terms = append(terms, termOf{s, "admittedTerm-admn-sts"})
				}
			}
			if len(terms) == 0 {
				continue // a <langSec> with no term is no TBX
			}
			fmt.Fprintf(&b, "      <langSec xml:lang=\"%s\">\n", lang)
			for _, tm := range terms {
				fmt.Fprintf(&b, "        <termSec><term>%s</term><termNote type=\"administrativeStatus\">%s</termNote></termSec>\n", esc(tm.text), tm.status)
			}
			b.WriteString("      </langSec>\n")
		}
		b.WriteString("    </conceptEntry>\n")
	}
	b.WriteString("  </body></text>\n</tbx>\n")
	_, err := w.Write(b.Bytes())
	return err
}

func slicesContainsKey(t *Terms, s string) bool {
	for _, r := range t.roles() {
		if key(r.spelling) == key(s) {
			return true
		}
	}
	return false
}

// langsOf returns the languages a concept has terms or source forms in:
// those of langs first, in order, then the others, sorted.
func langsOf(c *Concept, langs []language.Tag) []language.Tag {
	var out []language.Tag
	has := func(l language.Tag) bool { return c.Terms[l] != nil || len(c.Source[l]) > 0 }
	for _, l := range langs {
		if has(l) && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	var rest []language.Tag
	for l := range c.Terms {
		if !slices.Contains(out, l) && !slices.Contains(rest, l) {
			rest = append(rest, l)
		}
	}
	for l := range c.Source {
		if !slices.Contains(out, l) && !slices.Contains(rest, l) {
			rest = append(rest, l)
		}
	}
	slices.SortFunc(rest, func(a, b language.Tag) int { return strings.Compare(a.String(), b.String()) })
	return append(out, rest...)
}
