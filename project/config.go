package project

import (
	"errors"
	"fmt"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"golang.org/x/text/language"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/document"
	"github.com/loctool/loctool/internal/place"
	"github.com/loctool/loctool/xliff"
)

// Config is a loctool project's configuration, as config.yaml holds it.
// Paths are relative to Root and use forward slashes.
//
// Config is config.yaml's schema too: the config tag of a field is its
// key in the file (a dot between levels, as in segmentation.rules), and
// the hint tag says how to write its value. [DecodeConfig] reads the
// file by them, and [Settings] lists them.
type Config struct {
	// Root is the project folder: the folder of config.yaml. It is
	// absolute.
	Root string
	// Source is the language the articles are written in.
	Source language.Tag `config:"source" hint:"give a BCP 47 language tag, such as source: en"`
	// Targets are the languages they are translated into.
	Targets []language.Tag `config:"targets" hint:"give a list of BCP 47 language tags, such as targets: [ru, kk]"`
	// Articles are glob patterns of the articles to translate, such as
	// "articles/**/*.md"; ** matches any number of folders.
	Articles []string `config:"articles" hint:"give a list of patterns, such as articles: [\"articles/**/*.md\"]"`
	// Locales is the folder of the handoff files: the file of article A
	// for language L is Locales/L/A plus the format's extension.
	Locales string `config:"locales" hint:"give one folder, such as locales: locales"`
	// Output is the folder of merged articles: Output/L/A.
	Output string `config:"output" hint:"give one folder, such as output: build"`
	// Format is the handoff format of every language without an entry in
	// Formats.
	Format Format `config:"format" hint:"give one format, such as format: xliff-1.2"`
	// Formats are the handoff formats of particular languages.
	Formats map[language.Tag]Format `config:"formats" hint:"give a format for each language that needs its own, such as formats: {kk: json}"`
	// Rules is the SRX file of segmentation rules; empty for the built-in
	// rules, which config.yaml calls built-in or builtin.
	Rules string `config:"segmentation.rules" hint:"give built-in or the path of an SRX file"`
	// Glossaries are the project's glossary files.
	Glossaries []string `config:"glossaries" hint:"give a list of files, such as glossaries: [glossary.yaml]"`
	// NoBuiltinGlossary leaves loctool's built-in glossary out of the
	// project's: config.yaml says builtin-glossary: false.
	NoBuiltinGlossary bool `config:"builtin-glossary,not" hint:"give true or false"`
	// Limits bound the handoff files read: their size, and the nesting
	// of XLIFF elements. Zero fields take DefaultLimits'.
	Limits Limits `config:"limits"`
	// Memory is where the translation memory is, and what it offers.
	Memory MemoryConfig `config:"memory"`
	// CheckSeverity changes the severity of loctool check's rules, by
	// rule ID: "error", "warning", "info", or "off".
	CheckSeverity map[string]string `config:"check.severity" hint:"give a severity for each rule to change, such as severity: {spelling.inconsistent: error}"`
	// CheckIgnore silences findings of loctool check.
	CheckIgnore []Ignore `config:"check.ignore" hint:"give a list of findings to silence, such as ignore: [{rule: spelling.variant, found: Kazak}]"`
}

// Limits bound the handoff files a project reads. A zero field takes
// DefaultLimits'.
type Limits struct {
	// MaxBytes is the size of the largest handoff file read, in bytes;
	// config.yaml gives it with a unit, as 64MB.
	MaxBytes int64 `config:"max-size,size" hint:"give a size, such as max-size: 64MB"`
	// MaxDepth is the deepest nesting of XLIFF elements read.
	MaxDepth int `config:"max-depth" hint:"give a number of levels, such as max-depth: 100"`
	// ArticleDepth is the deepest nesting of an article read: of HTML
	// elements, or of Markdown lists and block quotes.
	ArticleDepth int `config:"article-depth" hint:"give a number of levels, such as article-depth: 512"`
	// ParagraphMarkup is the most characters of inline markup (* _ ` [ ])
	// a paragraph of a Markdown article may have.
	ParagraphMarkup int `config:"paragraph-markup" hint:"give a number of characters, such as paragraph-markup: 4000"`
}

// MemoryConfig are the translation memory's settings.
type MemoryConfig struct {
	// Path is the SQLite file of the memory, relative to the project;
	// DefaultMemoryPath when empty.
	Path string `config:"path" hint:"give a file, such as path: .loctool/memory.db"`
	// URL is a PostgreSQL database to keep the memory in instead, which a
	// team shares: postgres://user@host/database. LOCTOOL_MEMORY_URL in
	// the environment gives it too, to keep a password out of the file.
	URL string `config:"url" hint:"give a PostgreSQL URL, such as url: postgres://tm.example.org/newsroom"`
	// Threshold is the least score of a fuzzy match offered, from 1 to
	// 100; DefaultThreshold when 0.
	Threshold int `config:"threshold" hint:"give a score from 1 to 100, such as threshold: 75"`
}

