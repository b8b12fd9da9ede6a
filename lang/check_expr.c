/*
 * check_expr.c — expressions: operands, untyped constants and their final
 * types, operators, selectors, indexing, composite and function literals,
 * and type assertions. Calls, conversions and builtins are in
 * check_call.c.
 *
 * UNTYPED VALUES: an untyped constant keeps its untyped Type (and exact
 * ConstVal) until its context decides: chk_assign_to / chk_convert_untyped
 * convert it (checking representability), chk_default gives it its default
 * type. Non-constant untyped values (comparisons, `1 << s`, && of those)
 * are finalised the same way; chk_set_type pushes the final type down the
 * tree so every node the compiler reads is typed.
 */
#include "check_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/gc.h"

/* ---- operands ------------------------------------------------------------------ */

void chk_invalid(Expr *e) {
    e->mode = M_INVALID;
    e->type = chk_invalid_type();
    e->cv.kind = CV_NONE;
}

bool chk_is_blank(Expr *e) {
    e = ast_unparen(e);
    return e && e->kind == E_IDENT && e->u.ident.name && strcmp(e->u.ident.name, "_") == 0;
}

static const char *const mode_names[] = {
    [M_INVALID] = "invalid operand", [M_NOVALUE] = "no value",
    [M_VALUE] = "value", [M_VAR] = "variable",
    [M_MAPINDEX] = "map index expression", [M_CONST] = "constant",
    [M_TYPE] = "type", [M_PKG] = "package", [M_BUILTIN] = "built-in",
    [M_COMMAOK] = "comma, ok expression",
};

/* Go's operand spelling: `x (variable of type int)`, `1 (untyped int
 * constant)`, `c * 2 (constant 200 of type int8)`, `nil`. */
const char *chk_operand(Checker *C, Expr *e) {
    Type *t = e->type;
    if (t && t->kind == K_UNTYPED_NIL) return "nil";
    const char *expr = ast_expr_string(e);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    fprintf(f, "%s (", expr);
    bool has_type = false;
    if (e->mode != M_INVALID && e->mode != M_NOVALUE && e->mode != M_BUILTIN &&
        e->mode != M_TYPE && t) {
        if (type_is_untyped(t)) fprintf(f, "%s ", chk_tstr(C, t));
        else has_type = true;
    }
    fputs(mode_names[e->mode] ? mode_names[e->mode] : "value", f);
    if (e->mode == M_CONST && e->cv.kind != CV_NONE) {
        const char *v = cv_string(e->cv);
        if (strcmp(v, expr) != 0) fprintf(f, " %s", v);
    }
    if (has_type) {
        if (t->kind == K_INVALID) fputs(" with invalid type", f);
        else fprintf(f, " of type %s", chk_tstr(C, t));
    }
    fputc(')', f);
    fclose(f);
    const char *r = gc_strdup(buf);
    free(buf);
    return r;
}

/* ---- untyped conversion ----------------------------------------------------------- */

static bool is_numeric(Type *t) {
    return type_is_integer(t) || type_is_float(t) || type_is_complex(t);
}
static bool is_string(Type *t) { return t->kind == K_STRING || t->kind == K_UNTYPED_STRING; }
static bool is_boolean(Type *t) { return t->kind == K_BOOL || t->kind == K_UNTYPED_BOOL; }
static bool is_const_type(Type *t) { return is_numeric(t) || is_string(t) || is_boolean(t); }

static void conversion_error(Checker *C, Expr *x, Type *target, CvRep rep) {
    const char *ts = chk_tstr(C, target);
    if (rep == CVR_TRUNCATED)
        chk_error(C, chk_start(x), "%s truncated to %s", chk_operand(C, x), ts);
    else if (rep == CVR_OVERFLOW)
        chk_error(C, chk_start(x), "%s overflows %s", chk_operand(C, x), ts);
    else
        chk_error(C, chk_start(x), "cannot convert %s to type %s", chk_operand(C, x), ts);
}

/* Pushes type t down an untyped expression tree (see the file comment). */
void chk_set_type(Checker *C, Expr *e, Type *t) {
    if (!e || !t) return;
    Type *old = e->type;
    e->type = t;
    if (e->mode == M_CONST && e->cv.kind != CV_NONE) {
        ConstVal out;
        if (!type_is_untyped(t) && t->kind != K_INTERFACE &&
            cv_represent(e->cv, t, &out) == CVR_OK)
            e->cv = out;
        return;
    }
    if (!old || !type_is_untyped(old)) return;
    switch (e->kind) {
    case E_PAREN: chk_set_type(C, e->u.paren.x, t); break;
    case E_UNARY: chk_set_type(C, e->u.unary.x, t); break;
    case E_BINARY: {
        TokKind op = e->u.binary.op;
        if (op == T_EQL || op == T_NEQ || op == T_LSS || op == T_LEQ ||
            op == T_GTR || op == T_GEQ)
            break;   /* operands were finalised by the comparison */
        if (op == T_SHL || op == T_SHR) {
            Expr *x = e->u.binary.x;
            if (!type_is_integer(t) && t->kind != K_INVALID) {
                chk_error(C, chk_start(x), "invalid operation: shifted operand %s (type %s) must be integer",
                          ast_expr_string(x), chk_tstr(C, t));
                break;
            }
            if (x->mode == M_CONST && x->cv.kind != CV_NONE) {
                ConstVal out;
                CvRep rep = cv_represent(x->cv, t, &out);
                if (rep != CVR_OK) conversion_error(C, x, t, rep);
            }
            chk_set_type(C, x, t);
            break;
        }
        chk_set_type(C, e->u.binary.x, t);
        chk_set_type(C, e->u.binary.y, t);
        break;
    }
    default: break;
    }
}

/* Converts untyped x to target (types2's implicitTypeAndValue); reports
 * with the "cannot convert" family of messages. */
bool chk_convert_untyped(Checker *C, Expr *x, Type *target) {
    Type *V = x->type;
    if (!V || !type_is_untyped(V) || target->kind == K_INVALID) return true;
    if (x->mode == M_INVALID) return false;
    if (type_is_untyped(target)) {
        /* both untyped: only numeric kinds combine (to the larger kind) */
        if (is_numeric(V) && is_numeric(target)) {
            if (target->kind > V->kind) chk_set_type(C, x, target);
            return true;
        }
        if (V->kind == target->kind) return true;
        conversion_error(C, x, target, CVR_MISMATCH);
        return false;
    }
    if (target->kind == K_INTERFACE) {
        if (V->kind == K_UNTYPED_NIL) {
            chk_set_type(C, x, target);
            return true;
        }
        chk_default(C, x);
        return true;
    }
    if (V->kind == K_UNTYPED_NIL) {
        if (!chk_has_nil(target)) {
            chk_error(C, chk_start(x), "cannot convert nil to type %s", chk_tstr(C, target));
            return false;
        }
        chk_set_type(C, x, target);
        return true;
    }
    if (x->mode == M_CONST && x->cv.kind != CV_NONE) {
        ConstVal out;
        CvRep rep = is_const_type(target) ? cv_represent(x->cv, target, &out) : CVR_MISMATCH;
        if (rep != CVR_OK) {
            conversion_error(C, x, target, rep);
            return false;
        }
        x->cv = out;
        x->type = target;
        return true;
    }
    bool ok = (V->kind == K_UNTYPED_BOOL) ? is_boolean(target)
              : (V->kind == K_UNTYPED_STRING) ? is_string(target)
              : is_numeric(target);
    if (!ok) {
        conversion_error(C, x, target, CVR_MISMATCH);
        return false;
    }
    chk_set_type(C, x, target);
    return true;
}

void chk_default(Checker *C, Expr *x) {
    if (!x->type || !type_is_untyped(x->type) || x->type->kind == K_UNTYPED_NIL) return;
    Type *d = chk_default_type(x->type);
    if (x->mode == M_CONST && x->cv.kind != CV_NONE) {
        ConstVal out;
        CvRep rep = cv_represent(x->cv, d, &out);
        if (rep != CVR_OK) {
            /* e.g. 1 << 70 as int */
            chk_error(C, chk_start(x), "cannot use %s as %s value in %s (%s)", chk_operand(C, x),
                      chk_tstr(C, d), "assignment",
                      rep == CVR_TRUNCATED ? "truncated" : "overflows");
            chk_invalid(x);
            return;
        }
        x->cv = out;
    }
    chk_set_type(C, x, d);
}

