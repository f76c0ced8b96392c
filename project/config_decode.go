package project

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	yaml "go.yaml.in/yaml/v4"
	"golang.org/x/text/language"

	"github.com/loctool/loctool/internal/place"
	"github.com/loctool/loctool/internal/yamlsyntax"
)

// Setting is one setting of config.yaml, as a field of [Config] defines
// it.
type Setting struct {
	// Key is its name in config.yaml, with a dot between levels, as in
	// segmentation.rules.
	Key string
	// Hint says how to write its value.
	Hint string

	field []int // the field's index in Config
	typ   reflect.Type
	not   bool // a bool that config.yaml says the other way round
	size  bool // an int64 of bytes, given with a unit
}

// Settings lists the settings of config.yaml, in the order of Config's
// fields.
func Settings() []Setting { return slices.Clone(settings()) }

var settings = sync.OnceValue(func() []Setting {
	return settingsOf(reflect.TypeFor[Config](), "", nil)
})

func settingsOf(t reflect.Type, prefix string, index []int) []Setting {
	var out []Setting
	for i := range t.NumField() {
		f := t.Field(i)
		tag, ok := f.Tag.Lookup("config")
		if !ok {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		idx := append(slices.Clone(index), i)
		if f.Type.Kind() == reflect.Struct && f.Type != tagType {
			out = append(out, settingsOf(f.Type, prefix+name+".", idx)...)
			continue
		}
		out = append(out, Setting{Key: prefix + name, Hint: f.Tag.Get("hint"), field: idx, typ: f.Type,
			not: opts == "not", size: opts == "size"})
	}
	return out
}

// settingOf returns the setting with a key.
func settingOf(key string) (Setting, bool) {
	i := slices.IndexFunc(settings(), func(s Setting) bool { return s.Key == key })
	if i < 0 {
		return Setting{}, false
	}
	return settings()[i], true
}

// sectionOf returns the settings in a section, such as limits, by the
// keys they have in it; none when key is no section.
func sectionOf(key string) []string {
	var in []string
	for _, s := range settings() {
		if rest, ok := strings.CutPrefix(s.Key, key+"."); ok {
			first, _, _ := strings.Cut(rest, ".")
			if !slices.Contains(in, first) {
				in = append(in, first)
			}
		}
	}
	return in
}

var (
	tagType    = reflect.TypeFor[language.Tag]()
	formatType = reflect.TypeFor[Format]()
	ignoreType = reflect.TypeFor[Ignore]()
)

// EnvSetting is a setting given outside config.yaml, by an environment
// variable, which overrides the file's. Its value is written as a
// variable can: one value; a list as values separated by commas or
// spaces (ru,kk), or as YAML ([ru, kk]); a map as YAML ({kk: json}).
type EnvSetting struct {
	// Key is the setting, as [Settings] lists it.
	Key string
	// Var is the variable, such as LOCTOOL_TARGETS, for messages.
	Var string
	// Value is the variable's value.
	Value string
}

// ConfigSource is what [DecodeConfig] reads.
type ConfigSource struct {
	// File is config.yaml's path, for messages.
	File string
	// Data is its content.
	Data []byte
	// Root is the project folder, absolute: the folder of File.
	Root string
	// Env are the settings environment variables give, in the order
	// they are to apply.
	Env []EnvSetting
}

// ConfigFile is config.yaml decoded: the configuration, and where its
// settings were given, to place the problems found with them later.
type ConfigFile struct {
	Config
	file string
	keys map[string]int    // the line of each key, by its dotted path
	env  map[string]string // the variable that gave each setting it gave
}

// DecodeConfig decodes config.yaml, the settings of environment
// variables over it, and checks the result ([Config.Check]).
//
// Every problem is a *ConfigError at its place: in the file, or the
// variable that gave the value. They are returned joined, in the order
// of the file, and with them no ConfigFile. A YAML syntax error is one
// problem alone; the configuration is checked only once every setting
// could be read.
func DecodeConfig(src ConfigSource) (*ConfigFile, error) {
	f := &ConfigFile{Config: Config{Root: src.Root}, file: src.File, keys: map[string]int{}, env: map[string]string{}}
	d := &decoder{f: f}
	root, err := d.parse(src.Data)
	if err != nil {
		return nil, err
	}
	for _, e := range src.Env {
		f.env[e.Key] = e.Var
	}
	if root != nil {
		d.section("", root)
	}
	for _, e := range src.Env {
		d.fromEnv(e)
	}
	if len(d.errs) > 0 {
		return nil, errors.Join(d.errs...)
	}
	if err := f.Config.Check(); err != nil {
		return nil, f.Place(err)
	}
	return f, nil
}

// Place places a *ConfigError, such as [Open] returns, at the key of its
// setting in the file (the file alone, for a setting it leaves out), or
// names the variable that gave its value; it returns other errors as
// they are.
func (f *ConfigFile) Place(err error) error {
	var ce *ConfigError
	if !errors.As(err, &ce) || ce.File != "" || ce.Env != "" {
		return err
	}
	placed := *ce
	placed.File = f.file // a setting the file leaves out: the file's
	for key := ce.Key; key != ""; key = parent(key) {
		if v, ok := f.env[key]; ok {
			placed.File, placed.Env = "", v
			break
		}
		if line, ok := f.keys[key]; ok {
			placed.Line = line
			break
		}
	}
	return &placed
}

// parent returns the key of a key's section: limits for limits.max-size.
func parent(key string) string {
	i := strings.LastIndexByte(key, '.')
	if i < 0 {
		return ""
	}
	return key[:i]
}

// decoder reads config.yaml's nodes into a ConfigFile's Config.
type decoder struct {
	f    *ConfigFile
	errs []error
	env  string // the variable whose value is being read, if one is
}

// parse parses config.yaml's YAML.
func (d *decoder) parse(data []byte) (*yaml.Node, error) {
	if i := place.InvalidUTF8(data); i >= 0 {
		line, col := place.Of(string(data), i)
		return nil, &ConfigError{File: d.f.file, Line: line, Col: col, Msg: fmt.Sprintf("byte 0x%02x is not UTF-8 text", data[i]),
			Hint: "save the file as UTF-8"}
	}
	root, err := yamlsyntax.Parse(data)
	var se *yamlsyntax.Error
	if errors.As(err, &se) {
		return nil, &ConfigError{File: d.f.file, Line: se.Line, Col: se.Col, Msg: se.Msg, Hint: se.Hint}
	}
	if err != nil {
		return nil, &ConfigError{File: d.f.file, Msg: err.Error()}
	}
	if root != nil && root.Kind != yaml.MappingNode && !null(root) {
		return nil, &ConfigError{File: d.f.file, Line: root.Line, Col: root.Column, Msg: "the file is not a map of settings",
			Hint: "write one setting a line, as key: value, such as source: en"}
	}
	return root, nil
}

// problem records a problem with a setting, placed at the line of its
// key k (the variable, for an environment variable's value).
func (d *decoder) problem(k *yaml.Node, key, msg, hint string) {
	e := &ConfigError{Key: key, Msg: msg, Hint: hint}
	d.place(e, k)
	d.errs = append(d.errs, e)
}

// shapeProblem records a problem that names its setting, such as a value
// of the wrong kind.
func (d *decoder) shapeProblem(k *yaml.Node, msg, hint string) {
	e := &ConfigError{Msg: msg, Hint: hint}
	d.place(e, k)
	d.errs = append(d.errs, e)
}

func (d *decoder) place(e *ConfigError, k *yaml.Node) {
	if d.env != "" {
		e.Env = d.env
		return
	}
	e.File = d.f.file
	if k != nil {
		e.Line = k.Line
	}
}

// name is how a message names a setting: its key, or the variable that
// gave it.
func (d *decoder) name(key string) string {
	if d.env != "" {
		return d.env
	}
	return key
}

// section reads the settings of a map: the file's top level, or a
// section such as limits.
func (d *decoder) section(prefix string, n *yaml.Node) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolve(n.Content[i+1])
		key := prefix + k.Value
		d.f.keys[key] = k.Line
		if s, ok := settingOf(key); ok {
			if _, fromEnv := d.f.env[key]; !fromEnv && !null(v) {
				d.set(s, k, v)
			}
			continue
		}
		if in := sectionOf(key); len(in) > 0 && k.Kind == yaml.ScalarNode {
			switch {
			case null(v):
			case v.Kind != yaml.MappingNode:
				d.shapeProblem(k, fmt.Sprintf("%s is %s", key, kindName(v)), fmt.Sprintf("give a map of its settings, %s, such as %s: {%s: …}", strings.Join(in, ", "), k.Value, in[0]))
			default:
				d.section(key+".", v)
			}
			continue
		}
		keys := make([]string, len(settings()))
		for i, s := range settings() {
			keys[i] = s.Key
		}
		d.shapeProblem(k, fmt.Sprintf("unknown setting %q", key), "the settings are "+strings.Join(keys, ", ")+"; see the README")
	}
}

