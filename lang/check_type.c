/*
 * check_type.c — type expressions and the relations between types:
 * identity (pointer equality thanks to interning), comparability,
 * assignability, convertibility, field/method lookup through embedding
 * (Go's breadth-first LookupFieldOrMethod) and interface satisfaction.
 *
 * Messages follow Go 1.22's types2 wording, with types spelled relative to
 * the package being checked (type_string_rel).
 */
#include "check_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../runtime/gc.h"

Type *chk_invalid_type(void) {
    static Type t = {.kind = K_INVALID, .size = 1, .id = -1};
    t.underlying = &t;
    return &t;
}

bool chk_is_invalid(Type *t) {
    for (int depth = 0; t && depth < 8; depth++) {
        if (t->kind == K_INVALID) return true;
        if (t->name) return false;
        if (t->kind == K_MAP && chk_is_invalid(t->key)) return true;
        if (t->kind == K_FUNC || t->kind == K_TUPLE) {
            for (int i = 0; i < t->nparams; i++)
                if (chk_is_invalid(t->params[i])) return true;
            for (int i = 0; i < t->nresults; i++)
                if (chk_is_invalid(t->results[i])) return true;
            return false;
        }
        if (t->kind != K_POINTER && t->kind != K_SLICE && t->kind != K_ARRAY &&
            t->kind != K_CHAN && t->kind != K_MAP)
            return false;
        t = t->elem;
    }
    return t == NULL;
}

const char *chk_tstr(Checker *C, Type *t) {
    return type_string_rel(t, C->pkg ? C->pkg->name : NULL, C->aliases);
}

bool chk_identical(Type *a, Type *b) { return a == b; }

bool chk_is_named(Type *t) {
    return t->name != NULL || (t->kind >= K_BOOL && t->kind <= K_STRING);
}

bool chk_has_nil(Type *t) {
    switch (t->kind) {
    case K_POINTER: case K_SLICE: case K_MAP: case K_CHAN: case K_FUNC:
    case K_INTERFACE: case K_UNTYPED_NIL:
        return true;
    default:
        return false;
    }
}

bool chk_comparable(Type *t) {
    switch (t->kind) {
    case K_SLICE: case K_MAP: case K_FUNC: case K_TUPLE: return false;
    case K_ARRAY: return chk_comparable(t->elem);
    case K_STRUCT:
        for (int i = 0; i < t->nfields; i++)
            if (!chk_comparable(t->fields[i].type)) return false;
        return true;
    default: return true;
    }
}

Type *chk_default_type(Type *t) {
    switch (t->kind) {
    case K_UNTYPED_BOOL: return type_basic(K_BOOL);
    case K_UNTYPED_INT: return type_basic(K_INT);
    case K_UNTYPED_RUNE: return type_basic(K_INT32);
    case K_UNTYPED_FLOAT: return type_basic(K_FLOAT64);
    case K_UNTYPED_COMPLEX: return type_basic(K_COMPLEX128);
    case K_UNTYPED_STRING: return type_basic(K_STRING);
    default: return t;
    }
}

/* ---- type expressions --------------------------------------------------------- */

static Type *mark_type(Expr *e, Type *t) {
    e->mode = M_TYPE;
    e->type = t;
    return t;
}

static const char *obj_pos(Object *o) {
    char buf[512];
    snprintf(buf, sizeof buf, "%s:%d:%d", o->pos.file ? o->pos.file->path : "", o->pos.line,
             o->pos.col);
    return gc_strdup(buf);
}

/* T is used where its size must be known while its own declaration is
 * being evaluated: report the cycle once, as types2's cycleError does
 * (starting with the declaration first in the source). */
