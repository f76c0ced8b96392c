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

// Four kinds of CSV and TSV glossary are read, told apart by their
// first row:
//
//   - loctool's header-named table, whose first row names its columns:
//     id, type, note, a language tag for the language's preferred
//     spelling (en, ru), en:accepted and en:forbidden for its variants,
//     and source:ru for Cyrillic source forms. Several values in a cell
//     are separated by semicolons.
//   - Crowdin's glossary export: Term:English, Description:English, Part
//     of Speech:English, Status:English, Term:Russian… (also Term [ru]),
//     one row a concept; languages by their English names or tags
//     ([languageNamed]); a status of preferred, admitted, not
//     recommended or obsolete, or a TBX one. Columns of languages that
//     are not the project's are left out; Concept Definition or the
//     first description is the concept's note.
//   - Weblate's CSV: location, source, target, id, fuzzy, context,
//     translator_comments, developer_comments (source and target are
//     needed, the others may be left out), in the project's source and
//     first target language; a fuzzy target is accepted, not preferred.
//   - OmegaT's glossary: two or three columns, the source term, the
//     target term and a comment, with no header; lines starting with #
//     are comments. The languages are the project's source and target.
//
// A first row that is none of the three headers is an OmegaT glossary's
// first term unless it looks like a header: it names a column some
// glossary format has (source, target, term, description, comment, note,
// context, id, type, status…, also as Term:English or Term [en]), or it
// has fewer than two or more than three cells. Such a row is an error
// naming its columns and those loctool reads. A header row is never a
// term. Russian and Kazakh terms are also the concept's Cyrillic source
// forms, and a spelling two rows share is the first row's
// (glossary.shared-spelling).

// Langs are the languages of the glossaries that do not say theirs, and
// those of the project.
type Langs struct {
	// Source and Target are the languages of an OmegaT or Weblate
	// glossary's two columns.
	Source, Target language.Tag
	// Project are all the project's languages: a Crowdin glossary's
	// columns of other languages are left out. With none, Source and
	// Target are, or, with neither, every language is read.
	Project []language.Tag
}

// has reports whether a language is one of the project's.
func (l Langs) has(t language.Tag) bool {
	list := l.Project
	if len(list) == 0 {
		for _, x := range []language.Tag{l.Source, l.Target} {
			if x != language.Und {
				list = append(list, x)
			}
		}
	}
	if len(list) == 0 {
		return true
	}
	b, _ := t.Base()
	return slices.ContainsFunc(list, func(x language.Tag) bool { xb, _ := x.Base(); return xb == b })
}

// separator returns the separator of a .csv glossary: a comma, or the
// semicolon or tab its first line has when it has no comma.
func separator(data []byte) rune {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	switch {
	case bytes.IndexByte(line, ',') >= 0:
		return ','
	case bytes.IndexByte(line, ';') >= 0:
		return ';'
	case bytes.IndexByte(line, '\t') >= 0:
		return '\t'
	}
	return ','
}

// ParseCSV reads the concepts of a CSV or TSV glossary; comma is the
// separator (',', ';' or '\t'). What it reads past is in the warnings.
func ParseCSV(data []byte, name string, comma rune, langs Langs) ([]*Concept, []Warning, error) {
	data, _, err := decode(data, name, false)
	if err != nil {
		return nil, nil, err
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = comma
	r.Comment = '#'
	r.FieldsPerRecord = -1
	r.LazyQuotes = comma == '\t'
	var t table
	// Where each line starts, for the columns of cells in characters.
	starts := []int{0}
	for i, b := range data {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, nil, &Error{Pos: Pos{File: name, Line: pe.Line, Col: lineCharCol(data, pe.Line, pe.Column)}, Kind: ErrSyntax,
					Msg: "not a valid table: " + pe.Err.Error(), Hint: `put a cell that holds a " in quotes, and write each " in it as ""`}
			}
			return nil, nil, &Error{Pos: Pos{File: name}, Kind: ErrSyntax, Msg: err.Error()}
		}
		at := make([]Pos, len(rec))
		for j := range rec {
			line, col := r.FieldPos(j)
			if line >= 1 && line <= len(starts) {
				col = charCol(data, starts[line-1]+col-1, col)
			}
			at[j] = Pos{File: name, Line: line, Col: col}
		}
		t.rows = append(t.rows, rec)
		t.at = append(t.at, at)
	}
	if len(t.rows) == 0 {
		return nil, nil, nil
	}
	var concepts []*Concept
	var warns []Warning
	head, body := t.rows[0], t.slice(1)
	if cols, ok := header(head); ok {
		concepts, err = tableConcepts(body, cols, name)
	} else if cols, ok, cerr := crowdinHeader(head, t.at[0], langs); ok || cerr != nil {
		if cerr != nil {
			return nil, nil, cerr
		}
		concepts, warns = crowdinConcepts(body, cols)
	} else if cols, ok := weblateHeader(head); ok {
		concepts, err = weblateConcepts(body, cols, name, langs)
	} else if looksLikeHeader(head) {
		return nil, nil, unknownHeader(head, t.at[0])
	} else {
		concepts, err = omegatConcepts(t, name, langs)
	}
	if err != nil {
		return nil, nil, err
	}
	concepts, shared := unshare(concepts)
	return concepts, append(warns, shared...), nil
}

// table is the rows of a CSV file, and where each cell is.
type table struct {
	rows [][]string
	at   [][]Pos
}

func (t table) slice(from int) table { return table{t.rows[from:], t.at[from:]} }

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

func tableConcepts(t table, cols []column, name string) ([]*Concept, error) {
	var out []*Concept
	for i, row := range t.rows {
		c := &Concept{Pos: t.at[i][0], Source: map[language.Tag][]string{}, Terms: map[language.Tag]*Terms{}}
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

func omegatConcepts(t table, name string, langs Langs) ([]*Concept, error) {
	if langs.Source == language.Und || langs.Target == language.Und {
		return nil, &Error{Pos: Pos{File: name}, Kind: ErrInvalid,
			Msg:  "an OmegaT glossary (source term, target term, comment) does not say its languages",
			Hint: "use it in a project whose config.yaml names them, or give the table a header row such as en,ru,note"}
	}
	var out []*Concept
	for i, row := range t.rows {
		if len(row) < 2 || len(row) > 3 {
			return nil, &Error{Pos: Pos{File: name, Line: t.at[i][0].Line}, Kind: ErrInvalid,
				Msg: fmt.Sprintf("%d columns: an OmegaT glossary has the source term, the target term and a comment", len(row))}
		}
		src, tgt := spelling(row[0]), spelling(row[1])
		if src == "" || tgt == "" {
			continue
		}
		c := &Concept{Pos: t.at[i][0], Source: map[language.Tag][]string{},
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
