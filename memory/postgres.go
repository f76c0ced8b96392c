package memory

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // the database/sql driver "pgx"
)

// postgres is the dialect of a PostgreSQL memory, which a team shares.
// Fuzzy candidates come from a GIN index of the sources' tokens (see
// folds) as a tsvector, and how many units have a token from the table
// terms, which Add keeps up to date.
type postgres struct{}

// openPostgres opens the PostgreSQL memory at rawURL.
func openPostgres(rawURL string) (*Store, error) {
	name := redact(rawURL)
	db, err := sql.Open("pgx", rawURL)
	if err != nil {
		return nil, fmt.Errorf("translation memory %s: %w", name, err)
	}
	return &Store{db: db, d: postgres{}, name: name}, nil
}

// redact returns a URL without its password, for messages.
func redact(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "postgres://…" // an unparsable URL may hold a password anywhere
	}
	return u.Redacted()
}

func (postgres) rebind(query string) string {
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// migrationLock is the advisory lock the openers of a memory take to
// bring its schema up to date one at a time.
const migrationLock = 0x6c6f63746f6f6c // "loctool"

func (postgres) lock(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrationLock))
	return err
}

func (postgres) migrations() [][]string {
	return [][]string{{
		`CREATE TABLE units (
			id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			source_lang TEXT NOT NULL,
			target_lang TEXT NOT NULL,
			source_hash BYTEA NOT NULL,
			target_hash BYTEA NOT NULL,
			source TEXT NOT NULL,
			target TEXT NOT NULL,
			folds TEXT NOT NULL,
			folds_tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', folds)) STORED,
			tokens INTEGER NOT NULL,
			uses BIGINT NOT NULL,
			created BIGINT NOT NULL,
			changed BIGINT NOT NULL,
			author TEXT NOT NULL,
			article TEXT NOT NULL,
			UNIQUE (source_lang, target_lang, source_hash, target_hash)
		)`,
		`CREATE INDEX units_folds ON units USING GIN (folds_tsv)`,
		`CREATE TABLE contexts (
			unit_id BIGINT NOT NULL REFERENCES units (id) ON DELETE CASCADE,
			article TEXT NOT NULL,
			prev_hash BYTEA NOT NULL,
			next_hash BYTEA NOT NULL,
			PRIMARY KEY (unit_id, article, prev_hash, next_hash)
		)`,
		`CREATE TABLE terms (
			term TEXT PRIMARY KEY,
			docs BIGINT NOT NULL
		)`,
	}}
}

func (postgres) docs(ctx context.Context, db *sql.DB, terms []string) (map[string]int, error) {
	return counts(db.QueryContext(ctx, `SELECT term, docs FROM terms WHERE term = ANY($1)`, terms))
}

func (postgres) candidates(ctx context.Context, db *sql.DB, terms []string, source, target string, shortest, longest int) (*sql.Rows, error) {
	quoted := make([]string, len(terms))
	for i, t := range terms {
		quoted[i] = "'" + strings.NewReplacer(`'`, `''`, `\`, `\\`).Replace(t) + "'"
	}
	return db.QueryContext(ctx, `
		SELECT id, folds, tokens FROM units
		WHERE folds_tsv @@ to_tsquery('simple', $1) AND source_lang = $2 AND target_lang = $3 AND tokens BETWEEN $4 AND $5`,
		strings.Join(quoted, " | "), source, target, shortest, longest)
}

func (postgres) indexed(ctx context.Context, tx *sql.Tx, _ int64, terms map[string]int) error {
	if len(terms) == 0 {
		return nil
	}
	names := slices.Sorted(maps.Keys(terms))
	counts := make([]int64, len(names))
	for i, t := range names {
		counts[i] = int64(terms[t])
	}
	_, err := tx.ExecContext(ctx, `
		INSERT INTO terms (term, docs) SELECT * FROM unnest($1::text[], $2::bigint[])
		ON CONFLICT (term) DO UPDATE SET docs = terms.docs + excluded.docs`, names, counts)
	return err
}

// retry reports whether a transaction failed for a conflict with another
// writer, and may be tried again: a deadlock or a serialization failure.
func (postgres) retry(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01")
}

func (postgres) sizeQuery() string { return `SELECT pg_database_size(current_database())` }
