/* Private: the layout of a loaded zone and the helpers shared by tz_load.c (TZif and
 * fixed zones), tz_posix.c (the POSIX TZ footer rule) and tz_query.c (look-ups). */
#ifndef ITSM_TZ_INTERNAL_H
#define ITSM_TZ_INTERNAL_H

#include "itsm/tz.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The zone is one allocation: this header, then at[count], types[type_count],
 * type_of[count] and the name, so that a failed load has a single thing to free and a
 * loaded zone is never half-built.
 *
 * Piece p (0 <= p <= count) is the half-open span [at[p-1], at[p]) with at[-1] = -inf
 * and at[count] = +inf; its local time type is `before` for p == 0, else
 * type_of[p-1]. The footer rule is already expanded into at[] through 2200. */
struct itsm_tz {
    const char *name;
    const int64_t *at;          /* transition instants, strictly ascending */
    const itsm_tz_info *types;  /* local time types */
    const uint16_t *type_of;    /* type index in force from at[i] on */
    size_t count;               /* number of transitions */
    size_t type_count;
    const uint32_t *bucket;     /* bucket[k]: transitions <= bucket k's start (NULL if count == 0) */
    uint16_t before;            /* type before at[0] (or always, when count == 0) */
    int32_t min_off, max_off;   /* bounds of every types[i].utc_offset */
};

/* Look-ups first jump to the piece in force at the start of the instant's bucket of
 * 2^21 s (about 24 days), then search only the bucket's few transitions: O(1) for real
 * zones whatever the table size, and still O(log n) for adversarial files. */
#define ITSM__TZ_BUCKET_SHIFT 21
#define ITSM__TZ_BUCKETS ((size_t)(((ITSM_INSTANT_MAX - ITSM_INSTANT_MIN) >> ITSM__TZ_BUCKET_SHIFT) + 2))

/* RFC 8536 section 3.2: offsets outside this range are not valid local time types. */
#define ITSM__TZ_UTOFF_MIN (-89999)
#define ITSM__TZ_UTOFF_MAX 93599
/* Abbreviations must fit itsm_tz_info.abbreviation with its NUL. */
#define ITSM__TZ_ABBR_MAX 15
_Static_assert(sizeof(((itsm_tz_info *)0)->abbreviation) == ITSM__TZ_ABBR_MAX + 1, "abbreviation size");

/* ---- tz_posix.c: POSIX TZ strings (RFC 8536 section 3.3) ---------------------------- */

/* When a rule switches: Jn (1..365, Feb 29 never counted), n (0..365, counted) or
 * Mm.w.d, at `time` seconds of local time (-167h .. 167h, RFC 8536 extension). */
typedef struct itsm__tz_rule_date {
    char kind; /* 'J', 'n' or 'M' */
    int day;   /* J and n forms */
    int month, week, weekday;
    int32_t time;
} itsm__tz_rule_date;

typedef struct itsm__tz_rule {
    itsm_tz_info std, dst;
    bool has_dst;
    itsm__tz_rule_date start, end; /* start: std -> dst (std time); end: dst -> std (dst time) */
} itsm__tz_rule;

/* A generated transition: from `at` on, the rule's dst type (dst) or std type (!dst). */
typedef struct itsm__tz_switch {
    int64_t at;
    bool dst;
} itsm__tz_switch;

/* Rules are expanded over these UTC years: one year each side of 1900..2200 so that a
 * transition whose local date is in another year than its UTC date is not lost. */
#define ITSM__TZ_RULE_FIRST_YEAR 1899
#define ITSM__TZ_RULE_LAST_YEAR 2201
#define ITSM__TZ_RULE_MAX_SWITCHES (2 * (ITSM__TZ_RULE_LAST_YEAR - ITSM__TZ_RULE_FIRST_YEAR + 1))

/* Parse `len` bytes of a POSIX TZ string. Fails with ITSM_EFORMAT naming `zone` and the
 * text. */
int itsm__tz_rule_parse(itsm__tz_rule *out, const char *text, size_t len, const char *zone);

/* The rule's switches u with after < u <= ITSM_INSTANT_MAX that change the state, given
 * that `dst` is the state in force at `after` (for a table without transitions:
 * after = INT64_MIN and dst = itsm__tz_rule_initial()). `out` holds
 * ITSM__TZ_RULE_MAX_SWITCHES entries. Returns the number written. */
size_t itsm__tz_rule_expand(const itsm__tz_rule *rule, int64_t after, bool dst, itsm__tz_switch *out);

/* The state (DST or not) in force before the rule's first switch in the expansion
 * range: used when a TZif file has no transitions and the footer governs all time. */
bool itsm__tz_rule_initial(const itsm__tz_rule *rule);

/* ---- tz_query.c ------------------------------------------------------------------ */

/* The piece containing instant t (number of transitions <= t). `hint` is a piece that
 * is likely right (the previous element's, for sorted batches) or SIZE_MAX. */
size_t itsm__tz_piece(const itsm_tz *tz, int64_t t, size_t hint);

static inline const itsm_tz_info *itsm__tz_piece_type(const itsm_tz *tz, size_t piece)
{
    return &tz->types[piece == 0 ? tz->before : tz->type_of[piece - 1]];
}

#endif
