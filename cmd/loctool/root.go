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
		newCmdTM(streams),
		newCmdVersion(streams, nil),
	)
	return root
}

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
