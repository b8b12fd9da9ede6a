/*
 * check_call.c — calls: function and method calls (argument passing,
 * variadics, f(g()) spreading), conversions T(x), and the builtins.
 * Messages follow Go 1.22's types2 (call.go, builtins.go, conversions.go).
 */
#include "check_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/gc.h"

static bool is_numeric(Type *t) { return type_is_integer(t) || type_is_float(t); }

/* ---- argument lists ------------------------------------------------------------------ */

/* One actual argument: an expression, or element i of a tuple call. */
typedef struct Arg {
    Expr *x;
    Type *type;       /* tuple element type when from a spread call */
    bool spread;
} Arg;

static Arg *eval_args(Checker *C, Expr **args, int nargs, int *n) {
    *n = 0;
    if (nargs == 1 && args[0]) {
        C->generic_ok = args[0];   /* f(g): g may be generic (gen_assign) */
        chk_expr_multi(C, args[0]);
        C->generic_ok = NULL;
        Type *t = args[0]->type;
        if (args[0]->mode != M_INVALID && t->kind == K_TUPLE) {
            Arg *a = gc_alloc(sizeof *a * (t->nparams + 1));
            for (int i = 0; i < t->nparams; i++)
                a[i] = (Arg){args[0], t->params[i], true};
            *n = t->nparams;
            return a;
        }
        Arg *a = gc_alloc(sizeof *a);
        a[0] = (Arg){args[0], args[0]->type, false};
        *n = 1;
        return a;
    }
    Arg *a = gc_alloc(sizeof *a * (nargs + 1));
    for (int i = 0; i < nargs; i++) {
        if (!args[i]) continue;
        C->generic_ok = args[i];
        chk_expr(C, args[i]);
        C->generic_ok = NULL;
        a[(*n)++] = (Arg){args[i], args[i]->type, false};
    }
    return a;
}

/* "(int, string)" with untyped numerics as "number" (types2's typesSummary). */
static const char *types_summary(Checker *C, Type **ts, int n, bool variadic) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    fputc('(', f);
    for (int i = 0; i < n; i++) {
        if (i) fputs(", ", f);
        Type *t = ts[i];
        if (!t || t->kind == K_INVALID) fputs("unknown type", f);
        else if (type_is_untyped(t) && is_numeric(t)) fputs("number", f);
        else if (type_is_untyped(t)) fputs(chk_tstr(C, t) + 8, f);
        else if (variadic && i == n - 1 && t->kind == K_SLICE)
            fprintf(f, "...%s", chk_tstr(C, t->elem));
        else fputs(chk_tstr(C, t), f);
    }
    fputc(')', f);
    fclose(f);
    const char *r = gc_strdup(buf);
    free(buf);
    return r;
}

static const char *args_summary(Checker *C, Arg *a, int n) {
    Type **ts = gc_alloc(sizeof *ts * (n + 1));
    for (int i = 0; i < n; i++) ts[i] = a[i].type;
    return types_summary(C, ts, n, false);
}

static void assign_arg(Checker *C, Arg *a, Type *T, const char *ctx) {
    if (!a->spread) {
        chk_assign_to(C, a->x, T, ctx);
        return;
    }
    Expr tmp = *a->x;
    tmp.type = a->type;
    tmp.mode = M_VALUE;
    const char *cause;
    if (chk_assignable(C, &tmp, T, &cause)) return;
    if (cause)
        chk_error(C, chk_start(a->x), "cannot use %s as %s value in %s: %s",
                  chk_operand(C, &tmp), chk_tstr(C, T), ctx, cause);
    else
        chk_error(C, chk_start(a->x), "cannot use %s as %s value in %s", chk_operand(C, &tmp),
                  chk_tstr(C, T), ctx);
}

static void count_error(Checker *C, Expr *call, Arg *a, int n, Type *sig, bool too_many) {
    int np = sig->nparams;
    Pos at = call->u.call.rparen.line ? call->u.call.rparen : chk_start(call);
    if (too_many) at = chk_start(a[np].x);
    else if (n > 0) at = chk_start(a[n - 1].x);
    chk_error(C, at, "%s arguments in call to %s\n\thave %s\n\twant %s",
              too_many ? "too many" : "not enough", ast_expr_string(call->u.call.fun),
              args_summary(C, a, n), types_summary(C, sig->params, np, sig->variadic));
}

static void check_args(Checker *C, Expr *call, Type *sig, Arg *a, int n);
static void set_result(Expr *e, Type *sig);

static void check_arguments(Checker *C, Expr *call, Type *sig) {
    int n;
    Arg *a = eval_args(C, call->u.call.args, call->u.call.nargs, &n);
    check_args(C, call, sig, a, n);
}

/* A call of a generic function: arguments first, then inference. */
static void generic_call(Checker *C, Expr *e) {
    int n;
    Arg *a = eval_args(C, e->u.call.args, e->u.call.nargs, &n);
    Type **ts = gc_alloc(sizeof *ts * (size_t)(n + 1));
    Expr **xs = gc_alloc(sizeof *xs * (size_t)(n + 1));
    for (int i = 0; i < n; i++) {
        if (a[i].x->mode == M_INVALID) {
            chk_invalid(e);
            return;
        }
        ts[i] = a[i].type;
        xs[i] = a[i].x;
    }
    Type *sig = gen_call(C, e, xs, ts, n);
    if (!sig || sig->kind != K_FUNC) {
        chk_invalid(e);
        return;
    }
    e->u.call.kind = CALL_FUNC;
    check_args(C, e, sig, a, n);
    set_result(e, sig);
}

