package xliff

import (
	"errors"
	"fmt"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/diag"
)

// Version is an XLIFF version.
type Version string

const (
	Version12 Version = "1.2"
	// Version20 is read, and written on request: 2.0 and 2.1 share a
	// namespace and differ only in the modules they define.
	Version20 Version = "2.0"
	Version21 Version = "2.1"
	Version22 Version = "2.2"
)

// Namespaces of the XLIFF core.
const (
	ns11 = "urn:oasis:names:tc:xliff:document:1.1" // read as 1.2
	ns12 = "urn:oasis:names:tc:xliff:document:1.2"
	ns20 = "urn:oasis:names:tc:xliff:document:2.0" // 2.0 and 2.1
	ns22 = "urn:oasis:names:tc:xliff:document:2.2"
)

// WriteOptions are the options of [Write].
type WriteOptions struct {
	// Version is the XLIFF version to write: 1.2, 2.0, 2.1 or 2.2.
	Version Version
	// PrefillTargets writes a copy of the source as the target of every
	// segment that has none, with state "new" (1.2) or "initial" (2.x).
	// OmegaT 3.6 translates only what is inside <target>, so files meant
	// for it need this.
	PrefillTargets bool
}

// Limits bound what a reader accepts, so that a hostile or broken file
// cannot exhaust memory or the stack. A zero field takes its value from
// [DefaultLimits].
type Limits struct {
	// MaxBytes is the largest file read, in bytes.
	MaxBytes int64
	// MaxDepth is the deepest nesting of elements.
	MaxDepth int
	// Names are what the caller calls the limits where its users set
	// them, for the messages of [ErrLimit]: "elements nest deeper than
	// 100 levels (limits.max-depth)".
	Names LimitNames
}

// LimitNames name the fields of [Limits] in messages.
type LimitNames struct {
	MaxBytes, MaxDepth string
}

// DefaultLimits are the limits a reader applies unless told otherwise,
// named as the fields of Limits.
var DefaultLimits = Limits{MaxBytes: 256 << 20, MaxDepth: 100,
	Names: LimitNames{MaxBytes: "Limits.MaxBytes", MaxDepth: "Limits.MaxDepth"}}

// Or returns l with the fields it leaves zero taken from defaults.
func (l Limits) Or(defaults Limits) Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = defaults.MaxBytes
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = defaults.MaxDepth
	}
	if l.Names.MaxBytes == "" {
		l.Names.MaxBytes = defaults.Names.MaxBytes
	}
	if l.Names.MaxDepth == "" {
		l.Names.MaxDepth = defaults.Names.MaxDepth
	}
	return l
}

// ReadOptions are the options of [ReadOptions.Read] and
// [ReadOptions.ReadAll]. The zero value reads any languages with the
// default limits.
type ReadOptions struct {
	// SourceLang and TargetLang are the languages the caller expects. When
	// set (not language.Und), a file for other languages is rejected with
	// [ErrLanguage]. A file's tag may be more specific than the expected
	// one: "en-GB" is accepted where "en" is expected.
	SourceLang, TargetLang language.Tag
	// Limits bound the size and nesting of the file.
	Limits Limits
	// FragmentPrefixes registers extension prefixes of XLIFF 2 fragment
	// identifiers ("#f=f1/tbx=t4"), mapping each prefix to its namespace.
	// The prefixes of the XLIFF 2 modules are always known; a reference
	// with any other prefix is rejected, as the specification requires.
	FragmentPrefixes map[string]string
	// KeepCodeMismatches reads a target whose inline codes do not match
	// its source's (a code missing, extra, repeated, or not soundly
	// nested) as it is, instead of rejecting the file with [ErrCodes],
	// for a caller that reports each such target itself, as
	// [inline.CheckCodes] finds them.
	KeepCodeMismatches bool
	// Warn, when set, is told of each part of the file the reader reads
	// past, such as the namespace of XLIFF 1.1, read as 1.2: the file
	// reads, and the warning, a diagnostic of severity warning, says how
	// the part was taken.
	Warn func(diag.Diagnostic)
}

