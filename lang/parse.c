/*
 * parse.c — the Go parser (see parse.h).
 *
 * Owns: building the syntax tree of one file and reporting syntax errors.
 *
 * Design. A recursive-descent parser with one token of lookahead that
 * follows the structure of Go's own parser (cmd/compile/internal/syntax),
 * because csp promises Go's error messages at Go's positions, and those are
 * a product of that parser's exact decisions:
 *   - errors are "syntax error: unexpected TOKEN, expected X" built by
 *     syntax_error() from a context phrase; TOKEN is described as Go does
 *     ("name x", "literal 42", "newline", "comma", "EOF" ...);
 *   - recovery skips tokens up to a follow set (advance()); inside function
 *     bodies statement keywords always stop the skip;
 *   - after the first error, errors reported at EOF are dropped;
 *   - the composite-literal ambiguity (`if x == T{} {`) is resolved with an
 *     expression nesting level (xnest): `{` after a type name starts a
 *     literal only when xnest >= 0, and control clauses set xnest to -1
 *     until a bracket, parenthesis or brace raises it again.
 * Positions: every node's pos is that of its first token (a binary
 * expression's is its left operand's); S_ASSIGN also records op_pos.
 * Parentheses are kept as E_PAREN in expressions (the checker prints them),
 * but dropped around types.
 *
 * Robustness: every loop consumes a token or stops; nesting deeper than
 * MAX_DEPTH reports "exceeded max nesting depth" and ends the input, so no
 * input can exhaust the C stack.
 */
#include "parse.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/gc.h"

/* Deep enough for any real program, shallow enough for an 8 MiB C stack
 * (each level is a few recursive calls of small frames). */
enum { MAX_DEPTH = 1000 };

typedef struct Parser {
    Lexer lx;
    Token tok;            /* current token */
    SrcFile *file;
    Diag *d;
    int xnest;            /* expression nesting level (complit ambiguity) */
    int fnest;            /* function nesting level (recovery stop set) */
    int depth;            /* recursion depth (MAX_DEPTH guard) */
    bool had_error;       /* any error reported (Go's p.first != nil) */
    bool bail;            /* nesting limit hit: behave as at EOF */
} Parser;

/* A growable array of pointers (GC heap). */
typedef struct Vec { void **v; int n, cap; } Vec;

static void vpush(Vec *v, void *x) {
    if (v->n == v->cap) {
        int cap = v->cap ? v->cap * 2 : 4;
        void **nv = gc_alloc(sizeof(void *) * (size_t)cap);
        if (v->n) memcpy(nv, v->v, sizeof(void *) * (size_t)v->n);
        v->v = nv;
        v->cap = cap;
    }
    v->v[v->n++] = x;
}

/* ---- tokens and errors -------------------------------------------------------- */

static Pos pos_of(Parser *p, int line, int col) {
    Pos pos = {p->file, line, col};
    return pos;
}

static Pos ppos(Parser *p) { return pos_of(p, p->tok.line, p->tok.col); }

static void next(Parser *p) {
    if (p->bail) {
        p->tok.kind = T_EOF;
        return;
    }
    p->tok = lex_next(&p->lx);
}

static bool got(Parser *p, TokKind k) {
    if (p->tok.kind != k) return false;
    next(p);
    return true;
}

static const char *tok_text(Parser *p) {
    return gc_strndup(p->tok.start, (size_t)p->tok.len);
}

static bool is_literal(TokKind k) {
    return k == T_INT || k == T_FLOAT || k == T_IMAG || k == T_CHAR || k == T_STRING;
}

/* Go's tokstring: how a token kind is named in "expected X". */
static const char *tok_expect(TokKind k) {
    switch (k) {
    case T_COMMA: return "comma";
    case T_SEMICOLON: return "semicolon or newline";
    case T_IDENT: return "name";
    case T_EOF: return "EOF";
    default: return tok_names[k];
    }
}

/* How the current token is named in "unexpected X". */
static const char *tok_desc(Parser *p) {
    char buf[128];
    const Token *t = &p->tok;
    if (t->kind == T_IDENT) {
        snprintf(buf, sizeof buf, "name %.*s", t->len > 100 ? 100 : t->len, t->start);
        return gc_strdup(buf);
    }
    if (t->kind == T_SEMICOLON) {
        if (t->val && t->val[0] == '\n') return "newline";
        if (t->val && strcmp(t->val, "EOF") == 0) return "EOF";
        return "semicolon";
    }
    if (is_literal(t->kind)) {
        char *s = gc_alloc_atomic((size_t)t->len + 9);
        memcpy(s, "literal ", 8);
        memcpy(s + 8, t->start, (size_t)t->len);
        s[8 + t->len] = 0;
        return s;
    }
    return tok_expect(t->kind);
}

/* Lexical errors arrive here from the lexer. */
static void lex_error(void *ctx, int line, int col, const char *msg) {
    Parser *p = ctx;
    p->had_error = true;
    diag_error(p->d, pos_of(p, line, col), "%s", msg);
}

