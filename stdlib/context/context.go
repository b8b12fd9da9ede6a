// Package context carries deadlines, cancellation signals and request-scoped values across goroutines.
//
// Package context — csp's context package, written in Go with the current
// Go API and behaviour: Background, TODO, WithCancel, WithCancelCause,
// WithDeadline(Cause), WithTimeout(Cause), WithValue, WithoutCancel,
// AfterFunc, Cause, and contexts that print as Go's
// ("context.Background.WithCancel").
//
// THE TREE: a cancelable context registers itself in its nearest
// cancelable ancestor's children set (found through Value(&cancelCtxKey),
// as Go does), so cancelling a node cancels its whole subtree at once,
// under each node's lock, parent before children; a cancelled node leaves
// its parent's set. A parent that is some other Context implementation is
// watched by a goroutine (or through its AfterFunc method), as in Go.
package context

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

// A Context tells a call when to give up and carries request-scoped values.
//
// Giving up comes from a deadline or a cancellation. Its methods are safe for
// concurrent use.
type Context interface {
	Deadline() (deadline time.Time, ok bool)
	Done() <-chan struct{}
	Err() error
	Value(key any) any
}

// Canceled is the error Context.Err returns once the context has been
// canceled rather than timed out.
var Canceled = errors.New("context canceled")

// DeadlineExceeded is the error Context.Err returns once the context's
// deadline has passed.
var DeadlineExceeded error = deadlineExceededError{}

type deadlineExceededError struct{}

func (deadlineExceededError) Error() string   { return "context deadline exceeded" }
func (deadlineExceededError) Timeout() bool   { return true }
func (deadlineExceededError) Temporary() bool { return true }

// ---- empty contexts ----

type emptyCtx struct{}

func (emptyCtx) Deadline() (deadline time.Time, ok bool) { return }
func (emptyCtx) Done() <-chan struct{}                   { return nil }
func (emptyCtx) Err() error                              { return nil }
func (emptyCtx) Value(key any) any                       { return nil }

type backgroundCtx struct{ emptyCtx }

func (backgroundCtx) String() string { return "context.Background" }

type todoCtx struct{ emptyCtx }

func (todoCtx) String() string { return "context.TODO" }

// Background returns the empty root Context: it has no deadline or values
// and is never canceled.
func Background() Context { return backgroundCtx{} }

// TODO returns an empty Context, a placeholder where the right Context is
// not known yet.
func TODO() Context { return todoCtx{} }

// A CancelFunc cancels its context; calls after the first do nothing.
type CancelFunc func()

// A CancelCauseFunc cancels its context like a CancelFunc and records why.
type CancelCauseFunc func(cause error)

// ---- cancelable contexts ----

// canceler is a context that can be canceled directly (*cancelCtx,
// *timerCtx, *afterFuncCtx).
type canceler interface {
	cancel(removeFromParent bool, err, cause error)
	Done() <-chan struct{}
}

// cancelCtxKey is the key a cancelCtx returns itself for.
var cancelCtxKey int

type cancelCtx struct {
	Context                     // the parent
	mu       sync.Mutex         // protects the fields below
	done     chan struct{}      // closed by the first cancel
	children map[canceler]bool  // set to nil by the first cancel
	err      error              // set to non-nil by the first cancel
	cause    error              // set to non-nil by the first cancel
}

func (c *cancelCtx) Value(key any) any {
	if key == &cancelCtxKey {
		return c
	}
	return c.Context.Value(key)
}

func (c *cancelCtx) Done() <-chan struct{} { return c.done }

func (c *cancelCtx) Err() error {
	c.mu.Lock()
	err := c.err
	c.mu.Unlock()
	return err
}

func (c *cancelCtx) String() string {
	return contextName(c.Context) + ".WithCancel"
}

// cancel closes c.done, cancels each of c's children and, if
// removeFromParent, removes c from its parent's children.
func (c *cancelCtx) cancel(removeFromParent bool, err, cause error) {
	if err == nil {
		panic("context: internal error: missing cancel error")
	}
	if cause == nil {
		cause = err
	}
	c.mu.Lock()
	if c.err != nil {
		c.mu.Unlock()
		return // already canceled
	}
	c.err = err
	c.cause = cause
	close(c.done)
	for child := range c.children {
		child.cancel(false, err, cause)
	}
	c.children = nil
	c.mu.Unlock()
	if removeFromParent {
		removeChild(c.Context, c)
	}
}

