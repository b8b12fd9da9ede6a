/*
 * errors.c — the reflective natives of package errors (stub:
 * stdlib/errors.go): comparability for Is, target checking and assignment
 * for As. Everything else of the package is Go.
 *
 * Assignability is Go's, restricted to what a dynamic type can meet: the
 * types are identical, or they share an underlying type and one is unnamed,
 * or the target is an interface whose methods the dynamic type has (looked
 * up by name in the runtime method tables; signatures are not compared).
 */
#include "stdlib/lib.h"

/* Go's comparability: no slices, maps or funcs, also not inside structs or
 * arrays. Interfaces are comparable (their dynamic values may not be). */
static bool type_comparable(const Type *t) {
    switch (t->kind) {
    case K_SLICE: case K_MAP: case K_FUNC:
        return false;
    case K_ARRAY:
        return type_comparable(t->elem);
    case K_STRUCT:
        for (int i = 0; i < t->nfields; i++)
            if (!type_comparable(t->fields[i].type))
                return false;
        return true;
    default:
        return true;
    }
}

static int n_comparable(Fiber *f, Slot *a) {
    Iface *e = a[0].p;
    a[0].i = e == NULL || type_comparable(e->type);
    return NATIVE_OK;
}

static bool implements(const Type *t, const Type *iface) {
    for (int i = 0; i < iface->nmethods; i++)
        if (!type_find_method(t, iface->methods[i].name))
            return false;
    return true;
}

static bool assignable(Type *from, Type *to) {
    if (from == to)
        return true;
    if (to->kind == K_INTERFACE)
        return implements(from, to);
    return from->underlying == to->underlying &&
           (from->name == NULL || to->name == NULL);
}

static int n_checkAsTarget(Fiber *f, Slot *a) {
    Iface *t = a[0].p;
    if (t == NULL)
        return rt_panic_string(f, "errors: target cannot be nil");
    if (t->type->kind != K_POINTER || t->val.p == NULL)
        return rt_panic_string(f, "errors: target must be a non-nil pointer");
    Type *elem = t->type->elem;
    if (elem->kind != K_INTERFACE && !implements(elem, type_error()))
        return rt_panic_string(
            f, "errors: *target must be interface or implement error");
    return NATIVE_OK;
}

static int n_assignTo(Fiber *f, Slot *a) {
    Iface *err = a[0].p, *target = a[1].p;
    Type *elem = target->type->elem;
    if (err == NULL || !assignable(err->type, elem)) {
        a[0].i = 0;
        return NATIVE_OK;
    }
    Slot *dst = target->val.p;
    if (elem->kind == K_INTERFACE)
        dst->p = err;   /* every interface value is an Iface* (value.h) */
    else
        rt_store(elem, dst, err->val);
    a[0].i = 1;
    return NATIVE_OK;
}

const NativeEntry errors_natives[] = {
    {"errors.comparable", n_comparable},
    {"errors.checkAsTarget", n_checkAsTarget},
    {"errors.assignTo", n_assignTo},
    {NULL, NULL},
};
