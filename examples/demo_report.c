/* itsm_demo: a report over a service's outage log, on the guideline's business calendars.
 *
 * Reads a CSV of outages (incident_id,downtime_start,downtime_end,impact with ISO 8601
 * instants; the shipped sample is GitHub's 2024 status-page history, MIT-licensed data
 * from mrshu/github-statuses) and prints, for a desk in one zone:
 *   - downtime per impact class, as ISO 8601 durations;
 *   - the longest outages as seen by desks in Tokyo, Amsterdam and New York;
 *   - how many outages began inside the desk's local hours (Mon-Fri 09:00-18:00);
 *   - the DST transitions of the year in each zone, which any business-hours clock
 *     must get right;
 *   - the guideline's deadline words evaluated on the sample service hours of guideline
 *     5.2 (desk: Mon-Fri 9:00-18:00, Sat 9:00-12:00 and 13:00-17:00, closed on Japanese
 *     national holidays and Dec 29 - Jan 3) and on a vendor's 24x7 calendar with its own
 *     holidays, for the longest outages, and how many outages were restored by the end
 *     of the next business day;
 *   - then a monthly SLA report (itsm/report.h) for every month of 2025 over GitHub's
 *     status history (examples/data/github-downtime-2025.csv, made from data/ by
 *     scripts/make_demo_data.py) against examples/data/agreement-github-status.json:
 *     availability of major and critical outages with scheduled maintenance excluded
 *     (plus MTBF and MTRS), the 90th percentile of restoration times, and the number of
 *     incidents, printed as Markdown.
 * usage: itsm_demo [CSV] [DESK_ZONE]   (defaults: the shipped sample, Asia/Tokyo) */
#include <itsm.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_OUTAGES 4096
#define N_SHOWN 5

typedef struct outage {
    char id[32];
    char impact[16];
    itsm_instant start, end;
} outage;

static const char *const zone_names[] = {"Asia/Tokyo", "Europe/Amsterdam", "America/New_York"};
#define N_ZONES (sizeof zone_names / sizeof zone_names[0])

/* The whole file as a NUL-terminated string, or NULL (message printed). */
static char *read_text(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0;
    if (f == NULL) {
        perror(path);
        return NULL;
    }
    for (;;) {
        if (n + 4096 + 1 > cap) {
            char *grown = realloc(buf, cap = (cap + 4096) * 2);
            if (grown == NULL)
                break;
            buf = grown;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
    }
    fclose(f);
    if (buf != NULL)
        buf[n] = '\0';
    *len = n;
    return buf;
}

static int load_calendar(itsm_calendar **out, const char *path)
{
    size_t len = 0;
    char *text = read_text(path, &len);
    if (text == NULL)
        return 1;
    int rc = itsm_calendar_from_json(out, text, len, NULL, 0);
    free(text);
    if (rc != ITSM_OK) {
        fprintf(stderr, "itsm_demo: %s: %s\n", path, itsm_error_last());
        return 1;
    }
    return 0;
}

static int fail(const char *what)
{
    fprintf(stderr, "itsm_demo: %s: %s\n", what, itsm_error_last());
    return 1;
}

/* Split "a,b,c,d" in place into exactly four fields. */
static int split4(char *line, char *field[4])
{
    for (int i = 0; i < 4; i++) {
        field[i] = line;
        char *comma = strchr(line, i < 3 ? ',' : '\n');
        if (comma == NULL && i < 3)
            return -1;
        if (comma != NULL) {
            *comma = '\0';
            line = comma + 1;
        }
    }
    return 0;
}

/* Copy a CSV field into a fixed buffer; a field that does not fit is an error, not a
 * truncated id. */
static int copy_field(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size)
        return -1;
    memcpy(dst, src, n + 1);
    return 0;
}

static int read_outages(const char *path, outage *out, size_t *count)
{
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        perror(path);
        return 1;
    }
    char line[512];
    size_t n = 0, lineno = 0;
    while (fgets(line, sizeof line, f) != NULL) {
        if (++lineno == 1)
            continue; /* header */
        char *field[4];
        if (split4(line, field) != 0 || n == MAX_OUTAGES) {
            fprintf(stderr, "%s:%zu: expected 4 fields (or too many rows)\n", path, lineno);
            fclose(f);
            return 1;
        }
        outage *o = &out[n];
        if (copy_field(o->id, sizeof o->id, field[0]) != 0 || copy_field(o->impact, sizeof o->impact, field[3]) != 0) {
            fprintf(stderr, "%s:%zu: incident_id or impact is too long\n", path, lineno);
            fclose(f);
            return 1;
        }
        if (itsm_instant_parse(&o->start, field[1], NULL) != ITSM_OK ||
            itsm_instant_parse(&o->end, field[2], NULL) != ITSM_OK) {
            fprintf(stderr, "%s:%zu: %s\n", path, lineno, itsm_error_last());
            fclose(f);
            return 1;
        }
        n++;
    }
    fclose(f);
    *count = n;
    return 0;
}

