/*
 * json.c — natives of package encoding/json (stdlib/encoding/json/json.go).
 * csp has no reflect, so the encoder and the decoder walk values with the
 * runtime type descriptors, as fmt does (stdlib/fmt/fmt.c): a value is a
 * Type* and a pointer to its memory representation (value.h).
 *
 * STRUCTURE follows Go's encoding/json so the two can be compared:
 *   - struct fields (Go's typeFields): the json tag of each field (the tag
 *     is kept in the type descriptor, Field.tag), embedded structs'
 *     promoted fields with Go's dominance rules, cached per type;
 *   - the encoder (encode.go): Marshaler / TextMarshaler methods called
 *     through vm_call, Go's float and string formatting, sorted map keys,
 *     cycle detection past 1000 nested pointers, Go's errors;
 *   - the scanner (scanner.go): validation with Go's syntax error texts,
 *     used by Valid, Compact, Indent, Unmarshal and Decoder;
 *   - the decoder (decode.go): the value is validated first, then stored;
 *     a type mismatch is remembered (the first one) and decoding goes on.
 *
 * ERRORS are returned to json.go as a kind plus strings (Go builds the
 * error values, whose types are declared there). A Marshaler's panic
 * propagates, as in Go.
 *
 * DEPTH: the walks recurse on the thread's C stack, which is smaller than
 * the stack a Go goroutine may grow to: when it runs low (cstack_low) the
 * call returns an error (TOO_DEEP) instead of overflowing it. Go's own
 * limits come first in practice: 10000 nested JSON values, and the cycle
 * check past 1000 nested pointers.
 *
 * Addressability follows reflect: values reached through a pointer or a
 * slice are addressable (pointer-receiver methods apply), the operand of
 * Marshal, map values and interface payloads are not. A pointer to a value
 * is the address of its first slot (value.h), so &x is the memory pointer.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/cstack.h"
#include "stdlib/lib.h"

enum { MAX_PTR_LEVEL = 1000 }; /* Go's startDetectingCyclesAfter */
#define TOO_DEEP "json: value nested too deeply for csp's C stack"

/* error kinds shared with json.go */
enum {
    JE_NONE = 0,
    JE_SYNTAX,          /* msg, off */
    JE_UNSUP_TYPE,      /* typ */
    JE_UNSUP_VALUE,     /* msg */
    JE_MARSHALER,       /* typ, msg = source func, err */
    JE_MARSHALER_SYNTAX,/* typ, msg (syntax), off, aux = source func */
    JE_INVALID_UNMARSHAL, /* typ ("" for nil), msg "nil" / "non-pointer" */
    JE_TYPE,            /* msg = Value, typ, off, strct, field */
    JE_PLAIN,           /* msg */
    JE_ERR,             /* err (returned by a method) */
};

typedef struct JErr {
    int kind;
    const char *msg, *typ, *strct, *field, *aux;
    int64_t off;
    Iface *err;
} JErr;

static Str *S(const char *s) { return str_from_cstr(s ? s : ""); }

/* ---- names ----------------------------------------------------------------- */

static const char *n_marshal_json, *n_marshal_text, *n_unmarshal_json,
    *n_unmarshal_text;
static pthread_once_t names_once = PTHREAD_ONCE_INIT;
static void init_names(void) {
    n_marshal_json = str_intern("MarshalJSON");
    n_marshal_text = str_intern("MarshalText");
    n_unmarshal_json = str_intern("UnmarshalJSON");
    n_unmarshal_text = str_intern("UnmarshalText");
}

/* t's method `name` taking nparams parameters and returning nres results
 * (the declared signature is checked when t declares it). */
static Proto *method(Type *t, const char *name, int nparams, int nres) {
    if (!t || t->nrmethods == 0)
        return NULL;
    Proto *fn = type_find_method(t, name);
    if (!fn)
        return NULL;
    Type *named = t->kind == K_POINTER && t->name == NULL ? t->elem : t;
    for (int i = 0; named && i < named->nmethods; i++)
        if (named->methods[i].name == name) {
            Type *sig = named->methods[i].sig;
            if (sig->nparams != nparams || sig->nresults != nres)
                return NULL;
        }
    return fn;
}

static bool is_number_type(const Type *t) {
    return t->name && t->pkg && strcmp(t->name, "Number") == 0 &&
           strcmp(t->pkg, "json") == 0;
}

/* ---- struct tags and fields (Go's typeFields) ------------------------------ */

/* Go's StructTag.Lookup(key): the unquoted value, or NULL. */
static char *tag_lookup(const char *tag, const char *key) {
    size_t kl = strlen(key);
    const char *p = tag;
    while (p && *p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const char *n = p;
        while (*p > ' ' && *p != ':' && *p != '"' && *p != 0x7f)
            p++;
        if (p == n || p[0] != ':' || p[1] != '"')
            break;
        size_t nl = (size_t)(p - n);
        p += 2;
        const char *v = p;
        while (*p && *p != '"') {
            if (*p == '\\' && p[1])
                p++;
            p++;
        }
        if (!*p)
            break;
        size_t vl = (size_t)(p - v);
        p++;
        if (nl == kl && memcmp(n, key, kl) == 0) {
            char *out = gc_alloc_atomic(vl + 1);
            size_t o = 0;
            for (size_t i = 0; i < vl; i++) {
                if (v[i] == '\\' && i + 1 < vl) {
                    i++;
                    char c = v[i];
                    out[o++] = c == 'n' ? '\n' : c == 't' ? '\t' : c;
                } else {
                    out[o++] = v[i];
                }
            }
            out[o] = 0;
            return out;
        }
    }
    return NULL;
}

static bool valid_tag_name(const char *s) {
    if (!*s)
        return false;
    for (int64_t i = 0, n = (int64_t)strlen(s); i < n;) {
        int sz;
        int32_t c = utf8_decode(s + i, n - i, &sz);
        i += sz;
        if (c < 0x80 && strchr("!#$%&()*+-./:;<=>?@[]^_{|}~ ", (int)c))
            continue;
        if (!uni_is_letter(c) && !uni_is_digit(c))
            return false;
    }
    return true;
}

static bool has_option(const char *opts, const char *o) {
    size_t ol = strlen(o);
    while (opts && *opts) {
        const char *c = strchr(opts, ',');
        size_t l = c ? (size_t)(c - opts) : strlen(opts);
        if (l == ol && memcmp(opts, o, ol) == 0)
            return true;
        opts = c ? c + 1 : NULL;
    }
    return false;
}

typedef struct JField {
    const char *name;   /* the JSON key */
    const char *gname;  /* the Go field name */
    int *index;         /* field numbers from the outer struct */
    int nindex;
    Type *type;         /* the field's type */
    bool tagged, omitempty, omitzero, quoted;
} JField;

typedef struct JFields {
    Type *t;
    JField *v;
    int n;
    struct JFields *next;
} JFields;

static JFields *fields_cache;
static pthread_mutex_t fields_mu = PTHREAD_MUTEX_INITIALIZER;

typedef struct Pend {
    Type *t;
    int *index;
    int nindex;
} Pend;

static int *idx_push(const int *index, int n, int i) {
    int *r = gc_alloc_atomic((size_t)(n + 1) * sizeof(int));
    if (n)
        memcpy(r, index, (size_t)n * sizeof(int));
    r[n] = i;
    return r;
}

static int cmp_index(const JField *a, const JField *b) {
    for (int i = 0; i < a->nindex && i < b->nindex; i++)
        if (a->index[i] != b->index[i])
            return a->index[i] < b->index[i] ? -1 : 1;
    return a->nindex - b->nindex;
}

static int cmp_by_name(const void *x, const void *y) {
    const JField *a = x, *b = y;
    int c = strcmp(a->name, b->name);
    if (c)
        return c;
    if (a->nindex != b->nindex)
        return a->nindex - b->nindex;
    if (a->tagged != b->tagged)
        return a->tagged ? -1 : 1;
    return cmp_index(a, b);
}

static int cmp_by_index(const void *x, const void *y) { return cmp_index(x, y); }

static void push_field(JField **v, int *n, int *cap, JField f) {
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 8;
        JField *nv = gc_alloc((size_t)*cap * sizeof *nv);
        if (*n)
            memcpy(nv, *v, (size_t)*n * sizeof *nv);
        *v = nv;
    }
    (*v)[(*n)++] = f;
}

