// Package javaregex translates Java regular expressions into patterns for
// github.com/dlclark/regexp2.
//
// SRX rule files hold java.util.regex patterns: OmegaT, Okapi and Trados
// are Java programs, and the rules users bring were written and tested
// against Java's engine. regexp2 has what those rules need and Go's regexp
// lacks (lookbehind, \p{…} classes, a Unicode-aware \b), but it speaks
// .NET's dialect. Java-only forms such as \Q…\E, class intersection
// [a&&[^b]], possessive quantifiers, \p{Punct} and \p{InCyrillic} have to
// be rewritten, and some shared forms mean something else in each, such
// as '.' before a line terminator or a numbered reference to a named
// group. [Translate] does that rewriting, and reports what it cannot
// translate as an [*Error] at an offset in the Java pattern.
//
// The translator is a parser of Java's syntax with tables of Unicode
// properties, scripts and blocks; it knows nothing of segmentation, and
// is tested and fuzzed on its own.
package javaregex
