package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/loctool/loctool/segment"
)

type segmentOptions struct {
	io *ioStreams

	Lang      language.Tag // the language of the text
	RulesFile string       // an SRX file; empty for the built-in rules
	JSON      bool         // print the exact segments as a JSON array
	DumpRules bool         // print the built-in rules instead of segmenting
	File      string       // the text to segment, or "-" for standard input
}

func newCmdSegment(streams *ioStreams, runF func(*segmentOptions) error) *cobra.Command {
	opts := &segmentOptions{io: streams}
	var lang string
	cmd := &cobra.Command{
		Use:   "segment [FILE|-]",
		Short: "Split a text into sentences",
		Long: `Split a text into sentences and print them, one per line.

segment reads FILE, or standard input when FILE is - or left out. The text
must be UTF-8; a leading byte order mark is skipped. Blank lines separate
paragraphs, and no sentence runs across one.

Sentences are found with SRX 2.0 rules: the built-in rules for English
(en), Russian (ru) and Kazakh (kk), with a default for other languages, or
the rules of an .srx file given with --rules, such as one from OmegaT,
Okapi or Trados. --lang says which language's rules apply.

Each sentence is printed on one line, without the whitespace around it. A
sentence can span line breaks (a hard-wrapped paragraph): every run of
whitespace that contains a line break is printed as one space. --json
prints the exact sentences instead, as a JSON array of strings.

--dump-rules prints the built-in rules as an SRX 2.0 file, to start your
own rules from: edit the copy and pass it with --rules.`,
		Example: `  # One sentence per line
  loctool segment articles/ablyazov-amnesty.txt

  # The exact sentences, as a JSON array
  loctool segment --json articles/ablyazov-amnesty.txt

  # A Russian text from standard input
  loctool segment --lang ru - < statya.txt

  # Your own SRX rules, for Kazakh in Cyrillic script
  loctool segment --rules my.srx --lang kk-Cyrl-KZ makala.txt

  # Start your own rules from the built-in ones
  loctool segment --dump-rules > my.srx`,
		Args: maxArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			tag, err := language.Parse(lang)
			if err != nil {
				return usageError(fmt.Errorf("invalid language tag %q for --lang", lang),
					"give a BCP 47 language tag, such as --lang ru or --lang kk-Cyrl-KZ")
			}
			opts.Lang = tag
			opts.File = "-"
			if len(args) == 1 {
				opts.File = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return segmentRun(opts)
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "en", "BCP 47 `tag` of the text's language, such as ru or kk-Cyrl-KZ")
	cmd.Flags().StringVar(&opts.RulesFile, "rules", "", "SRX 2.0 `file` with the segmentation rules (default: built-in rules)")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the exact sentences as a JSON array of strings")
	cmd.Flags().BoolVar(&opts.DumpRules, "dump-rules", false, "print the built-in rules as an SRX 2.0 file and exit")
	return cmd
}

func segmentRun(opts *segmentOptions) error {
	if opts.DumpRules {
		_, err := opts.io.out.Write(segment.BuiltinSRX())
		return err
	}
	// The rules come first: a configuration error should not wait for
	// standard input.
	rules := segment.Builtin()
	rulesHint := "this is a bug in loctool's built-in rules: please report it"
	if opts.RulesFile != "" {
		rulesHint = "--rules takes an SRX 2.0 file, such as an OmegaT project's segmentation.srx; leave it out to use the built-in rules"
		var err error
		if rules, err = segment.LoadSRX(opts.RulesFile); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return usageError(err, "check the path given to --rules, or leave --rules out to use the built-in rules")
			}
			return usageError(err, rulesHint)
		}
	}
	seg, err := segment.New(rules, opts.Lang)
	if err != nil {
		if errors.Is(err, segment.ErrNoRules) {
			rulesHint = "give --lang a language the file has rules for, or add a languagemap for it, such as <languagemap languagepattern=\".*\" languagerulename=\"Default\"/>"
		}
		if opts.RulesFile != "" {
			return usageError(err, rulesHint)
		}
		return failure(err, rulesHint)
	}

	text, err := readText(opts.io.in, opts.File)
	if err != nil {
		return err
	}
	sentences := []string{} // not nil: an empty text is [] in JSON
	for _, p := range paragraphs(text) {
		para := p.Text(text)
		for _, s := range seg.Segment(para) {
			sentences = append(sentences, s.Text(para))
		}
	}

	w := bufio.NewWriter(opts.io.out)
	if opts.JSON {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(sentences); err != nil {
			return err
		}
	} else {
		for _, s := range sentences {
			if line := oneLine(s); line != "" {
				fmt.Fprintln(w, line)
			}
		}
	}
	return w.Flush()
}

