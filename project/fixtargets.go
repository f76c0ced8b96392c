package project

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/loctool/loctool/check"
	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/i18njson"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/internal/atomicfile"
	"github.com/loctool/loctool/internal/place"
	"github.com/loctool/loctool/xliff"
)

// check --fix corrects the translations too: a forbidden or variant
// spelling in a target becomes the concept's preferred spelling in the
// target's language, with the case ending it had (Жакьянова becomes
// Жакиянова). The handoff file is edited where the spelling is written,
// and every other byte of it stays as it was: inline codes, notes,
// states. The edited file is read back before it goes in the plan, and
// must read as the file did, each segment with its source, its state and
// its translation, but for the spellings fixed; else the spellings are
// reported and not fixed. A JSON file's state lives in its source
// snapshot, which holds the translation the file was written with: where
// the file still has that translation, the snapshot's is fixed too, so
// that the translation keeps its state. Nothing marks a fixed target:
// its state says what the translator said of it, and --diff and version
// control show the change.

// targetFix is the fix of the spellings in one segment's translation.
type targetFix struct {
	unit, seg string
	s         *handoff.Segment // as read
	edits     []check.TargetEdit
	want      inline.Content // the translation fixed
	findings  []int          // the findings it fixes, in the report
}

// fixTargets returns the writes that fix the spellings the findings
// report (term.target and spelling.mixed-script, at the indexes given)
// in the translations of a handoff file, and the indexes of the findings
// fixed; failed are those it meant to fix and could not, for the reason
// why.
func (c *checking) fixTargets(file string, findings []diag.Diagnostic, at []int) (writes []Write, fixed, failed []int, why string) {
	h, err := c.loadForFix(file)
	if errors.Is(err, xliff.ErrMultipleFiles) {
		return nil, nil, at, "the file is a package of several <file>s: run loctool extract, which carries its translations into each article's own file, and check --fix again"
	}
	if err != nil {
		return nil, nil, nil, "" // reported by the check
	}
	type key struct{ unit, seg string }
	reported := map[key][]int{}
	for _, i := range at {
		d := findings[i]
		reported[key{d.Unit, d.Segment}] = append(reported[key{d.Unit, d.Segment}], i)
	}
	var fixes []targetFix
	for _, u := range h.file.Units {
		for _, s := range u.Segments() {
			ds := reported[key{u.ID, s.ID}]
			if len(ds) == 0 || s.Target == nil {
				continue
			}
			fx := targetFix{unit: u.ID, seg: s.ID, s: s}
			used := make([]bool, len(ds))
			for _, e := range c.qa.TargetEdits(h.file.TargetLang, s.Target.PlainText()) {
				for j, i := range ds {
					if !used[j] && findings[i].Found == e.Found && findings[i].Suggestion == e.New {
						used[j] = true
						fx.edits = append(fx.edits, e)
						fx.findings = append(fx.findings, i)
						break
					}
				}
			}
			var ok bool
			if fx.want, ok = rewrite(s.Target, fx.edits); ok && len(fx.edits) > 0 {
				fixes = append(fixes, fx)
			}
		}
	}
	if len(fixes) == 0 {
		return nil, nil, nil, ""
	}
	// All at once; failing that, one segment at a time, for those that
	// can be fixed.
	try := func(fixes []targetFix) ([]byte, []byte, bool) {
		data, snap, ok := c.edit(h, fixes)
		return data, snap, ok && c.readsAs(h, data, snap, fixes)
	}
	data, snap, ok := try(fixes)
	if !ok {
		var kept []targetFix
		for _, fx := range fixes {
			if _, _, ok := try(append(kept[:len(kept):len(kept)], fx)); ok {
				kept = append(kept, fx)
			}
		}
		why = "the file would not read back as it was with only the spelling fixed (the name may be written with character references, or split by markup)"
		for _, fx := range fixes {
			if !slices.ContainsFunc(kept, func(k targetFix) bool { return k.s == fx.s }) {
				failed = append(failed, fx.findings...)
			}
		}
		if len(kept) == 0 {
			return nil, nil, failed, why
		}
		fixes = kept
		data, snap, _ = try(fixes)
	}
	for _, fx := range fixes {
		fixed = append(fixed, fx.findings...)
	}
	writes = append(writes, Write{Path: c.writePath(file), Data: data, Why: "fixed spellings in translations"})
	if snap != nil {
		article, lang, _ := c.p.ArticleOf(file)
		writes = append(writes, Write{Path: c.p.sourcePath(article, lang), Data: snap, Why: "source snapshot, fixed spellings in translations"})
	}
	return writes, fixed, failed, why
}

