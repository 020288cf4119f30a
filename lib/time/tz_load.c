/* Loading zones: TZif files (RFC 8536 v1-v4) from a zoneinfo directory or memory, and
 * fixed UTC offsets.
 *
 * TZif data is untrusted (it is fuzzed, and TZDIR may point anywhere): every count is
 * checked against the bytes present before anything is read, and the zone is allocated
 * in one piece only after the whole file has been validated, so that a bad file never
 * leaves a half-built zone behind. */
#include "civil.h"
#include "internal.h"
#include "tz_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define TZIF_HEADER_SIZE 44
/* Real TZif files are a few KiB; anything this big is not one. */
#define TZIF_MAX_FILE_SIZE (1024 * 1024)
/* Type indices are one byte, so more types could never be referenced. */
#define TZIF_MAX_TYPES 256
/* The table's types plus the footer's standard and daylight types. */
#define MAX_TYPES (TZIF_MAX_TYPES + 2)
#define MAX_NAME_LENGTH 255
#define DEFAULT_ZONEINFO_DIR "/usr/share/zoneinfo"

typedef struct tzif_block {
    const uint8_t *data; /* first byte after the header */
    size_t time_size;    /* 4 in the v1 block, 8 in the v2+ block */
    uint32_t isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt;
    uint64_t len;
} tzif_block;

typedef struct tzif_file {
    tzif_block block;   /* the block to use: v1 for version 1, else the 64-bit one */
    const char *footer; /* NULL for version 1 */
    size_t footer_len;
} tzif_file;

