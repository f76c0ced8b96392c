// Package tmx reads and writes TMX 1.4b, the Translation Memory
// eXchange format of LISA OSCAR, in which CAT tools (OmegaT, Trados,
// memoQ, Okapi, Weblate) import and export their translation memories.
//
// A [Memory] is a document: its [Header] and its [Unit]s (<tu>), each
// with its [Variant]s (<tuv>), the unit's text in one language each.
// [Read] reads a whole document; [Reader] reads one unit at a time and
// holds no more of the file than that unit, for memories of millions of
// units. [Write] and [Writer] write TMX 1.4b that validates against the
// TMX 1.4 DTD.
//
// # What is read
//
// The header's srclang, adminlang, segtype, datatype, o-tmf, creationtool
// and creationtoolversion; of the header, each unit and each variant,
// who made and last changed it and when (creationid, creationdate,
// changeid, changedate); of units and variants, usagecount and
// lastusagedate; a unit's tuid, segtype and srclang; the notes and
// properties (<note>, <prop>) of all three; and each variant's language
// (xml:lang, or TMX 1.1's lang) and <seg>, with its inline codes.
// Language tags are BCP 47 tags, read by golang.org/x/text/language,
// which takes "EN-US" and "en_US" as en-US. Dates are TMX's,
// 20020523T091200Z.
//
// Not kept: o-encoding, which says what a text's encoding was before it
// became Unicode; <ude> and <map>, which map the characters of such
// encodings; and the assoc attribute of <ph>. Elements of other XML
// namespaces, which TMX does not define, are skipped, but in a <seg>,
// where they would be text the memory loses. A <prop> without a type,
// as Trados writes in the header, keeps an empty one.
//
// # Inline codes
//
// A variant's <seg> is an [inline.Content], as loctool's articles are:
//
//   - <bpt> and <ept> are an [inline.Open] and an [inline.Close], paired
//     by their i within the <seg>.
//   - <it pos="begin"> is an Open, and <it pos="end"> a Close, whose
//     other half is in another segment.
//   - <ph>, and the deprecated <ut>, are [inline.Placeholder]s.
//   - <hi>, text a tool marks, is an Open and a Close around that text,
//     with no markup of their own.
//
// A code's Data is the markup inside its element, the native code of
// the format the unit was translated in, such as "<b>" or "{\b ". A
// <sub> in it holds text of its own, such as the alt text of an image
// (<ph>&lt;img alt="<sub>Start here</sub>"></ph>): that text is kept as
// part of the markup, and is not translated apart from it.
//
// A code's ID is its x, the number that ties the codes of a unit's
// variants together, where it has one; a pair without one takes its i.
// Every other code, and a code whose x a code before it in the segment
// took, gets the smallest number no code of the segment names. The
// closing half of a pair takes the ID and type of its opening half. A
// code's Type is TMX's type in loctool's words: "ulined" is
// "underlined"; bold, italic, link, image, lb and pb are the same; every
// other type is "x-" and TMX's name, such as "x-cb", unless it starts
// with "x-" already. Writing maps them back.
//
// # What is refused
//
// A file is read whole or not at all: each problem is an [*Error] with
// the file's name, the line and column (in characters) where it is,
// what is wrong and, where the message does not say, what to do. The
// reader refuses:
//
//   - XML that is not well-formed, bytes that are not text in the file's
//     encoding, and characters XML cannot hold, written or referred to,
//     at the character ([ErrSyntax], [ErrEncoding]);
//   - a DOCTYPE that declares entities ([ErrDTD]): they are never
//     expanded, and no DTD or other external file is ever read, so that
//     a file can neither blow up in memory nor make loctool fetch
//     anything;
//   - a file, a unit or nesting beyond the [Limits] ([ErrLimit]);
//   - an encoding other than UTF-8, UTF-16 (with a byte order mark, as
//     Trados writes it, or starting with "<?xml") or one of the WHATWG
//     Encoding Standard, such as ISO-8859-1 ([ErrEncoding]);
//   - a root other than <tmx>, or a TMX version other than 1.x
//     ([ErrVersion]);
//   - a header without srclang, a missing or malformed language tag
//     ([ErrLanguage]);
//   - elements TMX does not allow where they are, a <tu> without a
//     <tuv>, a <tuv> without a <seg>, a malformed date, usagecount or
//     segtype ([ErrInvalid]);
//   - a <bpt> without its <ept>, an <ept> without its <bpt>, and an i
//     two pairs of one <seg> share ([ErrCodes]): a code that opens in
//     one segment and closes in another is an <it>.
package tmx
