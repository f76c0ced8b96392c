package project

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/xliff"
)

var trials = flag.Int("trials", 10000, "trials of TestNoTranslationLost")

// TestNoTranslationLost is the promise that no translation is ever lost,
// as a property: a random article is extracted and translated, edited at
// random (sentences inserted, deleted, moved and changed; paragraphs
// split and joined), extracted again and merged. Every translation made
// before must then be on its sentence, if the sentence is unchanged; on
// a changed sentence, marked for review; or in the obsolete store. A
// failing trial gives its seed: go test ./project -run
// TestNoTranslationLost -trials 1 -seed N.
func TestNoTranslationLost(t *testing.T) {
	n := *trials
	if testing.Short() {
		n = min(n, 500)
	}
	runTrials(t, n, (*trialProject).trial)
}

// runTrials runs n trials, from the seed -seed on, on as many projects
// as there are processors, and stops at the first that fails.
func runTrials(t *testing.T, n int, trial func(*trialProject, uint64) error) {
	var next atomic.Int64
	var failed atomic.Bool
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			w := newTrialProject(t)
			for !failed.Load() {
				i := next.Add(1) - 1
				if i >= int64(n) {
					return
				}
				seed := uint64(i) + *firstSeed
				if err := trial(w, seed); err != nil {
					failed.Store(true)
					t.Errorf("seed %d: %v", seed, err)
				}
			}
		})
	}
	wg.Wait()
	t.Logf("%d trials", min(next.Load(), int64(n)))
}

var firstSeed = flag.Uint64("seed", 1, "the seed of TestNoTranslationLost's first trial")

// trialProject is a project whose one article the trials rewrite.
type trialProject struct {
	p *Project
}

const trialArticle = "articles/a.txt"

func newTrialProject(t *testing.T) *trialProject {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "articles"), 0o755); err != nil {
		t.Fatal(err)
	}
	p, err := Open(Config{Root: root, Source: language.English, Targets: []language.Tag{language.Russian}, Articles: []string{trialArticle}})
	if err != nil {
		t.Fatal(err)
	}
	return &trialProject{p: p}
}

// trial runs one trial.
func (w *trialProject) trial(seed uint64) error {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	root := w.p.Root
	if err := os.RemoveAll(filepath.Join(root, "locales")); err != nil {
		return err
	}
	a := randomArticle(r)
	if err := w.write(trialArticle, []byte(a.text())); err != nil {
		return err
	}
	// Extract, and translate each sentence: its translation names it.
	if err := w.extract(ExtractOptions{}); err != nil {
		return fmt.Errorf("first extract: %w", err)
	}
	rel := w.p.HandoffPath(trialArticle, language.Russian)
	f, err := w.readFile(rel)
	if err != nil {
		return err
	}
	translations := map[string]string{} // source sentence → its translation
	for _, u := range f.Units {
		for _, s := range u.Segments() {
			src := s.Source.PlainText()
			s.Target = inline.Text("ПЕРЕВОД " + src)
			s.State = handoff.Translated
			translations[src] = s.Target.PlainText()
		}
	}
	var b bytes.Buffer
	if err := xliff.Write(&b, f, xliff.WriteOptions{Version: xliff.Version12}); err != nil {
		return err
	}
	if err := w.write(rel, b.Bytes()); err != nil {
		return err
	}
	// Edit the article, and extract again.
	edits := a.edit(r)
	if err := w.write(trialArticle, []byte(a.text())); err != nil {
		return err
	}
	if err := w.extract(ExtractOptions{}); err != nil {
		return fmt.Errorf("extract after %s: %w", edits, err)
	}
	f, err = w.readFile(rel)
	if err != nil {
		return err
	}
	kept := map[string]*handoff.Segment{} // translation → the segment that has it
	for _, u := range f.Units {
		for _, s := range u.Segments() {
			if s.Target != nil {
				kept[s.Target.PlainText()] = s
			}
		}
	}
	var obsolete []byte
	if data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(w.p.ObsoletePath(language.Russian)))); err == nil {
		obsolete = data
	}
	now := map[string]bool{}
	for _, s := range a.sentences() {
		now[s] = true
	}
	for src, tr := range translations {
		s := kept[tr]
		switch {
		case now[src]:
			if s == nil || s.Source.PlainText() != src || s.State == handoff.NeedsReview {
				return fmt.Errorf("after %s, the unchanged sentence %q lost its translation %q (found %v)", edits, src, tr, s)
			}
		case s != nil:
			// On a changed sentence, for review: not on another unchanged
			// one, which has its own.
			if on := s.Source.PlainText(); s.State != handoff.NeedsReview || translations[on] != "" {
				return fmt.Errorf("after %s, the translation %q of %q is on %q, %s", edits, tr, src, s.Source.PlainText(), s.State)
			}
		case !bytes.Contains(obsolete, []byte(tr)):
			return fmt.Errorf("after %s, the translation %q of %q is nowhere", edits, tr, src)
		}
	}
	// Merge: the unchanged sentences come out translated.
	plan, _, err := w.p.Merge(MergeOptions{Missing: MissingSource})
	if err != nil {
		return fmt.Errorf("merge after %s: %w", edits, err)
	}
	var out []byte
	for _, wr := range plan.Writes {
		if strings.HasSuffix(wr.Path, trialArticle) {
			out = wr.Data
		}
	}
	for src, tr := range translations {
		if now[src] && !bytes.Contains(out, []byte(tr)) {
			return fmt.Errorf("after %s, the merged article lacks %q:\n%s", edits, tr, out)
		}
	}
	return nil
}

