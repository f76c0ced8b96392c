// Package segment splits text into sentences with SRX 2.0 rules.
//
// Everything a translator sees is a segment, so segmentation decides the
// quality of every handoff file. The package reads the SRX files that
// OmegaT, Okapi and Trados users already have, and carries loctool's own
// rules for English, Russian and Kazakh news copy.
//
// # Rules
//
// An SRX document ([Rules]) holds named lists of rules and a map from
// language codes to those lists. A rule has a beforebreak and an
// afterbreak pattern; at a position in the text, the first rule whose
// beforebreak matches the text ending there and whose afterbreak matches
// the text starting there decides: break or not. Where no rule matches,
// the text does not break. Read a file with [LoadSRX] or [ParseSRX]; use
// loctool's own rules with [Builtin], or start your own from
// [BuiltinSRX].
//
// A file loads with the warnings of [Rules.Warnings] for what loctool
// reads past: an SRX 2.0 header without the cascade attribute, which the
// standard requires, is read with cascade, as OmegaT reads its own rules;
// Okapi's okpsrx:options set to what loctool does not do, such as
// useIcu4jBreakRules="yes", and a range rule, are named with their place,
// as is a header's segmentsubflows="no". A rule that Okapi's
// okpsrx:active="no" turns off is read past, as Okapi reads past it.
//
// Patterns are Java regular expressions, as users' SRX files assume. They
// are translated for github.com/dlclark/regexp2, which has the lookbehind,
// \p{…} classes and Unicode-aware \b that Go's regexp lacks: Java-only
// forms such as \Q…\E, class intersection [a&&[^b]], possessive
// quantifiers and \p{Punct} are rewritten, and what cannot be translated is
// an [*Error] naming the file, line, column and rule.
//
// # Languages
//
// [New] builds a [Segmenter] for a BCP 47 language tag. The rules' language
// maps are matched against the tag and then its parents, so en-GB gets the
// English rules and kk-Cyrl-KZ the Kazakh ones. With cascade, every
// matching map adds its rules in order, as the built-in rules do: English,
// Russian or Kazakh exceptions first, then the language-neutral rules.
//
// # Segments
//
// [Segmenter.Segment] returns [Span]s. Segments carry no white space at
// either end, and only white space lies between them: the segments and the
// gaps between them rebuild the text byte for byte.
//
// # Speed
//
// Testing every rule at every position is what makes SRX engines slow. The
// segmenter reads each rule's parsed pattern to derive cheap, conservative
// tests: the characters its beforebreak match can end with (and literal
// endings such as the abbreviations of a list), the characters its
// afterbreak match can start with. It scans the text for the few positions
// where a breaking rule can apply, and runs the full expression only where
// those tests pass. A test suite checks that this finds exactly the breaks
// of rule-by-rule evaluation.
package segment
