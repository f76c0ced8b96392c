package tmx

import (
	"errors"
	"fmt"
	"time"

	"golang.org/x/text/language"

	"github.com/loctool/loctool/diag"
	"github.com/loctool/loctool/inline"
)

// Memory is a whole TMX document: its header and its units, in order.
// [Reader] reads one unit at a time, for a file too big to hold.
type Memory struct {
	Header Header
	Units  []*Unit
}

// Attrs are the attributes that <header>, <tu> and <tuv> share: which
// tool made the unit or the file, who made and changed it, and when.
type Attrs struct {
	CreationTool        string    // creationtool
	CreationToolVersion string    // creationtoolversion
	CreationDate        time.Time // creationdate, in UTC; zero when absent
	CreationID          string    // creationid: who made it
	ChangeDate          time.Time // changedate, in UTC; zero when absent
	ChangeID            string    // changeid: who changed it last
	// DataType is the format of the text the unit was translated in:
	// "html", "rtf", "plaintext", "unknown" and so on.
	DataType string
	// OTMF is the format of the memory the file was exported from.
	OTMF string
}

// Usage is how often, and when last, a memory offered a unit or variant.
type Usage struct {
	UsageCount    int       // usagecount
	LastUsageDate time.Time // lastusagedate, in UTC; zero when absent
}

// Header is a TMX <header>: the defaults of the units and what the file
// says of itself.
type Header struct {
	Attrs
	// SegType says what a unit holds: "block", "paragraph", "sentence"
	// or "phrase".
	SegType string
	// SrcLang is the language of the units' sources. AllSources is set
	// for srclang="*all*": any variant of a unit can serve as its source.
	SrcLang    language.Tag
	AllSources bool
	// AdminLang is the language of the notes and properties.
	AdminLang language.Tag
	Props     []Prop
	Notes     []Note
}

// Unit is a <tu>: a text and its translations.
type Unit struct {
	// TUID is the unit's ID, when the file gives one.
	TUID string
	Attrs
	Usage
	SegType string
	// SrcLang is the language of the unit's source, where the unit says
	// it: language.Und takes the header's. AllSources is srclang="*all*".
	SrcLang    language.Tag
	AllSources bool
	Props      []Prop
	Notes      []Note
	// Variants are the text in each language, in the order of the file.
	Variants []*Variant
	// Line and Col are where the <tu> start tag is in the file read; 0
	// for a unit made otherwise.
	Line, Col int
}

// Variant is a <tuv>: a unit's text in one language.
type Variant struct {
	Lang language.Tag
	Attrs
	Usage
	Props []Prop
	Notes []Note
	// Seg is the text, with its inline codes: see the package
	// documentation for how TMX's codes map to [inline.Code]s.
	Seg inline.Content
	// Line and Col are where the <tuv> start tag is in the file read.
	Line, Col int
}

// Variant returns the unit's first variant in the language, or nil.
// Tags match exactly: "fr" finds no variant in "fr-CA".
func (u *Unit) Variant(lang language.Tag) *Variant {
	for _, v := range u.Variants {
		if v.Lang == lang {
			return v
		}
	}
	return nil
}

// Prop is a <prop>: a property that a tool defines, such as Trados's
// "x-Domain" or Okapi's "Txt::FileName".
type Prop struct {
	Type string
	Lang language.Tag // language.Und when absent
	Text string
}

// Note is a <note>: a comment.
type Note struct {
	Lang language.Tag // language.Und when absent
	Text string
}

// Limits bound what a reader accepts, so that a hostile or broken file
// cannot exhaust memory or the stack. A zero field takes its value from
// [DefaultLimits].
type Limits struct {
	// MaxBytes is the largest file read, in bytes. A reader holds one
	// unit at a time, so this bounds the time of a read, not its memory.
	MaxBytes int64
	// MaxUnitBytes bounds the bytes of the header, and of each <tu> with
	// the white space and comments before it: what a reader holds at
	// once.
	MaxUnitBytes int64
	// MaxDepth is the deepest nesting of elements.
	MaxDepth int
	// Names are what the caller calls the limits where its users set
	// them, for the messages of [ErrLimit].
	Names LimitNames
}

