package i18njson

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/loctool/loctool/document"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/internal/cut"
)

// reportMessages reports the number of messages in the file.
func reportMessages(b *testing.B, f *handoff.File) {
	n := 0
	for _, u := range f.Units {
		n += len(u.Segments())
	}
	b.ReportMetric(float64(n), "messages")
}

// benchFile has about 2,000 units: the sample article's paragraphs, with
// the codes blocks among them, over and over.
func benchFile(b *testing.B) *handoff.File {
	b.Helper()
	article := articleFile(b)
	var blocks []document.Block
	for len(blocks) < 2000 {
		for _, u := range article.Units {
			blocks = append(blocks, document.Block{ID: fmt.Sprintf("b%d", len(blocks)+1), Content: u.Source()})
		}
		for _, cb := range codesBlocks {
			cb.ID = fmt.Sprintf("b%d", len(blocks)+1)
			blocks = append(blocks, cb)
		}
	}
	f := codesFile(b)
	f.Units = cut.Units(blocks[:2000], english(b), cut.DefaultHandles)
	return f
}

func BenchmarkWrite(b *testing.B) {
	f := benchFile(b)
	size := int64(len(write(b, f)))
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := Write(io.Discard, f); err != nil {
			b.Fatal(err)
		}
	}
	reportMessages(b, f)
}

func BenchmarkRead(b *testing.B) {
	f := benchFile(b)
	// Every sentence translated: its text in capitals, its codes in place.
	translated := clone(f)
	for _, u := range translated.Units {
		for _, s := range u.Segments() {
			for _, it := range s.Source {
				if it.Code == nil {
					it.Text = strings.ToUpper(it.Text)
				}
				s.Target = append(s.Target, it)
			}
			s.State = handoff.Translated
		}
	}
	var buf bytes.Buffer
	if err := Write(&buf, translated); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Read(data, "translate.ru.json", f); err != nil {
			b.Fatal(err)
		}
	}
	reportMessages(b, f)
}
