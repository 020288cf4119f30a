/**
 * @file itsm/maturity.h
 * @brief Process maturity self-assessment over a loadable table: the JIS Q 20000-1:2007
 *        table of the maintenance and operation guideline (seed A, 4.2 and Table 16: 13
 *        processes, 45 items, levels L1 to L4) is built in; a corrected or different table
 *        can be loaded from JSON.
 *
 * A model (::itsm_maturity_model) is an immutable table: processes in order, each with its
 * items, each item with the description of its four levels in Japanese and English. The
 * text extraction of Table 16 scrambled the L3/L4 cells, so the built-in table marks every
 * cell it had to reconstruct as `uncertain` with a note; correct the JSON
 * (itsm_maturity_model_to_json(), docs/schema/maturity_model.schema.json) and load it with
 * itsm_maturity_model_from_json().
 *
 * An assessment (::itsm_maturity_assessment) gives items a level (1 .. 4) and optionally a
 * target level; it yields per item the next step (the description of the next level),
 * and per process and overall the lowest level (a process is at level N when every
 * assessed item is), the mean level and how many items are below their target. It is a
 * JSON document too (docs/schema/maturity_assessment.schema.json).
 *
 * Strings returned are borrowed from the model and live as long as it does. Models may be
 * shared between threads; an assessment is not thread-safe while it is being changed.
 */
#ifndef ITSM_MATURITY_H
#define ITSM_MATURITY_H

#include "itsm/common.h"

ITSM_BEGIN_DECL

/** An immutable maturity table. */
typedef struct itsm_maturity_model itsm_maturity_model;
/** Levels given to the items of one model. */
typedef struct itsm_maturity_assessment itsm_maturity_assessment;

/** Number of levels, L1 (not defined) .. L4. */
#define ITSM_MATURITY_LEVELS 4

/** The description of one level of one item. Plain value; strings borrowed from the model. */
typedef struct itsm_maturity_level_text {
    const char *ja;   /**< the table's text, "部分的に締結" */
    const char *en;   /**< English, "concluded in part" */
    int uncertain;    /**< 1 when the reading of this cell is not certain */
    const char *note; /**< why it is uncertain, or NULL */
} itsm_maturity_level_text;

/** A process of the model. Plain value; strings borrowed from the model. */
typedef struct itsm_maturity_process {
    const char *id;       /**< the JIS Q 20000 clause, "6.1" */
    const char *name_ja;  /**< "サービスレベル管理" */
    const char *name_en;  /**< "service level management" */
    const char *group_ja; /**< "サービス提供プロセス" */
    const char *group_en; /**< "service delivery processes" */
    size_t first_item;    /**< index of its first item; its items are consecutive */
    size_t n_items;
} itsm_maturity_process;

/** An item of the model. Plain value; strings borrowed from the model. */
typedef struct itsm_maturity_item {
    const char *id;          /**< "6.1.1" */
    size_t process;          /**< index of its process */
    const char *name_ja;     /**< "ＳＬＡの締結" */
    const char *name_en;     /**< "SLA concluded" */
    const char *question_ja; /**< what the item asks */
    const char *question_en;
    itsm_maturity_level_text levels[ITSM_MATURITY_LEVELS]; /**< L1 .. L4 at [0] .. [3] */
} itsm_maturity_item;

/* ---- models ------------------------------------------------------------------------------ */

/**
 * The built-in table: seed A's Table 16 (JIS Q 20000-1:2007), model name
 * "jisq20000-2007-table16".
 * @param out Ownership: the caller's; release with itsm_maturity_model_free().
 */
ITSM_API itsm_status itsm_maturity_model_builtin(itsm_maturity_model **out);
/**
 * Load a model document {"itsm_schema": 1, "type": "maturity_model", ...}.
 * @return ::ITSM_EPARSE for malformed JSON, ::ITSM_EINVAL naming the JSON path of a bad
 *         value (an unknown key, a duplicate id, an item id outside its process, a level
 *         list that is not four levels), ::ITSM_EVERSION for a newer document.
 * @param out Ownership: the caller's; release with itsm_maturity_model_free().
 */
ITSM_API itsm_status itsm_maturity_model_from_json(itsm_maturity_model **out, const char *json, size_t len);
/**
 * The model as a canonical document that itsm_maturity_model_from_json() reads back to the
 * same text.
 * @param out Ownership: a NUL-terminated string the caller releases with itsm_free().
 */
ITSM_API itsm_status itsm_maturity_model_to_json(char **out, const itsm_maturity_model *model);
/** Release a model; NULL is a no-op. Every assessment of it must be freed first. */
ITSM_API void itsm_maturity_model_free(itsm_maturity_model *model);
/** The model's name. Borrowed; NULL only when model is NULL. */
ITSM_API const char *itsm_maturity_model_name(const itsm_maturity_model *model);
/** Number of processes (0 for NULL). */
ITSM_API size_t itsm_maturity_process_count(const itsm_maturity_model *model);
/** Process `index`; ::ITSM_ERANGE past the end. */
ITSM_API itsm_status itsm_maturity_process_get(itsm_maturity_process *out, const itsm_maturity_model *model,
                                               size_t index);
