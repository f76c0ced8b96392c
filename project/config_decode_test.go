package project

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/diag"
)

// decode decodes a config.yaml in a project at root.
func decode(root, yaml string, env ...EnvSetting) (*ConfigFile, error) {
	return DecodeConfig(ConfigSource{File: "config.yaml", Data: []byte(yaml), Root: root, Env: env})
}

func TestDecodeConfig(t *testing.T) {
	root := t.TempDir()
	f, err := decode(root, `# every setting
source: en
targets: [ru, kk]
articles:
  - "articles/**/*.md"
  - articles/*.txt
locales: loc
output: out
format: xliff-2.1
formats: {kk: json}
segmentation:
  rules: my.srx
glossaries: [glossary.yaml, house.tbx]
builtin-glossary: false
limits: {max-size: 2MB, max-depth: 50, article-depth: 64}
check:
  severity: {spelling.inconsistent: error, target.double-space: "off"}
  ignore:
    - {rule: spelling.variant, file: "articles/*.txt", found: Kazak}
    - found: Nazarbaev
`)
	if err != nil {
		t.Fatal(err)
	}
	want := Config{
		Root:              root,
		Source:            language.English,
		Targets:           []language.Tag{language.Russian, language.Kazakh},
		Articles:          []string{"articles/**/*.md", "articles/*.txt"},
		Locales:           "loc",
		Output:            "out",
		Format:            XLIFF21,
		Formats:           map[language.Tag]Format{language.Kazakh: JSON},
		Rules:             "my.srx",
		Glossaries:        []string{"glossary.yaml", "house.tbx"},
		NoBuiltinGlossary: true,
		Limits:            Limits{MaxBytes: 2 << 20, MaxDepth: 50, ArticleDepth: 64},
		CheckSeverity:     map[string]string{"spelling.inconsistent": "error", "target.double-space": "off"},
		CheckIgnore:       []Ignore{{Rule: "spelling.variant", File: "articles/*.txt", Found: "Kazak"}, {Found: "Nazarbaev"}},
	}
	if !reflect.DeepEqual(f.Config, want) {
		t.Errorf("got  %+v\nwant %+v", f.Config, want)
	}
}

func TestDecodeConfigDefaults(t *testing.T) {
	root := t.TempDir()
	f, err := decode(root, "source: en\ntargets: ru, kk\narticles: articles/*.txt\nlocales:\nsegmentation: {rules: built-in}\ncheck:\nbuiltin-glossary: yes\n")
	if err != nil {
		t.Fatal(err)
	}
	c := f.Config
	if !slices.Equal(c.Targets, []language.Tag{language.Russian, language.Kazakh}) || !slices.Equal(c.Articles, []string{"articles/*.txt"}) {
		t.Errorf("one value for a list: %v, %v", c.Targets, c.Articles)
	}
	if c.Locales != DefaultLocales || c.Output != DefaultOutput || c.Format != DefaultFormat || c.Rules != "" || c.NoBuiltinGlossary {
		t.Errorf("defaults: %+v", c)
	}
	for _, size := range []struct {
		text string
		n    int64
	}{{"1000", 1000}, {"64MB", 64 << 20}, {"64 MiB", 64 << 20}, {"512k", 512 << 10}, {"1GB", 1 << 30}, {"10B", 10}} {
		f, err := decode(root, "source: en\ntargets: [ru]\narticles: [a]\nlimits: {max-size: "+size.text+"}\n")
		if err != nil || f.Limits.MaxBytes != size.n {
			t.Errorf("max-size %s: %v, %v; want %d", size.text, f, err, size.n)
		}
	}
}

