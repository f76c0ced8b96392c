package parallel

import (
	"sync/atomic"
	"testing"
	"time"
)

func TestOrdered(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		var got []int
		Ordered(n, func(i int) int {
			if i%3 == 0 {
				time.Sleep(time.Microsecond) // finish out of order
			}
			return i * i
		}, func(i, r int) {
			if r != i*i {
				t.Fatalf("n=%d: result %d for %d", n, r, i)
			}
			got = append(got, i)
		})
		if len(got) != n {
			t.Fatalf("n=%d: %d delivered", n, len(got))
		}
		for i, v := range got {
			if v != i {
				t.Fatalf("n=%d: delivered %v, not in order", n, got)
			}
		}
	}
}

// TestOrderedWindow checks that no more results wait than the window
// allows, while the first is slow to be delivered.
func TestOrderedWindow(t *testing.T) {
	const n, window = 200, 4
	var started, delivered atomic.Int64
	OrderedWindow(n, window, func(i int) int {
		if s, d := started.Add(1), delivered.Load(); s-d > window {
			t.Errorf("work %d started with %d started and %d delivered: more than %d in flight", i, s, d, window)
		}
		return i
	}, func(i, r int) {
		if i == 0 {
			time.Sleep(10 * time.Millisecond)
		}
		delivered.Add(1)
	})
	if d := delivered.Load(); d != n {
		t.Errorf("%d delivered, want %d", d, n)
	}
}