static void print_duration(const char *label, itsm_duration d)
{
    char text[ITSM_DURATION_TEXT_SIZE];
    if (itsm_duration_format(text, sizeof text, d) == ITSM_OK)
        printf("%s%s", label, text);
}

static void report_by_impact(const outage *o, size_t n)
{
    const char *classes[] = {"critical", "major", "minor", "none"};
    printf("Downtime by impact (%zu outages)\n", n);
    for (size_t c = 0; c < sizeof classes / sizeof classes[0]; c++) {
        size_t count = 0;
        itsm_duration total = 0, longest = 0;
        for (size_t i = 0; i < n; i++) {
            if (strcmp(o[i].impact, classes[c]) != 0)
                continue;
            itsm_duration d = o[i].end - o[i].start;
            count++;
            total += d;
            longest = d > longest ? d : longest;
        }
        printf("  %-8s %4zu", classes[c], count);
        print_duration("   total ", total);
        print_duration("   longest ", longest);
        putchar('\n');
    }
}

static int cmp_longest(const void *a, const void *b)
{
    const outage *x = a, *y = b;
    itsm_duration dx = x->end - x->start, dy = y->end - y->start;
    return (dx < dy) - (dx > dy);
}

static int report_longest(outage *o, size_t n, itsm_tz *const zones[])
{
    qsort(o, n, sizeof *o, cmp_longest);
    printf("\nLongest outages, start as seen by each desk\n");
    for (size_t i = 0; i < n && i < N_SHOWN; i++) {
        printf("  %-9s", o[i].id);
        print_duration(" ", o[i].end - o[i].start);
        putchar('\n');
        for (size_t z = 0; z < N_ZONES; z++) {
            char text[ITSM_INSTANT_TEXT_SIZE];
            itsm_tz_info info;
            if (itsm_instant_format(text, sizeof text, o[i].start, zones[z]) != ITSM_OK ||
                itsm_tz_info_at(&info, zones[z], o[i].start) != ITSM_OK)
                return fail("format");
            printf("      %-17s %s %s\n", zone_names[z], text, info.abbreviation);
        }
    }
    return 0;
}

static int report_desk_hours(const outage *o, size_t n, const itsm_tz *desk)
{
    size_t inside = 0;
    for (size_t i = 0; i < n; i++) {
        itsm_datetime local;
        int weekday;
        if (itsm_tz_to_local(&local, desk, o[i].start) != ITSM_OK ||
            itsm_date_weekday(&weekday, (itsm_date){local.year, local.month, local.day}) != ITSM_OK)
            return fail("local time");
        if (weekday <= 5 && local.hour >= 9 && local.hour < 18)
            inside++;
    }
    printf("\nDesk %s: %zu of %zu outages began inside Mon-Fri 09:00-18:00 local time\n", itsm_tz_name(desk),
           inside, n);
    return 0;
}

static int report_transitions(itsm_tz *const zones[], int year)
{
    printf("\nDST transitions in %d\n", year);
    itsm_instant t, end;
    if (itsm_instant_from_utc(&t, &(itsm_datetime){year, 1, 1, 0, 0, 0}) != ITSM_OK ||
        itsm_instant_from_utc(&end, &(itsm_datetime){year + 1, 1, 1, 0, 0, 0}) != ITSM_OK)
        return fail("year");
    for (size_t z = 0; z < N_ZONES; z++) {
        itsm_instant u = t;
        int shown = 0;
        while (itsm_tz_next_transition(&u, zones[z], u) == ITSM_OK && u < end) {
            char text[ITSM_INSTANT_TEXT_SIZE];
            int32_t before, after;
            if (itsm_tz_utc_offset(&before, zones[z], u - 1) != ITSM_OK ||
                itsm_tz_utc_offset(&after, zones[z], u) != ITSM_OK ||
                itsm_instant_format(text, sizeof text, u, zones[z]) != ITSM_OK)
                return fail("transition");
            printf("  %-17s %s  clocks %s by %d min\n", zone_names[z], text, after > before ? "forward" : "back",
                   abs(after - before) / 60);
            shown++;
        }
        if (shown == 0)
            printf("  %-17s none\n", zone_names[z]);
    }
    return 0;
}

/* Japanese words go last: printf pads by bytes, not by display width. */
static void print_local(const char *label, const char *word, itsm_instant t, const itsm_calendar *cal)
{
    char text[ITSM_INSTANT_TEXT_SIZE];
    if (itsm_instant_format(text, sizeof text, t, itsm_calendar_zone(cal)) == ITSM_OK)
        printf("      %-42s %.16s  %s\n", label, text, word);
}

