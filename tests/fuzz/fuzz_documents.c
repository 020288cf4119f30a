/* Fuzz target: the document readers of the domain model (agreements, services, parties,
 * configuration items, pending items and their sets, incidents, incident sets, operational
 * records and record sets, priority matrices, SLA items and SLA catalogues, maturity models
 * and assessments of the built-in model, and the JSON Lines streams of incidents and
 * records) on the same bytes. Whatever loads must write canonical text that loads and
 * writes to the same text; an agreement, a service and a party must also lint. */
#include "itsm.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The second save of a reloaded document must equal the first. */
static void same_text(char *first, char *second)
{
    if (first == NULL || second == NULL || strcmp(first, second) != 0)
        abort();
    itsm_free(first);
    itsm_free(second);
}

/* Findings must name a JSON path and say what is wrong. */
static void check_findings(itsm_finding *findings, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (findings[i].path == NULL || findings[i].path[0] != '$' || findings[i].message == NULL)
            abort();
    itsm_findings_free(findings, n);
}

static void agreement(const char *text, size_t size)
{
    itsm_agreement *a = NULL, *b = NULL;
    char *t1 = NULL, *t2 = NULL;
    if (itsm_agreement_from_json(&a, text, size) != ITSM_OK)
        return;
    if (itsm_agreement_to_json(&t1, a) != ITSM_OK || itsm_agreement_from_json(&b, t1, strlen(t1)) != ITSM_OK ||
        itsm_agreement_to_json(&t2, b) != ITSM_OK)
        abort();
    same_text(t1, t2);
    itsm_finding *findings = NULL;
    size_t n = 0;
    if (itsm_agreement_lint(&findings, &n, a) != ITSM_OK)
        abort();
    check_findings(findings, n);
    itsm_agreement_free(a);
    itsm_agreement_free(b);
}

static void service(const char *text, size_t size)
{
    itsm_service *a = NULL, *b = NULL;
    char *t1 = NULL, *t2 = NULL;
    if (itsm_service_from_json(&a, text, size) != ITSM_OK)
        return;
    if (itsm_service_to_json(&t1, a) != ITSM_OK || itsm_service_from_json(&b, t1, strlen(t1)) != ITSM_OK ||
        itsm_service_to_json(&t2, b) != ITSM_OK)
        abort();
    same_text(t1, t2);
    itsm_finding *findings = NULL;
    size_t n = 0;
    if (itsm_service_lint(&findings, &n, a) != ITSM_OK)
        abort();
    check_findings(findings, n);
    itsm_service_free(a);
    itsm_service_free(b);
}

static void party(const char *text, size_t size)
{
    itsm_party *a = NULL, *b = NULL;
    char *t1 = NULL, *t2 = NULL;
    if (itsm_party_from_json(&a, text, size) != ITSM_OK)
        return;
    if (itsm_party_to_json(&t1, a) != ITSM_OK || itsm_party_from_json(&b, t1, strlen(t1)) != ITSM_OK ||
        itsm_party_to_json(&t2, b) != ITSM_OK)
        abort();
    same_text(t1, t2);
    itsm_finding *findings = NULL;
    size_t n = 0;
    if (itsm_party_lint(&findings, &n, a) != ITSM_OK)
        abort();
    check_findings(findings, n);
    itsm_party_free(a);
    itsm_party_free(b);
}

static void configuration_item(const char *text, size_t size)
{
    itsm_ci *a = NULL, *b = NULL;
    char *t1 = NULL, *t2 = NULL;
    if (itsm_ci_from_json(&a, text, size) != ITSM_OK)
        return;
    if (itsm_ci_to_json(&t1, a) != ITSM_OK || itsm_ci_from_json(&b, t1, strlen(t1)) != ITSM_OK ||
        itsm_ci_to_json(&t2, b) != ITSM_OK)
        abort();
    same_text(t1, t2);
    itsm_ci_free(a);
    itsm_ci_free(b);
}

static void pending_item(const char *text, size_t size)
{
    itsm_pending_item *a = NULL, *b = NULL;
    char *t1 = NULL, *t2 = NULL;
    if (itsm_pending_from_json(&a, text, size) != ITSM_OK)
        return;
    if (itsm_pending_to_json(&t1, a) != ITSM_OK || itsm_pending_from_json(&b, t1, strlen(t1)) != ITSM_OK ||
        itsm_pending_to_json(&t2, b) != ITSM_OK)
        abort();
    same_text(t1, t2);
    itsm_pending_free(a);
    itsm_pending_free(b);
}

static void incident(const char *text, size_t size)
{
    itsm_incident *a = NULL, *b = NULL;
    char *t1 = NULL, *t2 = NULL;
    if (itsm_incident_from_json(&a, text, size) != ITSM_OK)
        return;
    if (itsm_incident_to_json(&t1, a) != ITSM_OK || itsm_incident_from_json(&b, t1, strlen(t1)) != ITSM_OK ||
        itsm_incident_to_json(&t2, b) != ITSM_OK)
        abort();
    same_text(t1, t2);
    itsm_incident_free(a);
    itsm_incident_free(b);
}

