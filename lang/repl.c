/*
 * repl.c — csp's interactive session (issue 5). Owns input splitting and
 * classification, the session's declarations and statement history, the
 * programs generated for each input, and the line-reading loop.
 *
 * DESIGN. The session is SOURCE plus VALUES. Declarations typed at the
 * prompt are kept as text (a redefinition replaces the earlier one of the
 * same name); a variable defined at the prompt (`x := e`, `var x = e`)
 * becomes a package-level `var x T` declaration. Each input is turned into
 * a program: every session declaration, the input's declarations, and a
 * `main` holding only the input's statements, with `x := e` rewritten to
 * `x = e`. That takes two checks: phase A checks the input as written (the
 * defines as locals of main; beside declarations, its vars at package
 * level) to learn the variables' types, phase B checks and compiles the
 * rewritten program. Its package initialisers run first, then it is handed
 * the previous program's globals by name and type (every global is a box
 * in a REPL program, so the box itself is shared), then its main: an
 * input's statements run exactly once and values persist.
 *
 * One scheduler runs for the whole session (see "running" below): each
 * input runs as the foreground goroutine, and the goroutines it starts
 * keep running, sharing the session's variables, after it ends.
 *
 * An expression statement is echoed by wrapping it in fmt.Println, which
 * prints Go's %v form; calls of the fmt print family are never wrapped, and
 * a call that has no value (phase A rejects the wrapped form) runs plain.
 * Imports are implicit: every known standard package whose name is used
 * as `name.` is imported, and Program.repl turns off the unused-import and
 * unused-variable errors.
 *
 * DEBUGGING: CSP_REPL_DEBUG=1 prints every generated program to stderr.
 *
 * ALTERNATIVE REJECTED: compiling inputs incrementally into one growing
 * CProgram (one copy of every Proto and type). A program per input keeps
 * redefinition simple — a goroutine keeps the code of the input that
 * started it — and costs about 1 ms per input.
 */
#include "repl.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "../runtime/gc.h"
#include "../runtime/race.h"
#include "../runtime/sim.h"
#include "../runtime/vm.h"
#include "../stdlib/lib.h"
#include "check.h"
#include "compile.h"
#include "constant.h"
#include "diag.h"
#include "explore.h"
#include "lex.h"
#include "load.h"
#include "parse.h"

#if defined(__has_include)
#if __has_include(<editline/readline.h>)
#define CSP_HAVE_LIBEDIT 1
#include <editline/readline.h>
#endif
#endif

#define GEN_PATH "<session>"
#define INPUT_PATH "<input>"
#define ECHO_OPEN "fmt.Println(\n"   /* see println_of */

/* ---- growable text ------------------------------------------------------- */

typedef struct Buf {
    char *s;
    size_t n, cap;
    int line;                /* line number of the next character */
} Buf;

static void buf_putn(Buf *b, const char *s, size_t n) {
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->s = gc_realloc(b->s, b->cap);
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\n')
            b->line++;
}

static void buf_puts(Buf *b, const char *s) { buf_putn(b, s, strlen(s)); }

static void buf_init(Buf *b) {
    memset(b, 0, sizeof *b);
    b->line = 1;
    buf_putn(b, "", 0);
}

/* ---- the session ----------------------------------------------------------- */

typedef struct RDecl {
    const char *name;        /* key: "f", "T", "T.M" */
    const char *text;
    bool is_var;             /* a prompt variable: `var x T` */
} RDecl;

struct Repl {
    RDecl *decls;
    int ndecls, capdecls;
    char **stmts;            /* statements run so far (phase B form) */
    int nstmts, capstmts;
    Loader loader;           /* standard packages (re-parsed per build) */
    CProgram *last;          /* program whose globals hold the session's values */
    Diag ldiag;              /* errors of the standard packages (none) */
    int procs;
    bool live;               /* the session's scheduler runs (session_start) */
    const char *redefined;   /* a declaration replaced after statements ran
                                (:write warns: they ran with the old one) */
    int wake[2];             /* pipe: the foreground goroutine ended, Ctrl-C */
    bool seeded;             /* :seed N: inputs run in the simulation */
    uint64_t seed;
};

Repl *repl_new(int procs) {
    Repl *r = gc_alloc(sizeof *r);
    diag_init(&r->ldiag);
    r->loader.diag = &r->ldiag;
    r->procs = procs;
    return r;
}

static void decl_remove(Repl *r, const char *name) {
    int j = 0;
    for (int i = 0; i < r->ndecls; i++)
        if (strcmp(r->decls[i].name, name) != 0)
            r->decls[j++] = r->decls[i];
    r->ndecls = j;
}

static void decl_add(Repl *r, const char *name, const char *text, bool is_var) {
    int before = r->ndecls;
    decl_remove(r, name);
    if (r->ndecls < before && r->nstmts > 0 && !is_var && !r->redefined)
        r->redefined = name;
    if (r->ndecls == r->capdecls) {
        r->capdecls = r->capdecls ? 2 * r->capdecls : 16;
        r->decls = gc_realloc(r->decls, r->capdecls * sizeof *r->decls);
    }
    r->decls[r->ndecls++] = (RDecl){name, text, is_var};
}

static void stmt_add(Repl *r, char *text) {
    if (r->nstmts == r->capstmts) {
        r->capstmts = r->capstmts ? 2 * r->capstmts : 16;
        r->stmts = gc_realloc(r->stmts, r->capstmts * sizeof *r->stmts);
    }
    r->stmts[r->nstmts++] = text;
}

/* ---- classification -------------------------------------------------------- */

static bool incomplete_msg(const char *m) {
    return strstr(m, "unexpected EOF") || strstr(m, "not terminated");
}

/* An input whose last line is a `//csp:extern` directive waits for the
 * declaration it belongs to. */
