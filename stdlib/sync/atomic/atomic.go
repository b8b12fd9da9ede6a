// Package atomic provides sequentially consistent atomic operations on integers, booleans and values.
//
// Package atomic — csp's sync/atomic: sequentially consistent atomic
// operations on integers and the atomic types (natives in
// stdlib/sync_atomic.c, C11/GCC atomics on the value's 64-bit slot).
//
// Pointer operations (LoadPointer, Pointer[T]) are not provided: csp has
// neither unsafe nor generics.
package atomic

// AddInt32 adds delta to *addr as one atomic step and returns the sum.
func AddInt32(addr *int32, delta int32) (new int32)
// LoadInt32 reads *addr atomically.
func LoadInt32(addr *int32) (val int32)
// StoreInt32 writes val to *addr atomically.
func StoreInt32(addr *int32, val int32)
// SwapInt32 writes new to *addr atomically and returns the value it replaced.
func SwapInt32(addr *int32, new int32) (old int32)
// CompareAndSwapInt32 atomically sets *addr to new if it holds old and reports whether it did.
func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool)
// AndInt32 atomically clears the bits of *addr that are not in mask and returns the old value.
func AndInt32(addr *int32, mask int32) (old int32)
// OrInt32 atomically sets the bits of mask in *addr and returns the old value.
func OrInt32(addr *int32, mask int32) (old int32)
// AddInt64 adds delta to *addr as one atomic step and returns the sum.
func AddInt64(addr *int64, delta int64) (new int64)
// LoadInt64 reads *addr atomically.
func LoadInt64(addr *int64) (val int64)
// StoreInt64 writes val to *addr atomically.
func StoreInt64(addr *int64, val int64)
// SwapInt64 writes new to *addr atomically and returns the value it replaced.
func SwapInt64(addr *int64, new int64) (old int64)
// CompareAndSwapInt64 atomically sets *addr to new if it holds old and reports whether it did.
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool)
// AndInt64 atomically clears the bits of *addr that are not in mask and returns the old value.
func AndInt64(addr *int64, mask int64) (old int64)
// OrInt64 atomically sets the bits of mask in *addr and returns the old value.
func OrInt64(addr *int64, mask int64) (old int64)
// AddUint32 adds delta to *addr as one atomic step and returns the sum.
func AddUint32(addr *uint32, delta uint32) (new uint32)
// LoadUint32 reads *addr atomically.
func LoadUint32(addr *uint32) (val uint32)
// StoreUint32 writes val to *addr atomically.
func StoreUint32(addr *uint32, val uint32)
// SwapUint32 writes new to *addr atomically and returns the value it replaced.
func SwapUint32(addr *uint32, new uint32) (old uint32)
// CompareAndSwapUint32 atomically sets *addr to new if it holds old and reports whether it did.
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool)
// AndUint32 atomically clears the bits of *addr that are not in mask and returns the old value.
func AndUint32(addr *uint32, mask uint32) (old uint32)
// OrUint32 atomically sets the bits of mask in *addr and returns the old value.
func OrUint32(addr *uint32, mask uint32) (old uint32)
// AddUint64 adds delta to *addr as one atomic step and returns the sum.
func AddUint64(addr *uint64, delta uint64) (new uint64)
// LoadUint64 reads *addr atomically.
func LoadUint64(addr *uint64) (val uint64)
// StoreUint64 writes val to *addr atomically.
func StoreUint64(addr *uint64, val uint64)
// SwapUint64 writes new to *addr atomically and returns the value it replaced.
func SwapUint64(addr *uint64, new uint64) (old uint64)
// CompareAndSwapUint64 atomically sets *addr to new if it holds old and reports whether it did.
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool)
// AndUint64 atomically clears the bits of *addr that are not in mask and returns the old value.
func AndUint64(addr *uint64, mask uint64) (old uint64)
// OrUint64 atomically sets the bits of mask in *addr and returns the old value.
func OrUint64(addr *uint64, mask uint64) (old uint64)
// AddUintptr adds delta to *addr as one atomic step and returns the sum.
func AddUintptr(addr *uintptr, delta uintptr) (new uintptr)
// LoadUintptr reads *addr atomically.
func LoadUintptr(addr *uintptr) (val uintptr)
// StoreUintptr writes val to *addr atomically.
func StoreUintptr(addr *uintptr, val uintptr)
// SwapUintptr writes new to *addr atomically and returns the value it replaced.
func SwapUintptr(addr *uintptr, new uintptr) (old uintptr)
// CompareAndSwapUintptr atomically sets *addr to new if it holds old and reports whether it did.
func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool)
// AndUintptr atomically clears the bits of *addr that are not in mask and returns the old value.
func AndUintptr(addr *uintptr, mask uintptr) (old uintptr)
// OrUintptr atomically sets the bits of mask in *addr and returns the old value.
func OrUintptr(addr *uintptr, mask uintptr) (old uintptr)
// An Int32 is a int32 that is only read and written atomically; the zero value is 0.
type Int32 struct {
	v int32
}

