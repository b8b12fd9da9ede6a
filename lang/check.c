/*
 * check.c — the checker's driver: packages, package-level declarations,
 * methods, initialization order, unused imports. Expressions, statements
 * and types live in check_expr.c, check_stmt.c and check_type.c.
 *
 * PACKAGE PROTOCOL (per package, dependencies first):
 *   1. collect: every file's top-level names become Objects in the package
 *      scope (imports in the file's own scope), each tied to a DeclInfo;
 *   2. resolve every type declaration (a named type is created before its
 *      underlying type is evaluated, so recursive types through pointers,
 *      slices, maps, chans and funcs work; direct recursion is an error);
 *   3. attach methods to their named receiver types (method sets must be
 *      complete before any expression is checked);
 *   4. resolve consts, vars and function signatures in source order; a
 *      reference to a not-yet-resolved package-level name resolves it on
 *      demand (Go's order-independent package scope);
 *   5. check function bodies;
 *   6. compute the variable initialization order from the dependencies
 *      recorded while checking (through function bodies, as Go's spec says);
 *   7. report unused imports.
 *
 * Rejected alternative: a separate dependency-sorting pass before checking
 * (like gc's typecheck order) — on-demand resolution with colours gives the
 * same result and detects cycles where they are met.
 */
#include "check_int.h"
#include "../runtime/cstack.h"
#include "../runtime/ffi.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/gc.h"

/* ---- small utilities --------------------------------------------------------- */

void chk_error(Checker *C, Pos pos, const char *fmt, ...) {
    /* after the nesting limit, the rest of the package is unchecked: its
     * errors (unused variables...) would be consequences */
    if (C->too_deep) return;
    char *msg = NULL;
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(&msg, fmt, ap) < 0) msg = NULL;
    va_end(ap);
    diag_error(C->diag, pos, "%s", msg ? msg : fmt);
    free(msg);
}

void *chk_grow(void *arr, int n, int *cap, size_t elem) {
    if (n < *cap) return arr;
    int ncap = *cap ? *cap * 2 : 8;
    void *na = gc_alloc((size_t)ncap * elem);
    if (n) memcpy(na, arr, (size_t)n * elem);
    *cap = ncap;
    return na;
}

static size_t ptr_hash(const void *p) {
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 17;
    x *= 0xed5ad4bbu;
    x ^= x >> 11;
    return (size_t)x;
}

