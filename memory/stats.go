package memory

import (
	"context"

	"golang.org/x/text/language"
)

// Stats is what a memory holds.
type Stats struct {
	// Units is how many translations it keeps, of every language pair.
	Units int
	// Pairs are the counts of each language pair, in order.
	Pairs []PairStats
	// Bytes is the database's size.
	Bytes int64
}

// PairStats counts the translations of one language pair.
type PairStats struct {
	SourceLang, TargetLang language.Tag
	Units, Uses            int
}

// Stats counts what the memory holds.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	rows, err := s.db.QueryContext(ctx, `SELECT source_lang, target_lang, count(*), sum(uses) FROM units GROUP BY source_lang, target_lang ORDER BY source_lang, target_lang`)
	if err != nil {
		return st, s.errorf("stats: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var src, tgt string
		var p PairStats
		if err := rows.Scan(&src, &tgt, &p.Units, &p.Uses); err != nil {
			return st, s.errorf("stats: %w", err)
		}
		p.SourceLang, p.TargetLang = language.Make(src), language.Make(tgt)
		st.Units += p.Units
		st.Pairs = append(st.Pairs, p)
	}
	if err := rows.Err(); err != nil {
		return st, s.errorf("stats: %w", err)
	}
	if err := s.db.QueryRowContext(ctx, s.d.sizeQuery()).Scan(&st.Bytes); err != nil {
		return st, s.errorf("stats: %w", err)
	}
	return st, nil
}
