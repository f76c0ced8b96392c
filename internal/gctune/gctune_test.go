package gctune

import (
	"runtime"
	"runtime/debug"
	"testing"
)

// TestLimitFollowsLiveHeap keeps more live than half the limit and
// checks that the limit is raised to twice the live heap after a
// collection, and falls back to the base once it is let go.
func TestLimitFollowsLiveHeap(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	const base = 8 << 20
	stop := Set(base, true, true)
	defer stop()
	if got := debug.SetMemoryLimit(-1); got != base {
		t.Fatalf("limit %d, want %d", got, base)
	}
	live := make([][]byte, 0, 64)
	for range 64 {
		live = append(live, make([]byte, 1<<20)) // 64 MiB live
	}
	runtime.GC()
	runtime.GC() // the finalizer runs after the collection that freed its object
	waitFor(t, func() bool { return debug.SetMemoryLimit(-1) >= 2*64<<20 })
	runtime.KeepAlive(live)
	live = nil
	runtime.GC()
	runtime.GC()
	waitFor(t, func() bool { return debug.SetMemoryLimit(-1) < 2*64<<20 })
}

// waitFor runs collections until ok, for the finalizer to run.
func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	for range 100 {
		if ok() {
			return
		}
		runtime.GC()
		runtime.Gosched()
	}
	t.Fatalf("limit %d after 100 collections", debug.SetMemoryLimit(-1))
}

// TestEnvironmentFirst checks that GOGC and GOMEMLIMIT set in the
// environment are left as they are.
func TestEnvironmentFirst(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	debug.SetGCPercent(123)
	debug.SetMemoryLimit(456 << 20)
	defer Set(8<<20, false, false)()
	if got := debug.SetGCPercent(-1); got != 123 {
		t.Errorf("GOGC %d, want 123", got)
	}
	if got := debug.SetMemoryLimit(-1); got != 456<<20 {
		t.Errorf("limit %d, want %d", got, 456<<20)
	}
}
