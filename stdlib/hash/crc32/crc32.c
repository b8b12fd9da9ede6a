/*
 * crc32.c — the table-driven CRC-32 loop of package hash/crc32
 * (crc32.go): one table lookup per byte, over the *Table the caller
 * passes (256 Slots holding uint32s, value.h), so every polynomial goes
 * through the same loop. The CRC is kept inverted between calls, as Go's.
 */
#include "stdlib/lib.h"

/* update(crc uint32, tab *Table, p []byte) uint32 */
static int n_update(Fiber *f, Slot *a) {
    const Slot *tab = a[1].p;
    const Slice *p = a[2].p;
    if (tab == NULL && slice_len(p) > 0)   /* Go's tab[...] on a nil *Table */
        return rt_panic_runtime(f, "invalid memory address or nil pointer dereference");
    uint32_t crc = ~(uint32_t)a[0].u;
    for (int64_t i = 0, n = slice_len(p); i < n; i++)
        crc = (uint32_t)tab[(uint8_t)crc ^ (uint8_t)p->data[i].u].u ^ (crc >> 8);
    a[0].u = ~crc;
    return NATIVE_OK;
}

const NativeEntry hash_crc32_natives[] = {
    {"crc32.update", n_update},
    {NULL, NULL},
};