// loadForFix reads a handoff file checked, with its bytes and, for a
// JSON file, its source snapshot.
func (c *checking) loadForFix(file string) (held, error) {
	if c.p != nil {
		_, lang, err := c.p.ArticleOf(file)
		if err != nil {
			return held{}, err
		}
		return c.p.loadHandoff(file, lang, true)
	}
	data, err := atomicfile.ReadRegular(c.writePath(file)) // outside a project, nothing to confine to
	if err != nil {
		return held{}, err
	}
	f, v, err := (xliff.ReadOptions{KeepCodeMismatches: true}).Read(bytes.NewReader(data), file)
	if err != nil {
		return held{}, err
	}
	return held{rel: file, file: f, data: data, format: formatOf(file, f, v)}, nil
}

// edit makes the fixes in the bytes of a handoff file and, for a JSON
// file whose translations are still those of its source snapshot, in
// the snapshot's (nil when it does not change). It fails when a
// spelling is not where the file's segment says its translation is.
func (c *checking) edit(h held, fixes []targetFix) (data, snap []byte, ok bool) {
	var edits, snapEdits []diag.Edit
	snapSegs := map[[2]string]*handoff.Segment{}
	if h.format == JSON && h.snapData != nil {
		// Read afresh: the places of h.snap's segments are those the
		// JSON file's read gave them.
		snapFile, err := c.readXLIFF(h.rel, h.snapData)
		if err != nil {
			return nil, nil, false
		}
		for _, u := range snapFile.Units {
			for _, s := range u.Segments() {
				snapSegs[[2]string{u.ID, s.ID}] = s
			}
		}
	}
	text, snapText := string(h.data), string(h.snapData) // to find the segments' places in
	for _, fx := range fixes {
		s := fx.s
		start := place.Offset(text, s.Line, s.Col)
		if h.format == JSON {
			// The message's text, after its description.
			i := bytes.Index(h.data[start:], []byte(`"other"`))
			if i < 0 {
				return nil, nil, false
			}
			start += i
		}
		var es []diag.Edit
		var ok bool
		if h.format == JSON {
			es, ok = locate(h.data, start, s.Target.PlainText(), fx.edits)
		} else {
			es, ok = locateKept(h.data, start, s, h.format != XLIFF12 && h.format != OmegaT, fx.edits)
		}
		if !ok {
			return nil, nil, false
		}
		edits = append(edits, es...)
		if o := snapSegs[[2]string{fx.unit, fx.seg}]; o != nil && o.Target != nil && o.Target.Key() == s.Target.Key() {
			es, ok := locateKept(h.snapData, place.Offset(snapText, o.Line, o.Col), o, true, fx.edits)
			if !ok {
				return nil, nil, false
			}
			snapEdits = append(snapEdits, es...)
		}
	}
	data, made := diag.ApplyEdits(h.data, edits)
	if len(made) != len(edits) {
		return nil, nil, false
	}
	if len(snapEdits) > 0 {
		snap, made = diag.ApplyEdits(h.snapData, snapEdits)
		if len(made) != len(snapEdits) {
			return nil, nil, false
		}
	}
	return data, snap, true
}