bool chk_assign_to(Checker *C, Expr *x, Type *T, const char *context) {
    if (x->mode == M_VALUE && gen_is_marker(x->type) && !gen_assign(C, x, T)) {
        chk_invalid(x);
        return false;
    }
    if (x->mode == M_INVALID || !T || T->kind == K_INVALID) return false;
    if (x->type && type_is_untyped(x->type)) {
        Type *target = T;
        if (T->kind == K_INTERFACE && x->type->kind != K_UNTYPED_NIL)
            target = chk_default_type(x->type);
        const char *cause;
        if (!chk_assignable(C, x, target, &cause) && target == T) {
            const char *suffix = "";
            if (x->mode == M_CONST && x->cv.kind != CV_NONE && is_const_type(T)) {
                ConstVal out;
                CvRep rep = cv_represent(x->cv, T, &out);
                if (rep == CVR_TRUNCATED) suffix = " (truncated)";
                else if (rep == CVR_OVERFLOW) suffix = " (overflows)";
            }
            chk_error(C, chk_start(x), "cannot use %s as %s value in %s%s", chk_operand(C, x),
                      chk_tstr(C, T), context, suffix);
            return false;
        }
        if (target != T) {
            /* constant to interface: its default type must be representable */
            ConstVal out;
            if (x->mode == M_CONST && x->cv.kind != CV_NONE &&
                cv_represent(x->cv, target, &out) != CVR_OK) {
                chk_error(C, chk_start(x), "cannot use %s as %s value in %s (overflows)",
                          chk_operand(C, x), chk_tstr(C, target), context);
                return false;
            }
            if (x->mode == M_CONST) x->cv = out;
        } else if (x->mode == M_CONST && x->cv.kind != CV_NONE) {
            ConstVal out;
            if (cv_represent(x->cv, T, &out) == CVR_OK) x->cv = out;
        }
        chk_set_type(C, x, target);
        if (target == T) return true;
    }
    const char *cause;
    if (!chk_assignable(C, x, T, &cause)) {
        if (cause)
            chk_error(C, chk_start(x), "cannot use %s as %s value in %s: %s", chk_operand(C, x),
                      chk_tstr(C, T), context, cause);
        else
            chk_error(C, chk_start(x), "cannot use %s as %s value in %s", chk_operand(C, x),
                      chk_tstr(C, T), context);
        return false;
    }
    return true;
}

/* ---- single-value contexts ------------------------------------------------------- */

static bool single_value(Checker *C, Expr *e) {
    if (gen_is_marker(e->type) && e->mode == M_VALUE) {
        if (e == C->generic_ok) return true;   /* chk_assign_to instantiates it */
        gen_value_error(C, e);
        chk_invalid(e);
        return false;
    }
    switch (e->mode) {
    case M_INVALID: return false;
    case M_NOVALUE:
        chk_error(C, chk_start(e), "%s (no value) used as value", ast_expr_string(e));
        break;
    case M_TYPE:
        if (gen_is_type_marker(e->type)) gen_type_value_error(C, e);
        else chk_error(C, chk_start(e), "%s (type) is not an expression", ast_expr_string(e));
        break;
    case M_BUILTIN:
        chk_error(C, chk_start(e), "%s (built-in) must be called", ast_expr_string(e));
        break;
    case M_PKG:
        chk_error(C, chk_start(e), "use of package %s not in selector", ast_expr_string(e));
        break;
    default:
        if (e->type && e->type->kind == K_TUPLE) {
            chk_error(C, chk_start(e), "multiple-value %s in single-value context",
                      chk_operand(C, e));
            break;
        }
        return true;
    }
    chk_invalid(e);
    return false;
}

void chk_expr(Checker *C, Expr *e) {
    chk_raw_expr(C, e, NULL, false);
    single_value(C, e);
}

void chk_expr_multi(Checker *C, Expr *e) {
    chk_raw_expr(C, e, NULL, true);
    if (e->type && e->type->kind == K_TUPLE && e->mode == M_VALUE) return;
    single_value(C, e);
}

void chk_expr_or_type(Checker *C, Expr *e) {
    chk_raw_expr(C, e, NULL, false);
    if (e->mode == M_TYPE) return;
    single_value(C, e);
}

/* ---- identifiers --------------------------------------------------------------------- */

static void set_const(Expr *e, Type *t, ConstVal v) {
    e->mode = M_CONST;
    e->type = t;
    e->cv = v;
}

static void ident_object(Checker *C, Expr *e, Object *o) {
    e->u.ident.obj = o;
    switch (o->kind) {
    case OBJ_PKG:
        o->used = true;
        e->mode = M_PKG;
        e->type = chk_invalid_type();
        return;
    case OBJ_CONST:
        if (o == chk_universe_iota()) {
            if (!C->in_const) {
                chk_error(C, e->pos, "cannot use iota outside constant declaration");
                chk_invalid(e);
                return;
            }
            set_const(e, type_basic(K_UNTYPED_INT), cv_make_int(C->iota));
            return;
        }
        chk_resolve(C, o);
        o->used = true;
        if (!o->type || o->type->kind == K_INVALID || o->val.kind == CV_NONE) {
            chk_invalid(e);
            return;
        }
        set_const(e, o->type, o->val);
        return;
    case OBJ_TYPE:
        chk_resolve(C, o);
        o->used = true;
        e->mode = M_TYPE;
        e->type = o->type ? o->type : chk_invalid_type();
        return;
    case OBJ_VAR:
        chk_resolve(C, o);
        chk_use_var(C, o);
        chk_use_global(C, o);
        e->mode = M_VAR;
        e->type = o->type ? o->type : chk_invalid_type();
        if (e->type->kind == K_INVALID) chk_invalid(e);
        return;
    case OBJ_FUNC:
        chk_resolve(C, o);
        chk_use_global(C, o);
        e->mode = M_VALUE;
        if (o->generic) {
            e->type = o->type;   /* the generic marker: see check_generic.c */
            return;
        }
        e->type = o->type ? o->type : chk_invalid_type();
        return;
    case OBJ_BUILTIN:
        e->mode = M_BUILTIN;
        e->type = chk_invalid_type();
        return;
    case OBJ_NIL:
        e->mode = M_VALUE;
        e->type = type_basic(K_UNTYPED_NIL);
        return;
    default:   /* a bad object: its error was reported where it was declared */
        chk_invalid(e);
    }
}

static void ident(Checker *C, Expr *e) {
    const char *n = chk_ident(e);
    if (n == str_intern("_")) {
        chk_error(C, e->pos, "cannot use _ as value");
        chk_invalid(e);
        return;
    }
    Object *o = chk_lookup(C, n);
    if (!o) {
        chk_error(C, e->pos, "undefined: %s", n);
        chk_invalid(e);
        return;
    }
    ident_object(C, e, o);
}

static void literal(Checker *C, Expr *e) {
    ConstVal v;
    const char *text = e->u.lit.text ? e->u.lit.text : "0";
    switch (e->kind) {
    case E_INTLIT:
        if (!cv_parse_int(text, &v)) {
            chk_error(C, e->pos, "integer constant overflow");
            chk_invalid(e);
            return;
        }
        set_const(e, type_basic(K_UNTYPED_INT), v);
        return;
    case E_FLOATLIT:
        if (!cv_parse_float(text, &v)) {
            chk_error(C, e->pos, "malformed constant: %s", text);
            chk_invalid(e);
            return;
        }
        set_const(e, type_basic(K_UNTYPED_FLOAT), v);
        return;
    case E_CHARLIT:
        set_const(e, type_basic(K_UNTYPED_RUNE), cv_parse_rune(e->u.lit.val, e->u.lit.vlen));
        return;
    case E_STRINGLIT:
        set_const(e, type_basic(K_UNTYPED_STRING),
                  cv_make_string(e->u.lit.val, e->u.lit.vlen));
        return;
    case E_IMAGLIT:
        if (!cv_parse_imag(text, &v)) {
            chk_error(C, e->pos, "malformed constant: %s", text);
            chk_invalid(e);
            return;
        }
        set_const(e, type_basic(K_UNTYPED_COMPLEX), v);
        return;
    default:
        chk_invalid(e);
    }
}

