// Command segcompare compares loctool's sentence segmentation with other
// rules and tools: accuracy on loctool's hand-checked cases, and speed on
// the sample article and on a larger corpus built from it.
//
// The contenders are loctool's built-in rules, loctool's engine running
// each real-world SRX file of the reference folder, and
// github.com/neurosnap/sentences with its English training data.
//
// Usage, from the bench folder:
//
//	go run ./segcompare [-json] [-cases FILE] [-article FILE] [-srx-dir DIR] [-corpus-mb N] [-reps N]
//
// Default paths are relative to the loctool repository root, found by
// walking up from the working directory.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/loctool/loctool/segment"
	"github.com/neurosnap/sentences/english"
	"golang.org/x/text/language"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// langs are the languages reported on their own, in order; the cases
// hold only these.
var langs = []string{"en", "ru", "kk"}

// testCase is one entry of segment/testdata/cases.json.
type testCase struct {
	Name string   `json:"name"`
	Lang string   `json:"lang"`
	Text string   `json:"text"`
	Want []string `json:"want"`
}

// splitter splits a text into trimmed sentences.
type splitter func(text string) []string

// contender is one segmenter under comparison.
type contender struct {
	name string
	note string
	// open returns the splitter for the language; the speed runs use "en".
	open func(tag language.Tag) (splitter, error)
}

// Score counts the cases whose segments equal the expected ones exactly.
type Score struct {
	Pass  int `json:"pass"`
	Total int `json:"total"`
}

func (s Score) String() string {
	if s.Total == 0 {
		return "-"
	}
	return fmt.Sprintf("%d/%d %5.1f%%", s.Pass, s.Total, 100*float64(s.Pass)/float64(s.Total))
}

// Result is one contender's accuracy and speed.
type Result struct {
	Name   string           `json:"name"`
	Note   string           `json:"note,omitempty"`
	All    Score            `json:"all"`
	ByLang map[string]Score `json:"by_lang"`
	// Errors lists the languages the contender has no rules for, and the
	// cases where it panicked; those cases count as failed.
	Errors       []string `json:"errors,omitempty"`
	ArticleMBps  float64  `json:"article_mb_per_s"`
	CorpusMBps   float64  `json:"corpus_mb_per_s"`
	SpeedSkipped string   `json:"speed_skipped,omitempty"`
}

// Report is the whole comparison, as -json prints it.
type Report struct {
	GoVersion    string   `json:"go_version"`
	GOMAXPROCS   int      `json:"gomaxprocs"`
	Reps         int      `json:"reps"`
	ArticleBytes int      `json:"article_bytes"`
	CorpusBytes  int      `json:"corpus_bytes"`
	Notes        []string `json:"notes,omitempty"`
	Results      []Result `json:"results"`
}

func run(args []string, stdout, stderr io.Writer) int {
	root := repoRoot()
	fs := flag.NewFlagSet("segcompare", flag.ContinueOnError)
	fs.SetOutput(stderr)
	casesPath := fs.String("cases", filepath.Join(root, "segment", "testdata", "cases.json"), "hand-checked cases, as JSON")
	articlePath := fs.String("article", filepath.Join(root, "articles", "ablyazov-amnesty.txt"), "sample article, for speed")
	srxDir := fs.String("srx-dir", filepath.Join(root, "..", "shared", "reference", "segmentation"), "folder of real-world .srx files")
	corpusMB := fs.Int("corpus-mb", 16, "size of the speed corpus in MiB")
	reps := fs.Int("reps", 5, "timed repetitions per text; the median is reported")
	asJSON := fs.Bool("json", false, "print JSON instead of a table")
	if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
		return 0
	} else if err != nil {
		return 2
	}
	if fs.NArg() > 0 || *reps < 1 || *corpusMB < 1 {
		fmt.Fprintln(stderr, "segcompare: usage: segcompare [flags]; -reps and -corpus-mb must be positive")
		return 2
	}
	rep, err := compare(*casesPath, *articlePath, *srxDir, *corpusMB<<20, *reps)
	if err != nil {
		fmt.Fprintf(stderr, "segcompare: %v\n", err)
		return 1
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			fmt.Fprintf(stderr, "segcompare: %v\n", err)
			return 1
		}
	} else {
		printTable(stdout, rep)
	}
	return 0
}

