package glossary

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// Two kinds of CSV and TSV glossary are read:
//
//   - A header-named table, whose first row names its columns: id, type,
//     note, a language tag for the language's preferred spelling (en, ru),
//     en:accepted and en:forbidden for its variants, and source:ru for
//     Cyrillic source forms. Several values in a cell are separated by
//     semicolons.
//   - OmegaT's glossary: two or three columns, the source term, the
//     target term and a comment, with no header; lines starting with #
//     are comments. The languages are the project's source and target.
//
// Russian and Kazakh terms are also the concept's Cyrillic source forms.

// Langs are the languages of an OmegaT glossary's two columns.
type Langs struct {
	Source, Target language.Tag
}

// ParseCSV reads the concepts of a CSV or TSV glossary; comma is the
// separator (',' or '\t').
func ParseCSV(data []byte, name string, comma rune, langs Langs) ([]*Concept, error) {
	if err := checkUTF8(data, name); err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = comma
	r.Comment = '#'
	r.FieldsPerRecord = -1
	r.LazyQuotes = comma == '\t'
	var rows [][]string
	var lines []int
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &Error{Pos: Pos{File: name, Line: pe.Line, Col: lineCharCol(data, pe.Line, pe.Column)}, Kind: ErrSyntax,
					Msg: "not a valid table: " + pe.Err.Error(), Hint: `put a cell that holds a " in quotes, and write each " in it as ""`}
			}
			return nil, &Error{Pos: Pos{File: name}, Kind: ErrSyntax, Msg: err.Error()}
		}
		line, _ := r.FieldPos(0)
		rows = append(rows, rec)
		lines = append(lines, line)
	}
	if len(rows) == 0 {
		return nil, nil
	}
	if cols, ok := header(rows[0]); ok {
		return tableConcepts(rows[1:], lines[1:], cols, name)
	}
	return omegatConcepts(rows, lines, name, langs)
}

// lineCharCol turns a column of a line counted in bytes, as encoding/csv
// counts, into one counted in characters.
func lineCharCol(data []byte, line, byteCol int) int {
	start := 0
	for range line - 1 {
		i := bytes.IndexByte(data[start:], '\n')
		if i < 0 {
			return byteCol
		}
		start += i + 1
	}
	return charCol(data, start+byteCol-1, byteCol)
}

// column is what a header names.
type column struct {
	what string // "id", "type", "note", "preferred", "accepted", "forbidden", "source"
	lang language.Tag
}

// header reads a header row, and reports whether it is one.
func header(row []string) ([]column, bool) {
	var cols []column
	langs := 0
	for _, h := range row {
		h = strings.ToLower(strings.TrimSpace(h))
		switch h {
		case "id", "type", "note":
			cols = append(cols, column{what: h})
			continue
		}
		what, tag := "preferred", h
		if l, role, ok := strings.Cut(h, ":"); ok {
			what, tag = role, l
			if l == "source" {
				what, tag = "source", role
			}
		}
		if !slices.Contains([]string{"preferred", "accepted", "forbidden", "source"}, what) {
			return nil, false
		}
		lang, err := language.Parse(tag)
		if err != nil || len(tag) > 12 {
			return nil, false
		}
		cols = append(cols, column{what: what, lang: lang})
		langs++
	}
	return cols, langs > 0
}

func cells(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if sp := spelling(p); sp != "" {
			out = append(out, sp)
		}
	}
	return out
}

func tableConcepts(rows [][]string, lines []int, cols []column, name string) ([]*Concept, error) {
	var out []*Concept
	for i, row := range rows {
		c := &Concept{Pos: Pos{File: name, Line: lines[i]}, Source: map[language.Tag][]string{}, Terms: map[language.Tag]*Terms{}}
		terms := func(l language.Tag) *Terms {
			if c.Terms[l] == nil {
				c.Terms[l] = &Terms{}
			}
			return c.Terms[l]
		}
		for j, v := range row {
			if j >= len(cols) || strings.TrimSpace(v) == "" {
				continue
			}
			col := cols[j]
			switch col.what {
			case "id":
				c.ID = strings.TrimSpace(v)
			case "type":
				c.Kind = Kind(strings.ToLower(strings.TrimSpace(v)))
			case "note":
				c.Note = strings.TrimSpace(v)
			case "preferred":
				terms(col.lang).Preferred = spelling(v)
			case "accepted":
				terms(col.lang).Accepted = append(terms(col.lang).Accepted, cells(v)...)
			case "forbidden":
				terms(col.lang).Forbidden = append(terms(col.lang).Forbidden, cells(v)...)
			case "source":
				c.Source[col.lang] = union(c.Source[col.lang], cells(v))
			}
		}
		if len(c.Terms) == 0 {
			continue
		}
		if c.Kind != "" && !slices.Contains(Kinds, c.Kind) {
			return nil, &Error{Pos: c.Pos, Kind: ErrInvalid, Msg: fmt.Sprintf("unknown type %q", c.Kind), Hint: "the types are person, place, organisation and term"}
		}
		addCyrillicSources(c)
		if c.ID == "" {
			c.ID, c.madeID = idFor(c, len(out)+1), true
		}
		out = append(out, c)
	}
	return out, nil
}