/* What the zone will contain, gathered before the single allocation. */
typedef struct zone_plan {
    itsm_tz_info types[MAX_TYPES];
    size_t type_count;
    uint16_t before;
    const tzif_block *block;
    itsm__tz_switch gen[ITSM__TZ_RULE_MAX_SWITCHES];
    size_t gen_count;
    uint16_t gen_type[2]; /* type index for a switch to standard [0] / daylight [1] time */
} zone_plan;

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static int64_t read_time(const uint8_t *p, size_t size)
{
    if (size == 4)
        return (int32_t)be32(p);
    return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

static int bad_tzif(const char *zone, const char *fmt, ...) ITSM__PRINTF(2, 3);

static int bad_tzif(const char *zone, const char *fmt, ...)
{
    char why[256];
    va_list ap;
    va_start(ap, fmt);
    (void)vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    (void)itsm__error(ITSM_EFORMAT, "time zone '%s': malformed TZif data: %s", zone, why);
    return ITSM_EFORMAT; /* spelled out so that static analysers see a failure */
}

/* ---- layout ------------------------------------------------------------------------ */

static int read_header(tzif_block *b, int *version, const char *zone, const uint8_t *p, size_t avail,
                       size_t time_size)
{
    *b = (tzif_block){NULL, time_size, 0, 0, 0, 0, 0, 0, 0};
    *version = -1;
    if (avail < TZIF_HEADER_SIZE)
        return bad_tzif(zone, "truncated header (%zu of %d bytes)", avail, TZIF_HEADER_SIZE);
    if (memcmp(p, "TZif", 4) != 0)
        return bad_tzif(zone, "bad magic (not a TZif file)");
    *version = p[4];
    if (*version != 0 && *version != '2' && *version != '3' && *version != '4')
        return bad_tzif(zone, "unsupported version byte 0x%02x", (unsigned)*version);
    b->data = p + TZIF_HEADER_SIZE;
    b->isutcnt = be32(p + 20);
    b->isstdcnt = be32(p + 24);
    b->leapcnt = be32(p + 28);
    b->timecnt = be32(p + 32);
    b->typecnt = be32(p + 36);
    b->charcnt = be32(p + 40);
    /* Each count is < 2^32, so this sum cannot overflow 64 bits. */
    b->len = (uint64_t)b->timecnt * (time_size + 1) + (uint64_t)b->typecnt * 6 + b->charcnt +
             (uint64_t)b->leapcnt * (time_size + 4) + b->isstdcnt + b->isutcnt;
    if (b->len > avail - TZIF_HEADER_SIZE)
        return bad_tzif(zone, "the header's counts need %llu bytes of data, only %zu remain",
                        (unsigned long long)b->len, avail - TZIF_HEADER_SIZE);
    return ITSM_OK;
}

/* RFC 8536 section 3.3: the footer is "\n" TZ-string "\n" and ends the file. */
static int read_footer(tzif_file *f, const char *zone, const uint8_t *p, size_t avail)
{
    if (avail == 0)
        return bad_tzif(zone, "the version 2+ footer is missing");
    if (p[0] != '\n')
        return bad_tzif(zone, "the footer does not start with a newline");
    const uint8_t *end = memchr(p + 1, '\n', avail - 1);
    if (end == NULL)
        return bad_tzif(zone, "the footer is not terminated by a newline");
    size_t used = (size_t)(end - p) + 1;
    if (used != avail)
        return bad_tzif(zone, "%zu unexpected bytes after the footer", avail - used);
    f->footer = (const char *)p + 1;
    f->footer_len = used - 2;
    return ITSM_OK;
}

/* Version 2+ files repeat the data with 64-bit times after a version 1 block that
 * readers must skip (RFC 8536 section 4), and end with the footer. */
static int read_layout(tzif_file *f, const char *zone, const uint8_t *p, size_t size)
{
    int version, version2;
    int rc = read_header(&f->block, &version, zone, p, size, 4);
    if (rc != ITSM_OK)
        return rc;
    size_t off = TZIF_HEADER_SIZE + (size_t)f->block.len;
    f->footer = NULL;
    f->footer_len = 0;
    if (version == 0)
        return off == size ? ITSM_OK : bad_tzif(zone, "%zu unexpected bytes after the data", size - off);
    rc = read_header(&f->block, &version2, zone, p + off, size - off, 8);
    if (rc != ITSM_OK)
        return rc;
    if (version2 != version)
        return bad_tzif(zone, "the second header's version 0x%02x differs from the first's 0x%02x",
                        (unsigned)version2, (unsigned)version);
    off += TZIF_HEADER_SIZE + (size_t)f->block.len;
    return read_footer(f, zone, p + off, size - off);
}

/* ---- data block ---------------------------------------------------------------------- */

static int check_counts(const tzif_block *b, const char *zone)
{
    if (b->leapcnt != 0)
        return itsm__error(ITSM_EFORMAT,
                           "time zone '%s': leap-second zones are not supported (the TZif data has %lu "
                           "leap-second records; use a zone outside \"right/\")",
                           zone, (unsigned long)b->leapcnt);
    if (b->typecnt == 0)
        return bad_tzif(zone, "no local time types (typecnt is 0)");
    if (b->typecnt > TZIF_MAX_TYPES)
        return bad_tzif(zone, "%lu local time types, at most %d can be referenced", (unsigned long)b->typecnt,
                        TZIF_MAX_TYPES);
    if (b->isstdcnt != 0 && b->isstdcnt != b->typecnt)
        return bad_tzif(zone, "isstdcnt %lu is neither 0 nor typecnt", (unsigned long)b->isstdcnt);
    if (b->isutcnt != 0 && b->isutcnt != b->typecnt)
        return bad_tzif(zone, "isutcnt %lu is neither 0 nor typecnt", (unsigned long)b->isutcnt);
    return ITSM_OK;
}

static int check_transitions(const tzif_block *b, const char *zone)
{
    const uint8_t *idx = b->data + (size_t)b->timecnt * b->time_size;
    int64_t prev = 0;
    for (size_t i = 0; i < b->timecnt; i++) {
        int64_t t = read_time(b->data + i * b->time_size, b->time_size);
        if (i > 0 && t <= prev)
            return bad_tzif(zone, "transition %zu (%lld) is not after transition %zu (%lld)", i, (long long)t,
                            i - 1, (long long)prev);
        if (idx[i] >= b->typecnt)
            return bad_tzif(zone, "transition %zu has type %u, but there are only %lu types", i, (unsigned)idx[i],
                            (unsigned long)b->typecnt);
        prev = t;
    }
    return ITSM_OK;
}

static int read_type(itsm_tz_info *out, const tzif_block *b, size_t i, const char *zone)
{
    const uint8_t *rec = b->data + (size_t)b->timecnt * (b->time_size + 1) + i * 6;
    const char *chars = (const char *)(b->data + (size_t)b->timecnt * (b->time_size + 1) + (size_t)b->typecnt * 6);
    int32_t utoff = (int32_t)be32(rec);
    if (utoff < ITSM__TZ_UTOFF_MIN || utoff > ITSM__TZ_UTOFF_MAX)
        return bad_tzif(zone, "type %zu has UTC offset %ld outside %d..%d", i, (long)utoff, ITSM__TZ_UTOFF_MIN,
                        ITSM__TZ_UTOFF_MAX);
    if (rec[4] > 1)
        return bad_tzif(zone, "type %zu has isdst %u (must be 0 or 1)", i, (unsigned)rec[4]);
    if (rec[5] >= b->charcnt)
        return bad_tzif(zone, "type %zu has abbreviation index %u, but charcnt is %lu", i, (unsigned)rec[5],
                        (unsigned long)b->charcnt);
    const char *abbr = chars + rec[5];
    const char *nul = memchr(abbr, '\0', b->charcnt - rec[5]);
    if (nul == NULL)
        return bad_tzif(zone, "type %zu's abbreviation is not NUL-terminated", i);
    size_t n = (size_t)(nul - abbr);
    if (n > ITSM__TZ_ABBR_MAX)
        return bad_tzif(zone, "type %zu's abbreviation is longer than %d characters", i, ITSM__TZ_ABBR_MAX);
    out->utc_offset = utoff;
    out->is_dst = rec[4];
    memset(out->abbreviation, 0, sizeof out->abbreviation);
    memcpy(out->abbreviation, abbr, n);
    return ITSM_OK;
}

/* The indicators only matter for POSIX-rule fallback that RFC 8536 no longer uses, but a
 * value other than 0 or 1 still means the file is damaged. */
static int check_indicators(const tzif_block *b, const char *zone)
{
    const uint8_t *p = b->data + (size_t)b->len - b->isutcnt - b->isstdcnt;
    for (size_t i = 0; i < (size_t)b->isstdcnt + b->isutcnt; i++)
        if (p[i] > 1)
            return bad_tzif(zone, "%s indicator %zu is %u (must be 0 or 1)",
                            i < b->isstdcnt ? "standard/wall" : "UT/local", i < b->isstdcnt ? i : i - b->isstdcnt,
                            (unsigned)p[i]);
    return ITSM_OK;
}

static int read_block(zone_plan *plan, const tzif_block *b, const char *zone)
{
    int rc = check_counts(b, zone);
    if (rc == ITSM_OK)
        rc = check_transitions(b, zone);
    if (rc == ITSM_OK)
        rc = check_indicators(b, zone);
    for (size_t i = 0; rc == ITSM_OK && i < b->typecnt; i++)
        rc = read_type(&plan->types[i], b, i, zone);
    plan->type_count = b->typecnt;
    plan->block = b;
    plan->before = 0; /* RFC 8536 section 3.2: type 0 is in force before the first transition */
    plan->gen_count = 0;
    return rc;
}

/* ---- footer rule ----------------------------------------------------------------- */

static bool same_type(const itsm_tz_info *a, const itsm_tz_info *b)
{
    return a->utc_offset == b->utc_offset && a->is_dst == b->is_dst &&
           strcmp(a->abbreviation, b->abbreviation) == 0;
}

static uint16_t find_or_add_type(zone_plan *plan, const itsm_tz_info *type)
{
    for (size_t i = 0; i < plan->type_count; i++)
        if (same_type(&plan->types[i], type))
            return (uint16_t)i;
    plan->types[plan->type_count] = *type;
    return (uint16_t)plan->type_count++;
}

/* After the last transition the footer rule holds; with no transitions at all it holds
 * for all time (RFC 8536 section 3.3). */
static void apply_rule(zone_plan *plan, const itsm__tz_rule *rule)
{
    const tzif_block *b = plan->block;
    int64_t after = INT64_MIN;
    bool dst = itsm__tz_rule_initial(rule);
    if (b->timecnt > 0) {
        size_t last = b->timecnt - 1;
        after = read_time(b->data + last * b->time_size, b->time_size);
        dst = plan->types[b->data[(size_t)b->timecnt * b->time_size + last]].is_dst != 0;
    }
    plan->gen_count = itsm__tz_rule_expand(rule, after, dst, plan->gen);
    if (b->timecnt == 0)
        plan->before = find_or_add_type(plan, dst ? &rule->dst : &rule->std);
    if (plan->gen_count > 0) {
        plan->gen_type[0] = find_or_add_type(plan, &rule->std);
        plan->gen_type[1] = find_or_add_type(plan, &rule->dst);
    }
}

/* ---- building ------------------------------------------------------------------------ */

typedef struct zone_arrays {
    int64_t *at;
    itsm_tz_info *types;
    uint16_t *type_of;
    uint32_t *bucket;
} zone_arrays;

static size_t align_up(size_t n, size_t a) { return (n + a - 1) / a * a; }

static itsm_tz *alloc_zone(zone_arrays *arr, const char *name, size_t count, size_t type_count)
{
    size_t name_size = strlen(name) + 1;
    /* count is bounded by the input's size; this only keeps 32-bit size_t from wrapping. */
    if (count > (SIZE_MAX - name_size - 4096) / 16) {
        (void)itsm__error(ITSM_ENOMEM, "time zone '%s': %zu transitions do not fit in memory", name, count);
        return NULL;
    }
    size_t off_at = align_up(sizeof(struct itsm_tz), _Alignof(int64_t));
    size_t off_types = align_up(off_at + count * sizeof(int64_t), _Alignof(itsm_tz_info));
    size_t off_type_of = align_up(off_types + type_count * sizeof(itsm_tz_info), _Alignof(uint16_t));
    size_t off_bucket = align_up(off_type_of + count * sizeof(uint16_t), _Alignof(uint32_t));
    size_t off_name = off_bucket + (count > 0 ? ITSM__TZ_BUCKETS * sizeof(uint32_t) : 0);
    unsigned char *mem = itsm__malloc(off_name + name_size, "a time zone");
    if (mem == NULL)
        return NULL;
    itsm_tz *tz = (itsm_tz *)(void *)mem;
    arr->at = (int64_t *)(void *)(mem + off_at);
    arr->types = (itsm_tz_info *)(void *)(mem + off_types);
    arr->type_of = (uint16_t *)(void *)(mem + off_type_of);
    arr->bucket = count > 0 ? (uint32_t *)(void *)(mem + off_bucket) : NULL;
    memcpy(mem + off_name, name, name_size);
    tz->name = (const char *)(mem + off_name);
    tz->at = arr->at;
    tz->types = arr->types;
    tz->type_of = arr->type_of;
    tz->bucket = arr->bucket;
    tz->count = count;
    tz->type_count = type_count;
    return tz;
}

static void set_offset_bounds(itsm_tz *tz)
{
    tz->min_off = tz->max_off = tz->types[0].utc_offset;
    for (size_t i = 1; i < tz->type_count; i++) {
        if (tz->types[i].utc_offset < tz->min_off)
            tz->min_off = tz->types[i].utc_offset;
        if (tz->types[i].utc_offset > tz->max_off)
            tz->max_off = tz->types[i].utc_offset;
    }
}

/* bucket[k] = number of transitions at or before the start of bucket k. */
static void index_buckets(uint32_t *bucket, const int64_t *at, size_t count)
{
    size_t p = 0;
    for (size_t k = 0; k < ITSM__TZ_BUCKETS; k++) {
        int64_t start = ITSM_INSTANT_MIN + ((int64_t)k << ITSM__TZ_BUCKET_SHIFT);
        while (p < count && at[p] <= start)
            p++;
        bucket[k] = (uint32_t)p;
    }
}

static int build_zone(itsm_tz **out, const char *name, const zone_plan *plan)
{
    const tzif_block *b = plan->block;
    size_t table = b->timecnt;
    zone_arrays arr;
    itsm_tz *tz = alloc_zone(&arr, name, table + plan->gen_count, plan->type_count);
    if (tz == NULL)
        return ITSM_ENOMEM;
    memcpy(arr.types, plan->types, plan->type_count * sizeof plan->types[0]);
    for (size_t i = 0; i < table; i++) {
        arr.at[i] = read_time(b->data + i * b->time_size, b->time_size);
        arr.type_of[i] = b->data[table * b->time_size + i];
    }
    for (size_t i = 0; i < plan->gen_count; i++) {
        arr.at[table + i] = plan->gen[i].at;
        arr.type_of[table + i] = plan->gen_type[plan->gen[i].dst ? 1 : 0];
    }
    if (arr.bucket != NULL)
        index_buckets(arr.bucket, arr.at, table + plan->gen_count);
    tz->before = plan->before;
    set_offset_bounds(tz);
    *out = tz;
    return ITSM_OK;
}

itsm_status itsm_tz_from_tzif(itsm_tz **out, const char *name, const void *data, size_t size)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(name);
    ITSM__CHECK_ARG(data);
    tzif_file file;
    int rc = read_layout(&file, name, data, size);
    if (rc != ITSM_OK)
        return rc;
    /* About 16 KiB: kept off the stack, which may be small in embedding threads. */
    zone_plan *plan = itsm__malloc(sizeof *plan, "a TZif load plan");
    if (plan == NULL)
        return ITSM_ENOMEM;
    rc = read_block(plan, &file.block, name);
    if (rc == ITSM_OK && file.footer_len > 0) {
        itsm__tz_rule rule;
        rc = itsm__tz_rule_parse(&rule, file.footer, file.footer_len, name);
        if (rc == ITSM_OK)
            apply_rule(plan, &rule);
    }
    if (rc == ITSM_OK)
        rc = build_zone(out, name, plan);
    itsm__free(plan);
    return rc;
}

