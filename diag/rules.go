package diag

import (
	"path"
	"slices"
	"strings"
)

// Rule is a kind of problem loctool reports.
type Rule struct {
	ID string
	// Default is the rule's severity unless config.yaml's
	// check.severity changes it.
	Default Severity
	// Commands are the commands that report it.
	Commands []string
	// Description says in a line what it finds.
	Description string
}

// The rules' IDs. A family's prefix says what is at fault: spelling.* an
// article's spelling, term.* and target.* a translation, consistency.*
// translations across files, handoff.* a handoff file, article.* an
// article, glossary.* a glossary file, srx.* a segmentation rules file.
const (
	SpellingVariant      = "spelling.variant"
	SpellingInconsistent = "spelling.inconsistent"
	SpellingMixedScript  = "spelling.mixed-script"

	TermTarget = "term.target"

	TargetMissing      = "target.missing"
	TargetUntranslated = "target.untranslated"
	TargetStale        = "target.stale"
	TargetReview       = "target.review"
	TargetCodes        = "target.codes"
	TargetUnused       = "target.unused"
	TargetOrder        = "target.order"
	TargetNumbers      = "target.numbers"
	TargetPunctuation  = "target.punctuation"
	TargetWhitespace   = "target.whitespace"
	TargetDoubleSpace  = "target.double-space"
	TargetDoubleWord   = "target.double-word"
	TargetBrackets     = "target.brackets"

	ConsistencyTarget = "consistency.target"
	ConsistencySource = "consistency.source"

	HandoffPath        = "handoff.path"
	HandoffRead        = "handoff.read"
	HandoffArticle     = "handoff.article"
	HandoffOriginal    = "handoff.original"
	HandoffLanguage    = "handoff.language"
	HandoffSyntax      = "handoff.syntax"
	HandoffDTD         = "handoff.dtd"
	HandoffLimit       = "handoff.limit"
	HandoffVersion     = "handoff.version"
	HandoffInvalid     = "handoff.invalid"
	HandoffDuplicateID = "handoff.duplicate-id"
	HandoffUnknownID   = "handoff.unknown-id"
	HandoffReference   = "handoff.reference"
	HandoffUnsupported = "handoff.unsupported"
	HandoffFiles       = "handoff.files"
	HandoffNoOther     = "handoff.no-other"
	HandoffPlural      = "handoff.plural"
	HandoffAmbiguous   = "handoff.ambiguous"

	ArticleRead = "article.read"

	GlossaryStatus         = "glossary.status"
	GlossarySharedSpelling = "glossary.shared-spelling"

	SRXCascade = "srx.cascade"
	SRXOption  = "srx.option"
)

// The commands that report rules, as Rule.Commands names them.
var (
	checkOnly     = []string{"check"}
	qa            = []string{"check", "status"}
	merging       = []string{"merge"}
	everyReader   = []string{"check", "extract", "merge", "status"}
	namedHandoffs = []string{"check", "merge"}
	replaced      = []string{"extract", "merge"}
	glossaries    = []string{"check", "extract", "glossary", "status"}
	segmenters    = []string{"check", "extract", "merge", "segment", "status"}
)