void *chk_map_get(PtrMap *m, const void *key) {
    if (!m->cap) return NULL;
    for (size_t i = ptr_hash(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (!m->e[i].key) return NULL;
        if (m->e[i].key == key) return m->e[i].val;
    }
}

void chk_map_put(PtrMap *m, const void *key, void *val) {
    if ((m->n + 1) * 2 > m->cap) {
        PtrMap nm = {.cap = m->cap ? m->cap * 2 : 64};
        nm.e = gc_alloc(nm.cap * sizeof *nm.e);
        for (size_t i = 0; i < m->cap; i++)
            if (m->e[i].key) chk_map_put(&nm, m->e[i].key, m->e[i].val);
        *m = nm;
    }
    size_t i = ptr_hash(key) & (m->cap - 1);
    while (m->e[i].key && m->e[i].key != key) i = (i + 1) & (m->cap - 1);
    if (!m->e[i].key) m->n++;
    m->e[i].key = key;
    m->e[i].val = val;
}

const char *chk_ident(Expr *id) {
    if (!id || id->kind != E_IDENT || !id->u.ident.name) return str_intern("_");
    const char *s = str_intern(id->u.ident.name);
    id->u.ident.name = s;   /* same text, interned: later lookups compare == */
    return s;
}

/* Leftmost position of an expression: Go reports most errors there. */
Pos chk_start(const Expr *e) {
    while (e) {
        const Expr *next = NULL;
        switch (e->kind) {
        case E_BINARY: next = e->u.binary.x; break;
        case E_SELECTOR: next = e->u.sel.x; break;
        case E_INDEX: next = e->u.index.x; break;
        case E_SLICE: next = e->u.slice.x; break;
        case E_TYPEASSERT: next = e->u.assert.x; break;
        case E_CALL: next = e->u.call.fun; break;
        case E_KEYVALUE: next = e->u.kv.key; break;
        case E_COMPOSITE: next = e->u.composite.type; break;
        default: break;
        }
        if (!next || next->pos.line == 0 ||
            (next->pos.line > e->pos.line ||
             (next->pos.line == e->pos.line && next->pos.col > e->pos.col)))
            return e->pos;
        e = next;
    }
    return (Pos){0};
}

/* ---- scopes -------------------------------------------------------------------- */

Scope *chk_scope_new(Scope *parent) {
    Scope *s = gc_alloc(sizeof *s);
    s->parent = parent;
    return s;
}

enum { SCOPE_INDEX_MIN = 16 };

static size_t name_hash(const char *name, int hcap) {
    uintptr_t h = (uintptr_t)name;
    h ^= h >> 17;
    h *= (uintptr_t)0x9e3779b97f4a7c15u;
    return (size_t)(h >> 20) & (size_t)(hcap - 1);
}

/* Puts obj in the index; a later object of the same name replaces the
 * earlier (chk_scope_find returns the newest, as the linear scan did). */
static void index_put(Scope *s, Object *obj) {
    size_t i = name_hash(obj->name, s->hcap);
    while (s->index[i] && s->index[i]->name != obj->name)
        i = (i + 1) & (size_t)(s->hcap - 1);
    s->index[i] = obj;
}

void chk_scope_add(Scope *s, Object *obj) {
    CHK_PUSH(s->objs, s->n, s->cap, obj);
    if (s->n < SCOPE_INDEX_MIN)
        return;
    if (2 * s->n > s->hcap) { /* (re)build at half load */
        s->hcap = s->hcap ? 2 * s->hcap : 4 * SCOPE_INDEX_MIN;
        s->index = gc_alloc((size_t)s->hcap * sizeof *s->index);
        for (int i = 0; i < s->n; i++)
            index_put(s, s->objs[i]);
        return;
    }
    index_put(s, obj);
}

Object *chk_scope_find(Scope *s, const char *name) {
    if (s->index) {
        size_t i = name_hash(name, s->hcap);
        for (Object *o; (o = s->index[i]); i = (i + 1) & (size_t)(s->hcap - 1))
            if (o->name == name) return o;
        return NULL;
    }
    for (int i = s->n - 1; i >= 0; i--)
        if (s->objs[i]->name == name) return s->objs[i];
    return NULL;
}

/* A name a dot import put in the file scope marks that import used. */
static void use_dot_import(Checker *C, Object *o) {
    for (int i = 0; i < C->nimports; i++) {
        Object *imp = C->imports[i];
        if (imp->imported == o->pkg && imp->name == str_intern(".")) imp->used = true;
    }
}

Object *chk_lookup(Checker *C, const char *name) {
    for (Scope *s = C->scope; s; s = s->parent) {
        Object *o = chk_scope_find(s, name);
        if (o) {
            if (s->is_file && o->kind != OBJ_PKG && o->pkg != C->pkg) use_dot_import(C, o);
            return o;
        }
    }
    return NULL;
}

static const char *pos_string(Pos p) {
    char buf[512];
    snprintf(buf, sizeof buf, "%s:%d:%d", p.file ? p.file->path : "", p.line,
             p.col);
    return gc_strdup(buf);
}

bool chk_declare(Checker *C, Scope *s, Object *obj) {
    if (obj->name == str_intern("_")) return true;
    Object *alt = chk_scope_find(s, obj->name);
    if (alt) {
        if (alt->pos.line)
            chk_error(C, obj->pos, "%s redeclared in this block\n\t%s: other declaration of %s",
                      obj->name, pos_string(alt->pos), obj->name);
        else
            chk_error(C, obj->pos, "%s redeclared in this block", obj->name);
        return false;
    }
    chk_scope_add(s, obj);
    return true;
}

Object *chk_obj_new(Checker *C, ObjKind k, const char *name, Pos pos, Type *t) {
    Object *o = gc_alloc(sizeof *o);
    o->kind = k;
    o->name = str_intern(name ? name : "_");
    o->pos = pos;
    o->type = t;
    o->pkg = C->pkg;
    o->owner = !C->fn ? NULL : C->fn->rf_body ? C->fn->rf_body : C->fn->info;
    return o;
}

Object *check_lookup(Package *pkg, const char *name) {
    if (!pkg || !pkg->scope) return NULL;
    return chk_scope_find(pkg->scope, str_intern(name));
}

static const char *base_name(const char *path) {
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* ---- declarations -------------------------------------------------------------- */

static DeclInfo *decl_new(Checker *C, Scope *file) {
    DeclInfo *d = gc_alloc(sizeof *d);
    d->file = file;
    d->order = C->ndecls;
    CHK_PUSH(C->decls, C->ndecls, C->capdecls, d);
    return d;
}

static void decl_add_obj(Checker *C, DeclInfo *d, Object *o) {
    int cap = d->nobjs;
    d->objs = chk_grow(d->objs, d->nobjs, &cap, sizeof *d->objs);
    d->objs[d->nobjs++] = o;
    chk_map_put(&C->info, o, d);
}

void chk_use_global(Checker *C, Object *obj) {
    DeclInfo *cur = C->decl;
    if (!cur || obj->pkg != C->pkg) return;
    if (!(obj->kind == OBJ_VAR && obj->is_global) && obj->kind != OBJ_FUNC) return;
    for (int i = 0; i < cur->ndeps; i++)
        if (cur->deps[i] == obj) return;
    CHK_PUSH(cur->deps, cur->ndeps, cur->capdeps, obj);
}

/* Saved checker position while resolving a declaration on demand. */
typedef struct Saved {
    Scope *scope, *file;
    FuncCtx *fn;
    DeclInfo *decl;
    int64_t iota;
    bool in_const;
} Saved;

static Saved enter_decl(Checker *C, DeclInfo *d) {
    Saved s = {C->scope, C->file, C->fn, C->decl, C->iota, C->in_const};
    C->scope = d->file;
    C->file = d->file;
    C->fn = NULL;
    C->decl = d;
    C->in_const = false;
    return s;
}

static void leave_decl(Checker *C, Saved s) {
    C->scope = s.scope;
    C->file = s.file;
    C->fn = s.fn;
    C->decl = s.decl;
    C->iota = s.iota;
    C->in_const = s.in_const;
}


static void resolve_type_decl(Checker *C, DeclInfo *d) {
    chk_type_spec(C, d->tspec, d->objs[0]);
}

void chk_type_spec(Checker *C, TypeSpec *ts, Object *obj) {
    if (obj->generic) return;   /* only instances are types (check_generic.c) */
    if (ts->has_tparams) {
        chk_error(C, ts->pos, "generic types are not supported by csp");
        obj->type = chk_invalid_type();
        return;
    }
    if (ts->alias) {
        obj->type = chk_type(C, ts->type);
        return;
    }
    Type *named = obj->type && obj->type->name && !obj->type->underlying
                      ? obj->type  /* declared earlier as a shell */
                      : type_new_named(C->pkg->name, obj->name);
    obj->type = named;
    chk_named_underlying(C, named, obj, ts->type);
}

/* Resolves named's underlying type from texpr (obj declares it: cycle
 * errors name it), then the shells met meanwhile once the outermost
 * declaration is done, and the generic instances' methods waiting for it. */
void chk_named_underlying(Checker *C, Type *named, Object *obj, Expr *texpr) {
    int cap = C->capostack;
    CHK_PUSH(C->tstack, C->ntstack, C->captstack, named);
    C->ostack = chk_grow(C->ostack, C->ntstack - 1, &cap, sizeof *C->ostack);
    C->capostack = cap;
    C->ostack[C->ntstack - 1] = obj;
    Type *under = chk_type_full(C, texpr, true);
    C->ntstack--;
    type_set_underlying(named, under);
    while (C->ntstack == 0 && C->nshells > 0) {
        DeclInfo *d = C->shells[--C->nshells];
        chk_resolve(C, d->objs[0]);     /* no-op when resolved meanwhile */
    }
    chk_size_lazy_arrays(C);
    if (C->ntstack == 0) gen_flush_methods(C);
}

/* A package-level type named through a pointer (or another reference that
 * needs no size) while a type declaration is being resolved gets only its
 * named Type now; its underlying type is resolved once the outermost type
 * declaration is done. So `type A struct{ next *B }; type B struct{ a A }`
 * is valid as in Go: B's need for A's size no longer meets A half-built. */
bool chk_declare_shell(Checker *C, Object *obj) {
    DeclInfo *d = chk_map_get(&C->info, obj);
    if (d && d->shell)
        return true;
    if (!d || d->color != 0 || !d->tspec || d->tspec->alias || d->tspec->has_tparams ||
        C->ntstack == 0)
        return false;
    d->color = 1;
    d->shell = true;
    obj->type = type_new_named(C->pkg->name, obj->name);
    CHK_PUSH(C->shells, C->nshells, C->capshells, d);
    return true;
}

/* A //csp:extern declaration: bind it now (library, symbol, types), so
 * that `csp check` reports what would fail; errors at the directive. */
static void bind_extern(Checker *C, Decl *fd, FuncInfo *info, Object *obj) {
    Pos at = fd->u.func.ext_pos;
    if (C->prog->no_ffi) {
        chk_error(C, at, "//csp:extern %s: foreign calls are disabled (-no-ffi or CSP_NO_FFI=1)",
                  obj->name);
        return;
    }
    if (!info->sig || obj->type == chk_invalid_type()) return;
    const char **names = gc_alloc(sizeof(char *) * (size_t)(info->nparams + 1));
    for (int i = 0; i < info->nparams; i++) names[i] = info->params[i]->name;
    char err[512];
    fd->u.func.ffi = ffi_bind(fd->u.func.ext, obj->name, info->sig, names, err, sizeof err);
    if (!fd->u.func.ffi) chk_error(C, at, "%s", err);
}

static void resolve_func_decl(Checker *C, DeclInfo *d) {
    Decl *fd = d->fdecl;
    Object *obj = d->objs[0];
    FuncInfo *info = gc_alloc(sizeof *info);
    fd->u.func.info = info;
    if (fd->u.func.tparams) {
        fd->u.func.info = NULL;   /* only instances are checked */
        return;
    }
    if (fd->u.func.has_tparams) {
        /* The parser skipped the type parameters: checking the signature or
         * body would only report their names as undefined. */
        chk_error(C, fd->u.func.name->pos, "generic functions are not supported by csp");
        obj->type = chk_invalid_type();
        fd->u.func.info = NULL;
        return;
    }
    obj->type = chk_signature(C, fd->u.func.type, info, fd->u.func.recv);
    char buf[512];
    snprintf(buf, sizeof buf, "%s.%s", C->pkg->path, obj->name);
    info->name = gc_strdup(buf);
    if (fd->u.func.ext && !fd->u.func.body && !fd->u.func.recv)
        bind_extern(C, fd, info, obj);
}

bool chk_too_deep(Checker *C, Pos pos) {
    if (C->too_deep) return true;
    if (!cstack_low()) return false;
    chk_error(C, pos, "exceeded max nesting depth");
    C->too_deep = true;
    return true;
}

void chk_resolve(Checker *C, Object *obj) {
    DeclInfo *d = chk_map_get(&C->info, obj);
    if (!d || d->color == 2) return;
    if (chk_too_deep(C, obj->pos)) {         /* a chain of declarations */
        if (!obj->type) obj->type = chk_invalid_type();
        return;
    }
    if (d->shell) {                          /* needed in full now */
        d->shell = false;
        d->color = 0;
    }
    if (d->color == 1) {
        if (obj->kind == OBJ_TYPE) return;   /* named type under construction */
        chk_error(C, obj->pos, "invalid cycle in declaration: %s refers to itself",
                  obj->name);
        if (!obj->type) obj->type = chk_invalid_type();
        return;
    }
    d->color = 1;
    Saved s = enter_decl(C, d);
    if (d->tspec) {
        resolve_type_decl(C, d);
    } else if (d->fdecl) {
        resolve_func_decl(C, d);
    } else if (d->vsrc) {
        chk_const_spec(C, d->vspec, d->vsrc, d->objs);
    } else if (d->vspec) {
        chk_var_spec(C, d->vspec, d->objs, "variable declaration");
    }
    leave_decl(C, s);
    for (int i = 0; i < d->nobjs; i++)
        if (!d->objs[i]->type) d->objs[i]->type = chk_invalid_type();
    d->color = 2;
}

/* ---- collecting ------------------------------------------------------------------ */

static void collect_import(Checker *C, Scope *file, ImportSpec *is);
static void dot_conflicts(Checker *C, Scope *file);

/* init (and main in package main) may only be functions. */
static bool reserved_name(Checker *C, Expr *id, const char *n) {
    if (n == str_intern("init") ||
        (n == str_intern("main") && C->pkg == C->prog->main)) {
        chk_error(C, id->pos, "cannot declare %s - must be func", n);
        return true;
    }
    return false;
}

static void collect_values(Checker *C, Scope *file, Decl *decl) {
    bool is_const = decl->kind == D_CONST;
    ValueSpec *last = NULL;
    for (int i = 0; i < decl->u.vars.n; i++) {
        ValueSpec *vs = &decl->u.vars.specs[i];
        DeclInfo *d = decl_new(C, file);
        d->vspec = vs;
        if (is_const) {
            if (vs->nvalues > 0 || vs->type || !last) last = vs;
            d->vsrc = last;
        }
        vs->objs = gc_alloc(sizeof *vs->objs * (vs->nnames ? vs->nnames : 1));
        for (int j = 0; j < vs->nnames; j++) {
            Expr *id = vs->names[j];
            Object *o = chk_obj_new(C, is_const ? OBJ_CONST : OBJ_VAR,
                                    chk_ident(id), id->pos, NULL);
            o->is_global = !is_const;
            o->used = true;
            id->u.ident.obj = o;
            id->u.ident.is_def = true;
            vs->objs[j] = o;
            decl_add_obj(C, d, o);
            if (!reserved_name(C, id, o->name)) chk_declare(C, C->pkg->scope, o);
        }
    }
}

static void collect_types(Checker *C, Scope *file, Decl *decl) {
    for (int i = 0; i < decl->u.types.n; i++) {
        TypeSpec *ts = &decl->u.types.specs[i];
        DeclInfo *d = decl_new(C, file);
        d->tspec = ts;
        Object *o = chk_obj_new(C, OBJ_TYPE, chk_ident(ts->name), ts->name->pos, NULL);
        o->used = true;
        ts->obj = o;
        o->tspec = ts;
        ts->name->u.ident.obj = o;
        ts->name->u.ident.is_def = true;
        decl_add_obj(C, d, o);
        if (!reserved_name(C, ts->name, o->name)) chk_declare(C, C->pkg->scope, o);
        if (ts->tparams) gen_declare_type(C, o, ts, file);
    }
}

typedef struct Collected {
    Decl **methods;
    int nmethods, capmethods;
    int capinits;
} Collected;

static void collect_func(Checker *C, Scope *file, Decl *decl, Collected *col) {
    Expr *name = decl->u.func.name;
    const char *n = chk_ident(name);
    if (decl->u.func.ext && decl->u.func.body)
        chk_error(C, decl->u.func.ext_pos, "//csp:extern %s: a foreign function has no body", n);
    else if (decl->u.func.ext && decl->u.func.recv)
        chk_error(C, decl->u.func.ext_pos, "//csp:extern %s: methods cannot be foreign", n);
    else if (!decl->u.func.body && !decl->u.func.ext && strcmp(C->pkg->path, "main") == 0)
        chk_error(C, name->pos, "missing function body");
    if (decl->u.func.recv) {
        CHK_PUSH(col->methods, col->nmethods, col->capmethods, decl);
        return;
    }
    DeclInfo *d = decl_new(C, file);
    d->fdecl = decl;
    Object *o = chk_obj_new(C, OBJ_FUNC, n, name->pos, NULL);
    o->decl = decl;
    o->used = true;
    decl->u.func.obj = o;
    name->u.ident.obj = o;
    name->u.ident.is_def = true;
    decl_add_obj(C, d, o);
    if (decl->u.func.tparams) gen_declare_func(C, o, decl, file);
    if (n == str_intern("init") || (n == str_intern("main") && C->pkg->name &&
                                     strcmp(C->pkg->name, "main") == 0)) {
        Expr *ft = decl->u.func.type;
        if (ft && ft->kind == E_FUNCTYPE &&
            (ft->u.functype.params.n > 0 || ft->u.functype.results.n > 0))
            chk_error(C, name->pos, "func %s must have no arguments and no return values", n);
    }
    if (n == str_intern("init")) {
        CHK_PUSH(C->pkg->init_funcs, C->pkg->ninit_funcs, col->capinits, decl);
        return;   /* init is not declared in the package scope */
    }
    chk_declare(C, C->pkg->scope, o);
}

static Scope *collect_file(Checker *C, SrcFile *f, Collected *col) {
    Scope *file = chk_scope_new(C->pkg->scope);
    file->is_file = true;
    for (int i = 0; i < f->ndecls; i++) {
        Decl *d = f->decls[i];
        if (!d) continue;
        switch (d->kind) {
        case D_IMPORT:
            for (int j = 0; j < d->u.import.n; j++)
                collect_import(C, file, &d->u.import.specs[j]);
            break;
        case D_CONST: case D_VAR: collect_values(C, file, d); break;
        case D_TYPE: collect_types(C, file, d); break;
        case D_FUNC: collect_func(C, file, d, col); break;
        default: break;
        }
    }
    dot_conflicts(C, file);
    return file;
}

/* ---- methods --------------------------------------------------------------------- */

/* The receiver's base type name and whether it is a pointer receiver. */
static Expr *recv_base(Expr *t, bool *ptr) {
    *ptr = false;
    t = ast_unparen(t);
    if (t && t->kind == E_STAR) {
        *ptr = true;
        t = ast_unparen(t->u.star.x);
    } else if (t && t->kind == E_UNARY && t->u.unary.op == T_MUL) {
        *ptr = true;
        t = ast_unparen(t->u.unary.x);
    }
    return t;
}

static Type *method_recv_named(Checker *C, Decl *decl, bool *ptr) {
    *ptr = false;
    FieldList *rl = decl->u.func.recv;
    if (!rl || rl->n != 1 || rl->list[0].nnames > 1) {
        chk_error(C, decl->u.func.name->pos, "method has multiple receivers");
        return NULL;
    }
    Expr *base = recv_base(rl->list[0].type, ptr);
    if (base && base->kind == E_IDENT) {
        Object *g = chk_scope_find(C->pkg->scope, chk_ident(base));
        if (g && g->generic && g->kind == OBJ_TYPE) {
            chk_error(C, base->pos, "cannot use generic type %s without instantiation",
                      gen_type_string(g->generic));
            return NULL;
        }
    }
    if (!base || base->kind != E_IDENT) {
        if (base && base->kind == E_INDEX)
            chk_error(C, base->pos, "generic types are not supported by csp");
        else if (base)
            chk_error(C, base->pos, "invalid receiver type %s", ast_expr_string(base));
        return NULL;
    }
    const char *n = chk_ident(base);
    Object *o = chk_scope_find(C->pkg->scope, n);
    if (!o) {
        Object *u = chk_scope_find(C->universe, n);
        if (u && u->kind == OBJ_TYPE)
            chk_error(C, base->pos, "cannot define new methods on non-local type %s", n);
        else
            chk_error(C, base->pos, "undefined: %s", n);
        return NULL;
    }
    if (o->kind != OBJ_TYPE) {
        chk_error(C, base->pos, "%s is not a type", n);
        return NULL;
    }
    chk_resolve(C, o);
    base->u.ident.obj = o;
    Type *t = o->type;
    if (!t || !t->name || t->kind == K_INVALID) return NULL;
    if (t->pkg != C->pkg->name || !t->name) {
        chk_error(C, base->pos, "cannot define new methods on non-local type %s",
                  chk_tstr(C, t));
        return NULL;
    }
    if (t->kind == K_POINTER || t->kind == K_INTERFACE) {
        chk_error(C, base->pos, "invalid receiver type %s (pointer or interface type)",
                  n);
        return NULL;
    }
    return t;
}

static bool method_conflicts(Checker *C, Type *named, const char *name, Pos pos) {
    for (int i = 0; i < named->nmethods; i++) {
        if (named->methods[i].name != name) continue;
        Object *prev = named->methods[i].decl;
        chk_error(C, pos, "method %s.%s already declared at %s", named->name, name,
                  prev ? pos_string(prev->pos) : "?");
        return true;
    }
    if (named->kind == K_STRUCT)
        for (int i = 0; i < named->nfields; i++)
            if (named->fields[i].name == name) {
                chk_error(C, pos, "field and method with the same name %s", name);
                return true;
            }
    return false;
}

static void collect_method(Checker *C, Decl *decl, Scope *file) {
    bool ptr = false;
    Expr *name = decl->u.func.name;
    const char *n = chk_ident(name);
    DeclInfo *d = decl_new(C, file);
    d->fdecl = decl;
    d->color = 1;
    Object *o = chk_obj_new(C, OBJ_FUNC, n, name->pos, NULL);
    o->decl = decl;
    o->used = true;
    decl->u.func.obj = o;
    name->u.ident.obj = o;
    name->u.ident.is_def = true;
    decl_add_obj(C, d, o);
    FuncInfo *info = gc_alloc(sizeof *info);
    decl->u.func.info = info;
    Saved s = enter_decl(C, d);
    Type *named = method_recv_named(C, decl, &ptr);
    if (decl->u.func.has_tparams)
        chk_error(C, name->pos, "generic functions are not supported by csp");
    o->type = chk_signature(C, decl->u.func.type, info, decl->u.func.recv);
    leave_decl(C, s);
    d->color = 2;
    char buf[512];
    const char *tn = named ? named->name : "?";
    if (ptr) snprintf(buf, sizeof buf, "%s.(*%s).%s", C->pkg->path, tn, n);
    else snprintf(buf, sizeof buf, "%s.%s.%s", C->pkg->path, tn, n);
    info->name = gc_strdup(buf);
    if (!named) return;
    o->recv = ptr ? type_pointer(named) : named;
    if (n == str_intern("_")) return;
    if (method_conflicts(C, named, n, name->pos)) return;
    Method m = {.name = n, .sig = o->type, .ptr_recv = ptr, .decl = o};
    type_add_method(named, &m);
}

/* A method of a generic type (receiver T[P] or *T[P]) belongs to the
 * generic: each instance gets its own copy (check_generic.c). Collected
 * before any type is resolved, since resolving one may instantiate. */
static bool collect_generic_method(Checker *C, Decl *decl, Scope *file) {
    FieldList *rl = decl->u.func.recv;
    bool ptr;
    if (!rl || rl->n != 1 || rl->list[0].nnames > 1) return false;
    Expr *base = recv_base(rl->list[0].type, &ptr);
    if (!base || base->kind != E_INDEX) return false;
    Expr *x = ast_unparen(base->u.index.x);
    Object *o = x && x->kind == E_IDENT ? chk_scope_find(C->pkg->scope, chk_ident(x)) : NULL;
    if (!o || o->kind != OBJ_TYPE || !o->generic) {
        if (o && o->kind == OBJ_TYPE) chk_error(C, x->pos, "%s is not a generic type", o->name);
        else if (x && x->kind == E_IDENT) chk_error(C, x->pos, "undefined: %s", chk_ident(x));
        return true;
    }
    x->u.ident.obj = o;
    decl->u.func.obj = NULL;
    decl->u.func.info = NULL;
    return gen_add_method(C, o->generic, decl, file, ptr);
}

/* The file scope a method decl belongs to: found by position. */
static Scope *file_scope_of(Checker *C, Decl *decl, Scope **files, int nfiles) {
    for (int i = 0; i < nfiles && i < C->pkg->nfiles; i++)
        if (decl->pos.file == C->pkg->files[i]) return files[i];
    return nfiles ? files[0] : C->pkg->scope;
}

/* ---- imports --------------------------------------------------------------------- */

static void check_package(Program *prog, Package *pkg, Checker *importer);


/* A package that could not be imported: its name is declared (so uses do
 * not add "undefined" errors) but it has no scope; selecting from it gives
 * a silent invalid operand. */
static void declare_broken_import(Checker *C, Scope *file, ImportSpec *is, const char *path) {
    Package *p = gc_alloc(sizeof *p);
    p->path = path;
    p->name = str_intern(base_name(path));
    p->checked = true;
    const char *local = p->name;
    if (is->name) local = chk_ident(is->name);
    if (strcmp(local, "_") == 0 || strcmp(local, ".") == 0) return;
    Object *o = chk_obj_new(C, OBJ_PKG, local, is->pos, NULL);
    o->imported = p;
    o->used = true;
    is->obj = o;
    if (!chk_scope_find(file, o->name)) chk_scope_add(file, o);
}

static bool exported(const char *name) { return name[0] >= 'A' && name[0] <= 'Z'; }

/* import . "p": p's exported package-level names join the file scope; the
 * import counts as used when one of them is looked up (chk_lookup). */
static void dot_import(Checker *C, Scope *file, ImportSpec *is, Package *p) {
    Object *o = chk_obj_new(C, OBJ_PKG, str_intern("."), is->pos, NULL);
    o->imported = p;
    o->used = false;
    is->obj = o;
    CHK_PUSH(C->imports, C->nimports, C->capimports, o);
    Scope *ps = p->scope;
    for (int i = 0; ps && i < ps->n; i++) {
        Object *x = ps->objs[i];
        if (!x || !x->name || !exported(x->name) || x->kind == OBJ_PKG) continue;
        if (chk_scope_find(file, x->name)) {
            chk_error(C, is->pos, "%s redeclared in this block", x->name);
            continue;
        }
        chk_scope_add(file, x);
    }
}

/* A package-level name that a dot import of this file also declares. */
static void dot_conflicts(Checker *C, Scope *file) {
    Scope *ps = C->pkg->scope;
    for (int i = 0; i < ps->n; i++) {
        Object *x = ps->objs[i];
        Object *d = x && x->name ? chk_scope_find(file, x->name) : NULL;
        if (!d || d->kind == OBJ_PKG || d->pkg == C->pkg || !d->pkg) continue;
        chk_error(C, x->pos, "%s already declared through dot-import of package %s (\"%s\")",
                  x->name, d->pkg->name, d->pkg->path);
    }
}

static void collect_import(Checker *C, Scope *file, ImportSpec *is) {
    const char *path = is->path ? is->path : "";
    Pos pos = is->pos;
    if (strcmp(path, "C") == 0) {
        chk_error(C, pos, "cgo is not supported by csp");
        declare_broken_import(C, file, is, path);
        return;
    }
    Package *p = strcmp(path, "unsafe") == 0 ? chk_unsafe()
               : C->prog->load ? C->prog->load(C->prog->load_ctx, path) : NULL;
    if (!p) {
        chk_error(C, pos, "package %s is not in std", path);
        declare_broken_import(C, file, is, path);
        return;
    }
    for (Checker *c = C; c; c = c->importer)
        if (c->pkg == p) {
            chk_error(C, pos, "import cycle not allowed");
            declare_broken_import(C, file, is, path);
            return;
        }
    if (!p->checked) check_package(C->prog, p, C);
    const char *local = p->name ? p->name : base_name(path);
    const char *given = NULL;
    if (is->name) {
        given = chk_ident(is->name);
        if (strcmp(given, "_") == 0) return;
        if (strcmp(given, ".") == 0) {
            dot_import(C, file, is, p);
            return;
        }
        local = given;
    }
    Object *o = chk_obj_new(C, OBJ_PKG, local, pos, NULL);
    o->imported = p;
    o->used = false;
    is->obj = o;
    /* remember how it was written for "imported as X and not used" */
    o->decl = (Decl *)(given && strcmp(given, p->name ? p->name : "") != 0 ? is : NULL);
    if (chk_scope_find(file, o->name)) {
        chk_error(C, pos, "%s redeclared in this block", o->name);
        return;
    }
    chk_scope_add(file, o);
    CHK_PUSH(C->imports, C->nimports, C->capimports, o);
}

static void report_unused_imports(Checker *C) {
    if (C->prog && C->prog->repl) return;
    gen_mark_imports(C, C->imports, C->nimports);
    for (int i = 0; i < C->nimports; i++) {
        Object *o = C->imports[i];
        if (o->used) continue;
        ImportSpec *is = (ImportSpec *)o->decl;
        const char *path = o->imported->path;
        if (is)
            chk_error(C, o->pos, "\"%s\" imported as %s and not used", path, o->name);
        else
            chk_error(C, o->pos, "\"%s\" imported and not used", path);
        o->decl = NULL;
    }
    for (int i = 0; i < C->nimports; i++) C->imports[i]->decl = NULL;
}

/* ---- initialization order ------------------------------------------------------- */

/* Adds to *out every var DeclInfo that d depends on, following functions
 * (and methods) transitively. */
static void var_deps(Checker *C, DeclInfo *d, PtrMap *seen, DeclInfo ***out,
                     int *n, int *cap) {
    for (int i = 0; i < d->ndeps; i++) {
        Object *o = d->deps[i];
        DeclInfo *dd = chk_map_get(&C->info, o);
        if (!dd || chk_map_get(seen, dd)) continue;
        chk_map_put(seen, dd, dd);
        if (o->kind == OBJ_VAR) {
            CHK_PUSH(*out, *n, *cap, dd);
        } else {
            var_deps(C, dd, seen, out, n, cap);
        }
    }
}

typedef struct VarNode {
    DeclInfo *d;
    DeclInfo **deps;
    int ndeps, cap;
    bool done;
} VarNode;

static bool node_ready(VarNode *v, PtrMap *done) {
    for (int j = 0; j < v->ndeps; j++)
        if (v->deps[j] != v->d && !chk_map_get(done, v->deps[j])) return false;
    return true;
}

static void init_order(Checker *C) {
    int nvars = 0;
    VarNode *vars = gc_alloc(sizeof *vars * (C->ndecls + 1));
    for (int i = 0; i < C->ndecls; i++) {
        DeclInfo *d = C->decls[i];
        if (!d->vspec || d->vsrc) continue;
        VarNode *v = &vars[nvars++];
        v->d = d;
        PtrMap seen = {0};
        var_deps(C, d, &seen, &v->deps, &v->ndeps, &v->cap);
        for (int j = 0; j < v->ndeps; j++)
            if (v->deps[j] == d && d->nobjs > 0)
                chk_error(C, d->objs[0]->pos, "initialization cycle: %s refers to itself",
                          d->objs[0]->name);
    }
    Package *pkg = C->pkg;
    pkg->inits = gc_alloc(sizeof *pkg->inits * (nvars + 1));
    pkg->ninits = 0;
    PtrMap done = {0};
    for (int emitted = 0; emitted < nvars; emitted++) {
        int pick = -1;
        for (int i = 0; i < nvars && pick < 0; i++)
            if (!vars[i].done && node_ready(&vars[i], &done)) pick = i;
        if (pick < 0) {
            for (int i = 0; i < nvars && pick < 0; i++)
                if (!vars[i].done) pick = i;
            DeclInfo *d = vars[pick].d;
            if (d->nobjs) chk_error(C, d->objs[0]->pos, "initialization cycle for %s",
                                    d->objs[0]->name);
        }
        vars[pick].done = true;
        chk_map_put(&done, vars[pick].d, vars[pick].d);
        pkg->inits[pkg->ninits++] = vars[pick].d->vspec;
    }
}

/* ---- bodies ---------------------------------------------------------------------- */

static void check_func_bodies(Checker *C) {
    for (int i = 0; i < C->ndecls; i++) {
        DeclInfo *d = C->decls[i];
        if (!d->fdecl || !d->fdecl->u.func.body || !d->fdecl->u.func.info) continue;
        Decl *fd = d->fdecl;
        Saved s = enter_decl(C, d);
        Stmt *body = fd->u.func.body;
        Pos end = body->kind == S_BLOCK ? body->u.block.rbrace : body->pos;
        chk_func_body(C, fd->u.func.info, body, NULL, false, end);
        leave_decl(C, s);
    }
}

static void check_main_func(Checker *C) {
    if (C->pkg != C->prog->main) return;
    const char *entry = C->prog->entry ? C->prog->entry : "main";
    Object *m = chk_scope_find(C->pkg->scope, str_intern(entry));
    if (m && m->kind == OBJ_FUNC) return;
    Pos pos = {0};
    if (C->pkg->nfiles > 0) {
        pos.file = C->pkg->files[0];
        pos.line = 1;
        pos.col = 1;
    }
    chk_error(C, pos, "function main is undeclared in the main package");
}

static void add_program_pkg(Program *prog, Package *pkg) {
    int cap = prog->npkgs;
    prog->pkgs = chk_grow(prog->pkgs, prog->npkgs, &cap, sizeof *prog->pkgs);
    prog->pkgs[prog->npkgs++] = pkg;
}

static bool has_word(const char *src, const char *w) {
    size_t n = strlen(w);
    for (const char *p = src; (p = strstr(p, w)) != NULL; p += n) {
        bool left = p == src || !(p[-1] == '_' || (p[-1] >= 'a' && p[-1] <= 'z') ||
                                  (p[-1] >= 'A' && p[-1] <= 'Z') || (p[-1] >= '0' && p[-1] <= '9'));
        char r = p[n];
        bool right = !(r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') ||
                       (r >= '0' && r <= '9'));
        if (left && right) return true;
    }
    return false;
}

/* Messages spell uint8/int32 as byte/rune (as Go does for values whose
 * type was written that way, and for string bytes and rune constants)
 * unless the package writes uint8/int32 and never the alias. */
static unsigned alias_style(Package *pkg) {
    bool byte = false, u8 = false, rune = false, i32 = false;
    for (int i = 0; i < pkg->nfiles; i++) {
        const char *src = pkg->files[i] ? pkg->files[i]->src : NULL;
        if (!src) continue;
        byte |= has_word(src, "byte");
        u8 |= has_word(src, "uint8");
        rune |= has_word(src, "rune");
        i32 |= has_word(src, "int32");
    }
    return (u8 && !byte ? 0 : TS_BYTE) | (i32 && !rune ? 0 : TS_RUNE);
}

static void check_package(Program *prog, Package *pkg, Checker *importer) {
    pkg->checked = true;
    Checker c = {0};
    Checker *C = &c;
    C->importer = importer;
    C->prog = prog;
    C->diag = prog->diag;
    C->pkg = pkg;
    C->universe = chk_universe();
    C->aliases = alias_style(pkg);
    pkg->scope = chk_scope_new(C->universe);
    if (!pkg->name) pkg->name = "main";
    pkg->path = pkg->path ? pkg->path : "main";
    pkg->name = str_intern(pkg->name);
    Collected col = {0};
    Scope **files = gc_alloc(sizeof *files * (pkg->nfiles + 1));
    for (int i = 0; i < pkg->nfiles; i++)
        files[i] = pkg->files[i] ? collect_file(C, pkg->files[i], &col)
                                 : chk_scope_new(pkg->scope);
    for (int i = 0; i < col.nmethods; i++)
        if (collect_generic_method(C, col.methods[i],
                                   file_scope_of(C, col.methods[i], files, pkg->nfiles)))
            col.methods[i] = NULL;
    int ntypes = C->ndecls;
    for (int i = 0; i < ntypes; i++)
        if (C->decls[i]->tspec) chk_resolve(C, C->decls[i]->objs[0]);
    for (int i = 0; i < col.nmethods; i++)
        if (col.methods[i])
            collect_method(C, col.methods[i], file_scope_of(C, col.methods[i], files, pkg->nfiles));
    gen_flush_methods(C);
    for (int i = 0; i < ntypes; i++)
        if (C->decls[i]->nobjs) chk_resolve(C, C->decls[i]->objs[0]);
    check_func_bodies(C);
    gen_drain(C);
    init_order(C);
    report_unused_imports(C);
    check_main_func(C);
    add_program_pkg(prog, pkg);
}

bool check_program(Program *prog) {
    int before = diag_count(prog->diag);
    if (prog->main) {
        if (!prog->main->path) prog->main->path = "main";
        check_package(prog, prog->main, NULL);
    }
    return diag_count(prog->diag) == before;
}
