/* SLA clocks (itsm/clock.h): the edge cases of reference/sla-engines.md section 5 as
 * named tests, every rule of METRICS.md 2, calendars with DST and holidays, reopen and
 * re-target policies, thresholds, errors, a minute-stepping reference over random logs,
 * batch == scalar, and allocation failures.
 *
 * Most tests use "office": Mon-Fri 09:00-17:00 UTC, no holidays; 2024-01-08 is a Monday.
 * Expected values are worked out by hand from that calendar in the comments. */
#include "clock_fixture.h"

#define NEW ITSM_INCIDENT_NEW
#define ACTIVE ITSM_INCIDENT_ACTIVE
#define HOLD ITSM_INCIDENT_ON_HOLD
#define RESOLVED ITSM_INCIDENT_RESOLVED
#define CLOSED ITSM_INCIDENT_CLOSED
#define CANCELLED_CODE 99
#define NONE ITSM_CLOCK_NO_INSTANT

static const int32_t s_new[] = {NEW};
static const int32_t s_active[] = {ACTIVE};
static const int32_t s_hold[] = {HOLD};
static const int32_t s_done[] = {RESOLVED, CLOSED};
static const int32_t s_cancel[] = {CANCELLED_CODE};

/* ---- helpers ----------------------------------------------------------------------------- */

typedef struct log_t {
    itsm_instant t[128];
    int32_t code[128];
    int32_t prio[128];
    size_t n;
} log_t;

static void add(log_t *l, const char *when, int32_t code, int32_t prio)
{
    assert_true(l->n < 128);
    l->t[l->n] = at(when);
    l->code[l->n] = code;
    l->prio[l->n] = prio;
    l->n++;
}

static itsm_calendar *office(void) { return make_calendar("office", "UTC", "12345", HM(9, 0), HM(17, 0), NULL); }

/* Resolution: starts at "new", paused "on hold", stopped "resolved"/"closed", cancelled
 * by code 99. */
static itsm_clock_options resolution(const itsm_calendar *cal, const char *target)
{
    itsm_clock_options o = ITSM_CLOCK_OPTIONS_INIT;
    o.start = s_new;
    o.n_start = 1;
    o.pause = s_hold;
    o.n_pause = 1;
    o.stop = s_done;
    o.n_stop = 2;
    o.cancel = s_cancel;
    o.n_cancel = 1;
    o.calendar = cal;
    o.target = rule_of(target);
    return o;
}

/* Per-priority targets: `store` keeps the arrays the options point to. */
typedef struct priority_targets {
    int32_t priority[2];
    itsm_deadline rule[2];
} priority_targets;

static void set_priority_targets(itsm_clock_options *o, priority_targets *store, int32_t p1, const char *t1,
                                 int32_t p2, const char *t2)
{
    store->priority[0] = p1;
    store->rule[0] = rule_of(t1);
    store->priority[1] = p2;
    o->n_priority_targets = 1;
    if (t2 != NULL) {
        store->rule[1] = rule_of(t2);
        o->n_priority_targets = 2;
    }
    o->target_priorities = store->priority;
    o->priority_targets = store->rule;
}

static itsm_clock_definition *define(const itsm_clock_options *o)
{
    itsm_clock_definition *def = NULL;
    assert_itsm_ok(itsm_clock_definition_new(&def, o));
    return def;
}

static itsm_clock_result eval(const itsm_clock_definition *def, const log_t *l, const char *as_of)
{
    itsm_clock_result r;
    assert_itsm_ok(itsm_clock_evaluate(&r, def, l->t, l->code, l->prio, l->n, at(as_of)));
    return r;
}

static itsm_clock_result eval_with(const itsm_clock_options *o, const log_t *l, const char *as_of)
{
    itsm_clock_definition *def = define(o);
    itsm_clock_result r = eval(def, l, as_of);
    itsm_clock_definition_free(def);
    return r;
}

/* ---- section-5 cases --------------------------------------------------------------------- */

/* Case 1: pending Friday to Monday. The pause is measured on the same calendar as the
 * target: Fri 15-17 and Mon 9-11 (4 business hours), not 68 wall hours added back. */
static void test_case01_pending_over_weekend_is_business_time(void **state)
{
    (void)state;
    itsm_calendar *cal = office();
    itsm_clock_options o = resolution(cal, "8 h");
    log_t l = {0};
    add(&l, "2024-01-12T10:00Z", NEW, 0);
    add(&l, "2024-01-12T15:00Z", HOLD, 0);
    add(&l, "2024-01-15T11:00Z", ACTIVE, 0);
    add(&l, "2024-01-15T14:00Z", RESOLVED, 0);
    itsm_clock_result r = eval_with(&o, &l, "2024-01-15T18:00Z");
    assert_int_equal(r.state, ITSM_CLOCK_MET);
    assert_int_equal(r.elapsed_business, 8 * HOUR); /* Fri 10-15, Mon 11-14 */
    assert_int_equal(r.elapsed_actual, 8 * HOUR);
    assert_int_equal(r.paused_business, 4 * HOUR);
    assert_int_equal(r.paused_actual, 68 * HOUR);
    assert_at(r.deadline, "2024-01-15T14:00Z");
    assert_int_equal(r.remaining, 0);
    assert_int_equal(r.permille, 1000);
    assert_int_equal(r.breached, 0);
    itsm_calendar_free(cal);
}

/* Case 4: the target changes while the ticket is pending; the pause survives both
 * policies. Priority 3 has the default 16 h, priority 2 has 8 h. */
static void case04_log(log_t *l)
{
    add(l, "2024-01-08T09:00Z", NEW, 3);
    add(l, "2024-01-08T10:00Z", HOLD, 0);
    add(l, "2024-01-08T13:00Z", HOLD, 2);
    add(l, "2024-01-08T15:00Z", ACTIVE, 0);
}

static void test_case04_retarget_keeps_pauses(void **state)
{
    (void)state;
    itsm_calendar *cal = office();
    itsm_clock_options o = resolution(cal, "16 h");
    priority_targets pt;
    set_priority_targets(&o, &pt, 2, "8 h", 0, NULL);
    log_t l = {0};
    case04_log(&l);
    /* RECOMPUTE: 8 h from 09:00; running 9-10, 15-17, Tue 9-12 = 6 h; paused 10-15. */
    itsm_clock_result r = eval_with(&o, &l, "2024-01-09T12:00Z");
    assert_int_equal(r.state, ITSM_CLOCK_RUNNING);
    assert_int_equal(r.priority, 2);
    assert_at(r.start, "2024-01-08T09:00Z");
    assert_int_equal(r.target, 8 * HOUR);
    assert_int_equal(r.elapsed_business, 6 * HOUR);
    assert_int_equal(r.paused_business, 5 * HOUR);
    assert_int_equal(r.remaining, 2 * HOUR);
    assert_int_equal(r.permille, 750);
    assert_at(r.deadline, "2024-01-09T14:00Z");
    assert_at(r.threshold_at[0], "2024-01-09T10:00Z"); /* 4 h: 1 + 2 + 1 */
    assert_at(r.threshold_at[1], "2024-01-09T12:00Z"); /* 6 h, reached at as of */
    assert_at(r.threshold_at[2], "2024-01-09T13:12Z"); /* 7.2 h, projected */
    assert_at(r.threshold_at[3], "2024-01-09T14:00Z");
    /* RESTART at 13:00 while paused: still paused 13-15, then 5 h running. */
    o.retarget_policy = ITSM_RETARGET_RESTART;
    r = eval_with(&o, &l, "2024-01-09T12:00Z");
    assert_at(r.start, "2024-01-08T13:00Z");
    assert_int_equal(r.elapsed_business, 5 * HOUR);
    assert_int_equal(r.paused_business, 2 * HOUR);
    assert_at(r.deadline, "2024-01-09T15:00Z");
    itsm_calendar_free(cal);
}

