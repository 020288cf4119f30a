/*
 * itsm.i - SWIG interface for the low-level module itsm.itsm_native.
 *
 * This layer is a 1:1, prefix-stripped view of the C API (itsm_tz_load -> tz_load,
 * ITSM_EPARSE -> EPARSE) with Python-shaped arguments and results:
 *
 *   - every function that returns itsm_status raises an itsm.Error subclass (built by
 *     itsm._errors) when the status is negative and otherwise returns its out-parameter,
 *     or None when it has none;
 *   - out-parameters are results: itsm_tz ** -> an owning NativeZone object (its
 *     destructor calls itsm_tz_free), itsm_datetime * -> a 6-tuple, itsm_date * ->
 *     (year, month, day), itsm_tz_info * -> (utc_offset, is_dst, abbreviation),
 *     (char *buf, size_t size) -> str (copied); itsm_holiday_set ** / itsm_calendar_spec ** /
 *     itsm_calendar ** -> owning NativeHolidaySet / NativeCalendarSpec / NativeCalendar;
 *     int *out -> bool; const char **out_name -> str or None; char **out (library-owned
 *     text) -> str, the C string released with itsm_free; itsm_holiday lists -> a list of
 *     ((year, month, day), name); maintenance enums (itsm_maint_type *out, ...) -> int,
 *     const char **out (static text) -> str, itsm_defect_result * / itsm_claim_result * /
 *     itsm_foss_responsibility * -> tuples (see itsm_typemaps.i); the versioned facts
 *     structs are never seen: maint_defect_determine and maint_claim_check take the facts
 *     as plain arguments and fill the struct in C;
 *   - the batch functions take one C-contiguous int64 buffer (buffer protocol) and return
 *     a new bytearray holding the int64 results, with the GIL released during the C call;
 *   - no raw pointers, void * or callbacks are exposed (itsm_free, itsm_set_allocator
 *     are not wrapped).
 *
 * The GIL is released around every C call (threads="1"); the thread-local last error of
 * libitsm belongs to the OS thread, which is the Python thread, so this is safe.
 *
 * The Pythonic API lives in the hand-written package itsm/ (itsm/__init__.py).
 */
%module(package="itsm", threads="1") itsm_native

%{
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include "itsm.h"
#include "itsm/holidays.h"
#include "itsm/calendar.h"
#include "itsm/maint.h"
#include "itsm/metrics.h"
%}

/* <stdint.i> is not used: it maps int64_t to `long long`, and the casts SWIG would then
 * emit (long long * vs int64_t * = long *) are incompatible pointer types in C. Every
 * int32_t/int64_t argument and result has a typemap in itsm_typemaps.i instead, so SWIG
 * can keep the C names. INT64_C() is used by the ITSM_INSTANT_* constants. */
#define INT64_C(c) c ## LL

/* ---- names: itsm_tz_load -> tz_load, ITSM_EPARSE -> EPARSE ---------------------------- */
%rename("%(regex:/^(itsm|ITSM)_(.*)$/\\2/)s") "";
%rename(NativeZone) itsm_tz;

