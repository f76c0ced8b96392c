// Package i18njson hands translation units to translators as a go-i18n
// message file, for those who work in a JSON editor, and reads back the
// file they return.
//
// # Format
//
// [Write] writes a [handoff.File] as goi18n merge writes a translate
// file, byte for byte: a JSON object with one message per segment, keys
// sorted, two spaces of indent, and "<", ">" and "&" not escaped as
// \u003c and the like.
//
//	{
//	  "b3.s1": {
//	    "description": "block 3, sentence 1 of 2; <1> bold\nGlossary: Zhakiyanov → Жакиянов (person)",
//	    "hash": "sha1-…",
//	    "other": "The <1>former</1> minister was serving a six-year sentence."
//	  }
//	}
//
// JSON has no place for what XLIFF says of a note (its priority, what
// it applies to, its language, its ID), nor for comments on spans of a
// translation ([handoff.Segment.Comments]): the description has the
// notes' text; a translation keeps the template's comments while its
// text is the one the file was written with, and loses them with a new
// text.
//
// A message's ID is the unit's and the segment's IDs joined by "."
// ([MessageID]), which go-i18n reads the same whether a file keeps it
// flat or nests it, as TOML's [b3.s1] does. Since go-i18n sorts keys,
// "b10.s1" comes before "b2.s1"; the description gives the order.
//
// The first line of the description is the same in every language: it
// says where the sentence is (its block and, in a block of several,
// which sentence), the unit's kind ("heading"), and what each tag stands
// for. The lines after it are for the translators of the file's
// language, worded as [handoff.Unit.Remarks] words them: the glossary's
// concepts the unit names with their spellings in that language
// ("Glossary: …"), the source a translation kept for review was made for
// ("s1 was: …"), and the unit's notes. go-i18n has no other place for
// them: its parser refuses a message with a field it does not know.
//
// The hash is goi18n's: "sha1-" and the SHA-1 of the description's first
// line followed by the source text, as written in "other". It tells
// tools and people that the source has changed since a translation was
// made; as in goi18n, a changed first line (a sentence added to the
// block) changes it too, and a new glossary spelling or note does not.
// So one English file of the messages, their first lines as
// descriptions and their sources as text, is goi18n merge's source file
// for every language: its hashes are those of every language's file,
// and goi18n merge keeps their translations. The files goi18n merge
// writes take their descriptions from it, without the lines for
// translators of one language.
//
// "other" holds the source text, as goi18n merge fills a message not yet
// translated, or the segment's translation when it has one.
//
// # Inline codes
//
// Codes are numbered tags, as in i18next and Lingui: a pair is <1>…</1>
// and a placeholder <2/>. Each segment numbers its codes in order from 1.
// A pair that a sentence break cuts in two shows as a lone <1> in one
// segment and a lone </1> in the next, each with its own segment's
// number. Translators may move tags, but must keep each one, once, with
// pairs opened before they close and not crossing.
//
// So that text never reads as a tag, every "<" in it is written &lt; and
// every "&" is written &amp;. When reading, &lt;, &gt; and &amp; are
// those characters, an "&" that starts none of them is itself (a
// translator may type "AT&T"), and a "<" that does not start a tag is an
// error.
//
// # Reading
//
// [Read] parses a returned file with go-i18n's own parser, so it takes
// JSON, TOML and YAML ([Extensions]: goi18n merge writes TOML unless
// told otherwise), messages as loctool writes them, nested ones, and
// flat {"b3.s1": "text"} files. It fills the targets of a copy of the
// file as loctool wrote it, which it takes as a template: loctool keeps
// it as an XLIFF 2.1 snapshot, and a snapshot the xliff package writes
// now, with each field in its own encoding, and one an earlier version
// wrote, with notes only, give the same descriptions.
//
// A message whose text is empty, or only white space ("other": ""), is
// not translated, whatever tags its source has.
//
// JSON has no states, so the text decides, as [handoff.Segment.IsTranslated]
// does. A text that differs from the source is a translation, and is
// never dropped, whatever its hash: [handoff.Translated] when the
// message has no hash or one made for the template's source, and
// [handoff.NeedsReview] when it has another, with the template's source (or
// the source of the template's translation kept for review) as what it
// was made for ([handoff.Segment.Was]): the source may have changed
// since, or a tool has refreshed the hash, which then is that of the
// message's own description and text and says nothing of the source.
// Either way it is to confirm or review. A hash is made for the
// template's source when it is the template's; or goi18n's of the
// message's own description and that source, as goi18n merge writes
// it from an English file with descriptions of its own, or none; or
// the one an earlier version of loctool wrote, whose descriptions had
// the remarks for translators in their line and whose hashes covered
// them. A text equal to the source
// leaves the segment untranslated, and so does a missing message. A text
// equal to the translation the file was written with keeps that
// translation and its state. JSON has no place for the order of a unit's
// targets ([handoff.Segment.Order]): a translation keeps the template's
// while it makes one ([handoff.Unit.SettleOrder]); a message emptied in
// a paragraph so ordered puts its other translations back in their
// places.
//
// A translation kept for review (a [handoff.Segment.Was]) stays
// [handoff.NeedsReview] until a translator confirms it, and JSON has no
// state to do that with: another text confirms it, and a text that is
// the same words as the one the file was written with
// ([handoff.SameWords]: white space and Unicode normalization aside)
// leaves it to review: JSON cannot say that a kept translation is right
// as it is. With a tool that refreshes hashes, every new text reads to
// review; a message whose "hash" a translator deletes is taken as it is.
//
// # A file returned after the article changed
//
// A translator may return a file made for an earlier version of the
// article: the article changed, extract wrote a new file, and the old
// one came back over it. Its message IDs name blocks and sentences by
// number, which may now be other sentences. The caller passes the files
// it wrote before the template, newest first ([ReadOptions.Earlier]),
// and the hashes say which one the file was made for: of the versions
// that every hash naming one names, the newest that has every message
// of the file (or the newest, when none has). Read fills a copy of that
// version, with its sources, for the caller to carry to the article as
// it is, as it carries an old XLIFF file. A message without a hash goes
// with the others. A file whose messages were made for different
// versions, or whose hashes name no version where the sentence of their
// IDs differs between the versions it may be for, is an [ErrAmbiguous]
// (rule handoff.ambiguous): no translation is put on a sentence it may
// not be for. Its hint says what to do: delete the "hash" lines if the
// translations are for the article as it is, or return the file as
// loctool wrote it. The caller's Earlier is called only for a file whose
// messages, and their hashes, are not all the template's.
//
// Read rejects the whole file, with an [*Error] for each problem, for
// messages whose IDs are not in the template (or in the version it was
// made for), messages that appear twice, a message with no "other" text
// at all (none, or null), plural forms other than "other" (loctool does
// not use them), tags that do not parse or do not match the source's
// codes ([inline.CheckCodes]), and fields that go-i18n cannot read
// ([ErrField]): a "description" or "hash" that is null or not text, a
// field go-i18n does not know, and a text that is a number, each at its
// place in JSON and YAML (TOML's parser does not tell).
// Nothing unprintable comes from a translation either: a text with a
// control character ([handoff.IsControl]), as itself or escaped
// ("\u0000"), is an [ErrControl] (rule handoff.invalid), unless it is the
// source as written; bytes that are not UTF-8, and an escape of half a
// surrogate pair ("\ud800"), which encoding/json would quietly make
// U+FFFD of, are an [ErrSyntax] (TOML's and YAML's parsers reject them
// themselves). Errors name the
// file and the message, with the line and column in JSON files (and, as
// their parsers tell, in TOML and YAML ones), columns counting
// characters; [Error.Diagnostic] turns each into the [diag.Diagnostic]
// of the rule its kind stands for, with the unit and segment of the
// message.
package i18njson
