/* Configuration items: an id, text fields and lifecycle dates. */
#include "internal.h"
#include "io/json_path.h" /* itsm__utf8_valid (no jansson) */
#include "model/lifecycle_internal.h"

#include <stdio.h>
#include <string.h>

const char *const itsm__ci_text_keys[ITSM__CI_TEXT_COUNT] = {"name", "model", "serial", "location",
                                                             "maintenance_contract"};
const char *const itsm__ci_date_keys[ITSM__CI_DATE_COUNT] = {"warranty_end", "parts_supply_end",
                                                             "product_life_end", "support_end"};

int itsm__check_id(const char *id, const char *what)
{
    if (id == NULL)
        return itsm__error(ITSM_EINVAL, "%s: id is NULL", what);
    size_t n = strlen(id);
    if (n == 0 || n > ITSM__ID_MAX)
        return itsm__error(ITSM_EINVAL, "%s: an id must be 1..%d bytes (got %zu)", what, ITSM__ID_MAX, n);
    if (!itsm__utf8_valid(id))
        return itsm__error(ITSM_EINVAL, "%s: the id is not valid UTF-8", what);
    return ITSM_OK;
}

itsm_status itsm_ci_new(itsm_ci **out, const char *id)
{
    ITSM__CHECK_ARG(out);
    int rc = itsm__check_id(id, "itsm_ci_new");
    if (rc != ITSM_OK)
        return rc;
    itsm_ci *ci = itsm__calloc(1, sizeof *ci, "itsm_ci_new");
    if (ci == NULL)
        return ITSM_ENOMEM;
    ci->id = itsm__strdup(id, "itsm_ci_new");
    if (ci->id == NULL) {
        itsm__free(ci);
        return ITSM_ENOMEM;
    }
    *out = ci;
    return ITSM_OK;
}

void itsm_ci_free(itsm_ci *ci)
{
    if (ci == NULL)
        return;
    itsm__free(ci->id);
    for (size_t k = 0; k < ITSM__CI_TEXT_COUNT; k++)
        itsm__free(ci->text[k]);
    itsm__free(ci);
}

itsm_status itsm_ci_clone(itsm_ci **out, const itsm_ci *ci)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(ci);
    itsm_ci *copy = NULL;
    int rc = itsm_ci_new(&copy, ci->id);
    for (size_t k = 0; rc == ITSM_OK && k < ITSM__CI_TEXT_COUNT; k++)
        rc = itsm_ci_set_text(copy, (itsm_ci_text)k, ci->text[k]);
    if (rc != ITSM_OK) {
        itsm_ci_free(copy);
        return rc;
    }
    memcpy(copy->date, ci->date, sizeof copy->date);
    memcpy(copy->has_date, ci->has_date, sizeof copy->has_date);
    *out = copy;
    return ITSM_OK;
}

const char *itsm_ci_id(const itsm_ci *ci) { return ci == NULL ? NULL : ci->id; }

static int check_text_field(itsm_ci_text field, const char *what)
{
    if ((int)field < 0 || (int)field >= ITSM__CI_TEXT_COUNT)
        return itsm__error(ITSM_EINVAL, "%s: unknown text field %d", what, (int)field);
    return ITSM_OK;
}

static int check_date_field(itsm_ci_date which, const char *what)
{
    if ((int)which < 0 || (int)which >= ITSM__CI_DATE_COUNT)
        return itsm__error(ITSM_EINVAL, "%s: unknown date field %d", what, (int)which);
    return ITSM_OK;
}

itsm_status itsm_ci_set_text(itsm_ci *ci, itsm_ci_text field, const char *text)
{
    ITSM__CHECK_ARG(ci);
    int rc = check_text_field(field, __func__);
    if (rc != ITSM_OK)
        return rc;
    if (text != NULL && !itsm__utf8_valid(text))
        return itsm__error(ITSM_EINVAL, "%s: %s is not valid UTF-8", __func__, itsm__ci_text_keys[field]);
    char *copy = NULL;
    if (text != NULL && (copy = itsm__strdup(text, __func__)) == NULL)
        return ITSM_ENOMEM;
    itsm__free(ci->text[field]);
    ci->text[field] = copy;
    return ITSM_OK;
}

const char *itsm_ci_get_text(const itsm_ci *ci, itsm_ci_text field)
{
    if (ci == NULL || (int)field < 0 || (int)field >= ITSM__CI_TEXT_COUNT)
        return NULL;
    return ci->text[field];
}

itsm_status itsm_ci_set_date(itsm_ci *ci, itsm_ci_date which, itsm_date date)
{
    ITSM__CHECK_ARG(ci);
    int rc = check_date_field(which, __func__);
    int32_t days;
    if (rc == ITSM_OK && (rc = itsm_date_to_days(&days, date)) != ITSM_OK)
        return itsm__error_prefix(rc, "%s: %s", __func__, itsm__ci_date_keys[which]);
    if (rc != ITSM_OK)
        return rc;
    ci->date[which] = date;
    ci->has_date[which] = true;
    return ITSM_OK;
}

itsm_status itsm_ci_clear_date(itsm_ci *ci, itsm_ci_date which)
{
    ITSM__CHECK_ARG(ci);
    int rc = check_date_field(which, __func__);
    if (rc == ITSM_OK)
        ci->has_date[which] = false;
    return rc;
}

itsm_status itsm_ci_get_date(int *out_set, itsm_date *out, const itsm_ci *ci, itsm_ci_date which)
{
    ITSM__CHECK_ARG(out_set);
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(ci);
    int rc = check_date_field(which, __func__);
    if (rc != ITSM_OK)
        return rc;
    *out_set = ci->has_date[which] ? 1 : 0;
    if (ci->has_date[which])
        *out = ci->date[which];
    return ITSM_OK;
}
