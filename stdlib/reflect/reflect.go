// Package reflect implements run-time reflection, allowing a program to
// manipulate objects with arbitrary types.
//
// Package reflect — csp's standard library, the subset teaching code and
// libraries use. The runtime's type descriptors (runtime/type.h) are the
// types: a Type is a *rtype whose pointer is the descriptor itself, so
// descriptors being interned makes Type comparison (==, map keys) Go's
// type identity. A Value is a descriptor, the address of the value in
// memory representation (runtime/value.h) and flags; the natives in
// reflect.c read and write through it. This file holds the API, the
// argument checks and Go's panic messages; the natives trust it.
//
// Not here: Value.UnsafePointer, Value.SetPointer and values of Kind
// UnsafePointer: csp's package unsafe has no Pointer type (values are
// slots, not Go's bytes), so there is none to return or hold (Pointer and
// UnsafeAddr give the same addresses as uintptrs).
package reflect

import (
	"iter"
	"strconv"
)

// rtype is opaque: a *rtype is a runtime type descriptor (never
// dereferenced by csp code).
type rtype struct{}

// Type is the representation of a Go type.
type Type interface {
	Align() int
	AssignableTo(u Type) bool
	Bits() int
	ChanDir() ChanDir
	Comparable() bool
	ConvertibleTo(u Type) bool
	Elem() Type
	Field(i int) StructField
	FieldByIndex(index []int) StructField
	FieldByName(name string) (StructField, bool)
	Implements(u Type) bool
	In(i int) Type
	IsVariadic() bool
	Key() Type
	Kind() Kind
	Len() int
	Method(int) Method
	MethodByName(string) (Method, bool)
	Name() string
	NumField() int
	NumIn() int
	NumMethod() int
	NumOut() int
	Out(i int) Type
	PkgPath() string
	Size() uintptr
	String() string
}

// A Kind represents the specific kind of type that a Type represents.
type Kind uint

const (
	Invalid Kind = iota
	Bool
	Int
	Int8
	Int16
	Int32
	Int64
	Uint
	Uint8
	Uint16
	Uint32
	Uint64
	Uintptr
	Float32
	Float64
	Complex64
	Complex128
	Array
	Chan
	Func
	Interface
	Map
	Pointer
	Slice
	String
	Struct
	UnsafePointer
)

// Ptr is the old name for the Pointer kind.
const Ptr = Pointer

var kindNames = []string{
	Invalid:       "invalid",
	Bool:          "bool",
	Int:           "int",
	Int8:          "int8",
	Int16:         "int16",
	Int32:         "int32",
	Int64:         "int64",
	Uint:          "uint",
	Uint8:         "uint8",
	Uint16:        "uint16",
	Uint32:        "uint32",
	Uint64:        "uint64",
	Uintptr:       "uintptr",
	Float32:       "float32",
	Float64:       "float64",
	Complex64:     "complex64",
	Complex128:    "complex128",
	Array:         "array",
	Chan:          "chan",
	Func:          "func",
	Interface:     "interface",
	Map:           "map",
	Pointer:       "ptr",
	Slice:         "slice",
	String:        "string",
	Struct:        "struct",
	UnsafePointer: "unsafe.Pointer",
}

// String returns the name of k.
func (k Kind) String() string {
	if uint(k) < uint(len(kindNames)) {
		return kindNames[uint(k)]
	}
	return "kind" + strconv.Itoa(int(k))
}

// ChanDir represents a channel type's direction.
type ChanDir int

const (
	RecvDir ChanDir = 1 << iota
	SendDir
	BothDir = RecvDir | SendDir
)

func (d ChanDir) String() string {
	switch d {
	case SendDir:
		return "chan<-"
	case RecvDir:
		return "<-chan"
	case BothDir:
		return "chan"
	}
	return "ChanDir" + strconv.Itoa(int(d))
}

// A StructField describes a single field in a struct.
type StructField struct {
	Name      string
	PkgPath   string
	Type      Type
	Tag       StructTag
	Offset    uintptr
	Index     []int
	Anonymous bool
}

// IsExported reports whether the field is exported.
func (f StructField) IsExported() bool { return f.PkgPath == "" }

// Method represents a single method.
type Method struct {
	Name    string
	PkgPath string
	Type    Type  // method type
	Func    Value // func with receiver as first argument
	Index   int   // index for Type.Method
}

// IsExported reports whether the method is exported.
func (m Method) IsExported() bool { return m.PkgPath == "" }

// A StructTag is the tag string in a struct field.
type StructTag string

// Get returns the value associated with key in the tag string.
func (tag StructTag) Get(key string) string {
	v, _ := tag.Lookup(key)
	return v
}

// Lookup returns the value associated with key in the tag string, and
// whether the key was present. The tag is conventionally a space-separated
// list of key:"value" pairs; parsing stops at the first malformed pair.
func (tag StructTag) Lookup(key string) (value string, ok bool) {
	s := string(tag)
	for s != "" {
		i := 0
		for i < len(s) && s[i] == ' ' {
			i++
		}
		s = s[i:]
		if s == "" {
			break
		}
		// the key: up to ':', no spaces, quotes or control characters
		i = 0
		for i < len(s) && s[i] > ' ' && s[i] != ':' && s[i] != '"' && s[i] != 0x7f {
			i++
		}
		if i == 0 || i+1 >= len(s) || s[i] != ':' || s[i+1] != '"' {
			break
		}
		name := s[:i]
		s = s[i+1:]
		// the quoted value, escapes skipped over
		i = 1
		for i < len(s) && s[i] != '"' {
			if s[i] == '\\' {
				i++
			}
			i++
		}
		if i >= len(s) {
			break
		}
		quoted := s[:i+1]
		s = s[i+1:]
		if name == key {
			v, err := strconv.Unquote(quoted)
			if err != nil {
				break
			}
			return v, true
		}
	}
	return "", false
}

// ---- natives on descriptors (reflect.c) ----

func typeString(t *rtype) string
func typeName(t *rtype) string
func typePkgPath(t *rtype) string
func typeKind(t *rtype) Kind
func typeElem(t *rtype) *rtype
func typeKey(t *rtype) *rtype
func typeLen(t *rtype) int
func typeNumField(t *rtype) int
func typeField(t *rtype, i int) (name, pkg string, ft *rtype, tag string, off uintptr, embedded bool)
func typeNumIn(t *rtype) int
func typeIn(t *rtype, i int) *rtype
func typeNumOut(t *rtype) int
func typeOut(t *rtype, i int) *rtype
func typeVariadic(t *rtype) bool
func typeChanDir(t *rtype) ChanDir
func typeComparable(t *rtype) bool
func typeSize(t *rtype) uintptr
func typeAlign(t *rtype) int
func typeNumMethod(t *rtype) int
func typeMethod(t *rtype, i int) (name string, mt *rtype, fn Value)
func typeImplements(t, u *rtype) bool
func typeAssignable(t, u *rtype) bool
func typeConvertible(t, u *rtype) bool
func typePtrTo(t *rtype) *rtype
func typeSliceOf(t *rtype) *rtype
func typeMapOf(k, v *rtype) *rtype
func typeArrayOf(n int, t *rtype) *rtype
func typeChanOf(dir ChanDir, t *rtype) *rtype
func typeFuncOf(in, out []*rtype, variadic bool) *rtype
func typeStructOf(names, pkgs []string, types []*rtype, tags []string, embedded []bool) *rtype