/* ---- addressability ---------------------------------------------------------------- */

/* The variable whose storage e denotes without a pointer indirection (x in
 * x.f.g, x[1] on arrays), or NULL. */
static Object *root_var(Expr *e) {
    for (;;) {
        e = ast_unparen(e);
        if (!e) return NULL;
        if (e->kind == E_IDENT) {
            Object *o = e->u.ident.obj;
            return o && o->kind == OBJ_VAR ? o : NULL;
        }
        if (e->kind == E_SELECTOR && e->u.sel.kind == SEL_FIELD) {
            Type *xt = e->u.sel.x->type;
            if (!xt || xt->kind == K_POINTER) return NULL;
            /* an embedded pointer along the path also ends the chain */
            Type *t = xt;
            for (int i = 0; i + 1 < e->u.sel.npath; i++) {
                t = t->fields[e->u.sel.path[i]].type;
                if (t->kind == K_POINTER) return NULL;
            }
            e = e->u.sel.x;
            continue;
        }
        if (e->kind == E_INDEX && e->u.index.x->type &&
            e->u.index.x->type->kind == K_ARRAY) {
            e = e->u.index.x;
            continue;
        }
        return NULL;
    }
}

static void mark_addr_taken(Expr *e) {
    Object *o = root_var(e);
    if (o) o->addr_taken = true;
}

void chk_mark_used_expr(Checker *C, Expr *e) {
    (void)C;
    e = ast_unparen(e);
    if (e && e->kind == E_IDENT && e->u.ident.obj) e->u.ident.obj->used = true;
}

/* ---- unary --------------------------------------------------------------------------- */

static bool composite_operand(Expr *x) {
    x = ast_unparen(x);
    return x && x->kind == E_COMPOSITE;
}

static void address_of(Checker *C, Expr *e) {
    Expr *x = e->u.unary.x;
    if (x->mode == M_INVALID) {
        chk_invalid(e);
        return;
    }
    if (x->mode != M_VAR && !composite_operand(x)) {
        chk_error(C, chk_start(x), "invalid operation: cannot take address of %s", chk_operand(C, x));
        chk_invalid(e);
        return;
    }
    mark_addr_taken(x);
    e->mode = M_VALUE;
    e->type = type_pointer(x->type);
}

static void receive(Checker *C, Expr *e) {
    Expr *x = e->u.unary.x;
    Type *t = x->type;
    if (t->kind != K_CHAN) {
        chk_error(C, chk_start(x), "invalid operation: cannot receive from non-channel %s",
                  chk_operand(C, x));
        chk_invalid(e);
        return;
    }
    if (t->dir == CHAN_SEND) {
        chk_error(C, chk_start(x), "invalid operation: cannot receive from send-only channel %s",
                  chk_operand(C, x));
        chk_invalid(e);
        return;
    }
    e->mode = M_COMMAOK;
    e->type = t->elem;
}

static bool unary_ok(TokKind op, Type *t) {
    switch (op) {
    case T_ADD: case T_SUB: return is_numeric(t);
    case T_XOR: return type_is_integer(t);
    case T_NOT: return is_boolean(t);
    default: return false;
    }
}

static void unary(Checker *C, Expr *e) {
    TokKind op = e->u.unary.op;
    Expr *x = e->u.unary.x;
    if (op == T_AND) {
        Expr *ux = ast_unparen(x);
        if (ux && ux->kind == E_COMPOSITE) chk_raw_expr(C, x, NULL, false);
        else chk_expr(C, x);
        address_of(C, e);
        return;
    }
    chk_expr(C, x);
    if (x->mode == M_INVALID) {
        chk_invalid(e);
        return;
    }
    if (op == T_ARROW) {
        receive(C, e);
        return;
    }
    if (op == T_TILDE) {
        chk_error(C, e->pos, "interface type constraints are not supported by csp");
        chk_invalid(e);
        return;
    }
    if (!unary_ok(op, x->type)) {
        chk_error(C, chk_start(x), "invalid operation: operator %s not defined on %s",
                  tok_names[op], chk_operand(C, x));
        chk_invalid(e);
        return;
    }
    e->type = x->type;
    e->mode = M_VALUE;
    if (x->mode != M_CONST || x->cv.kind == CV_NONE) return;
    int ubits = (op == T_XOR && type_is_unsigned(x->type)) ? type_int_bits(x->type->kind) : 0;
    ConstVal v;
    if (cv_unary(op, x->cv, ubits, &v) != CVE_OK) {
        chk_error(C, e->pos, "constant overflow");
        chk_invalid(e);
        return;
    }
    set_const(e, x->type, v);
    ConstVal out;
    if (!type_is_untyped(e->type) && cv_represent(v, e->type, &out) != CVR_OK) {
        chk_error(C, chk_start(e), "%s overflows %s", chk_operand(C, e), chk_tstr(C, e->type));
        chk_invalid(e);
    }
}

/* ---- binary ------------------------------------------------------------------------- */

static bool is_comparison(TokKind op) {
    return op == T_EQL || op == T_NEQ || op == T_LSS || op == T_LEQ || op == T_GTR ||
           op == T_GEQ;
}

static bool is_ordered(Type *t) { return (is_numeric(t) && !type_is_complex(t)) || is_string(t); }

/* types2's mayConvert: may untyped operands be converted to each other? */
static bool may_convert(Expr *x, Expr *y) {
    Type *a = x->type, *b = y->type;
    if (!type_is_untyped(a) && !type_is_untyped(b)) return false;
    if (is_numeric(a) != is_numeric(b)) return false;
    if (a->kind == K_INTERFACE || b->kind == K_INTERFACE) return true;
    if (is_boolean(a) != is_boolean(b)) return false;
    if (is_string(a) != is_string(b)) return false;
    if (a->kind == K_UNTYPED_NIL) return chk_has_nil(b);
    if (b->kind == K_UNTYPED_NIL) return chk_has_nil(a);
    if (a->kind == K_POINTER || b->kind == K_POINTER) return false;
    return true;
}

static bool match_types(Checker *C, Expr *x, Expr *y) {
    if (!may_convert(x, y)) return true;
    if (type_is_untyped(x->type) && type_is_untyped(y->type)) {
        if (x->type->kind == K_UNTYPED_NIL || y->type->kind == K_UNTYPED_NIL) return true;
        if (is_numeric(x->type) && is_numeric(y->type)) {
            Type *t = x->type->kind > y->type->kind ? x->type : y->type;
            chk_set_type(C, x, t);
            chk_set_type(C, y, t);
        }
        return true;
    }
    if (!chk_convert_untyped(C, x, y->type)) return false;
    if (!chk_convert_untyped(C, y, x->type)) return false;
    return true;
}

static const char *kind_string(Checker *C, Type *t) {
    switch (t->kind) {
    case K_ARRAY: return "array";
    case K_SLICE: return "slice";
    case K_STRUCT: return "struct";
    case K_POINTER: return "pointer";
    case K_FUNC: return "func";
    case K_INTERFACE: return "interface";
    case K_MAP: return "map";
    case K_CHAN: return "chan";
    default: return chk_tstr(C, t);
    }
}

static const char *incomparable_cause(Checker *C, Type *t) {
    char buf[512];
    if (t->kind == K_SLICE || t->kind == K_FUNC || t->kind == K_MAP) {
        snprintf(buf, sizeof buf, "%s can only be compared to nil", kind_string(C, t));
        return gc_strdup(buf);
    }
    if (t->kind == K_STRUCT) {
        for (int i = 0; i < t->nfields; i++)
            if (!chk_comparable(t->fields[i].type)) {
                snprintf(buf, sizeof buf, "struct containing %s cannot be compared",
                         chk_tstr(C, t->fields[i].type));
                return gc_strdup(buf);
            }
    }
    snprintf(buf, sizeof buf, "%s cannot be compared", chk_tstr(C, t));
    return gc_strdup(buf);
}

/* Checks x op y for a comparison; switch_case words the error for a case
 * value. On success e becomes an untyped bool (constant when both are). */
