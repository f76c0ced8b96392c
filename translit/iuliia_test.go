package translit

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/loctool/loctool/internal/testtool"
)

// iuliiaFiles names the reference file, in ../shared/reference/
// romanisation/iuliia, whose samples each Russian scheme must reproduce.
var iuliiaFiles = map[string]string{
	"bgn-pcgn":   "bgn_pcgn.json",
	"iso9":       "gost_779.json",
	"gost779b":   "gost_779_alt.json",
	"ala-lc":     "ala_lc.json",
	"icao":       "icao_doc_9303.json",
	"wikipedia":  "wikipedia.json",
	"scientific": "scientific.json",
}

// iuliiaSkips lists, per scheme, the samples whose reference spelling
// loctool does not follow, with the reason. It is empty: every sample
// passes.
var iuliiaSkips = map[string]map[string]string{}

// iuliiaWant returns the reference spelling in the form the standards
// print it. The reference writes ë with the Cyrillic letter ё (U+0451),
// which looks the same; the standards have the Latin ë (U+00EB).
func iuliiaWant(s string) string {
	s = strings.NewReplacer("ё", "ë", "Ё", "Ë").Replace(s)
	return norm.NFC.String(s)
}

// TestIuliiaSamples checks the Russian schemes against the samples of the
// iuliia reference files: pairs of Cyrillic text and its romanisation.
func TestIuliiaSamples(t *testing.T) {
	dir := filepath.Join(testtool.SharedDir(t), "reference", "romanisation", "iuliia")
	for _, s := range Schemes(ru) {
		t.Run(s.Name(), func(t *testing.T) {
			file, ok := iuliiaFiles[s.Name()]
			if !ok {
				t.Fatalf("no reference file for %s", s.Name())
			}
			data, err := os.ReadFile(filepath.Join(dir, file))
			if err != nil {
				t.Fatal(err)
			}
			var ref struct {
				Samples [][]string `json:"samples"`
			}
			if err := json.Unmarshal(data, &ref); err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			if len(ref.Samples) == 0 {
				t.Fatalf("%s: no samples", file)
			}
			for _, sample := range ref.Samples {
				if len(sample) != 2 {
					t.Errorf("%s: sample %q is not a pair", file, sample)
					continue
				}
				if reason, ok := iuliiaSkips[s.Name()][sample[0]]; ok {
					t.Logf("skip %q: %s", sample[0], reason)
					continue
				}
				if got, want := s.Romanize(sample[0]), iuliiaWant(sample[1]); got != want {
					t.Errorf("Romanize(%q)\n got %q\nwant %q", sample[0], got, want)
				}
			}
		})
	}
}
