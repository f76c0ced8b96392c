package check

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/glossary"
	"github.com/loctool/loctool/handoff"
	"github.com/loctool/loctool/internal/parallel"
)

// Handoff is a handoff file to check, as read.
type Handoff struct {
	Path string // as findings name it
	File *handoff.File
}

// Handoffs checks the translations of handoff files: a forbidden
// spelling of a glossary concept in a target is an error, found in its
// inflected forms too (Жакиянова for Жакиянов), and so is a variant
// generated from a concept's Cyrillic forms when the target language is
// written in Latin letters. A finding is placed at its target, and names
// the unit and segment. The findings are in the order of the files and
// their segments.
func Handoffs(files []Handoff, opts Options) []Finding {
	if opts.Glossary == nil {
		return nil
	}
	var mu sync.Mutex
	matchers := map[language.Tag]func() *glossary.Matcher{}
	matcher := func(lang language.Tag) *glossary.Matcher {
		mu.Lock()
		m, ok := matchers[lang]
		if !ok {
			m = sync.OnceValue(func() *glossary.Matcher { return glossary.NewMatcher(opts.Glossary, lang) })
			matchers[lang] = m
		}
		mu.Unlock()
		return m()
	}
	each := make([][]Finding, len(files))
	parallel.Each(len(files), func(i int) {
		h := files[i]
		lang := h.File.TargetLang
		m := matcher(lang)
		for _, u := range h.File.Units {
			for _, s := range u.Segments() {
				if !s.IsTranslated() {
					continue // a copy of the source is not a spelling in the target language
				}
				text := s.Target.PlainText()
				for _, match := range m.Find(text) {
					if match.Role != glossary.Forbidden && match.Role != glossary.Generated {
						continue
					}
					f := variant(text[match.Start:match.End], match, lang)
					f.Suggestion = inflect(f.Suggestion, match.Spelling, f.Found)
					f.File, f.Line, f.Col, f.Unit, f.Segment = h.Path, s.Line, s.Col, u.ID, s.ID
					f.Message = fmt.Sprintf("unit %s, segment %s: %s", u.ID, s.ID, f.Message)
					each[i] = append(each[i], f)
				}
			}
		}
	})
	return slices.Concat(each...)
}

// inflect gives preferred the case ending found has where it is a form
// of spelling, one word with an ending: Жакьянова, a form of Жакьянов,
// gives Жакиянова for Жакиянов.
func inflect(preferred, spelling, found string) string {
	f, s := []rune(found), []rune(spelling)
	if preferred == "" || len(f) <= len(s) || strings.ContainsRune(spelling, ' ') || !strings.EqualFold(string(f[:len(s)]), spelling) {
		return preferred
	}
	return preferred + string(f[len(s):])
}
