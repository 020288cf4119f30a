/* The checks across the members of an SLA item, run by the reader once every member is
 * read: a table that could never be evaluated consistently is rejected with the JSON path
 * of the cell that breaks it. L1 is the lowest level, so from L1 to L4 the levels may only
 * ask more: no "none" above a requirement, thresholds all in one direction and never
 * looser, ordinals never lower on the scale. */
#include "internal.h"
#include "sla/sla_internal.h"

#include <stdio.h>
#include <string.h>

/* Higher is better for ">=" and ">". */
static bool higher_better(itsm_sla_op op)
{
    return op == ITSM_SLA_OP_GE || op == ITSM_SLA_OP_GT;
}

static bool requirement(itsm_sla_level_kind k)
{
    return k == ITSM_SLA_LEVEL_THRESHOLD || k == ITSM_SLA_LEVEL_DEADLINE || k == ITSM_SLA_LEVEL_ORDINAL ||
           k == ITSM_SLA_LEVEL_PER_CONTRACT;
}

static void threshold_text(char *buf, size_t size, itsm_sla_op op, itsm__rat v)
{
    char num[48];
    if (!itsm__rat_format(num, sizeof num, v))
        (void)snprintf(num, sizeof num, "%.15g", itsm__rat_double(v));
    (void)snprintf(buf, size, "%s %s", itsm__sla_op_words[op], num);
}

/* Whether threshold `b` asks at least as much as `a` (same direction). */
static bool at_least_as_strict(itsm_sla_op bop, itsm__rat b, itsm_sla_op aop, itsm__rat a)
{
    int c = itsm__rat_cmp(b, a);
    if (!higher_better(aop))
        c = -c;
    if (c != 0)
        return c > 0;
    /* Same value: only a strict comparator above a non-strict one is stricter. */
    bool a_strict = aop == ITSM_SLA_OP_LT || aop == ITSM_SLA_OP_GT;
    bool b_strict = bop == ITSM_SLA_OP_LT || bop == ITSM_SLA_OP_GT;
    return b_strict || !a_strict;
}

/* Path of cell `index` (0..3 = L1..L4, 4 = custom_level); `sub` is a member of it or NULL.
 * The value lives inside "contract_value" when the cell is per contract with a value. */
static int cell_error(const itsm__sla_cell *c, int index, const char *sub, const itsm__jpath *p, const char *msg)
{
    itsm__jpath lp = itsm__jpath_key(p, index == 4 ? "custom_level" : "levels");
    itsm__jpath cp = index == 4 ? lp : itsm__jpath_key(&lp, itsm__sla_level_names[index]);
    itsm__jpath vp = c->per_contract && c->kind != ITSM_SLA_LEVEL_PER_CONTRACT ? itsm__jpath_key(&cp, "contract_value")
                                                                              : cp;
    itsm__jpath sp = sub != NULL ? itsm__jpath_key(&vp, sub) : vp;
    return itsm__jpath_error(ITSM_EINVAL, &sp, "%s", msg);
}

static int check_cell(itsm_sla_item *item, itsm__sla_cell *c, int index, const itsm__jpath *p)
{
    char msg[256];
    if (c->kind == ITSM_SLA_LEVEL_THRESHOLD &&
        (item->unit == ITSM_SLA_UNIT_TIME_BAND || item->unit == ITSM_SLA_UNIT_TEXT)) {
        (void)snprintf(msg, sizeof msg, "a threshold needs a numeric unit, not \"%s\"", itsm__sla_unit_words[item->unit]);
        return cell_error(c, index, "value", p, msg);
    }
    if (c->kind != ITSM_SLA_LEVEL_ORDINAL)
        return ITSM_OK;
    if (!item->has_scale)
        return cell_error(c, index, "ordinal", p, "an ordinal level needs the item's \"scale\"");
    for (size_t i = 0; i < item->scale.count; i++) {
        if (strcmp(item->scale.names[i], c->words) == 0) {
            c->rank = (int32_t)i;
            return ITSM_OK;
        }
    }
    char q[96];
    itsm__json_quote(q, sizeof q, c->words, 60);
    (void)snprintf(msg, sizeof msg, "%s is not on the item's scale", q);
    return cell_error(c, index, "ordinal", p, msg);
}

/* One kind of requirement per table: thresholds in one direction, or ordinals. */
static int check_kinds(const itsm_sla_item *item, const itsm__jpath *p)
{
    int first_threshold = -1, first_ordinal = -1, first_other = -1;
    for (int i = 0; i < 5; i++) {
        const itsm__sla_cell *c = i == 4 ? &item->custom : &item->cells[i];
        if (c->kind == ITSM_SLA_LEVEL_THRESHOLD) {
            const itsm__sla_cell *f = first_threshold < 0 ? NULL
                                      : first_threshold == 4 ? &item->custom : &item->cells[first_threshold];
            if (f != NULL && higher_better(f->op) != higher_better(c->op)) {
                char msg[128];
                (void)snprintf(msg, sizeof msg, "\"%s\" points the other way than \"%s\" of another level",
                               itsm__sla_op_words[c->op], itsm__sla_op_words[f->op]);
                return cell_error(c, i, "op", p, msg);
            }
            if (first_threshold < 0)
                first_threshold = i;
        }
        if (c->kind == ITSM_SLA_LEVEL_ORDINAL && first_ordinal < 0)
            first_ordinal = i;
        if ((c->kind == ITSM_SLA_LEVEL_THRESHOLD || c->kind == ITSM_SLA_LEVEL_DEADLINE) && first_other < 0)
            first_other = i;
        if (first_ordinal >= 0 && first_other >= 0)
            return cell_error(c, i, NULL, p, "ordinal levels and threshold or deadline levels cannot share one "
                                             "table");
    }
    return ITSM_OK;
}

