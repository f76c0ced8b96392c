package project

import (
	"errors"
	"fmt"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/xliff"
)

// Config is a loctool project's configuration, as config.yaml holds it.
// Paths are relative to Root and use forward slashes.
type Config struct {
	// Root is the project folder: the folder of config.yaml. It is
	// absolute.
	Root string
	// Source is the language the articles are written in.
	Source language.Tag
	// Targets are the languages they are translated into.
	Targets []language.Tag
	// Articles are glob patterns of the articles to translate, such as
	// "articles/**/*.md"; ** matches any number of folders.
	Articles []string
	// Locales is the folder of the handoff files: the file of article A
	// for language L is Locales/L/A plus the format's extension.
	Locales string
	// Output is the folder of merged articles: Output/L/A.
	Output string
	// Format is the handoff format of every language without an entry in
	// Formats.
	Format Format
	// Formats are the handoff formats of particular languages.
	Formats map[language.Tag]Format
	// Rules is the SRX file of segmentation rules; empty for the built-in
	// rules.
	Rules string
	// Glossaries are the project's glossary files.
	Glossaries []string
	// NoBuiltinGlossary leaves loctool's built-in glossary out of the
	// project's.
	NoBuiltinGlossary bool
	// CheckSeverity changes the severity of loctool check's rules:
	// "error", "warning", "info", or "off".
	CheckSeverity map[string]string
	// CheckIgnore silences findings of loctool check.
	CheckIgnore []Ignore
	// Limits bound the handoff files read: their size, and the nesting
	// of XLIFF elements. Zero fields take DefaultLimits'.
	Limits xliff.Limits
}

// DefaultLimits are the limits of a project's handoff files unless
// config.yaml sets others: a handoff file holds one article, and one of
// 64 MiB, or nested 100 elements deep, is not one a CAT tool wrote.
var DefaultLimits = xliff.Limits{MaxBytes: 64 << 20, MaxDepth: 100}

// limits returns the project's limits, the defaults filled in.
func (c *Config) limits() xliff.Limits { return c.Limits.Or(DefaultLimits) }

// Ignore silences the findings that match all it gives: a rule, a file
// (a glob pattern), and the text found.
type Ignore struct {
	Rule, File, Found string
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

// ConfigError is a problem with one setting.
type ConfigError struct {
	Key string // the setting, as config.yaml spells it, such as "targets"
	Msg string
}

func (e *ConfigError) Error() string        { return e.Key + ": " + e.Msg }
func (e *ConfigError) Is(target error) bool { return target == ErrConfig }

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
	switch {
	case !filepath.IsAbs(c.Root):
		return &ConfigError{"root", fmt.Sprintf("%q is not an absolute path", c.Root)}
	case c.Source == language.Und:
		return &ConfigError{"source", "no source language: give a BCP 47 tag such as en"}
	case len(c.Targets) == 0:
		return &ConfigError{"targets", "no target languages: give a list of BCP 47 tags such as [ru, kk]"}
	case len(c.Articles) == 0:
		return &ConfigError{"articles", "no article patterns: give a list such as [\"articles/**/*.txt\"]"}
	}
	for i, t := range c.Targets {
		if t == c.Source {
			return &ConfigError{"targets", fmt.Sprintf("%s is also the source language", t)}
		}
		if slices.Contains(c.Targets[:i], t) {
			return &ConfigError{"targets", fmt.Sprintf("%s is listed twice", t)}
		}
	}
	for _, t := range slices.SortedFunc(maps.Keys(c.Formats), func(a, b language.Tag) int { return strings.Compare(a.String(), b.String()) }) {
		if !slices.Contains(c.Targets, t) {
			return &ConfigError{"formats." + t.String(), fmt.Sprintf("%s is not a target language (%v)", t, c.Targets)}
		}
	}
	for _, f := range []struct{ key, path string }{{"locales", c.Locales}, {"output", c.Output}} {
		if _, err := Confine(c.Root, f.path); err != nil {
			return &ConfigError{f.key, err.Error()}
		}
	}
	if path.Clean(c.Locales) == path.Clean(c.Output) {
		return &ConfigError{"output", "the output folder is the locales folder: merged articles would mix with handoff files"}
	}
	for _, pat := range c.Articles {
		if _, err := Confine(c.Root, strings.SplitN(pat, "*", 2)[0]+"x"); err != nil {
			return &ConfigError{"articles", fmt.Sprintf("pattern %q: %v", pat, err)}
		}
	}
	return nil
}
