package check

import (
	"testing"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/document"
	"github.com/loctool/loctool/internal/place"
)

// position gives the place place.Of gives, whatever order the offsets
// come in.
func TestPosition(t *testing.T) {
	text := "Алматы, May 13.\r\nJakiyanov said\n\nso. Ғалымжан\n"
	a, problems := readArticle(Source{Path: "a.txt", Text: text}, document.Options{})
	if a == nil {
		t.Fatal(problems)
	}
	var starts, backwards, hops []int // the characters' offsets
	for off := range text {
		starts = append(starts, off)
	}
	for i := range starts {
		backwards = append(backwards, starts[len(starts)-1-i])
		hops = append(hops, starts[(i*7)%len(starts)])
	}
	for _, offsets := range [][]int{starts, backwards, hops} {
		for _, off := range offsets {
			line, col := place.Of(text, off)
			if got := a.position(off); got != (diag.Position{Line: line, Col: col}) {
				t.Errorf("offset %d: %v, want %d:%d", off, got, line, col)
			}
		}
	}
}