func (w *trialProject) write(rel string, data []byte) error {
	abs := filepath.Join(w.p.Root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return err
	}
	return os.WriteFile(abs, data, 0o644)
}

// extract extracts the article and writes the plan, without the fsyncs
// of Apply: the trials test what is written, not how.
func (w *trialProject) extract(opts ExtractOptions) error {
	plan, report, err := w.p.Extract(opts)
	if err != nil {
		return err
	}
	if report.Failed() {
		var msgs []string
		for _, f := range report.Files {
			for _, d := range f.Diagnostics {
				msgs = append(msgs, d.String())
			}
		}
		return fmt.Errorf("extract failed: %s", strings.Join(msgs, "; "))
	}
	for _, wr := range plan.Writes {
		if err := w.apply(wr); err != nil {
			return err
		}
	}
	return nil
}

// readFile reads a handoff file as loctool does.
func (w *trialProject) readFile(rel string) (*handoff.File, error) {
	f, _, err := w.p.readHandoff(rel, language.Russian)
	return f, err
}

// article is paragraphs of sentences, each sentence different.
type article struct {
	paras [][]string
	made  int // sentences made, for new ones
	r     *rand.Rand
}

var trialWords = strings.Fields("the minister court amnesty party leader region decree opposition journalist " +
	"signed freed said released jailed announced reported criticised supported left " +
	"today quietly again formally finally in Almaty in Astana on Monday at night")

// sentence makes a new sentence, different from all others.
func (a *article) sentence() string {
	a.made++
	n := 3 + a.r.IntN(6)
	words := make([]string, n)
	for i := range words {
		words[i] = trialWords[a.r.IntN(len(trialWords))]
	}
	s := strings.Join(words, " ")
	return strings.ToUpper(s[:1]) + s[1:] + fmt.Sprintf(" number %d.", a.made)
}

func randomArticle(r *rand.Rand) *article {
	a := &article{r: r}
	for range 1 + r.IntN(5) {
		var p []string
		for range 1 + r.IntN(4) {
			p = append(p, a.sentence())
		}
		a.paras = append(a.paras, p)
	}
	return a
}

func (a *article) text() string {
	var ps []string
	for _, p := range a.paras {
		ps = append(ps, strings.Join(p, " "))
	}
	return strings.Join(ps, "\n\n") + "\n"
}

func (a *article) sentences() []string {
	return slices.Concat(a.paras...)
}

// edit makes one to four random edits, and says what they were.
func (a *article) edit(r *rand.Rand) string {
	var done []string
	for range 1 + r.IntN(4) {
		p := r.IntN(len(a.paras))
		para := a.paras[p]
		i := r.IntN(len(para))
		switch r.IntN(6) {
		case 0: // insert a sentence
			a.paras[p] = slices.Insert(para, i, a.sentence())
			done = append(done, "insert")
		case 1: // delete one
			if len(a.sentences()) > 1 {
				a.paras[p] = slices.Delete(para, i, i+1)
				done = append(done, "delete")
			}
		case 2: // move one to another paragraph
			s := para[i]
			a.paras[p] = slices.Delete(para, i, i+1)
			q := r.IntN(len(a.paras))
			a.paras[q] = slices.Insert(a.paras[q], r.IntN(len(a.paras[q])+1), s)
			done = append(done, "move")
		case 3: // change a word of one
			words := strings.Fields(para[i])
			j := r.IntN(len(words) - 2) // not the number, which keeps it different
			words[j] = trialWords[r.IntN(len(trialWords))] + "s"
			if j == 0 {
				words[j] = strings.ToUpper(words[j][:1]) + words[j][1:]
			}
			para[i] = strings.Join(words, " ")
			done = append(done, "change")
		case 4: // split the paragraph
			if i > 0 {
				a.paras = slices.Insert(a.paras, p+1, slices.Clone(para[i:]))
				a.paras[p] = para[:i]
				done = append(done, "split")
			}
		case 5: // join it with the next
			if p+1 < len(a.paras) {
				a.paras[p] = append(para, a.paras[p+1]...)
				a.paras = slices.Delete(a.paras, p+1, p+2)
				done = append(done, "join")
			}
		}
		a.paras = slices.DeleteFunc(a.paras, func(p []string) bool { return len(p) == 0 })
	}
	return strings.Join(done, ", ")
}
