package project

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/i18njson"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/internal/excerpt"
	"github.com/loctool/loctool/internal/parallel"
	"github.com/loctool/loctool/internal/place"
	"github.com/loctool/loctool/xliff"
)

// Missing policies of [MergeOptions].
const (
	// MissingFail refuses an article with untranslated or stale sentences.
	MissingFail = "fail"
	// MissingSource fills them with the source text.
	MissingSource = "source"
)

// MergeOptions are the options of [Project.Merge].
type MergeOptions struct {
	// Handoffs are the handoff files to merge, relative to the project;
	// empty for every handoff file under the locales folder.
	Handoffs []string
	// Out is the folder for merged articles, overriding the
	// configuration's output folder. It may lie outside the project.
	Out string
	// Missing is the policy for sentences without a usable translation:
	// MissingFail (the default) or MissingSource.
	Missing string
	// KeepGoing merges the files that succeed when others fail; without
	// it, nothing is written unless every file succeeds.
	KeepGoing bool
	// Progress, when not nil, is called as each file is done.
	Progress func(done, total int)
	// Output says what becomes of each merged article as it is built:
	// held in the plan (the default), staged beside its place, or only
	// listed.
	Output Output
	// Each, when not nil and KeepGoing is not set, is given the outcome
	// of each file, in order, as it is done, and the report keeps only
	// those that failed, so that a merge of thousands of files does not
	// hold a line for each.
	Each func(Merged)
}

// MergeReport says what a merge found, file by file.
type MergeReport struct {
	Files []Merged
}

// Merged is the outcome for one handoff file.
type Merged struct {
	Handoff string // the handoff file
	Article string
	Lang    language.Tag
	Output  string // the merged article
	Count
	// Diagnostics are the problems found, errors and warnings; every
	// error that made the file fail is among them.
	Diagnostics []diag.Diagnostic
	Err         error // the file could not be merged
	// Skipped is set for a file left out of a merge of every file,
	// because its article no longer exists.
	Skipped bool

	inPack bool          // a <file> of a package
	at     diag.Position // in a package, its <file>
}

// Failed reports whether any file failed.
func (r *MergeReport) Failed() bool {
	for _, f := range r.Files {
		if f.Err != nil {
			return true
		}
	}
	return false
}

// ErrIncomplete marks an article with sentences that have no usable
// translation, under the MissingFail policy.
var ErrIncomplete = errors.New("untranslated sentences")

// Merge computes the localised articles of the returned handoff files.
// Each file's article is read as it is now and every translation checked
// against it: a translation whose source has changed is stale, and is
// not used. When any file fails, the plan is empty: an existing output is
// replaced only when the whole merge succeeds, unless opts.KeepGoing says
// to publish the files that succeed. A merge whose outputs would be
// written over the project's own files is an *OutputError.
func (p *Project) Merge(opts MergeOptions) (*Plan, *MergeReport, error) {
	if opts.Missing == "" {
		opts.Missing = MissingFail
	}
	if opts.Missing != MissingFail && opts.Missing != MissingSource {
		return nil, nil, fmt.Errorf("unknown missing policy %q: use %s or %s", opts.Missing, MissingFail, MissingSource)
	}
	files := opts.Handoffs
	if len(files) == 0 {
		var err error
		if files, err = p.HandoffFiles(); err != nil {
			return nil, nil, err
		}
	}
	articles := sync.OnceValues(p.Articles)
	guard := p.outputGuard()
	// Files go through a few at a time: each article is built, and
	// staged or listed, as its file is done, and the report keeps what
	// is written, not the articles.
	report := &MergeReport{}
	plan := newPlan(p.Root, opts.Output)
	var outputErr error // the first *OutputError
	var failed atomic.Bool
	stream := opts.Each != nil && !opts.KeepGoing
	firsts := outputs{}
	type result struct {
		merged  []Merged // a package gives one for each of its <file>s
		outputs []built
	}
	parallel.Ordered(len(files), func(i int) result {
		ms, data := p.mergeFile(files[i], opts, articles)
		bs := make([]built, len(ms))
		for k, m := range ms {
			if m.Err != nil && !opts.KeepGoing {
				failed.Store(true)
			}
			if m.Skipped || m.Err != nil {
				continue
			}
			w := Write{Path: m.Output, Data: data[k], Why: "merged"}
			output := opts.Output
			if failed.Load() && output == Staged {
				output = Listed // nothing is written: the merge fails
			}
			if bs[k].err = guard.check(w); bs[k].err == nil {
				bs[k] = p.build(output, w)
			}
		}
		return result{ms, bs}
	}, func(i int, r result) {
		for k, m := range r.merged {
			b := r.outputs[k]
			if !m.Skipped && m.Err == nil {
				at := -1 // its place in the report, if it keeps it
				if !stream {
					at = len(report.Files)
				}
				m = firsts.tell(m, at, report, plan, opts.KeepGoing)
				if m.Err != nil && !opts.KeepGoing {
					failed.Store(true)
				}
			}
			// Each article goes in the plan as it is delivered, in
			// order.
			var oe *OutputError
			switch {
			case m.Skipped || m.Err != nil:
			case errors.As(b.err, &oe):
				if outputErr == nil {
					outputErr = b.err
				}
			default:
				plan.putOwn(b)
			}
			if stream {
				opts.Each(m)
			}
			if !stream || m.Err != nil {
				report.Files = append(report.Files, m)
			}
		}
		if opts.Progress != nil {
			opts.Progress(i+1, len(files))
		}
	})
	firsts = nil
	if report.Failed() && !opts.KeepGoing {
		plan.Discard()
		return newPlan(p.Root, opts.Output), report, nil
	}
	if outputErr != nil {
		plan.Discard()
		return nil, nil, outputErr
	}
	return plan, report, nil
}

