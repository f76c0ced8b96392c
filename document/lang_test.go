package document

import (
	"testing"

	"github.com/loctool/loctool/inline"
)

func TestRenderInSetsLanguage(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"lang", `<html lang="en"><body><p>Hello.</p></body></html>`, `<html lang="ru"><body><p>Привет.</p></body></html>`},
		{"xml:lang too", "<!DOCTYPE html>\n<html xml:lang='en-GB' lang=\"en-GB\" dir=ltr><p>Hello.</p></html>", "<!DOCTYPE html>\n<html xml:lang='ru' lang=\"ru\" dir=ltr><p>Привет.</p></html>"},
		{"unquoted", `<html lang=en><p>Hello.</p>`, `<html lang=ru><p>Привет.</p>`},
		{"none", `<html><p>Hello.</p></html>`, `<html><p>Привет.</p></html>`},
		// Only the root element's: a quotation in English stays English.
		{"nested", `<html lang="en"><p>Hello.</p><blockquote lang="en">Hi.</blockquote></html>`, `<html lang="ru"><p>Привет.</p><blockquote lang="en">Hi.</blockquote></html>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse(HTML, []byte(tt.src), "a.html", Options{})
			if err != nil {
				t.Fatal(err)
			}
			targets := map[string]inline.Content{d.Blocks[0].ID: inline.Text("Привет.")}
			got, err := d.RenderIn("ru", targets)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("RenderIn:\n got %s\nwant %s", got, tt.want)
			}
			// Render, and RenderIn without a language, leave it.
			same, err := d.Render(nil)
			if err != nil || string(same) != tt.src {
				t.Errorf("Render(nil) = %s, %v; want the article", same, err)
			}
		})
	}
}
