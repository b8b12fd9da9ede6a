// Package slog is structured logging: records of a level, a message and key=value attributes, written by a Handler (text, JSON, or your own).
//
// Package log/slog — csp's standard library, written in csp to print what
// Go's log/slog prints, byte for byte.
//
// The pieces, as in Go:
//   - Value is a tagged union (Kind + payload); AnyValue picks the most
//     precise kind, so Any("n", 3) is an Int64 and Any("t", t) a Time. Go
//     packs the payload into one word and an interface with unsafe tricks;
//     csp keeps plain fields (kind, num, str, any), which costs a few words
//     per Value and needs no unsafe.
//   - Attr is a key and a Value; a Group value holds []Attr.
//   - Record is one log event; Logger.log builds it and hands it to the
//     Handler. Arguments become attributes pairwise: a string key takes the
//     next argument as its value, an Attr stands alone, anything else (or a
//     trailing key) becomes "!BADKEY".
//   - commonHandler does the work of both TextHandler and JSONHandler (its
//     Handler methods are theirs, promoted): the attributes given to With
//     are formatted once into preformatted bytes, groups from WithGroup are
//     opened lazily (only when an attribute lands in them, so an empty group
//     leaves no trace), and ReplaceAttr sees every non-group attribute with
//     the list of groups it sits in. A format (textFormat, jsonFormat) holds
//     all that differs between the two: separators, quoting, how a value,
//     a time and a source are written, and whether groups nest as objects
//     or prefix keys.
//   - The default Logger writes through package log's standard logger as
//     "LEVEL msg k=v", so log's prefix and flags apply; SetDefault with
//     another handler turns the redirection around (package log's output
//     goes into that handler at level Info).
//
// Source positions: Go keeps a program counter in Record.PC and resolves it
// when a handler asks. csp has no program counters, so Logger.log asks for
// the caller's function, file and line at once (native caller, slog.c) and
// keeps them in the Record; Record.PC is then a non-zero token (1) that says
// a source is known. File names are csp's paths for the script.
//
// Not here: LogAttrs' allocation-free fast paths, the pools Go uses for
// buffers, named []byte types as quoted strings in text output (only []byte
// itself), the stack trace in the error a panicking LogValue becomes, and
// the source of lines that package log sends into a handler after
// SetDefault (they have none, as if log's flags had no Lshortfile).
package slog

import (
	"bytes"
	"context"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"math"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"
)

func caller(skip int) (index int, function, file string, line int)
func frames() int

// ---- Levels ----

// A Level is the importance of a log event; higher is more severe.
type Level int

// The named levels; the gaps of 4 leave room for levels in between (LevelInfo+2 prints INFO+2).
const (
	LevelDebug Level = -4
	LevelInfo  Level = 0
	LevelWarn  Level = 4
	LevelError Level = 8
)

// String names the level: DEBUG, INFO, WARN, ERROR, or the nearest lower name with an offset (WARN+1, DEBUG-2).
func (l Level) String() string {
	name, base := "ERROR", LevelError
	switch {
	case l < LevelInfo:
		name, base = "DEBUG", LevelDebug
	case l < LevelWarn:
		name, base = "INFO", LevelInfo
	case l < LevelError:
		name, base = "WARN", LevelWarn
	}
	d := l - base
	if d == 0 {
		return name
	}
	if d > 0 {
		return name + "+" + strconv.Itoa(int(d))
	}
	return name + strconv.Itoa(int(d))
}

// MarshalJSON encodes the level as a quoted String.
func (l Level) MarshalJSON() ([]byte, error) {
	return strconv.AppendQuote(nil, l.String()), nil
}

// UnmarshalJSON accepts what MarshalJSON writes (the name is case-insensitive).
func (l *Level) UnmarshalJSON(data []byte) error {
	s, err := strconv.Unquote(string(data))
	if err != nil {
		return err
	}
	return l.parse(s)
}

// AppendText appends the level's String to b.
func (l Level) AppendText(b []byte) ([]byte, error) {
	return append(b, l.String()...), nil
}

// MarshalText encodes the level as its String.
func (l Level) MarshalText() ([]byte, error) {
	return l.AppendText(nil)
}

// UnmarshalText parses a level name with an optional offset: "warn", "INFO+2", "Error-1".
func (l *Level) UnmarshalText(data []byte) error {
	return l.parse(string(data))
}

func (l *Level) parse(s string) error {
	name, offset := s, 0
	if i := strings.IndexAny(s, "+-"); i >= 0 {
		name = s[:i]
		n, err := strconv.Atoi(s[i:])
		if err != nil {
			return fmt.Errorf("slog: level string %q: %w", s, err)
		}
		offset = n
	}
	switch strings.ToUpper(name) {
	case "DEBUG":
		*l = LevelDebug
	case "INFO":
		*l = LevelInfo
	case "WARN":
		*l = LevelWarn
	case "ERROR":
		*l = LevelError
	default:
		return fmt.Errorf("slog: level string %q: %w", s, errors.New("unknown name"))
	}
	*l += Level(offset)
	return nil
}

// Level returns l itself, so a Level is a Leveler.
func (l Level) Level() Level { return l }

// A LevelVar is a Level that may change while loggers use it (safe from many goroutines); its zero value is LevelInfo.
type LevelVar struct {
	val atomic.Int64
}

// Level returns the current level.
func (v *LevelVar) Level() Level { return Level(int(v.val.Load())) }

// Set changes the level.
func (v *LevelVar) Set(l Level) { v.val.Store(int64(l)) }

// String is "LevelVar(INFO)".
func (v *LevelVar) String() string {
	return fmt.Sprintf("LevelVar(%s)", v.Level())
}

// AppendText appends the current level's String to b.
func (v *LevelVar) AppendText(b []byte) ([]byte, error) { return v.Level().AppendText(b) }

// MarshalText encodes the current level as its String.
func (v *LevelVar) MarshalText() ([]byte, error) { return v.AppendText(nil) }

// UnmarshalText parses a level as Level.UnmarshalText does and sets it.
func (v *LevelVar) UnmarshalText(data []byte) error {
	var l Level
	if err := l.UnmarshalText(data); err != nil {
		return err
	}
	v.Set(l)
	return nil
}

