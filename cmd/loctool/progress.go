package main

import (
	"github.com/schollz/progressbar/v3"
)

// progress returns a progress callback that draws a bar on standard error
// when it is a terminal a person watches, and nil otherwise: piped
// output and CI logs stay quiet.
func progress(streams *ioStreams, what string) (func(done, total int), func()) {
	if !streams.errIsTerminal {
		return nil, func() {}
	}
	var bar *progressbar.ProgressBar
	update := func(done, total int) {
		if bar == nil {
			bar = progressbar.NewOptions(total,
				progressbar.OptionSetWriter(streams.errOut),
				progressbar.OptionSetDescription(what),
				progressbar.OptionShowCount(),
				progressbar.OptionClearOnFinish(),
				progressbar.OptionThrottle(100_000_000),
			)
		}
		bar.Set(done)
	}
	return update, func() {
		if bar != nil {
			bar.Finish()
		}
	}
}
