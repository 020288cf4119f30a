/* Private to lib/io: holiday sets as JSON values of calendar documents. */
#ifndef ITSM_IO_HOLIDAY_JSON_H
#define ITSM_IO_HOLIDAY_JSON_H

#include "io/json_path.h"
#include "itsm/holidays.h"

#include <jansson.h>

/* A custom set from an inline object {"name", "dates", "fixed", "nth_weekday", "ranges"}
 * at `p`. Every error names the path of the bad value. */
int itsm__holiday_set_from_json(itsm_holiday_set **out, const json_t *obj, const itsm__jpath *p);

/* A set as it appears in "holidays": a built-in set (same name and same holidays as
 * itsm_holiday_set_builtin() gives) as its name, any other as an inline object that
 * itsm__holiday_set_from_json() reads back to a set with the same holidays. */
int itsm__holiday_set_to_json(json_t **out, const itsm_holiday_set *set);

#endif