static int check_order(const itsm_sla_item *item, const itsm__jpath *p)
{
    int last_req = -1, last_thr = -1, last_ord = -1;
    for (int i = 0; i < 4; i++) {
        const itsm__sla_cell *c = &item->cells[i];
        if (c->kind == ITSM_SLA_LEVEL_ABSENT)
            continue;
        char msg[320];
        if (!requirement(c->kind) && last_req >= 0) {
            (void)snprintf(msg, sizeof msg, "asks nothing, but %s below it has a requirement (L1 is the lowest "
                           "level: each level asks at least as much as the one below)",
                           itsm__sla_level_names[last_req]);
            return cell_error(c, i, NULL, p, msg);
        }
        if (requirement(c->kind))
            last_req = i;
        if (c->kind == ITSM_SLA_LEVEL_THRESHOLD) {
            const itsm__sla_cell *b = last_thr >= 0 ? &item->cells[last_thr] : NULL;
            if (b != NULL && !at_least_as_strict(c->op, c->value, b->op, b->value)) {
                char mine[64], below[80];
                threshold_text(mine, sizeof mine, c->op, c->value);
                threshold_text(below, sizeof below, b->op, b->value);
                (void)snprintf(msg, sizeof msg,
                               "\"%s\" asks less than the level below (\"%s\"); L1 is the lowest level and each "
                               "level asks at least as much as the one below",
                               mine, below);
                return cell_error(c, i, "value", p, msg);
            }
            last_thr = i;
        }
        if (c->kind == ITSM_SLA_LEVEL_ORDINAL) {
            const itsm__sla_cell *b = last_ord >= 0 ? &item->cells[last_ord] : NULL;
            if (b != NULL && c->rank < b->rank) {
                (void)snprintf(msg, sizeof msg, "\"%.60s\" is lower on the scale than the level below (\"%.60s\"); "
                               "L1 is the lowest level", c->words, b->words);
                return cell_error(c, i, "ordinal", p, msg);
            }
            last_ord = i;
        }
    }
    return ITSM_OK;
}

/* Bands against the levels' direction, each more severe than the one before. */
static int check_credits(const itsm_sla_item *item, const itsm__jpath *p)
{
    if (!item->has_credits)
        return ITSM_OK;
    itsm__jpath cp = itsm__jpath_key(p, "credits");
    if (item->commitment != ITSM_SLA_COMMITMENT_GUARANTEE)
        return itsm__jpath_error(ITSM_EINVAL, &cp, "service credits apply to a guarantee (保証): the item's "
                                                   "\"kind\" must be \"guarantee\"");
    int dir = 0; /* +1: levels ask for higher values */
    for (int i = 0; i < 5 && dir == 0; i++) {
        const itsm__sla_cell *c = i == 4 ? &item->custom : &item->cells[i];
        if (c->kind == ITSM_SLA_LEVEL_THRESHOLD)
            dir = higher_better(c->op) ? 1 : -1;
    }
    for (size_t i = 0; i < item->credit_count; i++) {
        const itsm__sla_credit *b = &item->credits[i];
        itsm__jpath bp = itsm__jpath_index(&cp, i);
        itsm__jpath op = itsm__jpath_key(&bp, "op");
        int bdir = higher_better(b->op) ? -1 : 1; /* a band "< x" belongs to levels asking ">=" */
        if (dir != 0 && bdir != dir)
            return itsm__jpath_error(ITSM_EINVAL, &op, "a band \"%s\" points the same way as the levels' "
                                                       "thresholds; a band says when the value is too %s",
                                     itsm__sla_op_words[b->op], dir > 0 ? "low" : "high");
        if (i == 0) {
            dir = bdir;
            continue;
        }
        const itsm__sla_credit *a = &item->credits[i - 1];
        if (higher_better(a->op) != higher_better(b->op))
            return itsm__jpath_error(ITSM_EINVAL, &op, "all bands must use comparators of one direction");
        itsm__jpath vp = itsm__jpath_key(&bp, "value");
        /* The next band lies further on the bad side. */
        if (!at_least_as_strict(b->op, b->value, a->op, a->value) || at_least_as_strict(a->op, a->value, b->op, b->value))
            return itsm__jpath_error(ITSM_EINVAL, &vp, "each band must lie further on the bad side than the one "
                                                       "before (bands from least to most severe)");
        if (itsm__rat_cmp(b->percent, a->percent) < 0) {
            itsm__jpath pp = itsm__jpath_key(&bp, "percent");
            return itsm__jpath_error(ITSM_EINVAL, &pp, "a more severe band must not credit less than the one "
                                                       "before");
        }
    }
    return ITSM_OK;
}

int itsm__sla_item_check(itsm_sla_item *item, const itsm__jpath *p)
{
    int rc = ITSM_OK;
    for (int i = 0; rc == ITSM_OK && i < 5; i++)
        rc = check_cell(item, i == 4 ? &item->custom : &item->cells[i], i, p);
    if (rc == ITSM_OK)
        rc = check_kinds(item, p);
    if (rc == ITSM_OK)
        rc = check_order(item, p);
    if (rc == ITSM_OK)
        rc = check_credits(item, p);
    return rc;
}