// repoRoot returns the closest folder above the working directory whose
// go.mod is loctool's, or "." when there is none.
func repoRoot() string {
	dir, err := os.Getwd()
	if err != nil {
		return "."
	}
	for {
		data, _ := os.ReadFile(filepath.Join(dir, "go.mod"))
		for line := range strings.Lines(string(data)) {
			if f := strings.Fields(line); len(f) == 2 && f[0] == "module" && f[1] == "github.com/loctool/loctool" {
				return dir
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "."
		}
		dir = parent
	}
}

func compare(casesPath, articlePath, srxDir string, corpusSize, reps int) (*Report, error) {
	data, err := os.ReadFile(casesPath)
	if err != nil {
		return nil, err
	}
	var cases []testCase
	if err := json.Unmarshal(data, &cases); err != nil {
		return nil, fmt.Errorf("%s: %w", casesPath, err)
	}
	articleData, err := os.ReadFile(articlePath)
	if err != nil {
		return nil, err
	}
	article := string(articleData)
	corpus := buildCorpus(article, corpusSize)

	runtime.GOMAXPROCS(1)
	rep := &Report{GoVersion: runtime.Version(), GOMAXPROCS: 1, Reps: reps, ArticleBytes: len(article), CorpusBytes: len(corpus)}
	contenders, notes, err := contenders(srxDir)
	if err != nil {
		return nil, err
	}
	rep.Notes = notes
	for _, c := range contenders {
		r := accuracy(c, cases)
		if split, err := c.open(language.English); err != nil {
			r.SpeedSkipped = err.Error()
		} else {
			r.ArticleMBps = speed(split, article, reps)
			r.CorpusMBps = speed(split, corpus, reps)
		}
		rep.Results = append(rep.Results, r)
	}
	return rep, nil
}

// buildCorpus repeats the article's paragraphs in a shifting order until
// the text holds size bytes, as the segment package's benchmarks do.
func buildCorpus(article string, size int) string {
	paras := strings.Split(article, "\n\n")
	var b strings.Builder
	b.Grow(size + 4096)
	for i := 0; b.Len() < size; i++ {
		b.WriteString(paras[(i*7)%len(paras)])
		b.WriteString("\n\n")
	}
	return b.String()
}

// contenders lists the segmenters to compare. A missing srxDir skips the
// SRX contenders with a note, as loctool's tests skip without ../shared.
func contenders(srxDir string) ([]contender, []string, error) {
	var notes []string
	list := []contender{{name: "loctool-builtin", note: mapsUsed(segment.Builtin()), open: rulesOpener(segment.Builtin())}}
	files, err := filepath.Glob(filepath.Join(srxDir, "*.srx"))
	if err != nil {
		return nil, nil, err
	}
	if len(files) == 0 {
		notes = append(notes, fmt.Sprintf("no .srx files in %s: the SRX contenders are skipped", srxDir))
	}
	for _, f := range files {
		rules, err := segment.LoadSRX(f)
		if err != nil {
			return nil, nil, err
		}
		name := "srx:" + strings.TrimSuffix(filepath.Base(f), ".srx")
		list = append(list, contender{name: name, note: mapsUsed(rules), open: rulesOpener(rules)})
	}
	if len(files) > 0 {
		notes = append(notes, "srx: contenders are loctool's engine running the files of "+srxDir)
	}
	tok, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		return nil, nil, fmt.Errorf("neurosnap/sentences: %w", err)
	}
	list = append(list, contender{
		name: "neurosnap-sentences",
		note: "v1.1.2, English training data for every language: it has no Russian or Kazakh model",
		open: func(language.Tag) (splitter, error) {
			return func(text string) []string {
				var out []string
				for _, s := range tok.Tokenize(text) {
					if t := strings.TrimSpace(s.Text); t != "" {
						out = append(out, t)
					}
				}
				return out
			}, nil
		},
	})
	return list, notes, nil
}

// rulesOpener runs loctool's engine with the rules. segment.New already
// tries the tag's parents down to "und", so a catch-all ".*" map serves
// languages without their own map; a file without one fails the case.
func rulesOpener(rules *segment.Rules) func(language.Tag) (splitter, error) {
	cache := map[language.Tag]splitter{}
	return func(tag language.Tag) (splitter, error) {
		if s, ok := cache[tag]; ok {
			return s, nil
		}
		seg, err := segment.New(rules, tag)
		if err != nil {
			return nil, err
		}
		cache[tag] = seg.Split
		return seg.Split, nil
	}
}