// toType turns a nil *rtype into a nil Type.
func toType(t *rtype) Type {
	if t == nil {
		return nil
	}
	return t
}

func (t *rtype) String() string  { return typeString(t) }
func (t *rtype) Name() string    { return typeName(t) }
func (t *rtype) PkgPath() string { return typePkgPath(t) }
func (t *rtype) Kind() Kind      { return typeKind(t) }
func (t *rtype) Size() uintptr   { return typeSize(t) }
func (t *rtype) Align() int      { return typeAlign(t) }

func (t *rtype) Bits() int {
	k := t.Kind()
	if k < Int || k > Complex128 {
		panic("reflect: Bits of non-arithmetic Type " + t.String())
	}
	return int(t.Size()) * 8
}

func (t *rtype) Elem() Type {
	switch t.Kind() {
	case Array, Chan, Map, Pointer, Slice:
		return toType(typeElem(t))
	}
	panic("reflect: Elem of invalid type " + t.String())
}

func (t *rtype) Key() Type {
	if t.Kind() != Map {
		panic("reflect: Key of non-map type " + t.String())
	}
	return toType(typeKey(t))
}

func (t *rtype) Len() int {
	if t.Kind() != Array {
		panic("reflect: Len of non-array type " + t.String())
	}
	return typeLen(t)
}

func (t *rtype) ChanDir() ChanDir {
	if t.Kind() != Chan {
		panic("reflect: ChanDir of non-chan type " + t.String())
	}
	return typeChanDir(t)
}

func (t *rtype) NumField() int {
	if t.Kind() != Struct {
		panic("reflect: NumField of non-struct type " + t.String())
	}
	return typeNumField(t)
}

func (t *rtype) Field(i int) StructField {
	if t.Kind() != Struct {
		panic("reflect: Field of non-struct type " + t.String())
	}
	if i < 0 || i >= typeNumField(t) {
		panic("reflect: Field index out of bounds")
	}
	name, pkg, ft, tag, off, emb := typeField(t, i)
	return StructField{Name: name, PkgPath: pkg, Type: toType(ft), Tag: StructTag(tag),
		Offset: off, Index: []int{i}, Anonymous: emb}
}

func (t *rtype) FieldByIndex(index []int) StructField {
	var f StructField
	var cur Type = t
	for depth, i := range index {
		if depth > 0 && cur.Kind() == Pointer && cur.Elem().Kind() == Struct {
			cur = cur.Elem()
		}
		f = cur.Field(i)
		cur = f.Type
	}
	f.Index = append([]int(nil), index...)
	return f
}

// FieldByName finds the field of that name, promoted ones included: the
// shallowest depth wins and two at the same depth cancel (Go's rule).
func (t *rtype) FieldByName(name string) (StructField, bool) {
	if t.Kind() != Struct {
		panic("reflect: FieldByName of non-struct type " + t.String())
	}
	type scan struct {
		t     Type
		index []int
	}
	level := []scan{{t, nil}}
	seen := map[Type]bool{} // scanned at a shallower depth
	for len(level) > 0 {
		var next []scan
		var found StructField
		n := 0
		// a type reached by two paths at this depth: its fields are
		// ambiguous (counted twice), its embedded types not rescanned
		paths := map[Type]int{}
		for _, s := range level {
			paths[s.t]++
		}
		for _, s := range level {
			if seen[s.t] {
				continue
			}
			seen[s.t] = true
			for i := 0; i < s.t.NumField(); i++ {
				f := s.t.Field(i)
				idx := append(append([]int(nil), s.index...), i)
				if f.Name == name {
					n += paths[s.t]
					if n == paths[s.t] {
						found = f
						found.Index = idx
					}
					continue
				}
				if f.Anonymous {
					ft := f.Type
					if ft.Kind() == Pointer {
						ft = ft.Elem()
					}
					if ft.Kind() == Struct {
						next = append(next, scan{ft, idx})
					}
				}
			}
		}
		if n == 1 {
			return found, true
		}
		if n > 1 {
			return StructField{}, false
		}
		level = next
	}
	return StructField{}, false
}

func (t *rtype) NumIn() int {
	if t.Kind() != Func {
		panic("reflect: NumIn of non-func type " + t.String())
	}
	return typeNumIn(t)
}

func (t *rtype) NumOut() int {
	if t.Kind() != Func {
		panic("reflect: NumOut of non-func type " + t.String())
	}
	return typeNumOut(t)
}

func (t *rtype) In(i int) Type {
	if t.Kind() != Func {
		panic("reflect: In of non-func type " + t.String())
	}
	ins := make([]int, typeNumIn(t))
	_ = ins[i] // Go's index-out-of-range panic
	return toType(typeIn(t, i))
}

func (t *rtype) Out(i int) Type {
	if t.Kind() != Func {
		panic("reflect: Out of non-func type " + t.String())
	}
	outs := make([]int, typeNumOut(t))
	_ = outs[i]
	return toType(typeOut(t, i))
}

func (t *rtype) IsVariadic() bool {
	if t.Kind() != Func {
		panic("reflect: IsVariadic of non-func type " + t.String())
	}
	return typeVariadic(t)
}

func (t *rtype) Comparable() bool { return typeComparable(t) }

func (t *rtype) NumMethod() int { return typeNumMethod(t) }

func (t *rtype) Method(i int) Method {
	if i < 0 || i >= t.NumMethod() {
		panic("reflect: Method index out of range")
	}
	name, mt, fn := typeMethod(t, i)
	return Method{Name: name, Type: toType(mt), Func: fn, Index: i}
}

func (t *rtype) MethodByName(name string) (Method, bool) {
	for i := 0; i < t.NumMethod(); i++ {
		if m := t.Method(i); m.Name == name {
			return m, true
		}
	}
	return Method{}, false
}

func (t *rtype) Implements(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.Implements")
	}
	if u.Kind() != Interface {
		panic("reflect: non-interface type passed to Type.Implements")
	}
	return typeImplements(t, u.(*rtype))
}

func (t *rtype) AssignableTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.AssignableTo")
	}
	return typeAssignable(t, u.(*rtype))
}

func (t *rtype) ConvertibleTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.ConvertibleTo")
	}
	return typeConvertible(t, u.(*rtype))
}

// TypeOf returns the dynamic type of i; nil for a nil interface.
func TypeOf(i any) Type { return toType(typeOf(i)) }

func typeOf(i any) *rtype

// PointerTo returns the pointer type with element t.
func PointerTo(t Type) Type { return toType(typePtrTo(t.(*rtype))) }

// PtrTo is the old name for PointerTo.
func PtrTo(t Type) Type { return PointerTo(t) }

