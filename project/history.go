package project

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
	"slices"
	"strconv"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/i18njson"
	"github.com/loctool/loctool/xliff"
)

// A JSON file may come back after its article changed and extract wrote
// a new one; its messages are then those of an earlier version, which
// the source snapshot no longer holds. So when extract writes a snapshot
// whose messages differ from the one before, it keeps the one before, as
// it was, in the snapshot's history: a folder of the last keptVersions
// snapshots, each named for its place and its messages,
// locales/kk/.loctool/.earlier/articles/a.txt/000012-<fingerprint>.xlf.
// Keeping one is writing the old snapshot's bytes under a new name: no
// earlier version is read, or written again, unless a file comes back
// that needs it.

// keptVersions is how many earlier versions of what an article's JSON
// file was written from its history keeps.
const keptVersions = 10

// historyDir returns the folder of the earlier versions of the source
// snapshot of an article's JSON file. No snapshot is in it, or would be
// taken for a version: versions are named as no snapshot is.
func (c *Config) historyDir(article string, lang language.Tag) string {
	return path.Join(c.Locales, lang.String(), ".loctool", ".earlier", article)
}

// versionName is the name of an earlier version: its place, counting up,
// and the fingerprint of its messages (see [i18njson.Fingerprint]).
var versionName = regexp.MustCompile(`^([0-9]{6,18})-([0-9a-f]{16})\.xlf$`)

// version is an earlier version in the history folder.
type version struct {
	rel         string // its path in the project
	seq         int64
	fingerprint string
}

// versions lists the history of the source snapshot of an article's JSON
// file, newest first.
func (p *Project) versions(article string, lang language.Tag) ([]version, error) {
	dir := p.historyDir(article, lang)
	abs, err := p.confine(dir)
	if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(abs)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []version
	for _, e := range entries {
		m := versionName.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		seq, err := strconv.ParseInt(m[1], 10, 64)
		if err != nil {
			continue
		}
		out = append(out, version{rel: path.Join(dir, e.Name()), seq: seq, fingerprint: m[2]})
	}
	slices.SortFunc(out, func(a, b version) int { return cmp.Compare(b.seq, a.seq) })
	return out, nil
}

// readHistory reads the earlier versions of the source snapshot of an
// article's JSON file for a language, newest first: none when there is
// no history.
func (p *Project) readHistory(article string, lang language.Tag, opts xliff.ReadOptions) ([]*handoff.File, error) {
	vs, err := p.versions(article, lang)
	if err != nil {
		return nil, err
	}
	var out []*handoff.File
	for _, v := range vs {
		data, err := p.readFile(v.rel)
		if err != nil {
			return nil, err
		}
		f, _, err := opts.Read(bytes.NewReader(data), v.rel)
		if err != nil {
			return nil, fmt.Errorf("%w (an earlier version of the source snapshot: move it away, and JSON files made for it can no longer be read)", err)
		}
		if f.Original != article {
			return nil, fmt.Errorf("%s: an earlier version of the source snapshot of %s is of %q: move it away", v.rel, article, f.Original)
		}
		out = append(out, f)
	}
	return out, nil
}

// history returns the writes that keep the source snapshot an article's
// JSON file had (old) in its history, when extract writes one (f) that
// gives other messages: the old snapshot's bytes as the newest version,
// and the removal of versions that give f's or its messages, and of the
// oldest beyond keptVersions.
func (p *Project) history(article string, lang language.Tag, f *handoff.File, snap []byte, old *held) ([]Write, error) {
	if old == nil || old.snapData == nil || bytes.Equal(snap, old.snapData) {
		return nil, nil
	}
	now, err := i18njson.Fingerprint(f)
	if err != nil {
		return nil, err
	}
	last, err := i18njson.Fingerprint(old.snap)
	if err != nil || last == now {
		return nil, err
	}
	vs, err := p.versions(article, lang)
	if err != nil {
		return nil, err
	}
	next := int64(1)
	if len(vs) > 0 {
		next = vs[0].seq + 1
	}
	name := fmt.Sprintf("%06d-%s.xlf", next, last)
	writes := []Write{{Path: path.Join(p.historyDir(article, lang), name), Data: old.snapData, Why: "earlier source snapshot"}}
	kept := 1
	for _, v := range vs {
		if v.fingerprint == now || v.fingerprint == last || kept == keptVersions {
			writes = append(writes, Write{Path: v.rel, Why: "earlier source snapshot, replaced", Remove: true})
			continue
		}
		kept++
	}
	return writes, nil
}

// forgetHistory returns the removal of the history of an article's
// JSON file, once the file is in another format.
func (p *Project) forgetHistory(article string, lang language.Tag) ([]Write, error) {
	vs, err := p.versions(article, lang)
	var writes []Write
	for _, v := range vs {
		writes = append(writes, Write{Path: v.rel, Why: "earlier source snapshot of the JSON file", Remove: true})
	}
	return writes, err
}
