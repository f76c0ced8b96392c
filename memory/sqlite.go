package memory

import (
	"context"
	"database/sql"
	"strings"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite", in pure Go
)

// sqlite is the dialect of an embedded SQLite memory. Fuzzy candidates
// come from an FTS5 index of the sources' tokens (see folds), and how
// many units have a token from its fts5vocab table.
type sqlite struct{}

func (sqlite) rebind(query string) string { return query }

func (sqlite) lock(context.Context, *sql.Tx) error { return nil } // the transaction is IMMEDIATE

func (sqlite) migrations() [][]string {
	return [][]string{{
		`CREATE TABLE units (
			id INTEGER PRIMARY KEY,
			source_lang TEXT NOT NULL,
			target_lang TEXT NOT NULL,
			source_hash BLOB NOT NULL,
			target_hash BLOB NOT NULL,
			source TEXT NOT NULL,
			target TEXT NOT NULL,
			folds TEXT NOT NULL,
			tokens INTEGER NOT NULL,
			uses INTEGER NOT NULL,
			created INTEGER NOT NULL,
			changed INTEGER NOT NULL,
			author TEXT NOT NULL,
			article TEXT NOT NULL,
			UNIQUE (source_lang, target_lang, source_hash, target_hash)
		)`,
		`CREATE TABLE contexts (
			unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
			article TEXT NOT NULL,
			prev_hash BLOB NOT NULL,
			next_hash BLOB NOT NULL,
			PRIMARY KEY (unit_id, article, prev_hash, next_hash)
		) WITHOUT ROWID`,
		`CREATE VIRTUAL TABLE unit_folds USING fts5 (folds, content = 'units', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 0')`,
		`CREATE VIRTUAL TABLE unit_terms USING fts5vocab (unit_folds, 'row')`,
		`CREATE TRIGGER units_unfolded AFTER DELETE ON units BEGIN
			INSERT INTO unit_folds (unit_folds, rowid, folds) VALUES ('delete', old.id, old.folds);
		END`,
	}}
}

func (sqlite) docs(ctx context.Context, db *sql.DB, terms []string) (map[string]int, error) {
	args := make([]any, len(terms))
	for i, t := range terms {
		args[i] = t
	}
	return counts(db.QueryContext(ctx, `SELECT term, doc FROM unit_terms WHERE term IN (`+placeholders(len(terms))+`)`, args...))
}

func (sqlite) candidates(ctx context.Context, db *sql.DB, terms []string, source, target string, shortest, longest int) (*sql.Rows, error) {
	quoted := make([]string, len(terms))
	for i, t := range terms {
		quoted[i] = `"` + strings.ReplaceAll(t, `"`, `""`) + `"`
	}
	return db.QueryContext(ctx, `
		SELECT u.id, u.folds, u.tokens
		FROM unit_folds f JOIN units u ON u.id = f.rowid
		WHERE unit_folds MATCH ? AND u.source_lang = ? AND u.target_lang = ? AND u.tokens BETWEEN ? AND ?`,
		strings.Join(quoted, " OR "), source, target, shortest, longest)
}

// placeholders returns n ? placeholders, separated by commas.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// indexed indexes the new units in one statement, at the end of their
// transaction: FTS5 writes its pending terms out at each statement that
// writes it, and one statement a unit would make an index of thousands
// of small segments. fts5vocab counts the terms.
func (sqlite) indexed(ctx context.Context, tx *sql.Tx, last int64, _ map[string]int) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO unit_folds (rowid, folds) SELECT id, folds FROM units WHERE id > ?`, last)
	return err
}

func (sqlite) retry(error) bool { return false } // writers wait for each other (busy_timeout)

func (sqlite) sizeQuery() string {
	return `SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()`
}
