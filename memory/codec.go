package memory

import (
	"encoding/json"
	"fmt"

	"github.com/loctool/loctool/inline"
)

// item is an inline.Item as the database keeps it: text, or a code.
type item struct {
	Text    string `json:"t,omitempty"`
	Kind    string `json:"k,omitempty"` // "open", "close" or "placeholder" for a code
	ID      string `json:"id,omitempty"`
	Type    string `json:"type,omitempty"`
	Data    string `json:"data,omitempty"`
	Display string `json:"display,omitempty"`
}

var kinds = map[string]inline.Kind{"open": inline.Open, "close": inline.Close, "placeholder": inline.Placeholder}

// encode writes content as JSON: a list of items.
func encode(c inline.Content) (string, error) {
	items := make([]item, 0, len(c))
	for _, it := range c.Normalize() {
		if it.Code == nil {
			items = append(items, item{Text: it.Text})
			continue
		}
		items = append(items, item{Kind: it.Code.Kind.String(), ID: it.Code.ID, Type: it.Code.Type, Data: it.Code.Data, Display: it.Code.Display})
	}
	b, err := json.Marshal(items)
	return string(b), err
}

// decode reads content encode wrote.
func decode(s string) (inline.Content, error) {
	var items []item
	if err := json.Unmarshal([]byte(s), &items); err != nil {
		return nil, fmt.Errorf("a sentence in the database is not loctool's: %w", err)
	}
	out := make(inline.Content, 0, len(items))
	for _, it := range items {
		if it.Kind == "" {
			out = append(out, inline.Item{Text: it.Text})
			continue
		}
		k, ok := kinds[it.Kind]
		if !ok {
			return nil, fmt.Errorf("a sentence in the database has a code of kind %q", it.Kind)
		}
		out = append(out, inline.Item{Code: &inline.Code{Kind: k, ID: it.ID, Type: it.Type, Data: it.Data, Display: it.Display}})
	}
	return out, nil
}
