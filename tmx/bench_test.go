package tmx

import (
	"bytes"
	"fmt"
	"io"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/inline"
)

// benchMemory returns a memory of n units of two variants, English and
// Ukrainian, a sentence of news each, every third one with a bold pair
// and a line break.
func benchMemory(n int) *Memory {
	m := &Memory{Header: Header{SrcLang: language.English}}
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	uk := language.MustParse("uk")
	for i := range n {
		en := inline.Text(fmt.Sprintf("The council met on %d March and approved the budget of district %d after a long debate.", i%28+1, i))
		ukr := inline.Text(fmt.Sprintf("Рада зібралася %d березня й ухвалила бюджет району %d після довгих дебатів.", i%28+1, i))
		if i%3 == 0 {
			b := func(k inline.Kind) inline.Item {
				return inline.Item{Code: &inline.Code{Kind: k, ID: "1", Type: "bold", Data: "**"}}
			}
			br := inline.Item{Code: &inline.Code{Kind: inline.Placeholder, ID: "2", Type: "lb", Data: "<br/>"}}
			en = append(inline.Content{b(inline.Open), {Text: "Update:"}, b(inline.Close), {Text: " "}}, append(en, br)...)
			ukr = append(inline.Content{b(inline.Open), {Text: "Оновлення:"}, b(inline.Close), {Text: " "}}, append(ukr, br)...)
		}
		m.Units = append(m.Units, &Unit{
			TUID:  fmt.Sprint(i),
			Attrs: Attrs{CreationDate: day.Add(time.Duration(i) * time.Minute), CreationID: "newsroom"},
			Variants: []*Variant{
				{Lang: language.English, Seg: en},
				{Lang: uk, Seg: ukr},
			},
		})
	}
	return m
}

// BenchmarkRead reads a memory of 100,000 units with a Reader, as an
// import does, a unit at a time.
func BenchmarkRead(b *testing.B) {
	var buf bytes.Buffer
	if err := Write(&buf, benchMemory(100_000), WriteOptions{}); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		rd, err := NewReader(bytes.NewReader(data), "bench.tmx", ReadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			_, err := rd.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 100_000 {
			b.Fatalf("%d units", n)
		}
	}
	b.ReportMetric(100_000, "units")
}

// BenchmarkWrite writes a memory of 100,000 units.
func BenchmarkWrite(b *testing.B) {
	m := benchMemory(100_000)
	var buf bytes.Buffer
	if err := Write(&buf, m, WriteOptions{}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		buf.Reset()
		if err := Write(&buf, m, WriteOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(100_000, "units")
}
