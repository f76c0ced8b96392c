package memory

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/internal/testtool"
	"golang.org/x/text/language"
)

// stores runs a test on a new SQLite memory and a new PostgreSQL one.
// open opens the same memory again, as another process would.
func stores(t *testing.T, test func(t *testing.T, open func() *Store)) {
	t.Run("sqlite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), ".loctool", "memory.db")
		test(t, func() *Store { return mustOpen(t, Config{Path: path}) })
	})
	t.Run("postgres", func(t *testing.T) {
		u := newPostgresDB(t)
		test(t, func() *Store { return mustOpen(t, Config{URL: u}) })
	})
}

func mustOpen(t *testing.T, c Config) *Store {
	t.Helper()
	s, err := Open(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// newPostgresDB makes a database of its own for a test on the server
// testtool.Postgres names, and drops it after.
func newPostgresDB(t *testing.T) string {
	t.Helper()
	server := testtool.Postgres(t)
	admin, err := sql.Open("pgx", server)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	name := "loctool_test_" + strings.ToLower(rand.Text()[:12])
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("%s: %v", server, err)
	}
	t.Cleanup(func() { admin.Exec("DROP DATABASE " + name + " WITH (FORCE)") })
	u, err := url.Parse(server)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

var (
	en = language.English
	ru = language.Russian
	kk = language.Kazakh
)

func unit(src, tgt string) Unit {
	return Unit{SourceLang: en, TargetLang: ru, Source: inline.Text(src), Target: inline.Text(tgt), Article: "a.md"}
}

func lookup(t *testing.T, s *Store, q Query) []Match {
	t.Helper()
	if q.SourceLang == (language.Tag{}) {
		q.SourceLang, q.TargetLang = en, ru
	}
	ms, err := s.Lookup(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

func show(ms []Match) string {
	var b strings.Builder
	for _, m := range ms {
		fmt.Fprintf(&b, "%d %v %q→%q uses %d; ", m.Score.Value, m.InContext, m.Source.Tagged(), m.Target.Tagged(), m.Uses)
	}
	return b.String()
}

func TestStore(t *testing.T) {
	stores(t, func(t *testing.T, open func() *Store) {
		ctx := context.Background()
		s := open()
		day := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
		first := unit("The minister resigned on Monday.", "Министр ушёл в отставку в понедельник.")
		first.Time = day
		first.Prev = inline.Text("Astana, 1 March.")
		first.Context = true
		// The same translation published in a second article, and again
		// in the first: one use more, not two.
		again := first
		again.Article = "b.md"
		again.Prev = nil
		// Another translation of the same sentence, later.
		other := unit("The minister resigned on Monday.", "В понедельник министр подал в отставку.")
		other.Time = day.Add(24 * time.Hour)
		other.Author = "Aigerim"
		other.Prev = inline.Text("Earlier that day.")
		if err := s.Add(ctx, []Unit{first, again, first, other}); err != nil {
			t.Fatal(err)
		}
		if err := s.Add(ctx, []Unit{
			unit("Inflation rose 5 percent in May.", "Инфляция выросла на 5 процентов в мае."),
			unit("Prices rose sharply.", "Цены резко выросли."),
			{SourceLang: en, TargetLang: kk, Source: inline.Text("Prices rose sharply."), Target: inline.Text("Бағалар күрт өсті.")},
		}); err != nil {
			t.Fatal(err)
		}

		// In context: the same sentence after the same sentence.
		ms := lookup(t, s, Query{Source: inline.Text("The minister resigned on Monday."), Prev: inline.Text("Astana, 1 March."), Context: true, Threshold: 75})
		if len(ms) != 2 || !ms[0].InContext || ms[0].Target.PlainText() != first.Target.PlainText() || ms[0].Uses != 2 || ms[1].InContext || ms[1].Author != "Aigerim" {
			t.Errorf("in context: %s", show(ms))
		}
		// Without neighbours, as "again" was published: in context with
		// it, and the other translation after.
		ms = lookup(t, s, Query{Source: inline.Text("The minister resigned on Monday."), Context: true, Threshold: 75})
		if len(ms) != 2 || !ms[0].InContext || ms[0].Target.PlainText() != first.Target.PlainText() || ms[1].InContext {
			t.Errorf("alone: %s", show(ms))
		}
		// Between other neighbours: the latest translation first.
		ms = lookup(t, s, Query{Source: inline.Text("The minister resigned on Monday."), Next: inline.Text("He gave no reason."), Context: true, Threshold: 75})
		if len(ms) != 2 || ms[0].InContext || ms[0].Target.PlainText() != other.Target.PlainText() || ms[0].Score.Value != 100 || ms[1].Score.Value != 100 {
			t.Errorf("exact: %s", show(ms))
		}
		// Fuzzy, with the number pointed out.
		ms = lookup(t, s, Query{Source: inline.Text("Inflation rose 6 percent in May."), Threshold: 75})
		if len(ms) != 1 || ms[0].Score.Value != 98 || len(ms[0].Score.Numbers) != 1 || ms[0].Score.Numbers[0] != (NumberChange{"5", "6"}) {
			t.Errorf("fuzzy: %s", show(ms))
		}
		// Below the threshold: nothing.
		if ms := lookup(t, s, Query{Source: inline.Text("Prices fell sharply in May."), Threshold: 75}); len(ms) != 0 {
			t.Errorf("below the threshold: %s", show(ms))
		}
		if ms := lookup(t, s, Query{Source: inline.Text("Prices fell sharply in May."), Threshold: 45}); len(ms) != 1 || ms[0].Score.Value != 50 {
			t.Errorf("at 45: %s", show(ms))
		}
		// Another target language.
		if ms := lookup(t, s, Query{SourceLang: en, TargetLang: kk, Source: inline.Text("Prices rose sharply!"), Threshold: 75}); len(ms) != 1 || ms[0].Target.PlainText() != "Бағалар күрт өсті." {
			t.Errorf("Kazakh: %s", show(ms))
		}
		// Exact only.
		if ms := lookup(t, s, Query{Source: inline.Text("Prices rose sharply!"), Threshold: 100}); len(ms) != 0 {
			t.Errorf("exact only: %s", show(ms))
		}

		// Opened again, as by another process: the same.
		s.Close()
		s = open()
		if ms := lookup(t, s, Query{Source: inline.Text("Prices rose sharply."), Threshold: 100}); len(ms) != 1 {
			t.Errorf("reopened: %s", show(ms))
		}
	})
}

// TestStoreCodes checks that a sentence's codes are kept, and that codes
// of other kinds are a fuzzy match's penalty.
func TestStoreCodes(t *testing.T) {
	stores(t, func(t *testing.T, open func() *Store) {
		s := open()
		u := Unit{SourceLang: en, TargetLang: ru, Source: bold("The ", "minister", " resigned."), Target: bold("", "Министр", " ушёл в отставку.")}
		u.Target[1].Code.Display = "b"
		if err := s.Add(context.Background(), []Unit{u}); err != nil {
			t.Fatal(err)
		}
		ms := lookup(t, s, Query{Source: bold("The ", "minister", " resigned."), Threshold: 75})
		if len(ms) != 1 || !ms[0].Target.Equal(u.Target) || !ms[0].Source.Equal(u.Source) {
			t.Fatalf("codes: %s", show(ms))
		}
		ms = lookup(t, s, Query{Source: inline.Text("The minister resigned."), Threshold: 75})
		if len(ms) != 1 || ms[0].Score.Value != 98 {
			t.Errorf("without codes: %s", show(ms))
		}
	})
}

// TestStoreFindsEveryMatch checks the full-text prefilter against
// scoring every unit: a memory of sentences that share words in many
// ways, each looked up at several thresholds.
func TestStoreFindsEveryMatch(t *testing.T) {
	words := strings.Fields("the minister of finance resigned on Monday in Astana after talks with president 5 , . prices rose")
	var sentences []string
	for i := range 300 {
		n := 3 + i%9
		var w []string
		for j := range n {
			w = append(w, words[(i*7+j*j*3+j)%len(words)])
		}
		sentences = append(sentences, strings.Join(w, " "))
	}
	stores(t, func(t *testing.T, open func() *Store) {
		s := open()
		var units []Unit
		for i, x := range sentences {
			units = append(units, unit(x, fmt.Sprint(i)))
		}
		if err := s.Add(context.Background(), units); err != nil {
			t.Fatal(err)
		}
		for _, q := range sentences[:60] {
			for _, threshold := range []int{50, 75, 90} {
				want := map[string]bool{}
				for _, x := range sentences {
					if Similarity(inline.Text(x), inline.Text(q)).Value >= threshold {
						want[x] = true
					}
				}
				ms := lookup(t, s, Query{Source: inline.Text(q), Threshold: threshold, Max: 1000})
				got := map[string]bool{}
				for _, m := range ms {
					got[m.Source.PlainText()] = true
				}
				for x := range want {
					if !got[x] {
						t.Errorf("%q at %d: %q not found", q, threshold, x)
					}
				}
				for x := range got {
					if !want[x] {
						t.Errorf("%q at %d: %q found", q, threshold, x)
					}
				}
			}
		}
	})
}

// TestStoreConcurrentWriters adds from several connections at once, as
// two CI jobs and an import would: nothing is lost.
func TestStoreConcurrentWriters(t *testing.T) {
	stores(t, func(t *testing.T, open func() *Store) {
		open() // made once
		const writers, each = 4, 30
		var wg sync.WaitGroup
		errs := make(chan error, writers)
		for w := range writers {
			wg.Go(func() {
				s := open()
				for i := range each {
					// Every writer adds the shared sentences too, in
					// another order.
					batch := []Unit{
						unit(fmt.Sprintf("Writer %d wrote sentence %d.", w, i), "x"),
						unit(fmt.Sprintf("Shared sentence %d.", (i*(w+1))%each), "y"),
					}
					batch[1].Article = fmt.Sprintf("w%d.md", w)
					if err := s.Add(context.Background(), batch); err != nil {
						errs <- err
						return
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		s := open()
		stats, err := s.Stats(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if want := writers*each + each; stats.Units != want {
			t.Errorf("%d units, want %d", stats.Units, want)
		}
		ms := lookup(t, s, Query{Source: inline.Text("Shared sentence 0."), Threshold: 100})
		if len(ms) != 1 || ms[0].Uses != writers {
			t.Errorf("shared: %s", show(ms))
		}
	})
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(context.Background(), Config{Path: dir})
	if err == nil || !strings.Contains(err.Error(), dir) {
		t.Errorf("a folder: %v", err)
	}
	broken := filepath.Join(dir, "broken.db")
	writeFile(t, broken, "not a database, but long enough to be taken for one's header: 0123456789")
	_, err = Open(context.Background(), Config{Path: broken})
	if err == nil || !strings.Contains(err.Error(), broken) {
		t.Errorf("not a database: %v", err)
	}
	_, err = Open(context.Background(), Config{URL: "postgres://someone:secret@127.0.0.1:1/nowhere?connect_timeout=5"})
	if err == nil || strings.Contains(err.Error(), "secret") || !strings.Contains(err.Error(), "127.0.0.1:1") {
		t.Errorf("no server: %v", err)
	}
	// A newer schema.
	path := filepath.Join(dir, "newer.db")
	s := mustOpen(t, Config{Path: path})
	if _, err := s.db.Exec(`UPDATE loctool_schema SET version = 99`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = Open(context.Background(), Config{Path: path})
	if !errors.Is(err, ErrNewer) || !strings.Contains(err.Error(), path) {
		t.Errorf("newer: %v", err)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o666); err != nil {
		t.Fatal(err)
	}
}
