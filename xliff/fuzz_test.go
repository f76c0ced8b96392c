package xliff

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzRead checks that reading never panics, and that a file read
// writes back to one that reads the same.
func fuzzRead(t *testing.T, doc []byte, v Version) {
	f, got, err := Read(bytes.NewReader(doc), "fuzz.xlf")
	// Keeping code mismatches reads what the strict reader reads, the
	// same, and more.
	kept, _, keptErr := (ReadOptions{KeepCodeMismatches: true}).Read(bytes.NewReader(doc), "fuzz.xlf")
	if err == nil && keptErr != nil {
		t.Fatalf("read, but not when keeping code mismatches: %v", keptErr)
	}
	if err == nil {
		if d := diffFiles(kept, f); d != "" {
			t.Fatalf("keeping code mismatches reads otherwise: %s", d)
		}
	}
	if err != nil {
		return
	}
	if v == Version12 && got != Version12 || v != Version12 && got == Version12 {
		return // the other fuzz target's version
	}
	var buf bytes.Buffer
	if err := Write(&buf, f, WriteOptions{Version: got}); err != nil {
		t.Fatalf("what was read cannot be written: %v", err)
	}
	g, got2, err := Read(bytes.NewReader(buf.Bytes()), "again.xlf")
	if err != nil {
		t.Fatalf("what was written cannot be read: %v\n%s", err, buf.Bytes())
	}
	if got2 != got {
		t.Fatalf("version %q, then %q", got, got2)
	}
	if got == Version12 {
		// 1.2 requires a datatype: writing adds or adjusts it.
		f.Datatype = datatype12(f.Datatype)
	}
	if d := diffFiles(g, f); d != "" {
		t.Fatalf("read, written and read again: %s\n%s", d, buf.Bytes())
	}
}

// addSeeds adds the golden files with codes and with every field of a
// unit (the article's are too big for the fuzzer to minimize quickly),
// the files of earlier versions, and hand-written documents.
func addSeeds(f *testing.F, v12 bool, docs ...string) {
	var golden []string
	for _, pattern := range []string{"codes-*.golden", "fields-*.golden", "legacy-*.xlf"} {
		paths, _ := filepath.Glob(filepath.Join("testdata", pattern))
		golden = append(golden, paths...)
	}
	for _, path := range golden {
		if strings.Contains(path, "-1.2") == v12 && !strings.Contains(path, "prefill") {
			b, err := os.ReadFile(path)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
	for _, d := range docs {
		f.Add([]byte(d))
	}
}

func FuzzRead12(f *testing.F) {
	addSeeds(f, true,
		xliff12(`<trans-unit id="1"><source>A <g id="1" ctype="bold">b</g> <x id="2"/>.</source><target state="needs-l10n">А <g id="1">б</g> <x id="2"/>.</target></trans-unit>`),
		xliff12(`<trans-unit id="1" approved="yes"><source>x</source><seg-source><mrk mtype="seg" mid="0"><bpt id="1">&lt;b></bpt>A.</mrk> <mrk mtype="seg" mid="1">B<ept id="1">&lt;/b></ept>.</mrk></seg-source><target><mrk mtype="seg" mid="1">Б<ept id="1">&lt;/b></ept>.</mrk></target></trans-unit>`),
		xliff12(`<trans-unit id="1"><source>x<ph id="1" ctype="x-a">&lt;br/></ph><it id="2" pos="close">&lt;/i></it></source><alt-trans><target>y</target></alt-trans><note from="a">n</note></trans-unit>`),
		xliff12(`<trans-unit id="1"><source>x</source><seg-source><mrk mtype="seg" mid="a">A <g id="1">b</g>.</mrk> <mrk mtype="seg" mid="b">C<mrk mtype="x-c" comment="on c">c</mrk>.</mrk></seg-source><target state="new"><mrk mtype="seg" mid="b">В<mrk mtype="x-comment" comment="к">в</mrk>.</mrk> <mrk mtype="seg" mid="a"><mrk mtype="x-comment" comment="y">А <g id="1">б</g></mrk>.</mrk></target><note priority="2" annotates="target" xml:lang="ru">n</note><alt-trans mid="a" alttranstype="previous-version" origin="loctool"><source>Old.</source><target>А <g id="1">б</g>.</target></alt-trans></trans-unit>`),
		xliff12(`<trans-unit id="1"><source>x</source><seg-source><x id="p"/><g id="1"><mrk mtype="seg" mid="1">A<x id="2" ctype="lb"/>b<x id="2" ctype="lb"/>.</mrk> <mrk mtype="seg" mid="2">C.</mrk></g></seg-source><target><x id="p"/><g id="1"><mrk mtype="seg" mid="1">А<x id="2" ctype="lb"/>б<x id="2" ctype="lb"/>.</mrk> <mrk mtype="seg" mid="2"/></g></target></trans-unit>`),
	)
	f.Fuzz(func(t *testing.T, doc []byte) { fuzzRead(t, doc, Version12) })
}

func FuzzRead2(f *testing.F) {
	addSeeds(f, false,
		xliff2(`<unit id="u"><originalData><data id="d"><cp hex="0001"/>x</data></originalData><segment><source>a<sc id="1" dataRef="d"/>b</source><target>а<sc id="1" dataRef="d"/>б</target></segment><segment><source>c<ec startRef="1"/></source></segment></unit>`),
		xliff2(`<unit id="u"><notes><note id="n">n</note></notes><segment id="1" state="final"><source><mrk id="m" type="comment" ref="#n=n">a</mrk><sm id="s"/>b<em startRef="s"/><pc id="p" type="fmt" subType="xlf:i">c</pc></source><target order="1"><pc id="p">в</pc></target></segment><ignorable><source> </source></ignorable></unit>`),
		xliff2(`<group id="g"><unit id="a_x0041_"><segment><source><ph id="1" copyOf="2"/><ph id="2"/><ec id="3" isolated="yes"/></source></segment></unit></group>`),
		xliff2(`<unit id="u"><notes><note id="n1" priority="3" appliesTo="target" category="c">n</note></notes><segment id="s1"><source>A <pc id="1">b</pc>.</source><target order="3"><mrk id="m" type="comment" ref="#n=n1">А</mrk> <pc id="1">б<sm id="x" type="comment" value="v"/></pc>.</target></segment><ignorable><source> </source></ignorable><segment id="s2" state="final"><source>C.</source><target order="1">В<em startRef="x"/>.</target></segment></unit>`),
	)
	f.Fuzz(func(t *testing.T, doc []byte) { fuzzRead(t, doc, Version21) })
}