static void cycle_error(Checker *C, Type *T, Expr *at) {
    int start = -1;
    for (int i = 0; i < C->ntstack; i++)
        if (C->tstack[i] == T) start = i;
    if (start < 0) {
        chk_error(C, at->pos, "invalid recursive type %s", T->name);
        return;
    }
    if (chk_map_get(&C->cycles_reported, T)) return;
    int n = C->ntstack - start;
    Object **cyc = C->ostack + start;
    for (int i = 0; i < n; i++) chk_map_put(&C->cycles_reported, C->tstack[start + i], T);
    int first = 0;
    for (int i = 1; i < n; i++)
        if (cyc[i]->pos.line < cyc[first]->pos.line ||
            (cyc[i]->pos.line == cyc[first]->pos.line && cyc[i]->pos.col < cyc[first]->pos.col))
            first = i;
    if (n == 1) {
        chk_error(C, cyc[0]->pos, "invalid recursive type: %s refers to itself", cyc[0]->name);
        return;
    }
    char *msg = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&msg, &len);
    fprintf(f, "invalid recursive type %s", cyc[first]->name);
    for (int k = 0; k < n; k++) {
        Object *a = cyc[(first + k) % n], *b = cyc[(first + k + 1) % n];
        fprintf(f, "\n\t%s: %s refers to %s", obj_pos(a), a->name, b->name);
    }
    fclose(f);
    chk_error(C, cyc[first]->pos, "%s", msg);
    free(msg);
}

static Type *type_from_object(Checker *C, Expr *e, Object *o, bool need_complete) {
    if (o->kind != OBJ_TYPE) {
        chk_error(C, chk_start(e), "%s is not a type", ast_expr_string(e));
        return chk_invalid_type();
    }
    if (o->generic) {
        chk_error(C, chk_start(e), "cannot use generic type %s without instantiation",
                  gen_type_string(o->generic));
        return chk_invalid_type();
    }
    if (need_complete || !chk_declare_shell(C, o)) chk_resolve(C, o);
    o->used = true;
    const char *why = C->in_constraint ? NULL : gen_constraint_only(C, o);
    if (why) {
        chk_error(C, chk_start(e), "cannot use type %s outside a type constraint: %s",
                  ast_expr_string(e), why);
        return chk_invalid_type();
    }
    Type *t = o->type ? o->type : chk_invalid_type();
    if (need_complete && t->name && !t->underlying) {
        cycle_error(C, t, e);
        return chk_invalid_type();
    }
    return t;
}

static Type *ident_type(Checker *C, Expr *e, bool need_complete) {
    const char *n = chk_ident(e);
    if (n == str_intern("_")) {
        chk_error(C, e->pos, "cannot use _ as value or type");
        return chk_invalid_type();
    }
    Object *o = chk_lookup(C, n);
    if (!o) {
        chk_error(C, e->pos, "undefined: %s", n);
        return chk_invalid_type();
    }
    e->u.ident.obj = o;
    return type_from_object(C, e, o, need_complete);
}

/* pkg.Name in a type position. */
static Type *qualified_type(Checker *C, Expr *e, bool need_complete) {
    Expr *x = ast_unparen(e->u.sel.x);
    if (!x || x->kind != E_IDENT) {
        chk_error(C, chk_start(e), "%s is not a type", ast_expr_string(e));
        return chk_invalid_type();
    }
    Object *p = chk_lookup(C, chk_ident(x));
    if (!p) {
        chk_error(C, x->pos, "undefined: %s", x->u.ident.name);
        return chk_invalid_type();
    }
    if (p->kind != OBJ_PKG) {
        chk_error(C, chk_start(e), "%s is not a type", ast_expr_string(e));
        return chk_invalid_type();
    }
    p->used = true;
    x->u.ident.obj = p;
    x->mode = M_PKG;
    if (!p->imported || !p->imported->scope) return chk_invalid_type();
    const char *n = chk_ident(e->u.sel.sel);
    Object *o = check_lookup(p->imported, n);
    e->u.sel.kind = SEL_PKG;
    if (!o || !(n[0] >= 'A' && n[0] <= 'Z')) {
        if (o) chk_error(C, e->u.sel.sel->pos, "name %s not exported by package %s", n,
                         p->imported->name);
        else chk_error(C, e->u.sel.sel->pos, "undefined: %s", ast_expr_string(e));
        return chk_invalid_type();
    }
    if (o->kind == OBJ_BAD) {   /* unsafe.Pointer (universe.c) */
        chk_error(C, chk_start(e), "%s is not supported by csp", ast_expr_string(e));
        return chk_invalid_type();
    }
    e->u.sel.sel->u.ident.obj = o;
    e->u.sel.method = NULL;
    return type_from_object(C, e, o, need_complete);
}

