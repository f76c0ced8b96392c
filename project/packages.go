package project

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/internal/parallel"
	"github.com/loctool/loctool/xliff"
)

// Packages. Translators' tools return the articles of a job in one XLIFF
// document of several <file>s (Trados and memoQ packages, Okapi's,
// Xcode's exports): a package. Anywhere in a language's folder of
// handoff files, a package's <file> whose original names an article of
// the project, in the folder's language, is that article's translation.
// merge merges each such <file> into its article, check and status read
// it as the article's handoff file, and extract carries its translations
// into the article's own file, removing the package once every <file> of
// it is carried. A <file> that names no article, one in another
// language, and an article's second <file> are errors at the <file>;
// their translations stay in the package.

// pack is a package, as read.
type pack struct {
	rel      string
	data     []byte
	files    []packed
	warnings []diag.Diagnostic // what the reader read past, and originals taken leniently
	// problems are the errors of the <file>s that are no article's
	// translation: one whose original names no article of the project,
	// one in another language, an article's second.
	problems []diag.Diagnostic
}

// packed is a <file> of a package.
type packed struct {
	file    *handoff.File
	format  Format
	at      diag.Position // the <file> element
	article string        // the article it is for; empty when none
}

// of returns the <file> of the package for an article, or nil.
func (pk *pack) of(article string) *packed {
	for i := range pk.files {
		if pk.files[i].article == article {
			return &pk.files[i]
		}
	}
	return nil
}

// readPack reads data, the handoff file rel in the folder of lang, as a
// package: each <file> with the article it is for, among articles. It
// returns nil for a document of one <file>.
func (p *Project) readPack(rel string, data []byte, lang language.Tag, keepCodes bool, articles []string) (*pack, error) {
	pk := &pack{rel: rel, data: data}
	opts := xliff.ReadOptions{SourceLang: p.Source, KeepCodeMismatches: keepCodes, Limits: p.limits(),
		Warn: func(w diag.Diagnostic) { pk.warnings = append(pk.warnings, w) }}
	files, at, v, err := opts.ReadAllAt(bytes.NewReader(data), rel)
	if err != nil {
		return nil, err
	}
	if len(files) < 2 {
		return nil, nil
	}
	first := map[string]diag.Position{}
	for i, f := range files {
		pf := packed{file: f, format: formatOf(rel, f, v), at: at[i]}
		d := diag.Diagnostic{File: rel, Start: at[i], Severity: diag.Error}
		article, exact := namedArticle(f.Original, articles)
		switch prev, twice := first[article]; {
		case !langIn(f.TargetLang, lang):
			d.Rule = diag.HandoffLanguage
			d.Message = fmt.Sprintf("<file> %d of the package, original=%s, is in %s, but the package is in the folder of %s", i+1, quoteOriginal(f.Original), f.TargetLang, lang)
			d.Hint = fmt.Sprintf("its translations stay in the package: move the <file> to a package in the folder of %s, or correct its target-language if it was set wrongly", f.TargetLang)
		case article == "":
			d.Rule = diag.HandoffOriginal
			d.Message = fmt.Sprintf("<file> %d of the package, original=%s, names no article of the project", i+1, quoteOriginal(f.Original))
			d.Hint = "its translations stay in the package: give original the article's path in the project, as loctool extract wrote it, or take the <file> out of the package"
		case twice:
			d.Rule = diag.HandoffOriginal
			d.Message = fmt.Sprintf("<file> %d of the package is for %s, as the <file> on line %d is: an article has one <file> in a package", i+1, article, prev.Line)
			d.Hint = "its translations stay in the package: join the two <file>s, or take one out of the package"
		default:
			pf.article, first[article] = article, at[i]
			if !exact {
				pk.warnings = append(pk.warnings, diag.Diagnostic{File: rel, Start: at[i], Severity: diag.Warning, Rule: diag.HandoffOriginal,
					Message: fmt.Sprintf("<file> %d of the package, original=%s, is taken for %s", i+1, quoteOriginal(f.Original), article)})
			}
			pk.files = append(pk.files, pf)
			continue
		}
		pk.problems = append(pk.problems, d)
		pk.files = append(pk.files, pf)
	}
	return pk, nil
}

// quoteOriginal quotes an original for a message as the file has it,
// backslashes and all, unless it holds what only Go's quoting shows.
func quoteOriginal(s string) string {
	if strings.ContainsFunc(s, func(r rune) bool { return r == '"' || !unicode.IsPrint(r) }) {
		return strconv.Quote(s)
	}
	return `"` + s + `"`
}

// langIn reports whether a file's language is that of a folder: the
// same, or a variant of it (ru-RU in the folder of ru).
func langIn(got, folder language.Tag) bool {
	g, f := strings.ToLower(got.String()), strings.ToLower(folder.String())
	return g == f || strings.HasPrefix(g, f+"-")
}

