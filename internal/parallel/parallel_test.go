package parallel

import (
	"sync/atomic"
	"testing"
)

func TestEach(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		seen := make([]int32, n)
		Each(n, func(i int) { atomic.AddInt32(&seen[i], 1) })
		for i, c := range seen {
			if c != 1 {
				t.Fatalf("n=%d: i=%d called %d times", n, i, c)
			}
		}
	}
}

func TestWorkers(t *testing.T) {
	const n, workers = 500, 3
	sums := make([]int, workers) // each worker's own: no locks
	Workers(n, workers, func(w, i int) { sums[w] += i })
	total := 0
	for _, s := range sums {
		total += s
	}
	if want := n * (n - 1) / 2; total != want {
		t.Errorf("sum %d, want %d", total, want)
	}
	Workers(0, workers, func(w, i int) { t.Error("called for no work") })
}