static void check_args(Checker *C, Expr *call, Type *sig, Arg *a, int n) {
    for (int i = 0; i < n; i++)
        if (a[i].x->mode == M_INVALID) return;
    /* the context of argument errors; only a call with arguments needs it
     * (spelling the callee is linear in it: f()()()... was quadratic) */
    char ctx[512] = "";
    if (n > 0)
        snprintf(ctx, sizeof ctx, "argument to %s", ast_expr_string(call->u.call.fun));
    int np = sig->nparams;
    bool ddd = call->u.call.has_ellipsis;
    if (ddd) {
        if (!sig->variadic) {
            chk_error(C, chk_start(a[n > 0 ? n - 1 : 0].x),
                      "have (...) but function is not variadic: %s",
                      ast_expr_string(call->u.call.fun));
            return;
        }
        if (n != np) {
            count_error(C, call, a, n, sig, n > np);
            return;
        }
        for (int i = 0; i < n; i++) assign_arg(C, &a[i], sig->params[i], ctx);
        return;
    }
    if (sig->variadic) {
        if (n < np - 1) {
            count_error(C, call, a, n, sig, false);
            return;
        }
        for (int i = 0; i < n; i++) {
            Type *T = i < np - 1 ? sig->params[i] : sig->params[np - 1]->elem;
            assign_arg(C, &a[i], T, ctx);
        }
        return;
    }
    if (n != np) {
        count_error(C, call, a, n, sig, n > np);
        return;
    }
    for (int i = 0; i < n; i++) assign_arg(C, &a[i], sig->params[i], ctx);
}

static void set_result(Expr *e, Type *sig) {
    if (sig->nresults == 0) {
        e->mode = M_NOVALUE;
        e->type = type_tuple(NULL, 0);
    } else if (sig->nresults == 1) {
        e->mode = M_VALUE;
        e->type = sig->results[0];
    } else {
        e->mode = M_VALUE;
        e->type = type_tuple(sig->results, sig->nresults);
    }
}

/* ---- conversions ----------------------------------------------------------------------- */

static bool is_const_type(Type *t) {
    return is_numeric(t) || type_is_complex(t) || t->kind == K_STRING || t->kind == K_BOOL;
}

static ConstVal rune_string(__int128 r) {
    char buf[8];
    uint32_t c = (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) ? 0xFFFD : (uint32_t)r;
    int n;
    if (c < 0x80) buf[0] = (char)c, n = 1;
    else if (c < 0x800) buf[0] = (char)(0xC0 | (c >> 6)), buf[1] = (char)(0x80 | (c & 0x3F)), n = 2;
    else if (c < 0x10000)
        buf[0] = (char)(0xE0 | (c >> 12)), buf[1] = (char)(0x80 | ((c >> 6) & 0x3F)),
        buf[2] = (char)(0x80 | (c & 0x3F)), n = 3;
    else
        buf[0] = (char)(0xF0 | (c >> 18)), buf[1] = (char)(0x80 | ((c >> 12) & 0x3F)),
        buf[2] = (char)(0x80 | ((c >> 6) & 0x3F)), buf[3] = (char)(0x80 | (c & 0x3F)), n = 4;
    char *s = gc_alloc_atomic(n + 1);
    memcpy(s, buf, n);
    s[n] = '\0';
    return cv_make_string(s, n);
}

static void const_conversion(Checker *C, Expr *e, Expr *x, Type *T) {
    ConstVal out;
    /* string(1 << 100) is "\uFFFD"; an untyped argument keeps its type
     * (go/types: integer-to-string conversions leave it untyped) */
    if (T->kind == K_STRING && (x->cv.kind == CV_INT ||
                                (x->cv.kind == CV_FLOAT && type_is_integer(x->type)))) {
        e->mode = M_CONST;
        e->cv = rune_string(x->cv.kind == CV_INT ? x->cv.u.i : -1);
        e->type = T;
        return;
    }
    CvRep rep = cv_represent(x->cv, T, &out);
    if (rep == CVR_OK) {
        e->mode = M_CONST;
        e->cv = out;
        e->type = T;
        if (type_is_untyped(x->type)) chk_set_type(C, x, T);
        return;
    }
    if (rep == CVR_OVERFLOW && cv_is_int(x->cv) && type_is_integer(T) &&
        (type_is_integer(x->type) || x->type->kind == K_UNTYPED_INT ||
         x->type->kind == K_UNTYPED_RUNE)) {
        chk_error(C, chk_start(x), "constant %s overflows %s", cv_string(x->cv),
                  ast_expr_string(e->u.call.fun));
    } else if (rep == CVR_TRUNCATED) {
        chk_error(C, chk_start(x), "cannot convert %s to type %s (truncated)", chk_operand(C, x),
                  chk_tstr(C, T));
    } else {
        chk_error(C, chk_start(x), "cannot convert %s to type %s", chk_operand(C, x),
                  chk_tstr(C, T));
    }
    chk_invalid(e);
}

