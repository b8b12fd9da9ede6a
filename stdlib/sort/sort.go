// Package sort sorts slices and searches sorted ones.
//
// Package sort — csp's standard library stub, written in Go because less()
// calls back into csp. The unstable sort is Go's pattern-defeating
// quicksort (same pivots, same deterministic pattern breaking), so programs
// that sort with ties print what Go prints; Stable is Go's insertion-sort
// blocks plus SymMerge. Slice works on any slice type through two natives
// (stdlib/sort.c).
package sort

// An Interface is a collection that Sort can order: its length, an order and a swap.
type Interface interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
}

// lessSwap is the pair of callbacks every algorithm below works on.
type lessSwap struct {
	Less func(i, j int) bool
	Swap func(i, j int)
}

func sliceLen(x any) int
func sliceSwap(x any, i, j int)

// Sort puts data in increasing order by its Less method; equal elements may be reordered.
//
// It is Go's pattern-defeating quicksort, so elements that compare equal end up
// in the order Go would put them in.
func Sort(data Interface) {
	n := data.Len()
	if n <= 1 {
		return
	}
	pdqsort(lessSwap{data.Less, data.Swap}, 0, n, bitsLen(uint(n)))
}

// Stable orders data like Sort but leaves equal elements in their original order.
func Stable(data Interface) {
	stable(lessSwap{data.Less, data.Swap}, data.Len())
}

// IsSorted reports whether data is sorted in increasing order.
func IsSorted(data Interface) bool {
	n := data.Len()
	for i := n - 1; i > 0; i-- {
		if data.Less(i, i-1) {
			return false
		}
	}
	return true
}

// Slice orders the slice x by the function less; equal elements may be reordered.
//
// x must be a slice; less(i, j) reports whether x[i] belongs before x[j].
func Slice(x any, less func(i, j int) bool) {
	n := sliceLen(x)
	swap := func(i, j int) { sliceSwap(x, i, j) }
	pdqsort(lessSwap{less, swap}, 0, n, bitsLen(uint(n)))
}

// SliceStable orders the slice x by less, leaving equal elements in their original order.
func SliceStable(x any, less func(i, j int) bool) {
	swap := func(i, j int) { sliceSwap(x, i, j) }
	stable(lessSwap{less, swap}, sliceLen(x))
}

// SliceIsSorted reports whether no element of the slice x is less than the one before it.
func SliceIsSorted(x any, less func(i, j int) bool) bool {
	n := sliceLen(x)
	for i := n - 1; i > 0; i-- {
		if less(i, i-1) {
			return false
		}
	}
	return true
}

type reverse struct {
	Interface
}

func (r reverse) Less(i, j int) bool {
	return r.Interface.Less(j, i)
}

// Reverse returns data with its order reversed: its Less(i, j) is data.Less(j, i).
func Reverse(data Interface) Interface {
	return &reverse{data}
}

// ---- convenience types ----

// IntSlice is a []int that implements Interface, ordering in increasing order.
type IntSlice []int

// Len returns the length of x.
func (x IntSlice) Len() int           { return len(x) }
// Less reports whether x[i] < x[j].
func (x IntSlice) Less(i, j int) bool { return x[i] < x[j] }
// Swap exchanges x[i] and x[j].
func (x IntSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }
// Sort sorts x in increasing order.
func (x IntSlice) Sort()              { Sort(x) }
// Search returns the index of v in the sorted x, or where to insert it (SearchInts).
func (x IntSlice) Search(v int) int   { return SearchInts(x, v) }

// StringSlice is a []string that implements Interface, ordering in increasing order.
type StringSlice []string

// Len returns the length of x.
func (x StringSlice) Len() int            { return len(x) }
// Less reports whether x[i] < x[j].
func (x StringSlice) Less(i, j int) bool  { return x[i] < x[j] }
// Swap exchanges x[i] and x[j].
func (x StringSlice) Swap(i, j int)       { x[i], x[j] = x[j], x[i] }
// Sort sorts x in increasing order.
func (x StringSlice) Sort()               { Sort(x) }
// Search returns the index of v in the sorted x, or where to insert it (SearchStrings).
func (x StringSlice) Search(v string) int { return SearchStrings(x, v) }

