/*
 * slog.c — natives of package log/slog (stdlib/log/slog/slog.go): where a
 * log call came from. Go records a program counter in each Record and
 * resolves it later (runtime.CallersFrames); csp has no program counters, so
 * the logger asks for the caller's function, file and line at the call and
 * keeps the frame's index, and the default handler turns that index back
 * into the calldepth that log.Output wants.
 *
 * A native runs without a frame of its own: the fiber's top frame is the csp
 * function that called it (see stdlib/log/log.c, which reads the same table).
 */
#include "runtime/vm.h"
#include "stdlib/lib.h"

/* caller(skip int) (index int, function, file string, line int): the frame
 * skip below the calling function; index -1 when there is none. */
static int n_caller(Fiber *f, Slot *a) {
    int64_t i = f->nframes - 1 - a[0].i;
    if (a[0].i < 0 || i < 0) {
        a[0].i = -1;
        a[1].p = NULL;
        a[2].p = NULL;
        a[3].i = 0;
        return NATIVE_OK;
    }
    const Frame *fr = &f->frames[i];
    const Proto *pr = fr->proto;
    a[0].i = i;
    a[1].p = pr->name ? str_from_cstr(pr->name) : NULL;
    a[2].p = str_from_cstr(pr->file ? pr->file : "???");
    a[3].i = panic_frame_line(fr, false);
    return NATIVE_OK;
}

/* frames() int: the index of the calling function's frame. */
static int n_frames(Fiber *f, Slot *a) {
    a[0].i = f->nframes - 1;
    return NATIVE_OK;
}

const NativeEntry log_slog_natives[] = {
    {"slog.caller", n_caller},
    {"slog.frames", n_frames},
    {NULL, NULL},
};
