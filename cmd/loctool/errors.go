package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/loctool/loctool/internal/place"
	"github.com/loctool/loctool/segment"
)

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
