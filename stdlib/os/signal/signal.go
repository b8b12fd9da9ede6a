// Package signal delivers incoming operating system signals (Ctrl-C's SIGINT, SIGTERM …) to channels.
//
// Package os/signal — csp's standard library. Notify installs a C handler
// that only writes the signal's number to a pipe (signal.c); one goroutine,
// started by the first Notify, waits on that pipe with its thread in the
// syscall hand-off (no P held) and sends each signal to every channel that
// wants it, never blocking (a full channel misses the signal, as in Go).
// So no csp code and no lock ever runs inside a signal handler.
//
// Signals the runtime needs are never taken over: SIGQUIT (the goroutine
// dump), the faults (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGABRT),
// SIGKILL and SIGSTOP (impossible), the collector's SIGPWR and SIGXCPU,
// SIGPROF and the real-time signals; Notify ignores them.
package signal

import (
	"context"
	"os"
	"sync"
	"syscall"
	"time"
)

func enableSignal(sig int)
func disableSignal(sig int)
func ignoreSignal(sig int)
func signalIgnored(sig int) bool
func signalRecv() int
func signalPoll() int
func simulated() bool

const numSig = 65 // signal numbers 0..64, as Go on Linux

// handler is the set of signals one channel wants.
type handler struct {
	mask [(numSig + 31) / 32]uint32
}

func (h *handler) want(sig int) bool { return (h.mask[sig/32]>>uint(sig&31))&1 != 0 }
func (h *handler) set(sig int)       { h.mask[sig/32] |= 1 << uint(sig&31) }
func (h *handler) clear(sig int)     { h.mask[sig/32] &^= 1 << uint(sig&31) }

// handlers: the channels and how many want each signal; protected by mu.
// Delivery holds mu too, so once Stop returns nothing is sent to its channel.
var handlers struct {
	mu  sync.Mutex
	m   map[chan<- os.Signal]*handler
	ref [numSig]int64
}

var loopOnce sync.Once

func signum(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		if i := int(s); i >= 0 && i < numSig {
			return i
		}
	}
	return -1
}

// Notify makes the signals sig (all of them when none is given) be sent on
// c. Sends never block: give c a buffer (1 is enough for one signal kind).
func Notify(c chan<- os.Signal, sig ...os.Signal) {
	if c == nil {
		panic("os/signal: Notify using nil channel")
	}
	handlers.mu.Lock()
	defer handlers.mu.Unlock()
	h := handlers.m[c]
	if h == nil {
		if handlers.m == nil {
			handlers.m = make(map[chan<- os.Signal]*handler)
		}
		h = new(handler)
		handlers.m[c] = h
	}
	add := func(n int) {
		if n < 0 || h.want(n) {
			return
		}
		h.set(n)
		if handlers.ref[n] == 0 {
			enableSignal(n)
			loopOnce.Do(func() { go loop() })
		}
		handlers.ref[n]++
	}
	if len(sig) == 0 {
		for n := 0; n < numSig; n++ {
			add(n)
		}
		return
	}
	for _, s := range sig {
		add(signum(s))
	}
}

// Stop makes c receive no more signals; a signal no channel wants any
// more gets its default behaviour back.
func Stop(c chan<- os.Signal) {
	handlers.mu.Lock()
	defer handlers.mu.Unlock()
	h := handlers.m[c]
	if h == nil {
		return
	}
	delete(handlers.m, c)
	for n := 0; n < numSig; n++ {
		if h.want(n) {
			handlers.ref[n]--
			if handlers.ref[n] == 0 {
				disableSignal(n)
			}
		}
	}
}

// cancel takes sigs (all when none) from every channel and applies action.
func cancel(sigs []os.Signal, action func(int)) {
	handlers.mu.Lock()
	defer handlers.mu.Unlock()
	remove := func(n int) {
		if n < 0 {
			return
		}
		var zero handler
		for c, h := range handlers.m {
			if h.want(n) {
				handlers.ref[n]--
				h.clear(n)
				if h.mask == zero.mask {
					delete(handlers.m, c)
				}
			}
		}
		action(n)
	}
	if len(sigs) == 0 {
		for n := 0; n < numSig; n++ {
			remove(n)
		}
		return
	}
	for _, s := range sigs {
		remove(signum(s))
	}
}

// Reset undoes Notify and Ignore for sig (all signals when none is given): the default behaviour comes back.
func Reset(sig ...os.Signal) { cancel(sig, disableSignal) }

// Ignore makes the signals sig (all when none) be ignored; channels stop receiving them.
func Ignore(sig ...os.Signal) { cancel(sig, ignoreSignal) }

// Ignored reports whether sig is ignored now.
func Ignored(sig os.Signal) bool {
	sn := signum(sig)
	return sn >= 0 && signalIgnored(sn)
}

// loop is the delivering goroutine: it waits for the next signal (without
// a P) and hands it to the channels that want it.
//
// Under -seed / csp explore every goroutine shares one thread, which a
// blocking wait would stop: there the loop polls, sleeping (in virtual
// time) between polls.
func loop() {
	if simulated() {
		for {
			if n := signalPoll(); n >= 0 {
				process(syscall.Signal(n))
			} else {
				time.Sleep(time.Millisecond)
			}
		}
	}
	for {
		process(syscall.Signal(signalRecv()))
	}
}

func process(sig os.Signal) {
	n := signum(sig)
	if n < 0 {
		return
	}
	handlers.mu.Lock()
	defer handlers.mu.Unlock()
	for c, h := range handlers.m {
		if h.want(n) {
			select {
			case c <- sig:
			default:
			}
		}
	}
}

// NotifyContext returns a copy of parent that is canceled when one of the
// signals arrives (its Cause then says "interrupt signal received"), when
// stop is called, or when parent is canceled. stop also ends the
// notification: call it as soon as the context is no longer needed.
func NotifyContext(parent context.Context, signals ...os.Signal) (ctx context.Context, stop context.CancelFunc) {
	ctx, cancel := context.WithCancelCause(parent)
	c := &signalCtx{Context: ctx, cancel: cancel, signals: signals}
	c.ch = make(chan os.Signal, 1)
	Notify(c.ch, c.signals...)
	if ctx.Err() == nil {
		go func() {
			select {
			case s := <-c.ch:
				c.cancel(signalError(s.String() + " signal received"))
			case <-c.Done():
			}
		}()
	}
	return c, c.stop
}

type signalCtx struct {
	context.Context
	cancel  context.CancelCauseFunc
	signals []os.Signal
	ch      chan os.Signal
}

func (c *signalCtx) stop() {
	c.cancel(nil)
	Stop(c.ch)
}

type stringer interface {
	String() string
}

// String names the context as Go does: "signal.NotifyContext(context.Background, [interrupt])".
func (c *signalCtx) String() string {
	var buf []byte
	name := c.Context.(stringer).String()
	name = name[:len(name)-len(".WithCancel")]
	buf = append(buf, "signal.NotifyContext("+name...)
	if len(c.signals) != 0 {
		buf = append(buf, ", ["...)
		for i, s := range c.signals {
			buf = append(buf, s.String()...)
			if i != len(c.signals)-1 {
				buf = append(buf, ' ')
			}
		}
		buf = append(buf, ']')
	}
	buf = append(buf, ')')
	return string(buf)
}

type signalError string

func (s signalError) Error() string { return string(s) }
