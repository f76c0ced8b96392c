package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/viper"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/project"
)

// configName is the configuration file looked for in the current folder.
const configName = "config.yaml"

// configKeys are the settings of config.yaml. Each can also be set with
// an environment variable: LOCTOOL_ and the key in capitals, with _ for
// the dot (LOCTOOL_SEGMENTATION_RULES).
var configKeys = []string{
	"source", "targets", "articles", "locales", "output",
	"format", "formats", "segmentation.rules", "glossaries", "builtin-glossary",
	"limits.max-size", "limits.max-depth",
}

// fileKeys are the settings only config.yaml sets: maps and lists of
// maps, which no environment variable spells well.
var fileKeys = []string{"check.severity", "check.ignore"}

// loadConfig reads the project's configuration: file, or config.yaml in
// the current folder, then the LOCTOOL_ environment variables over it.
func loadConfig(file string) (project.Config, error) {
	cfg, _, err := readConfig(file)
	return cfg, err
}

// openProject loads the configuration and opens the project, for a
// command that segments articles when segments is set.
func openProject(io *ioStreams, segments bool) (*project.Project, error) {
	cfg, bad, err := readConfig(io.configFile)
	if err != nil {
		return nil, err
	}
	open := project.Open
	if !segments {
		open = project.OpenLazily
	}
	p, err := open(cfg)
	var ce *project.ConfigError
	if errors.As(err, &ce) {
		return nil, configErr(err, bad)
	}
	return p, err
}

// readConfig is loadConfig, and returns too the function that places a
// problem with a key at its line.
func readConfig(file string) (project.Config, func(key, msg string, hints ...string) error, error) {
	if file == "" {
		file = configName
		if _, err := os.Stat(file); errors.Is(err, fs.ErrNotExist) {
			return project.Config{}, nil, usageError(errors.New("no config.yaml in the current folder"),
				"run loctool in the folder of your project, or give --config path/to/config.yaml")
		}
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return project.Config{}, nil, err
	}
	data, err := os.ReadFile(abs)
	if err != nil {
		return project.Config{}, nil, usageError(fmt.Errorf("cannot read the configuration: %w", err),
			"check the path given to --config")
	}
	lines, err := keyLines(data)
	if err != nil {
		var ye *yaml.TypeError
		line := 0
		if !errors.As(err, &ye) {
			fmt.Sscanf(err.Error(), "yaml: line %d:", &line)
		}
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		if line > 0 {
			msg = strings.TrimPrefix(msg, fmt.Sprintf("line %d: ", line))
		}
		return project.Config{}, nil, usageError(&positionError{file: file, line: line, msg: "not valid YAML: " + msg})
	}
	keys := slices.SortedFunc(maps.Keys(lines), func(a, b string) int { return lines[a].line - lines[b].line })
	for _, key := range keys {
		shape, ok := shapes[key]
		if strings.HasPrefix(key, "formats.") {
			shape, ok = shapes["format"], true
		}
		if ok && !lines[key].null && !slices.Contains(shape.kinds, lines[key].kind) {
			return project.Config{}, nil, usageError(&positionError{file: file, line: lines[key].line, msg: fmt.Sprintf("%s is %s", key, kindNames[lines[key].kind])}, shape.hint)
		}
	}
	for _, key := range keys {
		line := lines[key].line
		known := slices.Concat(configKeys, fileKeys)
		if !slices.Contains(known, key) && !strings.HasPrefix(key, "formats.") && !slices.ContainsFunc(known, func(k string) bool { return strings.HasPrefix(k, key+".") }) {
			return project.Config{}, nil, usageError(&positionError{file: file, line: line, msg: fmt.Sprintf("unknown setting %q", key)},
				"the settings are "+strings.Join(known, ", ")+"; see the README")
		}
	}

	v := viper.New()
	v.SetConfigType("yaml")
	v.SetEnvPrefix("LOCTOOL")
	for _, k := range configKeys {
		if err := v.BindEnv(k, envName(k)); err != nil {
			return project.Config{}, nil, err
		}
	}
	if err := v.ReadConfig(bytes.NewReader(data)); err != nil {
		return project.Config{}, nil, usageError(&positionError{file: file, msg: err.Error()})
	}
	bad := func(key, msg string, hints ...string) error {
		if env := envName(key); os.Getenv(env) != "" {
			return usageError(fmt.Errorf("%s: %s", env, msg), hints...)
		}
		return usageError(&positionError{file: file, line: lines[key].line, msg: key + ": " + msg}, hints...)
	}

	cfg := project.Config{Root: filepath.Dir(abs)}
	if cfg.Source, err = parseTag(v.GetString("source")); err != nil {
		return cfg, bad, bad("source", err.Error(), "give a BCP 47 language tag, such as source: en")
	}
	for _, t := range list(v, "targets") {
		tag, err := parseTag(t)
		if err != nil {
			return cfg, bad, bad("targets", err.Error(), "give BCP 47 language tags, such as targets: [ru, kk]")
		}
		cfg.Targets = append(cfg.Targets, tag)
	}
	cfg.Articles = list(v, "articles")
	cfg.Locales = v.GetString("locales")
	cfg.Output = v.GetString("output")
	if f := v.GetString("format"); f != "" {
		if cfg.Format, err = project.ParseFormat(f); err != nil {
			return cfg, bad, bad("format", err.Error())
		}
	}
	formats := v.GetStringMapString("formats")
	for _, k := range slices.Sorted(maps.Keys(formats)) {
		tag, err := parseTag(k)
		if err != nil {
			return cfg, bad, bad("formats."+k, err.Error(), "formats maps target languages to handoff formats, such as formats: {kk: json}")
		}
		f, err := project.ParseFormat(formats[k])
		if err != nil {
			return cfg, bad, bad("formats."+k, err.Error())
		}
		if cfg.Formats == nil {
			cfg.Formats = map[language.Tag]project.Format{}
		}
		cfg.Formats[tag] = f
	}
	if r := v.GetString("segmentation.rules"); r != "" && r != "builtin" && r != "built-in" {
		cfg.Rules = r
	}
	cfg.Glossaries = list(v, "glossaries")
	cfg.NoBuiltinGlossary = v.IsSet("builtin-glossary") && !v.GetBool("builtin-glossary")
	if v.IsSet("limits.max-size") {
		n := v.GetSizeInBytes("limits.max-size")
		if n == 0 {
			return cfg, bad, bad("limits.max-size", fmt.Sprintf("%q is not a size", v.GetString("limits.max-size")), "give a size such as 64MB")
		}
		cfg.Limits.MaxBytes = int64(n)
	}
	if v.IsSet("limits.max-depth") {
		n := v.GetInt("limits.max-depth")
		if n <= 0 {
			return cfg, bad, bad("limits.max-depth", fmt.Sprintf("%q is not a number of levels", v.GetString("limits.max-depth")), "give a number such as 100")
		}
		cfg.Limits.MaxDepth = n
	}
	if err := readCheckSettings(data, &cfg, bad); err != nil {
		return cfg, bad, err
	}
	return cfg, bad, configErr(cfg.Check(), bad)
}

