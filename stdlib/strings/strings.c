/*
 * strings.c — natives of package strings (stub: stdlib/strings.go).
 *
 * Strings arrive as Str* (NULL = ""), results are written back to a[0..].
 * Substrings share bytes with their source (str_substr), as Go's do. Text is
 * decoded as UTF-8 with Go's rules: an invalid byte is U+FFFD of width 1.
 *
 * Builder keeps its bytes in a private buffer that only ever grows by
 * copying into a fresh allocation (never gc_realloc, which may free the old
 * block): bytes a returned String() shares are therefore never overwritten.
 */
#include <string.h>
#include "stdlib/lib.h"

#define STR(i) ((Str *)a[i].p)
#define RUNE_ERROR 0xFFFD

static Type *string_slice_elem(void) { return type_basic(K_STRING); }

static Str *sub(Str *s, int64_t lo, int64_t hi) {
    return lo >= hi ? NULL : str_substr(s, lo, hi);
}

/* Index of needle in hay, -1 if absent; an empty needle is at 0. */
static int64_t index_of(const char *h, int64_t hn, const char *n, int64_t nn) {
    if (nn == 0)
        return 0;
    const char *p = memmem(h, (size_t)hn, n, (size_t)nn);
    return p ? p - h : -1;
}

static int64_t last_index_of(const char *h, int64_t hn, const char *n,
                             int64_t nn) {
    for (int64_t i = hn - nn; i >= 0; i--)
        if (memcmp(h + i, n, (size_t)nn) == 0)
            return i;
    return -1;
}

/* Go's utf8.DecodeLastRune. */
static int32_t decode_last(const char *p, int64_t n, int *size) {
    int64_t start = n - 1;
    if ((unsigned char)p[start] < 0x80) {
        *size = 1;
        return (unsigned char)p[start];
    }
    int64_t lim = n - 4 < 0 ? 0 : n - 4;
    for (start--; start >= lim; start--)
        if (((unsigned char)p[start] & 0xC0) != 0x80)
            break;
    if (start < 0)
        start = 0;
    int32_t r = utf8_decode(p + start, n - start, size);
    if (start + *size != n) {
        *size = 1;
        return RUNE_ERROR;
    }
    return r;
}

/* Does the UTF-8 text chars contain rune r (compared after decoding, so an
 * invalid byte matches U+FFFD as in Go)? */
static bool has_rune(const char *chars, int64_t n, int32_t r) {
    for (int64_t i = 0; i < n;) {
        int size;
        if (utf8_decode(chars + i, n - i, &size) == r)
            return true;
        i += size;
    }
    return false;
}

static int64_t index_rune(const char *s, int64_t n, int32_t r) {
    if (r >= 0 && r < 0x80) {
        const char *p = memchr(s, r, (size_t)n);
        return p ? p - s : -1;
    }
    if (r == RUNE_ERROR) {
        for (int64_t i = 0; i < n;) {
            int size;
            if (utf8_decode(s + i, n - i, &size) == RUNE_ERROR)
                return i;
            i += size;
        }
        return -1;
    }
    if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
        return -1;
    char buf[4];
    int len = utf8_encode(buf, r);
    return index_of(s, n, buf, len);
}

static int64_t count_runes(const char *s, int64_t n) {
    int64_t c = 0;
    for (int64_t i = 0; i < n; c++) {
        int size;
        utf8_decode(s + i, n - i, &size);
        i += size;
    }
    return c;
}

static int64_t count(const char *s, int64_t n, const char *sep, int64_t sn) {
    if (sn == 0)
        return count_runes(s, n) + 1;
    int64_t c = 0;
    for (int64_t i = 0;;) {
        int64_t j = index_of(s + i, n - i, sep, sn);
        if (j < 0)
            return c;
        c++;
        i += j + sn;
    }
}

/* ---- searching ---------------------------------------------------------- */

static int n_Compare(Fiber *f, Slot *a) {
    int c = str_compare(STR(0), STR(1));
    a[0].i = c < 0 ? -1 : c > 0;
    return NATIVE_OK;
}

