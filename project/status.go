package project

import (
	"errors"
	"slices"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/check"
	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/xliff"
)

// StatusRow is how one article stands in one language.
type StatusRow struct {
	Lang    language.Tag
	Article string
	Handoff string // the handoff file; empty when there is none yet
	Count
	// Errors and Warnings count what loctool check finds in the handoff
	// file, with the project's check settings.
	Errors, Warnings int
	Err              error // the article or its handoff file could not be read
	// Diagnostics say why, at the place in the file, when Err is set.
	Diagnostics []diag.Diagnostic
}

// Done returns the share of sentences translated, from 0 to 100.
func (r StatusRow) Done() float64 {
	if r.Segments == 0 {
		return 100
	}
	return 100 * float64(r.Translated) / float64(r.Segments)
}

// Status reports, for each target language and article, how many
// sentences are translated, need review, are stale or missing, checked
// against the article as it is now, as a merge would, and what loctool
// check finds in its handoff file.
func (p *Project) Status(langs []language.Tag) ([]StatusRow, error) {
	if len(langs) == 0 {
		langs = p.Targets
	}
	articles, err := p.Articles()
	if err != nil {
		return nil, err
	}
	g, err := p.Glossary()
	if err != nil {
		return nil, err
	}
	rows := make([]StatusRow, 0, len(langs)*len(articles))
	for _, lang := range langs {
		for _, a := range articles {
			rows = append(rows, StatusRow{Lang: lang, Article: a})
		}
	}
	packsBy := map[language.Tag]*packs{}
	for _, lang := range langs {
		if packsBy[lang], err = p.readPacks(lang, true, articles); err != nil {
			return nil, err
		}
	}
	// What check finds in each handoff file, as status reads it.
	qa := check.NewChecker(check.Options{Glossary: g})
	found := make([][]diag.Diagnostic, len(rows))
	starts := make([]int, len(rows)) // in a package, the line of the row's <file>
	forEach(len(rows), nil, func(i int) {
		p.status(&rows[i], packsBy[rows[i].Lang], &starts[i], func(f *handoff.File, ts []Translation) {
			found[i] = qa.File(i, qaHandoff(rows[i].Handoff, f, ts))
		})
	})
	byFile := map[string][]int{}
	for i := range rows {
		if rows[i].Handoff != "" {
			byFile[rows[i].Handoff] = append(byFile[rows[i].Handoff], i)
		}
	}
	// A finding in a package is its <file>'s: the last that starts before
	// it.
	rowOf := func(d diag.Diagnostic) *StatusRow {
		var r *StatusRow
		for _, i := range byFile[d.File] {
			if r == nil || starts[i] <= d.Start.Line {
				r = &rows[i]
			}
		}
		return r
	}
	for _, d := range p.checkSettings().Apply(append(slices.Concat(found...), qa.Consistency()...)) {
		if r := rowOf(d); r != nil {
			switch d.Severity {
			case diag.Error:
				r.Errors++
			case diag.Warning:
				r.Warnings++
			}
		}
	}
	return rows, nil
}

// status fills in a row: the article's sentences, matched with its
// handoff file as merge matches them. read is given the file read.
//
// An article's translations in a package (see readPack) are its handoff
// file's when it has none of its own; start is then given the line of
// the article's <file>.
func (p *Project) status(row *StatusRow, pks *packs, start *int, read func(*handoff.File, []Translation)) {
	p.count(row, pks, start, read)
	if row.Err != nil {
		row.Diagnostics = diagnose(row.Article, row.Err)
		if row.Handoff != "" {
			row.Diagnostics = diagnose(row.Handoff, row.Err)
		}
	}
}

// count counts the sentences of a row by where they stand.
func (p *Project) count(row *StatusRow, pks *packs, start *int, read func(*handoff.File, []Translation)) {
	src, err := p.readArticle(row.Article)
	if err != nil {
		row.Err = err
		return
	}
	rel := p.handoffOnDisk(row.Article, row.Lang)
	f, _, err := p.readHandoffWith(rel, row.Lang, true) // a target whose codes do not match counts as missing
	if errors.Is(err, errNoHandoff) || errors.Is(err, xliff.ErrMultipleFiles) {
		err = errNoHandoff
		if pk := pks.by[row.Article]; pk != nil {
			pf := pk.of(row.Article)
			rel, f, err, *start = pk.rel, pf.file, nil, pf.at.Line
		}
	}
	switch {
	case errors.Is(err, errNoHandoff):
		if err := p.segment(src); err != nil {
			row.Err = err
			return
		}
		for _, u := range src.units {
			for _, s := range u.Segments() {
				row.count(Missing, s)
			}
		}
	case err != nil:
		row.Handoff, row.Err = rel, err
	default:
		row.Handoff = rel
		if err := p.unitsFor(src, f); err != nil {
			row.Err = err
			return
		}
		sentences, left := match(src.units, f, p.sourceConcepts)
		settle(sentences)
		for _, s := range sentences {
			row.count(s.readiness, s.seg)
		}
		read(f, translationsOf(f, sentences, left))
	}
}
