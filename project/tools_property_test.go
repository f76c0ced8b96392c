package project

import (
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/i18njson"
	"github.com/loctool/loctool/inline"
)

var toolTrials = flag.Int("tool-trials", 2000, "trials of TestToolsLoseNothing")

// TestToolsLoseNothing is TestNoTranslationLost with what translators and
// their tools do between runs, over several rounds of translation, edits
// of the article and extraction: translations added, replaced and
// emptied; states set as tools set them (OmegaT's new, needs-translation,
// translated, final, signed-off; XLIFF 2's initial, translated, final),
// which confirm a translation kept for review or do not; notes added;
// targets reordered; JSON hashes refreshed; a file returned after the
// article changed; the format switched; and runs killed, before their
// batch was committed or, for a JSON file, after its source snapshot
// was written without the journal.
//
// After each extract: every translation made is on its sentence, or on
// a changed sentence for review, or in the obsolete store; one for
// review is held until someone confirms it; every note added is in the
// handoff file, the source snapshot or the obsolete store. After each
// merge, the article holds the translations the file offers, and no
// other: none of a sentence that changed and was not confirmed. A
// failing trial gives its seed: go test ./project -run
// TestToolsLoseNothing -tool-trials 1 -seed N.
func TestToolsLoseNothing(t *testing.T) {
	n := *toolTrials
	if testing.Short() {
		n = min(n, 200)
	}
	tally = sync.Map{}
	runTrials(t, n, (*trialProject).toolTrial)
	// Each trial draws what tools do at random: so many trials do each.
	var counts []string
	for _, event := range events {
		c, _ := tally.Load(event)
		got, _ := c.(*atomic.Int64)
		if got == nil {
			got = new(atomic.Int64)
		}
		counts = append(counts, fmt.Sprintf("%s %d", event, got.Load()))
		if n >= 200 && got.Load() == 0 {
			t.Errorf("no trial did %q", event)
		}
	}
	t.Logf("what the trials did: %s", strings.Join(counts, ", "))
}

// events are what the trials count, to show that they do each.
var events = []string{
	"translated", "target emptied", "retranslated", "note added", "targets reordered",
	"state new", "state needs-translation", "state translated", "state final", "state signed-off", "state initial",
	"confirmed by a state", "hashes refreshed", "refused, returned with its hashes", "old file returned",
	"extract to another format", "killed before the commit", "killed after the snapshot",
	"held for review", "published", "in the obsolete store",
}

var tally sync.Map // event → *atomic.Int64

func count(event string) {
	c, _ := tally.LoadOrStore(event, new(atomic.Int64))
	c.(*atomic.Int64).Add(1)
}

// work is what the model knows of a translation, by its text.
type work struct {
	// on is the source it was made, or last confirmed, for.
	on string
	// unconfirmed says a tool refreshed the hash of its JSON message
	// when it was written: it is for review.
	unconfirmed bool
}

