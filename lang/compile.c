/*
 * compile.c — the bytecode compiler's driver: turns a checked Program into
 * a CProgram. Owns the per-function state (FuncState), instruction and
 * constant emission, function prologues/epilogues, globals and package
 * initialisation, and the runtime method tables (Type.rmethods) with the
 * bytecode thunks that adapt receivers (value <-> pointer, embedding,
 * bound method values). Expressions are in compile_expr.c, statements in
 * compile_stmt.c; the shared design notes are in compile_int.h.
 *
 * ORDER: (1) every package's globals get slots and every function a Proto
 * shell (so calls can refer to functions compiled later, across packages);
 * natives are bound here. (2) method tables for every named type. (3)
 * function bodies and one init Proto per package (var initialisers in the
 * checker's dependency order, then init() functions).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "compile_int.h"
#include "../runtime/ffi.h"

/* ---- emission ------------------------------------------------------------------- */

int here(FuncState *fs) { return fs->ncode; }

/* Whether op reads or writes memory other goroutines may share (globals,
 * captured variables, cells, pointers, slices, maps) or synchronises with
 * them (channel operations, go statements, calls of natives: sync, atomic,
 * time): the simulation preempts before these (Program.sched_points).
 * Calls of csp functions already are preemption points. */
static bool shared_access(unsigned op) {
    switch (op) {
    case OP_GETG: case OP_SETG: case OP_GETUP: case OP_SETUP:
    case OP_CELLGET: case OP_CELLSET: case OP_LOAD: case OP_STORE:
    case OP_COPYN: case OP_BOXCOPY: case OP_SGET: case OP_SSET:
    case OP_MAPGET: case OP_MAPGET2: case OP_MAPSET: case OP_MAPDEL:
    case OP_SEND: case OP_RECV: case OP_CLOSE: case OP_SELECT: case OP_GO:
    case OP_CALLN: case OP_CALLNR: case OP_CALLNU: case OP_CALLNF:
    case OP_CALLNFU:
        return true;
    default:
        return false;
    }
}

/* Whether this function gets the simulation's preemption points. */
bool comp_sched_points(FuncState *fs) {
    return fs->C->prog->sched_points && fs->C->is_main;
}

int emit(FuncState *fs, unsigned op, int64_t a, int64_t b, int64_t c) {
    if (shared_access(op) && comp_sched_points(fs))
        emit_raw(fs, OP_SCHEDPT, 0, 0, 0);
    return emit_raw(fs, op, a, b, c);
}

/* emit without the simulation's preemption point. */
int emit_raw(FuncState *fs, unsigned op, int64_t a, int64_t b, int64_t c) {
    /* Sizes and offsets beyond C's 24 bits (arrays over 2^24 slots) go to
     * the K-operand variants of the few instructions that carry them. */
    if (c > INS_MAX_C) {
        unsigned wide = op == OP_ADDR ? OP_ADDRK : op == OP_BOXNEW ? OP_BOXNEWK
                      : op == OP_BOXCOPY ? OP_BOXCOPYK : op == OP_COPYN ? OP_COPYNK : 0;
        if (wide) {
            op = wide;
            c = k_int(fs, c);
        }
    }
    /* An operand that does not fit (a type or offset over 2^24 slots) must
     * not be truncated into a wrong size: say so instead. */
    if (a < INS_MIN_SB || a > INS_MAX_A || b < INS_MIN_SB || b > INS_MAX_A ||
        c < INS_MIN_SC || c > INS_MAX_C) {
        comp_error(fs, (Pos){0}, "csp cannot hold a type this large "
                   "(more than %d slots or elements)", INS_MAX_C);
        a = b = c = 0;
    }
    if (fs->ncode == fs->capcode) {
        /* pointer-free memory: instructions must not pin GC objects */
        int cap = fs->capcode ? fs->capcode * 2 : 64;
        Instr *code = gc_alloc_atomic(cap * sizeof(Instr));
        int32_t *lines = gc_alloc_atomic(cap * sizeof(int32_t));
        if (fs->ncode) {
            memcpy(code, fs->code, fs->ncode * sizeof(Instr));
            memcpy(lines, fs->lines, fs->ncode * sizeof(int32_t));
        }
        fs->code = code;
        fs->lines = lines;
        fs->capcode = cap;
    }
    fs->code[fs->ncode] = ins_make(op, a, b, c);
    fs->lines[fs->ncode] = fs->line;
    return fs->ncode++;
}

int emit_extra(FuncState *fs, int64_t a, int64_t b, int64_t c) {
    return emit(fs, OP_EXTRA, a, b, c);
}

int emit_jump(FuncState *fs, unsigned op, unsigned a, unsigned b) {
    return emit(fs, op, a, b, 0);
}

