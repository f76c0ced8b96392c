// Package parallel runs the iterations of a loop on every processor.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls f(i) for each i below n, on as many goroutines as there are
// processors. Each call should write only its own results, so that the
// outcome does not depend on the order the calls run in.
func Each(n int, f func(i int)) {
	Workers(n, runtime.GOMAXPROCS(0), func(_, i int) { f(i) })
}

// Workers calls f(w, i) for each i below n on at most workers goroutines,
// w being the number of the goroutine, below workers: a call can gather
// its results in what belongs to its goroutine, without locks.
func Workers(n, workers int, f func(w, i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range min(workers, n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(w, i)
			}
		})
	}
	wg.Wait()
}
