/*
 * map.c — Go maps: a hash table keyed by rt_hash/rt_equal (value.c).
 *
 * LAYOUT ("compact dict"): a map's Store holds
 *   ents   an append-only array of entries, each `stride` slots:
 *            [hash][key: ksize slots][value: vsize slots]
 *          hash is the key's hash with the top bit set, so 0 marks a deleted
 *          entry (deletion clears the entry, it is never reused);
 *   index  an open-addressing table (linear probing, power-of-two size, at
 *          least twice the entry capacity, so it is never more than half
 *          full) of entry numbers + 1; 0 = empty, TOMB = deleted.
 * The cached hash makes probing cheap (a mismatch rarely touches the key)
 * and makes rebuilding the index free of rehashing. When the entry array is
 * full, a new Store is built from the live entries (doubling only when more
 * than half of them are live), so insert/delete churn stays amortised O(1).
 *
 * ITERATION: a MapIter remembers the Store it started on, the number of
 * entries then, and a random starting entry; it visits positions start..n-1
 * then 0..start-1. Deleted entries are skipped, so an entry deleted before
 * it is reached is not produced; entries appended during the loop lie past
 * n and are not produced (Go allows either). If the map gets a new Store
 * meanwhile (growth, compaction, clear), the iterator keeps walking its old
 * Store — frozen from then on — and produces an old entry only if its key
 * is still in the map, by finding its copy in the current Store: no entry
 * is produced twice and no deleted entry reappears.
 *
 * ORDER is randomised per map_iter_init call by the start position; hashes
 * are seeded per map, so no program can depend on either.
 *
 * RACES: like Go, a write sets `writing` for its duration and a read or a
 * second write that sees it set stops the program with Go's fatal error
 * (best effort, not a guarantee). Whatever a race does, a reader loads the
 * Store pointer once and bounds-checks entry numbers against that Store, so
 * it never reads outside an object: a race may lose updates, never crash.
 *
 * MISUSE WINDOWS (detection that does not depend on -procs): a map write is
 * one native step in csp, so at -procs 1 no goroutine is ever seen "inside"
 * another's write. Instead each write leaves a window (wg: the writer, and
 * wstamp: its GSched.syncgen then) that stays open until the writer parks,
 * ends, or does any synchronising release (sched_note_sync); a range step
 * leaves one the same way (ig, istamp), closed early by the range's end.
 * Another goroutine's map access while a window is open cannot be ordered
 * after the windowed access by Go's memory model (every happens-before
 * edge out of a goroutine starts at one of its releases, and none has
 * happened since), so it is a real race: Go's fatal error is reported
 * (writes, reads and range steps against a write window; writes against a
 * range window). Only misses, never a false report, PROVIDED every release
 * bumps syncgen: channel send/receive/close/select (chan.c), `go`
 * (fiber.c), park and goroutine end (sched.c, sim.c), the RACE_RELEASE and
 * RACE_ACQ_REL hooks (Unlock, RUnlock, WaitGroup.Done, Cond, atomics,
 * Pool.Put, AfterFunc and Reset), the VM's inline Mutex fast path (vm.c
 * CALL_FAST) and the end of a REPL input (goroutine.c). A new release
 * without a bump is a false report waiting to happen. syncgen values are
 * unique per record (it starts at the record's first goid << 32), so a
 * (who, stamp) pair torn by two parallel rangers never matches. The race
 * reported may be one that Go itself would only catch under -race (a
 * goroutine that wrote and then runs on with no synchronisation at all).
 * Under -race the happens-before detector reports instead, so the windows
 * are not checked.
 */
#include <string.h>

#include "config.h"
#include "race.h"
#include "rt.h"
#include "vm.h"

enum { MIN_ENTRIES = 8 };
/* Entry numbers + 1 are 32-bit in the index (half of it for the hint's
 * doubling): 2^31 entries is over 48 GB of entries, past any real map. */
#define MAP_MAX_ENTRIES (INT64_C(1) << 31)
/* Entries this large (slots) are allocated one at a time at first. */
#define BIG_STRIDE 4096
#define TOMB 0xFFFFFFFFu
#define HASH_LIVE (1ull << 63)

typedef struct Store {
    int64_t ecap;     /* entry capacity; immutable */
    int64_t n;        /* entries used (live or deleted), <= ecap */
    uint64_t mask;    /* index size - 1; immutable */
    uint32_t *index;  /* entry number + 1, 0 empty, TOMB deleted */
    Slot *ents;       /* ecap * stride slots */
} Store;

typedef enum KeyMode {
    KEY_WORD,    /* one slot compared bitwise: ints, bools, pointers, chans */
    KEY_STR,     /* string: length + memcmp */
    KEY_GENERIC, /* rt_equal: floats, interfaces, structs, arrays */
} KeyMode;

