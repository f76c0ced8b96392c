package main

import (
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is loctool's version. Release builds set it with
//
//	go build -ldflags "-X main.version=v1.2.3" ./cmd/loctool
//
// Without it, the version comes from the module, as "go install" records it.
var version string

type versionOptions struct {
	io   *ioStreams
	JSON bool
}

func newCmdVersion(streams *ioStreams, runF func(*versionOptions) error) *cobra.Command {
	opts := &versionOptions{io: streams}
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print loctool's version",
		Long: `Print loctool's version and the Go version it was built with.

The version is the module version recorded by "go install", or "devel"
for a build from a source tree.`,
		Example: `  loctool version
  loctool version --json`,
		Args: maxArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return versionRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, `print {"version": …, "go": …}`)
	return cmd
}

func versionRun(opts *versionOptions) error {
	v, goVersion := loctoolVersion(), runtime.Version()
	if !opts.JSON {
		_, err := fmt.Fprintf(opts.io.out, "loctool %s (built with %s)\n", v, goVersion)
		return err
	}
	enc := json.NewEncoder(opts.io.out)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Version string `json:"version"`
		Go      string `json:"go"`
	}{v, goVersion})
}

// loctoolVersion is the version set at link time, else the main module's
// version from the build info, else "devel".
func loctoolVersion() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}