/* ---- not wrapped ------------------------------------------------------------------------ */
%ignore itsm_free;              /* no raw library memory reaches Python */
%ignore itsm_set_allocator;     /* function pointers; a C embedding concern */
%ignore itsm_allocator;
%ignore ITSM_ALLOCATOR_VERSION;
%ignore ITSM_ALLOCATOR_INIT;
%ignore itsm_error_last;        /* read by the status typemap; always raised */
%ignore itsm_error_last_code;
%ignore itsm_error_clear;
%ignore itsm_instant_parse;     /* itsm_instant_parse_n is wrapped (no NUL truncation) */
%ignore itsm_date;              /* plain values travel as tuples */
%ignore itsm_datetime;
%ignore itsm_tz_info;
%ignore itsm_tz_utc_offsets;    /* replaced by buffer-protocol forms below */
%ignore itsm_tz_to_local_many;
%ignore itsm_tz_from_local_many;
%ignore itsm_holiday;           /* travels as ((year, month, day), name) */
%ignore itsm_calendar_zone;     /* a borrowed zone would outlive its calendar: calendar_zone_name */
%ignore itsm_calendar_business_seconds_many;  /* buffer-protocol forms below */
%ignore itsm_calendar_add_business_many;
%ignore ITSM_WARN_UNUSED;
%ignore ITSM_INSTANT_TEXT_SIZE;
%ignore ITSM_DATE_TEXT_SIZE;
%ignore ITSM_LOCAL_TIME_TEXT_SIZE;
%ignore ITSM_DURATION_TEXT_SIZE;
%ignore itsm_claim_facts;       /* versioned inputs: filled in C from plain arguments below */
%ignore itsm_defect_facts;
%ignore ITSM_CLAIM_FACTS_INIT;
%ignore ITSM_DEFECT_FACTS_INIT;
%ignore itsm_maint_claim_check;       /* replaced by the plain-argument forms below */
%ignore itsm_maint_defect_determine;
%ignore itsm_maint_claim_check_ex;
%ignore itsm_maint_defect_determine_ex;
%ignore itsm_claim_options;
%ignore itsm_repair_facts;
%ignore ITSM_CLAIM_OPTIONS_INIT;
%ignore ITSM_REPAIR_FACTS_INIT;
%ignore itsm_claim_shift;       /* travel as tuples (itsm_typemaps.i) */
%ignore itsm_defect_advisory;
%ignore itsm_claim_result;      /* plain results travel as tuples (itsm_typemaps.i) */
%ignore itsm_defect_result;
%ignore itsm_foss_responsibility;

/* The zone handle: an opaque struct that only libitsm creates. The Python proxy owns it
 * (SWIG_POINTER_OWN in the itsm_tz ** typemap) and frees it in its destructor. */
%nodefaultctor itsm_tz;
struct itsm_tz {};
%extend itsm_tz {
    ~itsm_tz() { itsm_tz_free($self); }
}
%ignore itsm_tz_free;

/* Holiday sets, calendar specs and calendars: opaque handles owned by their proxies in
 * the same way (SWIG_POINTER_OWN in the ** typemaps), freed by the destructors. */
%rename(NativeHolidaySet) itsm_holiday_set;
%nodefaultctor itsm_holiday_set;
struct itsm_holiday_set {};
%extend itsm_holiday_set {
    ~itsm_holiday_set() { itsm_holiday_set_free($self); }
}
%ignore itsm_holiday_set_free;

%rename(NativeCalendarSpec) itsm_calendar_spec;
%nodefaultctor itsm_calendar_spec;
struct itsm_calendar_spec {};
%extend itsm_calendar_spec {
    ~itsm_calendar_spec() { itsm_calendar_spec_free($self); }
}
%ignore itsm_calendar_spec_free;

%rename(NativeCalendar) itsm_calendar;
%nodefaultctor itsm_calendar;
struct itsm_calendar {};
%extend itsm_calendar {
    ~itsm_calendar() { itsm_calendar_free($self); }
}
%ignore itsm_calendar_free;

/* Clear the thread's last error before every call, so a message read after a failure
 * always belongs to that failure. */
%exception {
    itsm_error_clear();
    $action
}

%include "itsm_typemaps.i"

%include "itsm/common.h"
%include "itsm/version.h"
%include "itsm/alloc.h"
%include "itsm/time.h"
%include "itsm/tz.h"
%include "itsm/holidays.h"
%include "itsm/calendar.h"
%include "itsm/maint.h"
%include "itsm_lifecycle.i"
%include "itsm_agreement.i"
%include "itsm_incident.i"
%include "itsm_records.i"
%include "itsm_clock.i"
%include "itsm_sla.i"
%include "itsm_metrics.i"
%include "itsm_report.i"
%include "itsm_kpi.i"
%include "itsm_timeseries.i"
%include "itsm_maturity.i"

/* A macro combining enum values, which SWIG does not evaluate by itself. */
%constant unsigned int LOCAL_STRICT = (ITSM_GAP_ERROR | ITSM_OVERLAP_ERROR);

/* ---- batch forms over the buffer protocol --------------------------------------------
 * Same C functions, argument order adapted so that one Python buffer feeds (values, n)
 * and the typemap allocates `results` (n int64, a bytearray returned to Python). */
