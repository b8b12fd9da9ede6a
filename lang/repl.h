/*
 * repl.h — csp's interactive session (`csp` with no arguments, issue 5).
 *
 * The session is kept as SOURCE plus live VALUES: the declarations typed so
 * far (funcs, types, consts, and one `var x T` per session variable) and
 * the globals of the last program run. Each input is compiled together
 * with the declarations into a fresh program whose main holds only the new
 * statements; the new program shares the previous one's global variables
 * (by name and type) before its main runs, so every input runs exactly
 * once and state persists. One scheduler runs for the whole session:
 * goroutines started at the prompt keep running. See repl.c.
 */
#ifndef CSP_REPL_H
#define CSP_REPL_H
#include <stdbool.h>
#include <stdio.h>

/* How far an input is: complete (run it), incomplete (the parser hit the
 * end inside brackets, a block or a raw string: read another line) or
 * wrong (run it anyway to print the error). */
typedef enum ReplInput { REPL_COMPLETE, REPL_INCOMPLETE, REPL_ERROR } ReplInput;
ReplInput repl_classify(const char *src);

typedef struct Repl Repl;

/* A new empty session running programs with procs Ps (0: default). */
Repl *repl_new(int procs);
/* Evaluates one complete input (statements, declarations, an expression or
 * a :command). Errors are printed to stderr and keep the session. Returns
 * false when the input asked to quit. */
bool repl_eval(Repl *r, const char *src);
/* Ends the session's goroutines and scheduler (tests). */
void repl_end(Repl *r);
/* The session as a runnable program (:write). */
void repl_write_program(Repl *r, FILE *out);
/* The interactive loop: libedit on a terminal, plain lines otherwise.
 * Returns the process exit status. */
int repl_main(int procs);

#endif
