package glossary

import (
	"io"

	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"
)

// WriteYAML writes concepts in loctool's YAML glossary format, languages
// in the order of langs, then the others.
func WriteYAML(w io.Writer, concepts []*Concept, langs []language.Tag) error {
	return WriteYAMLComments(w, concepts, langs, nil)
}

// WriteYAMLComments is WriteYAML with a comment above some concepts,
// keyed by their IDs.
func WriteYAMLComments(w io.Writer, concepts []*Concept, langs []language.Tag, comments map[string]string) error {
	str := func(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }
	mapping := func(pairs ...*yaml.Node) *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode, Content: pairs} }
	list := func(ss []string) *yaml.Node {
		n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, s := range ss {
			n.Content = append(n.Content, str(s))
		}
		return n
	}
	one := func(ss []string) *yaml.Node {
		if len(ss) == 1 {
			return str(ss[0])
		}
		return list(ss)
	}
	items := &yaml.Node{Kind: yaml.SequenceNode}
	for _, c := range concepts {
		m := mapping(str("id"), str(c.ID))
		m.HeadComment = comments[c.ID]
		if c.Kind != "" {
			m.Content = append(m.Content, str("type"), str(string(c.Kind)))
		}
		if c.Note != "" {
			m.Content = append(m.Content, str("note"), str(c.Note))
		}
		order := langsOf(c, langs)
		src := mapping()
		src.Style = yaml.FlowStyle
		for _, l := range order {
			if len(c.Source[l]) > 0 {
				src.Content = append(src.Content, str(l.String()), one(c.Source[l]))
			}
		}
		if len(src.Content) > 0 {
			m.Content = append(m.Content, str("source"), src)
		}
		for _, l := range order {
			t := c.Terms[l]
			if t == nil {
				continue
			}
			if len(t.Accepted) == 0 && len(t.Forbidden) == 0 {
				m.Content = append(m.Content, str(l.String()), str(t.Preferred))
				continue
			}
			tm := mapping()
			tm.Style = yaml.FlowStyle
			if t.Preferred != "" {
				tm.Content = append(tm.Content, str("preferred"), str(t.Preferred))
			}
			if len(t.Accepted) > 0 {
				tm.Content = append(tm.Content, str("accepted"), list(t.Accepted))
			}
			if len(t.Forbidden) > 0 {
				tm.Content = append(tm.Content, str("forbidden"), list(t.Forbidden))
			}
			m.Content = append(m.Content, str(l.String()), tm)
		}
		items.Content = append(items.Content, m)
	}
	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{mapping(str("concepts"), items)}}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return err
	}
	return enc.Close()
}
