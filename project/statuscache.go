package project

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/internal/atomicfile"
)

// StatusCache is where [Project.Status] keeps what it found in each
// article's handoff file, so that the next status reads the files and
// hashes them but parses, matches and checks only those that changed.
//
// An entry is for one article in one language, and found by a hash of
// all its row depends on: the article's bytes and path, the bytes of its
// handoff file (with a JSON file's source snapshot and the names of its
// earlier versions, or the package that holds its translation), the
// configuration, the glossary files, the segmentation rules, and the
// program. Any of them changed is another entry. A project's entries are
// one file of the folder, status-<hash of the project's folder>.bin,
// written atomically after a status that found something new, with only
// the entries of the articles and target languages the project has now:
// an entry of an article gone, or of a language no longer a target, is
// dropped. The folder keeps the files of the most recently used few
// projects.
type StatusCache struct {
	// Dir is the folder; empty for no cache.
	Dir string
	// Program names the build of the program that uses the cache: an
	// entry another build made is not used, since what a row counts may
	// have changed.
	Program string
}

// statusFormat starts a cache file, and changes with its form or with
// what status counts.
const statusFormat = "loctool status cache 1\n"

// statusKeep is how many projects' files the folder keeps.
const statusKeep = 16

// statusLimit is the largest cache file read: at about 30 bytes an entry,
// some 4 million articles in some languages.
const statusLimit = 128 << 20

// sum is a hash of what an entry depends on, or of an article and
// language (the entry's slot), shortened: 128 bits are ample for a
// cache, and keep the file small.
type sum [16]byte

// cachedRow is what status keeps of a row: where the article stands in
// its language, and what check found.
type cachedRow struct {
	key  sum
	cnt  Count
	errs int
	warn int
	from int // where the row's handoff file is: fromNone, fromOwn, fromPack
}

// Where a row's handoff file is.
const (
	fromNone = iota // there is none
	fromOwn         // the article's own
	fromPack        // a package with the article's <file>
)

// statusEntries are the entries of a project, read from its file, and
// those a run makes.
type statusEntries struct {
	cache StatusCache
	path  string
	base  []byte // what every key of the run depends on

	old map[sum]cachedRow // by slot, as read

	mu    sync.Mutex
	fresh map[sum]cachedRow // by slot, made by the run
}

// open reads the cache file of the project, and hashes what every entry
// of the run depends on. A file that is missing, unreadable, of another
// format or corrupt is taken for an empty one.
func (c StatusCache) open(p *Project) (*statusEntries, error) {
	root := sha256.Sum256([]byte(p.Root))
	e := &statusEntries{cache: c, path: filepath.Join(c.Dir, fmt.Sprintf("status-%x.bin", root[:16])), fresh: map[sum]cachedRow{}}
	base, err := p.statusBase(c.Program)
	if err != nil {
		return nil, err
	}
	e.base = base
	e.old = readStatusEntries(e.path)
	return e, nil
}

// statusBase hashes what every row of a status depends on, beyond its
// own files: the program, the configuration (check settings, limits,
// formats, folders), the glossary files and the segmentation rules.
func (p *Project) statusBase(program string) ([]byte, error) {
	h := sha256.New()
	writeField(h, []byte(statusFormat))
	writeField(h, []byte(program))
	cfg, err := json.Marshal(p.Config)
	if err != nil {
		return nil, err
	}
	writeField(h, cfg)
	files, err := p.GlossaryFiles()
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, f := range files {
		paths = append(paths, f.Name, f.Path)
	}
	for _, f := range p.ExtraGlossaries {
		paths = append(paths, f, "")
	}
	if p.Config.Rules != "" {
		abs, err := Confine(p.Root, p.Config.Rules)
		if err != nil {
			return nil, err
		}
		paths = append(paths, "rules", abs)
	}
	for i := 0; i < len(paths); i += 2 {
		name, path := paths[i], paths[i+1]
		if path == "" {
			path = name
		}
		writeField(h, []byte(name))
		data, err := atomicfile.ReadRegular(path)
		if err != nil {
			// The glossary's loading reports it; the entries of this run
			// are then keyed to no file.
			data = []byte("\x00unreadable")
		}
		writeField(h, data)
	}
	return h.Sum(nil), nil
}

// writeField writes b to h with its length first, so that no two lists
// of fields hash the same.
func writeField(h hash.Hash, b []byte) {
	var n [binary.MaxVarintLen64]byte
	h.Write(n[:binary.PutUvarint(n[:], uint64(len(b)))])
	h.Write(b)
}

// slot is the hash that names an article in a language.
func slot(lang language.Tag, article string) sum {
	h := sha256.New()
	writeField(h, []byte(lang.String()))
	writeField(h, []byte(article))
	var s sum
	copy(s[:], h.Sum(nil))
	return s
}

