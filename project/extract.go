package project

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/check"
	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/internal/parallel"
	"github.com/loctool/loctool/xliff"
)

// ExtractOptions are the options of [Project.Extract].
type ExtractOptions struct {
	// Articles to extract; empty for those of the configuration.
	Articles []string
	// Langs to extract for; empty for the configuration's targets.
	Langs []language.Tag
	// Format overrides the configuration's handoff formats.
	Format Format
	// Progress, when not nil, is called as each article is done.
	Progress func(done, total int)
	// Output says what becomes of each file as it is built: held in the
	// plan (the default), staged beside its place, or only listed.
	Output Output
	// Each, when not nil, is given, in order, the outcome of each file
	// that is extracted and that no package of handoff files has a part
	// in, as it is done, and the report keeps only the others (those
	// that failed, and those of packages), so that an extraction of
	// thousands of articles does not hold a line for each.
	Each func(Extracted)
}

// ExtractReport says what an extraction found, file by file.
type ExtractReport struct {
	Files []Extracted
}

// Extracted is the outcome for one article and language.
type Extracted struct {
	Article  string
	Lang     language.Tag
	Path     string // the handoff file
	Segments int
	// Carried says what became of the translations of the handoff file
	// the new one replaces.
	Carried Carried
	Err     error // the article or its handoff file could not be used
	// Diagnostics say why, at the place in the file, when Err is set.
	Diagnostics []diag.Diagnostic
}

// Failed reports whether any file failed.
func (r *ExtractReport) Failed() bool {
	for _, f := range r.Files {
		if f.Err != nil {
			return true
		}
	}
	return false
}

// Extract computes the handoff files of articles for target languages. An
// existing handoff file is read first, and every translation in it either
// lands on a sentence of the article as it is now or goes to the
// language's obsolete translations. A file that cannot be read is not
// replaced: its error is in the report, and the other files go ahead.
func (p *Project) Extract(opts ExtractOptions) (*Plan, *ExtractReport, error) {
	articles := opts.Articles
	if len(articles) == 0 {
		var err error
		if articles, err = p.Articles(); err != nil {
			return nil, nil, err
		}
	}
	langs := opts.Langs
	if len(langs) == 0 {
		langs = p.Targets
	}
	for _, l := range langs {
		if l == p.Source {
			return nil, nil, fmt.Errorf("%s is the source language", l)
		}
	}
	stores := map[language.Tag]*handoff.File{}
	archives := map[language.Tag]archive{}
	convert := map[language.Tag]bool{}
	earlier := map[language.Tag]bool{} // stores in an earlier format, written again
	for _, l := range langs {
		f, current, err := p.readObsolete(l)
		if err != nil {
			return nil, nil, err
		}
		stores[l], archives[l], earlier[l] = f, archiveOf(f), !current
		if opts.Format == "" {
			if convert[l], err = p.formatChanged(l); err != nil {
				return nil, nil, err
			}
		}
	}
	h, err := p.hints()
	if err != nil {
		return nil, nil, err
	}
	all, err := p.Articles()
	if err != nil {
		return nil, nil, err
	}
	packsBy := map[language.Tag]*packs{}
	listed := map[language.Tag]map[string]bool{}
	for _, l := range langs {
		if packsBy[l], err = p.readPacks(l, false, all); err != nil {
			return nil, nil, err
		}
		if listed[l], err = p.listHandoffs(l); err != nil {
			return nil, nil, err
		}
	}
	// Articles go through a few at a time: each file is built, and
	// staged or listed, as its article is done, and the plan and report
	// keep what is written, not the files' content.
	plan, report := newPlan(p.Root, opts.Output), &ExtractReport{}
	removedBy := map[language.Tag][]removed{}
	type result struct {
		files    []Extracted
		writes   []built
		obsolete map[language.Tag][]removed
	}
	parallel.Ordered(len(articles), func(i int) result {
		var r result
		var writes []Write
		r.files, writes, r.obsolete = p.extractArticle(articles[i], langs, opts.Format, convert, archives, h, packsBy, all, listed)
		r.writes = make([]built, len(writes))
		for k, w := range writes {
			r.writes[k] = p.build(opts.Output, w)
		}
		return r
	}, func(i int, r result) {
		for _, f := range r.files {
			if opts.Each != nil && f.Err == nil && !packsBy[f.Lang].has(f) {
				opts.Each(f)
				continue
			}
			report.Files = append(report.Files, f)
		}
		for _, b := range r.writes {
			plan.put(b)
		}
		for l, rs := range r.obsolete {
			removedBy[l] = append(removedBy[l], rs...)
		}
		if opts.Progress != nil {
			opts.Progress(i+1, len(articles))
		}
	})
	// The obsolete translations go first: files are renamed into place in
	// the plan's order, so that a run cut short after the handoff files
	// dropped a translation has already saved it.
	rest := plan.Writes
	plan.Writes = nil
	for _, l := range langs {
		if len(removedBy[l]) == 0 && !earlier[l] {
			continue
		}
		data, err := obsoleteFile(stores[l], removedBy[l])
		if err != nil {
			plan.Writes = rest
			plan.Discard()
			return nil, nil, err
		}
		plan.put(p.build(opts.Output, Write{Path: p.ObsoletePath(l), Data: data, Why: "obsolete translations"}))
	}
	plan.Writes = append(plan.Writes, rest...)
	for _, l := range langs {
		for _, pk := range packsBy[l].all {
			p.takeApart(pk, l, plan, report)
		}
	}
	// Once every article of a language has its configured format, the
	// record says so.
	if len(opts.Articles) == 0 && opts.Format == "" {
		failed := map[language.Tag]bool{}
		for _, f := range report.Files {
			failed[f.Lang] = failed[f.Lang] || f.Err != nil
		}
		for _, l := range langs {
			if failed[l] {
				continue // a file not converted is converted next time
			}
			plan.put(p.build(opts.Output, Write{Path: p.formatRecord(l), Why: "the format of " + l.String() + "'s handoff files", Data: []byte(string(p.FormatFor(l)) + "\n")}))
		}
	}
	return plan, report, nil
}

