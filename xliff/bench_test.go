package xliff

import (
	"bytes"
	"fmt"
	"testing"

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