/* ---- fixed offsets --------------------------------------------------------------- */

/* "+09:00", or "+05:21:10" when there are seconds: the form itsm_tz_load() accepts. */
static void offset_name(char *buf, size_t size, int32_t off)
{
    char sign = off < 0 ? '-' : '+';
    int a = off < 0 ? -(int)off : (int)off;
    if (a % 60 != 0)
        (void)snprintf(buf, size, "%c%02d:%02d:%02d", sign, a / 3600, a / 60 % 60, a % 60);
    else
        (void)snprintf(buf, size, "%c%02d:%02d", sign, a / 3600, a / 60 % 60);
}

static int make_fixed(itsm_tz **out, int32_t utc_offset, const char *name)
{
    zone_arrays arr;
    itsm_tz *tz = alloc_zone(&arr, name, 0, 1);
    if (tz == NULL)
        return ITSM_ENOMEM;
    arr.types[0].utc_offset = utc_offset;
    arr.types[0].is_dst = 0;
    memset(arr.types[0].abbreviation, 0, sizeof arr.types[0].abbreviation);
    (void)snprintf(arr.types[0].abbreviation, sizeof arr.types[0].abbreviation, "%s", name);
    tz->before = 0;
    tz->min_off = tz->max_off = utc_offset;
    *out = tz;
    return ITSM_OK;
}

