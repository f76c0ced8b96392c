package segment

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dlclark/regexp2/v2"
	"github.com/loctool/loctool/segment/internal/javaregex"
	"golang.org/x/text/language"
)

// languageRulesFor returns the names of the language rules that apply to
// the tag, in order.
func (r *Rules) languageRulesFor(tag language.Tag) ([]string, error) {
	var codes []string
	for t := tag; ; t = t.Parent() {
		code := t.String()
		codes = append(codes, code, strings.ReplaceAll(code, "-", "_"))
		if t.IsRoot() {
			break
		}
	}
	var names []string
	for _, m := range r.Maps {
		re, err := compileLanguagePattern(m.Pattern)
		if err != nil {
			return nil, r.languageMapError(m, err)
		}
		for _, code := range codes {
			if ok, _ := re.MatchString(code); ok {
				if !slices.Contains(names, m.RuleName) {
					names = append(names, m.RuleName)
				}
				break
			}
		}
		if len(names) > 0 && !r.Cascade {
			break
		}
	}
	if len(names) == 0 {
		return nil, &Error{File: r.Name, Msg: fmt.Sprintf("no languagemap matches language %q", tag), kind: ErrNoRules}
	}
	return names, nil
}

// compileLanguagePattern compiles a language map's pattern, which must match
// the whole language code, in any case.
func compileLanguagePattern(pattern string) (*regexp2.Regexp, error) {
	pat, err := javaregex.Translate(pattern)
	if err != nil {
		return nil, err
	}
	return regexp2.Compile(`^(?:`+pat+`)$`, regexp2.IgnoreCase)
}

// languageMapError reports a language map whose pattern does not compile.
func (r *Rules) languageMapError(m LanguageMap, err error) error {
	return &Error{File: r.Name, Pos: m.Pos, Msg: fmt.Sprintf("languagepattern %q", m.Pattern), Err: err}
}
