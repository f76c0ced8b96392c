package project

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/check"
	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
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
	for _, l := range langs {
		f, err := p.readObsolete(l)
		if err != nil {
			return nil, nil, err
		}
		stores[l], archives[l] = f, archiveOf(f)
	}
	h, err := p.hints()
	if err != nil {
		return nil, nil, err
	}
	type result struct {
		files    []Extracted
		writes   []Write
		obsolete map[language.Tag][]removed
	}
	results := make([]result, len(articles))
	forEach(len(articles), opts.Progress, func(i int) {
		r := &results[i]
		r.files, r.writes, r.obsolete = p.extractArticle(articles[i], langs, opts.Format, archives, h)
	})

	plan, report := &Plan{}, &ExtractReport{}
	removedBy := map[language.Tag][]removed{}
	for _, r := range results {
		report.Files = append(report.Files, r.files...)
		plan.Writes = append(plan.Writes, r.writes...)
		for l, rs := range r.obsolete {
			removedBy[l] = append(removedBy[l], rs...)
		}
	}
	// The obsolete translations go first: files are renamed into place in
	// the plan's order, so that a run cut short after the handoff files
	// dropped a translation has already saved it.
	var first []Write
	for _, l := range langs {
		if len(removedBy[l]) == 0 {
			continue
		}
		data, err := obsoleteFile(stores[l], removedBy[l])
		if err != nil {
			return nil, nil, err
		}
		first = append(first, Write{Path: p.ObsoletePath(l), Data: data, Why: "obsolete translations"})
	}
	plan.Writes = append(first, plan.Writes...)
	return plan, report, nil
}

// extractArticle computes the handoff files of one article.
func (p *Project) extractArticle(article string, langs []language.Tag, format Format, archives map[language.Tag]archive, h *hinter) ([]Extracted, []Write, map[language.Tag][]removed) {
	var files []Extracted
	var writes []Write
	obsolete := map[language.Tag][]removed{}
	src, err := p.readSource(article)
	for li, lang := range langs {
		f := format
		if f == "" {
			f = p.FormatFor(lang)
		}
		out := Extracted{Article: article, Lang: lang, Path: p.handoffPathIn(article, lang, f)}
		if err != nil {
			out.Err, out.Diagnostics = err, diagnose(article, err)
			files = append(files, out)
			continue
		}
		units := src.units
		if li < len(langs)-1 {
			units = cloneUnits(units) // each language fills its own targets
		}
		old, oldData, err := p.existingHandoff(article, lang, f)
		if err != nil {
			out.Err, out.Diagnostics = err, diagnose(out.Path, err)
			for i := range out.Diagnostics {
				out.Diagnostics[i].Hint = "the file is left as it is, for nothing a translator did to be lost: fix it, or move it away to extract afresh"
			}
			files = append(files, out)
			continue
		}
		c, gone, lost := reconcile(units, old)
		c.Restored = archives[lang].restore(units)
		c.Settled = settleUnits(units)
		c.New -= c.Restored + c.Settled
		for _, s := range gone {
			obsolete[lang] = append(obsolete[lang], removed{article: article, seg: s})
		}
		for _, o := range lost {
			obsolete[lang] = append(obsolete[lang], removed{article: article, seg: o.seg, notes: o.notes})
		}
		out.Carried = c
		for _, u := range units {
			out.Segments += len(u.Segments())
		}
		h.hint(units, p.Source, lang)
		hf := p.fileFor(src, lang, units)
		data, err := encode(hf, f)
		var snap []byte
		if err == nil && f == JSON {
			snap, err = snapshot(hf)
		}
		if err == nil {
			err = p.readable(out.Path, hf, data, snap)
		}
		if err != nil {
			out.Err, out.Diagnostics = err, diagnose(out.Path, err)
			files = append(files, out)
			continue
		}
		// The snapshot first: a run cut short between the two leaves a
		// JSON file that the snapshot's history still reads.
		if snap != nil {
			writes = append(writes, Write{Path: p.sourcePath(article, lang), Data: snap, Why: "source snapshot"})
		}
		// A file that would not change is left out of the plan here, so
		// that a large extraction does not hold every file in memory.
		if !bytes.Equal(data, oldData) {
			writes = append(writes, Write{Path: out.Path, Data: data, Why: "handoff"})
		}
		files = append(files, out)
	}
	return files, writes, obsolete
}

// handoffPathIn is HandoffPath for a given format.
func (p *Project) handoffPathIn(article string, lang language.Tag, f Format) string {
	return path.Join(p.Locales, lang.String(), article) + f.Ext()
}

// existingHandoff reads the handoff file an article has for a language,
// in the format asked for or, when the format changed, in the other one.
// It returns nil when there is none.
func (p *Project) existingHandoff(article string, lang language.Tag, f Format) (*handoff.File, []byte, error) {
	paths := []string{p.handoffPathIn(article, lang, f)}
	for _, other := range []Format{XLIFF12, JSON} {
		if other.Ext() != f.Ext() {
			paths = append(paths, p.handoffPathIn(article, lang, other))
		}
	}
	for i, rel := range paths {
		old, data, err := p.readHandoff(rel, lang)
		if errors.Is(err, errNoHandoff) {
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		if old.Original != article && !strings.HasSuffix(rel, ".json") {
			return nil, nil, fmt.Errorf("%s: its original is %q, not %s: %w", rel, old.Original, article, errOtherArticle)
		}
		if i > 0 {
			data = nil // a file in another format: not the one to write
		}
		return old, data, nil
	}
	return nil, nil, nil
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
