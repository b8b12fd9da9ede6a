/*
 * value.c — type-directed operations on values in the slot model (value.h):
 * slices and Go's append growth, load/store/boxing into interfaces, equality
 * and hashing.
 *
 * SLICE GROWTH mirrors Go 1.19's runtime.growslice so that programs printing
 * len/cap print what Go prints: the capacity doubles below 256 elements, then
 * grows by (cap + 768)/4 until it suffices, and the resulting *byte* size is
 * rounded up to Go's malloc size classes (runtime/sizeclasses.go) or to whole
 * 8 KiB pages above 32 KiB. The byte size is the element's Go size
 * (type_gosize: int 8, byte 1, string 16, ...), not its size in slots.
 *
 * EQUALITY AND HASHING follow the spec: structs field by field (blank fields
 * ignored), arrays element by element, strings by content, floats by value
 * (+0 == -0, NaN != NaN; a NaN hashes randomly so NaN map keys never
 * collide into one chain), interfaces by dynamic type and then value.
 * Comparing or hashing a value whose dynamic type is not comparable reports
 * that type through *bad; the caller turns it into Go's runtime error.
 */
#include <math.h>
#include <string.h>

#include "rt.h"


static int64_t round_up(int64_t n, int64_t a) { return (n + a - 1) / a * a; }

/* ---- slices ------------------------------------------------------------------ */

/* Go's malloc size classes (runtime/sizeclasses.go), in bytes. */
static const int32_t size_classes[] = {
    8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224,
    240, 256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768,
    896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200,
    3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240,
    10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576,
    27264, 28672, 32768,
};
enum { MAX_SMALL_SIZE = 32768, PAGE_SIZE = 8192, GROW_THRESHOLD = 256 };

/* runtime.roundupsize: the size the allocator really hands out. */
static int64_t roundupsize(int64_t size) {
    if (size < MAX_SMALL_SIZE) {
        int lo = 0, hi = (int)(sizeof size_classes / sizeof size_classes[0]) - 1;
        while (lo < hi) { /* first class >= size */
            int mid = (lo + hi) / 2;
            if (size_classes[mid] >= size)
                hi = mid;
            else
                lo = mid + 1;
        }
        return size_classes[lo];
    }
    return round_up(size, PAGE_SIZE);
}

int64_t slice_grow_cap(int64_t oldcap, int64_t needed, int64_t elem_bytes) {
    if (elem_bytes == 0)
        return needed;
    int64_t newcap = oldcap, doublecap = oldcap + oldcap;
    if (needed > doublecap) {
        newcap = needed;
    } else if (oldcap < GROW_THRESHOLD) {
        newcap = doublecap;
    } else {
        while (0 < newcap && newcap < needed)
            newcap += (newcap + 3 * GROW_THRESHOLD) / 4;
        if (newcap <= 0)
            newcap = needed;
    }
    return roundupsize(newcap * elem_bytes) / elem_bytes;
}

/* A zeroed backing array for cap elements of `slots` slots each. */
static Slot *backing(int64_t cap, int64_t slots) {
    return gc_alloc((size_t)(cap * slots) * sizeof(Slot));
}

Slice *slice_new(Type *elem, int64_t len, int64_t cap) {
    if (cap < len)
        cap = len;
    Slice *s = gc_alloc(sizeof(Slice));
    s->data = backing(cap, elem->size);
    s->len = len;
    s->cap = cap;
    return s;
}

Slice *slice_append(Type *elem, Slice *s, const Slot *vals, int64_t n) {
    if (n <= 0)
        return s;
    int64_t len = slice_len(s), cap = s ? s->cap : 0;
    size_t esz = elem->size * sizeof(Slot);
    Slice *r = gc_alloc(sizeof(Slice));
    if (len + n <= cap) {
        r->data = s->data;
        r->cap = cap;
    } else {
        r->cap = slice_grow_cap(cap, len + n, type_gosize(elem));
        r->data = backing(r->cap, elem->size);
        if (len)
            memcpy(r->data, s->data, (size_t)len * esz);
    }
    /* memmove: append(s[:1], s[2:]...) reads and writes one array. */
    memmove(r->data + len * elem->size, vals, (size_t)n * esz);
    r->len = len + n;
    return r;
}

/* ---- load / store / interfaces ------------------------------------------------------ */

Slot rt_load(Type *t, const Slot *mem) {
    if (!type_is_boxed(t))
        return *mem;
    Slot r;
    r.p = gc_alloc((t->size ? t->size : 1) * sizeof(Slot));
    memcpy(r.p, mem, t->size * sizeof(Slot));
    return r;
}

void rt_store(Type *t, Slot *mem, Slot r) {
    if (!type_is_boxed(t)) {
        *mem = r;
        return;
    }
    /* A never-initialised boxed register is NULL: its value is zero. */
    if (r.p)
        memmove(mem, r.p, t->size * sizeof(Slot));
    else
        memset(mem, 0, t->size * sizeof(Slot));
}

Iface *rt_iface(Type *t, Slot r) {
    if (t->kind == K_INTERFACE)
        return r.p;
    Iface *x = gc_alloc(sizeof(Iface));
    x->type = t;
    if (type_is_boxed(t)) {
        /* A private copy: the interface's payload never changes. */
        x->val.p = gc_alloc((t->size ? t->size : 1) * sizeof(Slot));
        if (r.p)
            memcpy(x->val.p, r.p, t->size * sizeof(Slot));
    } else {
        x->val = r;
    }
    return x;
}

