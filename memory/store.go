package memory

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/loctool/loctool/inline"
	"golang.org/x/text/language"
)

// Unit is one translation the memory keeps: a source sentence and its
// translation, with where and when it was made.
type Unit struct {
	SourceLang, TargetLang language.Tag
	Source, Target         inline.Content
	// Prev and Next are the sentences before and after the source in its
	// article (empty at a paragraph's start or end), when Context is
	// set: a sentence that comes back between the same neighbours is
	// matched in context. A unit from a file without its context, such as
	// a TMX file, has none.
	Prev, Next inline.Content
	Context    bool
	// Article is where the translation was published, or the file it was
	// imported from.
	Article string
	// Author is who translated it, where that is known.
	Author string
	// Time is when it was translated or published.
	Time time.Time
	// Uses is how many times it has been used: each article and place it
	// was published at counts once, and an imported unit counts as its
	// file says.
	Uses int
}

// Match is a translation the memory offers for a sentence.
type Match struct {
	Unit
	Score Score
	// InContext is set for a match of the same sentence between the same
	// neighbours.
	InContext bool
}

// Query asks for the matches of a sentence.
type Query struct {
	SourceLang, TargetLang language.Tag
	Source                 inline.Content
	// Prev and Next are the sentence's neighbours, for matches in context
	// when Context is set.
	Prev, Next inline.Content
	Context    bool
	// Threshold is the least score of a fuzzy match, from 1 to 100; 100
	// asks for exact matches only.
	Threshold int
	// Max is the most matches returned; 0 means 5.
	Max int
}

// MaxFuzzyTokens is the most tokens a sentence has for fuzzy matches: a
// longer one, which is rarely a sentence, gets exact matches only.
const MaxFuzzyTokens = 400

// Store is a translation memory in a database.
type Store struct {
	db   *sql.DB
	d    dialect
	name string // the database, for errors: a path, or a URL without its password

	mu       sync.Mutex
	termDocs map[string]int // how many units have a term, as looked up
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// digest is what a sentence is found by: a hash of its Key, its text and
// its codes' kinds and types.
func digest(c inline.Content) []byte {
	h := sha256.Sum256([]byte(c.Key()))
	return h[:16]
}

// contextDigest is the digest of a neighbour, when the context is known,
// and otherwise an empty one, which no neighbour's digest is: a unit
// without its context is never matched in context.
func contextDigest(known bool, c inline.Content) []byte {
	if !known {
		return []byte{}
	}
	return digest(c)
}

// folds returns the tokens of a sentence as the full-text index holds
// them: words in lower case, numbers as "0n", and each other character
// as "0p" and its code point in hex, which no word of a sentence is.
func folds(ts []token) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(indexTerm(t))
	}
	return b.String()
}

// indexTerm is a token as the full-text index holds it.
func indexTerm(t token) string {
	switch {
	case t.digit:
		return "0n"
	case !wordRune([]rune(t.text)[0]):
		return fmt.Sprintf("0p%x", []rune(t.text)[0])
	}
	return t.fold
}

// Add keeps units, in one transaction: a source and translation kept
// already gains the unit's place, and a use when the place is new.
func (s *Store) Add(ctx context.Context, units []Unit) error {
	// Every writer takes the units' rows in the same order, so that two
	// at once never wait for each other.
	order := make([]int, len(units))
	keys := make([]string, len(units))
	for i := range units {
		order[i] = i
		u := &units[i]
		keys[i] = u.SourceLang.String() + "\x00" + u.TargetLang.String() + "\x00" + string(digest(u.Source)) + string(digest(u.Target))
	}
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(keys[a], keys[b]) })
	var err error
	for range 3 {
		if err = s.addAll(ctx, units, order); !s.d.retry(err) {
			break
		}
	}
	if err != nil {
		return s.errorf("add: %w", err)
	}
	return nil
}

