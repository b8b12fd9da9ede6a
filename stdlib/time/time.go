// Package time measures and prints time and durations, and runs timers and tickers.
//
// Package time — csp's time package (natives in stdlib/time.c).
//
// Durations, wall-clock and monotonic readings, calendar fields, zones and
// Format and Parse behave as Go's. Zones: UTC, FixedZone, Local, which is
// the C library's local zone (TZ, else /etc/localtime; UTC when neither
// says otherwise, as in Go), and the zones of the system's tz database
// (LoadLocation reads /usr/share/zoneinfo, Debian's tzdata).
//
// Sleep, After, Tick, NewTimer, NewTicker and AfterFunc use the runtime's
// timers (runtime/timer.c) with Go 1.23 semantics: see the timer section.
package time

import "errors"

// A Duration is an elapsed time in nanoseconds.
type Duration int64

// Duration units from a nanosecond to an hour. Divide to count units
// (d / time.Millisecond) and multiply to build durations (10 * time.Second).
const (
	// Nanosecond is one nanosecond, the smallest Duration.
	Nanosecond  Duration = 1
	// Microsecond is 1000 nanoseconds.
	Microsecond          = 1000 * Nanosecond
	// Millisecond is 1000 microseconds.
	Millisecond          = 1000 * Microsecond
	// Second is 1000 milliseconds.
	Second               = 1000 * Millisecond
	// Minute is 60 seconds.
	Minute               = 60 * Second
	// Hour is 60 minutes.
	Hour                 = 60 * Minute
)

// String returns d as text such as "72h3m0.5s" or "1.5ms"; zero is "0s".
func (d Duration) String() string
// Seconds returns d in seconds, as a float64.
func (d Duration) Seconds() float64
// Minutes returns d in minutes, as a float64.
func (d Duration) Minutes() float64
// Hours returns d in hours, as a float64.
func (d Duration) Hours() float64
// Truncate rounds d toward zero to a multiple of m (d itself if m <= 0).
func (d Duration) Truncate(m Duration) Duration
// Round rounds d to the nearest multiple of m, with halves going away from zero.
//
// m <= 0 returns d unchanged; a result that overflows saturates at the limits.
func (d Duration) Round(m Duration) Duration
// Abs returns |d|; the most negative Duration gives the most positive one.
func (d Duration) Abs() Duration

// Nanoseconds returns d as an int64 count of nanoseconds.
func (d Duration) Nanoseconds() int64  { return int64(d) }
// Microseconds returns d as an int64 count of whole microseconds.
func (d Duration) Microseconds() int64 { return int64(d) / 1e3 }
// Milliseconds returns d as an int64 count of whole milliseconds.
func (d Duration) Milliseconds() int64 { return int64(d) / 1e6 }

const (
	minDuration Duration = -1 << 63
	maxDuration Duration = 1<<63 - 1
)

// ParseDuration parses a duration string such as "300ms", "-1.5h" or "2h45m".
//
// A duration string is a sequence of decimal numbers, each with an optional
// fraction and a unit ("ns", "us" or "µs", "ms", "s", "m", "h"), with an
// optional sign in front. "0" needs no unit. Errors and their messages are
// Go's.
func ParseDuration(s string) (Duration, error) {
	orig := s
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "0" {
		return 0, nil
	}
	if s == "" {
		return 0, errors.New("time: invalid duration " + quote(orig))
	}
	const limit = uint64(1) << 63 // |d| may reach it when negative
	var total uint64
	for s != "" {
		if s[0] != '.' && (s[0] < '0' || s[0] > '9') {
			return 0, errors.New("time: invalid duration " + quote(orig))
		}
		// the integer part: more than 2^63 is an error
		var whole uint64
		i := 0
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			if whole > limit/10 {
				return 0, errors.New("time: invalid duration " + quote(orig))
			}
			whole = whole*10 + uint64(s[i]-'0')
			if whole > limit {
				return 0, errors.New("time: invalid duration " + quote(orig))
			}
		}
		digits := i > 0
		s = s[i:]
		// the fraction: digits past what fits in 2^63 are dropped
		var frac uint64
		scale := 1.0
		if s != "" && s[0] == '.' {
			s = s[1:]
			full := false
			i = 0
			for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
				if full {
					continue
				}
				next := frac*10 + uint64(s[i]-'0')
				if frac > (limit-1)/10 || next > limit {
					full = true
					continue
				}
				frac = next
				scale *= 10
			}
			digits = digits || i > 0
			s = s[i:]
		}
		if !digits {
			return 0, errors.New("time: invalid duration " + quote(orig))
		}
		i = 0
		for ; i < len(s) && s[i] != '.' && (s[i] < '0' || s[i] > '9'); i++ {
		}
		if i == 0 {
			return 0, errors.New("time: missing unit in duration " + quote(orig))
		}
		name := s[:i]
		s = s[i:]
		var unit uint64
		switch name {
		case "ns":
			unit = uint64(Nanosecond)
		case "us", "µs", "μs": // U+00B5 micro sign, U+03BC Greek mu
			unit = uint64(Microsecond)
		case "ms":
			unit = uint64(Millisecond)
		case "s":
			unit = uint64(Second)
		case "m":
			unit = uint64(Minute)
		case "h":
			unit = uint64(Hour)
		default:
			return 0, errors.New("time: unknown unit " + quote(name) + " in duration " + quote(orig))
		}
		if whole > limit/unit {
			return 0, errors.New("time: invalid duration " + quote(orig))
		}
		v := whole * unit
		if frac > 0 {
			// in float64, as Go does, so that results agree to the nanosecond
			v += uint64(float64(frac) * (float64(unit) / scale))
			if v > limit {
				return 0, errors.New("time: invalid duration " + quote(orig))
			}
		}
		total += v
		if total > limit {
			return 0, errors.New("time: invalid duration " + quote(orig))
		}
	}
	if neg {
		return -Duration(total), nil
	}
	if total > limit-1 {
		return 0, errors.New("time: invalid duration " + quote(orig))
	}
	return Duration(total), nil
}

