package project

import (
	"errors"
	"fmt"
	"strings"

	"github.com/loctool/loctool/document"
	"github.com/loctool/loctool/i18njson"
	"github.com/loctool/loctool/internal/place"
	"github.com/loctool/loctool/xliff"
)

// Severity of a diagnostic.
type Severity string

// The severities.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Diagnostic is a problem found at a place in a file. It prints as
// compilers print theirs: file:line:col: severity: message [rule].
type Diagnostic struct {
	File     string   `json:"file"`
	Line     int      `json:"line,omitempty"`   // 1-based; 0 when unknown
	Col      int      `json:"column,omitempty"` // 1-based, in characters; 0 when unknown
	Severity Severity `json:"severity"`
	Msg      string   `json:"message"`
	// Rule names the kind of problem: target.missing, target.stale,
	// target.unused, target.review, target.codes, article.read, or
	// handoff.… for a handoff file that cannot be used.
	Rule string `json:"rule"`
	// Hint says what to do, when the message does not.
	Hint string `json:"hint,omitempty"`
}

func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(place.String(d.File, d.Line, d.Col))
	fmt.Fprintf(&b, ": %s: %s", d.Severity, d.Msg)
	if d.Rule != "" {
		fmt.Fprintf(&b, " [%s]", d.Rule)
	}
	if d.Hint != "" {
		b.WriteString("\n\thint: ")
		b.WriteString(d.Hint)
	}
	return b.String()
}

// The rules of the diagnostics merge and extract report.
const (
	RuleMissing  = "target.missing"
	RuleStale    = "target.stale"
	RuleUnused   = "target.unused"
	RuleReview   = "target.review"
	RuleCodes    = "target.codes"
	RuleLanguage = "handoff.language"
	RuleOriginal = "handoff.original"
	RulePath     = "handoff.path"
	RuleArticle  = "handoff.article"
	RuleRead     = "handoff.read"
	RuleSource   = "article.read"
)

// errOtherArticle marks a handoff file whose original is not the article
// its place is for.
var errOtherArticle = errors.New("the file is for another article")

// readerRules names the rule of each kind of error the readers report.
var readerRules = []struct {
	kind error
	rule string
}{
	{errOtherArticle, RuleOriginal},
	{xliff.ErrCodes, RuleCodes},
	{i18njson.ErrTags, RuleCodes},
	{xliff.ErrLanguage, RuleLanguage},
	{xliff.ErrSyntax, "handoff.syntax"},
	{i18njson.ErrSyntax, "handoff.syntax"},
	{xliff.ErrDTD, "handoff.dtd"},
	{xliff.ErrLimit, "handoff.limit"},
	{xliff.ErrVersion, "handoff.version"},
	{xliff.ErrDuplicateID, "handoff.duplicate-id"},
	{i18njson.ErrDuplicateID, "handoff.duplicate-id"},
	{xliff.ErrUnknownSegment, "handoff.unknown-id"},
	{i18njson.ErrUnknownID, "handoff.unknown-id"},
	{xliff.ErrUnsegmentedTarget, "handoff.unsegmented"},
	{i18njson.ErrNoOther, "handoff.no-other"},
	{i18njson.ErrPlural, "handoff.plural"},
	{xliff.ErrReference, "handoff.reference"},
	{xliff.ErrMultipleFiles, "handoff.files"},
	{xliff.ErrUnsupported, "handoff.unsupported"},
	{xliff.ErrInvalid, "handoff.invalid"},
}

func ruleOf(err error) string {
	for _, r := range readerRules {
		if errors.Is(err, r.kind) {
			return r.rule
		}
	}
	return RuleRead
}

// Diagnose turns an error into diagnostics. The readers' errors keep
// their places; several joined errors give a diagnostic each; any other
// error is placed at file.
func Diagnose(file string, err error) []Diagnostic { return diagnose(file, err) }

func diagnose(file string, err error) []Diagnostic {
	switch e := err.(type) {
	case *xliff.Error:
		d := Diagnostic{File: e.File, Line: e.Line, Col: e.Col, Severity: Error, Msg: e.Msg, Rule: ruleOf(e)}
		switch {
		case d.Rule == RuleLanguage:
			d.Hint = "each language's handoff files go in its own folder under the locales folder: move the file, or correct its language if it was set wrongly"
		case errors.Is(e, xliff.ErrLimit):
			d.Msg = strings.NewReplacer("(Limits.MaxDepth)", "(limits.max-depth)", "(Limits.MaxBytes)", "(limits.max-size)").Replace(d.Msg)
			d.Hint = "if the file is a genuine handoff file, raise limits.max-size or limits.max-depth in config.yaml"
		case strings.Contains(e.Msg, "U+0000"):
			d.Hint = "XML has no NUL characters: the file is damaged, or not text; ask for it again"
		case strings.HasSuffix(e.Msg, "invalid UTF-8"):
			d.Hint = "the file is not UTF-8 text: an editor may have saved it in another encoding; save it as UTF-8, or ask for it again"
		}
		return []Diagnostic{d}
	case *document.Error:
		msg := e.Msg
		if e.Err != nil {
			msg += ": " + e.Err.Error()
		}
		return []Diagnostic{{File: e.File, Line: e.Line, Col: e.Col, Severity: Error, Msg: msg, Rule: RuleSource}}
	case *i18njson.Error:
		msg := e.Msg
		if e.ID != "" {
			msg = fmt.Sprintf("message %q: %s", e.ID, msg)
		}
		if e.Err != nil {
			msg += ": " + e.Err.Error()
		}
		return []Diagnostic{{File: e.File, Line: e.Line, Col: e.Col, Severity: Error, Msg: msg, Rule: ruleOf(e), Hint: e.Hint}}
	}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		var out []Diagnostic
		for _, e := range joined.Unwrap() {
			out = append(out, diagnose(file, e)...)
		}
		return out
	}
	return []Diagnostic{{File: file, Severity: Error, Msg: err.Error(), Rule: ruleOf(err)}}
}
