// Package errors makes error values and looks inside wrapped ones (Is, As, Unwrap, Join).
//
// Package errors — csp's standard library stub. Written in Go, with Go 1.22
// semantics (Join, Unwrap() []error trees); the reflective parts of As and
// Is are natives in stdlib/errors.c.
package errors

// New returns an error whose Error method returns text. Each call returns a
// distinct value.
func New(text string) error {
	return &errorString{text}
}

type errorString struct {
	s string
}

func (e *errorString) Error() string {
	return e.s
}

// Unwrap returns the result of err's Unwrap() error method, or nil. It does
// not unwrap errors returned by Join.
func Unwrap(err error) error {
	u, ok := err.(interface{ Unwrap() error })
	if !ok {
		return nil
	}
	return u.Unwrap()
}

// comparable reports whether err's dynamic type supports ==.
func comparable(err error) bool

// checkAsTarget panics unless target is a non-nil pointer to an interface
// type or to a type implementing error, with Go's messages.
func checkAsTarget(target any)

// assignTo stores err in *target and reports true when err's dynamic type
// is assignable to target's element type.
func assignTo(err error, target any) bool

// Is reports whether err or any error in its Unwrap chain or tree matches target.
//
// An error matches when it equals target or its Is(target) method says so.
func Is(err, target error) bool {
	if err == nil || target == nil {
		return err == target
	}
	return is(err, target, comparable(target))
}

func is(err, target error, targetComparable bool) bool {
	for {
		if targetComparable && err == target {
			return true
		}
		if x, ok := err.(interface{ Is(error) bool }); ok && x.Is(target) {
			return true
		}
		switch x := err.(type) {
		case interface{ Unwrap() error }:
			err = x.Unwrap()
			if err == nil {
				return false
			}
		case interface{ Unwrap() []error }:
			for _, err := range x.Unwrap() {
				if is(err, target, targetComparable) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
}

// As sets *target to the first error in err's Unwrap tree that fits it and reports success.
//
// target must be a non-nil pointer to an interface type or to a type that
// implements error; otherwise As panics. An error's As(any) bool method is
// consulted too.
func As(err error, target any) bool {
	if err == nil {
		return false
	}
	checkAsTarget(target)
	return as(err, target)
}

func as(err error, target any) bool {
	for {
		if assignTo(err, target) {
			return true
		}
		if x, ok := err.(interface{ As(any) bool }); ok && x.As(target) {
			return true
		}
		switch x := err.(type) {
		case interface{ Unwrap() error }:
			err = x.Unwrap()
			if err == nil {
				return false
			}
		case interface{ Unwrap() []error }:
			for _, err := range x.Unwrap() {
				if err == nil {
					continue
				}
				if as(err, target) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
}

// Join returns an error wrapping the non-nil errs, or nil if there are none.
// Its message joins theirs with newlines.
func Join(errs ...error) error {
	n := 0
	for _, err := range errs {
		if err != nil {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	e := &joinError{errs: make([]error, 0, n)}
	for _, err := range errs {
		if err != nil {
			e.errs = append(e.errs, err)
		}
	}
	return e
}

type joinError struct {
	errs []error
}

func (e *joinError) Error() string {
	var b []byte
	for i, err := range e.errs {
		if i > 0 {
			b = append(b, '\n')
		}
		b = append(b, err.Error()...)
	}
	return string(b)
}

func (e *joinError) Unwrap() []error {
	return e.errs
}

// ErrUnsupported is the error for an operation that is not supported.
var ErrUnsupported = New("unsupported operation")
