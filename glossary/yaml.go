package glossary

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	yaml "go.yaml.in/yaml/v4"
	"golang.org/x/text/language"

	"github.com/loctool/loctool/internal/atomicfile"
	"github.com/loctool/loctool/internal/place"
	"github.com/loctool/loctool/internal/yamlsyntax"
)

// Load reads glossary files in order into one glossary, and checks it
// ([Glossary.Check]). A later file changes what an earlier one says of a
// concept with the same ID, and the files layer over the built-in
// glossary when it comes first (see [Layer]). Every problem is an *Error naming the file
// and line; they are returned joined.
func Load(files ...string) (*Glossary, error) {
	return LoadWith(Langs{}, files...)
}

// LoadWith is Load, with the languages of OmegaT glossaries, which do not
// say theirs.
func LoadWith(langs Langs, files ...string) (*Glossary, error) {
	return load(New(), langs, named(files), nil)
}

// load adds glossary files to g, and checks the whole. The files are
// read unless their data is given.
func load(g *Glossary, langs Langs, files []File, data [][]byte) (*Glossary, error) {
	var errs []error
	for i, f := range files {
		var d []byte
		if data != nil {
			d = data[i]
		} else {
			var err error
			if d, err = atomicfile.ReadRegular(f.path()); err != nil {
				errs = append(errs, &Error{Pos: Pos{File: f.Name}, Kind: ErrInvalid, Msg: "cannot read the glossary: " + pathErr(err)})
				continue
			}
		}
		concepts, warns, err := Parse(d, f.Name, langs)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		g.Warnings = append(g.Warnings, warns...)
		g.Add(concepts)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	g.layer()
	if err := g.Check(); err != nil {
		return nil, err
	}
	return g, nil
}

// checkUTF8 refuses a file that is not UTF-8 text, at the first byte
// that is not.
func checkUTF8(data []byte, name string) *Error {
	i := place.InvalidUTF8(data)
	if i < 0 {
		return nil
	}
	line, col := place.Of(string(data), i)
	return &Error{Pos: Pos{File: name, Line: line, Col: col}, Kind: ErrSyntax, Msg: fmt.Sprintf("byte 0x%02x is not UTF-8 text", data[i]),
		Hint: "save the glossary as UTF-8"}
}

// pathErr says why a file cannot be read, without its path, which the
// message gives.
func pathErr(err error) string {
	var nr *atomicfile.NotRegularError
	if errors.As(err, &nr) {
		return "it is " + nr.What() + ", not a file"
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Parse reads the concepts of a glossary file in the format its name's
// extension says: YAML (.yaml, .yml), TBX (.tbx, .xml), CSV (.csv,
// separated by commas, or by the semicolons or tabs of its first line
// when it has no comma) or TSV (.tsv, .tab, .txt, .utf8). What it reads
// past is in the warnings.
//
// A spelling with a word that mixes Latin and Cyrillic letters
// ([MixedWords]) is an error at the word.
func Parse(data []byte, name string, langs Langs) ([]*Concept, []Warning, error) {
	var concepts []*Concept
	var warnings []Warning
	var err error
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml":
		concepts, err = ParseYAML(data, name)
	case ".tbx", ".xml":
		concepts, warnings, err = ParseTBX(data, name)
	case ".csv":
		concepts, warnings, err = ParseCSV(data, name, separator(data), langs)
	case ".tsv", ".tab", ".txt", ".utf8":
		concepts, warnings, err = ParseCSV(data, name, '\t', langs)
	default:
		return nil, nil, unknownFormat(name)
	}
	if serr := checkScripts(concepts, data, name); serr != nil {
		return nil, warnings, errors.Join(err, serr)
	}
	return concepts, warnings, err
}

func unknownFormat(name string) error {
	return &Error{Pos: Pos{File: name}, Kind: ErrInvalid, Msg: "unknown glossary format",
		Hint: "glossaries are YAML (.yaml), TBX (.tbx), CSV (.csv) or TSV (.tsv, .txt)"}
}

// The settings of a concept other than its languages.
var conceptKeys = []string{"id", "type", "note", "source"}

var idPattern = regexp.MustCompile(`^[\p{Ll}\p{Nd}][\p{Ll}\p{Nd}._-]*$`)

// ParseYAML reads the concepts of a glossary file in loctool's YAML
// format; name is the file's name, for messages.
func ParseYAML(data []byte, name string) ([]*Concept, error) {
	if err := checkUTF8(data, name); err != nil {
		return nil, err
	}
	root, err := yamlsyntax.Parse(data)
	if err != nil {
		return nil, syntaxError(err, name)
	}
	p := parser{file: name}
	if root == nil || root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil, nil // an empty file: no concepts
	}
	if root.Kind != yaml.MappingNode {
		return nil, p.errf(root, "a glossary is a map with a list of concepts", "start the file with concepts:")
	}
	var list *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Value != "concepts" {
			p.fail(p.errf(k, fmt.Sprintf("unknown setting %q", k.Value), "a glossary file has one setting, concepts: a list of concepts"))
			continue
		}
		list = v
	}
	var out []*Concept
	seen := map[string]*yaml.Node{}
	if list != nil && list.Tag != "!!null" {
		if list.Kind != yaml.SequenceNode {
			return nil, p.errf(list, "concepts is not a list", "write each concept as an item: - id: …")
		}
		for _, n := range list.Content {
			c := p.concept(n)
			if c == nil {
				continue
			}
			if prev, ok := seen[c.ID]; ok {
				p.fail(&Error{Pos: c.Pos, Kind: ErrInvalid, Msg: fmt.Sprintf("concept %s is defined twice in this file, first at line %d", c.ID, prev.Line),
					Hint: "merge the two entries"})
				continue
			}
			seen[c.ID] = n
			out = append(out, c)
		}
	}
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	return out, nil
}

