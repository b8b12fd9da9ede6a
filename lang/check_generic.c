/*
 * check_generic.c — generics by monomorphization: one instance per
 * generic declaration and list of type arguments, made by the checker.
 *
 * WHY INSTANTIATION PER TYPE-ARGUMENT LIST: the VM never sees a type
 * parameter. An instance is ordinary code with concrete types, so
 * non-generic code pays nothing (no opcode, no check, no dictionary
 * load) and an instance runs as fast as the same function written by
 * hand: `a < b` on a T that is int is the int compare opcode, T's size
 * is known, values of T are stored unboxed. Rejected: dictionaries (gc's
 * GC-shape stenciling passes one per call) — every operation on a T value
 * would dispatch through it at run time, and the register-based VM would
 * need a boxed or variable-size representation for T. The price is code
 * size per distinct instantiation, paid at check/compile time only.
 *
 * FUNCTIONS. A generic function is not checked or compiled as such. Each
 * distinct list of type arguments it is used with makes an INSTANCE: the
 * declaration's syntax is cloned (ast_clone.c), its type parameter names
 * are declared in a scope between the declaring file's scope and the
 * function, as type names bound to the type arguments, and the clone is
 * checked and compiled as an ordinary function (cached by (generic, type
 * arguments); types are interned, so the cache compares pointers). Bodies
 * are queued and checked after the package's own bodies (gen_drain); the
 * compiler compiles Package.inst_decls with the package's functions.
 *
 * TYPES. T[A, B] is a new named type "T[A,B]" (argument types qualified,
 * as Go's reflect prints them: main.Pair[string,main.Point]) whose
 * underlying type is the cloned definition checked with the parameters
 * bound; it is cached before that, so recursive instances work. The
 * methods of a generic type are collected before any type is resolved
 * (resolving one may instantiate another); each instance gets clones of
 * them, with the receiver's own parameter names bound. Method signatures
 * may name types still being declared, so they are instantiated once the
 * requesting package has no type declaration half-resolved
 * (gen_flush_methods). A generic alias (Go 1.24) instantiates to the
 * aliased type; local generic types (Go 1.26) work the same way.
 *
 * INFERENCE follows types2's order: explicit arguments, then typed
 * arguments unified with the parameter types (inexact: a defined type
 * matches its underlying literal, and the defined one wins), then untyped
 * constants (the largest numeric kind, their default type), then core
 * types of constraints (S ~[]E binds E). A generic function assigned to a
 * func-typed target (var, =, return, argument) is inferred from the
 * target (Go 1.21).
 *
 * CONSTRAINTS are read from their syntax (the interface table interns
 * interface{~int} as interface{}): comparable, methods (chk_missing_method)
 * and unions of ~T / T terms, through named constraint interfaces
 * (Object->tspec). Such interfaces cannot be used as ordinary types.
 *
 * DEPARTURES from Go (known): a generic body is checked per instance with
 * the type parameters bound to concrete types, so an operation the
 * constraint does not permit is accepted when every type argument permits
 * it, and a generic declaration never instantiated is not checked (the
 * imports it names count as used). Methods of type instances are made
 * eagerly, so a method whose signature instantiates its own type with a
 * growing argument (func (x T[A]) f() T[[]A]) is an instantiation cycle
 * here while Go accepts it.
 */
#include "check_int.h"
#include "ast_clone.h"

#include <stdio.h>
#include <string.h>

#include "../runtime/gc.h"

/* One instance: the function (generic functions) or the named type
 * (generic types) made for a list of type arguments. */
typedef struct GenInst { Type **args; int nargs; Object *fn; Type *type; } GenInst;

/* A method declared on a generic type (receiver T[P] or *T[P]). */
typedef struct GenMethod { Decl *decl; Scope *file; bool ptr; } GenMethod;

struct Generic {
    Object *obj;
    Package *pkg;
    Scope *file;
    Decl *fdecl;             /* generic function, or NULL */
    TypeSpec *tspec;         /* generic type, or NULL */
    FieldList *tparams;
    const char **names;      /* type parameter names, interned */
    Expr **cons;             /* their constraints */
    int ntp;
    GenInst *insts;
    int ninsts, capinsts;
    GenMethod *methods;      /* generic types: their methods */
    int nmethods, capmethods;
};

/* An instance body still to check (scope binds the type parameters). */
typedef struct GenBody { Generic *g; Scope *scope; Decl *decl; Scope *file; } GenBody;
/* A type instance whose methods are still to instantiate: methods wait
 * until the requesting package is not in the middle of resolving a type
 * declaration (their signatures may name it). */
typedef struct GenPending { Generic *g; Type *named; Type **args; Package *by; } GenPending;
struct GenQueue {
    GenBody *v;
    int n, cap, next;
    GenPending *pend;
    int npend, cappend;
};

static struct GenQueue *queue(Checker *C) {
    if (!C->prog->gen_queue) C->prog->gen_queue = gc_alloc(sizeof(struct GenQueue));
    return C->prog->gen_queue;
}

/* Instances of one generic beyond this are an instantiation cycle (a
 * method or body that instantiates its own generic with a growing type,
 * T[[]A]); Go rejects those statically. */
#define GEN_MAX_INSTANCES 2000

/* The type of an expression denoting a generic function not (yet)
 * instantiated: invalid (so generic errors stay quiet), but recognisable. */
static Type *marker(void) {
    static Type t = {.kind = K_INVALID, .size = 1, .id = -2};
    t.underlying = &t;
    return &t;
}

bool gen_is_marker(Type *t) { return t == marker(); }

/* The type of a generic type's name used without type arguments. */
static Type *tmarker(void) {
    static Type t = {.kind = K_INVALID, .size = 1, .id = -3};
    t.underlying = &t;
    return &t;
}

bool gen_is_type_marker(Type *t) { return t == tmarker(); }

static Generic *generic_new(Checker *C, Object *obj, FieldList *tp, Scope *file) {
    Generic *g = gc_alloc(sizeof *g);
    g->obj = obj;
    g->pkg = C->pkg;
    g->file = file;
    g->tparams = tp;
    int n = 0;
    for (int i = 0; i < tp->n; i++) n += tp->list[i].nnames;
    g->names = gc_alloc(sizeof *g->names * (size_t)(n + 1));
    g->cons = gc_alloc(sizeof *g->cons * (size_t)(n + 1));
    for (int i = 0; i < tp->n; i++)
        for (int j = 0; j < tp->list[i].nnames; j++) {
            g->names[g->ntp] = chk_ident(tp->list[i].names[j]);
            g->cons[g->ntp++] = tp->list[i].type;
        }
    obj->generic = g;
    return g;
}

void gen_declare_func(Checker *C, Object *obj, Decl *decl, Scope *file) {
    Generic *g = generic_new(C, obj, decl->u.func.tparams, file);
    g->fdecl = decl;
    obj->type = marker();
}

void gen_declare_type(Checker *C, Object *obj, TypeSpec *ts, Scope *file) {
    Generic *g = generic_new(C, obj, ts->tparams, file);
    g->tspec = ts;
    obj->type = tmarker();
}

bool gen_add_method(Checker *C, Generic *g, Decl *decl, Scope *file, bool ptr) {
    GenMethod m = {decl, file, ptr};
    CHK_PUSH(g->methods, g->nmethods, g->capmethods, m);
    return true;
}

/* "Stack[T any]", as Go names a generic type in messages. */
const char *gen_type_string(Generic *g) {
    char buf[1024];
    size_t n = (size_t)snprintf(buf, sizeof buf, "%s[", g->obj->name);
    FieldList *tp = g->tparams;
    for (int i = 0; i < tp->n && n < sizeof buf; i++) {
        for (int j = 0; j < tp->list[i].nnames && n < sizeof buf; j++)
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", i + j ? ", " : "",
                                  chk_ident(tp->list[i].names[j]));
        if (n < sizeof buf)
            n += (size_t)snprintf(buf + n, sizeof buf - n, " %s",
                                  ast_expr_string(tp->list[i].type));
    }
    if (n < sizeof buf) snprintf(buf + n, sizeof buf - n, "]");
    return gc_strdup(buf);
}

/* ---- checker contexts ------------------------------------------------------------- */