static void conversion(Checker *C, Expr *e, Type *T) {
    e->u.call.kind = CALL_CONV;
    int n = e->u.call.nargs;
    if (n != 1 || e->u.call.has_ellipsis) {
        if (n == 0)
            chk_error(C, e->u.call.rparen.line ? e->u.call.rparen : chk_start(e),
                      "missing argument in conversion to %s", chk_tstr(C, T));
        else if (n > 1)
            chk_error(C, chk_start(e->u.call.args[n - 1]), "too many arguments in conversion to %s",
                      chk_tstr(C, T));
        else
            chk_error(C, chk_start(e), "invalid use of ... in conversion to %s", chk_tstr(C, T));
        for (int i = 0; i < n; i++) chk_expr(C, e->u.call.args[i]);
        chk_invalid(e);
        return;
    }
    Expr *x = e->u.call.args[0];
    chk_expr(C, x);
    if (x->mode == M_INVALID || chk_is_invalid(T)) {
        chk_invalid(e);
        return;
    }
    const char *xs = chk_operand(C, x);   /* before any implicit conversion */
    e->mode = M_VALUE;
    e->type = T;
    if (x->mode == M_CONST && x->cv.kind != CV_NONE && is_const_type(T)) {
        const_conversion(C, e, x, T);
        return;
    }
    if (type_is_untyped(x->type)) {
        if (x->type->kind == K_UNTYPED_NIL) {
            if (!chk_has_nil(T)) {
                chk_error(C, chk_start(x), "cannot convert nil to type %s", chk_tstr(C, T));
                chk_invalid(e);
                return;
            }
            chk_set_type(C, x, T);
            return;
        }
        if (T->kind == K_INTERFACE || x->mode == M_CONST) chk_default(C, x);
        else if (!chk_convert_untyped(C, x, T)) {
            chk_invalid(e);
            return;
        }
    }
    if (!chk_convertible(C, x->type, T)) {
        chk_error(C, chk_start(x), "cannot convert %s to type %s", xs, chk_tstr(C, T));
        chk_invalid(e);
    }
}

/* ---- builtins ----------------------------------------------------------------------- */

static const struct { const char *name; int nargs; bool variadic; bool stmt; } builtins[] = {
    [BI_APPEND] = {"append", 1, true, false}, [BI_CAP] = {"cap", 1, false, false},
    [BI_CLEAR] = {"clear", 1, false, true}, [BI_CLOSE] = {"close", 1, false, true},
    [BI_COPY] = {"copy", 2, false, true}, [BI_DELETE] = {"delete", 2, false, true},
    [BI_LEN] = {"len", 1, false, false}, [BI_MAKE] = {"make", 1, true, false},
    [BI_MAX] = {"max", 1, true, false}, [BI_MIN] = {"min", 1, true, false},
    [BI_NEW] = {"new", 1, false, false}, [BI_PANIC] = {"panic", 1, false, true},
    [BI_PRINT] = {"print", 0, true, true}, [BI_PRINTLN] = {"println", 0, true, true},
    [BI_RECOVER] = {"recover", 0, false, true}, [BI_COMPLEX] = {"complex", 2, false, false},
    [BI_REAL] = {"real", 1, false, false}, [BI_IMAG] = {"imag", 1, false, false},
    [BI_SIZEOF] = {"unsafe.Sizeof", 1, false, false},
    [BI_ALIGNOF] = {"unsafe.Alignof", 1, false, false},
    [BI_OFFSETOF] = {"unsafe.Offsetof", 1, false, false},
};

/* Does e contain a call or a receive (len/cap of arrays are then not
 * constant)? */
static bool has_call_or_recv(Expr *e);
bool check_has_call_or_recv(Expr *e) { return has_call_or_recv(e); }

static bool has_call_or_recv(Expr *e) {
    if (!e) return false;
    switch (e->kind) {
    case E_CALL: return e->u.call.kind != CALL_CONV || has_call_or_recv(e->u.call.args[0]);
    case E_UNARY: return e->u.unary.op == T_ARROW || has_call_or_recv(e->u.unary.x);
    case E_PAREN: return has_call_or_recv(e->u.paren.x);
    case E_SELECTOR: return has_call_or_recv(e->u.sel.x);
    case E_INDEX: return has_call_or_recv(e->u.index.x) || has_call_or_recv(e->u.index.index);
    case E_STAR: return has_call_or_recv(e->u.star.x);
    case E_BINARY: return has_call_or_recv(e->u.binary.x) || has_call_or_recv(e->u.binary.y);
    case E_COMPOSITE: case E_FUNCLIT: return true;
    default: return false;
    }
}

static void set_int_result(Expr *e, bool is_const, int64_t v) {
    e->type = type_basic(K_INT);
    if (is_const) {
        e->mode = M_CONST;
        e->cv = cv_make_int(v);
    } else {
        e->mode = M_VALUE;
    }
}