// toolTrial runs one trial of TestToolsLoseNothing.
func (w *trialProject) toolTrial(seed uint64) error {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	if err := os.RemoveAll(filepath.Join(w.p.Root, "locales")); err != nil {
		return err
	}
	a := randomArticle(r)
	if err := w.write(trialArticle, []byte(a.text())); err != nil {
		return err
	}
	formats := []Format{XLIFF12, OmegaT, XLIFF21, JSON}
	format := formats[r.IntN(len(formats))]
	if err := w.extract(ExtractOptions{Format: format}); err != nil {
		return fmt.Errorf("first extract to %s: %w", format, err)
	}
	m := &toolModel{r: r, seed: seed, live: map[string]*work{}}
	log := []string{string(format)}
	var old struct {
		rel  string
		data []byte
	}
	for round := range 2 + r.IntN(3) {
		m.round = round
		fail := func(err error) error {
			return fmt.Errorf("round %d, after %s: %w", round+1, strings.Join(log, "; "), err)
		}
		// The translator returns the file made before the last change
		// of the article (in its format, with its hashes as written).
		if old.data != nil && r.IntN(5) == 0 {
			if _, err := os.Stat(filepath.Join(w.p.Root, filepath.FromSlash(old.rel))); err == nil {
				if err := w.write(old.rel, old.data); err != nil {
					return err
				}
				log = append(log, "old file returned")
				count("old file returned")
			}
		}
		h, err := w.held()
		if err != nil {
			return fail(err)
		}
		data, plain, did, err := m.tool(h)
		if err != nil {
			return fail(err)
		}
		log = append(log, did...)
		for _, d := range did {
			count(d)
		}
		if err := w.write(h.rel, data); err != nil {
			return err
		}
		old.rel, old.data = h.rel, data
		if plain != nil {
			old.data = nil // refused, as made for no known version
		}
		if r.IntN(4) != 0 {
			log = append(log, a.edit(r))
			if err := w.write(trialArticle, []byte(a.text())); err != nil {
				return err
			}
		}
		opts := ExtractOptions{}
		if r.IntN(6) == 0 {
			opts.Format = formats[r.IntN(len(formats))]
			log = append(log, "extract to "+string(opts.Format))
			count("extract to another format")
		}
		// Hashes a tool refreshed name no version: once the article has
		// changed, the file is refused, and left as it is, until the
		// translator returns it with its hashes as loctool wrote them.
		if plain != nil {
			err := w.extract(opts)
			if err == nil {
				goto extracted
			}
			if !strings.Contains(err.Error(), "["+diag.HandoffAmbiguous+"]") {
				return fail(fmt.Errorf("extract: %w", err))
			}
			if !bytes.Equal(w.bytes(h.rel), data) {
				return fail(fmt.Errorf("the refused file was changed: %w", err))
			}
			if err := w.write(h.rel, plain); err != nil {
				return err
			}
			for _, wk := range m.live {
				wk.unconfirmed = false
			}
			log = append(log, "refused, returned with its hashes")
			count("refused, returned with its hashes")
		}
		if r.IntN(6) == 0 {
			plan, report, err := w.p.Extract(opts)
			if err != nil || report.Failed() {
				return fail(fmt.Errorf("extract: %v %+v", err, report))
			}
			if h.format == JSON && opts.Format == "" && r.IntN(2) == 0 {
				// Killed with the journal lost, once the snapshot and its
				// history were written.
				for _, wr := range plan.Writes {
					if !strings.Contains(wr.Path, "/.loctool/") {
						break
					}
					if err := w.apply(wr); err != nil {
						return err
					}
				}
				log = append(log, "killed after the snapshot")
				count("killed after the snapshot")
			} else {
				log = append(log, "killed before the commit")
				count("killed before the commit")
			}
		}
		if err := w.extract(opts); err != nil {
			return fail(fmt.Errorf("extract: %w", err))
		}
	extracted:
		if err := w.checkFiles(m, a); err != nil {
			return fail(err)
		}
		if err := w.checkMerge(m); err != nil {
			return fail(err)
		}
	}
	return nil
}

// held reads the article's one handoff file, as loctool does.
func (w *trialProject) held() (held, error) {
	hs, err := w.p.heldHandoffs(trialArticle, language.Russian, nil, nil)
	if err != nil {
		return held{}, err
	}
	if len(hs) != 1 {
		return held{}, fmt.Errorf("%d handoff files", len(hs))
	}
	return hs[0], nil
}

// apply writes, or removes, one file of a plan.
func (w *trialProject) apply(wr Write) error {
	if wr.Remove {
		err := os.Remove(filepath.Join(w.p.Root, filepath.FromSlash(wr.Path)))
		if errors.Is(err, fs.ErrNotExist) {
			err = nil
		}
		return err
	}
	return w.write(wr.Path, wr.Data)
}

// toolModel is a translator and their tool, and what the trial knows
// of the translations they made.
type toolModel struct {
	r     *rand.Rand
	seed  uint64
	round int
	live  map[string]*work // translation → what it is for
	notes []string         // notes added, each unique
}

