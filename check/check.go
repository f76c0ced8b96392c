// Package check is loctool's rules: the spelling check of articles
// against the transliteration glossary, and the QA of translations.
//
// In articles, a variant or forbidden spelling of a concept is an error
// (spelling.variant), with the edit that writes the preferred spelling,
// and a name the articles spell two ways that no glossary entry covers is
// a warning (spelling.inconsistent); a word that mixes Latin and
// Cyrillic letters is an error (spelling.mixed-script), with the edit
// that writes it in one script; see [Sources]. In handoff files,
// each translation is checked against its source, and the translations
// against each other; see [Checker]. Every finding is a
// [diag.Diagnostic] of a rule of [diag.Rules].
package check

import (
	"errors"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"golang.org/x/text/language"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/document"
	"github.com/loctool/loctool/glossary"
	"github.com/loctool/loctool/internal/parallel"
)

// Options are the options of [Sources].
type Options struct {
	// Glossary may be nil: only names spelt two ways are then reported.
	Glossary *glossary.Glossary
	// Load, when set, gives the glossary in Glossary's place: Sources
	// reads the articles while it runs, and returns its error.
	Load func() (*glossary.Glossary, error)
	// Lang is the articles' language (default English).
	Lang language.Tag
	// Fixes gives each finding of Sources the edits that fix it, which
	// Fix makes.
	Fixes bool
	// Article are the options the articles are parsed with: how deep
	// they may nest. Titles are always read.
	Article document.Options
	// NoConsistency has a [Checker] keep nothing of the files it checks
	// for [Checker.Consistency], which then finds nothing: for a caller
	// that counts each file's findings alone, in memory that does not
	// grow with the files.
	NoConsistency bool
}

// Sources checks articles: the spellings of the glossary's concepts in
// their text, and the names they spell two ways. The findings are in
// order of file and place.
func Sources(sources []Source, opts Options) ([]diag.Diagnostic, error) {
	found, clusters, names, err := scan(sources, opts)
	if err != nil {
		return nil, err
	}
	defer names.Close()
	err = eachInconsistent(clusters, func(d diag.Diagnostic) bool {
		found.add(d)
		return true
	})
	if err != nil {
		return nil, err
	}
	return found.sorted(compareFindings), nil
}

// eachInconsistent calls yield with the spelling.inconsistent findings
// of clusters, in order of file and place, until it returns false: each
// made when its turn comes, where a corpus of 100,000 articles has
// millions. An error is one of reading back the places of the names.
func eachInconsistent(clusters []glossary.CompactCluster, yield func(diag.Diagnostic) bool) error {
	type spelled struct{ text, msg, suggestion string }
	var all []glossary.CompactSpelled
	var about []spelled
	for _, c := range clusters {
		var spellings []string
		for _, s := range c.Spellings {
			spellings = append(spellings, s.Text)
		}
		for i, s := range c.Spellings {
			others := slices.Delete(slices.Clone(spellings), i, i+1)
			msg := fmt.Sprintf("%q and %s look like one name (%s), and no glossary entry says which is right", s.Text, quoteList(others), placesOf(c, i))
			all = append(all, s)
			about = append(about, spelled{s.Text, msg, spellings[0]})
		}
	}
	return glossary.EachPlace(all, func(k int, p glossary.Pos) bool {
		return yield(diag.Diagnostic{
			File: p.File, Start: diag.Position{Line: p.Line, Col: p.Col}, Severity: diag.Warning, Rule: diag.SpellingInconsistent,
			Message: about[k].msg, Found: about[k].text, Suggestion: about[k].suggestion,
		})
	})
}

// sorted returns the findings in order of file and place, then by cmp,
// and those it finds equal in the order they were added. Each finding
// is copied once, into its file's stretch of the result, and the files
// are sorted on every core, where sorting the findings themselves would
// compare the names of their files and move each many times.
func (fs *findings) sorted(cmp func(a, b *diag.Diagnostic) int) []diag.Diagnostic {
	type key struct {
		line, col, seq int32
		d              *diag.Diagnostic
	}
	byFile := map[string][]key{}
	for _, chunk := range fs.chunks {
		for i := range chunk {
			d := &chunk[i]
			if len(byFile) == 0 {
				// Most findings are an article's, all of one file.
				byFile[d.File] = make([]key, 0, fs.n)
			}
			byFile[d.File] = append(byFile[d.File], key{int32(d.Start.Line), int32(d.Start.Col), 0, d})
		}
	}
	files := slices.Sorted(maps.Keys(byFile))
	starts := make([]int, len(files)) // where each file's findings start in out
	n := 0
	for i, f := range files {
		starts[i] = n
		n += len(byFile[f])
	}
	out := make([]diag.Diagnostic, n)
	each := parallel.Each
	if len(files) == 1 {
		each = func(_ int, f func(int)) { f(0) }
	}
	each(len(files), func(i int) {
		keys := byFile[files[i]]
		for k := range keys {
			keys[k].seq = int32(k)
		}
		slices.SortFunc(keys, func(a, b key) int {
			switch {
			case a.line != b.line:
				return int(a.line - b.line)
			case a.col != b.col:
				return int(a.col - b.col)
			}
			if c := cmp(a.d, b.d); c != 0 {
				return c
			}
			return int(a.seq - b.seq)
		})
		for k, key := range keys {
			out[starts[i]+k] = *key.d
		}
	})
	return out
}

