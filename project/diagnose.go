package project

import (
	"errors"

	"github.com/loctool/loctool/diag"
)

// errOtherArticle marks a handoff file whose original is not the article
// its place is for.
var errOtherArticle = errors.New("the file is for another article")

// ruleHints say what to do about the problems of a rule, where the
// project knows more than the reader that found them.
var ruleHints = map[string]string{
	diag.HandoffLanguage: "each language's handoff files go in its own folder under the locales folder: move the file, or correct its language if it was set wrongly",
	diag.HandoffLimit:    "if the file is a genuine handoff file, raise limits.max-size or limits.max-depth in config.yaml",
}

// diagnose turns an error into diagnostics: the readers' errors are at
// their places, with their rules and hints; several joined errors give a
// diagnostic each; any other error is placed at file.
func diagnose(file string, err error) []diag.Diagnostic {
	rule := diag.HandoffRead
	if errors.Is(err, errOtherArticle) {
		rule = diag.HandoffOriginal
	}
	ds := diag.FromError(file, rule, err)
	for i := range ds {
		if ds[i].Hint == "" {
			ds[i].Hint = ruleHints[ds[i].Rule]
		}
	}
	return ds
}