/* Go's limit on a type's size (gc's MaxWidth, in Go's bytes): beyond it
 * gc reports the type, and no size computation on it could be trusted. */
static Type *too_large(Checker *C, Expr *e, Type *t) {
    if (type_gosize(t) < TYPE_GO_MAX_WIDTH) return t;
    chk_error(C, chk_start(e), "type %s larger than address space", chk_tstr(C, t));
    return chk_invalid_type();
}

/* Whether t's size is not known yet: a named type still being declared
 * (a shell, or one on tstack), or an array of one. */
static bool size_unknown(Type *t) {
    while (t->kind == K_ARRAY && !t->name) t = t->elem;
    return t->name && !t->underlying;
}

/* Sizes the arrays made while their element was being declared, once no
 * type declaration is in progress (every named type then has its
 * underlying type), in the order they were made: an array's element
 * array comes first. */
void chk_size_lazy_arrays(Checker *C) {
    if (C->ntstack > 0) return;
    for (int i = 0; i < C->nlazy; i++) {
        type_array_relayout(C->lazy[i].t);
        too_large(C, C->lazy[i].at, C->lazy[i].t);
    }
    C->nlazy = 0;
}

/* [N]E. need_complete false: the array is under a pointer, slice, map,
 * chan or func, so E may be a type still being declared (Go's
 * `type T18 *[10]T19; type T19 T18`, fixedbugs/bug336): the array is made
 * now and sized by chk_size_lazy_arrays. A true cycle (`type T [2]T`)
 * needs the array complete and is reported as before. */
static Type *array_type(Checker *C, Expr *e, bool need_complete) {
    Expr *len = e->u.arraytype.len;
    if (!len) return type_slice(chk_type(C, e->u.arraytype.elem));
    if (len->kind == E_ELLIPSIS) {
        chk_error(C, len->pos, "invalid use of [...] array (outside a composite literal)");
        chk_type(C, e->u.arraytype.elem);
        return chk_invalid_type();
    }
    chk_expr(C, len);
    bool lazy = !need_complete && C->ntstack > 0;
    Type *elem = chk_type_full(C, e->u.arraytype.elem, !lazy);
    if (len->mode == M_INVALID) return chk_invalid_type();
    int64_t n;
    if (len->mode != M_CONST) {
        chk_error(C, chk_start(len), "array length %s must be constant", chk_operand(C, len));
        return chk_invalid_type();
    }
    if (!type_is_integer(len->type) && !(type_is_untyped(len->type) && cv_is_integral(len->cv))) {
        chk_error(C, chk_start(len), "array length %s must be integer", chk_operand(C, len));
        return chk_invalid_type();
    }
    if (!cv_int64(len->cv, &n) || n < 0) {
        chk_error(C, chk_start(len), "invalid array length %s", chk_operand(C, len));
        return chk_invalid_type();
    }
    if (type_is_untyped(len->type)) chk_convert_untyped(C, len, type_basic(K_INT));
    Type *t = type_array(elem, n);
    if (lazy && size_unknown(elem)) {
        CHK_PUSH(C->lazy, C->nlazy, C->caplazy, ((LazyArray){t, e}));
        return t;
    }
    type_array_relayout(t);   /* one made lazily and not sized yet */
    return too_large(C, e, t);
}

static Type *map_type(Checker *C, Expr *e) {
    Type *k = chk_type(C, e->u.maptype.key);
    Type *v = chk_type(C, e->u.maptype.value);
    if (k->kind != K_INVALID && k->underlying && !chk_comparable(k)) {
        chk_error(C, chk_start(e->u.maptype.key), "invalid map key type %s", chk_tstr(C, k));
        return chk_invalid_type();
    }
    return type_map(k, v);
}

static bool is_exported(const char *n) { return n[0] >= 'A' && n[0] <= 'Z'; }

/* The name an embedded field gets: its type name without package or '*'. */
static const char *embedded_name(Expr *t) {
    t = ast_unparen(t);
    if (t && (t->kind == E_STAR)) t = ast_unparen(t->u.star.x);
    if (t && t->kind == E_SELECTOR) t = t->u.sel.sel;
    if (t && t->kind == E_IDENT) return chk_ident(t);
    return str_intern("_");
}

