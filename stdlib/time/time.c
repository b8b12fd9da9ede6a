/*
 * time.c — natives of package time (stub: stdlib/time.go): clocks, civil
 * dates, zones, Duration and Time formatting, and the timer half of the
 * package (Sleep, Timer, Ticker, AfterFunc) over runtime/timer.c: see the
 * timer section at the end.
 *
 * LAYOUTS IN CSP MEMORY (time.go declares them; keep in sync):
 *   Time     { sec int64; nsec int64; mono int64; hasMono bool; loc *Location }
 *            sec counts seconds since January 1, year 1, 00:00:00 UTC, so
 *            the all-zero struct is Go's zero Time; nsec is in [0, 1e9);
 *            mono is the monotonic reading (ns since process start, >= 1 at
 *            the first Now) when hasMono; loc nil means UTC.
 *   Location { name string; offset int; local bool; tz *byte }
 *            local: the C library's zone (TZ, else /etc/localtime), looked
 *            up per instant with localtime_r so DST is right; tz: a zone of
 *            the tz database (TzData, read by LoadLocation); otherwise a
 *            fixed zone of `offset` seconds east of UTC named `name`.
 *   A Time argument arrives as a pointer to its 5 slots (structs are boxed);
 *   a Time result is a fresh box.
 *
 * ZONES: Local is whatever the C library says (TZ unset or "UTC" gives
 * UTC, as in Go). LoadLocation reads the system's tz database (TZif files
 * under /usr/share/zoneinfo, Debian's tzdata) into a TzData: the
 * transition instants and the zone each starts. Instants before the first
 * transition use Go's choice of "first zone" (lookupFirstZone); from the
 * last one on, the POSIX TZ string at the end of the file ("EST5EDT,
 * M3.2.0,M11.1.0") says which zone applies, as in Go.
 *
 * Calendar arithmetic is proleptic Gregorian on days since 1970-01-01
 * (H. Hinnant's civil-from-days / days-from-civil), valid for every year an
 * int64 second count reaches in practice.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "runtime/chan.h"
#include "runtime/race.h"
#include "runtime/sim.h"
#include "runtime/timer.h"
#include "runtime/vm.h"
#include "stdlib/lib.h"

/* Slot offsets of Time and Location (see the header comment). */
enum { T_SEC, T_NSEC, T_MONO, T_HASMONO, T_LOC, T_SLOTS };
enum { L_NAME, L_OFFSET, L_LOCAL, L_TZ };

#define NS_PER_SEC 1000000000LL
#define SEC_PER_DAY 86400LL
/* Seconds from 0001-01-01 to 1970-01-01 (719162 days): internal <-> Unix. */
#define UNIX_TO_INTERNAL (719162LL * SEC_PER_DAY)
#define MIN_DURATION INT64_MIN
#define MAX_DURATION INT64_MAX

/* ---- clocks ------------------------------------------------------------------ */

static int64_t mono_start; /* written once before main (constructor), read-only after */

static int64_t mono_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * NS_PER_SEC + ts.tv_nsec;
}

/* Like Go, readings are relative to process start and the first is >= 1, so
 * Time.String's "m=+0.000..." stays small and positive. */
__attribute__((constructor)) static void time_init_clock(void) {
    mono_start = mono_now() - 1;
}

/* The wall clock (Unix seconds, nanoseconds) and the monotonic reading;
 * the simulation's virtual clocks under -seed / -fake-time (sim.h). */
static void clock_now(int64_t *sec, int64_t *nsec, int64_t *mono) {
    if (SIM_ON) {
        sim_walltime(sec, nsec);
        *mono = sim_nanotime();
        return;
    }
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    *sec = ts.tv_sec;
    *nsec = ts.tv_nsec;
    *mono = mono_now() - mono_start;
}

/* now() (sec int64, nsec int64, mono int64): wall clock as internal seconds
 * plus the monotonic reading. */
static int n_now(Fiber *f, Slot *a) {
    int64_t sec, nsec, mono;
    clock_now(&sec, &nsec, &mono);
    a[0].i = sec + UNIX_TO_INTERNAL;
    a[1].i = nsec;
    a[2].i = mono;
    return NATIVE_OK;
}

/* ---- zones ------------------------------------------------------------------- */

static pthread_once_t tz_once = PTHREAD_ONCE_INIT;
static void tz_init(void) { tzset(); }

typedef struct Zone {
    const char *name; /* abbreviation as Format's "MST" prints it */
    int64_t name_len;
    int64_t offset;   /* seconds east of UTC */
} Zone;

/* A zone of the tz database, read once by LoadLocation; immutable. */
typedef struct TzZone {
    const char *name; /* abbreviation: "EST" */
    int64_t offset;   /* seconds east of UTC */
    bool isdst;
} TzZone;

/* A date rule of a POSIX TZ string: Jn (day n of 365, February 29
 * never counted), n (day n from 0, leap days counted) or Mm.w.d (day d of
 * week w of month m, week 5 the last); the change happens at `time`
 * seconds of local time. */
typedef struct TzRule {
    char kind;        /* 'J', 'N' or 'M' */
    int day, week, mon;
    int64_t time;
} TzRule;

/* The POSIX TZ string at the end of a version 2+ TZif file, e.g.
 * "EST5EDT,M3.2.0,M11.1.0": the zones after the last transition. */
typedef struct TzExtend {
    TzZone std, dst;
    bool has_dst;
    TzRule start, end;
} TzExtend;

typedef struct TzData {
    int64_t ntrans;
    int64_t *trans;   /* ascending Unix seconds */
    uint8_t *zidx;    /* zone index in force from trans[i] on */
    int64_t nzones;
    TzZone *zones;
    int64_t first;    /* zone before the first transition */
    TzExtend *extend; /* after the last transition, or NULL */
} TzData;

/* Go's lookupFirstZone: an unused first zone; else, if the first
 * transition is to daylight time, the closest standard zone before it;
 * else zone 0. */
static int64_t first_zone(const TzData *tz) {
    bool used = false;
    for (int64_t i = 0; i < tz->ntrans; i++)
        used |= tz->zidx[i] == 0;
    if (!used)
        return 0;
    if (tz->ntrans > 0 && tz->zones[tz->zidx[0]].isdst)
        for (int64_t z = (int64_t)tz->zidx[0] - 1; z >= 0; z--)
            if (!tz->zones[z].isdst)
                return z;
    for (int64_t z = 0; z < tz->nzones; z++)
        if (!tz->zones[z].isdst)
            return z;
    return 0;
}

