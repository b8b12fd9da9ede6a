/*
 * race.c — the -race happens-before data-race detector.
 *
 * WHAT IT FINDS. Two accesses to the same slot by different goroutines, at
 * least one a write, neither happening before the other by Go's memory
 * model. Happens-before is tracked with vector clocks, the FastTrack way
 * (Flanagan & Freund, PLDI 2009): every goroutine (RaceThread) has a vector
 * clock VC, indexed by thread id (tid); its own entry VC[tid] is its current
 * epoch, bumped after every release. Every shared slot has a shadow cell
 * that remembers the epoch (tid@clock) of the last write and of the last
 * read — or, while reads by several goroutines are concurrent, a set of
 * read epochs (FastTrack's "read-shared" state). An access by t is ordered
 * after epoch u@c iff c <= t.VC[u]; anything else is a race.
 *
 * SYNCHRONISATION (Go's memory model; each edge is a release by one
 * goroutine into a sync clock and an acquire of that clock by another):
 *   go f()            the child starts with a copy of the parent's VC
 *   channels          chan.c: per ring slot (the channel itself when
 *                     unbuffered) both parties acquire and release the
 *                     slot's clock: send -> receive completes, and k-th
 *                     receive -> (k+C)-th send completes; close -> a
 *                     receive that sees the close (own clock per channel)
 *   sync              Mutex Unlock -> Lock; RWMutex Unlock -> RLock/Lock
 *                     (readerSem clock), RUnlock -> Lock (writerSem clock,
 *                     merged); WaitGroup Done -> Wait; Cond Signal/Broadcast
 *                     -> the woken Wait; Once, sync.Map and sync.Pool are Go
 *                     code over Mutex and atomics, so they inherit edges
 *   sync/atomic       every operation acquires and releases its address's
 *                     clock (sequentially consistent, as Go specifies)
 *   context, timers   Go code over Mutex/channels; AfterFunc's call releases
 *                     into its function's clock, acquired at its start
 * Sync clocks only ever grow (join), never overwrite: a join can only add
 * edges, so it may hide a race Go would see but never invents one.
 *
 * SHADOW MEMORY. A three-level table maps a slot address to its 48-byte
 * Shadow cell: L1 by address bits 32..47, L2 by bits 16..31, then a chunk
 * of cells for 64 KiB of program memory, each level created on first touch
 * (CAS-published, never freed), so only memory that csp code actually
 * accessed under -race has shadow. Chunks are anonymous mmap: untouched
 * cells cost no memory. Boehm reuses freed memory, so gc.c calls
 * race_alloc for every allocation: the new object's cells are cleared
 * (their history belonged to a dead object). A cell is updated under its
 * own spin lock; the common case — the same goroutine touching the slot
 * again in the same epoch — is one relaxed load and no lock (FastTrack's
 * "same epoch" rules). The sync clock of an address hangs off its cell.
 *
 * STACKS. A report shows both accesses' stacks, so each shadow update
 * records a stack id: stacks (Proto, instruction) per frame are interned in
 * a global depot (hash table under depot_lock; entries immutable once
 * published) behind a small per-thread cache, and only the slow path (a
 * new epoch) captures one. Goroutine creation stacks are interned too.
 *
 * REPORTS follow Go's (TSan's) format and deduplication: once per pair of
 * access locations and once per address; at exit `Found N data race(s)`
 * and exit status 66 (GORACE=exitcode=N changes it); GORACE=halt_on_error=1
 * exits at the first report.
 *
 * LIMITS AND CHOICES. Thread ids are never reused (a VC has one entry per
 * goroutine it has heard of); clocks are 32 bits. Atomic operations
 * synchronise but are not themselves recorded as accesses, so a plain
 * access racing with an atomic one is missed. Natives' own memory accesses
 * (fmt reading a slice, sort swapping elements) are not checked; csp code
 * in stdlib/NAME.go is checked like user code. Channel buffers and
 * sched_alloc'd runtime objects are never data, so their stale shadow is
 * harmless.
 *
 * REJECTED: a hash table keyed by address (a lock or probe per access; the
 * radix table is two dependent loads); a flag tested in each memory
 * instruction (costs every program; the race dispatch table costs only
 * -race runs); per-access full stacks (the depot makes a stack a 32-bit id).
 */
