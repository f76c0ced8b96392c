package check

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/glossary"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/internal/excerpt"
	"github.com/loctool/loctool/internal/parallel"
)

// Handoff is a handoff file to check, as read.
type Handoff struct {
	Path string // as findings name it
	File *handoff.File
	// Now holds, for each segment whose sentence in the article has
	// changed since the file was extracted, the sentence as it is now.
	Now map[*handoff.Segment]inline.Content
}

// IgnoreNote starts a note of a unit that silences rules for the unit's
// segments: "loctool-ignore: target.numbers, target.punctuation", or
// "loctool-ignore" alone for every rule.
const IgnoreNote = "loctool-ignore"

// Handoffs checks the translations of handoff files, segment by segment
// and across the files; each finding is placed at its target (at its
// segment when it has none) and names the unit and segment:
//
//   - term.target: a concept of the glossary the source names whose
//     preferred spelling in the target language, in any inflected form
//     (Жакиянов, Жакиянова, Жакиянову), the translation lacks; or a
//     forbidden spelling in the translation, or a variant generated
//     from the concept's Cyrillic forms when the target language is
//     written in Latin letters, with the preferred spelling inflected
//     the same way.
//   - target.untranslated: no translation, or a copy of the source, for
//     a source with words to translate.
//   - target.stale: a translation of a sentence the article has changed
//     since.
//   - target.codes: an inline code missing, extra or repeated, or codes
//     not soundly nested; codes may change their order.
//   - target.numbers: a number of the source that the translation does
//     not have, each read in its own language's way (English 12,500 is
//     Russian 12 500, English 12.5 is Russian 12,5), with its sign and
//     magnitude word (1.5 million is 1,5 млн); see numbers.go.
//   - spelling.mixed-script: a word of the translation that mixes Latin
//     and Cyrillic letters, with the word in one script where there is
//     one ([glossary.MixedWords]).
//   - target.punctuation: the end of the sentence changed, such as a
//     question that became a statement.
//   - target.whitespace, target.double-space, target.double-word,
//     target.brackets: white space at the ends that differs from the
//     source's, two spaces in a row, a word twice in a row, quotes or
//     brackets that do not pair as the source's do.
//   - consistency.target: one source sentence translated in different
//     ways; consistency.source: different source sentences translated
//     alike. Each finding lists the other places.
//
// The glossary may be nil: term.target then finds nothing. A unit's
// note that starts with [IgnoreNote] silences rules for it. The findings
// are in the order of the files and their segments, then the
// consistency findings.
func Handoffs(files []Handoff, opts Options) []diag.Diagnostic {
	c := NewChecker(opts)
	each := make([][]diag.Diagnostic, len(files))
	parallel.Each(len(files), func(i int) { each[i] = c.File(i, files[i]) })
	return append(slices.Concat(each...), c.Consistency()...)
}

// Checker checks handoff files as [Handoffs] does, one at a time, so
// that a caller can read each, check it and let it go: a project's
// thousands of files need not all be in memory at once. Its methods may
// be called on several goroutines.
type Checker struct {
	opts     Options
	mu       sync.Mutex
	matchers map[language.Tag]func() *glossary.Matcher
	uses     uses // for the consistency checks
}

// NewChecker returns a checker.
func NewChecker(opts Options) *Checker {
	return &Checker{opts: opts, matchers: map[language.Tag]func() *glossary.Matcher{}, uses: uses{budget: usesBudget}}
}

// matcher returns the glossary's matcher of a language, made once; nil
// without a glossary.
func (c *Checker) matcher(lang language.Tag) *glossary.Matcher {
	if c.opts.Glossary == nil {
		return nil
	}
	c.mu.Lock()
	m, ok := c.matchers[lang]
	if !ok {
		m = sync.OnceValue(func() *glossary.Matcher { return glossary.NewMatcher(c.opts.Glossary, lang) })
		c.matchers[lang] = m
	}
	c.mu.Unlock()
	return m()
}