typedef struct Ctx {
    Checker own;
    Scope *scope, *file;
    FuncCtx *fn;
    DeclInfo *decl;
    bool in_const;
} Ctx;

/* The checker to check g's instance with: C itself (saved) when g is in
 * the package being checked, else a fresh one for g's (checked) package. */
static Checker *enter(Checker *C, Generic *g, Scope *s, Ctx *x) {
    x->scope = C->scope;
    x->file = C->file;
    x->fn = C->fn;
    x->decl = C->decl;
    x->in_const = C->in_const;
    Checker *K = C;
    if (g->pkg != C->pkg) {
        memset(&x->own, 0, sizeof x->own);
        K = &x->own;
        K->prog = C->prog;
        K->diag = C->diag;
        K->pkg = g->pkg;
        K->universe = C->universe;
        K->aliases = TS_BYTE | TS_RUNE;
    }
    K->scope = s;
    K->file = g->file;
    K->fn = NULL;
    K->decl = NULL;
    K->in_const = false;
    return K;
}

static void leave(Checker *C, Ctx *x) {
    C->scope = x->scope;
    C->file = x->file;
    C->fn = x->fn;
    C->decl = x->decl;
    C->in_const = x->in_const;
}

/* ---- constraints ------------------------------------------------------------------ */

static Object *resolve_name(Checker *C, Expr *e) {
    e = ast_unparen(e);
    if (e && e->kind == E_IDENT) return chk_lookup(C, chk_ident(e));
    if (e && e->kind == E_SELECTOR && ast_unparen(e->u.sel.x)->kind == E_IDENT) {
        Object *p = chk_lookup(C, chk_ident(ast_unparen(e->u.sel.x)));
        if (p && p->kind == OBJ_PKG && p->imported) {
            p->used = true;
            return check_lookup(p->imported, chk_ident(e->u.sel.sel));
        }
    }
    return NULL;
}

static bool in_typeset(Checker *C, Type *t, Expr *c, bool *has_terms);

/* Whether t is in the term list `c` (a union of ~T and T terms). */
static bool in_terms(Checker *C, Type *t, Expr *c) {
    c = ast_unparen(c);
    if (c->kind == E_BINARY && c->u.binary.op == T_OR)
        return in_terms(C, t, c->u.binary.x) || in_terms(C, t, c->u.binary.y);
    if (c->kind == E_UNARY && c->u.unary.op == T_TILDE)
        return t->underlying == chk_type(C, c->u.unary.x);
    bool terms = false;
    Object *o = resolve_name(C, c);
    if (o && o->kind == OBJ_TYPE && o->tspec) {
        bool ok = in_typeset(C, t, c, &terms);
        if (terms) return ok;
    }
    return t == chk_type(C, c);
}

/* Whether t is in the type set of constraint c, ignoring methods; sets
 * *has_terms when c restricts the set by terms at all. */
static bool in_typeset(Checker *C, Type *t, Expr *c, bool *has_terms) {
    c = ast_unparen(c);
    if (!c) return true;
    if ((c->kind == E_BINARY && c->u.binary.op == T_OR) ||
        (c->kind == E_UNARY && c->u.unary.op == T_TILDE)) {
        *has_terms = true;
        return in_terms(C, t, c);
    }
    if (c->kind == E_INTERFACETYPE) {
        bool ok = true;
        FieldList *fl = &c->u.ifacetype.methods;
        for (int i = 0; i < fl->n; i++)
            if (fl->list[i].nnames == 0 && !in_typeset(C, t, fl->list[i].type, has_terms))
                ok = false;
        return ok;
    }
    Object *o = resolve_name(C, c);
    if (o && o->kind == OBJ_TYPE && o->tspec && o->tspec->type &&
        ast_unparen(o->tspec->type)->kind == E_INTERFACETYPE) {
        Scope *saved = C->scope;
        C->scope = o->pkg && o->pkg->scope ? o->pkg->scope : C->scope;
        bool ok = in_typeset(C, t, o->tspec->type, has_terms);
        C->scope = saved;
        return ok;
    }
    return true;
}

static bool needs_comparable(Checker *C, Expr *c) {
    c = ast_unparen(c);
    if (!c) return false;
    Object *o = resolve_name(C, c);
    if (o && o->name == str_intern("comparable") && !o->pkg) return true;
    if (c->kind == E_INTERFACETYPE) {
        FieldList *fl = &c->u.ifacetype.methods;
        for (int i = 0; i < fl->n; i++)
            if (fl->list[i].nnames == 0 && needs_comparable(C, fl->list[i].type)) return true;
    }
    if (o && o->kind == OBJ_TYPE && o->tspec && o->tspec->type &&
        ast_unparen(o->tspec->type)->kind == E_INTERFACETYPE) {
        Scope *saved = C->scope;
        C->scope = o->pkg && o->pkg->scope ? o->pkg->scope : C->scope;
        bool r = needs_comparable(C, o->tspec->type);
        C->scope = saved;
        return r;
    }
    return false;
}

/* Reports Go's "X does not satisfy C (...)" and returns false when t is
 * not in constraint c (checked in the instance scope). */
static bool satisfies(Checker *C, Type *t, Expr *c, Pos at) {
    const char *cs = ast_expr_string(c);
    if (needs_comparable(C, c) && !chk_comparable(t)) {
        chk_error(C, at, "%s does not satisfy %s", chk_tstr(C, t), cs);
        return false;
    }
    bool terms = false;
    if (!in_typeset(C, t, c, &terms)) {
        Expr *u = ast_unparen(c);
        Object *o = resolve_name(C, u);
        const char *set = o && o->tspec ? ast_expr_string(o->tspec->type) : cs;
        if (o && o->tspec && ast_unparen(o->tspec->type)->kind == E_INTERFACETYPE &&
            ast_unparen(o->tspec->type)->u.ifacetype.methods.n == 1)
            set = ast_expr_string(ast_unparen(o->tspec->type)->u.ifacetype.methods.list[0].type);
        chk_error(C, at, "%s does not satisfy %s (%s missing in %s)", chk_tstr(C, t), cs,
                  chk_tstr(C, t), set);
        return false;
    }
    Expr *u = ast_unparen(c);
    if (u->kind == E_BINARY || u->kind == E_UNARY) return true;
    Type *it = chk_type(C, c);
    if (it->kind != K_INTERFACE || it->nmethods == 0) return true;
    const char *why = chk_missing_method(C, t, it);
    if (why) {
        chk_error(C, at, "%s does not satisfy %s %s", chk_tstr(C, t), cs, why);
        return false;
    }
    return true;
}

/* ---- instances -------------------------------------------------------------------- */

static const char *pos_string(Pos p) {
    char buf[512];
    snprintf(buf, sizeof buf, "%s:%d:%d", p.file ? p.file->path : "", p.line, p.col);
    return gc_strdup(buf);
}

/* Where type parameter i is declared. */
static Pos tparam_pos(Generic *g, int i) {
    FieldList *tp = g->tparams;
    int k = 0;
    for (int a = 0; a < tp->n; a++)
        for (int b = 0; b < tp->list[a].nnames; b++, k++)
            if (k == i) return tp->list[a].names[b]->pos;
    return g->obj->pos;
}

static Scope *bind_names(Package *pkg, Scope *parent, const char **names, int n, Type **args) {
    Scope *s = chk_scope_new(parent);
    for (int i = 0; i < n; i++) {
        if (!names[i] || names[i] == str_intern("_") || !args[i]) continue;
        Object *o = gc_alloc(sizeof *o);
        o->kind = OBJ_TYPE;
        o->name = names[i];
        o->type = args[i];
        o->pkg = pkg;
        o->used = true;
        o->is_tparam = true;
        chk_scope_add(s, o);
    }
    return s;
}

static Scope *bind(Generic *g, Scope *parent, Type **args) {
    return bind_names(g->pkg, parent, g->names, g->ntp, args);
}

static GenInst *find_inst(Generic *g, Type **args) {
    for (int i = 0; i < g->ninsts; i++)
        if (!memcmp(g->insts[i].args, args, sizeof *args * (size_t)g->ntp)) return &g->insts[i];
    return NULL;
}

/* How t grows from the type parameter named n ("[]T", "*T"), as Go's
 * instantiation-cycle message says; the whole type when not a simple step. */