// A Leveler gives a minimum level: Level and *LevelVar are Levelers.
type Leveler interface {
	Level() Level
}

// ---- Values ----

// Kind is the kind of a Value.
type Kind int

// The kinds of Value.
const (
	KindAny Kind = iota
	KindBool
	KindDuration
	KindFloat64
	KindInt64
	KindString
	KindTime
	KindUint64
	KindGroup
	KindLogValuer
)

var kindNames = []string{"Any", "Bool", "Duration", "Float64", "Int64", "String", "Time", "Uint64", "Group", "LogValuer"}

// String names the kind ("Int64").
func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "<unknown slog.Kind>"
}

// A Value is any Go value, stored without boxing for the common kinds.
//
// num holds Int64, Uint64, Bool (0/1), Duration and Float64 (as bits); str
// holds a String; any holds an Any or LogValuer value, a time.Time, or the
// []Attr of a Group. The zero Value is KindAny holding nil.
type Value struct {
	kind Kind
	num  uint64
	str  string
	any  any
}

// StringValue returns a Value for a string.
func StringValue(value string) Value { return Value{kind: KindString, str: value} }

// IntValue returns a Value for an int (an Int64).
func IntValue(v int) Value { return Int64Value(int64(v)) }

// Int64Value returns a Value for an int64.
func Int64Value(v int64) Value { return Value{kind: KindInt64, num: uint64(v)} }

// Uint64Value returns a Value for a uint64.
func Uint64Value(v uint64) Value { return Value{kind: KindUint64, num: v} }

// Float64Value returns a Value for a float64.
func Float64Value(v float64) Value { return Value{kind: KindFloat64, num: math.Float64bits(v)} }

// BoolValue returns a Value for a bool.
func BoolValue(v bool) Value {
	if v {
		return Value{kind: KindBool, num: 1}
	}
	return Value{kind: KindBool}
}

// TimeValue returns a Value for a time.Time (without its monotonic reading).
func TimeValue(v time.Time) Value { return Value{kind: KindTime, any: v.Round(0)} }

// DurationValue returns a Value for a time.Duration.
func DurationValue(v time.Duration) Value { return Value{kind: KindDuration, num: uint64(v)} }

// GroupValue returns a Value for a list of Attrs; empty groups among them are dropped.
func GroupValue(as ...Attr) Value {
	if n := countEmptyGroups(as); n > 0 {
		kept := make([]Attr, 0, len(as)-n)
		for _, a := range as {
			if !a.Value.isEmptyGroup() {
				kept = append(kept, a)
			}
		}
		as = kept
	}
	return Value{kind: KindGroup, any: as}
}

func countEmptyGroups(as []Attr) int {
	n := 0
	for _, a := range as {
		if a.Value.isEmptyGroup() {
			n++
		}
	}
	return n
}

// AnyValue returns a Value for v, of the most precise kind: numbers become Int64, Uint64 or Float64, a []Attr a Group, a LogValuer a LogValuer.
func AnyValue(v any) Value {
	switch x := v.(type) {
	case string:
		return StringValue(x)
	case int:
		return Int64Value(int64(x))
	case int8:
		return Int64Value(int64(x))
	case int16:
		return Int64Value(int64(x))
	case int32:
		return Int64Value(int64(x))
	case int64:
		return Int64Value(x)
	case uint:
		return Uint64Value(uint64(x))
	case uint8:
		return Uint64Value(uint64(x))
	case uint16:
		return Uint64Value(uint64(x))
	case uint32:
		return Uint64Value(uint64(x))
	case uint64:
		return Uint64Value(x)
	case uintptr:
		return Uint64Value(uint64(x))
	case float32:
		return Float64Value(float64(x))
	case float64:
		return Float64Value(x)
	case bool:
		return BoolValue(x)
	case time.Duration:
		return DurationValue(x)
	case time.Time:
		return TimeValue(x)
	case []Attr:
		return GroupValue(x...)
	case Value:
		return x
	case LogValuer:
		return Value{kind: KindLogValuer, any: x}
	default:
		return Value{kind: KindAny, any: v}
	}
}

// Kind returns the Value's kind.
func (v Value) Kind() Kind { return v.kind }

// Any returns the Value as an any (an int64 for Int64, a []Attr for Group ...).
func (v Value) Any() any {
	switch v.kind {
	case KindAny, KindLogValuer:
		return v.any
	case KindGroup:
		return v.group()
	case KindInt64:
		return int64(v.num)
	case KindUint64:
		return v.num
	case KindFloat64:
		return math.Float64frombits(v.num)
	case KindString:
		return v.str
	case KindBool:
		return v.num == 1
	case KindDuration:
		return time.Duration(int64(v.num))
	case KindTime:
		return v.time()
	}
	panic(fmt.Sprintf("bad kind: %s", v.kind))
}

func (v Value) want(k Kind) {
	if v.kind != k {
		panic(fmt.Sprintf("Value kind is %s, not %s", v.kind, k))
	}
}

// String returns a String Value's string, and formats any other kind as fmt would (it never panics).
func (v Value) String() string {
	if v.kind == KindString {
		return v.str
	}
	return string(v.append(nil))
}

// Int64 returns the Value's int64; it panics for another kind.
func (v Value) Int64() int64 {
	v.want(KindInt64)
	return int64(v.num)
}

// Uint64 returns the Value's uint64; it panics for another kind.
func (v Value) Uint64() uint64 {
	v.want(KindUint64)
	return v.num
}

// Bool returns the Value's bool; it panics for another kind.
func (v Value) Bool() bool {
	v.want(KindBool)
	return v.num == 1
}

// Duration returns the Value's time.Duration; it panics for another kind.
func (v Value) Duration() time.Duration {
	v.want(KindDuration)
	return time.Duration(int64(v.num))
}

// Float64 returns the Value's float64; it panics for another kind.
func (v Value) Float64() float64 {
	v.want(KindFloat64)
	return math.Float64frombits(v.num)
}

// Time returns the Value's time.Time; it panics for another kind.
func (v Value) Time() time.Time {
	v.want(KindTime)
	return v.time()
}

