/*
 * lex.c — the Go lexer (see lex.h for the contract).
 *
 * Owns: turning source bytes into tokens, automatic semicolon insertion,
 * decoding of string and rune literals, and the lexical error messages.
 *
 * The scanner follows cmd/compile/internal/syntax/scanner.go closely so that
 * positions and messages match what `go build` prints (Go 1.19 wording,
 * e.g. "unknown escape", "newline in string"). Columns are 1-based byte
 * offsets within the line, as Go reports them.
 *
 * Semicolons: after a line's final token, if that token is an identifier,
 * literal, one of the keywords break/continue/fallthrough/return, or one of
 * ++ -- ) ] }, a T_SEMICOLON with val "\n" is produced at the newline (val
 * "EOF" when the file ends instead; val ";" for a written one). A block
 * comment that spans lines acts as a newline.
 *
 * The source is NUL-terminated: a NUL byte ends the input. Decoded string
 * values live on the GC heap (gc_alloc_atomic) and are NUL-terminated too.
 */
#include "lex.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../runtime/gc.h"
#include "../runtime/rt.h"

const char *const tok_names[T_NTOKENS] = {
#define X(name, str) str,
    TOKENS(X)
#undef X
};

/* ---- small helpers -------------------------------------------------------- */

static int cur_col(const Lexer *lx, const char *p) {
    return (int)(p - lx->line_start) + 1;
}