void patch_to(FuncState *fs, int pc, int target) {
    Instr i = fs->code[pc];
    int64_t off = target - (pc + 1);
    if (off < INS_MIN_SC || off > INS_MAX_SC)
        comp_error(fs, (Pos){0}, "function too large (jump out of range)");
    fs->code[pc] = ins_make(INS_OP(i), INS_A(i), INS_B(i), off);
}

void patch_here(FuncState *fs, int pc) { patch_to(fs, pc, fs->ncode); }

void jl_add(JumpList *l, int pc) {
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 8;
        l->pcs = gc_realloc(l->pcs, l->cap * sizeof(int));
    }
    l->pcs[l->n++] = pc;
}

void jl_patch_to(FuncState *fs, JumpList *l, int target) {
    for (int i = 0; i < l->n; i++)
        patch_to(fs, l->pcs[i], target);
    l->n = 0;
}

void jl_patch_here(FuncState *fs, JumpList *l) { jl_patch_to(fs, l, fs->ncode); }

int alloc_regs(FuncState *fs, int n) {
    int r = fs->freereg;
    fs->freereg += n;
    if (fs->freereg > fs->maxregs) {
        fs->maxregs = fs->freereg;
        if (fs->maxregs > COMP_MAX_REGS) {
            comp_error(fs, (Pos){0}, "function uses too many registers");
            fs->freereg = fs->nactive;
        }
    }
    return r;
}

int alloc_reg(FuncState *fs) { return alloc_regs(fs, 1); }

void set_line(FuncState *fs, Pos pos) {
    if (pos.line > 0)
        fs->line = pos.line;
}

/* ---- constants ------------------------------------------------------------------ */

/* Constants are shared within a function; the search looks back a bounded
 * window so that huge literal tables stay linear to compile. */
enum { K_DEDUP_WINDOW = 256 };

static int k_add(FuncState *fs, Slot v, KTag tag) {
    int from = fs->nk > K_DEDUP_WINDOW ? fs->nk - K_DEDUP_WINDOW : 0;
    for (int i = from; i < fs->nk; i++)
        if (fs->ktag[i] == tag && fs->k[i].u == v.u)
            return i;
    if (fs->nk == fs->capk) {
        fs->capk = fs->capk ? fs->capk * 2 : 16;
        fs->k = gc_realloc(fs->k, fs->capk * sizeof(Slot));
        fs->ktag = gc_realloc(fs->ktag, fs->capk);
    }
    if (fs->nk >= COMP_MAX_CONSTS)
        comp_error(fs, (Pos){0}, "function has too many constants");
    fs->k[fs->nk] = v;
    fs->ktag[fs->nk] = (uint8_t)tag;
    return fs->nk++;
}

int k_int(FuncState *fs, int64_t v) { return k_add(fs, (Slot){.i = v}, KT_INT); }
int k_float(FuncState *fs, double v) { return k_add(fs, (Slot){.f = v}, KT_FLOAT); }
int k_ptr(FuncState *fs, void *p, KTag tag) { return k_add(fs, (Slot){.p = p}, tag); }

int k_str(FuncState *fs, const char *s, int64_t len) {
    int from = fs->nk > K_DEDUP_WINDOW ? fs->nk - K_DEDUP_WINDOW : 0;
    for (int i = from; i < fs->nk; i++) {
        if (fs->ktag[i] != KT_STR)
            continue;
        Str *t = fs->k[i].p;
        if (str_len(t) == len && memcmp(str_data(t), s, (size_t)len) == 0)
            return i;
    }
    return k_add(fs, (Slot){.p = str_new(s, len)}, KT_STR);
}

void load_int(FuncState *fs, int dst, int64_t v) {
    if (v >= INS_MIN_SC && v <= INS_MAX_SC)
        emit(fs, OP_LOADI, dst, 0, v);
    else
        emit(fs, OP_LOADK, dst, 0, k_int(fs, v));
}

/* ---- errors --------------------------------------------------------------------- */

void comp_error(FuncState *fs, Pos pos, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (!pos.file && fs->proto) {
        diag_error_at(fs->C->d, fs->proto->file, fs->line, 1, "%s", buf);
        return;
    }
    diag_error(fs->C->d, pos, "%s", buf);
}

void comp_unsupported(FuncState *fs, Pos pos, const char *what) {
    if (fs->C->is_main) {
        comp_error(fs, pos, "%s is not supported yet", what);
        return;
    }
    emit(fs, OP_UNSUP, 0, 0, k_ptr(fs, (void *)what, KT_NAME));
}

/* ---- protos ---------------------------------------------------------------------- */

Proto *proto_new(Comp *C, const char *name, const char *file, int line) {
    Proto *p = gc_alloc(sizeof *p);
    p->name = name;
    p->file = file ? file : "?";
    p->line = line;
    p->defer_ret_pc = -1;
    if (C->nprotos == C->capprotos) {
        C->capprotos = C->capprotos ? C->capprotos * 2 : 64;
        C->protos = gc_realloc(C->protos, C->capprotos * sizeof(Proto *));
    }
    p->index = C->nprotos;
    C->protos[C->nprotos++] = p;
    return p;
}

