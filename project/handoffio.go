package project

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"sync"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/i18njson"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/internal/atomicfile"
	"github.com/loctool/loctool/xliff"
)

// encode writes a handoff file in a format.
func encode(f *handoff.File, format Format) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(sizeHint(f))
	var err error
	switch format {
	case JSON:
		err = i18njson.Write(&b, f)
	case XLIFF21:
		err = xliff.Write(&b, f, xliff.WriteOptions{Version: xliff.Version21})
	case XLIFF22:
		err = xliff.Write(&b, f, xliff.WriteOptions{Version: xliff.Version22})
	case OmegaT:
		err = xliff.Write(&b, f, xliff.WriteOptions{Version: xliff.Version12, PrefillTargets: true})
	default:
		err = xliff.Write(&b, f, xliff.WriteOptions{Version: xliff.Version12})
	}
	return b.Bytes(), err
}

// snapshot writes what a JSON handoff file is written from, sources and
// targets, as XLIFF 2.1: the template its returned version is read
// against.
func snapshot(f *handoff.File) ([]byte, error) {
	return encode(f, XLIFF21)
}

// errNoHandoff reports that an article has no handoff file yet.
var errNoHandoff = errors.New("no handoff file")

// readHandoff reads the handoff file of an article for a language, as
// the translator left it, and returns it with the file's bytes. A JSON
// file is read against the source snapshot kept beside it. The file's
// languages must be the project's.
func (p *Project) readHandoff(rel string, lang language.Tag) (*handoff.File, []byte, error) {
	return p.readHandoffWith(rel, lang, false)
}

// readHandoffWith is readHandoff, keeping targets whose codes do not
// match their source's when keepCodes is set.
func (p *Project) readHandoffWith(rel string, lang language.Tag, keepCodes bool) (*handoff.File, []byte, error) {
	h, err := p.loadHandoff(rel, lang, keepCodes)
	return h.file, h.data, err
}

// formatOf says which handoff format a file read is written in: JSON;
// XLIFF of its version; and OmegaT's XLIFF 1.2 when the file says its
// targets are prefilled, or, in a file that does not say, when every
// segment has a target and an untranslated one's is a copy of its
// source.
func formatOf(rel string, f *handoff.File, v xliff.Version) Format {
	switch {
	case i18njson.HasExtension(rel):
		return JSON
	case v == xliff.Version22:
		return XLIFF22
	case v != xliff.Version12:
		return XLIFF21
	case f.Prefilled:
		return OmegaT
	}
	// A file an earlier loctool wrote does not say: its targets do.
	prefilled := false
	for _, u := range f.Units {
		for _, s := range u.Segments() {
			switch {
			case s.Target == nil:
				return XLIFF12
			case s.State <= handoff.NeedsTranslation && s.Target.Equal(s.Source):
				prefilled = true
			}
		}
	}
	if prefilled {
		return OmegaT
	}
	return XLIFF12
}

// loadHandoff is readHandoffWith, and says too which format the file is
// in and, for a JSON file, what its source snapshot holds.
//
// A document of several <file>s is a package (see readPack): its error
// matches xliff.ErrMultipleFiles.
func (p *Project) loadHandoff(rel string, lang language.Tag, keepCodes bool) (held, error) {
	data, err := p.readHandoffBytes(rel)
	if err != nil {
		return held{}, err
	}
	return p.parseHandoff(rel, lang, keepCodes, data)
}

// parseHandoff is loadHandoff of the bytes of the file, read.
func (p *Project) parseHandoff(rel string, lang language.Tag, keepCodes bool, data []byte) (held, error) {
	var err error
	limits := p.limits()
	h := held{rel: rel, data: data}
	opts := xliff.ReadOptions{SourceLang: p.Source, TargetLang: lang, KeepCodeMismatches: keepCodes, Limits: limits,
		Warn: func(w diag.Diagnostic) { h.warnings = append(h.warnings, w) }}
	if !i18njson.HasExtension(rel) {
		var v xliff.Version
		if h.file, v, err = opts.Read(bytes.NewReader(data), rel); err != nil {
			return held{}, err
		}
		h.format = formatOf(rel, h.file, v)
		return h, nil
	}
	article, _, err := p.ArticleOf(rel)
	if err != nil {
		return held{}, err
	}
	if h.snap, h.snapData, err = p.readSnapshot(article, lang, opts); err != nil {
		return held{}, err
	}
	h.earlier = sync.OnceValues(func() ([]*handoff.File, error) { return p.readHistory(article, lang, opts) })
	jopts := i18njson.ReadOptions{KeepCodeMismatches: keepCodes, Earlier: h.earlier}
	if h.file, err = jopts.Read(data, rel, h.snap); err != nil {
		return held{}, err
	}
	h.format = JSON
	return h, nil
}