static int n_Index(Fiber *f, Slot *a) {
    a[0].i = index_of(str_data(STR(0)), str_len(STR(0)), str_data(STR(1)),
                      str_len(STR(1)));
    return NATIVE_OK;
}

static int n_Contains(Fiber *f, Slot *a) {
    n_Index(f, a);
    a[0].i = a[0].i >= 0;
    return NATIVE_OK;
}

static int n_LastIndex(Fiber *f, Slot *a) {
    a[0].i = last_index_of(str_data(STR(0)), str_len(STR(0)),
                           str_data(STR(1)), str_len(STR(1)));
    return NATIVE_OK;
}

static int n_IndexByte(Fiber *f, Slot *a) {
    a[0].i = index_rune(str_data(STR(0)), str_len(STR(0)), (int32_t)a[1].u);
    return NATIVE_OK;
}

static int n_LastIndexByte(Fiber *f, Slot *a) {
    const char *s = str_data(STR(0));
    int64_t i = str_len(STR(0)) - 1;
    while (i >= 0 && (unsigned char)s[i] != a[1].u)
        i--;
    a[0].i = i;
    return NATIVE_OK;
}

static int n_IndexRune(Fiber *f, Slot *a) {
    a[0].i = index_rune(str_data(STR(0)), str_len(STR(0)), (int32_t)a[1].i);
    return NATIVE_OK;
}

static int n_ContainsRune(Fiber *f, Slot *a) {
    n_IndexRune(f, a);
    a[0].i = a[0].i >= 0;
    return NATIVE_OK;
}

/* IndexAny / LastIndexAny: first (last) rune of s that occurs in chars. */
static int64_t index_any(Str *s, Str *chars, bool last) {
    const char *p = str_data(s), *c = str_data(chars);
    int64_t n = str_len(s), found = -1;
    for (int64_t i = 0; i < n;) {
        int size;
        int32_t r = utf8_decode(p + i, n - i, &size);
        if (has_rune(c, str_len(chars), r)) {
            found = i;
            if (!last)
                break;
        }
        i += size;
    }
    return found;
}

static int n_IndexAny(Fiber *f, Slot *a) {
    a[0].i = index_any(STR(0), STR(1), false);
    return NATIVE_OK;
}

static int n_LastIndexAny(Fiber *f, Slot *a) {
    a[0].i = index_any(STR(0), STR(1), true);
    return NATIVE_OK;
}

static int n_ContainsAny(Fiber *f, Slot *a) {
    a[0].i = index_any(STR(0), STR(1), false) >= 0;
    return NATIVE_OK;
}

static int n_Count(Fiber *f, Slot *a) {
    a[0].i = count(str_data(STR(0)), str_len(STR(0)), str_data(STR(1)),
                   str_len(STR(1)));
    return NATIVE_OK;
}

static int n_HasPrefix(Fiber *f, Slot *a) {
    int64_t n = str_len(STR(0)), pn = str_len(STR(1));
    a[0].i = n >= pn && memcmp(str_data(STR(0)), str_data(STR(1)), pn) == 0;
    return NATIVE_OK;
}

static int n_HasSuffix(Fiber *f, Slot *a) {
    int64_t n = str_len(STR(0)), sn = str_len(STR(1));
    a[0].i = n >= sn &&
             memcmp(str_data(STR(0)) + n - sn, str_data(STR(1)), sn) == 0;
    return NATIVE_OK;
}

/* Simple case folding: each pair of runes shares an orbit of
 * unicode.SimpleFold. */
static int n_EqualFold(Fiber *f, Slot *a) {
    const char *s = str_data(STR(0)), *t = str_data(STR(1));
    int64_t sn = str_len(STR(0)), tn = str_len(STR(1)), i = 0, j = 0;
    while (i < sn && j < tn) {
        int ss, ts;
        int32_t r1 = utf8_decode(s + i, sn - i, &ss);
        int32_t r2 = utf8_decode(t + j, tn - j, &ts);
        if (!uni_equal_fold(r1, r2)) {
            a[0].i = 0;
            return NATIVE_OK;
        }
        i += ss;
        j += ts;
    }
    a[0].i = i == sn && j == tn;
    return NATIVE_OK;
}