static void fs_init(FuncState *fs, Comp *C, FuncState *parent, Proto *p) {
    memset(fs, 0, sizeof *fs);
    fs->C = C;
    fs->parent = parent;
    fs->proto = p;
    fs->pkg = C->pkg;
    fs->line = p->line;
}

static void fs_finish(FuncState *fs) {
    Proto *p = fs->proto;
    p->code = fs->code;
    p->lines = fs->lines;
    p->ncode = fs->ncode;
    p->uidx = fs->uidx;
    p->nuidx = fs->nuidx;
    p->k = fs->k;
    p->ktag = fs->ktag;
    p->nk = fs->nk;
    p->maxregs = fs->maxregs > p->nparams ? fs->maxregs : p->nparams;
    if (p->maxregs < p->nresults)
        p->maxregs = p->nresults;
    p->nicache = fs->nicache;
    if (fs->nicache)
        p->icache = gc_alloc(fs->nicache * sizeof *p->icache);
    p->ncaps = fs->nups;
    if (fs->nups) {
        p->caps = gc_alloc(fs->nups * sizeof(CapDesc));
        for (int i = 0; i < fs->nups; i++)
            p->caps[i] = fs->ups[i].cap;
    }
}

static const char *src_path(Pos pos) {
    return pos.file ? pos.file->path : "?";
}

/* Registers for parameters: receiver first, one per parameter. */
static void bind_params(FuncState *fs, FuncInfo *info, bool has_recv) {
    Type *sig = info->sig;
    int n = (has_recv ? 1 : 0) + (sig ? sig->nparams : info->nparams);
    alloc_regs(fs, n);
    fs->nactive = n;
    fs->proto->nparams = n;
    int r = 0;
    if (has_recv) {
        if (info->recv)
            declare_local(fs, info->recv, r);
        r++;
    }
    for (int i = 0; i < info->nparams && r < n; i++, r++)
        if (info->params[i] && info->params[i]->name &&
            strcmp(info->params[i]->name, "_") != 0)
            declare_local(fs, info->params[i], r);
}

/* Result variables: named ones, or synthetic ones when the function has
 * defers (a recovered frame returns their current values). */
static void bind_results(FuncState *fs, FuncInfo *info) {
    Type *sig = info->sig;
    int n = sig ? sig->nresults : info->nresults;
    fs->proto->nresults = n;
    if (!info->named_results && !fs->has_defer && !info->rf_return)
        return;
    fs->results = gc_alloc((n + 1) * sizeof(Object *));
    fs->nresults = n;
    for (int i = 0; i < n; i++) {
        Object *o = i < info->nresults ? info->results[i] : NULL;
        if (!o || !o->name || strcmp(o->name, "_") == 0) {
            Object *s = gc_alloc(sizeof *s);
            s->kind = OBJ_VAR;
            s->name = "~r";
            s->type = sig->results[i];
            s->is_result = true;
            s->captured = info->rf_return;  /* a loop body stores it */
            o = s;
        }
        fs->results[i] = o;
        int r = alloc_reg(fs);
        emit_zero(fs, r, o->type);
        declare_local(fs, o, r);
        fs->nactive = fs->freereg;
    }
}

Proto *comp_function(Comp *C, FuncState *parent, FuncInfo *info, Stmt *body,
                     bool has_recv, Proto *into, Pos pos) {
    Proto *p = into ? into
                    : proto_new(C, info->name ? info->name : "func",
                                src_path(pos), pos.line);
    p->sig = info->sig;
    p->variadic = info->sig && info->sig->variadic;
    FuncState fs;
    fs_init(&fs, C, parent, p);
    fs.info = info;
    fs.has_defer = info->has_defer; /* the checker saw a defer statement */
    p->has_defer = fs.has_defer;
    info->comp = &fs;
    bind_params(&fs, info, has_recv);
    bind_results(&fs, info);
    if (info->rangefunc_body) {
        fs.rf = C->rf_pending;
        C->rf_pending = NULL;
        comp_range_prologue(&fs);
    }
    if (body) {
        set_line(&fs, body->pos);
        cstmt(&fs, body);
        if (body->kind == S_BLOCK)
            set_line(&fs, body->u.block.rbrace);
    }
    if (fs.rf)
        comp_range_epilogue(&fs);
    emit_return_epilogue(&fs);
    fs_finish(&fs);
    info->comp = NULL;
    return p;
}

/* The Proto of a declared function or method (created in pass 1). */
Proto *func_proto(Comp *C, Object *fn) {
    if (fn && fn->comp)
        return fn->comp;
    /* A function declared in a package compiled without pass 1 (should not
     * happen): make an empty shell so compilation can go on. */
    Proto *p = proto_new(C, fn ? fn->name : "?", "?", 0);
    if (fn)
        fn->comp = p;
    return p;
}

