/*
 * parse.h — the Go parser: source text -> syntax tree (ast.h).
 *
 * One recursive-descent pass over the tokens of lex.h, following the
 * grammar and the error recovery of Go's own parser (cmd/compile's syntax
 * package) so that syntax errors read and are placed as Go places them:
 * "syntax error: unexpected newline in composite literal; possibly missing
 * comma or }". Only the SYNTAX fields of the tree are filled.
 */
#ifndef CSP_PARSE_H
#define CSP_PARSE_H

#include <stddef.h>

#include "ast.h"
#include "diag.h"

/* Parses one file. src need not be NUL-terminated (it is copied). Errors go
 * to d. Never returns NULL and never crashes, whatever the input; a file
 * with errors yields a partial tree. A missing package clause means
 * "package main". */
SrcFile *parse_file(const char *path, const char *src, size_t len, Diag *d);

/* For the REPL: parses src as a sequence of top-level declarations (import,
 * const, var, type, func) and statements, in any order. Declarations go into
 * the returned file, statements into *stmts (GC heap array, *nstmts long). */
SrcFile *parse_repl(const char *path, const char *src, size_t len, Diag *d,
                    Stmt ***stmts, int *nstmts);

#endif