static bool ends_with_extern(const char *src) {
    const char *e = src + strlen(src);
    while (e > src && (e[-1] == '\n' || e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) e--;
    const char *ls = e;
    while (ls > src && ls[-1] != '\n') ls--;
    while (ls < e && (*ls == ' ' || *ls == '\t')) ls++;
    return strncmp(ls, "//csp:extern", 12) == 0;
}

ReplInput repl_classify(const char *src) {
    Diag d;
    diag_init(&d);
    Stmt **stmts;
    int n;
    parse_repl(INPUT_PATH, src, strlen(src), &d, &stmts, &n);
    if (diag_count(&d) == 0)
        return ends_with_extern(src) ? REPL_INCOMPLETE : REPL_COMPLETE;
    for (int i = 0; i < d.n; i++)
        if (incomplete_msg(d.msgs[i].msg))
            return REPL_INCOMPLETE;
    return REPL_ERROR;
}

/* ---- items: the top-level statements and declarations of one input -------- */

typedef enum ItemKind { IT_SKIP, IT_DECL, IT_VAR, IT_STMT, IT_DEFINE,
                        IT_ECHO, IT_CALL } ItemKind;

typedef struct Item {
    ItemKind kind;
    char *text;              /* padded to its column */
    int line;                /* line of its first token in the input */
    Stmt *stmt;              /* from parsing the item alone */
    Decl *decl;
    const char *name;        /* IT_DECL key */
    bool echo;               /* IT_CALL: wrap in fmt.Println */
    bool pkg_var;            /* IT_VAR beside declarations: package-level
                                in phase A (see hoist_vars) */
    char *body;              /* phase B text */
} Item;

static void lex_quiet(void *ctx, int line, int col, const char *msg) {}

/* A func item starts at the `//csp:extern` directive in the comment lines
 * just above it, if there is one (the parser reads it from there). */
static void extern_above(const char *src, const char **start, int *line, int *col) {
    const char *ls = *start;
    while (ls > src && ls[-1] != '\n') ls--;
    for (int l = *line - 1; ls > src; l--) {
        const char *e = ls - 1;
        ls = e;
        while (ls > src && ls[-1] != '\n') ls--;
        const char *c = ls;
        while (c < e && (*c == ' ' || *c == '\t')) c++;
        if (e - c < 2 || c[0] != '/' || c[1] != '/') return;
        if (strncmp(c, "//csp:extern", 12) == 0) {
            *start = c;
            *line = l;
            *col = (int)(c - ls) + 1;
            return;
        }
    }
}

/* Splits src at the semicolons (written or automatic) outside brackets and
 * outside the headers of for, if and switch (`for i := 0; i < n; i++ {`). */
static int split_items(const char *src, Item **out) {
    Lexer lx;
    lex_init(&lx, src, lex_quiet, NULL);
    bool header = false;
    int depth = 0, n = 0, cap = 8, line = 0, col = 0;
    const char *start = NULL;
    Item *items = gc_alloc(cap * sizeof *items);
    for (;;) {
        Token t = lex_next(&lx);
        bool end = t.kind == T_EOF || t.kind == T_ILLEGAL ||
                   (t.kind == T_SEMICOLON && depth == 0 && !header);
        if (end && start) {
            const char *e = t.kind == T_EOF ? src + strlen(src) : t.start;
            while (e > start && (e[-1] == ' ' || e[-1] == '\t' ||
                                 e[-1] == '\n' || e[-1] == '\r'))
                e--;
            if (n == cap)
                items = gc_realloc(items, (cap *= 2) * sizeof *items);
            Buf b;
            buf_init(&b);
            for (int i = 1; i < col; i++)
                buf_puts(&b, " ");
            buf_putn(&b, start, (size_t)(e - start));
            items[n++] = (Item){.text = b.s, .line = line};
            start = NULL;
        }
        if (t.kind == T_EOF || t.kind == T_ILLEGAL)
            break;
        if (end)
            continue;
        if (!start) {
            start = t.start;
            line = t.line;
            col = t.col;
            if (t.kind == T_FUNC)
                extern_above(src, &start, &line, &col);
        }
        if (depth == 0 && (t.kind == T_FOR || t.kind == T_IF ||
                           t.kind == T_SWITCH || t.kind == T_SELECT))
            header = true;
        if (t.kind == T_LBRACE && depth == 0)
            header = false;
        if (t.kind == T_LPAREN || t.kind == T_LBRACK || t.kind == T_LBRACE)
            depth++;
        else if ((t.kind == T_RPAREN || t.kind == T_RBRACK ||
                  t.kind == T_RBRACE) && depth > 0)
            depth--;
    }
    *out = items;
    return n;
}

static const char *ident_name(Expr *e) {
    return e && e->kind == E_IDENT ? e->u.ident.name : NULL;
}

static bool is_fmt_print(Expr *call) {
    Expr *f = call->u.call.fun;
    if (f->kind != E_SELECTOR)
        return false;
    const char *pkg = ident_name(f->u.sel.x), *sel = ident_name(f->u.sel.sel);
    if (!pkg || !sel || strcmp(pkg, "fmt") != 0)
        return false;
    return strncmp(sel, "Print", 5) == 0 || strncmp(sel, "Fprint", 6) == 0;
}

static const char *decl_key(Decl *d) {
    switch (d->kind) {
    case D_FUNC: {
        const char *name = ident_name(d->u.func.name);
        if (d->u.func.recv && d->u.func.recv->n > 0) {
            Expr *t = d->u.func.recv->list[0].type;
            if (t && t->kind == E_STAR)
                t = t->u.star.x;
            const char *tn = ident_name(t);
            return gc_strcat3(tn ? tn : "?", ".", name ? name : "?");
        }
        return name;
    }
    case D_TYPE:
        return d->u.types.n ? ident_name(d->u.types.specs[0].name) : NULL;
    case D_CONST:
    case D_VAR:
        return d->u.vars.n && d->u.vars.specs[0].nnames
                   ? ident_name(d->u.vars.specs[0].names[0]) : NULL;
    default:
        return NULL;
    }
}

/* A single `var a, b T = ...` (not a group) becomes session variables. */
static bool is_simple_var(Item *it) {
    if (it->decl->u.vars.n != 1)
        return false;
    const char *p = strstr(it->text, "var") + 3;
    while (*p == ' ' || *p == '\t')
        p++;
    return *p != '(';
}

/* Byte offset of (line, col) in text (both 1-based). */
static size_t offset_of(const char *text, int line, int col) {
    const char *p = text;
    for (int l = 1; l < line && *p; p++)
        if (*p == '\n')
            l++;
    return (size_t)(p - text) + (size_t)(col - 1);
}

/* Classifies one item by parsing it alone; false after printing an error. */
static bool item_classify(Item *it) {
    Diag d;
    diag_init(&d);
    Stmt **stmts;
    int n;
    SrcFile *f = parse_repl(INPUT_PATH, it->text, strlen(it->text), &d, &stmts, &n);
    if (diag_count(&d) > 0) {
        for (int i = 0; i < d.n; i++)
            d.msgs[i].line += it->line - 1;
        diag_print(&d, stderr);
        return false;
    }
    if (f->ndecls == 1 && n == 0) {
        it->decl = f->decls[0];
        if (it->decl->kind == D_IMPORT) {
            for (int i = 0; i < it->decl->u.import.n; i++) {
                ImportSpec *is = &it->decl->u.import.specs[i];
                if (!lib_source(is->path)) {
                    fprintf(stderr, "%s:%d:%d: package %s is not in std\n",
                            INPUT_PATH, is->pos.line + it->line - 1,
                            is->pos.col, is->path);
                    return false;
                }
            }
            it->kind = IT_SKIP;  /* imports are implicit */
            return true;
        }
        it->name = decl_key(it->decl);
        if (it->name && strcmp(it->name, "main") == 0 && it->decl->kind == D_FUNC &&
            it->decl->u.func.body) {
            /* A program's main (:load): its body runs now, as a block. */
            Pos lb = it->decl->u.func.body->pos;
            char *t = gc_strdup(it->text);
            size_t o = offset_of(t, lb.line, lb.col);
            memset(t, ' ', o);
            for (size_t i = 0; i < o; i++)
                if (it->text[i] == '\n')
                    t[i] = '\n';
            it->text = t;
            return item_classify(it);
        }
        it->kind = it->decl->kind == D_VAR && is_simple_var(it) ? IT_VAR : IT_DECL;
        return true;
    }
    if (n != 1 || f->ndecls != 0) {
        it->kind = IT_SKIP;     /* a package clause, an empty statement */
        return true;
    }
    Stmt *s = it->stmt = stmts[0];
    if (s->kind == S_EMPTY)
        it->kind = IT_SKIP;
    else if (s->kind == S_ASSIGN && s->u.assign.op == T_DEFINE)
        it->kind = IT_DEFINE;
    else if (s->kind == S_EXPR) {
        Expr *x = ast_unparen(s->u.expr.x);
        it->kind = x->kind != E_CALL ? IT_ECHO : IT_CALL;
        it->echo = x->kind == E_CALL && !is_fmt_print(x);
    } else
        it->kind = IT_STMT;
    return true;
}

/* ---- generating programs ---------------------------------------------------- */

typedef struct Seg {
    int gen_line, nlines, input_line;
} Seg;

typedef struct Gen {
    Buf b;
    Seg *segs;
    int nsegs;
} Gen;

/* The standard packages a name typed at the prompt may mean: every
 * package in the stdlib tree (stdlib/lib.h), by the last element of its
 * import path. Where two share a name, the one a learner means is listed
 * here and wins; otherwise the first in the tree's (sorted) order. */
static const char *const preferred[] = {"math/rand", NULL};

static const char *last_elem(const char *path) {
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* The import path of standard package [name] ([len] bytes), or NULL. */
static const char *std_path(const char *name, size_t len) {
    for (int i = 0; preferred[i]; i++) {
        const char *e = last_elem(preferred[i]);
        if (strlen(e) == len && memcmp(e, name, len) == 0)
            return preferred[i];
    }
    for (const LibSource *l = lib_sources; l->path; l++) {
        const char *e = last_elem(l->path);
        if (strlen(e) == len && memcmp(e, name, len) == 0 &&
            !strstr(l->path, "internal"))
            return l->path;
    }
    return NULL;
}

/* `package main; import (...)` on one line for every standard package
 * named as `name.` in body. */
static char *header(const char *body) {
    const char **used = NULL;   /* import paths, once each */
    int nused = 0;
    Lexer lx;
    lex_init(&lx, body, lex_quiet, NULL);
    Token prev = {0};
    for (;;) {
        Token t = lex_next(&lx);
        if (t.kind == T_EOF || t.kind == T_ILLEGAL)
            break;
        const char *path = t.kind == T_PERIOD && prev.kind == T_IDENT
                               ? std_path(prev.start, prev.len)
                               : NULL;
        int i = 0;
        while (path && i < nused && used[i] != path)
            i++;
        if (path && i == nused) {
            used = gc_realloc(used, (nused + 1) * sizeof *used);
            used[nused++] = path;
        }
        prev = t;
    }
    Buf b;
    buf_init(&b);
    buf_puts(&b, "package main; import (");
    for (int i = 0; i < nused; i++)
        buf_puts(&b, gc_strcat3("\"", used[i], "\"; "));
    buf_puts(&b, ")\n");
    return b.s;
}

static void gen_item(Gen *g, const char *text, int input_line) {
    if (strncmp(text, ECHO_OPEN, strlen(ECHO_OPEN)) == 0) {
        buf_puts(&g->b, ECHO_OPEN);
        text += strlen(ECHO_OPEN);
    }
    g->segs = gc_realloc(g->segs, (g->nsegs + 1) * sizeof *g->segs);
    Seg *s = &g->segs[g->nsegs++];
    s->gen_line = g->b.line;
    s->input_line = input_line;
    buf_puts(&g->b, text);
    buf_puts(&g->b, "\n");
    s->nlines = g->b.line - s->gen_line;
}

static bool replaced(Item *items, int n, const char *name, const char **extra,
                     int nextra) {
    for (int i = 0; i < n; i++)
        if (items[i].kind == IT_DECL && items[i].name &&
            strcmp(items[i].name, name) == 0)
            return true;
    for (int i = 0; i < nextra; i++)
        if (strcmp(extra[i], name) == 0)
            return true;
    return false;
}

/* The program text: session declarations not replaced by this input, the
 * new variables (vars[i] declared as vtypes[i]), the input's declarations,
 * and main holding body[i] for each statement item (NULL: none). */
static char *gen_program(Repl *r, Item *items, int n, const char **vars,
                         const char **vtypes, int nvars, char **body, Gen *g) {
    memset(g, 0, sizeof *g);
    buf_init(&g->b);
    g->b.line = 2;           /* after the header line */
    for (int i = 0; i < r->ndecls; i++)
        if (!replaced(items, n, r->decls[i].name, vars, nvars)) {
            buf_puts(&g->b, r->decls[i].text);
            buf_puts(&g->b, "\n");
        }
    for (int i = 0; i < nvars; i++)
        buf_puts(&g->b, gc_strcat3("var ", vars[i], gc_strcat3(" ", vtypes[i], "\n")));
    for (int i = 0; i < n; i++)
        if (items[i].kind == IT_DECL || (!vars && items[i].pkg_var))
            gen_item(g, items[i].text, items[i].line);
    buf_puts(&g->b, "func main() {\n");
    for (int i = 0; body && i < n; i++)
        if (body[i])
            gen_item(g, body[i], items[i].line);
    buf_puts(&g->b, "}\n");
    return gc_strcat3(header(g->b.s), g->b.s, "");
}

/* Moves error positions inside the input's items back to the input. */
static void remap_diag(Diag *d, Gen *g) {
    for (int i = 0; i < d->n; i++) {
        DiagMsg *m = &d->msgs[i];
        if (!m->file || strcmp(m->file, GEN_PATH) != 0)
            continue;
        for (int s = 0; s < g->nsegs; s++)
            if (m->line >= g->segs[s].gen_line &&
                m->line < g->segs[s].gen_line + g->segs[s].nlines) {
                m->line = g->segs[s].input_line + m->line - g->segs[s].gen_line;
                m->file = INPUT_PATH;
                break;
            }
    }
}

/* Parses and checks src (and compiles it when cp is non-NULL). Returns the
 * main package, or NULL after printing the errors when print is set. */
static Package *build(Repl *r, const char *src, Gen *g, bool print,
                      CProgram **cp) {
    Diag d;
    diag_init(&d);
    r->loader.n = 0;  /* a package checked once is not listed again in
                      Program.pkgs: parse the standard ones afresh */
    if (getenv("CSP_REPL_DEBUG"))
        fprintf(stderr, "---- generated\n%s----\n", src);
    Package *p = load_package_new("main", parse_file(GEN_PATH, src, strlen(src), &d));
    const char *noffi = getenv("CSP_NO_FFI"); /* csp -no-ffi sets it */
    Program prog = {.main = p, .diag = &d, .load = load_std, .load_ctx = &r->loader,
                    .repl = true, .sched_points = r->seeded,
                    .no_ffi = noffi && *noffi && strcmp(noffi, "0") != 0};
    if (diag_count(&d) == 0 && check_program(&prog) && diag_count(&d) == 0 &&
        cp)
        *cp = comp_program(&prog, &d);
    if (diag_count(&d) > 0) {
        if (print) {
            remap_diag(&d, g);
            diag_print(&d, stderr);
        }
        return NULL;
    }
    return p;
}

static Stmt **main_body(Package *p, int *n) {
    SrcFile *f = p->files[0];
    for (int i = 0; i < f->ndecls; i++) {
        Decl *d = f->decls[i];
        const char *name = d->kind == D_FUNC ? ident_name(d->u.func.name) : NULL;
        if (name && strcmp(name, "main") == 0 && !d->u.func.recv) {
            *n = d->u.func.body->u.block.n;
            return d->u.func.body->u.block.stmts;
        }
    }
    *n = 0;
    return NULL;
}

static char *unpadded(const char *s) {
    while (*s == ' ' || *s == '\t')
        s++;
    return (char *)s;
}

/* The echo of an expression: on its own lines so that error columns stay
 * those of the input (gen_item keeps the first line out of the segment). */
static char *println_of(const char *text) {
    return gc_strcat3(ECHO_OPEN, text, ")");
}

/* The same on one line, for the history that :write saves. */
static char *println_line(const char *text) {
    return gc_strcat3("fmt.Println(", unpadded(text), ")");
}

/* Phase A text of item i: echo items wrapped, calls wrapped when `wrap`. */
static char *phase_a_text(Item *it, bool wrap) {
    switch (it->kind) {
    case IT_ECHO: return println_of(it->text);
    case IT_CALL: return wrap && it->echo ? println_of(it->text) : it->text;
    case IT_VAR: return it->pkg_var ? NULL : it->text;
    case IT_STMT: case IT_DEFINE: return it->text;
    default: return NULL;
    }
}

/* ---- phase B rewriting -------------------------------------------------------- */

typedef struct Vars {
    const char **names, **types;
    int n;
} Vars;

static void vars_add(Vars *v, const char *name, Type *t) {
    if (!name || strcmp(name, "_") == 0 || !t)
        return;
    const char *ts = type_string_rel(t, "main", 0);
    for (int i = 0; i < v->n; i++)
        if (strcmp(v->names[i], name) == 0) {
            v->types[i] = ts;
            return;
        }
    v->names = gc_realloc(v->names, (v->n + 1) * sizeof *v->names);
    v->types = gc_realloc(v->types, (v->n + 1) * sizeof *v->types);
    v->names[v->n] = name;
    v->types[v->n++] = ts;
}


/* `a, b := e` -> `a, b  = e` (op_pos from the item parsed alone); tidy:
 * `a, b = e`, for the history (columns after the operator move). */
static char *define_to_assign(Item *it, bool tidy) {
    char *s = gc_strdup(it->text);
    size_t o = offset_of(s, it->stmt->u.assign.op_pos.line,
                         it->stmt->u.assign.op_pos.col);
    if (o + 1 < strlen(s) && s[o] == ':' && s[o + 1] == '=') {
        if (tidy)
            memmove(s + o, s + o + 1, strlen(s + o));
        else
            s[o] = ' ';
    }
    return s;
}

/* `var a, b T = e` -> `a, b = e`; `var a T` -> `a = *new(T)`. */
static char *var_to_assign(Item *it, Vars *v) {
    ValueSpec *vs = &it->decl->u.vars.specs[0];
    Buf b;
    buf_init(&b);
    for (int j = 0; j < vs->nnames; j++)
        buf_puts(&b, gc_strcat3(j ? ", " : "", ident_name(vs->names[j]), ""));
    if (vs->nvalues == 0) {
        const char *t = NULL;
        for (int i = 0; i < v->n; i++)
            if (strcmp(v->names[i], ident_name(vs->names[0])) == 0)
                t = v->types[i];
        if (!t || vs->nnames != 1)
            return NULL;
        buf_puts(&b, gc_strcat3(" = *new(", t, ")"));
        return b.s;
    }
    Lexer lx;
    lex_init(&lx, it->text, lex_quiet, NULL);
    int depth = 0;
    for (;;) {
        Token t = lex_next(&lx);
        if (t.kind == T_EOF || t.kind == T_ILLEGAL)
            return NULL;
        if (t.kind == T_LPAREN || t.kind == T_LBRACK || t.kind == T_LBRACE)
            depth++;
        else if (t.kind == T_RPAREN || t.kind == T_RBRACK || t.kind == T_RBRACE)
            depth--;
        else if (t.kind == T_ASSIGN && depth == 0) {
            buf_puts(&b, " =");
            buf_puts(&b, t.start + 1);
            return b.s;
        }
    }
}

/* Types of the variables the input defines at top level, from phase A. */
static void collect_vars(Package *pa, Item *items, int n, Stmt **body, int nbody,
                         Vars *v) {
    for (int i = 0; i < n; i++) {
        if (!items[i].pkg_var)
            continue;
        Decl *d = items[i].decl;
        for (int j = 0; j < d->u.vars.specs[0].nnames; j++) {
            const char *name = ident_name(d->u.vars.specs[0].names[j]);
            Object *o = name ? check_lookup(pa, name) : NULL;
            if (o && o->kind == OBJ_VAR)
                vars_add(v, name, o->type);
        }
    }
    int k = 0;
    for (int i = 0; i < n && k < nbody; i++) {
        if (!phase_a_text(&items[i], false))
            continue;
        Stmt *s = body[k++];
        if (items[i].kind == IT_DEFINE && s->kind == S_ASSIGN) {
            for (int j = 0; j < s->u.assign.nlhs; j++) {
                Expr *e = s->u.assign.lhs[j];
                if (e->kind == E_IDENT && e->u.ident.obj)
                    vars_add(v, e->u.ident.name, e->u.ident.obj->type);
            }
        } else if (items[i].kind == IT_VAR && s->kind == S_DECL && !items[i].pkg_var) {
            ValueSpec *vs = &s->u.decl.decl->u.vars.specs[0];
            for (int j = 0; j < vs->nnames && vs->objs; j++)
                if (vs->objs[j])
                    vars_add(v, vs->objs[j]->name, vs->objs[j]->type);
        }
    }
}

/* ---- running ------------------------------------------------------------------- */

/* One scheduler runs for the whole session (vm_session_*): each input's
 * initialisers, then its statements, run as the foreground goroutine
 * while the REPL thread waits on Repl.wake; goroutines an input starts
 * keep running after it. Every scalar global lives in a box in a REPL
 * program (compile_int.h), and carry_globals hands the new program the
 * boxes of the previous one, so old goroutines and new code share the
 * variables.
 *
 * THE TERMINAL (interactive sessions): fds 1 and 2 are a pipe that only
 * the REPL thread reads (term.out), copying it to the terminal
 * (term.fd), so output of background goroutines that arrives while a
 * line is being edited is put above it and the line redrawn. Ctrl-C's
 * handler only sets sigint_seen and writes to the wake pipe. */
static struct {
    bool on;                 /* interactive: the pipe is in place */
    int fd;                  /* the terminal (a dup of the original fd 1) */
    int out;                 /* read end of the output pipe (non-blocking) */
    bool at_prompt;          /* the line editor shows a prompt */
} term = {.fd = -1, .out = -1};

static volatile sig_atomic_t sigint_seen;
static volatile int sig_wake_fd = -1;

static void on_sigint(int sig) {
    sigint_seen = 1;
    sim_interrupt(); /* a seeded input stops (async-signal-safe) */
    if (sig_wake_fd >= 0) {
        ssize_t n = write(sig_wake_fd, "", 1);
        (void)n;
    }
}

static void write_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t k = write(fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return;
        p += k;
        n -= (size_t)k;
    }
}

/* Copies what is in the output pipe to the terminal. at_prompt: erase
 * the line being edited before the first byte. Returns 0 when nothing was
 * copied, else 1, or 2 when the output did not end a line. */
static int copy_output(bool at_prompt) {
    char buf[4096];
    int copied = 0;
    ssize_t k;
    while ((k = read(term.out, buf, sizeof buf)) > 0 || (k < 0 && errno == EINTR)) {
        if (k <= 0)
            continue;
        if (at_prompt && !copied)
            write_all(term.fd, "\r\033[K", 4);
        write_all(term.fd, buf, (size_t)k);
        copied = buf[k - 1] == '\n' ? 1 : 2;
    }
    return copied;
}

/* Copies what the program and the REPL wrote to the terminal. At the
 * prompt the line being edited is erased first and redrawn after. */
static void pump_output(void) {
    if (!term.on)
        return;
    fflush(stdout);
    fflush(stderr);
    int copied = copy_output(term.at_prompt);
#ifdef CSP_HAVE_LIBEDIT
    if (copied && term.at_prompt) {
        if (copied == 2)
            write_all(term.fd, "\n", 1);
        rl_forced_update_display();
    }
#endif
}

/* vm_exit (os.Exit, a fatal error, SIGQUIT), on any thread: the last
 * output reaches the screen and the terminal leaves the line editor's
 * mode. Touches only the pipe, the terminal and saved_tty (set before any
 * goroutine runs). */
static struct termios saved_tty;

static void exit_hook(void) {
    copy_output(false);
    tcsetattr(term.fd, TCSANOW, &saved_tty);
}

static void drain(int fd) {
    char buf[64];
    while (read(fd, buf, sizeof buf) > 0) {
    }
}

static int64_t now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Waits for the foreground goroutine, copying output meanwhile. Ctrl-C
 * interrupts it (waking it if it sleeps); if it is blocked otherwise and
 * does not answer within INTERRUPT_MS, it is abandoned (it ends when it
 * wakes). Returns its VM_FG_* end. */
enum { INTERRUPT_MS = 250 };

typedef struct PollArgs {
    struct pollfd *fds;
    nfds_t n;
    int ms;
} PollArgs;

static void *poll_fds(void *arg) {
    PollArgs *a = arg;
    poll(a->fds, a->n, a->ms);
    return NULL;
}

/* poll(2) as a wait the collector need not stop (gc_blocking): the REPL
 * thread is known to libgc, and under TSan a collection waits for it. */
static void poll_blocked(struct pollfd *fds, nfds_t n, int ms) {
    PollArgs a = {fds, n, ms};
    gc_blocking(poll_fds, &a);
}

static int fg_wait(Repl *r) {
    int64_t intr_at = 0;
    for (;;) {
        int st = vm_session_state();
        if (st != VM_FG_RUNNING) {
            pump_output();
            return st;
        }
        struct pollfd fds[2] = {{r->wake[0], POLLIN, 0}, {term.out, POLLIN, 0}};
        poll_blocked(fds, term.on ? 2 : 1, intr_at ? 50 : -1);
        drain(r->wake[0]);
        pump_output();
        if (sigint_seen) {
            sigint_seen = 0;
            if (!intr_at) {
                if (term.on)
                    write_all(term.fd, "\n", 1); /* after the echoed ^C */
                vm_session_interrupt();
                int64_t goid;
                GSched *g = vm_session_fg(&goid);
                time_wake_sleeper(g, goid);
                intr_at = now_ms();
            }
        }
        if (intr_at && now_ms() - intr_at >= INTERRUPT_MS &&
            vm_session_state() == VM_FG_RUNNING) {
            int64_t id = vm_session_abandon();
            if (id) {
                pump_output();
                fprintf(stderr, "interrupted: goroutine %lld is blocked; it ends "
                        "when it wakes\n", (long long)id);
                pump_output();
                return VM_FG_INTERRUPTED;
            }
        }
    }
}

static void session_start(Repl *r) {
    if (r->live)
        return;
    if (pipe2(r->wake, O_CLOEXEC | O_NONBLOCK) != 0) {
        perror("csp: pipe");
        exit(2);
    }
    vm_session_start(r->procs, r->wake[1]);
    r->live = true;
}

/* Hands cp the session's variables: every global of the previous program
 * with the same name and type (standard packages' too, so context.Canceled
 * stays one value) is the same box in cp. */
static void carry_globals(CProgram *from, CProgram *to) {
    if (!from)
        return;
    for (int i = 0; i < to->nglobals; i++) {
        GlobalInfo *gi = &to->ginfo[i];
        for (int j = 0; j < from->nglobals; j++) {
            GlobalInfo *gj = &from->ginfo[j];
            if (strcmp(gi->name, gj->name) == 0 && gi->type->size == gj->type->size &&
                strcmp(type_string(gi->type), type_string(gj->type)) == 0) {
                to->globals[i] = from->globals[j];
                break;
            }
        }
    }
}

/* :seed N. The input runs in the simulation (runtime/sim.h) on this
 * thread, seeded with N: its initialisers, then (with the session's
 * variables handed over) its main. The simulation has no threads, so the
 * session's scheduler is stopped while seeded (:seed ends its goroutines,
 * as :reset does). The simulation keeps its own goroutines, timers and
 * clock from one input to the next (SimConfig.keep), but runs only while
 * an input runs: between seeded inputs time stands still. Output goes
 * straight to the terminal (nothing runs concurrently to interleave
 * with); Ctrl-C stops the run (sim_interrupt). */
static int run_seeded(Repl *r, CProgram *cp, CProgram *part, bool inits) {
    SimConfig c = {.seed = r->seed, .procs = explore_sim_procs(r->procs),
                   .keep = true};
    sim_setup(&c);
    *part = *cp;
    if (inits)
        part->main = NULL;
    else
        part->ninits = 0;
    int saved1 = -1, saved2 = -1;
    if (term.on) {
        fflush(stdout);
        fflush(stderr);
        saved1 = dup(1);
        saved2 = dup(2);
        dup2(term.fd, 1);
        dup2(term.fd, 2);
    }
    int st = vm_run_main(part, c.procs);
    fflush(stdout);
    fflush(stderr);
    if (term.on) {
        dup2(saved1, 1);
        dup2(saved2, 2);
        close(saved1);
        close(saved2);
    }
    const SimResult *res = sim_result();
    if (res->end == SIM_TIMEOUT)
        fprintf(stderr, "interrupted\n");
    else if (res->end == SIM_EXIT && res->code != 0)
        fprintf(stderr, "exit status %d\n", res->code);
    return st == 0 && res->end == SIM_OK ? 0 : 2;
}

static int run_program_seeded(Repl *r, CProgram *cp) {
    /* The halves outlive the input: its goroutines point to them. */
    CProgram *inits = gc_alloc(sizeof *inits), *main = gc_alloc(sizeof *main);
    if (cp->ninits > 0 && run_seeded(r, cp, inits, true) != 0)
        return 2;
    carry_globals(r->last, cp);
    r->last = cp;
    return cp->main ? run_seeded(r, cp, main, false) : 0;
}

/* Runs cp's initialisers, hands it the session's variables, then runs its
 * main. Returns 0, or 2 after a panic, deadlock or interrupt. */
static int run_program(Repl *r, CProgram *cp) {
    if (r->seeded)
        return run_program_seeded(r, cp);
    session_start(r);
    fflush(stdout);
    fflush(stderr);
    int st = VM_FG_DONE;
    if (cp->ninits > 0) {
        vm_session_go(cp, cp->inits, cp->ninits);
        st = fg_wait(r);
    }
    if (st != VM_FG_DONE)
        return 2;
    carry_globals(r->last, cp);
    r->last = cp;
    if (cp->main) {
        vm_session_go(cp, &cp->main, 1);
        st = fg_wait(r);
    }
    fflush(stdout);
    fflush(stderr);
    return st == VM_FG_DONE ? 0 : 2;
}

void repl_end(Repl *r) {
    if (!r->live)
        return;
    vm_session_end();
    close(r->wake[0]);
    close(r->wake[1]);
    r->live = false;
}

/* ---- evaluating one input -------------------------------------------------------- */

/* Phase A: checks the input as written; fills the echo decisions. */
static Package *phase_a(Repl *r, Item *items, int n) {
    for (int attempt = 0; attempt < 2; attempt++) {
        char **body = gc_alloc(n * sizeof *body);
        bool any_wrap = false;
        for (int i = 0; i < n; i++) {
            body[i] = phase_a_text(&items[i], attempt == 0);
            any_wrap |= items[i].kind == IT_CALL && items[i].echo;
        }
        Gen g;
        char *src = gen_program(r, items, n, NULL, NULL, 0, body, &g);
        bool last = attempt == 1 || !any_wrap;
        Package *p = build(r, src, &g, last, NULL);
        if (p) {
            if (attempt == 1)
                for (int i = 0; i < n; i++)
                    if (items[i].kind == IT_CALL)
                        items[i].echo = false;
            return p;
        }
        if (last)
            return NULL;
    }
    return NULL;
}

static bool echo_big_constant(Repl *r, const char *expr);

/* An input with declarations (a :load file, `var n = 3; func f() int {
 * return n }`): its vars are package-level while phase A checks it, so
 * the functions see them, and are assigned first, before the other
 * statements, as Go initialises package variables before main. */
static void hoist_vars(Item *items, int n) {
    bool decls = false;
    for (int i = 0; i < n; i++)
        decls |= items[i].kind == IT_DECL;
    if (!decls)
        return;
    Item *tmp = gc_alloc((size_t)n * sizeof *tmp);
    int k = 0;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < n; i++)
            if ((items[i].kind == IT_VAR) == (pass == 0)) {
                tmp[k] = items[i];
                tmp[k++].pkg_var = pass == 0;
            }
    memcpy(items, tmp, (size_t)n * sizeof *items);
}