func (v Value) time() time.Time {
	t, _ := v.any.(time.Time)
	return t
}

// LogValuer returns the Value's LogValuer; it panics for another kind.
func (v Value) LogValuer() LogValuer { return v.any.(LogValuer) }

// Group returns the Value's attributes; it panics for another kind.
func (v Value) Group() []Attr {
	if v.kind != KindGroup {
		panic("Group: bad kind")
	}
	return v.group()
}

func (v Value) group() []Attr {
	as, _ := v.any.([]Attr)
	return as
}

func (v Value) isEmptyGroup() bool {
	return v.kind == KindGroup && len(v.group()) == 0
}

// Equal reports whether v and w hold the same kind and value (Any values are compared with ==).
func (v Value) Equal(w Value) bool {
	if v.kind != w.kind {
		return false
	}
	switch v.kind {
	case KindInt64, KindUint64, KindBool, KindDuration:
		return v.num == w.num
	case KindString:
		return v.str == w.str
	case KindFloat64:
		return math.Float64frombits(v.num) == math.Float64frombits(w.num)
	case KindTime:
		return v.time().Equal(w.time())
	case KindAny, KindLogValuer:
		return v.any == w.any
	case KindGroup:
		a, b := v.group(), w.group()
		if len(a) != len(b) {
			return false
		}
		for i := range a {
			if !a[i].Equal(b[i]) {
				return false
			}
		}
		return true
	}
	panic(fmt.Sprintf("bad kind: %s", v.kind))
}

// append formats v as Value.String does.
func (v Value) append(dst []byte) []byte {
	switch v.kind {
	case KindString:
		return append(dst, v.str...)
	case KindInt64:
		return strconv.AppendInt(dst, int64(v.num), 10)
	case KindUint64:
		return strconv.AppendUint(dst, v.num, 10)
	case KindFloat64:
		return strconv.AppendFloat(dst, math.Float64frombits(v.num), 'g', -1, 64)
	case KindBool:
		return strconv.AppendBool(dst, v.num == 1)
	case KindDuration:
		return append(dst, time.Duration(int64(v.num)).String()...)
	case KindTime:
		return append(dst, v.time().String()...)
	case KindGroup:
		return append(dst, fmt.Sprint(v.group())...)
	}
	return append(dst, fmt.Sprint(v.any)...)
}

// A LogValuer is a value that supplies its own log Value (to redact a secret, or to log a struct as a group).
type LogValuer interface {
	LogValue() Value
}

// maxLogValues bounds Resolve, so a LogValuer that returns itself cannot loop.
const maxLogValues = 100

// Resolve calls LogValue until the Value is no longer a LogValuer; a panic in LogValue becomes an error value.
func (v Value) Resolve() (rv Value) {
	orig := v
	defer func() {
		if r := recover(); r != nil {
			rv = AnyValue(fmt.Errorf("LogValue panicked\n%v", r))
		}
	}()
	for i := 0; i < maxLogValues; i++ {
		if v.kind != KindLogValuer {
			return v
		}
		v = v.LogValuer().LogValue()
	}
	return AnyValue(fmt.Errorf("LogValue called too many times on Value of type %T", orig.Any()))
}

// ---- Attrs ----

// An Attr is a key and a value.
type Attr struct {
	Key   string
	Value Value
}

// String returns an Attr for a string.
func String(key, value string) Attr { return Attr{key, StringValue(value)} }

// Int64 returns an Attr for an int64.
func Int64(key string, value int64) Attr { return Attr{key, Int64Value(value)} }

// Int returns an Attr for an int (stored as an int64).
func Int(key string, value int) Attr { return Int64(key, int64(value)) }

// Uint64 returns an Attr for a uint64.
func Uint64(key string, v uint64) Attr { return Attr{key, Uint64Value(v)} }

// Float64 returns an Attr for a float64.
func Float64(key string, v float64) Attr { return Attr{key, Float64Value(v)} }

// Bool returns an Attr for a bool.
func Bool(key string, v bool) Attr { return Attr{key, BoolValue(v)} }

// Time returns an Attr for a time.Time.
func Time(key string, v time.Time) Attr { return Attr{key, TimeValue(v)} }

// Duration returns an Attr for a time.Duration.
func Duration(key string, v time.Duration) Attr { return Attr{key, DurationValue(v)} }

// Group returns an Attr for a group of attributes given as key/value pairs or Attrs, like Logger.Info's arguments.
func Group(key string, args ...any) Attr {
	return Attr{key, GroupValue(argsToAttrSlice(args)...)}
}

// GroupAttrs returns an Attr for a group of Attrs.
func GroupAttrs(key string, attrs ...Attr) Attr {
	return Attr{key, GroupValue(attrs...)}
}

// Any returns an Attr for any value (see AnyValue).
func Any(key string, value any) Attr { return Attr{key, AnyValue(value)} }

// Equal reports whether a and b have equal keys and values.
func (a Attr) Equal(b Attr) bool { return a.Key == b.Key && a.Value.Equal(b.Value) }

// String is "key=value".
func (a Attr) String() string { return a.Key + "=" + a.Value.String() }

// isEmpty: the zero Attr, which handlers skip (ReplaceAttr returns it to drop an attribute).
func (a Attr) isEmpty() bool {
	return a.Key == "" && a.Value.kind == KindAny && a.Value.num == 0 && a.Value.any == nil
}

const badKey = "!BADKEY"

// argsToAttr takes one attribute off the front of args: key and value, an Attr, or a lone value under !BADKEY.
func argsToAttr(args []any) (Attr, []any) {
	switch x := args[0].(type) {
	case string:
		if len(args) == 1 {
			return String(badKey, x), nil
		}
		return Any(x, args[1]), args[2:]
	case Attr:
		return x, args[1:]
	default:
		return Any(badKey, x), args[1:]
	}
}

func argsToAttrSlice(args []any) []Attr {
	var attrs []Attr
	var a Attr
	for len(args) > 0 {
		a, args = argsToAttr(args)
		attrs = append(attrs, a)
	}
	return attrs
}

// ---- Records ----

