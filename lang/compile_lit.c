/*
 * compile_lit.c — conversions and literals: T(x) conversions (comp_conv,
 * and convert_reg for the implicit interface boxing of call results),
 * composite literals (comp_composite, comp_composite_addr for &T{...}) and
 * function literals (comp_funclit, which compiles the nested function).
 *
 * Every function here is a leaf case of cexpr (compile_expr.c): it takes a
 * destination register as cexpr does (dst < 0: any register) and returns
 * where the value is. A composite literal always builds a fresh value, so
 * its consumers never copy it (expr_is_fresh); its elements are compiled
 * with cvalue and stored through an LValue (lv_store), the same path an
 * assignment takes. Register and boxing conventions: compile_int.h.
 */
#include <string.h>

#include "compile_int.h"

/* ---- conversions ------------------------------------------------------------- */

static bool needs_norm(Type *from, Type *to) {
    int tb = type_int_bits(to->kind), fb = type_int_bits(from->kind);
    if (tb >= 64)
        return false;
    bool fs_ = comp_is_signed_int(from), ts = comp_is_signed_int(to);
    if (fs_ == ts && tb >= fb)
        return false;
    if (!fs_ && ts && tb > fb)
        return false;
    return true;
}

/* Emits the conversion of R[r] (type from) into R[d] (type to). */
static void emit_convert(FuncState *fs, int d, int r, Type *from, Type *to) {
    if (to->kind == K_INTERFACE) {
        if (from->kind == K_INTERFACE || from->kind == K_UNTYPED_NIL)
            comp_to_dst(fs, r, d);
        else
            emit(fs, OP_IFACE, d, r, k_dyntype(fs, from));
        return;
    }
    if (comp_is_int(to) && comp_is_int(from)) {
        if (needs_norm(from, to)) emit(fs, OP_NORM, d, r, to->kind);
        else comp_to_dst(fs, r, d);
    } else if (comp_is_float(to) && comp_is_int(from)) {
        emit(fs, type_is_unsigned(from) ? OP_U2F : OP_I2F, d, r, 0);
        if (to->kind == K_FLOAT32) emit(fs, OP_F32, d, d, 0);
    } else if (comp_is_int(to) && comp_is_float(from)) {
        emit(fs, OP_F2I, d, r, to->kind);
    } else if (comp_is_float(to) && comp_is_float(from)) {
        if (to->kind == K_FLOAT32 && from->kind != K_FLOAT32) emit(fs, OP_F32, d, r, 0);
        else comp_to_dst(fs, r, d);
    } else if (to->kind == K_STRING && comp_is_int(from)) {
        emit(fs, OP_RUNE2S, d, r, 0);
    } else if (to->kind == K_SLICE && from->kind == K_STRING) {
        emit(fs, to->elem->kind == K_INT32 ? OP_S2R : OP_S2B, d, r, 0);
    } else if (to->kind == K_STRING && from->kind == K_SLICE) {
        emit(fs, from->elem->kind == K_INT32 ? OP_R2S : OP_B2S, d, r, 0);
    } else if (to->kind == K_COMPLEX64 && from->kind == K_COMPLEX128) {
        emit(fs, OP_C64, d, r, 0);
    } else if (from->kind == K_SLICE &&
               (to->kind == K_ARRAY || to->kind == K_POINTER)) {
        bool ptr = to->kind == K_POINTER;
        emit(fs, OP_S2A, d, r, k_ptr(fs, ptr ? to->elem : to, KT_TYPE));
        emit_extra(fs, ptr, 0, 0);
    } else {
        comp_to_dst(fs, r, d);
    }
}

void convert_reg(FuncState *fs, int reg, Type *from, Type *to) {
    if (from == to || !from || !to)
        return;
    if (to->kind == K_INTERFACE && from->kind != K_INTERFACE &&
        from->kind != K_UNTYPED_NIL && from->kind != K_TUPLE)
        emit(fs, OP_IFACE, reg, reg, k_dyntype(fs, from));
}