/* ---- splitting and joining ---------------------------------------------- */

static Slice *new_strings(int64_t n) {
    return slice_new(string_slice_elem(), n, n);
}

/* Go's genSplit: split s around sep keeping sep_save bytes of each
 * separator; n < 0 means all. An empty sep splits into UTF-8 sequences. */
static Slice *gen_split(Str *s, Str *sep, int64_t sep_save, int64_t n) {
    const char *p = str_data(s), *sp = str_data(sep);
    int64_t len = str_len(s), sn = str_len(sep);
    if (n == 0)
        return NULL;
    if (n < 0)
        n = count(p, len, sp, sn) + 1;
    if (n > len + 1)
        n = len + 1;
    if (sn == 0) {
        int64_t cnt = count_runes(p, len);
        if (n > cnt)
            n = cnt;
        Slice *out = new_strings(n);
        int64_t i = 0;
        for (int64_t k = 0; k < n; k++) {
            int size;
            utf8_decode(p + i, len - i, &size);
            int64_t end = k == n - 1 ? len : i + size;
            out->data[k].p = sub(s, i, end);
            i = end;
        }
        return out;
    }
    Slice *out = new_strings(n);
    int64_t k = 0, i = 0;
    while (k < n - 1) {
        int64_t m = index_of(p + i, len - i, sp, sn);
        if (m < 0)
            break;
        out->data[k++].p = sub(s, i, i + m + sep_save);
        i += m + sn;
    }
    out->data[k++].p = sub(s, i, len);
    out->len = k;
    return out;
}

static int n_Split(Fiber *f, Slot *a) {
    a[0].p = gen_split(STR(0), STR(1), 0, -1);
    return NATIVE_OK;
}

static int n_SplitAfter(Fiber *f, Slot *a) {
    a[0].p = gen_split(STR(0), STR(1), str_len(STR(1)), -1);
    return NATIVE_OK;
}

static int n_SplitN(Fiber *f, Slot *a) {
    a[0].p = gen_split(STR(0), STR(1), 0, a[2].i);
    return NATIVE_OK;
}

static int n_SplitAfterN(Fiber *f, Slot *a) {
    a[0].p = gen_split(STR(0), STR(1), str_len(STR(1)), a[2].i);
    return NATIVE_OK;
}

static int n_Fields(Fiber *f, Slot *a) {
    Str *s = STR(0);
    const char *p = str_data(s);
    int64_t n = str_len(s), start = -1;
    Slice *out = new_strings(0);
    for (int64_t i = 0; i <= n;) {
        int size = 1;
        bool space = i == n || uni_is_space(utf8_decode(p + i, n - i, &size));
        if (space && start >= 0) {
            Slot v = {.p = sub(s, start, i)};
            out = slice_append(string_slice_elem(), out, &v, 1);
            start = -1;
        } else if (!space && start < 0) {
            start = i;
        }
        i += size;
    }
    a[0].p = out;
    return NATIVE_OK;
}

static int n_Join(Fiber *f, Slot *a) {
    Slice *elems = a[0].p;
    Str *sep = STR(1);
    int64_t n = slice_len(elems);
    StrBuf b;
    sb_init(&b);
    for (int64_t i = 0; i < n; i++) {
        if (i > 0)
            sb_write(&b, str_data(sep), str_len(sep));
        Str *e = elems->data[i].p;
        sb_write(&b, str_data(e), str_len(e));
    }
    a[0].p = n == 1 ? elems->data[0].p : sb_str(&b);
    return NATIVE_OK;
}