static Type *struct_type(Checker *C, Expr *e) {
    FieldList *fl = &e->u.structtype.fields;
    Field *fs = NULL;
    int n = 0, cap = 0;
    for (int i = 0; i < fl->n; i++) {
        FieldDecl *fd = &fl->list[i];
        Type *ft = chk_type_full(C, fd->type, true);
        int count = fd->nnames ? fd->nnames : 1;
        for (int j = 0; j < count; j++) {
            Field f = {.type = ft, .embedded = fd->nnames == 0};
            Pos pos = fd->nnames ? fd->names[j]->pos : fd->pos;
            f.name = fd->nnames ? chk_ident(fd->names[j]) : embedded_name(fd->type);
            if (f.embedded && ft->kind == K_POINTER && ft->elem->kind == K_INTERFACE &&
                !ft->name)
                chk_error(C, pos, "embedded field type cannot be a pointer to an interface");
            if (!is_exported(f.name)) f.pkg = C->pkg->path;
            if (fd->tagval) f.tag = str_intern(fd->tagval);
            for (int k = 0; k < n; k++)
                if (fs[k].name == f.name && f.name != str_intern("_"))
                    chk_error(C, pos, "%s redeclared", f.name);
            if (fd->nnames) fd->names[j]->u.ident.is_def = true;
            CHK_PUSH(fs, n, cap, f);
        }
    }
    return too_large(C, e, type_struct(fs, n));
}

static bool add_iface_method(Checker *C, Method **ms, int *n, int *cap, Method m, Pos pos) {
    for (int k = 0; k < *n; k++) {
        if ((*ms)[k].name != m.name) continue;
        if ((*ms)[k].sig != m.sig) chk_error(C, pos, "duplicate method %s", m.name);
        return false;
    }
    CHK_PUSH(*ms, *n, *cap, m);
    return true;
}

static void embed_iface(Checker *C, FieldDecl *fd, Method **ms, int *n, int *cap) {
    Expr *te = ast_unparen(fd->type);
    if (te && (te->kind == E_BINARY || (te->kind == E_UNARY && te->u.unary.op == T_TILDE))) {
        return;   /* a type set term: constraints only (check_generic.c) */
    }
    C->in_constraint++;   /* an interface embedding a constraint is one */
    Type *et = chk_type_full(C, fd->type, true);   /* reports embedding cycles */
    C->in_constraint--;
    if (et->kind == K_INVALID) return;
    if (et->kind != K_INTERFACE) {
        return;   /* a single-type term: constraints only (check_generic.c) */
    }
    for (int k = 0; k < et->nmethods; k++)
        add_iface_method(C, ms, n, cap, et->methods[k], fd->pos);
}

static Type *interface_type(Checker *C, Expr *e) {
    FieldList *fl = &e->u.ifacetype.methods;
    Method *ms = NULL;
    int n = 0, cap = 0;
    for (int i = 0; i < fl->n; i++) {
        FieldDecl *fd = &fl->list[i];
        if (fd->nnames == 0) {
            embed_iface(C, fd, &ms, &n, &cap);
            continue;
        }
        Method m = {.name = chk_ident(fd->names[0])};
        fd->names[0]->u.ident.is_def = true;
        if (!fd->type || fd->type->kind != E_FUNCTYPE) {
            chk_error(C, fd->pos, "interface method must have a function type");
            continue;
        }
        m.sig = chk_signature(C, fd->type, NULL, NULL);
        if (m.name == str_intern("_")) {
            chk_error(C, fd->names[0]->pos, "methods must have a unique non-blank name");
            continue;
        }
        add_iface_method(C, &ms, &n, &cap, m, fd->names[0]->pos);
    }
    return type_interface(ms, n);
}