// extractArticle computes the handoff files of one article.
// listed are the files of each language's folder, as listHandoffs
// returns them.
func (p *Project) extractArticle(article string, langs []language.Tag, format Format, convert map[language.Tag]bool, archives map[language.Tag]archive, h *hinter, packsBy map[language.Tag]*packs, all []string, listed map[language.Tag]map[string]bool) ([]Extracted, []Write, map[language.Tag][]removed) {
	var files []Extracted
	var writes []Write
	obsolete := map[language.Tag][]removed{}
	src, err := p.readSource(article)
	var concepts [][]named // the glossary's concepts in each unit
	for li, lang := range langs {
		out := Extracted{Article: article, Lang: lang, Path: p.handoffPathIn(article, lang, p.formatTo(lang, format, nil, false))}
		hs, herr := p.heldHandoffs(article, lang, all, listed[lang])
		if pk := packsBy[lang].by[article]; pk != nil && herr == nil {
			if len(pk.problems) > 0 {
				out.Diagnostics, out.Err = slices.Clone(pk.problems), fmt.Errorf("%s: %s", pk.rel, pk.problems[0].Message)
				for i := range out.Diagnostics {
					out.Diagnostics[i].Hint += "; extract takes the package apart when each of its <file>s is an article's"
				}
				files = append(files, out)
				continue
			}
			pf := pk.of(article)
			hs = append(hs, held{rel: pk.rel, file: pf.file, format: pf.format, pack: true})
		}
		held := hs
		if herr != nil {
			out.Diagnostics = diagnose(out.Path, herr)
			for i := range out.Diagnostics {
				out.Diagnostics[i].Hint = "the file is left as it is, for nothing a translator did to be lost: fix it, or move it away to extract afresh"
			}
			out.Err = herr
			files = append(files, out)
			continue
		}
		f := p.formatTo(lang, format, held, convert[lang])
		out.Path = p.handoffPathIn(article, lang, f)
		if err != nil {
			out.Err, out.Diagnostics = err, diagnose(article, err)
			files = append(files, out)
			continue
		}
		units := src.units
		if li < len(langs)-1 {
			units = cloneUnits(units) // each language fills its own targets
		}
		var oldData []byte
		for _, h := range held {
			if h.rel == out.Path && h.format == f {
				oldData = h.data // unchanged, it need not be written
			}
		}
		old := joined(held)
		c, gone, lost := reconcile(units, old, p.sourceConcepts)
		c.Restored = archives[lang].restore(units)
		c.Settled = settleUnits(units)
		c.New -= c.Restored + c.Settled
		for _, s := range gone {
			obsolete[lang] = append(obsolete[lang], removed{article: article, seg: s, comments: comments(s, unitOf(old, s))})
		}
		for _, o := range lost {
			obsolete[lang] = append(obsolete[lang], removed{article: article, seg: o.seg, notes: o.notes})
		}
		out.Carried = c
		for _, u := range units {
			out.Segments += len(u.Segments())
		}
		if h != nil {
			if concepts == nil {
				concepts = h.find(units) // once for all the languages
			}
			give(units, concepts, p.Source, lang)
		}
		hf := p.fileFor(src, lang, units)
		data, err := encode(hf, f)
		var snap []byte
		var hist []Write
		if err == nil && f == JSON {
			snap, err = snapshot(hf)
			if err == nil {
				hist, err = p.history(article, lang, hf, snap, heldJSON(held))
			}
		}
		if err == nil && f != JSON && heldJSON(held) != nil {
			hist, err = p.forgetHistory(article, lang)
		}
		if err == nil {
			err = p.readable(out.Path, hf, data, snap)
		}
		if err != nil {
			out.Err, out.Diagnostics = err, diagnose(out.Path, err)
			files = append(files, out)
			continue
		}
		// The history first, then the snapshot: a run cut short between
		// them and the file leaves a JSON file that the history still
		// reads.
		if snap != nil {
			writes = append(writes, hist...)
			writes = append(writes, Write{Path: p.sourcePath(article, lang), Data: snap, Why: "source snapshot"})
		}
		// A file that would not change is left out of the plan here, so
		// that a large extraction does not hold every file in memory.
		if !bytes.Equal(data, oldData) {
			writes = append(writes, Write{Path: out.Path, Data: data, Why: "handoff"})
		}
		// A file in another format goes in the same batch: an article
		// has one handoff file for a language, and never none.
		for _, h := range held {
			switch {
			case h.rel == out.Path, h.pack:
				// A package goes when all of it is carried (takeApart).
			case path.Ext(h.rel) != f.Ext() && path.Ext(h.rel) != ".json":
				writes = append(writes, Write{Path: h.rel, Why: "handoff returned as " + path.Ext(h.rel) + ", its translations now in " + path.Base(out.Path), Remove: true})
			default:
				writes = append(writes, Write{Path: h.rel, Why: "handoff in " + string(h.format) + ", now in " + string(f), Remove: true})
			}
			if h.format == JSON && f != JSON {
				writes = append(writes, Write{Path: p.sourcePath(article, lang), Why: "source snapshot of the JSON file", Remove: true})
				writes = append(writes, hist...)
			}
		}
		files = append(files, out)
	}
	return files, writes, obsolete
}