%{
static itsm_status itsmpy_tz_utc_offsets(const itsm_tz *tz, const int64_t *values, size_t n,
                                         int64_t *results)
{
    return itsm_tz_utc_offsets(results, tz, values, n);
}

static itsm_status itsmpy_tz_to_local_many(const itsm_tz *tz, const int64_t *values, size_t n,
                                           int64_t *results)
{
    return itsm_tz_to_local_many(results, tz, values, n);
}

static itsm_status itsmpy_tz_from_local_many(const itsm_tz *tz, const int64_t *values, size_t n,
                                             int64_t *results, unsigned int policy)
{
    return itsm_tz_from_local_many(results, tz, values, n, policy);
}
%}

%feature("docstring") itsmpy_tz_utc_offsets
"tz_utc_offsets(zone, values) -> bytearray

UTC offsets (seconds) at each instant of `values`, a C-contiguous int64 buffer;
the result holds the same number of native int64 values.";
%rename(tz_utc_offsets) itsmpy_tz_utc_offsets;
itsm_status itsmpy_tz_utc_offsets(const itsm_tz *tz, const int64_t *values, size_t n,
                                  int64_t *results);

%feature("docstring") itsmpy_tz_to_local_many
"tz_to_local_many(zone, values) -> bytearray

Local wall seconds (t + offset) of each instant of `values` (C-contiguous int64).";
%rename(tz_to_local_many) itsmpy_tz_to_local_many;
itsm_status itsmpy_tz_to_local_many(const itsm_tz *tz, const int64_t *values, size_t n,
                                    int64_t *results);

%feature("docstring") itsmpy_tz_from_local_many
"tz_from_local_many(zone, values, policy) -> bytearray

Instants of local wall seconds `values` (C-contiguous int64), gaps and overlaps
resolved by `policy` (a combination of the GAP_* and OVERLAP_* flags).";
%rename(tz_from_local_many) itsmpy_tz_from_local_many;
itsm_status itsmpy_tz_from_local_many(const itsm_tz *tz, const int64_t *values, size_t n,
                                      int64_t *results, unsigned int policy);

/* ---- calendars: batch forms and the zone ----------------------------------------------
 * Two int64 buffers of equal length in ((values, n) and (values2, n2)), one bytearray
 * out; the GIL is released during the C call like every other call. */
%{
static itsm_status itsmpy_calendar_business_seconds_many(const itsm_calendar *cal, const int64_t *values,
                                                         size_t n, int64_t *results, const int64_t *values2,
                                                         size_t n2)
{
    (void)n2; /* equal to n: checked before the call */
    return itsm_calendar_business_seconds_many(results, cal, values, values2, n);
}

static itsm_status itsmpy_calendar_add_business_many(const itsm_calendar *cal, const int64_t *values, size_t n,
                                                     int64_t *results, const int64_t *values2, size_t n2)
{
    (void)n2;
    return itsm_calendar_add_business_many(results, cal, values, values2, n);
}

static const char *itsmpy_calendar_zone_name(const itsm_calendar *cal)
{
    return cal == NULL ? NULL : itsm_tz_name(itsm_calendar_zone(cal));
}
%}

%feature("docstring") itsmpy_calendar_business_seconds_many
"calendar_business_seconds_many(calendar, a, b) -> bytearray

B(a[i], b[i]) for C-contiguous int64 buffers `a` and `b` of equal length.";
%rename(calendar_business_seconds_many) itsmpy_calendar_business_seconds_many;
itsm_status itsmpy_calendar_business_seconds_many(const itsm_calendar *cal, const int64_t *values, size_t n,
                                                  int64_t *results, const int64_t *values2, size_t n2);

%feature("docstring") itsmpy_calendar_add_business_many
"calendar_add_business_many(calendar, t, seconds) -> bytearray

add_business(t[i], seconds[i]) for C-contiguous int64 buffers of equal length.";
%rename(calendar_add_business_many) itsmpy_calendar_add_business_many;
itsm_status itsmpy_calendar_add_business_many(const itsm_calendar *cal, const int64_t *values, size_t n,
                                              int64_t *results, const int64_t *values2, size_t n2);

%feature("docstring") itsmpy_calendar_zone_name
"calendar_zone_name(calendar) -> str

The name of the calendar's zone (itsm_tz_name(itsm_calendar_zone(calendar))).";
%rename(calendar_zone_name) itsmpy_calendar_zone_name;
const char *itsmpy_calendar_zone_name(const itsm_calendar *cal);