// quote is Go's time.quote: s in double quotes, `"` and `\` escaped, and
// every byte of a control or non-ASCII character written as \xNN.
func quote(s string) string {
	const hex = "0123456789abcdef"
	b := make([]byte, 0, len(s)+2)
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < ' ' || c >= 0x80:
			b = append(b, '\\', 'x', hex[c>>4], hex[c&0xF])
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		default:
			b = append(b, c)
		}
	}
	return string(append(b, '"'))
}

// A Month is a month of the year, numbered from January = 1.
type Month int

// The months of the year.
const (
	January Month = 1 + iota
	February
	March
	April
	May
	June
	July
	August
	September
	October
	November
	December
)

// String returns the month's English name, such as "March".
func (m Month) String() string

// A Weekday is a day of the week, numbered from Sunday = 0.
type Weekday int

// The days of the week.
const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

// String returns the day's English name, such as "Monday".
func (d Weekday) String() string

// Predefined layouts for Time.Format, each written with Go's reference time.
// The reference time is Mon Jan 2 15:04:05 MST 2006.
const (
	// Layout is the reference time written in numeric order (1 2 3 4 5 6 -7).
	Layout      = "01/02 03:04:05PM '06 -0700"
	// ANSIC is the layout of C's asctime and ctime.
	ANSIC       = "Mon Jan _2 15:04:05 2006"
	// UnixDate is the layout of the Unix date command.
	UnixDate    = "Mon Jan _2 15:04:05 MST 2006"
	// RubyDate is the layout Ruby uses for times.
	RubyDate    = "Mon Jan 02 15:04:05 -0700 2006"
	// RFC822 is the layout of RFC 822 dates with a zone name.
	RFC822      = "02 Jan 06 15:04 MST"
	// RFC822Z is RFC822 with a numeric zone.
	RFC822Z     = "02 Jan 06 15:04 -0700"
	// RFC850 is the layout of RFC 850 dates.
	RFC850      = "Monday, 02-Jan-06 15:04:05 MST"
	// RFC1123 is the layout of RFC 1123 dates with a zone name.
	RFC1123     = "Mon, 02 Jan 2006 15:04:05 MST"
	// RFC1123Z is RFC1123 with a numeric zone.
	RFC1123Z    = "Mon, 02 Jan 2006 15:04:05 -0700"
	// RFC3339 is the layout of RFC 3339 (ISO 8601) times: a numeric zone, or Z for UTC.
	RFC3339     = "2006-01-02T15:04:05Z07:00"
	// RFC3339Nano is RFC3339 with nanoseconds, trailing zeros dropped.
	RFC3339Nano = "2006-01-02T15:04:05.999999999Z07:00"
	// Kitchen is the layout of a clock time such as "3:04PM".
	Kitchen     = "3:04PM"
	// Stamp is a short timestamp without the year.
	Stamp       = "Jan _2 15:04:05"
	// StampMilli is Stamp with milliseconds.
	StampMilli  = "Jan _2 15:04:05.000"
	// StampMicro is Stamp with microseconds.
	StampMicro  = "Jan _2 15:04:05.000000"
	// StampNano is Stamp with nanoseconds.
	StampNano   = "Jan _2 15:04:05.000000000"
	// DateTime is the layout "2006-01-02 15:04:05".
	DateTime    = "2006-01-02 15:04:05"
	// DateOnly is the layout "2006-01-02".
	DateOnly    = "2006-01-02"
	// TimeOnly is the layout "15:04:05".
	TimeOnly    = "15:04:05"
)

// A Location is a time zone: UTC, Local, a FixedZone, or a zone of the
// system's tz database (LoadLocation).
//
// time.c reads its fields in this order.
type Location struct {
	name   string
	offset int   // fixed zones: seconds east of UTC
	local  bool  // the C library's local zone, looked up per instant
	tz     *byte // LoadLocation: the zone's transitions (time.c's TzData)
}

var utcLoc = Location{name: "UTC"}
var localLoc = Location{name: "Local", local: true}

// UTC is the Location of Coordinated Universal Time.
var UTC *Location = &utcLoc
// Local is the system's local time zone (TZ, else /etc/localtime, else UTC).
var Local *Location = &localLoc

// String returns the location's name; a nil *Location is "UTC".
func (l *Location) String() string {
	if l == nil {
		return "UTC"
	}
	return l.name
}

// FixedZone returns a Location called name that is always offset seconds east of UTC.
//
// Its zone abbreviation is name too.
func FixedZone(name string, offset int) *Location {
	return &Location{name: name, offset: offset}
}

// loadTZ reads the tz database file of zone name: the zone's data, or
// nil and Go's error text.
func loadTZ(name string) (tz *byte, err string)

// LoadLocation returns the Location with the given name.
//
// "" and "UTC" give UTC, "Local" gives Local; any other name is looked up
// in the system's tz database (the directory $ZONEINFO names, then
// /usr/share/zoneinfo and the other places Go looks on Unix), e.g.
// "America/New_York". Errors are Go's: "unknown time zone NAME".
func LoadLocation(name string) (*Location, error) {
	switch name {
	case "", "UTC":
		return UTC, nil
	case "Local":
		return Local, nil
	}
	if dotDot(name) || name[0] == '/' || name[0] == '\\' {
		return nil, errors.New("time: invalid location name")
	}
	tz, err := loadTZ(name)
	if tz == nil {
		return nil, errors.New(err)
	}
	return &Location{name: name, tz: tz}, nil
}