// propagateCancel makes parent the parent of c and arranges for child to
// be canceled when parent is.
func (c *cancelCtx) propagateCancel(parent Context, child canceler) {
	c.Context = parent
	c.done = make(chan struct{})
	done := parent.Done()
	if done == nil {
		return // parent is never canceled
	}
	select {
	case <-done:
		child.cancel(false, parent.Err(), Cause(parent))
		return
	default:
	}
	if p, ok := parentCancelCtx(parent); ok {
		p.mu.Lock()
		if p.err != nil {
			p.mu.Unlock()
			child.cancel(false, p.err, p.cause)
			return
		}
		if p.children == nil {
			p.children = make(map[canceler]bool)
		}
		p.children[child] = true
		p.mu.Unlock()
		return
	}
	if a, ok := parent.(afterFuncer); ok {
		stop := a.AfterFunc(func() {
			child.cancel(false, parent.Err(), Cause(parent))
		})
		c.Context = stopCtx{Context: parent, stop: stop}
		return
	}
	go func() {
		select {
		case <-parent.Done():
			child.cancel(false, parent.Err(), Cause(parent))
		case <-child.Done():
		}
	}()
}

// parentCancelCtx returns the *cancelCtx underlying parent, if parent's
// Done channel is that context's own (not a custom wrapper's).
func parentCancelCtx(parent Context) (*cancelCtx, bool) {
	if p, ok := parent.(*cancelCtx); ok {
		// What the general path below finds for a plain cancelCtx
		// (its Value returns itself, its Done is p.done), without two
		// interface calls and two conversions to any.
		return p, p.done != nil
	}
	done := parent.Done()
	if done == nil {
		return nil, false
	}
	p, ok := parent.Value(&cancelCtxKey).(*cancelCtx)
	if !ok || p.done != done {
		return nil, false
	}
	return p, true
}

// removeChild removes a context from its parent's children.
func removeChild(parent Context, child canceler) {
	if s, ok := parent.(stopCtx); ok {
		s.stop()
		return
	}
	p, ok := parentCancelCtx(parent)
	if !ok {
		return
	}
	p.mu.Lock()
	if p.children != nil {
		delete(p.children, child)
	}
	p.mu.Unlock()
}

// WithCancel returns a child of parent that is canceled by calling cancel or
// when parent is.
//
// The child has its own Done channel; call cancel once the work is done to
// release its resources.
func WithCancel(parent Context) (ctx Context, cancel CancelFunc) {
	c := withCancel(parent)
	return c, func() { c.cancel(true, Canceled, nil) }
}

// WithCancelCause is like WithCancel, but its cancel function records a cause.
//
// Cause reports the recorded cause; a nil cause means Canceled.
func WithCancelCause(parent Context) (ctx Context, cancel CancelCauseFunc) {
	c := withCancel(parent)
	return c, func(cause error) { c.cancel(true, Canceled, cause) }
}

func withCancel(parent Context) *cancelCtx {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	c := &cancelCtx{}
	c.propagateCancel(parent, c)
	return c
}

// Cause returns why c was canceled: the cause given to a CancelCauseFunc,
// or c.Err(). nil while c is not canceled.
func Cause(c Context) error {
	if cc, ok := c.Value(&cancelCtxKey).(*cancelCtx); ok {
		cc.mu.Lock()
		defer cc.mu.Unlock()
		return cc.cause
	}
	return c.Err()
}

// ---- deadlines ----

type timerCtx struct {
	cancelCtx
	timer    *time.Timer // under cancelCtx.mu
	deadline time.Time
}

func (c *timerCtx) Deadline() (deadline time.Time, ok bool) {
	return c.deadline, true
}

func (c *timerCtx) String() string {
	return contextName(c.cancelCtx.Context) + ".WithDeadline(" +
		c.deadline.String() + " [" +
		time.Until(c.deadline).String() + "])"
}

func (c *timerCtx) cancel(removeFromParent bool, err, cause error) {
	c.cancelCtx.cancel(false, err, cause)
	if removeFromParent {
		removeChild(c.cancelCtx.Context, c)
	}
	c.mu.Lock()
	if c.timer != nil {
		c.timer.Stop()
		c.timer = nil
	}
	c.mu.Unlock()
}

// WithDeadline returns a copy of parent that is canceled no later than d.
func WithDeadline(parent Context, d time.Time) (Context, CancelFunc) {
	return WithDeadlineCause(parent, d, nil)
}

