package glossary

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/loctool/loctool/diag"
)

// crowdinCol is what a column of a Crowdin glossary holds: a field of a
// language's term, or of the concept (lang Und); skip for a language
// that is not the project's.
type crowdinCol struct {
	field string
	lang  language.Tag
	skip  bool
}

// The fields of a Crowdin glossary's columns, lower-case: those of a
// language's term, and those of the concept.
var (
	crowdinTermFields    = []string{"term", "description", "part of speech", "status", "type", "gender", "note", "url", "lemma"}
	crowdinConceptFields = []string{"concept definition", "concept subject", "concept note", "concept url", "concept figure"}
)

// crowdinCell splits a Crowdin header cell, Term:English or Term [en],
// into its field and language.
var crowdinCell = regexp.MustCompile(`^\s*([^:\[]+?)\s*(?::\s*(.+?)|\[\s*(.+?)\s*\])\s*$`)

// crowdinHeader reads the header row of a Crowdin glossary, and reports
// whether it is one: every column a field of Crowdin's, and a term
// among them. A language it cannot name is an error.
func crowdinHeader(row []string, at []Pos, langs Langs) ([]crowdinCol, bool, error) {
	var cols []crowdinCol
	terms := false
	for j, h := range row {
		lh := strings.ToLower(strings.TrimSpace(h))
		if slices.Contains(crowdinConceptFields, lh) {
			cols = append(cols, crowdinCol{field: lh})
			continue
		}
		m := crowdinCell.FindStringSubmatch(h)
		if m == nil || !slices.Contains(crowdinTermFields, strings.ToLower(m[1])) {
			return nil, false, nil
		}
		name := m[2] + m[3]
		cols = append(cols, crowdinCol{field: strings.ToLower(m[1])})
		if cols[j].field == "term" {
			terms = true
		}
		tag, ok := languageNamed(name)
		if !ok {
			return nil, false, &Error{Pos: at[j], Kind: ErrInvalid,
				Msg:  fmt.Sprintf("the column %q of a Crowdin glossary names %q, which is no language loctool knows", h, name),
				Hint: "name the language in English, as Crowdin does (Russian, Kazakh, Chinese Simplified), or by its tag (ru, kk, zh-Hans)"}
		}
		cols[j].lang = tag
		cols[j].skip = !langs.has(tag)
	}
	return cols, terms, nil
}

// crowdinStatuses are the roles of the term statuses Crowdin writes.
var crowdinStatuses = map[string]string{"preferred": "preferred", "admitted": "accepted", "not recommended": "forbidden", "obsolete": "forbidden"}

