/*
 * testing.c — natives of package testing (stdlib/testing/testing.go): the
 * caller's frame for log lines' file:line and t.Helper, and the capture of
 * standard output while an example runs, and -race's report count. The -run pattern matcher is in
 * match.c.
 *
 * A native runs without a frame of its own (as log.c explains): the
 * fiber's top frame is the csp function that called it. Wrapper frames
 * (compiler-made method-value and interface thunks) are skipped, as Go's
 * runtime.Callers hides its wrappers, so a helper's name is the function
 * the user wrote.
 *
 * Capture: fd 1 is pointed at an unlinked temporary file for the length of
 * an example (dup/dup2), then restored and the file read back. Examples run
 * one at a time, as Go's; another goroutine writing meanwhile is captured
 * too (as in Go, where os.Stdout is swapped for a pipe).
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "runtime/gc.h"
#include "runtime/race.h"
#include "runtime/vm.h"
#include "stdlib/lib.h"

/* frameAt(skip int) (file string, line int, fn string, ok bool) */
static int n_frameAt(Fiber *f, Slot *a) {
    int64_t skip = a[0].i;
    for (int i = f->nframes - 1; i >= 0 && skip >= 0; i--) {
        const Frame *fr = &f->frames[i];
        const Proto *pr = fr->proto;
        if (!pr || pr->wrapper)
            continue;
        if (skip-- > 0)
            continue;
        a[0].p = str_from_cstr(pr->file ? pr->file : "???");
        a[1].i = panic_frame_line(fr, false);
        a[2].p = str_from_cstr(pr->name ? pr->name : "?");
        a[3].i = 1;
        return NATIVE_OK;
    }
    a[0].p = NULL;
    a[1].i = 0;
    a[2].p = NULL;
    a[3].i = 0;
    return NATIVE_OK;
}

/* captureStart() int: the saved fd 1, or -1 when capture failed (the
 * example's output then goes to the terminal and compares as empty). */
static int n_captureStart(Fiber *f, Slot *a) {
    fflush(stdout);
    FILE *tmp = tmpfile();
    int saved = tmp ? dup(1) : -1;
    if (saved >= 0 && dup2(fileno(tmp), 1) < 0) {
        close(saved);
        saved = -1;
    }
    if (tmp)
        fclose(tmp); /* fd 1 keeps the unlinked file open */
    a[0].i = saved;
    return NATIVE_OK;
}

/* captureStop(saved int) string */
static int n_captureStop(Fiber *f, Slot *a) {
    int saved = (int)a[0].i;
    a[0].p = NULL;
    if (saved < 0)
        return NATIVE_OK;
    fflush(stdout);
    StrBuf b;
    sb_init(&b);
    off_t end = lseek(1, 0, SEEK_CUR);
    if (end > 0 && lseek(1, 0, SEEK_SET) == 0) {
        char chunk[4096];
        ssize_t r;
        while ((r = read(1, chunk, sizeof chunk)) > 0)
            sb_write(&b, chunk, r);
    }
    dup2(saved, 1);
    close(saved);
    a[0].p = sb_str(&b);
    return NATIVE_OK;
}

/* allocCounts() (objects, bytes uint64): what the program has allocated
 * so far (runtime/gc.c's counts), for B/op and allocs/op. */
static int n_allocCounts(Fiber *f, Slot *a) {
    uint64_t n, b;
    gc_alloc_counts(&n, &b);
    a[0].u = n;
    a[1].u = b;
    return NATIVE_OK;
}

/* raceErrors() int: the data races -race has reported so far (0 without
 * -race); tRunner fails a test during which the count grew, as Go's. */
static int n_raceErrors(Fiber *f, Slot *a) {
    a[0].i = RACE_ON() ? race_count() : 0;
    return NATIVE_OK;
}

int testing_match(Fiber *f, Slot *a); /* match.c */

const NativeEntry testing_natives[] = {
    {"testing.frameAt", n_frameAt},
    {"testing.captureStart", n_captureStart},
    {"testing.captureStop", n_captureStop},
    {"testing.matchString", testing_match},
    {"testing.raceErrors", n_raceErrors},
    {"testing.allocCounts", n_allocCounts},
    {NULL, NULL},
};