static int64_t floor_div(int64_t a, int64_t b);
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d);
static bool is_leap(int64_t y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

/* Seconds from the start of year y (local time) to rule r's change. */
static int64_t rule_secs(int64_t y, const TzRule *r) {
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int64_t day; /* from 0 */
    switch (r->kind) {
    case 'J':
        day = r->day - 1 + (is_leap(y) && r->day >= 60);
        break;
    case 'N':
        day = r->day;
        break;
    default: { /* Mm.w.d */
        int64_t first = days_from_civil(y, r->mon, 1);
        int64_t wday = ((first + 4) % 7 + 7) % 7; /* 1970-01-01: Thursday */
        int64_t d = (r->day - wday + 7) % 7 + (r->week - 1) * 7;
        int64_t len = mdays[r->mon - 1] + (r->mon == 2 && is_leap(y));
        while (d >= len)
            d -= 7;
        day = first + d - days_from_civil(y, 1, 1);
    }
    }
    return day * SEC_PER_DAY + r->time;
}

/* The zone the TZ string gives for Unix second ut. The year is ut's in
 * UTC; the changes, given in local time, are moved to UTC with the
 * offset in force before each (std before the start, dst before the end). */
static const TzZone *extend_lookup(const TzExtend *e, int64_t ut) {
    if (!e->has_dst)
        return &e->std;
    int64_t days = floor_div(ut, SEC_PER_DAY);
    int64_t y = 1970 + floor_div(days * 400, 146097) - 1; /* a year at or before ut */
    while (days_from_civil(y + 1, 1, 1) <= days)
        y++;
    int64_t ysec = ut - days_from_civil(y, 1, 1) * SEC_PER_DAY;
    int64_t start = rule_secs(y, &e->start) - e->std.offset;
    int64_t end = rule_secs(y, &e->end) - e->dst.offset;
    if (start < end) /* northern hemisphere: dst inside the year */
        return ysec >= start && ysec < end ? &e->dst : &e->std;
    return ysec >= end && ysec < start ? &e->std : &e->dst;
}

static const TzZone *tz_lookup(const TzData *tz, int64_t ut) {
    if (tz->ntrans == 0 || ut < tz->trans[0])
        return tz->ntrans == 0 && tz->extend ? extend_lookup(tz->extend, ut)
                                             : &tz->zones[tz->first];
    if (tz->extend && ut >= tz->trans[tz->ntrans - 1])
        return extend_lookup(tz->extend, ut);
    int64_t lo = 0, hi = tz->ntrans; /* last transition <= ut */
    while (hi - lo > 1) {
        int64_t m = lo + (hi - lo) / 2;
        if (tz->trans[m] <= ut)
            lo = m;
        else
            hi = m;
    }
    return &tz->zones[tz->zidx[lo]];
}

/* The zone in effect at Unix second `ut` for location slots loc. */
static Zone zone_at(const Slot *loc, int64_t ut) {
    Zone z = {"UTC", 3, 0};
    if (!loc)
        return z;
    if (loc[L_TZ].p) {
        const TzZone *tzz = tz_lookup(loc[L_TZ].p, ut);
        return (Zone){tzz->name, (int64_t)strlen(tzz->name), tzz->offset};
    }
    if (!loc[L_LOCAL].i) {
        Str *name = loc[L_NAME].p;
        z.name = str_data(name);
        z.name_len = str_len(name);
        z.offset = loc[L_OFFSET].i;
        return z;
    }
    pthread_once(&tz_once, tz_init);
    time_t tt = (time_t)ut;
    struct tm tm;
    if (!localtime_r(&tt, &tm))
        return z;
    z.offset = tm.tm_gmtoff;
    if (tm.tm_zone) {
        z.name = gc_strdup(tm.tm_zone);
        z.name_len = (int64_t)strlen(z.name);
    }
    return z;
}

/* ---- the tz database ------------------------------------------------------------ */

/* Where Go looks on Unix, after $ZONEINFO. */
static const char *const zone_dirs[] = {
    "/usr/share/zoneinfo/", "/usr/share/lib/zoneinfo/", "/usr/lib/locale/TZ/",
    "/etc/zoneinfo/"};

static int64_t be32(const uint8_t *p) {
    return (int32_t)((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]);
}

static int64_t be64(const uint8_t *p) {
    return (int64_t)((uint64_t)(uint32_t)be32(p) << 32 | (uint32_t)be32(p + 4));
}

/* ---- POSIX TZ strings (the footer of TZif files) ---- */

typedef struct TzScan {
    const char *p, *end;
} TzScan;

/* A zone name: letters, or anything between < and >. */
static const char *scan_name(TzScan *sc) {
    const char *start = sc->p;
    if (sc->p < sc->end && *sc->p == '<') {
        start = ++sc->p;
        while (sc->p < sc->end && *sc->p != '>')
            sc->p++;
        if (sc->p == sc->end)
            return NULL;
        const char *name = gc_strndup(start, (size_t)(sc->p - start));
        sc->p++;
        return name;
    }
    while (sc->p < sc->end && ((*sc->p >= 'A' && *sc->p <= 'Z') || (*sc->p >= 'a' && *sc->p <= 'z')))
        sc->p++;
    return sc->p - start >= 3 ? gc_strndup(start, (size_t)(sc->p - start)) : NULL;
}

static bool scan_num(TzScan *sc, int64_t *v) {
    if (sc->p >= sc->end || *sc->p < '0' || *sc->p > '9')
        return false;
    *v = 0;
    while (sc->p < sc->end && *sc->p >= '0' && *sc->p <= '9' && *v < 1000000)
        *v = *v * 10 + (*sc->p++ - '0');
    return true;
}

/* [+-]hh[:mm[:ss]] in seconds. */
static bool scan_time(TzScan *sc, int64_t *secs) {
    int64_t sign = 1, h, m = 0, x = 0;
    if (sc->p < sc->end && (*sc->p == '+' || *sc->p == '-'))
        sign = *sc->p++ == '-' ? -1 : 1;
    if (!scan_num(sc, &h))
        return false;
    if (sc->p < sc->end && *sc->p == ':') {
        sc->p++;
        if (!scan_num(sc, &m))
            return false;
        if (sc->p < sc->end && *sc->p == ':') {
            sc->p++;
            if (!scan_num(sc, &x))
                return false;
        }
    }
    *secs = sign * (h * 3600 + m * 60 + x);
    return true;
}

static bool scan_rule(TzScan *sc, TzRule *r) {
    int64_t a = 0, b = 0, c = 0;
    if (sc->p < sc->end && *sc->p == 'J') {
        sc->p++;
        r->kind = 'J';
        if (!scan_num(sc, &a) || a < 1 || a > 365)
            return false;
    } else if (sc->p < sc->end && *sc->p == 'M') {
        sc->p++;
        r->kind = 'M';
        if (!scan_num(sc, &b) || b < 1 || b > 12 || sc->p >= sc->end || *sc->p++ != '.' ||
            !scan_num(sc, &c) || c < 1 || c > 5 || sc->p >= sc->end || *sc->p++ != '.' ||
            !scan_num(sc, &a) || a > 6)
            return false;
    } else {
        r->kind = 'N';
        if (!scan_num(sc, &a) || a > 365)
            return false;
    }
    r->day = (int)a;
    r->week = (int)c;
    r->mon = (int)b;
    r->time = 2 * 3600;
    if (sc->p < sc->end && *sc->p == '/')
        return sc->p++, scan_time(sc, &r->time);
    return true;
}

/* The TZ string [s, end) (e.g. "CET-1CEST,M3.5.0,M10.5.0/3"), or NULL
 * when it is empty or malformed (the transitions alone are used then). */
static TzExtend *tz_extend(const char *s, const char *end) {
    TzScan sc = {s, end};
    TzExtend *e = gc_alloc(sizeof *e);
    int64_t off;
    if (!(e->std.name = scan_name(&sc)) || !scan_time(&sc, &off))
        return NULL;
    e->std.offset = -off; /* POSIX counts west of UTC */
    if (sc.p == sc.end)
        return e;
    if (!(e->dst.name = scan_name(&sc)))
        return NULL;
    e->dst.isdst = true;
    e->dst.offset = e->std.offset + 3600;
    if (sc.p < sc.end && *sc.p != ',') {
        if (!scan_time(&sc, &off))
            return NULL;
        e->dst.offset = -off;
    }
    if (sc.p >= sc.end || *sc.p++ != ',' || !scan_rule(&sc, &e->start) ||
        sc.p >= sc.end || *sc.p++ != ',' || !scan_rule(&sc, &e->end) || sc.p != sc.end)
        return NULL; /* POSIX's default rules are not used by tzdata */
    e->has_dst = true;
    return e;
}

/* A TZif file's contents (RFC 8536) as a TzData, or NULL when malformed.
 * Version 2+ files hold the data twice, with 32- and 64-bit times: the
 * second copy is the one read. */
static TzData *tz_parse(const uint8_t *p, size_t n) {
    enum { HDR = 44 };
    if (n < HDR || memcmp(p, "TZif", 4) != 0)
        return NULL;
    int tsize = 4;
    if (p[4] >= '2') { /* skip the version-1 block */
        int64_t c[6];
        for (int i = 0; i < 6; i++)
            c[i] = be32(p + 20 + 4 * i);
        size_t v1 = (size_t)(c[3] * 5 + c[4] * 6 + c[5] + c[2] * 8 + c[1] + c[0]);
        if (n < HDR + v1 + HDR)
            return NULL;
        p += HDR + v1;
        n -= HDR + v1;
        tsize = 8;
    }
    int64_t isut = be32(p + 20), isstd = be32(p + 24), leap = be32(p + 28);
    int64_t ntrans = be32(p + 32), ntypes = be32(p + 36), nchars = be32(p + 40);
    if (isut < 0 || isstd < 0 || leap < 0 || ntrans < 0 || ntypes < 1 ||
        ntypes > 256 || nchars < 0)
        return NULL;
    size_t need = HDR + (size_t)(ntrans * (tsize + 1) + ntypes * 6 + nchars);
    if (n < need)
        return NULL;
    const uint8_t *tp = p + HDR, *ip = tp + ntrans * tsize, *zp = ip + ntrans;
    const char *chars = (const char *)(zp + ntypes * 6);
    TzData *tz = gc_alloc(sizeof *tz);
    tz->ntrans = ntrans;
    tz->trans = gc_alloc_atomic((size_t)(ntrans ? ntrans : 1) * sizeof(int64_t));
    tz->zidx = gc_alloc_atomic((size_t)(ntrans ? ntrans : 1));
    tz->nzones = ntypes;
    tz->zones = gc_alloc((size_t)ntypes * sizeof(TzZone));
    for (int64_t i = 0; i < ntrans; i++) {
        tz->trans[i] = tsize == 8 ? be64(tp + 8 * i) : be32(tp + 4 * i);
        if (ip[i] >= ntypes)
            return NULL;
        tz->zidx[i] = ip[i];
    }
    for (int64_t i = 0; i < ntypes; i++) {
        const uint8_t *z = zp + 6 * i;
        int64_t ci = z[5];
        if (ci >= nchars)
            return NULL;
        tz->zones[i].offset = be32(z);
        tz->zones[i].isdst = z[4] != 0;
        tz->zones[i].name = gc_strdup(chars + ci); /* NUL-terminated in the file */
        if (!memchr(chars + ci, 0, (size_t)(nchars - ci)))
            return NULL;
    }
    tz->first = first_zone(tz);
    /* version 2+: the TZ string follows the data, between newlines */
    const char *foot = chars + nchars + leap * (tsize + 4) + isstd + isut;
    const char *fend = (const char *)p + n;
    if (tsize == 8 && foot < fend && *foot == '\n') {
        const char *nl = memchr(foot + 1, '\n', (size_t)(fend - foot - 1));
        if (nl)
            tz->extend = tz_extend(foot + 1, nl);
    }
    return tz;
}

/* Reads dir+name whole (at most 1 MiB: TZif files are a few KiB); NULL
 * with errno set when it cannot. */
static uint8_t *read_small(const char *dir, const char *name, size_t *n) {
    char path[4096];
    if (snprintf(path, sizeof path, "%s%s", dir, name) >= (int)sizeof path) {
        errno = ENAMETOOLONG;
        return NULL;
    }
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    enum { MAX = 1 << 20 };
    uint8_t *buf = malloc(MAX);
    *n = buf ? fread(buf, 1, MAX, fp) : 0;
    int err = buf && ferror(fp) ? errno : 0; /* a directory: EISDIR */
    fclose(fp);
    if (err || !buf) {
        free(buf);
        errno = err ? err : ENOMEM;
        return NULL;
    }
    return buf;
}

/* Go's text of a read error: the C library's message, lower-cased as
 * Go's syscall.Errno strings are ("is a directory"). */
static Str *errno_text(int err) {
    char buf[256];
    snprintf(buf, sizeof buf, "%s", strerror(err));
    if (buf[0] >= 'A' && buf[0] <= 'Z')
        buf[0] += 'a' - 'A';
    return str_from_cstr(buf);
}

/* loadTZ(name string) (tz *byte, err string): the zone, or Go's error
 * text. As Go, every place is tried; the first error other than "no such
 * file" (a directory, a malformed file) is the one reported, else
 * "unknown time zone NAME". */
static int n_loadTZ(Fiber *f, Slot *a) {
    Str *s = a[0].p;
    char name[1024];
    snprintf(name, sizeof name, "%.*s", (int)str_len(s), str_data(s));
    Str *first_err = NULL;
    a[0].p = NULL;
    const char *env = getenv("ZONEINFO");
    char envdir[4096] = "";
    if (env && *env)
        snprintf(envdir, sizeof envdir, "%s/", env);
    bool odd = (int64_t)strlen(name) != str_len(s); /* a NUL inside, too long */
    for (int i = -1; !odd && i < (int)(sizeof zone_dirs / sizeof *zone_dirs); i++) {
        const char *dir = i < 0 ? envdir : zone_dirs[i];
        if (!*dir)
            continue;
        size_t n = 0;
        uint8_t *buf = read_small(dir, name, &n);
        if (!buf) {
            if (errno != ENOENT && !first_err)
                first_err = errno_text(errno);
            continue;
        }
        TzData *tz = tz_parse(buf, n);
        free(buf);
        if (tz) {
            a[0].p = tz;
            a[1].p = NULL;
            return NATIVE_OK;
        }
        if (!first_err)
            first_err = str_from_cstr("malformed time zone information");
    }
    if (!first_err) {
        StrBuf b;
        sb_init(&b);
        sb_puts(&b, "unknown time zone ");
        sb_write(&b, str_data(s), str_len(s));
        first_err = sb_str(&b);
    }
    a[1].p = first_err;
    return NATIVE_OK;
}

/* tzFromData(data []byte) *byte: LoadLocationFromTZData's parse, NULL
 * when data is not TZif. */
static int n_tzFromData(Fiber *f, Slot *a) {
    const Slice *d = a[0].p;
    int64_t n = slice_len(d);
    uint8_t *buf = gc_alloc_atomic((size_t)(n ? n : 1));
    for (int64_t i = 0; i < n; i++)
        buf[i] = (uint8_t)d->data[i].i;
    a[0].p = tz_parse(buf, (size_t)n);
    return NATIVE_OK;
}

/* lookupZone(l *Location, unix int64) (name string, offset int) */
static int n_lookupZone(Fiber *f, Slot *a) {
    Zone z = zone_at(a[0].p, a[1].i);
    a[0].p = str_new(z.name, z.name_len);
    a[1].i = z.offset;
    return NATIVE_OK;
}

static bool zone_named(Zone z, const Str *name) {
    return z.name_len == str_len(name) &&
           memcmp(z.name, str_data(name), (size_t)z.name_len) == 0;
}

/* lookupName(l *Location, name string, unix int64) (offset int, ok bool):
 * Go's lookupName. A zone called name in effect at unix (taking its own
 * offset into account) wins, else any zone called name. The C library's
 * Local cannot list its zones: it is asked about unix and the same
 * instant half a year either side. */
static int n_lookupName(Fiber *f, Slot *a) {
    const Slot *loc = a[0].p;
    const Str *name = a[1].p;
    int64_t ut = a[2].i;
    a[1].i = 0;
    if (loc && loc[L_TZ].p) {
        const TzData *tz = loc[L_TZ].p;
        for (int pass = 0; pass < 2; pass++)
            for (int64_t i = 0; i < tz->nzones; i++) {
                const TzZone *z = &tz->zones[i];
                if (strlen(z->name) != (size_t)str_len(name) ||
                    memcmp(z->name, str_data(name), (size_t)str_len(name)) != 0)
                    continue;
                const TzZone *then = tz_lookup(tz, ut - z->offset);
                if (pass == 0 && strcmp(then->name, z->name) != 0)
                    continue;
                a[0].i = pass == 0 ? then->offset : z->offset;
                a[1].i = 1;
                return NATIVE_OK;
            }
        return NATIVE_OK;
    }
    static const int64_t probes[] = {0, -183 * SEC_PER_DAY, 183 * SEC_PER_DAY};
    for (size_t i = 0; i < sizeof probes / sizeof *probes; i++) {
        Zone z = zone_at(loc, ut + probes[i]);
        if (!zone_named(z, name))
            continue;
        if (i == 0) {
            Zone z2 = zone_at(loc, ut - z.offset);
            if (zone_named(z2, name))
                z = z2;
        }
        a[0].i = z.offset;
        a[1].i = 1;
        return NATIVE_OK;
    }
    return NATIVE_OK;
}

/* ---- calendar ------------------------------------------------------------------ */

static int64_t floor_div(int64_t a, int64_t b) {
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static int64_t floor_mod(int64_t a, int64_t b) { return a - floor_div(a, b) * b; }

/* Two's-complement wrapping + and *: Go's time arithmetic wraps silently
 * for extreme dates (time.Date(1<<62, ...)); in C the overflow would be
 * undefined. */
static int64_t wadd(int64_t a, int64_t b) { return (int64_t)((uint64_t)a + (uint64_t)b); }
static int64_t wmul(int64_t a, int64_t b) { return (int64_t)((uint64_t)a * (uint64_t)b); }



/* Days since 1970-01-01 of year y, month m (1..12), day d (any int). */
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
    y = wadd(y, -(m <= 2));
    int64_t era = floor_div(y, 400);
    int64_t yoe = y - era * 400;
    int64_t doy = wadd((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5, wadd(d, -1));
    int64_t doe = wadd(yoe * 365 + yoe / 4 - yoe / 100, doy);
    return wadd(wmul(era, 146097), wadd(doe, -719468));
}

typedef struct Civil {
    int64_t year, month, day, yday; /* yday 1..366 */
    int64_t hour, min, sec, nsec;
    int64_t weekday;                /* 0 = Sunday */
    Zone zone;
} Civil;

static void civil_from_days(int64_t z, Civil *c) {
    z += 719468;
    int64_t era = floor_div(z, 146097);
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    c->day = doy - (153 * mp + 2) / 5 + 1;
    c->month = mp < 10 ? mp + 3 : mp - 9;
    c->year = yoe + era * 400 + (c->month <= 2);
}

/* Breaks Time slots t down in its own location. */
static Civil civil_of(const Slot *t) {
    Civil c;
    int64_t ut = t[T_SEC].i - UNIX_TO_INTERNAL;
    c.zone = zone_at(t[T_LOC].p, ut);
    int64_t local = ut + c.zone.offset;
    int64_t days = floor_div(local, SEC_PER_DAY);
    int64_t secs = local - days * SEC_PER_DAY;
    civil_from_days(days, &c);
    c.yday = days - days_from_civil(c.year, 1, 1) + 1;
    c.weekday = floor_mod(days + 4, 7); /* 1970-01-01 was a Thursday */
    c.hour = secs / 3600;
    c.min = secs / 60 % 60;
    c.sec = secs % 60;
    c.nsec = t[T_NSEC].i;
    return c;
}

static Slot *new_time(int64_t sec, int64_t nsec, Slot *loc) {
    Slot *t = gc_alloc(T_SLOTS * sizeof(Slot));
    t[T_SEC].i = sec;
    t[T_NSEC].i = nsec;
    t[T_LOC].p = loc;
    return t;
}

/* Go's norm: moves whole multiples of base from lo into hi so that
 * 0 <= lo < base. */
static void norm(int64_t *hi, int64_t *lo, int64_t base) {
    if (*lo < 0) {
        int64_t n = (-(*lo + 1)) / base + 1;
        *hi = wadd(*hi, -n);
        *lo = wadd(*lo, wmul(n, base));
    }
    if (*lo >= base) {
        int64_t n = *lo / base;
        *hi = wadd(*hi, n);
        *lo -= n * base;
    }
}

/* date(year, month, day, hour, min, sec, nsec, loc) (sec, nsec int64): the
 * instant of a wall time in loc, for time.Date (which checks loc != nil and
 * sets the location). Out-of-range fields carry (October 32 is November 1);
 * a wall time that a zone transition skips or repeats resolves as Go's does
 * (the offset is looked up twice). */
static int n_date(Fiber *f, Slot *a) {
    int64_t year = a[0].i, m = a[1].i - 1, day = a[2].i, hour = a[3].i;
    int64_t min = a[4].i, sec = a[5].i, nsec = a[6].i;
    norm(&year, &m, 12);
    norm(&sec, &nsec, NS_PER_SEC);
    norm(&min, &sec, 60);
    norm(&hour, &min, 60);
    norm(&day, &hour, 24);
    int64_t ut = wadd(wmul(days_from_civil(year, m + 1, day), SEC_PER_DAY),
                      wadd(wmul(hour, 3600), min * 60 + sec));
    const Slot *loc = a[7].p;
    int64_t offset = zone_at(loc, ut).offset;
    if (offset != 0)
        offset = zone_at(loc, wadd(ut, -offset)).offset;
    a[0].i = wadd(wadd(ut, -offset), UNIX_TO_INTERNAL);
    a[1].i = nsec;
    return NATIVE_OK;
}

/* ---- names --------------------------------------------------------------------- */

static const char *const month_names[12] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"};
static const char *const day_names[7] = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

/* Month.String / Weekday.String: out of range prints "%!Month(13)", and
 * Weekday(-1) as "%!Weekday(18446744073709551615)", as Go does. */
static int name_or_bad(Slot *a, const char *const *names, int64_t lo,
                       int64_t n, const char *type) {
    int64_t v = a[0].i;
    if (v >= lo && v < lo + n) {
        a[0].p = str_from_cstr(names[v - lo]);
        return NATIVE_OK;
    }
    StrBuf b;
    sb_init(&b);
    sb_printf(&b, "%%!%s(%llu)", type, (unsigned long long)v); /* Go prints it as uint64 */
    a[0].p = sb_str(&b);
    return NATIVE_OK;
}

static int n_Month_String(Fiber *f, Slot *a) {
    return name_or_bad(a, month_names, 1, 12, "Month");
}

static int n_Weekday_String(Fiber *f, Slot *a) {
    return name_or_bad(a, day_names, 0, 7, "Weekday");
}

/* ---- Duration ------------------------------------------------------------------- */

/* Go's Duration.String: "1h2m3.5s", "1.5s", "150ms", "1µs", "0s". Under a
 * second the unit shrinks (ms, µs, ns) and the fraction keeps only its
 * significant digits; from a second up the form is [h][m]s. */
void time_format_duration(StrBuf *b, int64_t d) {
    uint64_t u = d < 0 ? -(uint64_t)d : (uint64_t)d;
    if (u == 0) {
        sb_puts(b, "0s");
        return;
    }
    if (d < 0)
        sb_putc(b, '-');
    const char *unit = "s";
    int prec = 9;
    if (u < 1000) {
        unit = "ns";
        prec = 0;
    } else if (u < 1000000) {
        unit = "\xc2\xb5s"; /* µs, U+00B5 as Go prints it */
        prec = 3;
    } else if (u < (uint64_t)NS_PER_SEC) {
        unit = "ms";
        prec = 6;
    }
    uint64_t scale = 1;
    for (int i = 0; i < prec; i++)
        scale *= 10;
    uint64_t whole = u / scale, frac = u % scale;
    if (prec == 9) {
        uint64_t h = whole / 3600, m = whole / 60 % 60;
        if (h)
            sb_printf(b, "%lluh", (unsigned long long)h);
        if (h || m)
            sb_printf(b, "%llum", (unsigned long long)m);
        whole %= 60;
    }
    sb_printf(b, "%llu", (unsigned long long)whole);
    if (frac) {
        char digits[24];
        snprintf(digits, sizeof digits, "%0*llu", prec, (unsigned long long)frac);
        int n = prec;
        while (digits[n - 1] == '0')
            n--;
        sb_putc(b, '.');
        sb_write(b, digits, n);
    }
    sb_puts(b, unit);
}

static int n_Duration_String(Fiber *f, Slot *a) {
    StrBuf b;
    sb_init(&b);
    time_format_duration(&b, a[0].i);
    a[0].p = sb_str(&b);
    return NATIVE_OK;
}

/* Seconds/Minutes/Hours split into whole units and a remainder first, as Go
 * does, so large durations keep their low digits. */
static double in_units(int64_t d, int64_t unit) {
    return (double)(d / unit) + (double)(d % unit) / (double)unit;
}

static int n_Duration_Seconds(Fiber *f, Slot *a) {
    a[0].f = in_units(a[0].i, NS_PER_SEC);
    return NATIVE_OK;
}

static int n_Duration_Minutes(Fiber *f, Slot *a) {
    a[0].f = in_units(a[0].i, 60 * NS_PER_SEC);
    return NATIVE_OK;
}

static int n_Duration_Hours(Fiber *f, Slot *a) {
    a[0].f = in_units(a[0].i, 3600 * NS_PER_SEC);
    return NATIVE_OK;
}

static int n_Duration_Truncate(Fiber *f, Slot *a) {
    int64_t d = a[0].i, m = a[1].i;
    if (m > 0)
        a[0].i = d - d % m;
    return NATIVE_OK;
}

static bool less_than_half(int64_t x, int64_t y) {
    return (uint64_t)x + (uint64_t)x < (uint64_t)y;
}

/* Round half away from zero; saturates at the int64 limits. */
int64_t time_round_duration(int64_t d, int64_t m) {
    if (m <= 0)
        return d;
    int64_t r = d % m;
    if (d < 0) {
        r = -r;
        if (less_than_half(r, m))
            return d + r;
        int64_t d1 = (int64_t)((uint64_t)d - (uint64_t)m + (uint64_t)r);
        return d1 < d ? d1 : MIN_DURATION;
    }
    if (less_than_half(r, m))
        return d - r;
    int64_t d1 = (int64_t)((uint64_t)d + (uint64_t)m - (uint64_t)r);
    return d1 > d ? d1 : MAX_DURATION;
}

static int n_Duration_Round(Fiber *f, Slot *a) {
    a[0].i = time_round_duration(a[0].i, a[1].i);
    return NATIVE_OK;
}

static int n_Duration_Abs(Fiber *f, Slot *a) {
    int64_t d = a[0].i;
    a[0].i = d >= 0 ? d : d == MIN_DURATION ? MAX_DURATION : -d;
    return NATIVE_OK;
}

/* ---- Format ------------------------------------------------------------------------ */

/* Layout elements (Go's reference time: Mon Jan 2 15:04:05 MST 2006). */
typedef enum Std {
    STD_NONE, STD_LONG_MONTH, STD_MONTH, STD_NUM_MONTH, STD_ZERO_MONTH,
    STD_LONG_WEEKDAY, STD_WEEKDAY, STD_DAY, STD_UNDER_DAY, STD_ZERO_DAY,
    STD_UNDER_YDAY, STD_ZERO_YDAY, STD_HOUR, STD_HOUR12, STD_ZERO_HOUR12,
    STD_MINUTE, STD_ZERO_MINUTE, STD_SECOND, STD_ZERO_SECOND, STD_LONG_YEAR,
    STD_YEAR, STD_PM, STD_pm, STD_TZ,
    /* numeric zones: Z-forms print "Z" for UTC */
    STD_ISO_TZ, STD_ISO_COLON_TZ, STD_ISO_SHORT_TZ, STD_ISO_SEC_TZ,
    STD_ISO_COLON_SEC_TZ, STD_NUM_TZ, STD_NUM_COLON_TZ, STD_NUM_SHORT_TZ,
    STD_NUM_SEC_TZ, STD_NUM_COLON_SEC_TZ,
    STD_FRAC0, STD_FRAC9, /* ".000" fixed / ".999" trimmed; width in Chunk */
} Std;

typedef struct Chunk {
    Std std;
    int len;   /* bytes of layout the element spans */
    int width; /* fractional digits */
} Chunk;

static bool at(const char *p, int64_t n, const char *word) {
    int64_t k = (int64_t)strlen(word);
    return n >= k && memcmp(p, word, (size_t)k) == 0;
}

static bool lower_at(const char *p, int64_t n) { return n > 0 && *p >= 'a' && *p <= 'z'; }
static bool digit_at(const char *p, int64_t n) { return n > 0 && *p >= '0' && *p <= '9'; }

/* Zone elements, longest first so "-0700" is not read as "-07". */
static const struct { const char *word; Std iso, num; } zone_words[] = {
    {"070000", STD_ISO_SEC_TZ, STD_NUM_SEC_TZ},
    {"07:00:00", STD_ISO_COLON_SEC_TZ, STD_NUM_COLON_SEC_TZ},
    {"0700", STD_ISO_TZ, STD_NUM_TZ},
    {"07:00", STD_ISO_COLON_TZ, STD_NUM_COLON_TZ},
    {"07", STD_ISO_SHORT_TZ, STD_NUM_SHORT_TZ},
};

static Chunk zone_chunk(const char *p, int64_t n) {
    for (size_t i = 0; i < sizeof zone_words / sizeof zone_words[0]; i++)
        if (at(p + 1, n - 1, zone_words[i].word))
            return (Chunk){*p == 'Z' ? zone_words[i].iso : zone_words[i].num,
                           1 + (int)strlen(zone_words[i].word), 0};
    return (Chunk){STD_NONE, 0, 0};
}

/* A fraction ".000"/",999": a run of one digit kind not followed by a
 * digit. */
static Chunk frac_chunk(const char *p, int64_t n) {
    if (n < 2 || (p[1] != '0' && p[1] != '9'))
        return (Chunk){STD_NONE, 0, 0};
    int j = 1;
    while (j < n && p[j] == p[1])
        j++;
    if (digit_at(p + j, n - j))
        return (Chunk){STD_NONE, 0, 0};
    return (Chunk){p[1] == '0' ? STD_FRAC0 : STD_FRAC9, j, j - 1};
}

/* The layout element starting at p (n bytes left), or STD_NONE. */
static Chunk std_at(const char *p, int64_t n) {
    switch (*p) {
    case 'J':
        if (at(p, n, "January"))
            return (Chunk){STD_LONG_MONTH, 7, 0};
        if (at(p, n, "Jan") && !lower_at(p + 3, n - 3))
            return (Chunk){STD_MONTH, 3, 0};
        break;
    case 'M':
        if (at(p, n, "Monday"))
            return (Chunk){STD_LONG_WEEKDAY, 6, 0};
        if (at(p, n, "Mon") && !lower_at(p + 3, n - 3))
            return (Chunk){STD_WEEKDAY, 3, 0};
        if (at(p, n, "MST"))
            return (Chunk){STD_TZ, 3, 0};
        break;
    case '0':
        if (at(p, n, "002"))
            return (Chunk){STD_ZERO_YDAY, 3, 0};
        if (n >= 2 && p[1] >= '1' && p[1] <= '6') {
            static const Std zero[] = {STD_ZERO_MONTH, STD_ZERO_DAY, STD_ZERO_HOUR12,
                                       STD_ZERO_MINUTE, STD_ZERO_SECOND, STD_YEAR};
            return (Chunk){zero[p[1] - '1'], 2, 0};
        }
        break;
    case '1':
        if (at(p, n, "15"))
            return (Chunk){STD_HOUR, 2, 0};
        return (Chunk){STD_NUM_MONTH, 1, 0};
    case '2':
        if (at(p, n, "2006"))
            return (Chunk){STD_LONG_YEAR, 4, 0};
        return (Chunk){STD_DAY, 1, 0};
    case '_':
        /* "_2006" is a literal '_' then the year. */
        if (at(p, n, "_2") && !at(p, n, "_2006"))
            return (Chunk){STD_UNDER_DAY, 2, 0};
        if (at(p, n, "__2"))
            return (Chunk){STD_UNDER_YDAY, 3, 0};
        break;
    case '3': return (Chunk){STD_HOUR12, 1, 0};
    case '4': return (Chunk){STD_MINUTE, 1, 0};
    case '5': return (Chunk){STD_SECOND, 1, 0};
    case 'P':
        if (at(p, n, "PM"))
            return (Chunk){STD_PM, 2, 0};
        break;
    case 'p':
        if (at(p, n, "pm"))
            return (Chunk){STD_pm, 2, 0};
        break;
    case '-':
    case 'Z':
        return zone_chunk(p, n);
    case '.':
    case ',':
        return frac_chunk(p, n);
    }
    return (Chunk){STD_NONE, 0, 0};
}

/* Go's appendInt(b, x, width): sign, then |x| zero-padded to width. */
static void put_int(StrBuf *b, int64_t x, int width) {
    uint64_t u = (uint64_t)x;
    if (x < 0) {
        sb_putc(b, '-');
        u = -u;
    }
    sb_printf(b, "%0*llu", width, (unsigned long long)u);
}

static void put_zone_num(StrBuf *b, Std std, int64_t offset) {
    bool iso = std >= STD_ISO_TZ && std <= STD_ISO_COLON_SEC_TZ;
    if (iso && offset == 0) {
        sb_putc(b, 'Z');
        return;
    }
    if (iso)
        std = std - STD_ISO_TZ + STD_NUM_TZ;
    /* As Go: the sign is the whole minutes' (an offset of -52 s prints
     * "+00:00"), and the seconds keep the offset's own sign. */
    int64_t zone = offset / 60, abs = offset;
    if (zone < 0) {
        zone = -zone;
        abs = -abs;
    }
    sb_putc(b, offset / 60 < 0 ? '-' : '+');
    put_int(b, zone / 60, 2);
    bool colon = std == STD_NUM_COLON_TZ || std == STD_NUM_COLON_SEC_TZ;
    if (std == STD_NUM_SHORT_TZ)
        return;
    if (colon)
        sb_putc(b, ':');
    put_int(b, zone % 60, 2);
    if (std == STD_NUM_SEC_TZ || std == STD_NUM_COLON_SEC_TZ) {
        if (colon)
            sb_putc(b, ':');
        put_int(b, abs % 60, 2);
    }
}

/* Fractional seconds: fixed width, or trimmed of trailing zeros (and then
 * omitted entirely, separator included, when nothing is left). */
static void put_frac(StrBuf *b, char sep, int64_t nsec, int width, bool trim) {
    char digits[24];
    snprintf(digits, sizeof digits, "%09lld", (long long)nsec);
    int n = width > 9 ? 9 : width;
    if (trim)
        while (n > 0 && digits[n - 1] == '0')
            n--;
    if (trim && n == 0)
        return;
    sb_putc(b, sep);
    sb_write(b, digits, n);
}

static void put_std(StrBuf *b, Chunk ch, char sep, const Civil *c) {
    int64_t h12 = c->hour % 12 == 0 ? 12 : c->hour % 12;
    switch (ch.std) {
    case STD_LONG_MONTH: sb_puts(b, month_names[c->month - 1]); break;
    case STD_MONTH: sb_write(b, month_names[c->month - 1], 3); break;
    case STD_NUM_MONTH: put_int(b, c->month, 0); break;
    case STD_ZERO_MONTH: put_int(b, c->month, 2); break;
    case STD_LONG_WEEKDAY: sb_puts(b, day_names[c->weekday]); break;
    case STD_WEEKDAY: sb_write(b, day_names[c->weekday], 3); break;
    case STD_DAY: put_int(b, c->day, 0); break;
    case STD_UNDER_DAY:
        if (c->day < 10)
            sb_putc(b, ' ');
        put_int(b, c->day, 0);
        break;
    case STD_ZERO_DAY: put_int(b, c->day, 2); break;
    case STD_UNDER_YDAY:
        sb_printf(b, "%3lld", (long long)c->yday);
        break;
    case STD_ZERO_YDAY: put_int(b, c->yday, 3); break;
    case STD_HOUR: put_int(b, c->hour, 2); break;
    case STD_HOUR12: put_int(b, h12, 0); break;
    case STD_ZERO_HOUR12: put_int(b, h12, 2); break;
    case STD_MINUTE: put_int(b, c->min, 0); break;
    case STD_ZERO_MINUTE: put_int(b, c->min, 2); break;
    case STD_SECOND: put_int(b, c->sec, 0); break;
    case STD_ZERO_SECOND: put_int(b, c->sec, 2); break;
    case STD_LONG_YEAR: put_int(b, c->year, 4); break;
    case STD_YEAR: put_int(b, (c->year < 0 ? -c->year : c->year) % 100, 2); break;
    case STD_PM: sb_puts(b, c->hour >= 12 ? "PM" : "AM"); break;
    case STD_pm: sb_puts(b, c->hour >= 12 ? "pm" : "am"); break;
    case STD_TZ:
        if (c->zone.name_len > 0) {
            sb_write(b, c->zone.name, c->zone.name_len);
        } else { /* unnamed zone: "+0100" */
            put_zone_num(b, STD_NUM_TZ, c->zone.offset / 60 * 60);
        }
        break;
    case STD_FRAC0: put_frac(b, sep, c->nsec, ch.width, false); break;
    case STD_FRAC9: put_frac(b, sep, c->nsec, ch.width, true); break;
    case STD_NONE: break;
    default: put_zone_num(b, ch.std, c->zone.offset); break;
    }
}

/* Go's Time.Format: layout text is copied, reference-time elements are
 * replaced by t's fields. */
void time_format(StrBuf *b, const Slot *t, const char *layout, int64_t n) {
    Civil c = civil_of(t);
    int64_t lit = 0; /* start of the pending literal run */
    for (int64_t i = 0; i < n;) {
        Chunk ch = std_at(layout + i, n - i);
        if (ch.std == STD_NONE) {
            i++;
            continue;
        }
        sb_write(b, layout + lit, i - lit);
        put_std(b, ch, layout[i], &c);
        i += ch.len;
        lit = i;
    }
    sb_write(b, layout + lit, n - lit);
}

/* nextStd(layout string) (i, n, std, width int): Parse's walk over the
 * layout (time.go): the first element, at byte i spanning n bytes. */
static int n_nextStd(Fiber *f, Slot *a) {
    Str *s = a[0].p;
    const char *p = str_data(s);
    int64_t n = str_len(s), i = 0;
    Chunk ch = {STD_NONE, 0, 0};
    for (; i < n; i++)
        if ((ch = std_at(p + i, n - i)).std != STD_NONE)
            break;
    a[0].i = i;
    a[1].i = ch.len;
    a[2].i = ch.std;
    a[3].i = ch.width;
    return NATIVE_OK;
}

#define TIME(i) ((const Slot *)a[i].p)

static int n_Time_Format(Fiber *f, Slot *a) {
    StrBuf b;
    sb_init(&b);
    Str *layout = a[1].p;
    time_format(&b, TIME(0), str_data(layout), str_len(layout));
    a[0].p = sb_str(&b);
    return NATIVE_OK;
}

/* "2006-01-02 15:04:05.999999999 -0700 MST", then " m=+S.NNNNNNNNN" when t
 * carries a monotonic reading. */
static int n_Time_String(Fiber *f, Slot *a) {
    static const char layout[] = "2006-01-02 15:04:05.999999999 -0700 MST";
    const Slot *t = TIME(0);
    StrBuf b;
    sb_init(&b);
    time_format(&b, t, layout, (int64_t)sizeof layout - 1);
    if (t[T_HASMONO].i) {
        int64_t m = t[T_MONO].i;
        uint64_t u = m < 0 ? -(uint64_t)m : (uint64_t)m;
        sb_printf(&b, " m=%c%llu.%09llu", m < 0 ? '-' : '+',
                  (unsigned long long)(u / NS_PER_SEC),
                  (unsigned long long)(u % NS_PER_SEC));
    }
    a[0].p = sb_str(&b);
    return NATIVE_OK;
}

/* ---- fields ------------------------------------------------------------------------ */

static int n_Time_Date(Fiber *f, Slot *a) {
    Civil c = civil_of(TIME(0));
    a[0].i = c.year;
    a[1].i = c.month;
    a[2].i = c.day;
    return NATIVE_OK;
}

static int n_Time_Clock(Fiber *f, Slot *a) {
    Civil c = civil_of(TIME(0));
    a[0].i = c.hour;
    a[1].i = c.min;
    a[2].i = c.sec;
    return NATIVE_OK;
}

#define FIELD_NATIVE(NAME, FIELD)                 \
    static int n_Time_##NAME(Fiber *f, Slot *a) { \
        a[0].i = civil_of(TIME(0)).FIELD;         \
        return NATIVE_OK;                         \
    }
FIELD_NATIVE(Year, year)
FIELD_NATIVE(Month, month)
FIELD_NATIVE(Day, day)
FIELD_NATIVE(Hour, hour)
FIELD_NATIVE(Minute, min)
FIELD_NATIVE(Second, sec)
FIELD_NATIVE(Weekday, weekday)
FIELD_NATIVE(YearDay, yday)

static int n_Time_Zone(Fiber *f, Slot *a) {
    Civil c = civil_of(TIME(0));
    a[0].p = str_new(c.zone.name, c.zone.name_len);
    a[1].i = c.zone.offset;
    return NATIVE_OK;
}

/* r = (t - zero time) mod d, as a floor remainder in [0, d). */
static int64_t time_rem(const Slot *t, int64_t d) {
    __int128 total = (__int128)t[T_SEC].i * NS_PER_SEC + t[T_NSEC].i;
    __int128 r = total % d;
    return (int64_t)(r < 0 ? r + d : r);
}

/* t + ns as a fresh Time without monotonic reading, same location. */
static Slot *time_plus(const Slot *t, __int128 ns) {
    __int128 total = (__int128)t[T_SEC].i * NS_PER_SEC + t[T_NSEC].i + ns;
    __int128 sec = total / NS_PER_SEC, nsec = total % NS_PER_SEC;
    if (nsec < 0) {
        nsec += NS_PER_SEC;
        sec--;
    }
    return new_time((int64_t)sec, (int64_t)nsec, t[T_LOC].p);
}

/* Time.Truncate/Round(d): multiples of d since the zero time; d <= 0 only
 * strips the monotonic reading. Rounding halves go up, as in Go. */
static int n_Time_Truncate(Fiber *f, Slot *a) {
    const Slot *t = TIME(0);
    int64_t d = a[1].i;
    a[0].p = time_plus(t, d <= 0 ? 0 : -(__int128)time_rem(t, d));
    return NATIVE_OK;
}

static int n_Time_Round(Fiber *f, Slot *a) {
    const Slot *t = TIME(0);
    int64_t d = a[1].i;
    if (d <= 0) {
        a[0].p = time_plus(t, 0);
        return NATIVE_OK;
    }
    int64_t r = time_rem(t, d);
    a[0].p = time_plus(t, less_than_half(r, d) ? -(__int128)r : (__int128)d - r);
    return NATIVE_OK;
}

/* ---- timers (runtime/timer.c) ----------------------------------------------------------
 *
 * Sleep parks the goroutine (WAIT_SLEEP) and, in the park commit (the
 * goroutine has stopped), starts a one-shot RTimer whose function readies
 * it; the re-executed call finds its SleepRec in g->param and returns (the
 * blocking-native protocol of sync.c).
 *
 * A Timer, Ticker or AfterFunc is a TimeTimer (Timer.r / Ticker.r point to
 * it). Channel timers send a Time on a channel with a one-value buffer
 * (hidden: len and cap report 0, runtime/chan.c),
 * without blocking (a ticker whose reader is slow drops ticks). Go 1.23
 * semantics: Stop and Reset take the timer's send lock, stop the RTimer
 * (bumping its seq) and empty the channel; a firing takes the same lock and
 * sends only if the seq it was fired with is still current. So once Stop or
 * Reset has returned, no value prepared before it can be received, and Stop
 * reports true when it cancelled either a pending firing or an unreceived
 * value. Channel timers are weak (timer.h, GC): the channel points back to
 * the record, so a timer or ticker nobody can receive from any more is
 * collected, stopped or not. AfterFunc timers are strong: f must run.
 * LOCK ORDER: send lock < timerlock < channel lock.
 */

#define SLEEP_TAG 0x534c4550u /* "SLEP" */

typedef struct SleepRec {
    uint32_t tag;            /* SLEEP_TAG: checks g->param on resumption */
    RTimer rt;
    GSched *g;               /* immutable, like goid and when */
    int64_t goid;
    int64_t when;
} SleepRec;

static void wake_sleeper(Worker *w, RTimer *rt, void *arg, uint64_t seq) {
    SleepRec *s = arg;
    sched_ready(w, s->g, true);
}

typedef struct Sleeper {
    GSched *g;
    int64_t goid;
} Sleeper;

static bool is_sleeper(void *arg, void *ctx) {
    SleepRec *s = arg;
    Sleeper *want = ctx;
    return s->g == want->g && s->goid == want->goid;
}

bool time_wake_sleeper(GSched *g, int64_t goid) {
    Sleeper want = {g, goid};
    return timer_hurry(wake_sleeper, is_sleeper, &want) > 0;
}

/* Park commit: the sleeper has stopped, so its timer may fire at once. */
static bool sleep_commit(GSched *g, void *arg) {
    SleepRec *s = arg;
    timer_start(&s->rt, s->when, 0);
    return true;
}

static int n_Sleep(Fiber *f, Slot *a) {
    GSched *g = &f->sched;
    SleepRec *s = g->param;
    if (s) { /* resumed: the timer fired */
        if (s->tag != SLEEP_TAG)
            rt_fatal("time.Sleep: resumed goroutine has a foreign wait record");
        g->param = NULL;
        return NATIVE_OK;
    }
    if (a[0].i <= 0)
        return NATIVE_OK;
    s = sched_alloc(sizeof *s);
    s->tag = SLEEP_TAG;
    s->g = g;
    s->goid = g->goid;
    s->when = timer_when(a[0].i);
    timer_init(&s->rt, wake_sleeper, s);
    g->param = s;
    sched_park(g, sleep_commit, s, WAIT_SLEEP);
    return NATIVE_PARK;
}

typedef struct TimeTimer {
    RTimer rt;
    Lock sendlock;           /* serialises firings with Stop/Reset */
    Chan *c;                 /* channel timers: immutable */
    Slot *loc;               /* *Location of the Times sent: immutable */
    Closure *fn;             /* AfterFunc: immutable */
    CProgram *prog;          /* AfterFunc: the program fn belongs to */
} TimeTimer;

/* The current time as a Time (5 slots), as Now() makes it. */
static Slot *now_time(Slot *loc) {
    int64_t sec, nsec, mono;
    clock_now(&sec, &nsec, &mono);
    Slot *t = new_time(sec + UNIX_TO_INTERNAL, nsec, loc);
    t[T_MONO].i = mono;
    t[T_HASMONO].i = 1;
    return t;
}

static void send_time(Worker *w, RTimer *rt, void *arg, uint64_t seq) {
    TimeTimer *t = arg;
    lock_acquire(&t->sendlock);
    if (t->rt.seq == seq) { /* not stopped or reset since it fired */
        int st = chan_send(w, NULL, t->c, now_time(t->loc), false);
        (void)st; /* CHAN_WOULDBLOCK: the last tick is still unread */
    }
    lock_release(&t->sendlock);
}

static void run_func(Worker *w, RTimer *rt, void *arg, uint64_t seq) {
    TimeTimer *t = arg;
    lock_acquire(&t->sendlock);
    bool live = t->rt.seq == seq;
    lock_release(&t->sendlock);
    if (live)
        vm_go_detached(w, t->prog, t->fn);
}

/* newTimer(d, period Duration, c chan Time, loc *Location, f func()) *byte */
static int n_newTimer(Fiber *f, Slot *a) {
    TimeTimer *t = sched_alloc(sizeof *t);
    lock_setrank(&t->sendlock, LR_SENDLOCK);
    t->c = a[2].p;
    t->loc = a[3].p;
    t->fn = a[4].p;
    t->prog = f->prog;
    if (t->fn) { /* must run even if nobody keeps the *Timer */
        RACE_RELEASE(f, t->fn); /* AfterFunc happens before f starts */
        timer_init(&t->rt, run_func, t);
    } else {     /* collectable with its channel (Go 1.23) */
        timer_init_weak(&t->rt, send_time, t, t);
        t->c->timer = t;
    }
    timer_start(&t->rt, timer_when(a[0].i), a[1].i);
    a[0].p = t;
    return NATIVE_OK;
}

/* Empties a timer channel; true if a value was waiting. */
static bool drain(Worker *w, Chan *c) {
    Slot buf[T_SLOTS];
    bool ok = false;
    return chan_recv(w, NULL, c, buf, &ok, false) == CHAN_OK && ok;
}

/* Stops t and empties its channel (send lock held). */
static bool stop_locked(Worker *w, TimeTimer *t) {
    bool pending = timer_stop(&t->rt);
    if (t->c && drain(w, t->c))
        pending = true;
    return pending;
}

static int n_stopTimer(Fiber *f, Slot *a) {
    TimeTimer *t = a[0].p;
    lock_acquire(&t->sendlock);
    a[0].i = stop_locked(f->w, t);
    lock_release(&t->sendlock);
    return NATIVE_OK;
}

/* resetTimer(r *byte, d, period Duration) bool */
static int n_resetTimer(Fiber *f, Slot *a) {
    TimeTimer *t = a[0].p;
    /* Reset happens before the firing it schedules (Go's resetTimer
     * releases as newTimer does) */
    sched_note_sync(&f->sched);
    if (t->fn)
        RACE_RELEASE(f, t->fn);
    lock_acquire(&t->sendlock);
    bool pending = stop_locked(f->w, t);
    timer_start(&t->rt, timer_when(a[1].i), a[2].i);
    lock_release(&t->sendlock);
    a[0].i = pending;
    return NATIVE_OK;
}

const NativeEntry time_natives[] = {
    {"time.now", n_now},
    {"time.loadTZ", n_loadTZ},
    {"time.tzFromData", n_tzFromData},
    {"time.lookupZone", n_lookupZone},
    {"time.lookupName", n_lookupName},
    {"time.nextStd", n_nextStd},
    {"time.date", n_date},
    {"time.Month.String", n_Month_String},
    {"time.Weekday.String", n_Weekday_String},
    {"time.Duration.String", n_Duration_String},
    {"time.Duration.Seconds", n_Duration_Seconds},
    {"time.Duration.Minutes", n_Duration_Minutes},
    {"time.Duration.Hours", n_Duration_Hours},
    {"time.Duration.Truncate", n_Duration_Truncate},
    {"time.Duration.Round", n_Duration_Round},
    {"time.Duration.Abs", n_Duration_Abs},
    {"time.Time.Format", n_Time_Format},
    {"time.Time.String", n_Time_String},
    {"time.Time.Date", n_Time_Date},
    {"time.Time.Clock", n_Time_Clock},
    {"time.Time.Year", n_Time_Year},
    {"time.Time.Month", n_Time_Month},
    {"time.Time.Day", n_Time_Day},
    {"time.Time.Hour", n_Time_Hour},
    {"time.Time.Minute", n_Time_Minute},
    {"time.Time.Second", n_Time_Second},
    {"time.Time.Weekday", n_Time_Weekday},
    {"time.Time.YearDay", n_Time_YearDay},
    {"time.Time.Zone", n_Time_Zone},
    {"time.Time.Truncate", n_Time_Truncate},
    {"time.Time.Round", n_Time_Round},
    {"time.Sleep", n_Sleep},
    {"time.newTimer", n_newTimer},
    {"time.stopTimer", n_stopTimer},
    {"time.resetTimer", n_resetTimer},
    {NULL, NULL},
};
