package segment

import (
	"errors"
	"fmt"

	"github.com/dlclark/regexp2/v2"
	"github.com/dlclark/regexp2/v2/syntax"
	"github.com/loctool/loctool/segment/internal/javaregex"
	"github.com/loctool/loctool/segment/internal/prefilter"
)

// compiledRule is a rule ready to be tested at a position: the
// prefilter's cheap conservative tests first, then the regular
// expression.
type compiledRule struct {
	brk bool
	// re matches at a position where both patterns match:
	// \G(?=(?:after))(?<=(?:before)), the afterbreak first because it is
	// usually the quicker to fail. It is nil when both are empty.
	re *regexp2.Regexp
	// filter holds the tests derived from the patterns.
	filter *prefilter.Rule
}

// ruleName names rule i of lr in messages.
func ruleName(lr *LanguageRule, i int) string {
	return fmt.Sprintf("rule %d of %q", i+1, lr.Name)
}

// compileRule translates and compiles rule i of lr.
func compileRule(file string, lr *LanguageRule, i int) (*compiledRule, error) {
	rule := &lr.Rules[i]
	before, beforeTree, err := translatePattern(rule.Before)
	if err != nil {
		return nil, &Error{File: file, Pos: rule.BeforePos, Rule: ruleName(lr, i), Msg: fmt.Sprintf("beforebreak %q", rule.Before), Err: err}
	}
	after, afterTree, err := translatePattern(rule.After)
	if err != nil {
		return nil, &Error{File: file, Pos: rule.AfterPos, Rule: ruleName(lr, i), Msg: fmt.Sprintf("afterbreak %q", rule.After), Err: err}
	}
	cr := &compiledRule{brk: rule.Break, filter: prefilter.NewRule(rule.Break, beforeTree, afterTree)}
	if before == "" && after == "" {
		return cr, nil
	}
	cr.re, err = regexp2.Compile(`\G(?=(?:` + after + `))(?<=(?:` + before + `))`)
	if err != nil {
		return nil, &Error{File: file, Pos: rule.Pos, Rule: ruleName(lr, i), Msg: "cannot combine beforebreak and afterbreak", Err: err}
	}
	return cr, nil
}

// translatePattern translates a Java pattern and parses the result, so
// that errors are reported against the pattern they come from, and the
// prefilter can analyse it. An empty pattern has no tree.
func translatePattern(java string) (string, *syntax.RegexTree, error) {
	if java == "" {
		return "", nil, nil
	}
	pat, err := javaregex.Translate(java)
	if err != nil {
		return "", nil, err
	}
	tree, err := syntax.Parse(pat, syntax.ParseOptions{})
	if err != nil {
		return "", nil, fmt.Errorf("invalid regular expression: %w", err)
	}
	return pat, tree, nil
}

// Validate compiles every rule of every language rule and every language
// map pattern, and returns all the problems it finds, joined.
func (r *Rules) Validate() error {
	var errs []error
	for i := range r.LanguageRules {
		lr := &r.LanguageRules[i]
		for j := range lr.Rules {
			if _, err := compileRule(r.Name, lr, j); err != nil {
				errs = append(errs, err)
			}
		}
	}
	for _, m := range r.Maps {
		if _, err := compileLanguagePattern(m.Pattern); err != nil {
			errs = append(errs, r.languageMapError(m, err))
		}
	}
	return errors.Join(errs...)
}
