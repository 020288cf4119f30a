"""Monthly availability, MTBF and MTRS of GitHub from its status-page history
(docs/real-data.md).

Data: GitHub's public status-page incident history 2022-03 .. 2026-08 as rebuilt from the
status feed by mrshu/github-statuses (MIT licence); shipped as
data/github-status-outages/downtime_windows.csv.gz (see data/README.md). These are NOT
GitHub's official availability figures: an incident window says some component was
degraded, not that all of GitHub was down.

- 24x7 service time, UTC months.
- Rows with impact "maintenance" are scheduled maintenance, announced on the status page:
  planned and notified, so they leave both the service time and the downtime.
- Rows with impact "none" (incidents declared without impact) are excluded (counted as
  available, reported as excluded time).
- Every other window (minor, major, critical) counts fully; overlapping windows count
  once; windows touching or overlapping form one failure.
- Minimum counted outage: 5 minutes (a shorter episode is not a failure).
- examples/data/agreement-github-availability.json states these rules as one SLA item
  (availability, "exclude_planned", "min_outage": 300) with illustrative levels (95 %
  agreed). The monthly report evaluates it with itsm.evaluate_periods over the outages
  in an itsm.Dataset; every month's figures are checked against
  itsm.availability_from_dataframe.

Run: PYTHONPATH=build/bindings/python /usr/bin/python3 examples/python/github_outages.py [DATA_DIR [OUT_DIR]]
"""
import os

import pandas as pd

import itsm
from realdata import arguments, calendar_24x7, hours, load_agreement, markdown, month_periods, pct

FILE = os.path.join("github-status-outages", "downtime_windows.csv.gz")
FIRST, LAST = (2022, 3), (2026, 8)
MINIMUM_OUTAGE = 300


PLANNED, NOTIFIED, EXCLUSION_OTHER = 1, 2, 3  # ITSM_OUTAGE_PLANNED / _NOTIFIED, ITSM_EXCLUSION_OTHER


def read(data_dir):
    df = pd.read_csv(os.path.join(data_dir, FILE), parse_dates=["downtime_start", "downtime_end"])
    df["planned"] = df["notified"] = df["impact"] == "maintenance"
    df["exclusion"] = df["impact"].map(lambda i: "other" if i == "none" else "none")
    return df


def monthly_reports(df, agreement, periods):
    """The agreement evaluated over each period, from the outage windows."""
    ds = itsm.Dataset().add_outages(df["downtime_start"], df["downtime_end"],
                                    flags=df["planned"] * PLANNED + df["notified"] * NOTIFIED,
                                    exclusion=(df["exclusion"] == "other") * EXCLUSION_OTHER)
    return itsm.evaluate_periods(agreement, ds, periods, calendars={"24x7": calendar_24x7()})


def direct(df, period):
    """Availability and reliability of the period by itsm.availability_from_dataframe."""
    a = itsm.availability_from_dataframe(df, period.start_datetime, period.end_datetime, minimum_outage=MINIMUM_OUTAGE,
                                         columns={"start": "downtime_start", "end": "downtime_end"})
    return a, a.reliability()


def checked_row(report, period, df):
    """The month's table row from the report's availability item, after checking its
    figures against the direct computation."""
    it = report.item("availability")
    a, r = direct(df, period)
    assert (it["numerator"], it["denominator"], it["records"]) == (
        a.availability.numerator, a.availability.denominator, a.failures), (report.period[0], it, a)
    for key, rate in (("mtbf_seconds", r.mtbf), ("mtrs_seconds", r.mtrs)):
        assert (it[key] is None) == (rate.ratio is None) and (it[key] is None or abs(it[key] - rate.ratio) < 1e-6)
    mtbf = "-" if it["mtbf_seconds"] is None else hours(it["mtbf_seconds"])
    mtrs = "-" if it["mtrs_seconds"] is None else hours(it["mtrs_seconds"])
    achieved = "-" if it["achieved_level"] is None else f"L{it['achieved_level']}"
    verdict = it["verdict"] + (f", credit {it['credit_percent']:g} %" if it["credit_percent"] else "")
    return [report.period[0], f"{it['value']:.3f} %", hours(it["denominator"] - it["numerator"]), hours(a.maintenance_seconds),
            it["records"], mtbf, mtrs, achieved, verdict]


def main():
    data_dir, out_dir = arguments(__doc__.splitlines()[0])
    df = read(data_dir)
    print(f"GitHub status history: {len(df)} windows; " +
          ", ".join(f"{k} {v}" for k, v in df["impact"].value_counts().sort_index().items()))
    periods = month_periods(FIRST, LAST)
    reports = monthly_reports(df, load_agreement("agreement-github-availability.json"), periods)
    rows = [checked_row(r, p, df) for r, p in zip(reports, periods)]
    total = itsm.Rate(sum(r.item("availability")["numerator"] for r in reports),
                      sum(r.item("availability")["denominator"] for r in reports))
    table = markdown(rows, ["month", "availability", "downtime", "maintenance", "failures", "MTBF", "MTRS", "achieved",
                            "verdict"])
    print(f"\n## Monthly SLA report (agreement-github-availability.json: 24x7, maintenance excluded, "
          f"minimum outage {MINIMUM_OUTAGE // 60} min)\n")
    print(table)
    july = next(r for r in reports if r.period[0] == "2024-07")
    print(f"\nEvery month's figures equal itsm.availability_from_dataframe. The report of {july.period[0]}:\n")
    print(july.to_markdown())
    with open(os.path.join(out_dir, "github-availability.md"), "w", encoding="utf-8") as f:
        f.write(itsm.reports_to_markdown(reports))
    print(f"{FIRST[0]}-{FIRST[1]:02d} .. {LAST[0]}-{LAST[1]:02d}: availability {pct(total)} "
          f"({100 * total.ratio:.4f} %) by volume over {len(rows)} months")


if __name__ == "__main__":
    main()
