package parallel

import (
	"runtime"
	"sync"
)

// Ordered calls work(i) for each i below n on as many goroutines as there
// are processors, and deliver(i, result) for each in order of i, one at a
// time, from the goroutine that called Ordered. At most a few results per
// processor wait to be delivered: a worker that runs ahead of the slowest
// waits, so that a run over many files holds a bounded number of them,
// however many there are. A result is let go once delivered.
func Ordered[T any](n int, work func(i int) T, deliver func(i int, result T)) {
	OrderedWindow(n, 2*runtime.GOMAXPROCS(0), work, deliver)
}

// OrderedWindow is [Ordered] with at most window results computed and
// not yet delivered (at least 1).
func OrderedWindow[T any](n, window int, work func(i int) T, deliver func(i int, result T)) {
	if n <= 0 {
		return
	}
	window = max(1, min(window, n))
	workers := min(runtime.GOMAXPROCS(0), window)
	// slots[i%window] carries result i; a worker takes i only once the
	// result window places before it has been delivered.
	type slot struct {
		ready chan T
	}
	slots := make([]slot, window)
	for k := range slots {
		slots[k].ready = make(chan T, 1)
	}
	free := make(chan struct{}, window) // a token for each result that may be in flight
	for range window {
		free <- struct{}{}
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				slots[i%window].ready <- work(i)
			}
		})
	}
	go func() {
		for i := range n {
			<-free
			next <- i
		}
		close(next)
	}()
	for i := range n {
		r := <-slots[i%window].ready
		deliver(i, r)
		free <- struct{}{}
	}
	wg.Wait()
}
