// Package sync provides locks, wait groups, once-only calls, condition variables, a concurrent map and pools.
//
// Package sync — csp's sync package. Mutex, RWMutex, WaitGroup and Cond
// are natives (stdlib/sync.c: atomic state words in the struct, waiter
// queues in a runtime table keyed by address, so the zero value of every
// type is ready to use and blocking parks the goroutine, never the
// thread). Once, Map and Pool are written here in Go over a Mutex.
package sync

import "sync/atomic"

// A Locker is anything with Lock and Unlock methods, such as *Mutex.
type Locker interface {
	Lock()
	Unlock()
}

// A Mutex is a mutual exclusion lock: one goroutine holds it at a time; the zero value is unlocked.
//
// state: bit 0 locked, bit 1 a woken waiter is competing, bits 3.. the
// number of queued waiters (see sync.c). sema is unused (Go's layout, so
// a Mutex prints as Go's does).
type Mutex struct {
	state int32
	sema  uint32
}

// Lock acquires m, parking the goroutine until m is free.
func (m *Mutex) Lock()
// Unlock unlocks m; unlocking a mutex that is not locked is a fatal error.
//
// Any goroutine may unlock m, not only the one that locked it.
func (m *Mutex) Unlock()
// TryLock locks m if it is free and reports whether it did; it never blocks.
func (m *Mutex) TryLock() bool

// An RWMutex can be held by many readers or by one writer; the zero value is unlocked.
//
// Go's algorithm: a writer announces itself by making readerCount negative,
// which blocks new readers, then waits for the readers already inside.
type RWMutex struct {
	w           Mutex
	writerSem   uint32
	readerSem   uint32
	readerCount int32
	readerWait  int32
}

// RLock locks rw for reading; it blocks while a writer holds or is waiting for rw.
func (rw *RWMutex) RLock()
// RUnlock releases one read lock; releasing one that is not held is a fatal error.
func (rw *RWMutex) RUnlock()
// Lock acquires rw for writing, waiting until no reader or writer holds it.
func (rw *RWMutex) Lock()
// Unlock releases rw's write lock; releasing one that is not held is a fatal error.
func (rw *RWMutex) Unlock()
// TryLock locks rw for writing if that is possible at once, and reports whether it did.
func (rw *RWMutex) TryLock() bool
// TryRLock locks rw for reading if that is possible at once, and reports whether it did.
func (rw *RWMutex) TryRLock() bool

// RLocker returns a Locker whose Lock and Unlock take and release a read lock
// on rw.
func (rw *RWMutex) RLocker() Locker {
	return &rlocker{rw}
}

type rlocker struct{ rw *RWMutex }

func (r *rlocker) Lock()   { r.rw.RLock() }
func (r *rlocker) Unlock() { r.rw.RUnlock() }

// A WaitGroup lets goroutines wait until a set of tasks has finished; the zero value is ready.
//
// n: the counter; waiters: goroutines blocked in Wait (see sync.c).
type WaitGroup struct {
	n       int64
	waiters int64
}

// Add changes the task counter by delta; a counter below zero panics.
//
// Every goroutine in Wait returns once the counter is back to zero.
func (wg *WaitGroup) Add(delta int)
// Wait parks the goroutine until the counter drops to zero.
func (wg *WaitGroup) Wait()

// Done marks one task finished: it is Add(-1).
func (wg *WaitGroup) Done() { wg.Add(-1) }

// Go runs f in a new goroutine counted by wg: Add(1) before it starts, Done when f returns.
//
// Added in Go 1.25.
func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}

// Cond is a condition variable: goroutines wait on it until another goroutine signals a change.
//
// L is held while the condition is checked or changed. wait and notify are
// Go's notifyList tickets: the next ticket to hand out and the next one to
// wake.
type Cond struct {
	L      Locker
	wait   int64
	notify int64
}

// NewCond returns a Cond that uses l as its Locker.
func NewCond(l Locker) *Cond {
	return &Cond{L: l}
}

func (c *Cond) add() int64
func (c *Cond) waitFor(t int64)
// Signal wakes the goroutine that has waited longest in c.Wait, if any.
func (c *Cond) Signal()
// Broadcast wakes every goroutine blocked in c.Wait.
func (c *Cond) Broadcast()

// Wait unlocks c.L, parks until Signal or Broadcast wakes it, and locks c.L again before returning.
//
// Taking the ticket before unlocking is what makes a Signal between the
// Unlock and the sleep count (Go's notifyList).
func (c *Cond) Wait() {
	t := c.add()
	c.L.Unlock()
	c.waitFor(t)
	c.L.Lock()
}

// A Once runs a function only once, however many goroutines call Do; the zero value is ready.
//
// A recursive Do deadlocks, as in Go: the inner Do waits for the Mutex the
// outer one holds.
type Once struct {
	done uint32
	m    Mutex
}

// Do runs f on the first call for o; later calls wait for that run to end and do nothing.
//
// If f panics, o still counts as done.
func (o *Once) Do(f func()) {
	if atomic.LoadUint32(&o.done) == 0 {
		o.doSlow(f)
	}
}

func (o *Once) doSlow(f func()) {
	o.m.Lock()
	defer o.m.Unlock()
	if o.done == 0 {
		defer atomic.StoreUint32(&o.done, 1)
		f()
	}
}

