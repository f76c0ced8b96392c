package main

// The long help of the commands, which cobra prints for --help: what a
// command does, in the words of the README, then examples.

const checkHelp = `Check the spelling of the names in articles and their translations against
the transliteration glossary: a variant or forbidden spelling of a
concept (Jakiyanov for Zhakiyanov, Kazak where the glossary prefers
Kazakh) is an error [spelling.variant], and two spellings the articles
use for what looks like one name, which no glossary entry covers, are a
warning at each place [spelling.inconsistent].

In handoff files (.xlf and the other XLIFF extensions: .xliff,
.sdlxliff, .mqxliff, .xlf2, .xliff2; go-i18n messages as .json, .toml,
.yaml, .yml), each translation is checked against its
source: the glossary's terms in the target language, inflected forms
too [term.target], untranslated or copied text, stale translations,
inline codes, numbers, punctuation, white space, doubled words, quotes
and brackets [target.…], and consistency across the files
[consistency.…]. A unit's note "loctool-ignore: RULE" silences a rule
for it; --rules checks only the rules given. A file that cannot be read
is an error [handoff.…].

With no PATH, check takes the articles and handoff files of config.yaml.
A PATH outside the project is checked with the project's glossary and
settings, and never fixed.
The glossaries are loctool's built-in glossary of Central Asia (unless
--no-builtin), then those of config.yaml and each --glossary, which
override it: a project concept that claims a built-in concept's spelling
absorbs that concept (loctool glossary explain says which covers a
spelling). Without config.yaml, check takes the PATHs given and the
--glossary files. A glossary that is slow to load is kept in loctool's
cache folder (LOCTOOL_CACHE names another; LOCTOOL_CACHE=off keeps
none).

--fix writes the preferred spelling over each variant, in place and
atomically, and changes nothing else: the other bytes, line endings
included, stay as they are. In the translations of the handoff files it
writes the target language's preferred spelling, with the case ending
the variant had, and leaves states and notes as they are; a spelling
whose ending cannot be carried over is reported, with why. --diff
prints those changes as a unified diff instead, and writes nothing.
Names spelt two ways with no glossary entry are not fixed: add the
entry first.

Findings are printed compiler style (text, coloured on a terminal), or as
a JSON array, a SARIF 2.1.0 log, a JUnit XML report or GitHub Actions
annotations. The exit status is 0 when nothing at or above --fail-on
(default: error) is found, 1 when something is, and 2 for a usage,
configuration or glossary error.`

const checkExamples = `  # Every article and handoff file of the project, in CI
  loctool check

  # The Russian translations only, for numbers and tags
  loctool check --rules target.numbers,target.codes locales/ru/articles/*.xlf

  # One article, with another glossary too
  loctool check --glossary house.yaml articles/news.txt

  # For scripts
  loctool check --format json

  # Write the preferred spellings, or see what that would change
  loctool check --fix
  loctool check --diff

  # For GitHub code scanning, and annotations in a workflow
  loctool check --format sarif > loctool.sarif
  loctool check --format github`

const extractHelp = `Cut articles into sentences and write, for every target language, the
handoff file translators work in: locales/<lang>/<article>.xlf (or .json),
mirroring the article's path.

With no ARTICLE, extract takes the articles of the configuration.

When a handoff file exists already, extract reconciles it with the
article as it is now, and loses nothing: a translation stays on its
sentence wherever the sentence moved; a sentence that changed keeps its
old translation, marked for review; new sentences are added untranslated;
and the translations of sentences that are gone are kept in
locales/<lang>/obsolete.xlf, from which a sentence that comes back gets
its translation back. A handoff file that cannot be read is left as
it is, and reported.

Every file is written atomically. --dry-run lists what would be written.`

const extractExamples = `  # Every article, for every target language of config.yaml
  loctool extract

  # One article, for Russian and Kazakh only
  loctool extract --lang ru,kk articles/ablyazov-amnesty.txt

  # Files for translators who use OmegaT
  loctool extract --format omegat

  # What would be written
  loctool extract --dry-run

  # A report for scripts
  loctool extract --json`

const mergeHelp = `Build each localised article, in its original format and layout, from
the handoff file translators returned: XLIFF 1.2 (OmegaT's output too),
XLIFF 2.x or go-i18n JSON. The article goes to <output>/<lang>/<article>,
or under --out.

With no HANDOFF, merge takes every handoff file under the locales folder.

merge reads each article as it is now and checks every translation
against it. A translation made for a sentence that has changed since is
stale: it is reported and not used, and so is a translation marked for
review (extract marks a changed sentence's old translation so). A
sentence with no usable translation
fails the merge (--missing=fail, the default) or keeps its source text
(--missing=source). A file whose target language is not its folder's, or
whose original path leads out of the project, or whose translations drop
or add tags, is refused. When anything fails, nothing is written; each
article is written atomically.`

const mergeExamples = `  # Merge everything that came back
  loctool merge

  # Merge one file into another folder
  loctool merge --out /tmp/preview locales/ru/articles/ablyazov-amnesty.txt.xlf

  # Publish what is translated, with the source text for the rest
  loctool merge --missing=source

  # A report for scripts, problems included
  loctool merge --json`

const segmentHelp = `Split a text into sentences and print them, one per line.

segment reads FILE, or standard input when FILE is - or left out, as
extract reads an article: the text must be UTF-8 (a leading byte order
mark is skipped); a Markdown (.md) or HTML (.html) file gives the text of
its blocks, without markup, code, comments or link targets; in plain
text, blank lines separate paragraphs, and no sentence runs across one.

Sentences are found with SRX 2.0 rules: the built-in rules for English
(en), Russian (ru) and Kazakh (kk), with a default for other languages, or
the rules of an .srx file given with --rules, such as one from OmegaT,
Okapi or Trados. --lang says which language's rules apply. In a project
(config.yaml in the current folder, or --config), the project's
segmentation.rules and source language apply unless --rules and --lang
say otherwise.

Each sentence is printed on one line, without the whitespace around it. A
sentence can span line breaks (a hard-wrapped paragraph): every run of
whitespace that contains a line break is printed as one space. --json
prints the exact sentences instead, as a JSON array of strings.

--dump-rules prints the built-in rules as an SRX 2.0 file, to start your
own rules from: edit the copy and pass it with --rules.`

const segmentExamples = `  # One sentence per line
  loctool segment articles/ablyazov-amnesty.txt

  # The exact sentences, as a JSON array
  loctool segment --json articles/ablyazov-amnesty.txt

  # A Russian text from standard input
  loctool segment --lang ru - < statya.txt

  # Your own SRX rules, for Kazakh in Cyrillic script
  loctool segment --rules my.srx --lang kk-Cyrl-KZ makala.txt

  # Start your own rules from the built-in ones
  loctool segment --dump-rules > my.srx`