// locateKept is locate for a segment's translation at start, and, for a
// translation kept for review (a Was), for the translation as loctool
// wrote it, which the file keeps beside it (an <alt-trans> in XLIFF 1.2,
// an <mtc:match> in XLIFF 2, v2): a translation that differs from it
// reads as confirmed.
func locateKept(data []byte, start int, s *handoff.Segment, v2 bool, edits []check.TargetEdit) ([]diag.Edit, bool) {
	plain := s.Target.PlainText()
	out, ok := locate(data, start, plain, edits)
	if !ok || s.Was == "" {
		return out, ok
	}
	at := keptAt(data, start, s.ID, v2)
	if at < 0 {
		return nil, false
	}
	kept, ok := locate(data, at, plain, edits)
	return append(out, kept...), ok
}

// keptAt returns where the <target> of the translation kept for review
// of segment id begins, the target of its segment at start: in XLIFF 1.2
// the <alt-trans mid="id" alttranstype="previous-version"> after the
// target, in its trans-unit; in XLIFF 2 the <mtc:match ref="#id"
// subType="loctool:previous-version"> before the segment, in its unit.
// It is -1 when there is none.
func keptAt(data []byte, start int, id string, v2 bool) int {
	const marker = "previous-version"
	tagOf := func(i int) string { // the start tag around i
		from := bytes.LastIndexByte(data[:i], '<')
		to := bytes.IndexByte(data[i:], '>')
		if from < 0 || to < 0 {
			return ""
		}
		return string(data[from : i+to])
	}
	var at int
	if v2 {
		unit := bytes.LastIndex(data[:start], []byte("<unit "))
		for end := start; ; {
			i := bytes.LastIndex(data[:end], []byte(marker))
			if i < 0 || i < unit {
				return -1
			}
			if strings.Contains(tagOf(i), `ref="#`+id+`"`) {
				at = i
				break
			}
			end = i
		}
	} else {
		end := bytes.Index(data[start:], []byte("</trans-unit>"))
		if end < 0 {
			return -1
		}
		end += start
		for from := start; ; {
			i := bytes.Index(data[from:end], []byte(marker))
			if i < 0 {
				return -1
			}
			if strings.Contains(tagOf(from+i), `mid="`+id+`"`) {
				at = from + i
				break
			}
			from += i + len(marker)
		}
	}
	i := bytes.Index(data[at:], []byte("<target"))
	if i < 0 {
		return -1
	}
	return at + i
}

// locate places the edits of a translation's plain text in the bytes of
// its file, from start, where its text begins: the nth time a spelling
// is in the text, it is the nth time it is in the file from there.
func locate(data []byte, start int, plain string, edits []check.TargetEdit) ([]diag.Edit, bool) {
	var out []diag.Edit
	for _, e := range edits {
		n := strings.Count(plain[:e.Start], e.Found)
		at := start
		for k := 0; ; k++ {
			i := bytes.Index(data[at:], []byte(e.Found))
			if i < 0 {
				return nil, false
			}
			if k == n {
				at += i
				break
			}
			at += i + len(e.Found)
		}
		out = append(out, diag.Edit{Start: at, End: at + len(e.Found), NewText: e.New, Old: e.Found})
	}
	return out, true
}

// readsAs reports whether a handoff file edited (and its snapshot, when
// not nil) reads as the file did but for the fixed translations.
func (c *checking) readsAs(h held, data, snap []byte, fixes []targetFix) bool {
	got, err := c.reread(h, data, snap)
	if err != nil {
		return false
	}
	want := map[[2]string]inline.Content{}
	for _, fx := range fixes {
		want[[2]string{fx.unit, fx.seg}] = fx.want
	}
	if len(got.Units) != len(h.file.Units) {
		return false
	}
	for i, u := range h.file.Units {
		gu := got.Units[i]
		was, is := u.Segments(), gu.Segments()
		if gu.ID != u.ID || len(was) != len(is) || len(gu.Notes) != len(u.Notes) {
			return false
		}
		for j, s := range was {
			g := is[j]
			t, ok := want[[2]string{u.ID, s.ID}]
			if !ok {
				t = s.Target
			}
			if g.ID != s.ID || g.State != s.State || g.Was != s.Was || g.Source.Key() != s.Source.Key() ||
				(g.Target == nil) != (t == nil) || g.Target.Key() != t.Key() {
				return false
			}
		}
	}
	return true
}