itsm_status itsm_tz_fixed(itsm_tz **out, int32_t utc_offset)
{
    ITSM__CHECK_ARG(out);
    if (utc_offset < -86399 || utc_offset > 86399)
        return itsm__error(ITSM_EINVAL, "itsm_tz_fixed: UTC offset %ld s is outside -86399..86399",
                           (long)utc_offset);
    char name[16];
    offset_name(name, sizeof name, utc_offset);
    return make_fixed(out, utc_offset, name);
}

/* ---- names and files ----------------------------------------------------------------- */

/* Names come from configuration files; quote them safely in messages. */
static void quote_name(char *dst, size_t size, const char *name)
{
    size_t i = 0;
    for (; name[i] != '\0' && i + 4 < size; i++) {
        unsigned char c = (unsigned char)name[i];
        dst[i] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
    }
    dst[i] = '\0';
    if (name[i] != '\0')
        (void)snprintf(dst + i, size - i, "...");
}

static bool two_digits(const char *s, int *out)
{
    if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
        return false;
    *out = (s[0] - '0') * 10 + (s[1] - '0');
    return true;
}

/* +hh, +hh:mm, +hhmm, +hh:mm:ss, +hhmmss (or '-'). */
static bool parse_offset_name(const char *s, int32_t *out)
{
    int part[3] = {0, 0, 0};
    bool colon = s[1] != '\0' && s[2] != '\0' && s[3] == ':';
    size_t i = 1;
    for (int k = 0; k < 3; k++) {
        if (k > 0 && s[i] == '\0')
            break;
        if (k > 0 && colon && s[i++] != ':')
            return false;
        if (!two_digits(s + i, &part[k]))
            return false;
        i += 2;
    }
    if (s[i] != '\0' || part[1] > 59 || part[2] > 59)
        return false;
    int v = part[0] * 3600 + part[1] * 60 + part[2];
    *out = (int32_t)(s[0] == '-' ? -v : v);
    return true;
}