// Sentinel errors, to test with errors.Is. Errors that come from a file
// are [*Error]s that wrap one of them.
var (
	// ErrSyntax is XML that is not well-formed, or not XLIFF.
	ErrSyntax = errors.New("malformed XML")
	// ErrDTD is a DOCTYPE that declares entities, which are never expanded.
	ErrDTD = errors.New("entity declaration")
	// ErrLimit is a file beyond the [Limits].
	ErrLimit = errors.New("limit exceeded")
	// ErrVersion is an XLIFF version or namespace that is not supported.
	ErrVersion = errors.New("unsupported version")
	// ErrInvalid is an element, attribute or value the XLIFF
	// specification does not allow where it is.
	ErrInvalid = errors.New("invalid XLIFF")
	// ErrDuplicateID is an ID used twice where it must be unique.
	ErrDuplicateID = errors.New("duplicate ID")
	// ErrUnknownSegment is a target segment with no source segment.
	ErrUnknownSegment = errors.New("unknown segment")
	// ErrReference is a reference to something that is not there, or not
	// allowed: a dataRef, startRef, copyOf, subFlows, fragment identifier.
	ErrReference = errors.New("bad reference")
	// ErrCodes is a target whose inline codes do not match its source's,
	// or codes that break the rules of their pairing and editing hints.
	ErrCodes = errors.New("inline codes do not match")
	// ErrLanguage is a missing, malformed or unexpected language.
	ErrLanguage = errors.New("wrong language")
	// ErrUnsupported is valid XLIFF that loctool cannot represent, such as
	// inline codes between segments.
	ErrUnsupported = errors.New("unsupported")
	// ErrMultipleFiles is a document of several <file>s given to Read;
	// ReadAll reads them.
	ErrMultipleFiles = errors.New("several files")
)

// Error is a problem in a file, at a position.
type Error struct {
	File string
	// Line and Col are 1-based; Col counts characters (Unicode code
	// points) from the start of the line, of the file's text once
	// decoded from UTF-16 or another encoding.
	Line, Col int
	// Msg says what is wrong. A problem inside a unit names the unit.
	Msg string
	// Hint says what to do, when the message does not.
	Hint string
	// Unit and Segment are the IDs of the unit and the segment the
	// problem is in, as the [handoff.File] has them; empty when it is in
	// none.
	Unit, Segment string
	// Kind is the sentinel error the problem is an instance of, such as
	// [ErrDuplicateID].
	Kind error
	// Err is the underlying error, if any, such as an *inline.CodeError.
	Err error
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// rules are the rules of the diagnostics of each kind of error.
var rules = map[error]string{
	ErrSyntax:         diag.HandoffSyntax,
	ErrDTD:            diag.HandoffDTD,
	ErrLimit:          diag.HandoffLimit,
	ErrVersion:        diag.HandoffVersion,
	ErrInvalid:        diag.HandoffInvalid,
	ErrDuplicateID:    diag.HandoffDuplicateID,
	ErrUnknownSegment: diag.HandoffUnknownID,
	ErrReference:      diag.HandoffReference,
	ErrCodes:          diag.TargetCodes,
	ErrLanguage:       diag.HandoffLanguage,
	ErrUnsupported:    diag.HandoffUnsupported,
	ErrMultipleFiles:  diag.HandoffFiles,
}

// Diagnostic returns the error as a diagnostic of its file, whose rule
// its kind gives: [diag.HandoffDuplicateID] for [ErrDuplicateID], and
// [diag.HandoffRead] for a kind of no rule of its own.
func (e *Error) Diagnostic() diag.Diagnostic {
	rule, ok := rules[e.Kind]
	if !ok {
		rule = diag.HandoffRead
	}
	return diag.Diagnostic{
		File:     e.File,
		Start:    diag.Position{Line: e.Line, Col: e.Col},
		Severity: diag.Error,
		Rule:     rule,
		Message:  e.Msg,
		Hint:     e.Hint,
		Unit:     e.Unit,
		Segment:  e.Segment,
	}
}

// Unwrap returns the kind and the underlying error, for errors.Is and
// errors.As.
func (e *Error) Unwrap() []error {
	var errs []error
	if e.Kind != nil {
		errs = append(errs, e.Kind)
	}
	if e.Err != nil {
		errs = append(errs, e.Err)
	}
	return errs
}
