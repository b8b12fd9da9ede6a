/*
 * type.c — Go types: the intern table, named types, string interning and
 * the two spellings of a type (reflect's %T and the type checker's).
 *
 * INTERNING: every unnamed type is built through one of the type_*
 * constructors, which hash its structure (kind + the ids of its component
 * types, which are themselves interned) and look it up in one open-addressing
 * table. Because components are interned first, structural equality reduces
 * to comparing component pointers, so lookup is cheap and identity is `==`.
 * Named types are never interned: each type_new_named call is a new type.
 * The table holds types weakly (see "the type table"): a type nothing else
 * reaches is collected, so one process can check program after program.
 *
 * LOCKING: `intern_mu` protects the type table, the string table and the id
 * counter. A Type is published (returned) only when fully built, so readers
 * never need the lock. Caches written lazily after publication (str, ptr_to)
 * use release stores / acquire loads and are idempotent: a race writes the
 * same interned value twice.
 *
 * Alternatives rejected: a per-kind cache hanging off the element type
 * (slice_of, chan_of...) is faster for the common cases but needs one field
 * per constructor and still a table for funcs/structs; one table is simpler.
 */
#include "type.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gc.h"

static pthread_mutex_t intern_mu = PTHREAD_MUTEX_INITIALIZER;
static int64_t next_id = 1;          /* protected by intern_mu */

/* ---- string interning ----------------------------------------------------- */

typedef struct StrTab {
    const char **slots;
    size_t cap, n;
} StrTab;
static StrTab strtab;                /* protected by intern_mu */

static uint32_t hash_bytes(const char *s, size_t n) {
    uint32_t h = 2166136261u;        /* FNV-1a */
    for (size_t i = 0; i < n; i++) h = (h ^ (uint8_t)s[i]) * 16777619u;
    return h;
}

static void strtab_grow(void) {
    size_t ncap = strtab.cap ? strtab.cap * 2 : 1024;
    const char **ns = gc_alloc(ncap * sizeof *ns);
    for (size_t i = 0; i < strtab.cap; i++) {
        const char *s = strtab.slots[i];
        if (!s) continue;
        size_t j = hash_bytes(s, strlen(s)) & (ncap - 1);
        while (ns[j]) j = (j + 1) & (ncap - 1);
        ns[j] = s;
    }
    strtab.slots = ns;
    strtab.cap = ncap;
}

/* Interned strings never contain NUL (identifiers, paths). */
const char *str_intern_n(const char *s, size_t n) {
    pthread_mutex_lock(&intern_mu);
    if ((strtab.n + 1) * 2 > strtab.cap) strtab_grow();
    size_t j = hash_bytes(s, n) & (strtab.cap - 1);
    const char *found;
    while ((found = strtab.slots[j]) != NULL) {
        if (strncmp(found, s, n) == 0 && found[n] == '\0') break;
        j = (j + 1) & (strtab.cap - 1);
    }
    if (!found) {
        found = gc_strndup(s, n);
        strtab.slots[j] = found;
        strtab.n++;
    }
    pthread_mutex_unlock(&intern_mu);
    return found;
}

const char *str_intern(const char *s) {
    return s ? str_intern_n(s, strlen(s)) : NULL;
}

/* ---- the type table ------------------------------------------------------- */

/* The table holds its types WEAKLY: an entry is a disappearing link
 * (libgc), cleared by the collector once nothing else reaches the type, so
 * the types of a program that is gone (a REPL input, a fuzz input, the
 * standard packages the front end checked for it) are collected instead of
 * accumulating for the life of the process. The entries live in
 * pointer-free memory, so the table itself keeps nothing alive. A cleared
 * entry is a tombstone (used, t == NULL): probing walks past it, an insert
 * may reuse it, a rehash drops it. The hash is kept beside the pointer so a
 * probe and a rehash compare hashes without touching a type the collector
 * may be about to reclaim. Dropping a type is safe: a type is only ever
 * compared by identity with types that are alive (so in the table), and a
 * later structurally equal type is interned afresh (with a new id). */
typedef struct TypeEntry {
    Type *t;        /* disappearing link, or NULL (empty or tombstone) */
    uint32_t hash;  /* t->hash */
    uint32_t used;  /* ever occupied since the last rehash */
} TypeEntry;

