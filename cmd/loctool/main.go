// Command loctool translates and localises news articles: it cuts them into
// sentences, hands them to translators and merges the translations back.
//
// Run "loctool --help" for the commands.
package main

import "os"

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