// outputs tells the files of a merge that would merge into one article
// (see [outputs.tell]): the first file of each article, by the article.
type outputs map[string]firstOutput

// firstOutput is the first file of a merge that merges into an article.
type firstOutput struct {
	handoff string
	at      int32 // its place in the report's files, or -1 when it is not kept there
	inPack  bool
}

// tell returns m, the outcome of a file that merged, failed if an
// earlier file of the merge merges into the same article: two files that
// would merge into one article fail, both (under keepGoing, the first
// too, in report, and the article leaves the plan), and the second says
// so; else m is the first of its article, at place at of the report's
// files, or -1 when the report does not keep it.
func (o outputs) tell(m Merged, at int, report *MergeReport, plan *Plan, keepGoing bool) Merged {
	first, ok := o[m.Output]
	if !ok {
		o[m.Output] = firstOutput{handoff: m.Handoff, at: int32(at), inPack: m.inPack}
		return m
	}
	hint := "merge one of them, or remove the other"
	if first.handoff == m.Handoff || first.inPack || m.inPack {
		hint = "an article has one handoff file for a language: loctool extract carries the translations of a package into each article's own file and removes the package, or take the article's <file> out of the package"
	}
	msg := fmt.Sprintf("%s and %s both merge into %s", first.handoff, m.Handoff, m.Output)
	if keepGoing && first.at >= 0 {
		f := &report.Files[first.at]
		f.Diagnostics = append(f.Diagnostics, diag.Diagnostic{File: first.handoff, Start: f.at, Severity: diag.Error, Rule: diag.HandoffPath, Message: msg, Hint: hint})
		f.Err = errors.New(msg)
		plan.drop(m.Output) // neither is merged
	}
	m.Diagnostics = append(m.Diagnostics, diag.Diagnostic{File: m.Handoff, Start: m.at, Severity: diag.Error, Rule: diag.HandoffPath, Message: msg, Hint: hint})
	m.Err = errors.New(msg)
	return m
}

// HandoffFiles lists the handoff files under the locales folder of the
// target languages, sorted, as slash-separated paths relative to the
// project. The obsolete store is not one of them.
func (p *Project) HandoffFiles() ([]string, error) {
	var out []string
	for _, lang := range p.Targets {
		files, err := p.handoffFilesOf(lang)
		if err != nil {
			return nil, err
		}
		out = append(out, files...)
	}
	sort.Strings(out)
	return out, nil
}

// handoffFilesOf lists the handoff files under the locales folder of a
// language, as HandoffFiles does.
func (p *Project) handoffFilesOf(lang language.Tag) ([]string, error) {
	var out []string
	dir := path.Join(p.Locales, lang.String())
	abs, err := p.confine(dir)
	if err != nil {
		return nil, err
	}
	err = filepath.WalkDir(abs, func(f string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && f == abs {
				return fs.SkipDir
			}
			return err
		}
		if d.IsDir() && d.Name() == ".loctool" {
			return fs.SkipDir
		}
		if d.IsDir() || !IsHandoffFile(f) {
			return nil
		}
		rel, err := Rel(p.Root, f)
		if err != nil {
			return err
		}
		if rel != p.ObsoletePath(lang) {
			// A string of its own: rel is the end of the absolute
			// path, twice as long.
			out = append(out, strings.Clone(rel))
		}
		return nil
	})
	return out, err
}