/* Case 5: the customer SLA runs from creation, the group's OLA from its assignment
 * (code 100), on one log. */
static void test_case05_sla_and_ola_have_their_own_start(void **state)
{
    (void)state;
    itsm_calendar *cal = office();
    log_t l = {0};
    add(&l, "2024-01-08T09:00Z", NEW, 0);
    add(&l, "2024-01-08T10:00Z", ACTIVE, 0);
    add(&l, "2024-01-08T13:00Z", 100, 0);
    add(&l, "2024-01-08T15:00Z", RESOLVED, 0);
    itsm_clock_options sla = resolution(cal, "8 h"), ola = resolution(cal, "4 h");
    const int32_t assigned[] = {100};
    ola.start = assigned;
    itsm_clock_result a = eval_with(&sla, &l, "2024-01-08T16:00Z");
    itsm_clock_result b = eval_with(&ola, &l, "2024-01-08T16:00Z");
    assert_int_equal(a.elapsed_business, 6 * HOUR);
    assert_at(a.start, "2024-01-08T09:00Z");
    assert_int_equal(b.elapsed_business, 2 * HOUR);
    assert_at(b.start, "2024-01-08T13:00Z");
    assert_int_equal(b.state, ITSM_CLOCK_MET);
    itsm_calendar_free(cal);
}

/* Case 6: resolved, closed, reopened. Running Mon 9-10 and Tue 10:00-10:20 against 45 min. */
static void test_case06_reopen_policies(void **state)
{
    (void)state;
    itsm_calendar *cal = office();
    itsm_clock_options o = resolution(cal, "45 min");
    log_t l = {0};
    add(&l, "2024-01-08T09:00Z", NEW, 0);
    add(&l, "2024-01-08T10:00Z", RESOLVED, 0);
    add(&l, "2024-01-08T11:00Z", CLOSED, 0);
    add(&l, "2024-01-09T10:00Z", ACTIVE, 0);
    add(&l, "2024-01-09T10:20Z", RESOLVED, 0);
    /* CONTINUE: one measurement of 80 min; the closed time is paused, not worked. */
    itsm_clock_result r = eval_with(&o, &l, "2024-01-10T12:00Z");
    assert_int_equal(r.state, ITSM_CLOCK_BREACHED);
    assert_int_equal(r.elapsed_business, 80 * MINUTE);
    assert_int_equal(r.paused_business, 8 * HOUR); /* Mon 10-17, Tue 9-10 */
    assert_int_equal(r.paused_actual, 24 * HOUR);
    assert_at(r.stop, "2024-01-09T10:20Z");
    assert_at(r.deadline, "2024-01-08T09:45Z");
    assert_int_equal(r.cycles, 1);
    assert_int_equal(r.reopens, 1);
    assert_int_equal(r.ever_breached, 1);
    /* NEW_CYCLE: cycle 1 (60 min) breached, cycle 2 (20 min) met. */
    o.reopen_policy = ITSM_REOPEN_NEW_CYCLE;
    r = eval_with(&o, &l, "2024-01-10T12:00Z");
    assert_int_equal(r.state, ITSM_CLOCK_MET);
    assert_at(r.start, "2024-01-09T10:00Z");
    assert_int_equal(r.elapsed_business, 20 * MINUTE);
    assert_int_equal(r.paused_business, 0);
    assert_int_equal(r.breached, 0);
    assert_int_equal(r.ever_breached, 1);
    assert_int_equal(r.cycles, 2);
    assert_int_equal(r.breached_cycles, 1);
    assert_int_equal(r.reopens, 1);
    assert_at(r.deadline, "2024-01-09T10:45Z");
    /* NEVER: the first stop is final. */
    o.reopen_policy = ITSM_REOPEN_NEVER;
    r = eval_with(&o, &l, "2024-01-10T12:00Z");
    assert_int_equal(r.state, ITSM_CLOCK_BREACHED);
    assert_at(r.stop, "2024-01-08T10:00Z");
    assert_int_equal(r.elapsed_business, 60 * MINUTE);
    assert_int_equal(r.reopens, 0);
    /* An explicit reopen set: only "active" reopens, so "new" after "closed" does not. */
    o.reopen_policy = ITSM_REOPEN_CONTINUE;
    o.reopen = s_active;
    o.n_reopen = 1;
    l.code[3] = NEW;
    r = eval_with(&o, &l, "2024-01-10T12:00Z");
    assert_at(r.stop, "2024-01-08T10:00Z");
    assert_int_equal(r.reopens, 0);
    itsm_calendar_free(cal);
}

/* Case 13: instants are UTC; the calendar's zone belongs to the definition. A ticket
 * opened in Riyadh and read from India is 1 minute into a 30-minute target. */
static void test_case13_instants_are_utc_not_viewer_time(void **state)
{
    (void)state;
    itsm_calendar *cal = make_calendar("riyadh", "Asia/Riyadh", "1234567", 0, HM(24, 0), NULL);
    itsm_clock_options o = resolution(cal, "30 min");
    log_t l = {0};
    add(&l, "2024-01-08T09:00+03:00", NEW, 0);
    itsm_clock_result r = eval_with(&o, &l, "2024-01-08T11:31+05:30");
    assert_int_equal(r.state, ITSM_CLOCK_RUNNING);
    assert_int_equal(r.breached, 0);
    assert_int_equal(r.remaining, 29 * MINUTE);
    assert_at(r.deadline, "2024-01-08T12:00+05:30");
    assert_at(r.deadline, "2024-01-08T06:30Z");
    itsm_calendar_free(cal);
}

/* Case 14: on hold from Monday to Wednesday, then resolved directly. */
static void test_case14_paused_to_resolved_closes_the_pause_first(void **state)
{
    (void)state;
    itsm_calendar *cal = office();
    itsm_clock_options o = resolution(cal, "8 h");
    log_t l = {0};
    add(&l, "2024-01-08T09:00Z", NEW, 0);
    add(&l, "2024-01-08T10:00Z", HOLD, 0);
    add(&l, "2024-01-10T12:00Z", RESOLVED, 0);
    itsm_clock_result r = eval_with(&o, &l, "2024-02-01T00:00Z");
    assert_int_equal(r.state, ITSM_CLOCK_MET);
    assert_int_equal(r.elapsed_business, HOUR);
    assert_int_equal(r.elapsed_actual, HOUR);
    assert_int_equal(r.paused_business, 18 * HOUR); /* Mon 10-17, Tue 9-17, Wed 9-12 */
    assert_int_equal(r.paused_actual, 50 * HOUR);
    assert_at(r.stop, "2024-01-10T12:00Z");
    itsm_calendar_free(cal);
}

/* Case 15: response and update clocks have their own events; the update clock (customer
 * message 200 -> agent reply 201) does not run before a customer message. */
static void test_case15_each_metric_has_its_own_events(void **state)
{
    (void)state;
    itsm_calendar *cal = office();
    itsm_clock_options resp = resolution(cal, "1 h"), upd = resolution(cal, "1 h");
    resp.stop = s_active;
    resp.n_stop = 1;
    resp.reopen_policy = ITSM_REOPEN_NEVER;
    const int32_t msg[] = {200}, reply[] = {201};
    upd.start = msg;
    upd.stop = reply;
    upd.n_stop = 1;
    upd.reopen = msg;
    upd.n_reopen = 1;
    upd.reopen_policy = ITSM_REOPEN_NEW_CYCLE;
    log_t l = {0};
    add(&l, "2024-01-08T09:00Z", NEW, 0);
    add(&l, "2024-01-08T09:30Z", ACTIVE, 0);
    add(&l, "2024-01-08T11:00Z", 200, 0);
    add(&l, "2024-01-08T11:20Z", 201, 0);
    add(&l, "2024-01-08T13:00Z", 200, 0);
    itsm_clock_result r = eval_with(&resp, &l, "2024-01-08T15:00Z");
    assert_int_equal(r.state, ITSM_CLOCK_MET);
    assert_int_equal(r.elapsed_business, 30 * MINUTE);
    r = eval_with(&upd, &l, "2024-01-08T10:30Z");
    assert_int_equal(r.state, ITSM_CLOCK_NOT_STARTED);
    assert_int_equal(r.deadline, NONE);
    assert_int_equal(r.breached, 0);
    r = eval_with(&upd, &l, "2024-01-08T15:00Z");
    assert_int_equal(r.state, ITSM_CLOCK_RUNNING);
    assert_int_equal(r.elapsed_business, 2 * HOUR);
    assert_int_equal(r.breached, 1);
    assert_int_equal(r.cycles, 2);
    assert_int_equal(r.breached_cycles, 1);
    itsm_calendar_free(cal);
}