static void bi_len_cap(Checker *C, Expr *e, Expr *x, Builtin b) {
    Type *t = x->type;
    if (t->kind == K_POINTER && t->elem->kind == K_ARRAY) t = t->elem;
    bool ok;
    switch (t->kind) {
    case K_STRING: case K_UNTYPED_STRING: ok = b == BI_LEN; break;
    case K_ARRAY: case K_SLICE: case K_CHAN: ok = true; break;
    case K_MAP: ok = b == BI_LEN; break;
    default: ok = false;
    }
    if (!ok) {
        chk_error(C, chk_start(x), "invalid argument: %s for built-in %s", chk_operand(C, x),
                  builtins[b].name);
        chk_invalid(e);
        return;
    }
    if (x->mode == M_CONST && x->cv.kind == CV_STRING) {
        chk_default(C, x);
        set_int_result(e, true, x->cv.u.str.len);
        return;
    }
    if (t->kind == K_ARRAY && !has_call_or_recv(x)) {
        set_int_result(e, true, t->len);
        return;
    }
    set_int_result(e, false, 0);
}

static void bi_append(Checker *C, Expr *e, Expr **args, int n) {
    Expr *s = args[0];
    chk_expr(C, s);
    if (s->mode == M_INVALID) {
        for (int i = 1; i < n; i++) chk_expr(C, args[i]);
        chk_invalid(e);
        return;
    }
    if (s->type->kind == K_UNTYPED_NIL) {
        chk_error(C, chk_start(s), "first argument to append must be a slice; have untyped nil");
        chk_invalid(e);
        return;
    }
    if (s->type->kind != K_SLICE) {
        chk_error(C, chk_start(s), "first argument to append must be a slice; have %s",
                  chk_operand(C, s));
        chk_invalid(e);
        return;
    }
    e->mode = M_VALUE;
    e->type = s->type;
    Type *elem = s->type->elem;
    if (e->u.call.has_ellipsis) {
        if (n != 2) {
            chk_error(C, chk_start(e), "can only use ... with final argument in list");
            chk_invalid(e);
            return;
        }
        chk_expr(C, args[1]);
        if (args[1]->mode == M_INVALID) return;
        Type *t = args[1]->type;
        if (elem->underlying->kind == K_UINT8 && (t->kind == K_STRING || t->kind == K_UNTYPED_STRING)) {
            chk_default(C, args[1]);
            return;
        }
        chk_assign_to(C, args[1], type_slice(elem), "argument to append");
        return;
    }
    for (int i = 1; i < n; i++) {
        chk_expr(C, args[i]);
        chk_assign_to(C, args[i], elem, "argument to append");
    }
}

static void bi_copy(Checker *C, Expr *e, Expr *dst, Expr *src) {
    set_int_result(e, false, 0);
    if (dst->mode == M_INVALID || src->mode == M_INVALID) return;
    Type *d = dst->type, *s = src->type;
    /* a string source counts as []byte (types2's coreString rule) */
    Type *selem = (s->kind == K_STRING || s->kind == K_UNTYPED_STRING) ? type_basic(K_UINT8)
                  : s->kind == K_SLICE ? s->elem : NULL;
    if (d->kind != K_SLICE || !selem) {
        chk_error(C, chk_start(e), "invalid argument: copy expects slice arguments; found %s and %s",
                  chk_operand(C, dst), chk_operand(C, src));
        return;
    }
    if (d->elem != selem) {
        chk_error(C, chk_start(e), "invalid argument: arguments to copy %s and %s have different element types %s and %s",
                  chk_operand(C, dst), chk_operand(C, src), chk_tstr(C, d->elem),
                  chk_tstr(C, selem));
        return;
    }
    chk_default(C, src);
}

static void bi_delete(Checker *C, Expr *m, Expr *k) {
    if (m->mode == M_INVALID || k->mode == M_INVALID) return;
    if (m->type->kind != K_MAP) {
        chk_error(C, chk_start(m), "invalid argument: %s is not a map", chk_operand(C, m));
        return;
    }
    chk_assign_to(C, k, m->type->key, "argument to delete");
}

static bool size_arg(Checker *C, Expr *x, int64_t *v) {
    *v = -1;
    chk_expr(C, x);
    if (x->mode == M_INVALID) return false;
    if (x->mode == M_CONST && type_is_untyped(x->type)) {
        if (!cv_is_integral(x->cv)) {
            chk_error(C, chk_start(x), "%s truncated to int", chk_operand(C, x));
            return false;
        }
        if (!chk_convert_untyped(C, x, type_basic(K_INT))) return false;
    }
    if (!type_is_integer(x->type) && !(type_is_untyped(x->type) && is_numeric(x->type))) {
        chk_error(C, chk_start(x), "cannot convert %s to type int", chk_operand(C, x));
        return false;
    }
    if (type_is_untyped(x->type)) chk_set_type(C, x, type_basic(K_INT));
    if (x->mode == M_CONST && cv_int64(x->cv, v) && *v < 0) {
        chk_error(C, chk_start(x), "invalid argument: index %s must not be negative",
                  chk_operand(C, x));
        return false;
    }
    return true;
}