// File checks a file, numbered i, and returns its findings, in the
// order of its segments. Consistency gives those across the files, in
// the order of their numbers; files of one number (the <file>s of one
// XLIFF document), in the order they were checked.
func (c *Checker) File(i int, h Handoff) []diag.Diagnostic {
	var out []diag.Diagnostic
	var uses []use
	sc := segmentChecker{h: h, source: c.matcher(h.File.SourceLang), target: c.matcher(h.File.TargetLang), noUse: c.opts.NoConsistency}
	for _, u := range h.File.Units {
		ignored, all := ignoredRules(u.Notes)
		for _, s := range u.Segments() {
			fs, used := sc.check(u, s)
			for _, f := range fs {
				if !all && !slices.Contains(ignored, f.Rule) {
					out = append(out, f)
				}
			}
			if used != nil && !all && !c.opts.NoConsistency {
				used.ignored = ignored
				uses = append(uses, *used)
			}
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.uses.add(i, uses)
	return out
}

// Consistency returns the findings across the files checked: one source
// sentence translated in different ways, and different sentences
// translated alike. They are in order of file and place; it is called
// once, when every file is checked. An error is one of writing or
// reading the temporary files of a large project (see
// [Checker.EachConsistency]): its findings are left out.
func (c *Checker) Consistency() []diag.Diagnostic {
	var out []diag.Diagnostic
	c.EachConsistency(func(d diag.Diagnostic) error {
		out = append(out, d)
		return nil
	})
	return out
}

// EachConsistency gives the findings of [Checker.Consistency] one at a
// time to yield, and stops at its first error. It holds what it needs of
// the translations in memory up to a bound, and past it in temporary
// files, a part of the translations at a time: it can be called once,
// when every file is checked.
func (c *Checker) EachConsistency(yield func(diag.Diagnostic) error) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.uses.each(yield)
}

// ignoredRules returns the rules a unit's notes silence, or all.
func ignoredRules(notes []handoff.Note) (rules []string, all bool) {
	for _, n := range notes {
		rest, ok := strings.CutPrefix(strings.TrimSpace(n.Text), IgnoreNote)
		if !ok {
			continue
		}
		rest = strings.TrimSpace(rest)
		if rest == "" {
			return nil, true
		}
		rest, ok = strings.CutPrefix(rest, ":")
		if !ok {
			continue
		}
		// The rules, and perhaps why: "loctool-ignore: term.target. The
		// house style's Kazak is the state's adjective."
		for _, w := range strings.FieldsFunc(rest, func(r rune) bool { return r == ',' || r == ';' || unicode.IsSpace(r) }) {
			rules = append(rules, strings.TrimRight(w, ".:"))
		}
	}
	return rules, false
}

// segmentChecker checks the segments of one handoff file.
type segmentChecker struct {
	h              Handoff
	source, target *glossary.Matcher // nil without a glossary
	noUse          bool              // the consistency checks are not made: no use to return
}

// at returns a finding placed at a segment's target.
func (c *segmentChecker) at(u *handoff.Unit, s *handoff.Segment) diag.Diagnostic {
	return diag.Diagnostic{File: c.h.Path, Start: diag.Position{Line: s.Line, Col: s.Col}, Unit: u.ID, Segment: s.ID}
}

// check checks one segment, and returns, when it is translated, its use
// for the consistency checks.
func (c *segmentChecker) check(u *handoff.Unit, s *handoff.Segment) ([]diag.Diagnostic, *use) {
	var out []diag.Diagnostic
	add := func(rule string, sev diag.Severity, format string, args ...any) *diag.Diagnostic {
		f := c.at(u, s)
		f.Rule, f.Severity = rule, sev
		f.Message = fmt.Sprintf("unit %s, segment %s: ", u.ID, s.ID) + fmt.Sprintf(format, args...)
		out = append(out, f)
		return &out[len(out)-1]
	}
	source := s.Source.PlainText()
	var names []glossary.Match
	if c.source != nil {
		// A name in an address, a handle or a file name is not one.
		names = c.source.Find(blankTokens(source))
	}
	target := ""
	if s.Target != nil {
		target = s.Target.PlainText()
	}
	if strings.TrimSpace(target) == "" && len(s.Target.Codes()) == 0 || strings.TrimSpace(target) == strings.TrimSpace(source) {
		if !NothingToTranslate(source) {
			if strings.TrimSpace(target) == "" {
				add(diag.TargetUntranslated, diag.Warning, "not translated: %q", excerpt.Short(source))
			} else {
				add(diag.TargetUntranslated, diag.Warning, "the translation is a copy of the source: %q", excerpt.Short(source))
			}
		}
		return out, nil
	}
	if now, ok := c.h.Now[s]; ok {
		was, is := excerpt.Difference(s.Source.Tagged(), now.Tagged())
		f := add(diag.TargetStale, diag.Error, "the translation is of %q, and the article now says %q", was, is)
		f.Hint = "run loctool extract: it keeps the translation on the changed sentence, marked for review"
	}
	if err := codeProblem(s.Source, s.Target); err != nil {
		f := add(diag.TargetCodes, diag.Error, "the translation's inline codes do not match the source's: %v", err)
		f.Hint = "each code of the source appears once in the translation, around the words it marks"
	}
	out = append(out, c.terms(u, s, source, target, names)...)
	for _, m := range glossary.MixedWords(target) {
		f := add(diag.SpellingMixedScript, diag.Error, "%s", mixedMessage(m))
		f.Found, f.Hint = m.Word, m.Advice()
		if m.Fixable() {
			f.Suggestion = m.Suggestion
		}
	}
	for _, n := range checkNumbers(source, c.h.File.SourceLang, target, c.h.File.TargetLang) {
		add(diag.TargetNumbers, diag.Error, "%s", n.message).Hint = n.hint
	}
	if se, te := endOf(source), endOf(target); se != te {
		add(diag.TargetPunctuation, diag.Warning, "the source ends with %s, the translation with %s", punctuationNames[se], punctuationNames[te])
	}
	sl, st := edgeSpace(source)
	if tl, tt := edgeSpace(target); sl != tl || st != tt {
		add(diag.TargetWhitespace, diag.Warning, "the white space at the ends differs from the source's: %q…%q, not %q…%q", tl, tt, sl, st)
	}
	if strings.Contains(target, "  ") && !strings.Contains(source, "  ") {
		add(diag.TargetDoubleSpace, diag.Warning, "two spaces in a row at %d", 1+len([]rune(target[:strings.Index(target, "  ")])))
	}
	if doubled := doubledWords(target); len(doubled) > 0 {
		// Each word once, and not one the source doubles too.
		seen := map[string]bool{}
		for _, w := range doubledWords(source) {
			seen[strings.ToLower(w)] = true
		}
		for _, w := range doubled {
			if k := strings.ToLower(w); !seen[k] {
				seen[k] = true
				add(diag.TargetDoubleWord, diag.Warning, "%q twice in a row", w)
			}
		}
	}
	if sb, tb := balance(source), balance(target); sb != tb && tb != "" {
		add(diag.TargetBrackets, diag.Warning, "quotes or brackets do not pair: %s", tb)
	}
	if c.noUse {
		return out, nil
	}
	lang := c.h.File.TargetLang
	return out, &use{source: compact(lang, source), target: compact(lang, target),
		file: c.h.Path, line: int32(s.Line), col: int32(s.Col), unit: u.ID, segment: s.ID}
}

// terms finds the glossary's concepts the source names and the
// translation spells wrongly or not at all.
func (c *segmentChecker) terms(u *handoff.Unit, s *handoff.Segment, source, target string, names []glossary.Match) []diag.Diagnostic {
	if c.target == nil {
		return nil
	}
	lang := c.h.File.TargetLang
	var out []diag.Diagnostic
	// The concepts the translation spells as it should, in any of the
	// readings of its words: Назарбаева is Назарбаев's genitive too. A
	// name in an address, a handle or a file name is not one.
	target = blankTokens(target)
	spelt := map[*glossary.Concept]bool{}
	for _, m := range c.target.FindAll(target) {
		if m.Role == glossary.Preferred || m.Role == glossary.Accepted {
			spelt[m.Concept] = true
		}
	}
	for _, v := range targetVariants(c.target, target, lang) {
		m, f := v.match, v.finding
		base := c.at(u, s)
		base.Rule, base.Severity, base.Found, base.Suggestion, base.Concept = diag.TermTarget, f.Severity, f.Found, f.Suggestion, f.Concept
		switch {
		case base.Suggestion != "" && v.why != "":
			base.Hint = fmt.Sprintf("write %q in the form the sentence needs; check --fix leaves it, as %s", base.Suggestion, v.why)
		case base.Suggestion != "":
			base.Hint = fmt.Sprintf("write %q", base.Suggestion)
		}
		base.Message = fmt.Sprintf("unit %s, segment %s: %s", u.ID, s.ID, f.Message)
		out = append(out, base)
		spelt[m.Concept] = true // reported already
	}
	seen := map[*glossary.Concept]bool{}
	for _, m := range names {
		t := m.Concept.Terms[lang]
		if seen[m.Concept] || spelt[m.Concept] || t == nil || t.Preferred == "" {
			continue
		}
		seen[m.Concept] = true
		f := c.at(u, s)
		f.Rule, f.Severity, f.Concept, f.Suggestion = diag.TermTarget, diag.Error, m.Concept.ID, t.Preferred
		f.Hint = fmt.Sprintf("write %q", t.Preferred)
		f.Found = source[m.Start:m.End]
		f.Message = fmt.Sprintf("unit %s, segment %s: the source names %q (concept %s), and the translation does not have %q", u.ID, s.ID, f.Found, m.Concept.ID, t.Preferred)
		out = append(out, f)
	}
	return out
}

// codeProblem is inline.CheckCodes, except that a crossing the source
// has itself is not held against the translation.
func codeProblem(source, target inline.Content) error {
	err := inline.CheckCodes(source, target)
	var ce *inline.CodeError
	if errors.As(err, &ce) && len(ce.Missing) == 0 && len(ce.Extra) == 0 && inline.CheckCodes(source, source) != nil {
		return nil
	}
	return err
}

// tidyText is a text as the consistency checks compare it: NFC, single
// spaces.
func tidyText(s string) string {
	return strings.Join(strings.Fields(norm.NFC.String(s)), " ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// targetVariant is a forbidden or generated spelling in a translation,
// with its finding (without its place), and why check --fix cannot
// write the suggestion over it, when it cannot.
type targetVariant struct {
	match   glossary.Match
	finding diag.Diagnostic
	why     string
}

// targetVariants finds the forbidden and generated spellings in the text
// of a translation in lang, each with the preferred spelling inflected as
// it is.
func targetVariants(m *glossary.Matcher, text string, lang language.Tag) []targetVariant {
	var out []targetVariant
	var all []glossary.Match // every reading of the text's words, when needed
	for _, match := range m.Find(text) {
		if match.Role != glossary.Forbidden && match.Role != glossary.Generated {
			continue
		}
		found := text[match.Start:match.End]
		f := variant(found, match, lang)
		v := targetVariant{match: match}
		if f.Suggestion == "" {
			v.why = "the concept has no preferred spelling in " + lang.String()
		} else {
			f.Suggestion, v.why = inflect(f.Suggestion, match.Spelling, found, lang)
		}
		if v.why == "" {
			if all == nil {
				all = m.FindAll(text)
			}
			for _, o := range all {
				if o.Concept != match.Concept && o.Start < match.End && match.Start < o.End && (o.Role == glossary.Preferred || o.Role == glossary.Accepted) {
					v.why = fmt.Sprintf("%q is also a spelling of concept %s", text[o.Start:o.End], o.Concept.ID)
					break
				}
			}
		}
		v.finding = f
		out = append(out, v)
	}
	return out
}

// TargetEdit is a fix of a spelling in a translation: the bytes Start to
// End of its plain text ([inline.Content.PlainText]), Found, become New.
type TargetEdit struct {
	Start, End int
	Found, New string
}

// TargetEdits returns the fixes of the forbidden and generated
// spellings in the plain text of a translation in lang, as the
// term.target findings suggest them: those whose inflected form can be
// told; and of the words that mix Latin and Cyrillic letters and have
// one spelling in one script, as the spelling.mixed-script findings
// suggest them. They are in the order of the text.
func (c *Checker) TargetEdits(lang language.Tag, text string) []TargetEdit {
	var out []TargetEdit
	if m := c.matcher(lang); m != nil {
		for _, v := range targetVariants(m, text, lang) {
			if v.why == "" {
				out = append(out, TargetEdit{Start: v.match.Start, End: v.match.End, Found: v.finding.Found, New: v.finding.Suggestion})
			}
		}
	}
	for _, w := range glossary.MixedWords(text) {
		overlaps := slices.ContainsFunc(out, func(e TargetEdit) bool { return e.Start < w.End && w.Start < e.End })
		if w.Fixable() && !overlaps {
			out = append(out, TargetEdit{Start: w.Start, End: w.End, Found: w.Word, New: w.Suggestion})
		}
	}
	slices.SortFunc(out, func(a, b TargetEdit) int { return a.Start - b.Start })
	return out
}

// inflect gives preferred the case ending found has where it is a form
// of spelling, one word with an ending: Жакьянова, a form of Жакьянов,
// gives Жакиянова for Жакиянов. It says why not where the ending cannot
// be carried over: found is not spelling and an ending (a form that only
// shares a stem with it, a term of several words inflected), or
// preferred would not take the same ending (it ends in another letter,
// or, in Kazakh, its last vowel is of the other harmony), and returns
// preferred as it is.
func inflect(preferred, spelling, found string, lang language.Tag) (string, string) {
	f, s := []rune(found), []rune(spelling)
	if strings.EqualFold(found, spelling) {
		return preferred, ""
	}
	if len(f) <= len(s) || !strings.EqualFold(string(f[:len(s)]), spelling) || strings.ContainsFunc(spelling, notInWord) {
		return preferred, fmt.Sprintf("%q is not %q with a case ending", found, spelling)
	}
	end := string(f[len(s):])
	if strings.ContainsFunc(preferred, notInWord) || !glossary.SameEndings(preferred, spelling, lang) {
		return preferred, fmt.Sprintf("%q may not take the ending %q of %q", preferred, end, found)
	}
	return preferred + end, ""
}

func notInWord(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r)
}
