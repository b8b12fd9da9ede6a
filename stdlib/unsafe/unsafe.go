// Package unsafe describes the memory layout Go gives a value. This file is
// documentation only, as Go's own unsafe.go is: the checker declares the
// package itself (lang/universe.c), and Sizeof, Alignof and Offsetof are
// constants computed at compile time with Go's amd64 layout (gc's sizes,
// alignments and padding). csp keeps values in its own slots rather than
// Go's bytes, so Pointer and the functions that do pointer arithmetic
// (Add, Slice, SliceData, String, StringData) are not supported: a
// program that uses them is told so when it is checked.
package unsafe

// ArbitraryType stands for any Go type in this documentation.
type ArbitraryType int

// Sizeof returns the size in bytes Go gives a value of x's type on amd64:
// the variable itself, not memory it refers to (a slice is 24 bytes
// whatever its length). The result is a uintptr constant.
func Sizeof(x ArbitraryType) uintptr

// Alignof returns the alignment Go requires of a variable of x's type on
// amd64, a uintptr constant.
func Alignof(x ArbitraryType) uintptr

// Offsetof returns the byte offset of the field that the selector x (of
// the form s.f) denotes within its struct, following embedded fields as
// long as none is reached through a pointer. The result is a uintptr
// constant.
func Offsetof(x ArbitraryType) uintptr
