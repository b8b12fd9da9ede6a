/*
 * testmain.h — `csp test [FILE.csp...] FILE_test.csp [flags]`: runs a
 * package's Test, Benchmark and Example functions as `go test` does
 * (lang/testmain.c; package testing in stdlib/testing/).
 */
#ifndef CSP_TESTMAIN_H
#define CSP_TESTMAIN_H

/* The `test` subcommand; argv holds what follows the word `test`. Call
 * before anything else is set up (it forks first). Returns the exit
 * status: 0 when every test passed, 1 when one failed or the build did,
 * 2 for a usage error. */
int testmain_main(int argc, char **argv);

#endif