// Rules lists every rule loctool reports, in the order of its families.
var Rules = []Rule{
	{SpellingVariant, Error, checkOnly, "A variant or forbidden spelling of a glossary concept"},
	{SpellingInconsistent, Warning, checkOnly, "Two spellings of what looks like one name, which no glossary entry covers"},
	{SpellingMixedScript, Error, qa, "A word that mixes Latin and Cyrillic letters, such as a Latin name typed with a Cyrillic look-alike, in an article or a translation"},
	{TermTarget, Error, qa, "A glossary concept of the source that the translation spells wrongly or not at all"},
	{TargetUntranslated, Warning, qa, "No translation, or a copy of the source, for a sentence with words to translate"},
	{TargetStale, Error, []string{"check", "merge", "status"}, "A translation of a sentence the article has changed since"},
	{TargetCodes, Error, []string{"check", "merge", "status"}, "Inline codes missing, extra, repeated or not soundly nested in the translation"},
	{TargetNumbers, Error, qa, "A number of the source that the translation does not have"},
	{TargetPunctuation, Warning, qa, "A translation that ends with other punctuation than its source"},
	{TargetWhitespace, Warning, qa, "White space at the ends of a translation that differs from its source's"},
	{TargetDoubleSpace, Warning, qa, "Two spaces in a row in a translation"},
	{TargetDoubleWord, Warning, qa, "A word twice in a row in a translation"},
	{TargetBrackets, Warning, qa, "Quotes or brackets that do not pair in a translation as in its source"},
	{ConsistencyTarget, Warning, checkOnly, "One source sentence translated in different ways"},
	{ConsistencySource, Info, checkOnly, "Different source sentences translated alike"},
	{TargetMissing, Error, merging, "A sentence without a usable translation, which merge does not publish"},
	{TargetReview, Error, merging, "A translation marked for review, which merge does not publish until it is confirmed"},
	{TargetUnused, Warning, merging, "A translation whose sentence is no longer in the article"},
	{TargetOrder, Error, merging, "A translation moved to another place of its paragraph (XLIFF 2's order) where the paragraph has changed since"},
	{HandoffPath, Error, namedHandoffs, "A handoff file outside the place of a handoff file: locales/<language>/<article>.xlf or .json"},
	{HandoffRead, Error, everyReader, "A handoff file that cannot be read"},
	{HandoffArticle, Error, namedHandoffs, "A handoff file whose article does not exist, or cannot be read"},
	{HandoffOriginal, Error, replaced, "A handoff file whose original leads out of the project, or names another article"},
	{HandoffLanguage, Error, everyReader, "A handoff file of another language than its folder's, or in a folder that is no target language"},
	{HandoffSyntax, Error, everyReader, "A handoff file that is not well-formed XML, JSON, TOML or YAML"},
	{HandoffDTD, Error, everyReader, "A handoff file whose DOCTYPE declares entities"},
	{HandoffLimit, Error, everyReader, "A handoff file larger, or nested deeper, than limits: of config.yaml allow"},
	{HandoffVersion, Error, everyReader, "An XLIFF version or namespace that loctool does not read; XLIFF 1.1, read as 1.2, is a warning"},
	{HandoffInvalid, Error, everyReader, "An element, attribute, value or character that XLIFF or JSON does not allow where it is"},
	{HandoffDuplicateID, Error, everyReader, "An ID used twice where it must be unique"},
	{HandoffUnknownID, Error, everyReader, "A translation of a segment or message the file's source does not have"},
	{HandoffReference, Error, everyReader, "A reference to something that is not in the file, or not allowed"},
	{HandoffUnsupported, Error, everyReader, "Valid XLIFF that loctool cannot hold, such as inline codes between segments"},
	{HandoffFiles, Error, everyReader, "An XLIFF document of several files where one is expected"},
	{HandoffNoOther, Error, everyReader, `A JSON message without its "other" text`},
	{HandoffPlural, Error, everyReader, "A JSON message with plural forms, which articles do not have"},
	{HandoffAmbiguous, Error, everyReader, "A returned JSON file whose messages cannot be tied to one version of the article that loctool sent"},
	{ArticleRead, Error, everyReader, "An article that cannot be read: not UTF-8, a control character, an unknown format"},
	{GlossaryStatus, Warning, glossaries, "A term status of a TBX or CSV glossary that loctool does not know: the term is taken as accepted"},
	{GlossarySharedSpelling, Warning, glossaries, "A spelling two concepts of one TBX or CSV glossary share: the first concept keeps it"},
	{SRXCascade, Warning, segmenters, "An SRX 2.0 header without the cascade attribute: every matching language map applies, as OmegaT reads its own rules"},
	{SRXOption, Warning, segmenters, "An Okapi option of an SRX file that loctool does not honour, such as useIcu4jBreakRules=\"yes\" or a range rule"},
}

// Lookup returns the rule with the ID, or false.
func Lookup(id string) (Rule, bool) {
	i := slices.IndexFunc(Rules, func(r Rule) bool { return r.ID == id })
	if i < 0 {
		return Rule{}, false
	}
	return Rules[i], true
}

// Match reports whether a rule ID matches a pattern: an ID, or a
// path.Match pattern such as target.*.
func Match(pattern, id string) bool {
	ok, _ := path.Match(pattern, id)
	return ok
}

// Settable reports whether config.yaml's check settings apply to the
// rule: the rules of the check's own families, spelling.*, term.*,
// target.* and consistency.*, that check reports. A handoff file or an
// article that cannot be read is always an error.
func (r Rule) Settable() bool {
	if !slices.Contains(r.Commands, "check") {
		return false
	}
	switch family(r.ID) {
	case "spelling", "term", "target", "consistency":
		return true
	}
	return false
}

// SettableIDs returns the IDs of the rules config.yaml's check settings
// apply to, in order.
func SettableIDs() []string {
	var ids []string
	for _, r := range Rules {
		if r.Settable() {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

func family(id string) string {
	f, _, _ := strings.Cut(id, ".")
	return f
}
