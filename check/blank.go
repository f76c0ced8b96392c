package check

import (
	"regexp"
	"strings"
)

// blank replaces the bytes of b[start:end] with spaces, but for line
// breaks, so that offsets, lines and columns stay where they were.
func blank(b []byte, start, end int) {
	for i := start; i < end && i < len(b); i++ {
		if b[i] != '\n' && b[i] != '\r' {
			b[i] = ' '
		}
	}
}

var (
	mdFence     = regexp.MustCompile("(?m)^ {0,3}(```+|~~~+)[^\n]*\n(?:.*\n)*?(?: {0,3}(?:```+|~~~+)[ \t]*$|\\z)")
	mdCode      = regexp.MustCompile("(`+)[^`]+?`+")
	mdLinkDest  = regexp.MustCompile(`\]\([^)\n]*\)`)
	mdRefDef    = regexp.MustCompile(`(?m)^ {0,3}\[[^\]\n]+\]:[ \t]*\S+.*$`)
	mdTagOrLink = regexp.MustCompile(`<[^>\n]*>`)
	bareURL     = regexp.MustCompile(`(?i)\b(?:https?|ftp)://\S+|\bwww\.\S+`)
)

// blankMarkdown blanks out the code, link targets, autolinks, HTML tags
// and URLs of a Markdown article.
func blankMarkdown(text string) string {
	b := []byte(text)
	// Each pattern runs only where its telltale is: most articles have
	// no code and few links, and the patterns cost more than the search.
	for _, p := range []struct {
		re   *regexp.Regexp
		sign []string
	}{
		{mdFence, []string{"```", "~~~"}},
		{mdCode, []string{"`"}},
		{mdRefDef, []string{"]:"}},
		{mdTagOrLink, []string{"<"}},
	} {
		if containsAny(text, p.sign) {
			for _, m := range p.re.FindAllIndex(b, -1) {
				blank(b, m[0], m[1])
			}
		}
	}
	if strings.Contains(text, "](") {
		for _, m := range mdLinkDest.FindAllIndex(b, -1) {
			blank(b, m[0]+1, m[1]) // keep the ] of the link text
		}
	}
	return blankURLs(string(b))
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

var (
	htmlComment = regexp.MustCompile(`(?s)<!--.*?-->`)
	htmlRaw     = regexp.MustCompile(`(?is)<(script|style)\b[^>]*>.*?</(?:script|style)\s*>`)
	htmlTag     = regexp.MustCompile(`(?s)<[!/?]?[a-zA-Z][^>]*>`)
)

// blankHTML blanks out the tags, comments, scripts and styles of an HTML
// article. Attribute values people read (alt, title) go with their tags;
// they are left to the translation checks.
func blankHTML(text string) string {
	b := []byte(text)
	for _, re := range []*regexp.Regexp{htmlComment, htmlRaw, htmlTag} {
		for _, m := range re.FindAllIndex(b, -1) {
			blank(b, m[0], m[1])
		}
	}
	return string(b)
}

// blankURLs blanks out the web addresses of a plain-text article.
func blankURLs(text string) string {
	if !strings.Contains(text, "://") && !strings.Contains(text, "www.") && !strings.Contains(text, "WWW.") {
		return text
	}
	b := []byte(text)
	for _, m := range bareURL.FindAllIndex(b, -1) {
		blank(b, m[0], m[1])
	}
	return string(b)
}