// A Record is one log event: time, level, message and attributes.
type Record struct {
	// Time is when the event happened (the zero Time: handlers omit it).
	Time time.Time
	// Message is the log message.
	Message string
	// Level is the event's level.
	Level Level
	// PC is non-zero when the source of the log call is known (csp keeps the source itself, not a program counter).
	PC uintptr

	attrs []Attr
	src   *Source // the call's position when PC != 0
	frame int     // 1 + index of the caller's frame in its goroutine; 0: unknown
}

// NewRecord makes a Record; use Add or AddAttrs to give it attributes. A pc of 0 means no source.
func NewRecord(t time.Time, level Level, msg string, pc uintptr) Record {
	return Record{Time: t, Message: msg, Level: level, PC: pc}
}

// Clone returns a copy whose attributes no longer share storage with r's.
func (r Record) Clone() Record {
	r.attrs = append([]Attr(nil), r.attrs...)
	return r
}

// NumAttrs returns the number of attributes.
func (r Record) NumAttrs() int { return len(r.attrs) }

// Attrs calls f on each attribute in order, stopping when f returns false.
func (r Record) Attrs(f func(Attr) bool) {
	for _, a := range r.attrs {
		if !f(a) {
			return
		}
	}
}

// AddAttrs appends attributes (empty groups are dropped).
func (r *Record) AddAttrs(attrs ...Attr) {
	// A copy of a Record shares its backing array: copy before appending so
	// two copies never write into the same slots.
	r.attrs = r.attrs[:len(r.attrs):len(r.attrs)]
	for _, a := range attrs {
		if !a.Value.isEmptyGroup() {
			r.attrs = append(r.attrs, a)
		}
	}
}

// Add appends attributes given as key/value pairs or Attrs, like Logger.Info's arguments.
func (r *Record) Add(args ...any) {
	r.attrs = r.attrs[:len(r.attrs):len(r.attrs)]
	var a Attr
	for len(args) > 0 {
		a, args = argsToAttr(args)
		if !a.Value.isEmptyGroup() {
			r.attrs = append(r.attrs, a)
		}
	}
}

// Source is the position of a log call.
type Source struct {
	// Function is the function's full name: "main.main", "main.(*T).M".
	Function string `json:"function"`
	// File is the source file (csp's path for a script).
	File string `json:"file"`
	// Line is the line in File.
	Line int `json:"line"`
}

func (s *Source) isEmpty() bool { return s == nil || *s == Source{} }

// group is the Source as a Group of its non-empty fields (JSON's form).
func (s *Source) group() Value {
	var as []Attr
	if s.Function != "" {
		as = append(as, String("function", s.Function))
	}
	if s.File != "" {
		as = append(as, String("file", s.File))
	}
	if s.Line != 0 {
		as = append(as, Int("line", s.Line))
	}
	return GroupValue(as...)
}

// Source returns the position of the log call, or nil if it is not known.
func (r Record) Source() *Source {
	if r.PC == 0 || r.src == nil {
		return nil
	}
	s := *r.src
	return &s
}

// ---- Handlers ----

// A Handler writes Records: Enabled filters by level first, Handle writes, WithAttrs and WithGroup return handlers that add attributes or a group to every record.
type Handler interface {
	Enabled(context.Context, Level) bool
	Handle(context.Context, Record) error
	WithAttrs(attrs []Attr) Handler
	WithGroup(name string) Handler
}

// HandlerOptions configure TextHandler and JSONHandler; the zero value is valid.
type HandlerOptions struct {
	// AddSource adds a "source" attribute with the log call's file:line.
	AddSource bool
	// Level is the minimum level written (nil: LevelInfo).
	Level Leveler
	// ReplaceAttr, if set, rewrites each non-group attribute (built-ins included); returning Attr{} drops it. groups are the enclosing groups, nil for the built-ins.
	ReplaceAttr func(groups []string, a Attr) Attr
}

// The keys of the built-in attributes.
const (
	TimeKey    = "time"
	LevelKey   = "level"
	MessageKey = "msg"
	SourceKey  = "source"
)

// A format is what sets JSON apart from text; the walk over a record's
// groups, attributes and ReplaceAttr (commonHandler, handleState) is one.
type format struct {
	json    bool   // groups nest as objects {...}; in text they prefix keys "g."
	attrSep string // between two attributes
	keySep  string // between a key and its value
	// appendString writes a string (a value, or a key), quoted as needed.
	appendString func(buf []byte, str string) []byte
	appendValue  func(s *handleState, v Value) error // any kind but a group
	appendTime   func(s *handleState, t time.Time)   // the built-in time
	source       func(src *Source) Value             // the "source" value
	wrap         func(h *commonHandler) Handler      // the exported type around h
}

var textFormat = &format{
	attrSep:      " ",
	keySep:       "=",
	appendString: appendTextString,
	appendValue:  appendTextValue,
	appendTime:   appendTextTime,
	source: func(src *Source) Value {
		return StringValue(fmt.Sprintf("%s:%d", src.File, src.Line))
	},
	wrap: func(h *commonHandler) Handler { return &TextHandler{h} },
}

var jsonFormat = &format{
	json:         true,
	attrSep:      ",",
	keySep:       ":",
	appendString: appendJSONString,
	appendValue:  appendJSONValue,
	appendTime:   appendJSONTime,
	source:       func(src *Source) Value { return src.group() },
	wrap:         func(h *commonHandler) Handler { return &JSONHandler{h} },
}

// commonHandler formats records as text or JSON. Clones made by With and
// WithGroup share mu and w, so lines from all of them never interleave.
type commonHandler struct {
	format      *format
	opts        HandlerOptions
	pre         []byte   // attributes from WithAttrs, already formatted
	groupPrefix string   // text: "g1.g2." for the groups open in pre
	groups      []string // every group from WithGroup
	nOpenGroups int      // how many of groups pre has opened
	mu          *sync.Mutex
	w           io.Writer
}

func (h *commonHandler) clone() *commonHandler {
	c := *h
	c.pre = h.pre[:len(h.pre):len(h.pre)]
	c.groups = h.groups[:len(h.groups):len(h.groups)]
	return &c
}