// configErr places a project's *ConfigError at its key's line.
func configErr(err error, bad func(key, msg string, hints ...string) error) error {
	var ce *project.ConfigError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ce):
		return bad(ce.Key, ce.Msg)
	}
	return usageError(err)
}

// list reads a list setting. From an environment variable it is one
// string, separated by commas or spaces: LOCTOOL_TARGETS="ru,kk".
func list(v *viper.Viper, key string) []string {
	if s, ok := v.Get(key).(string); ok {
		return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' })
	}
	return v.GetStringSlice(key)
}

// envName is the environment variable that sets a key.
func envName(key string) string {
	return "LOCTOOL_" + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

func parseTag(s string) (language.Tag, error) {
	if strings.TrimSpace(s) == "" {
		return language.Und, errors.New("missing")
	}
	tag, err := language.Parse(s)
	if err != nil {
		return language.Und, fmt.Errorf("%q is not a BCP 47 language tag", s)
	}
	return tag, nil
}

// setting is a key of the YAML document, with dots between levels
// (segmentation.rules): its line, for messages, and the kind of its value.
type setting struct {
	line int
	kind yaml.Kind
	null bool
}

// keyLines reads the settings of a YAML document.
func keyLines(data []byte) (map[string]setting, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	keys := map[string]setting{}
	var walk func(n *yaml.Node, prefix string, depth int)
	walk = func(n *yaml.Node, prefix string, depth int) {
		if n.Kind != yaml.MappingNode || depth > 2 {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			key := prefix + k.Value
			keys[key] = setting{line: k.Line, kind: v.Kind, null: v.Tag == "!!null"}
			walk(v, key+".", depth+1)
		}
	}
	if len(doc.Content) > 0 {
		walk(doc.Content[0], "", 1)
	}
	return keys, nil
}

var kindNames = map[yaml.Kind]string{
	yaml.ScalarNode:   "a single value",
	yaml.SequenceNode: "a list",
	yaml.MappingNode:  "a map",
	yaml.AliasNode:    "an alias",
	yaml.DocumentNode: "a document",
}

// shapes says what each setting takes, and how to write it.
var shapes = map[string]struct {
	kinds []yaml.Kind
	hint  string
}{
	"source":             {[]yaml.Kind{yaml.ScalarNode}, "give one language tag, such as source: en"},
	"targets":            {[]yaml.Kind{yaml.SequenceNode, yaml.ScalarNode}, "give a list of language tags, such as targets: [ru, kk]"},
	"articles":           {[]yaml.Kind{yaml.SequenceNode, yaml.ScalarNode}, `give a list of patterns, such as articles: ["articles/**/*.md"]`},
	"locales":            {[]yaml.Kind{yaml.ScalarNode}, "give one folder, such as locales: locales"},
	"output":             {[]yaml.Kind{yaml.ScalarNode}, "give one folder, such as output: build"},
	"format":             {[]yaml.Kind{yaml.ScalarNode}, "give one format, such as format: xliff-1.2"},
	"formats":            {[]yaml.Kind{yaml.MappingNode}, "give a format for each language that needs its own, such as formats: {kk: json}"},
	"segmentation":       {[]yaml.Kind{yaml.MappingNode}, "give the rules, such as segmentation: {rules: built-in}"},
	"segmentation.rules": {[]yaml.Kind{yaml.ScalarNode}, "give built-in or the path of an SRX file"},
	"glossaries":         {[]yaml.Kind{yaml.SequenceNode, yaml.ScalarNode}, "give a list of files, such as glossaries: [glossary.yaml]"},
	"builtin-glossary":   {[]yaml.Kind{yaml.ScalarNode}, "give true or false"},
	"limits":             {[]yaml.Kind{yaml.MappingNode}, "give the limits of handoff files, such as limits: {max-size: 64MB, max-depth: 100}"},
	"limits.max-size":    {[]yaml.Kind{yaml.ScalarNode}, "give a size, such as max-size: 64MB"},
	"limits.max-depth":   {[]yaml.Kind{yaml.ScalarNode}, "give a number of levels, such as max-depth: 100"},
	"check":              {[]yaml.Kind{yaml.MappingNode}, "give the check's settings, severity and ignore"},
	"check.severity":     {[]yaml.Kind{yaml.MappingNode}, "give a severity for each rule to change, such as severity: {spelling.inconsistent: error}"},
	"check.ignore":       {[]yaml.Kind{yaml.SequenceNode}, "give a list of findings to silence, such as ignore: [{rule: spelling.variant, found: Kazak}]"},
}

// readCheckSettings reads the check section of config.yaml: rule
// severities, and the findings to silence. Rule names have dots, which
// viper takes for levels, so the section is read from the YAML itself.
func readCheckSettings(data []byte, cfg *project.Config, bad func(key, msg string, hints ...string) error) error {
	var doc struct {
		Check struct {
			Severity map[string]string `yaml:"severity"`
			Ignore   []map[string]any  `yaml:"ignore"`
		} `yaml:"check"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return bad("check", err.Error())
	}
	for rule, sev := range doc.Check.Severity {
		if !slices.Contains(diag.SettableIDs(), rule) {
			return bad("check.severity", fmt.Sprintf("unknown rule %q", rule), "the rules are "+strings.Join(diag.SettableIDs(), ", "))
		}
		if !slices.Contains([]string{"error", "warning", "info", "off"}, sev) {
			return bad("check.severity", fmt.Sprintf("%s: unknown severity %q", rule, sev), "use error, warning, info or off")
		}
	}
	cfg.CheckSeverity = doc.Check.Severity
	for i, m := range doc.Check.Ignore {
		var ig project.Ignore
		for k, v := range m {
			s, ok := v.(string)
			if !ok {
				return bad("check.ignore", fmt.Sprintf("item %d: %s is not a single value", i+1, k))
			}
			switch k {
			case "rule":
				ig.Rule = s
			case "file":
				ig.File = s
			case "found":
				ig.Found = s
			default:
				return bad("check.ignore", fmt.Sprintf("item %d: unknown setting %q", i+1, k), "an item has rule, file and found")
			}
		}
		if ig.Rule == "" && ig.File == "" && ig.Found == "" {
			return bad("check.ignore", fmt.Sprintf("item %d silences nothing", i+1), "give its rule, file or found text")
		}
		if ig.Rule != "" && !slices.Contains(diag.SettableIDs(), ig.Rule) {
			return bad("check.ignore", fmt.Sprintf("item %d: unknown rule %q", i+1, ig.Rule), "the rules are "+strings.Join(diag.SettableIDs(), ", "))
		}
		cfg.CheckIgnore = append(cfg.CheckIgnore, ig)
	}
	return nil
}