// SliceOf returns the slice type with element type t.
func SliceOf(t Type) Type { return toType(typeSliceOf(t.(*rtype))) }

// MapOf returns the map type with the given key and element types.
func MapOf(key, elem Type) Type {
	if !key.Comparable() {
		panic("reflect.MapOf: invalid key type " + key.String())
	}
	return toType(typeMapOf(key.(*rtype), elem.(*rtype)))
}

// ---- values ----

// Value is the reflection interface to a Go value: the zero Value is
// invalid (IsValid reports false).
type Value struct {
	typ  *rtype // NULL: the zero Value
	ptr  *rtype // the value's memory (value.h's memory representation)
	flag uintptr
}

const (
	flagAddr   uintptr = 1 // addressable (reached through a pointer, slice element...)
	flagRO     uintptr = 2 // obtained through an unexported field
	flagMethod uintptr = 4 // a method value: ptr holds {method, receiver, its type}
)

// A ValueError occurs when a Value method is invoked on a Value that does
// not support it.
type ValueError struct {
	Method string
	Kind   Kind
}

func (e *ValueError) Error() string {
	if e.Kind == 0 {
		return "reflect: call of " + e.Method + " on zero Value"
	}
	return "reflect: call of " + e.Method + " on " + e.Kind.String() + " Value"
}

func (v Value) mustBe(method string, k Kind) {
	if v.Kind() != k {
		panic(&ValueError{"reflect.Value." + method, v.Kind()})
	}
}

func (v Value) mustBeAssignable(method string) {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value." + method, Invalid})
	}
	if v.flag&flagRO != 0 {
		panic("reflect: reflect.Value." + method + " using value obtained using unexported field")
	}
	if v.flag&flagAddr == 0 {
		panic("reflect: reflect.Value." + method + " using unaddressable value")
	}
}

// natives on values (reflect.c)
func valueOf(i any) Value
func valueIface(v Value) any
func valueInt(v Value) int64
func valueUint(v Value) uint64
func valueFloat(v Value) float64
func valueComplex(v Value) complex128
func valueStr(v Value) string
func valueBool(v Value) bool
func valueLen(v Value) int
func valueCap(v Value) int
func valueIndex(v Value, i int) Value
func valueField(v Value, i int) Value
func valueElem(v Value) Value
func valueIsNil(v Value) bool
func valueIsZero(v Value) bool
func valueAddr(v Value) Value
func valueSet(v, x Value)
func valueSetInt(v Value, x int64)
func valueSetUint(v Value, x uint64)
func valueSetFloat(v Value, x float64)
func valueSetComplex(v Value, x complex128)
func valueSetString(v Value, x string)
func valueSetBool(v Value, x bool)
func valueMapIndex(v, key Value) Value
func valueMapKeys(v Value) []Value
func valueSetMapIndex(v, key, elem Value)
func valueCall(v Value, in []Value, slice bool) []Value
func valueMethod(v Value, i int) Value
func valueSlice(v Value, i, j int) Value
func valueNew(t *rtype) Value
func valueZero(t *rtype) Value
func valueMakeSlice(t *rtype, n, c int) Value
func valueMakeMap(t *rtype, n int) Value
func valueMakeChan(t *rtype, n int) Value
func valueAppend(s Value, x []Value) Value
func deepEqual(x, y any) bool
func valueConvert(v Value, t *rtype) Value
func makeFunc(t *rtype, fn func([]Value) []Value) Value
func valuePointer(v Value) uintptr
func valueEqual(v, u Value) bool
func valueSetLen(v Value, n int, isCap bool)
func valueClear(v Value)
func valueBytes(v Value) []byte
func valueSetBytes(v Value, x []byte)
func valueGrow(v Value, n int)
func valueClose(v Value)

// ValueOf returns a new Value holding the concrete value stored in i;
// the zero Value for nil.
func ValueOf(i any) Value { return valueOf(i) }

// IsValid reports whether v represents a value (is not the zero Value).
func (v Value) IsValid() bool { return v.typ != nil }

// Kind returns v's Kind; Invalid for the zero Value.
func (v Value) Kind() Kind {
	if v.typ == nil {
		return Invalid
	}
	if v.flag&flagMethod != 0 {
		return Func
	}
	return typeKind(v.typ)
}

// Type returns v's type.
func (v Value) Type() Type {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.Type", Invalid})
	}
	return v.typ
}

func (v Value) CanAddr() bool { return v.flag&flagAddr != 0 }

func (v Value) CanSet() bool { return v.flag&(flagAddr|flagRO) == flagAddr }

func (v Value) CanInterface() bool {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.CanInterface", Invalid})
	}
	return v.flag&flagRO == 0
}

// Interface returns v's current value as an interface{}.
func (v Value) Interface() any {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.Interface", Invalid})
	}
	if v.flag&flagRO != 0 {
		panic("reflect.Value.Interface: cannot return value obtained from unexported field or method")
	}
	return valueIface(v)
}

func (v Value) Int() int64 {
	switch v.Kind() {
	case Int, Int8, Int16, Int32, Int64:
		return valueInt(v)
	}
	panic(&ValueError{"reflect.Value.Int", v.Kind()})
}

func (v Value) Uint() uint64 {
	switch v.Kind() {
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return valueUint(v)
	}
	panic(&ValueError{"reflect.Value.Uint", v.Kind()})
}

func (v Value) Float() float64 {
	switch v.Kind() {
	case Float32, Float64:
		return valueFloat(v)
	}
	panic(&ValueError{"reflect.Value.Float", v.Kind()})
}

func (v Value) Complex() complex128 {
	switch v.Kind() {
	case Complex64, Complex128:
		return valueComplex(v)
	}
	panic(&ValueError{"reflect.Value.Complex", v.Kind()})
}

func (v Value) Bool() bool {
	v.mustBe("Bool", Bool)
	return valueBool(v)
}

// String returns the string v holds; for other kinds "<T Value>" (it does
// not panic, so that fmt can use it).
func (v Value) String() string {
	switch v.Kind() {
	case Invalid:
		return "<invalid Value>"
	case String:
		return valueStr(v)
	}
	return "<" + v.Type().String() + " Value>"
}

func (v Value) Len() int {
	switch v.Kind() {
	case Array, Chan, Map, Slice, String:
		return valueLen(v)
	case Pointer:
		if v.typ.Elem().Kind() == Array {
			return v.typ.Elem().Len()
		}
		panic("reflect: call of reflect.Value.Len on ptr to non-array Value")
	}
	panic(&ValueError{"reflect.Value.Len", v.Kind()})
}

func (v Value) Cap() int {
	switch v.Kind() {
	case Array, Chan, Slice:
		return valueCap(v)
	}
	panic(&ValueError{"reflect.Value.Cap", v.Kind()})
}

func (v Value) Index(i int) Value {
	switch v.Kind() {
	case Array:
		if uint(i) >= uint(valueLen(v)) {
			panic("reflect: array index out of range")
		}
	case Slice:
		if uint(i) >= uint(valueLen(v)) {
			panic("reflect: slice index out of range")
		}
	case String:
		if uint(i) >= uint(valueLen(v)) {
			panic("reflect: string index out of range")
		}
	default:
		panic(&ValueError{"reflect.Value.Index", v.Kind()})
	}
	return valueIndex(v, i)
}