// translation is a new translation of a source, unique in the trial.
func (m *toolModel) translation(src string, n int) string {
	return fmt.Sprintf("ПЕРЕВОД %s r%dn%d", src, m.round, n)
}

// tool does what a translator and their tool do to a handoff file, and
// returns its new bytes and what it did; and, when the tool refreshed
// the hashes of a JSON file, its bytes with the hashes as written.
func (m *toolModel) tool(h held) (data, plain []byte, did []string, err error) {
	r := m.r
	f := h.file
	var written []string                     // translations this round
	stale := map[string][]*handoff.Segment{} // unit → its segments held for review
	n := 0
	for _, u := range f.Units {
		segs := u.Segments()
		for _, s := range segs {
			src := s.Source.PlainText()
			n++
			switch {
			case !s.IsTranslated():
				if r.IntN(5) != 0 {
					t := m.translation(src, n)
					s.Target, s.State = inline.Text(t), handoff.Translated
					m.live[t] = &work{on: src}
					written = append(written, t)
					count("translated")
				}
			case r.IntN(12) == 0:
				// JSON keeps the message's description, and its hash.
				delete(m.live, s.Target.PlainText())
				s.Target, s.State, s.Comments = nil, handoff.New, nil
				for _, s := range segs {
					s.Order = 0 // the unit's targets in their places
				}
				if h.format != JSON {
					s.Was = ""
				}
				did = append(did, "target emptied")
			case s.State == handoff.NeedsReview && r.IntN(3) == 0:
				// Confirmed by a new translation. JSON keeps what the
				// message was written with, for its hash.
				delete(m.live, s.Target.PlainText())
				t := m.translation(src, n)
				s.Target, s.Comments = inline.Text(t), nil
				if h.format != JSON {
					s.State, s.Was = handoff.Translated, ""
				}
				m.live[t] = &work{on: src}
				written = append(written, t)
				did = append(did, "retranslated")
			case s.State == handoff.NeedsReview:
				stale[u.ID] = append(stale[u.ID], s)
			}
		}
		if h.format == JSON {
			continue
		}
		if r.IntN(4) == 0 {
			text := fmt.Sprintf("NOTE %d.%d.%d", m.seed, m.round, len(m.notes))
			u.Notes = append(u.Notes, handoff.Note{Text: text, From: "translator"})
			m.notes = append(m.notes, text)
			did = append(did, "note added")
		}
		if h.format == XLIFF21 && len(u.Parts) == 3 && segs[0].Target != nil && segs[1].Target != nil && r.IntN(4) == 0 {
			segs[0].Order, segs[1].Order = 3, 1
			did = append(did, "targets reordered")
		}
	}
	if h.format == JSON {
		data, err = retext(h.data, f)
	} else {
		data, err = encode(f, h.format)
	}
	if err != nil {
		return nil, nil, nil, fmt.Errorf("the tool writes the file: %w", err)
	}
	switch h.format {
	case XLIFF12, OmegaT:
		data = m.states12(data, stale, &did)
	case XLIFF21:
		data = m.states2(data, f, stale, &did)
	case JSON:
		if r.IntN(4) == 0 {
			plain = data
			if data, err = refreshHashes(data); err != nil {
				return nil, nil, nil, err
			}
			for _, t := range written {
				m.live[t].unconfirmed = true
			}
			did = append(did, "hashes refreshed")
		}
	}
	return data, plain, did, nil
}

var (
	transUnit12 = regexp.MustCompile(`(?s)<trans-unit id="([^"]+)".*?</trans-unit>`)
	target12    = regexp.MustCompile(`<target( state="[^"]*")?>`)
	unit2       = regexp.MustCompile(`(?s)<unit id="([^"]+)".*?</unit>`)
	segment2    = regexp.MustCompile(`<segment id="([^"]+)"[^>]*>`)
	segState2   = regexp.MustCompile(` (state|subState)="[^"]*"`)
)