static JFields *compute_fields(Type *t) {
    JField *fs = NULL;
    int n = 0, cap = 0;
    Pend *cur = gc_alloc(sizeof *cur), *next = NULL;
    int ncur = 1, nnext = 0;
    cur[0] = (Pend){t, NULL, 0};
    Type **visited = NULL;
    int nvisited = 0;
    while (ncur > 0) {
        next = gc_alloc((size_t)(1 + ncur * 8) * sizeof *next);
        int capnext = 1 + ncur * 8;
        nnext = 0;
        for (int pi = 0; pi < ncur; pi++) {
            Pend *p = &cur[pi];
            bool seen = false;
            for (int k = 0; k < nvisited; k++)
                seen |= visited[k] == p->t;
            if (seen)
                continue;
            /* how often this type is queued at this level */
            int count = 0;
            for (int k = 0; k < ncur; k++)
                count += cur[k].t == p->t;
            Type **nvis = gc_alloc((size_t)(nvisited + 1) * sizeof *nvis);
            if (nvisited)
                memcpy(nvis, visited, (size_t)nvisited * sizeof *nvis);
            nvis[nvisited++] = p->t;
            visited = nvis;
            for (int i = 0; i < p->t->nfields; i++) {
                const Field *sf = &p->t->fields[i];
                bool exported = sf->pkg == NULL && sf->name[0] != '_';
                if (sf->embedded) {
                    Type *et = sf->type;
                    if (et->kind == K_POINTER)
                        et = et->elem;
                    if (!exported && et->kind != K_STRUCT)
                        continue;
                } else if (!exported) {
                    continue;
                }
                char *tag = sf->tag ? tag_lookup(sf->tag, "json") : NULL;
                if (tag && strcmp(tag, "-") == 0)
                    continue;
                char *name = tag ? tag : (char *)"";
                char *comma = strchr(name, ',');
                const char *opts = NULL;
                if (comma) {
                    *comma = 0;
                    opts = comma + 1;
                }
                if (!valid_tag_name(name))
                    name = (char *)"";
                Type *ft = sf->type;
                if (ft->name == NULL && ft->kind == K_POINTER)
                    ft = ft->elem;
                bool quoted = false;
                if (has_option(opts, "string")) {
                    switch (ft->kind) {
                    case K_BOOL: case K_INT: case K_INT8: case K_INT16:
                    case K_INT32: case K_INT64: case K_UINT: case K_UINT8:
                    case K_UINT16: case K_UINT32: case K_UINT64: case K_UINTPTR:
                    case K_FLOAT32: case K_FLOAT64: case K_STRING:
                        quoted = true;
                        break;
                    default:
                        break;
                    }
                }
                int *index = idx_push(p->index, p->nindex, i);
                if (name[0] || !sf->embedded || ft->kind != K_STRUCT) {
                    JField f = {
                        .name = name[0] ? str_intern(name) : sf->name,
                        .gname = sf->name,
                        .index = index,
                        .nindex = p->nindex + 1,
                        .type = sf->type,
                        .tagged = name[0] != 0,
                        .omitempty = has_option(opts, "omitempty"),
                        .omitzero = has_option(opts, "omitzero"),
                        .quoted = quoted,
                    };
                    push_field(&fs, &n, &cap, f);
                    if (count > 1) /* annihilated by the duplicate */
                        push_field(&fs, &n, &cap, f);
                    continue;
                }
                if (nnext == capnext) {
                    Pend *nn = gc_alloc((size_t)capnext * 2 * sizeof *nn);
                    memcpy(nn, next, (size_t)nnext * sizeof *nn);
                    next = nn;
                    capnext *= 2;
                }
                next[nnext++] = (Pend){ft, index, p->nindex + 1};
            }
        }
        cur = next;
        ncur = nnext;
    }
    if (n > 1)
        qsort(fs, (size_t)n, sizeof *fs, cmp_by_name);
    /* dominant field of each name */
    JField *out = gc_alloc((size_t)(n ? n : 1) * sizeof *out);
    int nout = 0;
    for (int i = 0; i < n;) {
        int j = i + 1;
        while (j < n && strcmp(fs[j].name, fs[i].name) == 0)
            j++;
        if (j - i == 1 || fs[i].nindex != fs[i + 1].nindex ||
            fs[i].tagged != fs[i + 1].tagged)
            out[nout++] = fs[i];
        i = j;
    }
    if (nout > 1)
        qsort(out, (size_t)nout, sizeof *out, cmp_by_index);
    JFields *r = gc_alloc(sizeof *r);
    r->t = t;
    r->v = out;
    r->n = nout;
    return r;
}

static JFields *type_fields(Type *t) {
    pthread_mutex_lock(&fields_mu);
    for (JFields *c = fields_cache; c; c = c->next)
        if (c->t == t) {
            pthread_mutex_unlock(&fields_mu);
            return c;
        }
    pthread_mutex_unlock(&fields_mu);
    JFields *r = compute_fields(t);
    pthread_mutex_lock(&fields_mu);
    r->next = fields_cache;
    fields_cache = r;
    pthread_mutex_unlock(&fields_mu);
    return r;
}

/* ---- the scanner (Go's scanner.go, as a recursive checker) ----------------- */

typedef struct Scan {
    const char *d;
    int64_t n, i;
    const char *msg;   /* NULL while valid */
    int64_t off;
    int depth;
} Scan;

/* Go's quoteChar */
static const char *quote_char(unsigned char c) {
    if (c == '\'')
        return "'\\''";
    if (c == '"')
        return "'\"'";
    StrBuf b;
    sb_init(&b);
    char u[4];
    int n = utf8_encode(u, c);
    strconv_quote(&b, u, n, '"', false);
    b.data[0] = '\'';
    b.data[b.len - 1] = '\'';
    sb_putc(&b, 0);
    return b.data;
}

static bool scan_fail(Scan *s, const char *ctx) {
    if (s->msg)
        return false;
    if (s->i >= s->n) {
        /* Go's scanner ends the input with a space: a literal or a number
         * in progress fails on it */
        if (strncmp(ctx, "in literal", 10) == 0 || strstr(ctx, "numeric literal")) {
            char *m = gc_alloc_atomic(strlen(ctx) + 32);
            sprintf(m, "invalid character ' ' %s", ctx);
            s->msg = m;
            s->off = s->n;
            return false;
        }
        s->msg = "unexpected end of JSON input";
        s->off = s->n;
        return false;
    }
    char *m = gc_alloc_atomic(strlen(ctx) + 64);
    sprintf(m, "invalid character %s %s", quote_char((unsigned char)s->d[s->i]), ctx);
    s->msg = m;
    s->off = s->i + 1;
    return false;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

static void scan_ws(Scan *s) {
    while (s->i < s->n && is_space(s->d[s->i]))
        s->i++;
}

static int peek(Scan *s) { return s->i < s->n ? (unsigned char)s->d[s->i] : -1; }

static bool is_hex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static bool scan_string(Scan *s) {
    s->i++; /* the opening quote */
    for (;;) {
        int c = peek(s);
        if (c < 0)
            return scan_fail(s, "");
        if (c == '"') {
            s->i++;
            return true;
        }
        if (c < 0x20)
            return scan_fail(s, "in string literal");
        if (c == '\\') {
            s->i++;
            c = peek(s);
            if (c < 0)
                return scan_fail(s, "");
            if (c == 'u') {
                s->i++;
                for (int k = 0; k < 4; k++) {
                    if (!is_hex(peek(s)))
                        return scan_fail(s, "in \\u hexadecimal character escape");
                    s->i++;
                }
                continue;
            }
            if (!strchr("bfnrt\\/\"", c))
                return scan_fail(s, "in string escape code");
        }
        s->i++;
    }
}

static bool scan_digits(Scan *s) {
    while (peek(s) >= '0' && peek(s) <= '9')
        s->i++;
    return true;
}

static bool scan_number(Scan *s) {
    if (peek(s) == '-') {
        s->i++;
        int c = peek(s);
        if (c < '0' || c > '9')
            return scan_fail(s, "in numeric literal");
    }
    if (peek(s) == '0')
        s->i++;
    else
        scan_digits(s);
    if (peek(s) == '.') {
        s->i++;
        int c = peek(s);
        if (c < '0' || c > '9')
            return scan_fail(s, "after decimal point in numeric literal");
        scan_digits(s);
    }
    if (peek(s) == 'e' || peek(s) == 'E') {
        s->i++;
        if (peek(s) == '+' || peek(s) == '-')
            s->i++;
        int c = peek(s);
        if (c < '0' || c > '9')
            return scan_fail(s, "in exponent of numeric literal");
        scan_digits(s);
    }
    return true;
}

static bool scan_lit(Scan *s, const char *lit) {
    char ctx[64];
    for (const char *p = lit; *p; p++) {
        if (peek(s) != *p) {
            snprintf(ctx, sizeof ctx, "in literal %s (expecting '%c')", lit, *p);
            return scan_fail(s, ctx);
        }
        s->i++;
    }
    return true;
}

static bool scan_value(Scan *s) {
    scan_ws(s);
    int c = peek(s);
    /* Go's maxNestingDepth */
    if ((c == '[' || c == '{') && s->depth >= 10000)
        return scan_fail(s, "exceeded max depth");
    s->depth++;
    bool ok;
    switch (c) {
    case '{':
        s->i++;
        scan_ws(s);
        if (peek(s) == '}') {
            s->i++;
            ok = true;
            break;
        }
        for (;;) {
            scan_ws(s);
            if (peek(s) != '"') {
                ok = scan_fail(s, "looking for beginning of object key string");
                break;
            }
            if (!scan_string(s)) {
                ok = false;
                break;
            }
            scan_ws(s);
            if (peek(s) != ':') {
                ok = scan_fail(s, "after object key");
                break;
            }
            s->i++;
            if (!scan_value(s)) {
                ok = false;
                break;
            }
            scan_ws(s);
            if (peek(s) == ',') {
                s->i++;
                continue;
            }
            if (peek(s) == '}') {
                s->i++;
                ok = true;
                break;
            }
            ok = scan_fail(s, "after object key:value pair");
            break;
        }
        break;
    case '[':
        s->i++;
        scan_ws(s);
        if (peek(s) == ']') {
            s->i++;
            ok = true;
            break;
        }
        for (;;) {
            if (!scan_value(s)) {
                ok = false;
                break;
            }
            scan_ws(s);
            if (peek(s) == ',') {
                s->i++;
                continue;
            }
            if (peek(s) == ']') {
                s->i++;
                ok = true;
                break;
            }
            ok = scan_fail(s, "after array element");
            break;
        }
        break;
    case '"': ok = scan_string(s); break;
    case 't': ok = scan_lit(s, "true"); break;
    case 'f': ok = scan_lit(s, "false"); break;
    case 'n': ok = scan_lit(s, "null"); break;
    default:
        if (c == '-' || (c >= '0' && c <= '9'))
            ok = scan_number(s);
        else
            ok = scan_fail(s, "looking for beginning of value");
    }
    s->depth--;
    return ok;
}

/* Go's checkValid: one value, surrounded by white space. */
static bool scan_check(Scan *s, const char *d, int64_t n) {
    *s = (Scan){.d = d, .n = n};
    if (!scan_value(s))
        return false;
    scan_ws(s);
    if (s->i < s->n)
        return scan_fail(s, "after top-level value");
    return true;
}

/* ---- bytes <-> slices ------------------------------------------------------ */

static char *bytes_of(const Slice *sl, int64_t *n) {
    int64_t len = slice_len(sl);
    char *b = gc_alloc_atomic((size_t)len + 1);
    for (int64_t i = 0; i < len; i++)
        b[i] = (char)sl->data[i].u;
    b[len] = 0;
    *n = len;
    return b;
}

static Slice *slice_of(const char *b, int64_t n) {
    Slice *s = slice_new(type_basic(K_UINT8), n, n);
    for (int64_t i = 0; i < n; i++)
        s->data[i].u = (unsigned char)b[i];
    return s;
}

/* ---- output helpers: strings, compact, indent ------------------------------- */

static const char HEX[] = "0123456789abcdef";

/* Go's appendString: quotes s with JSON's escapes (HTML's <, >, & too when
 * html), invalid UTF-8 as \ufffd, U+2028 and U+2029 escaped. */
static void append_string(StrBuf *b, const char *s, int64_t n, bool html) {
    sb_putc(b, '"');
    int64_t start = 0;
    for (int64_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (c >= 0x20 && c != '"' && c != '\\' &&
                (!html || (c != '<' && c != '>' && c != '&'))) {
                i++;
                continue;
            }
            sb_write(b, s + start, i - start);
            switch (c) {
            case '\\': case '"': sb_putc(b, '\\'); sb_putc(b, (char)c); break;
            case '\b': sb_write(b, "\\b", 2); break;
            case '\f': sb_write(b, "\\f", 2); break;
            case '\n': sb_write(b, "\\n", 2); break;
            case '\r': sb_write(b, "\\r", 2); break;
            case '\t': sb_write(b, "\\t", 2); break;
            default: {
                char e[6] = {'\\', 'u', '0', '0', HEX[c >> 4], HEX[c & 15]};
                sb_write(b, e, 6);
            }
            }
            i++;
            start = i;
            continue;
        }
        int sz;
        int32_t r = utf8_decode(s + i, n - i, &sz);
        if (r == 0xFFFD && sz == 1) {
            sb_write(b, s + start, i - start);
            sb_write(b, "\\ufffd", 6);
            i += sz;
            start = i;
            continue;
        }
        if (r == 0x2028 || r == 0x2029) {
            sb_write(b, s + start, i - start);
            sb_write(b, r == 0x2028 ? "\\u2028" : "\\u2029", 6);
            i += sz;
            start = i;
            continue;
        }
        i += sz;
    }
    sb_write(b, s + start, n - start);
    sb_putc(b, '"');
}