/* Case 16: a cancelled (merged) record has no deadline and no verdict, however late it
 * is read; the result is a pure function of its inputs. */
static void test_case16_cancel_clears_the_deadline(void **state)
{
    (void)state;
    itsm_calendar *cal = office();
    itsm_clock_options o = resolution(cal, "2 h");
    itsm_clock_definition *def = define(&o);
    log_t l = {0};
    add(&l, "2024-01-08T09:00Z", NEW, 0);
    add(&l, "2024-01-08T10:00Z", CANCELLED_CODE, 0);
    itsm_clock_result r = eval(def, &l, "2024-03-01T00:00Z"), again = eval(def, &l, "2024-03-01T00:00Z");
    assert_memory_equal(&r, &again, sizeof r);
    assert_int_equal(r.state, ITSM_CLOCK_CANCELLED);
    assert_int_equal(r.deadline, NONE);
    assert_int_equal(r.threshold_at[0], NONE);
    assert_int_equal(r.breached, 0);
    assert_int_equal(r.ever_breached, 0);
    assert_int_equal(r.elapsed_business, HOUR);
    /* Cancelled before it started. */
    l.n = 0;
    add(&l, "2024-01-08T09:00Z", CANCELLED_CODE, 0);
    add(&l, "2024-01-08T10:00Z", NEW, 0);
    r = eval(def, &l, "2024-03-01T00:00Z");
    assert_int_equal(r.state, ITSM_CLOCK_CANCELLED);
    assert_int_equal(r.start, NONE);
    assert_int_equal(r.cycles, 0);
    itsm_clock_definition_free(def);
    itsm_calendar_free(cal);
}

/* Case 19: the deadline (Mon 11:00) passed; the record is put on hold and comes back out
 * of hours: the deadline stays, the overrun keeps growing. A re-target after it passed
 * changes nothing under either policy. */
static void test_case19_passed_deadline_is_immutable(void **state)
{
    (void)state;
    itsm_calendar *cal = office();
    itsm_clock_options o = resolution(cal, "2 h");
    priority_targets pt;
    set_priority_targets(&o, &pt, 1, "8 h", 0, NULL);
    log_t l = {0};
    add(&l, "2024-01-08T09:00Z", NEW, 0);
    add(&l, "2024-01-08T12:00Z", HOLD, 0);
    add(&l, "2024-01-08T14:00Z", HOLD, 1);
    add(&l, "2024-01-08T20:00Z", ACTIVE, 0);
    for (int policy = 0; policy < 2; policy++) {
        o.retarget_policy = (itsm_retarget_policy)policy;
        itsm_clock_result r = eval_with(&o, &l, "2024-01-09T10:00Z");
        assert_int_equal(r.state, ITSM_CLOCK_RUNNING);
        assert_at(r.deadline, "2024-01-08T11:00Z");
        assert_int_equal(r.target, 2 * HOUR);
        assert_int_equal(r.elapsed_business, 4 * HOUR); /* Mon 9-12, Tue 9-10 */
        assert_int_equal(r.paused_business, 5 * HOUR);
        assert_int_equal(r.remaining, -2 * HOUR);
        assert_int_equal(r.permille, 2000);
        assert_int_equal(r.breached, 1);
        assert_at(r.threshold_at[0], "2024-01-08T10:00Z");
        assert_at(r.threshold_at[1], "2024-01-08T10:30Z");
        assert_at(r.threshold_at[2], "2024-01-08T10:48Z");
        assert_at(r.threshold_at[3], "2024-01-08T11:00Z");
    }
    itsm_calendar_free(cal);
}

/* ---- the other rules --------------------------------------------------------------------- */

static void test_out_of_hours_start(void **state)
{
    (void)state;
    itsm_calendar *cal = office();
    itsm_clock_options o = resolution(cal, "8 h");
    log_t l = {0};
    add(&l, "2024-01-13T10:00Z", NEW, 0); /* Saturday */
    itsm_clock_result r = eval_with(&o, &l, "2024-01-15T10:00Z");
    assert_at(r.start, "2024-01-13T10:00Z");
    assert_int_equal(r.elapsed_business, HOUR);
    assert_int_equal(r.elapsed_actual, 48 * HOUR);
    assert_at(r.deadline, "2024-01-15T17:00Z");
    /* Stopped before the next opening: 0 business seconds, met. */
    add(&l, "2024-01-14T12:00Z", RESOLVED, 0);
    r = eval_with(&o, &l, "2024-01-15T10:00Z");
    assert_int_equal(r.state, ITSM_CLOCK_MET);
    assert_int_equal(r.elapsed_business, 0);
    assert_int_equal(r.elapsed_actual, 26 * HOUR);
    itsm_calendar_free(cal);
}

/* Desk calendar: on hold from Thursday May 2 over Golden Week (May 3-6) to Tuesday. The
 * target "next business day" from Thu 10:00 is Tue May 7 18:00 = 17 business hours. */
static void test_pause_spanning_holidays(void **state)
{
    (void)state;
    itsm_calendar *desk = example_calendar("desk-calendar.json");
    itsm_clock_options o = resolution(desk, "next business day");
    log_t l = {0};
    add(&l, "2024-05-02T10:00+09:00", NEW, 0);
    add(&l, "2024-05-02T17:00+09:00", HOLD, 0);
    add(&l, "2024-05-07T10:00+09:00", ACTIVE, 0);
    add(&l, "2024-05-07T12:00+09:00", RESOLVED, 0);
    itsm_clock_result r = eval_with(&o, &l, "2024-05-10T00:00+09:00");
    assert_int_equal(r.state, ITSM_CLOCK_MET);
    assert_int_equal(r.target, 17 * HOUR);
    assert_int_equal(r.elapsed_business, 9 * HOUR);
    assert_int_equal(r.paused_business, 2 * HOUR); /* Thu 17-18, Tue 9-10 */
    /* The pause moved the deadline by 2 business hours: Tue 12:00 + 8 h = Wed 11:00. */
    assert_at(r.deadline, "2024-05-08T11:00+09:00");
    itsm_calendar_free(desk);
}

static void test_dst_calendars(void **state)
{
    (void)state;
    itsm_calendar *ams = make_calendar("ams", "Europe/Amsterdam", "1234567", 0, HM(24, 0), NULL);
    itsm_clock_options o = resolution(ams, "24 h");
    log_t l = {0};
    add(&l, "2024-03-30T12:00+01:00", NEW, 0);
    add(&l, "2024-03-31T12:00+02:00", RESOLVED, 0);
    itsm_clock_result r = eval_with(&o, &l, "2024-04-01T00:00Z");
    assert_int_equal(r.elapsed_business, 23 * HOUR);
    assert_int_equal(r.elapsed_actual, 23 * HOUR);
    assert_int_equal(r.state, ITSM_CLOCK_MET);
    assert_at(r.deadline, "2024-03-31T13:00+02:00");
    itsm_calendar_free(ams);
    /* Fall back: a working day 00:00-10:00 has 11 hours. */
    itsm_calendar *night = make_calendar("night", "Europe/Amsterdam", "1234567", 0, HM(10, 0), NULL);
    o = resolution(night, "10 h");
    l.n = 0;
    add(&l, "2024-10-27T00:00+02:00", NEW, 0);
    add(&l, "2024-10-27T10:00+01:00", RESOLVED, 0);
    r = eval_with(&o, &l, "2024-10-28T00:00Z");
    assert_int_equal(r.elapsed_business, 11 * HOUR);
    assert_int_equal(r.state, ITSM_CLOCK_BREACHED);
    assert_at(r.deadline, "2024-10-27T09:00+01:00");
    itsm_calendar_free(night);
}