/* The guideline's deadline words for one reception instant. */
static int deadlines_for(itsm_instant t, const itsm_calendar *desk, const itsm_calendar *vendor)
{
    itsm_instant u;
    itsm_datetime local;
    if (itsm_tz_to_local(&local, itsm_calendar_zone(desk), t) != ITSM_OK)
        return fail("local time");
    int32_t next_year = local.month == 12 ? local.year + 1 : local.year;
    int32_t next_month = local.month == 12 ? 1 : local.month + 1;
    print_local("received", "", t, desk);
    if (itsm_calendar_end_of_business_day(&u, desk, t, 0) != ITSM_OK)
        return fail("same day");
    print_local("same day", "当日", u, desk);
    if (itsm_calendar_end_of_business_day(&u, desk, t, 1) != ITSM_OK)
        return fail("next business day");
    print_local("next business day", "翌営業日", u, desk);
    if (itsm_calendar_half_business_day(&u, desk, t) != ITSM_OK)
        return fail("half day");
    print_local("within half a day", "半日以内", u, desk);
    if (itsm_calendar_add_business(&u, desk, t, 2 * 3600) != ITSM_OK)
        return fail("2 business hours");
    print_local("2 business hours", "2時間", u, desk);
    if (itsm_calendar_add_business(&u, vendor, t, 24 * 3600) != ITSM_OK)
        return fail("24 h excluding vendor holidays");
    print_local("24 h excluding vendor holidays", "休日を除く24時間", u, desk);
    if (itsm_calendar_nth_business_day(&u, desk, next_year, next_month, 10) != ITSM_OK)
        return fail("10 business days");
    print_local("10 business days from next month's start", "翌月月初10営業日", u, desk);
    return 0;
}

static int report_deadlines(const outage *o, size_t n, const itsm_calendar *desk, const itsm_calendar *vendor)
{
    printf("\nDeadline words on the %s calendar (guideline 5.2 sample hours), longest outages\n",
           itsm_calendar_name(desk));
    for (size_t i = 0; i < n && i < 2; i++) {
        printf("  %s\n", o[i].id);
        if (deadlines_for(o[i].start, desk, vendor) != 0)
            return 1;
    }
    size_t met = 0;
    for (size_t i = 0; i < n; i++) {
        itsm_instant due;
        if (itsm_calendar_end_of_business_day(&due, desk, o[i].start, 1) != ITSM_OK)
            return fail("next business day");
        met += o[i].end <= due;
    }
    printf("  restored by the end of the next business day (翌営業日): %zu of %zu outages\n", met, n);
    return 0;
}

/* ---- the monthly SLA report ------------------------------------------------------------------ */

/* The dataset of the report: every window as an outage (scheduled maintenance planned and
 * notified; major and critical count fully, minor and no-impact ones with weight 0),
 * "incident" events for every non-maintenance window, and "failure" / "restored" events
 * of the major and critical ones for the restoration item. */
static int fill_dataset(itsm_dataset *ds, const outage *o, size_t n)
{
    static itsm_instant start[MAX_OUTAGES], end[MAX_OUTAGES], incident[MAX_OUTAGES];
    static uint8_t flags[MAX_OUTAGES];
    static int64_t share[MAX_OUTAGES], record[MAX_OUTAGES];
    static itsm_instant fail_at[MAX_OUTAGES], restored_at[MAX_OUTAGES];
    static const char *ids[MAX_OUTAGES];
    size_t k = 0, f = 0;
    for (size_t i = 0; i < n; i++) {
        bool maintenance = strcmp(o[i].impact, "maintenance") == 0;
        bool full = strcmp(o[i].impact, "major") == 0 || strcmp(o[i].impact, "critical") == 0;
        start[i] = o[i].start;
        end[i] = o[i].end;
        ids[i] = o[i].id;
        flags[i] = maintenance ? ITSM_OUTAGE_PLANNED | ITSM_OUTAGE_NOTIFIED : 0;
        share[i] = maintenance || full ? ITSM_PPB : 0;
        if (!maintenance)
            incident[k++] = o[i].start;
        if (full) {
            record[f] = (int64_t)i;
            fail_at[f] = o[i].start;
            restored_at[f++] = o[i].end;
        }
    }
    itsm_outages outages = ITSM_OUTAGES_INIT;
    outages.n = n;
    outages.start = start;
    outages.end = end;
    outages.flags = flags;
    outages.share = share;
    if (itsm_dataset_add_outages(ds, &outages, ids) != ITSM_OK ||
        itsm_dataset_add_events(ds, "incident", NULL, incident, k) != ITSM_OK ||
        itsm_dataset_add_events(ds, "failure", record, fail_at, f) != ITSM_OK ||
        itsm_dataset_add_events(ds, "restored", record, restored_at, f) != ITSM_OK)
        return fail("dataset");
    return 0;
}