/* ---- thunks ----------------------------------------------------------------------- */

enum { TK_METHOD, TK_BOUND, TK_IFACE_BOUND };

static Proto *thunk_find(Comp *C, int kind, void *a, void *b, const char *name) {
    for (int i = 0; i < C->nthunks; i++) {
        ThunkEntry *t = &C->thunks[i];
        if (t->kind == kind && t->a == a && t->b == b && t->name == name)
            return t->p;
    }
    return NULL;
}

static void thunk_add(Comp *C, int kind, void *a, void *b, const char *name,
                      Proto *p) {
    if (C->nthunks == C->capthunks) {
        C->capthunks = C->capthunks ? C->capthunks * 2 : 32;
        C->thunks = gc_realloc(C->thunks, C->capthunks * sizeof(ThunkEntry));
    }
    C->thunks[C->nthunks++] = (ThunkEntry){kind, a, b, name, p};
}

static void thunk_begin(FuncState *fs, Comp *C, Proto *p, Type *sig, int nrecv) {
    fs_init(fs, C, NULL, p);
    p->wrapper = true;
    p->sig = sig;
    p->nparams = nrecv + sig->nparams;
    p->nresults = sig->nresults;
    p->variadic = sig->variadic;
    alloc_regs(fs, p->nparams);
    fs->nactive = p->nparams;
}

/* Moves the thunk's own parameters (from first) after the receiver slot of
 * the call at base, calls, returns the results. */
static void thunk_finish_call(FuncState *fs, int base, int first, Type *sig,
                              unsigned op, int kidx, int cache) {
    for (int i = 0; i < sig->nparams; i++) {
        int r = alloc_reg(fs);
        emit(fs, OP_MOVE, r, first + i, 0);
    }
    if (op == OP_CALLI)
        emit(fs, OP_CALLI, base, kidx, cache);
    else
        emit(fs, OP_CALLK, base, 0, kidx);
    emit(fs, OP_RET, base, sig->nresults, 0);
    fs_finish(fs);
}

/* Puts into R[dst] the receiver method m wants, from location (reg, off) of
 * a value of type have (S or *S), or emits an interface call. */
static void thunk_recv(FuncState *fs, int dst, int reg, int off, bool is_addr,
                       Type *have, Object *m) {
    bool want_ptr = m->recv && m->recv->kind == K_POINTER;
    if (!is_addr) {                  /* reg holds the value itself */
        if (have->kind == K_POINTER && !want_ptr) {
            Type *et = have->elem;
            if (type_is_boxed(et)) emit(fs, OP_BOXCOPY, dst, reg, et->size);
            else emit(fs, OP_LOAD, dst, reg, 0);
        } else if (type_is_boxed(have)) {
            emit(fs, OP_BOXCOPY, dst, reg, have->size);
        } else {
            emit(fs, OP_MOVE, dst, reg, 0);
        }
        return;
    }
    if (have->kind == K_POINTER) {
        emit(fs, OP_LOAD, dst, reg, off);
        if (!want_ptr) {
            Type *et = have->elem;
            if (type_is_boxed(et)) emit(fs, OP_BOXCOPY, dst, dst, et->size);
            else emit(fs, OP_LOAD, dst, dst, 0);
        }
        return;
    }
    if (want_ptr) {
        emit(fs, OP_ADDR, dst, reg, off);
    } else if (type_is_boxed(have)) {
        emit(fs, OP_ADDR, dst, reg, off);
        emit(fs, OP_BOXCOPY, dst, dst, have->size);
    } else {
        emit(fs, OP_LOAD, dst, reg, off);
    }
}

/* Adapter giving method m (reached from receiver type recv through the
 * embedded fields path) the calling convention of recv's method table. */