// states12 sets the state of some units' targets, as OmegaT, Trados
// Studio or a hand in a text editor do: those that confirm confirm the
// unit's translations kept for review.
func (m *toolModel) states12(data []byte, stale map[string][]*handoff.Segment, did *[]string) []byte {
	states := []string{"new", "needs-translation", "translated", "final", "signed-off"}
	return transUnit12.ReplaceAllFunc(data, func(unit []byte) []byte {
		if m.r.IntN(3) != 0 {
			return unit
		}
		loc := target12.FindIndex(unit)
		if loc == nil {
			return unit
		}
		state := states[m.r.IntN(len(states))]
		*did = append(*did, "state "+state)
		if state == "translated" || state == "final" || state == "signed-off" {
			m.confirm(stale[string(transUnit12.FindSubmatch(unit)[1])])
		}
		return slices.Concat(unit[:loc[0]], []byte(`<target state="`+state+`">`), unit[loc[1]:])
	})
}

// states2 sets the state of some segments with a target, as a tool
// does: translated (without loctool's subState) and final confirm.
func (m *toolModel) states2(data []byte, f *handoff.File, stale map[string][]*handoff.Segment, did *[]string) []byte {
	states := []string{"initial", "translated", "final"}
	return unit2.ReplaceAllFunc(data, func(unit []byte) []byte {
		u := unitByID(f, string(unit2.FindSubmatch(unit)[1]))
		return segment2.ReplaceAllFunc(unit, func(seg []byte) []byte {
			s := u.Segment(string(segment2.FindSubmatch(seg)[1]))
			if s == nil || s.Target == nil || m.r.IntN(3) != 0 {
				return seg
			}
			state := states[m.r.IntN(len(states))]
			*did = append(*did, "state "+state)
			if state != "initial" && slices.Contains(stale[u.ID], s) {
				m.confirm([]*handoff.Segment{s})
			}
			return []byte(strings.Replace(string(segState2.ReplaceAll(seg, nil)), ">", ` state="`+state+`">`, 1))
		})
	})
}

func unitByID(f *handoff.File, id string) *handoff.Unit {
	for _, u := range f.Units {
		if u.ID == id {
			return u
		}
	}
	return nil
}

// confirm records the translations of segments held for review as
// confirmed, for the sentences they are on.
func (m *toolModel) confirm(segs []*handoff.Segment) {
	for _, s := range segs {
		if wk := m.live[s.Target.PlainText()]; wk != nil {
			wk.on, wk.unconfirmed = s.Source.PlainText(), false
			count("confirmed by a state")
		}
	}
}

// retext sets the texts of the messages of a JSON file to the targets
// of f, or their sources where they have none, as a JSON editor does:
// nothing else changes.
func retext(data []byte, f *handoff.File) ([]byte, error) {
	var msgs map[string]map[string]string
	if err := json.Unmarshal(data, &msgs); err != nil {
		return nil, err
	}
	for _, u := range f.Units {
		for _, s := range u.Segments() {
			msg := msgs[i18njson.MessageID(u.ID, s.ID)]
			if msg == nil {
				return nil, fmt.Errorf("no message %s", i18njson.MessageID(u.ID, s.ID))
			}
			msg["other"] = s.Source.PlainText()
			if s.Target != nil {
				msg["other"] = s.Target.PlainText()
			}
		}
	}
	return json.MarshalIndent(msgs, "", "  ")
}

// refreshHashes sets every message's hash to the SHA-1 of its own
// description and text, as some tools do.
func refreshHashes(data []byte) ([]byte, error) {
	var msgs map[string]map[string]string
	if err := json.Unmarshal(data, &msgs); err != nil {
		return nil, err
	}
	for _, msg := range msgs {
		sum := sha1.Sum([]byte(msg["description"] + msg["other"]))
		msg["hash"] = "sha1-" + hex.EncodeToString(sum[:])
	}
	return json.MarshalIndent(msgs, "", "  ")
}