static int n_Repeat(Fiber *f, Slot *a) {
    Str *s = STR(0);
    int64_t count = a[1].i, n = str_len(s);
    if (count < 0)
        return rt_panic_string(f, "strings: negative Repeat count");
    if (n > 0 && count > INT64_MAX / n)
        return rt_panic_string(f, "strings: Repeat output length overflow");
    if (n == 0 || count == 0) {
        a[0].p = NULL;
        return NATIVE_OK;
    }
    char *buf = gc_alloc_atomic((size_t)(n * count));
    for (int64_t i = 0; i < count; i++)
        memcpy(buf + i * n, s->data, (size_t)n);
    Str *r = gc_alloc(sizeof *r);
    r->len = n * count;
    r->data = buf;
    a[0].p = r;
    return NATIVE_OK;
}

/* Go's Replace: at most n (all if n < 0) non-overlapping replacements; an
 * empty old matches at the start and after each UTF-8 sequence. */
static Str *replace(Str *s, Str *old, Str *new, int64_t n) {
    const char *p = str_data(s), *op = str_data(old);
    int64_t len = str_len(s), on = str_len(old);
    if (str_equal(old, new) || n == 0)
        return s;
    int64_t m = count(p, len, op, on);
    if (m == 0)
        return s;
    if (n < 0 || m < n)
        n = m;
    StrBuf b;
    sb_init(&b);
    int64_t start = 0;
    for (int64_t i = 0; i < n; i++) {
        int64_t j = start;
        if (on == 0) {
            if (i > 0) {
                int size;
                utf8_decode(p + start, len - start, &size);
                j += size;
            }
        } else {
            j += index_of(p + start, len - start, op, on);
        }
        sb_write(&b, p + start, j - start);
        sb_write(&b, str_data(new), str_len(new));
        start = j + on;
    }
    sb_write(&b, p + start, len - start);
    return sb_str(&b);
}

static int n_Replace(Fiber *f, Slot *a) {
    a[0].p = replace(STR(0), STR(1), STR(2), a[3].i);
    return NATIVE_OK;
}

static int n_ReplaceAll(Fiber *f, Slot *a) {
    a[0].p = replace(STR(0), STR(1), STR(2), -1);
    return NATIVE_OK;
}

/* (*Replacer).Replace: at each position the earliest pair (in argument
 * order) whose old string matches wins; an empty old matches once between
 * every two bytes — Go's generic replacer, which every specialised Go
 * replacer agrees with. */
static int n_Replacer_Replace(Fiber *f, Slot *a) {
    Slot *r = a[0].p;
    Slice *on = r ? r[0].p : NULL;
    Str *s = STR(1);
    const char *p = str_data(s);
    int64_t len = str_len(s), npairs = slice_len(on) / 2, last = 0;
    bool prev_empty = false, changed = false;
    StrBuf b;
    sb_init(&b);
    for (int64_t i = 0; i <= len;) {
        int64_t hit = -1;
        for (int64_t k = 0; k < npairs && hit < 0; k++) {
            Str *old = on->data[2 * k].p;
            int64_t olen = str_len(old);
            if (olen == 0 ? !prev_empty
                          : olen <= len - i && memcmp(p + i, old->data, olen) == 0)
                hit = k;
        }
        if (hit < 0) {
            prev_empty = false;
            i++;
            continue;
        }
        Str *old = on->data[2 * hit].p, *rep = on->data[2 * hit + 1].p;
        sb_write(&b, p + last, i - last);
        sb_write(&b, str_data(rep), str_len(rep));
        prev_empty = str_len(old) == 0;
        i += str_len(old);
        last = i;
        changed = true;
    }
    if (!changed) {
        a[0].p = s;
        return NATIVE_OK;
    }
    sb_write(&b, p + last, len - last);
    a[0].p = sb_str(&b);
    return NATIVE_OK;
}

/* ---- case mapping ------------------------------------------------------- */

/* Maps every rune through fn; invalid bytes become U+FFFD (Go's Map). An
 * unchanged string is returned as is. */
