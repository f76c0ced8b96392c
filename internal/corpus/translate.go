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

// Translate fills every segment of the XLIFF handoff files under locales
// (a folder of the project, such as "locales") with a pseudo-translation
// in state translated, as a translator's finished files would be, and
// returns the number of files it rewrote. The obsolete translations and
// the source snapshots of JSON files are left alone; a JSON handoff file
// is an error.
func Translate(locales string) (int, error) {
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
	parallel.Each(len(files), func(i int) { errs[i] = translateFile(files[i]) })
	for _, err := range errs {
		if err != nil {
			return 0, err
		}
	}
	return len(files), nil
}

func translateFile(path string) error {
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
			s.Target = Pseudo(s.Source)
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

// Pseudo returns a pseudo-translation of c: its text in look-alike
// Cyrillic letters, its codes unchanged.
func Pseudo(c inline.Content) inline.Content {
	out := make(inline.Content, len(c))
	for i, it := range c {
		if it.Code == nil {
			it.Text = cyrillic.Replace(it.Text)
		}
		out[i] = it
	}
	return out
}