// LimitNames name the fields of [Limits] in messages.
type LimitNames struct {
	MaxBytes, MaxUnitBytes, MaxDepth string
}

// DefaultLimits are the limits a reader applies unless told otherwise.
// A memory of a million units exported by a CAT tool takes about half a
// gigabyte.
var DefaultLimits = Limits{MaxBytes: 8 << 30, MaxUnitBytes: 4 << 20, MaxDepth: 50,
	Names: LimitNames{MaxBytes: "Limits.MaxBytes", MaxUnitBytes: "Limits.MaxUnitBytes", MaxDepth: "Limits.MaxDepth"}}

// or returns l with the fields it leaves zero taken from defaults.
func (l Limits) or(defaults Limits) Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = defaults.MaxBytes
	}
	if l.MaxUnitBytes <= 0 {
		l.MaxUnitBytes = defaults.MaxUnitBytes
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = defaults.MaxDepth
	}
	if l.Names.MaxBytes == "" {
		l.Names.MaxBytes = defaults.Names.MaxBytes
	}
	if l.Names.MaxUnitBytes == "" {
		l.Names.MaxUnitBytes = defaults.Names.MaxUnitBytes
	}
	if l.Names.MaxDepth == "" {
		l.Names.MaxDepth = defaults.Names.MaxDepth
	}
	return l
}

// ReadOptions are the options of [Read] and [NewReader]. The zero value
// reads with the default limits.
type ReadOptions struct {
	Limits Limits
}

// Sentinel errors, to test with errors.Is. Errors that come from a file
// are [*Error]s that wrap one of them.
var (
	// ErrSyntax is XML that is not well-formed.
	ErrSyntax = errors.New("malformed XML")
	// ErrDTD is a DOCTYPE that declares entities, which are never
	// expanded.
	ErrDTD = errors.New("entity declaration")
	// ErrLimit is a file beyond the [Limits].
	ErrLimit = errors.New("limit exceeded")
	// ErrEncoding is a file in an encoding loctool does not read, or
	// whose bytes are not text in its encoding.
	ErrEncoding = errors.New("unsupported encoding")
	// ErrVersion is a document that is not TMX 1.x.
	ErrVersion = errors.New("unsupported version")
	// ErrInvalid is an element, attribute or value that TMX does not
	// allow where it is.
	ErrInvalid = errors.New("invalid TMX")
	// ErrLanguage is a missing or malformed language tag.
	ErrLanguage = errors.New("bad language")
	// ErrCodes is inline codes that do not pair: a <bpt> without its
	// <ept>, an <ept> without its <bpt>, an i attribute used twice.
	ErrCodes = errors.New("inline codes do not pair")
)

// Error is a problem in a file, at a position.
type Error struct {
	File string
	// Line and Col are 1-based; Col counts characters (Unicode code
	// points) from the start of the line, of the file's text once
	// decoded from UTF-16 or another encoding.
	Line, Col int
	// Msg says what is wrong, and Hint what to do when Msg does not.
	Msg, Hint string
	// TUID is the tuid of the unit the problem is in, when it has one.
	TUID string
	// Kind is the sentinel error the problem is an instance of, such as
	// [ErrCodes].
	Kind error
	// Err is the underlying error, if any, such as an *xml.SyntaxError.
	Err error
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
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

// Diagnostic returns the error as an error diagnostic of its file, for
// [diag.FromError]. Its rule is left empty: the command that reads the
// memory names it.
func (e *Error) Diagnostic() diag.Diagnostic {
	return diag.Diagnostic{
		File:     e.File,
		Start:    diag.Position{Line: e.Line, Col: e.Col},
		Severity: diag.Error,
		Message:  e.Msg,
		Hint:     e.Hint,
		Unit:     e.TUID,
	}
}
