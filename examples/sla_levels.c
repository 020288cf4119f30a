/* SLA items from the built-in catalogue: server operation support (seed A 4.9.2) at level
 * 3 with the contract's changes, then measured values against the levels. */
#include <itsm.h>

#include <stdio.h>
#include <string.h>

static int fail(const char *what)
{
    fprintf(stderr, "%s: %s\n", what, itsm_error_last());
    return 1;
}

/* Evaluate `value` (in `unit`) against item `index` of the agreement and print the result. */
static int report(const itsm_agreement *a, size_t index, double value, itsm_sla_unit unit)
{
    const itsm_sla_item *item = itsm_agreement_sla_item(a, index);
    itsm_sla_measure m = ITSM_SLA_MEASURE_INIT;
    m.kind = ITSM_SLA_MEASURE_NUMBER;
    m.number = value;
    m.unit = unit;
    itsm_sla_evaluation r;
    if (itsm_sla_item_evaluate(&r, item, &m) != ITSM_OK)
        return fail("evaluate");
    const char *consequence = NULL;
    itsm_sla_name(&consequence, ITSM_SLA_ENUM_CONSEQUENCE, (int)r.consequence);
    char achieved[16] = "none"; /* no level met */
    if (r.achieved_level > 0)
        snprintf(achieved, sizeof achieved, "L%d", r.achieved_level);
    printf("%-28s agreed L%d, achieved %s, %s (%s)", itsm_sla_item_text(item, ITSM_SLA_TEXT_ID), r.agreed_level,
           achieved, r.met ? "met" : "missed", consequence);
    if (r.has_margin)
        printf(", margin %+g", r.margin);
    printf("\n");
    return 0;
}

int main(void)
{
    itsm_sla_catalogue *cat = NULL;
    if (itsm_sla_catalogue_new(&cat) != ITSM_OK)
        return fail("catalogue");
    /* The contract: times counted on the vendor's calendar, monthly; hardware recovery
     * within 3 h instead of the guideline's 4 h. */
    const char *overrides = "{\"*\": {\"calendar\": \"vendor-onsite\", \"period\": \"month\"}, "
                            "\"hardware_failure_recovery\": {\"levels\": {\"L3\": {\"op\": \"<=\", \"value\": 3}}}}";
    char *fragment = NULL;
    if (itsm_sla_catalogue_instantiate(&fragment, cat, "server_operation_support", "L3", overrides,
                                       strlen(overrides)) != ITSM_OK)
        return fail("instantiate");
    itsm_sla_catalogue_free(cat);
    /* The fragment {"sla_items": [...]} goes into an agreement. */
    char doc[1 << 16];
    snprintf(doc, sizeof doc, "{\"itsm_schema\": 1, \"type\": \"agreement\", \"id\": \"SOS\", %s",
             strchr(fragment, '{') + 1);
    itsm_free(fragment);
    itsm_agreement *a = NULL;
    if (itsm_agreement_from_json(&a, doc, strlen(doc)) != ITSM_OK)
        return fail("agreement");
    int rc = report(a, 0, 420, ITSM_SLA_UNIT_SECOND)   /* notified after 7 min: <= 10 min */
             || report(a, 0, 25, ITSM_SLA_UNIT_MINUTE) /* 25 min: only L1 (<= 60 min) */
             || report(a, 3, 3.5, ITSM_SLA_UNIT_HOUR); /* recovered after 3.5 h: the contract's 3 h missed */
    itsm_agreement_free(a);
    return rc;
}
