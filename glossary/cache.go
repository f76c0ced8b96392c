package glossary

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/internal/atomicfile"
)

// Cache keeps loaded glossaries in a folder, with the variants generated
// from their Cyrillic forms, so that loading the same files again reads
// one file instead of parsing them and romanising every form. A glossary
// of 10,000 people takes about 0.6 s of work to load, and a fifth of
// that from the cache.
//
// An entry is found by a hash of all that makes the glossary: the files'
// names and contents, the languages, whether the built-in glossary comes
// first, and the program that made the entry. A file that changes is a
// new entry; the folder keeps the most recently used few.
type Cache struct {
	Dir string
	// Program names the build of the program that uses the cache: an
	// entry another build made is not used, since variant generation may
	// have changed.
	Program string
}

// cacheFormat changes with the form of an entry.
const cacheFormat = "loctool glossary cache 2"

// cacheKeep is how many entries the folder keeps.
const cacheKeep = 8

// cacheLeast is the size of the smallest glossary files worth keeping:
// smaller ones load as fast as from the cache.
const cacheLeast = 64 << 10

func size(data [][]byte) int {
	n := 0
	for _, d := range data {
		n += len(d)
	}
	return n
}

// File is a glossary file to load: where it is read from, and how
// messages name it.
type File struct {
	// Name is the file's name in messages: its path as the user wrote
	// it.
	Name string
	// Path is where it is read from; empty for Name.
	Path string
}

func (f File) path() string {
	if f.Path == "" {
		return f.Name
	}
	return f.Path
}

// Load is [Cache.LoadFiles] of files each read from, and named by, its
// path.
func (c Cache) Load(langs Langs, builtin bool, files ...string) (*Glossary, error) {
	return c.LoadFiles(langs, builtin, named(files)...)
}

// named returns the files of paths, each named by its path.
func named(paths []string) []File {
	files := make([]File, len(paths))
	for i, p := range paths {
		files[i] = File{Name: p}
	}
	return files
}

// LoadFiles is [LoadWith] with the built-in glossary first when builtin
// is set, and [Glossary.Generate] done, from the cache when it holds the
// glossary. What it loads, it keeps. A cache that cannot be read or
// written is passed by, and the glossary is loaded from its files.
func (c Cache) LoadFiles(langs Langs, builtin bool, files ...File) (*Glossary, error) {
	data := make([][]byte, len(files))
	for i, f := range files {
		var err error
		if data[i], err = atomicfile.ReadRegular(f.path()); err != nil {
			data = nil // the files report it
			break
		}
	}
	var key string
	if data != nil && c.Dir != "" && size(data) >= cacheLeast {
		key = c.key(langs, builtin, files, data)
		if g := c.get(key); g != nil {
			return g, nil
		}
	}
	g := New()
	if builtin {
		g.Add(Builtin())
	}
	g, err := load(g, langs, files, data)
	if err != nil {
		return nil, err
	}
	g.Generate()
	if key != "" {
		c.put(key, g)
	}
	return g, nil
}

// key hashes all that makes a glossary.
func (c Cache) key(langs Langs, builtin bool, files []File, data [][]byte) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%v\x00%t\x00", cacheFormat, c.Program, langs.Source, langs.Target, langs.Project, builtin)
	if builtin {
		h.Write(builtinYAML)
	}
	for i, f := range files {
		fmt.Fprintf(h, "\x00%s\x00%d\x00", f.Name, len(data[i])) // the name the concepts' places give
		h.Write(data[i])
	}
	return hex.EncodeToString(h.Sum(nil))
}

func (c Cache) path(key string) string {
	return filepath.Join(c.Dir, "glossary-"+key[:32]+".gob")
}

// cached is an entry of the cache.
type cached struct {
	Key      string // the whole key, which the file name shortens
	Concepts []cachedConcept
	Warnings []Warning
}

type cachedConcept struct {
	ID, Kind, Note string
	Source         []cachedForms
	Terms          []cachedTerms
	Pos            Pos
	MadeID         bool
	Generated      []string
	Layers         []cachedLayer // when the concept has more than one
}

type cachedLayer struct {
	ID       string
	Pos      Pos
	Source   []cachedForms
	Terms    []cachedTerms
	Absorbed bool
}

type cachedForms struct {
	Lang  string
	Forms []string
}

type cachedTerms struct {
	Lang string
	Terms
}

