package project

import (
	"runtime"
	"sync"
)

// forEach calls f(i) for each i below n, on as many goroutines as there
// are processors, and reports each call done to progress, if not nil.
// Each f writes only its own results, so the outcome does not depend on
// the order the calls run in.
func forEach(n int, progress func(done, total int), f func(i int)) {
	var (
		mu   sync.Mutex
		done int
		wg   sync.WaitGroup
	)
	work := make(chan int)
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				f(i)
				if progress != nil {
					mu.Lock()
					done++
					progress(done, n)
					mu.Unlock()
				}
			}
		}()
	}
	for i := range n {
		work <- i
	}
	close(work)
	wg.Wait()
}