#include "race.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

#include "vm.h"

bool race_enabled;

/* ---- configuration ------------------------------------------------------------ */

static struct {
    bool halt_on_error;       /* GORACE=halt_on_error=1 */
    int exitcode;             /* GORACE=exitcode=N (Go: 66) */
} cfg = {false, 66};

/* ---- small spin locks (shadow cells, sync clocks) ------------------------------ */

static void spin_lock(_Atomic uint32_t *l) {
    for (;;) {
        /* acquire: pairs with spin_unlock's release */
        if (!atomic_exchange_explicit(l, 1, memory_order_acquire))
            return;
        while (atomic_load_explicit(l, memory_order_relaxed))
            __builtin_ia32_pause();
    }
}

static void spin_unlock(_Atomic uint32_t *l) {
    atomic_store_explicit(l, 0, memory_order_release);
}

/* ---- vector clocks --------------------------------------------------------------- */

typedef struct VClock {
    uint32_t n;               /* entries */
    uint32_t *c;              /* c[tid]: malloc'd */
} VClock;

static uint32_t vc_get(const VClock *v, uint32_t tid) {
    return tid < v->n ? v->c[tid] : 0;
}

static void vc_grow(VClock *v, uint32_t n) {
    if (n <= v->n)
        return;
    uint32_t cap = v->n ? v->n : 4;
    while (cap < n)
        cap *= 2;
    uint32_t *c = realloc(v->c, cap * sizeof *c);
    if (!c)
        rt_fatal("race: out of memory");
    memset(c + v->n, 0, (cap - v->n) * sizeof *c);
    v->c = c;
    v->n = cap;
}

/* dst = max(dst, src) */
static void vc_join(VClock *dst, const VClock *src) {
    uint32_t n = src->n;
    while (n > 0 && src->c[n - 1] == 0)
        n--;
    vc_grow(dst, n);
    for (uint32_t i = 0; i < n; i++)
        if (src->c[i] > dst->c[i])
            dst->c[i] = src->c[i];
}

/* An epoch: tid in the high 32 bits, clock in the low; 0 = none (clocks
 * start at 1). */
typedef uint64_t Epoch;
#define EP_TID(e) ((uint32_t)((e) >> 32))
#define EP_CLK(e) ((uint32_t)(e))
#define RSHARED UINT64_MAX   /* Shadow.r: the reads are in Shadow.rs */

/* ---- threads ------------------------------------------------------------------------ */

enum { CACHE_SIZE = 64, MAX_FRAMES = 64 };

struct RaceThread {
    uint32_t tid;
    /* goroutine number: known only once the scheduler numbered it, so set
     * by its first slow-path access (owner; read by reports, relaxed) */
    _Atomic int64_t goid;
    VClock vc;                /* owner only (or the waker of a parked owner) */
    Epoch epoch;              /* = tid@vc[tid] */
    uint32_t create_stk;      /* depot id of the go statement, 0: none */
    _Atomic bool finished;
    struct { uint64_t hash; uint32_t id; } cache[CACHE_SIZE]; /* owner */
};

/* Every RaceThread ever made, by tid (reports name old goroutines).
 * threads.lock guards the array; entries are immutable but `finished`. */
static struct {
    pthread_mutex_t lock;
    RaceThread **v;
    uint32_t n, cap;
} threads = {PTHREAD_MUTEX_INITIALIZER, NULL, 0, 0};

static RaceThread *thread_new(int64_t goid) {
    RaceThread *t = calloc(1, sizeof *t);
    if (!t)
        rt_fatal("race: out of memory");
    pthread_mutex_lock(&threads.lock);
    if (threads.n == threads.cap) {
        uint32_t cap = threads.cap ? 2 * threads.cap : 256;
        RaceThread **v = realloc(threads.v, cap * sizeof *v);
        if (!v)
            rt_fatal("race: out of memory");
        threads.v = v;
        threads.cap = cap;
    }
    t->tid = threads.n;
    threads.v[threads.n++] = t;
    pthread_mutex_unlock(&threads.lock);
    atomic_store_explicit(&t->goid, goid, memory_order_relaxed);
    vc_grow(&t->vc, t->tid + 1);
    t->vc.c[t->tid] = 1;
    t->epoch = (Epoch)t->tid << 32 | 1;
    return t;
}