Proto *thunk_method(Comp *C, Type *recv, int *path, int npath, Object *m) {
    char key[64];
    snprintf(key, sizeof key, "%d", npath);
    const char *pk = str_intern(key);
    Proto *cached = thunk_find(C, TK_METHOD, recv, m, pk);
    if (cached && npath == 0)
        return cached;
    Type *sig = m->type;
    char name[512];
    snprintf(name, sizeof name, "%s.%s", type_string(recv), m->name);
    Proto *p = proto_new(C, gc_strdup(name), "<autogenerated>", 1);
    FuncState fs;
    thunk_begin(&fs, C, p, sig, 1);
    int base = alloc_reg(&fs);
    int rr = alloc_reg(&fs);
    int reg = 0, off = 0;
    bool is_addr = false;
    Type *t = recv;
    for (int i = 0; i < npath; i++) {
        if (t->kind == K_POINTER) {
            if (is_addr) {
                emit(&fs, OP_LOAD, rr, reg, off);
                reg = rr;
            }
            off = 0;
            is_addr = true;
            t = t->elem;
        } else if (!is_addr) {
            is_addr = true;          /* reg holds a box: its address */
            off = 0;
        }
        Field *fl = &t->fields[path[i]];
        off += fl->offset;
        t = fl->type;
    }
    if (t->kind == K_INTERFACE || (t->kind == K_POINTER && t->elem->kind == K_INTERFACE)) {
        /* promoted from an embedded interface: dynamic dispatch */
        if (is_addr) emit(&fs, OP_LOAD, rr, reg, off);
        else emit(&fs, OP_MOVE, rr, reg, 0);
        int kn = k_ptr(&fs, (void *)m->name, KT_NAME);
        thunk_finish_call(&fs, base, 1, sig, OP_CALLI, kn, fs.nicache++);
    } else {
        thunk_recv(&fs, rr, reg, off, is_addr, t, m);
        thunk_finish_call(&fs, base, 1, sig, OP_CALLK,
                          k_ptr(&fs, func_proto(C, m), KT_PROTO), 0);
    }
    if (npath == 0)
        thunk_add(C, TK_METHOD, recv, m, pk, p);
    return p;
}

/* Function behind a method value x.M: U[0] holds the receiver, already in
 * the form M wants (a boxed value receiver is copied on each call). */
Proto *thunk_bound(Comp *C, Object *m) {
    Proto *cached = thunk_find(C, TK_BOUND, m, NULL, NULL);
    if (cached)
        return cached;
    Type *sig = m->type;
    char name[512];
    snprintf(name, sizeof name, "%s-fm", func_proto(C, m)->name);
    Proto *p = proto_new(C, gc_strdup(name), "<autogenerated>", 1);
    FuncState fs;
    thunk_begin(&fs, C, p, sig, 0);
    int base = alloc_reg(&fs);
    int rr = alloc_reg(&fs);
    emit(&fs, OP_UPREF, rr, 0, 0);
    Type *rt = m->recv;
    if (rt && type_is_boxed(rt))
        emit(&fs, OP_BOXCOPY, rr, rr, rt->size);
    thunk_finish_call(&fs, base, 0, sig, OP_CALLK,
                      k_ptr(&fs, func_proto(C, m), KT_PROTO), 0);
    thunk_add(C, TK_BOUND, m, NULL, NULL, p);
    return p;
}

/* Method value of an interface: U[0] holds the interface. */
Proto *thunk_iface_bound(Comp *C, Type *iface, int index) {
    Method *mt = &iface->methods[index];
    Proto *cached = thunk_find(C, TK_IFACE_BOUND, mt->sig, NULL, mt->name);
    if (cached)
        return cached;
    char name[512];
    snprintf(name, sizeof name, "%s.%s-fm", type_string(iface), mt->name);
    Proto *p = proto_new(C, gc_strdup(name), "<autogenerated>", 1);
    FuncState fs;
    thunk_begin(&fs, C, p, mt->sig, 0);
    int base = alloc_reg(&fs);
    int rr = alloc_reg(&fs);
    emit(&fs, OP_UPREF, rr, 0, 0);
    int kn = k_ptr(&fs, (void *)mt->name, KT_NAME);
    thunk_finish_call(&fs, base, 0, mt->sig, OP_CALLI, kn, fs.nicache++);
    thunk_add(C, TK_IFACE_BOUND, mt->sig, NULL, mt->name, p);
    return p;
}

/* ---- method tables -------------------------------------------------------------------
 * Go's method sets with embedding: a name found at a shallower depth wins;
 * two at the same depth cancel out (ambiguous); fields block methods of the
 * same name. For the value type T a promoted pointer-receiver method is only
 * included when the path crosses an embedded pointer. */

typedef struct Cand {
    const char *name;
    int depth;
    bool is_field;
    bool ptr_step;           /* the path crosses an embedded pointer */
    Object *m;               /* method (NULL for fields / iface methods) */
    bool iface;              /* method of an embedded interface */
    int *path;
    int npath;
    int count;               /* candidates of this name at this depth */
} Cand;

typedef struct CandList {
    Cand *v;
    int n, cap;
} CandList;

static void cand_add(CandList *l, Cand c) {
    for (int i = 0; i < l->n; i++) {
        if (l->v[i].name != c.name)
            continue;
        if (c.depth < l->v[i].depth) {
            c.count = 1;
            l->v[i] = c;
        } else if (c.depth == l->v[i].depth) {
            l->v[i].count++;
        }
        return;
    }
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->v = gc_realloc(l->v, l->cap * sizeof(Cand));
    }
    c.count = 1;
    l->v[l->n++] = c;
}