typedef struct TypeTab {
    TypeEntry *e;   /* pointer-free memory */
    size_t cap, n;  /* n: used entries, tombstones included */
} TypeTab;
static TypeTab typetab;              /* protected by intern_mu */

static uint32_t mix(uint32_t h, uint64_t v) {
    h ^= (uint32_t)v + 0x9e3779b9u + (h << 6) + (h >> 2);
    h ^= (uint32_t)(v >> 32) + 0x9e3779b9u + (h << 6) + (h >> 2);
    return h;
}

static uint64_t tid(const Type *t) { return t ? (uint64_t)t->id : 0; }

static uint32_t type_hash(const Type *t) {
    uint32_t h = mix(17, t->kind);
    h = mix(h, tid(t->elem));
    h = mix(h, tid(t->key));
    h = mix(h, (uint64_t)t->len);
    h = mix(h, t->dir);
    h = mix(h, t->variadic);
    for (int i = 0; i < t->nparams; i++) h = mix(h, tid(t->params[i]));
    h = mix(h, 0xabcd);
    for (int i = 0; i < t->nresults; i++) h = mix(h, tid(t->results[i]));
    for (int i = 0; i < t->nfields; i++) {
        h = mix(h, tid(t->fields[i].type));
        h = mix(h, hash_bytes(t->fields[i].name, strlen(t->fields[i].name)));
    }
    for (int i = 0; i < t->nmethods; i++) {
        h = mix(h, tid(t->methods[i].sig));
        h = mix(h, hash_bytes(t->methods[i].name, strlen(t->methods[i].name)));
    }
    return h;
}

static bool types_list_eq(Type **a, Type **b, int n) {
    for (int i = 0; i < n; i++)
        if (a[i] != b[i]) return false;
    return true;
}

/* Structural equality of two unnamed types whose components are interned.
 * Field and method names are interned strings, so == compares them. */
static bool type_same(const Type *a, const Type *b) {
    if (a->kind != b->kind || a->elem != b->elem || a->key != b->key ||
        a->len != b->len || a->dir != b->dir || a->variadic != b->variadic ||
        a->nparams != b->nparams || a->nresults != b->nresults ||
        a->nfields != b->nfields || a->nmethods != b->nmethods)
        return false;
    if (!types_list_eq(a->params, b->params, a->nparams) ||
        !types_list_eq(a->results, b->results, a->nresults))
        return false;
    for (int i = 0; i < a->nfields; i++) {
        const Field *x = &a->fields[i], *y = &b->fields[i];
        if (x->name != y->name || x->type != y->type ||
            x->embedded != y->embedded || x->pkg != y->pkg || x->tag != y->tag)
            return false;
    }
    for (int i = 0; i < a->nmethods; i++)
        if (a->methods[i].name != b->methods[i].name ||
            a->methods[i].sig != b->methods[i].sig)
            return false;
    return true;
}

static TypeEntry *entries_new(size_t cap) {
    TypeEntry *e = gc_alloc_atomic(cap * sizeof *e);
    memset(e, 0, cap * sizeof *e);
    return e;
}

/* Moves the live entries to a fresh array sized for them (tombstones go).
 * Moving a link (not reading the type) needs no lock of the collector: if
 * it clears the old link first, the move finds nothing and the new entry
 * becomes a tombstone. */
static void typetab_rehash(void) {
    size_t live = 0;
    for (size_t i = 0; i < typetab.cap; i++)
        live += typetab.e[i].t != NULL;
    size_t ncap = 1024;
    while (ncap < live * 4) ncap *= 2;
    TypeEntry *ne = entries_new(ncap), *old = typetab.e;
    size_t n = 0;
    for (size_t i = 0; i < typetab.cap; i++) {
        Type *t = old[i].t;
        if (!t) continue;
        size_t j = old[i].hash & (ncap - 1);
        while (ne[j].used) j = (j + 1) & (ncap - 1);
        ne[j] = (TypeEntry){.t = t, .hash = old[i].hash, .used = 1};
        n++;
        if (GC_move_disappearing_link((void **)&old[i].t, (void **)&ne[j].t) !=
            GC_SUCCESS)
            ne[j].t = NULL;
    }
    typetab.e = ne;
    typetab.cap = ncap;
    typetab.n = n;
}