func (v Value) Slice(i, j int) Value {
	var c int
	switch v.Kind() {
	case Array:
		if v.flag&flagAddr == 0 {
			panic("reflect.Value.Slice: slice of unaddressable array")
		}
		c = valueLen(v)
	case Slice:
		c = valueCap(v)
	case String:
		c = valueLen(v)
	default:
		panic(&ValueError{"reflect.Value.Slice", v.Kind()})
	}
	if i < 0 || j < i || j > c {
		panic("reflect.Value.Slice: slice index out of bounds")
	}
	return valueSlice(v, i, j)
}

func (v Value) NumField() int {
	v.mustBe("NumField", Struct)
	return typeNumField(v.typ)
}

func (v Value) Field(i int) Value {
	v.mustBe("Field", Struct)
	if uint(i) >= uint(typeNumField(v.typ)) {
		panic("reflect: Field index out of range")
	}
	return valueField(v, i)
}

func (v Value) FieldByIndex(index []int) Value {
	for depth, i := range index {
		if depth > 0 && v.Kind() == Pointer && v.typ.Elem().Kind() == Struct {
			if v.IsNil() {
				panic("reflect: indirection through nil pointer to embedded struct")
			}
			v = v.Elem()
		}
		v = v.Field(i)
	}
	return v
}

func (v Value) FieldByName(name string) Value {
	v.mustBe("FieldByName", Struct)
	if f, ok := v.typ.FieldByName(name); ok {
		return v.FieldByIndex(f.Index)
	}
	return Value{}
}

func (v Value) Elem() Value {
	switch v.Kind() {
	case Interface, Pointer:
		return valueElem(v)
	}
	panic(&ValueError{"reflect.Value.Elem", v.Kind()})
}

func (v Value) IsNil() bool {
	switch v.Kind() {
	case Chan, Func, Map, Pointer, UnsafePointer, Interface, Slice:
		if v.flag&flagMethod != 0 {
			return false
		}
		return valueIsNil(v)
	}
	panic(&ValueError{"reflect.Value.IsNil", v.Kind()})
}

func (v Value) IsZero() bool {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.IsZero", Invalid})
	}
	return valueIsZero(v)
}

func (v Value) Addr() Value {
	if v.flag&flagAddr == 0 {
		panic("reflect.Value.Addr of unaddressable value")
	}
	return valueAddr(v)
}

// assignTo returns x as a value of type t for method's stores (an
// interface type takes any value that implements it).
func (x Value) assignTo(method string, t *rtype) Value {
	if x.typ == nil {
		panic(&ValueError{method, Invalid})
	}
	if !typeAssignable(x.typ, t) {
		panic(method + ": value of type " + x.typ.String() + " is not assignable to type " + t.String())
	}
	return x
}

func (v Value) Set(x Value) {
	v.mustBeAssignable("Set")
	if x.typ == nil {
		panic(&ValueError{"reflect.Value.Set", Invalid})
	}
	if x.flag&flagRO != 0 {
		panic("reflect: reflect.Value.Set using value obtained using unexported field")
	}
	valueSet(v, x.assignTo("reflect.Set", v.typ))
}

func (v Value) SetInt(x int64) {
	v.mustBeAssignable("SetInt")
	switch v.Kind() {
	case Int, Int8, Int16, Int32, Int64:
		valueSetInt(v, x)
		return
	}
	panic(&ValueError{"reflect.Value.SetInt", v.Kind()})
}

func (v Value) SetUint(x uint64) {
	v.mustBeAssignable("SetUint")
	switch v.Kind() {
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		valueSetUint(v, x)
		return
	}
	panic(&ValueError{"reflect.Value.SetUint", v.Kind()})
}

func (v Value) SetFloat(x float64) {
	v.mustBeAssignable("SetFloat")
	switch v.Kind() {
	case Float32, Float64:
		valueSetFloat(v, x)
		return
	}
	panic(&ValueError{"reflect.Value.SetFloat", v.Kind()})
}

func (v Value) SetComplex(x complex128) {
	v.mustBeAssignable("SetComplex")
	switch v.Kind() {
	case Complex64, Complex128:
		valueSetComplex(v, x)
		return
	}
	panic(&ValueError{"reflect.Value.SetComplex", v.Kind()})
}

func (v Value) SetString(x string) {
	v.mustBeAssignable("SetString")
	v.mustBe("SetString", String)
	valueSetString(v, x)
}

func (v Value) SetBool(x bool) {
	v.mustBeAssignable("SetBool")
	v.mustBe("SetBool", Bool)
	valueSetBool(v, x)
}

func (v Value) OverflowInt(x int64) bool {
	switch v.Kind() {
	case Int, Int8, Int16, Int32, Int64:
		bits := uint(v.typ.Size() * 8)
		trunc := (x << (64 - bits)) >> (64 - bits)
		return x != trunc
	}
	panic(&ValueError{"reflect.Value.OverflowInt", v.Kind()})
}

func (v Value) OverflowUint(x uint64) bool {
	switch v.Kind() {
	case Uint, Uintptr, Uint8, Uint16, Uint32, Uint64:
		bits := uint(v.typ.Size() * 8)
		trunc := (x << (64 - bits)) >> (64 - bits)
		return x != trunc
	}
	panic(&ValueError{"reflect.Value.OverflowUint", v.Kind()})
}

func (v Value) MapIndex(key Value) Value {
	v.mustBe("MapIndex", Map)
	if key.typ == nil {
		var p *Value // Go's MapIndex dereferences the zero Value's type
		_ = *p
	}
	return valueMapIndex(v, key.assignTo("reflect.Value.MapIndex", typeKey(v.typ)))
}

func (v Value) MapKeys() []Value {
	v.mustBe("MapKeys", Map)
	return valueMapKeys(v)
}

func (v Value) SetMapIndex(key, elem Value) {
	v.mustBe("SetMapIndex", Map)
	if v.flag&flagRO != 0 {
		panic("reflect: reflect.Value.SetMapIndex using value obtained using unexported field")
	}
	if key.typ == nil {
		panic(&ValueError{"reflect.Value.SetMapIndex", Invalid})
	}
	key = key.assignTo("reflect.Value.SetMapIndex", typeKey(v.typ))
	if elem.IsValid() {
		elem = elem.assignTo("reflect.Value.SetMapIndex", typeElem(v.typ))
	}
	valueSetMapIndex(v, key, elem)
}

// A MapIter is an iterator for ranging over a map (see Value.MapRange).
// It walks the map as a range statement does (the runtime's iterator):
// entries deleted meanwhile are skipped, NaN keys are visited.
type MapIter struct {
	m     Value
	it    *mapIterState
	start bool
	done  bool
	key   Value
	val   Value
}

// mapIterState is the runtime's map iterator (only natives look inside).
type mapIterState struct{}