static const char *growth(Type *t, const char *n) {
    char buf[256];
    switch (t->kind) {
    case K_SLICE: snprintf(buf, sizeof buf, "[]%s", n); break;
    case K_POINTER: snprintf(buf, sizeof buf, "*%s", n); break;
    case K_CHAN: snprintf(buf, sizeof buf, "chan %s", n); break;
    case K_ARRAY: snprintf(buf, sizeof buf, "[%lld]%s", (long long)t->len, n); break;
    default: snprintf(buf, sizeof buf, "%.200s", type_string(t)); break;
    }
    return gc_strdup(buf);
}

/* Whether every argument is valid and satisfies its constraint (errors
 * at the explicit type argument targ_at[i] when set, else at at). */
static bool args_ok(Checker *C, Generic *g, Type **args, Pos *targ_at, Pos at) {
    for (int i = 0; i < g->ntp; i++)
        if (chk_is_invalid(args[i])) return false;
    Ctx x;
    Checker *K = enter(C, g, bind(g, g->file, args), &x);
    bool ok = true;
    K->in_constraint++;
    for (int i = 0; i < g->ntp && ok; i++)
        ok = satisfies(K, args[i], g->cons[i], targ_at && targ_at[i].line ? targ_at[i] : at);
    K->in_constraint--;
    leave(C, &x);
    if (ok && g->ninsts >= GEN_MAX_INSTANCES) {
        /* Go names the type parameter whose argument keeps growing */
        int k = 0;
        for (int i = 1; i < g->ntp; i++)
            if (strlen(type_string(args[i])) > strlen(type_string(args[k]))) k = i;
        chk_error(C, tparam_pos(g, k), "instantiation cycle:\n\t%s: %s instantiated as %s",
                  pos_string(at), g->names[k], growth(args[k], g->names[k]));
        ok = false;
    }
    return ok;
}

static GenInst *add_inst(Generic *g, Type **args) {
    GenInst in = {gc_alloc(sizeof *args * (size_t)(g->ntp + 1)), g->ntp, NULL, NULL};
    memcpy(in.args, args, sizeof *args * (size_t)g->ntp);
    CHK_PUSH(g->insts, g->ninsts, g->capinsts, in);
    return &g->insts[g->ninsts - 1];
}

static void queue_body(Checker *C, Generic *g, Scope *s, Decl *d, Scope *file) {
    Package *p = g->pkg;
    CHK_PUSH(p->inst_decls, p->ninst_decls, p->capinst_decls, d);
    struct GenQueue *q = queue(C);
    GenBody b = {g, s, d, file};
    CHK_PUSH(q->v, q->n, q->cap, b);
}

static const char *inst_name(Generic *g) {
    char buf[512];
    snprintf(buf, sizeof buf, "%s.%s[...]", g->pkg->path, g->obj->name);
    return gc_strdup(buf);
}

/* The instance of g for args (all ntp of them), made on first use; NULL
 * when a type argument does not satisfy its constraint (reported at the
 * explicit type argument, targ_at[i] when set, else at at). */
static Object *instantiate(Checker *C, Generic *g, Type **args, Pos *targ_at, Pos at) {
    GenInst *old = find_inst(g, args);
    if (old) return old->fn;
    if (!args_ok(C, g, args, targ_at, at)) return NULL;
    Decl *d = ast_clone_func_decl(g->fdecl);
    Object *fn = gc_alloc(sizeof *fn);
    fn->kind = OBJ_FUNC;
    fn->name = g->obj->name;
    fn->pos = g->obj->pos;
    fn->pkg = g->pkg;
    fn->decl = d;
    fn->used = true;
    d->u.func.obj = fn;
    FuncInfo *info = gc_alloc(sizeof *info);
    d->u.func.info = info;
    add_inst(g, args)->fn = fn;
    Ctx x;
    Scope *s = bind(g, g->file, args);
    Checker *K = enter(C, g, s, &x);
    fn->type = chk_signature(K, d->u.func.type, info, NULL);
    info->name = inst_name(g);
    leave(C, &x);
    queue_body(C, g, s, d, g->file);
    return fn;
}

/* The receiver's type parameter names of a method of a generic type:
 * `func (s *Stack[E]) Push(v E)` names them anew. */
static const char **recv_names(Decl *d, int n) {
    Expr *t = ast_unparen(d->u.func.recv->list[0].type);
    if (t->kind == E_STAR) t = ast_unparen(t->u.star.x);
    else if (t->kind == E_UNARY) t = ast_unparen(t->u.unary.x);
    const char **names = gc_alloc(sizeof *names * (size_t)(n + 1));
    for (int i = 0; i < n && i <= t->u.index.nmore; i++) {
        Expr *e = ast_unparen(i == 0 ? t->u.index.index : t->u.index.more[i - 1]);
        names[i] = e && e->kind == E_IDENT ? chk_ident(e) : NULL;
    }
    return names;
}

/* Method m of generic type g for the instance named (type arguments
 * args): a clone checked with the receiver's names bound, added to
 * named's methods; its body is queued like a function instance's. */
static void instantiate_method(Checker *C, Generic *g, Type *named, Type **args, GenMethod *m) {
    Decl *d = ast_clone_func_decl(m->decl);
    const char *n = chk_ident(d->u.func.name);
    Object *fn = gc_alloc(sizeof *fn);
    fn->kind = OBJ_FUNC;
    fn->name = n;
    fn->pos = d->u.func.name->pos;
    fn->pkg = g->pkg;
    fn->decl = d;
    fn->used = true;
    d->u.func.obj = fn;
    d->u.func.name->u.ident.obj = fn;
    FuncInfo *info = gc_alloc(sizeof *info);
    d->u.func.info = info;
    Ctx x;
    Scope *s = bind_names(g->pkg, m->file, recv_names(d, g->ntp), g->ntp, args);
    Checker *K = enter(C, g, s, &x);
    K->file = m->file;
    fn->type = chk_signature(K, d->u.func.type, info, d->u.func.recv);
    leave(C, &x);
    char buf[512];
    if (m->ptr) snprintf(buf, sizeof buf, "%s.(*%s[...]).%s", g->pkg->path, g->obj->name, n);
    else snprintf(buf, sizeof buf, "%s.%s[...].%s", g->pkg->path, g->obj->name, n);
    info->name = gc_strdup(buf);
    fn->recv = m->ptr ? type_pointer(named) : named;
    if (n != str_intern("_")) {
        Method mt = {.name = n, .sig = fn->type, .ptr_recv = m->ptr, .decl = fn};
        type_add_method(named, &mt);
    }
    queue_body(C, g, s, d, m->file);
}

void gen_flush_methods(Checker *C) {
    struct GenQueue *q = queue(C);
    for (int i = 0; i < q->npend; i++) {
        GenPending p = q->pend[i];
        if (p.by != C->pkg) continue;
        q->pend[i--] = q->pend[--q->npend];
        for (int k = 0; k < p.g->nmethods; k++)
            instantiate_method(C, p.g, p.named, p.args, &p.g->methods[k]);
    }
}

/* "Stack[int]", "Pair[string,main.Point]": the instance's name as Go's
 * reflect spells it (%T, %v of types, panics), argument types qualified. */
static const char *inst_type_name(Generic *g, Type **args) {
    size_t n = strlen(g->obj->name) + 3;
    for (int i = 0; i < g->ntp; i++) n += strlen(type_string(args[i])) + 1;
    char *buf = gc_alloc(n);
    char *p = buf + sprintf(buf, "%s[", g->obj->name);
    for (int i = 0; i < g->ntp; i++) p += sprintf(p, "%s%s", i ? "," : "", type_string(args[i]));
    strcpy(p, "]");
    return str_intern(buf);
}

/* The named type g[args], made on first use: its underlying type from a
 * clone of the declaration with the parameters bound; its methods once
 * the requesting package may resolve them (gen_flush_methods). */
