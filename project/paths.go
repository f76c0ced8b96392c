package project

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/loctool/loctool/i18njson"
	"github.com/loctool/loctool/xliff"
	"golang.org/x/text/language"
)

// ErrEscapes marks a path that leads out of the project.
var ErrEscapes = errors.New("path leads out of the project")

// hasDrive reports whether p starts with a Windows drive letter, "C:",
// which makes it absolute on Windows wherever loctool runs.
func hasDrive(p string) bool {
	return len(p) >= 2 && p[1] == ':' && ('a' <= p[0]|0x20 && p[0]|0x20 <= 'z')
}

// Confine resolves rel, a slash-separated path relative to the project
// folder root, to an absolute path inside it. An absolute path, a path
// through "..", a Windows drive letter, or one through a symbolic link that
// leads out of root is an error matching ErrEscapes.
func Confine(root, rel string) (string, error) {
	return confine(root, rel, nil)
}

// confine is Confine, taking as checked the folders in known, a set of
// absolute paths, and adding to it the folders it checks. A Project keeps
// one, so that the thousands of paths of a run check each folder once.
func confine(root, rel string, known *sync.Map) (string, error) {
	if rel == "" {
		return "", fmt.Errorf("empty path")
	}
	if strings.ContainsRune(rel, 0) {
		return "", fmt.Errorf("%q: %w", rel, ErrEscapes)
	}
	slashed := strings.ReplaceAll(rel, `\`, "/")
	if path.IsAbs(slashed) || filepath.IsAbs(rel) || filepath.VolumeName(rel) != "" || hasDrive(slashed) {
		return "", fmt.Errorf("%q is absolute: %w", rel, ErrEscapes)
	}
	clean := path.Clean(slashed)
	if clean == ".." || strings.HasPrefix(clean, "../") {
		return "", fmt.Errorf("%q: %w", rel, ErrEscapes)
	}
	abs := filepath.Join(root, filepath.FromSlash(clean))
	// Most paths have no symbolic link below the root: checking that
	// takes a Lstat of each part that exists, much less than resolving
	// the whole path.
	if clean == "." {
		return confineLinks(root, rel, abs)
	}
	dir := root
	parts := strings.Split(clean, "/")
	for i, part := range parts {
		dir = filepath.Join(dir, part)
		folder := i < len(parts)-1
		if folder && known != nil {
			if _, ok := known.Load(dir); ok {
				continue
			}
		}
		info, err := os.Lstat(dir)
		switch {
		case errors.Is(err, fs.ErrNotExist) && i > 0:
			return abs, nil // nothing below can be a link
		case errors.Is(err, fs.ErrNotExist):
			if _, err := os.Stat(root); err == nil {
				return abs, nil
			}
			return confineLinks(root, rel, abs) // for its error
		case err != nil:
			return "", err
		case info.Mode()&fs.ModeSymlink != 0:
			return confineLinks(root, rel, abs)
		}
		if folder && known != nil && info.IsDir() {
			known.Store(dir, true)
		}
	}
	return abs, nil
}

// confineLinks is Confine for a path through a symbolic link, or whose
// first part does not exist.
func confineLinks(root, rel, abs string) (string, error) {
	// A symbolic link on the way may point anywhere: resolve what exists.
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", err
	}
	existing := abs
	for {
		real, err := filepath.EvalSymlinks(existing)
		if err == nil {
			if r, err := filepath.Rel(realRoot, real); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
				return "", fmt.Errorf("%q goes through a symbolic link out of the project: %w", rel, ErrEscapes)
			}
			break
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(existing)
		if parent == existing {
			break
		}
		existing = parent
	}
	return abs, nil
}

// Rel returns the slash-separated path of abs relative to root.
func Rel(root, abs string) (string, error) {
	r, err := filepath.Rel(root, abs)
	if err != nil {
		return "", err
	}
	r = filepath.ToSlash(r)
	if r == ".." || strings.HasPrefix(r, "../") {
		return "", fmt.Errorf("%s: %w", abs, ErrEscapes)
	}
	return r, nil
}

// HandoffPath returns the path, relative to the project, of the handoff
// file of an article for a language: locales/ru/articles/a.txt.xlf.
func (c *Config) HandoffPath(article string, lang language.Tag) string {
	return path.Join(c.Locales, lang.String(), article) + c.FormatFor(lang).Ext()
}

// handoffOnDisk returns the path of the handoff file an article has for
// a language: the file in the configuration's format, else one in the
// other (a file keeps its own format), else one a translator's tool
// returned under its own extension, else where the configuration's
// would be.
func (p *Project) handoffOnDisk(article string, lang language.Tag) string {
	rel := p.HandoffPath(article, lang)
	for _, other := range append([]string{rel}, p.handoffPaths(article, lang)...) {
		if abs, err := p.confine(other); err == nil {
			if _, err := os.Stat(abs); err == nil {
				return other
			}
		}
	}
	return rel
}

// handoffPaths are the paths a handoff file of an article for a
// language may have: locales/ru/articles/a.txt.xlf, then .json, then
// the XLIFF extensions of translators' tools (.xliff, .sdlxliff, …),
// then the other extensions of go-i18n message files (.toml, .yaml,
// .yml), as goi18n writes them.
func (p *Project) handoffPaths(article string, lang language.Tag) []string {
	base := path.Join(p.Locales, lang.String(), article)
	out := []string{base + XLIFF12.Ext(), base + JSON.Ext()}
	for _, ext := range xliff.Extensions {
		if ext != XLIFF12.Ext() {
			out = append(out, base+ext)
		}
	}
	for _, ext := range i18njson.Extensions {
		if ext != JSON.Ext() {
			out = append(out, base+ext)
		}
	}
	return out
}

// OutputPath returns the path of an article merged for a language:
// build/ru/articles/a.txt.
func (c *Config) OutputPath(article string, lang language.Tag) string {
	return path.Join(c.Output, lang.String(), article)
}

// sourcePath returns the path of the source snapshot kept beside a JSON
// handoff file: JSON messages carry no source text, so loctool keeps what
// it extracted, to tell later which source a translation was made from.
func (c *Config) sourcePath(article string, lang language.Tag) string {
	return path.Join(c.Locales, lang.String(), ".loctool", article) + ".xlf"
}

// ObsoletePath returns the path of the file that keeps the translations
// of sentences removed from a language's articles.
func (c *Config) ObsoletePath(lang language.Tag) string {
	return path.Join(c.Locales, lang.String(), "obsolete.xlf")
}

// ArticleOf returns the article a handoff file belongs to, from its path:
// locales/ru/articles/a.txt.xlf is articles/a.txt in Russian.
func (c *Config) ArticleOf(handoff string) (article string, lang language.Tag, err error) {
	rest, ok := strings.CutPrefix(path.Clean(handoff), path.Clean(c.Locales)+"/")
	if !ok {
		return "", language.Und, fmt.Errorf("%s is not in the locales folder %s", handoff, c.Locales)
	}
	tag, rest, ok := strings.Cut(rest, "/")
	if !ok {
		return "", language.Und, fmt.Errorf("%s is not in a language folder of %s", handoff, c.Locales)
	}
	lang, err = language.Parse(tag)
	if err != nil {
		return "", language.Und, fmt.Errorf("%s: folder %q is not a language tag", handoff, tag)
	}
	if !IsHandoffFile(rest) {
		return "", language.Und, fmt.Errorf("%s is not a handoff file (%s; or %s)", handoff, strings.Join(xliff.Extensions, ", "), strings.Join(i18njson.Extensions, ", "))
	}
	return strings.TrimSuffix(rest, path.Ext(rest)), lang, nil
}

// IsHandoffFile reports whether a file's name is that of a handoff file:
// XLIFF under any of the extensions tools save it under
// ([xliff.Extensions]), or a go-i18n message file in JSON, TOML or YAML
// ([i18njson.Extensions]).
func IsHandoffFile(name string) bool {
	return xliff.HasExtension(name) || i18njson.HasExtension(name)
}