// syntaxError is a YAML syntax error of a glossary file.
func syntaxError(err error, name string) *Error {
	var se *yamlsyntax.Error
	if !errors.As(err, &se) {
		return &Error{Pos: Pos{File: name}, Kind: ErrSyntax, Msg: err.Error()}
	}
	e := &Error{Pos: Pos{File: name, Line: se.Line, Col: se.Col}, Kind: ErrSyntax, Msg: se.Msg, Hint: se.Hint}
	if se.Key == "concepts" && se.Col == 1 {
		// loctool glossary suggest >> glossary.yaml appends a list of its own.
		e.Hint = "move the concepts under this concepts: into the list above, and remove this line: YAML would keep only this list, and lose the other"
	}
	return e
}

type parser struct {
	file  string
	errs  []error
	langs map[string]langTag // the keys read so far, parsed
}

type langTag struct {
	tag language.Tag
	err error
}

// lang parses a language tag, once per spelling of it: a glossary has
// thousands of en: and ru: keys.
func (p *parser) lang(s string) (language.Tag, error) {
	if l, ok := p.langs[s]; ok {
		return l.tag, l.err
	}
	tag, err := language.Parse(s)
	if p.langs == nil {
		p.langs = map[string]langTag{}
	}
	p.langs[s] = langTag{tag, err}
	return tag, err
}

func (p *parser) pos(n *yaml.Node) Pos { return Pos{File: p.file, Line: n.Line, Col: n.Column} }

func (p *parser) errf(n *yaml.Node, msg, hint string) *Error {
	return &Error{Pos: p.pos(n), Kind: ErrInvalid, Msg: msg, Hint: hint}
}

func (p *parser) fail(err error) { p.errs = append(p.errs, err) }

// concept reads one concept, or returns nil after recording its problems.
func (p *parser) concept(n *yaml.Node) *Concept {
	if n.Kind != yaml.MappingNode {
		p.fail(p.errf(n, "a concept is a map of settings", "write id:, type:, and a spelling per language"))
		return nil
	}
	c := &Concept{Pos: p.pos(n), Source: map[language.Tag][]string{}, Terms: map[language.Tag]*Terms{}}
	before := len(p.errs)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "id":
			c.ID = p.scalar(v, "id")
			if c.ID != "" && !idPattern.MatchString(c.ID) {
				p.fail(p.errf(v, fmt.Sprintf("id %q has characters IDs do not take", c.ID), "write IDs in lower case with digits, dots, - and _, such as zhakiyanov-galymzhan"))
			}
		case "type":
			t := Kind(strings.ToLower(p.scalar(v, "type")))
			if t == "organization" {
				t = Organisation
			}
			if t != "" && !slices.Contains(Kinds, t) {
				p.fail(p.errf(v, fmt.Sprintf("unknown type %q", t), "the types are person, place, organisation and term"))
			}
			c.Kind = t
		case "note":
			c.Note = p.scalar(v, "note")
		case "source":
			p.source(c, v)
		default:
			lang, err := p.lang(k.Value)
			if err != nil {
				p.fail(p.errf(k, fmt.Sprintf("unknown setting %q", k.Value),
					"a concept has "+strings.Join(conceptKeys, ", ")+", and a spelling per language, such as en:"))
				continue
			}
			if _, dup := c.Terms[lang]; dup {
				p.fail(p.errf(k, fmt.Sprintf("language %s is given twice", lang), "keep one"))
				continue
			}
			if t := p.terms(c, v, lang); t != nil {
				c.Terms[lang] = t
			}
		}
	}
	if c.ID == "" {
		p.fail(p.errf(n, "a concept has no id", "give each concept an id, such as id: zhakiyanov-galymzhan"))
	}
	if c.Kind != Place && c.Kind != Organisation {
		for i := 0; i+1 < len(n.Content); i += 2 {
			lang, err := p.lang(n.Content[i].Value)
			if t := c.Terms[lang]; err == nil && t != nil {
				for _, v := range slices.Concat(t.Accepted, t.Forbidden) {
					if feminine(t.Preferred, v) {
						p.fail(&Error{Pos: p.pos(n.Content[i+1]), Kind: ErrFeminine,
							Msg:  fmt.Sprintf("%s %q is the feminine form of %q: a woman with the surname is a concept of her own", lang, v, t.Preferred),
							Hint: "add a concept for her, and remove the form from this one"})
					}
				}
			}
		}
	}
	if len(c.Terms) == 0 && len(p.errs) == before {
		p.fail(p.errf(n, fmt.Sprintf("concept %s has no spelling", c.ID), "give at least one language's preferred spelling, such as en: Galymzhan Zhakiyanov"))
	}
	if len(p.errs) > before {
		return nil
	}
	return c
}

