package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/loctool/loctool/internal/place"
	"github.com/loctool/loctool/segment"
)

// Exit statuses. exitCode is the one place that picks them.
const (
	exitOK      = 0 // success
	exitFailure = 1 // findings, or the command failed
	exitUsage   = 2 // a usage or configuration error: nothing was done
)

// ioStreams is where a command reads and writes. run passes the process's
// streams; tests pass buffers.
type ioStreams struct {
	in     io.Reader
	out    io.Writer
	errOut io.Writer
	// outIsTerminal is true when out is a terminal that a person reads, not
	// a pipe, a file or a CI log, so output may be decorated for people.
	outIsTerminal bool
	// errIsTerminal says the same of errOut, where progress bars go.
	errIsTerminal bool
	// configFile is the --config flag of the root command.
	configFile string
}

func newIOStreams(in io.Reader, out, errOut io.Writer, getenv func(string) string) *ioStreams {
	return &ioStreams{in: in, out: out, errOut: errOut, outIsTerminal: isTerminal(out, getenv), errIsTerminal: isTerminal(errOut, getenv)}
}

// isTerminal reports whether w is a terminal. CI services set CI=true, and
// some of them run commands under a pseudo-terminal that nobody watches.
func isTerminal(w io.Writer, getenv func(string) string) bool {
	if ci, err := strconv.ParseBool(getenv("CI")); err == nil && ci {
		return false
	}
	f, ok := w.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(int(f.Fd()))
}

// run runs loctool with the command-line arguments args (without the
// program name) and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newCmdRoot(newIOStreams(stdin, stdout, stderr, os.Getenv))
	if args == nil {
		args = []string{} // cobra reads os.Args when given nil
	}
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	err = fromCobra(root, err)
	printError(stderr, err)
	return exitCode(err)
}

func newCmdRoot(streams *ioStreams) *cobra.Command {
	root := &cobra.Command{
		Use:   "loctool <command> [flags]",
		Short: "Translate and localise news articles",
		Long: `loctool is a translation and localisation workflow tool for news articles.

extract cuts a project's articles (plain text, Markdown, HTML) into
sentences and writes them for translators as XLIFF 1.2, 2.1, 2.2 or
go-i18n JSON; merge builds the localised articles from the files they
return; status shows how far each language has come. The project is
described by config.yaml in the current folder, or the file --config
names.`,
		Example: `  # Write the handoff files of every article for every target language
  loctool extract

  # Build the translated articles from the returned files
  loctool merge

  # See what is left to translate
  loctool status

  # Split an article into sentences, one per line
  loctool segment articles/ablyazov-amnesty.txt`,
		SilenceErrors:     true,
		SilenceUsage:      true,
		CompletionOptions: cobra.CompletionOptions{DisableDefaultCmd: true},
	}
	root.SetIn(streams.in)
	root.SetOut(streams.out)
	root.SetErr(streams.errOut)
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return usageError(err, seeHelp(cmd))
	})
	root.PersistentFlags().StringVar(&streams.configFile, "config", "", "the project's configuration `file` (default: config.yaml in the current folder)")
	root.AddCommand(
		newCmdExtract(streams, nil),
		newCmdMerge(streams, nil),
		newCmdStatus(streams, nil),
		newCmdSegment(streams, nil),
		newCmdCheck(streams, nil),
		newCmdRules(streams, nil),
		newCmdGlossary(streams),
		newCmdVersion(streams, nil),
	)
	return root
}

// cliError is an error with the exit status it causes and hints that tell
// the user what to do about it.
type cliError struct {
	err   error
	code  int
	hints []string
}

func (e *cliError) Error() string { return e.err.Error() }
func (e *cliError) Unwrap() error { return e.err }

// usageError marks err as a usage or configuration error: exit status 2.
func usageError(err error, hints ...string) error {
	return &cliError{err: err, code: exitUsage, hints: hints}
}

// failure marks err as a failure of the command: exit status 1.
func failure(err error, hints ...string) error {
	return &cliError{err: err, code: exitFailure, hints: hints}
}

// positionError is a problem at a place in an input file.
type positionError struct {
	file      string
	line, col int // 1-based; 0 when unknown
	msg       string
}

func (e *positionError) Error() string { return place.String(e.file, e.line, e.col) + ": " + e.msg }

// maxArgs accepts at most n positional arguments, like cobra.MaximumNArgs,
// and reports more as a usage error.
func maxArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) <= n {
			return nil
		}
		return usageError(fmt.Errorf("unexpected argument %q", args[n]),
			"usage: "+cmd.UseLine(), seeHelp(cmd))
	}
}

func seeHelp(cmd *cobra.Command) string {
	return fmt.Sprintf("run '%s --help' for usage", cmd.CommandPath())
}

// fromCobra turns cobra's unknown-command error, a plain string, into a
// usage error. cobra words it as
//
//	unknown command "segmnt" for "loctool"
//
//	Did you mean this?
//		segment
func fromCobra(root *cobra.Command, err error) error {
	msg, suggestions, _ := strings.Cut(err.Error(), "\n")
	if !strings.HasPrefix(msg, "unknown command ") {
		return err
	}
	var hints []string
	for _, name := range strings.Fields(strings.TrimPrefix(strings.TrimSpace(suggestions), "Did you mean this?")) {
		hints = append(hints, fmt.Sprintf("did you mean '%s %s'?", root.Name(), name))
	}
	hints = append(hints, fmt.Sprintf("run '%s --help' for a list of commands", root.Name()))
	return usageError(errors.New(msg), hints...)
}

// exitCode maps an error from a command to loctool's exit status.
func exitCode(err error) int {
	var ce *cliError
	var se *segment.Error
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ce):
		return ce.code
	case errors.As(err, &se):
		return exitUsage // a bad rules file is a configuration error
	default:
		return exitFailure
	}
}

// printError writes err for the user: "loctool: message", or a
// compiler-style "file:line:col: error: message" when the error has a
// position, then each hint on its own line.
func printError(w io.Writer, err error) {
	var se *segment.Error
	var pe *positionError
	switch {
	case errors.As(err, &se) && se.File == "":
		fmt.Fprintf(w, "loctool: %s\n", srxMessage(se))
	case errors.As(err, &se):
		fmt.Fprintf(w, "%s: error: %s\n", place.String(se.File, se.Line, se.Col), srxMessage(se))
	case errors.As(err, &pe):
		fmt.Fprintf(w, "%s: error: %s\n", place.String(pe.file, pe.line, pe.col), pe.msg)
	default:
		fmt.Fprintf(w, "loctool: %s\n", err)
	}
	var ce *cliError
	if errors.As(err, &ce) {
		for _, h := range ce.hints {
			fmt.Fprintf(w, "hint: %s\n", h)
		}
	}
}

// srxMessage is the message of an SRX error without its position, worded
// as segment.Error words it.
func srxMessage(e *segment.Error) string {
	msg := e.Msg
	if e.Rule != "" {
		msg = e.Rule + ": " + msg
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}