/* ---- maintenance judgments: the versioned facts structs filled from plain arguments ----
 * Same checks as the C API (the library validates every field); a facts struct is started
 * from its INIT macro, so fields added by later header versions keep their defaults. A
 * date of (0, 0, 0) is "not given". */
%{
#define ITSMPY_DEFECT_PARAMS                                                                          \
    itsm_maint_type type, itsm_mr_origin origin, int inside_warranty, itsm_doc_coverage coverage,       \
        int security_countermeasure, int has_application_maintenance_contract,                            \
        itsm_investigation investigation, itsm_date contract_date, itsm_contract_kind contract_kind,      \
        int customer_material, int vendor_knew_unsuitable
#define ITSMPY_CLAIM_PARAMS                                                                           \
    itsm_date contract_date, itsm_date delivery_date, itsm_date known_date, itsm_date notice_date,      \
        int32_t contract_warranty_days, int vendor_knew

static itsm_defect_facts itsmpy_defect_facts(ITSMPY_DEFECT_PARAMS)
{
    itsm_defect_facts f = ITSM_DEFECT_FACTS_INIT;
    f.type = type;
    f.origin = origin;
    f.inside_warranty = inside_warranty;
    f.coverage = coverage;
    f.security_countermeasure = security_countermeasure;
    f.has_application_maintenance_contract = has_application_maintenance_contract;
    f.investigation = investigation;
    f.contract_date = contract_date;
    f.contract_kind = contract_kind;
    f.customer_material = customer_material;
    f.vendor_knew_unsuitable = vendor_knew_unsuitable;
    return f;
}

static itsm_claim_facts itsmpy_claim_facts(ITSMPY_CLAIM_PARAMS)
{
    itsm_claim_facts f = ITSM_CLAIM_FACTS_INIT;
    f.contract_date = contract_date;
    f.delivery_date = delivery_date;
    f.known_date = known_date;
    f.notice_date = notice_date;
    f.contract_warranty_days = contract_warranty_days;
    f.vendor_knew = vendor_knew;
    return f;
}

#define ITSMPY_DEFECT_ARGS                                                                            \
    type, origin, inside_warranty, coverage, security_countermeasure, has_application_maintenance_contract, \
        investigation, contract_date, contract_kind, customer_material, vendor_knew_unsuitable
#define ITSMPY_CLAIM_ARGS \
    contract_date, delivery_date, known_date, notice_date, contract_warranty_days, vendor_knew

static itsm_status itsmpy_maint_defect_determine(itsm_defect_result *out, ITSMPY_DEFECT_PARAMS)
{
    itsm_defect_facts f = itsmpy_defect_facts(ITSMPY_DEFECT_ARGS);
    return itsm_maint_defect_determine(out, &f);
}

static itsm_status itsmpy_maint_defect_determine_ex(itsm_defect_result *out, itsm_defect_advisory *out_advisory,
                                                    ITSMPY_DEFECT_PARAMS, int fixed_promptly, int workaround_agreed,
                                                    int serious)
{
    itsm_defect_facts f = itsmpy_defect_facts(ITSMPY_DEFECT_ARGS);
    itsm_repair_facts repair = ITSM_REPAIR_FACTS_INIT;
    repair.fixed_promptly = fixed_promptly;
    repair.workaround_agreed = workaround_agreed;
    repair.serious = serious;
    return itsm_maint_defect_determine_ex(out, out_advisory, &f, &repair);
}

static itsm_status itsmpy_maint_claim_check(itsm_claim_result *out, ITSMPY_CLAIM_PARAMS)
{
    itsm_claim_facts f = itsmpy_claim_facts(ITSMPY_CLAIM_ARGS);
    return itsm_maint_claim_check(out, &f);
}

static itsm_status itsmpy_maint_claim_check_ex(itsm_claim_result *out, itsm_claim_shift *out_shift,
                                               ITSMPY_CLAIM_PARAMS, int no_day_shift, int saturday_closed,
                                               const itsm_holiday_set *other_holidays)
{
    itsm_claim_facts f = itsmpy_claim_facts(ITSMPY_CLAIM_ARGS);
    itsm_claim_options o = ITSM_CLAIM_OPTIONS_INIT;
    o.no_day_shift = no_day_shift;
    o.saturday_closed = saturday_closed;
    o.other_holidays = other_holidays;
    return itsm_maint_claim_check_ex(out, out_shift, &f, &o);
}
%}