// scalar reads a single value.
func (p *parser) scalar(n *yaml.Node, what string) string {
	if n.Kind != yaml.ScalarNode {
		p.fail(p.errf(n, what+" is not a single value", ""))
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// spellings reads one value or a list of them, as spellings.
func (p *parser) spellings(n *yaml.Node, what string) []string {
	var nodes []*yaml.Node
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return nil
		}
		nodes = []*yaml.Node{n}
	case yaml.SequenceNode:
		nodes = n.Content
	default:
		p.fail(p.errf(n, what+" is not a spelling or a list of them", ""))
		return nil
	}
	var out []string
	for _, s := range nodes {
		if s.Kind != yaml.ScalarNode {
			p.fail(p.errf(s, what+": an item is not a spelling", ""))
			continue
		}
		sp := spelling(s.Value)
		if sp == "" {
			p.fail(p.errf(s, what+": an empty spelling", "remove it"))
			continue
		}
		out = append(out, sp)
	}
	return out
}

// source reads a concept's Cyrillic forms: a map of language to a form
// or a list of forms.
func (p *parser) source(c *Concept, n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		p.fail(p.errf(n, "source is not a map of languages to Cyrillic forms", "write it as source: {ru: Жакиянов, kk: Жақиянов}"))
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		lang, err := p.lang(k.Value)
		if err != nil {
			p.fail(p.errf(k, fmt.Sprintf("source: %q is not a language tag", k.Value), "use ru or kk"))
			continue
		}
		forms := p.spellings(v, "source "+lang.String())
		if len(forms) == 0 {
			p.fail(p.errf(v, fmt.Sprintf("source %s has no form", lang), "give the name as written in "+lang.String()+", or remove it"))
			continue
		}
		c.Source[lang] = append(c.Source[lang], forms...)
	}
}

// terms reads a language's spellings: the preferred one alone, or a map
// with preferred, accepted and forbidden.
func (p *parser) terms(c *Concept, n *yaml.Node, lang language.Tag) *Terms {
	t := &Terms{}
	switch n.Kind {
	case yaml.ScalarNode:
		if t.Preferred = spelling(n.Value); t.Preferred == "" {
			p.fail(p.errf(n, fmt.Sprintf("%s has no spelling", lang), "give its preferred spelling, or remove it"))
			return nil
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			switch k.Value {
			case "preferred":
				t.Preferred = spelling(p.scalar(v, lang.String()+" preferred"))
			case "accepted":
				t.Accepted = p.spellings(v, lang.String()+" accepted")
			case "forbidden":
				t.Forbidden = p.spellings(v, lang.String()+" forbidden")
			default:
				p.fail(p.errf(k, fmt.Sprintf("%s: unknown setting %q", lang, k.Value), "a language has preferred, accepted and forbidden"))
			}
		}
	default:
		p.fail(p.errf(n, fmt.Sprintf("%s is not a spelling or a map of spellings", lang), "write en: Zhakiyanov, or en: {preferred: Zhakiyanov, forbidden: [Jakiyanov]}"))
		return nil
	}
	if t.Preferred == "" && len(t.Accepted) == 0 && len(t.Forbidden) == 0 {
		p.fail(p.errf(n, fmt.Sprintf("%s has no spelling", lang), "give its preferred spelling, or remove it"))
		return nil
	}
	return t
}