/* Go's compact over valid input: drops white space outside strings;
 * html: <, >, &, U+2028, U+2029 inside strings escaped. */
static void compact_into(StrBuf *b, const char *d, int64_t n, bool html) {
    bool in_str = false;
    for (int64_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        if (in_str) {
            if (c == '\\') {
                sb_putc(b, (char)c);
                sb_putc(b, d[++i]);
                continue;
            }
            if (c == '"')
                in_str = false;
        } else if (is_space((char)c)) {
            continue;
        } else if (c == '"') {
            in_str = true;
        }
        if (html && (c == '<' || c == '>' || c == '&')) {
            char e[6] = {'\\', 'u', '0', '0', HEX[c >> 4], HEX[c & 15]};
            sb_write(b, e, 6);
            continue;
        }
        if (html && c == 0xE2 && i + 2 < n && (unsigned char)d[i + 1] == 0x80 &&
            ((unsigned char)d[i + 2] & ~1) == 0xA8) {
            sb_write(b, "\\u202", 5);
            sb_putc(b, HEX[d[i + 2] & 15]);
            i += 2;
            continue;
        }
        sb_putc(b, (char)c);
    }
}

static void newline(StrBuf *b, const char *prefix, const char *indent, int depth) {
    sb_putc(b, '\n');
    sb_puts(b, prefix);
    for (int i = 0; i < depth; i++)
        sb_puts(b, indent);
}

/* Go's Indent over valid input. */
static void indent_into(StrBuf *b, const char *d, int64_t n, const char *prefix,
                        const char *indent) {
    bool in_str = false, need_indent = false;
    int depth = 0;
    /* leading white space is dropped, trailing white space kept (Go) */
    Scan s = {.d = d, .n = n};
    scan_value(&s);
    sb_write(b, "", 0);
    int64_t vend = s.i;
    for (int64_t i = 0; i < vend; i++) {
        char c = d[i];
        if (in_str) {
            sb_putc(b, c);
            if (c == '\\')
                sb_putc(b, d[++i]);
            else if (c == '"')
                in_str = false;
            continue;
        }
        if (is_space(c))
            continue;
        if (need_indent && c != ']' && c != '}') {
            need_indent = false;
            depth++;
            newline(b, prefix, indent, depth);
        }
        switch (c) {
        case '"':
            in_str = true;
            sb_putc(b, c);
            break;
        case '{': case '[':
            need_indent = true;
            sb_putc(b, c);
            break;
        case ',':
            sb_putc(b, c);
            newline(b, prefix, indent, depth);
            break;
        case ':':
            sb_putc(b, c);
            sb_putc(b, ' ');
            break;
        case '}': case ']':
            if (need_indent) {
                need_indent = false; /* empty: {} or [] */
            } else {
                depth--;
                newline(b, prefix, indent, depth);
            }
            sb_putc(b, c);
            break;
        default:
            sb_putc(b, c);
        }
    }
    sb_write(b, d + vend, n - vend);
}

/* ---- the encoder ------------------------------------------------------------- */

typedef struct Enc {
    Fiber *f;
    StrBuf b;
    bool html;
    int status;         /* NATIVE_PANIC once a method panicked */
    JErr e;
    int ptr_level;
    const void **seen;  /* pointers on the path past MAX_PTR_LEVEL */
    int nseen, capseen;
} Enc;

static void enc_value(Enc *E, Type *t, const Slot *mem, bool addr, bool quoted);

static bool enc_failed(Enc *E) { return E->status || E->e.kind; }

/* Go's cycle check: past MAX_PTR_LEVEL nested pointers, maps and slices,
 * a pointer already on the path is a cycle. Returns false on a cycle. */
static bool enc_enter(Enc *E, Type *t, const void *p) {
    if (++E->ptr_level <= MAX_PTR_LEVEL)
        return true;
    for (int i = 0; i < E->nseen; i++)
        if (E->seen[i] == p) {
            E->e.kind = JE_UNSUP_VALUE;
            char *m = gc_alloc_atomic(strlen(type_string(t)) + 40);
            sprintf(m, "encountered a cycle via %s", type_string(t));
            E->e.msg = m;
            return false;
        }
    if (E->nseen == E->capseen) {
        E->capseen = E->capseen ? E->capseen * 2 : 64;
        const void **n = gc_alloc((size_t)E->capseen * sizeof *n);
        if (E->nseen)
            memcpy(n, E->seen, (size_t)E->nseen * sizeof *n);
        E->seen = n;
    }
    E->seen[E->nseen++] = p;
    return true;
}

static void enc_leave(Enc *E) {
    if (E->ptr_level-- > MAX_PTR_LEVEL)
        E->nseen--;
}

/* Calls a MarshalJSON / MarshalText method; the bytes in *out. */
static bool call_marshal(Enc *E, Proto *fn, Slot recv, Type *rt, const char *src,
                         char **out, int64_t *n) {
    Slot res[2] = {{0}, {0}};
    if (vm_call(E->f, fn, &recv, 1, res, 2) != NATIVE_OK) {
        E->status = NATIVE_PANIC;
        return false;
    }
    if (res[1].p) {
        E->e = (JErr){.kind = JE_MARSHALER, .typ = type_string(rt), .msg = src,
                      .err = res[1].p};
        return false;
    }
    *out = bytes_of(res[0].p, n);
    return true;
}

static void enc_marshaler(Enc *E, Proto *fn, Slot recv, Type *rt) {
    char *d;
    int64_t n;
    if (!call_marshal(E, fn, recv, rt, "MarshalJSON", &d, &n))
        return;
    Scan s;
    if (!scan_check(&s, d, n)) {
        E->e = (JErr){.kind = JE_MARSHALER_SYNTAX, .typ = type_string(rt),
                      .msg = s.msg, .off = s.off, .aux = "MarshalJSON"};
        return;
    }
    compact_into(&E->b, d, n, E->html);
}

static void enc_text_marshaler(Enc *E, Proto *fn, Slot recv, Type *rt) {
    char *d;
    int64_t n;
    if (call_marshal(E, fn, recv, rt, "MarshalText", &d, &n))
        append_string(&E->b, d, n, E->html);
}

/* Go's newTypeEncoder method checks; true when a method wrote the value. */
static bool enc_methods(Enc *E, Type *t, const Slot *mem, bool addr) {
    pthread_once(&names_once, init_names);
    Proto *fn;
    if (t->kind != K_POINTER && addr) {
        Type *pt = type_pointer(t);
        Slot recv = {.p = (void *)mem};
        if ((fn = method(pt, n_marshal_json, 0, 2))) {
            enc_marshaler(E, fn, recv, pt);
            return true;
        }
    }
    if ((fn = method(t, n_marshal_json, 0, 2))) {
        if (t->kind == K_POINTER && !mem->p) {
            sb_puts(&E->b, "null");
            return true;
        }
        enc_marshaler(E, fn, rt_load(t, mem), t);
        return true;
    }
    if (t->kind != K_POINTER && addr) {
        Type *pt = type_pointer(t);
        Slot recv = {.p = (void *)mem};
        if ((fn = method(pt, n_marshal_text, 0, 2))) {
            enc_text_marshaler(E, fn, recv, pt);
            return true;
        }
    }
    if ((fn = method(t, n_marshal_text, 0, 2))) {
        if (t->kind == K_POINTER && !mem->p) {
            sb_puts(&E->b, "null");
            return true;
        }
        enc_text_marshaler(E, fn, rt_load(t, mem), t);
        return true;
    }
    return false;
}