// WithDeadlineCause is WithDeadline that also sets the cause when the
// deadline passes.
func WithDeadlineCause(parent Context, d time.Time, cause error) (Context, CancelFunc) {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	if cur, ok := parent.Deadline(); ok && cur.Before(d) {
		return WithCancel(parent) // the parent's deadline is sooner
	}
	c := &timerCtx{deadline: d}
	c.cancelCtx.propagateCancel(parent, c)
	dur := time.Until(d)
	if dur <= 0 {
		c.cancel(true, DeadlineExceeded, cause) // already passed
		return c, func() { c.cancel(false, Canceled, nil) }
	}
	c.mu.Lock()
	if c.err == nil {
		c.timer = time.AfterFunc(dur, func() {
			c.cancel(true, DeadlineExceeded, cause)
		})
	}
	c.mu.Unlock()
	return c, func() { c.cancel(true, Canceled, nil) }
}

// WithTimeout returns a copy of parent that is canceled once timeout has elapsed.
//
// It is WithDeadline(parent, time.Now().Add(timeout)).
func WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc) {
	return WithDeadline(parent, time.Now().Add(timeout))
}

// WithTimeoutCause is WithTimeout that also sets the cause.
func WithTimeoutCause(parent Context, timeout time.Duration, cause error) (Context, CancelFunc) {
	return WithDeadlineCause(parent, time.Now().Add(timeout), cause)
}

// ---- AfterFunc ----

// afterFuncer is a Context with its own AfterFunc (a custom parent).
type afterFuncer interface {
	AfterFunc(func()) func() bool
}

type afterFuncCtx struct {
	cancelCtx
	once sync.Once // either starts f or stops it from running
	f    func()
}

// AfterFunc runs f in a new goroutine once ctx is done, and returns a stop function.
//
// Calling stop cancels that arrangement; it reports whether it kept f from
// running.
func AfterFunc(ctx Context, f func()) (stop func() bool) {
	a := &afterFuncCtx{f: f}
	a.cancelCtx.propagateCancel(ctx, a)
	return func() bool {
		stopped := false
		a.once.Do(func() { stopped = true })
		if stopped {
			a.cancel(true, Canceled, nil)
		}
		return stopped
	}
}

func (a *afterFuncCtx) cancel(removeFromParent bool, err, cause error) {
	a.cancelCtx.cancel(false, err, cause)
	if removeFromParent {
		removeChild(a.Context, a)
	}
	a.once.Do(func() {
		go a.f()
	})
}

// stopCtx is the parent of a context registered through a custom parent's
// AfterFunc; stop undoes the registration.
type stopCtx struct {
	Context
	stop func() bool
}

// ---- values ----

type valueCtx struct {
	Context
	key, val any
}

// WithValue returns a child of parent whose Value(key) is val; other keys are
// looked up in parent.
//
// key must not be nil and must be comparable.
func WithValue(parent Context, key, val any) Context {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	if key == nil {
		panic("nil key")
	}
	return &valueCtx{parent, key, val}
}

func (c *valueCtx) Value(key any) any {
	if c.key == key {
		return c.val
	}
	return c.Context.Value(key)
}

func (c *valueCtx) String() string {
	return contextName(c.Context) + ".WithValue(" + stringify(c.key) + ", " +
		stringify(c.val) + ")"
}

// ---- WithoutCancel ----

type withoutCancelCtx struct {
	c Context
}

// WithoutCancel returns a child of parent that keeps its values but is never
// canceled.
//
// It has no deadline, no Done channel and no error.
func WithoutCancel(parent Context) Context {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	return withoutCancelCtx{parent}
}

func (withoutCancelCtx) Deadline() (deadline time.Time, ok bool) { return }
func (withoutCancelCtx) Done() <-chan struct{}                   { return nil }
func (withoutCancelCtx) Err() error                              { return nil }
func (c withoutCancelCtx) Value(key any) any {
	if key == &cancelCtxKey {
		return nil // not canceled with its parent: no cancelCtx above
	}
	return c.c.Value(key)
}
func (c withoutCancelCtx) String() string {
	return contextName(c.c) + ".WithoutCancel"
}

// ---- names ----

type stringer interface {
	String() string
}

func contextName(c Context) string {
	if s, ok := c.(stringer); ok {
		return s.String()
	}
	return fmt.Sprintf("%T", c)
}

func stringify(v any) string {
	switch s := v.(type) {
	case stringer:
		return s.String()
	case string:
		return s
	case nil:
		return "<nil>"
	}
	return fmt.Sprintf("%T", v)
}