// OnceFunc returns a function that calls f only on its first call; every call returns after that one.
//
// If f panics, every call of the returned function panics with f's value.
func OnceFunc(f func()) func() {
	var (
		once  Once
		valid bool
		p     any
	)
	g := func() {
		defer func() {
			f = nil
			p = recover()
			if !valid {
				panic(p)
			}
		}()
		f()
		valid = true // only when f returned normally
	}
	return func() {
		once.Do(g)
		if !valid {
			panic(p)
		}
	}
}

// OnceValue returns a function that calls f only on its first call and returns f's result every time.
//
// If f panics, every call of the returned function panics with f's value.
func OnceValue[T any](f func() T) func() T {
	var (
		once   Once
		valid  bool
		p      any
		result T
	)
	g := func() {
		defer func() {
			f = nil
			p = recover()
			if !valid {
				panic(p)
			}
		}()
		result = f()
		valid = true
	}
	return func() T {
		once.Do(g)
		if !valid {
			panic(p)
		}
		return result
	}
}

// OnceValues returns a function that calls f only on its first call and returns f's results every time.
//
// If f panics, every call of the returned function panics with f's value.
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) {
	var (
		once  Once
		valid bool
		p     any
		r1    T1
		r2    T2
	)
	g := func() {
		defer func() {
			f = nil
			p = recover()
			if !valid {
				panic(p)
			}
		}()
		r1, r2 = f()
		valid = true
	}
	return func() (T1, T2) {
		once.Do(g)
		if !valid {
			panic(p)
		}
		return r1, r2
	}
}

// Map is a map[any]any that many goroutines may use at once; the zero value is an empty map.
//
// It is a Mutex over a map[any]any: simple and fast enough for an
// interpreter; Go's lock-free read path would buy little here.
type Map struct {
	mu Mutex
	m  map[any]any
}

// Load returns key's value (nil if none) and whether key was present.
func (m *Map) Load(key any) (value any, ok bool) {
	m.mu.Lock()
	value, ok = m.m[key]
	m.mu.Unlock()
	return
}

// Store makes value the entry for key.
func (m *Map) Store(key, value any) {
	m.mu.Lock()
	if m.m == nil {
		m.m = make(map[any]any)
	}
	m.m[key] = value
	m.mu.Unlock()
}

// LoadOrStore returns key's existing value, or stores value and returns it if key was absent.
//
// loaded reports whether the value was already there.
func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.m[key]; ok {
		return v, true
	}
	if m.m == nil {
		m.m = make(map[any]any)
	}
	m.m[key] = value
	return value, false
}

// LoadAndDelete removes key's entry and returns its value and whether it was present.
func (m *Map) LoadAndDelete(key any) (value any, loaded bool) {
	m.mu.Lock()
	value, loaded = m.m[key]
	delete(m.m, key)
	m.mu.Unlock()
	return
}

// Delete removes key's entry, if any.
func (m *Map) Delete(key any) {
	m.mu.Lock()
	delete(m.m, key)
	m.mu.Unlock()
}

// Swap makes value key's entry and returns the previous value and whether there was one.
func (m *Map) Swap(key, value any) (previous any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	previous, loaded = m.m[key]
	if m.m == nil {
		m.m = make(map[any]any)
	}
	m.m[key] = value
	return
}

// CompareAndSwap replaces key's value by new if it equals old, and reports whether it did.
//
// It panics, as Go's does, when old is not comparable.
func (m *Map) CompareAndSwap(key, old, new any) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.m[key]
	if !ok || v != old {
		return false
	}
	m.m[key] = new
	return true
}

// CompareAndDelete removes key's entry if its value equals old, and reports whether it did.
func (m *Map) CompareAndDelete(key, old any) (deleted bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.m[key]
	if !ok || v != old {
		return false
	}
	delete(m.m, key)
	return true
}

// Range calls f on each entry of the map in turn, stopping early if f returns false.
//
// It sees the entries present when it starts (a snapshot taken under the
// lock, so f may use the Map).
func (m *Map) Range(f func(key, value any) bool) {
	m.mu.Lock()
	keys := make([]any, 0, len(m.m))
	vals := make([]any, 0, len(m.m))
	for k, v := range m.m {
		keys = append(keys, k)
		vals = append(vals, v)
	}
	m.mu.Unlock()
	for i := range keys {
		if !f(keys[i], vals[i]) {
			break
		}
	}
}

// Clear removes every entry.
//
// Added in Go 1.23.
func (m *Map) Clear() {
	m.mu.Lock()
	m.m = nil
	m.mu.Unlock()
}

// A Pool keeps spare objects for reuse: Get takes one (or makes one with New), Put gives one back.
//
// Each P has a private slot and a shared list the other Ps steal from;
// objects unused for two garbage collections are dropped, as in Go (see
// stdlib/sync/pool.c). A Pool must not be copied after first use.
type Pool struct {
	local *poolState
	// New, when not nil, makes the value Get returns when the pool is empty.
	New func() any
}

// poolState is the pool's C state (pool.c); Go code never looks inside.
type poolState struct{}

func (p *Pool) get() any

// Get removes an object from the pool and returns it, or returns New() (nil without New).
//
// Callers must not assume anything about which object they get back.
func (p *Pool) Get() any {
	x := p.get()
	if x == nil && p.New != nil {
		x = p.New()
	}
	return x
}

// Put gives x back to the pool for reuse; nil is ignored.
func (p *Pool) Put(x any)