// fromEnv reads the value of an environment variable.
func (d *decoder) fromEnv(e EnvSetting) {
	s, ok := settingOf(e.Key)
	if !ok {
		d.errs = append(d.errs, &ConfigError{Env: e.Var, Msg: fmt.Sprintf("%s sets no setting of config.yaml", e.Var)})
		return
	}
	d.env = e.Var
	defer func() { d.env = "" }()
	value := strings.TrimSpace(e.Value)
	var n *yaml.Node
	switch {
	case scalar(s.typ), s.typ.Kind() == reflect.Slice && scalar(s.typ.Elem()) && !strings.HasPrefix(value, "["):
		n = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: value}
	default:
		root, err := yamlsyntax.Parse([]byte(value))
		var se *yamlsyntax.Error
		if errors.As(err, &se) {
			d.errs = append(d.errs, &ConfigError{Key: s.Key, Env: e.Var, Msg: fmt.Sprintf("column %d: %s", se.Col, se.Msg), Hint: se.Hint})
			return
		}
		if root == nil {
			root = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"}
		}
		n = root
	}
	if !null(n) {
		d.set(s, nil, n)
	}
}

// set decodes a setting's value into the Config.
func (d *decoder) set(s Setting, k, v *yaml.Node) {
	if val, ok := d.value(s, k, s.Key, s.typ, v); ok {
		reflect.ValueOf(&d.f.Config).Elem().FieldByIndex(s.field).Set(val)
	}
}