// addAll adds units in order, in one transaction.
func (s *Store) addAll(ctx context.Context, units []Unit, order []int) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var last int64 // the last unit before these
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM units`).Scan(&last); err != nil {
		return err
	}
	w, err := s.newWriter(ctx, tx)
	if err != nil {
		return err
	}
	defer w.close()
	terms := map[string]int{} // the tokens of the new units, each counted once a unit
	for _, i := range order {
		added, err := w.add(ctx, &units[i])
		if err != nil {
			return err
		}
		for _, t := range slices.Compact(slices.Sorted(slices.Values(added))) {
			terms[t]++
		}
	}
	if err := s.d.indexed(ctx, tx, last, terms); err != nil {
		return err
	}
	return tx.Commit()
}

// writer adds units in a transaction, with its statements prepared once.
type writer struct {
	insert, find, place, touch *sql.Stmt
}

func (s *Store) newWriter(ctx context.Context, tx *sql.Tx) (*writer, error) {
	w := &writer{}
	for _, st := range []struct {
		stmt  **sql.Stmt
		query string
	}{
		{&w.insert, `
			INSERT INTO units (source_lang, target_lang, source_hash, target_hash, source, target, folds, tokens, uses, created, changed, author, article)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (source_lang, target_lang, source_hash, target_hash) DO NOTHING
			RETURNING id`},
		{&w.find, `SELECT id FROM units WHERE source_lang = ? AND target_lang = ? AND source_hash = ? AND target_hash = ?`},
		{&w.place, `INSERT INTO contexts (unit_id, article, prev_hash, next_hash) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`},
		// The latest translator is the one named; a new place is a use.
		{&w.touch, `
			UPDATE units SET
				author = CASE WHEN ? > changed AND ? <> '' THEN ? ELSE author END,
				changed = CASE WHEN ? > changed THEN ? ELSE changed END,
				uses = uses + ?
			WHERE id = ?`},
	} {
		stmt, err := tx.PrepareContext(ctx, s.d.rebind(st.query))
		if err != nil {
			w.close()
			return nil, err
		}
		*st.stmt = stmt
	}
	return w, nil
}

func (w *writer) close() {
	for _, st := range []*sql.Stmt{w.insert, w.find, w.place, w.touch} {
		if st != nil {
			st.Close()
		}
	}
}

// add adds one unit, and returns the index terms of its source if it is
// new.
func (w *writer) add(ctx context.Context, u *Unit) ([]string, error) {
	src, err := encode(u.Source)
	if err != nil {
		return nil, err
	}
	tgt, err := encode(u.Target)
	if err != nil {
		return nil, err
	}
	ts := tokenize(u.Source.PlainText())
	when := u.Time
	if when.IsZero() {
		when = time.Now()
	}
	ms := when.UnixMilli()
	uses := max(u.Uses, 1)
	srcLang, tgtLang, srcHash, tgtHash := u.SourceLang.String(), u.TargetLang.String(), digest(u.Source), digest(u.Target)
	var id int64
	err = w.insert.QueryRowContext(ctx, srcLang, tgtLang, srcHash, tgtHash, src, tgt, folds(ts), len(ts), uses, ms, ms, u.Author, u.Article).Scan(&id)
	inserted := err == nil
	if errors.Is(err, sql.ErrNoRows) {
		err = w.find.QueryRowContext(ctx, srcLang, tgtLang, srcHash, tgtHash).Scan(&id)
	}
	if err != nil {
		return nil, err
	}
	res, err := w.place.ExecContext(ctx, id, u.Article, contextDigest(u.Context, u.Prev), contextDigest(u.Context, u.Next))
	if err != nil {
		return nil, err
	}
	if inserted {
		terms := make([]string, len(ts))
		for i, t := range ts {
			terms[i] = indexTerm(t)
		}
		return terms, nil
	}
	n, err := res.RowsAffected()
	if err != nil {
		return nil, err
	}
	if n == 0 {
		uses = 0 // a place it has been used at already
	}
	_, err = w.touch.ExecContext(ctx, ms, u.Author, u.Author, ms, ms, uses, id)
	return nil, err
}

// Lookup returns the matches of a sentence, the best first: in-context
// matches, then exact ones, then fuzzy ones by score; translations of
// the same score by the latest, then by the most used.
func (s *Store) Lookup(ctx context.Context, q Query) ([]Match, error) {
	most := cmp.Or(q.Max, 5)
	langs := []any{q.SourceLang.String(), q.TargetLang.String()}
	// Exact matches first.
	rows, err := s.db.QueryContext(ctx, s.d.rebind(`
		SELECT id, source, target, uses, changed, author, article,
			? AND EXISTS (SELECT 1 FROM contexts c WHERE c.unit_id = units.id AND c.prev_hash = ? AND c.next_hash = ?)
		FROM units WHERE source_lang = ? AND target_lang = ? AND source_hash = ?`),
		q.Context, digest(q.Prev), digest(q.Next), langs[0], langs[1], digest(q.Source))
	if err != nil {
		return nil, s.errorf("look up: %w", err)
	}
	found, seen, err := s.scan(rows, q, func(u *Unit) Score { return Score{Value: 100} })
	if err != nil {
		return nil, err
	}
	ts := tokenize(q.Source.PlainText())
	if q.Threshold < 100 && len(ts) > 0 && len(ts) <= MaxFuzzyTokens {
		fuzzy, err := s.fuzzy(ctx, q, ts, seen, most)
		if err != nil {
			return nil, err
		}
		found = append(found, fuzzy...)
	}
	slices.SortStableFunc(found, func(a, b Match) int {
		return cmp.Or(
			compareBool(b.InContext, a.InContext),
			cmp.Compare(b.Score.Value, a.Score.Value),
			b.Time.Compare(a.Time),
			cmp.Compare(b.Uses, a.Uses))
	})
	if len(found) > most {
		found = found[:most]
	}
	return found, nil
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// fuzzy returns the fuzzy matches of a sentence of tokens ts, but for the
// units seen already. Every unit that can score q.Threshold shares one of
// the sentence's rarest tokens with it, which the full-text index finds.
func (s *Store) fuzzy(ctx context.Context, q Query, ts []token, seen map[int64]bool, most int) ([]Match, error) {
	t := max(q.Threshold, 1)
	n := len(ts)
	// A unit of m tokens scores t or more only if m is within these
	// bounds, and then differs from the sentence by at most edits tokens.
	shortest, longest := (t*n+99)/100, 100*n/t
	edits := (100 - t) * longest / 100
	// The sentence's tokens, the rarest first: a unit that has none of
	// the first edits+1 differs by more than edits.
	terms := make([]string, n)
	for i, tok := range ts {
		terms[i] = indexTerm(tok)
	}
	docs, err := s.docs(ctx, slices.Compact(slices.Sorted(slices.Values(terms))))
	if err != nil {
		return nil, s.errorf("look up: %w", err)
	}
	want := map[string]int{} // the sentence's tokens, counted
	for _, term := range terms {
		want[term]++
	}
	slices.SortStableFunc(terms, func(a, b string) int { return cmp.Or(cmp.Compare(docs[a], docs[b]), strings.Compare(a, b)) })
	probe := slices.Compact(terms[:min(edits+1, n)])
	rows, err := s.d.candidates(ctx, s.db, probe, q.SourceLang.String(), q.TargetLang.String(), shortest, longest)
	if err != nil {
		return nil, s.errorf("look up: %w", err)
	}
	// A candidate of m tokens that shares k of them with the sentence
	// differs by max(n, m) − k tokens at least, so scores
	// 100 × k / max(n, m) at most: most are left at that, before their
	// sentences are read, and the others are read from the highest
	// bound down, until no one left can reach the matches found.
	type candidate struct {
		id    int64
		bound int
	}
	var cands []candidate
	err = func() error {
		defer rows.Close()
		for rows.Next() {
			var id int64
			var f string
			var m int
			if err := rows.Scan(&id, &f, &m); err != nil {
				return err
			}
			if seen[id] {
				continue
			}
			shared := 0
			have := map[string]int{}
			for term := range strings.FieldsSeq(f) {
				if have[term] < want[term] {
					shared++
				}
				have[term]++
			}
			if most := max(n, m); (most-shared)*100 <= (100-t)*most {
				cands = append(cands, candidate{id, 100 * shared / most})
			}
		}
		return rows.Err()
	}()
	if err != nil {
		return nil, s.errorf("look up: %w", err)
	}
	slices.SortStableFunc(cands, func(a, b candidate) int { return cmp.Compare(b.bound, a.bound) })
	var found []Match
	for len(cands) > 0 {
		if len(found) >= most {
			// The most-th best score found: a candidate bound below it
			// cannot be among the matches returned.
			scores := make([]int, len(found))
			for i, m := range found {
				scores[i] = m.Score.Value
			}
			slices.Sort(scores)
			if cands[0].bound < scores[len(scores)-most] {
				break
			}
		}
		batch := cands[:min(len(cands), 64)]
		cands = cands[len(batch):]
		ids := make([]any, len(batch))
		for i, c := range batch {
			ids[i] = c.id
		}
		rows, err := s.db.QueryContext(ctx, s.d.rebind(`SELECT id, source, target, uses, changed, author, article FROM units WHERE id IN (`+placeholders(len(ids))+`)`), ids...)
		if err != nil {
			return nil, s.errorf("look up: %w", err)
		}
		more, _, err := s.scan(rows, q, func(u *Unit) Score {
			return similarity(u.Source, q.Source, tokenize(u.Source.PlainText()), ts, t)
		})
		if err != nil {
			return nil, err
		}
		found = append(found, slices.DeleteFunc(more, func(m Match) bool { return m.Score.Value < t })...)
	}
	return found, nil
}

// docs returns how many units have each of terms, from the store's
// cache where it can. The counts only order a sentence's tokens by
// rarity, so a count a later Add made out of date costs time, never a
// match.
func (s *Store) docs(ctx context.Context, terms []string) (map[string]int, error) {
	s.mu.Lock()
	out := make(map[string]int, len(terms))
	var ask []string
	for _, t := range terms {
		if n, ok := s.termDocs[t]; ok {
			out[t] = n
		} else {
			ask = append(ask, t)
		}
	}
	s.mu.Unlock()
	if len(ask) == 0 {
		return out, nil
	}
	got, err := s.d.docs(ctx, s.db, ask)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.termDocs == nil || len(s.termDocs) > maxCachedTerms {
		s.termDocs = map[string]int{}
	}
	for _, t := range ask {
		out[t] = got[t]
		s.termDocs[t] = got[t]
	}
	return out, nil
}

// maxCachedTerms bounds the store's cache of term counts: 262,144
// terms, some 15 MB; past it the cache starts again.
const maxCachedTerms = 1 << 18

// scan reads units from rows (id, source, target, uses, changed, author,
// article, and optionally whether in context), scoring each, and returns
// them and their IDs.
func (s *Store) scan(rows *sql.Rows, q Query, score func(*Unit) Score) ([]Match, map[int64]bool, error) {
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, nil, s.errorf("look up: %w", err)
	}
	seen := map[int64]bool{}
	var out []Match
	for rows.Next() {
		var id, uses, changed int64
		var src, tgt, author, article string
		var inContext bool
		dest := []any{&id, &src, &tgt, &uses, &changed, &author, &article}
		if len(cols) > len(dest) {
			dest = append(dest, &inContext)
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, nil, s.errorf("look up: %w", err)
		}
		seen[id] = true
		m := Match{Unit: Unit{
			SourceLang: q.SourceLang, TargetLang: q.TargetLang,
			Uses: int(uses), Time: time.UnixMilli(changed), Author: author, Article: article,
		}, InContext: inContext}
		if m.Source, err = decode(src); err == nil {
			m.Target, err = decode(tgt)
		}
		if err != nil {
			return nil, nil, s.errorf("unit %d: %w", id, err)
		}
		m.Score = score(&m.Unit)
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, s.errorf("look up: %w", err)
	}
	return out, seen, nil
}

// counts reads rows of a term and a count.
func counts(rows *sql.Rows, err error) (map[string]int, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var term string
		var n int
		if err := rows.Scan(&term, &n); err != nil {
			return nil, err
		}
		out[term] = n
	}
	return out, rows.Err()
}

// errorf wraps an error with the database's name.
func (s *Store) errorf(format string, args ...any) error {
	return fmt.Errorf("translation memory %s: %w", s.name, fmt.Errorf(format, args...))
}

// ErrNewer is a memory whose schema a newer loctool made.
var ErrNewer = errors.New("the translation memory was made by a newer loctool")