func newCommonHandler(f *format, w io.Writer, opts *HandlerOptions) *commonHandler {
	if opts == nil {
		opts = &HandlerOptions{}
	}
	return &commonHandler{format: f, w: w, opts: *opts, mu: &sync.Mutex{}}
}

// The Handler methods of TextHandler and JSONHandler.

// Enabled reports whether level is at least the handler's minimum.
func (h *commonHandler) Enabled(_ context.Context, level Level) bool {
	min := LevelInfo
	if h.opts.Level != nil {
		min = h.opts.Level.Level()
	}
	return level >= min
}

// WithAttrs returns a handler of the same type that writes attrs in every
// record.
func (h *commonHandler) WithAttrs(attrs []Attr) Handler {
	return h.format.wrap(h.withAttrs(attrs))
}

// WithGroup returns a handler of the same type whose later attributes go in
// group name (text: keyed name.key; JSON: a nested object called name).
func (h *commonHandler) WithGroup(name string) Handler {
	return h.format.wrap(h.withGroup(name))
}

// sepAfterPre is the separator before an attribute that follows pre: none
// right after a JSON object that pre opened.
func (h *commonHandler) sepAfterPre() string {
	if h.format.json && h.pre[len(h.pre)-1] == '{' {
		return ""
	}
	return h.format.attrSep
}

func (h *commonHandler) withAttrs(as []Attr) *commonHandler {
	if countEmptyGroups(as) == len(as) {
		return h
	}
	h2 := h.clone()
	s := h2.newState(&h2.pre, "")
	s.prefix = append(s.prefix, h.groupPrefix...)
	if len(h2.pre) > 0 {
		s.sep = h2.sepAfterPre()
	}
	pos := len(h2.pre)
	s.openGroups()
	if !s.appendAttrs(as) {
		h2.pre = h2.pre[:pos]
	} else {
		// The groups opened here stay open in pre: later attributes go inside.
		h2.groupPrefix = string(s.prefix)
		h2.nOpenGroups = len(h2.groups)
	}
	return h2
}

func (h *commonHandler) withGroup(name string) *commonHandler {
	h2 := h.clone()
	h2.groups = append(h2.groups, name)
	return h2
}

// Handle writes one line for r.
func (h *commonHandler) Handle(_ context.Context, r Record) error {
	var buf []byte
	s := h.newState(&buf, "")
	if h.format.json {
		buf = append(buf, '{')
	}
	// ReplaceAttr sees the built-ins outside every group.
	groups := s.groups
	s.groups = nil
	rep := h.opts.ReplaceAttr
	if !r.Time.IsZero() {
		if rep == nil {
			s.appendKey(TimeKey)
			h.format.appendTime(s, r.Time)
		} else {
			s.appendAttr(Time(TimeKey, r.Time))
		}
	}
	if rep == nil {
		s.appendKey(LevelKey)
		s.appendString(r.Level.String())
	} else {
		s.appendAttr(Any(LevelKey, r.Level))
	}
	if h.opts.AddSource {
		src := r.Source()
		if src == nil {
			src = &Source{}
		}
		s.appendAttr(Any(SourceKey, src))
	}
	if rep == nil {
		s.appendKey(MessageKey)
		s.appendString(r.Message)
	} else {
		s.appendAttr(String(MessageKey, r.Message))
	}
	s.groups = groups
	s.appendNonBuiltIns(r)
	buf = append(buf, '\n')
	h.mu.Lock()
	defer h.mu.Unlock()
	_, err := h.w.Write(buf)
	return err
}

// handleState is one formatting pass: into a record's line, or into pre.
type handleState struct {
	h      *commonHandler
	buf    *[]byte
	sep    string    // written before the next key
	prefix []byte    // text: the open groups' "g." key prefix
	groups *[]string // the open groups, for ReplaceAttr (nil without one)
}

func (h *commonHandler) newState(buf *[]byte, sep string) *handleState {
	s := &handleState{h: h, buf: buf, sep: sep}
	if h.opts.ReplaceAttr != nil {
		gs := append([]string(nil), h.groups[:h.nOpenGroups]...)
		s.groups = &gs
	}
	return s
}

func (s *handleState) write(str string) { *s.buf = append(*s.buf, str...) }

func (s *handleState) appendNonBuiltIns(r Record) {
	if pre := s.h.pre; len(pre) > 0 {
		s.write(s.sep)
		*s.buf = append(*s.buf, pre...)
		s.sep = s.h.sepAfterPre()
	}
	open := s.h.nOpenGroups
	if r.NumAttrs() > 0 {
		s.prefix = append(s.prefix, s.h.groupPrefix...)
		pos := len(*s.buf)
		s.openGroups()
		open = len(s.h.groups)
		empty := true
		r.Attrs(func(a Attr) bool {
			if s.appendAttr(a) {
				empty = false
			}
			return true
		})
		if empty {
			// Nothing was written: take the opened groups back out.
			*s.buf = (*s.buf)[:pos]
			open = s.h.nOpenGroups
		}
	}
	if s.h.format.json {
		for i := 0; i < open; i++ {
			s.write("}")
		}
		s.write("}")
	}
}

// openGroups opens the groups from WithGroup that pre has not opened.
func (s *handleState) openGroups() {
	for _, name := range s.h.groups[s.h.nOpenGroups:] {
		s.openGroup(name)
	}
}

func (s *handleState) openGroup(name string) {
	if s.h.format.json {
		s.appendKey(name)
		s.write("{")
		s.sep = ""
	} else {
		s.prefix = append(s.prefix, name...)
		s.prefix = append(s.prefix, '.')
	}
	if s.groups != nil {
		*s.groups = append(*s.groups, name)
	}
}

func (s *handleState) closeGroup(name string) {
	if s.h.format.json {
		s.write("}")
	} else {
		s.prefix = s.prefix[:len(s.prefix)-len(name)-1]
	}
	s.sep = s.h.format.attrSep
	if s.groups != nil {
		*s.groups = (*s.groups)[:len(*s.groups)-1]
	}
}

// appendAttrs reports whether it wrote anything.
func (s *handleState) appendAttrs(as []Attr) bool {
	wrote := false
	for _, a := range as {
		if s.appendAttr(a) {
			wrote = true
		}
	}
	return wrote
}

