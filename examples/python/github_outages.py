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

Run: PYTHONPATH=build/bindings/python /usr/bin/python3 examples/python/github_outages.py [DATA_DIR [OUT_DIR]]
"""
import datetime
import os

import pandas as pd

import itsm
from realdata import arguments, hours, markdown, pct

FILE = os.path.join("github-status-outages", "downtime_windows.csv.gz")
FIRST, LAST = (2022, 3), (2026, 8)
MINIMUM_OUTAGE = 300


def read(data_dir):
    df = pd.read_csv(os.path.join(data_dir, FILE), parse_dates=["downtime_start", "downtime_end"])
    df["planned"] = df["notified"] = df["impact"] == "maintenance"
    df["exclusion"] = df["impact"].map(lambda i: "other" if i == "none" else "none")
    return df


def months():
    """[start, end) of each UTC month from FIRST to LAST."""
    y, m = FIRST
    while (y, m) <= LAST:
        start = datetime.datetime(y, m, 1, tzinfo=datetime.timezone.utc)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        yield start, datetime.datetime(y, m, 1, tzinfo=datetime.timezone.utc)


def month_row(df, start, end):
    a = itsm.availability_from_dataframe(
        df, start, end, columns={"start": "downtime_start", "end": "downtime_end"}, minimum_outage=MINIMUM_OUTAGE)
    r = a.reliability()
    mtbf = "-" if r.mtbf.ratio is None else hours(r.mtbf.ratio)
    mtrs = "-" if r.mtrs.ratio is None else hours(r.mtrs.ratio)
    return a, [start.strftime("%Y-%m"), f"{100 * a.availability.ratio:.3f} %", hours(a.downtime_seconds),
               hours(a.maintenance_seconds), a.failures, mtbf, mtrs]


def main():
    data_dir, out_dir = arguments(__doc__.splitlines()[0])
    df = read(data_dir)
    print(f"GitHub status history: {len(df)} windows; " +
          ", ".join(f"{k} {v}" for k, v in df["impact"].value_counts().sort_index().items()))
    rows, total = [], None
    for start, end in months():
        a, row = month_row(df, start, end)
        rows.append(row)
        whole = itsm.Rate(a.agreed_seconds - a.downtime_seconds, a.agreed_seconds)
        total = whole if total is None else total + whole
    print(f"\n## Monthly availability (24x7, maintenance excluded, minimum outage {MINIMUM_OUTAGE // 60} min)\n")
    print(markdown(rows, ["month", "availability", "downtime", "maintenance", "failures", "MTBF", "MTRS"]))
    print(f"\n{FIRST[0]}-{FIRST[1]:02d} .. {LAST[0]}-{LAST[1]:02d}: availability {pct(total)} "
          f"({100 * total.ratio:.4f} %) by volume over {len(rows)} months")
    with open(os.path.join(out_dir, "github-availability.md"), "w", encoding="utf-8") as f:
        f.write(markdown(rows, ["month", "availability", "downtime", "maintenance", "failures", "MTBF", "MTRS"]) + "\n")


if __name__ == "__main__":
    main()