/* The predeclared nil (whatever type it has been given by now). */
static bool is_nil(Expr *e) {
    e = ast_unparen(e);
    if (!e) return false;
    if (e->type && e->type->kind == K_UNTYPED_NIL) return true;
    return e->kind == E_IDENT && e->u.ident.obj && e->u.ident.obj->kind == OBJ_NIL;
}

bool chk_comparison(Checker *C, Expr *e, Expr *x, Expr *y, TokKind op, bool switch_case) {
    const char *cause = NULL, *c1, *c2;
    Expr *err = x;
    bool ok = chk_assignable(C, x, y->type, &c1) || chk_assignable(C, y, x->type, &c2);
    char buf[1024];
    if (!ok) {
        err = y;
        snprintf(buf, sizeof buf, "mismatched types %s and %s", chk_tstr(C, x->type),
                 chk_tstr(C, y->type));
        cause = gc_strdup(buf);
    } else if (op == T_EQL || op == T_NEQ) {
        bool xnil = is_nil(x), ynil = is_nil(y);
        if (xnil || ynil) {
            if (!chk_has_nil(xnil ? y->type : x->type) || (xnil && ynil)) {
                err = y;
                ok = false;
            }
        } else if (!chk_comparable(x->type)) {
            cause = incomparable_cause(C, x->type);
            ok = false;
        } else if (!chk_comparable(y->type)) {
            err = y;
            cause = incomparable_cause(C, y->type);
            ok = false;
        }
    } else if (!is_ordered(x->type)) {
        ok = false;
    } else if (!is_ordered(y->type)) {
        err = y;
        ok = false;
    }
    if (!ok) {
        if (!cause) {
            snprintf(buf, sizeof buf, "operator %s not defined on %s", tok_names[op],
                     kind_string(C, err->type));
            cause = gc_strdup(buf);
        }
        if (switch_case)
            chk_error(C, chk_start(x), "invalid case %s in switch on %s (%s)",
                      ast_expr_string(x), ast_expr_string(y), cause);
        else
            chk_error(C, chk_start(err), "invalid operation: %s %s %s (%s)", ast_expr_string(x),
                      tok_names[op], ast_expr_string(y), cause);
        return false;
    }
    if (!e) return true;
    if (x->mode == M_CONST && y->mode == M_CONST && x->cv.kind && y->cv.kind) {
        set_const(e, type_basic(K_UNTYPED_BOOL), cv_make_bool(cv_compare(op, x->cv, y->cv)));
        return true;
    }
    /* operands are materialised: give untyped ones their default type
     * (nil takes the other operand's type) */
    if (x->type->kind == K_UNTYPED_NIL) chk_set_type(C, x, y->type);
    else if (y->type->kind == K_UNTYPED_NIL) chk_set_type(C, y, x->type);
    chk_default(C, x);
    chk_default(C, y);
    e->mode = M_VALUE;
    e->type = type_basic(K_UNTYPED_BOOL);
    return true;
}

static bool binary_op_ok(TokKind op, Type *t) {
    switch (op) {
    case T_ADD: return is_numeric(t) || is_string(t);
    case T_SUB: case T_MUL: case T_QUO: return is_numeric(t);
    case T_REM: case T_AND: case T_OR: case T_XOR: case T_AND_NOT:
        return type_is_integer(t);
    case T_LAND: case T_LOR: return is_boolean(t);
    default: return false;
    }
}

static bool const_is_zero(Expr *y) {
    if (y->mode != M_CONST) return false;
    return cv_is_zero(y->cv);
}

static void fold_binary(Checker *C, Expr *e, Expr *x, Expr *y, TokKind op) {
    ConstVal v;
    bool int_div = type_is_integer(x->type);
    CvErr err = cv_binary(op, x->cv, y->cv, int_div, &v);
    if (err == CVE_DIVZERO) {
        chk_error(C, chk_start(y), "invalid operation: division by zero");
        chk_invalid(e);
        return;
    }
    if (err != CVE_OK) {
        chk_error(C, chk_start(e), "constant %s overflow", op == T_MUL ? "multiplication"
                  : op == T_ADD ? "addition" : op == T_SUB ? "subtraction" : "operation");
        chk_invalid(e);
        return;
    }
    set_const(e, x->type, v);
    ConstVal out;
    if (!type_is_untyped(x->type)) {
        if (cv_represent(v, x->type, &out) != CVR_OK) {
            chk_error(C, chk_start(e), "%s overflows %s", chk_operand(C, e),
                      chk_tstr(C, x->type));
            chk_invalid(e);
            return;
        }
        e->cv = out;
    }
}

static void shift(Checker *C, Expr *e, Expr *x, Expr *y, TokKind op) {
    bool xconst = x->mode == M_CONST && x->cv.kind != CV_NONE;
    if (!(type_is_integer(x->type) ||
          (xconst && type_is_untyped(x->type) && cv_is_integral(x->cv)))) {
        chk_error(C, chk_start(x), "invalid operation: shifted operand %s must be integer",
                  chk_operand(C, x));
        chk_invalid(e);
        return;
    }
    bool yconst = y->mode == M_CONST && y->cv.kind != CV_NONE;
    if (yconst) {
        int64_t s;
        if (cv_is_integral(y->cv) && cv_int64(y->cv, &s) && s < 0) {
            chk_error(C, chk_start(y), "invalid operation: negative shift count %s",
                      chk_operand(C, y));
            chk_invalid(e);
            return;
        }
        if (type_is_untyped(y->type) && !chk_convert_untyped(C, y, type_basic(K_UINT))) {
            chk_invalid(e);
            return;
        }
    } else if (!type_is_integer(y->type)) {
        if (type_is_untyped(y->type) && is_numeric(y->type)) {
            chk_set_type(C, y, type_basic(K_UINT));
        } else {
            chk_error(C, chk_start(y), "invalid operation: shift count %s must be integer",
                      chk_operand(C, y));
            chk_invalid(e);
            return;
        }
    }
    if (xconst && yconst) {
        int64_t s = 0;
        if (!cv_int64(y->cv, &s) || s > 1074) {
            chk_error(C, chk_start(y), "invalid operation: invalid shift count %s",
                      chk_operand(C, y));
            chk_invalid(e);
            return;
        }
        ConstVal v;
        if (cv_shift(op, x->cv, (uint64_t)s, &v) != CVE_OK) {
            chk_error(C, chk_start(e), "constant shift overflow");
            chk_invalid(e);
            return;
        }
        Type *t = x->type;
        if (type_is_untyped(t) && !type_is_integer(t)) t = type_basic(K_UNTYPED_INT);
        set_const(e, t, v);
        ConstVal out;
        if (!type_is_untyped(t)) {
            if (cv_represent(v, t, &out) != CVR_OK) {
                chk_error(C, chk_start(e), "%s overflows %s", chk_operand(C, e), chk_tstr(C, t));
                chk_invalid(e);
                return;
            }
            e->cv = out;
        }
        return;
    }
    /* a non-constant shift of an untyped constant keeps the constant's
     * untyped type until the context decides (1.0 << s as float64 is an
     * error reported by chk_set_type) */
    e->mode = M_VALUE;
    e->type = x->type;
}

static void binary(Checker *C, Expr *e) {
    Expr *x = e->u.binary.x, *y = e->u.binary.y;
    chk_expr(C, x);
    chk_expr(C, y);
    chk_binary_operands(C, e, x, y, e->u.binary.op);
}

void chk_binary_operands(Checker *C, Expr *e, Expr *x, Expr *y, TokKind op) {
    if (x->mode == M_INVALID || y->mode == M_INVALID || chk_is_invalid(x->type) ||
        chk_is_invalid(y->type)) {
        chk_invalid(e);
        return;
    }
    if (op == T_SHL || op == T_SHR) {
        shift(C, e, x, y, op);
        return;
    }
    if (!match_types(C, x, y)) {
        chk_invalid(e);
        return;
    }
    if (is_comparison(op)) {
        if (!chk_comparison(C, e, x, y, op, false)) chk_invalid(e);
        return;
    }
    if (x->type != y->type) {
        if (!chk_is_invalid(x->type) && !chk_is_invalid(y->type))
            chk_error(C, chk_start(x), "invalid operation: %s (mismatched types %s and %s)",
                      ast_expr_string(e), chk_tstr(C, x->type), chk_tstr(C, y->type));
        chk_invalid(e);
        return;
    }
    if (!binary_op_ok(op, x->type)) {
        chk_error(C, chk_start(x), "invalid operation: operator %s not defined on %s",
                  tok_names[op], chk_operand(C, x));
        chk_invalid(e);
        return;
    }
    if ((op == T_QUO || op == T_REM) && (x->mode == M_CONST || type_is_integer(x->type)) &&
        const_is_zero(y)) {
        chk_error(C, chk_start(y), "invalid operation: division by zero");
        chk_invalid(e);
        return;
    }
    if (x->mode == M_CONST && y->mode == M_CONST && x->cv.kind && y->cv.kind) {
        fold_binary(C, e, x, y, op);
        return;
    }
    e->mode = M_VALUE;
    e->type = x->type;
}