static RaceThread *thread_by_tid(uint32_t tid) {
    pthread_mutex_lock(&threads.lock);
    RaceThread *t = tid < threads.n ? threads.v[tid] : NULL;
    pthread_mutex_unlock(&threads.lock);
    return t;
}

/* After a release: a new epoch, so later accesses are not covered by it. */
static void tick(RaceThread *t) {
    t->epoch = (Epoch)t->tid << 32 | ++t->vc.c[t->tid];
}

/* Is epoch e ordered before thread t's present? */
static bool hb(const RaceThread *t, Epoch e) {
    return EP_TID(e) == t->tid || EP_CLK(e) <= vc_get(&t->vc, EP_TID(e));
}

/* ---- the stack depot ------------------------------------------------------------ */

typedef struct StackFrame {
    Proto *proto;
    const Instr *pc;          /* the instruction executing in that frame */
} StackFrame;

typedef struct DepotStack {
    uint64_t hash;
    uint32_t n;
    StackFrame fr[];
} DepotStack;

/* id -> stack (id 0: none); open-addressed index by hash. Both under
 * depot.lock; a DepotStack never changes once published. */
static struct {
    pthread_mutex_t lock;
    DepotStack **v;
    uint32_t n, cap;
    uint32_t *index;          /* slots of ids, 0 = empty */
    uint32_t icap;
} depot = {PTHREAD_MUTEX_INITIALIZER, NULL, 0, 0, NULL, 0};

static DepotStack *depot_get(uint32_t id) {
    pthread_mutex_lock(&depot.lock);
    DepotStack *s = id && id < depot.n ? depot.v[id] : NULL;
    pthread_mutex_unlock(&depot.lock);
    return s;
}

static bool same_stack(const DepotStack *s, const StackFrame *fr, uint32_t n,
                       uint64_t h) {
    return s->hash == h && s->n == n &&
           memcmp(s->fr, fr, n * sizeof *fr) == 0;
}

static void depot_reindex(void) {
    uint32_t icap = depot.icap ? 2 * depot.icap : 1024;
    uint32_t *index = calloc(icap, sizeof *index);
    if (!index)
        rt_fatal("race: out of memory");
    for (uint32_t id = 1; id < depot.n; id++) {
        uint32_t i = (uint32_t)depot.v[id]->hash & (icap - 1);
        while (index[i])
            i = (i + 1) & (icap - 1);
        index[i] = id;
    }
    free(depot.index);
    depot.index = index;
    depot.icap = icap;
}

static uint32_t depot_put(const StackFrame *fr, uint32_t n, uint64_t h) {
    pthread_mutex_lock(&depot.lock);
    if (depot.n == 0)
        depot.n = 1;                     /* id 0 means "no stack" */
    if (2 * depot.n >= depot.icap)
        depot_reindex();
    uint32_t i = (uint32_t)h & (depot.icap - 1);
    for (; depot.index[i]; i = (i + 1) & (depot.icap - 1)) {
        uint32_t id = depot.index[i];
        if (same_stack(depot.v[id], fr, n, h)) {
            pthread_mutex_unlock(&depot.lock);
            return id;
        }
    }
    if (depot.n >= depot.cap) {
        uint32_t cap = depot.cap ? 2 * depot.cap : 1024;
        DepotStack **v = realloc(depot.v, cap * sizeof *v);
        if (!v)
            rt_fatal("race: out of memory");
        depot.v = v;
        depot.cap = cap;
    }
    DepotStack *s = malloc(sizeof *s + n * sizeof *fr);
    if (!s)
        rt_fatal("race: out of memory");
    s->hash = h;
    s->n = n;
    memcpy(s->fr, fr, n * sizeof *fr);
    uint32_t id = depot.n++;
    depot.v[id] = s;
    depot.index[i] = id;
    pthread_mutex_unlock(&depot.lock);
    return id;
}

