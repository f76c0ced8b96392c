package tmx

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzRead checks that reading never panics, and that a memory read
// writes TMX that reads back as the same memory. Its seeds are the TMX
// files of Okapi's tests and hand-written documents.
func FuzzRead(f *testing.F) {
	dir, paths := okapiPaths(f)
	for _, path := range paths {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, d := range []string{
		doc(tu(`a <bpt i="1" x="1" type="bold">&lt;b></bpt>b<ept i="1">&lt;/b></ept> <ph x="2"/>`, `<it pos="begin" x="1">&lt;b></it>c`)),
		doc(tu(`<hi x="1" type="verb">a <ph>x<sub>y<bpt i="1">z</bpt></sub></ph></hi><ut>u</ut>`, `b<it pos="end">&lt;/b></it>`)),
		doc(`<tu tuid="1" usagecount="2" creationdate="20240101T000000Z" srclang="*all*"><note>n</note><prop type="t">p</prop><tuv lang="en"><seg>a</seg></tuv></tu>`),
	} {
		f.Add([]byte(d))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Read(bytes.NewReader(data), "fuzz.tmx", ReadOptions{Limits: Limits{MaxDepth: 30}})
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := Write(&buf, m, WriteOptions{ToolVersion: "fuzz"}); err != nil {
			t.Fatalf("what was read cannot be written: %v", err)
		}
		again, err := Read(bytes.NewReader(buf.Bytes()), "again.tmx", ReadOptions{})
		if err != nil {
			t.Fatalf("what was written cannot be read: %v\n%s", err, buf.Bytes())
		}
		if d := diffMemory(again, asWritten(m, "fuzz")); d != "" {
			t.Fatalf("read, written and read again: %s\n%s", d, buf.Bytes())
		}
	})
}
