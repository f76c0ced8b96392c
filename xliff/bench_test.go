package xliff

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/handoff"
)

// benchFile returns about 2,000 units: the sample article's paragraphs
// and the units with codes, repeated, half of the segments translated.
func benchFile(b *testing.B) *handoff.File {
	b.Helper()
	article, codes := articleFile(b), codesFile(b)
	f := &handoff.File{Original: article.Original, Datatype: "x-markdown", SourceLang: article.SourceLang, TargetLang: article.TargetLang}
	for rep := 0; len(f.Units) < 2000; rep++ {
		for _, src := range [][]*handoff.Unit{article.Units, codes.Units} {
			for _, u := range src {
				nu := &handoff.Unit{ID: fmt.Sprintf("r%d-%s", rep, u.ID), Notes: u.Notes}
				for _, p := range u.Parts {
					if p.Segment != nil {
						s := *p.Segment
						if s.Target == nil && len(nu.Parts)%2 == 0 {
							s.Target, s.State = s.Source, handoff.Translated
						}
						p.Segment = &s
					}
					nu.Parts = append(nu.Parts, p)
				}
				f.Units = append(f.Units, nu)
			}
		}
	}
	return f
}

func BenchmarkWrite(b *testing.B) {
	f := benchFile(b)
	for _, v := range []Version{Version12, Version21} {
		b.Run(string(v), func(b *testing.B) {
			var buf bytes.Buffer
			if err := Write(&buf, f, WriteOptions{Version: v}); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(buf.Len()))
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				buf.Reset()
				if err := Write(&buf, f, WriteOptions{Version: v}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(f.Units)), "units")
		})
	}
}

// BenchmarkWrite12Article writes a news article's file as a fresh
// extract does: paragraphs of plain text, no translation yet. Most of
// the bytes are text, written three times (source, seg-source, notes).
func BenchmarkWrite12Article(b *testing.B) {
	f := articleFile(b)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, f, WriteOptions{Version: Version12}); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

func BenchmarkRead(b *testing.B) {
	f := benchFile(b)
	for _, v := range []Version{Version12, Version21} {
		b.Run(string(v), func(b *testing.B) {
			var buf bytes.Buffer
			if err := Write(&buf, f, WriteOptions{Version: v}); err != nil {
				b.Fatal(err)
			}
			doc := buf.Bytes()
			b.SetBytes(int64(len(doc)))
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				if _, _, err := Read(bytes.NewReader(doc), "bench.xlf"); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(f.Units)), "units")
		})
	}
}

// longParagraph returns a file of one unit of about size bytes of
// source: sentences with bold, italic and linked words and line breaks,
// every other one translated, as an article that is one long paragraph
// gives.
func longParagraph(size int) *handoff.File {
	u := &handoff.Unit{ID: "p1"}
	next, n := 0, 0
	for i := 0; n < size; i++ {
		src := marked(fmt.Sprintf("Sentence %d has *bold* and _italic_ words, a ~link~ and a break|here.", i+1), &next)
		s := &handoff.Segment{ID: fmt.Sprintf("s%d", i+1), Source: src}
		if i%2 == 0 {
			s.Target, s.State = src, handoff.Translated
		}
		if i > 0 {
			u.Parts = append(u.Parts, handoff.Part{Space: " "})
		}
		u.Parts = append(u.Parts, handoff.Part{Segment: s})
		n += len(src.PlainText()) + 1
	}
	return &handoff.File{Original: "articles/long.md", Datatype: "x-markdown", SourceLang: language.English,
		TargetLang: language.Russian, Units: []*handoff.Unit{u}}
}

var longSizes = []struct {
	name string
	size int
}{{"256KB", 256 << 10}, {"1MB", 1 << 20}, {"4MB", 4 << 20}}

// BenchmarkWrite12LongParagraph and BenchmarkRead12LongParagraph write
// and read a unit of one paragraph of many sentences: the time should
// grow with the size, not with its square.
func BenchmarkWrite12LongParagraph(b *testing.B) {
	for _, sz := range longSizes {
		f := longParagraph(sz.size)
		b.Run(sz.name, func(b *testing.B) {
			var buf bytes.Buffer
			b.ReportAllocs()
			for range b.N {
				buf.Reset()
				if err := Write(&buf, f, WriteOptions{Version: Version12}); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
	}
}

func BenchmarkRead12LongParagraph(b *testing.B) {
	for _, sz := range longSizes {
		f := longParagraph(sz.size)
		var buf bytes.Buffer
		if err := Write(&buf, f, WriteOptions{Version: Version12}); err != nil {
			b.Fatal(err)
		}
		doc := buf.Bytes()
		b.Run(sz.name, func(b *testing.B) {
			b.SetBytes(int64(len(doc)))
			b.ReportAllocs()
			for range b.N {
				if _, _, err := Read(bytes.NewReader(doc), "long.xlf"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRead12RepeatedIDs reads a paragraph of 5,000 sentences whose
// every <g> has id="1", as Trados Studio writes one ID for each use of a
// tag: each is given an ID of its own in time linear in them (0.2 s;
// 7 s when each new ID was looked for from "1.2" on).
func BenchmarkRead12RepeatedIDs(b *testing.B) {
	var src, seg, tgt strings.Builder
	for i := 1; i <= 5000; i++ {
		s := fmt.Sprintf(`Sentence %d has <g id="1">bold</g> words. `, i)
		src.WriteString(s)
		fmt.Fprintf(&seg, `<mrk mtype="seg" mid="%d">%s</mrk>`, i, s)
		fmt.Fprintf(&tgt, `<mrk mtype="seg" mid="%d">Предложение %d: <g id="1">жирные</g> слова. </mrk>`, i, i)
	}
	doc := []byte(`<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="a.md" source-language="en" target-language="ru" datatype="x-markdown"><body>
<trans-unit id="p1" xml:space="preserve"><source>` + src.String() + `</source><seg-source>` + seg.String() + `</seg-source><target>` + tgt.String() + `</target></trans-unit>
</body></file></xliff>`)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Read(bytes.NewReader(doc), "repeated.xlf"); err != nil {
			b.Fatal(err)
		}
	}
}
