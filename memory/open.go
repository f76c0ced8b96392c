package memory

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// Config says where a memory is: a SQLite file at Path, or the
// PostgreSQL database at URL (postgres://…), which a team shares.
type Config struct {
	Path string
	URL  string
}

// dialect is what differs between the databases.
type dialect interface {
	// rebind writes a query's ? placeholders as the database takes them.
	rebind(query string) string
	// migrations are the schema's versions, each the statements that
	// make it from the one before.
	migrations() [][]string
	// lock serializes the migrations of concurrent openers, inside tx.
	lock(ctx context.Context, tx *sql.Tx) error
	// docs returns how many units have each of terms.
	docs(ctx context.Context, db *sql.DB, terms []string) (map[string]int, error)
	// candidates returns the units of a language pair of shortest to
	// longest tokens that have one of terms: their IDs, folds and
	// numbers of tokens.
	candidates(ctx context.Context, db *sql.DB, terms []string, source, target string, shortest, longest int) (*sql.Rows, error)
	// indexed indexes the units tx added, those after the unit last, and
	// adds to the counts of units that have each term.
	indexed(ctx context.Context, tx *sql.Tx, last int64, terms map[string]int) error
	// retry reports whether a transaction that failed with err may be
	// tried again.
	retry(err error) bool
	// sizeQuery returns the database's size in bytes.
	sizeQuery() string
}

// Open opens a memory, making it or bringing its schema up to date.
func Open(ctx context.Context, c Config) (*Store, error) {
	var s *Store
	var err error
	switch {
	case c.URL != "":
		s, err = openPostgres(c.URL)
	case c.Path != "":
		s, err = openSQLite(c.Path)
	default:
		return nil, errors.New("a translation memory needs a path or a URL")
	}
	if err != nil {
		return nil, err
	}
	if err := s.migrate(ctx); err != nil {
		s.db.Close()
		return nil, err
	}
	return s, nil
}

// migrate brings the schema up to the latest version, in one
// transaction: a memory is at one version or the next, never between.
func (s *Store) migrate(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.errorf("open: %w", err)
	}
	defer tx.Rollback()
	if err := s.d.lock(ctx, tx); err != nil {
		return s.errorf("open: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS loctool_schema (version INTEGER NOT NULL)`); err != nil {
		return s.errorf("open: %w", err)
	}
	var version int
	err = tx.QueryRowContext(ctx, `SELECT version FROM loctool_schema`).Scan(&version)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if _, err := tx.ExecContext(ctx, `INSERT INTO loctool_schema (version) VALUES (0)`); err != nil {
			return s.errorf("open: %w", err)
		}
	case err != nil:
		return s.errorf("open: %w", err)
	}
	steps := s.d.migrations()
	if version > len(steps) {
		return s.errorf("schema version %d: %w (this one knows up to %d): update loctool", version, ErrNewer, len(steps))
	}
	if version == len(steps) {
		return nil
	}
	for v := version; v < len(steps); v++ {
		for _, stmt := range steps[v] {
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				return s.errorf("update the schema to version %d: %w", v+1, err)
			}
		}
	}
	if _, err := tx.ExecContext(ctx, s.d.rebind(`UPDATE loctool_schema SET version = ?`), len(steps)); err != nil {
		return s.errorf("open: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return s.errorf("open: %w", err)
	}
	return nil
}

// openSQLite opens a SQLite memory at path, making its folder.
func openSQLite(path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
		return nil, fmt.Errorf("translation memory %s: %w", path, err)
	}
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("translation memory %s: not a regular file", path)
	}
	// WAL: readers do not wait for a writer, and a kill loses no
	// committed transaction. Writers take the lock when they begin, and
	// wait for each other up to a minute.
	q := url.Values{}
	for _, p := range []string{"busy_timeout(60000)", "journal_mode(WAL)", "foreign_keys(1)", "synchronous(NORMAL)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+escapePath(path)+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("translation memory %s: %w", path, err)
	}
	return &Store{db: db, d: sqlite{}, name: path}, nil
}

// escapePath writes a file path as the path of a file: URI.
func escapePath(path string) string {
	return strings.ReplaceAll((&url.URL{Path: path}).EscapedPath(), "?", "%3F")
}