/* "-00:00" is accepted as the zero offset (named "+00:00"): RFC 3339's "offset unknown"
 * meaning has no use for a zone, and refusing it would only surprise. */
static int load_fixed(itsm_tz **out, const char *name)
{
    char quoted[80];
    int32_t off;
    if (!parse_offset_name(name, &off)) {
        quote_name(quoted, sizeof quoted, name);
        return itsm__error(ITSM_EINVAL,
                           "time zone name '%s' is not a UTC offset of the form +hh, +hh:mm, +hhmm or +hh:mm:ss",
                           quoted);
    }
    if (off < -86399 || off > 86399) {
        quote_name(quoted, sizeof quoted, name);
        return itsm__error(ITSM_EINVAL, "time zone name '%s': UTC offset outside -23:59:59..+23:59:59", quoted);
    }
    return itsm_tz_fixed(out, off);
}

static bool name_char_ok(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '_' ||
           c == '+' || c == '-';
}

/* The name becomes part of a path: nothing may lead outside the zoneinfo directory. */
static int check_zone_name(const char *name)
{
    char quoted[80];
    quote_name(quoted, sizeof quoted, name);
    size_t n = strlen(name);
    if (n == 0)
        return itsm__error(ITSM_EINVAL, "itsm_tz_load: the time zone name is empty");
    if (n > MAX_NAME_LENGTH)
        return itsm__error(ITSM_EINVAL, "itsm_tz_load: time zone name '%s' is longer than %d characters", quoted,
                           MAX_NAME_LENGTH);
    if (name[0] == '/')
        return itsm__error(ITSM_EINVAL, "itsm_tz_load: time zone name '%s' must not start with '/'", quoted);
    if (strstr(name, "..") != NULL)
        return itsm__error(ITSM_EINVAL, "itsm_tz_load: time zone name '%s' must not contain '..'", quoted);
    for (size_t i = 0; i < n; i++)
        if (!name_char_ok(name[i]))
            return itsm__error(ITSM_EINVAL,
                               "itsm_tz_load: time zone name '%s' has a character outside [A-Za-z0-9/_+-] at "
                               "offset %zu",
                               quoted, i);
    return ITSM_OK;
}

