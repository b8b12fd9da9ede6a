/*
 * crc64.c — the table-driven CRC-64 loop of package hash/crc64
 * (crc64.go): one lookup per byte in the *Table passed (256 Slots holding
 * uint64s, value.h). The CRC is kept inverted between calls, as Go's.
 */
#include "stdlib/lib.h"

/* update(crc uint64, tab *Table, p []byte) uint64 */
static int n_update(Fiber *f, Slot *a) {
    const Slot *tab = a[1].p;
    const Slice *p = a[2].p;
    if (tab == NULL && slice_len(p) > 0)   /* Go's tab[...] on a nil *Table */
        return rt_panic_runtime(f, "invalid memory address or nil pointer dereference");
    uint64_t crc = ~a[0].u;
    for (int64_t i = 0, n = slice_len(p); i < n; i++)
        crc = tab[(uint8_t)crc ^ (uint8_t)p->data[i].u].u ^ (crc >> 8);
    a[0].u = ~crc;
    return NATIVE_OK;
}

const NativeEntry hash_crc64_natives[] = {
    {"crc64.update", n_update},
    {NULL, NULL},
};
