/* Maturity models and assessments (itsm/maturity.h): the built-in Table 16, loading a
 * corrected table, errors naming their JSON path, assessments and their summaries,
 * allocation failures. */
#include "itsm_test.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static itsm_maturity_model *builtin(void)
{
    itsm_maturity_model *m = NULL;
    assert_itsm_ok(itsm_maturity_model_builtin(&m));
    return m;
}

/* Replace the first `from` in `text` by `to` (a new malloc'ed string). */
static char *replaced(const char *text, const char *from, const char *to)
{
    const char *at = strstr(text, from);
    assert_non_null(at);
    size_t n = strlen(text) - strlen(from) + strlen(to) + 1;
    char *out = malloc(n);
    assert_non_null(out);
    (void)snprintf(out, n, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
    return out;
}

/* ---- the built-in table ------------------------------------------------------------------- */

static void test_builtin_table(void **state)
{
    (void)state;
    itsm_maturity_model *m = builtin();
    assert_string_equal(itsm_maturity_model_name(m), "jisq20000-2007-table16");
    /* Seed A, 4.2: "JIS Q 20000-1:2007 で要求される 13 個の管理プロセス". */
    static const char *const ids[] = {"6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "7.2",
                                      "7.3", "8.2", "8.3", "9.1", "9.2", "10.1"};
    static const size_t items[] = {3, 2, 4, 2, 3, 3, 3, 2, 4, 5, 4, 6, 4};
    assert_int_equal(itsm_maturity_process_count(m), 13);
    size_t next = 0;
    for (size_t i = 0; i < 13; i++) {
        itsm_maturity_process p;
        assert_itsm_ok(itsm_maturity_process_get(&p, m, i));
        assert_string_equal(p.id, ids[i]);
        assert_int_equal(p.n_items, items[i]);
        assert_int_equal(p.first_item, next);
        next += p.n_items;
    }
    assert_int_equal(itsm_maturity_item_count(m), 45);
    itsm_maturity_process p;
    assert_itsm_ok(itsm_maturity_process_get(&p, m, 8));
    assert_string_equal(p.name_ja, "インシデント管理");
    assert_string_equal(p.group_ja, "解決プロセス");
    /* 8.2.3: classified by business impact (L2), x urgency (L3), x difficulty (L4). */
    size_t k = 0;
    itsm_maturity_item it;
    assert_itsm_ok(itsm_maturity_item_find(&k, m, "8.2.3"));
    assert_itsm_ok(itsm_maturity_item_get(&it, m, k));
    assert_int_equal(it.process, 8);
    assert_string_equal(it.name_ja, "インシデントの分類");
    assert_string_equal(it.levels[0].ja, "規定なし");
    assert_string_equal(it.levels[1].ja, "事業インパクトで分類");
    assert_string_equal(it.levels[2].ja, "事業インパクト×緊急度で分類");
    assert_string_equal(it.levels[3].ja, "事業インパクト×緊急度×難易度で分類");
    assert_false(it.levels[3].uncertain);
    /* 8.2.2 reads L2-L4 in one row: certain. 6.1.1's L4 is a reconstruction: flagged. */
    assert_itsm_ok(itsm_maturity_item_find(&k, m, "8.2.2"));
    assert_itsm_ok(itsm_maturity_item_get(&it, m, k));
    assert_string_equal(it.levels[3].ja, "全て自動");
    assert_false(it.levels[2].uncertain);
    assert_null(it.levels[2].note);
    assert_itsm_ok(itsm_maturity_item_find(&k, m, "6.1.1"));
    assert_int_equal(k, 0);
    assert_itsm_ok(itsm_maturity_item_get(&it, m, k));
    assert_string_equal(it.levels[1].ja, "部分的に締結");
    assert_true(it.levels[3].uncertain);
    assert_non_null(it.levels[3].note);
    assert_itsm_error(itsm_maturity_item_find(&k, m, "6.1.9"), ITSM_ENOTFOUND, "\"6.1.9\"");
    assert_itsm_error(itsm_maturity_item_get(&it, m, 45), ITSM_ERANGE, "index 45");
    assert_itsm_error(itsm_maturity_process_get(&p, m, 13), ITSM_ERANGE, "13 processes");
    assert_int_equal(itsm_maturity_item_count(NULL), 0);
    assert_null(itsm_maturity_model_name(NULL));
    itsm_maturity_model_free(m);
}

static void test_round_trip_and_correction(void **state)
{
    (void)state;
    itsm_maturity_model *m = builtin();
    char *text = NULL, *again = NULL;
    assert_itsm_ok(itsm_maturity_model_to_json(&text, m));
    /* The data file is canonical: written back, it is the same text. */
    char *file = itsm_test_read_source("lib/data/maturity_jisq20000.json");
    assert_string_equal(text, file);
    free(file);
    itsm_maturity_model *m2 = NULL;
    assert_itsm_ok(itsm_maturity_model_from_json(&m2, text, strlen(text)));
    assert_itsm_ok(itsm_maturity_model_to_json(&again, m2));
    assert_string_equal(text, again);
    itsm_free(again);
    itsm_maturity_model_free(m2);
    /* A user corrects the reconstructed L3 of 9.2.2 and loads the corrected table. */
    char *fixed = replaced(text, "\"ja\": \"全て分類されている\"", "\"ja\": \"分類基準に従い分類\"");
    assert_itsm_ok(itsm_maturity_model_from_json(&m2, fixed, strlen(fixed)));
    size_t k = 0;
    itsm_maturity_item it;
    assert_itsm_ok(itsm_maturity_item_find(&k, m2, "9.2.2"));
    assert_itsm_ok(itsm_maturity_item_get(&it, m2, k));
    assert_string_equal(it.levels[2].ja, "分類基準に従い分類");
    itsm_maturity_model_free(m2);
    free(fixed);
    itsm_free(text);
    itsm_maturity_model_free(m);
}

#define LEVELS4 "[{\"ja\": \"a\"}, {\"en\": \"b\"}, {\"ja\": \"c\"}, {\"ja\": \"d\"}]"
#define MODEL_HEAD "{\"itsm_schema\": 1, \"type\": \"maturity_model\", \"name\": \"mini\", \"processes\": "

static void assert_model_error(const char *doc, int code, const char *fragment)
{
    itsm_maturity_model *m = NULL;
    assert_itsm_error(itsm_maturity_model_from_json(&m, doc, strlen(doc)), code, fragment);
    assert_null(m);
}

static void test_model_errors(void **state)
{
    (void)state;
    /* The smallest model loads. */
    const char *mini = MODEL_HEAD "[{\"id\": \"1\", \"name_en\": \"one\", \"items\": [{\"id\": \"1.1\", \"name_en\": "
                                  "\"x\", \"levels\": " LEVELS4 "}]}]}";
    itsm_maturity_model *m = NULL;
    assert_itsm_ok(itsm_maturity_model_from_json(&m, mini, strlen(mini)));
    assert_int_equal(itsm_maturity_item_count(m), 1);
    itsm_maturity_model_free(m);
    assert_model_error(MODEL_HEAD "[{\"id\": \"1\", \"name_en\": \"one\", \"items\": [{\"id\": \"1.1\", \"name_en\": "
                                  "\"x\", \"levels\": [{\"ja\": \"a\"}]}]}]}",
                       ITSM_EINVAL, "$.processes[0].items[0].levels: expected 4 levels (L1 .. L4), got 1");
    assert_model_error(MODEL_HEAD "[{\"id\": \"1\", \"name_en\": \"one\", \"items\": [{\"id\": \"2.1\", \"name_en\": "
                                  "\"x\", \"levels\": " LEVELS4 "}]}]}",
                       ITSM_EINVAL, "$.processes[0].items[0]: id: \"2.1\" is not an item of process \"1\"");
    assert_model_error(MODEL_HEAD "[{\"id\": \"1\", \"name_en\": \"one\", \"items\": [{\"id\": \"1.1\", \"name_en\": "
                                  "\"x\", \"levels\": " LEVELS4 "}, {\"id\": \"1.1\", \"name_en\": \"y\", \"levels\": "
                                  LEVELS4 "}]}]}",
                       ITSM_EINVAL, "$.processes[0].items[1]: id: item \"1.1\" is already defined");
    assert_model_error(MODEL_HEAD "[{\"id\": \"1\", \"name_en\": \"one\", \"items\": [{\"id\": \"1.1\", \"name_en\": "
                                  "\"x\", \"levels\": " LEVELS4 "}]}, {\"id\": \"1\", \"name_en\": \"again\", "
                                  "\"items\": []}]}",
                       ITSM_EINVAL, "$.processes[1]: id: process \"1\" is already defined");
    assert_model_error(MODEL_HEAD "[{\"id\": \"1\", \"name_en\": \"one\", \"items\": []}]}", ITSM_EINVAL,
                       "$.processes[0].items: must not be empty");
    assert_model_error(MODEL_HEAD "[{\"id\": \"1\", \"name_en\": \"one\", \"items\": [{\"id\": \"1.1\", \"name_en\": "
                                  "\"x\", \"levels\": [{\"ja\": \"a\"}, {\"uncertain\": true}, {\"ja\": \"c\"}, "
                                  "{\"ja\": \"d\"}]}]}]}",
                       ITSM_EINVAL, "$.processes[0].items[0].levels[1]: a level needs a text");
    assert_model_error(MODEL_HEAD "[{\"id\": \"1\", \"name_en\": \"one\", \"colour\": \"red\", \"items\": []}]}",
                       ITSM_EINVAL, "$.processes[0].colour: unknown key");
    assert_model_error(MODEL_HEAD "[{\"id\": \"1\", \"items\": []}]}", ITSM_EINVAL,
                       "$.processes[0]: a process needs a name");
    assert_model_error(MODEL_HEAD "[{\"id\": \"\", \"name_en\": \"one\", \"items\": []}]}", ITSM_EINVAL,
                       "$.processes[0].id: must not be empty");
    assert_model_error(MODEL_HEAD "[{\"id\": 6, \"name_en\": \"one\", \"items\": []}]}", ITSM_EINVAL,
                       "$.processes[0].id: expected a string, got an integer");
    assert_model_error(MODEL_HEAD "[]}", ITSM_EINVAL, "$.processes: must not be empty");
    assert_model_error("{\"itsm_schema\": 2, \"type\": \"maturity_model\"}", ITSM_EVERSION, "itsm_schema");
    assert_model_error("{\"itsm_schema\": 1, \"type\": \"calendar\"}", ITSM_EINVAL, "maturity_model");
    assert_model_error("{\"itsm_schema\": 1, \"type\": \"maturity_model\", \"processes\": []}", ITSM_EINVAL,
                       "missing required key \"name\"");
    assert_model_error("{\"itsm_schema\": 1,", ITSM_EPARSE, "maturity model");
}

/* ---- assessments ----------------------------------------------------------------------------- */

static void test_assessment(void **state)
{
    (void)state;
    itsm_maturity_model *m = builtin();
    itsm_maturity_assessment *a = NULL;
    assert_itsm_ok(itsm_maturity_assessment_new(&a, m));
    assert_ptr_equal(itsm_maturity_assessment_model(a), m);
    /* 6.1 (items 0-2) at L2, L3, L1, all with target L3; 8.2.3 at L4; nothing else. */
    assert_itsm_ok(itsm_maturity_assessment_set(a, "6.1.1", 2, 3));
    assert_itsm_ok(itsm_maturity_assessment_set(a, "6.1.2", 3, 3));
    assert_itsm_ok(itsm_maturity_assessment_set(a, "6.1.3", 1, 3));
    assert_itsm_ok(itsm_maturity_assessment_set(a, "8.2.3", 4, 0));
    /* 6.1.1 at L2: the next step is its L3, "concluded for every service". */
    itsm_maturity_item_result r;
    assert_itsm_ok(itsm_maturity_assessment_item(&r, a, 0));
    assert_int_equal(r.level, 2);
    assert_int_equal(r.target, 3);
    assert_false(r.meets_target);
    assert_int_equal(r.next_level, 3);
    assert_string_equal(r.next_step.ja, "提供サービス毎に締結");
    assert_string_equal(r.next_step.en, "concluded for every service");
    assert_itsm_ok(itsm_maturity_assessment_item(&r, a, 1));
    assert_true(r.meets_target);
    /* At L4 there is no next step; an item not assessed has none either. */
    size_t k = 0;
    assert_itsm_ok(itsm_maturity_item_find(&k, m, "8.2.3"));
    assert_itsm_ok(itsm_maturity_assessment_item(&r, a, k));
    assert_int_equal(r.next_level, 0);
    assert_null(r.next_step.ja);
    assert_itsm_ok(itsm_maturity_assessment_item(&r, a, 5));
    assert_int_equal(r.level, 0);
    assert_int_equal(r.next_level, 0);
    /* Process 6.1: levels 2, 3, 1 -> level 1 (the weakest item), highest 3, mean 2; two of
     * the three are below their target L3. */
    itsm_maturity_summary s;
    assert_itsm_ok(itsm_maturity_assessment_process(&s, a, 0));
    assert_int_equal(s.items, 3);
    assert_int_equal(s.assessed, 3);
    assert_int_equal(s.level, 1);
    assert_int_equal(s.highest, 3);
    assert_true(s.mean_level == 2.0);
    assert_int_equal(s.at_level[0], 1);
    assert_int_equal(s.at_level[1], 1);
    assert_int_equal(s.at_level[2], 1);
    assert_int_equal(s.with_target, 3);
    assert_int_equal(s.below_target, 2);
    /* Process 6.2: nothing assessed -> no data. */
    assert_itsm_ok(itsm_maturity_assessment_process(&s, a, 1));
    assert_int_equal(s.assessed, 0);
    assert_int_equal(s.level, 0);
    assert_true(isnan(s.mean_level));
    /* Overall: 4 of 45 assessed, levels 2 3 1 4: lowest 1, mean 10/4. */
    assert_itsm_ok(itsm_maturity_assessment_overall(&s, a));
    assert_int_equal(s.items, 45);
    assert_int_equal(s.assessed, 4);
    assert_int_equal(s.level, 1);
    assert_int_equal(s.highest, 4);
    assert_true(s.mean_level == 2.5);
    /* Removing a level (0) takes the item out of the summary. */
    assert_itsm_ok(itsm_maturity_assessment_set(a, "6.1.3", 0, 3));
    assert_itsm_ok(itsm_maturity_assessment_process(&s, a, 0));
    assert_int_equal(s.level, 2);
    assert_int_equal(s.below_target, 1);
    /* Errors. */
    assert_itsm_error(itsm_maturity_assessment_set(a, "6.1.7", 2, 0), ITSM_ENOTFOUND, "\"6.1.7\"");
    assert_itsm_error(itsm_maturity_assessment_set(a, "6.1.1", 5, 0), ITSM_EINVAL, "level: 5 is not a level");
    assert_itsm_error(itsm_maturity_assessment_set(a, "6.1.1", 2, -1), ITSM_EINVAL, "target: -1");
    assert_itsm_error(itsm_maturity_assessment_process(&s, a, 13), ITSM_ERANGE, "index 13");
    assert_itsm_error(itsm_maturity_assessment_item(&r, a, 45), ITSM_ERANGE, "index 45");
    itsm_maturity_assessment_free(a);
    itsm_maturity_model_free(m);
}

#define ASSESS_HEAD "{\"itsm_schema\": 1, \"type\": \"maturity_assessment\", \"model\": \"jisq20000-2007-table16\", "

static void assert_assessment_error(const itsm_maturity_model *m, const char *doc, int code, const char *fragment)
{
    itsm_maturity_assessment *a = NULL;
    assert_itsm_error(itsm_maturity_assessment_from_json(&a, m, doc, strlen(doc)), code, fragment);
    assert_null(a);
}

static void test_assessment_json(void **state)
{
    (void)state;
    itsm_maturity_model *m = builtin();
    /* Items out of model order come back in model order; the target-only entry stays. */
    const char *doc = ASSESS_HEAD "\"assessed_on\": \"2024-05-01\", \"assessor\": \"PJMO\", \"items\": ["
                                  "{\"item\": \"8.2.1\", \"level\": 3, \"note\": \"service requests too\"}, "
                                  "{\"item\": \"6.1.1\", \"level\": 2, \"target\": 3}, "
                                  "{\"item\": \"10.1.4\", \"target\": 2}]}";
    itsm_maturity_assessment *a = NULL;
    assert_itsm_ok(itsm_maturity_assessment_from_json(&a, m, doc, strlen(doc)));
    char *text = NULL;
    assert_itsm_ok(itsm_maturity_assessment_to_json(&text, a));
    assert_string_equal(text, "{\n  \"itsm_schema\": 1,\n  \"type\": \"maturity_assessment\",\n"
                              "  \"model\": \"jisq20000-2007-table16\",\n  \"assessed_on\": \"2024-05-01\",\n"
                              "  \"assessor\": \"PJMO\",\n  \"items\": [\n"
                              "    {\n      \"item\": \"6.1.1\",\n      \"level\": 2,\n      \"target\": 3\n    },\n"
                              "    {\n      \"item\": \"8.2.1\",\n      \"level\": 3,\n"
                              "      \"note\": \"service requests too\"\n    },\n"
                              "    {\n      \"item\": \"10.1.4\",\n      \"target\": 2\n    }\n  ]\n}\n");
    itsm_maturity_assessment *b = NULL;
    char *again = NULL;
    assert_itsm_ok(itsm_maturity_assessment_from_json(&b, m, text, strlen(text)));
    assert_itsm_ok(itsm_maturity_assessment_to_json(&again, b));
    assert_string_equal(text, again);
    itsm_free(text);
    itsm_free(again);
    itsm_maturity_assessment_free(a);
    itsm_maturity_assessment_free(b);
    assert_assessment_error(m, ASSESS_HEAD "\"items\": [{\"item\": \"6.1.1\"}, {\"item\": \"6.9.9\"}]}", ITSM_EINVAL,
                            "$.items[1].item: \"6.9.9\" is not an item of maturity model");
    assert_assessment_error(m, ASSESS_HEAD "\"items\": [{\"item\": \"6.1.1\"}, {\"item\": \"6.1.1\"}]}", ITSM_EINVAL,
                            "$.items[1].item: item \"6.1.1\" is given twice");
    assert_assessment_error(m, ASSESS_HEAD "\"items\": [{\"item\": \"6.1.1\", \"level\": 5}]}", ITSM_EINVAL,
                            "$.items[0].level: 5 is not a level (1 .. 4)");
    assert_assessment_error(m, ASSESS_HEAD "\"items\": [{\"item\": \"6.1.1\", \"target\": 0}]}", ITSM_EINVAL,
                            "$.items[0].target: 0 is not a level");
    assert_assessment_error(m, ASSESS_HEAD "\"assessed_on\": \"2024-13-01\"}", ITSM_ERANGE, "$.assessed_on");
    assert_assessment_error(m, ASSESS_HEAD "\"items\": {}}", ITSM_EINVAL, "$.items: expected an array");
    assert_assessment_error(m,
                            "{\"itsm_schema\": 1, \"type\": \"maturity_assessment\", \"model\": \"cmmi\", "
                            "\"items\": []}",
                            ITSM_EINVAL, "$.model: the assessment is of model \"cmmi\", not of \"jisq20000-2007-table16\"");
    assert_assessment_error(m, ASSESS_HEAD "\"items\": [{\"item\": \"6.1.1\", \"level\": 2, \"by\": \"x\"}]}",
                            ITSM_EINVAL, "$.items[0].by: unknown key");
    itsm_maturity_model_free(m);
}

/* ---- allocation failures ---------------------------------------------------------------------- */

static int scenario_model(const void *ctx)
{
    (void)ctx;
    itsm_maturity_model *m = NULL;
    char *text = NULL;
    int rc = itsm_maturity_model_builtin(&m);
    if (rc == ITSM_OK)
        rc = itsm_maturity_model_to_json(&text, m);
    itsm_free(text);
    itsm_maturity_model_free(m);
    return rc;
}

/* An assessment of a small model, both built inside the scenario (the allocator can only
 * be swapped while no block is live). */
static int scenario_assessment(const void *ctx)
{
    (void)ctx;
    const char *model = MODEL_HEAD "[{\"id\": \"1\", \"name_en\": \"one\", \"items\": [{\"id\": \"1.1\", "
                                   "\"name_en\": \"x\", \"levels\": " LEVELS4 "}, {\"id\": \"1.2\", \"name_ja\": "
                                   "\"y\", \"levels\": " LEVELS4 "}]}]}";
    const char *doc = "{\"itsm_schema\": 1, \"type\": \"maturity_assessment\", \"model\": \"mini\", "
                      "\"assessor\": \"PJMO\", \"items\": [{\"item\": \"1.2\", \"level\": 3, \"note\": \"n\"}, "
                      "{\"item\": \"1.1\", \"level\": 2, \"target\": 3}]}";
    itsm_maturity_model *m = NULL;
    itsm_maturity_assessment *a = NULL;
    char *text = NULL;
    int rc = itsm_maturity_model_from_json(&m, model, strlen(model));
    if (rc == ITSM_OK)
        rc = itsm_maturity_assessment_from_json(&a, m, doc, strlen(doc));
    if (rc == ITSM_OK)
        rc = itsm_maturity_assessment_to_json(&text, a);
    itsm_free(text);
    itsm_maturity_assessment_free(a);
    itsm_maturity_model_free(m);
    return rc;
}

static void test_allocation_failures(void **state)
{
    (void)state;
    /* The built-in table: each of its several hundred allocations fails once. */
    itsm_test_alloc_sweep("model", scenario_model, NULL, ITSM_OK);
    itsm_test_alloc_sweep("assessment", scenario_assessment, NULL, ITSM_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin_table),  cmocka_unit_test(test_round_trip_and_correction),
        cmocka_unit_test(test_model_errors),   cmocka_unit_test(test_assessment),
        cmocka_unit_test(test_assessment_json), cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, itsm_test_group_setup, itsm_test_group_teardown);
}
