package check

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"mvdan.cc/xurls/v2"
)

// Some words in text name no one, though a name may be in them: web and
// e-mail addresses, bare domains and paths on them (tengrinews.kz/news),
// @handles, #hashtags and file names (Nazarbayev_speech.docx). Their
// spelling is not the house style's to fix: a fixed address leads
// nowhere. blankTokens finds them in a text and blanks them out, keeping
// the text's offsets, so that neither the check of articles nor that of
// translations reads a name in one.
//
// A token is looked for only in a run of characters between spaces that
// has what each kind needs: an @, a #, "://", or a point between a letter
// or digit and a letter. Most texts have none, and are returned as they
// are.

// webAddress finds URLs, with or without a scheme (example.kz,
// www.example.kz/a), and e-mail addresses: xurls knows the top-level
// domains, so that "Nazarbaev.The" is not one.
var webAddress = sync.OnceValue(xurls.Relaxed)

var (
	// handle is an @handle, as social networks have them, after the
	// start of the run or a character that is not part of a word.
	handle = regexp.MustCompile(`(?:^|[^\p{L}\p{N}_])(@[\p{L}\p{N}_]+(?:\.[\p{L}\p{N}_]+)*)`)
	// hashtag is a #hashtag.
	hashtag = regexp.MustCompile(`(?:^|[^\p{L}\p{N}_&])(#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)`)
	// fileName is a file name, or path, with an extension of the
	// documents, images, sound, video and archives that news copy names.
	fileName = regexp.MustCompile(`[\p{L}\p{N}_~/\\-]+(?:\.[\p{L}\p{N}_~/\\-]+)*\.(?i:` +
		`pdf|docx?|odt|rtf|txt|xlsx?|ods|csv|pptx?|odp|epub|md|html?|xml|json|ya?ml|xliff?|srt|vtt|` +
		`jpe?g|png|gif|svg|webp|tiff?|bmp|heic|avif|` +
		`mp3|m4a|wav|ogg|oga|flac|aac|mp4|m4v|mov|avi|mkv|webm|wmv|ogv|` +
		`zip|rar|7z|gz|tgz|tar|bz2|xz|exe|apk|dmg|iso)\b`)
)

// blankTokens returns text with its addresses, handles, hashtags and file
// names blanked out: each of their bytes a space, but line breaks, so that
// offsets, lines and columns stay where they were.
func blankTokens(text string) string {
	var b []byte
	for i := 0; i < len(text); i++ {
		k := strings.IndexAny(text[i:], "@#.:")
		if k < 0 {
			break
		}
		if i += k; !mayStartToken(text, i) {
			continue
		}
		// The run of characters between spaces around it.
		start, end := i, i
		for start > 0 {
			r, n := utf8.DecodeLastRuneInString(text[:start])
			if unicode.IsSpace(r) {
				break
			}
			start -= n
		}
		for end < len(text) {
			r, n := utf8.DecodeRuneInString(text[end:])
			if unicode.IsSpace(r) {
				break
			}
			end += n
		}
		for _, sp := range tokenSpans(text[start:end]) {
			if b == nil {
				b = []byte(text)
			}
			blank(b, start+sp[0], start+sp[1])
		}
		i = end
	}
	if b == nil {
		return text
	}
	return string(b)
}

// mayStartToken reports whether text[i], an @ # . or :, is what a token
// needs: an @, a #, "://", or a point between a letter or digit and a
// letter.
func mayStartToken(text string, i int) bool {
	switch text[i] {
	case '@', '#':
		return true
	case ':':
		return strings.HasPrefix(text[i:], "://")
	}
	if i == 0 || i+1 >= len(text) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	after, _ := utf8.DecodeRuneInString(text[i+1:])
	return (unicode.IsLetter(before) || unicode.IsDigit(before) || before == '_') && unicode.IsLetter(after)
}

// tokenSpans returns the spans of the tokens in a run of characters
// between spaces.
func tokenSpans(run string) [][2]int {
	var spans [][2]int
	add := func(a, b int) { spans = append(spans, [2]int{a, b}) }
	if strings.IndexByte(run, '.') >= 0 {
		for _, m := range webAddress().FindAllStringIndex(run, -1) {
			add(m[0], m[1])
		}
		for _, m := range fileName.FindAllStringIndex(run, -1) {
			add(m[0], m[1])
		}
	}
	if strings.IndexByte(run, '@') >= 0 {
		for _, m := range handle.FindAllStringSubmatchIndex(run, -1) {
			add(m[2], m[3])
		}
	}
	if strings.IndexByte(run, '#') >= 0 {
		for _, m := range hashtag.FindAllStringSubmatchIndex(run, -1) {
			add(m[2], m[3])
		}
	}
	if strings.Contains(run, "://") {
		for _, m := range bareURL.FindAllStringIndex(run, -1) {
			add(m[0], m[1])
		}
	}
	return spans
}