func tzFromData(data []byte) *byte

// LoadLocationFromTZData returns the Location called name described by data, the contents of a TZif file.
//
// Data that is not TZif gives Go's "malformed time zone information".
func LoadLocationFromTZData(name string, data []byte) (*Location, error) {
	tz := tzFromData(data)
	if tz == nil {
		return nil, errors.New("malformed time zone information")
	}
	return &Location{name: name, tz: tz}, nil
}

// dotDot reports whether name contains "..": no zone name does.
func dotDot(name string) bool {
	for i := 0; i+1 < len(name); i++ {
		if name[i] == '.' && name[i+1] == '.' {
			return true
		}
	}
	return false
}

// lookupZone returns the zone in effect in l at Unix second unix.
func lookupZone(l *Location, unix int64) (name string, offset int)

// lookupName finds the offset of the zone called name in l, preferring
// one in effect at Unix second unix (Go's Location.lookupName).
func lookupName(l *Location, name string, unix int64) (offset int, ok bool)

// A Time is an instant with nanosecond precision and a location to display it in.
//
// A Time from Now also carries a monotonic clock reading, used by Sub, Since,
// Before, After and Equal. time.c reads the fields in this order.
type Time struct {
	sec     int64 // seconds since January 1, year 1, 00:00:00 UTC
	nsec    int64 // [0, 999999999]
	mono    int64 // monotonic reading in ns, meaningful when hasMono
	hasMono bool
	loc     *Location // nil means UTC
}

// Seconds from January 1, year 1 to January 1, 1970.
const unixToInternal int64 = (1969*365 + 1969/4 - 1969/100 + 1969/400) * 86400

func now() (sec int64, nsec int64, mono int64)
func date(year int, month Month, day, hour, min, sec, nsec int, loc *Location) (int64, int64)

// Now returns the current local time, with a monotonic clock reading.
func Now() Time {
	s, n, m := now()
	return Time{sec: s, nsec: n, mono: m, hasMono: true, loc: Local}
}

// Date returns the Time that the given calendar date and clock time denote in loc.
//
// Out-of-range values carry over (October 32 is November 1); a nil loc
// panics.
func Date(year int, month Month, day, hour, min, sec, nsec int, loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Date")
	}
	s, n := date(year, month, day, hour, min, sec, nsec, loc)
	t := Time{sec: s, nsec: n}
	t.setLoc(loc)
	return t
}

// Unix returns the local Time that is sec seconds plus nsec nanoseconds after the Unix epoch.
//
// The epoch is January 1, 1970 UTC; nsec may be outside [0, 1e9).
func Unix(sec int64, nsec int64) Time {
	if nsec < 0 || nsec >= 1e9 {
		n := nsec / 1e9
		sec += n
		nsec -= n * 1e9
		if nsec < 0 {
			nsec += 1e9
			sec--
		}
	}
	return Time{sec: sec + unixToInternal, nsec: nsec, loc: Local}
}

// UnixMilli returns the local Time that is msec milliseconds after the Unix epoch.
func UnixMilli(msec int64) Time { return Unix(msec/1e3, (msec%1e3)*1e6) }
// UnixMicro returns the local Time that is usec microseconds after the Unix epoch.
func UnixMicro(usec int64) Time { return Unix(usec/1e6, (usec%1e6)*1e3) }

// Since returns how long ago t was: time.Now().Sub(t).
func Since(t Time) Duration { return Now().Sub(t) }
// Until returns how long until t: t.Sub(time.Now()).
func Until(t Time) Duration { return t.Sub(Now()) }

// setLoc drops the monotonic reading, as every location change does in Go.
func (t *Time) setLoc(loc *Location) {
	if loc == &utcLoc {
		loc = nil
	}
	t.mono = 0
	t.hasMono = false
	t.loc = loc
}

// UTC returns the same instant as t, shown in UTC.
func (t Time) UTC() Time {
	t.setLoc(&utcLoc)
	return t
}

// Local returns the same instant as t, shown in local time.
func (t Time) Local() Time {
	t.setLoc(Local)
	return t
}

// In returns the same instant as t, shown in loc; a nil loc panics.
func (t Time) In(loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Time.In")
	}
	t.setLoc(loc)
	return t
}

// Location returns t's location (UTC when none was set).
func (t Time) Location() *Location {
	if t.loc == nil {
		return UTC
	}
	return t.loc
}

// IsZero reports whether t is the zero Time (year 1, January 1, 00:00:00 UTC).
func (t Time) IsZero() bool { return t.sec == 0 && t.nsec == 0 }

// Unix returns t in seconds since the Unix epoch (1970-01-01 00:00:00 UTC).
func (t Time) Unix() int64      { return t.sec - unixToInternal }
// UnixNano returns t in nanoseconds since the Unix epoch (1970-01-01 00:00:00 UTC).
func (t Time) UnixNano() int64  { return (t.sec-unixToInternal)*1e9 + t.nsec }
// UnixMilli returns t in milliseconds since the Unix epoch (1970-01-01 00:00:00 UTC).
func (t Time) UnixMilli() int64 { return (t.sec-unixToInternal)*1e3 + t.nsec/1e6 }
// UnixMicro returns t in microseconds since the Unix epoch (1970-01-01 00:00:00 UTC).
func (t Time) UnixMicro() int64 { return (t.sec-unixToInternal)*1e6 + t.nsec/1e3 }
// Nanosecond returns the fraction of t's second in nanoseconds, from 0 to 999999999.
func (t Time) Nanosecond() int  { return int(t.nsec) }