/* f's stack with the top frame at instruction pc (NULL: the top frame's
 * saved pc, a return address). Trampolines (index -1) are skipped. */
static uint32_t capture(Fiber *f, const Instr *pc, uint32_t skip_top) {
    StackFrame fr[MAX_FRAMES];
    uint32_t n = 0;
    uint64_t h = 0xcbf29ce484222325ull;
    for (int i = f->nframes - 1 - (int)skip_top; i >= 0 && n < MAX_FRAMES;
         i--) {
        Frame *frm = &f->frames[i];
        const Instr *at = pc && i == f->nframes - 1 ? pc : frm->pc - 1;
        if (frm->proto->index < 0 && frm->proto->wrapper)
            continue;
        fr[n].proto = frm->proto;
        fr[n].pc = at;
        h = (h ^ (uintptr_t)at) * 0x100000001b3ull;
        n++;
    }
    RaceThread *t = f->race;
    if (t && !atomic_load_explicit(&t->goid, memory_order_relaxed))
        atomic_store_explicit(&t->goid, f->sched.goid, memory_order_relaxed);
    unsigned slot = (unsigned)(h ^ h >> 17) & (CACHE_SIZE - 1);
    if (t && t->cache[slot].hash == h && t->cache[slot].id) {
        DepotStack *s = depot_get(t->cache[slot].id);
        if (s && same_stack(s, fr, n, h))
            return t->cache[slot].id;
    }
    uint32_t id = depot_put(fr, n, h);
    if (t) {
        t->cache[slot].hash = h;
        t->cache[slot].id = id;
    }
    return id;
}

/* ---- shadow memory ------------------------------------------------------------- */

typedef struct ReadSet {
    uint32_t n, cap;
    struct { uint32_t tid, clk, stk; } e[];
} ReadSet;

typedef struct SyncClock {
    _Atomic uint32_t lock;
    VClock vc;
} SyncClock;

typedef struct Shadow {
    _Atomic uint32_t lock;
    uint32_t wstk;            /* stack of the last write */
    _Atomic Epoch w;          /* last write; written under lock */
    _Atomic Epoch r;          /* last read, or RSHARED; written under lock */
    uint32_t rstk;            /* stack of the last read (not shared) */
    uint32_t pad;
    ReadSet *rs;              /* RSHARED: the concurrent reads (malloc) */
    _Atomic(SyncClock *) sync;/* the address's sync clock, or NULL */
} Shadow;

enum {
    CHUNK_SHIFT = 16,                            /* 64 KiB of program memory */
    CHUNK_CELLS = 1 << (CHUNK_SHIFT - 3),        /* one per 8-byte slot */
    L2_BITS = 16,
    L1_BITS = 16,
};

typedef _Atomic(Shadow *) L2Table[1 << L2_BITS];
/* Mapped by race_enable, not static: libgc scans static data as roots at
 * every collection, and a program without -race must not pay for it. */
static _Atomic(L2Table *) *l1;                   /* any thread; CAS-published */