static void enc_float(Enc *E, double f, int bits, bool quoted) {
    if (isnan(f) || isinf(f)) {
        StrBuf m;
        sb_init(&m);
        strconv_format_float(&m, f, 'g', -1, bits);
        sb_putc(&m, 0);
        E->e = (JErr){.kind = JE_UNSUP_VALUE, .msg = m.data};
        return;
    }
    double a = fabs(f);
    char fmtc = 'f';
    if (a != 0) {
        if (bits == 64 ? (a < 1e-6 || a >= 1e21)
                       : ((float)a < 1e-6f || (float)a >= 1e21f))
            fmtc = 'e';
    }
    if (quoted)
        sb_putc(&E->b, '"');
    int64_t start = E->b.len;
    strconv_format_float(&E->b, f, fmtc, -1, bits);
    if (fmtc == 'e') { /* e-09 -> e-9 */
        int64_t n = E->b.len - start;
        char *p = E->b.data + start;
        if (n >= 4 && p[n - 4] == 'e' && p[n - 3] == '-' && p[n - 2] == '0') {
            p[n - 2] = p[n - 1];
            E->b.len--;
        }
    }
    if (quoted)
        sb_putc(&E->b, '"');
}

/* Go's isValidNumber */
static bool valid_number(const char *s, int64_t n) {
    if (n == 0)
        return false;
    int64_t i = 0;
    if (s[i] == '-' && ++i == n)
        return false;
    if (s[i] == '0') {
        i++;
    } else if (s[i] >= '1' && s[i] <= '9') {
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
    } else {
        return false;
    }
    if (i + 1 < n && s[i] == '.' && s[i + 1] >= '0' && s[i + 1] <= '9') {
        i += 2;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    if (i + 1 < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (s[i] == '+' || s[i] == '-') {
            i++;
            if (i == n)
                return false;
        }
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    return i == n;
}

static const char B64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void enc_bytes(Enc *E, const Slice *s) {
    int64_t n = slice_len(s);
    sb_putc(&E->b, '"');
    for (int64_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)(uint8_t)s->data[i].u << 16;
        if (i + 1 < n)
            v |= (uint32_t)(uint8_t)s->data[i + 1].u << 8;
        if (i + 2 < n)
            v |= (uint8_t)s->data[i + 2].u;
        sb_putc(&E->b, B64[v >> 18 & 63]);
        sb_putc(&E->b, B64[v >> 12 & 63]);
        sb_putc(&E->b, i + 1 < n ? B64[v >> 6 & 63] : '=');
        sb_putc(&E->b, i + 2 < n ? B64[v & 63] : '=');
    }
    sb_putc(&E->b, '"');
}

/* Go's isEmptyValue */
static bool is_empty(Type *t, const Slot *mem) {
    switch (t->kind) {
    case K_ARRAY: return t->len == 0;
    case K_MAP: return !mem->p || map_len(mem->p) == 0;
    case K_SLICE: return slice_len(mem->p) == 0;
    case K_STRING: return str_len(mem->p) == 0;
    case K_BOOL: case K_INT: case K_INT8: case K_INT16: case K_INT32:
    case K_INT64: case K_UINT: case K_UINT8: case K_UINT16: case K_UINT32:
    case K_UINT64: case K_UINTPTR:
        return mem->u == 0;
    case K_FLOAT32: case K_FLOAT64: return mem->f == 0;
    case K_INTERFACE: case K_POINTER: return mem->p == NULL;
    default: return false;
    }
}

/* reflect's IsZero (omitzero without an IsZero method) */
static bool is_zero(Type *t, const Slot *mem) {
    switch (t->kind) {
    case K_FLOAT32: case K_FLOAT64:
        return mem->u == 0; /* -0.0 is not zero */
    case K_COMPLEX64: case K_COMPLEX128:
        return mem[0].u == 0 && mem[1].u == 0;
    case K_STRUCT:
        for (int i = 0; i < t->nfields; i++)
            if (!is_zero(t->fields[i].type, mem + t->fields[i].offset))
                return false;
        return true;
    case K_ARRAY:
        for (int64_t i = 0; i < t->len; i++)
            if (!is_zero(t->elem, mem + i * t->elem->size))
                return false;
        return true;
    case K_STRING:
        return str_len(mem->p) == 0;
    default:
        return mem->u == 0;
    }
}

static void enc_struct(Enc *E, Type *t, const Slot *mem, bool addr) {
    JFields *fs = type_fields(t);
    char next = '{';
    for (int i = 0; i < fs->n && !enc_failed(E); i++) {
        JField *f = &fs->v[i];
        const Slot *fm = mem;
        Type *ft = t;
        bool faddr = addr, skip = false;
        for (int k = 0; k < f->nindex; k++) {
            if (ft->kind == K_POINTER) {
                if (!fm->p) {
                    skip = true;
                    break;
                }
                fm = fm->p;
                ft = ft->elem;
                faddr = true;
            }
            const Field *sf = &ft->fields[f->index[k]];
            fm += sf->offset;
            ft = sf->type;
        }
        if (skip)
            continue;
        if (f->omitempty && is_empty(ft, fm))
            continue;
        if (f->omitzero && is_zero(ft, fm))
            continue;
        sb_putc(&E->b, next);
        next = ',';
        append_string(&E->b, f->name, (int64_t)strlen(f->name), E->html);
        sb_putc(&E->b, ':');
        enc_value(E, ft, fm, faddr, f->quoted);
    }
    if (next == '{')
        sb_putc(&E->b, '{');
    sb_putc(&E->b, '}');
}

typedef struct MapEnt {
    const char *ks;
    int64_t kn;
    Slot *v;
} MapEnt;

static int cmp_ent(const void *x, const void *y) {
    const MapEnt *a = x, *b = y;
    int64_t n = a->kn < b->kn ? a->kn : b->kn;
    int c = memcmp(a->ks, b->ks, (size_t)n);
    if (c)
        return c;
    return a->kn < b->kn ? -1 : a->kn > b->kn;
}

static bool key_ok(Type *k) {
    pthread_once(&names_once, init_names);
    return k->kind == K_STRING || type_is_integer(k) ||
           method(k, n_marshal_text, 0, 2) != NULL;
}

static void enc_map(Enc *E, Type *t, const Slot *mem) {
    Map *m = mem->p;
    if (!m) {
        sb_puts(&E->b, "null");
        return;
    }
    if (!key_ok(t->key)) {
        E->e = (JErr){.kind = JE_UNSUP_TYPE, .typ = type_string(t)};
        return;
    }
    if (!enc_enter(E, t, m))
        return;
    int64_t cap = map_len(m), n = 0;
    MapEnt *es = gc_alloc((size_t)(cap ? cap : 1) * sizeof *es);
    MapIter it;
    Slot *k, *v;
    map_iter_init(m, &it, 0);
    Type *kt = t->key;
    while (n < cap && map_iter_next(&it, &k, &v)) {
        MapEnt *e = &es[n++];
        e->v = v;
        if (kt->kind == K_STRING) {
            e->ks = str_data(k->p);
            e->kn = str_len(k->p);
        } else if (method(kt, n_marshal_text, 0, 2)) {
            char *d = "";
            int64_t dn = 0;
            if (!(kt->kind == K_POINTER && !k->p) &&
                !call_marshal(E, method(kt, n_marshal_text, 0, 2), rt_load(kt, k),
                              kt, "MarshalText", &d, &dn))
                return;
            e->ks = d;
            e->kn = dn;
        } else {
            char *d = gc_alloc_atomic(24);
            if (type_is_unsigned(kt))
                snprintf(d, 24, "%llu", (unsigned long long)k->u);
            else
                snprintf(d, 24, "%lld", (long long)k->i);
            e->ks = d;
            e->kn = (int64_t)strlen(d);
        }
    }
    qsort(es, (size_t)n, sizeof *es, cmp_ent);
    sb_putc(&E->b, '{');
    for (int64_t i = 0; i < n && !enc_failed(E); i++) {
        if (i)
            sb_putc(&E->b, ',');
        append_string(&E->b, es[i].ks, es[i].kn, E->html);
        sb_putc(&E->b, ':');
        enc_value(E, t->elem, es[i].v, false, false);
    }
    sb_putc(&E->b, '}');
    enc_leave(E);
}

static void enc_list(Enc *E, Type *t, const Slot *data, int64_t n, bool addr) {
    int64_t es = t->elem->size;
    sb_putc(&E->b, '[');
    for (int64_t i = 0; i < n && !enc_failed(E); i++) {
        if (i)
            sb_putc(&E->b, ',');
        enc_value(E, t->elem, data + i * es, addr, false);
    }
    sb_putc(&E->b, ']');
}

static void enc_value(Enc *E, Type *t, const Slot *mem, bool addr, bool quoted) {
    if (enc_failed(E))
        return;
    if (cstack_low()) {
        E->e = (JErr){.kind = JE_PLAIN, .msg = TOO_DEEP};
        return;
    }
    if (t->nrmethods && enc_methods(E, t, mem, addr))
        return;
    if (t->kind != K_POINTER && addr && !t->nrmethods &&
        type_pointer(t)->nrmethods && enc_methods(E, t, mem, addr))
        return;
    switch (t->kind) {
    case K_BOOL:
        if (quoted) sb_putc(&E->b, '"');
        sb_puts(&E->b, mem->i ? "true" : "false");
        if (quoted) sb_putc(&E->b, '"');
        break;
    case K_INT: case K_INT8: case K_INT16: case K_INT32: case K_INT64:
        sb_printf(&E->b, quoted ? "\"%lld\"" : "%lld", (long long)mem->i);
        break;
    case K_UINT: case K_UINT8: case K_UINT16: case K_UINT32: case K_UINT64:
    case K_UINTPTR:
        sb_printf(&E->b, quoted ? "\"%llu\"" : "%llu", (unsigned long long)mem->u);
        break;
    case K_FLOAT32:
        enc_float(E, mem->f, 32, quoted);
        break;
    case K_FLOAT64:
        enc_float(E, mem->f, 64, quoted);
        break;
    case K_STRING: {
        const char *s = str_data(mem->p);
        int64_t n = str_len(mem->p);
        if (is_number_type(t)) {
            if (n == 0) {
                s = "0";
                n = 1;
            }
            if (!valid_number(s, n)) {
                StrBuf m;
                sb_init(&m);
                sb_puts(&m, "json: invalid number literal ");
                strconv_quote(&m, s, n, '"', false);
                sb_putc(&m, 0);
                E->e = (JErr){.kind = JE_PLAIN, .msg = m.data};
                return;
            }
            if (quoted) sb_putc(&E->b, '"');
            sb_write(&E->b, s, n);
            if (quoted) sb_putc(&E->b, '"');
            break;
        }
        if (quoted) {
            StrBuf in;
            sb_init(&in);
            append_string(&in, s, n, E->html);
            append_string(&E->b, in.data, in.len, false);
        } else {
            append_string(&E->b, s, n, E->html);
        }
        break;
    }
    case K_STRUCT:
        enc_struct(E, t, mem, addr);
        break;
    case K_MAP:
        enc_map(E, t, mem);
        break;
    case K_SLICE: {
        const Slice *s = mem->p;
        if (!s) {
            sb_puts(&E->b, "null");
            break;
        }
        if (t->elem->kind == K_UINT8) {
            pthread_once(&names_once, init_names);
            Type *pe = type_pointer(t->elem);
            if (!method(pe, n_marshal_json, 0, 2) && !method(pe, n_marshal_text, 0, 2)) {
                enc_bytes(E, s);
                break;
            }
        }
        if (!enc_enter(E, t, s->data))
            return;
        enc_list(E, t, s->data, s->len, true);
        enc_leave(E);
        break;
    }
    case K_ARRAY:
        enc_list(E, t, mem, t->len, addr);
        break;
    case K_POINTER:
        if (!mem->p) {
            sb_puts(&E->b, "null");
            break;
        }
        if (!enc_enter(E, t, mem->p))
            return;
        enc_value(E, t->elem, mem->p, true, quoted);
        enc_leave(E);
        break;
    case K_INTERFACE: {
        Iface *x = mem->p;
        if (!x) {
            sb_puts(&E->b, "null");
            break;
        }
        Slot *xm = rt_mem(x->type, &x->val);
        if (type_is_boxed(x->type) && !xm)
            xm = gc_alloc((size_t)(x->type->size ? x->type->size : 1) * sizeof(Slot));
        enc_value(E, x->type, xm, false, false);
        break;
    }
    default:
        E->e = (JErr){.kind = JE_UNSUP_TYPE, .typ = type_string(t)};
    }
}

/* marshal(v any, escapeHTML bool) (s string, kind int, msg string,
 *     typ string, off int, aux string, err error) */
static int n_marshal(Fiber *f, Slot *a) {
    Iface *x = a[0].p;
    Enc E = {.f = f, .html = a[1].i != 0};
    sb_init(&E.b);
    if (!x) {
        sb_puts(&E.b, "null");
    } else {
        Slot *xm = rt_mem(x->type, &x->val);
        if (type_is_boxed(x->type) && !xm)
            xm = gc_alloc((size_t)(x->type->size ? x->type->size : 1) * sizeof(Slot));
        enc_value(&E, x->type, xm, false, false);
    }
    if (E.status)
        return E.status;
    a[0].p = E.e.kind ? NULL : str_new(E.b.data, E.b.len);
    a[1].i = E.e.kind;
    a[2].p = S(E.e.msg);
    a[3].p = S(E.e.typ);
    a[4].i = E.e.off;
    a[5].p = S(E.e.aux);
    a[6].p = E.e.err;
    return NATIVE_OK;
}

/* valid(data []byte) (off int, msg string) */
static int n_valid(Fiber *f, Slot *a) {
    (void)f;
    int64_t n;
    char *d = bytes_of(a[0].p, &n);
    Scan s;
    bool ok = scan_check(&s, d, n);
    a[0].i = ok ? -1 : s.off;
    a[1].p = ok ? NULL : S(s.msg);
    return NATIVE_OK;
}

/* compact(data []byte, html bool) (s string, off int, msg string) */
static int n_compact(Fiber *f, Slot *a) {
    (void)f;
    int64_t n;
    char *d = bytes_of(a[0].p, &n);
    bool html = a[1].i != 0;
    Scan s;
    if (!scan_check(&s, d, n)) {
        a[0].p = NULL;
        a[1].i = s.off;
        a[2].p = S(s.msg);
        return NATIVE_OK;
    }
    StrBuf b;
    sb_init(&b);
    compact_into(&b, d, n, html);
    a[0].p = str_new(b.data, b.len);
    a[1].i = -1;
    a[2].p = NULL;
    return NATIVE_OK;
}

/* indent(data []byte, prefix, indent string) (s string, off int, msg string) */
static int n_indent(Fiber *f, Slot *a) {
    (void)f;
    int64_t n;
    char *d = bytes_of(a[0].p, &n);
    char *prefix = str_cstr(a[1].p), *ind = str_cstr(a[2].p);
    Scan s;
    if (!scan_check(&s, d, n)) {
        a[0].p = NULL;
        a[1].i = s.off;
        a[2].p = S(s.msg);
        return NATIVE_OK;
    }
    StrBuf b;
    sb_init(&b);
    indent_into(&b, d, n, prefix, ind);
    a[0].p = str_new(b.data, b.len);
    a[1].i = -1;
    a[2].p = NULL;
    return NATIVE_OK;
}

/* htmlEscape(src []byte) string: Go's HTMLEscape, over any bytes. */
static int n_html_escape(Fiber *f, Slot *a) {
    (void)f;
    int64_t n;
    char *d = bytes_of(a[0].p, &n);
    StrBuf b;
    sb_init(&b);
    for (int64_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        if (c == '<' || c == '>' || c == '&') {
            char e[6] = {'\\', 'u', '0', '0', HEX[c >> 4], HEX[c & 15]};
            sb_write(&b, e, 6);
        } else if (c == 0xE2 && i + 2 < n && (unsigned char)d[i + 1] == 0x80 &&
                   ((unsigned char)d[i + 2] & ~1) == 0xA8) {
            sb_write(&b, "\\u202", 5);
            sb_putc(&b, HEX[d[i + 2] & 15]);
            i += 2;
        } else {
            sb_putc(&b, (char)c);
        }
    }
    a[0].p = str_new(b.data, b.len);
    return NATIVE_OK;
}

/* valueEnd(data []byte, atEOF bool) (end int, off int, msg string): the
 * end of the first value in data (after leading white space); -1 when
 * data holds only part of one (or only white space) and more may come. */
static int n_value_end(Fiber *f, Slot *a) {
    (void)f;
    int64_t n;
    char *d = bytes_of(a[0].p, &n);
    bool eof = a[1].i != 0;
    Scan s = {.d = d, .n = n};
    scan_ws(&s);
    if (s.i == n) {
        a[0].i = -1;
        a[1].i = 0;
        a[2].p = NULL;
        return NATIVE_OK;
    }
    bool ok = scan_value(&s);
    /* a number at the end of the data may go on in the next read */
    bool num_at_end = ok && s.i == n && (d[n - 1] >= '0' && d[n - 1] <= '9');
    if ((!ok && s.i >= n && !eof) || (num_at_end && !eof)) {
        a[0].i = -1;
        a[1].i = 0;
        a[2].p = NULL;
        return NATIVE_OK;
    }
    if (!ok) {
        a[0].i = -2;
        a[1].i = s.off;
        a[2].p = S(s.i >= n ? "unexpected EOF" : s.msg);
        return NATIVE_OK;
    }
    a[0].i = s.i;
    a[1].i = 0;
    a[2].p = NULL;
    return NATIVE_OK;
}

/* ---- the decoder --------------------------------------------------------------- */

typedef struct Dec {
    Fiber *f;
    const char *d;
    int64_t n, i;
    bool use_number, disallow;
    Type *num_type;
    int status;
    JErr e;          /* the first saved error */
    JErr ret;        /* a returned error: decoding stops */
    Type *ctx_struct;
    const char **stack;
    int nstack, capstack;
} Dec;

static void dec_value(Dec *D, Type *t, Slot *mem);

static bool dec_stop(Dec *D) { return D->status || D->ret.kind; }

static void ws(Dec *D) {
    while (D->i < D->n && is_space(D->d[D->i]))
        D->i++;
}

/* the end of the (valid) value at D->i */
static int64_t value_end(Dec *D) {
    Scan s = {.d = D->d, .n = D->n, .i = D->i};
    scan_value(&s);
    return s.i;
}

static void skip(Dec *D) { D->i = value_end(D); }

static const char *join_stack(Dec *D, const char *extra) {
    StrBuf b;
    sb_init(&b);
    for (int i = 0; i < D->nstack; i++) {
        if (i)
            sb_putc(&b, '.');
        sb_puts(&b, D->stack[i]);
    }
    if (extra && *extra) {
        if (D->nstack)
            sb_putc(&b, '.');
        sb_puts(&b, extra);
    }
    sb_putc(&b, 0);
    return b.data;
}

/* Go's saveError with addErrorContext */
static void save_type_error(Dec *D, const char *value, Type *t, int64_t off) {
    if (D->e.kind)
        return;
    D->e = (JErr){.kind = JE_TYPE, .msg = value, .typ = type_string(t), .off = off};
    if (D->ctx_struct || D->nstack) {
        D->e.strct = D->ctx_struct && D->ctx_struct->name ? D->ctx_struct->name : "";
        D->e.field = join_stack(D, NULL);
    }
}

static void save_plain(Dec *D, const char *msg) {
    if (!D->e.kind)
        D->e = (JErr){.kind = JE_PLAIN, .msg = msg};
}

static void push_name(Dec *D, const char *name) {
    if (D->nstack == D->capstack) {
        D->capstack = D->capstack ? D->capstack * 2 : 8;
        const char **n = gc_alloc((size_t)D->capstack * sizeof *n);
        if (D->nstack)
            memcpy(n, D->stack, (size_t)D->nstack * sizeof *n);
        D->stack = n;
    }
    D->stack[D->nstack++] = name;
}

static void put_utf8(StrBuf *b, int32_t r) {
    char u[4];
    sb_write(b, u, utf8_encode(u, r));
}

static int32_t hex4(const char *p) {
    int32_t v = 0;
    for (int k = 0; k < 4; k++) {
        char c = p[k];
        v = v * 16 + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return v;
}

/* Go's unquote over a valid string literal at d[0..n) (quotes included). */
static void unquote(const char *d, int64_t n, StrBuf *b) {
    sb_init(b);
    for (int64_t i = 1; i < n - 1;) {
        unsigned char c = (unsigned char)d[i];
        if (c == '\\') {
            char e = d[i + 1];
            i += 2;
            switch (e) {
            case 'b': sb_putc(b, '\b'); break;
            case 'f': sb_putc(b, '\f'); break;
            case 'n': sb_putc(b, '\n'); break;
            case 'r': sb_putc(b, '\r'); break;
            case 't': sb_putc(b, '\t'); break;
            case 'u': {
                int32_t r = hex4(d + i);
                i += 4;
                if (r >= 0xD800 && r < 0xDC00 && i + 6 <= n - 1 && d[i] == '\\' &&
                    d[i + 1] == 'u') {
                    int32_t r2 = hex4(d + i + 2);
                    if (r2 >= 0xDC00 && r2 < 0xE000) {
                        put_utf8(b, 0x10000 + ((r - 0xD800) << 10) + (r2 - 0xDC00));
                        i += 6;
                        break;
                    }
                }
                if (r >= 0xD800 && r < 0xE000)
                    r = 0xFFFD;
                put_utf8(b, r);
                break;
            }
            default: sb_putc(b, e);
            }
            continue;
        }
        if (c < 0x80) {
            sb_putc(b, (char)c);
            i++;
            continue;
        }
        int sz;
        int32_t r = utf8_decode(d + i, n - 1 - i, &sz);
        if (r == 0xFFFD && sz == 1)
            put_utf8(b, 0xFFFD);
        else
            sb_write(b, d + i, sz);
        i += sz;
    }
}

/* Calls UnmarshalJSON / UnmarshalText(bytes) on recv; a returned error
 * stops decoding. */
static void call_unmarshal(Dec *D, Proto *fn, void *recv, const char *b, int64_t n) {
    Slot args[2] = {{.p = recv}, {.p = slice_of(b, n)}};
    Slot res[1] = {{0}};
    if (vm_call(D->f, fn, args, 2, res, 1) != NATIVE_OK) {
        D->status = NATIVE_PANIC;
        return;
    }
    if (res[0].p)
        D->ret = (JErr){.kind = JE_ERR, .err = res[0].p};
}

typedef enum { IND_NONE, IND_JSON, IND_TEXT } IndKind;

/* Go's indirect: follows (allocating) pointers down to a non-pointer; a
 * pointer type with UnmarshalJSON (or UnmarshalText when not decoding
 * null) is returned instead. Decoding null stops at a pointer. */
static IndKind indirect(Dec *D, Type **tp, Slot **memp, bool null, Proto **fn,
                        void **recv, Type **mt) {
    pthread_once(&names_once, init_names);
    Type *t = *tp;
    Slot *mem = *memp;
    Slot *hold = NULL;
    for (;;) {
        if (t->kind == K_INTERFACE && mem->p) {
            Iface *x = mem->p;
            if (x->type->kind == K_POINTER && x->val.p &&
                (!null || x->type->elem->kind == K_POINTER)) {
                hold = gc_alloc(sizeof(Slot));
                *hold = x->val;
                t = x->type;
                mem = hold;
                continue;
            }
        }
        if (t->kind != K_POINTER) {
            Type *pt = t->name ? type_pointer(t) : NULL;
            if (pt && pt->nrmethods) {
                if ((*fn = method(pt, n_unmarshal_json, 1, 1))) {
                    *recv = mem;
                    *mt = pt;
                    return IND_JSON;
                }
                if (!null && (*fn = method(pt, n_unmarshal_text, 1, 1))) {
                    *recv = mem;
                    *mt = pt;
                    return IND_TEXT;
                }
            }
            break;
        }
        if (null && mem != hold)
            break;
        if (!mem->p) {
            Type *e = t->elem;
            mem->p = gc_alloc((size_t)(e->size ? e->size : 1) * sizeof(Slot));
        }
        if (t->nrmethods) {
            if ((*fn = method(t, n_unmarshal_json, 1, 1))) {
                *recv = mem->p;
                *mt = t;
                return IND_JSON;
            }
            if (!null && (*fn = method(t, n_unmarshal_text, 1, 1))) {
                *recv = mem->p;
                *mt = t;
                return IND_TEXT;
            }
        }
        mem = mem->p;
        t = t->elem;
        if (t->kind != K_POINTER && t->name && type_pointer(t)->nrmethods) {
            /* the pointer's own methods were checked above */
            break;
        }
    }
    *tp = t;
    *memp = mem;
    return IND_NONE;
}

static Iface *value_interface(Dec *D);

static Iface *number_interface(Dec *D, const char *s, int64_t n, int64_t end) {
    if (D->use_number)
        return rt_iface(D->num_type, (Slot){.p = str_new(s, n)});
    char *c = gc_alloc_atomic((size_t)n + 1);
    memcpy(c, s, (size_t)n);
    c[n] = 0;
    double v = strtod(c, NULL);
    if (isinf(v)) {
        char *m = gc_alloc_atomic((size_t)n + 8);
        sprintf(m, "number %s", c);
        save_type_error(D, m, type_basic(K_FLOAT64), end);
        return NULL;
    }
    return rt_iface(type_basic(K_FLOAT64), (Slot){.f = v});
}

static Iface *value_interface(Dec *D) {
    if (cstack_low()) {
        D->ret = (JErr){.kind = JE_PLAIN, .msg = TOO_DEEP};
        return NULL;
    }
    ws(D);
    int c = D->d[D->i];
    int64_t start = D->i;
    if (c == '{') {
        Type *mt = type_map(type_basic(K_STRING), type_any());
        Map *m = map_new(mt, 0);
        D->i++;
        for (;;) {
            ws(D);
            if (D->d[D->i] == '}') {
                D->i++;
                break;
            }
            int64_t ks = D->i;
            D->i = value_end(D);
            StrBuf k;
            unquote(D->d + ks, D->i - ks, &k);
            ws(D);
            D->i++; /* ':' */
            Iface *v = value_interface(D);
            if (dec_stop(D))
                return NULL;
            Slot key = {.p = str_new(k.data, k.len)};
            Type *bad = NULL;
            map_set(m, &key, &bad)->p = v;
            ws(D);
            if (D->d[D->i++] == '}')
                break;
        }
        return rt_iface(mt, (Slot){.p = m});
    }
    if (c == '[') {
        Slice *s = NULL;
        D->i++;
        ws(D);
        if (D->d[D->i] == ']') {
            D->i++;
        } else {
            for (;;) {
                Slot v = {.p = value_interface(D)};
                if (dec_stop(D))
                    return NULL;
                s = slice_append(type_any(), s, &v, 1);
                ws(D);
                if (D->d[D->i++] == ']')
                    break;
            }
        }
        if (!s)
            s = slice_new(type_any(), 0, 0);
        return rt_iface(type_slice(type_any()), (Slot){.p = s});
    }
    int64_t end = value_end(D);
    D->i = end;
    switch (c) {
    case 'n': return NULL;
    case 't': return rt_iface(type_basic(K_BOOL), (Slot){.i = 1});
    case 'f': return rt_iface(type_basic(K_BOOL), (Slot){.i = 0});
    case '"': {
        StrBuf b;
        unquote(D->d + start, end - start, &b);
        return rt_iface(type_basic(K_STRING), (Slot){.p = str_new(b.data, b.len)});
    }
    default:
        return number_interface(D, D->d + start, end - start, end);
    }
}

static bool parse_int(const char *s, int64_t n, bool is_unsigned, int bits,
                      uint64_t *out) {
    int64_t i = 0;
    bool neg = false;
    if (n == 0)
        return false;
    if (s[0] == '-' || s[0] == '+') {
        if (is_unsigned)
            return false;
        neg = s[0] == '-';
        i = 1;
    }
    if (i == n)
        return false;
    unsigned __int128 v = 0;
    for (; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (unsigned)(s[i] - '0');
        if (v > ((unsigned __int128)1 << 64))
            return false;
    }
    if (is_unsigned) {
        if (bits < 64 && v >= ((unsigned __int128)1 << bits))
            return false;
        if (v > UINT64_MAX)
            return false;
        *out = (uint64_t)v;
        return true;
    }
    unsigned __int128 lim = (unsigned __int128)1 << (bits - 1);
    if (neg ? v > lim : v >= lim)
        return false;
    *out = neg ? (uint64_t)(-(int64_t)(v - 1) - 1) : (uint64_t)v;
    return true;
}

static const char *invalid_string_use(const char *item, int64_t n, Type *t) {
    StrBuf m;
    sb_init(&m);
    sb_puts(&m, "json: invalid use of ,string struct tag, trying to unmarshal ");
    strconv_quote(&m, item, n, '"', false);
    sb_puts(&m, " into ");
    sb_puts(&m, type_string(t));
    sb_putc(&m, 0);
    return m.data;
}

static bool b64_decode(Dec *D, const char *s, int64_t n, Slice **out) {
    static int8_t rev[256];
    static bool init;
    if (!init) {
        memset(rev, -1, sizeof rev);
        for (int i = 0; i < 64; i++)
            rev[(unsigned char)B64[i]] = (int8_t)i;
        init = true;
    }
    StrBuf b;
    sb_init(&b);
    uint32_t acc = 0;
    int bits = 0;
    int64_t i = 0;
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\r' || c == '\n')
            continue;
        if (c == '=')
            break;
        if (rev[c] < 0)
            goto bad;
        acc = acc << 6 | (uint32_t)rev[c];
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            sb_putc(&b, (char)(acc >> bits & 0xff));
        }
    }
    {
        /* padding: the number of '=' must complete the quantum */
        int64_t data = 0;
        for (int64_t k = 0; k < i; k++)
            data += s[k] != '\r' && s[k] != '\n';
        int64_t pad = 0;
        for (int64_t k = i; k < n; k++) {
            if (s[k] == '\r' || s[k] == '\n')
                continue;
            if (s[k] != '=')
                goto bad;
            pad++;
        }
        if ((data + pad) % 4 != 0 || (pad && data % 4 < 2) || pad > 2 ||
            (!pad && data % 4 != 0))
            goto bad;
    }
    *out = slice_of(b.data, b.len);
    return true;
bad: {
        char *m = gc_alloc_atomic(64);
        snprintf(m, 64, "illegal base64 data at input byte %lld", (long long)i);
        save_plain(D, m);
        return false;
    }
}