// After reports whether t comes later than u.
func (t Time) After(u Time) bool {
	if t.hasMono && u.hasMono {
		return t.mono > u.mono
	}
	return t.sec > u.sec || t.sec == u.sec && t.nsec > u.nsec
}

// Before reports whether t comes earlier than u.
func (t Time) Before(u Time) bool {
	if t.hasMono && u.hasMono {
		return t.mono < u.mono
	}
	return t.sec < u.sec || t.sec == u.sec && t.nsec < u.nsec
}

// Equal reports whether t and u are one instant, even when their locations differ.
//
// Compare times with Equal, not ==, which also compares locations and clock readings.
func (t Time) Equal(u Time) bool {
	if t.hasMono && u.hasMono {
		return t.mono == u.mono
	}
	return t.sec == u.sec && t.nsec == u.nsec
}

// Compare returns -1, 0 or +1 as t is before, equal to or after u.
func (t Time) Compare(u Time) int {
	switch {
	case t.Before(u):
		return -1
	case t.After(u):
		return +1
	}
	return 0
}

// Add returns the time t+d.
//
// It keeps the monotonic reading unless that would overflow.
func (t Time) Add(d Duration) Time {
	dsec := int64(d / 1e9)
	nsec := t.nsec + int64(d%1e9)
	if nsec >= 1e9 {
		dsec++
		nsec -= 1e9
	} else if nsec < 0 {
		dsec--
		nsec += 1e9
	}
	t.sec += dsec
	t.nsec = nsec
	if t.hasMono {
		te := t.mono + int64(d)
		if d < 0 && te > t.mono || d > 0 && te < t.mono {
			t.mono = 0
			t.hasMono = false
		} else {
			t.mono = te
		}
	}
	return t
}

// Sub returns the duration t-u.
//
// It uses the monotonic readings when both times have one; the result
// saturates at the Duration limits.
func (t Time) Sub(u Time) Duration {
	if t.hasMono && u.hasMono {
		d := Duration(t.mono - u.mono)
		if d < 0 && t.mono > u.mono {
			return maxDuration
		}
		if d > 0 && t.mono < u.mono {
			return minDuration
		}
		return d
	}
	d := Duration(t.sec-u.sec)*Second + Duration(t.nsec-u.nsec)
	switch {
	case u.Add(d).Equal(t):
		return d
	case t.Before(u):
		return minDuration
	}
	return maxDuration
}

// AddDate returns t plus the given years, months and days, normalised as Date does.
func (t Time) AddDate(years int, months int, days int) Time {
	year, month, day := t.Date()
	hour, min, sec := t.Clock()
	return Date(year+years, month+Month(months), day+days, hour, min, sec, int(t.nsec), t.Location())
}

// Format returns t as text in the layout, which shows how the reference time would look.
//
// The reference time is Mon Jan 2 15:04:05 MST 2006; see the layout constants.
func (t Time) Format(layout string) string
// String formats t with the layout "2006-01-02 15:04:05.999999999 -0700 MST".
//
// A monotonic reading, when t has one, follows as " m=±seconds".
func (t Time) String() string
// Date returns the year, month and day of t in its location.
func (t Time) Date() (year int, month Month, day int)
// Clock returns the hour, minute and second of t in its location.
func (t Time) Clock() (hour, min, sec int)
// Year returns the year of t in its location.
func (t Time) Year() int
// Month returns the month of t in its location.
func (t Time) Month() Month
// Day returns the day of the month of t in its location.
func (t Time) Day() int
// Hour returns the hour of t in its location, from 0 to 23.
func (t Time) Hour() int
// Minute returns the minute of t in its location, from 0 to 59.
func (t Time) Minute() int
// Second returns the second of t in its location, from 0 to 59.
func (t Time) Second() int
// Weekday returns the day of the week of t in its location.
func (t Time) Weekday() Weekday
// YearDay returns t's day number within its year, from 1 to 365 (366 in leap years).
func (t Time) YearDay() int
// Zone returns t's zone abbreviation and how many seconds it is ahead of UTC.
func (t Time) Zone() (name string, offset int)

// Truncate rounds t down to a multiple of d, counted from the zero time.
//
// d <= 0 returns t unchanged apart from dropping the monotonic reading.
func (t Time) Truncate(d Duration) Time
// Round rounds t to the nearest multiple of d, counted from the zero time; halves go up.
//
// Like Truncate, it drops the monotonic reading: Round(0) is the idiom for
// that.
func (t Time) Round(d Duration) Time

// ---- parsing ----
//
// Parse walks the layout element by element as Format does (time.c's
// nextStd finds the elements), consuming the value as it goes; the errors
// and their texts are Go's, and so is the way a zone in the value is
// resolved: "Z" is UTC, a numeric offset or a zone name that the local
// location has at that instant gives the local location, else a
// FixedZone recording what the value said.

// A ParseError describes why a time string did not match its layout.
type ParseError struct {
	Layout     string
	Value      string
	LayoutElem string
	ValueElem  string
	Message    string
}

// Error returns Go's text: `parsing time "V" as "L": cannot parse "X" as "Y"`,
// or `parsing time "V"` followed by the message.
func (e *ParseError) Error() string {
	if e.Message == "" {
		return "parsing time " + quote(e.Value) + " as " + quote(e.Layout) +
			": cannot parse " + quote(e.ValueElem) + " as " + quote(e.LayoutElem)
	}
	return "parsing time " + quote(e.Value) + e.Message
}