func mapIterStart(v Value) *mapIterState
func mapIterNext(v Value, it *mapIterState) (key, val Value, ok bool)

// MapRange returns a range iterator for a map.
func (v Value) MapRange() *MapIter {
	if v.Kind() != Map {
		panic(&ValueError{"reflect.Value.MapRange", v.Kind()})
	}
	return &MapIter{m: v}
}

func (it *MapIter) Next() bool {
	if !it.m.IsValid() {
		panic("MapIter.Next called on an iterator that does not have an associated map Value")
	}
	if !it.start {
		it.start = true
		it.it = mapIterStart(it.m)
	} else if it.done {
		panic("MapIter.Next called on exhausted iterator")
	}
	var ok bool
	it.key, it.val, ok = mapIterNext(it.m, it.it)
	it.done = !ok
	return ok
}

func (it *MapIter) Key() Value {
	if !it.start {
		panic("MapIter.Key called before Next")
	}
	if it.done {
		panic("MapIter.Key called on exhausted iterator")
	}
	return it.key
}

func (it *MapIter) Value() Value {
	if !it.start {
		panic("MapIter.Value called before Next")
	}
	if it.done {
		panic("MapIter.Value called on exhausted iterator")
	}
	return it.val
}

func (it *MapIter) Reset(v Value) {
	*it = MapIter{m: v}
}

// NumMethod returns the number of exported methods in v's method set.
func (v Value) NumMethod() int {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.NumMethod", Invalid})
	}
	if v.flag&flagMethod != 0 {
		return 0
	}
	return typeNumMethod(v.typ)
}

// Method returns v's i'th method bound to v, a func Value that Call can
// call.
func (v Value) Method(i int) Value {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.Method", Invalid})
	}
	if v.flag&flagMethod != 0 || uint(i) >= uint(typeNumMethod(v.typ)) {
		panic("reflect: Method index out of range")
	}
	if v.Kind() == Interface && v.IsNil() {
		panic("reflect: Method on nil interface value")
	}
	return valueMethod(v, i)
}

func (v Value) MethodByName(name string) Value {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.MethodByName", Invalid})
	}
	if v.flag&flagMethod != 0 {
		panic("reflect: MethodByName of method value")
	}
	if m, ok := v.typ.MethodByName(name); ok {
		return v.Method(m.Index)
	}
	return Value{}
}

// Call calls the function v with the input arguments in.
func (v Value) Call(in []Value) []Value {
	v.mustBe("Call", Func)
	if v.flag&flagRO != 0 {
		panic("reflect: reflect.Value.Call using value obtained using unexported field")
	}
	if v.flag&flagMethod == 0 && v.IsNil() {
		panic("reflect.Value.Call: call of nil function")
	}
	t := v.typ
	n := typeNumIn(t)
	variadic := typeVariadic(t)
	if variadic {
		n--
	}
	if len(in) < n {
		panic("reflect: Call with too few input arguments")
	}
	if !variadic && len(in) > n {
		panic("reflect: Call with too many input arguments")
	}
	for _, x := range in {
		if x.Kind() == Invalid {
			panic("reflect: Call using zero Value argument")
		}
	}
	args := make([]Value, len(in))
	for i := 0; i < n; i++ {
		if xt, targ := in[i].typ, typeIn(t, i); !typeAssignable(xt, targ) {
			panic("reflect: Call using " + xt.String() + " as type " + targ.String())
		}
		args[i] = in[i]
	}
	if variadic {
		elem := typeElem(typeIn(t, n))
		for i := n; i < len(in); i++ {
			if xt := in[i].typ; !typeAssignable(xt, elem) {
				panic("reflect: cannot use " + xt.String() + " as type " + elem.String() + " in Call")
			}
			args[i] = in[i]
		}
	}
	return valueCall(v, args, false)
}

// CallSlice calls the variadic function v with the input arguments in,
// the last of which is the variadic slice itself.
func (v Value) CallSlice(in []Value) []Value {
	v.mustBe("CallSlice", Func)
	if v.flag&flagRO != 0 {
		panic("reflect: reflect.Value.CallSlice using value obtained using unexported field")
	}
	if v.flag&flagMethod == 0 && v.IsNil() {
		panic("reflect.Value.CallSlice: call of nil function")
	}
	t := v.typ
	if !typeVariadic(t) {
		panic("reflect: CallSlice of non-variadic function")
	}
	n := typeNumIn(t)
	if len(in) < n {
		panic("reflect: CallSlice with too few input arguments")
	}
	if len(in) > n {
		panic("reflect: CallSlice with too many input arguments")
	}
	for i, x := range in {
		if x.Kind() == Invalid {
			panic("reflect: CallSlice using zero Value argument")
		}
		if xt, targ := x.typ, typeIn(t, i); !typeAssignable(xt, targ) {
			panic("reflect: CallSlice using " + xt.String() + " as type " + targ.String())
		}
	}
	return valueCall(v, in, true)
}

// Send sends x on the channel v.
func (v Value) Send(x Value) {
	v.mustBe("Send", Chan)
	if typeChanDir(v.typ)&SendDir == 0 {
		panic("reflect: send on recv-only channel")
	}
	if x.typ == nil {
		panic(&ValueError{"reflect.Value.Send", Invalid})
	}
	x = x.assignTo("reflect.Value.Send", typeElem(v.typ))
	doSelect([]SelectCase{{SelectSend, v, x}}, &selectState{})
}

// Recv receives a value from the channel v.
func (v Value) Recv() (Value, bool) {
	v.mustBe("Recv", Chan)
	if typeChanDir(v.typ)&RecvDir == 0 {
		panic("reflect: recv on send-only channel")
	}
	_, x, ok := doSelect([]SelectCase{{Dir: SelectRecv, Chan: v}}, &selectState{})
	return x, ok
}

// Close closes the channel v.
func (v Value) Close() {
	v.mustBe("Close", Chan)
	valueClose(v)
}

// Convert returns the value v converted to type t, as a Go conversion
// T(v) would.
func (v Value) Convert(t Type) Value {
	if v.typ == nil {
		var p *Value // Go's Convert dereferences the zero Value's type
		_ = *p
	}
	if !v.CanConvert(t) {
		panic("reflect.Value.Convert: value of type " + v.typ.String() + " cannot be converted to type " + t.String())
	}
	return valueConvert(v, t.(*rtype))
}

// CanConvert reports whether v can be converted to type t (a slice to an
// array only when it is long enough).
func (v Value) CanConvert(t Type) bool {
	if !typeConvertible(v.Type().(*rtype), t.(*rtype)) {
		return false
	}
	if v.Kind() == Slice {
		n := -1
		switch {
		case t.Kind() == Array:
			n = t.Len()
		case t.Kind() == Pointer && t.Elem().Kind() == Array:
			n = t.Elem().Len()
		}
		if n > v.Len() {
			return false
		}
	}
	return true
}