// value decodes a value of type t, the value v of key at the node k.
func (d *decoder) value(s Setting, k *yaml.Node, key string, t reflect.Type, v *yaml.Node) (reflect.Value, bool) {
	v = resolve(v)
	switch {
	case scalar(t):
		if v.Kind != yaml.ScalarNode {
			d.shapeProblem(k, fmt.Sprintf("%s is %s", d.name(key), kindName(v)), s.Hint)
			return reflect.Value{}, false
		}
		return d.scalar(s, k, key, t, v.Value)
	case t.Kind() == reflect.Slice:
		return d.list(s, k, key, t, v)
	case t.Kind() == reflect.Map:
		return d.mapping(s, k, key, t, v)
	}
	panic("config: no decoder of " + t.String())
}

// scalar decodes a single value.
func (d *decoder) scalar(s Setting, k *yaml.Node, key string, t reflect.Type, text string) (reflect.Value, bool) {
	bad := func(msg, hint string) (reflect.Value, bool) {
		d.problem(k, key, msg, hint)
		return reflect.Value{}, false
	}
	switch {
	case t == tagType:
		if msg, hint := noLanguage(strings.TrimSpace(text)); msg != "" {
			return bad(msg, cmp.Or(hint, s.Hint))
		}
		return reflect.ValueOf(language.Make(strings.TrimSpace(text))), true
	case t == formatType:
		f, err := ParseFormat(text)
		if err != nil {
			return bad(err.Error(), "")
		}
		return reflect.ValueOf(f), true
	case t.Kind() == reflect.String:
		return reflect.ValueOf(text).Convert(t), true
	case t.Kind() == reflect.Bool:
		b, ok := parseBool(text)
		if !ok {
			return bad(fmt.Sprintf("%q is neither true nor false", text), s.Hint)
		}
		return reflect.ValueOf(b != s.not), true
	case t.Kind() == reflect.Int64 && s.size:
		n, ok := parseSize(text)
		if !ok {
			return bad(fmt.Sprintf("%q is not a size", text), s.Hint)
		}
		return reflect.ValueOf(n), true
	case t.Kind() == reflect.Int:
		n, err := strconv.Atoi(strings.TrimSpace(text))
		if err != nil || n <= 0 {
			return bad(fmt.Sprintf("%q is not a number of levels", text), s.Hint)
		}
		return reflect.ValueOf(n), true
	}
	panic("config: no decoder of " + t.String())
}

