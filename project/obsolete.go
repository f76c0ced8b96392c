package project

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/xliff"
)

// removed is a translation whose sentence is gone from its article.
type removed struct {
	article string
	seg     *handoff.Segment
}

// obsoleteFile adds removed translations to a language's obsolete file,
// an XLIFF 2.1 file with a unit per translation and a note naming its
// article. What the file holds already is kept; a translation it holds
// already is not added twice.
func (p *Project) obsoleteFile(lang language.Tag, add []removed) ([]byte, error) {
	rel := p.ObsoletePath(lang)
	abs, err := Confine(p.Root, rel)
	if err != nil {
		return nil, err
	}
	f := &handoff.File{Original: "obsolete", Datatype: "plaintext", SourceLang: p.Source, TargetLang: lang}
	data, err := os.ReadFile(abs)
	switch {
	case err == nil:
		if f, _, err = (xliff.ReadOptions{SourceLang: p.Source, TargetLang: lang}).Read(bytes.NewReader(data), rel); err != nil {
			return nil, fmt.Errorf("read the obsolete translations: %w", err)
		}
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	seen := map[string]bool{}
	key := func(article string, s *handoff.Segment) string {
		return article + "\x00" + sourceKey(s.Source) + "\x00" + s.Target.Markup()
	}
	for _, u := range f.Units {
		for _, s := range u.Segments() {
			seen[key(noteText(u), s)] = true
		}
	}
	n := len(f.Units)
	for _, r := range add {
		k := key(r.article, r.seg)
		if seen[k] {
			continue
		}
		seen[k] = true
		n++
		f.Units = append(f.Units, &handoff.Unit{
			ID:    fmt.Sprintf("o%d", n),
			Notes: []handoff.Note{{Text: r.article, From: "loctool"}},
			Parts: []handoff.Part{{Segment: &handoff.Segment{ID: "s1", Source: r.seg.Source, Target: r.seg.Target, State: r.seg.State}}},
		})
	}
	return encode(f, XLIFF21)
}

// noteText returns the article an obsolete unit came from.
func noteText(u *handoff.Unit) string {
	if i := slices.IndexFunc(u.Notes, func(n handoff.Note) bool { return n.From == "loctool" }); i >= 0 {
		return u.Notes[i].Text
	}
	return ""
}