struct Map {
    Type *type;          /* immutable */
    Store *st;           /* replaced wholesale by rebuild/clear */
    int64_t count;       /* live entries */
    uint64_t seed;       /* immutable: per-map hash seed */
    int64_t ksize, vsize, stride; /* immutable, in slots */
    KeyMode mode;        /* immutable */
    int writing;         /* race detector flag; relaxed atomics */
    /* misuse windows (see the file comment): any thread, relaxed; the
     * stamp is goid<<32 | syncgen, so a torn pair never matches */
    GSched *wg, *ig;     /* last writer, last ranging goroutine */
    uint64_t wstamp, istamp;
};

/* ---- stores ------------------------------------------------------------------- */

/* ecap 0 only from map_new: an empty map of huge entries allocates none
 * (Go's empty map has no groups); the first insert rebuilds. */
static Store *store_new(const Map *m, int64_t ecap) {
    int64_t min = m->stride > BIG_STRIDE ? 1 : MIN_ENTRIES;
    if (ecap < min && !(ecap == 0 && m->count == 0 && !m->st))
        ecap = min;
    if (ecap > MAP_MAX_ENTRIES)   /* the index holds 32-bit entry numbers */
        gc_out_of_memory((size_t)-1);
    uint64_t isize = 16;
    while (isize < (uint64_t)ecap * 2)
        isize *= 2;
    Store *st = gc_alloc(sizeof(Store));
    st->ecap = ecap;
    st->mask = isize - 1;
    st->index = gc_alloc_atomic(isize * sizeof(uint32_t));
    memset(st->index, 0, isize * sizeof(uint32_t));
    st->ents = gc_alloc((size_t)ecap * m->stride * sizeof(Slot));
    return st;
}

static Slot *entry(const Map *m, const Store *st, int64_t e) {
    return st->ents + e * m->stride;
}

/* Puts entry e (hash h) into the first free index slot of its chain. */
static void index_put(Store *st, uint64_t h, int64_t e) {
    uint64_t i = h & st->mask;
    while (st->index[i] != 0 && st->index[i] != TOMB)
        i = (i + 1) & st->mask;
    st->index[i] = (uint32_t)(e + 1);
}

/* A fresh Store holding the live entries of the current one, with room for
 * as many again (the next rebuild is at least `live` appends away). */
static void rebuild(Map *m) {
    Store *old = m->st;
    Store *st = store_new(m, m->count * 2);
    int64_t k = 0;
    for (int64_t e = 0; e < old->n; e++) {
        Slot *src = entry(m, old, e);
        if (src[0].u == 0)
            continue;
        memcpy(entry(m, st, k), src, m->stride * sizeof(Slot));
        index_put(st, src[0].u, k);
        k++;
    }
    st->n = k;
    m->st = st;
}

/* ---- keys ---------------------------------------------------------------------- */

static bool key_equal(const Map *m, const Slot *a, const Slot *b, Type **bad) {
    switch (m->mode) {
    case KEY_WORD:
        return a->u == b->u;
    case KEY_STR: {
        const Str *x = a->p, *y = b->p;
        if (x == y)
            return true;
        return x && y && x->len == y->len &&
               memcmp(x->data, y->data, (size_t)x->len) == 0;
    }
    default:
        return rt_equal(m->type->key, a, b, bad);
    }
}

static uint64_t key_hash(const Map *m, const Slot *key, Type **bad) {
    return rt_hash(m->type->key, key, m->seed, bad) | HASH_LIVE;
}

/* Entry number of key (hash h) in st, or -1; *slot gets its index slot. */
static int64_t find(const Map *m, const Store *st, const Slot *key, uint64_t h,
                    uint64_t *slot, Type **bad) {
    uint64_t i = h & st->mask;
    for (uint64_t probes = 0; probes <= st->mask; probes++) {
        uint32_t x = st->index[i];
        if (x == 0)
            return -1;
        if (x != TOMB && (int64_t)x <= st->ecap) {
            const Slot *ent = entry(m, st, x - 1);
            if (ent[0].u == h && key_equal(m, ent + 1, key, bad)) {
                *slot = i;
                return x - 1;
            }
            if (*bad)
                return -1;
        }
        i = (i + 1) & st->mask;
    }
    return -1;
}

/* The entry of cur that is a copy of `old` (an entry of an earlier Store):
 * same hash and bitwise the same key, as rebuild copies entries. Bitwise
 * rather than ==, so NaN keys are found too; a key deleted and inserted
 * again may be missed, which Go allows (it is a new entry). */
