/* The civil-code regime behind Table 10 (DOMAIN 1.5): 瑕疵担保責任 for contracts
 * concluded before 2020-04-01, 契約不適合責任 from then on, and the claim periods. */
#include "maint/maint_internal.h"

static int before_reform(itsm_date d)
{
    return d.year < 2020 || (d.year == 2020 && d.month < 4);
}

itsm_status itsm_maint_civil_regime(itsm_civil_regime *out, itsm_date contract_date)
{
    ITSM__CHECK_ARG(out);
    int given = 0;
    int rc = itsm__maint_check_date(&given, __func__, "contract_date", contract_date);
    if (rc != ITSM_OK)
        return rc;
    if (!given)
        return itsm__error(ITSM_EINVAL, "%s: contract_date is not given", __func__);
    *out = before_reform(contract_date) ? ITSM_CIVIL_REGIME_OLD : ITSM_CIVIL_REGIME_CURRENT;
    return ITSM_OK;
}

itsm_status itsm_maint_civil_term(const char **out, itsm_civil_regime regime, itsm_maint_lang lang)
{
    ITSM__CHECK_ARG(out);
    ITSM__MAINT_ENUM(__func__, "regime", regime, ITSM_CIVIL_REGIME_CURRENT);
    ITSM__MAINT_ENUM(__func__, "lang", lang, ITSM_MAINT_LANG_JA);
    static const char *const terms[][2] = {
        {"unknown regime (no contract date)", "不明（契約日未指定）"},
        {"warranty liability for defects", "瑕疵担保責任"},
        {"liability for nonconformity to the contract", "契約不適合責任"},
    };
    *out = terms[regime][lang];
    return ITSM_OK;
}

/* The last day of a period of `years` years counted from `start` (民法140条: the first day
 * is not counted; 143条: it ends on the day before the corresponding day counted from the
 * next day, i.e. on the day corresponding to `start`; a missing Feb 29 gives Feb 28). */
static int add_years(itsm_date *out, itsm_date start, int32_t years, const char *field)
{
    itsm_date d = {start.year + years, start.month, start.day};
    int dim = itsm_days_in_month(d.year, d.month);
    if (d.day > dim)
        d.day = dim;
    int32_t days;
    if (itsm_date_to_days(&days, d) != ITSM_OK)
        return itsm__error(ITSM_ERANGE, "itsm_maint_claim_check: %s + %d years is after 2200-12-31", field,
                           (int)years);
    *out = d;
    return ITSM_OK;
}

static int date_cmp(itsm_date a, itsm_date b)
{
    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    if (a.month != b.month)
        return a.month < b.month ? -1 : 1;
    if (a.day != b.day)
        return a.day < b.day ? -1 : 1;
    return 0;
}

/* Keep the earlier of the current binding period and a candidate. */
static void earliest(itsm_claim_result *r, itsm_date deadline, itsm_maint_reason reason)
{
    if (date_cmp(deadline, r->deadline) < 0) {
        r->deadline = deadline;
        r->reason = reason;
    }
}

static int require_date(const char *field, itsm_date date)
{
    int given = 0;
    int rc = itsm__maint_check_date(&given, "itsm_maint_claim_check", field, date);
    if (rc == ITSM_OK && !given)
        rc = itsm__error(ITSM_EINVAL, "itsm_maint_claim_check: %s is not given", field);
    return rc;
}

