package document

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/loctool/loctool/inline"
)

// Elements, by how they take part in blocks. Names are lower case, as the
// tokenizer gives them.
var (
	// inlineElements become codes inside a block.
	inlineElements = set("a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn",
		"em", "font", "i", "ins", "kbd", "label", "mark", "nobr", "q", "rp", "rt", "ruby", "s", "samp",
		"small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
		"br", "img", "wbr", "picture", "source")
	// embeddedElements may sit inside a block, but nothing in them is
	// translated: inside a block each is one placeholder.
	embeddedElements = set("script", "noscript", "template", "svg", "math", "iframe", "object",
		"video", "audio", "canvas", "style", "embed")
	// rawElements hold text that is never translated: the tokenizer reads
	// it raw, and translate="yes" does not change that.
	rawElements = set("script", "style", "noscript", "textarea", "xmp", "noembed", "noframes",
		"plaintext", "iframe")
	// skeletonElements are not translated unless translate="yes" says so:
	// pre, code, kbd and samp hold code, commands and a program's
	// output, as a Markdown code span does.
	skeletonElements = set("template", "svg", "math", "object", "video", "audio", "canvas", "pre",
		"code", "kbd", "samp")
	voidElements = set("area", "base", "br", "col", "embed", "hr", "img", "input", "keygen",
		"link", "meta", "param", "source", "track", "wbr")
	// blockKinds are the elements whose text is a block, and its kind.
	blockKinds = map[string]string{
		"p": "paragraph", "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading",
		"h5": "heading", "h6": "heading", "li": "list-item", "td": "table-cell", "th": "table-cell",
		"dt": "term", "dd": "definition", "blockquote": "blockquote", "figcaption": "caption",
		"caption": "caption", "title": "title", "pre": "preformatted",
	}
	// containerKinds are the kinds a p inside them takes.
	containerKinds = set("list-item", "table-cell", "blockquote", "definition", "caption")
	// closesP are the start tags that end an open p.
	closesP = set("address", "article", "aside", "blockquote", "details", "dialog", "div", "dl",
		"fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
		"header", "hgroup", "hr", "li", "dd", "dt", "main", "menu", "nav", "ol", "p", "pre",
		"section", "summary", "table", "ul")
	// scopeElements stop the search for an element to close implicitly.
	scopeElements = set("html", "body", "table", "td", "th", "caption", "template", "button",
		"object", "marquee", "applet")
)

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// tagType returns the inline code type of an element.
func tagType(name string) string {
	switch name {
	case "b", "strong":
		return "bold"
	case "i", "em":
		return "italic"
	case "u":
		return "underlined"
	case "a":
		return "link"
	case "br":
		return "lb"
	case "img":
		return "image"
	}
	return "x-" + name
}

// htmlElem is an open element.
type htmlElem struct {
	name      string
	translate bool   // whether its text is translated
	kind      string // the kind of a block in it, "" when it is in no block element
	inline    bool   // inline or embedded: it does not end a block
}

type pendingBlock struct {
	kind string
	c    inline.Content
	pos  blockPos
}

// htmlItem is a piece of a block being read: text (raw source) or a code.
type htmlItem struct {
	code       *inline.Code
	start, end int
	name       string           // an Open code's element
	shown      *strings.Builder // an untranslated stretch's visible text
}

type htmlParser struct {
	d     *Document
	src   string
	stack []htmlElem
	names map[string]string // interned tag names
	// maxDepth is the deepest the stack may grow.
	maxDepth int

	// The block being read: a run of text and inline elements.
	inRun    bool
	runDepth int // the open elements around the block
	kind     string
	items    []htmlItem
	open     []int // items that are Open codes not yet closed
	// opened counts the codes in open by element name, so that an end
	// tag none of them waits for is passed at once, not after a walk of
	// every code left open (which <span><b></span>, repeated, leaves).
	opened map[string]int
	ids    int
	// attrs are the attribute blocks of the block's tags, added after
	// it to keep the blocks in order.
	attrs []pendingBlock
}

