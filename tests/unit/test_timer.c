/*
 * test_timer.c — the runtime timer heap (runtime/timer.c): ordering,
 * start/stop/move, firing due timers in deadline order, tickers re-arming,
 * seq bumps, and 100,000 pending timers. Runs without a scheduler: the
 * timer functions here only record what happened.
 */
#include <check.h>
#include <stdlib.h>

#include "../../runtime/timer.h"

/* A far-future base so nothing here is due unless a test says so. */
#define FAR (INT64_C(1) << 60)

typedef struct Rec {
    RTimer rt;
    int id;
} Rec;

static int fired[64];
static uint64_t fired_seq[64];
static int nfired;

static void record(Worker *w, RTimer *t, void *arg, uint64_t seq) {
    Rec *r = arg;
    if (nfired < 64) {
        fired_seq[nfired] = seq;
        fired[nfired++] = r->id;
    }
}

static Rec *rec_new(int id) {
    Rec *r = calloc(1, sizeof *r);
    r->id = id;
    timer_init(&r->rt, record, r);
    return r;
}

START_TEST(test_next_deadline_is_min) {
    int64_t base = timer_count();
    Rec *r[100];
    int64_t min = INT64_MAX;
    srand(7);
    for (int i = 0; i < 100; i++) {
        r[i] = rec_new(i);
        int64_t when = FAR + rand() % 1000000;
        if (when < min)
            min = when;
        ck_assert(!timer_start(&r[i]->rt, when, 0));
    }
    ck_assert_int_eq(timer_count(), base + 100);
    ck_assert_int_eq(timer_next_deadline(), min);
    /* Stopping removes; the minimum follows. */
    for (int i = 0; i < 100; i++) {
        ck_assert(timer_stop(&r[i]->rt));
        ck_assert(!timer_stop(&r[i]->rt));
        int64_t m = INT64_MAX;
        for (int j = i + 1; j < 100; j++)
            if (r[j]->rt.when < m)
                m = r[j]->rt.when;
        if (i < 99)
            ck_assert_int_eq(timer_next_deadline(), m);
    }
    ck_assert_int_eq(timer_count(), base);
    for (int i = 0; i < 100; i++)
        free(r[i]);
}
END_TEST

START_TEST(test_move_pending) {
    Rec *a = rec_new(1), *b = rec_new(2);
    timer_start(&a->rt, FAR + 100, 0);
    timer_start(&b->rt, FAR + 200, 0);
    ck_assert_int_eq(timer_next_deadline(), FAR + 100);
    ck_assert(timer_start(&b->rt, FAR + 50, 0)); /* moved earlier: pending */
    ck_assert_int_eq(timer_next_deadline(), FAR + 50);
    ck_assert(timer_start(&b->rt, FAR + 300, 0)); /* moved later */
    ck_assert_int_eq(timer_next_deadline(), FAR + 100);
    ck_assert(timer_stop(&a->rt));
    ck_assert_int_eq(timer_next_deadline(), FAR + 300);
    ck_assert(timer_stop(&b->rt));
    free(a);
    free(b);
}
END_TEST

START_TEST(test_run_due_in_order) {
    int64_t now = sched_nanotime();
    Rec *r[5];
    int64_t offs[5] = {-50, -10, -40, -20, -30};
    for (int i = 0; i < 5; i++) {
        r[i] = rec_new(i);
        timer_start(&r[i]->rt, now + offs[i] * 1000, 0);
    }
    Rec *later = rec_new(99);
    timer_start(&later->rt, FAR, 0);
    nfired = 0;
    timer_run_due(NULL);
    ck_assert_int_eq(nfired, 5);
    int want[5] = {0, 2, 4, 3, 1}; /* earliest deadline first */
    for (int i = 0; i < 5; i++)
        ck_assert_int_eq(fired[i], want[i]);
    for (int i = 0; i < 5; i++) {
        ck_assert(!timer_pending(&r[i]->rt)); /* one-shot: off the heap */
        ck_assert(!timer_stop(&r[i]->rt));
        free(r[i]);
    }
    ck_assert_int_eq(timer_next_deadline(), FAR);
    nfired = 0;
    timer_run_due(NULL); /* nothing due */
    ck_assert_int_eq(nfired, 0);
    ck_assert(timer_stop(&later->rt));
    free(later);
}
END_TEST

