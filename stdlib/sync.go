// Package sync — csp's sync package. Mutex, RWMutex, WaitGroup and Cond
// are natives (stdlib/sync.c: atomic state words in the struct, waiter
// queues in a runtime table keyed by address, so the zero value of every
// type is ready to use and blocking parks the goroutine, never the
// thread). Once, Map and Pool are written here in Go over a Mutex.
package sync

import "sync/atomic"

// A Locker represents an object that can be locked and unlocked.
type Locker interface {
	Lock()
	Unlock()
}

// A Mutex is a mutual exclusion lock; the zero value is unlocked.
// state: bit 0 locked, bit 1 a woken waiter is competing, bits 3.. the
// number of queued waiters (see sync.c). sema is unused (Go's layout, so
// a Mutex prints as Go's does).
type Mutex struct {
	state int32
	sema  uint32
}

func (m *Mutex) Lock()
func (m *Mutex) Unlock()
func (m *Mutex) TryLock() bool

// An RWMutex is a reader/writer mutual exclusion lock (Go's algorithm: a
// writer announces itself by making readerCount negative, which blocks new
// readers, then waits for the readers already inside).
type RWMutex struct {
	w           Mutex
	writerSem   uint32
	readerSem   uint32
	readerCount int32
	readerWait  int32
}

func (rw *RWMutex) RLock()
func (rw *RWMutex) RUnlock()
func (rw *RWMutex) Lock()
func (rw *RWMutex) Unlock()
func (rw *RWMutex) TryLock() bool
func (rw *RWMutex) TryRLock() bool

// RLocker returns a Locker whose Lock and Unlock call rw.RLock and
// rw.RUnlock.
func (rw *RWMutex) RLocker() Locker {
	return &rlocker{rw}
}

type rlocker struct{ rw *RWMutex }

func (r *rlocker) Lock()   { r.rw.RLock() }
func (r *rlocker) Unlock() { r.rw.RUnlock() }

// A WaitGroup waits for a collection of goroutines to finish.
// n: the counter; waiters: goroutines blocked in Wait (see sync.c).
type WaitGroup struct {
	n       int64
	waiters int64
}

func (wg *WaitGroup) Add(delta int)
func (wg *WaitGroup) Wait()

// Done decrements the WaitGroup counter by one.
func (wg *WaitGroup) Done() { wg.Add(-1) }

// Go calls f in a new goroutine and adds that task to the WaitGroup
// (Go 1.25).
func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}

// Cond is a condition variable. wait and notify are Go's notifyList
// tickets: the next ticket to hand out and the next one to wake.
type Cond struct {
	L      Locker
	wait   int64
	notify int64
}

// NewCond returns a new Cond with Locker l.
func NewCond(l Locker) *Cond {
	return &Cond{L: l}
}

func (c *Cond) add() int64
func (c *Cond) waitFor(t int64)
func (c *Cond) Signal()
func (c *Cond) Broadcast()

// Wait atomically unlocks c.L and suspends the goroutine; it locks c.L
// again before returning. Taking the ticket before unlocking is what makes
// a Signal between the Unlock and the sleep count (Go's notifyList).
func (c *Cond) Wait() {
	t := c.add()
	c.L.Unlock()
	c.waitFor(t)
	c.L.Lock()
}

// Once performs exactly one action. A recursive Do deadlocks, as in Go:
// the inner Do waits for the Mutex the outer one holds.
type Once struct {
	done uint32
	m    Mutex
}

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

// Map is a map safe for concurrent use (a Mutex over a map[any]any: simple
// and fast enough for an interpreter; Go's lock-free read path would buy
// little here).
type Map struct {
	mu Mutex
	m  map[any]any
}

func (m *Map) Load(key any) (value any, ok bool) {
	m.mu.Lock()
	value, ok = m.m[key]
	m.mu.Unlock()
	return
}

func (m *Map) Store(key, value any) {
	m.mu.Lock()
	if m.m == nil {
		m.m = make(map[any]any)
	}
	m.m[key] = value
	m.mu.Unlock()
}

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

func (m *Map) LoadAndDelete(key any) (value any, loaded bool) {
	m.mu.Lock()
	value, loaded = m.m[key]
	delete(m.m, key)
	m.mu.Unlock()
	return
}

func (m *Map) Delete(key any) {
	m.mu.Lock()
	delete(m.m, key)
	m.mu.Unlock()
}

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

// CompareAndSwap panics, as Go's does, when old is not comparable.
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

// Range calls f for each key and value present when it starts (a snapshot
// taken under the lock, so f may use the Map), until f returns false.
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

// Clear deletes all the entries (Go 1.23).
func (m *Map) Clear() {
	m.mu.Lock()
	m.m = nil
	m.mu.Unlock()
}

// A Pool is a set of temporary objects. csp keeps at most poolMax of them
// (Go drops pooled objects at each garbage collection; a bound keeps memory
// bounded the same way).
type Pool struct {
	mu    Mutex
	items []any
	New   func() any
}

const poolMax = 4096

func (p *Pool) Get() any {
	p.mu.Lock()
	if n := len(p.items); n > 0 {
		x := p.items[n-1]
		p.items[n-1] = nil
		p.items = p.items[:n-1]
		p.mu.Unlock()
		return x
	}
	p.mu.Unlock()
	if p.New != nil {
		return p.New()
	}
	return nil
}

func (p *Pool) Put(x any) {
	if x == nil {
		return
	}
	p.mu.Lock()
	if len(p.items) < poolMax {
		p.items = append(p.items, x)
	}
	p.mu.Unlock()
}