static Type *instantiate_type(Checker *C, Generic *g, Type **args, Pos *targ_at, Pos at) {
    GenInst *old = find_inst(g, args);
    if (old) return old->type;
    if (!args_ok(C, g, args, targ_at, at)) return chk_invalid_type();
    if (g->tspec->alias) {
        /* a generic alias (Go 1.24) denotes the aliased type, instantiated */
        GenInst *ai = add_inst(g, args);
        ai->type = chk_invalid_type();   /* while resolving: a cycle is invalid */
        Ctx x;
        Checker *K = enter(C, g, bind(g, g->file, args), &x);
        Type *t = chk_type(K, ast_clone_expr(g->tspec->type));
        leave(C, &x);
        g->insts[g->ninsts - 1].type = t;
        return t;
    }
    Type *named = type_new_named(g->pkg->name, inst_type_name(g, args));
    GenInst *in = add_inst(g, args);
    in->type = named;
    Type **saved = in->args;
    Ctx x;
    Checker *K = enter(C, g, bind(g, g->file, args), &x);
    chk_named_underlying(K, named, g->obj, ast_clone_expr(g->tspec->type));
    leave(C, &x);
    Package *p = g->pkg;
    CHK_PUSH(p->inst_types, p->ninst_types, p->capinst_types, named);
    struct GenQueue *q = queue(C);
    GenPending pend = {g, named, saved, C->pkg};
    CHK_PUSH(q->pend, q->npend, q->cappend, pend);
    if (C->ntstack == 0) gen_flush_methods(C);
    return named;
}

void gen_drain(Checker *C) {
    struct GenQueue *q = C->prog->gen_queue;
    while (q && q->next < q->n) {
        GenBody b = q->v[q->next++];
        if (!b.decl->u.func.body) continue;
        Ctx x;
        Checker *K = enter(C, b.g, b.scope, &x);
        K->file = b.file;
        Stmt *body = b.decl->u.func.body;
        Pos end = body->kind == S_BLOCK ? body->u.block.rbrace : body->pos;
        chk_func_body(K, b.decl->u.func.info, body, NULL, false, end);
        leave(C, &x);
    }
}


/* ---- uses ------------------------------------------------------------------------- */

/* The generic function fun denotes (after chk_raw_expr), or NULL. */
Generic *gen_func_of(Expr *fun) {
    Expr *u = ast_unparen(fun);
    if (!u || !gen_is_marker(u->type)) return NULL;
    Object *o = NULL;
    if (u->kind == E_IDENT) o = u->u.ident.obj;
    else if (u->kind == E_SELECTOR) o = u->u.sel.sel->u.ident.obj;
    return o && o->kind == OBJ_FUNC ? o->generic : NULL;
}

/* Makes fun (an E_IDENT, E_SELECTOR or E_INDEX node) denote instance fn. */
static void denote(Expr *fun, Object *fn) {
    Expr *u = ast_unparen(fun);
    if (u->kind == E_SELECTOR) {
        u->u.sel.sel->u.ident.obj = fn;
        u->u.sel.sel->type = fn->type;
    } else {
        Pos pos = u->pos;
        memset(&u->u, 0, sizeof u->u);
        u->kind = E_IDENT;
        u->pos = pos;
        u->u.ident.name = fn->name;
        u->u.ident.obj = fn;
    }
    u->mode = M_VALUE;
    u->type = fn->type;
    if (u != fun) {
        fun->mode = M_VALUE;
        fun->type = fn->type;
    }
}

/* The explicit type arguments of f[A, B] (count in *n). */
static Type **explicit_args(Checker *C, Expr *e, int *n) {
    int k = 1 + e->u.index.nmore;
    Type **ts = gc_alloc(sizeof *ts * (size_t)(k + 1));
    ts[0] = chk_type(C, e->u.index.index);
    for (int i = 1; i < k; i++) ts[i] = chk_type(C, e->u.index.more[i - 1]);
    *n = k;
    return ts;
}

static Expr *explicit_arg(Expr *e, int i) {
    return i == 0 ? e->u.index.index : e->u.index.more[i - 1];
}

/* Where Go reports an instantiation's errors: just after the function's
 * name (the call's '(' or the instantiation's '['). */
static Pos after_name(Expr *gx, Pos dflt) {
    gx = ast_unparen(gx);
    Expr *id = gx->kind == E_SELECTOR ? gx->u.sel.sel : gx;
    if (id->kind != E_IDENT) return dflt;
    Pos p = id->pos;
    p.col += (int32_t)strlen(id->u.ident.name);
    return p;
}

/* Inference state: type arguments bound so far (explicit ones first), the
 * largest untyped constant kind seen per parameter, and the first conflict
 * among untyped constants (reported only if no typed argument binds it). */
typedef struct Infer {
    Checker *C;
    Generic *g;
    Type **bound, **untyped;
    Expr *arg;               /* the argument being unified */
    Expr **ubad;             /* per parameter: untyped argument in conflict */
    Type **ubad_prev;        /* the untyped type it conflicts with */
    bool failed;             /* an error was reported */
    const char *callee;      /* "in call to F, " prefix source, or NULL */
} Infer;

static Infer infer_new(Checker *C, Generic *g, const char *callee) {
    size_t sz = sizeof(void *) * (size_t)(g->ntp + 1);
    Infer in = {C, g, gc_alloc(sz), gc_alloc(sz), NULL, gc_alloc(sz), gc_alloc(sz), false, callee};
    return in;
}

static int tparam_index(Generic *g, Expr *p) {
    if (p->kind != E_IDENT) return -1;
    const char *n = chk_ident(p);
    for (int i = 0; i < g->ntp; i++)
        if (g->names[i] == n) return i;
    return -1;
}

static void infer_error(Infer *in, Pos at, const char *msg) {
    if (in->failed) return;
    in->failed = true;
    if (in->callee) chk_error(in->C, at, "in call to %s, %s", in->callee, msg);
    else chk_error(in->C, at, "%s", msg);
}

static bool untyped_numeric(Type *t) {
    return t->kind == K_UNTYPED_INT || t->kind == K_UNTYPED_RUNE || t->kind == K_UNTYPED_FLOAT ||
           t->kind == K_UNTYPED_COMPLEX;
}

static void bind_untyped(Infer *in, int k, Type *a) {
    Type *m = in->untyped[k];
    if (a->kind == K_UNTYPED_NIL) return;
    if (!m || a == m || (untyped_numeric(a) && untyped_numeric(m))) {
        if (!m || a->kind > m->kind) in->untyped[k] = a;
    } else if (!in->ubad[k]) {
        in->ubad[k] = in->arg;
        in->ubad_prev[k] = m;
    }
}

/* A typed argument for parameter k: the first binds it; a later one of a
 * different type is Go's "does not match". */
static void bind_typed(Infer *in, int k, Type *a, bool top) {
    Type *b = in->bound[k];
    if (!b) {
        in->bound[k] = a;
        return;
    }
    if (b == a || !top || !in->arg) return;
    /* Go's inexact unification: a defined type matches a type that is not
     * defined (a literal or a predeclared type) with the same underlying
     * type, and the defined one is inferred. */
    bool da = a->underlying != a, db = b->underlying != b;
    if (a->underlying == b->underlying && !(da && db)) {
        if (da) in->bound[k] = a;
        return;
    }
    char msg[1024];
    snprintf(msg, sizeof msg, "type %s of %s does not match inferred type %s for %s",
             chk_tstr(in->C, a), ast_expr_string(in->arg), chk_tstr(in->C, b), in->g->names[k]);
    infer_error(in, chk_start(in->arg), msg);
}

static void unify(Infer *in, Expr *p, Type *a, bool top);
static void unify_instance(Infer *in, Expr *p, Type *a);

static void unify_fields(Infer *in, FieldList *fl, Type **ts, int n, bool variadic) {
    int k = 0;
    for (int i = 0; i < fl->n; i++) {
        int c = fl->list[i].nnames ? fl->list[i].nnames : 1;
        for (int j = 0; j < c; j++, k++) {
            if (k >= n) return;
            Expr *t = fl->list[i].type;
            if (t && t->kind == E_ELLIPSIS && variadic && ts[k]->kind == K_SLICE)
                unify(in, t->u.ellipsis.elt, ts[k]->elem, false);
            else unify(in, t, ts[k], false);
        }
    }
}

