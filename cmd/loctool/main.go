// Command loctool translates and localises news articles: it cuts them into
// sentences, hands them to translators and merges the translations back.
//
// Run "loctool --help" for the commands.
package main

import (
	"os"

	"github.com/loctool/loctool/internal/gctune"
)

func main() {
	tuneGC()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// tuneGC sets the garbage collector for a command that runs once over
// many files: it collects a quarter as often as Go's default, and more
// often again as the heap nears 120 MiB, so that peak memory stays under
// 150 MB, unless what is live at once is more than half of that (see
// gctune). GOGC and GOMEMLIMIT in the environment take precedence.
func tuneGC() {
	gctune.Set(120<<20, os.Getenv("GOGC") == "", os.Getenv("GOMEMLIMIT") == "")
}