/* A probe for tmpl, run under the collector's allocation lock: between the
 * end of a collection's marking and the clearing of its links a loaded
 * link may name a type about to be reclaimed (libgc's documentation: read
 * disappearing links under the lock). A type returned is on the caller's
 * stack, so alive for good. */
static void *probe(void *tmpl_) {
    const Type *tmpl = tmpl_;
    size_t j = tmpl->hash & (typetab.cap - 1);
    for (; typetab.e[j].used; j = (j + 1) & (typetab.cap - 1)) {
        Type *t = typetab.e[j].t;
        if (t && typetab.e[j].hash == tmpl->hash && type_same(t, tmpl))
            return t;
    }
    return NULL;
}

/* Returns the canonical type equal to the stack template *tmpl, copying it
 * to the heap the first time. The template's arrays must already be heap
 * copies (they are kept by the new type). */
static Type *intern(Type *tmpl) {
    tmpl->hash = type_hash(tmpl);
    pthread_mutex_lock(&intern_mu);
    if ((typetab.n + 1) * 2 > typetab.cap) typetab_rehash();
    Type *t = GC_call_with_alloc_lock(probe, tmpl);
    if (!t) {
        t = gc_alloc(sizeof *t);
        *t = *tmpl;
        t->underlying = t;
        t->id = next_id++;
        /* not found, so the first free entry (empty or a tombstone) on
         * the probe path is the place; a concurrent collection only turns
         * entries into tombstones */
        size_t j = t->hash & (typetab.cap - 1);
        while (typetab.e[j].t) j = (j + 1) & (typetab.cap - 1);
        typetab.n += !typetab.e[j].used;
        typetab.e[j] = (TypeEntry){.t = t, .hash = t->hash, .used = 1};
        if (GC_general_register_disappearing_link((void **)&typetab.e[j].t,
                                                  t) == GC_NO_MEMORY)
            gc_out_of_memory(sizeof(void *));
    }
    pthread_mutex_unlock(&intern_mu);
    return t;
}

static Type **copy_types(Type **ts, int n) {
    if (n == 0) return NULL;
    Type **c = gc_alloc(n * sizeof *c);
    memcpy(c, ts, n * sizeof *c);
    return c;
}

/* ---- predeclared types ---------------------------------------------------- */

static Type *basics[K_NKINDS];
static Type *error_type, *any_type;
static pthread_once_t basics_once = PTHREAD_ONCE_INIT;

static void init_basics(void) {
    for (int k = K_BOOL; k <= K_STRING; k++) {
        Type tmpl = {.kind = (Kind)k,
                     .size = k == K_COMPLEX64 || k == K_COMPLEX128 ? 2 : 1};
        basics[k] = intern(&tmpl);
    }
    for (int k = K_UNTYPED_BOOL; k <= K_UNTYPED_NIL; k++) {
        Type tmpl = {.kind = (Kind)k, .size = 1};
        basics[k] = intern(&tmpl);
    }
    Type tmpl = {.kind = K_INTERFACE, .size = 1};
    any_type = intern(&tmpl);
    /* error = interface { Error() string } */
    Type *str = basics[K_STRING];
    Method m = {.name = str_intern("Error"),
                .sig = type_func(NULL, 0, &str, 1, false)};
    error_type = type_new_named(NULL, "error");
    type_set_underlying(error_type, type_interface(&m, 1));
}

Type *type_basic(Kind k) {
    pthread_once(&basics_once, init_basics);
    return (k >= 0 && k < K_NKINDS) ? basics[k] : NULL;
}

Type *type_error(void) {
    pthread_once(&basics_once, init_basics);
    return error_type;
}

Type *type_any(void) {
    pthread_once(&basics_once, init_basics);
    return any_type;
}

/* ---- constructors --------------------------------------------------------- */

Type *type_pointer(Type *elem) {
    /* acquire pairs with the release below: a cached pointer type is fully
     * built before another thread can see it */
    Type *cached = __atomic_load_n(&elem->ptr_to, __ATOMIC_ACQUIRE);
    if (cached) return cached;
    Type tmpl = {.kind = K_POINTER, .size = 1, .elem = elem};
    Type *t = intern(&tmpl);
    __atomic_store_n(&elem->ptr_to, t, __ATOMIC_RELEASE);   /* idempotent cache */
    return t;
}