static void unify(Infer *in, Expr *p, Type *a, bool top) {
    p = ast_unparen(p);
    if (!p || !a || a->kind == K_INVALID) return;
    int k = tparam_index(in->g, p);
    if (k >= 0) {
        if (type_is_untyped(a)) bind_untyped(in, k, a);
        else bind_typed(in, k, a, top);
        return;
    }
    Type *u = a->underlying ? a->underlying : a;
    switch (p->kind) {
    case E_STAR:
        if (u->kind == K_POINTER) unify(in, p->u.star.x, u->elem, false);
        break;
    case E_UNARY:
        if (p->u.unary.op == T_MUL && u->kind == K_POINTER) unify(in, p->u.unary.x, u->elem, false);
        if (p->u.unary.op == T_TILDE) unify(in, p->u.unary.x, u, false);
        break;
    case E_ARRAYTYPE:
        if (u->kind == (p->u.arraytype.len ? K_ARRAY : K_SLICE))
            unify(in, p->u.arraytype.elem, u->elem, false);
        break;
    case E_MAPTYPE:
        if (u->kind == K_MAP) {
            unify(in, p->u.maptype.key, u->key, false);
            unify(in, p->u.maptype.value, u->elem, false);
        }
        break;
    case E_CHANTYPE:
        if (u->kind == K_CHAN) unify(in, p->u.chantype.elem, u->elem, false);
        break;
    case E_FUNCTYPE:
        if (u->kind == K_FUNC) {
            unify_fields(in, &p->u.functype.params, u->params, u->nparams, u->variadic);
            unify_fields(in, &p->u.functype.results, u->results, u->nresults, false);
        }
        break;
    case E_INDEX: unify_instance(in, p, a); break;
    default: break;
    }
}

/* G's type arguments that make its definition match type a. */
static Type **through_definition(Infer *in, Generic *g2, Type *a) {
    Infer sub = infer_new(in->C, g2, NULL);
    sub.failed = true;
    Checker *K = in->C;
    Scope *saved = K->scope;
    K->scope = g2->file;   /* the definition's names resolve where it was declared */
    unify(&sub, g2->tspec->type, a, false);
    K->scope = saved;
    return sub.bound;
}

/* p is G[X, Y] (a generic type's instance) matched against type a: the
 * instance a is of G gives X and Y; a generic alias is unified through
 * its definition, and so is an unnamed a (Go's inexact unification: a
 * func literal passed as an iter.Seq[V] gives V). */
static void unify_instance(Infer *in, Expr *p, Type *a) {
    Scope *outer = in->C->scope;
    in->C->scope = in->g->file;   /* p is the generic's syntax */
    Object *o = resolve_name(in->C, p->u.index.x);
    in->C->scope = outer;
    if (!o || o->kind != OBJ_TYPE || !o->generic) return;
    Generic *g2 = o->generic;
    Type **args = NULL;
    if (g2->tspec && g2->tspec->alias) {
        args = through_definition(in, g2, a);
    } else {
        for (int i = 0; i < g2->ninsts && !args; i++)
            if (g2->insts[i].type == a) args = g2->insts[i].args;
        if (!args && g2->tspec && !a->name)
            args = through_definition(in, g2, a);
    }
    if (!args) return;
    for (int i = 0; i < g2->ntp && i <= p->u.index.nmore; i++)
        if (args[i]) unify(in, explicit_arg(p, i), args[i], false);
}

static bool infer_defaults(Infer *in);
static bool infer_complete(Infer *in, Pos at);

/* Completes inference: untyped constants give their default type where no
 * typed argument bound the parameter, then core-type constraints (S ~[]E)
 * bind what they determine. Reports Go's "cannot infer" at at; false on
 * any error. */
static bool infer_finish(Infer *in, Pos at) {
    return infer_defaults(in) && infer_complete(in, at);
}

static bool infer_defaults(Infer *in) {
    Generic *g = in->g;
    if (in->failed) return false;
    for (int i = 0; i < g->ntp; i++) {
        if (in->bound[i] || !in->untyped[i]) continue;
        if (in->ubad[i]) {
            char msg[512];
            snprintf(msg, sizeof msg, "mismatched types %s and %s (cannot infer %s)",
                     chk_tstr(in->C, in->ubad_prev[i]), chk_tstr(in->C, in->ubad[i]->type),
                     g->names[i]);
            infer_error(in, chk_start(in->ubad[i]), msg);
            return false;
        }
        in->bound[i] = chk_default_type(in->untyped[i]);
    }
    in->arg = NULL;
    for (int round = 0; round < g->ntp; round++)
        for (int i = 0; i < g->ntp; i++)
            if (in->bound[i]) unify(in, g->cons[i], in->bound[i], false);
    return true;
}

/* Reports Go's "cannot infer" for the first parameter still unbound. */
static bool infer_complete(Infer *in, Pos at) {
    Generic *g = in->g;
    for (int i = 0; i < g->ntp; i++) {
        if (in->bound[i]) continue;
        Pos dp = tparam_pos(g, i);
        char msg[1024];
        snprintf(msg, sizeof msg, "cannot infer %s (declared at %s)", g->names[i], pos_string(dp));
        infer_error(in, at, msg);
        return false;
    }
    return true;
}

/* Binds the explicit type arguments of f[A, B]; false after an error. */
static bool explicit_bind(Checker *C, Generic *g, Expr *e, Infer *in, Pos **at) {
    int n;
    Type **ts = explicit_args(C, e, &n);
    if (n > g->ntp) {
        chk_error(C, chk_start(explicit_arg(e, n - 1)), "got %d type arguments but want %d", n,
                  g->ntp);
        return false;
    }
    *at = gc_alloc(sizeof **at * (size_t)(g->ntp + 1));
    for (int i = 0; i < n; i++) {
        if (chk_is_invalid(ts[i])) return false;
        in->bound[i] = ts[i];
        (*at)[i] = chk_start(explicit_arg(e, i));
    }
    return true;
}

/* f[A, B] outside a call's callee position is instantiated at once; so
 * is a partial f[A] whose other arguments core types determine. Otherwise
 * it stays a marker: the call infers the rest (gen_call), anything else
 * reports Go's "cannot infer" (gen_value_error). */
void gen_index(Checker *C, Expr *e) {
    Generic *g = gen_func_of(e->u.index.x);
    Infer in = infer_new(C, g, NULL);
    Pos *at;
    if (!explicit_bind(C, g, e, &in, &at)) {
        chk_invalid(e);
        return;
    }
    bool all = true;
    in.failed = true;   /* quiet: a failure here is retried with the call's arguments */
    for (int round = 0; round < g->ntp; round++)
        for (int i = 0; i < g->ntp; i++)
            if (in.bound[i]) unify(&in, g->cons[i], in.bound[i], false);
    for (int i = 0; i < g->ntp; i++) all = all && in.bound[i];
    if (!all) {
        e->mode = M_VALUE;
        e->type = marker();
        return;
    }
    Object *fn = instantiate(C, g, in.bound, at, after_name(e->u.index.x, e->pos));
    if (!fn) {
        chk_invalid(e);
        return;
    }
    denote(e, fn);
}

/* A generic function (or partial instantiation) used as a value: Go's
 * message for what is missing. */
void gen_value_error(Checker *C, Expr *e) {
    if (e->kind != E_INDEX) {
        chk_error(C, chk_start(e), "cannot use generic function %s without instantiation",
                  ast_expr_string(e));
        return;
    }
    Generic *g = gen_func_of(e->u.index.x);
    Infer in = infer_new(C, g, NULL);
    Pos *at;
    if (!explicit_bind(C, g, e, &in, &at)) return;
    infer_finish(&in, after_name(e->u.index.x, e->pos));
}

/* Whether type syntax e names a type parameter of g not bound yet. */
static bool mentions_unbound(Generic *g, Type **bound, Expr *e);

static bool fields_mention(Generic *g, Type **bound, FieldList *fl) {
    for (int i = 0; i < fl->n; i++)
        if (mentions_unbound(g, bound, fl->list[i].type)) return true;
    return false;
}

