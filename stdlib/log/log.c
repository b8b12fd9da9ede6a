/*
 * log.c — natives of package log (stdlib/log/log.go): the caller's source
 * position for Lshortfile / Llongfile.
 *
 * A native runs without a frame of its own: the fiber's top frame is the
 * csp function that called it, its pc already past the call instruction.
 * caller(skip) walks skip frames further down, as runtime.Caller(skip+1)
 * would, and reads the line table at the return address.
 */
#include "runtime/vm.h"
#include "stdlib/lib.h"

/* caller(skip int) (file string, line int, ok bool) */
static int n_caller(Fiber *f, Slot *a) {
    int64_t i = f->nframes - 1 - a[0].i;
    if (a[0].i < 0 || i < 0) {
        a[0].p = NULL;
        a[1].i = 0;
        a[2].i = 0;
        return NATIVE_OK;
    }
    const Frame *fr = &f->frames[i];
    const Proto *pr = fr->proto;
    a[0].p = str_from_cstr(pr->file ? pr->file : "???");
    a[1].i = panic_frame_line(fr, false);
    a[2].i = 1;
    return NATIVE_OK;
}

const NativeEntry log_natives[] = {
    {"log.caller", n_caller},
    {NULL, NULL},
};