static void test_as_of_before_and_after_the_deadline(void **state)
{
    (void)state;
    itsm_calendar *cal = office();
    itsm_clock_options o = resolution(cal, "2 h");
    log_t l = {0};
    add(&l, "2024-01-08T09:00Z", NEW, 0);
    add(&l, "2024-01-08T10:30Z", RESOLVED, 0);
    itsm_clock_result r = eval_with(&o, &l, "2024-01-08T08:00Z");
    assert_int_equal(r.state, ITSM_CLOCK_NOT_STARTED);
    assert_int_equal(r.start, NONE);
    assert_int_equal(r.deadline, NONE);
    l.n = 1;
    r = eval_with(&o, &l, "2024-01-08T10:00Z");
    assert_int_equal(r.state, ITSM_CLOCK_RUNNING);
    assert_int_equal(r.remaining, HOUR);
    assert_int_equal(r.permille, 500);
    assert_at(r.deadline, "2024-01-08T11:00Z");
    assert_at(r.threshold_at[0], "2024-01-08T10:00Z");
    assert_at(r.threshold_at[1], "2024-01-08T10:30Z"); /* projected */
    r = eval_with(&o, &l, "2024-01-08T11:00Z");
    assert_int_equal(r.breached, 0);
    assert_int_equal(r.permille, 1000);
    r = eval_with(&o, &l, "2024-01-08T12:00Z");
    assert_int_equal(r.breached, 1);
    assert_int_equal(r.permille, 1500);
    assert_int_equal(r.remaining, -HOUR);
    assert_at(r.deadline, "2024-01-08T11:00Z");
    /* The resolution after as of is not seen. */
    l.n = 2;
    r = eval_with(&o, &l, "2024-01-08T10:00Z");
    assert_int_equal(r.state, ITSM_CLOCK_RUNNING);
    r = eval_with(&o, &l, "2024-01-08T10:30Z");
    assert_int_equal(r.state, ITSM_CLOCK_MET);
    /* Paused at as of: projected as if it resumed then. */
    l.code[1] = HOLD;
    r = eval_with(&o, &l, "2024-01-08T16:00Z");
    assert_int_equal(r.state, ITSM_CLOCK_PAUSED);
    assert_at(r.deadline, "2024-01-08T16:30Z");
    itsm_calendar_free(cal);
}

static void test_configurable_thresholds(void **state)
{
    (void)state;
    itsm_calendar *cal = office();
    itsm_clock_options o = resolution(cal, "4 h");
    const int32_t th[] = {250, 500, 1500};
    o.thresholds = th;
    o.n_thresholds = 3;
    itsm_clock_definition *def = define(&o);
    assert_int_equal(itsm_clock_definition_threshold_count(def), 3);
    int32_t v = 0;
    assert_itsm_ok(itsm_clock_definition_threshold(&v, def, 2));
    assert_int_equal(v, 1500);
    assert_itsm_error(itsm_clock_definition_threshold(&v, def, 3), ITSM_ERANGE, "index 3");
    log_t l = {0};
    add(&l, "2024-01-08T15:00Z", NEW, 0);
    itsm_clock_result r = eval(def, &l, "2024-01-09T14:00Z");
    assert_int_equal(r.n_thresholds, 3);
    assert_at(r.threshold_at[0], "2024-01-08T16:00Z");
    assert_at(r.threshold_at[1], "2024-01-08T17:00Z"); /* 2 h at the close */
    assert_at(r.threshold_at[2], "2024-01-09T13:00Z");
    assert_int_equal(r.threshold_at[3], NONE);
    assert_at(r.deadline, "2024-01-09T11:00Z");
    itsm_clock_definition_free(def);
    itsm_calendar_free(cal);
}

/* Start on "active" (assignment), with a retroactive start at the record's opening and,
 * optionally, its earlier pauses replayed. */
static void test_retroactive_start_and_pause(void **state)
{
    (void)state;
    itsm_calendar *cal = office();
    itsm_clock_options o = resolution(cal, "8 h");
    o.start = s_active;
    log_t l = {0};
    add(&l, "2024-01-08T09:00Z", NEW, 0);
    add(&l, "2024-01-08T10:00Z", HOLD, 0);
    add(&l, "2024-01-08T12:00Z", NEW, 0);
    add(&l, "2024-01-08T13:00Z", ACTIVE, 0);
    add(&l, "2024-01-08T15:00Z", RESOLVED, 0);
    itsm_clock_result r = eval_with(&o, &l, "2024-01-09T00:00Z");
    assert_at(r.start, "2024-01-08T13:00Z");
    assert_int_equal(r.elapsed_business, 2 * HOUR);
    o.flags = ITSM_CLOCK_RETRO_START;
    r = eval_with(&o, &l, "2024-01-09T00:00Z");
    assert_at(r.start, "2024-01-08T09:00Z");
    assert_int_equal(r.elapsed_business, 6 * HOUR);
    assert_int_equal(r.paused_business, 0);
    o.flags = ITSM_CLOCK_RETRO_START | ITSM_CLOCK_RETRO_PAUSE;
    r = eval_with(&o, &l, "2024-01-09T00:00Z");
    assert_int_equal(r.elapsed_business, 4 * HOUR);
    assert_int_equal(r.paused_business, 2 * HOUR);
    /* As of before the start event: not started even with a retroactive start. */
    r = eval_with(&o, &l, "2024-01-08T12:30Z");
    assert_int_equal(r.state, ITSM_CLOCK_NOT_STARTED);
    itsm_calendar_free(cal);
}

/* Priority 1 gets 2 h instead of 8 h at 13:00. RECOMPUTE: 2 h from 09:00 passed at
 * 11:00, so the record is breached retroactively. RESTART: 2 h from 13:00. */
static void test_retarget_policies(void **state)
{
    (void)state;
    itsm_calendar *cal = office();
    itsm_clock_options o = resolution(cal, "8 h");
    priority_targets pt;
    set_priority_targets(&o, &pt, 1, "2 h", 0, NULL);
    log_t l = {0};
    add(&l, "2024-01-08T09:00Z", NEW, 3);
    add(&l, "2024-01-08T13:00Z", ACTIVE, 1);
    itsm_clock_result r = eval_with(&o, &l, "2024-01-08T14:00Z");
    assert_int_equal(r.priority, 1);
    assert_int_equal(r.target, 2 * HOUR);
    assert_int_equal(r.elapsed_business, 5 * HOUR);
    assert_int_equal(r.breached, 1);
    assert_at(r.deadline, "2024-01-08T11:00Z");
    o.retarget_policy = ITSM_RETARGET_RESTART;
    r = eval_with(&o, &l, "2024-01-08T14:00Z");
    assert_at(r.start, "2024-01-08T13:00Z");
    assert_int_equal(r.elapsed_business, HOUR);
    assert_int_equal(r.breached, 0);
    assert_at(r.deadline, "2024-01-08T15:00Z");
    /* The priority given before the start picks the target from the start. */
    l.prio[0] = 1;
    l.prio[1] = 0;
    r = eval_with(&o, &l, "2024-01-08T10:00Z");
    assert_int_equal(r.target, 2 * HOUR);
    assert_at(r.deadline, "2024-01-08T11:00Z");
    /* A change to a priority with the same target changes nothing. */
    l.prio[0] = 3;
    l.prio[1] = 7;
    r = eval_with(&o, &l, "2024-01-08T14:00Z");
    assert_at(r.start, "2024-01-08T09:00Z");
    assert_int_equal(r.priority, 7);
    itsm_calendar_free(cal);
}