// list decodes a list: in YAML, or one value that holds the items
// separated by commas or spaces (ru, kk), as an environment variable
// gives them ([splitItems]).
func (d *decoder) list(s Setting, k *yaml.Node, key string, t reflect.Type, v *yaml.Node) (reflect.Value, bool) {
	var items []*yaml.Node
	switch {
	case v.Kind == yaml.SequenceNode:
		items = v.Content
	case v.Kind == yaml.ScalarNode && scalar(t.Elem()):
		for _, f := range splitItems(v.Value) {
			items = append(items, &yaml.Node{Kind: yaml.ScalarNode, Value: f, Line: v.Line, Column: v.Column})
		}
	default:
		d.shapeProblem(k, fmt.Sprintf("%s is %s", d.name(key), kindName(v)), s.Hint)
		return reflect.Value{}, false
	}
	out := reflect.MakeSlice(t, 0, len(items))
	ok := true
	for i, item := range items {
		item = resolve(item)
		var val reflect.Value
		var good bool
		switch {
		case t.Elem() == ignoreType:
			val, good = d.ignore(s, k, key, i+1, item)
		case item.Kind != yaml.ScalarNode || null(item):
			d.problem(k, key, fmt.Sprintf("item %d is %s", i+1, kindName(item)), s.Hint)
		default:
			val, good = d.scalar(s, k, key, t.Elem(), item.Value)
		}
		if !good {
			ok = false
			continue
		}
		out = reflect.Append(out, val)
	}
	return out, ok
}