// Layout element codes, in the order of time.c's Std enum.
const (
	stdNone = iota
	stdLongMonth
	stdMonth
	stdNumMonth
	stdZeroMonth
	stdLongWeekDay
	stdWeekDay
	stdDay
	stdUnderDay
	stdZeroDay
	stdUnderYearDay
	stdZeroYearDay
	stdHour
	stdHour12
	stdZeroHour12
	stdMinute
	stdZeroMinute
	stdSecond
	stdZeroSecond
	stdLongYear
	stdYear
	stdPM
	stdpm
	stdTZ
	stdISO8601TZ
	stdISO8601ColonTZ
	stdISO8601ShortTZ
	stdISO8601SecondsTZ
	stdISO8601ColonSecondsTZ
	stdNumTZ
	stdNumColonTZ
	stdNumShortTZ
	stdNumSecondsTz
	stdNumColonSecondsTZ
	stdFracSecond0
	stdFracSecond9
)

// nextStd finds the first layout element of layout: it starts at byte i
// and spans n bytes (std is stdNone and i is len(layout) when there is
// none); width is a fraction's digit count.
func nextStd(layout string) (i, n, std, width int)

var longDayNames = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
var shortDayNames = []string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
var shortMonthNames = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
var longMonthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// Parse parses value, written as layout shows the reference time, and returns the Time it denotes.
//
// Elements missing from the layout default to zero (January 1, year 0 is
// not reachable: a missing year is 0); a value without a zone is UTC.
// A zone abbreviation unknown to Local gives a FixedZone of that name and
// offset zero. Errors are *ParseError, with Go's messages.
func Parse(layout, value string) (Time, error) {
	return parse(layout, value, UTC, Local)
}

// ParseInLocation is Parse, but a value without a zone is taken as a time in loc.
//
// A zone in the value is also matched against loc rather than Local.
func ParseInLocation(layout, value string, loc *Location) (Time, error) {
	return parse(layout, value, loc, loc)
}

func isDigitAt(s string, i int) bool {
	return i < len(s) && s[i] >= '0' && s[i] <= '9'
}

// skipLiteral consumes the literal text prefix from value; a blank in
// prefix matches any run of blanks (also none at the end of value).
func skipLiteral(value, prefix string) (string, bool) {
	for len(prefix) > 0 {
		if prefix[0] == ' ' {
			if len(value) > 0 && value[0] != ' ' {
				return value, false
			}
			for len(prefix) > 0 && prefix[0] == ' ' {
				prefix = prefix[1:]
			}
			for len(value) > 0 && value[0] == ' ' {
				value = value[1:]
			}
			continue
		}
		if len(value) == 0 || value[0] != prefix[0] {
			return value, false
		}
		prefix, value = prefix[1:], value[1:]
	}
	return value, true
}

// num2 reads one or two digits (exactly two when fixed).
func num2(s string, fixed bool) (int, string, bool) {
	if !isDigitAt(s, 0) {
		return 0, s, false
	}
	if !isDigitAt(s, 1) {
		if fixed {
			return 0, s, false
		}
		return int(s[0] - '0'), s[1:], true
	}
	return int(s[0]-'0')*10 + int(s[1]-'0'), s[2:], true
}

// num3 reads one to three digits (exactly three when fixed).
func num3(s string, fixed bool) (int, string, bool) {
	n, i := 0, 0
	for ; i < 3 && isDigitAt(s, i); i++ {
		n = n*10 + int(s[i]-'0')
	}
	if i == 0 || fixed && i != 3 {
		return 0, s, false
	}
	return n, s[i:], true
}

// leadingDigits reads a decimal number at the start of s; !ok on overflow.
func leadingDigits(s string) (x uint64, rest string, ok bool) {
	i := 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		if x > 1<<63/10 {
			return 0, s, false
		}
		x = x*10 + uint64(s[i]-'0')
		if x > 1<<63 {
			return 0, s, false
		}
	}
	return x, s[i:], true
}

// atoiAll reads all of s as an optionally signed decimal number.
func atoiAll(s string) (int, bool) {
	neg := false
	if len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	q, rest, ok := leadingDigits(s)
	if !ok || len(rest) > 0 {
		return 0, false
	}
	if neg {
		return -int(q), true
	}
	return int(q), true
}

// equalFold reports whether s and t (same length) differ only in the case of ASCII letters.
func equalFold(s, t string) bool {
	for i := 0; i < len(s); i++ {
		a, b := s[i], t[i]
		if a != b {
			a |= 'a' - 'A'
			b |= 'a' - 'A'
			if a != b || a < 'a' || a > 'z' {
				return false
			}
		}
	}
	return true
}

// lookupWord finds which of tab starts value, ignoring case.
func lookupWord(tab []string, value string) (int, string, bool) {
	for i, w := range tab {
		if len(value) >= len(w) && equalFold(value[:len(w)], w) {
			return i, value[len(w):], true
		}
	}
	return -1, value, false
}

// signedOffsetLen is the length of a "+H" / "-HH" hour offset at the start
// of value (at most 23), or 0.
func signedOffsetLen(value string) int {
	if value[0] != '-' && value[0] != '+' {
		return 0
	}
	x, rest, ok := leadingDigits(value[1:])
	if !ok || len(rest) == len(value)-1 || x > 23 {
		return 0
	}
	return len(value) - len(rest)
}

// zoneNameLen is the length of what looks like a zone abbreviation at the
// start of value: "MST", "CEST", "ChST", "GMT+3", "+03" ...
func zoneNameLen(value string) (int, bool) {
	if len(value) < 3 {
		return 0, false
	}
	if len(value) >= 4 && (value[:4] == "ChST" || value[:4] == "MeST") {
		return 4, true
	}
	if value[:3] == "GMT" {
		if len(value) == 3 {
			return 3, true
		}
		return 3 + signedOffsetLen(value[3:]), true
	}
	if value[0] == '+' || value[0] == '-' {
		n := signedOffsetLen(value)
		return n, n > 0
	}
	upper := 0
	for upper < 6 && upper < len(value) && value[upper] >= 'A' && value[upper] <= 'Z' {
		upper++
	}
	switch upper {
	case 3:
		return 3, true
	case 4:
		if value[3] == 'T' || value[:4] == "WITA" {
			return 4, true
		}
	case 5:
		if value[4] == 'T' {
			return 5, true
		}
	}
	return 0, false
}