// handoffPathIn is HandoffPath for a given format.
func (p *Project) handoffPathIn(article string, lang language.Tag, f Format) string {
	return path.Join(p.Locales, lang.String(), article) + f.Ext()
}

// held is a handoff file an article has for a language, as read.
type held struct {
	rel    string
	file   *handoff.File
	data   []byte
	format Format
	// warnings are what the reader read past in the file.
	warnings []diag.Diagnostic
	// For a JSON file: its source snapshot, what it was written from, and
	// the snapshot's bytes (none when the snapshot was lost); and, read
	// once when first asked for, the earlier versions of the snapshot,
	// newest first.
	snap     *handoff.File
	snapData []byte
	earlier  func() ([]*handoff.File, error)
	// pack is set for a <file> of a package (see readPack): the
	// article's translations in a file of several.
	pack bool
}

// heldHandoffs reads the handoff files an article has for a language:
// normally one, in XLIFF (.xlf) or JSON (.json); an earlier loctool could
// leave both, and a translator's tool may return the XLIFF under an
// extension of its own (.sdlxliff, .xliff2, …).
//
// The original of an XLIFF file may be the translator's own path, as
// merge takes it (see originalFits); articles are the project's. A
// package in the place of a file is left to the caller (see readPacks).
// When listed is not nil, it holds every file of the language's folder
// (see listHandoffs), and a path it does not have is not looked for.
func (p *Project) heldHandoffs(article string, lang language.Tag, articles []string, listed map[string]bool) ([]held, error) {
	var out []held
	for _, rel := range p.handoffPaths(article, lang) {
		if listed != nil && !listed[strings.ToLower(rel)] {
			continue
		}
		h, err := p.loadHandoff(rel, lang, false)
		if errors.Is(err, errNoHandoff) || errors.Is(err, xliff.ErrMultipleFiles) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if fits, _ := originalFits(h.file.Original, article, articles); !fits && h.format != JSON {
			return nil, fmt.Errorf("%s: its original is %q, not %s: %w", rel, h.file.Original, article, errOtherArticle)
		}
		out = append(out, h)
	}
	return out, nil
}