static void errf(Lexer *lx, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void errf(Lexer *lx, int line, int col, const char *fmt, ...) {
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (lx->error) lx->error(lx->error_ctx, line, col, buf);
}

/* Error at the current read position. */
#define ERR_HERE(lx, ...) errf((lx), (lx)->line, cur_col((lx), (lx)->p), __VA_ARGS__)

/* Invalid UTF-8 at p. Go 1.26 reports only the file's first one (later
 * ones are dropped as repeats of the same message), so does csp. */
static void bad_utf8(Lexer *lx, const char *p) {
    if (lx->bad_utf8_seen) return;
    lx->bad_utf8_seen = true;
    errf(lx, lx->line, cur_col(lx, p), "invalid UTF-8 encoding");
}

static bool is_decimal(int c) { return c >= '0' && c <= '9'; }
static bool is_hex(int c) {
    return is_decimal(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static int lower(int c) { return c | 0x20; }

/* Decodes one UTF-8 sequence at p with runtime/str.c's decoder (Go's
 * utf8.DecodeRune): the rune, 0xFFFD and *n = 1 when invalid. Offering 4
 * bytes is safe: the source is NUL-terminated and the decoder stops at the
 * first byte that does not continue the sequence. */
static int32_t decode_at(const char *p, int *n) {
    return utf8_decode(p, 4, n);
}

/* True when the bytes at p form a valid encoding of U+FFFD itself (so a
 * decoded 0xFFFD of length 3 is not an encoding error). */
static bool utf8_valid_at(const char *p) {
    int n;
    int32_t r = decode_at(p, &n);
    return !(r == 0xFFFD && n == 1);
}

/* Unicode letters without a Unicode database: every rune >= 0x80 counts as a
 * letter except well-known punctuation, symbol, space and private-use
 * blocks. This accepts all real-world identifiers (Latin, Greek, Cyrillic,
 * CJK ...) and rejects the common non-letters (·, ×, —, “, →, emoji). */
static bool unicode_letter(int32_t r) {
    if (r < 0x80) return false;
    if (r < 0xC0) return r == 0xAA || r == 0xB5 || r == 0xBA;
    if (r == 0xD7 || r == 0xF7) return false;
    if (r >= 0x2000 && r <= 0x2BFF) return false;   /* punctuation, symbols */
    if (r >= 0x3000 && r <= 0x303F) return false;   /* CJK punctuation */
    if (r >= 0xE000 && r <= 0xF8FF) return false;   /* private use */
    if (r >= 0xFE00 && r <= 0xFE0F) return false;   /* variation selectors */
    if (r >= 0xFF00 && r <= 0xFF0F) return false;   /* fullwidth punctuation */
    if (r == 0xFEFF || r == 0xFFFD) return false;
    if (r >= 0x1F000 && r <= 0x1FAFF) return false; /* emoji, symbols */
    return true;
}

/* Formats a rune as Go's %#U: "U+0040 '@'" (the quote part only when
 * printable). */
static void fmt_rune_U(char *buf, size_t n, int32_t r) {
    bool printable = (r >= 0x20 && r < 0x7F) || (r >= 0xA1 && r != 0xAD &&
                     r != 0xFFFD && !(r >= 0xD800 && r < 0xE000) && r <= 0x10FFFF);
    if (printable) {
        char u[5];
        int k = utf8_encode(u, r);
        u[k] = 0;
        snprintf(buf, n, "U+%04X '%s'", (unsigned)r, u);
    } else {
        snprintf(buf, n, "U+%04X", (unsigned)r);
    }
}

/* Formats a character as Go's %q (for "invalid digit '9'"). */
static void fmt_quote_char(char *buf, size_t n, int c) {
    if (c == '\'' || c == '\\') snprintf(buf, n, "'\\%c'", c);
    else if (c >= 0x20 && c < 0x7F) snprintf(buf, n, "'%c'", c);
    else if (c == '\n') snprintf(buf, n, "'\\n'");
    else snprintf(buf, n, "'\\x%02x'", c & 0xFF);
}

static void newline(Lexer *lx) {
    lx->line++;
    lx->line_start = lx->p;
}

/* ---- initialisation -------------------------------------------------------- */

void lex_init(Lexer *lx, const char *src, LexErrorFn error, void *ctx) {
    memset(lx, 0, sizeof *lx);
    lx->src = src;
    lx->p = src;
    lx->line = 1;
    lx->line_start = src;
    lx->error = error;
    lx->error_ctx = ctx;
    /* A leading byte order mark is ignored, as Go does. */
    if ((unsigned char)src[0] == 0xEF && (unsigned char)src[1] == 0xBB &&
        (unsigned char)src[2] == 0xBF) {
        lx->p += 3;
        lx->line_start = lx->p;
    }
    if (lx->p[0] == '#' && lx->p[1] == '!') {
        while (*lx->p && *lx->p != '\n') lx->p++;
    }
}

/* ---- comments -------------------------------------------------------------- */

/* Steps over one character of a comment at lx->p (not NUL, not a
 * newline); as in Go, invalid UTF-8 is an error there too. */
static void comment_char(Lexer *lx) {
    if ((unsigned char)*lx->p < 0x80) {
        lx->p++;
        return;
    }
    int n;
    decode_at(lx->p, &n);
    if (!utf8_valid_at(lx->p)) {
        bad_utf8(lx, lx->p);
        n = 1;
    }
    lx->p += n;
}

/* Skips a block comment whose opening slash-star starts at lx->p. Returns true if it
 * contained a newline. */
static bool skip_block_comment(Lexer *lx) {
    int line = lx->line, col = cur_col(lx, lx->p);
    bool nl = false;
    lx->p += 2;
    for (;;) {
        char c = *lx->p;
        if (c == 0) {
            errf(lx, line, col, "comment not terminated");
            return nl;
        }
        if (c == '*' && lx->p[1] == '/') { lx->p += 2; return nl; }
        if (c == '\n') {
            lx->p++;
            newline(lx);
            nl = true;
        } else {
            comment_char(lx);
        }
    }
}

/* ---- identifiers and keywords ------------------------------------------------ */

/* KW: the length beside each keyword, so the scan for one (every identifier
 * goes through it) compares lengths and first bytes before calling memcmp. */
#define KW(s, k) {s, sizeof s - 1, k}
static const struct { const char *s; int n; TokKind k; } keywords[] = {
    KW("break", T_BREAK), KW("case", T_CASE), KW("chan", T_CHAN),
    KW("const", T_CONST), KW("continue", T_CONTINUE), KW("default", T_DEFAULT),
    KW("defer", T_DEFER), KW("else", T_ELSE), KW("fallthrough", T_FALLTHROUGH),
    KW("for", T_FOR), KW("func", T_FUNC), KW("go", T_GO), KW("goto", T_GOTO),
    KW("if", T_IF), KW("import", T_IMPORT), KW("interface", T_INTERFACE),
    KW("map", T_MAP), KW("package", T_PACKAGE), KW("range", T_RANGE),
    KW("return", T_RETURN), KW("select", T_SELECT), KW("struct", T_STRUCT),
    KW("switch", T_SWITCH), KW("type", T_TYPE), KW("var", T_VAR),
};
#undef KW

static TokKind keyword_kind(const char *s, int n) {
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (keywords[i].n == n && keywords[i].s[0] == s[0] &&
            memcmp(keywords[i].s, s, n) == 0)
            return keywords[i].k;
    return T_IDENT;
}

/* Length of an identifier character at p (0 if p does not continue an
 * identifier). As in Go, any non-ASCII character continues an identifier;
 * one that is not a letter is reported ("invalid character U+00B7 '·' in
 * identifier") but kept, so the parser sees one token. */
static int ident_char(Lexer *lx, const char *p) {
    unsigned char c = (unsigned char)*p;
    if (c < 0x80)
        return (c == '_' || (lower(c) >= 'a' && lower(c) <= 'z') || is_decimal(c)) ? 1 : 0;
    int n;
    int32_t r = decode_at(p, &n);
    if (!utf8_valid_at(p)) {
        bad_utf8(lx, p);
    } else if (!unicode_letter(r)) {
        char u[32];
        fmt_rune_U(u, sizeof u, r);
        errf(lx, lx->line, cur_col(lx, p), "invalid character %s in identifier", u);
    }
    return n;
}

static void scan_ident(Lexer *lx, Token *t) {
    int n;
    while ((n = ident_char(lx, lx->p)) > 0) lx->p += n;
    t->len = (int32_t)(lx->p - t->start);
    t->kind = keyword_kind(t->start, t->len);
}

/* ---- numbers ----------------------------------------------------------------- */

static const char *base_name(int base) {
    switch (base) {
    case 2: return "binary";
    case 8: return "octal";
    case 10: return "decimal";
    default: return "hexadecimal";
    }
}

/* Scans digits and '_' in [base]; returns bit 0 = digit seen, bit 1 = '_'
 * seen. Records the first digit invalid for the base in *invalid. */
static int scan_digits(Lexer *lx, int base, const char **invalid) {
    int digsep = 0;
    for (;;) {
        char c = *lx->p;
        if (c == '_') digsep |= 2;
        else if (base <= 10 ? is_decimal(c) : is_hex(c)) {
            digsep |= 1;
            if (base < 10 && c >= '0' + base && invalid && !*invalid) *invalid = lx->p;
        } else break;
        lx->p++;
    }
    return digsep;
}

/* Index of a misplaced '_' in literal x, or -1 (Go's invalidSep). */
static int invalid_sep(const char *x, int n) {
    int x1 = ' ', d = '.', i = 0;
    if (n >= 2 && x[0] == '0') {
        x1 = lower(x[1]);
        if (x1 == 'x' || x1 == 'o' || x1 == 'b') { d = '0'; i = 2; }
    }
    for (; i < n; i++) {
        int p = d;
        d = x[i];
        if (d == '_') {
            if (p != '0') return i;
        } else if (is_decimal(d) || (x1 == 'x' && is_hex(d))) {
            d = '0';
        } else {
            if (p == '_') return i - 1;
            d = '.';
        }
    }
    return d == '_' ? n - 1 : -1;
}

/* Exponent part of a number; returns false after reporting an error. */
static bool scan_exponent(Lexer *lx, int prefix, int *digsep, bool ok) {
    int e = lower(*lx->p);
    if (ok && e == 'e' && prefix != 0 && prefix != '0') {
        ERR_HERE(lx, "'%c' exponent requires decimal mantissa", *lx->p);
        ok = false;
    } else if (ok && e == 'p' && prefix != 'x') {
        ERR_HERE(lx, "'%c' exponent requires hexadecimal mantissa", *lx->p);
        ok = false;
    }
    lx->p++;
    if (*lx->p == '+' || *lx->p == '-') lx->p++;
    *digsep = scan_digits(lx, 10, NULL) | (*digsep & 2);
    if (!(*digsep & 1) && ok) {
        ERR_HERE(lx, "exponent has no digits");
        ok = false;
    }
    return ok;
}

static void scan_number(Lexer *lx, Token *t, bool seen_point) {
    bool ok = true;
    TokKind kind = T_INT;
    int base = 10, prefix = 0, digsep = 0;
    const char *invalid = NULL;
    if (!seen_point) {
        if (*lx->p == '0') {
            lx->p++;
            switch (lower(*lx->p)) {
            case 'x': lx->p++; base = 16; prefix = 'x'; break;
            case 'o': lx->p++; base = 8; prefix = 'o'; break;
            case 'b': lx->p++; base = 2; prefix = 'b'; break;
            default: base = 8; prefix = '0'; digsep = 1; break;
            }
        }
        digsep |= scan_digits(lx, base, &invalid);
        if (*lx->p == '.') {
            if (prefix == 'o' || prefix == 'b') {
                ERR_HERE(lx, "invalid radix point in %s literal", base_name(base));
                ok = false;
            }
            lx->p++;
            seen_point = true;
        }
    } else {
        lx->p++; /* the '.' */
    }
    if (seen_point) {
        kind = T_FLOAT;
        digsep |= scan_digits(lx, base == 8 && prefix == '0' ? 10 : base, NULL);
    }
    if (!(digsep & 1) && ok) {
        ERR_HERE(lx, "%s literal has no digits", base_name(base));
        ok = false;
    }
    int e = lower(*lx->p);
    if (e == 'e' || e == 'p') {
        ok = scan_exponent(lx, prefix, &digsep, ok);
        kind = T_FLOAT;
    } else if (prefix == 'x' && kind == T_FLOAT && ok) {
        ERR_HERE(lx, "hexadecimal mantissa requires a 'p' exponent");
        ok = false;
    }
    if (*lx->p == 'i') { kind = T_IMAG; lx->p++; }
    t->kind = kind;
    t->len = (int32_t)(lx->p - t->start);
    /* A legacy octal literal with 8 or 9 is fine as a float/imaginary. */
    if (kind == T_INT && invalid && ok) {
        char q[16];
        fmt_quote_char(q, sizeof q, *invalid);
        errf(lx, t->line, t->col + (int)(invalid - t->start),
             "invalid digit %s in %s literal", q, base_name(base));
        ok = false;
    }
    if ((digsep & 2) && ok) {
        int i = invalid_sep(t->start, t->len);
        if (i >= 0) errf(lx, t->line, t->col + i, "'_' must separate successive digits");
    }
}

/* ---- strings and runes --------------------------------------------------------- */

/* A growable byte buffer for decoded literal values (GC heap, atomic). */
typedef struct Buf { char *b; int64_t n, cap; } Buf;

static void buf_put(Buf *b, const char *s, int64_t n) {
    if (b->n + n + 1 > b->cap) {
        int64_t cap = b->cap ? b->cap * 2 : 32;
        while (cap < b->n + n + 1) cap *= 2;
        char *nb = gc_alloc_atomic((size_t)cap);
        if (b->n) memcpy(nb, b->b, (size_t)b->n);
        b->b = nb;
        b->cap = cap;
    }
    memcpy(b->b + b->n, s, (size_t)n);
    b->n += n;
    b->b[b->n] = 0;
}

static void buf_rune(Buf *b, int32_t r) {
    char u[4];
    buf_put(b, u, utf8_encode(u, r));
}

/* Decodes an escape after the backslash (lx->p is past '\\'). Stores the
 * value in *val and whether it is a byte (\x, octal) in *is_byte. Returns
 * false after reporting an error; true at EOF/newline (the caller reports
 * the unterminated literal). */
static bool scan_escape(Lexer *lx, char quote, uint32_t *val, bool *is_byte) {
    static const char simple[] = "abfnrtv\\";
    static const char simple_val[] = "\a\b\f\n\r\t\v\\";
    int n; uint32_t base, max;
    char c = *lx->p;
    *is_byte = false;
    const char *sp = c ? strchr(simple, c) : NULL;
    if (c == quote || sp) {
        *val = c == quote ? (uint32_t)(unsigned char)c : (uint32_t)simple_val[sp - simple];
        lx->p++;
        return true;
    }
    if (c >= '0' && c <= '7') { n = 3; base = 8; max = 255; *is_byte = true; }
    else if (c == 'x') { lx->p++; n = 2; base = 16; max = 255; *is_byte = true; }
    else if (c == 'u') { lx->p++; n = 4; base = 16; max = 0x10FFFF; }
    else if (c == 'U') { lx->p++; n = 8; base = 16; max = 0x10FFFF; }
    else {
        if (c == 0) { *val = 0; return true; }
        ERR_HERE(lx, "unknown escape");
        return false;
    }
    uint32_t x = 0;
    for (int i = n; i > 0; i--) {
        int ch = (unsigned char)*lx->p;
        if (ch == 0) { *val = 0; return true; }
        uint32_t d = base;
        if (is_decimal(ch)) d = (uint32_t)(ch - '0');
        else if (lower(ch) >= 'a' && lower(ch) <= 'f') d = (uint32_t)(lower(ch) - 'a' + 10);
        if (d >= base) {
            char q[16];
            if (ch >= 0x80) {
                int len;
                char u[5];
                int k = utf8_encode(u, decode_at(lx->p, &len));
                u[k] = 0;
                snprintf(q, sizeof q, "'%s'", u);
            } else {
                fmt_quote_char(q, sizeof q, ch);
            }
            ERR_HERE(lx, "invalid character %s in %s escape", q, base_name((int)base));
            return false;
        }
        x = x * base + d;
        lx->p++;
    }
    if (x > max && base == 8) {
        ERR_HERE(lx, "octal escape value %u > 255", x);
        return false;
    }
    if (x > max || (x >= 0xD800 && x < 0xE000)) {
        char u[32];
        fmt_rune_U(u, sizeof u, (int32_t)x);
        ERR_HERE(lx, "escape is invalid Unicode code point %s", u);
        return false;
    }
    *val = x;
    return true;
}

/* Copies one (possibly multi-byte) source character into b; reports
 * invalid UTF-8. Returns the rune. */
static int32_t copy_char(Lexer *lx, Buf *b) {
    int n;
    int32_t r = decode_at(lx->p, &n);
    if (r == 0xFFFD && n == 1 && (unsigned char)*lx->p >= 0x80)
        bad_utf8(lx, lx->p);
    buf_put(b, lx->p, n);
    lx->p += n;
    return r;
}

static void scan_string(Lexer *lx, Token *t) {
    Buf b = {0};
    buf_put(&b, "", 0);
    lx->p++;
    for (;;) {
        char c = *lx->p;
        if (c == '"') { lx->p++; break; }
        if (c == '\\') {
            lx->p++;
            uint32_t v; bool is_byte;
            if (scan_escape(lx, '"', &v, &is_byte) && *lx->p != 0) {
                if (is_byte) { char ch = (char)v; buf_put(&b, &ch, 1); }
                else buf_rune(&b, (int32_t)v);
            }
            continue;
        }
        if (c == '\n') { ERR_HERE(lx, "newline in string"); break; }
        if (c == 0) { errf(lx, t->line, t->col, "string not terminated"); break; }
        copy_char(lx, &b);
    }
    t->kind = T_STRING;
    t->val = b.b;
    t->vlen = b.n;
}

static void scan_raw_string(Lexer *lx, Token *t) {
    Buf b = {0};
    buf_put(&b, "", 0);
    lx->p++;
    for (;;) {
        char c = *lx->p;
        if (c == '`') { lx->p++; break; }
        if (c == 0) { errf(lx, t->line, t->col, "string not terminated"); break; }
        if (c == '\r') { lx->p++; continue; }
        if (c == '\n') {
            buf_put(&b, "\n", 1);
            lx->p++;
            newline(lx);
            continue;
        }
        copy_char(lx, &b);
    }
    t->kind = T_STRING;
    t->val = b.b;
    t->vlen = b.n;
}

static void scan_rune(Lexer *lx, Token *t) {
    bool ok = true;
    int32_t r = 0;
    int n = 0;
    Buf scratch = {0};
    lx->p++;
    for (;; n++) {
        char c = *lx->p;
        if (c == '\'') {
            if (ok && n == 0) { ERR_HERE(lx, "empty rune literal or unescaped '"); ok = false; }
            else if (ok && n != 1) {
                errf(lx, t->line, t->col, "more than one character in rune literal");
                ok = false;
            }
            lx->p++;
            break;
        }
        if (c == '\\') {
            lx->p++;
            uint32_t v; bool is_byte;
            if (!scan_escape(lx, '\'', &v, &is_byte)) ok = false;
            else if (n == 0) r = (int32_t)v;
            continue;
        }
        if (c == '\n') {
            if (ok) { ERR_HERE(lx, "newline in rune literal"); ok = false; }
            break;
        }
        if (c == 0) {
            if (ok) { errf(lx, t->line, t->col, "rune literal not terminated"); ok = false; }
            break;
        }
        int32_t cr = copy_char(lx, &scratch);
        if (n == 0) r = cr;
    }
    char *u = gc_alloc_atomic(5);
    int k = utf8_encode(u, r);
    u[k] = 0;
    t->kind = T_CHAR;
    t->rune = r;
    t->val = u;
    t->vlen = k;
}

/* ---- operators ------------------------------------------------------------------ */

/* Scans an operator or delimiter at lx->p. Returns T_ILLEGAL if none. */
static TokKind scan_op(Lexer *lx) {
    const char *p = lx->p;
    char c = p[0], c1 = p[1], c2 = c1 ? p[2] : 0;
    TokKind k = T_ILLEGAL;
    int n = 1;
#define OP2(ch, tk) else if (c1 == (ch)) { k = (tk); n = 2; }
    switch (c) {
    case '(': k = T_LPAREN; break;
    case ')': k = T_RPAREN; break;
    case '[': k = T_LBRACK; break;
    case ']': k = T_RBRACK; break;
    case '{': k = T_LBRACE; break;
    case '}': k = T_RBRACE; break;
    case ',': k = T_COMMA; break;
    case ';': k = T_SEMICOLON; break;
    case '~': k = T_TILDE; break;
    case '.':
        if (c1 == '.' && c2 == '.') { k = T_ELLIPSIS; n = 3; } else k = T_PERIOD;
        break;
    case ':': if (0) {} OP2('=', T_DEFINE) else k = T_COLON; break;
    case '+': if (0) {} OP2('+', T_INC) OP2('=', T_ADD_ASSIGN) else k = T_ADD; break;
    case '-': if (0) {} OP2('-', T_DEC) OP2('=', T_SUB_ASSIGN) else k = T_SUB; break;
    case '*': if (0) {} OP2('=', T_MUL_ASSIGN) else k = T_MUL; break;
    case '/': if (0) {} OP2('=', T_QUO_ASSIGN) else k = T_QUO; break;
    case '%': if (0) {} OP2('=', T_REM_ASSIGN) else k = T_REM; break;
    case '^': if (0) {} OP2('=', T_XOR_ASSIGN) else k = T_XOR; break;
    case '=': if (0) {} OP2('=', T_EQL) else k = T_ASSIGN; break;
    case '!': if (0) {} OP2('=', T_NEQ) else k = T_NOT; break;
    case '|': if (0) {} OP2('|', T_LOR) OP2('=', T_OR_ASSIGN) else k = T_OR; break;
    case '&':
        if (c1 == '^') {
            if (c2 == '=') { k = T_AND_NOT_ASSIGN; n = 3; } else { k = T_AND_NOT; n = 2; }
        }
        OP2('&', T_LAND) OP2('=', T_AND_ASSIGN) else k = T_AND;
        break;
    case '<':
        if (c1 == '<') {
            if (c2 == '=') { k = T_SHL_ASSIGN; n = 3; } else { k = T_SHL; n = 2; }
        }
        OP2('-', T_ARROW) OP2('=', T_LEQ) else k = T_LSS;
        break;
    case '>':
        if (c1 == '>') {
            if (c2 == '=') { k = T_SHR_ASSIGN; n = 3; } else { k = T_SHR; n = 2; }
        }
        OP2('=', T_GEQ) else k = T_GTR;
        break;
    default: break;
    }
#undef OP2
    if (k != T_ILLEGAL) lx->p += n;
    return k;
}

/* ---- the main entry -------------------------------------------------------------- */

static bool ends_statement(TokKind k) {
    switch (k) {
    case T_IDENT: case T_INT: case T_FLOAT: case T_IMAG: case T_CHAR: case T_STRING:
    case T_BREAK: case T_CONTINUE: case T_FALLTHROUGH: case T_RETURN:
    case T_INC: case T_DEC: case T_RPAREN: case T_RBRACK: case T_RBRACE:
        return true;
    default:
        return false;
    }
}

static Token make_semi(Lexer *lx, const char *at, const char *val) {
    Token t = {0};
    t.kind = T_SEMICOLON;
    t.line = lx->line;
    t.col = cur_col(lx, at);
    t.start = at;
    t.val = val;
    t.vlen = (int64_t)strlen(val);
    return t;
}

/* Skips blanks and comments. Returns true (and fills *semi) when a newline
 * or EOF must become an automatic semicolon. */
static bool skip_space(Lexer *lx, Token *semi) {
    for (;;) {
        char c = *lx->p;
        if (c == ' ' || c == '\t' || c == '\r') { lx->p++; continue; }
        if (c == '\n') {
            if (lx->insert_semi) {
                *semi = make_semi(lx, lx->p, "\n");
                lx->p++;
                newline(lx);
                return true;
            }
            lx->p++;
            newline(lx);
            continue;
        }
        if (c == '/' && lx->p[1] == '/') {
            while (*lx->p && *lx->p != '\n') comment_char(lx);
            continue;
        }
        if (c == '/' && lx->p[1] == '*') {
            const char *at = lx->p;
            int line = lx->line;
            const char *ls = lx->line_start;
            if (skip_block_comment(lx) && lx->insert_semi) {
                Token t = make_semi(lx, at, "\n");
                t.line = line;
                t.col = (int)(at - ls) + 1;
                *semi = t;
                return true;
            }
            continue;
        }
        if (c == 0 && lx->insert_semi) {
            *semi = make_semi(lx, lx->p, "EOF");
            return true;
        }
        return false;
    }
}

/* A BOM is not an identifier character; everything else non-ASCII starts
 * one (see ident_char). */
static bool starts_non_ident(const char *p) {
    int n;
    return decode_at(p, &n) == 0xFEFF;
}

/* Scans one non-blank token starting at lx->p into t. Returns false when
 * the character was invalid and skipped (the caller rescans). */
static bool scan_token(Lexer *lx, Token *t) {
    unsigned char c = (unsigned char)*lx->p;
    if (c == 0) { t->kind = T_EOF; return true; }
    if (c == '_' || (lower(c) >= 'a' && lower(c) <= 'z') ||
        (c >= 0x80 && !starts_non_ident(lx->p))) {
        scan_ident(lx, t);
        return true;
    }
    if (is_decimal(c) || (c == '.' && is_decimal(lx->p[1]))) {
        scan_number(lx, t, c == '.');
        return true;
    }
    if (c == '"') { scan_string(lx, t); return true; }
    if (c == '`') { scan_raw_string(lx, t); return true; }
    if (c == '\'') { scan_rune(lx, t); return true; }
    TokKind k = scan_op(lx);
    if (k != T_ILLEGAL) { t->kind = k; return true; }
    int n;
    int32_t r = decode_at(lx->p, &n);
    if (r == 0xFFFD && n == 1 && c >= 0x80) {
        bad_utf8(lx, lx->p);
    } else if (r == 0xFEFF) {
        ERR_HERE(lx, "invalid BOM in the middle of the file");
    } else {
        char u[32];
        fmt_rune_U(u, sizeof u, r);
        ERR_HERE(lx, "invalid character %s", u);
    }
    lx->p += n;
    return false;
}

Token lex_next(Lexer *lx) {
    Token t;
    for (;;) {
        if (skip_space(lx, &t)) {
            lx->insert_semi = false;
            return t;
        }
        memset(&t, 0, sizeof t);
        t.line = lx->line;
        t.col = cur_col(lx, lx->p);
        t.start = lx->p;
        if (scan_token(lx, &t)) break;
    }
    if (t.kind != T_EOF && t.len == 0) t.len = (int32_t)(lx->p - t.start);
    if (t.kind == T_SEMICOLON) { t.val = ";"; t.vlen = 1; }
    lx->insert_semi = ends_statement(t.kind);
    return t;
}