/* User codes outside the small-code table, and one elapsed (wall-clock) target. */
static void test_user_codes_and_elapsed_target(void **state)
{
    (void)state;
    itsm_calendar *cal = office();
    itsm_clock_options o = ITSM_CLOCK_OPTIONS_INIT;
    const int32_t start[] = {-5, 1000}, pause[] = {70000}, stop[] = {INT32_MIN};
    o.start = start;
    o.n_start = 2;
    o.pause = pause;
    o.n_pause = 1;
    o.stop = stop;
    o.n_stop = 1;
    o.calendar = cal;
    o.target = rule_of("4 h elapsed");
    log_t l = {0};
    add(&l, "2024-01-08T16:00Z", 1000, 0);
    add(&l, "2024-01-08T17:00Z", 70000, 0);
    add(&l, "2024-01-08T18:00Z", -5, 0);
    add(&l, "2024-01-08T21:00Z", INT32_MIN, 0);
    itsm_clock_result r = eval_with(&o, &l, "2024-01-09T00:00Z");
    assert_int_equal(r.state, ITSM_CLOCK_MET);
    assert_int_equal(r.elapsed_actual, 4 * HOUR);
    assert_int_equal(r.elapsed_business, HOUR);
    assert_int_equal(r.paused_actual, HOUR);
    assert_int_equal(r.target, 4 * HOUR);
    assert_at(r.deadline, "2024-01-08T21:00Z");
    itsm_calendar_free(cal);
}

static void test_incident_matches_arrays(void **state)
{
    (void)state;
    itsm_calendar *cal = office();
    itsm_clock_options o = resolution(cal, "8 h");
    priority_targets pt;
    set_priority_targets(&o, &pt, 2, "3 h", 0, NULL);
    itsm_clock_definition *def = define(&o);
    for (size_t n_events = 4; n_events <= 100; n_events += 96) {
        itsm_incident *inc = NULL;
        assert_itsm_ok(itsm_incident_new(&inc, "INC-1"));
        assert_itsm_ok(itsm_incident_set_level(inc, ITSM_INCIDENT_PRIORITY, 2));
        log_t l = {0};
        itsm_instant t = at("2024-01-08T09:00Z");
        for (size_t i = 0; i < n_events; i++) {
            int32_t code = i == 0 ? NEW : i + 1 == n_events ? RESOLVED : (i % 2 ? HOLD : ACTIVE);
            assert_itsm_ok(itsm_incident_add_status(inc, t, (itsm_incident_status)code, NULL, NULL));
            l.t[l.n] = t;
            l.code[l.n] = code;
            l.prio[l.n] = i == 0 ? 2 : 0;
            l.n++;
            t += 20 * MINUTE;
        }
        itsm_clock_result a, b = eval(def, &l, "2024-01-20T00:00Z");
        assert_itsm_ok(itsm_clock_evaluate_incident(&a, def, inc, at("2024-01-20T00:00Z")));
        assert_memory_equal(&a, &b, sizeof a);
        assert_int_equal(a.target, 3 * HOUR);
        itsm_incident_free(inc);
    }
    itsm_clock_definition_free(def);
    itsm_calendar_free(cal);
}

/* ---- errors ------------------------------------------------------------------------------ */

static void test_unsorted_log_names_the_event(void **state)
{
    (void)state;
    itsm_calendar *cal = office();
    itsm_clock_options o = resolution(cal, "8 h");
    itsm_clock_definition *def = define(&o);
    log_t l = {0};
    add(&l, "2024-01-08T10:00Z", NEW, 0);
    add(&l, "2024-01-08T11:00Z", HOLD, 0);
    add(&l, "2024-01-08T10:30Z", ACTIVE, 0);
    itsm_clock_result r;
    assert_itsm_error(itsm_clock_evaluate(&r, def, l.t, l.code, NULL, l.n, at("2024-01-09T00:00Z")), ITSM_EINVAL,
                      "itsm_clock_evaluate: event 2: instant");
    /* Even when the disorder is after as of. */
    assert_itsm_error(itsm_clock_evaluate(&r, def, l.t, l.code, NULL, l.n, at("2024-01-08T10:15Z")), ITSM_EINVAL,
                      "event 2");
    int64_t offsets[] = {0, 1, 3};
    int32_t state_col[2];
    itsm_clock_columns c = ITSM_CLOCK_COLUMNS_INIT;
    c.state = state_col;
    assert_itsm_error(itsm_clock_evaluate_many(&c, def, offsets, 2, l.t, l.code, NULL, 3, at("2024-01-09T00:00Z")),
                      ITSM_EINVAL, "itsm_clock_evaluate_many: record 1, event 1: instant");
    itsm_clock_definition_free(def);
    itsm_calendar_free(cal);
}

static void test_evaluation_errors(void **state)
{
    (void)state;
    itsm_calendar *cal = office();
    itsm_clock_options o = resolution(cal, "8 h");
    itsm_clock_definition *def = define(&o);
    log_t l = {0};
    add(&l, "2024-01-08T10:00Z", NEW, 0);
    itsm_clock_result r;
    itsm_instant t = l.t[0];
    assert_itsm_error(itsm_clock_evaluate(NULL, def, l.t, l.code, NULL, 1, t), ITSM_EINVAL, "'out'");
    assert_itsm_error(itsm_clock_evaluate(&r, NULL, l.t, l.code, NULL, 1, t), ITSM_EINVAL, "'def'");
    assert_itsm_error(itsm_clock_evaluate(&r, def, NULL, l.code, NULL, 1, t), ITSM_EINVAL, "instants is NULL");
    assert_itsm_error(itsm_clock_evaluate(&r, def, l.t, NULL, NULL, 1, t), ITSM_EINVAL, "codes is NULL");
    assert_itsm_ok(itsm_clock_evaluate(&r, def, NULL, NULL, NULL, 0, t));
    assert_int_equal(r.state, ITSM_CLOCK_NOT_STARTED);
    /* Outside the calendar's span. */
    assert_itsm_error(itsm_clock_evaluate(&r, def, l.t, l.code, NULL, 1, INT64_C(9000000000)), ITSM_ERANGE,
                      "itsm_clock_evaluate: as_of");
    add(&l, "2024-01-08T10:00Z", HOLD, 0);
    l.t[1] = INT64_C(9000000000);
    assert_itsm_error(itsm_clock_evaluate(&r, def, l.t, l.code, NULL, 2, l.t[1]), ITSM_ERANGE,
                      "itsm_clock_evaluate: event 1: calendar: t: instant");
    l.t[0] = INT64_C(-3000000000);
    assert_itsm_error(itsm_clock_evaluate(&r, def, l.t, l.code, NULL, 1, t), ITSM_ERANGE, "event 0");
    assert_itsm_error(itsm_clock_evaluate_incident(&r, def, NULL, t), ITSM_EINVAL, "'incident'");
    const char *name = NULL;
    assert_itsm_ok(itsm_clock_state_name(&name, ITSM_CLOCK_BREACHED));
    assert_string_equal(name, "breached");
    assert_itsm_error(itsm_clock_state_name(&name, (itsm_clock_state)6), ITSM_EINVAL, "6");
    itsm_clock_definition_free(def);
    itsm_calendar_free(cal);
}

static void expect_bad_options(const itsm_clock_options *o, int code, const char *fragment)
{
    itsm_clock_definition *def = NULL;
    assert_itsm_error(itsm_clock_definition_new(&def, o), code, fragment);
    assert_null(def);
}

