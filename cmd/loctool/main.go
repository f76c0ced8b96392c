// Command loctool translates and localises news articles: it cuts them into
// sentences, hands them to translators and merges the translations back.
//
// Run "loctool --help" for the commands.
package main

import (
	"os"
	"runtime/debug"
)

func main() {
	tuneGC()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// tuneGC sets the garbage collector for a command that runs once over
// many files: it collects a quarter as often as Go's default, and more
// often again as the heap nears 120 MiB, so that peak memory stays under
// 150 MB. GOGC and GOMEMLIMIT in the environment take precedence.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(120 << 20)
	}
}