/* ---- selectors ---------------------------------------------------------------------- */

static void package_member(Checker *C, Expr *e, Object *pkgobj) {
    pkgobj->used = true;
    Expr *x = ast_unparen(e->u.sel.x);
    x->u.ident.obj = pkgobj;
    x->mode = M_PKG;
    x->type = chk_invalid_type();
    if (!pkgobj->imported || !pkgobj->imported->scope) {   /* failed import */
        chk_invalid(e);
        return;
    }
    const char *n = chk_ident(e->u.sel.sel);
    Object *o = check_lookup(pkgobj->imported, n);
    e->u.sel.kind = SEL_PKG;
    if (!o || !(n[0] >= 'A' && n[0] <= 'Z')) {
        if (o && o->kind != OBJ_BAD)
            chk_error(C, e->u.sel.sel->pos, "name %s not exported by package %s", n,
                      pkgobj->imported->name);
        else
            chk_error(C, e->u.sel.sel->pos, "undefined: %s", ast_expr_string(e));
        chk_invalid(e);
        return;
    }
    if (o->kind == OBJ_BAD) {   /* unsafe.Pointer and co (universe.c) */
        chk_error(C, chk_start(e), "%s is not supported by csp", ast_expr_string(e));
        chk_invalid(e);
        return;
    }
    ident_object(C, e->u.sel.sel, o);
    e->mode = e->u.sel.sel->mode;
    e->type = e->u.sel.sel->type;
    e->cv = e->u.sel.sel->cv;
}

/* The type found at the end of sel's embedding path, starting from T. */
static Type *path_type(Type *T, const int *path, int npath) {
    Type *t = T;
    for (int i = 0; i < npath; i++) {
        if (t->kind == K_POINTER) t = t->elem;
        if (t->kind != K_STRUCT || path[i] >= t->nfields) return t;
        t = t->fields[path[i]].type;
    }
    return t;
}

static bool exported(const char *n) { return n[0] >= 'A' && n[0] <= 'Z'; }

const char *chk_lookup_error(Checker *C, Type *T, const char *sel, bool struct_lit) {
    Selection s;
    chk_lookup_fold(C, T, sel, &s);
    const char *alt = NULL, *what = "field";
    bool same_pkg = true;
    if (s.kind == LK_FIELD) {
        alt = s.field->name;
        same_pkg = !s.field->pkg || s.field->pkg == str_intern(C->pkg->path);
        if (exported(alt)) {
            /* exported fields carry no package; compare the struct's */
            same_pkg = true;
        }
    } else if (s.kind == LK_METHOD || s.kind == LK_IFACE) {
        alt = s.method->name;
        what = "method";
        Object *o = s.method->decl;
        same_pkg = !o || o->pkg == C->pkg;
    }
    enum { MISSING, MISSPELLED, UNEXPORTED, INACCESSIBLE } k = MISSING;
    if (alt && alt != sel) {
        if (same_pkg) k = MISSPELLED;
        else if (exported(sel)) k = exported(alt) ? MISSPELLED
                                  : strcmp(sel + 1, alt + 1) == 0 ? UNEXPORTED : MISSING;
        else if (exported(alt) && strcmp(sel + 1, alt + 1) == 0) k = MISSPELLED;
    } else if (alt && !same_pkg) {
        k = INACCESSIBLE;
    }
    const char *ts = chk_tstr(C, T);
    char buf[600];
    if (struct_lit) {
        switch (k) {
        case MISSPELLED:
            snprintf(buf, sizeof buf, "unknown field %s in struct literal of type %s, but does have %s",
                     sel, ts, alt);
            break;
        case UNEXPORTED:
            snprintf(buf, sizeof buf, "unknown field %s in struct literal of type %s, but does have unexported %s",
                     sel, ts, alt);
            break;
        case INACCESSIBLE:
            snprintf(buf, sizeof buf, "cannot refer to unexported field %s in struct literal of type %s",
                     alt, ts);
            break;
        default:
            snprintf(buf, sizeof buf, "unknown field %s in struct literal of type %s", sel, ts);
        }
        return gc_strdup(buf);
    }
    switch (k) {
    case MISSPELLED:
        snprintf(buf, sizeof buf, "type %s has no field or method %s, but does have %s %s", ts, sel,
                 what, alt);
        break;
    case UNEXPORTED:
        snprintf(buf, sizeof buf, "type %s has no field or method %s, but does have unexported %s %s",
                 ts, sel, what, alt);
        break;
    case INACCESSIBLE:
        snprintf(buf, sizeof buf, "cannot refer to unexported %s %s", what, alt);
        break;
    default:
        snprintf(buf, sizeof buf, "type %s has no field or method %s", ts, sel);
    }
    return gc_strdup(buf);
}

static void missing_selector(Checker *C, Expr *e, Type *T, const char *name, bool is_type) {
    const char *es = ast_expr_string(e);
    if (T->kind == K_POINTER && T->elem->kind == K_INTERFACE && !T->name) {
        chk_error(C, e->u.sel.sel->pos, "%s undefined (type %s is pointer to interface, not interface)",
                  es, chk_tstr(C, T));
        return;
    }
    if (is_type) {
        chk_error(C, e->u.sel.sel->pos, "%s undefined (type %s has no method %s)", es,
                  chk_tstr(C, T), name);
        return;
    }
    chk_error(C, e->u.sel.sel->pos, "%s undefined (%s)", es, chk_lookup_error(C, T, name, false));
}

static Type *method_expr_type(Type *recv, Type *sig) {
    Type **ps = gc_alloc(sizeof *ps * (sig->nparams + 1));
    ps[0] = recv;
    for (int i = 0; i < sig->nparams; i++) ps[i + 1] = sig->params[i];
    return type_func(ps, sig->nparams + 1, sig->results, sig->nresults, sig->variadic);
}

static void method_expr(Checker *C, Expr *e, Type *T, const char *name) {
    Selection s;
    chk_lookup_field_or_method(C, T, name, &s);
    if (s.kind != LK_METHOD && s.kind != LK_IFACE) {
        missing_selector(C, e, T, name, true);
        chk_invalid(e);
        return;
    }
    if (s.kind == LK_METHOD && s.method->ptr_recv && T->kind != K_POINTER && !s.indirect) {
        chk_error(C, chk_start(e), "invalid method expression %s.%s (needs pointer receiver (*%s).%s)",
                  chk_tstr(C, T), name, chk_tstr(C, T), name);
        chk_invalid(e);
        return;
    }
    e->u.sel.kind = SEL_METHOD_EXPR;
    e->u.sel.path = s.path;
    e->u.sel.npath = s.npath;
    e->u.sel.iface_index = s.iface_index;
    e->u.sel.method = s.kind == LK_METHOD ? s.method->decl : NULL;
    if (e->u.sel.method) chk_use_global(C, e->u.sel.method);
    e->u.sel.sel->u.ident.obj = e->u.sel.method;
    e->mode = M_VALUE;
    e->type = method_expr_type(T, s.method->sig);
}

static void select_method(Checker *C, Expr *e, Expr *x, Selection *s) {
    Type *base = path_type(x->type, s->path, s->npath);
    bool base_ptr = base->kind == K_POINTER;
    bool through_ptr = s->npath > 0 ? false : x->type->kind == K_POINTER;
    (void)through_ptr;
    e->u.sel.kind = SEL_METHOD;
    e->u.sel.method = s->method->decl;
    e->u.sel.sel->u.ident.obj = s->method->decl;
    if (s->method->decl) chk_use_global(C, s->method->decl);
    if (s->method->ptr_recv && !base_ptr) {
        bool addressable = x->mode == M_VAR || (s->indirect && s->npath > 0);
        if (!addressable) {
            chk_error(C, e->u.sel.sel->pos, "cannot call pointer method %s on %s",
                      s->method->name, chk_tstr(C, x->type));
            chk_invalid(e);
            return;
        }
        e->u.sel.recv_addr = true;
        if (!s->indirect) mark_addr_taken(x);
    } else if (!s->method->ptr_recv && base_ptr) {
        e->u.sel.recv_deref = true;
    }
    e->mode = M_VALUE;
    e->type = s->method->sig;
}