Type *type_slice(Type *elem) {
    Type tmpl = {.kind = K_SLICE, .size = 1, .elem = elem};
    return intern(&tmpl);
}

/* a + b and a * b for sizes in 0..TYPE_SIZE_MAX, saturating there. */
static int64_t size_add(int64_t a, int64_t b) {
    return a > TYPE_SIZE_MAX - b ? TYPE_SIZE_MAX : a + b;
}
static int64_t size_mul(int64_t a, int64_t n) {
    return a && n > TYPE_SIZE_MAX / a ? TYPE_SIZE_MAX : a * n;
}

Type *type_array(Type *elem, int64_t len) {
    Type tmpl = {.kind = K_ARRAY, .elem = elem, .len = len};
    tmpl.size = size_mul(elem->size, len);
    return intern(&tmpl);
}

void type_array_relayout(Type *arr) {
    int64_t size = size_mul(arr->elem->size, arr->len);
    if (arr->size != size)   /* written only when wrong: the REPL's running */
        arr->size = size;    /* goroutines may read sizes of interned types */
}

Type *type_map(Type *key, Type *val) {
    Type tmpl = {.kind = K_MAP, .size = 1, .key = key, .elem = val};
    return intern(&tmpl);
}

Type *type_chan(Type *elem, ChanDir dir) {
    Type tmpl = {.kind = K_CHAN, .size = 1, .elem = elem, .dir = dir};
    return intern(&tmpl);
}

Type *type_func(Type **params, int nparams, Type **results, int nresults,
                bool variadic) {
    Type tmpl = {.kind = K_FUNC, .size = 1, .variadic = variadic,
                 .nparams = nparams, .nresults = nresults};
    tmpl.params = copy_types(params, nparams);
    tmpl.results = copy_types(results, nresults);
    return intern(&tmpl);
}

Type *type_tuple(Type **elems, int n) {
    Type tmpl = {.kind = K_TUPLE, .nparams = n,
                 .params = copy_types(elems, n)};
    for (int i = 0; i < n; i++) tmpl.size = size_add(tmpl.size, elems[i]->size);
    return intern(&tmpl);
}

/* Arrays are copied before interning (a duplicate's copy is garbage). */
Type *type_struct(const Field *fields, int n) {
    Field *fs = n ? gc_alloc(n * sizeof *fs) : NULL;
    int64_t off = 0;
    for (int i = 0; i < n; i++) {
        fs[i] = fields[i];
        fs[i].name = str_intern(fields[i].name ? fields[i].name : "_");
        fs[i].pkg = str_intern(fields[i].pkg);
        fs[i].offset = off;
        off = size_add(off, fields[i].type->size);
    }
    Type tmpl = {.kind = K_STRUCT, .size = off, .fields = fs, .nfields = n};
    return intern(&tmpl);
}

static int method_cmp(const void *a, const void *b) {
    return strcmp(((const Method *)a)->name, ((const Method *)b)->name);
}

Type *type_interface(const Method *methods, int n) {
    Method *ms = n ? gc_alloc(n * sizeof *ms) : NULL;
    for (int i = 0; i < n; i++) {
        ms[i] = methods[i];
        ms[i].name = str_intern(methods[i].name);
        ms[i].decl = NULL;
        ms[i].ptr_recv = false;
    }
    if (n) qsort(ms, n, sizeof *ms, method_cmp);
    Type tmpl = {.kind = K_INTERFACE, .size = 1, .methods = ms, .nmethods = n};
    return intern(&tmpl);
}

/* ---- named types ---------------------------------------------------------- */

Type *type_new_named(const char *pkg, const char *name) {
    Type *t = gc_alloc(sizeof *t);
    t->kind = K_INVALID;
    t->name = str_intern(name);
    t->pkg = str_intern(pkg);
    t->size = 1;   /* provisional, until the underlying type is known */
    pthread_mutex_lock(&intern_mu);
    t->id = next_id++;
    pthread_mutex_unlock(&intern_mu);
    t->hash = (uint32_t)t->id * 2654435761u;
    t->underlying = NULL;
    return t;
}