func crowdinConcepts(t table, cols []crowdinCol) ([]*Concept, []Warning) {
	var out []*Concept
	var warns []Warning
	for i, row := range t.rows {
		c := &Concept{Pos: t.at[i][0], Source: map[language.Tag][]string{}, Terms: map[language.Tag]*Terms{}}
		status := map[language.Tag]string{}
		var def, desc string
		for j, v := range row {
			v = strings.TrimSpace(v)
			if j >= len(cols) || v == "" || cols[j].skip {
				continue
			}
			col := cols[j]
			switch col.field {
			case "term":
				if s := spelling(v); s != "" {
					c.Terms[col.lang] = &Terms{Preferred: s}
				}
			case "status":
				role, ok := crowdinStatuses[strings.ToLower(v)]
				if !ok {
					role = statusRole(v)
				}
				if role == "" {
					warns = append(warns, Warning{Pos: t.at[i][j], Rule: diag.GlossaryStatus,
						Msg:  fmt.Sprintf("the status %q is not one loctool knows: the term is read as accepted", v),
						Hint: "Crowdin's statuses are preferred, admitted, not recommended and obsolete; the TBX ones are read too: " + tbxStatusNames})
					role = "accepted"
				}
				status[col.lang] = role
			case "description":
				if desc == "" {
					desc = v
				}
			case "concept definition":
				def = v
			case "concept subject":
				if k := Kind(strings.ToLower(v)); slices.Contains(Kinds, k) {
					c.Kind = k
				}
			}
		}
		for lang, role := range status {
			tm := c.Terms[lang]
			if tm == nil {
				continue
			}
			switch role {
			case "accepted":
				tm.Accepted, tm.Preferred = []string{tm.Preferred}, ""
			case "forbidden":
				tm.Forbidden, tm.Preferred = []string{tm.Preferred}, ""
			}
		}
		if len(c.Terms) == 0 {
			continue
		}
		c.Note = cmpOr(def, desc)
		addCyrillicSources(c)
		c.ID, c.madeID = idFor(c, len(out)+1), true
		out = append(out, c)
	}
	return out, warns
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// weblateColumns are the columns of Weblate's CSV.
var weblateColumns = []string{"location", "source", "target", "id", "fuzzy", "context", "translator_comments", "developer_comments"}

// weblateHeader reads the header of a Weblate CSV file: its columns'
// indices by name, and whether it is one.
func weblateHeader(row []string) (map[string]int, bool) {
	cols := map[string]int{}
	for j, h := range row {
		h = strings.ToLower(strings.TrimSpace(h))
		if !slices.Contains(weblateColumns, h) {
			return nil, false
		}
		cols[h] = j
	}
	_, src := cols["source"]
	_, tgt := cols["target"]
	return cols, src && tgt
}

func weblateConcepts(t table, cols map[string]int, name string, langs Langs) ([]*Concept, error) {
	if langs.Source == language.Und || langs.Target == language.Und {
		return nil, &Error{Pos: Pos{File: name, Line: 1, Col: 1}, Kind: ErrInvalid,
			Msg:  "a Weblate glossary (source, target, …) does not say its languages",
			Hint: "use it in a project whose config.yaml names them: they are its source and first target language"}
	}
	cell := func(row []string, col string) string {
		if j, ok := cols[col]; ok && j < len(row) {
			return strings.TrimSpace(row[j])
		}
		return ""
	}
	var out []*Concept
	for i, row := range t.rows {
		src := spelling(cell(row, "source"))
		if src == "" {
			continue
		}
		c := &Concept{Pos: t.at[i][0], Source: map[language.Tag][]string{}, Terms: map[language.Tag]*Terms{langs.Source: {Preferred: src}}}
		if tgt := spelling(cell(row, "target")); tgt != "" {
			switch strings.ToLower(cell(row, "fuzzy")) {
			case "true", "1", "yes":
				c.Terms[langs.Target] = &Terms{Accepted: []string{tgt}}
			default:
				c.Terms[langs.Target] = &Terms{Preferred: tgt}
			}
		}
		c.Note = cmpOr(cell(row, "developer_comments"), cell(row, "translator_comments"))
		addCyrillicSources(c)
		c.ID, c.madeID = idFor(c, len(out)+1), true
		out = append(out, c)
	}
	return out, nil
}

// columnWords are the names of columns glossary formats have: a first
// row with one of them is a header.
var columnWords = []string{"source", "target", "term", "terms", "translation", "description", "comment", "comments", "note", "notes",
	"context", "id", "type", "definition", "part of speech", "pos", "status", "location", "fuzzy", "explanation",
	"translator_comments", "developer_comments", "key", "language", "locale", "concept"}

// looksLikeHeader reports whether a first row that is none of the known
// headers is a header all the same, not an OmegaT glossary's first term.
func looksLikeHeader(row []string) bool {
	if len(row) < 2 || len(row) > 3 {
		return true
	}
	for _, h := range row {
		h = strings.ToLower(strings.TrimSpace(h))
		if m := crowdinCell.FindStringSubmatch(h); m != nil {
			h = m[1]
		}
		if slices.Contains(columnWords, h) {
			return true
		}
	}
	return false
}

// unknownHeader is the error of a header row loctool does not read.
func unknownHeader(row []string, at []Pos) error {
	found := make([]string, len(row))
	for i, h := range row {
		found[i] = fmt.Sprintf("%q", h)
	}
	return &Error{Pos: at[0], Kind: ErrInvalid,
		Msg: fmt.Sprintf("the first row is no header loctool reads: its columns are %s", strings.Join(found, ", ")),
		Hint: "loctool reads a header of its own (id, type, note, en, en:accepted, en:forbidden, source:ru), Crowdin's (Term:English, Description:English, Part of Speech:English, Status:English, Term:Russian…), " +
			"Weblate's (location, source, target, id, fuzzy, context, translator_comments, developer_comments), or OmegaT's glossary, with no header: source term, target term, comment"}
}

// languageNamed returns the language an English name (Russian, Kazakh,
// Chinese Simplified, Portuguese, Brazilian) or a tag (ru, zh-Hans)
// names: the names are CLDR's English ones of display, and Crowdin's
// for the languages it names otherwise.
func languageNamed(name string) (language.Tag, bool) {
	n := strings.ToLower(strings.Join(strings.Fields(name), " "))
	if t, ok := languageNames()[n]; ok {
		return t, true
	}
	if !languageTag.MatchString(n) {
		return language.Und, false
	}
	t, err := language.Parse(n)
	return t, err == nil
}

var languageTag = regexp.MustCompile(`^[a-z]{2,3}([-_][a-z0-9]{2,8})*$`)

// languageNames maps English language names, lower-case, to tags.
var languageNames = sync.OnceValue(func() map[string]language.Tag {
	m := map[string]language.Tag{}
	namer := display.English.Languages()
	for a := 'a'; a <= 'z'; a++ {
		for b := 'a'; b <= 'z'; b++ {
			t, err := language.Parse(string([]rune{a, b}))
			if err != nil {
				continue
			}
			if n := namer.Name(t); n != "" {
				if _, ok := m[strings.ToLower(n)]; !ok {
					m[strings.ToLower(n)] = t
				}
			}
		}
	}
	for n, tag := range map[string]string{
		"chinese simplified": "zh-Hans", "chinese traditional": "zh-Hant", "simplified chinese": "zh-Hans", "traditional chinese": "zh-Hant",
		"portuguese, brazilian": "pt-BR", "brazilian portuguese": "pt-BR", "spanish, latin america": "es-419", "spanish, mexico": "es-MX",
		"english, united states": "en-US", "english, united kingdom": "en-GB", "serbian (cyrillic)": "sr-Cyrl", "serbian (latin)": "sr-Latn",
		"uzbek (cyrillic)": "uz-Cyrl", "uzbek (latin)": "uz-Latn", "kazakh (latin)": "kk-Latn",
	} {
		m[n] = language.MustParse(tag)
	}
	return m
})
