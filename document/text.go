package document

import (
	"bytes"
	"strings"

	"github.com/loctool/loctool/inline"
)

// parseText cuts plain text into paragraphs: runs of lines that are not
// blank. A paragraph's block runs from the first non-blank character of its
// first line to the last of its last line; the rest is skeleton.
func parseText(d *Document) {
	s := d.src
	i := bomLen(s)
	start := -1 // where the current paragraph starts, or -1 between paragraphs
	end := 0    // where its last non-blank line's text ends
	for i < len(s) {
		next := len(s)
		lineEnd := len(s)
		if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
			lineEnd = i + j
			next = lineEnd + 1
		}
		a, b := i, lineEnd
		for a < b && isBlank(s[a]) {
			a++
		}
		for b > a && isBlank(s[b-1]) {
			b--
		}
		if a == b { // a blank line ends the paragraph
			if start >= 0 {
				d.addText(start, end)
				start = -1
			}
		} else {
			if start < 0 {
				start = a
			}
			end = b
		}
		i = next
	}
	if start >= 0 {
		d.addText(start, end)
	}
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\r' }

// addText adds a paragraph, unless it has nothing to translate, such as a
// line of only a form feed.
func (d *Document) addText(start, end int) {
	t := lfEndings(d.src[start:end])
	if strings.TrimSpace(t) == "" {
		return
	}
	c := inline.Text(t)
	p := blockPos{start: start, end: end, style: styleText}
	if len(t) == end-start { // written as it reads
		d.markVerbatim(&p, start, end)
	} else {
		d.m.reset()
		d.m.verbatim(d.src, start, end)
		d.m.lfEndings(0)
		d.mark(&p, c)
	}
	d.add("paragraph", c, p)
}

// writeText writes a translated paragraph of plain text: without white
// space around it and without blank lines, which would split it, and with
// the article's line ending.
func writeText(b *bytes.Buffer, c inline.Content, eol string) {
	t := strings.Trim(lfEndings(c.PlainText()), " \t\r\n")
	first := true
	for line := range strings.SplitSeq(t, "\n") {
		if strings.TrimLeft(line, " \t\r") == "" {
			continue
		}
		if !first {
			b.WriteString(eol)
		}
		first = false
		b.WriteString(strings.TrimSuffix(line, "\r"))
	}
}