// listHandoffs lists the files of a language's folder of handoff files,
// in lower case, so that extract looks on disk only for the handoff
// files an article has, not for each of the dozen names a handoff file
// may have: an archive's worth of system calls. Where case does not
// matter, a file named in another case is listed too, and opening it
// tells. A folder with a symbolic link, a folder named as a handoff
// file, or anything but files and folders, returns nil: every name is
// looked for, and what is not a file is refused in its place.
func (p *Project) listHandoffs(lang language.Tag) (map[string]bool, error) {
	dir := path.Join(p.Locales, lang.String())
	abs, err := p.confine(dir)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	err = filepath.WalkDir(abs, func(f string, d fs.DirEntry, err error) error {
		switch {
		case err != nil && f == abs && errors.Is(err, fs.ErrNotExist):
			return fs.SkipDir // no folder yet: no file
		case err != nil:
			return err
		case d.IsDir() && d.Name() == ".loctool":
			return fs.SkipDir
		case d.IsDir() && (f == abs || !IsHandoffFile(d.Name())):
			return nil
		case !d.Type().IsRegular():
			out = nil
			return fs.SkipAll
		}
		rel, err := Rel(p.Root, f)
		if err != nil {
			return err
		}
		out[strings.ToLower(rel)] = true
		return nil
	})
	if err != nil {
		return nil, nil // looked for file by file, each error in its place
	}
	return out, nil
}

// formatTo decides the format an article's handoff file is written in:
// the one asked for (extract --format); else the file's own, unless the
// configuration's format for the language has changed since the last
// extract (convert); else the configuration's.
func (p *Project) formatTo(lang language.Tag, asked Format, old []held, convert bool) Format {
	switch {
	case asked != "":
		return asked
	case len(old) > 0 && !convert:
		return old[0].format
	}
	return p.FormatFor(lang)
}

// heldJSON returns an article's JSON file for a language, if it has one.
func heldJSON(old []held) *held {
	for i := range old {
		if old[i].format == JSON {
			return &old[i]
		}
	}
	return nil
}

// joined is the handoff files an article has for a language, as one:
// their units, for extract to take each translation from wherever it is.
func joined(old []held) *handoff.File {
	switch len(old) {
	case 0:
		return nil
	case 1:
		return old[0].file
	}
	f := *old[0].file
	f.Units = nil
	for _, h := range old {
		f.Units = append(f.Units, h.file.Units...)
	}
	return &f
}

// unitOf returns the unit of f that holds segment s.
func unitOf(f *handoff.File, s *handoff.Segment) *handoff.Unit {
	for _, u := range f.Units {
		if slices.Contains(u.Segments(), s) {
			return u
		}
	}
	return &handoff.Unit{}
}

// formatRecord is the file, in a language's folder of handoff files, that
// keeps the format config.yaml gave the language at the last extract of
// all its articles: when the configuration changes it, extract converts
// the language's files.
func (p *Project) formatRecord(lang language.Tag) string {
	return path.Join(p.Locales, lang.String(), ".loctool", "format")
}

// formatChanged reports whether the configuration's format for a
// language is not the one it had at the last extract of all its
// articles. A project without the record has not changed it.
func (p *Project) formatChanged(lang language.Tag) (bool, error) {
	data, err := p.readFile(p.formatRecord(lang))
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return Format(strings.TrimSpace(string(data))) != p.FormatFor(lang), nil
}

// cloneUnits copies units, so that each language fills its own targets.
func cloneUnits(units []*handoff.Unit) []*handoff.Unit {
	out := make([]*handoff.Unit, len(units))
	for i, u := range units {
		c := *u
		c.Notes = slices.Clone(u.Notes)
		c.Parts = make([]handoff.Part, len(u.Parts))
		for j, part := range u.Parts {
			c.Parts[j] = part
			if part.Segment != nil {
				s := *part.Segment
				s.Source = append(inline.Content(nil), s.Source...)
				c.Parts[j].Segment = &s
			}
		}
		out[i] = &c
	}
	return out
}