// checkFiles checks, after an extract, that every translation the model
// knows is on its sentence, held for review on a changed one, or in the
// obsolete store, and that every note is kept.
func (w *trialProject) checkFiles(m *toolModel, a *article) error {
	h, err := w.held()
	if err != nil {
		return err
	}
	kept := map[string]*handoff.Segment{}
	for _, u := range h.file.Units {
		for _, s := range u.Segments() {
			if s.Target != nil {
				kept[s.Target.PlainText()] = s
			}
		}
	}
	obsolete := w.bytes(w.p.ObsoletePath(language.Russian))
	now := map[string]bool{}
	for _, s := range a.sentences() {
		now[s] = true
	}
	for t, wk := range m.live {
		s := kept[t]
		switch {
		case s == nil && now[wk.on]:
			return fmt.Errorf("the translation %q of the unchanged sentence %q is not on it", t, wk.on)
		case s == nil && !bytes.Contains(obsolete, []byte(t)):
			return fmt.Errorf("the translation %q of %q is nowhere", t, wk.on)
		case s == nil:
			count("in the obsolete store")
		case s.State == handoff.NeedsReview:
			count("held for review")
		case s.Source.PlainText() != wk.on:
			return fmt.Errorf("the translation %q of %q is on %q, %s, not held for review", t, wk.on, s.Source.PlainText(), s.State)
		case wk.unconfirmed:
			return fmt.Errorf("the translation %q, its hash refreshed by a tool, is %s, not held for review", t, s.State)
		}
		if s == nil {
			delete(m.live, t) // the obsolete store keeps it
		}
	}
	where := slices.Concat(w.bytes(h.rel), obsolete)
	if h.format == JSON {
		where = append(where, w.bytes(w.p.sourcePath(trialArticle, language.Russian))...)
	}
	for _, note := range m.notes {
		if !bytes.Contains(where, []byte(note)) {
			return fmt.Errorf("the note %q is lost", note)
		}
	}
	return nil
}

// translationRE finds the model's translations in a merged article.
var translationRE = regexp.MustCompile(`ПЕРЕВОД .*? r\d+n\d+`)

// checkMerge checks that merge publishes every translation that the
// handoff file offers, held for review by none, and no other.
func (w *trialProject) checkMerge(m *toolModel) error {
	plan, report, err := w.p.Merge(MergeOptions{Missing: MissingSource})
	if err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	if report.Failed() {
		for _, f := range report.Files {
			for _, d := range f.Diagnostics {
				if d.Severity == diag.Error {
					return fmt.Errorf("merge: %s [%s]", d.Message, d.Rule)
				}
			}
		}
	}
	var out []byte
	for _, wr := range plan.Writes {
		if path.Base(wr.Path) == path.Base(trialArticle) {
			out = wr.Data
		}
	}
	h, err := w.held()
	if err != nil {
		return err
	}
	offered := map[string]bool{}
	for _, u := range h.file.Units {
		for _, s := range u.Segments() {
			// A copy of the source that a state calls translated is
			// published too, as the source.
			if s.IsTranslated() && s.State != handoff.NeedsReview && translationRE.MatchString(s.Target.PlainText()) {
				offered[s.Target.PlainText()] = true
			}
		}
	}
	for _, t := range translationRE.FindAllString(string(out), -1) {
		if !offered[t] {
			return fmt.Errorf("merge published %q, which the file does not offer", t)
		}
		if m.live[t] == nil {
			return fmt.Errorf("merge published %q, which nobody made, or was replaced", t)
		}
		delete(offered, t)
		count("published")
	}
	for t := range offered {
		return fmt.Errorf("merge left out %q:\n%s", t, out)
	}
	return nil
}

// bytes returns a file of the project, or nothing when there is none.
func (w *trialProject) bytes(rel string) []byte {
	data, _ := os.ReadFile(filepath.Join(w.p.Root, filepath.FromSlash(rel)))
	return data
}