// reread reads a handoff file from its edited bytes, as loadForFix read
// it; snap, when not nil, is its source snapshot's.
func (c *checking) reread(h held, data, snap []byte) (*handoff.File, error) {
	if c.p == nil {
		f, _, err := (xliff.ReadOptions{KeepCodeMismatches: true}).Read(bytes.NewReader(data), h.rel)
		return f, err
	}
	if h.format != JSON {
		return c.readXLIFF(h.rel, data)
	}
	template := h.snap
	if snap != nil {
		var err error
		if template, err = c.readXLIFF(h.rel, snap); err != nil {
			return nil, err
		}
	}
	return i18njson.ReadOptions{KeepCodeMismatches: true, Earlier: h.earlier}.Read(data, h.rel, template)
}

// readXLIFF reads an XLIFF handoff file, or the source snapshot of a JSON
// one, of the project's handoff file rel, from its bytes.
func (c *checking) readXLIFF(rel string, data []byte) (*handoff.File, error) {
	_, lang, err := c.p.ArticleOf(rel)
	if err != nil {
		return nil, err
	}
	opts := xliff.ReadOptions{SourceLang: c.p.Source, TargetLang: lang, KeepCodeMismatches: true, Limits: c.p.limits()}
	f, _, err := opts.Read(bytes.NewReader(data), rel)
	return f, err
}

// rewrite returns a translation with the edits of its plain text made,
// each within one text of it; false when an edit spans an inline code.
func rewrite(c inline.Content, edits []check.TargetEdit) (inline.Content, bool) {
	out := make(inline.Content, len(c))
	copy(out, c)
	pos := 0
	for i, it := range c {
		if it.Code != nil {
			continue
		}
		end := pos + len(it.Text)
		text := it.Text
		for k := len(edits) - 1; k >= 0; k-- {
			e := edits[k]
			switch {
			case e.Start >= pos && e.End <= end:
				text = text[:e.Start-pos] + e.New + text[e.End-pos:]
			case e.Start < end && e.End > pos:
				return nil, false // across a code
			}
		}
		out[i].Text = text
		pos = end
	}
	return out, true
}

// fixTargetsAll fixes the spellings in the translations that the
// report's term.target and spelling.mixed-script findings name, and
// returns the writes, how many it fixed in each file, and the findings
// left.
func (c *checking) fixTargetsAll(findings []diag.Diagnostic) ([]Write, map[string]int, []diag.Diagnostic) {
	byFile := map[string][]int{}
	var files []string
	for i, d := range findings {
		if d.Rule != diag.TermTarget && d.Rule != diag.SpellingMixedScript || d.Found == "" || d.Suggestion == "" || d.Unit == "" {
			continue
		}
		if byFile[d.File] == nil {
			files = append(files, d.File)
		}
		byFile[d.File] = append(byFile[d.File], i)
	}
	var writes []Write
	counts := map[string]int{}
	gone := map[int]bool{}
	for _, f := range files {
		ws, fixed, failed, why := c.fixTargets(f, findings, byFile[f])
		writes = append(writes, ws...)
		if len(fixed) > 0 {
			counts[f] = len(fixed)
		}
		for _, i := range fixed {
			gone[i] = true
		}
		for _, i := range failed {
			findings[i].Hint = fmt.Sprintf("write %q; check --fix leaves it, as %s", findings[i].Suggestion, why)
		}
	}
	var left []diag.Diagnostic
	for i, d := range findings {
		if !gone[i] {
			left = append(left, d)
		}
	}
	return writes, counts, left
}