/* Go's literalStore */
static void literal_store(Dec *D, const char *item, int64_t n, Type *t, Slot *mem,
                          bool quoted, int64_t end) {
    if (n == 0) {
        save_plain(D, invalid_string_use(item, n, t));
        return;
    }
    bool null = item[0] == 'n';
    Type *vt = t;
    Proto *fn;
    void *recv;
    Type *mt;
    IndKind k = indirect(D, &t, &mem, null, &fn, &recv, &mt);
    if (k == IND_JSON) {
        call_unmarshal(D, fn, recv, item, n);
        return;
    }
    if (k == IND_TEXT) {
        if (item[0] != '"') {
            if (quoted) {
                save_plain(D, invalid_string_use(item, n, vt));
                return;
            }
            const char *val = item[0] == 'n' ? "null"
                              : (item[0] == 't' || item[0] == 'f') ? "bool" : "number";
            save_type_error(D, val, vt, end);
            return;
        }
        StrBuf b;
        unquote(item, n, &b);
        call_unmarshal(D, fn, recv, b.data, b.len);
        return;
    }
    char c = item[0];
    if (c == 'n') {
        if (quoted && !(n == 4 && memcmp(item, "null", 4) == 0)) {
            save_plain(D, invalid_string_use(item, n, t));
            return;
        }
        if (t->kind == K_INTERFACE || t->kind == K_POINTER || t->kind == K_MAP ||
            t->kind == K_SLICE)
            mem->p = NULL;
        return;
    }
    if (c == 't' || c == 'f') {
        if (t->kind == K_BOOL) {
            mem->i = c == 't';
        } else if (t->kind == K_INTERFACE && t->nmethods == 0) {
            mem->p = rt_iface(type_basic(K_BOOL), (Slot){.i = c == 't'});
        } else if (quoted) {
            save_plain(D, invalid_string_use(item, n, t));
        } else {
            save_type_error(D, "bool", t, end);
        }
        return;
    }
    if (c == '"') {
        StrBuf b;
        unquote(item, n, &b);
        switch (t->kind) {
        case K_SLICE: {
            if (t->elem->kind != K_UINT8) {
                save_type_error(D, "string", t, end);
                break;
            }
            Slice *s;
            if (b64_decode(D, b.data, b.len, &s))
                mem->p = s;
            break;
        }
        case K_STRING:
            if (is_number_type(t) && !valid_number(b.data, b.len)) {
                StrBuf m;
                sb_init(&m);
                sb_puts(&m, "json: invalid number literal, trying to unmarshal ");
                strconv_quote(&m, item, n, '"', false);
                sb_puts(&m, " into Number");
                sb_putc(&m, 0);
                D->ret = (JErr){.kind = JE_PLAIN, .msg = m.data};
                break;
            }
            mem->p = str_new(b.data, b.len);
            break;
        case K_INTERFACE:
            if (t->nmethods == 0) {
                mem->p = rt_iface(type_basic(K_STRING), (Slot){.p = str_new(b.data, b.len)});
                break;
            }
            /* fallthrough */
        default:
            save_type_error(D, "string", t, end);
        }
        return;
    }
    /* a number */
    if (c != '-' && (c < '0' || c > '9')) {
        D->ret = (JErr){.kind = JE_PLAIN, .msg = invalid_string_use(item, n, t)};
        return;
    }
    char *num = gc_alloc_atomic((size_t)n + 8);
    memcpy(num, "number ", 7);
    memcpy(num + 7, item, (size_t)n);
    num[n + 7] = 0;
    switch (t->kind) {
    case K_INTERFACE: {
        Iface *x = number_interface(D, item, n, end);
        if (!x)
            break;
        if (t->nmethods != 0) {
            save_type_error(D, "number", t, end);
            break;
        }
        mem->p = x;
        break;
    }
    case K_INT: case K_INT8: case K_INT16: case K_INT32: case K_INT64:
    case K_UINT: case K_UINT8: case K_UINT16: case K_UINT32: case K_UINT64:
    case K_UINTPTR: {
        uint64_t v;
        if (!parse_int(item, n, type_is_unsigned(t), type_int_bits(t->kind), &v)) {
            save_type_error(D, num, t, end);
            break;
        }
        mem->u = v;
        break;
    }
    case K_FLOAT32: case K_FLOAT64: {
        char *s = num + 7;
        double v;
        if (t->kind == K_FLOAT32) {
            float fv = strtof(s, NULL);
            v = fv;
        } else {
            v = strtod(s, NULL);
        }
        if (isinf(v)) {
            save_type_error(D, num, t, end);
            break;
        }
        mem->f = v;
        break;
    }
    default:
        if (t->kind == K_STRING && is_number_type(t)) {
            mem->p = str_new(item, n);
            break;
        }
        if (quoted) {
            D->ret = (JErr){.kind = JE_PLAIN, .msg = invalid_string_use(item, n, t)};
            break;
        }
        save_type_error(D, "number", t, end);
    }
}