static void incident_set(const char *text, size_t size)
{
    itsm_incident **a = NULL, **b = NULL;
    size_t na = 0, nb = 0;
    char *t1 = NULL, *t2 = NULL;
    if (itsm_incident_set_from_json(&a, &na, text, size) != ITSM_OK)
        return;
    if (itsm_incident_set_to_json(&t1, (const itsm_incident *const *)a, na) != ITSM_OK ||
        itsm_incident_set_from_json(&b, &nb, t1, strlen(t1)) != ITSM_OK || nb != na ||
        itsm_incident_set_to_json(&t2, (const itsm_incident *const *)b, nb) != ITSM_OK)
        abort();
    same_text(t1, t2);
    itsm_incident_set_free(a, na);
    itsm_incident_set_free(b, nb);
}

static void record(const char *text, size_t size)
{
    itsm_record *a = NULL, *b = NULL;
    char *t1 = NULL, *t2 = NULL;
    if (itsm_record_from_json(&a, text, size) != ITSM_OK)
        return;
    if (itsm_record_to_json(&t1, a) != ITSM_OK || itsm_record_from_json(&b, t1, strlen(t1)) != ITSM_OK ||
        itsm_record_to_json(&t2, b) != ITSM_OK || itsm_record_get_type(a) != itsm_record_get_type(b) ||
        itsm_record_id(a) == NULL)
        abort();
    same_text(t1, t2);
    itsm_record_free(a);
    itsm_record_free(b);
}

static void sla_item(const char *text, size_t size)
{
    itsm_sla_item *a = NULL, *b = NULL;
    char *t1 = NULL, *t2 = NULL;
    if (itsm_sla_item_from_json(&a, text, size) != ITSM_OK)
        return;
    if (itsm_sla_item_to_json(&t1, a) != ITSM_OK || itsm_sla_item_from_json(&b, t1, strlen(t1)) != ITSM_OK ||
        itsm_sla_item_to_json(&t2, b) != ITSM_OK)
        abort();
    same_text(t1, t2);
    /* Every level evaluates a number and no value without failing the item's checks. */
    itsm_sla_measure m = ITSM_SLA_MEASURE_INIT;
    itsm_sla_evaluation r;
    if (itsm_sla_item_evaluate(&r, a, &m) != ITSM_OK || r.reason == NULL)
        abort();
    itsm_sla_item_free(a);
    itsm_sla_item_free(b);
}

static void sla_catalogue(const char *text, size_t size)
{
    itsm_sla_catalogue *a = NULL, *b = NULL;
    char *t1 = NULL, *t2 = NULL;
    if (itsm_sla_catalogue_from_json(&a, text, size) != ITSM_OK)
        return;
    if (itsm_sla_catalogue_to_json(&t1, a) != ITSM_OK || itsm_sla_catalogue_from_json(&b, t1, strlen(t1)) != ITSM_OK ||
        itsm_sla_catalogue_to_json(&t2, b) != ITSM_OK)
        abort();
    same_text(t1, t2);
    itsm_sla_catalogue_free(a);
    itsm_sla_catalogue_free(b);
}

static void record_set(const char *text, size_t size)
{
    itsm_record **a = NULL, **b = NULL;
    size_t na = 0, nb = 0;
    char *t1 = NULL, *t2 = NULL;
    if (itsm_record_set_from_json(&a, &na, text, size) != ITSM_OK)
        return;
    if (itsm_record_set_to_json(&t1, (const itsm_record *const *)a, na) != ITSM_OK ||
        itsm_record_set_from_json(&b, &nb, t1, strlen(t1)) != ITSM_OK || nb != na ||
        itsm_record_set_to_json(&t2, (const itsm_record *const *)b, nb) != ITSM_OK)
        abort();
    same_text(t1, t2);
    itsm_record_set_free(a, na);
    itsm_record_set_free(b, nb);
}

/* The bytes as JSON Lines: every line is read (or fails) and the stream ends. */
static void streams(const char *text, size_t size)
{
    itsm_incident_stream *is = NULL;
    itsm_record_stream *rs = NULL;
    int eof = 0;
    if (itsm_incident_stream_open_memory(&is, text, size) != ITSM_OK ||
        itsm_record_stream_open_memory(&rs, text, size) != ITSM_OK)
        abort();
    for (size_t guard = 0; !eof; guard++) {
        itsm_incident *inc = NULL;
        int rc = itsm_incident_stream_next(&inc, &eof, is);
        if ((rc == ITSM_OK) != (eof || inc != NULL) || guard > size)
            abort();
        itsm_incident_free(inc);
    }
    for (eof = 0; !eof;) {
        itsm_record *r = NULL;
        if (itsm_record_stream_next(&r, &eof, rs) == ITSM_OK && !eof && itsm_record_id(r) == NULL)
            abort();
        itsm_record_free(r);
    }
    if (itsm_incident_stream_line(is) != itsm_record_stream_line(rs))
        abort();
    itsm_incident_stream_close(is);
    itsm_record_stream_close(rs);
}