// mapsUsed says which language rules each language gets, such as
// "kk: Default" when a file has no Kazakh map and a catch-all serves it.
// segment.New tells only whether some map matches, so each map is tried
// on its own.
func mapsUsed(rules *segment.Rules) string {
	var parts []string
	for _, lang := range langs {
		var names []string
		for _, m := range rules.Maps {
			one := *rules
			one.Maps = []segment.LanguageMap{m}
			if _, err := segment.New(&one, language.Make(lang)); err == nil && !slices.Contains(names, m.RuleName) {
				names = append(names, m.RuleName)
				if !rules.Cascade {
					break
				}
			}
		}
		if len(names) == 0 {
			names = []string{"none"}
		}
		parts = append(parts, lang+": "+strings.Join(names, ", "))
	}
	return "language rules " + strings.Join(parts, "; ")
}

// accuracy runs the contender on every case. A case fails when the
// contender has no rules for its language or panics on it.
func accuracy(c contender, cases []testCase) Result {
	r := Result{Name: c.name, Note: c.note, ByLang: map[string]Score{}}
	failed := map[string]int{} // error message → cases
	for _, tc := range cases {
		tag, err := language.Parse(tc.Lang)
		var split splitter
		if err == nil {
			split, err = c.open(tag)
		}
		var got []string
		if err == nil {
			got, err = safeSplit(split, tc.Text)
		}
		pass := err == nil && slices.Equal(got, tc.Want)
		if err != nil {
			if errors.Is(err, segment.ErrNoRules) {
				failed[fmt.Sprintf("no languagemap matches %s", tc.Lang)]++
			} else {
				failed[fmt.Sprintf("%s: %v", tc.Name, err)]++
			}
		}
		base, _ := tag.Base()
		s := r.ByLang[base.String()]
		r.All.Total++
		s.Total++
		if pass {
			r.All.Pass++
			s.Pass++
		}
		r.ByLang[base.String()] = s
	}
	for msg, n := range failed {
		r.Errors = append(r.Errors, fmt.Sprintf("%s (cases: %d)", msg, n))
	}
	slices.Sort(r.Errors)
	return r
}

// safeSplit turns a panic in the segmenter into an error, so that one bad
// rule shows in the report instead of ending the comparison.
func safeSplit(split splitter, text string) (got []string, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	return split(text), nil
}

// speed returns the median throughput of reps runs over text, in MB/s
// (10^6 bytes per second, as go test reports it). A short text is split
// several times per run, so that each run lasts about minRun.
func speed(split splitter, text string, reps int) float64 {
	const minRun = 200 * time.Millisecond
	start := time.Now()
	split(text) // warm up, and size the runs
	n := max(1, int(minRun/max(time.Since(start), time.Microsecond)))
	rates := make([]float64, reps)
	for i := range rates {
		runtime.GC()
		start := time.Now()
		for range n {
			split(text)
		}
		rates[i] = float64(n*len(text)) / 1e6 / time.Since(start).Seconds()
	}
	slices.Sort(rates)
	if reps%2 == 0 {
		return (rates[reps/2-1] + rates[reps/2]) / 2
	}
	return rates[reps/2]
}

func printTable(w io.Writer, rep *Report) {
	fmt.Fprintf(w, "segcompare: %s, GOMAXPROCS=%d, median of %d runs; article %d bytes, corpus %d bytes\n",
		rep.GoVersion, rep.GOMAXPROCS, rep.Reps, rep.ArticleBytes, rep.CorpusBytes)
	fmt.Fprintln(w, "accuracy: cases whose segments equal the hand-checked ones exactly")
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "contender\tall\t%s\tarticle MB/s\tcorpus MB/s\n", strings.Join(langs, "\t"))
	for _, r := range rep.Results {
		fmt.Fprintf(tw, "%s\t%s\t", r.Name, r.All)
		for _, l := range langs {
			fmt.Fprintf(tw, "%s\t", r.ByLang[l])
		}
		fmt.Fprintf(tw, "%s\t%s\n", mbps(r.ArticleMBps), mbps(r.CorpusMBps))
	}
	tw.Flush()
	fmt.Fprintln(w)
	for _, r := range rep.Results {
		if r.Note != "" {
			fmt.Fprintf(w, "%s: %s\n", r.Name, r.Note)
		}
		for _, e := range r.Errors {
			fmt.Fprintf(w, "%s: failed: %s\n", r.Name, e)
		}
		if r.SpeedSkipped != "" {
			fmt.Fprintf(w, "%s: speed not measured: %s\n", r.Name, r.SpeedSkipped)
		}
	}
	for _, n := range rep.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
}

func mbps(v float64) string {
	if v == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", v)
}