static bool mentions_unbound(Generic *g, Type **bound, Expr *e) {
    e = ast_unparen(e);
    if (!e) return false;
    switch (e->kind) {
    case E_IDENT: {
        int k = tparam_index(g, e);
        return k >= 0 && !bound[k];
    }
    case E_STAR: return mentions_unbound(g, bound, e->u.star.x);
    case E_UNARY: return mentions_unbound(g, bound, e->u.unary.x);
    case E_ELLIPSIS: return mentions_unbound(g, bound, e->u.ellipsis.elt);
    case E_ARRAYTYPE: return mentions_unbound(g, bound, e->u.arraytype.elem);
    case E_MAPTYPE:
        return mentions_unbound(g, bound, e->u.maptype.key) ||
               mentions_unbound(g, bound, e->u.maptype.value);
    case E_CHANTYPE: return mentions_unbound(g, bound, e->u.chantype.elem);
    case E_FUNCTYPE:
        return fields_mention(g, bound, &e->u.functype.params) ||
               fields_mention(g, bound, &e->u.functype.results);
    case E_STRUCTTYPE: return fields_mention(g, bound, &e->u.structtype.fields);
    case E_INTERFACETYPE: return fields_mention(g, bound, &e->u.ifacetype.methods);
    case E_INDEX:
        for (int i = 0; i <= e->u.index.nmore; i++)
            if (mentions_unbound(g, bound, explicit_arg(e, i))) return true;
        return false;
    default: return false;
    }
}

/* The types of a func type syntax's parameters or results, one per value. */
static int flatten(FieldList *fl, Expr ***out) {
    int n = 0;
    for (int i = 0; i < fl->n; i++) n += fl->list[i].nnames ? fl->list[i].nnames : 1;
    *out = gc_alloc(sizeof **out * (size_t)(n + 1));
    int k = 0;
    for (int i = 0; i < fl->n; i++)
        for (int j = 0; j < (fl->list[i].nnames ? fl->list[i].nnames : 1); j++)
            (*out)[k++] = fl->list[i].type;
    return n;
}

/* Unifies h's parameter (or result) types hs with the callee's ps where
 * those no longer name an unbound type parameter of the callee. */
static void unify_known(Infer *in, Infer *hin, FieldList *ps, FieldList *hs) {
    Expr **pe, **he;
    int np = flatten(ps, &pe), nh = flatten(hs, &he);
    for (int i = 0; i < np && i < nh; i++) {
        if (mentions_unbound(in->g, in->bound, pe[i])) continue;
        Ctx x;
        Checker *K = enter(in->C, in->g, bind(in->g, in->g->file, in->bound), &x);
        Type *t = chk_type(K, ast_clone_expr(pe[i]));
        leave(in->C, &x);
        if (!chk_is_invalid(t)) unify(hin, he[i], t, false);
    }
}

/* Argument x denotes generic function h, passed for the callee's
 * parameter of type pt (a func type): h's type arguments come from the
 * parts of pt already known; once instantiated, h's signature binds the
 * callee's remaining parameters (Go 1.21: Map(xs, Double)). The last
 * attempt (final) reports why h cannot be inferred. */
static void generic_arg(Infer *in, Expr *pt, Expr *x, Type **t, bool final) {
    Expr *u = ast_unparen(x);
    Expr *hx = u->kind == E_INDEX ? u->u.index.x : u;
    Generic *h = gen_func_of(hx);
    pt = ast_unparen(pt);
    if (!h || !pt || pt->kind != E_FUNCTYPE || in->failed) return;
    Infer hin = infer_new(in->C, h, NULL);
    Pos *at = NULL;
    if (u->kind == E_INDEX && !explicit_bind(in->C, h, u, &hin, &at)) {
        in->failed = true;
        return;
    }
    hin.failed = true;   /* quiet: the callee's "cannot infer" speaks */
    Expr *ht = h->fdecl->u.func.type;
    unify_known(in, &hin, &pt->u.functype.params, &ht->u.functype.params);
    unify_known(in, &hin, &pt->u.functype.results, &ht->u.functype.results);
    for (int round = 0; round < h->ntp; round++)
        for (int i = 0; i < h->ntp; i++)
            if (hin.bound[i]) unify(&hin, h->cons[i], hin.bound[i], false);
    for (int i = 0; i < h->ntp; i++)
        if (!hin.bound[i]) {
            (void)final;
            return;   /* left to chk_assign_to once the callee is instantiated */
        }
    Object *fn = instantiate(in->C, h, hin.bound, at, chk_start(x));
    if (!fn) {
        in->failed = true;
        return;
    }
    denote(x, fn);
    *t = fn->type;
    unify(in, pt, fn->type, false);
}

/* A call of generic function fun with evaluated arguments (xs, their
 * types ts, n of them): infers the missing type arguments, instantiates,
 * and makes fun denote the instance. Returns its signature, or NULL after
 * reporting an error. */
Type *gen_call(Checker *C, Expr *call, Expr **xs, Type **ts, int n) {
    Expr *fun = ast_unparen(call->u.call.fun);
    Expr *gx = fun->kind == E_INDEX ? fun->u.index.x : fun;
    Generic *g = gen_func_of(gx);
    Infer in = infer_new(C, g, ast_expr_string(fun));
    Pos *at = NULL;
    if (fun->kind == E_INDEX && !explicit_bind(C, g, fun, &in, &at)) return NULL;
    /* parameters with a type parameter somewhere in them, argument by argument */
    FieldList *pl = &g->fdecl->u.func.type->u.functype.params;
    int k = 0;
    for (int i = 0; i < pl->n; i++) {
        Expr *pt = pl->list[i].type;
        int c = pl->list[i].nnames ? pl->list[i].nnames : 1;
        bool variadic = pt && pt->kind == E_ELLIPSIS;
        for (int j = 0; j < c && k < n; j++) {
            if (variadic && !call->u.call.has_ellipsis) {
                for (; k < n; k++) {
                    in.arg = xs[k];
                    unify(&in, pt->u.ellipsis.elt, ts[k], true);
                }
                break;
            }
            in.arg = xs[k];
            if (variadic && ts[k]->kind == K_SLICE) unify(&in, pt->u.ellipsis.elt, ts[k]->elem, false);
            else unify(&in, pt, ts[k], true);
            if (!variadic && gen_is_marker(ts[k])) generic_arg(&in, pt, xs[k], &ts[k], false);
            k++;
        }
    }
    Pos lp = fun->kind == E_INDEX ? fun->u.index.rbrack : after_name(gx, call->u.call.rparen);
    if (fun->kind == E_INDEX) lp.col++;
    if (!infer_defaults(&in)) return NULL;
    /* generic function arguments, now that the others bound what they could */
    k = 0;
    for (int i = 0; i < pl->n; i++) {
        Expr *pt = pl->list[i].type;
        int c = pl->list[i].nnames ? pl->list[i].nnames : 1;
        for (int j = 0; j < c && k < n; j++, k++)
            if (pt && pt->kind != E_ELLIPSIS && gen_is_marker(ts[k]))
                generic_arg(&in, pt, xs[k], &ts[k], true);
    }
    if (!infer_complete(&in, lp)) return NULL;
    Object *fn = instantiate(C, g, in.bound, at, lp);
    if (!fn) return NULL;
    denote(fun, fn);
    return fn->type;
}

/* T[A, B] in a type position or as an operand: the instance's named
 * type, or invalid after an error. Go's messages for a wrong count. */
Type *gen_type_index(Checker *C, Expr *e) {
    Expr *x = ast_unparen(e->u.index.x);
    Object *o = resolve_name(C, x);
    if (o && x->kind == E_IDENT) x->u.ident.obj = o;
    else if (o && x->kind == E_SELECTOR) x->u.sel.sel->u.ident.obj = o;
    if (!o) {
        chk_type(C, x);   /* reports undefined names */
        return chk_invalid_type();
    }
    if (o->kind != OBJ_TYPE || !o->generic) {
        Type *t = chk_type(C, x);
        if (!chk_is_invalid(t))
            chk_error(C, chk_start(x), "invalid operation: %s (%s is not a generic type)",
                      ast_expr_string(e), chk_tstr(C, t));
        return chk_invalid_type();
    }
    o->used = true;
    Generic *g = o->generic;
    int n;
    Type **ts = explicit_args(C, e, &n);
    if (n != g->ntp) {
        chk_error(C, chk_start(e),
                  "%s type arguments for type %s: have %d, want %d",
                  n > g->ntp ? "too many" : "not enough", g->obj->name, n, g->ntp);
        return chk_invalid_type();
    }
    Pos *at = gc_alloc(sizeof *at * (size_t)(n + 1));
    for (int i = 0; i < n; i++) at[i] = chk_start(explicit_arg(e, i));
    return instantiate_type(C, g, ts, at, chk_start(e));
}