static void bi_make(Checker *C, Expr *e, Expr **args, int n) {
    Type *T = chk_type(C, args[0]);
    e->mode = M_VALUE;
    e->type = T;
    if (T->kind == K_INVALID) {
        chk_invalid(e);
        return;
    }
    int min = 1, max = 2;
    switch (T->kind) {
    case K_SLICE: min = 2; max = 3; break;
    case K_MAP: case K_CHAN: break;
    default:
        chk_error(C, chk_start(args[0]), "invalid argument: cannot make %s; type must be slice, map, or channel",
                  ast_expr_string(args[0]));
        chk_invalid(e);
        return;
    }
    if (n < min || n > max) {
        chk_error(C, chk_start(e), "invalid operation: %s expects %d or %d arguments; found %d",
                  ast_expr_string(e), min, max, n);
        chk_invalid(e);
        return;
    }
    int64_t sizes[2] = {-1, -1};
    for (int i = 1; i < n; i++) size_arg(C, args[i], &sizes[i - 1]);
    if (n == 3 && sizes[0] >= 0 && sizes[1] >= 0 && sizes[0] > sizes[1])
        chk_error(C, chk_start(args[1]), "invalid argument: length and capacity swapped");
}

static void bi_minmax(Checker *C, Expr *e, Expr **args, int n, Builtin b) {
    Expr *x = args[0];
    chk_expr(C, x);
    for (int i = 1; i < n; i++) chk_expr(C, args[i]);
    for (int i = 0; i < n; i++)
        if (args[i]->mode == M_INVALID) {
            chk_invalid(e);
            return;
        }
    /* the result type: the first typed operand's, else the largest untyped */
    Type *T = NULL;
    for (int i = 0; i < n; i++)
        if (!type_is_untyped(args[i]->type)) {
            T = args[i]->type;
            break;
        }
    if (!T) {
        T = args[0]->type;
        for (int i = 1; i < n; i++)
            if (args[i]->type->kind > T->kind) T = args[i]->type;
    }
    bool all_const = true;
    for (int i = 0; i < n; i++) {
        Expr *a = args[i];
        if (!(is_numeric(a->type) || a->type->kind == K_STRING ||
              a->type->kind == K_UNTYPED_STRING)) {
            chk_error(C, chk_start(a), "invalid argument: %s cannot be ordered", chk_operand(C, a));
            chk_invalid(e);
            return;
        }
        if (!chk_convert_untyped(C, a, T)) {
            chk_invalid(e);
            return;
        }
        if (a->type != T) {
            chk_error(C, chk_start(a), "invalid argument: mismatched types %s (previous argument) and %s (type of %s)",
                      chk_tstr(C, T), chk_tstr(C, a->type), ast_expr_string(a));
            chk_invalid(e);
            return;
        }
        if (a->mode != M_CONST || a->cv.kind == CV_NONE) all_const = false;
    }
    e->type = T;
    e->mode = M_VALUE;
    if (!all_const) return;
    ConstVal best = args[0]->cv;
    for (int i = 1; i < n; i++)
        if (cv_compare(b == BI_MIN ? T_LSS : T_GTR, args[i]->cv, best)) best = args[i]->cv;
    e->mode = M_CONST;
    e->cv = best;
}

/* Whether new's argument denotes a type (new(T)) rather than a value
 * (Go 1.26's new(expr)): decided from the syntax and the objects its
 * names denote, before checking it either way. */
static bool new_arg_is_type(Checker *C, Expr *x) {
    switch (x->kind) {
    case E_PAREN: return new_arg_is_type(C, x->u.paren.x);
    case E_STAR: return new_arg_is_type(C, x->u.star.x);
    case E_ARRAYTYPE: case E_MAPTYPE: case E_CHANTYPE: case E_FUNCTYPE:
    case E_STRUCTTYPE: case E_INTERFACETYPE:
        return true;
    case E_INDEX: return new_arg_is_type(C, x->u.index.x);
    case E_IDENT: {
        Object *o = chk_lookup(C, chk_ident(x));
        return o && o->kind == OBJ_TYPE;
    }
    case E_SELECTOR: {
        Expr *base = ast_unparen(x->u.sel.x);
        if (base->kind != E_IDENT) return false;
        Object *o = chk_lookup(C, chk_ident(base));
        if (!o || o->kind != OBJ_PKG || !o->imported) return false;
        Object *m = check_lookup(o->imported, chk_ident(x->u.sel.sel));
        return m && m->kind == OBJ_TYPE;
    }
    case E_UNARY: return x->u.unary.op == T_MUL && new_arg_is_type(C, x->u.unary.x);
    default: return false;
    }
}

/* new(expr) (Go 1.26): a pointer to a fresh variable of expr's type (an
 * untyped constant's default type) holding its value. */
static void bi_new_value(Checker *C, Expr *e, Expr *x) {
    chk_expr(C, x);
    if (x->mode == M_INVALID) {
        chk_invalid(e);
        return;
    }
    if (x->type->kind == K_UNTYPED_NIL) {
        chk_error(C, chk_start(x), "use of untyped nil in argument to new");
        chk_invalid(e);
        return;
    }
    if (type_is_untyped(x->type) &&
        !chk_assign_to(C, x, chk_default_type(x->type), "argument to new")) {
        chk_invalid(e);
        return;
    }
    e->mode = M_VALUE;
    e->type = type_pointer(x->type);
}