// readable reports, as an error of the handoff file's kind, a handoff
// file (and its source snapshot) that the project's limits would refuse
// to read back: larger than limits.max-size, or nested deeper than
// limits.max-depth, which an article's deeply nested markup can make.
// extract never writes a file the next run refuses.
func (p *Project) readable(rel string, f *handoff.File, files ...[]byte) error {
	limits := p.limits()
	for _, data := range files {
		if n := int64(len(data)); n > limits.MaxBytes {
			return &xliff.Error{File: rel, Kind: xliff.ErrLimit, Hint: "split the article, or raise limits.max-size in config.yaml",
				Msg: fmt.Sprintf("the handoff file would be %s, larger than %s (%s), and could not be read back", size(n), size(limits.MaxBytes), limits.Names.MaxBytes)}
		}
	}
	if d := xliffDepth + codeDepth(f); d > limits.MaxDepth {
		return &xliff.Error{File: rel, Kind: xliff.ErrLimit, Hint: "raise limits.max-depth in config.yaml, or simplify the article's markup",
			Msg: fmt.Sprintf("the article's markup nests %d deep, and its handoff file would nest elements %d deep, deeper than %d (%s), and could not be read back", codeDepth(f), d, limits.MaxDepth, limits.Names.MaxDepth)}
	}
	return nil
}

// xliffDepth is how deep the elements around a segment's content nest,
// at most, in what loctool writes: xliff, file, body, trans-unit,
// target and the segment's mrk in XLIFF 1.2; xliff, file, unit,
// mtc:matches, mtc:match and target in 2.x.
const xliffDepth = 6

// codeDepth is the deepest nesting of paired inline codes in the
// segments of f.
func codeDepth(f *handoff.File) int {
	deepest := 0
	for _, u := range f.Units {
		for _, s := range u.Segments() {
			for _, c := range []inline.Content{s.Source, s.Target} {
				depth := 0
				for _, it := range c {
					switch {
					case it.Code == nil:
					case it.Code.Kind == inline.Open:
						depth++
						deepest = max(deepest, depth)
					case it.Code.Kind == inline.Close:
						depth = max(depth-1, 0)
					}
				}
			}
		}
	}
	return deepest
}

// settleUnits gives each untranslated sentence that has nothing to
// translate (a number alone, a web address: [check.NothingToTranslate])
// its source for translation, marked translated, so that translators'
// tools do not count it as work. It returns how many it settled.
func settleUnits(units []*handoff.Unit) int {
	n := 0
	for _, u := range units {
		for _, s := range u.Segments() {
			if !s.IsTranslated() && check.NothingToTranslate(s.Source.PlainText()) {
				s.Target, s.State = s.Source, handoff.Translated
				n++
			}
		}
	}
	return n
}

// takeApart removes the package pk of lang in the plan when extract
// carried the translations of each of its <file>s into its article's own
// file, as it does a file returned under another extension. A package
// extract did not carry whole stays, for no translation to be lost; one
// in the place of an article's own file is then not written over, and
// that article fails.
func (p *Project) takeApart(pk *pack, lang language.Tag, plan *Plan, report *ExtractReport) {
	if len(pk.problems) > 0 {
		return // each of its articles failed, saying why
	}
	done := map[string]bool{}
	for _, f := range report.Files {
		if f.Lang == lang && f.Err == nil {
			done[f.Article] = true
		}
	}
	whole := true
	var articles []string
	for _, pf := range pk.files {
		whole = whole && done[pf.article]
		articles = append(articles, pf.article)
	}
	if whole {
		if !slices.ContainsFunc(plan.Writes, func(w Write) bool { return w.Path == pk.rel }) {
			plan.Remove(pk.rel, fmt.Sprintf("package of %d articles, its translations now in each article's own file", len(pk.files)))
		}
		return
	}
	plan.drop(pk.rel)
	for i := range report.Files {
		f := &report.Files[i]
		if f.Lang == lang && f.Path == pk.rel && f.Err == nil {
			f.Err = fmt.Errorf("%s is a package that holds the translations of other articles too (%s): extract them with it", pk.rel, strings.Join(articles, ", "))
			f.Diagnostics = []diag.Diagnostic{{File: pk.rel, Severity: diag.Error, Rule: diag.HandoffFiles, Message: f.Err.Error(),
				Hint: "the file is left as it is: run loctool extract for all the articles of the package, to give each its own file"}}
		}
	}
}
