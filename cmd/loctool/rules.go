package main

import (
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/loctool/loctool/diag"
)

type rulesOptions struct {
	io   *ioStreams
	JSON bool
}

func newCmdRules(streams *ioStreams, runF func(*rulesOptions) error) *cobra.Command {
	opts := &rulesOptions{io: streams}
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rules of loctool's diagnostics",
		Long: `List every rule loctool reports: its ID, its default severity, the
commands that report it, and what it finds.

The rules of the families spelling, term, target and consistency that
check reports can be given another severity, or silenced, in config.yaml
(check.severity, check.ignore), and chosen with check --rules. A handoff
file or an article that cannot be read (handoff.…, article.read) is
always an error.`,
		Example: `  loctool rules
  loctool rules --json`,
		Args: maxArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return rulesRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the rules as JSON")
	return cmd
}

// ruleJSON is a rule of loctool rules --json.
type ruleJSON struct {
	ID          string   `json:"id"`
	Default     string   `json:"default"`
	Commands    []string `json:"commands"`
	Settable    bool     `json:"settable"`
	Description string   `json:"description"`
}

func rulesRun(opts *rulesOptions) error {
	if opts.JSON {
		out := make([]ruleJSON, len(diag.Rules))
		for i, r := range diag.Rules {
			out[i] = ruleJSON{r.ID, string(r.Default), r.Commands, r.Settable(), r.Description}
		}
		return printJSON(opts.io.out, out)
	}
	tw := tabwriter.NewWriter(opts.io.out, 0, 0, 2, ' ', 0)
	tw.Write([]byte("rule\tdefault\tcommands\tfinds\n"))
	for _, r := range diag.Rules {
		tw.Write([]byte(r.ID + "\t" + string(r.Default) + "\t" + strings.Join(r.Commands, ",") + "\t" + r.Description + "\n"))
	}
	return tw.Flush()
}