/* ---- imports used only by generic code ------------------------------------------ */

/* Byte offset of p in its file. */
static size_t pos_offset(const SrcFile *f, Pos p) {
    size_t off = 0;
    for (int line = 1; line < p.line && off < f->len; off++)
        if (f->src[off] == '\n') line++;
    off += (size_t)(p.col > 0 ? p.col - 1 : 0);
    return off < f->len ? off : f->len;
}

static bool ident_char(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Whether src[a:b) has `name` followed by a '.' (a qualified identifier). */
static bool mentions(const char *src, size_t a, size_t b, const char *name) {
    size_t n = strlen(name);
    for (size_t i = a; i + n < b; i++) {
        if (memcmp(src + i, name, n) || (i > 0 && ident_char(src[i - 1]))) continue;
        size_t j = i + n;
        while (j < b && (src[j] == ' ' || src[j] == '\t')) j++;
        if (j < b && src[j] == '.') return true;
    }
    return false;
}

static bool generic_decl(Decl *d) {
    if (d->kind == D_FUNC) return d->u.func.tparams || (d->u.func.recv && !d->u.func.obj);
    if (d->kind == D_TYPE)
        for (int i = 0; i < d->u.types.n; i++)
            if (d->u.types.specs[i].tparams) return true;
    return false;
}

/* A generic declaration is checked per instance, perhaps never: an import
 * its text names counts as used (Go checks the declaration itself). */
void gen_mark_imports(Checker *C, Object **imports, int n) {
    for (int i = 0; i < n; i++) {
        Object *o = imports[i];
        const SrcFile *f = o->pos.file;
        if (o->used || !f || !f->src) continue;
        for (int k = 0; k < f->ndecls && !o->used; k++) {
            Decl *d = f->decls[k];
            if (!generic_decl(d)) continue;
            size_t a = pos_offset(f, d->pos);
            size_t b = k + 1 < f->ndecls ? pos_offset(f, f->decls[k + 1]->pos) : f->len;
            if (mentions(f->src, a, b, o->name)) o->used = true;
        }
    }
}

/* ---- constraint interfaces ------------------------------------------------------- */

static const char *obj_why(Checker *C, Object *o, int depth, bool *is_iface);

/* Why interface syntax it can only be a constraint, or NULL: an embedded
 * union or ~T term, a non-interface type, comparable, or an embedded
 * interface that is a constraint itself. */
static const char *iface_why(Checker *C, Expr *it, int depth) {
    FieldList *fl = &it->u.ifacetype.methods;
    for (int i = 0; i < fl->n; i++) {
        if (fl->list[i].nnames) continue;
        Expr *t = ast_unparen(fl->list[i].type);
        if (!t) continue;
        if (t->kind == E_BINARY || (t->kind == E_UNARY && t->u.unary.op == T_TILDE))
            return "interface contains type constraints";
        if (t->kind == E_INTERFACETYPE) {
            const char *w = depth < 32 ? iface_why(C, t, depth + 1) : NULL;
            if (w) return w;
            continue;
        }
        Object *o = resolve_name(C, t);
        if (!o) {
            if (t->kind != E_IDENT && t->kind != E_SELECTOR)
                return "interface contains type constraints";
            continue;
        }
        bool is_iface = true;
        const char *w = obj_why(C, o, depth + 1, &is_iface);
        if (!is_iface) return "interface contains type constraints";
        if (w) return w;
    }
    return NULL;
}

/* Whether type name o denotes an interface (*is_iface; unknown counts as
 * one) and why it can only be a constraint (NULL when it need not be). */
static const char *obj_why(Checker *C, Object *o, int depth, bool *is_iface) {
    *is_iface = true;
    if (o->kind != OBJ_TYPE || depth > 32) return NULL;
    if (o->name == str_intern("comparable") && !o->pkg) return "interface is (or embeds) comparable";
    if (!o->tspec || !o->tspec->type) {
        *is_iface = !o->type || o->type->kind == K_INTERFACE || o->type->kind == K_INVALID;
        return NULL;
    }
    if (o->generic) return NULL;
    Expr *u = ast_unparen(o->tspec->type);
    Scope *saved = C->scope;
    C->scope = o->pkg && o->pkg->scope ? o->pkg->scope : C->scope;
    const char *w = NULL;
    if (u->kind == E_INTERFACETYPE) {
        w = iface_why(C, u, depth);
    } else if (u->kind == E_IDENT || u->kind == E_SELECTOR) {
        Object *o2 = resolve_name(C, u);
        if (o2) w = obj_why(C, o2, depth + 1, is_iface);
    } else {
        *is_iface = false;
    }
    C->scope = saved;
    return w;
}

const char *gen_constraint_only(Checker *C, Object *o) {
    bool is_iface;
    const char *w = obj_why(C, o, 0, &is_iface);
    return is_iface ? w : NULL;
}

/* ---- generic operands assigned to typed targets ---------------------------------- */

bool gen_assign(Checker *C, Expr *x, Type *T) {
    Expr *u = ast_unparen(x);
    Expr *gx = u->kind == E_INDEX ? u->u.index.x : u;
    Generic *g = gen_func_of(gx);
    if (!g) return false;
    Type *tu = T && T->underlying ? T->underlying : T;
    if (!tu || tu->kind != K_FUNC) {
        if (!T || T->kind != K_INVALID) gen_value_error(C, u);
        return false;
    }
    Infer in = infer_new(C, g, NULL);
    Pos *at = NULL;
    if (u->kind == E_INDEX && !explicit_bind(C, g, u, &in, &at)) return false;
    unify(&in, g->fdecl->u.func.type, tu, false);
    if (!infer_finish(&in, chk_start(x))) return false;
    Object *fn = instantiate(C, g, in.bound, at, chk_start(x));
    if (!fn) return false;
    denote(x, fn);
    return true;
}

void gen_type_value_error(Checker *C, Expr *e) {
    Object *o = resolve_name(C, e);
    if (o && o->generic)
        chk_error(C, chk_start(e), "cannot use generic type %s without instantiation",
                  gen_type_string(o->generic));
    else chk_error(C, chk_start(e), "%s (type) is not an expression", ast_expr_string(e));
}

/* ---- variable size (unsafe.Sizeof in instances) ------------------------------------ */

/*
 * Go: unsafe.Sizeof, Alignof and Offsetof are constants unless the type
 * they measure has VARIABLE SIZE: it is a type parameter, or an array or
 * struct with an element or field of variable size (types2's hasVarSize).
 * Then they are uintptr values computed at run time, so `1 << Sizeof(x)`
 * is a run-time shift and `str[Sizeof(x)]` a run-time bounds check. An
 * instance binds its type parameters to concrete, interned types, so the
 * checked type cannot say whether it came from a type parameter; the
 * syntax can. The measured value is traced back to the type expression
 * it was written with — a variable's declared type, initializer or range
 * expression (Object.gsrc), new(E), E{...}, E(x), x.(E), and the steps
 * *p, &x, a[i], s.f and <-c over them — and that expression is read with
 * the instance's bindings (Object.is_tparam), through local types and
 * generic type instances (their parameters substituted, VsEnv). What
 * cannot be traced (a call's result) counts as fixed size: the call stays
 * a constant, as Go makes it for concrete types.
 */

/* A generic type's parameters bound to the argument syntax of one
 * instantiation (read in outer); names not bound resolve in g->file. */
typedef struct VsEnv {
    Generic *g;
    Expr *inst;              /* the E_INDEX naming the instance */
    struct VsEnv *outer;
} VsEnv;

/* A value's type as written: ptrs pointers to te (read in env); te NULL
 * when it cannot be traced. */
typedef struct GType { Expr *te; VsEnv *env; int ptrs; } GType;

/* Recursion bound: types nest, variables are initialized from variables. */
#define VS_MAX_DEPTH 64

static const GType gt_none = {NULL, NULL, 0};

/* The object an identifier of te names: its binding in env, else what
 * the checker recorded, else a lookup in the generic's file scope (the
 * syntax of generic types is never checked itself, only clones). Sets
 * *arg when the name is a parameter of env's generic. */
static Object *vs_name(Expr *id, VsEnv *env, GType *arg) {
    const char *n = chk_ident(id);
    if (env) {
        for (int i = 0; i < env->g->ntp; i++)
            if (env->g->names[i] == n) {
                *arg = (GType){explicit_arg(env->inst, i), env->outer, 0};
                return NULL;
            }
    }
    if (id->u.ident.obj) return id->u.ident.obj;
    for (Scope *s = env ? env->g->file : NULL; s; s = s->parent) {
        Object *o = chk_scope_find(s, n);
        if (o) return o;
    }
    return NULL;
}

/* g with named types replaced by their definitions (type parameters
 * stay: they are the leaves), until a type literal or an untraceable
 * name. */
static GType gt_under(GType g, int depth) {
    while (g.te && g.ptrs == 0 && depth++ < VS_MAX_DEPTH) {
        Expr *te = ast_unparen(g.te);
        g.te = te;
        if (te->kind == E_IDENT) {
            GType arg = gt_none;
            Object *o = vs_name(te, g.env, &arg);
            if (arg.te) { g = arg; continue; }
            if (!o || o->kind != OBJ_TYPE || o->is_tparam || o->generic || !o->tspec)
                return g;
            g = (GType){o->tspec->type, NULL, 0};
        } else if (te->kind == E_INDEX) {
            Expr *x = ast_unparen(te->u.index.x);
            GType arg = gt_none;
            Object *o = x->kind == E_IDENT ? vs_name(x, g.env, &arg) : NULL;
            if (!o || !o->generic || !o->generic->tspec) return gt_none;
            VsEnv *env = gc_alloc(sizeof *env);
            *env = (VsEnv){o->generic, te, g.env};
            g = (GType){o->generic->tspec->type, env, 0};
        } else {
            return g;
        }
    }
    return depth < VS_MAX_DEPTH ? g : gt_none;
}

/* *p: the pointer's base. */
static GType gt_deref(GType g, int depth) {
    g = gt_under(g, depth);
    if (g.ptrs > 0) {
        g.ptrs--;
        return g;
    }
    if (g.te && g.te->kind == E_STAR) return (GType){g.te->u.star.x, g.env, 0};
    if (g.te && g.te->kind == E_UNARY && g.te->u.unary.op == T_MUL)
        return (GType){g.te->u.unary.x, g.env, 0};
    return gt_none;
}

/* The element of an array, slice (or pointer to array), map or channel;
 * key: a map's key instead. */
static GType gt_elem(GType g, bool key, int depth) {
    g = gt_under(g, depth);
    if (g.ptrs > 0 || (g.te && (g.te->kind == E_STAR || g.te->kind == E_UNARY)))
        g = gt_under(gt_deref(g, depth), depth);
    if (!g.te || g.ptrs) return gt_none;
    switch (g.te->kind) {
    case E_ARRAYTYPE: return key ? gt_none : (GType){g.te->u.arraytype.elem, g.env, 0};
    case E_ELLIPSIS: return key ? gt_none : (GType){g.te->u.ellipsis.elt, g.env, 0};
    case E_MAPTYPE:
        return (GType){key ? g.te->u.maptype.key : g.te->u.maptype.value, g.env, 0};
    case E_CHANTYPE: return (GType){g.te->u.chantype.elem, g.env, 0};
    default: return gt_none;
    }
}

/* Field number k of a struct type (each name one field, an embedded
 * field one). */
static GType gt_field(GType g, int k, int depth) {
    g = gt_under(g, depth);
    if (g.ptrs > 0 || (g.te && (g.te->kind == E_STAR || g.te->kind == E_UNARY)))
        g = gt_under(gt_deref(g, depth), depth);
    if (!g.te || g.ptrs || g.te->kind != E_STRUCTTYPE) return gt_none;
    FieldList *fl = &g.te->u.structtype.fields;
    for (int i = 0; i < fl->n; i++) {
        int count = fl->list[i].nnames ? fl->list[i].nnames : 1;
        if (k < count) return (GType){fl->list[i].type, g.env, 0};
        k -= count;
    }
    return gt_none;
}

static GType gt_of(Expr *x, int depth);

/* A variable's type as written. */
static GType gt_var(Object *o, int depth) {
    if (!o->gsrc) return gt_none;
    switch (o->gsrc_kind) {
    case GS_TYPE: return (GType){o->gsrc, NULL, 0};
    case GS_INIT: return gt_of(o->gsrc, depth + 1);
    case GS_RANGE_KEY: {
        /* only a map's or a channel's first variable has an element type */
        GType g = gt_under(gt_of(o->gsrc, depth + 1), depth);
        if (!g.te || g.ptrs) return gt_none;
        if (g.te->kind == E_MAPTYPE) return gt_elem(g, true, depth);
        if (g.te->kind == E_CHANTYPE) return gt_elem(g, false, depth);
        return gt_none;
    }
    case GS_RANGE_VALUE: return gt_elem(gt_of(o->gsrc, depth + 1), false, depth);
    }
    return gt_none;
}

/* The type of the checked value expression x as written. */
static GType gt_of(Expr *x, int depth) {
    if (!x || depth > VS_MAX_DEPTH) return gt_none;
    x = ast_unparen(x);
    switch (x->kind) {
    case E_IDENT: {
        Object *o = x->u.ident.obj;
        return o && o->kind == OBJ_VAR ? gt_var(o, depth) : gt_none;
    }
    case E_STAR: return gt_deref(gt_of(x->u.star.x, depth + 1), depth);
    case E_UNARY: {
        GType g = gt_of(x->u.unary.x, depth + 1);
        if (x->u.unary.op == T_MUL) return gt_deref(g, depth);
        if (x->u.unary.op == T_ARROW) return gt_elem(g, false, depth);
        if (x->u.unary.op == T_AND && g.te) g.ptrs++;
        return x->u.unary.op == T_AND ? g : gt_none;
    }
    case E_COMPOSITE: return (GType){x->u.composite.type, NULL, 0};
    case E_TYPEASSERT: return (GType){x->u.assert.type, NULL, 0};
    case E_CALL:
        if (x->u.call.kind == CALL_CONV) return (GType){x->u.call.fun, NULL, 0};
        if (x->u.call.kind == CALL_BUILTIN && x->u.call.builtin == BI_NEW &&
            x->u.call.nargs == 1)
            return (GType){x->u.call.args[0], NULL, 1};
        return gt_none;
    case E_INDEX:
        if (x->u.index.nmore || x->u.index.x->mode == M_TYPE) return gt_none;
        return gt_elem(gt_of(x->u.index.x, depth + 1), false, depth);
    case E_SELECTOR: {
        if (x->u.sel.kind != SEL_FIELD) return gt_none;
        GType g = gt_of(x->u.sel.x, depth + 1);
        for (int i = 0; i < x->u.sel.npath && g.te; i++)
            g = gt_field(g, x->u.sel.path[i], depth);
        return g;
    }
    default: return gt_none;
    }
}

/* Whether the type written te (read in env) has variable size. */
static bool vs_type(Expr *te, VsEnv *env, int depth) {
    if (!te || depth > VS_MAX_DEPTH) return false;
    GType g = gt_under((GType){te, env, 0}, depth);
    if (!g.te || g.ptrs) return false;
    te = g.te;
    switch (te->kind) {
    case E_IDENT: {       /* gt_under stopped at a name: a type parameter? */
        GType arg = gt_none;
        Object *o = vs_name(te, g.env, &arg);
        return o && o->kind == OBJ_TYPE && o->is_tparam;
    }
    case E_ARRAYTYPE:
        return te->u.arraytype.len && vs_type(te->u.arraytype.elem, g.env, depth + 1);
    case E_STRUCTTYPE: {
        FieldList *fl = &te->u.structtype.fields;
        for (int i = 0; i < fl->n; i++)
            if (vs_type(fl->list[i].type, g.env, depth + 1)) return true;
        return false;
    }
    default: return false;
    }
}

bool gen_var_size(Expr *x, bool offsetof_base) {
    GType g = gt_of(x, 0);
    if (offsetof_base && g.te) g = gt_under(g, 0);
    if (offsetof_base && (g.ptrs > 0 || (g.te && g.te->kind == E_STAR)))
        g = gt_deref(g, 0);   /* Offsetof(p.f) with p a pointer measures *p */
    return g.te && g.ptrs == 0 && vs_type(g.te, g.env, 0);
}