// mergeFile merges one handoff file: a package (see readPack) gives
// one Merged for each of its <file>s. articles are the project's.
func (p *Project) mergeFile(rel string, opts MergeOptions, articles func() ([]string, error)) ([]Merged, [][]byte) {
	m := Merged{Handoff: rel}
	fail := func(d ...diag.Diagnostic) ([]Merged, [][]byte) {
		m.Diagnostics = append(m.Diagnostics, d...)
		if m.Err == nil {
			m.Err = errors.New(d[len(d)-1].Message)
		}
		return []Merged{m}, [][]byte{nil}
	}
	at := func(pos diag.Position, rule, format string, args ...any) diag.Diagnostic {
		return diag.Diagnostic{File: rel, Start: pos, Severity: diag.Error, Rule: rule, Message: fmt.Sprintf(format, args...)}
	}
	nowhere := diag.Position{}
	article, lang, err := p.ArticleOf(rel)
	if err != nil {
		return fail(at(nowhere, diag.HandoffPath, "%v", err))
	}
	m.Lang = lang
	if !slices.Contains(p.Targets, lang) {
		return fail(at(nowhere, diag.HandoffLanguage, "the file is in the folder of %s, which is not a target language of the project (%s)", lang, tagList(p.Targets)))
	}
	// Translations whose tags do not match are read, to be reported each
	// at its segment below, not the first alone.
	f, data, err := p.readHandoffWith(rel, lang, true)
	if errors.Is(err, errNoHandoff) {
		return fail(at(nowhere, diag.HandoffRead, "the file does not exist"))
	}
	if errors.Is(err, xliff.ErrMultipleFiles) {
		return p.mergePack(rel, lang, opts, articles)
	}
	if err != nil {
		return fail(diagnose(rel, err)...)
	}
	all, err := articles()
	if err != nil {
		return fail(at(nowhere, diag.HandoffRead, "%v", err))
	}
	origAt := find(data, "original=")
	switch fits, exact := originalFits(f.Original, article, all); {
	case fits && !exact:
		// A tool's own path, C:\Users\Ann\Projects\news\a.txt.
		m.Diagnostics = append(m.Diagnostics, diag.Diagnostic{File: rel, Start: origAt, Severity: diag.Warning, Rule: diag.HandoffOriginal,
			Message: fmt.Sprintf("the file says it is for %s, which is no article of the project: taken for %s, the article of its place", quoteOriginal(f.Original), article)})
	case fits:
	default:
		other, _ := namedArticle(f.Original, all)
		if other == "" {
			if _, err := p.confine(f.Original); err != nil {
				d := at(origAt, diag.HandoffOriginal, "the article the file is for, original=%q, is not a path in the project: %v", f.Original, err)
				d.Hint = "original must name the article relative to the project, as loctool extract wrote it; nothing is written"
				return fail(d)
			}
			other = path.Clean(f.Original)
		}
		d := at(origAt, diag.HandoffOriginal, "the file says it is for %s, but it is in the place of the handoff file of %s", other, article)
		d.Hint = fmt.Sprintf("the handoff file of %s in %s is %s: move it there", other, lang, path.Join(p.Locales, lang.String(), other)+path.Ext(rel))
		return fail(d)
	}
	m.Article = article
	merged, out := p.mergeInto(m, f, origAt, opts, len(opts.Handoffs) == 0)
	return []Merged{merged}, [][]byte{out}
}