// Load reads the value of x atomically.
func (x *Int32) Load() int32
// Store writes val to x atomically.
func (x *Int32) Store(val int32)
// Swap writes new to x atomically and returns the value it replaced.
func (x *Int32) Swap(new int32) (old int32)
// CompareAndSwap sets x to new only if it holds old, atomically, and reports whether it did.
func (x *Int32) CompareAndSwap(old, new int32) (swapped bool)
// Add adds delta to x as one atomic step and returns the sum.
func (x *Int32) Add(delta int32) (new int32)
// And atomically clears the bits of x that are not in mask and returns the old value.
func (x *Int32) And(mask int32) (old int32)
// Or atomically sets the bits of mask in x and returns the old value.
func (x *Int32) Or(mask int32) (old int32)
// An Int64 is a int64 that is only read and written atomically; the zero value is 0.
type Int64 struct {
	v int64
}

// Load reads the value of x atomically.
func (x *Int64) Load() int64
// Store writes val to x atomically.
func (x *Int64) Store(val int64)
// Swap writes new to x atomically and returns the value it replaced.
func (x *Int64) Swap(new int64) (old int64)
// CompareAndSwap sets x to new only if it holds old, atomically, and reports whether it did.
func (x *Int64) CompareAndSwap(old, new int64) (swapped bool)
// Add adds delta to x as one atomic step and returns the sum.
func (x *Int64) Add(delta int64) (new int64)
// And atomically clears the bits of x that are not in mask and returns the old value.
func (x *Int64) And(mask int64) (old int64)
// Or atomically sets the bits of mask in x and returns the old value.
func (x *Int64) Or(mask int64) (old int64)
// A Uint32 is a uint32 that is only read and written atomically; the zero value is 0.
type Uint32 struct {
	v uint32
}

// Load reads the value of x atomically.
func (x *Uint32) Load() uint32
// Store writes val to x atomically.
func (x *Uint32) Store(val uint32)
// Swap writes new to x atomically and returns the value it replaced.
func (x *Uint32) Swap(new uint32) (old uint32)
// CompareAndSwap sets x to new only if it holds old, atomically, and reports whether it did.
func (x *Uint32) CompareAndSwap(old, new uint32) (swapped bool)
// Add adds delta to x as one atomic step and returns the sum.
func (x *Uint32) Add(delta uint32) (new uint32)
// And atomically clears the bits of x that are not in mask and returns the old value.
func (x *Uint32) And(mask uint32) (old uint32)
// Or atomically sets the bits of mask in x and returns the old value.
func (x *Uint32) Or(mask uint32) (old uint32)
// A Uint64 is a uint64 that is only read and written atomically; the zero value is 0.
type Uint64 struct {
	v uint64
}