Type *chk_type_full(Checker *C, Expr *e, bool need_complete) {
    if (!e) return chk_invalid_type();
    Type *t;
    switch (e->kind) {
    case E_IDENT: t = ident_type(C, e, need_complete); break;
    case E_SELECTOR: t = qualified_type(C, e, need_complete); break;
    case E_PAREN: t = chk_type_full(C, e->u.paren.x, need_complete); break;
    case E_STAR: t = type_pointer(chk_type(C, e->u.star.x)); break;
    case E_ARRAYTYPE: t = array_type(C, e, need_complete); break;
    case E_MAPTYPE: t = map_type(C, e); break;
    case E_CHANTYPE:
        t = type_chan(chk_type(C, e->u.chantype.elem), e->u.chantype.dir);
        break;
    case E_FUNCTYPE: t = chk_signature(C, e, NULL, NULL); break;
    case E_STRUCTTYPE: t = struct_type(C, e); break;
    case E_INTERFACETYPE: t = interface_type(C, e); break;
    case E_INDEX:
        t = gen_type_index(C, e);
        if (need_complete && t->name && !t->underlying) {
            cycle_error(C, t, e);
            t = chk_invalid_type();
        }
        break;
    case E_BAD: t = chk_invalid_type(); break;
    default:
        if (e->kind == E_UNARY && e->u.unary.op == T_MUL) {
            t = type_pointer(chk_type(C, e->u.unary.x));
            break;
        }
        chk_error(C, chk_start(e), "%s is not a type", ast_expr_string(e));
        t = chk_invalid_type();
    }
    return mark_type(e, t);
}

Type *chk_type(Checker *C, Expr *e) { return chk_type_full(C, e, false); }

/* ---- signatures ----------------------------------------------------------------- */

typedef struct ParamList {
    Type **types;
    int n, cap;
    Object **objs;
    int nobjs, capobjs;
    bool variadic;
    bool named;
} ParamList;

static void param_list(Checker *C, FieldList *fl, ParamList *pl, FuncInfo *info,
                       bool results, bool params) {
    for (int i = 0; fl && i < fl->n; i++) {
        FieldDecl *fd = &fl->list[i];
        Expr *te = fd->type;
        Type *t;
        if (te && te->kind == E_ELLIPSIS) {
            if (!params || i != fl->n - 1 || fd->nnames > 1)
                chk_error(C, te->pos, "can only use ... with final parameter in list");
            t = type_slice(chk_type(C, te->u.ellipsis.elt));
            mark_type(te, t);
            if (params) pl->variadic = true;
        } else {
            t = chk_type(C, te);
        }
        int count = fd->nnames ? fd->nnames : 1;
        for (int j = 0; j < count; j++) {
            CHK_PUSH(pl->types, pl->n, pl->cap, t);
            if (!info) continue;
            const char *name;
            char buf[16];
            Pos pos = fd->pos;
            if (fd->nnames) {
                name = chk_ident(fd->names[j]);
                pos = fd->names[j]->pos;
                pl->named = true;
            } else if (results) {
                snprintf(buf, sizeof buf, "~r%d", pl->nobjs);
                name = buf;
            } else {
                name = "_";
            }
            Object *o = chk_obj_new(C, OBJ_VAR, name, pos, t);
            o->owner = info;
            o->gsrc = te;
            o->is_param = !results;
            o->is_result = results;
            o->used = true;
            if (fd->nnames) {
                fd->names[j]->u.ident.obj = o;
                fd->names[j]->u.ident.is_def = true;
            }
            CHK_PUSH(pl->objs, pl->nobjs, pl->capobjs, o);
        }
    }
}

static void receiver(Checker *C, FieldList *recv, FuncInfo *info) {
    if (!recv || recv->n < 1) return;
    FieldDecl *fd = &recv->list[0];
    Type *t = chk_type(C, fd->type);
    if (!info) return;
    const char *name = fd->nnames ? chk_ident(fd->names[0]) : "_";
    Object *o = chk_obj_new(C, OBJ_VAR, name, fd->nnames ? fd->names[0]->pos : fd->pos, t);
    o->owner = info;
    o->gsrc = fd->type;
    o->is_param = true;
    o->used = true;
    if (fd->nnames) {
        fd->names[0]->u.ident.obj = o;
        fd->names[0]->u.ident.is_def = true;
    }
    info->recv = o;
}

