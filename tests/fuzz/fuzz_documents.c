/* Fuzz target: the document readers of the domain model (agreements, configuration
 * items, pending items, incidents, incident sets, operational records, maturity models and
 * assessments of the built-in model) on the same bytes. Whatever loads must write canonical text that loads and writes to the same text;
 * an agreement must also lint. */
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
    for (size_t i = 0; i < n; i++)
        if (findings[i].path == NULL || findings[i].path[0] != '$' || findings[i].message == NULL)
            abort();
    itsm_findings_free(findings, n);
    itsm_agreement_free(a);
    itsm_agreement_free(b);
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
    configuration_item(text, size);
    pending_item(text, size);
    incident(text, size);
    incident_set(text, size);
    record(text, size);
    maturity_model(text, size);
    maturity_assessment(text, size);
    return 0;
}