static void bi_simple(Checker *C, Expr *e, Builtin b, Expr **args, int n) {
    Expr *x = n > 0 ? args[0] : NULL;
    switch (b) {
    case BI_LEN: case BI_CAP:
        chk_expr(C, x);
        if (x->mode == M_INVALID) chk_invalid(e);
        else bi_len_cap(C, e, x, b);
        return;
    case BI_CLEAR:
        chk_expr(C, x);
        e->mode = M_NOVALUE;
        if (x->mode != M_INVALID && x->type->kind != K_MAP && x->type->kind != K_SLICE)
            chk_error(C, chk_start(x), "invalid argument: cannot clear %s: argument must be (or constrained by) map or slice",
                      chk_operand(C, x));
        return;
    case BI_CLOSE:
        chk_expr(C, x);
        e->mode = M_NOVALUE;
        if (x->mode == M_INVALID) return;
        if (x->type->kind != K_CHAN)
            chk_error(C, chk_start(x), "invalid operation: cannot close non-channel %s",
                      chk_operand(C, x));
        else if (x->type->dir == CHAN_RECV)
            chk_error(C, chk_start(x), "invalid operation: cannot close receive-only channel %s",
                      chk_operand(C, x));
        return;
    case BI_NEW: {
        if (!new_arg_is_type(C, x)) {
            bi_new_value(C, e, x);
            return;
        }
        Type *T = chk_type(C, x);
        e->mode = M_VALUE;
        e->type = type_pointer(T);
        if (T->kind == K_INVALID) chk_invalid(e);
        return;
    }
    case BI_PANIC:
        chk_expr(C, x);
        chk_assign_to(C, x, type_any(), "argument to panic");
        e->mode = M_NOVALUE;
        return;
    case BI_RECOVER:
        if (C->fn) C->fn->info->has_recover = true;
        e->mode = M_VALUE;
        e->type = type_any();
        return;
    case BI_PRINT: case BI_PRINTLN:
        for (int i = 0; i < n; i++) {
            chk_expr(C, args[i]);
            if (args[i]->type->kind == K_UNTYPED_NIL)
                chk_error(C, chk_start(args[i]), "use of untyped nil in argument to built-in %s",
                          builtins[b].name);
            else chk_default(C, args[i]);
        }
        e->mode = M_NOVALUE;
        return;
    default:
        return;
    }
}

/* ---- complex, real, imag (types2's rules) ---- */

static Type *float_of(Type *t) {
    switch (t->kind) {
    case K_COMPLEX64: return type_basic(K_FLOAT32);
    case K_COMPLEX128: return type_basic(K_FLOAT64);
    case K_UNTYPED_COMPLEX: return type_basic(K_UNTYPED_FLOAT);
    default: return NULL;
    }
}

static bool is_const(Expr *x) { return x->mode == M_CONST && x->cv.kind != CV_NONE; }

/* complex(re, im): two floats of one type, or untyped constants. */
static void bi_complex(Checker *C, Expr *e, Expr *x, Expr *y) {
    chk_expr(C, x);
    chk_expr(C, y);
    if (x->mode == M_INVALID || y->mode == M_INVALID) {
        chk_invalid(e);
        return;
    }
    /* an untyped operand takes the other's type; two untyped constants
     * stay untyped (both made untyped float) */
    bool ux = type_is_untyped(x->type), uy = type_is_untyped(y->type);
    if (ux && !uy) {
        if (!chk_convert_untyped(C, x, y->type)) { chk_invalid(e); return; }
    } else if (uy && !ux) {
        if (!chk_convert_untyped(C, y, x->type)) { chk_invalid(e); return; }
    } else if (ux && uy && is_const(x) && is_const(y)) {
        Type *uf = type_basic(K_UNTYPED_FLOAT);
        if (!chk_convert_untyped(C, x, uf) || !chk_convert_untyped(C, y, uf)) {
            chk_invalid(e);
            return;
        }
    } else if (ux && uy) {
        chk_default(C, x);
        chk_default(C, y);
    }
    if (!chk_identical(x->type, y->type)) {
        chk_error(C, chk_start(x), "invalid operation: %s (mismatched types %s and %s)",
                  ast_expr_string(e), chk_tstr(C, x->type), chk_tstr(C, y->type));
        chk_invalid(e);
        return;
    }
    Kind k = x->type->kind;
    Type *res = k == K_FLOAT32 ? type_basic(K_COMPLEX64)
              : k == K_FLOAT64 ? type_basic(K_COMPLEX128)
              : k == K_UNTYPED_FLOAT ? type_basic(K_UNTYPED_COMPLEX) : NULL;
    if (!res) {
        chk_error(C, chk_start(x), "invalid argument: arguments have type %s, expected floating-point",
                  chk_tstr(C, x->type));
        chk_invalid(e);
        return;
    }
    if (is_const(x) && is_const(y)) {
        ConstVal out, v = cv_complex(x->cv, y->cv);
        e->mode = M_CONST;
        e->cv = cv_represent(v, res, &out) == CVR_OK ? out : v;
        e->type = res;
        return;
    }
    e->mode = M_VALUE;
    e->type = res;
}