// The translation memory's defaults.
const (
	DefaultMemoryPath = ".loctool/memory.db"
	DefaultThreshold  = 75
)

// checkMemory checks the memory's settings.
func (c *Config) checkMemory() error {
	m := c.Memory
	switch {
	case m.Threshold < 0 || m.Threshold > 100:
		return &ConfigError{Key: "memory.threshold", Msg: fmt.Sprintf("%d is not a score", m.Threshold), Hint: "give a score from 1 to 100, such as threshold: 75"}
	case m.URL != "" && !strings.HasPrefix(m.URL, "postgres://") && !strings.HasPrefix(m.URL, "postgresql://"):
		return &ConfigError{Key: "memory.url", Msg: "not a PostgreSQL URL", Hint: "give postgres://user@host/database"}
	}
	if m.Path != "" {
		if _, err := Confine(c.Root, m.Path); err != nil {
			return &ConfigError{Key: "memory.path", Msg: err.Error(), Hint: "give a path in the project's folder"}
		}
	}
	return nil
}

// DefaultLimits are the limits of a project's handoff files unless
// config.yaml sets others: a handoff file holds one article, and one of
// 64 MiB, or nested 100 elements deep, is not one a CAT tool wrote.
var DefaultLimits = xliff.Limits{MaxBytes: 64 << 20, MaxDepth: 100,
	Names: xliff.LimitNames{MaxBytes: "limits.max-size", MaxDepth: "limits.max-depth"}}

// articleOptions are the options articles are parsed with: the
// deepest nesting read and the most inline markup of a Markdown
// paragraph, and the settings that change them.
func (c *Config) articleOptions() document.Options {
	return document.Options{MaxDepth: c.Limits.ArticleDepth, DepthSetting: "limits.article-depth",
		MaxMarkup: c.Limits.ParagraphMarkup, MarkupSetting: "limits.paragraph-markup"}
}

// limits returns the project's limits, the defaults filled in.
func (c *Config) limits() xliff.Limits {
	return xliff.Limits{MaxBytes: c.Limits.MaxBytes, MaxDepth: c.Limits.MaxDepth}.Or(DefaultLimits)
}

// Ignore silences the findings that match all it gives: a rule, a file
// (a glob pattern), and the text found.
type Ignore struct {
	// Rule is the ID of the rule that found it.
	Rule string `config:"rule"`
	// File is a glob pattern of the files it is in, relative to the
	// project.
	File string `config:"file"`
	// Found is the text found, in any case.
	Found string `config:"found"`
}

// Format is a handoff format.
type Format string

// The handoff formats.
const (
	XLIFF12 Format = "xliff-1.2"
	XLIFF21 Format = "xliff-2.1"
	XLIFF22 Format = "xliff-2.2"
	JSON    Format = "json"
	// OmegaT is XLIFF 1.2 with every target pre-filled with its source:
	// OmegaT 3.6 translates only what is inside <target>.
	OmegaT Format = "omegat"
)

// Formats lists the handoff formats, for messages.
var Formats = []Format{XLIFF12, XLIFF21, XLIFF22, JSON, OmegaT}

// ParseFormat checks a format name.
func ParseFormat(s string) (Format, error) {
	f := Format(strings.ToLower(strings.TrimSpace(s)))
	if !slices.Contains(Formats, f) {
		return "", fmt.Errorf("unknown handoff format %q: use one of %s", s, formatList())
	}
	return f, nil
}

