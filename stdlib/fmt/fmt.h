/*
 * fmt.h — the formatting engine of package fmt (stdlib/fmt.c), for other
 * natives that need Go's formatting of values.
 */
#ifndef CSP_FMT_H
#define CSP_FMT_H

#include "runtime/rt.h"

/* fmt.Sprintf(format, args...): args is a []any (elements Iface*, NULL =
 * nil). String/Error methods of the operands are called on f (f may be NULL:
 * then no method is called). *status becomes NATIVE_OK, or NATIVE_PANIC when
 * a method's panic could not be caught (the caller must return it). */
Str *fmt_sprintf(Fiber *f, Str *format, Slice *args, int *status);

/* fmt.Sprint (ln false) and fmt.Sprintln (ln true). */
Str *fmt_sprint(Fiber *f, Slice *args, bool ln, int *status);

/* Appends the value of type t at mem (memory representation, see value.h)
 * formatted with %verb ('v', 'd', 's', ... ; '+' for %+v, '#' for %#v) to b.
 * No methods are called (no fiber). */
void fmt_value(StrBuf *b, Type *t, const Slot *mem, char verb);

#endif