Type *chk_signature(Checker *C, Expr *ftype, FuncInfo *info, FieldList *recv) {
    if (!ftype || ftype->kind != E_FUNCTYPE) return chk_invalid_type();
    receiver(C, recv, info);
    ParamList ps = {0}, rs = {0};
    param_list(C, &ftype->u.functype.params, &ps, info, false, true);
    param_list(C, &ftype->u.functype.results, &rs, info, true, false);
    Type *sig = type_func(ps.types, ps.n, rs.types, rs.n, ps.variadic);
    mark_type(ftype, sig);
    if (info) {
        info->sig = sig;
        info->params = ps.objs;
        info->nparams = ps.nobjs;
        info->results = rs.objs;
        info->nresults = rs.nobjs;
        info->named_results = rs.named;
    }
    return sig;
}

const char *chk_func_string(Checker *C, const char *name, Type *sig) {
    const char *s = chk_tstr(C, sig);   /* "func(int) string" */
    size_t n = strlen(name) + strlen(s);
    char *buf = gc_alloc_atomic(n + 1);
    snprintf(buf, n + 1, "%s%s", name, s + 4);
    return buf;
}

/* ---- field and method lookup ------------------------------------------------------ */

typedef struct Entry {
    Type *t;             /* type searched at this depth (pointer removed) */
    int *path;
    int npath;
    bool indirect;
} Entry;

static int *path_append(const int *p, int n, int idx) {
    int *np = gc_alloc_atomic(sizeof *np * (n + 1));
    if (n) memcpy(np, p, sizeof *np * n);
    np[n] = idx;
    return np;
}

static bool seen_has(Type **seen, int n, Type *t) {
    for (int i = 0; i < n; i++)
        if (seen[i] == t) return true;
    return false;
}

/* Looks for name directly in entry's type; counts hits in *found. */
/* Name match: interned identity, or case-insensitive when looking for a
 * differently-capitalised alternative for an error message. */
static bool same_name(const char *a, const char *b, bool fold) {
    return fold ? strcasecmp(a, b) == 0 : a == b;
}

static void search_entry(Entry *en, const char *name, bool fold, Selection *best, int *found,
                         Entry **next, int *nnext, int *capnext) {
    Type *t = en->t;
    if (t->name && t->kind != K_INTERFACE) {
        for (int i = 0; i < t->nmethods; i++) {
            if (!same_name(t->methods[i].name, name, fold)) continue;
            (*found)++;
            *best = (Selection){.kind = LK_METHOD, .path = en->path, .npath = en->npath,
                                .method = &t->methods[i], .indirect = en->indirect};
        }
    }
    if (t->kind == K_STRUCT) {
        for (int i = 0; i < t->nfields; i++) {
            Field *f = &t->fields[i];
            if (same_name(f->name, name, fold)) {
                (*found)++;
                *best = (Selection){.kind = LK_FIELD,
                                    .path = path_append(en->path, en->npath, i),
                                    .npath = en->npath + 1, .field = f,
                                    .indirect = en->indirect};
            }
            if (!f->embedded) continue;
            Type *ft = f->type;
            bool ind = en->indirect;
            if (ft->kind == K_POINTER && !ft->name) {
                ft = ft->elem;
                ind = true;
            }
            Entry ne = {ft, path_append(en->path, en->npath, i), en->npath + 1, ind};
            CHK_PUSH(*next, *nnext, *capnext, ne);
        }
    } else if (t->kind == K_INTERFACE) {
        for (int i = 0; i < t->nmethods; i++) {
            if (!same_name(t->methods[i].name, name, fold)) continue;
            (*found)++;
            *best = (Selection){.kind = LK_IFACE, .path = en->path, .npath = en->npath,
                                .method = &t->methods[i], .iface_index = i,
                                .indirect = en->indirect};
        }
    }
}

static void lookup(Checker *C, Type *T, const char *name, bool fold, Selection *out);

void chk_lookup_field_or_method(Checker *C, Type *T, const char *name, Selection *out) {
    lookup(C, T, name, false, out);
}

void chk_lookup_fold(Checker *C, Type *T, const char *name, Selection *out) {
    lookup(C, T, name, true, out);
}