// get returns the glossary the cache keeps under key, or nil.
func (c Cache) get(key string) *Glossary {
	path := c.path(key)
	data, err := atomicfile.ReadRegular(path)
	if err != nil {
		return nil
	}
	var e cached
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&e) != nil || e.Key != key {
		return nil
	}
	now := time.Now()
	os.Chtimes(path, now, now) // recently used: pruned last
	tags := map[string]language.Tag{}
	tag := func(s string) (language.Tag, bool) {
		t, ok := tags[s]
		if !ok {
			var err error
			if t, err = language.Parse(s); err != nil {
				return t, false
			}
			tags[s] = t
		}
		return t, true
	}
	g := New()
	g.Warnings = e.Warnings
	for _, cc := range e.Concepts {
		k := &Concept{ID: cc.ID, Kind: Kind(cc.Kind), Note: cc.Note, Pos: cc.Pos, madeID: cc.MadeID,
			Source: map[language.Tag][]string{}, Terms: map[language.Tag]*Terms{},
			generated: cc.Generated, hasGen: true}
		if !decodeEntry(k.Source, k.Terms, cc.Source, cc.Terms, tag) {
			return nil
		}
		for _, cl := range cc.Layers {
			l := Layer{ID: cl.ID, Pos: cl.Pos, Absorbed: cl.Absorbed, Source: map[language.Tag][]string{}, Terms: map[language.Tag]*Terms{}}
			if !decodeEntry(l.Source, l.Terms, cl.Source, cl.Terms, tag) {
				return nil
			}
			k.layers = append(k.layers, l)
		}
		g.Concepts = append(g.Concepts, k)
		g.byID[k.ID] = k
	}
	return g
}

// decodeEntry fills a concept's or a layer's forms and spellings from an
// entry, and reports whether the entry's languages parse.
func decodeEntry(source map[language.Tag][]string, terms map[language.Tag]*Terms, cs []cachedForms, ct []cachedTerms, tag func(string) (language.Tag, bool)) bool {
	for _, f := range cs {
		t, ok := tag(f.Lang)
		if !ok {
			return false
		}
		source[t] = f.Forms
	}
	for _, ts := range ct {
		t, ok := tag(ts.Lang)
		if !ok {
			return false
		}
		terms[t] = &Terms{Preferred: ts.Preferred, Accepted: ts.Accepted, Forbidden: ts.Forbidden}
	}
	return true
}

// encode returns a concept's or a layer's forms and spellings as an
// entry keeps them.
func encode(source map[language.Tag][]string, terms map[language.Tag]*Terms) ([]cachedForms, []cachedTerms) {
	var cs []cachedForms
	var ct []cachedTerms
	for _, t := range sortedTags(source) {
		cs = append(cs, cachedForms{t.String(), source[t]})
	}
	for _, t := range sortedTags(terms) {
		ct = append(ct, cachedTerms{t.String(), *terms[t]})
	}
	return cs, ct
}

// put keeps a glossary under key, and prunes the folder.
func (c Cache) put(key string, g *Glossary) {
	e := cached{Key: key, Warnings: g.Warnings}
	for _, k := range g.Concepts {
		cc := cachedConcept{ID: k.ID, Kind: string(k.Kind), Note: k.Note, Pos: k.Pos, MadeID: k.madeID, Generated: k.generated}
		cc.Source, cc.Terms = encode(k.Source, k.Terms)
		for _, l := range k.layers {
			cl := cachedLayer{ID: l.ID, Pos: l.Pos, Absorbed: l.Absorbed}
			cl.Source, cl.Terms = encode(l.Source, l.Terms)
			cc.Layers = append(cc.Layers, cl)
		}
		e.Concepts = append(e.Concepts, cc)
	}
	var b bytes.Buffer
	if gob.NewEncoder(&b).Encode(e) != nil || os.MkdirAll(c.Dir, 0o755) != nil {
		return
	}
	if atomicfile.WriteFile(c.path(key), b.Bytes(), 0o644) == nil {
		c.prune()
	}
}

// prune removes all but the most recently used entries.
func (c Cache) prune() {
	entries, err := filepath.Glob(filepath.Join(c.Dir, "glossary-*.gob"))
	if err != nil || len(entries) <= cacheKeep {
		return
	}
	used := map[string]time.Time{}
	for _, e := range entries {
		if fi, err := os.Stat(e); err == nil {
			used[e] = fi.ModTime()
		}
	}
	slices.SortFunc(entries, func(a, b string) int { return used[b].Compare(used[a]) })
	for _, e := range entries[cacheKeep:] {
		os.Remove(e)
	}
}

// sortedTags returns the keys of a map by language, in order.
func sortedTags[V any](m map[language.Tag]V) []language.Tag {
	tags := make([]language.Tag, 0, len(m))
	for t := range m {
		tags = append(tags, t)
	}
	slices.SortFunc(tags, func(a, b language.Tag) int { return strings.Compare(a.String(), b.String()) })
	return tags
}