void type_set_underlying(Type *named, Type *under) {
    if (under->underlying) under = under->underlying;
    named->underlying = under;
    named->kind = under->kind;
    named->size = under->size;
    named->elem = under->elem;
    named->key = under->key;
    named->len = under->len;
    named->dir = under->dir;
    named->fields = under->fields;
    named->nfields = under->nfields;
    named->params = under->params;
    named->nparams = under->nparams;
    named->results = under->results;
    named->nresults = under->nresults;
    named->variadic = under->variadic;
    if (under->kind == K_INTERFACE) {
        /* interfaces have no declared methods: expose the method set */
        named->methods = under->methods;
        named->nmethods = under->nmethods;
    }
}

void type_add_method(Type *named, const Method *m) {
    Method *ms = gc_alloc((named->nmethods + 1) * sizeof *ms);
    if (named->nmethods)
        memcpy(ms, named->methods, named->nmethods * sizeof *ms);
    ms[named->nmethods] = *m;
    ms[named->nmethods].name = str_intern(m->name);
    named->methods = ms;
    named->nmethods++;
}

/* ---- queries -------------------------------------------------------------- */

int type_int_bits(Kind k) {
    switch (k) {
    case K_INT8: case K_UINT8: return 8;
    case K_INT16: case K_UINT16: return 16;
    case K_INT32: case K_UINT32: return 32;
    case K_INT: case K_INT64: case K_UINT: case K_UINT64: case K_UINTPTR:
        return 64;
    default: return 0;
    }
}

Proto *type_find_method(const Type *t, const char *interned_name) {
    int lo = 0, hi = t->nrmethods - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        int c = strcmp(t->rmethods[mid].name, interned_name);
        if (c == 0) return t->rmethods[mid].fn;
        if (c < 0) lo = mid + 1;
        else hi = mid - 1;
    }
    return NULL;
}

/* ---- spelling ------------------------------------------------------------- */

typedef struct Buf {
    char *p;
    size_t n, cap;
} Buf;

static void bput(Buf *b, const char *s) {
    size_t l = strlen(s);
    if (b->n + l + 1 > b->cap) {
        b->cap = (b->n + l + 1) * 2;
        b->p = gc_realloc(b->p, b->cap);
    }
    memcpy(b->p + b->n, s, l + 1);
    b->n += l;
}

/* How to spell: reflect (%T) or checker (types2 messages, relative to a
 * package whose own types print unqualified). */
typedef struct Style {
    bool checker;
    const char *pkg;
    unsigned aliases;   /* TS_BYTE | TS_RUNE */
} Style;

static const char *const basic_names[K_NKINDS] = {
    [K_INVALID] = "invalid type", [K_BOOL] = "bool", [K_INT] = "int",
    [K_INT8] = "int8", [K_INT16] = "int16", [K_INT32] = "int32",
    [K_INT64] = "int64", [K_UINT] = "uint", [K_UINT8] = "uint8",
    [K_UINT16] = "uint16", [K_UINT32] = "uint32", [K_UINT64] = "uint64",
    [K_UINTPTR] = "uintptr", [K_FLOAT32] = "float32",
    [K_FLOAT64] = "float64", [K_COMPLEX64] = "complex64",
    [K_COMPLEX128] = "complex128", [K_STRING] = "string",
    [K_UNTYPED_BOOL] = "untyped bool", [K_UNTYPED_INT] = "untyped int",
    [K_UNTYPED_RUNE] = "untyped rune", [K_UNTYPED_FLOAT] = "untyped float",
    [K_UNTYPED_COMPLEX] = "untyped complex",
    [K_UNTYPED_STRING] = "untyped string", [K_UNTYPED_NIL] = "untyped nil",
};

static void write_type(Buf *b, Type *t, Style st);

static void write_list(Buf *b, Type **ts, int n, bool variadic, Style st) {
    for (int i = 0; i < n; i++) {
        if (i) bput(b, ", ");
        if (variadic && i == n - 1 && ts[i]->kind == K_SLICE) {
            bput(b, "...");
            write_type(b, ts[i]->elem, st);
        } else {
            write_type(b, ts[i], st);
        }
    }
}

/* "(int, string) (bool, error)" — the part after "func". */
static void write_sig(Buf *b, Type *t, Style st) {
    bput(b, "(");
    write_list(b, t->params, t->nparams, t->variadic, st);
    bput(b, ")");
    if (t->nresults == 0) return;
    bput(b, " ");
    if (t->nresults > 1) bput(b, "(");
    write_list(b, t->results, t->nresults, false, st);
    if (t->nresults > 1) bput(b, ")");
}