func formatList() string {
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

// Ext is the file name extension of the format.
func (f Format) Ext() string {
	if f == JSON {
		return ".json"
	}
	return ".xlf"
}

// Defaults of the optional settings.
const (
	DefaultLocales = "locales"
	DefaultOutput  = "build"
	DefaultFormat  = XLIFF12
)

// FormatFor returns the handoff format of a target language.
func (c *Config) FormatFor(lang language.Tag) Format {
	if f, ok := c.Formats[lang]; ok {
		return f
	}
	if c.Format == "" {
		return DefaultFormat
	}
	return c.Format
}

// ErrConfig marks a configuration that cannot be used.
var ErrConfig = errors.New("bad configuration")

// ConfigError is a problem with a setting, or with config.yaml itself.
//
// A problem found in the file is placed in it: a problem with a setting
// at the line of its key, which names the setting; a problem of the YAML
// (its syntax, a key given twice) at its line and column. A problem with
// a value an environment variable gave names the variable instead.
type ConfigError struct {
	// Key is the setting, as config.yaml spells it, such as "targets";
	// empty when Msg names what is wrong itself, as for a setting that
	// is unknown or of the wrong kind, or a syntax error.
	Key string
	// Msg says what is wrong.
	Msg string
	// Hint says what to write instead, when Msg does not.
	Hint string
	// File is config.yaml's path as given, when the problem is in it.
	File string
	// Line and Col are where in File: 1-based, the column counted in
	// characters; 0 when unknown, or, for Col, when the line is the
	// place: that of the setting's key.
	Line, Col int
	// Env is the environment variable that gave the value, when one did.
	Env string
}

// message is the error's message without its place.
func (e *ConfigError) message() string {
	switch {
	case e.Env != "" && e.Key != "":
		return e.Env + ": " + e.Msg
	case e.Key != "":
		return e.Key + ": " + e.Msg
	}
	return e.Msg
}

func (e *ConfigError) Error() string {
	if e.File == "" || e.Env != "" {
		return e.message()
	}
	return place.String(e.File, e.Line, e.Col) + ": " + e.message()
}

// Is reports whether target is ErrConfig.
func (e *ConfigError) Is(target error) bool { return target == ErrConfig }

// Diagnostic returns the error as a diagnostic: an error of config.yaml
// at its place, or, for a value an environment variable gave, of no
// file.
func (e *ConfigError) Diagnostic() diag.Diagnostic {
	d := diag.Diagnostic{Severity: diag.Error, Message: e.message(), Hint: e.Hint}
	if e.Env == "" {
		d.File, d.Start = e.File, diag.Position{Line: e.Line, Col: e.Col}
	}
	return d
}

// Check reports the first problem of the configuration, as a
// *ConfigError, after filling in the defaults.
func (c *Config) Check() error {
	if c.Locales == "" {
		c.Locales = DefaultLocales
	}
	if c.Output == "" {
		c.Output = DefaultOutput
	}
	if c.Format == "" {
		c.Format = DefaultFormat
	}
	if c.Rules == "builtin" || c.Rules == "built-in" {
		c.Rules = ""
	}
	switch {
	case !filepath.IsAbs(c.Root):
		return &ConfigError{Key: "root", Msg: fmt.Sprintf("%q is not an absolute path", c.Root)}
	case c.Source == language.Und:
		return &ConfigError{Key: "source", Msg: "no source language: give a BCP 47 tag such as en"}
	case len(c.Targets) == 0:
		return &ConfigError{Key: "targets", Msg: "no target languages: give a list of BCP 47 tags such as [ru, kk]"}
	case len(c.Articles) == 0:
		return &ConfigError{Key: "articles", Msg: "no article patterns: give a list such as [\"articles/**/*.txt\"]"}
	}
	if c.Source != language.Und {
		if msg, hint := noLanguage(c.Source.String()); msg != "" {
			return &ConfigError{Key: "source", Msg: msg, Hint: hint}
		}
	}
	for i, t := range c.Targets {
		if msg, hint := noLanguage(t.String()); msg != "" {
			return &ConfigError{Key: "targets", Msg: msg, Hint: hint}
		}
		if t == c.Source {
			return &ConfigError{Key: "targets", Msg: fmt.Sprintf("%s is also the source language", t)}
		}
		if slices.Contains(c.Targets[:i], t) {
			return &ConfigError{Key: "targets", Msg: fmt.Sprintf("%s is listed twice", t)}
		}
	}
	for _, t := range slices.SortedFunc(maps.Keys(c.Formats), func(a, b language.Tag) int { return strings.Compare(a.String(), b.String()) }) {
		if !slices.Contains(c.Targets, t) {
			return &ConfigError{Key: "formats." + t.String(), Msg: fmt.Sprintf("%s is not a target language (%v)", t, c.Targets)}
		}
	}
	for _, f := range []struct{ key, path, holds, def string }{
		{"locales", c.Locales, "handoff files", DefaultLocales},
		{"output", c.Output, "merged articles", DefaultOutput},
	} {
		if _, err := Confine(c.Root, f.path); err != nil {
			return &ConfigError{Key: f.key, Msg: err.Error()}
		}
		// No article is taken from the folder (see Project.Articles).
		if path.Clean(f.path) == "." {
			return &ConfigError{Key: f.key, Msg: fmt.Sprintf("%q is the project folder: the %s would mix with the articles", f.path, f.holds),
				Hint: fmt.Sprintf("give the %s a folder of their own, such as %s: %s", f.holds, f.key, f.def)}
		}
	}
	if path.Clean(c.Locales) == path.Clean(c.Output) {
		return &ConfigError{Key: "output", Msg: "the output folder is the locales folder: merged articles would mix with handoff files"}
	}
	for _, pat := range c.Articles {
		if _, err := Confine(c.Root, strings.SplitN(pat, "*", 2)[0]+"x"); err != nil {
			return &ConfigError{Key: "articles", Msg: fmt.Sprintf("pattern %q: %v", pat, err)}
		}
	}
	for _, g := range c.Glossaries {
		if !filepath.IsAbs(g) {
			if _, err := Confine(c.Root, g); err != nil {
				return &ConfigError{Key: "glossaries", Msg: err.Error(), Hint: "give a path in the project's folder, or an absolute path"}
			}
		}
	}
	if err := c.checkMemory(); err != nil {
		return err
	}
	return c.checkCheck()
}

// noLanguage says why a language tag, as written, is no language to
// translate from or into, with a hint when there is more to say than a
// setting's own; it returns "" for a tag that names one.
//
// A tag names a language when its first subtag does, as kk, kk-Latn,
// ru-KZ and en-x-house do, and qaa to qtz, which a newsroom may give a
// language of its own. It names none when it is und, the undetermined
// language, or starts with it (und-KZ, und-Latn); when it is mul (several
// languages) or zxx (no language); when it is private use alone
// (x-house); or when it is only a region (KZ) or a script (Latn).
func noLanguage(text string) (msg, hint string) {
	tag, err := language.Parse(text)
	if err != nil {
		for _, only := range []struct {
			what  string
			parse func(string) error
		}{
			{"region", func(s string) error { _, err := language.ParseRegion(s); return err }},
			{"script", func(s string) error { _, err := language.ParseScript(s); return err }},
		} {
			if only.parse(text) == nil {
				return fmt.Sprintf("%q is a %s, not a language", text, only.what),
					"put the language first, such as " + withLanguage(language.Make("und-"+text))
			}
		}
		return fmt.Sprintf("%q is not a BCP 47 language tag", text), ""
	}
	base, _, _ := tag.Raw()
	switch base.String() {
	case "und":
		if strings.HasPrefix(tag.String(), "x-") {
			return fmt.Sprintf("%q is a private-use tag: it names no language", text), "put the language first, such as en-" + tag.String()
		}
		msg = fmt.Sprintf("%q names no language: und is BCP 47's tag for an undetermined one", text)
		if tag == language.Und {
			return msg, ""
		}
		return msg, "put the language first, such as " + withLanguage(tag)
	case "mul":
		return fmt.Sprintf("%q names no language: mul is BCP 47's tag for several at once", text), ""
	case "zxx":
		return fmt.Sprintf("%q names no language: zxx is BCP 47's tag for content that has none", text), ""
	}
	return "", ""
}

// withLanguage gives a tag of the undetermined language, such as und-KZ,
// the language most likely with what it has: ru-KZ.
func withLanguage(tag language.Tag) string {
	base, _ := tag.Base()
	if base.String() == "und" {
		base = language.MustParseBase("en")
	}
	return base.String() + strings.TrimPrefix(tag.String(), "und")
}

// severities are the severities check.severity can give a rule.
var severities = []string{"error", "warning", "info", "off"}

// checkCheck checks the settings of loctool check: they name rules that
// config.yaml can set ([diag.SettableIDs]).
func (c *Config) checkCheck() error {
	rules := diag.SettableIDs()
	ruleHint := "the rules are " + strings.Join(rules, ", ")
	for _, rule := range slices.Sorted(maps.Keys(c.CheckSeverity)) {
		if !slices.Contains(rules, rule) {
			return &ConfigError{Key: "check.severity", Msg: fmt.Sprintf("unknown rule %q", rule), Hint: ruleHint}
		}
		if sev := c.CheckSeverity[rule]; !slices.Contains(severities, sev) {
			return &ConfigError{Key: "check.severity", Msg: fmt.Sprintf("%s: unknown severity %q", rule, sev), Hint: "use error, warning, info or off"}
		}
	}
	for i, ig := range c.CheckIgnore {
		switch {
		case ig == Ignore{}:
			return &ConfigError{Key: "check.ignore", Msg: fmt.Sprintf("item %d silences nothing", i+1), Hint: "give its rule, file or found text"}
		case ig.Rule != "" && !slices.Contains(rules, ig.Rule):
			return &ConfigError{Key: "check.ignore", Msg: fmt.Sprintf("item %d: unknown rule %q", i+1, ig.Rule), Hint: ruleHint}
		case ig.File != "" && !doublestar.ValidatePattern(ig.File):
			return &ConfigError{Key: "check.ignore", Msg: fmt.Sprintf("item %d: file %q is not a valid pattern", i+1, ig.File),
				Hint: "give a glob pattern such as articles/**/*.md"}
		}
	}
	return nil
}