// readHandoffBytes reads the bytes of a handoff file, within the
// project's limits; a file that does not exist is errNoHandoff.
func (p *Project) readHandoffBytes(rel string) ([]byte, error) {
	abs, err := p.confine(rel)
	if err != nil {
		return nil, err
	}
	f, info, err := atomicfile.OpenToRead(abs)
	var nr *atomicfile.NotRegularError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, errNoHandoff
	case errors.As(err, &nr):
		return nil, fmt.Errorf("this is %s, not a handoff file: move it away", nr.What())
	case err != nil:
		return nil, err
	}
	defer f.Close()
	limits := p.limits()
	if info.Size() > limits.MaxBytes {
		// Not read at all: a file this size is no handoff file.
		return nil, &xliff.Error{File: rel, Line: 1, Col: 1, Kind: xliff.ErrLimit,
			Msg: fmt.Sprintf("the file is %s, larger than %s (%s)", size(info.Size()), size(limits.MaxBytes), limits.Names.MaxBytes)}
	}
	return atomicfile.ReadAll(f, info.Size())
}

// readSnapshot reads the source snapshot of an article's JSON file for a
// language, what the file was written from, and returns it with its
// bytes. When the snapshot was lost (not committed, not copied), the
// article as it is now stands in for it, with no bytes.
func (p *Project) readSnapshot(article string, lang language.Tag, opts xliff.ReadOptions) (*handoff.File, []byte, error) {
	rel := p.sourcePath(article, lang)
	data, err := p.readFile(rel)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// Messages keep their hashes, so a translation of a sentence that
		// has changed since still shows.
		src, err := p.readSource(article)
		if err != nil {
			return nil, nil, fmt.Errorf("the source it was extracted from, %s, is missing, and its article cannot be read either: %w", rel, err)
		}
		h, err := p.hints()
		if err != nil {
			return nil, nil, err
		}
		h.hint(src.units, p.Source, lang) // as extract wrote them: they are in the messages' hashes
		return p.fileFor(src, lang, src.units), nil, nil
	case err != nil:
		return nil, nil, err
	}
	f, _, err := opts.Read(bytes.NewReader(data), rel)
	return f, data, err
}

// size writes a number of bytes for a message: 64 MiB, 200 MB.
func size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1e6:
		return fmt.Sprintf("%.0f MB", float64(n)/1e6)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// sizeHint estimates the size of f written as a handoff file, so that it
// is written into a buffer of the right size, not one doubled again and
// again: XLIFF repeats each sentence in the source, the segmented source
// and the target, around some markup.
func sizeHint(f *handoff.File) int {
	n := 1024
	for _, u := range f.Units {
		n += 200 + 2*len(u.Kind)
		for _, p := range u.Parts {
			if p.Segment == nil {
				n += len(p.Space) * 3
				continue
			}
			n += 64 + 2*contentLen(p.Segment.Source)
			if p.Segment.Target != nil {
				n += contentLen(p.Segment.Target)
			} else {
				n += contentLen(p.Segment.Source) / 2 // targets prefilled for OmegaT
			}
			if w := p.Segment.Was; w != "" {
				n += 200 + 3*len(w) + contentLen(p.Segment.Target)
			}
		}
		// Each glossary entry is written twice: for tools, and as a note
		// for people.
		for _, e := range u.Glossary {
			n += 300 + 2*(len(e.Concept)+len(e.Term)+len(e.Translation)+len(e.Definition))
		}
		for _, note := range u.Notes {
			n += 40 + len(note.From) + len(note.Text)
		}
	}
	return n
}

func contentLen(c inline.Content) int {
	n := 0
	for _, it := range c {
		if it.Code != nil {
			n += 48 + len(it.Code.Data)
		} else {
			n += len(it.Text) + len(it.Text)/16 // and some escapes
		}
	}
	return n
}