int comp_conv(FuncState *fs, Expr *e, int dst) {
    Type *to = e->type;
    Expr *x = e->u.call.args[0];
    if (e->cv.kind != CV_NONE)
        return comp_load_const(fs, e, comp_const_type(e), dst);
    if (to->kind == K_INTERFACE)
        return cvalue(fs, x, to, dst, false);
    if (x->cv.kind != CV_NONE && !comp_is_int(x->type) && !comp_is_float(x->type)) {
        /* e.g. []byte("const") */
        int save = fs->freereg;
        int r = comp_load_const(fs, x, comp_const_type(x), -1);
        fs->freereg = save;
        int d = comp_target(fs, dst);
        emit_convert(fs, d, r, comp_const_type(x), to);
        return d;
    }
    int save = fs->freereg;
    int r = cexpr(fs, x, -1);
    fs->freereg = save;
    int d = comp_target(fs, dst);
    emit_convert(fs, d, r, x->cv.kind != CV_NONE ? comp_const_type(x) : x->type, to);
    return d;
}

/* ---- composite literals ------------------------------------------------------ */

static int field_index(Type *st, Expr *key) {
    const char *name = key->kind == E_IDENT ? key->u.ident.name : NULL;
    for (int i = 0; name && i < st->nfields; i++)
        if (strcmp(st->fields[i].name, name) == 0)
            return i;
    return -1;
}

/* Stores element value expression v (type t) at R[box].p + off. */
static void store_elem(FuncState *fs, int box, int off, Type *t, Expr *v) {
    int save = fs->freereg;
    int r = cvalue(fs, v, t, -1, false);
    LValue lv = {.kind = LV_MEM, .type = t, .reg = box, .off = off};
    lv_store(fs, &lv, r);
    fs->freereg = save;
}

static int64_t elt_index(Expr *key, int64_t next) {
    if (key && key->cv.kind == CV_INT)
        return (int64_t)key->cv.u.i;
    return next;
}

/* Composite literal e into a fresh value, by the literal's type. Struct
 * and array: a zeroed box (BOXNEW), then a store per element at its
 * offset. Slice: up to 64 unkeyed elements into consecutive registers and
 * one MKSLICE; otherwise MAKESLICE of the literal's length, then a store
 * per element. Map: MAKEMAP sized by the element count, a MAPSET per pair.
 * The elements' calls are evaluated ahead first (comp_hoist). */