static Slot *find_same(const Map *m, const Store *cur, const Slot *old) {
    uint64_t i = old[0].u & cur->mask;
    for (uint64_t probes = 0; probes <= cur->mask; probes++) {
        uint32_t x = cur->index[i];
        if (x == 0)
            return NULL;
        if (x != TOMB && (int64_t)x <= cur->ecap) {
            Slot *ent = entry(m, cur, x - 1);
            if (ent[0].u == old[0].u &&
                memcmp(ent + 1, old + 1, m->ksize * sizeof(Slot)) == 0)
                return ent;
        }
        i = (i + 1) & cur->mask;
    }
    return NULL;
}

/* ---- race detection ------------------------------------------------------------- */

/* The windows (see the file comment). The common cases are a few loads
 * and a store, inline: no other goroutine's window, no write in progress. */

static inline uint64_t stamp(GSched *g) {
    return atomic_load_explicit(&g->syncgen, memory_order_relaxed);
}

static inline GSched *me(void) {
    Fiber *f = vm_running_fiber();
    return f ? &f->sched : NULL;
}

static inline GSched *load_who(GSched *const *who) {
    return __atomic_load_n(who, __ATOMIC_RELAXED);
}

/* Is g's window, stamped *st, open and not self's? Under -race the
 * happens-before detector reports instead (never a fatal error). */
static bool other_open(GSched *self, GSched *g, const uint64_t *st) {
    return g != self && g && self &&
           stamp(g) == __atomic_load_n(st, __ATOMIC_RELAXED) && !race_enabled;
}

static __attribute__((noinline, cold)) void write_slow(Map *m, GSched *self) {
    if (__atomic_load_n(&m->writing, __ATOMIC_RELAXED) ||
        other_open(self, load_who(&m->wg), &m->wstamp))
        rt_fatal("concurrent map writes");
    if (other_open(self, load_who(&m->ig), &m->istamp))
        rt_fatal("concurrent map iteration and map write");
    if (self)
        __atomic_store_n(&m->wg, self, __ATOMIC_RELAXED);
}

static void begin_write(Map *m) {
    GSched *self = me(), *i = load_who(&m->ig);
    if (__builtin_expect(__atomic_load_n(&m->writing, __ATOMIC_RELAXED) ||
                             load_who(&m->wg) != self || (i && i != self),
                         0))
        write_slow(m, self);
    __atomic_store_n(&m->writing, 1, __ATOMIC_RELAXED);
    if (self) /* self's window: open until its next release */
        __atomic_store_n(&m->wstamp, stamp(self), __ATOMIC_RELAXED);
}

static inline void end_write(Map *m) {
    __atomic_store_n(&m->writing, 0, __ATOMIC_RELAXED);
}

static __attribute__((noinline, cold)) void read_slow(Map *m, bool range) {
    if (__atomic_load_n(&m->writing, __ATOMIC_RELAXED) ||
        other_open(me(), load_who(&m->wg), &m->wstamp))
        rt_fatal(range ? "concurrent map iteration and map write"
                       : "concurrent map read and map write");
}

static inline void check_read(Map *m) {
    GSched *w = load_who(&m->wg);
    if (__builtin_expect(__atomic_load_n(&m->writing, __ATOMIC_RELAXED) ||
                             (w && w != me()),
                         0))
        read_slow(m, false);
}

/* A range step: checks against a write window, then opens self's range
 * window; the range's end closes it. */
static inline void check_range(Map *m) {
    GSched *self = me(), *w = load_who(&m->wg);
    if (__builtin_expect(__atomic_load_n(&m->writing, __ATOMIC_RELAXED) ||
                             (w && w != self),
                         0))
        read_slow(m, true);
    if (!self)
        return;
    __atomic_store_n(&m->istamp, stamp(self), __ATOMIC_RELAXED);
    if (load_who(&m->ig) != self)
        __atomic_store_n(&m->ig, self, __ATOMIC_RELAXED);
}

static void end_range(Map *m) {
    GSched *self = me();
    if (self && load_who(&m->ig) == self)
        __atomic_store_n(&m->ig, NULL, __ATOMIC_RELAXED);
}

/* ---- API ----------------------------------------------------------------------- */

static KeyMode key_mode(const Type *k) {
    if (k->kind == K_STRING)
        return KEY_STR;
    if (k->kind == K_FLOAT32 || k->kind == K_FLOAT64 ||
        k->kind == K_INTERFACE || type_is_boxed(k))
        return KEY_GENERIC;
    return KEY_WORD;
}