// Load reads the value of x atomically.
func (x *Uint64) Load() uint64
// Store writes val to x atomically.
func (x *Uint64) Store(val uint64)
// Swap writes new to x atomically and returns the value it replaced.
func (x *Uint64) Swap(new uint64) (old uint64)
// CompareAndSwap sets x to new only if it holds old, atomically, and reports whether it did.
func (x *Uint64) CompareAndSwap(old, new uint64) (swapped bool)
// Add adds delta to x as one atomic step and returns the sum.
func (x *Uint64) Add(delta uint64) (new uint64)
// And atomically clears the bits of x that are not in mask and returns the old value.
func (x *Uint64) And(mask uint64) (old uint64)
// Or atomically sets the bits of mask in x and returns the old value.
func (x *Uint64) Or(mask uint64) (old uint64)
// A Uintptr is a uintptr that is only read and written atomically; the zero value is 0.
type Uintptr struct {
	v uintptr
}

// Load reads the value of x atomically.
func (x *Uintptr) Load() uintptr
// Store writes val to x atomically.
func (x *Uintptr) Store(val uintptr)
// Swap writes new to x atomically and returns the value it replaced.
func (x *Uintptr) Swap(new uintptr) (old uintptr)
// CompareAndSwap sets x to new only if it holds old, atomically, and reports whether it did.
func (x *Uintptr) CompareAndSwap(old, new uintptr) (swapped bool)
// Add adds delta to x as one atomic step and returns the sum.
func (x *Uintptr) Add(delta uintptr) (new uintptr)
// And atomically clears the bits of x that are not in mask and returns the old value.
func (x *Uintptr) And(mask uintptr) (old uintptr)
// Or atomically sets the bits of mask in x and returns the old value.
func (x *Uintptr) Or(mask uintptr) (old uintptr)
// A Bool is a bool that is only read and written atomically; the zero value is false.
type Bool struct {
	v uint32
}

// Load reads the value of x atomically.
func (x *Bool) Load() bool
// Store writes val to x atomically.
func (x *Bool) Store(val bool)
// Swap writes new to x atomically and returns the value it replaced.
func (x *Bool) Swap(new bool) (old bool)
// CompareAndSwap sets x to new only if it holds old, atomically, and reports whether it did.
func (x *Bool) CompareAndSwap(old, new bool) (swapped bool)

// A Value holds a value of one dynamic type that goroutines load and store atomically.
//
// Load returns nil until the first Store. After that a Value must stay in place:
// copying it is not allowed.
type Value struct {
	v any
}

// Load returns the value last stored in v, or nil before the first Store.
func (v *Value) Load() (val any)
// Store replaces the value of v by val atomically.
//
// It panics if val is nil or its type differs from the values stored before.
func (v *Value) Store(val any)
// Swap stores new in v atomically and returns the value it replaced (nil if none).
//
// It panics if new is nil or its type differs from the values stored before.
func (v *Value) Swap(new any) (old any)
// CompareAndSwap stores new in v only if v holds old, atomically, and reports whether it did.
//
// It panics if new is nil, on inconsistently typed values, or when the stored
// value is not comparable.
func (v *Value) CompareAndSwap(old, new any) (swapped bool)

// A Pointer is an atomic *T; the zero value holds a nil *T.
//
// It is a Value that only ever holds a *T (a nil *T in an interface is not
// a nil interface, so Value accepts it); csp has no unsafe.Pointer.
type Pointer[T any] struct {
	_ [0]*T // Pointer[A] and Pointer[B] do not convert into each other, as in Go
	v Value
}

// Load returns the pointer stored in x atomically.
func (x *Pointer[T]) Load() *T {
	p, _ := x.v.Load().(*T)
	return p
}

// Store writes val into x atomically.
func (x *Pointer[T]) Store(val *T) { x.v.Store(val) }

// Swap writes new into x atomically and returns the pointer it replaced.
func (x *Pointer[T]) Swap(new *T) (old *T) {
	old, _ = x.v.Swap(new).(*T)
	return old
}

// CompareAndSwap sets x to new only if it holds old, atomically, and reports whether it did.
func (x *Pointer[T]) CompareAndSwap(old, new *T) (swapped bool) {
	for {
		if x.v.Load() != nil {
			return x.v.CompareAndSwap(old, new)
		}
		// never stored: x holds a nil *T, which Value sees as empty
		if old != nil {
			return false
		}
		if x.v.CompareAndSwap(nil, new) {
			return true
		}
	}
}