const Slot *rt_iface_mem(Iface *x) {
    if (type_is_boxed(x->type) && !x->val.p)
        return gc_alloc((x->type->size ? x->type->size : 1) * sizeof(Slot));
    return rt_mem(x->type, &x->val);
}

/* ---- equality ---------------------------------------------------------------------- */

bool rt_comparable(const Type *t) {
    switch (t->kind) {
    case K_SLICE: case K_MAP: case K_FUNC:
        return false;
    case K_ARRAY:
        return rt_comparable(t->elem);
    case K_STRUCT:
        for (int i = 0; i < t->nfields; i++)
            if (!rt_comparable(t->fields[i].type))
                return false;
        return true;
    default:
        return true;
    }
}

static bool blank(const Field *f) { return f->name && strcmp(f->name, "_") == 0; }

/* Equal interfaces. The same box is not enough: a NaN is unequal to itself
 * and an uncomparable dynamic type panics even when compared with itself. */
bool rt_iface_equal(const Iface *a, const Iface *b, Type **bad) {
    if (!a || !b)
        return a == b;
    if (a->type != b->type)
        return false;
    Type *t = a->type;
    if (!rt_comparable(t)) {
        *bad = t;
        return false;
    }
    return rt_equal(t, rt_mem(t, (Slot *)&a->val), rt_mem(t, (Slot *)&b->val),
                    bad);
}

bool rt_equal(Type *t, const Slot *a, const Slot *b, Type **bad) {
    switch (t->kind) {
    case K_FLOAT32: case K_FLOAT64:
        return a->f == b->f;
    case K_COMPLEX64: case K_COMPLEX128:
        return a[0].f == b[0].f && a[1].f == b[1].f;
    case K_STRING:
        return str_equal(a->p, b->p);
    case K_INTERFACE:
        return rt_iface_equal(a->p, b->p, bad);
    case K_STRUCT:
        for (int i = 0; i < t->nfields; i++) {
            const Field *f = &t->fields[i];
            if (!blank(f) && !rt_equal(f->type, a + f->offset, b + f->offset, bad))
                return false;
        }
        return true;
    case K_ARRAY: {
        int64_t es = t->elem->size;
        for (int64_t i = 0; i < t->len; i++)
            if (!rt_equal(t->elem, a + i * es, b + i * es, bad))
                return false;
        return true;
    }
    default: /* integers, bools, pointers, chans; nil-only for the rest */
        return a->u == b->u;
    }
}

/* ---- hashing ------------------------------------------------------------------------ */

/* Multiply-fold mixing: the 128-bit product of two words, halves xored. */
static inline uint64_t mix(uint64_t a, uint64_t b) {
    __uint128_t r = (__uint128_t)a * b;
    return (uint64_t)r ^ (uint64_t)(r >> 64);
}

/* Odd constants with well-spread bits (digits of pi and e). */
#define H0 0x243f6a8885a308d3ull
#define H1 0x13198a2e03707345ull
#define H2 0xa4093822299f31d1ull
#define H3 0xb7e151628aed2a6bull

static uint64_t hash_word(uint64_t v, uint64_t seed) {
    return mix(v ^ seed ^ H0, H1 ^ (seed >> 7));
}

static uint64_t hash_bytes(const char *p, int64_t n, uint64_t seed) {
    uint64_t h = seed ^ H2 ^ ((uint64_t)n * H3), w;
    for (; n > 8; p += 8, n -= 8) {
        memcpy(&w, p, 8);
        h = mix(h ^ w, H1);
    }
    w = 0;
    memcpy(&w, p, (size_t)n);
    return mix(h ^ w ^ H0, H3 ^ (uint64_t)n);
}

static uint64_t hash_float(double d, uint64_t seed) {
    if (d != d) /* NaN: never equal to itself, so any hash will do */
        return rt_rand64();
    if (d == 0)
        d = 0; /* -0 hashes as +0 */
    uint64_t bits;
    memcpy(&bits, &d, 8);
    return hash_word(bits, seed);
}

uint64_t rt_hash(Type *t, const Slot *mem, uint64_t seed, Type **bad) {
    switch (t->kind) {
    case K_FLOAT32: case K_FLOAT64:
        return hash_float(mem->f, seed);
    case K_COMPLEX64: case K_COMPLEX128:
        return hash_float(mem[1].f, hash_float(mem[0].f, seed));
    case K_STRING: {
        const Str *s = mem->p;
        return hash_bytes(str_data(s), str_len(s), seed);
    }
    case K_INTERFACE: {
        const Iface *x = mem->p;
        if (!x)
            return hash_word(0, seed);
        if (!rt_comparable(x->type)) {
            *bad = x->type;
            return 0;
        }
        uint64_t ts = hash_word((uint64_t)x->type->id, seed);
        return rt_hash(x->type, rt_mem(x->type, (Slot *)&x->val), ts, bad);
    }
    case K_STRUCT: {
        uint64_t h = hash_word((uint64_t)t->nfields, seed);
        for (int i = 0; i < t->nfields; i++)
            if (!blank(&t->fields[i]))
                h = rt_hash(t->fields[i].type, mem + t->fields[i].offset, h, bad);
        return h;
    }
    case K_ARRAY: {
        uint64_t h = hash_word((uint64_t)t->len, seed);
        for (int64_t i = 0; i < t->len; i++)
            h = rt_hash(t->elem, mem + i * t->elem->size, h, bad);
        return h;
    }
    case K_SLICE: case K_MAP: case K_FUNC:
        *bad = t;
        return 0;
    default:
        return hash_word(mem->u, seed);
    }
}