// Sort puts findings in order of file and place, keeping the order of
// those at one place.
func Sort(findings []diag.Diagnostic) {
	slices.SortStableFunc(findings, func(a, b diag.Diagnostic) int { return ComparePlaces(&a, &b) })
}

// ComparePlaces orders findings by file and place.
func ComparePlaces(a, b *diag.Diagnostic) int {
	if a.File != b.File {
		return strings.Compare(a.File, b.File)
	}
	if a.Start.Line != b.Start.Line {
		return a.Start.Line - b.Start.Line
	}
	return a.Start.Col - b.Start.Col
}

// compareFindings orders findings by file and place, then by rule and
// message.
func compareFindings(a, b *diag.Diagnostic) int {
	if c := ComparePlaces(a, b); c != 0 {
		return c
	}
	if a.Rule != b.Rule {
		return strings.Compare(a.Rule, b.Rule)
	}
	return strings.Compare(a.Message, b.Message)
}

// scan finds the glossary's variant spellings in the articles, and the
// names they spell more than one way that the glossary does not cover,
// with an [Articles] on every core, and the names found, to be closed.
// One article whose Read fails stops the scan.
func scan(sources []Source, opts Options) (findings, []glossary.CompactCluster, *glossary.Spellings, error) {
	a := NewArticles(opts)
	ahead := a.Ahead(len(sources), func(k int) Source { return sources[k] })
	each := make([][]diag.Diagnostic, len(sources))
	errs := make([]error, len(sources))
	parallel.Each(len(sources), func(i int) {
		if i < len(ahead) {
			each[i], errs[i] = a.Finish(ahead[i])
			ahead[i] = nil // let go
		} else {
			each[i], errs[i] = a.Check(sources[i])
		}
	})
	if <-a.built; a.loadErr != nil {
		a.Close()
		return findings{}, nil, nil, a.loadErr
	}
	if err := errors.Join(errs...); err != nil {
		a.Close()
		return findings{}, nil, nil, err
	}
	clusters, err := a.clusters()
	if err != nil {
		a.Close()
		return findings{}, nil, nil, err
	}
	var all findings
	for _, fs := range each {
		all.add(fs...)
	}
	return all, clusters, a.all[0].names, nil
}

// Articles checks articles one at a time, as [Sources] does, so that a
// caller can give each article's findings as soon as it is checked:
// [Articles.Check] gives the findings of an article, and
// [Articles.Inconsistent], once every article is checked, the names
// they spell two ways. Check may be called on several goroutines.
type Articles struct {
	opts    Options
	m       *glossary.Matcher
	loadErr error
	built   chan struct{} // closed when m and loadErr are set
	workers chan *worker  // what the goroutines in Check have found, one each
	all     []*worker
}

// NewArticles returns a checker of articles, and starts loading the
// glossary (Options.Load) and building its matcher: articles are read
// and parsed meanwhile.
func NewArticles(opts Options) *Articles {
	if opts.Lang == language.Und {
		opts.Lang = language.English
	}
	a := &Articles{opts: opts, built: make(chan struct{}), workers: make(chan *worker, runtime.GOMAXPROCS(0))}
	for range cap(a.workers) {
		wk := &worker{names: glossary.NewSpellings(), covered: map[string]bool{}}
		a.all = append(a.all, wk)
		a.workers <- wk
	}
	go func() {
		defer close(a.built)
		g := opts.Glossary
		if opts.Load != nil {
			if g, a.loadErr = opts.Load(); a.loadErr != nil {
				return
			}
		}
		if g != nil {
			a.m = glossary.NewMatcher(g, opts.Lang)
		}
	}()
	return a
}

// Check checks an article, and returns its findings in order of place,
// then of rule and message. An article that cannot be parsed is a
// finding; an error is the glossary's that could not be loaded, or
// Read's.
func (a *Articles) Check(src Source) ([]diag.Diagnostic, error) {
	return a.Finish(a.Parse(src))
}