// appendAttr writes one attribute (after ReplaceAttr) and reports whether it wrote anything.
func (s *handleState) appendAttr(a Attr) bool {
	a.Value = a.Value.Resolve()
	if rep := s.h.opts.ReplaceAttr; rep != nil && a.Value.kind != KindGroup {
		var gs []string
		if s.groups != nil {
			gs = *s.groups
		}
		a = rep(gs, a)
		a.Value = a.Value.Resolve()
	}
	if a.isEmpty() {
		return false
	}
	if a.Value.kind == KindAny {
		if src, ok := a.Value.any.(*Source); ok {
			if src.isEmpty() {
				return false
			}
			a.Value = s.h.format.source(src)
		}
	}
	if a.Value.kind != KindGroup {
		s.appendKey(a.Key)
		s.appendValue(a.Value)
		return true
	}
	attrs := a.Value.group()
	if len(attrs) == 0 {
		return true
	}
	// A group with an empty key inlines its attributes.
	pos := len(*s.buf)
	if a.Key != "" {
		s.openGroup(a.Key)
	}
	if !s.appendAttrs(attrs) {
		*s.buf = (*s.buf)[:pos]
		return false
	}
	if a.Key != "" {
		s.closeGroup(a.Key)
	}
	return true
}

func (s *handleState) appendError(err error) {
	s.appendString(fmt.Sprintf("!ERROR:%v", err))
}

func (s *handleState) appendKey(key string) {
	s.write(s.sep)
	full := string(s.prefix) + key
	if len(s.prefix) > 0 && !s.h.format.json && (needsQuoting(string(s.prefix)) || needsQuoting(key)) {
		// text quotes the whole key, even for an empty key: "g."
		*s.buf = strconv.AppendQuote(*s.buf, full)
	} else {
		s.appendString(full)
	}
	s.write(s.h.format.keySep)
	s.sep = s.h.format.attrSep
}

func (s *handleState) appendString(str string) {
	*s.buf = s.h.format.appendString(*s.buf, str)
}

// appendValue writes a value; a panic while formatting it (a String
// method on a nil pointer, say) is written in its place.
func (s *handleState) appendValue(v Value) {
	defer func() {
		if r := recover(); r != nil {
			if fmt.Sprintf("%v", v.any) == "<nil>" {
				s.appendString("<nil>")
				return
			}
			s.appendString(fmt.Sprintf("!PANIC: %v", r))
		}
	}()
	if err := s.h.format.appendValue(s, v); err != nil {
		s.appendError(err)
	}
}

// DiscardHandler drops every record (Enabled is false).
var DiscardHandler Handler = discardHandler{}

type discardHandler struct{}

func (discardHandler) Enabled(context.Context, Level) bool  { return false }
func (discardHandler) Handle(context.Context, Record) error { return nil }
func (d discardHandler) WithAttrs([]Attr) Handler           { return d }
func (d discardHandler) WithGroup(string) Handler           { return d }

// A MultiHandler sends each record to every one of its handlers that is enabled for the record's level.
type MultiHandler struct {
	multi []Handler
}

// NewMultiHandler returns a handler that fans records out to handlers.
func NewMultiHandler(handlers ...Handler) *MultiHandler {
	return &MultiHandler{multi: append([]Handler(nil), handlers...)}
}

// Enabled reports whether any of the handlers is enabled at l.
func (h *MultiHandler) Enabled(ctx context.Context, l Level) bool {
	for _, x := range h.multi {
		if x.Enabled(ctx, l) {
			return true
		}
	}
	return false
}