static void error_at(Parser *p, Pos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void error_at(Parser *p, Pos pos, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    p->had_error = true;
    diag_error(p->d, pos, "%s", buf);
}

/* Go's syntaxErrorAt: msg starting with "in ", "at ", "after " or
 * "expected " is completed with the current token; others are plain. */
static void syntax_error_at(Parser *p, Pos pos, const char *msg) {
    if (p->tok.kind == T_EOF && p->had_error) return;
    if (strncmp(msg, "in ", 3) == 0 || strncmp(msg, "at ", 3) == 0 ||
        strncmp(msg, "after ", 6) == 0) {
        error_at(p, pos, "syntax error: unexpected %s %s", tok_desc(p), msg);
    } else if (strncmp(msg, "expected ", 9) == 0) {
        error_at(p, pos, "syntax error: unexpected %s, %s", tok_desc(p), msg);
    } else {
        error_at(p, pos, "syntax error: %s", msg);
    }
}

static void syntax_error(Parser *p, const char *msg) { syntax_error_at(p, ppos(p), msg); }

static void syntax_errorf(Parser *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void syntax_errorf(Parser *p, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    syntax_error(p, buf);
}

/* Keywords that start statements: recovery stops at them in functions. */
static bool in_stopset(TokKind k) {
    switch (k) {
    case T_BREAK: case T_CONST: case T_CONTINUE: case T_DEFER: case T_FALLTHROUGH:
    case T_FOR: case T_GO: case T_GOTO: case T_IF: case T_RETURN: case T_SELECT:
    case T_SWITCH: case T_TYPE: case T_VAR:
        return true;
    default:
        return false;
    }
}

/* Skips tokens until one in the follow list (terminated by T_EOF), or the
 * stop set inside functions. An empty list skips exactly one token. */
static void advance_list(Parser *p, const TokKind *follow) {
    if (follow[0] == T_EOF) {
        if (p->tok.kind != T_EOF) next(p);
        return;
    }
    for (;;) {
        TokKind k = p->tok.kind;
        if (k == T_EOF || (p->fnest > 0 && in_stopset(k))) return;
        for (const TokKind *f = follow; *f != T_EOF; f++)
            if (*f == k) return;
        next(p);
    }
}

#define advance(p, ...) advance_list((p), (const TokKind[]){__VA_ARGS__, T_EOF})
#define advance1(p) advance_list((p), (const TokKind[]){T_EOF})

static void want(Parser *p, TokKind k) {
    if (!got(p, k)) {
        syntax_errorf(p, "expected %s", tok_expect(k));
        advance1(p);
    }
}

/* Nesting guard: returns false (and ends the input) past MAX_DEPTH. */
static bool enter(Parser *p) {
    if (++p->depth <= MAX_DEPTH) return true;
    if (!p->bail) {
        error_at(p, ppos(p), "syntax error: exceeded max nesting depth");
        p->bail = true;
        p->tok.kind = T_EOF;
    }
    return false;
}

static void leave(Parser *p) { p->depth--; }

/* ---- node helpers --------------------------------------------------------------- */

static Expr *bad_expr(Parser *p) { return ast_expr(E_BAD, ppos(p)); }

static Expr *new_ident(Parser *p, Pos pos, const char *name) {
    Expr *e = ast_expr(E_IDENT, pos);
    e->u.ident.name = name;
    (void)p;
    return e;
}

/* name = identifier ; on error yields "_" and skips one token. */
static Expr *p_name(Parser *p) {
    if (p->tok.kind == T_IDENT) {
        Expr *e = new_ident(p, ppos(p), tok_text(p));
        next(p);
        return e;
    }
    Expr *e = new_ident(p, ppos(p), "_");
    syntax_error(p, "expected name");
    advance1(p);
    return e;
}

static Expr *p_literal(Parser *p) {
    static const ExprKind kinds[] = {
        [T_INT] = E_INTLIT, [T_FLOAT] = E_FLOATLIT, [T_IMAG] = E_IMAGLIT,
        [T_CHAR] = E_CHARLIT, [T_STRING] = E_STRINGLIT,
    };
    Expr *e = ast_expr(kinds[p->tok.kind], ppos(p));
    e->u.lit.text = tok_text(p);
    e->u.lit.val = p->tok.val;
    e->u.lit.vlen = p->tok.vlen;
    next(p);
    return e;
}

static Expr **vexprs(Vec *v) { return (Expr **)v->v; }
static Stmt **vstmts(Vec *v) { return (Stmt **)v->v; }

/* ---- forward declarations ----------------------------------------------------- */

static Expr *p_expr(Parser *p);
static Expr *p_binary(Parser *p, Expr *x, int prec);
static Expr *p_unary(Parser *p);
static Expr *p_pexpr(Parser *p, Expr *x, bool keep_parens);
static Expr *p_type(Parser *p);
static Expr *p_type_or_nil(Parser *p);
static Expr *p_func_type(Parser *p, const char *context, bool *has_tparams,
                         FieldList **tparams);
static FieldList *p_tparams(Parser *p, Expr *first);
static Expr *p_complit(Parser *p);
static Stmt *p_block(Parser *p, const char *context);
static Stmt *p_stmt_or_nil(Parser *p);
static void p_stmt_list(Parser *p, Vec *out);
static Decl *p_decl_group(Parser *p, DeclKind kind);
static Stmt *p_func_body(Parser *p);

/* ---- lists ------------------------------------------------------------------------- */

typedef bool (*ListFn)(Parser *p, void *ctx);

/* list = [ f { sep f } [sep] ] close . Returns the position of close. */
static Pos p_list(Parser *p, const char *context, TokKind sep, TokKind close,
                  ListFn f, void *ctx) {
    bool done = false;
    while (p->tok.kind != T_EOF && p->tok.kind != close && !done) {
        const char *before = p->tok.start;
        done = f(p, ctx);
        if (!got(p, sep) && p->tok.kind != close) {
            syntax_errorf(p, "in %s; possibly missing %s or %s", context,
                          tok_expect(sep), tok_expect(close));
            advance(p, T_RPAREN, T_RBRACK, T_RBRACE);
            if (p->tok.kind != close) return ppos(p);
        } else if (p->tok.start == before && p->tok.kind != close && p->tok.kind != T_EOF) {
            next(p); /* no progress: force it */
        }
    }
    Pos pos = ppos(p);
    want(p, close);
    return pos;
}

/* ExpressionList = Expression { "," Expression } . */
static void p_expr_list(Parser *p, Vec *out) {
    vpush(out, p_expr(p));
    while (got(p, T_COMMA)) vpush(out, p_expr(p));
}

/* ---- expressions ------------------------------------------------------------------ */

static Expr *p_expr(Parser *p) { return p_binary(p, NULL, 0); }

static int binary_prec(TokKind k) {
    switch (k) {
    case T_LOR: return 1;
    case T_LAND: return 2;
    case T_EQL: case T_NEQ: case T_LSS: case T_LEQ: case T_GTR: case T_GEQ: return 3;
    case T_ADD: case T_SUB: case T_OR: case T_XOR: return 4;
    case T_MUL: case T_QUO: case T_REM: case T_SHL: case T_SHR: case T_AND:
    case T_AND_NOT: return 5;
    default: return 0;
    }
}

static Expr *p_binary(Parser *p, Expr *x, int prec) {
    if (!x) x = p_unary(p);
    int tprec;
    while ((tprec = binary_prec(p->tok.kind)) > prec) {
        Expr *b = ast_expr(E_BINARY, x->pos);
        b->u.binary.op = p->tok.kind;
        next(p);
        b->u.binary.x = x;
        if (!enter(p)) { leave(p); b->u.binary.y = bad_expr(p); return b; }
        b->u.binary.y = p_binary(p, NULL, tprec);
        leave(p);
        x = b;
    }
    return x;
}

/* `<-` applied to a channel type: re-associate so <-chan T is a type. */
static Expr *recv_chan_type(Parser *p, Expr *x, Pos pos) {
    ChanDir dir = CHAN_SEND;
    Expr *t = x;
    while (dir == CHAN_SEND) {
        if (!t || t->kind != E_CHANTYPE) break;
        dir = t->u.chantype.dir;
        if (dir == CHAN_RECV) syntax_error(p, "unexpected <-, expected chan");
        t->u.chantype.dir = CHAN_RECV;
        t = t->u.chantype.elem;
    }
    if (dir == CHAN_SEND)
        syntax_errorf(p, "unexpected %s, expected chan", ast_expr_string(t));
    x->pos = pos;
    return x;
}

static Expr *p_unary_inner(Parser *p) {
    Pos pos = ppos(p);
    TokKind k = p->tok.kind;
    switch (k) {
    case T_MUL: {
        next(p);
        Expr *e = ast_expr(E_STAR, pos);
        e->u.star.x = p_unary(p);
        return e;
    }
    case T_ADD: case T_SUB: case T_NOT: case T_XOR: case T_TILDE: case T_AND: {
        next(p);
        Expr *e = ast_expr(E_UNARY, pos);
        e->u.unary.op = k;
        Expr *x = p_unary(p);
        /* &(T{}) is &T{}: drop parentheses around the operand of & */
        e->u.unary.x = k == T_AND ? ast_unparen(x) : x;
        return e;
    }
    case T_ARROW: {
        next(p);
        Expr *x = p_unary(p);
        if (x->kind == E_CHANTYPE) return recv_chan_type(p, x, pos);
        Expr *e = ast_expr(E_UNARY, pos);
        e->u.unary.op = T_ARROW;
        e->u.unary.x = x;
        return e;
    }
    default:
        return p_pexpr(p, NULL, true);
    }
}

static Expr *p_unary(Parser *p) {
    if (!enter(p)) { leave(p); return bad_expr(p); }
    Expr *e = p_unary_inner(p);
    leave(p);
    return e;
}

static Expr *p_func_lit_or_type(Parser *p) {
    Pos pos = ppos(p);
    next(p);
    Expr *ft = p_func_type(p, "function type", NULL, NULL);
    ft->pos = pos;
    if (p->tok.kind != T_LBRACE) return ft;
    p->xnest++;
    Expr *f = ast_expr(E_FUNCLIT, pos);
    f->u.funclit.type = ft;
    f->u.funclit.body = p_func_body(p);
    p->xnest--;
    return f;
}

/* Operand = Literal | OperandName | "(" Expression ")" | FunctionLit | type. */
static Expr *p_operand(Parser *p, bool keep_parens) {
    switch (p->tok.kind) {
    case T_IDENT: return p_name(p);
    case T_INT: case T_FLOAT: case T_IMAG: case T_CHAR: case T_STRING:
        return p_literal(p);
    case T_LPAREN: {
        Pos pos = ppos(p);
        next(p);
        p->xnest++;
        Expr *x = p_expr(p);
        p->xnest--;
        want(p, T_RPAREN);
        (void)keep_parens; /* parentheses are always kept (see header) */
        Expr *e = ast_expr(E_PAREN, pos);
        e->u.paren.x = x;
        return e;
    }
    case T_FUNC: return p_func_lit_or_type(p);
    case T_LBRACK: case T_CHAN: case T_MAP: case T_STRUCT: case T_INTERFACE:
        return p_type(p);
    default: {
        Expr *x = bad_expr(p);
        syntax_error(p, "expected expression");
        advance(p, T_RPAREN, T_RBRACK, T_RBRACE);
        return x;
    }
    }
}

/* Syntactically certain to be a value, not a type (for `x[i] {`). */
static bool is_value(const Expr *x) {
    switch (x->kind) {
    case E_INTLIT: case E_FLOATLIT: case E_IMAGLIT: case E_CHARLIT: case E_STRINGLIT:
    case E_COMPOSITE: case E_FUNCLIT: case E_SLICE: case E_TYPEASSERT: case E_CALL:
    case E_UNARY: case E_BINARY:
        return true;
    case E_PAREN: return is_value(x->u.paren.x);
    case E_INDEX: return is_value(x->u.index.x) || is_value(x->u.index.index);
    default: return false;
    }
}

/* typeList = arg { "," type } [ "," ] — index expressions and generic
 * instantiations. The elements after the first go to idx->u.index.more
 * (idx may be NULL: then they are dropped). */
static Expr *p_type_list(Parser *p, bool *comma, Expr *idx) {
    p->xnest++;
    Expr *x = p_expr(p);
    *comma = false;
    if (got(p, T_COMMA)) {
        *comma = true;
        Vec more = {0};
        Expr *t;
        while ((t = p_type_or_nil(p)) != NULL) {
            vpush(&more, t);
            if (!got(p, T_COMMA)) break;
        }
        if (idx) {
            idx->u.index.more = (Expr **)more.v;
            idx->u.index.nmore = more.n;
        }
    }
    p->xnest--;
    return x;
}

static Expr *p_slice_rest(Parser *p, Expr *x, Expr *lo) {
    if (!got(p, T_COLON)) {
        syntax_error(p, "expected comma, : or ]");
        advance(p, T_COMMA, T_COLON, T_RBRACK);
    }
    p->xnest++;
    Expr *s = ast_expr(E_SLICE, x->pos);
    s->u.slice.x = x;
    s->u.slice.lo = lo;
    if (p->tok.kind != T_COLON && p->tok.kind != T_RBRACK) s->u.slice.hi = p_expr(p);
    if (p->tok.kind == T_COLON) {
        s->u.slice.three = true;
        if (!s->u.slice.hi) {
            error_at(p, ppos(p), "middle index required in 3-index slice");
            s->u.slice.hi = bad_expr(p);
        }
        next(p);
        if (p->tok.kind != T_RBRACK) {
            s->u.slice.max = p_expr(p);
        } else {
            error_at(p, ppos(p), "final index required in 3-index slice");
            s->u.slice.max = bad_expr(p);
        }
    }
    p->xnest--;
    want(p, T_RBRACK);
    return s;
}

/* x[ ... : index, slice or instantiation. Returns NULL for `x[]`. */
static Expr *p_index_or_slice(Parser *p, Expr *x) {
    next(p);
    if (p->tok.kind == T_RBRACK) {
        syntax_error(p, "expected operand");
        next(p);
        return x;
    }
    Expr *i = NULL;
    if (p->tok.kind != T_COLON) {
        bool comma;
        Expr *e = ast_expr(E_INDEX, x->pos);
        i = p_type_list(p, &comma, e);
        if (comma || p->tok.kind == T_RBRACK) {
            e->u.index.x = x;
            e->u.index.index = i;
            e->u.index.rbrack = ppos(p);
            want(p, T_RBRACK);
            return e;
        }
    }
    return p_slice_rest(p, x, i);
}

static Expr *p_selector_or_assert(Parser *p, Expr *x) {
    next(p);
    if (p->tok.kind == T_IDENT) {
        Expr *e = ast_expr(E_SELECTOR, x->pos);
        e->u.sel.x = x;
        e->u.sel.sel = p_name(p);
        return e;
    }
    if (p->tok.kind == T_LPAREN) {
        next(p);
        Expr *e = ast_expr(E_TYPEASSERT, x->pos);
        e->u.assert.x = x;
        if (!got(p, T_TYPE)) e->u.assert.type = p_type(p);
        want(p, T_RPAREN);
        return e;
    }
    syntax_error(p, "expected name or (");
    advance(p, T_SEMICOLON, T_RPAREN);
    return x;
}

static bool p_arg(Parser *p, void *ctx) {
    Expr *call = ctx;
    Vec *v = (Vec *)call->u.call.args; /* temporarily a Vec (see p_call) */
    vpush(v, p_expr(p));
    call->u.call.has_ellipsis = got(p, T_ELLIPSIS);
    return call->u.call.has_ellipsis;
}

static Expr *p_call(Parser *p, Expr *fun) {
    Expr *e = ast_expr(E_CALL, fun->pos);
    Vec args = {0};
    e->u.call.fun = fun;
    e->u.call.args = (Expr **)&args;
    e->u.call.lparen = ppos(p);
    next(p);
    p->xnest++;
    e->u.call.rparen = p_list(p, "argument list", T_COMMA, T_RPAREN, p_arg, e);
    p->xnest--;
    e->u.call.args = vexprs(&args);
    e->u.call.nargs = args.n;
    return e;
}

/* Whether `{` after x starts a composite literal. */
static bool complit_ok(Parser *p, const Expr *t) {
    switch (t->kind) {
    case E_IDENT: case E_SELECTOR: return p->xnest >= 0;
    case E_INDEX: return p->xnest >= 0 && !is_value(t);
    case E_ARRAYTYPE: case E_STRUCTTYPE: case E_MAPTYPE: return true;
    default: return false;
    }
}

static Expr *p_pexpr(Parser *p, Expr *x, bool keep_parens) {
    if (!x) x = p_operand(p, keep_parens);
    for (;;) {
        switch (p->tok.kind) {
        case T_PERIOD: x = p_selector_or_assert(p, x); break;
        case T_LBRACK: x = p_index_or_slice(p, x); break;
        case T_LPAREN: x = p_call(p, x); break;
        case T_LBRACE: {
            Expr *t = ast_unparen(x);
            if (!complit_ok(p, t)) return x;
            if (t != x) syntax_error(p, "cannot parenthesize type in composite literal");
            Expr *c = p_complit(p);
            c->u.composite.type = x;
            c->pos = x->pos;
            x = c;
            break;
        }
        default:
            return x;
        }
    }
}

/* Element = Expression | LiteralValue . */
static Expr *p_bare_complit(Parser *p) {
    if (p->tok.kind == T_LBRACE) return p_complit(p);
    return p_expr(p);
}

static bool p_complit_elem(Parser *p, void *ctx) {
    Vec *v = ctx;
    Expr *e = p_bare_complit(p);
    if (p->tok.kind == T_COLON) {
        Expr *kv = ast_expr(E_KEYVALUE, e->pos);
        next(p);
        kv->u.kv.key = e;
        kv->u.kv.value = p_bare_complit(p);
        e = kv;
    }
    vpush(v, e);
    return false;
}

/* LiteralValue = "{" [ ElementList [ "," ] ] "}" . */
static Expr *p_complit(Parser *p) {
    Expr *c = ast_expr(E_COMPOSITE, ppos(p));
    Vec elts = {0};
    c->u.composite.lbrace = ppos(p);
    if (!enter(p)) { leave(p); return c; }
    p->xnest++;
    want(p, T_LBRACE);
    c->u.composite.rbrace = p_list(p, "composite literal", T_COMMA, T_RBRACE,
                                   p_complit_elem, &elts);
    p->xnest--;
    leave(p);
    c->u.composite.elts = vexprs(&elts);
    c->u.composite.nelts = elts.n;
    return c;
}

/* ---- types --------------------------------------------------------------------------- */

static Expr *p_type(Parser *p) {
    Expr *t = p_type_or_nil(p);
    if (!t) {
        t = bad_expr(p);
        syntax_error(p, "expected type");
        advance(p, T_COMMA, T_COLON, T_SEMICOLON, T_RPAREN, T_RBRACK, T_RBRACE);
    }
    return t;
}

/* Skips a bracketed list whose "[" was consumed (type parameters). */
static void skip_brackets(Parser *p) {
    int depth = 1;
    while (p->tok.kind != T_EOF) {
        if (p->tok.kind == T_LBRACK) depth++;
        else if (p->tok.kind == T_RBRACK && --depth == 0) { next(p); return; }
        next(p);
    }
}

/* typeInstance: T[args] as an E_INDEX (generics; rejected later). */
static Expr *p_type_instance(Parser *p, Expr *typ) {
    Expr *x = ast_expr(E_INDEX, typ->pos);
    want(p, T_LBRACK);
    x->u.index.x = typ;
    if (p->tok.kind == T_RBRACK) {
        syntax_error(p, "expected type");
        x->u.index.index = bad_expr(p);
    } else {
        bool comma;
        x->u.index.index = p_type_list(p, &comma, x);
    }
    x->u.index.rbrack = ppos(p);
    want(p, T_RBRACK);
    return x;
}

/* QualifiedIdent, with an optional first name already parsed. */
static Expr *p_qualified_name(Parser *p, Expr *name) {
    Expr *x = name;
    if (!x && p->tok.kind == T_IDENT) x = p_name(p);
    if (!x) {
        x = new_ident(p, ppos(p), "_");
        syntax_error(p, "expected name");
        advance(p, T_PERIOD, T_SEMICOLON, T_RBRACE);
    }
    if (p->tok.kind == T_PERIOD) {
        Expr *s = ast_expr(E_SELECTOR, x->pos);
        next(p);
        s->u.sel.x = x;
        s->u.sel.sel = p_name(p);
        x = s;
    }
    if (p->tok.kind == T_LBRACK) x = p_type_instance(p, x);
    return x;
}

static Expr *p_chan_elem(Parser *p) {
    Expr *t = p_type_or_nil(p);
    if (!t) {
        t = bad_expr(p);
        syntax_error(p, "missing channel element type");
    }
    return t;
}

/* "[" consumed at pos; len is an already parsed length or NULL. */
static Expr *p_array_type(Parser *p, Pos pos, Expr *len) {
    if (!len) {
        if (p->tok.kind == T_ELLIPSIS) {
            len = ast_expr(E_ELLIPSIS, ppos(p));
            next(p);
        } else {
            p->xnest++;
            len = p_expr(p);
            p->xnest--;
        }
    }
    if (p->tok.kind == T_COMMA) {
        syntax_error(p, "unexpected comma; expected ]");
        next(p);
    }
    want(p, T_RBRACK);
    Expr *t = ast_expr(E_ARRAYTYPE, pos);
    t->u.arraytype.len = len;
    t->u.arraytype.elem = p_type(p);
    return t;
}

static Expr *p_slice_type(Parser *p, Pos pos) {
    Expr *t = ast_expr(E_ARRAYTYPE, pos);
    t->u.arraytype.elem = p_type(p);
    return t;
}

/* Field lists are collected as (name, type) pairs, then grouped: adjacent
 * names sharing one type node form one FieldDecl, as written. */
typedef struct PField { Expr *name; Expr *type; const char *tag, *tagval; Pos pos; } PField;
typedef struct PFields { PField *v; int n, cap; } PFields;

static void pf_push(PFields *fs, Expr *name, Expr *type, const char *tag, Pos pos) {
    const char *tagval = NULL;
    if (tag) { /* p_opt_tag kept the decoded value after the raw text */
        tagval = tag + strlen(tag) + 1;
        if (!*tagval) tagval = NULL;
    }
    if (fs->n == fs->cap) {
        int cap = fs->cap ? fs->cap * 2 : 4;
        PField *nv = gc_alloc(sizeof(PField) * (size_t)cap);
        if (fs->n) memcpy(nv, fs->v, sizeof(PField) * (size_t)fs->n);
        fs->v = nv;
        fs->cap = cap;
    }
    fs->v[fs->n++] = (PField){name, type, tag, tagval, pos};
}

static FieldList group_fields(const PFields *fs) {
    FieldList fl = {0};
    fl.list = gc_alloc(sizeof(FieldDecl) * (size_t)(fs->n ? fs->n : 1));
    for (int i = 0; i < fs->n;) {
        FieldDecl *fd = &fl.list[fl.n++];
        const PField *f = &fs->v[i];
        fd->type = f->type;
        fd->tag = f->tag;
        fd->tagval = f->tagval;
        fd->pos = f->pos;
        int j = i + 1;
        if (f->name) {
            while (j < fs->n && fs->v[j].name && fs->v[j].type == f->type) j++;
            fd->nnames = j - i;
            fd->names = gc_alloc(sizeof(Expr *) * (size_t)fd->nnames);
            for (int k = i; k < j; k++) fd->names[k - i] = fs->v[k].name;
        }
        i = j;
    }
    return fl;
}

/* The raw text of a tag, followed in the same allocation by its decoded
 * value (a NUL, then the value; empty when not a string literal). */
static const char *p_opt_tag(Parser *p) {
    if (p->tok.kind != T_STRING && !is_literal(p->tok.kind)) return NULL;
    size_t n = (size_t)p->tok.len;
    size_t vn = p->tok.kind == T_STRING && p->tok.val ? (size_t)p->tok.vlen : 0;
    char *tag = gc_alloc(n + vn + 2);
    memcpy(tag, p->tok.start, n);
    if (vn) memcpy(tag + n + 1, p->tok.val, vn);
    next(p);
    return tag;
}

/* x [n]E (array field) or x[T] (embedded instantiated type); "[" current. */
static Expr *p_array_or_targs(Parser *p, bool *is_index) {
    Pos pos = ppos(p);
    *is_index = false;
    want(p, T_LBRACK);
    if (got(p, T_RBRACK)) return p_slice_type(p, pos);
    bool comma;
    Expr *t0 = ast_expr(E_INDEX, pos);
    Expr *n = p_type_list(p, &comma, t0);
    want(p, T_RBRACK);
    if (!comma) {
        Expr *elem = p_type_or_nil(p);
        if (elem) {
            Expr *t = ast_expr(E_ARRAYTYPE, pos);
            t->u.arraytype.len = n;
            t->u.arraytype.elem = elem;
            return t;
        }
    }
    *is_index = true;
    t0->u.index.index = n;
    return t0;
}

static Expr *new_star(Pos pos, Expr *x) {
    Expr *e = ast_expr(E_STAR, pos);
    e->u.star.x = x;
    return e;
}

static void p_field_named(Parser *p, PFields *fs, Pos pos, Expr *name) {
    if (p->tok.kind == T_PERIOD || is_literal(p->tok.kind) ||
        p->tok.kind == T_SEMICOLON || p->tok.kind == T_RBRACE) {
        Expr *typ = p_qualified_name(p, name); /* embedded type */
        pf_push(fs, NULL, typ, p_opt_tag(p), pos);
        return;
    }
    Vec names = {0};
    vpush(&names, name);
    while (got(p, T_COMMA)) vpush(&names, p_name(p));
    Expr *typ;
    if (names.n == 1 && p->tok.kind == T_LBRACK) {
        bool is_index;
        typ = p_array_or_targs(p, &is_index);
        if (is_index) {
            typ->u.index.x = name;
            typ->pos = name->pos;
            pf_push(fs, NULL, typ, p_opt_tag(p), pos);
            return;
        }
    } else {
        typ = p_type(p);
    }
    const char *tag = p_opt_tag(p);
    for (int i = 0; i < names.n; i++)
        pf_push(fs, vexprs(&names)[i], typ, tag, vexprs(&names)[i]->pos);
}

static Expr *p_embedded_paren(Parser *p) {
    syntax_error(p, "cannot parenthesize embedded type");
    next(p);
    Expr *typ;
    if (p->tok.kind == T_MUL) {
        Pos pos = ppos(p);
        next(p);
        typ = new_star(pos, p_qualified_name(p, NULL));
    } else {
        typ = p_qualified_name(p, NULL);
    }
    got(p, T_RPAREN);
    return typ;
}

/* FieldDecl = (IdentifierList Type | EmbeddedField) [ Tag ] . */
static bool p_field_decl(Parser *p, void *ctx) {
    PFields *fs = ctx;
    Pos pos = ppos(p);
    switch (p->tok.kind) {
    case T_IDENT:
        p_field_named(p, fs, pos, p_name(p));
        break;
    case T_MUL: {
        next(p);
        Expr *typ;
        if (p->tok.kind == T_LPAREN) {
            syntax_error(p, "cannot parenthesize embedded type");
            next(p);
            typ = p_qualified_name(p, NULL);
            got(p, T_RPAREN);
        } else {
            typ = p_qualified_name(p, NULL);
        }
        pf_push(fs, NULL, new_star(pos, typ), p_opt_tag(p), pos);
        break;
    }
    case T_LPAREN: {
        Expr *typ = p_embedded_paren(p);
        pf_push(fs, NULL, typ, p_opt_tag(p), pos);
        break;
    }
    default:
        syntax_error(p, "expected field name or embedded type");
        advance(p, T_SEMICOLON, T_RBRACE);
        break;
    }
    return false;
}

static Expr *p_struct_type(Parser *p) {
    Expr *t = ast_expr(E_STRUCTTYPE, ppos(p));
    PFields fs = {0};
    want(p, T_STRUCT);
    want(p, T_LBRACE);
    p_list(p, "struct type", T_SEMICOLON, T_RBRACE, p_field_decl, &fs);
    t->u.structtype.fields = group_fields(&fs);
    return t;
}

/* embeddedTerm = [ "~" ] Type ; used in interface type sets. */
static Expr *p_embedded_term(Parser *p) {
    if (p->tok.kind == T_TILDE) {
        Expr *e = ast_expr(E_UNARY, ppos(p));
        e->u.unary.op = T_TILDE;
        next(p);
        e->u.unary.x = p_type(p);
        return e;
    }
    Expr *t = p_type_or_nil(p);
    if (!t) {
        t = bad_expr(p);
        syntax_error(p, "expected ~ term or type");
        advance(p, T_OR, T_SEMICOLON, T_RPAREN, T_RBRACK, T_RBRACE);
    }
    return t;
}

/* A union of terms `A | ~B | C` (only valid in constraints). */
static Expr *p_embedded_elem(Parser *p, Expr *first) {
    Expr *t = first ? first : p_embedded_term(p);
    while (p->tok.kind == T_OR) {
        Expr *b = ast_expr(E_BINARY, t->pos);
        b->u.binary.op = T_OR;
        next(p);
        b->u.binary.x = t;
        b->u.binary.y = p_embedded_term(p);
        t = b;
    }
    return t;
}

static bool p_iface_elem(Parser *p, void *ctx) {
    PFields *fs = ctx;
    Pos pos = ppos(p);
    if (p->tok.kind == T_IDENT) {
        Expr *name = p_name(p);
        if (p->tok.kind == T_LPAREN) {
            Expr *ft = p_func_type(p, "interface method", NULL, NULL);
            pf_push(fs, name, ft, NULL, pos);
            return false;
        }
        Expr *typ = p_qualified_name(p, name);
        pf_push(fs, NULL, p_embedded_elem(p, typ), NULL, pos);
        return false;
    }
    pf_push(fs, NULL, p_embedded_elem(p, NULL), NULL, pos);
    return false;
}

static Expr *p_interface_type(Parser *p) {
    Expr *t = ast_expr(E_INTERFACETYPE, ppos(p));
    PFields fs = {0};
    want(p, T_INTERFACE);
    want(p, T_LBRACE);
    p_list(p, "interface type", T_SEMICOLON, T_RBRACE, p_iface_elem, &fs);
    t->u.ifacetype.methods = group_fields(&fs);
    return t;
}

static Expr *p_type_or_nil_inner(Parser *p) {
    Pos pos = ppos(p);
    switch (p->tok.kind) {
    case T_MUL: next(p); return new_star(pos, p_type(p));
    case T_ARROW: {
        next(p);
        want(p, T_CHAN);
        Expr *t = ast_expr(E_CHANTYPE, pos);
        t->u.chantype.dir = CHAN_RECV;
        t->u.chantype.elem = p_chan_elem(p);
        return t;
    }
    case T_FUNC: {
        next(p);
        Expr *t = p_func_type(p, "function type", NULL, NULL);
        t->pos = pos;
        return t;
    }
    case T_LBRACK:
        next(p);
        if (got(p, T_RBRACK)) return p_slice_type(p, pos);
        return p_array_type(p, pos, NULL);
    case T_CHAN: {
        next(p);
        Expr *t = ast_expr(E_CHANTYPE, pos);
        t->u.chantype.dir = got(p, T_ARROW) ? CHAN_SEND : CHAN_BOTH;
        t->u.chantype.elem = p_chan_elem(p);
        return t;
    }
    case T_MAP: {
        next(p);
        want(p, T_LBRACK);
        Expr *t = ast_expr(E_MAPTYPE, pos);
        t->u.maptype.key = p_type(p);
        want(p, T_RBRACK);
        t->u.maptype.value = p_type(p);
        return t;
    }
    case T_STRUCT: return p_struct_type(p);
    case T_INTERFACE: return p_interface_type(p);
    case T_IDENT: return p_qualified_name(p, NULL);
    case T_LPAREN: {
        next(p);
        Expr *t = p_type(p);
        want(p, T_RPAREN);
        return t;
    }
    default: return NULL;
    }
}

static Expr *p_type_or_nil(Parser *p) {
    if (!enter(p)) { leave(p); return NULL; }
    Expr *t = p_type_or_nil_inner(p);
    leave(p);
    return t;
}

/* ---- parameters ------------------------------------------------------------------ */

typedef struct ParamCtx { PFields fs; TokKind close; } ParamCtx;

/* ParameterDecl = [ IdentifierList ] [ "..." ] Type ; one name at a time. */
static bool p_param_decl(Parser *p, void *ctx) {
    ParamCtx *pc = ctx;
    Pos pos = ppos(p);
    Expr *name = NULL, *typ = NULL;
    if (p->tok.kind == T_IDENT) {
        name = p_name(p);
        if (p->tok.kind == T_LBRACK) {
            bool is_index;
            typ = p_array_or_targs(p, &is_index);
            if (is_index) {
                typ->u.index.x = name;
                typ->pos = name->pos;
                name = NULL;
            }
            pf_push(&pc->fs, name, typ, NULL, pos);
            return false;
        }
        if (p->tok.kind == T_PERIOD) {
            pf_push(&pc->fs, NULL, p_qualified_name(p, name), NULL, pos);
            return false;
        }
    }
    if (p->tok.kind == T_ELLIPSIS) {
        Expr *t = ast_expr(E_ELLIPSIS, ppos(p));
        next(p);
        t->u.ellipsis.elt = p_type_or_nil(p);
        if (!t->u.ellipsis.elt) {
            t->u.ellipsis.elt = bad_expr(p);
            syntax_error(p, "... is missing type");
        }
        pf_push(&pc->fs, name, t, NULL, pos);
        return false;
    }
    typ = p_type_or_nil(p);
    if (name || typ) {
        pf_push(&pc->fs, name, typ, NULL, pos);
        return false;
    }
    syntax_errorf(p, "expected %s", tok_expect(pc->close));
    advance(p, T_COMMA, pc->close);
    return false;
}

/* Distributes types over the collected parameters as Go does: all unnamed
 * means every name was a type; otherwise each name takes the type to its
 * right, and a missing name or type is an error. */
static void distribute_params(Parser *p, PFields *fs, Pos end) {
    int named = 0, typed = 0;
    for (int i = 0; i < fs->n; i++) {
        if (fs->v[i].name && fs->v[i].type) named++;
        if (fs->v[i].type) typed++;
    }
    if (named == 0) {
        for (int i = 0; i < fs->n; i++)
            if (fs->v[i].name) { fs->v[i].type = fs->v[i].name; fs->v[i].name = NULL; }
        return;
    }
    if (named == fs->n) return;
    Pos errpos = {0};
    Expr *typ = NULL;
    for (int i = fs->n - 1; i >= 0; i--) {
        PField *f = &fs->v[i];
        if (f->type) {
            typ = f->type;
            if (!f->name) { errpos = typ->pos; f->name = new_ident(p, typ->pos, "_"); }
        } else if (typ) {
            f->type = typ;
        } else {
            errpos = f->name->pos;
            f->type = ast_expr(E_BAD, errpos);
        }
    }
    if (errpos.line) {
        if (named == typed) syntax_error_at(p, end, "missing parameter type");
        else syntax_error_at(p, errpos, "missing parameter name");
    }
}

/* Parameters after "(" (or "[") was consumed, through close. */
static FieldList p_param_list(Parser *p, TokKind close) {
    ParamCtx pc = {{0}, close};
    Pos end = p_list(p, "parameter list", T_COMMA, close, p_param_decl, &pc);
    distribute_params(p, &pc.fs, end);
    return group_fields(&pc.fs);
}

/* Result = Parameters | Type . */
static FieldList p_func_result(Parser *p) {
    if (got(p, T_LPAREN)) return p_param_list(p, T_RPAREN);
    FieldList fl = {0};
    Pos pos = ppos(p);
    Expr *t = p_type_or_nil(p);
    if (t) {
        fl.list = gc_alloc(sizeof(FieldDecl));
        fl.list[0].type = t;
        fl.list[0].pos = pos;
        fl.n = 1;
    }
    return fl;
}

/* Signature after "func" [name]; type parameters are skipped and flagged
 * (has_tparams may be NULL where they are not permitted at all). */
static Expr *p_func_type(Parser *p, const char *context, bool *has_tparams,
                         FieldList **tparams) {
    Expr *t = ast_expr(E_FUNCTYPE, ppos(p));
    if (got(p, T_LBRACK)) {
        if (has_tparams) *has_tparams = true;
        if (context && context[0])
            syntax_error_at(p, t->pos,
                            gc_strcat3(context, " must have no type parameters", ""));
        if (p->tok.kind == T_RBRACK) {
            syntax_error(p, "empty type parameter list");
            next(p);
        } else if (tparams && p->tok.kind == T_IDENT && !(context && context[0])) {
            *tparams = p_tparams(p, p_name(p));
        } else {
            skip_brackets(p);
        }
    }
    want(p, T_LPAREN);
    t->u.functype.params = p_param_list(p, T_RPAREN);
    t->u.functype.results = p_func_result(p);
    return t;
}

/* ---- declarations ------------------------------------------------------------------- */

typedef struct GroupCtx { Parser *p; Vec specs; int index; DeclKind kind; } GroupCtx;

static ImportSpec *p_import_spec(Parser *p) {
    ImportSpec *s = gc_alloc(sizeof *s);
    s->pos = ppos(p);
    if (p->tok.kind == T_IDENT) {
        s->name = p_name(p);
    } else if (p->tok.kind == T_PERIOD) {
        s->name = new_ident(p, ppos(p), ".");
        next(p);
    }
    if (!is_literal(p->tok.kind)) {
        syntax_error(p, "missing import path");
        advance(p, T_SEMICOLON, T_RPAREN);
        s->path = "";
        return s;
    }
    if (p->tok.kind != T_STRING) {
        syntax_error(p, "import path must be a string");
        s->path = "";
    } else {
        s->path = p->tok.val ? p->tok.val : "";
    }
    next(p);
    return s;
}

/* "=" or, with an error, ":=". */
static bool got_assign(Parser *p) {
    if (p->tok.kind == T_DEFINE) syntax_error(p, "expected =");
    if (p->tok.kind == T_DEFINE || p->tok.kind == T_ASSIGN) { next(p); return true; }
    return false;
}

static void name_list(Parser *p, Vec *names) {
    vpush(names, p_name(p));
    while (got(p, T_COMMA)) vpush(names, p_name(p));
}

static ValueSpec *p_value_spec(Parser *p, bool is_const, int iota) {
    ValueSpec *s = gc_alloc(sizeof *s);
    Vec names = {0}, values = {0};
    s->pos = ppos(p);
    s->iota = iota;
    name_list(p, &names);
    if (is_const) {
        TokKind k = p->tok.kind;
        if (k != T_EOF && k != T_SEMICOLON && k != T_RPAREN) {
            s->type = p_type_or_nil(p);
            if (got_assign(p)) p_expr_list(p, &values);
        }
    } else if (got_assign(p)) {
        p_expr_list(p, &values);
    } else {
        s->type = p_type(p);
        if (got_assign(p)) p_expr_list(p, &values);
    }
    s->names = vexprs(&names);
    s->nnames = names.n;
    s->values = vexprs(&values);
    s->nvalues = values.n;
    return s;
}

/* TypeParameters after "[" with the first name parsed: groups of
 * `names constraint` separated by commas, up to and including "]". The
 * names of one group share the constraint Expr (group_fields groups them). */
static FieldList *p_tparams(Parser *p, Expr *first) {
    PFields fs = {0};
    Expr *name = first;
    for (;;) {
        Vec names = {0};
        vpush(&names, name);
        while (got(p, T_COMMA)) {
            if (p->tok.kind != T_IDENT) break;
            vpush(&names, p_name(p));
        }
        Expr *c = p_embedded_elem(p, NULL);
        for (int i = 0; i < names.n; i++) {
            Expr *n = names.v[i];
            pf_push(&fs, n, c, NULL, n->pos);
        }
        if (!got(p, T_COMMA) || p->tok.kind != T_IDENT) break;
        name = p_name(p);
    }
    want(p, T_RBRACK);
    FieldList *fl = gc_alloc(sizeof *fl);
    *fl = group_fields(&fs);
    return fl;
}

/* Decides whether `type T[` starts type parameters (true) or an array
 * length, the way Go's parser does for the common forms; `[` consumed,
 * current token is a name. Returns the parsed length expression in *len
 * when it is an array. */
static bool tparams_or_len(Parser *p, Expr **len) {
    Expr *name = p_name(p);
    Expr *x = name;
    if (p->tok.kind != T_LBRACK) {
        p->xnest++;
        x = p_binary(p, p_pexpr(p, name, false), 0);
        p->xnest--;
    }
    *len = x;
    if (x == name) return p->tok.kind != T_RBRACK;
    bool comma = p->tok.kind == T_COMMA;
    if (x->kind == E_BINARY && x->u.binary.x == name &&
        (x->u.binary.op == T_MUL || x->u.binary.op == T_OR))
        return comma || x->u.binary.y->kind >= E_ARRAYTYPE;
    if (x->kind == E_CALL && x->u.call.fun == name && x->u.call.nargs == 1)
        return comma || x->u.call.args[0]->kind >= E_ARRAYTYPE;
    return false;
}

static TypeSpec *p_type_spec(Parser *p) {
    TypeSpec *s = gc_alloc(sizeof *s);
    s->pos = ppos(p);
    s->name = p_name(p);
    if (p->tok.kind == T_LBRACK) {
        Pos pos = ppos(p);
        next(p);
        if (p->tok.kind == T_IDENT) {
            Expr *len;
            if (tparams_or_len(p, &len)) {
                s->has_tparams = true;
                if (len->kind == E_IDENT) s->tparams = p_tparams(p, len);
                else skip_brackets(p);
                s->alias = got_assign(p);
                s->type = p_type_or_nil(p);
            } else {
                s->type = p_array_type(p, pos, len);
            }
        } else if (got(p, T_RBRACK)) {
            s->type = p_slice_type(p, pos);
        } else {
            s->type = p_array_type(p, pos, NULL);
        }
    } else {
        s->alias = got_assign(p);
        s->type = p_type_or_nil(p);
    }
    if (!s->type) {
        s->type = bad_expr(p);
        syntax_error(p, "in type declaration");
        advance(p, T_SEMICOLON, T_RPAREN);
    }
    return s;
}

static bool p_group_spec(Parser *p, void *ctx) {
    GroupCtx *g = ctx;
    switch (g->kind) {
    case D_IMPORT: vpush(&g->specs, p_import_spec(p)); break;
    case D_CONST: vpush(&g->specs, p_value_spec(p, true, g->index)); break;
    case D_VAR: vpush(&g->specs, p_value_spec(p, false, g->index)); break;
    default: vpush(&g->specs, p_type_spec(p)); break;
    }
    g->index++;
    return false;
}

/* Copies the collected spec pointers into the Decl's spec array. */
static void fill_specs(Decl *d, Vec *v) {
    int n = v->n;
    switch (d->kind) {
    case D_IMPORT: {
        ImportSpec *a = gc_alloc(sizeof *a * (size_t)(n ? n : 1));
        for (int i = 0; i < n; i++) a[i] = *(ImportSpec *)v->v[i];
        d->u.import.specs = a; d->u.import.n = n;
        break;
    }
    case D_CONST: case D_VAR: {
        ValueSpec *a = gc_alloc(sizeof *a * (size_t)(n ? n : 1));
        for (int i = 0; i < n; i++) a[i] = *(ValueSpec *)v->v[i];
        d->u.vars.specs = a; d->u.vars.n = n;
        break;
    }
    default: {
        TypeSpec *a = gc_alloc(sizeof *a * (size_t)(n ? n : 1));
        for (int i = 0; i < n; i++) a[i] = *(TypeSpec *)v->v[i];
        d->u.types.specs = a; d->u.types.n = n;
        break;
    }
    }
}

/* keyword ( spec | "(" { spec ";" } ")" ) ; the keyword is current. */
static Decl *p_decl_group(Parser *p, DeclKind kind) {
    Decl *d = ast_decl(kind, ppos(p));
    GroupCtx g = {p, {0}, 0, kind};
    next(p);
    if (got(p, T_LPAREN)) {
        p_list(p, "grouped declaration", T_SEMICOLON, T_RPAREN, p_group_spec, &g);
    } else {
        p_group_spec(p, &g);
    }
    fill_specs(d, &g.specs);
    return d;
}

static Stmt *p_func_body(Parser *p) {
    p->fnest++;
    Stmt *b = p_block(p, "");
    p->fnest--;
    return b;
}

/* The `//csp:extern` directive among the comment lines right above the
 * line of `at` (a func keyword), as Go reads //go: directives from a
 * declaration's doc comment. Fills d->u.func.ext / ext_pos. */
static void p_extern_directive(Parser *p, Decl *d, const char *at, int line) {
    static const char tag[] = "//csp:extern";
    const char *src = p->file->src, *ls = at;
    while (ls > src && ls[-1] != '\n') ls--;
    for (int l = line - 1; ls > src; l--) {
        const char *e = ls - 1;            /* the previous line's '\n' */
        ls = e;
        while (ls > src && ls[-1] != '\n') ls--;
        const char *c = ls;
        while (c < e && (*c == ' ' || *c == '\t')) c++;
        if (e - c < 2 || c[0] != '/' || c[1] != '/') return;
        size_t n = sizeof tag - 1;
        if ((size_t)(e - c) >= n && memcmp(c, tag, n) == 0 &&
            (e - c == (long)n || c[n] == ' ' || c[n] == '\t' || c[n] == '\r')) {
            d->u.func.ext = gc_strndup(c + n, (size_t)(e - c) - n);
            d->u.func.ext_pos = pos_of(p, l, (int)(c - ls) + 1);
            return;
        }
    }
}

/* FunctionDecl / MethodDecl; "func" is current. Returns NULL when there is
 * no name (after reporting). */
static Decl *p_func_decl(Parser *p) {
    Decl *d = ast_decl(D_FUNC, ppos(p));
    p_extern_directive(p, d, p->tok.start, p->tok.line);
    next(p);
    if (got(p, T_LPAREN)) {
        Pos pos = ppos(p);
        FieldList fl = p_param_list(p, T_RPAREN);
        int n = 0;
        for (int i = 0; i < fl.n; i++) n += fl.list[i].nnames ? fl.list[i].nnames : 1;
        if (n == 0) error_at(p, ppos(p), "method has no receiver");
        else if (n > 1) error_at(p, ppos(p), "method has multiple receivers");
        (void)pos;
        d->u.func.recv = gc_alloc(sizeof(FieldList));
        *d->u.func.recv = fl;
    }
    if (p->tok.kind != T_IDENT) {
        syntax_error(p, "expected name or (");
        advance(p, T_LBRACE, T_SEMICOLON);
        return NULL;
    }
    d->u.func.name = p_name(p);
    d->u.func.type = p_func_type(p, d->u.func.recv ? "method" : "", &d->u.func.has_tparams,
                                   &d->u.func.tparams);
    d->u.func.type->pos = d->pos;
    if (p->tok.kind == T_LBRACE) d->u.func.body = p_func_body(p);
    return d;
}

/* ---- statements ---------------------------------------------------------------------- */

static Stmt *new_expr_stmt(Expr *x) {
    Stmt *s = ast_stmt(S_EXPR, x->pos);
    s->u.expr.x = x;
    return s;
}

static Stmt *new_assign(Vec *lhs, TokKind op, Pos op_pos, Vec *rhs) {
    Stmt *s = ast_stmt(S_ASSIGN, vexprs(lhs)[0]->pos);
    s->u.assign.lhs = vexprs(lhs);
    s->u.assign.nlhs = lhs->n;
    s->u.assign.op = op;
    s->u.assign.op_pos = op_pos;
    s->u.assign.rhs = rhs ? vexprs(rhs) : NULL;
    s->u.assign.nrhs = rhs ? rhs->n : 0;
    return s;
}

/* range clause: `[lhs (=|:=)] range x`; "range" is current. */
static Stmt *p_range_clause(Parser *p, Vec *lhs, bool def) {
    Stmt *s = ast_stmt(S_RANGE, ppos(p));
    next(p);
    s->u.range.define = def;
    if (lhs && lhs->n > 0) s->u.range.key = vexprs(lhs)[0];
    if (lhs && lhs->n > 1) s->u.range.value = vexprs(lhs)[1];
    if (lhs && lhs->n > 2)
        error_at(p, vexprs(lhs)[2]->pos, "range clause permits at most two iteration variables");
    s->u.range.x = p_expr(p);
    return s;
}

static bool is_assign_op(TokKind k) {
    return k >= T_ADD_ASSIGN && k <= T_AND_NOT_ASSIGN;
}

/* A single expression followed by op=, ++/--, <- or nothing. */
static Stmt *p_simple_single(Parser *p, Expr *x) {
    Pos pos = ppos(p);
    TokKind k = p->tok.kind;
    if (is_assign_op(k)) {
        next(p);
        Vec lhs = {0}, rhs = {0};
        vpush(&lhs, x);
        vpush(&rhs, p_expr(p));
        return new_assign(&lhs, k, pos, &rhs);
    }
    if (k == T_INC || k == T_DEC) {
        next(p);
        Stmt *s = ast_stmt(S_INCDEC, x->pos);
        s->u.incdec.x = x;
        s->u.incdec.op = k;
        return s;
    }
    if (k == T_ARROW) {
        next(p);
        Stmt *s = ast_stmt(S_SEND, x->pos);
        s->u.send.ch = x;
        s->u.send.value = p_expr(p);
        return s;
    }
    return new_expr_stmt(x);
}

/* SimpleStmt; lhs may be pre-parsed. keyword is T_FOR (range allowed),
 * T_SWITCH, T_IF or T_EOF (none). */
static Stmt *p_simple_stmt(Parser *p, Vec *lhs, TokKind keyword) {
    Vec own = {0};
    if (keyword == T_FOR && p->tok.kind == T_RANGE) return p_range_clause(p, NULL, false);
    if (!lhs) { lhs = &own; p_expr_list(p, lhs); }
    TokKind k = p->tok.kind;
    if (lhs->n == 1 && k != T_ASSIGN && k != T_DEFINE) return p_simple_single(p, vexprs(lhs)[0]);
    if (k == T_ASSIGN || k == T_DEFINE) {
        Pos pos = ppos(p);
        next(p);
        if (keyword == T_FOR && p->tok.kind == T_RANGE)
            return p_range_clause(p, lhs, k == T_DEFINE);
        Vec rhs = {0};
        p_expr_list(p, &rhs);
        return new_assign(lhs, k, pos, &rhs);
    }
    syntax_error(p, "expected := or = or comma");
    advance(p, T_SEMICOLON, T_RBRACE);
    return new_expr_stmt(vexprs(lhs)[0]);
}

static const char *list_string(Expr *const *xs, int n) {
    const char *s = "";
    for (int i = 0; i < n; i++) s = gc_strcat3(s, i ? ", " : "", ast_expr_string(xs[i]));
    return s;
}

/* Go source of a simple statement, for "cannot use ... as value". */
static const char *stmt_string(const Stmt *s) {
    switch (s->kind) {
    case S_INCDEC:
        return gc_strcat3(ast_expr_string(s->u.incdec.x), tok_names[s->u.incdec.op], "");
    case S_SEND:
        return gc_strcat3(ast_expr_string(s->u.send.ch), " <- ",
                          ast_expr_string(s->u.send.value));
    case S_ASSIGN:
        return gc_strcat3(list_string(s->u.assign.lhs, s->u.assign.nlhs),
                          gc_strcat3(" ", tok_names[s->u.assign.op], " "),
                          list_string(s->u.assign.rhs, s->u.assign.nrhs));
    default:
        return "statement";
    }
}

/* "x = y" in a condition: Go's message parenthesizes binary operands. */
static const char *emphasize(const Expr *x) {
    const char *s = ast_expr_string(x);
    if (x->kind != E_BINARY) return s;
    size_t n = strlen(s);
    char *o = gc_alloc_atomic(n + 3);
    o[0] = '(';
    memcpy(o + 1, s, n);
    o[n + 1] = ')';
    o[n + 2] = 0;
    return o;
}

typedef struct Header {
    Stmt *init;
    Expr *cond;
    Stmt *post;
    Stmt *guard;   /* switch: `x := y.(type)` */
    Stmt *range;   /* for: the S_RANGE clause */
} Header;

static bool is_type_guard(const Expr *x) {
    return x && x->kind == E_TYPEASSERT && x->u.assert.type == NULL;
}

/* Turns the condition statement into an expression, as Go does. */
static void unpack_cond(Parser *p, Header *h, Stmt *cs, TokKind keyword) {
    if (cs->kind == S_EXPR) { h->cond = cs->u.expr.x; return; }
    if (keyword == T_SWITCH && cs->kind == S_ASSIGN && cs->u.assign.op == T_DEFINE &&
        cs->u.assign.nlhs == 1 && cs->u.assign.nrhs == 1 &&
        cs->u.assign.lhs[0]->kind == E_IDENT && is_type_guard(cs->u.assign.rhs[0])) {
        h->guard = cs;
        return;
    }
    char buf[600];
    if (cs->kind == S_ASSIGN && cs->u.assign.op == T_ASSIGN && cs->u.assign.nlhs == 1 &&
        cs->u.assign.nrhs == 1) {
        snprintf(buf, sizeof buf, "cannot use assignment %s = %s as value",
                 emphasize(cs->u.assign.lhs[0]), emphasize(cs->u.assign.rhs[0]));
    } else {
        snprintf(buf, sizeof buf, "cannot use %s as value", stmt_string(cs));
    }
    syntax_error_at(p, cs->kind == S_ASSIGN ? cs->u.assign.op_pos : cs->pos, buf);
    h->cond = ast_expr(E_BAD, cs->pos);
}

/* The for-clause part after the first ";". */
static Stmt *p_for_rest(Parser *p, Stmt **post) {
    Stmt *cs = NULL;
    if (p->tok.kind != T_SEMICOLON) {
        if (p->tok.kind == T_LBRACE) {
            syntax_error(p, "expected for loop condition");
            return NULL;
        }
        cs = p_simple_stmt(p, NULL, T_EOF);
    }
    want(p, T_SEMICOLON);
    if (p->tok.kind != T_LBRACE) {
        *post = p_simple_stmt(p, NULL, T_EOF);
        if ((*post)->kind == S_ASSIGN && (*post)->u.assign.op == T_DEFINE)
            syntax_error_at(p, (*post)->u.assign.op_pos,
                            "cannot declare in post statement of for loop");
    }
    return cs;
}

/* Header of if/switch/for: [init ;] cond [; post]. keyword is current. */
static Header p_header(Parser *p, TokKind keyword) {
    Header h = {0};
    want(p, keyword);
    if (p->tok.kind == T_LBRACE) {
        if (keyword == T_IF) {
            syntax_error(p, "missing condition in if statement");
            h.cond = bad_expr(p);
        }
        return h;
    }
    int outer = p->xnest;
    p->xnest = -1;
    if (p->tok.kind != T_SEMICOLON) {
        if (got(p, T_VAR))
            syntax_errorf(p, "var declaration not allowed in %s initializer", tok_names[keyword]);
        h.init = p_simple_stmt(p, NULL, keyword);
        if (h.init->kind == S_RANGE) {
            h.range = h.init;
            h.init = NULL;
            p->xnest = outer;
            return h;
        }
    }
    Stmt *cs = NULL;
    bool have_semi = false;
    Token semi = {0};
    if (p->tok.kind != T_LBRACE) {
        if (p->tok.kind == T_SEMICOLON) {
            have_semi = true;
            semi = p->tok;
            next(p);
        } else {
            want(p, T_LBRACE);
            if (p->tok.kind != T_LBRACE) advance(p, T_LBRACE, T_RBRACE);
        }
        if (keyword == T_FOR) cs = p_for_rest(p, &h.post);
        else if (p->tok.kind != T_LBRACE) cs = p_simple_stmt(p, NULL, keyword);
    } else {
        cs = h.init;
        h.init = NULL;
    }
    if (!cs) {
        if (keyword == T_IF && have_semi) {
            Pos sp = pos_of(p, semi.line, semi.col);
            if (semi.val && semi.val[0] == ';')
                syntax_error_at(p, sp, "missing condition in if statement");
            else
                syntax_error_at(p, sp, semi.val && semi.val[0] == '\n' ?
                    "unexpected newline, expected { after if clause" :
                    "unexpected EOF, expected { after if clause");
            h.cond = ast_expr(E_BAD, sp);
        }
    } else {
        unpack_cond(p, &h, cs, keyword);
    }
    p->xnest = outer;
    return h;
}

/* Block = "{" StatementList "}" ; context names the construct for
 * "expected { after CONTEXT". */
static Stmt *p_block(Parser *p, const char *context) {
    Stmt *b = ast_stmt(S_BLOCK, ppos(p));
    Vec list = {0};
    if (!got(p, T_LBRACE)) {
        syntax_errorf(p, "expected { after %s", context);
        advance(p, T_IDENT, T_RBRACE);
        b->u.block.rbrace = ppos(p);
        if (got(p, T_RBRACE)) return b;
    }
    p_stmt_list(p, &list);
    b->u.block.stmts = vstmts(&list);
    b->u.block.n = list.n;
    b->u.block.rbrace = ppos(p);
    want(p, T_RBRACE);
    return b;
}

static Stmt *p_for(Parser *p) {
    Pos pos = ppos(p);
    Header h = p_header(p, T_FOR);
    Stmt *body = p_block(p, "for clause");
    if (h.range) {
        h.range->pos = pos;
        h.range->u.range.body = body;
        return h.range;
    }
    Stmt *s = ast_stmt(S_FOR, pos);
    s->u.for_.init = h.init;
    s->u.for_.cond = h.cond;
    s->u.for_.post = h.post;
    s->u.for_.body = body;
    return s;
}

static Stmt *p_if(Parser *p) {
    Stmt *s = ast_stmt(S_IF, ppos(p));
    if (!enter(p)) { leave(p); return s; }
    Header h = p_header(p, T_IF);
    s->u.if_.init = h.init;
    s->u.if_.cond = h.cond;
    s->u.if_.then = p_block(p, "if clause");
    if (got(p, T_ELSE)) {
        if (p->tok.kind == T_IF) {
            s->u.if_.els = p_if(p);
        } else if (p->tok.kind == T_LBRACE) {
            s->u.if_.els = p_block(p, "");
        } else {
            syntax_error(p, "else must be followed by if or statement block");
            advance(p, T_IDENT, T_RBRACE);
        }
    }
    leave(p);
    return s;
}

/* case/default clause of a switch (comm == false) or select (true). */
static Stmt *p_clause(Parser *p, bool comm) {
    Stmt *c = ast_stmt(comm ? S_COMM : S_CASE, ppos(p));
    Vec list = {0}, body = {0};
    if (p->tok.kind == T_CASE) {
        next(p);
        if (comm) c->u.comm.comm = p_simple_stmt(p, NULL, T_EOF);
        else p_expr_list(p, &list);
    } else if (p->tok.kind == T_DEFAULT) {
        next(p);
    } else {
        syntax_error(p, "expected case or default or }");
        advance(p, T_COLON, T_CASE, T_DEFAULT, T_RBRACE);
    }
    want(p, T_COLON);
    p_stmt_list(p, &body);
    if (comm) {
        c->u.comm.body = vstmts(&body);
        c->u.comm.nbody = body.n;
        return c;
    }
    c->u.case_.list = list.n ? vexprs(&list) : NULL;
    c->u.case_.n = list.n;
    c->u.case_.body = vstmts(&body);
    c->u.case_.nbody = body.n;
    for (int i = body.n - 1; i >= 0; i--) {
        Stmt *last = vstmts(&body)[i];
        if (last->kind == S_EMPTY) continue;
        c->u.case_.fallthrough = last->kind == S_BRANCH && last->u.branch.tok == T_FALLTHROUGH;
        break;
    }
    return c;
}

/* "{" { clause } "}" after switch/select; missing "{" reported by caller. */
static Stmt *p_clauses(Parser *p, bool comm, const char *what) {
    Stmt *b = ast_stmt(S_BLOCK, ppos(p));
    Vec list = {0};
    if (!got(p, T_LBRACE)) {
        syntax_errorf(p, "missing { after %s clause", what);
        advance(p, T_CASE, T_DEFAULT, T_RBRACE);
    }
    while (p->tok.kind != T_EOF && p->tok.kind != T_RBRACE) {
        const char *before = p->tok.start;
        vpush(&list, p_clause(p, comm));
        if (p->tok.start == before && p->tok.kind != T_RBRACE) next(p);
    }
    b->u.block.stmts = vstmts(&list);
    b->u.block.n = list.n;
    b->u.block.rbrace = ppos(p);
    want(p, T_RBRACE);
    return b;
}

static Stmt *p_switch(Parser *p) {
    Pos pos = ppos(p);
    Header h = p_header(p, T_SWITCH);
    Stmt *body = p_clauses(p, false, "switch");
    if (h.guard || is_type_guard(h.cond)) {
        Stmt *s = ast_stmt(S_TYPESWITCH, pos);
        s->u.typeswitch.init = h.init;
        s->u.typeswitch.assign = h.guard ? h.guard : new_expr_stmt(h.cond);
        s->u.typeswitch.body = body;
        return s;
    }
    Stmt *s = ast_stmt(S_SWITCH, pos);
    s->u.switch_.init = h.init;
    s->u.switch_.tag = h.cond;
    s->u.switch_.body = body;
    return s;
}

static Stmt *p_select(Parser *p) {
    Stmt *s = ast_stmt(S_SELECT, ppos(p));
    next(p);
    s->u.select.body = p_clauses(p, true, "select");
    return s;
}

/* go/defer Call. */
static Stmt *p_call_stmt(Parser *p) {
    TokKind k = p->tok.kind;
    Stmt *s = ast_stmt(k == T_GO ? S_GO : S_DEFER, ppos(p));
    next(p);
    Expr *x = p_pexpr(p, NULL, p->tok.kind == T_LPAREN);
    Expr *t = ast_unparen(x);
    if (t != x) {
        error_at(p, x->pos, "expression in %s must not be parenthesized", tok_names[k]);
        x = t;
    }
    if (x->kind != E_CALL) {
        error_at(p, x->pos, "expression in %s must be function call", tok_names[k]);
        Expr *c = ast_expr(E_CALL, x->pos);
        c->u.call.fun = x;
        c->u.call.rparen = x->pos;
        x = c;
    }
    s->u.go_defer.call = x;
    return s;
}

static Stmt *p_labeled(Parser *p, Expr *label) {
    Stmt *s = ast_stmt(S_LABELED, label->pos);
    Pos colon = ppos(p);
    s->u.labeled.label = label;
    want(p, T_COLON);
    if (p->tok.kind == T_RBRACE) {
        s->u.labeled.stmt = ast_stmt(S_EMPTY, ppos(p));
        return s;
    }
    s->u.labeled.stmt = p_stmt_or_nil(p);
    if (s->u.labeled.stmt) return s;
    syntax_error_at(p, colon, "missing statement after label");
    return NULL;
}

static Stmt *p_branch(Parser *p) {
    Stmt *s = ast_stmt(S_BRANCH, ppos(p));
    TokKind k = p->tok.kind;
    s->u.branch.tok = k;
    next(p);
    if (k == T_GOTO) s->u.branch.label = p_name(p);
    else if (k != T_FALLTHROUGH && p->tok.kind == T_IDENT) s->u.branch.label = p_name(p);
    return s;
}

static Stmt *p_return(Parser *p) {
    Stmt *s = ast_stmt(S_RETURN, ppos(p));
    Vec results = {0};
    next(p);
    if (p->tok.kind != T_SEMICOLON && p->tok.kind != T_RBRACE) p_expr_list(p, &results);
    s->u.ret.results = vexprs(&results);
    s->u.ret.nresults = results.n;
    return s;
}

static Stmt *p_decl_stmt(Parser *p, DeclKind kind) {
    Stmt *s = ast_stmt(S_DECL, ppos(p));
    s->u.decl.decl = p_decl_group(p, kind);
    return s;
}

static Stmt *p_stmt_inner(Parser *p) {
    switch (p->tok.kind) {
    case T_IDENT: {
        Vec lhs = {0};
        p_expr_list(p, &lhs);
        if (lhs.n == 1 && vexprs(&lhs)[0]->kind == E_IDENT && p->tok.kind == T_COLON)
            return p_labeled(p, vexprs(&lhs)[0]);
        return p_simple_stmt(p, &lhs, T_EOF);
    }
    case T_VAR: return p_decl_stmt(p, D_VAR);
    case T_CONST: return p_decl_stmt(p, D_CONST);
    case T_TYPE: return p_decl_stmt(p, D_TYPE);
    case T_LBRACE: return p_block(p, "");
    case T_ADD: case T_SUB: case T_MUL: case T_AND: case T_XOR: case T_NOT:
    case T_INT: case T_FLOAT: case T_IMAG: case T_CHAR: case T_STRING:
    case T_FUNC: case T_LPAREN: case T_LBRACK: case T_STRUCT: case T_MAP: case T_CHAN:
    case T_INTERFACE: case T_ARROW:
        return p_simple_stmt(p, NULL, T_EOF);
    case T_FOR: return p_for(p);
    case T_SWITCH: return p_switch(p);
    case T_SELECT: return p_select(p);
    case T_IF: return p_if(p);
    case T_FALLTHROUGH: case T_BREAK: case T_CONTINUE: case T_GOTO: return p_branch(p);
    case T_GO: case T_DEFER: return p_call_stmt(p);
    case T_RETURN: return p_return(p);
    case T_SEMICOLON: return ast_stmt(S_EMPTY, ppos(p));
    default: return NULL;
    }
}

static Stmt *p_stmt_or_nil(Parser *p) {
    if (!enter(p)) { leave(p); return NULL; }
    Stmt *s = p_stmt_inner(p);
    leave(p);
    return s;
}

/* StatementList = { Statement ";" } . */
static void p_stmt_list(Parser *p, Vec *out) {
    for (;;) {
        TokKind k = p->tok.kind;
        if (k == T_EOF || k == T_RBRACE || k == T_CASE || k == T_DEFAULT) return;
        const char *before = p->tok.start;
        Stmt *s = p_stmt_or_nil(p);
        if (!s) return;
        vpush(out, s);
        if (!got(p, T_SEMICOLON) && p->tok.kind != T_RBRACE) {
            syntax_error(p, "at end of statement");
            advance(p, T_SEMICOLON, T_RBRACE, T_CASE, T_DEFAULT);
            got(p, T_SEMICOLON);
        }
        if (p->tok.start == before && p->tok.kind != T_EOF) next(p); /* progress */
    }
}

/* ---- files ----------------------------------------------------------------------------- */

static void parser_init(Parser *p, SrcFile *f, Diag *d) {
    memset(p, 0, sizeof *p);
    p->file = f;
    p->d = d;
    lex_init(&p->lx, f->src, lex_error, p);
    next(p);
}

/* The source as the lexer reads it: NUL-terminated, so a NUL byte inside
 * would end it silently. Go reports the first ("invalid NUL character";
 * later ones are dropped as repeats of the message) and skips each; csp
 * reads a blank in their place, which keeps the columns of what follows
 * (Go counts the byte too). */
static SrcFile *new_file(const char *path, const char *src, size_t len, Diag *d) {
    SrcFile *f = gc_alloc(sizeof *f);
    char *copy = gc_alloc_atomic(len + 1);
    if (len) memcpy(copy, src, len);
    copy[len] = 0;
    if (len && memchr(copy, 0, len)) {
        int line = 1;
        size_t ls = 0;
        bool nul_seen = false;
        for (size_t i = 0; i < len; i++) {
            if (copy[i] == '\n') {
                line++;
                ls = i + 1;
            } else if (copy[i] == 0) {
                if (!nul_seen)
                    diag_error_at(d, path ? path : "", line, (int)(i - ls) + 1,
                                  "invalid NUL character");
                nul_seen = true;
                copy[i] = ' ';
            }
        }
    }
    f->path = gc_strdup(path ? path : "");
    f->src = copy;
    f->len = len;
    f->pkgname = "main";
    return f;
}

static void p_package_clause(Parser *p) {
    if (p->tok.kind != T_PACKAGE) return;
    next(p);
    Expr *name = p_name(p);
    p->file->pkgname = name->u.ident.name;
    want(p, T_SEMICOLON);
}

static bool is_decl_start(TokKind k) {
    return k == T_IMPORT || k == T_CONST || k == T_TYPE || k == T_VAR || k == T_FUNC;
}

/* One top-level declaration (current token starts it). */
static Decl *p_top_decl(Parser *p) {
    switch (p->tok.kind) {
    case T_IMPORT: return p_decl_group(p, D_IMPORT);
    case T_CONST: return p_decl_group(p, D_CONST);
    case T_TYPE: return p_decl_group(p, D_TYPE);
    case T_VAR: return p_decl_group(p, D_VAR);
    default: return p_func_decl(p);
    }
}

static void file_decls(Parser *p, Vec *decls) {
    TokKind prev = T_IMPORT;
    while (p->tok.kind != T_EOF) {
        const char *before = p->tok.start;
        if (p->tok.kind == T_IMPORT && prev != T_IMPORT)
            syntax_error(p, "imports must appear before other declarations");
        prev = p->tok.kind;
        if (!is_decl_start(p->tok.kind)) {
            Decl *last = decls->n ? decls->v[decls->n - 1] : NULL;
            if (p->tok.kind == T_LBRACE && last && last->kind == D_FUNC && !last->u.func.body)
                syntax_error(p, "unexpected semicolon or newline before {");
            else
                syntax_error(p, "non-declaration statement outside function body");
            advance(p, T_IMPORT, T_CONST, T_TYPE, T_VAR, T_FUNC);
            continue;
        }
        Decl *d = p_top_decl(p);
        if (d) vpush(decls, d);
        if (p->tok.kind != T_EOF && !got(p, T_SEMICOLON)) {
            syntax_error(p, "after top level declaration");
            advance(p, T_IMPORT, T_CONST, T_TYPE, T_VAR, T_FUNC);
        }
        if (p->tok.start == before && p->tok.kind != T_EOF) next(p);
    }
}

SrcFile *parse_file(const char *path, const char *src, size_t len, Diag *d) {
    SrcFile *f = new_file(path, src, len, d);
    Parser p;
    Vec decls = {0};
    parser_init(&p, f, d);
    p_package_clause(&p);
    file_decls(&p, &decls);
    f->decls = (Decl **)decls.v;
    f->ndecls = decls.n;
    return f;
}

/* ---- REPL input --------------------------------------------------------------------- */

/* At "func": a declaration (func Name / func (recv) Name) rather than a
 * function literal expression? Looks ahead on a copy of the lexer. */
static bool func_is_decl(Parser *p) {
    Lexer save = p->lx;
    Token tok = p->tok;
    LexErrorFn fn = p->lx.error;
    p->lx.error = NULL;
    bool decl = false;
    Token t = lex_next(&p->lx);
    if (t.kind == T_IDENT) {
        decl = true;
    } else if (t.kind == T_LPAREN) {
        int depth = 1;
        while (depth > 0 && t.kind != T_EOF) {
            t = lex_next(&p->lx);
            if (t.kind == T_LPAREN) depth++;
            else if (t.kind == T_RPAREN) depth--;
        }
        /* func (r T) Name( ... is a method; func(x T) R { a literal */
        TokKind k1 = lex_next(&p->lx).kind;
        TokKind k2 = lex_next(&p->lx).kind;
        decl = k1 == T_IDENT && (k2 == T_LPAREN || k2 == T_LBRACK);
    }
    p->lx = save;
    p->lx.error = fn;
    p->tok = tok;
    return decl;
}

SrcFile *parse_repl(const char *path, const char *src, size_t len, Diag *d,
                    Stmt ***stmts, int *nstmts) {
    SrcFile *f = new_file(path, src, len, d);
    Parser p;
    Vec decls = {0}, list = {0};
    parser_init(&p, f, d);
    p_package_clause(&p);
    p.fnest = 1;
    while (p.tok.kind != T_EOF) {
        const char *before = p.tok.start;
        TokKind k = p.tok.kind;
        if (is_decl_start(k) && (k != T_FUNC || func_is_decl(&p))) {
            Decl *dd = p_top_decl(&p);
            if (dd) vpush(&decls, dd);
        } else {
            Stmt *s = p_stmt_or_nil(&p);
            if (s) {
                vpush(&list, s);
            } else {
                syntax_errorf(&p, "expected statement");
                advance1(&p);
                continue;
            }
        }
        if (p.tok.kind != T_EOF && !got(&p, T_SEMICOLON)) {
            syntax_error(&p, "at end of statement");
            advance(&p, T_SEMICOLON, T_RBRACE);
            got(&p, T_SEMICOLON);
        }
        if (p.tok.start == before && p.tok.kind != T_EOF) next(&p);
    }
    f->decls = (Decl **)decls.v;
    f->ndecls = decls.n;
    if (stmts) *stmts = vstmts(&list);
    if (nstmts) *nstmts = list.n;
    return f;
}