static void selector(Checker *C, Expr *e) {
    Expr *x = e->u.sel.x;
    const char *name = chk_ident(e->u.sel.sel);
    Expr *ux = ast_unparen(x);
    if (ux && ux->kind == E_IDENT) {
        Object *o = chk_lookup(C, chk_ident(ux));
        if (o && o->kind == OBJ_PKG) {
            package_member(C, e, o);
            return;
        }
    }
    chk_expr_or_type(C, x);
    if (x->mode == M_INVALID || chk_is_invalid(x->type)) {
        chk_invalid(e);
        return;
    }
    if (x->mode == M_TYPE) {
        method_expr(C, e, x->type, name);
        return;
    }
    Selection s;
    chk_lookup_field_or_method(C, x->type, name, &s);
    e->u.sel.path = s.path;
    e->u.sel.npath = s.npath;
    switch (s.kind) {
    case LK_FIELD:
        if (s.field->pkg && s.field->pkg != str_intern(C->pkg->path)) {
            chk_error(C, e->u.sel.sel->pos, "%s undefined (cannot refer to unexported field %s)",
                      ast_expr_string(e), name);
            chk_invalid(e);
            return;
        }
        e->u.sel.kind = SEL_FIELD;
        e->mode = (x->mode == M_VAR || s.indirect) ? M_VAR : M_VALUE;
        e->type = s.field->type;
        return;
    case LK_METHOD:
        select_method(C, e, x, &s);
        return;
    case LK_IFACE:
        e->u.sel.kind = SEL_IFACE;
        e->u.sel.iface_index = s.iface_index;
        e->mode = M_VALUE;
        e->type = s.method->sig;
        return;
    case LK_AMBIG:
        chk_error(C, e->u.sel.sel->pos, "ambiguous selector %s", ast_expr_string(e));
        chk_invalid(e);
        return;
    default:
        missing_selector(C, e, x->type, name, false);
        chk_invalid(e);
    }
}

/* ---- indexing and slicing -------------------------------------------------------------- */

/* Checks an index operand; max >= 0 bounds a constant index. Returns the
 * constant value or -1. */
static int64_t check_index(Checker *C, Expr *idx, int64_t max, const char *what) {
    chk_expr(C, idx);
    if (idx->mode == M_INVALID) return -1;
    if (!chk_convert_untyped(C, idx, type_basic(K_INT))) return -1;
    if (!type_is_integer(idx->type)) {
        chk_error(C, chk_start(idx), "invalid argument: %s %s must be integer", what,
                  chk_operand(C, idx));
        return -1;
    }
    if (idx->mode != M_CONST || idx->cv.kind == CV_NONE) return -1;
    int64_t v;
    if (!cv_int64(idx->cv, &v) || v < 0) {
        chk_error(C, chk_start(idx), "invalid argument: %s %s must not be negative", what,
                  chk_operand(C, idx));
        return -1;
    }
    if (max >= 0 && v >= max) {
        chk_error(C, chk_start(idx), "invalid argument: %s %s out of bounds [0:%lld]", what,
                  ast_expr_string(idx), (long long)max);
        return -1;
    }
    return v;
}

static void index_expr(Checker *C, Expr *e) {
    Expr *x = e->u.index.x;
    chk_raw_expr(C, x, NULL, false);
    if (gen_func_of(x)) {
        gen_index(C, e);
        return;
    }
    if (x->mode == M_TYPE && gen_is_type_marker(x->type)) {
        e->type = gen_type_index(C, e);
        e->mode = chk_is_invalid(e->type) ? M_INVALID : M_TYPE;
        return;
    }
    if (x->mode != M_TYPE) single_value(C, x);
    if (x->mode == M_INVALID || chk_is_invalid(x->type)) {
        chk_expr(C, e->u.index.index);
        chk_invalid(e);
        return;
    }
    if (x->mode == M_TYPE || (x->type->kind == K_FUNC)) {
        chk_error(C, chk_start(e), "%s", x->mode == M_TYPE
                  ? "generic types are not supported by csp"
                  : "generic functions are not supported by csp");
        chk_invalid(e);
        return;
    }
    Type *t = x->type;
    if (t->kind == K_POINTER && t->elem->kind == K_ARRAY) t = t->elem, e->mode = M_VAR;
    else e->mode = M_INVALID;
    switch (t->kind) {
    case K_STRING: case K_UNTYPED_STRING: {
        int64_t max = -1;
        if (x->mode == M_CONST && x->cv.kind == CV_STRING) max = x->cv.u.str.len;
        check_index(C, e->u.index.index, max, "index");
        if (type_is_untyped(x->type)) chk_default(C, x);
        e->mode = M_VALUE;
        e->type = type_basic(K_UINT8);
        return;
    }
    case K_ARRAY:
        check_index(C, e->u.index.index, t->len, "index");
        if (e->mode != M_VAR) e->mode = x->mode == M_VAR ? M_VAR : M_VALUE;
        e->type = t->elem;
        return;
    case K_SLICE:
        check_index(C, e->u.index.index, -1, "index");
        e->mode = M_VAR;
        e->type = t->elem;
        return;
    case K_MAP:
        chk_expr(C, e->u.index.index);
        chk_assign_to(C, e->u.index.index, t->key, "map index");
        e->mode = M_MAPINDEX;
        e->type = t->elem;
        return;
    default:
        chk_error(C, chk_start(x), "invalid operation: cannot index %s", chk_operand(C, x));
        chk_expr(C, e->u.index.index);
        chk_invalid(e);
    }
}

static void slice_expr(Checker *C, Expr *e) {
    Expr *x = e->u.slice.x;
    chk_expr(C, x);
    if (x->mode == M_INVALID) {
        chk_invalid(e);
        return;
    }
    Type *t = x->type;
    int64_t max = -1;
    switch (t->kind) {
    case K_STRING: case K_UNTYPED_STRING:
        if (e->u.slice.three) {
            chk_error(C, chk_start(x), "invalid operation: 3-index slice of string");
            chk_invalid(e);
            return;
        }
        if (x->mode == M_CONST && x->cv.kind == CV_STRING) max = x->cv.u.str.len + 1;
        if (type_is_untyped(t)) {
            chk_default(C, x);
            t = x->type;
        }
        e->type = t;
        break;
    case K_ARRAY:
        if (x->mode != M_VAR) {
            chk_error(C, chk_start(x), "invalid operation: %s (slice of unaddressable value)",
                      chk_operand(C, x));
            chk_invalid(e);
            return;
        }
        mark_addr_taken(x);
        max = t->len + 1;
        e->type = type_slice(t->elem);
        break;
    case K_POINTER:
        if (t->elem->kind == K_ARRAY) {
            max = t->elem->len + 1;
            e->type = type_slice(t->elem->elem);
            break;
        }
        /* fall through */
    default:
        if (t->kind == K_SLICE) {
            e->type = t;
            break;
        }
        chk_error(C, chk_start(x), "cannot slice %s", chk_operand(C, x));
        chk_invalid(e);
        return;
    }
    e->mode = M_VALUE;
    Expr *parts[3] = {e->u.slice.lo, e->u.slice.hi, e->u.slice.max};
    int64_t vals[3] = {-1, -1, -1};
    for (int i = 0; i < 3; i++)
        if (parts[i]) vals[i] = check_index(C, parts[i], max, "index");
    for (int i = 0; i < 3; i++)
        for (int j = i + 1; j < 3; j++)
            if (vals[i] >= 0 && vals[j] >= 0 && vals[i] > vals[j]) {
                chk_error(C, chk_start(parts[j]), "invalid slice indices: %lld < %lld",
                          (long long)vals[j], (long long)vals[i]);
                return;
            }
}

