/* The stable words of the metrics enums, and their name <-> value functions. */
#include "metrics/metrics_internal.h"

static const char *const call_rate_words[] = {
    "service_level",
    "service_level_with_abandoned",
    "service_level_answered_only",
    "service_level_excluding_early_abandons",
    "service_level_short_abandons_met",
    "abandon_rate",
    "abandon_rate_excluding_short",
    "abandon_rate_with_busy",
    "abandon_rate_excluding_short_with_busy",
    "busy_rate",
    "callback_rate",
    "callback_request_rate",
    "repeat_contact_rate",
    "average_speed_of_answer",
};
static const char *const exclusion_words[] = {"none", "force_majeure", "customer_caused", "other"};
static const char *const partial_words[] = {"full", "weighted", "critical_only"};
static const char *const probe_words[] = {"detected", "outward"};
static const char *const gap_edge_words[] = {"period_edges", "inner", "neighbours"};
static const char *const delivery_words[] = {"met", "late", "missed", "pending"};

#define ITSM__NAMES(what, words) {what, words, (int)(sizeof words / sizeof words[0])}
const itsm__names itsm__call_rate_names = ITSM__NAMES("call rate kind", call_rate_words);
const itsm__names itsm__exclusion_names = ITSM__NAMES("outage exclusion", exclusion_words);
const itsm__names itsm__partial_names = ITSM__NAMES("partial-outage policy", partial_words);
const itsm__names itsm__probe_names = ITSM__NAMES("probe rounding", probe_words);
const itsm__names itsm__gap_edge_names = ITSM__NAMES("gap edge rule", gap_edge_words);
const itsm__names itsm__delivery_names = ITSM__NAMES("delivery state", delivery_words);

itsm_status itsm_call_rate_name(const char **out, itsm_call_rate_kind kind)
{
    return itsm__name_of(out, &itsm__call_rate_names, (int)kind, __func__);
}

itsm_status itsm_call_rate_from_name(itsm_call_rate_kind *out, const char *name)
{
    ITSM__CHECK_ARG(out);
    int v = 0;
    int rc = itsm__value_of(&v, &itsm__call_rate_names, name, __func__);
    if (rc == ITSM_OK)
        *out = (itsm_call_rate_kind)v;
    return rc;
}

itsm_status itsm_outage_exclusion_name(const char **out, itsm_outage_exclusion value)
{
    return itsm__name_of(out, &itsm__exclusion_names, (int)value, __func__);
}

itsm_status itsm_outage_exclusion_from_name(itsm_outage_exclusion *out, const char *name)
{
    ITSM__CHECK_ARG(out);
    int v = 0;
    int rc = itsm__value_of(&v, &itsm__exclusion_names, name, __func__);
    if (rc == ITSM_OK)
        *out = (itsm_outage_exclusion)v;
    return rc;
}

itsm_status itsm_partial_policy_name(const char **out, itsm_partial_policy value)
{
    return itsm__name_of(out, &itsm__partial_names, (int)value, __func__);
}

itsm_status itsm_partial_policy_from_name(itsm_partial_policy *out, const char *name)
{
    ITSM__CHECK_ARG(out);
    int v = 0;
    int rc = itsm__value_of(&v, &itsm__partial_names, name, __func__);
    if (rc == ITSM_OK)
        *out = (itsm_partial_policy)v;
    return rc;
}

itsm_status itsm_probe_rounding_name(const char **out, itsm_probe_rounding value)
{
    return itsm__name_of(out, &itsm__probe_names, (int)value, __func__);
}

itsm_status itsm_probe_rounding_from_name(itsm_probe_rounding *out, const char *name)
{
    ITSM__CHECK_ARG(out);
    int v = 0;
    int rc = itsm__value_of(&v, &itsm__probe_names, name, __func__);
    if (rc == ITSM_OK)
        *out = (itsm_probe_rounding)v;
    return rc;
}

itsm_status itsm_gap_edges_name(const char **out, itsm_gap_edges value)
{
    return itsm__name_of(out, &itsm__gap_edge_names, (int)value, __func__);
}

itsm_status itsm_gap_edges_from_name(itsm_gap_edges *out, const char *name)
{
    ITSM__CHECK_ARG(out);
    int v = 0;
    int rc = itsm__value_of(&v, &itsm__gap_edge_names, name, __func__);
    if (rc == ITSM_OK)
        *out = (itsm_gap_edges)v;
    return rc;
}

itsm_status itsm_delivery_state_name(const char **out, itsm_delivery_state value)
{
    return itsm__name_of(out, &itsm__delivery_names, (int)value, __func__);
}