// startsFrac reports whether value starts with a fraction of a second: a
// '.' or ',' and a digit.
func startsFrac(value string) bool {
	return len(value) >= 2 && (value[0] == '.' || value[0] == ',') && isDigitAt(value, 1)
}

// fracLen is the length of the fraction value starts with (startsFrac),
// its separator and all its digits.
func fracLen(value string) int {
	n := 2
	for isDigitAt(value, n) {
		n++
	}
	return n
}

// readFrac reads the fraction value[:n] (its separator included) into
// p.nsec; digits past the ninth are dropped. It returns what parseElem
// does: the rest of value, a range error's subject, ok.
func (p *parsed) readFrac(value string, n int) (string, string, bool) {
	frac, rest := value[:n], value[n:]
	if frac[0] != '.' && frac[0] != ',' {
		return rest, "", false
	}
	if n > 10 {
		frac, n = frac[:10], 10
	}
	ns, ok := atoiAll(frac[1:n])
	if !ok {
		return rest, "", false
	}
	if ns < 0 {
		return rest, "fractional second", true
	}
	for i := n; i < 10; i++ {
		ns *= 10
	}
	p.nsec = ns
	return rest, "", true
}

func isLeap(year int) bool {
	return year%4 == 0 && (year%100 != 0 || year%400 == 0)
}

// daysBefore is the number of days in a non-leap year before month m (1..13).
func daysBefore(m int) int {
	days := []int{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365}
	return days[m-1]
}

func daysIn(m int, year int) int {
	if m == 2 && isLeap(year) {
		return 29
	}
	return daysBefore(m+1) - daysBefore(m)
}

// zoneOffsetIn reads a numeric zone offset ("-0700", "+07:00", "-07",
// "+070000", "-07:00:00" as std says) at the start of value.
func zoneOffsetIn(value string, std int) (offset int, rest string, rangeErr string, ok bool) {
	var sign, hh, mm, ss string
	switch std {
	case stdISO8601ColonTZ, stdNumColonTZ:
		if len(value) < 6 || value[3] != ':' {
			return 0, value, "", false
		}
		sign, hh, mm, ss, rest = value[0:1], value[1:3], value[4:6], "00", value[6:]
	case stdISO8601ShortTZ, stdNumShortTZ:
		if len(value) < 3 {
			return 0, value, "", false
		}
		sign, hh, mm, ss, rest = value[0:1], value[1:3], "00", "00", value[3:]
	case stdISO8601ColonSecondsTZ, stdNumColonSecondsTZ:
		if len(value) < 9 || value[3] != ':' || value[6] != ':' {
			return 0, value, "", false
		}
		sign, hh, mm, ss, rest = value[0:1], value[1:3], value[4:6], value[7:9], value[9:]
	case stdISO8601SecondsTZ, stdNumSecondsTz:
		if len(value) < 7 {
			return 0, value, "", false
		}
		sign, hh, mm, ss, rest = value[0:1], value[1:3], value[3:5], value[5:7], value[7:]
	default:
		if len(value) < 5 {
			return 0, value, "", false
		}
		sign, hh, mm, ss, rest = value[0:1], value[1:3], value[3:5], "00", value[5:]
	}
	h, _, ok1 := num2(hh, true)
	m, s := 0, 0
	if ok1 {
		m, _, ok1 = num2(mm, true)
		if ok1 {
			s, _, ok1 = num2(ss, true)
		}
	}
	// > rather than >=: offsets of 24 hours or 60 minutes occur in the wild
	if h > 24 {
		rangeErr = "time zone offset hour"
	}
	if m > 60 {
		rangeErr = "time zone offset minute"
	}
	if s > 60 {
		rangeErr = "time zone offset second"
	}
	offset = (h*60+m)*60 + s
	switch sign[0] {
	case '+':
	case '-':
		offset = -offset
	default:
		ok1 = false
	}
	return offset, rest, rangeErr, ok1
}

// parsed holds the fields of a time read so far; -1 means not given.
type parsed struct {
	year, month, day, yday    int
	hour, min, sec, nsec      int
	am, pm                    bool
	utc                       bool // the value said "Z" or "UTC"
	zoneOffset                int  // -1: no numeric offset
	zoneName                  string
}

func newParseError(layout, value, layoutElem, valueElem, message string) *ParseError {
	return &ParseError{layout, value, layoutElem, valueElem, message}
}