// stdinName stands for standard input in messages.
const stdinName = "<stdin>"

// utf8BOM is the byte order mark that some editors put at the start of
// UTF-8 files.
const utf8BOM = "\ufeff"

// readText reads file, or in when file is "-", checks that it is UTF-8 and
// returns it without a leading byte order mark.
func readText(in io.Reader, file string) (string, error) {
	name := file
	var data []byte
	var err error
	if file == "-" {
		name = stdinName
		if data, err = io.ReadAll(in); err != nil {
			return "", failure(fmt.Errorf("cannot read standard input: %w", err))
		}
	} else if data, err = os.ReadFile(file); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is in our own message
		}
		return "", failure(fmt.Errorf("cannot read %s: %w", file, err),
			"check the path, or give - to read standard input")
	}
	if err := checkUTF8(name, data); err != nil {
		return "", err
	}
	return strings.TrimPrefix(string(data), utf8BOM), nil
}

// checkUTF8 reports the first byte of data that is not UTF-8, with its
// offset in bytes and its line and column (in characters, from 1).
func checkUTF8(name string, data []byte) error {
	if utf8.Valid(data) {
		return nil
	}
	line, lineStart := 1, 0
	if bytes.HasPrefix(data, []byte(utf8BOM)) {
		lineStart = len(utf8BOM) // editors do not show it
	}
	for off := 0; off < len(data); {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size == 1 {
			return failure(&positionError{
				file: name,
				line: line,
				col:  utf8.RuneCount(data[lineStart:off]) + 1,
				msg:  fmt.Sprintf("invalid UTF-8: byte 0x%02x at offset %d", data[off], off),
			}, "loctool reads UTF-8 text: convert it first, for example with iconv -f WINDOWS-1251 -t UTF-8 old.txt > new.txt")
		}
		if r == '\n' {
			line, lineStart = line+1, off+size
		}
		off += size
	}
	return nil
}

// paragraphs returns the spans of the paragraphs of text: runs of lines
// that are not blank, without the line break after the last line.
func paragraphs(text string) []segment.Span {
	var paras []segment.Span
	start, end := -1, 0 // start is -1 between paragraphs
	for lineStart := 0; lineStart < len(text); {
		lineEnd, next := len(text), len(text)
		if i := strings.IndexByte(text[lineStart:], '\n'); i >= 0 {
			lineEnd, next = lineStart+i, lineStart+i+1
		}
		line := text[lineStart:lineEnd]
		switch {
		case strings.TrimSpace(line) != "":
			if start < 0 {
				start = lineStart
			}
			end = lineStart + len(strings.TrimSuffix(line, "\r"))
		case start >= 0:
			paras = append(paras, segment.Span{Start: start, End: end})
			start = -1
		}
		lineStart = next
	}
	if start >= 0 {
		paras = append(paras, segment.Span{Start: start, End: end})
	}
	return paras
}

// oneLine puts a sentence on one line: it trims the whitespace around it
// and turns every run of whitespace that contains a line break into one
// space. Other whitespace stays as it is.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, lineBreaks) {
		return s
	}
	var b strings.Builder
	for s != "" {
		i := strings.IndexFunc(s, unicode.IsSpace)
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = s[i:]
		j := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsSpace(r) })
		if j < 0 {
			j = len(s) // cannot happen: s was trimmed
		}
		if space := s[:j]; strings.ContainsAny(space, lineBreaks) {
			b.WriteByte(' ')
		} else {
			b.WriteString(space)
		}
		s = s[j:]
	}
	return b.String()
}

// lineBreaks are the characters that end a line: LF, CR, VT, FF, NEL, and
// the Unicode line and paragraph separators.
const lineBreaks = "\n\r\v\f\u0085\u2028\u2029"