// Pointer returns v's value as a uintptr: the address a pointer, map or
// channel refers to, a slice's first element, a string's bytes (0 for
// nil), or a function's code: the closures of one function share it, and
// so do all method values (Method, MethodByName), as in Go.
func (v Value) Pointer() uintptr {
	switch v.Kind() {
	case Pointer, Chan, Map, UnsafePointer, Func, Slice, String:
		if v.flag&flagMethod != 0 {
			return valuePointer(methodValueCode)
		}
		return valuePointer(v)
	}
	panic(&ValueError{"reflect.Value.Pointer", v.Kind()})
}

// methodValueCode is the code all method values report from Pointer.
var methodValueCode = ValueOf(methodValueCall)

func methodValueCall() {}

// SetZero sets v to the zero value of its type.
func (v Value) SetZero() {
	v.mustBeAssignable("SetZero")
	valueSet(v, Zero(v.typ))
}

// Comparable reports whether the value v is comparable (an interface
// holding an uncomparable value is not).
func (v Value) Comparable() bool {
	switch v.Kind() {
	case Invalid:
		return false
	case Interface:
		return v.IsNil() || v.Elem().Comparable()
	case Array:
		for i := 0; i < v.Len(); i++ {
			if !v.Index(i).Comparable() {
				return false
			}
		}
		return v.typ.Comparable()
	case Struct:
		for i := 0; i < v.NumField(); i++ {
			if !v.Field(i).Comparable() {
				return false
			}
		}
		return true
	}
	return v.typ.Comparable()
}

// Equal reports whether v is equal to u, as == would (interfaces are
// compared by what they hold); it panics for uncomparable values.
func (v Value) Equal(u Value) bool {
	if v.Kind() == Interface {
		v = v.Elem()
	}
	if u.Kind() == Interface {
		u = u.Elem()
	}
	if !v.IsValid() || !u.IsValid() {
		return v.IsValid() == u.IsValid()
	}
	if v.Kind() != u.Kind() || v.typ != u.typ {
		return false
	}
	switch v.Kind() {
	case Func, Map, Slice:
		panic("reflect.Value.Equal: values of type " + v.Type().String() + " are not comparable")
	case Array:
		if v.Len() == 0 && !v.typ.Elem().Comparable() {
			panic("reflect.Value.Equal: values of type " + v.Type().String() + " are not comparable")
		}
		for i := 0; i < v.Len(); i++ {
			if !v.Index(i).Equal(u.Index(i)) {
				return false
			}
		}
		return true
	case Struct:
		for i := 0; i < v.NumField(); i++ {
			if !v.Field(i).Equal(u.Field(i)) {
				return false
			}
		}
		return true
	}
	return valueEqual(v, u)
}

func (v Value) CanInt() bool {
	switch v.Kind() {
	case Int, Int8, Int16, Int32, Int64:
		return true
	}
	return false
}

func (v Value) CanUint() bool {
	switch v.Kind() {
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return true
	}
	return false
}

func (v Value) CanFloat() bool { return v.Kind() == Float32 || v.Kind() == Float64 }

func (v Value) CanComplex() bool { return v.Kind() == Complex64 || v.Kind() == Complex128 }

// SetLen sets v's length to n (v: an addressable slice).
func (v Value) SetLen(n int) {
	v.mustBeAssignable("SetLen")
	v.mustBe("SetLen", Slice)
	if n < 0 || n > valueCap(v) {
		panic("reflect: slice length out of range in SetLen")
	}
	valueSetLen(v, n, false)
}

// SetCap sets v's capacity to n (v: an addressable slice).
func (v Value) SetCap(n int) {
	v.mustBeAssignable("SetCap")
	v.mustBe("SetCap", Slice)
	if n < valueLen(v) || n > valueCap(v) {
		panic("reflect: slice capacity out of range in SetCap")
	}
	valueSetLen(v, n, true)
}

// Bytes returns v's underlying value: a slice of bytes, or an
// addressable array of bytes.
func (v Value) Bytes() []byte {
	switch v.Kind() {
	case Slice:
		if typeKind(typeElem(v.typ)) != Uint8 {
			panic("reflect.Value.Bytes of non-byte slice")
		}
		return valueBytes(v)
	case Array:
		if typeKind(typeElem(v.typ)) != Uint8 {
			panic("reflect.Value.Bytes of non-byte array")
		}
		if v.flag&flagAddr == 0 {
			panic("reflect.Value.Bytes of unaddressable byte array")
		}
		return valueBytes(v)
	}
	panic(&ValueError{"reflect.Value.Bytes", v.Kind()})
}

// SetBytes sets v's underlying value (a slice of bytes) to x.
func (v Value) SetBytes(x []byte) {
	v.mustBeAssignable("SetBytes")
	v.mustBe("SetBytes", Slice)
	if typeKind(typeElem(v.typ)) != Uint8 {
		panic("reflect.Value.SetBytes of non-byte slice")
	}
	valueSetBytes(v, x)
}

// Grow increases the capacity of the slice v, if necessary, to
// guarantee room for another n elements (growing as append does).
func (v Value) Grow(n int) {
	v.mustBeAssignable("Grow")
	v.mustBe("Grow", Slice)
	if n < 0 {
		panic("reflect.Value.Grow: negative len")
	}
	if valueLen(v)+n > valueCap(v) {
		valueGrow(v, n)
	}
}

// OverflowFloat reports whether x cannot be represented by v's type.
func (v Value) OverflowFloat(x float64) bool {
	switch v.Kind() {
	case Float32:
		if x < 0 {
			x = -x
		}
		return 3.40282346638528859811704183484516925440e+38 < x && x <= 1.79769313486231570814527423731704356798070e+308
	case Float64:
		return false
	}
	panic(&ValueError{"reflect.Value.OverflowFloat", v.Kind()})
}

// Clear clears a map's entries or zeroes a slice's elements.
func (v Value) Clear() {
	switch v.Kind() {
	case Map, Slice:
		valueClear(v)
		return
	}
	panic(&ValueError{"reflect.Value.Clear", v.Kind()})
}

// UnsafeAddr returns the address of v's value (v must be addressable).
func (v Value) UnsafeAddr() uintptr {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.UnsafeAddr", Invalid})
	}
	if v.flag&flagAddr == 0 {
		panic("reflect.Value.UnsafeAddr of unaddressable value")
	}
	return valuePointer(v.Addr())
}

// SetIterKey assigns to v the key of iter's current map entry.
func (v Value) SetIterKey(iter *MapIter) { v.Set(iter.Key()) }

// SetIterValue assigns to v the value of iter's current map entry.
func (v Value) SetIterValue(iter *MapIter) { v.Set(iter.Value()) }

// TrySend attempts to send x on the channel v without blocking.
func (v Value) TrySend(x Value) bool {
	v.mustBe("TrySend", Chan)
	if typeChanDir(v.typ)&SendDir == 0 {
		panic("reflect: send on recv-only channel")
	}
	if x.typ == nil {
		panic(&ValueError{"reflect.Value.Send", Invalid})
	}
	x = x.assignTo("reflect.Value.Send", typeElem(v.typ))
	chosen, _, _ := doSelect([]SelectCase{{SelectSend, v, x}, {Dir: SelectDefault}}, &selectState{})
	return chosen == 0
}

