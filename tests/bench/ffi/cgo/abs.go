// Benchmark (make bench, foreign calls; only where cgo builds): 10M cgo
// calls of C's abs(); prints the cost of one call over the loop's own
// cost, as abs.csp does.
package main

// #include <stdlib.h>
import "C"

import (
	"fmt"
	"time"
)

const n = 10000000

//go:noinline
func inline() int64 {
	s := int64(0)
	for i := 0; i < n; i++ {
		x := int32(i&1023 - 512)
		if x < 0 {
			x = -x
		}
		s += int64(x)
	}
	return s
}

func called() int64 {
	s := int64(0)
	for i := 0; i < n; i++ {
		s += int64(C.abs(C.int(i&1023 - 512)))
	}
	return s
}

func main() {
	t0 := time.Now()
	a := inline()
	t1 := time.Now()
	b := called()
	t2 := time.Now()
	if a != b {
		fmt.Println("checksums differ:", a, b)
	}
	fmt.Printf("%.1f\n", float64((t2.Sub(t1)-t1.Sub(t0)).Nanoseconds())/n)
}