/* ---- type assertions ----------------------------------------------------------------- */

static void type_assert(Checker *C, Expr *e) {
    Expr *x = e->u.assert.x;
    chk_expr(C, x);
    if (!e->u.assert.type) {
        chk_error(C, chk_start(e), "use of .(type) outside type switch");
        chk_invalid(e);
        return;
    }
    Type *T = chk_type(C, e->u.assert.type);
    if (x->mode == M_INVALID || T->kind == K_INVALID) {
        chk_invalid(e);
        return;
    }
    if (x->type->kind != K_INTERFACE) {
        chk_error(C, chk_start(x), "invalid operation: %s is not an interface", chk_operand(C, x));
        chk_invalid(e);
        return;
    }
    /* x.(P) with P a type parameter is possible whatever P's argument
     * (go/types checks the generic body, where P has no fixed type) */
    Expr *te = ast_unparen(e->u.assert.type);
    bool tparam = te->kind == E_IDENT && te->u.ident.obj && te->u.ident.obj->is_tparam;
    if (T->kind != K_INTERFACE && !tparam) {
        const char *why = chk_missing_method(C, T, x->type);
        if (why) {
            chk_error(C, chk_start(e), "impossible type assertion: %s\n\t%s does not implement %s %s",
                      ast_expr_string(e), chk_tstr(C, T), chk_tstr(C, x->type), why);
            chk_invalid(e);
            return;
        }
    }
    e->mode = M_COMMAOK;
    e->type = T;
}

/* ---- composite literals --------------------------------------------------------------- */

static void composite(Checker *C, Expr *e, Type *hint);

/* An element value: elided composite literals take their type from T. */
static void element(Checker *C, Expr *v, Type *T, const char *ctx) {
    Expr *uv = v;
    if (uv && uv->kind == E_COMPOSITE && !uv->u.composite.type) {
        composite(C, uv, T);
        if (uv->mode != M_INVALID && uv->type != T)
            chk_assign_to(C, uv, T, ctx);
        return;
    }
    if (uv && uv->kind == E_UNARY && uv->u.unary.op == T_AND && T->kind == K_POINTER &&
        uv->u.unary.x && uv->u.unary.x->kind == E_COMPOSITE &&
        !uv->u.unary.x->u.composite.type) {
        composite(C, uv->u.unary.x, T->elem);
        address_of(C, uv);
        return;
    }
    chk_expr(C, v);
    chk_assign_to(C, v, T, ctx);
}

static Field *find_field(Type *T, const char *name, int *idx) {
    for (int i = 0; i < T->nfields; i++)
        if (T->fields[i].name == name) {
            *idx = i;
            return &T->fields[i];
        }
    return NULL;
}

static void struct_lit(Checker *C, Expr *e, Type *T) {
    int n = e->u.composite.nelts;
    if (n == 0) return;
    bool keyed = e->u.composite.elts[0] && e->u.composite.elts[0]->kind == E_KEYVALUE;
    bool *seen = gc_alloc(T->nfields + 1);
    for (int i = 0; i < n; i++) {
        Expr *el = e->u.composite.elts[i];
        if (!el) continue;
        if ((el->kind == E_KEYVALUE) != keyed) {
            chk_error(C, chk_start(el), "mixture of field:value and value elements in struct literal");
            return;
        }
        if (!keyed) {
            if (i >= T->nfields) {
                chk_expr(C, el);
                chk_error(C, chk_start(el), "too many values in struct literal of type %s",
                          chk_tstr(C, e->type));
                return;
            }
            Field *f = &T->fields[i];
            if (f->pkg && f->pkg != str_intern(C->pkg->path)) {
                chk_expr(C, el);
                chk_error(C, chk_start(el), "implicit assignment to unexported field %s in struct literal of type %s",
                          f->name, chk_tstr(C, e->type));
                continue;
            }
            element(C, el, f->type, "struct literal");
            continue;
        }
        Expr *key = el->u.kv.key;
        int idx;
        Field *f = key && key->kind == E_IDENT ? find_field(T, chk_ident(key), &idx) : NULL;
        if (!f) {
            chk_expr(C, el->u.kv.value);
            if (key && key->kind == E_IDENT)
                chk_error(C, chk_start(key), "%s", chk_lookup_error(C, e->type, chk_ident(key), true));
            else
                chk_error(C, chk_start(el), "invalid field name %s in struct literal",
                          ast_expr_string(key));
            continue;
        }
        key->mode = M_VALUE;
        key->type = f->type;
        if (seen[idx]) {
            chk_error(C, chk_start(key), "duplicate field name %s in struct literal", f->name);
            continue;
        }
        seen[idx] = true;
        element(C, el->u.kv.value, f->type, "struct literal");
    }
    if (!keyed && n < T->nfields)
        chk_error(C, e->u.composite.rbrace.line ? e->u.composite.rbrace : e->pos,
                  "too few values in struct literal of type %s", chk_tstr(C, e->type));
}

/* Array or slice literal; returns the length (max index + 1). */
/* Duplicate indexes and keys of composite literals: an open-addressing set
 * of hashes, each with its item, equal hashes confirmed by same() (NULL:
 * the hash is the value itself). Linear in the literal's size: generated
 * tables have hundreds of thousands of elements. */
typedef struct DupSet {
    uint64_t *hash;
    const void **item;
    int n, cap;                  /* cap: 0 or a power of two */
} DupSet;

static void dupset_put(DupSet *s, uint64_t h, const void *item) {
    size_t i = (size_t)((h * 0x9e3779b97f4a7c15u) >> 32) & (size_t)(s->cap - 1);
    while (s->item[i])
        i = (i + 1) & (size_t)(s->cap - 1);
    s->hash[i] = h;
    s->item[i] = item;
    s->n++;
}

/* Adds (h, item); true if an equal one was there (then nothing is added). */
static bool dupset_add(DupSet *s, uint64_t h, const void *item,
                       bool (*same)(const void *, const void *)) {
    static const char present; /* the item of a set without items */
    if (!item)
        item = &present;
    if (s->cap) {
        size_t i = (size_t)((h * 0x9e3779b97f4a7c15u) >> 32) & (size_t)(s->cap - 1);
        for (; s->item[i]; i = (i + 1) & (size_t)(s->cap - 1))
            if (s->hash[i] == h && (!same || same(s->item[i], item)))
                return true;
    }
    if (2 * (s->n + 1) > s->cap) {
        DupSet old = *s;
        s->cap = old.cap ? 2 * old.cap : 64;
        s->n = 0;
        s->hash = gc_alloc_atomic((size_t)s->cap * sizeof *s->hash);
        s->item = gc_alloc((size_t)s->cap * sizeof *s->item);
        for (int i = 0; i < old.cap; i++)
            if (old.item[i])
                dupset_put(s, old.hash[i], old.item[i]);
    }
    dupset_put(s, h, item);
    return false;
}

static int64_t array_lit(Checker *C, Expr *e, Type *elem, int64_t len) {
    int64_t idx = 0, max = 0;
    DupSet used = {0};
    for (int i = 0; i < e->u.composite.nelts; i++) {
        Expr *el = e->u.composite.elts[i];
        if (!el) continue;
        Expr *val = el;
        bool valid = false;
        if (el->kind == E_KEYVALUE) {
            Expr *k = el->u.kv.key;
            int64_t v = check_index(C, k, len, "index");
            if (v >= 0) {
                idx = v;
                valid = true;
            } else if (k->mode != M_INVALID && (k->mode != M_CONST || !type_is_integer(k->type))) {
                chk_error(C, chk_start(el), "index %s must be integer constant", ast_expr_string(k));
            }
            val = el->u.kv.value;
        } else if (len >= 0 && idx >= len) {
            chk_error(C, chk_start(el), "index %lld is out of bounds (>= %lld)", (long long)idx,
                      (long long)len);
        } else {
            valid = true;
        }
        if (valid && dupset_add(&used, (uint64_t)idx, NULL, NULL))
            chk_error(C, chk_start(el), "duplicate index %lld in array or slice literal",
                      (long long)idx);
        element(C, val, elem, "array or slice literal");
        idx++;
        if (idx > max) max = idx;
    }
    return max;
}

