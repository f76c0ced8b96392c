// Package gctune sets Go's garbage collector for a command that runs once
// over many files: few collections while the heap is small, and no more
// than Go's default once the data live at a time is large.
package gctune

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// liveMetric is the heap the last collection found live.
const liveMetric = "/gc/heap/live:bytes"

// Set makes the collector let the heap grow to five times what is live
// (GOGC=400), but no further than limit bytes while what is live is
// less than half of it; past that, to twice what is live, as Go's
// default does. A memory limit alone below the live heap would have the
// collector run all the time, and a command slow down many times over,
// for an article whose parse is larger than the limit. setGOGC and
// setLimit say which of the two to set: not one the environment sets
// (GOGC, GOMEMLIMIT). stop stops raising the limit.
func Set(limit int64, setGOGC, setLimit bool) (stop func()) {
	if setGOGC {
		debug.SetGCPercent(400)
	}
	if !setLimit {
		return func() {}
	}
	debug.SetMemoryLimit(limit)
	t := &tuner{base: limit, sample: []metrics.Sample{{Name: liveMetric}}}
	t.watch()
	return t.stop
}

// tuner raises the memory limit after each collection that finds more
// live than half of it.
type tuner struct {
	mu      sync.Mutex
	base    int64
	sample  []metrics.Sample
	stopped bool
}

// watch calls adjust after the next collection, and so on after each:
// a finalizer runs once the object it is set on is found unreachable,
// which a collection does.
func (t *tuner) watch() {
	// Not an object of the tiny allocator, which shares its block with
	// others that may stay live.
	sentinel := &struct{ t *tuner }{t}
	runtime.SetFinalizer(sentinel, func(*struct{ t *tuner }) {
		if t.adjust() {
			t.watch()
		}
	})
}

// stop makes the next adjust the last, and leaves the limit as it is.
func (t *tuner) stop() {
	t.mu.Lock()
	t.stopped = true
	t.mu.Unlock()
}

// adjust sets the limit to twice what is live, or the base, whichever is
// more, and reports whether to go on.
func (t *tuner) adjust() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return false
	}
	metrics.Read(t.sample)
	if t.sample[0].Value.Kind() == metrics.KindUint64 {
		live := int64(t.sample[0].Value.Uint64())
		debug.SetMemoryLimit(max(t.base, 2*live))
	}
	return true
}