static void test_definition_errors(void **state)
{
    (void)state;
    itsm_calendar *cal = office();
    const itsm_clock_options good = resolution(cal, "8 h");
    itsm_clock_options o = good;
    o.version = 0;
    expect_bad_options(&o, ITSM_EVERSION, "version 0");
    o = good;
    o.calendar = NULL;
    expect_bad_options(&o, ITSM_EINVAL, "calendar is NULL");
    o = good;
    o.n_start = 0;
    expect_bad_options(&o, ITSM_EINVAL, "start set is empty");
    o = good;
    o.n_stop = 0;
    expect_bad_options(&o, ITSM_EINVAL, "stop set is empty");
    o = good;
    o.pause = s_done;
    expect_bad_options(&o, ITSM_EINVAL, "code 3 is in both the pause and the stop set");
    o = good;
    const int32_t big[] = {5000};
    o.stop = big;
    o.n_stop = 1;
    o.cancel = big;
    expect_bad_options(&o, ITSM_EINVAL, "code 5000 is in both the stop and the cancel set");
    o = good;
    o.start = s_done;
    expect_bad_options(&o, ITSM_EINVAL, "start and the stop");
    o = good;
    o.pause = NULL;
    expect_bad_options(&o, ITSM_EINVAL, "pause is NULL with n_pause 1");
    o = good;
    const int32_t unsorted[] = {500, 400};
    o.thresholds = unsorted;
    o.n_thresholds = 2;
    expect_bad_options(&o, ITSM_EINVAL, "thresholds[1] = 400");
    const int32_t zero[] = {0};
    o.thresholds = zero;
    o.n_thresholds = 1;
    expect_bad_options(&o, ITSM_EINVAL, "thresholds[0] = 0");
    o.n_thresholds = 9;
    expect_bad_options(&o, ITSM_EINVAL, "9 given");
    o = good;
    o.target.amount = 0;
    expect_bad_options(&o, ITSM_ERANGE, "target: deadline: ITSM_DEADLINE_BUSINESS amount 0");
    o = good;
    o.target = rule_of("4 h excluding vendor holidays");
    expect_bad_options(&o, ITSM_EINVAL, "runs on the 'vendor' calendar but the clock's calendar is 'office'");
    o = good;
    const int32_t prios[] = {2, 2};
    const itsm_deadline targets[] = {rule_of("1 h"), rule_of("2 h")};
    o.target_priorities = prios;
    o.priority_targets = targets;
    o.n_priority_targets = 2;
    expect_bad_options(&o, ITSM_EINVAL, "target_priorities[1] = 2 repeats");
    const int32_t prio0[] = {0};
    o.target_priorities = prio0;
    o.n_priority_targets = 1;
    expect_bad_options(&o, ITSM_EINVAL, "target_priorities[0] = 0");
    o.target_priorities = NULL;
    expect_bad_options(&o, ITSM_EINVAL, "n_priority_targets is 1");
    o = good;
    o.flags = 4;
    expect_bad_options(&o, ITSM_EINVAL, "unknown bits");
    o.flags = ITSM_CLOCK_RETRO_PAUSE;
    expect_bad_options(&o, ITSM_EINVAL, "needs ITSM_CLOCK_RETRO_START");
    o = good;
    o.reopen_policy = (itsm_reopen_policy)3;
    expect_bad_options(&o, ITSM_EINVAL, "reopen_policy 3");
    o = good;
    o.retarget_policy = (itsm_retarget_policy)-1;
    expect_bad_options(&o, ITSM_EINVAL, "retarget_policy -1");
    itsm_clock_definition *def = NULL;
    assert_itsm_error(itsm_clock_definition_new(&def, NULL), ITSM_EINVAL, "'options'");
    assert_itsm_error(itsm_clock_definition_new(NULL, &good), ITSM_EINVAL, "'out'");
    assert_int_equal(itsm_clock_definition_threshold_count(NULL), 0);
    itsm_clock_definition_free(NULL);
    /* A vendor-calendar target on the vendor calendar is fine. */
    itsm_calendar *vendor = example_calendar("vendor-calendar.json");
    o = resolution(vendor, "within 24 h excluding vendor holidays");
    def = define(&o);
    itsm_clock_definition_free(def);
    itsm_calendar_free(vendor);
    itsm_calendar_free(cal);
}

/* ---- random logs: reference, batches ----------------------------------------------------- */

static uint64_t rng_state = 0x9e3779b97f4a7c15u;
static uint32_t rnd(uint32_t n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state % n);
}

/* A random log on whole minutes from Mon 2024-01-08, 1..8 events. */
static void random_log(log_t *l, bool with_priorities)
{
    static const int32_t codes[] = {NEW, NEW, ACTIVE, ACTIVE, HOLD, HOLD, RESOLVED, CLOSED, CANCELLED_CODE, 42};
    l->n = 1 + rnd(8);
    itsm_instant t = at("2024-01-08T00:00Z") + (itsm_instant)rnd(3 * 24 * 60) * MINUTE;
    for (size_t i = 0; i < l->n; i++) {
        l->t[i] = t;
        l->code[i] = codes[rnd(sizeof codes / sizeof codes[0])];
        l->prio[i] = with_priorities && rnd(4) == 0 ? (int32_t)(1 + rnd(3)) : 0;
        t += (itsm_instant)(rnd(5) == 0 ? 0 : rnd(24 * 60)) * MINUTE;
    }
}

/* The reference: the same rules stepped minute by minute, with "open" read off the
 * weekly pattern directly (Mon-Fri 9-17 UTC) instead of the calendar's tables. */
typedef struct ref {
    int ph; /* itsm_clock_state-like: 0 not started, 1 running, 2 paused, 3 stopped, 5 cancelled */
    int64_t eb, ea, pb, pa, sb, sa, deadline;
    int cycles, breached_cycles, reopens;
} ref;

static bool ref_open(itsm_instant m)
{
    int64_t day = m >= 0 ? m / 86400 : (m - 86399) / 86400, tod = m - day * 86400;
    int wd = (int)(((day % 7) + 7 + 3) % 7) + 1;
    return wd <= 5 && tod >= 9 * 3600 && tod < 17 * 3600;
}

static void ref_begin(ref *s, int ph)
{
    s->ph = ph;
    s->eb = s->ea = s->pb = s->pa = s->sb = s->sa = 0;
    s->deadline = NONE;
    s->cycles++;
}

static void ref_event(ref *s, int32_t code, itsm_reopen_policy policy, int64_t target)
{
    bool start = code == NEW, pause = code == HOLD, stop = code == RESOLVED || code == CLOSED;
    bool cancel = code == CANCELLED_CODE;
    if (s->ph == 0) {
        if (cancel)
            s->ph = 5;
        else if (start)
            ref_begin(s, pause ? 2 : 1);
    } else if (s->ph == 1 || s->ph == 2) {
        s->ph = cancel ? 5 : stop ? 3 : pause ? 2 : 1;
    } else if (s->ph == 3 && !stop && !cancel && policy != ITSM_REOPEN_NEVER) {
        s->reopens++;
        if (policy == ITSM_REOPEN_CONTINUE) {
            s->pb += s->sb;
            s->pa += s->sa;
            s->sb = s->sa = 0;
            s->ph = pause ? 2 : 1;
        } else {
            s->breached_cycles += s->eb > target;
            int keep = s->reopens;
            ref_begin(s, pause ? 2 : 1);
            s->reopens = keep;
        }
    }
}

static void ref_minute(ref *s, itsm_instant m, int64_t target)
{
    int64_t b = ref_open(m) ? 60 : 0;
    if (s->ph == 1) {
        if (s->eb < target && s->eb + b >= target)
            s->deadline = m + 60;
        s->eb += b;
        s->ea += 60;
    } else if (s->ph == 2) {
        s->pb += b;
        s->pa += 60;
    } else if (s->ph == 3) {
        s->sb += b;
        s->sa += 60;
    }
}

static ref reference(const log_t *l, itsm_instant as_of, itsm_reopen_policy policy, int64_t target)
{
    ref s;
    memset(&s, 0, sizeof s);
    s.deadline = NONE;
    size_t i = 0;
    for (itsm_instant m = l->t[0]; m <= as_of; m += 60) {
        for (; i < l->n && l->t[i] == m; i++)
            ref_event(&s, l->code[i], policy, target);
        if (m < as_of)
            ref_minute(&s, m, target);
    }
    return s;
}