// parseHTML reads an HTML article token by token. The tokenizer's raw
// bytes for each token give its place, and blocks are cut from the
// article between those places.
func parseHTML(d *Document) error {
	base := bomLen(d.src)
	p := &htmlParser{d: d, src: d.src, names: map[string]string{}, maxDepth: d.opts.maxDepth()}
	z := html.NewTokenizer(strings.NewReader(d.src[base:]))
	off := base
	for {
		tt := z.Next()
		raw := z.Raw()
		start := off
		off += len(raw)
		if tt == html.ErrorToken {
			break
		}
		if p.inRun {
			if pi := p.protector(); pi >= 0 && pi < p.runDepth {
				// The translated element the block was in has closed
				// inside an untranslated one.
				p.endRun()
			}
		}
		switch tt {
		case html.TextToken:
			p.text(start, off)
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			p.startTag(p.intern(name), start, off, tt == html.SelfClosingTagToken)
			if len(p.stack) > p.maxDepth {
				// The walks down the stack take time that grows with
				// its depth at every tag.
				return d.tooDeep(start, "the element is")
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			p.endTag(p.intern(name), start, off)
		case html.CommentToken:
			switch {
			case !p.inRun:
			case !p.top().translate:
				p.protect(start, off, false)
			default:
				p.code(inline.Placeholder, "x-comment", "", start, off)
			}
		default: // doctype
			p.endRun()
		}
	}
	p.endRun()
	return nil
}

func (p *htmlParser) intern(b []byte) string {
	if s, ok := p.names[string(b)]; ok {
		return s
	}
	s := string(b)
	p.names[s] = s
	return s
}

// top returns the innermost open element, or the document's defaults.
func (p *htmlParser) top() htmlElem {
	if len(p.stack) == 0 {
		return htmlElem{translate: true}
	}
	return p.stack[len(p.stack)-1]
}

// protector returns the index of the element that turned translation
// off, or -1 when it is on.
func (p *htmlParser) protector() int {
	i := len(p.stack) - 1
	if i < 0 || p.stack[i].translate {
		return -1
	}
	for i > 0 && !p.stack[i-1].translate {
		i--
	}
	return i
}

func (p *htmlParser) text(start, end int) {
	if !p.top().translate {
		if p.inRun {
			p.protect(start, end, !rawElements[p.top().name])
		}
		return
	}
	if !p.inRun {
		a, b := trimSpan(p.src, start, end)
		if a == b {
			return
		}
		p.startRun()
	}
	p.items = append(p.items, htmlItem{start: start, end: end})
}

func (p *htmlParser) startTag(name string, start, end int, selfClosing bool) {
	raw := p.src[start:end]
	attrs := scanAttrs(raw)
	if name == "html" && len(p.stack) == 0 && p.d.langs == nil {
		for _, a := range attrs {
			if (a.name == "lang" || a.name == "xml:lang") && (a.quote != 0 || a.end > a.start) {
				p.d.langs = append(p.d.langs, span{start + a.start, start + a.end})
			}
		}
	}
	void := voidElements[name] || selfClosing
	inl := inlineElements[name] || embeddedElements[name]
	if p.inRun && p.protector() >= 0 {
		// Inside an untranslated stretch of a block, tags are part of it.
		p.push(name, attrs, raw, inl, void)
		p.protect(start, end, false)
		return
	}
	if !inl {
		p.endRun()
		p.closeImplied(name)
	}
	e := p.element(name, attrs, raw, inl)
	if inl && e.translate && !p.inRun {
		p.startRun()
	}
	if e.translate {
		p.attrBlocks(name, attrs, raw, start)
	}
	if !void {
		p.stack = append(p.stack, e)
	}
	switch {
	case !inl:
	case !e.translate:
		if p.inRun {
			p.protect(start, end, false)
		}
	case void:
		p.code(inline.Placeholder, tagType(name), tagDisplay(name, attrs, raw), start, end)
	default:
		p.open = append(p.open, len(p.items))
		if p.opened == nil {
			p.opened = map[string]int{}
		}
		p.opened[name]++
		p.code(inline.Open, tagType(name), tagDisplay(name, attrs, raw), start, end)
		p.items[len(p.items)-1].name = name
	}
}

// push opens an element inside an untranslated stretch.
func (p *htmlParser) push(name string, attrs []attrSpan, raw string, inl, void bool) {
	if !void {
		p.stack = append(p.stack, p.element(name, attrs, raw, inl))
	}
}

// element returns the state of an element that starts inside the
// innermost open one.
func (p *htmlParser) element(name string, attrs []attrSpan, raw string, inl bool) htmlElem {
	parent := p.top()
	e := htmlElem{name: name, translate: parent.translate, kind: parent.kind, inline: inl}
	if k, ok := blockKinds[name]; ok && !(name == "p" && containerKinds[parent.kind]) {
		e.kind = k
	}
	if skeletonElements[name] || hasClass(attrs, raw, "notranslate") {
		e.translate = false
	}
	if v, ok := attrValue(attrs, raw, "translate"); ok {
		switch strings.ToLower(strings.TrimSpace(v)) {
		case "no":
			e.translate = false
		case "yes", "":
			e.translate = true
		}
	}
	if rawElements[name] {
		e.translate = false
	}
	return e
}

// closeImplied closes the elements that a start tag ends without their
// end tags: an open p before a block, a list item before the next.
func (p *htmlParser) closeImplied(name string) {
	closeTo := func(targets map[string]bool, stops map[string]bool) {
		for i := len(p.stack) - 1; i >= 0; i-- {
			n := p.stack[i].name
			if targets[n] {
				p.stack = p.stack[:i]
				return
			}
			if scopeElements[n] || stops[n] {
				return
			}
		}
	}
	if closesP[name] {
		closeTo(set1p, nil)
	}
	switch name {
	case "li":
		closeTo(set1li, setLists)
	case "dt", "dd":
		closeTo(setDefs, setDL)
	case "td", "th":
		closeTo(setCells, setRows)
	case "tr":
		closeTo(setCells, setRows)
		closeTo(setRows, setSections)
	case "thead", "tbody", "tfoot":
		closeTo(setCells, setRows)
		closeTo(setRows, setSections)
		closeTo(setSections, nil)
	case "option":
		closeTo(setOption, nil)
	}
}

var (
	set1p       = set("p")
	set1li      = set("li")
	setLists    = set("ul", "ol", "menu")
	setDefs     = set("dt", "dd")
	setDL       = set("dl")
	setCells    = set("td", "th")
	setRows     = set("tr")
	setSections = set("thead", "tbody", "tfoot")
	setOption   = set("option")
)

func (p *htmlParser) endTag(name string, start, end int) {
	idx := -1
	for i := len(p.stack) - 1; i >= 0; i-- {
		if p.stack[i].name == name {
			idx = i
			break
		}
		if inlineElements[name] && !p.stack[i].inline {
			break // an inline end tag does not close a block
		}
	}
	if p.inRun && idx >= 0 && idx < p.runDepth {
		p.endRun() // it closes an element the block is in
	}
	if p.inRun && p.protector() >= 0 {
		// The end of an untranslated stretch's element, or a stray end
		// tag inside it.
		p.protect(start, end, false)
		p.popTo(idx)
		return
	}
	if !p.top().translate || !(inlineElements[name] || embeddedElements[name]) {
		if !(inlineElements[name] || embeddedElements[name]) {
			p.endRun()
		}
		p.popTo(idx)
		return
	}
	p.popTo(idx)
	if !p.inRun {
		return
	}
	// Close the code its start tag opened, if it is the innermost.
	for k := len(p.open) - 1; k >= 0 && p.opened[name] > 0; k-- {
		if p.items[p.open[k]].name != name {
			continue
		}
		o := p.items[p.open[k]].code
		p.opened[name]--
		if k == len(p.open)-1 {
			p.open = p.open[:k]
			p.items = append(p.items, htmlItem{code: &inline.Code{Kind: inline.Close, ID: o.ID, Type: o.Type, Data: p.src[start:end]}, start: start, end: end})
			return
		}
		// The tags cross: neither is a pair any more.
		o.Kind = inline.Placeholder
		p.open = append(p.open[:k], p.open[k+1:]...)
		break
	}
	p.code(inline.Placeholder, tagType(name), "", start, end)
}

func (p *htmlParser) popTo(idx int) {
	if idx >= 0 {
		p.stack = p.stack[:idx]
	}
}

func (p *htmlParser) startRun() {
	p.inRun = true
	p.runDepth = len(p.stack)
	p.kind = p.top().kind
	if p.kind == "" {
		p.kind = "text"
	}
	p.items = p.items[:0]
	p.open = p.open[:0]
	clear(p.opened)
	p.ids = 0
}

func (p *htmlParser) code(k inline.Kind, typ, display string, start, end int) {
	p.ids++
	c := &inline.Code{Kind: k, ID: itoa(p.ids), Type: typ, Data: p.src[start:end], Display: display}
	p.items = append(p.items, htmlItem{code: c, start: start, end: end})
}

// protect adds src[start:end] to the untranslated stretch the block ends
// with, or starts one. The text of elements that are shown makes up the
// stretch's display.
func (p *htmlParser) protect(start, end int, shown bool) {
	n := len(p.items)
	if n > 0 && p.items[n-1].shown != nil && p.items[n-1].end == start {
		p.items[n-1].end = end
		p.items[n-1].code.Data = p.src[p.items[n-1].start:end]
	} else {
		p.code(inline.Placeholder, "x-protected", "", start, end)
		p.items[n].shown = &strings.Builder{}
	}
	if shown {
		p.items[len(p.items)-1].shown.WriteString(p.src[start:end])
	}
}

// endRun ends the block being read, and adds it and the attribute blocks
// of its tags.
func (p *htmlParser) endRun() {
	if !p.inRun {
		return
	}
	p.inRun = false
	p.addRun()
	for _, a := range p.attrs {
		p.d.add(a.kind, a.c, a.pos)
	}
	p.attrs = p.attrs[:0]
}

// addRun adds the block that has been read when it has text: its codes
// left open become placeholders, and white space at its ends goes to the
// skeleton.
func (p *htmlParser) addRun() {
	for _, k := range p.open {
		p.items[k].code.Kind = inline.Placeholder
	}
	items := p.items
	// Trim white space at both ends; text items hold raw source.
	for len(items) > 0 && items[0].code == nil {
		a, b := trimSpan(p.src, items[0].start, items[0].end)
		if a < b {
			items[0].start = a
			break
		}
		items = items[1:]
	}
	for len(items) > 0 && items[len(items)-1].code == nil {
		it := &items[len(items)-1]
		a, b := trimSpan(p.src, it.start, it.end)
		if a < b {
			it.end = b
			break
		}
		items = items[:len(items)-1]
	}
	if len(items) == 0 {
		return
	}
	c := make(inline.Content, 0, len(items))
	var codes []span
	hasText := false
	m := p.d.m
	m.reset()
	firstEnd, lastStart := -1, -1 // the text's first and last stretches, when it starts and ends with text
	for i := 0; i < len(items); i++ {
		it := items[i]
		if it.code != nil {
			if it.shown != nil {
				it.code.Display = strings.Join(strings.Fields(decodeEntities(it.shown.String())), " ")
			}
			c = append(c, inline.Item{Code: it.code})
			codes = append(codes, span{it.start, it.end})
			continue
		}
		start := m.len()
		collapse := p.kind != "preformatted"
		// Text in one piece, without references or carriage returns, is
		// mapped as it is collapsed; any other the general way.
		simple := (i+1 == len(items) || items[i+1].code != nil) && m.plainHTML(p.src, it.start, it.end, collapse)
		if !simple {
			m.htmlText(p.src, it.start, it.end)
		}
		t := decodeEntities(p.src[it.start:it.end])
		for i+1 < len(items) && items[i+1].code == nil {
			i++
			m.htmlText(p.src, items[i].start, items[i].end)
			t += decodeEntities(p.src[items[i].start:items[i].end])
		}
		if collapse {
			t = collapseSpace(t)
			if !simple {
				m.collapse(start)
			}
		}
		if !hasText && strings.TrimSpace(t) != "" {
			hasText = true
		}
		c = append(c, inline.Item{Text: t})
		if len(c) == 1 {
			firstEnd = m.len()
		}
		lastStart = -1
		if i == len(items)-1 {
			lastStart = start
		}
	}
	if !hasText {
		return
	}
	c = trimEdges(c)
	m.trimEdges(firstEnd, lastStart)
	renumber(c)
	bp := blockPos{start: items[0].start, end: items[len(items)-1].end, style: styleHTML, codes: codes}
	p.d.mark(&bp, c)
	p.d.add(p.kind, c, bp)
}

// collapseSpace returns t with each run of HTML white space as one
// space, as a browser shows it.
func collapseSpace(t string) string {
	for i := 0; i < len(t); i++ {
		if c := t[i]; c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == ' ' && i+1 < len(t) && isHTMLSpace(t[i+1]) {
			return collapse(t)
		}
	}
	return t
}

func collapse(t string) string {
	b := make([]byte, 0, len(t))
	space := false
	for i := 0; i < len(t); i++ {
		if isHTMLSpace(t[i]) {
			space = true
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = append(b, t[i])
	}
	if space {
		b = append(b, ' ')
	}
	return string(b)
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// attrBlocks adds the translatable attributes of a tag as blocks: alt and
// title, and the content of <meta name="description">.
func (p *htmlParser) attrBlocks(name string, attrs []attrSpan, raw string, start int) {
	for _, a := range attrs {
		kind := ""
		switch a.name {
		case "alt":
			kind = "alt"
		case "title":
			kind = "title-attribute"
		case "content":
			if name == "meta" {
				if v, _ := attrValue(attrs, raw, "name"); strings.EqualFold(strings.TrimSpace(v), "description") {
					kind = "description"
				}
			}
		}
		if kind == "" {
			continue
		}
		s, e := trimSpan(p.src, start+a.start, start+a.end)
		if s == e {
			continue
		}
		t := decodeEntities(p.src[s:e])
		if strings.TrimSpace(t) == "" {
			continue
		}
		c := inline.Text(t)
		bp := blockPos{start: s, end: e, style: styleHTMLAttr, quote: a.quote}
		p.d.m.reset()
		p.d.m.htmlText(p.src, s, e)
		p.d.mark(&bp, c)
		if p.inRun {
			p.attrs = append(p.attrs, pendingBlock{kind, c, bp})
		} else {
			p.d.add(kind, c, bp)
		}
	}
}

// tagDisplay returns what translators see for an inline tag: a link's
// address, an image's source.
func tagDisplay(name string, attrs []attrSpan, raw string) string {
	key := ""
	switch name {
	case "a":
		key = "href"
	case "img":
		key = "src"
	default:
		return ""
	}
	v, _ := attrValue(attrs, raw, key)
	return v
}

// attrSpan is an attribute of a tag: its value is raw[start:end].
type attrSpan struct {
	name       string // lower case
	start, end int
	quote      byte // '"', '\'', or 0 when unquoted
}

// attrValue returns the decoded value of the attribute key.
func attrValue(attrs []attrSpan, raw, key string) (string, bool) {
	for _, a := range attrs {
		if a.name == key {
			return decodeEntities(raw[a.start:a.end]), true
		}
	}
	return "", false
}

// hasClass reports whether the element's class attribute has the class
// name, as a browser matches a class: by case-sensitive word.
func hasClass(attrs []attrSpan, raw, name string) bool {
	v, ok := attrValue(attrs, raw, "class")
	return ok && slices.Contains(strings.FieldsFunc(v, isHTMLSpaceRune), name)
}

func isHTMLSpaceRune(r rune) bool { return r < utf8.RuneSelf && isHTMLSpace(byte(r)) }

// scanAttrs finds the attributes of a start tag, as the tokenizer reads
// them: the first of each name counts. A tag cut off by the end of the
// article has none.
func scanAttrs(raw string) []attrSpan {
	if len(raw) < 3 || raw[0] != '<' || raw[len(raw)-1] != '>' || !strings.Contains(raw, "=") {
		return nil
	}
	ws := func(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' }
	i := 1
	for i < len(raw) && !ws(raw[i]) && raw[i] != '/' && raw[i] != '>' {
		i++
	}
	skip := func() {
		for i < len(raw) && ws(raw[i]) {
			i++
		}
	}
	var attrs []attrSpan
	skip()
	for i < len(raw) && raw[i] != '>' {
		ks := i
		for i < len(raw) {
			c := raw[i]
			if c == '=' && i == ks {
				i++
				continue
			}
			if c == '=' || ws(c) || c == '/' || c == '>' {
				break
			}
			i++
		}
		ke := i
		a := attrSpan{start: i, end: i}
		skip()
		if i < len(raw) {
			switch c := raw[i]; c {
			case '/':
				i++
			case '=':
				i++
				skip()
				if i < len(raw) {
					switch q := raw[i]; q {
					case '>':
					case '"', '\'':
						j := strings.IndexByte(raw[i+1:], q)
						if j < 0 {
							return nil
						}
						a = attrSpan{start: i + 1, end: i + 1 + j, quote: q}
						i += j + 2
					default:
						j := i
						for j < len(raw) && !ws(raw[j]) && raw[j] != '>' {
							j++
						}
						a = attrSpan{start: i, end: j}
						i = j
					}
				}
			}
		}
		if ke > ks {
			a.name = strings.ToLower(raw[ks:ke])
			dup := false
			for _, b := range attrs {
				dup = dup || b.name == a.name
			}
			if !dup {
				attrs = append(attrs, a)
			}
		}
		skip()
	}
	return attrs
}

// decodeEntities resolves the character references in HTML text, and
// makes its line endings "\n".
func decodeEntities(s string) string {
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	return lfEndings(s)
}

// html writes a translated block of HTML text: text escaped, and each code
// as its source tag, with any attribute blocks in it rendered.
func (r *renderer) html(source, target inline.Content, p *blockPos) error {
	idx := indexCodes(source)
	for _, it := range target {
		if it.Code == nil {
			escapeHTML(&r.b, it.Text, r.d.eol, 0)
			continue
		}
		k := idx.of(it.Code)
		if k < 0 || k >= len(p.codes) {
			continue // CheckCodes has ruled this out
		}
		if err := r.raw(p.codes[k].start, p.codes[k].end, p.children); err != nil {
			return err
		}
	}
	return nil
}

// escapeHTML writes text escaped for HTML, and in an attribute value
// quoted with quote also that quote.
func escapeHTML(b *bytes.Buffer, t, eol string, quote byte) {
	t = lfEndings(t)
	last := 0
	for i := 0; i < len(t); i++ {
		var esc string
		switch c := t[i]; {
		case c == '&':
			esc = "&amp;"
		case c == '<':
			esc = "&lt;"
		case c == '>':
			esc = "&gt;"
		case c == '"' && quote == '"':
			esc = "&quot;"
		case c == '\'' && quote == '\'':
			esc = "&#39;"
		case c == '\n' && eol != "\n":
			esc = eol
		default:
			continue
		}
		b.WriteString(t[last:i])
		b.WriteString(esc)
		last = i + 1
	}
	b.WriteString(t[last:])
}

// writeAttr writes a translated attribute value in its source's quotes.
// An unquoted value that cannot stay unquoted gets double quotes.
func writeAttr(b *bytes.Buffer, t string, quote byte, eol string) {
	if quote == 0 {
		if t != "" && !strings.ContainsAny(t, " \t\n\r\f\"'=<>`") {
			escapeHTML(b, t, eol, 0)
			return
		}
		b.WriteByte('"')
		escapeHTML(b, t, eol, '"')
		b.WriteByte('"')
		return
	}
	escapeHTML(b, t, eol, quote)
}
