package corpus

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/inline"
	"github.com/loctool/loctool/internal/parallel"
	"github.com/loctool/loctool/xliff"
)

// Style is how a pseudo-translation writes the source's text.
type Style int

const (
	// LookAlike writes the Latin letters that have a Cyrillic look-alike
	// in Cyrillic and leaves the others: most words mix two alphabets,
	// and loctool check finds spelling.mixed-script on most sentences.
	LookAlike Style = iota
	// Cyrillic writes every Latin letter in Cyrillic, as a rough
	// transliteration: the words are Cyrillic throughout, as a
	// translation's are, and check finds what a translation with the
	// names spelled by ear would have (term.target, mostly).
	Cyrillic
)

// Translate fills every segment of the XLIFF handoff files under locales
// (a folder of the project, such as "locales") with a pseudo-translation
// in state translated, as a translator's finished files would be, and
// returns the number of files it rewrote. The obsolete translations and
// the source snapshots of JSON files are left alone; a JSON handoff file
// is an error. The text is written in LookAlike style.
func Translate(locales string) (int, error) {
	return TranslateIn(locales, LookAlike)
}

// TranslateIn is [Translate] with the text written in style.
func TranslateIn(locales string, style Style) (int, error) {
	var files []string
	err := filepath.WalkDir(locales, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && d.Name() == ".loctool":
			return fs.SkipDir
		case d.IsDir() || d.Name() == "obsolete.xlf":
			return nil
		case strings.HasSuffix(path, ".json"):
			return fmt.Errorf("%s: pseudo-translation needs XLIFF handoff files", path)
		case strings.HasSuffix(path, ".xlf"):
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	errs := make([]error, len(files))
	parallel.Each(len(files), func(i int) { errs[i] = translateFile(files[i], style) })
	for _, err := range errs {
		if err != nil {
			return 0, err
		}
	}
	return len(files), nil
}

func translateFile(path string, style Style) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	f, v, err := xliff.ReadOptions{}.Read(bytes.NewReader(data), path)
	if err != nil {
		return err
	}
	for _, u := range f.Units {
		for _, s := range u.Segments() {
			s.Target = PseudoIn(s.Source, style)
			s.State = handoff.Translated
		}
	}
	var b bytes.Buffer
	if err := xliff.Write(&b, f, xliff.WriteOptions{Version: v}); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// cyrillic turns Latin letters into the Cyrillic letters that look like
// them, so that a pseudo-translation reads like its source but is as
// long in bytes as a Russian one.
var cyrillic = strings.NewReplacer(
	"a", "а", "c", "с", "e", "е", "o", "о", "p", "р", "x", "х", "y", "у",
	"A", "А", "B", "В", "C", "С", "E", "Е", "H", "Н", "K", "К", "M", "М",
	"O", "О", "P", "Р", "T", "Т", "X", "Х",
)

// transliterate writes every Latin letter in Cyrillic, roughly as it
// sounds.
var transliterate = strings.NewReplacer(
	"a", "а", "b", "б", "c", "к", "d", "д", "e", "е", "f", "ф", "g", "г", "h", "х", "i", "и",
	"j", "ж", "k", "к", "l", "л", "m", "м", "n", "н", "o", "о", "p", "п", "q", "к", "r", "р",
	"s", "с", "t", "т", "u", "у", "v", "в", "w", "в", "x", "кс", "y", "ы", "z", "з",
	"A", "А", "B", "Б", "C", "К", "D", "Д", "E", "Е", "F", "Ф", "G", "Г", "H", "Х", "I", "И",
	"J", "Ж", "K", "К", "L", "Л", "M", "М", "N", "Н", "O", "О", "P", "П", "Q", "К", "R", "Р",
	"S", "С", "T", "Т", "U", "У", "V", "В", "W", "В", "X", "Кс", "Y", "Ы", "Z", "З",
)

// Pseudo returns a pseudo-translation of c: its text in look-alike
// Cyrillic letters, its codes unchanged.
func Pseudo(c inline.Content) inline.Content {
	return PseudoIn(c, LookAlike)
}

// PseudoIn returns a pseudo-translation of c, its text written in style,
// its codes unchanged.
func PseudoIn(c inline.Content, style Style) inline.Content {
	r := cyrillic
	if style == Cyrillic {
		r = transliterate
	}
	out := make(inline.Content, len(c))
	for i, it := range c {
		if it.Code == nil {
			it.Text = r.Replace(it.Text)
		}
		out[i] = it
	}
	return out
}

// ParseStyle returns the style a name gives: "lookalike" or "cyrillic".
func ParseStyle(name string) (Style, error) {
	switch name {
	case "lookalike":
		return LookAlike, nil
	case "cyrillic":
		return Cyrillic, nil
	}
	return 0, fmt.Errorf("style %q: give lookalike or cyrillic", name)
}
