// Package corpus generates loctool projects for benchmarks: thousands of
// news articles made from loctool's two sample articles, with their
// paragraphs shuffled and repeated and their names and numbers varied,
// and it fills handoff files with pseudo-translations so that they can be
// merged.
//
// The same options and seed always give the same project, byte for byte.
package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/loctool/loctool/segment"
	"golang.org/x/text/language"
)

// Options describe a project to generate.
type Options struct {
	// Articles is the number of articles; 0 means 2,000.
	Articles int
	// Size is the mean size of an article in bytes; 0 means 8,000. Sizes
	// vary by a quarter either way.
	Size int
	// Markdown is the share of articles written in Markdown, from 0 to 1;
	// the rest are plain text. Negative means none; 0 means a tenth.
	Markdown float64
	// Seed makes the project: the same seed, the same articles.
	Seed uint64
	// Targets are the target languages of config.yaml; empty means [ru].
	Targets []string
	// Format is the handoff format of config.yaml; empty means xliff-1.2.
	Format string
	// Text and MarkdownSample are the sample articles the corpus is made
	// from: a plain-text and a Markdown article. See [LoadSamples].
	Text, MarkdownSample []byte
}

// Stats says what [Generate] wrote.
type Stats struct {
	Articles, Markdown int
	// Bytes is the size of all articles.
	Bytes int64
}

// The sample articles, relative to the repository.
const (
	TextSample     = "articles/ablyazov-amnesty.txt"
	MarkdownSample = "articles/dck-profile.md"
)

// LoadSamples reads the sample articles of the loctool repository at
// repo into o.
func (o *Options) LoadSamples(repo string) error {
	var err error
	if o.Text, err = os.ReadFile(filepath.Join(repo, filepath.FromSlash(TextSample))); err != nil {
		return err
	}
	o.MarkdownSample, err = os.ReadFile(filepath.Join(repo, filepath.FromSlash(MarkdownSample)))
	return err
}

func (o Options) withDefaults() Options {
	if o.Articles <= 0 {
		o.Articles = 2000
	}
	if o.Size <= 0 {
		o.Size = 8000
	}
	switch {
	case o.Markdown < 0:
		o.Markdown = 0
	case o.Markdown == 0:
		o.Markdown = 0.1
	case o.Markdown > 1:
		o.Markdown = 1
	}
	if len(o.Targets) == 0 {
		o.Targets = []string{"ru"}
	}
	if o.Format == "" {
		o.Format = "xliff-1.2"
	}
	return o
}

// Generate writes a loctool project into dir, which must be empty or
// missing: config.yaml and the articles, under articles/NN/.
func Generate(dir string, o Options) (Stats, error) {
	o = o.withDefaults()
	if len(o.Text) == 0 || len(o.MarkdownSample) == 0 {
		return Stats{}, errors.New("corpus: the sample articles are missing: call Options.LoadSamples")
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return Stats{}, fmt.Errorf("corpus: %s is not empty", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Stats{}, err
	}
	config := fmt.Sprintf(`# A loctool project generated for benchmarks: %d articles.
source: en
targets: [%s]
articles:
  - articles/**/*.txt
  - articles/**/*.md
format: %s
`, o.Articles, strings.Join(o.Targets, ", "), o.Format)
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte(config), 0o644); err != nil {
		return Stats{}, err
	}
	g := newGenerator(o)
	var st Stats
	for i := range o.Articles {
		rel, data := g.article(i)
		abs := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
			return st, err
		}
		if err := os.WriteFile(abs, data, 0o644); err != nil {
			return st, err
		}
		st.Articles++
		if strings.HasSuffix(rel, ".md") {
			st.Markdown++
		}
		st.Bytes += int64(len(data))
	}
	return st, nil
}

// Article returns the path and content of article i of the project that
// Generate writes with o, without writing anything.
func Article(o Options, i int) (string, []byte) {
	return newGenerator(o.withDefaults()).article(i)
}

type generator struct {
	o Options
	// The plain-text sample: title, standfirst, body paragraphs, and the
	// closing lines.
	title, standfirst string
	body, footer      []string
	// The Markdown sample: its blocks after the title and standfirst.
	mdBlocks []string
}

func newGenerator(o Options) *generator {
	g := &generator{o: o}
	paras := paragraphs(string(o.Text))
	if len(paras) < 6 {
		// A short sample: use it whole as the body.
		g.title, g.body = "News", paras
	} else {
		g.title, g.standfirst = paras[0], paras[1]
		rest := paras[2:]
		// The sample repeats its title and standfirst.
		for len(rest) > 0 && (rest[0] == g.title || rest[0] == g.standfirst) {
			rest = rest[1:]
		}
		g.body, g.footer = rest[:len(rest)-2], rest[len(rest)-2:]
	}
	md := paragraphs(string(o.MarkdownSample))
	for _, b := range md {
		if strings.HasPrefix(b, "# ") || (strings.HasPrefix(b, "*") && !strings.HasPrefix(b, "**")) {
			continue // the title and the standfirst: each article has its own
		}
		g.mdBlocks = append(g.mdBlocks, b)
	}
	return g
}