/* case-insensitive key match (Go's foldName, which is bytes.EqualFold) */
static bool fold_eq(const char *a, int64_t an, const char *b, int64_t bn) {
    int64_t i = 0, j = 0;
    while (i < an && j < bn) {
        int sa, sb;
        int32_t ra = utf8_decode(a + i, an - i, &sa), rb = utf8_decode(b + j, bn - j, &sb);
        if (!uni_equal_fold(ra, rb))
            return false;
        i += sa;
        j += sb;
    }
    return i == an && j == bn;
}

/* The start of an array or object (what) at D->i, for a value of type *t
 * at *mem: follows pointers (indirect) and decodes the whole value itself
 * when it goes to an UnmarshalJSON method (given the raw text), to an
 * UnmarshalText one (a type error: only strings go there) or to an empty
 * interface. Returns false when it did; else *t and *mem are the
 * container to fill. */
static bool dec_container(Dec *D, Type **t, Slot **mem, const char *what) {
    Type *vt = *t;
    Proto *fn;
    void *recv;
    Type *mt;
    int64_t start = D->i;
    IndKind k = indirect(D, t, mem, false, &fn, &recv, &mt);
    if (k == IND_JSON) {
        skip(D);
        call_unmarshal(D, fn, recv, D->d + start, D->i - start);
        return false;
    }
    if (k == IND_TEXT) {
        save_type_error(D, what, vt, start + 1);
        skip(D);
        return false;
    }
    if ((*t)->kind == K_INTERFACE && (*t)->nmethods == 0) {
        (*mem)->p = value_interface(D);
        return false;
    }
    return true;
}

