/* Reassignments (hand-offs between groups) and reopenings of incidents, from their
 * assignment and status histories. */
#include "kpi/kpi_internal.h"

#include <string.h>

static int check_incidents(const itsm_incident *const *incidents, size_t n, const char *fn)
{
    if (n > 0 && incidents == NULL)
        return itsm__error(ITSM_EINVAL, "%s: argument 'incidents' is NULL", fn);
    for (size_t i = 0; i < n; i++)
        if (incidents[i] == NULL)
            return itsm__error(ITSM_EINVAL, "%s: incidents[%zu] is NULL", fn, i);
    return ITSM_OK;
}

/* Assignments to a group other than the one before. */
static int32_t count_reassignments(const itsm_incident *incident)
{
    size_t n = itsm_incident_assignment_count(incident);
    const char *previous = NULL;
    int32_t count = 0;
    for (size_t k = 0; k < n; k++) {
        itsm_incident_assignment a;
        if (itsm_incident_assignment_get(&a, incident, k) != ITSM_OK)
            break; /* k < count: cannot fail */
        if (previous != NULL && strcmp(previous, a.group) != 0 && count < INT32_MAX)
            count++;
        previous = a.group;
    }
    return count;
}

itsm_status itsm_kpi_reassignments(int32_t *out, const itsm_incident *const *incidents, size_t n)
{
    if (n > 0)
        ITSM__CHECK_ARG(out);
    int rc = check_incidents(incidents, n, __func__);
    for (size_t i = 0; rc == ITSM_OK && i < n; i++)
        out[i] = count_reassignments(incidents[i]);
    return rc;
}

itsm_status itsm_kpi_incident_summary_get(itsm_kpi_incident_summary *out, const itsm_incident *const *incidents,
                                          size_t n)
{
    ITSM__CHECK_ARG(out);
    int rc = check_incidents(incidents, n, __func__);
    if (rc != ITSM_OK)
        return rc;
    itsm_kpi_incident_summary s;
    memset(&s, 0, sizeof s);
    double reassigned = 0.0, reopened = 0.0, resolved = 0.0;
    for (size_t i = 0; i < n; i++) {
        int32_t r = count_reassignments(incidents[i]);
        s.reassignments += r;
        s.max_reassignments = r > s.max_reassignments ? r : s.max_reassignments;
        reassigned += r > 0;
        itsm_incident_milestones m;
        if ((rc = itsm_incident_get_milestones(&m, incidents[i])) != ITSM_OK)
            return itsm__error_prefix(rc, "%s: incidents[%zu]", __func__, i);
        reopened += m.reopen_count > 0;
        resolved += m.has_resolved || m.reopen_count > 0;
    }
    s.incidents = n;
    s.reassigned = itsm__kpi_rate(reassigned, (double)n);
    s.reassignments_per_incident = itsm__kpi_rate((double)s.reassignments, (double)n);
    s.reopen = itsm__kpi_rate(reopened, resolved);
    *out = s;
    return ITSM_OK;
}