static void collect(CandList *l, Type *t, int depth, int *path, int npath,
                    bool ptr_step) {
    if (depth > 8)
        return;                      /* recursive embedding */
    if (t->kind == K_POINTER) {
        t = t->elem;
        ptr_step = true;
    }
    if (t->name && depth > 0) {
        for (int i = 0; i < t->nmethods; i++) {
            Method *m = &t->methods[i];
            if (t->kind == K_INTERFACE)
                cand_add(l, (Cand){.name = m->name, .depth = depth,
                                   .ptr_step = ptr_step, .iface = true,
                                   .path = path, .npath = npath});
            else if (m->decl)
                cand_add(l, (Cand){.name = m->name, .depth = depth,
                                   .ptr_step = ptr_step, .m = m->decl,
                                   .path = path, .npath = npath});
        }
    } else if (t->kind == K_INTERFACE && depth > 0) {
        for (int i = 0; i < t->nmethods; i++)
            cand_add(l, (Cand){.name = t->methods[i].name, .depth = depth,
                               .ptr_step = ptr_step, .iface = true,
                               .path = path, .npath = npath});
    }
    if (t->kind != K_STRUCT)
        return;
    for (int i = 0; i < t->nfields; i++) {
        Field *f = &t->fields[i];
        cand_add(l, (Cand){.name = f->name, .depth = depth + 1, .is_field = true});
        if (!f->embedded)
            continue;
        int *np = gc_alloc((npath + 1) * sizeof(int));
        if (npath)
            memcpy(np, path, npath * sizeof(int));
        np[npath] = i;
        collect(l, f->type, depth + 1, np, npath + 1, ptr_step);
    }
}

static int rm_cmp(const void *a, const void *b) {
    return strcmp(((const RMethod *)a)->name, ((const RMethod *)b)->name);
}

/* Builds rmethods for the value type (ptr = false) or pointer type. */
static void build_rmethods(Comp *C, Type *named, bool ptr) {
    Type *recv = ptr ? type_pointer(named) : named;
    CandList l = {0};
    for (int i = 0; i < named->nmethods; i++) {
        Method *m = &named->methods[i];
        if (m->decl)
            cand_add(&l, (Cand){.name = m->name, .depth = 0, .m = m->decl});
    }
    if (named->kind == K_STRUCT)
        collect(&l, named, 0, NULL, 0, false);
    RMethod *rm = gc_alloc((l.n + 1) * sizeof(RMethod));
    int n = 0;
    for (int i = 0; i < l.n; i++) {
        Cand *c = &l.v[i];
        if (c->is_field || c->count != 1 || (!c->m && !c->iface))
            continue;
        if (c->m && !c->m->recv)
            continue;
        bool mptr = c->m && c->m->recv && c->m->recv->kind == K_POINTER;
        if (!ptr && mptr && (c->depth == 0 || !c->ptr_step))
            continue;                /* not in T's method set */
        Proto *fn;
        if (c->iface) {
            /* an interface method promoted through a field: dispatch */
            Object tmp = {.kind = OBJ_FUNC, .name = c->name};
            Type *ft = named;
            for (int j = 0; j < c->npath; j++) {
                if (ft->kind == K_POINTER) ft = ft->elem;
                ft = ft->fields[c->path[j]].type;
            }
            if (ft->kind == K_POINTER) ft = ft->elem;
            for (int j = 0; j < ft->nmethods; j++)
                if (ft->methods[j].name == c->name)
                    tmp.type = ft->methods[j].sig;
            if (!tmp.type)
                continue;
            Object *mo = gc_alloc(sizeof *mo);
            *mo = tmp;
            fn = thunk_method(C, recv, c->path, c->npath, mo);
        } else if (c->depth == 0 && mptr == ptr) {
            fn = func_proto(C, c->m);
        } else {
            fn = thunk_method(C, recv, c->path, c->npath, c->m);
        }
        fn->sig = c->m ? c->m->type : fn->sig;
        rm[n++] = (RMethod){c->name, fn};
    }
    qsort(rm, n, sizeof *rm, rm_cmp);
    recv->rmethods = rm;
    recv->nrmethods = n;
}

void comp_named_type(Comp *C, Type *t) {
    if (!t || !t->name || t->kind == K_INTERFACE || t->kind == K_INVALID)
        return;
    for (int i = 0; i < C->nnamed; i++)
        if (C->named[i] == t)
            return;
    if (C->nnamed == C->capnamed) {
        C->capnamed = C->capnamed ? C->capnamed * 2 : 32;
        C->named = gc_realloc(C->named, C->capnamed * sizeof(Type *));
    }
    C->named[C->nnamed++] = t;
    build_rmethods(C, t, false);
    build_rmethods(C, t, true);
}

/* An unnamed struct type with embedded fields (or a pointer to one) has the
 * promoted methods in its method set: interfaces holding it need their
 * rmethods too. Built once per type, when a value becomes an interface. */