/* A field's tag as Go spells it in a type: " " and the quoted value
 * (strconv.Quote's escapes for the bytes tags hold in practice). */
static void write_tag(Buf *b, const char *tag) {
    bput(b, " \"");
    for (const unsigned char *c = (const unsigned char *)tag; *c; c++) {
        char e[8] = {0};
        if (*c == '"' || *c == '\\') { e[0] = '\\'; e[1] = (char)*c; }
        else if (*c == '\n') memcpy(e, "\\n", 2);
        else if (*c == '\t') memcpy(e, "\\t", 2);
        else if (*c < 0x20 || *c == 0x7f) snprintf(e, sizeof e, "\\x%02x", *c);
        else e[0] = (char)*c;
        bput(b, e);
    }
    bput(b, "\"");
}

static void write_struct(Buf *b, Type *t, Style st) {
    if (t->nfields == 0) {
        bput(b, st.checker ? "struct{}" : "struct {}");
        return;
    }
    bput(b, st.checker ? "struct{" : "struct { ");
    for (int i = 0; i < t->nfields; i++) {
        if (i) bput(b, "; ");
        if (!t->fields[i].embedded) {
            bput(b, t->fields[i].name);
            bput(b, " ");
        }
        write_type(b, t->fields[i].type, st);
        if (t->fields[i].tag) write_tag(b, t->fields[i].tag);
    }
    bput(b, st.checker ? "}" : " }");
}

static void write_iface(Buf *b, Type *t, Style st) {
    if (t->nmethods == 0) {
        bput(b, st.checker ? "any" : "interface {}");
        return;
    }
    bput(b, st.checker ? "interface{" : "interface { ");
    for (int i = 0; i < t->nmethods; i++) {
        if (i) bput(b, "; ");
        bput(b, t->methods[i].name);
        write_sig(b, t->methods[i].sig, st);
    }
    bput(b, st.checker ? "}" : " }");
}

static void write_chan(Buf *b, Type *t, Style st) {
    if (t->dir == CHAN_RECV) bput(b, "<-chan ");
    else if (t->dir == CHAN_SEND) bput(b, "chan<- ");
    else bput(b, "chan ");
    /* chan (<-chan int) needs parentheses to stay unambiguous */
    bool paren = t->dir == CHAN_BOTH && t->elem->kind == K_CHAN &&
                 !t->elem->name && t->elem->dir == CHAN_RECV;
    if (paren) bput(b, "(");
    write_type(b, t->elem, st);
    if (paren) bput(b, ")");
}

static void write_named(Buf *b, Type *t, Style st) {
    if (t->pkg && !(st.checker && st.pkg && strcmp(st.pkg, t->pkg) == 0)) {
        bput(b, t->pkg);
        bput(b, ".");
    }
    bput(b, t->name);
}

static void write_type(Buf *b, Type *t, Style st) {
    if (!t) {
        bput(b, "invalid type");
        return;
    }
    if (t->name) {
        write_named(b, t, st);
        return;
    }
    char num[32];
    switch (t->kind) {
    case K_ARRAY:
        snprintf(num, sizeof num, "[%lld]", (long long)t->len);
        bput(b, num);
        write_type(b, t->elem, st);
        break;
    case K_SLICE: bput(b, "[]"); write_type(b, t->elem, st); break;
    case K_POINTER: bput(b, "*"); write_type(b, t->elem, st); break;
    case K_MAP:
        bput(b, "map[");
        write_type(b, t->key, st);
        bput(b, "]");
        write_type(b, t->elem, st);
        break;
    case K_CHAN: write_chan(b, t, st); break;
    case K_FUNC: bput(b, "func"); write_sig(b, t, st); break;
    case K_STRUCT: write_struct(b, t, st); break;
    case K_INTERFACE: write_iface(b, t, st); break;
    case K_TUPLE:
        bput(b, "(");
        write_list(b, t->params, t->nparams, false, st);
        bput(b, ")");
        break;
    default:
        if (t->kind == K_UINT8 && (st.aliases & TS_BYTE)) bput(b, "byte");
        else if (t->kind == K_INT32 && (st.aliases & TS_RUNE)) bput(b, "rune");
        else bput(b, basic_names[t->kind] ? basic_names[t->kind] : "invalid type");
    }
}