static void eval_items(Repl *r, Item *items, int n) {
    if (n == 1 && items[0].kind == IT_ECHO && echo_big_constant(r, items[0].text))
        return;
    hoist_vars(items, n);
    bool has_body = false;
    for (int i = 0; i < n; i++)
        has_body |= phase_a_text(&items[i], false) != NULL || items[i].kind == IT_VAR;
    Vars v = {0};
    if (has_body) {
        Package *pa = phase_a(r, items, n);
        if (!pa)
            return;
        int nbody;
        Stmt **sb = main_body(pa, &nbody);
        collect_vars(pa, items, n, sb, nbody, &v);
    }
    char **body = gc_alloc(n * sizeof *body);
    for (int i = 0; i < n; i++) {
        Item *it = &items[i];
        switch (it->kind) {
        case IT_DEFINE: body[i] = define_to_assign(it, false); break;
        case IT_VAR: body[i] = var_to_assign(it, &v); break;
        case IT_ECHO: body[i] = println_of(it->text); break;
        case IT_CALL: body[i] = it->echo ? println_of(it->text) : it->text; break;
        case IT_STMT: body[i] = it->text; break;
        default: body[i] = NULL;
        }
    }
    Gen g;
    char *src = gen_program(r, items, n, v.names, v.types, v.n, body, &g);
    CProgram *cp = NULL;
    if (!build(r, src, &g, true, &cp) || !cp)
        return;
    /* Commit the declarations, then run. */
    for (int i = 0; i < v.n; i++)
        decl_add(r, v.names[i],
                 gc_strcat3("var ", v.names[i], gc_strcat3(" ", v.types[i], "")), true);
    for (int i = 0; i < n; i++)
        if (items[i].kind == IT_DECL && items[i].name)
            decl_add(r, items[i].name, unpadded(items[i].text), false);
        else if (items[i].kind == IT_DECL)
            decl_add(r, gc_strdup("?"), unpadded(items[i].text), false);
    if (!has_body) {
        return;
    }
    if (run_program(r, cp) != 0)
        return;  /* a panic or deadlock: :write leaves the input out */
    for (int i = 0; i < n; i++)
        if (body[i] && strncmp(body[i], ECHO_OPEN, strlen(ECHO_OPEN)) == 0)
            stmt_add(r, println_line(items[i].text));
        else if (items[i].kind == IT_DEFINE)
            stmt_add(r, unpadded(define_to_assign(&items[i], true)));
        else if (body[i])
            stmt_add(r, unpadded(body[i]));
}