static int evaluate_year(const itsm_agreement *a, const itsm_calendar_set *cals, const itsm_dataset *ds, int year)
{
    itsm_report *reports[12] = {NULL};
    itsm_report_options opt = ITSM_REPORT_OPTIONS_INIT;
    opt.max_breaches = 3;
    int rc = 0;
    for (int m = 0; m < 12 && rc == 0; m++) {
        itsm_period p;
        if (itsm_period_month(&p, year, m + 1, NULL) != ITSM_OK ||
            itsm_report_evaluate(&reports[m], a, cals, ds, &p, &opt) != ITSM_OK)
            rc = fail("report");
    }
    char *md = NULL;
    if (rc == 0 && itsm_report_to_markdown(&md, (const itsm_report *const *)reports, 12) != ITSM_OK)
        rc = fail("markdown");
    if (md != NULL)
        fputs(md, stdout);
    itsm_free(md);
    for (int m = 0; m < 12; m++)
        itsm_report_free(reports[m]);
    return rc;
}

static int sla_report(void)
{
    static outage o[MAX_OUTAGES];
    size_t n = 0, len = 0;
    if (read_outages(ITSM_DEMO_REPORT_DATA, o, &n) != 0)
        return 1;
    char *text = read_text(ITSM_DEMO_AGREEMENT, &len);
    itsm_agreement *a = NULL;
    itsm_calendar *always = NULL;
    itsm_calendar_set *cals = NULL;
    itsm_dataset *ds = NULL;
    int rc = 1;
    if (text == NULL || itsm_agreement_from_json(&a, text, len) != ITSM_OK) {
        fail(ITSM_DEMO_AGREEMENT);
        goto done;
    }
    if (load_calendar(&always, ITSM_DEMO_CALENDAR_24X7) != 0)
        goto done;
    if (itsm_calendar_set_new(&cals) != ITSM_OK || itsm_calendar_set_add(cals, "24x7", always) != ITSM_OK ||
        itsm_dataset_new(&ds) != ITSM_OK) {
        fail("setup");
        goto done;
    }
    printf("\n# Monthly SLA report: %s\n\n%zu downtime windows from %s\n\n", itsm_agreement_id(a), n,
           ITSM_DEMO_REPORT_DATA);
    if (fill_dataset(ds, o, n) == 0 && evaluate_year(a, cals, ds, 2025) == 0)
        rc = 0;
done:
    itsm_dataset_free(ds);
    itsm_calendar_set_free(cals);
    itsm_calendar_free(always);
    itsm_agreement_free(a);
    free(text);
    return rc;
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : ITSM_DEMO_DATA;
    const char *desk_name = argc > 2 ? argv[2] : "Asia/Tokyo";
    static outage outages[MAX_OUTAGES];
    size_t n = 0;
    if (read_outages(path, outages, &n) != 0)
        return 1;
    if (n == 0) {
        fprintf(stderr, "itsm_demo: %s has no outages\n", path);
        return 1;
    }

    itsm_tz *zones[N_ZONES] = {NULL};
    itsm_tz *desk = NULL;
    itsm_calendar *desk_cal = NULL, *vendor_cal = NULL;
    int rc = 1;
    if (load_calendar(&desk_cal, ITSM_DEMO_DESK) != 0 || load_calendar(&vendor_cal, ITSM_DEMO_VENDOR) != 0)
        goto done;
    for (size_t z = 0; z < N_ZONES; z++)
        if (itsm_tz_load(&zones[z], zone_names[z], NULL) != ITSM_OK) {
            fail(zone_names[z]);
            goto done;
        }
    if (itsm_tz_load(&desk, desk_name, NULL) != ITSM_OK) {
        fail(desk_name);
        goto done;
    }

    printf("libitsm %s time report: %s\n\n", itsm_version(), path);
    itsm_datetime first;
    if (itsm_instant_to_utc(&first, outages[0].start) != ITSM_OK) {
        fail("first outage");
        goto done;
    }
    report_by_impact(outages, n);
    if (report_desk_hours(outages, n, desk) != 0 || report_longest(outages, n, zones) != 0 ||
        report_transitions(zones, first.year) != 0 || report_deadlines(outages, n, desk_cal, vendor_cal) != 0 ||
        sla_report() != 0)
        goto done;
    rc = 0;
done:
    for (size_t z = 0; z < N_ZONES; z++)
        itsm_tz_free(zones[z]);
    itsm_tz_free(desk);
    itsm_calendar_free(desk_cal);
    itsm_calendar_free(vendor_cal);
    return rc;
}