static void comp_unnamed_struct(Comp *C, Type *t) {
    Type *st = t->kind == K_POINTER ? t->elem : t;
    if (st->name || st->kind != K_STRUCT)
        return;
    bool embeds = false;
    for (int i = 0; i < st->nfields; i++)
        embeds |= st->fields[i].embedded;
    if (!embeds)
        return;
    for (int i = 0; i < C->nnamed; i++)
        if (C->named[i] == st)
            return;
    if (C->nnamed == C->capnamed) {
        C->capnamed = C->capnamed ? C->capnamed * 2 : 32;
        C->named = gc_realloc(C->named, C->capnamed * sizeof(Type *));
    }
    C->named[C->nnamed++] = st;
    build_rmethods(C, st, false);
    build_rmethods(C, st, true);
}

int k_dyntype(FuncState *fs, Type *t) {
    comp_unnamed_struct(fs->C, t);
    return k_ptr(fs, t, KT_TYPE);
}

/* ---- packages ------------------------------------------------------------------------ */

static int global_new(Comp *C, const char *name, Type *t) {
    if (C->nglobals == C->capglobals) {
        C->capglobals = C->capglobals ? C->capglobals * 2 : 64;
        C->ginfo = gc_realloc(C->ginfo, C->capglobals * sizeof(GlobalInfo));
    }
    C->ginfo[C->nglobals] = (GlobalInfo){name, t};
    return C->nglobals++;
}

static void pass1_func(Comp *C, Package *pkg, Decl *d) {
    Object *o = d->u.func.obj;
    FuncInfo *info = d->u.func.info;
    if (!o || !info)
        return;
    const char *name = info->name ? info->name : o->name;
    Proto *p = proto_new(C, name, src_path(d->pos), d->pos.line);
    p->sig = info->sig;
    p->nparams = (d->u.func.recv ? 1 : 0) + (info->sig ? info->sig->nparams : 0);
    p->nresults = info->sig ? info->sig->nresults : 0;
    p->variadic = info->sig && info->sig->variadic;
    o->comp = p;
    if (d->u.func.body)
        return;
    p->native = d->u.func.ffi ? ffi_native(d->u.func.ffi) : lib_find_native(name);
    const NativeFast *fast = lib_native_fast(p->native);
    if (fast && p->nparams == 1 && p->nresults == 0) {
        p->fast_kind = (uint8_t)fast->kind;
        p->fast_slot = fast->slot;
        p->fast_x = fast->x;
        p->fast_y = fast->y;
        p->fast_rest = fast->rest;
    }
    p->maxregs = p->nparams > p->nresults ? p->nparams : p->nresults;
    if (!p->native)
        diag_error(C->d, d->pos, "missing native implementation for %s", name);
}

static void pass1(Comp *C, Package *pkg) {
    for (int i = 0; i < pkg->ninst_decls; i++)   /* generic instances */
        pass1_func(C, pkg, pkg->inst_decls[i]);
    for (int f = 0; f < pkg->nfiles; f++) {
        SrcFile *sf = pkg->files[f];
        for (int i = 0; sf && i < sf->ndecls; i++) {
            Decl *d = sf->decls[i];
            if (d->kind == D_FUNC) {
                pass1_func(C, pkg, d);
            } else if (d->kind == D_VAR) {
                for (int s = 0; s < d->u.vars.n; s++) {
                    ValueSpec *vs = &d->u.vars.specs[s];
                    for (int j = 0; j < vs->nnames; j++) {
                        Object *o = vs->objs ? vs->objs[j] : NULL;
                        if (!o)
                            continue;
                        char buf[256];
                        snprintf(buf, sizeof buf, "%s.%s", pkg->name, o->name);
                        o->reg = global_new(C, gc_strdup(buf), o->type);
                        o->comp = NULL;
                    }
                }
            }
        }
    }
}

static void pass2_types(Comp *C, Package *pkg) {
    for (int i = 0; i < pkg->ninst_types; i++)   /* generic type instances */
        comp_named_type(C, pkg->inst_types[i]);
    for (int f = 0; f < pkg->nfiles; f++) {
        SrcFile *sf = pkg->files[f];
        for (int i = 0; sf && i < sf->ndecls; i++) {
            Decl *d = sf->decls[i];
            if (d->kind != D_TYPE)
                continue;
            for (int s = 0; s < d->u.types.n; s++) {
                TypeSpec *ts = &d->u.types.specs[s];
                if (ts->obj && !ts->alias)
                    comp_named_type(C, ts->obj->type);
            }
        }
    }
}

/* Package init: zero boxes for boxed globals, var initialisers in the
 * checker's order, then the init() functions. */