// Handle gives each enabled handler its own copy of r; the errors are joined.
func (h *MultiHandler) Handle(ctx context.Context, r Record) error {
	var errs []error
	for _, x := range h.multi {
		if x.Enabled(ctx, r.Level) {
			if err := x.Handle(ctx, r.Clone()); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// WithAttrs applies WithAttrs to every handler.
func (h *MultiHandler) WithAttrs(attrs []Attr) Handler {
	hs := make([]Handler, 0, len(h.multi))
	for _, x := range h.multi {
		hs = append(hs, x.WithAttrs(attrs))
	}
	return &MultiHandler{multi: hs}
}

// WithGroup applies WithGroup to every handler.
func (h *MultiHandler) WithGroup(name string) Handler {
	hs := make([]Handler, 0, len(h.multi))
	for _, x := range h.multi {
		hs = append(hs, x.WithGroup(name))
	}
	return &MultiHandler{multi: hs}
}

// ---- TextHandler ----

// A TextHandler writes each record as one line of key=value pairs: time=... level=INFO msg=hello k=v.
type TextHandler struct {
	*commonHandler
}

// NewTextHandler returns a TextHandler writing to w (opts nil: the defaults).
func NewTextHandler(w io.Writer, opts *HandlerOptions) *TextHandler {
	return &TextHandler{newCommonHandler(textFormat, w, opts)}
}

func appendTextString(buf []byte, str string) []byte {
	if needsQuoting(str) {
		return strconv.AppendQuote(buf, str)
	}
	return append(buf, str...)
}

// appendTextTime writes RFC 3339 with exactly three fractional digits
// (truncated).
func appendTextTime(s *handleState, t time.Time) {
	s.write(t.Truncate(time.Millisecond).Format("2006-01-02T15:04:05.000Z07:00"))
}

func appendTextValue(s *handleState, v Value) error {
	switch v.kind {
	case KindString:
		s.appendString(v.str)
	case KindTime:
		appendTextTime(s, v.time())
	case KindAny:
		if tm, ok := v.any.(encoding.TextMarshaler); ok {
			data, err := tm.MarshalText()
			if err != nil {
				return err
			}
			s.appendString(string(data))
			return nil
		}
		if bs, ok := v.any.([]byte); ok {
			s.write(strconv.Quote(string(bs)))
			return nil
		}
		s.appendString(fmt.Sprintf("%+v", v.any))
	default:
		*s.buf = v.append(*s.buf)
	}
	return nil
}

// needsQuoting: Text quotes a string that is empty or holds a space, '=',
// '"', a control character, invalid UTF-8, or a non-printing rune.
func needsQuoting(s string) bool {
	if len(s) == 0 {
		return true
	}
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b == ' ' || b == '=' || b == '"' || b < ' ' {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || unicode.IsSpace(r) || !unicode.IsPrint(r) {
			return true
		}
		i += size
	}
	return false
}

// ---- JSONHandler ----

// A JSONHandler writes each record as one JSON object per line: {"time":...,"level":"INFO","msg":"hello","k":"v"}.
type JSONHandler struct {
	*commonHandler
}

// NewJSONHandler returns a JSONHandler writing to w (opts nil: the defaults).
func NewJSONHandler(w io.Writer, opts *HandlerOptions) *JSONHandler {
	return &JSONHandler{newCommonHandler(jsonFormat, w, opts)}
}

func appendJSONString(buf []byte, str string) []byte {
	buf = append(buf, '"')
	buf = appendEscapedJSONString(buf, str)
	return append(buf, '"')
}

func appendJSONTime(s *handleState, t time.Time) {
	if y := t.Year(); y < 0 || y >= 10000 {
		s.appendError(errors.New("time.Time year outside of range [0,9999]"))
	}
	s.write(`"`)
	s.write(t.Format(time.RFC3339Nano))
	s.write(`"`)
}

func appendJSONValue(s *handleState, v Value) error {
	switch v.kind {
	case KindString:
		s.appendString(v.str)
	case KindInt64:
		*s.buf = strconv.AppendInt(*s.buf, int64(v.num), 10)
	case KindUint64:
		*s.buf = strconv.AppendUint(*s.buf, v.num, 10)
	case KindFloat64:
		return appendJSONMarshal(s, math.Float64frombits(v.num))
	case KindBool:
		*s.buf = strconv.AppendBool(*s.buf, v.num == 1)
	case KindDuration:
		*s.buf = strconv.AppendInt(*s.buf, int64(v.num), 10)
	case KindTime:
		appendJSONTime(s, v.time())
	case KindAny:
		_, isMarshaler := v.any.(json.Marshaler)
		if err, ok := v.any.(error); ok && !isMarshaler {
			s.appendString(err.Error())
			return nil
		}
		return appendJSONMarshal(s, v.any)
	default:
		panic(fmt.Sprintf("bad kind: %s", v.kind))
	}
	return nil
}

// appendJSONMarshal writes v as encoding/json does, without HTML escaping.
func appendJSONMarshal(s *handleState, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	out := b.Bytes()
	*s.buf = append(*s.buf, out[:len(out)-1]...) // Encode's newline
	return nil
}

const hexDigits = "0123456789abcdef"

// appendEscapedJSONString escapes s as encoding/json does, except that
// '<', '>' and '&' stay as they are: \" \\ \n \r \t, other control bytes as
// \u00XX, invalid UTF-8 as \ufffd, and U+2028/U+2029 escaped.
func appendEscapedJSONString(buf []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b >= ' ' && b != '"' && b != '\\' {
				i++
				continue
			}
			buf = append(buf, s[start:i]...)
			switch b {
			case '\\', '"':
				buf = append(buf, '\\', b)
			case '\n':
				buf = append(buf, '\\', 'n')
			case '\r':
				buf = append(buf, '\\', 'r')
			case '\t':
				buf = append(buf, '\\', 't')
			default:
				buf = append(buf, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			buf = append(buf, s[start:i]...)
			buf = append(buf, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			buf = append(buf, s[start:i]...)
			buf = append(buf, `\u202`...)
			buf = append(buf, hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(buf, s[start:]...)
}

// ---- The default handler: through package log ----

// logLoggerLevel is the default handler's minimum level, and the level at
// which package log's output enters a handler installed by SetDefault.
var logLoggerLevel LevelVar

// SetLogLoggerLevel sets that level and returns the previous one.
func SetLogLoggerLevel(level Level) (oldLevel Level) {
	oldLevel = logLoggerLevel.Level()
	logLoggerLevel.Set(level)
	return
}

// defaultHandler writes "LEVEL msg k=v" through log's standard logger.
type defaultHandler struct {
	ch *commonHandler
}

func (*defaultHandler) Enabled(_ context.Context, l Level) bool {
	return l >= logLoggerLevel.Level()
}

func (h *defaultHandler) Handle(ctx context.Context, r Record) error {
	buf := []byte(r.Level.String())
	buf = append(buf, ' ')
	buf = append(buf, r.Message...)
	s := h.ch.newState(&buf, " ")
	s.appendNonBuiltIns(r)
	// log.Output's calldepth counts frames up from this one (1 is our
	// caller); the record knows which frame made the log call.
	depth := 1
	if r.frame > 0 {
		if d := frames() + 2 - r.frame; d > 0 {
			depth = d
		}
	}
	return log.Output(depth, string(buf))
}

func (h *defaultHandler) WithAttrs(as []Attr) Handler {
	return &defaultHandler{h.ch.withAttrs(as)}
}

func (h *defaultHandler) WithGroup(name string) Handler {
	return &defaultHandler{h.ch.withGroup(name)}
}

// handlerWriter is package log's output once SetDefault installs a handler:
// each line becomes a record at level.
type handlerWriter struct {
	h     Handler
	level Leveler
}

func (w *handlerWriter) Write(buf []byte) (int, error) {
	level := w.level.Level()
	if !w.h.Enabled(context.Background(), level) {
		return 0, nil
	}
	n := len(buf)
	buf = bytes.TrimSuffix(buf, []byte{'\n'})
	r := NewRecord(time.Now(), level, string(buf), 0)
	return n, w.h.Handle(context.Background(), r)
}

// NewLogLogger returns a *log.Logger whose lines go to h as records at level.
func NewLogLogger(h Handler, level Level) *log.Logger {
	return log.New(&handlerWriter{h, level}, "", 0)
}

// ---- Loggers ----

// A Logger turns calls into Records for its Handler; With and WithGroup derive loggers that add attributes or a group.
type Logger struct {
	handler Handler
}

var (
	defaultMu     sync.Mutex
	defaultLogger = &Logger{handler: &defaultHandler{ch: &commonHandler{format: textFormat}}}
)

// Default returns the default Logger (writes through package log until SetDefault replaces it).
func Default() *Logger {
	defaultMu.Lock()
	defer defaultMu.Unlock()
	return defaultLogger
}

// SetDefault makes l the default Logger; unless l writes through package log, package log's output is sent to l's handler (at level Info) and log's flags are cleared.
func SetDefault(l *Logger) {
	defaultMu.Lock()
	defaultLogger = l
	defaultMu.Unlock()
	if _, ok := l.Handler().(*defaultHandler); !ok {
		log.SetOutput(&handlerWriter{l.Handler(), &logLoggerLevel})
		log.SetFlags(0)
	}
}

// New returns a Logger writing to h (which must not be nil).
func New(h Handler) *Logger {
	if h == nil {
		panic("nil Handler")
	}
	return &Logger{handler: h}
}

// Handler returns the logger's Handler.
func (l *Logger) Handler() Handler { return l.handler }

// With returns a Logger that adds args (pairs or Attrs) to every record.
func (l *Logger) With(args ...any) *Logger {
	if len(args) == 0 {
		return l
	}
	return &Logger{handler: l.handler.WithAttrs(argsToAttrSlice(args))}
}

// WithGroup returns a Logger whose later attributes are inside group name ("" returns l).
func (l *Logger) WithGroup(name string) *Logger {
	if name == "" {
		return l
	}
	return &Logger{handler: l.handler.WithGroup(name)}
}

// With is Default().With.
func With(args ...any) *Logger { return Default().With(args...) }

// Enabled reports whether the logger writes records at level.
func (l *Logger) Enabled(ctx context.Context, level Level) bool {
	if ctx == nil {
		ctx = context.Background()
	}
	return l.Handler().Enabled(ctx, level)
}

// log is the one path from a logging call to the handler. It must be
// called directly by the exported function the user called: its caller's
// caller is the source it records.
func (l *Logger) log(ctx context.Context, level Level, msg string, args []any, attrs []Attr) {
	if ctx == nil {
		ctx = context.Background()
	}
	if !l.Enabled(ctx, level) {
		return
	}
	r := NewRecord(time.Now(), level, msg, 0)
	if i, fn, file, line := caller(2); i >= 0 {
		r.PC = 1
		r.src = &Source{Function: fn, File: file, Line: line}
		r.frame = i + 1
	}
	if attrs != nil {
		r.AddAttrs(attrs...)
	} else {
		r.Add(args...)
	}
	_ = l.Handler().Handle(ctx, r)
}

// Log writes a record at level with args as attributes.
func (l *Logger) Log(ctx context.Context, level Level, msg string, args ...any) {
	l.log(ctx, level, msg, args, nil)
}

// LogAttrs is Log with Attrs only.
func (l *Logger) LogAttrs(ctx context.Context, level Level, msg string, attrs ...Attr) {
	l.log(ctx, level, msg, nil, attrs)
}

// Debug logs at LevelDebug.
func (l *Logger) Debug(msg string, args ...any) {
	l.log(context.Background(), LevelDebug, msg, args, nil)
}

// DebugContext logs at LevelDebug with a context.
func (l *Logger) DebugContext(ctx context.Context, msg string, args ...any) {
	l.log(ctx, LevelDebug, msg, args, nil)
}

// Info logs at LevelInfo.
func (l *Logger) Info(msg string, args ...any) {
	l.log(context.Background(), LevelInfo, msg, args, nil)
}

// InfoContext logs at LevelInfo with a context.
func (l *Logger) InfoContext(ctx context.Context, msg string, args ...any) {
	l.log(ctx, LevelInfo, msg, args, nil)
}

// Warn logs at LevelWarn.
func (l *Logger) Warn(msg string, args ...any) {
	l.log(context.Background(), LevelWarn, msg, args, nil)
}

// WarnContext logs at LevelWarn with a context.
func (l *Logger) WarnContext(ctx context.Context, msg string, args ...any) {
	l.log(ctx, LevelWarn, msg, args, nil)
}

// Error logs at LevelError.
func (l *Logger) Error(msg string, args ...any) {
	l.log(context.Background(), LevelError, msg, args, nil)
}

// ErrorContext logs at LevelError with a context.
func (l *Logger) ErrorContext(ctx context.Context, msg string, args ...any) {
	l.log(ctx, LevelError, msg, args, nil)
}

// Debug logs at LevelDebug on the default Logger.
func Debug(msg string, args ...any) {
	Default().log(context.Background(), LevelDebug, msg, args, nil)
}

// DebugContext logs at LevelDebug on the default Logger with a context.
func DebugContext(ctx context.Context, msg string, args ...any) {
	Default().log(ctx, LevelDebug, msg, args, nil)
}

// Info logs at LevelInfo on the default Logger.
func Info(msg string, args ...any) {
	Default().log(context.Background(), LevelInfo, msg, args, nil)
}

// InfoContext logs at LevelInfo on the default Logger with a context.
func InfoContext(ctx context.Context, msg string, args ...any) {
	Default().log(ctx, LevelInfo, msg, args, nil)
}

// Warn logs at LevelWarn on the default Logger.
func Warn(msg string, args ...any) {
	Default().log(context.Background(), LevelWarn, msg, args, nil)
}

// WarnContext logs at LevelWarn on the default Logger with a context.
func WarnContext(ctx context.Context, msg string, args ...any) {
	Default().log(ctx, LevelWarn, msg, args, nil)
}

// Error logs at LevelError on the default Logger.
func Error(msg string, args ...any) {
	Default().log(context.Background(), LevelError, msg, args, nil)
}

// ErrorContext logs at LevelError on the default Logger with a context.
func ErrorContext(ctx context.Context, msg string, args ...any) {
	Default().log(ctx, LevelError, msg, args, nil)
}

// Log writes a record at level on the default Logger.
func Log(ctx context.Context, level Level, msg string, args ...any) {
	Default().log(ctx, level, msg, args, nil)
}

// LogAttrs is Log with Attrs only, on the default Logger.
func LogAttrs(ctx context.Context, level Level, msg string, attrs ...Attr) {
	Default().log(ctx, level, msg, nil, attrs)
}