func TestDecodeConfigErrors(t *testing.T) {
	const ok = "source: en\ntargets: [ru]\narticles: [articles/*.txt]\n"
	tests := []struct {
		name, yaml string
		env        []EnvSetting
		want       string // the error, and where
		hint       string // a part of its hint
	}{
		// The file's YAML: at the line and column.
		{"not UTF-8", "source: en\ntargets: [r\xffu]\n", nil, "config.yaml:2:12: byte 0xff is not UTF-8 text", "UTF-8"},
		{"list not closed", "source: en\ntargets: [ru\narticles: [a]\n", nil,
			"config.yaml:2:10: the list this [ opens is not closed: no ] before line 3", "end the list with ]"},
		{"key twice", ok + "format: json\nformat: xliff-2.1\n", nil, `config.yaml:5:1: "format" is given twice in one map: first at line 4`, "merge the two"},
		{"key twice in a section", ok + "check:\n  severity: {}\n  severity: {}\n", nil, `config.yaml:6:3: "severity" is given twice in one map: first at line 5`, ""},
		{"not a map", "- source: en\n", nil, "config.yaml:1:1: the file is not a map of settings", "key: value"},

		// A setting: at the line of its key.
		{"unknown setting", "source: en\ntarget: [ru]\narticles: [a]\n", nil, `config.yaml:2: unknown setting "target"`, "the settings are source, targets,"},
		{"unknown setting in a section", ok + "limits:\n  max-sise: 1MB\n", nil, `config.yaml:5: unknown setting "limits.max-sise"`, "limits.max-size"},
		{"a list for a value", "source: [en, ru]\ntargets: [kk]\narticles: [a]\n", nil, "config.yaml:1: source is a list", "source: en"},
		{"a map for a list", ok + "glossaries: {a: b}\n", nil, "config.yaml:4: glossaries is a map", "glossaries: [glossary.yaml]"},
		{"a value for a map", ok + "formats: json\n", nil, "config.yaml:4: formats is a single value", "formats: {kk: json}"},
		{"a value for a section", ok + "limits: 5\n", nil, "config.yaml:4: limits is a single value", "max-size, max-depth"},
		{"a list item that is a map", "source: en\ntargets: [ru, {kk: x}]\narticles: [a]\n", nil, "config.yaml:2: targets: item 2 is a map", ""},
		{"an empty list item", "source: en\ntargets:\n  - ru\n  -\narticles: [a]\n", nil, "config.yaml:2: targets: item 2 is empty", ""},
		{"bad source", "source: english\ntargets: [ru]\narticles: [a]\n", nil, `config.yaml:1: source: "english" is not a BCP 47 language tag`, "source: en"},
		{"bad target", "source: en\ntargets: [ru, \"e n\"]\narticles: [a]\n", nil, `config.yaml:2: targets: "e n" is not a BCP 47 language tag`, "targets: [ru, kk]"},
		{"empty target", "source: en\ntargets: [ru, \"\"]\narticles: [a]\n", nil, `config.yaml:2: targets: "" is not a BCP 47 language tag`, "targets: [ru, kk]"},
		{"undetermined target", "source: en\ntargets: [und]\narticles: [a]\n", nil,
			`config.yaml:2: targets: "und" names no language: und is BCP 47's tag for an undetermined one`, "targets: [ru, kk]"},
		{"undetermined source", "source: und\ntargets: [ru]\narticles: [a]\n", nil,
			`config.yaml:1: source: "und" names no language: und is BCP 47's tag for an undetermined one`, "source: en"},
		{"a region alone", "source: en\ntargets: [KZ]\narticles: [a]\n", nil, `config.yaml:2: targets: "KZ" is a region, not a language`, "such as ru-KZ"},
		{"a script alone", "source: en\ntargets: [Latn]\narticles: [a]\n", nil, `config.yaml:2: targets: "Latn" is a script, not a language`, "such as en-Latn"},
		{"a region of no language", "source: en\ntargets: [und-KZ]\narticles: [a]\n", nil,
			`config.yaml:2: targets: "und-KZ" names no language: und is BCP 47's tag for an undetermined one`, "put the language first, such as ru-KZ"},
		{"a script of no language", "source: und-Cyrl\ntargets: [kk]\narticles: [a]\n", nil,
			`config.yaml:1: source: "und-Cyrl" names no language: und is BCP 47's tag for an undetermined one`, "such as ru-Cyrl"},
		{"private use", "source: en\ntargets: [ru, x-house]\narticles: [a]\n", nil, `config.yaml:2: targets: "x-house" is a private-use tag: it names no language`, "such as en-x-house"},
		{"several languages", "source: en\ntargets: [mul]\narticles: [a]\n", nil, `config.yaml:2: targets: "mul" names no language: mul is BCP 47's tag for several at once`, ""},
		{"no linguistic content", "source: zxx\ntargets: [ru]\narticles: [a]\n", nil, `config.yaml:1: source: "zxx" names no language: zxx is BCP 47's tag for content that has none`, ""},
		{"formats: no language", "source: en\ntargets: [kk]\narticles: [a]\nformats:\n  und: json\n", nil,
			`config.yaml:5: formats.und: "und" names no language: und is BCP 47's tag for an undetermined one`, ""},
		{"unknown format", ok + "format: xliff-9\n", nil, `config.yaml:4: format: unknown handoff format "xliff-9": use one of xliff-1.2, xliff-2.1, xliff-2.2, json, omegat`, ""},
		{"formats: bad language", ok + "formats:\n  k k: json\n", nil, `config.yaml:5: formats.k k: "k k" is not a BCP 47 language tag`, ""},
		{"formats: bad format", "source: en\ntargets: [kk]\narticles: [a]\nformats:\n  kk: jsn\n", nil, `config.yaml:5: formats.kk: unknown handoff format "jsn": use one of xliff-1.2, xliff-2.1, xliff-2.2, json, omegat`, ""},
		{"formats: a language twice", "source: en\ntargets: [kk]\narticles: [a]\nformats:\n  kk: json\n  KK: xliff-2.1\n", nil, "config.yaml:6: formats.KK: kk is given twice", "keep one"},
		{"formats: a list for a format", "source: en\ntargets: [kk]\narticles: [a]\nformats:\n  kk: [json]\n", nil, "config.yaml:5: formats.kk: a value is a list", ""},
		{"bad size", ok + "limits:\n  max-size: lots\n", nil, `config.yaml:5: limits.max-size: "lots" is not a size`, "max-size: 64MB"},
		{"negative size", ok + "limits: {max-size: -1MB}\n", nil, `config.yaml:4: limits.max-size: "-1MB" is not a size`, ""},
		{"bad depth", ok + "limits: {max-depth: 0}\n", nil, `config.yaml:4: limits.max-depth: "0" is not a number of levels`, "max-depth: 100"},
		{"bad bool", ok + "builtin-glossary: perhaps\n", nil, `config.yaml:4: builtin-glossary: "perhaps" is neither true nor false`, "true or false"},
		{"a word for a bool", ok + "builtin-glossary: nope\n", nil, `config.yaml:4: builtin-glossary: "nope" is neither true nor false`, "true or false"},
		{"a number for a bool", ok + "builtin-glossary: 1\n", nil, `config.yaml:4: builtin-glossary: "1" is neither true nor false`, "true or false"},
		{"a letter for a bool", ok + "builtin-glossary: n\n", nil, `config.yaml:4: builtin-glossary: "n" is neither true nor false`, "true or false"},
		{"a mixed case bool", ok + "builtin-glossary: fALSE\n", nil, `config.yaml:4: builtin-glossary: "fALSE" is neither true nor false`, "true or false"},
		{"empty text for a bool", ok + "builtin-glossary: \"\"\n", nil, `config.yaml:4: builtin-glossary: "" is neither true nor false`, "true or false"},
		{"a list for a bool", ok + "builtin-glossary: [false]\n", nil, "config.yaml:4: builtin-glossary is a list", "true or false"},
		{"unknown rule", ok + "check:\n  severity:\n    spelling.oops: error\n", nil, `config.yaml:5: check.severity: unknown rule "spelling.oops"`,
			"the rules are spelling.variant, spelling.inconsistent, spelling.mixed-script, term.target,"},
		{"a rule that is not set", ok + "check:\n  severity:\n    handoff.syntax: warning\n", nil, `config.yaml:5: check.severity: unknown rule "handoff.syntax"`, ""},
		{"unknown severity", ok + "check:\n  severity:\n    spelling.variant: fatal\n", nil, `config.yaml:5: check.severity: spelling.variant: unknown severity "fatal"`, "use error, warning, info or off"},
		{"severity a list", ok + "check:\n  severity:\n    spelling.variant: [error]\n", nil, "config.yaml:6: check.severity: a value is a list", ""},
		{"ignore not a list", ok + "check:\n  ignore: {rule: spelling.variant}\n", nil, "config.yaml:5: check.ignore is a map", "ignore: [{rule:"},
		{"ignore item not a map", ok + "check:\n  ignore: [spelling.variant]\n", nil, "config.yaml:5: check.ignore: item 1 is a single value", "rule, file and found"},
		{"ignore item unknown key", ok + "check:\n  ignore:\n    - {rule: spelling.variant, text: x}\n", nil, `config.yaml:5: check.ignore: item 1: unknown setting "text"`, "rule, file and found"},
		{"ignore item a list", ok + "check:\n  ignore:\n    - found: [a, b]\n", nil, "config.yaml:5: check.ignore: item 1: found is not a single value", ""},
		{"ignore item empty", ok + "check:\n  ignore:\n    - {}\n", nil, "config.yaml:5: check.ignore: item 1 silences nothing", "rule, file or found"},
		{"ignore unknown rule", ok + "check:\n  ignore:\n    - found: a\n    - rule: spelling.oops\n", nil, `config.yaml:5: check.ignore: item 2: unknown rule "spelling.oops"`, "the rules are"},
		{"ignore bad pattern", ok + "check:\n  ignore:\n    - file: \"articles/[\"\n", nil, `config.yaml:5: check.ignore: item 1: file "articles/[" is not a valid pattern`, "glob"},

		// What Config.Check finds, at the key.
		{"no source", "targets: [ru]\narticles: [a]\n", nil, "config.yaml: source: no source language: give a BCP 47 tag such as en", ""},
		{"target is source", "source: en\ntargets: [en]\narticles: [a]\n", nil, "config.yaml:2: targets: en is also the source language", ""},
		{"format of no target", ok + "formats:\n  kk: json\n", nil, "config.yaml:5: formats.kk: kk is not a target language ([ru])", ""},
		{"locales outside", ok + "locales: ../elsewhere\n", nil, `config.yaml:4: locales: "../elsewhere": path leads out of the project`, ""},

		// Environment variables: the variable, not the file.
		{"env: unknown format", ok, []EnvSetting{{"format", "LOCTOOL_FORMAT", "xliff-9"}},
			`LOCTOOL_FORMAT: unknown handoff format "xliff-9": use one of xliff-1.2, xliff-2.1, xliff-2.2, json, omegat`, ""},
		{"env: bad tag", ok, []EnvSetting{{"targets", "LOCTOOL_TARGETS", "ru,e-n-"}}, `LOCTOOL_TARGETS: "e-n-" is not a BCP 47 language tag`, ""},
		{"env: a value for a map", ok, []EnvSetting{{"formats", "LOCTOOL_FORMATS", "json"}}, "LOCTOOL_FORMATS is a single value", "{kk: json}"},
		{"env: YAML not closed", ok, []EnvSetting{{"formats", "LOCTOOL_FORMATS", "{kk: json"}},
			"LOCTOOL_FORMATS: column 1: the map this { opens is not closed: the file ends before its }", "end the map with }"},
		{"env: what Check finds", ok, []EnvSetting{{"targets", "LOCTOOL_TARGETS", "en"}}, "LOCTOOL_TARGETS: en is also the source language", ""},
		{"env: a format of no target", ok, []EnvSetting{{"formats", "LOCTOOL_FORMATS", "{kk: json}"}}, "LOCTOOL_FORMATS: kk is not a target language ([ru])", ""},
		{"env: a number for a bool", ok, []EnvSetting{{"builtin-glossary", "LOCTOOL_BUILTIN_GLOSSARY", "0"}}, `LOCTOOL_BUILTIN_GLOSSARY: "0" is neither true nor false`, "true or false"},
		{"env: undetermined target", ok, []EnvSetting{{"targets", "LOCTOOL_TARGETS", "ru und"}},
			`LOCTOOL_TARGETS: "und" names no language: und is BCP 47's tag for an undetermined one`, ""},
		{"env: unknown setting", ok, []EnvSetting{{"nothing", "LOCTOOL_NOTHING", "x"}}, "LOCTOOL_NOTHING sets no setting of config.yaml", ""},
	}
	root := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := decode(root, tt.yaml, tt.env...)
			if f != nil || err == nil {
				t.Fatalf("no error, want %s", tt.want)
			}
			if !errors.Is(err, ErrConfig) {
				t.Errorf("%v is not ErrConfig", err)
			}
			if err.Error() != tt.want {
				t.Errorf("error\n%s\nwant\n%s", err, tt.want)
			}
			var ce *ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("%T, want a *ConfigError", err)
			}
			if !strings.Contains(ce.Hint, tt.hint) {
				t.Errorf("hint %q, want one with %q", ce.Hint, tt.hint)
			}
			d := ce.Diagnostic()
			if d.Severity != diag.Error || d.Rule != "" || !strings.HasSuffix(tt.want, d.Message) || d.Hint != ce.Hint {
				t.Errorf("diagnostic %+v", d)
			}
			if (d.File != "") != (ce.Env == "" && ce.File != "") || d.Start.Line != ce.Line*btoi(ce.Env == "") {
				t.Errorf("diagnostic %+v of %+v", d, ce)
			}
			var _ diag.Located = ce
		})
	}
}

