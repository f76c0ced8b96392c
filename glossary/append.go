package glossary

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"

	"github.com/loctool/loctool/internal/atomicfile"
)

// AppendYAML adds concepts to a glossary file in loctool's YAML format,
// name its name for messages and data its bytes (none for a new file), at
// the end of its concepts: list, with a comment above some of them, keyed
// by their IDs; and returns the file's new bytes. The file's concepts,
// comments and order stay as they were; its layout is YAML's as loctool
// writes it. A concept whose ID the file has already gets a suffix:
// naz-2. A file that is not a valid glossary is refused, unchanged.
func AppendYAML(data []byte, name string, concepts []*Concept, langs []language.Tag, comments map[string]string) ([]byte, error) {
	before, err := ParseYAML(data, name)
	if err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	for _, c := range before {
		ids[c.ID] = true
	}
	renamed := make([]*Concept, len(concepts))
	notes := map[string]string{}
	for i, c := range concepts {
		cc := *c
		for n := 2; ids[cc.ID]; n++ {
			cc.ID = fmt.Sprintf("%s-%d", c.ID, n)
		}
		ids[cc.ID] = true
		notes[cc.ID] = comments[c.ID]
		renamed[i] = &cc
	}
	var added bytes.Buffer
	if err := WriteYAMLComments(&added, renamed, langs, notes); err != nil {
		return nil, err
	}
	if len(before) == 0 && strings.TrimSpace(string(data)) == "" {
		return added.Bytes(), nil
	}
	var doc, more yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(doc.Content) == 0 {
		// Comments alone: the concepts after them.
		out := append(bytes.TrimRight(data, "\n"), '\n')
		return append(out, added.Bytes()...), nil
	}
	if err := yaml.Unmarshal(added.Bytes(), &more); err != nil {
		return nil, err
	}
	items := more.Content[0].Content[1].Content
	root := doc.Content[0]
	list := conceptsOf(root)
	switch {
	case list == nil:
		root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "concepts"}, more.Content[0].Content[1])
	case list.Kind != yaml.SequenceNode: // concepts: with nothing
		*list = *more.Content[0].Content[1]
	default:
		list.Content = append(list.Content, items...)
	}
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	after, err := ParseYAML(out.Bytes(), name)
	if err != nil || len(after) != len(before)+len(concepts) {
		return nil, fmt.Errorf("%s: the concepts added do not read back as %d more (%v): the file is left as it was", name, len(concepts), err)
	}
	return out.Bytes(), nil
}

// conceptsOf returns the value of a glossary's concepts: key, or nil.
func conceptsOf(root *yaml.Node) *yaml.Node {
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "concepts" {
			return root.Content[i+1]
		}
	}
	return nil
}

// AppendYAMLFile is AppendYAML on the file at path, which it writes
// atomically, or creates; name is the path as the user gave it, for
// messages. It is a new file when none is at path.
func AppendYAMLFile(path, name string, concepts []*Concept, langs []language.Tag, comments map[string]string) error {
	data, err := atomicfile.ReadRegular(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	out, err := AppendYAML(data, name, concepts, langs, comments)
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(path, out, 0o644)
}