static void lifecycle_sets(const char *text, size_t size)
{
    itsm_ci **cis = NULL, **cis2 = NULL;
    itsm_pending_item **items = NULL, **items2 = NULL;
    size_t n = 0, n2 = 0;
    char *t1 = NULL, *t2 = NULL;
    if (itsm_ci_set_from_json(&cis, &n, text, size) == ITSM_OK) {
        if (itsm_ci_set_to_json(&t1, (const itsm_ci *const *)cis, n) != ITSM_OK ||
            itsm_ci_set_from_json(&cis2, &n2, t1, strlen(t1)) != ITSM_OK || n2 != n ||
            itsm_ci_set_to_json(&t2, (const itsm_ci *const *)cis2, n2) != ITSM_OK)
            abort();
        same_text(t1, t2);
        itsm_ci_set_free(cis, n);
        itsm_ci_set_free(cis2, n2);
    }
    if (itsm_pending_set_from_json(&items, &n, text, size) == ITSM_OK) {
        if (itsm_pending_set_to_json(&t1, (const itsm_pending_item *const *)items, n) != ITSM_OK ||
            itsm_pending_set_from_json(&items2, &n2, t1, strlen(t1)) != ITSM_OK || n2 != n ||
            itsm_pending_set_to_json(&t2, (const itsm_pending_item *const *)items2, n2) != ITSM_OK)
            abort();
        same_text(t1, t2);
        itsm_pending_set_free(items, n);
        itsm_pending_set_free(items2, n2);
    }
}

static void priority_matrix(const char *text, size_t size)
{
    itsm_priority_matrix *a = NULL, *b = NULL;
    char *t1 = NULL, *t2 = NULL;
    if (itsm_priority_matrix_from_json(&a, text, size) != ITSM_OK)
        return;
    if (itsm_priority_matrix_to_json(&t1, a) != ITSM_OK || itsm_priority_matrix_from_json(&b, t1, strlen(t1)) != ITSM_OK ||
        itsm_priority_matrix_to_json(&t2, b) != ITSM_OK)
        abort();
    same_text(t1, t2);
    int32_t rows = 0, cols = 0, p = 0;
    const char *name = NULL;
    if (itsm_priority_matrix_shape(&rows, &cols, a) != ITSM_OK ||
        itsm_priority_matrix_lookup(&p, a, rows, cols) != ITSM_OK || p < 1 ||
        itsm_priority_matrix_level_name(&name, a, ITSM_PRIORITY_AXIS_PRIORITY, p) != ITSM_OK)
        abort();
    itsm_priority_matrix_free(a);
    itsm_priority_matrix_free(b);
}

static void maturity_model(const char *text, size_t size)
{
    itsm_maturity_model *a = NULL, *b = NULL;
    char *t1 = NULL, *t2 = NULL;
    if (itsm_maturity_model_from_json(&a, text, size) != ITSM_OK)
        return;
    if (itsm_maturity_model_to_json(&t1, a) != ITSM_OK || itsm_maturity_model_from_json(&b, t1, strlen(t1)) != ITSM_OK ||
        itsm_maturity_model_to_json(&t2, b) != ITSM_OK || itsm_maturity_item_count(a) != itsm_maturity_item_count(b))
        abort();
    same_text(t1, t2);
    itsm_maturity_model_free(a);
    itsm_maturity_model_free(b);
}

static void maturity_assessment(const char *text, size_t size)
{
    itsm_maturity_model *m = NULL;
    itsm_maturity_assessment *a = NULL, *b = NULL;
    char *t1 = NULL, *t2 = NULL;
    itsm_maturity_summary s;
    if (itsm_maturity_model_builtin(&m) != ITSM_OK)
        abort();
    if (itsm_maturity_assessment_from_json(&a, m, text, size) == ITSM_OK) {
        if (itsm_maturity_assessment_to_json(&t1, a) != ITSM_OK ||
            itsm_maturity_assessment_from_json(&b, m, t1, strlen(t1)) != ITSM_OK ||
            itsm_maturity_assessment_to_json(&t2, b) != ITSM_OK || itsm_maturity_assessment_overall(&s, a) != ITSM_OK ||
            s.assessed > s.items)
            abort();
        same_text(t1, t2);
    }
    itsm_maturity_assessment_free(a);
    itsm_maturity_assessment_free(b);
    itsm_maturity_model_free(m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 65536)
        return 0;
    const char *text = (const char *)data;
    agreement(text, size);
    service(text, size);
    party(text, size);
    configuration_item(text, size);
    pending_item(text, size);
    incident(text, size);
    incident_set(text, size);
    record(text, size);
    sla_item(text, size);
    sla_catalogue(text, size);
    record_set(text, size);
    lifecycle_sets(text, size);
    priority_matrix(text, size);
    streams(text, size);
    maturity_model(text, size);
    maturity_assessment(text, size);
    return 0;
}
