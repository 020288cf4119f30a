#!/usr/bin/env python3
"""Write examples/data/github-downtime-2025.csv, the demo's SLA report input, from the
shipped GitHub status history (data/github-status-outages/downtime_windows.csv.gz, MIT
licence, see data/README.md): every downtime window that starts in 2025, including the
scheduled-maintenance rows, with the columns incident_id, downtime_start, downtime_end,
impact, ordered by start. Run from the repository root: python3 scripts/make_demo_data.py"""
import csv
import gzip
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = ROOT / "data" / "github-status-outages" / "downtime_windows.csv.gz"
TARGET = ROOT / "examples" / "data" / "github-downtime-2025.csv"


def main():
    with gzip.open(SOURCE, "rt", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["downtime_start"].startswith("2025-")]
    rows.sort(key=lambda r: (r["downtime_start"], r["incident_id"]))
    with open(TARGET, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["incident_id", "downtime_start", "downtime_end", "impact"])
        for r in rows:
            w.writerow([r["incident_id"], r["downtime_start"], r["downtime_end"], r["impact"]])
    print(f"{TARGET.relative_to(ROOT)}: {len(rows)} rows")


if __name__ == "__main__":
    main()