static void dec_array(Dec *D, Type *t, Slot *mem) {
    int64_t start = D->i;
    if (!dec_container(D, &t, &mem, "array"))
        return;
    if (t->kind != K_ARRAY && t->kind != K_SLICE) {
        save_type_error(D, "array", t, start + 1);
        skip(D);
        return;
    }
    Type *et = t->elem;
    int64_t es = et->size;
    Slot *data;
    int64_t len, cap;
    Slice *old = t->kind == K_SLICE ? mem->p : NULL;
    if (t->kind == K_ARRAY) {
        data = mem;
        len = cap = t->len;
    } else {
        data = old ? old->data : NULL;
        len = slice_len(old);
        cap = old ? old->cap : 0;
    }
    int64_t oldlen = len;
    D->i++;
    ws(D);
    int64_t i = 0;
    if (D->d[D->i] == ']') {
        D->i++;
    } else {
        for (;;) {
            if (t->kind == K_SLICE && i >= cap) {
                int64_t ncap = slice_grow_cap(cap, i + 1, type_gosize(et));
                Slice *ns = slice_new(et, i, ncap);
                if (i && es)
                    memcpy(ns->data, data, (size_t)(i * es) * sizeof(Slot));
                data = ns->data;
                cap = ncap;
            }
            if (i < len || t->kind == K_SLICE) {
                if (t->kind == K_SLICE && i >= oldlen && es)
                    memset(data + i * es, 0, (size_t)es * sizeof(Slot));
                dec_value(D, et, data + i * es);
            } else {
                ws(D);
                skip(D);
            }
            if (dec_stop(D))
                return;
            i++;
            ws(D);
            if (D->d[D->i++] == ']')
                break;
        }
    }
    if (t->kind == K_ARRAY) {
        for (int64_t j = i; j < len; j++)
            memset(data + j * es, 0, (size_t)es * sizeof(Slot));
        return;
    }
    Slice *ns = gc_alloc(sizeof(Slice));
    if (!data)
        data = slice_new(et, 0, 0)->data;
    *ns = (Slice){.data = data, .len = i, .cap = cap};
    mem->p = ns;
}