// mergePack merges each <file> of the package rel that is an article's
// translation, and fails each that is not.
func (p *Project) mergePack(rel string, lang language.Tag, opts MergeOptions, articles func() ([]string, error)) ([]Merged, [][]byte) {
	m := Merged{Handoff: rel, Lang: lang}
	fail := func(ds ...diag.Diagnostic) ([]Merged, [][]byte) {
		m.Diagnostics, m.Err = ds, errors.New(ds[len(ds)-1].Message)
		return []Merged{m}, [][]byte{nil}
	}
	all, err := articles()
	if err != nil {
		return fail(diag.Diagnostic{File: rel, Severity: diag.Error, Rule: diag.HandoffRead, Message: err.Error()})
	}
	data, err := p.readHandoffBytes(rel)
	var pk *pack
	if err == nil {
		pk, err = p.readPack(rel, data, lang, true, all)
	}
	if err == nil && pk == nil {
		err = errors.New("the file changed while it was read")
	}
	if err != nil {
		return fail(diagnose(rel, err)...)
	}
	var out []Merged
	var outData [][]byte
	problems := map[diag.Position]diag.Diagnostic{}
	for _, d := range pk.problems {
		problems[d.Start] = d
	}
	for i, pf := range pk.files {
		fm := Merged{Handoff: rel, Lang: lang, Article: pf.article, inPack: true, at: pf.at}
		if i == 0 {
			fm.Diagnostics = append(fm.Diagnostics, pk.warnings...)
		}
		if d, bad := problems[pf.at]; bad {
			fm.Diagnostics, fm.Err = append(fm.Diagnostics, d), errors.New(d.Message)
			out, outData = append(out, fm), append(outData, nil)
			continue
		}
		// An article gone is one the project no longer has: named by
		// none, it is a problem above.
		merged, b := p.mergeInto(fm, pf.file, pf.at, opts, false)
		out, outData = append(out, merged), append(outData, b)
	}
	return out, outData
}