// Parsed is an article read and parsed, its names noted and its words
// that mix scripts found: what [Articles.Check] does before it needs
// the glossary. [Articles.Finish] does the rest.
type Parsed struct {
	art   *article // nil if it cannot be parsed
	found findings
	err   error // Read's
}

// Parse reads and parses an article, notes its names and finds its
// words that mix scripts, without waiting for the glossary.
func (a *Articles) Parse(src Source) *Parsed {
	p := &Parsed{}
	if src.Read != nil {
		if src.Text, p.err = src.Read(); p.err != nil {
			return p
		}
	}
	art, problems := readArticle(src, a.opts.Article)
	p.found.add(problems...)
	if art == nil {
		return p
	}
	p.art = art
	wk := <-a.workers
	for b, text := range art.texts {
		wk.names.AddAt(art.src.Path, text, art.at(b))
		for _, m := range glossary.MixedWords(text) {
			p.found.add(mixedFinding(art, b, m, a.opts))
		}
	}
	a.workers <- wk
	return p
}

// Finish checks an article parsed against the glossary, once its
// matcher is built, and returns the article's findings as Check does.
func (a *Articles) Finish(p *Parsed) ([]diag.Diagnostic, error) {
	if p.err != nil {
		return nil, p.err
	}
	found, art := p.found, p.art
	if art == nil {
		return found.sorted(compareFindings), nil
	}
	<-a.built
	if a.loadErr != nil {
		return nil, a.loadErr
	}
	if a.m != nil {
		var covered []string
		for b, text := range art.texts {
			for _, match := range a.m.Find(text) {
				f := text[match.Start:match.End]
				covered = append(covered, strings.ToLower(f))
				for _, w := range strings.FieldsFunc(f, notLetter) {
					covered = append(covered, strings.ToLower(w))
				}
				if match.Role == glossary.Forbidden || match.Role == glossary.Generated {
					found.add(variantFinding(art, b, match, a.opts))
				}
			}
		}
		if len(covered) > 0 {
			wk := <-a.workers
			for _, c := range covered {
				wk.cover(c)
			}
			a.workers <- wk
		}
	}
	return found.sorted(compareFindings), nil
}

// Ahead parses articles, on every core, while the glossary loads and its
// matcher is built, so that no core waits for them: source(k) is the
// k-th of n articles in the order they are to be checked. It stops when
// the matcher is built, or when the articles parsed hold aheadBytes of
// text per core, and returns those parsed: the first of the n, each to
// be given to [Articles.Finish] in place of [Articles.Check].
func (a *Articles) Ahead(n int, source func(k int) Source) []*Parsed {
	var (
		next, held atomic.Int64
		mu         sync.Mutex
		parsed     = map[int]*Parsed{}
		budget     = int64(aheadBytes * runtime.GOMAXPROCS(0))
	)
	ready := func() bool {
		select {
		case <-a.built:
			return true
		default:
			return false
		}
	}
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for !ready() && held.Load() < budget {
				k := int(next.Add(1) - 1)
				if k >= n {
					return
				}
				p := a.Parse(source(k))
				if p.art != nil {
					held.Add(int64(len(p.art.src.Text)))
				}
				mu.Lock()
				parsed[k] = p
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	// Every article taken is parsed: they are the first.
	out := make([]*Parsed, len(parsed))
	for k, p := range parsed {
		out[k] = p
	}
	return out
}

// aheadBytes bounds the text of the articles [Articles.Ahead] holds per
// core while the glossary loads.
const aheadBytes = 4 << 20

// clusters returns the names the articles checked spell more than one
// way that the glossary does not cover. It is called once, when every
// article is checked.
func (a *Articles) clusters() ([]glossary.CompactCluster, error) {
	<-a.built
	if a.loadErr != nil {
		return nil, a.loadErr
	}
	names, covered := a.all[0].names, a.all[0].covered
	for _, wk := range a.all[1:] {
		names.Merge(wk.names)
		maps.Copy(covered, wk.covered)
	}
	clusters, err := names.Clusters()
	if err != nil {
		return nil, err
	}
	return uncovered(clusters, covered), nil
}

// Close removes the temporary files of the names of the articles
// checked (see [glossary.NewSpellings]).
func (a *Articles) Close() error {
	var errs []error
	for _, wk := range a.all {
		errs = append(errs, wk.names.Close())
	}
	return errors.Join(errs...)
}

// EachInconsistent calls yield with the spelling.inconsistent findings
// of the articles checked, in order of file and place, until it returns
// false: it is called once, when every article is checked, and makes
// each finding only when its turn comes.
func (a *Articles) EachInconsistent(yield func(diag.Diagnostic) bool) error {
	clusters, err := a.clusters()
	if err != nil {
		return err
	}
	return eachInconsistent(clusters, yield)
}

// worker is what one goroutine of [Articles.Check] has found at a time.
type worker struct {
	names   *glossary.Spellings
	covered map[string]bool // spellings of glossary concepts, in lower case
}

// cover notes a spelling of a glossary concept, in lower case, as a
// string of its own: a piece of an article's text would keep all of it.
func (wk *worker) cover(spelling string) {
	if !wk.covered[spelling] {
		wk.covered[strings.Clone(spelling)] = true
	}
}

// findings are the findings of a worker of scan, in chunks that are
// never copied as more are added: a check can find 100,000 things.
// The chunks hold 8, 16, 32 and so on, up to 256 findings each.
type findings struct {
	chunks [][]diag.Diagnostic
	n      int
}

func (fs *findings) add(ds ...diag.Diagnostic) {
	for _, d := range ds {
		if len(fs.chunks) == 0 || len(fs.chunks[len(fs.chunks)-1]) == cap(fs.chunks[len(fs.chunks)-1]) {
			// Most articles have a few findings: the chunks start small.
			fs.chunks = append(fs.chunks, make([]diag.Diagnostic, 0, 8<<min(len(fs.chunks), 5)))
		}
		last := &fs.chunks[len(fs.chunks)-1]
		*last = append(*last, d)
		fs.n++
	}
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) }