// paragraphs splits text at blank lines.
func paragraphs(s string) []string {
	var out []string
	for _, p := range regexp.MustCompile(`\n[ \t]*\n\s*`).Split(strings.ReplaceAll(s, "\r\n", "\n"), -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// article returns the path and content of article i.
func (g *generator) article(i int) (string, []byte) {
	r := rand.New(rand.NewPCG(g.o.Seed, uint64(i)))
	size := g.o.Size*3/4 + r.IntN(g.o.Size/2+1)
	markdown := r.Float64() < g.o.Markdown
	names := newNames(r)
	var b bytes.Buffer
	ext := ".txt"
	if markdown {
		ext = ".md"
		fmt.Fprintf(&b, "# %s\n\n*%s*\n\n", names.vary(g.title, r), names.vary(g.standfirst, r))
	} else {
		// Like the sample, a title and standfirst, then the body.
		fmt.Fprintf(&b, "%s\n\n%s\n\n\n", names.vary(g.title, r), names.vary(g.standfirst, r))
	}
	var footer bytes.Buffer
	for _, f := range g.footer {
		footer.WriteString(names.vary(f, r))
		footer.WriteString("\n\n")
	}
	pool := append([]string(nil), g.body...)
	if markdown {
		pool = append(pool, g.mdBlocks...)
	}
	for pass := 0; b.Len()+footer.Len() < size; pass++ {
		if pass > 0 {
			// Another pass quotes other people.
			names = newNames(r)
		}
		r.Shuffle(len(pool), func(a, b int) { pool[a], pool[b] = pool[b], pool[a] })
		for _, p := range pool {
			if b.Len()+footer.Len() >= size {
				break
			}
			b.WriteString(names.vary(p, r))
			b.WriteString("\n\n")
		}
	}
	b.Write(footer.Bytes())
	data := bytes.TrimRight(b.Bytes(), "\n")
	data = append(data, '\n')
	return fmt.Sprintf("articles/%02d/news-%04d%s", i/100, i, ext), data
}

// The names of the samples that articles vary: first names and surnames.
var (
	surnames = []string{
		"Ablyazov", "Nazarbaev", "Jakiyanov", "Zhakiyanov", "Kozlov", "Taukina",
		"Duvanov", "Rebenchuk", "Nurmukhamedov", "Beketova", "Jumagulov",
	}
	firstNames = []string{
		"Mukhtar", "Nursultan", "Galymjan", "Galymzhan", "Vladimir", "Roslana",
		"Sergei", "Elena", "Burikhan", "Gaukhar", "Erbol",
	}
	places = []string{"Pavlodar", "Astana", "Almaty"}
)

// Syllables of made-up names.
var (
	stems = []string{
		"Abl", "Nurm", "Tok", "Ser", "Bek", "Zhum", "Kas", "Ort", "Sar", "Mam",
		"Ras", "Utem", "Kair", "Bol", "Tas", "Yerm", "Dau", "Esen", "Kul", "Sult",
	}
	vowels   = []string{"a", "e", "i", "u", "y", "ai", ""}
	endings  = []string{"zov", "baev", "anov", "kov", "enko", "ov", "imov", "etov", "ulov", "ishev"}
	given    = []string{"Aigerim", "Dauren", "Yerlan", "Saule", "Asel", "Timur", "Marat", "Zhanna", "Olga", "Nurlan", "Bakhyt", "Dina", "Ruslan", "Aliya"}
	towns    = []string{"Karaganda", "Shymkent", "Aktobe", "Taraz", "Semey", "Kostanay", "Oral", "Atyrau", "Petropavl", "Turkistan"}
	digitsRE = regexp.MustCompile(`[0-9]+`)
)

// names is one article's choice of people and places.
type names struct {
	r *strings.Replacer
}

func newNames(r *rand.Rand) names {
	var pairs []string
	for _, s := range surnames {
		n := stems[r.IntN(len(stems))] + vowels[r.IntN(len(vowels))] + endings[r.IntN(len(endings))]
		if strings.HasSuffix(s, "a") {
			n += "a"
		}
		pairs = append(pairs, s, n)
	}
	for _, f := range firstNames {
		pairs = append(pairs, f, given[r.IntN(len(given))])
	}
	for _, p := range places {
		pairs = append(pairs, p, towns[r.IntN(len(towns))])
	}
	return names{strings.NewReplacer(pairs...)}
}

// vary replaces the names of s, and its numbers with others of as many
// digits.
func (n names) vary(s string, r *rand.Rand) string {
	s = n.r.Replace(s)
	return digitsRE.ReplaceAllStringFunc(s, func(d string) string {
		out := make([]byte, len(d))
		for i := range out {
			out[i] = byte('0' + r.IntN(10))
		}
		if len(out) > 1 && out[0] == '0' {
			out[0] = '1' + byte(r.IntN(9))
		}
		return string(out)
	})
}

// Sentences gives the sentences of the plain-text articles o makes, from
// article 0 on, cut by the built-in English rules, until each returns
// false: news copy, which repeats sentences with other names and
// figures.
func Sentences(o Options, each func(string) bool) error {
	o.Markdown = -1
	seg, err := segment.New(segment.Builtin(), language.English)
	if err != nil {
		return err
	}
	g := newGenerator(o.withDefaults())
	for i := 0; ; i++ {
		_, text := g.article(i)
		for _, para := range strings.Split(string(text), "\n\n") {
			for _, s := range seg.Split(strings.TrimSpace(para)) {
				if s = strings.TrimSpace(s); s != "" && !each(s) {
					return nil
				}
			}
		}
	}
}
