package project

import (
	"errors"
	"fmt"
	"strings"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/document"
	"github.com/loctool/loctool/i18njson"
	"github.com/loctool/loctool/xliff"
)

// errOtherArticle marks a handoff file whose original is not the article
// its place is for.
var errOtherArticle = errors.New("the file is for another article")

// readerRules names the rule of each kind of error the readers report.
var readerRules = []struct {
	kind error
	rule string
}{
	{errOtherArticle, diag.HandoffOriginal},
	{xliff.ErrCodes, diag.TargetCodes},
	{i18njson.ErrTags, diag.TargetCodes},
	{xliff.ErrLanguage, diag.HandoffLanguage},
	{xliff.ErrSyntax, diag.HandoffSyntax},
	{i18njson.ErrSyntax, diag.HandoffSyntax},
	{xliff.ErrDTD, diag.HandoffDTD},
	{xliff.ErrLimit, diag.HandoffLimit},
	{xliff.ErrVersion, diag.HandoffVersion},
	{xliff.ErrDuplicateID, diag.HandoffDuplicateID},
	{i18njson.ErrDuplicateID, diag.HandoffDuplicateID},
	{xliff.ErrUnknownSegment, diag.HandoffUnknownID},
	{i18njson.ErrUnknownID, diag.HandoffUnknownID},
	{xliff.ErrUnsegmentedTarget, diag.HandoffUnsegmented},
	{i18njson.ErrNoOther, diag.HandoffNoOther},
	{i18njson.ErrPlural, diag.HandoffPlural},
	{xliff.ErrReference, diag.HandoffReference},
	{xliff.ErrMultipleFiles, diag.HandoffFiles},
	{xliff.ErrUnsupported, diag.HandoffUnsupported},
	{xliff.ErrInvalid, diag.HandoffInvalid},
}

func ruleOf(err error) string {
	for _, r := range readerRules {
		if errors.Is(err, r.kind) {
			return r.rule
		}
	}
	return diag.HandoffRead
}

// ruleHints say what to do about the problems of a rule, where the
// project knows more than the reader that found them.
var ruleHints = map[string]string{
	diag.HandoffLanguage: "each language's handoff files go in its own folder under the locales folder: move the file, or correct its language if it was set wrongly",
	diag.HandoffLimit:    "if the file is a genuine handoff file, raise limits.max-size or limits.max-depth in config.yaml",
}

// diagnose turns an error into diagnostics. The readers' errors keep
// their places; several joined errors give a diagnostic each; any other
// error is placed at file.
func diagnose(file string, err error) []diag.Diagnostic {
	var out []diag.Diagnostic
	switch e := err.(type) {
	case *xliff.Error:
		d := diag.Diagnostic{File: e.File, Start: diag.Position{Line: e.Line, Col: e.Col}, Severity: diag.Error, Message: e.Msg, Rule: ruleOf(e)}
		switch {
		case errors.Is(e, xliff.ErrLimit):
			d.Message = strings.NewReplacer("(Limits.MaxDepth)", "(limits.max-depth)", "(Limits.MaxBytes)", "(limits.max-size)").Replace(d.Message)
		case strings.Contains(e.Msg, "U+0000"):
			d.Hint = "XML has no NUL characters: the file is damaged, or not text; ask for it again"
		case strings.HasSuffix(e.Msg, "invalid UTF-8"):
			d.Hint = "the file is not UTF-8 text: an editor may have saved it in another encoding; save it as UTF-8, or ask for it again"
		}
		out = []diag.Diagnostic{d}
	case *document.Error:
		msg := e.Msg
		if e.Err != nil {
			msg += ": " + e.Err.Error()
		}
		out = []diag.Diagnostic{{File: e.File, Start: diag.Position{Line: e.Line, Col: e.Col}, Severity: diag.Error, Message: msg, Rule: diag.ArticleRead}}
	case *i18njson.Error:
		msg := e.Msg
		if e.ID != "" {
			msg = fmt.Sprintf("message %q: %s", e.ID, msg)
		}
		if e.Err != nil {
			msg += ": " + e.Err.Error()
		}
		out = []diag.Diagnostic{{File: e.File, Start: diag.Position{Line: e.Line, Col: e.Col}, Severity: diag.Error, Message: msg, Rule: ruleOf(e), Hint: e.Hint}}
	default:
		if joined, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range joined.Unwrap() {
				out = append(out, diagnose(file, e)...)
			}
			return out
		}
		out = diag.FromError(file, ruleOf(err), err)
	}
	for i := range out {
		if out[i].Hint == "" {
			out[i].Hint = ruleHints[out[i].Rule]
		}
	}
	return out
}
