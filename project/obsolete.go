package project

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/xliff"
)

// removed is a translation whose sentence is gone from its article.
type removed struct {
	article  string
	seg      *handoff.Segment
	comments []handoff.Comment // on its target, those that were notes with the notes' text
	notes    []handoff.Note    // of its unit, when no unit of the article now succeeds it
}

// readObsolete reads a language's obsolete translations: an XLIFF file
// with a unit per translation, naming its article. A missing file is an
// empty one. current says whether the file is as extract writes it now,
// XLIFF 1.2, or missing: a file of XLIFF 2.1, as earlier versions wrote
// it, is written again as 1.2.
func (p *Project) readObsolete(lang language.Tag) (f *handoff.File, current bool, err error) {
	rel := p.ObsoletePath(lang)
	f = &handoff.File{Original: "obsolete", Datatype: "plaintext", SourceLang: p.Source, TargetLang: lang}
	data, err := p.readFile(rel)
	switch {
	case err == nil:
		var v xliff.Version
		if f, v, err = (xliff.ReadOptions{SourceLang: p.Source, TargetLang: lang}).Read(bytes.NewReader(data), rel); err != nil {
			return nil, false, fmt.Errorf("cannot read the obsolete translations, which extract adds to: %w", err)
		}
		for _, u := range f.Units {
			if u.Origin == "" {
				// Written before units had an origin, or by a tool that
				// dropped it: it was the kind's note.
				u.Origin, u.Kind = u.Kind, ""
			}
		}
		return f, v == xliff.Version12, nil
	case !errors.Is(err, fs.ErrNotExist):
		return nil, false, err
	}
	return f, true, nil
}

// archive finds obsolete translations by their source. Their comments
// that are notes of their unit carry the notes' text.
type archive map[string][]*handoff.Segment

func archiveOf(f *handoff.File) archive {
	a := archive{}
	for _, u := range f.Units {
		for _, s := range u.Segments() {
			if s.IsTranslated() {
				k := s.Source.Key()
				c := *s
				c.Comments = comments(s, u)
				a[k] = append(a[k], &c)
			}
		}
	}
	return a
}

// restore gives the untranslated sentences of units whose source is that
// of an obsolete translation that translation back: a sentence deleted
// from an article and put back, or moved to another article, keeps what
// the translator did. It returns how many it restored.
func (a archive) restore(units []*handoff.Unit) int {
	n := 0
	for _, u := range units {
		for _, s := range u.Segments() {
			if s.IsTranslated() {
				continue
			}
			for _, old := range a[s.Source.Key()] {
				if t, ok := remapCodes(old.Source, old.Target, s.Source); ok {
					s.Target, s.State, s.Comments = t, old.State, old.Comments
					n++
					break
				}
			}
		}
	}
	return n
}

// obsoleteFile adds removed translations to a language's obsolete file,
// f, and writes it as XLIFF 1.2, which CAT tools and Translate Toolkit
// open: each unit's article is a location context group (and a note),
// and a confirmed translation is approved="yes" with its state. What the
// file holds already is kept; a translation it holds already is not
// added twice, but the notes that come with it are added to it. New
// units take IDs no unit of the file has, whatever a person did to the
// file.
func obsoleteFile(f *handoff.File, add []removed) ([]byte, error) {
	have := map[string]*handoff.Unit{}
	key := func(article string, s *handoff.Segment) string {
		return article + "\x00" + s.Source.Key() + "\x00" + s.Target.Markup()
	}
	ids := map[string]bool{}
	for _, u := range f.Units {
		ids[u.ID] = true
		for _, s := range u.Segments() {
			have[key(u.Origin, s)] = u
		}
	}
	n := 0
	for _, r := range add {
		k := key(r.article, r.seg)
		if u := have[k]; u != nil {
			u.Notes = append(u.Notes, r.notes...)
			continue
		}
		for n++; ids[fmt.Sprintf("o%d", n)]; n++ {
		}
		u := &handoff.Unit{
			ID:     fmt.Sprintf("o%d", n),
			Origin: r.article,
			Notes:  r.notes,
			Parts: []handoff.Part{{Segment: &handoff.Segment{ID: "s1", Source: r.seg.Source, Target: r.seg.Target, State: r.seg.State,
				Comments: r.comments}}},
		}
		have[k] = u
		f.Units = append(f.Units, u)
	}
	var b bytes.Buffer
	b.Grow(sizeHint(f))
	err := xliff.Write(&b, f, xliff.WriteOptions{Version: xliff.Version12})
	return b.Bytes(), err
}