/* `var ( a = 1; b = f() )` becomes one `var` item per line of the
 * group, so each becomes a session variable assigned once, as a single
 * `var` is (a group kept as a declaration would run f() every input). */
static int split_var_groups(Item **itemsp, int n) {
    Item *in = *itemsp, *out = gc_alloc(sizeof *out);
    int nout = 0;
    for (int i = 0; i < n; i++) {
        Item *it = &in[i];
        int nspecs = it->kind == IT_DECL && it->decl->kind == D_VAR
                         ? it->decl->u.vars.n : 0;
        out = gc_realloc(out, (size_t)(nout + (nspecs ? nspecs : 1)) * sizeof *out);
        if (!nspecs) {
            out[nout++] = *it;
            continue;
        }
        const char *end = strrchr(it->text, ')');
        for (int k = 0; k < nspecs; k++) {
            ValueSpec *vs = &it->decl->u.vars.specs[k];
            size_t a = offset_of(it->text, vs->pos.line, vs->pos.col);
            size_t b = k + 1 < nspecs ? offset_of(it->text, vs[1].pos.line, vs[1].pos.col)
                                      : (size_t)(end - it->text);
            char *spec = gc_strdup(it->text + a);
            spec[b - a] = 0;
            Item sub = {.text = gc_strcat3("var ", spec, ""),
                        .line = it->line + vs->pos.line - 1};
            if (!item_classify(&sub))
                return n; /* cannot happen: the group parsed */
            out[nout++] = sub;
        }
    }
    *itemsp = out;
    return nout;
}