static void *map_zeroed(size_t n) {
    void *p = mmap(NULL, n, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        rt_fatal("race: out of memory (shadow)");
    return p;
}

/* Publishes a fresh table in *slot unless another thread did first. */
static void *install(_Atomic(void *) *slot, size_t size) {
    void *fresh = map_zeroed(size), *expect = NULL;
    /* acq_rel: publishes the zeroed table; acquire the winner's */
    if (atomic_compare_exchange_strong_explicit(slot, &expect, fresh,
                                                memory_order_acq_rel,
                                                memory_order_acquire)) {
#if defined(__SANITIZE_ADDRESS__)
        /* LeakSanitizer does not scan anonymous maps: without this, every
         * sync clock (malloc'd, held only by a cell) looked leaked. */
        __lsan_register_root_region(fresh, size);
#endif
        return fresh;
    }
    munmap(fresh, size);
    return expect;
}

/* The chunk of address a; NULL when it does not exist and !create. */
static Shadow *chunk_of(uintptr_t a, bool create) {
    _Atomic(L2Table *) *s1 = &l1[(a >> 32) & ((1u << L1_BITS) - 1)];
    /* acquire: pairs with install's publication */
    L2Table *l2 = atomic_load_explicit(s1, memory_order_acquire);
    if (!l2) {
        if (!create)
            return NULL;
        l2 = install((_Atomic(void *) *)s1, sizeof(L2Table));
    }
    _Atomic(Shadow *) *s2 = &(*l2)[(a >> CHUNK_SHIFT) & ((1u << L2_BITS) - 1)];
    Shadow *c = atomic_load_explicit(s2, memory_order_acquire);
    if (!c && create)
        c = install((_Atomic(void *) *)s2, CHUNK_CELLS * sizeof(Shadow));
    return c;
}

static Shadow *shadow_of(const void *addr) {
    uintptr_t a = (uintptr_t)addr;
    Shadow *c = chunk_of(a, true);
    return &c[(a >> 3) & (CHUNK_CELLS - 1)];
}

static void cell_clear(Shadow *s) {
    spin_lock(&s->lock);
    free(s->rs);
    SyncClock *sc = atomic_load_explicit(&s->sync, memory_order_relaxed);
    if (sc) {
        free(sc->vc.c);
        free(sc);
    }
    s->rs = NULL;
    atomic_store_explicit(&s->sync, NULL, memory_order_relaxed);
    atomic_store_explicit(&s->w, 0, memory_order_relaxed);
    atomic_store_explicit(&s->r, 0, memory_order_relaxed);
    s->wstk = s->rstk = 0;
    spin_unlock(&s->lock);
}

void race_alloc(void *p, size_t n) {
    uintptr_t a = (uintptr_t)p & ~(uintptr_t)7, end = (uintptr_t)p + n;
    while (a < end) {
        uintptr_t chunk_end = (a | ((1u << CHUNK_SHIFT) - 1)) + 1;
        Shadow *c = chunk_of(a, false);
        uintptr_t stop = chunk_end < end ? chunk_end : end;
        if (c) {
            for (; a < stop; a += 8) {
                Shadow *s = &c[(a >> 3) & (CHUNK_CELLS - 1)];
                if (atomic_load_explicit(&s->w, memory_order_relaxed) ||
                    atomic_load_explicit(&s->r, memory_order_relaxed) ||
                    atomic_load_explicit(&s->sync, memory_order_relaxed))
                    cell_clear(s);
            }
        }
        a = stop;
    }
}

/* ---- reports --------------------------------------------------------------------- */

typedef struct Access {
    bool write;
    uint32_t tid;
    uint32_t stk;
} Access;

enum { MAX_SEEN = 4096 };

/* report.lock serialises reports and guards the dedup sets. */
static struct {
    pthread_mutex_t lock;
    int count;
    int npairs, naddrs;
    struct SeenPair { const Instr *a, *b; } *pairs;   /* MAX_SEEN, malloc'd */
    const void **addrs;                               /* (not GC roots) */
} report = {.lock = PTHREAD_MUTEX_INITIALIZER};

int race_count(void) {
    pthread_mutex_lock(&report.lock);
    int n = report.count;
    pthread_mutex_unlock(&report.lock);
    return n;
}

static int frame_line(const StackFrame *fr) {
    Proto *p = fr->proto;
    long pc = fr->pc - p->code;
    if (!p->lines || pc < 0 || pc >= p->ncode)
        return p->line;
    return p->lines[pc];
}

static void print_stack(uint32_t id) {
    DepotStack *s = depot_get(id);
    if (!s)
        return;
    for (uint32_t i = 0; i < s->n; i++) {
        const StackFrame *fr = &s->fr[i];
        fprintf(stderr, "  %s()\n      %s:%d +0x%lx\n", fr->proto->name,
                fr->proto->file, frame_line(fr),
                (unsigned long)((fr->pc - fr->proto->code) * sizeof(Instr)));
    }
}

static const Instr *top_pc(uint32_t id) {
    DepotStack *s = depot_get(id);
    return s && s->n ? s->fr[0].pc : NULL;
}

/* Already reported (same pair of locations, or same address)? Marks it. */
static bool seen(const void *addr, const Instr *a, const Instr *b) {
    if (!report.pairs) {
        report.pairs = calloc(MAX_SEEN, sizeof *report.pairs);
        report.addrs = calloc(MAX_SEEN, sizeof *report.addrs);
        if (!report.pairs || !report.addrs)
            rt_fatal("race: out of memory");
    }
    if (a > b) {
        const Instr *x = a;
        a = b;
        b = x;
    }
    for (int i = 0; i < report.naddrs; i++)
        if (report.addrs[i] == addr)
            return true;
    for (int i = 0; i < report.npairs; i++)
        if (report.pairs[i].a == a && report.pairs[i].b == b)
            return true;
    if (report.naddrs < MAX_SEEN)
        report.addrs[report.naddrs++] = addr;
    if (report.npairs < MAX_SEEN) {
        report.pairs[report.npairs].a = a;
        report.pairs[report.npairs++].b = b;
    }
    return false;
}

static void print_creator(RaceThread *t) {
    if (!t || !t->create_stk)
        return;
    fprintf(stderr, "\nGoroutine %lld (%s) created at:\n",
            (long long)atomic_load_explicit(&t->goid, memory_order_relaxed),
            atomic_load(&t->finished) ? "finished" : "running");
    print_stack(t->create_stk);
}

/* Prints Go's report of cur (by f) racing with prev at addr. */
static void report_race(Fiber *f, const void *addr, Access cur, Access prev) {
    const Instr *a = top_pc(cur.stk), *b = top_pc(prev.stk);
    pthread_mutex_lock(&report.lock);
    if (seen(addr, a, b)) {
        pthread_mutex_unlock(&report.lock);
        return;
    }
    report.count++;
    RaceThread *pt = thread_by_tid(prev.tid);
    fflush(stdout);
    fprintf(stderr, "==================\nWARNING: DATA RACE\n");
    fprintf(stderr, "%s at 0x%012lx by goroutine %lld:\n",
            cur.write ? "Write" : "Read", (unsigned long)(uintptr_t)addr,
            (long long)f->sched.goid);
    print_stack(cur.stk);
    fprintf(stderr, "\nPrevious %s at 0x%012lx by goroutine %lld:\n",
            prev.write ? "write" : "read", (unsigned long)(uintptr_t)addr,
            (long long)(pt ? atomic_load_explicit(&pt->goid,
                                                  memory_order_relaxed) : 0));
    print_stack(prev.stk);
    print_creator(f->race);
    if (pt != f->race)
        print_creator(pt);
    fprintf(stderr, "==================\n");
    fflush(stderr);
    if (cfg.halt_on_error) {
        panic_lock();
        vm_exit(cfg.exitcode);
    }
    pthread_mutex_unlock(&report.lock);
}

int race_fini(int code) {
    if (code != 0)
        return code;       /* also halt_on_error's exit: report.lock held */
    int n = race_count();
    if (n == 0)
        return code;
    fflush(stdout);
    fprintf(stderr, "Found %d data race(s)\n", n);
    return cfg.exitcode;
}

/* ---- accesses ---------------------------------------------------------------------- */

static void readset_add(Shadow *s, uint32_t tid, uint32_t clk, uint32_t stk) {
    ReadSet *rs = s->rs;
    for (uint32_t i = 0; rs && i < rs->n; i++)
        if (rs->e[i].tid == tid) {
            rs->e[i].clk = clk;
            rs->e[i].stk = stk;
            return;
        }
    if (!rs || rs->n == rs->cap) {
        uint32_t cap = rs ? 2 * rs->cap : 4;
        ReadSet *g = realloc(rs, sizeof *g + cap * sizeof g->e[0]);
        if (!g)
            rt_fatal("race: out of memory");
        if (!rs)
            g->n = 0;
        g->cap = cap;
        rs = s->rs = g;
    }
    rs->e[rs->n].tid = tid;
    rs->e[rs->n].clk = clk;
    rs->e[rs->n++].stk = stk;
}

void race_read(Fiber *f, const Instr *pc, const void *addr) {
    RaceThread *t = f->race;
    Shadow *s = shadow_of(addr);
    Epoch e = t->epoch;
    /* relaxed: only this thread stores its own epoch here */
    if (atomic_load_explicit(&s->r, memory_order_relaxed) == e)
        return;
    uint32_t stk = capture(f, pc, 0);
    Access prev = {0}, cur = {false, t->tid, stk};
    bool race = false;
    spin_lock(&s->lock);
    Epoch w = atomic_load_explicit(&s->w, memory_order_relaxed);
    if (w && !hb(t, w)) {
        race = true;
        prev = (Access){true, EP_TID(w), s->wstk};
    }
    Epoch r = atomic_load_explicit(&s->r, memory_order_relaxed);
    if (r == RSHARED) {
        readset_add(s, t->tid, EP_CLK(e), stk);
    } else if (r == 0 || hb(t, r)) {
        atomic_store_explicit(&s->r, e, memory_order_relaxed);
        s->rstk = stk;
    } else {
        readset_add(s, EP_TID(r), EP_CLK(r), s->rstk);
        readset_add(s, t->tid, EP_CLK(e), stk);
        atomic_store_explicit(&s->r, RSHARED, memory_order_relaxed);
    }
    spin_unlock(&s->lock);
    if (race)
        report_race(f, addr, cur, prev);
}

void race_write(Fiber *f, const Instr *pc, const void *addr) {
    RaceThread *t = f->race;
    Shadow *s = shadow_of(addr);
    Epoch e = t->epoch;
    if (atomic_load_explicit(&s->w, memory_order_relaxed) == e)
        return;
    uint32_t stk = capture(f, pc, 0);
    Access prev = {0}, cur = {true, t->tid, stk};
    bool race = false;
    spin_lock(&s->lock);
    Epoch w = atomic_load_explicit(&s->w, memory_order_relaxed);
    if (w && !hb(t, w)) {
        race = true;
        prev = (Access){true, EP_TID(w), s->wstk};
    }
    Epoch r = atomic_load_explicit(&s->r, memory_order_relaxed);
    if (r == RSHARED) {
        for (uint32_t i = 0; !race && i < s->rs->n; i++) {
            uint32_t u = s->rs->e[i].tid;
            if (u != t->tid && s->rs->e[i].clk > vc_get(&t->vc, u)) {
                race = true;
                prev = (Access){false, u, s->rs->e[i].stk};
            }
        }
        free(s->rs);
        s->rs = NULL;
    } else if (!race && r && !hb(t, r)) {
        race = true;
        prev = (Access){false, EP_TID(r), s->rstk};
    }
    atomic_store_explicit(&s->r, 0, memory_order_relaxed);
    atomic_store_explicit(&s->w, e, memory_order_relaxed);
    s->wstk = stk;
    spin_unlock(&s->lock);
    if (race)
        report_race(f, addr, cur, prev);
}

void race_read_range(Fiber *f, const Instr *pc, const void *addr, int64_t n) {
    for (int64_t i = 0; i < n; i++)
        race_read(f, pc, (const Slot *)addr + i);
}

void race_write_range(Fiber *f, const Instr *pc, const void *addr, int64_t n) {
    for (int64_t i = 0; i < n; i++)
        race_write(f, pc, (const Slot *)addr + i);
}

/* ---- synchronisation --------------------------------------------------------------- */

static SyncClock *sync_of(const void *addr) {
    Shadow *s = shadow_of(addr);
    /* acquire: pairs with the publishing CAS below */
    SyncClock *sc = atomic_load_explicit(&s->sync, memory_order_acquire);
    if (sc)
        return sc;
    SyncClock *fresh = calloc(1, sizeof *fresh);
    if (!fresh)
        rt_fatal("race: out of memory");
    if (atomic_compare_exchange_strong_explicit(&s->sync, &sc, fresh,
                                                memory_order_acq_rel,
                                                memory_order_acquire))
        return fresh;
    free(fresh);
    return sc;
}

static void acquire_into(RaceThread *t, SyncClock *sc) {
    spin_lock(&sc->lock);
    vc_join(&t->vc, &sc->vc);
    spin_unlock(&sc->lock);
}

static void release_from(RaceThread *t, SyncClock *sc) {
    spin_lock(&sc->lock);
    vc_join(&sc->vc, &t->vc);
    spin_unlock(&sc->lock);
    tick(t);
}

void race_acquire(Fiber *f, const void *addr) {
    acquire_into(f->race, sync_of(addr));
}

void race_release(Fiber *f, const void *addr) {
    release_from(f->race, sync_of(addr));
}

void race_acq_rel(Fiber *f, const void *addr) {
    SyncClock *sc = sync_of(addr);
    RaceThread *t = f->race;
    spin_lock(&sc->lock);
    vc_join(&t->vc, &sc->vc);
    vc_join(&sc->vc, &t->vc);
    spin_unlock(&sc->lock);
    tick(t);
}

/* The RaceThread of the goroutine this thread runs (NULL: none, or not
 * under -race). */
static RaceThread *self(void) {
    Fiber *f = vm_running_fiber();
    return f ? f->race : NULL;
}

static RaceThread *peer_of(GSched *g) { return g ? fiber_of(g)->race : NULL; }

void race_chan_xfer(const void *slot, GSched *peer) {
    RaceThread *a = self(), *b = peer_of(peer);
    if (!a && !b)
        return;
    SyncClock *sc = sync_of(slot);
    spin_lock(&sc->lock);
    if (a)
        vc_join(&sc->vc, &a->vc);
    if (b)
        vc_join(&sc->vc, &b->vc);
    if (a)
        vc_join(&a->vc, &sc->vc);
    if (b)
        vc_join(&b->vc, &sc->vc);
    spin_unlock(&sc->lock);
    if (a)
        tick(a);
    if (b)
        tick(b);
}

/* The close clock of channel c lives at its second slot (never data). */
static const void *close_addr(const void *c) { return (const Slot *)c + 1; }

void race_chan_close(const void *c) {
    RaceThread *t = self();
    if (t)
        release_from(t, sync_of(close_addr(c)));
}

void race_chan_close_wake(const void *c, GSched *waiter) {
    RaceThread *t = peer_of(waiter);
    if (t)
        acquire_into(t, sync_of(close_addr(c)));
}

void race_chan_closed_recv(const void *c) {
    RaceThread *t = self();
    if (t)
        acquire_into(t, sync_of(close_addr(c)));
}

/* ---- goroutines ------------------------------------------------------------------------ */

void race_thread_start(Fiber *f, const void *after) {
    f->race = thread_new(f->sched.goid);
    if (after)
        race_acquire(f, after);
}

void race_go(Fiber *parent, Fiber *child) {
    RaceThread *p = parent->race, *t = thread_new(0);
    vc_join(&t->vc, &p->vc);
    t->create_stk = capture(parent, NULL, 0);
    child->race = t;
    tick(p);
}

void race_thread_end(Fiber *f) {
    RaceThread *t = f->race;
    if (!t)
        return;
    atomic_store(&t->finished, true);
    free(t->vc.c);
    t->vc.c = NULL;
    t->vc.n = 0;
    f->race = NULL;
}

/* ---- configuration (continued) ----------------------------------------------- */

void race_enable(bool on) {
    if (on && !l1)
        l1 = map_zeroed((1u << L1_BITS) * sizeof *l1);
    race_enabled = on;
    const char *g = getenv("GORACE");
    if (!on || !g)
        return;
    const char *h = strstr(g, "halt_on_error=");
    if (h)
        cfg.halt_on_error = atoi(h + strlen("halt_on_error=")) != 0;
    const char *e = strstr(g, "exitcode=");
    if (e)
        cfg.exitcode = atoi(e + strlen("exitcode="));
}