// uncovered returns the clusters none of whose spellings is covered.
func uncovered(clusters []glossary.CompactCluster, covered map[string]bool) []glossary.CompactCluster {
	return slices.DeleteFunc(clusters, func(c glossary.CompactCluster) bool {
		return slices.ContainsFunc(c.Spellings, func(s glossary.CompactSpelled) bool { return covered[strings.ToLower(s.Text)] })
	})
}

// Clusters returns the names the articles spell more than one way that
// the glossary, which may be nil, does not cover.
func Clusters(sources []Source, g *glossary.Glossary, lang language.Tag) ([]glossary.Cluster, error) {
	_, clusters, names, err := scan(sources, Options{Glossary: g, Lang: lang})
	if err != nil {
		return nil, err
	}
	defer names.Close()
	return glossary.Expand(clusters)
}

// variantFinding reports a forbidden or generated spelling in block b of
// an article, and, when asked, the edits that write the preferred
// spelling over it.
func variantFinding(a *article, b int, m glossary.Match, opts Options) diag.Diagnostic {
	// The findings outlive the article: what they quote is copied.
	f := variant(strings.Clone(a.texts[b][m.Start:m.End]), m, opts.Lang)
	f.File = a.src.Path
	f.Start, f.End = a.place(b, m.Start, m.End)
	if glossary.HasMixedWord(f.Suggestion) {
		f.Hint = fmt.Sprintf("%q, the glossary's spelling, mixes Latin and Cyrillic letters: correct the glossary; --fix does not write it", f.Suggestion)
		f.Suggestion = ""
	}
	if f.Suggestion != "" && opts.Fixes {
		if edits := a.edits(b, m.Start, m.End, f.Suggestion, true); edits != nil {
			f.Fixes = []diag.Fix{{Message: fmt.Sprintf("write %q", f.Suggestion), Edits: edits}}
		}
	}
	return f
}

// mixedFinding reports a word of block b of an article that mixes
// Latin and Cyrillic letters, and, when asked and there is one, the edit
// that writes it in one script.
func mixedFinding(a *article, b int, m glossary.MixedWord, opts Options) diag.Diagnostic {
	f := diag.Diagnostic{File: a.src.Path, Severity: diag.Error, Rule: diag.SpellingMixedScript, Found: strings.Clone(m.Word),
		Message: mixedMessage(m), Hint: m.Advice()}
	f.Start, f.End = a.place(b, m.Start, m.End)
	if m.Fixable() {
		f.Suggestion = m.Suggestion
		if opts.Fixes {
			if e, ok := a.edit(b, m.Start, m.End, m.Suggestion); ok {
				f.Fixes = []diag.Fix{{Message: fmt.Sprintf("write %q", m.Suggestion), Edits: []diag.Edit{e}}}
			}
		}
	}
	return f
}

func mixedMessage(m glossary.MixedWord) string {
	return fmt.Sprintf("%q mixes Latin and Cyrillic letters: %s", m.Word, m.Problem())
}