/* Map literal keys k1, k2 (constant expressions) are the same key. */
static bool same_key(const void *a, const void *b) {
    const Expr *x = a, *y = b;
    return x->type == y->type && cv_equal(x->cv, y->cv);
}

static uint64_t mix(uint64_t h, uint64_t v) {
    return (h ^ v) * 0x100000001b3u;
}

/* A hash consistent with same_key (equal constants of one type hash alike:
 * +0 and -0 as floats, whatever the representation). */
static uint64_t key_hash(const Expr *k) {
    uint64_t h = mix(0xcbf29ce484222325u, (uint64_t)(uintptr_t)k->type);
    ConstVal v = k->cv;
    switch (v.kind) {
    case CV_BOOL: return mix(h, v.u.b);
    case CV_INT: return mix(mix(h, (uint64_t)v.u.i), (uint64_t)(v.u.i >> 64));
    case CV_FLOAT: {
        double d = cv_float64(v);
        uint64_t bits;
        if (d == 0) d = 0;
        memcpy(&bits, &d, sizeof bits);
        return mix(h, bits);
    }
    case CV_STRING:
        for (int64_t i = 0; i < v.u.str.len; i++)
            h = mix(h, (unsigned char)v.u.str.s[i]);
        return h;
    default: return h;
    }
}

static void map_lit(Checker *C, Expr *e, Type *T) {
    DupSet keys = {0};
    for (int i = 0; i < e->u.composite.nelts; i++) {
        Expr *el = e->u.composite.elts[i];
        if (!el) continue;
        if (el->kind != E_KEYVALUE) {
            chk_error(C, chk_start(el), "missing key in map literal");
            chk_expr(C, el);
            continue;
        }
        element(C, el->u.kv.key, T->key, "map literal");
        Expr *k = el->u.kv.key;
        if (k->mode == M_CONST && k->cv.kind != CV_NONE &&
            dupset_add(&keys, key_hash(k), k, same_key))
            chk_error(C, chk_start(k), "duplicate key %s in map literal", cv_string(k->cv));
        element(C, el->u.kv.value, T->elem, "map literal");
    }
}

static void composite(Checker *C, Expr *e, Type *hint) {
    Expr *te = e->u.composite.type;
    Type *T;
    bool open_array = false;
    if (te) {
        if (te->kind == E_ARRAYTYPE && te->u.arraytype.len &&
            te->u.arraytype.len->kind == E_ELLIPSIS) {
            open_array = true;
            T = chk_type_full(C, te->u.arraytype.elem, true);
        } else {
            /* complete: a literal of a type still being declared (in its
             * own array length) is an invalid recursive type, as in Go */
            T = chk_type_full(C, te, true);
        }
    } else if (hint) {
        T = hint;
        if (T->kind == K_POINTER && !T->name) {
            /* &T{} elided in a []*T literal: the literal denotes a pointer */
            composite(C, e, T->elem);
            if (e->mode != M_INVALID) e->type = T;
            return;
        }
    } else {
        chk_error(C, e->pos, "missing type in composite literal");
        for (int i = 0; i < e->u.composite.nelts; i++) {
            Expr *el = e->u.composite.elts[i];
            if (el && el->kind == E_KEYVALUE) el = el->u.kv.value;
            if (el && el->kind != E_COMPOSITE) chk_expr(C, el);
        }
        chk_invalid(e);
        return;
    }
    e->mode = M_VALUE;
    e->type = T;
    if (open_array) {
        int64_t n = array_lit(C, e, T, -1);
        if (T->kind == K_INVALID) {
            chk_invalid(e);
            return;
        }
        e->type = type_array(T, n);
        te->mode = M_TYPE;
        te->type = e->type;
        return;
    }
    switch (T->kind) {
    case K_STRUCT: struct_lit(C, e, T); break;
    case K_ARRAY: array_lit(C, e, T->elem, T->len); break;
    case K_SLICE: array_lit(C, e, T->elem, -1); break;
    case K_MAP: map_lit(C, e, T); break;
    case K_INVALID:
        for (int i = 0; i < e->u.composite.nelts; i++) {
            Expr *el = e->u.composite.elts[i];
            if (el && el->kind != E_KEYVALUE && el->kind != E_COMPOSITE) chk_expr(C, el);
        }
        chk_invalid(e);
        break;
    default:
        chk_error(C, chk_start(e), "invalid composite literal%s type %s", te ? "" : " element",
                  chk_tstr(C, T));
        chk_invalid(e);
    }
}

/* ---- function literals --------------------------------------------------------------- */

static void funclit(Checker *C, Expr *e) {
    FuncInfo *info = gc_alloc(sizeof *info);
    e->u.funclit.info = info;
    Type *sig = chk_signature(C, e->u.funclit.type, info, NULL);
    char buf[600];
    if (C->fn) {
        int k = ++C->fn->nclosures;
        snprintf(buf, sizeof buf, C->fn->is_closure ? "%s.%d" : "%s.func%d",
                 C->fn->info->name ? C->fn->info->name : "?", k);
    } else {
        snprintf(buf, sizeof buf, "%s.init.func%d", C->pkg->path, ++C->nglobal_closures);
    }
    info->name = gc_strdup(buf);
    info->outer = C->fn ? C->fn->info : NULL;
    e->mode = M_VALUE;
    e->type = sig;
    Stmt *body = e->u.funclit.body;
    if (!body) return;
    Pos end = body->kind == S_BLOCK ? body->u.block.rbrace : body->pos;
    chk_func_body(C, info, body, C->fn, true, end);
}

/* ---- dispatch ----------------------------------------------------------------------- */

void chk_raw_expr(Checker *C, Expr *e, Type *hint, bool allow_tuple) {
    if (!e) return;
    if (e->kind == E_TUPLEREF) return;       /* typed when made */
    if (e->prechecked) {
        e->prechecked = false;
        return;
    }
    e->cv.kind = CV_NONE;
    if (chk_too_deep(C, e->pos)) {
        chk_invalid(e);
        return;
    }
    switch (e->kind) {
    case E_IDENT: ident(C, e); break;
    case E_INTLIT: case E_FLOATLIT: case E_IMAGLIT: case E_CHARLIT: case E_STRINGLIT:
        literal(C, e);
        break;
    case E_COMPOSITE: composite(C, e, hint); break;
    case E_FUNCLIT: funclit(C, e); break;
    case E_PAREN: {
        Expr *x = e->u.paren.x;
        chk_raw_expr(C, x, hint, allow_tuple);
        if (!x) {
            chk_invalid(e);
            break;
        }
        e->mode = x->mode;
        e->type = x->type;
        e->cv = x->cv;
        break;
    }
    case E_SELECTOR: selector(C, e); break;
    case E_INDEX: index_expr(C, e); break;
    case E_SLICE: slice_expr(C, e); break;
    case E_TYPEASSERT: type_assert(C, e); break;
    case E_CALL: chk_call(C, e, allow_tuple); break;
    case E_STAR: {
        Expr *x = e->u.star.x;
        chk_expr_or_type(C, x);
        if (x->mode == M_INVALID) {
            chk_invalid(e);
        } else if (x->mode == M_TYPE) {
            e->mode = M_TYPE;
            e->type = type_pointer(x->type);
        } else if (x->type->kind == K_UNTYPED_NIL) {
            chk_error(C, e->pos, "invalid operation: cannot indirect nil");
            chk_invalid(e);
        } else if (x->type->kind != K_POINTER) {
            chk_error(C, e->pos, "invalid operation: cannot indirect %s", chk_operand(C, x));
            chk_invalid(e);
        } else {
            e->mode = M_VAR;
            e->type = x->type->elem;
        }
        break;
    }
    case E_UNARY: unary(C, e); break;
    case E_BINARY: binary(C, e); break;
    case E_KEYVALUE:
        chk_error(C, chk_start(e), "unexpected key:value expression");
        chk_invalid(e);
        break;
    case E_ARRAYTYPE: case E_STRUCTTYPE: case E_FUNCTYPE: case E_INTERFACETYPE:
    case E_MAPTYPE: case E_CHANTYPE:
        chk_type(C, e);
        break;
    case E_ELLIPSIS:
        chk_error(C, e->pos, "invalid use of ...");
        chk_invalid(e);
        break;
    default:
        chk_invalid(e);
    }
    if (!e->type) e->type = chk_invalid_type();
}