static void eval_code(Repl *r, const char *src) {
    Diag d;
    diag_init(&d);
    Stmt **stmts;
    int ns;
    parse_repl(INPUT_PATH, src, strlen(src), &d, &stmts, &ns);
    if (diag_count(&d) > 0) {
        diag_print(&d, stderr);
        return;
    }
    Item *items;
    int n = split_items(src, &items);
    for (int i = 0; i < n; i++)
        if (!item_classify(&items[i]))
            return;
    n = split_var_groups(&items, n);
    eval_items(r, items, n);
}

/* ---- commands ------------------------------------------------------------------- */

static const char help_text[] =
    "Type Go statements, declarations or expressions; expressions print\n"
    "their value. Imports are implicit (fmt.Println(1) just works).\n"
    "Commands:\n"
    "  :help            this text\n"
    "  :quit            leave (also Ctrl-D)\n"
    "  :reset           forget every declaration and variable\n"
    "  :list            the session's declarations\n"
    "  :type EXPR       the type of an expression\n"
    "  :doc PKG[.NAME]  a built-in package's members, or one's signature\n"
    "  :load FILE.csp   evaluate a file's declarations and statements\n"
    "  :write FILE.csp  save the session as a runnable program\n"
    "  :disasm NAME     bytecode of a function\n"
    "  :goroutines      the live goroutines and what each waits for\n"
    "  :procs N         number of Ps (runtime.GOMAXPROCS)\n"
    "  :race on|off     the data-race detector for the inputs that follow\n"
    "  :seed N          run the next inputs deterministically, seeded with N,\n"
    "                   in virtual time (:seed off: the ordinary scheduler)\n"
    "  :explore [FLAGS] csp explore the program :write would save\n"
    "Goroutines started at the prompt keep running between inputs.\n"
    "Ctrl-C interrupts the running input; :reset also ends the goroutines\n"
    "(a blocked one when it wakes).\n";