static void lookup(Checker *C, Type *T, const char *name, bool fold, Selection *out) {
    *out = (Selection){.kind = LK_NONE};
    if (!T || T->kind == K_INVALID) return;
    bool indirect = false;
    if (T->kind == K_POINTER && !T->name) {
        T = T->elem;
        indirect = true;
    } else if (T->kind == K_POINTER && T->name) {
        /* a named pointer type has no methods; its base's fields are
         * still reachable */
        T = T->elem;
        indirect = true;
    }
    Entry *cur = gc_alloc(sizeof *cur);
    cur[0] = (Entry){T, NULL, 0, indirect};
    int ncur = 1;
    Type **seen = NULL;
    int nseen = 0, capseen = 0;
    while (ncur > 0) {
        Entry *next = NULL;
        int nnext = 0, capnext = 0, found = 0;
        Selection best = {0};
        for (int i = 0; i < ncur; i++) {
            Entry *en = &cur[i];
            if (en->t->name) {
                if (seen_has(seen, nseen, en->t)) continue;
                CHK_PUSH(seen, nseen, capseen, en->t);
            }
            search_entry(en, name, fold, &best, &found, &next, &nnext, &capnext);
        }
        if (found == 1) {
            *out = best;
            return;
        }
        if (found > 1) {
            out->kind = LK_AMBIG;
            return;
        }
        cur = next;
        ncur = nnext;
    }
}

/* ---- interfaces -------------------------------------------------------------------- */

const char *chk_missing_method(Checker *C, Type *V, Type *T) {
    char buf[1024];
    for (int i = 0; i < T->nmethods; i++) {
        Method *m = &T->methods[i];
        Selection sel;
        chk_lookup_field_or_method(C, V, m->name, &sel);
        if (sel.kind == LK_AMBIG) {
            snprintf(buf, sizeof buf, "(ambiguous selector %s.%s)", chk_tstr(C, V), m->name);
            return gc_strdup(buf);
        }
        if (sel.kind == LK_FIELD && !(V->kind == K_INTERFACE)) {
            snprintf(buf, sizeof buf, "(%s.%s is a field, not a method)", chk_tstr(C, V),
                     m->name);
            return gc_strdup(buf);
        }
        if (sel.kind != LK_METHOD && sel.kind != LK_IFACE) {
            snprintf(buf, sizeof buf, "(missing method %s)", m->name);
            return gc_strdup(buf);
        }
        if (sel.method->sig != m->sig) {
            snprintf(buf, sizeof buf, "(wrong type for method %s)\n\t\thave %s\n\t\twant %s",
                     m->name, chk_func_string(C, m->name, sel.method->sig),
                     chk_func_string(C, m->name, m->sig));
            return gc_strdup(buf);
        }
        if (sel.kind == LK_METHOD && sel.method->ptr_recv && !sel.indirect &&
            V->kind != K_POINTER) {
            snprintf(buf, sizeof buf, "(method %s has pointer receiver)", m->name);
            return gc_strdup(buf);
        }
    }
    return NULL;
}

/* ---- assignability and conversions ------------------------------------------------- */

static bool untyped_assignable(Expr *x, Type *T) {
    Type *V = x->type;
    if (T->kind == K_INVALID) return true;
    if (V->kind == K_UNTYPED_NIL) return chk_has_nil(T);
    if (T->kind == K_INTERFACE) return T->nmethods == 0 || V->kind != K_UNTYPED_NIL;
    if (x->mode == M_CONST && x->cv.kind != CV_NONE) {
        ConstVal out;
        return cv_represent(x->cv, T, &out) == CVR_OK;
    }
    if (V->kind == K_UNTYPED_BOOL) return T->kind == K_BOOL || T->kind == K_UNTYPED_BOOL;
    if (V->kind == K_UNTYPED_STRING) return T->kind == K_STRING;
    return type_is_integer(T) || type_is_float(T) || type_is_complex(T);
}

static const char *not_implement(Checker *C, Type *V, Type *T, const char *why) {
    char *buf = NULL;
    if (asprintf(&buf, "%s does not implement %s %s", chk_tstr(C, V), chk_tstr(C, T), why) < 0)
        return why;
    const char *r = gc_strdup(buf);
    free(buf);
    return r;
}