START_TEST(test_ticker_rearms_and_seq) {
    int64_t now = sched_nanotime();
    int64_t period = INT64_C(1000000000); /* 1 s: never due twice here */
    Rec *t = rec_new(7);
    timer_start(&t->rt, now - 5 * period - 1, period); /* missed 5 ticks */
    uint64_t seq = timer_seq(&t->rt);
    nfired = 0;
    timer_run_due(NULL);
    ck_assert_int_eq(nfired, 1); /* missed ticks are dropped, not queued */
    ck_assert_uint_eq(fired_seq[0], seq);
    ck_assert(timer_pending(&t->rt)); /* still pending */
    ck_assert(t->rt.when > now && t->rt.when <= now + period);
    ck_assert_uint_eq(timer_seq(&t->rt), seq); /* firing keeps seq */
    ck_assert(timer_stop(&t->rt));
    ck_assert_uint_gt(timer_seq(&t->rt), seq); /* stop bumps it */
    free(t);
}
END_TEST

START_TEST(test_when_saturates) {
    ck_assert_int_eq(timer_when(INT64_MAX), INT64_MAX);
    ck_assert_int_eq(timer_when(INT64_MAX - 5), INT64_MAX);
    int64_t now = sched_nanotime();
    int64_t w = timer_when(-10);
    ck_assert(w >= now && w < now + INT64_C(1000000000));
}
END_TEST

START_TEST(test_100k_timers) {
    enum { N = 100000 };
    int64_t base = timer_count();
    Rec *r = calloc(N, sizeof *r);
    for (int i = 0; i < N; i++) {
        r[i].id = i;
        timer_init(&r[i].rt, record, &r[i]);
        timer_start(&r[i].rt, FAR + (int64_t)((i * 7919) % N), 0);
    }
    ck_assert_int_eq(timer_count(), base + N);
    ck_assert_int_eq(timer_next_deadline(), FAR);
    /* Stop every other one, then check the heap order by draining the
     * rest through the minimum. */
    for (int i = 0; i < N; i += 2)
        ck_assert(timer_stop(&r[i].rt));
    ck_assert_int_eq(timer_count(), base + N / 2);
    int64_t prev = -1;
    for (int k = 0; k < N / 2; k++) {
        int64_t next = timer_next_deadline();
        ck_assert(next >= prev);
        prev = next;
        /* find the timer with that deadline among the odd ones */
        int64_t idx = next - FAR;
        int i = -1;
        for (int j = 0; j < N; j++)
            if ((j * (int64_t)7919) % N == idx) {
                i = j;
                break;
            }
        ck_assert(i >= 0 && i % 2 == 1);
        ck_assert(timer_stop(&r[i].rt));
        if (k == 200) { /* enough order checks; stop the rest directly */
            for (int j = 1; j < N; j += 2)
                timer_stop(&r[j].rt);
            break;
        }
    }
    ck_assert_int_eq(timer_count(), base);
    free(r);
}
END_TEST

Suite *timer_suite(void) {
    Suite *s = suite_create("timer");
    TCase *tc = tcase_create("heap");
    tcase_add_test(tc, test_next_deadline_is_min);
    tcase_add_test(tc, test_move_pending);
    tcase_add_test(tc, test_run_due_in_order);
    tcase_add_test(tc, test_ticker_rearms_and_seq);
    tcase_add_test(tc, test_when_saturates);
    tcase_add_test(tc, test_100k_timers);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);
    return s;
}
