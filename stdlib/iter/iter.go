// Package iter defines the iterator types that range-over-func loops take
// (Seq, Seq2) and converts them to pull-style iterators (Pull, Pull2).
//
// Package iter — csp's standard library. Go's Pull runs the iterator as a
// coroutine; here it is a goroutine that takes turns with the caller over
// two unbuffered channels (resume: caller -> iterator, true to go on, false
// to stop; back: iterator -> caller, after each value and once when the
// iterator returns). The channel operations order every access to the
// shared variables, so exactly one side runs at a time, as with Go's
// coroutine switch. The goroutine starts on the first call of next; stop
// before that starts nothing.
package iter

import "runtime"

// Seq is an iterator over single values: it calls yield with each value in
// turn and stops early when yield returns false.
type Seq[V any] func(yield func(V) bool)

// Seq2 is an iterator over pairs of values.
type Seq2[K, V any] func(yield func(K, V) bool)

// puller is the state one Pull or Pull2 shares between the caller and the
// iterator's goroutine.
type puller struct {
	resume   chan bool
	back     chan struct{}
	started  bool
	running  bool // the iterator has the turn (next called from inside it)
	done     bool // the iterator returned, panicked or was stopped
	seqDone  bool // the iterator returned (else it panicked or Goexited)
	panicked bool
	goexit   bool // the iterator called runtime.Goexit
	pv       any
}

func newPuller() *puller {
	return &puller{resume: make(chan bool), back: make(chan struct{})}
}

// run is the goroutine: it waits for the first resume, then runs body (the
// iterator); its end, normal or by panic, is reported on back.
func (p *puller) run(body func()) {
	defer func() {
		if e := recover(); e != nil {
			p.panicked, p.pv = true, e
		} else if !p.seqDone {
			p.goexit = true
		}
		p.done = true
		p.back <- struct{}{}
	}()
	if <-p.resume {
		body()
	}
	p.seqDone = true
}

// yielded hands a value to the caller (already stored) and waits for the
// next turn; false when the caller stopped.
func (p *puller) yielded() bool {
	p.back <- struct{}{}
	return <-p.resume
}

// turn gives the iterator one turn (go: true for next, false for stop) and
// reports whether it produced a value. The iterator's panic (or Goexit)
// is raised again in the caller.
func (p *puller) turn(body func(), goOn bool) bool {
	if p.done {
		return false
	}
	if p.running {
		panic("iter.Pull: next called again before yield")
	}
	if !p.started {
		if !goOn {
			p.done = true
			return false
		}
		p.started = true
		go p.run(body)
	}
	if !goOn {
		p.done = true
	}
	p.running = true
	p.resume <- goOn
	<-p.back
	p.running = false
	if p.panicked {
		p.panicked = false
		panic(p.pv)
	}
	if p.goexit {
		p.goexit = false
		runtime.Goexit()
	}
	return !p.done
}

// Pull converts the push iterator seq into a pull iterator: next returns
// each value with true, then the zero value and false once seq is done or
// stop was called. stop ends the iteration (yield returns false in seq);
// it may be called any number of times. A panic in seq is raised again by
// the next or stop call that resumed it.
func Pull[V any](seq Seq[V]) (next func() (V, bool), stop func()) {
	p := newPuller()
	var v V
	body := func() {
		seq(func(x V) bool {
			if p.done {
				return false
			}
			v = x
			return p.yielded()
		})
	}
	next = func() (V, bool) {
		var zero V
		if !p.turn(body, true) {
			return zero, false
		}
		x := v
		v = zero
		return x, true
	}
	stop = func() { p.turn(body, false) }
	return next, stop
}

// Pull2 is Pull for a Seq2: next returns each pair with true.
func Pull2[K, V any](seq Seq2[K, V]) (next func() (K, V, bool), stop func()) {
	p := newPuller()
	var k K
	var v V
	body := func() {
		seq(func(x K, y V) bool {
			if p.done {
				return false
			}
			k, v = x, y
			return p.yielded()
		})
	}
	next = func() (K, V, bool) {
		var zk K
		var zv V
		if !p.turn(body, true) {
			return zk, zv, false
		}
		x, y := k, v
		k, v = zk, zv
		return x, y, true
	}
	stop = func() { p.turn(body, false) }
	return next, stop
}