// parseElem reads one layout element (std, spanning elem in the layout;
// rest is the layout after it) from value into p. It returns the rest of
// value, a range error's subject ("month", "hour" ...) or ok=false for a
// value that does not fit.
func parseElem(p *parsed, std, width int, rest, value string) (string, string, bool) {
	ok := true
	var n int
	switch std {
	case stdYear:
		if len(value) < 2 {
			return value, "", false
		}
		if n, ok = atoiAll(value[:2]); !ok {
			return value, "", false
		}
		value = value[2:]
		if n >= 69 { // Unix time starts Dec 31 1969 in some time zones
			p.year = n + 1900
		} else {
			p.year = n + 2000
		}
	case stdLongYear:
		if len(value) < 4 || !isDigitAt(value, 0) {
			return value, "", false
		}
		p.year, ok = atoiAll(value[:4])
		value = value[4:]
	case stdMonth:
		p.month, value, ok = lookupWord(shortMonthNames, value)
		p.month++
	case stdLongMonth:
		p.month, value, ok = lookupWord(longMonthNames, value)
		p.month++
	case stdNumMonth, stdZeroMonth:
		p.month, value, ok = num2(value, std == stdZeroMonth)
		if ok && (p.month <= 0 || p.month > 12) {
			return value, "month", true
		}
	case stdWeekDay:
		_, value, ok = lookupWord(shortDayNames, value)
	case stdLongWeekDay:
		_, value, ok = lookupWord(longDayNames, value)
	case stdDay, stdUnderDay, stdZeroDay:
		if std == stdUnderDay && len(value) > 0 && value[0] == ' ' {
			value = value[1:]
		}
		p.day, value, ok = num2(value, std == stdZeroDay)
	case stdUnderYearDay, stdZeroYearDay:
		for i := 0; i < 2; i++ {
			if std == stdUnderYearDay && len(value) > 0 && value[0] == ' ' {
				value = value[1:]
			}
		}
		p.yday, value, ok = num3(value, std == stdZeroYearDay)
	case stdHour:
		p.hour, value, ok = num2(value, false)
		if p.hour < 0 || p.hour >= 24 {
			return value, "hour", ok
		}
	case stdHour12, stdZeroHour12:
		p.hour, value, ok = num2(value, std == stdZeroHour12)
		if p.hour < 0 || p.hour > 12 {
			return value, "hour", ok
		}
	case stdMinute, stdZeroMinute:
		p.min, value, ok = num2(value, std == stdZeroMinute)
		if p.min < 0 || p.min >= 60 {
			return value, "minute", ok
		}
	case stdSecond, stdZeroSecond:
		if p.sec, value, ok = num2(value, std == stdZeroSecond); !ok {
			break
		}
		if p.sec < 0 || p.sec >= 60 {
			return value, "second", true
		}
		// a fraction in the value that the layout does not ask for
		if startsFrac(value) {
			_, _, next, _ := nextStd(rest)
			if next == stdFracSecond0 || next == stdFracSecond9 {
				break
			}
			return p.readFrac(value, fracLen(value))
		}
	case stdPM, stdpm:
		if len(value) < 2 {
			return value, "", false
		}
		w := value[:2]
		value = value[2:]
		switch {
		case w == "PM" && std == stdPM, w == "pm" && std == stdpm:
			p.pm = true
		case w == "AM" && std == stdPM, w == "am" && std == stdpm:
			p.am = true
		default:
			ok = false
		}
	case stdISO8601TZ, stdISO8601ShortTZ, stdISO8601ColonTZ, stdISO8601SecondsTZ, stdISO8601ColonSecondsTZ,
		stdNumTZ, stdNumShortTZ, stdNumColonTZ, stdNumSecondsTz, stdNumColonSecondsTZ:
		if std <= stdISO8601ColonSecondsTZ && len(value) >= 1 && value[0] == 'Z' {
			p.utc = true
			return value[1:], "", true
		}
		var rangeErr string
		p.zoneOffset, value, rangeErr, ok = zoneOffsetIn(value, std)
		if rangeErr != "" {
			return value, rangeErr, ok
		}
	case stdTZ:
		if len(value) >= 3 && value[:3] == "UTC" {
			p.utc = true
			return value[3:], "", true
		}
		if n, ok = zoneNameLen(value); !ok {
			return value, "", false
		}
		p.zoneName, value = value[:n], value[n:]
	case stdFracSecond0:
		// exactly as many digits as the layout has
		if len(value) < 1+width {
			return value, "", false
		}
		return p.readFrac(value, 1+width)
	case stdFracSecond9:
		if !startsFrac(value) {
			break // no fraction: allowed
		}
		// any number of digits, even more than the layout shows
		return p.readFrac(value, fracLen(value))
	}
	return value, "", ok
}

func parse(layout, value string, defaultLoc, local *Location) (Time, error) {
	alayout, avalue := layout, value
	p := parsed{month: -1, day: -1, yday: -1, zoneOffset: -1}
	for {
		i, n, std, width := nextStd(layout)
		prefix, elem := layout[:i], layout[i:i+n]
		var ok bool
		if value, ok = skipLiteral(value, prefix); !ok {
			return Time{}, newParseError(alayout, avalue, prefix, value, "")
		}
		if std == stdNone {
			if len(value) != 0 {
				return Time{}, newParseError(alayout, avalue, "", value, ": extra text: "+quote(value))
			}
			break
		}
		layout = layout[i+n:]
		hold := value
		var rangeErr string
		value, rangeErr, ok = parseElem(&p, std, width, layout, value)
		if rangeErr != "" {
			return Time{}, newParseError(alayout, avalue, elem, value, ": "+rangeErr+" out of range")
		}
		if !ok {
			return Time{}, newParseError(alayout, avalue, elem, hold, "")
		}
	}
	if p.pm && p.hour < 12 {
		p.hour += 12
	} else if p.am && p.hour == 12 {
		p.hour = 0
	}
	if msg := p.settleDate(); msg != "" {
		return Time{}, newParseError(alayout, avalue, "", value, msg)
	}
	return p.resolve(defaultLoc, local), nil
}

// settleDate turns a day of the year into month and day and checks the
// date; it returns an error message (": day out of range") or "".
func (p *parsed) settleDate() string {
	if p.yday >= 0 {
		m, d := 0, 0
		yday := p.yday
		if isLeap(p.year) {
			if yday == 31+29 {
				m, d = 2, 29
			} else if yday > 31+29 {
				yday--
			}
		}
		if yday < 1 || yday > 365 {
			return ": day-of-year out of range"
		}
		if m == 0 {
			m = (yday-1)/31 + 1
			if daysBefore(m+1) < yday {
				m++
			}
			d = yday - daysBefore(m)
		}
		if p.month >= 0 && p.month != m {
			return ": day-of-year does not match month"
		}
		p.month = m
		if p.day >= 0 && p.day != d {
			return ": day-of-year does not match day"
		}
		p.day = d
	} else {
		if p.month < 0 {
			p.month = 1
		}
		if p.day < 0 {
			p.day = 1
		}
	}
	if p.day < 1 || p.day > daysIn(p.month, p.year) {
		return ": day out of range"
	}
	return ""
}

