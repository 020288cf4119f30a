/* Reports as Markdown: a table per period, then the breaching records. */
#include "common/internal.h"
#include "report/report_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct text {
    char *s;
    size_t n, cap;
    int rc;
} text;

static void put(text *t, const char *fmt, ...) ITSM__PRINTF(2, 3);
static void put(text *t, const char *fmt, ...)
{
    if (t->rc != ITSM_OK)
        return;
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    t->rc = itsm__reserve((void **)&t->s, &t->cap, t->n + (size_t)len + 1, 1, "markdown");
    if (t->rc != ITSM_OK)
        return;
    va_start(ap, fmt);
    vsnprintf(t->s + t->n, (size_t)len + 1, fmt, ap);
    va_end(ap);
    t->n += (size_t)len;
}

static const char *unit_word(itsm_sla_unit u)
{
    const char *w = "";
    itsm_sla_name(&w, ITSM_SLA_ENUM_UNIT, (int)u);
    return u == ITSM_SLA_UNIT_PERCENT ? "%" : w;
}

static void measured(text *t, const itsm_report_item *p)
{
    if (!p->has_value)
        put(t, "-");
    else
        put(t, "%.6g%s%s", p->value, p->unit == ITSM_SLA_UNIT_PERCENT ? "" : " ", unit_word(p->unit));
    if (p->denominator > 0)
        put(t, " (%lld/%lld)", (long long)p->numerator, (long long)p->denominator);
    else if (p->records > 0)
        put(t, " (n=%lld)", (long long)p->records);
    if (p->at_risk > 0)
        put(t, ", %lld at risk", (long long)p->at_risk);
}

static void verdict(text *t, const itsm_report_item *p)
{
    const char *v = "";
    itsm_report_verdict_name(&v, p->verdict);
    if (p->verdict == ITSM_REPORT_NOT_EVALUABLE) {
        put(t, "not evaluable: %s", p->reason);
        return;
    }
    put(t, "%s", p->verdict == ITSM_REPORT_NO_DATA ? "no data" : v);
    if (p->verdict == ITSM_REPORT_MISSED)
        put(t, p->consequence == ITSM_SLA_CONSEQUENCE_BREACH ? " (breach of contract" : " (finding");
    if (p->verdict == ITSM_REPORT_MISSED && p->has_credit)
        put(t, ", credit %.4g %%", p->credit_percent);
    if (p->verdict == ITSM_REPORT_MISSED)
        put(t, ")");
}

static void table(text *t, const itsm_report *r)
{
    put(t, "| Item | Agreed | Measured | Achieved | Verdict |\n|---|---|---|---|---|\n");
    for (size_t i = 0; i < r->n_items; i++) {
        const itsm_report_item *p = &r->items[i].pub;
        put(t, "| %s | %s | ", p->id, p->agreed_text);
        measured(t, p);
        if (r->items[i].has_reliability && r->items[i].mtbf.has_data)
            put(t, "; MTBF %.1f h, MTRS %.1f min", r->items[i].mtbf.ratio / 3600.0, r->items[i].mtrs.ratio / 60.0);
        if (p->achieved_level > 0)
            put(t, " | L%d | ", p->achieved_level);
        else
            put(t, " | - | ");
        verdict(t, p);
        put(t, " |\n");
    }
}

static void breaches(text *t, const itsm_report *r)
{
    bool any = false;
    for (size_t i = 0; i < r->n_items; i++) {
        const itsm__ritem *ri = &r->items[i];
        for (size_t k = 0; k < ri->n_breaches; k++) {
            const itsm__breach *b = &ri->breaches[k];
            char start[ITSM_INSTANT_TEXT_SIZE], stop[ITSM_INSTANT_TEXT_SIZE], due[ITSM_INSTANT_TEXT_SIZE];
            const char *state = "";
            itsm_clock_state_name(&state, b->state);
            itsm__report_instant(start, sizeof start, b->start);
            itsm__report_instant(stop, sizeof stop, b->stop);
            itsm__report_instant(due, sizeof due, b->deadline);
            if (!any)
                put(t, "\n| Item | Record | Start | Stop | Deadline | Elapsed (s) | Target (s) | State |\n"
                       "|---|---|---|---|---|---|---|---|\n");
            any = true;
            put(t, "| %s | %s | %s | %s | %s | %lld | %lld | %s |\n", ri->pub.id, b->record, start,
                stop[0] ? stop : "open", due[0] ? due : "-", (long long)b->elapsed, (long long)b->target, state);
        }
        if (ri->pub.breaches_total > (int64_t)ri->n_breaches)
            put(t, "| %s | ... %lld more | | | | | | |\n", ri->pub.id,
                (long long)(ri->pub.breaches_total - (int64_t)ri->n_breaches));
    }
    if (!any)
        put(t, "\nNo breaching records.\n");
}

static void one_report(text *t, const itsm_report *r)
{
    char from[ITSM_INSTANT_TEXT_SIZE], to[ITSM_INSTANT_TEXT_SIZE], as_of[ITSM_INSTANT_TEXT_SIZE];
    itsm__report_instant(from, sizeof from, r->period.from);
    itsm__report_instant(to, sizeof to, r->period.to);
    itsm__report_instant(as_of, sizeof as_of, r->as_of);
    put(t, "## %s: %s\n\n", r->agreement_name != NULL ? r->agreement_name : r->agreement_id, r->period.label);
    put(t, "Agreement %s, period %s to %s, as of %s, records counted by %s time.\n\n", r->agreement_id, from, to,
        as_of, r->counting == ITSM_COUNT_BY_START ? "start" : "stop");
    table(t, r);
    breaches(t, r);
}

itsm_status itsm_report_to_markdown(char **out, const itsm_report *const *reports, size_t count)
{
    ITSM__CHECK_ARG(out);
    *out = NULL;
    if (count > 0)
        ITSM__CHECK_ARG(reports);
    text t = {NULL, 0, 0, ITSM_OK};
    put(&t, "%s", "");
    for (size_t i = 0; i < count; i++) {
        if (reports[i] == NULL) {
            itsm__free(t.s);
            return itsm__error(ITSM_EINVAL, "%s: reports[%zu] is NULL", __func__, i);
        }
        if (i > 0)
            put(&t, "\n");
        one_report(&t, reports[i]);
    }
    if (t.rc != ITSM_OK) {
        itsm__free(t.s);
        return t.rc;
    }
    *out = t.s;
    return ITSM_OK;
}