static void dec_object(Dec *D, Type *t, Slot *mem) {
    int64_t start = D->i;
    if (!dec_container(D, &t, &mem, "object"))
        return;
    JFields *fs = NULL;
    Map *m = NULL;
    if (t->kind == K_MAP) {
        Type *kt = t->key;
        if (kt->kind != K_STRING && !type_is_integer(kt) &&
            !method(type_pointer(kt), n_unmarshal_text, 1, 1)) {
            save_type_error(D, "object", t, start + 1);
            skip(D);
            return;
        }
        if (!mem->p)
            mem->p = map_new(t, 0);
        m = mem->p;
    } else if (t->kind == K_STRUCT) {
        fs = type_fields(t);
    } else {
        save_type_error(D, "object", t, start + 1);
        skip(D);
        return;
    }
    Type *ostruct = D->ctx_struct;
    int ostack = D->nstack;
    D->i++;
    for (;;) {
        ws(D);
        if (D->d[D->i] == '}') {
            D->i++;
            break;
        }
        int64_t ks = D->i;
        D->i = value_end(D);
        int64_t ke = D->i;
        StrBuf key;
        unquote(D->d + ks, ke - ks, &key);
        ws(D);
        D->i++; /* ':' */
        ws(D);
        Type *st = NULL;
        Slot *sm = NULL;
        bool quoted = false;
        if (m) {
            st = t->elem;
            sm = gc_alloc((size_t)(st->size ? st->size : 1) * sizeof(Slot));
        } else {
            JField *f = NULL;
            for (int i = 0; i < fs->n && !f; i++)
                if ((int64_t)strlen(fs->v[i].name) == key.len &&
                    memcmp(fs->v[i].name, key.data, (size_t)key.len) == 0)
                    f = &fs->v[i];
            for (int i = 0; i < fs->n && !f; i++)
                if (fold_eq(fs->v[i].name, (int64_t)strlen(fs->v[i].name), key.data,
                            key.len))
                    f = &fs->v[i];
            if (f) {
                st = t;
                sm = mem;
                quoted = f->quoted;
                for (int j = 0; j < f->nindex; j++) {
                    if (st->kind == K_POINTER) {
                        if (!sm->p) {
                            if (st->elem->name && !(st->elem->name[0] >= 'A' &&
                                                    st->elem->name[0] <= 'Z')) {
                                char *msg = gc_alloc_atomic(
                                    strlen(type_string(st->elem)) + 64);
                                sprintf(msg, "json: cannot set embedded pointer to "
                                             "unexported struct: %s",
                                        type_string(st->elem));
                                save_plain(D, msg);
                                st = NULL;
                                quoted = false;
                                break;
                            }
                            sm->p = gc_alloc((size_t)(st->elem->size ? st->elem->size : 1) *
                                             sizeof(Slot));
                        }
                        sm = sm->p;
                        st = st->elem;
                    }
                    const Field *sf = &st->fields[f->index[j]];
                    if (j < f->nindex - 1)
                        push_name(D, sf->name);
                    sm += sf->offset;
                    st = sf->type;
                }
                D->ctx_struct = t;
                push_name(D, f->name);
            } else if (D->disallow) {
                StrBuf msg;
                sb_init(&msg);
                sb_puts(&msg, "json: unknown field ");
                strconv_quote(&msg, key.data, key.len, '"', false);
                sb_putc(&msg, 0);
                save_plain(D, msg.data);
            }
        }
        if (!st) {
            skip(D);
        } else if (quoted) {
            int64_t vs = D->i;
            D->i = value_end(D);
            if (D->d[vs] == 'n') {
                literal_store(D, "null", 4, st, sm, false, D->i);
            } else if (D->d[vs] == '"') {
                StrBuf inner;
                unquote(D->d + vs, D->i - vs, &inner);
                literal_store(D, inner.data, inner.len, st, sm, true, D->i);
            } else {
                char *msg = gc_alloc_atomic(strlen(type_string(st)) + 96);
                sprintf(msg, "json: invalid use of ,string struct tag, trying to "
                             "unmarshal unquoted value into %s",
                        type_string(st));
                save_plain(D, msg);
            }
        } else {
            dec_value(D, st, sm);
        }
        if (dec_stop(D))
            return;
        if (m) {
            Type *kt = t->key;
            Slot *kv = gc_alloc((size_t)(kt->size ? kt->size : 1) * sizeof(Slot));
            bool ok = true;
            Proto *tf = method(type_pointer(kt), n_unmarshal_text, 1, 1);
            if (tf) {
                call_unmarshal(D, tf, kv, key.data, key.len);
                if (dec_stop(D))
                    return;
            } else if (kt->kind == K_STRING) {
                kv->p = str_new(key.data, key.len);
            } else {
                uint64_t v;
                if (!parse_int(key.data, key.len, type_is_unsigned(kt),
                               type_int_bits(kt->kind), &v)) {
                    char *num = gc_alloc_atomic((size_t)key.len + 8);
                    memcpy(num, "number ", 7);
                    memcpy(num + 7, key.data, (size_t)key.len);
                    num[key.len + 7] = 0;
                    save_type_error(D, num, kt, ks + 1);
                    ok = false;
                } else {
                    kv->u = v;
                }
            }
            if (ok) {
                Type *bad = NULL;
                Slot *dst = map_set(m, kv, &bad);
                if (t->elem->size)
                    memcpy(dst, sm, (size_t)t->elem->size * sizeof(Slot));
            }
        }
        D->ctx_struct = ostruct;
        D->nstack = ostack;
        ws(D);
        if (D->d[D->i++] == '}')
            break;
    }
}

static void dec_value(Dec *D, Type *t, Slot *mem) {
    if (dec_stop(D))
        return;
    if (cstack_low()) {
        D->ret = (JErr){.kind = JE_PLAIN, .msg = TOO_DEEP};
        return;
    }
    ws(D);
    char c = D->d[D->i];
    if (c == '[') {
        dec_array(D, t, mem);
    } else if (c == '{') {
        dec_object(D, t, mem);
    } else {
        int64_t s = D->i, e = value_end(D);
        D->i = e;
        literal_store(D, D->d + s, e - s, t, mem, false, e);
    }
}

/* unmarshal(data []byte, v any, useNumber, disallow bool, num any)
 *   (kind int, msg string, off int, typ string, strct string, field string,
 *    err error) */
static int n_unmarshal(Fiber *f, Slot *a) {
    int64_t n;
    char *d = bytes_of(a[0].p, &n);
    Iface *v = a[1].p;
    Dec D = {.f = f, .d = d, .n = n, .use_number = a[2].i != 0,
             .disallow = a[3].i != 0};
    Iface *num = a[4].p;
    D.num_type = num ? num->type : type_basic(K_STRING);
    JErr e = {0};
    Scan s;
    if (!scan_check(&s, d, n)) {
        e = (JErr){.kind = JE_SYNTAX, .msg = s.msg, .off = s.off};
    } else if (!v || v->type->kind != K_POINTER || !v->val.p) {
        e = (JErr){.kind = JE_INVALID_UNMARSHAL, .typ = v ? type_string(v->type) : "",
                   .msg = !v ? "nil" : v->type->kind != K_POINTER ? "non-pointer" : "nilptr"};
    } else {
        Slot p = v->val;
        Type *t = v->type;
        /* the operand is a pointer that is not settable: its own methods
         * first, then its pointee */
        pthread_once(&names_once, init_names);
        Proto *fn;
        ws(&D);
        int64_t start = D.i;
        if (t->nrmethods && (fn = method(t, n_unmarshal_json, 1, 1))) {
            call_unmarshal(&D, fn, p.p, d + start, value_end(&D) - start);
        } else if (t->nrmethods && d[start] == '"' &&
                   (fn = method(t, n_unmarshal_text, 1, 1))) {
            StrBuf b;
            int64_t end = value_end(&D);
            unquote(d + start, end - start, &b);
            call_unmarshal(&D, fn, p.p, b.data, b.len);
        } else {
            dec_value(&D, t->elem, p.p);
        }
        if (D.status)
            return D.status;
        e = D.ret.kind ? D.ret : D.e;
    }
    a[0].i = e.kind;
    a[1].p = S(e.msg);
    a[2].i = e.off;
    a[3].p = S(e.typ);
    a[4].p = S(e.strct);
    a[5].p = S(e.field);
    a[6].p = e.err;
    return NATIVE_OK;
}

const NativeEntry encoding_json_natives[] = {
    {"json.marshal", n_marshal},
    {"json.unmarshal", n_unmarshal},
    {"json.valid", n_valid},
    {"json.compact", n_compact},
    {"json.indent", n_indent},
    {"json.htmlEscape", n_html_escape},
    {"json.valueEnd", n_value_end},
    {NULL, NULL},
};
