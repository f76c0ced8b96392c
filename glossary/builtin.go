package glossary

import _ "embed"

// builtinYAML is loctool's built-in glossary of Central Asia: countries,
// places, people, organisations and terms, spelt as today's common usage
// has them.
//
//go:embed builtin.yaml
var builtinYAML []byte

// BuiltinName is the name the built-in glossary's positions give.
const BuiltinName = "(built-in glossary)"

// Builtin returns the concepts of loctool's built-in glossary, a fresh
// copy for each call.
func Builtin() []*Concept {
	cs, err := ParseYAML(builtinYAML, BuiltinName)
	if err != nil {
		panic("glossary: the built-in glossary does not load: " + err.Error())
	}
	return cs
}