// packs are the packages of a language's folder of handoff files.
type packs struct {
	all  []*pack
	by   map[string]*pack // the package with each article's <file>
	rels map[string]bool  // the packages' paths
}

// has reports whether a package has a part in the outcome of an
// article's file: the package holds the article's <file>, or is in the
// place of its file (see takeApart).
func (ps *packs) has(f Extracted) bool { return ps.by[f.Article] != nil || ps.rels[f.Path] }

// readPacks finds and reads the packages of a language's folder. A file
// that cannot be read is left out: merge and check report it.
func (p *Project) readPacks(lang language.Tag, keepCodes bool, articles []string) (*packs, error) {
	files, err := p.handoffFilesOf(lang)
	if err != nil {
		return nil, err
	}
	// Every handoff file is looked at, on every core: few are packages.
	found := make([]*pack, len(files))
	parallel.Each(len(files), func(i int) {
		rel := files[i]
		if !xliff.HasExtension(rel) {
			return
		}
		data, err := p.readHandoffBytes(rel)
		if err != nil || !xliff.SeveralFiles(data) {
			return
		}
		if pk, err := p.readPack(rel, data, lang, keepCodes, articles); err == nil {
			found[i] = pk
		}
	})
	out := &packs{by: map[string]*pack{}, rels: map[string]bool{}}
	for _, pk := range found {
		if pk == nil {
			continue
		}
		out.all = append(out.all, pk)
		out.rels[pk.rel] = true
		for _, pf := range pk.files {
			if pf.article != "" && out.by[pf.article] == nil {
				out.by[pf.article] = pk
			}
		}
	}
	return out, nil
}

// normalOriginal is an original as a path of the project would be
// written: backslashes as slashes, cleaned, without a drive letter.
func normalOriginal(original string) string {
	n := strings.ReplaceAll(original, `\`, "/")
	if hasDrive(n) {
		n = n[2:]
	}
	return path.Clean(n)
}

// namedArticle returns the article among articles, sorted as
// [Project.Articles] returns them, that an original names: itself,
// written with backslashes or not (exact); else the article whose path
// it ends with, the longest, as a translator's tool writes its own path
// (C:\Users\Ann\news\articles\a.txt). It looks up the original and each
// ending of it after a slash, so that the handoff files of an archive
// of thousands of articles are each matched in the time of a few
// lookups, not of a pass over every article.
func namedArticle(original string, articles []string) (article string, exact bool) {
	n := normalOriginal(original)
	if has(articles, n) {
		return n, true
	}
	for i := 0; i < len(n); i++ {
		// The first ending that is an article is the longest.
		if n[i] == '/' && has(articles, n[i+1:]) {
			return n[i+1:], false
		}
	}
	return "", false
}

// has reports whether the sorted list holds s.
func has(sorted []string, s string) bool {
	_, ok := slices.BinarySearch(sorted, s)
	return ok
}

// originalFits reports whether the original of a handoff file of one
// <file>, found in the place of article's handoff file, may be taken for
// article: it names it (see namedArticle), or has its base name without
// naming another article, as a tool writes the translator's own path
// (C:\Users\Ann\Projects\news\a.txt). A relative path that leads out
// of the project never fits. exact is set when it is article's
// path, with slashes or backslashes.
func originalFits(original, article string, articles []string) (fits, exact bool) {
	named, exact := namedArticle(original, articles)
	switch {
	case named == article:
		return true, exact
	case named != "":
		return false, false // another article's
	}
	n := normalOriginal(original)
	switch {
	case n == article:
		return true, true // an article not among those configured
	case n == ".." || strings.HasPrefix(n, "../"):
		return false, false // no tool writes its own path so
	}
	return path.Base(n) == path.Base(article), false
}

// packHandoffs reads the package rel for check: each <file> with its
// article's sentences that changed since it was extracted, and the
// diagnostics of the package.
func (p *Project) packHandoffs(rel string, lang language.Tag) ([]*handoff.File, [][]Translation, []diag.Diagnostic) {
	articles, err := p.Articles()
	if err != nil {
		return nil, nil, diagnose(rel, err)
	}
	data, err := p.readHandoffBytes(rel)
	if err != nil {
		return nil, nil, diagnose(rel, err)
	}
	pk, err := p.readPack(rel, data, lang, true, articles)
	if err != nil {
		return nil, nil, diagnose(rel, err)
	}
	if pk == nil {
		return nil, nil, diagnose(rel, errors.New("the file changed while it was read"))
	}
	ds := append(pk.warnings, pk.problems...)
	var files []*handoff.File
	var ts [][]Translation
	for _, pf := range pk.files {
		files = append(files, pf.file)
		if pf.article == "" {
			ts = append(ts, translationsOf(pf.file, nil, nil))
			continue
		}
		t, warnings := p.translationsIn(rel, pf.article, pf.file, pf.at)
		ts, ds = append(ts, t), append(ds, warnings...)
	}
	return files, ts, ds
}