// Float64Slice is a []float64 that implements Interface, in increasing order with NaNs first.
//
// NaNs compare less than every other value.
type Float64Slice []float64

// Len returns the length of x.
func (x Float64Slice) Len() int { return len(x) }

// Less reports whether x[i] belongs before x[j]: x[i] < x[j], with NaNs first.
//
// NaNs order before other values, as Go does.
func (x Float64Slice) Less(i, j int) bool {
	return x[i] < x[j] || (x[i] != x[i] && x[j] == x[j])
}
// Swap exchanges x[i] and x[j].
func (x Float64Slice) Swap(i, j int)        { x[i], x[j] = x[j], x[i] }
// Sort sorts x in increasing order, NaNs first.
func (x Float64Slice) Sort()                { Sort(x) }
// Search returns the index of v in the sorted x, or where to insert it (SearchFloat64s).
func (x Float64Slice) Search(v float64) int { return SearchFloat64s(x, v) }

// Ints sorts x in increasing order.
func Ints(x []int)         { Sort(IntSlice(x)) }
// Strings sorts x in increasing order.
func Strings(x []string)   { Sort(StringSlice(x)) }
// Float64s sorts x in increasing order, NaNs first.
func Float64s(x []float64) { Sort(Float64Slice(x)) }

// IntsAreSorted reports whether x is in increasing order.
func IntsAreSorted(x []int) bool         { return IsSorted(IntSlice(x)) }
// StringsAreSorted reports whether x is in increasing order.
func StringsAreSorted(x []string) bool   { return IsSorted(StringSlice(x)) }
// Float64sAreSorted reports whether x is in increasing order, NaNs first.
func Float64sAreSorted(x []float64) bool { return IsSorted(Float64Slice(x)) }

// Search returns the smallest i in [0, n) with f(i) true, or n, by binary search.
//
// f must be false up to some index and true from there on.
func Search(n int, f func(int) bool) int {
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if !f(h) {
			i = h + 1
		} else {
			j = h
		}
	}
	return i
}

// SearchInts returns the index of x in the sorted a, or where to insert it to keep a sorted.
func SearchInts(a []int, x int) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

// SearchStrings returns the index of x in the sorted a, or where to insert it to keep a sorted.
func SearchStrings(a []string, x string) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

// SearchFloat64s returns the index of x in the sorted a, or where to insert it to keep a sorted.
func SearchFloat64s(a []float64, x float64) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

