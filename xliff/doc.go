// Package xliff writes and reads the translation units of a
// [handoff.File] as XLIFF 1.2, 2.0, 2.1 and 2.2, the files translators
// open in their CAT tools.
//
// [Write] writes a file; [Read] reads one back, taking the version from
// the namespace, and [ReadOptions] adds the languages the caller expects,
// [Limits], a callback for warnings ([ReadOptions.Warn]) and, with [ReadOptions.ReadAll],
// documents of several files.
// Problems in a file are [*Error]s, "file:line:col: message", that wrap
// a sentinel such as [ErrDuplicateID] or [ErrCodes] for errors.Is. Their
// columns, and those of the segments read ([handoff.Segment].Col), count
// characters, not bytes. An error inside a unit names the unit in its
// message, and its Unit and Segment fields say which; [Error.Diagnostic]
// turns it into the [diag.Diagnostic] of the rule its sentinel stands
// for, with the hint made with it (for a file that is not UTF-8 text).
//
// # Versions
//
// XLIFF 1.2 (namespace urn:oasis:names:tc:xliff:document:1.2) gets one
// <file original source-language target-language datatype>, and one
// <trans-unit xml:space="preserve"> per unit holding the unit's whole
// <source>, a <seg-source> with a <mrk mtype="seg" mid> per segment and
// the white space between them as text, and a <target> marked the same
// way with the segments that have a translation. Unit notes are <note>s
// (see Notes and comments below). 1.2 has no place for a code's original markup that the strict
// schema accepts on an inline element, so each unit ends with one
// <context-group purpose="x-loctool-code" name="UNIT/CODE"> per code,
// whose <context context-type="x-open">, "x-close" or "x-placeholder"
// holds the markup; tools keep context groups untouched, and a file
// without them still reads, with empty markup. A merge should take the
// markup from the current source article anyway.
//
// XLIFF 2.0 and 2.1 (namespace urn:oasis:names:tc:xliff:document:2.0,
// version "2.0" or "2.1") and 2.2 (its own namespace) get <xliff srcLang
// trgLang>, one <file id="f1" original xml:space="preserve">, one <unit>
// per unit, a <segment id state> per segment with <source> and
// <target>, an <ignorable> for each run of white space between
// segments, notes in <notes>, and the markup of codes in <originalData>.
// XLIFF 2 has no datatype attribute: the datatype goes into the metadata
// module, <mda:meta type="datatype"> in a metaGroup of category
// "loctool". Every file written validates against the OASIS schemas.
//
// With [WriteOptions.PrefillTargets], every segment without a target
// gets a copy of its source with an untranslated state: OmegaT 3.6
// translates only the text inside <target>.
//
// # What loctool says of a unit
//
// A unit's kind ([handoff.Unit.Kind]), the glossary's concepts it names
// ([handoff.Unit.Glossary]), the article a unit of the obsolete store
// comes from ([handoff.Unit.Origin]) and, for a translation kept for
// review on a sentence that has changed, the source it was made for
// ([handoff.Segment.Was]) each have a place of their own, which the
// schemas accept and CAT tools keep:
//
//	field      XLIFF 1.2                                     XLIFF 2
//	Kind       <trans-unit restype="x-heading">              <unit type="loctool:heading">
//	Was        <alt-trans mid="s1"                           <mtc:match ref="#s1" type="other"
//	             alttranstype="previous-version"               subType="loctool:previous-version"
//	             origin="loctool">                             origin="loctool">
//	Glossary   <context-group purpose="x-loctool-glossary">  <gls:glossEntry> of the glossary module
//	             with contexts x-concept, x-term,
//	             x-translation, x-definition
//	Origin     <context-group purpose="location">            <mda:meta type="origin"> in a
//	             <context context-type="sourcefile">           metaGroup of category "loctool"
//
// A kind's white space, colons and percent signs are percent-encoded
// ("odd kind" is x-odd%20kind). The <alt-trans> and the match hold the
// source the translation was made for as their <source>, and the
// translation as their <target>: a CAT tool can show the two beside the
// segment, and a translator see what changed. XLIFF 2's glossary module
// has a place for the concept's ID only in an entry with neither a
// translation nor a definition ("concept ID" as its definition).
//
// The writers also word these fields as notes ([handoff.Unit.Remarks]:
// "heading", "s1 was: …", and in XLIFF 1.2 "Glossary: …"), from
// "loctool", "loctool:was" and "loctool:glossary", and the origin as a
// note from "loctool" (of category "loctool" in XLIFF 2): that is what
// translators see in most tools. The readers decode each field from its own encoding and
// drop those notes when it is there. Files that earlier versions of
// loctool wrote have only the notes: the kind (as the note's words,
// "list item") and the sources translations were made for are decoded
// from them, the one place where a reader reads the text of a note,
// and their glossary notes stay notes. Notes that others write, and
// notes of other authors and categories, are [handoff.Unit.Notes], as
// they are.
//
// # Notes and comments
//
// Every note loctool did not write is read and written back with what it
// says of itself:
//
//	handoff.Note   XLIFF 1.2 <note>          XLIFF 2 <note>
//	Text           its text                  its text
//	From           from                      category
//	Priority       priority (1–10)           priority (1–10)
//	AppliesTo      annotates (source,        appliesTo (source, target)
//	               target; general is "")
//	Lang           xml:lang                  xml:lang
//	ID             (no place: dropped)       id
//
// The 1.2 reader leaves out a priority or language the schema does not
// allow; the writers refuse them.
//
// A comment on a span of a target ([handoff.Segment.Comments]) is, in
// XLIFF 2, a comment annotation: an <mrk type="comment"> with the
// comment as its value, or with a ref ("#n=ID") to the unit's note that
// is the comment; an <sm>…<em> pair where it does not nest with the
// codes and the other comments, and a pair that spans several targets
// is a comment on each. In XLIFF 1.2 it is an <mrk comment> of any
// mtype, written mtype="x-comment" with the comment, or the text of the
// note it is (1.2 notes have no ID); 1.2's <mrk>s must nest, so a pair of
// codes a comment crosses is written <bx/>…<ex/> rather than <g>, and a
// comment that crosses another is written in two parts, cut where the
// other ends. A comment's span counts one for each character of the
// target and one for each code, so it survives a file read and written
// again in either version, and a translation carried to a new unit can
// take its comments with it. A comment on a source, the article's text, is a
// note on the unit that applies to the source. The writers check that a
// comment's span is in its target, and that the note it is exists.
//
// # Translations kept for review
//
// A segment with a translation kept for review (a [handoff.Segment.Was])
// reads NeedsReview, with its Was, until someone confirms the
// translation, whatever the states of the other segments of its unit. A
// person confirms it by writing another translation: a target that is
// not the same words ([handoff.SameWords]: white space and Unicode
// normalization aside) as the one kept, the <target> of its <alt-trans>
// or match. Or a state says a person confirmed it after loctool wrote
// it: loctool never writes such a state on a translation kept for
// review. A confirmed segment reads with its state, Translated at least,
// and no Was; a segment left without a target has no translation to
// review, and no Was either. The writers write a segment with a Was as
// needing review, and its Was only when it has a target. What counts as
// confirmed, besides a new target:
//
//	format, tool    a state that confirms                  a state that does not
//	XLIFF 1.2       <target state> translated, signed-off  new, needs-translation,
//	                or final; <trans-unit approved="yes">  needs-review-*, needs-adaptation,
//	                                                       needs-l10n, an x- state, none
//	OmegaT 3.6      none: OmegaT never changes states, so only a new target confirms
//	Trados Studio   Translated, ApprovedTranslation or     Draft, RejectedTranslation,
//	                ApprovedSignOff, the conf of the       RejectedSignOff, none
//	                segment's <sdl:seg> in <sdl:seg-defs>;
//	                without one, the state as in XLIFF 1.2
//	memoQ           the trans-unit's mq:status (namespace  NotStarted, Edited,
//	                MQXliff) ManuallyConfirmed,            PartiallyEdited, Pretranslated,
//	                Reviewer1Confirmed,                    MachineTranslated, Rejected…
//	                Reviewer2Confirmed or Proofread;
//	                or the state as in XLIFF 1.2
//	XLIFF 2         <segment state> translated without     initial, none, translated with
//	                subState loctool:needs-review,         subState loctool:needs-review
//	                reviewed or final
//
// XLIFF 1.2 has one state for a unit's target, the least advanced of its
// segments' as loctool writes it: a tool that sets it for the whole unit
// confirms each of its sentences, and Trados Studio's level, which is
// the segment's own, decides for the segment when the file has it. A
// file that has lost the translation kept (one of an earlier version of
// loctool, with notes only) is confirmed by a state alone.
//
// # Inline codes
//
// A pair of codes within one segment, soundly nested, becomes one
// element around its content: <g> in 1.2, <pc> in 2.x (which also needs
// both halves to have one type). A half whose partner is in another
// segment, or that crosses another pair, is written alone: <bx>/<ex> in
// 1.2, <sc>/<ec> in 2.x, marked isolated="yes" when its partner is not on
// the same side (source or targets) of the unit. A placeholder is <x/> or
// <ph/>. The ctype of 1.2 and XLIFF 2's type and subType map as follows;
// any other ctype ("x-code") is kept whole as type "other" with subType
// "loctool:x-code", and 2.x types loctool does not know read as "x-"
// types ("fmt" as "x-fmt").
//
//	ctype        type / subType
//	bold         fmt / xlf:b
//	italic       fmt / xlf:i
//	underlined   fmt / xlf:u
//	lb           fmt / xlf:lb
//	pb           fmt / xlf:pb
//	link         link
//	image        image
//
// A placeholder may repeat in an XLIFF 1.2 source or target, the same
// element with the same attributes and content: Angular writes <x
// id="INTERPOLATION"/> for each {{ name }} of a message that shows one
// value twice, and <x id="CLOSE_TAG_SPAN"/> for each </span>. Each
// occurrence is a code of its own with that ID, and a target has it as
// many times as its source, in any order. XLIFF 2 gives each code an ID
// of its own, so the writers write such a unit in 1.2 only. Any other ID
// that names two codes in one source (a placeholder that differs, a
// pair's ID used again, by a placeholder or another pair), as Trados
// Studio repeats <g id="203"> for each use of one tag and MadCap Flare
// writes <ph id="1"> and <bpt id="1">, gives each code after the first
// an ID of its own in the model, "203.2", "203.3", one the unit does not
// use. The target's codes with that ID take the source's in order of
// appearance, pairs with pairs and placeholders with placeholders (a
// placeholder that is the same element as one of the source's takes
// that one), so that the target must still have each code of the
// source once.
//
// A code's display text is 1.2's equiv-text and 2.x's disp (dispStart
// and dispEnd on <pc>). What a 1.2 element cannot say (a ctype the
// schema does not allow there, the type of an <ex>, a target code that
// differs from its source code) goes into the context group as well.
//
// In XLIFF 2, every code of the source is marked canCopy="no"
// canDelete="no": translators may move codes, not copy or drop them.
// IDs that are not XML NMTOKENs, which XLIFF 2 IDs and 1.2 mids must be,
// are encoded reversibly as _xHHHH_ for each character other than an
// ASCII letter, digit, '-', '.' or ':', as .NET's XmlConvert does.
//
// # States
//
//	handoff            XLIFF 1.2 <target state>     XLIFF 2 state / subState
//	New                new                          initial
//	NeedsTranslation   needs-translation            initial / loctool:needs-translation
//	NeedsReview        needs-review-translation     translated / loctool:needs-review
//	Translated         translated                   translated
//	Reviewed           signed-off                   reviewed
//	Final              final                        final
//
// XLIFF 1.2 has one state for a unit's <target>, and a unit's segments
// may differ: the writer uses the least advanced state of the segments
// that have a target, so that a prefilled source copy is never taken for
// a translation, and marks approved="yes" the trans-units whose every
// segment is a confirmed translation ([handoff.Segment.IsConfirmed]):
// Translate Toolkit takes a unit that is not approved for fuzzy, and
// its xliff2po makes a fuzzy PO entry of it. Reading 1.2,
// needs-adaptation, needs-l10n and the other needs-review-* states are
// NeedsReview, a <target> without a state (or with a custom x- state) is
// Translated, approved="yes" makes a state at least Translated, as
// Translate Toolkit reads it, and a segment without a target is New.
// Translate Toolkit's pomerge writes a PO entry left fuzzy as
// state="needs-translation" approved="no", and one that is not as
// state="translated" approved="yes": approved="no" on a target whose
// state says less than translated makes it NeedsReview, a translation
// withheld in so many words. Reading 2.x, other subStates are
// ignored, and a segment without a target is New, or NeedsTranslation
// when its subState says so; the writers write it so. A translation kept
// for review is the exception to the states of both versions: it stays
// NeedsReview until confirmed (see above).
//
// # What the readers accept and reject
//
// Parsing is safe: encoding/xml in strict mode, no entities beyond XML's
// five and character references, no DTD is ever read, a DOCTYPE that
// declares entities is rejected ([ErrDTD]), and [Limits] bound the size
// (256 MB) and nesting depth (100) of a file ([ErrLimit]; the message
// names the limit as [Limits].Names says: a caller whose users set
// limits.max-depth in a configuration file has the message name that). A byte order
// mark, UTF-16 and the encodings of the WHATWG list are accepted.
//
// The 1.2 reader is tolerant of what CAT tools write: XLIFF 1.1, read
// as 1.2 with a warning at its root element (Translate Toolkit's
// po2xliff writes it; 1.0 is refused), any attribute order, namespace
// prefixes (and a missing namespace), CDATA, character references,
// CRLF, groups, <alt-trans>, count and prop groups, binary units,
// extension elements and attributes where the schema has room for them,
// annotation <mrk>s (kept as text, and their comment attribute as a
// comment), <ph>, <bpt>, <ept> and <it> (their content is the markup, a
// <sub> in it too), bpt/ept and bx/ex paired by rid, repeated
// placeholders (see Inline codes), codes outside the segment markers, a
// state-less <target>, and a unit without <seg-source> (one segment,
// "1"). A code outside the markers goes to
// the segment beside it, with no text between them: to the start of the
// next, or else to the end of the one before, so that the unit's content
// is the same. Trados Studio writes <g id="1"><mrk mtype="seg"
// mid="1">…</mrk></g> in <seg-source> and <target>: the segment reads as
// its content in that code, and is written with the <g> inside the
// marker. A target marker with nothing in it but white space is no
// translation, whatever codes stand around it. The reader is strict
// about what would lose or misplace a translation: duplicate trans-unit
// IDs or mids, a target mid the <seg-source> lacks ([ErrUnknownSegment]),
// text outside the segment markers (and codes with text between them and
// every segment), and a target whose codes differ from its
// source's: every code of the source must come back once, soundly nested
// ([inline.CheckCodes]; a crossing the source has itself is not held
// against the target). An extension element inside a <target>, which
// the schema does not allow, is refused ([ErrInvalid]) rather than
// dropped with its text, or kept: its text may be the translation's, or
// not (a tool's tracked deletion, a comment), and only a person can tell;
// as a code it would put markup no one wrote into the article. In a
// source, where the article decides anyway, it is ignored.
//
// Nothing unprintable comes from a translation. A control character in
// a target (C0 but tab, line feed and carriage return, DEL, C1:
// [handoff.IsControl]) is an error at its element, naming the unit and
// the segment, unless the target is a copy of its source: as a C0
// character or reference, or bytes that are not UTF-8, or a reference to
// half a surrogate pair, the file is not XML ([ErrSyntax], at the
// character, rule handoff.syntax); as DEL or C1, or as XLIFF 2's <cp>,
// whose characters are all ones XML cannot hold, it is [ErrInvalid]
// (rule handoff.invalid). Sources may hold them.
//
// OmegaT fills <target>, never updates state, and may drop the segment
// markers of a target. Since OmegaT leaves state="new", whether a
// segment is translated is [handoff.Segment.IsTranslated]'s to decide.
//
// # Paragraph translations
//
// A target without markers goes to the unit's only segment. In a unit of
// several segments it is the translation of the whole paragraph, as
// tools that drop the segment markers write it (Translate Toolkit's
// pomerge and po2xliff, the npm xliff package, ilib): it is not divided
// among the sentences, whose own sentences need not match the source's,
// but read as the unit's one segment, whose source is the unit's whole
// source and whose ID is that of its first segment. Its codes are
// checked against the whole source, its state is the target's, and when
// a sentence of the unit had a translation kept for review, its Was is
// the paragraph as it was then (each such sentence as its Was gives it):
// the paragraph's translation as loctool kept it is not in the file, so
// only a state confirms it. XLIFF 2 has no target of several segments:
// tools write one segment per unit, read as it is. The handoff package
// says how such a segment stands for the sentences of its paragraph.
//
// A target that holds no code and only white space, or nothing (<target/>,
// <target></target>, an empty <mrk mtype="seg"> in a 1.2 target, an empty
// XLIFF 2 <target/>), is no target, whatever codes the source has: the
// segment reads untranslated (Target nil, and New unless XLIFF 2 says
// needs-translation), never as a translation that leaves codes out. Tools
// write such targets for segments not translated yet; in XLIFF 2 such a
// target leaves out no code marked canDelete="no" either, which the
// specification would have it do.
//
// The 2.x reader checks the structure the schema defines and the
// processing rules it cannot: unique IDs of files, groups, units, notes,
// data, segments, ignorables and inline elements; dataRef, startRef,
// copyOf, subFlows and fragment-identifier references ([ErrReference]);
// the pairing of <sc>/<ec> and <sm>/<em>, isolated, and equal editing
// hints on both halves; canDelete, canCopy and canReorder ([ErrCodes]);
// target order; <cp> values; types and subTypes; comment annotations;
// extension attributes only where XLIFF allows them, and extension
// elements only at the extension points; the Format Style and Size
// Restriction attributes and the element names of the other modules;
// languages: srcLang and trgLang well-formed, xml:lang of sources and
// targets matching them, trgLang present when there are targets
// ([ErrLanguage]). It reads every valid core document of the OASIS XLIFF
// 2.1 test suite (with the extension prefixes the suite registers, in
// [ReadOptions.FragmentPrefixes]) and rejects every invalid one. Of the
// modules, it reads the glossary's entries and loctool's own metadata
// and translation candidates; it ignores the rest. Of annotations, it
// reads comments (see Notes and comments); the others, <mrk> and
// <sm>/<em> of other types, it keeps as their text.
//
// Text is read as it is, whatever xml:space says: loctool writes
// xml:space="preserve", and a reader that collapsed white space would
// change the article.
//
// XLIFF 2 lets translators drop codes marked deletable (the default) and
// add codes of their own; the reader allows what the file's hints allow.
// Files loctool writes mark every code canDelete="no", so a dropped code
// is an error; a code a tool adds comes back without markup, and the
// merge, which compares each target with the current source, reports it.
//
// What a [handoff.File] cannot hold is dropped: groups (their units are
// read in order), notes of files and groups, targets of ignorables, and
// the places their order attributes give them. An <ignorable> holding
// codes is rejected ([ErrUnsupported]). A segment without an ID gets one
// ("s3") that no other segment or code of the unit has.
//
// # The order of targets
//
// A translation may put a unit's sentences in another order than its
// source. XLIFF 2 says so with the order attribute of <target>, which
// the checker holds to the specification (each place from 1 to the
// number of segments and ignorables, taken once, and a place a target
// leaves taken by another); XLIFF 1.2 with the order of the segment
// markers in <target>. The readers keep it as [handoff.Segment.Order]:
// the segments with a target, in the order of the translated text, take
// in turn the places of those segments, the white space and the other
// segments keeping theirs; a target in its own place has Order 0. The
// targets of ignorables are not kept, so where the white space between
// the sentences goes is the source's. The writers write Order back, as
// order attributes in XLIFF 2 and by the order of the markers in 1.2,
// and refuse Orders that do not make a translated text (two targets in
// one place, a place of no segment with a target).
// [handoff.Unit.Target] joins a unit's targets in that order.
package xliff