/** Number of items over all processes (0 for NULL). */
ITSM_API size_t itsm_maturity_item_count(const itsm_maturity_model *model);
/** Item `index` (items are numbered through all processes in order); ::ITSM_ERANGE past the end. */
ITSM_API itsm_status itsm_maturity_item_get(itsm_maturity_item *out, const itsm_maturity_model *model, size_t index);
/** The index of the item with id `id` ("8.2.3"); ::ITSM_ENOTFOUND naming it when there is none. */
ITSM_API itsm_status itsm_maturity_item_find(size_t *out, const itsm_maturity_model *model, const char *id);

/* ---- assessments ------------------------------------------------------------------------- */

/**
 * A new assessment of `model` with no item assessed. The model is borrowed: it must
 * outlive the assessment.
 * @param out Ownership: the caller's; release with itsm_maturity_assessment_free().
 */
ITSM_API itsm_status itsm_maturity_assessment_new(itsm_maturity_assessment **out, const itsm_maturity_model *model);
/** Release an assessment; NULL is a no-op. */
ITSM_API void itsm_maturity_assessment_free(itsm_maturity_assessment *assessment);
/**
 * Assess item `item_id`: `level` 1 .. 4, or 0 to remove its level; `target` 1 .. 4, or 0
 * for none.
 * @return ::ITSM_ENOTFOUND for an unknown item, ::ITSM_EINVAL naming a level or target
 *         outside 0 .. 4.
 */
ITSM_API itsm_status itsm_maturity_assessment_set(itsm_maturity_assessment *assessment, const char *item_id,
                                                  int32_t level, int32_t target);
/**
 * Read an assessment document {"itsm_schema": 1, "type": "maturity_assessment", "model":
 * "<name>", "items": [{"item": "6.1.1", "level": 2, "target": 3, "note": "..."}], ...} of
 * `model` (borrowed; it must outlive the assessment). The document's "model" must be the
 * model's name.
 * @return ::ITSM_EINVAL naming the JSON path of an unknown item, a level out of range, an
 *         item given twice or a document of another model.
 * @param out Ownership: the caller's; release with itsm_maturity_assessment_free().
 */
ITSM_API itsm_status itsm_maturity_assessment_from_json(itsm_maturity_assessment **out,
                                                        const itsm_maturity_model *model, const char *json,
                                                        size_t len);
/**
 * The assessment as a canonical document (items in model order, assessed ones only, with
 * their notes).
 * @param out Ownership: a NUL-terminated string the caller releases with itsm_free().
 */
ITSM_API itsm_status itsm_maturity_assessment_to_json(char **out, const itsm_maturity_assessment *assessment);
/** The model the assessment belongs to (borrowed). NULL only when assessment is NULL. */
ITSM_API const itsm_maturity_model *itsm_maturity_assessment_model(const itsm_maturity_assessment *assessment);

/** The result for one item. Plain value; strings borrowed from the model. */
typedef struct itsm_maturity_item_result {
    int32_t level;            /**< 1 .. 4, or 0 when not assessed */
    int32_t target;           /**< 1 .. 4, or 0 when none */
    int meets_target;         /**< 1 when a target is set and level >= target */
    int32_t next_level;       /**< level + 1; 0 at L4 or when not assessed */
    itsm_maturity_level_text next_step; /**< the description of next_level (all NULL when 0) */
} itsm_maturity_item_result;

/** Levels over a process or the whole model. Plain value. */
typedef struct itsm_maturity_summary {
    size_t items;          /**< items in the process (or model) */
    size_t assessed;       /**< of those, items with a level */
    int32_t level;         /**< the lowest assessed level: the level reached by every item; 0 when none */
    int32_t highest;       /**< the highest assessed level; 0 when none */
    double mean_level;     /**< mean of the assessed levels; NaN when none ("no data") */
    size_t at_level[ITSM_MATURITY_LEVELS]; /**< assessed items at L1 .. L4 */
    size_t with_target;    /**< assessed items that have a target */
    size_t below_target;   /**< of those, items whose level is below it */
} itsm_maturity_summary;

/** The result of item `index` (model order); ::ITSM_ERANGE past the end. */
ITSM_API itsm_status itsm_maturity_assessment_item(itsm_maturity_item_result *out,
                                                   const itsm_maturity_assessment *assessment, size_t index);
/** The summary of process `index`; ::ITSM_ERANGE past the end. */
ITSM_API itsm_status itsm_maturity_assessment_process(itsm_maturity_summary *out,
                                                      const itsm_maturity_assessment *assessment, size_t index);
/** The summary over every item of the model. */
ITSM_API itsm_status itsm_maturity_assessment_overall(itsm_maturity_summary *out,
                                                      const itsm_maturity_assessment *assessment);

ITSM_END_DECL

#endif /* ITSM_MATURITY_H */