// mergeInto merges f, read from m.Handoff, into m.Article, for m.Lang.
// origAt is the place of the file's original; an article that does not
// exist is skipped, with a warning, when skipGone is set.
func (p *Project) mergeInto(m Merged, f *handoff.File, origAt diag.Position, opts MergeOptions, skipGone bool) (Merged, []byte) {
	rel, lang := m.Handoff, m.Lang
	fail := func(d ...diag.Diagnostic) (Merged, []byte) {
		m.Diagnostics = append(m.Diagnostics, d...)
		if m.Err == nil {
			m.Err = errors.New(d[len(d)-1].Message)
		}
		return m, nil
	}
	at := func(pos diag.Position, rule, format string, args ...any) diag.Diagnostic {
		return diag.Diagnostic{File: rel, Start: pos, Severity: diag.Error, Rule: rule, Message: fmt.Sprintf(format, args...)}
	}
	nowhere := diag.Position{}
	out := p.OutputPath(m.Article, lang)
	if opts.Out != "" {
		out = filepath.Join(opts.Out, lang.String(), filepath.FromSlash(m.Article))
	}
	m.Output = out
	src, err := p.readArticle(m.Article)
	if errors.Is(err, fs.ErrNotExist) {
		d := at(origAt, diag.HandoffArticle, "its article, %s, does not exist", m.Article)
		d.Hint = "the translations stay in this file; when the article is gone for good, move the file out of the locales folder"
		if skipGone {
			// Merging everything: an article taken down is no failure.
			d.Severity, d.Message = diag.Warning, d.Message+": the file is left out"
			m.Diagnostics, m.Skipped = append(m.Diagnostics, d), true
			return m, nil
		}
		return fail(d)
	}
	if err == nil {
		err = p.unitsFor(src, f)
	}
	if err != nil {
		return fail(at(origAt, diag.HandoffArticle, "the file's article cannot be read: %v", err))
	}
	sentences, left := match(src.units, f, p.sourceConcepts)
	settle(sentences)
	severity := diag.Error
	if opts.Missing == MissingSource {
		severity = diag.Warning
	}
	var incomplete int
	for _, s := range sentences {
		m.count(s.readiness, s.seg)
		// In the handoff file, at the segment that stands for the
		// sentence, named as the file names it.
		d := diag.Diagnostic{File: rel, Start: diag.Position{Line: s.seg.Line, Col: s.seg.Col}, Severity: severity, Unit: s.unit.ID, Segment: s.seg.ID}
		if s.old != nil {
			d.Start, d.Unit, d.Segment = diag.Position{Line: s.old.Line, Col: s.old.Col}, s.oldUnit.ID, s.old.ID
		}
		name := d.Unit + "." + d.Segment
		if s.whole {
			name = "paragraph " + d.Unit
			if d.Unit != s.unit.ID {
				name += " (now " + s.unit.ID + ")"
			}
		}
		report := s.first() // a paragraph's translation, once
		switch {
		case !report:
			if s.readiness == Stale || s.readiness == Review || s.readiness == Missing && s.codes == nil {
				incomplete++
			}
			continue
		case s.codes != nil && s.whole:
			d.Severity, d.Rule = diag.Error, diag.TargetCodes
			d.Message = fmt.Sprintf("trans-unit %s, the translation of the whole paragraph: the target's inline codes do not match the source's: %v", d.Unit, s.codes)
			d.Hint = "each code of the paragraph comes back in its translation as often as the paragraph has it"
		case s.codes != nil:
			d.Severity, d.Rule = diag.Error, diag.TargetCodes
			d.Message = fmt.Sprintf("trans-unit %s, segment %s: the target's inline codes do not match the source's: %v", d.Unit, d.Segment, s.codes)
			d.Hint = "each code of the source comes back in the target as often as the source has it, and may move within the sentence"
		case s.readiness == Stale:
			d.Rule = diag.TargetStale
			was, now := excerpt.Difference(s.old.Source.Tagged(), s.source().Tagged())
			d.Message = fmt.Sprintf("segment %s is stale: it was translated from %q, and the article now says %q", name, was, now)
			d.Hint = "run loctool extract: it keeps the old translation on the changed sentence, marked for review"
			if s.whole {
				d.Message = fmt.Sprintf("the translation of %s is stale: it was translated from %q, and the article now says %q", name, was, now)
				d.Hint = "run loctool extract: it keeps the old translation on the changed paragraph, marked for review"
			}
			incomplete++
		case s.readiness == Review:
			d.Rule = diag.TargetReview
			what := "segment " + name
			if s.whole {
				what = "the translation of " + name
			}
			d.Message = fmt.Sprintf("%s needs review: its translation is marked for review; the sentence is %q", what, excerpt.Short(s.seg.Source.PlainText()))
			if s.whole {
				d.Message = fmt.Sprintf("%s needs review: its translation is marked for review; the paragraph is %q", what, excerpt.Short(s.source().PlainText()))
			}
			d.Hint = "check the translation and mark it translated: state=\"translated\" in XLIFF, or a new text in JSON"
			if w := s.old.Was; w != "" && w != s.source().Tagged() {
				was, now := excerpt.Difference(w, s.source().Tagged())
				d.Message = fmt.Sprintf("%s needs review: it was translated from %q, and the article now says %q", what, was, now)
			} else if i18njson.HasExtension(rel) {
				// The reader holds a new text whose hash it cannot tie
				// to a source: the sentence may be the same.
				d.Message = fmt.Sprintf("segment %s needs review: the message's hash is not one loctool knows for the sentence %q, so loctool cannot tell which sentence the translation was made for; the hash may have been rewritten by a tool", name, excerpt.Short(s.seg.Source.PlainText()))
				d.Hint = `check the translation; if it is of the sentence as it is, delete the message's "hash" line and merge again`
			}
			incomplete++
		case s.readiness == Missing:
			incomplete++
			if severity != diag.Error {
				continue
			}
			d.Rule = diag.TargetMissing
			d.Message = fmt.Sprintf("segment %s is not translated: %q", name, excerpt.Short(s.source().PlainText()))
		default:
			continue
		}
		m.Diagnostics = append(m.Diagnostics, d)
	}
	for _, o := range left {
		m.Diagnostics = append(m.Diagnostics, diag.Diagnostic{File: rel, Start: diag.Position{Line: o.Line, Col: o.Col}, Severity: diag.Warning, Rule: diag.TargetUnused,
			Message: fmt.Sprintf("the translation of %q is not used: the sentence is no longer in %s", excerpt.Short(o.Source.PlainText()), m.Article)})
	}
	ordered, orderErrs := orders(rel, sentences)
	m.Diagnostics = append(m.Diagnostics, orderErrs...)
	if n := len(orderErrs); n > 0 {
		return fail(at(nowhere, diag.TargetOrder, "%d %s put in an order that no longer fits %s: the paragraph has changed since", n, plural(n, "translation is", "translations are"), plural(n, "its paragraph", "their paragraphs")))
	}
	if codes := countRule(m.Diagnostics, diag.TargetCodes); codes > 0 {
		return fail(at(nowhere, diag.TargetCodes, "%d %s tags that do not match the source's: fix them in the handoff file", codes, plural(codes, "translation has", "translations have")))
	}
	if incomplete > 0 && opts.Missing == MissingFail {
		m.Err = ErrIncomplete
		d := at(nowhere, diag.TargetMissing, "%d of %d %s %s no usable translation", incomplete, len(sentences), plural(len(sentences), "sentence", "sentences"), plural(incomplete, "has", "have"))
		d.Hint = "translate them, or merge with --missing=source to use the source text"
		return fail(d)
	}
	bySeg := make(map[*handoff.Segment]matched, len(sentences))
	for _, s := range sentences {
		bySeg[s.seg] = s
	}
	targets := make(map[string]inline.Content, len(src.units))
	for _, u := range src.units {
		if segs := u.Segments(); len(segs) > 0 && bySeg[segs[0]].whole && bySeg[segs[0]].readiness == Done {
			s := bySeg[segs[0]]
			targets[u.ID] = s.target // the paragraph's translation
			continue
		}
		// The unit as it is published, each sentence with its
		// translation or its source, in the order the translator gave
		// them.
		pub := &handoff.Unit{Parts: make([]handoff.Part, len(u.Parts))}
		for k, part := range u.Parts {
			pub.Parts[k] = part
			if part.Segment == nil {
				continue
			}
			s := bySeg[part.Segment]
			ps := &handoff.Segment{ID: part.Segment.ID, Source: part.Segment.Source, Target: part.Segment.Source}
			if s.target != nil && s.readiness == Done {
				ps.Target, ps.Order = s.target, ordered[s.seg]
			}
			pub.Parts[k].Segment = ps
		}
		// An order that moved a translation to the place of a sentence
		// published in its source no longer makes one: each in its place.
		pub.SettleOrder()
		targets[u.ID] = handoff.Join(pub.Ordered(), func(s *handoff.Segment) inline.Content { return s.Target })
	}
	merged, err := src.doc.RenderIn(lang.String(), targets)
	if err != nil {
		return fail(at(nowhere, diag.HandoffRead, "cannot build %s: %v", m.Article, err))
	}
	return m, merged
}