int comp_composite(FuncState *fs, Expr *e, int dst) {
    Type *t = e->type;
    if (t->kind == K_POINTER)
        t = t->elem;                 /* elided &T in a nested literal */
    int n = e->u.composite.nelts;
    Expr **elts = e->u.composite.elts;
    comp_hoist(fs, elts, n, false);
    int d = comp_target(fs, dst);
    switch (t->kind) {
    case K_STRUCT:
        emit(fs, OP_BOXNEW, d, 0, t->size);
        for (int i = 0; i < n; i++) {
            Expr *v = elts[i];
            int fi = i;
            if (v->kind == E_KEYVALUE) {
                fi = field_index(t, v->u.kv.key);
                v = v->u.kv.value;
            }
            if (fi < 0 || fi >= t->nfields)
                continue;
            const char *name = t->fields[fi].name;
            if (name && strcmp(name, "_") == 0) {
                /* a blank field stays zero; its value is still evaluated */
                int save = fs->freereg;
                cexpr(fs, v, -1);
                fs->freereg = save;
                continue;
            }
            store_elem(fs, d, t->fields[fi].offset, t->fields[fi].type, v);
        }
        return d;
    case K_ARRAY: {
        emit(fs, OP_BOXNEW, d, 0, t->size);
        int64_t idx = 0;
        for (int i = 0; i < n; i++, idx++) {
            Expr *v = elts[i];
            if (v->kind == E_KEYVALUE) {
                idx = elt_index(v->u.kv.key, idx);
                v = v->u.kv.value;
            }
            store_elem(fs, d, (int)(idx * t->elem->size), t->elem, v);
        }
        return d;
    }
    case K_SLICE: {
        Type *et = t->elem;
        bool keyed = false;
        int64_t len = 0, idx = 0;
        for (int i = 0; i < n; i++, idx++) {
            if (elts[i]->kind == E_KEYVALUE) {
                keyed = true;
                idx = elt_index(elts[i]->u.kv.key, idx);
            }
            if (idx + 1 > len) len = idx + 1;
        }
        if (!keyed && n > 0 && n <= 64) {
            int save = fs->freereg;
            int first = fs->freereg;
            for (int i = 0; i < n; i++) {
                int r = alloc_reg(fs);
                cvalue(fs, elts[i], et, r, false);
                fs->freereg = r + 1;
            }
            fs->freereg = save;
            comp_reserve(fs, first + n);
            emit(fs, OP_MKSLICE, d, first, n);
            emit_extra(fs, 0, 0, k_ptr(fs, et, KT_TYPE));
            return d;
        }
        int save = fs->freereg;
        int lr = alloc_reg(fs);
        load_int(fs, lr, len);
        emit(fs, OP_MAKESLICE, d, lr, lr);
        emit_extra(fs, 0, 0, k_ptr(fs, et, KT_TYPE));
        idx = 0;
        for (int i = 0; i < n; i++, idx++) {
            Expr *v = elts[i];
            if (v->kind == E_KEYVALUE) {
                idx = elt_index(v->u.kv.key, idx);
                v = v->u.kv.value;
            }
            int ir = alloc_reg(fs);
            load_int(fs, ir, idx);
            if (!type_is_boxed(et)) {
                int r = cvalue(fs, v, et, -1, false);
                emit(fs, OP_SSET, d, ir, r);
            } else {
                int p = alloc_reg(fs);
                emit(fs, OP_SADDR, p, d, ir);
                emit_extra(fs, 0, 0, et->size);
                store_elem(fs, p, 0, et, v);
            }
            fs->freereg = save + 1;
        }
        fs->freereg = save;
        return d;
    }
    case K_MAP: {
        int save = fs->freereg;
        int h = alloc_reg(fs);
        load_int(fs, h, n);
        emit(fs, OP_MAKEMAP, d, h, k_ptr(fs, t, KT_TYPE));
        for (int i = 0; i < n; i++) {
            Expr *kv = elts[i];
            if (kv->kind != E_KEYVALUE)
                continue;
            fs->freereg = save;
            int k = cvalue(fs, kv->u.kv.key, t->key, -1, false);
            int v = cvalue(fs, kv->u.kv.value, t->elem, -1, false);
            emit(fs, OP_MAPSET, d, k, v);
        }
        fs->freereg = save;
        return d;
    }
    default:
        comp_error(fs, e->pos, "invalid composite literal type %s", type_string(t));
        return d;
    }
}

/* &T{...}: a struct or array literal's box is already the pointer; a slice
 * or map literal is a register value, so it is stored in a fresh cell. */
int comp_composite_addr(FuncState *fs, Expr *e, int dst) {
    Type *t = e->type->kind == K_POINTER ? e->type->elem : e->type;
    if (type_is_boxed(t))
        return comp_composite(fs, e, dst);
    int save = fs->freereg;
    int d = comp_target(fs, dst);
    int v = alloc_reg(fs);
    comp_composite(fs, e, v);
    emit(fs, OP_NEWCELL, d, v, 0);
    fs->freereg = save > d ? save : d + 1;
    return d;
}

/* ---- function literals ------------------------------------------------------- */

int comp_funclit(FuncState *fs, Expr *e, int dst) {
    FuncInfo *info = e->u.funclit.info;
    Proto *p = comp_function(fs->C, fs, info, e->u.funclit.body, false, NULL, e->pos);
    int d = comp_target(fs, dst);
    if (p->ncaps == 0)
        emit(fs, OP_LOADK, d, 0, k_ptr(fs, vm_static_closure(p), KT_CLOSURE));
    else
        emit(fs, OP_CLOSURE, d, 0, k_ptr(fs, p, KT_PROTO));
    return d;
}
