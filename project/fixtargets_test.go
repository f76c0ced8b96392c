package project

import (
	"testing"

	"github.com/loctool/loctool/check"
	"github.com/loctool/loctool/inline"
)

// A fix is made in the text it falls in, codes as they were; one across
// a code is not made.
func TestRewrite(t *testing.T) {
	b := bold("Суд освободил ", "Жакьянова", " 13 мая.")
	plain := b.PlainText()
	at := len("Суд освободил ")
	got, ok := rewrite(b, []check.TargetEdit{{Start: at, End: at + len("Жакьянова"), Found: "Жакьянова", New: "Жакиянова"}})
	if want := bold("Суд освободил ", "Жакиянова", " 13 мая."); !ok || got.Key() != want.Key() {
		t.Errorf("rewrite = %v %v, want %v", got, ok, want)
	}
	if b.PlainText() != plain {
		t.Error("rewrite changed the content it was given")
	}
	split := bold("Суд освободил Жакь", "янова", " 13 мая.")
	if _, ok := rewrite(split, []check.TargetEdit{{Start: at, End: at + len("Жакьянова"), Found: "Жакьянова", New: "Жакиянова"}}); ok {
		t.Error("a fix across a code was made")
	}
	two := inline.Text("Жакьянов и Жакьянов.")
	e := len("Жакьянов и ")
	got, ok = rewrite(two, []check.TargetEdit{{Start: 0, End: len("Жакьянов"), Found: "Жакьянов", New: "Жакиянов"}, {Start: e, End: e + len("Жакьянов"), Found: "Жакьянов", New: "Жакиянов"}})
	if !ok || got.PlainText() != "Жакиянов и Жакиянов." {
		t.Errorf("two fixes in one text: %q", got.PlainText())
	}
}

// The nth time a spelling is in a translation is the nth time it is in
// the file from where the translation begins.
func TestLocate(t *testing.T) {
	data := []byte(`<note>Жакьянов</note><target>Жакьянов и Жакьянов</target>`)
	start := len(`<note>Жакьянов</note>`)
	plain := "Жакьянов и Жакьянов"
	e := len("Жакьянов и ")
	got, ok := locate(data, start, plain, []check.TargetEdit{{Start: e, End: e + len("Жакьянов"), Found: "Жакьянов", New: "Жакиянов"}})
	if want := start + len("<target>") + e; !ok || len(got) != 1 || got[0].Start != want {
		t.Errorf("locate = %+v %v, want one at %d", got, ok, want)
	}
	if _, ok := locate(data, len(data)-10, plain, []check.TargetEdit{{Start: 0, End: len("Жакьянов"), Found: "Жакьянов", New: "Жакиянов"}}); ok {
		t.Error("a spelling not in the file was placed")
	}
}