// get returns the row kept in a slot under key.
func (e *statusEntries) get(slot, key sum) (cachedRow, bool) {
	r, ok := e.old[slot]
	return r, ok && r.key == key
}

// put keeps a row in a slot under key.
func (e *statusEntries) put(slot sum, r cachedRow) {
	e.mu.Lock()
	e.fresh[slot] = r
	e.mu.Unlock()
}

// save writes the entries of the slots of the project as it is now, each
// as made by the run or as read, when the run made some or some read are
// gone; an error writing it is passed by, as the cache is only a cache.
func (e *statusEntries) save(slots []sum) {
	keep := make(map[sum]cachedRow, len(slots))
	changed := false
	for _, s := range slots {
		if r, ok := e.fresh[s]; ok {
			keep[s] = r
			if o, ok := e.old[s]; !ok || o != r {
				changed = true
			}
		} else if r, ok := e.old[s]; ok {
			keep[s] = r
		}
	}
	if !changed && len(keep) == len(e.old) {
		return
	}
	if os.MkdirAll(e.cache.Dir, 0o755) != nil {
		return
	}
	if atomicfile.WriteFile(e.path, encodeStatusEntries(keep), 0o644) == nil {
		e.prune()
	}
}

// prune removes the files of all but the most recently used projects.
func (e *statusEntries) prune() {
	files, err := filepath.Glob(filepath.Join(e.cache.Dir, "status-*.bin"))
	if err != nil || len(files) <= statusKeep {
		return
	}
	used := map[string]time.Time{}
	for _, f := range files {
		if fi, err := os.Stat(f); err == nil {
			used[f] = fi.ModTime()
		}
	}
	slices.SortFunc(files, func(a, b string) int { return used[b].Compare(used[a]) })
	for _, f := range files[statusKeep:] {
		os.Remove(f)
	}
}

// The cache file: statusFormat; the number of entries; each entry's slot
// and key, then its eight counts and where its handoff file is as unsigned varints; and the first 16
// bytes of the SHA-256 of all that comes before.

func encodeStatusEntries(rows map[sum]cachedRow) []byte {
	var b bytes.Buffer
	b.WriteString(statusFormat)
	b.Write(binary.AppendUvarint(nil, uint64(len(rows))))
	for _, s := range slices.SortedFunc(maps.Keys(rows), func(a, b sum) int { return bytes.Compare(a[:], b[:]) }) {
		r := rows[s]
		b.Write(s[:])
		b.Write(r.key[:])
		var n []byte
		for _, v := range r.counts() {
			n = binary.AppendUvarint(n, uint64(*v))
		}
		b.Write(n)
	}
	check := sha256.Sum256(b.Bytes())
	b.Write(check[:16])
	return b.Bytes()
}

func (r *cachedRow) counts() []*int {
	return []*int{&r.cnt.Segments, &r.cnt.Words, &r.cnt.Translated, &r.cnt.Review, &r.cnt.Stale, &r.cnt.Missing, &r.errs, &r.warn, &r.from}
}

// errCorrupt reports a cache file that is not one status wrote.
var errCorrupt = errors.New("not a status cache")

// readStatusEntries reads a cache file; anything but a whole file of
// this format is no entries.
func readStatusEntries(path string) map[sum]cachedRow {
	f, info, err := atomicfile.OpenToRead(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	if info.Size() > statusLimit {
		return nil
	}
	data, err := atomicfile.ReadAll(f, info.Size())
	if err != nil {
		return nil
	}
	rows, err := decodeStatusEntries(data)
	if err != nil {
		return nil
	}
	return rows
}

func decodeStatusEntries(data []byte) (map[sum]cachedRow, error) {
	if len(data) < len(statusFormat)+16 || string(data[:len(statusFormat)]) != statusFormat {
		return nil, errCorrupt
	}
	body, tail := data[:len(data)-16], data[len(data)-16:]
	if check := sha256.Sum256(body); !bytes.Equal(check[:16], tail) {
		return nil, errCorrupt
	}
	r := bytes.NewReader(body[len(statusFormat):])
	n, err := binary.ReadUvarint(r)
	if err != nil || n > uint64(r.Len())/40 {
		return nil, errCorrupt
	}
	rows := make(map[sum]cachedRow, n)
	for range n {
		var s sum
		var row cachedRow
		if _, err := io.ReadFull(r, s[:]); err != nil {
			return nil, errCorrupt
		}
		if _, err := io.ReadFull(r, row.key[:]); err != nil {
			return nil, errCorrupt
		}
		for _, v := range row.counts() {
			u, err := binary.ReadUvarint(r)
			if err != nil || u > 1<<40 {
				return nil, errCorrupt
			}
			*v = int(u)
		}
		if row.from > fromPack {
			return nil, errCorrupt
		}
		rows[s] = row
	}
	if r.Len() != 0 {
		return nil, errCorrupt
	}
	return rows, nil
}
