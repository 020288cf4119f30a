"""Helpers shared by the real-data examples (uci_servicenow.py, bpic2013_volvo.py,
github_outages.py): the command line, a 24x7 calendar, Markdown tables, the months of a
period report and the cross-checks of report figures against direct clock results.

Each example takes the repository's data directory and an output directory:

    python3 examples/python/uci_servicenow.py DATA_DIR OUT_DIR

DATA_DIR defaults to $ITSM_DATA_DIR, then to the repository's data/; OUT_DIR (where
the example may write files) to a fresh temporary directory. Nothing is written anywhere
else.
"""
import argparse
import os
import json
import tempfile

import itsm

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES_DATA = os.path.join(HERE, "..", "data")


def arguments(description):
    """(data_dir, out_dir) from the command line."""
    default = os.environ.get("ITSM_DATA_DIR", os.path.join(HERE, "..", "..", "data"))
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("data_dir", nargs="?", default=default, help="the repository's data/ directory")
    parser.add_argument("out_dir", nargs="?", default=None, help="where output files may be written")
    args = parser.parse_args()
    out = args.out_dir or tempfile.mkdtemp(prefix="itsm-example-")
    os.makedirs(out, exist_ok=True)
    return args.data_dir, out


def calendar_24x7(zone="UTC"):
    """Open every second of every day (24x7 is a calendar too)."""
    day = ["00:00-24:00"]
    return itsm.Calendar({"itsm_schema": 1, "type": "calendar", "name": "24x7", "zone": zone,
                          "week": {d: day for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}})


def markdown(rows, columns, align=None):
    """A Markdown table of ``rows`` (sequences) under ``columns``; ``align`` is a string of
    'l'/'r' per column (default: first left, others right)."""
    align = align or "l" + "r" * (len(columns) - 1)
    sep = ["---" if a == "l" else "---:" for a in align]
    lines = ["| " + " | ".join(columns) + " |", "| " + " | ".join(sep) + " |"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def pct(rate):
    """An itsm.Rate as a percentage with one decimal, '-' without data."""
    return "-" if rate.ratio is None else f"{100 * rate.ratio:.1f} %"


def hours(seconds):
    return f"{seconds / 3600:.1f} h"


def load_agreement(name):
    """An agreement of examples/data; asserts that it lints clean."""
    with open(os.path.join(EXAMPLES_DATA, name), encoding="utf-8") as f:
        agreement = itsm.Agreement(f.read())
    assert agreement.lint() == [], agreement.lint()
    return agreement


def item_levels(agreement):
    """{item id: (its selected priority, its agreed threshold)} of the agreement's SLA items."""
    items = json.loads(agreement.to_json())["sla_items"]
    return {it["id"]: (it["selector"]["priorities"][0], it["levels"][it["level"]]["value"]) for it in items}


def month_periods(first, last):
    """itsm.Period.month of each UTC month from ``first`` to ``last`` ((year, month) pairs)."""
    (y, m), out = first, []
    while (y, m) <= last:
        out.append(itsm.Period.month(y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def last_per_record(events, record, column):
    """Each event row's record's last value of ``column`` (a record's key is its last row's)."""
    return events.groupby(record, sort=False)[column].transform("last")


def counted(clocks):
    """The records a report counts (docs/reports.md): stopped clocks in the month of their
    stop, open clocks already over their target in the month they crossed it; cancelled,
    never started and open clocks within target are left out. Columns month, met, elapsed."""
    stopped = clocks["state"].isin(["met", "breached"])
    late = clocks["state"].isin(["running", "paused"]) & clocks["breached"]
    place = clocks["stop"].where(stopped, clocks["deadline"])
    frame = clocks.assign(month=place.dt.strftime("%Y-%m"), met=clocks["state"] == "met",
                          elapsed=clocks["elapsed_business"])
    return frame.loc[stopped | late, ["month", "met", "elapsed"]]


def check_share(report, item_id, rows):
    """The report's share within target of ``item_id`` is the direct count of ``rows``
    (the counted clocks of the report's month)."""
    it = report.item(item_id)
    direct = (int(rows["met"].sum()), len(rows))
    assert (it["numerator"], it["denominator"]) == direct, (report.period[0], item_id, it["numerator"], it["denominator"], direct)


def measured(it):
    """The Measured cell of an item: value, share or percentile, and the verdict."""
    if it["value"] is None:
        return it["verdict"].replace("_", " ")
    unit = "%" if it["unit"] == "percent" else f" {it['unit']}"
    if it["metric"] == "availability":
        return f"{it['value']:.3f}{unit} {it['verdict']}"
    if it["unit"] == "percent":
        return f"{it['value']:.1f}{unit} ({it['numerator']}/{it['denominator']}) {it['verdict']}"
    return f"{it['value']:.1f}{unit} (n={it['records']}) {it['verdict']}"


def summary(reports, item_ids=None):
    """One Markdown row per report (period): the measured value and verdict of each item."""
    item_ids = item_ids or [it["id"] for it in reports[0].items]
    rows = [[r.period[0], *(measured(r.item(i)) for i in item_ids)] for r in reports]
    return markdown(rows, ["month", *item_ids])