// splitItems splits one value into a list's items: they are separated by
// commas or white space, except inside the braces of a pattern's
// alternatives, as in articles/{news,features}/*.md.
func splitItems(s string) []string {
	var out []string
	depth, start := 0, -1
	for i, r := range s {
		switch {
		case r == '{':
			depth++
		case r == '}' && depth > 0:
			depth--
		case (r == ',' || unicode.IsSpace(r)) && depth == 0:
			if start >= 0 {
				out = append(out, s[start:i])
			}
			start = -1
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// ignore decodes an item of check.ignore.
func (d *decoder) ignore(s Setting, k *yaml.Node, key string, i int, v *yaml.Node) (reflect.Value, bool) {
	const hint = "an item has rule, file and found, such as {rule: spelling.variant, found: Kazak}"
	if v.Kind != yaml.MappingNode {
		d.problem(k, key, fmt.Sprintf("item %d is %s", i, kindName(v)), hint)
		return reflect.Value{}, false
	}
	var ig Ignore
	val := reflect.ValueOf(&ig).Elem()
	ok := true
	for j := 0; j+1 < len(v.Content); j += 2 {
		name, value := v.Content[j].Value, resolve(v.Content[j+1])
		field, found := -1, false
		for f := range ignoreType.NumField() {
			if ignoreType.Field(f).Tag.Get("config") == name {
				field, found = f, true
			}
		}
		switch {
		case !found:
			d.problem(k, key, fmt.Sprintf("item %d: unknown setting %q", i, name), "an item has rule, file and found")
			ok = false
		case null(value):
		case value.Kind != yaml.ScalarNode:
			d.problem(k, key, fmt.Sprintf("item %d: %s is not a single value", i, name), "")
			ok = false
		default:
			val.Field(field).SetString(value.Value)
		}
	}
	return val, ok
}

// mapping decodes a map: its keys are language tags (formats) or rule
// IDs (check.severity).
func (d *decoder) mapping(s Setting, k *yaml.Node, key string, t reflect.Type, v *yaml.Node) (reflect.Value, bool) {
	if v.Kind != yaml.MappingNode {
		d.shapeProblem(k, fmt.Sprintf("%s is %s", d.name(key), kindName(v)), s.Hint)
		return reflect.Value{}, false
	}
	out := reflect.MakeMapWithSize(t, len(v.Content)/2)
	ok := true
	for i := 0; i+1 < len(v.Content); i += 2 {
		ek, ev := v.Content[i], resolve(v.Content[i+1])
		if d.env == "" {
			d.f.keys[key+"."+ek.Value] = ek.Line
		}
		at := k
		if d.env == "" {
			at = ek
		}
		if ek.Kind != yaml.ScalarNode {
			d.shapeProblem(at, fmt.Sprintf("%s: a key is %s", d.name(key), kindName(ek)), s.Hint)
			ok = false
			continue
		}
		entry := key + "." + ek.Value
		if t.Key() == tagType {
			kv, good := d.scalar(s, at, entry, t.Key(), ek.Value)
			if good && out.MapIndex(kv).IsValid() {
				d.problem(at, entry, fmt.Sprintf("%s is given twice", kv.Interface()), "keep one")
				good = false
			}
			if !good {
				ok = false
				continue
			}
			val, good := d.entry(s, at, entry, t.Elem(), ev)
			if good {
				out.SetMapIndex(kv, val)
			}
			ok = ok && good
			continue
		}
		// Rule IDs have dots, which the messages would take for levels:
		// they name the map's key.
		val, good := d.entry(s, at, key, t.Elem(), ev)
		if good {
			out.SetMapIndex(reflect.ValueOf(ek.Value).Convert(t.Key()), val)
		}
		ok = ok && good
	}
	return out, ok
}

// entry decodes the value of a map's entry.
func (d *decoder) entry(s Setting, k *yaml.Node, key string, t reflect.Type, v *yaml.Node) (reflect.Value, bool) {
	if v.Kind != yaml.ScalarNode {
		d.shapeProblem(k, fmt.Sprintf("%s: a value is %s", d.name(key), kindName(v)), s.Hint)
		return reflect.Value{}, false
	}
	return d.scalar(s, k, key, t, v.Value)
}

// scalar reports whether a type is a single value in config.yaml.
func scalar(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int64:
		return true
	}
	return t == tagType
}

// null reports whether a node is YAML's null: a key without a value.
func null(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// resolve follows an alias to its value.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 100; i++ {
		n = n.Alias
	}
	return n
}

// kindName names the kind of a value, for messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a map"
	case yaml.ScalarNode:
		if null(n) {
			return "empty"
		}
		return "a single value"
	}
	return "an alias"
}

// parseBool parses a boolean: true or false, or YAML 1.1's yes, no, on
// and off, which mean the same to a person and to YAML 1.1, each in
// lower case, capitalised or in capitals, as YAML writes them (true,
// True, TRUE). Nothing else is one: not 1 or 0, not y or n, not an empty
// text.
func parseBool(s string) (b, ok bool) {
	s = strings.TrimSpace(s)
	for _, w := range []struct {
		word  string
		value bool
	}{{"true", true}, {"yes", true}, {"on", true}, {"false", false}, {"no", false}, {"off", false}} {
		if s == w.word || s == strings.ToUpper(w.word[:1])+w.word[1:] || s == strings.ToUpper(w.word) {
			return w.value, true
		}
	}
	return false, false
}

// parseSize parses a size: a number of bytes, with a unit or without,
// 64MB or 64MiB, 64M, 512KB, 1GB. The units are of 1024.
func parseSize(s string) (int64, bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	unit := int64(1)
	for _, u := range []struct {
		suffix string
		n      int64
	}{{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"GIB", 1 << 30}, {"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1}} {
		if rest, ok := strings.CutSuffix(s, u.suffix); ok {
			s, unit = strings.TrimSpace(rest), u.n
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 || n > math.MaxInt64/unit {
		return 0, false
	}
	return n * unit, true
}