void repl_write_program(Repl *r, FILE *out) {
    Buf b;
    buf_init(&b);
    for (int i = 0; i < r->ndecls; i++)
        buf_puts(&b, gc_strcat3(r->decls[i].text, "\n", ""));
    buf_puts(&b, "\nfunc main() {\n");
    for (int i = 0; i < r->nstmts; i++)
        for (const char *c = r->stmts[i]; ; c++) { /* indented one level */
            const char *nl = strchr(c, '\n');
            buf_puts(&b, "\t");
            buf_putn(&b, c, nl ? (size_t)(nl - c) : strlen(c));
            buf_puts(&b, "\n");
            if (!nl)
                break;
            c = nl;
        }
    buf_puts(&b, "}\n");
    char *h = header(b.s);
    /* One import per line reads better in a saved file. */
    fputs("package main\n\n", out);
    const char *p = strchr(h, '(');
    if (p && p[1] != ')') {
        fputs("import (\n", out);
        for (p++; *p == '"'; ) {
            const char *e = strchr(p + 1, '"');
            fprintf(out, "\t%.*s\n", (int)(e - p + 1), p);
            p = e + 3;
        }
        fputs(")\n\n", out);
    }
    fputs(b.s, out);
}

/* The one statement `text` in main, checked (NULL on errors). */
static Stmt *checked_stmt(Repl *r, const char *text, bool print) {
    Item it = {.kind = IT_STMT, .text = (char *)text, .line = 1};
    Gen g;
    char *body[1] = {it.text};
    char *src = gen_program(r, &it, 1, NULL, NULL, 0, body, &g);
    Package *p = build(r, src, &g, print, NULL);
    if (!p)
        return NULL;
    int n;
    Stmt **sb = main_body(p, &n);
    return n == 1 ? sb[0] : NULL;
}

/* expr as a constant declaration's object (NULL if not constant): its own
 * type, untyped included, and its exact value. */
static Object *const_of(Repl *r, const char *expr) {
    Stmt *st = checked_stmt(r, gc_strcat3("const typeOf = (", expr, ")"), false);
    if (!st || st->kind != S_DECL)
        return NULL;
    ValueSpec *vs = &st->u.decl.decl->u.vars.specs[0];
    return vs->objs ? vs->objs[0] : NULL;
}

/* :type EXPR: a constant keeps its own type (`:type 1 << 3` is untyped
 * int, as for a const declaration); any other is its value's type. */
static void cmd_type(Repl *r, const char *expr) {
    Object *o = const_of(r, expr);
    Type *t = o ? o->type : NULL;
    if (!t) {
        Stmt *st = checked_stmt(r, gc_strcat3("_ = (", expr, ")"), true);
        t = st && st->kind == S_ASSIGN ? st->u.assign.rhs[0]->type : NULL;
    }
    if (t)
        printf("%s\n", type_string_rel(t, "main", 0));
}

/* A bare untyped constant that its default type cannot hold (1 << 70)
 * cannot be printed as a value: it prints exactly, with its type, as Go's
 * messages show constants. Returns whether it did. */
static bool echo_big_constant(Repl *r, const char *expr) {
    Object *o = const_of(r, expr);
    if (!o || !type_is_untyped(o->type))
        return false;
    Kind k = o->type->kind;
    Type *def = type_basic(k == K_UNTYPED_INT ? K_INT : k == K_UNTYPED_RUNE ? K_INT32
                           : k == K_UNTYPED_FLOAT ? K_FLOAT64 : K_BOOL);
    ConstVal out;
    if ((k != K_UNTYPED_INT && k != K_UNTYPED_RUNE && k != K_UNTYPED_FLOAT) ||
        cv_represent(o->val, def, &out) == CVR_OK)
        return false;
    printf("%s (%s constant)\n", cv_string(o->val), type_string(o->type));
    return true;
}

static void cmd_disasm(Repl *r, const char *name) {
    Gen g;
    char *src = gen_program(r, NULL, 0, NULL, NULL, 0, NULL, &g);
    CProgram *cp = NULL;
    if (!build(r, src, &g, true, &cp) || !cp)
        return;
    char *full = gc_strcat3("main.", name, "");
    for (int i = 0; i < cp->nprotos; i++)
        if (cp->protos[i]->name && strcmp(cp->protos[i]->name, full) == 0) {
            disasm_proto(cp->protos[i], stdout);
            return;
        }
    fprintf(stderr, "no function %s\n", name);
}

static char *read_whole(const char *path) {
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        fprintf(stderr, "csp: open %s: %s\n", path, strerror(errno));
        return NULL;
    }
    Buf b;
    buf_init(&b);
    char chunk[4096];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, fp)) > 0)
        buf_putn(&b, chunk, k);
    fclose(fp);
    return b.s;
}

static void cmd_doc(const char *arg);

/* Whether goroutines other than the last input's are alive. That input's
 * goroutine reports its end before it has exited, so a count of 1 may be
 * it on its way out: give it up to half a second (a loaded machine). */
static bool session_has_goroutines(void) {
    for (int i = 0; i < 500 && sched_num_goroutine() > 0; i++) {
        struct timespec ms = {0, 1000000};
        nanosleep(&ms, NULL);
    }
    return sched_num_goroutine() > 0;
}

/* :seed N | :seed off (see run_seeded). */
static void cmd_seed(Repl *r, const char *arg) {
    if (strcmp(arg, "off") == 0) {
        r->seeded = false;
        sim_teardown(); /* the simulation's goroutines end */
        lib_reset_run();
        return; /* the next input starts the session's scheduler again */
    }
    char *end;
    errno = 0;
    unsigned long long n = strtoull(arg, &end, 10);
    if (*arg == '-' || *end || errno) {
        fprintf(stderr, "csp: invalid value \"%s\" for :seed (a number or off)\n",
                arg);
        return;
    }
    if (r->live && session_has_goroutines())
        fprintf(stderr, "note: the session's goroutines end: seeded inputs run "
                "in a simulation of their own\n");
    repl_end(r);
    sim_teardown(); /* a new seed starts a new simulation */
    lib_reset_run(); /* forget the waiters of the goroutines that ended */
    r->seeded = true;
    r->seed = n;
}

/* :explore [FLAGS]: saves the session as :write does and runs `csp
 * explore` on it in a child process (a search of its own, which must not
 * share this process's scheduler). */
static void cmd_explore(Repl *r, const char *flags) {
    char path[] = "/tmp/csp-session-XXXXXX.csp"; /* kept: replays need it */
    int fd = mkstemps(path, 4);
    FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!fp) {
        fprintf(stderr, "csp: :explore: %s\n", strerror(errno));
        return;
    }
    repl_write_program(r, fp);
    fclose(fp);
    char exe[1024], cmd[4096];
    ssize_t k = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[k > 0 ? k : 0] = 0;
    snprintf(cmd, sizeof cmd, "'%s' explore '%s' %s", k > 0 ? exe : "csp", path,
             flags);
    fprintf(stderr, "(the session is saved as %s)\n", path);
    fflush(stdout);
    fflush(stderr);
    pump_output();
    pid_t pid = fork();
    if (pid == 0) {
        if (term.on) {
            dup2(term.fd, 1);
            dup2(term.fd, 2);
        }
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    int status;
    if (pid > 0)
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
}