%feature("docstring") itsmpy_maint_defect_determine
"maint_defect_determine(type, origin, inside_warranty, coverage, security_countermeasure,
                       has_application_maintenance_contract, investigation, contract_date,
                       contract_kind, customer_material, vendor_knew_unsuitable)
    -> (verdict, reason, effective_type, effective_origin, investigation_cost, regime)

itsm_maint_defect_determine() with the itsm_defect_facts fields as arguments (enums and
flags as int, contract_date as (year, month, day), (0, 0, 0) when not given).";
%rename(maint_defect_determine) itsmpy_maint_defect_determine;
itsm_status itsmpy_maint_defect_determine(itsm_defect_result *out, itsm_maint_type type,
                                          itsm_mr_origin origin, int inside_warranty,
                                          itsm_doc_coverage coverage, int security_countermeasure,
                                          int has_application_maintenance_contract,
                                          itsm_investigation investigation, itsm_date contract_date,
                                          itsm_contract_kind contract_kind, int customer_material,
                                          int vendor_knew_unsuitable);

%feature("docstring") itsmpy_maint_claim_check
"maint_claim_check(contract_date, delivery_date, known_date, notice_date,
                  contract_warranty_days, vendor_knew)
    -> (regime, in_time, (year, month, day) deadline, reason)

itsm_maint_claim_check() with the itsm_claim_facts fields as arguments (dates as
(year, month, day); known_date (0, 0, 0) when not given).";
%rename(maint_claim_check) itsmpy_maint_claim_check;
itsm_status itsmpy_maint_claim_check(itsm_claim_result *out, itsm_date contract_date,
                                     itsm_date delivery_date, itsm_date known_date,
                                     itsm_date notice_date, int32_t contract_warranty_days,
                                     int vendor_knew);

%feature("docstring") itsmpy_maint_defect_determine_ex
"maint_defect_determine_ex(type, origin, inside_warranty, coverage, security_countermeasure,
                          has_application_maintenance_contract, investigation, contract_date,
                          contract_kind, customer_material, vendor_knew_unsuitable,
                          fixed_promptly, workaround_agreed, serious)
    -> ((verdict, reason, effective_type, effective_origin, investigation_cost, regime),
        advisory reason or None)

itsm_maint_defect_determine_ex() with the itsm_defect_facts and itsm_repair_facts fields as
arguments.";
%rename(maint_defect_determine_ex) itsmpy_maint_defect_determine_ex;
itsm_status itsmpy_maint_defect_determine_ex(itsm_defect_result *out, itsm_defect_advisory *out_advisory,
                                             itsm_maint_type type, itsm_mr_origin origin, int inside_warranty,
                                             itsm_doc_coverage coverage, int security_countermeasure,
                                             int has_application_maintenance_contract,
                                             itsm_investigation investigation, itsm_date contract_date,
                                             itsm_contract_kind contract_kind, int customer_material,
                                             int vendor_knew_unsuitable, int fixed_promptly, int workaround_agreed,
                                             int serious);

%feature("docstring") itsmpy_maint_claim_check_ex
"maint_claim_check_ex(contract_date, delivery_date, known_date, notice_date,
                     contract_warranty_days, vendor_knew, no_day_shift, saturday_closed,
                     other_holidays)
    -> ((regime, in_time, (year, month, day) deadline, reason),
        ((year, month, day) period_end, shift_days))

itsm_maint_claim_check_ex() with the itsm_claim_facts and itsm_claim_options fields as
arguments (other_holidays a NativeHolidaySet or None).";
%rename(maint_claim_check_ex) itsmpy_maint_claim_check_ex;
itsm_status itsmpy_maint_claim_check_ex(itsm_claim_result *out, itsm_claim_shift *out_shift,
                                        itsm_date contract_date, itsm_date delivery_date, itsm_date known_date,
                                        itsm_date notice_date, int32_t contract_warranty_days, int vendor_knew,
                                        int no_day_shift, int saturday_closed,
                                        const itsm_holiday_set *other_holidays);
