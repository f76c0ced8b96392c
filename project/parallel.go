package project

import (
	"sync"

	"github.com/loctool/loctool/internal/parallel"
)

// forEach calls f(i) for each i below n, on as many goroutines as there
// are processors, and reports each call done to progress, if not nil.
// Each f writes only its own results, so the outcome does not depend on
// the order the calls run in.
func forEach(n int, progress func(done, total int), f func(i int)) {
	var mu sync.Mutex
	done := 0
	parallel.Each(n, func(i int) {
		f(i)
		if progress != nil {
			mu.Lock()
			done++
			progress(done, n)
			mu.Unlock()
		}
	})
}