func omegatConcepts(rows [][]string, lines []int, name string, langs Langs) ([]*Concept, error) {
	if langs.Source == language.Und || langs.Target == language.Und {
		return nil, &Error{Pos: Pos{File: name}, Kind: ErrInvalid,
			Msg:  "an OmegaT glossary (source term, target term, comment) does not say its languages",
			Hint: "use it in a project whose config.yaml names them, or give the table a header row such as en,ru,note"}
	}
	var out []*Concept
	for i, row := range rows {
		if len(row) < 2 || len(row) > 3 {
			return nil, &Error{Pos: Pos{File: name, Line: lines[i]}, Kind: ErrInvalid,
				Msg: fmt.Sprintf("%d columns: an OmegaT glossary has the source term, the target term and a comment", len(row))}
		}
		src, tgt := spelling(row[0]), spelling(row[1])
		if src == "" || tgt == "" {
			continue
		}
		c := &Concept{Pos: Pos{File: name, Line: lines[i]}, Source: map[language.Tag][]string{},
			Terms: map[language.Tag]*Terms{langs.Source: {Preferred: src}, langs.Target: {Preferred: tgt}}}
		if len(row) == 3 {
			c.Note = strings.TrimSpace(row[2])
		}
		addCyrillicSources(c)
		c.ID, c.madeID = idFor(c, len(out)+1), true
		out = append(out, c)
	}
	return out, nil
}

// addCyrillicSources makes a concept's Russian and Kazakh terms its
// source forms.
func addCyrillicSources(c *Concept) {
	for lang, t := range c.Terms {
		if cyrillicSource(lang) {
			for _, r := range t.roles() {
				if r.role != "forbidden" {
					c.Source[lang] = union(c.Source[lang], []string{r.spelling})
				}
			}
		}
	}
}

// idFor makes an ID for a concept that has none, from its English
// preferred spelling: Galymzhan Zhakiyanov → galymzhan-zhakiyanov-1.
func idFor(c *Concept, n int) string {
	var s string
	if t := c.Terms[language.English]; t != nil {
		s = t.Preferred
	}
	return fmt.Sprintf("%s-%d", slug(s), n)
}

// slug makes an ID of a spelling: lower-case ASCII letters and digits,
// with hyphens for the rest.
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	id := strings.Trim(b.String(), "-")
	if id == "" {
		id = "concept"
	}
	return id
}

// WriteCSV writes concepts as a header-named table, comma or tab
// separated, with a preferred, accepted and forbidden column for each
// language and a source column for each language with Cyrillic forms.
func WriteCSV(w io.Writer, concepts []*Concept, langs []language.Tag, comma rune) error {
	var all []language.Tag
	var sources []language.Tag
	for _, c := range concepts {
		for _, l := range langsOf(c, langs) {
			if c.Terms[l] != nil && !slices.Contains(all, l) {
				all = append(all, l)
			}
			if len(c.Source[l]) > 0 && !slices.Contains(sources, l) {
				sources = append(sources, l)
			}
		}
	}
	head := []string{"id", "type", "note"}
	for _, l := range all {
		head = append(head, l.String(), l.String()+":accepted", l.String()+":forbidden")
	}
	for _, l := range sources {
		head = append(head, "source:"+l.String())
	}
	cw := csv.NewWriter(w)
	cw.Comma = comma
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, c := range concepts {
		row := []string{c.ID, string(c.Kind), c.Note}
		for _, l := range all {
			t := c.Terms[l]
			if t == nil {
				t = &Terms{}
			}
			row = append(row, t.Preferred, strings.Join(t.Accepted, "; "), strings.Join(t.Forbidden, "; "))
		}
		for _, l := range sources {
			row = append(row, strings.Join(c.Source[l], "; "))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