static Str *map_runes(Str *s, int32_t (*fn)(int32_t)) {
    const char *p = str_data(s);
    int64_t n = str_len(s);
    bool changed = false;
    StrBuf b;
    sb_init(&b);
    for (int64_t i = 0; i < n;) {
        int size;
        int32_t r = utf8_decode(p + i, n - i, &size);
        int32_t m = fn(r);
        char buf[4];
        int len = utf8_encode(buf, m);
        changed |= m != r || (r == RUNE_ERROR && size == 1);
        sb_write(&b, buf, len);
        i += size;
    }
    return changed ? sb_str(&b) : s;
}

static int n_ToUpper(Fiber *f, Slot *a) {
    a[0].p = map_runes(STR(0), uni_to_upper);
    return NATIVE_OK;
}

static int n_ToLower(Fiber *f, Slot *a) {
    a[0].p = map_runes(STR(0), uni_to_lower);
    return NATIVE_OK;
}

static int n_ToTitle(Fiber *f, Slot *a) {
    a[0].p = map_runes(STR(0), uni_to_title);
    return NATIVE_OK;
}

/* Go's (deprecated) strings.Title word boundaries. */
static bool is_separator(int32_t r) {
    if (r <= 0x7F) {
        if ((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') ||
            (r >= 'A' && r <= 'Z') || r == '_')
            return false;
        return true;
    }
    if (uni_is_letter(r) || uni_is_digit(r))
        return false;
    return uni_is_space(r);
}

static int n_Title(Fiber *f, Slot *a) {
    Str *s = STR(0);
    const char *p = str_data(s);
    int64_t n = str_len(s);
    int32_t prev = ' ';
    StrBuf b;
    sb_init(&b);
    for (int64_t i = 0; i < n;) {
        int size;
        int32_t r = utf8_decode(p + i, n - i, &size);
        int32_t m = is_separator(prev) ? uni_to_title(r) : r;
        char buf[4];
        sb_write(&b, buf, utf8_encode(buf, m));
        prev = r;
        i += size;
    }
    a[0].p = n ? sb_str(&b) : NULL;
    return NATIVE_OK;
}

/* ---- trimming ----------------------------------------------------------- */

typedef bool (*RunePred)(int32_t r, Str *cutset);

static bool in_cutset(int32_t r, Str *cutset) {
    return has_rune(str_data(cutset), str_len(cutset), r);
}

static bool is_space_pred(int32_t r, Str *unused) { return uni_is_space(r); }

static int64_t trim_left_end(Str *s, RunePred pred, Str *cutset) {
    const char *p = str_data(s);
    int64_t n = str_len(s), i = 0;
    while (i < n) {
        int size;
        if (!pred(utf8_decode(p + i, n - i, &size), cutset))
            break;
        i += size;
    }
    return i;
}

static int64_t trim_right_end(Str *s, int64_t lo, RunePred pred,
                              Str *cutset) {
    const char *p = str_data(s);
    int64_t n = str_len(s);
    while (n > lo) {
        int size;
        if (!pred(decode_last(p + lo, n - lo, &size), cutset))
            break;
        n -= size;
    }
    return n;
}

static int n_Trim(Fiber *f, Slot *a) {
    int64_t lo = trim_left_end(STR(0), in_cutset, STR(1));
    a[0].p = sub(STR(0), lo, trim_right_end(STR(0), lo, in_cutset, STR(1)));
    return NATIVE_OK;
}

static int n_TrimLeft(Fiber *f, Slot *a) {
    a[0].p = sub(STR(0), trim_left_end(STR(0), in_cutset, STR(1)),
                 str_len(STR(0)));
    return NATIVE_OK;
}

static int n_TrimRight(Fiber *f, Slot *a) {
    a[0].p = sub(STR(0), 0, trim_right_end(STR(0), 0, in_cutset, STR(1)));
    return NATIVE_OK;
}

static int n_TrimSpace(Fiber *f, Slot *a) {
    int64_t lo = trim_left_end(STR(0), is_space_pred, NULL);
    a[0].p = sub(STR(0), lo, trim_right_end(STR(0), lo, is_space_pred, NULL));
    return NATIVE_OK;
}

static int n_TrimPrefix(Fiber *f, Slot *a) {
    Str *s = STR(0);
    n_HasPrefix(f, a);
    if (a[0].i)
        s = sub(s, str_len(STR(1)), str_len(s));
    a[0].p = s;
    return NATIVE_OK;
}

static int n_TrimSuffix(Fiber *f, Slot *a) {
    Str *s = STR(0);
    n_HasSuffix(f, a);
    if (a[0].i)
        s = sub(s, 0, str_len(s) - str_len(STR(1)));
    a[0].p = s;
    return NATIVE_OK;
}

/* ---- Builder -------------------------------------------------------------
 * Receiver layout (see strings.go): [0] addr, [1] buf (char*), [2] len,
 * [3] cap. */
enum { B_ADDR, B_BUF, B_LEN, B_CAP };

static int copy_check(Fiber *f, Slot *b) {
    if (b[B_ADDR].p == NULL)
        b[B_ADDR].p = b;
    else if (b[B_ADDR].p != b)
        return rt_panic_string(
            f, "strings: illegal use of non-zero Builder copied by value");
    return NATIVE_OK;
}

/* Makes room for n more bytes; newcap 0 = Go's append growth. */
static void builder_reserve(Slot *b, int64_t n, int64_t newcap) {
    int64_t len = b[B_LEN].i, cap = b[B_CAP].i;
    if (cap - len >= n)
        return;
    if (newcap == 0)
        newcap = slice_grow_cap(cap, len + n, 1);
    char *buf = gc_alloc_atomic((size_t)newcap);
    if (len)
        memcpy(buf, b[B_BUF].p, (size_t)len);
    b[B_BUF].p = buf;
    b[B_CAP].i = newcap;
}

static void builder_append(Slot *b, const char *p, int64_t n) {
    if (n <= 0) /* an empty builder has no buffer: no NULL + 0 */
        return;
    builder_reserve(b, n, 0);
    memcpy((char *)b[B_BUF].p + b[B_LEN].i, p, (size_t)n);
    b[B_LEN].i += n;
}

static int n_Builder_String(Fiber *f, Slot *a) {
    Slot *b = a[0].p;
    if (b[B_LEN].i == 0) {
        a[0].p = NULL;
        return NATIVE_OK;
    }
    Str *s = gc_alloc(sizeof *s);
    s->len = b[B_LEN].i;
    s->data = b[B_BUF].p;
    a[0].p = s;
    return NATIVE_OK;
}

static int n_Builder_Len(Fiber *f, Slot *a) {
    a[0].i = ((Slot *)a[0].p)[B_LEN].i;
    return NATIVE_OK;
}

static int n_Builder_Cap(Fiber *f, Slot *a) {
    a[0].i = ((Slot *)a[0].p)[B_CAP].i;
    return NATIVE_OK;
}

static int n_Builder_Reset(Fiber *f, Slot *a) {
    Slot *b = a[0].p;
    b[B_ADDR].p = b[B_BUF].p = NULL;
    b[B_LEN].i = b[B_CAP].i = 0;
    return NATIVE_OK;
}

static int n_Builder_Grow(Fiber *f, Slot *a) {
    Slot *b = a[0].p;
    if (copy_check(f, b))
        return NATIVE_PANIC;
    if (a[1].i < 0)
        return rt_panic_string(f, "strings.Builder.Grow: negative count");
    builder_reserve(b, a[1].i, 2 * b[B_CAP].i + a[1].i);
    return NATIVE_OK;
}

static int n_Builder_WriteString(Fiber *f, Slot *a) {
    Slot *b = a[0].p;
    if (copy_check(f, b))
        return NATIVE_PANIC;
    builder_append(b, str_data(STR(1)), str_len(STR(1)));
    a[0].i = str_len(STR(1));
    a[1].p = NULL;
    return NATIVE_OK;
}

static int n_Builder_Write(Fiber *f, Slot *a) {
    Slot *b = a[0].p;
    Slice *p = a[1].p;
    if (copy_check(f, b))
        return NATIVE_PANIC;
    int64_t n = slice_len(p);
    if (n > 0) { /* an empty builder has no buffer: no NULL + 0 */
        builder_reserve(b, n, 0);
        char *dst = (char *)b[B_BUF].p + b[B_LEN].i;
        for (int64_t i = 0; i < n; i++)
            dst[i] = (char)p->data[i].u;
        b[B_LEN].i += n;
    }
    a[0].i = n;
    a[1].p = NULL;
    return NATIVE_OK;
}

static int n_Builder_WriteByte(Fiber *f, Slot *a) {
    Slot *b = a[0].p;
    if (copy_check(f, b))
        return NATIVE_PANIC;
    char c = (char)a[1].u;
    builder_append(b, &c, 1);
    a[0].p = NULL;
    return NATIVE_OK;
}

static int n_Builder_WriteRune(Fiber *f, Slot *a) {
    Slot *b = a[0].p;
    if (copy_check(f, b))
        return NATIVE_PANIC;
    char buf[4];
    int n = utf8_encode(buf, (int32_t)a[1].i);
    builder_append(b, buf, n);
    a[0].i = n;
    a[1].p = NULL;
    return NATIVE_OK;
}

const NativeEntry strings_natives[] = {
    {"strings.(*Builder).String", n_Builder_String},
    {"strings.(*Builder).Len", n_Builder_Len},
    {"strings.(*Builder).Cap", n_Builder_Cap},
    {"strings.(*Builder).Reset", n_Builder_Reset},
    {"strings.(*Builder).Grow", n_Builder_Grow},
    {"strings.(*Builder).Write", n_Builder_Write},
    {"strings.(*Builder).WriteByte", n_Builder_WriteByte},
    {"strings.(*Builder).WriteRune", n_Builder_WriteRune},
    {"strings.(*Builder).WriteString", n_Builder_WriteString},
    {"strings.(*Replacer).Replace", n_Replacer_Replace},
    {"strings.Compare", n_Compare},
    {"strings.Contains", n_Contains},
    {"strings.ContainsAny", n_ContainsAny},
    {"strings.ContainsRune", n_ContainsRune},
    {"strings.Count", n_Count},
    {"strings.EqualFold", n_EqualFold},
    {"strings.HasPrefix", n_HasPrefix},
    {"strings.HasSuffix", n_HasSuffix},
    {"strings.Index", n_Index},
    {"strings.IndexAny", n_IndexAny},
    {"strings.IndexByte", n_IndexByte},
    {"strings.IndexRune", n_IndexRune},
    {"strings.LastIndex", n_LastIndex},
    {"strings.LastIndexAny", n_LastIndexAny},
    {"strings.LastIndexByte", n_LastIndexByte},
    {"strings.Fields", n_Fields},
    {"strings.Join", n_Join},
    {"strings.Repeat", n_Repeat},
    {"strings.Replace", n_Replace},
    {"strings.ReplaceAll", n_ReplaceAll},
    {"strings.Split", n_Split},
    {"strings.SplitAfter", n_SplitAfter},
    {"strings.SplitN", n_SplitN},
    {"strings.SplitAfterN", n_SplitAfterN},
    {"strings.Title", n_Title},
    {"strings.ToLower", n_ToLower},
    {"strings.ToUpper", n_ToUpper},
    {"strings.ToTitle", n_ToTitle},
    {"strings.Trim", n_Trim},
    {"strings.TrimLeft", n_TrimLeft},
    {"strings.TrimRight", n_TrimRight},
    {"strings.TrimPrefix", n_TrimPrefix},
    {"strings.TrimSuffix", n_TrimSuffix},
    {"strings.TrimSpace", n_TrimSpace},
    {NULL, NULL},
};