static bool eval_command(Repl *r, const char *line) {
    char cmd[32] = {0};
    int k = 0;
    const char *p = line + 1;
    while (*p && *p != ' ' && *p != '\t' && *p != '\n' && k < 31)
        cmd[k++] = *p++;
    while (*p == ' ' || *p == '\t')
        p++;
    char *arg = gc_strdup(p);
    size_t al = strlen(arg);
    while (al > 0 && (arg[al - 1] == '\n' || arg[al - 1] == ' ' || arg[al - 1] == '\r'))
        arg[--al] = 0;
    if (strcmp(cmd, "quit") == 0 || strcmp(cmd, "q") == 0)
        return false;
    if (strcmp(cmd, "help") == 0)
        fputs(help_text, stdout);
    else if (strcmp(cmd, "reset") == 0) {
        r->ndecls = r->nstmts = 0;
        r->last = NULL;
        r->redefined = NULL;
        if (r->live)
            vm_session_kill_all();
    } else if (strcmp(cmd, "list") == 0) {
        for (int i = 0; i < r->ndecls; i++)
            printf("%s\n", r->decls[i].text);
    } else if (strcmp(cmd, "type") == 0 && al)
        cmd_type(r, arg);
    else if (strcmp(cmd, "disasm") == 0 && al)
        cmd_disasm(r, arg);
    else if (strcmp(cmd, "procs") == 0 && al) {
        int n = atoi(arg);
        if (n < 1 || n > 1024)
            fprintf(stderr, "csp: invalid value \"%s\" for :procs\n", arg);
        else if (r->live)
            eval_code(r, gc_strcat3("_ = runtime.GOMAXPROCS(", arg, ")"));
        else
            r->procs = n;
    } else if (strcmp(cmd, "race") == 0 &&
               (strcmp(arg, "on") == 0 || strcmp(arg, "off") == 0)) {
        /* goroutines started from now on; running ones keep their mode */
        race_enable(strcmp(arg, "on") == 0);
        printf("race detector %s\n", race_enabled ? "on" : "off");
    } else if (strcmp(cmd, "seed") == 0 && al) {
        cmd_seed(r, arg);
    } else if (strcmp(cmd, "explore") == 0) {
        cmd_explore(r, arg);
    } else if (strcmp(cmd, "doc") == 0 && al) {
        cmd_doc(arg);
    } else if (strcmp(cmd, "goroutines") == 0) {
        if (!r->live || vm_session_dump() == 0)
            printf("no goroutines\n");
    } else if (strcmp(cmd, "load") == 0 && al) {
        char *src = read_whole(arg);
        if (src)
            eval_code(r, src);
    } else if (strcmp(cmd, "write") == 0 && al) {
        FILE *fp = fopen(arg, "w");
        if (!fp)
            fprintf(stderr, "csp: create %s: %s\n", arg, strerror(errno));
        else {
            repl_write_program(r, fp);
            fclose(fp);
            if (r->redefined)
                fprintf(stderr, "note: %s was redefined after statements ran; the saved "
                        "program runs them all with its last definition\n", r->redefined);
        }
    } else
        fprintf(stderr, "unknown command :%s (try :help)\n", cmd);
    fflush(stdout);
    return true;
}

bool repl_eval(Repl *r, const char *src) {
    const char *p = src;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    if (*p == ':')
        return eval_command(r, p);
    eval_code(r, src);
    return true;
}

/* ---- standard package members: :doc and completion ----------------------------- */

/* The parsed source of std package `name` (by its local name), or NULL. */
static SrcFile *std_file(const char *name, const char **path) {
    const char *p = std_path(name, strlen(name));
    if (!p)
        return NULL;
    const char *src = lib_source(p);
    Diag d;
    diag_init(&d);
    *path = p;
    return parse_file(p, src, strlen(src), &d);
}

/* Calls fn for every exported top-level name of f with its declaration. */
typedef void MemberFn(const char *name, Decl *d, int line, void *arg);

/* Calls fn for every top-level name of f with its declaration and the line
 * of its spec. */
/* A method's member name "T.M" (receiver T or *T), NULL if unnamed. */
static const char *method_name(Decl *d) {
    FieldList *r = d->u.func.recv;
    if (!r || r->n != 1)
        return NULL;
    Expr *t = ast_unparen(r->list[0].type);
    if (t->kind == E_STAR)
        t = ast_unparen(t->u.star.x);
    const char *tn = ident_name(t), *m = ident_name(d->u.func.name);
    return tn && m ? gc_strcat3(tn, ".", m) : NULL;
}

/* Calls fn for every top-level name of f, methods as "T.M". */
static void each_member(SrcFile *f, MemberFn *fn, void *arg) {
    for (int i = 0; i < f->ndecls; i++) {
        Decl *d = f->decls[i];
        if (d->kind == D_FUNC)
            fn(d->u.func.recv ? method_name(d) : ident_name(d->u.func.name), d,
               d->pos.line, arg);
        else if (d->kind == D_TYPE)
            for (int j = 0; j < d->u.types.n; j++)
                fn(ident_name(d->u.types.specs[j].name), d,
                   d->u.types.specs[j].name->pos.line, arg);
        else if (d->kind == D_VAR || d->kind == D_CONST)
            for (int j = 0; j < d->u.vars.n; j++)
                for (int k = 0; k < d->u.vars.specs[j].nnames; k++)
                    fn(ident_name(d->u.vars.specs[j].names[k]), d,
                       d->u.vars.specs[j].names[k]->pos.line, arg);
    }
}

/* Line `line` (1-based) of src, without its newline. */
static char *source_line(const char *src, int line) {
    for (int l = 1; l < line && src; l++) {
        src = strchr(src, '\n');
        if (src)
            src++;
    }
    if (!src)
        return gc_strdup("");
    const char *e = strchr(src, '\n');
    size_t n = e ? (size_t)(e - src) : strlen(src);
    char *s = gc_alloc_atomic(n + 1);
    memcpy(s, src, n);
    s[n] = 0;
    return s;
}

typedef struct DocQuery {
    const char *name;        /* NULL: the whole package */
    SrcFile *f;
    bool found;
    bool type_found;         /* name is a type: its methods follow */
} DocQuery;

/* The first sentence of the doc comment just above `line` (the comment
 * lines up to a blank `//` line, joined), or NULL when there is none.
 * Comments of names in a const or var group are indented. */
static const char *comment_text(const char *src, int line) {
    const char *c = source_line(src, line);
    while (*c == ' ' || *c == '\t')
        c++;
    return strncmp(c, "//", 2) == 0 ? c + 2 : NULL;
}

static char *summary(const char *src, int line) {
    int first = line;
    while (first > 1 && comment_text(src, first - 1))
        first--;
    Buf b;
    buf_init(&b);
    for (int l = first; l < line; l++) {
        const char *c = comment_text(src, l);
        while (*c == ' ' || *c == '\t')
            c++;
        if (!*c)
            break;           /* end of the first paragraph */
        if (b.n)
            buf_puts(&b, " ");
        buf_puts(&b, c);
    }
    if (!b.n)
        return NULL;
    for (char *p = b.s; *p; p++)
        if (*p == '.' && (p[1] == ' ' || !p[1])) {
            p[1] = 0;
            break;
        }
    return b.s;
}

static void doc_one(const char *name, Decl *d, int line, void *arg) {
    DocQuery *q = arg;
    if (!name || name[0] < 'A' || name[0] > 'Z')
        return;
    /* `:doc P` lists no methods; `:doc P.T` lists T's after T. */
    const char *dot = strchr(name, '.');
    if (q->name ? strcmp(q->name, name) != 0 &&
                      !(q->type_found && dot && strncmp(name, q->name, strlen(q->name)) == 0 &&
                        name[strlen(q->name)] == '.')
                : dot != NULL)
        return;
    if (dot && (dot[1] < 'A' || dot[1] > 'Z'))
        return;           /* unexported method */
    char *sig = source_line(q->f->src, line);
    char *end = strstr(sig, " {");   /* a body or a struct's fields */
    if (end && (d->kind == D_FUNC || d->kind == D_TYPE))
        *end = 0;
    size_t n = strlen(sig);
    while (n > 0 && (sig[n - 1] == ' ' || sig[n - 1] == '\t'))
        sig[--n] = 0;
    if (d->kind == D_CONST || d->kind == D_VAR) {
        while (*sig == ' ' || *sig == '\t')
            sig++;
        if (strncmp(sig, "const ", 6) && strncmp(sig, "var ", 4))
            sig = gc_strcat3(d->kind == D_CONST ? "const " : "var ", sig, "");
    }
    bool method = q->name && strcmp(q->name, name) != 0;
    printf("%s%s\n", method ? "\n" : "", sig);
    char *sum = q->name ? summary(q->f->src, line) : NULL;
    if (sum)
        printf("    %s\n", sum);
    q->found = true;
    if (d->kind == D_TYPE && q->name)
        q->type_found = true;
}