static void test_brute_force_reference(void **state)
{
    (void)state;
    itsm_calendar *cal = office();
    for (int policy = 0; policy < 3; policy++) {
        for (int k = 0; k < 300; k++) {
            int64_t target = (int64_t)(30 + rnd(600)) * MINUTE;
            itsm_clock_options o = resolution(cal, "1 h");
            o.target.amount = target;
            o.reopen_policy = (itsm_reopen_policy)policy;
            log_t l = {0};
            random_log(&l, false);
            itsm_instant as_of = l.t[l.n - 1] + (itsm_instant)rnd(3 * 24 * 60) * MINUTE;
            itsm_clock_definition *def = define(&o);
            itsm_clock_result r;
            assert_itsm_ok(itsm_clock_evaluate(&r, def, l.t, l.code, NULL, l.n, as_of));
            itsm_clock_definition_free(def);
            ref s = reference(&l, as_of, o.reopen_policy, target);
            int want_state = s.ph == 3 ? (s.eb > target ? ITSM_CLOCK_BREACHED : ITSM_CLOCK_MET) : s.ph;
            assert_int_equal(r.state, want_state);
            assert_int_equal(r.elapsed_business, s.eb);
            assert_int_equal(r.elapsed_actual, s.ea);
            assert_int_equal(r.paused_business, s.pb);
            assert_int_equal(r.paused_actual, s.pa);
            assert_int_equal(r.cycles, s.cycles);
            assert_int_equal(r.reopens, s.reopens);
            bool live = s.ph != 0 && s.ph != 5;
            assert_int_equal(r.breached, live && s.eb > target);
            assert_int_equal(r.breached_cycles, s.breached_cycles + (live && s.eb > target));
            if (live && s.deadline != NONE)
                assert_int_equal(r.deadline, s.deadline);
            else if (live)
                assert_true(r.deadline >= as_of || r.state == ITSM_CLOCK_MET);
        }
    }
    itsm_calendar_free(cal);
}

#define BATCH 400

typedef struct columns_buf {
    int32_t state[BATCH], priority[BATCH], cycles[BATCH], bcycles[BATCH], reopens[BATCH], status[BATCH];
    itsm_instant start[BATCH], stop[BATCH], deadline[BATCH], thr[BATCH * 4];
    int64_t eb[BATCH], ea[BATCH], pb[BATCH], pa[BATCH], target[BATCH], remaining[BATCH], permille[BATCH];
    uint8_t breached[BATCH], ever[BATCH];
} columns_buf;

static itsm_clock_columns columns_of(columns_buf *b)
{
    itsm_clock_columns c = ITSM_CLOCK_COLUMNS_INIT;
    c.state = b->state;
    c.priority = b->priority;
    c.start = b->start;
    c.stop = b->stop;
    c.elapsed_business = b->eb;
    c.elapsed_actual = b->ea;
    c.paused_business = b->pb;
    c.paused_actual = b->pa;
    c.target = b->target;
    c.remaining = b->remaining;
    c.permille = b->permille;
    c.deadline = b->deadline;
    c.threshold_at = b->thr;
    c.breached = b->breached;
    c.ever_breached = b->ever;
    c.cycles = b->cycles;
    c.breached_cycles = b->bcycles;
    c.reopens = b->reopens;
    return c;
}

static void assert_row(const columns_buf *b, size_t r, const itsm_clock_result *x)
{
    assert_int_equal(b->state[r], x->state);
    assert_int_equal(b->priority[r], x->priority);
    assert_int_equal(b->start[r], x->start);
    assert_int_equal(b->stop[r], x->stop);
    assert_int_equal(b->eb[r], x->elapsed_business);
    assert_int_equal(b->ea[r], x->elapsed_actual);
    assert_int_equal(b->pb[r], x->paused_business);
    assert_int_equal(b->pa[r], x->paused_actual);
    assert_int_equal(b->target[r], x->target);
    assert_int_equal(b->remaining[r], x->remaining);
    assert_int_equal(b->permille[r], x->permille);
    assert_int_equal(b->deadline[r], x->deadline);
    assert_memory_equal(b->thr + 4 * r, x->threshold_at, 4 * sizeof(itsm_instant));
    assert_int_equal(b->breached[r], x->breached);
    assert_int_equal(b->ever[r], x->ever_breached);
    assert_int_equal(b->cycles[r], x->cycles);
    assert_int_equal(b->bcycles[r], x->breached_cycles);
    assert_int_equal(b->reopens[r], x->reopens);
}

static void test_batch_matches_scalar(void **state)
{
    (void)state;
    itsm_calendar *desk = example_calendar("desk-calendar.json");
    itsm_clock_options o = resolution(desk, "next business day");
    priority_targets pt;
    set_priority_targets(&o, &pt, 1, "2 h", 2, "within half a day");
    static itsm_instant t[BATCH * 8];
    static int32_t code[BATCH * 8], prio[BATCH * 8];
    static int64_t offsets[BATCH + 1];
    static columns_buf b;
    log_t logs[8];
    for (int variant = 0; variant < 4; variant++) {
        o.reopen_policy = (itsm_reopen_policy)(variant % 3);
        o.retarget_policy = (itsm_retarget_policy)(variant / 2);
        o.flags = variant == 3 ? ITSM_CLOCK_RETRO_START | ITSM_CLOCK_RETRO_PAUSE : 0;
        itsm_clock_definition *def = define(&o);
        size_t n = 0;
        for (size_t r = 0; r < BATCH; r++) {
            log_t *l = &logs[r % 8];
            random_log(l, true);
            offsets[r] = (int64_t)n;
            memcpy(t + n, l->t, l->n * sizeof *t);
            memcpy(code + n, l->code, l->n * sizeof *code);
            memcpy(prio + n, l->prio, l->n * sizeof *prio);
            n += l->n;
        }
        offsets[BATCH] = (int64_t)n;
        itsm_instant as_of = at("2024-01-12T12:00Z");
        itsm_clock_columns c = columns_of(&b);
        assert_itsm_ok(itsm_clock_evaluate_many(&c, def, offsets, BATCH, t, code, prio, n, as_of));
        for (size_t r = 0; r < BATCH; r++) {
            size_t lo = (size_t)offsets[r];
            itsm_clock_result x;
            assert_itsm_ok(itsm_clock_evaluate(&x, def, t + lo, code + lo, prio + lo,
                                               (size_t)(offsets[r + 1] - offsets[r]), as_of));
            assert_row(&b, r, &x);
        }
        /* Without deadline and thresholds the other columns are the same. */
        int64_t eb2[BATCH];
        itsm_clock_columns only = ITSM_CLOCK_COLUMNS_INIT;
        only.elapsed_business = eb2;
        assert_itsm_ok(itsm_clock_evaluate_many(&only, def, offsets, BATCH, t, code, prio, n, as_of));
        assert_memory_equal(eb2, b.eb, sizeof eb2);
        itsm_clock_definition_free(def);
    }
    itsm_calendar_free(desk);
}

