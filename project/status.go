package project

import (
	"bytes"
	"crypto/sha256"
	"errors"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/check"
	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/i18njson"
	"github.com/loctool/loctool/internal/parallel"
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

// StatusOptions are the options of [Project.StatusEach].
type StatusOptions struct {
	// Langs are the languages to report; empty for the project's targets.
	Langs []language.Tag
	// Cache keeps the rows of this run for the next; the zero value
	// keeps none, and reads none.
	Cache StatusCache
}

// Status is [Project.StatusEach] of langs, without a cache, with the
// rows in a slice.
func (p *Project) Status(langs []language.Tag) ([]StatusRow, error) {
	var rows []StatusRow
	err := p.StatusEach(StatusOptions{Langs: langs}, func(r StatusRow) { rows = append(rows, r) })
	return rows, err
}

// StatusEach reports, for each language and article, how many sentences
// are translated, need review, are stale or missing, checked against
// the article as it is now, as a merge would, and how many errors and
// warnings loctool check finds in its handoff file, with the project's
// check settings: the findings of each file alone. The findings across
// files (consistency.target, consistency.source) are check's, and not
// counted here.
//
// Each row is given to row as soon as it and those before it are done,
// language by language and article by article; the files of a row and
// its findings are let go once it is counted. A row the cache holds for
// the files as they are now is read from it, and its files neither
// parsed nor checked.
func (p *Project) StatusEach(opts StatusOptions, row func(StatusRow)) error {
	langs := opts.Langs
	if len(langs) == 0 {
		langs = p.Targets
	}
	articles, err := p.Articles()
	if err != nil {
		return err
	}
	g, err := p.Glossary()
	if err != nil {
		return err
	}
	st := &statusRun{p: p, settings: p.checkSettings(), packs: map[language.Tag]*packs{},
		qa: check.NewChecker(check.Options{Glossary: g, NoConsistency: true})}
	if opts.Cache.Dir != "" {
		if st.cache, err = opts.Cache.open(p); err != nil {
			return err
		}
		st.packSums = map[*pack][32]byte{}
		h := sha256.New()
		for _, a := range articles {
			writeField(h, []byte(a))
		}
		st.articlesSum = h.Sum(nil)
	}
	for _, lang := range langs {
		pks, err := p.readPacks(lang, true, articles)
		if err != nil {
			return err
		}
		st.packs[lang] = pks
		if st.cache != nil {
			for _, pk := range pks.all {
				st.packSums[pk] = sha256.Sum256(pk.data)
			}
		}
	}
	n := len(articles)
	parallel.Ordered(len(langs)*n, func(i int) StatusRow {
		return st.row(langs[i/n], articles[i%n])
	}, func(_ int, r StatusRow) { row(r) })
	if st.cache != nil {
		slots := make([]sum, 0, len(p.Targets)*n)
		for _, lang := range p.Targets {
			for _, a := range articles {
				slots = append(slots, slot(lang, a))
			}
		}
		st.cache.save(slots)
	}
	return nil
}

// statusRun is one run of status.
type statusRun struct {
	p        *Project
	settings check.Settings
	qa       *check.Checker
	packs    map[language.Tag]*packs

	// With a cache: its entries, what each package's hash is, and the
	// hash of the list of articles, which says what article each <file>
	// of a package is for.
	cache       *statusEntries
	packSums    map[*pack][32]byte
	articlesSum []byte
}

// row reports how an article stands in a language.
func (st *statusRun) row(lang language.Tag, article string) StatusRow {
	r := StatusRow{Lang: lang, Article: article}
	pks := st.packs[lang]
	in := st.p.statusInput(article, lang)
	var s, key sum
	cached := st.cache != nil && in.cacheable
	if cached {
		s, key = slot(lang, article), st.key(lang, article, in, pks.by[article])
		if c, ok := st.cache.get(s, key); ok && (c.from != fromPack || pks.by[article] != nil) {
			r.Count, r.Errors, r.Warnings = c.cnt, c.errs, c.warn
			switch c.from {
			case fromOwn:
				r.Handoff = in.rel
			case fromPack:
				r.Handoff = pks.by[article].rel
			}
			return r
		}
	}
	var findings []diag.Diagnostic
	snap := st.p.status(&r, in, pks, func(f *handoff.File, ts []Translation) {
		findings = st.qa.File(0, qaHandoff(r.Handoff, f, ts))
	})
	for _, d := range st.settings.Apply(findings) {
		switch d.Severity {
		case diag.Error:
			r.Errors++
		case diag.Warning:
			r.Warnings++
		}
	}
	if cached && r.Err == nil && bytes.Equal(snap, in.snap) {
		c := cachedRow{key: key, cnt: r.Count, errs: r.Errors, warn: r.Warnings}
		switch pk := pks.by[article]; {
		case r.Handoff == "":
		case r.Handoff == in.rel:
			c.from = fromOwn
		case pk != nil && r.Handoff == pk.rel:
			c.from = fromPack
		default:
			return r // not a handoff file status knows where to find
		}
		st.cache.put(s, c)
	}
	return r
}

// key hashes all a row depends on: what every row of the run does, the
// article and language, and the bytes of their files.
func (st *statusRun) key(lang language.Tag, article string, in *statusInput, pk *pack) sum {
	h := sha256.New()
	writeField(h, st.cache.base)
	writeField(h, []byte(lang.String()))
	writeField(h, []byte(article))
	writeField(h, in.article)
	writeField(h, []byte(in.rel))
	if in.handoff != nil {
		writeField(h, []byte{1})
		writeField(h, in.handoff)
	} else {
		writeField(h, []byte{0})
	}
	writeField(h, in.snap)
	for _, v := range in.history {
		writeField(h, []byte(v))
	}
	if pk != nil {
		ps := st.packSums[pk]
		writeField(h, []byte(pk.rel))
		writeField(h, ps[:])
		writeField(h, st.articlesSum)
	}
	var k sum
	copy(k[:], h.Sum(nil))
	return k
}

// statusInput is what status reads of a row's files before it parses
// any: the bytes it hashes, and parses when the cache does not hold the
// row.
type statusInput struct {
	article    []byte
	articleErr error
	rel        string // the path of the article's own handoff file, there or not
	handoff    []byte // nil when there is none
	handoffErr error  // errNoHandoff when there is none
	// snap is a JSON file's source snapshot; history the names of its
	// earlier versions.
	snap    []byte
	history []string
	// cacheable is set when all the row depends on was read.
	cacheable bool
}

// statusInput reads the files of an article in a language.
func (p *Project) statusInput(article string, lang language.Tag) *statusInput {
	in := &statusInput{}
	if in.article, in.articleErr = p.readArticleBytes(article); in.articleErr != nil {
		return in
	}
	in.rel = p.handoffOnDisk(article, lang)
	in.handoff, in.handoffErr = p.readHandoffBytes(in.rel)
	switch {
	case errors.Is(in.handoffErr, errNoHandoff):
		in.handoff = nil
	case in.handoffErr != nil:
		return in
	}
	if in.handoff != nil && i18njson.HasExtension(in.rel) {
		snap, err := p.readFile(p.sourcePath(article, lang))
		if err != nil {
			return in // with no snapshot, the article as it is now stands in: not kept
		}
		vs, err := p.versions(article, lang)
		if err != nil {
			return in
		}
		in.snap = snap
		for _, v := range vs {
			in.history = append(in.history, v.rel)
		}
	}
	in.cacheable = true
	return in
}

// status fills in a row: the article's sentences, matched with its
// handoff file as merge matches them, from the files as in holds them.
// read is given the file read. It returns the bytes of the JSON source
// snapshot it read, if any.
//
// An article's translations in a package (see readPack) are its handoff
// file's when it has none of its own.
func (p *Project) status(row *StatusRow, in *statusInput, pks *packs, read func(*handoff.File, []Translation)) []byte {
	snap := p.count(row, in, pks, read)
	if row.Err != nil {
		row.Diagnostics = diagnose(row.Article, row.Err)
		if row.Handoff != "" {
			row.Diagnostics = diagnose(row.Handoff, row.Err)
		}
	}
	return snap
}

// count counts the sentences of a row by where they stand.
func (p *Project) count(row *StatusRow, in *statusInput, pks *packs, read func(*handoff.File, []Translation)) []byte {
	if in.articleErr != nil {
		row.Err = in.articleErr
		return nil
	}
	src, err := p.parseArticle(row.Article, in.article)
	if err != nil {
		row.Err = err
		return nil
	}
	rel, err := in.rel, in.handoffErr
	var f *handoff.File
	var snap []byte
	if err == nil {
		var h held
		h, err = p.parseHandoff(rel, row.Lang, true, in.handoff) // a target whose codes do not match counts as missing
		f, snap = h.file, h.snapData
	}
	if errors.Is(err, errNoHandoff) || errors.Is(err, xliff.ErrMultipleFiles) {
		err = errNoHandoff
		if pk := pks.by[row.Article]; pk != nil {
			rel, f, err = pk.rel, pk.of(row.Article).file, nil
		}
	}
	switch {
	case errors.Is(err, errNoHandoff):
		if err := p.segment(src); err != nil {
			row.Err = err
			return nil
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
			return nil
		}
		sentences, left := match(src.units, f, p.sourceConcepts)
		settle(sentences)
		for _, s := range sentences {
			row.count(s.readiness, s.seg)
		}
		read(f, translationsOf(f, sentences, left))
	}
	return snap
}