bool chk_assignable(Checker *C, Expr *x, Type *T, const char **cause) {
    Type *V = x->type;
    *cause = NULL;
    if (!V || !T || chk_is_invalid(V) || chk_is_invalid(T)) return true;
    if (V == T) return true;
    if (type_is_untyped(V)) return untyped_assignable(x, T);
    if (V->underlying == T->underlying && (!chk_is_named(V) || !chk_is_named(T)))
        return true;
    if (T->kind == K_INTERFACE) {
        const char *why = chk_missing_method(C, V, T);
        if (!why) return true;
        *cause = not_implement(C, V, T, why);
        return false;
    }
    if (T->kind == K_POINTER && T->elem->kind == K_INTERFACE && !T->name &&
        V->kind != K_POINTER) {
        char buf[512];
        snprintf(buf, sizeof buf, "%s does not implement %s (type %s is pointer to interface, not interface)",
                 chk_tstr(C, V), chk_tstr(C, T), chk_tstr(C, T));
        *cause = gc_strdup(buf);
        return false;
    }
    if (V->kind == K_INTERFACE && T->kind != K_INTERFACE) {
        if (!chk_missing_method(C, T, V)) *cause = "need type assertion";
        return false;
    }
    if (V->kind == K_CHAN && V->dir == CHAN_BOTH && T->kind == K_CHAN &&
        V->elem == T->elem)
        return !chk_is_named(V) || !chk_is_named(T);
    return false;
}

static bool is_numeric(Type *t) { return type_is_integer(t) || type_is_float(t); }

static bool is_bytes_or_runes(Type *t) {
    return t->kind == K_SLICE &&
           (t->elem->underlying->kind == K_UINT8 || t->elem->underlying->kind == K_INT32);
}

/* Type identity ignoring struct tags (Go's IdenticalIgnoreTags, for
 * conversions): tags are part of a struct type's identity (type.c), so
 * types differing only in tags are distinct interned types. */
static bool identical_ignore_tags(Type *a, Type *b) {
    if (a == b) return true;
    if (a->name || b->name || a->kind != b->kind) return false;
    switch (a->kind) {
    case K_POINTER: case K_SLICE:
        return identical_ignore_tags(a->elem, b->elem);
    case K_ARRAY:
        return a->len == b->len && identical_ignore_tags(a->elem, b->elem);
    case K_MAP:
        return identical_ignore_tags(a->key, b->key) && identical_ignore_tags(a->elem, b->elem);
    case K_CHAN:
        return a->dir == b->dir && identical_ignore_tags(a->elem, b->elem);
    case K_STRUCT:
        if (a->nfields != b->nfields) return false;
        for (int i = 0; i < a->nfields; i++) {
            const Field *x = &a->fields[i], *y = &b->fields[i];
            if (x->name != y->name || x->embedded != y->embedded || x->pkg != y->pkg ||
                !identical_ignore_tags(x->type, y->type))
                return false;
        }
        return true;
    default:
        return false;
    }
}

bool chk_convertible(Checker *C, Type *V, Type *T) {
    if (V == T || chk_is_invalid(V) || chk_is_invalid(T)) return true;
    if (identical_ignore_tags(V->underlying, T->underlying)) return true;
    if (V->kind == K_POINTER && T->kind == K_POINTER && !V->name && !T->name &&
        identical_ignore_tags(V->elem->underlying, T->elem->underlying))
        return true;
    if (is_numeric(V) && is_numeric(T)) return true;
    if (type_is_complex(V) && type_is_complex(T)) return true;
    if (T->kind == K_STRING && (type_is_integer(V) || is_bytes_or_runes(V))) return true;
    if (V->kind == K_STRING && is_bytes_or_runes(T)) return true;
    if (V->kind == K_SLICE && T->kind == K_ARRAY && V->elem == T->elem) return true;
    if (V->kind == K_SLICE && T->kind == K_POINTER && T->elem->kind == K_ARRAY &&
        T->elem->elem == V->elem)
        return true;
    if (T->kind == K_INTERFACE) return chk_missing_method(C, V, T) == NULL;
    if (V->kind == K_CHAN && T->kind == K_CHAN && V->dir == CHAN_BOTH && V->elem == T->elem)
        return true;
    return false;
}