static int open_error(const char *name, const char *dir, const char *path, int err)
{
    if (err == ENOENT || err == ENOTDIR)
        return itsm__error(ITSM_ENOTFOUND, "time zone '%s' not found in %s", name, dir);
    char msg[128];
    if (strerror_r(err, msg, sizeof msg) != 0)
        (void)snprintf(msg, sizeof msg, "error %d", err);
    return itsm__error(ITSM_EIO, "time zone '%s': cannot open %s: %s", name, path, msg);
}

static int check_file(FILE *f, const char *name, const char *path, size_t *size)
{
    struct stat st;
    if (fstat(fileno(f), &st) != 0)
        return itsm__error(ITSM_EIO, "time zone '%s': cannot stat %s", name, path);
    if (S_ISDIR(st.st_mode))
        return itsm__error(ITSM_EIO, "time zone '%s': %s is a directory, not a TZif file", name, path);
    if (!S_ISREG(st.st_mode))
        return itsm__error(ITSM_EIO, "time zone '%s': %s is not a regular file", name, path);
    if (st.st_size > TZIF_MAX_FILE_SIZE)
        return itsm__error(ITSM_EFORMAT, "time zone '%s': %s is larger than %d bytes, not a TZif file", name, path,
                           TZIF_MAX_FILE_SIZE);
    *size = (size_t)st.st_size;
    return ITSM_OK;
}