// Find binary-searches [0, n) for the smallest i with cmp(i) <= 0; it returns n if there is none.
//
// It also reports whether cmp(i) == 0 there. cmp must be positive up to some
// index and zero or negative from there on.
func Find(n int, cmp func(int) int) (i int, found bool) {
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if cmp(h) > 0 {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < n && cmp(i) == 0
}

// ---- pattern-defeating quicksort ----

const (
	unknownHint = iota
	increasingHint
	decreasingHint
)

func bitsLen(x uint) int {
	n := 0
	for x != 0 {
		x >>= 1
		n++
	}
	return n
}

func insertionSort(data lessSwap, a, b int) {
	for i := a + 1; i < b; i++ {
		for j := i; j > a && data.Less(j, j-1); j-- {
			data.Swap(j, j-1)
		}
	}
}

func siftDown(data lessSwap, lo, hi, first int) {
	root := lo
	for {
		child := 2*root + 1
		if child >= hi {
			return
		}
		if child+1 < hi && data.Less(first+child, first+child+1) {
			child++
		}
		if !data.Less(first+root, first+child) {
			return
		}
		data.Swap(first+root, first+child)
		root = child
	}
}

func heapSort(data lessSwap, a, b int) {
	first := a
	lo := 0
	hi := b - a
	for i := (hi - 1) / 2; i >= 0; i-- {
		siftDown(data, i, hi, first)
	}
	for i := hi - 1; i >= 0; i-- {
		data.Swap(first, first+i)
		siftDown(data, lo, i, first)
	}
}

func pdqsort(data lessSwap, a, b, limit int) {
	const maxInsertion = 12
	wasBalanced := true
	wasPartitioned := true
	for {
		length := b - a
		if length <= maxInsertion {
			insertionSort(data, a, b)
			return
		}
		if limit == 0 {
			heapSort(data, a, b)
			return
		}
		if !wasBalanced {
			breakPatterns(data, a, b)
			limit--
		}
		pivot, hint := choosePivot(data, a, b)
		if hint == decreasingHint {
			reverseRange(data, a, b)
			pivot = (b - 1) - (pivot - a)
			hint = increasingHint
		}
		if wasBalanced && wasPartitioned && hint == increasingHint {
			if partialInsertionSort(data, a, b) {
				return
			}
		}
		if a > 0 && !data.Less(a-1, pivot) {
			a = partitionEqual(data, a, b, pivot)
			continue
		}
		mid, alreadyPartitioned := partition(data, a, b, pivot)
		wasPartitioned = alreadyPartitioned
		leftLen, rightLen := mid-a, b-mid
		balanceThreshold := length / 8
		if leftLen < rightLen {
			wasBalanced = leftLen >= balanceThreshold
			pdqsort(data, a, mid, limit)
			a = mid + 1
		} else {
			wasBalanced = rightLen >= balanceThreshold
			pdqsort(data, mid+1, b, limit)
			b = mid
		}
	}
}

func partition(data lessSwap, a, b, pivot int) (int, bool) {
	data.Swap(a, pivot)
	i, j := a+1, b-1
	for i <= j && data.Less(i, a) {
		i++
	}
	for i <= j && !data.Less(j, a) {
		j--
	}
	if i > j {
		data.Swap(j, a)
		return j, true
	}
	data.Swap(i, j)
	i++
	j--
	for {
		for i <= j && data.Less(i, a) {
			i++
		}
		for i <= j && !data.Less(j, a) {
			j--
		}
		if i > j {
			break
		}
		data.Swap(i, j)
		i++
		j--
	}
	data.Swap(j, a)
	return j, false
}

func partitionEqual(data lessSwap, a, b, pivot int) int {
	data.Swap(a, pivot)
	i, j := a+1, b-1
	for {
		for i <= j && !data.Less(a, i) {
			i++
		}
		for i <= j && data.Less(a, j) {
			j--
		}
		if i > j {
			break
		}
		data.Swap(i, j)
		i++
		j--
	}
	return i
}

func partialInsertionSort(data lessSwap, a, b int) bool {
	const (
		maxSteps         = 5
		shortestShifting = 50
	)
	i := a + 1
	for j := 0; j < maxSteps; j++ {
		for i < b && !data.Less(i, i-1) {
			i++
		}
		if i == b {
			return true
		}
		if b-a < shortestShifting {
			return false
		}
		data.Swap(i, i-1)
		if i-a >= 2 {
			for k := i - 1; k >= 1; k-- {
				if !data.Less(k, k-1) {
					break
				}
				data.Swap(k, k-1)
			}
		}
		if b-i >= 2 {
			for k := i + 1; k < b; k++ {
				if !data.Less(k, k-1) {
					break
				}
				data.Swap(k, k-1)
			}
		}
	}
	return false
}

func breakPatterns(data lessSwap, a, b int) {
	length := b - a
	if length >= 8 {
		random := uint64(length)
		modulus := uint(1) << uint(bitsLen(uint(length)))
		idx := a + (length/4)*2 - 1
		for i := 0; i < 3; i++ {
			random ^= random << 13 // Go 1.19's xorshift
			random ^= random >> 17
			random ^= random << 5
			other := int(uint(random) & (modulus - 1))
			if other >= length {
				other -= length
			}
			data.Swap(idx+i, a+other)
		}
	}
}

func choosePivot(data lessSwap, a, b int) (int, int) {
	const (
		shortestNinther = 50
		maxSwaps        = 4 * 3
	)
	l := b - a
	swaps := 0
	i := a + l/4*1
	j := a + l/4*2
	k := a + l/4*3
	if l >= 8 {
		if l >= shortestNinther {
			i = medianAdjacent(data, i, &swaps)
			j = medianAdjacent(data, j, &swaps)
			k = medianAdjacent(data, k, &swaps)
		}
		j = median(data, i, j, k, &swaps)
	}
	switch swaps {
	case 0:
		return j, increasingHint
	case maxSwaps:
		return j, decreasingHint
	default:
		return j, unknownHint
	}
}

func order2(data lessSwap, a, b int, swaps *int) (int, int) {
	if data.Less(b, a) {
		*swaps++
		return b, a
	}
	return a, b
}

func median(data lessSwap, a, b, c int, swaps *int) int {
	a, b = order2(data, a, b, swaps)
	b, c = order2(data, b, c, swaps)
	a, b = order2(data, a, b, swaps)
	_ = c
	return b
}

func medianAdjacent(data lessSwap, a int, swaps *int) int {
	return median(data, a-1, a, a+1, swaps)
}

func reverseRange(data lessSwap, a, b int) {
	i := a
	j := b - 1
	for i < j {
		data.Swap(i, j)
		i++
		j--
	}
}

// ---- stable sort: insertion-sorted blocks merged with SymMerge ----

func stable(data lessSwap, n int) {
	blockSize := 20
	a, b := 0, blockSize
	for b <= n {
		insertionSort(data, a, b)
		a = b
		b += blockSize
	}
	insertionSort(data, a, n)
	for blockSize < n {
		a, b = 0, 2*blockSize
		for b <= n {
			symMerge(data, a, a+blockSize, b)
			a = b
			b += 2 * blockSize
		}
		if m := a + blockSize; m < n {
			symMerge(data, a, m, n)
		}
		blockSize *= 2
	}
}

func symMerge(data lessSwap, a, m, b int) {
	if m-a == 1 {
		i := m
		j := b
		for i < j {
			h := int(uint(i+j) >> 1)
			if data.Less(h, a) {
				i = h + 1
			} else {
				j = h
			}
		}
		for k := a; k < i-1; k++ {
			data.Swap(k, k+1)
		}
		return
	}
	if b-m == 1 {
		i := a
		j := m
		for i < j {
			h := int(uint(i+j) >> 1)
			if !data.Less(m, h) {
				i = h + 1
			} else {
				j = h
			}
		}
		for k := m; k > i; k-- {
			data.Swap(k, k-1)
		}
		return
	}
	mid := int(uint(a+b) >> 1)
	n := mid + m
	var start, r int
	if m > mid {
		start = n - b
		r = mid
	} else {
		start = a
		r = m
	}
	p := n - 1
	for start < r {
		c := int(uint(start+r) >> 1)
		if !data.Less(p-c, c) {
			start = c + 1
		} else {
			r = c
		}
	}
	end := n - start
	if start < m && m < end {
		rotate(data, start, m, end)
	}
	if a < start && start < mid {
		symMerge(data, a, start, mid)
	}
	if mid < end && end < b {
		symMerge(data, mid, end, b)
	}
}

func swapRange(data lessSwap, a, b, n int) {
	for i := 0; i < n; i++ {
		data.Swap(a+i, b+i)
	}
}

func rotate(data lessSwap, a, m, b int) {
	i := m - a
	j := b - m
	for i != j {
		if i > j {
			swapRange(data, m-i, m, j)
			i -= j
		} else {
			swapRange(data, m-i, m+j-i, i)
			j -= i
		}
	}
	swapRange(data, m-i, m, i)
}