static Proto *compile_init(Comp *C, Package *pkg) {
    char name[256];
    snprintf(name, sizeof name, "%s.init", pkg->name);
    const char *file = pkg->nfiles && pkg->files[0] ? pkg->files[0]->path : "?";
    Proto *p = proto_new(C, gc_strdup(name), file, 1);
    FuncInfo *info = gc_alloc(sizeof *info);
    info->name = p->name;
    info->sig = type_func(NULL, 0, NULL, 0, false);
    FuncState fs;
    fs_init(&fs, C, NULL, p);
    fs.info = info;
    for (int f = 0; f < pkg->nfiles; f++) {
        SrcFile *sf = pkg->files[f];
        for (int i = 0; sf && i < sf->ndecls; i++) {
            Decl *d = sf->decls[i];
            if (d->kind != D_VAR)
                continue;
            for (int s = 0; s < d->u.vars.n; s++) {
                ValueSpec *vs = &d->u.vars.specs[s];
                for (int j = 0; j < vs->nnames; j++) {
                    Object *o = vs->objs ? vs->objs[j] : NULL;
                    if (o && (type_is_boxed(o->type) || comp_global_in_cell(C, o))) {
                        int r = alloc_reg(&fs);
                        emit(&fs, OP_BOXNEW, r, 0, o->type->size);
                        emit(&fs, OP_SETG, r, 0, o->reg);
                        fs.freereg = 0;
                    }
                }
            }
        }
    }
    for (int i = 0; i < pkg->ninits; i++) {
        ValueSpec *vs = pkg->inits[i];
        if (!vs->nvalues)
            continue;
        set_line(&fs, vs->pos);
        Stmt st = {.kind = S_ASSIGN, .pos = vs->pos};
        st.u.assign.lhs = vs->names;
        st.u.assign.nlhs = vs->nnames;
        st.u.assign.rhs = vs->values;
        st.u.assign.nrhs = vs->nvalues;
        st.u.assign.op = T_ASSIGN;
        cstmt(&fs, &st);
    }
    for (int i = 0; i < pkg->ninit_funcs; i++) {
        Decl *d = pkg->init_funcs[i];
        Object *o = d->u.func.obj;
        if (!o)
            continue;
        int base = alloc_reg(&fs);
        emit(&fs, OP_CALLK, base, 0, k_ptr(&fs, func_proto(C, o), KT_PROTO));
        fs.freereg = 0;
    }
    emit(&fs, OP_RET, 0, 0, 0);
    fs_finish(&fs);
    return p;
}

static void pass3(Comp *C, Package *pkg) {
    for (int i = 0; i < pkg->ninst_decls; i++) {
        Decl *d = pkg->inst_decls[i];
        if (d->u.func.body && d->u.func.obj && d->u.func.info)
            comp_function(C, NULL, d->u.func.info, d->u.func.body, d->u.func.recv != NULL,
                          func_proto(C, d->u.func.obj), d->pos);
    }
    for (int f = 0; f < pkg->nfiles; f++) {
        SrcFile *sf = pkg->files[f];
        for (int i = 0; sf && i < sf->ndecls; i++) {
            Decl *d = sf->decls[i];
            if (d->kind != D_FUNC || !d->u.func.body || !d->u.func.obj ||
                !d->u.func.info)
                continue;
            comp_function(C, NULL, d->u.func.info, d->u.func.body,
                          d->u.func.recv != NULL, func_proto(C, d->u.func.obj),
                          d->pos);
        }
    }
}

CProgram *comp_program(Program *prog, Diag *d) {
    Comp *C = gc_alloc(sizeof *C);
    C->prog = prog;
    C->d = d;
    int errs = diag_count(d);
    vm_runtime_error_type();         /* build the runtime types up front */
    for (int i = 0; i < prog->npkgs; i++) {
        C->pkg = prog->pkgs[i];
        pass1(C, prog->pkgs[i]);
    }
    for (int i = 0; i < prog->npkgs; i++) {
        C->pkg = prog->pkgs[i];
        C->is_main = prog->pkgs[i] == prog->main;
        pass2_types(C, prog->pkgs[i]);
    }
    CProgram *cp = gc_alloc(sizeof *cp);
    cp->inits = gc_alloc((prog->npkgs + 1) * sizeof(Proto *));
    for (int i = 0; i < prog->npkgs; i++) {
        C->pkg = prog->pkgs[i];
        C->is_main = prog->pkgs[i] == prog->main;
        pass3(C, prog->pkgs[i]);
        cp->inits[cp->ninits++] = compile_init(C, prog->pkgs[i]);
    }
    if (diag_count(d) > errs)
        return NULL;
    Object *m = prog->main ? check_lookup(prog->main,
                                          prog->entry ? prog->entry : "main") : NULL;
    if (m && m->kind == OBJ_FUNC)
        cp->main = func_proto(C, m);
    else if (prog->main)
        diag_error_at(d, prog->main->nfiles ? prog->main->files[0]->path : "?",
                      1, 1, "function main is undeclared in the main package");
    if (diag_count(d) > errs)
        return NULL;
    cp->protos = C->protos;
    cp->nprotos = C->nprotos;
    cp->nglobals = C->nglobals;
    cp->ginfo = C->ginfo;
    cp->globals = gc_alloc((C->nglobals + 1) * sizeof(Slot));
    return cp;
}