// resolve makes the Time: in UTC for "Z", in local when the offset or zone
// name the value gave is local's at that instant, else in a FixedZone of
// that offset (zero for an unknown name, or GMT+h's hours), else in
// defaultLoc.
func (p *parsed) resolve(defaultLoc, local *Location) Time {
	if p.utc {
		return Date(p.year, Month(p.month), p.day, p.hour, p.min, p.sec, p.nsec, UTC)
	}
	if p.zoneOffset == -1 && p.zoneName == "" {
		return Date(p.year, Month(p.month), p.day, p.hour, p.min, p.sec, p.nsec, defaultLoc)
	}
	t := Date(p.year, Month(p.month), p.day, p.hour, p.min, p.sec, p.nsec, UTC)
	offset := p.zoneOffset
	if offset != -1 {
		t.sec -= int64(offset)
		name, off := lookupZone(local, t.sec-unixToInternal)
		if off == offset && (p.zoneName == "" || name == p.zoneName) {
			t.setLoc(local)
			return t
		}
		t.setLoc(FixedZone(p.zoneName, offset))
		return t
	}
	if off, ok := lookupName(local, p.zoneName, t.sec-unixToInternal); ok {
		t.sec -= int64(off)
		t.setLoc(local)
		return t
	}
	offset = 0
	if len(p.zoneName) > 3 && p.zoneName[:3] == "GMT" {
		h, _ := atoiAll(p.zoneName[3:])
		offset = h * 3600
	}
	t.setLoc(FixedZone(p.zoneName, offset))
	return t
}

// ---- timers (runtime/timer.c; natives in time.c) ----
//
// Go 1.23 semantics: Stop and Reset guarantee that no value prepared before
// the call is received after it (they drain the channel), and a Timer or
// Ticker that nothing references any more (neither it nor its channel) is
// collected even if it was never stopped (AfterFunc timers run regardless).
// The channel has a one-value buffer in csp (it lets the runtime send
// without a goroutine; Stop/Reset empty it, so no stale value is ever seen),
// but as in Go 1.23 it presents itself as unbuffered: cap(t.C) and len(t.C)
// are 0 (runtime/chan.c).

// A Timer sends the current time on C once, when its duration has elapsed.
//
// AfterFunc timers run f in its own goroutine instead and leave C nil.
type Timer struct {
	C <-chan Time
	r *byte // the runtime's timer record (time.c)
}

// A Ticker sends the time on C every period; a slow receiver misses ticks.
type Ticker struct {
	C <-chan Time
	r *byte // the runtime's timer record (time.c)
}

// Sleep pauses the current goroutine for at least d (parks it; d <= 0
// returns at once).
func Sleep(d Duration)

// newTimer starts a runtime timer firing after d, then every period if
// period > 0: it sends the time (in loc) on c, or runs f in a new
// goroutine when f is not nil.
func newTimer(d Duration, period Duration, c chan Time, loc *Location, f func()) *byte

// stopTimer stops r and empties its channel; true if a firing (or its
// unreceived value) was cancelled.
func stopTimer(r *byte) bool

// resetTimer stops r, empties its channel and starts it again.
func resetTimer(r *byte, d Duration, period Duration) bool

// NewTimer returns a Timer that fires once, at least d from now, sending the time on C.
func NewTimer(d Duration) *Timer {
	c := make(chan Time, 1)
	return &Timer{C: c, r: newTimer(d, 0, c, Local, nil)}
}

// After returns a channel that receives the current time once d has elapsed.
//
// It is NewTimer(d).C.
func After(d Duration) <-chan Time {
	return NewTimer(d).C
}

// AfterFunc calls f in a new goroutine once d has elapsed; Stop on the Timer cancels it.
func AfterFunc(d Duration, f func()) *Timer {
	return &Timer{r: newTimer(d, 0, nil, nil, func() { f() })}
}

// Stop keeps the Timer from firing and reports whether this call stopped it.
//
// It returns false if the timer had already fired (and its value was
// received) or had been stopped.
func (t *Timer) Stop() bool {
	if t.r == nil {
		panic("time: Stop called on uninitialized Timer")
	}
	return stopTimer(t.r)
}

// Reset restarts the timer to fire d from now and reports whether it was still pending.
func (t *Timer) Reset(d Duration) bool {
	if t.r == nil {
		panic("time: Reset called on uninitialized Timer")
	}
	return resetTimer(t.r, d, 0)
}

// NewTicker returns a Ticker sending the time every d; d must be positive.
func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	c := make(chan Time, 1)
	return &Ticker{C: c, r: newTimer(d, d, c, Local, nil)}
}

// Tick returns a channel that delivers the time every d, or nil when d <= 0.
//
// It is NewTicker(d).C; the Ticker cannot be stopped.
func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}

// Stop ends the ticks: none is sent afterwards, and a tick not yet received is dropped.
func (t *Ticker) Stop() {
	if t.r == nil {
		return
	}
	stopTimer(t.r)
}

// Reset restarts the ticker with period d; d must be positive.
func (t *Ticker) Reset(d Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	if t.r == nil {
		panic("time: Reset called on uninitialized Ticker")
	}
	resetTimer(t.r, d, d)
}