// variant is the finding of a forbidden or generated spelling, found, of
// a concept in a language, without its place.
func variant(found string, m glossary.Match, lang language.Tag) diag.Diagnostic {
	preferred := ""
	if t := m.Concept.Terms[lang]; t != nil {
		preferred = t.Preferred
	}
	f := diag.Diagnostic{Severity: diag.Error, Rule: diag.SpellingVariant, Found: found, Concept: m.Concept.ID}
	if preferred != "" {
		f.Suggestion = caseLike(preferred, found)
		f.Hint = fmt.Sprintf("write %q", f.Suggestion)
	}
	switch {
	case preferred == "":
		f.Message = fmt.Sprintf("%q is a %s spelling of concept %s, which has no preferred %s spelling", found, m.Role, m.Concept.ID, lang)
	case m.Role == glossary.Forbidden:
		f.Message = fmt.Sprintf("%q is a forbidden spelling of %q (concept %s)", found, preferred, m.Concept.ID)
	default:
		f.Message = fmt.Sprintf("%q is a variant of %q (concept %s)", found, preferred, m.Concept.ID)
	}
	return f
}

// caseLike writes the preferred spelling in capitals when the text
// found is in capitals, as headlines are.
func caseLike(preferred, found string) string {
	if strings.ToUpper(found) == found && strings.ToLower(found) != found {
		return strings.ToUpper(preferred)
	}
	return preferred
}

func quoteList(s []string) string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}

// placesOf says where the other spellings of a cluster are.
func placesOf(c glossary.CompactCluster, except int) string {
	var parts []string
	for i, s := range c.Spellings {
		if i == except {
			continue
		}
		const most = 3
		var at []string
		for k := range min(most, s.Len()) {
			p := s.Place(k)
			at = append(at, fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col))
		}
		if s.Len() > most {
			at = append(at, fmt.Sprintf("and %d more", s.Len()-most))
		}
		parts = append(parts, fmt.Sprintf("%s at %s", s.Text, strings.Join(at, ", ")))
	}
	return strings.Join(parts, "; ")
}

// CheckPatterns reports a pattern of rules (an ID, or a path.Match
// pattern such as target.*) that matches none of the check's rules.
func CheckPatterns(patterns []string) error {
	for _, p := range patterns {
		if !slices.ContainsFunc(diag.SettableIDs(), func(id string) bool { return diag.Match(p, id) }) {
			return fmt.Errorf("--rules: %q is no rule, nor a pattern of rules", p)
		}
	}
	return nil
}

// Select keeps the findings of the rules that match one of the patterns,
// and those of handoff files and articles that cannot be read, which no
// rule could check. It returns an error for a pattern that matches no
// rule.
func Select(findings []diag.Diagnostic, patterns []string) ([]diag.Diagnostic, error) {
	if len(patterns) == 0 {
		return findings, nil
	}
	if err := CheckPatterns(patterns); err != nil {
		return nil, err
	}
	return slices.DeleteFunc(findings, func(f diag.Diagnostic) bool {
		if r, ok := diag.Lookup(f.Rule); !ok || !r.Settable() {
			return false
		}
		return !slices.ContainsFunc(patterns, func(p string) bool { return diag.Match(p, f.Rule) })
	}), nil
}

// Ignore silences the findings that match all it gives: a rule, a file
// (a glob pattern, ** for any folders), and the text found.
type Ignore struct {
	Rule, File, Found string
}

func (ig Ignore) matches(f diag.Diagnostic) bool {
	if ig.Rule != "" && ig.Rule != f.Rule {
		return false
	}
	if ig.Found != "" && !strings.EqualFold(ig.Found, f.Found) {
		return false
	}
	if ig.File != "" {
		if ok, err := doublestar.Match(ig.File, f.File); err != nil || !ok {
			return false
		}
	}
	return true
}

// Settings are a project's settings of the check.
type Settings struct {
	// Severity changes the severity of rules: "error", "warning", "info",
	// or "off" for none of its findings.
	Severity map[string]string
	Ignore   []Ignore
}

// Apply gives findings the severities of the settings, and leaves out
// those the settings silence.
func (s Settings) Apply(findings []diag.Diagnostic) []diag.Diagnostic {
	if len(s.Severity) == 0 && len(s.Ignore) == 0 {
		return findings
	}
	out := make([]diag.Diagnostic, 0, len(findings))
	for _, f := range findings {
		if sev, ok := s.Severity[f.Rule]; ok {
			if sev == "off" {
				continue
			}
			f.Severity = diag.Severity(sev)
		}
		if slices.ContainsFunc(s.Ignore, func(ig Ignore) bool { return ig.matches(f) }) {
			continue
		}
		out = append(out, f)
	}
	return out
}