// plural returns one when n is 1, and many otherwise.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// find returns the place of the first s in data, or an unknown place.
func find(data []byte, s string) diag.Position {
	i := bytes.Index(data, []byte(s))
	if i < 0 {
		return diag.Position{}
	}
	line, col := place.Of(string(data[:i]), i) // not a copy of the whole file
	return diag.Position{Line: line, Col: col}
}

func countRule(ds []diag.Diagnostic, rule string) int {
	n := 0
	for _, d := range ds {
		if d.Rule == rule {
			n++
		}
	}
	return n
}

func tagList(tags []language.Tag) string {
	s := make([]string, len(tags))
	for i, t := range tags {
		s[i] = t.String()
	}
	return strings.Join(s, ", ")
}

// orders returns the order (XLIFF 2's) each sentence's translation takes
// in its paragraph, where the translator moved it: the paragraph is the
// one the translator reordered, each sentence paired, unchanged, in its
// place. A moved translation in a paragraph that has changed since is an
// error: its place cannot be told.
func orders(rel string, sentences []matched) (map[*handoff.Segment]int, []diag.Diagnostic) {
	out := map[*handoff.Segment]int{}
	var errs []diag.Diagnostic
	for i := 0; i < len(sentences); {
		j := i
		for j < len(sentences) && sentences[j].unit == sentences[i].unit {
			j++
		}
		unit := sentences[i:j]
		i = j
		moved := slices.ContainsFunc(unit, func(m matched) bool { return m.old != nil && m.old.Order > 0 })
		if !moved {
			continue
		}
		pairs := make([]pair, len(unit))
		for k, m := range unit {
			pairs[k] = m.pair
		}
		if sameParagraph(pairs) {
			for _, m := range unit {
				out[m.seg] = m.old.Order
			}
			continue
		}
		for _, m := range unit {
			if m.old != nil && m.old.Order > 0 {
				errs = append(errs, diag.Diagnostic{File: rel, Start: diag.Position{Line: m.old.Line, Col: m.old.Col}, Severity: diag.Error,
					Rule: diag.TargetOrder, Unit: m.oldUnit.ID, Segment: m.old.ID,
					Message: fmt.Sprintf("segment %s.%s: its translation was moved to place %d of its paragraph, which has changed since", m.oldUnit.ID, m.old.ID, m.old.Order),
					Hint:    "run loctool extract, and put the paragraph's translation in order again"})
			}
		}
	}
	return out, errs
}