/* :doc PKG[.NAME] — the declaration line(s) from the embedded source. */
static void cmd_doc(const char *arg) {
    char *pkg = gc_strdup(arg), *dot = strchr(pkg, '.');
    if (dot)
        *dot = 0;
    const char *path = NULL;
    SrcFile *f = std_file(pkg, &path);
    if (!f) {
        fprintf(stderr, "no built-in package %s\n", pkg);
        return;
    }
    DocQuery q = {.name = dot ? dot + 1 : NULL, .f = f};
    if (!q.name) {
        printf("package %s // import \"%s\"\n\n", pkg, path);
        int line = 1;         /* the package clause's */
        for (const char *c = f->src; *c; c++) {
            if ((c == f->src || c[-1] == '\n') && strncmp(c, "package ", 8) == 0)
                break;
            line += *c == '\n';
        }
        char *sum = summary(f->src, line);
        if (sum)
            printf("%s\n\n", sum);
    }
    each_member(f, doc_one, &q);
    if (!q.found)
        fprintf(stderr, "no %s in package %s\n", q.name, pkg);
}

#ifdef CSP_HAVE_LIBEDIT
/* Tab completion: keywords, the session's names, packages and members. */
static Repl *completing;
static char **cands;
static int ncands, capcands;

static void cand_add(const char *name) {
    if (!name)
        return;
    if (ncands == capcands) {
        capcands = capcands ? 2 * capcands : 64;
        cands = realloc(cands, (size_t)capcands * sizeof *cands);
    }
    cands[ncands++] = strdup(name);
}

static void member_cand(const char *name, Decl *d, int line, void *arg) {
    if (name && name[0] >= 'A' && name[0] <= 'Z')
        cand_add(gc_strcat3(arg, ".", name));
}

static void collect_cands(const char *text) {
    for (int i = 0; i < ncands; i++)
        free(cands[i]);
    ncands = 0;
    const char *dot = strchr(text, '.');
    if (dot) {
        char *pkg = gc_strdup(text);
        pkg[dot - text] = 0;
        const char *path;
        SrcFile *f = std_file(pkg, &path);
        if (f)
            each_member(f, member_cand, pkg);
        return;
    }
    static const char *const kw[] = {
        "break", "case", "chan", "const", "continue", "default", "defer",
        "else", "fallthrough", "for", "func", "go", "if", "import",
        "interface", "map", "package", "range", "return", "select", "struct",
        "switch", "type", "var", "append", "cap", "close", "copy", "delete",
        "len", "make", "new", "panic", "print", "println", "recover", "min",
        "max", "clear", "true", "false", "nil", "string", "int", "float64",
        "bool", "byte", "rune", "error", "any", NULL};
    for (int i = 0; kw[i]; i++)
        cand_add(kw[i]);
    for (const LibSource *l = lib_sources; l->path; l++)
        if (std_path(last_elem(l->path), strlen(last_elem(l->path))) == l->path)
            cand_add(gc_strcat3(last_elem(l->path), ".", ""));
    for (int i = 0; completing && i < completing->ndecls; i++)
        if (!strchr(completing->decls[i].name, '.'))
            cand_add(completing->decls[i].name);
}

static char *complete_next(const char *text, int state) {
    static int i;
    if (state == 0) {
        collect_cands(text);
        i = 0;
    }
    size_t n = strlen(text);
    while (i < ncands) {
        char *c = cands[i++];
        if (strncmp(c, text, n) == 0)
            return strdup(c);
    }
    return NULL;
}

static char **complete(const char *text, int start, int end) {
    rl_attempted_completion_over = 1;
    return rl_completion_matches(text, complete_next);
}
#endif

/* ---- the loop ------------------------------------------------------------------- */

static char *history_path(void) {
    const char *home = getenv("HOME");
    return home ? gc_strcat3(home, "/.csp_history", "") : NULL;
}

/* Reads one line from a pipe or file (without its newline); NULL at the
 * end of input. */
static char *read_plain(void) {
    Buf b;
    buf_init(&b);
    int c;
    while ((c = getchar()) != EOF && c != '\n') {
        char ch = (char)c;
        buf_putn(&b, &ch, 1);
    }
    if (c == EOF && b.n == 0)
        return NULL;
    return b.s;
}

#ifdef CSP_HAVE_LIBEDIT
static char *edited;         /* the line on_line received */
static bool edited_done;

static void on_line(char *l) {
    edited = l ? gc_strdup(l) : NULL;
    free(l);
    edited_done = true;
    rl_callback_handler_remove(); /* no prompt until the next read */
}

/* Reads one line with the line editor, copying program output above it
 * meanwhile. NULL at Ctrl-D; sigint_seen set after Ctrl-C. */
static char *read_edited(Repl *r, const char *prompt) {
    edited_done = false;
    rl_callback_handler_install(prompt, on_line);
    term.at_prompt = true;
    while (!edited_done) {
        struct pollfd fds[3] = {{0, POLLIN, 0}, {term.out, POLLIN, 0},
                                {r->wake[0], POLLIN, 0}};
        poll_blocked(fds, r->live ? 3 : 2, -1);
        if (r->live)
            drain(r->wake[0]);
        if (sigint_seen) {
            rl_callback_handler_remove();
            term.at_prompt = false;
            return NULL;
        }
        pump_output();
        if (fds[0].revents)
            rl_callback_read_char();
    }
    term.at_prompt = false;
    return edited;
}
#endif

/* Interactive: fds 1 and 2 become the output pipe (see THE TERMINAL). */
static void term_setup(void) {
    int p[2];
    fflush(stdout);
    fflush(stderr);
    term.fd = dup(1);
    if (term.fd < 0 || tcgetattr(term.fd, &saved_tty) != 0 || pipe2(p, O_CLOEXEC) != 0)
        return;
    fcntl(p[0], F_SETFL, O_NONBLOCK);
    dup2(p[1], 1);
    dup2(p[1], 2);
    close(p[1]);
    term.out = p[0];
    term.on = true;
    setvbuf(stdout, NULL, _IOLBF, 0);
    vm_set_exit_hook(exit_hook);
#ifdef CSP_HAVE_LIBEDIT
    rl_instream = stdin;
    rl_outstream = fdopen(term.fd, "w");
#endif
}

int repl_main(int procs) {
    bool tty = isatty(0) && isatty(1);
    static char *args[] = {"csp", NULL};
    os_set_args(1, args);
    Repl *r = repl_new(procs);
    session_start(r);
    char *hist = history_path();
    if (tty) {
        printf("csp version %s — type :help for help, :quit to leave\n",
               CSP_VERSION);
        term_setup();
#ifdef CSP_HAVE_LIBEDIT
        using_history();
        completing = r;
        rl_attempted_completion_function = complete;
        rl_basic_word_break_characters = " \t\n\"\\'`@$><=;|&{}()[],+-*/%!^";
        if (hist)
            read_history(hist);
#endif
        sig_wake_fd = r->wake[1];
        struct sigaction sa = {.sa_handler = on_sigint};
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, NULL);
    }
    Buf in;
    buf_init(&in);
    for (;;) {
        sigint_seen = 0;
        const char *prompt = in.n ? "...  " : "csp> ";
        char *line;
#ifdef CSP_HAVE_LIBEDIT
        line = tty ? read_edited(r, prompt) : read_plain();
#else
        if (tty) {
            fputs(prompt, stdout);
            fflush(stdout);
            pump_output();
        }
        line = read_plain();
#endif
        if (sigint_seen) {
            if (in.n == 0 && (!line || !*line))
                fputs("\n(to leave, type :quit or press Ctrl-D)\n", stdout);
            else
                fputs("\n", stdout);
            buf_init(&in);
            fflush(stdout);
            pump_output();
            continue;
        }
        if (!line) {
            if (in.n)
                repl_eval(r, in.s);
            break;
        }
        if (in.n)
            buf_puts(&in, "\n");
        buf_puts(&in, line);
        const char *p = in.s;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p != ':' && repl_classify(in.s) == REPL_INCOMPLETE)
            continue;
#ifdef CSP_HAVE_LIBEDIT
        if (tty && *p) {
            add_history(in.s);
            if (hist) {
                write_history(hist);
                chmod(hist, 0600);
            }
        }
#endif
        bool go_on = repl_eval(r, in.s);
        fflush(stdout);
        fflush(stderr);
        pump_output();
        buf_init(&in);
        if (!go_on)
            break;
    }
    if (tty)
        putchar('\n');
    /* Goroutines still running end with the session, as with Go's main. */
    vm_exit(0);
}