// A boolean is true or false, or YAML 1.1's yes, no, on and off, as
// YAML writes them; a key without a value takes the default.
func TestDecodeConfigBool(t *testing.T) {
	const ok = "source: en\ntargets: [ru]\narticles: [a]\n"
	for value, builtin := range map[string]bool{
		"true": true, "True": true, "TRUE": true, "yes": true, "Yes": true, "on": true, "ON": true, `"true"`: true, "": true, "~": true,
		"false": false, "False": false, "FALSE": false, "no": false, "NO": false, "off": false, "Off": false, "!!bool false": false,
	} {
		f, err := decode(t.TempDir(), ok+"builtin-glossary: "+value+"\n")
		if err != nil || f.NoBuiltinGlossary == builtin {
			t.Errorf("builtin-glossary: %s: %v, %v; want %t", value, f, err, builtin)
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Every problem of the file is reported, in the order of the file; what
// Check finds only once the settings could be read.
func TestDecodeConfigAllProblems(t *testing.T) {
	_, err := decode(t.TempDir(), "sorce: en\ntargets: [ru, \"e n\"]\narticles: [a]\nformat: x\n")
	want := `config.yaml:1: unknown setting "sorce"
config.yaml:2: targets: "e n" is not a BCP 47 language tag
config.yaml:4: format: unknown handoff format "x": use one of xliff-1.2, xliff-2.1, xliff-2.2, json, omegat`
	if err == nil || err.Error() != want {
		t.Errorf("error\n%v\nwant\n%s", err, want)
	}
}

func TestDecodeConfigEnv(t *testing.T) {
	const file = "source: en\ntargets: [ru]\narticles: [a]\nformat: xliff-9\nformats: {ru: json}\n"
	f, err := decode(t.TempDir(), file,
		EnvSetting{"targets", "LOCTOOL_TARGETS", "ru kk"},
		EnvSetting{"format", "LOCTOOL_FORMAT", " json "},
		EnvSetting{"formats", "LOCTOOL_FORMATS", "{kk: xliff-2.2}"},
		EnvSetting{"articles", "LOCTOOL_ARTICLES", `["b/*.md", c]`},
		EnvSetting{"glossaries", "LOCTOOL_GLOSSARIES", "a.yaml,b.tbx\tc.csv"},
		EnvSetting{"segmentation.rules", "LOCTOOL_SEGMENTATION_RULES", "my.srx"},
		EnvSetting{"builtin-glossary", "LOCTOOL_BUILTIN_GLOSSARY", "false"},
		EnvSetting{"limits.max-size", "LOCTOOL_LIMITS_MAX_SIZE", "1MB"},
		EnvSetting{"check.severity", "LOCTOOL_CHECK_SEVERITY", "{spelling.variant: warning}"},
		EnvSetting{"check.ignore", "LOCTOOL_CHECK_IGNORE", "[{found: Kazak}]"},
	)
	if err != nil {
		t.Fatal(err) // the file's bad format is overridden
	}
	c := f.Config
	if !slices.Equal(c.Targets, []language.Tag{language.Russian, language.Kazakh}) || c.Format != JSON ||
		!reflect.DeepEqual(c.Formats, map[language.Tag]Format{language.Kazakh: XLIFF22}) ||
		!slices.Equal(c.Articles, []string{"b/*.md", "c"}) || c.Rules != "my.srx" || !c.NoBuiltinGlossary ||
		!slices.Equal(c.Glossaries, []string{"a.yaml", "b.tbx", "c.csv"}) || c.Limits.MaxBytes != 1<<20 || c.CheckSeverity["spelling.variant"] != "warning" || c.CheckIgnore[0].Found != "Kazak" {
		t.Errorf("%+v", c)
	}
}

// One value holds a list's items, separated by commas or white space,
// but for those in a pattern's braces.
func TestSplitItems(t *testing.T) {
	for value, want := range map[string][]string{
		"ru,kk":                                 {"ru", "kk"},
		" ru , kk\n":                            {"ru", "kk"},
		"":                                      nil,
		", ,":                                   nil,
		"articles/{news,features}/*.md a/*.txt": {"articles/{news,features}/*.md", "a/*.txt"},
		"a/{b, {c,d}}/*.md,e":                   {"a/{b, {c,d}}/*.md", "e"},
		"a/{b,c":                                {"a/{b,c"},
		"a}b,c":                                 {"a}b", "c"},
	} {
		if got := splitItems(value); !slices.Equal(got, want) {
			t.Errorf("splitItems(%q) = %q, want %q", value, got, want)
		}
	}
}

// Every setting is read, from the file and from a variable, and has a
// hint.
func TestSettings(t *testing.T) {
	var keys []string
	for _, s := range Settings() {
		keys = append(keys, s.Key)
		if s.Hint == "" {
			t.Errorf("%s has no hint", s.Key)
		}
	}
	want := []string{"source", "targets", "articles", "locales", "output", "format", "formats", "segmentation.rules",
		"glossaries", "builtin-glossary", "limits.max-size", "limits.max-depth", "limits.article-depth", "limits.paragraph-markup", "memory.path", "memory.url", "memory.threshold", "check.severity", "check.ignore"}
	if !slices.Equal(keys, want) {
		t.Errorf("settings %q\nwant %q", keys, want)
	}
	typ := reflect.TypeFor[Config]()
	for i := range typ.NumField() {
		if f := typ.Field(i); f.Name != "Root" && f.Tag.Get("config") == "" {
			t.Errorf("Config.%s is no setting of config.yaml", f.Name)
		}
	}
}

// Open's problems with a setting are placed as DecodeConfig's are.
func TestConfigFilePlace(t *testing.T) {
	root := t.TempDir()
	data := []byte("source: en\ntargets: [ru]\narticles: [a]\nsegmentation:\n  rules: missing.srx\n")
	f, err := DecodeConfig(ConfigSource{File: "config.yaml", Data: data, Root: root})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(f.Config)
	want := "config.yaml:5: segmentation.rules: missing.srx does not exist: give an SRX file, or builtin"
	if err = f.Place(err); err == nil || err.Error() != want {
		t.Errorf("%v, want %s", err, want)
	}
	f, err = DecodeConfig(ConfigSource{File: "config.yaml", Data: data, Root: root,
		Env: []EnvSetting{{"segmentation.rules", "LOCTOOL_SEGMENTATION_RULES", "other.srx"}}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(f.Config)
	want = "LOCTOOL_SEGMENTATION_RULES: other.srx does not exist: give an SRX file, or builtin"
	if err = f.Place(err); err == nil || err.Error() != want {
		t.Errorf("%v, want %s", err, want)
	}
	_, err = Open(Config{Root: root, Source: language.English, Targets: []language.Tag{language.Russian}, Articles: []string{"a"}, Output: "../x"})
	want = `config.yaml: output: "../x": path leads out of the project`
	if err = f.Place(err); err == nil || err.Error() != want {
		t.Errorf("%v, want %s", err, want)
	}
	if other := errors.New("x"); f.Place(other) != other {
		t.Error("Place changed an error of no setting")
	}
}

func FuzzConfig(f *testing.F) {
	for _, s := range []string{
		"source: en\ntargets: [ru, kk]\narticles: [a/*.txt]\nformats: {kk: json}\n",
		"source: en\ntargets: [ru\n",
		"source: en\nsource: ru\n",
		"limits: {max-size: 64MB, max-depth: 100}\nsegmentation: {rules: built-in}\n",
		"check:\n  severity: {spelling.variant: warning}\n  ignore:\n    - {rule: spelling.variant, file: 'a/*', found: Kazak}\n",
		"a: &x [1, 2]\nb: *x\ntargets: *x\n",
		"builtin-glossary: false\nglossaries: g.yaml, h.tbx\n",
	} {
		f.Add([]byte(s), "ru,kk")
	}
	root := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte, targets string) {
		c, err := DecodeConfig(ConfigSource{File: "config.yaml", Data: data, Root: root,
			Env: []EnvSetting{{"targets", "LOCTOOL_TARGETS", targets}}})
		if (c == nil) == (err == nil) {
			t.Fatalf("config %v and error %v", c, err)
		}
		if err != nil {
			for _, e := range unjoin(err) {
				var ce *ConfigError
				if !errors.As(e, &ce) {
					t.Fatalf("%T %v, want a *ConfigError", e, e)
				}
				if ce.Msg == "" || ce.Env == "" && ce.File == "config.yaml" && ce.Line <= 0 && ce.Key == "" {
					t.Errorf("%q: %+v: no message, or no place", data, ce)
				}
			}
			return
		}
		if err := c.Check(); err != nil {
			t.Errorf("%q: a decoded configuration fails its check: %v", data, err)
		}
	})
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}
