package xliff

import (
	"fmt"
	"strings"
	"testing"

	"github.com/loctool/loctool/handoff"
)

// TestSpans checks how comments are written: in XLIFF 1.2 nested, cut
// where they cross; in XLIFF 2 whole where they nest with the <pc>s and
// one another, in two halves where they do not.
func TestSpans(t *testing.T) {
	show := func(sp []span) string {
		var out []string
		for _, s := range sp {
			out = append(out, fmt.Sprintf("%d-%d:%s:%s:%v", s.start, s.end, s.c.Text, s.id, s.whole))
		}
		return strings.Join(out, " ")
	}
	cs := []handoff.Comment{
		{Start: 10, End: 20, Text: "c"}, {Start: 0, End: 12, Text: "a"}, {Start: 4, End: 8, Note: "n1"}, {Start: 8, End: 8, Text: "p"}, {Start: 0, End: 30, Text: "b"},
	}
	if got, want := show(spans12(cs, map[string]string{"n1": "note"})),
		"0-30:b::true 0-12:a::true 4-8:note::true 8-8:p::true 10-12:c::true 12-20:c::true"; got != want {
		t.Errorf("1.2:\n got %s\nwant %s", got, want)
	}
	// A <pc> on 2–6 crosses a on 0–12? No: a holds it. It crosses 4–8.
	if got, want := show(spans2(cs, [][2]int{{2, 6}}, map[string]bool{"c1": true})),
		"0-30:b:c2:true 0-12:a:c3:true 4-8::c4:false 8-8:p:c5:true 10-20:c:c6:false"; got != want {
		t.Errorf("2:\n got %s\nwant %s", got, want)
	}
}