static void test_batch_errors(void **state)
{
    (void)state;
    itsm_calendar *cal = office();
    itsm_clock_options o = resolution(cal, "8 h");
    itsm_clock_definition *def = define(&o);
    log_t l = {0};
    add(&l, "2024-01-08T09:00Z", NEW, 0);
    add(&l, "2024-01-08T10:00Z", ACTIVE, 0);
    l.t[2] = INT64_C(9000000000); /* outside the calendar */
    l.code[2] = HOLD;
    add(&l, "2024-01-08T09:00Z", NEW, 0);
    l.t[2] = INT64_C(9000000000);
    int64_t offsets[] = {0, 2, 3};
    columns_buf *b = calloc(1, sizeof *b);
    assert_non_null(b);
    itsm_clock_columns c = columns_of(b);
    itsm_instant as_of = at("2024-01-09T00:00Z");
    /* Record 1's only event lies after as of here, so it is fine; as of far out is not. */
    assert_itsm_ok(itsm_clock_evaluate_many(&c, def, offsets, 2, l.t, l.code, NULL, 3, as_of));
    assert_int_equal(b->state[1], ITSM_CLOCK_NOT_STARTED);
    l.code[2] = NEW;
    assert_itsm_error(itsm_clock_evaluate_many(&c, def, offsets, 2, l.t, l.code, NULL, 3, INT64_C(9000000001)),
                      ITSM_ERANGE, "itsm_clock_evaluate_many: record 0, as_of");
    /* With a status column the batch goes on past bad records. */
    c.status = b->status;
    assert_itsm_ok(itsm_clock_evaluate_many(&c, def, offsets, 2, l.t, l.code, NULL, 3, INT64_C(9000000001)));
    assert_int_equal(b->status[0], ITSM_ERANGE);
    assert_int_equal(b->status[1], ITSM_ERANGE);
    assert_int_equal(b->deadline[0], NONE);
    assert_itsm_ok(itsm_clock_evaluate_many(&c, def, offsets, 1, l.t, l.code, NULL, 3, as_of));
    assert_int_equal(b->status[0], ITSM_OK);
    int64_t bad[] = {0, 2, 1};
    assert_itsm_error(itsm_clock_evaluate_many(&c, def, bad, 2, l.t, l.code, NULL, 3, as_of), ITSM_EINVAL,
                      "offsets[2] = 1 is less than offsets[1] = 2");
    int64_t past[] = {0, 2, 4};
    assert_itsm_error(itsm_clock_evaluate_many(&c, def, past, 2, l.t, l.code, NULL, 3, as_of), ITSM_EINVAL,
                      "offsets[2] = 4 is past the 3 events");
    int64_t neg[] = {-1, 2};
    assert_itsm_error(itsm_clock_evaluate_many(&c, def, neg, 1, l.t, l.code, NULL, 3, as_of), ITSM_EINVAL,
                      "offsets[0] = -1");
    assert_itsm_error(itsm_clock_evaluate_many(&c, def, offsets, 2, NULL, l.code, NULL, 3, as_of), ITSM_EINVAL,
                      "instants is NULL");
    c.version = 2;
    assert_itsm_error(itsm_clock_evaluate_many(&c, def, offsets, 2, l.t, l.code, NULL, 3, as_of), ITSM_EVERSION,
                      "columns version 2");
    c.version = 1;
    assert_itsm_error(itsm_clock_evaluate_many(&c, def, NULL, 2, l.t, l.code, NULL, 3, as_of), ITSM_EINVAL,
                      "'offsets'");
    int64_t empty[] = {0};
    assert_itsm_ok(itsm_clock_evaluate_many(&c, def, empty, 0, NULL, NULL, NULL, 0, as_of));
    free(b);
    itsm_clock_definition_free(def);
    itsm_calendar_free(cal);
}

/* ---- allocations ------------------------------------------------------------------------- */

static int scenario_clock(const void *ctx)
{
    (void)ctx;
    itsm_calendar_spec *spec = NULL;
    itsm_calendar *cal = NULL;
    itsm_clock_definition *def = NULL;
    itsm_incident *inc = NULL;
    int rc = itsm_calendar_spec_new(&spec, "office", "UTC", NULL);
    for (int wd = 1; wd <= 5 && rc == ITSM_OK; wd++)
        rc = itsm_calendar_spec_add_interval(spec, wd, HM(9, 0), HM(17, 0), 0);
    if (rc == ITSM_OK)
        rc = itsm_calendar_compile(&cal, spec);
    itsm_calendar_spec_free(spec);
    const int32_t big[] = {1000, 2000, -7};
    itsm_clock_options o = resolution(cal, "8 h");
    priority_targets pt;
    set_priority_targets(&o, &pt, 1, "1 h", 2, "next business day");
    o.cancel = big;
    o.n_cancel = 3;
    if (rc == ITSM_OK)
        rc = itsm_clock_definition_new(&def, &o);
    if (rc == ITSM_OK)
        rc = itsm_incident_new(&inc, "INC-9");
    itsm_instant t = 1704704400; /* 2024-01-08T09:00Z */
    for (int i = 0; i < 80 && rc == ITSM_OK; i++)
        rc = itsm_incident_add_status(inc, t + i * 600, i % 2 ? ITSM_INCIDENT_ON_HOLD : ITSM_INCIDENT_ACTIVE, NULL,
                                      NULL);
    itsm_clock_result r;
    if (rc == ITSM_OK)
        rc = itsm_clock_evaluate_incident(&r, def, inc, t + 86400);
    itsm_incident_free(inc);
    itsm_clock_definition_free(def);
    itsm_calendar_free(cal);
    return rc;
}

static void test_allocation_failure_sweep(void **state)
{
    (void)state;
    long n = itsm_test_alloc_sweep("clock", scenario_clock, NULL, ITSM_OK);
    assert_true(n >= 4);
}

static void test_evaluation_does_not_allocate(void **state)
{
    (void)state;
    itsm_test_chaos chaos;
    itsm_test_chaos_install(&chaos);
    itsm_calendar *cal = office();
    itsm_clock_options o = resolution(cal, "next business day");
    itsm_clock_definition *def = define(&o);
    log_t l = {0};
    random_log(&l, true);
    int64_t offsets[] = {0, (int64_t)l.n};
    int64_t eb[1];
    itsm_clock_columns c = ITSM_CLOCK_COLUMNS_INIT;
    c.elapsed_business = eb;
    long before = chaos.count;
    itsm_clock_result r;
    assert_itsm_ok(itsm_clock_evaluate(&r, def, l.t, l.code, l.prio, l.n, at("2024-01-20T00:00Z")));
    assert_itsm_ok(itsm_clock_evaluate_many(&c, def, offsets, 1, l.t, l.code, l.prio, l.n, at("2024-01-20T00:00Z")));
    assert_int_equal(chaos.count, before);
    itsm_clock_definition_free(def);
    itsm_calendar_free(cal);
    assert_itsm_ok(itsm_set_allocator(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_case01_pending_over_weekend_is_business_time),
        cmocka_unit_test(test_case04_retarget_keeps_pauses),
        cmocka_unit_test(test_case05_sla_and_ola_have_their_own_start),
        cmocka_unit_test(test_case06_reopen_policies),
        cmocka_unit_test(test_case13_instants_are_utc_not_viewer_time),
        cmocka_unit_test(test_case14_paused_to_resolved_closes_the_pause_first),
        cmocka_unit_test(test_case15_each_metric_has_its_own_events),
        cmocka_unit_test(test_case16_cancel_clears_the_deadline),
        cmocka_unit_test(test_case19_passed_deadline_is_immutable),
        cmocka_unit_test(test_out_of_hours_start),
        cmocka_unit_test(test_pause_spanning_holidays),
        cmocka_unit_test(test_dst_calendars),
        cmocka_unit_test(test_as_of_before_and_after_the_deadline),
        cmocka_unit_test(test_configurable_thresholds),
        cmocka_unit_test(test_retroactive_start_and_pause),
        cmocka_unit_test(test_retarget_policies),
        cmocka_unit_test(test_user_codes_and_elapsed_target),
        cmocka_unit_test(test_incident_matches_arrays),
        cmocka_unit_test(test_unsorted_log_names_the_event),
        cmocka_unit_test(test_evaluation_errors),
        cmocka_unit_test(test_definition_errors),
        cmocka_unit_test(test_brute_force_reference),
        cmocka_unit_test(test_batch_matches_scalar),
        cmocka_unit_test(test_batch_errors),
        cmocka_unit_test(test_allocation_failure_sweep),
        cmocka_unit_test(test_evaluation_does_not_allocate),
    };
    return cmocka_run_group_tests(tests, itsm_test_group_setup, itsm_test_group_teardown);
}