// TryRecv attempts to receive a value from the channel v without
// blocking; x is the zero Value when nothing was received.
func (v Value) TryRecv() (x Value, ok bool) {
	v.mustBe("TryRecv", Chan)
	if typeChanDir(v.typ)&RecvDir == 0 {
		panic("reflect: recv on send-only channel")
	}
	chosen, x, ok := doSelect([]SelectCase{{Dir: SelectRecv, Chan: v}, {Dir: SelectDefault}}, &selectState{})
	if chosen != 0 {
		return Value{}, false
	}
	return x, ok
}

// ArrayOf returns the array type with the given length and element type.
func ArrayOf(length int, elem Type) Type {
	if length < 0 {
		panic("reflect: negative length passed to ArrayOf")
	}
	return toType(typeArrayOf(length, elem.(*rtype)))
}

// ChanOf returns the channel type with the given direction and element
// type.
func ChanOf(dir ChanDir, t Type) Type {
	if dir != RecvDir && dir != SendDir && dir != BothDir {
		panic("reflect.ChanOf: invalid dir")
	}
	return toType(typeChanOf(dir, t.(*rtype)))
}

// FuncOf returns the function type with the given argument and result
// types.
func FuncOf(in, out []Type, variadic bool) Type {
	if variadic && (len(in) == 0 || in[len(in)-1].Kind() != Slice) {
		panic("reflect.FuncOf: last arg of variadic func must be slice")
	}
	ins := make([]*rtype, len(in))
	for i, t := range in {
		ins[i] = t.(*rtype)
	}
	outs := make([]*rtype, len(out))
	for i, t := range out {
		outs[i] = t.(*rtype)
	}
	return toType(typeFuncOf(ins, outs, variadic))
}

// StructOf returns the struct type containing fields (their Offset and
// Index are ignored, as Go computes them).
func StructOf(fields []StructField) Type {
	n := len(fields)
	names, pkgs, tags := make([]string, n), make([]string, n), make([]string, n)
	types, embedded := make([]*rtype, n), make([]bool, n)
	seen := map[string]bool{}
	for i, f := range fields {
		if f.Name == "" {
			panic("reflect.StructOf: field " + strconv.Itoa(i) + " has no name")
		}
		if !validFieldName(f.Name) {
			panic("reflect.StructOf: field " + strconv.Itoa(i) + " has invalid name")
		}
		if f.Type == nil {
			panic("reflect.StructOf: field " + strconv.Itoa(i) + " has no type")
		}
		if f.Anonymous && f.PkgPath != "" {
			panic("reflect.StructOf: field \"" + f.Name + "\" is anonymous but has PkgPath set")
		}
		if c := f.Name[0]; !(c >= 'A' && c <= 'Z') && f.PkgPath == "" {
			panic("reflect.StructOf: field \"" + f.Name + "\" is unexported but missing PkgPath")
		}
		if seen[f.Name] && f.Name != "_" { // blank fields may repeat, as in Go
			panic("reflect.StructOf: duplicate field " + f.Name)
		}
		seen[f.Name] = true
		names[i], pkgs[i], tags[i] = f.Name, f.PkgPath, string(f.Tag)
		types[i], embedded[i] = f.Type.(*rtype), f.Anonymous
	}
	return toType(typeStructOf(names, pkgs, types, tags, embedded))
}