/* real(x) / imag(x). */
static void bi_real_imag(Checker *C, Expr *e, Expr *x, Builtin b) {
    chk_expr(C, x);
    if (x->mode == M_INVALID) {
        chk_invalid(e);
        return;
    }
    if (type_is_untyped(x->type) && is_const(x) &&
        (is_numeric(x->type) || type_is_complex(x->type)))
        chk_convert_untyped(C, x, type_basic(K_UNTYPED_COMPLEX));
    Type *res = float_of(x->type);
    if (!res) {
        chk_error(C, chk_start(x), "invalid argument: argument has type %s, expected complex type",
                  chk_tstr(C, x->type));
        chk_invalid(e);
        return;
    }
    if (is_const(x)) {
        e->mode = M_CONST;
        e->cv = b == BI_REAL ? cv_real(x->cv) : cv_imag(x->cv);
        e->type = res;
        return;
    }
    e->mode = M_VALUE;
    e->type = res;
}

/* unsafe.Sizeof(x), Alignof(x), Offsetof(x.f): uintptr constants, Go's
 * amd64 layout (runtime/type.c). Offsetof adds the offsets along the
 * selector's path of embedded fields, which must not pass a pointer. In a
 * generic instance, a type of variable size (written with a type
 * parameter, gen_var_size) makes them uintptr values instead, whose value
 * the compiler loads (call.uval); x is not evaluated either way. */
static void bi_unsafe(Checker *C, Expr *e, Builtin b, Expr *x) {
    chk_expr(C, x);
    if (x->mode == M_INVALID) {
        chk_invalid(e);
        return;
    }
    if (x->type->kind == K_UNTYPED_NIL) {
        chk_error(C, chk_start(x), "use of untyped nil in argument to %s", builtins[b].name);
        chk_invalid(e);
        return;
    }
    Type *t = chk_default_type(x->type);
    int64_t v;
    if (b == BI_SIZEOF) {
        v = type_gosize(t);
    } else if (b == BI_ALIGNOF) {
        v = type_goalign(t);
    } else {
        Expr *s = ast_unparen(x);
        if (s->kind != E_SELECTOR || s->u.sel.kind != SEL_FIELD) {
            chk_error(C, chk_start(x), "invalid argument: %s is %s", ast_expr_string(x),
                      s->kind == E_SELECTOR && s->u.sel.kind == SEL_METHOD
                          ? "a method value" : "not a selector expression");
            chk_invalid(e);
            return;
        }
        Type *st = s->u.sel.x->type;
        if (st->kind == K_POINTER)
            st = st->elem;
        Type *base = st;
        v = 0;
        for (int i = 0; i < s->u.sel.npath; i++) {
            if (i > 0 && st->kind == K_POINTER) {
                chk_error(C, chk_start(x), "invalid argument: field %s is embedded via a pointer in %s",
                          chk_ident(s->u.sel.sel), chk_tstr(C, base));
                chk_invalid(e);
                return;
            }
            v += type_gooffset(st, s->u.sel.path[i]);
            st = st->fields[s->u.sel.path[i]].type;
        }
    }
    e->type = type_basic(K_UINTPTR);
    Expr *sx = ast_unparen(x);
    if (gen_var_size(b == BI_OFFSETOF ? sx->u.sel.x : x, b == BI_OFFSETOF)) {
        e->mode = M_VALUE;      /* variable size: a run-time value (Go spec) */
        e->u.call.uval = v;
        return;
    }
    e->mode = M_CONST;
    e->cv = cv_make_int(v);
}

/* builtin(g()) with g multi-valued: g's results become the arguments, as
 * E_TUPLEREFs the compiler reads after evaluating g once. A single-valued
 * g stays the argument, marked checked. */
static void spread_builtin_args(Checker *C, Expr *e) {
    Expr *g = e->u.call.args[0];
    if (ast_unparen(g)->kind != E_CALL) return;
    chk_expr_multi(C, g);
    if (g->mode != M_VALUE || !g->type || g->type->kind != K_TUPLE) {
        g->prechecked = true;
        return;
    }
    int n = g->type->nparams;
    Expr **refs = gc_alloc(sizeof *refs * (n + 1));
    for (int i = 0; i < n; i++) {
        Expr *r = gc_alloc(sizeof *r);
        r->kind = E_TUPLEREF;
        r->pos = g->pos;
        r->mode = M_VALUE;
        r->type = g->type->params[i];
        r->u.tref.call = g;
        r->u.tref.index = i;
        refs[i] = r;
    }
    e->u.call.tuple = g;
    e->u.call.args = refs;
    e->u.call.nargs = n;
}

