/*
 * lex.h — Go tokens and the lexer.
 *
 * The lexer turns a NUL-terminated source into tokens on demand, inserting
 * semicolons after a line's final token as the Go spec says. String and rune
 * literals are decoded here (every escape), so later stages see values.
 * A `#!` first line is skipped.
 */
#ifndef CSP_LEX_H
#define CSP_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* X(name, spelling) — one table for the enum and the spellings. */
#define TOKENS(X) \
    X(T_EOF, "EOF") X(T_ILLEGAL, "ILLEGAL") \
    X(T_IDENT, "identifier") X(T_INT, "int literal") X(T_FLOAT, "float literal") \
    X(T_IMAG, "imaginary literal") X(T_CHAR, "rune literal") X(T_STRING, "string literal") \
    X(T_ADD, "+") X(T_SUB, "-") X(T_MUL, "*") X(T_QUO, "/") X(T_REM, "%") \
    X(T_AND, "&") X(T_OR, "|") X(T_XOR, "^") X(T_SHL, "<<") X(T_SHR, ">>") X(T_AND_NOT, "&^") \
    X(T_ADD_ASSIGN, "+=") X(T_SUB_ASSIGN, "-=") X(T_MUL_ASSIGN, "*=") X(T_QUO_ASSIGN, "/=") \
    X(T_REM_ASSIGN, "%=") X(T_AND_ASSIGN, "&=") X(T_OR_ASSIGN, "|=") X(T_XOR_ASSIGN, "^=") \
    X(T_SHL_ASSIGN, "<<=") X(T_SHR_ASSIGN, ">>=") X(T_AND_NOT_ASSIGN, "&^=") \
    X(T_LAND, "&&") X(T_LOR, "||") X(T_ARROW, "<-") X(T_INC, "++") X(T_DEC, "--") \
    X(T_EQL, "==") X(T_LSS, "<") X(T_GTR, ">") X(T_ASSIGN, "=") X(T_NOT, "!") \
    X(T_NEQ, "!=") X(T_LEQ, "<=") X(T_GEQ, ">=") X(T_DEFINE, ":=") X(T_ELLIPSIS, "...") \
    X(T_LPAREN, "(") X(T_LBRACK, "[") X(T_LBRACE, "{") X(T_COMMA, ",") X(T_PERIOD, ".") \
    X(T_RPAREN, ")") X(T_RBRACK, "]") X(T_RBRACE, "}") X(T_SEMICOLON, ";") X(T_COLON, ":") \
    X(T_TILDE, "~") \
    X(T_BREAK, "break") X(T_CASE, "case") X(T_CHAN, "chan") X(T_CONST, "const") \
    X(T_CONTINUE, "continue") X(T_DEFAULT, "default") X(T_DEFER, "defer") X(T_ELSE, "else") \
    X(T_FALLTHROUGH, "fallthrough") X(T_FOR, "for") X(T_FUNC, "func") X(T_GO, "go") \
    X(T_GOTO, "goto") X(T_IF, "if") X(T_IMPORT, "import") X(T_INTERFACE, "interface") \
    X(T_MAP, "map") X(T_PACKAGE, "package") X(T_RANGE, "range") X(T_RETURN, "return") \
    X(T_SELECT, "select") X(T_STRUCT, "struct") X(T_SWITCH, "switch") X(T_TYPE, "type") \
    X(T_VAR, "var")

typedef enum TokKind {
#define X(name, str) name,
    TOKENS(X)
#undef X
    T_NTOKENS
} TokKind;

extern const char *const tok_names[T_NTOKENS];

/* The operator of an op-assignment (T_ADD for T_ADD_ASSIGN ...), or
 * T_ILLEGAL. TOKENS lists both runs in the same order. */
static inline TokKind tok_assign_base(TokKind op) {
    if (op >= T_ADD_ASSIGN && op <= T_AND_NOT_ASSIGN)
        return (TokKind)(op - T_ADD_ASSIGN + T_ADD);
    return T_ILLEGAL;
}

typedef struct Token {
    TokKind kind;
    int32_t line, col;
    const char *start;      /* points into the source */
    int32_t len;            /* raw length in the source */
    /* T_STRING / T_CHAR: decoded value (GC heap), T_CHAR: UTF-8 of the rune.
     * An automatically inserted semicolon has text "\n" (Go says
     * "unexpected newline"). */
    const char *val;
    int64_t vlen;
    int32_t rune;           /* T_CHAR: the rune value */
} Token;

/* Reports an error at (line, col) with a printf message; owned by the
 * caller (diag.c). */
typedef void (*LexErrorFn)(void *ctx, int line, int col, const char *msg);

typedef struct Lexer {
    const char *src;
    const char *p;
    int32_t line;
    const char *line_start;
    bool insert_semi;       /* last token allows automatic ';' at newline */
    bool bad_utf8_seen;     /* invalid UTF-8 reported (once per file, as Go) */
    LexErrorFn error;
    void *error_ctx;
} Lexer;

void lex_init(Lexer *lx, const char *src, LexErrorFn error, void *ctx);
Token lex_next(Lexer *lx);

#endif