Map *map_new(Type *maptype, int64_t hint) {
    Map *m = gc_alloc(sizeof(Map));
    m->type = maptype;
    m->ksize = maptype->key->size;
    m->vsize = maptype->elem->size;
    m->stride = 1 + m->ksize + m->vsize;
    m->mode = key_mode(maptype->key);
    m->seed = rt_rand64();
    /* As Go: a hint no allocation could satisfy is only a hint (empty map). */
    if (hint > MAP_MAX_ENTRIES || hint > GO_MAX_ALLOC / (m->stride * 8))
        hint = 0;
    if (hint == 0 && m->stride <= BIG_STRIDE)
        hint = MIN_ENTRIES;
    m->st = store_new(m, hint);
    return m;
}

int64_t map_len(const Map *m) { return m ? m->count : 0; }

Type *map_type(const Map *m) { return m->type; }

Slot *map_get(Map *m, const Slot *key, Type **bad) {
    Type *b = NULL;
    if (bad)
        *bad = NULL;
    if (!m)
        return NULL;
    check_read(m);
    uint64_t h = key_hash(m, key, &b), slot;
    Store *st = m->st;
    int64_t e = b ? -1 : find(m, st, key, h, &slot, &b);
    if (bad)
        *bad = b;
    return e < 0 ? NULL : entry(m, st, e) + 1 + m->ksize;
}

Slot *map_set(Map *m, const Slot *key, Type **bad) {
    Type *b = NULL;
    if (bad)
        *bad = NULL;
    if (!m)
        return NULL;
    uint64_t h = key_hash(m, key, &b), slot;
    if (b) {
        if (bad)
            *bad = b;
        return NULL;
    }
    begin_write(m);
    int64_t e = find(m, m->st, key, h, &slot, &b);
    if (e < 0 && !b) {
        if (m->st->n >= m->st->ecap)
            rebuild(m);
        Store *st = m->st;
        e = st->n;
        Slot *ent = entry(m, st, e);
        ent[0].u = h;
        memcpy(ent + 1, key, m->ksize * sizeof(Slot));
        st->n = e + 1;
        index_put(st, h, e);
        m->count++;
    }
    Slot *val = e < 0 ? NULL : entry(m, m->st, e) + 1 + m->ksize;
    end_write(m);
    if (bad)
        *bad = b;
    return val;
}

void map_delete(Map *m, const Slot *key, Type **bad) {
    Type *b = NULL;
    if (bad)
        *bad = NULL;
    if (!m || m->count == 0) {
        /* Go still hashes the key: deleting an unhashable key panics. */
        if (m)
            key_hash(m, key, &b);
        if (bad)
            *bad = b;
        return;
    }
    uint64_t h = key_hash(m, key, &b), slot;
    if (!b) {
        begin_write(m);
        Store *st = m->st;
        int64_t e = find(m, st, key, h, &slot, &b);
        if (e >= 0) {
            st->index[slot] = TOMB;
            /* Clear the whole entry: hash 0 marks it deleted for iterators,
             * and the key/value references are released to the GC. */
            memset(entry(m, st, e), 0, m->stride * sizeof(Slot));
            m->count--;
        }
        end_write(m);
    }
    if (bad)
        *bad = b;
}

void map_clear(Map *m) {
    if (!m)
        return;
    begin_write(m);
    m->st = store_new(m, MIN_ENTRIES);
    m->count = 0;
    end_write(m);
}

/* ---- iteration ------------------------------------------------------------------
 * state[0] Store walked, [1] entries to visit (n at init), [2] start
 * position, [3] positions visited so far. */

void map_iter_init(Map *m, MapIter *it, uint64_t random) {
    memset(it, 0, sizeof *it);
    it->m = m;
    if (!m || m->count == 0)
        return;
    Store *st = m->st;
    it->state[0] = st;
    it->state[1] = (void *)(intptr_t)st->n;
    it->state[2] = (void *)(intptr_t)(st->n ? (int64_t)(random % (uint64_t)st->n) : 0);
}

bool map_iter_next(MapIter *it, Slot **key, Slot **val) {
    Map *m = it->m;
    Store *st = it->state[0];
    if (!st)
        return false;
    check_range(m);
    int64_t limit = (intptr_t)it->state[1], start = (intptr_t)it->state[2];
    int64_t k = (intptr_t)it->state[3];
    for (; k < limit; k++) {
        int64_t pos = start + k < limit ? start + k : start + k - limit;
        Slot *ent = entry(m, st, pos);
        if (ent[0].u == 0)
            continue;
        Store *cur = m->st;
        if (cur != st) {
            /* The map moved on to a new Store: yield the entry only if its
             * key is still there, and yield the live copy. */
            ent = find_same(m, cur, ent);
            if (!ent)
                continue;
        }
        it->state[3] = (void *)(intptr_t)(k + 1);
        *key = ent + 1;
        *val = ent + 1 + m->ksize;
        return true;
    }
    it->state[3] = (void *)(intptr_t)k;
    end_range(m);
    return false;
}