itsm_status itsm_maint_claim_check(itsm_claim_result *out, const itsm_claim_facts *facts)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(facts);
    if (facts->version == 0 || facts->version > ITSM_CLAIM_FACTS_VERSION)
        return itsm__error(ITSM_EVERSION, "%s: facts version %u is not supported (1..%d)", __func__, facts->version,
                           ITSM_CLAIM_FACTS_VERSION);
    int rc;
    if ((rc = require_date("contract_date", facts->contract_date)) != ITSM_OK ||
        (rc = require_date("delivery_date", facts->delivery_date)) != ITSM_OK ||
        (rc = require_date("notice_date", facts->notice_date)) != ITSM_OK)
        return rc;
    if (facts->contract_warranty_days < 0)
        return itsm__error(ITSM_EINVAL, "%s: contract_warranty_days %d is negative", __func__,
                           (int)facts->contract_warranty_days);

    itsm_claim_result r;
    r.regime = before_reform(facts->contract_date) ? ITSM_CIVIL_REGIME_OLD : ITSM_CIVIL_REGIME_CURRENT;
    r.deadline = (itsm_date){2200, 12, 31};
    r.reason = ITSM_MAINT_R_CLAIM_CONTRACT_PERIOD;

    int known_given = 0;
    if ((rc = itsm__maint_check_date(&known_given, __func__, "known_date", facts->known_date)) != ITSM_OK)
        return rc;
    if (known_given && date_cmp(facts->known_date, facts->delivery_date) < 0)
        return itsm__error(ITSM_EINVAL, "%s: known_date is before delivery_date", __func__);
    if (known_given && date_cmp(facts->notice_date, facts->known_date) < 0)
        return itsm__error(ITSM_EINVAL, "%s: notice_date is before known_date", __func__);

    itsm_date d;
    if (facts->contract_warranty_days > 0) {
        if ((rc = itsm_date_add_days(&d, facts->delivery_date, facts->contract_warranty_days)) != ITSM_OK)
            return itsm__error(ITSM_ERANGE, "%s: delivery_date + contract_warranty_days is after 2200-12-31",
                               __func__);
        earliest(&r, d, ITSM_MAINT_R_CLAIM_CONTRACT_PERIOD);
    } else if (r.regime == ITSM_CIVIL_REGIME_OLD) {
        if ((rc = add_years(&d, facts->delivery_date, 1, "delivery_date")) != ITSM_OK)
            return rc;
        earliest(&r, d, ITSM_MAINT_R_CLAIM_OLD_DELIVERY_1Y);
    } else {
        if (!known_given)
            return itsm__error(ITSM_EINVAL, "%s: known_date is not given (needed from 2020-04-01)", __func__);
        if (!facts->vendor_knew) {
            if ((rc = add_years(&d, facts->known_date, 1, "known_date")) != ITSM_OK)
                return rc;
            earliest(&r, d, ITSM_MAINT_R_CLAIM_NOTICE_1Y);
        }
        if ((rc = add_years(&d, facts->known_date, 5, "known_date")) != ITSM_OK)
            return rc;
        earliest(&r, d, ITSM_MAINT_R_CLAIM_KNOWN_5Y);
        if ((rc = add_years(&d, facts->delivery_date, 10, "delivery_date")) != ITSM_OK)
            return rc;
        earliest(&r, d, ITSM_MAINT_R_CLAIM_EXERCISABLE_10Y);
    }
    r.in_time = date_cmp(facts->notice_date, r.deadline) <= 0;
    *out = r;
    return ITSM_OK;
}

/* ---- 民法142条 ------------------------------------------------------------------------------ */

/* Whether `d` is a day without business under `o`: a Sunday, a `jp` holiday, a Saturday
 * when asked for, or a day of `o->other_holidays`. */
static int closed_day(int *out, itsm_date d, const itsm_claim_options *o)
{
    static const char fn[] = "itsm_maint_claim_check_ex";
    int weekday = 0;
    const char *name = NULL;
    int rc = itsm_date_weekday(&weekday, d);
    if (rc != ITSM_OK)
        return rc;
    if (weekday == 7 || (weekday == 6 && o->saturday_closed)) {
        *out = 1;
        return ITSM_OK;
    }
    if ((rc = itsm_japan_holiday(&name, d)) != ITSM_OK)
        return itsm__error_prefix(rc, "%s: is %04d-%02d-%02d a national holiday", fn, (int)d.year, (int)d.month,
                                  (int)d.day);
    if (name == NULL && o->other_holidays != NULL &&
        (rc = itsm_holiday_set_lookup(&name, o->other_holidays, d)) != ITSM_OK)
        return itsm__error_prefix(rc, "%s: other_holidays", fn);
    *out = name != NULL;
    return ITSM_OK;
}

/* Move `*deadline` to the first day on or after it that is not closed. */
static int shift_deadline(itsm_date *deadline, int32_t *days, const itsm_claim_options *o)
{
    *days = 0;
    if (o->no_day_shift)
        return ITSM_OK;
    for (;;) {
        int closed = 0;
        int rc = closed_day(&closed, *deadline, o);
        if (rc != ITSM_OK || !closed)
            return rc;
        if (itsm_date_add_days(deadline, *deadline, 1) != ITSM_OK)
            return itsm__error(ITSM_ERANGE, "itsm_maint_claim_check_ex: the deadline moves past 2200-12-31");
        (*days)++;
    }
}

itsm_status itsm_maint_claim_check_ex(itsm_claim_result *out, itsm_claim_shift *out_shift,
                                      const itsm_claim_facts *facts, const itsm_claim_options *options)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(out_shift);
    static const itsm_claim_options defaults = ITSM_CLAIM_OPTIONS_INIT;
    const itsm_claim_options *o = options != NULL ? options : &defaults;
    if (o->version == 0 || o->version > ITSM_CLAIM_OPTIONS_VERSION)
        return itsm__error(ITSM_EVERSION, "%s: options version %u is not supported (1..%d)", __func__, o->version,
                           ITSM_CLAIM_OPTIONS_VERSION);
    itsm_claim_result r;
    itsm_claim_shift s;
    int rc = itsm_maint_claim_check(&r, facts);
    if (rc != ITSM_OK)
        return rc;
    s.period_end = r.deadline;
    if ((rc = shift_deadline(&r.deadline, &s.days, o)) != ITSM_OK)
        return rc;
    r.in_time = date_cmp(facts->notice_date, r.deadline) <= 0;
    *out = r;
    *out_shift = s;
    return ITSM_OK;
}