const char *type_string(Type *t) {
    /* any thread (fmt's %T): the cache is written with release and read
     * with acquire; racing writers store the same interned string */
    const char *cached = t ? __atomic_load_n(&t->str, __ATOMIC_ACQUIRE) : NULL;
    if (cached) return cached;
    Buf b = {0};
    bput(&b, "");
    write_type(&b, t, (Style){false, NULL, 0});
    const char *s = str_intern(b.p);
    if (t) __atomic_store_n(&t->str, s, __ATOMIC_RELEASE);
    return s;
}

const char *type_string_rel(Type *t, const char *pkg, unsigned aliases) {
    Buf b = {0};
    bput(&b, "");
    write_type(&b, t, (Style){true, pkg, aliases});
    return b.p;
}

/* ---- Go's sizes (amd64) -------------------------------------------------------- */

static int64_t go_align(const Type *t) {
    switch (t->kind) {
    case K_BOOL: case K_INT8: case K_UINT8: return 1;
    case K_INT16: case K_UINT16: return 2;
    case K_INT32: case K_UINT32: case K_FLOAT32: case K_COMPLEX64: return 4;
    case K_ARRAY: return go_align(t->elem);
    case K_STRUCT: {
        int64_t a = 1;
        for (int i = 0; i < t->nfields; i++) {
            int64_t fa = go_align(t->fields[i].type);
            if (fa > a) a = fa;
        }
        return a;
    }
    default: return 8;
    }
}

static int64_t go_add(int64_t a, int64_t b) {
    return a > TYPE_GO_MAX_WIDTH - b ? TYPE_GO_MAX_WIDTH : a + b;
}

int64_t type_goalign(const Type *t) { return go_align(t); }

int64_t type_gooffset(const Type *t, int field) {
    int64_t off = 0;
    for (int i = 0; i <= field && i < t->nfields; i++) {
        int64_t a = go_align(t->fields[i].type);
        off = go_add(off, (a - off % a) % a);
        if (i < field)
            off = go_add(off, type_gosize(t->fields[i].type));
    }
    return off;
}

static int64_t go_struct_size(const Type *t) {
    int64_t off = 0, last = -1;
    for (int i = 0; i < t->nfields; i++) {
        int64_t a = go_align(t->fields[i].type);
        off = go_add(off, (a - off % a) % a);
        last = type_gosize(t->fields[i].type);
        off = go_add(off, last);
    }
    if (last == 0 && off > 0)   /* gc pads a trailing zero-size field of */
        off = go_add(off, 1);   /* a non-empty struct (&last stays inside) */
    int64_t a = go_align(t);
    return go_add(off, (a - off % a) % a);
}

int64_t type_gosize(const Type *t) {
    switch (t->kind) {
    case K_BOOL: case K_INT8: case K_UINT8:
    case K_INT16: case K_UINT16:
    case K_INT32: case K_UINT32: case K_FLOAT32:
        return go_align(t);
    case K_STRING: case K_INTERFACE: case K_COMPLEX128: return 16;
    case K_SLICE: return 24;
    case K_ARRAY: {
        int64_t e = type_gosize(t->elem);
        return e && t->len > TYPE_GO_MAX_WIDTH / e ? TYPE_GO_MAX_WIDTH : e * t->len;
    }
    case K_STRUCT: return go_struct_size(t);
    default: return 8;
    }
}

bool type_has_pointers(const Type *t) {
    switch (t->kind) {
    case K_BOOL: case K_INT: case K_INT8: case K_INT16: case K_INT32: case K_INT64:
    case K_UINT: case K_UINT8: case K_UINT16: case K_UINT32: case K_UINT64:
    case K_UINTPTR: case K_FLOAT32: case K_FLOAT64: case K_COMPLEX64: case K_COMPLEX128:
        return false;
    case K_ARRAY:
        return t->len > 0 && type_has_pointers(t->elem);
    case K_STRUCT:
        for (int i = 0; i < t->nfields; i++)
            if (type_has_pointers(t->fields[i].type))
                return true;
        return false;
    default:
        return true;
    }
}
