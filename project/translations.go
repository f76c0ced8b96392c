package project

import (
	"errors"
	"fmt"
	"io/fs"
	"path"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
)

// Translation is a segment of a handoff file, with where it stands
// against its article as the article is now.
type Translation struct {
	Unit    *handoff.Unit    // of the handoff file
	Segment *handoff.Segment // of the handoff file, as the translator left it
	// Stale is set when the article's sentence has changed since the
	// segment was extracted; Now is the sentence as it is now, or the
	// paragraph, for a translation of a whole paragraph.
	Stale bool
	Now   inline.Content
	// Gone is set when the segment's sentence is no longer in the
	// article.
	Gone bool
}

// Translations reads a handoff file as [Project.ReadHandoff] does, except
// that a target whose inline codes do not match its source's is read as
// it is, for the caller to report; and it matches the file's segments
// with the sentences of the article, as merge does, to say which are
// stale. A file that cannot be read gives the diagnostics that say why.
// When its article cannot be read, the segments are given without
// standing, with a warning; what the reader read past in the file, such
// as XLIFF 1.1 read as 1.2, is a warning too.
func (p *Project) Translations(rel string) (*handoff.File, []Translation, []diag.Diagnostic) {
	article, lang, err := p.ArticleOf(rel)
	if err != nil {
		return nil, nil, []diag.Diagnostic{{File: rel, Severity: diag.Error, Message: err.Error(), Rule: diag.HandoffPath,
			Hint: "handoff files are " + path.Join(p.Locales, "<language>", "<article>.xlf") + " (or another XLIFF extension) or .json (or .toml, .yaml)"}}
	}
	h, err := p.loadHandoff(rel, lang, true)
	f, data := h.file, h.data
	if errors.Is(err, errNoHandoff) {
		return nil, nil, []diag.Diagnostic{{File: rel, Severity: diag.Error, Message: "the file does not exist", Rule: diag.HandoffRead}}
	}
	if err != nil {
		return nil, nil, diagnose(rel, err)
	}
	ts, warnings := p.translationsIn(rel, article, f, find(data, "original="))
	return f, ts, append(h.warnings, warnings...)
}

// translationsIn matches the segments of f, in the handoff file rel, with
// the sentences of its article as merge does. When the article cannot be
// read, the segments are given without standing, with a warning at the
// place of the file's original, at.
func (p *Project) translationsIn(rel, article string, f *handoff.File, at diag.Position) ([]Translation, []diag.Diagnostic) {
	src, err := p.readArticle(article)
	if err == nil {
		err = p.unitsFor(src, f)
	}
	if err != nil {
		msg := fmt.Sprintf("its article cannot be read, so stale translations cannot be told: %v", err)
		if errors.Is(err, fs.ErrNotExist) {
			msg = fmt.Sprintf("its article, %s, does not exist, so stale translations cannot be told", article)
		}
		return translationsOf(f, nil, nil), []diag.Diagnostic{{File: rel, Start: at, Severity: diag.Warning, Rule: diag.HandoffArticle, Message: msg}}
	}
	sentences, left := match(src.units, f, p.sourceConcepts)
	return translationsOf(f, sentences, left), nil
}

// translationsOf returns the segments of a handoff file, with where they
// stand as match found: the sentences of the article, and the segments
// whose sentences are gone.
func translationsOf(f *handoff.File, sentences []matched, left []*handoff.Segment) []Translation {
	var out []Translation
	at := make(map[*handoff.Segment]int) // a segment's place in out
	for _, u := range f.Units {
		for _, s := range u.Segments() {
			at[s] = len(out)
			out = append(out, Translation{Unit: u, Segment: s})
		}
	}
	for _, m := range sentences {
		if m.old != nil && m.readiness == Stale {
			t := &out[at[m.old]]
			t.Stale, t.Now = true, m.source()
		}
	}
	for _, o := range left {
		out[at[o]].Gone = true
	}
	return out
}
