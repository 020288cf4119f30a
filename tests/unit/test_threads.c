/* Thread safety: one loaded zone shared by several threads without locks gives the same
 * answers as one thread, and each thread has its own last error. */
#include "itsm_test.h"

#include <pthread.h>

#define N_THREADS 4
#define N_INSTANTS 20000

typedef struct job {
    const itsm_tz *tz;
    const int64_t *instants;
    int64_t offsets[N_INSTANTS];
    itsm_instant round_trip[N_INSTANTS];
    int rc;
    int error_code_after;
} job;

static void *worker(void *arg)
{
    job *j = arg;
    for (int i = 0; i < N_INSTANTS && j->rc == ITSM_OK; i++) {
        int32_t off;
        itsm_datetime dt;
        j->rc = itsm_tz_utc_offset(&off, j->tz, j->instants[i]);
        if (j->rc == ITSM_OK)
            j->rc = itsm_tz_to_local(&dt, j->tz, j->instants[i]);
        if (j->rc == ITSM_OK)
            j->rc = itsm_tz_from_local(&j->round_trip[i], j->tz, &dt, ITSM_OVERLAP_EARLIER);
        j->offsets[i] = off;
    }
    j->error_code_after = itsm_error_last_code();
    return NULL;
}

static void test_shared_zone_gives_same_answers(void **state)
{
    (void)state;
    itsm_tz *tz = itsm_test_zone("America/New_York");
    static int64_t instants[N_INSTANTS];
    static int64_t expected[N_INSTANTS];
    for (int i = 0; i < N_INSTANTS; i++)
        instants[i] = -631152000 + (int64_t)i * 219000; /* 1950 .. ~2088 */
    assert_itsm_ok(itsm_tz_utc_offsets(expected, tz, instants, N_INSTANTS));

    static job jobs[N_THREADS];
    pthread_t threads[N_THREADS];
    for (int k = 0; k < N_THREADS; k++) {
        jobs[k] = (job){.tz = tz, .instants = instants, .rc = ITSM_OK};
        assert_int_equal(pthread_create(&threads[k], NULL, worker, &jobs[k]), 0);
    }
    for (int k = 0; k < N_THREADS; k++) {
        assert_int_equal(pthread_join(threads[k], NULL), 0);
        assert_int_equal(jobs[k].rc, ITSM_OK);
        assert_memory_equal(jobs[k].offsets, expected, sizeof expected);
        for (int i = 0; i < N_INSTANTS; i++) {
            /* Only instants in the second half of a fall-back overlap map back elsewhere. */
            if (jobs[k].round_trip[i] != instants[i])
                assert_int_equal(jobs[k].round_trip[i], instants[i] - 3600);
        }
    }
    itsm_tz_free(tz);
}

static void *failing_worker(void *arg)
{
    int *code = arg;
    itsm_instant t;
    *code = itsm_instant_parse(&t, "not a time", NULL);
    return NULL;
}

static void test_last_error_is_per_thread(void **state)
{
    (void)state;
    itsm_error_clear();
    int code = 0;
    pthread_t th;
    assert_int_equal(pthread_create(&th, NULL, failing_worker, &code), 0);
    assert_int_equal(pthread_join(th, NULL), 0);
    assert_int_equal(code, ITSM_EPARSE);
    /* The other thread's failure is not visible here. */
    assert_int_equal(itsm_error_last_code(), ITSM_OK);
    assert_string_equal(itsm_error_last(), "no error");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shared_zone_gives_same_answers),
        cmocka_unit_test(test_last_error_is_per_thread),
    };
    return cmocka_run_group_tests(tests, itsm_test_group_setup, itsm_test_group_teardown);
}