static int read_file(uint8_t **out, size_t *out_size, const char *name, const char *dir, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return open_error(name, dir, path, errno);
    size_t size = 0;
    int rc = check_file(f, name, path, &size);
    uint8_t *buf = NULL;
    if (rc == ITSM_OK) {
        buf = itsm__malloc(size, "a TZif file");
        rc = buf == NULL ? ITSM_ENOMEM : ITSM_OK;
    }
    if (rc == ITSM_OK) {
        *out_size = fread(buf, 1, size, f);
        if (ferror(f))
            rc = itsm__error(ITSM_EIO, "time zone '%s': reading %s failed", name, path);
    }
    (void)fclose(f);
    if (rc != ITSM_OK) {
        itsm__free(buf);
        return rc;
    }
    *out = buf;
    return ITSM_OK;
}

static const char *zoneinfo_dir_of(const char *arg)
{
    if (arg != NULL)
        return arg;
    const char *env = getenv("TZDIR");
    return env != NULL && env[0] != '\0' ? env : DEFAULT_ZONEINFO_DIR;
}

static int load_file(itsm_tz **out, const char *name, const char *dir)
{
    size_t dlen = strlen(dir), nlen = strlen(name);
    char *path = itsm__malloc(dlen + nlen + 2, "a time zone file path");
    if (path == NULL)
        return ITSM_ENOMEM;
    memcpy(path, dir, dlen);
    path[dlen] = '/';
    memcpy(path + dlen + 1, name, nlen + 1);
    uint8_t *data = NULL;
    size_t size = 0;
    int rc = read_file(&data, &size, name, dir, path);
    itsm__free(path);
    if (rc != ITSM_OK)
        return rc;
    rc = itsm_tz_from_tzif(out, name, data, size);
    itsm__free(data);
    return rc;
}

itsm_status itsm_tz_load(itsm_tz **out, const char *name, const char *zoneinfo_dir)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(name);
    /* Exactly these spellings: "utc" might be a file in some zoneinfo directory. */
    if (strcmp(name, "UTC") == 0 || strcmp(name, "Z") == 0)
        return make_fixed(out, 0, "UTC");
    if (name[0] == '+' || name[0] == '-')
        return load_fixed(out, name);
    int rc = check_zone_name(name);
    if (rc != ITSM_OK)
        return rc;
    if (zoneinfo_dir != NULL && zoneinfo_dir[0] == '\0')
        return itsm__error(ITSM_EINVAL, "itsm_tz_load: zoneinfo_dir is empty (pass NULL for the default)");
    return load_file(out, name, zoneinfo_dir_of(zoneinfo_dir));
}

void itsm_tz_free(itsm_tz *tz) { itsm__free(tz); }

const char *itsm_tz_name(const itsm_tz *tz) { return tz == NULL ? NULL : tz->name; }