// validFieldName: a letter or '_', then letters, digits and '_'.
func validFieldName(name string) bool {
	for i, c := range name {
		letter := c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
		if !letter && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return len(name) > 0
}

// TypeFor returns the Type that represents the type argument T.
func TypeFor[T any]() Type {
	var v T
	if t := TypeOf(v); t != nil {
		return t
	}
	return TypeOf((*T)(nil)).Elem()
}

// Swapper returns a function that swaps the elements in the provided
// slice.
func Swapper(slice any) func(i, j int) {
	v := ValueOf(slice)
	if v.Kind() != Slice {
		panic(&ValueError{Method: "Swapper", Kind: v.Kind()})
	}
	tmp := New(v.typ.Elem()).Elem()
	return func(i, j int) {
		a, b := v.Index(i), v.Index(j)
		tmp.Set(a)
		a.Set(b)
		b.Set(tmp)
	}
}

// MakeFunc returns a new function of type typ that wraps fn: its
// arguments are passed to fn as Values, and fn's results, checked against
// typ's, are the function's results.
func MakeFunc(typ Type, fn func(args []Value) (results []Value)) Value {
	if typ.Kind() != Func {
		panic("reflect: call of MakeFunc with non-Func type")
	}
	return makeFunc(typ.(*rtype), fn)
}

// Indirect returns the value that v points to (v itself if it is not a
// pointer; the zero Value for a nil pointer).
func Indirect(v Value) Value {
	if v.Kind() != Pointer {
		return v
	}
	return v.Elem()
}

// New returns a Value representing a pointer to a new zero value for t.
func New(typ Type) Value {
	if typ == nil {
		panic("reflect: New(nil)")
	}
	return valueNew(typ.(*rtype))
}

// Zero returns a Value representing the zero value for t.
func Zero(typ Type) Value {
	if typ == nil {
		panic("reflect: Zero(nil)")
	}
	return valueZero(typ.(*rtype))
}

func MakeSlice(typ Type, len, cap int) Value {
	if typ.Kind() != Slice {
		panic("reflect.MakeSlice of non-slice type")
	}
	if len < 0 {
		panic("reflect.MakeSlice: negative len")
	}
	if cap < 0 {
		panic("reflect.MakeSlice: negative cap")
	}
	if len > cap {
		panic("reflect.MakeSlice: len > cap")
	}
	return valueMakeSlice(typ.(*rtype), len, cap)
}

func MakeMap(typ Type) Value { return MakeMapWithSize(typ, 0) }

func MakeMapWithSize(typ Type, n int) Value {
	if typ.Kind() != Map {
		panic("reflect.MakeMapWithSize of non-map type")
	}
	return valueMakeMap(typ.(*rtype), n)
}

func MakeChan(typ Type, buffer int) Value {
	if typ.Kind() != Chan {
		panic("reflect.MakeChan of non-chan type")
	}
	if buffer < 0 {
		panic("reflect.MakeChan: negative buffer size")
	}
	if typ.ChanDir() != BothDir {
		panic("reflect.MakeChan: unidirectional channel type")
	}
	return valueMakeChan(typ.(*rtype), buffer)
}

// Append appends the values x to a slice s and returns the resulting slice.
func Append(s Value, x ...Value) Value {
	s.mustBe("Append", Slice)
	elem := typeElem(s.typ)
	for i := range x {
		if x[i].typ == nil {
			panic(&ValueError{"reflect.Value.Set", Invalid})
		}
		x[i] = x[i].assignTo("reflect.Append", elem)
	}
	return valueAppend(s, x)
}

// AppendSlice appends a slice t to a slice s.
func AppendSlice(s, t Value) Value {
	s.mustBe("AppendSlice", Slice)
	t.mustBe("AppendSlice", Slice)
	x := make([]Value, t.Len())
	for i := range x {
		x[i] = t.Index(i)
	}
	return Append(s, x...)
}

// Copy copies the contents of src into dst until either dst has been
// filled or src has been exhausted; it returns the number copied.
func Copy(dst, src Value) int {
	n := dst.Len()
	if src.Len() < n {
		n = src.Len()
	}
	for i := 0; i < n; i++ {
		dst.Index(i).Set(src.Index(i))
	}
	return n
}

// DeepEqual reports whether x and y are "deeply equal" (Go's rules:
// same types, then element by element, pointers by what they point to,
// nil and empty slices and maps different, funcs equal only when both nil,
// cycles are equal once revisited).
func DeepEqual(x, y any) bool { return deepEqual(x, y) }

// ---- Select ----

// A SelectDir describes the communication direction of a select case.
type SelectDir int

const (
	_ SelectDir = iota
	SelectSend
	SelectRecv
	SelectDefault
)

// A SelectCase describes a single case in a select operation.
type SelectCase struct {
	Dir  SelectDir
	Chan Value
	Send Value
}

// selectState keeps a Select's progress across the park (reflect.c's
// doSelect is called again, with the same state, once woken).
type selectState struct {
	st *rtype
}

func doSelect(cases []SelectCase, st *selectState) (chosen int, recv Value, recvOK bool)

// Select executes a select operation described by the list of cases: it
// blocks (parking the goroutine, as a select statement does) until one of
// the cases can proceed, unless there is a SelectDefault case.
func Select(cases []SelectCase) (chosen int, recv Value, recvOK bool) {
	sel := make([]SelectCase, len(cases))
	haveDefault := false
	for i, c := range cases {
		switch c.Dir {
		case SelectDefault:
			if haveDefault {
				panic("reflect.Select: multiple default cases")
			}
			haveDefault = true
			if c.Chan.IsValid() {
				panic("reflect.Select: default case has Chan value")
			}
			if c.Send.IsValid() {
				panic("reflect.Select: default case has Send value")
			}
		case SelectSend:
			if !c.Chan.IsValid() {
				break
			}
			c.Chan.mustBe("Select", Chan)
			if typeChanDir(c.Chan.typ)&SendDir == 0 {
				panic("reflect.Select: SendDir case using recv-only channel")
			}
			if !c.Send.IsValid() {
				panic("reflect.Select: SendDir case missing Send value")
			}
			c.Send = c.Send.assignTo("reflect.Select", typeElem(c.Chan.typ))
		case SelectRecv:
			if c.Send.IsValid() {
				panic("reflect.Select: RecvDir case has Send value")
			}
			if !c.Chan.IsValid() {
				break
			}
			c.Chan.mustBe("Select", Chan)
			if typeChanDir(c.Chan.typ)&RecvDir == 0 {
				panic("reflect.Select: RecvDir case using send-only channel")
			}
		default:
			panic("reflect.Select: invalid Dir")
		}
		sel[i] = c
	}
	return doSelect(sel, &selectState{})
}

// ---- iterators (Go 1.23) -----------------------------------------------------

// yieldsTo reports whether v is a func that takes one yield func of n
// parameters returning bool, and returns nothing: what Seq (n = 1) and
// Seq2 (n = 2) range over by calling it.
func yieldsTo(v Value, n int) bool {
	if v.Kind() != Func {
		return false
	}
	t := v.Type()
	if t.NumIn() != 1 || t.NumOut() != 0 || t.IsVariadic() {
		return false
	}
	y := t.In(0)
	return y.Kind() == Func && y.NumIn() == n && y.NumOut() == 1 &&
		!y.IsVariadic() && y.Out(0).Kind() == Bool
}

// Seq returns the values `for x := range v` would give, as Values: the
// integers below v for an integer kind (of v's type), the indices of an
// array, slice or pointer to array, the byte offsets of a string's runes,
// a map's keys, a channel's values until it is closed, or what an
// iterator function yields.
func (v Value) Seq() iter.Seq[Value] {
	if yieldsTo(v, 1) {
		return func(yield func(Value) bool) {
			v.Call([]Value{MakeFunc(v.Type().In(0), func(in []Value) []Value {
				return []Value{ValueOf(yield(in[0]))}
			})})
		}
	}
	k := v.Kind()
	switch {
	case k >= Int && k <= Int64:
		n, t := v.Int(), v.Type()
		return func(yield func(Value) bool) {
			for i := int64(0); i < n; i++ {
				if !yield(ValueOf(i).Convert(t)) {
					return
				}
			}
		}
	case k >= Uint && k <= Uintptr:
		n, t := v.Uint(), v.Type()
		return func(yield func(Value) bool) {
			for i := uint64(0); i < n; i++ {
				if !yield(ValueOf(i).Convert(t)) {
					return
				}
			}
		}
	case k == Pointer && v.Elem().Kind() == Array, k == Array, k == Slice:
		return func(yield func(Value) bool) {
			for i := range Indirect(v).Len() {
				if !yield(ValueOf(i)) {
					return
				}
			}
		}
	case k == String:
		return func(yield func(Value) bool) {
			for i := range v.String() {
				if !yield(ValueOf(i)) {
					return
				}
			}
		}
	case k == Map:
		return func(yield func(Value) bool) {
			for it := v.MapRange(); it.Next(); {
				if !yield(it.Key()) {
					return
				}
			}
		}
	case k == Chan:
		return func(yield func(Value) bool) {
			for {
				x, ok := v.Recv()
				if !ok || !yield(x) {
					return
				}
			}
		}
	}
	panic("reflect: " + v.Type().String() + " cannot produce iter.Seq[Value]")
}

// Seq2 returns the pairs `for k, x := range v` would give: index and
// element of an array, slice or pointer to array, byte offset and rune of
// a string, key and value of a map, or what an iterator function yields.
func (v Value) Seq2() iter.Seq2[Value, Value] {
	if yieldsTo(v, 2) {
		return func(yield func(Value, Value) bool) {
			v.Call([]Value{MakeFunc(v.Type().In(0), func(in []Value) []Value {
				return []Value{ValueOf(yield(in[0], in[1]))}
			})})
		}
	}
	switch k := v.Kind(); {
	case k == Pointer && v.Elem().Kind() == Array, k == Array, k == Slice:
		return func(yield func(Value, Value) bool) {
			a := Indirect(v)
			for i := range a.Len() {
				if !yield(ValueOf(i), a.Index(i)) {
					return
				}
			}
		}
	case k == String:
		return func(yield func(Value, Value) bool) {
			for i, r := range v.String() {
				if !yield(ValueOf(i), ValueOf(r)) {
					return
				}
			}
		}
	case k == Map:
		return func(yield func(Value, Value) bool) {
			for it := v.MapRange(); it.Next(); {
				if !yield(it.Key(), it.Value()) {
					return
				}
			}
		}
	}
	panic("reflect: " + v.Type().String() + " cannot produce iter.Seq2[Value, Value]")
}
