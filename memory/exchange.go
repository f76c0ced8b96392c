package memory

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/tmx"
	"golang.org/x/text/language"
)

// Languages are the languages a project keeps translations in: a
// memory file's variants are taken in these, and others left out.
type Languages struct {
	Source  language.Tag
	Targets []language.Tag
}

// match returns the language of l that a variant's tag is: the same tag,
// or else one of the same language and script ("en-US" is "en", "kk" is
// not "kk-Latn"), and false for none.
func (l Languages) match(tag language.Tag, among []language.Tag) (language.Tag, bool) {
	for _, t := range among {
		if t == tag {
			return t, true
		}
	}
	base, _ := tag.Base()
	script, _ := tag.Script()
	for _, t := range among {
		b, _ := t.Base()
		s, _ := t.Script()
		if b == base && s == script {
			return t, true
		}
	}
	return language.Und, false
}

// ImportReport counts what an import took and left.
type ImportReport struct {
	// Units is how many translations were read: a unit with a source and
	// two translations is two.
	Units int
	// NoSource counts the file's units without a variant in the source
	// language, and OtherLanguages its variants in none of the project's
	// languages.
	NoSource, OtherLanguages int
	// Empty counts translations left out for being empty.
	Empty int
}

// importBatch is how many translations an import adds in one
// transaction.
const importBatch = 10000

// ImportTMX reads a TMX file and adds its translations to the memory,
// each source variant with each of its unit's variants in a target
// language. The file is read through once before anything is added, so
// that a file with a problem anywhere adds nothing; then it is added in
// batches, each a transaction. A run killed between batches is completed
// by running it again: what it added before is kept once.
func (s *Store) ImportTMX(ctx context.Context, open func() (io.ReadCloser, error), name string, langs Languages) (ImportReport, error) {
	if _, err := s.eachTMX(open, name, langs, func(Unit) error { return nil }); err != nil {
		return ImportReport{}, err
	}
	var batch []Unit
	flush := func() error {
		err := s.Add(ctx, batch)
		batch = batch[:0]
		return err
	}
	rep, err := s.eachTMX(open, name, langs, func(u Unit) error {
		batch = append(batch, u)
		if len(batch) == importBatch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	return rep, err
}

// eachTMX reads a TMX file and gives each of its translations to add.
func (s *Store) eachTMX(open func() (io.ReadCloser, error), name string, langs Languages, add func(Unit) error) (ImportReport, error) {
	var rep ImportReport
	f, err := open()
	if err != nil {
		return rep, err
	}
	defer f.Close()
	rd, err := tmx.NewReader(f, name, tmx.ReadOptions{})
	if err != nil {
		return rep, err
	}
	h := rd.Header()
	for {
		tu, err := rd.Next()
		if err == io.EOF {
			return rep, nil
		}
		if err != nil {
			return rep, err
		}
		srcLang := tu.SrcLang
		if srcLang == language.Und {
			srcLang = h.SrcLang
		}
		var src *tmx.Variant
		for _, v := range tu.Variants {
			if t, ok := langs.match(v.Lang, []language.Tag{langs.Source}); ok && t == langs.Source && (src == nil || v.Lang == srcLang) {
				src = v
			}
		}
		if src == nil {
			rep.NoSource++
			continue
		}
		for _, v := range tu.Variants {
			if v == src {
				continue
			}
			target, ok := langs.match(v.Lang, langs.Targets)
			if !ok {
				if _, isSource := langs.match(v.Lang, []language.Tag{langs.Source}); !isSource {
					rep.OtherLanguages++
				}
				continue
			}
			if len(v.Seg.Normalize()) == 0 {
				rep.Empty++
				continue
			}
			rep.Units++
			where := tu.TUID
			if where == "" {
				where = strconv.Itoa(tu.Line) + ":" + strconv.Itoa(tu.Col)
			}
			u := Unit{
				SourceLang: langs.Source, TargetLang: target,
				Source: src.Seg, Target: v.Seg,
				Article: name + "#" + where,
				Author:  first(v.ChangeID, v.CreationID, tu.ChangeID, tu.CreationID),
				Time:    firstTime(v.ChangeDate, v.CreationDate, tu.ChangeDate, tu.CreationDate, h.ChangeDate, h.CreationDate),
				Uses:    max(v.UsageCount, tu.UsageCount, 1),
			}
			if err := add(u); err != nil {
				return rep, err
			}
		}
	}
}

func first(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func firstTime(ts ...time.Time) time.Time {
	for _, t := range ts {
		if !t.IsZero() {
			return t
		}
	}
	return time.Time{}
}

// ExportTMX writes the memory's translations into target (every target
// language when it is language.Und) as TMX 1.4b, one unit for each
// source and translation, in the order of the source, then the target.
func (s *Store) ExportTMX(ctx context.Context, w io.Writer, source, target language.Tag, version string) (int, error) {
	query := `SELECT target_lang, source, target, uses, created, changed, author FROM units WHERE source_lang = ?`
	args := []any{source.String()}
	if target != language.Und {
		query += ` AND target_lang = ?`
		args = append(args, target.String())
	}
	rows, err := s.db.QueryContext(ctx, s.d.rebind(query+` ORDER BY source_hash, target_lang, target_hash`), args...)
	if err != nil {
		return 0, s.errorf("export: %w", err)
	}
	defer rows.Close()
	tw, err := tmx.NewWriter(w, &tmx.Header{SrcLang: source, SegType: "sentence"}, tmx.WriteOptions{ToolVersion: version})
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		var lang, src, tgt, author string
		var uses, created, changed int64
		if err := rows.Scan(&lang, &src, &tgt, &uses, &created, &changed, &author); err != nil {
			return n, s.errorf("export: %w", err)
		}
		var sc, tc inline.Content
		if sc, err = decode(src); err == nil {
			tc, err = decode(tgt)
		}
		if err != nil {
			return n, s.errorf("export: %w", err)
		}
		attrs := tmx.Attrs{CreationDate: time.UnixMilli(created).UTC(), ChangeDate: time.UnixMilli(changed).UTC(), ChangeID: author}
		tu := &tmx.Unit{Attrs: attrs, Usage: tmx.Usage{UsageCount: int(uses)}, Variants: []*tmx.Variant{
			{Lang: source, Seg: sc},
			{Lang: language.Make(lang), Seg: tc},
		}}
		if err := tw.Write(tu); err != nil {
			return n, fmt.Errorf("export: %w", err)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return n, s.errorf("export: %w", err)
	}
	return n, tw.Close()
}
