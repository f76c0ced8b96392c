// Package memory is loctool's translation memory: every confirmed
// translation of a sentence, kept with its languages, its inline codes,
// the article it was published in and the sentences around it, and
// offered again when the same or a similar sentence comes back.
//
// A [Store] is a database: an embedded SQLite file by default (pure Go,
// no cgo), or a PostgreSQL database a team shares across machines and
// CI jobs. Both have the same schema, brought up to date when the store
// is opened, and behave the same:
//
//   - A source and its translation are kept once, with a count of their
//     uses: each article and place they were published at counts once.
//     Other translations of the same source are all kept.
//   - [Store.Lookup] returns in-context matches (the same sentence
//     between the same neighbours), then exact matches, then fuzzy
//     matches above a threshold, scored as [Similarity] says; matches of
//     one score, the latest first, then the most used.
//   - Fuzzy candidates come from a full-text index of the sources'
//     tokens (SQLite's FTS5, PostgreSQL's tsvector with a GIN index).
//     A unit that can reach the threshold shares one of the sentence's
//     rarest tokens with it, so looking up those tokens finds every
//     match that scoring every unit would.
//   - Writers are safe together: every write is a transaction, SQLite's
//     in WAL mode, and writers take rows in one order.
package memory