static void builtin_call(Checker *C, Expr *e, Builtin b) {
    e->u.call.kind = CALL_BUILTIN;
    e->u.call.builtin = b;
    if (e->u.call.nargs == 1 && b != BI_MAKE && b != BI_NEW && !e->u.call.has_ellipsis &&
        e->u.call.args[0] && !e->u.call.tuple)
        spread_builtin_args(C, e);
    Expr **args = e->u.call.args;
    int n = e->u.call.nargs;
    e->type = type_tuple(NULL, 0);
    const char *msg = NULL;
    if (n < builtins[b].nargs) msg = "not enough";
    else if (!builtins[b].variadic && n > builtins[b].nargs) msg = "too many";
    if (msg) {
        chk_error(C, chk_start(e), "invalid operation: %s arguments for %s (expected %d, found %d)",
                  msg, ast_expr_string(e), builtins[b].nargs, n);
        for (int i = 0; i < n; i++)
            if (b != BI_MAKE && b != BI_NEW) chk_expr(C, args[i]);
        chk_invalid(e);
        return;
    }
    if (e->u.call.has_ellipsis && b != BI_APPEND) {
        chk_error(C, chk_start(e), "invalid operation: invalid use of ... with built-in %s",
                  builtins[b].name);
        chk_invalid(e);
        return;
    }
    switch (b) {
    case BI_APPEND: bi_append(C, e, args, n); break;
    case BI_COPY:
        chk_expr(C, args[0]);
        chk_expr(C, args[1]);
        bi_copy(C, e, args[0], args[1]);
        break;
    case BI_DELETE:
        chk_expr(C, args[0]);
        chk_expr(C, args[1]);
        bi_delete(C, args[0], args[1]);
        e->mode = M_NOVALUE;
        break;
    case BI_MAKE: bi_make(C, e, args, n); break;
    case BI_MIN: case BI_MAX: bi_minmax(C, e, args, n, b); break;
    case BI_COMPLEX: bi_complex(C, e, args[0], args[1]); break;
    case BI_REAL: case BI_IMAG: bi_real_imag(C, e, args[0], b); break;
    case BI_SIZEOF: case BI_ALIGNOF: case BI_OFFSETOF: bi_unsafe(C, e, b, args[0]); break;
    default: bi_simple(C, e, b, args, n); break;
    }
    if (e->mode == M_NOVALUE) e->type = type_tuple(NULL, 0);
}

/* ---- calls --------------------------------------------------------------------------- */

void chk_call(Checker *C, Expr *e, bool allow_tuple) {
    (void)allow_tuple;
    Expr *fun = e->u.call.fun;
    chk_raw_expr(C, fun, NULL, false);
    if (gen_func_of(ast_unparen(fun)->kind == E_INDEX ? ast_unparen(fun)->u.index.x : fun) &&
        gen_is_marker(fun->type)) {
        generic_call(C, e);
        return;
    }
    if (fun->mode == M_INVALID) {
        for (int i = 0; i < e->u.call.nargs; i++)
            if (e->u.call.args[i]) chk_raw_expr(C, e->u.call.args[i], NULL, true);
        chk_invalid(e);
        return;
    }
    if (fun->mode == M_TYPE) {
        if (gen_is_type_marker(fun->type)) {
            gen_type_value_error(C, fun);
            for (int i = 0; i < e->u.call.nargs; i++)
                if (e->u.call.args[i]) chk_raw_expr(C, e->u.call.args[i], NULL, true);
            chk_invalid(e);
            return;
        }
        conversion(C, e, fun->type);
        return;
    }
    if (fun->mode == M_BUILTIN) {
        Expr *f = ast_unparen(fun);
        if (f->kind == E_SELECTOR)   /* unsafe.Sizeof */
            f = f->u.sel.sel;
        Object *o = f->kind == E_IDENT ? f->u.ident.obj : NULL;
        builtin_call(C, e, o ? o->builtin : BI_NONE);
        return;
    }
    if (fun->mode == M_NOVALUE || fun->mode == M_PKG || fun->type->kind == K_TUPLE) {
        if (fun->mode == M_PKG)
            chk_error(C, chk_start(fun), "use of package %s not in selector",
                      ast_expr_string(fun));
        else if (fun->mode == M_NOVALUE)
            chk_error(C, chk_start(fun), "%s (no value) used as value", ast_expr_string(fun));
        else
            chk_error(C, chk_start(fun), "multiple-value %s in single-value context",
                      chk_operand(C, fun));
        chk_invalid(e);
        return;
    }
    Type *sig = fun->type;
    if (chk_is_invalid(sig)) {
        for (int i = 0; i < e->u.call.nargs; i++)
            if (e->u.call.args[i]) chk_raw_expr(C, e->u.call.args[i], NULL, true);
        chk_invalid(e);
        return;
    }
    if (sig->kind != K_FUNC) {
        chk_error(C, chk_start(e), "invalid operation: cannot call non-function %s",
                  chk_operand(C, fun));
        for (int i = 0; i < e->u.call.nargs; i++)
            if (e->u.call.args[i]) chk_raw_expr(C, e->u.call.args[i], NULL, true);
        chk_invalid(e);
        return;
    }
    Expr *uf = ast_unparen(fun);
    e->u.call.kind = CALL_FUNC;
    if (uf->kind == E_SELECTOR && uf->u.sel.kind == SEL_METHOD) e->u.call.kind = CALL_METHOD;
    if (uf->kind == E_SELECTOR && uf->u.sel.kind == SEL_IFACE) e->u.call.kind = CALL_IFACE;
    check_arguments(C, e, sig);
    set_result(e, sig);
}

int chk_expr_stmt_kind(Expr *call) {
    Expr *e = ast_unparen(call);
    if (!e) return 0;
    if (e->kind == E_UNARY && e->u.unary.op == T_ARROW) return 2;
    if (e->kind != E_CALL) return 0;
    switch (e->u.call.kind) {
    case CALL_CONV: return 1;
    case CALL_BUILTIN: return builtins[e->u.call.builtin].stmt ? 2 : 0;
    case CALL_NONE: return 2;   /* invalid call: already reported */
    default: return 2;
    }
}
