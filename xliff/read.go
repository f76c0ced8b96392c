package xliff

import (
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/handoff"
)

// Read reads an XLIFF 1.2 or 2.x document of one <file>, with the
// default [ReadOptions]. The version comes from the namespace; name is
// the file's name, for error messages.
func Read(r io.Reader, name string) (*handoff.File, Version, error) {
	return ReadOptions{}.Read(r, name)
}

// Read reads an XLIFF 1.2 or 2.x document of one <file>.
func (o ReadOptions) Read(r io.Reader, name string) (*handoff.File, Version, error) {
	files, pos, v, err := o.readAll(r, name)
	if err != nil {
		return nil, v, err
	}
	if len(files) > 1 {
		return nil, v, &Error{File: name, Line: pos[1].line, Col: pos[1].col, Kind: ErrMultipleFiles,
			Msg: fmt.Sprintf("the document has %d <file> elements: loctool reads one article per document (ReadAll reads them all)", len(files))}
	}
	return files[0], v, nil
}

// ReadAll reads an XLIFF 1.2 or 2.x document, one [handoff.File] per
// <file> element.
func (o ReadOptions) ReadAll(r io.Reader, name string) ([]*handoff.File, Version, error) {
	files, _, v, err := o.readAll(r, name)
	return files, v, err
}

func (o ReadOptions) readAll(r io.Reader, name string) ([]*handoff.File, []*node, Version, error) {
	p := &parser{file: name, lim: o.Limits.Or(DefaultLimits)}
	root, err := p.parse(r)
	if err != nil {
		return nil, nil, "", err
	}
	if root.name.Local != "xliff" {
		return nil, nil, "", p.errf(root.line, root.col, ErrSyntax, "the root element is %s, not <xliff>: this is not an XLIFF file", root.tag())
	}
	var files []*handoff.File
	var pos []*node
	var v Version
	switch ns := root.name.Space; {
	case ns == ns12 || ns == "" && root.get("version") == "1.2":
		v = Version12
		files, pos, err = (&reader12{p: p, ns: ns, opts: o}).read(root)
	case ns == ns20 || ns == ns22:
		rd := newReader2(p, ns, o)
		files, pos, err = rd.read(root)
		v = rd.version
	case ns == "urn:oasis:names:tc:xliff:document:1.1" || ns == "urn:oasis:names:tc:xliff:document:1.0":
		return nil, nil, "", p.errf(root.line, root.col, ErrVersion, "XLIFF %s is not supported: convert the file to XLIFF 1.2 or 2.x", ns[len(ns)-3:])
	default:
		return nil, nil, "", p.errf(root.line, root.col, ErrVersion, "<xliff> is in namespace %q: expected XLIFF 1.2 (%s) or 2.x (%s)", ns, ns12, ns20)
	}
	if err != nil {
		return nil, nil, v, err
	}
	for i, f := range files {
		at := pos[i] // 1.2 names the languages on <file>, 2.x on <xliff>
		if v != Version12 {
			at = root
		}
		if !tagMatches(f.SourceLang, o.SourceLang) {
			return nil, nil, v, p.errf(at.line, at.col, ErrLanguage, "the source language is %s, not %s as expected", f.SourceLang, o.SourceLang)
		}
		if !tagMatches(f.TargetLang, o.TargetLang) {
			if f.TargetLang == language.Und {
				return nil, nil, v, p.errf(at.line, at.col, ErrLanguage, "the file names no target language: expected %s", o.TargetLang)
			}
			return nil, nil, v, p.errf(at.line, at.col, ErrLanguage, "the target language is %s, not %s as expected", f.TargetLang, o.TargetLang)
		}
	}
	return files, pos, v, nil
}

// decodeRemarks takes loctool's remarks out of a unit's notes, into the
// fields they stand for ([handoff.Unit.Remarks]): the unit's kind, and
// the source a translation kept for review was made for. The glossary's
// entries stay notes: their text is all that is known of them.
func decodeRemarks(u *handoff.Unit) {
	var notes []handoff.Note
	for _, n := range u.Notes {
		switch n.From {
		case handoff.KindFrom:
			if u.Kind == "" {
				u.Kind = n.Text
			}
		case handoff.WasFrom:
			id, was, ok := strings.Cut(n.Text, " was: ")
			if s := u.Segment(id); ok && s != nil {
				s.Was = was
			}
		default:
			notes = append(notes, n)
		}
	}
	u.Notes = notes
}
